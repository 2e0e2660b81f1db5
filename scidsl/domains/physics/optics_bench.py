"""Optical benches checked and traced: elements gathered per bench, their physics checked, images as facts."""
from __future__ import annotations

import math
from typing import Any, Callable, Optional

from scidsl.diagnostics import error
from scidsl.domains.physics import optics_kinds as ok
from scidsl.domains.physics.optics import Element, System, cm, focal_of, total_magnification, trace

Report = Callable[[Any], None]
_READABLE = 1.5  # an image may lie this many bench lengths beyond the bench
_HEIGHTS = 25.0  # largest ratio of drawn arrow heights
_STEEPEST = 45.0  # degrees: a steeper beam is not paraxial
_SHORTEST = 0.1  # cm: a bench shorter than this cannot be drawn
_APART = 0.02  # share of the bench an image keeps from elements, the object and other images


def _degrees(q: Any) -> float:
    return math.degrees(q.si) if q.unit else q.value


def check(ctx: Any) -> None:
    """Every bench and element: placed, signed, ordered, and its images drawable."""
    benches = {n.name for n in ctx.nodes if isinstance(n, ok.OpticalBench)}
    for node in ctx.nodes:
        if isinstance(node, (ok.BenchLens, ok.BenchMirror)) and node.on not in benches:
            ctx.report(error("E9710", f"{node.name} stands on {node.on!r}, which is not an optical bench",
                             node.span_of("on"), "declare `optical_bench B { ... }` and write `on B`"))
    for node in ctx.nodes:
        if isinstance(node, ok.OpticalBench):
            systems(node, ctx.nodes, ctx.report)


def systems(bench: ok.OpticalBench, nodes: list, report: Report) -> Optional[System]:
    """The traced bench, or None after reporting why it cannot be traced."""
    parts = [n for n in nodes if isinstance(n, (ok.BenchLens, ok.BenchMirror)) and n.on == bench.name]
    if not parts:
        report(error("E9710", f"the optical bench {bench.name} has no lens or mirror on it", bench.span,
                     f"add `bench_lens L1 on {bench.name} at 10 cm {{ focal: 5 cm }}`"))
        return None
    if (bench.object_at is None) == (bench.beam is None):
        report(error("E9718", "a bench needs either an object (`object_at`) or a parallel `beam`, and not both",
                     bench.span, "give `object_at: 0 cm` or `beam: 5 deg`"))
        return None
    if bench.beam is not None and abs(_degrees(bench.beam)) > _STEEPEST:
        report(error("E9718", f"a beam at {bench.beam.pretty()} to the axis is not paraxial (at most "
                     f"{_STEEPEST:g} deg)", bench.span_of("beam") or bench.span, "give a small angle, e.g. 5 deg"))
        return None
    elements = [e for e in (_element(n, report) for n in parts) if e is not None]
    if len(elements) < len(parts) or not _placed(bench, elements, report):
        return None
    sys = trace(bench, elements)
    if not _finite(bench, sys, report):
        return None
    return sys if _readable(bench, sys, report) else None


def _element(node: Any, report: Report) -> Optional[Element]:
    f = focal_of(node)
    mirror = isinstance(node, ok.BenchMirror)
    span = node.span_of("focal") or node.span
    if mirror and node.type == "plane" and node.focal is not None:
        report(error("E9711", "a plane mirror has no focal length", span, "leave out `focal` or make it concave"))
        return None
    if f == 0.0:
        what = "a focal length" if node.focal is not None else "no focal length"
        report(error("E9711", f"{node.name} has {what} of zero" if node.focal is not None else
                     f"the {node.type} mirror {node.name} has no focal length", span,
                     "give the signed focal length, e.g. 10 cm (converging) or -10 cm (diverging)"))
        return None
    want = {"converging": 1, "diverging": -1, "concave": 1, "convex": -1}.get(node.type or "")
    if want is not None and not math.isinf(f) and want * f < 0:
        report(error("E9711", f"a {node.type} {'mirror' if mirror else 'lens'} has a "
                     f"{'positive' if want > 0 else 'negative'} focal length, not {node.focal.pretty()}", span,
                     "focal lengths are signed: converging and concave +, diverging and convex -"))
        return None
    return Element(node, cm(node.at), f, mirror)


