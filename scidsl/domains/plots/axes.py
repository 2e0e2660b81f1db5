"""The window of a plot (fitted to what it shows) and its ticks at round steps whose labels never collide."""

from __future__ import annotations

import math
from typing import Any, Optional

import numpy as np

from scidsl import limits
from scidsl.domains.plots.layout import Axes, LayoutError
from scidsl.domains.plots.ticks import choose_step, decimals_for, format_number, tick_count, tick_values

_LABEL_SIZE = 10.0
_GAP_CM = 0.25


def extent(values: list[float]) -> Optional[tuple[float, float]]:
    """min and max of the finite values, or None."""
    vals = [v for v in values if math.isfinite(v)]
    return (min(vals), max(vals)) if vals else None


def robust_extent(ys: np.ndarray) -> Optional[tuple[float, float]]:
    """The y range of sampled values, ignoring the tails of poles (1/x, tan x)."""
    ys = ys[np.isfinite(ys)]
    if ys.size == 0:
        return None
    lo, hi = float(ys.min()), float(ys.max())
    q_lo, q_hi = (float(v) for v in np.quantile(ys, [0.05, 0.95]))
    if hi - lo > 6 * max(q_hi - q_lo, 1e-12):
        q_lo, q_hi = (float(v) for v in np.quantile(ys, [0.08, 0.92]))
        pad = 0.6 * max(q_hi - q_lo, 1e-9)
        return max(lo, q_lo - pad), min(hi, q_hi + pad)
    return lo, hi


def padded(lo: float, hi: float, pad: float = 0.06, zero: bool = True) -> tuple[float, float]:
    """Widen a range a little and reach zero when it is near (so the axis shows)."""
    if hi - lo < 1e-12:
        d = max(abs(lo) * 0.5, 1.0)
        lo, hi = lo - d, hi + d
    span = hi - lo
    if zero and 0 < lo <= 2 * span:
        lo = 0.0
    elif zero and -2 * span <= hi < 0:
        hi = 0.0
    span = hi - lo
    return (lo if lo == 0 else lo - pad * span), (hi if hi == 0 else hi + pad * span)


def _measure(text: str) -> tuple[float, float]:
    from scidsl.text import measure_text

    w, h, _ = measure_text(text, _LABEL_SIZE)
    return w, h


def _labels(values: list[float], step: float) -> list[str]:
    d = decimals_for(step)
    big = max((abs(v) for v in values), default=0.0)
    if big >= 1e6 or (0 < big < 1e-3):
        return [format_number(v) if v != 0 else "0" for v in values]
    return [format_number(v, d) for v in values]


def _fits_x(lo: float, hi: float, length: float, step: float) -> bool:
    vals = tick_values(lo, hi, step)
    widest = max((_measure(t)[0] for t in _labels(vals, step)), default=0.0)
    return widest + _GAP_CM < step / (hi - lo) * length


def _fits_y(lo: float, hi: float, length: float, step: float) -> bool:
    return _measure("0")[1] + _GAP_CM < step / (hi - lo) * length


