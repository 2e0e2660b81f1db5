"""Thermodynamic processes on p–V plots: paths computed from the end states, checked for consistency."""

from __future__ import annotations

import math

import numpy as np

from scidsl.domains.plots import kinds as k
from scidsl.domains.plots.layout import CurveL, LayoutError, Panel, format_point
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
    panel.curves.append(
        CurveL(owner, [pts], n.color, 1.5, None, n.label, None, arrow_mid=True, role="process")
    )
    panel.facts.append(
        (
            "process",
            (owner, n.from_, n.to),
            n.path,
            f"{n.path} process {n.from_} {format_point(a)} → {n.to} {format_point(b)}",
        )
    )
