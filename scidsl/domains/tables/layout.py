"""Tables and Punnett squares turned into grids of cells, sized and stacked on the page."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Optional

from scidsl.answers import display, hides
from scidsl.domains.tables import checks
from scidsl.domains.tables import genetics as gen
from scidsl.domains.tables import kinds as k
from scidsl.domains.tables import phenotypes as phen
from scidsl.domains.tables.crosses import cells
from scidsl.domains.tables.grid import (
    HEADER_FILL,
    TOTAL_FILL,
    Cell,
    Grid,
    cell_text,
    decimals_of,
    exact,
    number_text,
    size_grid,
    uniform,
    wrap,
)
from scidsl.model import Quantity

GAP_CM = 1.2
PHENOTYPE_FILLS = ("#c6dbef", "#fdd9b5", "#c7e9c0", "#e1dcef", "#f9c9c0", "#e0e0e0", "#fbeaa5", "#cfe8e6")


def owner_of(node: Any) -> str:
    """The owner name of a table's primitives."""
    return node.name or f"{node.kind}@{id(node)}"


def table_grid(node: k.Table, size: float) -> Grid:
    """The cells of a table with its headers and computed totals."""
    rows, cols = checks.data_shape(node)
    with_rows, with_cols = checks.want_row_totals(node), checks.want_column_totals(node)
    grid: list[list[Cell]] = []
    body_ha = "right" if node.align == "right" else "center"
    if node.columns is not None or with_rows:  # a total column always has its header
        head = [Cell(node.corner or "", "corner", HEADER_FILL)] if node.rows is not None else []
        head += [Cell(wrap(t, size), "column", HEADER_FILL) for t in (node.columns or [""] * cols)[:cols]]
        if with_rows:
            head.append(Cell(node.total_label, "column", HEADER_FILL))
        grid.append(head)
    marks = {cell for ref in node.highlight for cell in [checks.highlight_cell(node, ref)[0]] if cell}
    for r in range(rows):
        line = [Cell(node.rows[r], "row", HEADER_FILL, "left")] if node.rows is not None else []
        for c in range(cols):
            value = node.cells[r][c]
            line.append(Cell(cell_text(value, node.decimals), "data", node.highlight_color if (r, c) in marks else None,
                             body_ha if not isinstance(value, str) else "center", value))
        if with_rows:
            line.append(_total_cell(node.cells[r][:cols], node.decimals, body_ha))
        grid.append(line)
    if with_cols:
        line = [Cell(node.total_label, "row", HEADER_FILL, "left")] if node.rows is not None else []
        for c in range(cols):
            line.append(_total_cell([node.cells[r][c] for r in range(rows)], node.decimals, body_ha))
        if with_rows:
            line.append(_total_cell([node.cells[r][c] for r in range(rows) for c in range(cols)], node.decimals,
                                    body_ha))
        grid.append(line)
    out = Grid(owner_of(node), grid, caption=node.caption, size=size, total_row=with_cols, total_col=with_rows,
               node=node)
    size_grid(out)
    return out


def _total_cell(values: list[Any], decimals: Optional[int], ha: str) -> Cell:
    total, unit, problem = checks.line_sum(values)
    if total is None or problem:
        return Cell("", "total", TOTAL_FILL, ha)
    places = decimals if decimals is not None else max([decimals_of(exact(v) or Decimal(0)) for v in values] + [0])
    value: Any = float(total) if places else int(total)
    shown = Quantity(float(total), unit) if unit else value
    return Cell(cell_text(shown, places if places else decimals), "total", TOTAL_FILL, ha, shown)


