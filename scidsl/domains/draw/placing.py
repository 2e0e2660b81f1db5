"""Relations of the drawing layer: what a body rests on, hangs from or stands beside, turned into positions.

The geometry lives in the core (`scidsl.place`); this module knows the drawing kinds: which face a
name stands for (`c` is c's top, `ramp` its slope, `floor` itself), where a thing hangs from, in
which order items must be placed, and which relations each placement states.
"""
from __future__ import annotations

import math
from typing import Any, Optional

from scidsl import place, syntax
from scidsl.domains.draw import kinds as k
from scidsl.model import Node, Quantity
from scidsl.place import Face, Relation

P = tuple[float, float]
_FREE_GAP_CM = 1.0


class PlaceError(Exception):
    """A relation that cannot be satisfied; `related` points at the statement it conflicts with."""

    def __init__(self, code: str, message: str, hint: str | None = None, related: tuple = ()) -> None:
        super().__init__(message)
        self.code, self.message, self.hint, self.related = code, message, hint, related


# ---- order: an item is placed after everything it names --------------------------------------

def references(node: Node) -> set[str]:
    """Heads of every name a drawing item uses (in positions, relations and lists)."""
    from scidsl.expr import names_in
    from scidsl.model import Expr

    out: set[str] = set()
    for key in type(node).model_fields:
        value = getattr(node, key, None)
        values = value if isinstance(value, (list, tuple)) else [value]
        for v in values:
            if isinstance(v, Expr):
                out |= {n.split(".")[0] for n in names_in(v.tree)}
    out |= {ref.split(".")[0] for _, ref in node.refs()}
    return out


def placement_order(nodes: list[Node], extra: Optional[dict[int, set[str]]] = None
                    ) -> tuple[list[Node], Optional[tuple[Node, Node]]]:
    """Items in an order where each comes after the items it names and the `extra` names it waits for
    (declaration order where free); on a cycle, the items as declared and the two statements that name each other."""
    by_name = {n.name: n for n in nodes if n.name}
    extra = extra or {}
    deps = {id(n): {by_name[r] for r in references(n) | extra.get(id(n), set()) if r in by_name and by_name[r] is not n}
            for n in nodes}
    for n in nodes:  # a panel or group is placed after its items, never before
        if isinstance(n, (k.Panel, k.Group)):
            deps[id(n)] = set()
    out: list[Node] = []
    done: set[int] = set()
    pending = list(nodes)
    while pending:
        ready = next((n for n in pending if all(id(d) in done for d in deps[id(n)])), None)
        if ready is None:
            a = pending[0]
            b = next(iter(d for d in deps[id(a)] if id(d) not in done))
            return nodes, (a, b)
        out.append(ready)
        done.add(id(ready))
        pending.remove(ready)
    return out, None


# ---- faces and points that relations name ------------------------------------------------------

def face_named(ref: str, placed: dict[str, Any]) -> Optional[Face]:
    """The face a relation target stands for, or None when it is a point."""
    head, _, member = ref.partition(".")
    shape = placed.get(head)
    if shape is None:
        return None
    node = shape.node
    if isinstance(node, k.Surface) and member in ("", "face"):
        return _surface_face(shape)
    if isinstance(node, k.Incline) and member in ("", "slope"):
        foot, corner, top = shape.points
        return place.face_of_segment(foot, top, corner)
    if isinstance(node, k.Wedge) and member in ("left", "right"):
        lf, apex, rf = shape.points
        return place.face_of_segment(lf, apex, rf) if member == "left" else place.face_of_segment(apex, rf, lf)
    if isinstance(node, (k.Box, k.Block)) and member in ("", "top", "bottom", "left", "right"):
        bl, br, tr, tl = shape.points
        inside = shape.center
        seg = {"": (tl, tr), "top": (tl, tr), "bottom": (br, bl), "left": (bl, tl), "right": (br, tr)}[member]
        return place.face_of_segment(seg[0], seg[1], inside)
    return None


def hatch_side(node: Any) -> str:
    """Which side of its line, looking from its start to its end, a support is hatched on (a floor and a wall
    run so that it is their right; a ceiling runs left to right, hatched on its left: above)."""
    if isinstance(node, k.Ceiling):
        return "left"
    return "right" if isinstance(node, k.Ground) else node.side


