"""Plots: numerics of graphs, marked points at their data coordinates on the drawn page, ticks, facts."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scidsl
from scidsl import limits
from scidsl.domains.plots import numeric
from scidsl.domains.plots.checks import page_map, verify_points
from scidsl.domains.plots.ticks import format_number, tick_values
from scidsl.primitives import Line
from tests.conftest import compile_ok as _compile
from tests.conftest import layout_and_page

CODES_TESTED_HERE = ("E6012", "E6013")


def test_x_ln_x_minimum_and_root_are_facts() -> None:
    result = _compile("plot f { y: x*ln(x), x: [0.05, 3], mark: [minimum, roots] }")
    marked = {f.args[1]: f.value for f in result.facts if f.predicate == "marked_point"}
    assert marked["minimum"] == pytest.approx([1 / math.e, -1 / math.e], abs=1e-7)
    assert marked["root"] == pytest.approx([1.0, 0.0], abs=1e-9)
    curve = [f for f in result.facts if f.predicate == "curve"]
    assert curve[0].value == "x*ln(x)"


def test_intersections_of_two_parabolas() -> None:
    result = _compile(
        "plot P { xlim: [0, 7] }\nfunction f on P { y: 5*x - x^2, x: [0, 5] }\n"
        "function g on P { y: 3*x - 0.5*x^2, x: [0, 6] }\nmark X of f with g"
    )
    points = sorted(tuple(f.value) for f in result.facts if f.predicate == "marked_point")
    assert points == [pytest.approx((0.0, 0.0), abs=1e-9), pytest.approx((4.0, 4.0), abs=1e-9)]


def test_pole_breaks_the_curve_and_is_an_asymptote() -> None:
    f = lambda x: 1 / (np.asarray(x) - 1)  # noqa: E731
    pieces, breaks = numeric.sample(f, -3, 5, (-3, -5, 5, 5))
    assert all(max(p[0] for p in piece) < 1 or min(p[0] for p in piece) > 1 for piece in pieces)
    assert numeric.poles(f, breaks, 10) == [1.0]


def test_tan_is_broken_at_every_pole() -> None:
    pieces, breaks = numeric.sample(np.tan, 0, 3 * math.pi, (0, -4, 3 * math.pi, 4))
    crossing = [
        p for p in pieces if any(abs(x - k * math.pi - math.pi / 2) < 1e-3 for x, _ in p for k in range(3))
    ]
    assert crossing == []
    assert len(numeric.poles(np.tan, breaks, 8)) == 3


def test_double_root_is_found() -> None:
    assert numeric.roots(lambda x: (np.asarray(x) - 1) ** 2, -2, 3) == [pytest.approx(1.0, abs=1e-6)]


def test_tick_values_are_bounded() -> None:
    assert tick_values(-1, 1, 0.5) == [-1.0, -0.5, 0.0, 0.5, 1.0]
    with pytest.raises(ValueError):
        tick_values(0, 1, 1 / (limits.MAX_TICKS * 2))


def test_number_format() -> None:
    assert format_number(-0.5) == "−0.5"
    assert format_number(2.0) == "2"
    assert format_number(1.0, 1) == "1"


def test_bar_and_slice_facts() -> None:
    result = _compile(
        'barchart b { categories: ["a", "b"], values: [3, 5] }\n'
        'piechart p { labels: ["x", "y"], values: [1, 3] }'
    )
    bars = {f.args[1]: f.value for f in result.facts if f.predicate == "bar"}
    slices = {f.args[1]: f.value for f in result.facts if f.predicate == "slice"}
    assert bars == {"a": 3, "b": 5}
    assert slices == {"x": 25.0, "y": 75.0}


def test_histogram_counts_raw_data() -> None:
    result = _compile("histogram h { edges: [0, 10, 20], data: [1, 2, 15, 19, 12] }")
    assert [f.value for f in result.facts if f.predicate == "bin"] == [2.0, 3.0]


def test_area_under_parabola() -> None:
    result = _compile(
        "plot P { xlim: [0, 2] }\nfunction f on P { y: x^2 }\nshade S on P { under: f, x: [0, 2] }"
    )
    area = [f.value for f in result.facts if f.predicate == "area"]
    assert area == [pytest.approx(8 / 3, abs=1e-6)]


_SCENE = "plot P { xlim: [-3, 5], ylim: [-5, 6] }\nfunction f on P { y: x^2 - 2*x - 3 }\nmark V of f { at: minimum }"


def test_moved_mark_is_reported() -> None:
    layout, page = layout_and_page(_SCENE, "plots")
    panel = layout.panels[0]
    assert verify_points(panel, page) == []
    x, y = page.anchors["V"]
    page.anchors["V"] = (x + 0.3, y)
    assert [d.code for d in verify_points(panel, page)] == ["E6012"]


def test_curve_drawn_elsewhere_is_reported() -> None:
    layout, page = layout_and_page(_SCENE, "plots")
    panel = layout.panels[0]
    page.items = [
        replace(it, points=tuple((px, py + 0.5) for px, py in it.points))
        if isinstance(it, Line) and it.owner == "f"
        else it
        for it in page.items
    ]
    assert [d.code for d in verify_points(panel, page)] == ["E6013"]


def _tick_boxes(result):  # type: ignore[no-untyped-def]
    from scidsl.labels import text_box

    return [
        text_box(t.text, t.size, t.pos, t.ha, t.va)
        for t in result.drawing.items
        if getattr(t, "role", "").startswith("tick_label")
    ]


coefficient = st.integers(min_value=-4, max_value=4)


@settings(max_examples=12, deadline=None)
@given(
    a=st.integers(min_value=1, max_value=3).flatmap(lambda v: st.sampled_from([v, -v])),
    b=coefficient,
    c=coefficient,
    d=coefficient,
    lo=st.integers(min_value=-6, max_value=-1),
    width=st.integers(2, 12),
)
def test_marked_points_lie_on_the_drawn_curve(a: int, b: int, c: int, d: int, lo: int, width: int) -> None:
    hi = lo + width
    expr = f"{a}*x^3 + {b}*x^2 + {c}*x + {d}"
    text = (
        f"plot P {{ xlim: [{lo}, {hi}] }}\nfunction f on P {{ y: {expr} }}\n"
        "mark R of f { at: roots }\nmark E of f { at: extrema }"
    )
    result = scidsl.compile(text, "t.sdl")
    assert not result.errors, [(e.code, e.message) for e in result.errors]
    poly = np.poly1d([a, b, c, d])
    layout, page = layout_and_page(text, "plots")
    panel = layout.panels[0]
    to_page = page_map(panel, page)
    for p in panel.points:
        x, y = p.at
        assert y == pytest.approx(poly(x), abs=1e-6 * max(1.0, abs(y)))
        if p.kind == "root":
            assert abs(poly(x)) < 1e-6
        else:
            assert abs(poly.deriv()(x)) < 1e-4 * max(1.0, abs(poly.deriv(2)(x)))
        assert math.dist(page.anchors[p.owner], to_page(p.at)) < 1e-6
    assert verify_points(panel, page) == []
    boxes = _tick_boxes(result)
    assert all(not boxes[i].intersects(boxes[j]) for i in range(len(boxes)) for j in range(i + 1, len(boxes)))


@settings(max_examples=12, deadline=None)
@given(
    lo=st.floats(-1e4, 1e4, allow_nan=False).filter(lambda v: v == 0 or abs(v) >= 1e-6),  # scenes refuse 1e-309
    span=st.floats(1e-3, 1e5),
    w=st.floats(4, 16),
    h=st.floats(3, 12),
)
def test_ticks_never_overlap(lo: float, span: float, w: float, h: float) -> None:
    hi = lo + span
    result = scidsl.compile(
        f"plot P {{ xlim: [{lo!r}, {hi!r}], ylim: [{lo!r}, {hi!r}], size: ({w!r}, {h!r}), frame: box }}",
        "t.sdl",
    )
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    boxes = _tick_boxes(result)
    assert len(boxes) >= 2
    assert len(boxes) <= 2 * limits.MAX_TICKS
    assert all(not boxes[i].intersects(boxes[j]) for i in range(len(boxes)) for j in range(i + 1, len(boxes)))


def test_closed_forms_are_proven_or_left_out() -> None:
    from scidsl.domains.plots.exact import exact_point
    from scidsl.model import _to_expr

    assert str(exact_point("minimum", 0.3678794, _to_expr("x*ln(x)"))) == "(exp(-1), -exp(-1))"
    assert (
        str(exact_point("intersection", 0.785398, _to_expr("sin(x)"), _to_expr("cos(x)")))
        == "(pi/4, sqrt(2)/2)"
    )
    assert exact_point("root", 1.1673039782614187, _to_expr("x^5 - x - 1")) is None  # no radical form


def test_fact_text_gives_the_closed_form() -> None:
    result = _compile("function f { y: x^3 - 3*x, x: [-2.5, 2.5], mark: [roots] }")
    texts = [f.text for f in result.facts if f.predicate == "marked_point"]
    assert any("sqrt(3)" in t for t in texts)
    assert {tuple(f.args) for f in result.facts if f.predicate == "axis"} == {("plot", "x"), ("plot", "y")}


def test_tangent_slope_is_the_derivative() -> None:
    result = _compile(
        "plot P { xlim: [-2, 5] }\nfunction f on P { y: x^2/4 + 1 }\nmark T of f { x: 2, tangent: true }"
    )
    assert [f.value for f in result.facts if f.predicate == "tangent"] == [pytest.approx(1.0)]


def test_ranges_written_as_x_and_y_are_the_window() -> None:
    result = _compile("plot P { x: [0, 4], y: [0, 10] }\nfunction f on P { y: x^2 }")
    axes = {f.args[1]: list(f.value) for f in result.facts if f.predicate == "axis"}
    assert axes == {"x": [0.0, 4.0], "y": [0.0, 10.0]}


def test_isotherm_through_a_state() -> None:
    result = _compile("plot P { xlim: [0, 10], ylim: [0, 10] }\ndatapoint a on P at (2, 4) { isotherm: true }")
    assert [f.value for f in result.facts if f.predicate == "isotherm"] == [8.0]


def test_piecewise_ends_are_open_or_closed() -> None:
    result = _compile("plot P { xlim: [-2, 3] }\nfunction f on P { y: x^2, x: [-2, 1], ends: [closed, open] }")
    ends = {f.args[1]: tuple(f.value) for f in result.facts if f.predicate == "end_point"}
    assert ends == {"closed": (-2.0, 4.0), "open": (1.0, 1.0)}
    dots = [it for it in result.drawing.items if getattr(it, "role", "") == "mark"]
    assert sorted(d.hollow for d in dots) == [False, True]


def test_log_axis_ticks_are_powers_of_ten_and_marks_sit_right() -> None:
    text = "plot P { xlim: [0, 40], ylim: [100, 30000], yscale: log }\nfunction A on P { y: 16000*exp(-x/8) }\n" \
           "mark H of A { x: 8 }"
    result = _compile(text)
    ticks = [f.value for f in result.facts if f.predicate == "ticks" and f.args[1] == "y"]
    assert ticks == [[100.0, 1000.0, 10000.0]]
    layout, page = layout_and_page(text, "plots")
    panel = layout.panels[0]
    assert verify_points(panel, page) == []
    lo, hi = page.anchors["P@lo"], page.anchors["P@hi"]
    y = page.anchors["H"][1]
    expected = (math.log10(16000 * math.exp(-1)) - 2) / (math.log10(30000) - 2)
    assert (y - lo[1]) / (hi[1] - lo[1]) == pytest.approx(expected, abs=1e-9)
