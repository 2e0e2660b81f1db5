"""Mechanics apparatus of the drawing layer: carts on wheels, chains over an edge, pendulums."""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import Field

from scidsl.domains.draw.kinds import Box, Position, Size, _Mass, _Styled
from scidsl.model import Angle, Color, Label, Node, Positive, Ref, quantity_of


class Cart(Box):
    """A cart: a body on two wheels resting by relation on a floor, slope or body (wheels touch it); bodies rest on
    its top."""

    kind: Literal["cart"] = "cart"  # type: ignore[assignment]
    size: list[Positive] = Field(default=[2.4, 0.8], min_length=2, max_length=2, description="[width, height] in cm")
    wheel: Size = Field(default=0.3, description="wheel radius")
    example: ClassVar[str] = 'floor f; cart c on f { mass: 2 kg, show_mass: true, label: "$M$" }; box b on c'

    def members(self) -> Optional[set[str]]:
        """Faces and corners of its body, and its two wheels."""
        return (super().members() or set()) | {"wheel1", "wheel2"}


class Chain(_Styled):
    """A chain or rope lying on a body's top and hanging over its edge (`over: table.top_right`): `length` in all,
    `hanging` over the edge; checked against the edge's height and the top's length."""

    kind: Literal["chain"] = "chain"
    over: Ref = Field(description="the top corner it hangs over, e.g. table.top_right")
    length: Size = Field(description="its whole length")
    hanging: Size = Field(description="the part hanging below the edge")
    style: Literal["chain", "rope"] = Field(default="chain", description="links or a plain line")
    relations: ClassVar[tuple[str, ...]] = ()
    example: ClassVar[str] = ("floor f; box table on f { length: 5, height: 2.5 }; "
                              "chain c { over: table.top_right, length: 4, hanging: 1.5 }")

    def members(self) -> Optional[set[str]]:
        """Its end on the top, the edge and its hanging end."""
        return {"start", "edge", "end"}


class Pendulum(_Styled, _Mass):
    """A pendulum: a bob on a string from a pivot (hangs from a ceiling or point) at an angle from the dotted
    vertical, the angle marked, optionally its swing; a `period` is checked against 2π√(L/g)."""

    kind: Literal["pendulum"] = "pendulum"
    hangs_from: Optional[Ref] = Field(default=None, description="a ceiling or point (or `at` a pivot position)")
    at: Optional[Position] = Field(default=None, description="the pivot")
    length: Size = Field(default=3.0, description="string length (with a unit: used for the period)")
    angle: Optional[Angle] = Field(default=None, description="from the vertical, positive to the right (default 30 deg)")
    bob: Positive = Field(default=0.3, le=5, description="bob radius in cm")
    swing: bool = Field(default=False, description="draw the arc it swings on and the bob at the other side")
    angle_label: Optional[Label] = Field(default="$\\theta$", description="label of the angle")
    string_label: Optional[Label] = Field(default=None, description="label of the string, e.g. $L$")
    fill: Optional[Color] = Field(default="#cccccc", description="bob colour")
    period: Optional[quantity_of("time")] = Field(default=None, description="stated period (checked)")
    g: Optional[quantity_of("acceleration")] = Field(default=None, description="default 9.8 m/s^2")
    relations: ClassVar[tuple[str, ...]] = ("hangs_from", "at")
    example: ClassVar[str] = 'ceiling top; pendulum p hangs from top { length: 1 m, angle: 20 deg, label: "$m$" }'

    def members(self) -> Optional[set[str]]:
        """Pivot, bob centre and the middle of the string."""
        return {"pivot", "bob", "mid"}


MECH_KINDS: list[type[Node]] = [Cart, Chain, Pendulum]
