"""Build one plot panel: fit the window, sample the curves, compute the marked points and regions."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np

from scidsl import syntax
from scidsl.domains.plots import kinds as k
from scidsl.domains.plots import numeric
from scidsl.domains.plots.axes import extent, make_axes, padded, padded_log, robust_extent
from scidsl.domains.plots.layout import (
    ArcL,
    CurveL,
    LayoutError,
    Panel,
    PointL,
    TextL,
    fn_of,
    format_point,
)
from scidsl.domains.plots.ticks import format_number
from scidsl.domains.plots.curves2d import CONICS, add_conic, add_implicit, conic_extent

P = tuple[float, float]
LABEL_ROOM_CM = 0.7
_DASH = {"solid": None, "dashed": "dashed", "dotted": "dotted", "dashdot": "dashdot"}


@dataclass
class FnSpec:
    """A function graph: from a `function` statement or a plot's own `y`."""

    name: str
    node: Any
    expr: k.Expr
    interval: Optional[P]
    color: str
    width: float
    dash: Optional[str]
    label: Optional[str]
    marks: list[str]
    asymptotes: bool = False
    ends: Optional[tuple[str, str]] = None

    def f(self) -> numeric.Fn:
        """The vectorised function."""
        return fn_of(self.expr)


def function_specs(plot: k.Plot, members: list[Any]) -> list[FnSpec]:
    """The plot's own function (when it has `y`) and every `function` on it."""
    out = []
    if plot.y is not None:
        out.append(
            FnSpec(
                plot.name or "plot", plot, plot.y, plot.x, plot.color, 1.5, None, plot.label, list(plot.mark)
            )
        )
    for n in members:
        if isinstance(n, k.Function):
            out.append(
                FnSpec(
                    n.name or "",
                    n,
                    n.y,
                    n.x,
                    n.color,
                    n.width,
                    _DASH[n.dash],
                    n.label,
                    list(n.mark),
                    n.asymptotes,
                    n.ends,
                )
            )
    return out


def build_plot(plot: k.Plot, members: list[Any]) -> Panel:
    """Lay out one plot with everything that sits on it."""
    fns = function_specs(plot, members)
    points = {n.name: n for n in members if isinstance(n, k.DataPoint) and n.name}
    for spec in fns:
        _check_interval(spec.interval, spec.node, "x")
    xr = _x_range(plot, fns, members)
    yr = _y_range(plot, fns, members, xr)
    frame = plot.frame
    logs = (plot.xscale == "log", plot.yscale == "log")
    axes = make_axes(
        plot, plot.name or "plot", (xr[0], yr[0], xr[1], yr[1]), tuple(plot.size), frame, plot.equal, logs
    )
    axes.xlabel, axes.ylabel = plot.xlabel, plot.ylabel
    panel = Panel(plot, axes)
    from scidsl.domains.plots.thermo import annotate

    annotate(panel, plot, list(points.values()))
    for spec in fns:
        _add_function(panel, spec)
    for n in members:
        _add_member(panel, n, fns, points)
    return panel


def _check_interval(r: Optional[P], node: Any, key: str) -> None:
    if r is not None and not r[1] > r[0]:
        raise LayoutError(
            "E6003",
            f"the interval [{format_number(r[0])}, {format_number(r[1])}] is empty",
            node,
            key,
            "write [from, to] with from < to",
        )


def _x_range(plot: k.Plot, fns: list[FnSpec], members: list[Any]) -> P:
    if plot.xlim is not None:
        _check_interval(plot.xlim, plot, "xlim")
        return plot.xlim
    if plot.x is not None and plot.y is None:  # a plot without its own function: x is the window
        _check_interval(plot.x, plot, "x")
        return plot.x
    xs: list[float] = []
    for spec in fns:
        if spec.interval is not None:
            xs.extend(spec.interval)
    for n in members:
        xs.extend(_member_xs(n))
    if plot.xscale == "log":
        r = extent([v for v in xs if v > 0])
        return padded_log(*r) if r is not None else (0.1, 100.0)
    r = extent(xs)
    if r is None:
        return (-5.0, 5.0)
    if any(spec.interval is not None for spec in fns) and r[1] > r[0]:
        return padded(r[0], r[1], 0.0 if all(s.interval for s in fns) else 0.06)
    return padded(r[0], r[1])


