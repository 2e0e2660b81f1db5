"""Chemistry through scidsl.compile: spans into strings, facts, drawings and property tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scidsl
from scidsl.primitives import Circle, Line, Text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = (ROOT / "tests" / "data" / "chem_smiles.txt").read_text(encoding="utf-8").split()


def _facts(result) -> dict:  # type: ignore[no-untyped-def]
    return {(f.predicate, tuple(f.args)): f.value for f in result.facts}


def _compile(path: str):  # type: ignore[no-untyped-def]
    result = scidsl.compile((ROOT / path).read_text(encoding="utf-8"), path)
    assert result.ok, [d.to_dict() for d in result.diagnostics]
    return result


def test_valence_error_points_at_the_atom_in_the_smiles() -> None:
    src = 'molecule m { smiles: "CC(C)(C)(C)C" }'
    diag = scidsl.compile(src).diagnostics[0]
    assert diag.code == "E3004" and diag.message == "atom C1 has valence 5; C allows 4"
    col = src.index('"CC') + 2 + 1  # the second character of the SMILES, 1-based
    assert (diag.span.line, diag.span.col, diag.span.end_col) == (1, col, col + 1)


def test_escaped_smiles_keeps_columns() -> None:
    src = 'molecule m { smiles: "C/C=C\\\\C(C)(C)(C)C" }'
    diag = scidsl.compile(src).diagnostics[0]
    assert diag.code == "E3004"
    assert src[diag.span.col - 1] == "C" and src[diag.span.col - 2] == "\\"


def test_rdkit_never_prints(capfd: pytest.CaptureFixture[str]) -> None:
    scidsl.compile('molecule m { smiles: "c1cccc1" }')
    scidsl.compile('molecule m { smiles: "C1CC(" }')
    assert capfd.readouterr().err == ""


def test_unbalanced_hint_gives_smallest_coefficients() -> None:
    diag = scidsl.compile('reaction r { equation: "C3H8 + O2 -> CO2 + H2O" }').diagnostics[0]
    assert diag.code == "E3020"
    assert diag.hint == "balanced: C3H8 + 5 O2 -> 3 CO2 + 4 H2O"


def test_rbi_reference_facts() -> None:
    facts = _facts(_compile("examples/reference/chem-cry-rbi-body-centered.sdl"))
    assert facts[("sites", ("rbi", "body"))] == ["Rb+"]
    assert facts[("sites", ("rbi", "corner"))] == ["I-"]
    assert facts[("sites", ("rbi", "face"))] == []
    assert facts[("formula", ("rbi",))] == "RbI"
    assert facts[("coordination_number", ("rbi", "Rb+"))] == 8


def test_serine_reference_facts() -> None:
    facts = _facts(_compile("examples/reference/chem-mol-serine-skeleton.sdl"))
    assert facts[("element_count", ("serine", "O"))] == 3
    assert facts[("element_count", ("serine", "C"))] == 3
    assert facts[("hydrogens_on", ("serine", "N0"))] == 2


def test_acetylene_reference_facts_and_drawing() -> None:
    result = _compile("examples/reference/chem-rxn-acetylene-benzene.sdl")
    facts = _facts(result)
    assert facts[("coefficient", ("trimerisation", "C2H2"))] == "3"
    assert facts[("bond_count", ("trimerisation.C2H2", "triple"))] == 1
    assert facts[("ring_size", ("trimerisation.C6H6", 0))] == 6
    texts = [t.text for t in result.drawing.items if isinstance(t, Text)]
    assert "3" in texts and texts.count("C") == 8 and texts.count("H") == 8


def test_methane_combustion_facts() -> None:
    facts = _facts(_compile("examples/chemistry/methane_combustion.sdl"))
    assert facts[("coefficient", ("combustion", "O2(g)"))] == "2"
    assert facts[("balanced", ("combustion",))] is True
    assert facts[("condition", ("combustion", "above"))] == "heat"


def test_alanine_has_a_wedge_and_a_note() -> None:
    result = _compile("examples/chemistry/alanine.sdl")
    roles = [i.role for i in result.drawing.items if isinstance(i, Line)]
    assert "wedge" in roles or roles.count("bond") > 6
    assert any(t.text == "α" for t in result.texts)


def test_highlight_draws_filled_circles_behind() -> None:
    result = _compile("examples/chemistry/acetic_acid.sdl")
    halos = [i for i in result.drawing.items if isinstance(i, Circle) and i.role == "highlight"]
    assert len(halos) == 3 and all(not h.stroke.visible for h in halos)


def test_water_lewis_has_two_lone_pairs() -> None:
    result = _compile("examples/chemistry/water_lewis.sdl")
    dots = [i for i in result.drawing.items if getattr(i, "role", "") == "lone-pair"]
    assert len(dots) == 4


def test_cell_hidden_edges_are_dashed() -> None:
    result = _compile("examples/chemistry/bcc_cell.sdl")
    hidden = [i for i in result.drawing.items if isinstance(i, Line) and i.role == "hidden-edge"]
    assert len(hidden) == 3 and all(h.stroke.dash == "dashed" for h in hidden)
    facts = _facts(result)
    assert facts[("atoms_per_cell", ("iron", "Fe"))] == "2"


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(CORPUS))
def test_corpus_molecules_compile_with_every_atom_drawn(smiles: str) -> None:
    from rdkit import Chem

    result = scidsl.compile(f'molecule m {{ smiles: "{smiles}" }}')
    assert result.ok, [d.to_dict() for d in result.diagnostics]
    params = Chem.SmilesParserParams()
    params.removeHs = False
    n = Chem.MolFromSmiles(smiles, params).GetNumAtoms()
    assert len([k for k in result.drawing.anchors if k.startswith("m.")]) == n


BALANCED = ["CH4 + 2 O2 -> CO2 + 2 H2O", "2 Na + Cl2 -> 2 NaCl", "Cu + 2 Ag^+ -> Cu^2+ + 2 Ag",
            "2 KMnO4 + 16 HCl -> 2 KCl + 2 MnCl2 + 8 H2O + 5 Cl2"]


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(BALANCED), st.data())
def test_changed_coefficient_fails_to_compile(equation: str, data: st.DataObject) -> None:
    from scidsl.domains.chemistry.equation import parse_equation

    eq = parse_equation(equation)
    coefs = [int(t.coefficient) for t in eq.terms]
    k = data.draw(st.integers(0, len(coefs) - 1))
    coefs[k] = data.draw(st.integers(1, 20).filter(lambda v: v != coefs[k]))
    words = [f"{c} {t.formula.text}" for c, t in zip(coefs, eq.terms)]
    n = len(eq.reactants)
    changed = " + ".join(words[:n]) + " -> " + " + ".join(words[n:])
    result = scidsl.compile(f'reaction r {{ equation: "{changed}" }}')
    assert {d.code for d in result.diagnostics} & {"E3020", "E3021"}, changed


def test_long_molecule_is_drawn_smaller_not_scaled() -> None:
    result = scidsl.compile('molecule m { smiles: "' + "OCC(O)" * 30 + '" }')
    assert result.ok, [d.to_dict() for d in result.diagnostics]
    b = result.drawing.bounds()
    assert b is not None and b[2] - b[0] <= 22.0
    assert min(t.size for t in result.drawing.items if isinstance(t, Text)) >= 7.0


def test_scene_width_keeps_hydrogens_next_to_their_atom() -> None:
    result = scidsl.compile('scene { width: 14 cm }\nmolecule m { smiles: "OCC(O)CO" }')
    assert result.ok, [d.to_dict() for d in result.diagnostics]
    items = [t for t in result.drawing.items if isinstance(t, Text)]
    symbols = [t for t in items if t.role == "atom-symbol"]
    hydrogens = [t for t in items if t.role == "atom-hydrogens"]
    assert len(symbols) == len(hydrogens) == 3
    for h in hydrogens:
        nearest = min(abs(h.pos[0] - s.pos[0]) + abs(h.pos[1] - s.pos[1]) for s in symbols)
        assert nearest < 0.4
    b = result.drawing.bounds()
    assert b is not None and abs((b[2] - b[0]) - 14.0) < 0.1
