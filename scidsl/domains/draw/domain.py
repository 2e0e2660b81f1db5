"""The drawing layer: resolve positions, apply group transforms, hand shapes to the renderer."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from scidsl import limits, syntax
from scidsl.answers import mark_hidden
from scidsl.diagnostics import did_you_mean, error
from scidsl.domains.draw import kinds as k
from scidsl.expr import ExprError, evaluate_constant, numpy_function
from scidsl.model import Expr, Node

P = tuple[float, float]


class _PosError(Exception):
    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint


@dataclass
class Shape:
    """A drawing item with its page coordinates."""

    node: Node
    points: list[P] = field(default_factory=list)
    closed: bool = False
    center: P | None = None
    radius: float = 0.0
    rotation: float = 0.0  # degrees a group turned the item by
    paths: list[list[P]] = field(default_factory=list)  # generated geometry (field lines, symbol centres)
    extra: Any = None  # a computed model (the ray trace of a ray diagram)


@dataclass
class Layout:
    """Every drawing item, placed, and the relations that placed them."""

    shapes: list[Shape] = field(default_factory=list)
    relations: list = field(default_factory=list)  # scidsl.place.Relation, measured again on the page
    max_magnitude: dict = field(default_factory=dict)  # per dimension, the largest arrow magnitude
    panel_captions: list = field(default_factory=list)  # (panel, position of its caption's top)


def position(expr: Expr, anchors: dict[str, P]) -> P:
    """Evaluate a position expression against the anchors."""
    return _pos(expr.tree, anchors)


def _pos(node: Any, anchors: dict[str, P]) -> P:  # noqa: C901 - one case per node type
    if isinstance(node, syntax.Point):
        if len(node.items) != 2:
            raise _PosError("E4002", "a position has two coordinates (x, y)")
        try:
            return _finite((evaluate_constant(node.items[0]), evaluate_constant(node.items[1])))
        except ExprError as exc:
            raise _PosError("E4002", f"a coordinate is not a number: {exc}") from None
    if isinstance(node, syntax.Ref):
        if node.dotted in anchors:
            return anchors[node.dotted]
        raise _PosError("E4001", f"'{node.dotted}' is not a point or anchor",
                        did_you_mean(node.dotted, sorted(anchors)) or
                        (f"known anchors: {', '.join(sorted(anchors)[:12])}" if anchors else "use (x, y) in cm"))
    if isinstance(node, syntax.BinOp) and node.op in "+-":
        a, b = _pos(node.left, anchors), _pos(node.right, anchors)
        sign = 1 if node.op == "+" else -1
        return _finite((a[0] + sign * b[0], a[1] + sign * b[1]))
    if isinstance(node, syntax.BinOp) and node.op in "*/":
        scalar_left = not isinstance(node.left, (syntax.Point, syntax.Ref, syntax.BinOp))
        vec = _pos(node.right if scalar_left else node.left, anchors)
        try:
            s = evaluate_constant(node.left if scalar_left else node.right)
        except ExprError as exc:
            raise _PosError("E4002", f"cannot scale a position: {exc}") from None
        if node.op == "/":
            if s == 0:
                raise _PosError("E4002", "division by zero in a position")
            s = 1 / s
        return _finite((vec[0] * s, vec[1] * s))
    if isinstance(node, syntax.Neg):
        a = _pos(node.operand, anchors)
        return (-a[0], -a[1])
    raise _PosError("E4002", f"'{syntax.format_value(node)}' is not a position", "write (x, y), a point name, or A + (dx, dy)")


def _finite(p: P) -> P:
    if not all(math.isfinite(c) and abs(c) <= limits.MAX_ABS_COORD for c in p):
        raise _PosError("E4006", f"the position {p} is outside ±{limits.MAX_ABS_COORD:g}")
    return p


def check(ctx: Any) -> None:
    """Static checks: curves are well defined, groups name drawing items once."""
    grouped: dict[str, str] = {}
    draw_names = {n.name for n in ctx.nodes if n.name}
    by_name = {n.name: n for n in ctx.nodes if n.name}
    for node in ctx.nodes:
        if isinstance(node, k.Curve):
            _check_curve(ctx, node)
        if isinstance(node, k.RayDiagram):
            _check_ray_diagram(ctx, node)
        if isinstance(node, k.Legend):
            from scidsl.domains.draw import annotations

            annotations.check(ctx, node)
        if isinstance(node, k.Group):
            for item in node.items:
                if item not in draw_names or item in grouped or isinstance(by_name.get(item), k.RayDiagram):
                    ctx.report(error("E4005", f"group {node.name} cannot transform '{item}'", node.span_of("items"),
                                     "a group lists drawing items (polyline, polygon, ...) each in one group only"))
                grouped[item] = node.name or ""
    _check_group_cycles(ctx)
    _check_vertex_budget(ctx)


def _check_group_cycles(ctx: Any) -> None:
    """A group may hold another group, but never (through others) itself."""
    members = {n.name: list(n.items) for n in ctx.nodes if isinstance(n, k.Group) and n.name}
    for start, node in ((n.name, n) for n in ctx.nodes if isinstance(n, k.Group) and n.name):
        seen, stack = set(), list(members[start])
        while stack:
            item = stack.pop()
            if item == start:
                ctx.report(error("E4090", f"group {start} contains itself through its items", node.span_of("items"),
                                 "a group may hold other groups, but not in a circle"))
                break
            if item in members and item not in seen:
                seen.add(item)
                stack.extend(members[item])


def _check_vertex_budget(ctx: Any) -> None:
    """Point lists are bounded in total: shapes with more vertices cost minutes and gigabytes to clear labels of."""
    from scidsl import limits

    total = 0
    for node in ctx.nodes:
        own = len(getattr(node, "points", None) or ()) + len(getattr(node, "through", None) or ())
        if isinstance(node, k.Curve) and node.y is not None:
            own += node.samples
        total += own
        if own > limits.MAX_LINE_VERTICES or total > limits.MAX_DRAWN_VERTICES:
            most = limits.MAX_LINE_VERTICES if own > limits.MAX_LINE_VERTICES else limits.MAX_DRAWN_VERTICES
            what = "this line has" if own > limits.MAX_LINE_VERTICES else "the drawing has"
            ctx.report(error("E0916", f"{what} more than {most} vertices", node.span,
                             "use fewer points, or a curve given by an expression"))
            return


def _check_ray_diagram(ctx: Any, node: k.RayDiagram) -> None:
    lens = next((n for n in ctx.nodes if n.name == node.lens), None)
    if not isinstance(lens, (k.Lens, k.SphericalMirror)) or lens.focal is None:
        what = "is not a lens or mirror" if not isinstance(lens, (k.Lens, k.SphericalMirror)) else "has no focal length"
        ctx.report(error("E4012", f"the ray diagram's lens '{node.lens}' {what}", node.span_of("lens"),
                         "name a lens declared before it with `focal`, e.g. lens L at (0, 0) { focal: 2 }"))


def _check_curve(ctx: Any, node: k.Curve) -> None:
    from scidsl.expr import names_in

    by_expr = node.y is not None and node.x is not None
    if by_expr == (node.through is not None) or (node.y is None) != (node.x is None):
        ctx.report(error("E4003", "a curve needs either `through` or both `y` and `x`", node.span,
                         "curve c { y: sin(x), x: [0, 6] } or curve c { through: [(0, 0), (1, 1), (2, 0)] }"))
        return
    if node.y is not None:
        free = names_in(node.y.tree) - {"x"}
        if free:
            ctx.report(error("E4004", f"the curve's y uses unknown names: {', '.join(sorted(free))}",
                             node.span_of("y"), "y may only use x, numbers, pi and e"))


def layout(ctx: Any) -> Layout:
    """Place every drawing item after what it names; a grouped item is transformed before later items use it."""
    from scidsl.domains.draw import groups, placing

    anchors = dict(ctx.anchors)
    out = Layout()
    plan = groups.plan_groups(ctx.nodes)
    order, cycle = placing.placement_order(ctx.nodes, groups.extra_dependencies(ctx.nodes, plan, placing.references))
    if cycle is not None:
        a, b = cycle
        ctx.report(error("E4023", f"{a.kind} {a.name} and {b.kind} {b.name} are placed by each other", a.span,
                         "place one of them by something else", related=((b.span, f"{b.name} names {a.name} here"),)))
        return out
    placed: dict[str, Shape] = {}
    scale = placing.world_scale(ctx.nodes, None)
    tiny = placing.too_small(ctx.nodes, scale)
    if tiny is not None:
        node, q = tiny
        ctx.report(error("E4026", f"{q.pretty()} would be drawn {q.si * scale * 10:.2g} mm long at the scale the "
                         "longest world length sets: the lengths cannot share one scale", node.span,
                         "draw the small part in a separate panel, or give its size in page cm (a number)"))
        return out
    out.max_magnitude = _magnitudes(ctx.nodes)
    for name, (x0, y0, x1, y1) in getattr(ctx, "figures", {}).items():  # other domains' figures, as bodies
        figure = Shape(k.Box(name=name), [(x0, y0), (x1, y0), (x1, y1), (x0, y1)], closed=True,
                       center=((x0 + x1) / 2, (y0 + y1) / 2))
        placed[name] = figure
        for key, at in anchors_of(name, figure).items():
            anchors.setdefault(key, at)
    for node in order:
        if isinstance(node, (k.Group, k.Panel, k.Equilibrium)):
            continue
        before = len(out.relations)
        if _place_one(ctx, node, anchors, placed, scale, out):
            complete = groups.finish(node.name, plan, out.relations[before:])
        else:
            complete = groups.finish(node.name, plan, [])
        if complete is not None:
            groups.turn_group(ctx, complete, plan, placed, anchors)
    from scidsl.domains.draw import panels

    panels.fit_surfaces(out, placed)
    panels.arrange(ctx, out, placed)
    for a, b in panels.overlapping_bodies(out):
        ctx.report(error("E4027", f"{b.kind} {b.name or ''} overlaps {a.kind} {a.name or ''}: their relations put "
                         "them in one place", b.span, "move one with `along`, `left of`/`right of` or a gap",
                         related=((a.span, f"{a.name or a.kind} is placed here"),)))
    _check_scale(ctx, out, scale if placing.uses_world_lengths(ctx.nodes) else None)
    for node in ctx.nodes:
        if isinstance(node, k.Equilibrium):
            _check_balance(ctx, node, placed, out)
    from scidsl.domains.draw import mechanics

    mechanics.check(ctx, placed)
    mechanics.with_mass_labels(out.shapes)
    return out


def _place_one(ctx: Any, node: Node, anchors: dict[str, P], placed: dict[str, Shape], scale: float,
               out: Layout) -> bool:
    """Place one item and publish its anchors; False (with a diagnostic) when it cannot be placed."""
    from scidsl.domains.draw import placing

    try:
        shape = _place(node, anchors, placed, scale, out)
        _check_shape(shape)
        if isinstance(node, k.Field_):
            shape.paths = field_paths(node, *shape.points)
            if node.behind:
                shape.paths = _cut_behind(node, shape.paths, placed)
    except _PosError as exc:
        ctx.report(error(exc.code, exc.message, node.span, exc.hint))
        return False
    except placing.PlaceError as exc:
        ctx.report(error(exc.code, exc.message, node.span, exc.hint, related=exc.related))
        return False
    out.shapes.append(shape)
    if node.name:
        placed[node.name] = shape
        anchors.update(anchors_of(node.name, shape))
    return True


def _check_balance(ctx: Any, node: k.Equilibrium, placed: dict[str, Shape], out: Layout) -> None:
    """The stated forces sum to zero: magnitudes along their drawn directions."""
    from scidsl import place
    from scidsl.units import parse_unit

    total, biggest, dims = [0.0, 0.0], 0.0, set()
    for name in node.forces:
        shape = placed.get(name)
        if shape is None or not isinstance(shape.node, k.Arrow) or shape.node.magnitude is None:
            ctx.report(error("E4028", f"'{name}' is not a force with a magnitude", node.span_of("forces"),
                             "list forces declared with `magnitude: 10 N`"))
            return
        q = shape.node.magnitude
        info = parse_unit(q.unit) if q.unit else None
        dims.add(str(info.dim) if info is not None else "")
        (x0, y0), (x1, y1) = shape.points[0], shape.points[-1]
        d = math.hypot(x1 - x0, y1 - y0) or 1.0
        total[0] += q.si * (x1 - x0) / d
        total[1] += q.si * (y1 - y0) / d
        biggest = max(biggest, abs(q.si))
    residual = math.hypot(*total)
    if len(dims) > 1:
        ctx.report(error("E4028", "the forces of an equilibrium are not all in one unit of force", node.span_of("forces"),
                         "give every magnitude in N"))
    elif residual > 0.01 * biggest:
        ctx.report(error("E4028", f"the forces {', '.join(node.forces)} do not balance: they leave a net "
                         f"{residual:.3g} (SI) at {place.angle_of(tuple(total)):.0f}°", node.span,
                         "check the magnitudes and directions, or drop the equilibrium statement"))
    else:
        out.relations.append(place.Relation("balance", ",".join(node.forces), "", node.span,
                                            f"the forces {', '.join(node.forces)} balance"))


def _place(node: Node, anchors: dict[str, P], placed: dict[str, Shape], scale: float, out: Layout) -> Shape:
    """One item's shape: by its relations where it states any, else by its positions."""
    from scidsl.domains.draw import placing

    if isinstance(node, (k.Cart, k.Chain, k.Pendulum)):
        from scidsl.domains.draw import mechanics

        return mechanics.place_item(node, anchors, placed, scale, out, lambda e: position(e, anchors))
    if isinstance(node, k.RayDiagram):
        return _ray_shape(node, placed)
    if isinstance(node, k.Rope) and node.through is not None:
        return _rope_shape(node, anchors, placed, out)
    if isinstance(node, (k.Rope, k.Spring)) and node.hangs_from is not None:
        return _hanging_shape(node, anchors, placed, scale, out)
    if isinstance(node, k.Rope):
        raise _PosError("E4014", "a rope needs `through` (positions and pulleys) or `hangs from`",
                        "rope r through [A.right, P, B.top], or rope s hangs from top { length: 3 }")
    if isinstance(node, k.FieldLines):
        return _field_lines_shape(node, placed)
    if isinstance(node, k.Block):
        return _block_shape(node, placed)
    if isinstance(node, k.Incline):
        return _incline_shape(node, anchors, placed, out)
    if isinstance(node, k.Field_) and node.around:
        return _field_around(node, placed)
    if isinstance(node, k.Wedge):
        return _wedge_shape(node, placed, scale, out)
    if isinstance(node, k.Rod):
        return _rod_shape(node, anchors, placed, scale, out)
    if isinstance(node, k.Field_) and node.from_ is not None and node.to is not None:
        return _shape(node, anchors, scale)
    if isinstance(node, k.Ground) and node.from_ is None:
        return _ground_shape(node, anchors)
    if isinstance(node, k.Arrow) and (node.to is None or node.from_ is None):
        return _directed_shape(node, anchors, placed, scale, out)
    if isinstance(node, k._Placed) and (getattr(node, "at", None) is None or placing.stated_relations(node) != ["at"]):
        return _body_shape(node, anchors, placed, scale, out)
    if isinstance(node, (k.Spring, k.Arrow, k.Dimension)) and getattr(node, "center", None) is None \
            and any(_names_support(e, placed) for e in (node.from_, node.to)):
        return Shape(node, _ends_on_support(node, anchors, placed, out))
    return _shape(node, anchors, scale)


