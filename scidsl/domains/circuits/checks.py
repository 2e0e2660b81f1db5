"""Checks of a lowered circuit: connections, shorts, open sources, isolation, units, meters."""
from __future__ import annotations

import re
from collections import Counter

import networkx as nx

from .issues import Issue
from .parts import KINDS, PROPERTY_UNITS, UNIT_SYMBOLS
from .topology import Circuit

UNIT_WORDS = {"ohm": "ohms", "F": "farads", "H": "henries", "V": "volts", "A": "amperes",
              "W": "watts", "Hz": "hertz"}


def check_circuit(circuit: Circuit) -> list[Issue]:
    """Run every check in order; returns lowering problems first, then topology problems."""
    issues = list(circuit.issues)
    issues += check_units(circuit)
    issues += check_positive(circuit)
    issues += check_label_values(circuit)
    issues += check_connections(circuit)
    issues += check_isolated(circuit)
    issues += check_sources(circuit)
    issues += check_parallel_sources(circuit)
    issues += check_series_current_sources(circuit)
    issues += check_meters(circuit)
    issues += check_shorted_parts(circuit)
    return issues


def family(circuit: Circuit, part: str) -> str:
    """Family of a part ("vsource", "meter", ...)."""
    return KINDS[circuit.parts[part].kind].family


def check_units(circuit: Circuit) -> list[Issue]:
    """Every value stored under a known property carries that property's unit."""
    out = []
    for spec in circuit.parts.values():
        for key, q in spec.values.items():
            want = PROPERTY_UNITS.get(key)
            if want is None or q.base == want:
                continue
            got = UNIT_WORDS.get(q.base or "", f"'{q.unit}'")
            out.append(Issue("E2006", f"{key} of {spec.kind} '{spec.name}' is in {got}; "
                             f"expected {UNIT_WORDS[want]}", spec.name, spec.origin,
                             f"write the value in {UNIT_SYMBOLS[want]}, e.g. 4 {want}"))
    return out


# a value as a label prints it, read from its flat text ("$V_1 = 240$ V" → "V_1=240V"): a number not
# part of a name (V_1, R2), a prefix and an electrical unit not followed by more letters
_LABEL_VALUE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)([pnuµμmkMG]?)(Ω|ohms?|V|A|F|H|W|Hz)(?![A-Za-z])")


def check_label_values(circuit: Circuit) -> list[Issue]:
    """A part's label that prints a value in the unit of one of the part's values prints that value:
    "240 V" on a 24 V battery would put a false number on the page (E2017)."""
    from fractions import Fraction

    from scidsl.verify_text import flat_text

    from .quantities import PREFIXES, format_quantity, split_unit

    out = []
    for spec in circuit.parts.values():
        if not spec.label:
            continue
        for m in _LABEL_VALUE.finditer(flat_text(spec.label)):
            split = split_unit(m.group(2) + m.group(3))
            if split is None:
                continue
            printed = Fraction(m.group(1)) * Fraction(10) ** PREFIXES[split[0]]
            same = [(k, q) for k, q in spec.values.items() if q.base == split[1]]
            if same and all(q.si != printed for _, q in same):
                key, q = same[0]
                shown = f"{m.group(1)} {m.group(2)}{m.group(3)}"
                out.append(Issue("E2017", f"the label of {spec.kind} '{spec.name}' prints {shown}, but its "
                                 f"{key.replace('_', ' ')} is {format_quantity(q)}", spec.name, spec.origin,
                                 "write the value once, as the part's value: the label is given it "
                                 f"(label: \"{spec.name}\" draws \"{spec.name} = {format_quantity(q)}\")"))
    return out


POSITIVE = ("resistance", "internal_resistance", "capacitance", "inductance")


def check_positive(circuit: Circuit) -> list[Issue]:
    """Resistances, capacitances and inductances are positive."""
    out = []
    for spec in circuit.parts.values():
        for key in POSITIVE:
            q = spec.values.get(key)
            if q is not None and q.number <= 0:
                out.append(Issue("E2015", f"{key} of {spec.kind} '{spec.name}' must be positive",
                                 spec.name, spec.origin, "use a wire for a zero resistance"))
    return out


