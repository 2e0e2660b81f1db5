"""Graphs and trees: structural checks and a deterministic layout in centimetres.

Plain walks (connected parts, cycles, layers) come from walks.py; networkx is imported only for what
needs it: spring and Kamada–Kawai layouts and shortest paths.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Optional

from scidsl.diagnostics import did_you_mean, error, warning
from scidsl.domains.graphs import kinds as k
from scidsl.domains.graphs import walks

P = tuple[float, float]
NODE_GAP_CM = 2.6  # typical distance between joined nodes: room for a weight label beside the edge
MAX_EXTENT_CM = 16.0
_KK_MAX_NODES = 120
_NODE_HIT = 1000.0  # score of an edge grazing a node: worse than any number of crossings  # kamada-kawai is quadratic in memory and slow beyond this


@dataclass
class GraphLayout:
    """One graph placed on the page (natural cm, y up)."""

    node: k.Graph
    pos: dict[str, P]
    radius: float
    edges: list[tuple[str, str, Any]]
    vertices: dict[str, k.Vertex] = field(default_factory=dict)
    paths: list[k.Path] = field(default_factory=list)
    method: str = ""
    boxes: dict[str, tuple[float, float]] = field(default_factory=dict)  # (width, height) of box nodes
    bends: dict[tuple[str, str], list[P]] = field(default_factory=dict)  # where a long layered edge turns

    def shown(self, n: str) -> str:
        """The text drawn in a node."""
        return shown_text(self.node, self.vertices.get(n), n)

    def inside(self, n: str, p: P) -> bool:
        """Is the point inside node n's circle or box?"""
        c = self.pos[n]
        if n in self.boxes:
            w, h = self.boxes[n]
            return abs(p[0] - c[0]) < w / 2 and abs(p[1] - c[1]) < h / 2
        return math.dist(p, c) < self.radius

    @property
    def name(self) -> str:
        """The graph's scene name."""
        return self.node.name or "graph"


def graphs_of(ctx: Any) -> list[k.Graph]:
    """The scene's graphs and trees."""
    return [n for n in ctx.nodes if isinstance(n, k.Graph)]


def graph_named(ctx: Any, node: Any, graphs: list[k.Graph]) -> Optional[k.Graph]:
    """The graph a vertex or path is on (its `on`, or the only graph); reports E8008 otherwise."""
    names = [g.name for g in graphs]
    if node.on is None and len(graphs) == 1:
        return graphs[0]
    found = next((g for g in graphs if g.name == node.on), None)
    if found is None:
        what = f"'{node.on}' is not a graph" if node.on else f"{node.kind} {node.name or ''} does not say its graph"
        ctx.report(error("E8008", what.replace("  ", " "), node.span_of("on") if node.on else node.span,
                         (did_you_mean(node.on, names) if node.on else None)
                         or (f"add `on G` with one of: {', '.join(names)}" if names else
                             "declare it first: graph G { nodes: [A, B], edges: [[A, B]] }")))
    return found


def check_graph(ctx: Any, g: k.Graph) -> None:
    """Nodes listed once, edges between listed nodes, listed once; trees connected and acyclic."""
    seen: set[str] = set()
    for n in g.nodes:
        if n in seen:
            ctx.report(error("E8003", f"node {n} is listed twice in {g.name}", g.span_of("nodes"),
                             "list each node once"))
        seen.add(n)
    ok = _check_edges(ctx, g, seen)
    if g.root is not None and g.root not in seen:
        ctx.report(error("E8008", f"the root {g.root} is not a node of {g.name}", g.span_of("root"),
                         did_you_mean(g.root, sorted(seen))))
    if ok and isinstance(g, k.Tree):
        _check_tree(ctx, g)
    elif ok and g.layout in ("layered", "tree"):  # a tree's own layout is checked as a tree above
        _check_connected(ctx, g, "a layered layout")


