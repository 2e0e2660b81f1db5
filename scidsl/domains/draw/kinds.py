"""The drawing layer's kinds: plain primitives for figures no domain covers yet.

Positions are centimetres `(x, y)`, names of points or anchors from other domains (`A`, `R1.left`),
or sums like `A + (0.5, 0)`.
"""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal, Optional

from pydantic import Field

from scidsl.answers import Answer, answer_field
from scidsl.model import Angle, Color, Expr, ExprKind, Label, Length, Node, Number, Ref


Position = Annotated[Expr, ExprKind("a position: '(x, y)' in cm, a point or anchor name like 'A' or "
                                     "'R1.left', or a sum like 'A + (0.5, 0)'")]
Dash = Literal["solid", "dashed", "dotted", "dashdot"]
ArrowEnd = Literal["none", "end", "start", "both"]


class _Styled(Node):
    color: Color = Field(default="black", description="line colour (a Matplotlib colour name or #rrggbb)")
    width: Number = Field(default=1.2, ge=0.1, le=10, description="line width in points")
    dash: Dash = Field(default="solid", description="solid, dashed, dotted or dashdot")
    label: Optional[Label] = Field(default=None, description="text placed beside the object")
    label_at: Optional[Angle] = Field(default=None, description="direction tried first for the label, from its "
                                      "object (0 deg = right, 90 deg = above); the label still avoids every line")
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "draw"


class Polyline(_Styled):
    """Straight segments through the given positions."""

    kind: Literal["polyline"] = "polyline"
    points: list[Position] = Field(min_length=2, max_length=100_000, description="positions in order")
    arrow: ArrowEnd = Field(default="none", description="arrow heads: none, end, start or both")
    flow: int = Field(default=0, ge=0, le=20, description="arrow heads along each segment showing a direction "
                      "of flow (current in a wire, a ray of light)")
    example: ClassVar[str] = "polyline rope { points: [(0, 0), (2, 1), (4, 1)], arrow: end }"


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
    hatch: Optional[str] = Field(default="///", pattern=r"^(none|[/\\|\-+xoO.*]{1,6})$",
                                 description="hatch like '//', or none for a plain fill")
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
    example: ClassVar[str] = 'arrow F from (0, 0) to (0, 0) + (2, 0) { label: "$F$" }'


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
    hatch: Optional[str] = Field(default=None, pattern=r"^[/\\|\-+xoO.*]{1,6}$", description="hatch like '//'")
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


class _Between(_Styled):
    from_: Position = Field(alias="from", description="start position")
    to: Position = Field(description="end position")
    relations: ClassVar[tuple[str, ...]] = ("from", "to")

    def members(self) -> Optional[set[str]]:
        """The two ends and the middle (and the centre of a bent spring)."""
        return {"start", "end", "mid", "center"}


class Spring(_Between):
    """A spring drawn between two positions: a zigzag or a coil with straight ends."""

    kind: Literal["spring"] = "spring"
    coils: int = Field(default=8, ge=1, le=60, description="number of turns")
    amplitude: Number = Field(default=0.2, gt=0, le=5, description="half the width of the spring in cm")
    style: Literal["zigzag", "coil"] = Field(default="zigzag", description="zigzag or coil (loops)")
    ends: Number = Field(default=0.25, ge=0, le=0.45, description="straight part at each end, as a fraction")
    center: Optional[Position] = Field(default=None, description="bend the spring along the circle about this "
                                       "centre, counter-clockwise from `from` to `to` (springs on a ring)")
    example: ClassVar[str] = 'spring k1 from (0, 0) to (3, 0) { coils: 8, label: "$k$" }'


class Surface(_Between):
    """A hatched support (ground, wall, ceiling, table top): a line with short strokes on one side."""

    kind: Literal["surface"] = "surface"
    side: Literal["left", "right"] = Field(default="right", description="side of the hatching, looking from "
                                            "`from` towards `to` (ground drawn left to right: right = below)")
    depth: Number = Field(default=0.25, gt=0, le=3, description="length of the hatch strokes in cm")
    spacing: Number = Field(default=0.25, gt=0.02, le=5, description="distance between hatch strokes in cm")
    example: ClassVar[str] = "surface floor from (0, 0) to (6, 0)"


class Mirror(Surface):
    """A plane mirror: a thick line hatched on its back (non-reflecting) side."""

    kind: Literal["mirror"] = "mirror"  # type: ignore[assignment]
    width: Number = Field(default=2.0, ge=0.1, le=10, description="line width in points")
    depth: Number = Field(default=0.18, gt=0, le=3, description="length of the hatch strokes in cm")
    spacing: Number = Field(default=0.18, gt=0.02, le=5, description="distance between hatch strokes in cm")
    example: ClassVar[str] = 'mirror M1 from (0, -2) to (0, 2) { side: right, label: "$M_1$" }'


