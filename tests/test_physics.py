"""Energy levels and standing waves: facts against the physics, and the envelope measured on the page."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.primitives import Line
from tests.conftest import compile_ok

HC_EV_NM = 1239.841984


@settings(max_examples=20, deadline=None)
@given(levels=st.lists(st.integers(1, 8), min_size=2, max_size=6, unique=True), z=st.integers(1, 3))
def test_transition_energies_follow_the_formula(levels: list, z: int) -> None:
    levels = sorted(levels)
    pairs = [[b, a] for a, b in zip(levels, levels[1:])]
    text = f"energy_levels X {{ levels: {levels}, formula: -13.6*{z}^2/n^2, transitions: {pairs} }}"
    facts = {f.args[1:3]: f for f in compile_ok(text).facts if f.predicate == "transition"}
    for hi, lo in pairs:
        de = 13.6 * z * z * (1 / lo ** 2 - 1 / hi ** 2)
        fact = facts[(hi, lo)]
        assert math.isclose(fact.value, de, abs_tol=1e-6)  # the fact keeps 6 decimals
        assert f"λ = {HC_EV_NM / de:.4g} nm" in fact.text


def _touches_axis(page, owner: str) -> int:  # type: ignore[no-untyped-def]
    """Interior points where the drawn envelope meets the axis (nodes), counted from the solid curve."""
    curve = next(it for it in page.items if isinstance(it, Line) and it.owner == owner and it.role == "envelope")
    ys = [p[1] for p in curve.points]
    amp = max(abs(y) for y in ys)
    zeros = sum(1 for a, b in zip(ys, ys[1:]) if (a > 0 > b) or (a < 0 < b))
    ends = sum(1 for y in (ys[0], ys[-1]) if abs(y) < 1e-6 * amp)
    return zeros + ends


@settings(max_examples=25, deadline=None)
@given(n=st.integers(1, 9), ends=st.sampled_from([("closed", "closed"), ("open", "open"), ("closed", "open"),
                                                 ("open", "closed")]))
def test_standing_wave_nodes_match_the_harmonic(n: int, ends: tuple) -> None:
    if ends[0] != ends[1] and n % 2 == 0:
        n += 1
    expected = {("closed", "closed"): n + 1, ("open", "open"): n}.get(ends, (n + 1) // 2)
    text = f"standing_wave w {{ medium: tube, ends: [{ends[0]}, {ends[1]}], harmonic: {n}, nodes: {expected} }}"
    result = compile_ok(text)
    assert _touches_axis(result.drawing, "w") == expected
    fact = next(f for f in result.facts if f.predicate == "standing_wave")
    assert fact.value[0] == expected