def _check_edges(ctx: Any, g: k.Graph, nodes: set[str]) -> bool:
    seen: set[tuple[str, str]] = set()
    ok = True
    for a, b, _ in g.triples:
        for end in (a, b):
            if end not in nodes:
                ok = False
                ctx.report(error("E8001", f"the edge {a}–{b} names {end}, which is not a node of {g.name}",
                                 g.span_of("edges"), did_you_mean(end, sorted(nodes)) or f"add {end} to nodes"))
        key = (a, b) if g.directed else tuple(sorted((a, b)))
        if key in seen:
            ok = False
            ctx.report(error("E8002", f"the edge {a}–{b} is listed twice in {g.name}", g.span_of("edges"),
                             "list each edge once" + ("" if g.directed else " (edges have no direction here)")))
        seen.add(key)  # type: ignore[arg-type]
        if a == b and isinstance(g, k.Tree):
            ok = False
            ctx.report(error("E8010", f"the edge {a}–{b} joins {a} to itself, so {g.name} is not a tree",
                             g.span_of("edges"), "remove it, or declare a graph instead of a tree"))
    return ok


def nx_graph(g: k.Graph) -> Any:
    """The networkx graph of a statement (weights as SI floats where they are numbers)."""
    import networkx as nx

    out = nx.DiGraph() if g.directed else nx.Graph()
    out.add_nodes_from(g.nodes)
    for a, b, w in g.triples:
        out.add_edge(a, b, weight=getattr(w, "value", None))
    return out


def adjacency(g: k.Graph) -> walks.Adjacency:
    """The nodes and edges of a statement as plain adjacency (successors when directed)."""
    return walks.joined(g.nodes, ((a, b) for a, b, _ in g.triples), g.directed)


def edge_weights(g: k.Graph) -> dict[tuple[str, str], Optional[float]]:
    """The SI weight of every edge where it is a number (both ways round when undirected); the last
    listed of two same edges wins."""
    out: dict[tuple[str, str], Optional[float]] = {}
    for a, b, w in g.triples:
        out[(a, b)] = getattr(w, "value", None)
        if not g.directed:
            out[(b, a)] = out[(a, b)]
    return out


def _check_tree(ctx: Any, g: k.Tree) -> None:
    und = walks.undirected(adjacency(g))
    if not _check_connected(ctx, g, "a tree"):
        return
    cycle = walks.find_cycle(und, directed=False)  # connected, so a tree unless it has a cycle
    if cycle:
        ring = "–".join([u for u, _ in cycle] + [cycle[0][0]])
        ctx.report(error("E8005", f"{g.name} has the cycle {ring}, so it is not a tree", g.span_of("edges"),
                         "remove one edge of the cycle, or declare a graph instead of a tree"))


def _check_connected(ctx: Any, g: k.Graph, what: str) -> bool:
    parts = sorted(walks.components(walks.undirected(adjacency(g))),
                   key=lambda c: g.nodes.index(min(c, key=g.nodes.index)))
    if len(parts) <= 1:
        return True
    apart = sorted(parts[1], key=g.nodes.index)
    ctx.report(error("E8006", f"{g.name} is not connected: {', '.join(apart[:6])} cannot be reached from "
                     f"{g.nodes[0]}, so it cannot be drawn as {what}", g.span_of("edges"),
                     "add the missing edges, or use layout: circular"))
    return False


def check_vertex(ctx: Any, v: k.Vertex, graphs: list[k.Graph]) -> None:
    """A vertex statement names a node of its graph."""
    g = graph_named(ctx, v, graphs)
    if g is not None and v.name not in g.nodes:
        ctx.report(error("E8008", f"{v.name} is not a node of {g.name}", v.span_of("name"),
                         did_you_mean(v.name or "", g.nodes) or f"add {v.name} to the nodes of {g.name}"))


def check_path(ctx: Any, p: k.Path, graphs: list[k.Graph]) -> None:
    """Every step of a path is an edge; claims (shortest, Hamiltonian, total) hold."""
    g = graph_named(ctx, p, graphs)
    if g is None:
        return
    missing = [n for n in p.through if n not in g.nodes]
    if missing:
        ctx.report(error("E8008", f"{missing[0]} is not a node of {g.name}", p.span_of("through"),
                         did_you_mean(missing[0], g.nodes)))
        return
    adj = adjacency(g)
    for a, b in zip(p.through, p.through[1:]):
        if b not in adj[a]:
            back = g.directed and a in adj[b]
            ctx.report(error("E8004", f"the path steps from {a} to {b}, but {g.name} has no edge {a}"
                             f"{'→' if g.directed else '–'}{b}", p.span_of("through"),
                             f"the edge runs {b}→{a}" if back else f"{a} is joined to: "
                             + (", ".join(sorted(adj[a])) or "nothing")))
            return
    _check_claims(ctx, p, g)