def _surface_face(shape: Any) -> Face:
    """A surface's face: the side away from its hatching."""
    a, b = shape.points
    d = math.dist(a, b) or 1.0
    left = (-(b[1] - a[1]) / d, (b[0] - a[0]) / d)
    return Face(a, b, left if hatch_side(shape.node) == "right" else (-left[0], -left[1]))


def hang_point(ref: str, placed: dict[str, Any], anchors: dict[str, P], side: str = "right") -> P:
    """Where something hangs from `ref`: a spring's or string's end, a body's bottom, a pulley's rim, a
    ceiling's middle, or the point itself."""
    head, _, member = ref.partition(".")
    shape = placed.get(head)
    if shape is not None and not member:
        node = shape.node
        if isinstance(node, (k.Spring, k.Rope, k.Arrow, k.Polyline)):
            return shape.points[-1]
        if isinstance(node, k.Disk) and shape.center is not None and isinstance(node, k.Pulley):
            sign = 1 if side == "right" else -1
            return (shape.center[0] + sign * shape.radius, shape.center[1])
        if isinstance(node, k.Surface):
            return _surface_face(shape).point(0.5)
        if f"{head}.bottom" in anchors:
            return anchors[f"{head}.bottom"]
    if ref in anchors:
        return anchors[ref]
    raise PlaceError("E4001", f"'{ref}' is not a point or anchor to hang from",
                     "name a ceiling, a spring or string, a body, or a point placed before")


def line_end(expr: Any, placed: dict[str, Any]) -> Optional[P]:
    """The free end of a spring or string named bare (a force pulls at its end, a body hangs there)."""
    tree = getattr(expr, "tree", None)
    shape = placed.get(tree.dotted) if isinstance(tree, syntax.Ref) else None
    if shape is not None and isinstance(shape.node, (k.Spring, k.Rope)) and shape.points:
        return shape.points[-1]
    return None


def parallel_attachment(body: Any, member: str, centre: P, radius: float) -> Optional[P]:
    """Where on a body's face a rope parallel to the body's base is tangent to a pulley, if inside the face."""
    bl, br, tr, tl = body.points[:4]
    u = ((br[0] - bl[0]), (br[1] - bl[1]))
    d = math.hypot(*u) or 1.0
    u = (u[0] / d, u[1] / d)
    n = (-u[1], u[0])
    a, b = {"left": (bl, tl), "right": (br, tr), "top": (tl, tr), "bottom": (bl, br)}[member]
    best: Optional[P] = None
    for sign in (1, -1):
        p0 = (centre[0] + sign * radius * n[0], centre[1] + sign * radius * n[1])  # the tangent line: p0 + t·u
        ex, ey = b[0] - a[0], b[1] - a[1]
        det = ex * u[1] - ey * u[0]
        if abs(det) < 1e-9:
            continue
        s = ((p0[0] - a[0]) * u[1] - (p0[1] - a[1]) * u[0]) / det
        if 0.05 <= s <= 0.95:
            hit = (a[0] + ex * s, a[1] + ey * s)
            if best is None or abs(s - 0.5) < best_s:
                best, best_s = hit, abs(s - 0.5)
    return best


def point_along(points: list[P], t: float) -> P:
    """The point at fraction t of a polyline's length."""
    lengths = [math.dist(a, b) for a, b in zip(points, points[1:])]
    return point_at_length(points, lengths, max(0.0, min(1.0, t)) * sum(lengths))


def point_at_length(points: list[P], lengths: list[float], goal: float) -> P:
    """The point a length `goal` along a polyline whose segment lengths are given (clamped to its ends)."""
    goal = max(0.0, min(goal, sum(lengths)))
    for (a, b), d in zip(zip(points, points[1:]), lengths):
        if goal <= d and d > 0:
            f = goal / d
            return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)
        goal -= d
    return points[-1]


def hang_direction(ref: str, placed: dict[str, Any]) -> P:
    """Which way a thing hangs: along the spring or string it hangs from, else straight down."""
    shape = placed.get(ref)
    if shape is not None and isinstance(shape.node, (k.Spring, k.Rope)) and len(shape.points) >= 2:
        a, b = shape.points[-2], shape.points[-1]
        d = math.dist(a, b)
        if d > 1e-9:
            return ((b[0] - a[0]) / d, (b[1] - a[1]) / d)
    return (0.0, -1.0)


