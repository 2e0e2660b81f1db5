"""Hypothesis strategies for drawing-layer bodies (`scidsl.testing.strategies` exports them): relation chains of
bodies, ropes and pulleys, blocks and pulleys placed at positions, and the ways they break: a cycle of placements,
a body past the end of its face, an incline too steep."""
from __future__ import annotations

import math
from typing import Optional

from hypothesis import strategies as st

from scidsl.testing import body_scenes as bs
from scidsl.testing import science_scenes as ss
from scidsl.testing.scenes import BrokenScene, SceneCase

__all__ = ["relation_chains", "inclines", "pulley_systems", "bodies", "cyclic_placements", "overhanging_bodies",
           "steep_inclines"]

_MASSES = st.none() | st.integers(1, 5)  # a hanging body's mass, stated as mass and weight facts


def _tenths(lo: float, hi: float) -> st.SearchStrategy[float]:
    return st.integers(round(lo * 10), round(hi * 10)).map(lambda t: t / 10)


@st.composite
def _stack(draw: st.DrawFn) -> SceneCase:
    lengths = [draw(_tenths(2.5, 5.0))]
    for _ in range(draw(st.integers(0, 2))):
        lengths.append(round(lengths[-1] - draw(_tenths(0.5, 1.2)), 1))
    return bs.stack_scene([max(1.0, v) for v in lengths], draw(_MASSES))


@st.composite
def _table(draw: st.DrawFn) -> SceneCase:
    height = draw(_tenths(2.0, 3.0))
    return bs.table_scene(draw(st.integers(4, 7)), height, draw(_tenths(0.2, 0.5)),
                          draw(_tenths(1.0, height - 0.9)), draw(_MASSES))


@st.composite
def _incline(draw: st.DrawFn) -> SceneCase:
    angle, base = draw(st.integers(20, 50)), draw(st.integers(5, 8))
    room = base * math.tan(math.radians(angle)) - 1.0  # the hanging block stays above the floor
    return bs.incline_scene(angle, base, draw(_tenths(0.2, 0.5)), draw(_tenths(0.8, min(2.5, room))),
                            draw(_MASSES))


@st.composite
def _wedge(draw: st.DrawFn) -> SceneCase:
    return bs.wedge_scene(draw(st.integers(25, 60)), draw(st.integers(25, 60)), draw(_tenths(2.5, 4.0)),
                          (draw(_tenths(0.3, 0.6)), draw(_tenths(0.3, 0.6))))


@st.composite
def _atwood(draw: st.DrawFn) -> SceneCase:
    spacing: Optional[float] = draw(st.none() | _tenths(1.5, 3.0))
    return bs.atwood_scene(draw(_tenths(0.4, 0.7)), (draw(_tenths(1.5, 3.5)), draw(_tenths(1.5, 3.5))), spacing,
                           draw(_MASSES))


def relation_chains() -> st.SearchStrategy[SceneCase]:
    """Bodies, pulleys, springs and ropes placed only by relations: a stack of boxes, a block on a table or an
    incline tied over a pulley to a hanging block, blocks on a wedge over its apex, an Atwood machine over one
    or two pulleys, a block on a spring; states every relation, body drawn, mass and weight."""
    springs = st.builds(bs.spring_scene, _tenths(2.0, 4.0), st.integers(6, 12), _MASSES)
    return st.one_of(_stack(), springs, _table(), _atwood(), _incline(), _wedge())  # simplest first: shrinking


def inclines() -> st.SearchStrategy[SceneCase]:
    """A block on an incline, possibly tied by a rope over a pulley at the top to a hanging mass."""
    return st.builds(ss.incline_scene, st.integers(20, 50), st.integers(5, 8),
                     st.integers(3, 7).map(lambda t: t / 10), st.booleans())


def pulley_systems() -> st.SearchStrategy[SceneCase]:
    """One rope over one or two ceiling pulleys (or under a movable one) to hanging masses."""
    drop = st.integers(15, 35).map(lambda d: d / 10)
    return st.builds(ss.pulleys_scene, st.integers(1, 2), st.integers(4, 7).map(lambda s: s / 2),
                     st.tuples(drop, drop), st.booleans())


def bodies() -> st.SearchStrategy[SceneCase]:
    """Drawing-layer bodies: relation chains, and blocks, pulleys and ropes placed at positions."""
    return st.one_of(relation_chains(), inclines(), pulley_systems())


@st.composite
def steep_inclines(draw: st.DrawFn) -> BrokenScene:
    """An incline whose angle is not between 0 and 90 degrees (E4016)."""
    case = draw(inclines())
    angle = draw(st.integers(90, 170) | st.integers(-90, 0))
    lines = case.text.split("\n")
    head, _, tail = lines[0].partition("angle: ")
    lines[0] = f"{head}angle: {angle} deg{tail[tail.index(','):]}"
    return BrokenScene("draw", "\n".join(lines), "E4016", f"an incline at {angle}°", 1, case)


def _line_of(text: str, start: str) -> int:
    return next(i for i, ln in enumerate(text.split("\n"), start=1) if ln.startswith(start))


@st.composite
def cyclic_placements(draw: st.DrawFn) -> BrokenScene:
    """A stack whose bottom box is put on the top one, so that each is placed by the other (E4023)."""
    case = draw(_stack().filter(lambda c: "box b2 " in c.text))
    top = f"b{case.text.count('box b')}"
    text = case.text.replace("box b1 on f ", f"box b1 on {top} ")
    return BrokenScene("draw", text, "E4023", f"b1 rests on {top}, which rests on b1", _line_of(text, "box b1 "),
                       case)


@st.composite
def overhanging_bodies(draw: st.DrawFn) -> BrokenScene:
    """A block put past the end of the table, slope or wedge face it rests on (`along` over 1, E4021)."""
    case = draw(st.one_of(_table(), _incline(), _wedge()))
    along = draw(_tenths(1.1, 3.0))
    line = _line_of(case.text, "box A ")
    lines = case.text.split("\n")
    head, _, tail = lines[line - 1].partition("along: ")
    lines[line - 1] = f"{head}along: {along:g}{tail[tail.index(','):]}"
    return BrokenScene("draw", "\n".join(lines), "E4021", f"block A at {along:g} of its face", line, case)
