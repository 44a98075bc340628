"""SVG sanitising as a specification: what a hostile file loses, what a drawing keeps."""

import xml.etree.ElementTree as ET

import pytest

from media import MediaError
from media.svg import MAX_DEPTH, MAX_ELEMENTS, SVG_NS, sanitise_svg

HEAD = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' viewBox="0 0 100 100"'
)
SQUARE = '<rect width="10" height="10"/>'


def svg(body: str, root_attributes: str = "") -> bytes:
    return f"{HEAD}{root_attributes}>{body}</svg>".encode()


def clean(data: bytes) -> str:
    cleaned, _ = sanitise_svg(data, None, 2_000_000)
    return cleaned.decode()


def removed(data: bytes) -> list[str]:
    return sanitise_svg(data, None, 2_000_000)[1]


EVIL = "https://evil.example"

# Each hostile file, and the strings of its payload that must not survive.
HOSTILE = {
    "script element": (svg(f"<script>alert(1)</script>{SQUARE}"), ["script", "alert"]),
    "script in the XHTML namespace": (
        svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
        ["script", "alert"],
    ),
    "onload on the root": (svg(SQUARE, ' onload="alert(1)"'), ["onload", "alert"]),
    "onclick on a shape": (
        svg('<rect width="1" height="1" onclick="alert(1)"/>'),
        ["onclick", "alert"],
    ),
    "javascript: link": (
        svg(f'<a href="javascript:alert(1)">{SQUARE}</a>'),
        ["javascript", "alert", "<a"],
    ),
    "link to another site": (svg(f'<a xlink:href="{EVIL}/">{SQUARE}</a>'), ["evil", "<a"]),
    "use of another file": (svg(f'<use href="{EVIL}/sprite.svg#icon"/>'), ["evil", "<use"]),
    "use of another file by xlink:href": (
        svg(f'<use xlink:href="{EVIL}/sprite.svg#icon"/>'),
        ["evil", "<use"],
    ),
    "image from another site": (
        svg(f'<image xlink:href="{EVIL}/t.png" width="1" height="1"/>'),
        ["evil", "<image"],
    ),
    "image with a data: URI": (
        svg('<image href="data:image/svg+xml;base64,PHN2Zy8+" width="1" height="1"/>'),
        ["data:", "<image"],
    ),
    "foreignObject with HTML": (
        svg(
            '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">'
            f'<iframe src="{EVIL}/"></iframe><img src="{EVIL}/p.gif"/></div></foreignObject>'
        ),
        ["foreignObject", "iframe", "evil", "<div"],
    ),
    "iframe in the SVG namespace": (svg(f'<iframe src="{EVIL}/"/>'), ["iframe", "evil"]),
    "feImage fetching a picture": (
        svg(f'<filter id="f"><feImage href="{EVIL}/x.png"/></filter>'),
        ["feImage", "evil"],
    ),
    "CSS url() to another site in a style attribute": (
        svg(f'<rect width="1" height="1" style="fill:url({EVIL}/p.svg#p)"/>'),
        ["evil", "url("],
    ),
    "url() to another site in a presentation attribute": (
        svg(f'<rect width="1" height="1" fill="url({EVIL}/p.svg#p)"/>'),
        ["evil", "url("],
    ),
    "url() to another site in a style element": (
        svg(f"<style>rect {{ fill: url({EVIL}/p.svg#p) }}</style>"),
        ["evil", "url("],
    ),
    "@import in a style element": (
        svg(f"<style>@import url({EVIL}/x.css); rect {{ fill: red }}</style>"),
        ["@import", "evil"],
    ),
    "@import of a quoted address": (
        svg(f'<style>@import "{EVIL}/x.css";</style>'),
        ["@import", "evil"],
    ),
    "@font-face fetching a font": (
        svg(f"<style>@font-face {{ font-family: X; src: url({EVIL}/f.woff) }}</style>"),
        ["font-face", "evil"],
    ),
    "CSS escape spelling url( in a style attribute": (
        svg(f'<rect width="1" height="1" style="fill:u\\72l({EVIL}/p)"/>'),
        ["evil", "\\"],
    ),
    "CSS escape spelling url( in a style element": (
        svg(f"<style>rect {{ fill: u\\72l({EVIL}/p) }}</style>"),
        ["evil", "\\"],
    ),
    "CSS expression()": (
        svg('<rect width="1" height="1" style="fill:expression(alert(1))"/>'),
        ["expression", "alert"],
    ),
    "javascript: in a CSS url()": (
        svg('<rect width="1" height="1" style="fill:url(javascript:alert(1))"/>'),
        ["javascript", "alert"],
    ),
    "image-set() fetching a mask": (
        svg(f'<rect width="1" height="1" style="mask:image-set(\'{EVIL}/m.png\' 1x)"/>'),
        ["evil", "image-set"],
    ),
    "cursor from another site": (
        svg(f'<rect width="1" height="1" style="cursor:url({EVIL}/c.cur),auto"/>'),
        ["evil", "cursor"],
    ),
    "XInclude of a local file": (
        svg(
            '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude"'
            ' href="file:///etc/passwd" parse="text"/>'
        ),
        ["include", "passwd"],
    ),
    "xml-stylesheet processing instruction": (
        f'<?xml-stylesheet href="{EVIL}/x.css"?>'.encode() + svg(SQUARE),
        ["stylesheet", "evil"],
    ),
    "comment naming the author": (
        svg(f"<!-- drawn by Anna Rossi, /home/anna/logo.svg -->{SQUARE}"),
        ["<!--", "Anna", "/home/anna"],
    ),
    "Inkscape and Sodipodi metadata with a file path": (
        svg(
            '<sodipodi:namedview id="nv" inkscape:current-layer="layer1"/>'
            "<metadata><rdf:RDF><cc:Work><dc:creator><cc:Agent><dc:title>Anna Rossi"
            "</dc:title></cc:Agent></dc:creator></cc:Work></rdf:RDF></metadata>"
            f'<g inkscape:label="Layer 1" inkscape:groupmode="layer">{SQUARE}</g>',
            ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"'
            ' xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"'
            ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
            ' xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' sodipodi:docname="logo.svg" inkscape:export-filename="/home/anna/logo.png"',
        ),
        ["/home/anna", "Anna Rossi", "inkscape", "sodipodi", "metadata", "rdf", "Layer 1"],
    ),
    "set that turns an href into javascript:": (
        svg(
            '<defs><path id="p" d="M0 0h10"/></defs>'
            '<use href="#p"><set attributeName="href" to="javascript:alert(1)"/></use>'
        ),
        ["javascript", "alert", "<set"],
    ),
    "animate that turns an href into javascript:": (
        svg(
            '<defs><path id="p" d="M0 0h10"/></defs><use xlink:href="#p">'
            '<animate attributeName="xlink:href" values="javascript:alert(1)" dur="1s"/></use>'
        ),
        ["javascript", "alert", "<animate"],
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_svg_comes_out_without_its_payload(case):
    data, payload = HOSTILE[case]
    cleaned = clean(data)
    for text in payload:
        assert text not in cleaned, text


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_svg_comes_out_as_well_formed_svg(case):
    root = ET.fromstring(clean(HOSTILE[case][0]))
    assert {element.tag.partition("}")[0] for element in root.iter()} == {f"{{{SVG_NS}"}


def _laughs(levels: int = 10) -> bytes:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, levels)
    )
    return f"<!DOCTYPE svg [{entities}]>".encode() + svg(f"<text>&lol{levels - 1};</text>")


