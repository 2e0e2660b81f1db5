"""Kinds of the physics domain for waves on strings: Melde's string vibrator and travelling-wave snapshots."""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import Field

from scidsl.model import Label, Node, quantity_of


class StringVibrator(Node):
    """Melde's string: vibrator, standing wave of harmonic n, pulley, hanging mass; f = n/(2L)·√(T/μ) checked."""

    kind: Literal["string_vibrator"] = "string_vibrator"
    length: quantity_of("length")
    harmonic: int = Field(default=1, ge=1, le=12)
    mass: Optional[quantity_of("mass")] = None
    tension: Optional[quantity_of("force")] = None
    density: Optional[quantity_of("linear_density")] = Field(default=None, description="μ, e.g. 2 g/m")
    frequency: Optional[quantity_of("frequency")] = None
    source: Literal["vibrator", "tuning_fork"] = "vibrator"
    g: Optional[quantity_of("acceleration")] = None
    label: Optional[Label] = None
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "physics"
    example: ClassVar[str] = "string_vibrator s { length: 1 m, harmonic: 3, mass: 0.5 kg, density: 2 g/m }"

    def members(self) -> Optional[set[str]]:
        """The vibrator end, the pulley and the hanging mass."""
        return {"left", "pulley", "mass"}


class TravellingWave(Node):
    """A snapshot of y = A sin(kx − ωt) with λ, A and the direction of travel marked; v = fλ checked."""

    kind: Literal["travelling_wave"] = "travelling_wave"
    wavelength: quantity_of("length")
    amplitude: quantity_of("length")
    frequency: Optional[quantity_of("frequency")] = None
    speed: Optional[quantity_of("velocity")] = None
    direction: Literal["right", "left"] = "right"
    cycles: float = Field(default=2.0, ge=1, le=4, description="wavelengths shown")
    label: Optional[Label] = None
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "physics"
    example: ClassVar[str] = "travelling_wave w { wavelength: 0.4 m, amplitude: 2 cm, frequency: 5 Hz }"

    def members(self) -> Optional[set[str]]:
        """A crest, a trough and the origin."""
        return {"crest", "trough", "origin"}


WAVE_KINDS: list[type[Node]] = [StringVibrator, TravellingWave]
