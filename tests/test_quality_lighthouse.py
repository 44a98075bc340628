"""Lighthouse gate: the home, campaign, edition and event pages of the demo build, served on
127.0.0.1, score at least 95 in performance, accessibility, best practices and SEO on mobile
settings."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from sitecheck import SiteTypes
from sitecheck.lighthouse import MINIMUM, run_lighthouse
from sitecheck.suite import LIGHTHOUSE_TYPES, lighthouse_targets
from tests.browser import serve
from tests.conftest import write_files
from tests.quality import require_lighthouse

pytestmark = pytest.mark.gates


PLANTED = {"index.html": "<!DOCTYPE html><meta charset=utf-8><p>No title here.</p>"}


@pytest.fixture(scope="module")
def audits(demo, tmp_path_factory):
    """Every audit of this file, started at once: a Lighthouse run mostly waits (for the
    network and the processor to settle, for a screenshot), so the five together take little
    longer than one. {type or "planted": the run (a Future of its Report)}."""
    command = require_lighthouse()
    targets = dict(lighthouse_targets(SiteTypes(demo.output))[0])
    planted = write_files(tmp_path_factory.mktemp("planted"), PLANTED)
    with (
        serve(demo.output) as base,
        serve(planted) as planted_base,
        ThreadPoolExecutor(len(targets) + 1) as pool,
    ):
        runs = {
            kind: pool.submit(run_lighthouse, base + path, command)
            for kind, path in targets.items()
        }
        runs["planted"] = pool.submit(run_lighthouse, planted_base + "/", command)
        yield runs


@pytest.mark.parametrize("kind", LIGHTHOUSE_TYPES)
def test_page_scores_at_least_95_in_every_category(audits, kind):
    if kind not in audits:
        pytest.skip(f"the demo build has no {kind} page yet")
    assert audits[kind].result().problems() == []


def test_lighthouse_fails_a_page_without_title_viewport_or_language(audits):
    report = audits["planted"].result()
    assert report.scores["accessibility"] < MINIMUM
    assert report.scores["seo"] < MINIMUM
    assert any("<title>" in audit for audit in report.lost["seo"]), report.lost["seo"]
