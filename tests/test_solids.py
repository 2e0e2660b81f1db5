"""Solid geometry: solved dimensions, exact facts, hidden edges and the page check."""
from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import scidsl
from scidsl.primitives import Line
from tests.conftest import compile_ok as _compile
from tests.conftest import domain_context

CODES_TESTED_HERE = ("E8512", "E8513")


def _facts(result) -> dict:  # type: ignore[no-untyped-def]
    return {(f.predicate, tuple(f.args)): f for f in result.facts}


def _layout(result):  # type: ignore[no-untyped-def]
    from scidsl import registry

    return registry.implementation("solids").layout(domain_context(result, "solids"))


REFERENCE = """pyramid VABCD { side: 12 cm }
point3d W at center(ABCD)
segment3d VW
given length(VA) = 23 cm
given angle(VAW) = theta
"""


def test_reference_pyramid_height_and_angle_are_exact() -> None:
    facts = _facts(_compile(REFERENCE))
    assert facts[("dimension", ("VABCD", "height"))].text.endswith("sqrt(457) ≈ 21.38 cm")
    angle = facts[("angle", ("V", "A", "W"))]
    assert angle.value == pytest.approx(math.degrees(math.acos(6 * math.sqrt(2) / 23)))
    assert "acos(6*sqrt(2)/23)" in angle.text
    assert facts[("unknown", ("theta", "angle", "VAW"))].value == pytest.approx(68.3506, abs=1e-4)


def test_impossible_edge_names_both_statements() -> None:
    result = scidsl.compile("pyramid VABCD { side: 12 cm }\ngiven length(VA) = 5 cm\n", "t.sdl")
    [d] = result.errors
    assert d.code == "E8508" and d.span.line == 2 and "8.485" in d.message
    assert [r[0].line for r in d.related] == [1]


def test_lengths_are_routed_to_solids_only_in_solid_scenes() -> None:
    plane = scidsl.compile("triangle ABC\ngiven length(AB) = 5 cm\n", "t.sdl")
    assert plane.ok and not any(f.predicate == "dimension" for f in plane.facts)
    solid = _compile("cube ABCDEFGH { side: 2 cm }\ngiven length(AG) = x\n")
    assert _facts(solid)[("length", ("A", "G"))].text == "AG = 2*sqrt(3) ≈ 3.464 cm"


def _dashed_edges(result) -> set:  # type: ignore[no-untyped-def]
    lay = _layout(result)
    return {frozenset(s.ends) for s in lay.strokes if s.role == "edge" and all(h for _, h in s.parts)}


@pytest.mark.parametrize("view", ["", "view { projection: axonometric }\n",
                                  "view { projection: axonometric, azimuth: -30 deg, elevation: 35 deg }\n"])
def test_cube_hides_the_three_edges_at_the_back_corner(view: str) -> None:
    result = _compile(view + "cube ABCDEFGH { side: 3 cm }\n")
    hidden = _dashed_edges(result)
    assert len(hidden) == 3
    corner = set.intersection(*(set(e) for e in hidden))
    assert len(corner) == 1  # all three meet at one vertex, the one farthest from the eye


def test_height_inside_a_cone_is_dashed_and_the_slant_solid() -> None:
    result = _compile("cone { radius: 5 cm, slant_height: 13 cm, apex: V, center: O, rim: A }\nsegment3d VO\nsegment3d VA\n")
    lay = _layout(result)
    parts = {s.ends: s.parts for s in lay.strokes if s.role == "segment"}
    assert all(h for _, h in parts[("V", "O")])
    assert not any(h for _, h in parts[("V", "A")])
    assert _facts(result)[("dimension", ("cone 1", "height"))].value == pytest.approx(12)


def test_moved_vertex_is_reported() -> None:
    from scidsl.domains.solids.domain import verify_page

    result = _compile(REFERENCE)
    lay = _layout(result)
    assert verify_page(lay, result.drawing) == []
    page = result.drawing
    moved = replace(page, anchors={**page.anchors, "V": (page.anchors["V"][0] + 0.3, page.anchors["V"][1])})
    assert [d.code for d in verify_page(lay, moved)] == ["E8512"]


def test_solid_drawn_hidden_edge_is_reported() -> None:
    from scidsl.domains.solids.domain import verify_page

    result = _compile("cube ABCDEFGH { side: 3 cm }\n")
    lay = _layout(result)
    page = result.drawing
    items = [replace(it, stroke=replace(it.stroke, dash=None)) if isinstance(it, Line) and it.role == "edge hidden"
             else it for it in page.items]
    codes = [d.code for d in verify_page(lay, replace(page, items=items))]
    assert codes == ["E8513"] * 3