def punnett_grid(node: k.PunnettSquare, size: float) -> Grid:
    """Gametes of the first parent across the top, of the second down the side, offspring in the cells."""
    cross = gen.parse_cross(node.cross_text(), node.dominance)
    if len(cross.genes) > 2:  # an 8 × 8 square only fits a page in a smaller type
        size = max(7.0, size - 2)
    top, side = gen.gametes(cross.first), gen.gametes(cross.second)
    children = cells(cross)
    fills = _phenotype_fills(children, cross.dominance)
    shade = node.shade and not hides(node)  # a fill would tell the phenotype the square asks for
    grid = [[Cell("", "corner", None)] + [Cell(_italic(g), "column", HEADER_FILL, value=g) for g in top]]
    for i, g_row in enumerate(side):
        line = [Cell(_italic(g_row), "row", HEADER_FILL, value=g_row)]
        for j in range(len(top)):
            child = children[i * len(top) + j]
            fill = fills[phen.phenotype(child, cross.dominance)] if shade else None
            shown = display(node, _italic(child)) or ""
            line.append(Cell(shown, "data", fill, value=child))
        grid.append(line)
    names = node.labels or []
    titles = (_parent_title(names[0] if names else None, cross.first),
              _parent_title(names[1] if len(names) > 1 else None, cross.second))
    out = Grid(owner_of(node), grid, caption=node.caption, size=size, titles=titles, node=node)
    size_grid(out)
    uniform(out)
    if shade:
        out.legend = _legend(node, cross, children, fills)
    out.legend += annotation_rows(node, cross, children)
    out.legend_right = bool(out.legend) and out.height > 10.0
    return out


def annotation_rows(node: k.PunnettSquare, cross: gen.Cross, children: list[str]) -> list[tuple[str, str]]:
    """The key and ratio rows the statement's `show` asks for."""
    from scidsl.domains.tables.keys import annotation_rows as rows

    return rows(node, cross, children)


def _italic(genotype: str) -> str:
    return f"${genotype}$"


def _parent_title(name: Optional[str], g: gen.Genotype) -> str:
    return f"{name} {_italic(str(g))}" if name else _italic(str(g))


def _phenotype_fills(children: list[str], dominance: gen.Dominance) -> dict[phen.Phenotype, str]:
    order = [ph for ph, _ in phen.phenotype_ratio(children, dominance)]
    return {ph: PHENOTYPE_FILLS[i % len(PHENOTYPE_FILLS)] for i, ph in enumerate(order)}


def _legend(node: k.PunnettSquare, cross: gen.Cross, children: list[str], fills: dict) -> list[tuple[str, str]]:
    total = len(children)
    names = phen.names_of(node.phenotypes)
    out = []
    for ph, count in phen.phenotype_ratio(children, cross.dominance):
        name = phen.phenotype_name(ph, cross.genes, node.traits, names, cross.dominance)
        out.append((fills[ph], f"{name}: {count}/{total}"))
    return out


def stack(grids: list[Grid]) -> None:
    """Put the grids one below the other, left-aligned, with room for captions, titles and legends."""
    from scidsl.text import measure_text

    y = 0.0
    for grid in grids:
        above = _above(grid, measure_text)
        left = measure_text(grid.titles[1], grid.size)[0] + 0.3 if grid.titles[1] else 0.0
        grid.origin = (left, y - above)
        legend = grid.legend_size()[1] + 0.3 if grid.legend and not grid.legend_right else 0.0
        y = grid.origin[1] - grid.height - legend - GAP_CM


def _above(grid: Grid, measure: Any) -> float:
    h = 0.0
    if grid.titles[0]:
        h += measure(grid.titles[0], grid.size)[1] + 0.25
    if grid.caption:
        h += measure(grid.caption, grid.size + 1)[1] + 0.3
    return h


def extent(grid: Grid) -> tuple[float, float]:
    """Width and height of a grid with its header texts."""
    from scidsl.text import measure_text

    left = grid.origin[0]
    caption = measure_text(grid.caption, grid.size + 1)[0] if grid.caption else 0.0
    legend_w, legend_h = grid.legend_size()
    if grid.legend_right:
        return max(left + grid.width + 0.4 + legend_w, caption), _above(grid, measure_text) + grid.height
    below = legend_h + 0.3 if grid.legend else 0.0
    return max(left + grid.width, caption, left + legend_w), _above(grid, measure_text) + grid.height + below


__all__ = ["number_text", "owner_of", "punnett_grid", "stack", "table_grid"]
