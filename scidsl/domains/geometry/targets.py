"""Preferred positions for free points: a well-proportioned figure the solver starts from and stays near.

Free degrees of freedom (position, rotation, scale, shape left open by the facts) are settled by a weak
pull towards these targets, so the same problem always gives the same, generic-looking figure: an
unconstrained triangle is scalene and acute, a quadrilateral convex and irregular.
"""

from __future__ import annotations

import math
from statistics import median

import numpy as np

from . import constructions as cx
from .graph import Graph
from .problem import Dist, Num, OnCircle, OnLine, Parallel, Problem, Radius, Relation

Vec = cx.Vec

TRIANGLE_ANGLES = (50.0, 70.0, 60.0)  # generic: scalene, acute, no special angle
QUAD_TEMPLATE = ((0.0, 0.0), (1.0, 0.0), (1.12, 0.72), (0.14, 0.8))
GOLDEN = 137.50776405
# Spots for points on a circle: well spread, and no two opposite (no accidental diameters).
CIRCLE_SPOTS = (110.0, 230.0, 340.0, 35.0, 170.0, 280.0, 75.0, 200.0, 310.0, 10.0)


def problem_scale(problem: Problem) -> float:
    """Typical length of the figure: the median given length, else a default of 5 units."""
    vals: list[float] = []
    for f in problem.facts:
        if isinstance(f, Relation) and f.op == "=":
            for m, n in ((f.lhs, f.rhs), (f.rhs, f.lhs)):
                if isinstance(n, Num) and n.value > 0:
                    if isinstance(m, Dist):
                        vals.append(float(n.value))
                    elif isinstance(m, Radius):
                        vals.append(2 * float(n.value))
    vals += [2 * float(c.radius) for c in problem.circles if c.radius and c.radius > 0]
    if not vals:
        vals = _fixed_spread(problem)
    return median(vals) if vals else 5.0


def _fixed_spread(problem: Problem) -> list[float]:
    pts = [p.xy for p in problem.points if p.xy is not None]
    if len(pts) < 2:
        return []
    xs, ys = [float(p[0]) for p in pts], [float(p[1]) for p in pts]
    span = max(max(xs) - min(xs), max(ys) - min(ys))
    return [span] if span > 0 else []


def triangle_template(side: float) -> list[Vec]:
    """Counter-clockwise generic triangle with first side of the given length."""
    a, b, c = (math.radians(t) for t in TRIANGLE_ANGLES)
    ac = side * math.sin(b) / math.sin(c)
    return [(0.0, 0.0), (side, 0.0), (ac * math.cos(a), ac * math.sin(a))]


def polygon_template(n: int, side: float, regular: bool) -> list[Vec]:
    """Template vertices for an n-gon: a generic triangle/quadrilateral or a regular polygon."""
    if n == 3 and not regular:
        return triangle_template(side)
    if n == 4 and not regular:
        return [(x * side, y * side) for x, y in QUAD_TEMPLATE]
    return cx.regular_vertices((0.0, 0.0), (side * (0.7 if n > 4 else 1.0), 0.0), n)


def initial_targets(problem: Problem, graph: Graph, scale: float) -> np.ndarray:
    """Target vector (free point coordinates, then free radii) for the solver."""
    placer = _Placer(problem, graph, scale)
    placer.place_polygons()
    placer.place_segments()
    placer.place_rest()
    for _ in range(2):
        placer.refine()
    return placer.vector()


