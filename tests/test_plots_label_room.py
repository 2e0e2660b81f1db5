"""Point labels test their candidate boxes in bulk and take the spot the box-by-box walk took."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import LineString, Point, box
from shapely.ops import nearest_points, unary_union

from scidsl.labels import stroke_geometry
from scidsl.primitives import Drawing, LabelSpec, Line, Text
from scidsl.renderers.plot_labels import _STEPS, DOT_CM, _box, _first_free, _order, _Room

WINDOW = (0.0, 0.0, 8.0, 6.0)


def _free_one_by_one(d: Drawing, placed: list, b: tuple, anchor: tuple) -> bool:
    """The room's test of one box as it was: plain unions, one box at a time."""
    strokes = [stroke_geometry(i) for i in d.items if not isinstance(i, Text)]
    texts = [stroke_geometry(i) for i in d.items if isinstance(i, Text)]
    blocked = unary_union([g.buffer(0.08) for g in strokes] + [g.buffer(0.12) for g in texts])
    lines = unary_union([stroke_geometry(i) for i in d.items if isinstance(i, Line)])
    shape = box(*b)
    if not box(*WINDOW).contains(shape) or shape.intersects(blocked):
        return False
    if any(shape.distance(box(*o)) < 0.25 for o in placed):
        return False
    near = nearest_points(shape, Point(anchor))[0]
    length = math.dist(anchor, (near.x, near.y))
    if length <= DOT_CM:
        return True
    t = DOT_CM / length
    start = (anchor[0] + t * (near.x - anchor[0]), anchor[1] + t * (near.y - anchor[1]))
    return not LineString([start, (near.x, near.y)]).intersects(lines)


def _walk(d: Drawing, placed: list, spec: LabelSpec, w: float, h: float):
    for step in _STEPS:
        for angle in _order(spec.prefer):
            centre, b = _box(spec.anchor, angle, spec.distance + step, w, h)
            if _free_one_by_one(d, placed, b, spec.anchor):
                return centre, b
    return None


point = st.tuples(st.floats(0.5, 7.5), st.floats(0.5, 5.5))


@given(
    st.lists(st.lists(point, min_size=2, max_size=6), min_size=1, max_size=4),
    st.lists(point, max_size=2),
    point,
    st.floats(0.3, 2.0),
    st.floats(0.2, 0.6),
)
def test_bulk_search_takes_the_walks_spot(
    lines: list, notes: list, anchor: tuple, w: float, h: float
) -> None:
    d = Drawing()
    d.items += [Line(tuple(pts), owner=f"c{k}") for k, pts in enumerate(lines)]
    d.items += [Text(at, "note", 10, owner="n") for at in notes]
    placed = [(0.2, 0.2, 1.0, 0.6)]
    room = _Room(d, WINDOW, ("grid",))
    room.take(placed[0])
    spec = LabelSpec("P", anchor, "p", 11, (60.0, 120.0))
    assert _first_free(room, spec, w, h) == _walk(d, placed, spec, w, h)


def test_a_crowded_spot_is_refused_in_bulk_as_one_by_one() -> None:
    d = Drawing()
    d.items += [Line(((0.0, y), (8.0, y)), owner=f"h{k}") for k, y in enumerate((2.8, 3.0, 3.2))]
    room = _Room(d, WINDOW, ("grid",))
    assert not room.free((3.5, 2.9, 4.5, 3.1), (4.0, 3.0))
    above = (3.5, 3.6, 4.5, 3.9)
    assert room.free(above, (4.0, 3.0)) == _free_one_by_one(d, [], above, (4.0, 3.0))
