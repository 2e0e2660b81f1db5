"""Phase diagrams: the stated points are checked, drawn where they are, and named with their values."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import scidsl
from scidsl.primitives import Line
from scidsl.domains.plots.phase import ATM, boil_t, boiling_curve, sublimation_slope, sublimation_t

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "plots"


def _texts(result: scidsl.pipeline.Result) -> list[str]:
    fixed = [i.text for i in result.drawing.items if type(i).__name__ == "Text"]
    return fixed + [t.text for t in result.texts]


@pytest.fixture(scope="module")
def water() -> scidsl.pipeline.Result:
    result = scidsl.compile((EXAMPLES / "phase_diagram_water.sdl").read_text())
    assert result.ok, result.diagnostics
    return result


def test_points_are_named_with_the_stated_values(water):
    texts = _texts(water)
    assert "triple point (273.16 K, 0.611 kPa)" in texts
    assert "critical point (647 K, 22064 kPa)" in texts
    assert "boiling point\n373.15 K" in texts and "melting point\n273.15 K" in texts
    assert {"solid", "liquid", "gas", "1 atm"} <= set(texts)


def test_points_are_drawn_at_their_coordinates(water):
    facts = {f.predicate: f.value for f in water.facts}
    assert facts["triple_point"] == [273.16, 0.611]
    assert facts["normal_boiling_point"] == 373.15
    lo, hi = water.drawing.anchors["water@lo"], water.drawing.anchors["water@hi"]
    axes = {f.args[1]: f.value for f in water.facts if f.predicate == "axis"}
    (t0, t1), (p0, p1) = axes["x"], axes["y"]
    for pred in ("triple_point", "critical_point", "normal_boiling_point", "normal_melting_point"):
        t, p = facts[pred] if isinstance(facts[pred], list) else (facts[pred], 101.325)
        want_x = lo[0] + (t - t0) / (t1 - t0) * (hi[0] - lo[0])
        want_y = lo[1] + (math.log10(p) - math.log10(p0)) / (math.log10(p1) - math.log10(p0)) * (hi[1] - lo[1])
        got = water.drawing.anchors[f"water.{pred}"]
        assert got == pytest.approx((want_x, want_y), abs=1e-6)


def test_regions_lie_on_their_side_of_the_curves(water):
    regions = {t.owner.split(".")[1]: t for t in water.drawing.items if getattr(t, "role", None) == "note"
               and t.owner.split(".")[-1] in ("solid", "liquid", "gas")}
    axes = {f.args[1]: f.value for f in water.facts if f.predicate == "axis"}
    lo, hi = water.drawing.anchors["water@lo"], water.drawing.anchors["water@hi"]

    def data(page: tuple[float, float]) -> tuple[float, float]:
        (t0, t1), (p0, p1) = axes["x"], axes["y"]
        fx, fy = (page[0] - lo[0]) / (hi[0] - lo[0]), (page[1] - lo[1]) / (hi[1] - lo[1])
        return t0 + fx * (t1 - t0), 10 ** (math.log10(p0) + fy * (math.log10(p1) - math.log10(p0)))

    regions = {name: data(t.pos) for name, t in regions.items()}
    curve = boiling_curve((273.16, 611.0), (647.0, 22.064e6), 373.15)
    t, p = regions["liquid"]
    assert t < boil_t(curve, p * 1e3)
    t, p = regions["gas"]
    assert t > boil_t(curve, p * 1e3)
    assert regions["solid"][0] < 273.15


def test_the_boiling_curve_passes_through_the_normal_boiling_point():
    curve = boiling_curve((273.16, 611.0), (647.0, 22.064e6), 373.15)
    assert boil_t(curve, ATM) == pytest.approx(373.15)
    assert boil_t(curve, 22.064e6) == pytest.approx(647.0)


def test_show_leaves_out_what_it_does_not_list():
    result = scidsl.compile(
        "phase_diagram w { triple_point: (273.16 K, 0.611 kPa), critical_point: (647 K, 22064 kPa), "
        "boiling_point: 373.15 K, show: [triple_point] }")
    assert result.ok, result.diagnostics
    texts = _texts(result)
    assert "triple point (273.16 K, 0.611 kPa)" in texts
    assert not {"solid", "liquid", "gas"} & set(texts)
    assert not any("critical" in t for t in texts)
    hidden = {f.predicate for f in result.facts if f.hidden} - {"unshown_givens"}
    assert hidden == {"critical_point", "normal_boiling_point"}


def _lines(result: scidsl.pipeline.Result, owner: str) -> list:
    return [i for i in result.drawing.items if type(i).__name__ == "Line" and i.owner == owner]


def _near(pt: tuple[float, float], line) -> float:
    from shapely.geometry import LineString, Point

    return LineString(line.points).distance(Point(pt))


def test_a_triple_point_above_1_atm_gets_the_1_atm_line_and_the_sublimation_point():
    result = scidsl.compile((EXAMPLES / "phase_diagram_co2.sdl").read_text())
    assert result.ok, result.diagnostics
    texts = _texts(result)
    assert "1 atm" in texts and "sublimation point\n−78.5 °C" in texts
    facts = {f.predicate: f.value for f in result.facts}
    assert facts["normal_sublimation_point"] == pytest.approx(-78.5)
    assert not {"normal_boiling_point", "normal_melting_point"} & set(facts)
    x, y = result.drawing.anchors["co2.normal_sublimation_point"]
    (atm,) = _lines(result, "co2.atm")
    assert {round(p[1], 9) for p in atm.points} == {round(y, 9)}  # the 1 atm line runs through the point
    assert min(_near((x, y), line) for line in _lines(result, "co2.sublimation")) < 1e-3  # cm
    # the sublimation curve is carried below 1 atm
    assert min(p[1] for line in _lines(result, "co2.sublimation") for p in line.points) < y - 1.0


@pytest.mark.parametrize("scale, log", [("linear", False), ("log", True), ("auto", True)])
def test_the_pressure_axis_scale_is_the_one_asked(scale, log):
    result = scidsl.compile(
        "phase_diagram c { triple_point: (-56.6 degC, 5.11 atm), critical_point: (31.1 degC, 72.8 atm), "
        f"sublimation_point: -78.5 degC, scale: {scale} }}")
    assert result.ok, result.diagnostics
    (p0, p1) = [f.value for f in result.facts if f.predicate == "axis" and f.args[1] == "y"][0]
    lo, hi = result.drawing.anchors["c@lo"], result.drawing.anchors["c@hi"]
    f = (math.log10(1 / p0) / math.log10(p1 / p0)) if log else (1 - p0) / (p1 - p0)
    assert result.drawing.anchors["c.normal_sublimation_point"][1] == pytest.approx(lo[1] + f * (hi[1] - lo[1]))


def test_a_region_too_thin_for_its_name_is_named_beside_it_with_a_leader_into_it():
    from shapely.geometry import LineString, Point, box

    from scidsl.domains.plots import kinds as k
    from scidsl.domains.plots.layout import CurveL
    from scidsl.domains.plots.phase_names import GAP, name_region
    from scidsl.domains.plots.plotting import build_plot
    from scidsl.text import measure_text

    panel = build_plot(k.Plot(name="s", xlim=(0, 10), ylim=(0, 10), frame="box", size=(10, 10)), [])
    band = [[(4.0, 0.0), (4.0, 10.0)], [(4.3, 0.0), (4.3, 10.0)]]  # a region 3 mm wide
    panel.curves += [CurveL(f"s.side{i}", [piece]) for i, piece in enumerate(band)]
    name_region(panel, "s.liquid", "liquid", [(4.15, y) for y in (5.0, 3.0, 7.0)])
    leader = next(c for c in panel.curves if c.role == "leader")
    name = next(t for t in panel.texts if t.text == "liquid")
    target, end = leader.pieces[0]
    assert 4.0 < target[0] < 4.3  # the leader starts inside the region
    ax = panel.axes
    w, h, _ = measure_text("liquid", 12)
    cx, cy = ax.page(name.at)
    named = box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
    assert all(named.distance(LineString([ax.page(p) for p in piece])) > GAP for piece in band)
    assert 0 < named.distance(Point(ax.page(end))) < 0.2  # and ends at the name


from hypothesis import example, given, strategies as st  # noqa: E402


@st.composite
def substances(draw: st.DrawFn) -> str:
    """A substance in the ranges real ones have: T_c/T_t 1.3–3, 1–5 decades of pressure, the normal boiling
    point near the vapour-pressure curve through the triple and critical points (Clausius–Clapeyron) and a
    nearly vertical melting line; or a
    triple point above 1 atm (carbon dioxide, 518 kPa) with its normal sublimation point 20–40 % below the
    triple temperature's distance to where the drawn sublimation curve meets 1 atm."""
    tt = float(f"{draw(st.floats(20, 600)):.4g}")  # as written in the scene
    tc = float(f"{tt * draw(st.floats(1.3, 3)):.4g}")
    pt = float(f"{10 ** draw(st.floats(-3, 3)):.4g}")  # kPa
    pc = float(f"{pt * 10 ** draw(st.floats(1, 5)):.4g}")
    text = f"phase_diagram s {{ triple_point: ({tt:.4g} K, {pt:.4g} kPa), critical_point: ({tc:.4g} K, {pc:.4g} kPa)"
    text += f", scale: {draw(st.sampled_from(['auto', 'linear', 'log']))}"
    if pt < 101.325 < pc and draw(st.booleans()):
        # ln p against 1/T bends at 1 atm by a ratio of slopes r (real substances: about 1.0–1.2)
        a, b, r = math.log(101.325 / pt), math.log(pc / 101.325), draw(st.floats(0.5, 2.0))
        text += f", boiling_point: {(a + r * b) / (r * b / tt + a / tc):.4g} K"
        lean = draw(st.floats(-0.4, 0.4)) * (tc - tt) * (101.325 - pt) / (10 * pc)  # nearly vertical
        text += f", melting_point: {tt + lean:.6g} K"
    elif pt > 101.325 * 1.5 and draw(st.booleans()):
        tp = (float(f"{tt:.4g}"), float(f"{pt:.4g}") * 1e3)
        curve = boiling_curve(tp, (float(f"{tc:.4g}"), float(f"{pc:.4g}") * 1e3), None)
        t_atm = sublimation_t(tp, sublimation_slope(tp, curve, None), ATM)
        text += f", sublimation_point: {tt - draw(st.floats(0.6, 1.4)) * (tt - t_atm):.4g} K"
    return text + " }"


