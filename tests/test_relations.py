"""Relations instead of coordinates: bodies rest on faces, hang, stand beside, ropes run over pulleys,
arrows point where stated; every relation is measured again on the drawn page."""
from __future__ import annotations

import math
from dataclasses import replace

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scidsl import place
from scidsl.domains.draw import domain as draw
from scidsl.primitives import Circle, Line
from tests.conftest import compile_ok, layout_and_page

CODES_TESTED_HERE = ("E4025",)

STACK = """floor f
box c on f { length: 4.8, height: 1.5, text: "$c$" }
box b on c { length: 2.6, height: 1, text: "$b$" }
arrow F from b.left { direction: left, label: "$F$" }
"""

ATWOOD = """floor f
box table on f { length: 5, height: 2.5 }
box A on table { along: 0.35, length: 1.4, height: 0.8 }
pulley P on table.top_right
box B hangs from P { gap: 1.5, length: 0.8, height: 0.8 }
rope r through [A.right, P, B.top]
"""


def _moved(page, owner: str, dx: float, dy: float, kind=Line):  # type: ignore[no-untyped-def]
    def mv(it):  # type: ignore[no-untyped-def]
        if isinstance(it, Line):
            return replace(it, points=tuple((x + dx, y + dy) for x, y in it.points))
        return replace(it, center=(it.center[0] + dx, it.center[1] + dy))
    page.items = [mv(it) if isinstance(it, kind) and it.owner == owner else it for it in page.items]
    return page


def test_an_untouched_page_shows_every_relation() -> None:
    for text in (STACK, ATWOOD):
        lay, page = layout_and_page(text, "draw")
        assert lay.relations and draw.verify_relations(lay, page) == []


def test_a_body_lifted_off_its_support_is_caught() -> None:
    lay, page = layout_and_page(STACK, "draw")
    (d,) = draw.verify_relations(lay, _moved(page, "b", 0, 0.3), )
    assert d.code == "E4025" and "b does not touch c" in d.message and d.span.line == 3


def test_a_turned_arrow_is_caught() -> None:
    lay, page = layout_and_page(STACK, "draw")
    page.items = [replace(it, points=(it.points[0], (it.points[1][0], it.points[1][1] + 0.5)))
                  if isinstance(it, Line) and it.owner == "F" else it for it in page.items]
    (d,) = draw.verify_relations(lay, page)
    assert d.code == "E4025" and "F is drawn at" in d.message


def test_a_pulley_moved_off_its_rope_is_caught() -> None:
    lay, page = layout_and_page(ATWOOD, "draw")
    codes = [d.code for d in draw.verify_relations(lay, _moved(page, "P", 0.0, 0.25, Circle))]
    assert codes == ["E4025"]


def test_relations_are_facts() -> None:
    texts = [f.text for f in compile_ok(ATWOOD).facts if f.predicate == "relation"]
    assert "P is mounted at the corner table.top_right, tangent to both its faces" in texts
    assert "A rests on table" in texts and "B hangs from P (1.5 cm below)" in texts and "rope r runs over P" in texts


def test_a_pulley_on_a_corner_is_tangent_to_both_faces() -> None:
    page = compile_ok(ATWOOD).drawing
    disk = next(it for it in page.items if isinstance(it, Circle) and it.owner == "P")
    top = page.anchors["table.top_right"]
    # the rope along the table top and the hanging strand beside its side both touch the rim
    assert math.isclose(disk.center[1] - top[1], disk.radius, abs_tol=1e-6)
    assert math.isclose(disk.center[0] - top[0], disk.radius, abs_tol=1e-6)


def _edge_on_line(poly: Line, a, b, tol: float = 1e-6) -> bool:  # type: ignore[no-untyped-def]
    segs = list(zip(poly.points, poly.points[1:] + poly.points[:1]))
    return place.flush_contact(segs, [(a, b)], tol) is None


