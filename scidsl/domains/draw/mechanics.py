"""Mechanics of the drawing layer: carts on wheels, chains over an edge, pendulums, and the physics of bodies
(a weight is m·g, friction at most μN, a pendulum's period 2π√(L/g))."""
from __future__ import annotations

import math
from typing import Any, Callable, Optional

from scidsl import place
from scidsl.diagnostics import error
from scidsl.domains.draw import kinds as k
from scidsl.domains.draw import placing
from scidsl.domains.draw.placing import PlaceError

P = tuple[float, float]
G_VALUES = (9.8, 9.81, 10.0)  # m/s² a problem may use for g
TOL = 0.01
_WHEEL_AT = (0.22, 0.78)
_LINK_GAP = 0.07  # how far a chain's centre line runs off the surface it lies on
_ROPE_GAP = 0.045  # ... and a rope's: its stroke touches the table's outline


def place_item(node: Any, anchors: dict[str, P], placed: dict[str, Any], scale: float, out: Any,
               resolve: Callable[[Any], P]) -> Any:
    """The shape of a cart, chain or pendulum."""
    if isinstance(node, k.Cart):
        return _cart(node, anchors, placed, scale, out, resolve)
    if isinstance(node, k.Chain):
        return _chain(node, anchors, placed, scale, out)
    return _pendulum(node, anchors, placed, scale, out, resolve)


def _shape(*args: Any, **kw: Any) -> Any:
    from scidsl.domains.draw.domain import Shape

    return Shape(*args, **kw)


def _cart(node: Any, anchors: dict[str, P], placed: dict[str, Any], scale: float, out: Any,
          resolve: Callable[[Any], P]) -> Any:
    """A body raised on two wheels: the whole stands on its support where a box of its height plus a wheel's
    diameter would."""
    w, h = placing.size_of(node, scale)
    r = min(0.35 * h, w / 5)
    corners, _, rels, _ = placing.place_body(node, (w, h + 2 * r), placed, anchors, scale, resolve)
    bl, br, tr, tl = corners
    u = ((br[0] - bl[0]) / w, (br[1] - bl[1]) / w)
    n = ((tl[0] - bl[0]) / (h + 2 * r), (tl[1] - bl[1]) / (h + 2 * r))
    lift = (n[0] * 2 * r, n[1] * 2 * r)
    body = [(bl[0] + lift[0], bl[1] + lift[1]), (br[0] + lift[0], br[1] + lift[1]), tr, tl]
    wheels = [(bl[0] + u[0] * w * f + n[0] * r, bl[1] + u[1] * w * f + n[1] * r) for f in _WHEEL_AT]
    for rel in rels:
        if rel.word == "on" and node.on is not None:
            rel.text = f"{node.name} stands on {node.on} on its wheels"
            rel.measure = _measure_wheels(node.name or "", rel.target)
    out.relations.extend(rels)
    centre = ((body[0][0] + body[2][0]) / 2, (body[0][1] + body[2][1]) / 2)
    return _shape(node, body, closed=True, center=centre, extra={"wheels": wheels, "r": r})


def _measure_wheels(subject: str, support: str) -> Any:
    def measure(page: Any) -> Optional[str]:
        from scidsl.primitives import Circle

        sup = place.segments(page, support)
        wheels = [it for it in page.items if isinstance(it, Circle) and it.owner == subject and it.role == "wheel"]
        if not sup or not wheels:
            return None
        for wheel in wheels:
            gap = place.circle_contact(wheel.center, wheel.radius, sup, place.CONTACT_TOL_CM)
            if gap is not None:
                return f"a wheel of {subject} does not touch {support} on the page (gap {gap:.3f} cm)"
        return None
    return measure


