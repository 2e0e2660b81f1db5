"""Schematic layout: random series–parallel circuits are drawn faithfully and cleanly."""
from __future__ import annotations

import itertools

import networkx as nx

from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.domains.circuits.facts import circuit_facts
from scidsl.domains.circuits.geometry import EPS
from scidsl.domains.circuits.issues import Issue
from scidsl.domains.circuits.layout import Schematic, layout_circuit
from scidsl.domains.circuits.quantities import quantity
from scidsl.domains.circuits.topology import (CircuitSpec, LoopSpec, Parallel, PartSpec,
                                              Placement, Series, lower)
from scidsl.domains.circuits.verify import (check_crossings, check_overlaps, drawn_graph,
                                            stated_graph, verify_schematic)

KINDS = ["resistor", "capacitor", "lamp", "switch", "inductor", "diode", "ammeter", "cell"]
UNITS = {"resistor": ("resistance", "ohm"), "capacitor": ("capacitance", "uF"),
         "inductor": ("inductance", "mH"), "cell": ("voltage", "V")}


def fake_measure(text: str, size: float) -> tuple[float, float]:
    """Deterministic text size (the layout's guarantees do not depend on real metrics)."""
    return 0.19 * len(text), 0.42


trees = st.recursive(st.sampled_from(KINDS),
                     lambda ch: st.tuples(st.sampled_from("sp"), st.lists(ch, min_size=2,
                                                                          max_size=3)),
                     max_leaves=9)


def build(tree: object) -> tuple[list[PartSpec], object, list[tuple[str, tuple[str, str]]]]:
    """Parts, the nested item and an independent netlist (part, (node, node)) for one tree."""
    counter = itertools.count(1)
    nodes = itertools.count(1)
    parts: list[PartSpec] = []
    netlist: list[tuple[str, tuple[str, str]]] = []

    def walk(t: object, u: str, v: str) -> object:
        if isinstance(t, str):
            name = f"X{next(counter)}"
            key = UNITS.get(t)
            values = {key[0]: quantity(next(counter) % 9 + 1, key[1])} if key else {}
            state = "closed" if t == "switch" and len(parts) % 2 else "open"
            hints = {"current": f"$I_{{{len(parts)}}}$"} if len(parts) % 3 == 1 else {}
            if len(parts) % 4 == 2:  # side hints, some of which would reorder the loop
                hints["side"] = ("bottom", "left", "top", "right")[len(parts) % 7 % 4]
            parts.append(PartSpec(name, t, values, state=state if t == "switch" else None,
                                  hints=hints))
            netlist.append((name, (u, v)))
            return name
        op, children = t  # type: ignore[misc]
        if op == "p":
            return Parallel(tuple(walk(c, u, v) for c in children))
        chain = [u] + [f"n{next(nodes)}" for _ in children[1:]] + [v]
        return Series(tuple(walk(c, chain[i], chain[i + 1]) for i, c in enumerate(children)))

    body = walk(tree, "top", "bottom")
    return parts, body, netlist


def both_forms(tree: object) -> tuple[object, object]:
    parts, body, netlist = build(tree)
    source = PartSpec("E", "battery", {"voltage": quantity(12, "V")})
    nested = lower(CircuitSpec([source] + parts, [], [LoopSpec("c", Series(("E", body)))]))
    places = [Placement("E", ("bottom", "top"))] + [Placement(n, e) for n, e in netlist]
    flat = lower(CircuitSpec([source] + parts, places))
    return nested, flat


def schematic(circuit: object) -> Schematic:
    sch = layout_circuit(circuit, fake_measure, marks=True)  # type: ignore[arg-type]
    assert not isinstance(sch, Issue), sch
    return sch


def wires_are_straight(sch: Schematic) -> bool:
    return all(abs(a[0] - b[0]) < EPS or abs(a[1] - b[1]) < EPS for a, b in sch.wires)


