"""Graphs and trees → primitives: node circles with their names, edges trimmed to the circles, arrows,
bold paths, and weight labels placed beside their own edge, clear of every other edge and node."""
from __future__ import annotations

import math
from typing import Any, Optional

from scidsl.labels import arc_points
from scidsl.primitives import Arc, Circle, Drawing, LabelSpec, Line, Stroke, Text
from scidsl.style import LABEL_SIZE
from scidsl.text import measure_text

P = tuple[float, float]
WEIGHT_SIZE = 10.0
_BEND_CM = 0.45  # how far the two edges of an A→B, B→A pair bow apart
_GAP_CM = 0.1  # between a weight label and its edge
_FRACTIONS = (0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8)


def node_owner(graph: str, node: str) -> str:
    """The owner name of a node's circle."""
    return f"{graph}.{node}"


def edge_owner(graph: str, a: str, b: str) -> str:
    """The owner name of an edge's line (and of its weight label)."""
    return f"{graph}.{a}-{b}"


def weight_text(weight: Any, unit: Optional[str]) -> Optional[str]:
    """The text written beside an edge: `410 mi`, `5 km` with the graph's unit, or the label."""
    if weight is None:
        return None
    if isinstance(weight, str):
        return weight
    text = weight.pretty()
    return f"{text} {unit}" if unit and not weight.unit else text


def edge_route(lay: Any, a: str, b: str) -> list[P]:
    """The drawn points of the edge a→b, trimmed to the two node circles (bowed for a two-way pair)."""
    pa, pb = lay.pos[a], lay.pos[b]
    dx, dy = pb[0] - pa[0], pb[1] - pa[1]
    d = math.hypot(dx, dy) or 1e-9
    ux, uy = dx / d, dy / d
    two_way = lay.node.directed and any(e[0] == b and e[1] == a for e in lay.edges)
    if not two_way:
        pts = [pa] + lay.bends.get((a, b), []) + [pb]
    else:
        nx_, ny_ = uy, -ux  # bow to the right of the direction of travel, so the pair separates
        ctrl = ((pa[0] + pb[0]) / 2 + nx_ * _BEND_CM * 2, (pa[1] + pb[1]) / 2 + ny_ * _BEND_CM * 2)
        pts = [_bezier(pa, ctrl, pb, i / 24) for i in range(25)]
    pts = _trim(pts, lambda p: lay.inside(a, p))
    return list(reversed(_trim(list(reversed(pts)), lambda p: lay.inside(b, p))))


def _trim(pts: list[P], inside_node: Any) -> list[P]:
    """Cut the start of a polyline that lies inside a node, ending exactly on its outline."""
    i = next((j for j, p in enumerate(pts) if not inside_node(p)), len(pts) - 1)
    if i == 0:
        return pts
    inside, outside = pts[i - 1], pts[i]
    lo, hi = 0.0, 1.0
    for _ in range(40):
        mid = (lo + hi) / 2
        q = (inside[0] + (outside[0] - inside[0]) * mid, inside[1] + (outside[1] - inside[1]) * mid)
        lo, hi = (mid, hi) if inside_node(q) else (lo, mid)
    edge = (inside[0] + (outside[0] - inside[0]) * hi, inside[1] + (outside[1] - inside[1]) * hi)
    return [edge] + pts[i:]


def _bezier(a: P, c: P, b: P, t: float) -> P:
    s = 1 - t
    return (s * s * a[0] + 2 * s * t * c[0] + t * t * b[0], s * s * a[1] + 2 * s * t * c[1] + t * t * b[1])


def render_graph(lay: Any) -> Drawing:
    """One graph: edges, bold paths, nodes, names, weights and vertex labels."""
    out = Drawing()
    g = lay.name
    routes: dict[tuple[str, str], list[P]] = {}
    for a, b, _ in lay.edges:
        owner = edge_owner(g, a, b)
        if a == b:
            loop = _loop(lay, a, owner)
            out.items.append(loop)
            routes[(a, b)] = arc_points(loop, 24)[4:-4]
            continue
        routes[(a, b)] = edge_route(lay, a, b)
        out.items.append(Line(tuple(routes[(a, b)]), stroke=Stroke(width=1.2, zorder=2),
                              arrow="end" if lay.node.directed else None, owner=owner, role="edge"))
    for path in lay.paths:  # drawn over the plain edges
        out.items.extend(_path_lines(lay, path, routes))
    for n in lay.node.nodes:
        out.items.extend(_node(lay, n))
    out.items.extend(place_weights(lay, routes, out))
    out.labels.extend(_vertex_labels(lay))
    for n, p in lay.pos.items():
        out.anchors[f"{g}.{n}"] = p
    return out


