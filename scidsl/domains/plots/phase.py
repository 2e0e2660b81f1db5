"""Phase diagrams: the coexistence curves of a substance computed from its stated points, checked first.

The boiling curve follows Clausius–Clapeyron (ln p linear in 1/T) from the triple point through the
normal boiling point to the critical point; the sublimation curve is steeper (a larger enthalpy); the
melting line runs straight through the triple point and the normal melting point.
"""

from __future__ import annotations

import math

import numpy as np

from scidsl.domains.plots import kinds as k
from scidsl.domains.plots.kinds_phase import PhaseDiagram
from scidsl.domains.plots.layout import CurveL, LayoutError, Panel, PointL, TextL
from scidsl.domains.plots.phase_names import add_leader, led_spot, name_region
from scidsl.domains.plots.ticks import format_number

ATM = 101325.0
MAX_T_RATIO = 10
MAX_DECADES = 12
MAX_LINEAR_RATIO = 30  # p_c/p_t a linear pressure axis can show
MIN_APART_CM = 0.8  # page distance between the triple point and the normal sublimation point
MIN_MARK_CM = 0.3  # two marked points nearer than this are refused (E9764): their dots would touch
CROWD_CM = 1.2  # marked points nearer than this on the page are named out in the open with leaders
MIN_LINEAR_GAP = 0.03  # share of a linear axis between the triple point and the 1 atm line
MELT_REACH = 10  # the melting line is checked up to this many times the critical pressure ...
MELT_LEAN = 0.5  # ... where it may have moved at most this share of T_c − T_t from the triple temperature
MAX_VAPOUR_BEND = 3.0  # the slopes of ln p against 1/T below and above 1 atm differ at most this much
MELT_SPREAD = 0.2  # the normal melting point lies within this fraction of T_c − T_t of the triple point
P = tuple[float, float]


def _kelvin(q: object) -> float:
    return q.si + 273.15 if getattr(q, "unit", "") == "degC" else q.si  # type: ignore[attr-defined]


class Units:
    """The axes' units: those of the triple point as written."""

    def __init__(self, n: PhaseDiagram) -> None:
        t, p = n.triple_point
        self.celsius = t.unit == "degC"
        self.t_unit, self.p_unit = t.pretty().split(" ", 1)[1], p.pretty().split(" ", 1)[1]
        self.p_factor = p.si / p.value if p.value else 1.0

    def t(self, kelvin: float) -> float:
        """A temperature on the axis."""
        return kelvin - 273.15 if self.celsius else kelvin

    def p(self, pascal: float) -> float:
        """A pressure on the axis."""
        return pascal / self.p_factor


def check_points(n: PhaseDiagram) -> None:
    """The stated points fit one diagram: triple below critical, 1 atm between them, melting below boiling."""
    (tt, pt), (tc, pc) = [(_kelvin(a), b.si) for a, b in (n.triple_point, n.critical_point)]
    if tt <= 0 or pt <= 0:
        raise LayoutError("E9751", "the triple point needs a positive absolute temperature and pressure",
                          n, "triple_point")
    if tc <= tt or pc <= pt:
        raise LayoutError(
            "E9751", "the critical point must lie above the triple point in both temperature and pressure "
            "(the boiling curve runs from the triple point up to the critical point)", n, "critical_point",
            "swap the points, or check their units")
    decades = math.log10(pc) - math.log10(pt)  # a ratio of extreme pressures would overflow
    if not 1.05 <= tc / tt <= MAX_T_RATIO or not math.log10(2) <= decades <= MAX_DECADES:
        close = tc / tt < 1.05 or decades < math.log10(2)
        raise LayoutError(
            "E9754", f"the triple and critical points are too {'close' if close else 'far'} to draw on one "
            f"diagram (T ratio {tc / tt:.3g}, {decades:.3g} decades of pressure)",
            n, "critical_point", f"real substances have T_c/T_t between 1.05 and {MAX_T_RATIO} and p_c/p_t between "
            f"2 and 1e{MAX_DECADES}; check the units")
    for key, q in (("boiling_point", n.boiling_point), ("melting_point", n.melting_point)):
        if q is not None and not pt < ATM < pc:
            where = "above" if pt >= ATM else "below"
            raise LayoutError(
                "E9752", f"a normal {key.replace('_', ' ')} is at 1 atm, but the "
                f"{'triple' if pt >= ATM else 'critical'} point is {where} 1 atm: at 1 atm the substance "
                f"{'sublimes' if pt >= ATM else 'is never liquid'}", n, key)
    tb = _kelvin(n.boiling_point) if n.boiling_point is not None else None
    if tb is not None and not tt < tb < tc:
        raise LayoutError("E9752", "the normal boiling point must lie between the triple and critical "
                          "temperatures", n, "boiling_point")
    if tb is not None:
        _check_boiling(n, tb, (tt, pt), (tc, pc))
    if n.melting_point is not None:
        _check_melting(n, _kelvin(n.melting_point), (tt, pt), (tc, pc), tb)
    if n.sublimation_point is not None:
        _check_sublimation(n, _kelvin(n.sublimation_point), (tt, pt), boiling_curve((tt, pt), (tc, pc), tb))