@settings(max_examples=60, deadline=None)
@given(trees)
def test_random_series_parallel_layout_is_faithful_and_clean(tree: object) -> None:
    nested, _ = both_forms(tree)
    sch = schematic(nested)
    assert wires_are_straight(sch)
    assert verify_schematic(nested, sch) == []  # type: ignore[arg-type]
    same_part = lambda a, b: sorted(d["part"] for d in a.values()) == \
        sorted(d["part"] for d in b.values())  # noqa: E731
    assert nx.is_isomorphic(drawn_graph(sch), stated_graph(nested), edge_match=same_part)


@settings(max_examples=40, deadline=None)
@given(trees)
def test_netlist_and_nested_forms_agree(tree: object) -> None:
    nested, flat = both_forms(tree)
    assert nested.partition() == flat.partition()  # type: ignore[attr-defined]
    texts = lambda c: sorted(f["text"] for f in circuit_facts(c))  # noqa: E731
    assert texts(nested) == texts(flat)
    sch = schematic(flat)
    assert verify_schematic(flat, sch) == []  # type: ignore[arg-type]


def test_junction_dots_only_at_real_junctions() -> None:
    nested, _ = both_forms(("s", ["resistor", ("p", ["resistor", "resistor", "lamp"])]))
    sch = schematic(nested)
    # a parallel of three branches has three junctions on each side
    assert len(sch.dots) == 4
    ends = [q for w in sch.wires for q in w] + [q for p in sch.parts for q in p.terminals.values()]
    assert all(ends.count(d) >= 3 for d in sch.dots)


def test_every_part_drawn_once() -> None:
    nested, _ = both_forms(("p", ["resistor", ("s", ["capacitor", "switch"]), "lamp"]))
    sch = schematic(nested)
    names = sorted(p.name for p in sch.parts)
    assert names == sorted(nested.parts)  # type: ignore[attr-defined]


def test_wheatstone_bridge_inside_a_ladder() -> None:
    names = ["E", "R0", "R1", "R2", "R3", "R4", "G", "R9"]
    kinds = {"E": "battery", "G": "galvanometer"}
    ends = [("b", "x"), ("x", "a"), ("a", "c"), ("c", "b"), ("a", "d"), ("d", "b"), ("c", "d"),
            ("a", "b")]
    parts = [PartSpec(n, kinds.get(n, "resistor")) for n in names]
    circuit = lower(CircuitSpec(parts, [Placement(n, e) for n, e in zip(names, ends)]))
    sch = schematic(circuit)
    assert verify_schematic(circuit, sch) == []
    assert len(sch.dots) >= 4


def test_non_planar_network_is_reported() -> None:
    # K5 among the nodes: neither series-parallel nor a bridge
    nodes = "abcde"
    pairs = [(u, v) for i, u in enumerate(nodes) for v in nodes[i + 1:]]
    parts = [PartSpec("E", "battery")] + [PartSpec(f"R{i}", "resistor") for i in range(len(pairs))]
    places = [Placement("E", ("a", "b"))] + [Placement(f"R{i}", p) for i, p in enumerate(pairs)]
    result = layout_circuit(lower(CircuitSpec(parts, places)), fake_measure)
    assert isinstance(result, Issue) and result.code == "E2013"


def test_verification_catches_a_crossing_and_an_overlap() -> None:
    nested, _ = both_forms(("s", ["resistor", "lamp"]))
    sch = schematic(nested)
    (x0, y0), (x1, y1) = sch.wires[0]
    sch.wires.append(((x0 - 1, (y0 + y1) / 2), (x0 + 1, (y0 + y1) / 2)) if x0 == x1 else
                     (((x0 + x1) / 2, y0 - 1), ((x0 + x1) / 2, y0 + 1)))
    assert check_crossings(sch)
    sch.labels.append(sch.labels[0])
    assert check_overlaps(sch)