@given(substances())
# the 1 atm line on the foot of a linear axis: its name once sat on the last temperature tick
@example("phase_diagram s { triple_point: (30 K, 1000 kPa), critical_point: (88.59 K, 1e+04 kPa), scale: linear, "
         "sublimation_point: 21.26 K }")
# the triple point's name, sent out with a leader, took the corner where the boiling point's name goes
@example("phase_diagram s { triple_point: (20 K, 42.17 kPa), critical_point: (60 K, 421.7 kPa), scale: linear, "
         "boiling_point: 31.63 K, melting_point: 20 K }")
# a triple point on the foot of a linear axis, crowded by the melting point right above it
@example("phase_diagram s { triple_point: (100 K, 42.17 kPa), critical_point: (250 K, 1000 kPa), scale: linear, "
         "boiling_point: 135.2 K, melting_point: 100 K }")
def test_every_realistic_substance_draws_cleanly(source):
    result = scidsl.compile(source)
    codes = {d.code for d in result.diagnostics}
    # a linear axis asked for pressures it cannot show apart, or a normal point on the triple point, is
    # refused (E9764), never drawn unreadable
    apart = "scale: linear" in source or "_point: " in source.split("scale")[1]
    allowed = {"E9753"} | ({"E9764"} if apart else set())
    assert result.ok or codes <= allowed, (source, [(d.code, d.message) for d in result.diagnostics])


