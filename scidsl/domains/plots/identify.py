"""The closed form nsimplify finds in the first step of mpmath's identify, without the rest of it.

sympy's nsimplify(v, constants, tolerance) hands v, rounded to 30 digits, to mpmath's identify.
That tries some 25 transforms of v (v·c, v/c, c/v, v², √v, eᵛ, ln v, ...) against 1 and each
constant c, with two integer-relation searches (PSLQ) each, and answers with the first relation it
finds. The first transform, v·c, already finds rationals, quadratic irrationals such as (1 + √5)/2
and rational multiples of π or e (or of their inverses); when a number has no such form, the rest of
the search costs tens of milliseconds. `first_form` repeats only that first step, with identify's
precision, tolerance and coefficient bound, and builds the sympy number identify's text would have
parsed to. A form from it is therefore the answer identify gives; None says nothing (the caller
asks nsimplify itself).
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

_PREC = 30  # the digits nsimplify evaluates at and sets for identify
_BPREC = int(_PREC * 3.33)  # the bits nsimplify converts the number and the constants with
_MAXCOEFF = 1000  # identify's default bound on the integers of a relation


def first_form(value: Any, constants: Sequence[Any], tol: float) -> Optional[Any]:
    """What nsimplify(value, constants, tolerance=tol) returns if identify succeeds at once, else None.

    value is a sympy number (a Float or an exact expression), constants sympy constants such as pi.

    None means identify would have gone on to its other transforms (or that the value is zero,
    complex or not a number), which this does not repeat.
    """
    import mpmath
    import sympy as sp

    re, im = value.evalf(_PREC, chop=True).as_real_imag()
    if not (re.is_Number and im.is_Number) or im != 0 or re == 0:
        return None
    with mpmath.workdps(_PREC):
        x = mpmath.mpf(re._to_mpmath(_BPREC))
        named = sorted(((str(c), c) for c in constants), key=lambda nc: nc[0])
        basis = [(mpmath.mpf(1), sp.S.One)] + [
            (mpmath.mpf(c.evalf(_PREC)._to_mpmath(_BPREC)), c) for _, c in named
        ]
        form = _times_constant(abs(x), basis, mpmath.mpf(tol))
    if form is None or form == 0:  # nsimplify refuses a zero for a nonzero number
        return None
    return -form if x < 0 else form  # identify names -x and negates the text


def _times_constant(x: Any, basis: list[tuple[Any, Any]], tol: Any) -> Optional[Any]:
    """identify's first transform: a relation for x·c (c = 1, then each constant) as a sympy number."""
    for c_value, c in basis:
        t = x * c_value
        if abs(t) > _MAXCOEFF**2 or abs(t) < tol:
            continue  # identify skips a transform too large or too small to search
        form = _linear(t, basis, tol)
        if form is None:
            form = _quadratic(t, tol)
        if form is not None:
            return form if c == 1 else form / c
    return None


def _linear(t: Any, basis: list[tuple[Any, Any]], tol: Any) -> Optional[Any]:
    """t as a rational combination of 1 and the constants, as identify's pslqstring writes it."""
    import mpmath
    import sympy as sp

    r = mpmath.pslq([t] + [v for v, _ in basis], tol, _MAXCOEFF)
    if r is None or max(abs(u) for u in r) > _MAXCOEFF or not r[0]:
        return None
    return sp.Add(*[sp.Rational(-p, r[0]) * c for p, (_, c) in zip(r[1:], basis) if p])


def _quadratic(t: Any, tol: Any) -> Optional[Any]:
    """t as the root (-b ± √(b² - 4ac)) / 2c of a + b·t + c·t² = 0 that identify's quadraticstring picks."""
    import mpmath
    import sympy as sp

    q = mpmath.pslq([mpmath.mpf(1), t, t**2], tol, _MAXCOEFF)
    if q is None or len(q) != 3 or not q[2]:
        return None
    a, b, c = q
    if max(abs(a), abs(b), abs(c)) > _MAXCOEFF:
        return None
    if c < 0:
        a, b, c = -a, -b, -c
    disc = b**2 - 4 * a * c
    u1 = (-b + mpmath.sqrt(disc)) / (2 * c)
    u2 = (-b - mpmath.sqrt(disc)) / (2 * c)
    root = sp.sqrt(sp.Integer(disc)) if abs(u1 - t) < abs(u2 - t) else -sp.sqrt(sp.Integer(disc))
    if not b:  # identify writes ±sqrt(-4ac)/2c, the same number
        return root / sp.Integer(2 * c)
    return (sp.Integer(-b) + root) / sp.Integer(2 * c)
