"""Series–parallel (and bridge) decomposition of a circuit graph between two nodes."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class Leaf:
    """One two-terminal part; forward means drawn from its first terminal to its second."""

    key: str
    part: str
    forward: bool = True


@dataclass(frozen=True)
class SeriesBlock:
    """Blocks one after another, in flow order."""

    items: tuple["Block", ...]


@dataclass(frozen=True)
class ParallelBlock:
    """Blocks between the same two nodes; the first is drawn on the axis."""

    branches: tuple["Block", ...]


@dataclass(frozen=True)
class BridgeBlock:
    """Wheatstone bridge p→q: upper p-e1-c-e2-q, lower p-e3-d-e4-q, middle e5 from d to c."""

    e1: "Block"
    e2: "Block"
    e3: "Block"
    e4: "Block"
    e5: "Block"


@dataclass(frozen=True)
class TapBlock:
    """A three-terminal part (potentiometer, two-way switch) drawn from end `first` to end
    `second`, with its tap (wiper, common) joined to `second` through the `tap` network (drawn
    beside it); at_end=False mirrors that: the tap network runs from `first` to the tap."""

    part: str
    keys: tuple[str, str]
    first: str
    second: str
    tap: "Block"
    at_end: bool = True


Block = Union[Leaf, SeriesBlock, ParallelBlock, BridgeBlock, TapBlock]


def reverse(block: Block) -> Block:
    """The same block traversed the other way."""
    if isinstance(block, Leaf):
        return Leaf(block.key, block.part, not block.forward)
    if isinstance(block, SeriesBlock):
        return SeriesBlock(tuple(reverse(b) for b in reversed(block.items)))
    if isinstance(block, ParallelBlock):
        return ParallelBlock(tuple(reverse(b) for b in block.branches))
    if isinstance(block, TapBlock):
        return TapBlock(block.part, block.keys, block.second, block.first, reverse(block.tap),
                        not block.at_end)
    return BridgeBlock(reverse(block.e2), reverse(block.e1), reverse(block.e4),
                       reverse(block.e3), block.e5)


def series(*blocks: Block) -> Block:
    """Series of blocks, flattening nested series."""
    items: list[Block] = []
    for b in blocks:
        items.extend(b.items if isinstance(b, SeriesBlock) else (b,))
    return items[0] if len(items) == 1 else SeriesBlock(tuple(items))


def parallel(*blocks: Block) -> Block:
    """Parallel of blocks, flattening nested parallels."""
    branches: list[Block] = []
    for b in blocks:
        branches.extend(b.branches if isinstance(b, ParallelBlock) else (b,))
    return branches[0] if len(branches) == 1 else ParallelBlock(tuple(branches))


def leaves(block: Block) -> list[Leaf]:
    """All leaves of a block, in drawing order."""
    if isinstance(block, Leaf):
        return [block]
    if isinstance(block, SeriesBlock):
        children = block.items
    elif isinstance(block, ParallelBlock):
        children = block.branches
    elif isinstance(block, TapBlock):
        return [Leaf(block.keys[0], block.part)] + leaves(block.tap)
    else:
        children = (block.e1, block.e2, block.e3, block.e4, block.e5)
    return [leaf for c in children for leaf in leaves(c)]


def _size(block: Block) -> int:
    return len(leaves(block))


class _Reducer:
    """Edges as (u, v, block) keyed by an order number; reduces until nothing applies."""

    def __init__(self, edges: list[tuple[str, str, Block]], s: str, t: str) -> None:
        self.edges: dict[int, tuple[str, str, Block]] = dict(enumerate(edges))
        self.size = {i: 1 for i in self.edges}
        self.adj: dict[str, set[int]] = {}
        for i, (u, v, _) in self.edges.items():
            self.adj.setdefault(u, set()).add(i)
            self.adj.setdefault(v, set()).add(i)
        self.ends = (s, t)

    def oriented(self, i: int, start: str) -> tuple[str, Block]:
        """Block of edge i traversed from `start`; returns (other end, block)."""
        u, v, b = self.edges[i]
        return (v, b) if u == start else (u, reverse(b))

    def _remove(self, i: int) -> None:
        u, v, _ = self.edges.pop(i)
        self.adj[u].discard(i)
        self.adj[v].discard(i)

    def add(self, i: int, u: str, v: str, block: Block, remove: list[int], size: int) -> None:
        for r in remove:
            self._remove(r)
        self.edges[i] = (u, v, block)
        self.size[i] = size
        self.adj[u].add(i)
        self.adj[v].add(i)

    def merge_parallel(self) -> bool:
        groups: dict[frozenset[str], list[int]] = {}
        for i, (u, v, _) in self.edges.items():
            if u != v:
                groups.setdefault(frozenset((u, v)), []).append(i)
        merged = False
        for ids in groups.values():
            if len(ids) > 1:
                ids.sort()
                u, v, _ = self.edges[ids[0]]
                block = parallel(*(self.oriented(i, u)[1] for i in ids))
                self.add(ids[0], u, v, block, ids, sum(self.size[i] for i in ids))
                merged = True
        return merged

    def merge_series(self) -> bool:
        merged = False
        for x in list(self.adj):
            ids = sorted(self.adj[x])
            if x in self.ends or len(ids) != 2:
                continue
            (u1, v1, b1), (u2, v2, b2) = self.edges[ids[0]], self.edges[ids[1]]
            if u1 == v1 or u2 == v2:
                continue
            a, c = (u1 if v1 == x else v1), (v2 if u2 == x else u2)
            flip1, flip2 = v1 != x, u2 != x  # reversals needed for the order a → x → c
            n1, n2 = self.size[ids[0]], self.size[ids[1]]
            if n1 * (not flip1) + n2 * (not flip2) < n1 * flip1 + n2 * flip2:
                # cheaper to store the merged edge c → x → a (reverse only the small block)
                block = series(b2 if flip2 else reverse(b2), b1 if flip1 else reverse(b1))
                a, c = c, a
            else:
                block = series(reverse(b1) if flip1 else b1, reverse(b2) if flip2 else b2)
            self.add(min(ids), a, c, block, ids, n1 + n2)
            merged = True
        return merged

    def _loop(self, i: int) -> bool:
        return self.edges[i][0] == self.edges[i][1]

    def merge_bridge(self) -> bool:
        for c in list(self.adj):
            if c in self.adj and self._bridge_at(c):
                return True
        return False

    def _bridge_at(self, c: str) -> bool:
        ids = sorted(self.adj[c])
        if c in self.ends or len(ids) != 3 or any(self._loop(i) for i in ids):
            return False
        nbr = {self.oriented(i, c)[0]: i for i in ids}
        for d in nbr:
            dn_ids = sorted(self.adj.get(d, ()))
            if d == c or d in self.ends or len(dn_ids) != 3 or any(self._loop(i) for i in dn_ids):
                continue
            dn = {self.oriented(i, d)[0]: i for i in dn_ids}
            others = set(nbr) - {d}
            if len(nbr) != 3 or set(dn) != others | {c} or len(others) != 2:
                continue
            p, q = sorted(others, key=lambda n: min(nbr[n], dn[n]))
            e1 = self.oriented(nbr[p], c)[1]
            e2 = self.oriented(nbr[q], c)[1]
            e3 = self.oriented(dn[p], d)[1]
            e4 = self.oriented(dn[q], d)[1]
            e5 = self.oriented(nbr[d], d)[1]
            block = BridgeBlock(reverse(e1), e2, reverse(e3), e4, e5)
            gone = sorted(set(ids + dn_ids))
            self.add(gone[0], p, q, block, gone, sum(self.size[i] for i in gone))
            return True
        return False

    def run(self) -> Block | None:
        while self.merge_parallel() | self.merge_series() or self.merge_bridge():
            pass
        if len(self.edges) != 1:
            return None
        (u, v, b), = self.edges.values()
        s, t = self.ends
        if {u, v} != {s, t}:
            return None
        return b if u == s else reverse(b)


def decompose(edges: list[tuple[str, str, Block]], s: str, t: str) -> Block | None:
    """Reduce edges (u, v, block oriented u→v) between s and t to one block, or None."""
    if not edges or s == t:
        return None
    return _Reducer(edges, s, t).run()
