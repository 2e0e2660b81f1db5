"""Renderer of plane geometry: solved coordinates → strokes, marks and labels (page centimetres)."""
from __future__ import annotations

import math
from typing import Any

from scidsl.domains.geometry import constructions as cx
from scidsl.domains.geometry import marks as mk
from scidsl.domains.geometry.domain import Layout
from scidsl.primitives import Arc, Circle, Dot, Drawing, LabelSpec, Line, Stroke

LINE_W = 1.4
MARK_W = 0.9
AUX_COLOR = "black"
LABEL_SIZE = 12
VALUE_SIZE = 11
_DASH = {"solid": None, "dashed": "dashed", "dotted": "dotted"}


def render_layout(lay: Layout) -> Drawing:
    """Everything the figure shows."""
    r = _Renderer(lay)
    r.fills()
    r.strokes()
    r.circles()
    r.marks()
    r.dimensions()
    r.points()
    # Point names are placed first: they matter most and sit where they must (at their points).
    r.out.labels.sort(key=lambda lab: 0 if (lab.owner or "").startswith("point ") else 1)
    return r.out


class _Renderer:
    """Builds one Drawing; keeps the figure centre and stroke neighbours for label directions."""

    def __init__(self, lay: Layout) -> None:
        self.lay, self.p = lay, lay.points
        self.out = Drawing(anchors={n: p for n, p in lay.points.items()})
        real = [p for n, p in self.p.items() if not n.startswith("_")]
        self.center = cx.centroid(real) if real else (0.0, 0.0)
        self.neighbours: dict[str, list[cx.Vec]] = {n: [] for n in self.p}
        self.box = self._box()
        self.dim_labels: dict[int, str] = {}
        self.arcs_at: dict[str, list[tuple[float, float, float]]] = {}

    def _box(self) -> tuple[float, float, float, float]:
        xs = [p[0] for p in self.p.values()] + [c[0][0] + s * c[1] for c in self.lay.circles.values() for s in (-1, 1)]
        ys = [p[1] for p in self.p.values()] + [c[0][1] + s * c[1] for c in self.lay.circles.values() for s in (-1, 1)]
        m = 0.12 * max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
        return min(xs) - m, min(ys) - m, max(xs) + m, max(ys) + m

    # -- areas ------------------------------------------------------------------------------------
    def fills(self) -> None:
        """Shaded polygons, circles and sectors, under everything else."""
        for node, vt in self.lay.plan.polygons:
            if node.fill or node.hatch:
                pts = tuple(self.p[v] for v in vt)
                st = Stroke(color=node.fill or "black", fill=node.fill or "none", hatch=node.hatch,
                            visible=False, zorder=0.5, alpha=1.0)
                self.out.items.append(Line(pts, True, st, owner=node.name, role="region"))
        for node, circ, a, b in self.lay.plan.sectors:
            o, r = self.lay.circles[circ]
            t1, t2 = cx.polar_deg(cx.sub(self.p[a], o)), cx.polar_deg(cx.sub(self.p[b], o))
            pts = [o] + _arc_points(o, r, t1, t2)
            st = Stroke(color=node.fill or "black", fill=node.fill, visible=False, zorder=0.5)
            self.out.items.append(Line(tuple(pts), True, st, owner=node.name, role="region"))
            edge = Stroke(color=node.color, width=LINE_W, dash=_DASH[node.style])
            self.out.items.append(Line((self.p[a], o, self.p[b]), False, edge, owner=node.name))
            self._link(a, o)
            self._link(b, o)
            if node.label:
                mid = math.radians((t1 + ((t2 - t1) % 360) / 2))
                at = (o[0] + 0.55 * r * math.cos(mid), o[1] + 0.55 * r * math.sin(mid))
                self.out.labels.append(LabelSpec(node.label, at, node.name, size=VALUE_SIZE, distance=0.0,
                                                 prefer=(0, 90, 180, 270), may_touch=(node.name,)))

    # -- strokes --------------------------------------------------------------------------------------
    def strokes(self) -> None:
        """Sides, segments, lines, rays and dimension lines."""
        for s in self.lay.plan.strokes:
            a, b = self.p[s.a], self.p[s.b]
            st = Stroke(color=s.color, width=LINE_W, dash=_DASH.get(s.style))
            if s.kind == "segment":
                self.out.items.append(Line((a, b), False, st, owner=s.owner))
            elif s.kind == "line":
                self.out.items.append(Line(self._clip(a, cx.unit(cx.sub(b, a)), both=True), False, st, owner=s.owner))
            elif s.kind == "ray":
                self.out.items.append(Line(self._clip(a, cx.unit(cx.sub(b, a)), both=False), False, st,
                                           owner=s.owner))
            elif s.kind == "dimension":
                continue
            self._link(s.a, b)
            self._link(s.b, a)
            if s.label and s.kind != "dimension":
                self._side_label((s.a, s.b), s.label, s.owner)
        for node, name in self.lay.plan.lines:
            q, d = self.lay.lines[name]
            st = Stroke(color=node.color, width=LINE_W, dash=_DASH[node.style])
            pts = self._clip(q, d, both=True)
            self.out.items.append(Line(pts, False, st, owner=name))
            for pn, pp in self.p.items():
                if cx.line_distance(pp, (q, d)) < 1e-6:
                    self.neighbours[pn] += [cx.add(pp, d), cx.sub(pp, d)]
            if node.label:
                self.out.labels.append(LabelSpec(node.label, pts[1], name, size=LABEL_SIZE,
                                                 prefer=(90, 45, 0, -45, -90), distance=0.1))

    def _link(self, name: str, other: cx.Vec) -> None:
        if name in self.neighbours:
            self.neighbours[name].append(other)

    def _clip(self, q: cx.Vec, d: cx.Vec, both: bool) -> tuple[cx.Vec, cx.Vec]:
        """The part of a line (or ray from q) inside the figure box."""
        x0, y0, x1, y1 = self.box
        ts = []
        for lo, hi, qc, dc in ((x0, x1, q[0], d[0]), (y0, y1, q[1], d[1])):
            if abs(dc) < 1e-12:
                continue
            ts += [(lo - qc) / dc, (hi - qc) / dc]
        ts.sort()
        inside = [t for t in ts if _inside(cx.add(q, cx.mul(d, t)), self.box)]
        t_hi = max(inside, default=1.0)
        t_lo = min(inside, default=-1.0) if both else 0.0
        return cx.add(q, cx.mul(d, t_lo)), cx.add(q, cx.mul(d, t_hi))

    def dimensions(self) -> None:
        """Double-arrow lines beside segments, carrying the segment's length label."""
        for s in self.lay.plan.strokes:
            if s.kind != "dimension":
                continue
            a, b = self.p[s.a], self.p[s.b]
            p, q, mid = mk.dimension_line(a, b, self._inside_of((s.a, s.b)), 0.45)
            st = Stroke(width=MARK_W)
            self.out.items.append(Line((p, q), False, st, arrow="both", owner=s.owner, role="dimension"))
            text = s.label or self.dim_labels.get(id(s))
            if text:
                n = mk.outward_normal(a, b, self._inside_of((s.a, s.b)))
                gap = _clear_gap(text, VALUE_SIZE, cx.polar_deg(n), cx.polar_deg(cx.sub(b, a)))
                self.out.labels.append(LabelSpec(text, mid, s.owner, size=VALUE_SIZE,
                                                 prefer=(cx.polar_deg(n),), distance=gap))

    # -- circles and arcs -----------------------------------------------------------------------------
    def circles(self) -> None:
        """Circles (optionally filled) and bold arcs."""
        for node, name in self.lay.plan.circles:
            o, r = self.lay.circles[name]
            st = Stroke(color=node.color, width=LINE_W, dash=_DASH[node.style], fill=getattr(node, "fill", None),
                        zorder=1 if getattr(node, "fill", None) else 2)
            self.out.items.append(Circle(o, r, st, owner=name))
            for pn, pp in self.p.items():
                if abs(cx.dist(pp, o) - r) < 1e-6 * max(r, 1):
                    t = cx.perp(cx.unit(cx.sub(pp, o)))
                    self.neighbours[pn] += [cx.add(pp, t), cx.sub(pp, t)]
            if node.label:
                at = (o[0] + r * math.cos(math.radians(40)), o[1] + r * math.sin(math.radians(40)))
                self.out.labels.append(LabelSpec(node.label, at, name, size=LABEL_SIZE, prefer=(40, 60, 20)))
        for node, circ, a, b in self.lay.plan.arcs:
            o, r = self.lay.circles[circ]
            t1, t2 = cx.polar_deg(cx.sub(self.p[a], o)), cx.polar_deg(cx.sub(self.p[b], o))
            st = Stroke(color=node.color, width=node.width, dash=_DASH[node.style], zorder=3)
            self.out.items.append(Arc(o, r, t1, t2 if t2 > t1 else t2 + 360, st, owner=node.name))
            if node.label:
                mid = math.radians(t1 + ((t2 - t1) % 360) / 2)
                at = (o[0] + r * math.cos(mid), o[1] + r * math.sin(mid))
                self.out.labels.append(LabelSpec(node.label, at, node.name, size=VALUE_SIZE,
                                                 prefer=(math.degrees(mid),), distance=0.12))

    # -- marks ---------------------------------------------------------------------------------------
    def marks(self) -> None:
        """Angle arcs, right-angle squares, ticks, arrows and side labels."""
        self.arrow_dirs: dict[int, cx.Vec] = {}
        for m in self.lay.plan.marks:
            getattr(self, "_mark_" + m.kind)(m)

    def _mark_angle(self, m: Any) -> None:
        a, v, b = (self.p[q] for q in m.points)
        owner = f"mark angle {''.join(m.points)}"
        arc = mk.angle_arc(v, a, b, count=m.count)
        arc = self._free_arc(m.points[1], v, a, b, arc, m.count)
        st = Stroke(width=MARK_W, zorder=3)
        for r in arc.radii:
            self.out.items.append(Arc(v, r, arc.theta1, arc.theta2, st, owner=owner, role="mark"))
        text = m.label
        if text == "=value":
            text = f"{cx.angle_deg(a, v, b):.4g}°"
        if text:
            mid = math.radians(arc.label_angle)
            at = (v[0] + arc.radii[-1] * math.cos(mid), v[1] + arc.radii[-1] * math.sin(mid))
            prefer = (arc.label_angle, arc.label_angle + 20, arc.label_angle - 20)
            along = [cx.polar_deg(cx.sub(q, v)) for q in self.neighbours.get(m.points[1], [])]
            if any(abs((d - arc.label_angle + 180) % 360 - 180) < 12 for d in along):
                # A line runs along the bisector (an angle bisector): write beside it, not on it.
                quarter = (arc.theta2 - arc.theta1) / 4
                prefer = (arc.label_angle + quarter, arc.label_angle - quarter) + prefer
            else:
                at = self._wedge_anchor(v, arc, text, min(cx.dist(v, a), cx.dist(v, b)))
            self.out.labels.append(LabelSpec(text, at, owner, size=VALUE_SIZE, prefer=prefer, distance=0.06,
                                             may_touch=(owner,)))

    def _wedge_anchor(self, v: cx.Vec, arc: Any, text: str, arm: float) -> cx.Vec:
        """Anchor on the bisector from which the label, placed along it, fits between the arms."""
        from scidsl.text import measure_text

        w, h, _ = measure_text(text, VALUE_SIZE)
        u = (math.cos(math.radians(arc.label_angle)), math.sin(math.radians(arc.label_angle)))
        half = math.radians(max((arc.theta2 - arc.theta1) / 2, 1.0))
        rho = math.hypot(w, h) / 2
        centre = max(arc.radii[-1] + 0.08 + rho, rho / math.sin(half) + 0.06)
        centre = min(centre, max(0.75 * arm, arc.radii[-1] + 0.08 + rho))
        reach = min(w / 2 / abs(u[0]) if abs(u[0]) > 1e-9 else math.inf,
                    h / 2 / abs(u[1]) if abs(u[1]) > 1e-9 else math.inf)
        d = max(centre - reach - 0.06, arc.radii[-1])
        return (v[0] + d * u[0], v[1] + d * u[1])

    def _free_arc(self, name: str, v: cx.Vec, a: cx.Vec, b: cx.Vec, arc: Any, count: int) -> Any:
        """Move an arc outwards while it would lie on another arc at the same vertex."""
        taken = self.arcs_at.setdefault(name, [])
        r = arc.radii[0]
        while any(abs(r - r0) < 0.2 and _overlap(arc.theta1, arc.theta2, t1, t2) for r0, t1, t2 in taken):
            r += 0.25
        if r != arc.radii[0]:
            arc = mk.angle_arc(v, a, b, count=count, radius=r)
        taken.extend((rr, arc.theta1, arc.theta2) for rr in arc.radii)
        return arc

    def _mark_right(self, m: Any) -> None:
        a, v, b = (self.p[q] for q in m.points)
        pts = mk.right_angle_square(v, a, b)
        self.out.items.append(Line(tuple(pts), False, Stroke(width=MARK_W, zorder=3), owner="mark", role="mark"))

    def _mark_right_cross(self, m: Any) -> None:
        a, b, c, d = (self.p[q] for q in m.points)
        x, pen = cx.intersect_lines(cx.line_through(a, b), cx.line_through(c, d))
        if pen > 0:
            return
        far1 = a if cx.dist(a, x) > cx.dist(b, x) else b
        far2 = c if cx.dist(c, x) > cx.dist(d, x) else d
        pts = mk.right_angle_square(x, far1, far2)
        self.out.items.append(Line(tuple(pts), False, Stroke(width=MARK_W, zorder=3), owner="mark", role="mark"))

    def _mark_ticks(self, m: Any) -> None:
        a, b = (self.p[q] for q in m.points)
        for p, q in mk.ticks(a, b, m.count):
            self.out.items.append(Line((p, q), False, Stroke(width=MARK_W, zorder=3), owner="mark", role="mark"))

    def _chevrons(self, a: cx.Vec, b: cx.Vec, count: int) -> None:
        d = cx.unit(cx.sub(b, a))
        first = self.arrow_dirs.setdefault(count, d)
        if cx.dot(first, d) < 0:
            a, b = b, a
        for chev in mk.parallel_arrows(a, b, count):
            self.out.items.append(Line(tuple(chev), False, Stroke(width=MARK_W, zorder=3), owner="mark",
                                       role="mark"))

    def _mark_arrows(self, m: Any) -> None:
        a, b = self.p[m.points[0]], self.p[m.points[1]]
        if any(s.kind == "line" and {s.a, s.b} == set(m.points) for s in self.lay.plan.strokes):
            # On a whole line, keep the arrows away from the points where other lines cross it.
            p, q = self._clip(a, cx.unit(cx.sub(b, a)), both=True)
            a, b = cx.divide(p, q, 0.8), cx.divide(p, q, 0.95)
        self._chevrons(a, b, m.count)

    def _mark_arrows_line(self, m: Any) -> None:
        q, d = self.lay.lines[m.points[0]]
        a, b = self._clip(q, d, both=True)
        self._chevrons(cx.divide(a, b, 0.72), cx.divide(a, b, 0.88), m.count)
        if len(m.points) == 3:
            self._chevrons(self.p[m.points[1]], self.p[m.points[2]], m.count)

    def _mark_side_label(self, m: Any) -> None:
        self._side_label((m.points[0], m.points[1]), m.label or "", "".join(m.points))

    def _mark_extend(self, m: Any) -> None:
        """Dashed extension of a side when an altitude's foot falls outside it."""
        f, p, q = (self.p[x] for x in m.points)
        t = cx.dot(cx.sub(f, p), cx.sub(q, p)) / max(cx.dot(cx.sub(q, p), cx.sub(q, p)), 1e-12)
        if 0 <= t <= 1:
            return
        near = p if t < 0 else q
        self.out.items.append(Line((near, f), False, Stroke(width=MARK_W, dash="dashed"), owner=m.owner))

    def _mark_bisect(self, m: Any) -> None:
        a, c = self.p[m.points[0]], self.p[m.points[1]]
        mid = cx.midpoint(a, c)
        for p, q in ((a, mid), (mid, c)):
            for t1, t2 in mk.ticks(p, q, m.count):
                self.out.items.append(Line((t1, t2), False, Stroke(width=MARK_W, zorder=3), owner="mark",
                                           role="mark"))
        _, d = self.lay.lines[m.points[2]]
        pts = mk.right_angle_square(mid, c, cx.add(mid, d))
        self.out.items.append(Line(tuple(pts), False, Stroke(width=MARK_W, zorder=3), owner="mark", role="mark"))

    def _mark_right_line(self, m: Any) -> None:
        """Right-angle square where a perpendicular line leaves the line it stands on."""
        _, d = self.lay.lines[m.points[0]]
        v, other = self.p[m.points[1]], self.p[m.points[2]]
        # Put the square on the side of the line where more of the figure lies.
        side = sum(cx.dot(d, cx.sub(q, v)) for q in self.p.values())
        arm = cx.add(v, d if side >= 0 else (-d[0], -d[1]))
        pts = mk.right_angle_square(v, other, arm)
        self.out.items.append(Line(tuple(pts), False, Stroke(width=MARK_W, zorder=3), owner="mark", role="mark"))

    def _mark_arc_label(self, m: Any) -> None:
        """A value written beside the middle of the minor arc between two points."""
        a, b, o = (self.p[q] for q in m.points)
        t1, t2 = mk.angle_span(o, a, b)
        mid = math.radians((t1 + t2) / 2)
        r = cx.dist(o, a)
        at = (o[0] + r * math.cos(mid), o[1] + r * math.sin(mid))
        self.out.labels.append(LabelSpec(m.label or "", at, f"arc {''.join(m.points[:2])}", size=VALUE_SIZE,
                                         prefer=(math.degrees(mid),), distance=0.1))

    def _mark_tangent(self, m: Any) -> None:
        """Nothing extra: the touching point already gets a dot and a label."""

    # -- points ----------------------------------------------------------------------------------------
    def points(self) -> None:
        """Dots where they help, and every point's name outside the figure."""
        nodes = self.lay.plan.point_nodes
        for name, pos in self.p.items():
            if name.startswith("_"):
                continue
            node = nodes.get(name)
            dot = getattr(node, "dot", None)
            if dot is None:
                dot = name not in self.lay.plan.vertex_points
            if dot:
                self.out.items.append(Dot(pos, 0.06, owner=f"point {name}"))
            if node is not None and not getattr(node, "show_label", True):
                continue
            text = getattr(node, "label", None) or _point_text(name)
            prefer = mk.point_label_prefer(pos, self.neighbours.get(name, []), self.center)
            self.out.labels.append(LabelSpec(text, pos, f"point {name}", size=LABEL_SIZE, prefer=prefer,
                                             distance=0.1))

    def _side_label(self, pts: tuple[str, str], text: str, owner: str) -> None:
        dim = self._dimension_of(pts)
        if dim is not None:
            self.dim_labels[id(dim)] = text
            return
        a, b = self.p[pts[0]], self.p[pts[1]]
        inside = self._inside_of(pts)
        prefer = mk.side_label_prefer(a, b, inside)
        gap = _clear_gap(text, VALUE_SIZE, prefer[0], cx.polar_deg(cx.sub(b, a)))
        if any(m.kind in ("ticks", "arrows") and set(m.points) == set(pts) for m in self.lay.plan.marks):
            gap += 0.12  # keep clear of the tick or arrow in the middle of the side
        self.out.labels.append(LabelSpec(text, self._side_anchor(pts, text), owner, size=VALUE_SIZE,
                                         prefer=prefer, distance=gap))

    def _side_anchor(self, pts: tuple[str, str], text: str) -> cx.Vec:
        """The middle of the side, or beside a point that already sits there (a midpoint M)."""
        from scidsl.text import measure_text

        a, b = self.p[pts[0]], self.p[pts[1]]
        mid = cx.midpoint(a, b)
        crowded = [q for n, q in self.p.items() if n not in pts and not n.startswith("_")
                   and cx.dist(q, mid) < 0.4 and cx.line_distance(q, cx.line_through(a, b)) < 0.05]
        if not crowded:
            return mid
        w = measure_text(text, VALUE_SIZE)[0]
        shift = min(0.6 + w / 2, 0.35 * cx.dist(a, b))
        return cx.add(mid, cx.mul(cx.unit(cx.sub(b, a)), shift))

    def _dimension_of(self, pts: tuple[str, str]) -> Any:
        for s in self.lay.plan.strokes:
            if s.kind == "dimension" and {s.a, s.b} == set(pts):
                return s
        return None

    def _inside_of(self, pts: tuple[str, str]) -> cx.Vec:
        """The centre of the polygon that has this side, else of the whole figure."""
        for _, vt in self.lay.plan.polygons:
            if pts[0] in vt and pts[1] in vt:
                return cx.centroid([self.p[v] for v in vt])
        return self.center


