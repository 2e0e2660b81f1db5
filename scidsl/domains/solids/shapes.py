"""Solids in symbolic 3D: dimension symbols, named points, faces and round outlines (sympy)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from scidsl.domains.solids import kinds as k

Vec = tuple[Any, Any, Any]  # three sympy expressions

# nominal proportions of each solid: a free dimension is drawn as nominal × the solid's scale
NOMINAL: dict[str, dict[str, float]] = {
    "cuboid": {"width": 4, "height": 3, "length": 6}, "cube": {"side": 4},
    "prism": {"side": 4, "height": 6}, "pyramid": {"side": 4, "width": 4, "length": 5, "height": 5},
    "tetrahedron": {"side": 5}, "cylinder": {"radius": 2, "height": 5}, "cone": {"radius": 2, "height": 4.5},
    "frustum": {"top_radius": 1.8, "radius": 3, "height": 3}, "sphere": {"radius": 3},
    "hemisphere": {"radius": 3},
}
ROUND_FACETS = 72


@dataclass
class Solid:
    """One solid: its dimension symbols, named points (local, base centre at the origin) and faces."""

    node: Any
    key: str  # the name, or `cone 1` for an unnamed round solid
    params: dict[str, sp.Symbol] = field(default_factory=dict)
    points: dict[str, Vec] = field(default_factory=dict)
    vertices: list[str] = field(default_factory=list)  # polyhedra: vertex names in order
    faces: list[list[str]] = field(default_factory=list)  # polyhedra: vertex names of each face
    base_poly: list[tuple[Any, Any]] | None = None  # base polygon (x, y) in local coordinates
    offset: Vec = (0, 0, 0)

    @property
    def kind(self) -> str:
        """The statement kind."""
        return str(self.node.kind)

    @property
    def round(self) -> bool:
        """Cylinder, cone, frustum or sphere."""
        return isinstance(self.node, k._Round)

    def edges(self) -> list[tuple[str, str]]:
        """Each edge once, as a pair of vertex names, in face order."""
        out: list[tuple[str, str]] = []
        seen: set[frozenset[str]] = set()
        for f in self.faces:
            for a, b in zip(f, f[1:] + f[:1]):
                if frozenset((a, b)) not in seen:
                    seen.add(frozenset((a, b)))
                    out.append((a, b))
        return out


def _sym(solid_key: str, name: str) -> sp.Symbol:
    return sp.Symbol(f"{solid_key}.{name}", positive=True)


def regular_polygon(n: int, side: Any, corner_in_front: bool = False) -> list[tuple[Any, Any]]:
    """A regular n-gon with the given side, centred at the origin, first edge (or first corner) in front."""
    r = side / (2 * sp.sin(sp.pi / n))
    out = []
    for i in range(n):
        t = -sp.pi / 2 + 2 * sp.pi * i / n if corner_in_front else -sp.pi / 2 - sp.pi / n + 2 * sp.pi * i / n
        out.append((r * sp.cos(t), r * sp.sin(t)))  # exact; simplified only where facts are stated
    return out


def centred_polygon(corners: list[tuple[float, float]]) -> list[tuple[Any, Any]]:
    """Rational corners moved so that the area centroid is the origin."""
    pts = [(sp.Rational(x).limit_denominator(10**6), sp.Rational(y).limit_denominator(10**6)) for x, y in corners]
    a = sum(p[0] * q[1] - q[0] * p[1] for p, q in zip(pts, pts[1:] + pts[:1])) / 2
    cx = sum((p[0] + q[0]) * (p[0] * q[1] - q[0] * p[1]) for p, q in zip(pts, pts[1:] + pts[:1])) / (6 * a)
    cy = sum((p[1] + q[1]) * (p[0] * q[1] - q[0] * p[1]) for p, q in zip(pts, pts[1:] + pts[:1])) / (6 * a)
    return [(x - cx, y - cy) for x, y in pts]


def build(node: Any, key: str) -> Solid:
    """The symbolic solid of one statement (the name was checked to spell the right number of points)."""
    s = Solid(node, key)
    names = node.vertex_names()
    if isinstance(node, (k.Cuboid, k.Cube)):
        if isinstance(node, k.Cube):
            a = b = c = s.params.setdefault("side", _sym(key, "side"))
        else:
            a, b, c = (s.params.setdefault(p, _sym(key, p)) for p in ("length", "width", "height"))
        base = [(-a / 2, -b / 2), (a / 2, -b / 2), (a / 2, b / 2), (-a / 2, b / 2)]
        _prism(s, names, base, c)
    elif isinstance(node, k.Prism):
        h = s.params.setdefault("height", _sym(key, "height"))
        n = len(names) // 2
        base = (centred_polygon(node.corners) if node.corners
                else regular_polygon(n, s.params.setdefault("side", _sym(key, "side"))))
        _prism(s, names, base, h)
        if node.lying:
            _lay_down(s)
    elif isinstance(node, (k.Pyramid, k.Tetrahedron)):
        _pyramid(s, node, names)
    else:
        _round(s, node)
    return s


def _prism(s: Solid, names: list[str], base: list[tuple[Any, Any]], h: Any) -> None:
    n = len(base)
    s.base_poly = base
    for i, (x, y) in enumerate(base):
        s.points[names[i]] = (x, y, sp.Integer(0))
        s.points[names[n + i]] = (x, y, h)
    s.vertices = list(names)
    bottom, top = names[:n], names[n:]
    s.faces = [bottom, top] + [[bottom[i], bottom[(i + 1) % n], top[(i + 1) % n], top[i]] for i in range(n)]


def _lay_down(s: Solid) -> None:
    """Turn a prism onto a side face: the base becomes the front face, the height recedes into the page."""
    s.points = {n: (x, z, y) for n, (x, y, z) in s.points.items()}
    s.base_poly = s.base_poly  # the base area is unchanged


def _pyramid(s: Solid, node: Any, names: list[str]) -> None:
    if isinstance(node, k.Tetrahedron):
        side = s.params.setdefault("side", _sym(s.key, "side"))
        # a corner in front: two faces seen, the back edge BC hidden (no face seen edge-on)
        base, apex_name, ring = regular_polygon(3, side, corner_in_front=True), names[3], names[:3]
        h = side * sp.sqrt(sp.Rational(2, 3))
    else:
        apex_name, ring = names[0], names[1:]
        h = s.params.setdefault("height", _sym(s.key, "height"))
        if node.corners:
            base = centred_polygon(node.corners)
        elif node.base == "rectangle":
            a, b = (s.params.setdefault(p, _sym(s.key, p)) for p in ("length", "width"))
            base = [(-a / 2, -b / 2), (a / 2, -b / 2), (a / 2, b / 2), (-a / 2, b / 2)]
        else:
            base = regular_polygon(len(ring), s.params.setdefault("side", _sym(s.key, "side")))
    s.base_poly = base
    for nm, (x, y) in zip(ring, base):
        s.points[nm] = (x, y, sp.Integer(0))
    s.points[apex_name] = (sp.Integer(0), sp.Integer(0), h)
    s.vertices = list(ring) + [apex_name]
    n = len(ring)
    s.faces = [list(ring)] + [[ring[i], ring[(i + 1) % n], apex_name] for i in range(n)]


def _round(s: Solid, node: Any) -> None:
    r = s.params.setdefault("radius", _sym(s.key, "radius"))
    zero = sp.Integer(0)
    if not isinstance(node, k.BALLS):
        s.params.setdefault("height", _sym(s.key, "height"))
    if isinstance(node, k.Frustum):
        s.params.setdefault("top_radius", _sym(s.key, "top_radius"))
    roles = {"center": (zero, zero, zero), "rim": (r, zero, zero)}
    if isinstance(node, (k.Cylinder, k.Frustum)):
        roles["top"] = (zero, zero, s.params["height"])
    if isinstance(node, k.Cone):
        roles["apex"] = (zero, zero, s.params["height"])
    if isinstance(node, k.Hemisphere):
        roles["top"] = (zero, zero, r if node.dome == "up" else -r)
    for role, name in node.point_fields().items():
        s.points[name] = roles[role]


def top_radius(s: Solid) -> Any:
    """Radius of the top circle (0 for a cone's apex, None for a sphere)."""
    if isinstance(s.node, k.Cylinder):
        return s.params["radius"]
    if isinstance(s.node, k.Frustum):
        return s.params["top_radius"]
    if isinstance(s.node, k.Cone):
        return sp.Integer(0)
    return None


def property_measures(s: Solid) -> list[tuple[str, Any, str]]:
    """(property, symbolic measure, what it is) for the dimensions a statement may state."""
    node, p = s.node, s.params
    out = [(name, sym, name) for name, sym in p.items()]
    if isinstance(node, k.Pyramid):
        names = node.vertex_names()
        v, a, b = (s.points[names[0]], s.points[names[1]], s.points[names[2]])
        out.append(("edge", dist(v, a), f"lateral edge {names[0]}{names[1]}"))
        mid = tuple((x + y) / 2 for x, y in zip(a, b))
        out.append(("slant_height", dist(v, mid), "slant height"))
    if isinstance(node, (k.Cone, k.Frustum)):
        out.append(("slant_height", sp.sqrt(p["height"] ** 2 + (p["radius"] - top_radius(s)) ** 2), "slant height"))
    return out


def dist(a: Vec, b: Vec) -> Any:
    """Distance of two symbolic points."""
    return sp.sqrt(sum((x - y) ** 2 for x, y in zip(a, b)))


def angle_parts(a: Vec, v: Vec, b: Vec) -> tuple[Any, Any, Any]:
    """(va·vb, |va|², |vb|²)."""
    u = [x - y for x, y in zip(a, v)]
    w = [x - y for x, y in zip(b, v)]
    return sum(x * y for x, y in zip(u, w)), sum(x * x for x in u), sum(x * x for x in w)


def cos_angle(a: Vec, v: Vec, b: Vec) -> Any:
    """Cosine of the angle at v between va and vb."""
    u = [x - y for x, y in zip(a, v)]
    w = [x - y for x, y in zip(b, v)]
    dot = sum(x * y for x, y in zip(u, w))
    return dot / (sp.sqrt(sum(x * x for x in u)) * sp.sqrt(sum(x * x for x in w)))


def shifted(p: Vec, o: Vec) -> Vec:
    """p + o."""
    return (p[0] + o[0], p[1] + o[1], p[2] + o[2])
