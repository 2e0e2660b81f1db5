"""The physics domain's compiler steps: energy-level diagrams and standing waves, checked and laid out."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Optional

from scidsl.diagnostics import error
from scidsl.domains.physics import kinds as k
from scidsl.domains.physics import waves

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


def owner_of(node: Any) -> str:
    """The owner name of a diagram's primitives."""
    return node.name or f"{node.kind}@{id(node)}"


def check(ctx: Any) -> None:
    """Energies computable, transitions between known levels in the stated sense; harmonics the ends allow."""
    for node in ctx.nodes:
        if isinstance(node, k.EnergyLevels):
            _levels(node, ctx.report)
        elif isinstance(node, k.StandingWave):
            _wave(node, ctx.report)


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


def layout(ctx: Any) -> list:
    """Every diagram, checked again silently, side by side."""
    out: list = []
    x = 0.0
    for node in ctx.nodes:
        item = _levels(node, lambda d: None) if isinstance(node, k.EnergyLevels) else _wave(node, lambda d: None)
        if item is None:
            continue
        item.x0 = x
        x += (7.5 if isinstance(item, Levels) else 9.0) + GAP_CM
        out.append(item)
    return out


def render(ctx: Any, layout: list) -> Any:
    """Primitives of every diagram (see renderers/physics.py)."""
    from scidsl.renderers.physics import render_physics

    return render_physics(layout)


def facts(ctx: Any, layout: list | None) -> list:
    """Level energies, ΔE and wavelength of every transition; nodes, antinodes and λ of every standing wave."""
    from scidsl.pipeline import Fact

    out = []
    for item in layout or []:
        if isinstance(item, Levels):
            for n, e in item.energies.items():
                out.append(Fact("level", (item.node.name, n), round(e, 6), f"level n = {n} has E = {e:.4g} eV"))
            for a, b in item.transitions:
                de = abs(item.energies[a] - item.energies[b])
                lam = HC_EV_NM / de if de > 0 else math.inf
                out.append(Fact("transition", (item.node.name, a, b, item.node.mode), round(de, 6),
                                f"{item.node.mode} n = {a} → {b}: ΔE = {de:.4g} eV, λ = {lam:.4g} nm"))
        else:
            node = item.node
            lam = waves.wavelength_over_length(item.ends, node.harmonic)
            out.append(Fact("standing_wave", (node.name, node.medium, item.ends[0], item.ends[1], node.harmonic),
                            (len(item.nodes), len(item.antinodes)),
                            f"{node.medium} with {item.ends[0]} and {item.ends[1]} ends, harmonic {node.harmonic}: "
                            f"{len(item.nodes)} nodes, {len(item.antinodes)} antinodes, λ = {lam:.4g} L"))
    return out
