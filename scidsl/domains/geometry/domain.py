"""Plane geometry in the pipeline: check statements, solve coordinates, render, list facts, verify."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Optional

from scidsl.diagnostics import Diagnostic, error
from scidsl.domains.geometry import constructions as cx
from scidsl.domains.geometry.scene_problem import Origin, Plan, build_plan

NATURAL_SIZE_CM = 8.0  # the larger side of a geometry figure before the core fits the page
SOLVE_BUDGET_S = 8.0
VERIFY_TOLERANCE = 1e-3
_CODES = {"structure": "E1009", "inconsistent": "E1004", "degenerate": "E1005",
          "construction": "E1006", "budget": "E1007"}


@dataclass
class Layout:
    """Solved figure in page centimetres (`scale` cm per unit of the scene's lengths)."""

    plan: Plan
    points: dict[str, cx.Vec]
    circles: dict[str, cx.CircleVal]
    lines: dict[str, cx.LineVal]
    scale: float
    exact: dict[str, Any] = field(default_factory=dict)


def check(ctx: Any) -> None:
    """Names, arities and units of every geometry statement and fact."""
    _, diags = build_plan(ctx.nodes, ctx.givens)
    for d in diags:
        ctx.report(d)


def layout(ctx: Any) -> Optional[Layout]:
    """Solve the figure; conflicts become diagnostics naming the statements involved."""
    from scidsl.domains.geometry.solver import solve

    plan, diags = build_plan(ctx.nodes, ctx.givens)
    if diags:
        for d in diags:
            ctx.report(d)
        return None
    result = solve(plan.problem, SOLVE_BUDGET_S)
    if not result.ok or result.solution is None:
        for c in result.conflicts:
            ctx.report(conflict_diagnostic(c, plan.unit))
        return None
    lay = page_layout(plan, result.solution)
    for d in coincident_ends(ctx.nodes, lay.points) + _crossings_skipped(lay):
        ctx.report(d)
    return None if ctx.has_errors else lay


def coincident_ends(nodes: list, points: dict[str, cx.Vec]) -> list[Diagnostic]:
    """A segment, line, ray or polygon side needs two different points: coincident ends draw nothing."""
    from scidsl.domains.geometry.kinds import split_points

    out = []
    for node in nodes:
        if node.kind not in ("segment", "line", "ray") and not hasattr(node, "vertex_names"):
            continue
        names = node.vertex_names() if hasattr(node, "vertex_names") else split_points(node.name or "") or []
        through = getattr(node, "through", None)
        if node.kind == "line" and isinstance(through, list):
            names = list(through)
        if node.kind in ("line", "ray", "segment") and len(names) != 2:
            continue
        pairs = list(zip(names, names[1:] + names[:1] if len(names) > 2 else names[1:]))
        for a, b in pairs:
            if a in points and b in points and math.dist(points[a], points[b]) < 1e-6:
                out.append(error("E1090", f"{a} and {b} are the same point, so {node.name} has no {node.kind} "
                                 f"between them", node.span_of("name"), "give the points different positions"))
                break
    return out


def _crossings_skipped(lay: Layout) -> list[Diagnostic]:
    """E1031 when the point an intersection skips (`other_than`) is not where its objects meet."""
    out = []
    for c in lay.plan.problem.constructions:
        if not c.avoid or c.kind != "intersection":
            continue
        b = lay.points[c.avoid[0]]
        off = max(_distance_to(lay, o, b) for o in c.objects)
        if off > 1e-6 * NATURAL_SIZE_CM:
            what = " and ".join(o if isinstance(o, str) else o[0] + o[1] for o in c.objects)
            span = c.origin.span if isinstance(c.origin, Origin) else None
            out.append(error("E1031", f"{c.name} is the crossing of {what} other than {c.avoid[0]}, but "
                             f"{c.avoid[0]} is not where they meet", span,
                             f"make {c.avoid[0]} a crossing first (point {c.avoid[0]} on both), or use which: 1"))
    return out


def _distance_to(lay: Layout, obj: Any, p: cx.Vec) -> float:
    if isinstance(obj, str) and obj in lay.circles:
        (o, r) = lay.circles[obj]
        return abs(math.dist(o, p) - r)
    if isinstance(obj, str):
        q, d = lay.lines[obj]
    else:
        q, e = lay.points[obj[0]], lay.points[obj[1]]
        n = math.dist(q, e) or 1.0
        d = ((e[0] - q[0]) / n, (e[1] - q[1]) / n)
    return abs((p[0] - q[0]) * d[1] - (p[1] - q[1]) * d[0])


def conflict_diagnostic(c: Any, unit: str = "") -> Diagnostic:
    """A solver conflict as a diagnostic at its first statement, the others as related spans."""
    message = c.message
    if unit and "length(" in message:
        message += f" (lengths in {unit})"
    spans = [o.span for o in c.origins if isinstance(o, Origin) and o.span is not None]
    code = _CODES.get(c.kind, "E1004")
    if c.kind == "structure" and "unknown point" in c.message:
        code = "E1001"
    related = tuple((s, "this statement is part of the conflict") for s in spans[1:])
    return error(code, message, spans[0] if spans else None, c.hint, related)


def page_layout(plan: Plan, sol: Any) -> Layout:
    """Scale the solution so that its larger side is about NATURAL_SIZE_CM."""
    xs = [p[0] for p in sol.points.values()] + [c[0][0] + s * c[1] for c in sol.circles.values() for s in (-1, 1)]
    ys = [p[1] for p in sol.points.values()] + [c[0][1] + s * c[1] for c in sol.circles.values() for s in (-1, 1)]
    extent = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9) if xs else 1.0
    k = NATURAL_SIZE_CM / extent
    pts = {n: (p[0] * k, p[1] * k) for n, p in sol.points.items()}
    circles = {n: ((c[0][0] * k, c[0][1] * k), c[1] * k) for n, c in sol.circles.items()}
    lines = {n: ((ln[0][0] * k, ln[0][1] * k), ln[1]) for n, ln in sol.lines.items()}
    return Layout(plan, pts, circles, lines, k, dict(sol.exact))


