"""Solid-geometry kinds: prisms, pyramids, cylinders, cones, spheres, and points, segments and angles on them.

Names spell the vertices like in plane geometry: `pyramid VABCD` declares the apex V and the base ABCD,
`cuboid ABCDEFGH` the bottom face ABCD and the top face EFGH (E above A). Facts are `given` statements:
`given length(VA) = 23 cm`, `given angle(VAW) = theta`; the compiler solves the missing dimensions.
"""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from scidsl.domains.geometry.kinds import GeoName, split_points
from scidsl.model import Angle, Color, Expr, Label, Length, Node, Number, Quantity, Ref

Style = Literal["auto", "solid", "dashed"]
Point3 = tuple[Number, Number, Number]


class _Solid(Node):
    domain: ClassVar[str] = "solids"
    color: Color = Field(default="black", description="stroke colour")
    fill: Color | None = Field(default=None, description="colour of the visible faces")
    at: Point3 | None = Field(default=None, description="centre of the base (default: side by side)")
    on: Ref | None = Field(default=None, description="a solid declared before: stand centred on its top face")
    show_dimensions: bool = Field(default=True, description="write stated dimensions")
    letters: ClassVar[int | None] = None  # how many points the name spells (None: not fixed)
    relations: ClassVar[tuple[str, ...]] = ("on",)

    def vertex_names(self) -> list[str]:
        """The vertices the name spells, in order."""
        return split_points(self.name or "") or []

    def implicit_names(self) -> list[tuple[str, str]]:
        """A polyhedron declares its vertices as points."""
        return [(v, "point") for v in self.vertex_names()]


class Cuboid(_Solid):
    """A cuboid ABCDEFGH: bottom ABCD (AB in front), top EFGH, E above A."""

    kind: Literal["cuboid"] = "cuboid"
    length: Length | None = Field(default=None, description="AB")
    width: Length | None = Field(default=None, description="BC")
    height: Length | None = Field(default=None, description="AE")
    letters: ClassVar[int | None] = 8
    example: ClassVar[str] = "cuboid ABCDEFGH { length: 8 cm, width: 5 cm, height: 4 cm }"


class Cube(_Solid):
    """A cube ABCDEFGH: bottom ABCD, top EFGH, E above A."""

    kind: Literal["cube"] = "cube"
    side: Length | None = Field(default=None, description="edge")
    letters: ClassVar[int | None] = 8
    example: ClassVar[str] = "cube ABCDEFGH { side: 4 cm }"


class Prism(_Solid):
    """A right prism ABCDEF: bottom ABC, top DEF (D above A); regular base unless `corners`."""

    kind: Literal["prism"] = "prism"
    side: Length | None = Field(default=None, description="base edge (regular base)")
    height: Length | None = Field(default=None, description="AD")
    corners: list[tuple[Number, Number]] | None = Field(
        default=None, min_length=3, max_length=12,
        description="convex base polygon (x, y), counter-clockwise")
    lying: bool = Field(default=False, description="lie on a side face, base in front")
    example: ClassVar[str] = "prism ABCDEF { corners: [(0, 0), (6, 0), (0, 4)], height: 9 cm, lying: true }"


class Pyramid(_Solid):
    """A right pyramid VABCD: apex V above the centre of the base ABCD; `given length(VA) = 23 cm` solves the height."""

    kind: Literal["pyramid"] = "pyramid"
    base: Literal["regular", "square", "rectangle"] = Field(
        default="regular", description="regular or square (`side`), rectangle (`length`, `width`)")
    side: Length | None = Field(default=None, description="base edge (regular base)")
    length: Length | None = Field(default=None, description="AB (rectangle)")
    width: Length | None = Field(default=None, description="BC (rectangle)")
    height: Length | None = Field(default=None, description="apex to base centre")
    edge: Length | None = Field(default=None, description="lateral edge VA")
    slant_height: Length | None = Field(default=None, description="apex to the midpoint of AB")
    corners: list[tuple[Number, Number]] | None = Field(
        default=None, min_length=3, max_length=12,
        description="convex base polygon (x, y), counter-clockwise")
    example: ClassVar[str] = "pyramid VABCD { side: 12 cm, height: 10 cm }"


class Tetrahedron(_Solid):
    """A regular tetrahedron ABCD: base ABC, apex D."""

    kind: Literal["tetrahedron"] = "tetrahedron"
    side: Length | None = Field(default=None, description="edge")
    letters: ClassVar[int | None] = 4
    example: ClassVar[str] = "tetrahedron ABCD { side: 6 cm }"


class _Round(_Solid):
    name_required: ClassVar[bool] = False
    center: Ref | None = Field(default=None, description="names the base centre")
    rim: Ref | None = Field(default=None, description="names a point of the base circle")

    def point_fields(self) -> dict[str, str]:
        """Role → point name, for the points this solid names."""
        return {role: getattr(self, role) for role in ("center", "rim", "top", "apex")
                if getattr(self, role, None)}

    def implicit_names(self) -> list[tuple[str, str]]:
        """The named centre, rim and apex points."""
        return [(v, "point") for v in self.point_fields().values()]

    def refs(self) -> list[tuple[str, str]]:
        """Point names here are declarations, not references."""
        return []


