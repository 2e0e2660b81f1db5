"""Projectile motion and the ideal gas: the numbers the figures draw and state."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

R_GAS = 8.314462618  # J/(mol·K)


@dataclass
class Flight:
    """A projectile's flight from launch to the ground (SI units)."""

    v0: float
    angle: float  # rad
    h0: float
    g: float
    time: float
    range: float
    top: tuple[float, float]  # highest point (x, y)

    def at(self, t: float) -> tuple[float, float]:
        """Position at time t."""
        return (self.v0 * math.cos(self.angle) * t,
                self.h0 + self.v0 * math.sin(self.angle) * t - 0.5 * self.g * t * t)


def flight(v0: float, angle: float, h0: float, g: float) -> Optional[Flight]:
    """The flight, or None when the projectile never leaves the ground."""
    vy = v0 * math.sin(angle)
    disc = vy * vy + 2 * g * h0
    if g <= 0 or v0 < 0 or h0 < 0 or disc < 0:
        return None
    t = (vy + math.sqrt(disc)) / g
    if t <= 1e-12:
        return None
    t_top = max(vy / g, 0.0)
    f = Flight(v0, angle, h0, g, t, v0 * math.cos(angle) * t, (0.0, 0.0))
    f.top = f.at(t_top)
    return f


def gas_state(p: Optional[float], v: Optional[float], t: Optional[float], n: Optional[float]) -> dict[str, float]:
    """The four state variables (SI) from any three by pV = nRT; with four, as given."""
    known = {"p": p, "V": v, "T": t, "n": n}
    missing = [k for k, x in known.items() if x is None]
    if len(missing) > 1:
        return {k: x for k, x in known.items() if x is not None}
    if missing == ["p"]:
        known["p"] = n * R_GAS * t / v  # type: ignore[operator]
    elif missing == ["V"]:
        known["V"] = n * R_GAS * t / p  # type: ignore[operator]
    elif missing == ["T"]:
        known["T"] = p * v / (n * R_GAS)  # type: ignore[operator]
    elif missing == ["n"]:
        known["n"] = p * v / (R_GAS * t)  # type: ignore[operator]
    return known  # type: ignore[return-value]


def gas_mismatch(state: dict[str, float]) -> Optional[float]:
    """How far pV/(nRT) is from 1 when all four are given, else None."""
    if len(state) < 4 or min(state.values()) <= 0:
        return None
    return abs(state["p"] * state["V"] / (state["n"] * R_GAS * state["T"]) - 1)
