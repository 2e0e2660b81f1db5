"""Renderer of the drawing layer: placed shapes → backend-neutral primitives."""
from __future__ import annotations

import itertools
import math
from dataclasses import replace

from scidsl.answers import display, hides
from scidsl.domains.draw import kinds as k
from scidsl.domains.draw.domain import Layout, Shape
from scidsl.renderers import phys_mech
from scidsl.primitives import Arc, Circle, Dot, Drawing, LabelSpec, Line, Stroke, Text

P = tuple[float, float]


def _stroke(node, fill=None, hatch=None, visible=True) -> Stroke:  # type: ignore[no-untyped-def]
    dash = None if getattr(node, "dash", "solid") == "solid" else node.dash
    return Stroke(color=getattr(node, "color", "black"), width=getattr(node, "width", 1.2), dash=dash,
                  fill=fill, hatch=hatch, visible=visible, zorder=1 if fill or hatch else 2)


def _arrow(node):  # type: ignore[no-untyped-def]
    value = getattr(node, "arrow", "none")
    return None if value in ("none", "middle") else value


def render_layout(layout: Layout) -> Drawing:
    """Draw every shape and ask for its label."""
    from scidsl.domains.draw.domain import anchors_of

    out = Drawing()
    for shape in layout.shapes:
        _render_shape(shape, out)
        if shape.node.name:
            out.anchors.update(anchors_of(shape.node.name, shape))
    for panel, at in layout.panel_captions:
        out.items.append(Text(at, panel.caption, 12, "center", "top", owner=panel.name or "panel", role="caption"))
    return out


def _owner(shape: Shape) -> str:
    return shape.node.name or f"{shape.node.kind}@{id(shape.node)}"


def _render_shape(shape: Shape, out: Drawing) -> None:  # noqa: C901 - one case per kind
    node, owner = shape.node, _owner(shape)
    special = _SPECIAL.get(type(node))
    if getattr(node, "arrow", None) == "middle":
        from scidsl.renderers.draw_heads import middle_head, path_of

        middle_head(path_of(shape), _stroke(node), owner, out)
    if special is not None:
        special(shape, owner, out)
        if node.name and shape.points:
            out.anchors[node.name] = shape.center or shape.points[0]
        return
    if isinstance(node, k.Region):
        out.items.append(Line(tuple(shape.points), True, _stroke(node, node.fill, None if node.hatch == "none" else node.hatch,
                                                                      node.outline), owner=owner,
                              role="region"))
    elif isinstance(node, (k.Polygon, k.Box)):
        out.items.append(Line(tuple(shape.points), True, _stroke(node, node.fill, getattr(node, "hatch", None)),
                              owner=owner))
        if isinstance(node, k.Box) and node.text:
            out.items.append(Text(shape.center, node.text, owner=owner, may_touch=(owner,)))  # type: ignore[arg-type]
    elif isinstance(node, (k.Polyline, k.Curve, k.Arrow, k.Rope)):
        arrow = "end" if isinstance(node, k.Arrow) else _arrow(node)
        pts = _headroom(shape.points, arrow) if isinstance(node, k.Curve) else shape.points
        through = tuple(shape.paths[0]) if isinstance(node, k.Curve) and shape.paths and not arrow else ()
        out.items.append(Line(tuple(pts), False, _stroke(node), arrow, owner=owner, through=through))
        if isinstance(node, k.Polyline) and node.flow:
            _flow_heads(shape.points, node.flow, _stroke(node), owner, out)
    elif isinstance(node, k.ArcShape) and _arrow(node):  # a polyline, so its heads get a full-size run-up
        a0, a1 = _deg(node.start.si) + shape.rotation, _deg(node.end.si) + shape.rotation
        arc = Arc(shape.center, shape.radius, a0, a1, _stroke(node), owner)  # type: ignore[arg-type]
        from scidsl.labels import arc_points

        out.items.append(Line(tuple(_headroom(arc_points(arc, 96), _arrow(node))), False, _stroke(node), _arrow(node),
                              owner=owner, role="arc"))
    elif isinstance(node, k.ArcShape):
        out.items.append(Arc(shape.center, shape.radius, _deg(node.start.si) + shape.rotation,  # type: ignore[arg-type]
                             _deg(node.end.si) + shape.rotation, _stroke(node), owner, arrow=_arrow(node)))
    elif isinstance(node, k.TextItem):
        ha = {"center": "center", "left": "left", "right": "right"}[node.align]
        out.items.append(Text(shape.points[0], node.text, node.size, ha, "center", color=node.color, owner=owner))
    elif isinstance(node, k.Marker) and not node.hidden:
        out.items.append(Dot(shape.points[0], 0.07, node.color, owner, hollow=node.hollow))
    label = getattr(node, "label", None)
    if label:
        prefer = _first(node, _prefer(shape))
        anchor = _box_edge(shape, prefer[0]) if isinstance(node, k.Box) else _label_anchor(shape)
        if isinstance(node, k.Arrow) and _beside_shaft(node, shape):
            anchor = _halfway(shape.points)[0]
        out.labels.append(LabelSpec(label, anchor, owner, prefer=prefer))
    if node.name and shape.points:
        out.anchors[node.name] = shape.center or shape.points[0]


def _first(node, prefer: tuple[float, ...]) -> tuple[float, ...]:  # type: ignore[no-untyped-def]
    """The author's preferred label direction, then the kind's own preferences."""
    at = getattr(node, "label_at", None)
    return prefer if at is None else (math.degrees(at.si),) + prefer


