"""Where the drawing layer puts labels, measured in page centimetres of the compiled drawing."""
from __future__ import annotations

import math

import scidsl
from scidsl.primitives import Line, Text


def _compiled(source: str):  # type: ignore[no-untyped-def]
    r = scidsl.compile(source)
    assert r.ok, [d.message for d in r.diagnostics]
    return r


def _text(r, owner: str) -> Text:  # type: ignore[no-untyped-def]
    return next(t for t in list(r.texts) + [it for it in r.drawing.items if isinstance(it, Text)] if t.owner == owner)


def test_an_arrow_labelled_across_it_is_named_beside_its_shaft() -> None:
    r = _compiled('arrow up from (0, 0) to (0, 1) { label: "$x$", label_at: 180 deg }\n'
                  'arrow down from (3, 1) to (3, 0) { label: "$x$", label_at: 0 deg }')
    up, down = _text(r, "up").pos, _text(r, "down").pos
    assert up[0] < 0 and abs(up[1] - 0.5) < 0.1  # left of the shaft's middle, not past its tip
    assert down[0] > 3 and abs(down[1] - 0.5) < 0.1


def test_an_arrow_label_along_it_still_goes_past_the_tip() -> None:
    r = _compiled('arrow F from (0, 0) to (2, 0) { label: "$F$" }')
    assert _text(r, "F").pos[0] > 2


def test_field_symbol_label_stands_clear_of_the_last_symbol() -> None:
    r = _compiled('field B from (-4, 3) to (4, 6) { direction: in, count: 3, label: "$\\\\vec B$" }')
    label = _text(r, "B").pos
    crosses = [it for it in r.drawing.items if isinstance(it, Line) and it.owner == "B"]
    centres = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in (ln.points for ln in crosses)]
    assert label[0] > 4  # beyond the region's edge, level with the top row
    assert min(math.dist(label, c) for c in centres) > 0.45


def test_standing_wave_states_its_wavelength_with_a_dimension_line() -> None:
    with open("examples/draw/standing_wave.sdl", encoding="utf-8") as fh:
        r = _compiled(fh.read())
    dims = [it for it in r.drawing.items if isinstance(it, Line) and it.role == "dimension"]
    assert len(dims) == 1 and dims[0].arrow == "both"
    (x0, _), (x1, _) = dims[0].points
    assert abs(abs(x1 - x0) - 4) < 1e-9  # one wavelength: from a node to the next-but-one


def test_the_charge_in_the_field_scene_sits_in_the_field() -> None:
    with open("examples/draw/lens_and_field.sdl", encoding="utf-8") as fh:
        r = _compiled(fh.read())
    (x, y), a = r.drawing.anchors["q"], r.drawing.anchors
    assert -4 < x < 4 and 3 < y < 7
    assert a["v"] and a["F"]  # velocity and force drawn


def _last_segment(r, owner: str, end: int = -1) -> float:  # type: ignore[no-untyped-def]
    line = next(it for it in r.drawing.items if isinstance(it, Line) and it.owner == owner and it.arrow)
    pts = line.points if end == -1 else line.points[::-1]
    return math.dist(pts[-2], pts[-1])


def test_arrow_heads_on_small_ellipses_and_arcs_have_a_full_run_up() -> None:
    # an arrow head is sized by the segment it sits on; a finely sampled curve would shrink it to a speck
    r = _compiled("ellipse spin at (0, 3) { radii: (0.5, 0.17), start: 210 deg, end: 510 deg, arrow: end }\n"
                  "circle_arc turn { center: (0, 0), radius: 1.1, start: 145 deg, end: 210 deg, arrow: start }\n"
                  "curve c { y: 0.3*x*x, x: [0, 1], arrow: both }")
    assert _last_segment(r, "spin") >= 0.2
    assert _last_segment(r, "turn", end=0) >= 0.2
    assert _last_segment(r, "c") >= 0.2 and _last_segment(r, "c", end=0) >= 0.2
    line = next(it for it in r.drawing.items if isinstance(it, Line) and it.owner == "turn")
    tip = line.points[0]  # the head still sits on the arc's start
    assert math.dist(tip, (1.1 * math.cos(math.radians(145)), 1.1 * math.sin(math.radians(145)))) < 1e-9