def _path_total(p: k.Path, g: k.Graph) -> Optional[float]:
    """The sum of the weights along a path; None when an edge has no numeric weight."""
    weights = edge_weights(g)
    total = 0.0
    for a, b in zip(p.through, p.through[1:]):
        w = weights[(a, b)]
        if w is None:
            return None
        total += w
    return total


def _check_claims(ctx: Any, p: k.Path, g: k.Graph) -> None:
    total = _path_total(p, g)
    if p.total is not None and (total is None or abs(total - p.total) > 1e-9 * max(1.0, abs(p.total))):
        got = "its edges have no numeric weights" if total is None else f"its edges add up to {total:g}"
        ctx.report(error("E8009", f"the path states a total of {p.total:g}, but {got}", p.span_of("total"),
                         "correct the total or the path"))
    closed = p.through[0] == p.through[-1]
    if p.hamiltonian:
        visits = p.through[:-1] if closed else p.through
        if sorted(visits) != sorted(g.nodes):
            twice = sorted({n for n in visits if visits.count(n) > 1})
            left = [n for n in g.nodes if n not in visits]
            why = (f"it visits {', '.join(twice)} twice" if twice else f"it misses {', '.join(left)}")
            ctx.report(error("E8009", f"the path is not Hamiltonian: {why}", p.span_of("hamiltonian"),
                             "a Hamiltonian path visits every node exactly once"))
    if p.shortest and not closed:
        _check_shortest(ctx, p, g, total)


def _check_shortest(ctx: Any, p: k.Path, g: k.Graph, total: Optional[float]) -> None:
    import networkx as nx

    G = nx_graph(g)
    weight = "weight" if total is not None else None
    negative = weight is not None and any((w or 0) < 0 for _, _, w in G.edges(data="weight"))
    if negative and (not g.directed or nx.negative_edge_cycle(G, weight="weight")):
        ctx.report(error("E8091", f"{g.name} has a cycle of negative total weight, so no path is shortest",
                         p.span_of("shortest"), "drop shortest, or make the weights non-negative"))
        return
    method = "bellman-ford" if negative else "dijkstra"
    best = nx.shortest_path_length(G, p.through[0], p.through[-1], weight=weight, method=method)
    mine = total if total is not None else len(p.through) - 1
    if mine > best + 1e-9:
        route = nx.shortest_path(G, p.through[0], p.through[-1], weight=weight, method=method)
        ctx.report(error("E8009", f"the path is not shortest: {'–'.join(route)} has length {best:g} "
                         f"against {mine:g}", p.span_of("shortest"), "draw the shorter path, or drop shortest"))


# ---- layout -----------------------------------------------------------------------------------


def layout_graph(ctx: Any, g: k.Graph, vertices: list[k.Vertex], paths: list[k.Path]) -> Optional[GraphLayout]:
    """Place the nodes of one graph; None (after reporting) when the positions cannot be had."""
    mine = {v.name: v for v in vertices if v.name in g.nodes}
    method = _method(g, mine)
    if method == "given":
        raw = _given(ctx, g, mine)
        if raw is None:
            return None
    else:
        raw = _computed(g, method)
    radius = node_radius(g, mine)
    pos = raw if method == "given" else _scaled(raw, g, radius, method)
    bends = bends_of(g, pos)
    out = GraphLayout(g, pos, radius, list(g.triples), mine, paths, method, bends=bends)  # type: ignore[misc]
    if g.shape == "box":
        out.boxes = box_sizes(g, mine)
    _warn_edges_through_nodes(ctx, out)
    return out


