"""Ecological pyramids drawn to scale and food webs laid out by trophic level."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

import scidsl
from tests.conftest import compile_ok as _compile
from tests.conftest import layout_and_page

CODES_TESTED_HERE = ("E9036",)


def _bar_widths(result, name: str) -> list[float]:  # type: ignore[no-untyped-def]
    bars = sorted((it for it in result.drawing.items if getattr(it, "role", "") == "bar"
                   and it.owner.startswith(f"{name}.level")), key=lambda it: it.owner)
    return [max(p[0] for p in b.points) - min(p[0] for p in b.points) for b in bars]


@settings(max_examples=12, deadline=None)
@given(st.lists(st.integers(5, 100000), min_size=2, max_size=5), st.sampled_from(["linear", "log"]))
def test_pyramid_bars_are_proportional_to_the_values(values: list[int], scale: str) -> None:
    levels = ", ".join(f'"level {i}"' for i in range(len(values)))
    result = _compile(f"ecological_pyramid p {{ type: biomass, levels: [{levels}], values: {values}, scale: {scale} }}")
    widths = _bar_widths(result, "p")
    low = min(values)
    want = values if scale == "linear" else [1 + math.log10(v / low) for v in values]
    big = max(range(len(values)), key=lambda i: want[i])
    for w, v in zip(widths, want):
        if w > 0.05:  # hairline bars are drawn at a visible minimum
            assert math.isclose(w / widths[big], v / want[big], rel_tol=1e-6)


@settings(max_examples=10, deadline=None)
@given(st.lists(st.integers(1, 10**6), min_size=2, max_size=5))
def test_energy_must_fall_at_every_level(values: list[int]) -> None:
    levels = ", ".join(f'"level {i}"' for i in range(len(values)))
    result = scidsl.compile(f"ecological_pyramid p {{ levels: [{levels}], values: {values} }}", "t.sdl")
    falling = all(b < a for a, b in zip(values, values[1:]))
    assert result.ok == falling
    if not falling:
        assert [d.code for d in result.errors] == ["E9032"]


def test_food_web_levels_are_longest_chains_from_producers() -> None:
    result = _compile("food_web w { eats: [[rabbit, grass], [fox, rabbit], [fox, grass], [eagle, fox]] }")
    levels = {f.args[1]: f.value for f in result.facts if f.predicate == "trophic_level"}
    assert levels == {"grass": 1, "rabbit": 2, "fox": 3, "eagle": 4}
    boxes = {it.owner: min(p[1] for p in it.points) for it in result.drawing.items
             if getattr(it, "role", "") == "organism"}
    assert boxes["w.grass"] < boxes["w.rabbit"] < boxes["w.fox"] < boxes["w.eagle"]


def test_verify_measures_the_bars_on_the_page() -> None:
    from dataclasses import replace

    from scidsl.domains.biology.ecology import verify_pyramid
    from scidsl.primitives import Drawing

    lay, page = layout_and_page("ecological_pyramid p { levels: [a, b, c], values: [100, 50, 20] }", "biology")
    plan = lay.figures[0]
    assert verify_pyramid(plan, page) == []
    items = [replace(it, points=tuple((x * 1.5, y) for x, y in it.points))
             if getattr(it, "owner", "") == "p.level2" else it for it in page.items]
    assert [d.code for d in verify_pyramid(plan, Drawing(items, page.labels, page.anchors))] == ["E9036"]
