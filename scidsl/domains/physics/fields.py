"""Electric and magnetic apparatus: the physics (C, B, EMF, right-hand rule), checks, placement and facts."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from scidsl.diagnostics import error
from scidsl.domains.physics import field_kinds as fk

EPS0 = 8.8541878128e-12  # F/m
K_E = 1 / (4 * math.pi * EPS0)  # N·m²/C²
MU0 = 4e-7 * math.pi  # T·m/A
P = tuple[float, float]
PLATE_W = 6.0  # page cm of a plate
WIRE_R = 0.25  # page cm, a wire seen end-on


@dataclass
class Item:
    """One apparatus with its page box (centre, width, height) and what the physics gave."""

    node: Any
    center: P = (0.0, 0.0)
    size: P = (0.0, 0.0)
    data: dict = field(default_factory=dict)

    def box(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) on the page."""
        (cx, cy), (w, h) = self.center, self.size
        return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


@dataclass
class FieldGroup:
    """Every field apparatus of a scene, placed relative to each other."""

    items: list[Item]
    x0: float = 0.0


def owns(node: Any) -> bool:
    """True for the kinds this module draws."""
    return isinstance(node, tuple(fk.FIELD_KINDS))


# ---- the physics --------------------------------------------------------------------------------

def layers(fractions: list[float], eps: list[float]) -> list[tuple[float, float]]:
    """(share, εr) of every filling, air (εr = 1) taking what is left."""
    out = list(zip(fractions, eps))
    rest = 1.0 - sum(fractions)
    return out + [(rest, 1.0)] if rest > 1e-9 else out


def capacitance(area: float, d: float, parts: list[tuple[float, float]], fill: str) -> float:
    """C of plates with fillings: stacked layers add as capacitors in series, side-by-side ones in parallel."""
    if fill == "stacked":
        return 1.0 / sum(share * d / (EPS0 * er * area) for share, er in parts)
    return sum(EPS0 * er * share * area / d for share, er in parts)


def part_capacitance(area: float, d: float, share: float, er: float, fill: str) -> float:
    """C of one filling alone: a layer of thickness share·d, or a column of area share·A."""
    return EPS0 * er * area / (share * d) if fill == "stacked" else EPS0 * er * share * area / d


def wire_b(current: float, r: float) -> float:
    """B = μ0·I / 2πr of a long straight wire."""
    return MU0 * current / (2 * math.pi * r)


def b_out_of_page(current_dir: P, towards: P) -> int:
    """+1 (⊙) or −1 (⊗): the field of a current along `current_dir` at a point `towards` from the wire (I × r)."""
    z = current_dir[0] * towards[1] - current_dir[1] * towards[0]
    return 1 if z > 0 else -1


def circulation(current: str) -> str:
    """The field circle about a wire seen end-on: counter-clockwise round a current out of the page."""
    return "ccw" if current == "out" else "cw"


def rod_current_up(motion: str, field_dir: str) -> bool:
    """The induced current in the rod runs along v × B: up the page when that points up."""
    v = 1 if motion == "right" else -1
    bz = 1 if field_dir == "out" else -1
    return -v * bz > 0  # x̂ × ẑ = −ŷ


def solenoid_b_right(front: str) -> bool:
    """B inside a solenoid points right when the current runs down the front of the windings (grip rule)."""
    return front == "down"


def toroid_ccw(current: str) -> bool:
    """B circles counter-clockwise when the current crosses the upper side of each winding outward."""
    return current == "outward"


# ---- checks -------------------------------------------------------------------------------------

def check(nodes: list, report: Callable) -> None:
    """Fillings fit the gap, dielectric constants at least 1, rods on their rails, sizes above zero."""
    for node in nodes:
        if isinstance(node, fk.CapacitorPlates):
            _check_plates(node, report)
        elif isinstance(node, fk.Rails):
            _check_rails(node, report)
        elif isinstance(node, (fk.Solenoid, fk.Toroid)):
            _check_coil(node, report)
        elif isinstance(node, fk.WireSection) and node.field and node.current == "none":
            report(error("E9726", "the field circle needs the current's direction to show its own",
                         node.span_of("field"), "state current: out or current: in, or drop field: true"))
        elif isinstance(node, fk.ChargedSphere) and node.radius.si <= 0:
            report(error("E9724", "the sphere's radius is not above zero", node.span_of("radius"), "e.g. radius: 5 cm"))