def _check_boiling(n: PhaseDiagram, tb: float, tp: P, cp: P) -> None:
    """Clausius–Clapeyron: ln p falls nearly straight with 1/T along the boiling curve (its slope, the heat
    of vaporisation, shrinks slowly toward the critical point): the normal boiling point lies near the
    line through the triple and critical points (water: slopes 1.10 to 1; nitrogen: 1.03 to 1)."""
    below = math.log(ATM / tp[1]) / (1.0 / tp[0] - 1.0 / tb)
    above = math.log(cp[1] / ATM) / (1.0 / tb - 1.0 / cp[0])
    if not 1 / MAX_VAPOUR_BEND <= below / above <= MAX_VAPOUR_BEND:
        fit = boil_t([tp, cp], ATM)
        raise LayoutError(
            "E9755", f"the normal boiling point {format_number(tb)} K is far off the vapour-pressure curve through the "
            f"triple and critical points: the heat of vaporisation would change {below / above:.2g}-fold at 1 atm",
            n, "boiling_point", f"for these points a normal boiling point near {format_number(round(fit, 1))} K is "
            "consistent; check the points' values and units")


def _check_sublimation(n: PhaseDiagram, ts: float, tp: P, boil: list[P]) -> None:
    if tp[1] <= ATM:
        raise LayoutError("E9760", "a normal sublimation point is at 1 atm, but the triple point is not above "
                          "1 atm: at 1 atm the solid melts and the liquid boils", n, "sublimation_point",
                          "state melting_point and boiling_point instead, or check the triple point's pressure")
    if not 0 < ts < tp[0]:
        raise LayoutError("E9760", "the normal sublimation point must lie below the triple point's temperature "
                          "(the sublimation curve falls from the triple point to 1 atm)", n, "sublimation_point")
    if sublimation_slope(tp, boil, ts) <= _boil_slope(boil):
        raise LayoutError("E9761", "the sublimation curve through the normal sublimation point would be flatter "
                          "than the boiling curve at the triple point (the enthalpy of sublimation is the larger)",
                          n, "sublimation_point", "the normal sublimation point lies closer to the triple temperature")


def _check_melting(n: PhaseDiagram, tm: float, tp: P, cp: P, tb: float | None) -> None:
    boil = boiling_curve(tp, cp, tb)
    if abs(tm - tp[0]) > MELT_SPREAD * (cp[0] - tp[0]):
        raise LayoutError("E9753", f"the normal melting point is {format_number(abs(tm - tp[0]))} K from the "
                          "triple point's temperature: its melting line would be nearly flat", n, "melting_point",
                          "melting lines are steep: the normal melting point lies close to the triple temperature")
    if tm >= boil_t(boil, ATM):
        raise LayoutError("E9753", "the normal melting point must lie below the normal boiling point",
                          n, "melting_point")
    lean = melting_t(tp, tm, MELT_REACH * cp[1]) - tp[0]
    if abs(lean) > MELT_LEAN * (cp[0] - tp[0]):
        raise LayoutError(
            "E9753", f"the melting line through the normal melting point would slant {format_number(abs(lean))} K "
            f"{'right' if lean > 0 else 'left'} by {MELT_REACH:g} times the critical pressure, across the diagram",
            n, "melting_point", "melting lines are nearly vertical: the normal melting point lies within a fraction "
            "of a kelvin of the triple temperature (water: 0.01 K)")
    for p in np.geomspace(ATM, cp[1], 40):
        if melting_t(tp, tm, p) >= boil_t(boil, p):
            raise LayoutError(
                "E9753", "the melting line from the triple point through the normal melting point would meet "
                "the boiling curve below the critical point", n, "melting_point",
                "a melting point this far from the triple temperature is not consistent with these points")


