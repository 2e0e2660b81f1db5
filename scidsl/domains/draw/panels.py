"""After placing: grounds, ceilings and walls fitted to what they carry, and panels set side by side."""
from __future__ import annotations

import math
from typing import Any

from scidsl.diagnostics import error
from scidsl.domains.draw import kinds as k
from scidsl.domains.draw import placing

P = tuple[float, float]
_MARGIN_CM = 0.8  # a support runs this far past the outermost thing it carries
_MIN_CM = 3.0
_PANEL_GAP_CM = 1.5
_CAPTION_GAP_CM = 0.5
_FIGURE_PAD_CM = 0.8  # round another domain's figure: its tick labels and axis titles


def fit_surfaces(layout: Any, placed: dict[str, Any]) -> None:
    """Give every ground, ceiling and wall without ends the extent of what rests on, hangs from or leans on it."""
    from scidsl.domains.draw.domain import anchors_of

    for shape in layout.shapes:
        node = shape.node
        if not isinstance(node, k.Ground) or node.from_ is not None or not node.name:
            continue
        users = [s for s in layout.shapes if s is not shape and node.name in placing.references(s.node)
                 and not isinstance(s.node, k.Ground)]
        a, b = shape.points
        d = math.dist(a, b)
        u = ((b[0] - a[0]) / d, (b[1] - a[1]) / d)
        along = [(p[0] - a[0]) * u[0] + (p[1] - a[1]) * u[1] for s in users for p in _extent_points(s)]
        if along:
            lo, hi = min(along) - _MARGIN_CM, max(along) + _MARGIN_CM
            if hi - lo < _MIN_CM:
                mid = (lo + hi) / 2
                lo, hi = mid - _MIN_CM / 2, mid + _MIN_CM / 2
        else:
            lo, hi = d / 2 - _MIN_CM / 2, d / 2 + _MIN_CM / 2
        shape.points = [(a[0] + u[0] * lo, a[1] + u[1] * lo), (a[0] + u[0] * hi, a[1] + u[1] * hi)]
        placed[node.name] = shape
    _join_corners([s for s in layout.shapes if isinstance(s.node, k.Ground) and s.node.from_ is None])


def _join_corners(supports: list) -> None:
    """A fitted wall and a fitted floor (or ceiling) meet in a corner: each runs to the other's line."""
    walls = [s for s in supports if isinstance(s.node, k.Wall)]
    levels = [s for s in supports if not isinstance(s.node, k.Wall)]
    for wall in walls:
        x = wall.points[0][0]
        for level in levels:
            y = level.points[0][1]
            (xa, _), (xb, _) = level.points
            lo, hi = min(xa, xb), max(xa, xb)
            if x < lo:
                lo = x
            elif x > hi:
                hi = x
            level.points = [(lo, y), (hi, y)] if xa <= xb else [(hi, y), (lo, y)]
            (_, ya), (_, yb) = wall.points
            bottom, top = min(ya, yb), max(ya, yb)
            if isinstance(level.node, k.Ceiling):
                top = y
            else:
                bottom = y
            top = max(top, bottom + 1.0)
            wall.points = [(x, top), (x, bottom)] if ya >= yb else [(x, bottom), (x, top)]


def _extent_points(shape: Any) -> list[P]:
    pts = list(shape.points)
    if shape.center is not None and shape.radius:
        c, r = shape.center, shape.radius
        pts += [(c[0] - r, c[1]), (c[0] + r, c[1]), (c[0], c[1] - r), (c[0], c[1] + r)]
    return pts


