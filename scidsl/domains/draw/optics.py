"""Thin-lens optics: the image from the lens equation and the three principal rays."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

P = tuple[float, float]


@dataclass
class RayTrace:
    """Object, image and rays of one thin lens, in page cm."""

    object_base: P
    object_tip: P
    image_base: P | None  # None: the object sits at the focal point (image at infinity) or too far
    image_tip: P | None
    real: bool
    rays: list[list[P]] = field(default_factory=list)  # solid rays, object tip → lens → far side
    virtual: list[list[P]] = field(default_factory=list)  # dashed back-extensions to a virtual image
    image_distance: float | None = None
    magnification: float | None = None


def image_distance(f: float, d: float) -> float | None:
    """1/f = 1/d + 1/d' solved for d' (None when the object is at the focal point)."""
    if abs(d - f) < 1e-9 * max(1.0, abs(f)):
        return None
    return f * d / (d - f)


def trace(center: P, f: float, d: float, h: float, far_limit: float = 20.0, mirror: bool = False,
          radius: float | None = None) -> RayTrace:
    """Principal rays from the object tip at distance d, height h, through a lens of focal length f.

    A mirror is a lens folded back onto the object side: everything after the vertex plane is reflected
    across it (the mirror equation has the lens equation's form). With the mirror's radius of curvature,
    each ray then turns where it meets the drawn spherical surface, not on the vertex plane.
    """
    cx, cy = center
    tip = (cx - d, cy + h)
    di = image_distance(f, d)
    scale = max(d, abs(f))
    if di is not None and abs(di) > far_limit * scale:
        di = None
    # rays stop a little beyond a real image (clear of the labels there), else well past the focal points
    x_end = cx + (max(1.25 * di, di + 0.8) if di is not None and di > 0 else max(2 * abs(f), d))
    hits = [(cx, cy + h), (cx, cy), (cx, cy - h * f / (d - f)) if abs(d - f) > 1e-9 else (cx, cy + h)]
    # after the lens: parallel ray through F' (or away from F), central ray straight, focal ray parallel
    directions = [(abs(f), -h if f > 0 else h), (d, -h), (1.0, 0.0)]
    out = RayTrace((cx - d, cy), tip, None, None, bool(di is not None and di > 0))
    for hit, (dx, dy) in zip(hits, directions):
        s = (x_end - hit[0]) / dx
        out.rays.append([tip, hit, (x_end, hit[1] + dy * s)])
    if di is not None:
        hi = -di / d * h
        out.image_base, out.image_tip = (cx + di, cy), (cx + di, cy + hi)
        out.image_distance, out.magnification = di, -di / d
        if di < 0:
            out.virtual = [[hit, out.image_tip] for hit in hits]
    if mirror:
        _fold(out, cx)
        if radius is not None:
            _onto_sphere(out, center, radius, concave=f > 0)
    return out


def sphere_hit(a: P, b: P, centre: P, r: float, concave: bool) -> P | None:
    """Where the line a→b meets the mirror's sphere (the branch facing smaller x), None if it misses."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    fx, fy = a[0] - centre[0], a[1] - centre[1]
    qa, qb, qc = dx * dx + dy * dy, 2 * (fx * dx + fy * dy), fx * fx + fy * fy - r * r
    disc = qb * qb - 4 * qa * qc
    if qa < 1e-18 or disc < 0:
        return None
    roots = sorted(((-qb - math.sqrt(disc)) / (2 * qa), (-qb + math.sqrt(disc)) / (2 * qa)))
    # a concave mirror's surface is the far side of its sphere (centre in front), a convex one's the near side
    t = roots[1] if concave else roots[0]
    return (a[0] + t * dx, a[1] + t * dy)


def _onto_sphere(tr: RayTrace, vertex: P, r: float, concave: bool) -> None:
    """Move each ray's turning point from the vertex plane onto the spherical surface, keeping the image."""
    centre = (vertex[0] - r, vertex[1]) if concave else (vertex[0] + r, vertex[1])
    rays, virtual = [], []
    for ray in tr.rays:
        tip, plane_hit, end = ray[0], ray[1], ray[-1]
        hit = sphere_hit(tip, plane_hit, centre, r, concave)
        if hit is None or abs(hit[1] - vertex[1]) >= r:
            hit = plane_hit
        if tr.image_tip is None:  # parallel outgoing rays: keep the direction
            away = (end[0] - plane_hit[0], end[1] - plane_hit[1])
        elif tr.real:  # towards the real image tip
            away = (tr.image_tip[0] - hit[0], tr.image_tip[1] - hit[1])
        else:  # away from the virtual image tip behind the mirror
            away = (hit[0] - tr.image_tip[0], hit[1] - tr.image_tip[1])
            virtual.append([hit, tr.image_tip])
        rays.append([tip, hit, _to_x(hit, away, end[0])])
    tr.rays = rays
    if virtual:
        tr.virtual = virtual


def _to_x(p: P, u: P, x: float) -> P:
    """The point on the line from p along u at abscissa x (or one unit on, for a vertical line)."""
    if abs(u[0]) < 1e-9:
        n = math.hypot(*u) or 1.0
        return (p[0] + u[0] / n, p[1] + u[1] / n)
    s = (x - p[0]) / u[0]
    if s <= 0:  # the end lies behind: keep the length the plane trace had
        s = 1.0
    return (p[0] + u[0] * s, p[1] + u[1] * s)


def _fold(tr: RayTrace, x0: float) -> None:
    """Reflect the part of the trace beyond the plane x = x0 back across it."""
    def m(p: P) -> P:
        return (2 * x0 - p[0], p[1])

    tr.rays = [[r[0], r[1]] + [m(p) for p in r[2:]] for r in tr.rays]
    tr.virtual = [[m(p) for p in r] for r in tr.virtual]
    if tr.image_base is not None and tr.image_tip is not None:
        tr.image_base, tr.image_tip = m(tr.image_base), m(tr.image_tip)


def is_finite(trace_: RayTrace, limit: float) -> bool:
    """Every point of the trace within ±limit."""
    pts = [trace_.object_base, trace_.object_tip] + [p for r in trace_.rays + trace_.virtual for p in r]
    if trace_.image_tip is not None:
        pts.append(trace_.image_tip)
    return all(math.isfinite(c) and abs(c) <= limit for p in pts for c in p)
