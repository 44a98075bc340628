"""The demo artwork (``demo/``, ``invoke demo-art``): the same bytes from the same drawing,
and every picture named by the content file it belongs to, with the words it shows."""

import io
import random
import re

import pytest
from PIL import Image

from demo import art, scenes
from demo.canvas import Canvas, webp
from media import metadata_blocks
from tests.conftest import ROOT

SMALL = (120, 80)  # a scene's shape at a tenth of its size: every shape drawn, fast


@pytest.mark.parametrize("name", sorted(scenes.SCENES))
def test_a_scene_drawn_twice_gives_the_same_bytes(name):
    def draw(seed):
        canvas = Canvas(SMALL, scenes.PRAYER_DUSK.sky[0])
        scenes.SCENES[name](canvas, scenes.PRAYER_DUSK, random.Random(seed))
        return webp(canvas.finish())

    first = draw(7)
    assert draw(7) == first
    assert metadata_blocks(first) == []
    with Image.open(io.BytesIO(first)) as image:
        assert image.size == SMALL


@pytest.mark.parametrize("partner", ["renate", "caritas-internationalis", "osce"])
def test_a_logo_drawn_twice_gives_the_same_bytes(partner):
    logo = art.LOGOS[partner]
    first = logo.draw()
    assert logo.draw() == first
    assert metadata_blocks(first) == []


def test_every_picture_is_the_lead_image_of_its_file_with_its_alt_text():
    declared = {}
    for path in (ROOT / "content").rglob("*.md"):
        header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        image = re.search(r"^Image: (.+)$", header, re.M)
        if image:
            alt = re.search(r"^Image-alt: (.+)$", header, re.M)
            declared[image[1]] = alt[1]
    for picture in art.PICTURES:
        assert (ROOT / "content" / picture.path).is_file(), picture.path
        assert declared.get(picture.path) == picture.alt, picture.path


def test_every_partner_logo_drawn_is_a_partners_logo():
    logos = set()
    for path in (ROOT / "content/partners").glob("*.md"):
        found = re.search(r"^Logo: (.+)$", path.read_text(encoding="utf-8"), re.M)
        if found:
            logos.add(found[1])
    assert {art.logo_path(partner) for partner in art.LOGOS} == logos
