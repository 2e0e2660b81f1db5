"""Solid-geometry kinds: prisms, pyramids, cylinders, cones, spheres, and points, segments and angles on them.

Names spell the vertices like in plane geometry: `pyramid VABCD` declares the apex V and the base ABCD,
`cuboid ABCDEFGH` the bottom face ABCD and the top face EFGH (E above A). Facts are `given` statements:
`given length(VA) = 23 cm`, `given angle(VAW) = theta`; the compiler solves the missing dimensions.
"""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import Field

from scidsl.domains.geometry.kinds import GeoName, split_points
from scidsl.model import Angle, Color, Expr, Label, Length, Node, Number, Quantity, Ref

Style = Literal["auto", "solid", "dashed"]
Point3 = tuple[Number, Number, Number]


class _Solid(Node):
    domain: ClassVar[str] = "solids"
    color: Color = Field(default="black", description="stroke colour")
    fill: Optional[Color] = Field(default=None, description="shade the visible faces with this colour")
    at: Optional[Point3] = Field(default=None, description="(x, y, z) of the centre of the base, in the length "
                                 "unit (default: solids stand side by side)")
    show_dimensions: bool = Field(default=True, description="write the stated dimensions on the figure")
    relations: ClassVar[tuple[str, ...]] = ("at",)
    letters: ClassVar[Optional[int]] = None  # how many points the name spells (None: not fixed)

    def vertex_names(self) -> list[str]:
        """The vertices the name spells, in order."""
        return split_points(self.name or "") or []

    def implicit_names(self) -> list[tuple[str, str]]:
        """A polyhedron declares its vertices as points."""
        return [(v, "point") for v in self.vertex_names()]


class Cuboid(_Solid):
    """A cuboid (rectangular box) ABCDEFGH: bottom ABCD, top EFGH with E above A; AB is the front edge."""

    kind: Literal["cuboid"] = "cuboid"
    length: Optional[Length] = Field(default=None, description="AB, e.g. 8 cm")
    width: Optional[Length] = Field(default=None, description="BC (going back)")
    height: Optional[Length] = Field(default=None, description="AE")
    letters: ClassVar[Optional[int]] = 8
    example: ClassVar[str] = "cuboid ABCDEFGH { length: 8 cm, width: 5 cm, height: 4 cm }"


class Cube(_Solid):
    """A cube ABCDEFGH: bottom ABCD, top EFGH with E above A."""

    kind: Literal["cube"] = "cube"
    side: Optional[Length] = Field(default=None, description="edge length, e.g. 4 cm")
    letters: ClassVar[Optional[int]] = 8
    example: ClassVar[str] = "cube ABCDEFGH { side: 4 cm }"


class Prism(_Solid):
    """A right prism: `prism ABCDEF` has bottom ABC and top DEF (D above A); a regular base unless `corners`."""

    kind: Literal["prism"] = "prism"
    side: Optional[Length] = Field(default=None, description="base edge of a regular base")
    height: Optional[Length] = Field(default=None, description="the lateral edge AD")
    corners: Optional[list[tuple[Number, Number]]] = Field(
        default=None, min_length=3, max_length=24,
        description="the base polygon as (x, y) in the length unit, counter-clockwise seen from above, AB in front")
    lying: bool = Field(default=False, description="lie on a side face: the base ABC is the front face (y up) and "
                        "the prism recedes into the page (a textbook triangular prism)")
    example: ClassVar[str] = "prism ABCDEF { corners: [(0, 0), (6, 0), (0, 4)], height: 9 cm, lying: true }"


class Pyramid(_Solid):
    """A right pyramid: `pyramid VABCD` has apex V above the centre of the base ABCD (regular unless stated)."""

    kind: Literal["pyramid"] = "pyramid"
    base: Literal["regular", "rectangle"] = Field(default="regular", description="regular polygon (uses `side`) "
                                                  "or rectangle (uses `length` AB and `width` BC)")
    side: Optional[Length] = Field(default=None, description="base edge of a regular base, e.g. 12 cm")
    length: Optional[Length] = Field(default=None, description="AB of a rectangular base")
    width: Optional[Length] = Field(default=None, description="BC of a rectangular base")
    height: Optional[Length] = Field(default=None, description="from the apex to the centre of the base")
    edge: Optional[Length] = Field(default=None, description="a lateral edge VA")
    slant: Optional[Length] = Field(default=None, description="slant height: apex to the midpoint of AB")
    corners: Optional[list[tuple[Number, Number]]] = Field(
        default=None, min_length=3, max_length=24,
        description="a base polygon as (x, y), counter-clockwise; the apex stands above its centroid")
    example: ClassVar[str] = "pyramid VABCD { side: 12 cm, height: 10 cm }"


class Tetrahedron(_Solid):
    """A regular tetrahedron ABCD: base ABC, apex D."""

    kind: Literal["tetrahedron"] = "tetrahedron"
    side: Optional[Length] = Field(default=None, description="edge length")
    letters: ClassVar[Optional[int]] = 4
    example: ClassVar[str] = "tetrahedron ABCD { side: 6 cm }"


