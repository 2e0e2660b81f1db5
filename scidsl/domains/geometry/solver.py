"""Solve a geometry Problem: coordinates for every point, or the statements that conflict.

Constructed points are computed directly; the free points (and free radii) are found by least squares
over the facts, first with a weak pull towards a well-proportioned target figure (which settles the
freedom the facts leave), then almost without it so that the facts hold to round-off. Conflicts are
explained by removing statements one at a time until only a minimal conflicting set is left.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from . import constructions as cx
from .facts_eval import describe_fact, fact_points, fact_residual, residual_fn
from .graph import Env, Graph, GraphError, build_graph
from .lsq import least_squares
from .orient import apply_direction, apply_point, orientation_transform
from .problem import Fact, Origin, Problem
from .targets import initial_targets, problem_scale

TOLERANCE = 1e-6  # largest dimensionless fact residual accepted as "holds"
PULL = 0.1  # weight of the pull towards the target figure while shaping
POLISH_PULL = 1e-6  # weight kept while polishing, so the step stays well-posed
DEFAULT_BUDGET_S = 5.0
MAX_UNKNOWNS = 400
STOUT = 0.1  # while polishing, a polygon's area is kept at least this times its longest side squared
AREA_FLOOR = 0.05  # while shaping, polygons keep at least this area (in squared typical lengths)
# The shaping solve only settles the freedom the facts leave (the polish that follows makes them hold to
# round-off), so it stops at the usual least-squares tolerances: its last iterations crept along a flat
# valley (the pull keeps residuals from reaching zero, so Gauss–Newton converges only linearly), a third
# of a solve's evaluations for a change of at most 1e-5 of the figure's size.
SHAPING_TOLERANCES = {"xtol": 1e-8, "ftol": 1e-8, "gtol": 1e-8, "max_nfev": 300}


@dataclass(frozen=True)
class Conflict:
    """Why a problem has no figure: kind is structure|inconsistent|degenerate|construction|budget."""

    kind: str
    message: str
    origins: tuple[Origin, ...] = ()
    hint: str | None = None


@dataclass
class Solution:
    """Coordinates in problem units; ``exact`` holds sympy values of triangle measures when known."""

    points: dict[str, cx.Vec]
    circles: dict[str, cx.CircleVal]
    lines: dict[str, cx.LineVal]
    scale: float
    max_residual: float
    exact: dict[str, Any] = field(default_factory=dict)


@dataclass
class SolveResult:
    """A solution, or the conflicts that prevent one."""

    solution: Solution | None
    conflicts: list[Conflict]

    @property
    def ok(self) -> bool:
        """True when a figure was found."""
        return self.solution is not None and not self.conflicts


class _OutOfTime(Exception):
    """The time budget ran out inside the numeric solver."""


def solve(problem: Problem, budget_s: float = DEFAULT_BUDGET_S) -> SolveResult:
    """Compute coordinates for a problem, or explain why its facts cannot all hold."""
    try:
        graph = build_graph(problem)
    except GraphError as e:
        return SolveResult(None, [Conflict("structure", e.message, (e.origin,), e.hint)])
    if 2 * len(graph.free_points) + len(graph.free_radii) > MAX_UNKNOWNS:
        return SolveResult(None, [Conflict("structure", f"too many free points (limit "
                                           f"{MAX_UNKNOWNS // 2})", ())])
    pre = _triangle_conflicts(problem)
    if pre:
        return SolveResult(None, pre)
    ctx = _Context(problem, graph, time.monotonic() + budget_s)
    try:
        return ctx.run()
    except (OverflowError, ZeroDivisionError, FloatingPointError, ValueError):
        return SolveResult(None, [Conflict("inconsistent", "the facts lead to numbers out of range", _given(problem),
                                           "check the sizes of the given values")])
    except _OutOfTime:
        return SolveResult(None, [Conflict("budget", f"the solver ran out of its {budget_s:g} s "
                                           "budget", _given(problem), "state fewer or simpler facts")])


def _given(problem: Problem) -> tuple:
    """Where the stated facts come from: a conflict of the whole figure points at them."""
    return tuple(f.origin for f in problem.facts if f.origin is not None)


def _triangle_conflicts(problem: Problem) -> list[Conflict]:
    from .exact import check_triangle, collect_givens, degenerate_sides  # sympy, only for triangles

    out = []
    for poly in problem.polygons:
        if len(poly.vertices) == 3:
            g = collect_givens(problem, poly.vertices)  # type: ignore[arg-type]
            bad = check_triangle(g) or degenerate_sides(g)
            if bad:
                out.append(Conflict(bad.kind, bad.message, bad.origins, bad.hint))
    return out


class _Context:
    """One solve: the graph, scale, targets and the fact subset being tried."""

    def __init__(self, problem: Problem, graph: Graph, deadline: float) -> None:
        self.p, self.g, self.deadline = problem, graph, deadline
        self.scale = problem_scale(problem)
        self.unknown = self._unknown_refs()
        self.x0 = np.zeros(0) if self.unknown else initial_targets(problem, graph, self.scale)

    def _unknown_refs(self) -> list[Conflict]:
        names = set(self.g.point_names)
        n = 2 * len(self.g.free_points) + len(self.g.free_radii)
        env = self.g.evaluate(np.arange(1.0, n + 1.0))
        out = []
        for f in self.p.facts:
            missing = sorted(fact_points(f) - names)
            if missing:
                out.append(Conflict("structure", f"{describe_fact(f)} names unknown point "
                                    f"{missing[0]!r}", (f.origin,)))
                continue
            try:
                fact_residual(f, env, self.scale)
            except KeyError as e:
                out.append(Conflict("structure", f"{describe_fact(f)} names unknown object "
                                    f"{e.args[0]!r}", (f.origin,)))
        return out

    def run(self) -> SolveResult:
        """Solve with all facts; on failure find which statements conflict."""
        if self.unknown:
            return SolveResult(None, self.unknown)
        x, err = self.best(self.p.facts)
        if err > TOLERANCE:
            return SolveResult(None, self.explain(x))
        env = self.g.evaluate(x)
        flat = self.degenerate(env) or self.runaway(env)
        if flat:
            return SolveResult(None, flat)
        sol = Solution(dict(env.points), dict(env.circles), dict(env.lines), self.scale, err,
                       self.exact_values())
        return SolveResult(_oriented(self.p, sol), [])

    # -- numerics ------------------------------------------------------------------------------------
    def residuals(self, facts: list[Fact], pull: float, target: np.ndarray, shaping: bool = False,
                  stout: bool = False) -> Callable:
        """Residual function: facts, construction penalties, polygon areas, the pull towards target.

        While shaping, polygons are kept from collapsing: a flat figure often satisfies parallels and
        points-on-sides trivially, and least squares would happily slide into it. `stout` keeps each
        polygon's area at least STOUT times its longest side squared instead, whatever its size.
        """
        n, m = len(target), len(facts)
        polys = [poly.vertices for poly in self.p.polygons]
        measured = [residual_fn(f, self.scale) for f in facts]
        scale, area_unit, tail = self.scale, self.scale**2, m + 1 + len(polys)
        floor = AREA_FLOOR * area_unit
        unshaped = [0.0] * len(polys)

        def fun(x: np.ndarray) -> np.ndarray:
            if time.monotonic() > self.deadline:
                raise _OutOfTime
            env = self.g.evaluate(x)
            head = [residual(env) for residual in measured]
            head.append(math.sqrt(sum(p * p for _, p, _ in env.penalties)) / scale)
            if shaping or stout:
                for vs in polys:
                    pts = [env.points[v] for v in vs]
                    area = abs(cx.polygon_area(pts))
                    least = STOUT * max(cx.dist(p, q) ** 2 for p, q in zip(pts, pts[1:] + pts[:1])) if stout else floor
                    head.append(max(0.0, least - area) / area_unit)
            else:
                head += unshaped
            out = np.empty(tail + n)
            out[:tail] = head
            out[tail:] = pull * (x - target) / scale
            return out

        return fun

    def error(self, facts: list[Fact], x: np.ndarray) -> float:
        """Largest fact residual or construction penalty at x."""
        env = self.g.evaluate(x)
        worst = max((abs(fact_residual(f, env, self.scale)) for f in facts), default=0.0)
        pen = max((p for _, p, _ in env.penalties), default=0.0) / self.scale
        return max(worst, pen)

    def attempt(self, facts: list[Fact], start: np.ndarray) -> tuple[np.ndarray, float]:
        """Shape near the targets, then polish so the facts hold."""
        if len(start) == 0:
            return start, self.error(facts, start)
        opts = dict(xtol=1e-14, ftol=1e-14, gtol=1e-14, max_nfev=300)
        shaped = least_squares(self.residuals(facts, PULL, start, shaping=True), start, **SHAPING_TOLERANCES)
        # the polish keeps each polygon stout (its area a share of its longest side squared): without it,
        # it can slide into a flat figure that satisfies parallels and points on sides trivially (and is
        # refused, or drawn as a sliver); where that holds the facts off (a figure truly that thin, a
        # given angle of a few degrees), it polishes once more without it
        x = least_squares(self.residuals(facts, POLISH_PULL, shaped, stout=True), shaped, **opts)
        err = self.error(facts, x)
        if err > TOLERANCE:
            x = least_squares(self.residuals(facts, POLISH_PULL, shaped), shaped, **opts)
            err = self.error(facts, x)
        return x, err

    def starts(self) -> list[np.ndarray]:
        """Deterministic starting points: the targets, mirrored, and two seeded perturbations."""
        x0 = self.x0
        mirrored = x0.copy()
        npts = 2 * len(self.g.free_points)
        mirrored[1:npts:2] *= -1
        rng = np.random.default_rng(12345)
        shaken = [x0 + rng.normal(0, k * self.scale, x0.shape) for k in (0.3, 0.3, 0.6, 1.0)]
        return [x0, mirrored] + [np.where(np.arange(len(x0)) < npts, s, np.abs(s)) for s in shaken]

    def best(self, facts: list[Fact]) -> tuple[np.ndarray, float]:
        """Best result over the starting points, stopping at the first that satisfies the facts."""
        best_x, best_err = self.x0, float("inf")
        for start in self.starts():
            x, err = self.attempt(facts, start)
            if err <= TOLERANCE and not self.degenerate(self.g.evaluate(x)):
                return x, err
            if err < best_err:
                best_x, best_err = x, err
        return best_x, best_err

    # -- explanations --------------------------------------------------------------------------------
    def explain(self, x: np.ndarray) -> list[Conflict]:
        """Name a minimal set of statements whose facts cannot hold together."""
        env = self.g.evaluate(x)
        groups = _group_by_origin(self.p.facts)
        active = list(range(len(groups)))
        for gi in range(len(groups)):
            trial = [k for k in active if k != gi]
            facts = [f for k in trial for f in groups[k][1]]
            if self.best_quick(facts) > TOLERANCE:
                active = trial
        facts = [f for k in active for f in groups[k][1]]
        origins = tuple(groups[k][0] for k in active)
        pens = [(o, m) for o, p, m in env.penalties if p / self.scale > TOLERANCE]
        if pens and self.best_quick(facts) > TOLERANCE and not facts:
            return [Conflict("construction", m, (o,), "change the construction or the facts it "
                             "depends on") for o, m in pens[:1]]
        text = "; ".join(describe_fact(f) for f in facts) or "the constructions"
        if pens:
            msg = f"{pens[0][1]}" + (f", given {text}" if facts else "")
            return [Conflict("construction", msg, (pens[0][0],) + origins,
                             "change the construction or the facts it depends on")]
        return [Conflict("inconsistent", f"these facts cannot all hold: {text}", origins,
                         "remove or correct one of the conflicting facts")]

    def best_quick(self, facts: list[Fact]) -> float:
        """Error of the best of the first two starts (enough to test a subset)."""
        best = float("inf")
        for s in self.starts()[:3]:
            best = min(best, self.attempt(facts, s)[1])
            if best <= TOLERANCE:
                break
        return best

    def degenerate(self, env: Env) -> list[Conflict]:
        """Polygons flattened or collapsed by the facts."""
        out = []
        for poly in self.p.polygons:
            pts = [env.points[v] for v in poly.vertices]
            n = len(pts)
            short = min(cx.dist(pts[i], pts[(i + 1) % n]) for i in range(n))
            area = abs(cx.polygon_area(pts))
            if short < 1e-6 * self.scale or area < 1e-6 * self.scale**2:
                name = "".join(poly.vertices)
                vs = set(poly.vertices)
                origins = tuple(f.origin for f in self.p.facts if fact_points(f) <= vs)
                out.append(Conflict("degenerate", f"the facts make polygon {name} flat or "
                                    "collapsed", (poly.origin,) + origins,
                                    "check the lengths and angles given for it"))
        return out

    def runaway(self, env: Env) -> list[Conflict]:
        """A constructed point thrown absurdly far (lines that almost do not meet)."""
        limit = 1e4 * self.scale
        for node in self.g.nodes:
            if node.kind == "point" and max(abs(v) for v in env.points[node.name]) > limit:
                return [Conflict("construction", f"{node.name} lies absurdly far from the rest of the "
                                 "figure (its lines are almost parallel)", (node.origin,),
                                 "check the facts that make these lines nearly parallel")]
        return []

    def exact_values(self) -> dict[str, Any]:
        """Exact sympy measures of triangles whose givens fix them."""
        from .exact import collect_givens, exact_triangle

        out: dict[str, Any] = {}
        for poly in self.p.polygons:
            if len(poly.vertices) == 3:
                out.update(exact_triangle(collect_givens(self.p, poly.vertices)))  # type: ignore[arg-type]
        return out


def _reflection_safe(problem: Problem) -> bool:
    """True when no construction picked one of two mirror-image answers by side."""
    circles = {c.name for c in problem.circles}
    for c in problem.constructions:
        if c.avoid or c.near:
            continue
        if c.kind == "tangent_point" or c.which is not None:
            return False
        if c.kind == "intersection" and all(isinstance(o, str) and o in circles for o in c.objects):
            return False
    return True


def _oriented(problem: Problem, sol: Solution) -> Solution:
    """The solution turned so that its base side is horizontal at the bottom."""
    t = orientation_transform(problem, sol.points, _reflection_safe(problem))
    if t is None:
        return sol
    sol.points = {n: _clean(apply_point(t, p), sol.scale) for n, p in sol.points.items()}
    sol.circles = {n: (apply_point(t, c[0]), c[1]) for n, c in sol.circles.items()}
    sol.lines = {n: (apply_point(t, ln[0]), apply_direction(t, ln[1])) for n, ln in sol.lines.items()}
    return sol


def _clean(p: cx.Vec, scale: float) -> cx.Vec:
    """Round-off below 1e-12 of the figure's size becomes an exact zero (no -0.0 in output)."""
    return tuple(0.0 if abs(v) < 1e-12 * scale else v for v in p)  # type: ignore[return-value]


