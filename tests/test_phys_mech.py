"""Mechanics and waves on strings: carts stand on their wheels, chains fit their table, bodies' weights and
friction are checked, and the facts of pendulums, string vibrators and travelling waves follow their formulas."""
from __future__ import annotations

import math
from dataclasses import replace

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scidsl import compile as compile_scene
from scidsl.domains.draw import domain as draw
from scidsl.domains.draw import mechanics
from scidsl.primitives import Circle, Line
from tests.conftest import compile_ok, layout_and_page


def _fact(result, predicate: str):  # type: ignore[no-untyped-def]
    return next(f for f in result.facts if f.predicate == predicate)


def _codes(text: str) -> list[str]:
    return [d.code for d in compile_scene(text).diagnostics]


def _slope_gap(centre, r: float, foot, top) -> float:  # type: ignore[no-untyped-def]
    (x0, y0), (x1, y1) = foot, top
    d = math.hypot(x1 - x0, y1 - y0)
    dist = abs((centre[0] - x0) * (y1 - y0) - (centre[1] - y0) * (x1 - x0)) / d
    return abs(dist - r)


@settings(max_examples=25, deadline=None)
@given(angle=st.integers(5, 60), along=st.floats(0.25, 0.75), height=st.floats(0.4, 1.2))
def test_a_cart_stands_on_both_wheels_on_any_slope(angle: int, along: float, height: float) -> None:
    text = (f"floor f\nincline ramp on f {{ angle: {angle} deg, base: 8 }}\n"
            f"cart C on ramp {{ along: {along:.3f}, length: 2, height: {height:.3f} }}\n"
            "box b on C { length: 0.8, height: 0.5 }\n")
    page = compile_ok(text).drawing
    tri = next(it for it in page.items if isinstance(it, Line) and it.owner == "ramp" and it.closed)
    foot, _, top = tri.points[:3]
    wheels = [it for it in page.items if isinstance(it, Circle) and it.owner == "C" and it.role == "wheel"]
    assert len(wheels) == 2
    for w in wheels:
        assert _slope_gap(w.center, w.radius, foot, top) < 1e-6
        assert w.center[1] > foot[1]  # above the slope, not inside the incline
    body = next(it for it in page.items if isinstance(it, Line) and it.owner == "C" and it.closed)
    bl, br = body.points[0], body.points[1]
    assert abs(math.degrees(math.atan2(br[1] - bl[1], br[0] - bl[0])) - angle) < 1e-6


def test_a_cart_lifted_off_its_floor_is_caught() -> None:
    lay, page = layout_and_page("floor f\ncart C on f\n", "draw")
    assert draw.verify_relations(lay, page) == []
    page.items = [replace(it, center=(it.center[0], it.center[1] + 0.3)) if isinstance(it, Circle)
                  and it.owner == "C" else it for it in page.items]
    (d,) = draw.verify_relations(lay, page)
    assert d.code == "E4025" and "a wheel of C does not touch f" in d.message


@settings(max_examples=25, deadline=None)
@given(mass=st.floats(0.1, 50), g=st.sampled_from([9.8, 9.81, 10.0]), off=st.floats(0.03, 0.5))
def test_a_weight_is_checked_against_m_g(mass: float, g: float, off: float) -> None:
    def scene(w: float) -> str:
        return (f"floor f\nbox A on f {{ mass: {mass:.4f} kg }}\n"
                f"force W from A {{ direction: down, magnitude: {w:.6f} N, role: weight }}\n")
    assert "E9730" not in _codes(scene(round(mass, 4) * g))
    assert "E9730" in _codes(scene(round(mass, 4) * 10.0 * (1 + off)))


def test_a_weight_pointing_up_is_caught() -> None:
    text = "floor f\nbox A on f { mass: 1 kg }\nforce W from A { direction: up, magnitude: 9.8 N, role: weight }\n"
    assert _codes(text) == ["E9730"]


@settings(max_examples=25, deadline=None)
@given(mu=st.floats(0.05, 1.0), normal=st.floats(1, 100), frac=st.floats(0.1, 2.0))
def test_friction_is_at_most_mu_n(mu: float, normal: float, frac: float) -> None:
    assume(abs(frac - (1 + mechanics.TOL)) > 0.002)  # the magnitudes are written rounded to 6 decimals
    friction = frac * mu * normal
    text = (f"floor f\nbox A on f {{ mu: {mu:.6f} }}\n"
            f"force N from A {{ direction: up, magnitude: {normal:.6f} N, role: normal }}\n"
            f"force fr from A.left {{ direction: left, magnitude: {friction:.6f} N, role: friction }}\n")
    codes = _codes(text)
    assert ("E9731" in codes) == (frac > 1 + mechanics.TOL), codes


def test_mu_of_the_slope_counts_for_a_body_on_it() -> None:
    text = ("floor f\nincline ramp on f { angle: 30 deg, mu: 0.1 }\nbox A on ramp\n"
            "force N from A { direction: normal(ramp.slope), magnitude: 10 N, role: normal }\n"
            "force fr from A { direction: ramp.slope, magnitude: 5 N, role: friction }\n")
    assert _codes(text) == ["E9731"]


def test_mass_is_shown_and_stated() -> None:
    result = compile_ok('floor f\nbox A on f { mass: 5 kg, show_mass: true, label: "$m$" }\n')
    assert any(t.text == "$m$ = 5 kg" for t in result.texts)
    assert _fact(result, "weight").value == 49.0
    assert _fact(result, "mass").value == "5 kg"


