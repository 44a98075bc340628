"""Property: whatever string an editor writes in whatever field of whatever kind of file, the
build ends with success or with content errors (one line each), never a traceback, and no
value reaches a page unescaped.

Hypothesis draws the values: any text without line ends (a value is one line of a file),
mixed with payloads and edge cases. The examples are derandomised so that CI runs the same
ones every time; ``HYPOTHESIS_PROFILE=thorough`` runs many more locally.
"""

import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaigns.schema import CAMPAIGN, EDITION
from events.schema import EVENT
from partners.schema import partner_type
from partners.settings import PartnerSettings
from records import ContentError
from records.builtin import PELICAN_CONTENT_FIELDS, PELICAN_KEYS
from tests.conftest import FIXED_EPOCH, run_pelican, write_files
from tests.fixtures import hostile

PLUGINS = ["records", "i18n", "events", "campaigns", "media", "partners"]
LINE = re.compile(r"^[^\n]+: [^\n:]+: [^\n]+ — [^\n]+$")

settings.register_profile(
    "ci",
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("thorough", parent=settings.get_profile("ci"), max_examples=300)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _names(kind: str) -> list[str]:
    extras = [f.name for e in PELICAN_CONTENT_FIELDS if e.kind == kind for f in e.fields]
    return [f.name for f in PELICAN_KEYS[kind]] + extras


# kind -> (the file it replaces in the small site, its fields)
KINDS = {
    "article": ("news/first.md", _names("article")),
    "page": ("pages/about.md", _names("page")),
    "event": ("events/vigil.md", [f.name for f in EVENT.fields]),
    "partner": (
        "partners/talitha-kum.md",
        [f.name for f in partner_type(PartnerSettings()).fields],
    ),
    "campaign": ("campaigns/day-of-prayer/index.md", [f.name for f in CAMPAIGN.fields]),
    "edition": ("campaigns/day-of-prayer/2026.md", [f.name for f in EDITION.fields]),
}

TRICKY = [
    hostile.SCRIPT,
    hostile.TAG,
    "javascript:pwn()",
    'https://example.org/" onmouseover="pwn()',
    "{{ 7 * 7 }} {% raw %}",
    "../../../etc/passwd",
    "\x00\x07\x1b[31m",
    "\u202e\u2066reversed",
    "x" * 5000,
    "2026-02-30 25:61",
    "FREQ=SECONDLY;COUNT=999999999",
    "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
    "CET",
    "day-of-prayer, talitha-kum, nobody",
    "9999-12-31",
    "0001-01-01 00:00",
    "#zzzzzz",
    "",
    " ",
    "🙏🏽 Prière — صلاة",
]
values = st.one_of(
    st.sampled_from(TRICKY),
    st.text(st.characters(exclude_characters="\n\r", exclude_categories=("Cs",)), max_size=80),
)


def document(fields: dict[str, str], body: str) -> str:
    lines = [f"{name.capitalize()}: {value}" for name, value in fields.items()]
    return "\n".join(lines) + "\n\n" + body + "\n"


def build(kind: str, fields: dict[str, str], body: str):
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        write_files(root / "content", hostile.SITE)
        path, _names = KINDS[kind]
        (root / "content" / path).write_text(document(fields, body), encoding="utf-8")
        result = run_pelican(
            root / "content",
            root / "output",
            PLUGINS=PLUGINS,
            RECORDS_STRICT=True,
            MEDIA_WORKERS=1,
            CACHE_PATH=str(root / "cache"),
        )
        pages = {
            p.relative_to(result.output).as_posix(): p.read_text(encoding="utf-8")
            for p in result.output.rglob("*")
            if p.suffix in (".html", ".xml")
        }
        return result, pages


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_any_value_in_any_field_ends_in_success_or_content_errors(kind):
    names = KINDS[kind][1]

    @given(
        fields=st.dictionaries(st.sampled_from(names), values, min_size=1, max_size=len(names)),
        body=st.sampled_from(["Text.", hostile.RAW_HTML_BODY]),
    )
    def check(fields, body):
        result, pages = build(kind, fields, body)
        assert result.error is None or isinstance(result.error, ContentError)
        assert [r.getMessage() for r in result.logs if r.exc_info] == []
        for line in result.issues:
            assert LINE.match(line), line
        for name, value in fields.items():
            if name == "summary" or "<" not in value:
                continue  # a Summary is Markdown: HTML in it is cleaned, not escaped
            for page, text in pages.items():
                assert value not in text, f"{page}: {name} {value!r} appears unescaped"
        for text in pages.values():
            assert "<script>pwn" not in text

    check()
