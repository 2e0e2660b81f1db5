"""Hostile input: each reproducer gives a located diagnostic or a correct figure, never an internal error."""
from __future__ import annotations

import json

import pytest

import scidsl
from scidsl import limits
from scidsl.diagnostics import format_human

CODES_TESTED_HERE = ("E0910", "E0914", "E0940")


def codes(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.code for d in result.diagnostics]


def json_scene(*items: dict) -> str:
    return json.dumps({"items": list(items)})


@pytest.mark.parametrize("text", [
    '{"items": [{"kind": "scene", "title": "\\ud800"}]}',
    '{"items": [{"kind": "text", "text": "a\\udfff", "at": "(0, 0)"}]}',
])
def test_lone_surrogate_in_json_string(text: str) -> None:
    result = scidsl.compile(text, "s.json")
    assert codes(result) == ["E0910"]
    assert "items[0]" in result.diagnostics[0].message and result.diagnostics[0].span.line == 1


def test_lone_surrogate_in_source_text() -> None:
    assert codes(scidsl.compile("dot P at (0, 0) { label: \"\ud800\" }")) == ["E0910"]


@pytest.mark.parametrize("item", [
    '{"kind": "barchart", "name": "b", "categories": ["a"], "values": [%s]}',
    '{"kind": "charge", "name": "q", "at": "(0, 0)", "value": %s}',
    '{"kind": "table", "name": "t", "cells": [["a", %s]]}',
])
def test_huge_integer_in_json(item: str) -> None:
    result = scidsl.compile('{"items": [' + item % ("9" * 4000) + "]}", "big.json")
    assert codes(result) == ["E0904"]


@pytest.mark.parametrize("name, code", [("A\\B", "E0911"), ("A" * 1000, "E0912"), ("\u0391", "E0913"),
                                        ("A\u03b1", "E0913"), ("1A", "E0911")])
def test_json_names_follow_the_text_rules(name: str, code: str) -> None:
    result = scidsl.compile(json_scene({"kind": "point", "name": name, "at": "(0, 0)"}), "n.json")
    assert codes(result) == [code]
    assert len(result.diagnostics[0].message) < 200


@pytest.mark.parametrize("text, code", [("1_0", "E0914"), ("\u0661", "E0914"), (" 5", "E0914"),
                                        ("nan", "E0914"), ("1e400", "E0904")])
def test_json_number_strings_are_ascii_decimal(text: str, code: str) -> None:
    item = {"kind": "polyline", "points": ["(0, 0)", "(1, 1)"], "flow": text}
    assert codes(scidsl.compile(json_scene(item), "d.json")) == [code]
    angle = {"kind": "incline", "name": "r", "at": "(0, 0)", "angle": {"value": text, "unit": "deg"}}
    assert code in codes(scidsl.compile(json_scene(angle), "d.json"))


def test_greek_names_alone_are_fine() -> None:
    assert scidsl.compile("point \u03b8 at (0, 0)\npoint \u0394 at (1, 0)").ok


def test_underscore_point_name_is_drawn() -> None:
    result = scidsl.compile("point A_1 at (0, 0)\npoint B at (2, 0)\npoint C_x at (1, 1)")
    assert result.ok, result.diagnostics
    assert result.to_bytes("png")


@pytest.mark.parametrize("text", [
    "plot P { size: (0, 5), xlim: [0, 1], ylim: [0, 1] }\nfunction f on P { y: x }",
    "box b at (0, 0) { size: (-2, -1) }",
    "scene { dpi: 0 }\ndot P at (0, 0)",
    "scene { font_size: 0 }\ndot P at (0, 0)",
    "scene { width: 0 cm }\ndot P at (0, 0)",
])
def test_sizes_must_be_positive(text: str) -> None:
    result = scidsl.compile(text)
    assert result.errors and set(codes(result)) == {"E0205"}
    assert all(d.span is not None for d in result.diagnostics)


