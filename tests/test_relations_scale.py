"""World lengths drawn to one scale, measured on the page; lengths that cannot share one scale get E4026."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl import place
from tests.conftest import compile_ok

CODES_TESTED_HERE = ("E4026",)
_CM = {"m": 100.0, "cm": 1.0}


def _box(page, owner: str) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    pts = [p for a, b in place.segments(page, owner) for p in (a, b)]
    return min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts)


@settings(max_examples=20, deadline=None)
@given(unit=st.sampled_from(["m", "cm"]), a=st.floats(1.0, 5.0), b=st.floats(1.0, 5.0), gap=st.floats(0.5, 3.0),
       gap_unit=st.sampled_from(["m", "cm"]))
def test_world_lengths_keep_their_ratios_on_the_page(unit: str, a: float, b: float, gap: float, gap_unit: str) -> None:
    g = gap * _CM[unit] / _CM[gap_unit]  # `gap` blocks' units, stated in the gap's own unit
    text = (f"box A {{ length: {a:.3f} {unit}, height: 1 {unit} }}\n"
            f"box B right of A {{ gap: {g:.6g} {gap_unit}, length: {b:.3f} {unit}, height: 1 {unit} }}\n")
    page = compile_ok(text).drawing
    pa, pb = _box(page, "A"), _box(page, "B")
    k = (pa[2] - pa[0]) / a  # page cm per world unit
    assert math.isclose(pb[2] - pb[0], b * k, rel_tol=2e-3)
    assert math.isclose(pa[3] - pa[1], k, rel_tol=2e-3)
    assert math.isclose(pb[0] - pa[2], float(f"{g:.6g}") * _CM[gap_unit] / _CM[unit] * k, rel_tol=5e-3)


@settings(max_examples=15, deadline=None)
@given(big=st.floats(1.0, 50.0), big_unit=st.sampled_from(["km", "m"]), small=st.floats(0.1, 2.0),
       small_unit=st.sampled_from(["mm", "µm"]))
def test_lengths_that_cannot_share_one_scale_are_refused(big: float, big_unit: str, small: float,
                                                         small_unit: str) -> None:
    from scidsl import compile as compile_scene

    result = compile_scene(f"floor road\nbox car on road {{ length: {big:.3f} {big_unit}, height: 1.5 }}\n"
                           f"box bead right of car {{ gap: 1 cm, length: {small:.3f} {small_unit}, height: 0.3 }}\n")
    assert "E4026" in [d.code for d in result.diagnostics]
