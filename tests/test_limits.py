"""Limits on untrusted input, and the codes whose triggers are not written as case files."""
from __future__ import annotations

import json

import pytest

import scidsl
from scidsl import limits
from scidsl.labels import place_labels
from scidsl.primitives import Drawing, LabelSpec, Line, Text
from scidsl.render import draw
from scidsl.verify import verify_canvas

CODES_TESTED_HERE = ("E0004", "E0901", "E0903", "E0905", "E0908", "E5001", "E5005")


def codes(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.code for d in result.diagnostics]


@pytest.mark.parametrize("text", ['{"items": 3}', '{"items": [', '[{"kind": 5}]', '{"items": [NaN]}'])
def test_malformed_json_scene(text: str) -> None:
    result = scidsl.compile(text, "scene.json")
    assert codes(result) == ["E0004"]


def test_source_size_limit() -> None:
    result = scidsl.compile(b"#" * (limits.MAX_SOURCE_BYTES + 1), "big.sdl")
    assert codes(result) == ["E0901"]
    assert result.diagnostics[0].span.line == 1


def test_statement_limit() -> None:
    text = "".join(f"dot P{i} at (0, 0)\n" for i in range(limits.MAX_STATEMENTS + 1))
    result = scidsl.compile(text, "many.sdl")
    assert codes(result) == ["E0903"]
    assert result.diagnostics[0].span.line == limits.MAX_STATEMENTS + 1


def test_expression_size_limit() -> None:
    args = ", ".join("1" for _ in range(limits.MAX_EXPR_NODES + 1))
    result = scidsl.compile(f"curve c {{ y: sin({args}), x: [0, 1] }}\n", "expr.sdl")
    assert codes(result) == ["E0905"]


def test_point_count_limit() -> None:
    scene = {"items": [{"kind": "polyline", "points": [[0, 0]] * 100_001}]}
    result = scidsl.compile(scene, "points.json")
    assert "E0908" in codes(result)


def test_label_outside_canvas_is_caught() -> None:
    page = Drawing(items=[Line(((0, 0), (4, 0)))])
    canvas = draw(page, [Text((2.0, 1.0), "far", owner="t")])
    artist, _ = canvas.texts[0]
    artist.set_position((40.0, 1.0))
    found = [d.code for d in verify_canvas(canvas, page)]
    assert found == ["E5001"]


def test_label_without_free_place_is_reported() -> None:
    # a cage of lines 0.1 cm apart leaves no room for a label anywhere near its anchor
    lines = [Line(((-6.0, y / 10), (6.0, y / 10))) for y in range(-60, 61)]
    page = Drawing(items=lines, labels=[LabelSpec("caged label", (0.0, 0.0), "x")])
    texts, failed = place_labels(page)
    assert [s.text for s in failed] == ["caged label"]
    assert len(texts) == 1


@pytest.mark.parametrize("text", [
    "dot P at (10^10^10, 0)",
    "curve c { y: x^99999999, x: [0, 2] }",
    "dot P at (1e400, 0)",
    "dot P at (" + "-" * 300 + "1, 0)",
    "scene { dpi: 100000 }\ndot P at (0, 0)",
])
def test_hostile_values_give_diagnostics(text: str) -> None:
    result = scidsl.compile(text, "hostile.sdl")
    assert not result.ok or all(d.severity == "warning" for d in result.diagnostics)
    assert all(d.code != "E0999" for d in result.diagnostics), result.diagnostics
    assert json.dumps([d.to_dict() for d in result.diagnostics])
