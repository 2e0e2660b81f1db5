"""Optics and field figures measured on the page: primes, true angles, names clear of rays, field lines."""
from __future__ import annotations

import math
import re

import pytest

from scidsl.primitives import Line, Text
from tests.conftest import compile_ok

TELESCOPE = ('optical_bench T { beam: 4 deg, image: infinity, show: [focal_points, focal_lengths] }\n'
             'bench_lens Ob on T at 0 cm { focal: 20 cm }\nbench_lens Ey on T at 25 cm { focal: 5 cm }\n')


def _texts(result) -> list[Text]:  # type: ignore[no-untyped-def]
    return [i for i in result.drawing.items if isinstance(i, Text)] + list(result.texts)


def _box(t: Text):  # type: ignore[no-untyped-def]
    from scidsl.labels import text_box

    return text_box(t.text, t.size, t.pos, t.ha, t.va, t.rotation)


@pytest.mark.parametrize("text", [TELESCOPE, 'refraction r { n1: 1.33, n2: 1.0, incidence: 30 deg }\n'])
def test_primes_are_full_size_primes_not_accents(text: str) -> None:
    result = compile_ok(text)
    maths = [m for t in _texts(result) for m in re.findall(r"\$[^$]*\$", t.text)]
    assert any(r"\prime" in m for m in maths)
    assert not [m for m in maths if "'" in m or r"^{\prime}" in m]  # STIX draws both as an accent-like tick


@pytest.mark.parametrize("degrees", [2.0, 4.0, 10.0])
def test_a_beam_is_drawn_at_its_stated_angle(degrees: float) -> None:
    result = compile_ok(TELESCOPE.replace("4 deg", f"{degrees:g} deg"))
    rays = [i for i in result.drawing.items if isinstance(i, Line) and i.owner == "T" and i.role == "ray"]
    assert len(rays) == 3
    for ray in rays:
        (x0, y0), (x1, y1) = ray.points[:2]
        assert math.degrees(math.atan2(y1 - y0, x1 - x0)) == pytest.approx(degrees, abs=0.5)


def test_stretched_heights_are_stated_on_the_page() -> None:
    result = compile_ok('optical_bench B { object_at: 0 cm }\nbench_lens L on B at 15 cm { focal: 10 cm }\n')
    notes = [t.text for t in _texts(result) if t.text.startswith("heights drawn ×")]
    assert len(notes) == 1
    factor = float(notes[0].split("×")[1])
    obj = [i for i in result.drawing.items if isinstance(i, Line) and i.role == "object"][0]
    lens = [i for i in result.drawing.items if isinstance(i, Line) and i.role == "lens" and i.owner == "L"][0]
    sx = (lens.points[0][0] - obj.points[0][0]) / 15.0  # page cm per world cm along the axis
    assert factor > 1
    height = abs(obj.points[1][1] - obj.points[0][1])  # the object is 1 cm high
    assert height == pytest.approx(factor * sx, rel=1e-6)


@pytest.mark.parametrize("text", [
    TELESCOPE,
    'optical_bench B { object_at: 0 cm }\nbench_lens L1 on B at 4 cm { focal: -6 cm }\n'
    'bench_lens L2 on B at 12 cm { focal: 5 cm }\n',
])
def test_focal_point_names_sit_clear_of_the_rays(text: str) -> None:
    from scidsl.labels import stroke_geometry

    result = compile_ok(text)
    rays = [stroke_geometry(i) for i in result.drawing.items if isinstance(i, Line)
            and i.role in ("ray", "extension")]
    names = [t for t in _texts(result) if t.role == "point_name"]
    assert names
    for t in names:
        assert not any(r.intersects(_box(t)) for r in rays), t.text


# ---- capacitor plates -------------------------------------------------------------------------------------

def _plate_page(text: str):  # type: ignore[no-untyped-def]
    page = compile_ok(text).drawing
    lines = [i for i in page.items if isinstance(i, Line) and i.owner == "C"]
    return page, lines


