"""Atomic facts about a circuit: counts, values, series/parallel groups, equivalents, meters."""
from __future__ import annotations

from collections import Counter

import networkx as nx
import sympy

from . import decompose as dc
from .checks import family
from .equivalent import equivalent
from .parts import KINDS
from .quantities import format_quantity
from .topology import Circuit

Fact = dict[str, object]


def _wire_groups(circuit: Circuit) -> nx.utils.UnionFind:
    uf = nx.utils.UnionFind(circuit.graph.nodes)
    for u, v, data in circuit.graph.edges(data=True):
        if data["kind"] == "wire":
            uf.union(u, v)
    return uf


def _two_terminal(circuit: Circuit, uf: nx.utils.UnionFind) -> dict[str, tuple[str, str]]:
    """Each drawn two-terminal part (not wire) with its pair of wire-merged nodes."""
    out = {}
    for u, v, key, data in circuit.graph.edges(keys=True, data=True):
        if data["kind"] != "wire" and key == data["part"]:
            out[key] = (uf[u], uf[v])
    return out


def parallel_groups(circuit: Circuit) -> list[list[str]]:
    """Sets of two or more parts joined between the same two nodes."""
    uf = _wire_groups(circuit)
    by_pair: dict[frozenset[str], list[str]] = {}
    for part, (a, b) in _two_terminal(circuit, uf).items():
        if a != b:
            by_pair.setdefault(frozenset((a, b)), []).append(part)
    return [sorted(g) for g in by_pair.values() if len(g) > 1]


def series_groups(circuit: Circuit) -> list[list[str]]:
    """Chains of parts that carry the same current (joined at nodes with nothing else)."""
    uf = _wire_groups(circuit)
    ends = _two_terminal(circuit, uf)
    at_node: dict[str, list[str]] = {}
    for (part, _), node in circuit.terminals.items():
        if circuit.parts[part].kind not in ("wire", "ground", "terminal", "junction"):
            at_node.setdefault(uf[node], []).append(part)
    chains = nx.utils.UnionFind(ends)
    for parts in at_node.values():
        if len(parts) == 2 and parts[0] != parts[1] and all(p in ends for p in parts):
            chains.union(*parts)
    return [sorted(g) for g in chains.to_sets() if len(g) > 1]


def _ends(circuit: Circuit) -> tuple[str, str, str] | None:
    """Nodes to measure equivalents between: the first source's terminals, else two terminals."""
    for name, spec in circuit.parts.items():
        if KINDS[spec.kind].family in ("vsource", "isource") and (name, "a") in circuit.terminals:
            return circuit.terminals[(name, "a")], circuit.terminals[(name, "b")], name
    ports = [circuit.terminals[(n, "a")] for n, s in circuit.parts.items()
             if s.kind == "terminal" and (n, "a") in circuit.terminals]
    if len(set(ports)) >= 2:
        return ports[0], next(p for p in ports if p != ports[0]), ""
    return None


def _equivalent_facts(circuit: Circuit) -> list[Fact]:
    ends = _ends(circuit)
    if ends is None:
        return []
    a, b, source = ends
    out = []
    for what, unit in (("resistance", "ohm"), ("capacitance", "F")):
        if not any(KINDS[s.kind].value_key == what and s.kind != "lamp"
                   for s in circuit.parts.values()):
            continue
        value = equivalent(circuit, a, b, what, port=source or None)
        if value is not None:
            seen = f" seen by {source}" if source else ""
            out.append({"fact": f"equivalent_{what}", "args": (source,) if source else (a, b),
                        "value": value, "shown": _show(value, unit),
                        "unit": unit, "text": f"equivalent {what}{seen}: {_show(value, unit)}"})
            if what == "resistance" and source:
                out += _source_current(circuit, source, value)
    return out


def _source_current(circuit: Circuit, source: str, r_eq: sympy.Expr) -> list[Fact]:
    """The current a voltage source drives through the equivalent resistance, I = V / R."""
    spec = circuit.parts[source]
    volts = spec.values.get("voltage")
    if KINDS[spec.kind].family != "vsource" or volts is None or r_eq.free_symbols or r_eq == 0 \
            or not _set_by_source_alone(circuit, source):
        return []
    from .equivalent import part_value

    current = part_value(circuit, source, "voltage") / r_eq
    if current.free_symbols:
        return []
    shown = format_quantity(_current_quantity(current))
    out: list[Fact] = [{"fact": "source_current", "args": (source,), "value": float(current), "shown": shown,
                        "text": f"current through {source}: {shown}"}]
    from .equivalent import part_currents

    for part, amps in sorted(part_currents(circuit, source).items()):
        text = format_quantity(_current_quantity(amps))
        out.append({"fact": "current", "args": (part,), "value": float(amps), "shown": text,
                    "text": f"current through {part}: {text}"})
    return out


def _set_by_source_alone(circuit: Circuit, source: str) -> bool:
    """True when V / R_eq is the source's current: it is the only source, no diode's state is open
    to question, and it is steady (no inductor or capacitor under an alternating source)."""
    kinds = {s.kind for s in circuit.parts.values()}
    others = [n for n, s in circuit.parts.items() if KINDS[s.kind].family in ("vsource", "isource") and n != source]
    reactive = circuit.parts[source].kind == "ac_source" and kinds & {"inductor", "capacitor"}
    return not others and not kinds & {"diode", "led"} and not reactive


