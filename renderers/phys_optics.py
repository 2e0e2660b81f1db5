"""Renderer of optical benches: axis, thin lenses and mirrors, focal points, object, traced rays and images."""
from __future__ import annotations

import math
from typing import Any

from scidsl.primitives import Dot, Drawing, LabelSpec, Line, Stroke, Text

P = tuple[float, float]
_RAY = Stroke(color="#b03030", width=0.9)
_VIRTUAL = Stroke(color="#b03030", width=0.8, dash="dashed")
_ARROW = 1.8  # object and image arrows, pt
_DIM_Y = 0.7  # distance rows below the lowest element, cm
_POINT = 0.3  # an image shorter than this (cm on the page) is drawn as a point


def render_bench(item: Any, out: Drawing) -> None:
    """Draw one traced bench (see scidsl.domains.physics.optics_bench.Bench)."""
    sys, owner = item.sys, item.sys.bench.name
    bench = sys.bench
    halves = _half_heights(item)
    item.points = []
    left, right = item.page_x(item.lo), item.page_x(item.hi)
    out.items.append(Line(((left - 0.6, 0.0), (right + 0.6, 0.0)), False, Stroke(width=0.7, dash="dashdot"),
                          owner=owner, role="axis"))
    shown = not bench.hides_image()
    _draw_rays(item, out, owner, shown)
    for e in sys.steps:
        if not e.folded:
            _element(item, e, halves[e.name], out)
    if sys.slope is None:
        _object(item, out, owner)
    elif bench.beam is not None and bench.beam.value != 0:
        start = _beam_start(item, sys.rays[0])
        out.labels.append(LabelSpec(f"$\\theta$ = {bench.beam.pretty()}", start, owner, size=9,
                                    prefer=(180.0, 150.0, 210.0), distance=0.1))
    if shown:
        _images(item, out, owner)
    else:
        _placeholder(item, out, owner)
    _name_points(item.points, out)
    if item.stretch != 1.0:  # heights not on the axis's scale: say so
        out.labels.append(LabelSpec(f"heights drawn ×{item.stretch:g}", (right + 0.6, 0.0), owner, size=8,
                                    prefer=(-90.0, -60.0, 90.0, 60.0), distance=0.15, role="scale_note"))
    low = min([-max(halves.values())] + [p[1] for it in out.items if isinstance(it, Line) and it.owner == owner
                                         for p in it.points])
    if "distances" in bench.show:
        _distances(item, out, owner, low - _DIM_Y)
    if bench.label:
        out.items.append(Text(((left + right) / 2, low - 2 * _DIM_Y - 0.4), bench.label, 11,
                              "center", "top", owner=owner, role="caption"))


def _half_heights(item: Any) -> dict[str, float]:
    """Every element drawn one height, a little beyond the rays that meet them and the arrows beside them."""
    sys = item.sys
    shown = not sys.bench.hides_image()  # hidden: only what reaches the first element may shape the figure
    reach = {e.name: 0.0 for e in sys.steps}
    for ray in sys.rays:
        for (_, y), e in zip(ray.points[1:] if shown else ray.points[1:2], sys.steps):
            reach[e.name] = max(reach[e.name], abs(y) * item.sy)
    images = [abs(i.height) * item.sy for i in sys.images if i is not None] if shown else []
    tallest = max([abs(sys.object_h) * item.sy] + images)
    half = max(1.0, 1.15 * max(reach.values()) + 0.2, 1.2 * tallest)
    return {n: half for n in reach}


def _element(item: Any, e: Any, half: float, out: Drawing) -> None:
    x, owner = item.page_x(e.x), e.name
    top, bottom = (x, half), (x, -half)
    stroke = Stroke(width=1.6)
    out.items.append(Line((bottom, top), False, stroke, owner=owner, role="mirror" if e.mirror else "lens"))
    if e.mirror:
        _mirror_marks(e, top, bottom, owner, out)
    else:
        sign = -1 if e.f > 0 else 1  # converging: heads point outwards; diverging: inwards
        for end, up in ((top, 1), (bottom, -1)):
            for side in (1, -1):
                out.items.append(Line((end, (end[0] + side * 0.14, end[1] + up * sign * 0.22)), False, stroke,
                                      owner=owner, role="lens"))
    out.anchors.update({f"{owner}.center": (x, 0.0), f"{owner}.top": top, f"{owner}.bottom": bottom})
    if e.node.label:
        out.labels.append(LabelSpec(e.node.label, top, owner, prefer=(90.0, 60.0, 120.0), distance=0.12))
    if "focal_lengths" in item.sys.bench.show and not math.isinf(e.f):
        text = f"$f$ = {e.node.focal.pretty()}".replace("-", "−")
        out.labels.append(LabelSpec(text, bottom, owner, size=9, prefer=(-90.0, -60.0, -120.0), distance=0.12))
    _focal_points(item, e, out)