def _terminal_counts(circuit: Circuit) -> Counter[str]:
    return Counter(circuit.terminals.values())


def check_connections(circuit: Circuit) -> list[Issue]:
    """Parts never placed, terminals alone on their node, wires that end nowhere."""
    counts = _terminal_counts(circuit)
    placed = {part for part, _ in circuit.terminals}
    out = []
    for spec in circuit.parts.values():
        if spec.name not in placed:
            out.append(Issue("E2007", f"{spec.kind} '{spec.name}' is not connected to anything",
                             spec.name, spec.origin, "put it in a loop or give it `between`"))
            continue
        out += _loose_terminals(circuit, spec.name, counts)
    return out


def _loose_terminals(circuit: Circuit, name: str, counts: Counter[str]) -> list[Issue]:
    spec = circuit.parts[name]
    info = KINDS[spec.kind]
    out = []
    for term in info.terminals:
        node = circuit.node_of(name, term)
        if node is None and term in info.optional_terminals:
            continue
        if node is not None and counts[node] >= 2:
            continue
        if info.family == "marker":
            out.append(Issue("E2007", f"{spec.kind} '{name}' is on node '{node}', which joins "
                             "no part", name, spec.origin, "put it on a node of the circuit"))
        elif info.family == "wire":
            out.append(Issue("E2008", f"wire '{name}' ends nowhere (its end {term} touches "
                             "nothing)", name, spec.origin, "connect both ends or remove it"))
        else:
            out.append(Issue("E2007", f"terminal {term} of {spec.kind} '{name}' is not "
                             "connected", name, spec.origin,
                             "connect it to another part or to a node"))
    return out


def _main_component(circuit: Circuit, comps: list[set[str]]) -> int:
    for name, spec in circuit.parts.items():
        if KINDS[spec.kind].family in ("vsource", "isource"):
            node = circuit.node_of(name, KINDS[spec.kind].terminals[0])
            for i, comp in enumerate(comps):
                if node in comp:
                    return i
    sizes = [circuit.graph.subgraph(c).number_of_edges() for c in comps]
    return max(range(len(comps)), key=lambda i: sizes[i])


def check_isolated(circuit: Circuit) -> list[Issue]:
    """Parts in a piece of the circuit not joined to the piece holding the source."""
    comps = [set(c) for c in nx.connected_components(circuit.graph)]
    if len(comps) < 2:
        return []
    main = _main_component(circuit, comps)
    out = []
    for i, comp in enumerate(comps):
        if i == main:
            continue
        names = sorted({p for (p, _), n in circuit.terminals.items() if n in comp})
        if not names:
            continue
        out.append(Issue("E2011", f"{', '.join(names)} form a sub-circuit not joined to the "
                         "rest", names[0], circuit.parts[names[0]].origin,
                         "join it with a wire or a shared node"))
    return out


def conducting_groups(circuit: Circuit, ammeters: bool = False) -> nx.utils.UnionFind:
    """Nodes joined by wires and closed switches (and ideal ammeters if asked)."""
    uf = nx.utils.UnionFind(circuit.graph.nodes)
    for u, v, data in circuit.graph.edges(data=True):
        if is_short(circuit, data, ammeters):
            uf.union(u, v)
    return uf


def is_short(circuit: Circuit, data: dict, ammeters: bool = False) -> bool:
    """True for an edge that conducts with zero resistance."""
    kind = data["kind"]
    spec = circuit.parts[data["part"]]
    if kind == "wire" or (ammeters and kind == "ammeter"):
        return True
    if kind == "switch":
        return spec.state == "closed"
    if kind == "two_way_switch":
        return data["ends"][1] == (spec.state or "a")
    return False


def is_open(circuit: Circuit, data: dict) -> bool:
    """True for an edge that never conducts (open switch, ideal voltmeter)."""
    kind = data["kind"]
    spec = circuit.parts[data["part"]]
    if kind == "voltmeter":
        return True
    if kind == "switch":
        return spec.state != "closed"
    if kind == "two_way_switch":
        return data["ends"][1] != (spec.state or "a")
    return False


