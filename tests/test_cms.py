"""The browser editor (plugins/cms): its configuration made from the declarations, its file
format round-tripping every demo file (under Node), its paths and translations, its policy,
and Decap CMS itself in headless Chromium with the in-memory ``test-repo`` backend."""

import json
import logging
import os
import re
import shutil
import subprocess
import time
from html import unescape
from pathlib import Path

import pytest
from markdown import Markdown

from records import (
    Boolean,
    Choice,
    Colour,
    Country,
    Date,
    DateTime,
    File,
    Integer,
    List,
    Ref,
    Text,
    TimeZone,
)
from records.builtin import PELICAN_KEYS, RECORD_KEYS, Moment, Names
from records.filetypes import IMAGE_TYPES
from records.generator import declared_types
from records.security import SettingError
from sitecheck import read_site
from sitecheck.privacy import tracking_problems
from sitecheck.safety import safety_problems
from sitecheck.screenshots import seed_script
from tests.conftest import FIXED_EPOCH, ROOT, run_pelican, write_files
from tests.quality import require

SITEURL = "https://example.org/campaigns"
DIST = ROOT / "node_modules" / "decap-cms" / "dist"
HARNESS = Path(__file__).with_name("kit_cms.cjs")
LOCALES = ["en", "fr", "it", "es"]

# A small site with one file of each kind, built for production with the in-memory backend.
FILES = {
    "pages/about.md": "Title: About\nSlug: about\nSummary: Who we are.\n\nWho we are, *briefly*.\n",
    "pages/about.fr.md": "Title: À propos\nSummary: Qui nous sommes.\n\nQui nous sommes.\n",
    "partners/talitha-kum.md": (
        "Title: Talitha Kum\nWebsite: https://www.talithakum.info/\nCountry: international\n\n"
        "A network.\n"
    ),
    "campaigns/day-of-prayer/index.md": (
        "Title: Day of Prayer\nDay: 02-08\nFirst-year: 2015\nTimezone: Europe/Rome\n"
        "Color: #7a2e8e\nOrganizers: talitha-kum\n\nA day of prayer.\n"
    ),
    "campaigns/day-of-prayer/2026.md": (
        "Theme: Peace Begins with Dignity\nTheme-variants: Peace, and dignity\n"
        "    Peace begins with dignity\nPartners: talitha-kum\n\nThe year's theme.\n"
    ),
    "campaigns/day-of-prayer/2026.fr.md": "Theme: La paix commence par la dignité\n\nLe thème.\n",
    "events/vigil.md": (
        "Title: Vigil\nStart: 2026-02-06 11:00\nTimezone: Europe/Rome\nCampaign: day-of-prayer\n"
        "Edition: 2026\nOrganizers: talitha-kum\n\nA vigil.\n"
    ),
    "news/2026-01-vigil.md": (
        "Title: A vigil\nDate: 2026-01-26 09:00\nCategory: News\nTags: prayer, vigil\n"
        "Campaign: day-of-prayer\nEdition: 2026\nPartners: talitha-kum\n\nText.\n"
    ),
}


def _bundle() -> None:
    require("" if (DIST / "decap-cms.js").is_file() else "decap-cms not installed (npm ci)")


@pytest.fixture(scope="module")
def admin(tmp_path_factory):
    """The small site's production build with the editor: (its admin folder, config.yml,
    index.html, and the data index.html gives kit-cms.js)."""
    _bundle()
    os.environ["SOURCE_DATE_EPOCH"] = FIXED_EPOCH
    root = tmp_path_factory.mktemp("cms")
    build = run_pelican(
        write_files(root / "content", FILES),
        root / "output",
        "publishconf.py",
        SITEURL=SITEURL,
        FEED_DOMAIN=SITEURL,
        CMS=True,
        CMS_BACKEND={"name": "test-repo"},
    )
    assert build.error is None, build.issue_lines()
    folder = build.output / "admin"
    config = _config(folder / "config.yml")
    page = (folder / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="kit-cms">(.*?)</script>', page, re.S)[1])
    return folder, config, page, data


def _config(path: Path) -> dict:
    """config.yml: a comment, then JSON (which is YAML too)."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ")
    return json.loads(text[text.index("{") :])


def _collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def _fields(collection: dict) -> dict:
    return {field["name"]: field for field in collection["fields"]}


def _settings():
    """The site's settings as a build reads them (the plugins are loaded by the build)."""
    from pelican.settings import read_settings  # noqa: PLC0415

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(ROOT / "content")})
    finally:
        os.chdir(cwd)


