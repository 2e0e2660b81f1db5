"""Ropes over pulleys: tangent lines from fixed points to circles and the arcs the rope wraps."""
from __future__ import annotations

import math
from typing import Any, Callable

P = tuple[float, float]


class RopeError(ValueError):
    """A rope that cannot be drawn as stated."""


def rope_path(stops: list[tuple[P, float]]) -> list[P]:
    """A rope through stops (position, pulley radius or 0): straight runs tangent to every pulley, each
    pulley wrapped on the outside of the turn the rope makes there; pulleys may follow each other."""
    if stops[0][1] > 0 or stops[-1][1] > 0:
        raise RopeError("a rope starts and ends at plain positions, not at a pulley")
    signed = [_signed_radius(stops, i) for i in range(len(stops))]
    runs = [_common_tangent(stops[i][0], signed[i], stops[i + 1][0], signed[i + 1]) for i in range(len(stops) - 1)]
    out: list[P] = [runs[0][0]]
    for i in range(1, len(stops) - 1):
        t_in, t_out = runs[i - 1][1], runs[i][0]
        if signed[i] == 0:
            out.append(stops[i][0])
            continue
        out.extend(_arc(stops[i][0], abs(signed[i]), t_in, t_out, clockwise=signed[i] < 0))
    out.append(runs[-1][1])
    return out


def _signed_radius(stops: list[tuple[P, float]], i: int) -> float:
    """A pulley's radius, negative where the rope turns clockwise round it (the centre on the rope's right)."""
    c, r = stops[i]
    if r <= 0:
        return 0.0
    a, b = stops[i - 1][0], stops[i + 1][0]
    cross = (c[0] - a[0]) * (b[1] - c[1]) - (c[1] - a[1]) * (b[0] - c[0])
    return -r if cross <= 0 else r


def _common_tangent(c1: P, rho1: float, c2: P, rho2: float) -> tuple[P, P]:
    """The touching points of the straight run from circle 1 to circle 2 (signed radii: centre on the left of
    the run when positive; a radius of 0 is a plain point)."""
    dx, dy = c2[0] - c1[0], c2[1] - c1[1]
    d = math.hypot(dx, dy)
    k = rho2 - rho1
    if d <= abs(k) * 1.0001 or d < 1e-9:
        raise RopeError("two stops of the rope overlap (a point inside a pulley, or pulleys too close)")
    phi, spread = math.atan2(dy, dx), math.acos(k / d)
    for psi in (phi + spread, phi - spread):
        n = (math.cos(psi), math.sin(psi))
        if n[1] * dx - n[0] * dy > 0:  # the run (n turned clockwise) heads from circle 1 towards circle 2
            return (c1[0] - rho1 * n[0], c1[1] - rho1 * n[1]), (c2[0] - rho2 * n[0], c2[1] - rho2 * n[1])
    raise RopeError("no straight run joins two stops of the rope")


def _arc(c: P, r: float, t_in: P, t_out: P, clockwise: bool, steps: int = 24) -> list[P]:
    th1 = math.atan2(t_in[1] - c[1], t_in[0] - c[0])
    th2 = math.atan2(t_out[1] - c[1], t_out[0] - c[0])
    sweep = (th2 - th1) % (2 * math.pi)
    if clockwise:
        sweep -= 2 * math.pi
    return [(c[0] + r * math.cos(th1 + sweep * j / steps), c[1] + r * math.sin(th1 + sweep * j / steps))
            for j in range(steps + 1)]


def support_by_direction(node: Any, owner: str, i: int, anchors: dict[str, P], placed: dict[str, Any],
                         position: Callable[[Any, dict[str, P]], P]) -> tuple[P, Any]:
    """Where a rope ending on a wall or ceiling (stop `i`) meets it, running from its neighbouring stop in the
    stated direction, and the relation the page must show (the drawn run keeps that direction)."""
    from scidsl import place, syntax
    from scidsl.domains.draw import placing

    through = node.through
    step = 1 if i == 0 else -1
    near = through[i + step]
    other = placed.get(near.tree.dotted) if isinstance(near.tree, syntax.Ref) else None
    if other is not None and getattr(other, "radius", 0) > 0 and other.center is not None:
        raise placing.PlaceError("E4014", "a rope with a direction runs from a fixed position to its support, "
                                 "not from a pulley", "list a position such as AB.end next to the wall")
    start = position(near, anchors)
    angle = placing.rope_direction(node, start, placed, anchors)
    face = placing.face_named(through[i].tree.dotted, placed)
    hit = _ray_meets(start, place.unit(angle), face.a, face.b) if face is not None else None
    if hit is None:
        raise placing.PlaceError("E4014", f"the rope cannot reach {through[i].text} running at {angle:.4g}° from "
                                 f"{near.text}", "point it towards the support, e.g. direction: 150 deg")
    rel = place.Relation("direction", owner, near.text, node.span,
                         f"rope {node.name or ''} runs from {near.text} to {through[i].text} at {angle:.4g}°",
                         _measure_run(owner, start, angle))
    return hit, rel


def _ray_meets(p: P, u: P, a: P, b: P) -> P | None:
    """Where the ray p + t·u (t > 0) meets the line through a and b, if it does."""
    ex, ey = b[0] - a[0], b[1] - a[1]
    det = u[0] * ey - u[1] * ex
    if abs(det) < 1e-9:
        return None
    t = ((a[0] - p[0]) * ey - (a[1] - p[1]) * ex) / det
    return (p[0] + t * u[0], p[1] + t * u[1]) if t > 1e-6 else None


def _measure_run(owner: str, start: P, angle: float) -> Callable[[Any], str | None]:
    """The rope's straight run from `start` is drawn at `angle`."""
    def measure(page: Any) -> str | None:
        from scidsl import place
        from scidsl.primitives import Line

        line = next((it for it in page.items if isinstance(it, Line) and it.owner == owner and len(it.points) >= 2),
                    None)
        if line is None:
            return None
        pts = list(line.points)
        a, b = (pts[0], pts[1]) if math.dist(pts[0], start) <= math.dist(pts[-1], start) else (pts[-1], pts[-2])
        drawn = place.angle_of((b[0] - a[0], b[1] - a[1]))
        off = abs((drawn - angle + 180) % 360 - 180)
        return None if off <= place.ANGLE_TOL_DEG else f"{owner} runs at {drawn:.1f}°, not {angle:.1f}°"
    return measure