@settings(max_examples=25, deadline=None)
@given(angle=st.integers(5, 75), along=st.floats(0.2, 0.8), size=st.floats(0.5, 1.5), turn=st.integers(-170, 170))
def test_a_block_rests_flush_on_any_slope_and_its_force_keeps_its_angle(angle: int, along: float, size: float,
                                                                         turn: int) -> None:
    text = (f"incline ramp {{ angle: {angle} deg, base: 8 }}\n"
            f"box A on ramp {{ along: {along:.3f}, length: {size:.3f}, height: {size * 0.7:.3f} }}\n"
            f"arrow F from A {{ direction: ramp.slope, angle: {turn} deg }}\n")
    result = compile_ok(text)
    page = result.drawing
    tri = next(it for it in page.items if isinstance(it, Line) and it.owner == "ramp" and it.closed)
    foot, _, top = tri.points[:3]
    box = next(it for it in page.items if isinstance(it, Line) and it.owner == "A" and it.closed)
    assert _edge_on_line(box, foot, top, 1e-3)
    arrow = next(it for it in page.items if isinstance(it, Line) and it.owner == "F")
    (x0, y0), (x1, y1) = arrow.points[0], arrow.points[-1]
    drawn = math.degrees(math.atan2(y1 - y0, x1 - x0)) % 360
    assert abs((drawn - (angle + turn) + 180) % 360 - 180) < 0.01


@settings(max_examples=20, deadline=None)
@given(sizes=st.lists(st.tuples(st.floats(0.6, 4.0), st.floats(0.4, 1.5)), min_size=1, max_size=4))
def test_stacks_of_any_sizes_touch_on_the_page(sizes: list) -> None:
    lines = ["floor f"]
    below = "f"
    for i, (w, h) in enumerate(sizes):
        lines.append(f"box b{i} on {below} {{ length: {w:.3f}, height: {h:.3f} }}")
        below = f"b{i}"
    lay, page = layout_and_page("\n".join(lines), "draw")
    boxes = [next(it for it in page.items if isinstance(it, Line) and it.owner == f"b{i}") for i in range(len(sizes))]
    for lower, upper in zip(boxes, boxes[1:]):
        assert math.isclose(min(p[1] for p in upper.points), max(p[1] for p in lower.points), abs_tol=1e-6)
    assert draw.verify_relations(lay, page) == []


@settings(max_examples=20, deadline=None)
@given(pulleys=st.integers(1, 3), gap=st.floats(0.8, 3.0), radius=st.floats(0.2, 0.6))
def test_ropes_over_pulleys_are_tangent_on_the_page(pulleys: int, gap: float, radius: float) -> None:
    lines = ["ceiling top", "floor f", "box A on f { length: 1.2, height: 0.8 }"]
    stops = ["A.top"]
    for i in range(pulleys):
        lines.append(f"pulley P{i} hangs from top {{ gap: 1, radius: {radius:.3f} }}" if i == 0 else
                     f"pulley P{i} right of P{i - 1} {{ gap: 1.2, radius: {radius:.3f} }}")
        stops.append(f"P{i}")
    lines.append(f"box B hangs from P{pulleys - 1} {{ gap: {gap:.3f}, length: 0.8, height: 0.8 }}")
    lines.append(f"rope r through [{', '.join(stops + ['B.top'])}]")
    lay, page = layout_and_page("\n".join(lines), "draw")
    assert draw.verify_relations(lay, page) == []


def _box_of(page, owner: str):  # type: ignore[no-untyped-def]
    pts = [p for a, b in place.segments(page, owner) for p in (a, b)]
    return min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts)


@settings(max_examples=20, deadline=None)
@given(gap=st.floats(0.5, 4.0), width=st.floats(0.6, 2.5), side=st.sampled_from(["left", "right"]))
def test_a_body_slides_against_a_wall_or_beside_another_on_its_floor(gap: float, width: float, side: str) -> None:
    gap, width = round(gap, 3), round(width, 3)
    text = (f"floor f\nwall w {{ side: {side} }}\nbox a on f against w {{ length: {width:.3f}, height: 1 }}\n"
            f"box b on f {'right' if side == 'left' else 'left'} of a {{ gap: {gap:.3f}, length: 1, height: 0.8 }}\n")
    result = compile_ok(text)
    page = result.drawing
    wall_x = place.segments(page, "w")[0][0][0]
    a0, _, a1, _ = _box_of(page, "a")
    b0, _, b1, _ = _box_of(page, "b")
    scale = (a1 - a0) / width  # the page may be scaled to fit; gaps scale with it
    assert math.isclose(a0 if side == "left" else a1, wall_x, abs_tol=1e-6)
    assert math.isclose((b0 - a1) if side == "left" else (a0 - b1), gap * scale, rel_tol=1e-6)