def _beside_shaft(node: k.Arrow, shape: Shape) -> bool:
    """An arrow labelled across its direction is named beside the middle of its shaft, not past its tip."""
    if node.label_at is None:
        return False
    (x0, y0), (x1, y1) = shape.points[0], shape.points[-1]
    gap = abs((math.degrees(node.label_at.si) - math.degrees(math.atan2(y1 - y0, x1 - x0)) + 180) % 360 - 180)
    return 45 < gap < 135


HEAD_RUN = 0.22  # cm of straight run before an arrow tip: an arrow head is sized by its last segment


def _headroom(points, arrow: str | None) -> list[P]:  # type: ignore[no-untyped-def]
    """A finely sampled path whose last (or first) segment is long enough to carry a full-size arrow head."""
    pts = list(points)
    if arrow in ("end", "both"):
        pts = _run_up(pts)
    if arrow in ("start", "both"):
        pts = _run_up(pts[::-1])[::-1]
    return pts


def _run_up(pts: list[P]) -> list[P]:
    """Drop the points closer to the tip than HEAD_RUN (keeping a third of the path at least)."""
    total = sum(math.dist(a, b) for a, b in itertools.pairwise(pts))
    run = min(HEAD_RUN, total / 3)
    tip = pts[-1]
    j = len(pts) - 2
    while j > 0 and math.dist(pts[j], tip) < run:
        j -= 1
    return pts[: j + 1] + [tip]


def _deg(rad: float) -> float:
    return math.degrees(rad)


def _arc_mid(shape: Shape) -> tuple[float, float, float]:
    node = shape.node
    a0, a1 = _deg(node.start.si) + shape.rotation, _deg(node.end.si) + shape.rotation
    mid = math.radians(a0 + ((a1 - a0) % 360) / 2)
    (cx, cy), r = shape.center, shape.radius  # type: ignore[misc]
    return cx + r * math.cos(mid), cy + r * math.sin(mid), math.degrees(mid)


def _pushes(node: k.Arrow) -> bool:
    """An arrow stated by where it ends (`to` and a direction): a push on a face."""
    return node.from_ is None and node.direction is not None


def _label_anchor(shape: Shape) -> tuple[float, float]:
    if isinstance(shape.node, k.ArcShape):
        x, y, _ = _arc_mid(shape)
        return x, y
    if isinstance(shape.node, k.Arrow):  # past the tip; a push that ends on a face is named at its tail
        return shape.points[0] if _pushes(shape.node) else shape.points[-1]
    if isinstance(shape.node, k.Box) and shape.center is not None:
        return _box_edge(shape, _prefer(shape)[0])
    if shape.center is not None and not isinstance(shape.node, k.ArcShape):
        return shape.center
    if isinstance(shape.node, (k.Polyline, k.Curve, k.Rope)) and len(shape.points) >= 2:
        return _halfway(shape.points)[0]
    if shape.points:
        return shape.points[len(shape.points) // 2]
    return shape.center or (0.0, 0.0)


def _halfway(points) -> tuple[P, P]:  # type: ignore[no-untyped-def]
    """The point half way along a path, and the path's direction there."""
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(points)]
    rest = sum(lengths) / 2
    for (a, b), d in zip(itertools.pairwise(points), lengths):
        if d > 0 and rest <= d:
            u = ((b[0] - a[0]) / d, (b[1] - a[1]) / d)
            return (a[0] + u[0] * rest, a[1] + u[1] * rest), u
        rest -= d
    return points[-1], (1.0, 0.0)


def _box_edge(shape: Shape, angle: float) -> P:
    """Where a ray from the box centre in direction `angle` (page degrees) leaves the box."""
    bl, br, tr, _ = shape.points
    c = shape.center
    assert c is not None
    u, _, w = _unit(bl, br)
    v, _, h = _unit(br, tr)
    d = (math.cos(math.radians(angle)), math.sin(math.radians(angle)))
    du, dv = d[0] * u[0] + d[1] * u[1], d[0] * v[0] + d[1] * v[1]
    t = min(w / 2 / abs(du) if abs(du) > 1e-9 else math.inf, h / 2 / abs(dv) if abs(dv) > 1e-9 else math.inf)
    return _add(c, d, t)


def _prefer(shape: Shape) -> tuple[float, ...]:
    if isinstance(shape.node, k.ArcShape):
        return (_arc_mid(shape)[2],)
    if isinstance(shape.node, k.Arrow):
        (x0, y0), (x1, y1) = shape.points[0], shape.points[-1]
        ahead = math.degrees(math.atan2(y1 - y0, x1 - x0))
        return (ahead + 180.0,) if _pushes(shape.node) else (ahead,)
    if isinstance(shape.node, (k.Polyline, k.Curve, k.Rope)) and len(shape.points) >= 2:
        u = _halfway(shape.points)[1]
        left = math.degrees(math.atan2(u[0], -u[1]))
        return (left, left + 180.0)
    if getattr(shape.node, "hangs_from", None) is not None:  # beside it, not up by the string it hangs from
        return (0.0, 180.0, -45.0)
    return (45.0, 90.0)


# ---- vector helpers ---------------------------------------------------------------------------


def _sub(a: P, b: P) -> P:
    return (a[0] - b[0], a[1] - b[1])