class Dimension(_Between):
    """A dimension line: a double arrow between two positions with a length label, offset to one side."""

    kind: Literal["dimension"] = "dimension"
    width: Number = Field(default=0.8, ge=0.1, le=10, description="line width in points")
    offset: Number = Field(default=0.0, ge=-50, le=50, description="shift of the arrow line to the left of "
                           "from→to in cm; extension lines join it to the ends")
    value: Optional[Length] = Field(default=None, description="the length it states (the label when no label is "
                                    "given); all dimensions with values must be drawn to one scale")
    ends: Literal["arrows", "arrows_ticks", "ticks"] = Field(default="arrows", description="arrow heads at the ends, "
                                                             "arrow heads and end ticks, or end ticks only")
    example: ClassVar[str] = 'dimension d1 from (0, 0) to (4, 0) { offset: -0.6, label: "$a$" }'


class Disk(_Styled):
    """A circle at a position: a pulley or wheel (with its axle), a ball, a mass, a charge, a planet."""

    kind: Literal["disk"] = "disk"
    at: Position
    radius: Number = Field(default=0.5, gt=0, le=1000, description="radius in cm")
    fill: Optional[Color] = Field(default=None, description="fill colour")
    hatch: Optional[str] = Field(default=None, pattern=r"^[/\\|\-+xoO.*]{1,6}$", description="hatch like '//'")
    axle: bool = Field(default=False, description="draw the axle at the centre (a pulley or wheel)")
    text: Optional[Label] = Field(default=None, description="text inside the circle")
    relations: ClassVar[tuple[str, ...]] = ("at",)
    example: ClassVar[str] = 'disk P at (0, 3) { radius: 0.4, axle: true }'

    def members(self) -> Optional[set[str]]:
        """Centre and the four extreme points."""
        return {"center", "left", "right", "top", "bottom"}


class Ellipse(_Styled):
    """An ellipse or part of one (a circle seen in perspective, an orbit, the dashed back of a disc)."""

    kind: Literal["ellipse"] = "ellipse"
    at: Position
    radii: tuple[Number, Number] = Field(description="(horizontal, vertical) half-axes in cm")
    start: Optional[Angle] = Field(default=None, description="draw only from this parameter angle (0 deg = right)")
    end: Optional[Angle] = Field(default=None, description="... to this one, counter-clockwise")
    fill: Optional[Color] = Field(default=None, description="fill colour (whole ellipses only)")
    hatch: Optional[str] = Field(default=None, pattern=r"^[/\\|\-+xoO.*]{1,6}$", description="hatch like '//'")
    arrow: ArrowEnd = Field(default="none", description="arrow heads on a partial ellipse")
    relations: ClassVar[tuple[str, ...]] = ("at",)
    example: ClassVar[str] = "ellipse orbit at (0, 2) { radii: (1.5, 0.4), dash: dashed }"

    def members(self) -> Optional[set[str]]:
        """Centre and the four extreme points."""
        return {"center", "left", "right", "top", "bottom"}


class AngleMark(_Styled):
    """An arc marking the angle at a vertex, counter-clockwise from one arm to the other, with its value."""

    kind: Literal["angle_mark"] = "angle_mark"
    at: Position = Field(description="the vertex")
    from_: Position = Field(alias="from", description="a position on the first arm")
    to: Position = Field(description="a position on the second arm (counter-clockwise from the first)")
    radius: Number = Field(default=0.6, gt=0, le=20, description="radius of the arc in cm")
    value: Optional[Angle] = Field(default=None, description="the angle's stated value; it must match the drawing "
                                   "and is the label when no label is given")
    right: bool = Field(default=False, description="draw a right-angle square instead of an arc")
    relations: ClassVar[tuple[str, ...]] = ("at", "from", "to")
    example: ClassVar[str] = "angle_mark a1 at (0, 0) from (3, 0) to (2, 2) { value: 45 deg }"


class CurrentMark(_Styled):
    """A direction perpendicular to the page: ⊙ out of the page or ⊗ into it (current, field, velocity)."""

    kind: Literal["current_mark"] = "current_mark"
    at: Position
    direction: Literal["out", "in"] = Field(description="out of the page (⊙) or into it (⊗)")
    radius: Number = Field(default=0.18, gt=0, le=5, description="radius in cm")
    relations: ClassVar[tuple[str, ...]] = ("at",)
    example: ClassVar[str] = 'current_mark I1 at (0, 0) { direction: out, label: "$I$" }'