def _declared(config: dict) -> dict[str, tuple]:
    """Collection name -> the fields declared for its kind of file."""
    types, extras = declared_types(_settings())
    found = {}
    for kind, name in (("article", "news"), ("page", "pages")):
        found[name] = PELICAN_KEYS[kind] + tuple(
            f for extra in extras if extra.kind == kind for f in extra.fields
        )
    for record_type in types:
        own = {field.name for field in record_type.fields}
        fields = record_type.fields + tuple(f for f in RECORD_KEYS if f.name not in own)
        for collection in config["collections"]:
            if collection["name"].split("-")[0] == record_type.name:
                found[collection["name"]] = fields
    return found


# Configuration ------------------------------------------------------------------------------


def test_a_collection_for_news_pages_and_every_record_type(admin):
    _, config, _, _ = admin
    names = [collection["name"] for collection in config["collections"]]
    assert names == ["news", "pages", "event", "campaign", "edition-day-of-prayer", "partner"]
    folders = {c["name"]: (c["folder"], c.get("path")) for c in config["collections"]}
    assert folders["news"] == ("content/news", None)
    assert folders["campaign"] == ("content/campaigns", "{{slug}}/index")
    assert folders["edition-day-of-prayer"] == ("content/campaigns/day-of-prayer", None)
    # campaigns and editions share a folder: each lists the files that have its own key
    assert _collection(config, "campaign")["filter"] == {"field": "kit:keys", "value": "title"}
    edition = _collection(config, "edition-day-of-prayer")
    assert edition["filter"] == {"field": "kit:keys", "value": "theme"}
    assert edition["slug"] == "{{fields.year}}"
    assert _fields(edition)["campaign"]["widget"] == "hidden"  # the folder gives it


def test_every_declared_field_is_in_the_editor_and_nothing_else(admin):
    """Drift: a key declared for a kind of file and missing from the editor fails here."""
    _, config, _, _ = admin
    declared = _declared(config)
    assert set(declared) == {c["name"] for c in config["collections"]}
    for name, fields in declared.items():
        names = [field["name"] for field in _collection(config, name)["fields"]]
        assert names == [field.name for field in fields] + ["body"], name


def _expected_widget(field) -> str:
    """The widget the issue asks for each type (Moment: Pelican's date)."""
    kind = field.type
    item = kind.item if isinstance(kind, List) else None
    images = set(getattr(kind, "extensions", ("?",))) <= set(IMAGE_TYPES)
    cases = (
        (isinstance(item, Ref), "relation"),
        (item is not None, "list"),
        (isinstance(kind, Names), "list" if field.name in ("tags", "authors") else "string"),
        (isinstance(kind, File), "image" if images else "file"),
        (isinstance(kind, Ref), "relation"),
        (isinstance(kind, Integer), "number"),
        (isinstance(kind, Boolean), "boolean"),
        (isinstance(kind, Choice | Country | TimeZone) or field.name == "lang", "select"),
        (isinstance(kind, Colour), "color"),
        (isinstance(kind, Date | Moment), "datetime"),
        (isinstance(kind, DateTime) and not kind.allow_all_day, "datetime"),
        (isinstance(kind, Text) and kind.multiline, "text"),
    )
    return next((name for condition, name in cases if condition), "string")