def _member_xs(n: Any) -> list[float]:
    if isinstance(n, (k.DataPoint, k.Note)):
        return [n.at[0]]
    if isinstance(n, k.Series):
        return [p[0] for p in n.points]
    if isinstance(n, k.Parametric):
        return list(_parametric_xy(n)[0])
    if isinstance(n, k.Shade) and n.x is not None:
        return list(n.x)
    if isinstance(n, k.Asymptote) and n.x is not None:
        return [n.x]
    if isinstance(n, CONICS):
        return conic_extent(n)[0]
    return []


def _member_ys(n: Any) -> list[float]:
    if isinstance(n, (k.DataPoint, k.Note)):
        return [n.at[1]]
    if isinstance(n, k.Series):
        return [p[1] for p in n.points]
    if isinstance(n, k.Parametric):
        return list(_parametric_xy(n)[1])
    if isinstance(n, CONICS):
        return conic_extent(n)[1]
    return []


def _y_range(plot: k.Plot, fns: list[FnSpec], members: list[Any], xr: P) -> P:
    if plot.ylim is not None:
        _check_interval(plot.ylim, plot, "ylim")
        return plot.ylim
    ys: list[float] = []
    log = plot.yscale == "log"
    for spec in fns:
        a, b = _domain(spec, xr)
        vals = numeric.values(spec.f(), numeric.grid(a, b, numeric.SAMPLES, plot.xscale == "log"))
        r = robust_extent(vals[vals > 0] if log else vals)
        if r is None:
            raise LayoutError(
                "E6005",
                f"{spec.name}: y = {spec.expr.text} has no finite value on "
                f"[{format_number(a)}, {format_number(b)}]",
                spec.node,
                "y",
                "check the expression and the x interval (ln and sqrt need positive arguments)",
            )
        ys.extend(r)
    for n in members:
        ys.extend(_member_ys(n))
    if log:
        r = extent([v for v in ys if v > 0])
        return padded_log(*r) if r is not None else (0.1, 100.0)
    r = extent(ys)
    if r is None:
        return (-5.0, 5.0)
    if _has_point_labels(fns, members):
        # room above the highest and below the lowest point for a coordinate label inside the window
        return padded(r[0], r[1], max(0.06, LABEL_ROOM_CM / max(plot.size[1], 1.0)))
    return padded(r[0], r[1])


def _has_point_labels(fns: list[FnSpec], members: list[Any]) -> bool:
    """True when the plot marks computed points (which are labelled with their coordinates)."""
    return any(spec.marks for spec in fns) or any(isinstance(n, k.Mark) for n in members)


def _domain(spec: FnSpec, xr: P) -> P:
    if spec.interval is None:
        return xr
    return max(spec.interval[0], xr[0]), min(spec.interval[1], xr[1])


def _no_point_message(spec: FnSpec, f: Any, a: float, b: float, log_x: bool) -> tuple[str, str]:
    """Why a function draws nothing: no finite value at all (overflow, outside its domain) or none in view."""
    probe = numeric.values(f, numeric.grid(a, b, 64, log_x))
    lost = sum(not math.isfinite(float(v)) for v in probe) / max(len(probe), 1)
    if lost >= 0.25:
        return (f"{spec.name}: y = {spec.expr.text} has no finite value over {lost:.0%} of x in "
                f"[{a:.4g}, {b:.4g}] (past the float range, about 1e308, or outside its domain)",
                "narrow xlim (or the x interval) to where the function has values")
    return (f"{spec.name}: y = {spec.expr.text} has no point inside the window",
            "widen ylim/xlim or check the x interval")


