"""Exact (sympy) reasoning about triangles: given sides and angles, conflicts and derived values.

Numbers come from the problem as floats; they become Rationals with a bounded denominator, never by
parsing text. Every sympy call here works on a handful of small expressions, so it cannot run away.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from .problem import Angle, Dist, Num, Origin, Perpendicular, Problem, Relation

MAX_DENOMINATOR = 10**6


def rational(x: float) -> sp.Rational:
    """An exact Rational close to x (denominator at most a million)."""
    return sp.Rational(x).limit_denominator(MAX_DENOMINATOR)


@dataclass
class TriangleGivens:
    """Constant sides (keyed by opposite vertex) and angles (keyed by vertex) of one triangle."""

    vertices: tuple[str, str, str]
    sides: dict[str, tuple[sp.Rational, Origin]] = field(default_factory=dict)
    angles: dict[str, tuple[sp.Rational, Origin]] = field(default_factory=dict)


def collect_givens(problem: Problem, vertices: tuple[str, str, str]) -> TriangleGivens:
    """Constant side lengths and vertex angles stated for the triangle with these vertices."""
    g = TriangleGivens(vertices)
    vs = set(vertices)
    for f in problem.facts:
        corner = _right_corner(f, vs)
        if corner:
            g.angles.setdefault(corner, (sp.Integer(90), f.origin))
        if not isinstance(f, Relation) or f.op != "=":
            continue
        for m, n in ((f.lhs, f.rhs), (f.rhs, f.lhs)):
            if not isinstance(n, Num):
                continue
            if isinstance(m, Dist) and {m.a, m.b} <= vs and m.a != m.b:
                (opp,) = vs - {m.a, m.b}
                g.sides.setdefault(opp, (rational(n.value), f.origin))
            elif isinstance(m, Angle) and {m.a, m.vertex, m.b} == vs and m.vertex in vs:
                g.angles.setdefault(m.vertex, (rational(n.value), f.origin))
    return g


def _right_corner(f: object, vs: set[str]) -> str | None:
    """The vertex where two perpendicular sides of the triangle meet, if the fact says so."""
    if not isinstance(f, Perpendicular) or isinstance(f.l1, str) or isinstance(f.l2, str):
        return None
    s1, s2 = set(f.l1), set(f.l2)
    common = s1 & s2
    if len(s1) == 2 and len(s2) == 2 and s1 | s2 == vs and len(common) == 1:
        return next(iter(common))
    return None


@dataclass(frozen=True)
class TriangleConflict:
    """A conflict among a triangle's given sides and angles."""

    kind: str  # inconsistent | degenerate
    message: str
    origins: tuple[Origin, ...]
    hint: str


def check_triangle(g: TriangleGivens) -> TriangleConflict | None:
    """Angle sum and triangle inequality, exactly."""
    name = "".join(g.vertices)
    angles = g.angles
    total = sum((v for v, _ in angles.values()), sp.Integer(0))
    origins = tuple(o for _, o in angles.values())
    if len(angles) == 3 and total != 180:
        parts = " + ".join(f"{_fmt(v)}°" for v, _ in angles.values())
        return TriangleConflict("inconsistent", f"the angles of triangle {name} add up to "
                                f"{parts} = {_fmt(total)}°, not 180°", origins,
                                "give at most two angles, or make the three add up to 180°")
    if len(angles) == 2 and total >= 180:
        return TriangleConflict("inconsistent" if total > 180 else "degenerate",
                                f"two angles of triangle {name} already add up to {_fmt(total)}°",
                                origins, "the angles of a triangle add up to 180°")
    return _check_sides(g, name)


