"""Lighthouse gate: the home, campaign, edition and event pages of the demo build, served on
127.0.0.1, score at least 95 in performance, accessibility, best practices and SEO on mobile
settings."""

import pytest

from sitecheck import SiteTypes
from sitecheck.lighthouse import MINIMUM, run_lighthouse
from sitecheck.suite import LIGHTHOUSE_TYPES, lighthouse_targets
from tests.browser import serve
from tests.conftest import write_files
from tests.quality import require_lighthouse

pytestmark = pytest.mark.gates


@pytest.fixture(scope="module")
def lighthouse_site(demo):
    command = require_lighthouse()
    with serve(demo.output) as base:
        yield base, command, dict(lighthouse_targets(SiteTypes(demo.output))[0])


@pytest.mark.parametrize("kind", LIGHTHOUSE_TYPES)
def test_page_scores_at_least_95_in_every_category(lighthouse_site, kind):
    base, command, targets = lighthouse_site
    if kind not in targets:
        pytest.skip(f"the demo build has no {kind} page yet")
    report = run_lighthouse(base + targets[kind], command)
    assert report.problems() == []


def test_lighthouse_fails_a_page_without_title_viewport_or_language(tmp_path):
    command = require_lighthouse()
    site = write_files(
        tmp_path, {"index.html": "<!DOCTYPE html><meta charset=utf-8><p>No title here.</p>"}
    )
    with serve(site) as base:
        report = run_lighthouse(base + "/", command)
    assert report.scores["accessibility"] < MINIMUM
    assert report.scores["seo"] < MINIMUM
    assert any("<title>" in audit for audit in report.lost["seo"]), report.lost["seo"]
