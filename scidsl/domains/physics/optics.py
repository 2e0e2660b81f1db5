"""Paraxial optics of a bench: thin lenses and one mirror traced by ray-transfer matrices, in world cm.

Light travels towards larger x. A mirror folds the path back, so the trace works in the unfolded frame (each
element after the mirror sits at 2·x_mirror − x) and the drawing folds it back. An image after element i is
where the rays leaving i meet (or seem to meet): with the matrix [[A, B], [C, D]] from the object plane to just
after i, at t = −B/D beyond i for an object, t = −A/C for a parallel beam; D = 0 (C = 0) puts it at infinity.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Optional

from scidsl.domains.physics import optics_kinds as ok

INF = math.inf
_EPS = 1e-9
Mat = tuple[float, float, float, float]


@dataclass
class Element:
    """One thin element as the light meets it."""

    node: Any
    x: float  # position on the bench (world cm)
    f: float  # signed focal length (cm); inf for a plane mirror
    mirror: bool
    u: float = 0.0  # position in the unfolded frame
    folded: bool = False  # met on the way back, after the mirror

    @property
    def name(self) -> str:
        """The element's scene name."""
        return self.node.name


@dataclass
class Image:
    """The image after one element (world cm, unfolded position `u`, drawn position `x`)."""

    step: int
    element: Element
    u: float
    x: float
    height: float
    real: bool
    magnification: Optional[float]  # of this element alone; None after an image at infinity
    distance: float  # signed, from the element along the light (positive: real)
    reached: bool = True  # False: a real image the next element intercepts first (a virtual object)


@dataclass
class Ray:
    """A traced ray: unfolded (u, y) at the start plane and at every element, its slopes in and out."""

    points: list[tuple[float, float]]
    slope_in: float
    slope_out: float

    @property
    def reach(self) -> float:
        """Its greatest distance from the axis at the elements."""
        return max(abs(y) for _, y in self.points[1:])


@dataclass
class System:
    """A traced bench: elements in the order light meets them, images (None at infinity), rays."""

    bench: Any
    steps: list[Element]
    object_u: float
    object_h: float
    slope: Optional[float]  # tan of the beam angle, None for an object
    images: list[Optional[Image]] = field(default_factory=list)
    rays: list["Ray"] = field(default_factory=list)
    mirror_u: Optional[float] = None

    @property
    def final(self) -> Optional[Image]:
        """The image after the last element, None at infinity."""
        return self.images[-1] if self.images else None

    def fold(self, u: float, after: bool) -> float:
        """The bench position of an unfolded position (after the mirror: reflected across it)."""
        return 2 * self.mirror_u - u if after and self.mirror_u is not None else u


def cm(q: Any) -> float:
    """A length in world cm (a plain number is cm)."""
    return q.si * 100 if q.unit else q.value


def focal_of(node: Any) -> float:
    """Signed focal length in cm (inf for a plane mirror)."""
    if isinstance(node, ok.BenchMirror) and node.type == "plane":
        return INF
    return cm(node.focal) if node.focal is not None else 0.0


def order(elements: list[Element]) -> list[Element]:
    """Elements in the order light meets them: lenses left to right, the mirror, the lenses back."""
    ahead = sorted((e for e in elements if not e.mirror), key=lambda e: e.x)
    mirrors = [e for e in elements if e.mirror]
    if not mirrors:
        for e in ahead:
            e.u = e.x
        return ahead
    m = mirrors[0]
    for e in ahead:
        e.u = e.x
    m.u = m.x
    back = [Element(e.node, e.x, e.f, False, 2 * m.x - e.x, True) for e in reversed(ahead)]
    return ahead + [m] + back


def _mul(a: Mat, b: Mat) -> Mat:
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3])


def _lens(f: float) -> Mat:
    return (1.0, 0.0, 0.0 if math.isinf(f) else -1.0 / f, 1.0)


def _gap(d: float) -> Mat:
    return (1.0, d, 0.0, 1.0)