def fill_shares(node: fk.CapacitorPlates) -> list[float]:
    """The share of every filling: as stated, else equal and summing to 1."""
    if node.fractions is not None:
        return [float(f) for f in node.fractions]
    return [1.0 / len(node.dielectrics)] * len(node.dielectrics)


def _check_plates(node: fk.CapacitorPlates, report: Callable) -> None:
    if node.separation.si <= 0 or (node.area is not None and node.area.si <= 0):
        report(error("E9724", "the plates need a separation and an area above zero", node.span_of("separation"),
                     "e.g. separation: 2 mm, area: 50 cm^2"))
    shares = fill_shares(node) if node.dielectrics else list(node.fractions or [])
    where = node.span_of("fractions")
    if node.fractions is not None and len(node.fractions) != len(node.dielectrics):
        report(error("E9720", f"{len(node.fractions)} fractions for {len(node.dielectrics)} dielectrics", where,
                     "give one fraction per dielectric"))
    elif any(s <= 0 for s in shares) or sum(shares) > 1 + 1e-9:
        word = "gap" if node.fill == "stacked" else "plate area"
        report(error("E9720", f"the fillings take {sum(shares):.4g} of the {word}: each share is above 0 and "
                     "together at most 1", where, "air fills what the dielectrics leave"))
    for er in node.dielectrics:
        if er < 1:
            report(error("E9721", f"a dielectric constant εr = {er:g} is below 1 (vacuum)", node.span_of("dielectrics"),
                         "εr is 1 for vacuum and above 1 for every material"))


def rod_fraction(node: fk.Rails) -> Optional[float]:
    """Where the rod is as a fraction of the rails from the load, or None when a distance has no rail length."""
    if node.rod_at is None:
        return 0.6
    if not node.rod_at.unit:
        return node.rod_at.value
    if node.length is None or node.length.si <= 0:
        return None
    return node.rod_at.si / node.length.si


def _check_rails(node: fk.Rails, report: Callable) -> None:
    if node.separation.si <= 0 or (node.length is not None and node.length.si <= 0):
        report(error("E9724", "the rails need a separation (and length) above zero", node.span_of("separation"),
                     "e.g. separation: 0.5 m"))
        return
    t = rod_fraction(node)
    if t is None:
        report(error("E9723", "the rod's place is a distance but the rails have no `length`", node.span_of("rod_at"),
                     "give length: 1 m, or rod_at as a fraction 0..1"))
    elif not 0 < t <= 1:
        report(error("E9723", f"the rod is at {t:.3g} of the rails' length: it is off the rails",
                     node.span_of("rod_at"), "place it between the load (0) and the rails' far end (1)"))


def _check_coil(node: Any, report: Callable) -> None:
    sizes = [q for q in (getattr(node, "length", None), getattr(node, "r", None)) if q is not None]
    if any(q.si <= 0 for q in sizes):
        report(error("E9724", f"the {node.kind}'s length or radius is not above zero", node.span,
                     "give a length or radius above zero"))


# ---- placement ----------------------------------------------------------------------------------

def size_of(node: Any) -> P:
    """The page box an apparatus takes, room for its signs and labels included."""
    if isinstance(node, fk.CapacitorPlates):
        right = 2.4 if node.dielectrics and node.fill == "stacked" else 0.8
        below = 1.1 if node.dielectrics and node.fill == "side_by_side" else 0.0
        return PLATE_W + right + 0.8, plate_gap(node) + 1.6 + below
    if isinstance(node, fk.WireSection):
        r = 1.1 if node.field else WIRE_R
        return 2 * r, 2 * r
    if isinstance(node, fk.LongWire):
        across = 2.6 if node.marks else 0.6
        return (across, node.length) if node.direction in ("up", "down") else (node.length, across)
    if isinstance(node, fk.Rails):
        return 10.0, RAIL_GAP + 1.6
    if isinstance(node, fk.Solenoid):
        return 9.0, 4.0
    if isinstance(node, fk.ChargedSphere):
        return 2 * SPHERE_R + 2.4 + (sphere_point(node) or 0.0), 2 * SPHERE_R + 2.4
    return 6.4, 6.4


RAIL_GAP = 3.6  # page cm between the rails
SPHERE_R = 1.5  # page cm, a charged sphere


def sphere_point(node: fk.ChargedSphere) -> Optional[float]:
    """How far right of the centre P is drawn: to scale up to 3.5 R (clamped beyond), or None without P."""
    if node.distance is None or node.radius.si <= 0:
        return None
    return SPHERE_R * min(3.5, max(0.15, node.distance.si / node.radius.si))


