"""Double-headed lines and arcs measured on the drawn page: a head at each end, each pointing outward."""
from __future__ import annotations

import math

from hypothesis import example, given, settings
from hypothesis import strategies as st

from scidsl.primitives import Line
from tests.conftest import compile_ok

CODES_TESTED_HERE = ()


def _heads(result) -> list[tuple[tuple[float, float], tuple[float, float]]]:  # type: ignore[no-untyped-def]
    """(tail, tip) of every arrow head painted on the canvas, in page cm."""
    from matplotlib.patches import FancyArrowPatch

    return [tuple(p._posA_posB) for p in result.canvas.figure.artists if isinstance(p, FancyArrowPatch)]


def _check_both_ends(result, owner: str) -> None:  # type: ignore[no-untyped-def]
    line = next(it for it in result.drawing.items if isinstance(it, Line) and it.owner == owner)
    heads = _heads(result)
    assert len(heads) == 2
    ends = [(line.points[0], line.points[1]), (line.points[-1], line.points[-2])]
    for end, inner in ends:  # one head on each end, pointing away from the line's inside
        tail, tip = min(heads, key=lambda h: math.dist(h[1], end))
        assert math.dist(tip, end) < 1e-6
        out = (end[0] - inner[0], end[1] - inner[1])
        way = (tip[0] - tail[0], tip[1] - tail[1])
        cos = (out[0] * way[0] + out[1] * way[1]) / (math.hypot(*out) * math.hypot(*way))
        assert cos > 0.95


@settings(max_examples=20, deadline=None)
@given(angle=st.integers(0, 359), length=st.floats(0.8, 8.0))
def test_a_double_headed_line_has_a_head_at_each_end_pointing_out(angle: int, length: float) -> None:
    x, y = length * math.cos(math.radians(angle)), length * math.sin(math.radians(angle))
    result = compile_ok(f"polyline L {{ points: [(0, 0), ({x:.3f}, {y:.3f})], arrow: both }}\n")
    _check_both_ends(result, "L")
    line = next(it for it in result.drawing.items if isinstance(it, Line) and it.owner == "L")
    (x0, y0), (x1, y1) = line.points
    assert abs((math.degrees(math.atan2(y1 - y0, x1 - x0)) - angle + 180) % 360 - 180) < 0.1


@settings(max_examples=20, deadline=None)
@given(start=st.integers(-180, 180), sweep=st.integers(40, 300), radius=st.floats(0.8, 3.0))
@example(start=0, sweep=277, radius=0.875)  # a last segment a sampling step longer than the run-up
def test_a_double_headed_arc_has_a_head_at_each_end_along_it(start: int, sweep: int, radius: float) -> None:
    result = compile_ok(f"circle_arc a {{ center: (0, 0), radius: {radius:.3f}, start: {start} deg, "
                        f"end: {start + sweep} deg, arrow: both }}\n")
    _check_both_ends(result, "a")
    line = next(it for it in result.drawing.items if isinstance(it, Line) and it.owner == "a")
    c = _circumcentre(line.points[0], line.points[len(line.points) // 2], line.points[-1])
    for tail, tip in _heads(result):  # each head runs along the arc: near right angles to the radius at its tip
        radial, way = (tip[0] - c[0], tip[1] - c[1]), (tip[0] - tail[0], tip[1] - tail[1])
        # a head is set by the arc's last segment: the run-up of 0.22 cm plus at most one sampling step
        # (300 deg in 96 points), a chord at most asin(run / 2r) off the tangent
        run = 0.22 + math.radians(sweep) / 95 * radius
        sine = run / (2 * radius) + 1e-3
        assert abs(radial[0] * way[0] + radial[1] * way[1]) < sine * math.hypot(*radial) * math.hypot(*way)


def _circumcentre(a, b, c) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    d = 2 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]))
    sa, sb, sc = a[0] ** 2 + a[1] ** 2, b[0] ** 2 + b[1] ** 2, c[0] ** 2 + c[1] ** 2
    return ((sa * (b[1] - c[1]) + sb * (c[1] - a[1]) + sc * (a[1] - b[1])) / d,
            (sa * (c[0] - b[0]) + sb * (a[0] - c[0]) + sc * (b[0] - a[0])) / d)