def _method(g: k.Graph, vertices: dict[str, k.Vertex]) -> str:
    if g.layout != "auto":
        return g.layout
    if isinstance(g, k.Tree):
        return "tree"
    if vertices and all(v.at is not None for v in vertices.values()) and set(vertices) == set(g.nodes):
        return "given"
    succ = adjacency(g)
    if g.directed and walks.topological_order(succ) is not None \
            and len(walks.components(walks.undirected(succ))) == 1 and len(g.nodes) > 2:
        # layers show the direction of a DAG, unless they cost crossings another layout avoids
        if layout_score(layered(g, tidy=False), g) <= layout_score(_best(g), g) + 1:
            return "layered"
    return "best"


def _given(ctx: Any, g: k.Graph, vertices: dict[str, k.Vertex]) -> Optional[dict[str, P]]:
    missing = [n for n in g.nodes if n not in vertices or vertices[n].at is None]
    if missing:
        ctx.report(error("E8007", f"layout: given, but {', '.join(missing[:6])} has no position", g.span_of("layout"),
                         f"add: vertex {missing[0]} on {g.name} at (x, y)"))
        return None
    pos = {n: (float(vertices[n].at[0]), float(vertices[n].at[1])) for n in g.nodes}  # type: ignore[index]
    r = node_radius(g, vertices)
    sizes = box_sizes(g, vertices) if g.shape == "box" else {n: (2 * r, 2 * r) for n in g.nodes}
    for i, a in enumerate(g.nodes):
        for b in g.nodes[i + 1:]:
            gap_x = abs(pos[a][0] - pos[b][0]) - (sizes[a][0] + sizes[b][0]) / 2
            gap_y = abs(pos[a][1] - pos[b][1]) - (sizes[a][1] + sizes[b][1]) / 2
            if max(gap_x, gap_y) < 0.1 * r and (g.shape == "box" or math.dist(pos[a], pos[b]) < 2.2 * r):
                ctx.report(error("E8007", f"{a} and {b} are placed {math.dist(pos[a], pos[b]):.2g} cm apart, so "
                                 "they overlap", vertices[b].span_of("at"), "move them further apart"))
                return None
    return pos


def _computed(g: k.Graph, method: str) -> dict[str, P]:
    if method == "circular":
        return circular(g.nodes)
    if method in ("layered", "tree"):
        return layered(g, tidy=method == "tree")
    if method == "spring":
        return _first_clear([lambda s=s: _spring(g, s) for s in range(g.seed, g.seed + 6)], g)
    if method == "kamada_kawai":
        return _first_clear([lambda: _kamada_kawai(g)] + [lambda s=s: _spring(g, s) for s in range(g.seed, g.seed + 5)], g)
    return _best(g)


def _first_clear(makers: list[Any], g: k.Graph) -> dict[str, P]:
    """The first layout in which no edge grazes a node it does not join (else the circle, where none can)."""
    for make in makers:
        pos = make()
        if layout_score(pos, g) < _NODE_HIT:
            return pos
    return circular(g.nodes)


def circular(nodes: list[str]) -> dict[str, P]:
    """Nodes on a unit circle, the first at the top, then clockwise in the listed order."""
    n = len(nodes)
    start = math.pi / 2 + (math.pi / n if n == 2 else 0.0)
    return {v: (math.cos(start - 2 * math.pi * i / n), math.sin(start - 2 * math.pi * i / n))
            for i, v in enumerate(nodes)}


def _spring(g: k.Graph, seed: int) -> dict[str, P]:
    import networkx as nx

    def place(G: Any, nodes: list[str]) -> Any:
        return nx.spring_layout(G, seed=seed, iterations=100, pos=circular(nodes), weight=None)

    return _by_component(g, place)


def _kamada_kawai(g: k.Graph) -> dict[str, P]:
    import networkx as nx

    if len(g.nodes) > _KK_MAX_NODES:
        return _spring(g, g.seed)
    return _by_component(g, lambda G, nodes: nx.kamada_kawai_layout(G, pos=circular(nodes), weight=None))


