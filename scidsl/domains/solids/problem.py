"""From statements to a symbolic problem: solids, constructed points, facts as equations (sympy)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from scidsl import syntax
from scidsl.diagnostics import Diagnostic, Span, did_you_mean, error
from scidsl.domains.geometry.kinds import split_points
from scidsl.domains.solids import kinds as k
from scidsl.domains.solids import shapes
from scidsl.domains.solids.joins import stack
from scidsl.domains.solids.shapes import Solid, Vec
from scidsl.units import parse_unit

MAX_SOLIDS = 12
MAX_POINTS = 200
MAX_BASE = 12  # corners of a base polygon
GREEK = {"alpha", "beta", "gamma", "delta", "theta", "phi", "psi", "omega", "lambda", "mu", "rho", "sigma",
         "tau", "epsilon", "eta", "kappa", "xi", "zeta", "nu", "chi", "varphi", "vartheta"}


@dataclass
class Equation:
    """A measure that must take a value: a stated dimension or a given fact."""

    measure: Any  # sympy: a length, or the cosine of an angle
    target: Any  # sympy: the length, or the cosine of the stated angle
    what: str  # `length(VA) = 23 cm`
    span: Span | None
    angle: bool = False
    poly: Any = None  # a polynomial form (squared) whose roots include the solutions

    def __post_init__(self) -> None:
        if self.poly is None:
            self.poly = self.measure ** 2 - self.target ** 2


@dataclass
class Marked:
    """Something drawn from the statements: a length label, a segment, an angle mark."""

    points: tuple[str, ...]
    text: str | None
    owner: str
    style: str = "auto"
    color: str = "black"
    span: Span | None = None
    ticks: int = 0


@dataclass
class Problem:
    """Every solid and point of a scene, with the equations the statements make."""

    solids: list[Solid] = field(default_factory=list)
    points: dict[str, Vec] = field(default_factory=dict)  # global symbolic coordinates
    owner: dict[str, str] = field(default_factory=dict)  # point → solid key, or `point3d`
    extra_points: list[tuple[str, Any]] = field(default_factory=list)  # point3d: (name, node)
    equations: list[Equation] = field(default_factory=list)
    lengths: list[Marked] = field(default_factory=list)  # length labels on segments
    segments: list[Marked] = field(default_factory=list)
    angles: list[Marked] = field(default_factory=list)
    asked: list[tuple[str, tuple[str, ...], str, Any]] = field(default_factory=list)  # (fn, pts, unknown, span)
    unit: str = ""
    unit_factor: float = 1.0
    view: Any = None
    diags: list[Diagnostic] = field(default_factory=list)
    offsets: dict[str, sp.Symbol] = field(default_factory=dict)  # solid key → x offset when placed automatically
    joins: list[tuple[Solid, Solid, Any]] = field(default_factory=list)  # (upper, lower, span): stated `on`

    def report(self, code: str, message: str, span: Span | None, hint: str | None = None,
               related: tuple = ()) -> None:
        """Record an error."""
        self.diags.append(error(code, message, span, hint, related))


def build(nodes: list[Any], givens: list[Any]) -> Problem:
    """The problem of a scene's solids statements and facts; diagnostics in `.diags`."""
    pb = Problem()
    pb.unit, pb.unit_factor = _unit(nodes, givens)
    counts: dict[str, int] = {}
    for node in nodes:
        if isinstance(node, k.View):
            _check_view(pb, node)
            pb.view = pb.view or node
        elif isinstance(node, k.SOLID_KINDS):
            _add_solid(pb, node, counts)
    if len(pb.solids) > MAX_SOLIDS:
        pb.report("E8514", f"{len(pb.solids)} solids in one figure; the limit is {MAX_SOLIDS}", nodes[0].span)
        return pb
    for node in nodes:
        if isinstance(node, k.Point3D):
            _add_point(pb, node)
        elif isinstance(node, k.Segment3D):
            _add_segment(pb, node)
        elif isinstance(node, k.Angle3D):
            _add_angle(pb, node)
    for g in givens:
        _add_given(pb, g)
    return pb


