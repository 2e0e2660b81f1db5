"""Keys and given-value boxes: their rows, measured so that relations can place them like bodies."""
from __future__ import annotations

from typing import Any

from scidsl.domains.draw import kinds as k

STYLES = ("solid", "dashed", "dotted", "dashdot")
SWATCH_CM = 0.8
PAD_CM = 0.2
ROW_GAP = 1.35  # row height in text heights


def key_kind(key: str) -> str:
    """'style' (a line style), 'color' (a colour name or #hex) or 'symbol' (text drawn as it is)."""
    from matplotlib.colors import is_color_like

    if key in STYLES:
        return "style"
    if key.startswith("#") or (len(key) >= 3 and "$" not in key and is_color_like(key)):
        return "color"
    return "symbol"


def rows(node: Any, placed: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(kind, key, colour, meaning) rows of a legend, or ('text', '', '', line) rows of a givens box."""
    if isinstance(node, k.Givens):
        return [("text", "", "black", line) for line in node.lines]
    out = []
    for key, meaning in ((e[0], e[1]) for e in node.entries if len(e) >= 2):
        kind = key_kind(key)
        out.append((kind, key, key if kind == "color" else "black", meaning))
    for name in node.items:
        shape = placed.get(name)
        item = getattr(shape, "node", None)
        if item is None:
            continue
        color = getattr(item, "color", "black")
        dash = getattr(item, "dash", "solid")
        out.append(("style", dash, color, getattr(item, "label", None) or name))
    return out


def size(node: Any, table: list[tuple[str, str, str, str]]) -> tuple[float, float]:
    """Width and height of the box in cm."""
    from scidsl.text import measure_text

    line_h = measure_text("Ag", node.size)[1] * ROW_GAP
    widths = [measure_text(meaning, node.size)[0] + _key_width(kind, key, node.size) for kind, key, _, meaning in table]
    if node.title:
        widths.append(measure_text(node.title, node.size + 1)[0])
    rows_count = len(table) + (1 if node.title else 0)
    return max(widths or [1.0]) + 2 * PAD_CM, rows_count * line_h + 2 * PAD_CM


def _key_width(kind: str, key: str, font: float) -> float:
    from scidsl.text import measure_text

    if kind == "text":
        return 0.0
    if kind in ("style", "color"):
        return SWATCH_CM + PAD_CM
    return measure_text(key, font)[0] + PAD_CM


def check(ctx: Any, node: Any) -> None:
    """Rows must be [key, meaning] pairs; a legend needs at least one row."""
    from scidsl.diagnostics import error

    if isinstance(node, k.Legend):
        bad = [e for e in node.entries if len(e) != 2]
        if bad or not (node.entries or node.items):
            ctx.report(error("E4029", "a legend's rows are [key, meaning] pairs, and it needs at least one",
                             node.span_of("entries") or node.span,
                             'e.g. entries: [["red", "incident ray"], ["$A$", "dominant allele"]], or items: [r1, r2]'))
