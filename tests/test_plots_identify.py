"""The quick closed forms of marked points agree with sympy's nsimplify and are always proven."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from scidsl.domains.plots import exact
from scidsl.domains.plots.identify import first_form

CONSTANT_SETS = ([], [sp.pi], [sp.E])


def _precise(v: sp.Expr) -> sp.Float:
    """A number as the solver polishes it: 40 digits."""
    return sp.Float(v.evalf(45), 40)


def _tol(v: sp.Float) -> float:
    return 1e-25 * max(1.0, abs(float(v)))


def _assert_agrees(v: sp.Expr) -> int:
    """first_form of v, for each constant set, is None or exactly nsimplify's answer; counts the found."""
    found = 0
    p = _precise(v)
    for consts in CONSTANT_SETS:
        quick = first_form(p, consts, _tol(p))
        if quick is not None:
            found += 1
            assert sp.srepr(quick) == sp.srepr(sp.nsimplify(p, consts, tolerance=_tol(p))), (v, consts)
    return found


KNOWN = [
    (sp.pi / 4, [sp.pi], "pi/4"),
    (-5 * sp.pi / 4, [sp.pi], "-5*pi/4"),
    (sp.exp(-1), [sp.E], "exp(-1)"),
    (3 * sp.E / 7, [sp.E], "3*E/7"),
    (sp.sqrt(3), [], "sqrt(3)"),
    (-sp.sqrt(2) / 2, [], "-sqrt(2)/2"),
    ((1 + sp.sqrt(5)) / 2, [], "1/2 + sqrt(5)/2"),
    (sp.Rational(761, 243), [], "761/243"),
    (sp.Rational(-4, 9), [], "-4/9"),
]


@pytest.mark.parametrize(("value", "consts", "text"), KNOWN)
def test_first_form_names_simple_numbers_as_nsimplify_does(value, consts, text) -> None:
    p = _precise(value)
    quick = first_form(p, consts, _tol(p))
    assert quick is not None and str(quick) == text
    assert sp.srepr(quick) == sp.srepr(sp.nsimplify(p, consts, tolerance=_tol(p)))


@pytest.mark.parametrize(
    "value",
    [
        sp.log(3),
        sp.exp(sp.Rational(1, 3)),
        sp.sqrt(sp.pi),
        sp.Float("1.2345678901234567", 40),
        sp.Rational(1001, 997),
    ],
)
def test_first_form_says_nothing_for_other_numbers(value) -> None:
    p = _precise(value)
    assert all(first_form(p, consts, _tol(p)) is None for consts in CONSTANT_SETS)


def test_first_form_leaves_zero_to_nsimplify() -> None:
    assert first_form(sp.Integer(0), [], 1e-15) is None


@given(st.integers(-1100, 1100), st.integers(1, 1100))
def test_rationals_agree_with_nsimplify(p: int, q: int) -> None:
    if p:
        _assert_agrees(sp.Rational(p, q))


@given(
    st.integers(-40, 40),
    st.integers(1, 30),
    st.sampled_from([sp.pi, 1 / sp.pi, sp.E, 1 / sp.E, sp.sqrt(2), sp.sqrt(7), sp.Integer(1)]),
    st.integers(-6, 6),
)
def test_multiples_and_quadratics_agree_with_nsimplify(p: int, q: int, c: sp.Expr, a: int) -> None:
    value = sp.Rational(p, q) * c + a
    if value != 0:
        _assert_agrees(value)


@given(st.floats(-50, 50, allow_nan=False).filter(lambda v: abs(v) > 1e-6))
def test_arbitrary_numbers_agree_with_nsimplify(v: float) -> None:
    _assert_agrees(sp.Float(v, 40))


@given(st.integers(-30, 30), st.integers(1, 12), st.integers(2, 40))
def test_exact_values_agree_with_nsimplify(a: int, d: int, c: int) -> None:
    """As the y of a point: an exact number, nsimplify's default tolerance."""
    y = (a + sp.sqrt(c)) / d
    quick = first_form(y, [], 10**-15)
    if quick is not None:
        assert sp.srepr(quick) == sp.srepr(sp.nsimplify(y))


def test_quick_form_is_proven_or_none() -> None:
    x = sp.Symbol("x", real=True)
    near = sp.pi / 4 + sp.Rational(1, 10**27)  # within the search tolerance of π/4, yet not π/4
    precise = sp.Float(near.evalf(45), 40)
    assert first_form(precise, [sp.pi], _tol(precise)) == sp.pi / 4  # the search alone would say π/4
    assert exact._quick_proven(precise, 1e-25, x - near, x) is None
    assert exact._quick_proven(precise, 1e-25, sp.sin(x) - sp.cos(x), x) == sp.pi / 4


@pytest.mark.parametrize(
    ("equation", "start"),
    [
        ("sin(x) - cos(x)", 0.785398),
        ("sin(x) - cos(x)", 3.92699),
        ("log(x) + 1", 0.3678794),
        ("x**2 - 3", 1.7320508),
        ("2*x**2 + 4*x + 1", -0.2928932),
        ("9*x - 4", 0.444444),
        ("x - 3*E/7", 1.1650),
        ("x**2 - 2*x - 1", 2.4142136),
    ],
)
def test_quick_form_is_the_form_the_full_search_chooses(equation: str, start: float) -> None:
    x = sp.Symbol("x", real=True)
    eq = sp.parse_expr(equation, local_dict={"x": x, "E": sp.E})  # the test's own text
    precise = sp.nsolve(eq, x, start, prec=40)
    full = [c for c in exact._candidates(precise, 1e-25) if exact._holds(eq, x, c)]
    quick = exact._quick_proven(precise, 1e-25, eq, x)
    assert quick is not None
    assert str(quick) == str(full[0])