def test_every_field_has_the_widget_its_type_calls_for(admin):
    _, config, _, _ = admin
    for name, fields in _declared(config).items():
        given = _fields(_collection(config, name))
        for field in fields:
            decap = given[field.name]
            if decap["widget"] == "hidden":
                continue
            assert decap["widget"] == _expected_widget(field), (name, field.name)
            assert decap["required"] is field.required or (name, field.name) == ("news", "date")
            assert decap["hint"] == field.help
            assert decap["i18n"] is (field.translatable and field.name != "lang")
        body = given["body"]
        assert (body["widget"], body["i18n"], body["modes"][0]) == ("markdown", True, "raw")


def test_widgets_carry_the_kits_forms(admin):
    _, config, _, _ = admin
    news, event = _fields(_collection(config, "news")), _fields(_collection(config, "event"))
    partner = _fields(_collection(config, "partner"))
    campaign = _fields(_collection(config, "campaign"))
    assert news["date"]["required"] is True  # DEFAULT_DATE is None: Pelican needs a date
    assert news["date"]["format"] == "YYYY-MM-DD HH:mm"
    assert news["date"]["picker_utc"] is False
    assert news["status"]["default"] == "draft"  # a new post is a draft
    assert news["status"]["options"] == ["published", "draft", "hidden"]
    assert news["image"]["media_folder"] == "/content/images"
    assert news["image"]["public_folder"] == "images"
    assert (news["edition"]["min"], news["edition"]["max"]) == (1900, 2200)
    # a start may be a whole day: no picker, the kit's two forms
    assert re.fullmatch(event["start"]["pattern"][0], "2026-02-08")
    assert re.fullmatch(event["start"]["pattern"][0], "2026-02-08 11:00")
    assert not re.fullmatch(event["start"]["pattern"][0], "8 February")
    assert event["status"]["default"] == "scheduled"
    assert "Europe/Rome" in event["timezone"]["options"]
    assert "Etc/GMT+5" not in event["timezone"]["options"]
    assert re.fullmatch(event["online"]["pattern"][0], "https://example.org/stream")
    assert re.fullmatch(campaign["day"]["pattern"][0], "02-08")
    countries = partner["country"]["options"]
    assert countries[0] == "international"
    assert {"label": "Italy (IT)", "value": "IT"} in countries
    assert partner["kind"]["default"] == "partner"


def test_references_are_relations_to_their_collections(admin):
    _, config, _, _ = admin
    relations = [
        (collection["name"], field)
        for collection in config["collections"]
        for field in collection["fields"]
        if field["widget"] == "relation"
    ]
    found = {
        (name, field["name"]): (field["collection"], field.get("multiple", False))
        for name, field in relations
    }
    assert found == {
        ("news", "campaign"): ("campaign", True),
        ("news", "partners"): ("partner", True),
        ("event", "campaign"): ("campaign", False),
        ("event", "organizers"): ("partner", True),
        ("campaign", "organizers"): ("partner", True),
        ("edition-day-of-prayer", "partners"): ("partner", True),
        ("edition-day-of-prayer", "online-event"): ("event", False),
    }
    for _, field in relations:
        target = _fields(_collection(config, field["collection"]))
        assert field["value_field"] == "{{slug}}"
        assert all(name in target for name in field["search_fields"] + field["display_fields"])


def test_translations_are_files_beside_the_original_in_the_sites_languages(admin):
    _, config, _, data = admin
    assert config["i18n"] == {
        "structure": "multiple_files",
        "locales": LOCALES,
        "default_locale": "en",
    }
    assert all(collection["i18n"] is True for collection in config["collections"])
    assert (data["locales"], data["default_locale"]) == (LOCALES, "en")
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {"name": "test-repo"}
    assert (config["media_folder"], config["public_folder"]) == (
        "content/images",
        "{static}/images",
    )
    assert config["site_url"] == SITEURL


