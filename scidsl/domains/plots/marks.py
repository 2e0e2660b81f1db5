"""Marked points of function graphs: roots, extrema, intersections, the point at x, tangents.

Each point is computed numerically, shown with its coordinates (in closed form when proven) and kept
as a fact for quizzes and the after-render check that it sits on its curve.
"""

from __future__ import annotations

import math
from typing import Any, Optional

import numpy as np

from scidsl.answers import display, drawn, hides
from scidsl.domains.plots import kinds as k
from scidsl.domains.plots import numeric
from scidsl.domains.plots.layout import Axes, CurveL, LayoutError, Panel, PointL, format_point, line_text
from scidsl.domains.plots.plotting import FnSpec, _domain, add_point, panel_warn
from scidsl.domains.plots.ticks import format_number

P = tuple[float, float]
MAX_LABELLED = 4


def add_special(
    panel: Panel, spec: FnSpec, what: str, other: Optional[FnSpec], mark: Optional[k.Mark], node: Any
) -> None:
    """Compute and add roots, extrema, intersections or the point at x of a function."""
    axes = panel.axes
    assert axes is not None
    a, b = _domain(spec, (axes.window[0], axes.window[2]))
    f = spec.f()
    kind, xs = _special_xs(spec, f, a, b, what, other, mark, axes)
    if not xs:
        wanted = f"intersection with {other.name}" if other is not None else what.replace("_", "-")
        if mark is not None and mark.x is not None and other is None:
            wanted = f"point at x = {format_number(mark.x)}"
        panel_warn(
            panel,
            LayoutError(
                "W6001",
                f"{spec.name} has no {wanted} on [{format_number(a)}, {format_number(b)}]"
                + ("" if numeric.defined_throughout(f, a, b) else " where it is defined and continuous"),
                node,
                "at" if mark is not None else "mark",
                "check the interval or the expression",
            ),
        )
        return
    for i, x in enumerate(xs):
        y = numeric.snap(numeric.scalar(f, x))
        if not math.isfinite(y):
            continue
        owner = (
            mark.name
            if mark is not None and mark.name and len(xs) == 1
            else f"{mark.name if mark is not None and mark.name else spec.name}.{kind}{i + 1}"
        )
        coords, plain = _coordinates(kind, (x, y), spec, other, mark)
        text = _mark_text(mark, coords, len(xs)) if not hides(node) else display(node, "")
        of = (spec.name,) + ((other.name,) if other is not None else ())
        if drawn(node):
            add_point(panel, PointL(owner, (x, y), text, kind, of, bool(mark and mark.drop)), node)
        panel.facts.append(
            ("marked_point", (owner, kind, *of), (x, y), f"{kind} of {' and '.join(of)} at {plain}", hides(node))
        )
        if mark is not None and mark.tangent:
            _add_tangent(panel, spec, owner, (x, y))


def _special_xs(
    spec: FnSpec,
    f: numeric.Fn,
    a: float,
    b: float,
    what: str,
    other: Optional[FnSpec],
    mark: Optional[k.Mark],
    axes: Axes,
) -> tuple[str, list[float]]:
    if other is not None:
        g = other.f()
        window = (axes.window[0], axes.window[2])
        lo, hi = max(a, _domain(other, window)[0]), min(b, _domain(other, window)[1])
        if hi <= lo or _same_curve(f, g, lo, hi):
            return "intersection", []
        return "intersection", numeric.roots(lambda x: f(x) - g(x), lo, hi)
    if mark is not None and mark.x is not None:
        return "point", [mark.x] if a - 1e-12 <= mark.x <= b + 1e-12 else []
    if what == "roots":
        return "root", numeric.roots(f, a, b)
    if what in ("minimum", "maximum"):
        return what, numeric.extrema(f, a, b, what)
    if what == "extrema":
        xs = sorted(numeric.extrema(f, a, b, "minimum") + numeric.extrema(f, a, b, "maximum"))
        return "extremum", xs
    return "y_intercept", [0.0] if a <= 0 <= b else []


