"""The physics domain's compiler steps: energy-level diagrams and standing waves, checked and laid out."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Optional

from scidsl.diagnostics import error
from scidsl.domains.physics import kinds as k
from scidsl.domains.physics import optics_bench, vibrations, waves
from scidsl.domains.physics.optics_kinds import OpticalBench

HC_EV_NM = 1239.841984  # h·c in eV·nm
EV = 1.602176634e-19
GAP_CM = 2.0


@dataclass
class Levels:
    """An energy-level diagram with its energies (eV) and checked transitions."""

    node: k.EnergyLevels
    energies: dict[int, float]
    transitions: list[tuple[int, int]] = field(default_factory=list)
    x0: float = 0.0


@dataclass
class Wave:
    """A standing wave with its nodes and antinodes (fractions of its length)."""

    node: k.StandingWave
    ends: tuple[str, str]
    nodes: list[float]
    antinodes: list[float]
    x0: float = 0.0


@dataclass
class Shot:
    """A projectile with its computed flight."""

    node: k.Projectile
    flight: Any
    x0: float = 0.0


@dataclass
class Gas:
    """A gas cylinder with its state (SI), the fourth variable computed when three are given."""

    node: k.GasCylinder
    state: dict
    x0: float = 0.0


def owner_of(node: Any) -> str:
    """The owner name of a diagram's primitives."""
    return node.name or f"{node.kind}@{id(node)}"


def check(ctx: Any) -> None:
    """Energies computable, transitions between known levels in the stated sense; harmonics the ends allow."""
    from scidsl.domains.physics import fields

    fields.check([n for n in ctx.nodes if fields.owns(n)], ctx.report)
    for node in ctx.nodes:
        if isinstance(node, k.EnergyLevels):
            _levels(node, ctx.report)
        elif isinstance(node, k.StandingWave):
            _wave(node, ctx.report)
        elif isinstance(node, k.Projectile):
            _shot(node, ctx.report)
        elif isinstance(node, k.GasCylinder):
            _gas(node, ctx.report)
        elif isinstance(node, (k.StringVibrator, k.TravellingWave)):
            _VIBRATIONS[type(node)](node, ctx.report)
    optics_bench.check(ctx)


def level_energies(node: k.EnergyLevels) -> dict[int, float]:
    """Energy of every level in eV; raises ValueError when it cannot be computed."""
    from scidsl.expr import ExprError, evaluate

    if node.energies is not None:
        if len(node.energies) != len(node.levels):
            raise ValueError(f"{len(node.energies)} energies for {len(node.levels)} levels")
        return {n: (q.si / EV if q.unit else q.value) for n, q in zip(node.levels, node.energies)}
    if node.formula is None:
        raise LookupError("no energies")
    out = {}
    for n in node.levels:
        try:
            out[n] = evaluate(node.formula.tree, {"n": float(n)})
        except ExprError as exc:
            raise ValueError(f"the formula fails at n = {n}: {exc}") from None
    return out


def _levels(node: k.EnergyLevels, report: Any) -> Optional[Levels]:
    try:
        energies = level_energies(node)
    except LookupError:
        report(error("E9701", "the energy levels have neither energies nor a formula", node.span,
                     "give `formula: -13.6/n^2` (eV) or `energies: [-13.6 eV, -3.4 eV, ...]`"))
        return None
    except ValueError as exc:
        report(error("E9704", f"a level's energy cannot be computed: {exc}", node.span_of("formula") or node.span,
                     "write the energy in eV as an expression of n"))
        return None
    ok = []
    for pair in node.transitions:
        if len(pair) != 2 or pair[0] not in energies or pair[1] not in energies or pair[0] == pair[1]:
            report(error("E9702", f"the transition {pair} does not join two different levels of the diagram",
                         node.span_of("transitions"), f"levels are n = {', '.join(map(str, node.levels))}"))
            continue
        up = energies[pair[1]] > energies[pair[0]]
        if up != (node.mode == "absorption"):
            word = "goes up" if up else "goes down"
            report(error("E9703", f"the transition n = {pair[0]} → {pair[1]} {word} in energy, so it is not an "
                         f"{node.mode}", node.span_of("transitions"),
                         "list emissions from the higher level to the lower, or set mode: absorption"))
            continue
        ok.append((pair[0], pair[1]))
    return Levels(node, energies, ok)