def _check_view(pb: Problem, node: Any) -> None:
    """Views from exactly above or from the side see faces edge-on: hidden and visible cannot be told apart."""
    import math

    for prop, lo, hi in (("elevation", 5, 80), ("angle", 10, 80)):
        deg = abs(math.degrees(getattr(node, prop).si))
        if not lo <= deg <= hi:
            pb.report("E8515", f"a view with {prop} {getattr(node, prop).pretty()} sees faces edge-on",
                      node.span_of(prop), f"use {prop} between {lo}° and {hi}°")


def _unit(nodes: list[Any], givens: list[Any]) -> tuple[str, float]:
    """The length unit facts are written in: the first one stated."""
    for node in nodes:
        for key in ("side", "length", "width", "height", "edge", "slant_height", "radius", "top_radius"):
            q = getattr(node, key, None)
            if q is not None and q.unit:
                return q.unit, parse_unit(q.unit).factor
    for g in givens:
        for n in _walk(g.rhs.tree if g.rhs is not None else None):
            if isinstance(n, syntax.Qty):
                info = parse_unit(n.unit)
                if info is not None and info.dimension_name == "length":
                    return n.unit, info.factor
    return "", 1.0


def _walk(tree: Any) -> list[Any]:
    if tree is None:
        return []
    out = [tree]
    for child in (getattr(tree, "left", None), getattr(tree, "right", None), getattr(tree, "operand", None)):
        out += _walk(child)
    for child in getattr(tree, "args", ()) or getattr(tree, "items", ()):
        out += _walk(child)
    return out


def _add_solid(pb: Problem, node: Any, counts: dict[str, int]) -> None:
    names = node.vertex_names() if not isinstance(node, k._Round) else []
    if not isinstance(node, k._Round) and not _check_name(pb, node, names):
        return
    if isinstance(node, k._Round):
        named = list(node.point_fields().values())
        if len(set(named)) != len(named):
            twice = sorted({x for x in named if named.count(x) > 1})
            pb.report("E8502", f"{node.kind} names point {', '.join(twice)} twice", node.span,
                      "give the centre, top, apex and rim different letters")
            return
    counts[node.kind] = counts.get(node.kind, 0) + 1
    key = node.name or f"{node.kind} {counts[node.kind]}"
    if not _check_dimensions(pb, node):
        return
    solid = shapes.build(node, key)
    if solid.base_poly is not None and getattr(node, "corners", None) and not _convex(pb, node, solid):
        return
    if node.on is not None:
        if not stack(pb, node, solid):
            return
    elif node.at is not None:
        solid.offset = tuple(_exact(c) for c in node.at)
    else:
        pb.offsets[key] = sp.Symbol(f"{key}.x", real=True)
        solid.offset = (pb.offsets[key], sp.Integer(0), sp.Integer(0))
    for nm, p in solid.points.items():
        if nm in pb.points:
            pb.report("E8502", f"point {nm} belongs to {pb.owner[nm]} and to {key}", node.span_of("name"),
                      "give every solid its own letters")
            continue
        pb.points[nm] = shapes.shifted(p, solid.offset)
        pb.owner[nm] = key
    pb.solids.append(solid)
    _dimension_equations(pb, solid)


