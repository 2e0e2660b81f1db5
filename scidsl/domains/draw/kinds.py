"""The drawing layer's kinds: plain primitives for figures no domain covers yet.

Positions are centimetres `(x, y)`, names of points or anchors from other domains (`A`, `R1.left`),
or sums like `A + (0.5, 0)`.
"""
from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, Optional

from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import core_schema

from scidsl.model import Angle, Color, Expr, Label, Node, Number, Ref, _to_expr


def _to_position(v: Any) -> Expr:
    if isinstance(v, (tuple, list)) and len(v) in (2, 3) and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in v):
        from scidsl.model import _num_text

        v = "(" + ", ".join(_num_text(float(c)) for c in v) + ")"
    elif isinstance(v, (tuple, list)):
        v = "(" + ", ".join(str(c) for c in v) + ")"
    return _to_expr(v)


class PositionMarker:
    """Field metadata: a position on the page."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_plain_validator_function(
            _to_position, serialization=core_schema.plain_serializer_function_ser_schema(str))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {"type": "string", "description": "a position: '(x, y)' in cm, a point or anchor name "
                "like 'A' or 'R1.left', or a sum like 'A + (0.5, 0)'"}


Position = Annotated[Expr, PositionMarker]
Dash = Literal["solid", "dashed", "dotted", "dashdot"]
ArrowEnd = Literal["none", "end", "start", "both"]


class _Styled(Node):
    color: Color = Field(default="black", description="line colour (a Matplotlib colour name or #rrggbb)")
    width: Number = Field(default=1.2, ge=0.1, le=10, description="line width in points")
    dash: Dash = Field(default="solid", description="solid, dashed, dotted or dashdot")
    label: Optional[Label] = Field(default=None, description="text placed beside the object")
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "draw"


class Polyline(_Styled):
    """Straight segments through the given positions."""

    kind: Literal["polyline"] = "polyline"
    points: list[Position] = Field(min_length=2, max_length=100_000, description="positions in order")
    arrow: ArrowEnd = Field(default="none", description="arrow heads: none, end, start or both")
    flow: int = Field(default=0, ge=0, le=20, description="arrow heads along each segment showing a direction "
                      "of flow (current in a wire, a ray of light)")
    example: ClassVar[str] = "polyline rope { points: [(0, 0), (2, 1), B], arrow: end }"


class Polygon(_Styled):
    """A closed shape, optionally filled or hatched."""

    kind: Literal["shape"] = "shape"
    points: list[Position] = Field(min_length=3, max_length=100_000)
    fill: Optional[Color] = Field(default=None, description="fill colour")
    hatch: Optional[str] = Field(default=None, pattern=r"^[/\\|\-+xoO.*]{1,6}$", description="hatch like '//' or 'xx'")
    example: ClassVar[str] = 'shape wall { points: [(0, 0), (0.3, 0), (0.3, 3), (0, 3)], hatch: "//" }'


class Region(Polygon):
    """A hatched or shaded area without an outline (ground, a medium, a shaded sector)."""

    kind: Literal["region"] = "region"  # type: ignore[assignment]
    hatch: Optional[str] = Field(default="///", pattern=r"^[/\\|\-+xoO.*]{1,6}$")
    outline: bool = Field(default=False, description="draw the boundary too")
    example: ClassVar[str] = 'region ground { points: [(0, 0), (6, 0), (6, -0.4), (0, -0.4)] }'


class Curve(_Styled):
    """A smooth curve: through points, or y as an expression of x over an interval (page cm)."""

    kind: Literal["curve"] = "curve"
    through: Optional[list[Position]] = Field(default=None, max_length=10_000, description="positions to pass through")
    y: Optional[Expr] = Field(default=None, description="y as an expression of x, e.g. 0.5*sin(2*x)")
    x: Optional[tuple[Number, Number]] = Field(default=None, description="the interval [from, to] for x")
    samples: int = Field(default=200, ge=2, le=100_000, description="points computed along the curve")
    arrow: ArrowEnd = "none"
    example: ClassVar[str] = "curve wave { y: 0.8*sin(2*x), x: [0, 6.28] }"


class ArcShape(_Styled):
    """A circular arc from one direction to another (degrees, counter-clockwise)."""

    kind: Literal["circle_arc"] = "circle_arc"
    center: Position
    radius: Number = Field(gt=0, le=1e6)
    start: Angle = Field(description="start direction, e.g. 0 deg")
    end: Angle = Field(description="end direction, e.g. 90 deg")
    arrow: ArrowEnd = "none"
    example: ClassVar[str] = "circle_arc swing { center: (0, 0), radius: 1.5, start: 0 deg, end: 60 deg }"


class Arrow(_Styled):
    """A straight arrow from one position to another (force, velocity, field, ray)."""

    kind: Literal["arrow"] = "arrow"
    from_: Position = Field(alias="from")
    to: Position
    relations: ClassVar[tuple[str, ...]] = ("from", "to")
    example: ClassVar[str] = 'arrow F from A to A + (2, 0) { label: "$F$" }'


class TextItem(Node):
    """Text at a position."""

    kind: Literal["text"] = "text"
    text: Label
    at: Position
    size: Number = Field(default=11, ge=4, le=48, description="font size in points")
    color: Color = "black"
    align: Literal["center", "left", "right"] = "center"
    relations: ClassVar[tuple[str, ...]] = ("at",)
    text_field: ClassVar[Optional[str]] = "text"
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "draw"
    example: ClassVar[str] = 'text "Fig. 1" at (0, -1)'


class Box(_Styled):
    """A rectangle centred at a position, with optional text inside."""

    kind: Literal["box"] = "box"
    at: Position
    size: tuple[Number, Number] = Field(default=(2.0, 1.0), description="(width, height) in cm")
    text: Optional[Label] = Field(default=None, description="text inside the box")
    fill: Optional[Color] = None
    rounded: bool = False
    relations: ClassVar[tuple[str, ...]] = ("at",)
    example: ClassVar[str] = 'box m1 at (0, 0) { size: (1.2, 0.8), text: "$m_1$" }'

    def members(self) -> Optional[set[str]]:
        """Sides and corners of the box."""
        return {"center", "left", "right", "top", "bottom", "top_left", "top_right", "bottom_left", "bottom_right"}


class Marker(_Styled):
    """A dot at a position, with an optional label."""

    kind: Literal["dot"] = "dot"
    at: Position
    hollow: bool = False
    relations: ClassVar[tuple[str, ...]] = ("at",)
    example: ClassVar[str] = 'dot P at (1, 2) { label: "P" }'


class Group(Node):
    """A transform applied to other drawing items: rotate, scale, then shift."""

    kind: Literal["group"] = "group"
    items: list[Ref] = Field(min_length=1, description="names of the drawing items to transform")
    rotate: Optional[Angle] = Field(default=None, description="rotation about the origin")
    scale: Number = Field(default=1.0, gt=0, le=1000)
    shift: Optional[Position] = Field(default=None, description="translation applied last")
    origin: Optional[Position] = Field(default=None, description="centre of rotation and scaling")
    domain: ClassVar[str] = "draw"
    example: ClassVar[str] = "group g1 { items: [m1, rope], rotate: 30 deg, origin: (0, 0) }"


KINDS = [Polyline, Polygon, Region, Curve, ArcShape, Arrow, TextItem, Box, Marker, Group]
