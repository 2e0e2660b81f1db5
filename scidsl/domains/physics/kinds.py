"""Kinds of the physics domain: energy-level diagrams and standing waves."""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import Field

from scidsl.domains.physics.field_kinds import FIELD_KINDS
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


class Projectile(Node):
    """A projectile's path computed from its launch speed, angle and height: the parabola to the ground, the launch
    velocity with its angle, and the range and greatest height as dimensions."""

    kind: Literal["projectile"] = "projectile"
    speed: quantity_of("velocity") = Field(description="launch speed, e.g. 20 m/s")
    angle: Optional[quantity_of("angle")] = Field(default=None, description="launch angle above the horizontal "
                                                   "(default 0: thrown horizontally)")
    height: Optional[quantity_of("length")] = Field(default=None, description="launch height above the ground "
                                                    "(default 0)")
    g: Optional[quantity_of("acceleration")] = Field(default=None, description="gravitational acceleration "
                                                     "(default 9.8 m/s^2)")
    show: list[Literal["range", "height", "angle", "speed"]] = Field(
        default=["range", "height", "angle", "speed"], description="what the figure marks: the range R and the "
        "greatest height H by their symbols (their values are facts, never drawn), the given angle and speed")
    label: Optional[Label] = Field(default=None, description="caption")
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "physics"
    example: ClassVar[str] = "projectile p { speed: 20 m/s, angle: 30 deg }"

    def members(self) -> Optional[set[str]]:
        """Launch point, top of the path and landing point."""
        return {"launch", "top", "landing"}


class GasCylinder(Node):
    """A gas in a cylinder under a piston, with its state (any three of p, V, T, n give the fourth by pV = nRT, all
    four are checked) and heat flowing in or out."""

    kind: Literal["gas_cylinder"] = "gas_cylinder"
    pressure: Optional[quantity_of("pressure")] = Field(default=None, description="e.g. 100 kPa")
    volume: Optional[quantity_of("volume")] = Field(default=None, description="e.g. 2 L")
    temperature: Optional[quantity_of("temperature")] = Field(default=None, description="e.g. 300 K")
    moles: Optional[float] = Field(default=None, gt=0, le=1e6, description="amount of gas in mol")
    heat: Literal["in", "out", "none"] = Field(default="none", description="heat flowing into or out of the gas")
    piston: Literal["free", "fixed"] = Field(default="free", description="a free piston (with a weight) or a fixed one")
    label: Optional[Label] = Field(default=None, description="caption")
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "physics"
    example: ClassVar[str] = "gas_cylinder c { pressure: 100 kPa, volume: 2 L, temperature: 300 K, heat: in }"


from scidsl.domains.physics.optics_kinds import OPTICS_KINDS  # noqa: E402

KINDS = [EnergyLevels, StandingWave, Projectile, GasCylinder] + FIELD_KINDS + OPTICS_KINDS
__all__ = ["EnergyLevels", "StandingWave", "KINDS", "Quantity"]

from scidsl.domains.physics.wave_kinds import WAVE_KINDS, StringVibrator, TravellingWave  # noqa: E402

KINDS += WAVE_KINDS
