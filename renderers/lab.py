"""Renderer of laboratory apparatus: glassware outlines, liquid levels, scales and labelled contents.

Each group is drawn in its own frame (y = 0 the bench top), its labels are set in a column to its
right with leader lines that do not cross, and the groups are then set side by side.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scidsl.renderers.leaders import uncross

from scidsl.domains.lab import assembly as a
from scidsl.domains.lab import kinds as k
from scidsl.primitives import Circle, Dot, Drawing, Line, Stroke, Text

P = tuple[float, float]
GLASS = Stroke(width=1.2)
THIN = Stroke(width=0.6)
LEADER = Stroke(width=0.6, color="#333333")
LIQUID = Stroke(fill="#cfe3f3", visible=False, zorder=1)
PAPER = Stroke(width=0.8, color="#555555")
METAL = Stroke(width=1.0, fill="#e6e6e6", zorder=2.5)
LABEL_PT = 10.0
SCALE_PT = 9.0  # scale numbers must stay readable beside 10 pt labels
GROUP_GAP = 1.2
BENCH = Stroke(width=0.0, fill="#ececec", visible=False, zorder=0.4)
BENCH_H = 0.18
BENCH_OWNER = "bench"


@dataclass
class Callout:
    """A label to set beside its group, with a leader line to `anchor`."""

    anchor: P
    text: str
    owner: str


@dataclass
class Canvas:
    """One group's drawing and its callouts."""

    drawing: Drawing
    callouts: list[Callout]


def formula_text(text: str) -> str:
    """Digits after element symbols or ')' as subscripts: 'AgNO3' → 'AgNO$_3$' (text with $ is kept)."""
    if "$" in text:
        return text
    return re.sub(r"(?<=[A-Za-z)\]])(\d+)(?=[A-Z(\s·.,;:]|$)",
                  lambda m: f"$_{{{m.group(1)}}}$" if _in_formula(text, m.start()) else m.group(1), text)


def _in_formula(text: str, pos: int) -> bool:
    """True when the word holding `pos` starts with a capital letter (a formula, not 'mL' or 'step2')."""
    start = max(text.rfind(" ", 0, pos), text.rfind("(", 0, pos) if text[pos - 1] != ")" else -1) + 1
    word = text[start:pos]
    return bool(word) and word[0].isupper() and not word.isupper() or bool(re.fullmatch(r"[A-Z][A-Z]?", word)) \
        or bool(re.fullmatch(r"([A-Z][a-z]?\d*|\(|\))+", word))


def ml_text(v: float) -> str:
    """A volume as chemists write it: 15.00 mL, 250 mL."""
    return f"{v:.2f} mL" if v < 100 or not float(v).is_integer() else f"{v:.0f} mL"


def _ml(q: Any) -> float:
    return round(q.si * 1e6, 9)


def _owner(node: Any) -> str:
    return node.name or f"{node.kind}@{id(node)}"


def _line(pts: list[P], stroke: Stroke = GLASS, owner: str = "", closed: bool = False) -> Line:
    return Line(tuple(pts), closed, stroke, owner=owner)


def _rect(x0: float, y0: float, x1: float, y1: float, stroke: Stroke, owner: str) -> Line:
    return Line(((x0, y0), (x1, y0), (x1, y1), (x0, y1)), True, stroke, owner=owner)


def _contents_text(node: Any) -> str | None:
    """What a vessel's label says: its contents, preceded by the volume unless the text already has it."""
    vol = getattr(node, "volume", None)
    text = getattr(node, "contents", None)
    if vol is None:
        return formula_text(text) if text else None
    v = ml_text(_ml(vol))
    if not text:
        return v
    return formula_text(text) if v.split()[0] in text or f"{_ml(vol):g}" in text.split() else f"{v} {formula_text(text)}"


# ---- apparatus ------------------------------------------------------------------------------------


