"""`given` facts → solver facts and the marks that show them (values, ticks, arcs, arrows, squares)."""
from __future__ import annotations

import math
from typing import Any

from scidsl import syntax
from scidsl.domains.geometry import kinds as k
from scidsl.domains.geometry.problem import (
    Angle,
    Area,
    BinOp,
    Collinear,
    Dist,
    Num,
    OnCircle,
    OnLine,
    Parallel,
    Perpendicular,
    Radius,
    Relation,
    Tangent,
)
from scidsl.domains.geometry.scene_problem import (
    GeoError,
    Mark,
    Origin,
    PlanBuilder,
    Stroke,
    check_magnitude,
)
from scidsl.model import Given, Quantity

GREEK = {"alpha", "beta", "gamma", "delta", "theta", "phi", "psi", "omega", "lambda", "mu", "epsilon",
         "sigma", "tau", "rho", "eta", "kappa", "xi", "zeta", "chi", "nu", "pi"}
RELATIONS = ("parallel", "perpendicular", "collinear", "on", "tangent", "equal", "right")


def add_given(b: PlanBuilder, g: Given) -> None:
    """Translate one given fact."""
    tree = g.lhs.tree
    origin = Origin(g)
    if g.op is None:
        if not isinstance(tree, syntax.Call) or tree.fn not in RELATIONS:
            raise GeoError("E1003", f"'{g.lhs.text}' is a measure, not a statement",
                           "compare it: given length(AB) = 5 cm", "lhs")
        _relation(b, g, tree, origin)
        return
    assert g.rhs is not None
    _comparison(b, g, tree, g.rhs.tree, origin)


# -- measures -------------------------------------------------------------------------------------


def vertex_angle(b: PlanBuilder, v: str, key: str | None) -> tuple[str, str, str]:
    """The interior angle at a polygon vertex: angle(A) in triangle ABC is angle(C, A, B)."""
    for _, vt in b.plan.polygons:
        if v in vt:
            i = vt.index(v)
            return vt[i - 1], v, vt[(i + 1) % len(vt)]
    raise GeoError("E1003", f"angle({v}) needs {v} to be a polygon's vertex",
                   f"name the angle by three points, e.g. angle(A{v}B)", key)


def _names(b: PlanBuilder, call: syntax.Call, key: str) -> list[str]:
    out = []
    for a in call.args:
        if not isinstance(a, syntax.Ref):
            raise GeoError("E1003", f"{call.fn}(...) takes names, not '{syntax.format_value(a)}'",
                           f"for example: {_EXAMPLES.get(call.fn, call.fn + '(AB)')}", key)
        out.append(a.dotted)
    return out


_EXAMPLES = {
    "length": "length(AB)", "angle": "angle(ABC) or angle(A)", "parallel": "parallel(AB, CD)",
    "perpendicular": "perpendicular(AB, CD)", "equal": "equal(AB, CD)", "on": "on(P, c)",
    "tangent": "tangent(AB, c)", "ratio": "ratio(AB, CD) = 2", "collinear": "collinear(A, B, C)",
    "right": "right(ABC) or right(B)", "radius": "radius(c)", "area": "area(ABC)",
    "perimeter": "perimeter(ABC)", "distance": "distance(A, B)",
}


def _length_pts(b: PlanBuilder, call: syntax.Call, key: str) -> tuple[str, str]:
    names = _names(b, call, key)
    if len(names) == 1:
        return b.pair(names[0], key)
    if len(names) == 2:
        return b.point(names[0], key), b.point(names[1], key)
    raise GeoError("E1003", "length takes one segment: length(AB)", None, key)


def _angle_pts(b: PlanBuilder, call: syntax.Call, key: str) -> tuple[str, str, str]:
    names = _names(b, call, key)
    if len(names) == 3:
        return b.point(names[0], key), b.point(names[1], key), b.point(names[2], key)
    if len(names) == 1:
        pts = k.split_points(names[0]) or []
        if len(pts) == 1:
            return vertex_angle(b, b.point(pts[0], key), key)
        return b.triple(names[0], key)
    raise GeoError("E1003", "angle takes three points, vertex in the middle: angle(ABC)", None, key)


