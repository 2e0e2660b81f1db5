"""A bacterial cell with labelled parts, and a promoter with its boxes, start site and transcription."""
from __future__ import annotations

import math
from typing import Any

from scidsl.domains.biology.genes import PART_LABELS, PromoterPlan, ProkaryotePlan
from scidsl.primitives import Circle, Dot, Drawing, Line, Stroke, Text
from scidsl.renderers.biology import Callout, _rows

P = tuple[float, float]
HX, HY = 3.0, 1.25  # the cell wall's half extents


def _capsule(hx: float, hy: float, n: int = 24) -> tuple[P, ...]:
    """A rod: two half circles joined by straight sides."""
    r, c = hy, hx - hy
    right = [(c + r * math.cos(t), r * math.sin(t)) for t in (math.pi * (i / n - 0.5) for i in range(n + 1))]
    left = [(-c - r * math.cos(t), -r * math.sin(t)) for t in (math.pi * (i / n - 0.5) for i in range(n + 1))]
    return tuple(right + left)


def draw_prokaryote(plan: ProkaryotePlan, size: float) -> Drawing:
    """The rod-shaped cell from the outside in, then its contents; labels in rows above and below."""
    own = plan.node.name or "bacterium"
    d = Drawing()
    parts = set(plan.parts)
    calls: list[Callout] = []

    def line(pts: Any, stroke: Stroke, closed: bool = False, role: str = "part") -> None:
        d.items.append(Line(tuple(pts), closed, stroke, owner=own, role=role))

    def call(key: str, at: P) -> None:
        calls.append(Callout(at, PART_LABELS[key]))
        d.anchors[f"{own}.{key}"] = at

    if "capsule" in parts:
        line(_capsule(HX + 0.25, HY + 0.25), Stroke(width=0.8, color="#8a7a3a", fill="#f7f0cf", dash="dashed", zorder=1),
             True)
        call("capsule", (-2.2, HY + 0.2))
    line(_capsule(HX, HY), Stroke(width=2.2 if "cell_wall" in parts else 1.2, color="#5b4a1f",
                                  fill="#fbf7ea", zorder=1.2), True)
    if "cell_wall" in parts:
        call("cell_wall", (-1.1, HY))
    if "plasma_membrane" in parts:
        line(_capsule(HX - 0.17, HY - 0.17), Stroke(width=0.9, color="#a0522d", zorder=1.4), True)
        call("plasma_membrane", (0.0, HY - 0.17))
    if "pili" in parts:
        for x in (-1.6, -0.55, 0.6, 1.7):
            for s in (1, -1):
                line([(x, s * HY), (x + 0.1, s * (HY + 0.55))], Stroke(width=0.8, color="#5b4a1f"))
        call("pili", (1.8, HY + 0.5))
    if "flagellum" in parts:
        wave = [(HX + t, 0.22 * math.sin(2 * math.pi * t / 1.1)) for t in (i * 0.05 for i in range(61))]
        line(wave, Stroke(width=1.1, color="#5b4a1f"))
        call("flagellum", wave[40])
    _contents(d, parts, own, call)
    _rows(d, [c for c in calls if c.anchor[1] > 0], HY + 1.3, 1, size, own)
    _rows(d, [c for c in calls if c.anchor[1] <= 0], -HY - 0.8, -1, size, own)
    if plan.node.label:
        low = min(t.at[1] for t in d.items if isinstance(t, Text)) if calls else -HY - 0.5
        d.items.append(Text((0.0, low - 0.45), plan.node.label, size + 1, va="top", owner=f"{own}.caption"))
    return d


def _contents(d: Drawing, parts: set[str], own: str, call: Any) -> None:
    if "cytoplasm" in parts:
        call("cytoplasm", (-2.1, -0.55))
    if "nucleoid" in parts:
        loop = [(-0.5 + 0.95 * math.cos(t) + 0.22 * math.cos(7 * t), 0.1 + 0.45 * math.sin(t) + 0.18 * math.sin(9 * t))
                for t in (2 * math.pi * i / 240 for i in range(241))]
        d.items.append(Line(tuple(loop), False, Stroke(width=0.9, color="#1f5fa8", zorder=2), owner=own, role="part"))
        call("nucleoid", loop[60])
    if "plasmid" in parts:
        for c in ((1.55, 0.45), (1.95, -0.45)):
            d.items.append(Circle(c, 0.17, Stroke(width=0.9, color="#1f5fa8", zorder=2), owner=own, role="part"))
        call("plasmid", (1.95, -0.62))
    if "ribosomes" in parts:
        spots = [(-2.1, 0.35), (-1.7, -0.7), (-1.0, 0.72), (0.55, -0.68), (0.9, 0.55), (1.2, -0.2), (2.35, 0.3),
                 (-0.2, -0.82), (0.3, 0.8), (-2.4, -0.1)]
        for p in spots:
            d.items.append(Dot(p, 0.055, "#444444", owner=own, role="part"))
        call("ribosomes", (0.55, -0.68))


