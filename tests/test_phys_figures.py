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
