"""Draw plot panels: axes with arrows or a frame, ticks and tick labels, curves, points, regions and charts."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Any, Optional

from scidsl.domains.plots.layout import Axes, CurveL, Layout, Panel, PointL
from scidsl.primitives import Arc, Dot, Drawing, LabelSpec, Line, Stroke, Text
from scidsl.renderers.plot_labels import place_point_labels
from scidsl.renderers.plot_axes import TICK_SIZE, clear_corner, curve_ink, draw_frame, draw_grid

P = tuple[float, float]
_PREFER = {
    "minimum": (270.0, 300.0, 240.0),
    "maximum": (90.0, 60.0, 120.0),
    "root": (60.0, 120.0, 300.0, 240.0),
    "intersection": (60.0, 120.0, 0.0, 180.0),
    "y_intercept": (0.0, 330.0, 30.0),
    "point": (45.0, 135.0, 315.0, 225.0),
    "phase_below": (315.0, 0.0, 300.0, 270.0),  # a phase diagram's point: the side away from the other curves
    "phase_above": (135.0, 180.0, 150.0, 90.0),
    "phase_right": (315.0, 330.0, 300.0),
    "data": (90.0, 45.0, 135.0),
    "extremum": (90.0, 270.0),
}


def full_size(text: str) -> str:
    """Mathtext with \\frac as \\dfrac: a plain \\frac sets its numbers at a tiny script size in a label."""
    return re.sub(r"\\frac(?=\s*\{)", r"\\dfrac", text)


def render_layout(layout: Layout) -> Drawing:
    """Every panel's primitives, labels and anchors."""
    out = Drawing()
    for panel in layout.panels:
        if panel.axes is not None:
            out.extend(_axes_panel(panel))
        else:
            out.extend(_pie(panel))
    return out


def _owners(panel: Panel) -> tuple[str, ...]:
    names = (
        [c.owner for c in panel.curves] + [p.owner for p in panel.points] + [r.owner for r in panel.regions]
    )
    names += (
        [b.owner for b in panel.bars]
        + [a.owner for a in panel.arcs]
        + [p.owner + ".drop" for p in panel.points]
    )
    return tuple(names)


def _axes_panel(panel: Panel) -> Drawing:
    ax = panel.axes
    assert ax is not None
    d = Drawing()
    d.anchors[f"{ax.name}@lo"] = ax.page((ax.window[0], ax.window[1]))
    d.anchors[f"{ax.name}@hi"] = ax.page((ax.window[2], ax.window[3]))
    if ax.grid:
        draw_grid(d, ax)
    for r in panel.regions:
        _region(d, ax, r)
    for b in panel.bars:
        _bar(d, ax, b)
    draw_frame(d, ax, _owners(panel), curve_ink(panel, ax))
    clear_corner(d)
    clipped = {id(c): _clipped(ax, c.pieces) for c in panel.curves}  # the arrows and the strokes share them
    arrows = direction_spots(ax, panel.curves, clipped)
    for c in panel.curves:
        _curve(d, ax, c, arrows.get(id(c), 0.5), clipped[id(c)])
    for a in panel.arcs:
        _arc(d, ax, a)
    labelled = [(p, spec) for p in panel.points if (spec := _point(d, ax, p)) is not None]
    point_labels = [spec for _, spec in labelled]
    keen = frozenset(i for i, (p, _) in enumerate(labelled) if p.kind in _CORNERS)
    for t in panel.texts:
        d.items.append(
            Text(
                ax.page(t.at),
                full_size(t.text),
                t.size,
                color=t.color,
                owner=t.owner,
                role="note",
                may_touch=_owners(panel) if t.touch else (),
            )
        )
    for r in panel.regions:
        if r.text:
            _region_label(d, ax, r)
    grid = ax.name + ".grid"
    d.labels = [replace(lab, may_touch=lab.may_touch + (grid,)) for lab in d.labels]
    (x0, y0), (x1, y1) = ax.page((ax.window[0], ax.window[1])), ax.page((ax.window[2], ax.window[3]))
    place_point_labels(d, point_labels, (x0, y0, x1, y1), grid, keen)
    return d


