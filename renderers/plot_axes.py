"""Draw a plot's axes: arrows through the origin, a box or chart frame, ticks, tick and axis labels, grid."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from scidsl.domains.plots.layout import Axes, Panel
from scidsl.primitives import Drawing, Line, Stroke, Text

P = tuple[float, float]
TICK_CM = 0.12
TICK_SIZE = 10.0
ARROW_CM = 0.45


def drop_corner_labels(d: Drawing) -> None:
    """Lift a y tick label that would touch an x tick label at a shared corner; leave it out if still touching."""
    from scidsl.labels import text_box

    def box(t: Text) -> Any:
        return text_box(t.text, t.size, t.pos, t.ha, t.va)

    ticks = [t for t in d.items if isinstance(t, Text) and t.role.startswith("tick_label")]
    xs = [box(t).buffer(0.03) for t in ticks if t.role == "tick_label_x"]
    out = []
    for item in d.items:
        if (
            isinstance(item, Text)
            and item.role == "tick_label_y"
            and any(box(item).intersects(b) for b in xs)
        ):
            lifted = replace(item, va="bottom", pos=(item.pos[0], item.pos[1] + 0.02))
            if any(box(lifted).intersects(b) for b in xs):
                continue
            item = lifted
        out.append(item)
    d.items = out


def draw_grid(d: Drawing, ax: Axes) -> None:
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


def curve_ink(panel: Panel, ax: Axes) -> Any:
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


def draw_frame(d: Drawing, ax: Axes, owners: tuple[str, ...], ink: Any = None) -> None:
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