def _check_name(pb: Problem, node: Any, names: list[str]) -> bool:
    want = node.letters
    n = len(names)
    if isinstance(node, k.Prism):
        ok, need = n >= 6 and n % 2 == 0, "an even number of points, at least 6 (bottom then top: ABCDEF)"
        if ok and node.corners is not None and len(node.corners) != n // 2:
            pb.report("E8501", f"prism {node.name} has {n // 2} base points but {len(node.corners)} corners",
                      node.span_of("corners"), "give one corner per base point")
            return False
    elif isinstance(node, k.Pyramid):
        ok, need = n >= 4, "the apex then at least three base points (VABC, VABCD)"
        if ok and node.corners is not None and len(node.corners) != n - 1:
            pb.report("E8501", f"pyramid {node.name} has {n - 1} base points but {len(node.corners)} corners",
                      node.span_of("corners"), "give one corner per base point")
            return False
        if ok and node.base in ("rectangle", "square") and n != 5:
            pb.report("E8501", f"a {node.base} base has four points; {node.name} names {n - 1}", node.span_of("name"),
                      f"write pyramid VABCD {{ base: {node.base}, ... }}")
            return False
    else:
        ok, need = n == want, f"{want} points"
    base = n // 2 if isinstance(node, k.Prism) else n - 1
    if ok and base > MAX_BASE:
        pb.report("E8501", f"{node.kind} {node.name} has a base of {base} points; the limit is {MAX_BASE}",
                  node.span_of("name"), "draw a cylinder or cone for a round base")
        return False
    if not ok:
        example = node.example.split("{")[0].strip()
        pb.report("E8501", f"{node.kind} {node.name} spells {n} point(s); a {node.kind} needs {need}",
                  node.span_of("name"), f"name it after its vertices, e.g. {example}")
        return False
    if len(set(names)) != n:
        twice = sorted({x for x in names if names.count(x) > 1})
        pb.report("E8502", f"{node.kind} {node.name} names {', '.join(twice)} twice", node.span_of("name"),
                  "every vertex needs its own letter")
        return False
    return True


_NOT_FOR = {"side": "a regular base", "length": "a rectangular base", "width": "a rectangular base"}


LENGTH_PROPS = ("side", "length", "width", "height", "edge", "slant_height", "radius", "top_radius")


def _check_dimensions(pb: Problem, node: Any) -> bool:
    for prop in LENGTH_PROPS:
        q = getattr(node, prop, None)
        if q is not None and not 1e-6 <= q.value <= 1e6:
            pb.report("E8503", f"`{prop}: {q.pretty()}` is {'not positive' if q.value <= 0 else 'out of range'}",
                      node.span_of(prop), "lengths are positive numbers up to 10^6 in their unit")
            return False
    if isinstance(node, k.Pyramid):
        rect = node.base == "rectangle"
        bad = [p for p in (("length", "width") if not rect else ("side",)) if getattr(node, p) is not None]
        if node.corners is not None:
            bad = [p for p in ("side", "length", "width") if getattr(node, p) is not None]
        if bad:
            what = "`corners`" if node.corners is not None else f"base: {node.base}"
            pb.report("E8503", f"`{bad[0]}` does not apply to a pyramid with {what}", node.span_of(bad[0]),
                      f"`{bad[0]}` is for {_NOT_FOR[bad[0]]}" + ("" if rect else "; add base: rectangle"))
            return False
    if isinstance(node, k.Prism) and node.corners is not None and node.side is not None:
        pb.report("E8503", "a prism with `corners` has no `side`", node.span_of("side"),
                  "the corners fix the base; remove `side`")
        return False
    if isinstance(node, k.Frustum) and node.radius is not None and node.top_radius is not None \
            and node.top_radius.si >= node.radius.si:
        pb.report("E8503", "a frustum's top radius must be smaller than its base radius", node.span_of("top_radius"),
                  "swap them, or use a cylinder for equal radii")
        return False
    return True


def _convex(pb: Problem, node: Any, solid: Solid) -> bool:
    pts = [(float(x), float(y)) for x, y in solid.base_poly or []]
    n = len(pts)
    crosses = [(pts[(i + 1) % n][0] - pts[i][0]) * (pts[(i + 2) % n][1] - pts[(i + 1) % n][1])
               - (pts[(i + 1) % n][1] - pts[i][1]) * (pts[(i + 2) % n][0] - pts[(i + 1) % n][0]) for i in range(n)]
    if all(c > 1e-9 for c in crosses):
        return True
    why = "turns clockwise (list the corners counter-clockwise)" if all(c < -1e-9 for c in crosses) \
        else "is not convex or has corners on one line"
    pb.report("E8504", f"the base of {node.kind} {node.name} {why}", node.span_of("corners"),
              "corners go counter-clockwise around a convex polygon, e.g. [(0, 0), (4, 0), (0, 3)]")
    return False


