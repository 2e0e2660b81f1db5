"""Closed-form triangle values print and convert exactly as the sympy path's values, case by case."""
from __future__ import annotations

import itertools
import pathlib
import subprocess
import sys
from fractions import Fraction

import pytest
import sympy as sp

from scidsl.domains.geometry import surds
from scidsl.domains.geometry.exact import TriangleGivens, _closed_form, _sympy_triangle

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _givens(sides: dict, angles: dict) -> TriangleGivens:
    g = TriangleGivens(("A", "B", "C"))
    g.sides.update({k: (Fraction(v), None) for k, v in sides.items()})
    g.angles.update({k: (Fraction(v), None) for k, v in angles.items()})
    return g


def _cases() -> list[tuple[dict, dict]]:
    out: list[tuple[dict, dict]] = []
    r = range(1, 7)
    out += [({"A": a, "B": b, "C": c}, {}) for a, b, c in itertools.product(r, r, r)
            if a + b > c and a + c > b and b + c > a]
    for p, q in itertools.product(r, r):
        out += [({"A": p, "C": q}, {"B": d}) for d in (30, 45, 60, 90, 120)]
        out += [({"A": p, "B": q}, {"B": 90}), ({"B": p, "A": Fraction(q, 2)}, {"B": 90})]
    for d1, d2 in itertools.product((15, 30, 45, 60, 90, 120, 135), repeat=2):
        if d1 + d2 < 180:
            out += [({v: Fraction(5, 2)}, {"A": d1, "B": d2}) for v in "ABC"]
    return out


def test_closed_form_values_are_the_sympy_values() -> None:
    closed = 0
    for sides, angles in _cases():
        g = _givens(sides, angles)
        fast, general = _closed_form(g), _sympy_triangle(g)
        if fast is surds.UNSUPPORTED:
            continue
        closed += 1
        assert fast.keys() == general.keys(), (sides, angles)
        for key, value in fast.items():
            assert str(value) == str(general[key]), (sides, angles, key)
            assert sp.sympify(value) == general[key], (sides, angles, key)
    assert closed > 200  # most teaching triangles take the closed form


@pytest.mark.parametrize("cos, expected", [(Fraction(0), "90"), (Fraction(-1, 2), "120"),
                                           (surds.Surd(Fraction(1, 2), 3), "30"),
                                           (Fraction(3, 5), "180*acos(3/5)/pi"),
                                           (surds.Surd(Fraction(-2, 13), 13), "180*acos(-2*sqrt(13)/13)/pi")])
def test_angles_from_cosines(cos: surds.Value, expected: str) -> None:
    assert str(surds.acos_degrees(cos)) == expected


def test_roots_are_canonical() -> None:
    assert str(surds.sqrt_of(Fraction(13, 4))) == "sqrt(13)/2"
    assert str(surds.sqrt_of(Fraction(7, 3))) == "sqrt(21)/3"
    assert surds.sqrt_of(Fraction(49, 4)) == Fraction(7, 2)
    assert surds.sqrt_of(Fraction(-1)) is None


def test_a_solved_right_triangle_needs_no_sympy() -> None:
    probe = ("import sys, scidsl; r = scidsl.compile(open(sys.argv[1], 'rb').read(), sys.argv[1]); "
             "print(r.ok, [f.value for f in r.facts if f.predicate == 'exact'], 'sympy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe, "examples/geometry/right_triangle_345.sdl"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == ("True ['4', '180*acos(3/5)/pi', '5', '90', '3', '180*acos(4/5)/pi'] False"), out


@pytest.mark.parametrize("p, q", [(6, 4), (3, 5), (1, 1), (Fraction(5, 2), 2), (2, Fraction(7, 3))])
@pytest.mark.parametrize("deg", [1, 20, 70, 110, 179])
def test_angles_beside_a_side_found_from_a_cosine_are_radsimps_values(p, q, deg: int) -> None:  # type: ignore[no-untyped-def]
    # Two sides and an angle outside the table: the third side is √S with a cosine in S, and the other
    # angles' cosines lose that root from their denominators by hand instead of through radsimp.
    from scidsl.domains.geometry.exact import _law_of_cosines_angle

    p, q = sp.Rational(p), sp.Rational(q)
    sides = {"A": sp.sqrt(sp.expand(p**2 + q**2 - 2 * p * q * sp.cos(sp.pi * deg / 180))), "B": p, "C": q}
    for v, (s, t) in (("B", (sides["A"], q)), ("C", (sides["A"], p))):
        found = _law_of_cosines_angle(sides, v, ("A", "B", "C"))
        expected = sp.acos(sp.radsimp((s**2 + t**2 - sides[v] ** 2) / (2 * s * t)))
        assert abs(float(found) - float(expected)) < 1e-12


def test_an_angle_bisector_triangle_keeps_radsimps_form() -> None:
    g = _givens({"B": 4, "C": 6}, {"A": 70})
    values = _sympy_triangle(g)
    assert str(values["angle(CBA)"]) == ("180*acos((3 - 2*cos(7*pi/18))*sqrt(52 - 48*cos(7*pi/18))/"
                                         "(26 - 24*cos(7*pi/18)))/pi")