def test_hints_put_parts_on_the_requested_side() -> None:
    parts = [PartSpec("E", "cell"), PartSpec("r", "resistor", hints={"side": "left"}),
             PartSpec("S", "switch"), PartSpec("C", "capacitor"),
             PartSpec("R", "resistor", hints={"side": "bottom"})]
    c = lower(CircuitSpec(parts, [], [LoopSpec("c", Series(("E", "r", "S", "C", "R")))]))
    sch = schematic(c)
    pos = {p.name: p for p in sch.parts}
    assert pos["r"].start[0] == pos["E"].start[0]  # same vertical wire as the cell
    assert pos["R"].start[1] == min(p.start[1] for p in sch.parts)  # bottom side


def test_cell_polarity_long_plate_toward_plus() -> None:
    from scidsl.domains.circuits.symbols import SLine, draw_part

    shapes = draw_part("cell", (0, 0), (0, 1.5), (-1, 0))
    plates = [s for s in shapes if isinstance(s, SLine) and s.points[0][1] == s.points[1][1]]
    long_plate = max(plates, key=lambda s: abs(s.points[0][0] - s.points[1][0]))
    assert long_plate.points[0][1] > 0.75  # the + terminal is the end at y = 1.5


def _three_terminal(kind: str, tap_to: str) -> object:
    """Battery across the ends of a three-terminal part; a lamp from its tap to one end."""
    tap = "wiper" if kind == "potentiometer" else "common"
    names = {"potentiometer": ("a", "b", "w"), "two_way_switch": ("w", "a", "b")}[kind]
    parts = [PartSpec("E", "battery"), PartSpec("P", kind, state="b" if tap == "common" else None),
             PartSpec("L", "lamp")]
    places = [Placement("E", ("b", "a")), Placement("P", names), Placement("L", ("w", tap_to))]
    return lower(CircuitSpec(parts, places))


def test_three_terminal_parts_are_drawn_once_with_their_tap() -> None:
    for kind in ("potentiometer", "two_way_switch"):
        for end in ("a", "b"):
            circuit = _three_terminal(kind, end)
            sch = schematic(circuit)
            assert verify_schematic(circuit, sch) == [], (kind, end)
            (part,) = [p for p in sch.parts if p.name == "P"]
            assert len(part.terminals) == 3


ANY_KINDS = ["resistor", "capacitor", "lamp", "switch", "battery", "voltmeter", "ammeter", "wire",
             "potentiometer", "two_way_switch", "current_source", "diode"]
netlists = st.lists(st.tuples(st.sampled_from(ANY_KINDS), st.booleans(),
                              st.lists(st.integers(0, 4), min_size=3, max_size=3)),
                    min_size=1, max_size=7)


@settings(max_examples=150, deadline=None)
@given(netlists)
def test_any_checked_netlist_is_drawn_faithfully_or_refused(rows: list) -> None:
    from scidsl.domains.circuits.checks import check_circuit

    parts, places = [], []
    for i, (kind, three, nodes) in enumerate(rows):
        count = 3 if three and kind in ("potentiometer", "two_way_switch") else 2
        state = "closed" if kind == "switch" and three else None
        parts.append(PartSpec(f"X{i}", kind, state=state))
        places.append(Placement(f"X{i}", tuple(f"n{n}" for n in nodes[:count])))
    circuit = lower(CircuitSpec(parts, places))
    if any(i.is_error for i in check_circuit(circuit)):
        return
    sch = layout_circuit(circuit, fake_measure, marks=True)
    if isinstance(sch, Issue):
        assert sch.code == "E2013"
        return
    assert verify_schematic(circuit, sch) == []
    same_part = lambda a, b: sorted(d["part"] for d in a.values()) == \
        sorted(d["part"] for d in b.values())  # noqa: E731
    assert nx.is_isomorphic(drawn_graph(sch), stated_graph(circuit), edge_match=same_part)
    circuit_facts(circuit)