def _by_component(g: k.Graph, place: Any) -> dict[str, P]:
    """Lay out each connected part on its own (shortest edge 1) and set the parts side by side."""
    import networkx as nx

    und = nx_graph(g).to_undirected()
    order = {n: i for i, n in enumerate(g.nodes)}
    out: dict[str, P] = {}
    x = 0.0
    for part in sorted(nx.connected_components(und), key=lambda c: min(order[n] for n in c)):
        nodes = sorted(part, key=order.__getitem__)
        pos = {n: (0.0, 0.0) for n in nodes} if len(nodes) == 1 else \
            {n: (float(p[0]), float(p[1])) for n, p in place(und.subgraph(nodes), nodes).items()}
        lengths = [math.dist(pos[a], pos[b]) for a, b in und.subgraph(nodes).edges if a != b]
        unit = min((d for d in lengths if d > 1e-9), default=1.0)
        xs, ys = [p[0] / unit for p in pos.values()], [p[1] / unit for p in pos.values()]
        for n in nodes:
            out[n] = (pos[n][0] / unit - min(xs) + x, pos[n][1] / unit - (max(ys) + min(ys)) / 2)
        x += max(xs) - min(xs) + 1.0
    return out


def _best(g: k.Graph) -> dict[str, P]:
    """The candidate layout with the fewest edge crossings and edges grazing nodes (first wins ties)."""
    candidates = [circular(g.nodes)]
    if len(g.nodes) > 3:
        candidates.append(_kamada_kawai(g))
        candidates += [_spring(g, s) for s in (g.seed, g.seed + 1)] if len(g.nodes) <= 60 else []
    scored = [(layout_score(c, g), i, c) for i, c in enumerate(candidates)]
    return min(scored, key=lambda t: (t[0], t[1]))[2]


def layout_score(pos: dict[str, P], g: k.Graph) -> float:
    """Crossings plus heavy penalties for an edge passing close to a node (in unit-free positions)."""
    from shapely.geometry import LineString, Point

    pos = dict(pos)
    bends = bends_of(g, pos)  # a layered layout's long edges run through their bend points
    pts, norm = _normalised(pos)
    d = _min_dist(pts)
    segs = [(a, b, LineString([pts[a]] + [norm(q) for q in bends.get((a, b), [])] + [pts[b]]))
            for a, b, _ in g.triples if a != b]
    score = 0.0
    for i, (a, b, s) in enumerate(segs):
        for c, e, t in segs[i + 1:]:
            if len({a, b, c, e}) == 4 and s.intersects(t):
                score += 1
        for n, p in pts.items():
            if n not in (a, b) and s.distance(Point(p)) < 0.3 * d:
                score += _NODE_HIT
    return score + (5 if d < 0.05 else 0)


def _normalised(pos: dict[str, P]) -> tuple[dict[str, P], Any]:
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)

    def norm(p: P) -> P:
        return ((p[0] - min(xs)) / span, (p[1] - min(ys)) / span)

    return {n: norm(p) for n, p in pos.items()}, norm


def _min_dist(pts: dict[str, P]) -> float:
    vals = list(pts.values())
    if len(vals) < 2:
        return 1.0
    return min(math.dist(a, b) for i, a in enumerate(vals) for b in vals[i + 1:]) or 1e-9


def layered(g: k.Graph, tidy: bool) -> dict[str, P]:
    """Top-down layers by distance from the root; a tidy tree centres each parent over its children."""
    succ = adjacency(g)
    root = g.root or _default_root(g, succ)
    und = walks.undirected(succ)
    if tidy:
        return _tidy(g, und, root)
    depth = _depths(g, succ, und, root)
    chain = _with_bends(g, depth)
    rows: dict[int, list[str]] = {}
    for n in list(g.nodes) + list(chain.dummies):
        rows.setdefault(chain.depth[n], []).append(n)
    x: dict[str, float] = {}
    for level in sorted(rows):
        row = rows[level]
        if level > min(rows):  # barycentre of the nodes above keeps edges short and uncrossed
            row.sort(key=lambda n: (_bary(n, chain.graph, x, chain.depth), chain.rank(n)))
        for i, n in enumerate(row):
            x[n] = i - (len(row) - 1) / 2
    return {n: (x[n], -float(chain.depth[n])) for n in list(g.nodes) + list(chain.dummies)}


BEND = "\x00"  # dummy points of long edges carry this in their names; no scene name can


