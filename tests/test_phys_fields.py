"""Field apparatus: facts against the formulas, and the directions drawn on the page against the right-hand rule."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.primitives import Circle, Dot, Line, Text
from tests.conftest import compile_ok

EPS0 = 8.8541878128e-12
MU0 = 4e-7 * math.pi


def _cross(a: tuple, b: tuple) -> tuple:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _facts(result, pred: str) -> dict:  # type: ignore[no-untyped-def]
    return {f.args: f.value for f in result.facts if f.predicate == pred}


def _heads(page, owner: str, color: str | None = None) -> list:  # type: ignore[no-untyped-def]
    """(tip, unit direction) of every arrow head the apparatus draws on its lines."""
    out = []
    for it in page.items:
        if isinstance(it, Line) and it.owner == owner and it.role == "flow" and (color is None or it.stroke.color == color):
            (x0, y0), (x1, y1) = it.points
            d = math.hypot(x1 - x0, y1 - y0)
            out.append(((x1, y1), ((x1 - x0) / d, (y1 - y0) / d)))
    return out


# ---- capacitor --------------------------------------------------------------------------------

@settings(max_examples=20, deadline=None)
@given(eps=st.lists(st.integers(10, 100), min_size=1, max_size=3), weights=st.lists(st.integers(1, 9), min_size=3,
       max_size=3), fill_to=st.integers(40, 100), fill=st.sampled_from(["stacked", "side_by_side"]),
       d_mm=st.integers(1, 9), area_cm2=st.integers(20, 400))
def test_capacitance_adds_layers_in_series_and_columns_in_parallel(eps: list, weights: list, fill_to: int, fill: str,
                                                                   d_mm: int, area_cm2: int) -> None:
    ers = [e / 10 for e in eps]
    raw = weights[:len(ers)]
    shares = [round(w / sum(raw) * fill_to / 100, 3) for w in raw]
    shares[-1] = round(fill_to / 100 - sum(shares[:-1]), 3)
    if min(shares) <= 0:
        return
    text = (f"capacitor_plates C {{ separation: {d_mm} mm, area: {area_cm2} cm^2, dielectrics: {ers}, "
            f"fractions: {shares}, fill: {fill} }}")
    result = compile_ok(text)
    d, a = d_mm * 1e-3, area_cm2 * 1e-4
    parts = list(zip(shares, ers))
    rest = 1 - sum(shares)
    if rest > 1e-9:
        parts.append((rest, 1.0))
    if fill == "stacked":
        want = 1 / sum(s * d / (EPS0 * er * a) for s, er in parts)
    else:
        want = sum(EPS0 * er * s * a / d for s, er in parts)
    got = _facts(result, "capacitance")[("C",)]
    assert math.isclose(got, want, rel_tol=1e-5)
    singles = [v for k, v in _facts(result, "part_capacitance").items() if k[0] == "C"]
    if len(parts) > 1:
        assert len(singles) == len(parts)
        total = 1 / sum(1 / c for c in singles) if fill == "stacked" else sum(singles)
        assert math.isclose(total, want, rel_tol=1e-4)


def test_field_lines_run_from_the_positive_plate() -> None:
    for positive, sign in (("top", -1), ("bottom", 1)):
        page = compile_ok(f"capacitor_plates C {{ separation: 2 mm, positive: {positive} }}").drawing
        heads = _heads(page, "C")
        assert heads and all(math.isclose(u[1], sign) for _, u in heads)


# ---- wires ------------------------------------------------------------------------------------

@settings(max_examples=20, deadline=None)
@given(current=st.integers(1, 500), r_mm=st.integers(5, 500))
def test_wire_field_strength_is_mu0_i_over_2_pi_r(current: int, r_mm: int) -> None:
    i = current / 10
    result = compile_ok(f"long_wire w {{ I: {i} A, distance: {r_mm} mm }}\n"
                        f"wire_section s right of w {{ current: out, I: {i} A, distance: {r_mm} mm }}")
    want = MU0 * i / (2 * math.pi * r_mm * 1e-3)
    for name in ("w", "s"):
        assert math.isclose(_facts(result, "field_strength")[(name,)], want, rel_tol=1e-5)


@pytest.mark.parametrize("direction", ["up", "down", "left", "right"])
def test_long_wire_marks_follow_the_right_hand_rule(direction: str) -> None:
    page = compile_ok(f"long_wire w {{ direction: {direction} }}").drawing
    u = {"up": (0, 1, 0), "down": (0, -1, 0), "left": (-1, 0, 0), "right": (1, 0, 0)}[direction]
    a, b = page.anchors["w.start"], page.anchors["w.end"]
    assert math.isclose(b[0] - a[0], u[0] * math.dist(a, b), abs_tol=1e-6)  # the current runs start → end
    dots = [it.center for it in page.items if isinstance(it, Dot) and it.owner == "w"]
    rims = [it.center for it in page.items if isinstance(it, Circle) and it.owner == "w"]
    crosses = [c for c in rims if c not in dots]
    assert dots and crosses
    mid = page.anchors["w.center"]
    for points, out_of_page in ((dots, True), (crosses, False)):
        for p in points:
            r = (p[0] - mid[0], p[1] - mid[1], 0.0)
            assert (_cross(u, r)[2] > 0) == out_of_page


@pytest.mark.parametrize("current", ["out", "in"])
def test_wire_section_field_circle_turns_by_the_right_hand_rule(current: str) -> None:
    page = compile_ok(f"wire_section s {{ current: {current}, field: true }}").drawing
    c = page.anchors["s"]
    i = (0.0, 0.0, 1.0 if current == "out" else -1.0)
    for tip, u in _heads(page, "s"):
        r = (tip[0] - c[0], tip[1] - c[1], 0.0)
        b = _cross(i, r)  # the field direction at r
        assert b[0] * u[0] + b[1] * u[1] > 0


# ---- rails ------------------------------------------------------------------------------------

@settings(max_examples=20, deadline=None)
@given(b=st.integers(1, 20), l_cm=st.integers(10, 200), v=st.integers(1, 30), r=st.integers(1, 50),
       motion=st.sampled_from(["left", "right"]), field=st.sampled_from(["in", "out"]))
def test_rails_emf_current_and_lenz_direction(b: int, l_cm: int, v: int, r: int, motion: str, field: str) -> None:
    text = (f"rails k {{ separation: {l_cm} cm, B: {b / 10} T, speed: {v} m/s, R: {r} ohm, motion: {motion}, "
            f"field: {field} }}")
    result = compile_ok(text)
    emf = b / 10 * l_cm / 100 * v
    assert math.isclose(_facts(result, "emf")[("k",)], emf, rel_tol=1e-5)
    assert math.isclose(_facts(result, "current")[("k",)], emf / r, rel_tol=1e-5)
    vel = (1.0 if motion == "right" else -1.0, 0.0, 0.0)
    force = _cross(vel, (0.0, 0.0, 1.0 if field == "out" else -1.0))  # on a positive charge in the rod
    rod = result.drawing.anchors["k.rod"]
    on_rod = [u for tip, u in _heads(result.drawing, "k") if abs(tip[0] - rod[0]) < 1e-6]
    assert len(on_rod) == 1 and on_rod[0][1] * force[1] > 0
    assert _facts(result, "induced_current")[("k",)] == ("up" if force[1] > 0 else "down")
    # Lenz: the induced current's own field inside the circuit opposes the change of flux
    loop_ccw = (force[1] > 0) == (rod[0] > result.drawing.anchors["k.load"][0])
    flux_grows = motion == "right"
    own_out = loop_ccw
    assert own_out == ((field == "out") != flux_grows)


# ---- coils ------------------------------------------------------------------------------------

@settings(max_examples=20, deadline=None)
@given(n=st.integers(10, 5000), i=st.integers(1, 100), l_cm=st.integers(5, 100), front=st.sampled_from(["up", "down"]))
def test_solenoid_field_and_its_arrow(n: int, i: int, l_cm: int, front: str) -> None:
    result = compile_ok(f"solenoid s {{ front: {front}, I: {i / 10} A, N: {n}, length: {l_cm} cm }}")
    assert math.isclose(_facts(result, "field_strength")[("s",)], MU0 * n / (l_cm / 100) * i / 10, rel_tol=1e-5)
    # a winding's front (z > 0) carries the current up or down: m ∝ r × I gives B inside
    m = _cross((0.0, 0.0, 1.0), (0.0, 1.0 if front == "up" else -1.0, 0.0))
    arrow = next(it for it in result.drawing.items if isinstance(it, Line) and it.owner == "s" and it.role == "field")
    assert (arrow.points[-1][0] - arrow.points[0][0]) * m[0] > 0
    north = result.drawing.anchors["s.north"]
    assert (north[0] - result.drawing.anchors["s.center"][0]) * m[0] > 0


@settings(max_examples=15, deadline=None)
@given(n=st.integers(10, 5000), i=st.integers(1, 100), r_cm=st.integers(2, 100))
def test_toroid_field_is_mu0_n_i_over_2_pi_r(n: int, i: int, r_cm: int) -> None:
    result = compile_ok(f"toroid t {{ I: {i / 10} A, N: {n}, r: {r_cm} cm }}")
    want = MU0 * n * i / 10 / (2 * math.pi * r_cm / 100)
    assert math.isclose(_facts(result, "field_strength")[("t",)], want, rel_tol=1e-5)


@pytest.mark.parametrize("current,ccw", [("outward", True), ("inward", False)])
def test_toroid_field_circles_by_the_grip_rule(current: str, ccw: bool) -> None:
    result = compile_ok(f"toroid t {{ current: {current} }}")
    c = result.drawing.anchors["t"]
    blue = _heads(result.drawing, "t", "#1f5fa8")
    assert blue
    for tip, u in blue:
        turn = (tip[0] - c[0]) * u[1] - (tip[1] - c[1]) * u[0]
        assert (turn > 0) == ccw
    assert _facts(result, "field_circulation")[("t",)] == ("ccw" if ccw else "cw")


@pytest.mark.parametrize("turns", [8, 12, 24])
def test_toroid_b_label_sits_in_the_core_annulus(turns: int) -> None:
    result = compile_ok(f"toroid t {{ turns: {turns} }}")
    rings = [it for it in result.drawing.items if isinstance(it, Circle) and it.owner == "t" and it.role == "ring"]
    c, r_in, r_out = rings[0].center, min(it.radius for it in rings), max(it.radius for it in rings)
    text = next(it for it in result.drawing.items if isinstance(it, Text) and it.owner == "t" and "B" in it.text)
    assert r_in < math.hypot(text.pos[0] - c[0], text.pos[1] - c[1]) < r_out


@pytest.mark.parametrize("shell", [True, False])
def test_shell_charges_sit_on_its_surface_and_r_is_labelled(shell: bool) -> None:
    result = compile_ok(f"charged_sphere s {{ Q: -2 nC, radius: 8 cm, shell: {'true' if shell else 'false'}, "
                        "distance: 5 cm }")
    ball = next(it for it in result.drawing.items if isinstance(it, Circle) and it.owner == "s" and it.role == "sphere")
    radii = [math.hypot(it.pos[0] - ball.center[0], it.pos[1] - ball.center[1]) for it in result.drawing.items
             if isinstance(it, Text) and it.owner == "s" and it.role == "charge_sign"]
    on_surface = [abs(d - ball.radius) < 0.25 for d in radii]
    assert all(on_surface) if shell else not all(on_surface)
    assert any(lab.text.startswith("$r$ = 5 cm") for lab in result.drawing.labels)


# ---- anchors ----------------------------------------------------------------------------------

def test_drawing_items_are_placed_by_the_apparatus_anchors() -> None:
    result = compile_ok("wire_section a { current: out }\nwire_section b right of a { gap: 3, current: in }\n"
                        'dot P between [a, b] { label: "$P$" }')
    page = result.drawing
    a, b, p = page.anchors["a"], page.anchors["b"], page.anchors["P"]
    assert math.isclose(p[0], (a[0] + b[0]) / 2, abs_tol=1e-6) and math.isclose(p[1], a[1], abs_tol=1e-6)
    assert b[0] > a[0]


# ---- charged sphere ---------------------------------------------------------------------------

@settings(max_examples=20, deadline=None)
@given(q=st.integers(-50, 50).filter(bool), r_cm=st.integers(1, 50), d_cm=st.integers(1, 200), shell=st.booleans())
def test_sphere_field_is_kq_over_r2_outside_and_gauss_inside(q: int, r_cm: int, d_cm: int, shell: bool) -> None:
    result = compile_ok(f"charged_sphere s {{ Q: {q} nC, radius: {r_cm} cm, distance: {d_cm} cm, "
                        f"shell: {str(shell).lower()} }}")
    k = 1 / (4 * math.pi * EPS0)
    qc, big_r, r = q * 1e-9, r_cm / 100, d_cm / 100
    want = k * qc / r ** 2 if r >= big_r else (0.0 if shell else k * qc * r / big_r ** 3)
    assert math.isclose(_facts(result, "field_strength")[("s",)], want, rel_tol=1e-5, abs_tol=1e-12)
    centre, heads = result.drawing.anchors["s"], _heads(result.drawing, "s")
    for tip, u in heads:  # field lines leave a positive charge and enter a negative one
        assert ((tip[0] - centre[0]) * u[0] + (tip[1] - centre[1]) * u[1] > 0) == (q > 0)


@pytest.mark.parametrize("kind", ["capacitor_plates", "wire_section", "long_wire", "rails", "solenoid", "toroid",
                                  "charged_sphere"])
def test_every_member_is_an_anchor_on_the_page(kind: str) -> None:
    from scidsl.registry import kind_class

    cls = kind_class(kind)
    result = compile_ok(cls.example)
    node = next(n for n in result.scene.items if n.kind == kind)
    missing = [m for m in node.members() if f"{node.name}.{m}" not in result.drawing.anchors]
    assert not missing