class Field_(_Styled):
    """A field over a rectangle: parallel arrowed lines, a grid of ⊙ / × (out of / into the page), or radial lines."""

    kind: Literal["field"] = "field"
    from_: Position = Field(alias="from", description="one corner of the region")
    to: Position = Field(description="the opposite corner")
    direction: Literal["right", "left", "up", "down", "out", "in", "outward", "inward", "ccw", "cw"] = Field(
        description="direction of the field: parallel lines, ⊙/× symbols (out of / into the page), lines "
                    "radiating outward from / inward to the centre of the region (a point charge), or circles "
                    "about the centre, counter-clockwise / clockwise (around a current)")
    count: int = Field(default=4, ge=1, le=40, description="number of lines (or of rows of symbols)")
    behind: list[Ref] = Field(default_factory=list, max_length=20, description="closed shapes declared before the "
                              "field (ellipse, disk, shape, box, ...) the parallel lines pass behind: each line stops "
                              "at their outline and resumes after it, with an arrow head on every part")
    relations: ClassVar[tuple[str, ...]] = ("from", "to")
    example: ClassVar[str] = 'field E from (0, 0) to (5, 3) { direction: right, label: "$\\vec E$" }'

    def members(self) -> Optional[set[str]]:
        """The centre of the region (where a point charge sits)."""
        return {"center"}


class Lens(_Styled):
    """A thin lens on a vertical line: converging (outward arrow heads), diverging (inward) or a plain line."""

    kind: Literal["lens"] = "lens"
    at: Position = Field(description="the optical centre")
    height: Number = Field(default=3.0, gt=0, le=100, description="height in cm")
    type: Literal["converging", "diverging", "plain"] = Field(default="converging", description="symbol used")
    focal: Optional[Number] = Field(default=None, gt=0, le=100, description="draw the focal points F at this "
                                    "distance (cm) on both sides")
    relations: ClassVar[tuple[str, ...]] = ("at",)
    example: ClassVar[str] = 'lens L1 at (0, 0) { height: 3, focal: 2, label: "$L_1$" }'

    def members(self) -> Optional[set[str]]:
        """Centre, ends and focal points."""
        return {"center", "top", "bottom", "F1", "F2"}


class Note(Node):
    """Text joined to what it names by a leader line (from the target to beside the text)."""

    kind: Literal["note"] = "note"
    text: Label
    at: Position = Field(description="where the leader line ends; the text goes just beyond it")
    to: Position = Field(description="the thing the note points at")
    size: Number = Field(default=11, ge=4, le=48, description="font size in points")
    color: Color = "black"
    relations: ClassVar[tuple[str, ...]] = ("at", "to")
    text_field: ClassVar[Optional[str]] = "text"
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "draw"
    example: ClassVar[str] = 'note "liquid" at (-2, 1) to (0, 0)'


class SphericalMirror(_Styled):
    """A concave or convex spherical mirror on a vertical line, reflecting towards smaller x, hatched behind."""

    kind: Literal["spherical_mirror"] = "spherical_mirror"
    at: Position = Field(description="the vertex (pole) on the axis")
    height: Number = Field(default=3.0, gt=0, le=100, description="height in cm")
    type: Literal["concave", "convex"] = Field(default="concave", description="concave (converging) or convex")
    focal: Optional[Number] = Field(default=None, gt=0, le=100, description="focal length in cm; draws F and the "
                                    "centre of curvature C (radius 2f); without it the radius is twice the height")
    width: Number = Field(default=1.6, ge=0.1, le=10, description="line width in points")
    relations: ClassVar[tuple[str, ...]] = ("at",)
    example: ClassVar[str] = 'spherical_mirror M at (0, 0) { focal: 2, label: "$M$" }'

    def members(self) -> Optional[set[str]]:
        """Vertex, ends, focal point and centre of curvature."""
        return {"center", "top", "bottom", "F", "C"}


class Rope(_Styled):
    """A rope or string through positions; a disk named in `through` is a pulley it wraps around."""

    kind: Literal["rope"] = "rope"
    through: list[Position] = Field(min_length=2, max_length=100, description="positions in order; naming a disk "
                                    "(e.g. P) makes the rope run over it on the outside of the turn")
    arrow: ArrowEnd = Field(default="none", description="arrow heads: none, end, start or both")
    relations: ClassVar[tuple[str, ...]] = ("through",)
    example: ClassVar[str] = "disk P at (3, 2) { radius: 0.4, axle: true }; rope r through [(0, 2.4), P, (3.4, 0)]"


