"""The drawing layer's physics kinds: geometry they produce, anchors, facts and checks."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scidsl
from scidsl.domains.draw import kinds as draw_kinds
from scidsl.domains.draw.domain import angle_between
from scidsl.primitives import Arc, Circle, Dot, Line, Text


def _compile(text: str):  # type: ignore[no-untyped-def]
    result = scidsl.compile(text)
    assert result.ok, [f"{d.code} {d.message}" for d in result.diagnostics]
    return result


def _lines(result, owner: str, role: str | None = None) -> list[Line]:  # type: ignore[no-untyped-def]
    return [it for it in result.drawing.items if isinstance(it, Line) and it.owner == owner
            and (role is None or it.role == role)]


def _texts(result) -> set[str]:  # type: ignore[no-untyped-def]
    fixed = {it.text for it in result.drawing.items if isinstance(it, Text)}
    return {t.text for t in result.texts} | fixed


def test_spring_joins_its_ends_and_zigzags_the_asked_number_of_times() -> None:
    r = _compile('spring k1 from (0, 0) to (6, 0) { coils: 5, label: "$k$" }')
    (line,) = _lines(r, "k1", "spring")
    pts = line.points
    span = r.drawing.anchors["k1.end"][0] - r.drawing.anchors["k1.start"][0]
    assert pytest.approx(pts[-1][0] - pts[0][0]) == span
    peaks = [p for p in pts if p[1] > 1e-6]
    assert len(peaks) == 5
    assert "$k$" in _texts(r)


def test_coil_spring_makes_loops() -> None:
    r = _compile("spring s from (0, 0) to (0, 5) { coils: 6, style: coil }")
    ys = [p[1] for p in _lines(r, "s", "spring")[0].points]
    backwards = sum(1 for a, b in zip(ys, ys[1:]) if b < a - 1e-9)
    assert backwards > 0  # a coil runs back on itself, a zigzag never does


def test_surface_hatches_the_requested_side() -> None:
    below = _compile("surface g from (0, 0) to (4, 0)")
    above = _compile("surface c from (0, 0) to (4, 0) { side: left }")
    assert all(min(p[1] for p in h.points) < -0.05 for h in _lines(below, "g", "hatch"))
    assert all(max(p[1] for p in h.points) > 0.05 for h in _lines(above, "c", "hatch"))
    assert len(_lines(below, "g", "hatch")) >= 10


def test_mirror_is_a_thicker_surface() -> None:
    r = _compile('mirror M from (0, -2) to (0, 2) { label: "$M$" }')
    (face,) = _lines(r, "M", "surface")
    assert face.stroke.width == 2.0
    assert "$M$" in _texts(r)


def test_dimension_draws_a_double_arrow_offset_with_extension_lines() -> None:
    r = _compile('dimension d from (0, 0) to (4, 0) { offset: -0.6, label: "$a$" }')
    (main,) = _lines(r, "d", "dimension")
    assert main.arrow == "both"
    assert main.points[0][1] == main.points[1][1] < r.drawing.anchors["d.start"][1]
    assert len(_lines(r, "d", "extension")) == 2
    assert "$a$" in _texts(r)


def test_dimension_ticks_only() -> None:
    r = _compile('dimension d from (0, 0) to (4, 0) { ends: ticks, label: "$f/2$" }')
    assert _lines(r, "d", "dimension")[0].arrow is None
    assert len(_lines(r, "d", "tick")) == 2


def test_disk_with_axle_text_and_anchors() -> None:
    r = _compile('disk P at (0, 0) { radius: 1, axle: true, text: "m" }\narrow T from P.right to P.right + (0, -2)')
    a = r.drawing.anchors
    assert pytest.approx(a["P.right"][0] - a["P.left"][0]) == 2 * (a["P.top"][1] - a["P"][1])
    assert any(isinstance(it, Dot) and it.owner == "P" for it in r.drawing.items)
    assert "m" in _texts(r)


def test_ellipse_part_and_whole() -> None:
    r = _compile("ellipse e at (0, 0) { radii: (3, 1) }\nellipse h at (0, 3) { radii: (3, 1), start: 0 deg, end: 180 deg }")
    (whole,) = _lines(r, "e")
    (half,) = _lines(r, "h")
    assert whole.closed and not half.closed
    assert min(p[1] for p in half.points) >= r.drawing.anchors["h.center"][1] - 1e-6


def test_angle_mark_labels_its_value_and_fact() -> None:
    r = _compile("angle_mark a at (0, 0) from (3, 0) to (1, 1.732) { value: 60 deg }\n"
                 "polyline arms { points: [(3, 0), (0, 0), (1, 1.732)] }")
    (arc,) = [it for it in r.drawing.items if isinstance(it, Arc) and it.owner == "a"]
    assert pytest.approx((arc.theta2 - arc.theta1) % 360, abs=0.01) == 60
    assert "60°" in _texts(r)
    assert any(f.predicate == "angle" and f.value == "60°" for f in r.facts)


def test_angle_mark_wrong_value_is_reported_with_the_drawn_angle() -> None:
    r = scidsl.compile("angle_mark a at (0, 0) from (3, 0) to (0, 3) { value: 30 deg }")
    (d,) = r.diagnostics
    assert d.code == "E4007" and "90.0" in d.message


def test_right_angle_mark_is_a_square_corner() -> None:
    r = _compile("angle_mark a at (0, 0) from (3, 0) to (0, 3) { right: true, value: 90 deg }\n"
                 "polyline arms { points: [(3, 0), (0, 0), (0, 3)] }")
    (corner,) = _lines(r, "a", "angle")
    assert len(corner.points) == 3


@settings(max_examples=40, deadline=None)
@given(st.floats(-180, 180), st.floats(1, 359))
def test_angle_between_is_counter_clockwise(start: float, sweep: float) -> None:
    a = (math.cos(math.radians(start)), math.sin(math.radians(start)))
    b = (math.cos(math.radians(start + sweep)), math.sin(math.radians(start + sweep)))
    assert angle_between((0, 0), a, b) == pytest.approx(sweep, abs=1e-6)


def test_current_marks_out_and_in() -> None:
    r = _compile('current_mark a at (0, 0) { direction: out, label: "$I$" }\ncurrent_mark b at (2, 0) { direction: in }')
    assert any(isinstance(it, Dot) and it.owner == "a" for it in r.drawing.items)
    assert len(_lines(r, "b")) == 2 and not any(isinstance(it, Dot) and it.owner == "b" for it in r.drawing.items)
    assert {f.value for f in r.facts if f.predicate == "direction"} == {"out", "in"}


def test_uniform_field_lines_and_symbols() -> None:
    r = _compile('field E from (0, 0) to (4, 2) { direction: left, count: 3, label: "$E$" }\n'
                 "field B from (0, 3) to (4, 5) { direction: out, count: 2 }")
    lines = _lines(r, "E", "field")
    assert len(lines) == 3 and all(l.arrow == "end" and l.points[1][0] < l.points[0][0] for l in lines)
    assert sum(1 for it in r.drawing.items if isinstance(it, Circle) and it.owner == "B") == 8


def test_lens_symbols_and_focal_points() -> None:
    r = _compile('lens L at (0, 0) { height: 4, focal: 2, label: "$L$" }\nlens D at (5, 0) { type: diverging }')
    a = r.drawing.anchors
    assert a["L.F2"][0] - a["L.F1"][0] == pytest.approx(2 * (a["L.top"][1] - a["L.center"][1]))
    assert len(_lines(r, "L", "lens")) == 5 and len(_lines(r, "D", "lens")) == 5
    assert sum(1 for t in r.texts if t.text == "$F$") == 2


def test_note_draws_a_leader_to_its_target() -> None:
    r = _compile('note "liquid" at (-2, 1) to (0, 0)')
    (leader,) = [it for it in r.drawing.items if isinstance(it, Line) and it.role == "leader"]
    (text,) = [t for t in r.texts if t.text == "liquid"]
    assert text.pos[0] < leader.points[1][0]  # the text sits beyond the free end, away from the target


def test_flow_heads_point_along_the_wire() -> None:
    r = _compile("polyline w { points: [(0, 0), (0, -4)], flow: 3 }")
    heads = _lines(r, "w", "flow")
    assert len(heads) == 3 and all(h.arrow == "end" and h.points[1][1] < h.points[0][1] for h in heads)


def test_group_rotates_a_dimension_with_the_rest() -> None:
    r = _compile("dimension d from (0, 0) to (4, 0) { offset: 0.5 }\ngroup g { items: [d], rotate: 90 deg, origin: (0, 0) }")
    a = r.drawing.anchors
    assert a["d.end"][0] == pytest.approx(a["d.start"][0], abs=1e-6)


def test_bent_spring_stays_near_its_circle() -> None:
    r = _compile("spring k from (2, 0) to (0, 2) { center: (0, 0), coils: 6, amplitude: 0.1 }")
    (line,) = _lines(r, "k", "spring")
    c = r.drawing.anchors["k.center"]
    scale = math.dist(c, line.points[0]) / 2  # page scale of the drawing
    radii = [math.dist(c, p) / scale for p in line.points]
    assert all(1.85 <= q <= 2.15 for q in radii)
    assert math.dist(line.points[-1], r.drawing.anchors["k.end"]) < 1e-6


@pytest.mark.parametrize("kind", [m for m in draw_kinds.KINDS if m is not draw_kinds.Group], ids=lambda m: m.__name__)
def test_every_kind_example_compiles(kind) -> None:  # type: ignore[no-untyped-def]
    _compile(kind.example)


def test_group_example_compiles_with_its_items() -> None:
    items = 'box m1 at (0, 0) { size: (1.2, 0.8), text: "$m_1$" }\npolyline rope { points: [(0.6, 0), (3, 0)] }\n'
    r = _compile(items + draw_kinds.Group.example)
    (rope,) = _lines(r, "rope")
    (x0, y0), (x1, y1) = rope.points
    assert math.degrees(math.atan2(y1 - y0, x1 - x0)) == pytest.approx(30)


def test_facts_of_springs_dimensions_notes_and_lenses() -> None:
    r = _compile('dot A at (0, 0)\ndot B at (3, 0)\nspring k from A to B { label: "$k$" }\n'
                 'dimension d from A to B { offset: -0.8, label: "$l$" }\nnote "wall" at (1, 2) to (0, 0.5)\n'
                 "lens L at (6, 0) { type: diverging }")
    by = {f.predicate: f for f in r.facts if f.predicate != "drawn"}
    between = [f for f in r.facts if f.predicate == "between"]
    assert {(f.args[0], f.args[2], f.args[3], f.value) for f in between} == {("spring", "A", "B", "$k$"),
                                                                          ("dimension", "A", "B", "$l$")}
    assert by["names"].value == "wall" and by["lens"].value == "diverging"


def test_dimensions_to_scale_and_value_labels() -> None:
    r = _compile("dimension a from (0, 0) to (6, 0) { value: 12 cm }\ndimension b from (0, -1) to (4, -1) { value: 8 cm }")
    assert {"12 cm", "8 cm"} <= _texts(r)
    bad = scidsl.compile("dimension a from (0, 0) to (6, 0) { value: 12 cm }\n"
                         "dimension b from (0, -1) to (5, -1) { value: 8 cm }")
    (d,) = bad.diagnostics
    assert d.code == "E4010" and d.span.line == 2 and d.related


_coord = st.floats(-20, 20, allow_nan=False).map(lambda v: round(v, 2))
_point = st.tuples(_coord, _coord).map(lambda p: f"({p[0]:g}, {p[1]:g})")


@st.composite
def _physics_statement(draw) -> str:  # type: ignore[no-untyped-def]
    a, b, c = draw(_point), draw(_point), draw(_point)
    return draw(st.sampled_from([
        f"spring from {a} to {b} {{ coils: {draw(st.integers(1, 60))}, style: {draw(st.sampled_from(['zigzag', 'coil']))} }}",
        f"spring from {a} to {b} {{ center: {c} }}",
        f"surface from {a} to {b} {{ side: {draw(st.sampled_from(['left', 'right']))} }}",
        f"mirror from {a} to {b}",
        f"dimension from {a} to {b} {{ offset: {draw(_coord)}, label: \"$d$\" }}",
        f"angle_mark at {a} from {b} to {c} {{ value: {draw(st.integers(1, 359))} deg }}",
        f"field from {a} to {b} {{ direction: {draw(st.sampled_from(['right', 'up', 'in', 'out']))}, count: {draw(st.integers(1, 40))} }}",
        f"ellipse at {a} {{ radii: (1, 0.5), start: {draw(st.integers(0, 360))} deg, end: 90 deg, arrow: end }}",
        f"lens at {a} {{ focal: 1.5 }}",
        f"note \"n\" at {a} to {b}",
        f"spherical_mirror at {a} {{ focal: {draw(st.floats(0.3, 5)):.2f}, type: {draw(st.sampled_from(['concave', 'convex']))} }}",
        f"disk P at {a} {{ radius: 0.5 }}\nrope {{ through: [{b}, P, {c}] }}",
        f"incline R at {a} {{ angle: {draw(st.integers(-10, 100))} deg }}\nblock on R {{ at: {draw(st.floats(0, 1)):.2f} }}",
        f"charge Q1 at {a} {{ value: {draw(st.integers(-3, 3))} }}\ncharge Q2 at {b} {{ value: {draw(st.integers(-3, 3))} }}\n"
        "field_lines { charges: [Q1, Q2], density: 4 }",
    ]))


@settings(max_examples=30, deadline=None)
@given(st.lists(_physics_statement(), min_size=1, max_size=3))
def test_random_physics_items_never_crash(statements: list[str]) -> None:
    result = scidsl.compile("\n".join(statements))
    assert all(d.code != "E0999" for d in result.diagnostics), [d.message for d in result.diagnostics]
    assert result.ok or result.diagnostics


def test_radial_field_lines_point_away_from_or_to_the_centre() -> None:
    r = _compile("field E from (-3, -3) to (3, 3) { direction: outward, count: 8 }\n"
                 "field F from (5, -3) to (11, 3) { direction: inward, count: 6 }")
    out_lines, in_lines = _lines(r, "E", "field"), _lines(r, "F", "field")
    assert len(out_lines) == 8 and len(in_lines) == 6
    ce, cf = r.drawing.anchors["E.center"], r.drawing.anchors["F.center"]
    assert all(math.dist(l.points[1], ce) > math.dist(l.points[0], ce) for l in out_lines)
    assert all(math.dist(l.points[1], cf) < math.dist(l.points[0], cf) for l in in_lines)
    assert len(_lines(r, "F", "flow")) == 6


def test_rope_runs_tangent_over_a_pulley() -> None:
    from scidsl.domains.draw.ropes import rope_path

    c, r = (0.0, 0.0), 0.5
    pts = rope_path([((-3.0, 0.5), 0.0), (c, r), ((0.5, -3.0), 0.0)])
    assert pts[0] == (-3.0, 0.5) and pts[-1] == (0.5, -3.0)
    assert pts[1] == pytest.approx((0.0, 0.5), abs=1e-9)  # leaves the horizontal strand at the top
    assert pts[-2] == pytest.approx((0.5, 0.0), abs=1e-9)  # and comes down the right-hand side
    assert all(math.dist(p, c) == pytest.approx(r) for p in pts[1:-1])
    assert all(p[1] >= -1e-9 for p in pts[1:-1])  # over the top, never under the pulley


def test_rope_in_a_scene_uses_the_disk_as_pulley() -> None:
    r = _compile("disk P at (0, 4) { radius: 0.6, axle: true }\nbox m1 at (-0.6, 1.2) { size: (0.8, 0.8) }\n"
                 "box m2 at (0.6, 2) { size: (0.8, 0.8) }\nrope r { through: [m1.top, P, m2.top], label: \"rope\" }")
    (rope,) = _lines(r, "r")
    top = max(p[1] for p in rope.points)
    assert top == pytest.approx(r.drawing.anchors["P.top"][1], abs=1e-6)


@settings(max_examples=50, deadline=None)
@given(_coord, _coord, _coord, _coord, st.floats(0.1, 2))
def test_rope_ends_and_arc_on_the_pulley(ax: float, ay: float, bx: float, by: float, r: float) -> None:
    from scidsl.domains.draw.ropes import RopeError, rope_path

    c = (0.0, 0.0)
    try:
        pts = rope_path([((ax, ay), 0.0), (c, r), ((bx, by), 0.0)])
    except RopeError:
        assert min(math.hypot(ax, ay), math.hypot(bx, by)) <= r * 1.0001
        return
    assert pts[0] == (ax, ay) and pts[-1] == (bx, by)
    assert all(math.dist(p, c) == pytest.approx(r, rel=1e-6) for p in pts[1:-1])


def test_block_sits_on_the_incline_turned_with_it() -> None:
    r = _compile('incline ramp at (0, 0) { angle: 30 deg, base: 6 }\nblock A on ramp { at: 0.5, text: "$m$" }')
    a = r.drawing.anchors
    foot, top, corner = a["ramp.foot"], a["ramp.top"], a["ramp.corner"]
    assert math.degrees(math.atan2(top[1] - foot[1], top[0] - foot[0])) == pytest.approx(30)
    assert top[0] == pytest.approx(corner[0])
    assert a["A.bottom"] == pytest.approx(a["ramp.mid"])
    up, down = a["A.uphill"], a["A.downhill"]
    assert math.degrees(math.atan2(up[1] - down[1], up[0] - down[0])) == pytest.approx(30)
    assert a["A.top"][1] > a["A.bottom"][1]
    assert "30°" in _texts(r)
    assert any(f.predicate == "on" and f.args == ("A", "ramp") for f in r.facts)


def test_incline_rising_left() -> None:
    r = _compile("incline ramp at (0, 0) { angle: 45 deg, base: 3, rises: left }\nblock B on ramp { at: 0.5 }")
    a = r.drawing.anchors
    assert a["ramp.top"][0] < a["ramp.foot"][0]
    assert a["B.top"][1] > a["B.bottom"][1] and a["B.uphill"][0] < a["B.downhill"][0]


def test_block_follows_a_rotated_incline() -> None:
    r = _compile("incline ramp at (0, 0) { angle: 30 deg, base: 4 }\ngroup g { items: [ramp], rotate: 150 deg }\n"
                 "block A on ramp { at: 0.5 }")
    a = r.drawing.anchors
    corner, bottom, top = a["ramp.corner"], a["A.bottom"], a["A.top"]
    assert math.dist(top, corner) > math.dist(bottom, corner)  # the block stands on the outside of the slope


def test_circular_field_lines_turn_the_stated_way() -> None:
    r = _compile("field B from (-2, -2) to (2, 2) { direction: ccw, count: 2 }\n"
                 "field C from (5, -2) to (9, 2) { direction: cw, count: 2 }")
    for owner, sense in (("B", 1), ("C", -1)):
        centre = r.drawing.anchors[f"{owner}.center"]
        for head in _lines(r, owner, "flow"):
            (x0, y0), (x1, y1) = head.points
            cross = (x0 - centre[0]) * (y1 - y0) - (y0 - centre[1]) * (x1 - x0)
            assert cross * sense > 0
        assert len(_lines(r, owner, "field")) == 2


def test_a_dashed_arrow_stays_dashed_under_its_head() -> None:
    """The head is drawn alone: no solid shaft of the head's patch covers the dashed line."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    from scidsl.primitives import Drawing, Stroke
    from scidsl.render import draw

    canvas = draw(Drawing(items=[Line(((0.0, 0.0), (6.0, 0.0)), False, Stroke(dash="dashed"), "end")]), [])
    (line,) = [a for a in canvas.figure.artists if isinstance(a, Line2D)]
    assert line.get_linestyle() == "--"
    (head,) = [p for p in canvas.figure.artists if isinstance(p, FancyArrowPatch)]
    canvas.figure.canvas.draw()
    shaft_px = line.get_window_extent().width
    assert head.get_window_extent().width < 0.1 * shaft_px
