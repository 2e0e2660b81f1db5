"""Laboratory apparatus: unit and capacity checks, assembly of the set-up, facts and verification."""
from __future__ import annotations

import math
from typing import Any

from scidsl.diagnostics import did_you_mean, error, warning
from scidsl.domains.lab import kinds as k
from scidsl.domains.lab.assembly import Layout, assemble
from scidsl.model import Node, Quantity
from scidsl.pipeline import Fact
from scidsl.units import DIMENSIONS, parse_unit

# Labels sit in columns the renderer reserves for them: a figure scaled down takes its text along.
TEXT_SCALES_WITH_DRAWING = True
_VESSELS = (k.ConicalFlask, k.Beaker, k.VolumetricFlask)
_MAX_CAPACITY_L = 20.0  # the largest carboy a textbook figure shows


def volume_ml(q: Quantity) -> float:
    """A checked volume in millilitres."""
    return round(q.si * 1e6, 9)


def _has_dimension(q: Quantity, dim: str) -> bool:
    info = parse_unit(q.unit) if q.unit else None
    return info is not None and info.dim == DIMENSIONS[dim]


def check(ctx: Any) -> None:
    """Units, capacities, readings and what each apparatus stands on or drains into."""
    by_name = {n.name: n for n in ctx.nodes if n.name}
    unit_ok = {id(n): _check_units(ctx, n) for n in ctx.nodes}
    for node in ctx.nodes:
        _check_refs(ctx, node, by_name)
        if unit_ok[id(node)]:
            _check_amounts(ctx, node, by_name, unit_ok)
    _check_places(ctx)


def _check_units(ctx: Any, node: Node) -> bool:
    if isinstance(node, (k.Thermometer, k.Calorimeter)):
        from scidsl.domains.lab.thermal import check_thermal

        check_thermal(ctx, node)
        return False
    ok = True
    for key in ("capacity", "reading", "initial", "volume"):
        q = getattr(node, key, None)
        if q is not None and not _has_dimension(q, "volume"):
            ok = False
            got = f"'{q.unit}' is not a unit of volume" if q.unit else "it has no unit"
            ctx.report(error("E9502", f"{node.kind} {node.name}: the {key} {q} is not a volume ({got})",
                             node.span_of(key), f"write it in mL or L, e.g. {key}: 25.00 mL"))
    conc = getattr(node, "concentration", None)
    if conc is not None and not _has_dimension(conc, "concentration"):
        ctx.report(error("E9505", f"{node.kind} {node.name}: the concentration {conc} is not a concentration",
                         node.span_of("concentration"), "write it in M (mol/L), e.g. concentration: 0.1 M"))
    return ok


def _check_amounts(ctx: Any, node: Node, by_name: dict[str, Node], unit_ok: dict[int, bool]) -> None:
    cap = getattr(node, "capacity", None)
    if cap is not None and not 0 < volume_ml(cap) <= _MAX_CAPACITY_L * 1000:
        ctx.report(error("E9508", f"{node.kind} {node.name}: a capacity of {cap} cannot be drawn",
                         node.span_of("capacity"), f"use a positive size up to {_MAX_CAPACITY_L:g} L"))
        return
    if isinstance(node, k.Burette):
        _check_burette(ctx, node)
    elif isinstance(node, _VESSELS) and node.volume is not None:
        v = volume_ml(node.volume)
        if v < 0 or v > volume_ml(node.capacity) * (1 + 1e-9):
            ctx.report(error("E9503", f"{node.kind} {node.name} holds {node.volume} but its capacity is "
                             f"{node.capacity}", node.span_of("volume"),
                             f"use a larger {node.kind} (capacity: ...) or a volume of at most {node.capacity}"))
    elif isinstance(node, k.Pipette) and node.to in by_name:
        target = by_name[node.to]
        if isinstance(target, _VESSELS) and unit_ok.get(id(target)) and volume_ml(node.capacity) > volume_ml(target.capacity):
            ctx.report(error("E9503", f"pipette {node.name} delivers {node.capacity} into {node.to}, which holds "
                             f"only {target.capacity}", node.span_of("capacity"),
                             "use a smaller pipette or a larger vessel", related=((target.span, "the vessel"),)))


