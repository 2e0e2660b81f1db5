"""Composite solids: one solid standing on another's top face (a cone on a bowl, a cap on a cylinder).

The upper solid's base is centred on the lower one's top face; an unstated radius of a round base takes the
face's radius (the two are joined flush), and after solving the base must fit on the face.
"""
from __future__ import annotations

import math
from typing import Any

import sympy as sp

from scidsl.diagnostics import Diagnostic, error
from scidsl.domains.solids import kinds as k
from scidsl.domains.solids.shapes import Solid, shifted

TOLERANCE = 1e-6


def top_face(s: Solid) -> tuple[Any, str, Any] | None:
    """(height of the face above the base centre, "circle" | "polygon", radius or corners), or None."""
    node, p = s.node, s.params
    if isinstance(node, (k.Cylinder, k.Frustum)):
        return p["height"], "circle", p["radius"] if isinstance(node, k.Cylinder) else p["top_radius"]
    if isinstance(node, k.Hemisphere) and node.dome == "down":
        return sp.Integer(0), "circle", p["radius"]
    if isinstance(node, (k.Cuboid, k.Cube, k.Prism)) and not getattr(node, "lying", False):
        return (p["side"] if isinstance(node, k.Cube) else p["height"]), "polygon", s.base_poly
    return None


def base_face(s: Solid) -> tuple[str, Any] | None:
    """("circle", radius) or ("polygon", corners) of the face a solid stands on, or None (a ball, a bowl)."""
    node = s.node
    if isinstance(node, k.Sphere) or (isinstance(node, k.Hemisphere) and node.dome == "down"):
        return None
    if s.round:
        return "circle", s.params["radius"]
    return "polygon", s.base_poly


def _what_top(node: Any) -> str:
    if isinstance(node, k.Hemisphere):
        return "a hemisphere with its dome up ends in a pole"
    if isinstance(node, (k.Cone, k.Pyramid, k.Tetrahedron)):
        return f"a {node.kind} ends in an apex"
    if isinstance(node, k.Sphere):
        return "a sphere has no flat face"
    return "a prism lying on its side has no level top face"


def stack(pb: Any, node: Any, solid: Solid) -> bool:
    """Set the offset of a solid stated `on` another (declared before it); False after a diagnostic."""
    lower = next((s for s in pb.solids if s.key == node.on), None)
    span = node.span_of("on")
    if node.at is not None:
        pb.report("E9762", f"{node.kind} {solid.key} has both `at` and `on`", span,
                  "`on` places it on the other solid's top face; leave out `at`")
        return False
    if lower is None:
        pb.report("E9762", f"{node.on} is not a solid declared before {solid.key}", span,
                  "declare the lower solid first, with a name: cylinder body { ... }")
        return False
    face, base = top_face(lower), base_face(solid)
    if face is None:
        pb.report("E9762", f"{solid.key} cannot stand on {lower.key}: {_what_top(lower.node)}", span,
                  "stand it on a cylinder, frustum, prism, cuboid or a bowl (hemisphere with dome: down)")
        return False
    if base is None:
        hint = ("a bowl holds the other solid: state that one `on` the bowl" if isinstance(node, k.Hemisphere)
                else "a sphere touches a face at one point: place it with `at`")
        pb.report("E9762", f"{node.kind} {solid.key} has no flat base to stand on {lower.key}", span, hint)
        return False
    solid.offset = shifted(lower.offset, (sp.Integer(0), sp.Integer(0), face[0]))
    if base[0] == "circle" and face[1] == "circle" and getattr(node, "radius", None) is None:
        from scidsl.domains.solids.problem import Equation

        pb.equations.append(Equation(base[1], face[2], f"{solid.key} joined flush to {lower.key}", span))
    pb.joins.append((solid, lower, span))
    return True


def _reach(kind: str, shape: Any, sol: Any) -> list[tuple[float, float]] | float:
    return sol.numeric(shape) if kind == "circle" else [(sol.numeric(x), sol.numeric(y)) for x, y in shape]


def _fits(base: tuple[str, Any], face: tuple[str, Any]) -> bool:
    """Whether a base (centred) lies within a face (centred)."""
    (bk, b), (fk, f) = base, face
    if fk == "circle":
        far = b if bk == "circle" else max(math.hypot(x, y) for x, y in b)
        return far <= f * (1 + TOLERANCE)
    edges = list(zip(f, f[1:] + f[:1]))
    if bk == "circle":  # the circle's distance to every edge line of the convex face
        return all(abs(x1 * y2 - x2 * y1) / math.hypot(x2 - x1, y2 - y1) >= b * (1 - TOLERANCE)
                   for (x1, y1), (x2, y2) in edges)
    scale = max(math.hypot(x, y) for x, y in f)
    return all((x2 - x1) * (y - y1) - (y2 - y1) * (x - x1) >= -TOLERANCE * scale ** 2
               for x, y in b for (x1, y1), (x2, y2) in edges)


def _size(shape: tuple[str, Any], unit: str, face: bool) -> str:
    """A round shape's radius; a polygon's reach from its centre (corners of a base, edges of a face)."""
    kind, v = shape
    if kind == "circle":
        return f"radius {v:.4g}{unit}"
    if not face:
        return f"corners {max(math.hypot(x, y) for x, y in v):.4g}{unit} from its centre"
    edges = zip(v, v[1:] + v[:1])
    near = min(abs(x1 * y2 - x2 * y1) / math.hypot(x2 - x1, y2 - y1) for (x1, y1), (x2, y2) in edges)
    return f"edges {near:.4g}{unit} from its centre"


def check_fits(pb: Any, sol: Any) -> list[Diagnostic]:
    """E9763 for every solid whose base does not fit on the top face it stands on."""
    out = []
    for upper, lower, span in pb.joins:
        (bk, b), (_, fk, f) = base_face(upper), top_face(lower)  # type: ignore[misc]
        base, face = (bk, _reach(bk, b, sol)), (fk, _reach(fk, f, sol))
        if not _fits(base, face):
            unit = f" {pb.unit}" if pb.unit else ""
            out.append(error("E9763", f"the base of {upper.key} ({_size(base, unit, False)}) does not fit on the top "
                             f"face of {lower.key} ({_size(face, unit, True)})", span,
                             "a joined solid's base lies within the face it stands on: check the radii or sides"))
    return out


def joined_volume(pb: Any, volume: Any) -> list[tuple[list[str], Any]]:
    """(keys, total volume) of each group of solids joined together."""
    groups: list[list[Solid]] = []
    for upper, lower, _ in pb.joins:
        mine = [g for g in groups if any(s is upper or s is lower for s in g)]
        merged = [s for g in mine for s in g] + [s for s in (lower, upper) if not any(s is t for g in mine for t in g)]
        groups = [g for g in groups if not any(g is m for m in mine)] + [merged]
    out = []
    for g in groups:
        g = [s for s in pb.solids if any(s is t for t in g)]  # in statement order
        parts = [volume(s) for s in g]
        if all(v is not None for v in parts):
            out.append(([s.key for s in g], sp.Add(*parts)))
    return out
