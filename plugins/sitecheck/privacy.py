"""Privacy gate: output images carry no metadata and fetch nothing; no page sets cookies or tracks.

Three functions for ``invoke check`` and the tests, each returning one line per problem:

- :func:`image_metadata_problems`: every PNG, JPEG, WebP and GIF under the output folder is
  read three ways — its structure (PNG chunks, JPEG segments, WebP chunks, GIF extensions),
  Pillow (``info``, ``getexif()``) and raw byte markers — and must hold no EXIF, GPS, XMP,
  IPTC, ICC profile (whose description text can name a person or a machine), text chunk or
  comment. Self-contained: it trusts nothing the build itself says about its files.
- :func:`svg_problems`: no SVG file refers outside itself (an ``href`` or ``src`` not to
  ``#id``, a ``url()`` not to ``#id``, an ``@import``) or can run a script (``<script>``, an
  event-handler attribute, ``<foreignObject>``, a ``javascript:`` URL). Every SVG is read,
  whoever made it.
- :func:`tracking_problems`: no HTML or JavaScript file sets a cookie or loads a known
  analytics or tracking script.
"""

import io
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from PIL import Image

RASTER_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".gif"}
# Markers that only metadata blocks contain; long enough never to occur in pixel data.
RAW_MARKERS = {
    b"Exif\x00\x00": "EXIF",
    b"<x:xmpmeta": "XMP",
    b"http://ns.adobe.com/xap/1.0/": "XMP",
    b"<?xpacket": "XMP",
    b"Photoshop 3.0": "IPTC",
    b"ICC_PROFILE": "ICC profile",
}
PNG_METADATA = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"iCCP", b"tIME"}
WEBP_METADATA = {b"EXIF": "EXIF", b"XMP ": "XMP", b"ICCP": "ICC profile"}
JPEG_METADATA = {0xE1: "APP1 (EXIF/XMP)", 0xE2: "APP2 (ICC)", 0xED: "APP13 (IPTC)", 0xFE: "COM"}
# Pillow ``info`` keys that carry no information about people, places or devices.
HARMLESS_INFO = {
    "transparency",
    "loop",
    "duration",
    "background",
    "version",
    "extension",
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "progressive",
    "progression",
    "interlace",
    "gamma",
    "srgb",
    "aspect",
    "adobe",
    "adobe_transform",
    "dpi",
}


def _png(data: bytes) -> list[str]:
    found, offset = [], 8
    while offset + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        if kind in PNG_METADATA:
            found.append(f"PNG {kind.decode('latin-1')} chunk")
        offset += 12 + length
    return found


def _jpeg(data: bytes) -> list[str]:
    found, offset = [], 2
    while offset + 4 <= len(data) and data[offset] == 0xFF:
        marker = data[offset + 1]
        if marker == 0xDA:
            break
        (length,) = struct.unpack(">H", data[offset + 2 : offset + 4])
        if marker in JPEG_METADATA:
            found.append(f"JPEG {JPEG_METADATA[marker]} segment")
        offset += 2 + length
    return found


def _webp(data: bytes) -> list[str]:
    found, offset = [], 12
    while offset + 8 <= len(data):
        kind, length = struct.unpack("<4sI", data[offset : offset + 8])
        if kind in WEBP_METADATA:
            found.append(f"WebP {WEBP_METADATA[kind]} chunk")
        offset += 8 + length + (length & 1)
    return found


def _gif(data: bytes) -> list[str]:
    found = []
    if b"\x21\xfe" in data:  # comment extension (a false alarm is possible, and cheap to look at)
        with Image.open(io.BytesIO(data)) as image:
            if image.info.get("comment"):
                found.append("GIF comment")
    if b"XMP DataXMP" in data:
        found.append("GIF XMP block")
    return found


