"""The drawing layer's kinds: plain primitives for figures no domain covers yet.

Positions are centimetres `(x, y)`, names of points or anchors from other domains (`A`, `R1.left`),
or sums like `A + (0.5, 0)`.
"""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal, Optional

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from scidsl import limits
from scidsl.answers import Answer, Givens, answer_field, givens_field
from scidsl.model import Angle, Color, Expr, ExprKind, Label, Length, Node, Number, Positive, Quantity, Ref, quantity_of


Position = Annotated[Expr, ExprKind("a position: '(x, y)' in cm, a point or anchor name like 'A' or "
                                     "'R1.left', or a sum like 'A + (0.5, 0)'")]
Dash = Literal["solid", "dashed", "dotted", "dashdot"]
ArrowEnd = Literal["none", "end", "start", "both", "middle"]


Size = quantity_of("length")  # page cm without a unit; with one (2 m), a world length drawn to the figure's scale


def _drawable(q: Optional[Quantity]) -> Optional[Quantity]:
    """A side or length that can be drawn: at least the smallest size on the page, above 0 in the world."""
    low = limits.MIN_SIZE_CM if q is not None and not q.unit else 0.0
    if q is not None and (q.value < low or q.value <= 0):
        raise PydanticCustomError("value_range", "a size must be {what}, got {got}",
                                  {"what": f"at least {low:g} cm" if low else "above 0", "got": q.pretty()})
    return q


Extent = Annotated[Size, AfterValidator(_drawable)]  # a box's, region's, rope's or arrow's length or height
PLACING = ("on", "hangs_from", "against", "left_of", "right_of", "above", "below", "inside", "between")


class _Placed(Node):
    """Relation words that place a body instead of coordinates."""

    on: Optional[Ref] = Field(default=None, description="rests on a face: a floor or surface, a body (its top), `ramp` (its "
                              "slope), `c.left`; or sits on a point (a vertex `A`, `ramp.top`)")
    along: Optional[Size] = Field(default=None, description="where along that face: a fraction 0..1 (default 0.5) or "
                                  "a distance from its start with a unit")
    hangs_from: Optional[Ref] = Field(default=None, description="hangs below a point, a spring's or string's end, a "
                                      "body's bottom, a pulley's rim or a ceiling")
    against: Optional[Ref] = Field(default=None, description="touches a wall or a body's side")
    left_of: Optional[Ref] = Field(default=None, description="beside a body, centres aligned (also right_of, above, below)")
    right_of: Optional[Ref] = None
    above: Optional[Ref] = None
    below: Optional[Ref] = None
    inside: Optional[Ref] = Field(default=None, description="centred inside a body")
    between: Optional[list[Ref]] = Field(default=None, min_length=2, max_length=2, description="midway between two "
                                         "items (with `on`: slid along the face to there)")
    gap: Optional[Size] = Field(default=None, description="distance to what it is beside or hangs from (default 1 cm)")
    aligned: Optional[Literal["top", "bottom", "left", "right"]] = Field(default=None, description="beside: these "
                                                                           "edges in line instead of centres")
    angle: Optional[Angle] = Field(default=None, description="on a circle or ellipse: where on its rim, as the direction "
                                   "from its centre (0 deg = right, 90 deg = top)")


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
    arrow: ArrowEnd = Field(default="none", description="arrow heads: none, end, start, both or middle")
    flow: int = Field(default=0, ge=0, le=20, description="arrow heads along each segment showing a direction "
                      "of flow (current in a wire, a ray of light)")
    example: ClassVar[str] = "polyline rope { points: [(0, 0), (2, 1), (4, 1)], arrow: end }"

    def members(self) -> Optional[set[str]]:
        """Its two ends and the point halfway along it."""
        return {"start", "end", "mid"}


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
    """A straight arrow (force, velocity, field, ray): from a position to another, or from an anchor in a direction."""

    kind: Literal["arrow"] = "arrow"
    from_: Optional[Position] = Field(default=None, alias="from", description="where it starts, e.g. b.left (a face's "
                                      "middle) or b (its centre)")
    to: Optional[Position] = Field(default=None, description="where it ends; with a direction and no `from`, it "
                                   "ends there (a push on a face)")
    direction: Optional[Expr] = Field(default=None, description="an angle (30 deg), left/right/up/down, a face or "
                                      "line it runs along (ramp.slope, -ramp.slope), normal(ramp.slope), or towards(A)")
    angle: Optional[Angle] = Field(default=None, description="turned this much counter-clockwise from `direction` "
                                   "(at 30 deg to the slope: direction: ramp.slope, angle: 30 deg)")
    length: Optional[Extent] = Field(default=None, description="length (default 2 cm, or to scale with `magnitude`)")
    magnitude: Optional[Quantity] = Field(default=None, description="the value it stands for (20 N); arrows with "
                                          "magnitudes of one unit are drawn to one scale")
    relations: ClassVar[tuple[str, ...]] = ("from", "to")
    example: ClassVar[str] = 'box b; arrow F from b.left { direction: left, label: "$F$" }'

    def members(self) -> Optional[set[str]]:
        """Its tail, its tip and its middle."""
        return {"start", "end", "mid"}


