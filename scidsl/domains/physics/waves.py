"""Where a standing wave's nodes and antinodes lie, from its ends and harmonic (positions as fractions of L)."""
from __future__ import annotations

import math


def allowed(ends: tuple[str, str], n: int) -> bool:
    """A tube open at one end and closed at the other has odd harmonics only."""
    return ends[0] == ends[1] or n % 2 == 1


def wavelength_over_length(ends: tuple[str, str], n: int) -> float:
    """λ / L: 2/n when both ends are alike, 4/n when they differ (n odd)."""
    return 2.0 / n if ends[0] == ends[1] else 4.0 / n


def displacement(ends: tuple[str, str], n: int, x: float) -> float:
    """The envelope's amplitude at fraction x of the length (1 at an antinode, 0 at a node)."""
    k = 2 * math.pi / wavelength_over_length(ends, n)
    if ends[0] == "closed":  # a displacement node at the left end
        return math.sin(k * x)
    return math.cos(k * x)


def nodes_and_antinodes(ends: tuple[str, str], n: int) -> tuple[list[float], list[float]]:
    """Fractions of L where the displacement has nodes and antinodes (ends included)."""
    lam = wavelength_over_length(ends, n)
    first_node = 0.0 if ends[0] == "closed" else lam / 4
    first_anti = lam / 4 if ends[0] == "closed" else 0.0
    step = lam / 2
    nodes = [round(first_node + i * step, 12) for i in range(40) if first_node + i * step <= 1 + 1e-9]
    antis = [round(first_anti + i * step, 12) for i in range(40) if first_anti + i * step <= 1 + 1e-9]
    return nodes, antis