def test_subnormal_numbers_are_refused() -> None:
    assert codes(scidsl.compile("disk d at (0, 0) { radius: 4.9e-324 }")) == ["E0904"]
    assert codes(scidsl.compile(json_scene({"kind": "disk", "at": "(0, 0)", "radius": 5e-324}))) == ["E0904"]


@pytest.mark.parametrize("extra", ["", ', hatch: "//"'])
def test_vanishing_circle_is_drawn(extra: str) -> None:
    result = scidsl.compile(f"disk d at (0, 0) {{ radius: 1e-200{extra} }}\ndisk e at (5, 5)")
    assert result.ok, result.diagnostics


def test_negative_cycle_has_no_shortest_path() -> None:
    text = ("graph g { nodes: [A, B, C], edges: [[A, B, -1], [B, C, -2], [C, A, -3]] }\n"
            "path p on g { through: [A, B], shortest: true }")
    assert codes(scidsl.compile(text)) == ["E8091"]


def test_negative_weights_without_a_cycle_are_checked() -> None:
    text = ("graph g { nodes: [A, B, C], edges: [[A, B, -1], [B, C, -2], [A, C, 3]], directed: true }\n"
            "path p on g { through: [A, C], shortest: true }")
    assert codes(scidsl.compile(text)) == ["E8009"]


def test_long_polyline_is_refused_by_its_vertex_count() -> None:
    points = ", ".join(f"({i % 97}, {i % 89})" for i in range(limits.MAX_LINE_VERTICES + 1))
    result = scidsl.compile(f"polyline p {{ points: [{points}] }}")
    assert codes(result) == ["E0916"]


def test_roots_are_substituted_back() -> None:
    text = "plot P { xlim: [-3, 5], ylim: [-5, 6] }\nfunction f on P { y: x^2 - 2*x^x^x - 3, mark: [roots] }"
    result = scidsl.compile(text)
    assert not [f for f in result.facts if f.text.startswith("root")]


def test_power_tower_root_is_found_without_exact_solving() -> None:
    text = "plot P { xlim: [0.1, 3], ylim: [-5, 6] }\nfunction f on P { y: x^x^x^x - 3, mark: [roots] }"
    result = scidsl.compile(text)
    roots = [f for f in result.facts if f.text.startswith("root")]
    assert len(roots) == 1 and abs(roots[0].value[0] ** roots[0].value[0] ** roots[0].value[0]
                                   ** roots[0].value[0] - 3) < 1e-6


def test_area_never_states_nan() -> None:
    text = ("plot P { xlim: [0, 2], ylim: [0, 5] }\nfunction f on P { y: x^99999999999999999999 }\n"
            "shade S on P { under: f, x: [0, 2], show_area: true }")
    result = scidsl.compile(text)
    assert codes(result) == ["E6091"]
    assert not any("nan" in f.text for f in result.facts)


def test_long_math_labels_are_bounded_per_scene() -> None:
    label = "$" + "x^2+" * 120 + "x$"
    text = "\n".join(f'text "{label}" at ({i % 20}, {i // 20})' for i in range(300))
    assert codes(scidsl.compile(text)) == ["E0915"]


def test_diagnostics_never_echo_megabytes() -> None:
    text = "dot d at " + "B" * 1_000_000
    result = scidsl.compile(text)
    shown = format_human(result.diagnostics, text)
    assert codes(result) == ["E0912"] and len(shown) < 1000


def test_diagnostics_escape_control_and_bidi() -> None:
    text = "dot d at (0, 0) { colr: red }  # \x1b]52;c;aGVsbG8=\x07 \x1b[2J \u202e"
    shown = format_human(scidsl.compile(text).diagnostics, text)
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "\\x1b]52" in shown and "\\u202e" in shown


def test_json_diagnostics_point_at_their_item() -> None:
    text = ('{"items": [\n  {"kind": "dot", "name": "P", "at": "(0, 0)"},\n'
            '  {"kind": "dot", "name": "A\\\\B", "at": "(0, 0)"}\n]}\n')
    (diag,) = scidsl.compile(text, "s.json").diagnostics
    assert (diag.code, diag.span.line, diag.span.col) == ("E0911", 3, 3)


