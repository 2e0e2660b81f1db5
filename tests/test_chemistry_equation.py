"""Equations: parsing, exact conservation checks and smallest balancing coefficients."""
from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.domains.chemistry.equation import (
    check_balance,
    format_equation,
    parse_equation,
    smallest_coefficients,
)
from scidsl.domains.chemistry.issues import ChemError

BALANCED = [
    "CH4 + 2 O2 -> CO2 + 2 H2O",
    "2 H2 + O2 -> 2 H2O",
    "3 C2H2 -> C6H6",
    "CH3COOH + C2H5OH <=> CH3COOC2H5 + H2O",
    "Fe^3+ + 3 OH^- -> Fe(OH)3(s)",
    "2 KMnO4 + 16 HCl -> 2 KCl + 2 MnCl2 + 8 H2O + 5 Cl2",
    "C6H12O6 + 6 O2 -> 6 CO2 + 6 H2O",
    "Cu + 2 Ag^+ -> Cu^2+ + 2 Ag",
    "N2(g) + 3 H2(g) ⇌ 2 NH3(g)",
    "CuSO4·5H2O(s) -> CuSO4(s) + 5 H2O(g)",
    "1/2 N2 + 3/2 H2 -> NH3",
]


@pytest.mark.parametrize("text", BALANCED)
def test_balanced_equations_pass(text: str) -> None:
    assert check_balance(parse_equation(text)) == []


def test_arrow_kinds() -> None:
    assert parse_equation("A -> B".replace("A", "H2").replace("B", "H2")).arrow == "forward"
    assert parse_equation("N2O4 <=> 2 NO2").arrow == "equilibrium"
    assert parse_equation("O3 <-> O3").arrow == "resonance"


def test_unbalanced_reports_elements_and_smallest_coefficients() -> None:
    issues = check_balance(parse_equation("CH4 + O2 -> CO2 + H2O"))
    assert [i.code for i in issues] == ["E3020"]
    assert issues[0].message == ("equation is not balanced: H 2 more on the reactant side, "
                                 "O 1 more on the product side")
    assert issues[0].hint == "balanced: CH4 + 2 O2 -> CO2 + 2 H2O"


def test_charge_not_conserved() -> None:
    issues = check_balance(parse_equation("Fe^3+ -> Fe^2+"))
    assert [i.code for i in issues] == ["E3021"]
    assert issues[0].message == "charge is not conserved: reactants +3, products +2"


def test_no_unique_balancing_hint() -> None:
    issues = check_balance(parse_equation("H2 + O2 -> H2O2 + H2O"))
    assert issues[0].hint == "no unique set of coefficients balances these species; check the " \
        "formulas"


def test_smallest_coefficients_exact() -> None:
    species = [({"C": 3, "H": 8}, 0), ({"O": 2}, 0)], [({"C": 1, "O": 2}, 0), ({"H": 2, "O": 1}, 0)]
    assert smallest_coefficients(*species) == [1, 5, 3, 4]


@pytest.mark.parametrize("text, message", [
    ("H2 + O2", "equation has no reaction arrow"),
    ("H2 + -> H2O", "empty species between '+' signs"),
    ("-> H2O", "one side of the equation is empty"),
    ("0 H2 -> H2", "coefficient 0 is out of range"),
])
def test_equation_syntax_errors(text: str, message: str) -> None:
    with pytest.raises(ChemError) as err:
        parse_equation(text)
    assert (err.value.issues[0].code, err.value.issues[0].message) == ("E3022", message)


def test_formula_error_offsets_are_in_equation_coordinates() -> None:
    with pytest.raises(ChemError) as err:
        parse_equation("H2 + Xx -> 2 Hh")
    assert [(i.code, i.offset) for i in err.value.issues] == [("E3011", 5), ("E3011", 13)]


def test_format_round_trip() -> None:
    eq = parse_equation("CH4 + 2 O2 -> CO2 + 2 H2O")
    assert format_equation(eq) == "CH4 + 2 O2 -> CO2 + 2 H2O"


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(BALANCED), st.data())
def test_any_single_coefficient_change_is_caught(text: str, data: st.DataObject) -> None:
    eq = parse_equation(text)
    k = data.draw(st.integers(0, len(eq.terms) - 1))
    old = eq.terms[k].coefficient
    new = data.draw(st.integers(1, 12).map(Fraction).filter(lambda v: v != old))
    terms = list(eq.terms)
    terms[k] = type(terms[k])(new, terms[k].formula, terms[k].offset, terms[k].length, True)
    changed = type(eq)(tuple(terms[:len(eq.reactants)]), tuple(terms[len(eq.reactants):]),
                       eq.arrow)
    assert check_balance(changed), format_equation(changed)
