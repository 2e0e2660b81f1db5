"""Sampling keeps calm runs of samples whole, in bulk: the pieces and breaks of the one-by-one walk."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scidsl.domains.plots import numeric
from scidsl.domains.plots.numeric import P, SAMPLES, Fn
from scidsl.limits import MAX_CURVE_POINTS
from scidsl.expr import numpy_function
from scidsl.model import _to_expr


def _sample_one_by_one(
    f: Fn,
    x0: float,
    x1: float,
    window: tuple[float, float, float, float],
    n: int = SAMPLES,
    log_x: bool = False,
) -> tuple[list[list[P]], list[float]]:
    """The sampling as it was: every segment looked at one by one."""
    xmin, ymin, xmax, ymax = window
    n = min(n, MAX_CURVE_POINTS)
    xs = numeric.grid(x0, x1, n, log_x)
    ys = numeric.values(f, xs)
    height = ymax - ymin
    pieces: list[list[P]] = []
    breaks: list[float] = []
    cur: list[P] = []
    for i in range(n - 1):
        xa, ya, xb, yb = float(xs[i]), float(ys[i]), float(xs[i + 1]), float(ys[i + 1])
        if not (math.isfinite(ya) and math.isfinite(yb)):
            if math.isfinite(ya) != math.isfinite(yb):
                breaks.append(xb if math.isfinite(ya) else xa)
            cur = numeric._close(pieces, cur)
            continue
        if abs(yb - ya) > 0.2 * height:
            jump, where = numeric._jump_persists(f, xa, xb, height)
            if jump:
                breaks.append(where)
                cur = numeric._close(pieces, cur)
                continue
        seg = numeric._clip_y((xa, ya), (xb, yb), ymin, ymax)
        if seg is None:
            cur = numeric._close(pieces, cur)
            continue
        a, b = seg
        if not cur or cur[-1] != a:
            cur = numeric._close(pieces, cur)
            cur = [a]
        cur.append(b)
        if b != (xb, yb):
            cur = numeric._close(pieces, cur)
    numeric._close(pieces, cur)
    return [p for p in pieces if len(p) >= 2], breaks


def _fn(text: str) -> Fn:
    return numpy_function(_to_expr(text).tree, "x")


CASES = [
    ("sin(x)", -7.0, 7.0, (-7.0, -1.2, 7.0, 1.2)),
    ("sin(x)", -7.0, 7.0, (-7.0, -0.5, 7.0, 0.5)),  # clipped at the top and the bottom
    ("1/x", -3.0, 3.0, (-3.0, -5.0, 3.0, 5.0)),  # a pole
    ("tan(x)", -6.0, 6.0, (-6.0, -4.0, 6.0, 4.0)),
    ("sqrt(x)", -2.0, 4.0, (-2.0, 0.0, 4.0, 2.0)),  # undefined on the left, touching ymin
    ("(x - 0.1)/abs(x - 0.1) + (x - 1.6)/abs(x - 1.6)", -3.0, 3.0, (-3.0, -3.0, 3.0, 3.0)),  # steps
    ("x*ln(x)", 0.0, 2.0, (0.0, -0.5, 2.0, 1.5)),
    ("2*cosh(x/2)", -4.0, 4.0, (-4.0, 0, 4.0, 8)),
    ("exp(x)", 0.1, 1000.0, (0.1, 0.0, 1000.0, 10.0)),
    ("1", -1.0, 1.0, (-1.0, 1.0, 1.0, 2.0)),  # flat along ymin
]


@pytest.mark.parametrize(("text", "x0", "x1", "window"), CASES)
def test_sampling_is_the_one_by_one_walk(text: str, x0: float, x1: float, window: tuple) -> None:
    f = _fn(text)
    for log_x in (False, True):
        old = _sample_one_by_one(f, x0, x1, window, log_x=log_x)
        assert numeric.sample(f, x0, x1, window, log_x=log_x) == old


@given(
    st.sampled_from(
        ["sin(3*x)", "1/(x - 0.3)", "x^2 - 1", "tan(x)", "sqrt(1 - x^2)", "(x - 0.2)/abs(x - 0.2)"]
    ),
    st.floats(-2.5, 0.0),
    st.floats(0.1, 2.5),
    st.floats(-2, 0.5),
    st.floats(0.05, 3),
    st.integers(2, 400),
)
def test_random_windows_sample_as_before(
    text: str, x0: float, span: float, y0: float, h: float, n: int
) -> None:
    f = _fn(text)
    window = (x0, y0, x0 + span, y0 + h)
    old = _sample_one_by_one(f, x0, x0 + span, window, n)
    assert numeric.sample(f, x0, x0 + span, window, n) == old
