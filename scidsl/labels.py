"""Label placement: every label goes to the nearest free place around its anchor (shapely tests)."""
from __future__ import annotations

import math
from dataclasses import dataclass

from scidsl.primitives import Arc, Circle, Dot, Drawing, LabelSpec, Line, Primitive, Text
from scidsl.style import PT_PER_CM
from scidsl.text import measure_text

_DIRECTIONS = tuple(i * 22.5 for i in range(16))
_STEPS = (0.0, 0.12, 0.25, 0.45, 0.7, 1.0, 1.5)
_PAD = 0.04  # cm of clearance around every label box


@dataclass(frozen=True)
class Obstacle:
    """A drawn shape labels must avoid."""

    geom: object  # shapely geometry in cm
    owner: str | None


_TINY = 1e-6  # cm: a circle smaller than this is inked as the dot its stroke makes


_GEOMS: dict[int, tuple[Primitive, object]] = {}  # id -> (primitive, geometry), shared by placement and verification
_GEOMS_KEPT = 4096


def stroke_geometry(item: Primitive):  # type: ignore[no-untyped-def]
    """The shapely geometry of a primitive's visible ink, in cm (None for fill-only shapes)."""
    hit = _GEOMS.get(id(item))
    if hit is not None and hit[0] is item:  # primitives are frozen: the same object has the same ink
        return hit[1]
    geom = _fresh_geometry(item)
    if len(_GEOMS) >= _GEOMS_KEPT:
        _GEOMS.clear()
    _GEOMS[id(item)] = (item, geom)
    return geom


def _fresh_geometry(item: Primitive):  # type: ignore[no-untyped-def]
    from shapely.errors import GEOSException

    try:
        return _stroke_geometry(item)
    except (GEOSException, ValueError):  # degenerate input (coincident points, sub-normal radii)
        return _hull_of(item)


def _hull_of(item: Primitive):  # type: ignore[no-untyped-def]
    from shapely.geometry import MultiPoint, Point

    if isinstance(item, Line) and item.points:
        return MultiPoint(list(item.points)).envelope.buffer(item.stroke.width / PT_PER_CM / 2)
    center = getattr(item, "center", None) or getattr(item, "at", None)
    return Point(center).buffer(max(getattr(item, "radius", 0.0), 0.01)) if center else None


def _stroke_geometry(item: Primitive):  # type: ignore[no-untyped-def]
    import numpy as np
    from shapely.geometry import LinearRing, LineString, Point, Polygon

    if isinstance(item, Line):
        if item.closed and item.stroke.hatch and len(item.points) >= 3:
            return Polygon(item.points).buffer(0)  # hatch lines cover the whole area
        if not item.stroke.visible or len(item.points) < 2:
            return None
        half = item.stroke.width / PT_PER_CM / 2
        pts = np.asarray(item.points, dtype=float)  # an array goes into shapely whole, not point by point
        geom = LinearRing(pts) if item.closed and len(pts) >= 3 else LineString(pts)
        return geom.buffer(half)
    if isinstance(item, Circle):
        if item.radius < _TINY:
            return Point(item.center).buffer(item.stroke.width / PT_PER_CM / 2)
        if item.stroke.hatch:
            return Point(item.center).buffer(item.radius, 64)
        if not item.stroke.visible:
            return None
        return Point(item.center).buffer(item.radius, 64).exterior.buffer(item.stroke.width / PT_PER_CM / 2)
    if isinstance(item, Arc):
        return LineString(arc_points(item)).buffer(item.stroke.width / PT_PER_CM / 2)
    if isinstance(item, Dot):
        return Point(item.center).buffer(item.radius)
    if isinstance(item, Text):
        return text_box(item.text, item.size, item.at, item.ha, item.va, item.rotation)
    return None


def arc_points(arc: Arc, n: int = 48) -> list[tuple[float, float]]:
    """Points along an arc, counter-clockwise from theta1 to theta2."""
    span = (arc.theta2 - arc.theta1) % 360 or 360
    (cx, cy), r = arc.center, arc.radius
    return [(cx + r * math.cos(math.radians(arc.theta1 + span * k / n)),
             cy + r * math.sin(math.radians(arc.theta1 + span * k / n))) for k in range(n + 1)]


