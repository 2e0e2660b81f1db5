"""Assembly of laboratory set-ups: which apparatus stands, hangs or drains where, and glassware sizes.

Coordinates are centimetres in a group's own frame: y = 0 is the bench top, x = 0 the axis of the
vessel the group is built around. The renderer draws each group and sets the groups side by side.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from scidsl.domains.lab import kinds as k
from scidsl.model import Node

P = tuple[float, float]
VESSELS = (k.ConicalFlask, k.Beaker, k.VolumetricFlask)

BASE_H = 0.35          # thickness of a stand's base plate
TIP_GAP = 0.3          # burette tip above the mouth of the vessel under it
BURETTE_SCALE = 8.0    # length of the graduated part of a full burette
BURETTE_TOP = 0.8      # tube above the 0 mL mark
BURETTE_BELOW = 0.5    # tube below the last mark
STOPCOCK = 0.45        # narrow part holding the stopcock
BURETTE_TIP = 0.7      # tapering tip
BURETTE_W = 0.5
BURETTE_H = BURETTE_TIP + STOPCOCK + BURETTE_BELOW + BURETTE_SCALE + BURETTE_TOP
CLOSEUP_CM_PER_ML = 2.0
CLOSEUP_W = 1.6
PIPETTE_H = 9.0
FUNNEL_CONE, FUNNEL_STEM, FUNNEL_W = 1.7, 1.6, 2.6
FUNNEL_BAR = 0.1       # thickness of the bar a funnel rests on across a mouth wider than its cone


@dataclass
class Placed:
    """One apparatus and its reference point: a vessel's bottom centre, a burette's or pipette's tip,
    a funnel's stem end, a stand's rod foot."""

    node: Node
    at: P
    scale_from: float | None = None  # a thermometer: bulb to its lowest mark, clear of its vessel


@dataclass
class Group:
    """Apparatus drawn together (a stand with what it holds, a vessel with what drains into it)."""

    items: list[Placed] = field(default_factory=list)


@dataclass
class Layout:
    """Every group, and the scale marks (mL at two drawn marks) of each burette for verification."""

    groups: list[Group] = field(default_factory=list)
    scale_marks: dict[str, tuple[float, float]] = field(default_factory=dict)


CALORIMETER_H = {"coffee_cup": 4.25, "bomb": 5.4}
CALORIMETER_HALF = {"coffee_cup": 1.75, "bomb": 2.6}
THERMOMETER_BULB = 0.7   # bulb centre above the bottom of the vessel it dips into
THERMOMETER_FREE = 1.6   # bulb to the lowest mark of a thermometer standing alone
THERMOMETER_SCALE = 6.0  # lowest to highest mark
THERMOMETER_TOP = 0.8    # highest mark to the end of the tube


def size_factor(node: Node) -> float:
    """Linear size of a vessel relative to the usual one (volume grows with the cube)."""
    usual = 100.0 if isinstance(node, k.VolumetricFlask) else 250.0
    cap = node.capacity.si * 1e6  # type: ignore[attr-defined]
    return min(max((cap / usual) ** (1 / 3), 0.6), 1.6)


def vessel_height(node: Node) -> float:
    """Height of a vessel's mouth above its bottom."""
    if isinstance(node, k.Calorimeter):
        return CALORIMETER_H[node.type]
    s = size_factor(node)
    if isinstance(node, k.ConicalFlask):
        return 4.4 * s
    if isinstance(node, k.Beaker):
        return 3.6 * s
    return 2.2 * s + 3.2 * s  # volumetric flask: bulb and neck


def half_width(node: Node) -> float:
    """Half the widest extent of a vessel."""
    if isinstance(node, k.Calorimeter):
        return CALORIMETER_HALF[node.type]
    s = size_factor(node)
    if isinstance(node, k.ConicalFlask):
        return 1.8 * s
    if isinstance(node, k.Beaker):
        return 1.5 * s + 0.2
    return 1.1 * s


def neck_width(node: Node) -> float:
    """Inner width of a vessel's mouth."""
    s = size_factor(node)
    if isinstance(node, k.Beaker):
        return 3.0 * s
    return (0.9 if isinstance(node, k.ConicalFlask) else 0.5) * s


def closeup_window(reading_ml: float, capacity_ml: float) -> tuple[float, float]:
    """The part of the scale a close-up shows: about 1.5 mL either side of the reading, whole mL ends."""
    lo = max(0.0, math.floor(reading_ml - 1.0))
    hi = min(capacity_ml, lo + 3.0)
    return max(0.0, hi - 3.0) if hi - 3.0 < lo else lo, hi


def assemble(nodes: list[Node]) -> Layout:
    """Group the apparatus and place each one in its group's frame."""
    out = Layout()
    used: set[int] = set()
    stands = [n for n in nodes if isinstance(n, k.RetortStand)]
    for stand in stands:
        out.groups.append(_stand_group(stand, nodes, used))
    for node in nodes:
        if id(node) in used or isinstance(node, (k.Pipette, k.Funnel)) and _drains_into(node, nodes) \
                or _dips_into(node, nodes):
            continue
        if isinstance(node, VESSELS + (k.Calorimeter,)):
            out.groups.append(_vessel_group(node, nodes, used))
        elif isinstance(node, (k.Burette, k.Pipette, k.Funnel, k.Thermometer)):
            out.groups.append(Group([Placed(node, (0.0, 0.0))]))
        used.add(id(node))
    first = {id(n): i for i, n in enumerate(nodes)}
    out.groups.sort(key=lambda g: min(first[id(p.node)] for p in g.items))
    for node in nodes:
        if isinstance(node, k.Burette) and node.name:
            out.scale_marks[node.name] = _scale_marks(node)
    return out