class _Round(_Solid):
    name_required: ClassVar[bool] = False
    center: Optional[Ref] = Field(default=None, description="name of the centre of the base (declares a point)")
    rim: Optional[Ref] = Field(default=None, description="name of a point on the base circle, at the right "
                               "(declares a point)")

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
    """A right circular cylinder standing on its base; `center`, `top` and `rim` name points."""

    kind: Literal["cylinder"] = "cylinder"
    radius: Optional[Length] = Field(default=None, description="radius, e.g. 3 cm")
    height: Optional[Length] = None
    top: Optional[Ref] = Field(default=None, description="name of the centre of the top")
    example: ClassVar[str] = "cylinder { radius: 3 cm, height: 8 cm, center: O, top: P, rim: A }"


class Cone(_Round):
    """A right circular cone; `apex`, `center` and `rim` name points (slant height = apex to rim)."""

    kind: Literal["cone"] = "cone"
    radius: Optional[Length] = None
    height: Optional[Length] = None
    slant: Optional[Length] = Field(default=None, description="slant height")
    apex: Optional[Ref] = Field(default=None, description="name of the apex")
    example: ClassVar[str] = "cone { radius: 3 cm, slant: 5 cm, apex: V, center: O, rim: A }"


class Frustum(_Round):
    """A frustum of a right circular cone: bottom radius, top radius, height (or slant height)."""

    kind: Literal["frustum"] = "frustum"
    radius: Optional[Length] = Field(default=None, description="bottom radius")
    top_radius: Optional[Length] = None
    height: Optional[Length] = None
    slant: Optional[Length] = Field(default=None, description="slant height along the side")
    top: Optional[Ref] = Field(default=None, description="name of the centre of the top")
    example: ClassVar[str] = "frustum { radius: 4 cm, top_radius: 2 cm, height: 3 cm, center: O, top: P }"


class Sphere(_Round):
    """A sphere: its outline, and the equator with its back half dashed; `center` and `rim` name points."""

    kind: Literal["sphere"] = "sphere"
    radius: Optional[Length] = None
    example: ClassVar[str] = "sphere { radius: 3 cm, center: O, rim: A }"


class View(Node):
    """How solids are projected: textbook oblique (cabinet) or an axonometric view."""

    kind: Literal["view"] = "view"
    projection: Literal["oblique", "axonometric"] = Field(
        default="oblique", description="oblique: front faces true shape, depth receding at `angle`, "
                                       "shortened by `depth`; axonometric: seen from `azimuth` and `elevation`")
    angle: Angle = Field(default=Quantity(40, "deg"), description="oblique: angle of the receding axis")
    depth: Number = Field(default=0.5, gt=0, le=1, description="oblique: depth scale (0.5 = cabinet)")
    azimuth: Angle = Field(default=Quantity(25, "deg"), description="axonometric: turn of the view about the vertical")
    elevation: Angle = Field(default=Quantity(20, "deg"), description="axonometric: height of the eye above the horizon")
    domain: ClassVar[str] = "solids"
    name_required: ClassVar[bool] = False
    example: ClassVar[str] = "view { projection: axonometric, azimuth: 30 deg, elevation: 20 deg }"


class Point3D(Node):
    """A point on a solid: `point3d W at center(ABCD)`, `at midpoint(AB)`, `at foot(V, ABCD)`, `on AB`."""

    kind: Literal["point3d"] = "point3d"
    at: Optional[Expr] = Field(default=None, description="center(ABCD) (centre of a face), midpoint(AB), "
                               "foot(V, ABCD) (foot of the perpendicular from V to the plane ABC...)")
    on: Optional[GeoName] = Field(default=None, description="an edge or segment XY it lies on (with `ratio`)")
    ratio: Number = Field(default=0.5, ge=0, le=1, description="with `on XY`: XP/XY")
    label: Optional[Label] = Field(default=None, description="text shown instead of the name")
    dot: bool = Field(default=True, description="draw a dot")
    relations: ClassVar[tuple[str, ...]] = ("at", "on")
    domain: ClassVar[str] = "solids"
    declares: ClassVar[Optional[str]] = "point"
    example: ClassVar[str] = "point3d W at center(ABCD)"


class Segment3D(Node):
    """A segment between two points of the figure (a diagonal, height, slant height); hidden parts dashed."""

    kind: Literal["segment3d"] = "segment3d"
    style: Style = Field(default="auto", description="auto: dashed where hidden behind a face")
    label: Optional[Label] = Field(default=None, description="text written beside it, e.g. '$h$'")
    color: Color = "black"
    domain: ClassVar[str] = "solids"
    example: ClassVar[str] = "segment3d VW"


class Angle3D(Node):
    """Marks the angle at the middle point of three, drawn in the angle's own plane (a square when right)."""

    kind: Literal["angle3d"] = "angle3d"
    at: GeoName = Field(description="three points, vertex in the middle: VAW")
    label: Optional[Label] = Field(default=None, description="e.g. '$\\theta$' (default: its size in degrees)")
    value: bool = Field(default=False, description="write the computed size when no label is given")
    text_field: ClassVar[Optional[str]] = "label"
    relations: ClassVar[tuple[str, ...]] = ("at",)
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "solids"
    example: ClassVar[str] = 'angle3d "$\\theta$" at VAW'


KINDS = [Cuboid, Cube, Prism, Pyramid, Tetrahedron, Cylinder, Cone, Frustum, Sphere, View, Point3D, Segment3D,
         Angle3D]
SOLID_KINDS = (Cuboid, Cube, Prism, Pyramid, Tetrahedron, Cylinder, Cone, Frustum, Sphere)