def _names_support(expr: Any, placed: dict[str, Shape]) -> bool:
    tree = getattr(expr, "tree", None)
    return isinstance(tree, syntax.Ref) and isinstance(getattr(placed.get(tree.dotted), "node", None), k.Surface)


def _ends_on_support(node: Node, anchors: dict[str, P], placed: dict[str, Shape], out: Layout) -> list[P]:
    """A spring, arrow or dimension from a wall, floor or ceiling to a point meets the support square on:
    the end on the support is the foot of the perpendicular from the other end."""
    from scidsl import place
    from scidsl.domains.draw import placing

    ends = [node.from_, node.to]
    on_support = [_names_support(e, placed) for e in ends]
    if all(on_support):
        raise _PosError("E4008", f"the {node.kind} joins two supports; name a point at one end",
                        "e.g. spring k from w to b.left")
    other = position(ends[on_support.index(False)], anchors)
    support = ends[on_support.index(True)].tree.dotted
    face = placing.face_named(support, placed)
    assert face is not None
    u = face.direction
    t = (other[0] - face.a[0]) * u[0] + (other[1] - face.a[1]) * u[1]
    foot = (face.a[0] + u[0] * t, face.a[1] + u[1] * t)
    out.relations.append(place.Relation("meets", owner_of(node), support, node.span,
                                        f"{node.kind} {node.name or ''} meets {support} square on"))
    return [foot, other] if on_support[0] else [other, foot]