@settings(max_examples=12, deadline=None)
@given(st.integers(1, 20), st.integers(1, 20), st.integers(1, 20))
def test_cuboid_space_diagonal_matches_the_formula(a: int, b: int, c: int) -> None:
    assume(max(a, b, c) <= 12 * min(a, b, c))  # beyond, edges run into each other (see the test below)
    result = _compile(f"cuboid ABCDEFGH {{ length: {a} cm, width: {b} cm, height: {c} cm }}\nsegment3d AG\n")
    facts = _facts(result)
    assert facts[("length", ("A", "G"))].value == pytest.approx(math.sqrt(a * a + b * b + c * c))
    assert facts[("volume", ("ABCDEFGH",))].value == pytest.approx(a * b * c)


@settings(max_examples=12, deadline=None)
@given(st.integers(3, 8), st.floats(1, 30), st.floats(1.2, 2))  # flatter ones crowd their vertex names (E5013)
@example(n=7, side=1.0, factor=1.662109375)  # a back edge seen right behind a front one: not a wrong dash
def test_regular_pyramid_height_from_the_edge(n: int, side: float, factor: float) -> None:
    names = "V" + "ABCDEFGH"[:n]
    circum = side / (2 * math.sin(math.pi / n))
    edge = round(circum * factor, 3)
    result = _compile(f"pyramid {names} {{ side: {side:.3f} cm }}\ngiven length(VA) = {edge} cm\n")
    h = _facts(result)[("dimension", (names, "height"))].value
    r = round(side, 3) / (2 * math.sin(math.pi / n))
    assert h == pytest.approx(math.sqrt(edge ** 2 - r ** 2), rel=1e-6)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["cylinder", "cone", "frustum", "sphere"]), st.integers(1, 15), st.integers(1, 15))
@example(kind="frustum", r=12, h=1)  # flat, seen from above: the top radius's value fell on the base radius
def test_round_solids_compile_verify_and_give_their_volume(kind: str, r: int, h: int) -> None:
    props = {"cylinder": f"radius: {r} cm, height: {h} cm", "cone": f"radius: {r} cm, height: {h} cm",
             "frustum": f"radius: {r + 1} cm, top_radius: {r / 2} cm, height: {h} cm",
             "sphere": f"radius: {r} cm"}[kind]
    result = _compile(f"{kind} {{ {props}, center: O }}\n")
    vol = _facts(result)[("volume", (f"{kind} 1",))].value
    want = {"cylinder": math.pi * r * r * h, "cone": math.pi * r * r * h / 3,
            "frustum": math.pi * h * ((r + 1) ** 2 + (r + 1) * r / 2 + (r / 2) ** 2) / 3,
            "sphere": 4 / 3 * math.pi * r ** 3}[kind]
    assert vol == pytest.approx(want)


@settings(max_examples=10, deadline=None)
@given(st.integers(3, 6), st.floats(0.5, 20), st.floats(0.5, 20), st.booleans())
def test_random_prisms_compile_and_verify(n: int, side: float, height: float, axo: bool) -> None:
    assume(height <= 6 * side)  # a needle's base has no room for its vertex names (see the test below)
    names = "ABCDEFGHIJKL"[:2 * n]
    view = "view { projection: axonometric }\n" if axo else ""
    result = _compile(f"{view}prism {names} {{ side: {side:.2f} cm, height: {height:.2f} cm }}\n")
    lay = _layout(result)
    assert len([s for s in lay.strokes if s.role == "edge"]) == 3 * n


@pytest.mark.parametrize("text, code", [
    ("prism ABCDEFGHIJKL { side: 0.5 cm, height: 8 cm }", "E5013"),
    ("pyramid VABCDEFGH { side: 5 cm }\ngiven length(VA) = 26.1 cm", "E5013"),
    ("cuboid ABCDEFGH { length: 1 cm, width: 1 cm, height: 20 cm }\nsegment3d AG", "E5012")])
def test_solids_too_thin_to_read_are_refused_not_drawn_ambiguously(text: str, code: str) -> None:
    result = scidsl.compile(text)
    assert code in [d.code for d in result.errors]


SOLIDS = {
    "cuboid": "cuboid ABCDEFGH { length: {a} cm, width: {b} cm, height: {c} cm }",
    "pyramid": "pyramid VABCD { base: rectangle, length: {a} cm, width: {b} cm, height: {c} cm }",
    "tetrahedron": "tetrahedron ABCD { side: {a} cm }",
    "prism": "prism ABCDEF { corners: [(0, 0), ({a}, 0), (0, {b})], height: {c} cm }",
    "cylinder": "cylinder { radius: {a} cm, height: {c} cm, center: O, rim: A }",
    "cone": "cone { radius: {a} cm, height: {c} cm, apex: V, center: O, rim: A }",
    "frustum": "frustum { radius: {a} cm, top_radius: {half} cm, height: {c} cm, center: O, top: P }",
}


