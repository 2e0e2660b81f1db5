"""Pedigrees → primitives: squares, circles and diamonds (filled when affected, half-filled for carriers,
slashed when deceased), mating lines, sibship lines, generation numerals and individual numbers."""
from __future__ import annotations

import math
from typing import Any

from scidsl.primitives import Circle, Drawing, Line, Stroke, Text
from scidsl.style import LABEL_SIZE

P = tuple[float, float]
HALF = 0.3  # half the symbol size in cm
NUMBER_SIZE = 10.0
_FILL = "black"


def roman(g: int) -> str:
    """I, II, III, ... for a generation number."""
    from scidsl.domains.graphs.pedigrees import ROMAN

    return ROMAN[g - 1] if 1 <= g <= len(ROMAN) else str(g)


def render_pedigree(lay: Any) -> Drawing:
    """Every symbol, every family line and the numbering."""
    out = Drawing()
    for m in lay.matings:
        out.items.extend(_family_lines(lay, m))
    for n, person in lay.people.items():
        out.items.extend(_symbol(person, lay.pos[n]))
        out.items.extend(_captions(lay, n))
        out.anchors[n] = lay.pos[n]
    out.items.extend(_numerals(lay))
    if lay.settings is not None and lay.settings.trait:
        out.items.extend(_legend(lay))
    return out


def _outline(sex: str, c: P) -> list[P]:
    x, y = c
    if sex == "male":
        return [(x - HALF, y - HALF), (x + HALF, y - HALF), (x + HALF, y + HALF), (x - HALF, y + HALF)]
    if sex == "unknown":
        r = HALF * 1.25
        return [(x, y + r), (x + r, y), (x, y - r), (x - r, y)]
    return [(x + HALF * math.cos(2 * math.pi * i / 48), y + HALF * math.sin(2 * math.pi * i / 48)) for i in range(48)]


def _symbol(p: Any, c: P) -> list:
    owner = p.name
    fill = _FILL if p.affected else "white"
    items: list = []
    if p.sex == "female":
        items.append(Circle(c, HALF, Stroke(width=1.2, fill=fill, zorder=3), owner=owner, role="person"))
    else:
        items.append(Line(tuple(_outline(p.sex, c)), closed=True, stroke=Stroke(width=1.2, fill=fill, zorder=3),
                          owner=owner, role="person"))
    if p.carrier and not p.affected:  # the right half filled
        half = [q for q in _outline(p.sex, c) if q[0] >= c[0] - 1e-9]
        half = sorted(half, key=lambda q: -math.atan2(q[1] - c[1], q[0] - c[0] + 1e-12))
        top, bottom = (c[0], c[1] + max(abs(q[1] - c[1]) for q in half)), (c[0], c[1] - max(abs(q[1] - c[1]) for q in half))
        items.append(Line(tuple([top] + half + [bottom]), closed=True,
                          stroke=Stroke(width=0.0, fill=_FILL, zorder=3.1, visible=False), owner=owner, role="person"))
    if p.deceased:
        d = HALF * 1.3
        items.append(Line(((c[0] - d, c[1] - d), (c[0] + d, c[1] + d)), stroke=Stroke(width=1.2, zorder=3.2),
                          owner=owner, role="deceased"))
    if p.proband:
        tip = (c[0] - HALF * 1.1, c[1] - HALF * 1.1)
        items.append(Line(((tip[0] - 0.45, tip[1] - 0.45), tip), stroke=Stroke(width=1.2), arrow="end",
                          owner=owner, role="proband"))
    return items


def _captions(lay: Any, n: str) -> list[Text]:
    """The individual's number and label under the symbol."""
    p = lay.people[n]
    x, y = lay.pos[n]
    numbers = lay.settings is None or lay.settings.numbers
    lines = ([str(lay.number[n])] if numbers else []) + ([p.label] if p.label else [])
    top = y - HALF * (1.25 if p.sex == "unknown" else 1.0) - 0.08
    out = []
    for i, text in enumerate(lines):
        out.append(Text((x, top), text, NUMBER_SIZE if i == 0 and numbers else LABEL_SIZE, "center", "top",
                        owner=n, role="person_label", offset=(0.0, -0.42 * i)))
    return out


def _family_lines(lay: Any, m: Any) -> list[Line]:
    """The mating line, the line of descent and the sibship line with a drop to each child."""
    a, b = (lay.pos[p] for p in m.between)
    owner = "+".join(m.between)
    left, right = (a, b) if a[0] <= b[0] else (b, a)
    out = []
    y = left[1]
    gaps = (0.05, -0.05) if m.consanguineous else (0.0,)
    for dy in gaps:
        out.append(Line(((left[0] + HALF, y + dy), (right[0] - HALF, y + dy)), stroke=Stroke(width=1.2),
                        owner=owner, role="mating"))
    kids = [lay.pos[c] for c in m.children if c in lay.pos]
    if not kids:
        return out
    mid = ((left[0] + right[0]) / 2, y)
    sib_y = kids[0][1] + HALF * 1.25 + 0.4
    xs = [k[0] for k in kids] + [mid[0]]
    out.append(Line((mid, (mid[0], sib_y)), stroke=Stroke(width=1.2), owner=owner, role="descent"))
    if max(xs) - min(xs) > 1e-9:
        out.append(Line(((min(xs), sib_y), (max(xs), sib_y)), stroke=Stroke(width=1.2), owner=owner, role="sibship"))
    for c, kid in zip(m.children, kids):
        top = kid[1] + (HALF * 1.25 if lay.people[c].sex == "unknown" else HALF)
        out.append(Line(((kid[0], sib_y), (kid[0], top)), stroke=Stroke(width=1.2), owner=owner, role="drop"))
    return out


def _numerals(lay: Any) -> list[Text]:
    xs = [p[0] for p in lay.pos.values()]
    left = min(xs) - HALF - 0.9
    rows = sorted({(lay.generation[n], lay.pos[n][1]) for n in lay.people})
    return [Text((left, y), roman(g), LABEL_SIZE, "right", "center", owner="pedigree", role="generation")
            for g, y in rows]


def _legend(lay: Any) -> list:
    xs = [p[0] for p in lay.pos.values()]
    ys = [p[1] for p in lay.pos.values()]
    x, y = min(xs), min(ys) - 1.6
    out: list = []
    entries = [(True, False, f"affected with {lay.settings.trait}")]
    if any(p.carrier and not p.affected for p in lay.people.values()):
        entries.append((False, True, "carrier"))
    for i, (affected, carrier, text) in enumerate(entries):
        key = _Key(affected, carrier)
        c = (x, y - 0.8 * i)
        out.extend(it for it in _symbol(key, c))
        out.append(Text((c[0] + HALF + 0.25, c[1]), text, LABEL_SIZE, "left", "center", owner="legend",
                        role="legend"))
    return out


class _Key:
    """A male symbol for the legend."""

    sex = "male"
    deceased = proband = False
    name = "legend"

    def __init__(self, affected: bool, carrier: bool) -> None:
        self.affected, self.carrier = affected, carrier
