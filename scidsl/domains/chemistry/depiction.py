"""2-D depiction of a checked molecule: RDKit coordinates, our own bond and label geometry."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from math import cos, hypot, radians, sin
from typing import Any

from .elements import valence_electrons
from .labels import (
    Box,
    LabelPiece,
    _angle_gap,
    build_label,
    charge_options,
    direction_deg,
    free_side,
    pad_box,
    polar,
    segment_box_interval,
    side_order,
)

MODES = ("skeletal", "condensed", "full", "lewis")
RDKIT_BOND = 1.5  # RDKit's depiction bond length (Å-like units)
# bond length in cm per mode: longer where every atom carries a label
DEFAULT_BOND: dict[str, float] = {"skeletal": 0.85, "condensed": 1.25, "full": 1.1, "lewis": 1.25}
Point = tuple[float, float]
# lone atoms written hydrogen first, as in H2O, H2S, HCl (but NH3, CH4, PH3)
HYDRIDES_H_FIRST = frozenset({"O", "S", "Se", "Te", "F", "Cl", "Br", "I"})


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
        return (min(xs), min(ys), max(xs), max(ys))

    def translated(self, dx: float, dy: float) -> MoleculeGeometry:
        """Return a copy moved by (dx, dy)."""
        return _translate(self, dx, dy)


@dataclass(frozen=True)
class DepictOptions:
    """How to depict: mode, bond length (cm), font size (pt)."""

    mode: str = "skeletal"
    bond_length: float = 0.0  # 0: chosen by mode
    font_size: float = 11.0
    explicit_carbons: bool = False


def prepare(mol: Any, mode: str) -> tuple[Any, list[int | None]]:
    """Return the molecule to draw (hydrogens added for full/lewis) and source index per atom."""
    from rdkit import Chem

    n = mol.GetNumAtoms()
    if mode in ("full", "lewis"):
        m = Chem.AddHs(mol)
    else:
        m = Chem.Mol(mol)
    for a in m.GetAtoms():
        a.SetIntProp("_src", a.GetIdx() if a.GetIdx() < n else -1)
    Chem.Kekulize(m, clearAromaticFlags=True)
    src = [a.GetIntProp("_src") for a in m.GetAtoms()]
    return m, [s if s >= 0 else None for s in src]


def compute_coords(mol: Any, fixed_stereo: dict[int, str] | None = None) -> list[Point]:
    """Compute 2-D coordinates with rdDepictor and assign wedges from chirality."""
    from rdkit import Chem
    from rdkit.Chem import rdDepictor

    rdDepictor.SetPreferCoordGen(True)
    rdDepictor.Compute2DCoords(mol)
    if _bond_spread(mol) > 2.2:  # CoordGen squeezed some bonds: RDKit's own depictor instead
        rdDepictor.SetPreferCoordGen(False)
        rdDepictor.Compute2DCoords(mol)
        rdDepictor.SetPreferCoordGen(True)
    if not fixed_stereo:
        Chem.WedgeMolBonds(mol, mol.GetConformer())
    conf = mol.GetConformer()
    pts = [(conf.GetAtomPosition(i).x, conf.GetAtomPosition(i).y) for i in range(mol.GetNumAtoms())]
    return _pack_fragments(mol, pts)


FRAGMENT_GAP = 2.4  # RDKit units between disconnected parts (ions of a salt), room for labels


def _pack_fragments(mol: Any, pts: list[Point]) -> list[Point]:
    """Orient each disconnected part on its own and set the parts side by side, left to right."""
    from rdkit import Chem

    frags = Chem.GetMolFrags(mol, asMols=False, sanitizeFrags=False)
    if len(frags) == 1:
        return _orient(pts)
    out: list[Point] = [(0.0, 0.0)] * len(pts)
    x = 0.0
    for frag in frags:
        local = _orient([pts[i] for i in frag])
        lo = min(p[0] for p in local)
        hi = max(p[0] for p in local)
        for i, (px, py) in zip(frag, local):
            out[i] = (px - lo + x, py)
        x += hi - lo + FRAGMENT_GAP
    shift = (x - FRAGMENT_GAP) / 2
    return [(px - shift, py) for px, py in out]


def _bond_spread(mol: Any) -> float:
    """Longest over shortest bond in the current 2-D coordinates."""
    conf = mol.GetConformer()
    lengths = [(conf.GetAtomPosition(b.GetBeginAtomIdx()) - conf.GetAtomPosition(
        b.GetEndAtomIdx())).Length() for b in mol.GetBonds()]
    return max(lengths) / max(min(lengths), 1e-9) if lengths else 1.0


def _orient(pts: list[Point]) -> list[Point]:
    """Centre the atoms and turn the long axis horizontal (a rotation keeps chirality)."""
    import numpy as np

    arr = np.array(pts, dtype=float).reshape(-1, 2)
    arr -= arr.mean(axis=0)
    if len(arr) > 2:
        _, vecs = np.linalg.eigh(arr.T @ arr)
        major = vecs[:, -1]
        ang = np.arctan2(major[1], major[0])
        # snap to 30° steps so chains come out as the usual flat zigzag
        ang = np.round(ang / (np.pi / 6)) * (np.pi / 6)
        c, s = np.cos(-ang), np.sin(-ang)
        arr = arr @ np.array([[c, s], [-s, c]])
    return [(float(x), float(y)) for x, y in arr]


def depict(mol: Any, options: DepictOptions = DepictOptions(),
           fixed_stereo: dict[int, str] | None = None) -> MoleculeGeometry:
    """Return the drawing geometry of a sanitised RDKit molecule."""
    from rdkit import rdBase

    if options.bond_length <= 0:
        options = replace(options, bond_length=DEFAULT_BOND[options.mode])
    with rdBase.BlockLogs():  # RDKit writes warnings to stderr; nothing here may reach the user raw
        m, src = prepare(mol, options.mode)
        coords = compute_coords(m, fixed_stereo)
    scale = options.bond_length / RDKIT_BOND
    pos = [(x * scale, y * scale) for x, y in coords]
    atoms = [_atom_glyph(m, i, pos, src[i], options) for i in range(m.GetNumAtoms())]
    _resolve_hydrogen_clashes(m, atoms, pos, options)
    bonds = [_bond_glyph(m, b, pos, atoms, options, fixed_stereo or {}) for b in m.GetBonds()]
    _place_charges(m, atoms, bonds, pos, options)
    if options.mode == "lewis":
        for a in atoms:
            _place_lone_pairs(m, a, pos, atoms, bonds)
    geo = MoleculeGeometry(atoms, bonds, options.bond_length, options.mode)
    return geo


def _neighbour_angles(m: Any, i: int, pos: list[Point]) -> list[float]:
    return [direction_deg(pos[i], pos[n.GetIdx()]) for n in m.GetAtomWithIdx(i).GetNeighbors()]


def _is_shown(atom: Any, mode: str, explicit_carbons: bool) -> bool:
    if atom.GetSymbol() != "C" or mode != "skeletal" or explicit_carbons:
        return True
    if atom.GetOwningMol().GetNumHeavyAtoms() <= 2:  # a bare line or "=" would say nothing
        return True
    return bool(atom.GetFormalCharge() or atom.GetIsotope() or atom.GetNumRadicalElectrons()
                or atom.GetDegree() == 0)


def _atom_glyph(m: Any, i: int, pos: list[Point], src: int | None,
                options: DepictOptions) -> AtomGlyph:
    atom = m.GetAtomWithIdx(i)
    shown = _is_shown(atom, options.mode, options.explicit_carbons)
    angles = _neighbour_angles(m, i, pos)
    hs = atom.GetTotalNumHs() if options.mode in ("skeletal", "condensed") else 0
    side = "left" if not angles and atom.GetSymbol() in HYDRIDES_H_FIRST else free_side(angles)
    g = AtomGlyph(i, atom.GetSymbol(), pos[i], shown, hs, side,
                  atom.GetFormalCharge(), atom.GetIsotope(), atom.GetNumRadicalElectrons(),
                  source_index=src)
    if shown:  # the charge comes later, once every label and bond is known
        g.pieces = build_label(pos[i], g.symbol, hs, g.side, 0, g.isotope,
                               options.font_size, tuple(angles))
    if g.radicals:
        g.radical_dots = _radical_dots(g, angles)
    return g


def _resolve_hydrogen_clashes(m: Any, atoms: list[AtomGlyph], pos: list[Point],
                              options: DepictOptions) -> None:
    """Move an atom's hydrogens to another side when they hit a neighbour's label or a bond."""
    for g in atoms:
        if not g.shown or not g.hydrogens or not _label_clashes(m, g, atoms, pos):
            continue
        angles = _neighbour_angles(m, g.index, pos)
        for side in side_order(angles)[1:]:
            trial = build_label(g.pos, g.symbol, g.hydrogens, side, 0, g.isotope,
                                options.font_size, tuple(angles))
            old = (g.side, g.pieces)
            g.side, g.pieces = side, trial
            if not _label_clashes(m, g, atoms, pos):
                break
            g.side, g.pieces = old
        if g.radicals:
            g.radical_dots = _radical_dots(g, angles)


def _label_clashes(m: Any, g: AtomGlyph, atoms: list[AtomGlyph], pos: list[Point]) -> bool:
    hbox = [p.box for p in g.pieces if p.role == "hydrogens"]
    if not hbox:
        return False
    box = pad_box(hbox[0], 0.03)
    if any(_boxes_meet(box, b) for a in atoms if a.index != g.index for b in a.boxes):
        return True
    for b in m.GetBonds():
        i, j = b.GetBeginAtomIdx(), b.GetEndAtomIdx()
        if segment_box_interval(pos[i], pos[j], box):
            return True
    return False


def _place_charges(m: Any, atoms: list[AtomGlyph], bonds: list[BondGlyph], pos: list[Point],
                   options: DepictOptions) -> None:
    """Give each charged atom its superscript where it touches no other label or bond."""
    for g in atoms:
        if not g.charge or not g.shown:
            continue
        angles = tuple(_neighbour_angles(m, g.index, pos))
        options_ = charge_options(g.charge, g.pos, g.pieces, 0.7 * options.font_size, angles,
                                  g.side)
        free = next((o for o in options_ if not _blocked(o.box, g.index, atoms, bonds)), None)
        g.pieces.append(free or options_[0])


def _blocked(box: Box, own: int, atoms: list[AtomGlyph], bonds: list[BondGlyph]) -> bool:
    padded = pad_box(box, 0.03)
    for a in atoms:
        if a.index != own and any(_boxes_meet(padded, b) for b in a.boxes):
            return True
    for b in bonds:
        segs = b.lines + ([(b.polygon[i], b.polygon[(i + 1) % len(b.polygon)])
                           for i in range(len(b.polygon))] if b.polygon else [])
        if any(segment_box_interval(p, q, padded) for p, q in segs):
            return True
    return False


def _boxes_meet(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _radical_dots(g: AtomGlyph, angles: list[float]) -> list[Point]:
    ang = _free_angle(angles + _label_angles(g), 90.0)
    r = _clear_radius(g, ang) + 0.08
    c = polar(g.pos, ang, r)
    perp = ang + 90.0
    if g.radicals == 1:
        return [c]
    return [polar(c, perp, 0.05), polar(c, perp, -0.05)]


def _label_angles(g: AtomGlyph) -> list[float]:
    return {"right": [0.0], "left": [180.0], "up": [90.0], "down": [270.0]}[g.side] \
        if g.hydrogens else []


def _free_angle(taken: list[float], prefer: float) -> float:
    """Return the direction farthest from every taken direction (ties go to ``prefer``)."""
    if not taken:
        return prefer
    cands = [prefer + k * 15.0 for k in range(24)]
    return max(cands, key=lambda c: (round(min(_angle_gap(c, t) for t in taken), 3),
                                     -_angle_gap(c, prefer)))


def _clear_radius(g: AtomGlyph, ang: float) -> float:
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


def _shorten(p: Point, q: Point, ga: AtomGlyph, gb: AtomGlyph, pad: float) -> tuple[Point, Point]:
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


def _bond_glyph(m: Any, b: Any, pos: list[Point], atoms: list[AtomGlyph], options: DepictOptions,
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
        g.lines = [_shorten(pos[i], pos[j], ga, gb, pad)]
    elif order == 3:
        g.lines = [_shorten(*_offset(pos[i], pos[j], d), ga, gb, pad) for d in (-sep, 0.0, sep)]
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
        return [_shorten(*_offset(p, q, d), ga, gb, pad) for d in (-sep / 2, sep / 2)]
    main = _shorten(p, q, ga, gb, pad)
    inner = _offset(p, q, side * sep, trim=0.12)
    a2, b2 = _shorten(inner[0], inner[1], ga, gb, pad)
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
    a, b = _shorten(p, q, ga, gb, pad)
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


def lone_pair_count(m: Any, i: int) -> int:
    """Return the lone pairs of atom ``i`` (all hydrogens explicit): (valence e − bonds − charge)/2."""
    atom = m.GetAtomWithIdx(i)
    if atom.GetSymbol() == "H":
        return 0
    bonding = sum(int(b.GetBondTypeAsDouble()) for b in atom.GetBonds()) + atom.GetTotalNumHs()
    free = valence_electrons(atom.GetSymbol()) - bonding - atom.GetFormalCharge() \
        - atom.GetNumRadicalElectrons()
    return max(0, free // 2)


DOT_R = 0.022  # lone-pair and radical dot radius, cm


def _place_lone_pairs(m: Any, g: AtomGlyph, pos: list[Point], atoms: list[AtomGlyph],
                      bonds: list[BondGlyph]) -> None:
    """Put each lone pair in the widest free direction, clear of every label and bond."""
    taken = _neighbour_angles(m, g.index, pos) + _label_angles(g)
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
    r = _clear_radius(g, ang) + 0.05
    for _ in range(30):
        c = polar(g.pos, ang, r)
        pair = (polar(c, ang + 90.0, 0.05), polar(c, ang - 90.0, 0.05))
        if not any(_boxes_meet(_dot_box(p, 0.02), b) for p in pair for b in g.boxes):
            return pair
        r += 0.02
    return pair


def _dots_blocked(pair: tuple[Point, Point], g: AtomGlyph, atoms: list[AtomGlyph],
                  bonds: list[BondGlyph]) -> bool:
    boxes = [_dot_box(p, 0.03) for p in pair]
    for a in atoms:
        if a.index != g.index and any(_boxes_meet(d, b) for d in boxes for b in a.boxes):
            return True
    for b in bonds:
        if any(segment_box_interval(p, q, d) for p, q in b.lines for d in boxes):
            return True
    for a in atoms:
        if a.index != g.index and any(_boxes_meet(d, _dot_box(p, 0.0)) for d in boxes
                                      for lp in a.lone_pairs for p in lp):
            return True
    return False


def _translate(geo: MoleculeGeometry, dx: float, dy: float) -> MoleculeGeometry:
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


def unit(angle: float) -> Point:
    """Return the unit vector at ``angle`` degrees."""
    return cos(radians(angle)), sin(radians(angle))


def sin_deg(angle: float) -> float:
    """Sine of an angle in degrees."""
    return sin(radians(angle))
