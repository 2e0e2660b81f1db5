"""Where a pulley on a corner sits so that a rope from a body resting on either face runs parallel to that face.

By default the pulley is tangent to both faces of the corner, so the rope over it runs one diameter above
each face. A body lower than that (a flat block, a cart) could then only be reached by a slanting rope; for
such a body the pulley is raised on its bracket until the rope runs parallel to the face at the middle of
the body's side.
"""
from __future__ import annotations

import math
from typing import Any, Optional

from scidsl.place import Face

P = tuple[float, float]


def mount_centre(point: P, faces: tuple[Face, Face], radius: float, placed: dict[str, Any]) -> P:
    """The pulley's centre: one radius off each face, or further off a face whose body sits lower than a diameter."""
    d = [_distance_off(face, point, radius, placed) for face in faces]
    (n1, n2) = faces[0].normal, faces[1].normal
    det = n1[0] * n2[1] - n1[1] * n2[0]
    if abs(det) < 1e-9:
        return (point[0] + d[0] * n1[0], point[1] + d[0] * n1[1])
    # (c - p)·n1 = d1 and (c - p)·n2 = d2
    dx = (d[0] * n2[1] - d[1] * n1[1]) / det
    dy = (n1[0] * d[1] - n2[0] * d[0]) / det
    return (point[0] + dx, point[1] + dy)


def _distance_off(face: Face, corner: P, radius: float, placed: dict[str, Any]) -> float:
    """How far the pulley's centre stands off a face: a radius, unless a body on it needs the rope higher or lower."""
    span = _body_side_on(face, corner, placed)
    if span is None:
        return radius
    lo, hi = span
    if lo + 0.05 * (hi - lo) <= 2 * radius <= hi - 0.05 * (hi - lo):
        return radius  # a rope one diameter up already meets the body's side
    height = max((lo + hi) / 2, radius)
    if height > hi - 0.05 * (hi - lo):
        return radius  # the pulley is too big for the body: keep it on the corner
    return height - radius


def _body_side_on(face: Face, corner: P, placed: dict[str, Any]) -> Optional[tuple[float, float]]:
    """Heights (off the face) between which the side of a body resting on the face stands, for the nearest such body."""
    from scidsl.domains.draw import kinds as k

    best: Optional[tuple[float, tuple[float, float]]] = None
    for shape in placed.values():
        if not isinstance(shape.node, (k.Box, k.Block)) or len(shape.points) < 4:
            continue
        bl, br, tr, tl = shape.points[:4]
        heights = [_off(face, p) for p in (bl, br, tr, tl)]
        lo = min(heights)
        lift = shape.extra.get("r", 0.0) * 2 if isinstance(shape.extra, dict) else 0.0
        if not -1e-6 <= lo - lift <= 1e-6 and not -1e-6 <= lo <= 1e-6:
            continue
        along = [_along(face, p) for p in (bl, br)]
        if max(along) < -1e-6 or min(along) > face.length + 1e-6:
            continue
        reach = min(abs(a - _along(face, corner)) for a in along)  # how far the body stands from the corner
        if best is None or reach < best[0]:
            best = (reach, (lo, max(heights)))
    return best[1] if best is not None else None


def _off(face: Face, p: P) -> float:
    return (p[0] - face.a[0]) * face.normal[0] + (p[1] - face.a[1]) * face.normal[1]


def _along(face: Face, p: P) -> float:
    u = face.direction
    return (p[0] - face.a[0]) * u[0] + (p[1] - face.a[1]) * u[1]