class TextItem(_Placed):
    """Text at a position, or placed by a relation (`text "1" left of s1`)."""

    kind: Literal["text"] = "text"
    text: Label
    at: Optional[Position] = None
    size: Number = Field(default=11, ge=4, le=48, description="font size in points")
    color: Color = "black"
    align: Literal["center", "left", "right"] = "center"
    relations: ClassVar[tuple[str, ...]] = ("at",) + PLACING
    text_field: ClassVar[Optional[str]] = "text"
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "draw"
    example: ClassVar[str] = 'text "Fig. 1" at (0, -1)'


class _Mass(Node):
    """A body's physical properties, stated as facts and checked against its forces."""

    mass: Optional[quantity_of("mass")] = None
    mu: Optional[float] = Field(default=None, ge=0, le=5)
    show_mass: bool = False


class Box(_Styled, _Placed, _Mass):
    """A rectangle (a block, a body, a cart's body) with optional text inside, placed by relations or at a centre."""

    kind: Literal["box"] = "box"
    at: Optional[Position] = Field(default=None, description="the centre (instead of a relation)")
    size: list[Positive] = Field(default=[2.0, 1.0], min_length=2, max_length=2, description="[width, height] in cm")
    length: Optional[Extent] = Field(default=None, description="extent along what it rests on (overrides size)")
    height: Optional[Extent] = Field(default=None, description="height (overrides size)")
    text: Optional[Label] = Field(default=None, description="text inside the box")
    fill: Optional[Color] = None
    hatch: Optional[str] = Field(default=None, pattern=r"^[/\\|\-+xoO.*]{1,6}$", description="hatch like '//'")
    rounded: bool = False
    relations: ClassVar[tuple[str, ...]] = ("at",) + PLACING
    example: ClassVar[str] = 'floor ground; box c on ground { length: 3, height: 1 }; box b on c { text: "$b$" }'

    def members(self) -> Optional[set[str]]:
        """Sides (faces to rest on or start from) and corners of the box."""
        return {"center", "left", "right", "top", "bottom", "top_left", "top_right", "bottom_left", "bottom_right"}


class Marker(_Styled, _Placed):
    """A dot at a position or on a point, with an optional label."""

    kind: Literal["dot"] = "dot"
    at: Optional[Position] = None
    hollow: bool = False
    hidden: bool = Field(default=False, description="draw nothing: a named point for other items to use")
    relations: ClassVar[tuple[str, ...]] = ("at",) + PLACING
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


class _Hanging(Node):
    """A spring or string hung from something instead of given two ends."""

    hangs_from: Optional[Ref] = Field(default=None, description="hangs from a ceiling, a point, a body's bottom or a "
                                      "spring's end (instead of from/to)")
    length: Optional[Extent] = Field(default=None, description="its length when hanging (default 2 cm)")
    angle: Optional[Angle] = Field(default=None, description="swung this far from the vertical (positive: to the right)")

    def members(self) -> Optional[set[str]]:
        """The two ends and the middle (and the centre of a bent spring)."""
        return {"start", "end", "mid", "center"}


