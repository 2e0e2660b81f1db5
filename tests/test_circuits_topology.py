"""Lowering of both topology forms and the circuit checks, exercised directly."""
from __future__ import annotations

import pytest

from scidsl.domains.circuits.checks import check_circuit
from scidsl.domains.circuits.quantities import format_quantity, quantity, subscript_name
from scidsl.domains.circuits.topology import (CircuitSpec, LoopSpec, NetworkSpec, NodeMark,
                                              Parallel, PartSpec, Placement, Series, lower)

CODES_TESTED_HERE = ("E2001", "E2005", "E2012")  # cannot be written as a compilable scene

R = lambda n, v=1: PartSpec(n, "resistor", {"resistance": quantity(v, "ohm")})  # noqa: E731
V = lambda n, v=6: PartSpec(n, "battery", {"voltage": quantity(v, "V")})  # noqa: E731


def loop(parts: list[PartSpec], *items: object, placements: tuple = ()) -> object:
    """Lower one loop plus optional netlist placements."""
    return lower(CircuitSpec(parts, list(placements), [LoopSpec("c", Series(tuple(items)))]))


def codes(circuit: object) -> list[str]:
    return [i.code for i in check_circuit(circuit)]  # type: ignore[arg-type]


def test_nested_and_netlist_forms_give_the_same_partition() -> None:
    parts = [V("V1"), R("R1"), R("R2"), R("R3")]
    nested = loop(parts, "V1", "R1", Parallel(("R2", "R3")))
    netlist = lower(CircuitSpec(parts, [Placement("V1", ("n", "p")), Placement("R1", ("p", "m")),
                                        Placement("R2", ("m", "n")), Placement("R3", ("m", "n"))]))
    assert nested.partition() == netlist.partition()
    assert nested.graph.number_of_edges() == netlist.graph.number_of_edges() == 4


def test_node_marks_name_junctions_and_terminal_refs_join_them() -> None:
    parts = [V("V1"), R("R1"), R("R2"), PartSpec("M", "voltmeter")]
    c = loop(parts, "V1", NodeMark("top"), "R1", "R2",
             placements=(Placement("M", ("R1.left", "R2.b")),))
    assert c.node_of("R1", "a") == "top"
    assert c.node_of("M", "a") == "top"
    assert c.node_of("M", "b") == c.node_of("V1", "a")
    assert codes(c) == []


def test_rheostat_in_a_series_uses_end_and_wiper() -> None:
    c = loop([V("V1"), PartSpec("P", "rheostat")], "V1", "P")
    assert c.node_of("P", "b") is None and c.node_of("P", "wiper") is not None
    assert codes(c) == []


def test_network_between_two_nodes() -> None:
    parts = [PartSpec(n, "capacitor") for n in ("C1", "C2")]
    c = lower(CircuitSpec(parts, networks=[NetworkSpec("n", ("a", "b"), Series(("C1", "C2")))]))
    assert c.node_of("C1", "a") == "a" and c.node_of("C2", "b") == "b"


@pytest.mark.parametrize("name, label", [("R1", "$R_{1}$"), ("Vbat", "$V_{bat}$"), ("S", "$S$")])
def test_label_symbols(name: str, label: str) -> None:
    assert subscript_name(name) == label


@pytest.mark.parametrize("number, unit, text", [(4, "ohm", "4 Ω"), (3, "uF", "3 μF"),
                                                ("5.0", "H", "5.0 H"), (2.2, "kohm", "2.2 kΩ")])
def test_value_labels(number: object, unit: str, text: str) -> None:
    assert format_quantity(quantity(number, unit)) == text  # type: ignore[arg-type]


# ---- one test per diagnostic -------------------------------------------------------------

def test_e2001_duplicate_name() -> None:
    c = loop([R("R1"), R("R1"), V("V1")], "V1", "R1")
    assert "E2001" in [i.code for i in c.issues]


def test_e2002_unknown_part() -> None:
    c = loop([V("V1")], "V1", "R7")
    (issue,) = c.issues
    assert (issue.code, issue.part) == ("E2002", "R7")


def test_e2003_placed_twice() -> None:
    c = loop([V("V1"), R("R1")], "V1", "R1", "R1")
    assert [i.code for i in c.issues] == ["E2003"]


def test_e2004_wrong_node_count() -> None:
    c = lower(CircuitSpec([R("R1")], [Placement("R1", ("a",))]))
    assert [i.code for i in c.issues] == ["E2004"]


