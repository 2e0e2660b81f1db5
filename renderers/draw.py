"""Renderer of the drawing layer: placed shapes → backend-neutral primitives."""
from __future__ import annotations

import math

from scidsl.domains.draw import kinds as k
from scidsl.domains.draw.domain import Layout, Shape
from scidsl.primitives import Arc, Dot, Drawing, LabelSpec, Line, Stroke, Text


def _stroke(node, fill=None, hatch=None, visible=True) -> Stroke:  # type: ignore[no-untyped-def]
    dash = None if getattr(node, "dash", "solid") == "solid" else node.dash
    return Stroke(color=getattr(node, "color", "black"), width=getattr(node, "width", 1.2), dash=dash,
                  fill=fill, hatch=hatch, visible=visible, zorder=1 if fill or hatch else 2)


def _arrow(node):  # type: ignore[no-untyped-def]
    value = getattr(node, "arrow", "none")
    return None if value == "none" else value


def render_layout(layout: Layout) -> Drawing:
    """Draw every shape and ask for its label."""
    out = Drawing()
    for shape in layout.shapes:
        _render_shape(shape, out)
    return out


def _owner(shape: Shape) -> str:
    return shape.node.name or f"{shape.node.kind}@{id(shape.node)}"


def _render_shape(shape: Shape, out: Drawing) -> None:  # noqa: C901 - one case per kind
    node, owner = shape.node, _owner(shape)
    if isinstance(node, k.Region):
        out.items.append(Line(tuple(shape.points), True, _stroke(node, node.fill, node.hatch, node.outline), owner=owner,
                              role="region"))
    elif isinstance(node, (k.Polygon, k.Box)):
        out.items.append(Line(tuple(shape.points), True, _stroke(node, node.fill, getattr(node, "hatch", None)),
                              owner=owner))
        if isinstance(node, k.Box) and node.text:
            out.items.append(Text(shape.center, node.text, owner=owner, may_touch=(owner,)))  # type: ignore[arg-type]
    elif isinstance(node, (k.Polyline, k.Curve, k.Arrow)):
        arrow = "end" if isinstance(node, k.Arrow) else _arrow(node)
        out.items.append(Line(tuple(shape.points), False, _stroke(node), arrow, owner=owner))
    elif isinstance(node, k.ArcShape):
        out.items.append(Arc(shape.center, shape.radius, _deg(node.start.si) + shape.rotation,  # type: ignore[arg-type]
                             _deg(node.end.si) + shape.rotation, _stroke(node), owner, arrow=_arrow(node)))
    elif isinstance(node, k.TextItem):
        ha = {"center": "center", "left": "left", "right": "right"}[node.align]
        out.items.append(Text(shape.points[0], node.text, node.size, ha, "center", color=node.color, owner=owner))
    elif isinstance(node, k.Marker):
        out.items.append(Dot(shape.points[0], 0.07, node.color, owner, hollow=node.hollow))
    label = getattr(node, "label", None)
    if label:
        out.labels.append(LabelSpec(label, _label_anchor(shape), owner, prefer=_prefer(shape)))
    if node.name and shape.points:
        out.anchors[node.name] = shape.center or shape.points[0]


def _deg(rad: float) -> float:
    return math.degrees(rad)


def _arc_mid(shape: Shape) -> tuple[float, float, float]:
    node = shape.node
    a0, a1 = _deg(node.start.si) + shape.rotation, _deg(node.end.si) + shape.rotation
    mid = math.radians(a0 + ((a1 - a0) % 360) / 2)
    (cx, cy), r = shape.center, shape.radius  # type: ignore[misc]
    return cx + r * math.cos(mid), cy + r * math.sin(mid), math.degrees(mid)


def _label_anchor(shape: Shape) -> tuple[float, float]:
    if isinstance(shape.node, k.ArcShape):
        x, y, _ = _arc_mid(shape)
        return x, y
    if isinstance(shape.node, k.Arrow):
        return shape.points[-1]
    if shape.center is not None and not isinstance(shape.node, k.ArcShape):
        return shape.center
    if shape.points:
        return shape.points[len(shape.points) // 2]
    return shape.center or (0.0, 0.0)


def _prefer(shape: Shape) -> tuple[float, ...]:
    if isinstance(shape.node, k.ArcShape):
        return (_arc_mid(shape)[2],)
    if isinstance(shape.node, k.Arrow):
        (x0, y0), (x1, y1) = shape.points[0], shape.points[-1]
        return (math.degrees(math.atan2(y1 - y0, x1 - x0)),)
    return (45.0, 90.0)
