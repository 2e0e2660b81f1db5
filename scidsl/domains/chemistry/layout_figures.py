"""Blocks of the chemistry figures that are not molecules: energy profiles and galvanic cells."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .energy import EnergyEntry, ProfileGeometry, profile_geometry

Box = tuple[float, float, float, float]


@dataclass
class EnergyBlock:
    """An energy profile laid out in its own frame (axes corner at the origin)."""

    entry: EnergyEntry
    geo: ProfileGeometry
    box: Box
    offset: tuple[float, float] = (0.0, 0.0)


@dataclass
class GalvanicBlock:
    """A galvanic cell laid out in its own frame (bench at y = 0, anode beaker on the left)."""

    entry: Any
    box: Box
    offset: tuple[float, float] = (0.0, 0.0)


def energy_block(entry: EnergyEntry, scale: float = 1.0) -> EnergyBlock:
    """Scale the profile and reserve room for the axis titles, the ΔH arrow and the labels."""
    node = entry.node
    geo = profile_geometry(list(node.levels), list(node.catalysed) if node.catalysed else None,
                           height=6.0 * scale)
    box = (-1.0, -1.0, geo.width + 2.4 + _key_width(node), geo.height + 1.2)
    if node.label:
        box = (box[0], box[1] - 0.6, box[2], box[3])
    return EnergyBlock(entry, geo, box)


def _key_width(node: Any) -> float:
    """Room for the key right of the ΔH arrow (line samples and values)."""
    from scidsl.text import measure_text

    from .energy import key_texts

    widths = [measure_text(text, 10)[0] + (1.0 if sample else 0.0) for sample, text in key_texts(node)]
    return max(widths) + 0.6 if widths else 0.0


GALVANIC_W, GALVANIC_H = 11.0, 8.6


def galvanic_block(entry: Any) -> GalvanicBlock:
    """A fixed frame: two beakers, bridge, wires and voltmeter, notation under the bench."""
    low = -1.6 if getattr(entry.node, "givens", "shown") == "hidden" else -2.2  # room for the potentials
    return GalvanicBlock(entry, (-0.6, low, GALVANIC_W, GALVANIC_H))


def figure_block(entry: Any, scale: float = 1.0) -> Any:
    """The block of a checked energy profile or galvanic cell."""
    if isinstance(entry, EnergyEntry):
        return energy_block(entry, scale)
    return galvanic_block(entry)