def _chain(node: Any, anchors: dict[str, P], placed: dict[str, Any], scale: float, out: Any) -> Any:
    """Along the top from its end to the edge, round the edge and down; checked against the table."""
    head, _, member = node.over.partition(".")
    table = placed.get(head)
    if table is None or not isinstance(table.node, k.Box) or member not in ("top_right", "top_left"):
        raise PlaceError("E4001", f"'{node.over}' is not a top corner of a body", "e.g. chain c over table.top_right")
    bl, br, tr, tl = table.points
    edge = tr if member == "top_right" else tl
    other = tl if member == "top_right" else tr
    total, hang = placing.cm(node.length, scale, 0.0), placing.cm(node.hanging, scale, 0.0)
    top, height = math.dist(tl, tr), edge[1] - min(bl[1], br[1])
    lying = total - hang
    why = None
    if hang <= 0 or lying < 0:
        why = f"its hanging part ({node.hanging.pretty()}) is not between 0 and its length ({node.length.pretty()})"
    elif hang > height * (1 + 1e-6):
        why = f"its hanging part ({node.hanging.pretty()}) is longer than the edge is high above the floor"
    elif lying > top * (1 + 1e-6):
        why = f"the part on the top ({lying / total * 100:.0f} % of {node.length.pretty()}) is longer than the top"
    if why is not None:
        raise PlaceError("E9732", f"chain {node.name or ''} is longer than its support allows: {why}",
                         "shorten the chain, or make the table taller or longer")
    inward = ((other[0] - edge[0]) / top, (other[1] - edge[1]) / top)
    out_x = -inward[0]
    gap = _LINK_GAP if node.style == "chain" else _ROPE_GAP
    e = (edge[0] + out_x * gap, edge[1] + gap)
    corner = [(edge[0] + gap * math.cos(a), edge[1] + gap * math.sin(a))
              for a in ([math.pi / 2 * (1 - j / 6) for j in range(7)] if out_x > 0 else
                        [math.pi / 2 * (1 + j / 6) for j in range(7)])]
    start = (edge[0] + inward[0] * lying, e[1])
    end = (e[0], edge[1] - hang)
    pts = [start] + corner + [end]
    out.relations.append(place.Relation("over", node.name or "", head, node.span,
                                        f"chain {node.name or ''} lies on {head} and hangs {node.hanging.pretty()} "
                                        f"over its edge"))
    return _shape(node, pts, extra={"edge": edge, "out": out_x})


def _pendulum(node: Any, anchors: dict[str, P], placed: dict[str, Any], scale: float, out: Any,
              resolve: Callable[[Any], P]) -> Any:
    """Pivot, bob centre, and the bob at the other side of its swing."""
    if node.hangs_from is not None and node.at is not None:
        raise PlaceError("E4020", f"pendulum {node.name or ''}: 'hangs from' and 'at' both fix its pivot",
                         "keep one of them")
    if node.hangs_from is not None:
        pivot = placing.hang_point(node.hangs_from, placed, anchors)
    else:
        pivot = resolve(node.at) if node.at is not None else (0.0, 0.0)
    length = placing.cm(node.length, scale, 3.0)
    theta = _angle_deg(node)
    if not 0 < length <= 1000 or abs(theta) >= 90:
        raise PlaceError("E4006", "a pendulum needs a length above 0 and an angle within 90 deg of the vertical",
                         "e.g. length: 1 m, angle: 20 deg")
    bob = place.below(pivot, length, theta)
    other = place.below(pivot, length, -theta)
    if node.hangs_from is not None:
        out.relations.append(place.Relation("hangs from", node.name or "", node.hangs_from, node.span,
                                            f"pendulum {node.name or ''} hangs from {node.hangs_from} at "
                                            f"{theta:g}° to the vertical"))
    return _shape(node, [pivot, bob, other] if node.swing else [pivot, bob], extra={"theta": theta, "L": length})


def _angle_deg(node: Any) -> float:
    return math.degrees(node.angle.si) if node.angle is not None else 30.0


def anchors(name: str, shape: Any) -> dict[str, P]:
    """Named points of a cart's wheels, a chain and a pendulum."""
    node = shape.node
    if isinstance(node, k.Cart):
        w1, w2 = shape.extra["wheels"]
        return {f"{name}.wheel1": w1, f"{name}.wheel2": w2}
    if isinstance(node, k.Chain):
        return {name: shape.points[0], f"{name}.start": shape.points[0], f"{name}.edge": shape.extra["edge"],
                f"{name}.end": shape.points[-1]}
    if isinstance(node, k.Pendulum):
        pivot, bob = shape.points[0], shape.points[1]
        return {name: bob, f"{name}.pivot": pivot, f"{name}.bob": bob,
                f"{name}.mid": ((pivot[0] + bob[0]) / 2, (pivot[1] + bob[1]) / 2)}
    return {}


# ---- physics checks -------------------------------------------------------------------------

def check(ctx: Any, placed: dict[str, Any]) -> None:
    """Weights against m·g, friction against μN, stated pendulum periods against 2π√(L/g)."""
    forces = [s for s in placed.values() if isinstance(s.node, k.Force) and s.node.role is not None]
    for shape in forces:
        node = shape.node
        body = _body_of(node, placed)
        if node.role == "weight" and body is not None:
            _check_weight(ctx, shape, body)
        if node.role == "friction" and body is not None:
            _check_friction(ctx, node, body, forces, placed)
    for node in ctx.nodes:
        if isinstance(node, k.Pendulum) and node.period is not None:
            _check_period(ctx, node)


