"""Thermodynamic processes on p–V plots: paths computed from the end states, checked for consistency."""

from __future__ import annotations

import math
import re

import numpy as np

from scidsl.domains.plots import kinds as k
from scidsl.domains.plots.layout import CurveL, LayoutError, Panel, axis_symbol, format_point
from scidsl.domains.plots.ticks import format_number

P = tuple[float, float]
_REL_TOL = 0.02


def process_path(a: P, b: P, path: str, gamma: float, n: int = 120) -> list[P]:
    """Points from state a to state b along the path (V on x, p on y)."""
    vs = np.linspace(a[0], b[0], n)
    if path == "isothermal":
        return [(float(v), float(a[0] * a[1] / v)) for v in vs]
    if path == "adiabatic":
        c = a[1] * a[0] ** gamma
        return [(float(v), float(c / v**gamma)) for v in vs]
    return [a, b]


def mismatch(a: P, b: P, path: str, gamma: float) -> str | None:
    """Why b does not follow from a along the path, or None."""

    def close(u: float, v: float) -> bool:
        return abs(u - v) <= _REL_TOL * max(abs(u), abs(v), 1e-300)

    if path == "isobaric" and not close(a[1], b[1]):
        return f"an isobaric process keeps p; the states have p = {format_number(a[1])} and {format_number(b[1])}"
    if path == "isochoric" and not close(a[0], b[0]):
        return f"an isochoric process keeps V; the states have V = {format_number(a[0])} and {format_number(b[0])}"
    if path in ("isothermal", "adiabatic") and (a[0] <= 0 or b[0] <= 0 or a[1] <= 0 or b[1] <= 0):
        return "isotherms and adiabats need positive p and V"
    if path == "isothermal" and not close(a[0] * a[1], b[0] * b[1]):
        want = a[0] * a[1] / b[0]
        return (
            f"an isotherm keeps pV = {format_number(a[0] * a[1])}; at V = {format_number(b[0])} the pressure "
            f"would be {format_number(want)}, not {format_number(b[1])}"
        )
    if path == "adiabatic" and not close(a[1] * a[0] ** gamma, b[1] * b[0] ** gamma):
        want = a[1] * (a[0] / b[0]) ** gamma
        return (
            f"an adiabat keeps pV^{format_number(gamma)} constant; at V = {format_number(b[0])} the pressure "
            f"would be {format_number(want)}, not {format_number(b[1])}"
        )
    return None


def add_process(panel: Panel, n: k.Process, points: dict[str, k.DataPoint]) -> None:
    """The path of a process with its direction arrow, after checking its end states."""
    ends = []
    for key, ref in (("from", n.from_), ("to", n.to)):
        if ref not in points:
            raise LayoutError(
                "E6006",
                f"'{ref}' is not a datapoint of this plot",
                n,
                key,
                f"states here: {', '.join(sorted(points)) or 'none'}",
            )
        ends.append(tuple(float(c) for c in points[ref].at))
    a, b = ends[0], ends[1]
    why = mismatch(a, b, n.path, n.gamma)
    if why:
        raise LayoutError(
            "E6010",
            f"{n.from_} → {n.to}: {why}",
            n,
            "path",
            "correct the states, or use path: line for a straight process",
        )
    owner = n.name or f"{n.from_}{n.to}"
    pts = process_path(a, b, n.path, n.gamma)
    if not all(math.isfinite(c) for p in pts for c in p):
        raise LayoutError("E6010", f"{n.from_} → {n.to}: the path is not finite", n, "path")
    label = n.label
    name = process_name(a, b, n.path)
    if name and "process_names" in getattr(panel.node, "show", ()):
        label = f"{name} ({n.label})" if n.label else name
        panel.facts.append(("process_name", (owner, n.from_, n.to), name, f"{n.from_} → {n.to} is {name}"))
    panel.curves.append(
        CurveL(owner, [pts], n.color, 1.5, None, label, None, arrow_mid=True, role="process")
    )
    panel.facts.append(
        (
            "process",
            (owner, n.from_, n.to),
            n.path,
            f"{n.path} process {n.from_} {format_point(a)} → {n.to} {format_point(b)}",
        )
    )