def _clipped(ax: Axes, pieces: list[list[P]]) -> list[tuple[P, ...]]:
    """Page polylines of the pieces, cut to the plot window (data lines may run outside it)."""
    import shapely
    from shapely.geometry import box

    (x0, y0), (x1, y1) = ax.page((ax.window[0], ax.window[1])), ax.page((ax.window[2], ax.window[3]))
    eps = 1e-6
    window = box(x0 - eps, y0 - eps, x1 + eps, y1 + eps)
    out: list[tuple[P, ...]] = []
    for piece in pieces:
        if len(piece) < 2:
            continue
        # whole arrays in and out: building a long line from Python tuples costs more than the cut
        cut = shapely.linestrings(ax.page_many(piece)).intersection(window)
        for part in getattr(cut, "geoms", [cut]):
            if part.geom_type == "LineString" and len(part.coords) >= 2:
                out.append(tuple(map(tuple, shapely.get_coordinates(part).tolist())))
    return out


def _curve(
    d: Drawing, ax: Axes, c: CurveL, arrow_at: float = 0.5, pieces: Optional[list[tuple[P, ...]]] = None
) -> None:
    """The strokes of a curve cut to the window (`pieces` when already cut), its arrow and its name."""
    stroke = Stroke(color=c.color, width=c.width, dash=c.dash, zorder=3 if c.role != "asymptote" else 1.5)
    if pieces is None:
        pieces = _clipped(ax, c.pieces)
    w = ax.window
    inside = all(w[0] <= x <= w[2] and w[1] <= y <= w[3] for x, y in c.through)
    through = tuple(ax.page(p) for p in c.through) if len(pieces) == 1 and inside else ()
    for pts in pieces:
        d.items.append(Line(pts, stroke=stroke, owner=c.owner, role=c.role, arrow=c.arrow,  # type: ignore[arg-type]
                            through=through))
    if not (c.arrow_mid or c.label) or not pieces:
        return  # only an arrow or a name needs the longest piece
    longest = list(max(pieces, key=_length))  # the first of the longest
    if c.arrow_mid and longest:
        d.items.append(arrow_head(longest, arrow_at, c.color, c.owner))
    if c.label and longest:
        at = arrow_at if c.arrow_mid else 0.5 if c.role == "segment" else 0.88
        anchor, heading = _along(longest, at)
        normal = (heading + 90) % 360
        prefer: tuple[float, ...] = (normal, (normal + 180) % 360)
        if c.role == "asymptote" and abs(longest[0][0] - longest[-1][0]) < 1e-9:
            # a vertical asymptote is named above its top end, not squeezed beside it
            anchor, prefer = max(longest[0], longest[-1], key=lambda p: p[1]), (90.0,)
        d.labels.append(
            LabelSpec(
                full_size(c.label),
                anchor,
                c.owner,
                11,
                prefer,
                0.12,
                c.color if c.color not in ("0.35",) else "black",
            )
        )


HEAD_LENGTH_CM = 0.24
HEAD_HALF_WIDTH_CM = 0.085
ARROW_CLEARANCE_CM = 0.35  # from the middle of a direction arrow to other paths
ARROW_GAP_CM = 0.7  # between the middles of two direction arrows (heads stay well apart)
_ARROW_FRACTIONS = (0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75)


def arrow_head(pts: list[P], frac: float, color: str, owner: str) -> Line:
    """A filled arrowhead centred at a fraction of a path, pointing along it (a shape labels can avoid)."""
    (x, y), heading = _along(pts, frac)
    h = math.radians(heading)
    ux, uy = math.cos(h), math.sin(h)
    tip = (x + ux * HEAD_LENGTH_CM / 2, y + uy * HEAD_LENGTH_CM / 2)
    back = (x - ux * HEAD_LENGTH_CM / 2, y - uy * HEAD_LENGTH_CM / 2)
    left = (back[0] - uy * HEAD_HALF_WIDTH_CM, back[1] + ux * HEAD_HALF_WIDTH_CM)
    right = (back[0] + uy * HEAD_HALF_WIDTH_CM, back[1] - ux * HEAD_HALF_WIDTH_CM)
    return Line(
        (tip, left, right),
        closed=True,
        stroke=Stroke(color=color, width=0.6, fill=color, zorder=3.5),
        owner=owner,
        role="direction",
    )


