"""The reference generator's pure part: grammar reading and rendering."""

from __future__ import annotations

from scidsl.llm_bridge.reference import (
    FactDoc,
    FieldDoc,
    KindDoc,
    ReferenceDoc,
    common_fields,
    render_reference,
    syntax_from_grammar,
)

GRAMMAR = """
REL.2: /(of|on|at)(?![A-Za-z0-9_'])/
CMP: "<=" | ">=" | "=" | "<" | ">"
"""
STYLE = (FieldDoc("color", "string"), FieldDoc("dash", "solid|dashed"))


def _kind(name: str, *fields: FieldDoc, **kw: object) -> KindDoc:
    return KindDoc(name, "draw", f"a {name}", fields, **kw)


def test_syntax_is_read_from_the_grammar():
    syntax = syntax_from_grammar(GRAMMAR)
    assert syntax.relwords == ("of", "on", "at")
    assert syntax.comparisons == ("=", "<", ">", "<=", ">=")


def test_render_lists_kinds_facts_units_with_examples():
    doc = ReferenceDoc(
        syntax=syntax_from_grammar(GRAMMAR),
        kinds=(
            KindDoc(
                "resistor",
                "circuits",
                "A resistor",
                (FieldDoc("resistance", "resistance", True, "value"),),
                example="resistor R1 { resistance: 4 ohm }",
            ),
            KindDoc(
                "scene",
                "core",
                "Figure settings",
                (FieldDoc("title", "text"),),
                text_field="title",
                name_required=False,
            ),
        ),
        facts=(
            FactDoc(
                "angle", "geometry", "angle at the middle point", "given angle(B, A, C) = 30 deg"
            ),
            FactDoc("parallel", "geometry"),
        ),
        units={"resistance": ("ohm", "kohm"), "magnetic_field": ("T",)},
        prefixes=("k", "m"),
        domain_summaries={"circuits": "schematics"},
    )
    text = render_reference(doc)
    assert text.index("### core") < text.index("### circuits — schematics")
    assert (
        "- `resistor`: A resistor\n  props: resistance*: resistance (value)\n  e.g. `resistor R1 { resistance: 4 ohm }`"
        in text
    )
    assert (
        '- `scene`: Figure settings\n  props: title: text\n  "text" sets title; name optional'
        in text
    )
    assert "relwords: of on at." in text and "[= < > <= >= <expr>]" in text
    assert (
        "- `angle` (geometry): angle at the middle point — e.g. `given angle(B, A, C) = 30 deg`"
        in text
    )
    assert "- `parallel` (geometry) — e.g. `given parallel(...)`" in text
    assert (
        "- magnetic field: T (e.g. `2 T`)\n- resistance: ohm, kohm (e.g. `2 ohm`)\nPrefixes k m combine"
        in text
    )


def test_shared_style_props_are_listed_once():
    kinds = (
        _kind("line", FieldDoc("points", "list", True), *STYLE),
        _kind("arc", FieldDoc("radius", "number", True), *STYLE),
        _kind("box", *STYLE),
        _kind("text", FieldDoc("text", "text", True)),
    )
    assert common_fields(kinds) == STYLE
    text = render_reference(ReferenceDoc(syntax_from_grammar(GRAMMAR), kinds))
    assert "Common props (marked `+common`): color: string, dash: solid|dashed" in text
    assert "- `line`: a line\n  props: points*: list, +common" in text
    assert "- `box`: a box\n  props: +common" in text
    assert "- `text`: a text\n  props: text*: text\n" in text
    assert text.count("color: string") == 1


def test_no_common_group_for_two_kinds():
    kinds = (_kind("a", *STYLE), _kind("b", *STYLE))
    assert common_fields(kinds) == ()


def test_kinds_with_identical_props_point_to_the_first():
    shared = (FieldDoc("vertices", "list of name"), FieldDoc("fill", "string"))
    kinds = (
        _kind("quad", *shared),
        _kind("square", *shared),
        _kind("dot", FieldDoc("at", "expression")),
    )
    text = render_reference(ReferenceDoc(syntax_from_grammar(GRAMMAR), kinds))
    assert "- `quad`: a quad\n  props: vertices: list of name, fill: string\n" in text
    assert "- `square`: a square\n  props: as `quad`\n" in text


def test_annotation_switches_get_one_line_per_kind():
    show = FieldDoc("show", "list of grid|states", False, "what the plot marks")
    one = FieldDoc("show", "levels|energy", False, "")
    flag = FieldDoc("show", "true|false", False, "mark it")
    doc = ReferenceDoc(syntax=syntax_from_grammar(GRAMMAR),
                       kinds=(_kind("plot", STYLE[0], show), _kind("levels", one), _kind("given", flag)))
    text = render_reference(doc)
    assert "- `plot`: a plot\n  props: color: string\n  annotations: show: [grid, states] — what the plot marks" in text
    assert "  annotations: show: levels|energy\n" in text
    assert "props: show: true|false (mark it)" in text and text.count("annotations:") == 2


def test_the_real_reference_names_the_teaching_switches():
    from scidsl.llm_bridge.compiler import language_reference

    text = language_reference()
    for line in ("annotations: show: [grid, minor_grid, process_names, states]",
                 "annotations: show: [regions, triple_point, critical_point, normal_points]",
                 "annotations: show: [key, ratio]", "annotations: show: energy|wavelength|levels|none"):
        assert line in text