def test_the_editor_page_loads_decap_from_the_site_with_its_own_policy(admin):
    folder, _, page, _ = admin
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts == ["kit-cms.js", "decap-cms.js"]
    assert (folder / "decap-cms.js").read_bytes() == (DIST / "decap-cms.js").read_bytes()
    chunks = sorted(p.name for p in DIST.glob("*.decap-cms.js"))
    assert chunks
    assert sorted(p.name for p in folder.glob("*.decap-cms.js")) == chunks
    assert (folder / "decap-cms.js.LICENSE.txt").is_file()
    policy = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)[1])
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["script-src"] == f"{SITEURL}/admin/ 'unsafe-eval'"
    assert directives["style-src"] == "'self' 'unsafe-inline'"
    assert directives["img-src"] == "'self' data: blob:"
    assert directives["connect-src"] == "'self'"
    assert directives["frame-src"] == "'none'"
    assert directives["object-src"] == "'none'"


def test_the_sites_own_pages_keep_their_strict_policy(admin):
    folder, _, _, _ = admin
    about = (folder.parent / "about" / "index.html").read_text(encoding="utf-8")
    policy = unescape(
        re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', about)[1]
    )
    assert "unsafe" not in policy
    assert f"script-src {SITEURL}/theme/js/;" in policy


def test_the_site_gates_leave_the_editor_to_its_own_policy(admin):
    """The gates check the site's pages; the editor is an application with its own rules."""
    folder, _, _, _ = admin
    pages = read_site(folder.parent)
    assert pages
    assert not [path for path in pages if "admin" in path.parts]
    assert safety_problems(folder.parent, SITEURL) == []
    assert tracking_problems(folder.parent) == []


# Settings -----------------------------------------------------------------------------------

PAGE = {"pages/about.md": "Title: About\n\nText.\n"}


def _admin_of(site, **settings):
    return site(PAGE, plugins=("records", "i18n", "cms"), SITEURL=SITEURL, **settings)


def test_no_editor_unless_the_settings_ask(site):
    build = _admin_of(site)
    assert build.error is None
    assert not (build.output / "admin").exists()


def test_the_github_backend_needs_the_repository(site):
    with pytest.raises(SettingError, match="CMS_REPO: missing"):
        _admin_of(site, CMS=True)


@pytest.mark.parametrize(
    ("backend", "connect", "images"),
    [
        (
            None,
            "'self' https://api.github.com https://api.netlify.com https://www.githubstatus.com",
            "'self' data: blob: https://avatars.githubusercontent.com",
        ),
        (
            {"name": "github", "repo": "renate/site", "base_url": "https://auth.example.org/x"},
            "'self' https://api.github.com https://auth.example.org https://www.githubstatus.com",
            "'self' data: blob: https://avatars.githubusercontent.com",
        ),
        ({"name": "git-gateway"}, "'self' https://www.netlifystatus.com", "'self' data: blob:"),
    ],
)
def test_the_policy_lets_the_editor_reach_its_backend(site, backend, connect, images):
    _bundle()
    build = _admin_of(site, CMS=True, CMS_REPO="renate/site", CMS_BACKEND=backend)
    assert build.error is None
    config = _config(build.output / "admin" / "config.yml")
    if backend is None:
        assert config["backend"] == {"name": "github", "repo": "renate/site", "branch": "main"}
    page = (build.output / "admin" / "index.html").read_text(encoding="utf-8")
    policy = unescape(re.search(r'Content-Security-Policy" content="([^"]+)"', page)[1])
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert (directives["connect-src"], directives["img-src"]) == (connect, images)


@pytest.mark.parametrize(
    ("backend", "message"),
    [
        ({"name": "gitlab"}, "CMS_BACKEND: 'gitlab' is not a backend the kit knows"),
        ("github", "CMS_BACKEND: not a dict"),
        ({"name": "github", "repo": "a/b", "base_url": "auth.example.org"}, "base_url"),
        ({"name": "git-gateway", "identity_url": "https://x y.org/"}, "identity_url"),
    ],
)
def test_a_backend_the_editor_cannot_use_stops_the_build_at_its_start(site, backend, message):
    with pytest.raises(SettingError) as stopped:
        _admin_of(site, CMS=True, CMS_BACKEND=backend)
    assert message in str(stopped.value)


