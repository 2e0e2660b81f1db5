"""Uniform fields passing behind bodies, and reference scenes whose bodies must keep clear of each other."""
from __future__ import annotations

import math

from shapely.geometry import LineString, Point

import scidsl
from scidsl.primitives import Line


def _compiled(source: str):  # type: ignore[no-untyped-def]
    r = scidsl.compile(source)
    assert r.ok, [d.message for d in r.diagnostics]
    return r


def test_field_lines_stop_at_a_body_and_resume_after_it() -> None:
    r = _compiled("disk ball at (0, 0) { radius: 1 }\n"
                  "field E from (-3, -0.9) to (3, 0.9) { direction: right, count: 3, behind: [ball] }")
    lines = [it for it in r.drawing.items if isinstance(it, Line) and it.owner == "E" and it.role == "field"]
    assert len(lines) == 6  # every line in two parts, each with its arrow head
    assert all(ln.arrow == "end" and ln.points[-1][0] > ln.points[0][0] for ln in lines)
    ball = Point(0, 0).buffer(1, 64)
    assert all(LineString(ln.points).intersection(ball).length < 1e-6 for ln in lines)


def test_hemisphere_scene_lines_keep_out_of_the_body() -> None:
    with open("examples/reference/1747.sdl", encoding="utf-8") as fh:
        r = _compiled(fh.read())
    lines = [it for it in r.drawing.items if isinstance(it, Line) and it.owner == "E" and it.role == "field"]
    assert len(lines) == 8
    (cx, cy), right = r.drawing.anchors["face.center"], r.drawing.anchors["face.right"]
    k = (right[0] - cx) / 0.7  # the page's scale
    for ln in lines:  # outside the flat face (an ellipse 0.7 by 2 about O) and the dome (2.4 by 2)
        for px, py in ln.points[:: max(1, len(ln.points) - 1)]:
            x, y = (px - cx) / k, (py - cy) / k
            face = (x / 0.7) ** 2 + (y / 2.0) ** 2
            dome = (x / 2.4) ** 2 + (y / 2.0) ** 2 if x > 0 else 2.0
            assert face >= 0.99 and dome >= 0.99  # the outline is a 96-gon


def test_cone_spring_runs_parallel_to_the_surface_and_clear_of_it() -> None:
    with open("examples/reference/1782.sdl", encoding="utf-8") as fh:
        r = _compiled(fh.read())
    spring = next(it for it in r.drawing.items if isinstance(it, Line) and it.owner == "k")
    side = next(it for it in r.drawing.items if isinstance(it, Line) and it.owner == "right_side")
    (x1, y1), (x2, y2) = side.points

    def off(p: tuple[float, float]) -> float:
        return abs((x2 - x1) * (y1 - p[1]) - (x1 - p[0]) * (y2 - y1)) / math.hypot(x2 - x1, y2 - y1)

    coils = spring.points[2:-2]
    assert min(off(p) for p in coils) > 0.2  # the coils never touch the cone's outline
    assert abs(off(spring.points[0]) - off(spring.points[-1])) < 1e-6  # parallel to it


def _scene(name: str):  # type: ignore[no-untyped-def]
    with open(f"examples/reference/{name}.sdl", encoding="utf-8") as fh:
        return _compiled(fh.read())


def _label(r, owner: str):  # type: ignore[no-untyped-def]
    return next(t for t in r.texts if t.owner == owner)


def test_spiral_radius_labels_sit_by_their_arrows() -> None:
    r = _scene("1866")
    arrow = next(it for it in r.drawing.items if isinstance(it, Line) and it.owner == "R1")
    mid = ((arrow.points[0][0] + arrow.points[-1][0]) / 2, (arrow.points[0][1] + arrow.points[-1][1]) / 2)
    assert math.dist(_label(r, "R1").pos, mid) < 0.5


def test_velocity_label_keeps_off_the_arrow_tip() -> None:
    r = _scene("1010")
    arrow = next(it for it in r.drawing.items if isinstance(it, Line) and it.owner == "v")
    label = _label(r, "v").pos
    assert math.dist(label, arrow.points[-1]) > 0.4 and label[0] < arrow.points[0][0]


def test_pulley_bracket_and_string_meet_the_pulley_from_different_sides() -> None:
    r = _scene("phys-mech-up1-incline-friction-37deg")
    bracket = next(it for it in r.drawing.items if isinstance(it, Line) and it.owner == "P" and it.role == "mount")
    string = next(it for it in r.drawing.items if isinstance(it, Line) and it.owner == "string")
    (bx0, by0), (bx1, by1) = bracket.points
    (sx0, sy0), (sx1, sy1) = string.points[0], string.points[1]
    turn = math.degrees(math.atan2(by1 - by0, bx1 - bx0) - math.atan2(sy1 - sy0, sx1 - sx0))
    assert abs(turn) > 10  # not two lines running into the pulley side by side
