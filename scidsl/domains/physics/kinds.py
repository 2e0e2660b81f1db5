"""Kinds of the physics domain: energy-level diagrams and standing waves."""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import Field

from scidsl.model import Expr, Label, Node, Quantity, quantity_of


class EnergyLevels(Node):
    """Energy levels drawn to scale (by value, or by a formula in n such as -13.6/n^2 eV) with transitions as
    arrows between them; emission goes down, absorption up; ΔE and the wavelength are computed."""

    kind: Literal["energy_levels"] = "energy_levels"
    levels: list[int] = Field(default=[1, 2, 3, 4], min_length=2, max_length=12, description="the quantum numbers n")
    energies: Optional[list[quantity_of("energy")]] = Field(default=None, max_length=12, description="one energy per "
                                                           "level, e.g. [-13.6 eV, -3.4 eV] (instead of formula)")
    formula: Optional[Expr] = Field(default=None, description="the energy in eV as an expression of n, e.g. -13.6/n^2")
    names: Optional[list[Label]] = Field(default=None, max_length=12, description="level names (default n = 1, ...)")
    transitions: list[list[int]] = Field(default_factory=list, max_length=20, description="[from, to] pairs of n")
    mode: Literal["emission", "absorption"] = Field(default="emission", description="what the arrows show")
    show: Literal["energy", "wavelength", "levels", "none"] = Field(
        default="levels", description="transition labels: the levels (n=3→n=2), ΔE, the wavelength, or none")
    height: float = Field(default=7.0, gt=1, le=30, description="height of the diagram in cm")
    label: Optional[Label] = Field(default=None, description="caption of the diagram")
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "physics"
    example: ClassVar[str] = "energy_levels H { levels: [1, 2, 3, 4], formula: -13.6/n^2, transitions: [[3, 2], [4, 2]] }"

    def members(self) -> Optional[set[str]]:
        """One member per level: `H.n3`."""
        return {f"n{n}" for n in self.levels}


class StandingWave(Node):
    """A standing wave on a string fixed at both ends or in a tube (ends open or closed): the envelope of
    harmonic n, with nodes and antinodes where the physics puts them."""

    kind: Literal["standing_wave"] = "standing_wave"
    medium: Literal["string", "tube"] = Field(default="string", description="a string (fixed ends) or an air column")
    ends: list[Literal["open", "closed"]] = Field(default=["closed", "closed"], min_length=2, max_length=2,
                                                  description="tube ends [left, right]; a string's are closed (fixed)")
    harmonic: int = Field(default=1, ge=1, le=12, description="the harmonic number n")
    length: Optional[quantity_of("length")] = Field(default=None, description="its length, shown as a dimension")
    nodes: Optional[int] = Field(default=None, ge=0, le=30, description="the number of nodes the problem states "
                                 "(checked)")
    antinodes: Optional[int] = Field(default=None, ge=0, le=30, description="the number of antinodes it states "
                                     "(checked)")
    mark: bool = Field(default=True, description="name the nodes N and antinodes A")
    label: Optional[Label] = Field(default=None, description="caption, e.g. the harmonic's name")
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "physics"
    example: ClassVar[str] = "standing_wave w { medium: tube, ends: [closed, open], harmonic: 3, length: 0.6 m }"

    def members(self) -> Optional[set[str]]:
        """Its two ends."""
        return {"left", "right"}


KINDS = [EnergyLevels, StandingWave]
__all__ = ["EnergyLevels", "StandingWave", "KINDS", "Quantity"]