@settings(max_examples=25, deadline=None)
@given(height=st.floats(1.0, 4.0), top=st.floats(2.0, 6.0), lying=st.floats(0.1, 1.2), hang=st.floats(0.1, 1.2))
def test_a_chain_fits_its_table_or_is_refused(height: float, top: float, lying: float, hang: float) -> None:
    height, top = round(height, 3), round(top, 3)  # the values the scene states
    h, on = round(hang * height, 3), round(lying * top, 3)
    text = (f"floor f\nbox table on f {{ length: {top:.3f}, height: {height:.3f} }}\n"
            f"chain c {{ over: table.top_right, length: {h + on:.3f}, hanging: {h:.3f} }}\n")
    fits = h <= height * (1 + 1e-6) and on <= top * (1 + 1e-6) + 1e-3
    codes = _codes(text)
    if hang <= 0.999 and lying <= 0.999:
        assert codes == []
        page = compile_ok(text).drawing
        assert page.anchors["c.end"][1] >= page.anchors["table.bottom_right"][1] - 1e-6
    elif not fits:
        assert codes == ["E9732"]


@settings(max_examples=25, deadline=None)
@given(length=st.floats(0.1, 20), g=st.floats(1.0, 25.0), angle=st.integers(-60, 60).filter(lambda a: a != 0))
def test_a_pendulum_states_its_period(length: float, g: float, angle: int) -> None:
    text = f"ceiling top\npendulum p hangs from top {{ length: {length:.4f} m, angle: {angle} deg, g: {g:.4f} m/s^2 }}\n"
    result = compile_ok(text)
    want = 2 * math.pi * math.sqrt(round(length, 4) / round(g, 4))
    assert math.isclose(_fact(result, "period").value, want, rel_tol=1e-5)
    wrong = text.replace(" }\n", f", period: {want * 1.05:.6f} s }}\n")
    assert _codes(wrong) == ["E9733"]
    assert _codes(text.replace(" }\n", f", period: {want:.6f} s }}\n")) == []


def test_a_pendulum_swings_to_its_angle_on_the_page() -> None:
    page = compile_ok("ceiling top\npendulum p hangs from top { length: 3, angle: 25 deg }\n").drawing
    pivot, bob = page.anchors["p.pivot"], page.anchors["p.bob"]
    assert math.isclose(math.degrees(math.atan2(bob[0] - pivot[0], pivot[1] - bob[1])), 25, abs_tol=0.01)


@settings(max_examples=25, deadline=None)
@given(length=st.floats(0.2, 5), n=st.integers(1, 8), mass=st.floats(0.05, 5), density=st.floats(0.2, 20))
def test_a_string_vibrator_states_lambda_v_and_f(length: float, n: int, mass: float, density: float) -> None:
    L, m, mu = round(length, 3), round(mass, 3), round(density, 3) * 1e-3
    text = f"string_vibrator s {{ length: {L} m, harmonic: {n}, mass: {m} kg, density: {round(density, 3)} g/m }}\n"
    result = compile_ok(text)
    v = math.sqrt(m * 9.8 / mu)
    assert math.isclose(_fact(result, "wavelength").value, 2 * L / n, rel_tol=1e-5)
    assert math.isclose(_fact(result, "wave_speed").value, v, rel_tol=1e-5)
    f = v / (2 * L / n)
    assert math.isclose(_fact(result, "frequency").value, f, rel_tol=1e-5)
    assert _codes(text.replace(" }\n", f", frequency: {f * 1.1:.6f} Hz }}\n")) == ["E9734"]


@settings(max_examples=25, deadline=None)
@given(lam=st.floats(0.05, 10), f=st.floats(0.5, 500), cycles=st.floats(1, 4))
def test_a_travelling_wave_states_v_f_lambda(lam: float, f: float, cycles: float) -> None:
    lam, f = round(lam, 4), round(f, 3)
    text = f"travelling_wave w {{ wavelength: {lam} m, amplitude: 2 cm, frequency: {f} Hz, cycles: {cycles:.3f} }}\n"
    result = compile_ok(text)
    assert math.isclose(_fact(result, "wave_speed").value, f * lam, rel_tol=1e-5)
    assert _codes(text.replace(" }\n", f", speed: {f * lam * 1.2:.6f} m/s }}\n")) == ["E9735"]


def test_hinge_pins_sit_at_the_rod_ends() -> None:
    page = compile_ok("wall w\nrod AB from w { length: 4, angle: 0 deg, hinge: both }\n").drawing
    pins = [it.center for it in page.items if isinstance(it, Circle) and it.role == "hinge"]
    assert sorted(pins) == sorted([page.anchors["AB.start"], page.anchors["AB.end"]])


def test_values_that_cannot_give_a_number_get_diagnostics() -> None:
    assert _codes("box A { mass: 1 kg }; force W from A { direction: down, magnitude: 10 V, role: weight }") == ["E9730"]
    assert _codes("pendulum p { length: 1 m, period: 2 s, g: 0 m/s^2 }") == ["E9733"]
    assert _codes("pendulum p { length: 2, period: 2 s }") == ["E9733"]
    assert _codes("string_vibrator s { length: 1 m, mass: 1e300 kg, density: 1e-300 g/m }") == ["E9734"]
    assert _codes("travelling_wave w { wavelength: 0 m, amplitude: 1 cm }") == ["E9735"]
    assert _codes("box t; chain c { over: t, length: 1, hanging: 0.5 }") == ["E4001"]