def _current_quantity(current: sympy.Expr) -> object:
    from fractions import Fraction

    from .quantities import Quantity

    amps = Fraction(str(float(current))).limit_denominator(10 ** 6)
    if abs(amps) < Fraction(1, 10):
        return Quantity(amps * 1000, "mA", f"{float(amps * 1000):.4g}")
    return Quantity(amps, "A", f"{float(amps):.4g}")


_PREFIX_STEPS = {"ohm": [(6, "M"), (3, "k"), (0, "")],
                 "F": [(0, ""), (-3, "m"), (-6, "u"), (-9, "n"), (-12, "p")]}


def _show(value: sympy.Expr, unit: str) -> str:
    """Readable form of an exact equivalent: engineering prefix, 4 significant digits."""
    if value.free_symbols:
        return f"{value} {'Ω' if unit == 'ohm' else unit}"
    from fractions import Fraction

    from .quantities import Quantity

    exact = Fraction(int(value.p), int(value.q)) if isinstance(value, sympy.Rational) else \
        Fraction(str(float(value)))
    for exp, prefix in _PREFIX_STEPS[unit]:
        if exact >= Fraction(10) ** exp or exp == _PREFIX_STEPS[unit][-1][0]:
            scaled = exact / Fraction(10) ** exp
            text = str(scaled.numerator) if scaled.denominator == 1 else f"{float(scaled):.4g}"
            return format_quantity(Quantity(scaled, prefix + unit, text))
    return str(value)


def _meter_facts(circuit: Circuit) -> list[Fact]:
    out = []
    par = parallel_groups(circuit)
    ser = series_groups(circuit)
    for name, spec in circuit.parts.items():
        if spec.kind == "voltmeter":
            across = [p for g in par if name in g for p in g if p != name]
            out.append({"fact": "meter", "args": (name, tuple(across)), "value": "voltmeter",
                        "text": f"voltmeter {name} measures the voltage across "
                                f"{', '.join(across) or 'nothing'}"})
        elif spec.kind in ("ammeter", "galvanometer"):
            with_ = [p for g in ser if name in g for p in g if p != name]
            out.append({"fact": "meter", "args": (name, tuple(with_)), "value": spec.kind,
                        "text": f"{spec.kind} {name} is in series with "
                                f"{', '.join(with_) or 'no single part'}"})
    return out


def main_branches(circuit: Circuit) -> list[list[str]] | None:
    """Parts of each parallel branch of the network driven by the source (or between terminals)."""
    ends = _ends(circuit)
    if ends is None:
        return None
    a, b, source = ends
    from .layout import _edges_for

    skip = next((k for _, _, k, d in circuit.graph.edges(keys=True, data=True)
                 if d["part"] == source), None)
    block = dc.decompose(_edges_for(circuit, skip), b if source else a, a if source else b)
    if isinstance(block, dc.SeriesBlock):
        block = next((i for i in block.items if isinstance(i, dc.ParallelBlock)), block)
    if not isinstance(block, dc.ParallelBlock):
        return None
    return [sorted({leaf.part for leaf in dc.leaves(b)}) for b in block.branches]


def circuit_facts(circuit: Circuit) -> list[Fact]:
    """All facts, each with a short English sentence under "text"."""
    counts = Counter(spec.kind for spec in circuit.parts.values()
                     if spec.kind not in ("wire", "junction"))
    out: list[Fact] = [{"fact": "count", "args": (k,), "value": n, "text": f"{n} × {k}"}
                       for k, n in sorted(counts.items())]
    for name, spec in circuit.parts.items():
        key = KINDS[spec.kind].value_key
        if key and key in spec.values:
            value = format_quantity(spec.values[key])
            out.append({"fact": "value", "args": (name, key), "value": value,
                        "text": f"{spec.kind} {name}: {key} = {value}"})
        if spec.state and family(circuit, name) == "switch":
            state = spec.state if spec.kind == "switch" else f"thrown to {spec.state}"
            out.append({"fact": "state", "args": (name,), "value": spec.state,
                        "text": f"{spec.kind.replace('_', ' ').replace('two way', 'two-way')} "
                                f"{name} is {state}"})
    out += [{"fact": "parallel", "args": (tuple(g),), "text": f"{' and '.join(g)} are in parallel"}
            for g in parallel_groups(circuit)]
    out += [{"fact": "series", "args": (tuple(g),), "text": f"{' and '.join(g)} are in series"}
            for g in series_groups(circuit)]
    for name, spec in circuit.parts.items():
        label = spec.hints.get("current")
        if label:
            a, b = KINDS[spec.kind].terminals[:2]
            out.append({"fact": "current_arrow", "args": (name, str(label)), "value": f"{a}->{b}",
                        "text": f"current {label} flows through {name} from {name}.{a} to "
                                f"{name}.{b}"})
    branches = main_branches(circuit)
    if branches:
        out.append({"fact": "branches", "args": (), "value": len(branches),
                    "text": f"{len(branches)} branches in parallel"})
        out += [{"fact": "branch", "args": (i + 1, tuple(parts)), "value": len(parts),
                 "text": f"branch {i + 1} holds {' and '.join(parts)}"
                         + (" alone" if len(parts) == 1 else "")}
                for i, parts in enumerate(branches)]
    return out + _equivalent_facts(circuit) + _meter_facts(circuit)