def _mirror_marks(e: Any, top: P, bottom: P, owner: str, out: Drawing) -> None:
    """Hatching behind the mirror; short end hooks bent towards the light (concave) or away (convex)."""
    hatch = Stroke(width=0.7)
    n = max(3, int((top[1] - bottom[1]) / 0.25))
    for j in range(n + 1):
        y = bottom[1] + (top[1] - bottom[1]) * j / n
        out.items.append(Line(((top[0], y), (top[0] + 0.18, y - 0.14)), False, hatch, owner=owner, role="hatch"))
    if e.node.type != "plane":
        bend = -0.2 if e.node.type == "concave" else 0.2
        for end, up in ((top, 1), (bottom, -1)):
            out.items.append(Line((end, (end[0] + bend, end[1] + up * 0.16)), False, Stroke(width=1.6),
                                  owner=owner, role="mirror"))


def _focal_points(item: Any, e: Any, out: Drawing) -> None:
    if math.isinf(e.f):
        return
    many = len([s for s in item.sys.steps if not s.folded]) > 1
    sub = f"_{{{item.index_of(e)}}}" if many else ""
    # a full-size \prime: STIX shrinks `'` and `^{\prime}` to a tick that reads as an accent over the index
    points = ([(e.x - e.f, "F", f"$F{sub}$"), (e.x - 2 * e.f, "C", f"$C{sub}$")] if e.mirror else
              [(e.x - e.f, "F1", f"$F{sub}$"), (e.x + e.f, "F2", f"$F{sub}\\prime$")])
    for x, member, text in points:
        p = (item.page_x(x), 0.0)
        out.anchors[f"{e.name}.{member}"] = p
        if not item.lo - 1e-9 <= x <= item.hi + 1e-9:
            continue
        point = f"{e.name}.{member}"  # a point of its own: its name competes with points, not with the rays
        out.items.append(Dot(p, 0.06, "black", point))
        if "focal_points" in item.sys.bench.show:
            item.points.append((text, p, point))


def _object(item: Any, out: Drawing, owner: str) -> None:
    sys = item.sys
    base = (item.page_x(sys.object_u), 0.0)
    tip = (base[0], sys.object_h * item.sy)
    out.items.append(Line((base, tip), False, Stroke(width=_ARROW), "end", owner=owner, role="object"))
    out.anchors.update({f"{owner}.object_base": base, f"{owner}.object_tip": tip})
    if sys.bench.object_label:
        up = 90.0 if tip[1] > 0 else -90.0
        out.labels.append(LabelSpec(sys.bench.object_label, tip, owner, prefer=(180.0, up, 150.0, 210.0),
                                    distance=0.12))


def _images(item: Any, out: Drawing, owner: str) -> None:
    sys = item.sys
    drawn = [img for img in sys.images if img is not None]
    for img in drawn:
        k = img.step + 1
        base, tip = (item.page_x(img.x), 0.0), (item.page_x(img.x), img.height * item.sy)
        solid = img.real and img.reached
        if abs(tip[1]) < _POINT:  # too short for an arrow (a beam focused near the axis): a point image
            out.items.append(Dot(tip, 0.07, "black", owner, role="image", hollow=not solid))
        else:
            out.items.append(Line((base, tip), False, Stroke(width=_ARROW, dash=None if solid else "dashed"),
                                  "end", owner=owner, role="image"))
        names = [f"image{k}"] + (["image"] if img is sys.final else [])
        for n in names:
            out.anchors.update({f"{owner}.{n}_base": base, f"{owner}.{n}_tip": tip})
        text = "$I$" if len(sys.steps) == 1 else f"$I_{{{k}}}$"
        away = 90.0 if tip[1] > 0 else -90.0
        if solid:  # the rays meet at the tip: the name goes beyond it, or beside
            prefer = (away, away + 30, away - 30, 0.0, 180.0)
        else:  # dashed extensions fan towards the tip: name the base, across the axis
            prefer = (-away, -away + 30, -away - 30)
        out.labels.append(LabelSpec(text, tip if solid else base, owner, size=10, prefer=prefer, distance=0.12))


def _placeholder(item: Any, out: Drawing, owner: str) -> None:
    """`answer: "?"`: the placeholder where the image is sought, past a lens or in front of a mirror."""
    from scidsl.answers import display

    text = display(item.sys.bench, "")
    if not text:
        return
    first = item.sys.steps[0]
    back = (first.x - item.lo) * 0.5
    x = first.x - back if first.mirror else min(first.x + max(back, 0.15 * (item.hi - item.lo)), item.hi)
    out.labels.append(LabelSpec(text, (item.page_x(x), 0.0), owner, prefer=(-90.0, 90.0), distance=0.25))


def _beam_start(item: Any, ray: Any) -> P:
    u1, y1 = ray.points[1]
    lead = item.lead
    return (item.page_x(u1 - lead), (y1 - ray.slope_in * lead) * item.sy)


def _draw_rays(item: Any, out: Drawing, owner: str, shown: bool) -> None:
    for ray in item.sys.rays:
        pts = item.ray_page_points(ray, shown)
        out.items.append(Line(tuple(pts), False, _RAY, owner=owner, role="ray"))
        _head(pts[0], pts[1], out, owner)
        if len(pts) > 2:
            _head(pts[-2], pts[-1], out, owner, at=0.35)
        if shown:
            for seg in item.dashed_extensions(ray):
                out.items.append(Line(seg, False, _VIRTUAL, owner=owner, role="extension"))


