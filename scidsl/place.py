"""Placement by relations: faces things rest on, poses they take, and the page measurements that prove them.

A relation (`box b on c`, `spring s hangs from top`, `arrow F from b.left { direction: left }`) is
turned into a position here, once, for every domain: a domain hands in the faces and anchors it
knows and gets back corners, centres and directions. Each relation is also kept as a `Relation`
record that the verifier measures again on the drawn page (contact gap, flushness, direction),
so a figure that does not show what the scene states is an error, not a picture.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

P = tuple[float, float]

CONTACT_TOL_CM = 0.03  # how far a resting face may sit from its support on the page
ANGLE_TOL_DEG = 0.5  # how far a drawn direction may turn from the stated one
DEFAULT_GAP_CM = 1.0  # `left of`, `above`, ... without a gap
DEFAULT_LENGTH_CM = 2.0  # an arrow, spring or string without a length


@dataclass(frozen=True)
class Face:
    """A straight support: from `a` to `b`, things rest on the side of `normal` (a unit vector)."""

    a: P
    b: P
    normal: P

    @property
    def length(self) -> float:
        """Length of the face."""
        return math.dist(self.a, self.b)

    @property
    def direction(self) -> P:
        """Unit vector from a to b."""
        d = self.length or 1.0
        return ((self.b[0] - self.a[0]) / d, (self.b[1] - self.a[1]) / d)

    def point(self, t: float) -> P:
        """The point at fraction t from a to b."""
        return (self.a[0] + (self.b[0] - self.a[0]) * t, self.a[1] + (self.b[1] - self.a[1]) * t)


def face_of_segment(a: P, b: P, inside: P) -> Face:
    """The face a→b whose outward normal points away from `inside` (a point of the body it bounds)."""
    d = math.dist(a, b) or 1.0
    n = (-(b[1] - a[1]) / d, (b[0] - a[0]) / d)
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    if n[0] * (inside[0] - mid[0]) + n[1] * (inside[1] - mid[1]) > 0:
        n = (-n[0], -n[1])
    return Face(a, b, n)


def faces_of_polygon(points: list[P]) -> list[Face]:
    """The faces of a closed polygon, each with its outward normal."""
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    return [face_of_segment(points[i], points[(i + 1) % len(points)], (cx, cy)) for i in range(len(points))]


def rest_on(face: Face, width: float, height: float, t: float) -> tuple[list[P], P]:
    """Corners (bottom-left, bottom-right, top-right, top-left in the face's frame) and centre of a
    `width` × `height` body standing on `face` with its centre over the point at fraction `t`."""
    u, n = face.direction, face.normal
    base = face.point(t)
    lo = (base[0] - u[0] * width / 2, base[1] - u[1] * width / 2)
    hi = (base[0] + u[0] * width / 2, base[1] + u[1] * width / 2)
    if u[0] * n[1] - u[1] * n[0] < 0:  # keep the corners counter-clockwise whatever way the face runs
        lo, hi = hi, lo
    corners = [lo, hi, (hi[0] + n[0] * height, hi[1] + n[1] * height), (lo[0] + n[0] * height, lo[1] + n[1] * height)]
    return corners, (base[0] + n[0] * height / 2, base[1] + n[1] * height / 2)


def fraction_for(face: Face, along: float, world: bool) -> float:
    """The fraction along a face for `along`: a fraction itself, or a distance from the face's start."""
    if not world:
        return along
    return along / face.length if face.length > 0 else 0.5


def below(anchor: P, length: float, angle_deg: float = 0.0) -> P:
    """The point `length` away from `anchor`, hanging at `angle_deg` from the downward vertical
    (positive: swung counter-clockwise, towards +x)."""
    a = math.radians(angle_deg)
    return (anchor[0] + length * math.sin(a), anchor[1] - length * math.cos(a))


def beside(target: tuple[float, float, float, float], size: P, side: str, gap: float) -> P:
    """Centre of a body of `size` placed `side` of the box `target` (xmin, ymin, xmax, ymax), centres aligned."""
    x0, y0, x1, y1 = target
    w, h = size
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return {"left_of": (x0 - gap - w / 2, cy), "right_of": (x1 + gap + w / 2, cy),
            "above": (cx, y1 + gap + h / 2), "below": (cx, y0 - gap - h / 2)}[side]


def unit(angle_deg: float) -> P:
    """The unit vector at an angle (0 = +x, counter-clockwise)."""
    a = math.radians(angle_deg)
    return (math.cos(a), math.sin(a))


def angle_of(v: P) -> float:
    """Direction of a vector in degrees, in [0, 360)."""
    return math.degrees(math.atan2(v[1], v[0])) % 360


WORD_ANGLES = {"right": 0.0, "up": 90.0, "left": 180.0, "down": 270.0}


# ---- relations as records the verifier measures on the page ------------------------------------

@dataclass
class Relation:
    """A stated relation between two drawn things, and how to measure it on the page."""

    word: str  # "on", "hangs from", "against", "left of", "direction", "tangent", ...
    subject: str  # owner name of what is placed
    target: str  # owner name (or anchor) of what it is placed by
    span: Any
    text: str  # the fact as a sentence
    measure: Optional[Callable[[Any], Optional[str]]] = field(default=None, repr=False)  # page → None or a complaint


def segments(page: Any, owner: str) -> list[tuple[P, P]]:
    """The straight segments the page draws for an owner (outlines and lines)."""
    from scidsl.primitives import Line

    out: list[tuple[P, P]] = []
    for item in page.items:
        if isinstance(item, Line) and item.owner == owner:
            pts = list(item.points)
            if item.closed:
                pts.append(pts[0])
            out.extend(zip(pts, pts[1:]))
    return out


def _point_line_distance(p: P, a: P, b: P) -> tuple[float, float]:
    """Distance from p to the line a-b, and the parameter of its foot (0 at a, 1 at b)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    d2 = dx * dx + dy * dy
    if d2 == 0:
        return math.dist(p, a), 0.0
    t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / d2
    return abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / math.sqrt(d2), t


def flush_contact(subject: list[tuple[P, P]], support: list[tuple[P, P]], tol: float) -> Optional[float]:
    """None when some edge of the subject lies along some segment of the support (both on its line within
    `tol`, the two overlapping); otherwise the smallest gap found, in page cm."""
    best = math.inf
    for s0, s1 in subject:
        if math.dist(s0, s1) < 1e-9:
            continue
        for a, b in support:
            if math.dist(a, b) < 1e-9:
                continue
            d0, t0 = _point_line_distance(s0, a, b)
            d1, t1 = _point_line_distance(s1, a, b)
            inside = min(max(t0, t1), 1.0) - max(min(t0, t1), 0.0) > 1e-6  # the two overlap along the line
            gap = max(d0, d1)
            if inside and gap <= tol:
                return None
            if inside:
                best = min(best, gap)
    return best


def circle_contact(center: P, radius: float, support: list[tuple[P, P]], tol: float) -> Optional[float]:
    """None when the circle touches a support segment (tangent within `tol`); else the smallest gap."""
    best = math.inf
    for a, b in support:
        d, t = _point_line_distance(center, a, b)
        if -0.01 <= t <= 1.01:
            gap = abs(d - radius)
            if gap <= tol:
                return None
            best = min(best, gap)
    return best


def measure_tangent(rope: str, pulley: str) -> Callable[[Any], Optional[str]]:
    """The straight runs of a rope that meet a pulley's rim meet it at a tangent."""
    def measure(page: Any) -> Optional[str]:
        from scidsl.primitives import Circle

        disk = next((it for it in page.items if isinstance(it, Circle) and it.owner == pulley), None)
        if disk is None:
            return None
        c, r = disk.center, disk.radius
        tol = max(CONTACT_TOL_CM, 0.02 * r)
        touched = False
        for a, b in segments(page, rope):
            if math.dist(a, b) < 0.5 * r:
                continue  # a piece of the wrapped arc
            for end in (a, b):
                if abs(math.dist(end, c) - r) <= tol:
                    touched = True
                    d, _ = _point_line_distance(c, a, b)
                    if abs(d - r) > tol:
                        return f"the rope {rope} meets {pulley} at an angle, not along a tangent"
        return None if touched else f"the rope {rope} does not reach the rim of {pulley}"
    return measure
