"""The network's map, drawn once at build time as SVG path data.

The view is fitted around the network's countries (or set by NETWORK_MAP_BOUNDS), projected
with Lambert's azimuthal equal-area projection centred on it (areas keep their proportions,
Europe looks as on a school atlas), cut to the frame, rounded to whole units of a
``WIDTH``-wide drawing and simplified (Douglas-Peucker), so that the whole map weighs a few
kilobytes. A country too small to see or to tap (the Vatican, Malta) gets a dot large enough
for a finger on a phone. Drawing is memoised per process: a build, and the next builds of
``invoke livereload``, draw the same map once.
"""

import functools
import hashlib
import math
import os
import pickle
from dataclasses import dataclass

from . import boundaries

WIDTH = 800  # units across the drawing; the SVG scales to the width of the page
TOLERANCE = 0.9  # units a simplified border may stray from the true one
THINNING = 0.2  # units between two points of a border kept before it is simplified
SMALLEST_RING = 3.0  # square units: smaller islands are left out
MIN_SPAN = (36.0, 22.0)  # degrees of longitude and latitude a fitted view shows at least
MARGIN = 0.25  # of the network's extent, added around it
# A dot's radius: 12 CSS pixels (a 24-pixel target, WCAG 2.5.8) when the drawing is shown
# 320 pixels wide, as on the smallest phones.
DOT_RADIUS = math.ceil(WIDTH * 12 / 320)


@dataclass(frozen=True)
class Shape:
    """A network country on the map: its outline (empty when it is too small to draw) and,
    for a small one, a dot."""

    d: str
    dot: tuple[int, int] | None = None


@dataclass(frozen=True)
class NetworkMap:
    width: int
    height: int
    land: str  # every other country, as one path
    shapes: dict  # code → Shape, for the network's countries that are in view
    dot_radius: int = DOT_RADIUS

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def draw_cached(cache: str, codes: frozenset[str], bounds: tuple | None = None):
    """:func:`draw`, kept in the folder ``cache`` between builds: drawing reads the whole
    boundary file and projects every country (seconds), for a map that changes only with the
    network's countries. The records core names that folder (``CACHE_PATH``) after the kit's
    code and settings; the boundary file's own size and time are in the key."""
    archive = boundaries.source().stat()
    key = repr((sorted(codes), bounds, archive.st_size, archive.st_mtime_ns))
    path = os.path.join(cache, f"network-map-{hashlib.sha256(key.encode()).hexdigest()[:16]}")
    try:
        with open(path, "rb") as file:
            return pickle.load(file)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        pass
    drawn = draw(codes, bounds)
    os.makedirs(cache, exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "wb") as file:
        pickle.dump(drawn, file)
    os.replace(temporary, path)
    return drawn


@functools.lru_cache(maxsize=8)
def draw(codes: frozenset[str], bounds: tuple | None = None) -> NetworkMap | None:
    """The map of the countries ``codes`` (ISO alpha-2), in ``bounds`` (west, south, east,
    north, in degrees) or fitted around them; None when there is nothing to show."""
    if not codes and bounds is None:
        return None
    countries = boundaries.read()
    if bounds is None:
        bounds = fit([c for c in countries if c.code in codes])
    if bounds is None:
        return None
    frame = Frame(bounds)
    land, shapes = [], {}
    for country in countries:
        rings = [
            frame.path_ring(ring)
            for ring, box in zip(country.rings, country.boxes, strict=True)
            if frame.near(box)
        ]
        rings = [ring for ring in rings if ring]
        if country.code not in codes:
            land.extend(rings)
            continue
        if not rings and not any(frame.sees(box) for box in country.boxes):
            continue  # a network country out of view: the list beside the map has it
        shapes[country.code] = _shape(frame, country, rings)
    return NetworkMap(WIDTH, frame.height, _path(land), dict(sorted(shapes.items())))


def fit(countries: list) -> tuple | None:
    """A view around the main part of each country (not France's overseas regions), with a
    margin and a least span, so that a network in one country still shows its neighbours."""
    boxes = [max(c.boxes, key=_area) for c in countries if c.boxes]
    if not boxes:
        return None
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    spans = []
    for low, high, least in ((west, east, MIN_SPAN[0]), (south, north, MIN_SPAN[1])):
        span = max((high - low) * (1 + 2 * MARGIN), least)
        middle = (low + high) / 2
        spans.append((middle - span / 2, middle + span / 2))
    (west, east), (south, north) = spans
    return max(west, -180.0), max(south, -80.0), min(east, 180.0), min(north, 84.0)


