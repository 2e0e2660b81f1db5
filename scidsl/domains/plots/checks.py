"""After-render checks of plots: measured on the drawn page, not taken from the layout's intent."""

from __future__ import annotations

import math
from typing import Any

from scidsl.diagnostics import Diagnostic, error
from scidsl.domains.plots.layout import Panel, format_point
from scidsl.primitives import Line

P = tuple[float, float]
POSITION_TOL_CM = 0.02
ON_CURVE_TOL_CM = 0.04


def page_map(panel: Panel, page: Any) -> Any:
    """Data → page map recovered from the drawn window corners (the page may be scaled and shifted)."""
    ax = panel.axes
    assert ax is not None
    lo, hi = page.anchors.get(f"{ax.name}@lo"), page.anchors.get(f"{ax.name}@hi")
    if lo is None or hi is None:
        return None
    def to_page(p: P) -> P:
        fx, fy = ax.fraction(p)
        return (lo[0] + fx * (hi[0] - lo[0]), lo[1] + fy * (hi[1] - lo[1]))

    return to_page


def _scale(panel: Panel, page: Any) -> float:
    ax = panel.axes
    assert ax is not None
    lo, hi = page.anchors[f"{ax.name}@lo"], page.anchors[f"{ax.name}@hi"]
    return (hi[0] - lo[0]) / ax.width


def verify_points(panel: Panel, page: Any) -> list[Diagnostic]:
    """E6012 for a point drawn away from its coordinates, E6013 for a marked point off its curve."""
    if panel.axes is None:
        return []
    to_page = page_map(panel, page)
    if to_page is None:
        return []
    scale = _scale(panel, page)
    out: list[Diagnostic] = []
    for p in panel.points:
        drawn = page.anchors.get(p.owner)
        if drawn is None:
            continue
        want = to_page(p.at)
        if math.dist(drawn, want) > POSITION_TOL_CM * scale:
            out.append(
                error(
                    "E6012",
                    f"{p.owner} is drawn {math.dist(drawn, want):.2f} cm away from {format_point(p.at)}",
                    None,
                )
            )
            continue
        curves = [c for c in p.of if not c.endswith(".fit")]
        if (
            p.kind != "data"
            and curves
            and distance_to_owner(page, curves[0], drawn) > ON_CURVE_TOL_CM * scale
        ):
            out.append(
                error("E6013", f"{p.owner} {format_point(p.at)} is not on the drawn curve {curves[0]}", None)
            )
    return out


def distance_to_owner(page: Any, owner: str, point: P) -> float:
    """The distance from a point to the nearest drawn line of an owner (inf when it has none)."""
    import numpy as np
    import shapely
    from shapely.geometry import Point

    best = math.inf
    for item in page.items:
        if (
            isinstance(item, Line)
            and item.owner == owner
            and len(item.points) >= 2
            and item.role != "direction"
        ):
            # a line from an array: from a long tuple of tuples shapely builds it point by point
            best = min(best, shapely.linestrings(np.asarray(item.points, dtype=float)).distance(Point(point)))
    return best
