"""Geometry statements → solver objects and drawing plan (one function per kind)."""
from __future__ import annotations

from dataclasses import replace

from typing import Any

from scidsl import syntax
from scidsl.answers import display, hides
from scidsl.domains.geometry import kinds as k
from scidsl.domains.geometry.problem import (
    CircleDef, Dist, Num, Relation,
    Construction,
    LineDef,
    OnCircle,
    OnLine,
    Polygon,
    shape_facts,
)
from scidsl.domains.geometry.scene_problem import (
    GeoError,
    Mark,
    Origin,
    PlanBuilder,
    Stroke,
    check_magnitude,
)
from scidsl.model import Node

POINT_CALLS = {
    "midpoint": "midpoint", "foot": "foot", "intersection": "intersection", "centroid": "centroid",
    "circumcenter": "circumcenter", "incenter": "incenter", "orthocenter": "orthocenter",
    "tangent": "tangent_point", "reflect": "reflect",
}


def add_statement(b: PlanBuilder, node: Node) -> None:
    """Dispatch one statement."""
    handler = _HANDLERS.get(node.kind)
    if handler is not None:
        handler(b, node)


def _style(node: Any) -> dict:
    return {"style": getattr(node, "style", "solid"), "color": getattr(node, "color", "black")}


# -- points -----------------------------------------------------------------------------------


def _point(b: PlanBuilder, node: k.GeoPoint) -> None:
    name = node.name or ""
    b.plan.point_nodes[name] = node
    origin = Origin(node)
    if node.at is not None and node.on is not None:
        raise GeoError("E1003", f"point {name} has both `at` and `on`", "keep one of them", "on")
    if node.at is not None:
        _point_at(b, name, node.at.tree, node, origin)
        if b.plan.problem.constructions and b.plan.problem.constructions[-1].name == name:
            _within_segments(b, name, b.plan.problem.constructions[-1], origin)
    elif node.on is not None:
        _point_on(b, name, node, origin)


def _point_at(b: PlanBuilder, name: str, tree: Any, node: k.GeoPoint, origin: Origin) -> None:
    from scidsl.expr import ExprError, evaluate_constant

    if isinstance(tree, syntax.Point) and len(tree.items) == 2:
        try:
            xy = (evaluate_constant(tree.items[0]), evaluate_constant(tree.items[1]))
        except ExprError as exc:
            raise GeoError("E1003", f"the coordinates of {name} are not numbers: {exc}", None, "at") from None
        b._fixed[name] = (check_magnitude(xy[0], "at"), check_magnitude(xy[1], "at"))
        return
    if not isinstance(tree, syntax.Call) or tree.fn not in POINT_CALLS:
        raise GeoError("E1003", f"point {name}: `at` takes (x, y) or a construction",
                       "constructions: " + ", ".join(f"{f}(...)" for f in POINT_CALLS), "at")
    args = [_ref_text(a) for a in tree.args]
    b.add_construction(_other_than(b, node, construction_from_call(b, name, tree.fn, args, node.which, origin)))


def _ref_text(a: Any) -> str:
    if isinstance(a, syntax.Ref):
        return a.dotted
    raise GeoError("E1003", f"'{syntax.format_value(a)}' should be a point, segment or circle name", None, "at")


def construction_from_call(b: PlanBuilder, name: str, fn: str, args: list[str], which: Any,
                           origin: Origin) -> Construction:
    """A Construction from a call like midpoint(A, B) or foot(C, AB)."""
    if fn == "midpoint":
        pts = b.pair(args[0]) if len(args) == 1 else tuple(b.point(a) for a in args)
        return _checked(Construction(name, "midpoint", tuple(pts), origin=origin), 2)
    if fn in ("centroid", "circumcenter", "incenter", "orthocenter"):
        pts = b.triple(args[0]) if len(args) == 1 else tuple(b.point(a) for a in args)
        return _checked(Construction(name, fn, tuple(pts), origin=origin), 3)
    if fn in ("foot", "reflect") and len(args) == 2:
        return Construction(name, fn, (b.point(args[0]),) + b.pair(args[1]), origin=origin)
    if fn == "intersection" and len(args) == 2:
        objs = tuple(a if a in b.circles else b.line_ref(a) for a in args)
        return Construction(name, "intersection", objects=objs, which=which, origin=origin)
    if fn == "tangent" and len(args) == 2:
        return Construction(name, "tangent_point", (b.point(args[0]),), circle=b.circle(args[1]),
                            which=which, origin=origin)
    raise GeoError("E1003", f"{fn}(...) got {len(args)} arguments", _CALL_HINTS.get(fn), "at")