def structural_blocks(data: bytes) -> list[str]:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png(data)
    if data[:2] == b"\xff\xd8":
        return _jpeg(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return _gif(data)
    return []


def _pillow(data: bytes) -> list[str]:
    try:
        with Image.open(io.BytesIO(data)) as image:
            found = []
            exif = image.getexif()
            if len(exif):
                found.append("EXIF tags" + (" with GPS" if 0x8825 in exif else ""))
            found.extend(
                f"Pillow info {key!r}" for key in sorted(image.info) if key not in HARMLESS_INFO
            )
            return found
    except (OSError, SyntaxError, ValueError):
        return ["cannot be read as an image"]


def image_problems(data: bytes) -> list[str]:
    """Every kind of metadata found in one encoded image, by any of the three readings."""
    found = structural_blocks(data) + _pillow(data)
    found += [name for marker, name in RAW_MARKERS.items() if marker in data]
    return list(dict.fromkeys(found))


def image_metadata_problems(output_dir) -> list[str]:
    """One line per output image that carries metadata: ``path: what was found``."""
    root = Path(output_dir)
    problems = []
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() not in RASTER_SUFFIXES or not path.is_file():
            continue
        found = image_problems(path.read_bytes())
        if found:
            problems.append(
                f"{path.relative_to(root).as_posix()}: image carries metadata: {', '.join(found)}"
            )
    return problems


_OUTSIDE_URL = re.compile(r"url\(\s*(?!['\"]?#)[^)]*\)?", re.I)


def _svg_element_problems(element: ET.Element) -> list[str]:
    name = element.tag.rpartition("}")[2]
    found = [f"has a <{name}> element"] if name in ("script", "foreignObject") else []
    texts = [element.text or ""] if name == "style" else []
    for attribute, value in element.attrib.items():
        local = attribute.rpartition("}")[2]
        if local.lower().startswith("on"):
            found.append(f"<{name}> has an event handler ({local})")
        elif local in ("href", "src") and not value.strip().startswith("#"):
            found.append(f"<{name}> {local} refers outside the file: {value[:80]}")
        else:
            texts.append(value)
    for text in texts:
        found += [
            f"<{name}> refers outside the file: {url[:80]}" for url in _OUTSIDE_URL.findall(text)
        ]
        if "@import" in text.lower():
            found.append(f"<{name}> imports a stylesheet (@import)")
        if "\\" in text:
            found.append(f"<{name}> has a CSS escape, which can hide a url()")
        if "javascript:" in re.sub(r"\s+", "", text.lower()):
            found.append(f"<{name}> has a javascript: URL")
    return found


def svg_file_problems(data: bytes) -> list[str]:
    """What in one SVG file refers outside it or can run a script (one entry each)."""
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        return ["has a DOCTYPE or entities, which can load other files"]
    except (ET.ParseError, ValueError, UnicodeError):
        return ["cannot be read as XML"]
    found = [problem for element in root.iter() for problem in _svg_element_problems(element)]
    return list(dict.fromkeys(found))


def svg_problems(output_dir) -> list[str]:
    """One line per problem of an output SVG file: ``path: what was found``."""
    root = Path(output_dir)
    return [
        f"{path.relative_to(root).as_posix()}: {problem}"
        for path in sorted(root.rglob("*"))
        if path.suffix.lower() == ".svg" and path.is_file()
        for problem in svg_file_problems(path.read_bytes())
    ]


TRACKING_PATTERNS = {
    "sets a cookie (document.cookie)": re.compile(r"document\s*\.\s*cookie\s*=", re.I),
    "sets a cookie (<meta http-equiv=set-cookie>)": re.compile(
        r"<meta[^>]+http-equiv\s*=\s*[\"']?set-cookie", re.I
    ),
    "sets a cookie (cookieStore)": re.compile(r"cookieStore\s*\.\s*set\s*\(", re.I),
    "loads Google Analytics or Tag Manager": re.compile(
        r"google-analytics\.com|googletagmanager\.com|\bgtag\s*\(|\bga\s*\(\s*['\"](?:create|send)",
        re.I,
    ),
    "loads Matomo/Piwik": re.compile(r"matomo\.js|piwik\.js|\b_paq\s*\.\s*push", re.I),
    "loads an analytics service": re.compile(
        r"plausible\.io|static\.cloudflareinsights\.com|cdn\.segment\.com|"
        r"js\.hs-analytics\.net|stats\.wp\.com|umami\.is|simpleanalytics|"
        r"clarity\.ms|hotjar\.com|mixpanel|amplitude\.com|heap(?:analytics)?\.(?:com|io)",
        re.I,
    ),
    "loads a social tracking pixel": re.compile(
        r"connect\.facebook\.net|\bfbq\s*\(|snap\.licdn\.com|static\.ads-twitter\.com", re.I
    ),
    "uses a navigator.sendBeacon call": re.compile(r"navigator\s*\.\s*sendBeacon\s*\(", re.I),
}


def tracking_problems(output_dir) -> list[str]:
    """One line per HTML or JavaScript file that sets a cookie or loads a tracker."""
    root = Path(output_dir)
    problems = []
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() not in {".html", ".htm", ".js", ".mjs"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for what, pattern in TRACKING_PATTERNS.items():
            if pattern.search(text):
                problems.append(f"{path.relative_to(root).as_posix()}: {what}")
    return problems
