"""After-render checks of tables: measured on the page, not taken from the layout's intent."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Optional

from scidsl.answers import hides
from scidsl.diagnostics import Diagnostic, error
from scidsl.domains.tables import genetics as gen
from scidsl.domains.tables import kinds as k
from scidsl.domains.tables.grid import Grid
from scidsl.primitives import Text

_TOL_CM = 0.02
_BUG = "this is a bug in the tables domain; please report the scene"


def _page_map(grid: Grid, page: Any) -> Optional[tuple[float, float, float]]:
    """(scale, dx, dy) taking layout cm to page cm, from the grid's corner anchors."""
    a, b = page.anchors.get(f"{grid.owner}.top_left"), page.anchors.get(f"{grid.owner}.bottom_right")
    if a is None or b is None or grid.width <= 0:
        return None
    scale = (b[0] - a[0]) / grid.width
    return scale, a[0] - grid.origin[0] * scale, a[1] - grid.origin[1] * scale


def shown_cells(grid: Grid, page: Any) -> dict[tuple[int, int], Text]:
    """The texts drawn for the grid's cells, by (row, column)."""
    out = {}
    for item in page.items:
        if isinstance(item, Text) and item.owner == grid.owner and item.role.startswith("cell "):
            _, r, c = item.role.split(" ")
            out[(int(r), int(c))] = item
    return out


def verify_grid(grid: Grid, page: Any) -> list[Diagnostic]:
    """Texts inside their cells; totals equal to the sums shown; offspring made of their gametes."""
    mapping = _page_map(grid, page)
    if mapping is None:
        return []
    texts = shown_cells(grid, page)
    out = _inside(grid, texts, mapping)
    if isinstance(grid.node, k.PunnettSquare):
        out += [] if hides(grid.node) else _offspring(grid, texts)
    else:
        out += _totals(grid, texts)
    return out


def _inside(grid: Grid, texts: dict, mapping: tuple[float, float, float]) -> list[Diagnostic]:
    from shapely.geometry import box

    from scidsl.labels import text_box

    scale, dx, dy = mapping
    out = []
    for (r, c), t in texts.items():
        x0, y0, x1, y1 = grid.rect(r, c)
        cell = box(x0 * scale + dx - _TOL_CM, y0 * scale + dy - _TOL_CM, x1 * scale + dx + _TOL_CM, y1 * scale + dy + _TOL_CM)
        if not cell.contains(text_box(t.text, t.size, t.at, t.ha, t.va)):
            out.append(error("E7014", f"{grid.node.kind} {grid.owner}: the text {t.text!r} is drawn outside its cell "
                             f"(row {r + 1}, column {c + 1})", grid.node.span,
                             "give the figure more width (scene width) or shorten the text"))
    return out


def _value(text: str) -> Optional[Decimal]:
    head = text.replace("−", "-").split(" ")[0].rstrip("°")
    try:
        return Decimal(head)
    except ArithmeticError:
        return None
    except ValueError:
        return None


def _totals(grid: Grid, texts: dict) -> list[Diagnostic]:
    n_rows, n_cols = len(grid.cells), len(grid.cells[0])
    data = {pos for pos in texts if grid.cells[pos[0]][pos[1]].role == "data"}
    out = []
    for (r, c), t in texts.items():
        if grid.cells[r][c].role != "total":
            continue
        last_row, last_col = grid.total_row and r == n_rows - 1, grid.total_col and c == n_cols - 1
        if last_row and last_col:
            parts = [p for p in data]
        elif last_row:
            parts = [p for p in data if p[1] == c]
        else:
            parts = [p for p in data if p[0] == r]
        values = [_value(texts[p].text) for p in parts]
        shown = _value(t.text)
        if shown is None or any(v is None for v in values):
            continue
        total = sum(values, Decimal(0))  # type: ignore[arg-type]
        if abs(shown - total) > Decimal("1e-9") * max(Decimal(1), abs(total)):
            out.append(error("E7013", f"table {grid.owner} shows the total {t.text} where its cells add up to {total}",
                             grid.node.span, _BUG))
    return out


def _offspring(grid: Grid, texts: dict) -> list[Diagnostic]:
    out = []
    for (r, c), t in texts.items():
        if r == 0 or c == 0 or (r, 0) not in texts or (0, c) not in texts:
            continue
        dominance = gen.parse_dominance(getattr(grid.node, "dominance", None))
        try:
            want = gen.offspring(texts[(r, 0)].text.strip("$"), texts[(0, c)].text.strip("$"), dominance)
        except gen.GeneticsError:
            continue
        if t.text.strip("$") != want:
            out.append(error("E7025", f"punnett_square {grid.owner} shows {t.text.strip('$')} where gametes "
                             f"{texts[(r, 0)].text.strip('$')} and {texts[(0, c)].text.strip('$')} give {want}",
                             grid.node.span, _BUG))
    return out
