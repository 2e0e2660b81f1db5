"""Static checks of tables: shape, sizes, totals given or asked for, highlighted cells, math in cells."""
from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any, Optional

from scidsl.diagnostics import did_you_mean, error
from scidsl.domains.tables import kinds as k
from scidsl.domains.tables.grid import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, exact
from scidsl.model import Quantity


def check_table(ctx: Any, node: k.Table) -> None:
    """Report every problem of one table; totals are checked only when its shape is sound."""
    if not _shape_ok(ctx, node):
        return
    _check_math(ctx, node)
    _check_highlight(ctx, node)
    data_rows, data_cols = data_shape(node)
    if want_row_totals(node):
        _check_lines(ctx, node, "row", [node.cells[r][:data_cols] for r in range(data_rows)], given_row_totals(node))
    if want_column_totals(node):
        columns = [[node.cells[r][c] for r in range(data_rows)] for c in range(data_cols)]
        _check_lines(ctx, node, "column", columns, given_column_totals(node))
    if given_grand_total(node) is not None:
        _check_grand(ctx, node, data_rows, data_cols)


def _shape_ok(ctx: Any, node: k.Table) -> bool:
    cells = node.cells
    if not cells or all(not row for row in cells):
        ctx.report(error("E7001", f"table {node.name} has no cells", node.span_of("cells"),
                         "give one list per row: cells: [[1, 2], [3, 4]]"))
        return False
    n_cols = max(len(row) for row in cells)
    if len(cells) > MAX_ROWS or n_cols > MAX_COLUMNS or sum(len(r) for r in cells) > MAX_CELLS:
        ctx.report(error("E7004", f"table {node.name} has {len(cells)} rows and {n_cols} columns; the limits are "
                         f"{MAX_ROWS} rows, {MAX_COLUMNS} columns and {MAX_CELLS} cells", node.span_of("cells"),
                         "split it into several tables"))
        return False
    ok = _check_ragged(ctx, node)
    if node.rows is not None and len(node.rows) != len(cells):
        ctx.report(error("E7003", f"table {node.name} has {_count(len(node.rows), 'row header')} but "
                         f"{_count(len(cells), 'row')} of cells", node.span_of("rows"), "give one header per row of cells"))
        ok = False
    return ok


def _check_ragged(ctx: Any, node: k.Table) -> bool:
    lengths = [len(row) for row in node.cells]
    if node.columns is not None and len(node.columns) not in lengths:
        ctx.report(error("E7003", f"table {node.name} has {_count(len(node.columns), 'column header')} but its rows have "
                         f"{Counter(lengths).most_common(1)[0][0]} cells", node.span_of("columns"),
                         "give one header per column of cells"))
        return False
    width = len(node.columns) if node.columns is not None else Counter(lengths).most_common(1)[0][0]
    ok = True
    for r, n in enumerate(lengths):
        if n != width:
            ctx.report(error("E7002", f"{row_name(node, r)} of table {node.name} has {n} cells; the table has "
                             f"{width} columns", node.span_of("cells"),
                             "every row needs one cell per column; write \"\" for an empty cell"))
            ok = False
    return ok


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def row_name(node: k.Table, r: int) -> str:
    """'row 2 (Stretches)' for diagnostics."""
    header = node.rows[r] if node.rows is not None and r < len(node.rows) else None
    return f"row {r + 1}" + (f" ({header})" if header else "")


def column_name(node: k.Table, c: int) -> str:
    """'column 1 (Injury)' for diagnostics."""
    header = node.columns[c] if node.columns is not None and c < len(node.columns) else None
    return f"column {c + 1}" + (f" ({header})" if header else "")


def _is_total(text: Optional[str], node: k.Table) -> bool:
    return text is not None and text.strip().lower() in ("total", "totals", "sum", node.total_label.strip().lower())


def inline_total_row(node: k.Table) -> bool:
    """True when the last row of cells is written in as the totals (its header is 'Total')."""
    return node.rows is not None and len(node.rows) > 1 and _is_total(node.rows[-1], node)


def inline_total_column(node: k.Table) -> bool:
    """True when the last column of cells is written in as the totals (its header is 'Total')."""
    return node.columns is not None and len(node.columns) > 1 and _is_total(node.columns[-1], node)


def data_shape(node: k.Table) -> tuple[int, int]:
    """Rows and columns of data cells, without totals written into the cells."""
    return (len(node.cells) - int(inline_total_row(node)),
            len(node.cells[0]) - int(inline_total_column(node)))


def want_row_totals(node: k.Table) -> bool:
    """A total of each row is shown (computed or given)."""
    return node.totals in (True, "rows", "both") or node.row_totals is not None or inline_total_column(node)


def want_column_totals(node: k.Table) -> bool:
    """A total of each column is shown (computed or given)."""
    return node.totals in (True, "columns", "both") or node.column_totals is not None or inline_total_row(node)


def given_row_totals(node: k.Table) -> Optional[list[Any]]:
    """Row totals the scene states: the row_totals list, or a last column headed 'Total'."""
    if node.row_totals is not None:
        return list(node.row_totals)
    if inline_total_column(node):
        return [row[-1] for row in node.cells[:data_shape(node)[0]]]
    return None


def given_column_totals(node: k.Table) -> Optional[list[Any]]:
    """Column totals the scene states: the column_totals list, or a last row headed 'Total'."""
    if node.column_totals is not None:
        return list(node.column_totals)
    if inline_total_row(node):
        return list(node.cells[-1][:data_shape(node)[1]])
    return None


