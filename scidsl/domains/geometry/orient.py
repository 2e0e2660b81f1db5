"""Place a solved figure the way textbooks do: a base side horizontal, the figure above it.

Facts are unsigned (lengths, angles, parallels), so any rotation keeps them; a reflection is used only
when no construction chose between two mirror-image solutions.
"""

from __future__ import annotations

import math

from . import constructions as cx
from .problem import Problem

Vec = cx.Vec


def default_base(problem: Problem) -> tuple[str, str] | None:
    """The side to draw at the bottom: BC of a triangle ABC, AB of any other polygon."""
    if problem.base:
        return problem.base
    if not problem.polygons:
        return problem.segments[0] if problem.segments else None
    vs = problem.polygons[0].vertices
    return (vs[1], vs[2]) if len(vs) == 3 else (vs[0], vs[1])


def orientation_transform(problem: Problem, points: dict[str, Vec],
                          may_reflect: bool) -> tuple[float, bool, Vec] | None:
    """(rotation degrees, reflect first, origin point) that puts the base at the bottom, or None."""
    if any(p.xy is not None for p in problem.points):
        return None  # given coordinates fix the placement
    base = default_base(problem)
    if base is None or base[0] not in points or base[1] not in points:
        return None
    others = _other_vertices(problem, base)
    reflect = False
    if may_reflect and others:
        a, b = points[base[0]], points[base[1]]
        side = sum(cx.cross(cx.sub(b, a), cx.sub(points[v], a)) for v in others if v in points)
        reflect = side < 0  # the rest of the figure would hang below the base
    a, b = (_mirror(points[base[0]]), _mirror(points[base[1]])) if reflect else \
        (points[base[0]], points[base[1]])
    rot = -cx.polar_deg(cx.sub(b, a))
    if not may_reflect and others:
        rot = _keep_above(points, base, others, rot)
    return rot, reflect, a


def _keep_above(points: dict[str, Vec], base: tuple[str, str], others: list[str], rot: float) -> float:
    """Without reflection, turn half a turn more if the figure would hang below the base."""
    a, b = points[base[0]], points[base[1]]
    side = sum(cx.cross(cx.sub(b, a), cx.sub(points[v], a)) for v in others if v in points)
    return rot + 180.0 if side < 0 else rot


def _other_vertices(problem: Problem, base: tuple[str, str]) -> list[str]:
    for poly in problem.polygons:
        if base[0] in poly.vertices and base[1] in poly.vertices:
            return [v for v in poly.vertices if v not in base]
    return []


def _mirror(p: Vec) -> Vec:
    return (p[0], -p[1])


def apply_point(t: tuple[float, bool, Vec], p: Vec) -> Vec:
    """Transform one point: optional reflection in the x axis, rotation about the origin point."""
    rot, reflect, origin = t
    q = _mirror(p) if reflect else p
    r = cx.rotate(q, origin, rot)
    return (r[0] - origin[0], r[1] - origin[1])


def apply_direction(t: tuple[float, bool, Vec], d: Vec) -> Vec:
    """Transform a direction vector."""
    rot, reflect, _ = t
    q = _mirror(d) if reflect else d
    c, s = math.cos(math.radians(rot)), math.sin(math.radians(rot))
    return (c * q[0] - s * q[1], s * q[0] + c * q[1])
