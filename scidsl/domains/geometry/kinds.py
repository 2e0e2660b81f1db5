"""Plane-geometry kinds: points, polygons, segments, lines, circles, arcs and constructions.

Names spell their points: `triangle ABC` declares A, B and C; `segment AB`, `altitude CD of ABC from C`
and `midpoint M of AB` use points by their one-letter names (letters may carry digits or primes: A1, B').
Facts are `given` statements: `given length(AB) = 5 cm`, `given angle(A) = 30 deg`,
`given parallel(AB, CD)`; the compiler computes every coordinate.
"""
from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal, Optional, Union

from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from scidsl.answers import Answer, answer_field
from scidsl.model import Color, Expr, Label, Length, Node, Number

_POINT = re.compile(r"[A-Za-z\u0370-\u03ff][0-9]*'*")


def split_points(name: str) -> list[str] | None:
    """`ABC` → [A, B, C]; `A1B1` → [A1, B1]; None when the name is not a run of point names."""
    parts = _POINT.findall(name)
    return parts if parts and "".join(parts) == name else None


def _check_geo_name(v: Any) -> str:
    if not isinstance(v, str):
        raise PydanticCustomError("ref_syntax", "expected a name like AB or c, got {got}", {"got": repr(v)[:40]})
    from scidsl.names import check_name_text
    from scidsl.syntax import is_plain_name

    check_name_text(v)
    if not is_plain_name(v):
        raise PydanticCustomError("ref_syntax", "'{v}' is not a name (letters, digits, _ and ')", {"v": v[:60]})
    return v


