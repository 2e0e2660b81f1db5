"""Renderer of thermometers and calorimeters (coffee-cup and bomb), in the lab renderer's group frame."""
from __future__ import annotations

from typing import Any

from scidsl.domains.lab import assembly as a
from scidsl.domains.lab import kinds as k
from scidsl.domains.lab.thermal import celsius, window
from scidsl.primitives import Circle, Line, Stroke, Text
from scidsl.renderers.lab import GLASS, METAL, SCALE_PT, THIN, Callout, Canvas, formula_text

P = tuple[float, float]
COLUMN = Stroke(fill="#c0392b", visible=False, zorder=2.7)
FOAM = Stroke(width=1.2, fill="#f6f3ea", zorder=1.2)
STEEL = Stroke(width=1.2, fill="#b8bcc2", zorder=2.2)
CLOSEUP_CM = 1.5
TICK = Stroke(width=0.6, zorder=2.8)  # cm per °C in a close-up


def _owner(node: Any) -> str:
    return node.name or f"{node.kind}@{id(node)}"


def _poly(pts: list[P], stroke: Stroke, owner: str, closed: bool = True) -> Line:
    return Line(tuple(pts), closed, stroke, owner=owner)


def draw_thermal(node: Any, at: P, out: Canvas, scale_from: float | None = None) -> None:
    """Draw a calorimeter (at its bottom centre) or a thermometer (at its bulb)."""
    if isinstance(node, k.Thermometer):
        if node.view == "closeup":
            _closeup(node, at, out)
        else:
            _thermometer(node, at, out, scale_from or a.THERMOMETER_FREE)
    elif node.type == "bomb":
        _bomb(node, at, out)
    else:
        _coffee_cup(node, at, out)


def _multiple(v: float, step: float) -> bool:
    return abs(v / step - round(v / step)) < 1e-6


def _thermometer(node: k.Thermometer, bulb: P, out: Canvas, scale_from: float) -> None:
    x, y = bulb
    own, d = _owner(node), out.drawing
    lo, hi, minor = window(node)
    top, w = y + scale_from + a.THERMOMETER_SCALE + a.THERMOMETER_TOP, 0.13

    def y_of(t: float) -> float:
        return y + scale_from + (t - lo) / (hi - lo) * a.THERMOMETER_SCALE

    d.items.append(_poly([(x - w, y + 0.15), (x - w, top - w), (x, top), (x + w, top - w), (x + w, y + 0.15)],
                         Stroke(width=1.0, fill="white", zorder=2.6), own, closed=False))
    d.items.append(Circle((x, y), 0.22, Stroke(width=1.0, fill="#c0392b", zorder=2.7), own))
    t = celsius(node.reading) if node.reading is not None else lo
    y_t = y_of(t)  # type: ignore[arg-type]
    d.items.append(_poly([(x - 0.045, y), (x + 0.045, y), (x + 0.045, y_t), (x - 0.045, y_t)], COLUMN, own))
    for i in range(round((hi - lo) / minor) + 1):
        v = lo + i * minor
        major = _multiple(v, minor * 10) or minor >= 10 and _multiple(v, minor * 2)
        length = 0.22 if major else 0.15 if _multiple(v, minor * 5) else 0.09
        d.items.append(Line(((x - w, y_of(v)), (x - w + length, y_of(v))), False, TICK, owner=own))
        if major:
            d.items.append(Text((x - w - 0.08, y_of(v)), f"{v:g}".replace("-", "−"), SCALE_PT - 1, ha="right", owner=own,
                                may_touch=(own,)))
    d.items.append(Text((x - w - 0.08, y_of(hi) + 0.45), "°C", SCALE_PT - 1, ha="right", owner=own,
                        may_touch=(own,)))
    d.anchors.update({own: (x, (y + top) / 2), f"{own}.bulb": (x, y), f"{own}.top": (x, top),
                      f"{own}.level": (x, y_t), f"{own}.scale_a": (x, y_of(lo)), f"{own}.scale_b": (x, y_of(hi))})
    if node.reading is not None:
        out.callouts.append(Callout((x + w, y_t), f"reading {t:g} °C", own))
    t0 = celsius(node.initial) if node.initial is not None and getattr(node, "givens", "shown") != "hidden" else None
    if t0 is not None and lo <= t0 <= hi:  # the reading before, pointed at on the scale
        out.callouts.append(Callout((x + w, y_of(t0)), f"initial {t0:g} °C", own))
    if node.label:
        out.callouts.append(Callout((x + w, top - 0.4), node.label, own))


