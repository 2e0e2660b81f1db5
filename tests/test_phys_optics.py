"""Optical benches: images from the lens equation in the facts and on the drawn page."""
from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import scidsl
from scidsl.style import DEFAULT_DPI

PX_CM = 2.54 / DEFAULT_DPI  # one pixel in page cm


def _lens_equation(d: float, f: float) -> tuple[float, float]:
    """Image distance and magnification from 1/f = 1/d_o + 1/d_i."""
    di = f * d / (d - f)
    return di, -di / d


def _expected(h: float, x1: float, f1: float, x2: float, f2: float) -> tuple[float, float, float, float]:
    """Positions and heights of the two images (the lens equation applied twice)."""
    di1, m1 = _lens_equation(x1, f1)
    xi1 = x1 + di1
    di2, m2 = _lens_equation(x2 - xi1, f2)
    return xi1, h * m1, x2 + di2, h * m1 * m2


def _scene(h: float, x1: float, f1: float, x2: float, f2: float) -> str:
    return (f'scene "two lenses"\noptical_bench B {{ object_at: 0 cm, object_height: {h} cm }}\n'
            f"bench_lens L1 on B at {x1} cm {{ focal: {f1} cm }}\nbench_lens L2 on B at {x2} cm {{ focal: {f2} cm }}\n")


def _readable(h: float, x1: float, f1: float, x2: float, f2: float) -> bool:
    """Images well clear of the focal points, near the bench and apart, heights within 15 times of each other."""
    if abs(x1 - f1) < 0.25 * abs(f1):
        return False
    d2 = x2 - (x1 + _lens_equation(x1, f1)[0])
    if abs(d2 - f2) < 0.25 * abs(f2) or abs(d2) < 1.0:
        return False
    xi1, h1, xi2, h2 = _expected(h, x1, f1, x2, f2)
    lo, hi = min(0.0, x1 - abs(f1), x2 - abs(f2)), max(x1 + abs(f1), x2 + abs(f2))
    near = all(lo - (hi - lo) <= x <= hi + (hi - lo) for x in (xi1, xi2))
    heights = [abs(h), abs(h1), abs(h2)]
    marks = [0.0, x1, x2, xi1, xi2]
    gap = 0.04 * (max(marks + [hi]) - min(marks + [lo]))  # images apart from the lenses, the object, each other
    apart = all(abs(a - b) > gap for a, b in itertools.combinations(marks, 2))
    return near and apart and max(heights) / min(heights) <= 15


def _meet(a: tuple, b: tuple, c: tuple, d: tuple) -> tuple[float, float] | None:
    """Where the lines a–b and c–d cross, None when they are within 0.2 degrees of parallel (the rays are
    computed exactly, so a small angle still fixes the crossing well within a pixel)."""
    u, v = (b[0] - a[0], b[1] - a[1]), (d[0] - c[0], d[1] - c[1])
    cross = u[0] * v[1] - u[1] * v[0]
    if abs(cross) < math.sin(math.radians(0.2)) * math.hypot(*u) * math.hypot(*v):
        return None
    t = ((c[0] - a[0]) * v[1] - (c[1] - a[1]) * v[0]) / cross
    return (a[0] + t * u[0], a[1] + t * u[1])


focal = st.one_of(st.integers(3, 15), st.integers(-15, -3))


@given(h=st.sampled_from([0.5, 1, 1.5, 2]), x1=st.integers(4, 30), f1=focal, gap=st.integers(4, 30), f2=focal)
@example(h=0.5, x1=9, f1=7, gap=24, f2=-6)  # rays leaving the last lens within 2 degrees of each other
def test_two_lenses_image_where_the_lens_equation_puts_it(h: float, x1: int, f1: int, gap: int, f2: int) -> None:
    x2 = x1 + gap
    assume(_readable(h, x1, f1, x2, f2))
    result = scidsl.compile(_scene(h, x1, f1, x2, f2), verify=False)
    assert result.ok, [d.message for d in result.diagnostics]
    xi1, h1, xi2, h2 = _expected(h, x1, f1, x2, f2)
    facts = {(f.predicate, f.args[1:]): f.value for f in result.facts}
    assert facts[("image_position", (1,))] == pytest.approx(xi1, abs=1e-6)
    assert facts[("image_position", (2,))] == pytest.approx(xi2, abs=1e-6)
    assert facts[("image_height", (2,))] == pytest.approx(h2, abs=1e-6)
    assert facts[("total_magnification", ())] == pytest.approx(h2 / h, abs=1e-6)
    assert facts[("image_nature", (2,))] == ("real" if xi2 > x2 else "virtual")
    page = result.drawing
    tip = page.anchors["B.image_tip"]
    lasts = [it.points[-2:] for it in page.items if getattr(it, "owner", None) == "B" and it.role == "ray"]
    crossings = [p for a, b in itertools.combinations(lasts, 2) if (p := _meet(*a, *b)) is not None]
    assert crossings, "no two rays leave the last lens at distinct angles"
    for p in crossings:  # real: the rays meet at the tip; virtual: their backward extensions do
        assert math.dist(p, tip) <= PX_CM