def axis_ticks(node: Any, axis: str, lo: float, hi: float, length: float) -> list[tuple[float, str]]:
    """(value, label) ticks of one axis from the scene's step / explicit ticks, or a round step that fits."""
    explicit = getattr(node, f"{axis}ticks", None)
    texts = getattr(node, f"{axis}tick_labels", None)
    if explicit is not None:
        if texts is not None and len(texts) != len(explicit):
            raise LayoutError(
                "E6007",
                f"{len(texts)} {axis}tick_labels for {len(explicit)} {axis}ticks",
                node,
                f"{axis}tick_labels",
                "give one label per tick",
            )
        labels = list(texts) if texts is not None else [format_number(v) for v in explicit]
        return [(v, t) for v, t in zip(explicit, labels) if lo - 1e-9 <= v <= hi + 1e-9]
    if texts is not None:
        raise LayoutError(
            "E6007",
            f"{axis}tick_labels need {axis}ticks",
            node,
            f"{axis}tick_labels",
            f"add {axis}ticks: [...] with one position per label",
        )
    step = getattr(node, f"{axis}step", None)
    fits = (lambda s: _fits_x(lo, hi, length, s)) if axis == "x" else (lambda s: _fits_y(lo, hi, length, s))
    if step is not None:
        n = tick_count(lo, hi, step)
        if n > limits.MAX_TICKS:
            raise LayoutError(
                "E6004",
                f"{axis}step {step:g} gives {n} ticks; the limit is {limits.MAX_TICKS} per axis",
                node,
                f"{axis}step",
                f"use a step of at least {(hi - lo) / limits.MAX_TICKS:g}",
            )
        vals = tick_values(lo, hi, step)
        labels = _labels(vals, step)
        every = _label_every(vals, labels, step, lo, hi, length, axis)
        return [(v, t if i % every == 0 else "") for i, (v, t) in enumerate(zip(vals, labels))]
    step = choose_step(lo, hi, length, fits, 1.4 if axis == "x" else 0.8)
    vals = tick_values(lo, hi, step)
    return list(zip(vals, _labels(vals, step)))


def _label_every(
    vals: list[float], labels: list[str], step: float, lo: float, hi: float, length: float, axis: str
) -> int:
    """Label every n-th tick so that the labels of a requested step never collide."""
    size = max((_measure(t)[0 if axis == "x" else 1] for t in labels), default=0.0)
    spacing = step / (hi - lo) * length
    return max(1, math.ceil((size + _GAP_CM) / max(spacing, 1e-9)))


def make_axes(
    node: Any,
    name: str,
    window: tuple[float, float, float, float],
    size: tuple[float, float],
    frame: str,
    equal: bool = False,
    logs: tuple[bool, bool] = (False, False),
) -> Axes:
    """Axes for a window: page size (kept to scale when `equal`) and ticks."""
    xmin, ymin, xmax, ymax = window
    if not (xmax > xmin and ymax > ymin):
        raise LayoutError("E6003", "the plot window is empty", node, None, "give xlim/ylim with from < to")
    for axis, log, lo in (("x", logs[0], xmin), ("y", logs[1], ymin)):
        if log and lo <= 0:
            raise LayoutError("E6003", f"a log {axis}-axis needs a positive range", node, f"{axis}lim",
                              f"give {axis}lim: [from, to] with 0 < from < to")
    w, h = size
    if equal and not any(logs):
        s = min(w / (xmax - xmin), h / (ymax - ymin))
        w, h = (xmax - xmin) * s, (ymax - ymin) * s
    ax = Axes(name, window, w, h, frame, xlog=logs[0], ylog=logs[1])
    ax.xticks = _ticks(node, "x", xmin, xmax, w, logs[0])
    ax.yticks = _ticks(node, "y", ymin, ymax, h, logs[1])
    return ax


def _ticks(node: Any, axis: str, lo: float, hi: float, length: float, log: bool) -> list[tuple[float, str]]:
    if log and getattr(node, f"{axis}ticks", None) is None and math.floor(math.log10(hi)) > math.ceil(math.log10(lo)):
        return log_ticks(lo, hi, length)
    return axis_ticks(node, axis, lo, hi, length)


def log_ticks(lo: float, hi: float, length: float) -> list[tuple[float, str]]:
    """Ticks at powers of ten, every n-th decade when there are many (about one per cm at most)."""
    first, last = math.ceil(math.log10(lo) - 1e-9), math.floor(math.log10(hi) + 1e-9)
    decades = last - first + 1
    every = max(1, math.ceil(decades / max(length / 0.9, 1.0)))
    return [(10.0**k, f"$10^{{{k}}}$") for k in range(first, last + 1, every)]


def padded_log(lo: float, hi: float) -> tuple[float, float]:
    """Widen a positive range a little on a log scale."""
    a, b = math.log10(lo), math.log10(hi)
    pad = 0.05 * (b - a) if b > a else 0.5
    return 10.0 ** (a - pad), 10.0 ** (b + pad)
