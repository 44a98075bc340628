"""Writes ``sitemap.xml`` and ``robots.txt`` once per build, after every page is written.

The pages come from the writer itself: the records core's writer gives every page its
``alternates``, and Pelican sends ``content_written`` with each page's context, so the
sitemap lists exactly what was written, by every generator, in every language. Only with an
absolute ``SITEURL`` (a sitemap holds full addresses): local previews have none.

Listed: every page written, except

- a 404 page (it is not content);
- a list's later pages (``news/page/2/``): they repeat what the first page leads to;
- an untranslated stand-in (``fr/news/2026/x/`` showing the English post): its canonical
  page is the original, which is listed;
- a draft (only in previews) or a hidden page (``Status: hidden``: kept out of every list).

``lastmod`` is a news post's or page's ``Modified``, else its ``Date``, as its editor wrote
it. Other pages (records, lists, homes) have no such date, and the build time would say that
everything changed at every build: they have no ``lastmod``, and search engines rely on
their own visits.

Settings:

SITEMAP_MAX_URLS (50_000)
    Most addresses in one sitemap file (the protocol's limit; a file is also kept under
    its 50 MB). More, and ``sitemap.xml`` is a sitemap index of ``sitemap-1.xml``, ….
SITEMAP_ROBOTS_TXT (True)
    Write ``robots.txt``, which lets every page be crawled and names the sitemap. False
    leaves it to the site (a ``robots.txt`` of its own among the static files). Crawlers
    read it only at the root of a host: for a site in a sub-path, add its ``Sitemap:`` line
    to the host's own ``robots.txt``, or give the sitemap's address to the search engines.
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import Generator

from records import hreflang_links, plugin_enabled

NAME = "sitemap"
PAGES_KEY = "sitemap_pages"  # the context's list of Entry, shared with every page's context
SAVE_AS = "sitemap.xml"
PART_SAVE_AS = "sitemap-{number}.xml"
MAX_URLS = 50_000
MAX_BYTES = 50 * 1024 * 1024  # the protocol's limit for one file, uncompressed
NOT_CONTENT = ("404",)  # direct templates whose pages are never listed

URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)
INDEX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)


@dataclass(frozen=True)
class Entry:
    url: str  # site-relative
    lastmod: datetime | None
    alternates: tuple[tuple[str, str], ...]  # (hreflang, site-relative URL), x-default last


def entry(context: dict) -> Entry | None:
    """The sitemap's entry for the page rendered with ``context``, or None if it is left out."""
    path, later = context["output_file"], context.get("articles_page")
    if any(path == context.get(f"{name}_SAVE_AS") for name in NOT_CONTENT):
        return None  # each language's, as records.passes moves it under the prefix
    if later is not None and later.number > 1:
        return None
    item = context.get("article") or context.get("page") or context.get("record")
    if item is not None:
        if getattr(item, "untranslated", False):
            return None
        if getattr(item, "status", "published") in ("draft", "hidden"):
            return None
    modified = None
    if isinstance(item, Article | Page):  # records have no Date or Modified
        modified = getattr(item, "modified", None) or getattr(item, "date", None)
    return Entry(
        path.removesuffix("index.html"),
        modified,
        tuple(hreflang_links(context.get("alternates") or ())),
    )


def note_page(path, context) -> None:
    """content_written: note the page, for the sitemap of the site being built (a site
    without this plugin has no list in its context)."""
    pages = context.get(PAGES_KEY)
    if pages is not None:
        found = entry(context)
        if found is not None:
            pages.append(found)


def absolute(siteurl: str, url: str) -> str:
    return f"{siteurl}/{quote(url, safe='/%')}"


def url_element(found: Entry, siteurl: str) -> str:
    lines = ["<url>", f"  <loc>{escape(absolute(siteurl, found.url))}</loc>"]
    if found.lastmod is not None:
        lines.append(f"  <lastmod>{found.lastmod.isoformat()}</lastmod>")
    for tag, url in found.alternates:
        href = quoteattr(absolute(siteurl, url))
        lines.append(f'  <xhtml:link rel="alternate" hreflang="{tag}" href={href}/>')
    lines.append("</url>\n")
    return "\n".join(lines)


def parts(elements: list[str], max_urls: int, max_bytes: int) -> list[list[str]]:
    """``elements`` in files of at most ``max_urls`` each and ``max_bytes`` with the frame."""
    found, current, size = [], [], 0
    frame = len(URLSET.encode()) + len(b"</urlset>\n")
    for element in elements:
        length = len(element.encode())
        if current and (len(current) >= max_urls or frame + size + length > max_bytes):
            found.append(current)
            current, size = [], 0
        current.append(element)
        size += length
    return [*found, current] if current else found


class SitemapGenerator(Generator):
    """Writes once, as the default language, after every other generator (see
    :func:`write_last`), from the pages noted as they were written."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.context[PAGES_KEY] = []

    def generate_output(self, writer):
        siteurl = self.settings["SITEURL"]
        if not siteurl.startswith(("http://", "https://")):
            return
        entries = {found.url: found for found in self.context[PAGES_KEY]}
        ordered = sorted(entries.values(), key=lambda found: found.url)
        elements = [url_element(found, siteurl) for found in ordered]
        max_urls = int(self.settings.get("SITEMAP_MAX_URLS", MAX_URLS))
        files = parts(elements, max_urls, MAX_BYTES) or [[]]
        if len(files) == 1:
            writer.write_text(SAVE_AS, URLSET + "".join(files[0]) + "</urlset>\n")
        else:
            index = [INDEX]
            for number, part in enumerate(files, start=1):
                path = PART_SAVE_AS.format(number=number)
                writer.write_text(path, URLSET + "".join(part) + "</urlset>\n")
                index.append(f"<sitemap><loc>{escape(absolute(siteurl, path))}</loc></sitemap>\n")
            writer.write_text(SAVE_AS, "".join(index) + "</sitemapindex>\n")
        if self.settings.get("SITEMAP_ROBOTS_TXT", True):
            writer.write_text(
                "robots.txt",
                f"User-agent: *\nDisallow:\n\nSitemap: {absolute(siteurl, SAVE_AS)}\n",
            )


def write_last(generators) -> None:
    """all_generators_finalized: the sitemap lists what the other generators write, so it
    writes after all of them, whatever order the plugins were loaded in (Pelican runs the
    list it sends here)."""
    for generator in [g for g in generators if isinstance(g, SitemapGenerator)]:
        generators.remove(generator)
        generators.append(generator)


def get_generators(pelican):
    return SitemapGenerator if plugin_enabled(pelican.settings, NAME) else None


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(write_last)
    signals.content_written.connect(note_page)
