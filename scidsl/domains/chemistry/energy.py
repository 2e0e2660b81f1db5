"""Reaction energy profiles: check the levels, compute Ea and ΔH, and build a curve through them.

The curve is a piecewise cubic Hermite interpolant whose slope is zero at every stated level. Levels
alternate between minima (reactants, intermediates, products) and maxima (transition states), so this
is exactly the monotone (PCHIP, Fritsch–Carlson) interpolant: it passes through each level and is
monotone between a level and its neighbouring peak, so it never overshoots one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scidsl.diagnostics import Diagnostic, error

TOL = 1e-6


@dataclass
class EnergyEntry:
    """A checked energy profile (``ok`` False when it cannot be drawn)."""

    node: Any
    ok: bool = False


def level_roles(n: int) -> list[str]:
    """Role of each of ``n`` levels: reactants, ts, intermediate, ..., products."""
    return ["reactants"] + ["ts" if i % 2 else "intermediate" for i in range(1, n - 1)] + ["products"]


def level_keys(n: int) -> list[str]:
    """Anchor name of each level: reactants, ts1, i1, ts2, ..., products."""
    keys, ts, inter = [], 0, 0
    for role in level_roles(n):
        ts, inter = ts + (role == "ts"), inter + (role == "intermediate")
        keys.append({"ts": f"ts{ts}", "intermediate": f"i{inter}"}.get(role, role))
    return keys


def _alternation(levels: list[float]) -> int | None:
    """Index of the first transition state not above both neighbours, or None."""
    for i in range(1, len(levels) - 1, 2):
        if not (levels[i] > levels[i - 1] + TOL and levels[i] > levels[i + 1] + TOL):
            return i
    return None


def step_barriers(levels: list[float]) -> list[float]:
    """Activation energy of each elementary step: its transition state over the minimum before it."""
    return [levels[i] - levels[i - 1] for i in range(1, len(levels) - 1, 2)]


def overall_ea(levels: list[float]) -> float:
    """The highest transition state over the reactants."""
    return max(levels[1:-1:2]) - levels[0]


def check_profile(node: Any) -> tuple[EnergyEntry, list[Diagnostic]]:
    """Check counts, alternation, the catalysed path and stated Ea and ΔH."""
    out: list[Diagnostic] = []
    levels = list(node.levels)
    if len(levels) < 3 or len(levels) % 2 == 0:
        out.append(error("E3060", f"energy profile {node.name} has {len(levels)} levels; it needs an odd "
                         "number, at least 3", node.span_of("levels"),
                         "write reactants, transition state, [intermediate, transition state, ...], products"))
        return EnergyEntry(node), out
    _check_path(node, "levels", levels, out)
    if node.catalysed is not None:
        _check_catalysed(node, levels, out)
    if node.names is not None and len(node.names) != len(levels):
        out.append(error("E3064", f"{len(node.names)} names for {len(levels)} levels",
                         node.span_of("names"), "give one name per level (\"\" for none)"))
    if not out:
        _check_stated(node, levels, out)
    return EnergyEntry(node, not out), out


def _check_path(node: Any, key: str, levels: list[float], out: list[Diagnostic]) -> None:
    bad = _alternation(levels)
    if bad is not None:
        out.append(error("E3061", f"transition state {bad // 2 + 1} of {node.name} ({levels[bad]:g}) is not "
                         f"above both neighbouring levels ({levels[bad - 1]:g}, {levels[bad + 1]:g})",
                         node.span_of(key), "a transition state is a maximum between two minima"))


def _check_catalysed(node: Any, levels: list[float], out: list[Diagnostic]) -> None:
    cat = list(node.catalysed)
    if len(cat) < 3 or len(cat) % 2 == 0:
        out.append(error("E3060", f"the catalysed path of {node.name} has {len(cat)} levels; it needs an odd "
                         "number, at least 3", node.span_of("catalysed")))
        return
    if abs(cat[0] - levels[0]) > TOL or abs(cat[-1] - levels[-1]) > TOL:
        out.append(error("E3062", f"the catalysed path runs from {cat[0]:g} to {cat[-1]:g}, the reaction "
                         f"from {levels[0]:g} to {levels[-1]:g}", node.span_of("catalysed"),
                         "a catalyst changes the path, not the reactants or products"))
        return
    _check_path(node, "catalysed", cat, out)
    if not out and overall_ea(cat) >= overall_ea(levels) - TOL:
        out.append(error("E3063", f"the catalysed path's barrier ({overall_ea(cat):g}) is not lower than "
                         f"the uncatalysed one ({overall_ea(levels):g})", node.span_of("catalysed"),
                         "a catalyst lowers the activation energy"))


def _check_stated(node: Any, levels: list[float], out: list[Diagnostic]) -> None:
    ea, dh = overall_ea(levels), levels[-1] - levels[0]
    if node.ea is not None and abs(node.ea - ea) > TOL * max(1.0, abs(ea)):
        out.append(error("E3065", f"the stated Ea {node.ea:g} {node.unit} is not the highest transition "
                         f"state over the reactants ({ea:g} {node.unit})", node.span_of("ea")))
    if node.dh is not None and abs(node.dh - dh) > TOL * max(1.0, abs(dh)):
        out.append(error("E3066", f"the stated ΔH {node.dh:g} {node.unit} is not products − reactants "
                         f"({dh:g} {node.unit})", node.span_of("dh")))


# --- the curve ----------------------------------------------------------------------------------

def hermite_curve(xs: list[float], ys: list[float], per_segment: int = 24) -> list[tuple[float, float]]:
    """Points of the zero-slope cubic Hermite curve through (xs, ys), every knot included exactly."""
    pts = [(xs[0], ys[0])]
    for (x0, y0), (x1, y1) in zip(zip(xs, ys), zip(xs[1:], ys[1:])):
        for k in range(1, per_segment + 1):
            t = k / per_segment
            s = t * t * (3 - 2 * t)  # h00/h01 with zero end slopes: monotone from y0 to y1
            pts.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * s if k < per_segment else y1))
    return pts


@dataclass
class ProfileGeometry:
    """Page geometry of a profile: level points, the curves and the energy scale."""

    xs: list[float]
    ys: list[float]
    curve: list[tuple[float, float]]
    cat_xs: list[float] = field(default_factory=list)
    cat_ys: list[float] = field(default_factory=list)
    cat_curve: list[tuple[float, float]] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0


PLATEAU = 1.0
STEP = 2.2
MAX_RUN = 14.0  # reactants to products, cm
HEIGHT = 6.0


def profile_geometry(levels: list[float], catalysed: list[float] | None = None,
                     height: float = HEIGHT) -> ProfileGeometry:
    """Lay the levels out left to right (plateaus at both ends) and scale energies to ``height`` cm."""
    every = levels + (catalysed or [])
    lo, hi = min(every), max(every)
    span = hi - lo or 1.0

    def y(e: float) -> float:
        return 0.6 + (e - lo) / span * height

    n = len(levels)
    step = min(STEP, MAX_RUN / (n - 1))  # long mechanisms are drawn narrower, text keeps its size
    xs = [PLATEAU + step * i for i in range(n)]
    ys = [y(e) for e in levels]
    geo = ProfileGeometry(xs, ys, _with_plateaus(xs, ys))
    if catalysed:
        m = len(catalysed)
        geo.cat_xs = [xs[0] + (xs[-1] - xs[0]) * i / (m - 1) for i in range(m)]
        geo.cat_ys = [y(e) for e in catalysed]
        geo.cat_curve = hermite_curve(geo.cat_xs, geo.cat_ys)
    geo.width, geo.height = xs[-1] + PLATEAU, height + 0.6
    return geo


def _with_plateaus(xs: list[float], ys: list[float]) -> list[tuple[float, float]]:
    return [(xs[0] - PLATEAU * 0.8, ys[0])] + hermite_curve(xs, ys) + [(xs[-1] + PLATEAU * 0.8, ys[-1])]


def energy_facts(node: Any) -> list:
    """Ea (overall and per step), ΔH, exo/endothermic, rate-determining step, catalysed Ea."""
    from scidsl.pipeline import Fact

    name, unit, levels = node.name or "energy_profile", node.unit, list(node.levels)
    ea, dh = overall_ea(levels), levels[-1] - levels[0]
    steps = step_barriers(levels)
    kind = "exothermic" if dh < 0 else "endothermic" if dh > 0 else "thermoneutral"
    out = [Fact("activation_energy", (name,), f"{ea:g} {unit}", f"Ea of {name} = {ea:g} {unit}"),
           Fact("delta_h", (name,), f"{dh:g} {unit}", f"ΔH of {name} = products − reactants = {dh:g} {unit}"),
           Fact("enthalpy_change", (name,), kind, f"{name} is {kind}"),
           Fact("steps", (name,), len(steps), f"{name} has {len(steps)} elementary step(s)"),
           Fact("intermediates", (name,), len(steps) - 1, f"{name} has {len(steps) - 1} intermediate(s)"),
           Fact("reverse_activation_energy", (name,), f"{ea - dh:g} {unit}",
                f"Ea of the reverse reaction = {ea - dh:g} {unit}")]
    if len(steps) > 1:
        slow = max(range(len(steps)), key=lambda i: steps[i]) + 1
        out += [Fact("step_activation_energy", (name, i + 1), f"{s:g} {unit}", f"step {i + 1}: Ea = {s:g} {unit}")
                for i, s in enumerate(steps)]
        out.append(Fact("rate_determining_step", (name,), slow,
                        f"step {slow} has the largest activation energy: it is rate-determining"))
    if node.catalysed:
        cat = overall_ea(list(node.catalysed))
        out += [Fact("catalysed_activation_energy", (name,), f"{cat:g} {unit}", f"catalysed Ea = {cat:g} {unit}"),
                Fact("catalyst_lowers_ea_by", (name,), f"{ea - cat:g} {unit}",
                     f"the catalyst lowers Ea by {ea - cat:g} {unit} and leaves ΔH unchanged")]
    return out


EA, EA_CAT = "$E_a$", r"$E_{a,\mathrm{cat}}$"


def _value(v: float, unit: str) -> str:
    return f"{v:.4g}".replace("-", "−") + f" {unit}"


def key_texts(node: Any) -> list[tuple[str | None, str]]:
    """The key right of a profile: line samples of the two paths, then the values when asked for."""
    rows: list[tuple[str | None, str]] = []
    if node.catalysed:
        rows += [("solid", "uncatalysed"), ("dashed", "catalysed")]
    if node.values:
        levels = list(node.levels)
        dh = levels[-1] - levels[0]
        rows.append((None, f"{EA} = {_value(overall_ea(levels), node.unit)}"))
        if node.catalysed:
            rows.append((None, f"{EA_CAT} = {_value(overall_ea(list(node.catalysed)), node.unit)}"))
        rows.append((None, r"$\Delta H$ = " + ("+" if dh > 0 else "") + _value(dh, node.unit)))
    return rows
