"""Closed-form triangle values in exact arithmetic without sympy: rationals and single square roots.

A triangle whose givens lead only to numbers ``c·√m`` (c rational, m a square-free integer) and to angles
``acos`` of such numbers is solved here with fractions. Each value prints as sympy prints the same value
and turns into that sympy value on demand (``_sympy_``), so facts are the same with or without sympy.
Anything else (a sine of 105°, a nested root) answers ``UNSUPPORTED`` and the sympy path takes over.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Union

UNSUPPORTED = None  # the closed form cannot express this triangle; use the general path


@dataclass(frozen=True)
class Surd:
    """coef·√rad with rad > 1 square-free (a plain rational is a Fraction)."""

    coef: Fraction
    rad: int

    def __str__(self) -> str:
        p, q = abs(self.coef.numerator), self.coef.denominator
        text = f"sqrt({self.rad})" if p == 1 else f"{p}*sqrt({self.rad})"
        return ("-" if self.coef < 0 else "") + (text if q == 1 else f"{text}/{q}")

    def __float__(self) -> float:
        return float(self.coef) * math.sqrt(self.rad)

    def _sympy_(self) -> Any:
        import sympy as sp

        return sp.Rational(self.coef.numerator, self.coef.denominator) * sp.sqrt(self.rad)


Value = Union[Fraction, Surd]


@dataclass(frozen=True)
class AcosDegrees:
    """An angle in degrees, 180·acos(cos)/π, whose cosine is not one of the tabled values."""

    cos: Value

    def __str__(self) -> str:
        return f"180*acos({self.cos})/pi"

    def __float__(self) -> float:
        return math.degrees(math.acos(float(self.cos)))

    def _sympy_(self) -> Any:
        import sympy as sp

        c = self.cos
        exact = c._sympy_() if isinstance(c, Surd) else sp.Rational(c.numerator, c.denominator)
        return 180 * sp.acos(exact) / sp.pi  # built from the numbers, never from text


def _squarefree(n: int) -> tuple[int, int]:
    """(s, m) with n = s²·m and m square-free (n a positive integer of a few digits)."""
    s, m, k = 1, n, 2
    while k * k <= m:
        while m % (k * k) == 0:
            m //= k * k
            s *= k
        k += 1
    return s, m


def surd(coef: Fraction, n: int) -> Value | None:
    """coef·√n in canonical form; None when n is too large to factor quickly."""
    if n > 10**12:
        return UNSUPPORTED
    s, m = _squarefree(n)
    c = coef * s
    return c if m == 1 or c == 0 else Surd(c, m)


def sqrt_of(q: Fraction) -> Value | None:
    """√q for q > 0, as c·√m (√(a/b) = √(ab)/b); None for q ≤ 0."""
    if q <= 0:
        return UNSUPPORTED
    return surd(Fraction(1, q.denominator), q.numerator * q.denominator)


def square(v: Value) -> Fraction:
    """v², a rational."""
    return v.coef**2 * v.rad if isinstance(v, Surd) else v * v


def _parts(v: Value) -> tuple[Fraction, int]:
    return (v.coef, v.rad) if isinstance(v, Surd) else (v, 1)


def times(a: Value, b: Value) -> Value | None:
    """a·b."""
    (ca, ma), (cb, mb) = _parts(a), _parts(b)
    return surd(ca * cb, ma * mb)


def divide(a: Value, b: Value) -> Value | None:
    """a/b for b ≠ 0 (c₁√m₁ / c₂√m₂ = c₁/(c₂·m₂)·√(m₁m₂))."""
    (ca, ma), (cb, mb) = _parts(a), _parts(b)
    return surd(ca / (cb * mb), ma * mb)


# cos θ → θ in degrees, where sympy's acos gives a multiple of π (values of the form c·√m only)
_ACOS_TABLE: dict[Value, Fraction] = {
    Fraction(1): Fraction(0), Fraction(-1): Fraction(180), Fraction(0): Fraction(90),
    Fraction(1, 2): Fraction(60), Fraction(-1, 2): Fraction(120),
    Surd(Fraction(1, 2), 2): Fraction(45), Surd(Fraction(-1, 2), 2): Fraction(135),
    Surd(Fraction(1, 2), 3): Fraction(30), Surd(Fraction(-1, 2), 3): Fraction(150),
}
# θ in degrees → sin θ, for the angles whose sine is c·√m
SIN_TABLE: dict[Fraction, Value] = {
    Fraction(d): v for d, v in ((30, Fraction(1, 2)), (45, Surd(Fraction(1, 2), 2)), (60, Surd(Fraction(1, 2), 3)),
                                (90, Fraction(1)), (120, Surd(Fraction(1, 2), 3)), (135, Surd(Fraction(1, 2), 2)),
                                (150, Fraction(1, 2)))}
# θ in degrees → cos θ, for the angles whose cosine is rational
COS_TABLE: dict[Fraction, Fraction] = {Fraction(60): Fraction(1, 2), Fraction(90): Fraction(0),
                                       Fraction(120): Fraction(-1, 2)}


def acos_degrees(cos: Value) -> Fraction | AcosDegrees | None:
    """The angle with this cosine, in degrees; None outside [-1, 1]."""
    if float(cos) < -1 or float(cos) > 1:
        return UNSUPPORTED
    return _ACOS_TABLE[cos] if cos in _ACOS_TABLE else AcosDegrees(cos)


def cosine_angle(opposite: Value, p: Value, q: Value) -> Fraction | AcosDegrees | None:
    """The angle opposite a side, from the other two (law of cosines)."""
    prod = times(p, q)
    if prod is None or prod == 0:
        return UNSUPPORTED
    cos = divide((square(p) + square(q) - square(opposite)) / 2, prod)
    return UNSUPPORTED if cos is None else acos_degrees(cos)
