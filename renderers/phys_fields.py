"""Renderer of electric and magnetic apparatus: wires, rails with a rod (plates: phys_plates, coils: phys_coils)."""
from __future__ import annotations

import math
from typing import Any, Optional

from scidsl.answers import given_text
from scidsl.primitives import Circle, Dot, Drawing, LabelSpec, Line, Stroke, Text

P = tuple[float, float]
RED = "#c0392b"
MARK_R = 0.13  # radius of a ⊙/⊗ mark


def render_fields(group: Any, out: Drawing) -> None:
    """Draw every field apparatus of the group, shifted to start at the group's x0."""
    from scidsl.domains.physics import field_kinds as fk
    from scidsl.renderers.phys_coils import solenoid, sphere, toroid
    from scidsl.renderers.phys_plates import plates

    draw = {fk.CapacitorPlates: plates, fk.WireSection: wire_section, fk.LongWire: long_wire, fk.Rails: rails,
            fk.Solenoid: solenoid, fk.Toroid: toroid, fk.ChargedSphere: sphere}
    dx = group.x0 - min(it.box()[0] for it in group.items)
    for item in group.items:
        box = item.box()
        box = (box[0] + dx, box[1], box[2] + dx, box[3])
        owner = owner_of(item.node)
        draw[type(item.node)](item, box, owner, out)
        name = item.node.name
        if name:
            cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
            out.anchors.setdefault(name, (cx, cy))
            for member, p in (("center", (cx, cy)), ("top", (cx, box[3])), ("bottom", (cx, box[1])),
                              ("left", (box[0], cy)), ("right", (box[2], cy))):
                out.anchors.setdefault(f"{name}.{member}", p)


def owner_of(node: Any) -> str:
    """The owner name of an apparatus's primitives."""
    return node.name or f"{node.kind}@{id(node)}"


def line(out: Drawing, pts: Any, owner: str, width: float = 1.2, arrow: Optional[str] = None, role: str = "line",
         **style: Any) -> None:
    """A polyline of the apparatus."""
    out.items.append(Line(tuple(pts), False, Stroke(width=width, **style), arrow, owner=owner, role=role))


def head(out: Drawing, at: P, direction: P, owner: str, color: str = "black", width: float = 1.2) -> None:
    """An arrow head at `at` pointing along `direction`, on a line drawn already."""
    d = math.hypot(*direction) or 1.0
    u = (direction[0] / d, direction[1] / d)
    tail = (at[0] - 0.25 * u[0], at[1] - 0.25 * u[1])
    out.items.append(Line((tail, at), False, Stroke(color=color, width=width, visible=False), "end", owner=owner,
                          role="flow"))


def perp_mark(out: Drawing, c: P, r: float, out_of_page: bool, owner: str, color: str = "black",
              width: float = 0.8, fill: Optional[str] = None) -> None:
    """⊙ (out of the page) or ⊗ (into it)."""
    out.items.append(Circle(c, r, Stroke(color=color, width=width, fill=fill), owner=owner, role="field"))
    if out_of_page:
        out.items.append(Dot(c, max(0.03, r * 0.28), color, owner, role="field"))
        return
    k = r * 0.7071
    for s in (1, -1):
        line(out, ((c[0] - k, c[1] - s * k), (c[0] + k, c[1] + s * k)), owner, width, role="field", color=color)


def label(out: Drawing, text: Optional[str], at: P, owner: str, prefer: tuple[float, ...], distance: float = 0.15,
          size: float = 11) -> None:
    """A label the core places near `at`."""
    if text:
        out.labels.append(LabelSpec(text, at, owner, size=size, prefer=prefer, distance=distance))


def valued(node: Any, text: Optional[str], symbol: str, value: Any) -> Optional[str]:
    """The scene's label (or the symbol) with the given value: `$I_1$ = 3 A`."""
    if value is None:
        return text
    return given_text(node, text or symbol, value)


def caption(out: Drawing, node: Any, box: tuple[float, float, float, float], owner: str) -> None:
    """The apparatus's label as a caption under its box."""
    if node.label:
        out.items.append(Text(((box[0] + box[2]) / 2, box[1] - 0.15), node.label, 11, "center", "top", owner=owner,
                              role="caption"))


# ---- wires --------------------------------------------------------------------------------------

