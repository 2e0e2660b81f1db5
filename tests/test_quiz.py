"""Quizzes from visible facts: well-formed items, hard distractors, nothing hidden asked."""
from __future__ import annotations

import json
import re

import scidsl
from scidsl.cli import main
from scidsl.pipeline import Fact
from scidsl.quiz import make_quiz

VENN = ('venn V {{ sets: ["A", "B"], regions: [["A", 12], ["A & B", 5]], sizes: [["B", 13]], outside: 3, '
        'answer: {a} }}')
CIRCUIT = ("battery V1 { voltage: 12 V }\nresistor R1 { resistance: 4 ohm }\nresistor R2 { resistance: 6 ohm }\n"
           "circuit c { loop: [V1, parallel(R1, R2)] }")


def _fact(predicate: str, args: tuple, value: object, text: str, hidden: bool = False) -> Fact:
    return Fact(predicate, args, value, text, hidden)


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
    from scidsl.quiz import _relation_item

    fact = _fact("image", ("L",), None, "the image of L is real and inverted and magnified")
    question, answer, wrong = _relation_item(fact, fact.text)
    assert "the image of L is virtual and inverted and magnified" in wrong
    assert "the image of L is real and upright and magnified" in wrong
    item = make_quiz([fact])[0]
    assert item["question"] == "Which statement does the figure show?" and len(item["options"]) == 4


def test_a_relation_with_one_wrong_form_is_not_asked() -> None:
    # "in series" is the only wrong relation of "in parallel": two options are no question
    assert not [i for i in _quiz(CIRCUIT) if i["fact"]["predicate"] == "parallel"]
    assert all("perpendicular" not in o for i in _quiz(CIRCUIT) for o in i["options"])


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


def test_a_result_the_page_does_not_write_is_never_asked() -> None:
    # the refraction angle and the prism's deviation are computed facts; the figures draw θ₂ and δ, not numbers
    computed = {"refraction_angle", "reflection_angle", "deviation", "emergence_angle", "minimum_deviation"}
    for givens in ("shown", "hidden"):
        refraction = _quiz(f"refraction r {{ n1: 1.0, n2: 1.5, incidence: 40 deg, givens: {givens} }}")
        prism = _quiz(f"optical_prism p {{ apex: 60 deg, n: 1.5, incidence: 45 deg, givens: {givens} }}")
        asked = {i["fact"]["predicate"] for i in refraction + prism}
        # with θ₁ = 40° written, the reflection angle (equal to it) is read from the page
        assert not asked & (computed - {"reflection_angle"} if givens == "shown" else computed), givens


def test_the_answer_in_another_order_is_never_a_wrong_option() -> None:
    items = _quiz('punnett_square P { cross: "Aa x Aa" }')
    gametes = [i for i in items if i["fact"]["predicate"] == "gametes"]
    assert gametes
    for item in gametes:
        assert item["answer_text"] == "A, a" and "a, A" not in item["options"]


def test_options_and_questions_are_plain_text() -> None:
    text = ('reaction r { equation: "CH4 + 2 O2 -> CO2 + 2 H2O" }\n'
            'molecule water { smiles: "O", show: lewis }')
    items = _quiz(text)
    assert items
    for item in items:
        assert not any(c in s for s in [item["question"], *item["options"]] for c in ("$", "_{", "\\"))


def test_a_coefficient_or_a_measure_of_one_never_has_zero_as_an_option() -> None:
    items = _quiz('reaction r { equation: "CH4 + 2 O2 -> CO2 + 2 H2O" }')
    coefficients = [i for i in items if i["fact"]["predicate"] == "coefficient"]
    assert any(i["answer_text"] == "1" for i in coefficients)
    assert all("0" not in i["options"] for i in coefficients)


def test_atoms_are_named_as_drawn_and_ambiguous_atoms_are_not_asked() -> None:
    items = _quiz('molecule water { smiles: "O", show: lewis }\nmolecule bf3 { smiles: "FB(F)F", show: lewis }')
    pairs = [i for i in items if i["fact"]["predicate"] == "lone_pairs"]
    assert [i["question"] for i in pairs] == [
        "From the figure: the O atom of water has ____ lone pair(s). What goes in the blank?"]
    assert pairs[0]["answer_text"] == "2"
    assert not any(re.search(r"\b[A-Z][a-z]?\d\b", i["question"]) for i in items)  # no atom index like O0


