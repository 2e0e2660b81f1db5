"""Mechanics apparatus of the drawing layer: carts on wheels, chains over an edge, pendulums."""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import Field

from scidsl.answers import Givens, givens_field
from scidsl.domains.draw.kinds import Box, Position, Size, _Styled
from scidsl.model import Angle, Label, Node, Positive, Ref, quantity_of


class Cart(Box):
    """A body on two wheels (radius 0.35 of its height); `on` a floor, slope or body puts the wheels on it."""

    kind: Literal["cart"] = "cart"  # type: ignore[assignment]
    example: ClassVar[str] = "floor f; cart c on f { mass: 2 kg }; box b on c"

    def members(self) -> Optional[set[str]]:
        """Faces and corners of its body, and its two wheels."""
        return (super().members() or set()) | {"wheel1", "wheel2"}


class Chain(_Styled):
    """A chain (or rope) on a body's top hanging over its edge; checked to fit the table."""

    kind: Literal["chain"] = "chain"
    over: Ref = Field(description="a top corner, e.g. table.top_right")
    length: Size
    hanging: Size = Field(description="the part over the edge")
    style: Literal["chain", "rope"] = "chain"
    relations: ClassVar[tuple[str, ...]] = ()
    example: ClassVar[str] = "box t; chain c { over: t.top_right, length: 2, hanging: 0.5 }"

    def members(self) -> Optional[set[str]]:
        """Its end on the top, the edge and its hanging end."""
        return {"start", "edge", "end"}


class Pendulum(_Styled):
    """A bob on a string from a pivot at an angle from the dotted vertical; period 2π√(L/g) checked."""

    kind: Literal["pendulum"] = "pendulum"
    hangs_from: Optional[Ref] = None
    mass: Optional[quantity_of("mass")] = None
    at: Optional[Position] = Field(default=None, description="the pivot")
    length: Size = 3.0
    angle: Optional[Angle] = Field(default=None, description="from the vertical (default 30 deg)")
    bob: Positive = Field(default=0.3, le=5)
    swing: bool = False
    angle_label: Optional[Label] = "$\\theta$"
    string_label: Optional[Label] = None
    period: Optional[quantity_of("time")] = None
    g: Optional[quantity_of("acceleration")] = None
    givens: Givens = givens_field()
    relations: ClassVar[tuple[str, ...]] = ("hangs_from", "at")
    example: ClassVar[str] = "ceiling c; pendulum p hangs from c { length: 1 m, angle: 20 deg }"

    def members(self) -> Optional[set[str]]:
        """Pivot, bob centre and the middle of the string."""
        return {"pivot", "bob", "mid"}


MECH_KINDS: list[type[Node]] = [Cart, Chain, Pendulum]
