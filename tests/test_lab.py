"""Lab: assembly of set-ups, liquid levels at their readings on the drawn page, facts, verification."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.primitives import Drawing
from tests.conftest import compile_ok as _compile
from tests.conftest import moved_anchor_codes

CODES_TESTED_HERE = ("E9509",)

TITRATION = """retort_stand S
burette B on S {{ capacity: {cap} mL, reading: {reading:.2f} mL, contents: "0.2503 M AgNO3", concentration: 0.2503 M }}
flask F on S {{ capacity: 125 mL, volume: 15.00 mL, contents: "NaCl(aq)", precipitate: "AgCl(s)" }}
"""


def _drawn_reading(page: Drawing, name: str, marks: tuple[float, float]) -> float:
    a, b, m = (page.anchors[f"{name}.{key}"] for key in ("scale_a", "scale_b", "meniscus"))
    return marks[0] + (m[1] - a[1]) / (b[1] - a[1]) * (marks[1] - marks[0])


@settings(max_examples=15, deadline=None)
@given(cap=st.sampled_from([10, 25, 50, 100]), fraction=st.floats(0, 1))
def test_random_readings_draw_the_meniscus_at_the_reading(cap: int, fraction: float) -> None:
    reading = round(cap * fraction, 2)
    result = _compile(TITRATION.format(cap=cap, reading=reading))
    assert _drawn_reading(result.drawing, "B", (0.0, cap)) == pytest.approx(reading, abs=cap * 1e-3)


@settings(max_examples=10, deadline=None)
@given(reading=st.integers(0, 5000).map(lambda n: n / 100))
def test_closeup_shows_the_reading_inside_its_window(reading: float) -> None:
    from scidsl.domains.lab.assembly import closeup_window

    result = _compile(f"burette B {{ capacity: 50 mL, reading: {reading:.2f} mL, view: closeup }}")
    lo, hi = closeup_window(reading, 50.0)
    assert lo <= reading <= hi and hi - lo == pytest.approx(3.0)
    assert _drawn_reading(result.drawing, "B", (lo, hi)) == pytest.approx(reading, abs=1e-3)


def test_burette_tip_hangs_above_the_flask_mouth_and_the_clamp_holds_it() -> None:
    page = _compile(TITRATION.format(cap=50, reading=20.22)).drawing.anchors
    tip, mouth, clamp, base = page["B.tip"], page["F.mouth"], page["B.clamp"], page["S.base"]
    assert tip[0] == pytest.approx(mouth[0], abs=1e-6)
    assert 0 < tip[1] - mouth[1] < 0.6
    assert page["B.top"][1] > clamp[1] > tip[1]
    assert page["F.bottom"][1] == pytest.approx(base[1], abs=1e-6)
    assert page["S.top"][1] > page["B.top"][1]


def test_titration_facts_give_the_amount_delivered() -> None:
    result = _compile(TITRATION.format(cap=50, reading=20.22))
    facts = {(f.predicate, f.args): f.value for f in result.facts}
    assert facts[("reading", ("B",))] == "20.22 mL"
    assert facts[("delivered", ("B",))] == "20.22 mL"
    assert facts[("volume", ("F",))] == "15.00 mL"
    assert facts[("precipitate", ("F",))] == "AgCl(s)"
    assert facts[("amount_delivered", ("B", "F"))] == "0.005061 mol"


def test_delivered_volume_subtracts_the_initial_reading() -> None:
    result = _compile("burette B { initial: 1.20 mL, reading: 24.85 mL }")
    assert {f.predicate: f.value for f in result.facts}["delivered"] == "23.65 mL"


def test_vessel_levels_rise_with_volume() -> None:
    def level(vol: int) -> float:
        page = _compile(f"flask F {{ volume: {vol} mL }}\nbeaker K {{ volume: {vol} mL }}").drawing.anchors
        return page["F.level"][1] - page["F.bottom"][1] + page["K.level"][1] - page["K.bottom"][1]

    assert level(20) < level(100) < level(200)


def test_pipette_tip_is_inside_the_neck_of_its_flask() -> None:
    page = _compile("pipette P to V { contents: \"HCl\" }\nvolumetric_flask V { volume: 100 mL }").drawing.anchors
    assert page["P.tip"][0] == pytest.approx(page["V.mouth"][0])
    assert page["V.mark"][1] < page["P.tip"][1] < page["V.mouth"][1]
    assert page["V.level"][1] == pytest.approx(page["V.mark"][1])


def test_formula_digits_become_subscripts() -> None:
    from scidsl.renderers.lab import formula_text

    assert formula_text("0.2503 M AgNO3") == "0.2503 M AgNO$_{3}$"
    assert formula_text("15.00 mL NaCl(aq)") == "15.00 mL NaCl(aq)"
    assert formula_text("CuSO4(aq)") == "CuSO$_{4}$(aq)"
    assert formula_text("step 2") == "step 2"


def test_leaders_do_not_cross_in_the_examples() -> None:
    from scidsl.renderers.leaders import crossing_leaders

    from tests.conftest import EXAMPLES

    for path in sorted((EXAMPLES / "lab").glob("*.sdl")):
        result = _compile(path.read_text("utf-8"))
        assert crossing_leaders(result.drawing) == [], path.name


def test_a_meniscus_moved_on_the_page_is_reported() -> None:
    result = _compile(TITRATION.format(cap=50, reading=20.22))
    assert moved_anchor_codes(result, "lab", "B.meniscus", 0.5) == ([], ["E9509"])


@settings(max_examples=10, deadline=None)
@given(volume=st.integers(1, 100))
def test_size_printed_on_a_volumetric_flask_keeps_off_the_liquid_surface(volume: int) -> None:
    from scidsl.primitives import Text

    page = _compile(f"volumetric_flask V {{ capacity: 100 mL, volume: {volume} mL }}").drawing
    size = next(t for t in page.items if isinstance(t, Text) and t.text == "100 mL")
    assert abs(size.at[1] - page.anchors["V.level"][1]) > 0.25 * abs(page.anchors["V.mark"][1] - page.anchors["V.bottom"][1]) / 4


def _bench_y(page: Drawing) -> tuple[float, float, float]:
    from scidsl.primitives import Line

    bench = [it for it in page.items if isinstance(it, Line) and it.owner == "bench" and not it.closed]
    assert len(bench) == 1
    (x0, y0), (x1, _) = bench[0].points
    return y0, x0, x1


@pytest.mark.parametrize("name", ["filtration", "dilution", "titration_hcl_naoh"])
def test_every_vessel_and_stand_stands_on_one_bench(name: str) -> None:
    from scidsl.domains.lab.assembly import BASE_H

    result = _compile(Path(f"examples/lab/{name}.sdl").read_text())
    page = result.drawing
    y, x0, x1 = _bench_y(page)
    feet = [p for key, p in page.anchors.items() if key.endswith(".bottom")]
    stands = [(p[0], p[1] - BASE_H) for key, p in page.anchors.items() if key.endswith(".base")]
    on_floor = [p for p in feet if abs(p[1] - y) < 1e-6] + stands
    assert on_floor and all(abs(p[1] - y) < 1e-6 and x0 < p[0] < x1 for p in on_floor)
    # a vessel not on the bench stands on a stand's base plate
    assert all(abs(p[1] - y) < 1e-6 or abs(p[1] - y - BASE_H) < 1e-6 for p in feet)


@pytest.mark.parametrize("vessel", ['beaker K { capacity: 250 mL }', 'flask K { capacity: 250 mL }',
                                    'flask K { capacity: 50 mL }', 'beaker K { capacity: 1000 mL }'])
def test_a_funnel_on_a_vessel_rests_on_its_rim_or_a_bar(vessel: str) -> None:
    from shapely.geometry import LineString, MultiPoint

    from scidsl.primitives import Line

    page = _compile(f"{vessel}\nfunnel U on K {{ filter: true }}").drawing
    cone = [it for it in page.items if isinstance(it, Line) and it.owner == "U"][:2]
    support = MultiPoint([p for it in page.items if isinstance(it, Line) and it.owner == "K" for p in it.points])
    for side in cone:
        assert LineString(side.points[-2:]).distance(support) < 0.06


def test_burette_scale_numbers_are_nearly_as_large_as_the_labels() -> None:
    from scidsl.primitives import Text

    page = _compile(TITRATION.format(cap=50, reading=20.22)).drawing
    texts = [t for t in page.items if isinstance(t, Text) and t.owner == "B"]
    numbers = [t.size for t in texts if t.text.isdigit()]
    labels = [t.size for t in texts if not t.text.isdigit()]
    assert len(numbers) >= 5 and min(numbers) >= 0.85 * max(labels)


@pytest.mark.parametrize("reading", [7.0, 15.0, 29.0])
def test_closeup_at_a_whole_ml_reading_uses_one_window_for_drawing_and_checking(reading: float) -> None:
    result = _compile(f"burette B {{ capacity: 50 mL, reading: {reading:.2f} mL, view: closeup }}")
    from scidsl.domains.lab.assembly import closeup_window

    assert _drawn_reading(result.drawing, "B", closeup_window(reading, 50.0)) == pytest.approx(reading, abs=1e-3)