def test_points_crowding_the_triple_point_are_named_out_in_the_open_with_leaders():
    """Argon: the normal boiling point 3.5 K and 0.17 decades from the triple point, the melting point on it."""
    result = scidsl.compile("phase_diagram ar { triple_point: (83.8 K, 68.9 kPa), critical_point: (150.7 K, "
                            "4863 kPa), boiling_point: 87.3 K, melting_point: 83.81 K }")
    assert result.ok, result.diagnostics
    leaders = {ln.owner for ln in result.drawing.items if isinstance(ln, Line) and ln.role == "leader"}
    assert {"ar.triple_point.leader", "ar.normal_boiling_point.leader", "ar.normal_melting_point.leader"} <= leaders
    for owner in ("ar.triple_point", "ar.normal_boiling_point", "ar.normal_melting_point"):
        (leader,) = [ln for ln in result.drawing.items if isinstance(ln, Line) and ln.owner == owner + ".leader"]
        assert math.dist(leader.points[0], result.drawing.anchors[owner]) < 1e-6  # from the dot out to the name


def test_a_normal_point_on_the_triple_point_is_refused():
    result = scidsl.compile("phase_diagram s { triple_point: (20 K, 100 kPa), critical_point: (40 K, 1000 kPa), "
                            "boiling_point: 20.03 K, melting_point: 20 K }")
    assert [d.code for d in result.diagnostics] == ["E9764"]
    assert "too close to mark apart" in result.diagnostics[0].message


def test_a_point_name_with_no_room_beside_its_dot_is_set_out_with_a_leader():
    """The triple point's name, sent out with a leader, takes the corner where the boiling point's would go:
    the boiling point's name is set out in the open with a leader of its own, not left to crowd the plot."""
    result = scidsl.compile("phase_diagram s { triple_point: (20 K, 42.17 kPa), critical_point: (60 K, 421.7 kPa), "
                            "scale: linear, boiling_point: 31.63 K, melting_point: 20 K }")
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    leaders = {item.owner for item in result.drawing.items if getattr(item, "role", None) == "leader"}
    assert "s.normal_boiling_point.leader" in leaders


def test_a_triple_point_squeezed_onto_a_linear_foot_refuses_the_point_crowding_it():
    result = scidsl.compile("phase_diagram s { triple_point: (100 K, 42.17 kPa), critical_point: (250 K, 1000 kPa), "
                            "scale: linear, boiling_point: 135.2 K, melting_point: 100 K }")
    (diag,) = result.errors
    assert diag.code == "E9764" and "triple point's name" in diag.message and "scale: log" in (diag.hint or "")
    assert diag.span is not None and diag.span.col > 100  # at melting_point, the point to leave out