class GeoRefMarker:
    """Field metadata: names points, a segment (AB), an angle (ABC) or a circle; checked by geometry."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_plain_validator_function(_check_geo_name)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {"type": "string", "description": "point names run together (A, AB, ABC) or a circle/line name"}


GeoName = Annotated[str, GeoRefMarker]
Style = Literal["solid", "dashed", "dotted"]


class _Geo(Node):
    domain: ClassVar[str] = "geometry"
    color: Color = Field(default="black", description="stroke colour")
    style: Style = Field(default="solid", description="solid, dashed (hidden/auxiliary) or dotted")


# --- points ------------------------------------------------------------------------------------


class GeoPoint(_Geo):
    """A point: free, at coordinates, constructed (`at midpoint(A, B)`), or on a segment/line/circle."""

    kind: Literal["point"] = "point"
    at: Optional[Expr] = Field(default=None, description="(x, y), or a construction: midpoint(A, B), "
                               "foot(C, AB), intersection(AB, CD), centroid(ABC), circumcenter(ABC), "
                               "incenter(ABC), orthocenter(ABC), tangent(P, c), reflect(P, AB)")
    on: Optional[GeoName] = Field(default=None, description="a segment (AB), line or circle it lies on")
    ratio: Optional[Number] = Field(default=None, ge=0, le=1, description="with on AB: AP/AB")
    which: Optional[int] = Field(default=None, ge=1, le=2, description="which of two answers (1 or 2)")
    other_than: Optional[GeoName] = Field(default=None, description="the known crossing to skip, e.g. B")
    label: Optional[Label] = Field(default=None, description="text shown instead of the name")
    show_label: bool = Field(default=True, description="write the point's name beside it")
    dot: Optional[bool] = Field(default=None, description="draw a dot (default: for points not on a polygon corner)")
    relations: ClassVar[tuple[str, ...]] = ("at", "on")
    example: ClassVar[str] = "point M at midpoint(A, B)"


# --- polygons ----------------------------------------------------------------------------------


class _PolygonKind(_Geo):
    vertices: Optional[list[GeoName]] = Field(default=None, description="vertex names when the name does not spell them")
    fill: Optional[Color] = Field(default=None, description="shade the inside with this colour")
    hatch: Optional[str] = Field(default=None, pattern=r"^[/\\|\-+xoO.*]{1,6}$", description="hatch pattern like '//'")
    base: Optional[GeoName] = Field(default=None, description="side drawn horizontally at the bottom, e.g. BC")
    label: Optional[Label] = Field(default=None, description="text written inside the polygon")
    shape: ClassVar[str] = "polygon"
    sides: ClassVar[Optional[int]] = None

    def vertex_names(self) -> list[str]:
        """The vertices in order."""
        if self.vertices:
            return list(self.vertices)
        return split_points(self.name or "") or []

    def implicit_names(self) -> list[tuple[str, str]]:
        """A polygon declares its vertices as points."""
        return [(v, "point") for v in self.vertex_names()]


class Triangle(_PolygonKind):
    """A triangle; `right: C` makes the angle at C right, `isosceles: A` makes AB = AC."""

    kind: Literal["triangle"] = "triangle"
    right: Optional[GeoName] = Field(default=None, description="vertex with the right angle")
    isosceles: Optional[GeoName] = Field(default=None, description="apex vertex of an isosceles triangle")
    equilateral: bool = False
    shape: ClassVar[str] = "triangle"
    sides: ClassVar[Optional[int]] = 3
    example: ClassVar[str] = "triangle ABC { right: C }"


def _poly(kind: str, doc: str, sides: Optional[int], example: str) -> type:
    ns = {"__annotations__": {"kind": Literal[kind]}, "kind": kind, "__doc__": doc,
          "shape": kind, "sides": sides, "example": example, "__module__": __name__}
    ns["__annotations__"].update(shape=ClassVar[str], sides=ClassVar[Optional[int]], example=ClassVar[str])
    return type(kind.title().replace("_", ""), (_PolygonKind,), ns)


Quadrilateral = _poly("quadrilateral", "A quadrilateral ABCD (convex, generic unless facts say more).", 4,
                      "quadrilateral ABCD")
Parallelogram = _poly("parallelogram", "A parallelogram ABCD (AB ∥ DC, AD ∥ BC).", 4,
                      "parallelogram ABCD")
Rectangle = _poly("rectangle", "A rectangle ABCD.", 4, "rectangle ABCD")
Square = _poly("square", "A square ABCD.", 4, "square ABCD")
Rhombus = _poly("rhombus", "A rhombus ABCD (all sides equal).", 4, "rhombus ABCD")
Trapezoid = _poly("trapezoid", "A trapezoid ABCD with AB ∥ DC.", 4, "trapezoid ABCD")
Kite = _poly("kite", "A kite ABCD with AB = AD and CB = CD.", 4, "kite ABCD")
PolygonShape = _poly("polygon", "A polygon through its vertices in order.", None, "polygon ABCDE")
RegularPolygon = _poly("regular_polygon", "A regular polygon: `regular_polygon ABCDEF` is a hexagon.", None,
                       "regular_polygon ABCDEF")


# --- segments and lines ------------------------------------------------------------------------


class Segment(_Geo):
    """A segment between two points: `segment AB { label: "5 cm" }`."""

    kind: Literal["segment"] = "segment"
    label: Optional[Label] = Field(default=None, description="text beside the segment, e.g. a length")
    length: Optional[Length] = Field(default=None, description="its length, e.g. 5 cm (a given fact, shown)")
    dimension: bool = Field(default=False, description="draw the label on a double-arrow line beside it")
    value: bool = Field(default=False, description="write the computed length beside it")
    answer: Answer = answer_field()
    example: ClassVar[str] = 'segment AB { length: 5 cm }'


class GeoLine(_Geo):
    """A straight line drawn past its points: `line AB`, or `line l through P { parallel: AB }`."""

    kind: Literal["line"] = "line"
    through: Optional[Union[GeoName, list[GeoName]]] = Field(default=None, description="a point, or two points")
    parallel: Optional[GeoName] = Field(default=None, description="a line it is parallel to (AB)")
    perpendicular: Optional[GeoName] = Field(default=None, description="a line it is perpendicular to (AB)")
    label: Optional[Label] = None
    relations: ClassVar[tuple[str, ...]] = ("through",)
    example: ClassVar[str] = "line l through P { parallel: AB }"


class Ray(_Geo):
    """A ray from its first point through its second: `ray AB`."""

    kind: Literal["ray"] = "ray"
    label: Optional[Label] = None
    example: ClassVar[str] = "ray AB"


# --- circles, arcs, sectors --------------------------------------------------------------------


class GeoCircle(_Geo):
    """A circle: `circle c { center: O, radius: 3 cm }`, `{ center: O, through: A }`, or `through [A, B, C]`."""

    kind: Literal["circle"] = "circle"
    center: Optional[GeoName] = Field(default=None, description="the centre point")
    radius: Optional[Length] = Field(default=None, description="e.g. 3 cm")
    through: Optional[Union[GeoName, list[GeoName]]] = Field(default=None, description="a point on it, or three points")
    fill: Optional[Color] = None
    label: Optional[Label] = None
    relations: ClassVar[tuple[str, ...]] = ("through",)
    example: ClassVar[str] = "circle c { center: O, radius: 3 cm }"

    def implicit_names(self) -> list[tuple[str, str]]:
        """The centre is a point."""
        return [(self.center, "point")] if self.center else []


class _TriangleCircle(_Geo):
    of: GeoName = Field(description="the triangle, e.g. ABC")
    center: Optional[GeoName] = Field(default=None, description="name of the centre point")
    fill: Optional[Color] = None
    label: Optional[Label] = None
    relations: ClassVar[tuple[str, ...]] = ("of",)

    def implicit_names(self) -> list[tuple[str, str]]:
        """The centre is a point."""
        return [(self.center, "point")] if self.center else []


class Circumcircle(_TriangleCircle):
    """The circle through a triangle's vertices: `circumcircle c of ABC { center: O }`."""

    kind: Literal["circumcircle"] = "circumcircle"
    example: ClassVar[str] = "circumcircle c of ABC { center: O }"


