"""Circuit topology: both ways of stating it (netlist, nested loops) lowered to one multigraph."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

import networkx as nx

from .issues import Issue
from .parts import KINDS, canonical_terminal
from .quantities import Quantity

MAX_PARTS = 2000


@dataclass(frozen=True)
class PartSpec:
    """A declared part: `resistor R1 { resistance: 4 ohm }`."""

    name: str
    kind: str
    values: dict[str, Quantity] = field(default_factory=dict, hash=False)
    label: str | None = None
    state: str | None = None  # switches: open | closed (two-way: a | b)
    hints: dict[str, str] = field(default_factory=dict, hash=False)
    origin: object = None


@dataclass(frozen=True)
class Placement:
    """A netlist statement: the part's terminals, in catalogue order, sit on these nodes."""

    part: str
    nodes: tuple[str, ...]
    origin: object = None


@dataclass(frozen=True)
class NodeMark:
    """`node(a)` inside a series list: names the junction at that place."""

    name: str


@dataclass(frozen=True)
class Series:
    """Parts and sub-networks one after another."""

    items: tuple["Item", ...]


@dataclass(frozen=True)
class Parallel:
    """Branches joined at both ends."""

    branches: tuple["Item", ...]


Item = Union[str, Series, Parallel, NodeMark]


@dataclass(frozen=True)
class LoopSpec:
    """`circuit c { loop: [...] }`: a closed series of items."""

    name: str
    body: Series
    origin: object = None


@dataclass(frozen=True)
class NetworkSpec:
    """`circuit c between [a, b] { network: parallel(...) }`: a two-terminal network."""

    name: str
    ends: tuple[str, str]
    body: Item
    origin: object = None


@dataclass
class CircuitSpec:
    """Everything a scene states about one circuit."""

    parts: list[PartSpec] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    loops: list[LoopSpec] = field(default_factory=list)
    networks: list[NetworkSpec] = field(default_factory=list)


@dataclass
class Circuit:
    """The lowered circuit: parts, terminal → node map and the multigraph of two-terminal edges."""

    parts: dict[str, PartSpec]
    terminals: dict[tuple[str, str], str]
    graph: nx.MultiGraph
    issues: list[Issue]

    def node_of(self, part: str, terminal: str) -> str | None:
        """Node a terminal sits on, None if unconnected."""
        return self.terminals.get((part, terminal))

    def partition(self) -> frozenset[frozenset[str]]:
        """Terminals grouped by node, independent of node names (for comparing two statements)."""
        groups: dict[str, set[str]] = {}
        for (part, term), node in self.terminals.items():
            groups.setdefault(node, set()).add(f"{part}.{term}")
        return frozenset(frozenset(g) for g in groups.values())