def _cells(lines: list) -> list[tuple[float, float, float, float]]:
    boxes = []
    for it in lines:
        if it.role == "dielectric":
            xs, ys = [p[0] for p in it.points], [p[1] for p in it.points]
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def _count_within(field: list, lo: float, hi: float) -> int:
    """How many field line pieces lie between the heights lo and hi."""
    return sum(1 for f in field if min(p[1] for p in f.points) >= lo - 1e-6 and max(p[1] for p in f.points) <= hi + 1e-6)


@pytest.mark.parametrize("positive", ["top", "bottom"])
def test_stacked_slabs_follow_the_order_written_from_the_positive_plate(positive: str) -> None:
    _, lines = _plate_page(f"capacitor_plates C {{ separation: 3 mm, dielectrics: [2, 6], fractions: [0.3, 0.4], "
                           f"positive: {positive} }}")
    plates = sorted((i for i in lines if i.role == "plate"), key=lambda i: i.points[0][1])
    plus = plates[-1].points[0][1] if positive == "top" else plates[0].points[0][1]
    first, second = _cells(lines)  # drawn in the order written
    near = (lambda c: c[3]) if positive == "top" else (lambda c: c[1])
    assert near(first) == pytest.approx(plus)  # the first slab lies on the + plate
    assert abs(near(second) - plus) == pytest.approx(first[3] - first[1])  # the second right after it


def test_field_lines_in_a_stacked_dielectric_thin_as_one_over_er() -> None:
    _, lines = _plate_page("capacitor_plates C { separation: 3 mm, dielectrics: [2, 6], fractions: [0.3, 0.4], "
                           "lines: 12 }")
    cells = _cells(lines)
    field = [i for i in lines if i.role == "field_line"]
    air = (min(c[1] for c in cells) - 10, min(c[1] for c in cells))
    counts = [_count_within(field, c[1], c[3]) for c in cells] + [_count_within(field, *air)]
    assert counts == [6, 2, 12]  # E ∝ 1/εr: εr 2, 6 and the air left at the − plate


def test_side_by_side_keeps_every_field_line_names_clear_and_signs_dense_as_the_free_charge() -> None:
    from scidsl.labels import stroke_geometry

    page, lines = _plate_page("capacitor_plates C { separation: 2 mm, area: 100 cm^2, dielectrics: [2, 4], "
                              "fill: side_by_side, lines: 8 }")
    field = [i for i in lines if i.role == "field_line"]
    assert len(field) == 8
    names = [t for t in page.items if isinstance(t, Text) and t.role == "dielectric_name"]
    assert len(names) == 2
    assert not any(stroke_geometry(f).intersects(_box(t)) for f in field for t in names)
    cells = _cells(lines)
    top = max(t.pos[1] for t in page.items if isinstance(t, Text) and t.role == "charge_sign")
    plus = [t.pos[0] for t in page.items if isinstance(t, Text) and t.role == "charge_sign" and t.pos[1] == top]
    per = [sum(1 for x in plus if c[0] < x < c[2]) for c in cells]
    assert per[1] == 2 * per[0]  # σ = ε0·εr·V/d: twice the free charge over εr = 4
    signs = [t for t in page.items if isinstance(t, Text) and t.role == "charge_sign"]
    assert len(signs) == 2 * len(plus)  # the − plate keeps every sign: the leaders pass between them
    leaders = [stroke_geometry(i) for i in lines if i.role == "leader"]
    assert leaders and not any(g.intersects(_box(t)) for g in leaders for t in signs)


# ---- wave optics and photocells -------------------------------------------------------------------------

def _owned(result, owner: str, role: str) -> list:  # type: ignore[no-untyped-def]
    return [i for i in result.drawing.items if getattr(i, "owner", None) == owner and i.role == role]