def _body_shape(node: Node, anchors: dict[str, P], placed: dict[str, Shape], scale: float, out: Layout) -> Shape:
    """A body placed by what it rests on, hangs from or stands beside."""
    from scidsl.domains.draw import placing

    table = None
    if isinstance(node, (k.Legend, k.Givens)):
        from scidsl.domains.draw import annotations

        table = annotations.rows(node, placed)
        size = annotations.size(node, table)
    else:
        size = placing.size_of(node, scale)
    corners, c, rels, mount = placing.place_body(node, size, placed, anchors, scale, lambda e: position(e, anchors))
    out.relations.extend(rels)
    if table is not None:
        return Shape(node, [_finite(p) for p in corners], closed=True, center=_finite(c), extra=table)
    if isinstance(node, k.Box):
        return Shape(node, [_finite(p) for p in corners], closed=True, center=_finite(c))
    if isinstance(node, k.Axes):
        return Shape(node, [(c[0] - size[0] / 2, c[1] - size[1] / 2)], center=None, radius=size[0])
    if isinstance(node, (k.Disk, k.Charge, k.CurrentMark)):
        return Shape(node, [_finite(c)], center=_finite(c), radius=placing.radius_cm(node, scale),
                     paths=[mount] if mount else [])
    if isinstance(node, k.Lens):
        h = node.height / 2
        pts = [(c[0], c[1] - h), (c[0], c[1] + h)]
        if node.focal is not None:
            pts += [(c[0] - node.focal, c[1]), (c[0] + node.focal, c[1])]
        return Shape(node, [_finite(p) for p in pts], center=_finite(c))
    if isinstance(node, k.Ellipse):
        rx, ry = node.radii
        return Shape(node, [_finite(c), (c[0] + rx, c[1]), (c[0], c[1] + ry)], center=_finite(c))
    if isinstance(node, k.Field_):
        return Shape(node, [_finite(corners[0]), _finite(corners[2])])
    return Shape(node, [_finite(c)])


def _ground_shape(node: k.Ground, anchors: dict[str, P]) -> Shape:
    """A ground, ceiling or wall before it is fitted to what it carries: a short line through its point."""
    x, y = position(node.at, anchors) if node.at is not None else (0.0, 0.0)
    if isinstance(node, k.Wall):
        ends = [(x, y + 2), (x, y - 2)] if node.side == "left" else [(x, y - 2), (x, y + 2)]
    else:
        ends = [(x - 2, y), (x + 2, y)]
    return Shape(node, ends)


def _hanging_shape(node: Node, anchors: dict[str, P], placed: dict[str, Shape], scale: float, out: Layout) -> Shape:
    """A spring or string hanging from something, straight down or swung by its angle."""
    from scidsl import place
    from scidsl.domains.draw import placing

    top = placing.hang_point(node.hangs_from, placed, anchors)
    length = placing.cm(node.length, scale, place.DEFAULT_LENGTH_CM)
    angle = math.degrees(node.angle.si) if node.angle is not None else 0.0
    end = _finite(place.below(top, length, angle))
    out.relations.append(place.Relation("hangs from", node.name or "", node.hangs_from, node.span,
                                        f"{node.kind} {node.name or ''} hangs from {node.hangs_from}"
                                        + (f" at {angle:g}° to the vertical" if angle else "")))
    return Shape(node, [_finite(top), end])


def _directed_shape(node: k.Arrow, anchors: dict[str, P], placed: dict[str, Shape], scale: float,
                    out: Layout) -> Shape:
    """An arrow from an anchor in a stated direction, as long as stated or to the scale of its magnitude."""
    from scidsl import place
    from scidsl.domains.draw import placing

    if node.from_ is None and node.to is None:
        raise _PosError("E4002", f"the {node.kind} needs `from` (where it starts) or `to` (where it ends)",
                        "e.g. force F from b.left { direction: left }, or force P to b.left { direction: right }")
    if node.direction is None and (node.from_ is None or node.to is None):
        raise _PosError("E4022", f"the {node.kind} has one end and no direction",
                        "give `direction` (an angle, left/right/up/down, a face, normal(face), towards(A))")
    end = node.from_ if node.from_ is not None else node.to
    anchor = placing.line_end(end, placed) or position(end, anchors)
    angle = placing.direction_of(node, anchor, placed, anchors)
    length = placing.cm(node.length, scale, _magnitude_length(node, out) or place.DEFAULT_LENGTH_CM)
    step = (length * math.cos(math.radians(angle)), length * math.sin(math.radians(angle)))
    ends = [anchor, (anchor[0] + step[0], anchor[1] + step[1])] if node.from_ is not None else \
        [(anchor[0] - step[0], anchor[1] - step[1]), anchor]
    how = syntax.format_value(node.direction.tree) if node.direction is not None else "0 deg"
    if node.angle is not None:
        how += f" turned by {node.angle.pretty()}"
    where = f"starts at {node.from_.text}" if node.from_ is not None else f"ends at {node.to.text}"
    out.relations.append(place.Relation("direction", node.name or "", (node.from_ or node.to).text, node.span,
                                        f"{node.kind} {node.name or ''} {where} and points {how} ({angle:.4g}°)",
                                        placing.measure_direction(owner_of(node), angle)))
    from scidsl.domains.draw import mechanics

    return Shape(node, [_finite(p) for p in mechanics.clear_of_strings(ends, placed)])


def _magnitude_length(node: k.Arrow, out: Layout) -> float | None:
    """Arrows with magnitudes of one dimension share a scale: the largest is 2.5 cm long."""
    if node.magnitude is None or node.magnitude.si == 0:
        return None
    return 2.5 * abs(node.magnitude.si) / out_magnitude_max(node, out)


def out_magnitude_max(node: k.Arrow, out: Layout) -> float:
    """The largest magnitude of the same dimension among the scene's arrows."""
    return out.max_magnitude.get(_dimension_key(node.magnitude), abs(node.magnitude.si))


def _magnitudes(nodes: list) -> dict:
    out: dict = {}
    for n in nodes:
        if isinstance(n, k.Arrow) and n.magnitude is not None:
            key = _dimension_key(n.magnitude)
            out[key] = max(out.get(key, 0.0), abs(n.magnitude.si))
    return out


def _dimension_key(q: Any) -> str:
    from scidsl.units import parse_unit

    info = parse_unit(q.unit) if q.unit else None
    return str(info.dim) if info is not None else ""


def _check_scale(ctx: Any, layout: Layout, world: float | None = None) -> None:
    """Dimensions that state lengths are drawn to one scale (8 is never drawn longer than 12), the scale of
    the scene's world lengths when it has any."""
    stated = [(s, _dist(*s.points) / s.node.value.si) for s in layout.shapes
              if isinstance(s.node, k.Dimension) and s.node.value is not None and s.node.value.si > 0]
    if not stated:
        return
    first, scale = stated[0]
    if world is not None:
        first, scale = None, world
        stated.insert(0, (None, world))
    for shape, other in stated[1:]:
        if abs(other / scale - 1) > 0.02:
            drawn = _dist(*shape.points) / scale
            what = (f"{first.node.name or 'the first'} ({first.node.value.pretty()})" if first is not None
                    else "the scene's world lengths")
            ctx.report(error("E4010", f"dimension {shape.node.name or ''} states {shape.node.value.pretty()} but is "
                             f"drawn as {drawn * 100:.3g} cm at the scale of {what}".replace("dimension  ", "dimension "),
                             shape.node.span, "move its ends so that every stated length has the same scale",
                             related=((first.node.span, "this dimension sets the scale"),) if first is not None else ()))