def _head(a: P, b: P, out: Drawing, owner: str, at: float = 0.5) -> None:
    d = math.dist(a, b)
    if d < 0.6:
        return
    u = ((b[0] - a[0]) / d, (b[1] - a[1]) / d)
    tip = (a[0] + u[0] * (d * at + 0.1), a[1] + u[1] * (d * at + 0.1))
    head = Stroke(color=_RAY.color, width=_RAY.width, visible=False)
    out.items.append(Line(((tip[0] - 0.2 * u[0], tip[1] - 0.2 * u[1]), tip), False, head, "end", owner=owner,
                          role="flow"))


def _distances(item: Any, out: Drawing, owner: str, y: float) -> None:
    """Dimension lines between the object and consecutive elements, labelled in world cm."""
    from scidsl.labels import text_box

    sys = item.sys
    xs = ([sys.object_u] if sys.slope is None else []) + sorted(e.x for e in sys.steps if not e.folded)
    for a, b in zip(xs, xs[1:]):
        pa, pb = item.page_x(a), item.page_x(b)
        out.items.append(Line(((pa, y), (pb, y)), False, Stroke(width=0.7), "both" if pb - pa > 0.8 else None,
                              owner=owner, role="dimension"))
        for p in (pa, pb):
            out.items.append(Line(((p, y - 0.15), (p, y + 0.15)), False, Stroke(width=0.6), owner=owner,
                                  role="dimension"))
        text = f"{b - a:.4g} cm"
        narrow = text_box(text, 9, (0.0, 0.0)).bounds[2] * 2 + 0.1 > pb - pa  # wider than its line: one row down
        out.items.append(Text(((pa + pb) / 2, y - (0.55 if narrow else 0.2)), text, 9, "center", "top",
                              owner=owner, role="distance"))


def _spot(p: P, angle: float, gap: float, w: float, h: float) -> P:
    """The centre of a w × h box `gap` away from p in direction `angle`."""
    u = (math.cos(math.radians(angle)), math.sin(math.radians(angle)))
    reach = min(w / 2 / abs(u[0]) if abs(u[0]) > 1e-9 else math.inf, h / 2 / abs(u[1]) if abs(u[1]) > 1e-9
                else math.inf)
    return (p[0] + u[0] * (gap + reach), p[1] + u[1] * (gap + reach))


def _merged(points: list) -> list:
    """Focal points of two elements at one place get one name: F₁′ = F₂."""
    out: list = []
    for text, p, owner in points:
        same = next((i for i, (_, q, _) in enumerate(out) if math.dist(p, q) < 1e-6), None)
        if same is None:
            out.append((text, p, owner))
        else:
            out[same] = (out[same][0][:-1] + " = " + text[1:], p, out[same][2])
    return out


_BESIDE = (-90.0, -60.0, -120.0, 90.0, 60.0, 120.0, -30.0, -150.0, 30.0, 150.0)
_GAPS = (0.1, 0.3, 0.5, 0.75)  # cm between a focal point and its name: the nearest clear of every ray


def _name_points(points: list, out: Drawing) -> None:
    """Name each focal point beside its dot: the nearest side clear of rays, else below it on a white ground.

    Principal rays run through the focal points by construction, so the nearest free place a general
    placer finds may lie beside another point.
    """
    import numpy as np
    import shapely

    from scidsl.labels import stroke_geometry, text_box

    geoms = [(g, it.owner) for it in out.items if not isinstance(it, Text)
             for g in (stroke_geometry(it),) if g is not None and not g.is_empty]
    texts: list = []  # boxes of the names placed so far: never overlapped, not even on a white ground
    for text, p, owner in _merged(points):
        w, h = (lambda b: (b[2] - b[0], b[3] - b[1]))(text_box(text, 9, (0.0, 0.0)).bounds)
        others = np.array([g for g, o in geoms if o != owner], dtype=object)
        free, clear = [], None
        for centre in (_spot(p, angle, gap, w, h) for gap in _GAPS for angle in _BESIDE):
            box = text_box(text, 9, centre).buffer(0.03)
            if any(t.intersects(box) for t in texts):
                continue
            free.append(centre)
            if not shapely.intersects(others, box).any():
                clear = centre  # the nearest side clear of every name and ray
                break
        if clear is not None:
            placed = (clear, (owner,))
        else:  # on a white ground over the rays, clear of the other names
            centre = free[0] if free else (p[0], p[1] - 0.1 - h / 2)
            box = text_box(text, 9, centre).buffer(0.1)
            placed = (centre, tuple(sorted({o or "" for g, o in geoms if g.intersects(box)} | {owner})))
        out.items.append(Text(placed[0], text, 9, owner=owner, role="point_name", anchor=p, may_touch=placed[1],
                              background="white" if len(placed[1]) > 1 else None))
        texts.append(text_box(text, 9, placed[0]).buffer(0.02))
