"""Small plane-geometry helpers for schematics: affine maps, boxes, segment tests."""
from __future__ import annotations

from dataclasses import dataclass

Point = tuple[float, float]
Seg = tuple[Point, Point]
EPS = 1e-6


@dataclass(frozen=True)
class Affine:
    """p → (a·x + b·y + tx, c·x + d·y + ty)."""

    a: float = 1.0
    b: float = 0.0
    c: float = 0.0
    d: float = 1.0
    tx: float = 0.0
    ty: float = 0.0

    def __call__(self, p: Point) -> Point:
        x, y = p
        return (_r(self.a * x + self.b * y + self.tx), _r(self.c * x + self.d * y + self.ty))

    def vec(self, v: Point) -> Point:
        """Map a direction (no translation)."""
        x, y = v
        return (_r(self.a * x + self.b * y), _r(self.c * x + self.d * y))

    def then(self, other: "Affine") -> "Affine":
        """This map followed by `other`."""
        o = other
        return Affine(o.a * self.a + o.b * self.c, o.a * self.b + o.b * self.d,
                      o.c * self.a + o.d * self.c, o.c * self.b + o.d * self.d,
                      o.a * self.tx + o.b * self.ty + o.tx, o.c * self.tx + o.d * self.ty + o.ty)


def translate(dx: float, dy: float) -> Affine:
    """Translation."""
    return Affine(tx=dx, ty=dy)


ROT90 = Affine(0, -1, 1, 0)  # counter-clockwise quarter turn
ROT180 = Affine(-1, 0, 0, -1)
ROT270 = Affine(0, 1, -1, 0)
MIRROR_Y = Affine(1, 0, 0, -1)


def _r(v: float) -> float:
    """Round away float noise so equal grid points compare equal."""
    out = round(v, 6)
    return 0.0 if out == 0 else out


@dataclass(frozen=True)
class Box:
    """Axis-aligned rectangle."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: "Box", pad: float = 0.0) -> bool:
        """True if the open interiors (grown by pad) intersect."""
        return (self.x0 - pad < other.x1 - EPS and other.x0 < self.x1 + pad - EPS
                and self.y0 - pad < other.y1 - EPS and other.y0 < self.y1 + pad - EPS)

    def hits_segment(self, seg: Seg) -> bool:
        """True if an axis-parallel segment passes through the open interior."""
        (x0, y0), (x1, y1) = seg
        if abs(x0 - x1) < EPS:
            return self.x0 + EPS < x0 < self.x1 - EPS and \
                max(min(y0, y1), self.y0) < min(max(y0, y1), self.y1) - EPS
        return self.y0 + EPS < y0 < self.y1 - EPS and \
            max(min(x0, x1), self.x0) < min(max(x0, x1), self.x1) - EPS


def box_around(points: list[Point], pad: float = 0.0) -> Box:
    """Bounding box of points grown by pad."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return Box(min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)


def on_segment(p: Point, seg: Seg) -> bool:
    """True if p lies strictly inside an axis-parallel segment."""
    (x0, y0), (x1, y1) = seg
    if abs(x0 - x1) < EPS:
        return abs(p[0] - x0) < EPS and min(y0, y1) + EPS < p[1] < max(y0, y1) - EPS
    if abs(y0 - y1) < EPS:
        return abs(p[1] - y0) < EPS and min(x0, x1) + EPS < p[0] < max(x0, x1) - EPS
    return False


def segments_cross(s: Seg, t: Seg) -> bool:
    """True if two axis-parallel segments meet anywhere except at a shared end point."""
    shared = {s[0], s[1]} & {t[0], t[1]}
    sh = abs(s[0][1] - s[1][1]) < EPS
    th = abs(t[0][1] - t[1][1]) < EPS
    if sh == th:  # parallel: overlap only if collinear with common interior
        return _collinear_overlap(s, t, sh)
    h, v = (s, t) if sh else (t, s)
    x, y = v[0][0], h[0][1]
    inside_h = min(h[0][0], h[1][0]) - EPS <= x <= max(h[0][0], h[1][0]) + EPS
    inside_v = min(v[0][1], v[1][1]) - EPS <= y <= max(v[0][1], v[1][1]) + EPS
    return inside_h and inside_v and (x, y) not in shared


def _collinear_overlap(s: Seg, t: Seg, horizontal: bool) -> bool:
    axis, other = (0, 1) if horizontal else (1, 0)
    if abs(s[0][other] - t[0][other]) > EPS:
        return False
    a0, a1 = sorted((s[0][axis], s[1][axis]))
    b0, b1 = sorted((t[0][axis], t[1][axis]))
    return min(a1, b1) - max(a0, b0) > EPS
