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
    assert line_count(charges, 8) == 16
    starts = [ln for ln in lines if math.dist(ln[0], (0.0, 0.0)) == pytest.approx(0.25)]
    ends = [ln for ln in lines if math.dist(ln[-1], (4.0, 0.0)) == pytest.approx(0.25, abs=1e-6)]
    assert len(starts) == len(ends) == 8  # equal flux leaves +q and enters -q
    assert len([ln for ln in starts if ln in ends]) >= 4  # the inner lines close on the negative charge
    for ln in lines:
        for a, b in zip(ln[:40], ln[1:40]):  # each step goes along the field, not against it
            e = field_at(a, charges)
            assert (b[0] - a[0]) * e[0] + (b[1] - a[1]) * e[1] > 0


def _gap(a: list, b: list) -> float:
    """The largest distance from a point of a to the polyline points of b (a one-sided Hausdorff distance)."""
    return max(min(math.dist(p, q) for q in b) for p in a[::5])


def test_dipole_picture_is_symmetric_about_the_bisector() -> None:
    charges = [((0.0, 0.0), 1.0), ((4.0, 0.0), -1.0)]
    lines = field_lines(charges, [0.25, 0.25], 10, 2.5)
    for ln in lines:  # the mirror image of every line is drawn too (running the other way)
        mirror = [(4.0 - x, y) for x, y in ln]
        assert min(_gap(mirror, other) for other in lines) < 0.06


def test_only_negative_charges_trace_lines_into_them() -> None:
    lines = field_lines([((0.0, 0.0), -2.0)], [0.25], 4, 2.0)
    assert len(lines) == 8
    assert all(math.dist(ln[-1], (0.0, 0.0)) == pytest.approx(0.25) for ln in lines)


def test_field_lines_scene_draws_lines_with_arrows_and_facts() -> None:
    r = scidsl.compile("charge a at (0, 0) { value: 1 }\ncharge b at (4, 0) { value: -1 }\n"
                       "field_lines E { charges: [a, b], density: 6 }")
    assert r.ok, [d.message for d in r.diagnostics]
    roles = [it.role for it in r.drawing.items if getattr(it, "owner", None) == "E"]
    assert roles.count("field_line") == roles.count("flow") == 8  # 4 close on b, 2 leave a, 2 come into b
    assert {(f.predicate, f.value) for f in r.facts if f.predicate == "charge"} == {("charge", 1.0), ("charge", -1.0)}


def test_too_dense_field_lines_are_refused() -> None:
    r = scidsl.compile("charge a at (0, 0) { value: 100 }\nfield_lines E { charges: [a], density: 40 }")
    assert [d.code for d in r.diagnostics] == ["E4011"]


def _label_texts(r) -> dict:  # type: ignore[no-untyped-def]
    from scidsl.primitives import Text

    return {t.owner: t for t in list(r.texts) + [it for it in r.drawing.items if isinstance(it, Text)]
            if t.owner in ("a", "b", "c", "d")}


def test_charge_labels_honour_label_at_among_field_lines() -> None:
    r = scidsl.compile(open("examples/draw/field_lines.sdl").read())
    assert r.ok, [d.message for d in r.diagnostics]
    texts, anchors = _label_texts(r), r.drawing.anchors
    for name in ("a", "b", "c", "d"):
        (x, y), (cx, cy) = texts[name].pos, anchors[name]
        assert math.degrees(math.atan2(y - cy, x - cx)) == pytest.approx(90, abs=3)
        assert math.dist((x, y), (cx, cy)) < 0.75  # beside its charge, not pushed away by the lines


def test_labels_of_neighbouring_charges_stay_apart() -> None:
    r = scidsl.compile("charge c at (0, 0) { value: 1, label: \"$+q$\" }\ncharge d at (3, 0) { value: 1, label: "
                       "\"$+q$\" }\nfield_lines E { charges: [c, d], density: 10 }")
    assert r.ok, [d.message for d in r.diagnostics]
    texts = _label_texts(r)
    assert math.dist(texts["c"].pos, texts["d"].pos) > 1.5  # not read as one string in the gap between them