def rim_point(shape: Any, angle_deg: float) -> P:
    """The point of a circle's or ellipse's rim in a direction from its centre."""
    c = shape.center
    a = math.radians(angle_deg)
    if isinstance(shape.node, k.Ellipse):
        _, pa, pb = shape.points
        rx, ry = math.dist(c, pa), math.dist(c, pb)
        t = math.atan2(math.sin(a) / max(ry, 1e-9), math.cos(a) / max(rx, 1e-9))
        return (c[0] + rx * math.cos(t), c[1] + ry * math.sin(t))
    return (c[0] + shape.radius * math.cos(a), c[1] + shape.radius * math.sin(a))


def bbox(shape: Any) -> tuple[float, float, float, float]:
    """The box a placed item covers (a disk by its radius)."""
    pts = list(shape.points)
    if isinstance(shape.node, k.Ellipse) and len(pts) == 3:
        pts = _ellipse_outline(shape)
    if shape.center is not None and shape.radius:
        c, r = shape.center, shape.radius
        pts += [(c[0] - r, c[1] - r), (c[0] + r, c[1] + r)]
    if isinstance(shape.node, k.Axes) and shape.radius and pts:  # a frame covers its two axes, not only its origin
        pts.append((pts[0][0] + shape.radius, pts[0][1] + shape.radius))
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _ellipse_outline(shape: Any) -> list[P]:
    """Points of an ellipse's drawn outline (the whole ellipse, or its arc from `start` to `end`)."""
    (cx, cy), pa, pb = shape.points
    rx, ry = math.dist((cx, cy), pa), math.dist((cx, cy), pb)
    node = shape.node
    t0 = math.degrees(node.start.si) if node.start is not None else 0.0
    t1 = math.degrees(node.end.si) if node.end is not None else t0 + 360.0
    t1 += 360.0 * math.ceil(max(t0 - t1, 0.0) / 360.0)  # counter-clockwise from start to end
    steps = 72
    return [(cx + rx * math.cos(math.radians(t0 + (t1 - t0) * j / steps)),
             cy + ry * math.sin(math.radians(t0 + (t1 - t0) * j / steps))) for j in range(steps + 1)]


def vertex_faces(point: P, placed: dict[str, Any]) -> Optional[tuple[Face, Face]]:
    """The two faces of a placed polygon (incline, wedge, box) that meet at `point`, if it is a corner of one."""
    for shape in placed.values():
        if not isinstance(shape.node, (k.Incline, k.Wedge, k.Box, k.Block, k.Polygon)) or len(shape.points) < 3:
            continue
        faces = place.faces_of_polygon(list(shape.points))
        n = len(faces)
        for i, f in enumerate(faces):
            if math.dist(f.a, point) < 1e-9:
                return faces[(i - 1) % n], f
    return None


def tangent_centre(point: P, faces: tuple[Face, Face], radius: float) -> P:
    """The centre of a circle of `radius` outside a corner, tangent to the lines of both its faces."""
    (n1, n2) = faces[0].normal, faces[1].normal
    det = n1[0] * n2[1] - n1[1] * n2[0]
    if abs(det) < 1e-9:  # a straight corner: sit on the face
        return (point[0] + radius * n1[0], point[1] + radius * n1[1])
    # (c - p)·n1 = r and (c - p)·n2 = r
    dx = radius * (n2[1] - n1[1]) / det
    dy = radius * (n1[0] - n2[0]) / det
    return (point[0] + dx, point[1] + dy)


# ---- lengths in page cm -------------------------------------------------------------------------

def world_scale(nodes: list[Node], stated: Optional[float]) -> float:
    """Page cm per metre for lengths written with a unit: the scene's, or one that draws the longest as 6 cm."""
    if stated:
        return stated
    lengths = [q.si for n in nodes for q in _lengths(n) if q.unit and q.si > 0]
    return 6.0 / max(lengths) if lengths else 100.0


def uses_world_lengths(nodes: list[Node]) -> bool:
    """True when some size is a length with a unit (drawn to the scene's world scale)."""
    return any(q.unit for n in nodes for q in _lengths(n))


_MIN_DRAWN_CM = 0.05


def too_small(nodes: list[Node], scale: float) -> Optional[tuple[Node, Quantity]]:
    """A world length that the common scale would draw too small to see, with its statement."""
    for n in nodes:
        for q in _lengths(n):
            if q.unit and 0 < q.si * scale < _MIN_DRAWN_CM:
                return n, q
    return None


def _lengths(node: Node) -> list[Quantity]:
    out = []
    for key in ("length", "height", "along", "gap", "radius"):
        q = getattr(node, key, None)
        if isinstance(q, Quantity) and q.unit and key != "along":
            out.append(q)
    return out


