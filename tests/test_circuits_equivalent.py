"""Exact equivalent resistance and capacitance by nodal analysis."""
from __future__ import annotations

import numpy as np
import sympy

from scidsl.domains.circuits.equivalent import equivalent
from scidsl.domains.circuits.quantities import quantity
from scidsl.domains.circuits.topology import (CircuitSpec, NetworkSpec, Parallel, PartSpec,
                                              Placement, Series, lower)


def res(name: str, ohms: object = None) -> PartSpec:
    values = {"resistance": quantity(ohms, "ohm")} if ohms is not None else {}
    return PartSpec(name, "resistor", values)


def network(parts: list[PartSpec], body: object) -> object:
    return lower(CircuitSpec(parts, networks=[NetworkSpec("n", ("a", "b"), body)]))


def test_series_and_parallel() -> None:
    s = network([res("R1", 2), res("R2", 4), res("R3", 6)], Series(("R1", "R2", "R3")))
    p = network([res("R1", 3), res("R2", 6), res("R3", 2)], Parallel(("R1", "R2", "R3")))
    assert equivalent(s, "a", "b", "resistance") == 12
    assert equivalent(p, "a", "b", "resistance") == 1


def test_capacitor_network_is_exact() -> None:
    vals = {"C1": "5", "C2": "3.5", "C3": "8", "C4": "0.75", "C5": "15", "C6": "1.5"}
    parts = [PartSpec(n, "capacitor", {"capacitance": quantity(v, "uF")}) for n, v in vals.items()]
    body = Parallel((Series(("C1", "C2")), "C3", Series((Parallel(("C4", "C5")), "C6"))))
    value = equivalent(network(parts, body), "a", "b", "capacitance")
    assert value == sympy.Rational(8937, 782) / 10**6


def test_symbolic_values_when_none_given() -> None:
    c = network([res("R1"), res("R2"), res("R3")], Series(("R1", Parallel(("R2", "R3")))))
    r1, r2, r3 = (sympy.Symbol(n, positive=True) for n in ("R1", "R2", "R3"))
    assert sympy.simplify(equivalent(c, "a", "b", "resistance") - (r1 + r2 * r3 / (r2 + r3))) == 0


def _bridge(values: list[int]) -> object:
    names = ["R1", "R2", "R3", "R4", "R5"]
    ends = [("a", "c"), ("c", "b"), ("a", "d"), ("d", "b"), ("c", "d")]
    parts = [res(n, v) for n, v in zip(names, values)]
    return lower(CircuitSpec(parts, [Placement(n, e) for n, e in zip(names, ends)]))


def _numeric(values: list[int]) -> float:
    """Independent float check: pseudo-inverse of the Laplacian."""
    idx = {"a": 0, "b": 1, "c": 2, "d": 3}
    lap = np.zeros((4, 4))
    for (u, v), r in zip([("a", "c"), ("c", "b"), ("a", "d"), ("d", "b"), ("c", "d")], values):
        g = 1 / r
        i, j = idx[u], idx[v]
        lap[i, i] += g
        lap[j, j] += g
        lap[i, j] -= g
        lap[j, i] -= g
    pinv = np.linalg.pinv(lap)
    e = np.array([1.0, -1.0, 0, 0])
    return float(e @ pinv @ e)


def test_unbalanced_wheatstone_bridge() -> None:
    values = [1, 2, 3, 4, 5]
    exact = equivalent(_bridge(values), "a", "b", "resistance")
    assert isinstance(exact, sympy.Rational)
    assert abs(float(exact) - _numeric(values)) < 1e-12


def test_switches_open_and_short() -> None:
    parts = [res("R1", 2), res("R2", 2), PartSpec("S", "switch", state="open")]
    body = Parallel(("R1", Series(("R2", "S"))))
    assert equivalent(network(parts, body), "a", "b", "resistance") == 2
    parts[2] = PartSpec("S", "switch", state="closed")
    assert equivalent(network(parts, body), "a", "b", "resistance") == 1


def test_no_path_gives_none() -> None:
    parts = [res("R1", 2), PartSpec("S", "switch", state="open")]
    assert equivalent(network(parts, Series(("R1", "S"))), "a", "b", "resistance") is None


def test_many_unknowns_reduce_step_by_step_and_agree_with_nodal_analysis() -> None:
    from scidsl.domains.circuits.equivalent import _node_potential, _reduced_network
    import networkx as nx

    # five unknown resistances in nested groups: whole-network nodal analysis of this took minutes
    parts = [res(f"R{i}", i) for i in range(1, 9)] + [res(f"X{i}") for i in range(1, 6)]
    body = Series((Parallel((Parallel(("R1", "R2", Series(("R3", "X1")))), "X2")),
                   Parallel((Parallel(("R4", "X3")), Series(("R5", Parallel(("X4", "R6", "R7")))))),
                   Parallel(("R8", "X5"))))
    c = network(parts, body)
    value = equivalent(c, "a", "b", "resistance")
    assert value is not None and len(value.free_symbols) == 5
    numbers = {sympy.Symbol(f"X{i}", positive=True): sympy.Integer(i + 10) for i in range(1, 6)}
    uf, elements = _reduced_network(c, "resistance")
    g = nx.MultiGraph()
    for u, v, y in elements:
        g.add_edge(u, v, y=y.subs(numbers))
    nodes = sorted(g.nodes)
    assert value.subs(numbers) == sympy.cancel(_node_potential(g, nodes, uf["a"], uf["b"]))