REJECTED = {
    "billion laughs": (_laughs(), "is an SVG with a DOCTYPE or entities"),
    "external DTD": (
        f'<!DOCTYPE svg SYSTEM "{EVIL}/svg.dtd">'.encode() + svg(SQUARE),
        "is an SVG with a DOCTYPE or entities",
    ),
    "external entity": (
        b'<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + svg("<text>&xxe;</text>"),
        "is an SVG with a DOCTYPE or entities",
    ),
    "deeply nested groups": (
        svg("<g>" * 10_000 + "</g>" * 10_000),
        f"nests its elements more than {MAX_DEPTH} deep",
    ),
    "huge element count": (svg(SQUARE * (MAX_ELEMENTS + 1)), "has more than 50,000 elements"),
}


@pytest.mark.parametrize("case", list(REJECTED))
def test_svg_that_cannot_be_read_safely_is_one_clear_error(case):
    data, message = REJECTED[case]
    with pytest.raises(MediaError, match=message) as caught:
        sanitise_svg(data, None, 2_000_000)
    assert caught.value.fix


def test_a_drawing_nested_to_the_depth_limit_is_kept():
    groups = MAX_DEPTH - 2  # the root, the groups and the square: MAX_DEPTH levels
    cleaned = clean(svg("<g>" * groups + SQUARE + "</g>" * groups))
    assert cleaned.count("<g>") == groups
    assert "<rect" in cleaned


