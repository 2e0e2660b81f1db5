"""Where geometry marks and labels land, measured in page coordinates of the compiled drawing."""
from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Point, Polygon

import scidsl
from scidsl.domains.geometry import constructions as cx
from scidsl.labels import text_box
from scidsl.primitives import Arc, Circle, Line

ROOT = Path(__file__).resolve().parent.parent


def compiled(text: str) -> scidsl.pipeline.Result:
    """A scene that must compile without diagnostics."""
    r = scidsl.compile(text)
    assert r.ok, [d.to_dict() for d in r.diagnostics]
    return r


def example(name: str) -> scidsl.pipeline.Result:
    return compiled((ROOT / "examples" / name).read_text("utf-8"))


def label(r: scidsl.pipeline.Result, text: str):  # type: ignore[no-untyped-def]
    """The placed text and its box."""
    found = [t for t in r.texts if t.text == text]
    assert len(found) == 1, [t.text for t in r.texts]
    return found[0], text_box(found[0].text, found[0].size, found[0].pos)


def seg(r: scidsl.pipeline.Result, a: str, b: str) -> LineString:
    return LineString([r.drawing.anchors[a], r.drawing.anchors[b]])


def along(r: scidsl.pipeline.Result, a: str, b: str, p: tuple[float, float]) -> float:
    """Where p projects onto ab, as a fraction of ab."""
    pa, pb = r.drawing.anchors[a], r.drawing.anchors[b]
    ab = cx.sub(pb, pa)
    return cx.dot(cx.sub(p, pa), ab) / cx.dot(ab, ab)


def side_of(r: scidsl.pipeline.Result, a: str, b: str, p: tuple[float, float]) -> float:
    pa, pb = r.drawing.anchors[a], r.drawing.anchors[b]
    return cx.cross(cx.sub(pb, pa), cx.sub(p, pa))


# -- length labels -------------------------------------------------------------------------------


def test_length_of_a_divided_side_is_written_at_its_middle_on_a_dimension_line() -> None:
    r = example("geometry/isosceles.sdl")
    text, box = label(r, "4 cm")
    assert along(r, "B", "C", text.pos) == pytest.approx(0.5, abs=0.05)
    assert side_of(r, "B", "C", text.pos) * side_of(r, "B", "C", r.drawing.anchors["A"]) < 0
    _, d_box = label(r, "D")
    assert box.distance(d_box) > 0.3
    dims = [it for it in r.drawing.items if isinstance(it, Line) and it.role == "dimension" and it.arrow]
    assert len(dims) == 1
    ends = sorted(along(r, "B", "C", p) for p in dims[0].points)
    assert ends == pytest.approx([0.0, 1.0], abs=1e-6)


@settings(max_examples=12, deadline=None)
@given(ratio=st.floats(0.1, 0.9), angle=st.floats(35, 110))
def test_length_label_sits_by_the_middle_of_its_whole_side(ratio: float, angle: float) -> None:
    r = compiled(f"triangle ABC\ngiven angle(B) = {angle:.3f} deg\ngiven length(AB) = 5\n"
                 f"given length(BC) = 7\npoint D on BC {{ ratio: {ratio:.3f} }}\nsegment AD\n")
    text, box = label(r, "7")
    assert 0.3 <= along(r, "B", "C", text.pos) <= 0.7
    assert side_of(r, "B", "C", text.pos) * side_of(r, "B", "C", r.drawing.anchors["A"]) < 0
    _, d_box = label(r, "D")
    assert box.distance(d_box) > 0.2


def test_length_label_keeps_clear_of_a_circle_its_segment_leaves() -> None:
    r = example("geometry/tangents_external_point.sdl")
    _, box = label(r, "5 cm")
    circle = next(it for it in r.drawing.items if isinstance(it, Circle))
    outline = Point(circle.center).buffer(circle.radius, 64).exterior
    assert box.distance(outline) >= 0.15


def test_length_on_a_segment_crossed_at_its_middle_stays_off_the_crossing_line() -> None:
    r = example("geometry/perpendicular_bisector.sdl")
    _, box = label(r, "6")
    m = next(it for it in r.drawing.items if isinstance(it, Line) and it.owner == "m")
    assert box.distance(LineString(m.points)) >= 0.3
    line_name, _ = label(r, "$m$")
    assert Point(line_name.pos).distance(LineString(m.points)) < 0.6


# -- angle labels and arcs -----------------------------------------------------------------------


def _inside_angle(r: scidsl.pipeline.Result, a: str, v: str, b: str, p: tuple[float, float]) -> bool:
    pa, pv, pb = (r.drawing.anchors[n] for n in (a, v, b))
    return cx.angle_deg(pa, pv, p) + cx.angle_deg(p, pv, pb) == pytest.approx(cx.angle_deg(pa, pv, pb), abs=1e-6)


def test_angle_label_stays_in_its_angle_next_to_its_arc() -> None:
    r = example("geometry/parallelogram.sdl")
    text, box = label(r, "60°")
    assert _inside_angle(r, "B", "A", "D", text.pos)
    for other in ("AB", "AD", "AC"):
        assert box.distance(seg(r, other[0], other[1])) > 0.1
    arc = next(it for it in r.drawing.items if isinstance(it, Arc) and it.owner in ("mark angle BAD", "mark angle DAB"))
    assert box.distance(Point(r.drawing.anchors["A"])) < arc.radius + 0.3


