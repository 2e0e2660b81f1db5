"""After-render checks on tampered pages: each check sees the defect a renderer bug would draw."""
from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scidsl
from scidsl.curves import monotone_through
from scidsl.primitives import Body, Line, Text
from scidsl.verify_text import missing_glyphs, printed_twice
from tests.page_faults import label_swaps, redraw, unwired_terminals, wires_through_cells

CODES_TESTED_HERE = ("E5015", "E5018")
pytestmark = pytest.mark.filterwarnings("ignore:Glyph")


def _ok(text: str):  # type: ignore[no-untyped-def]
    result = scidsl.compile(text)
    assert result.ok, [f"{d.code} {d.message}" for d in result.diagnostics]
    assert redraw(result) == []
    return result


def _codes(diags: list) -> set[str]:
    return {d.code for d in diags}


# --- glyphs ---------------------------------------------------------------------------------------

def test_super_and_subscripts_arrows_and_greek_fall_back_to_dejavu() -> None:
    assert missing_glyphs("Cu²⁺ → Cu₂, α β Ω") == []
    assert missing_glyphs("固定轴 $\\alpha$") == ["固", "定", "轴"]
    assert missing_glyphs("$x_1^2 + \\alpha$") == []


def test_a_glyph_no_font_has_is_named_on_a_tampered_page() -> None:
    result = _ok('text t "Cu²⁺ ions" at (0, 0)')
    items = [replace(it, text="Cu固 ions") if isinstance(it, Text) else it for it in result.drawing.items]
    (d,) = redraw(result, items=items)
    assert d.code == "E5010" and "U+56FA" in d.message and d.span.line == 1


# --- containers -----------------------------------------------------------------------------------

def test_a_table_cell_text_running_out_of_its_cell_is_caught() -> None:
    result = _ok('table t { columns: ["a", "b"], rows: ["r"], cells: [[1, 2]] }')
    items = [replace(it, text="a much longer entry than the cell") if isinstance(it, Text) and it.text == "1" else it
             for it in result.drawing.items]
    assert "E5011" in _codes(redraw(result, items=items))


def test_a_flowchart_step_with_its_text_grown_past_the_shape_is_caught() -> None:
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "examples/graphs/flowchart_loop.sdl"
    result = _ok(path.read_text("utf-8"))
    items = [replace(it, size=it.size * 3) if isinstance(it, Text) and it.role == "step_text" else it
             for it in result.drawing.items]
    assert "E5011" in _codes(redraw(result, items=items))


# --- near-coincident strokes ----------------------------------------------------------------------

def test_a_copy_of_a_line_a_pixel_away_is_caught_but_not_a_line_drawn_twice() -> None:
    result = _ok("polyline a { points: [(0, 0), (5, 0), (5, 3)] }")
    (line,) = [it for it in result.drawing.items if isinstance(it, Line)]
    same = replace(line, owner="b")
    assert redraw(result, items=[line, same]) == []
    shifted = replace(line, owner="b", points=tuple((x - 0.015, y + 0.015) for x, y in line.points))
    assert _codes(redraw(result, items=[line, shifted])) == {"E5012"}


def test_two_lines_crossing_at_a_hair_angle_are_caught_but_not_a_thin_angle() -> None:
    crossing = scidsl.compile("polyline a { points: [(0, 0), (8, 0)] }\npolyline b { points: [(0, -0.05), (8, 0.05)] }")
    assert _codes(crossing.diagnostics) == {"E5012"}
    _ok("polyline a { points: [(0, 0), (8, 0)] }\npolyline b { points: [(0, 0), (8, 0.6)] }")


def test_a_line_a_pixel_outside_an_arc_is_caught_but_not_its_tangent() -> None:
    result = _ok("circle_arc a { center: (0, 0), radius: 4, start: 30 deg, end: 150 deg }\n"
                 "polyline b { points: [(-0.5, 5), (0.5, 5)] }")

    def at(y: float) -> list:
        return [replace(it, points=((-0.5, y), (0.5, y))) if it.owner == "b" else it for it in result.drawing.items]

    assert redraw(result, items=at(4.0)) == []  # a tangent touches the arc: a reader sees where
    (d,) = redraw(result, items=at(4.02))
    assert d.code == "E5012" and {d.span.line} <= {1, 2}


# --- label ownership ------------------------------------------------------------------------------