def _check_burette(ctx: Any, node: k.Burette) -> None:
    cap = volume_ml(node.capacity)
    for key in ("reading", "initial"):
        q = getattr(node, key)
        if q is None:
            continue
        v = volume_ml(q)
        if v < 0 or v > cap * (1 + 1e-9):
            ctx.report(error("E9501", f"burette {node.name}: the {key} {q} is outside its scale 0–{node.capacity}",
                             node.span_of(key), f"a {node.capacity} burette reads from 0 mL (top) to "
                             f"{node.capacity} (bottom)"))
            return
        if abs(v * 100 - round(v * 100)) > 1e-6:
            ctx.report(warning("W9501", f"burette {node.name}: the {key} {q} is finer than a burette can be read",
                               node.span_of(key), f"burettes are read to 0.01 mL: write {v:.2f} mL"))
    if node.initial is not None and node.reading is not None and volume_ml(node.initial) > volume_ml(node.reading):
        ctx.report(error("E9507", f"burette {node.name}: the initial reading {node.initial} is larger than the "
                         f"reading {node.reading}", node.span_of("initial"),
                         "readings grow as liquid is delivered: initial ≤ reading"))


_ALLOWED_REFS: dict[type, tuple[str, tuple[type, ...], str]] = {
    k.Burette: ("on", (k.RetortStand,), "a retort_stand"),
    k.ConicalFlask: ("on", (k.RetortStand,), "a retort_stand"),
    k.Beaker: ("on", (k.RetortStand,), "a retort_stand"),
    k.VolumetricFlask: ("on", (k.RetortStand,), "a retort_stand"),
    k.Pipette: ("to", _VESSELS, "a flask, beaker or volumetric_flask"),
    k.Funnel: ("on", _VESSELS + (k.RetortStand,), "a flask, beaker or retort_stand"),
    k.Thermometer: ("at", _VESSELS + (k.Calorimeter,), "a calorimeter, beaker or flask"),
}


_EXAMPLE = {k.RetortStand: "retort_stand S", k.ConicalFlask: "flask F { volume: 25 mL }",
            k.Calorimeter: "calorimeter C { mass: 100 g }"}


def _check_refs(ctx: Any, node: Node, by_name: dict[str, Node]) -> None:
    rule = _ALLOWED_REFS.get(type(node))
    if rule is None:
        return
    key, allowed, words = rule
    ref = getattr(node, key)
    if ref is None:
        return
    target = by_name.get(ref)
    if target is None and ctx.names.kind_of(ref) is None:
        choices = sorted(n.name for n in by_name.values() if isinstance(n, allowed))
        ctx.report(error("E9504", f"{node.kind} {node.name}: '{ref}' names no apparatus", node.span_of(key),
                         did_you_mean(ref, choices) or f"declare {words} first, e.g. {_EXAMPLE[allowed[0]]}"))
        return
    if not isinstance(target, allowed):
        what = f"a {target.kind}" if target is not None else f"a {ctx.names.kind_of(ref) or 'name'} of another domain"
        ctx.report(error("E9504", f"{node.kind} {node.name}: '{ref}' is {what}, not {words}", node.span_of(key),
                         f"{node.kind} ... {key} X needs X to be {words}"))


def _check_places(ctx: Any) -> None:
    """One burette or funnel per stand, one vessel under it, one thing draining into each vessel."""
    stands = {n.name for n in ctx.nodes if isinstance(n, k.RetortStand)}
    seen: dict[tuple[str, str], Node] = {}
    for node in ctx.nodes:
        slot = _slot(node, stands)
        if slot is None:
            continue
        first = seen.setdefault(slot, node)
        if first is not node:
            _report_taken(ctx, node, first, f"{_SLOT_WORDS[slot[1]]} {slot[0]}")
    # a vessel under a stand's burette or funnel takes nothing else from above
    for (target, role), node in seen.items():
        if role != "below" or (target, "holder") not in seen or not node.name:
            continue
        extra = seen.get((node.name, "inflow"))
        if extra is not None:
            _report_taken(ctx, extra, seen[(target, "holder")], f"above {node.kind} {node.name}")


def _report_taken(ctx: Any, node: Node, first: Node, where: str) -> None:
    ctx.report(error("E9506", f"{node.kind} {node.name} takes the place of {first.kind} {first.name} ({where})",
                     node.span, "give it a stand or vessel of its own", related=((first.span, "already there"),)))


_SLOT_WORDS = {"holder": "held by", "below": "standing on", "inflow": "draining into",
               "thermometer": "measuring"}


def _slot(node: Node, stands: set[str]) -> tuple[str, str] | None:
    if isinstance(node, (k.Burette, k.Funnel)) and node.on:
        return (node.on, "holder" if node.on in stands else "inflow")
    if isinstance(node, k.Pipette) and node.to:
        return (node.to, "inflow")
    if isinstance(node, _VESSELS) and node.on:
        return (node.on, "below")
    if isinstance(node, k.Thermometer) and node.at and node.view == "full":
        return (node.at, "thermometer")
    return None