@settings(max_examples=12, deadline=None)
@given(angle=st.floats(30, 120), ratio=st.floats(0.2, 0.8))
def test_angle_label_never_crosses_a_ray_from_its_vertex(angle: float, ratio: float) -> None:
    r = compiled(f"triangle ABC\ngiven angle(A) = {angle:.2f} deg { '{' } label: \"$\\\\alpha$\" {'}'}\n"
                 f"point D on BC {{ ratio: {ratio:.3f} }}\nsegment AD\n")
    text, box = label(r, "$\\alpha$")
    assert _inside_angle(r, "B", "A", "C", text.pos)
    for ray in ("AB", "AC", "AD"):
        assert box.distance(seg(r, ray[0], ray[1])) > 0.05


def test_bisected_angle_has_one_ticked_arc_per_half() -> None:
    r = example("geometry/angle_bisector.sdl")
    a, b, c, d = (r.drawing.anchors[n] for n in "ABCD")
    half = cx.angle_deg(b, a, d)
    for owner in ("mark angle BAD", "mark angle DAC"):
        arcs = [it for it in r.drawing.items if isinstance(it, Arc) and it.owner == owner]
        assert len(arcs) == 1 and arcs[0].theta2 - arcs[0].theta1 == pytest.approx(half, abs=1e-6)
        ticks = [it for it in r.drawing.items if isinstance(it, Line) and it.owner == owner]
        assert len(ticks) == 1
        assert LineString(ticks[0].points).intersects(LineString([
            (arcs[0].center[0] + arcs[0].radius * math.cos(math.radians(t)),
             arcs[0].center[1] + arcs[0].radius * math.sin(math.radians(t)))
            for t in (arcs[0].theta1, (arcs[0].theta1 + arcs[0].theta2) / 2, arcs[0].theta2)]).buffer(0.02))
    text, box = label(r, "70°")
    assert _inside_angle(r, "B", "A", "C", text.pos)
    assert box.distance(seg(r, "A", "D")) > 0.1


# -- parallel marks, squares and point names -----------------------------------------------------------


def _chevrons(r: scidsl.pipeline.Result) -> list[tuple[tuple[float, float], ...]]:
    return [it.points for it in r.drawing.items if isinstance(it, Line) and it.role == "mark"
            and len(it.points) == 3 and not it.closed]


def test_parallel_chevrons_match_and_keep_off_points() -> None:
    r = example("geometry/parallel_transversal.sdl")
    chevs = _chevrons(r)
    assert len(chevs) == 2
    shapes = [[x for p in c for x in cx.sub(p, c[1])] for c in chevs]
    assert shapes[0] == pytest.approx(shapes[1])
    for c in chevs:
        for p in r.drawing.anchors.values():
            assert LineString(c).distance(Point(p)) > 0.25


def test_right_angle_square_is_not_crossed_by_a_stroke_through_the_angle() -> None:
    r = example("geometry/thales.sdl")
    c, o = r.drawing.anchors["C"], r.drawing.anchors["O"]
    holes = [Polygon(it.points) for it in r.drawing.items
             if isinstance(it, Line) and it.role == "mark" and it.closed and it.stroke.fill == "white"]
    assert len(holes) == 1
    square = next(it for it in r.drawing.items if isinstance(it, Line) and it.role == "mark"
                  and len(it.points) == 3 and Point(c).distance(LineString(it.points)) < 0.7)
    crossing = LineString([c, o]).intersection(LineString(square.points))
    assert holes[0].buffer(0.01).contains(crossing)
    assert holes[0].area > 0.8 * LineString(square.points).length ** 2 / 4 * 0.8


def test_point_names_keep_clear_of_strokes_and_circles() -> None:
    r = example("geometry/incircle.sdl")
    _, box = label(r, "I")
    assert box.distance(seg(r, "I", "D")) >= 0.12
    r = example("geometry/thales.sdl")
    _, box = label(r, "C")
    circle = next(it for it in r.drawing.items if isinstance(it, Circle))
    assert box.distance(Point(circle.center).buffer(circle.radius, 64).exterior) >= 0.12


def test_right_angle_square_and_dimensions_scale_with_the_figure() -> None:
    r = example("reference/456.sdl")
    a, b = r.drawing.anchors["A"], r.drawing.anchors["B"]
    square = next(it for it in r.drawing.items if isinstance(it, Line) and it.role == "mark"
                  and len(it.points) == 3)
    assert cx.dist(square.points[0], b) >= 0.07 * cx.dist(a, b)
    dims = [it for it in r.drawing.items if isinstance(it, Line) and it.role == "dimension" and it.arrow]
    for dim in dims:
        assert min(seg(r, "A", "B").distance(LineString(dim.points)),
                   seg(r, "B", "C").distance(LineString(dim.points))) >= 0.6


@settings(max_examples=10, deadline=None)
@given(r1=st.floats(0.05, 0.95), r2=st.floats(0.05, 0.95))
def test_parallel_chevrons_never_sit_on_a_point(r1: float, r2: float) -> None:
    r = compiled("point A\npoint B\npoint C\npoint D\nsegment AB\nsegment CD\ngiven parallel(AB, CD)\n"
                 f"point P on AB {{ ratio: {r1:.3f} }}\npoint Q on CD {{ ratio: {r2:.3f} }}\n")
    chevs = _chevrons(r)
    assert len(chevs) == 2
    for c in chevs:
        for p in r.drawing.anchors.values():
            assert LineString(c).distance(Point(p)) > 0.25
