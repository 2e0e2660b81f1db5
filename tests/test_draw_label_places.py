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