def test_gradients_referred_to_by_url_of_an_id_are_kept():
    cleaned = clean(
        svg(
            '<defs><linearGradient id="g" gradientTransform="rotate(90)">'
            '<stop offset="0" stop-color="#c00"/><stop offset="1" style="stop-color:#00c"/>'
            '</linearGradient><radialGradient id="r" xlink:href="#g"/></defs>'
            '<rect width="10" height="10" fill="url(#g)"/>'
            '<circle r="5" style="fill:url(\'#r\');stroke:#000"/>'
        )
    )
    for kept in (
        '<linearGradient id="g" gradientTransform="rotate(90)">',
        '<stop offset="0" stop-color="#c00" />',
        'style="stop-color:#00c"',
        '<radialGradient id="r" xlink:href="#g" />',
        'fill="url(#g)"',
        "style=\"fill:url('#r');stroke:#000\"",
    ):
        assert kept in cleaned, kept


def test_use_of_an_element_of_the_same_file_is_kept():
    cleaned = clean(
        svg('<defs><path id="p" d="M0 0h10"/></defs><use href="#p" x="5"/><use xlink:href="#p"/>')
    )
    assert '<use href="#p" x="5" />' in cleaned
    assert '<use xlink:href="#p" />' in cleaned


def test_text_keeps_its_words_spacing_and_path():
    cleaned = clean(
        svg(
            '<defs><path id="curve" d="M0 50q50-50 100 0"/></defs>'
            '<text x="1" y="9" xml:space="preserve" font-family="Georgia, serif" font-size="8">'
            'Stop <tspan font-weight="bold">trafficking</tspan> now</text>'
            '<text><textPath href="#curve" startOffset="10%">Hope</textPath></text>'
        )
    )
    assert (
        '<text x="1" y="9" xml:space="preserve" font-family="Georgia, serif" font-size="8">'
        'Stop <tspan font-weight="bold">trafficking</tspan> now</text>'
    ) in cleaned
    assert '<textPath href="#curve" startOffset="10%">Hope</textPath>' in cleaned


def test_words_around_a_removed_link_stay_in_their_text():
    cleaned = clean(svg(f'<text>Call <a href="{EVIL}/">us</a> today</text>'))
    assert "<text>Call  today</text>" in cleaned


def test_transforms_are_kept():
    cleaned = clean(
        svg(
            '<g transform="translate(10 20) rotate(45) scale(2)">'
            '<rect width="1" height="1" transform="matrix(1 0 0 1 5 5)"'
            ' style="transform-origin:center;transform:skewX(10deg)"/></g>'
        )
    )
    assert 'transform="translate(10 20) rotate(45) scale(2)"' in cleaned
    assert 'transform="matrix(1 0 0 1 5 5)"' in cleaned
    assert 'style="transform-origin:center;transform:skewX(10deg)"' in cleaned


