"""Map offsets inside a string property to source spans."""
from __future__ import annotations

from typing import Any

from scidsl.diagnostics import Span


def _escaped(text: str) -> list[int]:
    """Return, per character, its width in the scene's string literal (escapes take two)."""
    return [2 if ch in '\\"' else 1 for ch in text]


def string_span(node: Any, key: str, value: str, offset: int | None, length: int = 1) -> Span | None:
    """Return the span of ``value[offset:offset+length]`` inside property ``key`` of ``node``.

    The property span ends at the closing quote of the literal; when the literal does not fit the
    value (written over several lines, or as JSON) the whole property span is returned.
    """
    span = node.span_of(key)
    if span is None or offset is None or span.line != span.end_line:
        return span
    widths = _escaped(value)
    start_col = span.end_col - 1 - sum(widths)  # column of the first character inside the quotes
    if start_col <= span.col:
        return span
    offset = max(0, min(offset, len(value)))
    end = max(offset + 1, min(len(value), offset + max(1, length)))
    col = start_col + sum(widths[:offset])
    end_col = start_col + sum(widths[:end]) if value else col + 1
    return Span(span.file, span.line, col, span.line, max(end_col, col + 1))


def list_item_span(node: Any, key: str, values: list[str], index: int, offset: int | None,
                   length: int = 1) -> Span | None:
    """Return the span of a string item of a list property (the property span when unknown)."""
    return node.span_of(key)
