"""The accessibility gate's axe-core checks of tests/test_quality_a11y.py, continued: the
other half of the page types, and the pages checked for what only they show. A file of its
own, so that `invoke test`, which deals whole files to the test workers, runs the two halves
side by side.
"""

import pytest

from sitecheck import SiteTypes
from tests.test_quality_a11y import OTHER_TYPES, assert_no_axe_violations_of_type

pytestmark = [pytest.mark.browser, pytest.mark.gates]

# Pages checked besides one of each type, for what only they show: a later page of a list,
# today's month, a cancelled event, an online event's time table, each kind of partner logo.
ALSO = [
    "/news/page/2/",
    "/events/calendar/2026-01/",
    "/events/example-cancelled-vigil/",
    "/events/2026-day-of-prayer-online-gathering/",
    "/partners/talitha-kum/",
    "/partners/uisg/",
    "/partners/pontifical-council-migrants/",
]


@pytest.fixture(scope="module")
def types(demo):
    return SiteTypes(demo.output)


@pytest.mark.parametrize("kind", OTHER_TYPES)
def test_page_type_has_no_axe_violations_in_any_language(axe, types, kind):
    assert_no_axe_violations_of_type(axe, types, kind)


@pytest.mark.parametrize("path", ALSO)
def test_page_variant_has_no_axe_violations_in_light_and_dark(axe, demo, path):
    assert (demo.output / path.lstrip("/") / "index.html").exists(), f"{path} is not built"
    assert axe(path) == []
