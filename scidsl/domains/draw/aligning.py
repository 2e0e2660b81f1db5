"""`aligned`: a body beside another with an edge in line with it (tops level, left edges in line) instead of centres."""
from __future__ import annotations

from typing import Any, Callable, Optional

from scidsl import place
from scidsl.place import Relation

P = tuple[float, float]
Box = tuple[float, float, float, float]
_FITS = {"top": ("left_of", "right_of"), "bottom": ("left_of", "right_of"), "left": ("above", "below"),
         "right": ("above", "below")}


def align(node: Any, c: P, size: P, besides: list[str], bbox_of: Callable[[str], Box], rels: list[Relation]) -> P:
    """The centre of a body placed `besides` another, moved so that the edge `node.align` names is in line."""
    from scidsl.domains.draw.placing import PlaceError

    edge = getattr(node, "aligned", None)
    if edge is None:
        return c
    fitting = [r for r in besides if r in _FITS[edge]]
    if not fitting:
        words = " or ".join(w.replace("_", " ") for w in _FITS[edge])
        raise PlaceError("E4040", f"{node.kind} {node.name or ''}: 'aligned: {edge}' lines up an edge with what it "
                         f"stands {words}, and it states no such relation",
                         f"add {_FITS[edge][1].replace('_', ' ')} X, or drop aligned")
    target = getattr(node, fitting[0])
    x0, y0, x1, y1 = bbox_of(target)
    w, h = size
    c = {"top": (c[0], y1 - h / 2), "bottom": (c[0], y0 + h / 2), "left": (x0 + w / 2, c[1]),
         "right": (x1 - w / 2, c[1])}[edge]
    rels.append(Relation("aligned", node.name or "", target, node.span,
                         f"{node.name} has its {edge} edge in line with {target}'s", measure_aligned(node.name or "",
                                                                                                  target, edge)))
    return c


def measure_aligned(subject: str, target: str, edge: str) -> Callable[[Any], Optional[str]]:
    """The stated edges of the two drawn items are in line on the page."""
    def measure(page: Any) -> Optional[str]:
        a = [p for seg in place.segments(page, subject) for p in seg]
        b = [p for seg in place.segments(page, target) for p in seg]
        if not a or not b:
            return None
        axis, pick = {"top": (1, max), "bottom": (1, min), "left": (0, min), "right": (0, max)}[edge]
        off = abs(pick(p[axis] for p in a) - pick(p[axis] for p in b))
        return None if off <= place.CONTACT_TOL_CM else f"the {edge} edges of {subject} and {target} differ by {off:.3f} cm"
    return measure
