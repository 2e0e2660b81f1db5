"""Thin-lens ray diagrams: the lens equation, the principal rays and their facts."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scidsl
from scidsl.domains.draw.optics import image_distance, trace


def _on_line(p, a, b) -> float:  # type: ignore[no-untyped-def]
    """Distance of p from the line through a and b."""
    (x, y), (x1, y1), (x2, y2) = p, a, b
    return abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / math.hypot(x2 - x1, y2 - y1)


def test_lens_equation() -> None:
    assert image_distance(2, 3) == pytest.approx(6)
    assert image_distance(2, 1) == pytest.approx(-2)
    assert image_distance(-2, 2) == pytest.approx(-1)
    assert image_distance(2, 2) is None


@settings(max_examples=60, deadline=None)
@given(st.floats(0.5, 5) | st.floats(-5, -0.5), st.floats(0.3, 8), st.floats(-2, 2).filter(lambda h: abs(h) > 0.1))
def test_every_ray_meets_the_image_tip(f: float, d: float, h: float) -> None:
    tr = trace((0.0, 0.0), f, d, h)
    if tr.image_tip is None:
        return
    for ray in tr.rays:  # the outgoing ray, or its backward extension, passes through the image tip
        assert _on_line(tr.image_tip, ray[1], ray[2]) < 1e-6 * max(1.0, abs(tr.image_tip[0]))
    assert tr.real == (tr.image_distance > 0)
    assert len(tr.virtual) == (0 if tr.real else 3)


def test_object_at_the_focal_point_has_no_image() -> None:
    tr = trace((0.0, 0.0), 2.0, 2.0, 1.0)
    assert tr.image_tip is None and tr.rays


def _facts(text: str) -> dict[str, object]:
    result = scidsl.compile(text)
    assert result.ok, [d.message for d in result.diagnostics]
    return {f.predicate: f for f in result.facts}  # type: ignore[return-value]


def test_ray_diagram_facts_real_and_virtual() -> None:
    real = _facts("lens L at (0, 0) { focal: 2 }\nray_diagram r { lens: L, distance: 3, height: 1 }")
    assert real["image"].value == pytest.approx(6) and real["image"].args[1:] == ("real", "inverted")
    assert real["magnification"].value == pytest.approx(-2)
    virtual = _facts("lens L at (0, 0) { focal: 2, type: diverging }\nray_diagram r { lens: L, distance: 2 }")
    assert virtual["image"].args[1:] == ("virtual", "upright") and virtual["image"].value == pytest.approx(-1)


def test_ray_diagram_draws_object_image_and_three_rays() -> None:
    r = scidsl.compile("lens L at (0, 0) { focal: 2 }\nray_diagram r { lens: L, distance: 1, height: 1 }")
    roles = [it.role for it in r.drawing.items if getattr(it, "owner", None) == "r"]
    assert roles.count("ray") == 3 and roles.count("virtual") == 3 and "object" in roles and "image" in roles
    assert {"object", "image"} <= {t.text for t in r.texts}


def test_a_ray_diagram_cannot_be_grouped() -> None:
    r = scidsl.compile("lens L at (0, 0) { focal: 2 }\nray_diagram r { lens: L, distance: 3 }\n"
                       "group g { items: [r], rotate: 10 deg }")
    assert [d.code for d in r.diagnostics] == ["E4005"]


def test_concave_mirror_forms_a_real_image_in_front() -> None:
    r = scidsl.compile("spherical_mirror M at (0, 0) { focal: 2, height: 3 }\nray_diagram o { lens: M, distance: 5 }")
    assert r.ok, [d.message for d in r.diagnostics]
    image = next(f for f in r.facts if f.predicate == "image")
    assert image.value == pytest.approx(10 / 3) and image.args[1:] == ("real", "inverted")
    a = r.drawing.anchors
    assert a["o.image"][0] < a["M.center"][0]  # on the side the light comes from
    assert a["M.C"][0] < a["M.F"][0] < a["M.center"][0]


def test_convex_mirror_image_is_virtual_behind_it() -> None:
    r = scidsl.compile("spherical_mirror M at (0, 0) { focal: 2, type: convex }\nray_diagram o { lens: M, distance: 3 }")
    assert r.ok, [d.message for d in r.diagnostics]
    image = next(f for f in r.facts if f.predicate == "image")
    assert image.args[1:] == ("virtual", "upright")
    a = r.drawing.anchors
    assert a["o.image"][0] > a["M.center"][0] and a["M.F"][0] > a["M.center"][0]


@settings(max_examples=40, deadline=None)
@given(st.floats(0.5, 5) | st.floats(-5, -0.5), st.floats(0.3, 8))
def test_mirror_rays_meet_the_image_tip(f: float, d: float) -> None:
    tr = trace((0.0, 0.0), f, d, 1.0, mirror=True)
    if tr.image_tip is None:
        return
    for ray in tr.rays:
        assert ray[2][0] < ray[1][0] + 1e-9  # reflected back towards the object side
        assert _on_line(tr.image_tip, ray[1], ray[2]) < 1e-6 * max(1.0, abs(tr.image_tip[0]))


@settings(max_examples=40, deadline=None)
@given(st.floats(0.5, 5) | st.floats(-5, -0.5), st.floats(0.3, 8))
def test_sphere_rays_meet_the_image_tip(f: float, d: float) -> None:
    tr = trace((0.0, 0.0), f, d, 1.0, mirror=True, radius=2 * abs(f))
    if tr.image_tip is None:
        return
    for ray in tr.rays:
        assert _on_line(tr.image_tip, ray[1], ray[2]) < 1e-6 * max(1.0, abs(tr.image_tip[0]))


def _turns_on_the_arc(source: str) -> list[float]:
    """How far (cm on the page) each ray's turning point lies from the drawn mirror arc."""
    from scidsl.primitives import Arc, Line

    r = scidsl.compile(source)
    assert r.ok, [d.message for d in r.diagnostics]
    arc = next(it for it in r.drawing.items if isinstance(it, Arc) and it.role == "mirror")
    rays = [it for it in r.drawing.items if isinstance(it, Line) and it.role == "ray"]
    assert len(rays) == 3
    out = []
    for ray in rays:
        p = ray.points[1]
        out.append(abs(math.dist(p, arc.center) - arc.radius))
        turn = math.degrees(math.atan2(p[1] - arc.center[1], p[0] - arc.center[0]))
        assert (turn - arc.theta1) % 360 <= (arc.theta2 - arc.theta1) % 360 + 1e-6  # on the drawn part
    return out


