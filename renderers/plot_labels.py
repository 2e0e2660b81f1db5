"""Labels of marked points, placed by the plot itself: inside the plot window, near their dot, clear of
every stroke, with room around tick labels and between point labels so that two never read as one.
"""

from __future__ import annotations

import math
from typing import Any, Optional

from scidsl.primitives import Drawing, LabelSpec, Line, Stroke, Text

P = tuple[float, float]
STROKE_GAP_CM = 0.08  # clearance from curves, axes and dots
TEXT_GAP_CM = 0.12  # clearance from tick labels, axis labels and notes
LABEL_GAP_CM = 0.25  # clearance between point labels: farther apart than words of one text
DOT_CM = 0.12  # a marked point's dot with a little room around it
_STEPS = (0.0, 0.06, 0.12, 0.2, 0.3, 0.45, 0.65, 0.9)
_LOOSE_STEPS = (0.0, 0.12, 0.25, 0.45, 0.7, 1.0, 1.5, 2.0)
_LEAD_STEPS = (0.9, 1.4, 2.0, 2.7, 3.5)  # cm from a dot to a name set out in the open with a leader
_DIRECTIONS = tuple(i * 22.5 for i in range(16))


def _order(prefer: tuple[float, ...]) -> list[float]:
    first = prefer[0] if prefer else 0.0
    rest = sorted(_DIRECTIONS, key=lambda a: min(abs(a - first) % 360, 360 - abs(a - first) % 360))
    return list(prefer) + [a for a in rest if a not in prefer]