def _add_function(panel: Panel, spec: FnSpec) -> None:
    axes = panel.axes
    assert axes is not None
    a, b = _domain(spec, (axes.window[0], axes.window[2]))
    f = spec.f()
    pieces, breaks = numeric.sample(f, a, b, axes.window, log_x=axes.xlog)
    if not pieces:
        message, hint = _no_point_message(spec, f, a, b, axes.xlog)
        raise LayoutError("E6005", message, spec.node, "y", hint)
    arrow = getattr(spec.node, "arrow", "none")
    panel.curves.append(
        CurveL(spec.name, pieces, spec.color, spec.width, spec.dash, spec.label, spec.expr.text,
               arrow_mid=arrow == "middle", arrow=None if arrow in ("none", "middle") else arrow)
    )
    panel.facts.append(
        (
            "curve",
            (spec.name,),
            spec.expr.text,
            f"{spec.name}: y = {spec.expr.text} for {format_number(a)} ≤ x ≤ {format_number(b)}",
        )
    )
    if spec.asymptotes:
        height = axes.window[3] - axes.window[1]
        for x in numeric.poles(f, breaks, height):
            _add_vertical(
                panel, f"{spec.name}.asymptote{len(panel.curves)}", x, f"$x = {format_number(x).strip('$')}$"
            )
    for what in spec.marks:
        from scidsl.domains.plots.marks import add_special

        add_special(panel, spec, what, None, None, spec.node)
    if spec.ends is not None:
        _add_ends(panel, spec, f, (a, b))


def _add_ends(panel: Panel, spec: FnSpec, f: numeric.Fn, interval: P) -> None:
    """Filled (closed) or hollow (open) dots at the ends of a piece of a piecewise graph."""
    assert spec.ends is not None
    for side, (x, end) in enumerate(zip(interval, spec.ends)):
        y = numeric.scalar(f, x)
        if not math.isfinite(y):
            # an open end may sit where f is undefined (x ln x at 0): use the limit from inside
            y = numeric.scalar(f, x + (1e-9 if side == 0 else -1e-9) * max(1.0, abs(x)))
        if not math.isfinite(y):
            continue
        p = (x, numeric.snap(y, 1e-8))
        owner = f"{spec.name}.{'start' if side == 0 else 'end'}"
        add_point(
            panel,
            PointL(owner, p, None, "end", (spec.name,), hollow=end == "open", color=spec.color),
            spec.node,
        )
        panel.facts.append(
            ("end_point", (spec.name, end), p, f"{end} end of {spec.name} at {format_point(p)}")
        )


def _add_vertical(panel: Panel, owner: str, x: float, text: Optional[str]) -> None:
    axes = panel.axes
    assert axes is not None
    _, ymin, _, ymax = axes.window
    panel.curves.append(
        CurveL(owner, [[(x, ymin), (x, ymax)]], "0.35", 0.9, "dashed", text, None, role="asymptote")
    )
    panel.facts.append(
        ("asymptote", (owner,), f"x = {format_number(x)}", f"vertical asymptote x = {format_number(x)}")
    )


def panel_warn(panel: Panel, warning: LayoutError) -> None:
    """Keep a warning for the domain to report."""
    panel.facts.append(("__warning__", (), warning, ""))


def add_point(panel: Panel, point: PointL, node: Any) -> None:
    """A point inside the window, or a warning that it is not drawn."""
    assert panel.axes is not None
    if not panel.axes.inside(point.at):
        panel_warn(
            panel,
            LayoutError(
                "W6002",
                f"the point {format_point(point.at)} lies outside the plot window and is not drawn",
                node,
                None,
                "widen xlim / ylim",
            ),
        )
        return
    ax = panel.axes
    tol = 1e-9 * max(ax.window[2] - ax.window[0], ax.window[3] - ax.window[1])
    for other in panel.points:
        if math.dist(other.at, point.at) <= tol and point.kind != "data":
            # the same point found twice (a root of both curves and their intersection): one dot, one label
            if other.text is None:
                other.text = point.text
            return
    panel.points.append(point)


