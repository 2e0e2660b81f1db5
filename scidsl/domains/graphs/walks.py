"""Elementary walks over plain adjacency: components, one cycle, topological order, breadth-first depths.

Trees, flowcharts and pedigrees need only these, and importing networkx would cost a quarter of a cold
start. Adjacency is kept in the order networkx keeps it (nodes as first added, neighbours as first
joined), and each walk visits in networkx's order, so a cycle named in a message or a topological order
is the one networkx would give.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

Adjacency = dict[str, dict[str, None]]  # node -> its neighbours (successors when directed), in order
Edge = tuple[str, str]


def joined(nodes: Iterable[str], edges: Iterable[Edge], directed: bool) -> Adjacency:
    """The adjacency of the nodes, then the edges (an edge's unlisted ends are added after the nodes)."""
    adj: Adjacency = {n: {} for n in nodes}
    for a, b in edges:
        adj.setdefault(a, {})
        adj.setdefault(b, {})
        adj[a][b] = None
        if not directed:
            adj[b][a] = None
    return adj


def undirected(adj: Adjacency) -> Adjacency:
    """Every edge without its direction, rebuilt node by node as networkx's to_undirected copies it."""
    return joined(adj, ((a, b) for a in adj for b in adj[a]), directed=False)


def components(adj: Adjacency) -> list[set[str]]:
    """The connected parts of an undirected adjacency, in the order of their first node."""
    seen: set[str] = set()
    parts = []
    for n in adj:
        if n not in seen:
            part = set(depths(adj, n))
            seen |= part
            parts.append(part)
    return parts


def depths(adj: Adjacency, source: str) -> dict[str, int]:
    """Edges on a shortest walk from the source to every node it reaches, in breadth-first order."""
    out = {source: 0}
    level, row = 0, [source]
    while row:
        level += 1
        below = []
        for n in row:
            for m in adj[n]:
                if m not in out:
                    out[m] = level
                    below.append(m)
        row = below
    return out


def topological_order(succ: Adjacency) -> Optional[list[str]]:
    """The nodes with every arrow pointing forward, generation by generation as networkx's
    topological_sort yields them; None when there is a directed cycle."""
    waiting = {n: 0 for n in succ}
    for n in succ:
        for m in succ[n]:
            waiting[m] += 1
    order: list[str] = []
    ready = [n for n, d in waiting.items() if d == 0]
    while ready:
        order.extend(ready)
        generation, ready = ready, []
        for n in generation:
            for m in succ[n]:
                waiting[m] -= 1
                if waiting[m] == 0:
                    ready.append(m)
    return order if len(order) == len(succ) else None


def find_cycle(adj: Adjacency, directed: bool) -> Optional[list[Edge]]:
    """One cycle as the edges walked round it, the one networkx's find_cycle reports; None when acyclic."""
    explored: set[str] = set()
    for start in adj:
        if start in explored:
            continue
        path: list[Edge] = []  # the edges of the active walk from start
        seen, active = {start}, {start}
        previous: Optional[str] = None
        for tail, head in _edge_dfs(adj, start, directed):
            if head in explored:
                continue
            if previous is not None and tail != previous:  # backtracked: drop edges back to tail
                while True:
                    if not path:
                        active = {tail}
                        break
                    active.remove(path.pop()[1])
                    if path and path[-1][1] == tail:
                        break
            path.append((tail, head))
            if head in active:
                first = next(i for i, (a, _) in enumerate(path) if a == head)
                return path[first:]
            seen.add(head)
            active.add(head)
            previous = head
        explored |= seen
    return None


def _edge_dfs(adj: Adjacency, start: str, directed: bool) -> Iterator[Edge]:
    """Every edge reachable from start, each once, in depth-first order (networkx's edge_dfs)."""
    walked: set[object] = set()
    ahead: dict[str, Iterator[str]] = {}
    stack = [start]
    while stack:
        n = stack[-1]
        if n not in ahead:
            ahead[n] = iter(adj[n])
        m = next(ahead[n], None)
        if m is None:
            stack.pop()
            continue
        key = (n, m) if directed else frozenset((n, m))
        if key not in walked:
            walked.add(key)
            stack.append(m)
            yield n, m