def wire_section(item: Any, box: tuple[float, float, float, float], owner: str, out: Drawing) -> None:
    """The wire's circle with ⊙ or ⊗, and its field circle by the right-hand rule."""
    from scidsl.domains.physics import fields

    node = item.node
    c = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    r = fields.WIRE_R
    if node.field and node.current != "none":
        rf = 0.95
        pts = [(c[0] + rf * math.cos(math.radians(a)), c[1] + rf * math.sin(math.radians(a))) for a in range(0, 365, 5)]
        line(out, pts, owner, 0.9, role="field_circle")
        ccw = fields.circulation(node.current) == "ccw"
        for a in (90.0, 270.0):
            t = math.radians(a)
            head(out, (c[0] + rf * math.cos(t), c[1] + rf * math.sin(t)),
                 (-math.sin(t) if ccw else math.sin(t), math.cos(t) if ccw else -math.cos(t)), owner, width=0.9)
        label(out, "$\\vec B$", (c[0] + rf * 0.7071, c[1] - rf * 0.7071), owner, (-45.0, 0.0, -90.0), 0.1, 10)
    if node.current == "none":
        out.items.append(Circle(c, r, Stroke(width=1.2, fill="#cccccc"), owner=owner, role="wire"))
    else:
        perp_mark(out, c, r, node.current == "out", owner, width=1.2, fill="white")
    text = valued(node, node.label, "$I$", node.I)
    if node.field and node.current != "none" and text != node.label:  # a value too wide for the field circle
        label(out, text, c, owner, (90.0, 270.0), 1.0)
    else:
        label(out, text, c, owner, (135.0, 45.0, 180.0, 0.0), r + 0.08)


_UNIT = {"up": (0.0, 1.0), "down": (0.0, -1.0), "left": (-1.0, 0.0), "right": (1.0, 0.0)}