def radius_cm(node: Node, scale: float) -> float:
    """A disk's radius in page cm (a world radius drawn to the scale); a charge's or mark's as given."""
    r = node.radius
    value = cm(r, scale, 0.5) if isinstance(r, Quantity) else float(r)
    if not 0 < value <= 1000:
        raise PlaceError("E4006", f"a radius of {value:g} cm cannot be drawn", "give a radius between 0 and 1000 cm")
    return value


def cm(q: Any, scale: float, default: float) -> float:
    """A size in page cm: unitless numbers are cm, lengths with a unit are drawn at `scale` cm per metre."""
    if q is None:
        return default
    if isinstance(q, Quantity):
        return q.si * scale if q.unit else q.value
    return float(q)


# ---- bodies ---------------------------------------------------------------------------------------

_LINES = (k.Polyline, k.Arrow, k.Rod, k.Rope, k.Spring, k.Dimension)
PLACERS = ("at", "inside", "hangs_from", "on", "against", "left_of", "right_of", "above", "below", "between")


def stated_relations(node: Node) -> list[str]:
    """The placing relations a body states, in the order of PLACERS."""
    return [key for key in PLACERS if getattr(node, key, None) is not None]


def size_of(node: Node, scale: float) -> P:
    """Width and height of a body in page cm (a disk by its diameter, a text by its measure, a dot as a point)."""
    if isinstance(node, k.Box):
        return cm(node.length, scale, node.size[0]), cm(node.height, scale, node.size[1])
    if isinstance(node, (k.Disk, k.Charge, k.CurrentMark)):
        r = radius_cm(node, scale)
        return 2 * r, 2 * r
    if isinstance(node, k.Axes):
        side = cm(node.length, scale, 1.2)
        return side, side
    if isinstance(node, k.Ellipse):
        return 2 * node.radii[0], 2 * node.radii[1]
    if isinstance(node, k.Field_):
        return cm(node.length, scale, 4.0), cm(node.height, scale, 3.0)
    if isinstance(node, k.Lens):
        return 0.2, node.height
    if isinstance(node, k.TextItem):  # its extent on the page; an aligned text reaches a full width either way
        from scidsl.text import measure_text

        w, h, _ = measure_text(node.text, node.size)
        return (w if node.align == "center" else 2 * w), h
    return 0.0, 0.0


def conflict(node: Node) -> Optional[tuple[str, str]]:
    """Two relations that both fix the same freedom of a body, or None."""
    rels = stated_relations(node)
    full = [r for r in rels if r in ("at", "inside", "hangs_from")]
    beside_x = [r for r in rels if r in ("left_of", "right_of", "against", "between")]
    beside_y = [r for r in rels if r in ("above", "below")]
    if len(full) > 1:
        return full[0], full[1]
    if full and len(rels) > 1:
        return full[0], next(r for r in rels if r != full[0])
    if len(beside_x) > 1:
        return beside_x[0], beside_x[1]
    if len(beside_y) > 1:
        return beside_y[0], beside_y[1]
    if "on" in rels and beside_y:
        return "on", beside_y[0]
    if "on" in rels and beside_x and getattr(node, "along", None) is not None:
        return "along", beside_x[0]
    return None