def layout(ctx: Any) -> Layout:
    """Assemble stands, glassware and what drains into what; compute every liquid level."""
    return assemble(ctx.nodes)


def render(ctx: Any, lay: Layout) -> Any:
    """Draw the assembled apparatus with labelled contents."""
    from scidsl.renderers.lab import render_layout

    return render_layout(lay, ctx.settings)


def _ml_text(v: float) -> str:
    return f"{v:.2f} mL" if v < 100 or not float(v).is_integer() else f"{v:.0f} mL"


def facts(ctx: Any, lay: Layout) -> list[Fact]:
    """Capacities, readings, delivered volumes, contents, concentrations and titrated amounts."""
    out: list[Fact] = []
    for node in ctx.nodes:
        name = node.name or node.kind
        cap = getattr(node, "capacity", None)
        if cap is not None:
            out.append(Fact("capacity", (name,), _ml_text(volume_ml(cap)), f"{node.kind} {name}: capacity {cap.pretty()}"))
        out.extend(_contents_facts(node, name))
        if isinstance(node, k.Burette) and node.reading is not None:
            out.extend(_burette_facts(node, name, ctx.nodes))
    from scidsl.domains.lab.thermal import thermal_facts

    return out + thermal_facts(ctx.nodes)


def _contents_facts(node: Node, name: str) -> list[Fact]:
    out = []
    if getattr(node, "contents", None):
        out.append(Fact("contents", (name,), node.contents, f"{node.kind} {name} contains {node.contents}"))
    vol = getattr(node, "volume", None)
    if vol is not None:
        out.append(Fact("volume", (name,), _ml_text(volume_ml(vol)), f"{node.kind} {name} holds {_ml_text(volume_ml(vol))}"))
    conc = getattr(node, "concentration", None)
    if conc is not None:
        out.append(Fact("concentration", (name,), conc.pretty(), f"{node.kind} {name}: concentration {conc.pretty()}"))
    if getattr(node, "precipitate", None):
        out.append(Fact("precipitate", (name,), node.precipitate, f"{node.precipitate} forms in {name}"))
    return out


def _burette_facts(node: k.Burette, name: str, nodes: list[Node]) -> list[Fact]:
    reading = volume_ml(node.reading)
    initial = volume_ml(node.initial) if node.initial is not None else 0.0
    delivered = reading - initial
    out = [Fact("reading", (name,), f"{reading:.2f} mL", f"burette {name} reads {reading:.2f} mL"),
           Fact("delivered", (name,), f"{delivered:.2f} mL", f"burette {name} has delivered {delivered:.2f} mL")]
    if node.concentration is None:
        return out
    moles = node.concentration.si * 1e-3 * delivered * 1e-3  # mol/m³ → mol/L, mL → L
    flask = next((n for n in nodes if isinstance(n, _VESSELS) and node.on and n.on == node.on), None)
    args = (name, flask.name) if flask is not None and flask.name else (name,)
    out.append(Fact("amount_delivered", args, f"{_sig4(moles)} mol",
                    f"n = {node.concentration.pretty()} × {delivered:.2f} mL = {_sig4(moles)} mol"))
    return out


def _sig4(x: float) -> str:
    if x == 0:
        return "0"
    digits = 3 - math.floor(math.log10(abs(x)))
    return f"{x:.{max(digits, 0)}f}" if -5 < math.log10(abs(x)) < 5 else f"{x:.4g}"


def verify(ctx: Any, lay: Layout, page: Any) -> None:
    """The drawn meniscus of each burette and column of each thermometer sit at their readings."""
    from scidsl.domains.lab.thermal import verify_thermometers

    verify_thermometers(ctx, page)
    for node in ctx.nodes:
        if not isinstance(node, k.Burette) or node.reading is None or not node.name:
            continue
        a, b, m = (page.anchors.get(f"{node.name}.{key}") for key in ("scale_a", "scale_b", "meniscus"))
        marks = lay.scale_marks.get(node.name)
        if a is None or b is None or m is None or marks is None:
            continue
        drawn = marks[0] + (m[1] - a[1]) / (b[1] - a[1]) * (marks[1] - marks[0])
        if abs(drawn - volume_ml(node.reading)) > 0.02 * max(abs(marks[1] - marks[0]), 1e-9):
            ctx.report(error("E9509", f"burette {node.name}: the meniscus is drawn at {drawn:.2f} mL, not at "
                             f"{volume_ml(node.reading):.2f} mL", node.span_of("reading"),
                             "please report this scene to the scidsl maintainers"))
