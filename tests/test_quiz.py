"""Quizzes from visible facts: well-formed items, hard distractors, nothing hidden asked."""
from __future__ import annotations

import json

import scidsl
from scidsl.cli import main
from scidsl.quiz import make_quiz

VENN = ('venn V {{ sets: ["A", "B"], regions: [["A", 12], ["A & B", 5]], sizes: [["B", 13]], outside: 3, '
        'answer: {a} }}')
CIRCUIT = ("battery V1 { voltage: 12 V }\nresistor R1 { resistance: 4 ohm }\nresistor R2 { resistance: 6 ohm }\n"
           "circuit c { loop: [V1, parallel(R1, R2)] }")


def _quiz(text: str) -> list[dict]:
    result = scidsl.compile(text)
    assert result.ok
    return make_quiz(result.facts)


def test_items_are_well_formed() -> None:
    items = _quiz(VENN.format(a="shown"))
    assert len(items) >= 5
    for item in items:
        assert 3 <= len(item["options"]) <= 4
        assert len(set(item["options"])) == len(item["options"])
        assert item["options"]["ABCD".index(item["answer"])] == item["answer_text"]
        assert item["fact"]["hidden"] is False


def test_nothing_hidden_is_asked() -> None:
    shown = {tuple(i["fact"]["args"]) for i in _quiz(VENN.format(a="shown"))}
    hidden = {tuple(i["fact"]["args"]) for i in _quiz(VENN.format(a="hidden"))}
    assert ("V", "B only") in shown
    assert ("V", "B only") not in hidden and ("V", "A ∪ B") not in hidden
    assert ("V", "A only") in hidden  # a given count is still asked


def test_a_count_has_other_regions_counts_as_distractors() -> None:
    item = next(i for i in _quiz(VENN.format(a="shown")) if i["fact"]["args"] == ["V", "A only"])
    assert item["answer_text"] == "12"
    assert {"8", "5", "3"} & set(item["options"]) and "12" in item["options"]


def test_a_relation_has_the_wrong_relation_as_a_distractor() -> None:
    item = next(i for i in _quiz(CIRCUIT) if i["fact"]["predicate"] == "parallel")
    assert item["answer_text"] == "R1 and R2 and V1 are in parallel"
    assert "R1 and R2 and V1 are in series" in item["options"]


def test_a_value_with_a_unit_keeps_its_unit_in_every_option() -> None:
    item = next(i for i in _quiz(CIRCUIT) if i["fact"]["args"] == ["R1", "resistance"])
    assert all(o.endswith("Ω") for o in item["options"])


def test_the_same_seed_gives_the_same_quiz_and_another_seed_may_reorder() -> None:
    result = scidsl.compile(VENN.format(a="shown"))
    assert make_quiz(result.facts, seed=1) == make_quiz(result.facts, seed=1)
    orders = {tuple(i["options"][0] for i in make_quiz(result.facts, seed=s)) for s in range(5)}
    assert len(orders) > 1


def test_cli_prints_json(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    scene = tmp_path / "v.sdl"
    scene.write_text(VENN.format(a='"?"'), encoding="utf-8")
    assert main(["quiz", str(scene)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["items"] and all(not i["fact"]["hidden"] for i in data["items"])


def test_cli_reports_a_bad_scene(tmp_path) -> None:  # type: ignore[no-untyped-def]
    scene = tmp_path / "bad.sdl"
    scene.write_text("venn V { sets: 3 }", encoding="utf-8")
    assert main(["quiz", str(scene)]) == 1