def _placed(bench: ok.OpticalBench, elements: list[Element], report: Report) -> bool:
    seen: dict[float, Element] = {}
    for e in elements:
        twin = next((o for x, o in seen.items() if abs(x - e.x) < 1e-9), None)
        if twin is not None:
            report(error("E9712", f"{e.name} and {twin.name} stand at the same position on the bench",
                         e.node.span_of("at") or e.node.span, "thin elements need distinct positions",
                         related=((twin.node.span, f"{twin.name} is here"),)))
            return False
        seen[e.x] = e
    mirrors = [e for e in elements if e.mirror]
    behind = [e for e in elements if mirrors and e.x > mirrors[0].x]
    if len(mirrors) > 1 or behind:
        worse = mirrors[1] if len(mirrors) > 1 else behind[0]
        report(error("E9716", f"light reflected by {mirrors[0].name} never reaches {worse.name}",
                     worse.node.span, "a bench holds one mirror, the last element"))
        return False
    first = min(e.x for e in elements)
    if bench.object_at is not None and cm(bench.object_at) >= first:
        report(error("E9713", f"the object at {bench.object_at.pretty()} is not in front of every element "
                     f"(the first stands at {first:g} cm)", bench.span_of("object_at") or bench.span,
                     "light travels towards larger x: put the object left of the first element"))
        return False
    return True


def _finite(bench: ok.OpticalBench, sys: System, report: Report) -> bool:
    last = sys.steps[-1].name
    if sys.final is None and bench.image == "shown":
        report(error("E9714", f"the final image (after {last}) is at infinity: the light leaves parallel",
                     bench.span_of("image") or bench.span,
                     "state `image: infinity`, or move the object off the focal point"))
        return False
    if sys.final is not None and bench.image == "infinity":
        report(error("E9715", f"the final image is not at infinity: it forms at {sys.final.x:.4g} cm",
                     bench.span_of("image"), "remove `image: infinity` or place the object at a focal point"))
        return False
    return True


def _readable(bench: ok.OpticalBench, sys: System, report: Report) -> bool:
    lo, hi = window(sys)
    size = hi - lo
    if size < _SHORTEST:
        report(error("E9717", f"the bench spans {size:.3g} cm, too short to draw", bench.span,
                     "give positions and focal lengths in cm, e.g. `at: 15 cm`"))
        return False
    if bench.hides_image():
        return True
    heights = [abs(sys.object_h)] if sys.slope is None else []
    for img in sys.images:
        if img is None:
            continue
        if sys.slope is None:
            heights.append(abs(img.height))
        if not lo - _READABLE * size <= img.x <= hi + _READABLE * size:
            report(error("E9717", f"the image by {img.element.name} forms at {img.x:.4g} cm, too far from the "
                         f"bench ({lo:.4g} to {hi:.4g} cm) to draw on one scale", bench.span,
                         "move the object farther from the focal point, or write `image: hidden`"))
            return False
    if not _apart(bench, sys, lo, hi, report):
        return False
    if heights and (min(heights) <= 0 or max(heights) / min(heights) > _HEIGHTS):
        report(error("E9717", f"object and image heights differ by more than {_HEIGHTS:g} times "
                     f"({min(heights):.3g} to {max(heights):.3g} cm): too small or too large to draw together",
                     bench.span, "choose positions with a moderate magnification, or write `image: hidden`"))
        return False
    return True


def _apart(bench: ok.OpticalBench, sys: System, lo: float, hi: float, report: Report) -> bool:
    """No image stands on an element or on the object, where a reader could not tell them apart."""
    xs = [(e.x, e.name) for e in sys.steps if not e.folded]
    if sys.slope is None:
        xs.append((sys.object_u, "the object"))
    xs += [(i.x, f"image {i.step + 1}") for i in sys.images if i is not None]
    span = max(xs)[0] - min(xs)[0]
    for img in (i for i in sys.images if i is not None):
        for x, what in xs:
            if what != f"image {img.step + 1}" and abs(img.x - x) < _APART * max(span, hi - lo):
                report(error("E9717", f"the image by {img.element.name} forms at {img.x:.4g} cm, on top of {what}",
                             bench.span, "move an element so that the image stands apart, or write `image: hidden`"))
                return False
    return True


def window(sys: System) -> tuple[float, float]:
    """Bench positions spanned by the object, the elements and their focal points."""
    xs = [] if sys.slope is not None else [sys.fold(sys.object_u, False)]
    for e in sys.steps:
        xs.append(e.x)
        if not math.isinf(e.f):
            xs.extend([e.x - e.f, e.x + e.f] if not e.mirror else [e.x - e.f])
    return min(xs), max(xs)


