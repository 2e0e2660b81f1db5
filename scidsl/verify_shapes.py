"""After-render checks of drawn strokes: near-coincident lines, marks on drawn arms, curves through
their stated points, and symbol bodies that no wire crosses."""
from __future__ import annotations

import math
from typing import Any, Optional

from scidsl.diagnostics import Diagnostic
from scidsl.measure import Ink, PageView
from scidsl.primitives import Arc, Dot, Line

P = tuple[float, float]

_BAND_PT = 1.1  # two strokes closer than this read as one
_TOUCH_PX = 0.5  # ... unless they touch (a shared point, a tangent, a crossing)
_STRETCH_PT = 8.0  # ... over at least this length
_MEETING = 3.0  # two straight lines crossing: side by side over this many stretches (under about 2°)
_NO_COINCIDE = ("mark", "angle", "tick", "grid", "hatch", "asymptote", "tangent", "axis", "frame", "rule",
                "cell_fill", "drop", "extension", "leader", "dimension", "field_line", "venn_shade", "venn_tint",
                "highlight", "fill", "legend_swatch", "region")
MARK_ROLES = ("mark", "angle", "tick")
_ARM_TOL_PX = 1.5
_ARM_DEG = 2.0  # a drawn arm leaves the vertex in the mark's direction to within this
_CURVE_TOL_PX = 1.5


def _pairs(view: PageView, inks: list[Ink], band: float) -> list[tuple[Ink, Ink]]:
    index = {id(i): k for k, i in enumerate(inks)}
    out = []
    for k, a in enumerate(inks):
        for b in view.near(a.line, band):
            j = index.get(id(b))
            if j is None or j <= k or (a.owner is not None and a.owner == b.owner):
                continue
            out.append((a, b))
    return out


def _near_run(a: Any, b: Any, band: float, stretch: float, crossing: bool) -> bool:
    """True when the shorter stroke runs within `band` of the other over `stretch`, never touching it.

    Two straight lines that cross at a very small angle do touch, but run side by side on both sides
    of the crossing: for them (`crossing`) only the part where they are apart but too close counts.
    """
    import numpy as np

    if a.length > b.length:
        a, b = b, a
    if a.length < stretch or _near_length(a, b, band + _NEAR_SLACK_PX) + 2.0 < stretch or _same_path(a, b):
        return False
    steps = np.append(np.arange(0.0, a.length, 1.0), a.length)
    d = _distances(a, steps, b, band)
    near = d < band
    if not near.any():
        return False
    # runs of consecutive near samples, [start, end)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], near.view(np.int8), [0]))))
    for start, end in zip(edges[::2], edges[1::2]):
        run = d[start:end]
        if (end - start >= stretch and run.min() >= _TOUCH_PX) or (
                crossing and np.count_nonzero(run >= _TOUCH_PX) >= _MEETING * stretch):
            return True
    return False


def _same_path(a: Any, b: Any) -> bool:
    """True when two strokes run through the very same points (a rim two solids share): every sample of
    one lies on the other, touching it, so they never read as two lines side by side."""
    import shapely

    if a.geom_type not in _LINEAR or b.geom_type not in _LINEAR or len(a.coords) != len(b.coords):
        return False
    pa, pb = shapely.get_coordinates(a), shapely.get_coordinates(b)
    return bool((pa == pb).all() or (pa == pb[::-1]).all())


def _near_length(a: Any, b: Any, reach: float) -> float:
    """An upper bound of the length of segment a lying within `reach` of segment b (inf unless both
    are single straight segments).

    A point within reach of segment b lies within reach of b's line and projects onto b's line within
    reach of b; on a, each of the two holds along an interval. A run of `stretch` samples one unit
    apart needs more than stretch - 1 of that length, so most pairs (two sides meeting at a vertex,
    a line crossing another) are settled here without placing a sample.
    """
    if a.geom_type != "LineString" or b.geom_type != "LineString":
        return math.inf
    ca, cb = a.coords, b.coords
    if len(ca) != 2 or len(cb) != 2:
        return math.inf
    (ax, ay), (ax1, ay1) = ca
    (bx, by), (bx1, by1) = cb
    la, lb = math.hypot(ax1 - ax, ay1 - ay), math.hypot(bx1 - bx, by1 - by)
    if la < 1e-9 or lb < 1e-9:  # no direction to speak of: measured sample by sample
        return math.inf
    ux, uy, wx, wy = (ax1 - ax) / la, (ay1 - ay) / la, (bx1 - bx) / lb, (by1 - by) / lb
    dx, dy = ax - bx, ay - by
    lo, hi = 0.0, la
    for start, rate, low, high in ((wx * dy - wy * dx, wx * uy - wy * ux, -reach, reach),  # across b's line
                                   (wx * dx + wy * dy, wx * ux + wy * uy, -reach, lb + reach)):  # along b
        if abs(rate) < 1e-12:
            if not low <= start <= high:
                return 0.0
            continue
        s0, s1 = sorted(((low - start) / rate, (high - start) / rate))
        lo, hi = max(lo, s0), min(hi, s1)
    return max(0.0, hi - lo)


