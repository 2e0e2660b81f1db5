"""A Punnett square's key (allele letters → traits) and phenotype ratio, drawn from the computed cross."""

from __future__ import annotations

from pathlib import Path

import scidsl

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "tables" / "punnett_key_ratio.sdl"


def _legend(result: scidsl.pipeline.Result) -> list[str]:
    return [i.text for i in result.drawing.items if getattr(i, "role", None) == "legend"]


def _facts(result: scidsl.pipeline.Result) -> dict:
    return {f.predicate: f for f in result.facts}


def test_key_and_ratio_match_the_computed_cross():
    result = scidsl.compile(EXAMPLE.read_text())
    assert result.ok, result.diagnostics
    facts = _facts(result)
    assert facts["allele_key"].value == {"R": "round", "r": "wrinkled", "Y": "yellow", "y": "green"}
    assert not facts["allele_key"].hidden
    legend = _legend(result)
    assert "$R$: round, $r$: wrinkled" in legend and "$Y$: yellow, $y$: green" in legend
    counts = sorted(facts["phenotype_ratio"].value.values(), reverse=True)
    assert counts == [9, 3, 3, 1]
    assert "phenotype ratio 9 : 3 : 3 : 1" in legend


def test_sex_linked_key_names_the_x_alleles_only():
    result = scidsl.compile('punnett_square v { cross: "X^A X^a x X^a Y", traits: [["normal", "colour-blind"]], '
                            "show: [key] }")
    assert result.ok, result.diagnostics
    assert _facts(result)["allele_key"].value == {"X^A": "normal", "X^a": "colour-blind"}
    assert "$X^A$: normal, $X^a$: colour-blind" in _legend(result)


def test_a_hidden_answer_keeps_the_key_and_drops_the_ratio():
    src = EXAMPLE.read_text().replace("show: [key, ratio]", "show: [key, ratio], answer: hidden")
    result = scidsl.compile(src)
    assert result.ok, result.diagnostics
    legend = _legend(result)
    assert "$R$: round, $r$: wrinkled" in legend
    assert not any(t.startswith("phenotype ratio") for t in legend)
    assert _facts(result)["phenotype_ratio"].hidden


def test_without_show_no_key_is_drawn_but_it_stays_a_hidden_fact():
    result = scidsl.compile(EXAMPLE.read_text().replace("show: [key, ratio]", ""))
    assert result.ok
    assert not any(":" in t and "/" not in t for t in _legend(result))
    assert _facts(result)["allele_key"].hidden