def bench_facts(sys: System) -> list:
    """Each image's position, height, nature and magnification; the total magnification."""
    from scidsl.pipeline import Fact

    name, hidden = sys.bench.name, sys.bench.hides_image()
    out = [Fact("focal_length", (name, e.name), e.f if not math.isinf(e.f) else None,
                f"{e.name} has focal length {e.f:.4g} cm" if not math.isinf(e.f) else f"{e.name} is a plane mirror")
           for e in sys.steps if not e.folded]
    for k, img in enumerate(sys.images, 1):
        by = f"image {k} (by {sys.steps[k - 1].name})"
        if img is None:
            out.append(Fact("image_at_infinity", (name, k), True, f"{by} is at infinity", hidden))
            continue
        nature = "real" if img.real else "virtual"
        side = "inverted" if (img.height < 0) != (sys.object_h < 0) else "upright"
        out += [Fact("image_position", (name, k), round(img.x, 9), f"{by} forms at x = {img.x:.4g} cm", hidden),
                Fact("image_distance", (name, k), round(img.distance, 9),
                     f"{by} is {img.distance:.4g} cm from {img.element.name}", hidden),
                Fact("image_height", (name, k), round(img.height, 9), f"{by} is {img.height:.4g} cm high", hidden),
                Fact("image_nature", (name, k), nature, f"{by} is {nature}", hidden)]
        if sys.slope is None:
            out.append(Fact("image_orientation", (name, k), side, f"{by} is {side}", hidden))
        if img.magnification is not None:
            out.append(Fact("magnification", (name, img.element.name, k), round(img.magnification, 9),
                            f"{img.element.name} magnifies {img.magnification:.4g} times", hidden))
    if sys.slope and sys.final is None and sys.rays:  # light leaves parallel: an angular magnification
        ang = sys.rays[0].slope_out / sys.slope
        out.append(Fact("angular_magnification", (name,), round(ang, 9),
                        f"the bench magnifies angles {ang:.4g} times", hidden))
    total = total_magnification(sys)
    if total is not None:
        out.append(Fact("total_magnification", (name,), round(total, 9),
                        f"the bench magnifies {total:.4g} times in all", hidden))
    return out


class Bench:
    """A traced bench laid out on the page: world cm → page cm, x to scale; heights on the same scale, or (an
    object's) stretched by a round factor the page states."""

    def __init__(self, sys: System, x0: float = 0.0) -> None:
        self.sys, self.x0 = sys, x0
        shown = not sys.bench.hides_image()
        first = sys.steps[0]
        lo, hi = window(sys)
        size = max(hi - lo, 1e-6)
        self.lead = 0.5 * abs(first.f) if not math.isinf(first.f) else 0.3 * size
        drawn = [i for i in sys.images if i is not None] if shown else []
        heights = [abs(i.height) for i in drawn] + [abs(sys.object_h)]
        if sys.slope is not None:
            heights += [r.reach if shown else abs(r.points[1][1]) for r in sys.rays]
            lo = min(lo, first.x - self.lead)
        # the tallest arrow about 2.2 cm, the shortest at least 0.45 cm when the tallest stays within 4 cm
        tall, short = max(max(heights), 1e-9), max(min(h for h in heights if h > 0) if any(heights) else 1.0, 1e-9)
        self.sy_world = max(2.2 / tall, min(0.45 / short, 4.0 / tall))
        self.size = size
        ends = [self._end(r)[0] for r in sys.rays] if shown else []
        xs = [lo, hi] + [i.x for i in drawn] + ends
        self.lo, self.hi = min(xs), max(xs)
        self.sx = nice_scale(13.0 / max(self.hi - self.lo, 1e-6))
        ratio = self.sy_world / self.sx
        # a beam's stated angle is drawn true; an object's heights may be stretched, by a round factor the page states
        self.stretch = 1.0 if sys.slope is not None or 0.8 <= ratio <= 1.25 else nice_factor(ratio)
        self.sy = self.sx * self.stretch
        self.width = (self.hi - self.lo) * self.sx + 1.2

    def page_x(self, x: float) -> float:
        """Page abscissa of a bench position."""
        return self.x0 + 0.6 + (x - self.lo) * self.sx

    def page(self, u: float, y: float, after: bool) -> tuple[float, float]:
        """Page point of an unfolded position and height."""
        return (self.page_x(self.sys.fold(u, after)), y * self.sy)

    def index_of(self, e: Element) -> int:
        """1-based index of an element along the bench."""
        return sorted(s.x for s in self.sys.steps if not s.folded).index(e.x) + 1

    def _after(self, step: int) -> bool:
        e = self.sys.steps[step]
        return self.sys.mirror_u is not None and (e.mirror or e.folded)

    def _end(self, ray: Any) -> tuple[float, float]:
        """Bench position and height where a ray's drawing ends past the last element."""
        sys, last = self.sys, self.sys.steps[-1]
        u, y = ray.points[-1]
        s, fin = ray.slope_out, sys.final
        if fin is not None and fin.real:
            end = fin.u + max(0.25 * fin.distance, 0.08 * self.size)
        else:
            end = u + max(0.5 * abs(last.f) if not math.isinf(last.f) else 0.0, 0.3 * self.size)
        ymax = 3.2 / self.sy_world
        if abs(y + s * (end - u)) > ymax and abs(s) > 1e-12:
            end = max(u + 0.1 * self.size, u + (math.copysign(ymax, s) - y) / s)  # a short piece at least
        return sys.fold(end, self._after(len(sys.steps) - 1)), y + s * (end - u)

    def ray_page_points(self, ray: Any, shown: bool) -> list[tuple[float, float]]:
        """Page points of a ray: its start, every element it meets, its end (only the first element when hidden)."""
        sys = self.sys
        if sys.slope is not None:
            u1, y1 = ray.points[1]
            pts = [(self.page_x(u1 - self.lead), (y1 - ray.slope_in * self.lead) * self.sy)]
        else:
            pts = [(self.page_x(sys.object_u), ray.points[0][1] * self.sy)]
        for i, (_, y) in enumerate(ray.points[1:]):
            pts.append((self.page_x(sys.steps[i].x), y * self.sy))
            if not shown:
                return pts
        x, y = self._end(ray)
        return pts + [(self.page_x(x), y * self.sy)]

    def dashed_extensions(self, ray: Any) -> list[tuple[tuple[float, float], ...]]:
        """Dashed lines from the elements to virtual images and to images the next element intercepts."""
        out = []
        for i, img in enumerate(self.sys.images):
            if img is None or (img.real and img.reached):
                continue
            hit = ray.points[i + 1] if not img.real else ray.points[i + 2]
            out.append((self.page(hit[0], hit[1], self._after(i)), self.page(img.u, img.height, self._after(i))))
        return out