def place_body(node: Node, size: P, placed: dict[str, Any], anchors: dict[str, P], scale: float,
               resolve: Any) -> tuple[list[P], P, list[Relation], Optional[list[P]]]:
    """Corners (or just the centre), centre, the relations it states, and a mount line for a pulley."""
    bad = conflict(node)
    if bad is not None:
        a, b = bad
        raise PlaceError("E4020", f"{node.kind} {node.name or ''}: '{a.replace('_', ' ')}' and '{b.replace('_', ' ')}' "
                         "both fix where it goes", "keep one of them (on + left of/right of/against is fine: "
                         "the face fixes the height, the other where along it)",
                         related=((node.span_of(b), f"'{b.replace('_', ' ')}' is stated here"),))
    w, h = size
    rels: list[Relation] = []
    owner = node.name or ""
    gap = cm(getattr(node, "gap", None), scale, 0.0 if getattr(node, "hangs_from", None) else place.DEFAULT_GAP_CM)
    mount: Optional[list[P]] = None
    if getattr(node, "at", None) is not None:
        c = resolve(node.at)
        return _box_at(c, w, h), c, rels, None
    if node.inside is not None:
        c = _centre(placed, anchors, node.inside)
        rels.append(Relation("inside", owner, node.inside, node.span, f"{node.name} is inside {node.inside}"))
        return _box_at(c, w, h), c, rels, None
    if node.hangs_from is not None:
        p = hang_point(node.hangs_from, placed, anchors, "right")
        down = hang_direction(node.hangs_from, placed)
        c = (p[0] + down[0] * (gap + h / 2), p[1] + down[1] * (gap + h / 2))
        target = node.hangs_from
        if isinstance(node, k.Pulley) and _is_surface(placed, target):
            mount = [(c[0], c[1] + h / 2), p]
            gap_text = ""
        else:
            gap_text = f" ({gap:g} cm below)" if gap else ""
        rels.append(Relation("hangs from", owner, target, node.span, f"{node.name} hangs from {target}{gap_text}",
                             _measure_hang(owner, target)))
        return _box_at(c, w, h), c, rels, mount
    if node.on is not None:
        corners, c, rel, mount = _place_on(node, w, h, placed, anchors, scale)
        rels.append(rel)
        corners, c = _slide(node, corners, c, placed, rels, gap)
        return corners, c, rels, mount
    if node.between is not None:
        mids = [_centre(placed, anchors, t) for t in node.between]
        c = (sum(p[0] for p in mids) / len(mids), sum(p[1] for p in mids) / len(mids))
        rels.append(Relation("between", owner, " and ".join(node.between), node.span,
                             f"{node.name} is midway between {' and '.join(node.between)}"))
        return _box_at(c, w, h), c, rels, None
    besides = [r for r in ("left_of", "right_of", "above", "below") if getattr(node, r) is not None]
    if besides:
        c = None
        for r in besides:
            target = getattr(node, r)
            tb = _bbox_of(target, placed, anchors)
            cand = place.beside(tb, (w, h), r, gap)
            c = cand if c is None else ((cand[0], c[1]) if r in ("left_of", "right_of") else (c[0], cand[1]))
            rels.append(Relation(r.replace("_", " "), owner, target, node.span,
                                 f"{node.name} is {r.replace('_', ' ')} {target}", _measure_side(owner, target, r)))
        assert c is not None
        c = _aligned(node, c, (w, h), besides, placed, anchors, rels)
        return _box_at(c, w, h), c, rels, None
    if getattr(node, "aligned", None) is not None:
        _aligned(node, (0.0, 0.0), (w, h), [], placed, anchors, rels)
    # nothing places it: it goes to the right of everything placed before (documented default)
    if placed:
        x1 = max(bbox(s)[2] for s in placed.values())
        y0 = min(bbox(s)[1] for s in placed.values())
        c = (x1 + _FREE_GAP_CM + w / 2, y0 + h / 2)
    else:
        c = (w / 2, h / 2)
    return _box_at(c, w, h), c, rels, None


def _aligned(node: Node, c: P, size: P, besides: list[str], placed: dict[str, Any], anchors: dict[str, P],
             rels: list[Relation]) -> P:
    """The centre moved so that the stated edges of a body and what it stands beside are in line."""
    from scidsl.domains.draw import aligning

    return aligning.align(node, c, size, besides, lambda ref: _bbox_of(ref, placed, anchors), rels)


def _is_surface(placed: dict[str, Any], ref: str) -> bool:
    shape = placed.get(ref.partition(".")[0])
    return shape is not None and isinstance(shape.node, k.Surface)


def _box_at(c: P, w: float, h: float) -> list[P]:
    return [(c[0] - w / 2, c[1] - h / 2), (c[0] + w / 2, c[1] - h / 2), (c[0] + w / 2, c[1] + h / 2),
            (c[0] - w / 2, c[1] + h / 2)]


def _centre(placed: dict[str, Any], anchors: dict[str, P], ref: str) -> P:
    shape = placed.get(ref)
    if shape is not None:
        if shape.center is not None:
            return shape.center
        x0, y0, x1, y1 = bbox(shape)
        return ((x0 + x1) / 2, (y0 + y1) / 2)
    if ref in anchors:
        return anchors[ref]
    raise PlaceError("E4001", f"'{ref}' is not a body or point placed before", "name a drawing item or a point")


def _bbox_of(ref: str, placed: dict[str, Any], anchors: dict[str, P]) -> tuple[float, float, float, float]:
    shape = placed.get(ref)
    if shape is not None and (shape.points or shape.center):
        return bbox(shape)
    if ref in anchors:
        x, y = anchors[ref]
        return x, y, x, y
    raise PlaceError("E4001", f"'{ref}' is not a body or point placed before", "name a drawing item or a point")


