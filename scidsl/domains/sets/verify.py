"""After-render check of Venn diagrams: each count measured inside its region of the drawn circles."""
from __future__ import annotations

from typing import Any

from scidsl.diagnostics import Diagnostic, error
from scidsl.domains.sets.regions import OUTSIDE, name_of
from scidsl.primitives import Circle, Line, Text

_TOL_CM = 0.01


def verify_venn(venn: Any, page: Any) -> list[Diagnostic]:
    """E7510 for a count whose text box leaves its region on the page."""
    from scidsl.domains.sets.layout import region_shape
    from scidsl.labels import text_box

    mine = [it for it in page.items if getattr(it, "owner", None) == venn.owner]
    circles = sorted((it for it in mine if isinstance(it, Circle) and it.role.startswith("venn_set ")),
                     key=lambda c: int(c.role.split()[1]))
    frame = next((it for it in mine if isinstance(it, Line) and it.role == "universe"), None)
    if len(circles) != venn.solved.n or frame is None:
        return []
    xs, ys = [p[0] for p in frame.points], [p[1] for p in frame.points]
    rect = (min(xs), min(ys), max(xs), max(ys))
    centers, radius = [c.center for c in circles], circles[0].radius
    out = []
    for t in mine:
        if not (isinstance(t, Text) and t.role.startswith("venn_count ")):
            continue
        mask = int(t.role.split()[1])
        shape = region_shape(mask, centers, radius, rect)
        if shape is None or not shape.buffer(_TOL_CM).contains(text_box(t.text, t.size, t.at, t.ha, t.va)):
            out.append(error("E7510", f"venn {venn.owner}: {t.text!r} is drawn outside its region "
                             f"{name_of(mask, venn.node.sets) if mask != OUTSIDE else 'outside'}",
                             venn.node.span, "give the figure more width (scene width) or shorten the region texts"))
    return out