def nice_factor(ratio: float) -> float:
    """The round factor (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) nearest to `ratio`, on a log scale."""
    k = 10.0 ** math.floor(math.log10(ratio))
    steps = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)
    return min((m * k for m in steps), key=lambda f: abs(math.log(f / ratio)))


def nice_scale(most: float) -> float:
    """The largest of 1, 2, 2.5, 5 times a power of ten not above `most` (page cm per world cm)."""
    k = math.floor(math.log10(most))
    for m in (5.0, 2.5, 2.0, 1.0):
        if m * 10 ** k <= most:
            return min(m * 10 ** k, 5.0)
    return 10 ** k


def layout_bench(node: ok.OpticalBench, nodes: list, report: Report) -> Optional[Bench]:
    """The bench traced and scaled, or None when it cannot be."""
    sys = systems(node, nodes, report)
    return Bench(sys) if sys is not None else None


_MEET_CM = 0.02  # drawn rays must meet within this of the drawn image tip
_MIN_ANGLE = math.radians(2)  # rays closer to parallel than this do not fix a point


def verify_bench(item: Bench, page: Any, report: Report) -> None:
    """The rays leaving the last element meet (or seem to meet) at the drawn final image's tip (E9719)."""
    name = item.sys.bench.name
    tip = page.anchors.get(f"{name}.image_tip")
    if tip is None:
        return
    lasts = [it.points[-2:] for it in page.items if getattr(it, "owner", None) == name
             and getattr(it, "role", "") == "ray" and len(it.points) >= 2]
    for i, a in enumerate(lasts):
        for b in lasts[i + 1:]:
            p = crossing(a[0], a[1], b[0], b[1])
            if p is not None and math.dist(p, tip) > _MEET_CM * max(1.0, page_scale(item, page)):
                report(error("E9719", f"two drawn rays of {name} meet {math.dist(p, tip):.3g} cm from the drawn "
                             "image", item.sys.bench.span, "this is a bug in the ray tracer, please report the scene"))
                return


def page_scale(item: Bench, page: Any) -> float:
    """How much the page was enlarged after layout (1 when it was not)."""
    base = page.anchors.get(f"{item.sys.bench.name}.object_base")
    tip = page.anchors.get(f"{item.sys.bench.name}.object_tip")
    if base is None or tip is None or item.sys.object_h == 0:
        return 1.0
    return abs(tip[1] - base[1]) / abs(item.sys.object_h * item.sy)


def crossing(a: Any, b: Any, c: Any, d: Any) -> Optional[tuple[float, float]]:
    """Where the lines a–b and c–d cross; None when they are nearly parallel."""
    u, v = (b[0] - a[0], b[1] - a[1]), (d[0] - c[0], d[1] - c[1])
    cross = u[0] * v[1] - u[1] * v[0]
    if abs(cross) < math.sin(_MIN_ANGLE) * math.hypot(*u) * math.hypot(*v):
        return None
    t = ((c[0] - a[0]) * v[1] - (c[1] - a[1]) * v[0]) / cross
    return (a[0] + t * u[0], a[1] + t * u[1])
