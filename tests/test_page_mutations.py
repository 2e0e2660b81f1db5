"""Page mutation: faults injected into compiled examples at page level are every one caught, with the right code.

The faults are what a renderer bug draws: a label moved onto another object, two labels swapped, a
glyph no font has, the segment under an angle mark removed, an angle mark turned 5° off its lines, one
arm of a marked angle drawn 5° off (the drawn angle changed, its mark kept), a
wire through a cell, a wire at a terminal removed, a computed point drawn off its curve.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import scidsl
from tests.page_faults import FAULTS, Fault, redraw

ROOT = Path(__file__).resolve().parent.parent / "examples"
SCENES = ["geometry/right_triangle_345", "geometry/altitude_on_hypotenuse", "geometry/thales", "geometry/incircle",
          "geometry/isosceles", "geometry/inscribed_angle", "geometry/triangle_angle_sum",
          "geometry/parallelogram", "circuits/kirchhoff_two_loop", "circuits/series_resistors",
          "circuits/rc_charging", "circuits/lamp_meters", "circuits/wheatstone_bridge", "draw/lens_images",
          "draw/mirror_images", "reference/5", "plots/parabola", "plots/sin_cos",
          "solids/cone_slant_height", "solids/cuboid_space_diagonal"]


@pytest.fixture(scope="module")
def faults() -> list[tuple[str, object, Fault]]:
    out = []
    for name in SCENES:
        result = scidsl.compile((ROOT / f"{name}.sdl").read_text("utf-8"), f"{name}.sdl")
        assert result.ok, (name, [d.message for d in result.diagnostics])
        assert redraw(result) == [], name  # the untouched page verifies
        out += [(name, result, f) for make in FAULTS for f in make(result)]
    return out


def test_at_least_a_hundred_faults_of_every_kind(faults: list) -> None:
    kinds = Counter(f.code for _, _, f in faults)
    assert len(faults) >= 100
    assert set(kinds) == {"E5010", "E5013", "E5014", "E5015", "E5017", "E5018"}


def test_every_injected_fault_is_caught_with_its_code(faults: list) -> None:
    missed = []
    for name, result, fault in faults:
        codes = {d.code for d in redraw(result, fault.items, fault.texts, fault.bodies)}
        if fault.code not in codes:
            missed.append(f"{name}: {fault.name} → {sorted(codes)}, wanted {fault.code}")
    assert missed == []