def _add_member(panel: Panel, n: Any, fns: list[FnSpec], points: dict[str, k.DataPoint]) -> None:  # noqa: C901
    if isinstance(n, k.Mark):
        from scidsl.domains.plots.marks import add_mark

        add_mark(panel, n, fns)
    elif isinstance(n, k.DataPoint):
        text = n.label if n.label is not None else (n.name or None)
        if "states" in getattr(panel.node, "show", ()):
            from scidsl.domains.plots.thermo import add_state

            text = add_state(panel, n, text)
        elif n.coords:
            text = f"{text or ''}{format_point(n.at)}"
        add_point(
            panel,
            PointL(
                n.name or f"point{len(panel.points) + 1}", n.at, text, "point", (), n.drop, n.hollow, n.color
            ),
            n,
        )
        panel.facts.append(
            ("data_point", (n.name,), tuple(n.at), f"{n.name or 'point'} at {format_point(n.at)}")
        )
        if n.isotherm:
            _add_isotherm(panel, n)
    elif isinstance(n, k.DataSegment):
        a, b = data_position(n.from_, points, n, "from"), data_position(n.to, points, n, "to")
        panel.curves.append(
            CurveL(
                n.name or f"segment{len(panel.curves)}",
                [[a, b]],
                n.color,
                n.width,
                _DASH[n.dash],
                n.label,
                None,
                arrow=None if n.arrow == "none" else n.arrow,
                role="segment",
            )
        )
        panel.facts.append(
            ("segment", (n.name,), (a, b), f"segment from {format_point(a)} to {format_point(b)}")
        )
    elif isinstance(n, k.Parametric):
        _add_parametric(panel, n)
    elif isinstance(n, (CONICS, k.Implicit)):
        try:  # each conic's own problem, so that every one is reported
            (add_implicit if isinstance(n, k.Implicit) else add_conic)(panel, n)
        except LayoutError as exc:
            panel_warn(panel, exc)
    elif isinstance(n, k.Shade):
        _add_shade(panel, n, fns)
    elif isinstance(n, k.Asymptote):
        _add_asymptote(panel, n)
    elif isinstance(n, k.Series):
        from scidsl.domains.plots.series import add_series

        add_series(panel, n)
    elif isinstance(n, k.Note):
        panel.texts.append(TextL(n.name or f"note{len(panel.texts)}", n.at, n.text, n.color, n.size))
        panel.facts.append(("note", (n.text,), tuple(n.at), f"“{n.text}” at {format_point(n.at)}"))
    elif isinstance(n, k.AngleArc):
        v, s, e = (
            data_position(getattr(n, key), points, n, alias)
            for key, alias in (("at", "at"), ("from_", "from"), ("to", "to"))
        )
        panel.arcs.append(ArcL(n.name or f"angle{len(panel.arcs)}", v, s, e, n.radius, n.label))
        panel.facts.append(
            ("angle_mark", (n.name, n.label), (v, s, e), f"angle {n.label or ''} at {format_point(v)}")
        )
    elif isinstance(n, k.Process):
        from scidsl.domains.plots.thermo import add_process

        add_process(panel, n, points)


def _add_isotherm(panel: Panel, n: k.DataPoint) -> None:
    """The dashed isotherm pV = const through a state, across the window."""
    assert panel.axes is not None
    c = n.at[0] * n.at[1]
    if n.at[0] <= 0 or n.at[1] <= 0:
        raise LayoutError("E6010", "an isotherm needs a state with positive p and V", n, "isotherm")
    xmin, _, xmax, _ = panel.axes.window
    lo = max(xmin, 1e-9 * (xmax - xmin))
    pieces, _ = numeric.sample(lambda v: c / np.asarray(v, dtype=float), lo, xmax, panel.axes.window, 400)
    owner = f"{n.name or 'state'}.isotherm"
    panel.curves.append(
        CurveL(owner, pieces, "0.45", 0.8, "dashed", None, f"{format_number(c)}/x", role="isotherm")
    )
    panel.facts.append(("isotherm", (n.name,), c, f"isotherm through {n.name}: pV = {format_number(c)}"))


