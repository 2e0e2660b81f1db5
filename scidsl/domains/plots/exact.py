"""Exact forms of computed points (√3, π/4, 1/e), recognised from the numbers and proved to high precision.

A candidate comes from sympy's nsimplify of the float; it is kept only when the defining equation
(f = 0, f' = 0, f = g) holds for it to 30 digits, so a label never shows a wrong closed form.
nsimplify's search is slow when it fails (and two of its three runs per point fail), so the first
step of that search is tried alone first (identify.first_form): a form it finds is one nsimplify
finds too, and once proven it is the form nsimplify's candidates would have given.
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
    for consts in _constant_sets():
        try:
            c = sp.nsimplify(value, consts, tolerance=tol)
        except (ValueError, TypeError, ArithmeticError):
            continue
        if _fits(c, value, tol):
            out.append(c)
    return sorted(out, key=lambda c: len(str(c)))


def _constant_sets() -> tuple[list[Any], ...]:
    """The constant sets a closed form may use, in the order nsimplify is asked with them."""
    import sympy as sp

    return ([], [sp.pi], [sp.E])


def _fits(c: Any, value: Any, tol: float) -> bool:
    """c is a short closed form (not a float) within tol of the value."""
    return not c.is_Float and len(str(c)) <= _MAX_TEXT and abs((c - value).evalf(_DIGITS)) < tol


def _quick_proven(value: Any, rel_tol: float, equation: Any, x: Any) -> Optional[Any]:
    """The closed form _candidates would choose for a precise root, when identify's first step finds it.

    A form found by first_form is one of _candidates' (nsimplify returns it for that constant set);
    once it fits and is proven, every other proven candidate is the same number, which sympy writes
    the same way, so the choice is the same. None leaves the full search to _candidates.
    """
    from scidsl.domains.plots.identify import first_form

    tol = rel_tol * max(1.0, abs(float(value)))
    for consts in _constant_sets():
        c = first_form(value, consts, tol)
        if c is not None and _fits(c, value, tol) and _holds(equation, x, c):
            return c
    return None


def _exact_y(fs: Any, x: Any, c: Any) -> Any:
    """nsimplify(f(c)): an exact value identify names at once is taken as nsimplify would return it."""
    import sympy as sp

    from scidsl.domains.plots.identify import first_form

    y = fs.subs(x, c)
    if not y.atoms(sp.Float):  # nsimplify's tolerance for a number without floats
        found = first_form(y, [], 10**-15)
        if found is not None:
            return found
    return sp.nsimplify(y)


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
        proven = _candidates(x_value, 1e-12)
    else:
        # polish the root of the defining equation to 40 digits, so only true closed forms fit it
        precise = sp.nsolve(equation, x, x_value, prec=_DIGITS)
        if abs(float(precise) - x_value) > 1e-6 * max(1.0, abs(x_value)):
            return None
        quick = None if _is_short_decimal(float(precise)) else _quick_proven(precise, 1e-25, equation, x)
        if quick is not None:
            proven = [quick]
        else:
            proven = [c for c in _candidates(precise, 1e-25) if _holds(equation, x, c)]
    if not proven:
        return None
    c = proven[0]
    y = _exact_y(fs, x, c)
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
