"""Fact audit of circuits: every equivalent the compiler states is recomputed by modified nodal analysis.

The second method shares nothing with the compiler's: it reads the raw multigraph, treats every ideal
conductor and every zeroed voltage source as a 0 V source (an extra unknown current), drives the
port with a unit current and solves the whole system with numpy.
"""
from __future__ import annotations

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


def _mna_resistance(circuit: object, a: str, b: str, port: str) -> float:
    """Voltage between a and b for a unit current injected at a and taken out at b."""
    nodes = sorted(circuit.graph.nodes)
    idx = {n: i for i, n in enumerate(nodes)}
    shorts, conductances = [], []
    for u, v, data in circuit.graph.edges(data=True):
        spec = circuit.parts[data["part"]]
        kind = data["kind"]
        if spec.name == port or kind in _OPEN:
            continue
        if kind == "resistor":
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


@st.composite
def netlists(draw: st.DrawFn) -> tuple[list[PartSpec], list[Placement]]:
    """A random netlist on up to 6 nodes, driven by battery V0 between n0 and n1."""
    n_nodes = draw(st.integers(2, 6))
    parts = [PartSpec("V0", "battery", {"voltage": quantity(12, "V")})]
    places = [Placement("V0", ("n0", "n1"))]
    for i in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(_KINDS))
        name = f"X{i}"
        values, state = {}, None
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
        elif kind == "switch":
            state = draw(st.sampled_from(["open", "closed"]))
        u, v = draw(st.lists(st.integers(0, n_nodes - 1), min_size=2, max_size=2, unique=True))
        parts.append(PartSpec(name, kind, values, state=state))
        places.append(Placement(name, (f"n{u}", f"n{v}")))
    return parts, places


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