# Views of 20° and steeper: below that, the names of a thin solid's corners can crowd (E5013), a known
# limitation (a cuboid 12 × 11 × 1 at 13° oblique; a cone of radius 1 and height 6 at 16° elevation). A
# solid thinner than 1:6 may also be refused with E5013 in steeper views (a pyramid 1 × 1 × 12, a cone of
# radius 1 and height 7 at 20°: a value or a corner name crowded by a line it does not belong to), never
# drawn crowded and never refused for anything else.
_DIMENSIONS = {"cuboid": "abc", "pyramid": "abc", "tetrahedron": "a", "prism": "abc", "cylinder": "ac", "cone": "ac",
               "frustum": "ac"}
@settings(max_examples=14, deadline=None)
@given(st.sampled_from(sorted(SOLIDS)), st.integers(1, 12), st.integers(1, 12), st.integers(1, 12),
       st.sampled_from(["oblique", "axonometric"]), st.integers(20, 80), st.integers(-60, 60))
# a thin cone's silhouette read as hidden by its own faces for its last millimetre at the apex, so it
# stopped just short of the height line it converges with there (E5012)
@example("cone", 1, 1, 10, "oblique", 20, 0)
@example("cone", 1, 1, 7, "axonometric", 20, -8)  # refused with E5013: the radius's value by the height line
@example("frustum", 2, 1, 1, "oblique", 80, 0)  # the top radius along +x ran on the base's far rim (E5012)
@example("cuboid", 2, 2, 10, "axonometric", 20, -19)  # the height on AE, its value beside DH, the leftmost (E5013)
@example("cuboid", 2, 11, 2, "axonometric", 43, -24)  # the width on BC, inside the outline; AD is the lowest (E5013)
def test_random_solids_in_random_views_compile_and_verify(kind: str, a: int, b: int, c: int, projection: str,
                                                          tilt: int, turn: int) -> None:
    view = (f"view {{ projection: oblique, angle: {tilt} deg }}" if projection == "oblique"
            else f"view {{ projection: axonometric, elevation: {tilt} deg, azimuth: {turn} deg }}")
    solid = SOLIDS[kind].replace("{a}", str(a)).replace("{b}", str(b)).replace("{c}", str(c)).replace(
        "{half}", str(a / 2))
    sizes = [{"a": a, "b": b, "c": c}[d] for d in _DIMENSIONS[kind]]
    result = scidsl.compile(f"{view}\n{solid}\n", "t.sdl")
    if not result.ok and max(sizes) > 6 * min(sizes):
        assert {d.code for d in result.errors} == {"E5013"}, [(d.code, d.message) for d in result.diagnostics]
        return
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    assert any(f.predicate == "volume" for f in result.facts)


def test_each_of_two_cubes_hides_its_own_back_corner() -> None:
    result = _compile("cube ABCDEFGH { side: 2 cm }\ncube KLMNPQRS { side: 3 cm }\n")
    assert len(_dashed_edges(result)) == 6


def test_exact_forms_of_facts() -> None:
    cone = _facts(_compile("cone { radius: 5 cm, slant_height: 13 cm }\n"))
    assert cone[("volume", ("cone 1",))].text == "volume of cone 1 = 100*pi ≈ 314.2 cm^3"
    prism = _facts(_compile("prism ABCDEFGHIJ { side: 2 cm, height: 3 cm }\n"))
    assert prism[("edge", ("B", "C"))].text == "BC = 2 cm"  # a pentagon's edge, through cos(π/5)
    box = _facts(_compile("cuboid ABCDEFGH { length: 1.5 cm, width: 2 cm, height: 6 cm }\nsegment3d AG\n"))
    assert box[("length", ("A", "G"))].text == "AG = 6.5 cm"


@pytest.mark.parametrize("view, radius", [("view { projection: oblique, angle: 12 deg }", 9),
                                          ("view { projection: axonometric, elevation: 18 deg, azimuth: 0 deg }", 3),
                                          ("view { projection: axonometric, elevation: 10 deg, azimuth: -2 deg }", 11)])
def test_a_flat_cylinder_seen_from_low_draws_its_radius_clear_of_the_other_rim(view: str, radius: int) -> None:
    # Seen from low, the far rim of the bottom face passes right by the top face's centre: a radius drawn
    # along +x ran beside it (E5012); the radius turns about the axis to a direction clear of the rims.
    result = scidsl.compile(f"{view}\ncylinder {{ radius: {radius} cm, height: 1 cm, center: O, rim: A }}\n")
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    (points,) = [item.points for item in result.drawing.items if getattr(item, "owner", None) == "cylinder 1.radius"]
    assert abs(points[-1][1] - points[0][1]) > 0.1  # cm: turned off the page's horizontal, where +x is drawn