def long_wire(item: Any, box: tuple[float, float, float, float], owner: str, out: Drawing) -> None:
    """The wire with current heads, ⊙/⊗ marks on each side by the right-hand rule, the label at its head end."""
    from scidsl.domains.physics import fields

    node = item.node
    u = _UNIT[node.direction]
    c = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    half = node.length / 2
    a, b = (c[0] - u[0] * half, c[1] - u[1] * half), (c[0] + u[0] * half, c[1] + u[1] * half)
    line(out, (a, b), owner, 2.0, role="wire")
    for t in (0.3, 0.8):
        head(out, (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), u, owner, width=1.4)
    label(out, valued(node, node.label, "$I$", node.I), b, owner, (math.degrees(math.atan2(u[1], u[0])),), 0.12)
    if node.marks:
        rows = max(2, int(node.length // 1.5))
        for side in ((-u[1], u[0]), (u[1], -u[0])):
            sym = fields.b_out_of_page(u, side) > 0
            for i in range(rows):
                t = (i + 0.5) / rows
                p = (a[0] + (b[0] - a[0]) * t + side[0] * 0.95, a[1] + (b[1] - a[1]) * t + side[1] * 0.95)
                perp_mark(out, p, MARK_R, sym, owner)
    if node.name:
        out.anchors.update({f"{node.name}.start": a, f"{node.name}.end": b})


# ---- rails with a sliding rod -------------------------------------------------------------------

def rails(item: Any, box: tuple[float, float, float, float], owner: str, out: Drawing) -> None:
    """Rails, the load joining them, the rod with v, the B grid and the induced current by Lenz's law."""
    from scidsl.domains.physics import fields

    node = item.node
    cy = (box[1] + box[3]) / 2
    yb, yt = cy - fields.RAIL_GAP / 2, cy + fields.RAIL_GAP / 2
    xl, xr = box[0] + 1.2, box[2] - 1.0
    xrod = xl + (xr - xl) * (fields.rod_fraction(node) or 0.6)
    for y in (yb, yt):
        line(out, ((xl, y), (xr, y)), owner, 1.6, role="rail")
    _load(out, node, xl, yb, yt, owner)
    line(out, ((xrod, yb - 0.3), (xrod, yt + 0.3)), owner, 3.0, role="rod")
    sv = 1.0 if node.motion == "right" else -1.0
    room = (xr - xrod) if sv > 0 else (xrod - xl)
    v_y = cy if room >= 2.2 else yt + 0.3  # no room between the rod and the load or rail end: from its top end
    v_tip = (xrod + sv * 1.5, v_y)
    line(out, ((xrod, v_y), v_tip), owner, 1.4, "end", role="velocity")
    label(out, valued(node, None, "$\\vec v$", node.speed), v_tip, owner, (90.0, 45.0, 135.0), 0.1)
    up = fields.rod_current_up(node.motion, node.field)
    s = 1.0 if up else -1.0
    head(out, (xrod, cy + s * 1.0 + 0.12 * s), (0.0, s), owner, RED, 1.6)
    head(out, ((xl + xrod) / 2 - s * 0.12, yt), (-s, 0.0), owner, RED, 1.6)
    head(out, ((xl + xrod) / 2 + s * 0.12, yb), (s, 0.0), owner, RED, 1.6)
    label(out, "$I$", (xrod, cy + s * 1.0), owner, (0.0 if sv < 0 else 180.0,), 0.15)
    _grid(out, node, (xl, yb, xr, yt), xrod, owner, v_y == cy)
    xd = xr + 0.5
    line(out, ((xd, yb), (xd, yt)), owner, 0.8, "both", role="dimension")
    label(out, valued(node, None, "$L$", node.separation), (xd, cy), owner, (0.0,), 0.1)
    caption(out, node, (box[0], box[1] - 0.1, box[2], box[3]), owner)
    if node.name:
        out.anchors.update({f"{node.name}.rod": (xrod, cy), f"{node.name}.rod_top": (xrod, yt + 0.3),
                            f"{node.name}.rod_bottom": (xrod, yb - 0.3), f"{node.name}.load": (xl, cy)})


def _load(out: Drawing, node: Any, x: float, yb: float, yt: float, owner: str) -> None:
    """A resistor zigzag or a bulb on the left joining the rails."""
    cy = (yb + yt) / 2
    text = "$R$" if node.R is None else f"$R$ = {node.R.pretty()}"
    if node.load == "bulb":
        r = 0.42
        line(out, ((x, yt), (x, cy + r)), owner, 1.4, role="load")
        line(out, ((x, cy - r), (x, yb)), owner, 1.4, role="load")
        out.items.append(Circle((x, cy), r, Stroke(width=1.2, fill="white"), owner=owner, role="bulb"))
        k = r * 0.7071
        for sgn in (1, -1):
            line(out, ((x - k, cy - sgn * k), (x + k, cy + sgn * k)), owner, 1.0, role="bulb")
        label(out, text, (x - r, cy), owner, (180.0,), 0.1, 10)
        return
    h, zig = 1.2, []
    for i in range(7):
        zig.append((x + (0.0 if i in (0, 6) else (0.22 if i % 2 else -0.22)), cy + h / 2 - h * i / 6))
    line(out, [(x, yt)] + zig + [(x, yb)], owner, 1.4, role="load")
    label(out, text, (x - 0.22, cy), owner, (180.0,), 0.1, 10)


def _grid(out: Drawing, node: Any, frame: tuple[float, float, float, float], xrod: float, owner: str,
          v_inside: bool) -> None:
    """⊙/⊗ marks over the region between the rails, clear of the rod, its arrows and the load."""
    x0, yb, x1, yt = frame
    cy = (yb + yt) / 2
    sv = 1.0 if node.motion == "right" else -1.0
    vx = sorted((xrod, xrod + sv * 1.9))
    rows, placed = 3, []
    for j in range(rows):
        y = yb + (yt - yb) * (j + 0.5) / rows
        x = x0 + 0.9
        while x < x1 - 0.3:
            near_rod = abs(x - xrod) < 0.6
            near_v = v_inside and vx[0] - 0.3 < x < vx[1] + 0.3 and abs(y - cy) < 0.6
            if not (near_rod or near_v):
                perp_mark(out, (x, y), MARK_R, node.field == "out", owner, color="#555555", width=0.7)
                placed.append((x, y))
            x += 1.0
    if placed:
        corner = max(placed, key=lambda p: (p[1], p[0]))
        label(out, "$\\vec B$" if node.B is None else f"$\\vec B$ ({node.B.pretty()})", corner, owner,
              (45.0, 90.0, 0.0), MARK_R + 0.12, 10)
