"""The near-coincidence check measures only samples near the other stroke, with the same outcome."""

from __future__ import annotations

import math

import numpy as np
import shapely
from hypothesis import example, given
from hypothesis import strategies as st

from scidsl.verify_shapes import _distances, _near_length, _near_run

BAND = 3.0


def _all_distances(a: shapely.Geometry, steps: np.ndarray, b: shapely.Geometry) -> np.ndarray:
    """Every sample placed and measured by GEOS: what the check did before."""
    return shapely.distance(shapely.line_interpolate_point(a, steps), b)


def _assert_same_reading(a: shapely.Geometry, b: shapely.Geometry) -> None:
    steps = np.append(np.arange(0.0, a.length, 1.0), a.length)
    full = _all_distances(a, steps, b)
    quick = _distances(a, steps, b, BAND)
    assert np.array_equal(full < BAND, quick < BAND)
    assert np.array_equal(full[full < BAND], quick[full < BAND])  # the very same numbers


def _wave(n: int, phase: float, amp: float, lift: float) -> np.ndarray:
    x = np.linspace(0.0, 600.0, n)
    return np.c_[x, lift + amp * np.sin(x / 40.0 + phase)]


def test_crossing_waves_read_the_same() -> None:
    a = shapely.linestrings(_wave(800, 0.0, 80.0, 0.0))
    b = shapely.linestrings(_wave(650, 0.3, 80.0, 1.0))
    _assert_same_reading(a, b)


def test_far_curves_have_no_near_sample() -> None:
    a = shapely.linestrings(_wave(300, 0.0, 10.0, 0.0))
    b = shapely.linestrings(_wave(300, 0.0, 10.0, 50.0))
    steps = np.append(np.arange(0.0, a.length, 1.0), a.length)
    assert np.all(np.isinf(_distances(a, steps, b, BAND)))


def test_parallel_curves_still_run_together() -> None:
    a = shapely.linestrings(_wave(500, 0.0, 60.0, 0.0))
    b = shapely.linestrings(_wave(700, 0.0, 60.0, 2.0))  # about two pixels apart all along
    assert _near_run(a, b, BAND, 20.0, False)
    assert not _near_run(a, shapely.linestrings(_wave(700, 0.0, 60.0, 9.0)), BAND, 20.0, False)


def test_rings_and_other_shapes_read_the_same() -> None:
    ring = shapely.LinearRing(shapely.Point(100, 100).buffer(50, 64).exterior.coords)
    chord = shapely.LineString([(40, 100), (160, 101.5)])
    _assert_same_reading(chord, ring)
    _assert_same_reading(ring, chord)
    disc = shapely.Point(100, 100).buffer(50, 16)  # not a line: every sample is measured
    steps = np.arange(0.0, chord.length, 1.0)
    assert np.array_equal(_distances(chord, steps, disc, BAND), _all_distances(chord, steps, disc))


@given(
    st.lists(st.tuples(st.floats(0, 200), st.floats(0, 200)), min_size=2, max_size=30),
    st.lists(st.tuples(st.floats(0, 200), st.floats(0, 200)), min_size=2, max_size=30),
    st.booleans(),
)
def test_random_polylines_read_the_same(pa: list, pb: list, repeat: bool) -> None:
    if repeat:  # a repeated vertex makes a zero-length segment
        pa = pa[:1] + pa
    a, b = shapely.LineString(pa), shapely.LineString(pb)
    if a.length > 0 and math.isfinite(a.length):
        _assert_same_reading(a, b)


_POINT = st.tuples(st.floats(0, 300), st.floats(0, 300))