def trace(bench: Any, elements: list[Element]) -> System:
    """Every image and the drawn rays of a bench (elements checked before)."""
    steps = order(elements)
    beam = bench.beam is not None
    slope = math.tan(bench.beam.si if bench.beam.unit else math.radians(bench.beam.value)) if beam else None
    h = cm(bench.object_height) if bench.object_height is not None else 1.0
    u0 = steps[0].u if beam else cm(bench.object_at)
    sys = System(bench, steps, u0, 0.0 if beam else h, slope)
    sys.mirror_u = next((e.u for e in steps if e.mirror), None)
    m: Mat = (1.0, 0.0, 0.0, 1.0)
    prev_u, prev_h, prev_finite = u0, sys.object_h, not beam
    for i, e in enumerate(steps):
        m = _mul(_lens(e.f), _mul(_gap(e.u - prev_u), m))
        prev_u = e.u
        img = _image(sys, i, e, m, prev_h if prev_finite else None)
        sys.images.append(img)
        prev_finite, prev_h = img is not None, img.height if img is not None else 0.0
    for i, img in enumerate(sys.images[:-1]):
        if img is not None and img.real and img.u > steps[i + 1].u + _EPS:
            img.reached = False
    sys.rays = _rays(sys)
    return sys


def _image(sys: System, i: int, e: Element, m: Mat, prev_h: Optional[float]) -> Optional[Image]:
    a, b, c, d = m
    if sys.slope is None:
        if abs(d) < _EPS:
            return None
        t = -b / d
        height = sys.object_h * (a + t * c)
    else:
        if abs(c) < _EPS / max(1.0, abs(e.u)):
            return None
        t = -a / c
        height = sys.slope * (b + t * d)
    u = e.u + t
    after = sys.mirror_u is not None and (e.mirror or e.folded)
    mag = height / prev_h if prev_h not in (None, 0.0) else None
    return Image(i, e, u, sys.fold(u, after), height, t > 0, mag, t)


def ray_through(sys: System, y0: float, s0: float) -> Ray:
    """A ray leaving the start plane at height y0 with slope s0: (u, y) at the start and every element."""
    pts = [(sys.object_u, y0)]
    u, y, s = sys.object_u, y0, s0
    for e in sys.steps:
        y += s * (e.u - u)
        u = e.u
        pts.append((u, y))
        if not math.isinf(e.f):
            s -= y / e.f
    return Ray(pts, s0, s)


def _candidates(sys: System) -> list[tuple[float, float]]:
    """(height, slope) of the principal rays of the first element, then rays through later centres."""
    first = sys.steps[0]
    if sys.slope is not None:
        w = 0.3 * abs(first.f) if not math.isinf(first.f) else 1.0
        return [(0.0, sys.slope), (w, sys.slope), (-w, sys.slope)]
    h, d = sys.object_h, first.u - sys.object_u
    out = [(h, 0.0), (h, -h / d)]
    if not math.isinf(first.f) and abs(d - first.f) > 0.05 * abs(first.f):
        out.append((h, -h / (d - first.f)))
    for j in range(1, len(sys.steps)):  # rays aimed at the centre of element j: heights are linear in the slope
        y_a = ray_through(sys, h, 0.0).points[j + 1][1]
        y_b = ray_through(sys, h, 1.0).points[j + 1][1]
        if abs(y_b - y_a) > _EPS:
            out.append((h, -y_a / (y_b - y_a)))
    return out


def _rays(sys: System) -> list[Ray]:
    """Up to three rays that stay within a readable height of the axis, principal rays first."""
    heights = [abs(sys.object_h)] + [abs(i.height) for i in sys.images if i is not None]
    bound = 1.6 * max(heights + [_EPS])
    traced = [ray_through(sys, y, s) for y, s in _candidates(sys)]
    if sys.slope is not None:
        return traced
    if sys.bench.hides_image():  # drawn only up to the first element: its principal rays
        first, d = sys.steps[0], sys.steps[0].u - sys.object_u
        principal = traced[:3 if not math.isinf(first.f) and abs(d - first.f) > 0.05 * abs(first.f) else 2]
        return [r for r in principal if abs(r.points[1][1]) <= 3 * abs(sys.object_h)] or principal[:2]
    fits = [r for r in traced if r.reach <= bound]
    if len(fits) < 2:
        fits = sorted(traced, key=lambda r: r.reach)[:2]
    return fits[:3]


def total_magnification(sys: System) -> Optional[float]:
    """Final image height over object height (None for a beam or an image at infinity)."""
    if sys.slope is not None or sys.final is None or sys.object_h == 0:
        return None
    return sys.final.height / sys.object_h
