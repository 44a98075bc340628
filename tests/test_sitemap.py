"""The sitemap and robots.txt of a production build: every public page of every language once,
each address written, with its hreflang alternates and its editor's dates; split into an index
past its limit."""

import re
import xml.etree.ElementTree as ET

from sitemap.plugin import parts

SITEURL = "https://example.org/campaigns"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def read(path) -> dict:
    """{loc: (lastmod or None, {hreflang: href})} of a sitemap file."""
    found = {}
    for url in ET.parse(path).getroot().findall("s:url", NS):
        lastmod = url.find("s:lastmod", NS)
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        found[url.find("s:loc", NS).text] = (
            lastmod.text if lastmod is not None else None,
            alternates,
        )
    return found


def output_file(build, url: str, siteurl: str = SITEURL):
    assert url.startswith(siteurl + "/"), url
    path = url.removeprefix(siteurl + "/")
    return build.output / (path + "index.html" if path.endswith("/") or not path else path)


def test_every_address_is_a_page_of_the_build_whose_canonical_it_is(published):
    urls = read(published.output / "sitemap.xml")
    assert len(urls) > 300
    for url in urls:
        html = output_file(published, url).read_text(encoding="utf-8")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)[1]
        assert canonical == url


def test_every_language_and_kind_of_page_is_listed(published):
    urls = read(published.output / "sitemap.xml")
    for lang in ("", "fr/", "it/", "es/"):
        for path in (
            "",
            "news/",
            "events/",
            "campaigns/",
            "partners/",
            "about/",
            "campaigns/day-of-prayer/",
            "campaigns/day-of-prayer/2026/",
        ):
            assert f"{SITEURL}/{lang}{path}" in urls, lang + path
    assert f"{SITEURL}/news/2017/osce-visit-russia/" in urls
    assert f"{SITEURL}/fr/news/2026/day-of-prayer-2026/" in urls
    assert f"{SITEURL}/partners/talitha-kum/" in urls
    assert f"{SITEURL}/events/2026-day-of-prayer-online-gathering/" in urls
    assert f"{SITEURL}/events/calendar/2026-02/" in urls
    assert f"{SITEURL}/news/tag/children/" in urls


def test_no_404_later_list_page_or_untranslated_stand_in(published):
    urls = read(published.output / "sitemap.xml")
    assert not [url for url in urls if "404" in url or re.search(r"/page/\d+/$", url)]
    # the French pages show these English posts and pages untranslated: their original is listed
    assert f"{SITEURL}/news/2017/osce-visit-russia/" in urls
    assert (published.output / "fr/news/2017/osce-visit-russia/index.html").exists()
    assert f"{SITEURL}/fr/news/2017/osce-visit-russia/" not in urls
    assert f"{SITEURL}/fr/contact/" not in urls
    assert (published.output / "news/page/2/index.html").exists()


def test_alternates_are_reciprocal_listed_addresses_with_x_default(published):
    urls = read(published.output / "sitemap.xml")
    home = urls[f"{SITEURL}/"][1]
    assert home == {
        "en": f"{SITEURL}/",
        "fr": f"{SITEURL}/fr/",
        "it": f"{SITEURL}/it/",
        "es": f"{SITEURL}/es/",
        "x-default": f"{SITEURL}/",
    }
    with_alternates = 0
    for url, (_, alternates) in urls.items():
        if not alternates:
            continue
        with_alternates += 1
        assert url in alternates.values(), url
        assert "x-default" in alternates
        for lang, href in alternates.items():
            assert href in urls, (url, lang, href)
            assert urls[href][1] == alternates, (url, href)
    assert with_alternates > 100
    # a page written in one language only has none
    assert urls[f"{SITEURL}/news/2017/osce-visit-russia/"][1] == {}


def test_alternates_are_those_of_the_page_itself(published):
    html = (published.output / "about/index.html").read_text(encoding="utf-8")
    links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
    assert read(published.output / "sitemap.xml")[f"{SITEURL}/about/"][1] == links


def test_lastmod_is_the_editors_date_never_the_build_time(published):
    urls = read(published.output / "sitemap.xml")
    assert urls[f"{SITEURL}/news/2017/osce-visit-russia/"][0] == "2017-02-03T10:00:00+01:00"
    assert urls[f"{SITEURL}/fr/news/2026/day-of-prayer-2026/"][0] == "2026-01-26T09:00:00+01:00"
    # no Date: pages, their translations, records and lists
    for path in ("about/", "es/about/", "events/day-of-prayer/", "partners/uisg/", "news/", ""):
        assert urls[f"{SITEURL}/{path}"][0] is None, path
    assert not [lastmod for lastmod, _ in urls.values() if lastmod and "2026-01-20" in lastmod]