# ---- promoters ---------------------------------------------------------------------------------------

BP = 0.14  # cm per base pair
LEFT, RIGHT = -45, 40
BOX_FILL = {"minus35": "#f4b942", "minus10": "#6cc3a0"}
BOX_AT = {"minus35": -35, "minus10": -12}


def draw_promoter(plan: PromoterPlan, size: float) -> Drawing:
    """Both DNA strands, the two boxes with their sequences, +1 and a bent arrow; RNA polymerase and mRNA."""
    node = plan.node
    own = node.name or "promoter"
    d = Drawing()

    def text(at: P, s: str, sz: float = size, **kw: Any) -> None:
        d.items.append(Text(at, s, sz, owner=own, may_touch=(own,), **kw))

    x0, x1 = LEFT * BP, RIGHT * BP
    for y in (0.15, -0.15):
        d.items.append(Line(((x0, y), (x1, y)), stroke=Stroke(width=1.6, zorder=2), owner=own, role="dna"))
    text((x0 - 0.15, 0.15), "5′", size - 1, ha="right")
    text((x0 - 0.15, -0.15), "3′", size - 1, ha="right")
    text((x1 + 0.15, 0.15), "3′", size - 1, ha="left")
    text((x1 + 0.15, -0.15), "5′", size - 1, ha="left")
    spacer_end = BOX_AT["minus35"] + 6 + node.spacer
    starts = {"minus35": BOX_AT["minus35"], "minus10": spacer_end}
    for key, seq in plan.boxes.items():
        a, b = starts[key] * BP, (starts[key] + 6) * BP
        d.items.append(Line(((a, -0.3), (b, -0.3), (b, 0.3), (a, 0.3)), True,
                            Stroke(width=0.8, fill=BOX_FILL[key], zorder=2.5), owner=own, role="box"))
        text(((a + b) / 2, 0.5), seq, size - 1, va="bottom")
        text(((a + b) / 2, -0.5), "−35" if key == "minus35" else "−10", size, va="top")
        d.anchors[f"{own}.{key}"] = ((a + b) / 2, 0.0)
    mid = (BOX_AT["minus35"] + 6 + spacer_end) / 2 * BP
    text((mid, -0.5), f"{node.spacer} bp", size - 1, va="top", color="0.35")
    d.items.append(Line(((0.0, 0.3), (0.0, 0.95), (0.75, 0.95)), stroke=Stroke(width=1.3), owner=own, role="start",
                        arrow="end"))
    text((0.0, -0.5), "+1", size, va="top")
    d.anchors[f"{own}.start"] = (0.0, 0.0)
    if node.gene:
        d.items.append(Line(((6 * BP, -0.3), (x1, -0.3), (x1, 0.3), (6 * BP, 0.3)), True,
                            Stroke(width=0.0, fill="#dbe4f3", visible=False, zorder=1.5), owner=own, role="gene"))
        text(((21 * BP + 0.95 + x1) / 2, -0.5), node.gene, size, va="top")
    if node.transcription:
        _polymerase(d, own, size)
    if node.label:
        text(((x0 + x1) / 2, -1.2), node.label, size + 1, va="top")
    return d


def _polymerase(d: Drawing, own: str, size: float) -> None:
    c = (21 * BP, 0.0)
    pts = tuple((c[0] + 0.95 * math.cos(t), c[1] + 0.6 * math.sin(t)) for t in (2 * math.pi * i / 60 for i in range(60)))
    d.items.append(Line(pts, True, Stroke(width=1.0, color="#4b5d67", fill="#c9d6df", alpha=0.85, zorder=3),
                        owner=own, role="polymerase"))
    d.items.append(Text((c[0] + 0.6, 0.7), "RNA polymerase", size - 1, ha="left", va="bottom", owner=own,
                        may_touch=(own,)))
    start, end = (c[0] - 0.3, 0.55), (c[0] - 1.55, 1.85)
    wave = [(start[0] + (end[0] - start[0]) * t + 0.12 * math.sin(6 * math.pi * t),
             start[1] + (end[1] - start[1]) * t) for t in (i / 40 for i in range(41))]
    d.items.append(Line(tuple(wave), False, Stroke(width=1.6, color="#c0392b", zorder=3.5), owner=own, role="mrna"))
    d.items.append(Text((end[0] - 0.12, end[1]), "5′ mRNA", size - 1, ha="right", color="#c0392b", owner=own,
                        may_touch=(own,)))
    d.anchors[f"{own}.polymerase"] = c


PAINTERS: dict[type, Any] = {ProkaryotePlan: draw_prokaryote, PromoterPlan: draw_promoter}