def _body_of(force: Any, placed: dict[str, Any]) -> Any:
    """The body a force acts on: the first body with physical properties its ends name."""
    from scidsl.expr import names_in

    for expr in (force.from_, force.to):
        if expr is None:
            continue
        for name in names_in(expr.tree):
            shape = placed.get(name.split(".")[0])
            if shape is not None and isinstance(shape.node, (k._Mass, k.Pendulum)):
                return shape.node
    return None


def _is_force(q: Any) -> bool:
    from scidsl.units import DIMENSIONS, parse_unit

    info = parse_unit(q.unit) if q.unit else None
    return info is not None and info.dim == DIMENSIONS["force"]


def _g_matches(weight: float, mass: float) -> bool:
    return any(abs(weight - mass * g) <= TOL * mass * g for g in G_VALUES)


def _check_weight(ctx: Any, shape: Any, body: Any) -> None:
    node = shape.node
    (x0, y0), (x1, y1) = shape.points[0], shape.points[-1]
    drawn = place.angle_of((x1 - x0, y1 - y0))
    if abs(drawn - 270.0) > place.ANGLE_TOL_DEG:
        ctx.report(error("E9730", f"the weight {node.name or ''} of {body.name} points at {drawn:.0f}°, not straight "
                         "down", node.span, "give it `direction: down`"))
        return
    if body.mass is None or node.magnitude is None:
        return
    if not _is_force(node.magnitude):
        ctx.report(error("E9730", f"the weight {node.name or ''} of {body.name} is {node.magnitude.pretty()}, not a "
                         "force", node.span_of("magnitude") or node.span, "give the weight in N"))
        return
    m, w = body.mass.si, node.magnitude.si
    if m > 0 and not _g_matches(w, m):
        ctx.report(error("E9730", f"the weight {node.name or ''} of {body.name} is {node.magnitude.pretty()}, but "
                         f"m·g = {m * 9.8:.4g} N for m = {body.mass.pretty()} (g = 9.8 m/s²)",
                         node.span_of("magnitude") or node.span,
                         "give the weight as m·g (g = 9.8, 9.81 or 10 m/s²), or correct the mass",
                         related=((body.span_of("mass") or body.span, "the mass is stated here"),)))


def _mu_of(body: Any, placed: dict[str, Any]) -> Optional[float]:
    if getattr(body, "mu", None) is not None:
        return body.mu
    support = placed.get((getattr(body, "on", None) or "").partition(".")[0])
    return getattr(support.node, "mu", None) if support is not None else None


def _check_friction(ctx: Any, node: Any, body: Any, forces: list, placed: dict[str, Any]) -> None:
    mu = _mu_of(body, placed)
    normal = next((s.node for s in forces if s.node.role == "normal" and _body_of(s.node, placed) is body
                   and s.node.magnitude is not None), None)
    if mu is None or normal is None or node.magnitude is None:
        return
    limit = mu * normal.magnitude.si
    if node.magnitude.si > limit * (1 + TOL) + 1e-12:
        ctx.report(error("E9731", f"the friction {node.name or ''} on {body.name} is {node.magnitude.pretty()}, "
                         f"more than μN = {mu:g} × {normal.magnitude.pretty()} = {limit:.4g} N",
                         node.span_of("magnitude") or node.span,
                         "static friction is at most μN: lower it, or raise μ or the normal force",
                         related=((normal.span, "the normal force is stated here"),)))


def period(length_m: float, g: float) -> Optional[float]:
    """The small-angle period 2π√(L/g) in seconds (None when L or g is not above zero)."""
    if length_m <= 0 or g <= 0:
        return None
    return 2 * math.pi * math.sqrt(length_m / g)


def _g(node: Any) -> float:
    return node.g.si if node.g is not None else 9.8


def _check_period(ctx: Any, node: Any) -> None:
    if not node.length.unit:
        ctx.report(error("E9733", f"pendulum {node.name or ''} states a period but its length has no unit",
                         node.span_of("length") or node.span, "give the length in metres, e.g. 1 m"))
        return
    want = period(node.length.si, _g(node))
    if want is None:
        ctx.report(error("E9733", f"pendulum {node.name or ''} needs a length and g above zero for its period",
                         node.span_of("g") or node.span, "g is 9.8 m/s^2 unless given"))
        return
    if abs(node.period.si - want) > TOL * want:
        ctx.report(error("E9733", f"pendulum {node.name or ''} has period 2π√(L/g) = {want:.4g} s, not "
                         f"{node.period.pretty()}", node.span_of("period") or node.span,
                         "correct the period or the length (the period does not depend on the mass)"))