def sphere_field(q: float, radius: float, r: float, shell: bool) -> float:
    """E at r from the centre: kQ/r² outside; inside 0 for a shell, kQr/R³ for a uniformly charged ball."""
    if r >= radius:
        return K_E * q / (r * r)
    return 0.0 if shell else K_E * q * r / radius ** 3


def plate_gap(node: fk.CapacitorPlates) -> float:
    """The drawn gap: true to the plates' proportions where readable, else between 1.8 and 4 cm."""
    if node.area is None or node.area.si <= 0 or node.separation.si <= 0:
        return 2.6
    return min(4.0, max(1.8, PLATE_W * node.separation.si / math.sqrt(node.area.si)))


def layout(nodes: list, report: Callable) -> Optional[FieldGroup]:
    """Place every apparatus beside the one it names, else to the right of all before it."""
    from scidsl import place

    items: list[Item] = []
    by_name: dict[str, Item] = {}
    for node in nodes:
        item = Item(node, size=size_of(node))
        sides = [s for s in fk._SIDES if getattr(node, s) is not None]
        centre: Optional[P] = None
        for side in sides:
            target = by_name.get(getattr(node, side).partition(".")[0])
            if target is None:
                report(error("E9722", f"{node.kind} {node.name or ''} is {side.replace('_', ' ')} "
                             f"'{getattr(node, side)}', which is not field apparatus declared before it",
                             node.span_of(side), "place it beside a wire, plates, rails or a coil declared above"))
                return None
            cand = place.beside(target.box(), item.size, side, float(node.gap))
            centre = cand if centre is None else ((cand[0], centre[1]) if side in ("left_of", "right_of")
                                                  else (centre[0], cand[1]))
        if centre is None and items:
            x1 = max(it.box()[2] for it in items)
            centre = (x1 + float(node.gap) + item.size[0] / 2, items[-1].center[1])
        item.center = centre or (item.size[0] / 2, item.size[1] / 2)
        other = next((it for it in items if _overlap(it.box(), item.box()) > 0.05), None)
        if other is not None:
            report(error("E9725", f"{node.kind} {node.name or ''} lands on {other.node.kind} {other.node.name or ''}: "
                         "their places overlap", node.span, "place it beside the other one, or on another side",
                         related=((other.node.span, f"{other.node.name or other.node.kind} is placed here"),)))
            return None
        items.append(item)
        if node.name:
            by_name[node.name] = item
    return FieldGroup(items) if items else None


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Area (cm²) two boxes share."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


# ---- facts --------------------------------------------------------------------------------------

def facts(group: FieldGroup) -> list:
    """Capacitance, fields of wires, EMF and induced current, B of coils, with the directions drawn."""
    make = {fk.CapacitorPlates: _plate_facts, fk.WireSection: _wire_facts, fk.LongWire: _wire_facts,
            fk.Rails: _rail_facts, fk.Solenoid: _coil_facts, fk.Toroid: _coil_facts,
            fk.ChargedSphere: _sphere_facts}
    out: list = []
    for item in group.items:
        out.extend(make[type(item.node)](item.node))
    # a value past the float range (1e300 T times 1e300 m/s) is no fact a figure can state
    return [f for f in out if not isinstance(f.value, float) or math.isfinite(f.value)]


def _fact(pred: str, node: Any, value: Any, text: str, *more: Any) -> Any:
    from scidsl.pipeline import Fact

    return Fact(pred, (node.name, *more), value, text)


def _plate_facts(node: fk.CapacitorPlates) -> list:
    top = node.positive == "top"
    out = [_fact("field_direction", node, "down" if top else "up", "the field between the plates points from the "
                 f"{'top' if top else 'bottom'} (+) plate to the {'bottom' if top else 'top'} (−) plate")]
    if node.area is None:
        return out
    a, d = node.area.si, node.separation.si
    parts = layers(fill_shares(node), [float(e) for e in node.dielectrics]) if node.dielectrics else [(1.0, 1.0)]
    c = capacitance(a, d, parts, node.fill)
    how = "in series (stacked layers)" if node.fill == "stacked" else "in parallel (side by side)"
    if len(parts) > 1:
        for i, (share, er) in enumerate(parts):
            ci = part_capacitance(a, d, share, er, node.fill)
            out.append(_fact("part_capacitance", node, _sig(ci), f"filling {i + 1} (εr = {er:g}, share {share:.3g}) alone "
                             f"has C = {ci:.4g} F", i + 1))
    out.append(_fact("capacitance", node, _sig(c), f"the capacitor has C = {c:.4g} F"
                     + (f", its fillings {how}" if len(parts) > 1 else " (C = ε0·εr·A/d)")))
    return out


