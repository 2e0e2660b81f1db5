"""The solved solids in page centimetres: projected points, strokes split into visible and hidden parts, marks."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sympy as sp

from scidsl.domains.solids import kinds as k
from scidsl.domains.solids import project as pj
from scidsl.domains.solids.problem import Problem
from scidsl.domains.solids.shapes import ROUND_FACETS, Solid, top_radius
from scidsl.domains.solids.solve import Solution, as_expr
from scidsl.domains.solids.balls import hemisphere_faces, hemisphere_strokes

TARGET_CM = 9.0  # natural size of the figure's larger side
CIRCLE_STEPS = 240


@dataclass
class Stroke:
    """One drawn path: parts in page cm, each visible or hidden."""

    owner: str
    role: str  # edge, curve, segment
    parts: list[tuple[list[tuple[float, float]], bool]]
    color: str = "black"
    style: str = "auto"
    ends: tuple[str, str] | None = None  # the named points of an edge or segment


@dataclass
class LengthLabel:
    """A length written beside a segment."""

    a: tuple[float, float]
    b: tuple[float, float]
    text: str
    owner: str


@dataclass
class AngleMark:
    """An angle's arc (or right-angle square) and its label."""

    path: list[tuple[float, float]]
    label: str | None
    anchor: tuple[float, float]
    direction: float  # degrees on the page, from the vertex into the angle
    owner: str


@dataclass
class Layout:
    """Everything the renderer draws, plus the solved problem for facts and verification."""

    pb: Problem
    sol: Solution
    proj: pj.Projection
    scale: float  # page cm per scene length unit
    points3: dict[str, np.ndarray] = field(default_factory=dict)
    points2: dict[str, tuple[float, float]] = field(default_factory=dict)
    faces: list[pj.Face] = field(default_factory=list)
    occ: pj.OccluderSet = field(default_factory=lambda: pj.OccluderSet([]))
    strokes: list[Stroke] = field(default_factory=list)
    lengths: list[LengthLabel] = field(default_factory=list)
    angles: list[AngleMark] = field(default_factory=list)
    dots: list[str] = field(default_factory=list)
    fills: list[tuple[list[tuple[float, float]], str, str]] = field(default_factory=list)
    center2: tuple[float, float] = (0.0, 0.0)
    labels: dict[str, str] = field(default_factory=dict)  # point → text
    ticks: list[tuple[tuple[float, float], tuple[float, float], int, str]] = field(default_factory=list)
    numbers: dict[Any, float] = field(default_factory=dict, repr=False)  # expression → its float, once each

    def num(self, expr: Any) -> float:
        """The float of an expression in the solved values (the same few coordinates and radii recur often)."""
        key = as_expr(expr)
        if key not in self.numbers:
            self.numbers[key] = self.sol.numeric(key)
        return self.numbers[key]

    def p2(self, p: np.ndarray) -> tuple[float, float]:
        """A 3D point (scene units) on the page."""
        q = self.proj(np.asarray(p, float)) * self.scale
        return (float(q[0]), float(q[1]))

    def p2_many(self, points: Any) -> list[tuple[float, float]]:
        """3D points (scene units) on the page, each exactly as `p2` places it."""
        pts = np.asarray(points, float)
        if not len(pts):
            return []
        return [(x, y) for x, y in (self.proj.each(pts) * self.scale).tolist()]


def choose_projection(pb: Problem) -> pj.Projection:
    """The `view` statement's projection; default oblique for polyhedra, axonometric with round solids."""
    v = pb.view
    if v is not None and "projection" in v.model_fields_set:
        use_axo = v.projection == "axonometric"
    else:
        use_axo = any(s.round for s in pb.solids)
    if use_axo:
        az = math.degrees(v.azimuth.si) if v is not None else 25.0
        el = math.degrees(v.elevation.si) if v is not None else 20.0
        return pj.axonometric(az, el)
    ang = math.degrees(v.angle.si) if v is not None else 40.0
    return pj.oblique(ang, v.depth if v is not None else 0.5)


