"""Raw HTML in Markdown, cleaned with an allow-list before it reaches any page or feed.

Markdown lets an editor write HTML between the paragraphs; on a site written by many hands
that is a way to run script on the site's own origin, hide a redirect or load a tracker. Every
rendered Markdown fragment (a body, a ``Summary``) goes through :func:`clean` as it is read,
so the reader cache holds the cleaned HTML and no template ever sees the raw one. The
cleaning is done by nh3, the Python binding of Rust's Ammonia, which parses the fragment as a
browser would and writes back only what the lists below allow:

* elements that carry text and structure (no script, style, iframe, object, embed, form,
  meta, base, link, SVG or MathML; no landmarks such as ``nav`` or ``footer``, which belong to
  the theme), and of those whose content is code or a foreign document the content goes too;
* attributes that describe content, never event handlers or ``style`` (the CSP forbids inline
  styles anyway);
* links and image sources that are ``http``, ``https``, ``mailto``, ``tel`` or site-relative;
* ``id`` values prefixed with :data:`ID_PREFIX`, and ``#fragment`` links to them rewritten
  alike, so that nothing written in content can take the id of one of the theme's own
  elements (``main``, the skip link's target) or give two elements one id;
* no image from another host: it would tell that host who reads the page. Those are named
  by :func:`remote_images` so that the reader reports them, whether or not a site cleans.

A site that trusts everyone who writes its content sets ``TRUST_RAW_HTML = True`` (see
:mod:`records.settings`); the Content-Security-Policy still blocks inline script then.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

ID_PREFIX = "c-"

TAGS = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col",
        "colgroup", "data", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
        "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small",
        "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "time", "tr", "u", "ul", "var", "wbr",
    }
)  # fmt: skip

# Elements removed together with everything inside them: code, or documents of their own.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script", "style", "template", "noscript", "title", "textarea", "xmp", "iframe",
        "noembed", "noframes", "plaintext", "object", "embed", "applet", "svg", "math",
        "select", "option", "head", "frameset", "frame",
    }
)  # fmt: skip

ATTRIBUTES = {
    "*": {"id", "class", "lang", "dir", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope", "abbr"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "data": {"value"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "details": {"open"},
}

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def is_remote(url: str) -> bool:
    """Whether ``url`` names another host (``https://…``, ``//host/…``)."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme.lower() in ("http", "https")


class _ImageSources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("img", "source", "video", "audio", "track", "input"):
            for name, value in attrs:
                if name in ("src", "srcset", "poster") and value:
                    self.sources.append(value)


def remote_images(html: str) -> list[str]:
    """The sources of images (and other media) in ``html`` that another host would serve."""
    if "<" not in html:
        return []
    parser = _ImageSources()
    parser.feed(html)
    parser.close()
    return [src for src in parser.sources if is_remote(src.split()[0] if src.split() else src)]


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and is_remote(value):
        return None
    if attribute == "id":
        return ID_PREFIX + value
    if attribute == "href" and value.startswith("#") and len(value) > 1:
        return f"#{ID_PREFIX}{value[1:]}"
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    attribute_filter=_filter_attribute,
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


# nh3 writes every attribute as name="value": an image whose source was refused has no src.
_IMAGE_WITHOUT_SOURCE = re.compile(r'<img\b(?![^>]*\ssrc=")[^>]*>')


def clean(html: str) -> str:
    """``html`` with everything outside the allow-lists removed (see the module docstring).

    An image whose source was refused goes entirely: ``<img>`` without ``src`` is not HTML.
    """
    if not html:
        return html
    return _IMAGE_WITHOUT_SOURCE.sub("", _CLEANER.clean(html))