def boiling_curve(tp: P, cp: P, tb: float | None) -> list[P]:
    """The stated points of the boiling curve, in (T, p), K and Pa."""
    return [tp] + ([(tb, ATM)] if tb is not None else []) + [cp]


def boil_t(curve: list[P], p: float) -> float:
    """The temperature of the boiling curve at pressure p (ln p linear in 1/T between stated points)."""
    for (t0, p0), (t1, p1) in zip(curve, curve[1:]):
        if p <= p1 or (t1, p1) == curve[-1]:
            f = (math.log(p) - math.log(p0)) / (math.log(p1) - math.log(p0))
            return 1.0 / (1.0 / t0 + f * (1.0 / t1 - 1.0 / t0))
    return curve[-1][0]


def melting_t(tp: P, tm: float | None, p: float, lean: float = 0.0) -> float:
    """The temperature of the melting line at pressure p (straight in p; steep when no melting point is given)."""
    if tm is None:
        return tp[0] + lean * (math.log10(p) - math.log10(tp[1]))
    return tp[0] + (tm - tp[0]) * (p - tp[1]) / (ATM - tp[1])


def _boil_points(curve: list[P], n: int = 60) -> list[P]:
    out: list[P] = []
    for (t0, p0), (t1, p1) in zip(curve, curve[1:]):
        for f in np.linspace(0.0, 1.0, n):
            t = 1.0 / (1.0 / t0 + f * (1.0 / t1 - 1.0 / t0))
            out.append((t, math.exp(math.log(p0) + f * (math.log(p1) - math.log(p0)))))
    return out


def _boil_slope(curve: list[P]) -> float:
    """L/R of vaporisation: the slope of ln p against −1/T from the triple point to the next stated point."""
    (t0, p0), (t1, p1) = curve[0], curve[1]
    return (math.log(p1) - math.log(p0)) / (1.0 / t0 - 1.0 / t1)


def sublimation_slope(tp: P, curve: list[P], ts: float | None) -> float:
    """L/R of sublimation: through the normal sublimation point when stated, else 1.6 times that of boiling."""
    if ts is None:
        return 1.6 * _boil_slope(curve)
    return math.log(tp[1] / ATM) / (1.0 / ts - 1.0 / tp[0])


def sublimation_t(tp: P, slope: float, p: float) -> float:
    """The temperature of the sublimation curve at pressure p."""
    return 1.0 / (1.0 / tp[0] - math.log(p / tp[1]) / slope)


def _sublimation(tp: P, slope: float, t_lo: float, p_lo: float) -> list[P]:
    """Steeper than the boiling curve at the triple point (the enthalpy of sublimation is larger)."""
    t0, p0 = tp
    out = []
    for t in np.linspace(tp[0], t_lo, 80):
        p = p0 * math.exp(-slope * (1.0 / t - 1.0 / t0))
        out.append((float(t), p))
        if p < p_lo:
            break
    return out[::-1]


def _mix(a: float, b: float, f: float, log: bool) -> float:
    return math.exp(math.log(a) + f * (math.log(b) - math.log(a))) if log else a + f * (b - a)


def _check_linear(n: PhaseDiagram, tp: P, cp: P, atm: bool, p_hi: float) -> None:
    """A linear pressure axis squeezes low pressures onto its foot: refuse what it cannot show apart."""
    if cp[1] / tp[1] > MAX_LINEAR_RATIO:
        raise LayoutError("E9764", f"a linear pressure axis cannot show {math.log10(cp[1] / tp[1]):.2g} decades of "
                          "pressure: the curves near the triple point would run together along its foot", n, "scale",
                          f"use scale: log (or auto); linear suits p_c/p_t up to {MAX_LINEAR_RATIO}")
    if atm and abs(tp[1] - ATM) < MIN_LINEAR_GAP * p_hi:
        raise LayoutError("E9764", "on a linear pressure axis the 1 atm line would run almost on the triple point",
                          n, "scale", "use scale: log (or auto)")


