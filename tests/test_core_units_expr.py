"""Units, expressions, spans and label placement: the core's building blocks on their own."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, strategies as st

from scidsl import syntax
from scidsl.expr import ExprError, evaluate, names_in, to_sympy
from scidsl.labels import obstacles, place_labels, text_box
from scidsl.primitives import Drawing, LabelSpec, Line
from scidsl.syntax import parse_scene_syntax, parse_value_text
from scidsl.units import DIMENSIONS, parse_unit, pretty_unit


@pytest.mark.parametrize("unit,factor,dimension", [
    ("cm", 0.01, "length"), ("deg", math.pi / 180, "angle"), ("°", math.pi / 180, "angle"), ("uF", 1e-6, "capacitance"),
    ("kohm", 1e3, "resistance"), ("Ω", 1.0, "resistance"), ("m/s^2", 1.0, "acceleration"), ("kg*m/s^2", 1.0, "force"),
    ("mL", 1e-6, "volume"), ("mH", 1e-3, "inductance"), ("kPa", 1e3, "pressure"), ("mol", 1.0, "amount"),
    ("nC", 1e-9, "charge"), ("mT", 1e-3, "magnetic_field"), ("L", 1e-3, "volume"), ("kJ", 1e3, "energy"),
])
def test_units(unit: str, factor: float, dimension: str) -> None:
    info = parse_unit(unit)
    assert info is not None and math.isclose(info.factor, factor) and info.dim == DIMENSIONS[dimension]


@pytest.mark.parametrize("unit", ["degrees", "x", "m^99", "m//s", "", "kgg"])
def test_unknown_units(unit: str) -> None:
    assert parse_unit(unit) is None


def test_pretty_units() -> None:
    assert [pretty_unit(u) for u in ("ohm", "kohm", "uF", "deg", "cm")] == ["Ω", "kΩ", "µF", "°", "cm"]


def _value(text: str):  # type: ignore[no-untyped-def]
    node, diags = parse_value_text(text)
    assert not diags, diags
    return node


def test_evaluate_uses_si_and_radians() -> None:
    assert math.isclose(evaluate(_value("2*sin(30 deg) + 50 cm")), 1.5)
    assert math.isclose(evaluate(_value("x^2 - 1"), {"x": 3.0}), 8.0)
    assert math.isclose(evaluate(_value("-2^2")), -4.0)
    assert math.isclose(evaluate(_value("2^3^2")), 512.0)


@pytest.mark.parametrize("text", ["10^10^10", "1/0", "ln(-1)", "y + 1", "foo(2)", "sin(1, 2)", "sqrt(-4)"])
def test_evaluate_refuses_rather_than_hangs(text: str) -> None:
    with pytest.raises(ExprError):
        evaluate(_value(text))


def test_sympy_trees_are_built_not_parsed() -> None:
    import sympy as sp

    x = sp.Symbol("x", real=True)
    assert sp.simplify(to_sympy(_value("x*ln(x) - x*log(e)"), {"x": x}) - (x * sp.log(x) - x / sp.log(10))) == 0
    assert to_sympy(_value("30 deg")) == sp.pi / 6
    with pytest.raises(ExprError):
        to_sympy(_value("2^2^2^2^2^2"))
    with pytest.raises(ExprError):
        to_sympy(_value("__import__(1)"))


def test_names_in() -> None:
    assert names_in(_value("a*x + sin(b) - pi*e")) == {"a", "x", "b"}


def test_spans_count_lines_after_crlf_and_cr() -> None:
    statements, diags = parse_scene_syntax("dot P at (0, 0)\r\n\r\ndot Q at (1, 1)\rdot R at (2, 2)")
    assert not diags
    assert [(s.span.line, s.span.col) for s in statements] == [(1, 1), (3, 1), (4, 1)]
    assert statements[1].name_span == syntax.Span("<scene>", 3, 5, 3, 6)


def test_decoding_error_points_at_line_and_column() -> None:
    from scidsl.syntax import decode_source

    text, diags = decode_source(b"dot P\nlabel \"a\xff\"\n", "f.sdl")
    assert text is None and (diags[0].span.line, diags[0].span.col) == (2, 9)


def _segment() -> st.SearchStrategy:
    c = st.integers(-40, 40).map(lambda v: v / 10)
    return st.tuples(c, c, c, c).filter(lambda s: (s[0], s[1]) != (s[2], s[3]))


@given(st.lists(_segment(), min_size=1, max_size=12), st.lists(st.tuples(st.integers(-30, 30), st.integers(-30, 30)),
                                                              min_size=1, max_size=6))
def test_placed_labels_avoid_every_stroke_and_each_other(segments, anchors) -> None:  # type: ignore[no-untyped-def]
    page = Drawing(items=[Line(((a, b), (c, d)), owner=f"s{i}") for i, (a, b, c, d) in enumerate(segments)],
                   labels=[LabelSpec(f"L{i}", (x / 10, y / 10), f"l{i}") for i, (x, y) in enumerate(anchors)])
    texts, failed = place_labels(page)
    assert len(texts) == len(anchors)
    boxes = [text_box(t.text, t.size, t.pos) for t in texts]
    ok = [b for b, t in zip(boxes, texts) if t.text not in {f.text for f in failed}]
    for box in ok:
        assert not any(o.geom.intersects(box) for o in obstacles(page))
    for i, a in enumerate(ok):
        for b in ok[i + 1:]:
            assert a.intersection(b).area < 1e-9
