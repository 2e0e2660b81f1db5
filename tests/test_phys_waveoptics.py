"""Wave optics and photocells: rays measured on the page obey Snell's law, prism deviations, fringes to scale."""
from __future__ import annotations

import math

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scidsl.primitives import Dot, Line
from tests.conftest import compile_ok

CODES_TESTED_HERE = ("E9748",)  # a tampered page: no scene can draw it
H_EV_S = 4.135667696e-15
C = 299792458.0


def _lines(page, owner: str, role: str) -> list:  # type: ignore[no-untyped-def]
    return [it for it in page.items if isinstance(it, Line) and it.owner == owner and it.role == role]


def _direction(lines: list) -> tuple[float, float]:
    """Unit direction of a ray drawn as consecutive pieces, from its first point to its last."""
    a, b = lines[0].points[0], lines[-1].points[-1]
    d = math.dist(a, b)
    return ((b[0] - a[0]) / d, (b[1] - a[1]) / d)


def _angle_to(u: tuple[float, float], v: tuple[float, float]) -> float:
    """Angle between two lines (not directions), in degrees, 0–90."""
    c = abs(u[0] * v[0] + u[1] * v[1])
    return math.degrees(math.acos(min(1.0, c)))


def _fact(result, predicate: str):  # type: ignore[no-untyped-def]
    return next(f for f in result.facts if f.predicate == predicate)


@settings(deadline=None)
@given(n1=st.floats(1.0, 2.4), n2=st.floats(1.0, 2.4), t1=st.floats(3.0, 85.0))
def test_rays_on_the_page_obey_snells_law(n1: float, n2: float, t1: float) -> None:
    s = n1 * math.sin(math.radians(t1)) / n2
    assume(abs(s - 1) > 1e-3)
    n1, n2, t1 = round(n1, 4), round(n2, 4), round(t1, 3)
    page = compile_ok(f"refraction r {{ n1: {n1}, n2: {n2}, incidence: {t1} deg }}").drawing
    normal = _direction(_lines(page, "r", "normal"))
    theta1 = _angle_to(_direction(_lines(page, "r", "incident")), normal)
    assert math.isclose(theta1, t1, abs_tol=1e-6)  # a 30° incidence measures 30° on the page
    assert math.isclose(_angle_to(_direction(_lines(page, "r", "reflected")), normal), t1, abs_tol=1e-6)
    refracted = _lines(page, "r", "refracted")
    if n1 * math.sin(math.radians(t1)) > n2:
        assert not refracted  # totally reflected: nothing crosses the boundary
        return
    theta2 = _angle_to(_direction(refracted), normal)
    assert math.isclose(n1 * math.sin(math.radians(theta1)), n2 * math.sin(math.radians(theta2)), abs_tol=1e-6)


def _two_faces(apex: float, n: float, i: float) -> float | None:
    """Deviation i + e − A from r1 = asin(sin i / n), r2 = A − r1, e = asin(n sin r2) (degrees)."""
    a, ii = math.radians(apex), math.radians(i)
    r2 = a - math.asin(math.sin(ii) / n)
    s = n * math.sin(r2)
    return None if abs(s) > 1 else i + math.degrees(math.asin(s)) - apex


@settings(deadline=None)
@given(apex=st.integers(30, 75), n=st.floats(1.3, 1.8), i=st.integers(15, 85))
def test_prism_deviation_is_the_two_face_computation(apex: int, n: float, i: int) -> None:
    n = round(n, 3)
    expected = _two_faces(apex, n, i)
    result = compile_ok(f"optical_prism p {{ apex: {apex} deg, n: {n}, incidence: {i} deg }}")
    if expected is None:
        assert _fact(result, "total_internal_reflection").value is True
        assert not any(f.predicate == "deviation" for f in result.facts)
        return
    assert math.isclose(_fact(result, "deviation").value, expected, abs_tol=1e-3)
    page = result.drawing
    d_in, d_out = _direction(_lines(page, "p", "incident")), _direction(_lines(page, "p", "emergent"))
    turned = math.degrees(math.acos(max(-1.0, min(1.0, d_in[0] * d_out[0] + d_in[1] * d_out[1]))))
    assert math.isclose(turned, abs(expected), abs_tol=1e-6)  # the drawn rays turn by the deviation


@settings(deadline=None)
@given(d_um=st.floats(20, 500), lam_nm=st.floats(400, 700), screen=st.floats(0.5, 3.0), orders=st.integers(1, 5))
def test_fringes_on_the_page_are_to_scale(d_um: float, lam_nm: float, screen: float, orders: int) -> None:
    d_um, lam_nm, screen = round(d_um, 2), round(lam_nm, 1), round(screen, 3)
    result = compile_ok(f"double_slit s {{ separation: {d_um} um, distance: {screen} m, "
                        f"wavelength: {lam_nm} nm, orders: {orders} }}")
    dots = {int(it.role.split()[1]): it.center for it in result.drawing.items
            if isinstance(it, Dot) and it.owner == "s" and it.role.startswith("fringe")}
    assert sorted(dots) == list(range(-orders, orders + 1))
    d, lam = d_um * 1e-6, lam_nm * 1e-9
    exact = {m: screen * math.tan(math.asin(m * lam / d)) for m in dots}
    scale = (dots[1][1] - dots[0][1]) / exact[1]
    small = math.asin(orders * lam / d) < math.radians(10)  # where y_m = mλL/d holds within 1.6 %
    for m, (_, y) in dots.items():
        assert math.isclose(y - dots[0][1], scale * exact[m], abs_tol=1e-9)
        if small:
            assert math.isclose(y - dots[0][1], m * (dots[1][1] - dots[0][1]), rel_tol=0.016)
    spacing = [f.value for f in result.facts if f.predicate == "fringe_spacing"]
    assert len(spacing) == small and all(math.isclose(v, lam * screen / d, rel_tol=1e-9) for v in spacing)