def _burette(node: k.Burette, tip: P, out: Canvas, clamp_to: float | None) -> None:
    if node.view == "closeup":
        _burette_closeup(node, tip, out)
        return
    x, y0 = tip
    own = _owner(node)
    d = out.drawing
    cap = _ml(node.capacity)
    y_stem = y0 + a.BURETTE_TIP
    y_tube = y_stem + a.STOPCOCK
    y_cap = y_tube + a.BURETTE_BELOW
    y_zero = y_cap + a.BURETTE_SCALE
    y_top = y_zero + a.BURETTE_TOP
    w, n = a.BURETTE_W / 2, 0.08
    # glass: tip, narrow stem with the stopcock, shoulder, tube
    for s in (-1, 1):
        d.items.append(_line([(x + s * 0.04, y0), (x + s * n, y_stem), (x + s * n, y_tube),
                              (x + s * w, y_tube + 0.15), (x + s * w, y_top)], owner=own))
    y_sc = y_stem + a.STOPCOCK / 2
    reading = _ml(node.reading) if node.reading is not None else (0.0 if node.contents else None)
    y_m = y_zero - reading / cap * a.BURETTE_SCALE if reading is not None else None
    if y_m is not None:
        d.items.append(_line([(x - 0.05, y0 + 0.05), (x - n + 0.02, y_stem), (x - n + 0.02, y_tube),
                              (x - w + 0.03, y_tube + 0.15), (x - w + 0.03, y_m + 0.07), (x, y_m),
                              (x + w - 0.03, y_m + 0.07), (x + w - 0.03, y_tube + 0.15), (x + n - 0.02, y_tube),
                              (x + n - 0.02, y_stem), (x + 0.05, y0 + 0.05)], LIQUID, own, closed=True))
        d.items.append(_line(_meniscus(x, y_m, w - 0.02, 0.07), THIN, own))
    d.items.append(_rect(x - 0.42, y_sc - 0.06, x + 0.42, y_sc + 0.06, METAL, own))
    d.items.append(Circle((x, y_sc), 0.13, Stroke(width=1.0, fill="white", zorder=2.6), owner=own))
    _burette_scale(d, x - w, y_zero, y_cap, cap, own, avoid=_clamp_y(y_zero, cap))
    d.anchors.update({own: (x, (y0 + y_top) / 2), f"{own}.tip": (x, y0), f"{own}.top": (x, y_top),
                      f"{own}.stopcock": (x, y_sc), f"{own}.scale_a": (x, y_zero), f"{own}.scale_b": (x, y_cap)})
    if clamp_to is not None:
        _clamp(d, clamp_to, x, w, _clamp_y(y_zero, cap), own)
    if node.label:
        out.callouts.append(Callout((x + w, y_top - 0.35), node.label, own))
    if y_m is not None:
        d.anchors[f"{own}.meniscus"] = (x, y_m)
        if node.contents:
            mid = (y_m + y_cap) / 2 if y_m - y_cap > 1.2 else (y_cap + y_tube) / 2
            out.callouts.append(Callout((x + w, mid), formula_text(node.contents), own))
        if node.reading is not None:
            out.callouts.append(Callout((x + w, y_m), f"reading {_ml(node.reading):.2f} mL", own))
        if node.initial is not None and node.reading is not None and getattr(node, "givens", "shown") != "hidden":
            y_i = y_zero - _ml(node.initial) / cap * a.BURETTE_SCALE  # the level before the titration
            out.callouts.append(Callout((x + w, y_i), f"initial {_ml(node.initial):.2f} mL", own))


def _clamp_y(y_zero: float, cap: float) -> float:
    """The clamp holds the tube half-way between the 0 mark and the first numbered mark."""
    return y_zero - _steps(cap)[2] / 2 / cap * a.BURETTE_SCALE


def _meniscus(x: float, y: float, half: float, rise: float) -> list[P]:
    return [(x + half * t, y + rise * t * t) for t in [i / 8 - 1 for i in range(17)]]


def _steps(cap: float) -> tuple[float, float, float]:
    """Minor, middle and numbered graduation steps for a scale of `cap` mL."""
    raw = cap / 50
    mag = 10 ** math.floor(math.log10(raw))
    minor = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw - 1e-12)
    return minor, minor * 5, minor * 10