def _other_than(b: PlanBuilder, node: Any, c: Construction) -> Construction:
    """`other_than: B` picks the crossing that is not B (checked after solving)."""
    if getattr(node, "other_than", None) is None:
        return c
    if node.which is not None or c.kind not in ("intersection", "tangent_point"):
        raise GeoError("E1030", f"{c.name}: other_than chooses between two crossings; "
                       + ("give it or which, not both" if node.which is not None else f"{c.kind} has one answer"),
                       "write other_than: B alone, on an intersection of two circles or of a line and a circle",
                       "other_than")
    return replace(c, avoid=(b.point(node.other_than, "other_than"),))


_CALL_HINTS = {
    "foot": "foot(C, AB): foot of the perpendicular from C to AB",
    "reflect": "reflect(P, AB): mirror image of P in AB",
    "intersection": "intersection(AB, CD) of two lines, or intersection(AB, c) with a circle",
    "tangent": "tangent(P, c): where a tangent from P touches circle c",
}


def _checked(c: Construction, n: int) -> Construction:
    if len(c.args) != n:
        raise GeoError("E1003", f"{c.kind} needs {n} points", None, "at")
    return c


def _within_segments(b: PlanBuilder, name: str, c: Construction, origin: Origin) -> None:
    """Where two segments (not whole lines) cross, the crossing lies on both: chords meet inside."""
    if c.kind != "intersection" or not all(isinstance(o, tuple) for o in c.objects):
        return
    for obj in c.objects:
        whole = any(s.kind in ("line", "ray") and {s.a, s.b} == set(obj) for s in b.plan.strokes)
        if isinstance(obj, tuple) and not whole:
            b.add_fact(OnLine(name, obj, segment=True, origin=origin))


def _point_on(b: PlanBuilder, name: str, node: k.GeoPoint, origin: Origin) -> None:
    target = node.on or ""
    if target in b.circles:
        if node.ratio is not None:
            raise GeoError("E1003", "`ratio` needs a segment, not a circle", None, "ratio")
        b.add_fact(OnCircle(name, target, origin))
        return
    ref = b.line_ref(target, "on")
    if node.ratio is not None and isinstance(ref, tuple):
        b.add_construction(Construction(name, "divide", ref, value=float(node.ratio), origin=origin))
        return
    b.add_fact(OnLine(name, ref, segment=isinstance(ref, tuple), origin=origin))


# -- polygons ---------------------------------------------------------------------------------


def _polygon(b: PlanBuilder, node: Any) -> None:
    vs = node.vertex_names()
    if not vs:
        raise GeoError("E1002", f"'{node.name}' does not spell the vertices", "write e.g. triangle ABC, or "
                       "give vertices: [P1, P2, P3]", "name")
    need = type(node).sides
    if len(set(vs)) != len(vs):
        raise GeoError("E1011", f"{node.kind} {node.name} repeats a vertex", "name each vertex once", "name")
    if (need and len(vs) != need) or len(vs) < 3:
        what = f"{need}" if need else "at least 3 different"
        raise GeoError("E1011", f"a {node.kind} has {what} vertices, but {node.name} has {len(vs)}",
                       f"for example: {type(node).example}", "name")
    origin = Origin(node)
    vt = tuple(b.point(v) for v in vs)
    b.plan.problem.polygons.append(Polygon(node.name or "", vt, regular=node.kind == "regular_polygon",
                                           origin=origin))
    b.plan.polygons.append((node, vt))
    b.plan.vertex_points.update(vt)
    if node.kind in ("parallelogram", "rectangle", "square", "rhombus", "trapezoid", "kite"):
        for f in shape_facts(vt, node.kind, origin):
            b.add_fact(f)
    if isinstance(node, k.Triangle):
        _triangle_facts(b, node, vt, origin)
    if node.base and b.plan.problem.base is None:
        b.plan.problem.base = b.pair(node.base, "base")
    for i in range(len(vt)):
        b.add_stroke(Stroke("segment", vt[i], vt[(i + 1) % len(vt)], node.name or "", **_style(node)))


