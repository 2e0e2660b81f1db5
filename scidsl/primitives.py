"""Backend-neutral drawing primitives. Coordinates are centimetres on the page, y pointing up.

Domains turn their layouts into a `Drawing`; the core places its labels, draws it with Matplotlib
and measures the drawn result. Owners name the scene object a primitive belongs to, so that
verification can tell which label annotates what.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal, Optional, Union

P = tuple[float, float]


@dataclass(frozen=True)
class Stroke:
    """How a shape is drawn; width in points."""

    color: str = "black"
    width: float = 1.2
    dash: Optional[Literal["dashed", "dotted", "dashdot"]] = None
    fill: Optional[str] = None
    alpha: float = 1.0
    hatch: Optional[str] = None
    zorder: float = 2
    visible: bool = True  # False: fill only, no outline


@dataclass(frozen=True)
class Line:
    """A polyline or polygon, optionally with arrow heads."""

    points: tuple[P, ...]
    closed: bool = False
    stroke: Stroke = Stroke()
    arrow: Optional[Literal["end", "start", "both"]] = None
    owner: Optional[str] = None
    role: str = "line"
    through: tuple[P, ...] = ()  # stated points a smooth curve passes through (checked after drawing)


@dataclass(frozen=True)
class Circle:
    """A full circle."""

    center: P
    radius: float
    stroke: Stroke = Stroke()
    owner: Optional[str] = None
    role: str = "circle"


@dataclass(frozen=True)
class Arc:
    """A circular arc from theta1 to theta2 degrees, counter-clockwise."""

    center: P
    radius: float
    theta1: float
    theta2: float
    stroke: Stroke = Stroke()
    owner: Optional[str] = None
    role: str = "arc"
    arrow: Optional[Literal["end", "start", "both"]] = None


@dataclass(frozen=True)
class Dot:
    """A filled dot of a fixed size (radius in cm, not scaled with the drawing)."""

    center: P
    radius: float = 0.06
    color: str = "black"
    owner: Optional[str] = None
    role: str = "dot"
    hollow: bool = False
    on: Optional[str] = None  # the owner of the curve this point was stated or computed to lie on


@dataclass(frozen=True)
class Text:
    """Text at a fixed position (an atom symbol, a sign inside a symbol)."""

    pos: P
    text: str
    size: float = 11
    ha: Literal["left", "center", "right"] = "center"
    va: Literal["bottom", "center", "top", "baseline"] = "center"
    rotation: float = 0
    color: str = "black"
    owner: Optional[str] = None
    role: str = "text"
    may_touch: tuple[str, ...] = ()
    background: Optional[str] = None
    offset: P = (0.0, 0.0)  # cm added after scaling: pieces of one label stay together at any scale
    anchor: Optional[P] = None  # a placed label: the point it names (its owner's anchor)
    within: Optional[tuple[float, float, float, float]] = None  # a cell (x0, y0, x1, y1) it must stay inside

    @property
    def at(self) -> P:
        """Where the text is drawn: its position plus the unscaled offset."""
        return (self.pos[0] + self.offset[0], self.pos[1] + self.offset[1])


@dataclass(frozen=True)
class LabelSpec:
    """A label the core places near `anchor`, clear of strokes and other labels.

    `prefer` lists directions (degrees, 0 = right, 90 = up) to try first; `distance` is the gap between
    the anchor and the text box; `may_touch` names owners whose strokes the label may overlap.
    """

    text: str
    anchor: P
    owner: Optional[str] = None
    size: float = 11
    prefer: tuple[float, ...] = ()
    distance: float = 0.15
    color: str = "black"
    may_touch: tuple[str, ...] = ()
    role: str = "label"


@dataclass(frozen=True)
class Body:
    """The body of a symbol (a cell, a resistor): no other stroke may cross it; its terminals meet wires."""

    owner: str
    outline: tuple[P, ...]
    terminals: tuple[P, ...] = ()


Primitive = Union[Line, Circle, Arc, Dot, Text]


@dataclass
class Drawing:
    """What a domain renderer returns: primitives, labels to place, and named anchor points."""

    items: list[Primitive] = field(default_factory=list)
    labels: list[LabelSpec] = field(default_factory=list)
    anchors: dict[str, P] = field(default_factory=dict)
    bodies: list[Body] = field(default_factory=list)

    def extend(self, other: "Drawing") -> None:
        """Append another drawing's content."""
        self.items.extend(other.items)
        self.labels.extend(other.labels)
        self.anchors.update(other.anchors)
        self.bodies.extend(other.bodies)

    def bounds(self) -> tuple[float, float, float, float] | None:
        """(xmin, ymin, xmax, ymax) of the geometry, labels excluded."""
        xs: list[float] = []
        ys: list[float] = []
        for it in self.items:
            for x, y in _extent_points(it):
                xs.append(x)
                ys.append(y)
        for lab in self.labels:
            xs.append(lab.anchor[0])
            ys.append(lab.anchor[1])
        if not xs:
            return None
        return min(xs), min(ys), max(xs), max(ys)

    def transformed(self, scale: float, dx: float, dy: float) -> "Drawing":
        """A copy scaled about the origin then shifted (text sizes and dot sizes unchanged)."""
        def tp(p: P) -> P:
            return (p[0] * scale + dx, p[1] * scale + dy)

        out = Drawing(anchors={k: tp(v) for k, v in self.anchors.items()})
        for it in self.items:
            out.items.append(_transform_item(it, tp, scale))
        out.labels = [replace(lab, anchor=tp(lab.anchor)) for lab in self.labels]
        out.bodies = [Body(b.owner, tuple(tp(p) for p in b.outline), tuple(tp(p) for p in b.terminals))
                      for b in self.bodies]
        return out


def _extent_points(it: Primitive) -> list[P]:
    if isinstance(it, Line):
        return list(it.points)
    if isinstance(it, (Circle, Arc)):
        (cx, cy), r = it.center, it.radius
        if isinstance(it, Arc):
            import math

            pts = []
            span = (it.theta2 - it.theta1) % 360 or 360
            for k in range(0, 33):
                a = math.radians(it.theta1 + span * k / 32)
                pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
            return pts
        return [(cx - r, cy - r), (cx + r, cy + r)]
    if isinstance(it, Dot):
        (cx, cy), r = it.center, it.radius
        return [(cx - r, cy - r), (cx + r, cy + r)]
    if isinstance(it, Text):
        return [it.at]
    return []


def _transform_item(it: Primitive, tp, scale: float) -> Primitive:  # type: ignore[no-untyped-def]
    if isinstance(it, Line):
        return replace(it, points=tuple(tp(p) for p in it.points), through=tuple(tp(p) for p in it.through))
    if isinstance(it, (Circle, Arc)):
        return replace(it, center=tp(it.center), radius=it.radius * scale)
    if isinstance(it, Dot):
        return replace(it, center=tp(it.center))
    if isinstance(it, Text):
        box = None
        if it.within is not None:
            (x0, y0), (x1, y1) = tp(it.within[:2]), tp(it.within[2:])
            box = (x0, y0, x1, y1)
        return replace(it, pos=tp(it.pos), within=box)
    return it