def make_layout(pb: Problem, sol: Solution) -> Layout:
    """Evaluate, project, and split every stroke by visibility."""
    proj = choose_projection(pb)
    lay = Layout(pb, sol, proj, 1.0)
    pts3 = lay.points3 = {n: np.array([lay.num(c) for c in p]) for n, p in pb.points.items()}
    _faces(lay)
    _fit_scale(lay)
    tol = 1e-7 * max(1.0, _extent3(lay))
    lay.points2 = {n: lay.p2(p) for n, p in pts3.items()}
    lay.occ = pj.occluders(lay.faces, proj, tol)
    for s in pb.solids:
        _solid_strokes(lay, s, tol)
    _marked(lay, tol)
    all2 = np.array(list(lay.points2.values()) or [(0.0, 0.0)])
    lay.center2 = (float(all2[:, 0].mean()), float(all2[:, 1].mean()))
    return lay


def _corners_and_points(lay: Layout) -> np.ndarray:
    """Every face corner and named point, as one n×3 array."""
    return np.concatenate([f.corners for f in lay.faces] + [np.reshape(list(lay.points3.values()), (-1, 3))])


def _extent3(lay: Layout) -> float:
    """The figure's largest extent along a scene axis."""
    a = _corners_and_points(lay)
    if not len(a):
        return 1.0
    return float(np.ptp(a, axis=0).max() or 1.0)


def _fit_scale(lay: Layout) -> None:
    """Scene units → page cm so that the figure's larger side is about TARGET_CM."""
    pts = [_corners_and_points(lay)]
    for s in lay.pb.solids:
        if isinstance(s.node, k.BALLS):
            c, r = _offset(lay, s), lay.num(s.params["radius"])
            pts += [c + r * np.array([d]) for d in ((1, 0, 0), (-1, 0, 0), (0, 0, 1), (0, 0, -1), (0, 1, 0), (0, -1, 0))]
    scr = lay.proj(np.concatenate(pts))
    if not len(scr):
        return
    ext = float(max(np.ptp(scr[:, 0]), np.ptp(scr[:, 1])))
    lay.scale = TARGET_CM / ext if ext > 0 else 1.0


def _offset(lay: Layout, s: Solid) -> np.ndarray:
    return np.array([lay.num(c) for c in s.offset])


def _params(lay: Layout, s: Solid) -> dict[str, float]:
    return {p: lay.num(v) for p, v in s.params.items()}


def _faces(lay: Layout) -> None:
    for s in lay.pb.solids:
        off = _offset(lay, s)
        if not s.round:
            verts = {n: np.array([lay.num(c) for c in p]) + off for n, p in s.points.items()}
            inside = np.mean([verts[n] for n in s.vertices], axis=0)
            for f in s.faces:
                lay.faces.append(pj.Face.make(np.array([verts[n] for n in f]), inside, s.key))
        elif isinstance(s.node, k.Hemisphere):
            lay.faces.extend(hemisphere_faces(s, off, lay.num(s.params["radius"])))
        elif not isinstance(s.node, k.Sphere):
            lay.faces.extend(_round_faces(lay, s, off))


def _circle(center: np.ndarray, r: float, n: int) -> np.ndarray:
    t = np.linspace(0.0, 2 * math.pi, n + 1)
    return np.stack([center[0] + r * np.cos(t), center[1] + r * np.sin(t), np.full_like(t, center[2])], axis=1)


def _round_faces(lay: Layout, s: Solid, off: np.ndarray) -> list[pj.Face]:
    p = _params(lay, s)
    r1, h = p["radius"], p["height"]
    r2 = lay.num(top_radius(s))
    n = ROUND_FACETS
    bottom = _circle(off, r1, n)[:-1]
    top = _circle(off + np.array([0, 0, h]), r2, n)[:-1]
    inside = off + np.array([0, 0, h / 3])
    faces = [pj.Face.make(bottom, inside, s.key)]
    if r2 > 0:
        faces.append(pj.Face.make(top, inside, s.key))
    nxt = np.roll(bottom, -1, axis=0)
    if r2 > 0:
        sides = np.stack([bottom, nxt, np.roll(top, -1, axis=0), top], axis=1)
    else:  # a cone: triangles meeting at the apex
        sides = np.stack([bottom, nxt, np.broadcast_to(top[0], bottom.shape)], axis=1)
    return faces + pj.Face.make_many(sides, inside, s.key)


def _add_path(lay: Layout, path: np.ndarray, owner: str, role: str, tol: float, **kw: Any) -> Stroke:
    hid = pj.hidden_mask(path, lay.occ, lay.proj, tol)
    parts = [(lay.p2_many(piece), h) for piece, h in pj.split_visible(path, hid)]
    stroke = Stroke(owner, role, parts, **kw)
    lay.strokes.append(stroke)
    return stroke


