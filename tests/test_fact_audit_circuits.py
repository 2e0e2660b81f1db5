"""Fact audit of circuits: every equivalent the compiler states is recomputed by modified nodal analysis.

The second method shares nothing with the compiler's: it reads the raw multigraph, treats every ideal
conductor and every zeroed voltage source as a 0 V source (an extra unknown current), drives the
port with a unit current and solves the whole system with numpy.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scidsl
from scidsl.domains.circuits import equivalent as eq
from scidsl.domains.circuits.quantities import quantity
from scidsl.domains.circuits.topology import CircuitSpec, PartSpec, Placement, lower

_CONDUCTORS = {"wire", "inductor", "ammeter"}
_OPEN = {"capacitor", "current_source", "voltmeter"}
_LEAK = 1e-12  # a tiny conductance to ground at every node: a floating node cannot make the system singular


def _mna_resistance(circuit: object, a: str, b: str, port: str, capacitance: bool = False) -> float:
    """Voltage between a and b for a unit current injected at a and taken out at b.

    With `capacitance`, capacitors take the place of conductances (C adds in parallel as G does) and
    every other part but an ideal conductor is open: the voltage is then 1 / C_eq.
    """
    nodes = sorted(circuit.graph.nodes)
    idx = {n: i for i, n in enumerate(nodes)}
    shorts, conductances = [], []
    for u, v, data in circuit.graph.edges(data=True):
        spec = circuit.parts[data["part"]]
        kind = data["kind"]
        if spec.name == port or (kind in _OPEN and not capacitance):
            continue
        if capacitance and kind == "capacitor":
            conductances.append((u, v, float(spec.values["capacitance"].si) * 1e6))
        elif capacitance and kind not in {"wire", "ammeter", "battery", "switch"}:
            continue
        elif kind == "resistor":
            conductances.append((u, v, 1 / float(spec.values["resistance"].si)))
        elif kind == "battery" and "internal_resistance" in spec.values:
            conductances.append((u, v, 1 / float(spec.values["internal_resistance"].si)))
        elif kind in _CONDUCTORS or kind == "battery" or (kind == "switch" and spec.state == "closed"):
            shorts.append((u, v))
    n, m = len(nodes), len(shorts)
    mat = np.zeros((n + m, n + m))
    mat[range(n), range(n)] = _LEAK
    for u, v, g in conductances:
        i, j = idx[u], idx[v]
        mat[i, i] += g
        mat[j, j] += g
        mat[i, j] -= g
        mat[j, i] -= g
    for k, (u, v) in enumerate(shorts):
        mat[idx[u], n + k] += 1
        mat[idx[v], n + k] -= 1
        mat[n + k, idx[u]] += 1
        mat[n + k, idx[v]] -= 1
    rhs = np.zeros(n + m)
    rhs[idx[a]] += 1
    rhs[idx[b]] -= 1
    sol = np.linalg.lstsq(mat, rhs, rcond=None)[0]
    return float(sol[idx[a]] - sol[idx[b]])


_KINDS = ["resistor"] * 6 + ["battery", "battery", "current_source", "switch", "wire", "capacitor",
                             "inductor", "ammeter", "voltmeter"]


def _random_netlist(draw: st.DrawFn, kinds: list[str], values_of: Any, nodes: int = 6, count: int = 8,
                    three_ends: bool = False) -> tuple[list[PartSpec], list[Placement]]:
    """Battery V0 between n0 and n1, then up to `count` parts of the given kinds between random nodes."""
    n_nodes = draw(st.integers(2, nodes))
    parts = [PartSpec("V0", "battery", {"voltage": quantity(12, "V")})]
    places = [Placement("V0", ("n0", "n1"))]
    for i in range(draw(st.integers(1, count))):
        kind = draw(st.sampled_from(kinds))
        values = values_of(draw, kind)
        state = draw(st.sampled_from(["open", "closed"])) if kind == "switch" else None
        width = 3 if three_ends and kind == "potentiometer" and n_nodes > 2 and draw(st.booleans()) else 2
        ends = draw(st.lists(st.integers(0, n_nodes - 1), min_size=width, max_size=width, unique=True))
        parts.append(PartSpec(f"X{i}", kind, values, state=state))
        places.append(Placement(f"X{i}", tuple(f"n{e}" for e in ends)))
    return parts, places


def _part_values(draw: st.DrawFn, kind: str) -> dict:
    values = {}
    if kind == "resistor":
        values["resistance"] = quantity(draw(st.integers(1, 30)), "ohm")
    elif kind == "battery":
        values["voltage"] = quantity(6, "V")
        if draw(st.booleans()):
            values["internal_resistance"] = quantity(draw(st.integers(1, 5)), "ohm")
    elif kind == "current_source":
        values["current"] = quantity(1, "A")
    elif kind == "capacitor":
        values["capacitance"] = quantity(2, "uF")
    return values


@st.composite
def netlists(draw: st.DrawFn) -> tuple[list[PartSpec], list[Placement]]:
    """A random netlist on up to 6 nodes, driven by battery V0 between n0 and n1."""
    return _random_netlist(draw, _KINDS, _part_values)


@settings(max_examples=150, deadline=None)
@given(netlist=netlists())
def test_every_stated_equivalent_resistance_agrees_with_nodal_analysis(netlist: tuple) -> None:
    parts, places = netlist
    circuit = lower(CircuitSpec(parts, places))
    a, b = circuit.terminals[("V0", "a")], circuit.terminals[("V0", "b")]
    value = eq.equivalent(circuit, a, b, "resistance", port="V0")
    measured = _mna_resistance(circuit, a, b, "V0")
    if value is None:
        # not stated: the port is shorted, open, or fed only through floating parts
        assert measured < 1e-9 or measured > 1e6
    else:
        assert float(value) == pytest.approx(measured, rel=1e-6)


_C_KINDS = ["capacitor"] * 5 + ["resistor", "battery", "switch", "wire", "ammeter", "voltmeter", "current_source"]


def _capacitor_part_values(draw: st.DrawFn, kind: str) -> dict:
    return {"capacitance": quantity(draw(st.integers(1, 20)), "uF")} if kind == "capacitor" else \
        {"resistance": quantity(5, "ohm")} if kind == "resistor" else \
        {"voltage": quantity(6, "V")} if kind == "battery" else \
        {"current": quantity(1, "A")} if kind == "current_source" else {}


@st.composite
def capacitor_netlists(draw: st.DrawFn) -> tuple[list[PartSpec], list[Placement]]:
    """A random network of capacitors (and parts that are open or shorts for them) on battery V0."""
    return _random_netlist(draw, _C_KINDS, _capacitor_part_values)


@settings(max_examples=100, deadline=None)
@given(netlist=capacitor_netlists())
def test_every_stated_equivalent_capacitance_agrees_with_nodal_analysis(netlist: tuple) -> None:
    circuit = lower(CircuitSpec(*netlist))
    a, b = circuit.terminals[("V0", "a")], circuit.terminals[("V0", "b")]
    value = eq.equivalent(circuit, a, b, "capacitance", port="V0")
    inverse = _mna_resistance(circuit, a, b, "V0", capacitance=True)  # in 1/µF
    if value is None:
        assert inverse < 1e-9 or inverse > 1e6
    else:
        assert float(value) * 1e6 == pytest.approx(1 / inverse, rel=1e-6)


def test_the_other_source_is_shorted_when_the_equivalent_is_seen_by_the_first() -> None:
    text = """scene "Two sources"