def _shape(node: Node, anchors: dict[str, P], scale: float) -> Shape:  # noqa: C901
    if isinstance(node, (k.Polyline, k.Polygon)):
        return Shape(node, [position(p, anchors) for p in node.points], closed=isinstance(node, k.Polygon))
    if isinstance(node, k.Curve):
        stated = [[position(p, anchors) for p in node.through]] if node.through is not None else []
        return Shape(node, _curve_points(node, anchors), paths=stated)  # stated points, checked after drawing
    if isinstance(node, k.ArcShape):
        return Shape(node, [], center=position(node.center, anchors), radius=node.radius)
    if isinstance(node, k.Arrow):
        return Shape(node, [position(node.from_, anchors), position(node.to, anchors)])
    if isinstance(node, (k.TextItem, k.Marker)):
        return Shape(node, [position(node.at, anchors)])
    if isinstance(node, k.Box):
        from scidsl.domains.draw.placing import size_of

        cx, cy = position(node.at, anchors)
        w, h = size_of(node, scale)  # `length` and `height` override `size`, as with relations
        return Shape(node, [(cx - w / 2, cy - h / 2), (cx + w / 2, cy - h / 2), (cx + w / 2, cy + h / 2),
                            (cx - w / 2, cy + h / 2)], closed=True, center=(cx, cy))
    if isinstance(node, k.Spring) and node.center is not None:
        return Shape(node, [position(node.from_, anchors), position(node.to, anchors)],
                     center=position(node.center, anchors))
    if isinstance(node, (k.Spring, k.Surface, k.Dimension)):
        return Shape(node, [position(node.from_, anchors), position(node.to, anchors)])
    if isinstance(node, (k.Disk, k.CurrentMark, k.Charge)):
        from scidsl.domains.draw.placing import radius_cm

        c = position(node.at, anchors)
        return Shape(node, [c], center=c, radius=radius_cm(node, 100.0))
    if isinstance(node, k.Ellipse):
        cx, cy = position(node.at, anchors)
        rx, ry = node.radii
        return Shape(node, [(cx, cy), (cx + rx, cy), (cx, cy + ry)], center=(cx, cy))
    if isinstance(node, k.AngleMark):
        return Shape(node, [position(node.at, anchors), position(node.from_, anchors), position(node.to, anchors)])
    if isinstance(node, k.Field_):
        return Shape(node, [position(node.from_, anchors), position(node.to, anchors)])
    if isinstance(node, k.Lens):
        cx, cy = position(node.at, anchors)
        h = node.height / 2
        pts = [(cx, cy - h), (cx, cy + h)]
        if node.focal is not None:
            pts += [(cx - node.focal, cy), (cx + node.focal, cy)]
        return Shape(node, pts, center=(cx, cy))
    if isinstance(node, k.Note) and node.at is None:
        from scidsl.domains.draw import placing

        target = position(node.to, anchors)
        angle = placing._direction_value(node.side.tree, target, {}, anchors) if node.side is not None else 90.0
        end = (target[0] + node.gap * math.cos(math.radians(angle)), target[1] + node.gap * math.sin(math.radians(angle)))
        return Shape(node, [target, _finite(end)])
    if isinstance(node, k.Note):
        return Shape(node, [position(node.to, anchors), position(node.at, anchors)])
    if isinstance(node, k.SphericalMirror):
        cx, cy = position(node.at, anchors)
        h = node.height / 2
        r = 2 * node.focal if node.focal is not None else 2 * node.height
        if r <= h:
            raise _PosError("E4013", f"a mirror {node.height:g} cm high cannot have a radius of curvature of {r:g} cm",
                            "make the mirror shorter than its diameter 4f")
        sign = 1 if node.type == "concave" else -1
        cc = (cx - sign * r, cy)  # centre of curvature; a concave mirror's lies in front, on the light's side
        ex = cc[0] + sign * math.sqrt(r * r - h * h)  # the ends lie on the sphere through the vertex
        pts = [(ex, cy - h), (ex, cy + h), cc]
        if node.focal is not None:
            pts.append((cx - sign * node.focal, cy))
        return Shape(node, pts, center=(cx, cy), radius=r)
    if isinstance(node, k.Axes) and node.at is not None:  # a frame at a stated origin
        from scidsl.domains.draw.placing import size_of

        return Shape(node, [position(node.at, anchors)], center=None, radius=size_of(node, scale)[0])
    raise _PosError("E4002", f"cannot place a {node.kind}")


def _ray_shape(node: k.RayDiagram, placed: dict[str, Shape]) -> Shape:
    """Trace the principal rays through the (already placed) lens."""
    from scidsl.domains.draw import optics

    lens = placed.get(node.lens)
    optic = (k.Lens, k.SphericalMirror)
    if lens is None or not isinstance(lens.node, optic) or lens.node.focal is None or lens.center is None:
        raise _PosError("E4012", f"the ray diagram's lens '{node.lens}' is not a lens with a focal length placed "
                        "before it", "declare the lens first, with `focal`")
    if node.height == 0:
        raise _PosError("E4008", "the object has no height", "give the object a height, e.g. height: 1")
    f = -lens.node.focal if lens.node.type in ("diverging", "convex") else lens.node.focal
    is_mirror = isinstance(lens.node, k.SphericalMirror)
    tr = optics.trace(lens.center, f, node.distance, node.height, mirror=is_mirror,
                      radius=lens.radius if is_mirror else None)
    if not optics.is_finite(tr, limits.MAX_ABS_COORD):
        raise _PosError("E4006", "the rays leave the allowed range", "move the object or the lens")
    pts = [tr.object_base, tr.object_tip] + ([tr.image_base, tr.image_tip] if tr.image_tip else [])
    return Shape(node, pts, extra=tr, paths=_extensions(lens, tr))  # type: ignore[arg-type]


def _extensions(lens: Shape, tr: Any) -> list[list[P]]:
    """Dashed continuations of the lens line or mirror arc out to rays that meet it beyond its drawn ends."""
    bottom, top = lens.points[0], lens.points[1]
    farthest: dict[bool, P] = {}
    for ray in tr.rays:
        hit = ray[1]
        if bottom[1] - 1e-9 <= hit[1] <= top[1] + 1e-9:
            continue
        up = hit[1] > top[1]
        if up not in farthest or abs(hit[1] - lens.center[1]) > abs(farthest[up][1] - lens.center[1]):  # type: ignore[index]
            farthest[up] = hit
    out = []
    for up, hit in farthest.items():
        end = top if up else bottom
        c = lens.points[2] if isinstance(lens.node, k.SphericalMirror) else None
        if c is None or abs(_dist(c, hit) - lens.radius) > 1e-6:
            out.append([end, hit])
            continue
        a0 = math.atan2(end[1] - c[1], end[0] - c[0])
        a1 = math.atan2(hit[1] - c[1], hit[0] - c[0])
        out.append([(c[0] + lens.radius * math.cos(a0 + (a1 - a0) * j / 24),
                     c[1] + lens.radius * math.sin(a0 + (a1 - a0) * j / 24)) for j in range(25)])
    return out


def _rope_shape(node: k.Rope, anchors: dict[str, P], placed: dict[str, Shape], out: Layout | None = None) -> Shape:
    """The rope's path; a stop naming a disk is a pulley the rope wraps around (tangent on both sides)."""
    from scidsl import place
    from scidsl.domains.draw.ropes import RopeError, rope_path

    stops: list[tuple[P, float]] = []
    through = node.through or []
    for i, expr in enumerate(through):
        tree = expr.tree
        if _names_support(expr, placed) and i in (0, len(through) - 1) and len(through) >= 2:
            if node.direction is not None:
                from scidsl.domains.draw import ropes

                at, rel = ropes.support_by_direction(node, owner_of(node), i, anchors, placed, position)
                stops.append((at, 0.0))
                if out is not None:
                    out.relations.append(rel)
                continue
            stops.append((_rope_on_support(tree.dotted, through, i, anchors, placed), 0.0))
            continue
        pulley = placed.get(tree.dotted) if isinstance(tree, syntax.Ref) else None
        if pulley is not None and isinstance(pulley.node, k.Disk) and pulley.center is not None:
            stops.append((pulley.center, pulley.radius))
            if out is not None:
                out.relations.append(place.Relation("over", owner_of(node), tree.dotted, node.span,
                                                    f"rope {node.name or ''} runs over {tree.dotted}",
                                                    place.measure_tangent(owner_of(node), tree.dotted)))
        else:
            stops.append((position(expr, anchors), 0.0))
    _leave_parallel(node, stops, placed)
    try:
        return Shape(node, [_finite(p) for p in rope_path(stops)])
    except RopeError as exc:
        raise _PosError("E4014", f"the rope cannot be drawn: {exc}",
                        "list a fixed position, the pulley (a disk), then the next position") from None


