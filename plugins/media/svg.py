"""SVG: parse without trusting the file, keep only the drawing, size it to a box.

An SVG is a document that can run scripts and fetch from other hosts. It is parsed with
``defusedxml`` (no DTD, no entities, no external references) and rebuilt from allow-lists:
only the drawing elements of the SVG namespace (:data:`ELEMENTS`), their geometry and
presentation attributes (:data:`ATTRIBUTES`) and, in ``style`` attributes and ``<style>``
elements, the drawing's CSS properties (:data:`PROPERTIES`) are copied to the output.
Everything else goes, with its content: scripts, ``foreignObject``, links, images, animations,
comments, ``<metadata>`` and whatever editors' tools write in their own namespaces (file paths,
user names). A reference may only point inside the file (``href="#id"``, ``url(#id)``).

The file is read as a stream and the clean tree built as it goes, with no recursion over the
file's nesting: a file nested deeper than :data:`MAX_DEPTH` or with more than
:data:`MAX_ELEMENTS` elements is rejected. These are constants, not settings: real drawings
are far from both (changing one needs ``pipeline.CORE_VERSION`` bumped). What cannot be parsed
safely is rejected with a :class:`MediaError` too.

``<style>`` elements are kept, rule by rule, because Illustrator writes its colours as classes
in one (a logo without it would come out black): a rule is kept when its selector is simple
(types, classes, ids, combinators, pseudo-classes) and it has allowed declarations left; at-rules
(``@import``, ``@font-face``, ``@media``…) are dropped whole.
"""

import math
import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from .errors import MediaError
from .images import balanced_scale

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

# Deep enough for any drawing program's groups; far below Python's recursion limit, which
# ElementTree's serialiser would otherwise meet.
MAX_DEPTH = 100
MAX_ELEMENTS = 50_000

FILTER_PRIMITIVES = {
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
}  # not feImage, which fetches
# ``switch`` too: Illustrator wraps its whole drawing in one (beside a foreignObject).
ELEMENTS = {
    *("svg", "g", "defs", "symbol", "use", "switch"),
    *("path", "rect", "circle", "ellipse", "line", "polyline", "polygon"),
    *("text", "tspan", "textPath", "title", "desc", "style"),
    *("linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker"),
    "filter",
    *FILTER_PRIMITIVES,
}
TEXT_CONTENT = {"text", "tspan", "textPath", "title", "desc"}
# Elements whose href (to ``#id`` only) is kept; a ``use`` without one is removed.
LINKING = {"use", "textPath", "linearGradient", "radialGradient", "pattern"}

