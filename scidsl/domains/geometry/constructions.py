"""Ruler-and-compass constructions on float coordinates.

Each construction that can fail (an intersection that does not exist, a tangent from inside a circle)
returns its nearest sensible answer plus a non-negative ``penalty`` that is zero only when the
construction is real; the solver drives penalties to zero and reports the ones that stay.
"""

from __future__ import annotations

import math

Vec = tuple[float, float]
LineVal = tuple[Vec, Vec]  # a point on the line and a unit direction
CircleVal = tuple[Vec, float]

EPS = 1e-12
PARALLEL_SIN = 0.005  # lines closer than about 0.3 degrees to parallel do not intersect


def add(p: Vec, q: Vec) -> Vec:
    """p + q."""
    return (p[0] + q[0], p[1] + q[1])


def sub(p: Vec, q: Vec) -> Vec:
    """p - q."""
    return (p[0] - q[0], p[1] - q[1])


def mul(p: Vec, k: float) -> Vec:
    """k p."""
    return (p[0] * k, p[1] * k)


def dot(p: Vec, q: Vec) -> float:
    """Dot product."""
    return p[0] * q[0] + p[1] * q[1]


def cross(p: Vec, q: Vec) -> float:
    """z of the cross product."""
    return p[0] * q[1] - p[1] * q[0]


def norm(p: Vec) -> float:
    """Euclidean length."""
    return math.hypot(p[0], p[1])


def dist(p: Vec, q: Vec) -> float:
    """Distance between points."""
    return math.hypot(p[0] - q[0], p[1] - q[1])


def unit(p: Vec) -> Vec:
    """p scaled to length 1 (the x axis for a zero vector, so callers never divide by zero)."""
    n = norm(p)
    return (1.0, 0.0) if n < EPS else (p[0] / n, p[1] / n)


def perp(p: Vec) -> Vec:
    """p turned a quarter counter-clockwise."""
    return (-p[1], p[0])


