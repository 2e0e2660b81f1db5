"""Drawing of mechanics apparatus: carts on wheels, chains over an edge, pendulums, hinge pins."""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from scidsl.primitives import Arc, Circle, Dot, Drawing, LabelSpec, Line, Stroke, Text

P = tuple[float, float]
_LINK = (0.3, 0.15)  # a chain link's length and width in cm
_PITCH = 0.22  # distance between link centres


def _stroke(node: Any, fill: Any = None, dash: Any = None) -> Stroke:
    return Stroke(color=node.color, width=node.width, dash=dash, fill=fill, zorder=1 if fill else 2)


def _label(node: Any, text: Any, anchor: P, owner: str, prefer: tuple[float, ...], distance: float,
           out: Drawing) -> None:
    if text:
        at = getattr(node, "label_at", None)
        first = (math.degrees(at.si),) if at is not None and text == node.label else ()
        out.labels.append(LabelSpec(text, anchor, owner, prefer=first + prefer, distance=distance))


def cart(shape: Any, owner: str, out: Drawing) -> None:
    """The body, its two wheels with axles, its text and label."""
    node = shape.node
    out.items.append(Line(tuple(shape.points), True, _stroke(node, node.fill or "white"), owner=owner, role="cart"))
    r = shape.extra["r"]
    for c in shape.extra["wheels"]:
        out.items.append(Circle(c, r, _stroke(node, "white"), owner=owner, role="wheel"))
        out.items.append(Dot(c, min(0.06, r / 4), node.color, owner))
    if node.text:
        out.items.append(Text(shape.center, node.text, owner=owner, may_touch=(owner,)))
    bl, tl, tr = shape.points[0], shape.points[3], shape.points[2]
    side = ((bl[0] + tl[0]) / 2, (bl[1] + tl[1]) / 2)
    up = math.degrees(math.atan2(tr[1] - tl[1], tr[0] - tl[0])) + 90
    _label(node, node.label, side, owner, (up + 90, up + 45, up + 135, up), 0.12, out)


def chain(shape: Any, owner: str, out: Drawing) -> None:
    """Links along the path (or a plain rope)."""
    node = shape.node
    pts = shape.points
    if node.style == "rope":
        out.items.append(Line(tuple(pts), False, replace(_stroke(node), width=max(node.width, 2.2)), owner=owner,
                              role="rope"))
    else:
        for centre, ang in _along(pts, _PITCH):
            out.items.append(Line(_oval(centre, ang), True, replace(_stroke(node), width=min(node.width, 0.9)),
                                  owner=owner, role="link"))
    outward = 0.0 if shape.extra["out"] > 0 else 180.0
    _label(node, node.label, pts[-1], owner, (outward, 270.0, 180.0 - outward), 0.15, out)


def _along(pts: list[P], step: float) -> list[tuple[P, float]]:
    """Points every `step` along a polyline, with the direction there (degrees)."""
    out, carry = [], 0.0
    for a, b in zip(pts, pts[1:]):
        d = math.dist(a, b)
        if d < 1e-9:
            continue
        ang = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
        s = carry
        while s <= d:
            f = s / d
            out.append(((a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f), ang))
            s += step
        carry = s - d
    return out


def _oval(c: P, ang: float, n: int = 16) -> tuple[P, ...]:
    a, b = _LINK[0] / 2, _LINK[1] / 2
    t = math.radians(ang)
    pts = []
    for j in range(n):
        s = 2 * math.pi * j / n
        x, y = a * math.cos(s), b * math.sin(s)
        pts.append((c[0] + x * math.cos(t) - y * math.sin(t), c[1] + x * math.sin(t) + y * math.cos(t)))
    return tuple(pts)