def _loop(lay: Any, n: str, owner: str) -> Arc:
    """A self-loop: a small circle outside the node, away from the graph's centre."""
    cx = sum(p[0] for p in lay.pos.values()) / len(lay.pos)
    cy = sum(p[1] for p in lay.pos.values()) / len(lay.pos)
    px, py = lay.pos[n]
    ang = math.atan2(py - cy, px - cx) if (px, py) != (cx, cy) else math.pi / 2
    r = lay.radius * 0.8
    centre = (px + math.cos(ang) * lay.radius * 1.5, py + math.sin(ang) * lay.radius * 1.5)
    deg = math.degrees(ang)
    return Arc(centre, r, deg - 150, deg + 150, Stroke(width=1.2), owner=owner, role="edge",
               arrow="end" if lay.node.directed else None)


def _path_lines(lay: Any, path: Any, routes: dict) -> list[Line]:
    out = []
    for a, b in zip(path.through, path.through[1:]):
        route = routes.get((a, b)) or list(reversed(routes.get((b, a), [])))
        if len(route) < 2:
            continue
        out.append(Line(tuple(route), stroke=Stroke(color=path.color, width=3.2, zorder=2.5),
                        arrow="end" if lay.node.directed else None,
                        owner=edge_owner(lay.name, *((a, b) if (a, b) in routes else (b, a))), role="path"))
    return out


def _node(lay: Any, n: str) -> list:
    owner = node_owner(lay.name, n)
    v = lay.vertices.get(n)
    fill = (v.fill if v is not None and v.fill else None) or "white"
    (x, y), stroke = lay.pos[n], Stroke(width=1.2, fill=fill, zorder=3)
    if n in lay.boxes:
        w, h = lay.boxes[n]
        outline = ((x - w / 2, y - h / 2), (x + w / 2, y - h / 2), (x + w / 2, y + h / 2), (x - w / 2, y + h / 2))
        shape: Any = Line(outline, closed=True, stroke=stroke, owner=owner, role="node")
    else:
        shape = Circle(lay.pos[n], lay.radius, stroke, owner=owner, role="node")
    return [shape, Text(lay.pos[n], lay.shown(n), LABEL_SIZE, owner=owner, role="node_name", may_touch=(owner,))]


def _vertex_labels(lay: Any) -> list[LabelSpec]:
    cx = sum(p[0] for p in lay.pos.values()) / len(lay.pos)
    cy = sum(p[1] for p in lay.pos.values()) / len(lay.pos)
    out = []
    for n, v in lay.vertices.items():
        if not v.label:
            continue
        px, py = lay.pos[n]
        out_dir = math.degrees(math.atan2(py - cy, px - cx)) if (px, py) != (cx, cy) else 90.0
        near = round(out_dir / 45) * 45.0
        out.append(LabelSpec(v.label, lay.pos[n], node_owner(lay.name, n), LABEL_SIZE,
                             prefer=(near, 90.0, 270.0, 0.0, 180.0), distance=lay.radius + 0.08,
                             may_touch=(node_owner(lay.name, n),), role="vertex_label"))
    return out


def point_along(route: list[P], t: float) -> tuple[P, P]:
    """The point at fraction t of a polyline's length and the unit direction there."""
    lengths = [math.dist(p, q) for p, q in zip(route, route[1:])]
    goal = t * sum(lengths)
    for i, ((p, q), seg) in enumerate(zip(zip(route, route[1:]), lengths)):
        if goal <= seg or i == len(lengths) - 1:
            f = goal / seg if seg else 0.0
            d = (q[0] - p[0]) / (seg or 1), (q[1] - p[1]) / (seg or 1)
            return (p[0] + (q[0] - p[0]) * f, p[1] + (q[1] - p[1]) * f), d
        goal -= seg
    return route[-1], (1.0, 0.0)


