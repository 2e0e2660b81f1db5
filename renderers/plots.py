"""Draw plot panels: axes with arrows or a frame, ticks and tick labels, curves, points, regions and charts."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any, Optional

from scidsl.domains.plots.layout import Axes, CurveL, Layout, Panel, PointL
from scidsl.primitives import Arc, Dot, Drawing, LabelSpec, Line, Stroke, Text

P = tuple[float, float]
TICK_CM = 0.12
TICK_SIZE = 10.0
ARROW_CM = 0.45
_PREFER = {
    "minimum": (270.0, 300.0, 240.0),
    "maximum": (90.0, 60.0, 120.0),
    "root": (60.0, 120.0, 300.0, 240.0),
    "intersection": (60.0, 120.0, 0.0, 180.0),
    "y_intercept": (0.0, 330.0, 30.0),
    "point": (45.0, 135.0, 315.0, 225.0),
    "data": (90.0, 45.0, 135.0),
    "extremum": (90.0, 270.0),
}


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
        _grid(d, ax)
    for r in panel.regions:
        _region(d, ax, r)
    for b in panel.bars:
        _bar(d, ax, b)
    _frame(d, ax, _owners(panel), _ink(panel, ax))
    _drop_corner_labels(d)
    for c in panel.curves:
        _curve(d, ax, c)
    for a in panel.arcs:
        _arc(d, ax, a)
    for p in panel.points:
        _point(d, ax, p)
    for t in panel.texts:
        d.items.append(
            Text(
                ax.page(t.at),
                t.text,
                t.size,
                color=t.color,
                owner=t.owner,
                role="note",
                may_touch=_owners(panel),
            )
        )
    for r in panel.regions:
        if r.text:
            _region_label(d, ax, r)
    grid = ax.name + ".grid"
    d.labels = [replace(lab, may_touch=lab.may_touch + (grid,)) for lab in d.labels]
    return d


def _drop_corner_labels(d: Drawing) -> None:
    """Lift a y tick label that would touch an x tick label at a shared corner; leave it out if still touching."""
    from scidsl.labels import text_box

    def box(t: Text) -> Any:
        return text_box(t.text, t.size, t.pos, t.ha, t.va)

    ticks = [t for t in d.items if isinstance(t, Text) and t.role.startswith("tick_label")]
    xs = [box(t).buffer(0.03) for t in ticks if t.role == "tick_label_x"]
    out = []
    for item in d.items:
        if isinstance(item, Text) and item.role == "tick_label_y" and any(box(item).intersects(b) for b in xs):
            lifted = replace(item, va="bottom", pos=(item.pos[0], item.pos[1] + 0.02))
            if any(box(lifted).intersects(b) for b in xs):
                continue
            item = lifted
        out.append(item)
    d.items = out


def _grid(d: Drawing, ax: Axes) -> None:
    xmin, ymin, xmax, ymax = ax.window
    thin = Stroke(color="0.82", width=0.5, zorder=0.5)
    for v, _ in ax.xticks:
        d.items.append(
            Line((ax.page((v, ymin)), ax.page((v, ymax))), stroke=thin, owner=ax.name + ".grid", role="grid")
        )
    for v, _ in ax.yticks:
        d.items.append(
            Line((ax.page((xmin, v)), ax.page((xmax, v))), stroke=thin, owner=ax.name + ".grid", role="grid")
        )


def _ink(panel: Panel, ax: Axes) -> Any:
    """The curves and points of a panel as one shapely geometry on the page (what tick labels avoid)."""
    from shapely.geometry import LineString, Point
    from shapely.ops import unary_union

    geoms = [
        LineString([ax.page(p) for p in piece]).buffer(0.03)
        for c in panel.curves
        for piece in c.pieces
        if len(piece) >= 2
    ]
    geoms += [Point(ax.page(p.at)).buffer(0.1) for p in panel.points]
    return unary_union(geoms) if geoms else None


def _nudged(ink: Any, text: str, candidates: list[tuple[P, str, str]]) -> tuple[P, str, str]:
    """The first placement of a tick label clear of curves and points (else the first, on a white background)."""
    from scidsl.labels import text_box

    for pos, ha, va in candidates:
        if ink is None or not text_box(text, TICK_SIZE, pos, ha, va).intersects(ink):
            return pos, ha, va
    return candidates[0]


def _frame(d: Drawing, ax: Axes, owners: tuple[str, ...], ink: Any = None) -> None:
    may = owners + (ax.name + ".grid",)
    if ax.frame == "arrows":
        _arrow_axes(d, ax, may, ink)
    elif ax.frame == "box":
        _box_axes(d, ax, may)
    else:
        _chart_axes(d, ax, may)


def _tick_text(
    pos: P, text: str, ha: str, va: str, ax: Axes, may: tuple[str, ...], axis: str = "x", ink: Any = None
) -> Text:
    from scidsl.labels import text_box

    # a white ground only where a curve really passes under the label, so shaded regions stay visible
    crossed = ink is not None and text_box(text, TICK_SIZE, pos, ha, va).intersects(ink)
    return Text(
        pos,
        text,
        TICK_SIZE,
        ha,
        va,
        owner=ax.name + ".ticks",
        role=f"tick_label_{axis}",
        may_touch=may,
        background="white" if crossed else None,
    )


def _arrow_axes(d: Drawing, ax: Axes, may: tuple[str, ...], ink: Any) -> None:
    xmin, ymin, xmax, ymax = ax.window
    ox, oy = ax.axis_x, ax.axis_y
    stroke = Stroke(width=0.9)
    left, right = ax.page((xmin, oy)), ax.page((xmax, oy))
    bottom, top = ax.page((ox, ymin)), ax.page((ox, ymax))
    xtip, ytip = (right[0] + ARROW_CM, right[1]), (top[0], top[1] + ARROW_CM)
    d.items.append(Line((left, xtip), stroke=stroke, arrow="end", owner=ax.name, role="axis"))
    d.items.append(Line((bottom, ytip), stroke=stroke, arrow="end", owner=ax.name, role="axis"))
    origin = ox == 0 and oy == 0
    skip_x = ymin < oy or origin  # the vertical axis continues below: an x label at ox would sit on it
    skip_y = xmin < ox or origin
    for v, t in ax.xticks:
        px, py = ax.page((v, oy))
        d.items.append(Line(((px, py), (px, py - TICK_CM)), stroke=stroke, owner=ax.name, role="tick"))
        if t and not (skip_x and abs(v - ox) < 1e-12):
            below = py - TICK_CM - 0.06
            pos, ha, va = _nudged(
                ink,
                t,
                [
                    ((px, below), "center", "top"),
                    ((px + 0.06, below), "left", "top"),
                    ((px - 0.06, below), "right", "top"),
                ],
            )
            d.items.append(_tick_text(pos, t, ha, va, ax, may, "x", ink))
    for v, t in ax.yticks:
        px, py = ax.page((ox, v))
        d.items.append(Line(((px, py), (px - TICK_CM, py)), stroke=stroke, owner=ax.name, role="tick"))
        if t and not (skip_y and abs(v - oy) < 1e-12):
            left = px - TICK_CM - 0.08
            pos, ha, va = _nudged(
                ink,
                t,
                [
                    ((left, py), "right", "center"),
                    ((left, py + 0.06), "right", "bottom"),
                    ((left, py - 0.06), "right", "top"),
                ],
            )
            d.items.append(_tick_text(pos, t, ha, va, ax, may, "y", ink))
    if origin:
        o = ax.page((0.0, 0.0))
        d.items.append(_tick_text((o[0] - 0.1, o[1] - 0.08), "$O$", "right", "top", ax, may, "x", ink))
    d.items.append(
        Text(
            (xtip[0] + 0.12, xtip[1]),
            ax.xlabel,
            11,
            "left",
            "center",
            owner=ax.name + ".xlabel",
            role="axis_label",
        )
    )
    d.items.append(
        Text(
            (ytip[0], ytip[1] + 0.12),
            ax.ylabel,
            11,
            "center",
            "bottom",
            owner=ax.name + ".ylabel",
            role="axis_label",
        )
    )


def _box_axes(d: Drawing, ax: Axes, may: tuple[str, ...]) -> None:
    xmin, ymin, xmax, ymax = ax.window
    stroke = Stroke(width=0.9)
    corners = (ax.page((xmin, ymin)), ax.page((xmax, ymin)), ax.page((xmax, ymax)), ax.page((xmin, ymax)))
    d.items.append(Line(corners, closed=True, stroke=stroke, owner=ax.name, role="axis"))
    _left_bottom_ticks(d, ax, may, inward=True)
    _outer_labels(d, ax)


def _chart_axes(d: Drawing, ax: Axes, may: tuple[str, ...]) -> None:
    xmin, ymin, xmax, ymax = ax.window
    stroke = Stroke(width=0.9)
    d.items.append(
        Line(
            (ax.page((xmin, ymax)), ax.page((xmin, ymin)), ax.page((xmax, ymin))),
            stroke=stroke,
            owner=ax.name,
            role="axis",
        )
    )
    _left_bottom_ticks(d, ax, may, inward=False, x_marks=ax.frame == "histogram")
    _outer_labels(d, ax)
    if ax.title:
        d.items.append(
            Text(
                ((ax.page((xmin, 0))[0] + ax.page((xmax, 0))[0]) / 2, ax.page((xmin, ymax))[1] + 0.75),
                ax.title,
                12,
                "center",
                "bottom",
                owner=ax.name + ".title",
                role="title",
            )
        )


def _left_bottom_ticks(
    d: Drawing, ax: Axes, may: tuple[str, ...], inward: bool, x_marks: bool = True
) -> None:
    xmin, ymin, _, _ = ax.window
    stroke = Stroke(width=0.9)
    sign = 1 if inward else -1
    for v, t in ax.xticks:
        px, py = ax.page((v, ymin))
        if x_marks:
            d.items.append(
                Line(((px, py), (px, py + sign * TICK_CM)), stroke=stroke, owner=ax.name, role="tick")
            )
        if t:
            d.items.append(
                _tick_text((px, py - (0.1 if inward else TICK_CM + 0.06)), t, "center", "top", ax, may)
            )
    for v, t in ax.yticks:
        px, py = ax.page((xmin, v))
        d.items.append(Line(((px, py), (px + sign * TICK_CM, py)), stroke=stroke, owner=ax.name, role="tick"))
        if t:
            d.items.append(
                _tick_text((px - (0.1 if inward else TICK_CM + 0.08), py), t, "right", "center", ax, may, "y")
            )


def _outer_labels(d: Drawing, ax: Axes) -> None:
    from scidsl.text import measure_text

    xmin, ymin, xmax, ymax = ax.window
    tick_h = max((measure_text(t, TICK_SIZE)[1] for _, t in ax.xticks if t), default=0.0)
    bottom = ax.page((xmin, ymin))
    if ax.xlabel:
        d.items.append(
            Text(
                ((bottom[0] + ax.page((xmax, ymin))[0]) / 2, bottom[1] - TICK_CM - tick_h - 0.25),
                ax.xlabel,
                11,
                "center",
                "top",
                owner=ax.name + ".xlabel",
                role="axis_label",
            )
        )
    if ax.ylabel:
        top = ax.page((xmin, ymax))
        d.items.append(
            Text(
                (top[0], top[1] + 0.3),
                ax.ylabel,
                11,
                "center",
                "bottom",
                owner=ax.name + ".ylabel",
                role="axis_label",
            )
        )


def _curve(d: Drawing, ax: Axes, c: CurveL) -> None:
    stroke = Stroke(color=c.color, width=c.width, dash=c.dash, zorder=3 if c.role != "asymptote" else 1.5)
    longest: Optional[list[P]] = None
    for piece in c.pieces:
        pts = tuple(ax.page(p) for p in piece)
        d.items.append(Line(pts, stroke=stroke, owner=c.owner, role=c.role, arrow=c.arrow))  # type: ignore[arg-type]
        if longest is None or _length(pts) > _length(longest):
            longest = list(pts)
    if c.arrow_mid and longest:
        d.items.append(_mid_arrow(longest, c))
    if c.label and longest:
        anchor, heading = _along(longest, 0.5 if c.arrow_mid or c.role == "segment" else 0.88)
        normal = (heading + 90) % 360
        d.labels.append(
            LabelSpec(
                c.label,
                anchor,
                c.owner,
                11,
                (normal, (normal + 180) % 360),
                0.12,
                c.color if c.color not in ("0.35",) else "black",
            )
        )


def _mid_arrow(pts: list[P], c: CurveL) -> Line:
    (x, y), heading = _along(pts, 0.5)
    h = math.radians(heading)
    tail = (x - 0.05 * math.cos(h), y - 0.05 * math.sin(h))
    tip = (x + 0.12 * math.cos(h), y + 0.12 * math.sin(h))
    return Line(
        (tail, tip),
        stroke=Stroke(color=c.color, width=1.5, zorder=3.5),
        arrow="end",
        owner=c.owner,
        role="direction",
    )


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


def _point(d: Drawing, ax: Axes, p: PointL) -> None:
    c = ax.page(p.at)
    if p.drop:
        thin = Stroke(color="0.3", width=0.7, dash="dashed", zorder=1.5)
        foot_x, foot_y = ax.page((p.at[0], ax.axis_y)), ax.page((ax.axis_x, p.at[1]))
        if abs(foot_x[1] - c[1]) > 1e-6:
            d.items.append(Line((c, foot_x), stroke=thin, owner=p.owner + ".drop", role="drop"))
        if abs(foot_y[0] - c[0]) > 1e-6:
            d.items.append(Line((c, foot_y), stroke=thin, owner=p.owner + ".drop", role="drop"))
    d.items.append(Dot(c, 0.075, p.color, owner=p.owner, role="mark", hollow=p.hollow))
    d.anchors[p.owner] = c
    if p.text:
        d.labels.append(LabelSpec(p.text, c, p.owner, 10.5, _PREFER.get(p.kind, ()), 0.1))


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
