"""Checks of a finished schematic: drawn topology equals the circuit, no crossings, no overlaps."""
from __future__ import annotations

from itertools import combinations

import networkx as nx

from .geometry import Box, Point, segments_cross
from .layout import Schematic
from .geometry import box_around
from .markers import label_box, part_box
from .topology import Circuit


def _classes(sch: Schematic) -> nx.utils.UnionFind:
    uf = nx.utils.UnionFind()
    for a, b in sch.wires:
        uf.union(a, b)
    for p in sch.parts:
        for q in p.terminals.values():
            uf[q]
    for m in sch.markers:
        uf[m.attach]
    return uf


def drawn_partition(sch: Schematic) -> frozenset[frozenset[str]]:
    """Part terminals grouped by the wires that join them in the drawing."""
    uf = _classes(sch)
    groups: dict[Point, set[str]] = {}
    for p in sch.parts:
        for term, q in p.terminals.items():
            groups.setdefault(uf[q], set()).add(f"{p.name}.{term}")
    return frozenset(frozenset(g) for g in groups.values())


def drawn_graph(sch: Schematic) -> nx.MultiGraph:
    """The topology recovered from the drawing: wire-joined point classes and the parts between."""
    uf = _classes(sch)
    g = nx.MultiGraph()
    for p in sch.parts:
        ends = [uf[p.terminals[t]] for t in sorted(p.terminals)]
        for a, b in combinations(ends, 2):
            g.add_edge(a, b, part=p.name)
    return g


def stated_graph(circuit: Circuit) -> nx.MultiGraph:
    """The circuit's multigraph with wire parts contracted (as a drawing shows them)."""
    uf = nx.utils.UnionFind(circuit.graph.nodes)
    for u, v, data in circuit.graph.edges(data=True):
        if data["kind"] == "wire":
            uf.union(u, v)
    g = nx.MultiGraph()
    ends: dict[str, dict[str, str]] = {}
    for (part, term), node in circuit.terminals.items():
        ends.setdefault(part, {})[term] = uf[node]
    for name, terms in ends.items():
        if circuit.parts[name].kind not in ("wire", "ground", "terminal", "junction"):
            for a, b in combinations([terms[t] for t in sorted(terms)], 2):
                g.add_edge(a, b, part=name)
    return g


def stated_partition(circuit: Circuit) -> frozenset[frozenset[str]]:
    """Terminals grouped by node, with explicit wire parts merged into their nodes."""
    uf = nx.utils.UnionFind(circuit.graph.nodes)
    for u, v, data in circuit.graph.edges(data=True):
        if data["kind"] == "wire":
            uf.union(u, v)
    groups: dict[str, set[str]] = {}
    for (part, term), node in circuit.terminals.items():
        if circuit.parts[part].kind not in ("wire", "ground", "terminal", "junction"):
            groups.setdefault(uf[node], set()).add(f"{part}.{term}")
    return frozenset(frozenset(g) for g in groups.values())


def check_topology(circuit: Circuit, sch: Schematic) -> list[str]:
    """Problems where the drawing's connections differ from the stated circuit."""
    out = []
    if drawn_partition(sch) != stated_partition(circuit):
        out.append("drawn connections differ from the stated circuit")
    names = [p.name for p in sch.parts]
    for name in {n for n in names if names.count(n) > 1}:
        out.append(f"part {name} drawn more than once")
    drawn = set(names) | {m.name for m in sch.markers}
    for name, spec in circuit.parts.items():
        if spec.kind != "wire" and name not in drawn:
            out.append(f"part {name} not drawn")
    return out + _check_markers(circuit, sch)


def _check_markers(circuit: Circuit, sch: Schematic) -> list[str]:
    uf = _classes(sch)
    where: dict[str, Point] = {}
    for p in sch.parts:
        for term, q in p.terminals.items():
            where[circuit.terminals[(p.name, term)]] = uf[q]
    wires = nx.utils.UnionFind(circuit.graph.nodes)
    for u, v, data in circuit.graph.edges(data=True):
        if data["kind"] == "wire":
            wires.union(u, v)
    out = []
    for m in sch.markers:
        node = circuit.terminals[(m.name, "a")]
        ok = any(wires[n] == wires[node] and cls == uf[m.attach] for n, cls in where.items())
        if not ok:
            out.append(f"marker {m.name} drawn on the wrong node")
    return out


def _cells(box: Box, size: float = 1.0) -> list[tuple[int, int]]:
    """Grid cells a box touches (for finding nearby pairs without comparing all pairs)."""
    import math

    xs = range(math.floor(box.x0 / size), math.floor(box.x1 / size) + 1)
    ys = range(math.floor(box.y0 / size), math.floor(box.y1 / size) + 1)
    return [(x, y) for x in xs for y in ys]


def _near_pairs(boxes: list[Box]) -> set[tuple[int, int]]:
    """Index pairs (i < j) of boxes that share a grid cell."""
    grid: dict[tuple[int, int], list[int]] = {}
    for i, b in enumerate(boxes):
        for cell in _cells(b):
            grid.setdefault(cell, []).append(i)
    pairs = set()
    for members in grid.values():
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                pairs.add((members[a], members[b]))
    return pairs


def _seg_box(seg: tuple[Point, Point]) -> Box:
    (x0, y0), (x1, y1) = seg
    return Box(min(x0, x1) - 0.01, min(y0, y1) - 0.01, max(x0, x1) + 0.01, max(y0, y1) + 0.01)


def check_crossings(sch: Schematic) -> list[str]:
    """Wires that cross or overlap each other, or run through a part."""
    out = []
    wires = sch.wires
    parts = [part_box(p) for p in sch.parts]
    boxes = [_seg_box(w) for w in wires] + parts
    for i, j in sorted(_near_pairs(boxes)):
        if j < len(wires):
            if segments_cross(wires[i], wires[j]):
                out.append(f"wires {wires[i]} and {wires[j]} cross")
        elif i < len(wires) and boxes[j].hits_segment(wires[i]):
            out.append(f"wire {wires[i]} runs through {sch.parts[j - len(wires)].name}")
    return out


def check_overlaps(sch: Schematic) -> list[str]:
    """Labels overlapping labels, symbols or wires; symbols overlapping symbols."""
    named: list[tuple[str, Box]] = [(f"label {lb.owner}", label_box(lb)) for lb in sch.labels]
    n_labels = len(named)
    named += [(f"part {p.name}", part_box(p)) for p in sch.parts]
    named += [(f"current arrow of {o}", box_around([a, b], 0.08)) for o, a, b in sch.arrows]
    n_boxes = len(named)
    boxes = [b for _, b in named] + [_seg_box(w) for w in sch.wires]
    out = []
    for i, j in sorted(_near_pairs(boxes)):
        if j < n_boxes:
            if boxes[i].overlaps(boxes[j]):
                out.append(f"{named[i][0]} overlaps {named[j][0]}")
        elif i < n_labels and boxes[i].hits_segment(sch.wires[j - n_boxes]):
            out.append(f"{named[i][0]} lies on wire {sch.wires[j - n_boxes]}")
    return out


def verify_schematic(circuit: Circuit, sch: Schematic) -> list[str]:
    """All schematic checks; an empty list means the drawing is faithful and clean."""
    return check_topology(circuit, sch) + check_crossings(sch) + check_overlaps(sch)
