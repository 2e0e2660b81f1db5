"""Lone pairs for Lewis structures: how many, and where around the atom label."""
from __future__ import annotations

from typing import Any

from .elements import valence_electrons
from .glyphs import (
    AtomGlyph,
    BondGlyph,
    Point,
    boxes_meet,
    clear_radius,
    label_angles,
    neighbour_angles,
)
from .labels import (
    Box,
    direction_deg,
    polar,
    segment_box_interval,
)


def lone_pair_count(m: Any, i: int) -> int:
    """Return the lone pairs of atom ``i`` (all hydrogens explicit): (valence e − bonds − charge)/2."""
    atom = m.GetAtomWithIdx(i)
    if atom.GetSymbol() == "H":
        return 0
    bonding = sum(int(b.GetBondTypeAsDouble()) for b in atom.GetBonds()) + atom.GetTotalNumHs()
    free = valence_electrons(atom.GetSymbol()) - bonding - atom.GetFormalCharge() \
        - atom.GetNumRadicalElectrons()
    return max(0, free // 2)


DOT_R = 0.028  # lone-pair and radical dot radius, cm
PAIR_HALF_CM = 0.065  # half the spacing of a pair's two dots
LABEL_CLEAR_CM = 0.05  # free space between a dot and the atom's letters


def place_lone_pairs(m: Any, g: AtomGlyph, pos: list[Point], atoms: list[AtomGlyph],
                      bonds: list[BondGlyph]) -> None:
    """Put each lone pair in the widest free direction, clear of every label and bond."""
    taken = neighbour_angles(m, g.index, pos) + label_angles(g)
    taken += [90.0] if g.radicals else []
    if g.charge:
        taken += [direction_deg(g.pos, _centre(p.box)) for p in g.pieces if p.role == "charge"]
    for ideal in spread_in_gaps(taken, min(4, lone_pair_count(m, g.index))):
        tries = [ideal + d for d in (0.0, 15.0, -15.0, 30.0, -30.0, 45.0, -45.0)]
        pairs = [_pair_at(g, ang) for ang in tries]
        g.lone_pairs.append(next((p for p in pairs if not _dots_blocked(p, g, atoms, bonds)),
                                 pairs[0]))


def spread_in_gaps(taken: list[float], n: int) -> list[float]:
    """Directions for ``n`` items shared out over the angular gaps between ``taken`` directions."""
    if n <= 0:
        return []
    if not taken:
        return [90.0 + k * 360.0 / n for k in range(n)]
    angles = sorted(a % 360.0 for a in taken)
    gaps = [(a, ((angles[(i + 1) % len(angles)] - a) % 360.0) or 360.0)
            for i, a in enumerate(angles)]
    counts = [0] * len(gaps)
    for _ in range(n):  # each item goes where it leaves the widest spacing
        best = max(range(len(gaps)), key=lambda i: gaps[i][1] / (counts[i] + 2))
        counts[best] += 1
    return [start + size * (j + 1) / (k + 1) for (start, size), k in zip(gaps, counts)
            for j in range(k)]


def _centre(box: Box) -> Point:
    return ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def _dot_box(p: Point, pad: float) -> Box:
    return (p[0] - DOT_R - pad, p[1] - DOT_R - pad, p[0] + DOT_R + pad, p[1] + DOT_R + pad)


def _pair_at(g: AtomGlyph, ang: float) -> tuple[Point, Point]:
    """Two dots across direction ``ang``, pushed out until neither touches the atom's label."""
    r = clear_radius(g, ang) + 0.05
    for _ in range(30):
        c = polar(g.pos, ang, r)
        pair = (polar(c, ang + 90.0, PAIR_HALF_CM), polar(c, ang - 90.0, PAIR_HALF_CM))
        if not any(boxes_meet(_dot_box(p, LABEL_CLEAR_CM), b) for p in pair for b in g.boxes):
            return pair
        r += 0.02
    return pair


def _dots_blocked(pair: tuple[Point, Point], g: AtomGlyph, atoms: list[AtomGlyph],
                  bonds: list[BondGlyph]) -> bool:
    boxes = [_dot_box(p, 0.03) for p in pair]
    for a in atoms:
        if a.index != g.index and any(boxes_meet(d, b) for d in boxes for b in a.boxes):
            return True
    for b in bonds:
        if any(segment_box_interval(p, q, d) for p, q in b.lines for d in boxes):
            return True
    for a in atoms:
        if a.index != g.index and any(boxes_meet(d, _dot_box(p, 0.0)) for d in boxes
                                      for lp in a.lone_pairs for p in lp):
            return True
    return False