def _burette_scale(d: Drawing, x_wall: float, y_zero: float, y_cap: float, cap: float, own: str,
                   avoid: float) -> None:
    minor, mid, step = _steps(cap)
    count = round(cap / minor)
    for i in range(count + 1):
        v = i * minor
        y = y_zero - v / cap * (y_zero - y_cap)
        major = _multiple(v, step)
        length = 0.3 if major else 0.2 if _multiple(v, mid) else 0.12
        d.items.append(_line([(x_wall, y), (x_wall + length, y)], THIN, own))
        if major and abs(y - avoid) > 0.3:
            d.items.append(Text((x_wall - 0.08, y), f"{v:g}", SCALE_PT, ha="right", owner=own, may_touch=(own,)))


def _multiple(v: float, step: float) -> bool:
    return abs(v / step - round(v / step)) < 1e-6


def _clamp(d: Drawing, rod_x: float, x: float, w: float, y: float, own: str) -> None:
    d.items.append(_rect(rod_x, y - 0.06, x - w - 0.12, y + 0.06, METAL, own))
    d.items.append(_rect(rod_x - 0.2, y - 0.2, rod_x + 0.2, y + 0.2, METAL, own))
    d.items.append(_rect(x - w - 0.12, y - 0.2, x + w + 0.12, y + 0.2, Stroke(width=1.0, fill="#d0d0d0", zorder=2.6), own))
    d.anchors[f"{own}.clamp"] = (x, y)


def _burette_closeup(node: k.Burette, at: P, out: Canvas) -> None:
    """A magnified part of the scale: 0.1 mL marks, the meniscus and the reading at its bottom."""
    x, y0 = at
    own = _owner(node)
    d = out.drawing
    cap = _ml(node.capacity)
    reading = _ml(node.reading) if node.reading is not None else 0.0
    lo, hi = a.closeup_window(reading, cap)
    top = y0 + (hi - lo) * a.CLOSEUP_CM_PER_ML
    w = a.CLOSEUP_W

    def y_of(v: float) -> float:
        return top - (v - lo) * a.CLOSEUP_CM_PER_ML

    y_m = y_of(reading)
    bottom, upper = y0 - 0.4, top + 0.4
    d.items.append(_line([(x, y_m + 0.3), (x, bottom), (x + w, bottom), (x + w, y_m + 0.3)], LIQUID, own, closed=True))
    d.items.append(_line(_meniscus(x + w / 2, y_m, w / 2 - 0.01, 0.3), THIN, own))
    for s in (0, w):
        d.items.append(_line([(x + s, bottom), (x + s, upper)], owner=own))
    for i in range(round((hi - lo) * 10) + 1):
        v = lo + i / 10
        whole, half = _multiple(v, 1.0), _multiple(v, 0.5)
        y = y_of(v)
        d.items.append(_line([(x, y), (x + (0.9 if whole else 0.55 if half else 0.35), y)], THIN, own))
        if whole:
            d.items.append(Text((x - 0.12, y), f"{v:g}", SCALE_PT, ha="right", owner=own, may_touch=(own,)))
    d.items.append(_line([(x + w + 0.1, y_m), (x + w + 0.9, y_m)], Stroke(width=0.6, dash="dashed"), own))
    d.anchors.update({own: (x + w / 2, (bottom + upper) / 2), f"{own}.meniscus": (x + w / 2, y_m),
                      f"{own}.scale_a": (x + w / 2, y_of(lo)), f"{own}.scale_b": (x + w / 2, y_of(hi)),
                      f"{own}.top": (x + w / 2, upper)})
    out.callouts.append(Callout((x + w + 0.9, y_m), f"reading {reading:.2f} mL", own))
    if node.contents:
        out.callouts.append(Callout((x + w * 0.75, (y_m + bottom) / 2 - 0.3), formula_text(node.contents), own))
    if node.label:
        out.callouts.append(Callout((x + w, upper - 0.2), node.label, own))


