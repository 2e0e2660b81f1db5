"""Where each statement of a JSON scene starts, so that its diagnostics point at its line."""
from __future__ import annotations

import json

from scidsl.diagnostics import Span

_WS = " \t\n\r"


def item_spans(text: str, file: str) -> list[Span]:
    """The span of the opening brace of every element of the scene's items list (empty when not found)."""
    try:
        starts = _item_offsets(text)
    except (ValueError, IndexError):
        return []
    out, line, last, line_start = [], 1, 0, 0
    for offset in starts:
        newlines = text.count("\n", last, offset)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", 0, offset) + 1
        last = offset
        col = offset - line_start + 1
        out.append(Span(file, line, col, line, col + 1))
    return out


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WS:
        i += 1
    return i


def _item_offsets(text: str) -> list[int]:
    decoder = json.JSONDecoder()
    i = _skip(text, 0)
    if text[i] == "{":
        i = _items_value(text, i + 1, decoder)
    if text[i] != "[":
        return []
    offsets, i = [], _skip(text, i + 1)
    while text[i] != "]":
        offsets.append(i)
        _, i = decoder.raw_decode(text, i)
        i = _skip(text, i)
        if text[i] == ",":
            i = _skip(text, i + 1)
    return offsets


def _items_value(text: str, i: int, decoder: json.JSONDecoder) -> int:
    """Offset of the value of the top-level key "items"."""
    while True:
        i = _skip(text, i)
        key, i = decoder.raw_decode(text, i)
        i = _skip(text, i)
        if text[i] != ":":
            raise ValueError("expected ':'")
        i = _skip(text, i + 1)
        if key == "items":
            return i
        _, i = decoder.raw_decode(text, i)
        i = _skip(text, i)
        if text[i] != ",":
            raise ValueError("no items")
        i += 1


class KeyedObject(dict):
    """A JSON object that remembers the keys it was given more than once (the text form refuses them)."""

    duplicates: tuple[str, ...] = ()


def object_pairs(pairs: list[tuple[str, object]]) -> KeyedObject:
    """`json.loads` object hook: keep the last value of a key, as json does, and note the repeated keys."""
    obj = KeyedObject(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        obj.duplicates = tuple(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
    return obj


def duplicate_keys(data: object) -> list[tuple[int | None, str]]:
    """(item index or None for the top level, key) for every key given twice in one object."""
    items = data.get("items") if isinstance(data, dict) else data
    found: list[tuple[int | None, str]] = [(None, k) for k in getattr(data, "duplicates", ())]
    for i, item in enumerate(items if isinstance(items, list) else []):
        stack = [item]
        while stack:
            node = stack.pop()
            found.extend((i, k) for k in getattr(node, "duplicates", ()))
            stack.extend(node.values() if isinstance(node, dict) else node if isinstance(node, list) else ())
    return found
