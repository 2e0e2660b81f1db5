"""Facts a table or Punnett square shows: every cell with its headers, totals, gametes and ratios."""
from __future__ import annotations

from typing import Any

from scidsl.answers import mark_hidden
from scidsl.domains.tables import genetics as gen
from scidsl.domains.tables import kinds as k
from scidsl.domains.tables.grid import Grid


def _plain(text: str) -> str:
    return text.replace("$", "").replace("\n", " ")


def grid_facts(grid: Grid) -> list:
    """The facts of one grid."""
    if isinstance(grid.node, k.PunnettSquare):
        return _cross_facts(grid)
    return _table_facts(grid)


def _headers(grid: Grid) -> tuple[list[str], list[str]]:
    """Row and column names of every grid position ('row 1' when there is no header)."""
    col_head = grid.cells[0][0].role in ("corner", "column")
    row_head = grid.cells[-1][0].role == "row"
    rows = [(_plain(row[0].text) if row_head else "") or f"row {r + 1 - int(col_head)}"
            for r, row in enumerate(grid.cells)]
    cols = [(_plain(cell.text) if col_head else "") or f"column {c + 1 - int(row_head)}"
            for c, cell in enumerate(grid.cells[0])]
    return rows, cols


def _table_facts(grid: Grid) -> list:
    from scidsl.pipeline import Fact

    name = grid.owner
    rows, cols = _headers(grid)
    out = []
    if grid.caption:
        out.append(Fact("caption", (name,), grid.caption, f"table {name} is titled {grid.caption!r}"))
    for r, row in enumerate(grid.cells):
        for c, cell in enumerate(row):
            if cell.role not in ("data", "total") or not cell.text:
                continue
            shown = _plain(cell.text)
            if cell.role == "total":
                what = _total_kind(grid, r, c)
                subject = {"row_total": rows[r], "column_total": cols[c], "grand_total": ""}[what]
                out.append(Fact(what, (name, subject) if subject else (name,), shown,
                                f"{what.replace('_', ' ')} {('of ' + subject) if subject else ''} = {shown}".replace("  ", " ")))
            else:
                out.append(Fact("cell", (name, rows[r], cols[c]), shown, f"{rows[r]} / {cols[c]}: {shown}"))
    return out


def _total_kind(grid: Grid, r: int, c: int) -> str:
    last_row, last_col = r == len(grid.cells) - 1 and grid.total_row, c == len(grid.cells[0]) - 1 and grid.total_col
    if last_row and last_col:
        return "grand_total"
    return "column_total" if last_row else "row_total"


def _cross_facts(grid: Grid) -> list:
    from scidsl.pipeline import Fact

    node: Any = grid.node
    cross = gen.parse_cross(node.cross_text(), node.dominance)
    name = grid.owner
    cells = [cell.value for row in grid.cells[1:] for cell in row[1:]]
    out = [Fact("cross", (name,), f"{cross.first} x {cross.second}", f"cross {cross.first} × {cross.second}")]
    for parent, g in (("first", cross.first), ("second", cross.second)):
        gs = gen.gametes(g)
        out.append(Fact("gametes", (name, parent, str(g)), gs, f"gametes of the {parent} parent {g}: {', '.join(gs)}"))
    from scidsl.domains.tables.keys import key_facts

    return out + key_facts(node, name) + mark_hidden(_offspring_facts(grid, cells), node)


def _offspring_facts(grid: Grid, cells: list[str]) -> list:
    from scidsl.domains.tables import phenotypes as phen
    from scidsl.pipeline import Fact

    node: Any = grid.node
    cross = gen.parse_cross(node.cross_text(), node.dominance)
    name = grid.owner
    out = []
    for row in grid.cells[1:]:
        for c, cell in enumerate(row[1:]):
            out.append(Fact("offspring", (name, row[0].value, grid.cells[0][c + 1].value), cell.value,
                            f"{row[0].value} × {grid.cells[0][c + 1].value} → {cell.value}"))
    genos = gen.genotype_ratio(cells, cross.dominance)
    text = " : ".join(f"{n} {g}" for g, n in genos)
    out.append(Fact("genotype_ratio", (name,), {g: n for g, n in genos}, f"genotype ratio {text}"))
    phenos = phen.phenotype_ratio(cells, cross.dominance)
    lookup = phen.names_of(node.phenotypes)
    names = [_plain(phen.phenotype_name(ph, cross.genes, node.traits, lookup, cross.dominance)) for ph, _ in phenos]
    ratio = gen.ratio_text([n for _, n in phenos])
    out.append(Fact("phenotype_ratio", (name,), {nm: n for nm, (_, n) in zip(names, phenos)},
                    "phenotype ratio " + " : ".join(f"{r} {nm}" for r, nm in zip(ratio.split(" : "), names))))
    return out