def _stand(node: k.RetortStand, foot: P, group: a.Group, out: Canvas) -> float:
    """Base and rod; returns the rod's x."""
    x, _ = foot
    own = _owner(node)
    d = out.drawing
    right = max([a.half_width(p.node) + 0.5 for p in group.items if isinstance(p.node, a.VESSELS)] + [1.8])
    top = max([_top_of(p) for p in group.items if p.node is not node] + [6.0]) + 0.5
    d.items.append(_rect(x - 0.8, 0.0, right, a.BASE_H, Stroke(width=1.2, fill="#eeeeee", zorder=1.5), own))
    d.items.append(_rect(x - 0.08, a.BASE_H, x + 0.08, top, Stroke(width=1.0, fill="#eeeeee", zorder=1.5), own))
    d.anchors.update({own: (x, top / 2), f"{own}.base": ((x + right) / 2, a.BASE_H), f"{own}.top": (x, top)})
    if node.label:
        out.callouts.append(Callout((right - 0.3, a.BASE_H), node.label, own))
    return x


def _top_of(p: a.Placed) -> float:
    if isinstance(p.node, k.Burette):
        return p.at[1] + a.BURETTE_H
    if isinstance(p.node, k.Funnel):
        return p.at[1] + a.FUNNEL_STEM + a.FUNNEL_CONE
    if isinstance(p.node, k.Pipette):
        return p.at[1] + a.PIPETTE_H
    if isinstance(p.node, k.Thermometer):
        return p.at[1] + a.thermometer_height(p)
    return p.at[1] + a.vessel_height(p.node)


def _flask(node: k.ConicalFlask, bottom: P, out: Canvas) -> None:
    x, y = bottom
    own, d, s = _owner(node), out.drawing, a.size_factor(node)
    big, rn, hb = 1.8 * s, a.neck_width(node) / 2, 3.2 * s
    top = y + a.vessel_height(node)
    for sg in (-1, 1):
        d.items.append(_line([(x + sg * (rn + 0.08), top + 0.04), (x + sg * rn, top - 0.06), (x + sg * rn, y + hb),
                              (x + sg * big, y + 0.12), (x + sg * (big - 0.14), y)], owner=own))
    d.items.append(_line([(x - big + 0.14, y), (x + big - 0.14, y)], owner=own))

    def radius(h: float) -> float:
        return big - (big - rn) * h / hb

    vol = _ml(node.volume) / _ml(node.capacity) if node.volume is not None else None
    h = _solve_level(lambda t: radius(t) ** 2, hb, vol) if vol else 0.0
    if vol:
        r = radius(h) - 0.03
        d.items.append(_line([(x - big + 0.16, y + 0.03), (x + big - 0.16, y + 0.03), (x + r, y + h), (x - r, y + h)],
                             LIQUID, own, closed=True))
        d.items.append(_line([(x - r, y + h), (x + r, y + h)], THIN, own))
    _vessel_anchors(d, own, x, y, top, h)
    _precipitate(node, d, out, x, y, big * 0.45, own)
    text = _contents_text(node)
    if text:
        # inside the liquid, above the precipitate where the liquid is deep enough
        hh = max(h * 0.75, min(h, 0.2)) if node.precipitate else h / 2 if h else 0.12
        out.callouts.append(Callout((x + radius(hh) * (0.72 if node.precipitate else 0.3), y + hh), text, own))
    name = _sized(node, "flask")
    if name:
        out.callouts.append(Callout((x + rn, y + hb + (top - y - hb) / 2), name, own))


def _solve_level(area: Callable[[float], float], height: float, fraction: float | None) -> float:
    """The height below which a vessel with cross-section `area(h)` holds `fraction` of its volume up to `height`."""
    if not fraction:
        return 0.0

    def vol(h: float) -> float:
        n = 60
        return sum(area(h * (i + 0.5) / n) for i in range(n)) * h / n

    want, lo, hi = fraction * vol(height), 0.0, height
    for _ in range(50):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if vol(mid) < want else (lo, mid)
    return (lo + hi) / 2