def _field_around(node: k.Field_, placed: dict[str, Shape]) -> Shape:
    """A field's region: the box around the named items, with its margin."""
    from scidsl.domains.draw import placing

    missing = [n for n in node.around or [] if n not in placed]
    if missing:
        raise _PosError("E4001", f"the field covers {', '.join(missing)}, not placed before it",
                        "name drawing items declared above the field")
    boxes = [placing.bbox(placed[n]) for n in node.around or []]
    m = node.margin
    return Shape(node, [(min(b[0] for b in boxes) - m, min(b[1] for b in boxes) - m),
                        (max(b[2] for b in boxes) + m, max(b[3] for b in boxes) + m)])


def _incline_shape(node: k.Incline, anchors: dict[str, P], placed: dict[str, Shape] | None = None,
                   out: Layout | None = None) -> Shape:
    """Foot, right-angle corner and top of the slope."""
    deg = math.degrees(node.angle.si)
    if not 0 < deg < 90:
        raise _PosError("E4016", f"an incline's angle is between 0 and 90 deg, not {node.angle.pretty()}",
                        "give the angle with the horizontal, e.g. angle: 30 deg")
    fx, fy = position(node.at, anchors) if node.at is not None else (0.0, 0.0)
    if node.on is not None and placed is not None and out is not None:
        fx, fy = _incline_foot(node, placed, out)
    sign = 1 if node.rises == "right" else -1
    corner = (fx + sign * node.base, fy)
    top = (corner[0], fy + node.base * math.tan(node.angle.si))
    return Shape(node, [(fx, fy), _finite(corner), _finite(top)], closed=True)


def _rope_on_support(support: str, through: list, i: int, anchors: dict[str, P], placed: dict[str, Shape]) -> P:
    """Where a rope tied to a ceiling, wall or floor meets it: square on to the next stop, or, when that is a
    pulley, straight along the side of the pulley the rope runs down (away from the stop after it)."""
    from scidsl.domains.draw import placing

    face = placing.face_named(support, placed)
    assert face is not None
    step = 1 if i == 0 else -1
    nxt = through[i + step].tree
    shape = placed.get(nxt.dotted) if isinstance(nxt, syntax.Ref) else None
    if shape is not None and isinstance(shape.node, k.Disk) and shape.center is not None:
        c, r = shape.center, shape.radius
        after = through[i + 2 * step] if 0 <= i + 2 * step < len(through) else None
        beyond = position(after, anchors) if after is not None and not _names_support(after, placed) else c
        u = face.direction
        side = -1.0 if (beyond[0] - c[0]) * u[0] + (beyond[1] - c[1]) * u[1] > 0 else 1.0
        target = (c[0] + side * r * u[0], c[1] + side * r * u[1])
    else:
        target = position(through[i + step], anchors)
    u = face.direction
    t = (target[0] - face.a[0]) * u[0] + (target[1] - face.a[1]) * u[1]
    return (face.a[0] + u[0] * t, face.a[1] + u[1] * t)


def _leave_parallel(node: k.Rope, stops: list, placed: dict[str, Shape]) -> None:
    """A rope from a body's face to a pulley leaves it parallel to what the body rests on (a table, a slope),
    at the height where that line touches the pulley, when the face reaches that high."""
    from scidsl.domains.draw import placing

    through = node.through or []
    for end, nxt in ((0, 1), (len(stops) - 1, len(stops) - 2)):
        tree = through[end].tree
        if stops[nxt][1] <= 0 or not isinstance(tree, syntax.Ref):
            continue
        head, _, member = tree.dotted.partition(".")
        body = placed.get(head)
        if body is None or not isinstance(body.node, (k.Box, k.Block)) or member not in ("left", "right", "top", "bottom"):
            continue
        moved = placing.parallel_attachment(body, member, stops[nxt][0], stops[nxt][1])
        if moved is not None:
            stops[end] = (moved, 0.0)


def _wedge_shape(node: k.Wedge, placed: dict[str, Shape], scale: float, out: Layout) -> Shape:
    """Left foot, apex and right foot of a double incline standing on its floor."""
    from scidsl import place
    from scidsl.domains.draw import placing

    a, b = (math.degrees(q.si) for q in node.angles)
    if not (0 < a < 90 and 0 < b < 90):
        raise _PosError("E4016", "a wedge's angles are between 0 and 90 deg", "give each slope's angle with the floor")
    h = placing.cm(node.height, scale, 3.0)
    left, right = h / math.tan(math.radians(a)), h / math.tan(math.radians(b))
    base = (0.0, 0.0)
    if node.on is not None:
        face = placing.face_named(node.on, placed)
        if face is None or abs(face.direction[1]) > 1e-6:
            raise _PosError("E4015", f"a wedge stands on a level floor; '{node.on}' is not one", "declare `floor f` first")
        base = face.point(0.5)
        owner = owner_of(node)
        out.relations.append(place.Relation("on", owner, node.on, node.span, f"wedge {node.name or ''} stands on "
                                            f"{node.on}", placing._measure_contact(owner, node.on, False)))
    lf = (base[0] - (left + right) / 2, base[1])
    return Shape(node, [lf, (lf[0] + left, lf[1] + h), (lf[0] + left + right, lf[1])], closed=True)


def _rod_shape(node: k.Rod, anchors: dict[str, P], placed: dict[str, Shape], scale: float, out: Layout) -> Shape:
    """A rod from its foot at its angle; leaning on a wall, its top touches the wall."""
    from scidsl import place
    from scidsl.domains.draw import placing

    length = placing.cm(node.length, scale, 4.0)
    wall = placing.face_named(node.against, placed) if node.against is not None else None
    if node.against is not None and (wall is None or abs(wall.direction[0]) > 1e-6):
        raise _PosError("E4001", f"'{node.against}' is not a wall for the rod to lean on", "declare `wall w` first")
    floor = placing.face_named(node.on, placed) if node.on is not None else None
    if node.on is not None and floor is None:
        raise _PosError("E4001", f"'{node.on}' is not a floor for the rod to stand on", "declare `floor f` first")
    angle = math.radians(math.degrees(node.angle.si) if node.angle is not None else 60.0)
    toward = -1.0 if wall is not None and wall.normal[0] > 0 else 1.0  # lean towards the wall
    if wall is not None and floor is not None:
        y0 = floor.a[1]
        foot = (wall.a[0] - toward * length * math.cos(angle), y0)
    elif floor is not None:
        foot = floor.point(node.along if node.along is not None else 0.5)
    elif node.from_ is not None:
        foot = position(node.from_, anchors)
    else:
        foot = (0.0, 0.0)
    top = (foot[0] + toward * length * math.cos(angle), foot[1] + length * math.sin(angle))
    owner = owner_of(node)
    for word, target in (("on", node.on), ("against", node.against)):
        if target is not None:
            out.relations.append(place.Relation(word, owner, target, node.span, f"rod {node.name or ''} "
                                                f"{'stands on' if word == 'on' else 'leans against'} {target}"))
    return Shape(node, [_finite(foot), _finite(top)])


def _incline_foot(node: k.Incline, placed: dict[str, Shape], out: Layout) -> P:
    """An incline standing on a floor: its foot on the floor's line."""
    from scidsl import place
    from scidsl.domains.draw import placing

    face = placing.face_named(node.on, placed)
    if face is None or abs(face.direction[1]) > 1e-6:
        raise _PosError("E4015", f"an incline stands on a level floor; '{node.on}' is not one",
                        "declare `floor f` first, then `incline ramp on f`")
    owner = owner_of(node)
    out.relations.append(place.Relation("on", owner, node.on, node.span, f"incline {node.name or ''} stands on "
                                        f"{node.on}", placing._measure_contact(owner, node.on, False)))
    return face.point(node.along if node.along is not None else 0.5)