def _add(a: P, b: P, s: float = 1.0) -> P:
    return (a[0] + s * b[0], a[1] + s * b[1])


def _unit(a: P, b: P) -> tuple[P, P, float]:
    """Unit vector a→b, its left normal, and the distance."""
    dx, dy = _sub(b, a)
    d = math.hypot(dx, dy) or 1.0
    return (dx / d, dy / d), (-dy / d, dx / d), d


def _dir(v: P) -> float:
    return math.degrees(math.atan2(v[1], v[0]))


def _label(node, anchor: P, owner: str, prefer: tuple[float, ...], distance: float = 0.15,  # type: ignore[no-untyped-def]
           text: str | None = None, out: Drawing | None = None) -> None:
    text = text if text is not None else getattr(node, "label", None)
    prefer = _first(node, prefer)
    if text and out is not None:
        out.labels.append(LabelSpec(text, anchor, owner, prefer=prefer, distance=distance))


def _flow_heads(points, per_segment: int, stroke: Stroke, owner: str, out: Drawing,  # type: ignore[no-untyped-def]
                at: float = 0.5) -> None:
    """Arrow heads along each segment (the line itself is drawn already); `at` places a single head."""
    head = Stroke(color=stroke.color, width=stroke.width, visible=False)
    for a, b in itertools.pairwise(points):
        u, _, d = _unit(a, b)
        for j in range(per_segment):
            tip = _add(a, u, d * (j + at) / per_segment + 0.12)
            out.items.append(Line((_add(tip, u, -0.2), tip), False, head, "end", owner=owner, role="flow"))


# ---- the physics kinds -----------------------------------------------------------------------


def _spring(shape: Shape, owner: str, out: Drawing) -> None:
    node = shape.node
    place, d = _spring_frame(shape)
    s0, s1 = d * node.ends, d * (1 - node.ends)
    pts: list[P] = [place(0, 0), place(s0, 0)]
    if node.style == "zigzag":
        m = 2 * node.coils
        for j in range(m):
            pts.append(place(s0 + (j + 0.5) * (s1 - s0) / m, node.amplitude * (1 if j % 2 == 0 else -1)))
    else:
        pitch = (s1 - s0) / node.coils
        q = 0.35 * pitch  # more than pitch / 2π, so every turn makes a loop
        steps = 24 * node.coils
        for j in range(1, steps):
            t = 2 * math.pi * node.coils * j / steps
            pts.append(place(s0 + pitch * t / (2 * math.pi) + q * (1 - math.cos(t)), node.amplitude * math.sin(t)))
    if shape.center is not None:  # a bent spring follows its circle between the coils too
        pts = [place(s0 * j / 8, 0) for j in range(8)] + pts[1:] + [place(s1 + (d - s1) * j / 8, 0) for j in range(1, 9)]
    else:
        pts += [place(s1, 0), place(d, 0)]
    out.items.append(Line(tuple(pts), False, _stroke(node), owner=owner, role="spring"))
    mid, off = place(d / 2, 0), place(d / 2, 1)
    n = _sub(off, mid)
    _label(node, mid, owner, (_dir(n), _dir((-n[0], -n[1]))), node.amplitude + 0.12, out=out)


def _spring_frame(shape: Shape):  # type: ignore[no-untyped-def]
    """A map (distance along the spring, sideways offset) → page position, and the spring's length."""
    a, b = shape.points
    if shape.center is None:
        u, n, d = _unit(a, b)
        return (lambda s, o: _add(_add(a, u, s), n, o)), d
    c = shape.center
    r = math.dist(c, a)
    t0 = math.atan2(a[1] - c[1], a[0] - c[0])
    sweep = (math.atan2(b[1] - c[1], b[0] - c[0]) - t0) % (2 * math.pi) or 2 * math.pi

    def place(s: float, o: float) -> P:
        t = t0 + s / r
        return (c[0] + (r + o) * math.cos(t), c[1] + (r + o) * math.sin(t))

    return place, r * sweep


def _surface(shape: Shape, owner: str, out: Drawing) -> None:
    node = shape.node
    a, b = shape.points
    u, n, d = _unit(a, b)
    from scidsl.domains.draw.placing import hatch_side

    side = (-n[0], -n[1]) if hatch_side(node) == "right" else n
    out.items.append(Line((a, b), False, _stroke(node), owner=owner, role="surface"))
    hatch = Stroke(color=node.color, width=0.7)
    slant = ((side[0] - u[0]) / math.sqrt(2), (side[1] - u[1]) / math.sqrt(2))
    count = max(1, int(d / node.spacing))
    for j in range(count):
        p = _add(a, u, (j + 0.5) * d / count + node.depth / 2 / math.sqrt(2))
        out.items.append(Line((p, _add(p, slant, node.depth)), False, hatch, owner=owner, role="hatch"))
    if isinstance(node, k.Mirror):  # a mirror is named at its end, clear of the rays that meet it
        _label(node, b, owner, (_dir(u), _dir((-side[0], -side[1]))), 0.12, out=out)
        return
    mid = _add(a, u, d / 2)
    _label(node, mid, owner, (_dir((-side[0], -side[1])),), 0.15, out=out)


