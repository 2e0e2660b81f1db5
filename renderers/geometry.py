"""Renderer of plane geometry: solved coordinates → strokes, marks and labels (page centimetres)."""
from __future__ import annotations

import math
import re
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
INK_CLEAR = 0.2  # cm a side label keeps from the strokes around it
NAME_INK_CLEAR = 0.14  # cm a point name keeps from the strokes leaving its point
NAME_CLEAR = 0.5  # cm a side label keeps from point names, so that it is not read as part of one
LINE_SPOTS = (0.86, 0.8, 0.92, 0.74, 0.68, 0.62, 0.56, 0.5, 0.14, 0.2, 0.26, 0.32, 0.38, 0.44)
SIDE_SPOTS = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74)
LINE_NAME = re.compile(r"[a-z](\d*|'*)")  # line names written in the figure, like point names
_DASH = {"solid": None, "dashed": "dashed", "dotted": "dotted"}


def render_layout(lay: Layout) -> Drawing:
    """Everything the figure shows."""
    r = _Renderer(lay)
    r.fills()
    r.strokes()
    r.circles()
    r.marks()
    r.points()
    r.side_labels()
    r.dimensions()
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
        self.pending_sides: list[tuple[tuple[str, str], str, str]] = []
        self.auto_dims: list[tuple[tuple[str, str], str, str]] = []
        self.name_boxes: list[Any] = []  # where point names will most likely go

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
            text = node.label or (f"${name}$" if LINE_NAME.fullmatch(name) else None)
            if text:
                self.out.labels.append(LabelSpec(text, pts[1], name, size=LABEL_SIZE,
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
            if s.kind == "dimension":
                self._dimension((s.a, s.b), s.label or self.dim_labels.get(id(s)), s.owner)
        for pts, text, owner in self.auto_dims:
            self._dimension(pts, text, owner)

    def _dimension(self, pts: tuple[str, str], text: str | None, owner: str) -> None:
        """One dimension line with short extension lines from the segment's ends."""
        a, b = self.p[pts[0]], self.p[pts[1]]
        inside = self._inside_of(pts)
        p, q, mid = mk.dimension_line(a, b, inside)
        n = mk.outward_normal(a, b, inside)
        thin = Stroke(width=MARK_W * 0.7)
        for end in (a, b):
            self.out.items.append(Line((cx.add(end, cx.mul(n, 0.12)), cx.add(end, cx.mul(n, mk.DIM_OFFSET + 0.12))),
                                       False, thin, owner=owner, role="dimension"))
        self.out.items.append(Line((p, q), False, Stroke(width=MARK_W), arrow="both", owner=owner,
                                   role="dimension"))
        if text:
            gap = _clear_gap(text, VALUE_SIZE, cx.polar_deg(n), cx.polar_deg(cx.sub(b, a)))
            # Further from crossing strokes than a side label: a label by a line's end reads as its name.
            # Point names on the segment are on the other side of the dimension line.
            at = self._slide_anchor(p, q, cx.polar_deg(n), gap, text, clear_by=2 * INK_CLEAR, names=False)
            self.out.labels.append(LabelSpec(text, at, owner, size=VALUE_SIZE, prefer=(cx.polar_deg(n),),
                                             distance=gap))

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
        text = m.label
        if text == "=value":
            text = f"{cx.angle_deg(a, v, b):.4g}°"
        arc = mk.angle_arc(v, a, b, count=m.count)
        spot = self._angle_label_spot(v, a, b, arc, text) if text else None
        if spot is not None and spot[1] > arc.radii[-1] + 0.3:
            # The label only fits far out in a narrow wedge: the arc grows to meet it, so that the
            # label stays next to the arc it belongs to.
            arm = min(cx.dist(v, a), cx.dist(v, b))
            grown = min(spot[1] - 0.1 - 0.09 * (m.count - 1), 0.8 * arm)
            arc = mk.angle_arc(v, a, b, count=m.count, radius=max(grown, arc.radii[0]))
        arc = self._free_arc(m.points[1], v, a, b, arc, m.count)
        st = Stroke(width=MARK_W, zorder=3)
        for r in arc.radii:
            self.out.items.append(Arc(v, r, arc.theta1, arc.theta2, st, owner=owner, role="mark"))
        for p, q in mk.arc_ticks(v, arc.radii[-1], arc.theta1, arc.theta2, m.arc_ticks):
            self.out.items.append(Line((p, q), False, st, owner=owner, role="mark"))
        if spot is not None:
            direction, _ = spot
            near = max(spot[1], arc.radii[-1] + 0.06)
            u = (math.cos(math.radians(direction)), math.sin(math.radians(direction)))
            self.out.labels.append(LabelSpec(text, cx.add(v, cx.mul(u, near)), owner, size=VALUE_SIZE,
                                             prefer=(direction, direction + 8, direction - 8), distance=0.0,
                                             may_touch=(owner,)))

    def _angle_label_spot(self, v: cx.Vec, a: cx.Vec, b: cx.Vec, arc: Any, text: str) -> tuple[float, float]:
        """Direction and distance from the vertex of an angle's value label: inside the angle, in the
        widest of the wedges that strokes from the vertex cut it into, as near the vertex as it fits."""
        from scidsl.text import measure_text

        w, h, _ = measure_text(text, VALUE_SIZE)
        t1, t2 = arc.theta1, arc.theta2
        inner = sorted({t1 + (cx.polar_deg(cx.sub(q, v)) - t1) % 360 for q in self._rays_at(v)} |
                       {t1, t2})
        inner = [t for t in inner if t1 - 1e-6 <= t <= t2 + 1e-6]
        wedges = [(hi - lo, lo, hi) for lo, hi in zip(inner, inner[1:]) if hi - lo > 1e-6]
        mid = (t1 + t2) / 2
        if not wedges:
            return mid, arc.radii[-1] + 0.06
        # The widest wedge; among nearly as wide ones, the one nearest the angle's middle.
        widest = max(wd for wd, _, _ in wedges)
        _, lo, hi = min((abs((lo + hi) / 2 - mid), lo, hi) for wd, lo, hi in wedges if wd >= 0.9 * widest)
        direction = (lo + hi) / 2
        rays = [_ray(v, lo), _ray(v, hi)]
        d = arc.radii[-1] + 0.06
        while d < 4.0 and any(r.distance(_label_box(v, direction, d, w, h)) < 0.12 for r in rays):
            d += 0.04
        return direction, d

    def _rays_at(self, v: cx.Vec) -> list[cx.Vec]:
        """Far ends of the straight strokes that leave the point v."""
        out = []
        for item in self.out.items:
            if isinstance(item, Line) and item.role == "line" and item.stroke.visible:
                for p, q in zip(item.points, item.points[1:]):
                    if cx.dist(p, q) > 1e-9 and cx.line_distance(v, cx.line_through(p, q)) < 1e-6 \
                            and cx.dot(cx.sub(p, v), cx.sub(q, v)) <= 1e-12:
                        out += [e for e in (p, q) if cx.dist(e, v) > 1e-6]
        return out

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
        if self._split_right_angle(v, a, b):
            # A stroke runs from the vertex through the right angle: it stops at the square
            # instead of crossing it, so the square stays a clean mark.
            shrink = LINE_W / 72 * 2.54
            u, w = cx.unit(cx.sub(pts[0], v)), cx.unit(cx.sub(pts[2], v))
            lo = cx.add(v, cx.mul(cx.add(u, w), shrink))
            hole = (lo, cx.add(pts[0], cx.mul(w, shrink)), pts[1], cx.add(pts[2], cx.mul(u, shrink)))
            self.out.items.append(Line(hole, True, Stroke(color="white", fill="white", visible=False, zorder=2.5),
                                       owner="mark", role="mark"))
        self.out.items.append(Line(tuple(pts), False, Stroke(width=MARK_W, zorder=3), owner="mark", role="mark"))

    def _split_right_angle(self, v: cx.Vec, a: cx.Vec, b: cx.Vec) -> bool:
        """True when a stroke leaves the vertex inside the angle avb."""
        t1, t2 = mk.angle_span(v, a, b)
        return any(1.0 < (cx.polar_deg(cx.sub(q, v)) - t1) % 360 < t2 - t1 - 1.0 for q in self._rays_at(v))

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

    def _chevrons(self, a: cx.Vec, b: cx.Vec, count: int, spots: tuple[float, ...] = (0.5,)) -> None:
        """Parallel chevrons on ab, all of one class pointing the same way, at the first of ``spots``
        (fractions of ab) where they keep clear of every point and crossing stroke."""
        d = cx.unit(cx.sub(b, a))
        first = self.arrow_dirs.setdefault(count, d)
        if cx.dot(first, d) < 0:
            a, b = b, a
            spots = tuple(1 - t for t in spots)
        t = next((t for t in spots if self._chevron_free(cx.divide(a, b, t), count, a, b)), spots[0])
        for chev in mk.parallel_arrows(a, b, count, at=t):
            self.out.items.append(Line(tuple(chev), False, Stroke(width=MARK_W, zorder=3), owner="mark",
                                       role="mark"))

    def _chevron_free(self, at: cx.Vec, count: int, a: cx.Vec, b: cx.Vec) -> bool:
        """True when chevrons centred near ``at`` stay clear of points and of strokes crossing ab."""
        reach = mk.ARROW_SIZE * (0.75 * count + 1) / 2 + 0.35
        if any(cx.dist(q, at) < reach for n, q in self.p.items() if not n.startswith("_")):
            return False
        for item in self.out.items:
            if isinstance(item, Line) and item.role == "line" and item.stroke.visible:
                for p, q in zip(item.points, item.points[1:]):
                    x = _crossing(a, b, p, q)
                    if x is not None and cx.dist(x, at) < reach:
                        return False
        return True

    def _mark_arrows(self, m: Any) -> None:
        a, b = self.p[m.points[0]], self.p[m.points[1]]
        if any(s.kind == "line" and {s.a, s.b} == set(m.points) for s in self.lay.plan.strokes):
            # On a whole line: towards its end, away from the points on it and the lines crossing it.
            p, q = self._clip(a, cx.unit(cx.sub(b, a)), both=True)
            self._chevrons(p, q, m.count, LINE_SPOTS)
            return
        self._chevrons(a, b, m.count, SIDE_SPOTS)

    def _mark_arrows_line(self, m: Any) -> None:
        q, d = self.lay.lines[m.points[0]]
        a, b = self._clip(q, d, both=True)
        self._chevrons(a, b, m.count, LINE_SPOTS)
        if len(m.points) == 3:
            self._chevrons(self.p[m.points[1]], self.p[m.points[2]], m.count, SIDE_SPOTS)

    def _mark_measure(self, m: Any) -> None:
        """A hidden measure: nothing is drawn."""

    def _mark_side_label(self, m: Any) -> None:
        text = m.label or ""
        if text == "=value":
            length = cx.dist(self.p[m.points[0]], self.p[m.points[1]]) / self.lay.scale
            text = f"{length:.4g}"
        self._side_label((m.points[0], m.points[1]), text, "".join(m.points))

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
        from scidsl.text import measure_text

        nodes = self.lay.plan.point_nodes
        ink = [g for g, _ in self._ink(dots=False)]
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
            distance = self._name_distance(pos, text, prefer[0], ink)
            w, h, _ = measure_text(text, LABEL_SIZE)
            self.name_boxes.append(_label_box(pos, prefer[0], distance, w, h))
            self.out.labels.append(LabelSpec(text, pos, f"point {name}", size=LABEL_SIZE, prefer=prefer,
                                             distance=distance))

    def _name_distance(self, pos: cx.Vec, text: str, angle: float, ink: list[Any]) -> float:
        """The smallest gap from a point to its name that keeps the name clear of the strokes beside it."""
        from scidsl.text import measure_text

        w, h, _ = measure_text(text, LABEL_SIZE)
        near = [g for g in ink if g.distance(_label_box(pos, angle, 0.1, w, h)) < 0.6]
        d = 0.1
        while d < 0.4 and any(g.distance(_label_box(pos, angle, d, w, h)) < NAME_INK_CLEAR for g in near):
            d += 0.03
        return d if d < 0.4 else 0.1

    def _side_label(self, pts: tuple[str, str], text: str, owner: str) -> None:
        """Remember a length label; it is placed once every stroke and mark is drawn."""
        self.pending_sides.append((pts, text, owner))

    def side_labels(self) -> None:
        """Length labels: on a dimension line when one is drawn or the segment is divided, else beside
        the middle of the segment, outside the figure and clear of the strokes around it."""
        for pts, text, owner in self.pending_sides:
            dim = self._dimension_of(pts)
            if dim is not None:
                self.dim_labels[id(dim)] = text
            elif self._divided(pts, text):
                # A label beside the middle would sit beside one part only and read as that part's length.
                self.auto_dims.append((pts, text, owner))
            else:
                self._place_side_label(pts, text, owner)

    def _divided(self, pts: tuple[str, str], text: str) -> bool:
        """True when a named point or a crossing stroke splits the segment so near its middle that a
        label there would sit beside one part only and read as that part's length."""
        from scidsl.text import measure_text

        a, b = self.p[pts[0]], self.p[pts[1]]
        mid = cx.midpoint(a, b)
        near = measure_text(text, VALUE_SIZE)[0] / 2 + 0.45
        splits = [q for n, q in self.p.items() if n not in pts and not n.startswith("_")]
        for item in self.out.items:
            if isinstance(item, Line) and item.role == "line" and item.stroke.visible:
                splits += [x for p, q in zip(item.points, item.points[1:]) for x in [_crossing(a, b, p, q)] if x]
        return any(_inner_t(a, b, q) is not None and cx.dist(q, mid) < near for q in splits)

    def _place_side_label(self, pts: tuple[str, str], text: str, owner: str) -> None:
        """Beside the point of the segment nearest its middle where the label keeps clear of other ink."""
        a, b = self.p[pts[0]], self.p[pts[1]]
        prefer = mk.side_label_prefer(a, b, self._inside_of(pts))
        gap = _clear_gap(text, VALUE_SIZE, prefer[0], cx.polar_deg(cx.sub(b, a)))
        if any(m.kind in ("ticks", "arrows") and set(m.points) == set(pts) for m in self.lay.plan.marks):
            gap += 0.12  # keep clear of the tick or arrow in the middle of the side
        at = self._slide_anchor(a, b, prefer[0], gap, text)
        self.out.labels.append(LabelSpec(text, at, owner, size=VALUE_SIZE, prefer=prefer, distance=gap))

    def _slide_anchor(self, a: cx.Vec, b: cx.Vec, angle: float, gap: float, text: str,
                      clear_by: float = INK_CLEAR, names: bool = True) -> cx.Vec:
        """The point of ab nearest its middle from which a label, set off along ``angle``, keeps clear of
        other strokes and of the places of point names (marks on ab itself aside)."""
        from scidsl.text import measure_text

        w, h, _ = measure_text(text, VALUE_SIZE)
        ink = [g for g, piece in self._ink() if piece is None or not _along(piece, a, b)]
        # Point names are not placed yet: keep further from where they will most likely go.
        if names:
            ink += [g.buffer(NAME_CLEAR - INK_CLEAR) for g in self.name_boxes]
        best, best_clear = 0.5, -1.0
        for t in (0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7):
            box = _label_box(cx.divide(a, b, t), angle, gap, w, h)
            clear = min((g.distance(box) for g in ink), default=math.inf)
            if clear >= clear_by:
                return cx.divide(a, b, t)
            if clear > best_clear + 0.02:
                best, best_clear = t, clear
        return cx.divide(a, b, best)

    def _ink(self, dots: bool = True) -> list[tuple[Any, tuple[cx.Vec, cx.Vec] | None]]:
        """Shapes drawn so far, each with its straight piece when it is one."""
        from scidsl.labels import stroke_geometry

        out = []
        for item in self.out.items:
            if isinstance(item, Dot) and not dots:
                continue
            if isinstance(item, Line) and item.stroke.visible and not item.stroke.hatch and len(item.points) >= 2:
                for p, q in zip(item.points, item.points[1:] + ((item.points[0],) if item.closed else ())):
                    out.append((stroke_geometry(Line((p, q), False, item.stroke)), (p, q)))
                continue
            g = stroke_geometry(item)
            if g is not None and not g.is_empty:
                out.append((g, None))
        return out

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


def _inner_t(a: cx.Vec, b: cx.Vec, q: cx.Vec, margin: float = 0.08) -> float | None:
    """Where q lies along ab (0..1), when it lies on ab and away from both ends, else None."""
    ab = cx.sub(b, a)
    length2 = cx.dot(ab, ab)
    if length2 < 1e-12 or cx.line_distance(q, cx.line_through(a, b)) > 0.02:
        return None
    t = cx.dot(cx.sub(q, a), ab) / length2
    return t if margin < t < 1 - margin else None


def _crossing(a: cx.Vec, b: cx.Vec, p: cx.Vec, q: cx.Vec) -> cx.Vec | None:
    """The point where segments ab and pq cross (not merely touch or overlap), if any."""
    d1, d2 = cx.sub(b, a), cx.sub(q, p)
    den = d1[0] * d2[1] - d1[1] * d2[0]
    if abs(den) < 1e-9 * max(cx.dot(d1, d1) * cx.dot(d2, d2), 1e-12) ** 0.5:
        return None
    w = cx.sub(p, a)
    t = (w[0] * d2[1] - w[1] * d2[0]) / den
    u = (w[0] * d1[1] - w[1] * d1[0]) / den
    return cx.add(a, cx.mul(d1, t)) if 1e-6 < t < 1 - 1e-6 and 1e-6 < u < 1 - 1e-6 else None


def _along(piece: tuple[cx.Vec, cx.Vec], a: cx.Vec, b: cx.Vec) -> bool:
    """True when a straight piece lies along ab (ab itself, a line through it) or is a short mark across
    ab (a tick or an arrow on it)."""
    ln = cx.line_through(a, b)
    if all(cx.line_distance(p, ln) < 1e-6 for p in piece):
        return True
    ab = cx.sub(b, a)
    within = all(0.0 < cx.dot(cx.sub(p, a), ab) / max(cx.dot(ab, ab), 1e-12) < 1.0 for p in piece)
    return within and cx.dist(*piece) < 0.4 and all(cx.line_distance(p, ln) < 0.25 for p in piece)


def _ray(v: cx.Vec, angle: float, length: float = 20.0) -> Any:
    """A half-line from v (as a long shapely segment)."""
    from shapely.geometry import LineString

    u = (math.cos(math.radians(angle)), math.sin(math.radians(angle)))
    return LineString([v, cx.add(v, cx.mul(u, length))])


def _label_box(anchor: cx.Vec, angle: float, gap: float, w: float, h: float) -> Any:
    """The box a label of size w×h takes when placed at ``gap`` from ``anchor`` along ``angle``."""
    from shapely.geometry import box

    ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    reach = min(w / 2 / abs(ux) if abs(ux) > 1e-9 else math.inf, h / 2 / abs(uy) if abs(uy) > 1e-9 else math.inf)
    c = (anchor[0] + ux * (gap + reach), anchor[1] + uy * (gap + reach))
    return box(c[0] - w / 2, c[1] - h / 2, c[0] + w / 2, c[1] + h / 2)


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
    marks = r"\prime" * len(primes)  # a full-size prime: ' in mathtext reads as an accent
    base, _, sub = head.partition("_")
    if sub and base.isascii() and base.isalpha() and sub.isascii() and sub.isalnum():
        return f"${base}_{{{sub}}}{marks}$"  # C_x is written Cₓ, A_12 A₁₂
    letters = head.rstrip("0123456789")
    digits = head[len(letters):]
    if not digits or not letters.isalpha():
        return name
    return f"${letters}_{{{digits}}}{marks}$"