_LINEAR = ("LineString", "LinearRing")
_NEAR_SLACK_PX = 1e-6  # far above the rounding of a sample point, far below any band


def _distances(a: Any, steps: Any, b: Any, band: float) -> Any:
    """Distances from the points at `steps` along a to b: as GEOS measures them where under `band`.

    Only distances under the band count in _near_run, and a long curve has few samples near another;
    those are found first (_near_samples), and only they are placed and measured by GEOS, exactly as
    every sample was before. The others get inf, which reads the same as any distance past the band.
    """
    import numpy as np
    import shapely

    if a.geom_type not in _LINEAR or b.geom_type not in _LINEAR:
        return shapely.distance(shapely.line_interpolate_point(a, steps), b)
    near = _near_samples(a, steps, b, band + _NEAR_SLACK_PX)
    d = np.full(len(steps), math.inf)
    if near.size:
        d[near] = shapely.distance(shapely.line_interpolate_point(a, steps[near]), b)
    return d


def _near_samples(a: Any, steps: Any, b: Any, reach: float) -> Any:
    """Indices of the steps along line a whose points lie within `reach` of line b (a superset).

    The points are interpolated with numpy (to rounding error) and tested against a tree of b's
    segments, instead of walking a and measuring to all of b once per sample.
    """
    import numpy as np
    import shapely

    pa, pb = shapely.get_coordinates(a), shapely.get_coordinates(b)
    seg = np.hypot(*np.diff(pa, axis=0).T)
    run = np.concatenate(([0.0], np.cumsum(seg)))
    k = np.clip(np.searchsorted(run, steps, side="right") - 1, 0, len(seg) - 1)
    t = (steps - run[k]) / np.where(seg[k] > 0, seg[k], 1.0)
    points = shapely.points(pa[k] + (pa[k + 1] - pa[k]) * t[:, None])
    tree = shapely.STRtree(shapely.linestrings(np.stack((pb[:-1], pb[1:]), axis=1)))
    return np.unique(tree.query(points, predicate="dwithin", distance=reach)[0])


def _straight(item: Any) -> bool:
    """A segment or a short polyline (not a sampled curve, circle or arc)."""
    return isinstance(item, Line) and len(item.points) <= 5


def check_coincident(view: PageView) -> list[Diagnostic]:
    """Two distinct strokes drawn within a couple of pixels of each other over a stretch (E5012)."""
    band, stretch = _BAND_PT * view.px_per_pt, _STRETCH_PT * view.px_per_pt
    inks = [i for i in view.inks if i.role not in _NO_COINCIDE and not isinstance(i.item, Dot)]
    out, seen = [], set()
    for a, b in _pairs(view, inks, band):
        crossing = _straight(a.item) and _straight(b.item) and not _share_an_end(a.line, b.line)
        key = (a.owner, b.owner) if a.owner and b.owner else (id(a), id(b))
        if key not in seen and _near_run(a.line, b.line, band, stretch, crossing):
            seen.add(key)
            names = " and ".join(n for n in (a.owner, b.owner) if n) or "two lines"
            out.append(view.report("E5012", f"{names}: two distinct lines are drawn almost on top of each "
                                   "other, where a reader cannot tell them apart", a.owner or b.owner,
                                   "move one of them, or draw the shared part once"))
    return out


def _share_an_end(a: Any, b: Any) -> bool:
    """True when the two strokes start or end at one point (two sides of a thin angle)."""
    ends_a, ends_b = (a.coords[0], a.coords[-1]), (b.coords[0], b.coords[-1])
    return any(math.dist(p, q) < 1.0 for p in ends_a for q in ends_b)


# --- marks need their arms ------------------------------------------------------------------------

