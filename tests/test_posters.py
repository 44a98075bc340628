"""Posters: an A4 PDF and PNG per edition, linked from its page, with a QR code of its address."""

import re

import pytest
from PIL import Image

from media.drawing import Poster

zxingcpp = pytest.importorskip("zxingcpp")

PAGE = "campaigns/day-of-prayer/2025/index.html"


def poster_links(html: str) -> list[str]:
    return re.findall(r'<p class="poster-link">.*?href="([^"]+)".*?href="([^"]+)"', html, re.S)


def test_edition_page_links_a_pdf_and_png_poster(published):
    [(pdf, png)] = poster_links(published.page(PAGE))
    prefix = "https://example.org/campaigns/"
    assert pdf.endswith(".pdf")
    assert png.endswith(".png")
    assert (published.output / pdf[len(prefix) :]).read_bytes().startswith(b"%PDF-")
    with Image.open(published.output / png[len(prefix) :]) as image:
        assert image.size == (1240, 1754)  # A4 at 150 dpi


def test_poster_qr_code_decodes_to_the_canonical_url(published):
    html = published.page(PAGE)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)[1]
    [(_, png)] = poster_links(html)
    with Image.open(published.output / png.removeprefix("https://example.org/campaigns/")) as image:
        [result] = zxingcpp.read_barcodes(image.convert("L"))
    assert result.text == canonical == "https://example.org/campaigns/campaigns/day-of-prayer/2025/"
    assert "?" not in result.text


def test_local_builds_without_an_absolute_address_make_no_poster(demo):
    assert poster_links(demo.page(PAGE)) == []
    assert not (demo.output / "files/posters").exists()


def test_poster_shows_partner_logos_and_is_reproducible(tmp_path):
    from tests.fixtures.partners import images  # noqa: PLC0415

    logo = tmp_path / "logo.png"
    logo.write_bytes(images.logo_png())
    poster = Poster(
        campaign="Ημέρα προσευχής",
        theme="Мир начинается с достоинства",
        date="8 February 2026",
        url="https://example.org/x/",
        logos=(str(logo),),
        partner_names=("UISG",),
        created="2026-02-08",
    )
    first, _ = poster.render(b"", False, None)
    second, _ = poster.render(b"", False, None)
    assert [r.data for r in first] == [r.data for r in second]
    assert b"CreationDate (D:20260208" in first[1].data
