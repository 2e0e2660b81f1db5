"""Translation checked against the genetic code and base pairing; red blood cells by tonicity."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import scidsl
from scidsl.domains.biology.molecular import CODE, pairs
from tests.conftest import compile_ok as _compile

SENSE = sorted(c for c, aa in CODE.items() if aa != "stop")
COMPLEMENT = {"A": "U", "U": "A", "G": "C", "C": "G"}


def test_the_genetic_code_has_its_textbook_shape() -> None:
    counts = {aa: sum(1 for v in CODE.values() if v == aa) for aa in set(CODE.values())}
    assert len(CODE) == 64 and counts["stop"] == 3 and counts["Leu"] == counts["Ser"] == counts["Arg"] == 6
    assert counts["Met"] == counts["Trp"] == 1
    assert {c for c, aa in CODE.items() if aa == "stop"} == {"UAA", "UAG", "UGA"}


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(SENSE), min_size=2, max_size=6), st.sampled_from(["UAA", "UAG", "UGA"]),
       st.data())
def test_anticodons_pair_and_the_chain_follows_the_code(body: list[str], stop: str, data) -> None:  # type: ignore[no-untyped-def]
    mrna = "AUG" + "".join(body) + stop
    at = data.draw(st.integers(1, len(body) + 1))
    anti = ["".join(COMPLEMENT[b] for b in c) for c in ["AUG"] + body]
    result = _compile(f'translation T {{ mrna: "{mrna}", at: {at}, anticodons: {_list(anti)} }}')
    protein = next(f.value for f in result.facts if f.predicate == "protein")
    assert protein == ["Met"] + [CODE[c] for c in body]
    chain = next(f.value for f in result.facts if f.predicate == "polypeptide")
    assert chain == protein[:at]
    i = data.draw(st.integers(0, len(anti) - 1))
    j = data.draw(st.integers(0, 1))  # the first two bases never wobble
    wrong = anti[:i] + [anti[i][:j] + ("A" if anti[i][j] != "A" else "C") + anti[i][j + 1:]] + anti[i + 1:]
    bad = scidsl.compile(f'translation T {{ mrna: "{mrna}", at: {at}, anticodons: {_list(wrong)} }}', "t.sdl")
    assert [d.code for d in bad.errors] == ["E9041"]


def test_wobble_pairs_only_at_the_third_base() -> None:
    assert pairs("UUC", "AAG") and pairs("UUU", "AAG") and not pairs("GUU", "UAA")


def test_a_stop_codon_in_the_a_site_gets_a_release_factor() -> None:
    result = _compile('translation T { mrna: "AUGGCUUAA", at: 2 }')
    assert any(getattr(it, "role", "") == "release_factor" for it in result.drawing.items)
    site = next(f for f in result.facts if f.predicate == "site" and f.args[1] == "A")
    assert "release factor" in site.text


def test_blood_cell_tonicity_from_concentrations() -> None:
    for outside, want in ((0.3, "hypotonic"), (0.9, "isotonic"), (2.0, "hypertonic")):
        result = _compile(f"blood_cell c {{ inside: 0.9, outside: {outside} }}")
        assert next(f.value for f in result.facts if f.predicate == "tonicity") == want
    arrows = [it.arrow for it in _compile("blood_cell c { solution: hypotonic }").drawing.items
              if getattr(it, "role", "") == "water"]
    assert arrows == ["end"] * 4  # every arrow points into the cell


def _list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{s}"' for s in items) + "]"


def test_prokaryote_parts_and_promoter_facts() -> None:
    cell = _compile("prokaryote b { parts: [cell_wall, DNA, plasmids, flagella] }")
    assert [f.args[1] for f in cell.facts if f.predicate == "part"] == ["cell_wall", "nucleoid", "plasmid", "flagellum"]
    assert "b.flagellum" in cell.drawing.anchors
    lac = _compile('promoter p { minus35: "TTTACA", minus10: "TATGTT" }')
    boxes = {f.args[1]: f.text for f in lac.facts if f.predicate == "box"}
    assert "5 of 6" in boxes["−35"] and "4 of 6" in boxes["−10"]