def _area(box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


class Frame:
    """The projection and the drawing's frame for a view of ``bounds``."""

    def __init__(self, bounds: tuple):
        west, south, east, north = bounds
        self.bounds = bounds
        self.lon0 = math.radians((west + east) / 2)
        self.lat0 = math.radians((south + north) / 2)
        self.sin0, self.cos0 = math.sin(self.lat0), math.cos(self.lat0)
        edge = [(west + (east - west) * i / 16, south) for i in range(17)]
        edge += [(west + (east - west) * i / 16, north) for i in range(17)]
        edge += [(west, south + (north - south) * i / 16) for i in range(17)]
        edge += [(east, south + (north - south) * i / 16) for i in range(17)]
        points = [self.project(lon, lat) for lon, lat in edge]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        self.left, self.top = min(xs), min(ys)
        self.scale = WIDTH / (max(xs) - self.left)
        self.height = round((max(ys) - self.top) * self.scale)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """Lambert azimuthal equal-area, y downwards (unscaled)."""
        lam, phi = math.radians(lon) - self.lon0, math.radians(lat)
        cos_phi, sin_phi, cos_lam = math.cos(phi), math.sin(phi), math.cos(lam)
        k = math.sqrt(2 / max(1 + self.sin0 * sin_phi + self.cos0 * cos_phi * cos_lam, 1e-9))
        x = k * cos_phi * math.sin(lam)
        y = k * (self.cos0 * sin_phi - self.sin0 * cos_phi * cos_lam)
        return x, -y

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.project(lon, lat)
        return (x - self.left) * self.scale, (y - self.top) * self.scale

    def near(self, box) -> bool:
        """Whether a ring in ``box`` may reach into the view (a generous test in degrees)."""
        west, south, east, north = self.bounds
        pad_x, pad_y = (east - west) / 2, (north - south) / 2
        return not (
            box[2] < west - pad_x or box[0] > east + pad_x
            or box[3] < south - pad_y or box[1] > north + pad_y
        )  # fmt: skip

    def sees(self, box) -> bool:
        west, south, east, north = self.bounds
        return not (box[2] < west or box[0] > east or box[3] < south or box[1] > north)

    def projected(self, ring) -> list[tuple[float, float]]:
        """The points of ``ring`` in the drawing, each at least ``THINNING`` units from the
        one before: Natural Earth's 1:10m borders have several points to a unit of a map of
        Europe, which the simplification would drop anyway, at the cost of seconds."""
        lon0, sin0, cos0 = self.lon0, self.sin0, self.cos0
        left, top, scale = self.left, self.top, self.scale
        sin, cos, sqrt, radians = math.sin, math.cos, math.sqrt, math.radians
        points, last_x, last_y = [], math.inf, math.inf
        for lon, lat in ring:
            lam, phi = radians(lon) - lon0, radians(lat)
            cos_phi, sin_phi, cos_lam = cos(phi), sin(phi), cos(lam)
            k = sqrt(2 / max(1 + sin0 * sin_phi + cos0 * cos_phi * cos_lam, 1e-9))
            x = (k * cos_phi * sin(lam) - left) * scale
            y = (-k * (cos0 * sin_phi - sin0 * cos_phi * cos_lam) - top) * scale
            if abs(x - last_x) >= THINNING or abs(y - last_y) >= THINNING:
                points.append((x, y))
                last_x, last_y = x, y
        return points

    def path_ring(self, ring) -> list[tuple[int, int]]:
        """A ring projected, cut to the frame (with a margin, so cut edges stay unseen),
        rounded and simplified; empty when nothing of it is left to see."""
        points = _clip(self.projected(ring), WIDTH, self.height)
        points = _simplify(points, TOLERANCE)
        rounded = []
        for x, y in points:
            here = (round(x), round(y))
            if not rounded or here != rounded[-1]:
                rounded.append(here)
        if len(rounded) > 1 and rounded[0] == rounded[-1]:
            rounded.pop()
        if len(rounded) < 3 or abs(_ring_area(rounded)) < SMALLEST_RING:
            return []
        return rounded


def _shape(frame: Frame, country, rings: list) -> Shape:
    """A network country's outline, and a dot when its largest part is smaller than a
    finger's tap would need."""
    main = max(zip(country.rings, country.boxes, strict=True), key=lambda pair: _area(pair[1]))
    west, south, east, north = main[1]
    x0, y0 = frame.point(west, south)
    x1, y1 = frame.point(east, north)
    if abs(x1 - x0) >= 2 * DOT_RADIUS or abs(y1 - y0) >= 2 * DOT_RADIUS:
        return Shape(_path(rings))
    x, y = frame.point((west + east) / 2, (south + north) / 2)
    return Shape(_path(rings), (round(x), round(y)))


def _path(rings: list) -> str:
    """Path data with whole, relative coordinates: ``M12 40l3-2 5 1z``."""
    parts = []
    for ring in rings:
        (x, y), rest = ring[0], ring[1:]
        steps = []
        for nx, ny in rest:
            steps.append(f"{nx - x} {ny - y}")
            x, y = nx, ny
        parts.append(f"M{ring[0][0]} {ring[0][1]}l{' '.join(steps)}z")
    return "".join(parts).replace(" -", "-")


def _ring_area(ring) -> float:
    return (
        sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


def _clip(points: list, width: float, height: float) -> list:
    """Sutherland-Hodgman: the ring cut to the frame grown by a margin on each side."""
    margin = 4
    for axis, limit, side in (
        (0, -margin, 1),  # keep x >= -margin
        (0, width + margin, -1),  # keep x <= width + margin
        (1, -margin, 1),
        (1, height + margin, -1),
    ):
        if not points:
            break
        kept, previous = [], points[-1]
        was_inside = (previous[axis] - limit) * side >= 0
        for point in points:
            inside = (point[axis] - limit) * side >= 0
            if inside != was_inside:
                kept.append(_cross(previous, point, axis, limit))
            if inside:
                kept.append(point)
            previous, was_inside = point, inside
        points = kept
    return points


def _cross(a, b, axis: int, value: float) -> tuple[float, float]:
    """Where the segment from ``a`` to ``b`` crosses the line x (axis 0) or y = ``value``."""
    t = (value - a[axis]) / (b[axis] - a[axis])
    if axis == 0:
        return value, a[1] + t * (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), value


def _simplify(points: list, tolerance: float) -> list:
    """Douglas-Peucker on a closed ring, without recursion."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        furthest, index = 0.0, 0
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                distance = abs(dy * (px - ax) - dx * (py - ay)) / length
            else:
                distance = math.hypot(px - ax, py - ay)
            if distance > furthest:
                furthest, index = distance, i
        if furthest > tolerance:
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    return [p for p, kept in zip(points, keep, strict=True) if kept]