class Spring(_Between, _Hanging):
    """A spring between two positions or hanging from something: a zigzag or a coil with straight ends."""

    kind: Literal["spring"] = "spring"
    from_: Optional[Position] = Field(default=None, alias="from", description="start position")
    to: Optional[Position] = Field(default=None, description="end position")
    relations: ClassVar[tuple[str, ...]] = ("from", "to", "hangs_from")
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


class Ground(Surface):
    """A hatched support that fits what rests on it, hangs from it or leans on it: `floor` (hatched below),
    `ceiling` (above), `wall` (vertical, hatched on `side`); `at` a point of its line (default the origin)."""

    kind: Literal["floor"] = "floor"  # type: ignore[assignment]
    from_: Optional[Position] = Field(default=None, alias="from", description="one end (default: fit what it carries)")
    to: Optional[Position] = Field(default=None, description="the other end")
    at: Optional[Position] = Field(default=None, description="a point of the line (default: the origin)")
    side: Literal["left", "right"] = Field(default="right", description="wall: hatching on its left or right")
    relations: ClassVar[tuple[str, ...]] = ("at", "from", "to")
    example: ClassVar[str] = "floor ground; box c on ground"

    def members(self) -> Optional[set[str]]:
        """The two ends and the middle."""
        return {"start", "end", "mid"}


class Ceiling(Ground):
    """A ceiling: a horizontal support hatched above, as long as what hangs from it needs."""

    kind: Literal["ceiling"] = "ceiling"  # type: ignore[assignment]
    example: ClassVar[str] = "ceiling top; spring s hangs from top { length: 2.5 }"


class Wall(Ground):
    """A vertical wall hatched on its `side` (default left: a wall on the left, bodies lean on its right face)."""

    kind: Literal["wall"] = "wall"  # type: ignore[assignment]
    side: Literal["left", "right"] = Field(default="left", description="the side of its hatching")
    example: ClassVar[str] = "floor ground; wall w; box b on ground against w"


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


class Disk(_Styled, _Placed, _Mass):
    """A circle: a wheel (with its axle), a ball, a bob, a mass, a planet; placed by relations or at a centre."""

    kind: Literal["disk"] = "disk"
    at: Optional[Position] = None
    radius: Size = Field(default=0.5, description="radius (cm, or a world length like 6 m)")
    fill: Optional[Color] = Field(default=None, description="fill colour")
    hatch: Optional[str] = Field(default=None, pattern=r"^[/\\|\-+xoO.*]{1,6}$", description="hatch like '//'")
    axle: bool = Field(default=False, description="draw the axle at the centre (a pulley or wheel)")
    text: Optional[Label] = Field(default=None, description="text inside the circle")
    relations: ClassVar[tuple[str, ...]] = ("at",) + PLACING
    example: ClassVar[str] = 'ceiling top; rope s hangs from top { length: 3 }; disk bob hangs from s { radius: 0.3 }'

    def members(self) -> Optional[set[str]]:
        """Centre and the four extreme points."""
        return {"center", "left", "right", "top", "bottom"}


class Pulley(Disk):
    """A pulley with its axle: on a vertex (`on ramp.top`, `on table.top_right`: tangent to both faces), hanging
    from a ceiling (with its bracket), or at a centre; a rope naming it in `through` runs over it."""

    kind: Literal["pulley"] = "pulley"  # type: ignore[assignment]
    radius: Size = Field(default=0.35, description="radius (cm, or a world length)")
    axle: bool = True
    example: ClassVar[str] = "incline ramp { angle: 30 deg }; pulley P on ramp.top"


class Ellipse(_Styled, _Placed):
    """An ellipse or part of one (a circle seen in perspective, an orbit, the dashed back of a disc)."""

    kind: Literal["ellipse"] = "ellipse"
    at: Optional[Position] = None
    radii: list[Positive] = Field(min_length=2, max_length=2, description="[horizontal, vertical] half-axes in cm")
    start: Optional[Angle] = Field(default=None, description="draw only from this parameter angle (0 deg = right)")
    end: Optional[Angle] = Field(default=None, description="... to this one, counter-clockwise")
    fill: Optional[Color] = Field(default=None, description="fill colour (whole ellipses only)")
    hatch: Optional[str] = Field(default=None, pattern=r"^[/\\|\-+xoO.*]{1,6}$", description="hatch like '//'")
    arrow: ArrowEnd = Field(default="none", description="arrow heads on a partial ellipse")
    relations: ClassVar[tuple[str, ...]] = ("at",) + PLACING
    example: ClassVar[str] = "ellipse orbit at (0, 2) { radii: [1.5, 0.4], dash: dashed }"

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
    example: ClassVar[str] = ("polyline v { points: [(3, 0), (0, 0), (2, 2)] }; "
                              "angle_mark a1 at (0, 0) from (3, 0) to (2, 2) { value: 45 deg }")


