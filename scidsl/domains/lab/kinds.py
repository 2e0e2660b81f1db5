"""Laboratory apparatus: a retort stand, burettes, flasks, beakers, pipettes and funnels.

The author says what is there and what it holds; the compiler assembles the set-up (a burette on a
stand hangs from its clamp with its tip above the mouth of the vessel standing on the same stand,
a pipette drains into the vessel it names, a funnel sits in the mouth of its vessel).
Volumes are quantities such as `50 mL`, `20.22 mL`; concentrations such as `0.2503 M`.
"""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import Field

from scidsl.model import Label, Node, Quantity, Ref

_VOLUME = "a volume such as 25.00 mL or 0.25 L"


class _Apparatus(Node):
    label: Optional[Label] = Field(default=None, description="name of the apparatus shown beside it, e.g. \"burette\"")
    domain: ClassVar[str] = "lab"


class _Vessel(_Apparatus):
    volume: Optional[Quantity] = Field(default=None, description="volume of liquid inside (" + _VOLUME + ")")
    contents: Optional[Label] = Field(default=None, description="what it holds, e.g. \"NaCl(aq)\"; digits after "
                                      "element symbols are drawn as subscripts")
    concentration: Optional[Quantity] = Field(default=None, description="concentration of the contents, e.g. 0.1 M")
    on: Optional[Ref] = Field(default=None, description="a retort_stand: the vessel stands on its base, under "
                              "the burette clamped to it")
    relations: ClassVar[tuple[str, ...]] = ("on",)

    def members(self) -> Optional[set[str]]:
        return {"mouth", "bottom", "level"}


class RetortStand(_Apparatus):
    """A retort stand (base and rod) with a clamp; burettes and vessels name it with `on`."""

    kind: Literal["retort_stand"] = "retort_stand"
    example: ClassVar[str] = "retort_stand S"

    def members(self) -> Optional[set[str]]:
        return {"base", "clamp", "top"}


class Burette(_Apparatus):
    """A graduated burette with a stopcock; the liquid level is drawn at its `reading` (0 at the top)."""

    kind: Literal["burette"] = "burette"
    on: Optional[Ref] = Field(default=None, description="the retort_stand whose clamp holds it")
    capacity: Quantity = Field(default=Quantity(50.0, "mL"), description="graduated volume, e.g. 50 mL or 25 mL")
    reading: Optional[Quantity] = Field(default=None, description="the scale value at the bottom of the meniscus "
                                        "now, e.g. 20.22 mL (0 mL at the top; read to 0.01 mL)")
    initial: Optional[Quantity] = Field(default=None, description="the reading before the titration started; "
                                        "volume delivered = reading - initial (default 0 mL)")
    contents: Optional[Label] = Field(default=None, description="the titrant, e.g. \"0.2503 M AgNO3\"")
    concentration: Optional[Quantity] = Field(default=None, description="the titrant's concentration, e.g. 0.2503 M")
    view: Literal["full", "closeup"] = Field(default="full", description="full: the whole burette; closeup: a "
                                             "magnified part of the scale around the meniscus")
    relations: ClassVar[tuple[str, ...]] = ("on",)
    example: ClassVar[str] = 'burette B on S { capacity: 50 mL, reading: 20.22 mL, contents: "0.2503 M AgNO3" }'

    def members(self) -> Optional[set[str]]:
        return {"tip", "top", "meniscus", "stopcock"}


class ConicalFlask(_Vessel):
    """A conical (Erlenmeyer) flask; on a stand it stands under the burette's tip."""

    kind: Literal["flask"] = "flask"
    capacity: Quantity = Field(default=Quantity(250.0, "mL"), description="the flask's size, e.g. 250 mL")
    precipitate: Optional[Label] = Field(default=None, description="a solid formed in the flask, e.g. \"AgCl(s)\"")
    example: ClassVar[str] = 'flask F on S { volume: 15.00 mL, contents: "NaCl(aq)" }'


class Beaker(_Vessel):
    """A beaker with a spout."""

    kind: Literal["beaker"] = "beaker"
    capacity: Quantity = Field(default=Quantity(250.0, "mL"), description="the beaker's size, e.g. 100 mL")
    precipitate: Optional[Label] = Field(default=None, description="a solid at the bottom, e.g. \"BaSO4(s)\"")
    example: ClassVar[str] = 'beaker K { capacity: 100 mL, volume: 60 mL, contents: "CuSO4(aq)" }'


class VolumetricFlask(_Vessel):
    """A volumetric flask with its calibration mark on the neck (filled to the mark when volume = capacity)."""

    kind: Literal["volumetric_flask"] = "volumetric_flask"
    capacity: Quantity = Field(default=Quantity(100.0, "mL"), description="volume at the mark, e.g. 250 mL")
    example: ClassVar[str] = 'volumetric_flask V { capacity: 100 mL, volume: 100 mL, contents: "0.0500 M HCl" }'


class Pipette(_Apparatus):
    """A volumetric (bulb) pipette; `to` names the vessel it drains into."""

    kind: Literal["pipette"] = "pipette"
    to: Optional[Ref] = Field(default=None, description="the flask, beaker or volumetric_flask it delivers into")
    capacity: Quantity = Field(default=Quantity(10.0, "mL"), description="the volume it delivers, e.g. 10.00 mL")
    contents: Optional[Label] = Field(default=None, description="the liquid in it, e.g. \"1.00 M HCl\"")
    concentration: Optional[Quantity] = Field(default=None, description="the liquid's concentration, e.g. 1.00 M")
    relations: ClassVar[tuple[str, ...]] = ("to",)
    example: ClassVar[str] = 'pipette P to V { capacity: 10.00 mL, contents: "1.00 M HCl" }'

    def members(self) -> Optional[set[str]]:
        return {"tip", "bulb", "mark"}


class Funnel(_Apparatus):
    """A filter funnel sitting in the mouth of a flask or beaker, with filter paper by default."""

    kind: Literal["funnel"] = "funnel"
    on: Optional[Ref] = Field(default=None, description="the flask or beaker it sits in")
    filter: bool = Field(default=True, description="draw a folded filter paper in the funnel")
    contents: Optional[Label] = Field(default=None, description="the residue kept on the paper, e.g. \"sand\"")
    relations: ClassVar[tuple[str, ...]] = ("on",)
    example: ClassVar[str] = 'funnel U on F { contents: "residue: sand" }'

    def members(self) -> Optional[set[str]]:
        return {"stem", "top"}


KINDS = [RetortStand, Burette, ConicalFlask, Beaker, VolumetricFlask, Pipette, Funnel]