class _Nodes:
    """Union-find over node names; auto names start with '~', terminal refs contain '.'."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.count = 0

    def new(self) -> str:
        self.count += 1
        name = f"~{self.count}"
        self.parent[name] = name
        return name

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # keep an author's name as the representative: it appears in messages and facts
            if _rank(rb) < _rank(ra):
                ra, rb = rb, ra
            self.parent[rb] = ra


def _rank(name: str) -> int:
    return 2 if name.startswith("~") else 1 if "." in name else 0


class _Lowering:
    """Collects terminal placements from both forms and reports what cannot be placed."""

    def __init__(self, spec: CircuitSpec) -> None:
        self.parts: dict[str, PartSpec] = {}
        self.issues: list[Issue] = []
        self.nodes = _Nodes()
        self.raw: dict[tuple[str, str], str] = {}
        self.first_origin: dict[str, object] = {}
        for p in spec.parts:
            if p.name in self.parts:
                self.issues.append(Issue("E2001", f"duplicate part name '{p.name}'", p.name,
                                         p.origin, "give each part its own name"))
            else:
                self.parts[p.name] = p

    def place(self, part: str, terminals: tuple[str, ...], nodes: tuple[str, ...],
              origin: object) -> None:
        """Put each terminal of `part` on the matching node."""
        if part in self.first_origin:
            self.issues.append(Issue("E2003", f"part '{part}' is placed twice", part, origin,
                                     "a part appears in one place; declare another part"))
            return
        self.first_origin[part] = origin
        for term, node in zip(terminals, nodes):
            self.raw[(part, term)] = node
            self.nodes.union(node, f"{part}.{term}")

    def known(self, part: str, origin: object) -> PartSpec | None:
        spec = self.parts.get(part)
        if spec is None:
            hint = _did_you_mean(part, list(self.parts))
            self.issues.append(Issue("E2002", f"unknown part '{part}' in circuit", part, origin,
                                     hint))
        return spec


def _did_you_mean(name: str, names: list[str]) -> str | None:
    import difflib

    close = difflib.get_close_matches(name, names, n=1)
    return f"did you mean '{close[0]}'?" if close else None


def two_terminals(kind: str) -> tuple[str, str]:
    """Terminals used when a part stands in a series list or between two nodes."""
    info = KINDS[kind]
    if kind in ("rheostat", "potentiometer"):
        return ("a", "wiper")
    if kind == "two_way_switch":
        return ("common", "a")
    return (info.terminals[0], info.terminals[1])


def _lower_netlist(lw: _Lowering, pl: Placement) -> None:
    spec = lw.known(pl.part, pl.origin)
    if spec is None:
        return
    info = KINDS[spec.kind]
    n = len(pl.nodes)
    if n == len(info.terminals):
        terms = info.terminals
    elif n == 2 and len(info.terminals) == 3:
        terms = two_terminals(spec.kind)
    else:
        want = " or 2" if len(info.terminals) == 3 else ""
        lw.issues.append(Issue("E2004", f"{spec.kind} '{pl.part}' needs {len(info.terminals)}"
                               f"{want} nodes, got {n}", pl.part, pl.origin,
                               f"terminals in order: {', '.join(info.terminals)}"))
        return
    for node in pl.nodes:
        if not _check_node_ref(lw, node, pl.origin):
            return
    lw.place(pl.part, terms, pl.nodes, pl.origin)


def _check_node_ref(lw: _Lowering, node: str, origin: object) -> bool:
    if "." not in node:
        return True
    part, _, term = node.partition(".")
    spec = lw.known(part, origin)
    if spec is None:
        return False
    canon = canonical_terminal(spec.kind, term)
    if canon is None:
        lw.issues.append(Issue("E2005", f"{spec.kind} '{part}' has no terminal '{term}'", part,
                               origin, f"terminals: {', '.join(KINDS[spec.kind].terminals)}"))
        return False
    if canon != term:
        lw.nodes.union(node, f"{part}.{canon}")
    return True


def _lower_item(lw: _Lowering, item: Item, u: str, v: str, origin: object) -> None:
    if isinstance(item, str):
        spec = lw.known(item, origin)
        if spec is not None:
            lw.place(item, two_terminals(spec.kind), (u, v), origin)
    elif isinstance(item, Series):
        _lower_series(lw, item.items, u, v, origin)
    elif isinstance(item, Parallel):
        for branch in item.branches:
            if isinstance(branch, NodeMark):
                lw.issues.append(Issue("E2016", "node() cannot be a parallel branch", None,
                                       origin, "put node() between parts of a series"))
            else:
                _lower_item(lw, branch, u, v, origin)
    else:
        lw.nodes.union(u, item.name)
        lw.nodes.union(v, item.name)


def _lower_series(lw: _Lowering, items: tuple[Item, ...], u: str, v: str,
                  origin: object) -> None:
    elements = [i for i in items if not isinstance(i, NodeMark)]
    if not elements:
        lw.issues.append(Issue("E2016", "empty series: a loop or series() needs parts", None,
                               origin))
        return
    chain = [u] + [lw.nodes.new() for _ in elements[:-1]] + [v]
    k = 0
    for item in items:
        if isinstance(item, NodeMark):
            lw.nodes.union(chain[k], item.name)
            continue
        _lower_item(lw, item, chain[k], chain[k + 1], origin)
        k += 1


def _build_graph(lw: _Lowering) -> tuple[dict[tuple[str, str], str], nx.MultiGraph]:
    terminals = {key: lw.nodes.find(node) for key, node in lw.raw.items()}
    graph = nx.MultiGraph()
    for key in lw.raw:
        graph.add_node(terminals[key])
    for name in lw.first_origin:
        _add_part_edges(graph, name, lw.parts[name].kind, terminals)
    return terminals, graph


def _add_part_edges(graph: nx.MultiGraph, name: str, kind: str,
                    terminals: dict[tuple[str, str], str]) -> None:
    used = [t for t in KINDS[kind].terminals if (name, t) in terminals]
    if len(used) == 1:
        graph.nodes[terminals[(name, used[0])]].setdefault("markers", []).append(name)
        return
    if len(used) == 2:
        pairs = [(used[0], used[1])] if kind not in ("rheostat", "potentiometer") else \
            [tuple(t for t in ("a", "wiper", "b") if t in used)]
    elif kind == "two_way_switch":
        pairs = [("common", "a"), ("common", "b")]
    else:
        pairs = [("a", "wiper"), ("wiper", "b")]
    for ta, tb in pairs:
        key = name if len(pairs) == 1 else f"{name}:{ta}-{tb}"
        graph.add_edge(terminals[(name, ta)], terminals[(name, tb)], key=key, part=name,
                       kind=kind, ends=(ta, tb), half=len(pairs) > 1)


def lower(spec: CircuitSpec) -> Circuit:
    """Lower netlist statements and nested loops to one Circuit (problems go to .issues)."""
    lw = _Lowering(spec)
    if len(lw.parts) > MAX_PARTS:
        issue = Issue("E2012", f"circuit has {len(lw.parts)} parts; the limit is {MAX_PARTS}")
        return Circuit(lw.parts, {}, nx.MultiGraph(), lw.issues + [issue])
    for pl in spec.placements:
        _lower_netlist(lw, pl)
    for loop in spec.loops:
        start = lw.nodes.new()
        _lower_series(lw, loop.body.items, start, start, loop.origin)
    for net in spec.networks:
        _lower_item(lw, net.body, net.ends[0], net.ends[1], net.origin)
    terminals, graph = _build_graph(lw)
    return Circuit(lw.parts, terminals, graph, lw.issues)