class CurrentMark(_Styled, _Placed):
    """A direction perpendicular to the page: ⊙ out of the page or ⊗ into it (current, field, velocity)."""

    kind: Literal["current_mark"] = "current_mark"
    at: Optional[Position] = None
    direction: Literal["out", "in"] = Field(description="out of the page (⊙) or into it (⊗)")
    radius: Number = Field(default=0.18, gt=0, le=5, description="radius in cm")
    relations: ClassVar[tuple[str, ...]] = ("at",) + PLACING
    example: ClassVar[str] = 'current_mark I1 at (0, 0) { direction: out, label: "$I$" }'


class Field_(_Styled, _Placed):
    """A field over a rectangle: parallel arrowed lines, a grid of ⊙ / × (out of / into the page), or radial lines."""

    kind: Literal["field"] = "field"
    from_: Optional[Position] = Field(default=None, alias="from", description="one corner of the region")
    to: Optional[Position] = Field(default=None, description="the opposite corner")
    around: Optional[list[Ref]] = Field(default=None, max_length=50, description="instead of corners: the region "
                                        "covers these items with `margin` to spare")
    margin: Number = Field(default=0.8, ge=0, le=50, description="room around the items it covers, in cm")
    length: Optional[Extent] = Field(default=None, description="width of a region placed by a relation (default 4 cm)")
    height: Optional[Extent] = Field(default=None, description="height of a region placed by a relation (default 3 cm)")
    direction: Literal["right", "left", "up", "down", "out", "in", "outward", "inward", "ccw", "cw"] = Field(
        description="direction of the field: parallel lines, ⊙/× symbols (out of / into the page), lines "
                    "radiating outward from / inward to the centre of the region (a point charge), or circles "
                    "about the centre, counter-clockwise / clockwise (around a current)")
    count: int = Field(default=4, ge=1, le=40, description="number of lines (or of rows of symbols)")
    behind: list[Ref] = Field(default_factory=list, max_length=20, description="closed shapes declared before the "
                              "field (ellipse, disk, shape, box, ...) the parallel lines pass behind: each line stops "
                              "at their outline and resumes after it, with an arrow head on every part")
    relations: ClassVar[tuple[str, ...]] = ("from", "to") + PLACING
    example: ClassVar[str] = 'field E from (0, 0) to (5, 3) { direction: right, label: "$\\vec E$" }'

    def members(self) -> Optional[set[str]]:
        """The centre of the region (where a point charge sits)."""
        return {"center"}


class Lens(_Styled, _Placed):
    """A thin lens on a vertical line: converging (outward arrow heads), diverging (inward) or a plain line."""

    kind: Literal["lens"] = "lens"
    at: Optional[Position] = Field(default=None, description="the optical centre")
    height: Number = Field(default=3.0, gt=0, le=100, description="height in cm")
    type: Literal["converging", "diverging", "plain"] = Field(default="converging", description="symbol used")
    focal: Optional[Number] = Field(default=None, gt=0, le=100, description="draw the focal points F at this "
                                    "distance (cm) on both sides")
    relations: ClassVar[tuple[str, ...]] = ("at",) + PLACING
    example: ClassVar[str] = 'lens L1 { height: 3, focal: 2, label: "$L_1$" }; lens L2 right of L1 { gap: 1, focal: 2 }'

    def members(self) -> Optional[set[str]]:
        """Centre, ends and focal points."""
        return {"center", "top", "bottom", "F1", "F2"}