def text_box(text: str, size: float, pos: tuple[float, float], ha: str = "center", va: str = "center",  # type: ignore[no-untyped-def]
             rotation: float = 0.0):
    """The box a text occupies, in cm (a quarter-turned text aligned by its turned box, as Matplotlib does)."""
    from shapely.geometry import box

    w, h, d = measure_text(text, size)
    if abs(rotation % 180.0 - 90.0) < 1e-9:
        w, h, d = h, w, 0.0
    x0 = {"left": pos[0], "center": pos[0] - w / 2, "right": pos[0] - w}[ha]
    y0 = {"bottom": pos[1], "center": pos[1] - h / 2, "top": pos[1] - h, "baseline": pos[1] - d}[va]
    return box(x0, y0, x0 + w, y0 + h)


def obstacles(drawing: Drawing) -> list[Obstacle]:
    """Every stroke, dot and fixed text of a drawing as shapely geometry."""
    out = []
    for item in drawing.items:
        geom = stroke_geometry(item)
        if geom is not None and not geom.is_empty:
            out.append(Obstacle(geom, item.owner))
    return out


def _directions(spec: LabelSpec) -> list[float]:
    rest = sorted(_DIRECTIONS, key=lambda a: _angle_gap(a, spec.prefer[0]) if spec.prefer else 0)
    return list(spec.prefer) + [a for a in rest if a not in spec.prefer]


def _angle_gap(a: float, b: float) -> float:
    d = abs(a - b) % 360
    return min(d, 360 - d)


Bounds = tuple[float, float, float, float]


def _candidate_bounds(spec: LabelSpec, angle: float, gap: float, w: float, h: float) -> tuple[tuple[float, float], Bounds]:
    ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    # distance from the centre to the box edge along the direction, so the gap is edge-to-anchor
    reach = min(w / 2 / abs(ux) if abs(ux) > 1e-9 else math.inf, h / 2 / abs(uy) if abs(uy) > 1e-9 else math.inf)
    cx, cy = spec.anchor[0] + ux * (gap + reach), spec.anchor[1] + uy * (gap + reach)
    return (cx, cy), (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


class _BoxGrid:
    """Placed label boxes hashed into square cells, so a test only looks at boxes nearby."""

    def __init__(self, cell: float = 1.0) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[Bounds]] = {}

    def _keys(self, b: Bounds) -> list[tuple[int, int]]:
        c = self.cell
        i0, i1 = math.floor(b[0] / c), math.floor(b[2] / c)
        j0, j1 = math.floor(b[1] / c), math.floor(b[3] / c)
        return [(i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)]

    def add(self, b: Bounds) -> None:
        """Remember a placed box."""
        for key in self._keys(b):
            self.cells.setdefault(key, []).append(b)

    def hits(self, b: Bounds) -> bool:
        """True when the box meets (or touches) a placed box."""
        for key in self._keys(b):
            for o in self.cells.get(key, ()):
                if b[0] <= o[2] and o[0] <= b[2] and b[1] <= o[3] and o[1] <= b[3]:
                    return True
        return False


def place_labels(drawing: Drawing) -> tuple[list[Text], list[LabelSpec]]:
    """Place every label; return the texts and the labels that found no free place (placed anyway)."""
    from shapely.strtree import STRtree

    obs = obstacles(drawing)
    tree = STRtree([o.geom for o in obs]) if obs else None
    placed = _BoxGrid()
    texts: list[Text] = []
    failed: list[LabelSpec] = []
    for spec in drawing.labels:
        w, h, _ = measure_text(spec.text, spec.size)
        choice = _first_free(spec, w, h, obs, tree, placed)
        if choice is None:
            failed.append(spec)
            choice = _candidate_bounds(spec, _directions(spec)[0], spec.distance, w, h)
        (cx, cy), bx = choice
        placed.add(bx)
        texts.append(Text((cx, cy), spec.text, spec.size, "center", "center", 0, spec.color, spec.owner,
                          spec.role, spec.may_touch, anchor=spec.anchor))
    return texts, failed


def _first_free(spec, w, h, obs, tree, placed):  # type: ignore[no-untyped-def]
    from shapely.geometry import box

    directions = _directions(spec)
    for step in _STEPS:
        for angle in directions:
            centre, b = _candidate_bounds(spec, angle, spec.distance + step, w, h)
            padded = (b[0] - _PAD, b[1] - _PAD, b[2] + _PAD, b[3] + _PAD)
            if placed.hits(padded):
                continue
            if tree is not None:
                hits = tree.query(box(*padded), predicate="intersects")
                if any(obs[i].owner is None or obs[i].owner not in spec.may_touch for i in hits):
                    continue
            return centre, b
    return None
