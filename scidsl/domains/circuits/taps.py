"""Folding the two halves of a three-terminal part back into one drawable block."""
from __future__ import annotations

from . import decompose as dc

TAP_TERMINAL = {"potentiometer": "wiper", "rheostat": "wiper", "two_way_switch": "common"}


def _half(block: dc.Block, edges: dict[str, dict]) -> tuple[str, str, str] | None:
    """(part, entry terminal, exit terminal) when block is one half of a three-terminal part."""
    if not isinstance(block, dc.Leaf) or block.key == block.part:
        return None
    ta, tb = edges[block.key]["ends"]
    return (block.part, ta, tb) if block.forward else (block.part, tb, ta)


def _tap_of(part: str, edges: dict[str, dict]) -> str:
    return TAP_TERMINAL[next(d["kind"] for d in edges.values() if d["part"] == part)]


def _match_end(first: dc.Block, second: dc.Block, edges: dict[str, dict]) -> dc.Block | None:
    """[half END1→tap, parallel(..., half tap→END2, ...)] → TapBlock, tap on the out side."""
    h = _half(first, edges)
    if h is None or not isinstance(second, dc.ParallelBlock) or h[2] != _tap_of(h[0], edges):
        return None
    for i, branch in enumerate(second.branches):
        g = _half(branch, edges)
        if g and g[0] == h[0] and g[1] == h[2]:
            rest = second.branches[:i] + second.branches[i + 1:]
            keys = (first.key, branch.key)  # type: ignore[union-attr]
            return dc.TapBlock(h[0], keys, h[1], g[2], dc.parallel(*rest), True)
    return None


def _match(first: dc.Block, second: dc.Block, edges: dict[str, dict]) -> dc.Block | None:
    found = _match_end(first, second, edges)
    if found is None:
        mirrored = _match_end(dc.reverse(second), dc.reverse(first), edges)
        found = dc.reverse(mirrored) if mirrored is not None else None
    return found


def fold_taps(block: dc.Block, edges: dict[str, dict]) -> dc.Block:
    """Replace each adjacent pair of halves (in a series) by one TapBlock, recursively."""
    if isinstance(block, dc.ParallelBlock):
        return dc.ParallelBlock(tuple(fold_taps(b, edges) for b in block.branches))
    if isinstance(block, dc.BridgeBlock):
        e = [fold_taps(b, edges) for b in (block.e1, block.e2, block.e3, block.e4, block.e5)]
        return dc.BridgeBlock(*e)
    if not isinstance(block, dc.SeriesBlock):
        return block
    items = [fold_taps(b, edges) for b in block.items]
    out: list[dc.Block] = []
    i = 0
    while i < len(items):
        found = _match(items[i], items[i + 1], edges) if i + 1 < len(items) else None
        out.append(found if found is not None else items[i])
        i += 2 if found is not None else 1
    return dc.series(*out)


def unfolded_parts(block: dc.Block) -> set[str]:
    """Three-terminal parts whose halves are still apart (no single drawing exists for them)."""
    halves: dict[str, int] = {}
    for leaf in dc.leaves(block):
        if leaf.key != leaf.part:
            halves[leaf.part] = halves.get(leaf.part, 0) + 1
    return {p for p, n in halves.items() if n > 1}