@settings(max_examples=20, deadline=None)
@given(length=st.floats(1.0, 4.0), angle=st.integers(-70, 70), radius=st.floats(0.15, 0.6))
def test_a_bob_hangs_on_the_line_of_its_string(length: float, angle: int, radius: float) -> None:
    length, radius = round(length, 3), round(radius, 3)
    # a bob swung up this far would reach the ceiling (the verifier reports it as a stroke on the ceiling line)
    assume((length + radius) * math.cos(math.radians(angle)) > radius + 0.2)
    text = (f"ceiling top\nrope s hangs from top {{ length: {length:.3f}, angle: {angle} deg }}\n"
            f"disk bob hangs from s {{ radius: {radius:.3f} }}\n")
    page = compile_ok(text).drawing
    (a, b), = [(seg[0], seg[-1]) for seg in [[p for s in place.segments(page, "s") for p in s]]]
    disk = next(it for it in page.items if isinstance(it, Circle) and it.owner == "bob")
    # the centre lies on the string's line, one radius past its end
    assert math.isclose(math.dist(b, disk.center), disk.radius, rel_tol=1e-6)
    cross = (b[0] - a[0]) * (disk.center[1] - a[1]) - (b[1] - a[1]) * (disk.center[0] - a[0])
    assert abs(cross) < 1e-6 * math.dist(a, b) * math.dist(a, disk.center) + 1e-9
    drawn = math.degrees(math.atan2(b[0] - a[0], -(b[1] - a[1])))
    assert abs(drawn - angle) < 1e-6


@settings(max_examples=15, deadline=None)
@given(gaps=st.lists(st.floats(0.3, 3.0), min_size=4, max_size=4))
def test_beside_relations_keep_their_gaps_and_centres(gaps: list) -> None:
    gaps = [round(g, 3) for g in gaps]
    text = ("box c { length: 1.5, height: 1 }\n"
            f"box l left of c {{ gap: {gaps[0]:.3f}, length: 1, height: 0.6 }}\n"
            f"box r right of c {{ gap: {gaps[1]:.3f}, length: 1, height: 0.6 }}\n"
            f"box u above c {{ gap: {gaps[2]:.3f}, length: 1, height: 0.6 }}\n"
            f"box d below c {{ gap: {gaps[3]:.3f}, length: 1, height: 0.6 }}\n")
    lay, page = layout_and_page(text, "draw")
    c, l, r, u, d = (_box_of(page, n) for n in "clrud")
    s = (c[2] - c[0]) / 1.5
    assert math.isclose(c[0] - l[2], gaps[0] * s, rel_tol=1e-6) and math.isclose(r[0] - c[2], gaps[1] * s, rel_tol=1e-6)
    assert math.isclose(u[1] - c[3], gaps[2] * s, rel_tol=1e-6) and math.isclose(c[1] - d[3], gaps[3] * s, rel_tol=1e-6)
    assert math.isclose((l[1] + l[3]) / 2, (c[1] + c[3]) / 2, abs_tol=1e-6)
    assert draw.verify_relations(lay, page) == []


@settings(max_examples=15, deadline=None)
@given(lengths=st.lists(st.floats(0.5, 20.0), min_size=2, max_size=4))
def test_world_lengths_are_drawn_to_one_scale(lengths: list) -> None:
    lengths = [round(w, 3) for w in lengths]
    lines = ["floor f"] + [f"box b{i} on f{'' if i == 0 else f' right of b{i - 1}'} {{ length: {w:.3f} m, height: 0.4 }}"
                           for i, w in enumerate(lengths)]
    page = compile_ok("\n".join(lines)).drawing
    drawn = [_box_of(page, f"b{i}") for i in range(len(lengths))]
    ratios = [(b[2] - b[0]) / w for b, w in zip(drawn, lengths)]
    assert max(ratios) / min(ratios) < 1 + 1e-6