def direction_spots(
    ax: Axes, curves: list[CurveL], clipped: Optional[dict[int, list[tuple[P, ...]]]] = None
) -> dict[int, float]:
    """Where along each path its direction arrow sits: near the middle, clear of other paths and arrows.

    `clipped` holds the curves already cut to the window, by id, when the caller has them.
    """
    from shapely.geometry import LineString, Point

    if not any(c.arrow_mid for c in curves):
        return {}
    if clipped is None:
        clipped = {id(c): _clipped(ax, c.pieces) for c in curves}
    paths = {
        id(c): max(clipped[id(c)], key=_length, default=None)
        for c in curves
        if c.role not in ("asymptote", "isotherm", "grid")
    }
    placed: list[P] = []
    out: dict[int, float] = {}
    for c in curves:
        path = paths.get(id(c))
        if not c.arrow_mid or path is None:
            continue
        others = [LineString(p) for key, p in paths.items() if key != id(c) and p is not None and len(p) >= 2]

        def clearance(frac: float) -> float:
            spot = Point(_along(list(path), frac)[0])
            return min((g.distance(spot) for g in others), default=math.inf)

        def apart(frac: float) -> bool:
            spot = Point(_along(list(path), frac)[0])
            return all(spot.distance(Point(q)) >= ARROW_GAP_CM for q in placed)

        fracs = [f for f in _ARROW_FRACTIONS if apart(f)] or list(_ARROW_FRACTIONS)
        best = next((f for f in fracs if clearance(f) >= ARROW_CLEARANCE_CM), None)
        if best is None:
            best = max(fracs, key=clearance)
        out[id(c)] = best
        placed.append(_along(list(path), best)[0])
    return out


def _length(pts: Any) -> float:
    return sum(math.dist(a, b) for a, b in zip(pts, pts[1:]))


def _along(pts: list[P], frac: float) -> tuple[P, float]:
    """The point at a fraction of the polyline's length and the heading there (degrees)."""
    total = _length(pts)
    goal, run = frac * total, 0.0
    for a, b in zip(pts, pts[1:]):
        seg = math.dist(a, b)
        if run + seg >= goal and seg > 0:
            t = (goal - run) / seg
            return (
                (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])),
                math.degrees(math.atan2(b[1] - a[1], b[0] - a[0])),
            )
        run += seg
    a, b = pts[-2], pts[-1]
    return b, math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


# Labels set at a corner of their point (a phase diagram's points, where curves meet): the label box's
# corner faces the point, below right (or above left) of it, whatever the label's width.
_CORNERS = {"phase_below": 360.0, "phase_right": 360.0, "phase_above": 180.0}


def _corner_prefer(p: PointL) -> tuple[float, ...]:
    from scidsl.text import measure_text

    w, h, _ = measure_text(full_size(p.text or ""), 10.5)
    diag = math.degrees(math.atan2(h, w)) + 2.0
    return (_CORNERS[p.kind] - diag,) + _PREFER.get(p.kind, ())


def _point(d: Drawing, ax: Axes, p: PointL) -> Optional[LabelSpec]:
    """The point's dot (and drop lines); its label is returned to be placed with the others."""
    c = ax.page(p.at)
    if p.drop:
        thin = Stroke(color="0.3", width=0.7, dash="dashed", zorder=1.5)
        foot_x, foot_y = ax.page((p.at[0], ax.axis_y)), ax.page((ax.axis_x, p.at[1]))
        if abs(foot_x[1] - c[1]) > 1e-6:
            d.items.append(Line((c, foot_x), stroke=thin, owner=p.owner + ".drop", role="drop"))
        if abs(foot_y[0] - c[0]) > 1e-6:
            d.items.append(Line((c, foot_y), stroke=thin, owner=p.owner + ".drop", role="drop"))
    d.items.append(Dot(c, 0.075, p.color, owner=p.owner, role="mark", hollow=p.hollow, on=p.of[0] if p.of else None))
    d.anchors[p.owner] = c
    if not p.text:
        return None
    prefer = _corner_prefer(p) if p.kind in _CORNERS else _PREFER.get(p.kind, ())
    return LabelSpec(full_size(p.text), c, p.owner, 10.5, prefer, 0.1)


def _region(d: Drawing, ax: Axes, r: Any) -> None:

    pts = tuple(ax.page(p) for p in r.polygon)
    d.items.append(
        Line(
            pts,
            closed=True,
            stroke=Stroke(color=r.color, fill=r.color, alpha=r.alpha, hatch=r.hatch, visible=False, zorder=1),
            owner=r.owner,
            role="region",
        )
    )


