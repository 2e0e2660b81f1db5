"""Curves go to the page as whole arrays, with the very numbers the point-by-point map gives."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import LineString, box

from scidsl.domains.plots.layout import Axes
from scidsl.renderers.plots import _clipped

coord = st.floats(-1e4, 1e4, allow_nan=False, allow_infinity=False)


@st.composite
def axes(draw: st.DrawFn) -> Axes:
    """A window (ints or floats, linear or log axes) with a page size and offset."""
    xlog, ylog = draw(st.booleans()), draw(st.booleans())
    lo = draw(st.one_of(st.integers(-50, 50), st.floats(-50, 50)))
    x0, x1 = (0.01, 1000.0) if xlog else (lo, lo + draw(st.floats(0.5, 100)))
    y0, y1 = (0.1, 100.0) if ylog else (lo, lo + draw(st.one_of(st.integers(1, 90), st.floats(0.5, 100))))
    return Axes(
        "P",
        (x0, y0, x1, y1),
        draw(st.one_of(st.integers(2, 20), st.floats(2, 20))),
        draw(st.floats(2, 20)),
        offset=(draw(st.floats(-10, 10)), draw(st.floats(-10, 10))),
        xlog=xlog,
        ylog=ylog,
    )


@given(axes(), st.lists(st.tuples(coord, coord), min_size=1, max_size=40))
def test_page_many_gives_the_numbers_of_page(ax: Axes, pts: list) -> None:
    many = ax.page_many(pts)
    assert many.shape == (len(pts), 2)
    assert [tuple(p) for p in many.tolist()] == [ax.page(p) for p in pts]


def _clipped_point_by_point(ax: Axes, pieces: list) -> list:
    """The cut as it was made before: a line from page tuples, coordinates read back one by one."""
    (x0, y0), (x1, y1) = ax.page((ax.window[0], ax.window[1])), ax.page((ax.window[2], ax.window[3]))
    window = box(x0 - 1e-6, y0 - 1e-6, x1 + 1e-6, y1 + 1e-6)
    out = []
    for piece in pieces:
        pts = tuple(ax.page(p) for p in piece)
        if len(pts) < 2:
            continue
        cut = LineString(pts).intersection(window)
        for part in getattr(cut, "geoms", [cut]):
            if part.geom_type == "LineString" and len(part.coords) >= 2:
                out.append(tuple((float(x), float(y)) for x, y in part.coords))
    return out


@given(st.lists(st.lists(st.tuples(st.floats(-3, 3), st.floats(-3, 3)), min_size=1, max_size=30), max_size=4))
def test_clipped_curves_are_cut_as_before(pieces: list) -> None:
    ax = Axes("P", (-2.0, -1.5, 2.0, 1.5), 8.0, 6.0, offset=(1.0, 0.5))
    assert _clipped(ax, pieces) == _clipped_point_by_point(ax, pieces)


def test_a_wave_leaving_the_window_is_cut_as_before() -> None:
    ax = Axes("P", (0.0, -1.0, 10.0, 1.0), 12.0, 5.0)
    xs = np.linspace(-1.0, 11.0, 1601)
    pieces = [list(zip(xs.tolist(), (1.3 * np.sin(xs)).tolist()))]
    cut = _clipped(ax, pieces)
    assert len(cut) > 2 and all(isinstance(x, float) for part in cut for p in part for x in p)
    assert cut == _clipped_point_by_point(ax, pieces)