def _triangle_facts(b: PlanBuilder, node: k.Triangle, vt: tuple[str, ...], origin: Origin) -> None:
    if node.right:
        v = b.point(node.right, "right")
        if v not in vt:
            raise GeoError("E1003", f"{v} is not a vertex of {node.name}", None, "right")
        for f in shape_facts(vt, "right_triangle", origin, at=v):
            b.add_fact(f)
        i = vt.index(v)
        b.plan.marks.append(Mark("right", (vt[i - 1], v, vt[(i + 1) % 3]), owner=node.name or ""))
    if node.isosceles:
        v = b.point(node.isosceles, "isosceles")
        if v not in vt:
            raise GeoError("E1003", f"{v} is not a vertex of {node.name}", None, "isosceles")
        for f in shape_facts(vt, "isosceles", origin, at=v):
            b.add_fact(f)
        i = vt.index(v)
        b.tick_classes += 1
        for w in (vt[i - 1], vt[(i + 1) % 3]):
            b.plan.marks.append(Mark("ticks", (v, w), count=b.tick_classes, owner=node.name or ""))
    if node.equilateral:
        for f in shape_facts(vt, "equilateral", origin):
            b.add_fact(f)
        b.tick_classes += 1
        for i in range(3):
            b.plan.marks.append(Mark("ticks", (vt[i], vt[(i + 1) % 3]), count=b.tick_classes))


# -- segments, lines, rays ----------------------------------------------------------------------


def _segment(b: PlanBuilder, node: k.Segment) -> None:
    a, c = b.pair(node.name or "", "name")
    if node.length is not None:
        b.add_fact(Relation(Dist(a, c), "=", Num(b.length_value(node.length, "length")), Origin(node)))
        b.plan.marks.append(Mark("side_label", (a, c), label=node.label or node.length.pretty()))
        node = node.model_copy(update={"label": None})
    elif node.value or hides(node):
        label = _value_label(node, node.label)
        # with nothing to write (answer: hidden) the length stays in the facts only
        b.plan.marks.append(Mark("side_label" if label else "measure", (a, c), label=label, hidden=hides(node)))
        node = node.model_copy(update={"label": None})
    kind = "dimension" if node.dimension else "segment"
    b.add_stroke(Stroke("segment", a, c, node.name or "", label=None if node.dimension else node.label,
                        node=node, **_style(node)))
    if node.dimension:
        b.plan.strokes.append(Stroke(kind, a, c, (node.name or "") + ".dim", label=node.label, node=node))


def _line(b: PlanBuilder, node: k.GeoLine) -> None:
    name = node.name or ""
    origin = Origin(node)
    through = node.through if isinstance(node.through, list) else ([node.through] if node.through else [])
    if not through:
        a, c = b.pair(name, "name")
        b.add_stroke(Stroke("line", a, c, name, label=node.label, node=node, **_style(node)))
        return
    pts = [b.point(p, "through") for p in through]
    if len(set(pts)) != len(pts):
        raise GeoError("E1002", f"line {name} names the same point twice", "a line needs two different points",
                       "through")
    ref = node.parallel or node.perpendicular
    if len(pts) == 2 and ref is None:
        b.plan.problem.lines.append(LineDef(name, "through", tuple(pts), origin=origin))
    elif len(pts) == 1 and ref is not None:
        kind = "parallel" if node.parallel else "perpendicular"
        b.plan.problem.lines.append(LineDef(name, kind, point=pts[0], ref=b.line_ref(ref, kind), origin=origin))
        ref_pts = b.line_ref(ref, kind)
        if kind == "perpendicular" and isinstance(ref_pts, tuple) and pts[0] in ref_pts:
            other = ref_pts[1] if ref_pts[0] == pts[0] else ref_pts[0]
            b.plan.marks.append(Mark("right_line", (name, pts[0], other), owner=name))
        if kind == "parallel":
            b.arrow_classes += 1
            b.plan.marks.append(Mark("arrows_line", (name,) + _as_tuple(b.line_ref(ref)), count=b.arrow_classes))
    else:
        raise GeoError("E1010", f"line {name} needs two points, or one point and `parallel`/`perpendicular`",
                       "line l through P { parallel: AB }", "through")
    b.plan.lines.append((node, name))