def _add_straight(lay: Layout, a: np.ndarray, b: np.ndarray, owner: str, role: str, tol: float,
                  occ: Any = None, **kw: Any) -> Stroke:
    parts = [(lay.p2_many(piece), h) for piece, h in pj.refine_segment(a, b, lay.occ if occ is None else occ,
                                                                         lay.proj, tol)]
    stroke = Stroke(owner, role, parts, **kw)
    lay.strokes.append(stroke)
    return stroke


def _solid_strokes(lay: Layout, s: Solid, tol: float) -> None:
    color = s.node.color
    if not s.round:
        for a, b in s.edges():
            _add_straight(lay, lay.points3[a], lay.points3[b], s.key, "edge", tol, color=color, ends=(a, b))
        if s.node.fill:
            _fill_faces(lay, s)
        return
    off = _offset(lay, s)
    p = _params(lay, s)
    r1 = p["radius"]
    if isinstance(s.node, k.Sphere):
        _sphere(lay, s, off, r1, color)
        return
    if isinstance(s.node, k.Hemisphere):
        hemisphere_strokes(lay, s, off, r1, tol)
        return
    h = p["height"]
    r2 = lay.num(top_radius(s))
    for z, r in ((0.0, r1), (h, r2)):
        if r > 0:
            _add_path(lay, _circle(off + np.array([0, 0, z]), r, CIRCLE_STEPS), s.key, "curve", tol, color=color)
    angles = _silhouette_angles(lay.proj.d, r1, r2, h)
    # a silhouette is the solid's own outline: only other solids can hide it (tested against its own
    # faces, the generator of a thin cone read as hidden for its last millimetre at the apex)
    others = pj.OccluderSet([o for o in lay.occ.items if o.face.owner != s.key]) if angles else None
    for phi in angles:
        a = off + np.array([r1 * math.cos(phi), r1 * math.sin(phi), 0.0])
        b = off + np.array([r2 * math.cos(phi), r2 * math.sin(phi), h])
        _add_straight(lay, a, b, s.key, "curve", tol, color=color, occ=others)


def _silhouette_angles(d: np.ndarray, r1: float, r2: float, h: float) -> list[float]:
    """Angles of the generators along which the lateral surface turns away from the viewer."""
    rho = math.hypot(d[0], d[1])
    if rho < 1e-12:
        return []
    c = -(r1 - r2) * d[2] / (h * rho)
    if abs(c) >= 1:
        return []
    psi = math.atan2(d[1], d[0])
    return [psi + math.acos(c), psi - math.acos(c)]


def _sphere(lay: Layout, s: Solid, c: np.ndarray, r: float, color: str) -> None:
    d = lay.proj.d / np.linalg.norm(lay.proj.d)
    e1 = np.cross(d, [0.0, 0.0, 1.0])
    e1 = e1 / np.linalg.norm(e1) if np.linalg.norm(e1) > 1e-9 else np.array([1.0, 0.0, 0.0])
    e2 = np.cross(d, e1)
    t = np.linspace(0.0, 2 * math.pi, CIRCLE_STEPS + 1)[:, None]
    outline = c + r * (np.cos(t) * e1 + np.sin(t) * e2)
    lay.strokes.append(Stroke(s.key, "curve", [(lay.p2_many(outline), False)], color))
    equator = _circle(c, r, CIRCLE_STEPS)
    hidden = (equator - c) @ lay.proj.d > 1e-9 * r  # the far half of the sphere
    lay.strokes.append(Stroke(s.key, "curve", [(lay.p2_many(piece), h)
                                              for piece, h in pj.split_visible(equator, hidden)], color))


def _fill_faces(lay: Layout, s: Solid) -> None:
    for f in lay.faces:
        if f.owner == s.key and np.dot(f.normal, lay.proj.d) < 0:
            lay.fills.append((lay.p2_many(f.corners), s.node.fill, s.key))


# --- segments, lengths, angles ----------------------------------------------------------------------


def _edge_set(lay: Layout) -> set[frozenset[str]]:
    return {frozenset(e) for s in lay.pb.solids if not s.round for e in s.edges()}


