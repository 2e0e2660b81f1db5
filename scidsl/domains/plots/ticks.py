"""Tick positions at round steps, and number formatting for tick and coordinate labels."""

from __future__ import annotations

import math
from typing import Callable

from scidsl import limits

_MANTISSAS = (1.0, 2.0, 5.0)


def nice_steps(span: float, count: float) -> list[float]:
    """Round steps (1, 2, 2.5, 5 × 10^k) from about span/count upwards."""
    raw = span / max(count, 1.0)
    k = math.floor(math.log10(raw)) if raw > 0 else 0
    out = []
    for e in range(k - 1, k + 4):
        out.extend(m * 10.0**e for m in _MANTISSAS)
    return [s for s in out if s >= raw * 0.999 or s == out[-1]]


def tick_count(lo: float, hi: float, step: float) -> int:
    """How many ticks a step gives over [lo, hi] (without making them)."""
    return int(math.floor(hi / step + 1e-9) - math.ceil(lo / step - 1e-9)) + 1


def tick_values(lo: float, hi: float, step: float) -> list[float]:
    """Multiples of step inside [lo, hi]; at most MAX_TICKS."""
    first = math.ceil(lo / step - 1e-9)
    n = tick_count(lo, hi, step)
    if n > limits.MAX_TICKS:
        raise ValueError(f"{n} ticks")
    return [_clean((first + i) * step) for i in range(max(n, 0))]


def _clean(v: float) -> float:
    r = round(v, 10)
    return 0.0 if r == 0 else r


def decimals_for(step: float) -> int:
    """Decimals needed to tell ticks of this step apart."""
    for d in range(0, 10):
        if abs(round(step, d) - step) < 1e-9 * max(1.0, abs(step)):
            return d
    return 10


def format_number(v: float, decimals: int | None = None) -> str:
    """A number as a textbook writes it: no trailing zeros, a real minus sign."""
    if decimals is None:
        if v != 0 and (abs(v) >= 1e6 or abs(v) < 1e-3):
            mant, exp = f"{v:.2e}".split("e")
            mant = mant.rstrip("0").rstrip(".")
            return f"${mant.replace('-', '−')}\\times 10^{{{int(exp)}}}$"
        # two decimals, or three significant digits for small numbers (0.0123, not 0.01)
        text = f"{v:.3g}" if abs(v) < 0.1 else f"{v:.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{v:.{decimals}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    if text in ("-0", "−0") or (text.startswith("-") and float(text) == 0):
        text = text[1:]
    return text.replace("-", "−")


def choose_step(
    lo: float, hi: float, length_cm: float, fits: Callable[[float], bool], target_cm: float = 1.4
) -> float:
    """The smallest round step of about one tick per target_cm whose labels fit (see `fits`)."""
    span = hi - lo
    for step in nice_steps(span, max(length_cm / target_cm, 2.0)):
        if tick_count(lo, hi, step) <= limits.MAX_TICKS and fits(step):
            return step
    return nice_steps(span, 1.0)[-1]