@settings(max_examples=10, deadline=None)
@given(count=st.integers(2, 4), arrange=st.sampled_from(["row", "column", "grid"]))
def test_panels_follow_their_order_with_captions_under_them(count: int, arrange: str) -> None:
    lines = []
    for i in range(count):
        lines += [f"floor f{i}", f"box b{i} on f{i} {{ length: {1 + i * 0.3:.1f}, height: 1 }}",
                  f'panel p{i} "({chr(97 + i)})" {{ items: [f{i}, b{i}], arrange: {arrange} }}']
    lay, page = layout_and_page("\n".join(lines), "draw")
    boxes = [_box_of(page, f"b{i}") for i in range(count)]
    cols = count if arrange == "row" else 1 if arrange == "column" else math.ceil(math.sqrt(count))
    for i in range(1, count):
        prev, cur = boxes[i - 1], boxes[i]
        if i % cols:  # same row: to the right, sharing the base line
            assert cur[0] > prev[2] and math.isclose(cur[1], prev[1], abs_tol=1e-6)
        else:  # a new row: below
            assert cur[3] < prev[1]
    captions = [it for it in page.items if getattr(it, "role", "") == "caption"]
    assert [c.text for c in captions] == [f"({chr(97 + i)})" for i in range(count)]
    for cap, box in zip(captions, boxes):
        assert cap.pos[1] < box[1] and box[0] <= cap.pos[0] <= box[2]


@settings(max_examples=20, deadline=None)
@given(angle=st.integers(-180, 180), radius=st.floats(0.5, 3.0))
def test_a_point_on_a_rim_lies_on_the_circle_at_its_angle(angle: int, radius: float) -> None:
    radius = round(radius, 3)
    text = f"disk ring {{ radius: {radius} }}\ndot m on ring {{ angle: {angle} deg }}\nforce v from m {{ direction: tangent(ring) }}\n"
    page = compile_ok(text).drawing
    ring = next(it for it in page.items if isinstance(it, Circle) and it.owner == "ring")
    m = page.anchors["m"]
    assert math.isclose(math.dist(m, ring.center), ring.radius, rel_tol=1e-6)
    assert abs((math.degrees(math.atan2(m[1] - ring.center[1], m[0] - ring.center[0])) - angle + 180) % 360 - 180) < 1e-6
    arrow = next(it for it in page.items if isinstance(it, Line) and it.owner == "v")
    (x0, y0), (x1, y1) = arrow.points[0], arrow.points[-1]
    radial = (m[0] - ring.center[0], m[1] - ring.center[1])
    assert abs((x1 - x0) * radial[0] + (y1 - y0) * radial[1]) < 1e-6 * ring.radius  # tangent: square to the radius


@settings(max_examples=15, deadline=None)
@given(gap=st.floats(1.0, 6.0), turn=st.integers(-90, 90), length=st.floats(0.8, 3.0))
def test_between_and_axes_sit_where_stated(gap: float, turn: int, length: float) -> None:
    gap, length = round(gap, 3), round(length, 3)
    text = (f"dot a\ndot b right of a {{ gap: {gap} }}\ndot m between [a, b]\n"
            f"axes S above m {{ gap: 1, length: {length}, rotate: {turn} deg }}\n")
    page = compile_ok(text).drawing
    a, b, m = page.anchors["a"], page.anchors["b"], page.anchors["m"]
    assert math.isclose(m[0], (a[0] + b[0]) / 2, abs_tol=1e-6) and math.isclose(m[1], a[1], abs_tol=1e-6)
    o, x = page.anchors["S.origin"], page.anchors["S.x"]
    scale = (b[0] - a[0]) / gap
    assert math.isclose(math.dist(o, x), length * scale, rel_tol=1e-6)
    assert abs(math.degrees(math.atan2(x[1] - o[1], x[0] - o[0])) - turn) < 1e-6