def _arc_measure(b: PlanBuilder, tree: syntax.Call, key: str) -> Angle:
    """arc(AB): the central angle of the minor arc AB on the circle through both points."""
    names = _names(b, tree, key)
    circ = names.pop() if len(names) in (2, 3) and names[-1] in b.circles else None
    pts = b.pair(names[0], key) if len(names) == 1 else tuple(b.point(n, key) for n in names)
    if len(pts) != 2:
        raise GeoError("E1003", "arc takes two points of a circle: arc(AB)", None, key)
    for c in b.plan.problem.circles:
        on = {f.point for f in b.plan.problem.facts if isinstance(f, OnCircle) and f.circle == c.name}
        on |= set(c.points) | ({c.through} if c.through else set())
        if (circ is None or circ == c.name) and set(pts) <= on:
            center = c.center or f"_center_{c.name}"
            return Angle(pts[0], center, pts[1])
    raise GeoError("E1003", f"no circle is known to pass through {pts[0]} and {pts[1]}",
                   "put both points on the circle first: point A on c", key)


def _polygon_measure(b: PlanBuilder, tree: syntax.Call, key: str) -> tuple[Any, str]:
    names = _names(b, tree, key)
    pts = k.split_points(names[0]) if len(names) == 1 else names
    if not pts or len(pts) < 3:
        raise GeoError("E1003", f"{tree.fn} takes a polygon: {tree.fn}(ABC)", None, key)
    vt = tuple(b.point(p, key) for p in pts)
    if tree.fn == "area":
        return Area(vt), "area"
    total: Any = Dist(vt[0], vt[1])
    for i in range(1, len(vt)):
        total = BinOp("+", total, Dist(vt[i], vt[(i + 1) % len(vt)]))
    return total, "length"


def measure(b: PlanBuilder, tree: Any, key: str) -> tuple[Any, str]:
    """(solver expression, kind) with kind length|angle|number|symbol; symbol has no expression."""
    if isinstance(tree, syntax.Call) and tree.fn in ("length", "distance"):
        a, c = _length_pts(b, tree, key)
        return Dist(a, c), "length"
    if isinstance(tree, syntax.Call) and tree.fn == "radius":
        names = _names(b, tree, key)
        if len(names) != 1:
            raise GeoError("E1003", "radius takes one circle: radius(c)", None, key)
        return Radius(b.circle(names[0], key)), "length"
    if isinstance(tree, syntax.Call) and tree.fn in ("area", "perimeter"):
        return _polygon_measure(b, tree, key)
    if isinstance(tree, syntax.Call) and tree.fn == "arc":
        return _arc_measure(b, tree, key), "angle"
    if isinstance(tree, syntax.Call) and tree.fn == "angle":
        return Angle(*_angle_pts(b, tree, key)), "angle"
    if isinstance(tree, syntax.Call) and tree.fn == "ratio":
        names = _names(b, tree, key)
        if len(names) != 2:
            raise GeoError("E1003", "ratio takes two segments: ratio(AB, CD)", None, key)
        return BinOp("/", Dist(*b.pair(names[0], key)), Dist(*b.pair(names[1], key))), "number"
    if isinstance(tree, syntax.Ref):
        return None, "symbol"
    if isinstance(tree, (syntax.BinOp, syntax.Neg)):
        return _arith(b, tree, key)
    return _constant(tree, key)


def _arith(b: PlanBuilder, tree: Any, key: str) -> tuple[Any, str]:
    if isinstance(tree, syntax.Neg):
        inner, kind = measure(b, tree.operand, key)
        if isinstance(inner, Num):
            return Num(-inner.value), kind
        if isinstance(inner, tuple):
            return ("qty", Quantity(-inner[1].value, inner[1].unit)), kind
        return (BinOp("-", Num(0.0), inner) if inner is not None else None), kind
    if tree.op not in "+-*/":
        return _constant(tree, key)
    (left, lk), (right, rk) = measure(b, tree.left, key), measure(b, tree.right, key)
    if left is None or right is None:
        return None, "symbol"
    kinds = {lk, rk} - {"number"}
    if tree.op in "+-" and len(kinds) > 1:
        raise GeoError("E1008", f"'{syntax.format_value(tree)}' adds different kinds of quantity",
                       "add lengths to lengths and angles to angles", key)
    return BinOp(tree.op, left, right), (kinds.pop() if len(kinds) == 1 else "number")