class Incircle(_TriangleCircle):
    """The circle inside a triangle touching its sides: `incircle c of ABC { center: I }`."""

    kind: Literal["incircle"] = "incircle"
    example: ClassVar[str] = "incircle c of ABC { center: I }"


class GeoArc(_Geo):
    """An arc of a circle from one point to another, counter-clockwise: `arc AB on c`."""

    kind: Literal["arc"] = "arc"
    on: GeoName = Field(description="the circle")
    label: Optional[Label] = None
    width: Number = Field(default=2.2, ge=0.1, le=10, description="line width in points (drawn bold)")
    relations: ClassVar[tuple[str, ...]] = ("on",)
    example: ClassVar[str] = "arc BC on c"


class Sector(_Geo):
    """A sector of a circle between two points on it, counter-clockwise: `sector OAB of c`."""

    kind: Literal["sector"] = "sector"
    of: GeoName = Field(description="the circle")
    fill: Optional[Color] = Field(default="#cfe2f3", description="fill colour")
    label: Optional[Label] = None
    relations: ClassVar[tuple[str, ...]] = ("of",)
    example: ClassVar[str] = "sector OAB of c"


# --- constructions -------------------------------------------------------------------------------


class _Cevian(_Geo):
    of: GeoName = Field(description="the triangle, e.g. ABC")
    from_: GeoName = Field(alias="from", description="the vertex it starts at")
    label: Optional[Label] = None
    relations: ClassVar[tuple[str, ...]] = ("of", "from")

    def implicit_names(self) -> list[tuple[str, str]]:
        """The foot (second letter of the name) is a new point."""
        pts = split_points(self.name or "")
        return [(pts[1], "point")] if pts and len(pts) == 2 else []


class Altitude(_Cevian):
    """The altitude from a vertex; `altitude CD of ABC from C` names its foot D."""

    kind: Literal["altitude"] = "altitude"
    example: ClassVar[str] = "altitude CD of ABC from C"


class Median(_Cevian):
    """The median from a vertex to the midpoint of the opposite side: `median AM of ABC from A`."""

    kind: Literal["median"] = "median"
    example: ClassVar[str] = "median AM of ABC from A"


class Bisector(_Cevian):
    """The bisector of a triangle's angle, to the opposite side: `bisector AD of ABC from A`."""

    kind: Literal["bisector"] = "bisector"
    example: ClassVar[str] = "bisector AD of ABC from A"


class PerpendicularBisector(_Geo):
    """The perpendicular bisector of a segment: `perpendicular_bisector l of AB`."""

    kind: Literal["perpendicular_bisector"] = "perpendicular_bisector"
    of: GeoName = Field(description="the segment, e.g. AB")
    label: Optional[Label] = None
    relations: ClassVar[tuple[str, ...]] = ("of",)
    example: ClassVar[str] = "perpendicular_bisector l of AB"


class TangentLine(_Geo):
    """A tangent from a point to a circle: `tangent PT from P to c` names the touching point T."""

    kind: Literal["tangent"] = "tangent"
    from_: GeoName = Field(alias="from", description="the outside point")
    to: GeoName = Field(description="the circle")
    which: Optional[int] = Field(default=None, ge=1, le=2, description="which of the two tangents")
    label: Optional[Label] = None
    relations: ClassVar[tuple[str, ...]] = ("from", "to")
    example: ClassVar[str] = "tangent PT from P to c"

    def implicit_names(self) -> list[tuple[str, str]]:
        """The touching point (second letter of the name) is a new point."""
        pts = split_points(self.name or "")
        return [(pts[1], "point")] if pts and len(pts) == 2 else []


class _NamedPoint(_Geo):
    declares: ClassVar[Optional[str]] = "point"
    label: Optional[Label] = Field(default=None, description="text shown instead of the name")
    show_label: bool = True
    dot: bool = True


class Midpoint(_NamedPoint):
    """The midpoint of a segment: `midpoint M of AB`."""

    kind: Literal["midpoint"] = "midpoint"
    of: GeoName = Field(description="the segment, e.g. AB")
    relations: ClassVar[tuple[str, ...]] = ("of",)
    example: ClassVar[str] = "midpoint M of AB"


