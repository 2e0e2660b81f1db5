"""Renderer of tables and Punnett squares: cell fills, rules, texts, captions and legends."""
from __future__ import annotations

from scidsl.domains.tables.grid import PAD_X_CM, Grid
from scidsl.primitives import Drawing, Line, Stroke, Text

OUTER = Stroke(color="#222222", width=1.0, zorder=3)
INNER = Stroke(color="#555555", width=0.5, zorder=3)


def render_grids(grids: list[Grid]) -> Drawing:
    """Draw every grid."""
    out = Drawing()
    for grid in grids:
        _fills(grid, out)
        _rules(grid, out)
        _texts(grid, out)
        _extras(grid, out)
        x0, y0 = grid.origin
        out.anchors.update({f"{grid.owner}.top_left": (x0, y0),
                            f"{grid.owner}.bottom_right": (x0 + grid.width, y0 - grid.height),
                            f"{grid.owner}.center": (x0 + grid.width / 2, y0 - grid.height / 2),
                            f"{grid.owner}.bottom": (x0 + grid.width / 2, y0 - grid.height),
                            f"{grid.owner}.top": (x0 + grid.width / 2, y0)})
    return out


def _box(x0: float, y0: float, x1: float, y1: float) -> tuple:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def _fills(grid: Grid, out: Drawing) -> None:
    for r, row in enumerate(grid.cells):
        for c, cell in enumerate(row):
            if cell.fill and not (cell.role == "corner" and not cell.text):
                fill = Stroke(fill=cell.fill, visible=False, zorder=1)
                out.items.append(Line(_box(*grid.rect(r, c)), True, fill, owner=grid.owner, role="cell_fill"))


def _rules(grid: Grid, out: Drawing) -> None:
    x0, y1 = grid.origin
    x1, y0 = x0 + grid.width, y1 - grid.height
    blank_corner = grid.cells[0][0].role == "corner" and not grid.cells[0][0].text
    ys = [y1 - sum(grid.heights[:r]) for r in range(len(grid.heights) + 1)]
    xs = [x0 + sum(grid.widths[:c]) for c in range(len(grid.widths) + 1)]
    for i, y in enumerate(ys):
        start = xs[1] if blank_corner and i == 0 else x0
        out.items.append(Line(((start, y), (x1, y)), stroke=OUTER if i in (0, len(ys) - 1) else INNER,
                              owner=grid.owner, role="rule"))
    for j, x in enumerate(xs):
        top = ys[1] if blank_corner and j == 0 else y1
        out.items.append(Line(((x, top), (x, y0)), stroke=OUTER if j in (0, len(xs) - 1) else INNER,
                              owner=grid.owner, role="rule"))
    if blank_corner:  # the frame goes round the corner cell left empty
        out.items.append(Line(((xs[1], y1), (xs[1], ys[1]), (x0, ys[1])), stroke=OUTER, owner=grid.owner, role="rule"))
    if grid.cells[0][0].role in ("corner", "column"):
        out.items.append(Line(((x0 if not blank_corner else xs[1], ys[1]), (x1, ys[1])), stroke=OUTER,
                              owner=grid.owner, role="rule"))
    if grid.cells[-1][0].role == "row" or grid.cells[0][0].role == "corner":
        out.items.append(Line(((xs[1], y1 if not blank_corner else ys[1]), (xs[1], y0)), stroke=OUTER,
                              owner=grid.owner, role="rule"))


def text_position(grid: Grid, r: int, c: int) -> tuple[float, float]:
    """Where a cell's text is anchored (its horizontal alignment decides the x)."""
    x0, y0, x1, y1 = grid.rect(r, c)
    ha = grid.cells[r][c].ha
    x = {"left": x0 + PAD_X_CM, "right": x1 - PAD_X_CM}.get(ha, (x0 + x1) / 2)
    return x, (y0 + y1) / 2


def _texts(grid: Grid, out: Drawing) -> None:
    for r, row in enumerate(grid.cells):
        for c, cell in enumerate(row):
            if cell.text:
                out.items.append(Text(text_position(grid, r, c), cell.text, grid.size, cell.ha, "center",  # type: ignore[arg-type]
                                      owner=grid.owner, role=f"cell {r} {c}", within=grid.rect(r, c)))


def _extras(grid: Grid, out: Drawing) -> None:
    from scidsl.text import measure_text

    x0, y1 = grid.origin
    line_h = measure_text("Hg", grid.size)[1]
    top = y1
    if grid.titles[0]:
        header_x = x0 + sum(grid.widths[1:]) / 2 + grid.widths[0]
        out.items.append(Text((header_x, top + 0.2), grid.titles[0], grid.size, "center", "bottom",
                              owner=grid.owner, role="title"))
        top += line_h + 0.25
    if grid.titles[1]:
        side_y = y1 - grid.heights[0] - sum(grid.heights[1:]) / 2
        out.items.append(Text((x0 - 0.2, side_y), grid.titles[1], grid.size, "right", "center",
                              owner=grid.owner, role="title"))
    if grid.caption:
        out.items.append(Text((min(x0, 0.0), top + 0.25), grid.caption, grid.size + 1, "left", "bottom",
                              owner=grid.owner, role="caption"))
    y = y1 - grid.height - 0.3 - line_h / 2
    if grid.legend_right:
        x0, y = x0 + grid.width + 0.4, y1 - grid.heights[0] - line_h / 2
    for fill, text in grid.legend:
        s = line_h * 0.8
        if fill:  # a key or ratio row has no swatch; its text stays in line with the others
            out.items.append(Line(_box(x0, y - s / 2, x0 + s, y + s / 2), True,
                                  Stroke(color="#555555", width=0.5, fill=fill), owner=grid.owner, role="legend_swatch"))
        out.items.append(Text((x0 + s + 0.2, y), text, grid.size, "left", "center", owner=grid.owner, role="legend"))
        y -= line_h + 0.25
