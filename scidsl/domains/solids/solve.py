"""Solve the free dimensions from the stated ones and the facts, exactly where sympy can (one unknown at a time)."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from scidsl.diagnostics import warning
from scidsl.domains.solids.problem import Equation, Problem
from scidsl.domains.solids.shapes import NOMINAL, Solid

MAX_SYSTEM = 2  # unknowns solved together as one system (sympy stays fast)


@dataclass
class Solution:
    """Exact values of the dimension symbols, which were defaults, and which statements fixed each."""

    values: dict[sp.Symbol, Any] = field(default_factory=dict)
    defaulted: set[sp.Symbol] = field(default_factory=set)
    sources: dict[sp.Symbol, list[Equation]] = field(default_factory=dict)

    def numeric(self, expr: Any) -> float:
        """A float of an expression in the solved symbols."""
        return float(sp.N(as_expr(expr).subs(self.values)))


def as_expr(value: Any) -> sp.Basic:
    """A sympy object for a sympy expression or a plain number; text is never parsed."""
    if isinstance(value, sp.Basic):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return sp.Integer(value)
    if isinstance(value, float):
        return sp.Float(value)
    raise TypeError(f"not a number or sympy expression: {type(value).__name__}")


def solve(pb: Problem) -> Solution | None:
    """Solve every dimension; report E8508 / E8509 / E8510 into pb.diags and return None on failure."""
    sol = Solution()
    pending = list(pb.equations)
    offsets = set(pb.offsets.values())
    params = [sym for s in pb.solids for sym in s.params.values()]
    guard = 0
    while guard < 4 * (len(params) + len(pending)) + 8:
        guard += 1
        if not _single_steps(pb, sol, pending, offsets):
            return None
        if not _systems(pb, sol, pending, offsets):
            return None
        free = [p for p in params if p not in sol.values]
        if not free:
            break
        _default_one(pb, sol, free, pending)
    _place(pb, sol)
    for eq in pending:  # facts between solids placed side by side, checked once placed
        if not _consistent(pb, sol, eq):
            return None
    return sol


def _free(eq: Equation, sol: Solution) -> set[sp.Symbol]:
    return set(eq.poly.free_symbols) - set(sol.values)


def _single_steps(pb: Problem, sol: Solution, pending: list[Equation], offsets: set) -> bool:
    progress = True
    while progress:
        progress = False
        for eq in list(pending):
            free = _free(eq, sol)
            if free & offsets:
                continue
            if not free:
                pending.remove(eq)
                if not _consistent(pb, sol, eq):
                    return False
                continue
            if len(free) == 1:
                sym = free.pop()
                roots = _roots(eq, sym, sol)
                if not roots:
                    _impossible(pb, sol, eq, sym)
                    return False
                sol.values[sym] = roots[0]
                sol.sources[sym] = [eq] + _sources(sol, eq)
                pending.remove(eq)
                progress = True
    return True


def _roots(eq: Equation, sym: sp.Symbol, sol: Solution) -> list[Any]:
    """Positive real roots of the equation in one unknown that satisfy the unsquared form, smallest first."""
    poly = sp.expand(eq.poly.subs(sol.values))
    try:
        cands = sp.solve(poly, sym)
    except (NotImplementedError, ValueError, TypeError):
        cands = []
    out = []
    for c in cands:
        c = sp.nsimplify(c) if c.is_Float else c
        try:
            v = complex(sp.N(c))
        except TypeError:
            continue
        if abs(v.imag) > 1e-9 or v.real <= 1e-12:
            continue
        c = sp.re(c) if abs(v.imag) > 0 else c
        if _holds(eq, sol, {sym: c}):
            out.append(sp.radsimp(sp.simplify(c)))
    return sorted(out, key=lambda x: float(sp.N(x)))


def _holds(eq: Equation, sol: Solution, extra: dict) -> bool:
    vals = {**sol.values, **extra}
    try:
        m, t = float(sp.N(eq.measure.subs(vals))), float(sp.N(as_expr(eq.target).subs(vals)))
    except (TypeError, ValueError):
        return False
    return math.isfinite(m) and abs(m - t) <= 1e-7 * max(1.0, abs(t))


def _sources(sol: Solution, eq: Equation) -> list[Equation]:
    """The statements that fixed the symbols of an equation, in source order (those without a place last)."""
    out: list[Equation] = []
    for sym in sorted(eq.poly.free_symbols, key=str):  # a set's order changes from run to run
        for src in sol.sources.get(sym, []):
            if src is not eq and src not in out:
                out.append(src)
    return sorted(out, key=_place_in_source)


def _place_in_source(eq: Equation) -> tuple[float, float]:
    """Line and column where an equation is stated."""
    return (eq.span.line, eq.span.col) if eq.span else (math.inf, math.inf)


def _consistent(pb: Problem, sol: Solution, eq: Equation) -> bool:
    if _holds(eq, sol, {}):
        return True
    got = _measure_text(pb, eq, sol.numeric(eq.measure))
    others = _sources(sol, eq)
    pb.report("E8509", f"{eq.what} contradicts the other dimensions: they make it {got}", eq.span,
              "remove one of the conflicting statements", tuple((o.span, f"this fixes it: {o.what}")
                                                                 for o in others if o.span))
    return False


def _measure_text(pb: Problem, eq: Equation, value: float) -> str:
    if eq.angle:
        return f"{math.degrees(math.acos(max(-1.0, min(1.0, value)))):.4g}°"
    return f"{value:.4g} {pb.unit}".strip()


def _impossible(pb: Problem, sol: Solution, eq: Equation, sym: sp.Symbol) -> None:
    """E8508 with the range the measure can take as the free dimension varies."""
    expr = eq.measure.subs(sol.values)
    vals = []
    for x in (sp.Rational(1, 10**9), sp.Integer(10**9)):
        try:
            v = complex(sp.N(expr.subs(sym, x)))
        except (TypeError, ValueError):
            continue
        if abs(v.imag) < 1e-9 and math.isfinite(v.real):
            vals.append(v.real)
    what = str(sym).split(".")[-1]
    others = _sources(sol, eq)
    bound = ""
    if vals and not eq.angle:
        lo = min(vals)
        bound = f": with these dimensions it is always more than {lo:.4g} {pb.unit}".rstrip()
        if len(vals) == 2 and max(vals) < 1e6:
            bound = f": with these dimensions it lies between {lo:.4g} and {max(vals):.4g} {pb.unit}".rstrip()
    elif vals and eq.angle:
        degs = sorted(math.degrees(math.acos(max(-1.0, min(1.0, v)))) for v in vals)
        bound = (f": with these dimensions it is always {degs[0]:.4g}°" if degs[-1] - degs[0] < 1e-6 else
                 f": with these dimensions it lies between {degs[0]:.4g}° and {degs[-1]:.4g}°")
    pb.report("E8508", f"no solid fits {eq.what} (whatever its {what}){bound}", eq.span,
              "check the numbers: e.g. a lateral edge must be longer than half the base diagonal",
              tuple((o.span, f"together with {o.what}") for o in others if o.span))


def _systems(pb: Problem, sol: Solution, pending: list[Equation], offsets: set) -> bool:
    """Equations sharing two or three unknowns, solved together when there are as many as unknowns."""
    eqs = [e for e in pending if not (_free(e, sol) & offsets) and 1 < len(_free(e, sol)) <= MAX_SYSTEM]
    if not eqs:
        return True
    syms = sorted(set().union(*(_free(e, sol) for e in eqs)), key=str)
    if len(syms) > MAX_SYSTEM or len(eqs) < len(syms):
        return True
    try:
        cands = sp.solve([sp.expand(e.poly.subs(sol.values)) for e in eqs], syms, dict=True)
    except (NotImplementedError, ValueError, TypeError):
        cands = []
    for c in cands:
        if all(_positive(c.get(s)) for s in syms) and all(_holds(e, sol, c) for e in eqs):
            for s in syms:
                sol.values[s] = sp.radsimp(sp.simplify(c[s]))
                sol.sources[s] = list(eqs)
            for e in eqs:
                pending.remove(e)
            return True
    if len(eqs) >= len(syms):
        pb.report("E8508", f"no solid fits {eqs[0].what} together with the other facts", eqs[0].span,
                  "check the numbers", tuple((e.span, f"together with {e.what}") for e in eqs[1:] if e.span))
        return False
    return True


def _positive(v: Any) -> bool:
    if v is None:
        return False
    try:
        z = complex(sp.N(v))
    except TypeError:
        return False
    return abs(z.imag) < 1e-9 and z.real > 1e-12


def _default_one(pb: Problem, sol: Solution, free: list[sp.Symbol], pending: list[Equation]) -> None:
    """Give one free dimension a default proportional to what is known of its solid."""
    sym = free[0]
    solid = next(s for s in pb.solids if sym in s.params.values())
    nominal = NOMINAL[solid.kind]
    open_params = sorted((p for p, v in solid.params.items() if v not in sol.values), key=lambda p: nominal[p])
    param = open_params[0]
    sym = solid.params[param]
    value = _exact(nominal[param] * _scale(pb, sol, solid, nominal))
    sol.values[sym] = value
    sol.defaulted.add(sym)
    known = any(v in sol.values and v not in sol.defaulted for v in solid.params.values())
    tied = any(sym in e.poly.free_symbols for e in pending)
    if known or tied:
        pb.diags.append(warning("W8501", f"the {param.replace('_', ' ')} of {solid.kind} {solid.key} is not stated; "
                                f"it is drawn as {float(value):.3g} {pb.unit}".rstrip(), solid.node.span,
                                f"state it, e.g. {param}: {float(value):.3g} {pb.unit or 'cm'}"))


def _scale(pb: Problem, sol: Solution, solid: Solid, nominal: dict[str, float]) -> float:
    for p, v in solid.params.items():
        if v in sol.values:
            return sol.numeric(v) / nominal[p]
    lengths = [e for e in pb.equations if not e.angle and any(v in e.poly.free_symbols
                                                               for v in solid.params.values())]
    if lengths:
        return float(sp.N(lengths[0].target)) / max(nominal.values()) * 0.9
    if sol.values:
        return sol.numeric(next(iter(sol.values))) / 4
    return 1.0


def _exact(v: float) -> Any:
    return sp.Rational(round(v, 3)).limit_denominator(1000)


def _place(pb: Problem, sol: Solution) -> None:
    """Solids without `at` stand side by side along x, in statement order, with a gap."""
    x: float | None = None
    sizes = [_extent(s, sol) for s in pb.solids]
    gap = 0.35 * max((b - a for a, b in sizes), default=1.0)
    for solid, (lo, hi) in zip(pb.solids, sizes):
        sym = pb.offsets.get(solid.key)
        if sym is None:
            continue
        off = _exact(x - lo) if x is not None else _exact(-(lo + hi) / 2)
        sol.values[sym] = off
        x = float(off) + hi + gap


def _extent(s: Solid, sol: Solution) -> tuple[float, float]:
    """x-range of a solid in its own coordinates."""
    if s.round:
        r = sol.numeric(s.params["radius"])
        return -r, r
    xs = [sol.numeric(p[0]) for p in s.points.values()]
    return min(xs), max(xs)