def _box(anchor: P, angle: float, gap: float, w: float, h: float) -> tuple[P, tuple[float, float, float, float]]:
    """The label box at `gap` from the anchor in a direction (the same geometry as the core's labels)."""
    ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    reach = min(
        w / 2 / abs(ux) if abs(ux) > 1e-9 else math.inf, h / 2 / abs(uy) if abs(uy) > 1e-9 else math.inf
    )
    cx, cy = anchor[0] + ux * (gap + reach), anchor[1] + uy * (gap + reach)
    return (cx, cy), (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


class _Room:
    """The free room of a plot panel: its window minus strokes, fixed texts and placed point labels.

    The blocked ground is worked out at the first question (a crowded plot's second room is often
    never asked) and prepared, so each box is tested against it through an index.
    """

    def __init__(
        self,
        d: Drawing,
        window: Optional[tuple[float, float, float, float]],
        skip: tuple[str, ...],
        gaps: tuple[float, float, float] = (STROKE_GAP_CM, TEXT_GAP_CM, LABEL_GAP_CM),
        strict: bool = True,
    ) -> None:
        import shapely
        from shapely.geometry import box

        self.items = [item for item in d.items if item.owner not in skip]  # the drawing as it is now
        self.gaps, self.strict = gaps, strict
        self.label_gap = gaps[2]
        self.window = box(*window) if window is not None else None
        if self.window is not None:
            shapely.prepare(self.window)
        self.labels: list[Any] = []
        self._ground: Optional[tuple[Any, Any]] = None

    def ground(self) -> tuple[Any, Any]:
        """The blocked area (strokes and texts with their gaps) and the lines, prepared; None for none."""
        if self._ground is None:
            self._ground = _ground(self.items, self.gaps, self.strict)
        return self._ground

    def free(self, b: tuple[float, float, float, float], anchor: P) -> bool:
        """True when a label box fits here and no line runs between it and its dot."""
        return self.first_free([b], anchor) == 0

    def first_free(self, boxes: list[tuple[float, float, float, float]], anchor: P) -> Optional[int]:
        """The index of the first box that fits (see free), or None."""
        _, lines = self.ground()
        shapes, fitting = self.fitting(boxes)
        for i in fitting:
            if self.apart(shapes[i]) and self._clear(shapes[i], anchor, lines):
                return i
        return None

    def fitting(self, boxes: list[tuple[float, float, float, float]]) -> tuple[Any, list[int]]:
        """The boxes as shapes, and in order the indices of those in the window clear of every stroke
        and text (with their gaps): tested for all boxes in one call each."""
        import numpy as np
        import shapely

        if not boxes:
            return [], []
        blocked, _ = self.ground()
        b = np.asarray(boxes, dtype=float)
        shapes = shapely.box(b[:, 0], b[:, 1], b[:, 2], b[:, 3])
        ok = np.ones(len(boxes), dtype=bool)
        # the prepared geometry goes first: only a predicate's first argument is used prepared
        if self.window is not None:
            ok &= shapely.contains(self.window, shapes)
        if blocked is not None:
            ok &= ~shapely.intersects(blocked, shapes)
        return shapes, np.flatnonzero(ok).tolist()

    def apart(self, shape: Any) -> bool:
        """The box keeps its gap from the labels placed so far."""
        return not any(shape.distance(other) < self.label_gap for other in self.labels)

    def _clear(self, shape: Any, anchor: P, lines: Any) -> bool:
        """No line runs between the box and its dot."""
        import shapely
        from shapely.geometry import LineString

        if lines is None:
            return True
        start, end, length = _from_dot(anchor, shape)
        return length <= DOT_CM or not shapely.intersects(lines, LineString([start, end]))

    def take(self, b: tuple[float, float, float, float]) -> None:
        """Keep a placed label box."""
        from shapely.geometry import box

        self.labels.append(box(*b))


def _ground(items: list[Any], gaps: tuple[float, float, float], strict: bool) -> tuple[Any, Any]:
    """The union of the items' ink grown by its gap (strokes, texts), and the union of the lines.

    Both are prepared: a prepared geometry answers intersects exactly as the plain one does (when
    it is the predicate's first argument, the one shapely uses prepared).
    """
    import shapely
    from shapely.ops import unary_union

    from scidsl.labels import stroke_geometry

    strokes, texts, lines = [], [], []
    for item in items:
        geom = stroke_geometry(item)
        if geom is None or geom.is_empty:
            continue
        (texts if isinstance(item, Text) else strokes).append(geom)
        if isinstance(item, Line):
            lines.append(geom)
    stroke_gap, text_gap, _ = gaps
    grown = [g.buffer(stroke_gap) for g in strokes] + [g.buffer(text_gap) for g in texts]
    blocked = unary_union(grown) if grown else None
    line_union = unary_union(lines) if lines and strict else None
    for g in (blocked, line_union):
        if g is not None:
            shapely.prepare(g)
    return blocked, line_union


def place_point_labels(d: Drawing, specs: list[LabelSpec], window: tuple[float, float, float, float], grid: str,
                       keen: frozenset[int] = frozenset()) -> None:
    """Place point labels as fixed texts in the window; a label with no room goes to the core's placer.

    A label whose index is in `keen` tries its preferred sides a little farther out before any other side
    close by (a point where curves cross has room only on one side).
    """
    from scidsl.text import measure_text

    if not specs:
        return
    room = _Room(d, window, (grid,))
    # a crowded plot: the core's own clearances, farther from the dot and out of the window if need be
    loose = _Room(d, None, (grid,), (0.04, 0.04, 0.04), strict=False)
    for i, spec in enumerate(specs):
        w, h, _ = measure_text(spec.text, spec.size)
        first = i in keen and _first_free(room, spec, w, h, _STEPS[:5], spec.prefer)
        spot = first or _first_free(room, spec, w, h) or _first_free(loose, spec, w, h, _LOOSE_STEPS)
        if spot is None:
            led = _led_spot(room, spec, w, h)
            if led is None:
                d.labels.append(spec)
                continue
            (cx, cy), b, leader = led
            room.take(b)
            loose.take(b)
            d.items.append(Line(leader, stroke=Stroke(color="0.3", width=0.7), owner=spec.owner + ".leader",
                                role="leader"))
            d.items.append(Text((cx, cy), spec.text, spec.size, "center", "center", 0, spec.color, spec.owner,
                                "label", spec.may_touch + (grid, spec.owner + ".leader")))
            continue
        (cx, cy), b = spot
        room.take(b)
        loose.take(b)
        offset = (cx - spec.anchor[0], cy - spec.anchor[1])
        # the offset is in unscaled cm, so the label keeps its distance from the dot at any page scale
        d.items.append(
            Text(spec.anchor, spec.text, spec.size, "center", "center", 0, spec.color, spec.owner, "label",
                 spec.may_touch + (grid,), offset=offset)
        )


def _led_spot(room: _Room, spec: LabelSpec, w: float, h: float) -> Optional[tuple[P, Any, tuple[P, P]]]:
    """A clear spot in the window for a name with no room beside its dot, and the leader to it.

    The leader runs from the edge of the dot to the name's box, crosses no placed name and at most one
    line (two, out of a knot of curves, when one is not enough); the nearest spot wins, preferred
    directions first.
    """
    import shapely
    from shapely.geometry import LineString

    boxes = [_box(spec.anchor, angle, spec.distance + step, w, h)
             for step in _LEAD_STEPS for angle in _order(spec.prefer)]
    _, lines = room.ground()
    shapes, fitting = room.fitting([b for _, b in boxes])
    second = None  # the first spot whose leader crosses two lines
    for i in fitting:
        if not room.apart(shapes[i]):
            continue
        start, end, _ = _from_dot(spec.anchor, shapes[i])
        leader = LineString([start, end])
        if any(leader.distance(other) < 1e-9 for other in room.labels):
            continue
        crossed = 0 if lines is None else len(shapely.get_parts(leader.intersection(lines)))
        if crossed <= 1:
            return boxes[i][0], boxes[i][1], (start, end)
        if crossed == 2 and second is None:
            second = boxes[i][0], boxes[i][1], (start, end)
    return second


def _from_dot(anchor: P, shape: Any) -> tuple[P, P, float]:
    """The way from the edge of a dot to the nearest point of a box: its start (DOT_CM out from the
    centre, since the dot's own curve passes through the dot itself), its end, and the distance from
    the centre to the box."""
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    near = nearest_points(shape, Point(anchor))[0]
    end = (near.x, near.y)
    length = math.dist(anchor, end)
    t = DOT_CM / length if length > 0 else 0.0
    return (anchor[0] + t * (end[0] - anchor[0]), anchor[1] + t * (end[1] - anchor[1])), end, length


def _first_free(
    room: _Room, spec: LabelSpec, w: float, h: float, steps: tuple[float, ...] = _STEPS,
    only: Optional[tuple[float, ...]] = None,
) -> Optional[tuple[P, Any]]:
    """The first spot where the label fits: nearest steps first, preferred directions first in a step."""
    directions = list(only) if only else _order(spec.prefer)
    spots = [_box(spec.anchor, angle, spec.distance + step, w, h) for step in steps for angle in directions]
    i = room.first_free([b for _, b in spots], spec.anchor)
    return None if i is None else spots[i]