@pytest.mark.parametrize("text", ["triangle ABC\ngiven length(AB) = 10^5 cm",
                                  "point A at (0, 0)\npoint B at (3, 0)\nsegment AB\ngiven length(AB) = 10^10^10 cm"])
def test_a_unit_in_an_exponent_is_refused(text: str) -> None:
    result = scidsl.compile(text)
    assert codes(result) == ["E1003"] and "exponent" in result.diagnostics[0].message
    assert scidsl.compile("triangle ABC\ngiven length(AB) = 1e5 cm").ok


@pytest.mark.parametrize("label", ["abc\u202edef", "x\x9b2J", "a\x7fb", "\u2066x\u2069"])
def test_labels_and_cells_refuse_bidi_and_c1_controls(label: str) -> None:
    assert codes(scidsl.compile(json_scene({"kind": "dot", "name": "d", "at": "(0, 0)", "label": label}))) == ["E0202"]
    table = {"kind": "table", "name": "t", "cells": [["a", label]]}
    assert codes(scidsl.compile(json_scene(table))) == ["E0202"]
    assert scidsl.compile(json_scene({"kind": "dot", "name": "d", "at": "(0, 0)", "label": "\u05d0\u05d1 abc"})).ok


def test_tokens_are_counted_before_parsing() -> None:
    points = ", ".join(f"({i % 97}, {i % 89})" for i in range(limits.MAX_TOKENS // 6 + 10))
    text = f"dot P at (0, 0)\npolyline p {{ points: [{points}] }}"
    (diag,) = scidsl.compile(text).diagnostics
    assert diag.code == "E0940" and diag.span.line == 2 and diag.span.col > 1000
    assert "more than 150000" in format_human([diag], text) and len(format_human([diag], text)) < 1000


@pytest.mark.parametrize("text, where", [
    ('{"items": [{"kind": "dot", "name": "P", "at": "(0, 0)"},\n {"kind": "dot", "name": "A", "name": "B", '
     '"at": "(0, 0)"}]}', (2, 2)),
    ('{"items": [], "items": [{"kind": "dot", "name": "P", "at": "(0, 0)"}]}', (1, 1)),
])
def test_json_keys_given_twice_are_refused_as_in_text(text: str, where: tuple[int, int]) -> None:
    (diag,) = scidsl.compile(text, "k.json").diagnostics
    assert diag.code == "E0204" and "given twice" in diag.message and (diag.span.line, diag.span.col) == where


def test_window_past_float_range_says_why() -> None:
    result = scidsl.compile("plot P { xlim: [0, 1e300] }\nfunction f on P { y: x^2 }\n")
    assert codes(result) == ["E6005"]
    assert "float range" in result.diagnostics[0].message and "narrow xlim" in result.diagnostics[0].hint
    # a curve that has values but none in view keeps the old reason
    shifted = scidsl.compile("plot P { xlim: [0, 1], ylim: [5, 6] }\nfunction f on P { y: x^2 }\n")
    assert codes(shifted) == ["E6005"] and "inside the window" in shifted.diagnostics[0].message


def test_a_line_of_escaped_characters_is_shown_in_a_window_of_shown_width() -> None:
    # each control character is shown as a four-character escape, each astral symbol as ten: the window
    # of the line and the carets under it are measured as shown, not in characters of the source
    text = 'dot P at (0, 0) { label: "' + "\x1f" * 150 + "\U0001dab0" * 20 + '", colr: red }\n'
    shown = format_human(scidsl.compile(text).diagnostics, text).splitlines()
    excerpts = [line for line in shown if line.startswith("   1 | ")]
    carets = [line for line in shown if line.strip() and set(line.strip()) == {"^"}]
    assert excerpts and carets
    assert all(len(line) <= len("   1 | ") + 100 + 2 for line in excerpts)  # the window and two ellipses
    assert all(len(line.strip()) <= 100 for line in carets)
