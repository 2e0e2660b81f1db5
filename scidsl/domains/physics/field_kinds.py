"""Kinds of electric and magnetic apparatus: capacitor plates, wires, rails with a sliding rod, coils."""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import Field

from scidsl.answers import Givens, givens_field
from scidsl.model import Label, Node, Number, Ref, quantity_of

Current = quantity_of("current")
Distance = quantity_of("length")
_SIDES = ("left_of", "right_of", "above", "below")


class _FieldThing(Node):
    """Placed beside another field apparatus (`wire_section b right of a { gap: 4 }`), else in a row."""

    left_of: Optional[Ref] = None
    right_of: Optional[Ref] = None
    above: Optional[Ref] = None
    below: Optional[Ref] = None
    gap: Number = Field(default=1.0, ge=0, le=40, description="page cm")
    label: Optional[Label] = None
    givens: Givens = givens_field()
    relations: ClassVar[tuple[str, ...]] = _SIDES
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "physics"

    def members(self) -> Optional[set[str]]:
        """Centre and the four sides of its box."""
        return {"center", "top", "bottom", "left", "right"}


class CapacitorPlates(_FieldThing):
    """Capacitor plates, signs, field lines, dielectrics stacked (series) or side by side (parallel)."""

    kind: Literal["capacitor_plates"] = "capacitor_plates"
    separation: Distance = Field(description="d")
    area: Optional[quantity_of("area")] = Field(default=None, description="A")
    dielectrics: list[Number] = Field(default_factory=list, max_length=6,
                                      description="εr of each; stacked from the + plate in this order")
    fractions: Optional[list[Number]] = Field(default=None, max_length=6, description="share of each, sum ≤ 1")
    fill: Literal["stacked", "side_by_side"] = "stacked"
    positive: Literal["top", "bottom"] = "top"
    lines: int = Field(default=7, ge=0, le=20)
    example: ClassVar[str] = "capacitor_plates C { separation: 2 mm, area: 50 cm^2, dielectrics: [2, 5] }"


class WireSection(_FieldThing):
    """A wire seen end-on (⊙ out, ⊗ in, or not stated), its field circle by the right-hand rule."""

    kind: Literal["wire_section"] = "wire_section"
    current: Literal["out", "in", "none"] = "none"
    I: Optional[Current] = None
    distance: Optional[Distance] = Field(default=None, description="r for B = μ0·I/2πr")
    field: bool = Field(default=False, description="draw B")
    example: ClassVar[str] = 'wire_section w { current: out, I: 2 A, field: true, label: "$I$" }'


class LongWire(_FieldThing):
    """A long straight wire with current arrows and ⊙/⊗ field marks on both sides (right-hand rule)."""

    kind: Literal["long_wire"] = "long_wire"
    direction: Literal["up", "down", "left", "right"] = Field(default="up", description="of the current")
    I: Optional[Current] = None
    distance: Optional[Distance] = Field(default=None, description="r for B = μ0·I/2πr")
    marks: bool = True
    length: Number = Field(default=6.0, ge=2, le=20, description="page cm")
    example: ClassVar[str] = 'long_wire w { direction: up, I: 5 A, distance: 2 cm, label: "$I$" }'

    def members(self) -> Optional[set[str]]:
        """Centre, box sides and the wire's two ends."""
        return {"center", "top", "bottom", "left", "right", "start", "end"}


class Rails(_FieldThing):
    """Rails joined by a load, a sliding rod with v in a ⊙/⊗ field; EMF = B·L·v, current by Lenz's law."""

    kind: Literal["rails"] = "rails"
    separation: Distance = Field(description="L")
    B: Optional[quantity_of("magnetic_field")] = None
    field: Literal["in", "out"] = "in"
    speed: Optional[quantity_of("velocity")] = None
    motion: Literal["right", "left"] = "right"
    R: Optional[quantity_of("resistance")] = None
    load: Literal["resistor", "bulb"] = "resistor"
    length: Optional[Distance] = None
    rod_at: Optional[Distance] = Field(default=None, description="fraction from the load, or a distance "
                                      "with `length`")
    example: ClassVar[str] = "rails r { separation: 0.5 m, B: 0.2 T, speed: 3 m/s, R: 2 ohm }"

    def members(self) -> Optional[set[str]]:
        """Centre, box sides, the rod's ends and the load."""
        return {"center", "top", "bottom", "left", "right", "rod", "rod_top", "rod_bottom", "load"}


class Solenoid(_FieldThing):
    """A coil, windings front and back, current in the leads, B inside by the grip rule; B = μ0·n·I."""

    kind: Literal["solenoid"] = "solenoid"
    front: Literal["up", "down"] = Field(default="up", description="current in the windings' front")
    I: Optional[Current] = None
    N: Optional[int] = Field(default=None, ge=1, le=10_000_000, description="turns")
    n: Optional[Number] = Field(default=None, gt=0, le=1e9, description="turns per m")
    length: Optional[Distance] = None
    turns: int = Field(default=8, ge=3, le=30, description="drawn")
    poles: bool = False
    example: ClassVar[str] = "solenoid s { front: up, I: 2 A, N: 500, length: 25 cm, poles: true }"

    def members(self) -> Optional[set[str]]:
        """Centre, box sides and the two ends of its axis."""
        return {"center", "top", "bottom", "left", "right", "north", "south"}


class Toroid(_FieldThing):
    """Windings round a ring, B circling inside by the grip rule; B = μ0·N·I/2πr."""

    kind: Literal["toroid"] = "toroid"
    current: Literal["outward", "inward"] = Field(default="outward", description="current across the "
                                                  "windings' visible side")
    I: Optional[Current] = None
    N: Optional[int] = Field(default=None, ge=1, le=10_000_000)
    r: Optional[Distance] = None
    turns: int = Field(default=16, ge=6, le=48, description="drawn")
    example: ClassVar[str] = "toroid t { current: outward, I: 1 A, N: 400, r: 10 cm }"


class ChargedSphere(_FieldThing):
    """A charged ball or shell, its signs and radial field; E at `distance` (kQ/r² outside)."""

    kind: Literal["charged_sphere"] = "charged_sphere"
    Q: quantity_of("charge") = Field()
    radius: Distance = Field(description="R")
    shell: bool = Field(default=False, description="or conductor: E = 0 inside")
    distance: Optional[Distance] = Field(default=None, description="r of a point P")
    example: ClassVar[str] = 'charged_sphere s { Q: 2 nC, radius: 5 cm, distance: 10 cm }'

    def members(self) -> Optional[set[str]]:
        """Centre, box sides and the point P."""
        return {"center", "top", "bottom", "left", "right", "P"}


FIELD_KINDS = [CapacitorPlates, WireSection, LongWire, Rails, Solenoid, Toroid, ChargedSphere]