def given_grand_total(node: k.Table) -> Any:
    """The grand total the scene states, if any (grand_total, or the corner of written-in totals)."""
    if node.grand_total is not None:
        return node.grand_total
    if inline_total_row(node) and inline_total_column(node):
        return node.cells[-1][-1]
    return None


def line_sum(values: list[Any]) -> tuple[Optional[Decimal], str, Optional[str]]:
    """(exact sum, unit, problem) of one row or column."""
    units = {v.unit for v in values if isinstance(v, Quantity)}
    texts = [v for v in values if exact(v) is None and v != ""]
    if texts:
        return None, "", f"holds the text {texts[0]!r}"
    if len(units) > 1 or (units and any(not isinstance(v, Quantity) for v in values if v != "")):
        return None, "", "mixes units (" + ", ".join(sorted(units | {"none"} if len(units) == 1 else units)) + ")"
    total = sum((exact(v) or Decimal(0) for v in values if v != ""), Decimal(0))
    return total, units.pop() if units else "", None


def _check_lines(ctx: Any, node: k.Table, what: str, lines: list[list[Any]], given: Optional[list[Any]]) -> None:
    code, key = ("E7005", "row_totals") if what == "row" else ("E7006", "column_totals")
    name = row_name if what == "row" else column_name
    if given is not None and len(given) != len(lines):
        ctx.report(error("E7009", f"table {node.name} has {len(lines)} {what}s but {len(given)} {what} totals",
                         node.span_of(key), f"give one total per {what}"))
        return
    for i, values in enumerate(lines):
        total, _, problem = line_sum(values)
        if problem:
            ctx.report(error("E7008", f"{name(node, i)} of table {node.name} cannot be totalled: it {problem}",
                             node.span_of("totals" if given is None else key),
                             "totals add numbers; leave totals out for rows or columns of text"))
            continue
        stated = given[i] if given is not None else None
        if stated is not None and total is not None and not same_number(stated, total):
            ctx.report(error(code, f"the total of {name(node, i)} of table {node.name} is given as {_shown(stated)}, but "
                             f"its cells add up to {_fmt(total)}", node.span_of(key if key in node.spans else "cells"),
                             f"write {_fmt(total)}, or correct a cell of that {what}"))


def same_number(stated: Any, total: Decimal) -> bool:
    """A stated total equals an exact sum (to a relative 1e-9)."""
    value = stated.value if isinstance(stated, Quantity) else stated
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return abs(float(value) - float(total)) <= 1e-9 * max(1.0, abs(float(total)))


def _shown(value: Any) -> str:
    from scidsl.domains.tables.grid import cell_text

    return cell_text(value).replace("−", "-") if not isinstance(value, str) else repr(value)


def _fmt(d: Decimal) -> str:
    text = format(d.normalize(), "f") if d != 0 else "0"
    return text


def _check_grand(ctx: Any, node: k.Table, rows: int, cols: int) -> None:
    total, _, problem = line_sum([node.cells[r][c] for r in range(rows) for c in range(cols)])
    stated = given_grand_total(node)
    if problem is None and total is not None and not same_number(stated, total):
        ctx.report(error("E7007", f"the grand total of table {node.name} is given as {_shown(stated)}, but its "
                         f"cells add up to {_fmt(total)}", node.span_of("grand_total"), f"write {_fmt(total)}"))


def _check_math(ctx: Any, node: k.Table) -> None:
    from scidsl.text import mathtext_error

    for r, row in enumerate(node.cells):
        for c, value in enumerate(row):
            problem = mathtext_error(value) if isinstance(value, str) else None
            if problem:
                ctx.report(error("E7011", f"cell ({r + 1}, {c + 1}) of table {node.name}: {problem[1]}",
                                 node.span_of("cells"), "math goes between $...$, e.g. \"$x^2$\""))


def highlight_cell(node: k.Table, ref: list[Any]) -> tuple[Optional[tuple[int, int]], str]:
    """(row, column) 0-based of a highlighted cell, or None and the reason."""
    if len(ref) != 2:
        return None, f"{ref} is not [row, column]"
    rows, cols = len(node.cells), len(node.cells[0])
    r = _index(ref[0], node.rows, rows)
    c = _index(ref[1], node.columns, cols)
    if r is None:
        return None, f"row {ref[0]!r} is not a row of the table" + _choices(ref[0], node.rows)
    if c is None:
        return None, f"column {ref[1]!r} is not a column of the table" + _choices(ref[1], node.columns)
    return (r, c), ""


def _index(key: Any, headers: Optional[list[str]], n: int) -> Optional[int]:
    if isinstance(key, int):
        return key - 1 if 1 <= key <= n else None
    if headers is not None and key in headers:
        return headers.index(key)
    return None


def _choices(key: Any, headers: Optional[list[str]]) -> str:
    if isinstance(key, str) and headers:
        hint = did_you_mean(key, headers)
        return f" ({hint})" if hint else ""
    return ""


def _check_highlight(ctx: Any, node: k.Table) -> None:
    for ref in node.highlight:
        cell, why = highlight_cell(node, ref)
        if cell is None:
            ctx.report(error("E7010", f"table {node.name}: highlighted cell {why}", node.span_of("highlight"),
                             "name a cell by [row, column] numbers from 1, or by its row and column headers"))
