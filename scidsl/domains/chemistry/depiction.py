"""2-D depiction of a checked molecule: RDKit coordinates, our own bond and label geometry."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from .bonds import bond_glyph
from .glyphs import (
    DEFAULT_BOND,
    MODES,
    RDKIT_BOND,
    AtomGlyph,
    BondGlyph,
    DepictOptions,
    MoleculeGeometry,
    Point,
    boxes_meet,
    clear_radius,
    free_angle,
    label_angles,
    label_collisions,
    neighbour_angles,
    translate_geometry,
)
from .labels import (
    Box,
    build_label,
    charge_options,
    free_side,
    pad_box,
    polar,
    segment_box_interval,
    side_order,
)
from .lewis import DOT_R, lone_pair_count, place_lone_pairs, spread_in_gaps

__all__ = ["DEFAULT_BOND", "DOT_R", "MODES", "RDKIT_BOND", "AtomGlyph", "BondGlyph", "DepictOptions",
           "MoleculeGeometry", "compute_coords", "depict", "label_collisions", "lone_pair_count",
           "prepare", "spread_in_gaps", "translate_geometry"]


# lone atoms written hydrogen first, as in H2O, H2S, HCl (but NH3, CH4, PH3)
HYDRIDES_H_FIRST = frozenset({"O", "S", "Se", "Te", "F", "Cl", "Br", "I"})


def prepare(mol: Any, mode: str) -> tuple[Any, list[int | None]]:
    """Return the molecule to draw (hydrogens added for full/lewis) and source index per atom."""
    from rdkit import Chem

    n = mol.GetNumAtoms()
    if mode in ("full", "lewis", "connectivity"):
        m = Chem.AddHs(mol)
    else:
        m = Chem.Mol(mol)
    for a in m.GetAtoms():
        a.SetIntProp("_src", a.GetIdx() if a.GetIdx() < n else -1)
    if mode == "connectivity":
        m = _connections_only(m)
    else:
        Chem.Kekulize(m, clearAromaticFlags=True)
    src = [a.GetIntProp("_src") for a in m.GetAtoms()]
    return m, [s if s >= 0 else None for s in src]


def _connections_only(m: Any) -> Any:
    """Every bond one line, no charges, radicals or stereo: a skeleton that commits to no bond order."""
    from rdkit import Chem

    rw = Chem.RWMol(m)
    for b in rw.GetBonds():
        b.SetBondType(Chem.BondType.SINGLE)
        b.SetIsAromatic(False)
        b.SetStereo(Chem.BondStereo.STEREONONE)
    for a in rw.GetAtoms():
        a.SetIsAromatic(False)
        a.SetFormalCharge(0)
        a.SetNumRadicalElectrons(0)
        a.SetNoImplicit(True)
        a.SetChiralTag(Chem.ChiralType.CHI_UNSPECIFIED)
    out = rw.GetMol()
    out.UpdatePropertyCache(strict=False)
    return out


def compute_coords(mol: Any, fixed_stereo: dict[int, str] | None = None) -> list[Point]:
    """Compute 2-D coordinates with rdDepictor and assign wedges from chirality."""
    from rdkit import Chem
    from rdkit.Chem import rdDepictor

    rdDepictor.SetPreferCoordGen(True)
    rdDepictor.Compute2DCoords(mol)
    # CoordGen squeezed some bonds, or gave no numbers at all (H2): RDKit's own depictor instead
    if not _finite(mol) or _bond_spread(mol) > 2.2:
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


def _finite(mol: Any) -> bool:
    """True when every atom has finite 2-D coordinates."""
    from math import isfinite

    conf = mol.GetConformer()
    return all(isfinite(conf.GetAtomPosition(i).x) and isfinite(conf.GetAtomPosition(i).y)
               for i in range(mol.GetNumAtoms()))


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


def depict(mol: Any, options: DepictOptions | None = None,
           fixed_stereo: dict[int, str] | None = None) -> MoleculeGeometry:
    """Return the drawing geometry of a sanitised RDKit molecule."""
    from rdkit import rdBase

    options = options or DepictOptions()
    if options.bond_length <= 0:
        options = replace(options, bond_length=DEFAULT_BOND[options.mode])
    with rdBase.BlockLogs():  # RDKit writes warnings to stderr; nothing here may reach the user raw
        m, src = prepare(mol, options.mode)
        coords = compute_coords(m, fixed_stereo)
    scale = options.bond_length / RDKIT_BOND
    pos = [(x * scale, y * scale) for x, y in coords]
    atoms = [_atom_glyph(m, i, pos, src[i], options) for i in range(m.GetNumAtoms())]
    _resolve_hydrogen_clashes(m, atoms, pos, options)
    bonds = [bond_glyph(m, b, pos, atoms, options, fixed_stereo or {}) for b in m.GetBonds()]
    _place_charges(m, atoms, bonds, pos, options)
    if options.mode == "lewis":
        for a in atoms:
            place_lone_pairs(m, a, pos, atoms, bonds)
    geo = MoleculeGeometry(atoms, bonds, options.bond_length, options.mode)
    return geo


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
    angles = neighbour_angles(m, i, pos)
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
        angles = neighbour_angles(m, g.index, pos)
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
    if any(boxes_meet(box, b) for a in atoms if a.index != g.index for b in a.boxes):
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
        angles = tuple(neighbour_angles(m, g.index, pos))
        options_ = charge_options(g.charge, g.pos, g.pieces, 0.7 * options.font_size, angles,
                                  g.side)
        free = next((o for o in options_ if not _blocked(o.box, g.index, atoms, bonds)), None)
        g.pieces.append(free or options_[0])


def _blocked(box: Box, own: int, atoms: list[AtomGlyph], bonds: list[BondGlyph]) -> bool:
    padded = pad_box(box, 0.03)
    for a in atoms:
        if a.index != own and any(boxes_meet(padded, b) for b in a.boxes):
            return True
    for b in bonds:
        segs = b.lines + ([(b.polygon[i], b.polygon[(i + 1) % len(b.polygon)])
                           for i in range(len(b.polygon))] if b.polygon else [])
        if any(segment_box_interval(p, q, padded) for p, q in segs):
            return True
    return False


def _radical_dots(g: AtomGlyph, angles: list[float]) -> list[Point]:
    ang = free_angle(angles + label_angles(g), 90.0)
    r = clear_radius(g, ang) + 0.08
    c = polar(g.pos, ang, r)
    perp = ang + 90.0
    if g.radicals == 1:
        return [c]
    return [polar(c, perp, 0.05), polar(c, perp, -0.05)]
