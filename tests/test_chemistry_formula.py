"""Formula parsing: groups, hydrates, charges, states and located errors."""
from __future__ import annotations

import pytest

from scidsl.domains.chemistry.formula import hill_formula, parse_formula
from scidsl.domains.chemistry.issues import ChemError


@pytest.mark.parametrize("text, counts, charge, state", [
    ("H2O", {"H": 2, "O": 1}, 0, None),
    ("Ca(OH)2", {"Ca": 1, "O": 2, "H": 2}, 0, None),
    ("CuSO4·5H2O", {"Cu": 1, "S": 1, "O": 9, "H": 10}, 0, None),
    ("CuSO4.5H2O", {"Cu": 1, "S": 1, "O": 9, "H": 10}, 0, None),
    ("K4[Fe(CN)6]", {"K": 4, "Fe": 1, "C": 6, "N": 6}, 0, None),
    ("Fe^3+", {"Fe": 1}, 3, None),
    ("SO4^2-(aq)", {"S": 1, "O": 4}, -2, "aq"),
    ("SO4^{2-}", {"S": 1, "O": 4}, -2, None),
    ("NH4+", {"N": 1, "H": 4}, 1, None),
    ("Cl-", {"Cl": 1}, -1, None),
    ("SO₄²⁻", {"S": 1, "O": 4}, -2, None),
    ("NaCl(s)", {"Na": 1, "Cl": 1}, 0, "s"),
    ("H2O(l)", {"H": 2, "O": 1}, 0, "l"),
    ("CO2(g)", {"C": 1, "O": 2}, 0, "g"),
    ("e-", {}, -1, None),
], ids=lambda v: str(v))
def test_parse_formula(text: str, counts: dict, charge: int, state: str | None) -> None:
    f = parse_formula(text)
    assert (f.counts, f.charge, f.state) == (counts, charge, state)


def test_mathtext_has_subscripts_and_charge() -> None:
    assert parse_formula("SO4^2-").mathtext() == "SO$_{4}^{2{−}}$"
    assert parse_formula("CuSO4·5H2O").mathtext() == "CuSO$_{4}$·5H$_{2}$O"


def test_hill_order() -> None:
    assert hill_formula({"O": 1, "H": 6, "C": 2}) == "C2H6O"
    assert hill_formula({"Na": 1, "Cl": 1}) == "ClNa"


@pytest.mark.parametrize("text, code, offset, message", [
    ("Xy2", "E3011", 0, "unknown element 'Xy'"),
    ("Ca(OH", "E3010", 2, "'(' is not closed"),
    ("H2+O2", "E3010", 3, "unexpected 'O' in formula"),
    ("H0", "E3010", 1, "a count of 0 is not allowed"),
    ("Fe^3x", "E3010", 3, "cannot read charge '3'"),
    ("co2", "E3010", 0, "expected an element symbol"),
    ("", "E3010", 0, "empty formula"),
])
def test_formula_errors(text: str, code: str, offset: int, message: str) -> None:
    with pytest.raises(ChemError) as err:
        parse_formula(text)
    issue = err.value.issues[0]
    assert (issue.code, issue.offset, issue.message) == (code, offset, message)


def test_unknown_element_hint_suggests_case() -> None:
    with pytest.raises(ChemError) as err:
        parse_formula("CL2")
    assert err.value.issues[0].code == "E3011"
    assert err.value.issues[0].hint == "did you mean Cl?"
