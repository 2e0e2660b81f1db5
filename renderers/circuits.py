"""Renderer of circuits: a laid-out schematic → backend-neutral primitives."""
from __future__ import annotations

import math
from typing import Any

from scidsl.domains.circuits.drawing import DOT_R, schematic_shapes
from scidsl.domains.circuits.layout import LABEL_GAP
from scidsl.domains.circuits.parts import TERMINAL_ALIASES, canonical_terminal
from scidsl.domains.circuits.quantities import subscript_name
from scidsl.domains.circuits.symbols import SArc, SCircle, SLine, SText, draw_part
from scidsl.primitives import Arc, Body, Circle, Dot, Drawing, LabelSpec, Line, Stroke, Text

_WIDTH = 1.3  # pt, wires and symbols
# symbols whose first two shapes are their leads and the rest a body no wire may cross
_BODIED = ("resistor", "capacitor", "inductor", "lamp", "fuse", "diode", "led", "cell", "battery", "dc_source",
           "ac_source", "current_source", "ammeter", "voltmeter", "galvanometer")


def _primitive(owner: str | None, shape: Any) -> Any:
    if isinstance(shape, SLine):
        fill = shape.fill if shape.closed else None
        return Line(shape.points, shape.closed, Stroke(width=_WIDTH, fill=fill),
                    shape.arrow, owner=owner, role="current" if shape.arrow else "line")
    if isinstance(shape, SCircle):
        if shape.fill == "black" and shape.radius <= DOT_R + 1e-9:
            return Dot(shape.center, shape.radius, owner=owner, role="junction")
        return Circle(shape.center, shape.radius, Stroke(width=_WIDTH, fill=shape.fill, zorder=3),
                      owner=owner)
    if isinstance(shape, SArc):
        return Arc(shape.center, shape.radius, shape.theta1, shape.theta2,
                   Stroke(width=_WIDTH), owner=owner)
    assert isinstance(shape, SText)
    return Text(shape.pos, shape.text, shape.size, owner=owner, role="symbol",
                may_touch=(owner,) if owner else ())


def _angle(direction: tuple[float, float]) -> float:
    return math.degrees(math.atan2(direction[1], direction[0])) % 360


def render_circuit(lay: Any) -> Drawing:
    """Draw wires, symbols, junction dots and markers; ask the core to place the labels."""
    sch, circuit = lay.schematic, lay.circuit
    out = Drawing()
    for owner, shape in schematic_shapes(circuit, sch, lay.style, lay.marks):
        out.items.append(_primitive(owner, shape))
    for lb in sch.labels:
        out.labels.append(LabelSpec(lb.text, lb.anchor, lb.owner, lay.font_size,
                                    prefer=(_angle(lb.direction),), distance=LABEL_GAP))
    for p in sch.parts:
        mid = ((p.start[0] + p.end[0]) / 2, (p.start[1] + p.end[1]) / 2)
        out.anchors[p.name] = mid
        kind = circuit.parts[p.name].kind
        for term, q in p.terminals.items():
            out.anchors[f"{p.name}.{term}"] = q
            node = circuit.terminals.get((p.name, term), "~")
            if not node.startswith("~") and "." not in node:
                out.anchors.setdefault(node, q)  # a named node: the drawing layer may use it
        for alias, term in TERMINAL_ALIASES.items():
            if canonical_terminal(kind, alias) == term and term in p.terminals:
                out.anchors[f"{p.name}.{alias}"] = p.terminals[term]
    out.bodies = _bodies(sch, lay.style)
    centre = _centre(sch)
    for m in sch.markers:
        out.anchors[m.name] = m.tip
        if m.kind == "junction":
            spec = circuit.parts[m.name]
            text = spec.label if spec.label is not None else subscript_name(m.name)
            away = _angle((m.tip[0] - centre[0], m.tip[1] - centre[1]))
            out.labels.append(LabelSpec(text, m.tip, m.name, lay.font_size,
                                        prefer=(away, (away + 45) % 360, (away - 45) % 360),
                                        distance=0.1))
    return out


def _bodies(sch: Any, style: Any) -> list[Body]:
    """The body of each two-terminal symbol (the hull of what it draws between its leads) and its wired terminals."""
    from shapely.geometry import MultiPoint

    out = []
    for p in sch.parts:
        if p.kind not in _BODIED or len(p.terminals) != 2:
            continue
        pts: list[tuple[float, float]] = []
        for shape in draw_part(p.kind, p.start, p.end, p.normal, style)[2:]:
            pts += _shape_points(shape)
        hull = MultiPoint(pts).convex_hull if len(pts) >= 3 else None
        if hull is None or hull.geom_type != "Polygon":
            continue
        wired = tuple(q for q in p.terminals.values() if _meets_wire(q, sch, p.name))
        out.append(Body(p.name, tuple(hull.exterior.coords), wired))
    return out


def _shape_points(shape: Any) -> list[tuple[float, float]]:
    if isinstance(shape, SLine):
        return list(shape.points)
    if isinstance(shape, (SCircle, SArc)):
        (x, y), r = shape.center, shape.radius
        t0, t1 = (shape.theta1, shape.theta2) if isinstance(shape, SArc) else (0.0, 360.0)
        return [(x + r * math.cos(math.radians(t0 + (t1 - t0) * k / 24)),
                 y + r * math.sin(math.radians(t0 + (t1 - t0) * k / 24))) for k in range(25)]
    return []


def _meets_wire(q: tuple[float, float], sch: Any, name: str) -> bool:
    """True when a wire, another part's terminal or a marker's stub reaches the point."""
    def on(a: Any, b: Any) -> bool:
        (ax, ay), (bx, by) = a, b
        cross = (bx - ax) * (q[1] - ay) - (by - ay) * (q[0] - ax)
        inside = min(ax, bx) - 1e-6 <= q[0] <= max(ax, bx) + 1e-6 and min(ay, by) - 1e-6 <= q[1] <= max(ay, by) + 1e-6
        return abs(cross) < 1e-6 and inside

    return (any(on(a, b) for a, b in sch.wires)
            or any(math.dist(q, t) < 1e-6 for p in sch.parts if p.name != name for t in p.terminals.values())
            or any(math.dist(q, m.attach) < 1e-6 for m in sch.markers))


def _centre(sch: Any) -> tuple[float, float]:
    pts = [q for w in sch.wires for q in w] or [(0.0, 0.0)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