def arrange(ctx: Any, layout: Any, placed: dict[str, Any]) -> None:
    """Set the panels in a row, a column or a grid, in the order declared, each with its caption under it."""
    panels = [n for n in ctx.nodes if isinstance(n, k.Panel)]
    if not panels:
        return
    owner: dict[str, Any] = {}
    for panel in panels:
        for item in panel.items:
            if item in owner:
                ctx.report(error("E4024", f"'{item}' is in two panels", panel.span_of("items"),
                                 "list each item in one panel only",
                                 related=((owner[item].span_of("items"), "it is listed here first"),)))
                return
            if item not in placed:
                continue
            owner[item] = panel
    groups = [[s for s in layout.shapes if s.node.name and owner.get(s.node.name) is p] for p in panels]
    boxes = [_union([placing.bbox(s) for s in g]) for g in groups]
    figures = getattr(ctx, "figures", {})  # a panel holding another domain's figure, already on the page, stays
    fixed = {i: _figure_box(figures, p) for i, p in enumerate(panels) if boxes[i] is None}
    boxes = [fixed.get(i) or b for i, b in enumerate(boxes)]
    arrange_kind = panels[0].arrange
    cols = len(panels) if arrange_kind == "row" else 1 if arrange_kind == "column" else math.ceil(math.sqrt(len(panels)))
    cell_w = max((b[2] - b[0]) for b in boxes if b) if any(boxes) else 0.0
    cell_h = max((b[3] - b[1]) for b in boxes if b) if any(boxes) else 0.0
    captions, moves = [], []
    for i, (panel, group, box) in enumerate(zip(panels, groups, boxes)):
        if box is None:
            continue
        col, row = i % cols, i // cols
        cell_x0 = col * (cell_w + _PANEL_GAP_CM)
        cell_y0 = -row * (cell_h + _PANEL_GAP_CM + 1.0)  # the panels of a row share their base line
        dx, dy = cell_x0 + (cell_w - (box[2] - box[0])) / 2 - box[0], cell_y0 - box[1]
        if fixed.get(i) is not None:
            moves.append((dx, dy))
            continue
        for s in group:
            _shift(s, dx, dy)
        if panel.caption:
            captions.append((panel, ((box[0] + box[2]) / 2 + dx, box[1] + dy - _CAPTION_GAP_CM)))
    if moves:  # the cells move instead, so that a figure's cell lands where the figure is
        bx, by = -moves[0][0], -moves[0][1]
        for s in [s for g in groups for s in g]:
            _shift(s, bx, by)
        captions = [(p, (x + bx, y + by)) for p, (x, y) in captions]
    layout.panel_captions = captions


def _figure_box(figures: dict, panel: Any) -> Any:
    """The box of another domain's figure a panel holds, with room for its tick labels and captions."""
    box = _union([figures[str(n)] for n in panel.items if str(n) in figures])
    return None if box is None else (box[0] - _FIGURE_PAD_CM, box[1] - _FIGURE_PAD_CM,
                                     box[2] + _FIGURE_PAD_CM, box[3] + _FIGURE_PAD_CM)


def _union(boxes: list) -> Any:
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _shift(shape: Any, dx: float, dy: float) -> None:
    def mv(p: P) -> P:
        return (p[0] + dx, p[1] + dy)

    shape.points = [mv(p) for p in shape.points]
    shape.paths = [[mv(p) for p in path] for path in shape.paths]
    if shape.center is not None:
        shape.center = mv(shape.center)


_BODIES = (k.Box, k.Disk, k.Ellipse, k.Charge)


def _holders(node: Any) -> list[str]:
    """The names a body is stated to sit inside, on or hang from."""
    return [str(getattr(node, key, None) or "").partition(".")[0] for key in ("inside", "on", "hangs_from")]


def _nested_by_statement(a: Any, b: Any, by_name: dict[str, Any]) -> bool:
    """True when a is stated to be inside b, on its rim or hanging from it, through any chain of such
    statements (a charge inside a cavity inside a shell), or when both sit inside one thing (two halves
    of one circle)."""
    seen, todo = set(), [a]
    while todo:
        node = todo.pop()
        for name in _holders(node):
            if name == b.name:
                return True
            if name and name not in seen and name in by_name:
                seen.add(name)
                todo.append(by_name[name])
    inside_a, inside_b = getattr(a, "inside", None), getattr(b, "inside", None)
    return inside_a is not None and str(inside_a) == str(inside_b)


def overlapping_bodies(layout: Any) -> list[tuple[Any, Any]]:
    """Pairs of bodies placed by relations whose insides overlap (two blocks put at one spot), unless one is
    stated to be inside the other."""
    from shapely.geometry import Point, Polygon

    def area(shape: Any) -> Any:
        if isinstance(shape.node, k.Box):
            return Polygon(shape.points).buffer(0)
        if isinstance(shape.node, k.Ellipse):
            c, pa, pb = shape.points
            from shapely.affinity import scale as stretch
            return stretch(Point(c).buffer(1.0, 48), math.dist(c, pa), math.dist(c, pb))
        return Point(shape.center).buffer(shape.radius, 48)

    bodies = [s for s in layout.shapes if isinstance(s.node, _BODIES) and s.points
              and (getattr(s.node, "at", None) is None or placing.stated_relations(s.node) != ["at"])]
    geoms = [area(s) for s in bodies]
    out = []
    by_name = {s.node.name: s.node for s in layout.shapes if getattr(s.node, "name", None)}
    for i, a in enumerate(bodies):
        for j in range(i + 1, len(bodies)):
            b = bodies[j]
            if _nested_by_statement(a.node, b.node, by_name) or _nested_by_statement(b.node, a.node, by_name):
                continue
            shared = geoms[i].intersection(geoms[j]).area
            if shared > 0.02 * min(geoms[i].area, geoms[j].area) and shared > 1e-3:
                out.append((a.node, b.node))
    return out
