"""Kinds of the physics domain for waves on strings: Melde's string vibrator and travelling-wave snapshots."""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import Field

from scidsl.model import Label, Node, quantity_of


class StringVibrator(Node):
    """A string from a vibrator or tuning fork over a pulley to a hanging mass, with the standing wave of harmonic
    n between; λ = 2L/n, v = √(T/μ) with T = m·g, f = v/λ; a stated `frequency` is checked."""

    kind: Literal["string_vibrator"] = "string_vibrator"
    length: quantity_of("length") = Field(description="vibrating length L, e.g. 1.2 m")
    harmonic: int = Field(default=1, ge=1, le=12, description="the harmonic n (loops)")
    mass: Optional[quantity_of("mass")] = Field(default=None, description="the hanging mass")
    tension: Optional[quantity_of("force")] = Field(default=None, description="instead of the mass")
    density: Optional[quantity_of("linear_density")] = Field(default=None, description="μ, e.g. 2 g/m")
    frequency: Optional[quantity_of("frequency")] = Field(default=None, description="stated frequency (checked)")
    source: Literal["vibrator", "tuning_fork"] = Field(default="vibrator", description="what drives the string")
    g: Optional[quantity_of("acceleration")] = Field(default=None, description="default 9.8 m/s^2")
    label: Optional[Label] = Field(default=None, description="caption")
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "physics"
    example: ClassVar[str] = "string_vibrator s { length: 1 m, harmonic: 3, mass: 0.5 kg, density: 2 g/m }"

    def members(self) -> Optional[set[str]]:
        """The vibrator end, the pulley and the hanging mass."""
        return {"left", "pulley", "mass"}


class TravellingWave(Node):
    """A snapshot of y = A sin(kx − ωt): λ and A marked by dimension arrows, the direction of travel by an arrow;
    v = fλ (a stated `speed` is checked)."""

    kind: Literal["travelling_wave"] = "travelling_wave"
    wavelength: quantity_of("length") = Field(description="λ, e.g. 0.4 m")
    amplitude: quantity_of("length") = Field(description="A, e.g. 2 cm")
    frequency: Optional[quantity_of("frequency")] = Field(default=None, description="f")
    speed: Optional[quantity_of("velocity")] = Field(default=None, description="stated speed (checked = fλ)")
    direction: Literal["right", "left"] = Field(default="right", description="direction of travel")
    cycles: float = Field(default=2.0, ge=1, le=4, description="wavelengths shown")
    label: Optional[Label] = Field(default=None, description="caption")
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "physics"
    example: ClassVar[str] = "travelling_wave w { wavelength: 0.4 m, amplitude: 2 cm, frequency: 5 Hz }"

    def members(self) -> Optional[set[str]]:
        """A crest, a trough and the origin."""
        return {"crest", "trough", "origin"}


WAVE_KINDS: list[type[Node]] = [StringVibrator, TravellingWave]
