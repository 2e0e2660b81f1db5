"""Completeness facts: the values a scene states that the drawn page writes, and those it does not."""

from __future__ import annotations

import scidsl
from scidsl.completeness import page_numbers
from scidsl.llm_bridge.givens import missing_givens
from scidsl.quiz import make_quiz

PHASE = "phase_diagram w { triple_point: (273.16 K, 0.611 kPa), critical_point: (647 K, 22064 kPa){} }"
TRIANGLE = "triangle ABC { right: C }\ngiven angle(B, A, C) = 30 deg\ngiven length(A, B) = 10 cm{}"


def _givens(src: str) -> tuple[list[str], list[str]]:
    result = scidsl.compile(src)
    assert result.ok, result.diagnostics
    facts = {f.predicate: f for f in result.facts}
    assert not facts["visible_givens"].hidden and facts["unshown_givens"].hidden
    return ([e["text"] for e in facts["visible_givens"].value], [e["text"] for e in facts["unshown_givens"].value])


def test_values_written_on_the_page_are_visible_givens():
    shown, missing = _givens(PHASE.replace("{}", ""))
    assert shown == ["273.16 K", "0.611 kPa", "647 K", "22064 kPa"] and missing == []


def test_values_the_page_does_not_write_are_unshown():
    shown, missing = _givens(PHASE.replace("{}", ", show: [regions]"))
    assert shown == [] and missing == ["273.16 K", "0.611 kPa", "647 K", "22064 kPa"]


def test_a_given_fact_with_show_false_is_unshown():
    shown, missing = _givens(TRIANGLE.replace("{}", " { show: false }"))
    assert shown == ["30°"] and missing == ["10 cm"]
    shown, missing = _givens(TRIANGLE.replace("{}", ""))
    assert shown == ["30°", "10 cm"] and missing == []


def test_page_numbers_read_minus_signs_and_decimals():
    assert page_numbers(["$x = −2.5$", "A(3, 4)", "R1"]) == [-2.5, 3.0, 4.0]


def test_the_givens_check_counts_an_unwritten_value_as_missing():
    problem = "Water has its triple point at 273.16 K and 0.611 kPa. Sketch its phase diagram."
    facts = lambda src: [f.to_dict() for f in scidsl.compile(src).facts]  # noqa: E731
    assert missing_givens(problem, facts(PHASE.replace("{}", ""))) == []
    assert missing_givens(problem, facts(PHASE.replace("{}", ", show: [regions]"))) == ["273.16 K", "0.611 kPa"]


def test_the_quiz_never_asks_a_value_the_page_does_not_write():
    hidden = scidsl.compile(PHASE.replace("{}", ", show: [regions]"))
    shown = scidsl.compile(PHASE.replace("{}", ""))
    asked = lambda r: {item["fact"]["predicate"] for item in make_quiz(r.facts)}  # noqa: E731
    assert "triple_point" in asked(shown)
    assert "triple_point" not in asked(hidden)
    assert not {"visible_givens", "unshown_givens"} & asked(shown)


def test_a_visible_fact_whose_value_the_page_does_not_write_is_not_asked():
    from scidsl.pipeline import Fact

    unshown = Fact("unshown_givens", (), [{"text": "100 g", "value": 100.0, "statement": "C"}], "", hidden=True)
    facts = [Fact("value", ("C", "mass"), "100 g", "mass of C: 100 g"),
             Fact("value", ("C", "volume"), "50 mL", "volume of C: 50 mL")]
    asked = [item["fact"]["args"] for item in make_quiz(facts + [unshown])]
    assert asked == [["C", "volume"]]
    assert len(make_quiz(facts)) == 2


def test_the_generation_note_names_a_value_the_page_does_not_write():
    from scidsl.llm_bridge.compiler import compile_outcome
    from scidsl.llm_bridge.givens import givens_note

    problem = "Water has its triple point at 273.16 K and 0.611 kPa. Sketch its phase diagram."
    outcome = compile_outcome(PHASE.replace("{}", ", show: [regions]"))
    assert outcome.ok
    note = givens_note(problem, outcome.fact_data)
    assert note is not None and "273.16 K, 0.611 kPa" in note and "`givens` box" in note
    assert givens_note(problem, compile_outcome(PHASE.replace("{}", "")).fact_data) is None
