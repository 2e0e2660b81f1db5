"""Exact equivalent resistance and capacitance between two nodes by nodal analysis (sympy)."""
from __future__ import annotations

from typing import Callable, Literal

import networkx as nx
import sympy

from .checks import is_open, is_short
from .parts import KINDS
from .topology import Circuit

MAX_NUMERIC_NODES = 60
MAX_SYMBOLIC_NODES = 8
MAX_SYMBOLS = 6  # symbolic nodal analysis grows fast; larger unknown networks get no fact
MAX_SYMBOLIC_NODAL = 5  # nodes of a network with unknowns that is not series–parallel

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


def _reduced_network(circuit: Circuit, what: Quantity,
                     port: str | None = None) -> tuple[nx.utils.UnionFind, list]:
    """Merge nodes joined by ideal conductors; list (u, v, admittance) of the real elements.

    The sources other than `port` are zeroed as physics says: a voltage source becomes a short
    (or its internal resistance), a current source an open circuit.
    """
    uf = nx.utils.UnionFind(circuit.graph.nodes)
    elements = []
    key = "resistance" if what == "resistance" else "capacitance"
    for u, v, data in circuit.graph.edges(data=True):
        zeroed = _zeroed_source(circuit, data, port, what)
        if zeroed is not None:
            if zeroed == 0:
                uf.union(u, v)
            else:
                elements.append((u, v, 1 / zeroed))
        elif is_short(circuit, data, ammeters=True) or data["kind"] in _SHORT_FOR[what]:
            uf.union(u, v)
        elif data["kind"] in _ELEMENT_FOR[what] and not is_open(circuit, data):
            value = part_value(circuit, data["part"], key)
            if data.get("half"):  # a potentiometer's wiper sits at the middle
                value = value / 2
            elements.append((u, v, 1 / value if what == "resistance" else value))
    return uf, [(uf[u], uf[v], y) for u, v, y in elements if uf[u] != uf[v]]


def _zeroed_source(circuit: Circuit, data: dict, port: str | None,
                   what: Quantity) -> sympy.Expr | None:
    """A voltage source other than the port as a short (0) or its internal resistance; else None."""
    if data["part"] == port or KINDS[data["kind"]].family != "vsource":
        return None
    inner = circuit.parts[data["part"]].values.get("internal_resistance")
    if inner is None or what != "resistance" or not inner.si:
        return sympy.Integer(0)
    return sympy.Rational(inner.si.numerator, inner.si.denominator)


def equivalent(circuit: Circuit, a: str, b: str, what: Quantity,
               port: str | None = None) -> sympy.Expr | None:
    """Equivalent resistance (Ω) or capacitance (F) between nodes a and b; None if undefined.

    `port` names the source the network is seen from; every other source is zeroed. The result is
    checked against a second, numerical nodal analysis; when the two disagree there is no value.
    """
    if a not in circuit.graph or b not in circuit.graph:
        return None
    uf, elements = _reduced_network(circuit, what, port)
    s, t = uf[a], uf[b]
    if s == t:
        return sympy.Integer(0) if what == "resistance" and port is None else None
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
    sub = g.subgraph(nodes)
    y = _series_parallel([(u, v, y) for u, v, y in sub.edges(data="y")], s, t)
    if y is not None:
        value = sympy.cancel(1 / y) if what == "resistance" else y
    elif symbols and len(nodes) > MAX_SYMBOLIC_NODAL:
        return None  # a symbolic bridge of this size has no readable closed form
    else:
        x = _node_potential(sub, nodes, s, t)
        value = sympy.cancel(x) if what == "resistance" else sympy.cancel(1 / x)
    if not symbols and not _agrees(value, _numeric_potential(sub, nodes, s, t), what):
        return None
    return value


def _agrees(value: sympy.Expr, potential: float | None, what: Quantity) -> bool:
    """True when the exact value matches the numerical nodal analysis to 1e-9 (relative)."""
    if potential is None:
        return False
    other = potential if what == "resistance" else 1 / potential
    exact = float(value)
    return abs(exact - other) <= 1e-9 * max(abs(exact), abs(other), 1e-300)


def _numeric_potential(g: nx.MultiGraph, nodes: list[str], s: str, t: str) -> float | None:
    """Float potential at s for a unit current from s to a grounded t (numpy least squares)."""
    import numpy as np

    index = {n: i for i, n in enumerate(nodes)}
    lap = np.zeros((len(nodes), len(nodes)))
    for u, v, y in g.edges(data="y"):
        i, j, w = index[u], index[v], float(y)
        lap[i, i] += w
        lap[j, j] += w
        lap[i, j] -= w
        lap[j, i] -= w
    keep = [index[n] for n in nodes if n != t]
    rhs = np.zeros(len(keep))
    rhs[keep.index(index[s])] = 1.0
    try:
        sol = np.linalg.solve(lap[np.ix_(keep, keep)], rhs)
    except np.linalg.LinAlgError:
        return None
    value = float(sol[keep.index(index[s])])
    return value if np.isfinite(value) else None


