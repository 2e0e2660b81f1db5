"""Galvanic cells, cells built from sites, '?' species, skeleton equations and connectivity skeletons."""
from __future__ import annotations

from fractions import Fraction

import pytest

import scidsl
from scidsl.domains.chemistry.equation import deduce_unknown, parse_equation, unknown_text
from scidsl.domains.chemistry.sites import images, share
from tests.conftest import compile_ok

DANIELL = ('galvanic g {{ electrodes: ["Zn", "Cu"], solutions: ["ZnSO4(aq)", "CuSO4(aq)"], '
           'ions: ["Zn^2+", "Cu^2+"], potentials: [{a}, {b}] }}')


def _facts(text: str) -> dict:
    return {(f.predicate, f.args): f.value for f in compile_ok(text).facts}


@pytest.mark.parametrize("a, b, anode", [("-0.76 V", "0.34 V", "Zn"), ("0.34 V", "-0.76 V", "Cu"),
                                         ("0.80 V", "0.34 V", "Cu")])
def test_anode_is_the_lower_potential_in_either_order(a: str, b: str, anode: str) -> None:
    facts = _facts(DANIELL.format(a=a, b=b))
    assert facts[("anode", ("g",))] == anode
    e = abs(float(a.split()[0]) - float(b.split()[0]))
    assert facts[("e_cell", ("g",))] == f"{e:.2f} V"


def test_galvanic_draws_the_anode_on_the_left_and_electrons_toward_the_cathode() -> None:
    result = compile_ok(DANIELL.format(a="0.34 V", b="-0.76 V"))
    page = result.drawing
    assert page.anchors["g.anode"][0] < page.anchors["g.cathode"][0]
    flows = [it for it in page.items if getattr(it, "role", "") == "electron-flow"]
    assert flows and all(it.points[-1][0] > it.points[0][0] and it.arrow == "end" for it in flows)
    assert any(t.text.startswith("Cu(s) | Cu$^{2{+}}$(aq)") for t in page.items if getattr(t, "role", "") == "notation")


def test_solutions_in_words_are_written_as_given() -> None:
    result = compile_ok('galvanic g { electrodes: ["Fe", "Cu"], solutions: ["1 M Fe(NO3)3 solution", '
                        '"1 M copper(II) sulfate"], potentials: [-0.44 V, 0.34 V] }')
    texts = {t.text for t in result.drawing.items if getattr(t, "role", "") in ("solution", "notation")}
    assert "1 M copper(II) sulfate" in texts


def test_cell_notation_fact() -> None:
    facts = _facts(DANIELL.format(a="-0.76 V", b="0.34 V"))
    assert facts[("notation", ("g",))] == "Zn(s) | Zn^2+(aq) || Cu^2+(aq) | Cu(s)"


def test_images_and_shares() -> None:
    assert sorted(images((0.5, 0.0, 0.0))) == [(0.5, 0.0, 0.0), (0.5, 0.0, 1.0), (0.5, 1.0, 0.0), (0.5, 1.0, 1.0)]
    assert len(images((0.0, 0.0, 0.0))) == 8 and share((0.0, 1.0, 0.0)) == Fraction(1, 8)
    assert share((0.5, 0.5, 1.0)) == Fraction(1, 2) and share((0.25, 0.25, 0.75)) == 1


CELLS = {
    "ReO3": ('[corners]', '[edges]', "Re^6+", "O^2-", "1", "3", 6, 2),
    "CaF2": ('[corners, faces]', '[tetrahedral]', "Ca^2+", "F-", "4", "8", 8, 4),
    "CsCl": ('[corners]', '[body]', "Cs+", "Cl-", "1", "1", 8, 8),
}


@pytest.mark.parametrize("formula", list(CELLS))
def test_ions_per_cell_formula_and_coordination(formula: str) -> None:
    at_a, at_b, a, b, na, nb, cn_a, cn_b = CELLS[formula]
    facts = _facts(f'crystal c {{ lattice: cubic, formula: "{formula}" }}\n'
                   f'crystal_site of c {{ species: "{a}", at: {at_a} }}\n'
                   f'crystal_site of c {{ species: "{b}", at: {at_b} }}')
    assert facts[("ions_per_cell", ("c", a))] == na and facts[("ions_per_cell", ("c", b))] == nb
    assert facts[("formula", ("c",))] == formula
    assert facts[("coordination_number", ("c", a))] == cn_a
    assert facts[("coordination_number", ("c", b))] == cn_b


