"""Mechanics relations measured on the page: ropes leave carts parallel to their slopes over a pulley at a
wedge's apex, a cable runs to its wall at its stated direction, and a tension is drawn beside its string."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.domains.draw import domain as draw
from scidsl.primitives import Line
from tests.conftest import compile_ok, layout_and_page

CODES_TESTED_HERE = ("E4014", "E4025")


def _angle(a, b) -> float:  # type: ignore[no-untyped-def]
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0])) % 180


def _line(page, owner: str) -> Line:  # type: ignore[no-untyped-def]
    return next(it for it in page.items if isinstance(it, Line) and it.owner == owner)


@settings(max_examples=20, deadline=None)
@given(left=st.integers(20, 60), right=st.integers(20, 60), height=st.floats(0.45, 0.9))
def test_ropes_leave_carts_parallel_to_the_slopes_of_a_wedge(left: int, right: int, height: float) -> None:
    text = (f"floor f\nwedge w on f {{ angles: [{left} deg, {right} deg], height: 3 }}\n"
            f"cart A on w.left {{ length: 1.2, height: {height:.3f} }}\n"
            f"cart B on w.right {{ length: 1.2, height: {height:.3f} }}\n"
            "pulley P on w.apex\nrope r through [A.right, P, B.left]\n")
    lay, page = layout_and_page(text, "draw")
    assert draw.verify_relations(lay, page) == []
    pts = _line(page, "r").points
    assert abs(_angle(pts[0], pts[1]) - left) < 0.05
    assert abs(_angle(pts[-2], pts[-1]) - (180 - right)) < 0.05


@settings(max_examples=20, deadline=None)
@given(angle=st.integers(15, 75), length=st.floats(2.0, 6.0))
def test_a_cable_runs_to_its_wall_at_its_direction(angle: int, length: float) -> None:
    text = (f"wall w\nrod AB from w {{ length: {length:.3f}, angle: 0 deg, hinge: start }}\n"
            f"rope cable through [AB.end, w] {{ direction: {180 - angle} deg }}\n"
            f"angle_mark th at AB.end from cable.end to AB.start {{ value: {angle} deg }}\n")
    lay, page = layout_and_page(text, "draw")
    assert draw.verify_relations(lay, page) == []
    start, end = _line(page, "cable").points[0], _line(page, "cable").points[-1]
    wall = _line(page, "w").points
    assert math.isclose(end[0], wall[0][0], abs_tol=2e-3)
    rod = _line(page, "AB").points
    drawn = math.dist(rod[0], rod[-1])  # page length of the rod: a large figure is shrunk to fit the page
    assert math.isclose(end[1] - start[1], drawn * math.tan(math.radians(angle)), rel_tol=2e-3)


def test_a_cable_pointing_away_from_its_wall_cannot_reach_it() -> None:
    from scidsl import compile as compile_scene

    result = compile_scene("wall w\nrod AB from w { length: 4, angle: 0 deg }\n"
                           "rope c through [AB.end, w] { direction: 20 deg }\n")
    assert [d.code for d in result.diagnostics] == ["E4014"]


@settings(max_examples=15, deadline=None)
@given(angle=st.integers(-60, 60).filter(lambda a: abs(a) >= 5), length=st.floats(2.5, 5.0))
def test_a_tension_is_drawn_beside_its_string_and_along_it(angle: int, length: float) -> None:
    text = (f"ceiling top\npendulum p hangs from top {{ length: {length:.3f}, angle: {angle} deg }}\n"
            "force T from p.bob { direction: towards(p.pivot), length: 1.5, role: tension }\n")
    page = compile_ok(text).drawing
    tail, tip = _line(page, "T").points[0], _line(page, "T").points[-1]
    pivot, bob = page.anchors["p.pivot"], page.anchors["p.bob"]
    assert abs(_angle(tail, tip) - _angle(bob, pivot)) < 0.05  # parallel to the string
    u = ((pivot[0] - bob[0]) / length, (pivot[1] - bob[1]) / length)
    apart = abs((tail[0] - bob[0]) * u[1] - (tail[1] - bob[1]) * u[0])
    assert 0.15 < apart < 0.3  # beside it, not on it


@settings(max_examples=20, deadline=None)
@given(angle=st.integers(25, 60), height=st.floats(0.3, 1.6), along=st.floats(0.3, 0.6), cart=st.booleans())
def test_a_rope_leaves_a_body_of_any_height_parallel_to_its_slope(angle: int, height: float, along: float,
                                                                 cart: bool) -> None:
    body = "cart" if cart else "box"  # (a steeper ramp leaves room below the hanging block)
    text = (f"floor f\nincline ramp on f {{ angle: {angle} deg, base: 7 }}\n"
            f"{body} A on ramp {{ along: {along:.3f}, length: 1.2, height: {height:.3f} }}\n"
            "pulley P on ramp.top\nbox B hangs from P { gap: 1.5, length: 0.8, height: 0.8 }\n"
            "rope r through [A.right, P, B.top]\n")
    lay, page = layout_and_page(text, "draw")
    assert draw.verify_relations(lay, page) == []
    pts = _line(page, "r").points
    if cart or height >= 0.37:  # a box lower than the pulley's radius keeps the pulley on the corner
        assert abs(_angle(pts[0], pts[1]) - angle) < 0.05
