"""Bond geometry: lines clipped at labels, double bonds into rings, triple bonds, wedges and hashes."""
from __future__ import annotations

from math import hypot
from typing import Any

from .glyphs import AtomGlyph, BondGlyph, DepictOptions, Point
from .labels import (
    pad_box,
    segment_box_interval,
)


def shorten(p: Point, q: Point, ga: AtomGlyph, gb: AtomGlyph, pad: float) -> tuple[Point, Point]:
    """Clip segment p→q where it enters the label boxes of its end atoms."""
    t0, t1 = 0.0, 1.0
    for box in ga.boxes:
        iv = segment_box_interval(p, q, pad_box(box, pad))
        if iv and iv[0] < 0.5:
            t0 = max(t0, iv[1])
    for box in gb.boxes:
        iv = segment_box_interval(p, q, pad_box(box, pad))
        if iv and iv[1] > 0.5:
            t1 = min(t1, iv[0])
    t1 = max(t1, t0)
    lerp = lambda t: (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)
    return lerp(t0), lerp(t1)


def _offset(p: Point, q: Point, d: float, trim: float = 0.0) -> tuple[Point, Point]:
    dx, dy = q[0] - p[0], q[1] - p[1]
    L = hypot(dx, dy) or 1.0
    nx, ny = -dy / L * d, dx / L * d
    tx, ty = dx * trim, dy * trim
    return (p[0] + nx + tx, p[1] + ny + ty), (q[0] + nx - tx, q[1] + ny - ty)


def bond_glyph(m: Any, b: Any, pos: list[Point], atoms: list[AtomGlyph], options: DepictOptions,
                fixed: dict[int, str]) -> BondGlyph:
    i, j = b.GetBeginAtomIdx(), b.GetEndAtomIdx()
    order = {1.0: 1, 2.0: 2, 3.0: 3}.get(b.GetBondTypeAsDouble(), 1)
    style = _stereo_style(b, fixed)
    g = BondGlyph(b.GetIdx(), i, j, order, style)
    ga, gb = atoms[i], atoms[j]
    sep = min(0.16 * options.bond_length, 0.15)
    pad = 0.035
    if style != "plain":  # the wide end is broad: keep it farther from a label
        g.polygon, g.lines = _stereo_shape(pos[i], pos[j], ga, gb, style, options.bond_length,
                                           0.1)
    elif order == 1:
        g.lines = [shorten(pos[i], pos[j], ga, gb, pad)]
    elif order == 3:
        g.lines = [shorten(*_offset(pos[i], pos[j], d), ga, gb, pad) for d in (-sep, 0.0, sep)]
    else:
        g.lines = _double_lines(m, b, pos, ga, gb, sep, pad)
    return g


def _stereo_style(b: Any, fixed: dict[int, str]) -> str:
    from rdkit import Chem

    if b.GetIdx() in fixed:
        return fixed[b.GetIdx()]
    d = b.GetBondDir()
    return "wedge" if d == Chem.BondDir.BEGINWEDGE else "hash" if d == Chem.BondDir.BEGINDASH \
        else "plain"


def _side_of(p: Point, q: Point, r: Point) -> float:
    return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])


def _double_lines(m: Any, b: Any, pos: list[Point], ga: AtomGlyph, gb: AtomGlyph, sep: float,
                  pad: float) -> list[tuple[Point, Point]]:
    """Ring double bonds: second line inside the ring; chain: toward the substituents or centred."""
    i, j = b.GetBeginAtomIdx(), b.GetEndAtomIdx()
    p, q = pos[i], pos[j]
    side = _inner_side(m, b, pos)
    if side == 0 or ga.shown and gb.shown and not m.GetRingInfo().NumBondRings(b.GetIdx()):
        return [shorten(*_offset(p, q, d), ga, gb, pad) for d in (-sep / 2, sep / 2)]
    main = shorten(p, q, ga, gb, pad)
    inner = _offset(p, q, side * sep, trim=0.12)
    a2, b2 = shorten(inner[0], inner[1], ga, gb, pad)
    return [main, (a2, b2)]


def _inner_side(m: Any, b: Any, pos: list[Point]) -> int:
    """+1/-1: side (left/right of begin→end) where the second line goes; 0: centre the pair."""
    i, j = b.GetBeginAtomIdx(), b.GetEndAtomIdx()
    p, q = pos[i], pos[j]
    rings = [r for r in m.GetRingInfo().BondRings() if b.GetIdx() in r]
    if rings:
        ring = min(rings, key=len)
        atoms = {m.GetBondWithIdx(k).GetBeginAtomIdx() for k in ring}
        cx = sum(pos[k][0] for k in atoms) / len(atoms)
        cy = sum(pos[k][1] for k in atoms) / len(atoms)
        return 1 if _side_of(p, q, (cx, cy)) > 0 else -1
    others = [n.GetIdx() for k in (i, j) for n in m.GetAtomWithIdx(k).GetNeighbors()
              if n.GetIdx() not in (i, j)]
    if m.GetAtomWithIdx(i).GetDegree() == 1 or m.GetAtomWithIdx(j).GetDegree() == 1:
        return 0
    score = sum(1 if _side_of(p, q, pos[k]) > 0 else -1 for k in others)
    return 0 if score == 0 else (1 if score > 0 else -1)


def _stereo_shape(p: Point, q: Point, ga: AtomGlyph, gb: AtomGlyph, style: str, length: float,
                  pad: float) -> tuple[list[Point], list[tuple[Point, Point]]]:
    a, b = shorten(p, q, ga, gb, pad)
    half = min(0.09 * length, 0.09)  # wedge width stays that of print, however long the bond
    dx, dy = b[0] - a[0], b[1] - a[1]
    L = hypot(dx, dy) or 1.0
    nx, ny = -dy / L, dx / L
    if style == "wedge":
        return [a, (b[0] + nx * half, b[1] + ny * half), (b[0] - nx * half, b[1] - ny * half)], []
    n = max(4, int(L / 0.09))
    lines = []
    for k in range(1, n + 1):
        t = k / n
        c = (a[0] + dx * t, a[1] + dy * t)
        w = half * t
        lines.append(((c[0] + nx * w, c[1] + ny * w), (c[0] - nx * w, c[1] - ny * w)))
    return [], lines
