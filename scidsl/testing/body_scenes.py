"""Scene builders for relation chains of the drawing layer: bodies resting on a floor, a table, an incline or a
wedge, pulleys on their corners or hung from a ceiling, bodies hanging from pulleys and springs, ropes over
the pulleys. Every item is placed by a relation (`on`, `hangs from`, `right of`), none by coordinates."""
from __future__ import annotations

from typing import Optional

from scidsl.testing.scenes import ANY
from scidsl.testing.scenes import ExpectedFact as F
from scidsl.testing.scenes import SceneCase

G = 9.8  # the drawing layer's weight of a body with a mass: m·g


class Chain:
    """Lines of a scene and the facts they must give, written one relation at a time."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.facts: list[F] = []

    def support(self, kind: str, name: str, props: str = "", on: Optional[str] = None) -> None:
        """A floor, ceiling, incline or wedge (an incline or wedge stands on a floor)."""
        where = f" on {on}" if on else ""
        self.lines.append(f"{kind} {name}{where}" + (f" {{ {props} }}" if props else ""))
        self.facts.append(F("drawn", (kind, name)))
        if on:
            self.facts.append(F("relation", ("on", name, on)))

    def body(self, kind: str, name: str, relation: str, target: str, props: str, text: Optional[str] = None,
             mass: Optional[int] = None) -> None:
        """A box, pulley or spring placed by one relation; `target` as the relation fact names it."""
        extra = (f', text: "{text}"' if text else "") + (f", mass: {mass} kg" if mass else "")
        self.lines.append(f"{kind} {name} {relation} {target} {{ {props}{extra} }}")
        stated = target if "." not in target or kind == "pulley" or relation != "on" else target.partition(".")[0]
        self.facts += [F("relation", (relation, name, stated)), F("drawn", (kind, name), text if text else ANY)]
        if mass:
            self.facts += [F("mass", (name,), f"{mass} kg"), F("weight", (name,), mass * G)]

    def rope(self, stops: list[str], pulleys: list[str]) -> None:
        """A rope through these positions, running over these pulleys."""
        self.lines.append(f"rope r through [{', '.join(stops)}]")
        self.facts += [F("relation", ("over", "r", p)) for p in pulleys] + [F("drawn", ("rope", "r"))]

    def case(self, about: str) -> SceneCase:
        """The scene."""
        return SceneCase("draw", "\n".join(self.lines) + "\n", tuple(self.facts), about)


def _size(length: float, height: float) -> str:
    return f"length: {length:g}, height: {height:g}"


def stack_scene(lengths: list[float], mass: Optional[int] = None) -> SceneCase:
    """Boxes stacked on a floor, each on the one below (lengths from the bottom, each shorter than the last)."""
    chain = Chain()
    chain.support("floor", "f")
    below = "f"
    for i, length in enumerate(lengths, start=1):
        top = i == len(lengths)
        chain.body("box", f"b{i}", "on", below, _size(length, 0.8), "$m$" if top else None, mass if top else None)
        below = f"b{i}"
    return chain.case(f"a stack of {len(lengths)} box(es) on a floor")


def table_scene(length: float, height: float, along: float, gap: float, mass: Optional[int] = None) -> SceneCase:
    """A block on a table, tied over a pulley on the table's corner to a hanging block."""
    chain = Chain()
    chain.support("floor", "f")
    chain.body("box", "table", "on", "f", _size(length, height))
    chain.body("box", "A", "on", "table", f"along: {along:g}, " + _size(1.2, 0.8), "$m_1$")
    chain.body("pulley", "P", "on", "table.top_right", "radius: 0.35")
    chain.body("box", "B", "hangs from", "P", f"gap: {gap:g}, " + _size(0.8, 0.8), "$m_2$", mass)
    chain.rope(["A.right", "P", "B.top"], ["P"])
    return chain.case("a block on a table tied over a pulley to a hanging block")


def incline_scene(angle: int, base: float, along: float, gap: float, mass: Optional[int] = None) -> SceneCase:
    """A block on an incline standing on a floor, tied over a pulley at its top to a hanging block."""
    chain = Chain()
    chain.support("floor", "f")
    chain.support("incline", "ramp", f"angle: {angle} deg, base: {base:g}", on="f")
    chain.facts.append(F("angle", ("ramp",), f"{angle}°"))
    chain.body("box", "A", "on", "ramp", f"along: {along:g}, " + _size(1.2, 0.8), "$m_1$")
    chain.body("pulley", "P", "on", "ramp.top", "radius: 0.35")
    chain.body("box", "B", "hangs from", "P", f"gap: {gap:g}, " + _size(0.8, 0.8), "$m_2$", mass)
    chain.rope(["A.right", "P", "B.top"], ["P"])
    return chain.case(f"a block on a {angle}° incline tied over a pulley to a hanging block")


def wedge_scene(left: int, right: int, height: float, along: tuple[float, float]) -> SceneCase:
    """Two blocks on the two slopes of a wedge, tied over a pulley on its apex."""
    chain = Chain()
    chain.support("floor", "f")
    chain.support("wedge", "w", f"angles: [{left} deg, {right} deg], height: {height:g}", on="f")
    chain.body("box", "A", "on", "w.left", f"along: {along[0]:g}, " + _size(1.1, 0.8), "$m_1$")
    chain.body("box", "B", "on", "w.right", f"along: {along[1]:g}, " + _size(1.1, 0.8), "$m_2$")
    chain.body("pulley", "P", "on", "w.apex", "radius: 0.35")
    chain.rope(["A.right", "P", "B.left"], ["P"])
    return chain.case(f"blocks on a {left}°/{right}° wedge tied over a pulley at its apex")


def atwood_scene(radius: float, gaps: tuple[float, float], spacing: Optional[float] = None,
                 mass: Optional[int] = None) -> SceneCase:
    """Two blocks hanging on one rope over a pulley hung from a ceiling (or over two, `spacing` apart)."""
    chain = Chain()
    chain.support("ceiling", "top")
    chain.body("pulley", "P1", "hangs from", "top", f"gap: 1, radius: {radius:g}")
    last = "P1"
    if spacing is not None:
        chain.body("pulley", "P2", "right of", "P1", f"gap: {spacing:g}, radius: {radius:g}")
        last = "P2"
    chain.body("box", "A", "hangs from", "P1.left", f"gap: {gaps[0]:g}, " + _size(0.8, 0.8), "$m_1$")
    chain.body("box", "B", "hangs from", last, f"gap: {gaps[1]:g}, " + _size(0.8, 0.8), "$m_2$", mass)
    chain.rope(["A.top", "P1"] + (["P2"] if spacing is not None else []) + ["B.top"],
               ["P1", "P2"] if spacing is not None else ["P1"])
    return chain.case("two blocks on a rope over " + ("two pulleys" if spacing is not None else "a pulley"))


def spring_scene(length: float, coils: int, mass: Optional[int] = None) -> SceneCase:
    """A block hanging from a spring hung from a ceiling."""
    chain = Chain()
    chain.support("ceiling", "top")
    chain.body("spring", "k", "hangs from", "top", f"length: {length:g}, coils: {coils}")
    chain.body("box", "m", "hangs from", "k", _size(0.9, 0.6), "$m$", mass)
    return chain.case("a block on a spring from a ceiling")
