"""SMILES scanning and RDKit loading: every problem names its atom and points into the string."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.domains.chemistry.molecule import AtomSpec, BondSpec, build_molecule, load_smiles
from scidsl.domains.chemistry.properties import molecule_facts
from scidsl.domains.chemistry.smiles import scan_smiles

CORPUS = Path(__file__).parent / "data" / "chem_smiles.txt"


@pytest.mark.parametrize("smiles, code, offset, atom, message", [
    ("CC(C)(C)(C)C", "E3004", 1, 1, "atom C1 has valence 5; C allows 4"),
    ("FC(F)(F)(F)F", "E3004", 1, 1, "atom C1 has valence 5; C allows 4"),
    ("CC(=O)=O", "E3004", 1, 1, "atom C1 has valence 5; C allows 4"),
    ("OC(=O)O(C)C", "E3004", 6, 3, "atom O3 has valence 3; O allows 2"),
    ("n1cccc1", "E3005", 0, 0,
     "cannot assign alternating bonds to aromatic atoms N0, C1, C2, C3, C4"),
    ("CC junk", "E3001", 2, None, "SMILES may not contain spaces"),
    ("", "E3002", 0, None, "SMILES is empty"),
    ("C1CC", "E3007", 1, None, "ring bond 1 is opened but never closed"),
    ("C(C", "E3008", 1, None, "'(' is not closed"),
    ("CC)", "E3008", 2, None, "')' has no matching '('"),
    ("C[Xx]", "E3006", 2, None, "unknown element 'Xx'"),
    ("CNa", "E3006", 1, None, "element 'Na' must be written in brackets"),
    ("C==C", "E3001", 2, None, "bond '=' must sit between two atoms"),
    ("C" * 501, "E3003", 0, None, "molecule has more than 500 atoms (limit 500)"),
])
def test_smiles_problems(smiles: str, code: str, offset: int, atom: int | None,
                         message: str) -> None:
    issues = load_smiles(smiles).issues
    assert (issues[0].code, issues[0].offset, issues[0].atom, issues[0].message) == \
        (code, offset, atom, message)


def test_rdkit_log_is_not_printed(capfd: pytest.CaptureFixture[str]) -> None:
    load_smiles("CC(C)(C)(C)C")
    load_smiles("n1cccc1")
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_atom_spans_follow_rdkit_order() -> None:
    atoms, _ = scan_smiles("[NH3+]C(Cl)C(=O)[O-]")
    assert [(a.symbol, a.offset, a.length) for a in atoms] == [
        ("N", 0, 6), ("C", 6, 1), ("Cl", 8, 2), ("C", 11, 1), ("O", 14, 1), ("O", 16, 4)]


def test_explicit_atoms_water() -> None:
    loaded = build_molecule([AtomSpec("O"), AtomSpec("H", hydrogens=0), AtomSpec("H", hydrogens=0)],
                            [BondSpec(0, 1), BondSpec(0, 2)])
    assert loaded.ok and molecule_facts(loaded.mol)["formula"] == "H2O"


def test_explicit_pentavalent_carbon_is_caught() -> None:
    loaded = build_molecule([AtomSpec("C", hydrogens=4, offset=10), AtomSpec("C")],
                            [BondSpec(0, 1)])
    assert [(i.code, i.atom, i.offset) for i in loaded.issues] == [("E3004", 0, 10)]


@pytest.mark.parametrize("bonds, message", [
    ([BondSpec(0, 5)], "bond refers to an atom that does not exist (0-5)"),
    ([BondSpec(1, 1)], "bond joins atom 1 to itself"),
    ([BondSpec(0, 1), BondSpec(1, 0)], "atoms 0 and 1 are bonded twice"),
])
def test_explicit_bond_errors(bonds: list[BondSpec], message: str) -> None:
    issues = build_molecule([AtomSpec("C"), AtomSpec("C")], bonds).issues
    assert (issues[0].code, issues[0].message) == ("E3030", message)


def test_explicit_atom_errors() -> None:
    issues = build_molecule([AtomSpec("Qq"), AtomSpec("C", charge=12)], []).issues
    assert [i.code for i in issues] == ["E3006", "E3030"]


def test_explicit_charges_isotopes_radicals() -> None:
    loaded = build_molecule([AtomSpec("C", radicals=1, hydrogens=3)], [])
    assert loaded.ok and loaded.mol.GetAtomWithIdx(0).GetNumRadicalElectrons() == 1
    loaded = build_molecule([AtomSpec("N", charge=1)], [])
    assert molecule_facts(loaded.mol)["formula"] == "H4N+"


def test_facts_of_serine() -> None:
    facts = molecule_facts(load_smiles("N[C@@H](CO)C(=O)O").mol)
    assert facts["formula"] == "C3H7NO3"
    assert facts["elements"] == {"N": 1, "H": 7, "C": 3, "O": 3}
    assert facts["functional_groups"] == {"carboxylic acid": 1, "alcohol": 1, "primary amine": 1}
    assert facts["stereocentres"] == [(1, "S")]


def test_facts_of_zwitterion() -> None:
    facts = molecule_facts(load_smiles("[NH3+][C@@H](C)C(=O)[O-]").mol)
    assert facts["net_charge"] == 0
    assert facts["charged_atoms"] == [("N", 0, 1), ("O", 5, -1)]


def test_corpus_is_valid() -> None:
    smiles = CORPUS.read_text(encoding="utf-8").split()
    assert len(smiles) >= 300
    assert all(load_smiles(s).ok for s in smiles)


_SUBST = st.sampled_from(["C", "F", "Cl", "O", "N", "CC", "C(=O)O", "Br"])


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["C", "N", "O", "F", "Cl", "B"]), st.data())
def test_too_many_bonds_are_always_caught(centre: str, data: st.DataObject) -> None:
    limit = {"C": 4, "N": 3, "O": 2, "F": 1, "Cl": 1, "B": 3}[centre]
    n = data.draw(st.integers(limit + 1, limit + 3))
    subs = data.draw(st.lists(_SUBST, min_size=n, max_size=n))
    smiles = subs[0] + centre + "".join(f"({s})" for s in subs[1:-1]) + subs[-1]
    issues = load_smiles(smiles).issues
    assert any(i.code == "E3004" and i.atom == len(_atoms(subs[0])) for i in issues), smiles


def _atoms(s: str) -> list:
    return scan_smiles(s)[0]