def _exact(v: float) -> Any:
    return sp.Rational(v).limit_denominator(10**6)


def _length_value(pb: Problem, q: Any) -> Any:
    """A length quantity in the scene's unit, exactly."""
    value = sp.Rational(q.value).limit_denominator(10**9) if not float(q.value).is_integer() else sp.Integer(int(q.value))
    if not q.unit or not pb.unit:
        return value
    info = parse_unit(q.unit)
    ratio = info.factor / pb.unit_factor if info else 1.0
    return value if ratio == 1.0 else value * _exact(ratio)


def _dimension_equations(pb: Problem, solid: Solid) -> None:
    node = solid.node
    for prop, measure, what in shapes.property_measures(solid):
        q = getattr(node, prop, None)
        if q is None:
            continue
        label = f"{what} {q.pretty()}" if what == prop else f"{what} = {q.pretty()}"
        pb.equations.append(Equation(measure, _length_value(pb, q), f"{node.kind} {solid.key}: {label}",
                                     node.span_of(prop)))


# --- points, segments, angles -------------------------------------------------------------------


def _pts(pb: Problem, text: str, span: Span | None, n: int | None, what: str) -> list[str] | None:
    """Split a run of point names and check each is declared (and how many there are)."""
    parts = split_points(text)
    if parts is None or (n is not None and len(parts) != n):
        need = f"{n} point names run together" if n else "point names run together"
        pb.report("E8506" if what == "construction" else "E8507", f"'{text}' is not {need}", span,
                  "points are single letters, maybe with digits or primes: AB, VAW, A1B1")
        return None
    for p in parts:
        if p not in pb.points:
            pb.report("E8505", f"point {p} is not declared", span,
                      did_you_mean(p, sorted(pb.points)) or "points come from solids (pyramid VABCD) or point3d")
            return None
    return parts


def _distinct(pb: Problem, pts: list[str], span: Span | None) -> bool:
    """A segment's ends, and an angle's vertex and arm ends, are different points."""
    if len(pts) == 2 and pts[0] == pts[1] or len(pts) == 3 and pts[1] in (pts[0], pts[2]):
        what = "a segment from a point to itself" if len(pts) == 2 else "an angle with an arm of no length"
        pb.report("E8511", f"{''.join(pts)} is {what}", span, "name different points, e.g. AB or VAW")
        return False
    return True


def _add_point(pb: Problem, node: Any) -> None:
    if len(pb.points) >= MAX_POINTS:
        pb.report("E8514", f"more than {MAX_POINTS} points", node.span)
        return
    p = _construct(pb, node)
    if p is None:
        return
    if node.name in pb.points:
        pb.report("E8502", f"point {node.name} is already a point of {pb.owner[node.name]}", node.span_of("name"),
                  "choose another letter")
        return
    pb.points[node.name] = p
    pb.owner[node.name] = "point3d"
    pb.extra_points.append((node.name, node))


