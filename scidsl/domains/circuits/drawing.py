"""A finished schematic as symbol shapes: parts, wires, junction dots and markers."""
from __future__ import annotations

from .layout import Schematic
from .symbols import (SCircle, Shape, SLine, Style, draw_ground, draw_part, draw_tap_part,
                      draw_terminal)
from .topology import Circuit

DOT_R = 0.07


def schematic_shapes(circuit: Circuit, sch: Schematic, style: Style = "iec",
                     marks: bool | set[str] = False) -> list[tuple[str | None, Shape]]:
    """(owner, shape) pairs for everything drawn except labels; owner None for plain wires."""
    if isinstance(marks, bool):
        marks = set(circuit.parts) if marks else set()
    out: list[tuple[str | None, Shape]] = [(None, SLine((a, b))) for a, b in sch.wires]
    for p in sch.parts:
        spec = circuit.parts[p.name]
        if len(p.terminals) == 3:
            at_start = p.terminals.get(spec.state or "a") == p.start
            shapes = draw_tap_part(p.kind, p.start, p.end, p.normal, style, at_start)
        else:
            shapes = draw_part(p.kind, p.start, p.end, p.normal, style, spec.state,
                               p.name in marks)
        out += [(p.name, shape) for shape in shapes]
    out += [(None, SCircle(d, DOT_R, "black")) for d in sch.dots]
    out += [(owner, SLine((a, b), arrow="end")) for owner, a, b in sch.arrows]
    for m in sch.markers:
        if m.kind == "junction":
            shapes = [SCircle(m.tip, DOT_R, "black")]
        else:
            shapes = draw_ground(m.tip) if m.kind == "ground" else draw_terminal(m.tip)
        out += [(m.name, s) for s in shapes]
    return out