class Intersection(_NamedPoint):
    """Where two lines or circles meet: `intersection P of [AC, BD]`."""

    kind: Literal["intersection"] = "intersection"
    of: list[GeoName] = Field(min_length=2, max_length=2, description="two segments/lines (AB) or circles")
    which: Optional[int] = Field(default=None, ge=1, le=2, description="which of two crossings")
    other_than: Optional[GeoName] = Field(default=None, description="the known crossing to skip, e.g. B")
    relations: ClassVar[tuple[str, ...]] = ("of",)
    example: ClassVar[str] = "intersection P of [AC, BD]"


def _center(kind: str, doc: str, letter: str) -> type:
    ns = {"__annotations__": {"kind": Literal[kind], "of": GeoName}, "kind": kind, "__doc__": doc,
          "of": Field(description="the triangle, e.g. ABC"), "__module__": __name__,
          "relations": ("of",), "example": f"{kind} {letter} of ABC"}
    ns["__annotations__"].update(relations=ClassVar[tuple[str, ...]], example=ClassVar[str])
    return type(kind.title(), (_NamedPoint,), ns)


Centroid = _center("centroid", "The centroid (meet of the medians) of a triangle: `centroid G of ABC`.", "G")
Circumcenter = _center("circumcenter", "The circumcentre of a triangle: `circumcenter O of ABC`.", "O")
Incenter = _center("incenter", "The incentre of a triangle: `incenter I of ABC`.", "I")
Orthocenter = _center("orthocenter", "The orthocentre (meet of the altitudes): `orthocenter H of ABC`.", "H")


class AngleMark(_Geo):
    """Marks an angle with an arc and a label: `angle "$x$" at ABC` (vertex in the middle)."""

    kind: Literal["angle"] = "angle"
    at: GeoName = Field(description="the angle as three points, vertex in the middle (ABC), or a polygon vertex")
    label: Optional[Label] = Field(default=None, description="text at the arc, e.g. $x$ or 40°")
    arcs: int = Field(default=1, ge=1, le=3, description="number of arcs (equal angles share a count)")
    value: bool = Field(default=False, description="write the measured angle in degrees")
    answer: Answer = answer_field()
    text_field: ClassVar[Optional[str]] = "label"
    name_required: ClassVar[bool] = False
    relations: ClassVar[tuple[str, ...]] = ("at",)
    example: ClassVar[str] = 'angle "$\\alpha$" at BAC'


KINDS = [GeoPoint, Triangle, Quadrilateral, Parallelogram, Rectangle, Square, Rhombus, Trapezoid, Kite,
         PolygonShape, RegularPolygon, Segment, GeoLine, Ray, GeoCircle, Circumcircle, Incircle, GeoArc,
         Sector, Altitude, Median, Bisector, PerpendicularBisector, TangentLine, Midpoint, Intersection,
         Centroid, Circumcenter, Incenter, Orthocenter, AngleMark]

FACT_DOCS: dict[str, tuple[str, str]] = {
    "length": ("length of a segment", "given length(AB) = 5 cm"),
    "angle": ("angle in degrees, vertex in the middle; angle(A) is a polygon's angle at A",
              "given angle(ABC) = 30 deg"),
    "parallel": ("two segments or lines are parallel (drawn with arrows)", "given parallel(AB, CD)"),
    "perpendicular": ("two segments or lines are perpendicular", "given perpendicular(AC, BC)"),
    "equal": ("two segments (or two angles ABC, DEF) are equal (drawn with ticks)", "given equal(AB, AC)"),
    "on": ("a point lies on a segment, line or circle", "given on(P, c)"),
    "tangent": ("a line (or circle) touches a circle", "given tangent(AB, c)"),
    "ratio": ("ratio of two lengths", "given ratio(AB, BC) = 2"),
    "collinear": ("points lie on one line", "given collinear(A, B, C)"),
    "right": ("a right angle (drawn as a square)", "given right(C)"),
    "radius": ("radius of a circle", "given radius(c) = 3 cm"),
    "area": ("area of a polygon", "given area(ABC) = 6 cm^2"),
    "perimeter": ("perimeter of a polygon", "given perimeter(ABC) = 12 cm"),
    "distance": ("distance between two points", "given distance(A, B) = 4 cm"),
    "arc": ("measure of the minor arc between two points of a circle, in degrees", "given arc(AB) = 80 deg"),
}

POLYGON_KINDS = tuple(k for k in KINDS if issubclass(k, _PolygonKind))