def slope_at(spec: FnSpec, x: float) -> float:
    """The derivative of the function at x (symbolic derivative, evaluated numerically)."""
    import sympy as sp

    from scidsl.expr import to_sympy

    t = sp.Symbol("x", real=True)
    value = sp.diff(to_sympy(spec.expr.tree, {"x": t}), t).subs(t, sp.Float(x, 30)).evalf(20)
    return float(value) if value.is_real else math.nan


def _add_tangent(panel: Panel, spec: FnSpec, owner: str, p: P) -> None:
    axes = panel.axes
    assert axes is not None
    m = slope_at(spec, p[0])
    if not math.isfinite(m):
        return
    b = p[1] - m * p[0]
    half = 0.3 * (axes.window[2] - axes.window[0])
    line = lambda x: m * np.asarray(x, dtype=float) + b
    pieces, _ = numeric.sample(
        line, max(axes.window[0], p[0] - half), min(axes.window[2], p[0] + half), axes.window, 3
    )
    text = line_text(m, b)
    panel.curves.append(
        CurveL(
            f"{owner}.tangent",
            pieces,
            "0.25",
            1.0,
            None,
            "$" + text.replace("−", "-") + "$",
            text,
            role="tangent",
        )
    )
    panel.facts.append(
        (
            "tangent",
            (owner, spec.name),
            numeric.snap(m, 1e-9),
            f"tangent to {spec.name} at {format_point(p)}: {text} (slope {format_number(m)})",
        )
    )


def _same_curve(f: numeric.Fn, g: numeric.Fn, lo: float, hi: float) -> bool:
    xs = np.linspace(lo, hi, 101)
    diff = numeric.values(f, xs) - numeric.values(g, xs)
    return bool(np.all(np.isfinite(diff)) and np.all(np.abs(diff) < 1e-12))


def _coordinates(
    kind: str, p: P, spec: FnSpec, other: Optional[FnSpec], mark: Optional[k.Mark]
) -> tuple[str, str]:
    """The coordinate text for the label (exact when proven, e.g. (√3, 0)) and for the facts."""
    from scidsl.domains.plots.exact import exact_point, latex_point, needs_exact, plain_point

    decimal = format_point(p)
    if (mark is not None and not mark.exact) or not needs_exact(p):
        return decimal, decimal
    found = exact_point(
        kind,
        p[0],
        spec.expr,
        other.expr if other is not None else None,
        given_x=mark is not None and mark.x is not None,
    )
    if found is None:
        return decimal, decimal
    exact_floats = (float(found[0]), float(found[1]))
    if not needs_exact(exact_floats):  # a solver's 0.99999999 is the exact 1
        return format_point(exact_floats), format_point(exact_floats)
    return latex_point(found), f"{plain_point(found)} ≈ {decimal}"


def _mark_text(mark: Optional[k.Mark], coords: str, count: int) -> Optional[str]:
    if mark is not None and mark.label is not None:
        return mark.label
    if count > MAX_LABELLED:
        return None  # many points of one request: dots only (their coordinates stay in the facts)
    name = mark.name if mark is not None and mark.name and count == 1 else ""
    if mark is not None and not mark.coords:
        return name or None
    return f"{name}{coords}"


def add_mark(panel: Panel, n: k.Mark, fns: list[FnSpec]) -> None:
    """The points a `mark` statement asks for."""
    by_name = {s.name: s for s in fns}
    spec = by_name.get(n.of)
    if spec is None:
        raise LayoutError(
            "E6006",
            f"'{n.of}' is not a function of this plot",
            n,
            "of",
            f"functions here: {', '.join(sorted(by_name)) or 'none'}",
        )
    other = None
    if n.with_ is not None:
        other = by_name.get(n.with_)
        if other is None:
            raise LayoutError(
                "E6006",
                f"'{n.with_}' is not a function of this plot",
                n,
                "with",
                f"functions here: {', '.join(sorted(by_name)) or 'none'}",
            )
    elif n.at is None and n.x is None:
        raise LayoutError(
            "E6014",
            f"mark{' ' + n.name if n.name else ''} needs `at`, `x` or `with`",
            n,
            None,
            "mark M of f { at: minimum }, mark A of f { x: 2 } or mark X of f with g",
        )
    add_special(panel, spec, n.at or "point", other, n, n)
