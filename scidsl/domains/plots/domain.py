"""The plots domain's compiler steps: check, layout, render, facts and after-render verification."""

from __future__ import annotations

import math
from typing import Any

from scidsl.diagnostics import did_you_mean, error, warning
from scidsl.expr import ExprError
from scidsl.domains.plots import kinds as k
from scidsl.domains.plots.layout import PANEL_GAP_CM, Layout, LayoutError, Panel

_CHARTS = (k.BarChart, k.Histogram, k.PieChart, k.PhaseDiagram)
_VARIABLES = {
    k.Plot: {"y": "x"},
    k.Function: {"y": "x"},
    k.Parametric: {"x": "t", "y": "t"},
    k.Asymptote: {"y": "x"},
    k.Implicit: {"f": ("x", "y")},
}
_POSITION_TOL_CM = 0.02
_ON_CURVE_TOL_CM = 0.04


def check(ctx: Any) -> None:
    """Static checks: every statement sits on a plot; expressions use only their variable."""
    plots = [n for n in ctx.nodes if isinstance(n, k.Plot)]
    for node in ctx.nodes:
        if isinstance(node, k.Plot) or isinstance(node, _CHARTS):
            _check_expressions(ctx, node)
            continue
        _check_on(ctx, node, plots)
        _check_expressions(ctx, node)


def _check_on(ctx: Any, node: Any, plots: list[k.Plot]) -> None:
    names = [p.name for p in plots]
    if node.on is None:
        if len(plots) > 1:
            ctx.report(
                error(
                    "E6001",
                    f"{node.kind} {node.name or ''}".strip() + " does not say which plot it is on",
                    node.span,
                    f"add `on P` naming one of: {', '.join(names)}"
                    if names
                    else "declare a plot first: plot P { xlim: [0, 5] }",
                )
            )
    elif node.on not in names:
        ctx.report(
            error(
                "E6001",
                f"'{node.on}' is not a plot",
                node.span_of("on"),
                did_you_mean(node.on, names)
                or (
                    f"plots: {', '.join(names)}" if names else "declare a plot first: plot P { xlim: [0, 5] }"
                ),
            )
        )


def _check_expressions(ctx: Any, node: Any) -> None:
    from scidsl.expr import names_in

    for key, var in _VARIABLES.get(type(node), {}).items():
        expr = getattr(node, key, None)
        if expr is None:
            continue
        bad = _unknown_parts(expr.tree)
        if bad:
            ctx.report(
                error(
                    "E6002",
                    f"{key} of {node.name or node.kind} uses {bad}",
                    node.span_of(key),
                    "functions: sin cos tan asin acos atan sqrt ln log exp abs sinh cosh tanh asinh acosh atanh, each with one argument",
                )
            )
            continue
        allowed = {var} if isinstance(var, str) else set(var)
        free = names_in(expr.tree) - allowed
        if free:
            ctx.report(
                error(
                    "E6002",
                    f"{key} of {node.name or node.kind} uses unknown names: {', '.join(sorted(free))}",
                    node.span_of(key),
                    f"{key} may only use {' and '.join(sorted(allowed))}, numbers, pi and e",
                )
            )


def _unknown_parts(tree: Any) -> str | None:
    """A description of the first part of an expression a graph cannot compute, or None."""
    from scidsl import syntax
    from scidsl.expr import FUNCTIONS_1, _children, _walk

    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, syntax.Call) and (node.fn not in FUNCTIONS_1 or len(node.args) != 1):
            return (
                f"{node.fn}() with {len(node.args)} argument(s)"
                if node.fn in FUNCTIONS_1
                else f"the unknown function {node.fn}()"
            )
        if isinstance(node, (syntax.Point, syntax.ListV, syntax.Str, syntax.Bool)):
            return f"'{syntax.format_value(node)}', which is not a number"
        if isinstance(node, syntax.BinOp) and node.op == "^" and any(isinstance(q, syntax.Qty) for q in _walk(node.right)):
            return f"a unit in the exponent of '{syntax.format_value(node)}'"
        stack.extend(_children(node))
    return None


def plot_of(node: Any, plots: list[k.Plot]) -> str:
    """The name of the plot a statement sits on."""
    return node.on if node.on is not None else plots[0].name