def _construct(pb: Problem, node: Any) -> Vec | None:
    span = node.span_of("at") if node.at is not None else node.span_of("on")
    if node.on is not None and node.at is None:
        ends = _pts(pb, node.on, node.span_of("on"), 2, "construction")
        if ends is None:
            return None
        a, b = pb.points[ends[0]], pb.points[ends[1]]
        t = _exact(node.ratio)
        return tuple(x + t * (y - x) for x, y in zip(a, b))  # type: ignore[return-value]
    tree = node.at.tree if node.at is not None else None
    hint = "write at (x, y, z), at center(ABCD), at midpoint(AB), at foot(V, ABCD) or on AB { ratio: 0.3 }"
    if isinstance(tree, syntax.Point):
        return _free_point(pb, node, tree, span, hint)
    if not isinstance(tree, syntax.Call) or tree.fn not in ("center", "midpoint", "foot", "centroid") \
            or not all(isinstance(a, syntax.Ref) for a in tree.args):
        pb.report("E8506", f"point3d {node.name} needs a construction", span, hint)
        return None
    args = [a.dotted for a in tree.args]
    if tree.fn == "foot":
        if len(args) != 2:
            pb.report("E8506", "foot(P, ABC) takes a point and a plane through three or more points", span, hint)
            return None
        p, plane = _pts(pb, args[0], span, 1, "construction"), _pts(pb, args[1], span, None, "construction")
        if p is None or plane is None:
            return None
        if len(plane) < 3:
            pb.report("E8506", "foot(P, ABC) needs a plane of at least three points", span, hint)
            return None
        return _foot(pb.points[p[0]], [pb.points[x] for x in plane[:3]])
    names: list[str] = []
    for a in args:
        got = _pts(pb, a, span, None, "construction")
        if got is None:
            return None
        names += got
    if tree.fn == "midpoint" and len(names) != 2:
        pb.report("E8506", "midpoint takes two points: midpoint(AB) or midpoint(A, B)", span, hint)
        return None
    if len(names) < 2:
        pb.report("E8506", f"{tree.fn} needs at least two points", span, hint)
        return None
    return tuple(sum(pb.points[n][i] for n in names) / len(names) for i in range(3))  # type: ignore[return-value]


def _free_point(pb: Problem, node: Any, tree: Any, span: Span | None, hint: str) -> Vec | None:
    """A point at coordinates (x, y, z) in the scene's length unit."""
    from scidsl.expr import ExprError, evaluate_constant

    try:
        xyz = [evaluate_constant(v) for v in tree.items]
    except ExprError as exc:
        pb.report("E8506", f"point3d {node.name}: {exc}", span, hint)
        return None
    if len(xyz) != 3 or any(abs(v) > 1e6 for v in xyz):
        pb.report("E8506", f"point3d {node.name}: a point in space has three coordinates (x, y, z)", span, hint)
        return None
    return tuple(_exact(v) for v in xyz)  # type: ignore[return-value]


def _foot(p: Vec, plane: list[Vec]) -> Vec:
    a, b, c = (sp.Matrix(x) for x in plane)
    n = (b - a).cross(c - a)
    pm = sp.Matrix(p)
    t = n.dot(pm - a) / n.dot(n)
    f = pm - t * n
    return (f[0], f[1], f[2])


def _add_segment(pb: Problem, node: Any) -> None:
    ends = _pts(pb, node.name, node.span_of("name"), 2, "segment")
    if ends is not None and _distinct(pb, ends, node.span_of("name")):
        pb.segments.append(Marked(tuple(ends), node.label, node.name, node.style, node.color, node.span, node.ticks))


def _add_angle(pb: Problem, node: Any) -> None:
    pts = _pts(pb, node.at, node.span_of("at"), 3, "angle")
    if pts is not None and _distinct(pb, pts, node.span_of("at")):
        pb.angles.append(Marked(tuple(pts), node.label if node.label is not None else ("" if node.value else None),
                                f"angle {node.at}", span=node.span))


# --- facts ---------------------------------------------------------------------------------------


def _given_points(pb: Problem, call: Any, n: int, span: Span | None) -> list[str] | None:
    if not all(isinstance(a, syntax.Ref) for a in call.args):
        pb.report("E8507", f"{call.fn}(...) takes point names", span, f"e.g. {call.fn}({'VAW'[:n]})")
        return None
    text = "".join(a.dotted for a in call.args)
    return _pts(pb, text, span, n, "fact")


