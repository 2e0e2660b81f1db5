"""Translation at a ribosome and red blood cells in solutions → primitives."""
from __future__ import annotations

import math
from typing import Any

from scidsl.domains.biology.molecular import SHAPES, BloodPlan, TranslationPlan
from scidsl.primitives import Circle, Drawing, Line, Stroke, Text

P = tuple[float, float]
W = 1.35  # one codon
RNA = "#c0392b"
SUBUNIT = Stroke(width=1.0, color="#4b5d67", fill="#dfe9ef", zorder=1)
TRNA = Stroke(width=0.9, color="#2c6e49", fill="#cfe8d5", zorder=3)
AMINO = Stroke(width=0.9, color="#7a4f01", fill="#f6d98b", zorder=4)
RELEASE = Stroke(width=0.9, color="#8e2a2a", fill="#f4c2c2", zorder=3)


def _ellipse(c: P, rx: float, ry: float, n: int = 60) -> tuple[P, ...]:
    return tuple((c[0] + rx * math.cos(2 * math.pi * i / n), c[1] + ry * math.sin(2 * math.pi * i / n))
                 for i in range(n))


def _rect(x0: float, y0: float, x1: float, y1: float) -> tuple[P, ...]:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def draw_translation(plan: TranslationPlan, size: float) -> Drawing:
    """mRNA with its codons, the two subunits over the E, P and A sites, tRNAs, the chain, a release factor."""
    own = plan.node.name or "translation"
    d = Drawing()
    n = len(plan.codons)
    xp = (plan.node.at - 1) * W + W / 2

    def text(at: P, s: str, sz: float = size, **kw: Any) -> None:
        d.items.append(Text(at, s, sz, owner=own, may_touch=(own,), **kw))

    d.items.append(Line(_ellipse((xp, -0.95), 1.75 * W, 0.5), True, SUBUNIT, owner=own, role="small_subunit"))
    d.items.append(Line(_ellipse((xp, 1.75), 1.75 * W, 1.55), True, SUBUNIT, owner=own, role="large_subunit"))
    d.items.append(Line(((0.0, 0.0), (n * W, 0.0)), stroke=Stroke(width=2.2, color=RNA, zorder=2), owner=own,
                        role="mrna"))
    for i, codon in enumerate(plan.codons):
        for j, base in enumerate(codon):
            text((i * W + (j + 0.5) * W / 3, -0.27), base, size, color=RNA)
        if i:
            d.items.append(Line(((i * W, -0.12), (i * W, 0.12)), stroke=Stroke(width=1.0, color=RNA, zorder=2),
                                owner=own, role="codon_tick"))
    text((-0.25, 0.0), "5′", size, ha="right")
    text((n * W + 0.25, 0.0), "3′", size, ha="left")
    text((-0.85, 0.0), "mRNA", size, ha="right")
    for site, i in plan.sites.items():
        text((i * W + W / 2 - 0.5, 2.75), site, size + 1)
        d.anchors[f"{own}.{site}"] = (i * W + W / 2, 0.6)
        if site == "A" and plan.amino[i] == "stop":
            _release_factor(d, i, own, size)
        else:
            _trna(d, plan, i, site, own, size)
    text((xp - 1.75 * W - 0.2, 1.75), "large subunit", size - 1, ha="right", color="0.3")
    text((xp, -1.55), "small subunit", size - 1, va="top", color="0.3")
    if plan.node.label:
        text((n * W / 2, -2.3), plan.node.label, size + 1, va="top")
    return d


def _trna(d: Drawing, plan: TranslationPlan, i: int, site: str, own: str, size: float) -> None:
    x = i * W + W / 2
    lift = 0.55 if site == "E" else 0.0  # the empty tRNA is leaving
    d.items.append(Line(_rect(x - 0.42, 0.62 + lift, x + 0.42, 1.85 + lift), True, TRNA, owner=own, role="trna"))
    for j, base in enumerate(plan.anticodons[i]):
        x0 = i * W + j * W / 3  # each base sits in its own third of the anticodon, under its codon base
        d.items.append(Text((x0 + W / 6, 0.36 + lift), base, size, color=TRNA.color, owner=own, may_touch=(own,),
                            within=(x0, 0.36 + lift - 0.3, x0 + W / 3, 0.36 + lift + 0.3)))
    if site == "E":
        return
    chain = [a for a in plan.amino[:i + 1] if a != "stop"] if site == "P" else [plan.amino[i]]
    _chain(d, x, chain[-5:], own)