class Note(Node):
    """Text joined to what it names by a leader line (from the target to beside the text)."""

    kind: Literal["note"] = "note"
    text: Label
    at: Optional[Position] = Field(default=None, description="where the leader line ends; the text goes just beyond "
                                   "it (instead of `side` and `gap`)")
    to: Position = Field(description="the thing the note points at")
    side: Optional[Expr] = Field(default=None, description="which way from the thing the text sits: an angle or "
                                 "left/right/up/down (default up)")
    gap: Number = Field(default=1.2, gt=0, le=50, description="length of the leader line in cm")
    size: Number = Field(default=11, ge=4, le=48, description="font size in points")
    color: Color = "black"
    relations: ClassVar[tuple[str, ...]] = ("at", "to")
    text_field: ClassVar[Optional[str]] = "text"
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "draw"
    example: ClassVar[str] = 'box b; note "piston" to b.top { side: up }'


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


class Rope(_Styled, _Hanging):
    """A rope or string through positions (a disk or pulley named in `through` is wrapped around), or hanging from
    something (a pendulum's string)."""

    kind: Literal["rope"] = "rope"
    through: Optional[list[Position]] = Field(default=None, min_length=2, max_length=100, description="positions in order; naming a disk "
                                    "(e.g. P) makes the rope run over it on the outside of the turn")
    arrow: ArrowEnd = Field(default="none", description="arrow heads: none, end, start, both or middle")
    direction: Optional[Expr] = Field(default=None, description="ending on a wall or ceiling: the way it runs to it "
                                      "from its other end (150 deg, towards(A))")
    relations: ClassVar[tuple[str, ...]] = ("through", "hangs_from")
    example: ClassVar[str] = ("floor f; box table on f { length: 4, height: 2 }; box A on table { along: 0.3 }; "
                              "pulley P on table.top_right; box B hangs from P { gap: 1.5, length: 0.6, height: 0.6 }; "
                              "rope r through [A.right, P, B.top]")

    def members(self) -> Optional[set[str]]:
        """The two ends and the middle."""
        return {"start", "end", "mid"}


class Incline(_Styled):
    """An inclined plane: a right triangle from its foot, with its angle marked and labelled."""

    kind: Literal["incline"] = "incline"
    at: Optional[Position] = Field(default=None, description="the foot, where the slope meets the ground at the "
                                   "marked angle (default: the origin)")
    on: Optional[Ref] = Field(default=None, description="the floor it stands on (instead of `at`)")
    along: Optional[Number] = Field(default=None, ge=0, le=1, description="where its foot stands along that floor")
    angle: Angle = Field(description="angle with the horizontal, between 0 and 90 deg")
    base: Number = Field(default=6.0, gt=0, le=1000, description="horizontal length in cm")
    rises: Literal["right", "left"] = Field(default="right", description="the slope rises to the right or the left")
    mu: Optional[float] = Field(default=None, ge=0, le=5)
    fill: Optional[Color] = Field(default="#eeeeee", description="fill colour")
    angle_label: Optional[Label] = Field(default=None, description="label of the angle (default: its value)")
    relations: ClassVar[tuple[str, ...]] = ("at", "on")
    example: ClassVar[str] = "floor f; incline ramp on f { angle: 30 deg, base: 6 }"

    def members(self) -> Optional[set[str]]:
        """Foot, top, right-angle corner, the middle of the slope, and the slope as a face to rest on."""
        return {"foot", "top", "corner", "mid", "slope"}


class Wedge(_Styled):
    """A double incline: two slopes meeting at an apex, each angle given and marked (blocks rest on `w.left` or
    `w.right`, a pulley sits on `w.apex`)."""

    kind: Literal["wedge"] = "wedge"
    angles: list[Angle] = Field(min_length=2, max_length=2, description="[left slope, right slope] with the horizontal")
    height: Size = Field(default=3.0, description="height of the apex")
    on: Optional[Ref] = Field(default=None, description="the floor it stands on (default: at the origin)")
    fill: Optional[Color] = Field(default="#eeeeee", description="fill colour")
    angle_labels: Optional[list[Label]] = Field(default=None, min_length=2, max_length=2, description="labels of "
                                                "the two angles (default: their values)")
    relations: ClassVar[tuple[str, ...]] = ("on",)
    example: ClassVar[str] = "floor f; wedge w on f { angles: [30 deg, 45 deg] }; box A on w.left; box B on w.right"

    def members(self) -> Optional[set[str]]:
        """The two slopes (faces), the apex and the two feet."""
        return {"left", "right", "apex", "left_foot", "right_foot"}