class Cylinder(_Round):
    """A cylinder; `center`, `top`, `rim` name points."""

    kind: Literal["cylinder"] = "cylinder"
    radius: Length | None = Field(default=None, description="radius")
    height: Length | None = None
    top: Ref | None = Field(default=None, description="names the top centre")
    example: ClassVar[str] = "cylinder { radius: 3 cm, height: 8 cm, center: O, top: P, rim: A }"


class Cone(_Round):
    """A cone; `apex`, `center`, `rim` name points."""

    kind: Literal["cone"] = "cone"
    radius: Length | None = None
    height: Length | None = None
    slant_height: Length | None = Field(default=None, description="apex to rim")
    apex: Ref | None = Field(default=None, description="names the apex")
    example: ClassVar[str] = "cone { radius: 3 cm, slant_height: 5 cm, apex: V, center: O, rim: A }"


class Frustum(_Round):
    """A frustum of a cone; `center`, `top` name points."""

    kind: Literal["frustum"] = "frustum"
    radius: Length | None = Field(default=None, description="bottom radius")
    top_radius: Length | None = None
    height: Length | None = None
    slant_height: Length | None = Field(default=None, description="along the side")
    top: Ref | None = Field(default=None, description="names the top centre")
    example: ClassVar[str] = "frustum { radius: 4 cm, top_radius: 2 cm, height: 3 cm, center: O, top: P }"


class Sphere(_Round):
    """A sphere with its equator (back half dashed)."""

    center: Ref | None = Field(default=None, description="names the centre")
    rim: Ref | None = Field(default=None, description="names a point of the equator")

    kind: Literal["sphere"] = "sphere"
    radius: Length | None = None
    example: ClassVar[str] = "sphere { radius: 3 cm, center: O, rim: A }"


class Hemisphere(_Round):
    """A hemisphere on its flat face (`dome: up`) or hanging from it (`dome: down`, a bowl)."""

    kind: Literal["hemisphere"] = "hemisphere"
    radius: Length | None = None
    dome: Literal["up", "down"] = Field(default="up", description="which way the curved side faces")
    center: Ref | None = Field(default=None, description="names the centre of the flat face")
    rim: Ref | None = Field(default=None, description="names a point of the rim")
    top: Ref | None = Field(default=None, description="names the pole")
    example: ClassVar[str] = "hemisphere { radius: 3 cm, dome: down, center: O, top: P }"


class View(Node):
    """How solids are projected (default: oblique; axonometric with round solids)."""

    kind: Literal["view"] = "view"
    projection: Literal["oblique", "axonometric"] = Field(
        default="oblique", description="oblique uses angle, depth; axonometric azimuth, elevation")
    angle: Angle = Field(default=Quantity(40, "deg"), description="of the receding axis")
    depth: Number = Field(default=0.5, gt=0, le=1, description="0.5 = cabinet")
    azimuth: Angle = Field(default=Quantity(25, "deg"), description="turn about the vertical")
    elevation: Angle = Field(default=Quantity(20, "deg"), description="eye above the horizon")
    domain: ClassVar[str] = "solids"
    name_required: ClassVar[bool] = False
    example: ClassVar[str] = "view { projection: axonometric, azimuth: 30 deg, elevation: 20 deg }"


class Point3D(Node):
    """A point: at (x, y, z), center(ABCD) (a face), midpoint(AB), foot(V, ABCD), or on AB."""

    kind: Literal["point3d"] = "point3d"
    at: Expr | None = Field(default=None, description="the construction")
    on: GeoName | None = Field(default=None, description="XY")
    ratio: Number = Field(default=0.5, ge=0, le=1, description="XP/XY")
    label: Label | None = Field(default=None, description="shown instead of the name")
    dot: bool = Field(default=True, description="draw a dot")
    relations: ClassVar[tuple[str, ...]] = ("at", "on")
    domain: ClassVar[str] = "solids"
    declares: ClassVar[str | None] = "point"
    example: ClassVar[str] = "point3d W at center(ABCD)"


class Segment3D(Node):
    """A segment (diagonal, height, ...); hidden parts dashed; `given length(VW) = h` labels it."""

    kind: Literal["segment3d"] = "segment3d"
    style: Style = Field(default="auto", description="auto: dashed where hidden")
    label: Label | None = Field(default=None, description="text beside it")
    ticks: int = Field(default=0, ge=0, le=3, description="equal-length marks; same count: checked equal")
    color: Color = "black"
    domain: ClassVar[str] = "solids"
    example: ClassVar[str] = "segment3d VW"


class Angle3D(Node):
    """Marks an angle in its own plane (a square when right); `given angle(VAW) = theta` also marks it."""

    kind: Literal["angle3d"] = "angle3d"
    at: GeoName = Field(description="vertex in the middle")
    label: Label | None = Field(default=None, description="e.g. '$\\theta$'")
    value: bool = Field(default=False, description="write its size")
    text_field: ClassVar[str | None] = "label"
    relations: ClassVar[tuple[str, ...]] = ("at",)
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "solids"
    example: ClassVar[str] = 'angle3d "$\\theta$" at VAW'


KINDS = [Cuboid, Cube, Prism, Pyramid, Tetrahedron, Cylinder, Cone, Frustum, Sphere, Hemisphere, View, Point3D,
         Segment3D, Angle3D]
SOLID_KINDS = (Cuboid, Cube, Prism, Pyramid, Tetrahedron, Cylinder, Cone, Frustum, Sphere, Hemisphere)
BALLS = (Sphere, Hemisphere)  # round solids without a height

