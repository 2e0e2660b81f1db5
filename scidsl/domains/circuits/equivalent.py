"""Exact equivalent resistance and capacitance between two nodes by nodal analysis (sympy)."""
from __future__ import annotations

from typing import Literal

import networkx as nx
import sympy

from .checks import is_open, is_short
from .topology import Circuit

MAX_NUMERIC_NODES = 60
MAX_SYMBOLIC_NODES = 8
MAX_SYMBOLS = 6  # symbolic nodal analysis grows fast; larger unknown networks get no fact

Quantity = Literal["resistance", "capacitance"]
# parts that act as a plain conductor for each kind of equivalent
_SHORT_FOR = {"resistance": {"inductor", "fuse", "ammeter", "galvanometer"},
              "capacitance": {"fuse", "ammeter"}}
_ELEMENT_FOR = {"resistance": {"resistor", "lamp", "rheostat", "potentiometer"},
                "capacitance": {"capacitor"}}


def part_value(circuit: Circuit, part: str, key: str) -> sympy.Expr:
    """The part's value in SI units as an exact sympy number, or a positive symbol if unstated."""
    q = circuit.parts[part].values.get(key)
    if q is None:
        return sympy.Symbol(part, positive=True)
    si = q.si
    return sympy.Rational(si.numerator, si.denominator)


def _reduced_network(circuit: Circuit, what: Quantity) -> tuple[nx.utils.UnionFind, list]:
    """Merge nodes joined by ideal conductors; list (u, v, admittance) of the real elements."""
    uf = nx.utils.UnionFind(circuit.graph.nodes)
    elements = []
    key = "resistance" if what == "resistance" else "capacitance"
    for u, v, data in circuit.graph.edges(data=True):
        if is_short(circuit, data, ammeters=True) or data["kind"] in _SHORT_FOR[what]:
            uf.union(u, v)
        elif data["kind"] in _ELEMENT_FOR[what] and not is_open(circuit, data):
            value = part_value(circuit, data["part"], key)
            if data.get("half"):  # a potentiometer's wiper sits at the middle
                value = value / 2
            elements.append((u, v, 1 / value if what == "resistance" else value))
    return uf, [(uf[u], uf[v], y) for u, v, y in elements if uf[u] != uf[v]]


def equivalent(circuit: Circuit, a: str, b: str, what: Quantity) -> sympy.Expr | None:
    """Equivalent resistance (Ω) or capacitance (F) between nodes a and b; None if undefined."""
    if a not in circuit.graph or b not in circuit.graph:
        return None
    uf, elements = _reduced_network(circuit, what)
    s, t = uf[a], uf[b]
    if s == t:
        return sympy.Integer(0) if what == "resistance" else None
    g = nx.MultiGraph()
    g.add_nodes_from((s, t))
    for u, v, y in elements:
        g.add_edge(u, v, y=y)
    if not nx.has_path(g, s, t):
        return None
    nodes = sorted(nx.node_connected_component(g, s))
    symbols = set().union(*(y.free_symbols for *_, y in g.edges(data="y")))
    if len(symbols) > MAX_SYMBOLS or len(nodes) > (MAX_SYMBOLIC_NODES if symbols
                                                   else MAX_NUMERIC_NODES):
        return None
    x = _node_potential(g.subgraph(nodes), nodes, s, t)
    return sympy.cancel(x) if what == "resistance" else sympy.cancel(1 / x)


def _node_potential(g: nx.MultiGraph, nodes: list[str], s: str, t: str) -> sympy.Expr:
    """Potential at s with t grounded and a unit current injected at s."""
    free = [n for n in nodes if n != t]
    index = {n: i for i, n in enumerate(free)}
    lap = sympy.zeros(len(free), len(free))
    for u, v, y in g.edges(data="y"):
        for p, q in ((u, v), (v, u)):
            if p in index:
                lap[index[p], index[p]] += y
                if q in index:
                    lap[index[p], index[q]] -= y
    rhs = sympy.zeros(len(free), 1)
    rhs[index[s], 0] = 1
    sol = lap.LUsolve(rhs)
    return sol[index[s], 0]