def _wave(node: k.StandingWave, report: Any) -> Optional[Wave]:
    ends = ("closed", "closed") if node.medium == "string" else (node.ends[0], node.ends[1])
    if not waves.allowed(ends, node.harmonic):
        report(error("E9705", f"a tube closed at one end and open at the other has only odd harmonics, not "
                     f"n = {node.harmonic}", node.span_of("harmonic"), "use n = 1, 3, 5, ... or change the ends"))
        return None
    nodes, antis = waves.nodes_and_antinodes(ends, node.harmonic)
    for stated, got, word in ((node.nodes, len(nodes), "nodes"), (node.antinodes, len(antis), "antinodes")):
        if stated is not None and stated != got:
            report(error("E9706", f"harmonic {node.harmonic} with {ends[0]} and {ends[1]} ends has {got} {word}, "
                         f"not {stated}", node.span_of(word),
                         "count the ends too: a closed (fixed) end is a node, an open end an antinode"))
            return None
    return Wave(node, ends, nodes, antis)


def _shot(node: k.Projectile, report: Any) -> Optional[Shot]:
    from scidsl.domains.physics.motion import flight

    angle = node.angle.si if node.angle is not None else 0.0
    h0 = node.height.si if node.height is not None else 0.0
    g = node.g.si if node.g is not None else 9.8
    if not -math.pi / 2 < angle < math.pi / 2 or node.speed.si <= 0 or g <= 0 or h0 < 0:
        report(error("E9707", "the projectile cannot fly as stated (speed and g above 0, height not below the "
                     "ground, angle between -90 and 90 deg)", node.span, "check the launch speed, angle and height"))
        return None
    fl = flight(node.speed.si, angle, h0, g)
    if fl is None or fl.range <= 0:
        report(error("E9707", "the projectile never leaves the ground", node.span,
                     "launch it upwards or from a height"))
        return None
    return Shot(node, fl)


def _gas(node: k.GasCylinder, report: Any) -> Optional[Gas]:
    from scidsl.domains.physics.motion import gas_mismatch, gas_state

    given = [q.si if q is not None else None for q in (node.pressure, node.volume, node.temperature)]
    if any(v is not None and v <= 0 for v in given):
        report(error("E9708", "pressure, volume and temperature of a gas are above zero (temperature in K)",
                     node.span, "give the absolute temperature, e.g. 300 K"))
        return None
    state = gas_state(given[0], given[1], given[2], node.moles)
    off = gas_mismatch(state)
    if off is not None and off > 0.02:
        computed = state["p"] * state["V"] / (state["n"] * 8.314462618)
        report(error("E9708", f"the gas state breaks pV = nRT: these p, V and n give T = {computed:.4g} K, not "
                     f"{state['T']:.4g} K", node.span, "give three of p, V, T, n and let the fourth be computed"))
        return None
    return Gas(node, state)


_WIDTH = {Levels: 7.5, Wave: 9.0, Shot: 10.0, Gas: 5.0, vibrations.Vibrator: 12.0, vibrations.Snapshot: 11.0}
_VIBRATIONS = {k.StringVibrator: vibrations.vibrator, k.TravellingWave: vibrations.snapshot}