def layout(ctx: Any) -> Layout:
    """Build every plot and chart panel, side by side."""
    plots = _plots(ctx)
    out = Layout()
    x = 0.0
    implicit = [p for p in plots if p.span is None]
    for node in implicit + list(ctx.nodes):
        try:
            panel = _panel(ctx, node, plots)
        except LayoutError as exc:
            _report(ctx, exc)
            continue
        except ExprError as exc:
            ctx.report(error("E6005", f"{node.kind} {node.name or ''}: {exc}", node.span))
            continue
        if panel is not None:
            _report_warnings(ctx, panel)
            out.panels.append(panel)
            x = _place(panel, x)
    return out


def _plots(ctx: Any) -> list[k.Plot]:
    """The scene's plots; in a scene without one, statements that need axes get default ones."""
    plots = [n for n in ctx.nodes if isinstance(n, k.Plot)]
    if not plots and any(not isinstance(n, _CHARTS) for n in ctx.nodes):
        plots = [k.Plot(name="plot")]
    return plots


def _panel(ctx: Any, node: Any, plots: list[k.Plot]) -> Panel | None:
    from scidsl.domains.plots.charts import build_barchart, build_histogram, build_pie
    from scidsl.domains.plots.plotting import build_plot

    if isinstance(node, k.Plot):
        members = [
            n for n in ctx.nodes if not isinstance(n, (k.Plot,) + _CHARTS) and plot_of(n, plots) == node.name
        ]
        return build_plot(node, members)
    from scidsl.domains.plots.phase import build_phase_diagram

    builders = {k.BarChart: build_barchart, k.Histogram: build_histogram, k.PieChart: build_pie,
                k.PhaseDiagram: build_phase_diagram}
    build = builders.get(type(node))
    return build(node) if build else None


def _place(panel: Panel, x: float) -> float:
    if panel.axes is not None:
        panel.axes.offset = (x, 0.0)
        return x + panel.axes.width + PANEL_GAP_CM
    panel.center = (x + panel.radius, panel.radius)
    return x + 2 * panel.radius + PANEL_GAP_CM


def _report(ctx: Any, exc: LayoutError) -> None:
    span = exc.node.span_of(exc.key) if exc.key else exc.node.span
    make = warning if exc.code.startswith("W") else error
    ctx.report(make(exc.code, exc.message, span, exc.hint))


def _report_warnings(ctx: Any, panel: Panel) -> None:
    for fact in [f for f in panel.facts if f[0] == "__warning__"]:
        _report(ctx, fact[2])
    panel.facts = [f for f in panel.facts if f[0] != "__warning__"]


def render(ctx: Any, layout: Layout) -> Any:
    """Primitives of every panel (see renderers/plots.py)."""
    from scidsl.renderers.plots import render_layout

    return render_layout(layout)


def facts(ctx: Any, layout: Layout | None) -> list:
    """Axes, curves, marked points with coordinates, data values, areas, bars and slices."""
    from scidsl.pipeline import Fact

    out = []
    for panel in layout.panels if layout else []:
        ax = panel.axes
        if ax is not None and isinstance(panel.node, k.Plot):
            out.append(Fact("axis", (ax.name, "x"), (ax.window[0], ax.window[2]), f"x-axis: {ax.xlabel}"))
            out.append(Fact("axis", (ax.name, "y"), (ax.window[1], ax.window[3]), f"y-axis: {ax.ylabel}"))
            out.append(Fact("ticks", (ax.name, "x"), [v for v, _ in ax.xticks], "x ticks"))
            out.append(Fact("ticks", (ax.name, "y"), [v for v, _ in ax.yticks], "y ticks"))
        for pred, args, value, text, *hidden in panel.facts:
            out.append(Fact(pred, tuple(args), _plain(value), text, hidden=bool(hidden and hidden[0])))
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def verify(ctx: Any, layout: Layout | None, page: Any) -> None:
    """Measure the drawn page: every point at its data coordinates, marked points on their curves."""
    from scidsl.domains.plots.checks import verify_points

    for panel in layout.panels if layout else []:
        for diag in verify_points(panel, page):
            ctx.report(diag)