def _group_by_origin(facts: list[Fact]) -> list[tuple[Origin, list[Fact]]]:
    """Facts grouped by the statement they came from, in order of first appearance."""
    groups: list[tuple[Origin, list[Fact]]] = []
    for f in facts:
        for origin, members in groups:
            if origin is not None and origin == f.origin:
                members.append(f)
                break
        else:
            groups.append((f.origin, [f]))
    return groups


def verify_facts(problem: Problem, points: dict[str, cx.Vec], circles: dict[str, cx.CircleVal],
                 lines: dict[str, cx.LineVal], length_unit: float = 1.0,
                 tolerance: float = 1e-3) -> list[tuple[Fact, float]]:
    """Facts that do not hold in given (for example drawn) coordinates, with their residuals.

    ``length_unit`` is the drawn length of one problem unit, so drawn lengths compare to given ones.
    """
    k = 1.0 / length_unit
    env = Env(points={n: (p[0] * k, p[1] * k) for n, p in points.items()},
              circles={n: ((c[0][0] * k, c[0][1] * k), c[1] * k) for n, c in circles.items()},
              lines={n: ((ln[0][0] * k, ln[0][1] * k), ln[1]) for n, ln in lines.items()})
    scale = problem_scale(problem)
    bad = []
    for f in problem.facts:
        r = abs(fact_residual(f, env, scale))
        if r > tolerance:
            bad.append((f, r))
    return bad
