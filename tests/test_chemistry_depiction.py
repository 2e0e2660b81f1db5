"""2-D depiction: label text and side, bond shortening, double bonds in rings, wedges, lone pairs."""
from __future__ import annotations

from math import hypot
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.domains.chemistry.depiction import (
    DepictOptions,
    MoleculeGeometry,
    depict,
    label_collisions,
    lone_pair_count,
    prepare,
)
from scidsl.domains.chemistry.labels import free_side, segment_box_interval
from scidsl.domains.chemistry.molecule import load_smiles

CORPUS = (Path(__file__).parent / "data" / "chem_smiles.txt").read_text(encoding="utf-8").split()


def _geo(smiles: str, mode: str = "skeletal") -> MoleculeGeometry:
    loaded = load_smiles(smiles)
    assert loaded.ok
    return depict(loaded.mol, DepictOptions(mode=mode))


def _label(geo: MoleculeGeometry, idx: int) -> str:
    return "".join(p.text for p in geo.atoms[idx].pieces if p.role in ("symbol", "hydrogens"))


def test_ethanol_skeletal_shows_only_oh() -> None:
    geo = _geo("CCO")
    assert [a.shown for a in geo.atoms] == [False, False, True]
    assert _label(geo, 2) == "OH"


def test_condensed_shows_ch3_and_h_count_subscripts() -> None:
    geo = _geo("CCN", "condensed")
    assert _label(geo, 0) == "CH$_{3}$"
    assert _label(geo, 2) == "NH$_{2}$"


def test_hydrogens_go_left_when_bond_comes_from_the_right() -> None:
    assert free_side([0.0]) == "left"
    assert free_side([180.0]) == "right"
    assert free_side([30.0, 150.0]) == "down"


def test_bonds_stop_at_labels() -> None:
    geo = _geo("CCO")
    bond = next(b for b in geo.bonds if 2 in (b.begin, b.end))
    (p, q), = bond.lines
    for box in geo.atoms[2].boxes:
        assert segment_box_interval(p, q, box) is None
    assert hypot(q[0] - p[0], q[1] - p[1]) < geo.bond_length


@pytest.mark.parametrize("smiles", ["c1ccccc1", "C1=CCCCC1"])
def test_ring_double_bond_second_line_is_inside(smiles: str) -> None:
    geo = _geo(smiles)
    cx = sum(a.pos[0] for a in geo.atoms) / len(geo.atoms)
    cy = sum(a.pos[1] for a in geo.atoms) / len(geo.atoms)
    doubles = [b for b in geo.bonds if b.order == 2]
    assert doubles
    for b in doubles:
        main, inner = b.lines
        dist = lambda seg: hypot((seg[0][0] + seg[1][0]) / 2 - cx,
                                 (seg[0][1] + seg[1][1]) / 2 - cy)
        assert dist(inner) < dist(main)


def test_benzene_has_three_double_bonds() -> None:
    assert sorted(b.order for b in _geo("c1ccccc1").bonds) == [1, 1, 1, 2, 2, 2]


def test_triple_bond_has_three_lines() -> None:
    assert [len(b.lines) for b in _geo("CC#N").bonds if b.order == 3] == [3]


def test_chiral_centre_gets_a_wedge_or_hash() -> None:
    geo = _geo("N[C@@H](C)C(=O)O")
    stereo = [b for b in geo.bonds if b.style != "plain"]
    assert len(stereo) == 1 and stereo[0].begin == 1
    assert stereo[0].polygon or stereo[0].lines


def test_charges_are_superscripts() -> None:
    geo = _geo("[NH3+]CC(=O)[O-]")
    charges = {a.index: p.text for a in geo.atoms for p in a.pieces if p.role == "charge"}
    assert charges == {0: "+", 4: "−"}


def test_full_mode_draws_every_hydrogen() -> None:
    geo = _geo("CCO", "full")
    assert len(geo.atoms) == 9 and all(a.shown for a in geo.atoms)


def test_lewis_water_has_two_lone_pairs_on_oxygen() -> None:
    geo = _geo("O", "lewis")
    oxygen = next(a for a in geo.atoms if a.symbol == "O")
    assert len(oxygen.lone_pairs) == 2
    m, _ = prepare(load_smiles("O").mol, "lewis")
    assert lone_pair_count(m, 0) == 2


@pytest.mark.parametrize("smiles, pairs", [("N", 1), ("[Cl-]", 4), ("C", 0), ("O=C=O", 2)])
def test_lone_pair_counts(smiles: str, pairs: int) -> None:
    m, _ = prepare(load_smiles(smiles).mol, "lewis")
    assert lone_pair_count(m, 0) == pairs


@pytest.mark.parametrize("smiles", ["OC[C@H]1OC(O)[C@H](O)[C@@H](O)[C@@H]1O", "CC(=O)O",
                                    "[NH3+][C@@H](C)C(=O)[O-]", "NC(CO)C(=O)O"])
def test_no_label_crossed_by_a_foreign_bond(smiles: str) -> None:
    assert label_collisions(_geo(smiles)) == []


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(CORPUS))
def test_corpus_drawn_atoms_match_rdkit(smiles: str) -> None:
    loaded = load_smiles(smiles)
    geo = depict(loaded.mol)
    assert len(geo.atoms) == loaded.mol.GetNumAtoms()
    assert len(geo.bonds) == loaded.mol.GetNumBonds()
    assert all(b.lines or b.polygon for b in geo.bonds)