@given(_POINT, _POINT, _POINT, _POINT, st.sampled_from([0.5, 3.0, 8.0]))
@example((0.0, 0.0), (0.0, 1.0), (0.0, 5e-324), (0.0, 0.0), 0.5)  # a segment as long as a denormal
def test_the_near_length_of_two_segments_bounds_every_near_sample(p: tuple, q: tuple, r: tuple, s: tuple,
                                                                    reach: float) -> None:
    # Pairs of straight segments are settled by the length of a lying within reach of b: it must never
    # be shorter than the stretch of samples GEOS finds within reach (else a true run could be missed).
    a, b = shapely.LineString([p, q]), shapely.LineString([r, s])
    if a.length == 0 or b.length == 0:  # a zero-length b reads inf (never settled early); GEOS warns on it
        assert b.length > 0 or math.isinf(_near_length(a, b, reach))
        return
    steps = np.append(np.arange(0.0, a.length, 1.0), a.length)
    near = steps[_all_distances(a, steps, b) < reach]
    if near.size:
        assert _near_length(a, b, reach + 1e-6) >= near[-1] - near[0] - 1e-9


def test_two_sides_meeting_at_a_vertex_are_settled_without_sampling() -> None:
    a, b = shapely.LineString([(0, 0), (300, 0)]), shapely.LineString([(0, 0), (300, 60)])
    assert _near_length(a, b, BAND) < 20.0  # about 15 px near the shared corner
    assert math.isinf(_near_length(shapely.LineString([(0, 0), (5, 5), (9, 0)]), b, BAND))  # not one segment
    assert _near_run(shapely.LineString([(0, 0), (300, 0)]), shapely.LineString([(0, 2), (300, 2)]), BAND,
                     20.0, False)  # parallel and close all along: measured, and found


def _reference_verdict(d: np.ndarray, band: float, stretch: float, crossing: bool) -> bool:
    """The sample-by-sample walk the check made before it found its runs with numpy."""
    from scidsl.verify_shapes import _MEETING, _TOUCH_PX

    run, apart, low = 0.0, 0.0, math.inf
    for dist in list(d) + [math.inf]:
        if dist < band:
            run, low = run + 1.0, min(low, dist)
            apart += dist >= _TOUCH_PX
            continue
        if (run >= stretch and low >= _TOUCH_PX) or (crossing and apart >= _MEETING * stretch):
            return True
        run, apart, low = 0.0, 0.0, math.inf
    return False


@given(st.lists(st.sampled_from([0.0, 0.3, 0.5, 1.0, 2.9, 3.0, 5.0, math.inf]), min_size=3, max_size=90),
       st.sampled_from([2.0, 5.0, 10.0]), st.booleans())
def test_runs_found_with_numpy_give_the_walks_verdict(d: list, stretch: float, crossing: bool) -> None:
    import scidsl.verify_shapes as vs

    a = shapely.LineString([(0, 0), (len(d) - 1.0, 0)])  # samples one unit apart: len(d) of them
    b = shapely.LineString([(0, 1), (len(d) - 1.0, 1), (len(d) - 1.0, 5)])  # not one segment: always sampled
    distances = np.array(d)
    saved = vs._distances
    vs._distances = lambda *args: distances
    try:
        if a.length >= stretch:
            assert _near_run(a, b, BAND, stretch, crossing) == _reference_verdict(distances, BAND, stretch, crossing)
    finally:
        vs._distances = saved


def test_a_stroke_drawn_twice_is_one_line_not_two() -> None:
    # Two solids sharing a rim draw the same curve twice: it touches itself all along, so it is never
    # two lines side by side, and it is settled without sampling either way round.
    rim = shapely.LineString(_wave(120, 0.0, 40.0, 0.0))
    twin = shapely.LineString(list(rim.coords)[::-1])
    steps = np.append(np.arange(0.0, rim.length, 1.0), rim.length)
    assert _reference_verdict(_all_distances(rim, steps, twin), BAND, 20.0, False) is False
    assert not _near_run(rim, rim, BAND, 20.0, False) and not _near_run(rim, twin, BAND, 20.0, False)
    disc = shapely.Point(100, 100).buffer(50, 16)  # not a line: measured as before
    assert not _near_run(shapely.LineString([(0, 0), (300, 0)]), disc, BAND, 20.0, False)
