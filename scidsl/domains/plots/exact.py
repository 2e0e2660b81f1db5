"""Exact forms of computed points (√3, π/4, 1/e), recognised from the numbers and proved to high precision.

A candidate comes from sympy's nsimplify of the float; it is kept only when the defining equation
(f = 0, f' = 0, f = g) holds for it to 30 digits, so a label never shows a wrong closed form.
"""

from __future__ import annotations

from typing import Any, Optional

from scidsl.model import Expr

_MAX_TEXT = 16  # per coordinate; longer closed forms read worse than decimals in a figure
_MAX_POINT_TEXT = 22
_DIGITS = 40


def _is_short_decimal(v: float) -> bool:
    return abs(round(v, 2) - v) < 1e-12 * max(1.0, abs(v))


def _candidates(value: Any, rel_tol: float) -> list[Any]:
    """Short closed forms within rel_tol of the value, shortest first."""
    import sympy as sp

    if _is_short_decimal(float(value)):
        return [sp.nsimplify(round(float(value), 2), rational=True)]
    tol = rel_tol * max(1.0, abs(float(value)))
    out = []
    for consts in ([], [sp.pi], [sp.E]):
        try:
            c = sp.nsimplify(value, consts, tolerance=tol)
        except (ValueError, TypeError, ArithmeticError):
            continue
        if not c.is_Float and len(str(c)) <= _MAX_TEXT and abs((c - value).evalf(_DIGITS)) < tol:
            out.append(c)
    return sorted(out, key=lambda c: len(str(c)))


def _holds(equation: Any, x: Any, c: Any) -> bool:
    """The equation (an expression that must vanish) is zero at x = c to many digits."""
    value = equation.subs(x, c).evalf(_DIGITS)
    return bool(value.is_number and abs(complex(value)) < 1e-30)


def _too_wild(expr: Any, x: Any) -> bool:
    """True for a variable power of a variable (x^x, 2^x^x) or an integer power past 10^4."""
    import sympy as sp

    for p in expr.atoms(sp.Pow):
        if p.exp.has(x) and (p.base.has(x) or any(q.exp.has(x) for q in p.exp.atoms(sp.Pow))):
            return True
        if p.exp.is_Integer and abs(int(p.exp)) > 10_000:
            return True
    return False


def exact_point(
    kind: str, x_value: float, f: Expr, g: Optional[Expr] = None, given_x: bool = False
) -> Optional[tuple[Any, Any]]:
    """(x, y) as sympy numbers when both have a short proven closed form, else None."""
    try:
        return _exact_point(kind, x_value, f, g, given_x)
    except Exception:  # noqa: BLE001 - an exact form is a nicety; the float is always right
        return None


def _exact_point(
    kind: str, x_value: float, f: Expr, g: Optional[Expr], given_x: bool
) -> Optional[tuple[Any, Any]]:
    import sympy as sp

    from scidsl.expr import to_sympy

    x = sp.Symbol("x", real=True)
    fs = to_sympy(f.tree, {"x": x})
    if _too_wild(fs, x) or (g is not None and _too_wild(to_sympy(g.tree, {"x": x}), x)):
        return None  # power towers and huge powers make high-precision solving unbounded in time and memory
    # a computed x is only as precise as its solver (an extremum to ~1e-8); the proof below guards the guess
    equation = {
        "root": fs,
        "minimum": sp.diff(fs, x),
        "maximum": sp.diff(fs, x),
        "extremum": sp.diff(fs, x),
    }.get(kind)
    if kind == "intersection" and g is not None:
        equation = fs - to_sympy(g.tree, {"x": x})
    if kind == "y_intercept" or given_x:
        equation = None
    if equation is None:
        candidates = _candidates(x_value, 1e-12)
    else:
        # polish the root of the defining equation to 40 digits, so only true closed forms fit it
        precise = sp.nsolve(equation, x, x_value, prec=_DIGITS)
        if abs(float(precise) - x_value) > 1e-6 * max(1.0, abs(x_value)):
            return None
        candidates = _candidates(precise, 1e-25)
    proven = [c for c in candidates if equation is None or _holds(equation, x, c)]
    if not proven:
        return None
    c = proven[0]
    y = sp.nsimplify(fs.subs(x, c))
    if len(str(c)) + len(str(y)) > _MAX_POINT_TEXT or not y.is_number or not y.is_real:
        return None
    return c, y


def latex_point(p: tuple[Any, Any]) -> str:
    """Mathtext for an exact point with inline fractions, $(\\pi/4, \\sqrt{2}/2)$ (\\frac renders too small)."""
    return f"$({inline_latex(p[0])}, {inline_latex(p[1])})$"


def inline_latex(v: Any) -> str:
    """A sympy number as mathtext with a/b fractions: \\pi/4, -\\sqrt{2}/2, (1 + \\sqrt{5})/2, 1/e."""
    import sympy as sp

    def tex(x: Any) -> str:
        return sp.latex(x).replace("\\left(", "(").replace("\\right)", ")")

    num, den = sp.fraction(sp.together(v))
    if den == 1:
        body = tex(num)
    else:
        sign = "-" if num.could_extract_minus_sign() else ""
        num = -num if sign else num
        top = f"({tex(num)})" if isinstance(num, sp.Add) else tex(num)
        bottom = f"({tex(den)})" if isinstance(den, (sp.Add, sp.Mul)) and not den.is_Pow else tex(den)
        body = f"{sign}{top}/{bottom}"
    # braces keep a leading minus unary (no binary-operator spacing after the comma)
    return "{" + body + "}"


def plain_point(p: tuple[Any, Any]) -> str:
    """Plain text of an exact point for facts: (pi/4, sqrt(2)/2)."""
    return f"({p[0]}, {p[1]})"


def needs_exact(p: tuple[float, float]) -> bool:
    """True when a coordinate is not a short decimal (so its closed form says more)."""
    return not (_is_short_decimal(p[0]) and _is_short_decimal(p[1]))
