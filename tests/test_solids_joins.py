"""Composite solids: a solid stated `on` another stands centred on its top face, flush when round, and fits."""

from __future__ import annotations

from pathlib import Path

import pytest

import scidsl
from scidsl.domains.solids.joins import _fits

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "solids"


def _facts(result: scidsl.pipeline.Result) -> dict[tuple, object]:
    return {(f.predicate, f.args): f.value for f in result.facts}


def test_a_cap_stands_on_the_cylinder_top_and_takes_its_radius():
    result = scidsl.compile((EXAMPLES / "capsule.sdl").read_text())
    assert result.ok, result.diagnostics
    facts = _facts(result)
    assert facts[("dimension", ("cap", "radius"))] == pytest.approx(2)
    assert ("stands_on", ("cap", "body")) in facts
    o, p, t = (result.drawing.anchors[n] for n in "OPT")
    # O, P, T on one vertical line, P 6 cm above O and T a radius (2 cm) above P, on the page's scale
    assert o[0] == pytest.approx(p[0]) == pytest.approx(t[0])
    assert (t[1] - p[1]) / (p[1] - o[1]) == pytest.approx(2 / 6)


def test_a_cone_on_a_bowl_joins_at_its_flat_face_and_the_whole_toy_has_a_volume():
    result = scidsl.compile((EXAMPLES / "cone_on_hemisphere.sdl").read_text())
    assert result.ok, result.diagnostics
    facts = _facts(result)
    assert facts[("dimension", ("hat", "radius"))] == pytest.approx(3)
    assert facts[("volume", ("bowl", "hat"))] == pytest.approx(18 * 3.141592653589793 + 12 * 3.141592653589793)


def test_the_silo_roof_takes_the_radius_of_the_cylinder_and_its_slant_height_is_solved():
    result = scidsl.compile((EXAMPLES / "cone_on_cylinder.sdl").read_text())
    assert result.ok, result.diagnostics
    facts = _facts(result)
    assert facts[("dimension", ("roof", "radius"))] == pytest.approx(3)
    assert facts[("unknown", ("l", "length", "VA"))] == pytest.approx(5)
    assert facts[("volume", ("body", "roof"))] == pytest.approx(66 * 3.141592653589793)


def test_a_stated_smaller_radius_stands_on_the_face_without_being_forced_flush():
    result = scidsl.compile("cylinder body { radius: 3 cm, height: 4 cm }\ncylinder top on body { radius: 1 cm, height: 2 cm, show_dimensions: false }")
    assert result.ok, result.diagnostics
    assert _facts(result)[("dimension", ("top", "radius"))] == pytest.approx(1)


def test_polyhedra_stack_on_a_top_face_and_a_base_too_wide_is_refused():
    ok = scidsl.compile("cube ABCDEFGH { side: 6 cm }\npyramid VIJKL on ABCDEFGH { side: 4 cm, height: 4 cm }")
    assert ok.ok, ok.diagnostics
    v, a, e = (ok.drawing.anchors[n] for n in "VAE")
    assert v[1] > e[1] > a[1]
    bad = scidsl.compile("cube ABCDEFGH { side: 3 cm }\ncylinder on ABCDEFGH { radius: 2 cm, height: 1 cm }")
    assert [d.code for d in bad.diagnostics] == ["E9763"]


@pytest.mark.parametrize("base, face, fits", [
    (("circle", 2.0), ("circle", 2.0), True),
    (("circle", 2.1), ("circle", 2.0), False),
    (("polygon", [(-1, -1), (1, -1), (1, 1), (-1, 1)]), ("circle", 1.5), True),
    (("polygon", [(-1, -1), (1, -1), (1, 1), (-1, 1)]), ("circle", 1.4), False),
    (("circle", 1.0), ("polygon", [(-1, -1), (1, -1), (1, 1), (-1, 1)]), True),
    (("circle", 1.01), ("polygon", [(-1, -1), (1, -1), (1, 1), (-1, 1)]), False),
    (("polygon", [(-2, -1), (2, -1), (2, 1), (-2, 1)]), ("polygon", [(-2, -2), (2, -2), (2, 2), (-2, 2)]), True),
    (("polygon", [(-3, -1), (3, -1), (3, 1), (-3, 1)]), ("polygon", [(-2, -2), (2, -2), (2, 2), (-2, 2)]), False),
])
def test_a_base_fits_a_face_when_it_lies_within_it(base, face, fits):
    assert _fits(base, face) is fits