def _arms(item: Any) -> Optional[tuple[P, list[P]]]:
    """The vertex and arm ends a mark stands on, or None when the mark is no angle mark."""
    if isinstance(item, Arc):
        span = (item.theta2 - item.theta1) % 360
        if not 1.0 < span < 179.5:
            return None
        (cx, cy), r = item.center, item.radius
        ends = [(cx + r * math.cos(math.radians(t)), cy + r * math.sin(math.radians(t)))
                for t in (item.theta1, item.theta2)]
        return item.center, ends
    if isinstance(item, Line) and len(item.points) == 3 and not item.closed:
        p0, p1, p2 = item.points
        u, w = (p0[0] - p1[0], p0[1] - p1[1]), (p2[0] - p1[0], p2[1] - p1[1])
        lu, lw = math.hypot(*u), math.hypot(*w)
        if lu < 1e-9 or lw < 1e-9 or abs(lu - lw) > 0.05 * lu or abs(u[0] * w[0] + u[1] * w[1]) > 0.05 * lu * lw:
            return None  # not a right-angle square (a chevron, a hook)
        vertex = (p0[0] + p2[0] - p1[0], p0[1] + p2[1] - p1[1])
        return vertex, [p0, p2]
    return None


def _supports(view: PageView, near: Any, skip: Any) -> list[Ink]:
    return [i for i in view.near(near, _ARM_TOL_PX + 4) if i.item is not skip and i.role not in MARK_ROLES]


def _covered(view: PageView, seg: Any, skip: Any) -> bool:
    """True when strokes other than marks cover the segment (pixels) along its whole length."""
    from shapely.ops import unary_union

    support = [i.line.buffer(i.half + _ARM_TOL_PX) for i in _supports(view, seg, skip)]
    if not support:
        return False
    return seg.difference(unary_union(support)).length <= _ARM_TOL_PX


def _arm_drawn(view: PageView, vertex: P, end: P, skip: Any) -> bool:
    """True when a drawn line runs from the vertex through the arm's end, in the arm's direction."""
    from shapely.geometry import LineString, Point

    if not _covered(view, LineString([vertex, end]), skip):
        return False
    # the drawn line's direction where it crosses the mark, exactly (centre lines are exact)
    r = math.dist(vertex, end)
    ring = Point(vertex).buffer(r, 256).exterior
    want = math.atan2(end[1] - vertex[1], end[0] - vertex[0])
    for ink in _supports(view, ring, skip):
        cut = ink.line.intersection(ring)
        for q in getattr(cut, "geoms", [cut]):
            if q.geom_type == "Point":
                got = math.atan2(q.y - vertex[1], q.x - vertex[0])
                if abs((got - want + math.pi) % (2 * math.pi) - math.pi) <= math.radians(_ARM_DEG):
                    return True
    return False


def _touches_other(view: PageView, ink: Ink) -> bool:
    """True when a tick's middle or one of its ends lies on another stroke."""
    from shapely.geometry import Point

    (x0, y0), (x1, y1) = ink.line.coords[0], ink.line.coords[-1]
    spots = [Point(x0, y0), Point(x1, y1), Point((x0 + x1) / 2, (y0 + y1) / 2)]
    for other in view.near(ink.line, _ARM_TOL_PX + 4):
        if other is not ink and any(other.line.distance(s) <= other.half + _ARM_TOL_PX for s in spots):
            return True
    return False


def check_marks(view: PageView) -> list[Diagnostic]:
    """An angle or right-angle mark stands on drawn arms, a tick on a drawn line, an arrow head on its shaft (E5014)."""
    out = []
    for ink in view.inks:
        if ink.role not in MARK_ROLES:
            continue
        arms = _arms(ink.item)
        if arms is not None:
            v = view.px(arms[0])
            bare = [e for e in arms[1] if not _arm_drawn(view, v, view.px(e), ink.item)]
            if bare:
                out.append(view.report("E5014", "an angle mark" + (f" of {ink.owner}" if ink.owner else "")
                                       + " stands on an arm that is not drawn along it", ink.owner,
                                       "draw both sides of the angle (segments from its vertex)"))
        elif isinstance(ink.item, Line) and len(ink.item.points) == 2 and not _touches_other(view, ink):
            out.append(view.report("E5014", "a tick mark" + (f" of {ink.owner}" if ink.owner else "")
                                   + " marks no drawn line", ink.owner, "draw the line the tick marks"))
    return out + _headless_shafts(view)