def _marked(lay: Layout, tol: float) -> None:
    pb = lay.pb
    drawn = _edge_set(lay)
    for m in pb.segments:
        a, b = m.points
        _add_straight(lay, lay.points3[a], lay.points3[b], m.owner, "segment", tol, color=m.color,
                      style=m.style, ends=(a, b))
        drawn.add(frozenset(m.points))
        if m.text:
            lay.lengths.append(LengthLabel(lay.points2[a], lay.points2[b], m.text, m.owner))
        if m.ticks:
            lay.ticks.append((lay.points2[a], lay.points2[b], m.ticks, m.owner))
    for m in pb.lengths:
        a, b = m.points
        if frozenset(m.points) not in drawn:
            _add_straight(lay, lay.points3[a], lay.points3[b], m.owner, "segment", tol, ends=(a, b))
            drawn.add(frozenset(m.points))
        lay.lengths.append(LengthLabel(lay.points2[a], lay.points2[b], m.text or "", m.owner))
    _dimension_labels(lay, tol, drawn)
    for m in pb.angles:
        a, v, b = m.points
        for arm in ((v, a), (v, b)):  # an angle is marked between drawn arms
            if frozenset(arm) not in drawn:
                _add_straight(lay, lay.points3[arm[0]], lay.points3[arm[1]], m.owner, "segment", tol, ends=arm)
                drawn.add(frozenset(arm))
        _angle_mark(lay, m.points, m.text, m.owner)
    for name, node in pb.extra_points:
        if node.dot:
            lay.dots.append(name)
        if node.label:
            lay.labels[name] = node.label
    for s in pb.solids:
        if s.round:
            lay.dots.extend(n for n in s.node.point_fields().values() if n not in lay.dots)


def _dimension_labels(lay: Layout, tol: float, drawn: set[frozenset[str]]) -> None:
    """The stated dimensions of each solid, written on the edge or segment they measure."""
    for s in lay.pb.solids:
        if not s.node.show_dimensions:
            continue
        for prop, (a, b) in _dimension_places(lay, s).items():
            q = getattr(s.node, prop, None)
            if q is None:
                continue
            key = frozenset((a, b)) if isinstance(a, str) and isinstance(b, str) else None
            pa = lay.points3[a] if isinstance(a, str) else a
            pb_ = lay.points3[b] if isinstance(b, str) else b
            if key is None or key not in drawn:
                _add_straight(lay, pa, pb_, f"{s.key}.{prop}", "segment", tol, color=s.node.color)
                if key is not None:
                    drawn.add(key)
            lay.lengths.append(LengthLabel(lay.p2(pa), lay.p2(pb_), q.pretty(), f"{s.key}.{prop}"))


def _dimension_places(lay: Layout, s: Solid) -> dict[str, tuple[Any, Any]]:
    """Where each dimension property is written: two named points or two 3D points."""
    node, names = s.node, s.node.vertex_names()
    off = _offset(lay, s)
    if isinstance(node, (k.Cuboid, k.Cube)):
        def page(*ends: int) -> list[tuple[float, float]]:
            return [lay.points2[names[e]] for e in ends]

        # the length and the width go on the lowest of their four edges on the page and the height on the
        # leftmost upright edge: the outline, with free room beside it
        length = min(((0, 1), (3, 2), (4, 5), (7, 6)), key=lambda e: sum(y for _, y in page(*e)))
        width = min(((1, 2), (0, 3), (5, 6), (4, 7)), key=lambda e: sum(y for _, y in page(*e)))
        i = min(range(4), key=lambda j: sum(x for x, _ in page(j, j + 4)))
        return {"length": (names[length[0]], names[length[1]]), "side": (names[length[0]], names[length[1]]),
                "width": (names[width[0]], names[width[1]]), "height": (names[i], names[i + 4])}
    if isinstance(node, k.Prism):
        n = len(names) // 2
        # the height goes on the rightmost lateral edge, where there is room beside it
        i = max(range(n), key=lambda j: lay.points2[names[j]][0] + lay.points2[names[n + j]][0])
        return {"side": (names[0], names[1]), "height": (names[i], names[n + i])}
    if isinstance(node, k.Tetrahedron):
        return {"side": (names[0], names[1])}
    if isinstance(node, k.Pyramid):
        apex, ring = names[0], names[1:]
        centre = np.array([lay.points3[apex][0], lay.points3[apex][1], off[2]])
        a, b = lay.points3[ring[0]], lay.points3[ring[1]]
        return {"side": (ring[0], ring[1]), "length": (ring[0], ring[1]), "width": (ring[1], ring[2]),
                "height": (apex, _named_at(lay, centre) or centre), "edge": (apex, ring[0]),
                "slant_height": (apex, _named_at(lay, (a + b) / 2) or (a + b) / 2)}
    p = _params(lay, s)
    r1, h = p["radius"], p.get("height", 0.0)
    r2 = lay.num(top_radius(s)) if not isinstance(node, k.BALLS) else 0.0
    c0, c1 = off, off + np.array([0, 0, h])
    if isinstance(node, k.BALLS):
        return {"radius": (_named_at(lay, c0) or c0, _named_at(lay, c0 + [r1, 0, 0]) or c0 + np.array([r1, 0, 0]))}
    centre, rims = c1 if isinstance(node, k.Cylinder) else c0, _rims(lay, s)
    radius_at = (centre, _radius_end(lay, rims, centre, r1))
    out = {"radius": tuple(_named_at(lay, q) or q for q in radius_at),
           "height": (_named_at(lay, c0) or c0, _named_at(lay, c1) or c1),
           "slant_height": (_named_at(lay, c0 + [r1, 0, 0]) or c0 + np.array([r1, 0, 0]),
                     _named_at(lay, c1 + [r2, 0, 0]) or c1 + np.array([r2, 0, 0]))}
    if isinstance(node, k.Frustum):
        top_end = _top_rim_end(lay, c0, radius_at[1], c1, r2)
        out["top_radius"] = (_named_at(lay, c1) or c1,
                             top_end if isinstance(top_end, str) else _radius_end(lay, rims, c1, r2, top_end))
    return out


