"""Draw a plot's axes: arrows through the origin, a box or chart frame, ticks, tick and axis labels, grid."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, Optional

from scidsl.domains.plots.layout import Axes, Panel
from scidsl.primitives import Drawing, Line, Stroke, Text

P = tuple[float, float]
TICK_CM = 0.12
MINOR_TICK_CM = 0.07
TICK_SIZE = 10.0
ARROW_CM = 0.45
_CORNER_GAP_CM = 0.06
_GUIDE_ROLES = ("asymptote", "isotherm")


def clear_corner(d: Drawing) -> None:
    """Lower the row of x tick labels until no y tick label touches it (both stay at their ticks)."""
    from scidsl.labels import text_box

    def box(t: Text) -> Any:
        return text_box(t.text, t.size, t.pos, t.ha, t.va)

    xs = [t for t in d.items if isinstance(t, Text) and t.role == "tick_label_x" and t.va == "top"]
    ys = [box(t) for t in d.items if isinstance(t, Text) and t.role == "tick_label_y"]
    if not xs or not ys:
        return
    drop = 0.0
    for t in xs:
        b = box(t)
        for y in ys:
            if b.buffer(_CORNER_GAP_CM).intersects(y):
                drop = max(drop, b.bounds[3] - y.bounds[1] + _CORNER_GAP_CM)
    if drop <= 0:
        return
    moved = {id(t) for t in xs}
    d.items = [replace(t, pos=(t.pos[0], t.pos[1] - drop)) if id(t) in moved else t for t in d.items]
    d.items = [
        replace(t, pos=(t.pos[0], t.pos[1] - drop)) if isinstance(t, Text) and t.role == "axis_label" and t.va == "top" else t
        for t in d.items
    ]


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
    for axis, log in (("x", ax.xlog), ("y", ax.ylog)):
        if not log and not ax.minor:
            continue
        faint = Stroke(color="0.91", width=0.4, zorder=0.4)
        lo, hi = (xmin, xmax) if axis == "x" else (ymin, ymax)
        ticks = [v for v, _ in (ax.xticks if axis == "x" else ax.yticks)]
        for v in minor_log_ticks(lo, hi) if log else minor_grid_values(ticks, lo, hi):
            ends = ((v, ymin), (v, ymax)) if axis == "x" else ((xmin, v), (xmax, v))
            d.items.append(
                Line(tuple(ax.page(e) for e in ends), stroke=faint, owner=ax.name + ".grid", role="grid")
            )


def minor_grid_values(ticks: list[float], lo: float, hi: float, parts: int = 5) -> list[float]:
    """Values between evenly spaced ticks (fifths of a step) inside [lo, hi], for reading values off."""
    if len(ticks) < 2:
        return []
    step = (ticks[-1] - ticks[0]) / (len(ticks) - 1)
    if step <= 0 or any(abs(b - a - step) > 1e-6 * step for a, b in zip(ticks, ticks[1:])):
        return []
    start = ticks[0] - step * (math.floor((ticks[0] - lo) / step) + 1)
    out, i = [], 0
    while (v := start + i * step / parts) <= hi + 1e-9 * step and i < 1000:
        if v >= lo - 1e-9 * step and i % parts:
            out.append(v)
        i += 1
    return out


def minor_log_ticks(lo: float, hi: float) -> list[float]:
    """2..9 × 10^k inside [lo, hi]: the unlabelled ticks that let a log axis be read between decades."""
    out = []
    for k in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1):
        for m in range(2, 10):
            v = m * 10.0**k
            if lo <= v <= hi:
                out.append(v)
    return out


def _minor_ticks(d: Drawing, ax: Axes, base: P, inward: int) -> None:
    """Short ticks between the decades of log axes; `base` is where the axes meet, `inward` the tick side."""
    xmin, ymin, xmax, ymax = ax.window
    stroke = Stroke(width=0.7)
    if ax.xlog:
        for v in minor_log_ticks(xmin, xmax):
            px, py = ax.page((v, base[1]))
            d.items.append(Line(((px, py), (px, py + inward * MINOR_TICK_CM)), stroke=stroke, owner=ax.name, role="tick"))
    if ax.ylog:
        for v in minor_log_ticks(ymin, ymax):
            px, py = ax.page((base[0], v))
            d.items.append(Line(((px, py), (px + inward * MINOR_TICK_CM, py)), stroke=stroke, owner=ax.name, role="tick"))


@dataclass(frozen=True)
class Ink:
    """What tick labels keep clear of, in page cm: curves and points, and dashed guide lines."""

    curves: Any
    guides: Any
    regions: Any = None  # shaded areas: a label there keeps a clear ground so the shading shows round it


def curve_ink(panel: Panel, ax: Axes) -> Ink:
    """The curves and points of a panel, and its guide lines (asymptotes, isotherms), on the page."""
    import shapely
    from shapely.geometry import Point, Polygon
    from shapely.ops import unary_union

    def lines(guides: bool) -> list[Any]:
        return [
            shapely.linestrings(ax.page_many(piece)).buffer(0.03)
            for c in panel.curves
            if (c.role in _GUIDE_ROLES) == guides
            for piece in c.pieces
            if len(piece) >= 2
        ]

    hard = lines(False) + [Point(ax.page(p.at)).buffer(0.1) for p in panel.points]
    guides = lines(True)
    shaded = [Polygon([ax.page(p) for p in r.polygon]).buffer(0) for r in panel.regions if len(r.polygon) >= 3]
    return Ink(
        unary_union(hard) if hard else None,
        unary_union(guides) if guides else None,
        unary_union(shaded) if shaded else None,
    )


def aligned_place(ink: Optional[Ink], text: str, candidates: list[tuple[P, str, str]]) -> Optional[tuple[P, str, str]]:
    """The first placement of a tick label clear of every curve, point and guide line, or None.

    Every candidate is aligned with its tick; when all of them meet a stroke the tick keeps no label
    rather than hiding the curve (a guide line at a tick carries its own label, "y = 2").
    """
    from scidsl.labels import text_box

    for pos, ha, va in candidates:
        b = text_box(text, TICK_SIZE, pos, ha, va)
        if ink is None or not any(g is not None and b.intersects(g) for g in (ink.curves, ink.guides)):
            return pos, ha, va
    return None


def draw_frame(d: Drawing, ax: Axes, owners: tuple[str, ...], ink: Optional[Ink] = None) -> None:
    """The axes of a panel with ticks, tick labels and axis labels."""
    may = owners + (ax.name + ".grid",)
    if ax.frame == "arrows":
        _arrow_axes(d, ax, may, ink)
    elif ax.frame == "box":
        _box_axes(d, ax, may)
    else:
        _chart_axes(d, ax, may)


def _tick_text(
    pos: P, text: str, ha: str, va: str, ax: Axes, may: tuple[str, ...], axis: str = "x", ground: bool = False
) -> Text:
    return Text(
        pos,
        text,
        TICK_SIZE,
        ha,
        va,
        owner=ax.name + ".ticks",
        role=f"tick_label_{axis}",
        may_touch=may,
        background="white" if ground else None,
    )


def _arrow_axes(d: Drawing, ax: Axes, may: tuple[str, ...], ink: Optional[Ink]) -> None:
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
            # below the axis, else above it (where the curve is not): centred on the tick or, where a curve
            # crosses the axis at the tick, with an edge at the tick
            below, above = py - TICK_CM - 0.06, py + 0.08
            spots = [
                ((px + dx, y), ha, va)
                for y, va in ((below, "top"), (above, "bottom"))
                for dx, ha in ((0.0, "center"), (-0.05, "right"), (0.05, "left"))
            ]
            _add_tick_label(d, ax, may, "x", t, spots, ink)
    for v, t in ax.yticks:
        px, py = ax.page((ox, v))
        d.items.append(Line(((px, py), (px - TICK_CM, py)), stroke=stroke, owner=ax.name, role="tick"))
        if t and not (skip_y and abs(v - oy) < 1e-12):
            spots = [((px - TICK_CM - 0.08, py), "right", "center"), ((px + 0.1, py), "left", "center")]
            _add_tick_label(d, ax, may, "y", t, spots, ink)
    _minor_ticks(d, ax, (ox, oy), -1)
    if origin:
        o = ax.page((0.0, 0.0))
        spot = aligned_place(ink, "$O$", [((o[0] - 0.1, o[1] - 0.08), "right", "top")])
        if spot is not None:
            d.items.append(_tick_text(spot[0], "$O$", spot[1], spot[2], ax, may, "x"))
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


def _add_tick_label(
    d: Drawing, ax: Axes, may: tuple[str, ...], axis: str, text: str, spots: list[tuple[P, str, str]], ink: Optional[Ink]
) -> None:
    from scidsl.labels import text_box

    spot = aligned_place(ink, text, spots)
    if spot is None:
        return
    # grid lines cross the labels of axes through the middle of a plot: those labels get a white ground
    # (never over a curve, which aligned_place keeps them off, nor over a shaded region)
    shaded = ink is not None and ink.regions is not None
    ground = ax.grid and not (shaded and text_box(text, TICK_SIZE, *spot).intersects(ink.regions))  # type: ignore[union-attr]
    d.items.append(_tick_text(spot[0], text, spot[1], spot[2], ax, may, axis, ground))


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
    _minor_ticks(d, ax, (xmin, ymin), sign)


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