def _place_on(node: Node, w: float, h: float, placed: dict[str, Any], anchors: dict[str, P],
              scale: float) -> tuple[list[P], P, Relation, Optional[list[P]]]:
    target = node.on
    owner = node.name or ""
    face = face_named(target, placed)
    rim = placed.get(target)
    if face is None and rim is not None and isinstance(rim.node, (k.Disk, k.Ellipse, k.Charge)) and rim.center:
        angle = math.degrees(node.angle.si) if getattr(node, "angle", None) is not None else 90.0
        p = rim_point(rim, angle)
        rel = Relation("on", owner, target, node.span, f"{node.name} is on the rim of {target} at {angle:g}°",
                       _measure_on_rim(owner, target))
        return _box_at(p, w, h), p, rel, None
    if face is None and rim is not None and isinstance(rim.node, _LINES) and len(rim.points) >= 2:
        along = getattr(node, "along", None)
        total = sum(math.dist(a, b) for a, b in zip(rim.points, rim.points[1:]))
        world = isinstance(along, Quantity) and bool(along.unit)
        t = 0.5 if along is None else (cm(along, scale, 0.0) / total if world and total else along.value)
        p = point_along(list(rim.points), t)
        rel = Relation("on", owner, target, node.span, f"{node.name} is on {target} at {t:.3g} of its length")
        return _box_at(p, w, h), p, rel, None
    if face is None:
        if target not in anchors:
            raise PlaceError("E4001", f"'{target}' is not a face or point to rest on",
                             "name a ground, a body (its top), an incline (its slope), a face like c.left, or a point")
        p = anchors[target]
        mount = None
        c = p
        if isinstance(node, k.Pulley):
            corner = vertex_faces(p, placed)
            if corner is not None:
                from scidsl.domains.draw.mounting import mount_centre

                c = mount_centre(p, corner, w / 2, placed)
                mount = [c, p]
        what = (f"{node.name} is mounted at the corner {target}, tangent to both its faces" if mount is not None
                else f"{node.name} is on the point {target}")
        rel = Relation("on", owner, target, node.span, what,
                       _measure_on_point(owner, target, mount is not None))
        return _box_at(c, w, h), c, rel, mount
    along = getattr(node, "along", None)
    world = isinstance(along, Quantity) and bool(along.unit)
    t = 0.5 if along is None else place.fraction_for(face, cm(along, scale, 0.5) if world else along.value, world)
    if not -1e-9 <= t <= 1 + 1e-9 and face_named(target, placed) is not None and not _is_auto(placed, target):
        raise PlaceError("E4021", f"{node.kind} {node.name or ''} would stand off the end of {target} "
                         f"(at {t:.3g} of its length)", "give `along` between 0 and 1, or a distance within its length")
    corners, c = place.rest_on(face, w, h, t)
    if isinstance(node, (k.Disk, k.Charge, k.CurrentMark)):
        corners = [c]
    rel = Relation("on", owner, target.partition(".")[0], node.span, f"{node.name} rests on {target}",
                   _measure_contact(owner, target.partition(".")[0], isinstance(node, k.Disk)))
    return corners, c, rel, None


def _is_auto(placed: dict[str, Any], ref: str) -> bool:
    shape = placed.get(ref.partition(".")[0])
    return shape is not None and isinstance(shape.node, k.Ground) and shape.node.from_ is None