def pendulum(shape: Any, owner: str, out: Drawing) -> None:
    """Pivot, dotted vertical, string, bob, the angle arc and optionally the swing."""
    node = shape.node
    pivot, bob = shape.points[0], shape.points[1]
    theta, length, r = shape.extra["theta"], shape.extra["L"], node.bob
    thin = replace(_stroke(node), width=0.8)
    if abs(theta) > 0.5:
        out.items.append(Line((pivot, (pivot[0], pivot[1] - length - r)), False, replace(thin, dash="dotted"),
                              owner=owner, role="vertical"))
        ra = min(0.9, 0.3 * length)
        lo, hi = (270.0, 270.0 + theta) if theta > 0 else (270.0 + theta, 270.0)
        out.items.append(Arc(pivot, ra, lo, hi, thin, owner, role="angle"))
        mid = math.radians((lo + hi) / 2)
        _label(node, _valued(node, node.angle_label, node.angle), (pivot[0] + ra * math.cos(mid), pivot[1] + ra * math.sin(mid)), owner,
               (math.degrees(mid),), 0.06, out)
    if node.swing and abs(theta) > 0.5:
        lo, hi = 270.0 - abs(theta), 270.0 + abs(theta)
        out.items.append(Arc(pivot, length, lo, hi, replace(thin, dash="dashed"), owner, role="swing"))
        other = shape.points[2]
        out.items.append(Line((pivot, _toward(other, pivot, r)), False, replace(thin, dash="dashed"), owner=owner,
                              role="string"))
        out.items.append(Circle(other, r, replace(thin, dash="dashed"), owner=owner, role="disk"))
    out.items.append(Line((pivot, _toward(bob, pivot, r)), False, _stroke(node), owner=owner, role="string"))
    out.items.append(Circle(bob, r, _stroke(node, "#cccccc"), owner=owner,
                            role="disk"))
    out.items.append(Dot(pivot, 0.06, node.color, owner))
    side = 0.0 if theta >= 0 else 180.0
    _label(node, _valued(node, node.label, node.mass), bob, owner, (side, 270.0, 180.0 - side), r + 0.1, out)
    length = node.length if getattr(node.length, "unit", "") else None  # a length in metres is a given
    string = _valued(node, node.string_label or ("$L$" if length is not None else None), length)
    if string:
        mid = ((pivot[0] + bob[0]) / 2, (pivot[1] + bob[1]) / 2)
        out.labels.append(LabelSpec(string, mid, owner, prefer=(180.0 + side, side), distance=0.12))


def _valued(node: Any, text: Any, value: Any) -> Any:
    """A label with its given value (`$\\theta$ = 30°`); the label alone without one, none without a label."""
    from scidsl.answers import given_text

    return given_text(node, text, value) if text and value is not None and getattr(value, "unit", "") else text


def _toward(p: P, q: P, r: float) -> P:
    """The point of a circle about p of radius r on the way to q."""
    d = math.dist(p, q) or 1.0
    return (p[0] + (q[0] - p[0]) * r / d, p[1] + (q[1] - p[1]) * r / d)


def hinge_pins(shape: Any, owner: str, out: Drawing) -> None:
    """Pin circles at a rod's hinged ends."""
    node = shape.node
    ends = {"start": [shape.points[0]], "end": [shape.points[-1]], "both": [shape.points[0], shape.points[-1]]}
    for p in ends.get(getattr(node, "hinge", "none"), []):
        out.items.append(Circle(p, 0.1, Stroke(color=node.color, width=1.0, fill="white", zorder=3), owner=owner,
                                role="hinge"))


def rod_angle(shape: Any, owner: str, out: Drawing) -> None:
    """A rod standing on a floor at a stated angle: the arc at its foot, written `60°` (`θ` when givens are hidden)."""
    node = shape.node
    if node.on is None or node.angle is None:
        return
    foot, top = shape.points[0], shape.points[-1]
    rod_dir = math.degrees(math.atan2(top[1] - foot[1], top[0] - foot[0]))
    a0 = 0.0 if top[0] >= foot[0] else 180.0
    lo, hi = (a0, rod_dir) if a0 == 0.0 else (rod_dir, a0)
    if hi - lo < 2.5:
        return
    r = min(0.6, 0.2 * math.dist(foot, top))
    out.items.append(Arc(foot, r, lo, hi, Stroke(color=node.color, width=0.9), owner, role="angle"))
    mid = math.radians((lo + hi) / 2)
    text = r"$\theta$" if getattr(node, "givens", "shown") == "hidden" else node.angle.pretty()
    out.labels.append(LabelSpec(text, (foot[0] + r * math.cos(mid), foot[1] + r * math.sin(mid)), owner,
                                prefer=(math.degrees(mid),), distance=0.08))
