"""Dependency graph of a geometry problem: which values are free and how the others are computed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from . import constructions as cx
from .problem import CircleDef, Construction, LineDef, LineRef, OnCircle, Origin, Problem

Vec = cx.Vec


class GraphError(Exception):
    """A structural problem (unknown name, cycle, wrong arguments) found before any solving."""

    def __init__(self, message: str, origin: Origin = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message, self.origin, self.hint = message, origin, hint


@dataclass
class Env:
    """Values of every point, circle and named line for one assignment of the free variables."""

    points: dict[str, Vec] = field(default_factory=dict)
    circles: dict[str, cx.CircleVal] = field(default_factory=dict)
    lines: dict[str, cx.LineVal] = field(default_factory=dict)
    radii: dict[str, float] = field(default_factory=dict)
    penalties: list[tuple[Origin, float, str]] = field(default_factory=list)

    def line(self, ref: LineRef) -> cx.LineVal:
        """The line a reference names."""
        if isinstance(ref, str):
            return self.lines[ref]
        return cx.line_through(self.points[ref[0]], self.points[ref[1]])


@dataclass
class Node:
    """One computed value: ``kind`` is point|circle|line; ``run`` stores it into the Env."""

    kind: str
    name: str
    deps: tuple[str, ...]
    run: Callable[[Env], None]
    origin: Origin = None


@dataclass
class Graph:
    """Free variables (points with 2 coordinates, radii with 1) and the nodes computed from them."""

    free_points: list[str]
    free_radii: list[str]
    fixed: dict[str, Vec]
    nodes: list[Node]
    on_circle: dict[str, set[str]]
    point_names: list[str]

    def evaluate(self, x: Any) -> Env:
        """Compute every point, circle and line from the variable vector x."""
        env = Env()
        env.points.update(self.fixed)
        xs = np.asarray(x, dtype=float).tolist()
        for i, name in enumerate(self.free_points):
            env.points[name] = (xs[2 * i], xs[2 * i + 1])
        for j, name in enumerate(self.free_radii):
            env.radii[name] = abs(xs[2 * len(self.free_points) + j])
        for node in self.nodes:
            node.run(env)
        return env

    def radius_index(self, circle: str) -> int:
        """Index in x of a free radius."""
        return 2 * len(self.free_points) + self.free_radii.index(circle)


ARITY = {
    "midpoint": 2, "divide": 2, "foot": 3, "centroid": 3, "circumcenter": 3, "incenter": 3,
    "orthocenter": 3, "bisector_foot": 3, "intersection": 0, "tangent_point": 1, "reflect": 3,
    "rotate": 2, "on_circle": 0, "along": 2,
}


def build_graph(problem: Problem) -> Graph:
    """Turn a Problem into a Graph, raising GraphError for unknown names, bad arity or cycles."""
    b = _Builder(problem)
    b.collect()
    return b.finish()


class _Builder:
    """Collects nodes from a Problem, then orders them by dependency."""

    def __init__(self, problem: Problem) -> None:
        self.p = problem
        self.nodes: dict[str, Node] = {}
        self.fixed: dict[str, Vec] = {}
        self.free_radii: list[str] = []
        self.declared: list[str] = []
        self.circle_names = {c.name for c in problem.circles}
        self.line_names = {ln.name for ln in problem.lines}
        self.on_circle: dict[str, set[str]] = {c.name: set() for c in problem.circles}

    # -- collection ---------------------------------------------------------------------------
    def collect(self) -> None:
        """Gather points, regular polygons, circles, lines and constructions."""
        for pt in self.p.points:
            self._declare(pt.name)
            if pt.xy is not None:
                self.fixed[pt.name] = (float(pt.xy[0]), float(pt.xy[1]))
        for poly in self.p.polygons:
            for v in poly.vertices:
                self._declare(v)
        for c in self.p.constructions:
            self._declare(c.name)
        for circ in self.p.circles:
            if circ.center:
                self._declare(circ.center)
        self._collect_on_circle()
        for poly in self.p.polygons:
            if poly.regular:
                self._add_regular(poly)
        for circ in self.p.circles:
            self._add_circle(circ)
        for line in self.p.lines:
            self._add_line(line)
        for c in self.p.constructions:
            self._add_construction(c)

    def _declare(self, name: str) -> None:
        if name not in self.declared:
            self.declared.append(name)

    def _collect_on_circle(self) -> None:
        for circ in self.p.circles:
            if circ.through:
                self.on_circle[circ.name].add(circ.through)
            if circ.kind in ("three_points", "circumcircle"):
                self.on_circle[circ.name].update(circ.points)
        for f in self.p.facts:
            if isinstance(f, OnCircle) and f.circle in self.on_circle:
                self.on_circle[f.circle].add(f.point)

    def _point(self, name: str, origin: Origin) -> str:
        if name not in self.declared:
            raise GraphError(f"unknown point {name!r}", origin, _suggest(name, self.declared))
        return "P:" + name

    def _circle(self, name: str, origin: Origin) -> str:
        if name not in self.circle_names:
            raise GraphError(f"unknown circle {name!r}", origin, _suggest(name, self.circle_names))
        return "C:" + name

    def ref_deps(self, ref: LineRef, origin: Origin) -> tuple[str, ...]:
        """Dependencies of a line reference."""
        if isinstance(ref, str):
            if ref in self.line_names:
                return ("L:" + ref,)
            raise GraphError(f"unknown line {ref!r}", origin, _suggest(ref, self.line_names))
        if ref[0] == ref[1]:
            raise GraphError(f"line {ref[0]}{ref[1]} needs two different points", origin)
        return (self._point(ref[0], origin), self._point(ref[1], origin))

    def _obj_deps(self, ref: LineRef, origin: Origin) -> tuple[str, ...]:
        if isinstance(ref, str) and ref in self.circle_names:
            return ("C:" + ref,)
        return self.ref_deps(ref, origin)

    def _put(self, node: Node) -> None:
        key = node.kind[0].upper() + ":" + node.name
        if key in self.nodes or (node.kind == "point" and node.name in self.fixed):
            raise GraphError(f"{node.kind} {node.name!r} is defined twice", node.origin)
        self.nodes[key] = node

    # -- regular polygons -----------------------------------------------------------------------
    def _add_regular(self, poly: Any) -> None:
        vs, n = poly.vertices, len(poly.vertices)
        deps = (self._point(vs[0], poly.origin), self._point(vs[1], poly.origin))
        for k in range(2, n):
            self._put(Node("point", vs[k], deps, _regular_run(vs, k), poly.origin))

    # -- circles --------------------------------------------------------------------------------
    def _add_circle(self, c: CircleDef) -> None:
        if c.kind == "center":
            self._add_center_circle(c)
        elif c.kind in ("three_points", "circumcircle", "incircle"):
            self._add_triangle_circle(c)
        else:
            raise GraphError(f"unknown circle kind {c.kind!r}", c.origin)

    def _add_center_circle(self, c: CircleDef) -> None:
        if not c.center:
            raise GraphError(f"circle {c.name} needs a centre", c.origin)
        deps = [self._point(c.center, c.origin)]
        if c.through:
            deps.append(self._point(c.through, c.origin))
        elif c.radius is None:
            self.free_radii.append(c.name)
        elif not c.radius > 0:
            raise GraphError(f"circle {c.name} needs a positive radius", c.origin)
        self._put(Node("circle", c.name, tuple(deps), _center_circle_run(c), c.origin))

    def _add_triangle_circle(self, c: CircleDef) -> None:
        if len(c.points) != 3 or len(set(c.points)) != 3:
            raise GraphError(f"circle {c.name} needs three different points", c.origin)
        deps = tuple(self._point(q, c.origin) for q in c.points)
        center = c.center or f"_center_{c.name}"
        self._declare(center)
        fn = cx.incenter if c.kind == "incircle" else cx.circumcenter
        self._put(Node("point", center, deps, _center_run(center, c.points, fn, c.origin), c.origin))
        self._put(Node("circle", c.name, deps + ("P:" + center,),
                       _tri_circle_run(c, center), c.origin))

    # -- lines ----------------------------------------------------------------------------------
    def _add_line(self, ln: LineDef) -> None:
        need = {"through": 2, "perp_bisector": 2, "angle_bisector": 3, "parallel": 0, "perpendicular": 0}
        if ln.kind not in need:
            raise GraphError(f"unknown line kind {ln.kind!r}", ln.origin)
        if len(ln.points) != need[ln.kind]:
            raise GraphError(f"line {ln.name} ({ln.kind}) needs {need[ln.kind]} points", ln.origin)
        deps = tuple(self._point(q, ln.origin) for q in ln.points)
        if ln.kind in ("parallel", "perpendicular"):
            if ln.point is None or ln.ref is None:
                raise GraphError(f"line {ln.name} needs a point and a reference line", ln.origin)
            deps = (self._point(ln.point, ln.origin),) + self.ref_deps(ln.ref, ln.origin)
        self._put(Node("line", ln.name, deps, _line_run(ln), ln.origin))

    # -- constructed points -----------------------------------------------------------------------
    def _add_construction(self, c: Construction) -> None:
        if c.kind not in ARITY:
            raise GraphError(f"unknown construction {c.kind!r}", c.origin)
        if ARITY[c.kind] and len(c.args) != ARITY[c.kind]:
            raise GraphError(f"{c.kind} {c.name} needs {ARITY[c.kind]} points", c.origin)
        deps = [self._point(a, c.origin) for a in c.args]
        deps += [self._point(a, c.origin) for a in c.avoid + ((c.near,) if c.near else ())]
        if c.circle is not None:
            deps.append(self._circle(c.circle, c.origin))
        if c.kind == "intersection":
            if len(c.objects) != 2:
                raise GraphError(f"intersection {c.name} needs two lines or circles", c.origin)
            for o in c.objects:
                deps += self._obj_deps(o, c.origin)
        self._check_values(c)
        avoid = c.avoid or self._auto_avoid(c)
        self._put(Node("point", c.name, tuple(deps), _construction_run(c, avoid, self), c.origin))

    def _check_values(self, c: Construction) -> None:
        if c.kind in ("divide", "rotate", "along", "on_circle") and c.value is None:
            raise GraphError(f"{c.kind} {c.name} needs a value", c.origin)
        if c.kind in ("tangent_point", "on_circle") and c.circle is None:
            raise GraphError(f"{c.kind} {c.name} needs a circle", c.origin)

    def _auto_avoid(self, c: Construction) -> tuple[str, ...]:
        """For a second intersection, skip the known point the objects already share."""
        if c.kind != "intersection" or c.which or c.near:
            return ()
        shared: set[str] | None = None
        for o in c.objects:
            pts = self._points_on(o)
            shared = pts if shared is None else shared & pts
        return tuple(sorted(shared or set()))

    def _points_on(self, o: LineRef) -> set[str]:
        if isinstance(o, tuple):
            return set(o)
        if o in self.circle_names:
            return set(self.on_circle[o])
        ln = next((x for x in self.p.lines if x.name == o), None)
        if ln is None:
            return set()
        return set(ln.points if ln.kind == "through" else ((ln.point,) if ln.point else ()))

    # -- ordering ---------------------------------------------------------------------------------
    def finish(self) -> Graph:
        """Topologically order nodes; the remaining declared points become free variables."""
        free = [n for n in self.declared if n not in self.fixed and "P:" + n not in self.nodes]
        known = {"P:" + n for n in free} | {"P:" + n for n in self.fixed}
        order: list[Node] = []
        pending = dict(self.nodes)
        while pending:
            ready = [k for k, nd in pending.items() if all(d in known or d == k for d in nd.deps)]
            if not ready:
                first = next(iter(pending.values()))
                names = ", ".join(nd.name for nd in pending.values())
                raise GraphError(f"circular definitions: {names}", first.origin)
            for k in ready:
                if k in pending[k].deps:
                    raise GraphError(f"{pending[k].name} is defined from itself", pending[k].origin)
                order.append(pending.pop(k))
                known.add(k)
        return Graph(free, self.free_radii, self.fixed, order, self.on_circle, list(self.declared))


def _suggest(name: str, names: Any) -> str | None:
    import difflib

    close = difflib.get_close_matches(name, sorted(names), n=1)
    return f"did you mean {close[0]!r}?" if close else None


def _pick(cands: list[Vec], c: Construction, avoid: tuple[str, ...], env: Env) -> Vec:
    """Choose one of two solutions: avoid known points, else nearest to ``near``, else ``which``."""
    if avoid:
        away = [min(cx.dist(p, env.points[a]) for a in avoid) for p in cands]
        return cands[0] if away[0] >= away[1] else cands[1]
    if c.near:
        q = env.points[c.near]
        return min(cands, key=lambda p: cx.dist(p, q))
    return cands[min(max((c.which or 1) - 1, 0), len(cands) - 1)]


def _construction_run(c: Construction, avoid: tuple[str, ...], b: _Builder) -> Callable[[Env], None]:
    circle_names = b.circle_names

    def run(env: Env) -> None:
        p, pen = _construct(c, avoid, env, circle_names)
        env.points[c.name] = p
        if pen > 0:
            env.penalties.append((c.origin, pen, _failure_text(c)))

    return run


def _failure_text(c: Construction) -> str:
    """Why a construction has no real answer."""
    if c.kind == "tangent_point":
        return f"{c.name}: no tangent from {c.args[0]}, which is not outside circle {c.circle}"
    if c.kind == "intersection":
        what = " and ".join(o if isinstance(o, str) else o[0] + o[1] for o in c.objects)
        return f"{c.name}: {what} do not meet"
    return f"{c.name}: {c.kind} of {', '.join(c.args)} is undefined (the points are collinear)"


# Constructions with one answer and no way to fail, from their points and value.
_SIMPLE: dict[str, Callable[[list[Vec], float], Vec]] = {
    "midpoint": lambda P, v: cx.midpoint(P[0], P[1]),
    "divide": lambda P, v: cx.divide(P[0], P[1], v),
    "along": lambda P, v: cx.along(P[0], P[1], v),
    "foot": lambda P, v: cx.project(P[0], cx.line_through(P[1], P[2])),
    "centroid": lambda P, v: cx.centroid(P),
    "bisector_foot": lambda P, v: cx.bisector_foot(P[0], P[1], P[2]),
    "reflect": lambda P, v: cx.reflect(P[0], cx.line_through(P[1], P[2])),
    "rotate": lambda P, v: cx.rotate(P[0], P[1], v),
}


def _construct(c: Construction, avoid: tuple[str, ...], env: Env,
               circle_names: set[str]) -> tuple[Vec, float]:
    """Compute one constructed point and its penalty."""
    P = [env.points[a] for a in c.args]
    k = c.kind
    simple = _SIMPLE.get(k)
    if simple is not None:
        return simple(P, float(c.value or 0.0)), 0.0
    if k in ("circumcenter", "orthocenter"):
        return (cx.circumcenter if k == "circumcenter" else cx.orthocenter)(*P)
    if k == "incenter":
        return cx.incenter(*P)[0], 0.0
    if k == "on_circle":
        o, r = env.circles[c.circle or ""]
        ang = float(c.value or 0.0)
        return cx.rotate((o[0] + r, o[1]), o, ang), 0.0
    if k == "tangent_point":
        cands, pen = cx.tangent_points(P[0], env.circles[c.circle or ""])
        return _pick(cands, c, avoid, env), pen
    return _intersection(c, avoid, env, circle_names)


def _intersection(c: Construction, avoid: tuple[str, ...], env: Env,
                  circle_names: set[str]) -> tuple[Vec, float]:
    o1, o2 = c.objects
    is_c1 = isinstance(o1, str) and o1 in circle_names
    is_c2 = isinstance(o2, str) and o2 in circle_names
    if is_c1 and is_c2:
        cands, pen = cx.intersect_circles(env.circles[o1], env.circles[o2])  # type: ignore[index]
        return _pick(cands, c, avoid, env), pen
    if is_c1 or is_c2:
        circ, line = (o1, o2) if is_c1 else (o2, o1)
        cands, pen = cx.intersect_line_circle(env.line(line), env.circles[circ])  # type: ignore[index]
        if not (avoid or c.near or c.which):
            # Without a hint take the far crossing along the line from its first point.
            return cands[1], pen
        return _pick(cands, c, avoid, env), pen
    return cx.intersect_lines(env.line(o1), env.line(o2))


def _regular_run(vs: tuple[str, ...], k: int) -> Callable[[Env], None]:
    def run(env: Env) -> None:
        pts = cx.regular_vertices(env.points[vs[0]], env.points[vs[1]], len(vs))
        env.points[vs[k]] = pts[k]

    return run


def _center_circle_run(c: CircleDef) -> Callable[[Env], None]:
    def run(env: Env) -> None:
        o = env.points[c.center or ""]
        if c.through:
            r = cx.dist(o, env.points[c.through])
        elif c.radius is None:
            r = env.radii[c.name]
        else:
            r = float(c.radius)
        env.circles[c.name] = (o, r)

    return run


def _center_run(center: str, pts: tuple[str, ...], fn: Callable, origin: Origin) -> Callable[[Env], None]:
    def run(env: Env) -> None:
        o, extra = fn(*(env.points[q] for q in pts))
        env.points[center] = o
        if fn is cx.circumcenter and extra > 0:
            env.penalties.append((origin, extra, f"{', '.join(pts)} are collinear: no circle passes through them"))

    return run


def _tri_circle_run(c: CircleDef, center: str) -> Callable[[Env], None]:
    def run(env: Env) -> None:
        pts = [env.points[q] for q in c.points]
        o = env.points[center]
        r = cx.incenter(*pts)[1] if c.kind == "incircle" else cx.dist(o, pts[0])
        env.circles[c.name] = (o, r)

    return run


def _line_run(ln: LineDef) -> Callable[[Env], None]:
    def run(env: Env) -> None:
        P = [env.points[q] for q in ln.points]
        if ln.kind == "through":
            val = cx.line_through(P[0], P[1])
        elif ln.kind == "perp_bisector":
            val = cx.perp_bisector(P[0], P[1])
        elif ln.kind == "angle_bisector":
            val = cx.angle_bisector(P[0], P[1], P[2])
        else:
            ref = env.line(ln.ref)  # type: ignore[arg-type]
            fn = cx.parallel_line if ln.kind == "parallel" else cx.perpendicular_line
            val = fn(env.points[ln.point or ""], ref)
        env.lines[ln.name] = val

    return run
