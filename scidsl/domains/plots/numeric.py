"""Numerics of function graphs: sampling broken at poles and jumps, and special points.

Everything works on a vectorised function built from the scene's syntax tree (`scidsl.expr.numpy_function`);
nothing evaluates text.
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np

from scidsl import limits

Fn = Callable[[np.ndarray], np.ndarray]
P = tuple[float, float]
SAMPLES = 1601
MAX_SPECIAL = 20


def values(f: Fn, xs: np.ndarray) -> np.ndarray:
    """f over xs as a float array of the same shape (constants broadcast, complex → nan)."""
    with np.errstate(all="ignore"):
        ys = np.asarray(f(xs))
    if np.iscomplexobj(ys):
        ys = np.where(np.abs(ys.imag) < 1e-12, ys.real, np.nan)
    return np.broadcast_to(ys, xs.shape).astype(float)


def scalar(f: Fn, x: float) -> float:
    """f at one point (nan when undefined)."""
    return float(values(f, np.array([x]))[0])


def grid(x0: float, x1: float, n: int, log: bool = False) -> np.ndarray:
    """Sample positions: even steps, or even steps in log10 x on a log axis."""
    if log and x0 > 0:
        return np.geomspace(x0, x1, n)
    return np.linspace(x0, x1, n)


def _jump_persists(f: Fn, a: float, b: float, height: float) -> tuple[bool, float]:
    """Bisect [a, b] towards the steepest half; a jump (pole or step) stays large as the interval shrinks."""
    fa, fb = scalar(f, a), scalar(f, b)
    for _ in range(60):
        m = (a + b) / 2
        fm = scalar(f, m)
        if not math.isfinite(fm):
            return True, m
        if abs(fm - fa) >= abs(fb - fm):
            b, fb = m, fm
        else:
            a, fa = m, fm
        if b - a < 1e-12 * max(1.0, abs(a)):
            break
    return abs(fb - fa) > 0.05 * height, (a + b) / 2


def sample(
    f: Fn,
    x0: float,
    x1: float,
    window: tuple[float, float, float, float],
    n: int = SAMPLES,
    log_x: bool = False,
) -> tuple[list[list[P]], list[float]]:
    """Pieces of the graph inside the window, broken at poles, jumps and gaps; and the break positions."""
    xmin, ymin, xmax, ymax = window
    n = min(n, limits.MAX_CURVE_POINTS)
    xs = grid(x0, x1, n, log_x)
    ys = values(f, xs)
    height = ymax - ymin
    pieces: list[list[P]] = []
    breaks: list[float] = []
    cur: list[P] = []
    xl, yl = xs.tolist(), ys.tolist()
    i = 0
    for start, end in _calm_runs(ys, ymin, ymax, height) + [(n - 1, n - 1)]:
        for k in range(i, start):
            cur = _step(f, (xl[k], yl[k]), (xl[k + 1], yl[k + 1]), ymin, ymax, height, pieces, breaks, cur)
        if start < end:  # a calm run: every segment is kept whole, as _step would keep it
            a = (xl[start], yl[start])
            if not cur or cur[-1] != a:
                cur = _close(pieces, cur)
                cur = [a]
            cur.extend(zip(xl[start + 1 : end + 1], yl[start + 1 : end + 1]))
        i = end
    _close(pieces, cur)
    return [p for p in pieces if len(p) >= 2], breaks


def _calm_runs(ys: np.ndarray, ymin: float, ymax: float, height: float) -> list[tuple[int, int]]:
    """Runs [start, end) of segments with both ends finite and in [ymin, ymax] and no step past a fifth
    of the window: _step keeps each of them whole, so they need no look one by one."""
    with np.errstate(invalid="ignore"):
        inside = np.isfinite(ys) & (ys >= ymin) & (ys <= ymax)
        calm = inside[:-1] & inside[1:] & (np.abs(np.diff(ys)) <= 0.2 * height)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], calm.view(np.int8), [0]))))
    return list(zip(edges[0::2].tolist(), edges[1::2].tolist()))


def _step(
    f: Fn,
    a: P,
    b: P,
    ymin: float,
    ymax: float,
    height: float,
    pieces: list[list[P]],
    breaks: list[float],
    cur: list[P],
) -> list[P]:
    """One segment ab of the sampled graph: a gap, a jump, or the part inside the window added to the
    current piece; returns the current piece."""
    (xa, ya), (xb, yb) = a, b
    if not (math.isfinite(ya) and math.isfinite(yb)):
        if math.isfinite(ya) != math.isfinite(yb):
            breaks.append(xb if math.isfinite(ya) else xa)
        return _close(pieces, cur)
    if abs(yb - ya) > 0.2 * height:
        jump, where = _jump_persists(f, xa, xb, height)
        if jump:
            breaks.append(where)
            return _close(pieces, cur)
    seg = _clip_y((xa, ya), (xb, yb), ymin, ymax)
    if seg is None:
        return _close(pieces, cur)
    a, b = seg
    if not cur or cur[-1] != a:
        cur = _close(pieces, cur)
        cur = [a]
    cur.append(b)
    if b != (xb, yb):
        cur = _close(pieces, cur)
    return cur


def _close(pieces: list[list[P]], cur: list[P]) -> list[P]:
    if len(cur) >= 2:
        pieces.append(cur)
    return []


def _clip_y(a: P, b: P, ymin: float, ymax: float) -> tuple[P, P] | None:
    """The part of segment ab with ymin <= y <= ymax."""
    (xa, ya), (xb, yb) = a, b
    t0, t1 = 0.0, 1.0
    dy = yb - ya
    for bound, sign in ((ymin, 1), (ymax, -1)):
        # sign*(ya + t*dy - bound) >= 0
        p, q = sign * dy, sign * (ya - bound)
        if abs(p) < 1e-300:
            if q < 0:
                return None
            continue
        t = -q / p
        if p > 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
    if t0 > t1:
        return None

    def at(t: float) -> P:
        return (xa + t * (xb - xa), ya + t * dy)

    return (at(t0) if t0 > 0 else a), (at(t1) if t1 < 1 else b)


def poles(f: Fn, breaks: list[float], height: float) -> list[float]:
    """Break positions where |f| grows without bound on both sides (vertical asymptotes)."""
    out = []
    for x in sorted(set(breaks)):
        near = [abs(scalar(f, x + s * d)) for s in (-1, 1) for d in (1e-6, 1e-9)]
        if all(not math.isfinite(v) or v > 50 * max(height, 1e-9) for v in near):
            if not out or abs(snap(x, 1e-9) - out[-1]) > 1e-9:
                out.append(snap(x, 1e-9))
    return out


def snap(x: float, tol: float = 1e-11) -> float:
    """A value rounded to a short decimal when it is within `tol` (relative) of one."""
    for digits in range(0, 7):
        r = round(x, digits)
        if abs(r - x) < tol * max(1.0, abs(x)):
            return float(r)
    return x


def roots(f: Fn, x0: float, x1: float) -> list[float]:
    """Zeros of f in [x0, x1]: sign changes refined by brentq, and touching zeros (double roots)."""
    from scipy.optimize import brentq, minimize_scalar

    xs = np.linspace(x0, x1, SAMPLES)
    ys = values(f, xs)
    found: list[float] = []
    for i in range(len(xs) - 1):
        a, b, ya, yb = xs[i], xs[i + 1], ys[i], ys[i + 1]
        if not (math.isfinite(ya) and math.isfinite(yb)):
            continue
        if ya == 0:
            found.append(float(a))
        elif ya * yb < 0:
            r = brentq(f, a, b, xtol=1e-13, maxiter=200)
            if abs(scalar(f, r)) < 1e-6 * (1 + abs(ya) + abs(yb)):  # a pole also changes sign
                found.append(float(r))
    if math.isfinite(ys[-1]) and ys[-1] == 0:
        found.append(float(xs[-1]))
    finite = np.abs(ys[np.isfinite(ys)])
    scale = float(finite.max()) if finite.size else 1.0  # an overflowing tail must not make every dip a root
    for i in range(1, len(xs) - 1):
        ya, yb, yc = abs(ys[i - 1]), abs(ys[i]), abs(ys[i + 1])
        if yb <= ya and yb <= yc and yb < 1e-3 * max(scale, 1e-9) and ys[i - 1] * ys[i + 1] > 0:
            res = minimize_scalar(
                lambda t: abs(scalar(f, t)),
                bounds=(xs[i - 1], xs[i + 1]),
                method="bounded",
                options={"xatol": 1e-12},
            )
            if abs(scalar(f, res.x)) < 1e-9 * max(scale, 1.0):
                found.append(float(res.x))
    return [r for r in _unique(found, x1 - x0) if is_zero_at(f, r, x1 - x0) and _leaves_zero(f, r, x1 - x0, scale)]


def _leaves_zero(f: Fn, x: float, width: float, scale: float) -> bool:
    """True when f measurably leaves zero near x: a value that underflowed to 0 (exp(-1/x^2) near 0) is no root."""
    near = [abs(scalar(f, x + d)) for d in (-0.01 * width, 0.01 * width)]
    # relative to the curve's size, but an overflowing steep tail (a power tower) must not raise the bar
    return any(math.isfinite(v) and v > 1e-12 * max(min(scale, 1.0), 1e-300) for v in near)


def defined_throughout(f: Fn, x0: float, x1: float) -> bool:
    """True when f has a finite value at every sample of [x0, x1]."""
    return bool(np.isfinite(values(f, np.linspace(x0, x1, SAMPLES))).all())


def is_zero_at(f: Fn, x: float, width: float) -> bool:
    """f(x) is zero to the precision its nearby values allow: a root is checked by substitution before it is stated."""
    y = scalar(f, x)
    if not math.isfinite(y):
        return False
    h = 1e-6 * max(width, 1e-9)
    near = [abs(scalar(f, x + d)) for d in (-h, h)]
    local = max([v for v in near if math.isfinite(v)] + [1.0])
    return abs(y) <= 1e-6 * local


def extrema(f: Fn, x0: float, x1: float, want: str) -> list[float]:
    """Interior local minima or maxima ('minimum' / 'maximum') of f in (x0, x1)."""
    from scipy.optimize import minimize_scalar

    sign = 1.0 if want == "minimum" else -1.0
    xs = np.linspace(x0, x1, SAMPLES)
    ys = sign * values(f, xs)
    found = []
    for i in range(1, len(xs) - 1):
        a, b, c = ys[i - 1], ys[i], ys[i + 1]
        if not (math.isfinite(a) and math.isfinite(b) and math.isfinite(c)):
            continue
        if b <= a and b <= c and (b < a or b < c):
            res = minimize_scalar(
                lambda t: sign * scalar(f, t),
                bounds=(xs[i - 1], xs[i + 1]),
                method="bounded",
                options={"xatol": 1e-11},
            )
            if x0 < res.x < x1 and _is_local(f, res.x, sign, (x1 - x0) / SAMPLES):
                found.append(float(res.x))
    # a minimiser finds x only to about sqrt(machine epsilon); round what is that close to a short decimal
    return _unique(found, x1 - x0, 1e-8)


def _is_local(f: Fn, x: float, sign: float, h: float) -> bool:
    y = sign * scalar(f, x)
    left, right = sign * scalar(f, x - h), sign * scalar(f, x + h)
    return (
        math.isfinite(y)
        and _continuous_at(f, x, 1e-3 * h)
        and y <= left + 1e-12 * abs(y)
        and y <= right + 1e-12 * abs(y)
        and y < left  # strictly on both sides: a plateau where f underflowed to 0 is no extremum
        and y < right
    )


def _continuous_at(f: Fn, x: float, h: float) -> bool:
    """True when f hardly changes within h of x: a pole (tan x at pi/2) is no extremum."""
    y = scalar(f, x)
    near = [scalar(f, x + d) for d in (-h, h)]
    return all(math.isfinite(v) and abs(v - y) <= 1e-2 * (1 + abs(y)) for v in near)


def _unique(xs: list[float], width: float, tol: float = 1e-11) -> list[float]:
    out: list[float] = []
    for x in sorted(xs):
        if not out or abs(x - out[-1]) > 1e-7 * max(width, 1e-12):
            out.append(snap(x, tol))
    return out[:MAX_SPECIAL]


def area(f: Fn, x0: float, x1: float) -> float:
    """The signed integral of f over [x0, x1] (composite Simpson on a fine grid)."""
    from scipy.integrate import simpson

    xs = np.linspace(x0, x1, 4001)
    ys = values(f, xs)
    if not np.isfinite(ys).all():
        return math.nan
    with np.errstate(all="ignore"):
        return float(simpson(ys, x=xs))  # inf when the sum overflows; callers refuse a non-finite area


def linear_fit(points: list[P]) -> tuple[float, float]:
    """Least-squares slope and intercept."""
    xs = np.array([p[0] for p in points], dtype=float)
    ys = np.array([p[1] for p in points], dtype=float)
    if np.ptp(xs) <= 1e-12 * max(1.0, float(np.max(np.abs(xs)))):
        raise ValueError("a line needs points at two different x")
    slope, intercept = np.polyfit(xs, ys, 1)
    return float(slope), float(intercept)