@pytest.mark.parametrize("kind,distance", [("concave", 5), ("concave", 0.5), ("convex", 3), ("convex", 6)])
def test_rays_turn_on_the_drawn_mirror_surface(kind: str, distance: float) -> None:
    src = (f"spherical_mirror M at (1, -2) {{ focal: 2, height: 3, type: {kind} }}\n"
           f"ray_diagram o {{ lens: M, distance: {distance}, height: 1 }}")
    assert max(_turns_on_the_arc(src)) < 1e-6


def test_the_mirror_arc_passes_through_its_vertex() -> None:
    from scidsl.primitives import Arc

    for kind in ("concave", "convex"):
        r = scidsl.compile(f"spherical_mirror M at (2, 1) {{ focal: 2, height: 3, type: {kind} }}")
        arc = next(it for it in r.drawing.items if isinstance(it, Arc))
        assert math.dist(arc.center, (2, 1)) == pytest.approx(arc.radius)
        assert math.dist(arc.center, r.drawing.anchors["M.top"]) == pytest.approx(arc.radius)


def test_focal_point_labels_sit_beside_their_dots() -> None:
    r = scidsl.compile("spherical_mirror M at (0, 0) { focal: 2, height: 3 }\n"
                       "ray_diagram o { lens: M, distance: 5, height: 1 }")
    assert r.ok, [d.message for d in r.diagnostics]
    from scidsl.primitives import Text

    texts = {t.text: t.pos for t in list(r.texts) + [it for it in r.drawing.items if isinstance(it, Text)]}
    assert math.dist(texts["$F$"], r.drawing.anchors["M.F"]) < 0.45
    assert math.dist(texts["$C$"], r.drawing.anchors["M.C"]) < 0.45


@pytest.mark.parametrize("source", [
    "spherical_mirror M at (0, 0) { focal: 2, height: 3 }\nray_diagram o { lens: M, distance: 1.2, height: 1 }",
    "lens M at (0, 0) { focal: 2, height: 2 }\nray_diagram o { lens: M, distance: 3, height: 1 }",
])
def test_rays_beyond_the_drawn_optic_meet_its_dashed_continuation(source: str) -> None:
    from shapely.geometry import LineString, Point

    from scidsl.primitives import Line

    r = scidsl.compile(source)
    assert r.ok, [d.message for d in r.diagnostics]
    items = [it for it in r.drawing.items if isinstance(it, Line)]
    extensions = [LineString(it.points) for it in items if it.role == "extension"]
    top, bottom = r.drawing.anchors["M.top"], r.drawing.anchors["M.bottom"]
    beyond = [it.points[1] for it in items if it.role == "ray" and not bottom[1] <= it.points[1][1] <= top[1]]
    assert beyond  # the scene has a ray that passes the optic's drawn end
    for p in beyond:
        assert min(ext.distance(Point(p)) for ext in extensions) < 1e-3