def _overlap(a1: float, a2: float, b1: float, b2: float) -> bool:
    """True when two counter-clockwise angular intervals share more than a sliver."""
    def inside(t: float, lo: float, hi: float) -> bool:
        return (t - lo) % 360 < (hi - lo) % 360 or abs((hi - lo) % 360) < 1e-9

    mid_a, mid_b = a1 + ((a2 - a1) % 360) / 2, b1 + ((b2 - b1) % 360) / 2
    return inside(mid_a, b1, b2) or inside(mid_b, a1, a2)


def _clear_gap(text: str, size: float, direction: float, side_angle: float) -> float:
    """Gap that keeps a label box placed along ``direction`` clear of a line at ``side_angle``."""
    from scidsl.text import measure_text

    w, h, _ = measure_text(text, size)
    n = (math.cos(math.radians(direction)), math.sin(math.radians(direction)))
    u = (math.cos(math.radians(side_angle)), math.sin(math.radians(side_angle)))
    normal = abs(n[0] * -u[1] + n[1] * u[0])  # how squarely the direction leaves the line
    proj = (w / 2) * abs(u[1]) + (h / 2) * abs(u[0])  # half-size of the box across the line
    reach = min(w / 2 / abs(n[0]) if abs(n[0]) > 1e-9 else math.inf,
                h / 2 / abs(n[1]) if abs(n[1]) > 1e-9 else math.inf)
    return max(0.1, proj / max(normal, 0.3) - reach + 0.1)


def _inside(p: cx.Vec, box: tuple[float, float, float, float]) -> bool:
    eps = 1e-9
    return box[0] - eps <= p[0] <= box[2] + eps and box[1] - eps <= p[1] <= box[3] + eps


def _arc_points(o: cx.Vec, r: float, t1: float, t2: float, n: int = 48) -> list[cx.Vec]:
    span = (t2 - t1) % 360
    return [(o[0] + r * math.cos(math.radians(t1 + span * i / n)), o[1] + r * math.sin(math.radians(t1 + span * i / n)))
            for i in range(n + 1)]


def _point_text(name: str) -> str:
    """Point names as in textbooks: A, A₁ written A$_1$, B' kept."""
    head = name.rstrip("'")
    primes = name[len(head):]
    letters = head.rstrip("0123456789")
    digits = head[len(letters):]
    return f"${letters}_{{{digits}}}{primes}$" if digits else name
