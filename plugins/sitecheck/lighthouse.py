"""Lighthouse (npm ``lighthouse``, pinned in package.json) with Debian's Chromium, mobile
settings: the four category scores of one page, and the audits that cost points."""

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MINIMUM = 95


@dataclass
class Report:
    url: str
    scores: dict[str, int]  # category -> 0..100
    lost: dict[str, list[str]] = field(default_factory=dict)  # category -> audits below 1

    def problems(self, minimum: int = MINIMUM) -> list[str]:
        return [
            f"{self.url}: {category} {score} < {minimum} ({'; '.join(self.lost[category])})"
            for category, score in self.scores.items()
            if score < minimum
        ]


def lighthouse_command() -> tuple[list[str] | None, str]:
    """The command that runs Lighthouse, or None and what is missing."""
    if not shutil.which("node"):
        return None, "node not found (Debian package: nodejs)"
    if not LIGHTHOUSE.exists():
        return None, f"{LIGHTHOUSE.relative_to(ROOT)} not found (run `npm ci`)"
    if not Path(CHROMIUM).exists():
        return None, f"Chromium not found at {CHROMIUM} (Debian package: chromium)"
    return [str(LIGHTHOUSE)], ""


def run_lighthouse(url: str, command: list[str] | None = None) -> Report:
    """Audit ``url`` once (about ten seconds) with Lighthouse's default mobile settings."""
    command = command or lighthouse_command()[0]
    if command is None:
        raise RuntimeError(lighthouse_command()[1])
    result = subprocess.run(
        [
            *command,
            url,
            "--quiet",
            "--form-factor=mobile",
            "--output=json",
            "--output-path=stdout",
            "--no-enable-error-reporting",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=False,
        timeout=180,
    )
    try:
        lhr = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"Lighthouse failed on {url}: {result.stderr[-2000:]}") from None
    if lhr.get("runtimeError"):
        raise RuntimeError(f"Lighthouse failed on {url}: {lhr['runtimeError']['message']}")
    audits = lhr["audits"]
    report = Report(url, {})
    for name, category in lhr["categories"].items():
        report.scores[name] = round((category["score"] or 0) * 100)
        report.lost[name] = [
            f"{audits[ref['id']]['title']} ({audits[ref['id']]['score']})"
            for ref in category["auditRefs"]
            if ref["weight"] and (audits[ref["id"]]["score"] or 0) < 1
        ]
    return report