def _constant(tree: Any, key: str) -> tuple[Any, str]:
    from scidsl.expr import ExprError, evaluate_constant

    if isinstance(tree, syntax.Qty):
        q = Quantity(float(tree.number), tree.unit)
        kind = _unit_kind(q)
        return ("qty", q), kind
    try:
        return Num(check_magnitude(evaluate_constant(tree), key)), "number"
    except ExprError as exc:
        raise GeoError("E1003", f"cannot use '{syntax.format_value(tree)}' here: {exc}", None, key) from None


def _unit_kind(q: Quantity) -> str:
    from scidsl.units import parse_unit

    info = parse_unit(q.unit)
    name = info.dimension_name if info else ""
    return name if name in ("angle", "length", "area") else "other"


def _resolve(b: PlanBuilder, e: Any, want: str, key: str) -> Any:
    """Replace quantities inside an expression by plain numbers in the solver's units."""
    if isinstance(e, tuple) and e and e[0] == "qty":
        q = e[1]
        if want == "angle":
            if _unit_kind(q) != "angle":
                raise GeoError("E1008", f"'{q}' is not an angle", "write an angle like 30 deg", key)
            return Num(check_magnitude(math.degrees(q.si), key))
        if want == "area":
            if _unit_kind(q) != "area":
                raise GeoError("E1008", f"'{q}' is not an area", "write an area like 6 cm^2", key)
            return Num(q.si / (b.unit_si or 1.0) ** 2 if b.unit_si else q.value)
        return Num(b.length_value(q, key))
    if isinstance(e, BinOp):
        return BinOp(e.op, _resolve(b, e.left, want, key), _resolve(b, e.right, want, key))
    return e


# -- comparisons ------------------------------------------------------------------------------------


def _comparison(b: PlanBuilder, g: Given, lhs: Any, rhs: Any, origin: Origin) -> None:
    left, lk = measure(b, lhs, "lhs")
    right, rk = measure(b, rhs, "rhs")
    kinds = {lk, rk} - {"number", "symbol"}
    if lk == "other" or rk == "other" or len(kinds) > 1:
        raise GeoError("E1008", f"the two sides of '{g.lhs.text} {g.op} {g.rhs.text if g.rhs else ''}' "
                       "are different kinds of quantity", "compare lengths with lengths, angles with angles",
                       "rhs")
    want = kinds.pop() if kinds else "number"
    if left is None and right is None:
        raise GeoError("E1003", "a fact needs a length, angle or ratio on one side", None, "lhs")
    if left is None or right is None:
        _symbol_mark(b, g, lhs if left is not None else rhs, rhs if left is not None else lhs)
        return
    left, right = _resolve(b, left, want, "lhs"), _resolve(b, right, want, "rhs")
    b.add_fact(Relation(left, g.op or "=", right, origin))
    arc = lhs if isinstance(lhs, syntax.Call) and lhs.fn == "arc" else None
    if g.show and g.op == "=" and arc is not None and isinstance(left, Angle) and isinstance(right, Num):
        b.plan.marks.append(Mark("arc_label", (left.a, left.b, left.vertex),
                                 label=g.label or _value_text(g, "angle")))
    elif g.show and g.op == "=":
        _value_marks(b, g, left, right)


def _symbol_mark(b: PlanBuilder, g: Given, measured: Any, symbol: Any) -> None:
    """`given length(AC) = y`: an unknown shown by name."""
    text = g.label or _symbol_text(symbol)
    if not g.show:
        return
    if isinstance(measured, syntax.Call) and measured.fn == "length":
        _side_label(b, _length_pts(b, measured, "lhs"), text)
    elif isinstance(measured, syntax.Call) and measured.fn == "angle":
        b.plan.marks.append(Mark("angle", _angle_pts(b, measured, "lhs"), label=text))


