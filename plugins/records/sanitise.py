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
  elements (``main``, the skip link's target) or give two elements one id.

A site that trusts everyone who writes its content sets ``TRUST_RAW_HTML = True`` (see
:mod:`records.settings`); the Content-Security-Policy still blocks inline script then.
"""

import re

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


def _prefix_ids(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id":
        return ID_PREFIX + value
    if attribute == "href" and value.startswith("#") and len(value) > 1:
        return f"#{ID_PREFIX}{value[1:]}"
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    attribute_filter=_prefix_ids,
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