def _dimension(shape: Shape, owner: str, out: Drawing) -> None:
    node = shape.node
    a, b = shape.points
    u, n, d = _unit(a, b)
    pa, pb = _add(a, n, node.offset), _add(b, n, node.offset)
    thin = Stroke(color=node.color, width=min(node.width, 0.8))
    arrow = None if node.ends == "ticks" else "both"
    out.items.append(Line((pa, pb), False, _stroke(node), arrow, owner=owner, role="dimension"))
    if abs(node.offset) > 1e-9:
        sgn = 1 if node.offset > 0 else -1
        for p, q in ((a, pa), (b, pb)):
            out.items.append(Line((_add(p, n, sgn * 0.08), _add(q, n, sgn * 0.15)), False, thin, owner=owner,
                                  role="extension"))
    elif node.ends != "arrows":
        for p in (pa, pb):
            out.items.append(Line((_add(p, n, -0.15), _add(p, n, 0.15)), False, thin, owner=owner, role="tick"))
    side = n if node.offset >= 0 else (-n[0], -n[1])
    text = node.label or (node.value.pretty() if node.value is not None else None)
    _label(node, _add(pa, u, d / 2), owner, (_dir(side), _dir((-side[0], -side[1]))), 0.08, text=text, out=out)


def _disk(shape: Shape, owner: str, out: Drawing) -> None:
    node = shape.node
    c, r = shape.center, shape.radius
    assert c is not None
    for mount in shape.paths:  # a pulley's bracket to the corner or ceiling it hangs from
        out.items.append(Line(tuple(mount), False, _stroke(node), owner=owner, role="mount"))
    out.items.append(Circle(c, r, _stroke(node, node.fill, node.hatch), owner=owner, role="disk"))
    if node.axle:
        out.items.append(Dot(c, min(0.07, r / 4), node.color, owner))
    if node.text:
        out.items.append(Text(c, node.text, owner=owner, may_touch=(owner,)))
    _label(node, c, owner, (45.0, 0.0, 135.0), r + 0.1, out=out)


def _axes(shape: Shape, owner: str, out: Drawing) -> None:
    """Two axis arrows from the origin, each named at its tip; the origin named beside it."""
    node = shape.node
    o, length = shape.points[0], shape.radius
    turn = math.degrees(node.rotate.si) if node.rotate is not None else 0.0
    for i, text in enumerate(node.labels):
        a = math.radians(turn + 90 * i)
        tip = (o[0] + length * math.cos(a), o[1] + length * math.sin(a))
        out.items.append(Line((o, tip), False, _stroke(node), "end", owner=owner, role="axis"))
        out.labels.append(LabelSpec(text, tip, owner, prefer=(math.degrees(a), math.degrees(a) - 45, math.degrees(a) + 45)))
    if node.origin_label:
        out.labels.append(LabelSpec(node.origin_label, o, owner, prefer=(225.0, 180.0, 270.0)))


def _ellipse_points(shape: Shape, t0: float, t1: float, n: int = 96) -> list[P]:
    c, pa, pb = shape.points
    ea, eb = _sub(pa, c), _sub(pb, c)
    span = (t1 - t0) % (2 * math.pi) or 2 * math.pi
    return [_add(_add(c, ea, math.cos(t0 + span * j / n)), eb, math.sin(t0 + span * j / n)) for j in range(n + 1)]