def _closeup(node: k.Thermometer, at: P, out: Canvas) -> None:
    """A magnified part of the scale: 0.2 °C marks, the column and its reading."""
    x, y0 = at
    own, d = _owner(node), out.drawing
    lo, hi, minor = window(node)
    w = 1.0

    def y_of(t: float) -> float:
        return y0 + 0.8 + (t - lo) * CLOSEUP_CM  # the lowest number clear of a bench

    t = celsius(node.reading) if node.reading is not None else lo
    bottom, upper = y0 + 0.4, y_of(hi) + 0.4
    for s in (0.0, w):
        d.items.append(Line(((x + s, bottom), (x + s, upper)), False, GLASS, owner=own))
    d.items.append(_poly([(x + 0.35, bottom), (x + w - 0.35, bottom), (x + w - 0.35, y_of(t)), (x + 0.35, y_of(t))],
                         COLUMN, own))  # type: ignore[arg-type]
    for i in range(round((hi - lo) / minor) + 1):
        v = lo + i * minor
        whole = _multiple(v, 1.0)
        d.items.append(Line(((x, y_of(v)), (x + (0.32 if whole else 0.18), y_of(v))), False, THIN, owner=own))
        if whole:
            d.items.append(Text((x - 0.12, y_of(v)), f"{v:g}".replace("-", "−"), SCALE_PT, ha="right", owner=own,
                                may_touch=(own,)))
    d.items.append(Text((x - 0.12, upper), "°C", SCALE_PT, ha="right", owner=own, may_touch=(own,)))
    d.items.append(Line(((x + w + 0.1, y_of(t)), (x + w + 0.8, y_of(t))), False,  # type: ignore[arg-type]
                        Stroke(width=0.6, dash="dashed"), owner=own))
    d.anchors.update({own: (x + w / 2, (bottom + upper) / 2), f"{own}.level": (x + w / 2, y_of(t)),  # type: ignore[arg-type]
                      f"{own}.scale_a": (x + w / 2, y_of(lo)), f"{own}.scale_b": (x + w / 2, y_of(hi)),
                      f"{own}.top": (x + w / 2, upper), f"{own}.bulb": (x + w / 2, bottom)})
    out.callouts.append(Callout((x + w + 0.8, y_of(t)), f"reading {t:g} °C", own))  # type: ignore[arg-type]
    if node.label:
        out.callouts.append(Callout((x + w, upper - 0.2), node.label, own))


def _stirrer(d: Any, x: float, y0: float, y1: float, own: str, out: Canvas, ring: bool = True) -> None:
    d.items.append(Line(((x, y0), (x, y1)), False, Stroke(width=1.6, zorder=2.5), owner=own))
    if ring:
        d.items.append(Line(((x - 0.4, y0), (x + 0.4, y0)), False, Stroke(width=1.6, zorder=2.5), owner=own))
    else:
        d.items.append(_poly([(x - 0.4, y0 + 0.12), (x + 0.4, y0 - 0.12), (x + 0.4, y0 + 0.12), (x - 0.4, y0 - 0.12)],
                             Stroke(width=1.0, fill="#888888", zorder=2.5), own))
    d.items.append(_poly([(x - 0.12, y1), (x + 0.12, y1), (x + 0.12, y1 + 0.4), (x - 0.12, y1 + 0.4)], METAL, own))
    d.anchors[f"{own}.stirrer"] = (x, y1)
    # named on its left: a leader to the right would cross the thermometer
    d.items.append(Text((x - 0.25, y1 + 0.2), "stirrer", 10, ha="right", owner=own))