def _add_given(pb: Problem, g: Any) -> None:
    tree, span = g.lhs.tree, g.span_of("lhs")
    if not isinstance(tree, syntax.Call) or tree.fn not in ("length", "angle") or g.op not in ("=", None) \
            or g.rhs is None:
        pb.report("E8507", "solid figures take facts `given length(AB) = ...` and `given angle(ABC) = ...`",
                  span, "e.g. given length(VA) = 23 cm, given angle(VAW) = theta")
        return
    n = 2 if tree.fn == "length" else 3
    pts = _given_points(pb, tree, n, span)
    if pts is None or not _distinct(pb, pts, span):
        return
    P = [pb.points[p] for p in pts]
    rhs = g.rhs.tree
    unknown = rhs.dotted if isinstance(rhs, syntax.Ref) and rhs.dotted not in ("pi", "e") else None
    owner = f"given {tree.fn}({''.join(pts)})"
    if unknown is not None:
        pb.asked.append((tree.fn, tuple(pts), unknown, g.span))
        text = g.label if g.label is not None else unknown_text(unknown)
    else:
        target = _target(pb, g, rhs, tree.fn)
        if target is None:
            return
        value_text = _rhs_text(g)
        what = f"{tree.fn}({''.join(pts)}) = {value_text}"
        if n == 2:
            pb.equations.append(Equation(shapes.dist(*P), target, what, g.span))
        else:
            dot, aa, bb = shapes.angle_parts(*P)
            c = sp.cos(target)
            pb.equations.append(Equation(shapes.cos_angle(*P), c, what, g.span, True, dot ** 2 - c ** 2 * aa * bb))
        text = g.label if g.label is not None else value_text
    if not g.show:
        return
    mark = Marked(tuple(pts), text, owner, span=g.span)
    (pb.lengths if n == 2 else pb.angles).append(mark)


def _target(pb: Problem, g: Any, rhs: Any, fn: str) -> Any:
    from scidsl.expr import ExprError, to_sympy

    units = [parse_unit(n.unit) for n in _walk(rhs) if isinstance(n, syntax.Qty)]
    dims = {u.dimension_name for u in units if u is not None}
    want = "length" if fn == "length" else "angle"
    if dims - {want}:
        pb.report("E8507", f"{fn}(...) is {('a ' + want)} but the value is {', '.join(sorted(dims))}",
                  g.span_of("rhs"), "e.g. 23 cm" if fn == "length" else "e.g. 30 deg")
        return None
    try:
        value = to_sympy(rhs, {})
    except ExprError as exc:
        pb.report("E8507", f"the value cannot be used: {exc}", g.span_of("rhs"))
        return None
    if value.free_symbols or not value.is_real or not value.is_positive:
        pb.report("E8507", "the value must be a positive number", g.span_of("rhs"), "e.g. 23 cm or 30 deg")
        return None
    if fn == "length":
        return value / _exact(pb.unit_factor) if dims else value
    value = value if dims else value * sp.pi / 180  # a bare number is in degrees
    if not value < sp.pi:
        pb.report("E8507", "an angle between two segments is less than 180°", g.span_of("rhs"))
        return None
    return value


def _rhs_text(g: Any) -> str:
    tree = g.rhs.tree
    if isinstance(tree, syntax.Qty):
        from scidsl.model import Quantity

        return Quantity(float(tree.number), tree.unit).pretty()
    return syntax.format_value(tree)


def unknown_text(name: str) -> str:
    """`theta` → `$\\theta$`, `x` → `$x$`, `h1` → `$h_1$`."""
    m = re.fullmatch(r"([A-Za-z]+)(\d*)", name)
    if not m:
        return name
    base, digits = m.groups()
    base = "\\" + base if base in GREEK else base
    return f"${base}_{{{digits}}}$" if digits else f"${base}$"


def point_text(name: str) -> str:
    """`A` → `$A$`, `A1` → `$A_1$`, `B'` → `$B'$`."""
    m = re.fullmatch(r"([A-Za-z\u0370-\u03ff])(\d*)('*)", name)
    if not m:
        return name
    letter, digits, primes = m.groups()
    return f"${letter}" + (f"_{{{digits}}}" if digits else "") + ("^{" + "\\prime" * len(primes) + "}" if primes
                                                                    else "") + "$"