class Rod(_Styled):
    """A rod, plank or ladder of a given length: from a point, or with its foot `on` a floor and its top `against`
    a wall, at its angle with the horizontal."""

    kind: Literal["rod"] = "rod"
    length: Size = Field(default=4.0, description="its length")
    angle: Optional[Angle] = Field(default=None, description="angle with the horizontal (with `against`: found from "
                                   "where the foot stands when not given)")
    from_: Optional[Position] = Field(default=None, alias="from", description="where its foot is (instead of `on`)")
    on: Optional[Ref] = Field(default=None, description="the floor its foot stands on")
    against: Optional[Ref] = Field(default=None, description="the wall its top leans on")
    along: Optional[Number] = Field(default=None, ge=0, le=1, description="where its foot stands along the floor")
    thickness: Number = Field(default=3.0, ge=0.5, le=20, description="line width in points")
    hinge: Literal["none", "start", "end", "both"] = "none"
    givens: Givens = givens_field()
    relations: ClassVar[tuple[str, ...]] = ("from", "on", "against")
    example: ClassVar[str] = "floor f; wall w; rod AB on f against w { length: 4, angle: 60 deg }"

    def members(self) -> Optional[set[str]]:
        """Its two ends and its middle."""
        return {"start", "end", "mid"}


class Block(_Styled, _Mass):
    """A block resting on an incline's slope, turned with it."""

    kind: Literal["block"] = "block"
    on: Ref = Field(description="the incline it rests on")
    at: Number = Field(default=0.5, ge=0, le=1, description="position of its centre along the slope, 0 = foot, 1 = top")
    size: list[Positive] = Field(default=[1.2, 0.8], min_length=2, max_length=2, description="[length along the "
                                 "slope, height] in cm")
    text: Optional[Label] = Field(default=None, description="text inside the block")
    fill: Optional[Color] = Field(default="white", description="fill colour")
    relations: ClassVar[tuple[str, ...]] = ("on",)
    example: ClassVar[str] = 'incline ramp at (0, 0) { angle: 30 deg }; block A on ramp { at: 0.5, text: "$m$" }'

    def members(self) -> Optional[set[str]]:
        """Centre, contact point, top, and the faces towards the top (uphill) and the foot (downhill)."""
        return {"center", "bottom", "top", "uphill", "downhill"}


class Charge(_Styled, _Placed):
    """A point charge: a circle with its sign, and a value in units of a common charge q (`on A` puts it on a point)."""

    kind: Literal["charge"] = "charge"
    at: Optional[Position] = None
    value: Number = Field(ge=-100, le=100, description="the charge in units of q, e.g. 2 or -1 (sets the sign shown)")
    radius: Number = Field(default=0.25, gt=0, le=5, description="radius of the symbol in cm")
    relations: ClassVar[tuple[str, ...]] = ("at",) + PLACING
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


class Force(Arrow):
    """A force on a body: an arrow from its centre or a face, in a direction, to scale with its magnitude."""

    kind: Literal["force"] = "force"  # type: ignore[assignment]
    role: Optional[Literal["weight", "normal", "friction", "tension", "applied"]] = Field(
        default=None, description="weight: checked = m·g; friction: ≤ μN")
    example: ClassVar[str] = ('incline ramp { angle: 30 deg }; box A on ramp; '
                              'force N from A.bottom { direction: normal(ramp.slope), magnitude: 17 N, label: "$N$" }')


class Axes(_Styled, _Placed):
    """A pair of coordinate axes (a reference frame) at its origin, placed like a body (`left of h`)."""

    kind: Literal["axes"] = "axes"
    at: Optional[Position] = Field(default=None, description="the origin (instead of a relation)")
    labels: list[Label] = Field(default=["$x$", "$y$"], min_length=2, max_length=2, description="names of the two axes")
    length: Size = Field(default=1.2, description="length of each axis arrow")
    rotate: Optional[Angle] = Field(default=None, description="turn the frame (axes along a slope)")
    origin_label: Optional[Label] = Field(default=None, description="name of the origin, e.g. O")
    relations: ClassVar[tuple[str, ...]] = ("at",) + PLACING
    example: ClassVar[str] = 'box cart; axes S left of cart { labels: ["$x$", "$y$"], origin_label: "$O$" }'

    def members(self) -> Optional[set[str]]:
        """The origin and the tips of the two axes."""
        return {"origin", "x", "y"}


