"""Probability trees: branch sums checked, leaf probabilities are the products along their paths."""
from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

import scidsl
from tests.conftest import compile_ok as _compile

SPLITS = st.lists(st.integers(1, 9), min_size=2, max_size=3)


def _branches(first: list[int], second: list[list[int]]) -> tuple[str, dict[str, Fraction]]:
    """A two-stage tree from weights; probabilities are the weights over their sum."""
    parts, want = [], {}
    top = sum(first)
    for i, w in enumerate(first):
        node = f"A{i}"
        parts.append(f"[S, {node}, {w}/{top}]")
        below = second[i]
        for j, v in enumerate(below):
            parts.append(f"[{node}, {node}B{j}, {v}/{sum(below)}]")
            want[f"{node}B{j}"] = Fraction(w, top) * Fraction(v, sum(below))
    return ", ".join(parts), want


@settings(max_examples=15, deadline=None)
@given(SPLITS, st.data())
def test_leaf_probabilities_are_products_and_add_up_to_one(first: list[int], data) -> None:  # type: ignore[no-untyped-def]
    second = [data.draw(SPLITS) for _ in first]
    text, want = _branches(first, second)
    # verified after rendering too: every fraction of a crowded three-way fork sits by its own branch
    result = scidsl.compile(f"probability_tree T {{ branches: [{text}] }}", "t.sdl")
    assert result.ok, [d.message for d in result.diagnostics]
    got = {f.args[1]: Fraction(f.value) for f in result.facts if f.predicate == "outcome"}
    assert got == want and sum(got.values()) == 1


@settings(max_examples=10, deadline=None)
@given(SPLITS, st.integers(1, 5))
def test_branches_that_do_not_add_up_to_one_are_refused(first: list[int], extra: int) -> None:
    parts = [f"[S, A{i}, {w}/{sum(first) + extra}]" for i, w in enumerate(first)]
    result = scidsl.compile(f"probability_tree T {{ branches: [{', '.join(parts)}] }}", "t.sdl")
    assert [d.code for d in result.errors] == ["E8060"]
    assert f"{Fraction(sum(first), sum(first) + extra)}, not 1" in result.errors[0].message


def test_symbolic_and_decimal_probabilities() -> None:
    coin = _compile("probability_tree T { branches: [[S, H, p], [S, T, 1 - p], [H, HH, p], [H, HT, 1 - p]] }")
    outcomes = {f.args[1]: f.value for f in coin.facts if f.predicate == "outcome"}
    assert outcomes == {"HH": "p^2", "HT": "p*(1 - p)", "T": "1 - p"}
    test = _compile('probability_tree T { branches: [[S, D, 0.01], [S, N, 0.99]], outcomes: [[D, 0.01]] }')
    assert {f.args[1]: f.value for f in test.facts if f.predicate == "outcome"} == {"D": "1/100", "N": "99/100"}
    texts = [t.text for t in test.texts]
    assert "$0.01$" in texts or any("0.01" in t for t in texts)


def test_caption_under_a_graph_is_a_fact() -> None:
    result = _compile('tree T "Figure 1" { nodes: [R, A, B], edges: [[R, A], [R, B]] }')
    assert [f.value for f in result.facts if f.predicate == "caption"] == ["Figure 1"]
    caption = next(t for t in result.drawing.items if getattr(t, "role", "") == "caption")
    assert caption.pos[1] < min(t.pos[1] for t in result.drawing.items if getattr(t, "role", "") != "caption"
                                and hasattr(t, "pos"))
