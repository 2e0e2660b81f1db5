"""Chemistry figures measured on the drawn page: conditions clear of the harpoons, every species of a
structure equation captioned, lone pairs clear of their atom, crystal atoms not hiding each other."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import scidsl
from scidsl.labels import stroke_geometry, text_box
from scidsl.primitives import Circle, Dot, Line, Text

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "chemistry"


def _compile(name: str):  # type: ignore[no-untyped-def]
    result = scidsl.compile((EXAMPLES / name).read_text(), name)
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    return result


def _box(t: Text):  # type: ignore[no-untyped-def]
    return text_box(t.text, t.size, t.at, t.ha, t.va)


def test_equilibrium_conditions_clear_the_harpoons_evenly() -> None:
    result = _compile("equilibrium.sdl")
    harpoons = [it for it in result.drawing.items if isinstance(it, Line) and it.role == "arrow"]
    top_line = max(h.points[0][1] for h in harpoons)
    low_line = min(h.points[0][1] for h in harpoons)
    above, below = sorted(
        (it for it in result.drawing.items if isinstance(it, Text) and it.role == "condition"),
        key=lambda t: -t.pos[1],
    )
    gap_above = _box(above).bounds[1] - top_line
    gap_below = low_line - _box(below).bounds[3]
    assert gap_above >= 0.2 and gap_below >= 0.2
    assert abs(gap_above - gap_below) < 0.02
    # the barbs (which rise off the lines) stay clear of the text too
    for t in (above, below):
        assert min(_box(t).distance(stroke_geometry(h)) for h in harpoons) >= 0.1


def test_every_species_of_a_structure_equation_has_its_formula() -> None:
    result = _compile("esterification.sdl")
    captions = [it.text for it in result.drawing.items if isinstance(it, Text) and it.role == "species-formula"]
    assert len(captions) == 4
    assert "H$_{2}$O" in captions
    # water is drawn as a structure like the others: two O–H bonds
    symbols = [it.text for it in result.drawing.items if isinstance(it, Text) and it.role == "atom-symbol"]
    assert symbols.count("H") >= 2


def test_lone_pairs_stand_clear_of_their_atom() -> None:
    result = _compile("water_lewis.sdl")
    (oxygen,) = [it for it in result.drawing.items if isinstance(it, Text) and it.text == "O"]
    dots = [it for it in result.drawing.items if isinstance(it, Dot) and it.role == "lone-pair"]
    assert len(dots) == 4
    letter = _box(oxygen)
    for d in dots:
        assert d.radius >= 0.025
        assert stroke_geometry(d).distance(letter) >= 0.04
    # the two dots of a pair are apart, not a smudge
    nearest = [min(math.dist(d.center, e.center) for e in dots if e is not d) for d in dots]
    assert min(nearest) >= 2 * dots[0].radius + 0.05


@pytest.mark.parametrize("name", ["hcp_cell.sdl", "nacl_cell.sdl", "bcc_cell.sdl"])
def test_no_atom_of_a_cell_hides_another(name: str) -> None:
    result = _compile(name)
    atoms = [it for it in result.drawing.items if isinstance(it, Circle) and it.role.startswith("site")]
    assert atoms
    for i, a in enumerate(atoms):
        for b in atoms[i + 1:]:
            assert math.dist(a.center, b.center) >= 1.2 * (a.radius + b.radius), (a.center, b.center)
