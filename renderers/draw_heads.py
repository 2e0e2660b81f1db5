"""Arrow heads half way along a drawn path: a rotation arrow, a current loop, a ray on a curve."""
from __future__ import annotations

import math
from typing import Any

from scidsl.domains.draw.placing import point_at_length
from scidsl.primitives import Drawing, Line, Stroke

P = tuple[float, float]
_HEAD_RUN = 0.2  # cm of the path behind the head's tip that sets its direction


def middle_head(points: list[P], stroke: Stroke, owner: str, out: Drawing) -> None:
    """One arrow head at the middle of a path's length, pointing the way the path runs (the path is drawn already)."""
    lengths = [math.dist(a, b) for a, b in zip(points, points[1:])]
    total = sum(lengths)
    if total <= 0:
        return
    tip, back = point_at_length(points, lengths, total / 2 + 0.12), point_at_length(points, lengths, total / 2 + 0.12 - _HEAD_RUN)
    for shift in (0.0, 0.15, -0.15, 0.3, -0.3, 0.5, -0.5):  # off a sharp turn, so the head lies on its line
        goal = total / 2 + 0.12 + shift
        if _HEAD_RUN <= goal <= total and _straight(points, lengths, goal - _HEAD_RUN, goal):
            tip, back = point_at_length(points, lengths, goal), point_at_length(points, lengths, goal - _HEAD_RUN)
            break
    head = Stroke(color=stroke.color, width=stroke.width, visible=False)
    out.items.append(Line((back, tip), False, head, "end", owner=owner, role="flow"))


def _straight(points: list[P], lengths: list[float], a: float, b: float) -> bool:
    """The path between lengths a and b stays within 0.01 cm of the chord between its ends."""
    p, q = point_at_length(points, lengths, a), point_at_length(points, lengths, b)
    d = math.dist(p, q) or 1.0
    for j in range(1, 8):
        x = point_at_length(points, lengths, a + (b - a) * j / 8)
        if abs((x[0] - p[0]) * (q[1] - p[1]) - (x[1] - p[1]) * (q[0] - p[0])) / d > 0.01:
            return False
    return True


def path_of(shape: Any) -> list[P]:
    """The drawn path of a line, curve, rope, arc or part ellipse."""
    from scidsl.domains.draw import kinds as k

    node = shape.node
    if isinstance(node, k.ArcShape):
        from scidsl.labels import arc_points
        from scidsl.primitives import Arc

        a0, a1 = math.degrees(node.start.si) + shape.rotation, math.degrees(node.end.si) + shape.rotation
        return list(arc_points(Arc(shape.center, shape.radius, a0, a1, Stroke(), ""), 96))
    if isinstance(node, k.Ellipse):
        from scidsl.renderers.draw import _ellipse_points

        t0 = node.start.si if node.start is not None else 0.0
        t1 = node.end.si if node.end is not None else t0 + 2 * math.pi
        return list(_ellipse_points(shape, t0, t1))
    return list(shape.points)