def _symbol_text(tree: Any) -> str:
    if isinstance(tree, syntax.Ref):
        name = tree.dotted
        return f"$\\{name}$" if name in GREEK else f"${name}$"
    return syntax.format_value(tree)


def _value_marks(b: PlanBuilder, g: Given, left: Any, right: Any) -> None:
    if isinstance(right, Dist) and isinstance(left, Num):
        left, right = right, left
    if isinstance(right, Angle) and isinstance(left, Num):
        left, right = right, left
    if isinstance(left, Dist) and isinstance(right, Num):
        _side_label(b, (left.a, left.b), g.label or _value_text(g, "length"))
    elif isinstance(left, Angle) and isinstance(right, Num):
        if abs(right.value - 90.0) < 1e-9 and not g.label:
            b.plan.marks.append(Mark("right", (left.a, left.vertex, left.b)))
        else:
            b.plan.marks.append(Mark("angle", (left.a, left.vertex, left.b),
                                     label=g.label or _value_text(g, "angle")))
    elif isinstance(left, Dist) and isinstance(right, Dist):
        _ticks(b, [(left.a, left.b), (right.a, right.b)])
    elif isinstance(left, Angle) and isinstance(right, Angle):
        _equal_arcs(b, [left, right])


def _value_text(g: Given, kind: str) -> str:
    """The value as written: 5 cm, 60°, 2√3 (numbers keep the scene's spelling)."""
    tree = g.rhs.tree if g.rhs is not None and not isinstance(g.rhs.tree, syntax.Call) else g.lhs.tree
    if isinstance(tree, syntax.Qty):
        return Quantity(float(tree.number), tree.unit).pretty()
    text = syntax.format_value(tree)
    if isinstance(tree, syntax.Num) and kind == "angle":
        return text + "°"
    if isinstance(tree, syntax.Num):
        return text
    return "$" + text.replace("sqrt", "\\sqrt").replace("*", "") + "$"


def _side_label(b: PlanBuilder, pts: tuple[str, str], text: str) -> None:
    if not b.has_segment(*pts):
        b.add_stroke(Stroke("segment", pts[0], pts[1], pts[0] + pts[1]))
    b.plan.marks.append(Mark("side_label", pts, label=text))


def _ticks(b: PlanBuilder, segs: list[tuple[str, str]]) -> None:
    # One tick count per class of equal segments: an existing class that shares a segment is reused.
    for m in b.plan.marks:
        if m.kind == "ticks" and any(set(m.points) == set(s) for s in segs):
            count = m.count
            break
    else:
        b.tick_classes += 1
        count = b.tick_classes
    for s in segs:
        if not any(m.kind == "ticks" and set(m.points) == set(s) for m in b.plan.marks):
            if not b.has_segment(*s):
                b.add_stroke(Stroke("segment", s[0], s[1], s[0] + s[1]))
            b.plan.marks.append(Mark("ticks", s, count=count))


def _equal_arcs(b: PlanBuilder, angles: list[Angle]) -> None:
    b.arc_classes += 1
    for a in angles:
        b.plan.marks.append(Mark("angle", (a.a, a.vertex, a.b), count=b.arc_classes))


# -- relations --------------------------------------------------------------------------------------


def _relation(b: PlanBuilder, g: Given, call: syntax.Call, origin: Origin) -> None:
    fn = call.fn
    names = _names(b, call, "lhs")
    if fn in ("parallel", "perpendicular", "equal") and len(names) != 2:
        raise GeoError("E1003", f"{fn} takes two segments: {_EXAMPLES[fn]}", None, "lhs")
    handler = {"parallel": _parallel, "perpendicular": _perpendicular, "equal": _equal, "on": _on,
               "tangent": _tangent, "collinear": _collinear, "right": _right}[fn]
    handler(b, g, names, origin)