class Equilibrium(Node):
    """States that the listed forces balance: their magnitudes and drawn directions must sum to zero (1 %)."""

    kind: Literal["equilibrium"] = "equilibrium"
    forces: list[Ref] = Field(min_length=2, max_length=20, description="forces (arrows with `magnitude`) on one body")
    domain: ClassVar[str] = "draw"
    name_required: ClassVar[bool] = False
    example: ClassVar[str] = ("box b; force W from b { direction: down, magnitude: 10 N }; "
                              "force N from b { direction: up, magnitude: 10 N }; equilibrium { forces: [W, N] }")


class Legend(_Placed):
    """A key: what colours, line styles, symbols or letters stand for; rows given, or taken from drawn items (their
    colour and dash, and their label or name)."""

    kind: Literal["legend"] = "legend"
    entries: list[list[Label]] = Field(default_factory=list, max_length=30, description="[key, meaning] rows: a key is "
                                       "a colour (red, #1f77b4), a line style (dashed), or a symbol or letter ($A$)")
    items: list[Ref] = Field(default_factory=list, max_length=30, description="drawn items to list with their style")
    title: Optional[Label] = Field(default=None, description="heading, e.g. Key")
    size: float = Field(default=10, ge=6, le=20, description="font size in points")
    domain: ClassVar[str] = "draw"
    name_required: ClassVar[bool] = False
    relations: ClassVar[tuple[str, ...]] = PLACING
    example: ClassVar[str] = 'legend { title: "Key", entries: [["red", "incident ray"], ["dashed", "virtual image"], ["$A$", "dominant allele"]] }'


class Givens(_Placed):
    """A box listing the given values of the problem, so a reader of the figure alone has every one."""

    kind: Literal["givens"] = "givens"
    lines: list[Label] = Field(min_length=1, max_length=30, description="one given per line, e.g. \"$m = 2$ kg\"")
    title: Optional[Label] = Field(default="Given", description="heading")
    size: float = Field(default=10, ge=6, le=20, description="font size in points")
    domain: ClassVar[str] = "draw"
    name_required: ClassVar[bool] = False
    relations: ClassVar[tuple[str, ...]] = PLACING
    example: ClassVar[str] = 'givens { lines: ["$m_1 = 4$ kg", "$\\mu_k = 0.40$", "$\\theta = 37°$"] }'


class Panel(Node):
    """A panel of a figure of several: the listed items are drawn together and set in a row, a column or a grid
    with the other panels, each with its caption ((a), (b), Fig. 3.1) underneath."""

    kind: Literal["panel"] = "panel"
    items: list[Ref] = Field(min_length=1, max_length=500, description="the drawing items of this panel")
    caption: Optional[Label] = Field(default=None, description="caption under the panel, e.g. (a)")
    arrange: Literal["row", "column", "grid"] = Field(default="row", description="how the panels are set (the first "
                                                      "panel's value counts)")
    domain: ClassVar[str] = "draw"
    text_field: ClassVar[Optional[str]] = "caption"
    example: ClassVar[str] = ('floor f; box c on f; floor g; disk d on g; panel a "(a)" { items: [f, c] }; '
                              'panel b "(b)" { items: [g, d] }')


KINDS = [Polyline, Legend, Givens, Equilibrium, Wedge, Rod, Force, Pulley, Ground, Ceiling, Wall, Axes, Panel,  Polygon, Region, Curve, ArcShape, Arrow, TextItem, Box, Marker, Group, Spring, Surface, Mirror,
         Dimension, Disk, Ellipse, AngleMark, CurrentMark, Field_, Lens, Note, SphericalMirror, RayDiagram, Rope, Incline, Block, Charge, FieldLines]

from scidsl.domains.draw.mech_kinds import MECH_KINDS, Cart, Chain, Pendulum  # noqa: E402 - they build on the kinds above

KINDS += MECH_KINDS