def test_hidden_image_draws_no_image_and_hides_its_facts() -> None:
    text = _scene(1, 15, 10, 40, 5).replace("object_height: 1 cm", "object_height: 1 cm, image: hidden")
    result = scidsl.compile(text)
    assert result.ok, [d.message for d in result.diagnostics]
    roles = {it.role for it in result.drawing.items if getattr(it, "owner", None) == "B"}
    assert "image" not in roles and "extension" not in roles
    assert not any(k.startswith("B.image") for k in result.drawing.anchors)
    rays = [it for it in result.drawing.items if getattr(it, "owner", None) == "B" and it.role == "ray"]
    assert rays and all(len(r.points) == 2 for r in rays)  # only as far as the first lens
    image_facts = [f for f in result.facts if f.predicate.startswith("image")]
    assert image_facts and all(f.hidden for f in image_facts)
    assert not any(t.text.startswith("$I") for t in result.texts)


def test_telescope_beam_focuses_in_the_focal_plane() -> None:
    text = ('optical_bench T { beam: 4 deg, image: infinity }\nbench_lens A on T at 0 cm { focal: 20 cm }\n'
            "bench_lens E on T at 25 cm { focal: 5 cm }\n")
    result = scidsl.compile(text)
    assert result.ok, [d.message for d in result.diagnostics]
    facts = {(f.predicate, f.args[1:]): f.value for f in result.facts}
    assert facts[("image_position", (1,))] == pytest.approx(20.0)
    assert facts[("image_height", (1,))] == pytest.approx(20 * math.tan(math.radians(4)))
    assert facts[("image_at_infinity", (2,))] is True
    assert facts[("angular_magnification", ())] == pytest.approx(-20 / 5)


def test_mirror_folds_the_light_back_through_the_lens() -> None:
    text = ('optical_bench B { object_at: 0 cm }\nbench_lens L on B at 20 cm { focal: 10 cm }\n'
            "bench_mirror M on B at 50 cm { focal: 6 cm }\n")
    result = scidsl.compile(text)
    assert result.ok, [d.message for d in result.diagnostics]
    facts = {(f.predicate, f.args[1:]): f.value for f in result.facts}
    # lens: 20 → 20; mirror: 10 in front of f = 6 → 15 in front (x = 35); lens again: 15 → 30 beyond it (x = -10)
    assert [facts[("image_position", (k,))] for k in (1, 2, 3)] == pytest.approx([40.0, 35.0, -10.0])
    assert facts[("total_magnification", ())] == pytest.approx(-1 * -1.5 * -2)


CODES_TESTED_HERE = ("E9719",)


def test_rays_missing_the_drawn_image_are_reported() -> None:
    from scidsl.domains.physics.optics_bench import Bench, systems, verify_bench

    result = scidsl.compile(_scene(1, 15, 10, 40, 5))
    assert result.ok, [d.message for d in result.diagnostics]
    nodes = list(result.scene.items)
    bench = next(n for n in nodes if n.kind == "optical_bench")
    item = Bench(systems(bench, nodes, lambda d: None))
    found: list = []
    verify_bench(item, result.drawing, found.append)
    assert found == []  # the drawn page as compiled holds
    x, y = result.drawing.anchors["B.image_tip"]
    result.drawing.anchors["B.image_tip"] = (x + 0.3, y)  # a page whose image stands off the rays
    verify_bench(item, result.drawing, found.append)
    assert [d.code for d in found] == ["E9719"]
