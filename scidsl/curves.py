"""Smooth curves through stated points that never overshoot them (monotone cubic interpolation).

Each coordinate is interpolated over the point index with Fritsch–Carlson slopes, so between two
consecutive stated points the curve stays inside the box they span: a curve told to hold a level
never dips below it, and a stated peak is the curve's peak.
"""
from __future__ import annotations

import math

P = tuple[float, float]


def monotone_through(pts: list[P], per_segment: int = 16) -> list[P]:
    """A smooth curve through every point, monotone in x and y between consecutive points."""
    pts = list(pts)
    if len(pts) < 3:
        return pts
    xs = _slopes([p[0] for p in pts])
    ys = _slopes([p[1] for p in pts])
    out: list[P] = []
    for i in range(len(pts) - 1):
        (x0, y0), (x1, y1) = pts[i], pts[i + 1]
        for s in range(per_segment):
            t = s / per_segment
            out.append((_hermite(x0, x1, xs[i], xs[i + 1], t), _hermite(y0, y1, ys[i], ys[i + 1], t)))
    out.append(pts[-1])
    return out


def _slopes(v: list[float]) -> list[float]:
    """Fritsch–Carlson tangents over a unit-spaced parameter: zero at every local extremum."""
    d = [b - a for a, b in zip(v, v[1:])]
    m = [d[0]] + [0.0 if d[k - 1] * d[k] <= 0 else (d[k - 1] + d[k]) / 2 for k in range(1, len(d))] + [d[-1]]
    for k, dk in enumerate(d):
        if dk == 0:
            m[k] = m[k + 1] = 0.0
            continue
        a, b = m[k] / dk, m[k + 1] / dk
        if a < 0:
            m[k] = 0.0
        if b < 0:
            m[k + 1] = 0.0
        r = a * a + b * b
        if r > 9:  # slopes scaled back into the region where the cubic stays monotone
            tau = 3 / r ** 0.5 if math.isfinite(r) else 0.0
            m[k], m[k + 1] = tau * m[k], tau * m[k + 1]
    return m


def _hermite(p0: float, p1: float, m0: float, m1: float, t: float) -> float:
    t2, t3 = t * t, t * t * t
    return (2 * t3 - 3 * t2 + 1) * p0 + (t3 - 2 * t2 + t) * m0 + (-2 * t3 + 3 * t2) * p1 + (t3 - t2) * m1