battery V1 between [p, q] { voltage: 24 V }
resistor R1 between [q, t] { resistance: 2 ohm }
resistor R3 between [t, p] { resistance: 12 ohm }
resistor R2 between [u, t] { resistance: 15 ohm }
battery V2 between [p, u] { voltage: 6 V }
"""
    result = scidsl.compile(text, verify=False)
    facts = [f for f in result.facts if f.predicate == "equivalent_resistance"]
    assert [(f.args, f.value, f.text) for f in facts] == [
        (("V1",), "26/3", "equivalent resistance seen by V1: 8.667 Ω")]


def test_an_internal_resistance_stays_when_its_source_is_zeroed() -> None:
    parts = [PartSpec("V1", "battery", {"voltage": quantity(9, "V")}), PartSpec("R1", "resistor",
             {"resistance": quantity(6, "ohm")}),
             PartSpec("V2", "battery", {"voltage": quantity(3, "V"), "internal_resistance": quantity(3, "ohm")})]
    places = [Placement("V1", ("p", "q")), Placement("R1", ("q", "p")), Placement("V2", ("q", "p"))]
    circuit = lower(CircuitSpec(parts, places))
    a, b = circuit.terminals[("V1", "a")], circuit.terminals[("V1", "b")]
    assert eq.equivalent(circuit, a, b, "resistance", port="V1") == 2


def test_a_disagreeing_reduction_states_no_value(monkeypatch: pytest.MonkeyPatch) -> None:
    parts = [PartSpec("R1", "resistor", {"resistance": quantity(4, "ohm")}),
             PartSpec("R2", "resistor", {"resistance": quantity(4, "ohm")})]
    circuit = lower(CircuitSpec(parts, [Placement("R1", ("a", "b")), Placement("R2", ("a", "b"))]))
    assert eq.equivalent(circuit, "a", "b", "resistance") == 2
    real = eq._series_parallel
    monkeypatch.setattr(eq, "_series_parallel", lambda *args: real(*args) * 2)
    assert eq.equivalent(circuit, "a", "b", "resistance") is None


# --- currents: every stated current against a modified nodal analysis with all sources active -----

_VSOURCES = {"battery", "cell", "dc_source"}


def _mna_system(circuit: object) -> tuple[np.ndarray, np.ndarray, dict, dict]:
    """The full MNA system (every source active) and the unknown's row of each node and source.

    Sources: terminal a is − and b is +; a current source drives its current from a to b inside.
    """
    nodes = sorted(circuit.graph.nodes)
    idx = {n: i for i, n in enumerate(nodes)}
    conductances, fixed, injected = [], [], []
    for u, v, key, data in circuit.graph.edges(keys=True, data=True):
        spec, kind = circuit.parts[data["part"]], data["kind"]
        if kind in ("resistor", "lamp", "rheostat", "potentiometer"):
            r = float(spec.values["resistance"].si) / (2 if data["half"] else 1)
            conductances.append((u, v, 1 / r))
        elif kind in _VSOURCES:
            fixed.append((key, u, v, float(spec.values["voltage"].si)))
        elif kind == "current_source":
            injected.append((u, v, float(spec.values["current"].si)))
        elif kind in _CONDUCTORS | {"fuse", "galvanometer"} or (kind == "switch" and spec.state == "closed"):
            fixed.append((key, u, v, 0.0))
    n, m = len(nodes), len(fixed)
    mat, rhs = np.zeros((n + m, n + m)), np.zeros(n + m)
    mat[range(n), range(n)] = _LEAK
    for u, v, g in conductances:
        i, j = idx[u], idx[v]
        mat[[i, j, i, j], [i, j, j, i]] += [g, g, -g, -g]
    for k, (_, u, v, volts) in enumerate(fixed):  # V(b) - V(a) = volts; its current leaves at b
        mat[idx[v], n + k] -= 1
        mat[idx[u], n + k] += 1
        mat[n + k, idx[v]], mat[n + k, idx[u]], rhs[n + k] = 1, -1, volts
    for u, v, amps in injected:
        rhs[idx[v]] += amps
        rhs[idx[u]] -= amps
    return mat, rhs, idx, {key: n + k for k, (key, *_) in enumerate(fixed)}


def _determined(mat: np.ndarray, row: np.ndarray) -> bool:
    """True when the functional `row` of the solution is the same for every solution of the system."""
    _, s, vt = np.linalg.svd(mat)
    null = vt[int((s > 1e-9 * s[0]).sum()):]
    return bool(np.all(np.abs(null @ row) < 1e-6))


def _stated_currents(circuit: object) -> list[tuple[str, str, float]]:
    from scidsl.domains.circuits.facts import circuit_facts

    return [(f["fact"], f["args"][0], float(f["value"])) for f in circuit_facts(circuit)
            if f["fact"] in ("source_current", "current")]


_CURRENT_KINDS = ["resistor"] * 5 + ["lamp", "potentiometer", "battery", "cell", "current_source", "switch",
                                     "wire", "capacitor", "inductor", "ammeter", "voltmeter", "diode", "fuse"]


def _driven_part_values(draw: st.DrawFn, kind: str) -> dict:
    if kind in ("resistor", "lamp", "potentiometer"):
        return {"resistance": quantity(draw(st.integers(1, 30)), "ohm")}
    if kind in ("battery", "cell"):
        return {"voltage": quantity(draw(st.integers(1, 9)), "V")}
    return {"current": quantity(1, "A")} if kind == "current_source" else \
        {"capacitance": quantity(2, "uF")} if kind == "capacitor" else {}


@st.composite
def driven_netlists(draw: st.DrawFn) -> tuple[list[PartSpec], list[Placement]]:
    """A random netlist on up to 5 nodes: battery V0 between n0 and n1, maybe further sources."""
    return _random_netlist(draw, _CURRENT_KINDS, _driven_part_values, nodes=5, count=7, three_ends=True)


@settings(max_examples=150, deadline=None)
@given(netlist=driven_netlists())
def test_every_stated_current_agrees_with_nodal_analysis_of_all_sources(netlist: tuple) -> None:
    circuit = lower(CircuitSpec(*netlist))
    stated = _stated_currents(circuit)
    if not stated:
        return
    mat, rhs, idx, source_row = _mna_system(circuit)
    sol = np.linalg.lstsq(mat, rhs, rcond=None)[0]
    assert np.allclose(mat @ sol, rhs, atol=1e-6), "a stated current in a circuit with no solution"
    assert not any(d["kind"] == "diode" for *_, d in circuit.graph.edges(data=True)), "an ideal diode's state is unknown"
    for fact, part, value in stated:
        row = np.zeros(len(sol))
        if fact == "source_current":
            row[source_row[part]] = 1.0
        else:
            (u, v, data), = [(u, v, d) for u, v, d in circuit.graph.edges(data=True) if d["part"] == part]
            g = 1 / float(circuit.parts[part].values["resistance"].si)
            row[idx[u]], row[idx[v]] = g, -g
        assert _determined(mat, row), f"{fact} of {part} is not determined by the circuit"
        assert abs(value) == pytest.approx(abs(float(row @ sol)), rel=1e-6, abs=1e-9), (fact, part)


@pytest.mark.parametrize("text", [
    # two sources: the current through V1 depends on V2 as well; V1 / R_eq is not it
    "battery V1 between [p, q] { voltage: 24 V }\nresistor R1 between [q, t] { resistance: 2 ohm }\n"
    "resistor R3 between [t, p] { resistance: 12 ohm }\nresistor R2 between [u, t] { resistance: 15 ohm }\n"
    "battery V2 between [p, u] { voltage: 6 V }",
    "battery V1 { voltage: 12 V }\nbattery V2 { voltage: 6 V }\nresistor R1 { resistance: 4 ohm }\n"
    "circuit c { loop: [V1, R1, V2] }",
    # an inductor is no short for an alternating source
    "ac_source V1 { voltage: 12 V, frequency: 50 Hz }\nresistor R1 { resistance: 4 ohm }\n"
    "inductor L1 { inductance: 2 H }\ncircuit c { loop: [V1, R1, L1] }",
])
def test_no_current_is_stated_that_the_source_alone_does_not_set(text: str) -> None:
    result = scidsl.compile(text, verify=False)
    assert result.ok, [d.message for d in result.diagnostics]
    assert [f.text for f in result.facts if f.predicate in ("source_current", "current")] == []
