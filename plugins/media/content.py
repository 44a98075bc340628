"""Responsive pictures in content: find the images of a page's HTML, then write ``<picture>``.

Runs once per content object and build, on the HTML Markdown made (``_content``), never on
written pages. :func:`find_images` lists the ``<img>`` tags and the content files they show;
:func:`rewrite` replaces each one whose image the pipeline processed with a ``<picture>``
(WebP, then JPEG or PNG, at every width, ``width``/``height`` set, lazy below the first).

URLs in ``srcset`` are not rewritten by Pelican (only ``src``, ``href``… are), so the new HTML
holds :data:`ROOT` where the site's root goes, and :class:`SiteRooted` — installed as the
content's ``_get_content`` hook, which Pelican's ``get_content`` calls — puts in the root of the
page being written (``../..`` with relative URLs, ``SITEURL`` otherwise).
"""

import html
import os
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlparse

ROOT = "@@media-root@@/"
RASTER = (".jpg", ".jpeg", ".png", ".webp", ".gif")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_LINK = re.compile(r"^(?:\{(static|attach|filename)\}|\|(static|attach|filename)\|)")
KEPT_ATTRIBUTES = ("title", "class", "id")
MIME = {"webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}


@dataclass
class FoundImage:
    start: int
    end: int
    attributes: dict  # name → value as written (HTML-escaped)
    src: str
    path: str | None  # relative to the content folder, when it is a local raster image

    @property
    def alt(self) -> str:
        return (self.attributes.get("alt") or "").strip()


def parse_attributes(tag: str) -> dict:
    inner = tag[4:].rstrip(">").rstrip("/")
    found = {}
    for match in _ATTRIBUTE.finditer(inner):
        name = match[1].lower()
        value = next((g for g in match.groups()[1:] if g is not None), None)
        found[name] = value
    return found


def resolve(src: str, source_dir: str, content_root: str) -> str | None:
    """The path inside the content folder that ``src`` names, or None when it is not one."""
    value = html.unescape(src).strip()
    link = _LINK.match(value)
    if link:
        value = value[link.end() :]
    parsed = urlparse(value)
    if parsed.scheme or parsed.netloc or not parsed.path:
        return None
    path = unquote(parsed.path)
    if path.startswith("/"):
        relative = os.path.normpath(path.lstrip("/"))
    else:
        relative = os.path.normpath(os.path.join(source_dir, path))
    if relative.startswith(".."):
        return None
    relative = relative.replace(os.sep, "/")
    if not relative.lower().endswith(RASTER):
        return None
    return relative if os.path.isfile(os.path.join(content_root, relative)) else None


def find_images(text: str, source_dir: str, content_root: str) -> list[FoundImage]:
    """Every ``<img>`` of ``text`` not already inside a ``<picture>``, in order."""
    found = []
    for match in _IMG.finditer(text):
        before = text[: match.start()].lower()
        if before.count("<picture") > before.count("</picture"):
            continue
        attributes = parse_attributes(match[0])
        src = attributes.get("src") or ""
        path = resolve(src, source_dir, content_root) if src else None
        found.append(FoundImage(match.start(), match.end(), attributes, src, path))
    return found


@dataclass(frozen=True)
class Picture:
    """A processed image, ready for a template (``partials/picture.html``) or for content HTML.

    ``webp`` and ``fallback`` are lists of :class:`media.OutputFile` from narrow to wide; URLs
    are relative to the site's root.
    """

    webp: tuple
    fallback: tuple
    alt: str  # plain text
    sizes: str

    @property
    def src(self):
        """The file for browsers without ``srcset``: the widest not over 1000 pixels."""
        fitting = [f for f in self.fallback if f.width <= 1000]
        return fitting[-1] if fitting else self.fallback[0]

    @property
    def width(self) -> int:
        return self.src.width

    @property
    def height(self) -> int:
        return self.src.height

    @property
    def type(self) -> str:
        return MIME[self.fallback[0].fmt]

    def srcset(self, files, root: str) -> str:
        return ", ".join(f"{root}{f.url} {f.width}w" for f in files)

    def html(self, root: str, lazy: bool, extra: dict | None = None, css_class: str = "") -> str:
        """The ``<picture>`` element; ``extra`` attributes are copied to the ``<img>`` as given."""
        attributes = "".join(
            f' {name}="{value}"' for name, value in (extra or {}).items() if value is not None
        )
        picture_class = f' class="{css_class}"' if css_class else ""
        loading = ' loading="lazy"' if lazy else ' fetchpriority="high"'
        return (
            f"<picture{picture_class}>"
            f'<source type="image/webp" srcset="{self.srcset(self.webp, root)}"'
            f' sizes="{html.escape(self.sizes)}">'
            f'<img src="{root}{self.src.url}" srcset="{self.srcset(self.fallback, root)}"'
            f' sizes="{html.escape(self.sizes)}" width="{self.width}" height="{self.height}"'
            f' alt="{html.escape(self.alt)}"{attributes}{loading} decoding="async">'
            "</picture>"
        )


def picture_from(ticket, alt: str, sizes: str, widest: int = 0) -> Picture | None:
    """The picture of a ticket's copies; with ``widest``, of those at most that wide (the
    narrowest, if none is)."""
    if ticket.error is not None or not ticket.files:
        return None
    files = ticket.files
    if widest:
        narrowest = min(f.width for f in files)
        files = [f for f in files if f.width <= max(widest, narrowest)]
    webp = tuple(sorted((f for f in files if f.fmt == "webp"), key=lambda f: f.width))
    other = tuple(sorted((f for f in files if f.fmt != "webp"), key=lambda f: f.width))
    return Picture(webp, other, alt, sizes)


def rewrite(text: str, found: list[FoundImage], pictures: dict, lead: str = "") -> str:
    """``text`` with each found image that has a picture replaced; ``lead`` HTML goes first.

    The first picture of the page loads at once (``fetchpriority="high"``); the others lazily.
    A lead picture counts as the first.
    """
    parts, position, first = [], 0, not lead
    for image in found:
        picture = pictures.get(image.path) if image.path else None
        if picture is None:
            continue
        extra = {name: image.attributes.get(name) for name in KEPT_ATTRIBUTES}
        alt = html.unescape(image.attributes.get("alt") or "")
        element = Picture(picture.webp, picture.fallback, alt, picture.sizes)
        parts.append(text[position : image.start])
        parts.append(element.html(ROOT, lazy=not first, extra=extra))
        position, first = image.end, False
    parts.append(text[position:])
    return lead + "".join(parts)


class SiteRooted:
    """``content._get_content``: the rewritten HTML with the root of the page being written."""

    def __init__(self, content, text: str):
        self.content = content
        self.text = text

    def __call__(self) -> str:
        siteurl = self.content._context.get("localsiteurl") or ""
        return self.text.replace(ROOT, f"{siteurl}/")


def install(content, text: str) -> None:
    """Make ``text`` the content of ``content`` and forget any HTML Pelican already made."""
    content._get_content = SiteRooted(content, text)
    for method in (type(content).get_content, type(content).get_summary):
        cache = getattr(method, "cache", None)
        if cache:
            for key in [k for k in cache if k and k[0] is content]:
                del cache[key]
