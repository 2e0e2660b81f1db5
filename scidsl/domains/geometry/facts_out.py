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
        # the radius is a measure the figure does not write (a given radius is its own fact)
        out.append(Fact("circle", (name,), round(r / lay.scale, 6), f"circle {name}", hidden=True))
    for m in lay.plan.marks:
        out.extend(_mark_facts(lay, m))
    out.extend(_crossing_facts(lay))
    shown = _shown_measures(lay)
    for key, value in lay.exact.items():
        out.append(Fact("exact", (key,), str(value), f"{key} = {value}", hidden=key not in shown))
    return out


def _crossing_facts(lay: Any) -> list:
    """Where two lines or circles meet, and which known crossing a point is not (`other_than`)."""
    from scidsl.pipeline import Fact

    out = []
    for c in lay.plan.problem.constructions:
        if c.kind != "intersection" or c.name.startswith("_") or len(c.objects) != 2:
            continue
        names = [o if isinstance(o, str) else "".join(o) for o in c.objects]
        other = f", other than {', '.join(c.avoid)}" if c.avoid else ""
        out.append(Fact("intersection", (c.name, *names), list(c.avoid) or None,
                        f"{c.name} is where {names[0]} and {names[1]} meet{other}"))
    return out


def _numeric(label: Any) -> bool:
    text = str(label or "").strip("$ ")
    return text == "=value" or text[:1].isdigit()


def _shown_measures(lay: Any) -> set[str]:
    """The measures whose value a reader sees: numeric side and angle labels, right-angle squares."""
    out: set[str] = set()
    for m in lay.plan.marks:
        pts = list(m.points)
        if m.hidden:
            continue
        if m.kind == "side_label" and _numeric(m.label):
            out |= {f"length({pts[0]}{pts[1]})", f"length({pts[1]}{pts[0]})"}
        elif m.kind == "angle" and _numeric(m.label):
            out |= {f"angle({''.join(pts)})", f"angle({''.join(reversed(pts))})"}
        elif m.kind == "right" and len(pts) == 3:
            out |= {f"angle({''.join(pts)})", f"angle({''.join(reversed(pts))})"}
    return out


def _mark_facts(lay: Any, m: Any) -> list:
    from scidsl.pipeline import Fact

    pts = tuple(m.points)
    if m.kind == "right":
        return [Fact("right_angle", (pts[1],), 90, f"angle {''.join(pts)} is marked as a right angle")]
    if m.kind == "angle":
        a, v, b = (lay.points[p] for p in pts)
        deg = round(cx.angle_deg(a, v, b), 4)
        value = deg if m.label in (None, "=value") or m.hidden else m.label
        text = f"angle {''.join(pts)} " + (f"measures {deg:g}°" if value == deg else f"is marked {m.label}")
        return [Fact("angle_mark", pts, value, text, hidden=m.hidden)]
    if m.kind in ("side_label", "measure"):
        length = round(cx.dist(lay.points[pts[0]], lay.points[pts[1]]) / lay.scale, 6)
        value = length if m.label in (None, "=value") or m.hidden else m.label
        return [Fact("side_label", pts, value, f"side {''.join(pts)} is {value}", hidden=m.hidden)]
    if m.kind == "ticks":
        return [Fact("equal_mark", pts, m.count, f"side {''.join(pts)} has {m.count} tick(s)")]
    if m.kind in ("arrows", "arrows_line"):
        return [Fact("parallel_mark", pts, m.count, f"{''.join(pts)} carries {m.count} parallel arrow(s)")]
    return []