def test_robots_txt_names_the_sitemap(published):
    robots = (published.output / "robots.txt").read_text()
    assert "User-agent: *\nDisallow:\n" in robots
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots.splitlines()


SMALL_SITE = {
    "news/first.md": """
        Title: First
        Date: 2026-01-02 10:00
        Modified: 2026-01-15 08:30

        Text.
        """,
    "news/second.md": "Title: Second\nDate: 2026-01-03\n\nText.\n",
    "news/third.md": "Title: Third\nDate: 2026-01-04\n\nText.\n",
    "news/draft.md": "Title: Draft\nDate: 2026-01-05\nStatus: draft\n\nText.\n",
    "pages/about.md": "Title: About\n\nText.\n",
    "pages/secret.md": "Title: Secret\nStatus: hidden\n\nText.\n",
}


def build_small(site, **settings):
    return site(
        SMALL_SITE,
        plugins=("records", "i18n", "sitemap"),
        SITEURL="https://example.org",
        RELATIVE_URLS=False,
        ARTICLE_PATHS=["news"],
        PAGE_PATHS=["pages"],
        DEFAULT_PAGINATION=1,
        **settings,
    )


def test_drafts_and_hidden_pages_are_left_out_and_modified_wins(site):
    build = build_small(site, SHOW_DRAFTS=True)
    assert build.error is None, build.issues
    urls = read(build.output / "sitemap.xml")
    assert (build.output / "news/2026/draft/index.html").exists()  # previewed, not listed
    assert "https://example.org/news/2026/draft/" not in urls
    assert "https://example.org/secret/" not in urls
    assert urls["https://example.org/news/2026/first/"][0] == "2026-01-15T08:30:00+01:00"
    assert urls["https://example.org/news/2026/second/"][0] == "2026-01-03T00:00:00+01:00"
    assert "https://example.org/about/" in urls
    assert not [url for url in urls if "/page/" in url]
    assert not list(build.output.glob("sitemap-*.xml"))
    for url in urls:
        assert output_file(build, url, "https://example.org").exists(), url


def test_past_its_limit_the_sitemap_is_an_index_of_parts(site):
    whole = set(read(build_small(site).output / "sitemap.xml"))
    assert len(whole) > 4
    build = build_small(site, SITEMAP_MAX_URLS=4)  # the same site, in the same folder
    assert build.error is None, build.issues
    root = ET.parse(build.output / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    listed = [loc.text for loc in root.findall("s:sitemap/s:loc", NS)]
    names = sorted(p.name for p in build.output.glob("sitemap-*.xml"))
    assert listed == [f"https://example.org/{name}" for name in names]
    assert len(names) == -(-len(whole) // 4)
    assert max(len(read(build.output / name)) for name in names) <= 4
    assert {url for name in names for url in read(build.output / name)} == whole
    robots = (build.output / "robots.txt").read_text()
    assert "Sitemap: https://example.org/sitemap.xml" in robots


def test_a_local_build_has_no_sitemap(site):
    build = site(SMALL_SITE, plugins=("records", "i18n", "sitemap"), ARTICLE_PATHS=["news"])
    assert build.error is None
    assert not (build.output / "sitemap.xml").exists()
    assert not (build.output / "robots.txt").exists()


def test_a_site_may_keep_its_own_robots_txt(site):
    files = {**SMALL_SITE, "extra/robots.txt": "User-agent: *\nDisallow: /private/\n"}
    build = site(
        files,
        plugins=("records", "i18n", "sitemap"),
        SITEURL="https://example.org",
        ARTICLE_PATHS=["news"],
        PAGE_PATHS=["pages"],
        STATIC_PATHS=["extra"],
        EXTRA_PATH_METADATA={"extra/robots.txt": {"path": "robots.txt"}},
        SITEMAP_ROBOTS_TXT=False,
    )
    assert build.error is None, build.issues
    assert (build.output / "robots.txt").read_text() == "User-agent: *\nDisallow: /private/\n"
    assert (build.output / "sitemap.xml").exists()


def test_parts_keep_each_file_within_its_size():
    elements = [f"<url><loc>https://example.org/{n}/</loc></url>\n" for n in range(10)]
    found = parts(elements, max_urls=100, max_bytes=400)
    assert [e for part in found for e in part] == elements
    frame = len(
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n</urlset>\n'
    )
    for part in found:
        assert frame + len("".join(part).encode()) <= 400
    assert len(found) > 1
