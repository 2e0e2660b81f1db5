"""Hemispheres and composite solids, equal-length marks and free points in space."""
from __future__ import annotations

import math

import scidsl
from tests.conftest import compile_ok as _compile


def _volume(result, key: str) -> float:  # type: ignore[no-untyped-def]
    return next(f.value for f in result.facts if f.predicate == "volume" and f.args[0] == key)


def test_hemisphere_volume_is_half_a_sphere() -> None:
    result = _compile("hemisphere { radius: 3 cm }\nsphere { radius: 3 cm }")
    assert math.isclose(float(_volume(result, "hemisphere 1")), 18 * math.pi)
    assert math.isclose(float(_volume(result, "sphere 1")), 36 * math.pi)


def test_a_dome_hides_the_back_of_its_rim_and_a_bowl_shows_all_of_it() -> None:
    up = _compile("hemisphere h { radius: 3 cm, dome: up }")
    down = _compile("hemisphere h { radius: 3 cm, dome: down }")
    assert any(it.role == "curve hidden" for it in up.drawing.items if getattr(it, "owner", "") == "h")
    assert not any(it.role == "curve hidden" for it in down.drawing.items if getattr(it, "owner", "") == "h")


def test_cone_on_hemisphere_solves_the_slant_height() -> None:
    result = _compile("hemisphere { radius: 3 cm, dome: down, center: O, rim: A }\n"
                      "cone { radius: 3 cm, height: 4 cm, apex: V, at: (0, 0, 0) }\ngiven length(VA) = l")
    assert next(f.value for f in result.facts if f.predicate == "unknown") == 5


def test_tick_marks_are_drawn_and_checked() -> None:
    ok = _compile("cube ABCDEFGH { side: 4 cm }\nsegment3d AC { ticks: 2 }\nsegment3d BG { ticks: 2 }")
    assert sum(1 for it in ok.drawing.items if getattr(it, "role", "") == "tick") == 4
    bad = scidsl.compile("cube ABCDEFGH { side: 4 cm }\nsegment3d AC { ticks: 2 }\nsegment3d AG { ticks: 2 }", "t.sdl")
    assert [d.code for d in bad.errors] == ["E8530"]


def test_free_point_in_space_sits_at_its_coordinates() -> None:
    result = _compile("cube ABCDEFGH { side: 4 cm }\npoint3d P at (2, 2, 8)\nsegment3d GP")  # G = (2, 2, 4): the base is centred
    assert next(f.value for f in result.facts if f.args == ("G", "P") or "GP" in f.text) == 4
