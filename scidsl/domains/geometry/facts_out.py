"""Atomic facts a geometry figure shows, for quizzes and inverse validation."""
from __future__ import annotations

from typing import Any

from scidsl.domains.geometry import constructions as cx


def figure_facts(lay: Any) -> list:
    """Points, polygons, circles and the marks drawn, each as one Fact."""
    from scidsl.pipeline import Fact

    out: list = []
    for name in lay.points:
        if not name.startswith("_"):
            out.append(Fact("point", (name,), None, f"point {name} is labelled"))
    for node, vt in lay.plan.polygons:
        out.append(Fact(node.kind, tuple(vt), None, f"{node.kind} {''.join(vt)}"))
    for node, name in lay.plan.circles:
        r = lay.circles[name][1]
        out.append(Fact("circle", (name,), round(r / lay.scale, 6), f"circle {name}"))
    for m in lay.plan.marks:
        out.extend(_mark_facts(lay, m))
    for key, value in lay.exact.items():
        out.append(Fact("exact", (key,), str(value), f"{key} = {value}"))
    return out


def _mark_facts(lay: Any, m: Any) -> list:
    from scidsl.pipeline import Fact

    pts = tuple(m.points)
    if m.kind == "right":
        return [Fact("right_angle", (pts[1],), 90, f"angle {''.join(pts)} is marked as a right angle")]
    if m.kind == "angle":
        a, v, b = (lay.points[p] for p in pts)
        deg = round(cx.angle_deg(a, v, b), 4)
        text = f"angle {''.join(pts)} is marked" + (f" {m.label}" if m.label else "")
        return [Fact("angle_mark", pts, m.label or deg, text)]
    if m.kind == "side_label":
        return [Fact("side_label", pts, m.label, f"side {''.join(pts)} is labelled {m.label}")]
    if m.kind == "ticks":
        return [Fact("equal_mark", pts, m.count, f"side {''.join(pts)} has {m.count} tick(s)")]
    if m.kind in ("arrows", "arrows_line"):
        return [Fact("parallel_mark", pts, m.count, f"{''.join(pts)} carries {m.count} parallel arrow(s)")]
    return []