_RADII_APART_CM = 0.6  # room between the top radius's end and the base radius for the top one's value
# A drawn radius must not run beside the solid's own outlines (a face seen almost edge-on is a flat ellipse,
# and the other face's rim then passes right by the centre): within this band over this length of its
# middle, another direction on the face is taken.
_BESIDE_CM, _BESIDE_RUN_CM, _ENDS_CM, _SAMPLE_CM = 0.05, 0.25, 0.12, 0.02
_RADIUS_TURNS = (0.0, -30.0, 30.0, -60.0, 60.0, -90.0, 90.0, 180.0)  # degrees about the axis, +x first


def _rims(lay: Layout, s: Solid) -> Any:
    """The solid's own outlines on the page (rims and silhouettes), prepared; None when it has none."""
    import shapely

    outlines = [piece for st in lay.strokes if st.owner == s.key and st.role == "curve"
                for piece, _ in st.parts if len(piece) > 1]
    if not outlines:
        return None
    rims = shapely.multilinestrings([shapely.linestrings(piece) for piece in outlines])
    shapely.prepare(rims)
    return rims


def _radius_end(lay: Layout, rims: Any, centre: np.ndarray, r: float, first: Any = None) -> np.ndarray:
    """Where a drawn radius meets the rim: at `first` (else along +x), unless that runs beside one of the
    solid's outlines `rims` on the page; then the first turn about the axis that keeps clear of them (the
    first end when none does)."""
    import shapely

    ends = ([first] if first is not None else []) + [
        centre + r * np.array([math.cos(math.radians(t)), math.sin(math.radians(t)), 0.0]) for t in _RADIUS_TURNS]
    if rims is None:
        return ends[0]
    a = np.array(lay.p2(centre))
    for end in ends:
        b = np.array(lay.p2(end))
        length = float(np.linalg.norm(b - a))
        cut = min(0.25, _ENDS_CM / max(length, 1e-9))  # where it meets the axis and its rim
        n = max(2, int(length * (1 - 2 * cut) / _SAMPLE_CM) + 1)
        samples = shapely.points(a + np.linspace(cut, 1 - cut, n)[:, None] * (b - a))
        beside = np.count_nonzero(shapely.dwithin(rims, samples, _BESIDE_CM)) * length * (1 - 2 * cut) / (n - 1)
        if beside < _BESIDE_RUN_CM:
            return end
    return ends[0]