def _vessel_anchors(d: Drawing, own: str, x: float, y: float, top: float, level: float) -> None:
    d.anchors.update({own: (x, (y + top) / 2), f"{own}.mouth": (x, top), f"{own}.bottom": (x, y),
                      f"{own}.level": (x, y + level)})


def _precipitate(node: Any, d: Drawing, out: Canvas, x: float, y: float, half: float, own: str) -> None:
    if not getattr(node, "precipitate", None):
        return
    n = int(half * 2 / 0.12)
    for row, yy in enumerate((y + 0.07, y + 0.13)):
        for i in range(n - row):
            d.items.append(Dot((x - half + 0.06 * (row + 1) + i * 0.12, yy), 0.03, "#666666", owner=own))
    out.callouts.append(Callout((x + half - 0.06, y + 0.07), formula_text(node.precipitate), own))


def _beaker(node: k.Beaker, bottom: P, out: Canvas) -> None:
    x, y = bottom
    own, d, s = _owner(node), out.drawing, a.size_factor(node)
    hw, top = 1.5 * s, y + a.vessel_height(node)
    d.items.append(_line([(x - hw - 0.2, top + 0.12), (x - hw, top - 0.12), (x - hw, y + 0.1), (x - hw + 0.1, y),
                          (x + hw - 0.1, y), (x + hw, y + 0.1), (x + hw, top), (x + hw + 0.08, top + 0.06)], owner=own))
    full = 0.8 * (top - y)  # the last graduation of a beaker is well below its rim
    for i in range(1, 5):
        yy = y + full * i / 4
        d.items.append(_line([(x - hw + 0.0, yy), (x - hw + (0.35 if i % 2 == 0 else 0.2), yy)], THIN, own))
    vol = _ml(node.volume) / _ml(node.capacity) if node.volume is not None else None
    h = full * vol if vol else 0.0
    if vol:
        d.items.append(_line([(x - hw + 0.03, y + 0.03), (x + hw - 0.03, y + 0.03), (x + hw - 0.03, y + h),
                              (x - hw + 0.03, y + h)], LIQUID, own, closed=True))
        d.items.append(_line([(x - hw + 0.03, y + h), (x + hw - 0.03, y + h)], THIN, own))
    _vessel_anchors(d, own, x, y, top, h)
    _precipitate(node, d, out, x, y, hw * 0.7, own)
    text = _contents_text(node)
    if text:
        out.callouts.append(Callout((x + hw * 0.5, y + max(h, 0.6) * 0.6), text, own))
    name = _sized(node, "beaker")
    if name:
        out.callouts.append(Callout((x + hw, top - 0.3), name, own))


def _sized(node: Any, word: str) -> str | None:
    """The vessel's name with its capacity, as printed on the glass (`conical flask, 250 mL`, `100 mL beaker`)."""
    if getattr(node, "givens", "shown") == "hidden" or getattr(node, "capacity", None) is None:
        return node.label
    size = node.capacity.pretty()
    return f"{node.label}, {size}" if node.label else f"{size} {word}"


