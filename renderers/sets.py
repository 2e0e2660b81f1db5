"""Renderer of Venn diagrams: the universe rectangle, tinted circles, shaded regions, counts and labels."""
from __future__ import annotations

from typing import Any

from scidsl.primitives import Circle, Drawing, Line, Stroke, Text

TINTS = ("#4e79a7", "#e15759", "#59a14f")
SHADE = "#b7c7de"


def render_venns(venns: list) -> Drawing:
    """Draw every diagram."""
    out = Drawing()
    for venn in venns:
        _render(venn, out)
    return out


def _render(venn: Any, out: Drawing) -> None:
    from scidsl.domains.sets.layout import region_shape
    from scidsl.domains.sets.regions import plain
    from scidsl.text import measure_text

    owner, (x0, y0, x1, y1) = venn.owner, venn.rect
    out.items.append(Line(((x0, y0), (x1, y0), (x1, y1), (x0, y1)), True, Stroke(width=1.0), owner=owner,
                          role="universe"))
    shaded = _shaded_masks(venn)
    for mask in shaded:
        _fill_shape(region_shape(mask, venn.centers, venn.radius, venn.rect), owner, out)
    for i, c in enumerate(venn.centers):
        if venn.node.fill and not shaded:
            out.items.append(Circle(c, venn.radius, Stroke(color=TINTS[i], fill=TINTS[i], alpha=0.16, visible=False,
                                                           zorder=1), owner=owner, role="venn_tint"))
        out.items.append(Circle(c, venn.radius, Stroke(color="black", width=1.1, zorder=2), owner=owner,
                                role=f"venn_set {i}"))
    for mask, (text, pos) in venn.texts.items():
        out.items.append(Text(pos, text, venn.size, owner=owner, role=f"venn_count {mask}"))
    for i, (text, anchor, ha, va) in enumerate(venn.labels):
        out.items.append(Text(anchor, text, venn.size + 1, ha, va, owner=owner, role=f"venn_label {i}"))
    top = y1 + 0.15
    if venn.node.universe:
        out.items.append(Text((x0, top), venn.node.universe, venn.size, "left", "bottom", owner=owner,
                              role="universe_label"))
        top += measure_text(venn.node.universe, venn.size)[1] + 0.2
    if venn.node.caption:
        out.items.append(Text(((x0 + x1) / 2, top), venn.node.caption, venn.size + 1, "center", "bottom", owner=owner,
                              role="caption"))
    out.anchors.update({owner: ((x0 + x1) / 2, (y0 + y1) / 2)})
    for i, name in enumerate(venn.node.sets):
        out.anchors[f"{owner}.{plain(name)}"] = venn.centers[i]


def _shaded_masks(venn: Any) -> list[int]:
    from scidsl.domains.sets.regions import matching

    return sorted({m for key in venn.node.shade for m in matching(key, venn.node.keys())})


def _fill_shape(shape: Any, owner: str, out: Drawing) -> None:
    """Fill a region; holes (the circles inside the outside region) are painted white over it."""
    for part in getattr(shape, "geoms", [shape]):
        if part.is_empty:
            continue
        out.items.append(Line(tuple(part.exterior.coords), True, Stroke(fill=SHADE, visible=False, zorder=1),
                              owner=owner, role="venn_shade"))
        for hole in part.interiors:
            out.items.append(Line(tuple(hole.coords), True, Stroke(fill="white", visible=False, zorder=1.05),
                                  owner=owner, role="venn_shade"))
