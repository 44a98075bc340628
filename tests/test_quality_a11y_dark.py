"""The accessibility gate's axe-core checks of tests/test_quality_a11y.py in the dark colour
scheme: a file of its own, so that `invoke test`, which deals whole files to the test workers,
runs the two schemes side by side.
"""

import pytest

from sitecheck import PAGE_TYPES, SiteTypes
from tests.test_quality_a11y import (
    ALSO,
    assert_no_axe_violations_of_type,
    assert_no_axe_violations_of_variant,
)

pytestmark = [pytest.mark.browser, pytest.mark.gates]


@pytest.fixture(scope="module")
def types(demo):
    return SiteTypes(demo.output)


@pytest.mark.parametrize("scheme", ["dark"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_page_type_has_no_axe_violations_in_any_language(axe, types, kind, scheme):
    assert_no_axe_violations_of_type(axe, types, kind, scheme)


@pytest.mark.parametrize("scheme", ["dark"])
@pytest.mark.parametrize("path", ALSO)
def test_page_variant_has_no_axe_violations(axe, demo, path, scheme):
    assert_no_axe_violations_of_variant(axe, demo, path, scheme)