def test_swapped_point_names_are_caught_with_the_owner_span() -> None:
    result = _ok("triangle ABC\ngiven length(AB) = 3 cm\ngiven length(BC) = 4 cm\ngiven length(AC) = 5 cm")
    fault = next(label_swaps(result))
    diags = [d for d in redraw(result, texts=fault.texts) if d.code == "E5013"]
    assert diags and all(d.span is not None and d.span.line == 1 for d in diags)
    assert "nearer to" in diags[0].message


def test_the_height_label_beside_the_slant_edge_is_caught() -> None:
    result = _ok("cone { radius: 5 cm, slant_height: 13 cm, apex: V, center: O, rim: A }\ngiven length(VO) = h")
    (slant,) = [it for it in result.drawing.items if it.owner == "cone 1.slant_height"]
    (a, b) = slant.points
    o = result.drawing.anchors["O"]
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    away = (mid[0] - o[0], mid[1] - o[1])
    n = (b[1] - a[1], a[0] - b[0])
    n = n if n[0] * away[0] + n[1] * away[1] > 0 else (-n[0], -n[1])
    size = (n[0] ** 2 + n[1] ** 2) ** 0.5
    mid = (mid[0] + 0.3 * n[0] / size, mid[1] + 0.3 * n[1] / size)
    texts = [replace(t, pos=mid) if t.text == "$h$" else t for t in result.texts]
    (d,) = [d for d in redraw(result, texts=texts) if d.code == "E5013"]
    assert "sits nearer to cone 1" in d.message and d.span.line == 2  # the slant edge lies on the outline


# --- marks ----------------------------------------------------------------------------------------

def test_an_arrow_head_without_its_line_is_caught() -> None:
    result = _ok("arrow F from (0, 0) to (3, 0)")
    items = [replace(it, stroke=replace(it.stroke, visible=False)) if isinstance(it, Line) else it
             for it in result.drawing.items]
    assert _codes(redraw(result, items=items)) == {"E5014"}


def test_a_tick_off_its_line_is_caught() -> None:
    result = _ok("polyline a { points: [(0, 0), (4, 0)] }\npolyline t { points: [(2, -0.15), (2, 0.15)] }")
    items = [replace(it, role="tick") if it.owner == "t" else it for it in result.drawing.items]
    assert redraw(result, items=items) == []
    items = [replace(it, points=((2, 0.5), (2, 0.8))) if it.owner == "t" else it for it in items]
    assert _codes(redraw(result, items=items)) == {"E5014"}


# --- curves through stated points -----------------------------------------------------------------

_SERIES = "plot P { xlim: [0, 6], ylim: [0, 12] }\nseries s on P { points: [(0, 2), (1, 2), (2, 10), (3, 10), (5, 2)], style: smooth }"


def test_a_smooth_series_holds_its_levels_and_an_overshooting_one_is_caught() -> None:
    result = _ok(_SERIES)
    (curve,) = [it for it in result.drawing.items if isinstance(it, Line) and it.through]
    overshoot = _catmull_rom(list(curve.through))
    items = [replace(it, points=tuple(overshoot)) if it is curve else it for it in result.drawing.items]
    (d,) = redraw(result, items=items)
    assert d.code == "E5015" and "overshoots" in d.message and d.span.line == 2


def test_a_drawn_curve_through_points_holds_a_plateau() -> None:
    result = _ok("curve c { through: [(0, 0), (2, 3), (4, 3), (6, 0)] }")
    (curve,) = [it for it in result.drawing.items if isinstance(it, Line) and it.through]
    top = max(y for _, y in curve.through)
    assert max(y for _, y in curve.points) == pytest.approx(top)
    items = [replace(it, points=tuple(_catmull_rom(list(it.through)))) if it is curve else it
             for it in result.drawing.items]
    assert _codes(redraw(result, items=items)) == {"E5015"}


def test_a_curve_that_misses_a_stated_point_is_caught() -> None:
    result = _ok(_SERIES)
    items = [replace(it, through=it.through[:2] + ((it.through[2][0], it.through[2][1] - 0.3),) + it.through[3:])
             if isinstance(it, Line) and it.through else it for it in result.drawing.items]
    assert _codes(redraw(result, items=items)) == {"E5015"}


def test_a_root_drawn_off_its_curve_is_caught() -> None:
    result = _ok("plot P { xlim: [-3, 5], ylim: [-5, 6] }\nfunction f on P { y: x^2 - 2*x - 3, mark: [roots] }")
    items = [replace(it, center=(it.center[0] + 0.1, it.center[1])) if getattr(it, "on", None) == "f" else it
             for it in result.drawing.items]
    assert "E5015" in _codes(redraw(result, items=items))