def _chain(d: Drawing, x: float, chain: list[str], own: str) -> None:
    """Amino acids from the tRNA upward in a zigzag out of the large subunit: the newest sits on the tRNA."""
    pts = [(x + 0.3 * (k % 2), 2.28 + 0.6 * k) for k in range(len(chain))]
    for a, b in zip(pts, pts[1:]):
        d.items.append(Line((a, b), stroke=Stroke(width=1.0, color=AMINO.color, zorder=3.5), owner=own, role="bond"))
    for p, aa in zip(pts, reversed(chain)):
        d.items.append(Circle(p, 0.31, AMINO, owner=own, role="amino_acid"))
        d.items.append(Text(p, aa, 7.5, owner=own, may_touch=(own,)))


def _release_factor(d: Drawing, i: int, own: str, size: float) -> None:
    x = i * W + W / 2
    d.items.append(Line(_rect(x - 0.45, 0.3, x + 0.45, 1.85), True, RELEASE, owner=own, role="release_factor"))
    d.items.append(Text((x, 1.08), "RF", size, color=RELEASE.color, owner=own, may_touch=(own,)))


# ---- red blood cells --------------------------------------------------------------------------------

CELL = Stroke(width=1.2, color="#8e1b1b", fill="#e35d5d", zorder=2)
PALE = Stroke(width=0.0, color="#f29c9c", fill="#f29c9c", zorder=2.5)
WATER = Stroke(width=1.3, color="#1f5fa8", zorder=3)
BOX = 2.6


def _outline(tonicity: str) -> tuple[tuple[P, ...], float]:
    if tonicity == "hypertonic":
        r = 0.85
        pts = tuple(((r + 0.08 * math.cos(16 * t)) * math.cos(t), (r + 0.08 * math.cos(16 * t)) * math.sin(t))
                    for t in (2 * math.pi * i / 160 for i in range(160)))
        return pts, r + 0.08
    r = 1.3 if tonicity == "hypotonic" else 1.05
    return _ellipse((0.0, 0.0), r, r, 80), r


def draw_blood_cell(plan: BloodPlan, size: float) -> Drawing:
    """The solution as a square, the cell's shape, arrows of the net water flow, the tonicity above."""
    node = plan.node
    own = node.name or "cell"
    d = Drawing()
    d.items.append(Line(_rect(-BOX, -BOX, BOX, BOX), True, Stroke(width=1.0, fill="#eef5fb", zorder=1), owner=own,
                        role="solution"))
    outline, r = _outline(plan.tonicity)
    d.items.append(Line(outline, True, CELL, owner=own, role="cell"))
    if plan.tonicity == "isotonic":
        d.items.append(Line(_ellipse((0.0, 0.0), 0.45, 0.45), True, PALE, owner=own, role="cell_centre"))
    arrow = {"hypotonic": "end", "hypertonic": "start", "isotonic": "both"}[plan.tonicity]
    for ang in (45.0, 135.0, 225.0, 315.0):
        u = (math.cos(math.radians(ang)), math.sin(math.radians(ang)))
        outer, inner = (2.25 * u[0], 2.25 * u[1]), ((r + 0.12) * u[0], (r + 0.12) * u[1])
        d.items.append(Line((outer, inner), stroke=WATER, owner=f"{own}.water", role="water", arrow=arrow))
    d.items.append(Text((1.95, 0.0), "H$_2$O", size, owner=f"{own}.h2o", color=WATER.color))
    conc = f" ({node.outside:g} outside, {node.inside:g} inside)" if node.inside is not None and node.outside is not None else ""
    d.items.append(Text((0.0, BOX + 0.25), f"{plan.tonicity} solution{conc}", size + 1, va="bottom",
                        owner=f"{own}.title"))
    shape, water = SHAPES[plan.tonicity]
    caption = node.label or f"water moves {water}; the cell is {shape}"
    d.items.append(Text((0.0, -BOX - 0.25), caption, size, va="top", owner=f"{own}.caption"))
    d.anchors[f"{own}.cell"] = (0.0, 0.0)
    return d


PAINTERS: dict[type, Any] = {TranslationPlan: draw_translation, BloodPlan: draw_blood_cell}