def test_perovskite_radii_keep_their_ratio() -> None:
    page = compile_ok('crystal p { lattice: cubic, edge: 390 pm }\n'
                      'crystal_site of p { species: "Ca^2+", at: [corners], radius: 100 pm }\n'
                      'crystal_site of p { species: "Ti^4+", at: [body], radius: 60.5 pm }\n'
                      'crystal_site of p { species: "O^2-", at: [faces], radius: 140 pm }').drawing
    radius = {it.role: it.radius for it in page.items if getattr(it, "role", "").startswith("site-")}
    assert radius["site-corner"] / radius["site-face"] == pytest.approx(100 / 140)
    assert radius["site-body"] / radius["site-face"] == pytest.approx(60.5 / 140)


@pytest.mark.parametrize("equation, species", [
    ("Fe + CuSO4 -> ? + Cu", "FeSO4"), ("2 Na + 2 H2O -> 2 NaOH + ?", "H2"),
    ("Zn + Cu^2+ -> ? + Cu", "Zn^2+"), ("? + 2 O2 -> CO2 + 2 H2O", "CH4"), ("Fe^3+ + ? -> Fe^2+", "e-"),
])
def test_unknown_species_is_deduced(equation: str, species: str) -> None:
    assert unknown_text(*deduce_unknown(parse_equation(equation))) == species  # type: ignore[misc]


def test_skeleton_is_not_an_error_and_states_its_answer() -> None:
    result = compile_ok('reaction r { equation: "Al + O2 -> Al2O3", skeleton: true }')
    fact = next(f for f in result.facts if f.predicate == "balanced")
    assert fact.value is False and "4 Al + 3 O2 -> 2 Al2O3" in fact.text
    assert [d.code for d in scidsl.compile('reaction r { equation: "Al + O2 -> Al2O3" }').diagnostics] == ["E3020"]
    blanks = compile_ok('reaction r { equation: "Al + O2 -> Al2O3", skeleton: true, blanks: true }').drawing
    assert len([it for it in blanks.items if getattr(it, "role", "") == "blank"]) == 3


SO2 = """molecule so2 { show: connectivity }
atom S1 of so2 { element: S }
atom O1 of so2 { element: O }
atom O2 of so2 { element: O }
bond between [S1, O1] { order: unknown }
bond between [S1, O2] { order: unknown }
"""


def test_connectivity_skeleton_states_no_bond_orders() -> None:
    result = compile_ok(SO2)
    facts = {f.predicate: f.value for f in result.facts}
    assert facts["valence_electrons"] == 18 and "bond_count" not in facts
    bonds = [it for it in result.drawing.items if getattr(it, "role", "") == "bond"]
    assert len(bonds) == 2  # one line per connection, no double bonds
    assert not [it for it in result.drawing.items if getattr(it, "role", "") == "lone-pair"]


def test_lewis_structures_inside_a_reaction_carry_lone_pairs() -> None:
    result = compile_ok('reaction r { equation: "NH3 + BF3 -> H3NBF3", '
                        'smiles: ["N", "FB(F)F", "[NH3+][B-](F)(F)F"], show: lewis }')
    dots = [it for it in result.drawing.items if getattr(it, "role", "") == "lone-pair"]
    assert len(dots) == 2 * (1 + 9 + 9)  # N: 1 pair; each BF3 unit: 3 F × 3 pairs
    facts = {(f.predicate, f.args): f.value for f in result.facts}
    assert facts[("charged_atom", ("r.H3NBF3", "N0"))] == 1
    assert facts[("lone_pairs", ("r.NH3", "N0"))] == 1


@pytest.mark.parametrize("show", ["skeletal", "lewis", "connectivity"])
def test_hydrogen_gets_finite_coordinates(show: str) -> None:
    # CoordGen returns NaN for H2; NaN coordinates crash the geometry library
    result = compile_ok(f'reaction r {{ equation: "H2 + Cl2 -> 2 HCl", smiles: ["[H][H]", "ClCl", "Cl"], show: {show} }}')
    assert all(abs(v) < 1e6 for p in result.drawing.anchors.values() for v in p)