def render(ctx: Any, lay: Optional[Layout]) -> Any:
    """Primitives of the solved figure."""
    from scidsl.primitives import Drawing
    from scidsl.renderers.geometry import render_layout

    return render_layout(lay) if lay is not None else Drawing()


def facts(ctx: Any, lay: Optional[Layout]) -> list:
    """Atomic facts the figure shows: points, polygons, given values, marks."""
    from scidsl.domains.geometry.facts_out import figure_facts

    return figure_facts(lay) if lay is not None else []


def verify(ctx: Any, lay: Optional[Layout], page: Any) -> None:
    """Measure the drawn page: every declared fact must still hold."""
    if lay is None:
        return
    for d in verify_page(lay, page):
        ctx.report(d)


def verify_page(lay: Layout, page: Any) -> list[Diagnostic]:
    """Diagnostics for declared facts that do not hold in the page's drawn coordinates."""
    from scidsl.domains.geometry.facts_eval import describe_fact
    from scidsl.domains.geometry.solver import verify_facts

    drawn = {n: page.anchors[n] for n in lay.points if n in page.anchors}
    if len(drawn) < len(lay.points):
        return [error("E1020", "some points of the figure are missing from the drawing", None)]
    unit = _drawn_unit(lay, drawn)
    circles = _drawn_circles(lay, page, unit)
    lines = {n: (drawn_point, ln[1]) for n, ln in lay.lines.items()
             for drawn_point in [_drawn_line_point(lay, n, drawn)]}
    out = []
    for fact, resid in verify_facts(lay.plan.problem, drawn, circles, lines, unit, VERIFY_TOLERANCE):
        span = fact.origin.span if isinstance(fact.origin, Origin) else None
        out.append(error("E1020", f"the drawn figure breaks {describe_fact(fact)} (off by {resid:.2g})", span,
                         "this is a bug in the geometry renderer; please report the scene"))
    return out


def _drawn_unit(lay: Layout, drawn: dict[str, cx.Vec]) -> float:
    """Drawn centimetres per scene length unit, from the two farthest points."""
    names = list(lay.points)
    best, pair = 0.0, None
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            d = cx.dist(lay.points[a], lay.points[b])
            if d > best:
                best, pair = d, (a, b)
    if pair is None:
        return lay.scale
    return lay.scale * cx.dist(drawn[pair[0]], drawn[pair[1]]) / best


def _drawn_circles(lay: Layout, page: Any, unit: float) -> dict[str, cx.CircleVal]:
    from scidsl.primitives import Circle

    out = {}
    for name in lay.circles:
        found = [it for it in page.items if isinstance(it, Circle) and it.owner == name]
        if found:
            out[name] = (found[0].center, found[0].radius)
        else:
            c = lay.circles[name]
            out[name] = ((c[0][0] * unit / lay.scale, c[0][1] * unit / lay.scale), c[1] * unit / lay.scale)
    return out


def _drawn_line_point(lay: Layout, name: str, drawn: dict[str, cx.Vec]) -> cx.Vec:
    """A drawn point on a named line: the defining point it passes through."""
    for ld in lay.plan.problem.lines:
        if ld.name == name:
            ref = ld.point or (ld.points[0] if ld.kind == "through" else None)
            if ref and ref in drawn:
                return drawn[ref]
            if ld.kind == "perp_bisector":
                return cx.midpoint(drawn[ld.points[0]], drawn[ld.points[1]])
            if ld.kind == "angle_bisector":
                return drawn[ld.points[1]]
    return (math.nan, math.nan)
