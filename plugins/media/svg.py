"""SVG: parse without trusting the file, keep only the drawing, size it to a box.

An SVG is a document that can run scripts and fetch from other hosts. It is parsed with
``defusedxml`` (no DTD, no entities, no external references), then everything that is not a
drawing is removed: scripts, ``foreignObject``, event-handler attributes, links and references
that leave the file, ``url(...)`` to other files in styles, comments, ``<metadata>`` and the
attributes and elements editors' tools add in their own namespaces (which can hold file paths
and user names). What cannot be parsed safely is rejected with a :class:`MediaError`.
"""

import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .errors import MediaError

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

REMOVED_ELEMENTS = {
    "script",
    "foreignObject",
    "iframe",
    "embed",
    "object",
    "handler",
    "listener",
    "metadata",
    "audio",
    "video",
}
ANIMATIONS = {"set", "animate", "animateMotion", "animateTransform"}
HREFS = {"href", f"{{{XLINK_NS}}}href"}
_OUTSIDE_URL = re.compile(r"url\(\s*(?!['\"]?#)[^)]*\)", re.IGNORECASE)
_IMPORT = re.compile(r"@import[^;]*;?", re.IGNORECASE)
_NUMBER = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


def _local_name(tag: str) -> tuple[str | None, str]:
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return None, tag


def _clean_style(text: str) -> str:
    return _OUTSIDE_URL.sub("none", _IMPORT.sub("", text))


def _clean_attributes(element: ET.Element, removed: set[str]) -> None:
    for name in list(element.attrib):
        namespace, local = _local_name(name)
        value = element.attrib[name]
        if namespace not in (None, XLINK_NS, XML_NS):
            removed.add("editor attributes")
        elif local.lower().startswith("on"):
            removed.add("event handlers")
        elif name in HREFS and not value.strip().startswith("#"):
            removed.add("external references")
        elif local.lower().startswith("data-"):
            removed.add("data attributes")
        elif "url(" in value.lower() or "@import" in value.lower():
            cleaned = _clean_style(value)
            if cleaned != value:
                removed.add("external references")
                element.attrib[name] = cleaned
            continue
        elif "javascript:" in value.lower():
            removed.add("scripts")
        else:
            continue
        del element.attrib[name]


def _clean_tree(parent: ET.Element, removed: set[str]) -> None:
    for child in list(parent):
        if not isinstance(child.tag, str):  # comments and processing instructions
            parent.remove(child)
            continue
        namespace, local = _local_name(child.tag)
        if namespace is None:
            child.tag = f"{{{SVG_NS}}}{local}"
        elif namespace != SVG_NS:
            parent.remove(child)
            removed.add("editor metadata")
            continue
        target = child.get("attributeName", "").lower()
        if local in REMOVED_ELEMENTS or (
            local in ANIMATIONS and (target.endswith("href") or target.startswith("on"))
        ):
            parent.remove(child)
            removed.add(local)
            continue
        _clean_attributes(child, removed)
        if local == "style" and child.text:
            cleaned = _clean_style(child.text)
            if cleaned != child.text:
                removed.add("external references")
                child.text = cleaned
        _clean_tree(child, removed)


def _length(value: str | None) -> float | None:
    match = _NUMBER.match(value or "")
    return float(match[1]) if match and float(match[1]) > 0 else None


def sanitise_svg(
    data: bytes, box: tuple[int, int] | None, max_bytes: int
) -> tuple[bytes, list[str]]:
    """Return the cleaned SVG sized to ``box`` (CSS pixels) and what was removed from it.

    The drawing keeps its proportions: the root gets a ``viewBox`` (from its width and height
    when it had none) and ``preserveAspectRatio="xMidYMid meet"``. With ``box=None`` (an
    illustration in the content) the drawing keeps its own size attributes.
    """
    if len(data) > max_bytes:
        raise MediaError(
            f"is too large for an SVG logo ({len(data):,} bytes; the limit is {max_bytes:,})",
            "simplify the drawing or give a PNG file instead",
        )
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise MediaError(
            "is an SVG with a DOCTYPE or entities, which are not allowed",
            "export the SVG again as plain SVG, without a DOCTYPE",
        ) from None
    except (ET.ParseError, ValueError, UnicodeError):
        raise MediaError(
            "is not a well-formed SVG file", "export the logo again as plain SVG, or give a PNG"
        ) from None
    namespace, local = _local_name(root.tag)
    if local != "svg" or namespace not in (None, SVG_NS):
        raise MediaError(
            "is not an SVG drawing (its root element is not <svg>)",
            "give an SVG exported from a drawing program, or a PNG",
        )
    root.tag = f"{{{SVG_NS}}}svg"
    removed: set[str] = set()
    _clean_attributes(root, removed)
    _clean_tree(root, removed)
    if box is None:
        return ET.tostring(root, encoding="utf-8", xml_declaration=False), sorted(removed)
    view_box = root.get("viewBox")
    if not view_box:
        width, height = _length(root.get("width")), _length(root.get("height"))
        if not (width and height):
            raise MediaError(
                "has neither a viewBox nor a width and height in pixels",
                'add viewBox="0 0 WIDTH HEIGHT" to the <svg> element',
            )
        root.set("viewBox", f"0 0 {width:g} {height:g}")
    root.set("width", str(box[0]))
    root.set("height", str(box[1]))
    root.set("preserveAspectRatio", "xMidYMid meet")
    return ET.tostring(root, encoding="utf-8", xml_declaration=False), sorted(removed)
