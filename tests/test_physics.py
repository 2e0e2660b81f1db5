"""Energy levels and standing waves: facts against the physics, and the envelope measured on the page."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.primitives import Line
from tests.conftest import compile_ok

HC_EV_NM = 1239.841984


@settings(max_examples=20, deadline=None)
@given(levels=st.lists(st.integers(1, 4), min_size=2, max_size=4, unique=True), z=st.integers(1, 3))
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


@settings(max_examples=25, deadline=None)
@given(v=st.floats(1, 40), angle=st.integers(-60, 80), h=st.floats(0, 50))
def test_projectile_facts_agree_with_the_equations_of_motion(v: float, angle: int, h: float) -> None:
    v, h = round(v, 2), round(h, 2)
    a = math.radians(angle)
    vy = v * math.sin(a)
    if h == 0 and angle <= 0:
        return
    t = (vy + math.sqrt(vy * vy + 2 * 9.8 * h)) / 9.8
    facts = {f.predicate: f.value for f in compile_ok(
        f"projectile p {{ speed: {v} m/s, angle: {angle} deg, height: {h} m }}").facts}
    assert math.isclose(facts["flight_time"], t, abs_tol=1e-5)
    assert math.isclose(facts["range"], v * math.cos(a) * t, abs_tol=1e-5)
    y_top = h + (vy * vy / (2 * 9.8) if vy > 0 else 0.0)
    assert math.isclose(facts["max_height"], y_top, abs_tol=1e-5)
    # substituted back: the landing time puts it on the ground
    assert abs(h + vy * t - 4.9 * t * t) < 1e-6 * max(1.0, h)


@settings(max_examples=20, deadline=None)
@given(p=st.floats(10, 500), v=st.floats(0.5, 20), t=st.floats(150, 900))
def test_the_missing_gas_variable_satisfies_the_gas_law(p: float, v: float, t: float) -> None:
    p, v, t = round(p, 2), round(v, 2), round(t, 1)
    facts = {f.predicate: f.value for f in compile_ok(
        f"gas_cylinder c {{ pressure: {p} kPa, volume: {v} L, temperature: {t} K }}").facts}
    assert math.isclose(facts["amount"] * 8.314462618 * t, p * 1e3 * v * 1e-3, rel_tol=1e-6)
