"""Unit cells: sites, atoms per cell, coordination numbers, hidden edges, depth order."""
from __future__ import annotations

from fractions import Fraction

import pytest

from scidsl.domains.chemistry.crystal import (
    ISOMETRIC,
    Projection,
    atoms_per_cell,
    cell_edges,
    cell_sites,
    coordination_number,
    empirical_formula,
    hidden_edges,
    normalise_lattice,
    project_cell,
)


@pytest.mark.parametrize("lattice, per_cell, coordination, sites", [
    ("sc", [1], [6], 8),
    ("bcc", [2], [8], 9),
    ("fcc", [4], [12], 14),
    ("hcp", [6], [12], 17),
    ("nacl", [4, 4], [6, 6], 27),
    ("cscl", [1, 1], [8, 8], 9),
])
def test_lattice_facts(lattice: str, per_cell: list[int], coordination: list[int],
                       sites: int) -> None:
    assert atoms_per_cell(lattice) == [Fraction(n) for n in per_cell]
    assert [coordination_number(lattice, s) for s in range(len(per_cell))] == coordination
    assert len(cell_sites(lattice)) == sites


def test_aliases() -> None:
    assert normalise_lattice("Body-Centered") == "bcc"
    assert normalise_lattice("rock_salt") == "nacl"
    assert normalise_lattice("diamond") is None


def test_formula_from_cell() -> None:
    assert empirical_formula("cscl", ("I-", "Rb+")) == "RbI"
    assert empirical_formula("nacl", ("Cl-", "Na+")) == "NaCl"


@pytest.mark.parametrize("proj", [Projection(), ISOMETRIC], ids=["oblique", "isometric"])
def test_cube_hides_the_three_edges_at_the_far_corner(proj: Projection) -> None:
    hidden = [e for e, h in zip(cell_edges("sc"), hidden_edges("sc", proj)) if h]
    assert len(hidden) == 3
    far = max(((x, y, z) for x in (0.0, 1.0) for y in (0.0, 1.0) for z in (0.0, 1.0)),
              key=lambda p: proj.project(p)[2])
    assert all(far in e for e in hidden)


def test_atoms_are_drawn_back_to_front() -> None:
    drawing = project_cell("fcc")
    depths = [a.depth for a in drawing.atoms]
    assert depths == sorted(depths, reverse=True)


def test_cscl_centre_atom_is_the_second_species() -> None:
    drawing = project_cell("cscl", radii=(0.12, 0.075))
    body = [a for a in drawing.atoms if a.kind == "body"]
    assert len(body) == 1 and body[0].species == 1
    assert sum(1 for a in drawing.atoms if a.kind == "corner") == 8