def _wire_facts(node: Any) -> list:
    if isinstance(node, fk.WireSection):
        if node.current == "none":
            return []
        word = "counter-clockwise" if circulation(node.current) == "ccw" else "clockwise"
        out = [_fact("field_circulation", node, circulation(node.current),
                     f"the field circles the wire {word} (current {'out of' if node.current == 'out' else 'into'}"
                     " the page)")]
    else:
        u = _UNIT[node.direction]
        sides = ("left", "right") if node.direction in ("up", "down") else ("up", "down")
        signs = {side: "out" if b_out_of_page(u, _UNIT[side]) > 0 else "in" for side in sides}
        sym = {"out": "out of the page (⊙)", "in": "into the page (⊗)"}
        where = {"left": "left of", "right": "right of", "up": "above", "down": "below"}
        value = ", ".join(f"{'⊙' if sign == 'out' else '⊗'} {side}" for side, sign in signs.items())
        out = [_fact("field_beside", node, value, "; ".join(f"{where[side]} the wire B points {sym[sign]}"
                                                           for side, sign in signs.items()))]
    if node.I is not None and node.distance is not None and node.distance.si > 0:
        b = wire_b(node.I.si, node.distance.si)
        out.append(_fact("field_strength", node, _sig(b), f"at {node.distance.pretty()} from the wire B = μ0·I/2πr = "
                         f"{b:.4g} T"))
    return out


def _sig(x: float) -> float:
    """x to six significant digits (facts compare as numbers)."""
    return float(f"{x:.6g}")


_UNIT = {"up": (0.0, 1.0), "down": (0.0, -1.0), "left": (-1.0, 0.0), "right": (1.0, 0.0)}


def _rail_facts(node: fk.Rails) -> list:
    up = rod_current_up(node.motion, node.field)
    loop = "counter-clockwise" if up else "clockwise"
    out = [_fact("induced_current", node, "up" if up else "down", f"the induced current runs {'up' if up else 'down'} "
                 f"the rod, {loop} round the circuit (Lenz's law: it opposes the change of flux), and the force on the "
                 "rod opposes its motion")]
    if node.B is None or node.speed is None:
        return out
    emf = node.B.si * node.separation.si * node.speed.si
    out.append(_fact("emf", node, _sig(emf), f"EMF = B·L·v = {emf:.4g} V"))
    if node.R is not None and node.R.si > 0:
        out.append(_fact("current", node, _sig(emf / node.R.si), f"I = EMF/R = {emf / node.R.si:.4g} A"))
    return out


def _coil_facts(node: Any) -> list:
    if isinstance(node, fk.Solenoid):
        right = solenoid_b_right(node.front)
        out = [_fact("field_direction", node, "right" if right else "left",
                     f"inside the solenoid B points {'right' if right else 'left'}; its north end is on the "
                     f"{'right' if right else 'left'}")]
        n = node.n if node.n is not None else (node.N / node.length.si if node.N and node.length else None)
        if n is not None and node.I is not None:
            b = MU0 * n * node.I.si
            out.append(_fact("field_strength", node, _sig(b), f"inside the solenoid B = μ0·n·I = {b:.4g} T"))
        return out
    ccw = toroid_ccw(node.current)
    out = [_fact("field_circulation", node, "ccw" if ccw else "cw",
                 f"inside the ring B circles {'counter-clockwise' if ccw else 'clockwise'}")]
    if node.N is not None and node.I is not None and node.r is not None and node.r.si > 0:
        b = MU0 * node.N * node.I.si / (2 * math.pi * node.r.si)
        out.append(_fact("field_strength", node, _sig(b), f"at r = {node.r.pretty()} B = μ0·N·I/2πr = {b:.4g} T"))
    return out


def _sphere_facts(node: fk.ChargedSphere) -> list:
    way = "outward" if node.Q.si > 0 else "inward"
    out = [_fact("field_direction", node, way, f"outside the sphere the field points radially {way}")]
    if node.distance is not None and node.distance.si > 0:
        e = sphere_field(node.Q.si, node.radius.si, node.distance.si, node.shell)
        where = "outside" if node.distance.si >= node.radius.si else "inside"
        out.append(_fact("field_strength", node, _sig(e), f"at P, {node.distance.pretty()} from the centre ({where}), "
                         f"E = {e:.4g} N/C"))
    return out