def _as_tuple(ref: Any) -> tuple[str, ...]:
    return ref if isinstance(ref, tuple) else (ref,)


def _ray(b: PlanBuilder, node: k.Ray) -> None:
    a, c = b.pair(node.name or "", "name")
    b.add_stroke(Stroke("ray", a, c, node.name or "", label=node.label, node=node, **_style(node)))


# -- circles ------------------------------------------------------------------------------------


def _circle(b: PlanBuilder, node: k.GeoCircle) -> None:
    name, origin = node.name or "", Origin(node)
    through = node.through if isinstance(node.through, list) else ([node.through] if node.through else [])
    center = b.point(node.center, "center") if node.center else None
    if len(through) == 3 and node.radius is None:
        pts = tuple(b.point(p, "through") for p in through)
        cdef = CircleDef(name, "three_points", center=center, points=pts, origin=origin)
    elif center and len(through) <= 1:
        r = b.length_value(node.radius, "radius") if node.radius is not None else None
        if r is not None and r <= 0:
            raise GeoError("E1010", f"circle {name} needs a positive radius", None, "radius")
        if r is not None and through:
            b.add_fact(OnCircle(b.point(through[0], "through"), name, origin))
            through = []
        cdef = CircleDef(name, "center", center=center, radius=r,
                         through=b.point(through[0], "through") if through else None, origin=origin)
    else:
        raise GeoError("E1010", f"circle {name} needs a centre (with a radius or a point), or three points",
                       "circle c { center: O, radius: 3 cm } or circle c through [A, B, C]")
    b.plan.problem.circles.append(cdef)
    b.plan.circles.append((node, name))
    if cdef.kind == "three_points" and center:
        b.plan.vertex_points.discard(center)


def _triangle_circle(b: PlanBuilder, node: Any) -> None:
    name, origin = node.name or "", Origin(node)
    pts = b.triple(node.of, "of")
    kind = "circumcircle" if node.kind == "circumcircle" else "incircle"
    center = b.point(node.center, "center") if node.center else None
    b.plan.problem.circles.append(CircleDef(name, kind, center=center, points=pts, origin=origin))
    b.plan.circles.append((node, name))


def _arc(b: PlanBuilder, node: k.GeoArc) -> None:
    a, c = b.pair(node.name or "", "name")
    circ = b.circle(node.on, "on")
    _ensure_on(b, (a, c), circ, node)
    b.plan.arcs.append((node, circ, a, c))


def _sector(b: PlanBuilder, node: k.Sector) -> None:
    pts = k.split_points(node.name or "") or []
    circ = b.circle(node.of, "of")
    if len(pts) == 3:
        pts = pts[1:]
    if len(pts) != 2:
        raise GeoError("E1002", f"sector {node.name} should name its centre and two points (OAB) or two points",
                       None, "name")
    a, c = b.point(pts[0], "name"), b.point(pts[1], "name")
    _ensure_on(b, (a, c), circ, node)
    b.plan.sectors.append((node, circ, a, c))


def _ensure_on(b: PlanBuilder, pts: tuple[str, ...], circ: str, node: Node) -> None:
    """Points named on an arc or sector lie on its circle."""
    known = {f.point for f in b.plan.problem.facts if isinstance(f, OnCircle) and f.circle == circ}
    for c in b.plan.problem.circles:
        if c.name == circ:
            known |= set(c.points) | ({c.through} if c.through else set())
    for p in pts:
        if p not in known:
            b.add_fact(OnCircle(p, circ, Origin(node)))


# -- constructions ------------------------------------------------------------------------------


