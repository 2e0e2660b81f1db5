"""After-render verification of the drawing layer on tampered pages (what a renderer bug would look like)."""
from __future__ import annotations

from dataclasses import replace

import scidsl
from scidsl.domains.draw import domain as draw
from scidsl.primitives import Arc, Line

CODES_TESTED_HERE = ("E4017",)


def _layout_and_page(text: str):  # type: ignore[no-untyped-def]
    """The drawing layer's layout of a compiled scene (same nodes, so the same owners) and its page."""
    result = scidsl.compile(text)
    assert result.ok, [d.message for d in result.diagnostics]

    class Ctx:  # the parts of the domain context that layout() reads
        nodes = [n for n in result.scene.items if getattr(n, "domain", "") == "draw"]
        anchors: dict = {}

        def report(self, d) -> None:  # type: ignore[no-untyped-def]
            raise AssertionError(d.message)

    return draw.layout(Ctx()), result.drawing


def test_untouched_page_verifies() -> None:
    lay, page = _layout_and_page("angle_mark a at (0, 0) from (3, 0) to (1, 1.732) { value: 60 deg }\n"
                                 "polyline arms { points: [(3, 0), (0, 0), (1, 1.732)] }\n"
                                 "incline ramp at (5, 0) { angle: 30 deg }\n"
                                 "dimension d from (0, -1) to (4, -1) { value: 2 cm }\n"
                                 "dimension e from (0, -2) to (2, -2) { value: 1 cm }")
    assert draw.verify_page(lay, page) == []


def test_a_distorted_angle_mark_is_caught() -> None:
    lay, page = _layout_and_page("angle_mark a at (0, 0) from (3, 0) to (1, 1.732) { value: 60 deg }\n"
                                 "polyline arms { points: [(3, 0), (0, 0), (1, 1.732)] }")
    page.items = [replace(it, theta2=it.theta1 + 50) if isinstance(it, Arc) and it.owner == "a" else it
                  for it in page.items]
    (d,) = draw.verify_page(lay, page)
    assert d.code == "E4017" and "50.0°" in d.message


def test_a_distorted_incline_is_caught() -> None:
    lay, page = _layout_and_page("incline ramp at (0, 0) { angle: 30 deg }")
    page.items = [replace(it, points=(it.points[0], it.points[1], (it.points[2][0], it.points[2][1] * 2)))
                  if isinstance(it, Line) and it.role == "incline" else it for it in page.items]
    assert [d.code for d in draw.verify_page(lay, page)] == ["E4017"]


def test_a_dimension_off_scale_is_caught() -> None:
    lay, page = _layout_and_page("dimension d from (0, 0) to (4, 0) { value: 2 cm }\n"
                                 "dimension e from (0, -1) to (2, -1) { value: 1 cm }")
    page.items = [replace(it, points=(it.points[0], (it.points[1][0] * 1.5, it.points[1][1])))
                  if isinstance(it, Line) and it.role == "dimension" and it.owner == "e" else it for it in page.items]
    assert [d.code for d in draw.verify_page(lay, page)] == ["E4017"]