def _region_label(d: Drawing, ax: Axes, r: Any) -> None:
    """The region's text at the roomiest spot inside it, away from every other stroke; else beside it."""
    from shapely.geometry import Polygon
    from shapely.ops import polylabel, unary_union

    from scidsl.labels import stroke_geometry, text_box

    region = Polygon([ax.page(p) for p in r.polygon]).buffer(0)
    ink = [stroke_geometry(it) for it in d.items if it.owner != r.owner and not isinstance(it, Text)]
    ink = [g.buffer(0.05) for g in ink if g is not None and not g.is_empty]
    free = region.difference(unary_union(ink)) if ink else region
    parts = sorted(getattr(free, "geoms", [free]), key=lambda g: g.area, reverse=True)
    for part in parts[:3]:
        if part.is_empty or part.geom_type != "Polygon":
            continue
        spot = polylabel(part, 0.01)
        if part.contains(text_box(r.text, 11, (spot.x, spot.y))):
            d.items.append(
                Text((spot.x, spot.y), r.text, 11, owner=r.owner, role="region_label", may_touch=(r.owner,))
            )
            return
    spot = region.representative_point() if not region.is_empty else None
    if spot is not None:
        d.labels.append(LabelSpec(r.text, (spot.x, spot.y), r.owner, 11, (), 0.1, may_touch=(r.owner,)))


def _arc(d: Drawing, ax: Axes, a: Any) -> None:
    v = ax.page(a.vertex)
    s, e = ax.page(a.start), ax.page(a.end)
    t1 = math.degrees(math.atan2(s[1] - v[1], s[0] - v[0]))
    t2 = math.degrees(math.atan2(e[1] - v[1], e[0] - v[0]))
    d.items.append(Arc(v, a.radius, t1, t2, Stroke(width=0.9), owner=a.owner, role="angle"))
    if a.text:
        mid = math.radians(t1 + ((t2 - t1) % 360) / 2)
        anchor = (v[0] + a.radius * math.cos(mid), v[1] + a.radius * math.sin(mid))
        d.labels.append(LabelSpec(a.text, anchor, a.owner, 11, (math.degrees(mid),), 0.08))


def _bar(d: Drawing, ax: Axes, b: Any) -> None:
    corners = (
        ax.page((b.x0, 0.0)),
        ax.page((b.x1, 0.0)),
        ax.page((b.x1, b.height)),
        ax.page((b.x0, b.height)),
    )
    d.items.append(
        Line(
            corners,
            closed=True,
            stroke=Stroke(color="black", width=0.7, fill=b.color, zorder=1),
            owner=b.owner,
            role="bar",
        )
    )
    if b.text:
        top = ((corners[2][0] + corners[3][0]) / 2, corners[2][1] + 0.08)
        d.items.append(Text(top, b.text, TICK_SIZE, "center", "bottom", owner=b.owner, role="value"))


def _pie(panel: Panel) -> Drawing:
    d = Drawing()
    cx, cy = panel.center
    r = panel.radius
    for s in panel.slices:
        steps = max(2, int(abs(s.theta2 - s.theta1) / 3))
        arc = [
            (
                cx + r * math.cos(math.radians(s.theta1 + (s.theta2 - s.theta1) * i / steps)),
                cy + r * math.sin(math.radians(s.theta1 + (s.theta2 - s.theta1) * i / steps)),
            )
            for i in range(steps + 1)
        ]
        pts = ((cx, cy), *arc) if s.percent < 99.999 else tuple(arc)
        d.items.append(
            Line(
                pts,
                closed=True,
                stroke=Stroke(color="white", width=1.0, fill=s.color),
                owner=s.owner,
                role="slice",
            )
        )
        mid = math.radians((s.theta1 + s.theta2) / 2)
        anchor = (cx + r * math.cos(mid), cy + r * math.sin(mid))
        d.anchors[s.owner] = anchor
        d.labels.append(LabelSpec(s.text, anchor, s.owner, 10.5, (math.degrees(mid),), 0.15))
    title = getattr(panel.node, "title", None)
    if title:
        d.items.append(
            Text(
                (cx, cy + r + 1.0),
                title,
                12,
                "center",
                "bottom",
                owner=f"{panel.node.name}.title",
                role="title",
            )
        )
    return d