def _slide(node: Node, corners: list[P], c: P, placed: dict[str, Any], rels: list[Relation],
           gap: float) -> tuple[list[P], P]:
    """Move a body along its face until it stands beside or against what it names."""
    key = next((r for r in ("against", "left_of", "right_of", "between") if getattr(node, r, None) is not None), None)
    if key is None or len(corners) < 2:
        return corners, c
    target = getattr(node, key)
    face = face_named(node.on, placed)
    assert face is not None
    u = face.direction
    if abs(u[0]) < 0.3:
        raise PlaceError("E4021", f"{node.kind} {node.name or ''} cannot slide along a steep face to be "
                         f"{key.replace('_', ' ')} {target}", "place it with `along` instead")
    xs = [p[0] for p in corners]
    if key == "against":
        wall = face_named(target, placed)
        if wall is None:
            raise PlaceError("E4001", f"'{target}' is not a wall or face to lean against",
                             "name a wall, or a body's side like b.left")
        reach = min((p[0] - wall.a[0]) * wall.normal[0] + (p[1] - wall.a[1]) * wall.normal[1] for p in corners)
        dx = -reach if wall.normal[0] > 0 else reach
        word = "against"
    elif key == "between":
        mids = [_centre(placed, {}, t)[0] for t in target]
        dx = sum(mids) / len(mids) - c[0]
        word = "between"
        target = " and ".join(target)
    else:
        tb = _bbox_of(target, placed, {})
        dx = (tb[0] - gap - max(xs)) if key == "left_of" else (tb[2] + gap - min(xs))
        word = key.replace("_", " ")
    step = dx / u[0]
    moved = [(p[0] + u[0] * step, p[1] + u[1] * step) for p in corners]
    rels.append(Relation(word, node.name or "", target.partition(".")[0], node.span,
                         f"{node.name} is {word} {target}",
                         _measure_contact(node.name or "", target.partition(".")[0], False) if key == "against"
                         else None if key == "between" else _measure_side(node.name or "", target, key)))
    return moved, (c[0] + u[0] * step, c[1] + u[1] * step)


# ---- measurements on the page -----------------------------------------------------------------

def _measure_contact(subject: str, support: str, circle: bool) -> Any:
    def measure(page: Any) -> Optional[str]:
        from scidsl.primitives import Circle

        sup = place.segments(page, support)
        if not sup:
            return None
        if circle:
            disk = next((it for it in page.items if isinstance(it, Circle) and it.owner == subject), None)
            if disk is None:
                return None
            gap = place.circle_contact(disk.center, disk.radius, sup, place.CONTACT_TOL_CM)
        elif not place.segments(page, subject):  # a point on a face
            at = page.anchors.get(subject)
            if at is None:
                return None
            gap = place.circle_contact(at, 0.0, sup, place.CONTACT_TOL_CM)
        else:
            gap = place.flush_contact(place.segments(page, subject), sup, place.CONTACT_TOL_CM)
        return None if gap is None else f"{subject} does not touch {support} on the page (gap {_gap(gap)})"
    return measure


def _gap(g: float) -> str:
    return "none flush" if math.isinf(g) else f"{g:.3f} cm"


def _measure_hang(subject: str, target: str) -> Any:
    def measure(page: Any) -> Optional[str]:
        top = page.anchors.get(f"{subject}.top")
        if top is None:
            return None
        xs = [p[0] for seg in place.segments(page, subject) for p in seg]
        centre_x = top[0] if not xs else (min(xs) + max(xs)) / 2
        if not any(key in page.anchors for key in (f"{target}.end", f"{target}.bottom", target)):
            return None
        if abs(centre_x - top[0]) > place.CONTACT_TOL_CM:
            return f"{subject} is not drawn centred under its hanging point"
        return None
    return measure


def _measure_on_point(subject: str, target: str, mounted: bool) -> Any:
    def measure(page: Any) -> Optional[str]:
        c = page.anchors.get(f"{subject}.center") or page.anchors.get(subject)
        p = page.anchors.get(target)
        if c is None or p is None or mounted:
            return None
        return None if math.dist(c, p) <= place.CONTACT_TOL_CM else f"{subject} is not drawn on {target}"
    return measure


def _measure_on_rim(subject: str, target: str) -> Any:
    def measure(page: Any) -> Optional[str]:
        from scidsl.primitives import Circle

        c = page.anchors.get(subject)
        disk = next((it for it in page.items if isinstance(it, Circle) and it.owner == target), None)
        if c is None or disk is None:
            return None
        off = abs(math.dist(c, disk.center) - disk.radius)
        return None if off <= place.CONTACT_TOL_CM else f"{subject} is {off:.3f} cm off the rim of {target}"
    return measure


def _measure_side(subject: str, target: str, side: str) -> Any:
    def measure(page: Any) -> Optional[str]:
        a = [p for seg in place.segments(page, subject) for p in seg]
        b = [p for seg in place.segments(page, target) for p in seg]
        if not a or not b:
            return None
        ok = {"left_of": max(p[0] for p in a) <= min(p[0] for p in b) + place.CONTACT_TOL_CM,
              "right_of": min(p[0] for p in a) >= max(p[0] for p in b) - place.CONTACT_TOL_CM,
              "above": min(p[1] for p in a) >= max(p[1] for p in b) - place.CONTACT_TOL_CM,
              "below": max(p[1] for p in a) <= min(p[1] for p in b) + place.CONTACT_TOL_CM}[side]
        return None if ok else f"{subject} is not drawn {side.replace('_', ' ')} {target}"
    return measure


