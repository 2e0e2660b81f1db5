"""The grid of placed label boxes answers overlap questions exactly as a test against every box."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.labels import _BoxGrid

_coord = st.floats(-20, 20, allow_nan=False)
_size = st.floats(0, 6, allow_nan=False)
_boxes = st.builds(lambda x, y, w, h: (x, y, x + w, y + h), _coord, _coord, _size, _size)


def _meets(a: tuple, b: tuple) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


@settings(max_examples=60, deadline=None)
@given(st.lists(_boxes, max_size=30), st.lists(_boxes, min_size=1, max_size=10))
def test_grid_hits_match_a_full_scan(placed: list, probes: list) -> None:
    grid = _BoxGrid()
    for b in placed:
        grid.add(b)
    for p in probes:
        assert grid.hits(p) == any(_meets(p, b) for b in placed)
