"""Measurements on the drawn page: edges and arrows end where the layout says, weights sit by their edge."""
from __future__ import annotations

import math
from typing import Any

from scidsl.diagnostics import Diagnostic, error
from scidsl.primitives import Circle, Line, Text

_TOL_CM = 0.03
_WEIGHT_REACH_CM = 0.3


def _by_owner(page: Any, role: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for item in page.items:
        if getattr(item, "role", None) == role and item.owner:
            out.setdefault(item.owner, []).append(item)
    return out


def verify_graph(lay: Any, page: Any) -> list[Diagnostic]:
    """Every edge starts and ends on its node circles; every weight is beside its own edge."""
    from shapely.geometry import Point, Polygon

    from scidsl.renderers.graphs import edge_owner, node_owner

    outlines = {o: (Point(c[0].center).buffer(c[0].radius, 256).exterior if isinstance(c[0], Circle)
                    else Polygon(c[0].points).exterior) for o, c in _by_owner(page, "node").items()}
    edges = {o: ls[0] for o, ls in _by_owner(page, "edge").items() if isinstance(ls[0], Line)}
    diags: list[Diagnostic] = []
    for a, b, _ in lay.edges:
        line = edges.get(edge_owner(lay.name, a, b))
        ca, cb = outlines.get(node_owner(lay.name, a)), outlines.get(node_owner(lay.name, b))
        if line is None or ca is None or cb is None:
            continue
        for end, outline in ((line.points[0], ca), (line.points[-1], cb)):
            gap = outline.distance(Point(end))
            if gap > _TOL_CM:
                diags.append(error("E8090", f"the edge {a}–{b} ends {gap:.2f} cm away from its node", None))
    diags.extend(_verify_weights(lay, page, edges))
    return diags


def _verify_weights(lay: Any, page: Any, edges: dict[str, Line]) -> list[Diagnostic]:
    from shapely.geometry import LineString

    from scidsl.labels import text_box

    geoms = {o: LineString(line.points) for o, line in edges.items()}
    out = []
    for item in page.items:
        if not isinstance(item, Text) or item.role != "weight" or item.owner not in geoms:
            continue
        bx = text_box(item.text, item.size, item.at, item.ha, item.va)
        own = bx.distance(geoms[item.owner])
        nearest = min((g.distance(bx) for o, g in geoms.items() if o != item.owner and o.startswith(lay.name + ".")),
                      default=math.inf)
        if own > _WEIGHT_REACH_CM or nearest < own - 0.05:
            out.append(error("E8090", f"the weight {item.text!r} is {own:.2f} cm from its edge"
                             + (f" and {nearest:.2f} cm from another" if nearest < own else ""), None))
    return out


def verify_flowchart(lay: Any, page: Any) -> list[Diagnostic]:
    """Every arrow ends on the outline of the box it points at."""
    from shapely.geometry import Point, Polygon

    boxes = {o: Polygon(ls[0].points) for o, ls in _by_owner(page, "step").items()}
    out = []
    for owner, lines in _by_owner(page, "arrow").items():
        target = owner.split(">", 1)[1] if ">" in owner else None
        outline = boxes.get(target)
        if outline is None:
            continue
        for line in lines:
            gap = outline.exterior.distance(Point(line.points[-1]))
            if gap > _TOL_CM:
                out.append(error("E8090", f"the arrow into {target} ends {gap:.2f} cm from its box", None))
    return out


def verify_pedigree(lay: Any, page: Any) -> list[Diagnostic]:
    """Every couple line ends on both partners' symbols, every drop line on its child's symbol."""
    from shapely.geometry import Point, Polygon

    symbols = []
    for item in page.items:
        if getattr(item, "role", None) != "person":
            continue
        if isinstance(item, Circle):
            symbols.append(Point(item.center).buffer(item.radius, 256).exterior)
        elif isinstance(item, Line) and item.stroke.visible:
            symbols.append(Polygon(item.points).exterior)
    out = []
    for item in page.items:
        role = getattr(item, "role", None)
        if not isinstance(item, Line) or role not in ("mating", "drop"):
            continue
        ends = [item.points[-1]] if role == "drop" else [item.points[0], item.points[-1]]
        for end in ends:
            gap = min((s.distance(Point(end)) for s in symbols), default=0.0)
            if gap > _TOL_CM + 0.06:  # a double couple line sits 0.05 cm off the centre
                out.append(error("E8090", f"a {role} line of {item.owner} ends {gap:.2f} cm from any symbol", None))
    return out