def _volumetric(node: k.VolumetricFlask, bottom: P, out: Canvas) -> None:
    x, y = bottom
    own, d, s = _owner(node), out.drawing, a.size_factor(node)
    rb, rn = 1.1 * s, a.neck_width(node) / 2
    cy = y + rb * math.cos(math.radians(30))
    tn = math.degrees(math.acos(rn / rb))
    y_neck = cy + rb * math.sin(math.radians(tn))
    top = y + a.vessel_height(node)
    y_mark = y_neck + 0.55 * (top - y_neck)
    right = [(x + rb * math.cos(math.radians(t)), cy + rb * math.sin(math.radians(t)))
             for t in _range(-60, tn, 24)]
    left = [(2 * x - px, py) for px, py in right]
    d.items.append(_line([(x + rn + 0.06, top + 0.04), (x + rn, top - 0.05)] + right[::-1] +
                         [(x - rb / 2, y)] + left + [(x - rn, top - 0.05), (x - rn - 0.06, top + 0.04)], owner=own))
    d.items.append(_line([(x - rb / 2, y), (x + rb / 2, y)], owner=own))
    d.items.append(_line([(x - rn - 0.12, y_mark), (x + rn + 0.12, y_mark)], THIN, own))
    cap = _ml(node.capacity)
    vol = _ml(node.volume) / cap if node.volume is not None else None
    level = None
    if vol and vol >= 0.999:
        level = y_mark
        pts = [(x + rn - 0.03, y_mark)] + [(px - 0.03, py) for px, py in right[::-1]] + \
              [(x - px + x + 0.03, py) for px, py in right] + [(x - rn + 0.03, y_mark)]
        d.items.append(_line(pts, LIQUID, own, closed=True))
    elif vol:
        h = _solve_level(lambda t: max(rb * rb - (rb - t) ** 2, 0.0), 2 * rb, vol)
        level = max(cy - rb + h, y + 0.05)
        half = math.sqrt(max(rb * rb - (level - cy) ** 2, 0.0)) - 0.03
        arc = [(px - 0.03, py) for px, py in right if py <= level]
        pts = [(x + half, level)] + arc[::-1] + [(2 * x - px, py) for px, py in arc] + [(x - half, level)]
        d.items.append(_line(pts, LIQUID, own, closed=True))
    if level is not None:
        half = rn - 0.03 if level >= y_neck else math.sqrt(max(rb * rb - (level - cy) ** 2, 0.0)) - 0.03
        d.items.append(_line([(x - half, level), (x + half, level)], THIN, own))
    # the size printed on the bulb, clear of the liquid surface
    spots = [cy + 0.35 * rb, cy - 0.45 * rb]
    y_text = max(spots, key=lambda yy: abs(yy - level)) if level is not None else spots[0]
    d.items.append(Text((x - 0.15 * rb, y_text), f"{cap:g} mL", SCALE_PT - 1, owner=own, may_touch=(own,)))
    _vessel_anchors(d, own, x, y, top, (level - y) if level is not None else 0.0)
    d.anchors[f"{own}.mark"] = (x, y_mark)
    text = _contents_text(node)
    if text:
        out.callouts.append(Callout((x + rb * 0.75, cy - 0.35 * rb), text, own))
    if node.label:
        out.callouts.append(Callout((x + rn, y_mark + 0.5), node.label, own))


def _range(t0: float, t1: float, n: int) -> list[float]:
    return [t0 + (t1 - t0) * i / n for i in range(n + 1)]


def _pipette(node: k.Pipette, tip: P, out: Canvas) -> None:
    x, y = tip
    own, d = _owner(node), out.drawing
    stem, bulb_lo, bulb_hi, top, mark = 0.08, y + 3.0, y + 5.2, y + a.PIPETTE_H, y + 7.0
    bulb_c, bulb_rx, bulb_ry = (bulb_lo + bulb_hi) / 2, 0.45, (bulb_hi - bulb_lo) / 2
    y_join = bulb_c - bulb_ry * math.sqrt(1 - (stem / bulb_rx) ** 2)

    def side(sg: int, inset: float) -> list[P]:
        ell = [(x + sg * (bulb_rx - inset) * math.sin(math.radians(t)), bulb_c - (bulb_ry - inset) * math.cos(math.radians(t)))
               for t in _range(10, 170, 20)]
        return [(x + sg * 0.03, y), (x + sg * (stem - inset), y + 1.0), (x + sg * (stem - inset), y_join)] + ell + \
               [(x + sg * (stem - inset), 2 * bulb_c - y_join), (x + sg * (stem - inset), top)]

    for sg in (-1, 1):
        d.items.append(_line(side(sg, 0.0), owner=own))
    d.items.append(_line([(x - stem - 0.1, mark), (x + stem + 0.1, mark)], THIN, own))
    if node.contents:
        right = [p for p in side(1, 0.03) if p[1] <= mark] + [(x + stem - 0.03, mark)]
        left = [(2 * x - px, py) for px, py in right]
        d.items.append(_line(right + left[::-1], LIQUID, own, closed=True))
        out.callouts.append(Callout((x + bulb_rx, bulb_c), formula_text(node.contents), own))
    d.anchors.update({own: (x, bulb_c), f"{own}.tip": (x, y), f"{own}.bulb": (x, bulb_c), f"{own}.mark": (x, mark),
                      f"{own}.top": (x, top)})
    if node.label:
        out.callouts.append(Callout((x + stem, (mark + top) / 2), node.label, own))


