"""Thermometers and calorimeters: the column at the reading, ΔT and q, assembly in the calorimeter."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.domains.lab.thermal import minor_step, window
from tests.conftest import compile_ok, moved_anchor_codes

CODES_TESTED_HERE = ("E9524",)


def _drawn(page, name: str, lo: float, hi: float) -> float:  # type: ignore[no-untyped-def]
    a, b, top = (page.anchors[f"{name}.{key}"] for key in ("scale_a", "scale_b", "level"))
    return lo + (top[1] - a[1]) / (b[1] - a[1]) * (hi - lo)


@settings(max_examples=12, deadline=None)
@given(tenths=st.integers(0, 500), closeup=st.booleans())
def test_the_column_stops_at_the_reading(tenths: int, closeup: bool) -> None:
    reading = tenths / 10
    view = "closeup" if closeup else "full"
    result = compile_ok(f"thermometer T {{ scale: [0 degC, 50 degC], reading: {reading:g} degC, view: {view} }}")
    lo, hi, _ = window(result.scene.items[0])
    assert lo <= reading <= hi
    assert _drawn(result.drawing, "T", lo, hi) == pytest.approx(reading, abs=0.01)


def test_minor_step() -> None:
    assert minor_step(-10, 110) == 2 and minor_step(0, 50) == 1 and minor_step(20, 30) == 0.2


def test_a_kelvin_reading_on_a_celsius_scale() -> None:
    facts = {f.predicate: f.value for f in compile_ok(
        "thermometer T { scale: [0 degC, 50 degC], reading: 298.15 K }").facts}
    assert facts["temperature"] == "25 °C"


def test_coffee_cup_heat_and_the_thermometer_inside() -> None:
    result = compile_ok('calorimeter C { mass: 100.0 g, contents: "HCl + NaOH" }\n'
                        "thermometer T at C { scale: [0 degC, 50 degC], initial: 21.0 degC, reading: 27.4 degC }")
    facts = {(f.predicate, f.args): f.value for f in result.facts}
    assert facts[("delta_t", ("T",))] == "6.4 K"
    assert facts[("heat_absorbed", ("C",))] == "2678 J"  # 100 g × 4.184 J/(g·K) × 6.4 K
    assert facts[("process", ("C",))] == "exothermic"
    page = result.drawing
    bulb, lid, bottom = page.anchors["T.bulb"], page.anchors["C.lid"], page.anchors["C.bottom"]
    assert bottom[1] < bulb[1] < page.anchors["C.level"][1] < lid[1]  # the bulb is in the liquid


def test_bomb_heat_from_its_constant() -> None:
    facts = {f.predicate: f.value for f in compile_ok(
        'calorimeter B { type: bomb, sample: "1.00 g sucrose", heat_capacity: 10.0 kJ/K }\n'
        "thermometer T at B { scale: [20 degC, 30 degC], initial: 24.20 degC, reading: 25.80 degC }").facts}
    assert facts["heat_absorbed"] == "16 kJ"


def test_a_column_moved_on_the_page_is_reported() -> None:
    result = compile_ok("thermometer T { scale: [0 degC, 50 degC], reading: 30.0 degC }")
    assert moved_anchor_codes(result, "lab", "T.level", 0.8) == ([], ["E9524"])


def test_two_thermometers_in_one_calorimeter() -> None:
    import scidsl

    result = scidsl.compile("calorimeter C { mass: 50 g }\nthermometer T1 at C\nthermometer T2 at C")
    assert [d.code for d in result.diagnostics] == ["E9506"]
