"""Energy profiles: the drawn curve passes through every stated level and never overshoots one."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import scidsl
from scidsl.domains.chemistry.energy import (
    hermite_curve,
    level_keys,
    overall_ea,
    profile_geometry,
    step_barriers,
)
from tests.conftest import compile_ok

CODES_TESTED_HERE = ("E3078",)
PIXEL_CM = 2.54 / 100  # one pixel at 100 dpi


@st.composite
def profiles(draw: st.DrawFn) -> list[float]:
    """Alternating levels: minima anywhere, each transition state above both its neighbours."""
    steps = draw(st.integers(1, 4))
    minima = draw(st.lists(st.integers(-300, 300), min_size=steps + 1, max_size=steps + 1))
    rises = draw(st.lists(st.integers(1, 200), min_size=steps, max_size=steps))
    levels: list[float] = [float(minima[0])]
    for i in range(steps):
        levels += [float(max(minima[i], minima[i + 1]) + rises[i]), float(minima[i + 1])]
    return levels


def _segment(curve: list[tuple[float, float]], x0: float, x1: float) -> list[float]:
    return [y for x, y in curve if x0 - 1e-9 <= x <= x1 + 1e-9]


@settings(max_examples=15)
@given(profiles())
@example([32.0, 33.0, 0.0, 37.0, 0.0])  # a short barrier: its label sits nearer the reactants' guide than the arrow
def test_drawn_curve_hits_every_level_and_is_monotone_between(levels: list[float]) -> None:
    text = f"energy_profile ep {{ levels: [{', '.join(f'{v:g}' for v in levels)}] }}"
    page = compile_ok(text).drawing
    curve = next(it for it in page.items if getattr(it, "role", "") == "curve" and it.owner == "ep")
    points = list(curve.points)
    anchors = [page.anchors[f"ep.{n}"] for n in level_keys(len(levels))]
    # each level is on the curve, within a pixel
    for ax, ay in anchors:
        assert min(((x - ax) ** 2 + (y - ay) ** 2) ** 0.5 for x, y in points) < PIXEL_CM
    # the drawn heights are the stated energies to scale
    lo, hi = min(levels), max(levels)
    y_lo, y_hi = min(a[1] for a in anchors), max(a[1] for a in anchors)
    for e, (_, y) in zip(levels, anchors):
        assert abs((y - y_lo) / (y_hi - y_lo) - (e - lo) / (hi - lo)) < 1e-6
    # between neighbouring levels the curve is monotone and stays between them
    for (x0, y0), (x1, y1) in zip(anchors, anchors[1:]):
        ys = _segment(points, x0, x1)
        steps = [b - a for a, b in zip(ys, ys[1:])]
        assert all(s >= -1e-9 for s in steps) or all(s <= 1e-9 for s in steps)
        assert min(ys) >= min(y0, y1) - 1e-9 and max(ys) <= max(y0, y1) + 1e-9


@given(profiles(), st.integers(2, 40))
def test_curve_geometry_includes_every_knot(levels: list[float], per_segment: int) -> None:
    xs = [float(i) for i in range(len(levels))]
    curve = hermite_curve(xs, levels, per_segment)
    assert all((x, e) in curve for x, e in zip(xs, levels))
    assert max(y for _, y in curve) == max(levels) and min(y for _, y in curve) == min(levels)


def test_catalysed_path_shares_its_ends() -> None:
    geo = profile_geometry([0, 80, -40], [0, 45, -40])
    assert geo.cat_curve[0] == (geo.xs[0], geo.ys[0]) and geo.cat_curve[-1] == (geo.xs[-1], geo.ys[-1])


def test_barriers() -> None:
    assert step_barriers([20, 95, 50, 75, -30]) == [75, 25]
    assert overall_ea([20, 95, 50, 75, -30]) == 75


def test_facts_of_a_two_step_profile() -> None:
    facts = {(f.predicate, f.args): f.value for f in compile_ok(
        "energy_profile m { levels: [20, 95, 50, 75, -30], catalysed: [20, 60, -30] }").facts}
    assert facts[("activation_energy", ("m",))] == "75 kJ/mol"
    assert facts[("delta_h", ("m",))] == "-50 kJ/mol"
    assert facts[("enthalpy_change", ("m",))] == "exothermic"
    assert facts[("rate_determining_step", ("m",))] == 1
    assert facts[("intermediates", ("m",))] == 1
    assert facts[("catalysed_activation_energy", ("m",))] == "40 kJ/mol"
    assert facts[("reverse_activation_energy", ("m",))] == "125 kJ/mol"


@pytest.mark.parametrize("levels, code", [("[0, 80]", "E3060"), ("[0, -5, 10]", "E3061")])
def test_bad_levels(levels: str, code: str) -> None:
    result = scidsl.compile(f"energy_profile ep {{ levels: {levels} }}")
    assert [d.code for d in result.diagnostics] == [code]


def test_a_level_moved_on_the_page_is_reported() -> None:
    from scidsl import registry
    from tests.conftest import domain_context

    result = compile_ok("energy_profile ep { levels: [0, 80, 30, 60, -40] }")
    ctx = domain_context(result, "chemistry")
    impl = registry.implementation("chemistry")
    lay = impl.layout(ctx)
    page = result.drawing
    impl.verify(ctx, lay, page)
    assert not ctx.diagnostics
    x, y = page.anchors["ep.i1"]
    page.anchors["ep.i1"] = (x, y + 0.4)
    impl.verify(ctx, lay, page)
    assert [d.code for d in ctx.diagnostics] == ["E3078"]