def _funnel(node: k.Funnel, stem_end: P, out: Canvas, ring_to: float | None) -> None:
    x, y = stem_end
    own, d = _owner(node), out.drawing
    y_cone, top, half = y + a.FUNNEL_STEM, y + a.FUNNEL_STEM + a.FUNNEL_CONE, a.FUNNEL_W / 2
    for sg in (-1, 1):
        d.items.append(_line([(x + sg * 0.08, y + (0.12 if sg > 0 else 0.0)), (x + sg * 0.08, y_cone),
                              (x + sg * half, top)], owner=own))
    if node.filter:
        yp = top - 0.15
        xp = 0.08 + (half - 0.08) * (yp - y_cone) / a.FUNNEL_CONE - 0.1
        paper = [(x - xp, yp), (x, y_cone + 0.12), (x + xp, yp)]
        d.items.append(_line(paper, PAPER, own))
        d.items.append(_line([(x + 0.3 * xp, yp), (x, y_cone + 0.12)], Stroke(width=0.5, color="#777777"), own))
    if node.contents:
        for i in range(7):
            d.items.append(Dot((x - 0.21 + i * 0.07, y_cone + 0.3 + 0.04 * (i % 2)), 0.03, "#666666", owner=own))
        out.callouts.append(Callout((x + 0.22, y_cone + 0.32), formula_text(node.contents), own))
    if ring_to is not None:
        ry = y_cone + a.FUNNEL_CONE * 0.55
        rx = 0.08 + (half - 0.08) * 0.55 + 0.1
        d.items.append(_line([(x + rx * math.cos(math.radians(t)), ry + 0.12 * math.sin(math.radians(t)))
                              for t in _range(0, 360, 36)], Stroke(width=1.0), own, closed=True))
        d.items.append(_rect(ring_to, ry - 0.06, x - rx, ry + 0.06, METAL, own))
        d.items.append(_rect(ring_to - 0.2, ry - 0.2, ring_to + 0.2, ry + 0.2, METAL, own))
    d.anchors.update({own: (x, y_cone), f"{own}.stem": (x, y), f"{own}.top": (x, top)})
    if node.label:
        out.callouts.append(Callout((x + (half + 0.08) / 2 + 0.2, (y_cone + top) / 2 + 0.3), node.label, own))


# ---- groups and callouts ----------------------------------------------------------------------------


def _draw_group(group: a.Group) -> Canvas:
    out = Canvas(Drawing(), [])
    rod: float | None = None
    for p in group.items:
        node = p.node
        if isinstance(node, k.RetortStand):
            rod = _stand(node, p.at, group, out)
        elif isinstance(node, k.Burette):
            _burette(node, p.at, out, rod)
        elif isinstance(node, k.ConicalFlask):
            _flask(node, p.at, out)
        elif isinstance(node, k.Beaker):
            _beaker(node, p.at, out)
        elif isinstance(node, k.VolumetricFlask):
            _volumetric(node, p.at, out)
        elif isinstance(node, k.Pipette):
            _pipette(node, p.at, out)
        elif isinstance(node, (k.Calorimeter, k.Thermometer)):
            from scidsl.renderers.lab_thermal import draw_thermal

            draw_thermal(node, p.at, out, p.scale_from)
        elif isinstance(node, k.Funnel):
            _funnel(node, p.at, out, rod)
            if rod is None and isinstance(group.items[0].node, a.VESSELS):
                _funnel_bar(group.items[0], out)
    return out