def _headless_shafts(view: PageView) -> list[Diagnostic]:
    """An arrow head needs a drawn line running into it (its own, or the line it sits on)."""
    from shapely.geometry import LineString

    out = []
    for item in view.drawing.items:
        if not isinstance(item, Line) or not item.arrow or len(item.points) < 2:
            continue
        head = 0.4 * (8 + 2 * item.stroke.width) * view.px_per_pt
        ends = [(item.points[-2], item.points[-1])] if item.arrow in ("end", "both") else []
        ends += [(item.points[1], item.points[0])] if item.arrow in ("start", "both") else []
        for back, tip in ends:
            (bx, by), (tx, ty) = view.px(back), view.px(tip)
            d = math.hypot(tx - bx, ty - by)
            if d < 1e-9:
                continue
            tail = (tx - (tx - bx) / d * 1.2 * head, ty - (ty - by) / d * 1.2 * head)
            if not _covered(view, LineString([tail, (tx, ty)]), None):
                out.append(view.report("E5014", "an arrow head" + (f" of {item.owner}" if item.owner else "")
                                       + " has no line drawn behind it", item.owner,
                                       "make the arrow longer than its head, or put it on a drawn line"))
                break
    return out


# --- curves through stated points -----------------------------------------------------------------

def check_curves(view: PageView) -> list[Diagnostic]:
    """A curve drawn through stated points passes through each and never overshoots between them; a point
    computed on a curve (a root, an extremum) is drawn on it (E5015)."""
    out = _points_off_curves(view)
    for item in view.drawing.items:
        if not isinstance(item, Line) or len(item.through) < 2:
            continue
        pts = [view.px(p) for p in item.points]
        problem = _curve_problem(pts, [view.px(p) for p in item.through])
        if problem:
            out.append(view.report("E5015", f"the curve {item.owner or ''} {problem}".replace("  ", " "),
                                   item.owner, "draw it with monotone interpolation between the stated points"))
    return out


def _points_off_curves(view: PageView) -> list[Diagnostic]:
    from shapely.geometry import Point

    out = []
    for item in view.drawing.items:
        if not isinstance(item, Dot) or item.on is None:
            continue
        curves = [i for i in view.inks if i.owner == item.on and isinstance(i.item, Line)]
        if not curves:
            continue
        spot = Point(*view.px(item.center))
        gap = min(c.line.distance(spot) - c.half for c in curves)
        if gap > _CURVE_TOL_PX:
            out.append(view.report("E5015", f"the point {item.owner} is drawn {gap:.1f} px off the curve "
                                   f"{item.on} it lies on", item.owner, "draw the point at its computed place"))
    return out


def _curve_problem(pts: list[P], stated: list[P]) -> Optional[str]:
    index = []
    for s in stated:
        k = min(range(len(pts)), key=lambda i: math.dist(pts[i], s))
        if math.dist(pts[k], s) > _CURVE_TOL_PX:
            return f"misses its stated point by {math.dist(pts[k], s):.1f} px"
        index.append(k)
    for (i, a), (j, b) in zip(zip(index, stated), zip(index[1:], stated[1:])):
        lo, hi = min(i, j), max(i, j)
        x0, x1 = sorted((a[0], b[0]))
        y0, y1 = sorted((a[1], b[1]))
        t = _CURVE_TOL_PX
        if any(not (x0 - t <= x <= x1 + t and y0 - t <= y <= y1 + t) for x, y in pts[lo:hi + 1]):
            return "overshoots the level of its stated points between two of them"
    return None


# --- symbol integrity -----------------------------------------------------------------------------

def check_bodies(view: PageView) -> list[Diagnostic]:
    """No stroke runs through a symbol's body (E5017); each terminal of a symbol meets a wire (E5018)."""
    from shapely.geometry import Point, Polygon

    out = []
    for body in view.drawing.bodies:
        inner = view.geom(Polygon(body.outline)).buffer(-1.0)
        if inner.is_empty:
            continue
        for ink in view.near(inner, 0.0):
            if ink.owner != body.owner and ink.line.intersection(inner).length > 1.0:
                who = f"a line of {ink.owner}" if ink.owner else "a wire"
                out.append(view.report("E5017", f"{who} runs through the body of {body.owner}", body.owner,
                                       "route the wire around the symbol, or connect it at a terminal"))
                break
        for t in body.terminals:
            spot = Point(*view.px(t))
            if not any(i.owner != body.owner and i.line.distance(spot) <= i.half + _ARM_TOL_PX
                       for i in view.near(spot, _ARM_TOL_PX + 4)):
                out.append(view.report("E5018", f"a terminal of {body.owner} meets no wire", body.owner,
                                       "join the terminal to the wire it belongs to"))
                break
    return out