def _block_shape(node: k.Block, placed: dict[str, Shape]) -> Shape:
    """A box standing on the slope at the given fraction of its length."""
    ramp = placed.get(node.on)
    if ramp is None or not isinstance(ramp.node, k.Incline):
        raise _PosError("E4015", f"a block rests on an incline; '{node.on}' is not an incline placed before it",
                        "declare `incline ramp ...` first, then `block A on ramp`")
    foot, corner, top = ramp.points
    u, d = ((top[0] - foot[0]) / _dist(foot, top), (top[1] - foot[1]) / _dist(foot, top)), _dist(foot, top)
    n = (-u[1], u[0])
    if n[0] * (corner[0] - foot[0]) + n[1] * (corner[1] - foot[1]) > 0:  # the block stands away from the ramp
        n = (u[1], -u[0])
    w, h = node.size
    base = (foot[0] + u[0] * d * node.at, foot[1] + u[1] * d * node.at)
    lo = (base[0] - u[0] * w / 2, base[1] - u[1] * w / 2)
    hi = (base[0] + u[0] * w / 2, base[1] + u[1] * w / 2)
    corners = [lo, hi, (hi[0] + n[0] * h, hi[1] + n[1] * h), (lo[0] + n[0] * h, lo[1] + n[1] * h)]
    return Shape(node, [_finite(p) for p in corners], closed=True,
                 center=(base[0] + n[0] * h / 2, base[1] + n[1] * h / 2))


def _field_lines_shape(node: k.FieldLines, placed: dict[str, Shape]) -> Shape:
    """Trace the field lines of the named charges."""
    from scidsl.domains.draw.fieldlines import field_lines, line_count

    shapes = [placed.get(name) for name in node.charges]
    bad = [name for name, sh in zip(node.charges, shapes) if sh is None or not isinstance(sh.node, k.Charge)]
    if bad:
        raise _PosError("E4018", f"field lines need charges declared before them; {', '.join(bad)} "
                        f"{'is' if len(bad) == 1 else 'are'} not", "declare `charge q1 at (x, y) { value: 1 }` first")
    charges = [(sh.center, sh.node.value) for sh in shapes if sh is not None and sh.center is not None]
    if all(q == 0 for _, q in charges):
        raise _PosError("E4018", "every charge is zero: there is no field to draw", "give a charge a value")
    count = line_count(charges, node.density)
    if count > MAX_MARKS // 10:
        raise _PosError("E4011", f"the field lines would number {count}; the limit is {MAX_MARKS // 10}",
                        "lower the density")
    radii = [sh.radius for sh in shapes if sh is not None]
    paths = field_lines(charges, radii, node.density, node.margin)
    return Shape(node, [charges[0][0]], paths=[[_finite(p) for p in path] for path in paths],
                 extra=[sh.node for sh in shapes if sh is not None])


_CLOSED = (k.Ellipse, k.Disk, k.Charge, k.CurrentMark, k.Polygon, k.Box, k.Block, k.Incline)


def _cut_behind(node: k.Field_, paths: list[list[P]], placed: dict[str, Shape]) -> list[list[P]]:
    """The parts of the field's lines outside the shapes they pass behind."""
    from shapely.geometry import LineString
    from shapely.ops import unary_union

    if node.direction not in ("right", "left", "up", "down"):
        raise _PosError("E4019", "only parallel field lines (right, left, up, down) can pass behind shapes",
                        "remove `behind`, or give the field a direction like right")
    bad = [name for name in node.behind if not isinstance(getattr(placed.get(name), "node", None), _CLOSED)]
    if bad:
        raise _PosError("E4019", f"the field's lines cannot pass behind {', '.join(bad)}: not a closed shape "
                        "declared before the field", "name ellipses, disks, shapes or boxes declared above it")
    body = unary_union([_outline(placed[name]) for name in node.behind])
    out: list[list[P]] = []
    for path in paths:
        rest = LineString(path).difference(body)
        parts = [rest] if rest.geom_type == "LineString" else list(getattr(rest, "geoms", []))
        pieces = [[(float(x), float(y)) for x, y in part.coords] for part in parts if part.length > 1e-6]
        start = path[0]
        pieces.sort(key=lambda piece: _dist(start, piece[0]))
        out.extend(p if _dist(start, p[0]) <= _dist(start, p[-1]) else p[::-1] for p in pieces)
    if not out:
        raise _PosError("E4019", f"every line of the field lies behind {', '.join(node.behind)}: nothing is left "
                        "to draw", "give the field a margin around the shapes, or pass behind fewer of them")
    return out


def _outline(shape: Shape):  # type: ignore[no-untyped-def]
    """The area a closed shape covers, as a shapely polygon (a part ellipse is closed by its chord)."""
    from shapely.geometry import Point, Polygon

    node = shape.node
    if isinstance(node, k.Ellipse):
        c, pa, pb = shape.points
        t0 = node.start.si if node.start is not None else 0.0
        t1 = node.end.si if node.end is not None else t0 + 2 * math.pi
        span = (t1 - t0) % (2 * math.pi) or 2 * math.pi
        ts = [t0 + span * j / 96 for j in range(97)]
        return Polygon([(c[0] + (pa[0] - c[0]) * math.cos(t) + (pb[0] - c[0]) * math.sin(t),
                         c[1] + (pa[1] - c[1]) * math.cos(t) + (pb[1] - c[1]) * math.sin(t)) for t in ts]).buffer(0)
    if shape.center is not None and isinstance(node, (k.Disk, k.Charge, k.CurrentMark)):
        return Point(shape.center).buffer(shape.radius, 64)
    return Polygon(shape.points).buffer(0)


def _dist(a: P, b: P) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


MAX_MARKS = 2000  # hatch strokes, field symbols or flow heads one item may draw


def mark_count(shape: Shape) -> int:
    """How many repeated marks (hatch strokes, field symbols, flow heads) an item draws."""
    node, pts = shape.node, shape.points
    if isinstance(node, k.Surface):
        return int(_dist(pts[0], pts[1]) / node.spacing)
    if isinstance(node, k.Polyline):
        return node.flow * (len(pts) - 1)
    if isinstance(node, k.Field_) and node.direction in ("out", "in"):
        x0, x1 = sorted((pts[0][0], pts[1][0]))
        y0, y1 = sorted((pts[0][1], pts[1][1]))
        return node.count * max(1, round((x1 - x0) / ((y1 - y0) / node.count)))
    return 0


def _check_shape(shape: Shape) -> None:
    """Positions that must differ do, repeated marks stay bounded, a stated angle matches the drawn one."""
    node, pts = shape.node, shape.points
    if isinstance(node, k.Field_) and min(abs(pts[1][0] - pts[0][0]), abs(pts[1][1] - pts[0][1])) < 1e-6:
        raise _PosError("E4008", "the field's region has no area", "`from` and `to` are opposite corners")
    marks = mark_count(shape)
    if marks > MAX_MARKS:
        raise _PosError("E4011", f"the {node.kind} would draw {marks} marks; the limit is {MAX_MARKS}",
                        "make it shorter, or space the marks wider (spacing, count, flow)")
    if isinstance(node, (k.Spring, k.Surface, k.Dimension, k.Note)) and _dist(pts[0], pts[1]) < 1e-6:
        raise _PosError("E4008", f"the {node.kind} starts and ends at the same position {_fmt(pts[0])}",
                        "give two different positions")
    if isinstance(node, k.Spring) and shape.center is not None:
        r0, r1 = _dist(shape.center, pts[0]), _dist(shape.center, pts[1])
        if min(r0, r1) < 1e-6 or abs(r0 - r1) > 0.02 * max(r0, r1):
            raise _PosError("E4009", f"a bent spring's ends are {r0:g} and {r1:g} cm from its centre",
                            "both ends must lie on one circle about `center`")
    if isinstance(node, k.AngleMark):
        if min(_dist(pts[0], pts[1]), _dist(pts[0], pts[2])) < 1e-6:
            raise _PosError("E4008", "an arm of the angle mark ends at its vertex", "give positions along each arm")
        drawn = angle_between(*pts)
        if node.value is not None and abs(drawn - math.degrees(node.value.si)) > 0.5:
            raise _PosError("E4007", f"the angle mark says {node.value.pretty()} but the drawn angle is "
                            f"{drawn:.1f}°", "move an arm, or swap `from` and `to` (the angle runs counter-clockwise)")


