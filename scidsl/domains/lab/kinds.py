"""Laboratory apparatus: a retort stand, burettes, flasks, beakers, pipettes and funnels.

The author says what is there and what it holds; the compiler assembles the set-up (a burette on a
stand hangs from its clamp with its tip above the mouth of the vessel standing on the same stand,
a pipette drains into the vessel it names, a funnel sits in the mouth of its vessel).
Volumes are quantities such as `50 mL`, `20.22 mL`; concentrations such as `0.2503 M`.
"""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from scidsl.answers import Givens, givens_field
from scidsl.model import Label, Node, Quantity, Ref


class _Apparatus(Node):
    label: Label | None = Field(default=None, description="name shown beside it")
    domain: ClassVar[str] = "lab"


class _Vessel(_Apparatus):
    volume: Quantity | None = Field(default=None, description="liquid inside, e.g. 25.00 mL")
    contents: Label | None = Field(default=None, description="what it holds, e.g. \"NaCl(aq)\"")
    concentration: Quantity | None = Field(default=None, description="e.g. 0.1 M")
    on: Ref | None = Field(default=None, description="a retort_stand: stands on its base, under its burette")
    relations: ClassVar[tuple[str, ...]] = ("on",)

    def members(self) -> set[str] | None:
        return {"mouth", "bottom", "level"}


class RetortStand(_Apparatus):
    """A retort stand; burettes, funnels and vessels name it with `on`."""

    kind: Literal["retort_stand"] = "retort_stand"
    example: ClassVar[str] = "retort_stand S"

    def members(self) -> set[str] | None:
        return {"base", "clamp", "top"}


class Burette(_Apparatus):
    """A graduated burette; liquid drawn up to its `reading`."""

    kind: Literal["burette"] = "burette"
    on: Ref | None = Field(default=None, description="the retort_stand holding it")
    capacity: Quantity = Field(default=Quantity(50.0, "mL"), description="e.g. 50 mL")
    reading: Quantity | None = Field(default=None, description="scale value at the meniscus, e.g. 20.22 mL "
                                        "(0 at the top)")
    initial: Quantity | None = Field(default=None, description="reading before the titration (default 0 mL)")
    givens: Givens = givens_field()
    contents: Label | None = Field(default=None, description="the titrant, e.g. \"0.2503 M AgNO3\"")
    concentration: Quantity | None = Field(default=None, description="e.g. 0.2503 M")
    view: Literal["full", "closeup"] = Field(default="full", description="closeup: the scale magnified at the meniscus")
    relations: ClassVar[tuple[str, ...]] = ("on",)
    example: ClassVar[str] = 'burette B on S { capacity: 50 mL, reading: 20.22 mL, contents: "0.2503 M AgNO3" }'

    def members(self) -> set[str] | None:
        return {"tip", "top", "meniscus", "stopcock"}


class ConicalFlask(_Vessel):
    """A conical (Erlenmeyer) flask; on a stand it is under the burette tip."""

    kind: Literal["flask"] = "flask"
    capacity: Quantity = Field(default=Quantity(250.0, "mL"), description="e.g. 250 mL")
    givens: Givens = givens_field()
    precipitate: Label | None = Field(default=None, description="solid formed, e.g. \"AgCl(s)\"")
    example: ClassVar[str] = 'flask F on S { volume: 15.00 mL, contents: "NaCl(aq)" }'


class Beaker(_Vessel):
    """A beaker with a spout."""

    kind: Literal["beaker"] = "beaker"
    capacity: Quantity = Field(default=Quantity(250.0, "mL"), description="e.g. 100 mL")
    givens: Givens = givens_field()
    precipitate: Label | None = Field(default=None, description="solid at the bottom")
    example: ClassVar[str] = 'beaker K { capacity: 100 mL, volume: 60 mL, contents: "CuSO4(aq)" }'