@dataclass
class _Chain:
    """The graph with every edge longer than one layer split by dummy points, one a layer."""

    graph: walks.Adjacency  # undirected
    depth: dict[str, int]
    dummies: list[str]
    order: dict[str, int]

    def rank(self, n: str) -> int:
        """A tie-break: the listed order of nodes, dummies after."""
        return self.order.get(n, len(self.order))


def _with_bends(g: k.Graph, depth: dict[str, int]) -> _Chain:
    depth = dict(depth)
    dummies: list[str] = []
    steps: list[walks.Edge] = []
    for i, (a, b, _) in enumerate(g.triples):
        top, bottom = (a, b) if depth[a] <= depth[b] else (b, a)
        prev = top
        for level in range(depth[top] + 1, depth[bottom]):
            d = f"{BEND}{i}{BEND}{level}"
            depth[d] = level
            dummies.append(d)
            steps.append((prev, d))
            prev = d
        steps.append((prev, bottom))
    order = {n: i for i, n in enumerate(g.nodes)}
    return _Chain(walks.joined(g.nodes, steps, directed=False), depth, dummies, order)


def bends_of(g: k.Graph, pos: dict[str, P]) -> dict[tuple[str, str], list[P]]:
    """The dummy points of each long edge, in order from its first node; removed from `pos`."""
    out: dict[tuple[str, str], list[P]] = {}
    for i, (a, b, _) in enumerate(g.triples):
        pts = sorted(((int(n.split(BEND)[2]), p) for n, p in pos.items() if n.startswith(f"{BEND}{i}{BEND}")))
        if pts:
            ordered = [p for _, p in pts]
            out[(a, b)] = ordered if pos[a][1] > pos[b][1] else list(reversed(ordered))
    for n in [n for n in pos if n.startswith(BEND)]:
        del pos[n]
    return out


def _default_root(g: k.Graph, succ: walks.Adjacency) -> str:
    if g.directed:
        pointed = {m for near in succ.values() for m in near}
        sources = [n for n in g.nodes if n not in pointed]
        if sources:
            return sources[0]
    return g.nodes[0]


def _depths(g: k.Graph, succ: walks.Adjacency, und: walks.Adjacency, root: str) -> dict[str, int]:
    order = walks.topological_order(succ) if g.directed else None
    if order is not None:
        depth = {n: 0 for n in g.nodes}
        for n in order:  # longest path layering: every arrow points down
            for m in succ[n]:
                depth[m] = max(depth[m], depth[n] + 1)
        return depth
    lengths = walks.depths(und, root)
    deepest = max(lengths.values(), default=0)
    return {n: lengths.get(n, deepest + 1) for n in g.nodes}


def _bary(n: str, und: walks.Adjacency, x: dict[str, float], depth: dict[str, int], side: int = 1) -> float:
    """Mean x of the neighbours above (side 1) or below (side -1); its own x when it has none."""
    near = [x[m] for m in und[n] if m in x and (depth.get(m, 0) - depth[n]) * side < 0]
    return sum(near) / len(near) if near else x.get(n, 0.0)


def _tidy(g: k.Graph, und: walks.Adjacency, root: str) -> dict[str, P]:
    order = {n: i for i, n in enumerate(g.nodes)}
    pos: dict[str, P] = {}
    next_leaf = [0.0]
    # iterative post-order walk: leaves take the next free column, parents sit over their children
    stack: list[tuple[str, Optional[str], int, bool]] = [(root, None, 0, False)]
    while stack:
        n, parent, depth, done = stack.pop()
        kids = sorted((m for m in und[n] if m != parent), key=order.__getitem__)
        if done:
            xs = [pos[m][0] for m in kids]
            pos[n] = ((min(xs) + max(xs)) / 2 if xs else _leaf(next_leaf), -float(depth))
            continue
        stack.append((n, parent, depth, True))
        stack.extend((m, n, depth + 1, False) for m in reversed(kids))
    return pos


def _leaf(counter: list[float]) -> float:
    counter[0] += 1
    return counter[0] - 1