def _check_apart(n: PhaseDiagram, panel: Panel, triple: P, sub: P) -> None:
    """The normal sublimation point must lie far enough from the triple point to be marked and named apart."""
    assert panel.axes is not None
    if math.dist(panel.axes.page(triple), panel.axes.page(sub)) < MIN_APART_CM:
        raise LayoutError("E9764", "the normal sublimation point lies too close to the triple point to mark them "
                          "apart (the triple point is barely above 1 atm)", n, "sublimation_point",
                          "leave out sublimation_point: the 1 atm line still shows that the solid sublimes")


def _window(tp: P, cp: P, log: bool, t_atm: float | None) -> tuple[float, float, float, float]:
    """(T lo, p lo, T hi, p hi) in K and Pa: room round the stated points, whole decades on a log axis.

    t_atm: where the sublimation curve crosses 1 atm (a triple point above 1 atm): the window reaches below it.
    """
    span = cp[0] - tp[0]
    t_lo, t_hi = max(tp[0] - 0.6 * span, 0.35 * tp[0]), cp[0] + 0.2 * span
    if t_atm is not None:
        t_lo = min(t_lo, max(t_atm - 0.35 * span, 0.3 * t_atm))  # room for its name on the solid side
    if not log:
        return t_lo, 0.0, t_hi, cp[1] * 1.3
    decades = math.log10(cp[1] / tp[1])
    lo, hi = tp[1] / 10 ** max(0.3 * decades, 0.8), cp[1] * 10 ** max(0.1 * decades, 0.3)
    return t_lo, min(lo, ATM / 20) if t_atm is not None else lo, t_hi, hi  # room for names below 1 atm


def build_phase_diagram(n: PhaseDiagram) -> Panel:
    """Axes T → p with the three curves, the named regions and the marked points."""
    from scidsl.domains.plots.plotting import build_plot

    check_points(n)
    u = Units(n)
    tp, cp = (_kelvin(n.triple_point[0]), n.triple_point[1].si), (_kelvin(n.critical_point[0]), n.critical_point[1].si)
    tb = _kelvin(n.boiling_point) if n.boiling_point is not None else None
    tm = _kelvin(n.melting_point) if n.melting_point is not None else None
    ts = _kelvin(n.sublimation_point) if n.sublimation_point is not None else None
    boil = boiling_curve(tp, cp, tb)
    slope = sublimation_slope(tp, boil, ts)
    t_atm = sublimation_t(tp, slope, ATM) if tp[1] > ATM else None  # the solid sublimes at 1 atm
    atm = "normal_points" in n.show and (tb is not None or tm is not None or t_atm is not None)
    # the 1 atm line gets room apart from the triple point on a log axis
    log = n.scale == "log" or (n.scale == "auto" and (cp[1] / tp[1] > 20 or atm))
    t_lo, p_lo, t_hi, p_hi = _window(tp, cp, log, t_atm)
    if not log:
        _check_linear(n, tp, cp, (t_atm is not None and atm) or (atm and tp[1] < ATM), p_hi)
    name = n.name or "phase"
    ax_lo, ax_hi = (u.t(t_lo), u.p(p_lo)), (u.t(t_hi), u.p(p_hi))
    if log:
        ax_lo, ax_hi = (ax_lo[0], 10 ** math.floor(math.log10(ax_lo[1]))), (ax_hi[0], 10 ** math.ceil(math.log10(ax_hi[1])))
        p_lo, p_hi = u.p_factor * ax_lo[1], u.p_factor * ax_hi[1]
    plot = k.Plot(name=name, xlim=(ax_lo[0], ax_hi[0]), ylim=(ax_lo[1], ax_hi[1]), frame="box", size=n.size,
                  xlabel=f"$T$ ({u.t_unit})", ylabel=f"$p$ ({u.p_unit})", yscale="log" if log else "linear")
    panel = build_plot(plot, [])
    assert panel.axes is not None
    panel.axes.title = n.label
    lean = 0.008 * (t_hi - t_lo)
    melt = [(melting_t(tp, tm, p, lean), float(p)) for p in
            (np.geomspace(tp[1], p_hi, 80) if log else np.linspace(tp[1], p_hi, 80))]
    floor = p_lo if log else min(0.02 * p_hi, ATM / 2) if t_atm is not None else 0.02 * p_hi
    sub = _sublimation(tp, slope, t_lo, floor)
    for owner, pts in (("sublimation", sub), ("melting", melt), ("boiling", _boil_points(boil))):
        panel.curves.append(CurveL(f"{name}.{owner}", [[(u.t(t), u.p(p)) for t, p in pts]], "black", 1.6))
        panel.facts.append((f"{owner}_curve", (name,), None, f"{owner} curve of {name}"))
    _points(panel, n, u, (tp, cp, tb, tm, ts, atm), name)
    if "regions" in n.show:
        _regions(panel, u, (tp, cp, tm, lean), boil, (t_lo, p_lo, t_hi, p_hi), log, name)
    return panel