def _series_parallel(elements: list[tuple[str, str, sympy.Expr]], s: str,
                     t: str) -> sympy.Expr | None:
    """Admittance between s and t by series and parallel steps (as textbooks reduce networks).

    Each step simplifies one small rational function, so unknown values stay cheap where nodal
    analysis of the whole network would not; None when a bridge is left.
    """
    value: dict[tuple[str, str], sympy.Expr] = {}

    def put(u: str, v: str, y: sympy.Expr) -> None:
        k = (u, v) if u <= v else (v, u)
        value[k] = sympy.cancel(value[k] + y) if k in value else y  # in parallel: admittances add

    for u, v, y in elements:
        if u != v:
            put(u, v, y)
    while _reduce_once(value, (s, t), put):
        pass
    key = (s, t) if s <= t else (t, s)
    return value[key] if list(value) == [key] else None


def _reduce_once(value: dict, ends: tuple[str, str],
                 put: Callable[[str, str, sympy.Expr], None]) -> bool:
    """Remove one dangling element or join one pair of elements in series; False when none."""
    touching: dict[str, list[tuple[str, str]]] = {}
    for k in value:
        touching.setdefault(k[0], []).append(k)
        touching.setdefault(k[1], []).append(k)
    for node, keys in touching.items():
        if node in ends or len(keys) > 2:
            continue
        ys = [value.pop(k) for k in keys]
        others = [k[1] if k[0] == node else k[0] for k in keys]
        if len(keys) == 2 and others[0] != others[1]:
            put(others[0], others[1], sympy.cancel(ys[0] * ys[1] / (ys[0] + ys[1])))
        return True  # a dangling element, or a loop through one node, carries no current
    return False


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


def part_currents(circuit: Circuit, source: str) -> dict[str, sympy.Expr]:
    """Current (A, exact) through each resistive part when `source` is the only source; {} otherwise."""
    from .parts import KINDS

    sources = [n for n, s in circuit.parts.items() if KINDS[s.kind].family in ("vsource", "isource")]
    if sources != [source] or "voltage" not in circuit.parts[source].values:
        return {}
    uf, named = _named_elements(circuit)
    a, b = (uf[circuit.terminals[(source, t)]] for t in ("a", "b"))
    nodes = sorted({n for _, u, v, _ in named for n in (u, v)} | {a, b})
    if a == b or len(nodes) > MAX_NUMERIC_NODES or any(y.free_symbols for *_, y in named):
        return {}
    volts = part_value(circuit, source, "voltage")
    potential = _potentials(named, nodes, {a: volts, b: sympy.Integer(0)})
    if potential is None:
        return {}
    return {part: sympy.Abs(y * (potential[u] - potential[v])) for part, u, v, y in named if ":" not in part}


def _named_elements(circuit: Circuit) -> tuple[nx.utils.UnionFind, list[tuple[str, str, str, sympy.Expr]]]:
    """Like `_reduced_network` for resistance, keeping each element's part name."""
    uf = nx.utils.UnionFind(circuit.graph.nodes)
    found = []
    for u, v, data in circuit.graph.edges(data=True):
        if is_short(circuit, data, ammeters=True) or data["kind"] in _SHORT_FOR["resistance"]:
            uf.union(u, v)
        elif data["kind"] in _ELEMENT_FOR["resistance"] and not is_open(circuit, data):
            value = part_value(circuit, data["part"], "resistance")
            if data.get("half"):  # each half of a potentiometer carries a current of its own: no one value
                found.append((f"{data['part']}:{data['ends']}", u, v, 2 / value))
                continue
            found.append((data["part"], u, v, 1 / value))
    return uf, [(p, uf[u], uf[v], y) for p, u, v, y in found]


def _potentials(named: list, nodes: list[str], fixed: dict[str, sympy.Expr]) -> dict[str, sympy.Expr] | None:
    """Node potentials from Kirchhoff's current law with the `fixed` nodes held; None if undetermined."""
    free = [n for n in nodes if n not in fixed]
    index = {n: i for i, n in enumerate(free)}
    lap, rhs = sympy.zeros(len(free), len(free)), sympy.zeros(len(free), 1)
    for _, u, v, y in named:
        for p, q in ((u, v), (v, u)):
            if p not in index:
                continue
            lap[index[p], index[p]] += y
            if q in index:
                lap[index[p], index[q]] -= y
            else:
                rhs[index[p], 0] += y * fixed.get(q, 0)
    try:
        sol = lap.LUsolve(rhs) if free else []
    except (ValueError, ZeroDivisionError):
        return None  # a part cut off from the source: no single answer
    return {**fixed, **{n: sol[i, 0] for n, i in index.items()}}
