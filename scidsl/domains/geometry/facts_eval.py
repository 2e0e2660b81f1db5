"""Numeric value of measurements and dimensionless residuals of facts for given coordinates."""

from __future__ import annotations

import math

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


def measure(e: Expr, env: Env) -> float:
    """Value of an expression: lengths in problem units, angles in degrees."""
    if isinstance(e, Num):
        return float(e.value)
    if isinstance(e, Dist):
        return cx.dist(env.points[e.a], env.points[e.b])
    if isinstance(e, Angle):
        return cx.angle_deg(env.points[e.a], env.points[e.vertex], env.points[e.b])
    if isinstance(e, Radius):
        return env.circles[e.circle][1]
    if isinstance(e, Area):
        return abs(cx.polygon_area([env.points[q] for q in e.points]))
    return _binop(e, env)


def _binop(e: BinOp, env: Env) -> float:
    a, b = measure(e.left, env), measure(e.right, env)
    if e.op == "+":
        return a + b
    if e.op == "-":
        return a - b
    if e.op == "*":
        return a * b
    return a / b if abs(b) > 1e-12 else math.copysign(1e12, a if a else 1.0)


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
    if isinstance(f, Relation):
        return _relation_residual(f, env, scale)
    if isinstance(f, (Parallel, Perpendicular)):
        d1, d2 = env.line(f.l1)[1], env.line(f.l2)[1]
        return cx.cross(d1, d2) if isinstance(f, Parallel) else cx.dot(d1, d2)
    if isinstance(f, OnLine):
        return _on_line_residual(f, env, scale)
    if isinstance(f, OnCircle):
        o, r = env.circles[f.circle]
        return (cx.dist(env.points[f.point], o) - r) / scale
    if isinstance(f, Tangent):
        return _tangent_residual(f, env, scale)
    if isinstance(f, Collinear):
        pts = [env.points[q] for q in f.points]
        line = cx.line_through(pts[0], pts[1])
        return math.fsum(cx.line_distance(p, line) for p in pts[2:]) / scale
    raise TypeError(f"unknown fact {f!r}")


def _relation_residual(f: Relation, env: Env, scale: float) -> float:
    lhs, rhs = measure(f.lhs, env), measure(f.rhs, env)
    dim = dimension(f.lhs) or dimension(f.rhs) or (0, False)
    power, is_angle = dim
    k = (math.pi / 180.0 if is_angle else 1.0) / (scale ** power if power else 1.0)
    diff = (lhs - rhs) * k
    if f.op == "=":
        return diff
    margin = 1e-6 if f.op in ("<", ">") else 0.0
    if f.op in ("<", "<="):
        return max(0.0, diff + margin)
    return min(0.0, diff - margin)


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