class VolumetricFlask(_Vessel):
    """A volumetric flask with its mark (filled to it when volume = capacity)."""

    kind: Literal["volumetric_flask"] = "volumetric_flask"
    capacity: Quantity = Field(default=Quantity(100.0, "mL"), description="volume at the mark, e.g. 100 mL")
    example: ClassVar[str] = 'volumetric_flask V { capacity: 100 mL, volume: 100 mL, contents: "0.0500 M HCl" }'


class Pipette(_Apparatus):
    """A bulb pipette draining into the vessel `to` names."""

    kind: Literal["pipette"] = "pipette"
    to: Ref | None = Field(default=None, description="the vessel it drains into")
    capacity: Quantity = Field(default=Quantity(10.0, "mL"), description="e.g. 10.00 mL")
    contents: Label | None = Field(default=None, description="e.g. \"1.00 M HCl\"")
    concentration: Quantity | None = Field(default=None, description="e.g. 1.00 M")
    relations: ClassVar[tuple[str, ...]] = ("to",)
    example: ClassVar[str] = 'pipette P to V { capacity: 10.00 mL, contents: "1.00 M HCl" }'

    def members(self) -> set[str] | None:
        return {"tip", "bulb", "mark"}


class Funnel(_Apparatus):
    """A filter funnel resting on a flask's rim, on a bar across a beaker, or in a stand's ring."""

    kind: Literal["funnel"] = "funnel"
    on: Ref | None = Field(default=None, description="the flask or beaker it sits in, or a retort_stand (ring)")
    filter: bool = Field(default=True, description="folded filter paper")
    contents: Label | None = Field(default=None, description="residue on the paper")
    relations: ClassVar[tuple[str, ...]] = ("on",)
    example: ClassVar[str] = 'funnel U on F { contents: "residue: sand" }'

    def members(self) -> set[str] | None:
        return {"stem", "top"}


class Calorimeter(_Apparatus):
    """A coffee-cup (nested cups, lid, stirrer) or bomb (steel bomb in water) calorimeter."""

    kind: Literal["calorimeter"] = "calorimeter"
    type: Literal["coffee_cup", "bomb"] = "coffee_cup"
    contents: Label | None = Field(default=None, description="e.g. \"50 mL HCl + 50 mL NaOH\"")
    mass: Quantity | None = Field(default=None, description="mass of water or solution, for q = m c ΔT")
    heat_capacity: Quantity | None = Field(default=None, description="calorimeter constant, e.g. 10.1 kJ/K")
    givens: Givens = givens_field()
    sample: Label | None = Field(default=None, description="what burns in the bomb")
    example: ClassVar[str] = 'calorimeter C { type: coffee_cup, mass: 100 g }'

    def members(self) -> set[str] | None:
        return {"lid", "stirrer", "bottom", "level"}


class Thermometer(_Apparatus):
    """A liquid-in-glass thermometer; its reading is checked against its scale."""

    kind: Literal["thermometer"] = "thermometer"
    at: Ref | None = Field(default=None, description="the calorimeter or vessel it dips into")
    scale: list[Quantity] = Field(default=[Quantity(-10.0, "degC"), Quantity(110.0, "degC")],
                                  min_length=2, max_length=2, description="lowest and highest mark")
    reading: Quantity | None = Field(default=None, description="e.g. 24.5 degC")
    initial: Quantity | None = Field(default=None, description="reading before, for ΔT")
    givens: Givens = givens_field()
    view: Literal["full", "closeup"] = Field(default="full", description="closeup: the scale near the reading")
    relations: ClassVar[tuple[str, ...]] = ("at",)
    example: ClassVar[str] = "thermometer T at C { initial: 21.0 degC, reading: 27.4 degC }"

    def members(self) -> set[str] | None:
        return {"bulb", "top", "level"}


KINDS = [RetortStand, Burette, ConicalFlask, Beaker, VolumetricFlask, Pipette, Funnel, Calorimeter,
         Thermometer]
