"""Drawn-molecule geometry: atoms, bonds, options, and small geometric helpers."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .labels import (
    Box,
    LabelPiece,
    _angle_gap,
    direction_deg,
    polar,
    segment_box_interval,
)

MODES = ("skeletal", "condensed", "full", "lewis", "connectivity")


RDKIT_BOND = 1.5  # RDKit's depiction bond length (Å-like units)
# bond length in cm per mode: longer where every atom carries a label
DEFAULT_BOND: dict[str, float] = {"skeletal": 0.85, "condensed": 1.25, "full": 1.1, "lewis": 1.25,
                                  "connectivity": 1.1}
Point = tuple[float, float]


@dataclass
class AtomGlyph:
    """An atom as drawn: position, whether its label shows, label pieces and lone pairs."""

    index: int
    symbol: str
    pos: Point
    shown: bool
    hydrogens: int = 0
    side: str = "right"
    charge: int = 0
    isotope: int = 0
    radicals: int = 0
    pieces: list[LabelPiece] = field(default_factory=list)
    lone_pairs: list[tuple[Point, Point]] = field(default_factory=list)
    radical_dots: list[Point] = field(default_factory=list)
    source_index: int | None = None  # index in the loaded molecule (None for added hydrogens)

    @property
    def boxes(self) -> list[Box]:
        """Label boxes of this atom in cm."""
        return [p.box for p in self.pieces]


@dataclass
class BondGlyph:
    """A bond as drawn: its line segments, or a wedge polygon, or hash strokes."""

    index: int
    begin: int
    end: int
    order: int
    style: str  # plain | wedge | hash
    lines: list[tuple[Point, Point]] = field(default_factory=list)
    polygon: list[Point] = field(default_factory=list)


@dataclass
class MoleculeGeometry:
    """The whole drawing of one molecule in cm (origin at the centre of the atoms)."""

    atoms: list[AtomGlyph]
    bonds: list[BondGlyph]
    bond_length: float
    mode: str

    def bbox(self) -> Box:
        """Return the bounding box of atoms, labels and bonds."""
        xs, ys = [], []
        for a in self.atoms:
            xs.append(a.pos[0])
            ys.append(a.pos[1])
            for b in a.boxes:
                xs += [b[0], b[2]]
                ys += [b[1], b[3]]
            for p in [q for pair in a.lone_pairs for q in pair] + list(a.radical_dots):
                xs += [p[0] - 0.03, p[0] + 0.03]  # dots of a Lewis structure belong to its extent
                ys += [p[1] - 0.03, p[1] + 0.03]
        return (min(xs), min(ys), max(xs), max(ys))

    def translated(self, dx: float, dy: float) -> MoleculeGeometry:
        """Return a copy moved by (dx, dy)."""
        return translate_geometry(self, dx, dy)


@dataclass(frozen=True)
class DepictOptions:
    """How to depict: mode, bond length (cm), font size (pt)."""

    mode: str = "skeletal"
    bond_length: float = 0.0  # 0: chosen by mode
    font_size: float = 11.0
    explicit_carbons: bool = False


def neighbour_angles(m: Any, i: int, pos: list[Point]) -> list[float]:
    return [direction_deg(pos[i], pos[n.GetIdx()]) for n in m.GetAtomWithIdx(i).GetNeighbors()]


def boxes_meet(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_angles(g: AtomGlyph) -> list[float]:
    return {"right": [0.0], "left": [180.0], "up": [90.0], "down": [270.0]}[g.side] \
        if g.hydrogens else []


def free_angle(taken: list[float], prefer: float) -> float:
    """Return the direction farthest from every taken direction (ties go to ``prefer``)."""
    if not taken:
        return prefer
    cands = [prefer + k * 15.0 for k in range(24)]
    return max(cands, key=lambda c: (round(min(_angle_gap(c, t) for t in taken), 3),
                                     -_angle_gap(c, prefer)))


def clear_radius(g: AtomGlyph, ang: float) -> float:
    """Distance from the atom centre to the edge of its label boxes in direction ``ang``."""
    if not g.pieces:
        return 0.05
    far = polar(g.pos, ang, 2.0)
    best = 0.0
    for box in g.boxes:
        iv = segment_box_interval(g.pos, far, box)
        if iv and iv[0] <= 1e-9 + best / 2.0:
            best = max(best, iv[1] * 2.0)
    return best


def translate_geometry(geo: MoleculeGeometry, dx: float, dy: float) -> MoleculeGeometry:
    mv = lambda p: (p[0] + dx, p[1] + dy)
    atoms = []
    for a in geo.atoms:
        pieces = [LabelPiece(pc.text, mv(pc.pos), pc.size, pc.ha,
                             (pc.box[0] + dx, pc.box[1] + dy, pc.box[2] + dx, pc.box[3] + dy),
                             pc.role) for pc in a.pieces]
        atoms.append(AtomGlyph(a.index, a.symbol, mv(a.pos), a.shown, a.hydrogens, a.side,
                               a.charge, a.isotope, a.radicals, pieces,
                               [(mv(p), mv(q)) for p, q in a.lone_pairs],
                               [mv(p) for p in a.radical_dots], a.source_index))
    bonds = [BondGlyph(b.index, b.begin, b.end, b.order, b.style,
                       [(mv(p), mv(q)) for p, q in b.lines], [mv(p) for p in b.polygon])
             for b in geo.bonds]
    return MoleculeGeometry(atoms, bonds, geo.bond_length, geo.mode)


def label_collisions(geo: MoleculeGeometry) -> list[tuple[int, int]]:
    """Return (atom, bond) pairs where a bond line crosses a label it does not belong to."""
    hits = []
    for a in geo.atoms:
        for b in geo.bonds:
            segs = b.lines + ([(b.polygon[0], b.polygon[1])] if b.polygon else [])
            if a.index in (b.begin, b.end):
                # own bonds: only the part beyond the clipping may not re-enter the label
                continue
            if any(segment_box_interval(p, q, box) for p, q in segs for box in a.boxes):
                hits.append((a.index, b.index))
    return hits
