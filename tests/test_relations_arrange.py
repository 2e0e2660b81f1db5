"""Arrangement relations measured on the page: edges aligned beside another body, arrow heads half way along
arcs and curves, a point centred inside a body or on a vertex, an arrow towards a point."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl import place
from scidsl.domains.draw import domain as draw
from scidsl.primitives import Arc, Line
from tests.conftest import compile_ok, layout_and_page

CODES_TESTED_HERE = ("E4025", "E4040")


def _box(page, owner: str) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    pts = [p for a, b in place.segments(page, owner) for p in (a, b)]
    return min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts)


@settings(max_examples=20, deadline=None)
@given(h=st.floats(0.4, 3.0), edge=st.sampled_from(["top", "bottom", "left", "right"]), gap=st.floats(0.2, 2.0))
def test_aligned_edges_are_in_line_on_the_page(h: float, edge: str, gap: float) -> None:
    side = "right of" if edge in ("top", "bottom") else "above"
    text = (f"box a {{ length: 2, height: 1.5 }}\n"
            f"box b {side} a {{ gap: {gap:.3f}, length: {h * 0.8:.3f}, height: {h:.3f}, aligned: {edge} }}\n")
    lay, page = layout_and_page(text, "draw")
    assert draw.verify_relations(lay, page) == []
    a, b = _box(page, "a"), _box(page, "b")
    k = (a[2] - a[0]) / 2  # a small figure is enlarged on the page
    i = {"left": 0, "bottom": 1, "right": 2, "top": 3}[edge]
    assert math.isclose(a[i], b[i], abs_tol=2e-3)
    if side == "right of":
        assert math.isclose(b[0] - a[2], gap * k, abs_tol=4e-3)
    else:
        assert math.isclose(b[1] - a[3], gap * k, abs_tol=4e-3)


def test_an_aligned_item_moved_off_its_edge_is_caught() -> None:
    lay, page = layout_and_page("box a { length: 2, height: 1.5 }\nbox b right of a { height: 0.5, aligned: top }\n",
                                "draw")
    from dataclasses import replace

    page.items = [replace(it, points=tuple((x, y - 0.2) for x, y in it.points))
                  if isinstance(it, Line) and it.owner == "b" else it for it in page.items]
    (d,) = draw.verify_relations(lay, page)
    assert d.code == "E4025" and "top edges of b and a differ" in d.message


def _head(page, owner: str) -> Line:  # type: ignore[no-untyped-def]
    return next(it for it in page.items if isinstance(it, Line) and it.owner == owner and it.role == "flow")


@settings(max_examples=20, deadline=None)
@given(start=st.integers(-180, 90), sweep=st.integers(60, 300), radius=st.floats(0.8, 3.0))
def test_a_rotation_arrow_has_its_head_half_way_round_pointing_on(start: int, sweep: int, radius: float) -> None:
    text = ("disk wheel { radius: 0.5 }\n"
            f"circle_arc w {{ center: wheel, radius: {radius:.3f}, start: {start} deg, end: {start + sweep} deg, "
            "arrow: middle }\n")
    page = compile_ok(text).drawing
    drawn = next(it for it in page.items if isinstance(it, Arc) and it.owner == "w")
    c, r = drawn.center, drawn.radius  # on the page (a small figure is enlarged)
    back, tip = _head(page, "w").points
    assert abs(math.dist(tip, c) - r) < 0.01 * r
    half = math.radians(start + sweep / 2) + 0.12 / radius
    assert math.dist(tip, (c[0] + r * math.cos(half), c[1] + r * math.sin(half))) < 0.02 * r
    radial = (tip[0] - c[0], tip[1] - c[1])
    assert radial[0] * (tip[1] - back[1]) - radial[1] * (tip[0] - back[0]) > 0  # counter-clockwise, as stated
    assert drawn.arrow is None  # no head at either end


@settings(max_examples=15, deadline=None)
@given(st.lists(st.floats(-2.0, 2.0), min_size=3, max_size=6))
def test_a_curve_has_one_head_at_half_its_length(ys: list) -> None:
    pts = ", ".join(f"({i}, {y:.3f})" for i, y in enumerate(ys))
    page = compile_ok(f"curve c {{ through: [{pts}], arrow: middle }}\n").drawing
    line = next(it for it in page.items if isinstance(it, Line) and it.owner == "c" and it.role != "flow")
    path = list(line.points)
    k = (max(p[0] for p in path) - min(p[0] for p in path)) / (len(ys) - 1)  # page cm per scene cm
    lengths = [math.dist(a, b) for a, b in zip(path, path[1:])]
    _, tip = _head(page, "c").points
    walked, best = 0.0, math.inf
    for (a, b), d in zip(zip(path, path[1:]), lengths):
        for j in range(11):
            p = (a[0] + (b[0] - a[0]) * j / 10, a[1] + (b[1] - a[1]) * j / 10)
            if math.dist(p, tip) < best:
                best, at = math.dist(p, tip), walked + d * j / 10
        walked += d
    assert best < 0.02 * k and abs(at - (sum(lengths) / 2 + 0.12 * k)) <= 0.55 * k  # moved off a sharp turn


@settings(max_examples=15, deadline=None)
@given(w=st.floats(0.5, 4.0), h=st.floats(0.5, 4.0), corner=st.sampled_from(["top_left", "top_right", "bottom_left",
                                                                              "bottom_right"]))
def test_points_sit_inside_a_body_and_on_its_vertex(w: float, h: float, corner: str) -> None:
    text = (f"box r {{ length: {w:.3f}, height: {h:.3f} }}\ndot O inside r\ndot V on r.{corner}\n"
            "arrow F from V { direction: towards(O), length: 0.4 }\n")
    lay, page = layout_and_page(text, "draw")
    assert draw.verify_relations(lay, page) == []
    x0, y0, x1, y1 = _box(page, "r")
    assert math.dist(page.anchors["O"], ((x0 + x1) / 2, (y0 + y1) / 2)) < 2e-3
    assert math.dist(page.anchors["V"], page.anchors[f"r.{corner}"]) < 2e-3
    a, b = next(it for it in page.items if isinstance(it, Line) and it.owner == "F").points[:2]
    o = page.anchors["O"]
    cross = (b[0] - a[0]) * (o[1] - a[1]) - (b[1] - a[1]) * (o[0] - a[0])
    assert abs(cross) < 0.01 * math.dist(a, o)  # the arrow lies on the line to O


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(st.floats(0.4, 3.0), st.floats(0.4, 3.0)), min_size=2, max_size=4))
def test_an_item_no_relation_places_stands_right_of_everything_before_it(sizes: list) -> None:
    text = "".join(f"box b{i} {{ length: {w:.3f}, height: {h:.3f} }}\n" for i, (w, h) in enumerate(sizes))
    _, page = layout_and_page(text, "draw")
    boxes = [_box(page, f"b{i}") for i in range(len(sizes))]
    for i in range(1, len(boxes)):
        assert boxes[i][0] > max(b[2] for b in boxes[:i]) + 0.5  # the documented default: never an overlap
        assert math.isclose(boxes[i][1], boxes[0][1], abs_tol=2e-3)  # standing on the same line


@settings(max_examples=15, deadline=None)
@given(gap=st.floats(1.0, 5.0), height=st.floats(0.5, 2.0))
def test_a_spring_between_a_wall_and_a_body_joins_them_on_the_page(gap: float, height: float) -> None:
    text = (f"floor f\nwall w\nbox b on f against w {{ length: 1, height: {height:.3f} }}\n"
            f"box c on f right of b {{ gap: {gap:.3f}, length: 1, height: {height:.3f} }}\n"
            "spring s from b.right to c.left { coils: 6 }\n")
    lay, page = layout_and_page(text, "draw")
    assert draw.verify_relations(lay, page) == []
    line = next(it for it in page.items if isinstance(it, Line) and it.owner == "s")
    ends = {line.points[0], line.points[-1]}
    assert min(math.dist(page.anchors["b.right"], e) for e in ends) < 2e-3
    assert min(math.dist(page.anchors["c.left"], e) for e in ends) < 2e-3
    assert math.isclose(_box(page, "c")[0] - _box(page, "b")[2], gap, abs_tol=2e-3)


@settings(max_examples=15, deadline=None)
@given(angle=st.integers(5, 75))
def test_a_normal_force_stands_perpendicular_to_its_slope(angle: int) -> None:
    text = (f"incline ramp {{ angle: {angle} deg, base: 6 }}\nbox A on ramp {{ length: 1, height: 0.6 }}\n"
            "force N from A.top { direction: normal(ramp.slope), length: 1.5 }\n")
    lay, page = layout_and_page(text, "draw")
    assert draw.verify_relations(lay, page) == []
    a, b = next(it for it in page.items if isinstance(it, Line) and it.owner == "N").points[:2]
    drawn = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
    assert abs(drawn - (angle + 90)) < 0.05


def test_conflicting_relations_name_both_statements() -> None:
    from scidsl import compile as compile_scene

    (d,) = compile_scene("floor f\nbox a on f\nbox b on f\n").diagnostics
    assert d.code == "E4027" and d.span.line == 3 and [r[0].line for r in d.related] == [2]
    (d,) = compile_scene("floor f\nbox b on f at (0, 3)\n").diagnostics
    assert d.code == "E4020" and d.span.line == 2 and d.related[0][0].col == 7  # 'on' within the statement