# ---- facts and labels -----------------------------------------------------------------------

def facts(ctx: Any) -> list:
    """Masses, weights, friction coefficients, force roles and pendulum periods."""
    from scidsl.pipeline import Fact

    out = []
    for node in ctx.nodes:
        name = node.name or ""
        if isinstance(node, (k._Mass, k.Pendulum)) and node.mass is not None:
            m = node.mass.si
            out.append(Fact("mass", (name,), node.mass.pretty(), f"{node.kind} {name} has mass {node.mass.pretty()}"))
            out.append(Fact("weight", (name,), round(m * 9.8, 6), f"the weight of {name} is m·g = {m * 9.8:.4g} N "
                            "(g = 9.8 m/s²)"))
        if isinstance(node, (k._Mass, k.Incline)) and node.mu is not None:
            out.append(Fact("friction_coefficient", (name,), node.mu, f"μ = {node.mu:g} for {node.kind} {name}"))
        if isinstance(node, k.Force) and node.role is not None:
            out.append(Fact("force_role", (name,), node.role, f"force {name} is a {node.role} force"))
        t = period(node.length.si, _g(node)) if isinstance(node, k.Pendulum) and node.length.unit else None
        if t is not None:
            out.append(Fact("period", (name,), round(t, 6), f"pendulum {name} (L = {node.length.pretty()}) has "
                            f"period 2π√(L/g) = {t:.4g} s"))
        if isinstance(node, k.Chain):
            out.append(Fact("hanging", (name,), node.hanging.pretty(), f"{node.hanging.pretty()} of chain {name} "
                            f"({node.length.pretty()} long) hangs over the edge"))
    return out


def mass_label(node: Any) -> Optional[str]:
    """A body's label with its mass when `show_mass` asks for it."""
    label = getattr(node, "label", None)
    if not getattr(node, "show_mass", False) or node.mass is None:
        return label
    return f"{label} = {node.mass.pretty()}" if label else node.mass.pretty()


def with_mass_labels(shapes: list) -> None:
    """Show masses in the labels of named bodies that ask for it."""
    for shape in shapes:
        node = shape.node
        if isinstance(node, k._Mass) and node.show_mass and node.mass is not None and node.name:
            shape.node = node.model_copy(update={"label": mass_label(node)})



# ---- a force along a string is drawn beside it ------------------------------------------------

_BESIDE_CM = 0.22  # how far a force along a string, rope or rod is drawn from it


def clear_of_strings(ends: list[P], placed: dict[str, Any]) -> list[P]:
    """An arrow lying along a rope, rod or pendulum string (a tension) moved beside it, above it (or to its right
    when the string is near vertical), so that the two stay apart on the page."""
    a, b = ends
    length = math.dist(a, b)
    if length < 1e-9:
        return ends
    for p, q in (seg for shape in placed.values() for seg in _string_segments(shape)):
        if _runs_along(a, b, p, q):
            n = (-(b[1] - a[1]) / length, (b[0] - a[0]) / length)
            if abs(n[1]) < 0.2:
                n = (abs(n[0]), n[1]) if n[0] else (1.0, 0.0)
            elif n[1] < 0:
                n = (-n[0], -n[1])
            return [(x + n[0] * _BESIDE_CM, y + n[1] * _BESIDE_CM) for x, y in ends]
    return ends


def _string_segments(shape: Any) -> list[tuple[P, P]]:
    if isinstance(shape.node, (k.Rope, k.Rod)):
        return list(zip(shape.points, shape.points[1:]))
    if isinstance(shape.node, k.Pendulum):
        return [(shape.points[0], shape.points[1])]
    return []


def _runs_along(a: P, b: P, p: P, q: P, tol: float = 0.05) -> bool:
    """Both ends of a→b lie on the line p–q and the two overlap along it."""
    d = math.dist(p, q)
    if d < 1e-9:
        return False
    u = ((q[0] - p[0]) / d, (q[1] - p[1]) / d)

    def off(x: P) -> tuple[float, float]:
        return abs((x[0] - p[0]) * u[1] - (x[1] - p[1]) * u[0]), (x[0] - p[0]) * u[0] + (x[1] - p[1]) * u[1]

    (da, ta), (db, tb) = off(a), off(b)
    overlap = min(max(ta, tb), d) - max(min(ta, tb), 0.0)
    return da <= tol and db <= tol and overlap > 0.2 * math.dist(a, b)
