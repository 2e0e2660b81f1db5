"""Flowcharts → primitives: rounded terminals, boxes, diamonds, parallelograms, routed arrows, yes/no words."""
from __future__ import annotations

import math
from typing import Any

from scidsl.primitives import Drawing, Line, Stroke, Text
from scidsl.style import LABEL_SIZE

P = tuple[float, float]
WORD_SIZE = 10.0
_SKEW_CM = 0.35


def outline(box: Any) -> list[P]:
    """The closed outline of a step's shape."""
    x0, y0, x1, y1 = box.rect()
    cx, cy = box.center
    shape = box.step.shape
    if shape == "decision":
        return [(cx, y1), (x1, cy), (cx, y0), (x0, cy)]
    if shape in ("input", "output"):
        return [(x0, y0), (x1 - _SKEW_CM, y0), (x1, y1), (x0 + _SKEW_CM, y1)]
    if shape in ("start", "end"):
        r = (y1 - y0) / 2
        right = [(x1 - r + r * math.cos(a), cy + r * math.sin(a))
                 for a in (math.radians(-90 + 180 * i / 16) for i in range(17))]
        left = [(x0 + r + r * math.cos(a), cy + r * math.sin(a))
                for a in (math.radians(90 + 180 * i / 16) for i in range(17))]
        return right + left
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def link_owner(source: str, target: str) -> str:
    """The owner name of an arrow (verification reads the target after '>')."""
    return f"{source}>{target}"


def render_flowchart(lay: Any) -> Drawing:
    """Every box with its text, every arrow, and the yes/no words at a decision's exits."""
    out = Drawing()
    for box in lay.boxes.values():
        out.items.append(Line(tuple(outline(box)), closed=True, stroke=Stroke(width=1.2, fill="white", zorder=3),
                              owner=box.name, role="step"))
        out.items.append(Text(box.center, box.text, LABEL_SIZE, owner=box.name, role="step_text",
                              may_touch=(box.name,)))
        for side in ("top", "bottom", "left", "right"):
            out.anchors[f"{box.name}.{side}"] = box.port(side)
    for ln in lay.links:
        owner = link_owner(ln.source, ln.target)
        out.items.append(Line(tuple(ln.route), stroke=Stroke(width=1.1), arrow="end", owner=owner, role="arrow"))
        if ln.word:
            out.items.append(_word(ln, owner))
    return out


def _word(ln: Any, owner: str) -> Text:
    """The exit word beside the first segment of a decision's arrow."""
    (x, y) = ln.route[0]
    if ln.exit_side == "bottom":
        return Text((x, y), ln.word, WORD_SIZE, "left", "top", owner=owner, role="exit_word", offset=(0.1, -0.05))
    if ln.exit_side == "top":
        return Text((x, y), ln.word, WORD_SIZE, "left", "bottom", owner=owner, role="exit_word", offset=(0.1, 0.05))
    ha = "left" if ln.exit_side == "right" else "right"
    dx = 0.1 if ln.exit_side == "right" else -0.1
    return Text((x, y), ln.word, WORD_SIZE, ha, "bottom", owner=owner, role="exit_word", offset=(dx, 0.05))