def test_clip_paths_masks_markers_and_filters_are_kept():
    cleaned = clean(
        svg(
            '<defs><clipPath id="c"><circle r="5"/></clipPath><mask id="m"><rect width="9"'
            ' height="9" fill="#fff"/></mask><marker id="a" markerWidth="4" markerHeight="4"'
            ' refX="2" refY="2" orient="auto"><path d="M0 0L4 2L0 4z"/></marker>'
            '<filter id="f"><feGaussianBlur in="SourceGraphic" stdDeviation="2" result="b"/>'
            '<feMerge><feMergeNode in="b"/></feMerge></filter></defs>'
            '<path d="M0 0L9 9" clip-path="url(#c)" mask="url(#m)" marker-end="url(#a)"'
            ' filter="url(#f)"/>'
        )
    )
    for kept in ("<clipPath", "<mask", "<marker", '<feGaussianBlur in="SourceGraphic"', "<feMerge"):
        assert kept in cleaned, kept
    assert 'clip-path="url(#c)" mask="url(#m)" marker-end="url(#a)" filter="url(#f)"' in cleaned


def test_title_description_and_accessibility_attributes_are_kept():
    cleaned = clean(
        svg(
            '<title id="t">Day of Prayer</title><desc>A candle</desc>',
            ' role="img" aria-labelledby="t"',
        )
    )
    assert 'role="img" aria-labelledby="t"' in cleaned
    assert '<title id="t">Day of Prayer</title><desc>A candle</desc>' in cleaned


def test_a_style_element_keeps_its_simple_rules_with_allowed_declarations():
    cleaned = clean(
        svg(
            '<defs><style type="text/css"><![CDATA[ .cls-1{fill:#e30613;}'
            " .cls-2, g > path:first-child { stroke : #000 ; stroke-width: 2 } ]]></style></defs>"
            '<path class="cls-1" d="M0 0h9v9z"/>'
        )
    )
    assert (
        '<style type="text/css">.cls-1{fill:#e30613}'
        ".cls-2, g &gt; path:first-child{stroke:#000;stroke-width:2}</style>"
    ) in cleaned
    assert '<path class="cls-1" d="M0 0h9v9z" />' in cleaned


def test_a_style_element_loses_at_rules_and_complex_selectors():
    cleaned = clean(
        svg(
            "<style>@media print { rect { fill: red } } rect[x] { fill: blue }"
            " rect { fill: green; behavior: url(x.htc) }</style>"
        )
    )
    assert "<style>rect{fill:green}</style>" in cleaned


def test_a_style_element_with_nothing_left_is_removed():
    assert "<style" not in clean(svg(f"<style>@import url({EVIL}/x.css);</style>{SQUARE}"))


def test_unknown_style_properties_are_dropped_and_known_ones_kept():
    cleaned = clean(
        svg(
            "<text style=\"font-size:12px;-inkscape-font-specification:'Sans Bold';"
            "font-family:'DejaVu Sans';fill:#1f4e79\">A</text>"
        )
    )
    assert "style=\"font-size:12px;font-family:'DejaVu Sans';fill:#1f4e79\"" in cleaned


def test_an_illustrator_switch_keeps_its_drawing():
    cleaned = clean(
        svg(
            '<switch><foreignObject requiredExtensions="http://ns.adobe.com/AdobeIllustrator/10.0/"'
            ' width="1" height="1"/><g><path d="M0 0h9v9z" fill="#e30613"/></g></switch>'
        )
    )
    assert '<switch><g><path d="M0 0h9v9z" fill="#e30613" /></g></switch>' in cleaned


