"""Tables as grids of cells: contents with their roles, computed totals, cell sizes in centimetres."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Optional

from scidsl.model import Quantity

MAX_ROWS = 40
MAX_COLUMNS = 15
MAX_CELLS = 400
MAX_EXTENT_CM = 21.0
PAD_X_CM = 0.25
PAD_Y_CM = 0.16
MIN_WIDTH_CM = 1.1
WRAP_CM = 3.4
HEADER_FILL = "#ececec"
TOTAL_FILL = "#f6f6f6"


@dataclass
class Cell:
    """One drawn cell: its text, role (corner, column, row, data, total) and fill."""

    text: str
    role: str
    fill: Optional[str] = None
    ha: str = "center"
    value: Any = None


@dataclass
class Grid:
    """A laid-out table: cells by [row][column], sizes in cm, top-left corner at `origin`."""

    owner: str
    cells: list[list[Cell]]
    widths: list[float] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    origin: tuple[float, float] = (0.0, 0.0)
    caption: Optional[str] = None
    size: float = 11.0
    legend: list[tuple[str, str]] = field(default_factory=list)  # (fill, text)
    legend_right: bool = False  # beside the grid (tall grids), else below it
    titles: tuple[Optional[str], Optional[str]] = (None, None)  # above the columns, left of the rows
    total_row: bool = False
    total_col: bool = False
    node: Any = None

    @property
    def width(self) -> float:
        """Width of the grid of cells."""
        return sum(self.widths)

    @property
    def height(self) -> float:
        """Height of the grid of cells."""
        return sum(self.heights)

    def legend_size(self) -> tuple[float, float]:
        """Width and height of the legend block."""
        from scidsl.text import measure_text

        if not self.legend:
            return 0.0, 0.0
        line = measure_text("Hg", self.size)[1]
        width = line * 0.8 + 0.2 + max(measure_text(t, self.size)[0] for _, t in self.legend)
        return width, len(self.legend) * (line + 0.25) - 0.25

    def rect(self, r: int, c: int) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) of a cell, y up."""
        x0 = self.origin[0] + sum(self.widths[:c])
        y1 = self.origin[1] - sum(self.heights[:r])
        return x0, y1 - self.heights[r], x0 + self.widths[c], y1


def number_text(value: float, decimals: Optional[int] = None) -> str:
    """A number as a textbook prints it: a real minus sign, fixed decimals when asked."""
    text = f"{value:.{decimals}f}" if decimals is not None else _plain(value)
    return text.replace("-", "−")


def _plain(value: float) -> str:
    if isinstance(value, int) or float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.10g}"


def cell_text(value: Any, decimals: Optional[int] = None) -> str:
    """The text shown for a cell value."""
    if isinstance(value, Quantity):
        return number_text(value.value, decimals) + _unit_suffix(value)
    if isinstance(value, (int, float)):
        return number_text(value, decimals)
    return str(value)


def _unit_suffix(q: Quantity) -> str:
    from scidsl.units import pretty_unit

    unit = pretty_unit(q.unit)
    return unit if unit == "°" else (" " + unit if unit else "")


def exact(value: Any) -> Optional[Decimal]:
    """The exact decimal a number was written as (sums without floating-point noise)."""
    number = value.value if isinstance(value, Quantity) else value
    if isinstance(number, bool) or not isinstance(number, (int, float)):
        return None
    try:
        return Decimal(repr(number)) if isinstance(number, float) else Decimal(number)
    except InvalidOperation:
        return None


def decimals_of(d: Decimal) -> int:
    """Digits after the decimal point of an exact decimal."""
    exp = d.as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def wrap(text: str, size: float) -> str:
    """A long header broken into balanced lines (math is never broken)."""
    from scidsl.text import is_math, measure_text

    if is_math(text) or " " not in text or measure_text(text, size)[0] <= WRAP_CM:
        return text
    words = text.split(" ")
    best, best_width = text, measure_text(text, size)[0]
    for lines in (2, 3):
        candidate = _balanced(words, lines)
        width = max(measure_text(line, size)[0] for line in candidate.split("\n"))
        if width < best_width - 1e-9:
            best, best_width = candidate, width
        if best_width <= WRAP_CM:
            break
    return best


def _balanced(words: list[str], lines: int) -> str:
    total = sum(len(w) for w in words) + len(words) - 1
    target = total / lines
    out, current = [], ""
    for w in words:
        if current and len(current) + 1 + len(w) > target * 1.15 and len(out) < lines - 1:
            out.append(current)
            current = w
        else:
            current = f"{current} {w}" if current else w
    out.append(current)
    return "\n".join(out)


def size_grid(grid: Grid) -> None:
    """Column widths and row heights from the measured texts."""
    from scidsl.text import measure_text

    n_rows, n_cols = len(grid.cells), len(grid.cells[0])
    widths, heights = [MIN_WIDTH_CM] * n_cols, [0.0] * n_rows
    one_line = measure_text("Hg", grid.size)[1]
    for r in range(n_rows):
        for c in range(n_cols):
            cell = grid.cells[r][c]
            w, h, _ = measure_text(cell.text, grid.size) if cell.text else (0.0, one_line, 0.0)
            widths[c] = max(widths[c], w + 2 * PAD_X_CM)
            heights[r] = max(heights[r], max(h, one_line) + 2 * PAD_Y_CM)
    grid.widths, grid.heights = widths, heights


def uniform(grid: Grid) -> None:
    """Make every cell of a Punnett square the same square size."""
    side = max(max(grid.widths), max(grid.heights))
    grid.widths = [side] * len(grid.widths)
    grid.heights = [side] * len(grid.heights)