def _coffee_cup(node: k.Calorimeter, bottom: P, out: Canvas) -> None:
    x, y = bottom
    own, d = _owner(node), out.drawing
    h = 4.0
    d.items.append(_poly([(x - 1.2, y), (x + 1.2, y), (x + 1.6, y + h), (x - 1.6, y + h)], FOAM, own))
    inner = [(x - 1.0, y + 0.25), (x + 1.0, y + 0.25), (x + 1.42, y + h), (x - 1.42, y + h)]
    d.items.append(_poly(inner, Stroke(width=1.0, fill="#fbfaf5", zorder=1.3), own))
    level = y + 2.8
    half = 1.0 + 0.42 * (level - y - 0.25) / (h - 0.25)
    d.items.append(_poly([(x - 0.97, y + 0.28), (x + 0.97, y + 0.28), (x + half - 0.03, level),
                          (x - half + 0.03, level)], Stroke(fill="#cfe3f3", visible=False, zorder=1.4), own))
    d.items.append(Line(((x - half + 0.03, level), (x + half - 0.03, level)), False, THIN, owner=own))
    d.items.append(_poly([(x - 1.75, y + h), (x + 1.75, y + h), (x + 1.75, y + h + 0.25), (x - 1.75, y + h + 0.25)],
                         Stroke(width=1.0, fill="#d8d8d8", zorder=2.3), own))
    _stirrer(d, x - 0.6, y + 0.6, y + h + 1.0, own, out)
    d.anchors.update({own: (x, y + h / 2), f"{own}.lid": (x, y + h + 0.25), f"{own}.bottom": (x, y),
                      f"{own}.level": (x, level), f"{own}.mouth": (x, y + h)})
    out.callouts.append(Callout((x + 1.75, y + h + 0.12), "lid", own))
    out.callouts.append(Callout((x + 1.5, y + 3.4), "nested foam cups", own))
    if node.contents:
        out.callouts.append(Callout((x + 0.9, y + 1.0), formula_text(node.contents), own))
    if node.mass is not None and getattr(node, "givens", "shown") != "hidden":
        out.callouts.append(Callout((x + 1.0, y + 2.2), f"mass {node.mass.pretty()}", own))
    if node.label:
        out.callouts.append(Callout((x + 1.3, y + 0.8), node.label, own))


def _bomb(node: k.Calorimeter, bottom: P, out: Canvas) -> None:
    x, y = bottom
    own, d = _owner(node), out.drawing
    hw, h = 2.6, 5.0
    d.items.append(_poly([(x - hw, y), (x + hw, y), (x + hw, y + h), (x - hw, y + h)], FOAM, own))
    d.items.append(_poly([(x - hw + 0.25, y + 0.25), (x + hw - 0.25, y + 0.25), (x + hw - 0.25, y + h),
                          (x - hw + 0.25, y + h)], Stroke(width=1.0, fill="white", zorder=1.3), own))
    level = y + 4.3
    d.items.append(_poly([(x - hw + 0.28, y + 0.28), (x + hw - 0.28, y + 0.28), (x + hw - 0.28, level),
                          (x - hw + 0.28, level)], Stroke(fill="#cfe3f3", visible=False, zorder=1.4), own))
    d.items.append(Line(((x - hw + 0.28, level), (x + hw - 0.28, level)), False, THIN, owner=own))
    d.items.append(_poly([(x - hw - 0.1, y + h), (x + hw + 0.1, y + h), (x + hw + 0.1, y + h + 0.35),
                          (x - hw - 0.1, y + h + 0.35)], Stroke(width=1.0, fill="#d8d8d8", zorder=2.3), own))
    bx0, bx1, by0, by1 = x - 0.5, x + 1.1, y + 0.6, y + 3.4
    d.items.append(_poly([(bx0, by0), (bx1, by0), (bx1, by1), (bx0, by1)], STEEL, own))
    cx = (bx0 + bx1) / 2
    d.items.append(_poly([(cx - 0.35, by0 + 0.35), (cx + 0.35, by0 + 0.35), (cx + 0.25, by0 + 0.7),
                          (cx - 0.25, by0 + 0.7)], Stroke(width=0.8, fill="#f1e4c0", zorder=2.4), own))
    for dx in (-0.25, 0.25):
        d.items.append(Line(((cx + dx, by0 + 0.7), (cx + dx, by1), (cx + dx, y + h + 0.8)), False,
                            Stroke(width=0.8, color="#7a4b1e", zorder=2.45), owner=own))
    _stirrer(d, x - 2.0, y + 0.8, y + h + 0.8, own, out, ring=False)
    d.anchors.update({own: (x, y + h / 2), f"{own}.lid": (x, y + h + 0.35), f"{own}.bottom": (x, y),
                      f"{own}.level": (x, level), f"{own}.mouth": (x, y + h)})
    out.callouts.append(Callout((cx + 0.25, y + h + 0.6), "ignition wires", own))
    out.callouts.append(Callout((bx1, by1 - 0.4), "steel bomb", own))
    out.callouts.append(Callout((cx + 0.3, by0 + 0.5), formula_text(node.sample or "sample"), own))
    out.callouts.append(Callout((x + hw - 0.6, y + 3.8), "water", own))
    out.callouts.append(Callout((x + hw, y + 0.6), "insulated container", own))
    if node.heat_capacity is not None and getattr(node, "givens", "shown") != "hidden":
        out.callouts.append(Callout((x + hw, y + 2.0), f"calorimeter constant {node.heat_capacity.pretty()}", own))
    if node.label:
        out.callouts.append(Callout((x + hw, y + h - 0.3), node.label, own))