INKSCAPE_LOGO = b"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg
   width="120mm"
   height="60mm"
   viewBox="0 0 120 60"
   version="1.1"
   id="svg1"
   inkscape:version="1.3.2 (091e20e, 2023-11-25)"
   sodipodi:docname="hope-logo.svg"
   inkscape:export-filename="/home/anna/Documents/partners/hope-logo.png"
   inkscape:export-xdpi="96"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview
     id="namedview1"
     pagecolor="#ffffff"
     inkscape:zoom="1.2"
     inkscape:current-layer="layer1" />
  <defs
     id="defs1">
    <linearGradient
       id="linearGradient2"
       inkscape:collect="always">
      <stop
         style="stop-color:#1f4e79;stop-opacity:1"
         offset="0"
         id="stop1" />
      <stop
         style="stop-color:#3a7ab8;stop-opacity:1"
         offset="1"
         id="stop2" />
    </linearGradient>
  </defs>
  <metadata
     id="metadata1">
    <rdf:RDF>
      <cc:Work
         rdf:about="">
        <dc:creator>
          <cc:Agent>
            <dc:title>Anna Rossi</dc:title>
          </cc:Agent>
        </dc:creator>
      </cc:Work>
    </rdf:RDF>
  </metadata>
  <g
     inkscape:label="Layer 1"
     inkscape:groupmode="layer"
     id="layer1"
     transform="translate(-10,-20)">
    <path
       style="fill:url(#linearGradient2);fill-opacity:1;stroke:none;stroke-width:0.264583"
       d="m 20,30 h 40 v 40 h -40 z"
       id="path1"
       sodipodi:nodetypes="ccccc" />
    <circle
       style="fill:#ffffff;stroke:#1f4e79;stroke-width:2"
       id="path2"
       cx="40"
       cy="50"
       r="12" />
    <text
       xml:space="preserve"
       style="font-weight:bold;font-size:12px;line-height:1.25;font-family:'DejaVu Sans';\
-inkscape-font-specification:'DejaVu Sans Bold';fill:#1f4e79"
       x="70"
       y="55"
       id="text1"><tspan
         sodipodi:role="line"
         id="tspan1"
         x="70"
         y="55">Hope</tspan></text>
  </g>
</svg>
"""


def test_an_inkscape_logo_keeps_its_drawing_and_loses_the_editor_data():
    cleaned = clean(INKSCAPE_LOGO)
    for kept in (
        'width="120mm" height="60mm" viewBox="0 0 120 60"',
        '<g id="layer1" transform="translate(-10,-20)">',
        'style="fill:url(#linearGradient2);fill-opacity:1;stroke:none;stroke-width:0.264583"'
        ' d="m 20,30 h 40 v 40 h -40 z"',
        '<circle style="fill:#ffffff;stroke:#1f4e79;stroke-width:2" id="path2" cx="40"',
        '<stop style="stop-color:#3a7ab8;stop-opacity:1" offset="1" id="stop2" />',
        '<tspan id="tspan1" x="70" y="55">Hope</tspan>',
    ):
        assert kept in cleaned, kept
    for gone in ("inkscape", "sodipodi", "/home/anna", "Anna Rossi", "metadata", "Created with"):
        assert gone not in cleaned, gone


def test_a_file_without_xmlns_comes_out_in_the_svg_namespace():
    cleaned = clean(b'<svg viewBox="0 0 10 10"><rect width="10" height="10"/></svg>')
    root = ET.fromstring(cleaned)
    assert [element.tag for element in root.iter()] == [f"{{{SVG_NS}}}svg", f"{{{SVG_NS}}}rect"]


def test_what_was_removed_is_reported_for_the_log():
    notes = removed(
        svg(
            f'<script>x</script><rect width="1" height="1" onclick="x" style="fill:url({EVIL})"/>'
            '<g inkscape:label="x"/>',
            ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"',
        )
    )
    assert notes == ["editor attributes", "event handlers", "external references", "script"]