def rotate(p: Vec, center: Vec, deg: float) -> Vec:
    """p rotated about center by deg degrees counter-clockwise."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    d = sub(p, center)
    return (center[0] + c * d[0] - s * d[1], center[1] + s * d[0] + c * d[1])


def angle_deg(a: Vec, v: Vec, b: Vec) -> float:
    """Unsigned angle a-v-b in degrees."""
    u, w = sub(a, v), sub(b, v)
    return math.degrees(math.atan2(abs(cross(u, w)), dot(u, w)))


def polar_deg(p: Vec) -> float:
    """Direction of p in degrees, in (-180, 180]."""
    return math.degrees(math.atan2(p[1], p[0]))


def line_through(a: Vec, b: Vec) -> LineVal:
    """The line through a and b."""
    return (a, unit(sub(b, a)))


def project(p: Vec, line: LineVal) -> Vec:
    """Foot of the perpendicular from p to the line."""
    q, d = line
    return add(q, mul(d, dot(sub(p, q), d)))


def line_distance(p: Vec, line: LineVal) -> float:
    """Distance from p to the line."""
    q, d = line
    return abs(cross(d, sub(p, q)))


def midpoint(a: Vec, b: Vec) -> Vec:
    """Midpoint of ab."""
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def divide(a: Vec, b: Vec, t: float) -> Vec:
    """a + t (b - a)."""
    return add(a, mul(sub(b, a), t))


def along(a: Vec, b: Vec, length: float) -> Vec:
    """The point at distance length from a towards b."""
    return add(a, mul(unit(sub(b, a)), length))


def centroid(pts: list[Vec]) -> Vec:
    """Mean of the points."""
    n = len(pts)
    return (sum(p[0] for p in pts) / n, sum(p[1] for p in pts) / n)


def circumcenter(a: Vec, b: Vec, c: Vec) -> tuple[Vec, float]:
    """Circumcentre of abc, with a penalty for (near) collinear points."""
    d = 2 * cross(sub(b, a), sub(c, a))
    scale = max(dist(a, b), dist(b, c), dist(c, a), EPS)
    if abs(d) < 1e-9 * scale * scale:
        return centroid([a, b, c]), 1.0
    b2, c2 = sub(b, a), sub(c, a)
    nb, nc = dot(b2, b2), dot(c2, c2)
    ux = (c2[1] * nb - b2[1] * nc) / d
    uy = (b2[0] * nc - c2[0] * nb) / d
    return (a[0] + ux, a[1] + uy), 0.0


def incenter(a: Vec, b: Vec, c: Vec) -> tuple[Vec, float]:
    """Incentre of abc and the inradius."""
    la, lb, lc = dist(b, c), dist(c, a), dist(a, b)
    s = la + lb + lc
    if s < EPS:
        return a, 0.0
    p = ((la * a[0] + lb * b[0] + lc * c[0]) / s, (la * a[1] + lb * b[1] + lc * c[1]) / s)
    area = abs(cross(sub(b, a), sub(c, a))) / 2
    return p, 2 * area / s


def orthocenter(a: Vec, b: Vec, c: Vec) -> tuple[Vec, float]:
    """Orthocentre of abc (a + b + c - 2 circumcentre)."""
    o, pen = circumcenter(a, b, c)
    return (a[0] + b[0] + c[0] - 2 * o[0], a[1] + b[1] + c[1] - 2 * o[1]), pen


def bisector_foot(v: Vec, a: Vec, b: Vec) -> Vec:
    """Where the bisector of the angle at v meets segment ab (divides ab as va : vb)."""
    la, lb = dist(v, a), dist(v, b)
    if la + lb < EPS:
        return midpoint(a, b)
    return divide(a, b, la / (la + lb))


def reflect(p: Vec, line: LineVal) -> Vec:
    """Mirror image of p in the line."""
    f = project(p, line)
    return (2 * f[0] - p[0], 2 * f[1] - p[1])


def parallel_line(p: Vec, ref: LineVal) -> LineVal:
    """The line through p parallel to ref."""
    return (p, ref[1])


def perpendicular_line(p: Vec, ref: LineVal) -> LineVal:
    """The line through p perpendicular to ref."""
    return (p, perp(ref[1]))


def perp_bisector(a: Vec, b: Vec) -> LineVal:
    """Perpendicular bisector of ab."""
    return (midpoint(a, b), perp(unit(sub(b, a))))


def angle_bisector(a: Vec, v: Vec, b: Vec) -> LineVal:
    """Bisector of the angle a-v-b (the internal one)."""
    d = add(unit(sub(a, v)), unit(sub(b, v)))
    if norm(d) < 1e-9:
        d = perp(unit(sub(a, v)))
    return (v, unit(d))


def intersect_lines(l1: LineVal, l2: LineVal) -> tuple[Vec, float]:
    """Intersection of two lines, penalised when they are (nearly) parallel."""
    (p, d), (q, e) = l1, l2
    den = cross(d, e)
    if abs(den) < PARALLEL_SIN:
        # Nearly parallel lines meet absurdly far away: treat them as not meeting.
        return midpoint(p, q), PARALLEL_SIN - abs(den)
    t = cross(sub(q, p), e) / den
    return add(p, mul(d, t)), 0.0


def intersect_line_circle(line: LineVal, circle: CircleVal) -> tuple[list[Vec], float]:
    """Both intersections ordered along the line direction; penalty when the line misses."""
    d, (o, r) = line[1], circle
    f = project(o, line)
    h2 = r * r - dist(o, f) ** 2
    pen = math.sqrt(-h2) if h2 < 0 else 0.0
    h = math.sqrt(max(h2, 0.0))
    return [sub(f, mul(d, h)), add(f, mul(d, h))], pen


def intersect_circles(c1: CircleVal, c2: CircleVal) -> tuple[list[Vec], float]:
    """Both intersections (left then right of the line of centres); penalty when they miss."""
    (o1, r1), (o2, r2) = c1, c2
    d = dist(o1, o2)
    if d < EPS:
        return [o1, o1], 1.0 + abs(r1 - r2)
    a = (d * d + r1 * r1 - r2 * r2) / (2 * d)
    h2 = r1 * r1 - a * a
    pen = math.sqrt(-h2) if h2 < 0 else 0.0
    h = math.sqrt(max(h2, 0.0))
    u = unit(sub(o2, o1))
    base = add(o1, mul(u, a))
    return [add(base, mul(perp(u), h)), sub(base, mul(perp(u), h))], pen


def tangent_points(p: Vec, circle: CircleVal) -> tuple[list[Vec], float]:
    """Points where the two tangents from p touch the circle (left then right seen from p)."""
    o, r = circle
    d = dist(p, o)
    if d <= r:
        return [p, p], r - d + 1e-6
    u = unit(sub(p, o))
    alpha = math.degrees(math.acos(min(1.0, r / d)))
    base = add(o, mul(u, r))
    return [rotate(base, o, -alpha), rotate(base, o, alpha)], 0.0


def polygon_area(pts: list[Vec]) -> float:
    """Signed area (positive when counter-clockwise)."""
    n = len(pts)
    return sum(cross(pts[i], pts[(i + 1) % n]) for i in range(n)) / 2


def regular_vertices(a: Vec, b: Vec, n: int) -> list[Vec]:
    """Vertices of the counter-clockwise regular n-gon with first side ab."""
    pts = [a, b]
    for _ in range(n - 2):
        pts.append(rotate(pts[-2], pts[-1], -(180.0 - 360.0 / n)))
    return pts