class _Placer:
    """Assigns targets in declaration order, reusing already placed vertices."""

    def __init__(self, problem: Problem, graph: Graph, scale: float) -> None:
        self.p, self.g, self.L = problem, graph, scale
        self.t: dict[str, Vec] = {}
        self.r: dict[str, float] = {name: 0.5 * scale for name in graph.free_radii}
        self.free = set(graph.free_points)
        self.polygon_vertices = {v for poly in problem.polygons for v in poly.vertices}
        self.spots = _crossing_chord_spots(problem, graph)

    def known(self) -> dict[str, Vec]:
        """Fixed points and targets assigned so far."""
        return {**self.g.fixed, **self.t}

    def place_polygons(self) -> None:
        """Map each polygon's template onto the vertices it shares with earlier ones."""
        for poly in self.p.polygons:
            tpl = polygon_template(len(poly.vertices), self.L, poly.regular)
            known = self.known()
            placed = [i for i, v in enumerate(poly.vertices) if v in known]
            pts = self._fit(tpl, placed, [known[poly.vertices[i]] for i in placed])
            for v, q in zip(poly.vertices, pts):
                if v in self.free and v not in self.t:
                    self.t[v] = q

    def _fit(self, tpl: list[Vec], idx: list[int], at: list[Vec]) -> list[Vec]:
        if not idx:
            shift = self._free_spot()
            return [cx.add(q, shift) for q in tpl]
        if len(idx) == 1:
            d = cx.sub(at[0], tpl[idx[0]])
            return [cx.add(q, d) for q in tpl]
        options = [_similar(tpl, idx[:2], at[:2], mirror) for mirror in (False, True)]
        return max(options, key=lambda pts: self._clearance(pts, idx))

    def _clearance(self, pts: list[Vec], idx: list[int]) -> float:
        others = list(self.known().values())
        new = [q for i, q in enumerate(pts) if i not in idx]
        if not new or not others:
            return 0.0
        return min(cx.dist(q, o) for q in new for o in others)

    def _free_spot(self) -> Vec:
        known = list(self.known().values())
        if not known:
            return (0.0, 0.0)
        return (max(q[0] for q in known) + 0.6 * self.L, min(q[1] for q in known))

    def place_segments(self) -> None:
        """Free endpoints of drawn segments: a length L away, parallel to a line they must parallel."""
        par = _parallel_partners(self.p)
        for k, (a, b) in enumerate(self.p.segments):
            known = self.known()
            if a in known and b in known:
                continue
            partner = par.get((a, b)) or par.get((b, a))
            if partner and partner[0] in known and partner[1] in known:
                self._place_parallel((a, b), partner, known)
                continue
            if a not in known and b not in known and a in self.free:
                self.t[a] = self._free_spot()
                known = self.known()
            ang = math.radians((0.0, 60.0, 150.0, 240.0)[k % 4])
            if a in known and b in self.free:
                self.t[b] = cx.add(known[a], (self.L * math.cos(ang), self.L * math.sin(ang)))
            elif b in known and a in self.free:
                self.t[a] = cx.add(known[b], (-self.L * math.cos(ang), -self.L * math.sin(ang)))

    def _place_parallel(self, seg: tuple[str, str], ref: tuple[str, str], known: dict) -> None:
        p, q = known[ref[0]], known[ref[1]]
        d = cx.sub(q, p)
        shift = cx.mul(cx.perp(cx.unit(d)), 0.6 * self.L)
        for name, base in zip(seg, (p, q)):
            if name in self.free and name not in self.t:
                self.t[name] = cx.add(base, shift)

    def place_rest(self) -> None:
        """Other free points start on a spiral around the figure's centre."""
        known = list(self.known().values())
        c = cx.centroid(known) if known else (0.0, 0.0)
        k = 0
        for name in self.g.free_points:
            if name not in self.t:
                ang = math.radians(30.0 + GOLDEN * k)
                rad = self.L * (0.6 + 0.15 * k)
                self.t[name] = (c[0] + rad * math.cos(ang), c[1] + rad * math.sin(ang))
                k += 1

    def refine(self) -> None:
        """Move centres of circles through placed points, then points on circles and lines."""
        env = self.g.evaluate(self.vector())
        self._fit_free_circles(env)
        env = self.g.evaluate(self.vector())
        counts: dict[str, int] = {}
        for f in self.p.facts:
            if not isinstance(f, (OnCircle, OnLine)) or f.point not in self.free:
                continue
            if f.point in self.polygon_vertices:
                continue
            key = f.circle if isinstance(f, OnCircle) else str(f.line)
            k = counts.get(key, 0)
            counts[key] = k + 1
            self.t[f.point] = self._on_target(f, env, k)

    def _on_target(self, f: OnCircle | OnLine, env: object, k: int) -> Vec:
        if isinstance(f, OnCircle):
            o, r = env.circles[f.circle]  # type: ignore[attr-defined]
            ang = math.radians(self.spots.get(f.point, CIRCLE_SPOTS[k % len(CIRCLE_SPOTS)]))
            return (o[0] + r * math.cos(ang), o[1] + r * math.sin(ang))
        q, d = env.line(f.line)  # type: ignore[attr-defined]
        if isinstance(f.line, tuple):
            a, b = env.points[f.line[0]], env.points[f.line[1]]  # type: ignore[attr-defined]
            return cx.divide(a, b, (0.4, 0.65, 0.25, 0.8)[k % 4])
        return cx.add(q, cx.mul(d, self.L * (0.5 + 0.4 * k)))

    def _fit_free_circles(self, env: object) -> None:
        for circ in self.p.circles:
            if circ.kind != "center" or circ.center not in self.free:
                continue
            if circ.center in self.polygon_vertices:
                continue
            on = [q for q in sorted(self.g.on_circle.get(circ.name, ())) if q in self.t]
            if len(on) >= 3:
                o, pen = cx.circumcenter(*(self.t[q] for q in on[:3]))
                if pen == 0:
                    self.t[circ.center] = o
                    if circ.name in self.r:
                        self.r[circ.name] = cx.dist(o, self.t[on[0]])

    def vector(self) -> np.ndarray:
        """Targets as the solver's variable vector."""
        vals: list[float] = []
        for name in self.g.free_points:
            vals += list(self.t.get(name, (0.0, 0.0)))
        vals += [self.r[name] for name in self.g.free_radii]
        return np.array(vals, dtype=float)