@pytest.mark.parametrize("n1, n2", [(1.0, 1.5), (1.33, 1.0), (1.5, 1.2)])
def test_the_denser_medium_is_tinted(n1: float, n2: float) -> None:
    result = compile_ok(f"refraction r {{ n1: {n1}, n2: {n2}, incidence: 30 deg }}")
    (medium,) = _owned(result, "r", "medium")
    boundary = _owned(result, "r", "boundary")[0].points[0][1]
    centre = sum(p[1] for p in medium.points) / len(medium.points)
    assert (centre > boundary) == (n1 > n2)  # above the boundary is medium 1


def test_total_internal_reflection_is_named_at_its_face() -> None:
    from shapely.geometry import Point

    result = compile_ok("optical_prism p { apex: 60 deg, n: 1.5, incidence: 20 deg }")
    (note,) = [t for t in _texts(result) if t.text == "total internal reflection"]
    inside = _owned(result, "p", "inside")[0].points
    hit = inside[-1]  # the ray inside the prism ends where it is totally reflected
    assert _box(note).distance(Point(hit)) < 0.5


@pytest.mark.parametrize("incidence", [30, 45, 60])
def test_delta_is_named_inside_its_angle(incidence: int) -> None:
    from shapely.geometry import Polygon

    result = compile_ok(f"optical_prism p {{ apex: 60 deg, n: 1.5, incidence: {incidence} deg }}")
    arc = [a for a in _owned(result, "p", "angle") if abs((a.theta2 - a.theta1) % 360) > 0][-1]
    (delta,) = [t for t in _texts(result) if t.text == r"$\delta$"]
    cx, cy = delta.pos
    direction = math.degrees(math.atan2(cy - arc.center[1], cx - arc.center[0]))
    assert (direction - arc.theta1) % 360 <= (arc.theta2 - arc.theta1) % 360  # between the two arms
    assert abs(math.dist(delta.pos, arc.center) - arc.radius) < 0.6  # at its arc
    prism = _owned(result, "p", "prism")[0]
    assert not _box(delta).intersects(Polygon(prism.points))  # past the exit, not crowded against the face


def test_photons_fall_parallel_and_clear_of_each_other() -> None:
    from shapely.geometry import LineString

    result = compile_ok("photoelectric p { wavelength: 400 nm, work_function: 2.3 eV }")
    photons = _owned(result, "p", "photon")
    assert len(photons) == 3
    heading = {round(math.degrees(math.atan2(p.points[-1][1] - p.points[0][1], p.points[-1][0] - p.points[0][0])), 6)
               for p in photons}
    assert len(heading) == 1  # one direction of light
    paths = [LineString(p.points) for p in photons]
    assert min(a.distance(b) for i, a in enumerate(paths) for b in paths[i + 1:]) >= 0.15  # wiggles never meet


@pytest.mark.parametrize("text", [
    "interferometer m { arms: [12 cm, 10 cm], wavelength: 633 nm, shift: 0.1 mm }",
    "double_slit s { separation: 0.1 mm, distance: 2 m, wavelength: 500 nm, width: 0.03 mm, orders: 5 }",
])
def test_every_given_of_an_apparatus_is_on_the_page(text: str) -> None:
    result = compile_ok(text)
    (unshown,) = [f for f in result.facts if f.predicate == "unshown_givens"]
    assert unshown.value == []


def test_a_ray_aimed_at_a_corner_enters_elsewhere_and_leaves() -> None:
    result = compile_ok("optical_prism p { apex: 60 deg, n: 1.5, incidence: 0 deg }")  # the normal meets a corner
    corners = _owned(result, "p", "prism")[0].points
    inside = [p for it in _owned(result, "p", "inside") for p in it.points]
    assert min(math.dist(p, c) for p in inside for c in corners) > 0.2
    assert _owned(result, "p", "emergent")  # totally reflected at the second face, it leaves by the base
