"""Renderer of galvanic cells: two half-cells, the salt bridge, wires, voltmeter and electron flow."""
from __future__ import annotations

from typing import Any

from scidsl.domains.chemistry.formula import parse_formula
from scidsl.domains.chemistry.galvanic import notation_mathtext
from scidsl.domains.chemistry.layout_figures import GalvanicBlock
from scidsl.primitives import Circle, Drawing, Line, Stroke, Text

GLASS = Stroke(width=1.3)
LIQUID = Stroke(fill="#cfe3f3", visible=False, zorder=1)
BRIDGE = Stroke(width=1.1, fill="#f3ead2", zorder=2.2)
METALS = {"Cu": "#c98a5a", "Au": "#d4af37", "Ag": "#d0d0d0", "Pt": "#dcdcdc"}
WIRE = Stroke(width=1.1)
FLOW = Stroke(width=1.0, color="#b03a2e")
CENTRES = (2.2, 8.2)
HALF_W, RIM, LEVEL = 1.6, 3.8, 2.9
WIRE_Y, METER = 7.0, (5.2, 7.0)


def _rect(x0: float, y0: float, x1: float, y1: float, stroke: Stroke, owner: str) -> Line:
    return Line(((x0, y0), (x1, y0), (x1, y1), (x0, y1)), True, stroke, owner=owner)


def _formula(text: str) -> str:
    try:
        return parse_formula(text).mathtext()
    except Exception:  # labels are checked text; a mixture like "1 M ZnSO4" stays as written
        return text


def render_galvanic(block: GalvanicBlock) -> Drawing:
    """The cell in its own frame, anode on the left."""
    out = Drawing()
    entry = block.entry
    node = entry.node
    own = node.name or "galvanic"
    order = (entry.anode, entry.cathode)
    for side, (cx, idx) in enumerate(zip(CENTRES, order)):
        _half_cell(out, cx, side, node.electrodes[idx], node.solutions[idx], own)
    _bridge(out, node.bridge, own)
    _circuit(out, entry.e_cell, own)
    names = [node.electrodes[i] for i in order]
    for cx, word, name in zip(CENTRES, ("anode (−)", "cathode (+)"), names):
        out.items.append(Text((cx, -0.25), f"{word}: {_formula(name)}", 11, "center", "top", owner=own,
                              role="electrode-name"))
    shown = node.givens != "hidden"
    for cx, idx in zip(CENTRES, order) if shown else ():  # the standard potential under each electrode's name
        out.items.append(Text((cx, -0.85), _potential(node.potentials[idx]), 11, "center", "top", owner=own,
                              role="potential"))
    out.items.append(Text((5.2, -1.55 if shown else -0.95), notation_mathtext(entry), 11, "center", "top",
                          owner=own, role="notation"))
    if node.label:
        out.items.append(Text((5.2, 8.4), node.label, 11, "center", "bottom", owner=own, role="caption"))
    out.anchors[own] = (5.2, 3.0)
    return out


def _potential(q: Any) -> str:
    """`E° = +0.34 V`: a reduction potential with its sign, as tables write it."""
    text = q.pretty().replace("-", "−")
    return f"$E$° = {'+' if q.value > 0 else ''}{text}"


def _fitting(text: str, width: float, size: float = 10.0, smallest: float = 7.0) -> float:
    """The font size (at most ``size``, at least ``smallest``) at which a text fits a width in cm."""
    from scidsl.text import measure_text

    w = measure_text(text, size)[0]
    return size if w <= width else max(smallest, size * width / w)


def _electrode_x(cx: float, side: int) -> float:
    return cx - 0.6 if side == 0 else cx + 0.6


def _half_cell(out: Drawing, cx: float, side: int, electrode: str, solution: str, own: str) -> None:
    liquid = f"{own}.solution{side}"
    out.items.append(Line(((cx - HALF_W, RIM), (cx - HALF_W, 0.0), (cx + HALF_W, 0.0), (cx + HALF_W, RIM)),
                          False, GLASS, owner=own, role="beaker"))
    out.items.append(_rect(cx - HALF_W + 0.04, 0.04, cx + HALF_W - 0.04, LEVEL, LIQUID, liquid))
    out.items.append(Line(((cx - HALF_W + 0.04, LEVEL), (cx + HALF_W - 0.04, LEVEL)), False,
                          Stroke(width=0.6), owner=liquid))
    ex = _electrode_x(cx, side)
    metal = Stroke(width=1.0, fill=METALS.get(electrode, "#9e9e9e"), zorder=2.4)
    out.items.append(_rect(ex - 0.22, 1.0, ex + 0.22, 4.9, metal, f"{own}.electrode{side}"))
    text = _formula(solution)
    out.items.append(Text((cx, 0.5), text, _fitting(text, 2 * HALF_W - 0.3), "center", "center", owner=own,
                          role="solution", may_touch=(liquid,)))
    key = "anode" if side == 0 else "cathode"
    out.anchors[f"{own}.{key}"] = (ex, 4.9)


def _bridge(out: Drawing, salt: str, own: str) -> None:
    x0, x1 = CENTRES[0] + 0.75, CENTRES[1] - 0.75
    lo, hi, w = 1.5, 5.3, 0.36
    outer = [(x0 - w / 2, lo), (x0 - w / 2, hi + w / 2), (x1 + w / 2, hi + w / 2), (x1 + w / 2, lo)]
    inner = [(x1 - w / 2, lo), (x1 - w / 2, hi - w / 2), (x0 + w / 2, hi - w / 2), (x0 + w / 2, lo)]
    out.items.append(Line(tuple(outer + inner), True, BRIDGE, owner=f"{own}.bridge", role="salt-bridge"))
    out.items.append(Text((5.2, hi - 0.55), f"salt bridge ({_formula(salt)})", 10, "center", "top",
                          owner=own, role="bridge"))
    out.anchors[f"{own}.bridge"] = (5.2, hi + w / 2)


def _circuit(out: Drawing, e_cell: float, own: str) -> None:
    xa, xc = _electrode_x(CENTRES[0], 0), _electrode_x(CENTRES[1], 1)
    mx, my = METER
    r = 0.5
    out.items.append(Line(((xa, 4.9), (xa, WIRE_Y), (mx - r, my)), False, WIRE, owner=f"{own}.wire"))
    out.items.append(Line(((mx + r, my), (xc, WIRE_Y), (xc, 4.9)), False, WIRE, owner=f"{own}.wire"))
    out.items.append(Circle((mx, my), r, Stroke(width=1.2, fill="white", zorder=2.5), f"{own}.voltmeter"))
    out.items.append(Text((mx, my), "V", 13, "center", "center", owner=own, role="meter",
                          may_touch=(f"{own}.voltmeter",)))
    out.items.append(Text((mx, my + r + 0.15), f"{e_cell:.2f} V", 10, "center", "bottom", owner=own,
                          role="meter-reading"))
    for x0, x1 in ((xa + 0.5, mx - r - 0.7), (mx + r + 0.7, xc - 0.5)):
        out.items.append(Line(((x0, WIRE_Y + 0.3), (x1, WIRE_Y + 0.3)), False, FLOW, "end", f"{own}.flow",
                              "electron-flow"))
        out.items.append(Text(((x0 + x1) / 2, WIRE_Y + 0.42), "e$^{−}$", 10, "center", "bottom",
                              color="#b03a2e", owner=own, role="electron"))
    out.anchors[f"{own}.voltmeter"] = (mx, my)