def _check_sides(g: TriangleGivens, name: str) -> TriangleConflict | None:
    if len(g.sides) != 3:
        return None
    (a, oa), (b, ob), (c, oc) = sorted(g.sides.values(), key=lambda kv: kv[0])
    if a + b >= c:
        return None
    kind = "inconsistent"
    return TriangleConflict(kind, f"sides {_fmt(a)}, {_fmt(b)} and {_fmt(c)} cannot form triangle "
                            f"{name}: {_fmt(a)} + {_fmt(b)} < {_fmt(c)}", (oa, ob, oc),
                            "each side of a triangle must be shorter than the other two together")


def degenerate_sides(g: TriangleGivens) -> TriangleConflict | None:
    """Three given sides whose two shorter ones add up exactly to the longest."""
    if len(g.sides) != 3:
        return None
    vals = sorted(g.sides.values(), key=lambda kv: kv[0])
    if vals[0][0] + vals[1][0] != vals[2][0]:
        return None
    name = "".join(g.vertices)
    a, b, c = (_fmt(v) for v, _ in vals)
    return TriangleConflict("degenerate", f"sides {a} + {b} = {c}: triangle {name} would be flat",
                            tuple(o for _, o in vals), "make the longest side shorter than the sum "
                            "of the other two")


def _fmt(v: Any) -> str:
    return str(v) if getattr(v, "is_Integer", False) else f"{float(v):g}"


def exact_triangle(g: TriangleGivens) -> dict[str, sp.Expr]:
    """Exact sides (a, b, c opposite the vertices) and angles (degrees) when givens fix the shape.

    Handles SSS, SAS, ASA/AAS and a right angle with two sides; returns {} otherwise. Keys are
    ``length(XY)`` and ``angle(XYZ)`` for the triangle's sides and vertex angles.
    """
    sides = {k: v for k, (v, _) in g.sides.items()}
    angles = {k: v * sp.pi / 180 for k, (v, _) in g.angles.items()}
    vs = g.vertices
    if len(angles) == 2:
        (missing,) = set(vs) - set(angles)
        angles[missing] = sp.pi - sum(angles.values())
    solved = _solve_triangle(vs, sides, angles)
    if solved is None:
        return {}
    sides, angles = solved
    out: dict[str, sp.Expr] = {}
    for i, v in enumerate(vs):
        p, q = vs[(i + 1) % 3], vs[(i + 2) % 3]
        out[f"length({p}{q})"] = sp.nsimplify(sides[v]) if sides[v].is_Float else sides[v]
        out[f"angle({p}{v}{q})"] = angles[v] * 180 / sp.pi
    return out


def _solve_triangle(vs: tuple[str, ...], sides: dict, angles: dict) -> tuple[dict, dict] | None:
    if len(sides) == 3:
        return sides, {v: _law_of_cosines_angle(sides, v, vs) for v in vs}
    if len(angles) == 3 and sides:
        k, s = next(iter(sides.items()))
        ratio = s / sp.sin(angles[k])
        return {v: sp.radsimp(ratio * sp.sin(angles[v])) for v in vs}, angles
    if len(sides) == 2:
        (missing,) = set(vs) - set(sides)
        if missing in angles:
            p, q = (sides[v] for v in vs if v != missing)
            sides[missing] = sp.sqrt(sp.expand(p**2 + q**2 - 2 * p * q * sp.cos(angles[missing])))
            return sides, {v: _law_of_cosines_angle(sides, v, vs) for v in vs}
        right = [v for v, a in angles.items() if a == sp.pi / 2]
        if right and right[0] in sides:
            r = right[0]
            (other,) = set(sides) - {r}
            sides[missing] = sp.sqrt(sides[r] ** 2 - sides[other] ** 2)
            return sides, {v: _law_of_cosines_angle(sides, v, vs) for v in vs}
    return None


def _law_of_cosines_angle(sides: dict, v: str, vs: tuple[str, ...]) -> sp.Expr:
    p, q = (sides[w] for w in vs if w != v)
    cos = (p**2 + q**2 - sides[v] ** 2) / (2 * p * q)
    return sp.acos(sp.radsimp(cos))