def _catmull_rom(pts: list) -> list:
    out, ext = [], [pts[0]] + pts + [pts[-1]]
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1:i + 3]
        for s in range(16):
            t = s / 16
            out.append(tuple(0.5 * (2 * p1[j] + (p2[j] - p0[j]) * t + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t * t
                                    + (3 * p1[j] - p0[j] - 3 * p2[j] + p3[j]) * t ** 3) for j in (0, 1)))
    return out + [pts[-1]]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(-50, 50), st.floats(-50, 50)), min_size=3, max_size=9))
def test_monotone_curves_stay_between_each_pair_of_stated_points(pts: list) -> None:
    curve = monotone_through(pts, 8)
    for k, (a, b) in enumerate(zip(pts, pts[1:])):
        piece = curve[8 * k:8 * k + 9]
        assert piece[0] == pytest.approx(a) and piece[-1] == pytest.approx(b)
        for x, y in piece:
            assert min(a[0], b[0]) - 1e-9 <= x <= max(a[0], b[0]) + 1e-9
            assert min(a[1], b[1]) - 1e-9 <= y <= max(a[1], b[1]) + 1e-9


# --- values printed twice -------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [("$V_1 = 24$ V = 24 V", "24V"), ("R₁ = 4 Ω = 4 Ω", "4Ω"),
                                         ("$V_1 = 24$ V", None), ("a = 2, b = 2", None), ("x = 2 = 20", None),
                                         ("24 V = 24 V", "24V"), ("V₁ (24 V) = 24 V", "24V"), ("$24\\,$V = 24 V", "24V"),
                                         ("1.24 V = 24 V", None), ("240 V = 24 V", None)])
def test_a_value_stated_twice(text: str, value: object) -> None:
    assert printed_twice(text) == value


def test_a_circuit_label_that_states_its_value_is_not_given_it_again() -> None:
    result = _ok('battery V1 { voltage: 24 V, label: "$V_1 = 24$ V" }\nresistor R1 { resistance: 4 ohm }\n'
                 "circuit c { loop: [V1, R1] }")
    assert "$V_1 = 24$ V" in [t.text for t in result.texts]
    texts = [replace(t, text=t.text + " = 24 V") if t.text == "$V_1 = 24$ V" else t for t in result.texts]
    (d,) = [d for d in redraw(result, texts=texts) if d.code == "E5016"]  # the longer label also hits a line
    assert d.span.line == 1 and "24V twice" in d.message


@pytest.mark.parametrize("label", ["24 V", "$24$ V", "V₁ (24 V)", "$24\\,\\mathrm{V}$"])
def test_a_circuit_label_that_states_its_value_without_an_equals_sign_is_kept_as_written(label: str) -> None:
    result = _ok(f'battery V1 {{ voltage: 24 V, label: "{label}" }}\nresistor R1 {{ resistance: 4 ohm }}\n'
                 "circuit c { loop: [V1, R1] }")
    assert label in [t.text for t in result.texts]


# --- symbol integrity -----------------------------------------------------------------------------

_LOOP = "battery V1 { voltage: 12 V }\nresistor R1 { resistance: 4 ohm }\ncircuit c { loop: [V1, R1] }"


def test_every_two_terminal_symbol_has_a_body_with_wired_terminals() -> None:
    result = _ok(_LOOP)
    assert sorted(b.owner for b in result.drawing.bodies) == ["R1", "V1"]
    assert all(len(b.terminals) == 2 for b in result.drawing.bodies)


def test_a_wire_through_the_gap_of_a_cell_is_caught() -> None:
    result = _ok(_LOOP)
    fault = next(f for f in wires_through_cells(result) if "V1" in f.name)
    (d,) = redraw(result, items=fault.items)
    assert d.code == "E5017" and d.span.line == 1 and "V1" in d.message


def test_a_terminal_whose_wire_is_gone_is_caught() -> None:
    result = _ok(_LOOP)
    fault = next(unwired_terminals(result))
    assert "E5018" in _codes(redraw(result, items=fault.items))
    body = result.drawing.bodies[0]
    loose = Body(body.owner, body.outline, ((body.terminals[0][0] + 3, body.terminals[0][1] + 3),))
    assert "E5018" in _codes(redraw(result, bodies=[loose]))
