"""`answer: shown | hidden | "?"` on every kind that draws computed results: golden texts and hidden facts."""
from __future__ import annotations

import pytest

import scidsl
from scidsl.primitives import Text

# kind → (scene with {a} for the answer mode, a text drawn only when shown, predicates of the hidden facts)
CASES = {
    "punnett_square": ('punnett_square P { cross: "Aa x Aa", traits: [["purple", "white"]], answer: {a} }',
                       "$aa$", {"offspring", "genotype_ratio", "phenotype_ratio"}),
    "venn": ('venn V { sets: ["A", "B"], regions: [["A", 12], ["A & B", 5]], sizes: [["B", 13]], outside: 3, '
             'answer: {a} }', "8", {"region", "size", "union", "total"}),
    "ray_diagram": ("lens L at (0, 0) { height: 4, focal: 2 }\n"
                    "ray_diagram rd { lens: L, distance: 3.5, height: 1.2, image_label: \"image\", answer: {a} }",
                    "image", {"image", "magnification"}),
    "ray_diagram mirror": ("spherical_mirror M at (0, 0) { focal: 2, height: 4 }\n"
                           "ray_diagram rd { lens: M, distance: 3.5, height: 1, image_label: \"image\", answer: {a} }",
                           "image", {"image", "magnification"}),
    "optical_bench": ("optical_bench B { object_at: 0 cm, answer: {a} }\nbench_lens L on B at 15 cm { focal: 10 cm }",
                      "$I$", {"image_position", "image_height", "magnification", "total_magnification"}),
    "circuit": ("battery V1 { voltage: 12 V }\nresistor R1 { resistance: 4 ohm }\n"
                "resistor R2 { resistance: 6 ohm }\nresistor R3 { resistance: 3 ohm }\n"
                "circuit c { loop: [V1, series(R1, parallel(R2, R3))], answer: {a} }",
                "$R_{eq}$ = 6 Ω", {"equivalent_resistance", "source_current", "current"}),
    "plot": ("plot P { x: [-3, 3] }\nfunction f on P { y: x^2 - 4, mark: [roots], answer: {a} }",
             "(2, 0)", {"marked_point"}),
    "mark": ("plot P { x: [-3, 3] }\nfunction f on P { y: x^2 }\nfunction g on P { y: x + 2 }\n"
             "mark X of f with g { answer: {a} }", "(2, 4)", {"marked_point"}),
    "reaction": ('reaction r { equation: "CH4 + 2 O2 -> CO2 + 2 H2O", answer: {a} }', "2",
                 {"equation", "balanced", "reactant_atoms", "coefficient"}),
    "reaction products": ('reaction r { equation: "2 H2 + O2 -> 2 H2O", unknown: products, answer: {a} }',
                          "H$_{2}$O", {"equation", "balanced", "coefficient"}),
    "lewis": ('molecule water { smiles: "O", show: lewis, answer: {a} }', None, {"lone_pairs"}),
    "geometry": ("triangle ABC\ngiven angle(C) = 90 deg\ngiven length(AC) = 3 cm\ngiven length(BC) = 4 cm\n"
                 "angle at BAC { value: true, answer: {a} }\nsegment AB { value: true, answer: {a} }",
                 "53.13°", {"angle_mark", "side_label"}),
}


def _compile(kind: str, mode: str) -> scidsl.Result:
    result = scidsl.compile(CASES[kind][0].replace("{a}", mode))
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    return result


def _drawn(result: scidsl.Result) -> list[str]:
    assert result.drawing is not None
    return [t.text for t in result.drawing.items if isinstance(t, Text)] + [t.text for t in result.texts]


def _hidden(result: scidsl.Result) -> set[str]:
    return {f.predicate for f in result.facts if f.hidden}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_shown_draws_the_value_and_hides_nothing_asked(kind: str) -> None:
    result = _compile(kind, "shown")
    value = CASES[kind][1]
    if value is not None:
        assert value in _drawn(result)
    assert "?" not in _drawn(result)
    assert not (_hidden(result) & CASES[kind][2])


@pytest.mark.parametrize("kind", sorted(CASES))
def test_hidden_draws_neither_value_nor_placeholder(kind: str) -> None:
    result = _compile(kind, "hidden")
    value = CASES[kind][1]
    assert value not in _drawn(result)
    assert "?" not in _drawn(result)
    assert CASES[kind][2] <= _hidden(result)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_placeholder_is_drawn_instead_of_the_value(kind: str) -> None:
    result = _compile(kind, '"?"')
    drawn = _drawn(result)
    assert CASES[kind][1] not in drawn
    assert any("?" in t for t in drawn)
    assert CASES[kind][2] <= _hidden(result)


def test_a_letter_is_drawn_like_a_placeholder() -> None:
    result = _compile("venn", '"x"')
    assert "x" in _drawn(result)


def test_hidden_results_are_still_checked() -> None:
    # a Venn diagram whose computed region is negative is an error in every mode
    bad = 'venn V { sets: ["A", "B"], regions: [["A & B", 9]], sizes: [["A", 4]], answer: hidden }'
    result = scidsl.compile(bad)
    assert not result.ok


def test_facts_say_hidden_in_their_plain_form() -> None:
    result = _compile("venn", "hidden")
    dicts = [f.to_dict() for f in result.facts]
    assert any(d["hidden"] for d in dicts) and any(not d["hidden"] for d in dicts)
    assert all(f.visible == (not f.hidden) for f in result.facts)


@pytest.mark.parametrize("bad", ['""', '"a very long placeholder"', '"$\\frac{$"'])
def test_answer_must_be_shown_hidden_or_a_short_text(bad: str) -> None:
    result = scidsl.compile(f'venn V {{ sets: ["A", "B"], regions: [["A", 1]], answer: {bad} }}')
    assert not result.ok


def test_geometry_measures_not_drawn_are_hidden() -> None:
    result = _compile("geometry", "shown")
    exact = {f.args[0]: f.hidden for f in result.facts if f.predicate == "exact"}
    assert exact["length(AB)"] is False and exact["angle(BAC)"] is False and exact["length(BC)"] is False
    assert exact["angle(CBA)"] is True  # computed, never written in the figure
    hidden = {f.args[0]: f.hidden for f in _compile("geometry", "hidden").facts if f.predicate == "exact"}
    assert hidden["length(AB)"] is True and hidden["angle(BAC)"] is True


def test_circuit_currents_follow_kirchhoff() -> None:
    result = _compile("circuit", "hidden")
    amps = {f.args[0]: f.value for f in result.facts if f.predicate == "current"}
    assert amps["R1"] == pytest.approx(2.0)  # 12 V across 4 Ω + 6 Ω ∥ 3 Ω = 6 Ω
    assert amps["R2"] == pytest.approx(2 / 3) and amps["R3"] == pytest.approx(4 / 3)
    assert amps["R2"] + amps["R3"] == pytest.approx(amps["R1"])


def test_lone_pairs_are_drawn_as_dots_only_when_shown() -> None:
    from scidsl.primitives import Dot

    dots = {mode: sum(isinstance(i, Dot) for i in _compile("lewis", mode).drawing.items)  # type: ignore[union-attr]
            for mode in ("shown", "hidden", '"?"')}
    assert dots == {"shown": 4, "hidden": 0, '"?"': 0}  # water: two lone pairs on O, two dots each
    assert "lone pairs: ?" in _drawn(_compile("lewis", '"?"'))
