"""`invoke check`'s runner: every gate over one built site, a readable report that says which
gates ran, passed, failed or were skipped and why; in CI a missing tool fails."""

import pytest

from sitecheck.gates import Gate, report, run_gates
from sitecheck.suite import site_gates
from tests.conftest import write_files
from tests.quality import incompressible_js, require


def gates():
    return [
        Gate("links", list, covers="12 pages"),
        Gate("HTML", lambda: ["index.html:1:2: bad"], covers="12 pages"),
        Gate("Lighthouse", list, missing="node not found"),
    ]


def test_report_says_which_gates_passed_failed_and_were_skipped_and_why():
    text = report(run_gates(gates()))
    lines = text.splitlines()
    assert lines[0].split()[:2] == ["links", "passed"]
    assert lines[1].split()[:2] == ["HTML", "failed"]
    assert lines[2].split() == ["Lighthouse", "skipped", "cannot", "run:", "node", "not", "found"]
    assert lines[-2:] == ["HTML: 1 problem(s)", "  index.html:1:2: bad"]


def test_a_missing_tool_fails_its_gate_when_tools_are_required():
    outcomes = run_gates(gates(), tools_required=True)
    assert [o.status for o in outcomes] == ["passed", "failed", "failed"]


def test_a_missing_tool_skips_a_gate_test_but_fails_it_in_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="java not found"):
        require("java not found")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI needs this tool: java not found"):
        require("java not found")
    require("")  # nothing missing: the test goes on


def test_a_gate_whose_tool_breaks_fails():
    def broken():
        raise RuntimeError("the JVM ran out of memory")

    [outcome] = run_gates([Gate("HTML", broken)])
    assert outcome.status == "failed"
    assert outcome.problems == ["the gate could not finish: the JVM ran out of memory"]


@pytest.mark.gates
def test_the_static_gates_each_fail_on_their_planted_defect(tmp_path):
    siteurl = "http://127.0.0.1:9/campaigns"
    write_files(
        tmp_path,
        {
            "404.html": '<!DOCTYPE html><html lang="en"><title>Not found</title></html>',
            "index.html": """
            <!DOCTYPE html><html lang="en"><head><title>Home</title>
            <script src="/campaigns/big.js" defer></script></head>
            <body><a href="/missing/">gone</a><blink>old</blink></body></html>
            """,
            "big.js": incompressible_js(100 * 1024),
            "tracker.js": "document.cookie = 'id=1';",
            "logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://t.example/p"/></svg>',
            "odd/kind/of/page.html": '<!DOCTYPE html><html lang="en"><title>Odd</title></html>',
        },
    )
    static = [
        g
        for g in site_gates(tmp_path, siteurl, "http://127.0.0.1:9")
        if g.name in ("links", "privacy", "safety", "HTML (Nu checker)", "page weight")
    ]
    outcomes = {o.gate.name: o for o in run_gates(static)}
    if outcomes["HTML (Nu checker)"].status == "skipped":
        pytest.skip(outcomes["HTML (Nu checker)"].problems[0])
    assert outcomes["links"].problems == [
        "index.html: broken link to /missing/",
        "odd/kind/of/page.html: a page of no known type: add it to PAGE_TYPES",
    ]
    assert outcomes["privacy"].problems == [
        "logo.svg: <image> href refers outside the file: https://t.example/p",
        "tracker.js: sets a cookie (document.cookie)",
    ]
    assert outcomes["safety"].problems == [
        'index.html: <script src="/campaigns/big.js">: not one of the theme\'s scripts'
    ]
    assert "blink" in outcomes["HTML (Nu checker)"].problems[0]
    assert "render-blocking" not in " ".join(outcomes["page weight"].problems)
    assert outcomes["page weight"].status == "failed"