def check_sources(circuit: Circuit) -> list[Issue]:
    """Voltage sources shorted by a wire or closed switch; ideal current sources left open."""
    uf = conducting_groups(circuit)
    out = []
    for u, v, key, data in circuit.graph.edges(keys=True, data=True):
        fam = KINDS[data["kind"]].family
        spec = circuit.parts[data["part"]]
        if fam == "vsource" and uf[u] == uf[v]:
            out.append(Issue("E2009", f"{spec.kind} '{spec.name}' is shorted: a wire or closed "
                             "switch joins its terminals", spec.name, spec.origin,
                             "put a load between its terminals or open the switch"))
        if fam == "isource" and not _has_path_without(circuit, u, v, key):
            out.append(Issue("E2010", f"current source '{spec.name}' is left open: no closed "
                             "path joins its terminals", spec.name, spec.origin,
                             "an ideal current source needs a closed path; close the loop"))
    return out


def check_parallel_sources(circuit: Circuit) -> list[Issue]:
    """Ideal voltage sources joined across the same two nodes must state the same voltage, same way round."""
    uf = conducting_groups(circuit)
    seen: dict[tuple, tuple[str, float]] = {}
    out = []
    for name, spec in circuit.parts.items():
        q = spec.values.get("voltage")
        minus, plus = circuit.node_of(name, "a"), circuit.node_of(name, "b")
        if KINDS[spec.kind].family != "vsource" or not KINDS[spec.kind].polar or q is None \
                or minus is None or plus is None or uf[minus] == uf[plus]:
            continue
        low, high = sorted((uf[minus], uf[plus]))
        emf = q.si if uf[plus] == high else -q.si  # the rise from `low` to `high`
        first = seen.setdefault((low, high), (name, emf))
        if first[0] != name and abs(first[1] - emf) > 1e-9 * max(1.0, abs(emf)):
            out.append(Issue("E2090", f"{spec.kind} '{name}' is in parallel with '{first[0]}' but their "
                             "voltages differ: ideal sources cannot both hold", name, spec.origin,
                             "give them the same voltage the same way round, or put a resistor in series"))
    return out


def check_series_current_sources(circuit: Circuit) -> list[Issue]:
    """A node joined only by ideal current sources must pass on what flows in (sources in series agree)."""
    uf = conducting_groups(circuit)
    others: set = set()
    for u, v, _, data in circuit.graph.edges(keys=True, data=True):
        if KINDS[data["kind"]].family != "isource" and not is_open(circuit, data) and uf[u] != uf[v]:
            others.update((uf[u], uf[v]))
    flows: dict = {}
    for name, spec in circuit.parts.items():
        q = spec.values.get("current")
        tail, head = circuit.node_of(name, "a"), circuit.node_of(name, "b")
        if KINDS[spec.kind].family != "isource" or q is None or tail is None or head is None or uf[tail] == uf[head]:
            continue
        flows.setdefault(uf[head], []).append((name, q.si))  # the arrow points from `a` to `b`
        flows.setdefault(uf[tail], []).append((name, -q.si))
    out = []
    for group, flow in flows.items():
        total = sum(i for _, i in flow)
        if group in others or len(flow) < 2 or abs(total) <= 1e-9 * max(abs(i) for _, i in flow):
            continue
        name = flow[-1][0]
        out.append(Issue("E0942", f"current source '{name}' is in series with '{flow[0][0]}' but their currents "
                         "differ: ideal sources cannot both hold", name, circuit.parts[name].origin,
                         "give them the same current the same way round, or put a resistor across one"))
    return out


def _has_path_without(circuit: Circuit, u: str, v: str, skip: str) -> bool:
    g = nx.Graph()
    g.add_nodes_from((u, v))
    for a, b, key, data in circuit.graph.edges(keys=True, data=True):
        if key != skip and not is_open(circuit, data):
            g.add_edge(a, b)
    return nx.has_path(g, u, v)


