"""Conics from their features, implicit curves, hyperbolic functions and arrow heads on curves."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

import scidsl
from tests.conftest import compile_ok as _compile
from tests.conftest import layout_and_page

SIZES = st.integers(2, 10).map(lambda n: n / 2)
CENTRES = st.integers(-3, 3)


def _facts(result, predicate: str) -> list:  # type: ignore[no-untyped-def]
    return [f.value for f in result.facts if f.predicate == predicate]


def _curve_points(text: str, name: str) -> list[tuple[float, float]]:
    layout, _ = layout_and_page(text, "plots")
    curve = next(c for p in layout.panels for c in p.curves if c.owner == name)
    return [q for piece in curve.pieces for q in piece[1:-1]]  # the ends are cut where a chord leaves the window


def _scene(body: str, reach: float) -> str:
    return f"plot P {{ xlim: [{-reach}, {reach}], ylim: [{-reach}, {reach}] }}\n{body}\n"


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["ellipse_curve", "hyperbola"]), CENTRES, CENTRES, SIZES, SIZES, st.sampled_from("xy"))
def test_central_conic_features_agree_with_their_equation(kind: str, h: int, k: int, a: float, b: float,
                                                          axis: str) -> None:
    if kind == "ellipse_curve" and b >= a:
        a, b = b + 0.5, a
    text = _scene(f"{kind} C on P {{ center: ({h}, {k}), a: {a}, b: {b}, axis: {axis}, label: \"C\" }}", 20)
    result = _compile(text)
    foci, vertices = _facts(result, "focus"), _facts(result, "vertex")
    c = math.sqrt(a * a - b * b) if kind == "ellipse_curve" else math.hypot(a, b)
    ux, uy = (1, 0) if axis == "x" else (0, 1)
    assert sorted(map(tuple, foci)) == sorted([(h - c * ux, k - c * uy), (h + c * ux, k + c * uy)])
    assert _facts(result, "eccentricity") == [c / a]
    for x, y in _curve_points(text, "C"):
        d1, d2 = math.dist((x, y), foci[0]), math.dist((x, y), foci[1])
        focal = d1 + d2 if kind == "ellipse_curve" else abs(d1 - d2)
        assert math.isclose(focal, 2 * a, rel_tol=1e-6, abs_tol=1e-6)
        u, v = (x - h, y - k) if axis == "x" else (y - k, x - h)
        sign = 1 if kind == "ellipse_curve" else -1
        assert abs(u * u / (a * a) + sign * v * v / (b * b) - 1) < 1e-6 * max(1.0, (u * u + v * v) / (b * b))
    for d in _facts(result, "directrix"):  # a point on the curve is e times as far from a focus as from its directrix
        vx = vertices[0] if abs(d - (vertices[0][0] if axis == "x" else vertices[0][1])) < abs(
            d - (vertices[1][0] if axis == "x" else vertices[1][1])) else vertices[1]
        near = min(foci, key=lambda f: math.dist(f, vx))
        gap = abs((vx[0] if axis == "x" else vx[1]) - d)
        assert math.isclose(math.dist(vx, near), c / a * gap, rel_tol=1e-9)
    again = _compile(_scene(f"{kind} C on P {{ vertices: {_pts(vertices)}, foci: {_pts(foci)}, label: \"C\" }}", 20))
    assert _facts(again, kind.replace("_curve", "")) == _facts(result, kind.replace("_curve", ""))
    d = _facts(result, "directrix")[1]
    third = _compile(_scene(f"{kind} C on P {{ center: ({h}, {k}), a: {a}, directrix: {d!r}, axis: {axis}, "
                            'label: "C" }', 20))
    assert _facts(third, kind.replace("_curve", "")) == _facts(result, kind.replace("_curve", ""))


def _pts(points: list) -> str:
    return "[" + ", ".join(f"({p[0]!r}, {p[1]!r})" for p in points) + "]"


@settings(max_examples=10, deadline=None)
@given(CENTRES, CENTRES, st.integers(-6, 6).filter(bool).map(lambda n: n / 2), st.sampled_from("xy"))
def test_parabola_points_are_as_far_from_the_focus_as_from_the_directrix(h: int, k: int, p: float,
                                                                          axis: str) -> None:
    text = _scene(f"parabola Q on P {{ vertex: ({h}, {k}), p: {p}, axis: {axis}, label: \"Q\" }}", 12)
    result = _compile(text)
    (focus,), (d,) = _facts(result, "focus"), _facts(result, "directrix")
    assert math.dist(focus, (h, k)) == abs(p)
    for x, y in _curve_points(text, "Q"):
        to_line = abs((x if axis == "x" else y) - d)
        assert math.isclose(math.dist((x, y), focus), to_line, rel_tol=1e-6, abs_tol=1e-6)
    again = _compile(_scene(f"parabola Q on P {{ focus: ({focus[0]!r}, {focus[1]!r}), directrix: {d!r}, "
                            f"axis: {axis} }}", 12))
    assert _facts(again, "parabola") == _facts(result, "parabola")


def test_features_that_disagree_are_reported() -> None:
    result = scidsl.compile(_scene("hyperbola H on P { vertices: [(-3, 0), (3, 0)], foci: [(-5, 0), (5, 0)], "
                                   "slope: 2 }", 8))
    assert [d.code for d in result.errors] == ["E6030"]
    assert "focus" in result.errors[0].message
    ok = _compile(_scene("hyperbola H on P { vertices: [(-3, 0), (3, 0)], slope: 4/3, eccentricity: 5/3 }", 8))
    assert _facts(ok, "focus") == [(-5.0, 0.0), (5.0, 0.0)] or _facts(ok, "focus") == [[-5.0, 0.0], [5.0, 0.0]]


def test_implicit_curve_points_satisfy_the_equation() -> None:
    text = _scene("implicit C on P { f: x^2/9 + y^2/4, equals: 1 }", 4)
    points = _curve_points(text, "C")
    assert len(points) > 100
    assert max(abs(x * x / 9 + y * y / 4 - 1) for x, y in points) < 2e-3
    assert _facts(_compile(text), "implicit_curve") == ["x^2/9 + y^2/4 = 1"]


def test_hyperbolic_functions_and_arrow_heads() -> None:
    from scidsl.expr import evaluate
    from scidsl.syntax import parse_value_text

    assert math.isclose(evaluate(parse_value_text("cosh(1)^2 - sinh(1)^2")[0]), 1.0)
    result = _compile(_scene("function f on P { y: tanh(x), arrow: both }\nparametric c on P "
                             "{ x: cosh(t), y: sinh(t), t: [-1, 1], arrow: end }", 3))
    arrows = [it.arrow for it in result.drawing.items if getattr(it, "owner", "") in ("f", "c")]
    assert "both" in arrows and "end" in arrows