def data_position(expr: k.Expr, points: dict[str, k.DataPoint], node: Any, key: str) -> P:
    """A data position: (x, y) or a datapoint name."""
    from scidsl.expr import ExprError, evaluate_constant

    tree = expr.tree
    if isinstance(tree, syntax.Ref):
        if tree.dotted in points:
            return tuple(points[tree.dotted].at)  # type: ignore[return-value]
        from scidsl.diagnostics import did_you_mean

        raise LayoutError(
            "E6011",
            f"'{tree.dotted}' is not a datapoint of this plot",
            node,
            key,
            did_you_mean(tree.dotted, sorted(points)) or "write (x, y) or the name of a datapoint",
        )
    if isinstance(tree, syntax.Point) and len(tree.items) == 2:
        try:
            return (evaluate_constant(tree.items[0]), evaluate_constant(tree.items[1]))
        except ExprError as exc:
            raise LayoutError("E6011", f"a coordinate is not a number: {exc}", node, key) from None
    raise LayoutError(
        "E6011", f"'{expr.text}' is not a data position", node, key, "write (x, y) or a datapoint name"
    )


def _parametric_xy(n: k.Parametric) -> tuple[np.ndarray, np.ndarray]:
    ts = np.linspace(n.t[0], n.t[1], numeric.SAMPLES)
    xs = numeric.values(fn_of(n.x, "t"), ts)
    ys = numeric.values(fn_of(n.y, "t"), ts)
    return xs, ys


def _add_parametric(panel: Panel, n: k.Parametric) -> None:
    _check_interval(n.t, n, "t")
    xs, ys = _parametric_xy(n)
    pieces: list[list[P]] = [[]]
    for x, y in zip(xs, ys):
        if (
            math.isfinite(x)
            and math.isfinite(y)
            and panel.axes is not None
            and panel.axes.inside((x, y), 1e-6)
        ):
            pieces[-1].append((float(x), float(y)))
        elif pieces[-1]:
            pieces.append([])
    pieces = [p for p in pieces if len(p) >= 2]
    if not pieces:
        raise LayoutError(
            "E6005",
            f"{n.name or 'the curve'} has no point inside the window",
            n,
            None,
            "check x, y and the t interval",
        )
    panel.curves.append(
        CurveL(
            n.name or f"curve{len(panel.curves)}",
            pieces,
            n.color,
            n.width,
            _DASH[n.dash],
            n.label,
            f"({n.x.text}, {n.y.text})",
            arrow_mid=n.arrow == "middle",
            arrow=None if n.arrow in ("none", "middle") else n.arrow,
        )
    )
    panel.facts.append(
        (
            "parametric_curve",
            (n.name,),
            (n.x.text, n.y.text),
            f"x = {n.x.text}, y = {n.y.text} for {format_number(n.t[0])} ≤ t ≤ {format_number(n.t[1])}",
        )
    )


def _add_shade(panel: Panel, n: k.Shade, fns: list[FnSpec]) -> None:
    from scidsl.domains.plots.regions import shade_region

    panel.regions.append(shade_region(panel, n, {s.name: s for s in fns}))
    r = panel.regions[-1]
    panel.facts.append(
        (
            "area",
            (r.owner, *r.of),
            r.area,
            f"area of the shaded region on [{format_number(r.interval[0])}, "
            f"{format_number(r.interval[1])}] = {format_number(r.area)}",
            not n.show_area,  # written only with show_area
        )
    )


def _add_asymptote(panel: Panel, n: k.Asymptote) -> None:
    axes = panel.axes
    assert axes is not None
    owner = n.name or f"asymptote{len(panel.curves)}"
    if (n.x is None) == (n.y is None):
        raise LayoutError(
            "E6014",
            "an asymptote needs either x (vertical) or y (a line in x)",
            n,
            None,
            "asymptote on P { x: 0 } or asymptote on P { y: 2 }",
        )
    if n.x is not None:
        _add_vertical(panel, owner, n.x, n.label or f"$x = {format_number(n.x).strip('$')}$")
        return
    assert n.y is not None
    xmin, _, xmax, _ = axes.window
    pieces, _ = numeric.sample(fn_of(n.y), xmin, xmax, axes.window, 3)
    if not pieces:
        raise LayoutError("E6005", f"the line y = {n.y.text} does not cross the window", n, "y")
    panel.curves.append(
        CurveL(
            owner, pieces, "0.35", 0.9, "dashed", n.label or f"$y = {n.y.text}$", n.y.text, role="asymptote"
        )
    )
    panel.facts.append(("asymptote", (owner,), f"y = {n.y.text}", f"asymptote y = {n.y.text}"))