def test_without_decap_installed_the_build_says_so_and_writes_no_editor(site, tmp_path, caplog):
    with caplog.at_level(logging.INFO, logger="cms.plugin"):
        build = _admin_of(site, CMS=True, CMS_REPO="renate/site", CMS_DECAP_DIST=str(tmp_path))
    assert build.error is None
    assert not (build.output / "admin").exists()
    lines = [r.getMessage() for r in caplog.records if r.name == "cms.plugin"]
    assert len(lines) == 1
    assert "no /admin/" in lines[0]
    assert "npm ci" in lines[0]


# The format, under Node -----------------------------------------------------------------------


def _node(operations: list) -> list:
    node = shutil.which("node")
    require("" if node else "node not found (Debian package: nodejs)")
    result = subprocess.run(
        [node, str(HARNESS)],
        input=json.dumps(operations),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _python_meta(text: str) -> dict:
    """What the kit's reader (Python-Markdown's meta extension) reads in a file."""
    markdown = Markdown(extensions=["meta"])
    markdown.convert(text)
    return markdown.Meta


def _collection_of(relative: str) -> str:
    """The editor's collection of a demo file (every campaign's editions look alike)."""
    folder = relative.split("/", maxsplit=1)[0]
    if folder == "campaigns":
        return (
            "campaign" if relative.split("/")[2].startswith("index.") else "edition-day-of-prayer"
        )
    return {"news": "news", "pages": "pages", "events": "event", "partners": "partner"}[folder]


def test_every_demo_file_reads_as_the_kit_reads_it_and_is_written_back_unchanged(admin):
    _, config, _, data = admin
    files = sorted(p for p in (ROOT / "content").rglob("*.md"))
    assert len(files) > 80
    operations = []
    for path in files:
        name = _collection_of(path.relative_to(ROOT / "content").as_posix())
        collection = _collection(config, name)
        operations.append(
            {
                "op": "read",
                "schema": data["formats"][collection["format"]],
                "text": path.read_text(encoding="utf-8"),
                "order": [field["name"] for field in collection["fields"]],
            }
        )
    for path, operation, result in zip(files, operations, _node(operations), strict=True):
        assert result["meta"] == _python_meta(operation["text"]), path
        assert result["text"] == operation["text"], path


def test_values_are_the_editors_and_go_back_as_the_kit_writes_them(admin):
    _, _, _, data = admin
    news, edition = data["formats"]["kit-news"], data["formats"]["kit-edition-day-of-prayer"]
    [news_data, edition_data] = [
        result["data"]
        for result in _node(
            [
                {"op": "read", "schema": news, "text": FILES["news/2026-01-vigil.md"]},
                {"op": "read", "schema": edition, "text": FILES["campaigns/day-of-prayer/2026.md"]},
            ]
        )
    ]
    assert news_data["campaign"] == ["day-of-prayer/index"]  # the campaign's entry in the editor
    assert news_data["tags"] == ["prayer", "vigil"]
    assert news_data["edition"] == 2026
    assert news_data["category"] == "News"
    assert news_data["kit:keys"][:2] == ["title", "date"]
    assert news_data["body"] == "Text.\n"
    assert edition_data["theme-variants"] == ["Peace, and dignity", "Peace begins with dignity"]


WRITTEN = [
    # (format, the editor's data, the file written)
    (
        "kit-news",
        {"title": "A", "campaign": ["x/index", "y/index"], "edition": 2026},
        "Title: A\nCampaign: x, y\nEdition: 2026\n",
    ),
    ("kit-news", {"title": "A", "tags": [], "summary": "", "partners": None}, "Title: A\n"),
    ("kit-news", {"summary": "One\n\ntwo", "body": "Text.\n"}, "Summary: One\n    two\n\nText.\n"),
    (
        "kit-edition-day-of-prayer",
        {"theme": "T", "theme-variants": ["a, b"]},
        "Theme: T\nTheme-variants:\n    a, b\n",
    ),
    (
        "kit-edition-day-of-prayer",
        {"theme-variants": ["a", "b"], "sources": ["https://x.org/?a,b", "https://y.org/"]},
        "Theme-variants: a\n    b\nSources: https://x.org/?a,b\n    https://y.org/\n",
    ),
    (
        "kit-edition-day-of-prayer",
        {"theme-variants": ["one"], "partners": ["a", "b"]},
        "Theme-variants: one\nPartners: a, b\n",
    ),
    (
        "kit-event",
        {"title": "A", "campaign": "day-of-prayer/index"},
        "Title: A\nCampaign: day-of-prayer\n",
    ),
    ("kit-pages", {"body": "Note: this is text.\n"}, "\nNote: this is text.\n"),
    ("kit-pages", {"body": "Just text.\n"}, "Just text.\n"),
]


def test_the_kit_reads_what_the_editor_writes(admin):
    _, _, _, data = admin
    operations = [
        {"op": "write", "schema": data["formats"][name], "data": given, "order": []}
        for name, given, _ in WRITTEN
    ]
    for (_, _, expected), text in zip(WRITTEN, _node(operations), strict=True):
        assert text == expected
    # and Python-Markdown reads each as meant: a lone value with a comma stays whole, and a
    # text that looks like a key is not taken for one
    assert _python_meta(WRITTEN[3][2])["theme-variants"] == ["", "a, b"]
    assert _python_meta(WRITTEN[7][2]) == {}


def test_paths_and_translations_between_decap_and_the_repository(admin):
    _, _, _, data = admin
    site = {key: data[key] for key in ("locales", "default_locale", "formats")}
    about = "Title: About\nSlug: about\n\nText.\n"
    pages = "content/pages"
    [paths, backend] = _node(
        [
            {
                "op": "paths",
                "site": site,
                "paths": [f"{pages}/about.md", f"{pages}/about.fr.md", "content/images/a.jpg"],
            },
            {
                "op": "backend",
                "site": site,
                "collection": "pages",
                "folder": pages,
                "files": {f"{pages}/about.md": about, f"{pages}/about.fr.md": "Title: À propos\n"},
                "read": [f"{pages}/about.en.md", f"{pages}/about.it.md"],
                "save": [
                    {"path": f"{pages}/new.en.md", "raw": "Title: New\nStatus: draft\n"},
                    {"path": f"{pages}/new.fr.md", "raw": "Status: draft\n"},
                    {"path": f"{pages}/new.it.md", "raw": "Slug: new\nLang: it\n"},
                    {
                        "path": f"{pages}/new.es.md",
                        "raw": "Title: Nuevo\nSlug: new\nStatus: draft\n\nTexto.\n",
                    },
                ],
                "delete": [f"{pages}/about.en.md", f"{pages}/about.fr.md"],
            },
        ]
    )
    assert paths == [
        ["content/pages/about.en.md", "content/pages/about.md"],
        ["content/pages/about.fr.md", "content/pages/about.fr.md"],
        ["content/images/a.jpg", "content/images/a.jpg"],
    ]
    assert backend["listed"] == ["content/pages/about.en.md", "content/pages/about.fr.md"]
    assert backend["cursor"] == "kept"
    assert backend["read"] == ["content/pages/about.en.md", None]
    assert backend["saved"] == [
        ["content/pages/new.md", "Title: New\nStatus: draft\n"],
        # French and Italian had no text: not saved; Spanish keeps only what translations give
        ["content/pages/new.es.md", "Title: Nuevo\nStatus: draft\n\nTexto.\n"],
        ["content/pages/about.md", None],
        ["content/pages/about.fr.md", None],
    ]
    assert backend["status"] == "ok"


# Decap CMS in Chromium ----------------------------------------------------------------------


def _from(route, base: str) -> None:
    """Answer a request for the site's production address from the local server."""
    route.fulfill(response=route.fetch(url=base + route.request.url.removeprefix(SITEURL)))


@pytest.fixture(scope="module")
def decap_browser(admin, browser):
    """The small site served on 127.0.0.1, and headless Chromium: (base URL, browser)."""
    from tests.browser import serve  # noqa: PLC0415

    folder, _, _, _ = admin
    with serve(folder.parent) as base:
        yield base, browser


@pytest.fixture
def editor(admin, decap_browser):
    """Decap at the site's production address, seeded with the small site's files, logged in
    to the test backend: (page, console errors). Policy violations go to window.violations."""
    _, config, _, _ = admin
    base, browser = decap_browser
    files = {f"content/{relative}": text for relative, text in FILES.items()}
    folders = [collection["folder"] for collection in config["collections"]]
    page = browser.new_page()
    page.route(f"{SITEURL}/**", lambda route: _from(route, base))
    page.add_init_script(seed_script(files, folders))
    page.add_init_script(
        "window.violations = []; document.addEventListener('securitypolicyviolation',"
        " e => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));"
    )
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{SITEURL}/admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_role("link", name="Pages").first.wait_for()
    yield page, errors
    page.unroute_all(behavior="ignoreErrors")  # a request still in flight is dropped
    page.close()


def _saved(page) -> dict[str, str]:
    """The files of every entry saved in the editorial workflow: path -> text."""
    entries = page.evaluate("Object.values(window.repoFilesUnpublished)")
    return {diff["path"]: diff["content"] for entry in entries for diff in entry["diffs"]}


def _wait(condition, seconds=10):
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.1)