@settings(max_examples=10)
@given(st.integers(1, 179))
def test_a_negative_angle_points_below_the_horizontal(deg: int) -> None:
    """`-35 deg` is 35° below the horizontal (325°); `-ramp.slope` stays the reversed slope."""
    page = compile_ok(f"dot A\narrow a from A {{ direction: -{deg} deg, length: 2 }}").drawing
    (shaft,) = [it for it in page.items if isinstance(it, Line) and it.owner == "a"]
    (x0, y0), (x1, y1) = shaft.points[0], shaft.points[-1]
    assert math.isclose(math.degrees(math.atan2(y1 - y0, x1 - x0)) % 360, 360 - deg, abs_tol=1e-6)


def test_bodies_nested_by_statement_are_not_overlaps() -> None:
    """A charge inside a cavity inside a shell, and two halves of one ring inside one point, overlap on
    purpose; two blocks merely placed at one spot still do not (tests/cases E4027)."""
    page = compile_ok(
        "disk shell { radius: 2.6 }\ndisk cavity inside shell { radius: 1.9, fill: white }\n"
        "disk charge inside cavity { radius: 0.18 }\ndot c right of shell { gap: 4, hidden: true }\n"
        "ellipse front inside c { radii: [2.6, 0.55], start: 180 deg, end: 360 deg }\n"
        "ellipse back inside c { radii: [2.6, 0.55], start: 0 deg, end: 180 deg, dash: dashed }").drawing
    shell = next(it for it in page.items if isinstance(it, Circle) and it.owner == "shell")
    charge = next(it for it in page.items if isinstance(it, Circle) and it.owner == "charge")
    assert math.dist(shell.center, charge.center) < 1e-9


def test_a_box_at_a_point_has_its_stated_length_and_height() -> None:
    page = compile_ok("dot c { hidden: true }\nbox b at c { length: 6, height: 0.3 }").drawing
    (outline,) = [it for it in page.items if isinstance(it, Line) and it.owner == "b"]
    xs, ys = [p[0] for p in outline.points], [p[1] for p in outline.points]
    assert math.isclose(max(xs) - min(xs), 6) and math.isclose(max(ys) - min(ys), 0.3)


@settings(max_examples=10)
@given(st.floats(0.3, 3.0), st.floats(0.3, 3.0), st.floats(0.2, 3.0))
def test_beside_an_ellipse_measures_from_its_whole_outline(rx: float, ry: float, gap: float) -> None:
    rx, ry, gap = round(rx, 2), round(ry, 2), round(gap, 2)
    page = compile_ok(f"ellipse e {{ radii: [{rx}, {ry}] }}\ndot d left of e {{ gap: {gap} }}\n"
                      f"dot u below e {{ gap: {gap} }}").drawing
    c = page.anchors["e.center"]
    s = (c[0] - page.anchors["e.left"][0]) / rx  # the page may be scaled to fit
    assert math.isclose(c[0] - page.anchors["d"][0], s * (rx + gap), rel_tol=1e-6)
    assert math.isclose(c[1] - page.anchors["u"][1], s * (ry + gap), rel_tol=1e-6)


@settings(max_examples=8)
@given(st.sampled_from(["$F$", "$\\pi$ Beam", "incident light"]), st.floats(0.1, 1.0),
       st.sampled_from(["left", "right", "above", "below"]))
def test_a_text_beside_an_arrow_keeps_its_gap_from_its_own_edge(text: str, gap: float, side: str) -> None:
    """The text's own extent counts: its nearest edge sits `gap` from the arrow, never on it."""
    from scidsl.text import measure_text

    gap = round(gap, 2)
    rel = f"{side} of" if side in ("left", "right") else side
    page = compile_ok(f'dot A\nforce beam from A {{ direction: right, length: 2 }}\n'
                      f'text "{text}" {rel} beam {{ gap: {gap} }}').drawing
    (shaft,) = [it for it in page.items if isinstance(it, Line) and it.owner == "beam"]
    label = next(it for it in page.items if getattr(it, "text", None) == text)
    w, h, _ = measure_text(text, label.size)
    xs, ys = [p[0] for p in shaft.points], [p[1] for p in shaft.points]
    (x, y) = label.at
    far = {"left": min(xs) - (x + w / 2), "right": (x - w / 2) - max(xs),
           "above": (y - h / 2) - max(ys), "below": min(ys) - (y + h / 2)}[side]
    assert far > 0.5 * gap
