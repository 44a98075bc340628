"""Screenshots of a built site, to review its look in a pull request: one page of every type
(:data:`~sitecheck.pagetypes.PAGE_TYPES`) in the site's language, the home page in a second
language and in a right-to-left one if the site has one, each at three widths, light and
dark; and the browser editor (Decap CMS at ``/admin/``), when the build has it.

``invoke screenshots`` builds the demo site for production at :data:`SITE` with
:data:`EPOCH` as "today", serves it on 127.0.0.1 and calls :func:`write_screenshots`; the
browser asks for :data:`SITE` and is answered from there. Chromium's clock, time zone and
language are fixed too, so a run writes the images of the last run again unless the look has
changed. Each image is WebP without metadata, the top of the page down to at most
:data:`SCREENS` viewport heights; ``README.md`` beside them indexes them.
"""

import contextlib
import io
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from babel import Locale

from .browser import wait_until
from .pagetypes import PAGE_TYPES, SiteTypes
from .privacy import image_problems

# Viewport width -> height: a phone, a tablet, a laptop.
WIDTHS = {360: 740, 768: 1024, 1280: 800}
SCHEMES = ("light", "dark")
SCREENS = 2  # an image is the page's full height, but at most this many viewport heights
QUALITY = 50  # WebP: small files that still show the type and the colours clearly
SITE = "https://example.org"  # the address the site is built for; the editor shows it
EPOCH = 1768910400  # 2026-01-20 12:00 UTC, 19 days before 8 February: the countdowns show
READER = {"timezone_id": "Europe/Brussels", "locale": "en-GB"}  # the site's zone, not the machine's
SECOND_LANGUAGE = "fr"  # the home page is shown in this language too (or the site's next one)
EDITOR_WIDTH = 1280  # the editor is made for a desk: one width, in Decap's light theme

# Load every picture, lazy or not, and wait until it and the fonts are drawn: a full-page
# screenshot does not scroll, so lazy images below the fold would stay empty.
SETTLE = """async () => {
  for (const image of document.images) image.loading = "eager";
  await Promise.all([...document.images].map((image) => image.decode().catch(() => null)));
  await document.fonts.ready;
}"""

# Decap draws a progress bar at the top of the window while it loads, then hides it.
EDITOR_IDLE = (
    "[...document.querySelectorAll('canvas')].every((bar) => bar.style.display === 'none')"
)

# Decap's test-repo backend keeps the files in window.repoFiles, a tree of folders, but lists a
# collection's folder by its whole path as one key: each folder is given under both.
SEED = """
(() => {
  const files = %s, folders = %s, tree = {};
  const at = (path) => path.split('/').reduce((node, part) => (node[part] ||= {}), tree);
  for (const [path, content] of Object.entries(files)) {
    const parts = path.split('/');
    const name = parts.pop();
    at(parts.join('/'))[name] = { path, content };
  }
  for (const folder of folders) tree[folder] = at(folder);
  window.repoFiles = tree;
})();
"""


@dataclass(frozen=True)
class Shot:
    """One page to capture, and the images made of it."""

    name: str  # the images' names start with it: home-360-light.webp
    title: str  # its heading in the index
    path: str  # the address, from the site's root: /news/, /admin/#/collections/news
    widths: tuple[int, ...] = tuple(WIDTHS)
    schemes: tuple[str, ...] = SCHEMES
    ready: str = ""  # a script expression true once the page is drawn, when "load" is not enough

    def file(self, width: int, scheme: str) -> str:
        return f"{self.name}-{width}-{scheme}.webp"


def seed_script(files: dict[str, str], folders: list[str]) -> str:
    """An init script that gives Decap's test-repo backend ``files`` (repository path -> text),
    with each collection folder in ``folders`` listed."""
    return SEED % (json.dumps(files), json.dumps(folders))


def page_shots(output: Path) -> list[Shot]:
    """One page of every type the build has, in its default language (the largest of the
    type: the most of its template shows), then the home page in a second language and in
    the first right-to-left one."""
    types = SiteTypes(output)
    home = types.pages[types.root / "index.html"]
    shots = [
        Shot(re.sub(r"\W+", "-", kind), kind[:1].upper() + kind[1:], path)
        for kind in PAGE_TYPES
        if (path := types.representative(kind, home.lang))
    ]
    homes = types.by_type.get("home", {})
    others = sorted(set(homes) - {home.lang}, key=lambda lang: (lang != SECOND_LANGUAGE, lang))
    rtl = [lang for lang in others if types.pages[homes[lang][0]].direction == "rtl"]
    for lang in dict.fromkeys(others[:1] + rtl[:1]):
        name = Locale.parse(lang.replace("-", "_")).get_display_name("en")
        shots.append(Shot(f"home-{lang}", f"Home, in {name}", types.representative("home", lang)))
    return shots


def editor_shots(output: Path, content: Path) -> tuple[list[Shot], str]:
    """The editor's list of news posts and the form of the newest post, and the init script
    that gives Decap the site's content; nothing when the build wrote no editor."""
    config_file = output / "admin" / "config.yml"
    if not config_file.is_file():
        return [], ""
    text = config_file.read_text(encoding="utf-8")
    config = json.loads(text[text.index("{") :])  # a comment, then JSON (which is YAML)
    repository = {
        f"content/{path.relative_to(content).as_posix()}": path.read_text(encoding="utf-8")
        for path in sorted(content.rglob("*.md"))
    }
    folders = [collection["folder"] for collection in config["collections"]]
    posts = sorted(p.stem for p in (content / "news").glob("*.md") if "." not in p.stem)
    one = {"widths": (EDITOR_WIDTH,), "schemes": ("light",)}
    listed = f"{EDITOR_IDLE} && document.querySelector('a[href*=\"/collections/news/entries/\"]')"
    shots = [
        Shot(
            "editor-list",
            "The editor: news posts",
            "/admin/#/collections/news",
            ready=listed,
            **one,
        )
    ]
    if posts:
        form = f"/admin/#/collections/news/entries/{posts[-1]}"
        filled = f"{EDITOR_IDLE} && [...document.querySelectorAll('input')].some((i) => i.value)"
        shots.append(Shot("editor-form", "The editor: a news post", form, ready=filled, **one))
    return shots, seed_script(repository, folders)