def layout(ctx: Any) -> list:
    """Every diagram, checked again silently, side by side; field apparatus last, placed among itself."""
    from scidsl.domains.physics import fields

    make = {k.EnergyLevels: _levels, k.StandingWave: _wave, k.Projectile: _shot, k.GasCylinder: _gas, **_VIBRATIONS,
            OpticalBench: lambda node, report: optics_bench.layout_bench(node, ctx.nodes, report)}
    out: list = []
    x = 0.0
    for node in [n for n in ctx.nodes if not fields.owns(n)]:
        item = make[type(node)](node, lambda d: None) if type(node) in make else None  # elements go with benches
        if item is None:
            continue
        item.x0 = x
        x += (_WIDTH.get(type(item)) or item.width) + GAP_CM
        out.append(item)
    group = fields.layout([n for n in ctx.nodes if fields.owns(n)], ctx.report)
    if group is not None:
        group.x0 = x
        out.append(group)
    return out


def verify(ctx: Any, layout: list | None, page: Any) -> None:
    """Measure the drawn page: each bench's rays meet at its drawn image."""
    for item in layout or []:
        if isinstance(item, optics_bench.Bench):
            optics_bench.verify_bench(item, page, ctx.report)


def render(ctx: Any, layout: list) -> Any:
    """Primitives of every diagram (see renderers/physics.py)."""
    from scidsl.renderers.physics import render_physics

    return render_physics(layout)


def facts(ctx: Any, layout: list | None) -> list:
    """Level energies, ΔE and wavelength of every transition; nodes, antinodes and λ of every standing wave."""
    from scidsl.pipeline import Fact

    out = []
    from scidsl.domains.physics import fields

    for item in layout or []:
        if isinstance(item, fields.FieldGroup):
            out.extend(fields.facts(item))
        elif isinstance(item, Levels):
            for n, e in item.energies.items():
                out.append(Fact("level", (item.node.name, n), round(e, 6), f"level n = {n} has E = {e:.4g} eV"))
            for a, b in item.transitions:
                de = abs(item.energies[a] - item.energies[b])
                lam = HC_EV_NM / de if de > 0 else math.inf
                out.append(Fact("transition", (item.node.name, a, b, item.node.mode), round(de, 6),
                                f"{item.node.mode} n = {a} → {b}: ΔE = {de:.4g} eV, λ = {lam:.4g} nm"))
        elif isinstance(item, Shot):
            out.extend(_shot_facts(item))
        elif isinstance(item, Gas):
            out.extend(_gas_facts(item))
        elif isinstance(item, (vibrations.Vibrator, vibrations.Snapshot)):
            out.extend(vibrations.facts(item))
        elif isinstance(item, optics_bench.Bench):
            out.extend(optics_bench.bench_facts(item.sys))
        else:
            node = item.node
            lam = waves.wavelength_over_length(item.ends, node.harmonic)
            out.append(Fact("standing_wave", (node.name, node.medium, item.ends[0], item.ends[1], node.harmonic),
                            (len(item.nodes), len(item.antinodes)),
                            f"{node.medium} with {item.ends[0]} and {item.ends[1]} ends, harmonic {node.harmonic}: "
                            f"{len(item.nodes)} nodes, {len(item.antinodes)} antinodes, λ = {lam:.4g} L"))
    return out


def _shot_facts(item: Shot) -> list:
    from scidsl.pipeline import Fact

    fl, name = item.flight, item.node.name
    return [Fact("flight_time", (name,), round(fl.time, 6), f"the projectile lands after {fl.time:.4g} s"),
            Fact("range", (name,), round(fl.range, 6), f"the projectile lands {fl.range:.4g} m away"),
            Fact("max_height", (name,), round(fl.top[1], 6), f"its greatest height is {fl.top[1]:.4g} m")]


_GAS_WORDS = {"p": ("pressure", "Pa"), "V": ("volume", "m³"), "T": ("temperature", "K"), "n": ("amount", "mol")}


def _gas_facts(item: Gas) -> list:
    from scidsl.pipeline import Fact

    return [Fact(_GAS_WORDS[key][0], (item.node.name,), round(value, 9),
                 f"the gas has {key} = {value:.4g} {_GAS_WORDS[key][1]}") for key, value in item.state.items()]