def _points(panel: Panel, n: PhaseDiagram, u: Units, pts: tuple, name: str) -> None:
    from scidsl.text import measure_text

    tp, cp, tb, tm, ts, atm = pts
    stated = {"triple_point": n.triple_point, "critical_point": n.critical_point}
    marks = [(f"normal_{w}_point", f"normal {w} point", (t, ATM))
             for w, t in (("melting", tm), ("boiling", tb)) if t is not None]
    marks += [("triple_point", "triple point", tp), ("critical_point", "critical point", cp)]
    if ts is not None:  # named after the triple point, which it may lie close to
        _check_apart(n, panel, (u.t(tp[0]), u.p(tp[1])), (u.t(ts), u.p(ATM)))
        marks.append(("normal_sublimation_point", "normal sublimation point", (ts, ATM)))
    one, ax = u.p(ATM), panel.axes
    assert ax is not None
    if atm and ts is None and tp[1] > ATM:  # a line barely under the triple point would crowd its name
        atm = abs(ax.page((ax.window[0], u.p(tp[1])))[1] - ax.page((ax.window[0], one))[1]) >= MIN_APART_CM
    if atm:
        panel.curves.append(CurveL(f"{name}.atm", [[(ax.window[0], one), (ax.window[2], one)]],
                                   "0.45", 0.8, "dashed", None, role="segment"))
        # named just outside the frame at its own level, like a tick: never beside another line
        per_cm = (ax.window[2] - ax.window[0]) / ax.width
        w, h = measure_text("1 atm", 11)[:2]
        # a line on the foot of a linear axis: the name rises to clear the tick labels under the frame
        at = one if ax.ylog else max(one, ax.window[1] + h / 2 * (ax.window[3] - ax.window[1]) / ax.height)
        panel.texts.append(TextL(f"{name}.atm", (ax.window[2] + (w / 2 + 0.15) * per_cm, at), "1 atm", "0.3", 11))
    on_page = [(pred, words, ax.page((u.t(t), u.p(p)))) for pred, words, (t, p) in marks if _shown(n, pred)]
    _check_marks_apart(n, on_page)
    texts = {pred: f"{words} ({', '.join(q.pretty().replace('-', '−') for q in stated[pred])})" if pred in stated
             else f"{words.replace('normal ', '')}\n{format_number(u.t(t))} {u.t_unit}"
             for pred, words, (t, p) in marks}
    # crowded points named with leaders, the longest name first while the page is emptiest
    crowded = sorted((p for p, _, at in on_page if _crowded(at, [a for _, _, a in on_page])),
                     key=lambda p: -len(texts[p]))
    where = {pred: (u.t(t), u.p(p)) for pred, _, (t, p) in marks}
    led = {pred for pred in crowded if _led(panel, f"{name}.{pred}", where[pred], texts[pred])}
    page_at = {pred: at for pred, _, at in on_page}
    for pred in crowded:
        if pred in led:
            continue
        # a stated point with no clear place for its name: the normal point crowding it is refused
        culprit = pred if pred.startswith("normal_") else next(
            (p for p in crowded if p.startswith("normal_") and math.dist(page_at[p], page_at[pred]) < CROWD_CM), None)
        if culprit is not None:
            key = culprit[len("normal_"):]
            raise LayoutError("E9764", f"the {culprit.replace('_', ' ')} lies among other marked points with no clear "
                              "place for " + ("its name" if culprit == pred else f"the {pred.replace('_', ' ')}'s name"),
                              n, key, f"leave out {key}, or show fewer points (show: without normal_points)"
                              + ("" if ax.ylog else ", or use scale: log"))
    for pred, words, (t, p) in marks:
        shown = _shown(n, pred)
        text, at = texts[pred], where[pred]
        if pred in led:
            panel.points.append(PointL(f"{name}.{pred}", at, None))
        elif shown:
            side = {"normal_melting_point": "phase_above", "critical_point": "phase_above",
                    "normal_boiling_point": "phase_right",
                    "normal_sublimation_point": "phase_below"}.get(pred, "phase_below")
            panel.points.append(PointL(f"{name}.{pred}", at, text, side))
        value = u.t(t) if pred.startswith("normal") else [u.t(t), u.p(p)]  # a normal point is at 1 atm
        panel.facts.append((pred, (name,), value, text.replace("\n", " "), not shown))


