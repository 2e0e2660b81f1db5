"""Relations inside a turned group: items are placed in the group's frame, then turned together, and every
relation among them still holds on the page (measured in the group's frame)."""
from __future__ import annotations

import math
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl import place
from scidsl.domains.draw import domain as draw
from scidsl.primitives import Line
from tests.conftest import layout_and_page

CODES_TESTED_HERE = ("E4025",)


def _scene(turn: int, width: float, gap: float) -> str:
    return (f"floor f\nbox a on f {{ length: {width:.3f}, height: 1 }}\nbox b on a {{ length: 1, height: 0.6 }}\n"
            f"box c right of a {{ gap: {gap:.3f}, length: 1, height: 1 }}\n"
            "arrow F from b.top { direction: up, length: 1.5 }\n"
            "dot m below a { gap: 0.5 }\n"
            f"group g {{ items: [f, a, b, c, F, m], rotate: {turn} deg }}\n")


def _outline(page, owner: str) -> Line:  # type: ignore[no-untyped-def]
    return next(it for it in page.items if isinstance(it, Line) and it.owner == owner and it.closed)


@settings(max_examples=20, deadline=None)
@given(turn=st.integers(-170, 170), width=st.floats(1.5, 4.0), gap=st.floats(0.2, 2.0))
def test_relations_hold_inside_a_turned_group(turn: int, width: float, gap: float) -> None:
    lay, page = layout_and_page(_scene(turn, width, gap), "draw")
    assert draw.verify_relations(lay, page) == []
    a, b = _outline(page, "a"), _outline(page, "b")
    top = (a.points[3], a.points[2])  # a's top edge, turned with the group
    segs = list(zip(b.points, b.points[1:] + b.points[:1]))
    assert place.flush_contact(segs, [top], 2e-3) is None
    arrow = next(it for it in page.items if isinstance(it, Line) and it.owner == "F")
    (x0, y0), (x1, y1) = arrow.points[0], arrow.points[-1]
    assert abs((math.degrees(math.atan2(y1 - y0, x1 - x0)) - (90 + turn) + 180) % 360 - 180) < 0.01
    c = _outline(page, "c")
    u = (math.cos(math.radians(turn)), math.sin(math.radians(turn)))
    along = [p[0] * u[0] + p[1] * u[1] for p in a.points], [p[0] * u[0] + p[1] * u[1] for p in c.points]
    assert math.isclose(min(along[1]) - max(along[0]), gap, abs_tol=2e-3)  # the page keeps 3 decimals


def test_an_item_outside_the_group_is_placed_after_the_turn() -> None:
    lay, page = layout_and_page(_scene(40, 2.0, 0.5) + "dot G above F { gap: 0.4 }\n", "draw")
    tip = next(it for it in page.items if isinstance(it, Line) and it.owner == "F").points[-1]
    assert tip[0] < page.anchors["b.top"][0] - 0.5  # the arrow leans left with the 40° turn
    assert math.isclose(page.anchors["G"][1] - tip[1], 0.4, abs_tol=2e-3)  # placed above the turned arrow
    assert draw.verify_relations(lay, page) == []


def test_a_member_moved_off_its_support_in_a_turned_group_is_caught() -> None:
    lay, page = layout_and_page(_scene(30, 2.0, 0.5), "draw")
    n = (-math.sin(math.radians(30)), math.cos(math.radians(30)))
    page.items = [replace(it, points=tuple((x + 0.3 * n[0], y + 0.3 * n[1]) for x, y in it.points))
                  if isinstance(it, Line) and it.owner == "b" else it for it in page.items]
    (d,) = draw.verify_relations(lay, page)
    assert d.code == "E4025" and "b does not touch a" in d.message and d.span.line == 3