def direction_of(node: k.Arrow, start: P, placed: dict[str, Any], anchors: dict[str, P]) -> float:
    """The absolute direction (degrees) an arrow states with `direction` and `angle`."""
    base = _direction_value(node.direction.tree if node.direction is not None else None, start, placed, anchors)
    return (base + (math.degrees(node.angle.si) if node.angle is not None else 0.0)) % 360


def rope_direction(node: k.Rope, start: P, placed: dict[str, Any], anchors: dict[str, P]) -> float:
    """The absolute direction (degrees) a rope states with `direction`."""
    return _direction_value(node.direction.tree if node.direction is not None else None, start, placed, anchors) % 360


def _direction_value(tree: Any, start: P, placed: dict[str, Any], anchors: dict[str, P]) -> float:
    if tree is None:
        return 0.0
    if isinstance(tree, syntax.Qty):
        from scidsl.expr import evaluate_constant

        return math.degrees(evaluate_constant(tree))
    if isinstance(tree, syntax.Neg):
        if isinstance(tree.operand, syntax.Qty):  # `-35 deg` is an angle below the horizontal
            return -_direction_value(tree.operand, start, placed, anchors) % 360
        return (_direction_value(tree.operand, start, placed, anchors) + 180) % 360  # `-ramp.slope`: reversed
    if isinstance(tree, syntax.Ref) and tree.dotted in place.WORD_ANGLES:
        return place.WORD_ANGLES[tree.dotted]
    if isinstance(tree, syntax.Call) and tree.fn in ("normal", "towards", "tangent") and len(tree.args) == 1 \
            and isinstance(tree.args[0], syntax.Ref):
        ref = tree.args[0].dotted
        if tree.fn == "tangent":
            circle = placed.get(ref)
            if circle is None or circle.center is None:
                raise PlaceError("E4022", f"'{ref}' is not a circle, so it has no tangent",
                                 "name a disk or ellipse the arrow starts on")
            c = circle.center
            return (place.angle_of((start[0] - c[0], start[1] - c[1])) + 90.0) % 360
        if tree.fn == "normal":
            face = face_named(ref, placed)
            if face is None:
                raise PlaceError("E4022", f"'{ref}' is not a face, so it has no normal",
                                 "name a surface, an incline's slope or a body's face")
            return place.angle_of(face.normal)
        if ref not in anchors:
            raise PlaceError("E4001", f"'{ref}' is not a point to point towards", "name a point placed before")
        p = anchors[ref]
        if math.dist(p, start) < 1e-9:
            raise PlaceError("E4008", f"the arrow starts at {ref}, so it cannot point towards it", "")
        return place.angle_of((p[0] - start[0], p[1] - start[1]))
    if isinstance(tree, syntax.Ref):
        face = face_named(tree.dotted, placed)
        if face is not None:
            return place.angle_of(face.direction)
        shape = placed.get(tree.dotted)
        if shape is not None and len(shape.points) >= 2 and isinstance(shape.node, (k.Arrow, k.Polyline, k.Rope,
                                                                                    k.Spring, k.Surface)):
            a, b = shape.points[0], shape.points[-1]
            return place.angle_of((b[0] - a[0], b[1] - a[1]))
    raise PlaceError("E4022", f"'{syntax.format_value(tree)}' is not a direction",
                     "write an angle (30 deg), left/right/up/down, a face (ramp.slope, -ramp.slope), "
                     "normal(ramp.slope), towards(A) or tangent(ring) (counter-clockwise)")


def measure_direction(owner: str, angle: float) -> Any:
    """The drawn arrow points at the stated angle."""
    def measure(page: Any) -> Optional[str]:
        from scidsl.primitives import Line

        line = next((it for it in page.items if isinstance(it, Line) and it.owner == owner and not it.closed
                     and len(it.points) >= 2 and it.arrow), None)
        if line is None:
            return None
        a, b = line.points[0], line.points[-1]
        drawn = place.angle_of((b[0] - a[0], b[1] - a[1]))
        off = abs((drawn - angle + 180) % 360 - 180)
        return None if off <= place.ANGLE_TOL_DEG else f"{owner} is drawn at {drawn:.1f}°, not {angle:.1f}°"
    return measure
