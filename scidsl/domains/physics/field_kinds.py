"""Kinds of electric and magnetic apparatus: capacitor plates, wires, rails with a sliding rod, coils."""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import Field

from scidsl.model import Label, Node, Number, Ref, quantity_of

Current = quantity_of("current")
Distance = quantity_of("length")
_SIDES = ("left_of", "right_of", "above", "below")


class _FieldThing(Node):
    """Placed beside another field apparatus (`wire_section b right of a { gap: 4 }`), else in a row."""

    left_of: Optional[Ref] = Field(default=None, description="beside another apparatus, centres aligned (also "
                                   "right_of, above, below)")
    right_of: Optional[Ref] = None
    above: Optional[Ref] = None
    below: Optional[Ref] = None
    gap: Number = Field(default=1.0, ge=0, le=40, description="page cm between it and what it is beside")
    label: Optional[Label] = Field(default=None, description="its name on the figure")
    relations: ClassVar[tuple[str, ...]] = _SIDES
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "physics"

    def members(self) -> Optional[set[str]]:
        """Centre and the four sides of its box."""
        return {"center", "top", "bottom", "left", "right"}


class CapacitorPlates(_FieldThing):
    """Parallel plates (+ on `positive`, − on the other) with field lines across the gap and optional dielectrics
    stacked across the gap (in series) or side by side (in parallel); C = ε0·εr·A/d computed."""

    kind: Literal["capacitor_plates"] = "capacitor_plates"
    separation: Distance = Field(description="plate separation d, e.g. 2 mm")
    area: Optional[quantity_of("area")] = Field(default=None, description="plate area A, e.g. 100 cm^2")
    dielectrics: list[Number] = Field(default_factory=list, max_length=6, description="εr of each filling")
    fractions: Optional[list[Number]] = Field(default=None, max_length=6, description="share of the gap (stacked) or "
                                              "of the area (side by side) each filling takes; default equal, sum 1")
    fill: Literal["stacked", "side_by_side"] = Field(default="stacked", description="layers across the gap, or side "
                                                     "by side")
    positive: Literal["top", "bottom"] = Field(default="top", description="the plate with charge +Q")
    lines: int = Field(default=7, ge=0, le=20, description="field lines drawn")
    example: ClassVar[str] = "capacitor_plates C { separation: 2 mm, area: 50 cm^2, dielectrics: [2, 5] }"


class WireSection(_FieldThing):
    """A long straight wire seen end-on: ⊙ current out of the page, ⊗ into it, or a plain circle (not stated);
    optionally its magnetic field circle, drawn by the right-hand rule."""

    kind: Literal["wire_section"] = "wire_section"
    current: Literal["out", "in", "none"] = Field(default="none", description="out of the page (⊙), into it (⊗), or "
                                                  "not stated")
    I: Optional[Current] = Field(default=None, description="the current, e.g. 3 A")
    distance: Optional[Distance] = Field(default=None, description="a distance r at which B = μ0·I/2πr is stated")
    field: bool = Field(default=False, description="draw a field circle with its direction")
    radius: Number = Field(default=0.25, ge=0.1, le=2, description="radius of the wire in page cm")
    example: ClassVar[str] = 'wire_section w { current: out, I: 2 A, field: true, label: "$I$" }'


class LongWire(_FieldThing):
    """A long straight wire with current arrows along it and ⊙/⊗ field marks on both sides by the right-hand rule;
    B = μ0·I/2πr stated at `distance`."""

    kind: Literal["long_wire"] = "long_wire"
    direction: Literal["up", "down", "left", "right"] = Field(default="up", description="direction of the current")
    I: Optional[Current] = Field(default=None, description="the current, e.g. 5 A")
    distance: Optional[Distance] = Field(default=None, description="a distance r at which B is stated")
    marks: bool = Field(default=True, description="⊙/⊗ field marks on both sides")
    length: Number = Field(default=6.0, ge=2, le=20, description="drawn length in page cm")
    example: ClassVar[str] = 'long_wire w { direction: up, I: 5 A, distance: 2 cm, label: "$I$" }'

    def members(self) -> Optional[set[str]]:
        """Centre, box sides and the wire's two ends."""
        return {"center", "top", "bottom", "left", "right", "start", "end"}