def _webp(png: bytes) -> bytes:
    """A screenshot as WebP; Pillow writes no metadata unless asked to."""
    from PIL import Image  # noqa: PLC0415

    out = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("RGB").save(out, "WEBP", quality=QUALITY, method=6)
    data = out.getvalue()
    if problems := image_problems(data):
        raise RuntimeError(f"the screenshot kept metadata: {', '.join(problems)}")
    return data


def _capture(page, width: int) -> bytes:
    """The loaded page from its top, its full height up to SCREENS viewport heights."""
    page.evaluate(SETTLE)
    height = min(page.evaluate("document.documentElement.scrollHeight"), SCREENS * WIDTHS[width])
    clip = {"x": 0, "y": 0, "width": width, "height": height}
    return page.screenshot(full_page=True, clip=clip, animations="disabled", caret="hide")


def take(
    browser, served: str, shots: list[Shot], folder: Path, *, init_script: str = "", start=None
) -> list[Path]:
    """Capture every shot at each of its widths and schemes into ``folder``, asking for the
    site at :data:`SITE` and answering from where it is ``served``; return the files written.
    ``init_script`` runs before every page's own scripts (the editor's content); ``start(page)``
    once in each new tab, before its shots (the editor's login)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for width, height in WIDTHS.items():
        context = browser.new_context(
            viewport={"width": width, "height": height}, reduced_motion="reduce", **READER
        )
        context.clock.set_fixed_time(datetime.fromtimestamp(EPOCH, UTC))
        context.route(f"{SITE}/**", lambda route: _from(route, served))
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        try:
            if start:
                start(page)
            for shot in (shot for shot in shots if width in shot.widths):
                page.goto(SITE + shot.path)
                if shot.ready:
                    wait_until(page, shot.ready)
                for scheme in shot.schemes:
                    page.emulate_media(color_scheme=scheme)
                    path = folder / shot.file(width, scheme)
                    path.write_bytes(_webp(_capture(page, width)))
                    written.append(path)
        finally:
            context.close()
    return written


def _from(route, served: str) -> None:
    """Answer a request for the site's address from the local server. A request the page
    gave up on (it went on to the next shot) can no longer be answered: it is let go."""
    from playwright.sync_api import Error  # noqa: PLC0415 — a dev dependency, as Chromium is

    with contextlib.suppress(Error):
        route.fulfill(response=route.fetch(url=served + route.request.url.removeprefix(SITE)))


def log_in_to_editor(page) -> None:
    """Open the editor and log in to Decap's test-repo backend: a button, no account."""
    page.goto(SITE + "/admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_role("link", name="News", exact=True).wait_for()


def write_index(folder: Path, shots: list[Shot]) -> Path:
    """``README.md`` in ``folder``: a table per shot linking each of its images."""
    day = datetime.fromtimestamp(EPOCH, UTC)
    sizes = ", ".join(f"{width} × {height}" for width, height in WIDTHS.items())
    lines = [
        "# Screenshots",
        "",
        "Made by `invoke screenshots` (docs/maintainers.md, Screenshots): do not edit these files,",
        "run it again. The site is built for production as on "
        f"{day.day} {day:%B %Y}, and each page is shown",
        f"in windows of {sizes} px, light and dark: from its top, at most {SCREENS} windows",
        "high. One page of each type, in the site's language; the home page in a second language.",
        "",
        *(f"- [{shot.title}](#{_anchor(shot.title)})" for shot in shots),
    ]
    for shot in shots:
        lines += ["", f"## {shot.title}", "", f"`{shot.path}`", ""]
        lines += ["| width | " + " | ".join(shot.schemes) + " |"]
        lines += ["| --- |" + " --- |" * len(shot.schemes)]
        for width in shot.widths:
            links = [f"[{shot.file(width, s)}]({shot.file(width, s)})" for s in shot.schemes]
            lines.append(f"| {width} px | " + " | ".join(links) + " |")
    index = folder / "README.md"
    index.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return index


def _anchor(title: str) -> str:
    """The fragment GitHub gives a heading."""
    return re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")


def remove_stale(folder: Path, written: list[Path]) -> list[Path]:
    """Delete the images of ``folder`` this run did not write (a page type gone, renamed)."""
    stale = [path for path in folder.glob("*.webp") if path not in set(written)]
    for path in stale:
        path.unlink()
    return stale


def write_screenshots(
    browser, output: Path, served: str, folder: Path, content: Path
) -> list[Path]:
    """Every screenshot of the site built for :data:`SITE` at ``output`` (from ``content``)
    and ``served`` there, into ``folder`` with its index; older images no longer made are
    removed."""
    shots = page_shots(output)
    written = take(browser, served, shots, folder)
    editor, seed = editor_shots(output, content)
    written += take(browser, served, editor, folder, init_script=seed, start=log_in_to_editor)
    write_index(folder, shots + editor)
    remove_stale(folder, written)
    return written