def place_weights(lay: Any, routes: dict, drawing: Drawing) -> list[Text]:
    """Weight labels beside their edges: the first free spot nearest the middle, on either side."""
    from shapely.geometry import LineString, Point, box

    if not lay.node.weights:
        return []
    edges = {(a, b): LineString(r).buffer(0.06) for (a, b), r in routes.items()}
    nodes = [(box(p[0] - lay.boxes[n][0] / 2, p[1] - lay.boxes[n][1] / 2, p[0] + lay.boxes[n][0] / 2,
                  p[1] + lay.boxes[n][1] / 2).buffer(0.04) if n in lay.boxes else Point(p).buffer(lay.radius + 0.04))
             for n, p in lay.pos.items()]
    taken: list = []
    out: list[Text] = []
    for a, b, w in lay.edges:
        text = weight_text(w, lay.node.unit)
        if text is None or (a, b) not in routes:
            continue
        wd, ht, _ = measure_text(text, WEIGHT_SIZE)
        others = [geom for key, geom in edges.items() if key != (a, b)]
        # beside its edge only where it is plainly nearer to that edge than to any other
        own = LineString(routes[(a, b)]).buffer(0.05)
        bowed = lay.node.directed and a != b and any(e[0] == b and e[1] == a for e in lay.edges)
        spot = _free_spot(routes[(a, b)], wd, ht, [own] + [o.buffer(0.22) for o in others] + nodes + taken,
                          outside_first=bowed)
        background = None
        if spot is None:  # crowded: on the edge itself, on white, where it touches no other edge
            on_edge, overlap = _on_edge(routes[(a, b)], wd, ht, others + nodes + taken)
            fine = tuple(sorted((i / 40 for i in range(6, 35)), key=lambda t: abs(t - 0.5)))
            spot = _free_spot(routes[(a, b)], wd, ht, [own] + [o.buffer(0.03) for o in others] + nodes + taken,
                              outside_first=bowed, fractions=fine) if overlap > 0 else None
            if spot is None:
                spot, background = on_edge, "white"
        (anchor, offset) = spot
        cx, cy = anchor[0] + offset[0], anchor[1] + offset[1]
        taken.append(box(cx - wd / 2, cy - ht / 2, cx + wd / 2, cy + ht / 2).buffer(0.05))
        owner = edge_owner(lay.name, a, b)
        out.append(Text(anchor, text, WEIGHT_SIZE, owner=owner, role="weight", offset=offset,
                        background=background, may_touch=(owner,) if background else ()))
    return out


def _free_spot(route: list[P], w: float, h: float, blocked: list, outside_first: bool = False,
               fractions: tuple[float, ...] = _FRACTIONS) -> Optional[tuple[P, P]]:
    """A box beside the route clear of everything blocked; a bowed edge tries its outer side first."""
    from shapely.geometry import box

    for t in fractions:
        (px, py), (dx, dy) = point_along(route, t)
        nx_, ny_ = -dy, dx
        reach = w / 2 * abs(nx_) + h / 2 * abs(ny_) + _GAP_CM
        sides = (-1, 1) if outside_first or ny_ < 0 else (1, -1)  # else above/left of the edge first
        for side in sides:
            ox, oy = side * nx_ * reach, side * ny_ * reach
            cand = box(px + ox - w / 2, py + oy - h / 2, px + ox + w / 2, py + oy + h / 2)
            if not any(cand.intersects(g) for g in blocked):
                return (px, py), (ox, oy)
    return None


def _on_edge(route: list[P], w: float, h: float, blocked: list) -> tuple[tuple[P, P], float]:
    """The spot on the edge overlapping the least of what is blocked (nearest the middle), and that overlap."""
    from shapely.geometry import box

    fine = sorted((i / 40 for i in range(6, 35)), key=lambda t: abs(t - 0.5))
    best, least = 0.5, math.inf
    for t in fine:
        (px, py), _ = point_along(route, t)
        cand = box(px - w / 2, py - h / 2, px + w / 2, py + h / 2)
        overlap = sum(cand.intersection(g).area for g in blocked if cand.intersects(g))
        if overlap < least - 1e-9:
            best, least = t, overlap
        if overlap == 0:
            break
    return (point_along(route, best)[0], (0.0, 0.0)), least