def _fmt(p: P) -> str:
    return f"({p[0]:g}, {p[1]:g})"


def angle_between(vertex: P, a: P, b: P) -> float:
    """Counter-clockwise angle in degrees (0..360) from direction vertex→a to vertex→b."""
    t1 = math.atan2(a[1] - vertex[1], a[0] - vertex[0])
    t2 = math.atan2(b[1] - vertex[1], b[0] - vertex[0])
    return math.degrees(t2 - t1) % 360


def field_paths(node: k.Field_, a: P, b: P) -> list[list[P]]:
    """Field lines (two points each) or symbol centres (one point each) filling the rectangle a-b."""
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    n = node.count
    if node.direction in ("right", "left"):
        ys = [y0 + (y1 - y0) * (i + 0.5) / n for i in range(n)]
        return [[(x0, y), (x1, y)] if node.direction == "right" else [(x1, y), (x0, y)] for y in ys]
    if node.direction in ("up", "down"):
        xs = [x0 + (x1 - x0) * (i + 0.5) / n for i in range(n)]
        return [[(x, y0), (x, y1)] if node.direction == "up" else [(x, y1), (x, y0)] for x in xs]
    if node.direction in ("ccw", "cw"):
        c, big = ((x0 + x1) / 2, (y0 + y1) / 2), min(x1 - x0, y1 - y0) / 2
        turn = 1 if node.direction == "ccw" else -1
        return [[(c[0] + big * (i + 1) / n * math.cos(turn * 2 * math.pi * j / 72),
                  c[1] + big * (i + 1) / n * math.sin(turn * 2 * math.pi * j / 72)) for j in range(73)]
                for i in range(n)]
    if node.direction in ("outward", "inward"):
        c, big = ((x0 + x1) / 2, (y0 + y1) / 2), min(x1 - x0, y1 - y0) / 2
        out = []
        for i in range(n):
            t = 2 * math.pi * i / n
            u = (math.cos(t), math.sin(t))
            near, far = (c[0] + 0.25 * big * u[0], c[1] + 0.25 * big * u[1]), (c[0] + big * u[0], c[1] + big * u[1])
            out.append([near, far] if node.direction == "outward" else [far, near])
        return out
    step = (y1 - y0) / n
    cols = max(1, round((x1 - x0) / step))
    return [[(x0 + (x1 - x0) * (i + 0.5) / cols, y0 + step * (j + 0.5))] for j in range(n) for i in range(cols)]


def _curve_points(node: k.Curve, anchors: dict[str, P]) -> list[P]:
    import numpy as np

    if node.through is not None:
        pts = [position(p, anchors) for p in node.through]
        return _smooth(pts) if len(pts) > 2 else pts
    assert node.y is not None and node.x is not None
    xs = np.linspace(node.x[0], node.x[1], node.samples)
    try:
        ys = np.broadcast_to(numpy_function(node.y.tree, "x")(xs), xs.shape)
    except ExprError as exc:
        raise _PosError("E4004", str(exc)) from None
    pts = [(float(a), float(b)) for a, b in zip(xs, ys) if math.isfinite(b)]
    if len(pts) < 2:
        raise _PosError("E4004", "the curve has no finite points on its interval")
    return [_finite(p) for p in pts]


def _smooth(pts: list[P], per_segment: int = 16) -> list[P]:
    """A smooth curve through the points that never overshoots them (monotone between neighbours)."""
    from scidsl.curves import monotone_through

    return monotone_through(pts, per_segment)


def anchors_of(name: str, shape: Shape) -> dict[str, P]:
    """The named positions a placed item offers to later items (`m.top`, `k1.end`, `L.F1`)."""
    node = shape.node
    out: dict[str, P] = {}
    if shape.points:
        out[name] = shape.points[0] if shape.center is None else shape.center
    if isinstance(node, k.Wedge):
        lf, apex, rf = shape.points
        out.update({name: apex, f"{name}.apex": apex, f"{name}.left_foot": lf, f"{name}.right_foot": rf,
                    f"{name}.left": ((lf[0] + apex[0]) / 2, (lf[1] + apex[1]) / 2),
                    f"{name}.right": ((rf[0] + apex[0]) / 2, (rf[1] + apex[1]) / 2)})
    if isinstance(node, k.Rod):
        a, b = shape.points
        out.update({name: a, f"{name}.start": a, f"{name}.end": b, f"{name}.mid": ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)})
    if isinstance(node, k.Axes):
        o, r = shape.points[0], shape.radius
        t = node.rotate.si if node.rotate is not None else 0.0
        out.update({name: o, f"{name}.origin": o, f"{name}.x": (o[0] + r * math.cos(t), o[1] + r * math.sin(t)),
                    f"{name}.y": (o[0] - r * math.sin(t), o[1] + r * math.cos(t))})
    if isinstance(node, (k.Rope, k.Polyline, k.Arrow)) and len(shape.points) >= 2:
        from scidsl.domains.draw.placing import point_along

        out.update({f"{name}.start": shape.points[0], f"{name}.end": shape.points[-1],
                    f"{name}.mid": point_along(shape.points, 0.5)})
    if isinstance(node, (k.Spring, k.Surface, k.Dimension)):
        a, b = shape.points
        out.update({name: a, f"{name}.start": a, f"{name}.end": b, f"{name}.mid": ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)})
        if shape.center is not None:
            out[f"{name}.center"] = shape.center
    if isinstance(node, (k.Disk, k.Ellipse, k.Charge)) and shape.center is not None:
        (cx, cy), (rx, ry) = shape.center, _radii(shape)
        out.update({f"{name}.center": (cx, cy), f"{name}.left": (cx - rx, cy), f"{name}.right": (cx + rx, cy),
                    f"{name}.top": (cx, cy + ry), f"{name}.bottom": (cx, cy - ry)})
    if isinstance(node, k.RayDiagram):
        out.update({f"{name}.object": shape.points[0], f"{name}.object_tip": shape.points[1]})
        if len(shape.points) == 4:
            out.update({f"{name}.image": shape.points[2], f"{name}.image_tip": shape.points[3]})
    if isinstance(node, k.Incline):
        foot, corner, top = shape.points
        out.update({name: foot, f"{name}.foot": foot, f"{name}.corner": corner, f"{name}.top": top,
                    f"{name}.mid": ((foot[0] + top[0]) / 2, (foot[1] + top[1]) / 2),
                    f"{name}.slope": ((foot[0] + top[0]) / 2, (foot[1] + top[1]) / 2)})
    if isinstance(node, k.Block) and shape.center is not None:
        lo, hi, hi_top, lo_top = shape.points

        def mid(a: P, b: P) -> P:
            return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)

        out.update({f"{name}.center": shape.center, f"{name}.bottom": mid(lo, hi), f"{name}.top": mid(lo_top, hi_top),
                    f"{name}.uphill": mid(hi, hi_top), f"{name}.downhill": mid(lo, lo_top)})
    if isinstance(node, k.Field_):
        a, b = shape.points
        out[f"{name}.center"] = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    if isinstance(node, k.SphericalMirror):
        out.update({f"{name}.center": shape.center, f"{name}.bottom": shape.points[0], f"{name}.top": shape.points[1],
                    f"{name}.C": shape.points[2]})
        if len(shape.points) == 4:
            out[f"{name}.F"] = shape.points[3]
    if isinstance(node, k.Lens):
        out.update({f"{name}.center": shape.center, f"{name}.bottom": shape.points[0], f"{name}.top": shape.points[1]})
        if len(shape.points) == 4:
            out.update({f"{name}.F1": shape.points[2], f"{name}.F2": shape.points[3]})
    if isinstance(node, (k.Cart, k.Chain, k.Pendulum)):
        from scidsl.domains.draw import mechanics

        out.update(mechanics.anchors(name, shape))
    if isinstance(node, k.Box) and shape.center is not None:
        # from the (possibly rotated) corners: bottom-left, bottom-right, top-right, top-left
        bl, br, tr, tl = shape.points

        def mid(a: P, b: P) -> P:
            return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)

        out.update({f"{name}.center": shape.center, f"{name}.left": mid(bl, tl), f"{name}.right": mid(br, tr),
                    f"{name}.top": mid(tl, tr), f"{name}.bottom": mid(bl, br), f"{name}.top_left": tl,
                    f"{name}.top_right": tr, f"{name}.bottom_left": bl, f"{name}.bottom_right": br})
    return out


