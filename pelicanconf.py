"""Settings for local work: relative URLs, no feeds, bad records skipped with a warning.

`publishconf.py` builds on these for production. Every setting the kit's own plugins read is
documented in `docs/maintainers.md`.
"""

SITENAME = "RENATE — Religious in Europe Networking Against Trafficking and Exploitation"
SITE_SHORTNAME = "RENATE"
SITE_DESCRIPTION = (
    "A European network of religious congregations and their partners working together "
    "against human trafficking and exploitation."
)
# The network the site speaks for: schema.org Organization data on the home page. RENATE is
# also a partner (content/partners/renate.md): its logo and website are taken from there.
ORGANIZATION = {"name": "RENATE"}
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "Europe/Brussels"
DEFAULT_LANG = "en"
# The site's languages (docs/maintainers.md, "Languages"). English pages sit at the root, the
# others under /fr/, /it/, /es/. Content not translated is shown with a notice.
LANGUAGES = {
    "en": {"locale": "en_GB"},  # European date order for English
    "fr": {
        "description": (
            "Un réseau européen de congrégations religieuses et de leurs partenaires qui "
            "agissent ensemble contre la traite des êtres humains et l'exploitation."
        ),
    },
    "it": {
        "description": (
            "Una rete europea di congregazioni religiose e dei loro partner che lavorano "
            "insieme contro la tratta di esseri umani e lo sfruttamento."
        ),
    },
    "es": {
        "description": (
            "Una red europea de congregaciones religiosas y sus aliados que trabajan juntos "
            "contra la trata de personas y la explotación."
        ),
    },
}
UNTRANSLATED_CONTENT = "show"
DEFAULT_DATE_FORMAT = "%d %B %Y"

# Our own plugins, always listed explicitly.
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["records", "i18n", "cms", "events", "campaigns"]
PLUGINS += ["media", "partners"]  # after "records": partners imports the media core
PLUGINS += ["network"]  # after "events" and "partners", whose data it maps
PLUGINS += ["news", "search"]  # search: the search page and Pagefind index (plugins/search)
PLUGINS += ["sitemap"]  # last: the sitemap lists what every other plugin writes

# The search index (Pagefind) is built in production (publishconf.py); locally it would add
# to every rebuild, so the search page lists every page from A to Z instead. Set it to True
# to try the search in a preview.
SEARCH = False

# Strict mode: any content error fails the build (see publishconf.py). Locally a bad record is
# skipped with a warning so that one typo does not stop an editor's preview.
RECORDS_STRICT = False
# A file with "Status: draft" shows in previews, with a banner; never in production.
SHOW_DRAFTS = True

# Editing in the browser at /admin/ (docs/maintainers.md): not in local builds, where editors
# change the files themselves. publishconf.py turns it on when the site's repository is known.
CMS = False

# Content layout (see docs/editors.md).
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "files"]
DEFAULT_DATE = None  # a news post without a Date is an error, never "the file's mtime"

# Clean, folder-style URLs that work on any static host and from a sub-path.
ARTICLE_URL = "news/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "news/{date:%Y}/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/news/{date:%Y}/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/news/{date:%Y}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
CATEGORY_URL = "news/category/{slug}/"
CATEGORY_SAVE_AS = "news/category/{slug}/index.html"
CATEGORIES_URL = "news/categories/"
CATEGORIES_SAVE_AS = "news/categories/index.html"
TAG_URL = "news/tag/{slug}/"
TAG_SAVE_AS = "news/tag/{slug}/index.html"
TAGS_URL = "news/tags/"
TAGS_SAVE_AS = "news/tags/index.html"
AUTHOR_URL = "news/author/{slug}/"
AUTHOR_SAVE_AS = "news/author/{slug}/index.html"
AUTHORS_URL = "news/authors/"
AUTHORS_SAVE_AS = "news/authors/index.html"
ARCHIVES_URL = "news/archives/"
ARCHIVES_SAVE_AS = "news/archives/index.html"
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""

# The home page is its own template; the paginated news list lives under news/.
DIRECT_TEMPLATES = ["home", "index", "categories", "tags", "authors", "archives", "404"]
HOME_SAVE_AS = "index.html"
INDEX_URL = "news/"
INDEX_SAVE_AS = "news/index.html"
DEFAULT_PAGINATION = 6
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "author": None}
PAGINATION_PATTERNS = [
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
]

MENUITEMS = []
DISPLAY_PAGES_ON_MENU = True
DISPLAY_CATEGORIES_ON_MENU = False

# Feeds are a production concern; locally they only slow the preview down.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
        "markdown.extensions.smarty": {},
    },
    "output_format": "html5",
}

# Pelican's own per-file cache: unchanged content is not parsed again.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = ".cache/pelican"
CHECK_MODIFIED_METHOD = "md5"
# Saved as plain pickles: Pelican gzips them at level 9 by default, which took about a tenth of a
# one-post edit's build at 4,000 posts, to save some 15 MB of disk.
GZIP_CACHE = False
