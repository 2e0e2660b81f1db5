"""Numeric value of measurements and dimensionless residuals of facts for given coordinates."""

from __future__ import annotations

import math
from typing import Callable

from . import constructions as cx
from .graph import Env
from .problem import (
    Angle,
    Area,
    BinOp,
    Collinear,
    Dist,
    Expr,
    Fact,
    LineRef,
    Num,
    OnCircle,
    OnLine,
    Parallel,
    Perpendicular,
    Radius,
    Relation,
    Tangent,
)


Residual = Callable[[Env], float]


def measure(e: Expr, env: Env) -> float:
    """Value of an expression: lengths in problem units, angles in degrees."""
    return measure_fn(e)(env)


def measure_fn(e: Expr) -> Residual:
    """The value of an expression as a function of the values (`measure` with its dispatch done once)."""
    if isinstance(e, Num):
        value = float(e.value)
        return lambda env: value
    if isinstance(e, Dist):
        a, b = e.a, e.b
        return lambda env: cx.dist(env.points[a], env.points[b])
    if isinstance(e, Angle):
        a, v, b = e.a, e.vertex, e.b
        return lambda env: cx.angle_deg(env.points[a], env.points[v], env.points[b])
    if isinstance(e, Radius):
        circle = e.circle
        return lambda env: env.circles[circle][1]
    if isinstance(e, Area):
        names = e.points
        return lambda env: abs(cx.polygon_area([env.points[q] for q in names]))
    return _binop_fn(e)


def _binop_fn(e: BinOp) -> Residual:
    left, right = measure_fn(e.left), measure_fn(e.right)
    if e.op == "+":
        return lambda env: left(env) + right(env)
    if e.op == "-":
        return lambda env: left(env) - right(env)
    if e.op == "*":
        return lambda env: left(env) * right(env)

    def quotient(env: Env) -> float:
        a, b = left(env), right(env)
        return a / b if abs(b) > 1e-12 else math.copysign(1e12, a if a else 1.0)

    return quotient


def dimension(e: Expr) -> tuple[int, bool] | None:
    """(power of length, is an angle) of an expression; None for a plain number."""
    if isinstance(e, Num):
        return None
    if isinstance(e, (Dist, Radius)):
        return (1, False)
    if isinstance(e, Area):
        return (2, False)
    if isinstance(e, Angle):
        return (0, True)
    left, right = dimension(e.left), dimension(e.right)
    if e.op in "+-":
        return left or right
    lp, la = left or (0, False)
    rp, ra = right or (0, False)
    return (lp + rp, la or ra) if e.op == "*" else (lp - rp, la and not ra)


def fact_residual(f: Fact, env: Env, scale: float) -> float:
    """Dimensionless violation of a fact: 0 when it holds; about relative error otherwise."""
    return residual_fn(f, scale)(env)


def residual_fn(f: Fact, scale: float) -> Residual:
    """`fact_residual` of one fact as a function of the values, its dispatch, dimensions and scale worked
    out once (the solver evaluates each fact thousands of times)."""
    if isinstance(f, Relation):
        return _relation_fn(f, scale)
    if isinstance(f, (Parallel, Perpendicular)):
        d1, d2 = _direction_fn(f.l1), _direction_fn(f.l2)
        combine = cx.cross if isinstance(f, Parallel) else cx.dot
        return lambda env: combine(d1(env), d2(env))
    if isinstance(f, OnLine):
        if f.segment and not isinstance(f.line, str):
            return _on_segment_fn(f.point, f.line[0], f.line[1], scale)
        return lambda env: _on_line_residual(f, env, scale)
    if isinstance(f, OnCircle):
        circle, point = f.circle, f.point

        def on_circle(env: Env) -> float:
            o, r = env.circles[circle]
            return (cx.dist(env.points[point], o) - r) / scale

        return on_circle
    if isinstance(f, Tangent):
        return lambda env: _tangent_residual(f, env, scale)
    if isinstance(f, Collinear):
        names = f.points

        def collinear(env: Env) -> float:
            pts = [env.points[q] for q in names]
            line = cx.line_through(pts[0], pts[1])
            return math.fsum(cx.line_distance(p, line) for p in pts[2:]) / scale

        return collinear
    raise TypeError(f"unknown fact {f!r}")


def _relation_fn(f: Relation, scale: float) -> Residual:
    lhs, rhs = measure_fn(f.lhs), measure_fn(f.rhs)
    power, is_angle = dimension(f.lhs) or dimension(f.rhs) or (0, False)
    k = (math.pi / 180.0 if is_angle else 1.0) / (scale ** power if power else 1.0)
    if f.op == "=":
        return lambda env: (lhs(env) - rhs(env)) * k
    margin = 1e-6 if f.op in ("<", ">") else 0.0
    if f.op in ("<", "<="):
        return lambda env: max(0.0, (lhs(env) - rhs(env)) * k + margin)
    return lambda env: min(0.0, (lhs(env) - rhs(env)) * k - margin)