def process_name(a: P, b: P, path: str) -> str | None:
    """The textbook name of a process, read from its end states (and its path for curved ones)."""
    if path in ("isothermal", "adiabatic"):
        return path
    close = lambda u, v: abs(u - v) <= _REL_TOL * max(abs(u), abs(v), 1e-300)  # noqa: E731
    if close(a[0], b[0]):
        return "isochoric"
    if close(a[1], b[1]):
        return "isobaric"
    return None


_UNIT = re.compile(r"\(([^()]*)\)\s*$")


def _axis_part(label: str, value: float, fallback: str) -> str:
    """`500 kPa` from an axis labelled "$p$ (kPa)", or `p = 500` when the axis names no unit."""
    unit = _UNIT.search(label or "")
    if unit and unit.group(1).strip():
        return f"{format_number(value)} {unit.group(1).strip()}"
    return f"{axis_symbol(label) and '$' + axis_symbol(label) + '$' or fallback} = {format_number(value)}"


def state_text(plot: k.Plot, n: k.DataPoint, name: str | None) -> str:
    """A state's label with its coordinates in the problem's order: `a: 500 kPa, 4 L, 300 K`."""
    parts = [_axis_part(plot.ylabel, n.at[1], "$p$"), _axis_part(plot.xlabel, n.at[0], "$V$")]
    if n.temperature is not None:
        parts.append(n.temperature.pretty())
    return (f"{name}: " if name else "") + ", ".join(parts)


def add_state(panel: Panel, n: k.DataPoint, name: str | None) -> str:
    """The state's label text and its fact (p, V, T as drawn)."""
    plot = panel.node
    text = state_text(plot, n, name)
    value = [float(n.at[1]), float(n.at[0])] + ([kelvin(n.temperature)] if n.temperature is not None else [])
    panel.facts.append(("state", (n.name,), value, f"state {text}"))
    return text


def kelvin(q: object) -> float:
    """A temperature in kelvin (°C shifted)."""
    return q.si + 273.15 if getattr(q, "unit", "") == "degC" else q.si  # type: ignore[attr-defined]


def check_temperatures(states: list[k.DataPoint]) -> None:
    """A fixed amount of ideal gas keeps pV/T: every state with a temperature must agree with the first."""
    known = [s for s in states if s.temperature is not None and kelvin(s.temperature) > 0]
    for s in known[1:]:
        first = known[0]
        ratio0 = first.at[0] * first.at[1] / kelvin(first.temperature)
        ratio = s.at[0] * s.at[1] / kelvin(s.temperature)
        if abs(ratio - ratio0) > _REL_TOL * max(abs(ratio), abs(ratio0)):
            want = s.at[0] * s.at[1] / ratio0
            raise LayoutError(
                "E9750",
                f"state {s.name}: pV/T = {format_number(ratio)} differs from {format_number(ratio0)} at "
                f"{first.name}; a fixed amount of gas would be at {format_number(want)} K",
                s,
                "temperature",
                "correct the temperature or the state's p and V",
            )


def grid_facts(panel: Panel, plot: k.Plot) -> None:
    """Grid lines at the ticks (`grid`, or `show: [grid]`) and between them (`show: [minor_grid]`), as a fact."""
    axes = panel.axes
    assert axes is not None
    axes.grid = plot.grid or bool({"grid", "minor_grid"} & set(plot.show))
    axes.minor = "minor_grid" in plot.show
    if axes.grid:
        both = "major and minor" if axes.minor else "major"
        panel.facts.append(("grid", (axes.name,), "minor" if axes.minor else "major", f"{both} grid lines on {axes.name}"))


def annotate(panel: Panel, plot: k.Plot, states: list[k.DataPoint]) -> None:
    """The plot's `show` switches that act on the whole plot: grid lines; the p–V states' temperatures checked."""
    check_temperatures(states)
    grid_facts(panel, plot)