def _cevian(b: PlanBuilder, node: Any) -> None:
    name, origin = node.name or "", Origin(node)
    v, foot = b.pair(name, "name")
    tri = b.triple(node.of, "of")
    start = b.point(node.from_, "from")
    if start != v or v not in tri:
        raise GeoError("E1003", f"{node.kind} {name} must start at a vertex of {node.of} named first "
                       f"(from {start})", f"for example: {type(node).example}", "from")
    p, q = [x for x in tri if x != v]
    if node.kind == "altitude":
        b.add_construction(Construction(foot, "foot", (v, p, q), origin=origin))
        b.plan.marks.append(Mark("right", (v, foot, q), owner=name))
        b.plan.marks.append(Mark("extend", (foot, p, q), owner=name))
    elif node.kind == "median":
        b.add_construction(Construction(foot, "midpoint", (p, q), origin=origin))
        b.tick_classes += 1
        b.plan.marks += [Mark("ticks", (p, foot), count=b.tick_classes, owner=name),
                         Mark("ticks", (foot, q), count=b.tick_classes, owner=name)]
    else:
        b.add_construction(Construction(foot, "bisector_foot", (v, p, q), origin=origin))
        b.arc_classes += 1
        # One arc per half, each crossed by a tick: the halves read as equal, not as the whole angle.
        b.plan.marks += [Mark("angle", (p, v, foot), count=1, owner=name, arc_ticks=b.arc_classes),
                         Mark("angle", (foot, v, q), count=1, owner=name, arc_ticks=b.arc_classes)]
    b.add_stroke(Stroke("segment", v, foot, name, label=node.label, node=node, **_style(node)))


def _perp_bisector(b: PlanBuilder, node: k.PerpendicularBisector) -> None:
    name, origin = node.name or "", Origin(node)
    a, c = b.pair(node.of, "of")
    b.plan.problem.lines.append(LineDef(name, "perp_bisector", (a, c), origin=origin))
    b.line_names.add(name)
    b.plan.lines.append((node, name))
    b.tick_classes += 1
    b.plan.marks.append(Mark("bisect", (a, c, name), count=b.tick_classes, owner=name))


def _tangent(b: PlanBuilder, node: k.TangentLine) -> None:
    name, origin = node.name or "", Origin(node)
    p, t = b.pair(name, "name")
    start = b.point(node.from_, "from")
    if start != p:
        raise GeoError("E1003", f"tangent {name} must start at {start} (write tangent {start}T from {start} to c)",
                       None, "from")
    circ = b.circle(node.to, "to")
    n = b.tangent_count.get((p, circ), 0) + 1
    b.tangent_count[(p, circ)] = n
    which = node.which or (1 if n == 1 else 2)
    b.add_construction(Construction(t, "tangent_point", (p,), circle=circ, which=which, origin=origin))
    b.add_stroke(Stroke("segment", p, t, name, label=node.label, node=node, **_style(node)))
    b.plan.marks.append(Mark("tangent", (p, t, circ), owner=name))


def _named_point(b: PlanBuilder, node: Any) -> None:
    name, origin = node.name or "", Origin(node)
    b.plan.point_nodes[name] = node
    if node.kind == "midpoint":
        c = construction_from_call(b, name, "midpoint", [node.of], None, origin)
    elif node.kind == "intersection":
        c = _other_than(b, node, construction_from_call(b, name, "intersection", list(node.of), node.which, origin))
        _within_segments(b, name, c, origin)
    else:
        c = construction_from_call(b, name, node.kind, [node.of], None, origin)
    b.add_construction(c)


def _angle_mark(b: PlanBuilder, node: k.AngleMark) -> None:
    from scidsl.domains.geometry.givens import vertex_angle

    pts = k.split_points(node.at) or []
    if len(pts) == 1:
        tri = vertex_angle(b, b.point(pts[0], "at"), "at")
    else:
        tri = b.triple(node.at, "at")
    b.plan.marks.append(Mark("angle", tri, label=_value_label(node, node.label),
                             count=node.arcs, owner=f"angle {node.at}", hidden=hides(node)))


def _value_label(node: Any, label: Any) -> Any:
    """`=value` (the renderer writes the measure), the `answer` placeholder, or the label as written."""
    if hides(node):
        return display(node, "") or label
    return label or ("=value" if node.value else None)


_HANDLERS: dict[str, Any] = {
    "point": _point, "segment": _segment, "line": _line, "ray": _ray, "circle": _circle,
    "circumcircle": _triangle_circle, "incircle": _triangle_circle, "arc": _arc, "sector": _sector,
    "altitude": _cevian, "median": _cevian, "bisector": _cevian,
    "perpendicular_bisector": _perp_bisector, "tangent": _tangent, "midpoint": _named_point,
    "intersection": _named_point, "centroid": _named_point, "circumcenter": _named_point,
    "incenter": _named_point, "orthocenter": _named_point, "angle": _angle_mark,
}
for _kind in k.POLYGON_KINDS:
    _HANDLERS[_kind.model_fields["kind"].default] = _polygon
