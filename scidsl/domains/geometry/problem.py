"""Plain data describing a plane-geometry problem: points, lines, circles, constructions and facts.

Every declaration carries an opaque ``origin`` (for the scene layer, the statement it came from) so that
the solver can name the statements behind a conflict without knowing anything about the language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

Origin = Any
LineRef = Union[str, tuple[str, str]]  # a named line, or the line through two named points


# --- measurements and expressions used in facts -------------------------------------------------


@dataclass(frozen=True)
class Num:
    """A plain number (angles in degrees, lengths in the problem's unit)."""

    value: float


@dataclass(frozen=True)
class Dist:
    """Distance between two points."""

    a: str
    b: str


@dataclass(frozen=True)
class Angle:
    """Unsigned angle a-vertex-b in degrees, in [0, 180]."""

    a: str
    vertex: str
    b: str


@dataclass(frozen=True)
class Radius:
    """Radius of a named circle."""

    circle: str


@dataclass(frozen=True)
class Area:
    """Area of the polygon through the given points."""

    points: tuple[str, ...]


@dataclass(frozen=True)
class BinOp:
    """Arithmetic on measurements: op is one of + - * /."""

    op: str
    left: "Expr"
    right: "Expr"


Expr = Union[Num, Dist, Angle, Radius, Area, BinOp]


# --- declarations ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    """A named point; free unless ``xy`` fixes it or a construction defines it."""

    name: str
    xy: tuple[float, float] | None = None
    origin: Origin = None


@dataclass(frozen=True)
class Polygon:
    """A polygon through named vertices (counter-clockwise preferred); ``regular`` makes it regular."""

    name: str
    vertices: tuple[str, ...]
    regular: bool = False
    origin: Origin = None


@dataclass(frozen=True)
class LineDef:
    """A named line: kind is through|parallel|perpendicular|perp_bisector|angle_bisector.

    through: points (a, b); parallel/perpendicular: ``point`` and ``ref`` line;
    perp_bisector: points (a, b); angle_bisector: points (a, vertex, b).
    """

    name: str
    kind: str
    points: tuple[str, ...] = ()
    point: str | None = None
    ref: LineRef | None = None
    origin: Origin = None


@dataclass(frozen=True)
class CircleDef:
    """A named circle: kind is center|three_points|circumcircle|incircle.

    center: ``center`` plus ``radius`` (number), ``through`` (a point) or neither (free radius);
    three_points/circumcircle: ``points`` (a, b, c), ``center`` names the constructed centre if given;
    incircle: ``points`` (a, b, c), ``center`` names the incentre if given.
    """

    name: str
    kind: str
    center: str | None = None
    radius: float | None = None
    through: str | None = None
    points: tuple[str, ...] = ()
    origin: Origin = None


@dataclass(frozen=True)
class Construction:
    """A point defined from others.

    kinds and their arguments:
      midpoint(a, b); divide(a, b; t) at A + t(B - A); foot(p, a, b) of the perpendicular from p to ab;
      centroid/circumcenter/incenter/orthocenter(a, b, c); bisector_foot(vertex, a, b) where the
      bisector of the angle at vertex meets ab; intersection(objects=(o1, o2)) of lines/circles;
      tangent_point(p; circle) where a tangent from p touches the circle; reflect(p, a, b) in line ab;
      rotate(p, center; angle) by angle degrees counter-clockwise; on_circle(; circle, angle) at polar
      angle degrees; along(a, b; t) at distance t from a towards b.
    ``which`` picks one of two solutions (1 or 2); ``avoid`` names points the result must not be;
    ``near`` prefers the solution closest to a point.
    """

    name: str
    kind: str
    args: tuple[str, ...] = ()
    objects: tuple[LineRef, ...] = ()
    circle: str | None = None
    value: float | None = None
    which: int | None = None
    avoid: tuple[str, ...] = ()
    near: str | None = None
    origin: Origin = None


# --- facts ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Relation:
    """lhs op rhs with op one of = < > <= >=."""

    lhs: Expr
    op: str
    rhs: Expr
    origin: Origin = None


@dataclass(frozen=True)
class Parallel:
    """Two lines are parallel."""

    l1: LineRef
    l2: LineRef
    origin: Origin = None


@dataclass(frozen=True)
class Perpendicular:
    """Two lines are perpendicular."""

    l1: LineRef
    l2: LineRef
    origin: Origin = None


@dataclass(frozen=True)
class OnLine:
    """A point lies on a line (``segment`` also keeps it between the two points)."""

    point: str
    line: LineRef
    segment: bool = False
    origin: Origin = None


@dataclass(frozen=True)
class OnCircle:
    """A point lies on a circle."""

    point: str
    circle: str
    origin: Origin = None


@dataclass(frozen=True)
class Tangent:
    """A line is tangent to a circle, or two circles are tangent (``internal`` for inside)."""

    obj: LineRef
    circle: str
    internal: bool = False
    origin: Origin = None


@dataclass(frozen=True)
class Collinear:
    """Three or more points lie on one line."""

    points: tuple[str, ...]
    origin: Origin = None


Fact = Union[Relation, Parallel, Perpendicular, OnLine, OnCircle, Tangent, Collinear]


@dataclass
class Problem:
    """Everything the solver needs; lists keep declaration order, which makes layouts deterministic."""

    points: list[Point] = field(default_factory=list)
    polygons: list[Polygon] = field(default_factory=list)
    lines: list[LineDef] = field(default_factory=list)
    circles: list[CircleDef] = field(default_factory=list)
    constructions: list[Construction] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    segments: list[tuple[str, str]] = field(default_factory=list)  # drawn segments, lines and rays
    base: tuple[str, str] | None = None  # side drawn horizontally at the bottom; None picks one


# --- shape facts ---------------------------------------------------------------------------------

SHAPES = (
    "triangle", "right_triangle", "isosceles", "equilateral", "quadrilateral", "parallelogram",
    "rectangle", "square", "rhombus", "trapezoid", "kite", "polygon", "regular",
)


def shape_facts(vertices: tuple[str, ...], shape: str, origin: Origin = None,
                at: str | None = None) -> list[Fact]:
    """Facts implied by a named shape (``at`` is the right-angle or apex vertex where it matters)."""
    v = vertices
    if shape == "right_triangle":
        k = v.index(at) if at in v else len(v) - 1
        return [Relation(Angle(v[k - 1], v[k], v[(k + 1) % 3]), "=", Num(90.0), origin)]
    if shape == "isosceles":
        k = v.index(at) if at in v else 0
        return [Relation(Dist(v[k], v[k - 1]), "=", Dist(v[k], v[(k + 1) % 3]), origin)]
    if shape == "equilateral":
        return [Relation(Dist(v[0], v[1]), "=", Dist(v[1], v[2]), origin),
                Relation(Dist(v[1], v[2]), "=", Dist(v[2], v[0]), origin)]
    return _quad_facts(v, shape, origin)


def _quad_facts(v: tuple[str, ...], shape: str, origin: Origin) -> list[Fact]:
    """Facts implied by a quadrilateral shape name."""
    if len(v) != 4:
        return []
    a, b, c, d = v
    facts: list[Fact] = []
    if shape in ("parallelogram", "rectangle", "square", "rhombus"):
        facts += [Parallel((a, b), (d, c), origin), Parallel((a, d), (b, c), origin)]
    if shape in ("rectangle", "square"):
        facts.append(Relation(Angle(d, a, b), "=", Num(90.0), origin))
    if shape in ("square", "rhombus"):
        facts.append(Relation(Dist(a, b), "=", Dist(b, c), origin))
    if shape == "trapezoid":
        facts.append(Parallel((a, b), (d, c), origin))
    if shape == "kite":
        facts += [Relation(Dist(a, b), "=", Dist(a, d), origin),
                  Relation(Dist(c, b), "=", Dist(c, d), origin)]
    return facts