def check_meters(circuit: Circuit) -> list[Issue]:
    """Ammeters in parallel with a part and voltmeters in series are warned about."""
    out = []
    uf = conducting_groups(circuit)
    labels = cycle_labels(circuit.graph)
    between = _parts_between(circuit, uf)
    for u, v, key, data in circuit.graph.edges(keys=True, data=True):
        spec = circuit.parts[data["part"]]
        if data["kind"] == "ammeter":
            pair = frozenset((uf[u], uf[v]))
            others = sorted({p for p in between.get(pair, []) if p != data["part"]}) \
                if uf[u] != uf[v] else []
            if others:
                out.append(Issue("W2001", f"ammeter '{spec.name}' is in parallel with "
                                 f"{', '.join(others)}; an ammeter goes in series",
                                 spec.name, spec.origin, "put it in the branch it measures",
                                 "warning"))
        if data["kind"] == "voltmeter":
            carried = _series_parts(circuit, key, labels)
            if carried:
                out.append(Issue("W2002", f"voltmeter '{spec.name}' is in series with "
                                 f"{', '.join(carried)}; a voltmeter goes in parallel",
                                 spec.name, spec.origin, "connect it across the part it "
                                 "measures", "warning"))
    return out


def _parts_between(circuit: Circuit, uf: nx.utils.UnionFind) -> dict[frozenset, list[str]]:
    """Parts (wires excepted) by the pair of conducting groups they join."""
    out: dict[frozenset, list[str]] = {}
    for a, b, data in circuit.graph.edges(data=True):
        if data["kind"] != "wire":
            out.setdefault(frozenset((uf[a], uf[b])), []).append(data["part"])
    return out


def cycle_labels(graph: nx.MultiGraph) -> dict[str, int]:
    """Edge key → cycle-space label: two edges share a non-zero label exactly when together
    they cut the graph, i.e. every closed path through one passes through the other (series).
    Random 64-bit labels on non-tree edges, XOR-summed over spanning-tree subtrees: O(E)."""
    import random

    rng = random.Random(2026)  # fixed seed: the same circuit always gets the same answer
    parent: dict[str, tuple[str, str] | None] = {}
    order: list[str] = []
    tree_keys: set[str] = set()
    for root in graph.nodes:
        if root in parent:
            continue
        parent[root] = None
        stack = [root]
        while stack:
            x = stack.pop()
            order.append(x)
            for _, y, key in graph.edges(x, keys=True):
                if y not in parent:
                    parent[y] = (x, key)
                    tree_keys.add(key)
                    stack.append(y)
    acc = dict.fromkeys(graph.nodes, 0)
    labels: dict[str, int] = {}
    for u, v, key in graph.edges(keys=True):
        if key not in tree_keys:
            labels[key] = rng.getrandbits(64) or 1
            acc[u] ^= labels[key]
            acc[v] ^= labels[key]
    for x in reversed(order):  # children before parents: subtree sums
        link = parent[x]
        if link is not None:
            labels[link[1]] = acc[x]
            acc[link[0]] ^= acc[x]
    return labels


def _series_parts(circuit: Circuit, key: str, labels: dict[str, int]) -> list[str]:
    """Non-source parts that every closed path through the voltmeter also passes through."""
    mine = labels.get(key, 0)
    if mine == 0:
        return []
    return sorted({d["part"] for _, _, k, d in circuit.graph.edges(keys=True, data=True)
                   if k != key and labels.get(k) == mine
                   and KINDS[d["kind"]].family not in ("vsource", "wire")})


def check_shorted_parts(circuit: Circuit) -> list[Issue]:
    """Parts whose two ends are joined by a plain wire (no current can flow through them)."""
    uf = nx.utils.UnionFind(circuit.graph.nodes)
    for u, v, data in circuit.graph.edges(data=True):
        if data["kind"] == "wire":
            uf.union(u, v)
    out = []
    for u, v, data in circuit.graph.edges(data=True):
        fam = KINDS[data["kind"]].family
        if fam in ("wire", "vsource", "switch") or uf[u] != uf[v]:
            continue
        spec = circuit.parts[data["part"]]
        out.append(Issue("W2003", f"{spec.kind} '{spec.name}' is shorted by a wire; no current "
                         "flows through it", spec.name, spec.origin,
                         "remove the wire across it if that is not intended", "warning"))
    return out
