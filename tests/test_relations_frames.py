"""Reference frames S and S′ measured on the page: S at its stated origin, S′ a stated gap to its right on
the same base line, and the velocity arrow from S′ along its x axis."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.primitives import Line
from tests.conftest import compile_ok

CODES_TESTED_HERE = ()


@settings(max_examples=15, deadline=None)
@given(x0=st.floats(-3.0, 3.0), y0=st.floats(-3.0, 3.0), gap=st.floats(1.0, 4.0), side=st.floats(1.5, 3.0),
       speed=st.floats(0.8, 2.0), start=st.sampled_from(["origin", "y"]))
def test_frames_and_velocity_sit_where_their_relations_put_them(x0: float, y0: float, gap: float, side: float,
                                                                speed: float, start: str) -> None:
    text = (f'axes S {{ at: ({x0:.3f}, {y0:.3f}), labels: ["$x$", "$y$"], length: {side:.3f} }}\n'
            f'axes S2 right of S {{ gap: {gap:.3f}, labels: ["$x\'$", "$y\'$"], length: {side:.3f} }}\n'
            f'arrow v from S2.{start} {{ direction: right, length: {speed:.3f}, label: "$v$" }}\n')
    page = compile_ok(text).drawing
    axes = {(it.owner, round(it.points[-1][0] - it.points[0][0], 6) != 0): it.points
            for it in page.items if isinstance(it, Line) and it.role == "axis"}
    (sx0, sy0), (sx1, _) = axes[("S", True)]
    k = (sx1 - sx0) / side  # a small figure is enlarged on the page
    assert (sx0, sy0) == page.anchors["S.origin"] and axes[("S", False)][0] == (sx0, sy0)
    (tx0, ty0), _ = axes[("S2", True)]
    assert math.isclose(tx0 - sx1, gap * k, rel_tol=2e-3) and math.isclose(ty0, sy0, abs_tol=1e-6)
    assert axes[("S2", False)][0] == (tx0, ty0)
    (vx0, vy0), (vx1, vy1) = next(it.points for it in page.items if isinstance(it, Line) and it.owner == "v")
    assert (vx0, vy0) == page.anchors[f"S2.{start}"]
    assert math.isclose(vy1, vy0, abs_tol=1e-6) and math.isclose(vx1 - vx0, speed * k, rel_tol=2e-3)
