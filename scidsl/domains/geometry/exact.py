"""Exact reasoning about triangles: given sides and angles, conflicts and derived values.

Numbers come from the problem as floats; they become fractions with a bounded denominator, never by
parsing text. Conflicts need only fractions; derived values come in closed form (surds.py) when the
triangle allows it, else from sympy, whose every call here works on a handful of small expressions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from . import surds
from .problem import Angle, Dist, Num, Origin, Perpendicular, Problem, Relation

MAX_DENOMINATOR = 10**6


def rational(x: float) -> Fraction:
    """An exact fraction close to x (denominator at most a million)."""
    return Fraction(x).limit_denominator(MAX_DENOMINATOR)


@dataclass
class TriangleGivens:
    """Constant sides (keyed by opposite vertex) and angles (keyed by vertex) of one triangle."""

    vertices: tuple[str, str, str]
    sides: dict[str, tuple[Fraction, Origin]] = field(default_factory=dict)
    angles: dict[str, tuple[Fraction, Origin]] = field(default_factory=dict)


def collect_givens(problem: Problem, vertices: tuple[str, str, str]) -> TriangleGivens:
    """Constant side lengths and vertex angles stated for the triangle with these vertices."""
    g = TriangleGivens(vertices)
    vs = set(vertices)
    for f in problem.facts:
        corner = _right_corner(f, vs)
        if corner:
            g.angles.setdefault(corner, (Fraction(90), f.origin))
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
    total = sum((v for v, _ in angles.values()), Fraction(0))
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


def _fmt(v: Fraction) -> str:
    return str(v.numerator) if v.denominator == 1 else f"{float(v):g}"


def exact_triangle(g: TriangleGivens) -> dict[str, Any]:
    """Exact sides (a, b, c opposite the vertices) and angles (degrees) when givens fix the shape.

    Handles SSS, SAS, ASA/AAS and a right angle with two sides; returns {} otherwise. Keys are
    ``length(XY)`` and ``angle(XYZ)`` for the triangle's sides and vertex angles. Values are sympy
    expressions, or closed-form values that print the same and convert to them (surds.py).
    """
    closed = _closed_form(g)
    if closed is not surds.UNSUPPORTED:
        return closed
    return _sympy_triangle(g)


def _closed_form(g: TriangleGivens) -> dict[str, Any] | None:
    """The values of exact_triangle in fractions and single square roots; None when they need more."""
    sides = {k: v for k, (v, _) in g.sides.items()}
    angles = {k: v for k, (v, _) in g.angles.items()}
    vs = g.vertices
    if len(angles) == 2:
        (missing,) = set(vs) - set(angles)
        angles[missing] = 180 - sum(angles.values())
    if len(sides) == 3:
        pass
    elif len(angles) == 3 and sides:
        k, s = next(iter(sides.items()))
        sines = [surds.SIN_TABLE.get(angles[v]) for v in (k, *vs)]
        if any(x is None for x in sines):
            return surds.UNSUPPORTED
        ratio = surds.divide(s, sines[0])  # type: ignore[arg-type]
        found = {v: surds.times(ratio, x) if ratio is not None else None for v, x in zip(vs, sines[1:])}
        return _closed_out(vs, found, angles)  # type: ignore[arg-type]
    elif len(sides) == 2:
        (missing,) = set(vs) - set(sides)
        p, q = (sides[v] for v in vs if v != missing)
        if missing in angles:
            cos = surds.COS_TABLE.get(angles[missing])
            if cos is None:
                return surds.UNSUPPORTED
            sides[missing] = surds.sqrt_of(p * p + q * q - 2 * p * q * cos)  # type: ignore[assignment]
        else:
            right = [v for v, a in angles.items() if a == 90]
            if not (right and right[0] in sides):
                return {}
            (other,) = set(sides) - {right[0]}
            sides[missing] = surds.sqrt_of(sides[right[0]] ** 2 - sides[other] ** 2)  # type: ignore[assignment]
    else:
        return {}
    if any(v is None for v in sides.values()):
        return surds.UNSUPPORTED
    found = {v: surds.cosine_angle(sides[v], *(sides[w] for w in vs if w != v)) for v in vs}
    return _closed_out(vs, sides, found)  # type: ignore[arg-type]


def _closed_out(vs: tuple[str, ...], sides: dict, angles: dict) -> dict[str, Any] | None:
    """Keys and values as exact_triangle gives them; None when one value is out of reach."""
    if any(v is None for v in (*sides.values(), *angles.values())):
        return surds.UNSUPPORTED
    out: dict[str, Any] = {}
    for i, v in enumerate(vs):
        p, q = vs[(i + 1) % 3], vs[(i + 2) % 3]
        out[f"length({p}{q})"] = sides[v]
        out[f"angle({p}{v}{q})"] = angles[v]
    return out


def _sympy_triangle(g: TriangleGivens) -> dict[str, Any]:
    """exact_triangle with sympy, for any givens."""
    import sympy as sp

    sides = {k: sp.Rational(v.numerator, v.denominator) for k, (v, _) in g.sides.items()}
    angles = {k: sp.Rational(v.numerator, v.denominator) * sp.pi / 180 for k, (v, _) in g.angles.items()}
    vs = g.vertices
    if len(angles) == 2:
        (missing,) = set(vs) - set(angles)
        angles[missing] = sp.pi - sum(angles.values())
    solved = _solve_triangle(vs, sides, angles)
    if solved is None:
        return {}
    sides, angles = solved
    out: dict[str, Any] = {}
    for i, v in enumerate(vs):
        p, q = vs[(i + 1) % 3], vs[(i + 2) % 3]
        out[f"length({p}{q})"] = sp.nsimplify(sides[v]) if sides[v].is_Float else sides[v]
        out[f"angle({p}{v}{q})"] = angles[v] * 180 / sp.pi
    return out


def _solve_triangle(vs: tuple[str, ...], sides: dict, angles: dict) -> tuple[dict, dict] | None:
    import sympy as sp

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


def _law_of_cosines_angle(sides: dict, v: str, vs: tuple[str, ...]) -> Any:
    import sympy as sp

    p, q = (sides[w] for w in vs if w != v)
    roots = [x for x in (p, q) if x.is_Pow and x.exp == sp.S.Half]
    if len(roots) == 1 and roots[0].base.has(sp.cos):
        # The side found from an angle outside the table, √S with S holding a cosine: its root leaves
        # the denominator by one multiplication by √S/√S. radsimp reaches an equal form, but first
        # asks nsimplify whether S is secretly a rational, a search that fails for a cosine and costs
        # about 10 ms a vertex.
        (root,) = roots
        other = q if root is p else p
        top, top_part = sp.expand(p**2 + q**2 - sides[v] ** 2).as_content_primitive()
        bottom, bottom_part = sp.expand(2 * other * root.base).as_content_primitive()
        k = top / bottom  # the common factor cancelled, as radsimp leaves it
        return sp.acos(k.p * top_part * root / (k.q * bottom_part))
    cos = (p**2 + q**2 - sides[v] ** 2) / (2 * p * q)
    return sp.acos(sp.radsimp(cos))