class Incline(_Styled):
    """An inclined plane: a right triangle from its foot, with its angle marked and labelled."""

    kind: Literal["incline"] = "incline"
    at: Position = Field(description="the foot, where the slope meets the ground at the marked angle")
    angle: Angle = Field(description="angle with the horizontal, between 0 and 90 deg")
    base: Number = Field(default=6.0, gt=0, le=1000, description="horizontal length in cm")
    rises: Literal["right", "left"] = Field(default="right", description="the slope rises to the right or the left")
    fill: Optional[Color] = Field(default="#eeeeee", description="fill colour")
    angle_label: Optional[Label] = Field(default=None, description="label of the angle (default: its value)")
    relations: ClassVar[tuple[str, ...]] = ("at",)
    example: ClassVar[str] = "incline ramp at (0, 0) { angle: 30 deg, base: 6 }"

    def members(self) -> Optional[set[str]]:
        """Foot, top, right-angle corner and the middle of the slope."""
        return {"foot", "top", "corner", "mid"}


class Block(_Styled):
    """A block resting on an incline's slope, turned with it."""

    kind: Literal["block"] = "block"
    on: Ref = Field(description="the incline it rests on")
    at: Number = Field(default=0.5, ge=0, le=1, description="position of its centre along the slope, 0 = foot, 1 = top")
    size: tuple[Number, Number] = Field(default=(1.2, 0.8), description="(length along the slope, height) in cm")
    text: Optional[Label] = Field(default=None, description="text inside the block")
    fill: Optional[Color] = Field(default="white", description="fill colour")
    relations: ClassVar[tuple[str, ...]] = ("on",)
    example: ClassVar[str] = 'incline ramp at (0, 0) { angle: 30 deg }; block A on ramp { at: 0.5, text: "$m$" }'

    def members(self) -> Optional[set[str]]:
        """Centre, contact point, top, and the faces towards the top (uphill) and the foot (downhill)."""
        return {"center", "bottom", "top", "uphill", "downhill"}


class Charge(_Styled):
    """A point charge: a circle with its sign, and a value in units of a common charge q."""

    kind: Literal["charge"] = "charge"
    at: Position
    value: Number = Field(ge=-100, le=100, description="the charge in units of q, e.g. 2 or -1 (sets the sign shown)")
    radius: Number = Field(default=0.25, gt=0, le=5, description="radius of the symbol in cm")
    relations: ClassVar[tuple[str, ...]] = ("at",)
    example: ClassVar[str] = 'charge q1 at (0, 0) { value: 2, label: "$+2q$" }'

    def members(self) -> Optional[set[str]]:
        """Centre and the four extreme points."""
        return {"center", "left", "right", "top", "bottom"}


class FieldLines(_Styled):
    """Electric field lines of point charges: density·|q| lines start evenly around each charge and follow the
    Coulomb field from + to − (a dipole's lines close on its − charge)."""

    kind: Literal["field_lines"] = "field_lines"
    charges: list[Ref] = Field(min_length=1, max_length=20, description="the charges (declared before)")
    density: int = Field(default=8, ge=1, le=40, description="lines per unit of charge")
    margin: Number = Field(default=2.5, gt=0, le=50, description="how far beyond the charges lines are followed (cm)")
    width: Number = Field(default=0.8, ge=0.1, le=10, description="line width in points")
    example: ClassVar[str] = ("charge a at (0, 0) { value: 1 }; charge b at (3, 0) { value: -1 }; "
                              "field_lines E { charges: [a, b] }")


class RayDiagram(Node):
    """The principal rays of a thin lens or spherical mirror: object, image from 1/f = 1/d + 1/d', three rays."""

    kind: Literal["ray_diagram"] = "ray_diagram"
    lens: Ref = Field(description="a lens or spherical_mirror with `focal` set (a diverging lens or a convex mirror "
                      "has a negative focal length)")
    distance: Number = Field(gt=0, le=1000, description="object distance from the lens in cm on the page "
                             "(the object stands on the side of smaller x)")
    height: Number = Field(default=1.0, ge=-100, le=100, description="object height in cm (negative: pointing down)")
    object_label: Optional[Label] = Field(default="object", description="label of the object arrow")
    image_label: Optional[Label] = Field(default="image", description="label of the image arrow")
    color: Color = Field(default="black", description="colour of the rays")
    answer: Answer = answer_field()
    domain: ClassVar[str] = "draw"
    name_required: ClassVar[bool] = False
    relations: ClassVar[tuple[str, ...]] = ()
    example: ClassVar[str] = "lens L at (0, 0) { focal: 2 }; ray_diagram rd { lens: L, distance: 3, height: 1 }"


KINDS = [Polyline, Polygon, Region, Curve, ArcShape, Arrow, TextItem, Box, Marker, Group, Spring, Surface, Mirror,
         Dimension, Disk, Ellipse, AngleMark, CurrentMark, Field_, Lens, Note, SphericalMirror, RayDiagram, Rope, Incline, Block, Charge, FieldLines]