# Presentation attributes, which are also the CSS properties kept in styles.
PRESENTATION = {
    *("alignment-baseline", "baseline-shift", "dominant-baseline", "direction", "writing-mode"),
    *("clip", "clip-path", "clip-rule", "mask", "mask-type", "filter", "overflow"),
    *("color", "color-interpolation", "color-interpolation-filters", "color-rendering"),
    *("display", "visibility", "opacity", "isolation", "mix-blend-mode"),
    *("fill", "fill-opacity", "fill-rule", "paint-order", "vector-effect"),
    *("stroke", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin"),
    *("stroke-miterlimit", "stroke-opacity", "stroke-width"),
    *("marker", "marker-start", "marker-mid", "marker-end"),
    *("stop-color", "stop-opacity", "flood-color", "flood-opacity", "lighting-color"),
    *("font", "font-family", "font-size", "font-size-adjust", "font-stretch", "font-style"),
    *("font-variant", "font-weight", "letter-spacing", "word-spacing", "text-anchor"),
    *("text-decoration", "text-rendering", "unicode-bidi", "white-space"),
    *("image-rendering", "shape-rendering"),
    *("transform", "transform-box", "transform-origin"),
}
PROPERTIES = PRESENTATION | {
    *("line-height", "font-variant-caps", "font-variant-ligatures", "font-variant-numeric"),
}
ATTRIBUTES = PRESENTATION | {
    *("id", "class", "style", "lang", "systemLanguage"),
    *("role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden"),
    *("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr"),
    *("width", "height", "d", "points", "pathLength", "viewBox", "preserveAspectRatio"),
    *("dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing"),
    *("offset", "gradientUnits", "gradientTransform", "spreadMethod"),
    *("patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits"),
    *("maskUnits", "maskContentUnits", "markerUnits", "markerWidth", "markerHeight"),
    *("refX", "refY", "orient"),
    *("filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "edgeMode"),
    *("operator", "k1", "k2", "k3", "k4", "mode", "type", "values", "tableValues", "slope"),
    *("intercept", "amplitude", "exponent", "radius", "scale", "xChannelSelector"),
    *("yChannelSelector", "baseFrequency", "numOctaves", "seed", "stitchTiles", "order"),
    *("kernelMatrix", "divisor", "bias", "targetX", "targetY", "preserveAlpha"),
    *("kernelUnitLength", "surfaceScale", "diffuseConstant", "specularConstant"),
    *("specularExponent", "limitingConeAngle", "azimuth", "elevation", "z"),
    *("pointsAtX", "pointsAtY", "pointsAtZ"),
}
# CSS functions a kept value may call (``url`` only to ``#id``): colours, transforms, filters,
# clipping shapes. None of them fetches.
FUNCTIONS = {
    *("rgb", "rgba", "hsl", "hsla"),
    *("matrix", "translate", "translatex", "translatey", "scale", "scalex", "scaley"),
    *("rotate", "skew", "skewx", "skewy"),
    *("blur", "brightness", "contrast", "drop-shadow", "grayscale", "hue-rotate", "invert"),
    *("opacity", "saturate", "sepia"),
    *("circle", "ellipse", "inset", "polygon"),
}

HREFS = {"href", f"{{{XLINK_NS}}}href"}
_FRAGMENT = re.compile(r"#[\w.:-]+")
_LOCAL_URL = re.compile(r"url\(\s*(['\"]?)#[\w.:-]+\1\s*\)", re.IGNORECASE)
_FUNCTION = re.compile(r"([\w-]+)\s*\(")
_UNSAFE_CHARACTERS = re.compile(r"[{}<>@]")
_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.DOTALL)
_SELECTOR = re.compile(r"[\w\s.#*,>+~:-]+")
_NUMBER = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")
_VIEW_BOX_SEPARATOR = re.compile(r"[\s,]+")


def _local_name(tag: str) -> tuple[str | None, str]:
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return None, tag


def _outside_quotes(text: str, start: int = 0):
    """Every ``(index, character)`` of ``text`` from ``start`` that is not in a quoted string."""
    quote = None
    for index in range(start, len(text)):
        character = text[index]
        if quote:
            if character == quote:
                quote = None
        elif character in "'\"":
            quote = character
        else:
            yield index, character


def _balanced(value: str) -> bool:
    """Whether every quote and parenthesis of ``value`` is closed (and none closed unopened)."""
    quote, depth = None, 0
    for character in value:
        if quote:
            if character == quote:
                quote = None
        elif character in "'\"":
            quote = character
        elif character in "()":
            depth += 1 if character == "(" else -1
            if depth < 0:
                return False
    return quote is None and depth == 0


def _value_problem(value: str) -> str | None:
    """Why an attribute's or a declaration's value cannot be kept, or None when it can."""
    if "\\" in value:  # a CSS escape can spell url( or expression( unseen
        return "CSS escapes"
    squeezed = re.sub(r"\s+", "", value.lower())
    if "javascript:" in squeezed or "expression(" in squeezed:
        return "scripts"
    functions = {name.lower() for name in _FUNCTION.findall(_LOCAL_URL.sub("", value))}
    if "url" in functions:
        return "external references"
    if functions - FUNCTIONS or _UNSAFE_CHARACTERS.search(value) or not _balanced(value):
        return "style values"
    return None


def _split_declarations(text: str) -> list[str]:
    parts, start, depth = [], 0, 0
    for index, character in _outside_quotes(text):
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif character == ";" and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _clean_declarations(text: str, removed: set[str]) -> str:
    """The allowed ``property:value`` declarations of a style, joined by ``;``."""
    kept = []
    for declaration in _split_declarations(_COMMENT.sub(" ", text)):
        name, colon, value = declaration.partition(":")
        name, value = name.strip().lower(), " ".join(value.split())
        if not colon:
            if name:
                removed.add("style properties")
            continue
        if name not in PROPERTIES:
            removed.add("style properties")
            continue
        problem = _value_problem(value)
        if problem:
            removed.add(problem)
            continue
        kept.append(f"{name}:{value}")
    return ";".join(kept)


def _find(text: str, characters: str, start: int) -> int:
    return next((i for i, c in _outside_quotes(text, start) if c in characters), len(text))


def _block_end(text: str, opening: int) -> int:
    """The index of the ``}`` closing the block that opens at ``opening`` (or the text's end)."""
    depth = 0
    for index, character in _outside_quotes(text, opening):
        depth += {"{": 1, "}": -1}.get(character, 0)
        if depth == 0:
            return index
    return len(text)


def _clean_stylesheet(text: str, removed: set[str]) -> str:
    """The rules of a ``<style>`` element with simple selectors and allowed declarations."""
    text = _COMMENT.sub(" ", text).replace("<!--", " ").replace("-->", " ")
    rules, position = [], 0
    while position < len(text):
        stop = _find(text, "{;", position)
        prelude = text[position:stop].strip()
        if stop == len(text) or text[stop] == ";":
            position = stop + 1
            if prelude:
                removed.add("CSS at-rules" if prelude.startswith("@") else "style rules")
            continue
        closing = _block_end(text, stop)
        position = closing + 1
        if prelude.startswith("@"):
            removed.add("CSS at-rules")
        elif not _SELECTOR.fullmatch(prelude):
            removed.add("style rules")
        else:
            declarations = _clean_declarations(text[stop + 1 : closing], removed)
            if declarations:
                rules.append(f"{' '.join(prelude.split())}{{{declarations}}}")
    return "".join(rules)


def _clean_attributes(element: str, attributes: dict, removed: set[str]) -> dict:
    kept = {}
    for name, value in attributes.items():
        namespace, local = _local_name(name)
        if name in HREFS:
            if element in LINKING and _FRAGMENT.fullmatch(value.strip()):
                kept[name] = value.strip()
            else:
                removed.add("links" if value.strip().startswith("#") else "external references")
        elif namespace == XML_NS and local in ("space", "lang"):
            kept[name] = value
        elif namespace is not None:
            removed.add("editor attributes")
        elif local.lower().startswith("on"):
            removed.add("event handlers")
        elif local == "style":
            style = _clean_declarations(value, removed)
            if style:
                kept[name] = style
        elif local not in ATTRIBUTES:
            removed.add("other attributes")
        elif problem := _value_problem(value):
            removed.add(problem)
        else:
            kept[name] = value
    return kept


class _Cleaner:
    """The parser's target: builds the clean tree while the file is read.

    Nothing of a removed element reaches the builder, so the untrusted tree is never built,
    and the limits stop a hostile file before it is read to the end.
    """

    def __init__(self):
        self.builder = ET.TreeBuilder()
        self.removed: set[str] = set()
        self.depth = 0
        self.count = 0
        self.skipping = 0  # how deep inside a removed element the parser is
        self.open: list[str] = []  # local names of the kept elements being read
        self.style: list[str] = []  # the text of the <style> element being read
        self.style_attributes: dict = {}
        self.namespaces = (SVG_NS,)

    def start(self, tag: str, attributes: dict) -> None:
        self.depth += 1
        self.count += 1
        if self.depth > MAX_DEPTH:
            raise MediaError(
                f"nests its elements more than {MAX_DEPTH} deep",
                "ungroup the drawing in the drawing program and export it again, or give a PNG",
            )
        if self.count > MAX_ELEMENTS:
            raise MediaError(
                f"has more than {MAX_ELEMENTS:,} elements",
                "simplify the drawing or give a PNG file instead",
            )
        if self.skipping:
            self.skipping += 1
            return
        namespace, local = _local_name(tag)
        if self.count == 1:
            if local != "svg" or namespace not in (None, SVG_NS):
                raise MediaError(
                    "is not an SVG drawing (its root element is not <svg>)",
                    "give an SVG exported from a drawing program, or a PNG",
                )
            if namespace is None:  # a file without xmlns: its elements are taken as SVG
                self.namespaces = (None, SVG_NS)
        if namespace not in self.namespaces:
            self._skip("elements of other namespaces")
            return
        if local not in ELEMENTS or (self.open and self.open[-1] in ("style", "title", "desc")):
            self._skip(local)
            return
        kept = _clean_attributes(local, attributes, self.removed)
        if local == "use" and not HREFS & set(kept):
            self._skip("external references")
            return
        self.open.append(local)
        if local == "style":  # started at its end, and only when a rule is left
            self.style_attributes = kept
        else:
            self.builder.start(f"{{{SVG_NS}}}{local}", kept)

    def _skip(self, what: str) -> None:
        self.removed.add(what)
        self.skipping = 1

    def end(self, tag: str) -> None:
        self.depth -= 1
        if self.skipping:
            self.skipping -= 1
            return
        local = self.open.pop()
        if local == "style":
            rules = _clean_stylesheet("".join(self.style), self.removed)
            self.style = []
            if not rules:
                return
            self.builder.start(f"{{{SVG_NS}}}style", self.style_attributes)
            self.builder.data(rules)
        self.builder.end(f"{{{SVG_NS}}}{local}")

    def data(self, text: str) -> None:
        if self.skipping or not self.open:
            return
        if self.open[-1] == "style":
            self.style.append(text)
        elif self.open[-1] in TEXT_CONTENT:
            self.builder.data(text)

    def comment(self, _text: str) -> None:
        self.removed.add("comments")

    def pi(self, _target: str, _text: str) -> None:
        self.removed.add("processing instructions")

    def close(self) -> ET.Element:
        return self.builder.close()


def _parse(data: bytes) -> tuple[ET.Element, list[str]]:
    cleaner = _Cleaner()
    parser = DefusedXMLParser(
        target=cleaner, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    try:
        parser.feed(data)
        root = parser.close()
    except MediaError:
        raise
    except DefusedXmlException:
        raise MediaError(
            "is an SVG with a DOCTYPE or entities, which are not allowed",
            "export the SVG again as plain SVG, without a DOCTYPE",
        ) from None
    except (ET.ParseError, ValueError, UnicodeError):
        raise MediaError(
            "is not a well-formed SVG file", "export the logo again as plain SVG, or give a PNG"
        ) from None
    return root, sorted(cleaner.removed)


def _length(value: str | None) -> float | None:
    match = _NUMBER.match(value or "")
    return float(match[1]) if match and float(match[1]) > 0 else None


def _balanced_view_box(view_box: str, box: tuple[int, int], area: float) -> str:
    """``view_box`` widened evenly on every side so that, shown in ``box``, the drawing
    covers ``area`` of it (:func:`media.images.balanced_scale`); unchanged when unreadable."""
    try:
        x, y, width, height = (float(v) for v in _VIEW_BOX_SEPARATOR.split(view_box.strip()))
    except ValueError:
        return view_box
    if not all(math.isfinite(v) for v in (x, y, width, height)) or width <= 0 or height <= 0:
        return view_box
    scale = balanced_scale((width, height), box, area)
    shown_width, shown_height = box[0] / scale, box[1] / scale
    x -= (shown_width - width) / 2
    y -= (shown_height - height) / 2
    return f"{x:.6g} {y:.6g} {shown_width:.6g} {shown_height:.6g}"


def sanitise_svg(
    data: bytes, box: tuple[int, int] | None, max_bytes: int, area: float = 0.0
) -> tuple[bytes, list[str]]:
    """Return the cleaned SVG sized to ``box`` (CSS pixels) and what was removed from it.

    The drawing keeps its proportions: the root gets a ``viewBox`` (from its width and height
    when it had none) and ``preserveAspectRatio="xMidYMid meet"``; with ``area`` the viewBox
    is widened so that the drawing covers that share of the box, as a raster logo does
    (:func:`media.images.fit_in_box`). With ``box=None`` (an illustration in the content) the
    drawing keeps its own size attributes.
    """
    if len(data) > max_bytes:
        raise MediaError(
            f"is too large for an SVG logo ({len(data):,} bytes; the limit is {max_bytes:,})",
            "simplify the drawing or give a PNG file instead",
        )
    root, removed = _parse(data)
    if box is None:
        return ET.tostring(root, encoding="utf-8", xml_declaration=False), removed
    view_box = root.get("viewBox")
    if not view_box:
        width, height = _length(root.get("width")), _length(root.get("height"))
        if not (width and height):
            raise MediaError(
                "has neither a viewBox nor a width and height in pixels",
                'add viewBox="0 0 WIDTH HEIGHT" to the <svg> element',
            )
        root.set("viewBox", f"0 0 {width:g} {height:g}")
    if area:
        root.set("viewBox", _balanced_view_box(root.get("viewBox"), box, area))
    root.set("width", str(box[0]))
    root.set("height", str(box[1]))
    root.set("preserveAspectRatio", "xMidYMid meet")
    return ET.tostring(root, encoding="utf-8", xml_declaration=False), removed