def _top_rim_end(lay: Layout, c0: np.ndarray, base_end: Any, c1: np.ndarray, r2: float) -> Any:
    """Where a frustum's top radius meets the rim: along +x, unless its end then lies right by the base
    radius c0–base_end on the page (a flat frustum seen from above), where its value would be written
    over the other radius; then on the other side."""
    ahead = c1 + np.array([r2, 0, 0])
    named = _named_at(lay, ahead)
    if named is not None:
        return named
    end, a, b = (np.array(lay.p2(q)) for q in (ahead, c0, base_end))
    ab = b - a
    t = float(np.clip(np.dot(end - a, ab) / max(float(np.dot(ab, ab)), 1e-12), 0.0, 1.0))
    if float(np.linalg.norm(end - (a + t * ab))) >= _RADII_APART_CM:
        return ahead
    return _named_at(lay, c1 - np.array([r2, 0, 0])) or c1 - np.array([r2, 0, 0])


def _named_at(lay: Layout, q: np.ndarray) -> str | None:
    for n, p in lay.points3.items():
        if np.allclose(p, q, atol=1e-9 * max(1.0, float(np.abs(q).max()))):
            return n
    return None


def _angle_mark(lay: Layout, pts: tuple[str, ...], text: str | None, owner: str) -> None:
    a, v, b = (lay.points3[p] for p in pts)
    u, w = a - v, b - v
    lu, lw = float(np.linalg.norm(u)), float(np.linalg.norm(w))
    if lu < 1e-12 or lw < 1e-12:
        return
    u, w = u / lu, w / lw
    cosang = float(np.clip(np.dot(u, w), -1.0, 1.0))
    theta = math.acos(cosang)
    perp = w - cosang * u
    if np.linalg.norm(perp) < 1e-12:
        return
    perp = perp / np.linalg.norm(perp)
    r = _mark_radius(lay, v, u, w, min(lu, lw))
    if abs(cosang) < 1e-9:
        s = 0.7 * r
        path3 = [v + s * u, v + s * (u + w), v + s * w]
    else:
        ts = np.linspace(0.0, theta, 40)
        path3 = [v + r * (math.cos(t) * u + math.sin(t) * perp) for t in ts]
    mid = math.cos(theta / 2) * u + math.sin(theta / 2) * perp
    v2, m2 = np.array(lay.p2(v)), np.array(lay.p2(v + r * mid))
    direction = math.degrees(math.atan2(m2[1] - v2[1], m2[0] - v2[0]))
    if text is None:
        label = None
    elif text == "":
        label = f"{math.degrees(theta):.4g}°"
    else:
        label = text
    lay.angles.append(AngleMark(lay.p2_many(path3), label, (float(m2[0]), float(m2[1])), direction, owner))


def _mark_radius(lay: Layout, v: np.ndarray, u: np.ndarray, w: np.ndarray, arm: float) -> float:
    """A 3D radius whose drawn arc is about 0.55 cm, never longer than 40 % of the shorter arm."""
    screen = [np.linalg.norm(np.array(lay.p2(v + x)) - np.array(lay.p2(v))) for x in (u, w)]
    per_unit = max(min(screen), 1e-9)
    return float(min(0.55 / per_unit, 0.4 * arm))


def exact(sol: Solution, expr: Any) -> Any:
    """An expression in the solved values, in its simplest exact form.

    The value is evaluated to 40 digits and recognised as a rational, the square root of one, or a rational
    multiple of π (denominators up to 10⁴, agreement to 25 digits); otherwise a short expression is
    simplified, and a long one is kept as a 15-digit number.
    """
    e = as_expr(expr).subs(sol.values)
    if e.is_Rational and e.q <= 10**4:
        return e  # what the search below finds first for such a number, without evaluating it to 40 digits
    value = sp.N(e, 40)
    if not value.is_real:
        return e
    sign = 1 if value >= 0 else -1
    for form, target in (("rational", value), ("sqrt", value ** 2), ("pi", value / sp.pi)):
        r = _rational_near(target)
        if r is None or (form == "sqrt" and r <= 0):
            continue
        return {"rational": r, "sqrt": sign * sp.sqrt(r), "pi": r * sp.pi}[form]
    if sp.count_ops(e) < 40:
        return sp.radsimp(sp.simplify(e))
    return sp.Float(value, 15)


def _rational_near(x: Any) -> Any:
    """A rational with a denominator up to 10⁴ equal to x to 25 digits, or None."""
    approx = sp.Rational(float(x)).limit_denominator(10**4)
    if abs(float(sp.N(approx - x, 40))) <= 1e-25 * max(1.0, abs(float(x))):
        return approx
    return None