def _scale_marks(node: k.Burette) -> tuple[float, float]:
    cap = round(node.capacity.si * 1e6, 9)  # millilitres as the renderer reads them (15 mL, not 14.999...)
    if node.view == "closeup" and node.reading is not None:
        return closeup_window(round(node.reading.si * 1e6, 9), cap)
    return (0.0, cap)


def _drains_into(node: Node, nodes: list[Node]) -> Node | None:
    target = getattr(node, "to", None) or getattr(node, "on", None)
    return next((n for n in nodes if n.name == target and isinstance(n, VESSELS + (k.RetortStand,))), None)


def _dips_into(node: Node, nodes: list[Node]) -> Node | None:
    """The vessel or calorimeter a full-view thermometer stands in (drawn with it)."""
    if not isinstance(node, k.Thermometer) or node.view != "full" or not node.at:
        return None
    return next((n for n in nodes if n.name == node.at and isinstance(n, VESSELS + (k.Calorimeter,))), None)


def thermometer_height(p: Placed) -> float:
    """Bulb to the end of the tube of a placed thermometer."""
    return (p.scale_from or THERMOMETER_FREE) + THERMOMETER_SCALE + THERMOMETER_TOP


def thermometer_x(vessel: Node) -> float:
    """Where a thermometer dips into a vessel: right of the centre, clear of a stirrer or bomb."""
    if isinstance(vessel, k.Calorimeter):
        return 0.55 if vessel.type == "coffee_cup" else -1.3
    return -0.35 * half_width(vessel)  # left of the centre: leaders to the contents run clear of it


def _stand_group(stand: k.RetortStand, nodes: list[Node], used: set[int]) -> Group:
    group = Group()
    vessel = next((n for n in nodes if isinstance(n, VESSELS) and n.on == stand.name), None)
    holder = next((n for n in nodes if isinstance(n, (k.Burette, k.Funnel)) and n.on == stand.name), None)
    mouth = BASE_H + 3.0
    if vessel is not None:
        group.items.append(Placed(vessel, (0.0, BASE_H)))
        mouth = BASE_H + vessel_height(vessel)
        used.add(id(vessel))
    if holder is None and vessel is not None:
        holder = next((n for n in nodes if isinstance(n, (k.Pipette, k.Funnel))
                       and (getattr(n, "to", None) or getattr(n, "on", None)) == vessel.name), None)
    if isinstance(holder, k.Pipette):
        group.items.append(Placed(holder, (0.0, mouth - 0.6)))
    if isinstance(holder, k.Burette):
        group.items.append(Placed(holder, (0.0, mouth + TIP_GAP)))
    elif isinstance(holder, k.Funnel):
        group.items.append(Placed(holder, (0.0, mouth - FUNNEL_STEM + 0.2 if vessel is not None else mouth)))
    if holder is not None:
        used.add(id(holder))
    rod = -max(2.2, half_width(vessel) + 0.7) if vessel is not None else -2.2
    group.items.insert(0, Placed(stand, (rod, 0.0)))
    used.add(id(stand))
    return group


def _vessel_group(vessel: Node, nodes: list[Node], used: set[int]) -> Group:
    group = Group([Placed(vessel, (0.0, 0.0))])
    mouth = vessel_height(vessel)
    for node in nodes:
        if isinstance(node, k.Pipette) and node.to == vessel.name:
            group.items.append(Placed(node, (0.0, mouth - 0.6)))
            used.add(id(node))
        elif isinstance(node, k.Funnel) and node.on == vessel.name:
            group.items.append(Placed(node, (0.0, funnel_seat(vessel)[0])))
            used.add(id(node))
        elif _dips_into(node, nodes) is vessel:
            lid = 0.35 if isinstance(vessel, k.Calorimeter) else 0.0
            rise = vessel_height(vessel) + lid + 0.6 - THERMOMETER_BULB  # marks start above the rim
            group.items.append(Placed(node, (thermometer_x(vessel), THERMOMETER_BULB), rise))
            used.add(id(node))
    return group


def funnel_seat(vessel: Node) -> tuple[float, float | None]:
    """Height of the stem end of a funnel resting on a vessel, and the half width of the hole in the
    support bar under its cone (None when the cone sits on the rim itself)."""
    seat, base, bar = neck_width(vessel) / 2 + 0.07, vessel_height(vessel) + 0.03, None  # on the lip
    if seat > FUNNEL_W / 2 - 0.3:  # the mouth is wider than the cone: a bar across it carries the funnel
        seat = bar = FUNNEL_W / 2 - 0.4
        base += 0.03 + FUNNEL_BAR
    rise = (seat - 0.08) / (FUNNEL_W / 2 - 0.08) * FUNNEL_CONE  # where the cone is as wide as the seat
    return base - rise - FUNNEL_STEM, bar
