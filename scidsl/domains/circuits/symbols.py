"""Circuit symbols as simple segment lists (IEC or ANSI), placed between two terminal points."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal, Union

Point = tuple[float, float]
Style = Literal["iec", "ansi"]


@dataclass(frozen=True)
class SLine:
    """Polyline (closed and optionally filled when closed=True)."""

    points: tuple[Point, ...]
    closed: bool = False
    fill: str | None = None
    arrow: str | None = None  # "end" for a current arrow


@dataclass(frozen=True)
class SCircle:
    """Circle; fill None leaves it open."""

    center: Point
    radius: float
    fill: str | None = None


@dataclass(frozen=True)
class SArc:
    """Arc from theta1 to theta2 degrees, counter-clockwise."""

    center: Point
    radius: float
    theta1: float
    theta2: float


@dataclass(frozen=True)
class SText:
    """Fixed text inside or beside a symbol (meter letters, + and − marks)."""

    pos: Point
    text: str
    size: float = 9.0


Shape = Union[SLine, SCircle, SArc, SText]

# (outward, inward) extent of each symbol from its axis, in cm
EXTENTS: dict[str, tuple[float, float]] = {
    "resistor": (0.2, 0.2), "capacitor": (0.35, 0.35), "inductor": (0.25, 0.1),
    "lamp": (0.3, 0.3), "fuse": (0.15, 0.15), "diode": (0.25, 0.25), "led": (0.55, 0.25),
    "rheostat": (0.7, 0.2), "potentiometer": (0.7, 0.2), "cell": (0.4, 0.4),
    "battery": (0.4, 0.4), "dc_source": (0.3, 0.3), "ac_source": (0.3, 0.3),
    "current_source": (0.3, 0.3), "switch": (0.4, 0.1), "two_way_switch": (0.55, 0.1),
    "ammeter": (0.3, 0.3), "voltmeter": (0.3, 0.3), "galvanometer": (0.3, 0.3),
    "wire": (0.0, 0.0),
}
MARK_EXTENT = 0.6  # inward extent when + and − marks are drawn
PART_LENGTH = 1.5  # terminal to terminal, cm
CONTACT_R = 0.05


def extent(kind: str, marks: bool = False) -> tuple[float, float]:
    """(outward, inward) room a symbol needs beside its axis."""
    up, down = EXTENTS.get(kind, (0.3, 0.3))
    if marks and kind in ("cell", "battery", "dc_source", "ammeter", "voltmeter"):
        down = max(down, MARK_EXTENT)
    return up, down


class _Frame:
    """Maps symbol coordinates (x along the part, y outward) to page coordinates."""

    def __init__(self, start: Point, end: Point, normal: Point) -> None:
        self.o = start
        length = math.dist(start, end)
        self.u = ((end[0] - start[0]) / length, (end[1] - start[1]) / length)
        self.n = normal
        self.length = length
        self.mirrored = self.u[0] * normal[1] - self.u[1] * normal[0] < 0

    def p(self, x: float, y: float) -> Point:
        return (self.o[0] + x * self.u[0] + y * self.n[0],
                self.o[1] + x * self.u[1] + y * self.n[1])

    def line(self, *pts: Point, closed: bool = False, fill: str | None = None) -> SLine:
        return SLine(tuple(self.p(x, y) for x, y in pts), closed, fill)

    def angle(self, theta: float) -> float:
        c, s = math.cos(math.radians(theta)), math.sin(math.radians(theta))
        dx = c * self.u[0] + s * self.n[0]
        dy = c * self.u[1] + s * self.n[1]
        return math.degrees(math.atan2(dy, dx)) % 360

    def arc(self, x: float, y: float, r: float, t1: float, t2: float) -> SArc:
        a1, a2 = self.angle(t1), self.angle(t2)
        if self.mirrored:
            a1, a2 = a2, a1
        if a2 <= a1:
            a2 += 360
        return SArc(self.p(x, y), r, a1, a2)


def _leads(f: _Frame, half: float) -> list[Shape]:
    c = f.length / 2
    return [f.line((0, 0), (c - half, 0)), f.line((c + half, 0), (f.length, 0))]


def _resistor(f: _Frame, style: Style) -> list[Shape]:
    c = f.length / 2
    if style == "iec":
        return _leads(f, 0.5) + [f.line((c - .5, -.18), (c + .5, -.18), (c + .5, .18),
                                        (c - .5, .18), closed=True)]
    pts = [(c - .5, 0.0)] + [(c - .5 + (i + .5) / 6, .2 * (1 if i % 2 == 0 else -1))
                             for i in range(6)] + [(c + .5, 0.0)]
    return _leads(f, 0.5) + [f.line(*pts)]


def _capacitor(f: _Frame) -> list[Shape]:
    c = f.length / 2
    return _leads(f, 0.08) + [f.line((c - .08, -.35), (c - .08, .35)),
                              f.line((c + .08, -.35), (c + .08, .35))]


def _inductor(f: _Frame) -> list[Shape]:
    c = f.length / 2
    return _leads(f, 0.5) + [f.arc(c - .375 + .25 * i, 0, .125, 0, 180) for i in range(4)]


def _plates(f: _Frame, xs: list[tuple[float, bool]]) -> list[Shape]:
    """Cell plates at offsets from the centre; True marks a long (+) plate."""
    c = f.length / 2
    return [f.line((c + x, -(.4 if long else .2)), (c + x, .4 if long else .2))
            for x, long in xs]


def _cell(f: _Frame, kind: str) -> list[Shape]:
    c = f.length / 2
    if kind == "cell":
        return _leads(f, 0.07) + _plates(f, [(-.07, False), (.07, True)])
    out = _leads(f, 0.21) + _plates(f, [(-.21, False), (-.07, True), (.07, False), (.21, True)])
    return out + [f.line((c - .07, 0), (c + .07, 0))]


def _circle_body(f: _Frame) -> list[Shape]:
    return _leads(f, 0.3) + [SCircle(f.p(f.length / 2, 0), 0.3)]


def _source(f: _Frame, kind: str) -> list[Shape]:
    c = f.length / 2
    out = _circle_body(f)
    if kind == "dc_source":
        out += [SText(f.p(c + .15, 0), "+", 9), SText(f.p(c - .15, 0), "−", 9)]
    elif kind == "ac_source":
        pts = [(c - .2 + .4 * i / 16, .1 * math.sin(2 * math.pi * i / 16)) for i in range(17)]
        out.append(f.line(*pts))
    else:
        out += [f.line((c - .18, 0), (c + .18, 0)),
                f.line((c + .06, .08), (c + .18, 0), (c + .06, -.08), closed=True, fill="black")]
    return out


def _meter(f: _Frame, kind: str) -> list[Shape]:
    letter = {"ammeter": "A", "voltmeter": "V", "galvanometer": "G"}[kind]
    return _circle_body(f) + [SText(f.p(f.length / 2, 0), letter, 10)]


def _lamp(f: _Frame) -> list[Shape]:
    c, d = f.length / 2, 0.3 / math.sqrt(2)
    return _circle_body(f) + [f.line((c - d, -d), (c + d, d)), f.line((c - d, d), (c + d, -d))]


def _fuse(f: _Frame) -> list[Shape]:
    c = f.length / 2
    return _leads(f, 0.4) + [f.line((c - .4, -.15), (c + .4, -.15), (c + .4, .15),
                                    (c - .4, .15), closed=True), f.line((c - .4, 0), (c + .4, 0))]


def _diode(f: _Frame, led: bool) -> list[Shape]:
    c = f.length / 2
    out = _leads(f, 0.25) + [
        f.line((c - .25, -.25), (c - .25, .25), (c + .2, 0), closed=True, fill="black"),
        f.line((c + .22, -.25), (c + .22, .25))]
    if led:
        for dx in (-.1, .12):
            out += [f.line((c + dx, .28), (c + dx + .2, .5)),
                    f.line((c + dx + .2, .5), (c + dx + .08, .47), (c + dx + .17, .38),
                           closed=True, fill="black")]
    return out


def _switch(f: _Frame, closed: bool) -> list[Shape]:
    c = f.length / 2
    left, right = c - .3, c + .3
    tip = (right + .03, .07) if closed else (right - .05, .33)
    return [f.line((0, 0), (left - CONTACT_R, 0)), f.line((right + CONTACT_R, 0), (f.length, 0)),
            SCircle(f.p(left, 0), CONTACT_R, "white"), SCircle(f.p(right, 0), CONTACT_R, "white"),
            f.line((left, 0), tip)]


def _rheostat(f: _Frame, style: Style) -> list[Shape]:
    """Variable resistor used between end a and the wiper; end b is left free."""
    body = _Frame(f.p(0.15, 0), f.p(1.15, 0), f.n)
    out = [s for s in _resistor(body, style)
           if not (isinstance(s, SLine) and len(set(s.points)) == 1)]
    out.append(f.line((0, 0), (0.15, 0)))
    wx, top = 0.65, 0.6
    out += [f.line((wx, top), (wx, .24)),
            f.line((wx, .22), (wx - .08, .36), (wx + .08, .36), closed=True, fill="black"),
            f.line((wx, top), (f.length, top), (f.length, 0)),
            SCircle(f.p(1.22, 0), CONTACT_R, "black"), f.line((1.15, 0), (1.22, 0))]
    return out


def draw_tap_part(kind: str, start: Point, end: Point, normal: Point, style: Style = "iec",
                  selected_at_start: bool = True) -> list[Shape]:
    """A potentiometer (wiper at the middle) or a two-way switch (common above the middle)."""
    f = _Frame(start, end, normal)
    c, up = f.length / 2, EXTENTS[kind][0]
    if kind in ("potentiometer", "rheostat"):
        return _resistor(f, style) + [
            f.line((c, up), (c, .24)),
            f.line((c, .22), (c - .08, .36), (c + .08, .36), closed=True, fill="black")]
    left, right = c - .35, c + .35
    target = (left + .04, .07) if selected_at_start else (right - .04, .07)
    return [f.line((0, 0), (left - CONTACT_R, 0)), f.line((right + CONTACT_R, 0), (f.length, 0)),
            f.line((c, up), target),
            SCircle(f.p(left, 0), CONTACT_R, "white"), SCircle(f.p(right, 0), CONTACT_R, "white"),
            SCircle(f.p(c, up), CONTACT_R, "white")]


def _marks(f: _Frame, kind: str) -> list[Shape]:
    """+ and − beside a polar part, on the inward side, at the + (end) and − (start) sides."""
    c = f.length / 2
    # a mark clears the outer plate's end by the half size of the sign, so it never touches it
    dx = {"cell": .28, "battery": .42, "dc_source": .3}.get(kind)
    xs = (c + dx, c - dx) if dx is not None else (c - .45, c + .45)
    return [SText(f.p(xs[0], -.45), "+", 10), SText(f.p(xs[1], -.45), "−", 10)]


def draw_part(kind: str, start: Point, end: Point, normal: Point, style: Style = "iec",
              state: str | None = None, marks: bool = False) -> list[Shape]:
    """Shapes of one part drawn from its first terminal (start) to its second (end)."""
    f = _Frame(start, end, normal)
    table = {
        "resistor": lambda: _resistor(f, style), "capacitor": lambda: _capacitor(f),
        "inductor": lambda: _inductor(f), "lamp": lambda: _lamp(f), "fuse": lambda: _fuse(f),
        "diode": lambda: _diode(f, False), "led": lambda: _diode(f, True),
        "cell": lambda: _cell(f, "cell"), "battery": lambda: _cell(f, "battery"),
        "rheostat": lambda: _rheostat(f, style), "potentiometer": lambda: _rheostat(f, style),
        "switch": lambda: _switch(f, state == "closed"),
        "two_way_switch": lambda: _switch(f, True),
        "wire": lambda: [f.line((0, 0), (f.length, 0))],
    }
    if kind in ("dc_source", "ac_source", "current_source"):
        shapes = _source(f, kind)
    elif kind in ("ammeter", "voltmeter", "galvanometer"):
        shapes = _meter(f, kind)
    else:
        shapes = table[kind]()
    if marks and kind in ("cell", "battery", "dc_source", "ammeter", "voltmeter"):
        shapes += _marks(f, kind)
    return shapes


def draw_ground(tip: Point) -> list[Shape]:
    """Ground bars; the widest at `tip`, where the stem wire from the circuit ends."""
    x, y = tip
    return [SLine(((x - w, y - i * .1), (x + w, y - i * .1)))
            for i, w in enumerate((.25, .16, .07))]


def draw_terminal(point: Point) -> list[Shape]:
    """Open circle marking a labelled terminal."""
    return [SCircle(point, 0.08, "white")]