def _radii(shape: Shape) -> tuple[float, float]:
    if isinstance(shape.node, k.Ellipse):
        c, a, b = shape.points
        return _dist(c, a), _dist(c, b)
    return shape.radius, shape.radius


def render(ctx: Any, layout: Layout) -> Any:
    """Primitives for the placed items (see renderers/draw.py)."""
    from scidsl.renderers.draw import render_layout

    return render_layout(layout)


def facts(ctx: Any, layout: Layout | None) -> list:
    """One fact per drawing item: what it is and its label."""
    from scidsl.pipeline import Fact

    out = relation_facts(layout)
    for node in ctx.nodes:
        label = getattr(node, "label", None) or getattr(node, "text", None)
        out.append(Fact("drawn", (node.kind, node.name), label, f"{node.kind} {node.name or ''} {label or ''}".strip()))
        if isinstance(node, k.AngleMark) and node.value is not None:
            out.append(Fact("angle", (node.name,), node.value.pretty(), f"angle {node.name or ''} = {node.value.pretty()}"))
        if isinstance(node, (k.Spring, k.Dimension)) and node.from_ is not None and node.to is not None:
            ends = (node.from_.text, node.to.text)
            out.append(Fact("between", (node.kind, node.name) + ends, node.label,
                            f"{node.kind} {node.name or ''} from {ends[0]} to {ends[1]}"
                            + (f" labelled {node.label}" if node.label else "")))
        if isinstance(node, k.Note):
            out.append(Fact("names", (node.to.text,), node.text, f"{node.text} names the object at {node.to.text}"))
        if isinstance(node, k.RayDiagram) and layout is not None:
            out.extend(mark_hidden(_ray_facts(node, layout), node))
        if isinstance(node, k.Incline):
            out.append(Fact("angle", (node.name,), node.angle.pretty(),
                            f"incline {node.name or ''} rises at {node.angle.pretty()} to the {node.rises}"))
        if isinstance(node, k.Block):
            out.append(Fact("on", (node.name, node.on), node.text or node.label,
                            f"block {node.name or ''} rests on {node.on}"))
        if isinstance(node, k.Charge):
            out.append(Fact("charge", (node.name,), node.value, f"charge {node.name or ''} = {node.value:+g} q"))
        if isinstance(node, k.FieldLines):
            out.append(Fact("field_lines", tuple(node.charges), None, "field lines run from the positive charges "
                            f"to the negative ones among {', '.join(node.charges)}"))
        if isinstance(node, k.Lens):
            out.append(Fact("lens", (node.name,), node.type, f"lens {node.name or ''} is {node.type}"))
        if isinstance(node, (k.CurrentMark, k.Field_)):
            out.append(Fact("direction", (node.kind, node.name), node.direction,
                            f"{node.kind} {node.name or ''} points {node.direction}".replace("  ", " ")))
    from scidsl.domains.draw import mechanics

    return out + mechanics.facts(ctx)


def relation_facts(layout: Layout | None) -> list:
    """One fact per relation the layout placed things by."""
    from scidsl.pipeline import Fact

    if layout is None:
        return []
    return [Fact("relation", (r.word, r.subject, r.target), None, r.text) for r in layout.relations]


def _ray_facts(node: k.RayDiagram, layout: Layout) -> list:
    """Where the image is and what it is like."""
    from scidsl.pipeline import Fact

    shape = next((s for s in layout.shapes if s.node is node), None)
    tr = shape.extra if shape is not None else None
    if tr is None:
        return []
    if tr.image_distance is None:
        return [Fact("image", (node.lens,), None, f"lens {node.lens} forms no image at a finite distance")]
    kind = "real" if tr.real else "virtual"
    orient = "inverted" if tr.magnification < 0 else "upright"
    size = "magnified" if abs(tr.magnification) > 1 + 1e-9 else ("the same size" if abs(abs(tr.magnification) - 1) < 1e-9
                                                                   else "diminished")
    text = (f"lens {node.lens}: object at {node.distance:g} cm, image at {tr.image_distance:.3g} cm, "
            f"{kind}, {orient}, {size} (magnification {tr.magnification:.3g})")
    return [Fact("image", (node.lens, kind, orient), round(tr.image_distance, 6), text),
            Fact("magnification", (node.lens,), round(tr.magnification, 6), text)]


def owner_of(node: Node) -> str:
    """The owner name the renderer gives a node's primitives."""
    return node.name or f"{node.kind}@{id(node)}"


def verify(ctx: Any, layout: Layout | None, page: Any) -> None:
    """Measure the drawn page: stated angles and lengths still hold after scaling and placement."""
    if layout is None:
        return
    for diag in verify_page(layout, page) + verify_relations(layout, page):
        ctx.report(diag)


def verify_relations(layout: Layout, page: Any) -> list:
    """Diagnostics for stated relations (contact, hanging, direction, tangency, side) the page does not show."""
    out = []
    for rel in layout.relations:
        complaint = rel.measure(page) if rel.measure is not None else None
        if complaint:
            out.append(error("E4025", f"the figure does not show what the scene states: {complaint}", rel.span,
                             f"stated: {rel.text}; this is a bug in the placer, please report the scene"))
    return out


def verify_page(layout: Layout, page: Any) -> list:
    """Diagnostics for angle marks, inclines and dimensions whose drawn measure differs from the stated one."""
    from scidsl.primitives import Arc, Line

    by_owner: dict[str, list] = {}
    for item in page.items:
        by_owner.setdefault(getattr(item, "owner", None) or "", []).append(item)
    out = []
    scale: tuple[float, Node] | None = None
    for shape in layout.shapes:
        node, items = shape.node, by_owner.get(owner_of(shape.node), [])
        if isinstance(node, (k.AngleMark, k.Incline)):
            stated = node.value if isinstance(node, k.AngleMark) else node.angle
            drawn = _drawn_angle(node, items, Arc, Line)
            if stated is not None and drawn is not None and abs(drawn - math.degrees(stated.si)) > 0.5:
                out.append(error("E4017", f"the {node.kind} states {stated.pretty()} but {drawn:.1f}° is drawn",
                                 node.span, "this is a bug in the drawing layer; please report the scene"))
        if isinstance(node, k.Dimension) and node.value is not None and node.value.si > 0:
            line = next((it for it in items if isinstance(it, Line) and it.role == "dimension"), None)
            if line is None:
                continue
            per_metre = math.dist(*line.points[:2]) / node.value.si
            if scale is None:
                scale = (per_metre, node)
            elif abs(per_metre / scale[0] - 1) > 0.02:
                out.append(error("E4017", f"the dimension {node.name or ''} ({node.value.pretty()}) is not drawn to "
                                 "the scale of the others", node.span,
                                 "this is a bug in the drawing layer; please report the scene"))
    return out


def _drawn_angle(node: Node, items: list, arc_type: type, line_type: type) -> float | None:
    """The angle an angle mark's arc (or square) or an incline's triangle shows on the page, in degrees."""
    if isinstance(node, k.Incline) or getattr(node, "right", False):
        role = "incline" if isinstance(node, k.Incline) else "angle"
        poly = next((it for it in items if isinstance(it, line_type) and it.role == role), None)
        if poly is None:
            return None
        # the incline's triangle is foot, corner, top (angle at the foot); the square is arm, corner, arm
        vertex, a, b = (poly.points[0], poly.points[1], poly.points[2]) if role == "incline" else \
            (poly.points[1], poly.points[0], poly.points[2])
        return _unsigned_angle(vertex, a, b)
    arc = next((it for it in items if isinstance(it, arc_type)), None)
    return None if arc is None else (arc.theta2 - arc.theta1) % 360


def _unsigned_angle(vertex: P, a: P, b: P) -> float:
    """The angle between vertex→a and vertex→b, 0..180 degrees."""
    turn = angle_between(vertex, a, b)
    return min(turn, 360 - turn)
