"""Probability trees → primitives: outcome texts at the nodes, branches between them, each branch's
probability beside it, and a column of outcomes with their probabilities at the leaves."""
from __future__ import annotations

from typing import Any

from scidsl.primitives import Drawing, LabelSpec, Line, Stroke, Text
from scidsl.text import measure_text

P = tuple[float, float]
SIZE = 11.0
GAP_CM = 0.12
BRANCH = Stroke(color="black", width=1.0)


def render_probability_tree(lay: Any) -> Drawing:
    """Every node, branch, probability and leaf outcome."""
    from scidsl.domains.graphs.probtrees import LABEL_AT, LABEL_SIZE, branch_label

    out = Drawing()
    half = {n: (measure_text(t, SIZE)[0] / 2 + GAP_CM if t else 0.0) for n, t in lay.shown.items()}
    for n, (x, y) in lay.pos.items():
        out.anchors[f"{lay.name}.{n}"] = (x, y)
        if lay.shown[n]:
            out.items.append(Text((x, y), lay.shown[n], SIZE, owner=f"{lay.name}.{n}", role="outcome"))
    for a, b in lay.prob:
        (xa, ya), (xb, yb) = lay.pos[a], lay.pos[b]
        owner = f"{lay.name}.{a}-{b}"
        start, end = (xa + half[a], ya), (xb - half[b], yb)
        out.items.append(Line((start, end), stroke=BRANCH, owner=owner, role="branch"))
        at = (start[0] + (end[0] - start[0]) * LABEL_AT, start[1] + (end[1] - start[1]) * LABEL_AT)
        side = (90.0, 60.0, 120.0) if yb >= ya else (270.0, 300.0, 240.0)
        out.labels.append(LabelSpec(branch_label(lay, a, b), at, owner, LABEL_SIZE, side, 0.06))
    if lay.node.leaves:
        _leaf_column(lay, out)
    return out


def _outcome_text(lay: Any, leaf: str) -> str:
    texts = dict((n, t) for n, t in lay.node.texts or [])
    if not texts:
        return leaf
    return ", ".join(lay.shown[n] for n in lay.path(leaf)[1:] if lay.shown[n])


def _leaf_column(lay: Any, out: Drawing) -> None:
    from scidsl.domains.graphs.probtrees import display_math, tex

    leaves = lay.leaves()
    right = max(x + measure_text(lay.shown[n], SIZE)[0] / 2 for n, (x, _) in lay.pos.items())
    names = {leaf: _outcome_text(lay, leaf) for leaf in leaves}
    x_out = right + 1.0
    x_prob = x_out + max([measure_text(t, SIZE)[0] for t in names.values()]
                         + [measure_text("outcome", SIZE - 1)[0]]) + 0.6
    top = max(lay.pos[leaf][1] for leaf in leaves) + 0.9
    out.items.append(Text((x_out, top), "outcome", SIZE - 1, "left", color="0.35", owner=f"{lay.name}.head",
                          role="heading"))
    out.items.append(Text((x_prob, top), "probability", SIZE - 1, "left", color="0.35", owner=f"{lay.name}.head",
                          role="heading"))
    for leaf in leaves:
        y = lay.pos[leaf][1]
        out.items.append(Text((x_out, y), names[leaf], SIZE, "left", owner=f"{lay.name}.{leaf}.outcome",
                              role="leaf"))
        out.items.append(Text((x_prob, y), display_math(tex(lay.leaf_probability(leaf), lay.decimal)), SIZE, "left",
                              owner=f"{lay.name}.{leaf}.probability", role="leaf"))