def _shown(n: PhaseDiagram, pred: str) -> bool:
    """A marked point is shown when `show` names it, a normal point also through normal_points."""
    return pred in n.show or (pred.startswith("normal") and "normal_points" in n.show)


def _check_marks_apart(n: PhaseDiagram, marks: list[tuple[str, str, P]]) -> None:
    """A normal point on the triple point (a triple pressure within a hair of 1 atm) cannot be marked apart."""
    for i, (pred, words, at) in enumerate(marks):
        for other, other_words, there in marks[i + 1:]:
            if math.dist(at, there) < MIN_MARK_CM:
                key = next(k for k in (pred, other) if k.startswith("normal"))[len("normal_"):]
                raise LayoutError("E9764", f"the {words} and the {other_words} lie {math.dist(at, there):.2g} cm "
                                  "apart on the page: too close to mark apart", n, key,
                                  f"leave out {key}: at a triple point this near 1 atm the diagram shows it")


def _crowded(c: P, shown: list[P]) -> bool:
    """Another marked point lies so near on the page that the two labels would fight for one corner
    (argon: its triple point 3.5 K and 0.17 decades from its normal boiling point)."""
    return any(0 < math.dist(c, o) < CROWD_CM for o in shown)


def _led(panel: Panel, owner: str, at: P, text: str) -> bool:
    """Name a crowded point out in the open with a leader to it; False when no clear spot is found."""
    # out of a knot of curves a leader may have to cross two of them
    led = led_spot(panel, text, at) or led_spot(panel, text, at, crossings=2)
    if led is None:
        return False
    spot, end = led
    add_leader(panel, owner, at, end)
    panel.texts.append(TextL(owner, spot, text, "black", 10.5, touch=False))
    return True


def _regions(panel: Panel, u: Units, melt: tuple, boil: list[P], window: tuple, log: bool, name: str) -> None:
    tp, cp, tm, lean = melt
    t_lo, p_lo, t_hi, p_hi = window
    span, floor = cp[0] - tp[0], p_lo if log else 0.02 * p_hi

    def upper(f: float, side: str, across: float = 0.5) -> P:
        p = _mix(tp[1], p_hi, f, log)
        t_melt = melting_t(tp, tm, p, lean)
        right = boil_t(boil, p) if p < cp[1] else cp[0]  # above the critical pressure: left of T_c
        left, right = (t_lo, t_melt) if side == "solid" else (t_melt, right)
        return left + (right - left) * across, p

    def gas(ft: float, fp: float) -> P:
        t = tp[0] + ft * span
        p_curve = min((abs(bt - t), bp) for bt, bp in _boil_points(boil))[1]
        return t + 0.1 * span, _mix(floor, p_curve, fp, log)

    top = (math.log(cp[1]) - math.log(tp[1])) / (math.log(p_hi) - math.log(tp[1])) if log else cp[1] / p_hi
    ups = tuple(top * f for f in (0.85, 0.7, 0.55, 0.4)) + (0.92, 0.97)
    # then, for a thin region, every height and place across it
    more = [(f / 20, a) for f in range(1, 20) for a in (0.5, 0.35, 0.65, 0.8, 0.2)]
    spots = {
        "solid": [upper(f, "solid") for f in ups] + [upper(f, "solid", a) for f, a in more],
        "liquid": [upper(f, "liquid") for f in ups] + [upper(f, "liquid", a) for f, a in more],
        "gas": [gas(ft, fp) for fp in (0.35, 0.2, 0.5) for ft in (0.8, 0.7, 0.6, 0.5)],
    }
    for region, candidates in spots.items():
        name_region(panel, f"{name}.{region}", region, [(u.t(t), u.p(p)) for t, p in candidates])
        panel.facts.append(("phase_region", (name, region), None, f"{region} region of {name}"))