def _ellipse(shape: Shape, owner: str, out: Drawing) -> None:
    node = shape.node
    whole = node.start is None and node.end is None
    t0 = node.start.si if node.start is not None else 0.0
    t1 = node.end.si if node.end is not None else t0 + 2 * math.pi
    pts = _ellipse_points(shape, t0, t1)
    if whole:
        out.items.append(Line(tuple(pts[:-1]), True, _stroke(node, node.fill, node.hatch), owner=owner, role="ellipse"))
    else:
        out.items.append(Line(tuple(_headroom(pts, _arrow(node))), False, _stroke(node), _arrow(node), owner=owner,
                              role="ellipse"))
    if whole:
        t = node.label_at.si if node.label_at is not None else math.pi / 2
        anchor = _ellipse_points(shape, t, t + 2 * math.pi, 1)[0]
        _label(node, anchor, owner, (math.degrees(t), 90.0, 45.0), 0.1, out=out)
    else:
        _label(node, pts[len(pts) // 2], owner, (0.0, 45.0, -45.0), 0.12, out=out)


def _angle_mark(shape: Shape, owner: str, out: Drawing) -> None:
    from scidsl.domains.draw.domain import angle_between

    node = shape.node
    v, a, b = shape.points
    ua, _, _ = _unit(v, a)
    ub, _, _ = _unit(v, b)
    t1 = _dir(ua)
    sweep = angle_between(v, a, b)
    r = node.radius
    if node.right:
        p1, p3 = _add(v, ua, r * 0.6), _add(v, ub, r * 0.6)
        out.items.append(Line((p1, _add(p1, ub, r * 0.6), p3), False, _stroke(node), owner=owner, role="angle"))
    else:
        out.items.append(Arc(v, r, t1, t1 + sweep, _stroke(node), owner, role="angle"))
    mid = math.radians(t1 + sweep / 2)
    text = node.label or (node.value.pretty() if node.value is not None else None)
    anchor = (v[0] + r * math.cos(mid), v[1] + r * math.sin(mid))
    _label(node, anchor, owner, (math.degrees(mid),), 0.08, text=text, out=out)


def _current_mark(shape: Shape, owner: str, out: Drawing) -> None:
    node = shape.node
    c, r = shape.center, shape.radius
    assert c is not None
    out.items.append(Circle(c, r, _stroke(node, "white"), owner=owner, role="current"))
    _perp_symbol(c, r, node.direction, _stroke(node), owner, out)
    _label(node, c, owner, (45.0, 135.0, 0.0), r + 0.08, out=out)


def _perp_symbol(c: P, r: float, direction: str, stroke: Stroke, owner: str, out: Drawing) -> None:
    """The inside of ⊙ (a dot) or ⊗ (a cross)."""
    if direction == "out":
        out.items.append(Dot(c, max(0.03, r * 0.28), stroke.color, owner))
        return
    k = r * 0.7071
    for sx in (1, -1):
        out.items.append(Line(((c[0] - k, c[1] - sx * k), (c[0] + k, c[1] + sx * k)), False, stroke, owner=owner))


def _field(shape: Shape, owner: str, out: Drawing) -> None:
    node = shape.node
    stroke = _stroke(node)
    if node.direction in ("out", "in"):
        for (c,) in shape.paths:
            if node.direction == "out":
                out.items.append(Circle(c, 0.1, Stroke(color=node.color, width=0.8), owner=owner, role="field"))
            _perp_symbol(c, 0.1, node.direction, Stroke(color=node.color, width=0.8), owner, out)
        # the label goes past the end of the top row, at the region's edge, clear of the last symbol
        last = max(shape.paths, key=lambda p: (p[0][1], p[0][0]))[0]
        (x0, _), (x1, _) = shape.points
        edge = (max(x0, x1) if last[0] >= (x0 + x1) / 2 else min(x0, x1), last[1])
        _label(node, edge, owner, (0.0, 20.0, 45.0, 90.0), 0.08, out=out)
        return
    if node.direction in ("ccw", "cw"):  # circles with one arrow head each, a quarter turn from the start
        for path in shape.paths:
            out.items.append(Line(tuple(path), False, stroke, owner=owner, role="field"))
            k0 = 18  # of 72 points: a quarter turn
            out.items.append(Line((path[k0 - 2], path[k0]), False, replace(stroke, visible=False), "end",
                                  owner=owner, role="flow"))
        outer = shape.paths[-1]
        _label(node, outer[9], owner, (45.0, 0.0, 90.0), 0.12, out=out)
        return
    radial = node.direction in ("outward", "inward")
    for path in shape.paths:
        out.items.append(Line(tuple(path), False, stroke, None if radial else "end", owner=owner, role="field"))
        if radial:  # the arrow head half way, as textbooks draw the field of a point charge
            _flow_heads(path, 1, stroke, owner, out)
    top = max(shape.paths, key=lambda p: (p[1][1] + p[0][1], p[1][0] + p[0][0]))
    u, _, _ = _unit(top[0], top[1])
    _label(node, top[1], owner, (_dir(u), 45.0, 0.0), 0.1, out=out)


def _lens(shape: Shape, owner: str, out: Drawing) -> None:
    node = shape.node
    bottom, top = shape.points[0], shape.points[1]
    u, n, _ = _unit(bottom, top)
    out.items.append(Line((bottom, top), False, _stroke(node), owner=owner, role="lens"))
    if node.type != "plain":
        sign = -1 if node.type == "converging" else 1
        for end, dirn in ((top, u), (bottom, (-u[0], -u[1]))):
            for side in (1, -1):
                tip = _add(_add(end, dirn, sign * 0.22), n, side * 0.14)
                out.items.append(Line((end, tip), False, _stroke(node), owner=owner, role="lens"))
    for f in shape.points[2:]:
        out.items.append(Dot(f, 0.06, node.color, owner))
        out.labels.append(LabelSpec("$F$", f, owner, prefer=(-90.0, 90.0), distance=0.1))
    _label(node, top, owner, (_dir(u), 45.0, 135.0), 0.12, out=out)


def _note(shape: Shape, owner: str, out: Drawing) -> None:
    node = shape.node
    target, at = shape.points
    u, _, _ = _unit(target, at)
    out.items.append(Line((target, at), False, Stroke(color=node.color, width=0.7), owner=owner, role="leader"))
    out.labels.append(LabelSpec(node.text, at, owner, node.size, prefer=(_dir(u),), distance=0.06, color=node.color))


def _spherical_mirror(shape: Shape, owner: str, out: Drawing) -> None:
    node = shape.node
    bottom, top, c = shape.points[0], shape.points[1], shape.points[2]
    r = math.dist(c, top)
    tb, tt = _dir(_sub(bottom, c)), _dir(_sub(top, c))
    t1, t2 = (tb, tt) if (tt - tb) % 360 < 180 else (tt, tb)
    out.items.append(Arc(c, r, t1, t2, _stroke(node), owner, role="mirror"))
    back = 1 if node.type == "concave" else -1  # the back lies away from C on a concave mirror, towards C on a convex one
    hatch = Stroke(color=node.color, width=0.7)
    count = max(2, int(math.dist(bottom, top) / 0.18))
    sweep = (t2 - t1) % 360
    for j in range(count):
        a = math.radians(t1 + sweep * (j + 0.5) / count)
        e = (math.cos(a), math.sin(a))
        p = (c[0] + r * e[0], c[1] + r * e[1])
        slant = ((back * e[0] + e[1]) / math.sqrt(2), (back * e[1] - e[0]) / math.sqrt(2))
        out.items.append(Line((p, _add(p, slant, 0.18)), False, hatch, owner=owner, role="hatch"))
    marks = [(shape.points[2], "$C$")] + ([(shape.points[3], "$F$")] if len(shape.points) > 3 else [])
    if node.focal is not None:
        for pos, text in marks:
            out.items.append(Dot(pos, 0.06, node.color, owner))
            out.labels.append(LabelSpec(text, pos, owner, prefer=(-90.0, 90.0), distance=0.1))
    u, _, _ = _unit(bottom, top)
    _label(node, top, owner, (_dir(u), 45.0, 135.0), 0.12, out=out)


def _incline(shape: Shape, owner: str, out: Drawing) -> None:
    node = shape.node
    foot, corner, top = shape.points
    out.items.append(Line((foot, corner, top), True, _stroke(node, node.fill), owner=owner, role="incline"))
    if node.rises == "right":
        a0, sweep = _dir(_sub(corner, foot)), math.degrees(node.angle.si)
    else:
        a0, sweep = _dir(_sub(top, foot)), math.degrees(node.angle.si)
    r = min(1.0, 0.3 * math.dist(foot, corner))
    out.items.append(Arc(foot, r, a0, a0 + sweep, Stroke(color=node.color, width=0.9), owner, role="angle"))
    mid = math.radians(a0 + sweep / 2)
    text = node.angle_label or node.angle.pretty()
    out.labels.append(LabelSpec(text, (foot[0] + r * math.cos(mid), foot[1] + r * math.sin(mid)), owner,
                                prefer=(math.degrees(mid),), distance=0.08))
    u, _, _ = _unit(foot, top)
    side = (-u[1], u[0]) if u[0] > 0 else (u[1], -u[0])
    _label(node, _add(foot, _sub(top, foot), 0.5), owner, (_dir(side),), 0.15, out=out)


def _wedge(shape: Shape, owner: str, out: Drawing) -> None:
    """The double incline with both base angles marked."""
    node = shape.node
    lf, apex, rf = shape.points
    out.items.append(Line((lf, apex, rf), True, _stroke(node, node.fill), owner=owner, role="incline"))
    labels = node.angle_labels or [q.pretty() for q in node.angles]
    for foot, other, sweep_sign, q, text in ((lf, apex, 1, node.angles[0], labels[0]),
                                              (rf, apex, -1, node.angles[1], labels[1])):
        deg = math.degrees(q.si)
        r = min(0.9, 0.3 * math.dist(lf, rf))
        a0 = 0.0 if sweep_sign > 0 else 180.0 - deg
        out.items.append(Arc(foot, r, a0, a0 + deg, Stroke(color=node.color, width=0.9), owner, role="angle"))
        mid = math.radians(a0 + deg / 2)
        out.labels.append(LabelSpec(text, (foot[0] + r * math.cos(mid), foot[1] + r * math.sin(mid)), owner,
                                    prefer=(math.degrees(mid),), distance=0.08))
    _label(node, apex, owner, (90.0,), 0.15, out=out)


def _table_box(shape: Shape, owner: str, out: Drawing) -> None:
    """A legend or a givens box: a frame, a heading, one row per key or given value."""
    from scidsl.domains.draw.annotations import PAD_CM, ROW_GAP, SWATCH_CM
    from scidsl.text import measure_text

    node = shape.node
    bl, br, tr, tl = shape.points
    out.items.append(Line((bl, br, tr, tl), True, Stroke(width=0.8, fill="white"), owner=owner, role="legend"))
    line_h = measure_text("Ag", node.size)[1] * ROW_GAP
    x, y = tl[0] + PAD_CM, tl[1] - PAD_CM - line_h / 2
    if node.title:
        out.items.append(Text((x, y), node.title, node.size + 1, "left", "center", owner=owner, role="legend_title"))
        y -= line_h
    for kind, key, color, meaning in shape.extra or []:
        tx = x
        if kind in ("style", "color"):
            dash = key if kind == "style" and key != "solid" else None
            out.items.append(Line(((x, y), (x + SWATCH_CM, y)), False, Stroke(color=color, width=1.6, dash=dash),
                                  owner=owner, role="legend_key"))
            tx = x + SWATCH_CM + PAD_CM
        elif kind == "symbol":
            out.items.append(Text((x, y), key, node.size, "left", "center", owner=owner, role="legend_key"))
            tx = x + measure_text(key, node.size)[0] + PAD_CM
        out.items.append(Text((tx, y), meaning, node.size, "left", "center", owner=owner, role="legend_text"))
        y -= line_h


def _rod(shape: Shape, owner: str, out: Drawing) -> None:
    node = shape.node
    out.items.append(Line(tuple(shape.points), False, replace(_stroke(node), width=node.thickness), owner=owner,
                          role="rod"))
    phys_mech.hinge_pins(shape, owner, out)
    phys_mech.rod_angle(shape, owner, out)
    _label(node, _halfway(shape.points)[0], owner, tuple(_prefer(shape)), 0.15, out=out)


def _block(shape: Shape, owner: str, out: Drawing) -> None:
    node = shape.node
    out.items.append(Line(tuple(shape.points), True, _stroke(node, node.fill), owner=owner, role="block"))
    c = shape.center
    assert c is not None
    if node.text:
        out.items.append(Text(c, node.text, owner=owner, may_touch=(owner,)))
    hi_top, lo_top = shape.points[2], shape.points[3]
    top = ((hi_top[0] + lo_top[0]) / 2, (hi_top[1] + lo_top[1]) / 2)
    _label(node, top, owner, (_dir(_sub(top, c)),), 0.12, out=out)


def _charge(shape: Shape, owner: str, out: Drawing) -> None:
    node, c, r = shape.node, shape.center, shape.radius
    assert c is not None
    # a charge covers what passes under it (a triangle's corner it sits on, a field line ending on it)
    out.items.append(Circle(c, r, replace(_stroke(node, "white"), zorder=3), owner=owner, role="charge"))
    sign = "+" if node.value > 0 else ("$-$" if node.value < 0 else "")
    if sign:
        out.items.append(Text(c, sign, size=10, owner=owner, may_touch=(owner,)))
    _label(node, c, owner, (45.0, 135.0, -45.0), r + 0.1, out=out)


def _field_lines(shape: Shape, owner: str, out: Drawing) -> None:
    node = shape.node
    stroke = _stroke(node)
    for path in shape.paths:
        out.items.append(Line(tuple(path), False, stroke, owner=owner, role="field_line"))
        half = _halfway(path)
        tip = _add(half[0], half[1], 0.1)
        out.items.append(Line((_add(tip, half[1], -0.2), tip), False, replace(stroke, visible=False), "end",
                              owner=owner, role="flow"))
    _charge_labels_on_lines(shape, owner, out)


_AROUND = (90.0, 45.0, 135.0, -90.0, -45.0, -135.0, 0.0, 180.0)


def _charge_labels_on_lines(shape: Shape, owner: str, out: Drawing) -> None:
    """Put each charge's label right beside it, on a white ground that the field lines pass behind.

    Field lines leave a charge in every direction, so no free place lies near it; the label goes where
    `label_at` says, else where it covers the fewest lines.
    """
    from shapely.geometry import LineString

    from scidsl.labels import text_box

    paths = [LineString(p) for p in shape.paths if len(p) >= 2]
    for name in shape.node.charges:
        spec = next((s for s in out.labels if s.owner == name), None)
        if spec is None:
            continue
        charge = next(it for it in out.items if isinstance(it, Circle) and it.owner == name)
        at = next((c.label_at for c in shape.extra or () if c.name == name), None)
        angles = (math.degrees(at.si),) if at is not None else _AROUND
        placed = [t for t in out.items if isinstance(t, Text) and t.background]
        best = min(angles, key=lambda a: _covered(text_box(spec.text, spec.size, _beside_circle(spec, charge, a)),
                                                  paths, placed))
        out.labels.remove(spec)
        out.items.append(Text(_beside_circle(spec, charge, best), spec.text, spec.size, color=spec.color, owner=name,
                              background="white", may_touch=(name, owner)))


def _beside_circle(spec: LabelSpec, circle: Circle, angle: float) -> P:
    """The centre of the label's box just outside the circle in the direction `angle`."""
    from scidsl.text import measure_text

    w, h, _ = measure_text(spec.text, spec.size)
    u = (math.cos(math.radians(angle)), math.sin(math.radians(angle)))
    reach = min(w / 2 / abs(u[0]) if abs(u[0]) > 1e-9 else math.inf, h / 2 / abs(u[1]) if abs(u[1]) > 1e-9 else math.inf)
    return _add(circle.center, u, circle.radius + 0.1 + reach)


def _covered(box, paths: list, placed: list[Text]) -> float:  # type: ignore[no-untyped-def]
    """How much field line a label box would hide; a box over another label counts as everything."""
    from scidsl.labels import text_box

    if any(box.intersects(text_box(t.text, t.size, t.pos)) for t in placed):
        return math.inf
    return sum(box.intersection(p).length for p in paths)


def _ray_diagram(shape: Shape, owner: str, out: Drawing) -> None:
    node, tr = shape.node, shape.extra
    if hides(node):  # the image is the answer: only the object and the rays up to the optic are drawn
        _object_and_incident(shape, owner, out)
        return
    ray = Stroke(color=node.color, width=0.9)
    for path in shape.paths:  # the lens or mirror continued (dashed) to rays that meet it beyond its ends
        out.items.append(Line(tuple(path), False, Stroke(width=0.8, dash="dashed"), owner=owner, role="extension"))
    for path in tr.rays:
        out.items.append(Line(tuple(path), False, ray, owner=owner, role="ray"))
        _flow_heads(path[:2], 1, ray, owner, out)
        _flow_heads(path[1:], 1, ray, owner, out, at=0.3)  # clear of the focal point half way along
    for path in tr.virtual:
        out.items.append(Line(tuple(path), False, Stroke(color=node.color, width=0.8, dash="dashed"), owner=owner,
                              role="virtual"))
    up = 90.0 if tr.object_tip[1] > tr.object_base[1] else -90.0
    out.items.append(Line((tr.object_base, tr.object_tip), False, Stroke(width=1.8), "end", owner=owner, role="object"))
    if node.object_label:
        out.labels.append(LabelSpec(node.object_label, tr.object_tip, owner, prefer=(up, 180.0), distance=0.1))
    if tr.image_tip is not None:
        dash = None if tr.real else "dashed"
        out.items.append(Line((tr.image_base, tr.image_tip), False, Stroke(width=1.8, dash=dash), "end", owner=owner,
                              role="image"))
        tip_up = tr.image_tip[1] > tr.image_base[1]
        if node.image_label and tr.real:  # rays meet at a real image's tip: the label goes straight beyond it
            beyond = 90.0 if tip_up else -90.0
            out.labels.append(LabelSpec(node.image_label, tr.image_tip, owner, prefer=(beyond,), distance=0.15))
        elif node.image_label:  # dashed extensions fan towards a virtual tip: label across the axis
            away = -90.0 if tip_up else 90.0
            out.labels.append(LabelSpec(node.image_label, tr.image_base, owner, prefer=(away, away + 30, away - 30),
                                        distance=0.12))
    _point_labels_beside_dots(node.lens, out)


def _object_and_incident(shape: Shape, owner: str, out: Drawing) -> None:
    """The object, each principal ray as far as the optic, and the placeholder (`answer: "?"`) past it."""
    node, tr = shape.node, shape.extra
    ray = Stroke(color=node.color, width=0.9)
    placeholder = display(node, "")
    if placeholder:
        for path in tr.rays:
            out.items.append(Line(tuple(path[:2]), False, ray, owner=owner, role="ray"))
            _flow_heads(path[:2], 1, ray, owner, out)
    up = 90.0 if tr.object_tip[1] > tr.object_base[1] else -90.0
    out.items.append(Line((tr.object_base, tr.object_tip), False, Stroke(width=1.8), "end", owner=owner, role="object"))
    if node.object_label:
        out.labels.append(LabelSpec(node.object_label, tr.object_tip, owner, prefer=(up, 180.0), distance=0.1))
    if placeholder:  # past a lens; in front of a mirror, between the object and the mirror
        hits = [path[1] for path in tr.rays] or [tr.object_base]
        vertex = sum(p[0] for p in hits) / len(hits)
        mirror = not any(p[0] > vertex + 1e-6 for path in tr.rays for p in path[2:])  # reflected rays turn back
        x = (tr.object_base[0] + vertex) / 2 if mirror else vertex + 0.8 * abs(vertex - tr.object_base[0])
        out.labels.append(LabelSpec(placeholder, (x, tr.object_base[1]), owner, prefer=(90.0, -90.0), distance=0.25))
    _point_labels_beside_dots(node.lens, out)


_BESIDE = (-90.0, -60.0, -120.0, 90.0, 60.0, 120.0, -30.0, -150.0, 30.0, 150.0, 0.0, 180.0)


def _point_labels_beside_dots(lens: str, out: Drawing) -> None:
    """Keep F and C beside their dots although the rays cross there.

    Principal rays run through F (and near C) by construction, so the free place nearest the dot may lie
    far away among the rays. The label takes the first clear place right beside its dot; when there is
    none it goes below the dot on a white ground, with the rays passing behind it.
    """
    from scidsl.labels import stroke_geometry, text_box

    specs = [s for s in out.labels if s.owner == lens and s.text in ("$F$", "$C$")]
    if not specs:
        return
    geoms = [(g, it.owner) for it in out.items if not isinstance(it, (Dot, Text))
             for g in (stroke_geometry(it),) if g is not None and not g.is_empty]
    for spec in specs:
        best = _beside(spec, geoms, text_box)
        if best is None:
            continue
        out.labels.remove(spec)
        centre, touched = best
        if not touched:
            out.labels.append(replace(spec, prefer=(_dir(_sub(centre, spec.anchor)),), may_touch=(lens,)))
            continue
        out.items.append(Text(centre, spec.text, spec.size, color=spec.color, owner=lens, background="white",
                              may_touch=tuple(sorted(touched | {lens}))))


def _beside(spec: LabelSpec, geoms: list, text_box) -> tuple[P, set[str]] | None:  # type: ignore[no-untyped-def]
    """The first clear place beside the anchor, else the one below it and the owners of the strokes it covers."""
    fallback = None
    for angle in _BESIDE:
        box = None
        for gap in (0.1, 0.2):
            u = (math.cos(math.radians(angle)), math.sin(math.radians(angle)))
            probe = text_box(spec.text, spec.size, (0.0, 0.0))
            w, h = probe.bounds[2] - probe.bounds[0], probe.bounds[3] - probe.bounds[1]
            reach = min(w / 2 / abs(u[0]) if abs(u[0]) > 1e-9 else math.inf, h / 2 / abs(u[1]) if abs(u[1]) > 1e-9
                        else math.inf)
            centre = _add(spec.anchor, u, gap + reach)
            box = text_box(spec.text, spec.size, centre).buffer(0.04)
            touched = {o or "" for g, o in geoms if g.intersects(box)}
            if not touched:
                return centre, set()
            if fallback is None:
                fallback = (_add(spec.anchor, u, 0.1 + reach), touched)
    return fallback


_SPECIAL = {k.Spring: _spring, k.Surface: _surface, k.Mirror: _surface, k.Ground: _surface, k.Ceiling: _surface,
            k.Wall: _surface, k.Pulley: _disk, k.Axes: _axes, k.Wedge: _wedge, k.Rod: _rod, k.Legend: _table_box, k.Givens: _table_box, k.Dimension: _dimension, k.Disk: _disk,
            k.Ellipse: _ellipse, k.AngleMark: _angle_mark, k.CurrentMark: _current_mark, k.Field_: _field,
            k.Lens: _lens, k.Note: _note, k.RayDiagram: _ray_diagram,
            k.SphericalMirror: _spherical_mirror, k.Incline: _incline, k.Block: _block,
            k.Charge: _charge, k.FieldLines: _field_lines}
_SPECIAL.update({k.Cart: phys_mech.cart, k.Chain: phys_mech.chain, k.Pendulum: phys_mech.pendulum})