def test_e2005_no_such_terminal() -> None:
    c = lower(CircuitSpec([R("R1"), R("R2")], [Placement("R1", ("a", "b")),
                                               Placement("R2", ("R1.wiper", "b"))]))
    assert [i.code for i in c.issues] == ["E2005"]


def test_e2006_farads_on_a_resistor() -> None:
    bad = PartSpec("R1", "resistor", {"resistance": quantity(3, "uF")})
    issues = check_circuit(loop([V("V1"), bad], "V1", "R1"))
    assert [(i.code, i.part) for i in issues] == [("E2006", "R1")]
    assert "farads" in issues[0].message


def test_e2007_unconnected() -> None:
    c = loop([V("V1"), R("R1"), R("R2")], "V1", "R1")
    assert [(i.code, i.part) for i in check_circuit(c)] == [("E2007", "R2")]


def test_e2008_dangling_wire() -> None:
    c = loop([V("V1"), R("R1"), PartSpec("w", "wire")], "V1", NodeMark("a"), "R1",
             placements=(Placement("w", ("a", "z")),))
    assert codes(c) == ["E2008"]


def test_e2009_source_shorted_by_closed_switch() -> None:
    s = PartSpec("S", "switch", state="closed")
    c = loop([V("V1"), R("R1"), s], "V1", "R1", placements=(Placement("S", ("V1.a", "V1.b")),))
    assert codes(c) == ["E2009"]
    opened = loop([V("V1"), R("R1"), PartSpec("S", "switch", state="open")], "V1", "R1",
                  placements=(Placement("S", ("V1.a", "V1.b")),))
    assert codes(opened) == []


def test_e2010_current_source_open() -> None:
    i = PartSpec("I", "current_source")
    c = loop([i, PartSpec("S", "switch", state="open"), R("R")], "I", "S", "R")
    assert codes(c) == ["E2010"]
    closed = loop([i, PartSpec("S", "switch", state="closed"), R("R")], "I", "S", "R")
    assert codes(closed) == []


def test_e2011_isolated_subcircuit() -> None:
    spec = CircuitSpec([V("V1"), R("R1"), R("R3"), R("R4")], [],
                       [LoopSpec("a", Series(("V1", "R1"))), LoopSpec("b", Series(("R3", "R4")))])
    issues = check_circuit(lower(spec))
    assert [(i.code, i.part) for i in issues] == [("E2011", "R3")]


def test_e2012_too_many_parts() -> None:
    parts = [R(f"R{i}") for i in range(2001)]
    c = lower(CircuitSpec(parts, [], [LoopSpec("c", Series(tuple(p.name for p in parts)))]))
    assert [i.code for i in c.issues] == ["E2012"]


def test_e2016_node_as_parallel_branch() -> None:
    c = loop([V("V1"), R("R1")], "V1", Parallel(("R1", NodeMark("x"))))
    assert [i.code for i in c.issues] == ["E2016"]


def test_w2001_ammeter_in_parallel() -> None:
    c = loop([V("V1"), R("R1"), R("R2"), PartSpec("A", "ammeter")], "V1", "R1", "R2",
             placements=(Placement("A", ("R1.a", "R1.b")),))
    issues = check_circuit(c)
    assert [(i.code, i.severity) for i in issues] == [("W2001", "warning")]
    assert "R1" in issues[0].message


def test_w2002_voltmeter_in_series() -> None:
    c = loop([V("V1"), PartSpec("M", "voltmeter"), R("R1")], "V1", "M", "R1")
    assert codes(c) == ["W2002"]


def test_voltmeter_across_a_part_is_fine() -> None:
    c = loop([V("V1"), R("R1"), PartSpec("M", "voltmeter")], "V1", Parallel(("R1", "M")))
    assert codes(c) == []


def test_w2003_part_shorted_by_wire() -> None:
    c = loop([V("V1"), R("R1"), R("R2"), PartSpec("w", "wire")], "V1", "R1", "R2",
             placements=(Placement("w", ("R2.a", "R2.b")),))
    assert codes(c) == ["W2003"]


def test_e2015_negative_resistance() -> None:
    bad = PartSpec("R1", "resistor", {"resistance": quantity(-4, "ohm")})
    assert codes(loop([V("V1"), bad], "V1", "R1")) == ["E2015"]
