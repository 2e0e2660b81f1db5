"""Venn geometry: circles sized so that every region's text fits inside it, the universe around them."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional

from scidsl.answers import display, hides
from scidsl.domains.sets import kinds as k
from scidsl.domains.sets.regions import OUTSIDE, Solved, count_text, name_of

P = tuple[float, float]
RADII = tuple(2.0 * 1.12 ** i for i in range(10))  # 2 cm up to about 5.5 cm: the page stays under 22 cm
LABEL_GAP = 0.12
MARGIN = 0.45


class FitError(ValueError):
    """The texts do not fit inside their regions at the largest circle size."""


@dataclass
class VennLayout:
    """A placed Venn diagram."""

    node: k.Venn
    owner: str
    solved: Solved
    radius: float
    centers: list[P]
    rect: tuple[float, float, float, float]
    size: float
    texts: dict[int, tuple[str, P]] = field(default_factory=dict)  # mask → (text, centre)
    labels: list[tuple[str, P, str, str]] = field(default_factory=list)  # text, anchor, ha, va
    shade: list[int] = field(default_factory=list)


def centers_for(n: int, r: float) -> list[P]:
    """Circle centres: two side by side, or three in a triangle (A top left, B top right, C below)."""
    if n == 2:
        d = 1.15 * r
        return [(-d / 2, 0.0), (d / 2, 0.0)]
    s = 1.1 * r
    return [(-s / 2, s / (2 * math.sqrt(3))), (s / 2, s / (2 * math.sqrt(3))), (0.0, -s / math.sqrt(3))]


def label_directions(n: int) -> list[float]:
    """Directions (degrees) of the set labels from their circles."""
    return [135.0, 45.0] if n == 2 else [135.0, 45.0, 270.0]


@lru_cache(maxsize=64)
def disc(center: P, r: float) -> Any:
    """A circle as a shapely polygon (kept: every region of a diagram cuts the same circles)."""
    from shapely.geometry import Point

    return Point(center).buffer(r, 128)


def region_shape(mask: int, centers: list[P], r: float, rect: Optional[tuple[float, float, float, float]]) -> Any:
    """The area of one exact region (mask 0: inside the rectangle, outside every circle)."""
    from shapely.geometry import box
    from shapely.ops import unary_union

    discs = [disc(c, r) for c in centers]
    if mask == OUTSIDE:
        return box(*rect).difference(unary_union(discs)) if rect else None
    shape = None
    for i, d in enumerate(discs):
        if mask >> i & 1:
            shape = d if shape is None else shape.intersection(d)
    others = [d for i, d in enumerate(discs) if not mask >> i & 1]
    return shape.difference(unary_union(others)) if others else shape


def region_text(solved: Solved, mask: int, node: Any = None) -> str:
    """What a region shows: 'A− = 6', '6', its elements on lines of three; a computed one as `answer` says."""
    region = solved.regions[mask]
    if region.count is None:
        return ""
    if region.source.startswith("computed") and hides(node):
        return display(node, "") or ""
    if region.elements is not None:
        items = region.elements or ["∅"]
        lines = -(-len(items) // 3)
        per = -(-len(items) // lines)  # balanced lines of at most three
        return "\n".join(", ".join(items[i:i + per]) for i in range(0, len(items), per))
    shown = count_text(region.count)
    return f"{region.label} = {shown}" if region.label else shown


def best_spot(shape: Any, w: float, h: float, prefer: Optional[P] = None) -> Optional[P]:
    """The centre of a w × h box inside the shape, as far from its edges as possible."""
    from shapely.ops import polylabel

    if shape is None or shape.is_empty:
        return None
    parts = list(getattr(shape, "geoms", [shape]))
    x0, y0, x1, y1 = shape.bounds
    step = max(min(x1 - x0, y1 - y0) / 24, 0.03)
    candidates = [polylabel(p, 0.01).coords[0] for p in parts if p.area > 1e-6]
    nx, ny = int((x1 - x0) / step) + 1, int((y1 - y0) / step) + 1
    candidates += [(x0 + i * step, y0 + j * step) for i in range(nx) for j in range(ny)]

    def score(centre: P, clearance: float) -> float:
        if prefer is None:
            return clearance
        # clear enough is enough; then as near the preferred corner as possible
        return min(clearance, 0.25) - 0.01 * math.dist(centre, prefer)

    best, best_score = None, -1.0
    for centre, clearance in zip(candidates, _clearances(shape, candidates, w, h, score)):
        if clearance is None:
            continue
        s = score(centre, clearance)
        if s > best_score + 1e-9:
            best, best_score = centre, s
    return best


_PRUNE_MARGIN = 1e-7  # far above the 1e-9 tie tolerance: a pruned box can never be the one chosen
_CHUNK = 16
_BOUND_VERTICES = 48  # a looser bound from fewer vertices costs a few more exact distances, far less time


def _clearances(shape: Any, centres: list[P], w: float, h: float,
                score: Any = None) -> list[Optional[float]]:
    """For each centre, the distance from a w × h box there to the shape's edge; None where it sticks out.

    With a score (centre, clearance → how good), only boxes that could score within a hair of the best
    get their exact distance (the rest get None): a box's distance to any edge vertex bounds its
    distance to the edge from above, so boxes are measured in order of that bound until no bound
    can reach the best exact score found. The chosen box is the one measuring every box would give.
    """
    import numpy as np
    import shapely

    xy = np.asarray(centres, dtype=float).reshape(-1, 2)
    boxes = shapely.box(xy[:, 0] - w / 2, xy[:, 1] - h / 2, xy[:, 0] + w / 2, xy[:, 1] + h / 2)
    shapely.prepare(shape)
    inside = np.flatnonzero(shapely.contains(shape, boxes))
    dist: list[Optional[float]] = [None] * len(boxes)
    edge = shape.boundary
    if score is None or not len(inside):
        for i, d in zip(inside, shapely.distance(edge, boxes[inside])):
            dist[i] = float(d)
        return dist
    vertices = shapely.get_coordinates(edge)
    bound = _vertex_bounds(xy[inside], w, h, vertices[::max(1, len(vertices) // _BOUND_VERTICES)])
    upper = np.array([score(centres[i], b) for i, b in zip(inside, bound)])
    order = np.argsort(-upper, kind="stable")
    best = -math.inf
    for start in range(0, len(order), _CHUNK):
        chunk = order[start:start + _CHUNK]
        if upper[chunk[0]] < best - _PRUNE_MARGIN:
            break
        for j, d in zip(chunk, shapely.distance(edge, boxes[inside[chunk]])):
            dist[inside[j]] = float(d)
            best = max(best, score(centres[inside[j]], float(d)))
    return dist


def _vertex_bounds(xy: Any, w: float, h: float, vertices: Any) -> Any:
    """For boxes centred at xy, the distance to the nearest of the vertices (an upper bound on the
    distance to the edge through them)."""
    import numpy as np

    dx = np.maximum(np.abs(xy[:, None, 0] - vertices[None, :, 0]) - w / 2, 0.0)
    dy = np.maximum(np.abs(xy[:, None, 1] - vertices[None, :, 1]) - h / 2, 0.0)
    return np.sqrt(dx * dx + dy * dy).min(axis=1)


def place(node: k.Venn, solved: Solved, owner: str, size: float) -> VennLayout:
    """Grow the circles until every region's text fits, then put the labels and the universe around them."""
    from scidsl.text import measure_text

    texts = {m: region_text(solved, m, node) for m in range(1, 1 << solved.n)}
    failed = ""
    for r in RADII:
        centers = centers_for(solved.n, r)
        spots: dict[int, tuple[str, P]] = {}
        for mask, text in texts.items():
            if not text:
                continue
            w, h, _ = measure_text(text, size)
            spot = best_spot(region_shape(mask, centers, r, None), w + 0.16, h + 0.1)
            if spot is None:
                failed = f"{text!r} does not fit inside the region {name_of(mask, node.sets)}"
                break
            spots[mask] = (text, spot)
        else:
            out = VennLayout(node, owner, solved, r, centers, (0, 0, 0, 0), size, spots)
            _labels(out, measure_text)
            _universe(out, measure_text)
            return out
    raise FitError(f"venn {node.name}: {failed} even with circles of radius {RADII[-1]:.1f} cm")