class Rails(_FieldThing):
    """Two parallel rails joined by a resistor or bulb, a rod sliding on them with velocity v, in a uniform B drawn
    as a ⊙/⊗ grid; EMF = B·L·v, I = EMF/R and the induced current's direction (Lenz's law) are computed."""

    kind: Literal["rails"] = "rails"
    separation: Distance = Field(description="distance L between the rails, e.g. 0.5 m")
    B: Optional[quantity_of("magnetic_field")] = Field(default=None, description="field strength, e.g. 0.2 T")
    field: Literal["in", "out"] = Field(default="in", description="B into (⊗) or out of (⊙) the page")
    speed: Optional[quantity_of("velocity")] = Field(default=None, description="speed of the rod, e.g. 2 m/s")
    motion: Literal["right", "left"] = Field(default="right", description="which way the rod moves")
    R: Optional[quantity_of("resistance")] = Field(default=None, description="resistance of the load, e.g. 4 ohm")
    load: Literal["resistor", "bulb"] = Field(default="resistor", description="what joins the rails at the left")
    length: Optional[Distance] = Field(default=None, description="length of the rails (for `rod_at` as a distance)")
    rod_at: Optional[Distance] = Field(default=None, description="where the rod is: a fraction of the rails from the "
                                      "load (default 0.6), or a distance with `length`")
    example: ClassVar[str] = "rails r { separation: 0.5 m, B: 0.2 T, speed: 3 m/s, R: 2 ohm }"

    def members(self) -> Optional[set[str]]:
        """Centre, box sides, the rod's ends and the load."""
        return {"center", "top", "bottom", "left", "right", "rod", "rod_top", "rod_bottom", "load"}


class Solenoid(_FieldThing):
    """A coil with windings drawn front (solid) and back (dashed), current arrows in the leads and B inside by the
    right-hand rule; B = μ0·n·I."""

    kind: Literal["solenoid"] = "solenoid"
    front: Literal["up", "down"] = Field(default="up", description="the current's direction in the front half of "
                                         "each winding")
    I: Optional[Current] = Field(default=None, description="the current")
    N: Optional[int] = Field(default=None, ge=1, le=10_000_000, description="number of turns (with `length`)")
    n: Optional[Number] = Field(default=None, gt=0, le=1e9, description="turns per metre (instead of N and length)")
    length: Optional[Distance] = Field(default=None, description="its length (with `N`)")
    turns: int = Field(default=8, ge=3, le=30, description="windings drawn")
    poles: bool = Field(default=False, description="mark the N and S ends")
    example: ClassVar[str] = "solenoid s { front: up, I: 2 A, N: 500, length: 25 cm, poles: true }"

    def members(self) -> Optional[set[str]]:
        """Centre, box sides and the two ends of its axis."""
        return {"center", "top", "bottom", "left", "right", "north", "south"}


class Toroid(_FieldThing):
    """Windings around a ring, current in the leads, B circling inside the ring by the right-hand rule;
    B = μ0·N·I/2πr."""

    kind: Literal["toroid"] = "toroid"
    current: Literal["outward", "inward"] = Field(default="outward", description="the current's direction across "
                                                  "the visible (upper) side of each winding")
    I: Optional[Current] = Field(default=None, description="the current")
    N: Optional[int] = Field(default=None, ge=1, le=10_000_000, description="number of turns")
    r: Optional[Distance] = Field(default=None, description="radius at which B = μ0·N·I/2πr is stated")
    turns: int = Field(default=16, ge=6, le=48, description="windings drawn")
    example: ClassVar[str] = "toroid t { current: outward, I: 1 A, N: 400, r: 10 cm }"


FIELD_KINDS = [CapacitorPlates, WireSection, LongWire, Rails, Solenoid, Toroid]