def shown_text(g: k.Graph, v: Optional[k.Vertex], n: str) -> str:
    """A node's text: its vertex text or its name; box nodes wrap long text onto lines."""
    import textwrap

    from scidsl.text import is_math

    text = v.text if v is not None and v.text else n
    if g.shape != "box" or is_math(text):
        return text
    lines = [part.strip() for part in text.split("|")]  # "a | b" is written on two lines
    return "\n".join(w for line in lines for w in (textwrap.wrap(line, 24) if len(line) > 24 else [line]))


def box_sizes(g: k.Graph, vertices: dict[str, k.Vertex]) -> dict[str, tuple[float, float]]:
    """(width, height) of every box node: its text and a margin."""
    from scidsl.text import measure_text

    out = {}
    for n in g.nodes:
        w, h, _ = measure_text(shown_text(g, vertices.get(n), n), 11)
        out[n] = (w + 0.4, h + 0.3)
    return out


def node_radius(g: k.Graph, vertices: Optional[dict[str, k.Vertex]] = None) -> float:
    """The radius of the node circles (the longest text fits inside); for boxes, half the largest side."""
    from scidsl.text import measure_text

    if g.shape == "box":
        return max(max(wh) for wh in box_sizes(g, vertices or {}).values()) / 2
    texts = [shown_text(g, (vertices or {}).get(n), n) for n in g.nodes]
    widest = max(measure_text(t, 11)[0] for t in texts)
    return max(0.3, widest / 2 + 0.1)


def _scaled(raw: dict[str, P], g: k.Graph, radius: float, method: str) -> dict[str, P]:
    """Scale unit-free positions so that joined nodes sit about NODE_GAP_CM apart (layers a row apart)."""
    if len(raw) == 1:
        return {n: (0.0, 0.0) for n in raw}
    xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
    if method in ("layered", "tree"):
        weighted = g.weights and any(w is not None for *_, w in g.triples)
        sx = 2.6 if weighted else max(2.4 * radius + 0.7, 1.5)
        sy = 2.4 if weighted else 1.8
        if g.size and max(xs) > min(xs):
            sx = g.size / (max(xs) - min(xs))
        return {n: (p[0] * sx, p[1] * sy) for n, p in raw.items()}
    lengths = sorted(math.dist(raw[a], raw[b]) for a, b, _ in g.triples if a != b) or [_min_dist(raw)]
    s = _edge_room(g, radius) / (lengths[0] or 1e-9)
    span = max(max(xs) - min(xs), max(ys) - min(ys)) * s
    if g.size:
        s *= g.size / max(span, 1e-9)
    elif span > MAX_EXTENT_CM:
        s *= MAX_EXTENT_CM / span
    least = _min_dist(raw) * s
    if least < 2 * radius + 1.0:  # room for a label between any two nodes
        s *= (2 * radius + 1.0) / least
    return {n: (p[0] * s, p[1] * s) for n, p in raw.items()}


def _edge_room(g: k.Graph, radius: float) -> float:
    """The length the shortest edge needs: its two node circles and room for its weight label."""
    from scidsl.renderers.graphs import WEIGHT_SIZE, weight_text
    from scidsl.text import measure_text

    texts = [weight_text(w, g.unit) for *_, w in g.triples] if g.weights else []
    widest = max((measure_text(t, WEIGHT_SIZE)[0] for t in texts if t), default=0.0)
    return max(NODE_GAP_CM * (0.8 if widest else 0.7), 3.2 * radius, 2 * radius + 1.6 * widest + 0.6)


def _warn_edges_through_nodes(ctx: Any, lay: GraphLayout) -> None:
    from shapely.geometry import LineString, Point

    for a, b, _ in lay.edges:
        if a == b:
            continue
        seg = LineString([lay.pos[a]] + lay.bends.get((a, b), []) + [lay.pos[b]])
        for n, p in lay.pos.items():
            w, h = lay.boxes.get(n, (2 * lay.radius, 2 * lay.radius))
            if n not in (a, b) and seg.distance(Point(p)) < (min(w, h) / 2 if n in lay.boxes else lay.radius):
                ctx.report(warning("W8001", f"the edge {a}–{b} passes through node {n}", lay.node.span_of("edges"),
                                   f"move {n} (vertex {n} at ...), or use layout: auto"))
                return