def _on_line_residual(f: OnLine, env: Env, scale: float) -> float:
    p = env.points[f.point]
    line = env.line(f.line)
    off = cx.cross(line[1], cx.sub(p, line[0])) / scale
    if not f.segment or isinstance(f.line, str):
        return off
    a, b = env.points[f.line[0]], env.points[f.line[1]]
    t = cx.dot(cx.sub(p, a), cx.sub(b, a)) / max(cx.dot(cx.sub(b, a), cx.sub(b, a)), 1e-12)
    outside = max(0.0, -t, t - 1.0) * cx.dist(a, b) / scale
    return math.hypot(off, outside)


def _direction_fn(ref: LineRef) -> Callable[[Env], cx.Vec]:
    """The unit direction of a line reference, `env.line(ref)[1]` (for two points, `unit` written out)."""
    if isinstance(ref, str):
        return lambda env: env.lines[ref][1]
    a, b = ref

    def direction(env: Env) -> cx.Vec:
        (ax, ay), (bx, by) = env.points[a], env.points[b]
        dx, dy = bx - ax, by - ay
        n = math.hypot(dx, dy)
        return (1.0, 0.0) if n < cx.EPS else (dx / n, dy / n)

    return direction


def _on_segment_fn(point: str, start: str, end: str, scale: float) -> Residual:
    """`_on_line_residual` of a point on segment start–end, the vector helpers written out (the same
    operations in the same order, so the same numbers: this residual is most of a shaping solve)."""

    def on_segment(env: Env) -> float:
        pts = env.points
        (px, py), (ax, ay), (bx, by) = pts[point], pts[start], pts[end]
        dx, dy = bx - ax, by - ay
        n = math.hypot(dx, dy)
        ux, uy = (1.0, 0.0) if n < cx.EPS else (dx / n, dy / n)
        qx, qy = px - ax, py - ay
        off = (ux * qy - uy * qx) / scale
        t = (qx * dx + qy * dy) / max(dx * dx + dy * dy, 1e-12)
        outside = max(0.0, -t, t - 1.0) * math.hypot(ax - bx, ay - by) / scale
        return math.hypot(off, outside)

    return on_segment


def _tangent_residual(f: Tangent, env: Env, scale: float) -> float:
    o, r = env.circles[f.circle]
    if isinstance(f.obj, str) and f.obj in env.circles:
        o2, r2 = env.circles[f.obj]
        want = abs(r - r2) if f.internal else r + r2
        return (cx.dist(o, o2) - want) / scale
    return (cx.line_distance(o, env.line(f.obj)) - r) / scale


def describe_expr(e: Expr) -> str:
    """Readable text of an expression, e.g. ``length(AB)``."""
    if isinstance(e, Num):
        return f"{e.value:g}"
    if isinstance(e, Dist):
        return f"length({e.a}{e.b})"
    if isinstance(e, Angle):
        return f"angle({e.a}{e.vertex}{e.b})"
    if isinstance(e, Radius):
        return f"radius({e.circle})"
    if isinstance(e, Area):
        return f"area({''.join(e.points)})"
    return f"({describe_expr(e.left)} {e.op} {describe_expr(e.right)})"


def describe_ref(ref: LineRef) -> str:
    """Readable text of a line reference."""
    return ref if isinstance(ref, str) else ref[0] + ref[1]


def describe_fact(f: Fact) -> str:
    """Readable text of a fact, e.g. ``length(AB) = 3``."""
    if isinstance(f, Relation):
        return f"{describe_expr(f.lhs)} {f.op} {describe_expr(f.rhs)}"
    if isinstance(f, Parallel):
        return f"parallel({describe_ref(f.l1)}, {describe_ref(f.l2)})"
    if isinstance(f, Perpendicular):
        return f"perpendicular({describe_ref(f.l1)}, {describe_ref(f.l2)})"
    if isinstance(f, OnLine):
        return f"{f.point} on {describe_ref(f.line)}"
    if isinstance(f, OnCircle):
        return f"{f.point} on {f.circle}"
    if isinstance(f, Tangent):
        return f"tangent({describe_ref(f.obj)}, {f.circle})"
    return f"collinear({', '.join(f.points)})"


def fact_points(f: Fact) -> set[str]:
    """Point names a fact mentions."""
    out: set[str] = set()
    if isinstance(f, (OnLine, OnCircle)):
        out.add(f.point)
    for v in vars(f).values():
        _collect_points(v, out)
    return out


def _collect_points(v: object, out: set[str]) -> None:
    if isinstance(v, (Dist,)):
        out.update((v.a, v.b))
    elif isinstance(v, Angle):
        out.update((v.a, v.vertex, v.b))
    elif isinstance(v, Area):
        out.update(v.points)
    elif isinstance(v, BinOp):
        _collect_points(v.left, out)
        _collect_points(v.right, out)
    elif isinstance(v, tuple) and all(isinstance(x, str) for x in v):
        out.update(v)