def test_double_slit_with_large_angles_states_no_small_angle_spacing() -> None:
    result = compile_ok("double_slit s { separation: 2 um, distance: 1 m, wavelength: 600 nm, orders: 2 }")
    assert not any(f.predicate == "fringe_spacing" for f in result.facts)
    second = next(f for f in result.facts if f.predicate == "bright_fringe" and f.args[1] == 2)
    assert math.isclose(second.value, math.tan(math.asin(0.6)), rel_tol=1e-9)


def test_photoelectric_facts() -> None:
    result = compile_ok("photoelectric p { wavelength: 400 nm, work_function: 2.3 eV }")
    hf = H_EV_S * C / 400e-9
    assert math.isclose(_fact(result, "max_kinetic_energy").value, hf - 2.3, abs_tol=1e-5)
    assert math.isclose(_fact(result, "stopping_voltage").value, hf - 2.3, abs_tol=1e-5)
    assert math.isclose(_fact(result, "threshold_frequency").value, 2.3 / H_EV_S, rel_tol=1e-9)
    assert _fact(result, "photocurrent").value is True
    assert _lines(result.drawing, "p", "electron")


def test_retarding_voltage_above_stopping_stops_the_current() -> None:
    result = compile_ok("photoelectric p { frequency: 6e14 Hz, work_function: 1.9 eV, polarity: reverse, "
                        "voltage: 2 V }")
    assert _fact(result, "photocurrent").value is False
    assert not _lines(result.drawing, "p", "electron")
    long_plate, short_plate = _lines(result.drawing, "p", "cell")
    assert long_plate.points[0][0] < short_plate.points[0][0]  # + faces the cathode: retarding


def test_light_below_threshold_gives_no_kinetic_energy() -> None:
    result = compile_ok("photoelectric p { wavelength: 700 nm, work_function: 2.3 eV, current: false }")
    assert not any(f.predicate == "max_kinetic_energy" for f in result.facts)
    assert _fact(result, "photocurrent").value is False


def test_michelson_facts_and_arms_to_scale() -> None:
    result = compile_ok("interferometer m { arms: [12 cm, 10 cm], wavelength: 633 nm, shift: 0.1 mm, fringes: 316 }")
    assert math.isclose(_fact(result, "path_difference").value, 0.04, rel_tol=1e-9)
    assert math.isclose(_fact(result, "fringe_count").value, 2 * 0.1e-3 / 633e-9, rel_tol=1e-6)
    a = result.drawing.anchors
    arm1 = math.dist(a["m.splitter"], a["m.M1"])
    arm2 = math.dist(a["m.splitter"], a["m.M2"])
    assert math.isclose(arm1 / arm2, 1.2, rel_tol=1e-9)


def test_members_place_other_things() -> None:
    result = compile_ok('double_slit s { separation: 0.2 mm, distance: 1 m, wavelength: 600 nm }\n'
                        'dot P at s.m1 { label: "$P$" }')
    dot = next(it for it in result.drawing.items if isinstance(it, Dot) and it.owner == "P")
    assert math.dist(dot.center, result.drawing.anchors["s.m1"]) < 1e-9


def _tilted(page, owner: str, role: str):  # type: ignore[no-untyped-def]
    """The page with one ray's far end moved sideways (a drawing that no longer follows the physics)."""
    from dataclasses import replace

    items = []
    for it in page.items:
        if isinstance(it, Line) and it.owner == owner and it.role == role:
            (x, y) = it.points[-1]
            it = replace(it, points=it.points[:-1] + ((x + 0.4, y),))
        items.append(it)
    return replace(page, items=items)


def _verify_codes(result, page) -> list:  # type: ignore[no-untyped-def]
    from scidsl import registry
    from tests.conftest import domain_context

    ctx = domain_context(result, "waveoptics")
    impl = registry.implementation("waveoptics")
    impl.verify(ctx, impl.layout(ctx), page)
    return [d.code for d in ctx.diagnostics]


def test_a_drawn_ray_that_breaks_snells_law_is_reported() -> None:
    result = compile_ok("refraction r { n1: 1.0, n2: 1.5, incidence: 30 deg }")
    assert _verify_codes(result, result.drawing) == []
    assert _verify_codes(result, _tilted(result.drawing, "r", "refracted")) == ["E9748"]


def test_a_drawn_prism_ray_that_turns_wrongly_is_reported() -> None:
    result = compile_ok("optical_prism p { apex: 60 deg, n: 1.5, incidence: 45 deg }")
    assert _verify_codes(result, result.drawing) == []
    assert _verify_codes(result, _tilted(result.drawing, "p", "emergent")) == ["E9748"]