def _parallel(b: PlanBuilder, g: Given, names: list[str], origin: Origin) -> None:
    l1, l2 = b.line_ref(names[0], "lhs"), b.line_ref(names[1], "lhs")
    b.add_fact(Parallel(l1, l2, origin))
    if g.show:
        b.arrow_classes += 1
        for ref in (l1, l2):
            if isinstance(ref, tuple):
                if not b.has_segment(*ref):
                    b.add_stroke(Stroke("segment", ref[0], ref[1], ref[0] + ref[1]))
                b.plan.marks.append(Mark("arrows", ref, count=b.arrow_classes))


def _perpendicular(b: PlanBuilder, g: Given, names: list[str], origin: Origin) -> None:
    l1, l2 = b.line_ref(names[0], "lhs"), b.line_ref(names[1], "lhs")
    b.add_fact(Perpendicular(l1, l2, origin))
    if g.show and isinstance(l1, tuple) and isinstance(l2, tuple):
        common = set(l1) & set(l2)
        if len(common) == 1:
            v = common.pop()
            b.plan.marks.append(Mark("right", (_other(l1, v), v, _other(l2, v))))
        else:
            b.plan.marks.append(Mark("right_cross", l1 + l2))


def _other(pair: tuple[str, str], v: str) -> str:
    return pair[1] if pair[0] == v else pair[0]


def _equal(b: PlanBuilder, g: Given, names: list[str], origin: Origin) -> None:
    pts = [k.split_points(n) or [] for n in names]
    if all(len(p) == 2 for p in pts):
        s1, s2 = b.pair(names[0], "lhs"), b.pair(names[1], "lhs")
        b.add_fact(Relation(Dist(*s1), "=", Dist(*s2), origin))
        if g.show:
            _ticks(b, [s1, s2])
    elif all(len(p) == 3 for p in pts):
        a1, a2 = Angle(*b.triple(names[0], "lhs")), Angle(*b.triple(names[1], "lhs"))
        b.add_fact(Relation(a1, "=", a2, origin))
        if g.show:
            _equal_arcs(b, [a1, a2])
    else:
        raise GeoError("E1003", "equal takes two segments (AB, CD) or two angles (ABC, DEF)", None, "lhs")


def _on(b: PlanBuilder, g: Given, names: list[str], origin: Origin) -> None:
    if len(names) != 2:
        raise GeoError("E1003", "on takes a point and a line or circle: on(P, c)", None, "lhs")
    p = b.point(names[0], "lhs")
    if names[1] in b.circles:
        b.add_fact(OnCircle(p, names[1], origin))
    else:
        ref = b.line_ref(names[1], "lhs")
        b.add_fact(OnLine(p, ref, segment=isinstance(ref, tuple), origin=origin))


def _tangent(b: PlanBuilder, g: Given, names: list[str], origin: Origin) -> None:
    if len(names) != 2:
        raise GeoError("E1003", "tangent takes a line and a circle: tangent(AB, c)", None, "lhs")
    circ = b.circle(names[1], "lhs")
    obj = names[0] if names[0] in b.circles else b.line_ref(names[0], "lhs")
    b.add_fact(Tangent(obj, circ, origin=origin))


def _collinear(b: PlanBuilder, g: Given, names: list[str], origin: Origin) -> None:
    pts = [b.point(n, "lhs") for n in names]
    if len(pts) == 1:
        pts = list(b.triple(names[0], "lhs"))
    if len(pts) < 3:
        raise GeoError("E1003", "collinear takes three or more points", None, "lhs")
    b.add_fact(Collinear(tuple(pts), origin))


def _right(b: PlanBuilder, g: Given, names: list[str], origin: Origin) -> None:
    if len(names) != 1:
        raise GeoError("E1003", "right takes one angle: right(ABC) or right(B)", None, "lhs")
    pts = k.split_points(names[0]) or []
    tri = vertex_angle(b, b.point(pts[0], "lhs"), "lhs") if len(pts) == 1 else b.triple(names[0], "lhs")
    b.add_fact(Relation(Angle(*tri), "=", Num(90.0), origin))
    if g.show:
        b.plan.marks.append(Mark("right", tri))


