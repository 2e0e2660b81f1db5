"""Plots on the drawn page: tick labels at their ticks and off the curves, point labels inside the plot and
apart, direction arrows apart, readable fractions, fit labels in the axes' symbols, log minor ticks."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

import scidsl
from scidsl.domains.plots.exact import latex_point
from scidsl.domains.plots.layout import fit_symbols
from scidsl.labels import stroke_geometry, text_box
from scidsl.primitives import Line, Text
from scidsl.renderers.plot_axes import minor_log_ticks

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CURVE_ROLES = ("curve", "asymptote", "process", "isotherm", "tangent", "series", "fit", "segment")


def _compile(path: str):  # type: ignore[no-untyped-def]
    result = scidsl.compile((EXAMPLES / path).read_text(), path)
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    return result


def _box(t: Text):  # type: ignore[no-untyped-def]
    return text_box(t.text, t.size, t.at, t.ha, t.va)


def _texts(result, role: str) -> list[Text]:  # type: ignore[no-untyped-def]
    fixed = [it for it in result.drawing.items if isinstance(it, Text)]
    return [t for t in fixed + list(result.texts) if t.role.startswith(role)]


def _curves(result):  # type: ignore[no-untyped-def]
    return [it for it in result.drawing.items if isinstance(it, Line) and it.role in CURVE_ROLES]


def _ticks(result) -> list[Line]:  # type: ignore[no-untyped-def]
    return [it for it in result.drawing.items if isinstance(it, Line) and it.role == "tick"]


@pytest.mark.parametrize(
    "path",
    ["plots/parabola.sdl", "plots/x_ln_x.sdl", "plots/sin_cos.sdl", "plots/hyperbola.sdl", "plots/tangent_line.sdl"],
)
def test_tick_labels_sit_at_their_ticks_and_never_on_a_curve(path: str) -> None:
    result = _compile(path)
    curves = [stroke_geometry(c) for c in _curves(result)]
    ticks = _ticks(result)
    labels = _texts(result, "tick_label")
    assert labels
    for t in labels:
        b = _box(t)
        # a white ground only hides grid lines (the curve never passes under a label)
        assert t.background is None or "grid: true" in (EXAMPLES / path).read_text()
        assert not any(b.intersects(c) for c in curves), t.text
        if t.role == "tick_label_y":
            # vertically centred on a tick of the y axis
            assert any(abs(k.points[0][1] - k.points[1][1]) < 1e-9 and abs(b.centroid.y - k.points[0][1]) < 1e-6
                       for k in ticks), t.text
        elif t.text != "$O$":
            # a tick of the x axis runs through the label's width or touches its edge
            assert any(abs(k.points[0][0] - k.points[1][0]) < 1e-9
                       and b.bounds[0] - 0.06 <= k.points[0][0] <= b.bounds[2] + 0.06 for k in ticks), t.text


def test_a_label_under_the_curve_moves_above_the_axis() -> None:
    result = _compile("plots/x_ln_x.sdl")
    (half,) = [t for t in _texts(result, "tick_label_x") if t.text == "0.5"]
    assert half.va == "bottom"  # the curve runs below the axis at x = 0.5


@pytest.mark.parametrize("path", ["plots/histogram.sdl", "plots/scatter_fit.sdl"])
def test_corner_tick_labels_stay_level_with_their_ticks_and_apart(path: str) -> None:
    result = _compile(path)
    ticks = _ticks(result)
    ys = _texts(result, "tick_label_y")
    xs = _texts(result, "tick_label_x")
    for t in ys:
        assert t.va == "center"
        assert any(abs(_box(t).centroid.y - k.points[0][1]) < 1e-6 for k in ticks)
    assert min(_box(a).distance(_box(b)) for a in xs for b in ys) >= 0.05


def _point_labels(result):  # type: ignore[no-untyped-def]
    return [t for t in _texts(result, "label") if t.owner in result.drawing.anchors]


def _window(result, name: str = "P"):  # type: ignore[no-untyped-def]
    lo, hi = result.drawing.anchors[f"{name}@lo"], result.drawing.anchors[f"{name}@hi"]
    return box(lo[0], lo[1], hi[0], hi[1])


@pytest.mark.parametrize(
    ("path", "plot"),
    [("plots/x_ln_x.sdl", "f"), ("plots/parabola.sdl", "P"), ("reference/univ-fn-mathverse519.sdl", "P"),
     ("reference/chem-phase-carbon.sdl", "P"), ("plots/sin_cos.sdl", "P")],
)
def test_point_labels_stay_inside_the_plot_clear_of_tick_labels(path: str, plot: str) -> None:
    result = _compile(path)
    window = _window(result, plot)
    ticks = [_box(t) for t in _texts(result, "tick_label")]
    labels = _point_labels(result)
    assert labels
    for t in labels:
        b = _box(t)
        assert window.contains(b), t.text
        assert min((b.distance(k) for k in ticks), default=1.0) >= 0.1, t.text
    for i, a in enumerate(labels):
        for other in labels[i + 1:]:
            assert _box(a).distance(_box(other)) >= 0.2, (a.text, other.text)


def test_triple_point_label_sits_by_its_marker() -> None:
    result = _compile("reference/chem-phase-carbon.sdl")
    (label,) = [t for t in _point_labels(result) if t.owner == "T2"]
    assert _box(label).distance(Point(result.drawing.anchors["T2"])) < 0.45


def test_no_curve_runs_between_a_point_and_its_label() -> None:
    from shapely.geometry import LineString
    from shapely.ops import nearest_points

    result = _compile("reference/chem-phase-carbon.sdl")
    curves = [stroke_geometry(c) for c in _curves(result)]
    for t in _point_labels(result):
        dot = Point(result.drawing.anchors[t.owner])
        near = nearest_points(_box(t), dot)[0]
        reach = LineString([dot, near])
        if reach.length > 0.15:
            start = reach.interpolate(0.12)
            assert not any(LineString([start, near]).intersects(c) for c in curves), t.text


def test_direction_arrows_are_apart_and_clear_of_labels() -> None:
    result = _compile("plots/carnot_cycle.sdl")
    heads = [stroke_geometry(it) for it in result.drawing.items if getattr(it, "role", "") == "direction"]
    assert len(heads) == 4
    for i, a in enumerate(heads):
        for b in heads[i + 1:]:
            assert a.distance(b) > 0.3
    for t in _texts(result, "label"):
        assert all(_box(t).distance(h) > 0.02 for h in heads), t.text


def test_direction_arrow_sits_near_the_middle_of_its_path() -> None:
    result = _compile("plots/carnot_cycle.sdl")
    for owner in ("ab", "bc", "cd", "da"):
        (path,) = [it for it in result.drawing.items if it.owner == owner and it.role == "process"]
        (head,) = [it for it in result.drawing.items if it.owner == owner and it.role == "direction"]
        from shapely.geometry import LineString

        line = LineString(path.points)
        at = line.project(stroke_geometry(head).centroid, normalized=True)
        assert 0.2 <= at <= 0.8, owner


def test_exact_points_use_inline_fractions() -> None:
    import sympy as sp

    text = latex_point((sp.pi / 4, sp.sqrt(2) / 2))
    assert "\\frac" not in text and "\\pi/4" in text and "\\sqrt{2}/2" in text
    assert latex_point((sp.exp(-1), -sp.exp(-1))) == "$({1/e}, {-1/e})$"
    assert latex_point(((1 + sp.sqrt(5)) / 2, sp.Integer(0))) == "$({(1 + \\sqrt{5})/2}, {0})$"
    result = _compile("plots/sin_cos.sdl")
    assert not any("\\frac" in t.text for t in _texts(result, "label"))


def test_scene_fractions_are_set_full_size() -> None:
    result = _compile("plots/tangent_line.sdl")
    texts = [t.text for t in _texts(result, "label")]
    assert "$y = \\dfrac{x^2}{4} + 1$" in texts


def test_fit_label_uses_the_axes_symbols() -> None:
    result = _compile("plots/scatter_fit.sdl")
    (fit,) = [t for t in _texts(result, "label") if t.owner == "data.fit"]
    assert fit.text == "$x = 1.98F + 0.08$"
    assert fit_symbols("$V$ (L)", "$p$ (kPa)") == ("p", "V")
    assert fit_symbols("time (s)", "distance (m)") == ("y", "x")
    assert fit_symbols("load (N)", "extension $x$ (cm)") is None  # "x = 1.98x" would contradict the axes


def test_log_axes_have_minor_ticks_between_decades() -> None:
    assert minor_log_ticks(100, 30000) == [200, 300, 400, 500, 600, 700, 800, 900, 2000, 3000, 4000, 5000,
                                           6000, 7000, 8000, 9000, 20000, 30000]
    result = _compile("plots/radioactive_decay_log.sdl")
    lo, hi = result.drawing.anchors["P@lo"], result.drawing.anchors["P@hi"]
    y8000 = lo[1] + (math.log10(8000) - 2) / (math.log10(30000) - 2) * (hi[1] - lo[1])
    horizontal = [k for k in _ticks(result) if abs(k.points[0][1] - k.points[1][1]) < 1e-9]
    assert any(abs(k.points[0][1] - y8000) < 1e-6 for k in horizontal)


@settings(max_examples=10, deadline=None)
@example(a=2, b=4, c=1, lo=-4, width=8)
@given(
    a=st.integers(-3, 3).filter(lambda v: v != 0),
    b=st.integers(-4, 4),
    c=st.integers(-4, 4),
    lo=st.integers(-5, -1),
    width=st.integers(3, 10),
)
def test_any_graph_keeps_tick_labels_off_its_curve_and_places_every_point_label(
    a: int, b: int, c: int, lo: int, width: int
) -> None:
    text = (
        f"plot P {{ xlim: [{lo}, {lo + width}] }}\nfunction f on P {{ y: {a}*x^2 + {b}*x + {c} }}\n"
        "mark R of f { at: roots }\nmark E of f { at: extrema }"
    )
    result = scidsl.compile(text, "t.sdl")
    # no label without a free place (E5005), none on a line (E5003) or on another label (E5002)
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    curves = [stroke_geometry(it) for it in _curves(result)]
    for t in _texts(result, "tick_label"):
        assert not any(_box(t).intersects(g) for g in curves), t.text
    window = _window(result)
    for t in result.drawing.items:
        if isinstance(t, Text) and t.role == "label":  # placed by the plot itself, near its dot
            assert _box(t).distance(Point(result.drawing.anchors[t.owner])) < 2.0, t.text
    assert window.area > 0