def test_a_circuits_branch_numbers_are_not_asked() -> None:
    text = CIRCUIT.replace("parallel(R1, R2)", "parallel(R1, series(R2, R3))") \
        + "\nresistor R3 { resistance: 2 ohm }"
    items = _quiz(text)
    assert not [i for i in items if i["fact"]["predicate"] == "branch"]
    assert any(i["fact"]["predicate"] == "branches" for i in items)


def test_one_measure_is_asked_once() -> None:
    items = _quiz("triangle ABC\ngiven angle(C) = 90 deg\ngiven length(AC) = 3 cm\ngiven length(BC) = 4 cm\n"
                  "angle at BAC { value: true }\nsegment AB { value: true }")
    fives = [i for i in items if i["answer_text"] in ("5", "5 cm")]
    assert len(fives) == 1


def test_facts_without_the_page_numbers_are_still_asked() -> None:
    # facts read back from an older file carry no `page_numbers`: nothing is filtered then
    facts = [_fact("value", ("R1", "resistance"), "4 Ω", "resistor R1: resistance = 4 Ω")]
    assert make_quiz(facts)[0]["answer_text"] == "4 Ω"


def test_a_negative_value_is_written_with_the_same_minus_in_every_option() -> None:
    items = _quiz('energy_profile c { levels: [0, 120, -90], values: true, ea: 120, dh: -90 }')
    dh = next(i for i in items if i["fact"]["predicate"] == "delta_h")
    assert dh["answer_text"] == "−90 kJ/mol" and all(o.startswith("−") for o in dh["options"])


def test_a_labelled_force_is_asked_which_way_it_points() -> None:
    text = ("floor f\nwall w\nrod AB on f against w { length: 4, angle: 60 deg }\n"
            'force N from AB.end { direction: normal(w), length: 1.2, label: "$N_1$" }\n'
            'force W from AB.mid { direction: down, length: 1.4, label: "$mg$" }\n'
            "force Q from AB.start { direction: 120 deg, length: 1 }")
    arrows = {i["question"]: i for i in _quiz(text) if i["question"].startswith("From the figure: in which direction")}
    asked = {q.split("labelled ")[1].removesuffix(" point?"): i["answer_text"] for q, i in arrows.items()}
    assert asked == {"N1": "to the right", "mg": "down"}  # Q has no label: it cannot be named
    mg = next(i for i in arrows.values() if i["answer_text"] == "down")
    assert set(mg["options"]) == {"down", "up", "to the left", "to the right"}


def test_a_node_known_only_by_its_name_is_not_asked() -> None:
    # `node n8 reads 8`: the name is not drawn and gives the answer away
    facts = [_fact("vertex_text", ("T", "n8"), "8", "node n8 reads 8"),
             _fact("page_numbers", (), [8.0], "numbers written on the page: 8")]
    assert make_quiz(facts) == []


def test_a_drawn_image_is_asked_what_it_is_like_with_each_word_flipped() -> None:
    text = ('lens L at (0, 0) { height: 4, focal: 2, label: "converging" }\n'
            "ray_diagram rd { lens: L, distance: 3.5, height: 1.2 }")
    item = next(i for i in _quiz(text) if i["fact"]["predicate"] == "image")
    assert item["question"].startswith("From the figure: the image formed by the lens labelled “converging” is")
    assert item["answer_text"] == "real, inverted, magnified"
    assert set(item["options"]) == {"real, inverted, magnified", "virtual, inverted, magnified",
                                    "real, upright, magnified", "real, inverted, diminished"}
    hidden = _quiz(text.replace("height: 1.2", "height: 1.2, answer: hidden"))
    assert not [i for i in hidden if i["fact"]["predicate"] == "image"]


def test_a_reactions_molecule_is_named_by_its_formula_and_not_asked_what_its_name_says() -> None:
    facts = [_fact("formula", ("adduct.NH3",), "H3N", "adduct.NH3 has the formula H3N"),
             _fact("element_count", ("adduct.NH3", "N"), 1, "adduct.NH3 has 1 N atom(s)"),
             _fact("lone_pairs", ("adduct.NH3", "N0"), 1, "N0 of adduct.NH3 has 1 lone pair(s)")]
    items = make_quiz(facts)
    assert [i["question"] for i in items] == [
        "From the figure: the N atom of NH3 has ____ lone pair(s). What goes in the blank?"]


def test_near_values_keep_the_answers_decimals_and_never_negate_zero() -> None:
    import random

    from scidsl.quiz_options import distractors

    assert set(distractors("50.00 mL", "50.00 mL", [], random.Random(0))) >= {"51.00 mL", "49.00 mL"}
    assert "(−0, 0)" not in distractors((0, 0), "(0, 0)", [], random.Random(0))