def _crossing_chord_spots(problem: Problem, graph: Graph) -> dict[str, float]:
    """Where two chords of one circle are intersected, start their ends interleaved so they cross."""
    spots: dict[str, float] = {}
    for c in problem.constructions:
        objs = c.objects
        if c.kind != "intersection" or len(objs) != 2 or not all(isinstance(o, tuple) for o in objs):
            continue
        (p, q), (r, t) = objs  # type: ignore[misc]
        for on in graph.on_circle.values():
            if {p, q, r, t} <= on and len({p, q, r, t}) == 4:
                for name, ang in zip((p, r, q, t), (100.0, 200.0, 290.0, 20.0)):
                    spots.setdefault(name, ang)
    return spots


def _parallel_partners(problem: Problem) -> dict[tuple[str, str], tuple[str, str]]:
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for f in problem.facts:
        if isinstance(f, Parallel) and isinstance(f.l1, tuple) and isinstance(f.l2, tuple):
            out.setdefault(f.l2, f.l1)
            out.setdefault(f.l1, f.l2)
    return out


def _similar(tpl: list[Vec], idx: list[int], at: list[Vec], mirror: bool) -> list[Vec]:
    """Similarity (optionally mirrored) taking template points idx onto the points at."""
    src = [complex(*tpl[i]) for i in idx]
    pts = [complex(*q) for q in tpl]
    if mirror:
        src = [s.conjugate() for s in src]
        pts = [q.conjugate() for q in pts]
    dst = [complex(*q) for q in at]
    if abs(src[1] - src[0]) < 1e-12:
        return [(q.real, q.imag) for q in pts]
    a = (dst[1] - dst[0]) / (src[1] - src[0])
    b = dst[0] - a * src[0]
    return [((a * q + b).real, (a * q + b).imag) for q in pts]