def _funnel_bar(vessel: a.Placed, out: Canvas) -> None:
    """The bar across a wide mouth that a resting funnel stands on, with a hole for its cone."""
    hole = a.funnel_seat(vessel.node)[1]
    if hole is None:
        return
    x, y = vessel.at
    y0 = y + a.vessel_height(vessel.node) + 0.06
    reach = a.neck_width(vessel.node) / 2 + 0.3
    own = _owner(vessel.node)
    for s in (-1, 1):
        out.drawing.items.append(_rect(x + s * reach, y0, x + s * (hole + 0.02), y0 + a.FUNNEL_BAR, METAL, own))


def _set_callouts(canvas: Canvas, size: float) -> None:
    """Labels in a column right of the group, in the order of their anchors, leaders uncrossed."""
    from scidsl.text import measure_text

    if not canvas.callouts:
        return
    bounds = canvas.drawing.bounds() or (0.0, 0.0, 0.0, 0.0)
    col = bounds[2] + 0.6
    calls = sorted(canvas.callouts, key=lambda c: c.anchor[1])
    heights = [measure_text(c.text, size)[1] for c in calls]
    # the lowest label keeps clear of the bench line
    ys = _spread([c.anchor[1] for c in calls], [h + 0.22 for h in heights], bounds[1] + heights[0] / 2 + 0.1)
    order = uncross([c.anchor for c in calls], [(col, y) for y in ys])
    for c, i in zip(calls, order):
        y = ys[i]
        canvas.drawing.items.append(Line((c.anchor, (col - 0.1, y)), False, LEADER, owner=c.owner, role="leader"))
        canvas.drawing.items.append(Dot(c.anchor, 0.035, "#333333", owner=c.owner))
        canvas.drawing.items.append(Text((col, y), c.text, size, ha="left", owner=c.owner, may_touch=(c.owner,)))


def _spread(wanted: list[float], gaps: list[float], floor: float) -> list[float]:
    """Positions near the wanted ones, in order, at least the gaps apart, not below `floor`."""
    ys: list[float] = []
    for y, gap in zip(wanted, gaps):
        ys.append(max(y, floor) if not ys else max(y, ys[-1] + (gap + gaps[len(ys) - 1]) / 2))
    # pull back down the ones pushed up, where room allows, to stay near their anchors
    for i in range(len(ys) - 2, -1, -1):
        ys[i] = min(ys[i], ys[i + 1] - (gaps[i] + gaps[i + 1]) / 2) if ys[i] > wanted[i] else ys[i]
    return ys


def _shift(d: Drawing, dx: float) -> Drawing:
    return d.transformed(1.0, dx, 0.0)


def render_layout(lay: a.Layout, settings: Any) -> Drawing:
    """Every group drawn, labelled and set side by side on one bench."""
    from scidsl.text import measure_text

    size = float(settings.font_size) if getattr(settings, "font_size", None) else LABEL_PT
    page = Drawing()
    x, on_bench = 0.0, False
    for group in lay.groups:
        on_bench = on_bench or any(isinstance(p.node, a.VESSELS + (k.RetortStand, k.Calorimeter))
                                   for p in group.items)
        canvas = _draw_group(group)
        _set_callouts(canvas, size)
        b = canvas.drawing.bounds()
        if b is None:
            continue
        right = max([b[2]] + [t.at[0] + measure_text(t.text, t.size)[0] for t in canvas.drawing.items
                              if isinstance(t, Text) and t.ha == "left"])
        left = min([b[0]] + [t.at[0] - measure_text(t.text, t.size)[0] for t in canvas.drawing.items
                             if isinstance(t, Text) and t.ha == "right"])
        page.extend(_shift(canvas.drawing, x - left))
        x += right - left + GROUP_GAP
    if on_bench:
        _bench(page, -0.3, x - GROUP_GAP + 0.3)
    return page


def _bench(page: Drawing, x0: float, x1: float) -> None:
    """The bench top (y = 0) that every vessel and stand of the figure stands on."""
    page.items.append(Line(((x0, -BENCH_H), (x1, -BENCH_H), (x1, 0.0), (x0, 0.0)), True, BENCH, owner=BENCH_OWNER))
    page.items.append(Line(((x0, 0.0), (x1, 0.0)), False, Stroke(width=1.4, zorder=1.6), owner=BENCH_OWNER))