def _labels(out: VennLayout, measure: Any) -> None:
    for i, angle in enumerate(label_directions(out.solved.n)):
        name = out.node.shown(i)
        u = (math.cos(math.radians(angle)), math.sin(math.radians(angle)))
        cx, cy = out.centers[i]
        anchor = (cx + (out.radius + LABEL_GAP) * u[0], cy + (out.radius + LABEL_GAP) * u[1])
        ha = "right" if u[0] < -0.3 else "left" if u[0] > 0.3 else "center"
        va = "bottom" if u[1] > 0.3 else "top" if u[1] < -0.3 else "center"
        out.labels.append((name, anchor, ha, va))


def _label_boxes(out: VennLayout) -> list:
    from scidsl.labels import text_box

    return [text_box(t, out.size + 1, a, ha, va) for t, a, ha, va in out.labels]


def _universe(out: VennLayout, measure: Any) -> None:
    from shapely.ops import unary_union

    shapes = [disc(c, out.radius) for c in out.centers] + _label_boxes(out)
    x0, y0, x1, y1 = unary_union(shapes).bounds
    rect = (x0 - MARGIN, y0 - MARGIN, x1 + MARGIN, y1 + MARGIN)
    text = region_text(out.solved, OUTSIDE, out.node)
    outside = out.solved.regions[OUTSIDE]
    if outside.count is not None and out.node.outside_label:
        count = count_text(outside.count)
        if outside.source.startswith("computed") and hides(out.node):
            count = display(out.node, "")
        text = f"{out.node.outside_label} = {count}" if count else ""
    if text:
        w, h, _ = measure(text, out.size)
        for _ in range(4):
            free = region_shape(OUTSIDE, out.centers, out.radius, rect).difference(
                unary_union([b.buffer(0.1) for b in _label_boxes(out)]))
            spot = best_spot(free, w + 0.2, h + 0.12, prefer=(rect[2], rect[1]))
            if spot is not None:
                out.texts[OUTSIDE] = (text, spot)
                break
            rect = (rect[0], rect[1] - h - 0.2, rect[2] + 0.3, rect[3])
    out.rect = rect
