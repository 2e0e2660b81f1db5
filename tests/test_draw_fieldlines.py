"""Field lines of point charges: they follow the Coulomb field from positive to negative charges."""
from __future__ import annotations

import math

import pytest

import scidsl
from scidsl.domains.draw.fieldlines import field_at, field_lines, line_count


def test_field_of_one_charge_points_away_and_falls_as_inverse_square() -> None:
    e1 = field_at((1.0, 0.0), [((0.0, 0.0), 1.0)])
    e2 = field_at((2.0, 0.0), [((0.0, 0.0), 1.0)])
    assert e1[0] > 0 and e1[1] == 0
    assert e1[0] / e2[0] == pytest.approx(4)


def test_dipole_lines_run_from_plus_to_minus_along_the_field() -> None:
    charges = [((0.0, 0.0), 1.0), ((4.0, 0.0), -1.0)]
    lines = field_lines(charges, [0.25, 0.25], 8, 2.5)
    assert len(lines) == line_count(charges, 8) == 8
    ending_on_minus = [ln for ln in lines if math.dist(ln[-1], (4.0, 0.0)) < 0.26]
    assert len(ending_on_minus) >= 4  # the inner lines close on the negative charge
    for ln in lines:
        assert math.dist(ln[0], (0.0, 0.0)) == pytest.approx(0.25)
        for a, b in zip(ln[:40], ln[1:40]):  # each step goes along the field, not against it
            e = field_at(a, charges)
            assert (b[0] - a[0]) * e[0] + (b[1] - a[1]) * e[1] > 0


def test_only_negative_charges_trace_lines_into_them() -> None:
    lines = field_lines([((0.0, 0.0), -2.0)], [0.25], 4, 2.0)
    assert len(lines) == 8
    assert all(math.dist(ln[-1], (0.0, 0.0)) == pytest.approx(0.25) for ln in lines)


def test_field_lines_scene_draws_lines_with_arrows_and_facts() -> None:
    r = scidsl.compile("charge a at (0, 0) { value: 1 }\ncharge b at (4, 0) { value: -1 }\n"
                       "field_lines E { charges: [a, b], density: 6 }")
    assert r.ok, [d.message for d in r.diagnostics]
    roles = [it.role for it in r.drawing.items if getattr(it, "owner", None) == "E"]
    assert roles.count("field_line") == 6 and roles.count("flow") == 6
    assert {(f.predicate, f.value) for f in r.facts if f.predicate == "charge"} == {("charge", 1.0), ("charge", -1.0)}


def test_too_dense_field_lines_are_refused() -> None:
    r = scidsl.compile("charge a at (0, 0) { value: 100 }\nfield_lines E { charges: [a], density: 40 }")
    assert [d.code for d in r.diagnostics] == ["E4011"]