@pytest.mark.browser
def test_decap_starts_with_every_collection_and_no_error(admin, editor):
    page, errors = editor
    _, config, _, _ = admin
    for collection in config["collections"]:
        assert page.get_by_role("link", name=collection["label"], exact=True).count() == 1
    page.goto(f"{SITEURL}/admin/#/collections/pages")
    page.get_by_text("About", exact=True).wait_for()
    page.goto(f"{SITEURL}/admin/#/collections/campaign")
    page.get_by_text("Day of Prayer", exact=True).wait_for()
    assert page.get_by_text("Peace Begins with Dignity").count() == 0  # an edition, not here
    page.goto(f"{SITEURL}/admin/#/collections/edition-day-of-prayer")
    page.get_by_text("Peace Begins with Dignity", exact=True).wait_for()
    assert errors == []
    assert page.evaluate("window.violations") == []


@pytest.mark.browser
def test_an_edited_page_keeps_every_other_line_and_its_translation(editor):
    page, errors = editor
    page.goto(f"{SITEURL}/admin/#/collections/pages/entries/about")
    title = page.get_by_label("Title").first
    _wait(lambda: title.input_value() == "About")
    assert page.get_by_label("Title").nth(1).input_value() == "À propos"
    page.get_by_role("button", name="Toggle preview").click()  # Decap's preview is a frame
    page.frame_locator("iframe").get_by_text("Who we are,").wait_for()
    title.fill("About us")
    page.get_by_role("button", name="Save").click()
    _wait(lambda: _saved(page))
    assert _saved(page) == {
        "content/pages/about.md": FILES["pages/about.md"].replace("About\n", "About us\n", 1),
        "content/pages/about.fr.md": FILES["pages/about.fr.md"],
    }
    assert errors == []
    assert page.evaluate("window.violations") == []


@pytest.mark.browser
def test_a_new_post_is_a_draft_in_the_kits_format_without_empty_translations(editor):
    page, errors = editor
    page.goto(f"{SITEURL}/admin/#/collections/pages/new")
    page.get_by_label("Title").first.fill("Night vigil")
    page.get_by_label("Title").nth(1).fill("Veillée")
    page.get_by_role("button", name="Save").click()
    _wait(lambda: _saved(page))
    assert _saved(page) == {
        "content/pages/night-vigil.md": "Title: Night vigil\nStatus: draft\n",
        "content/pages/night-vigil.fr.md": "Title: Veillée\nStatus: draft\n",
    }
    assert errors == []
    assert page.evaluate("window.violations") == []
