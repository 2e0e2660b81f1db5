"""Diagnostics: stable codes, spans, one formatter for people and one for machines."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Span:
    """A source range; lines and columns start at 1, end_col is exclusive."""

    file: str
    line: int
    col: int
    end_line: int
    end_col: int

    def to_dict(self) -> dict:
        """Return the span as plain data."""
        return {"file": self.file, "line": self.line, "col": self.col,
                "end_line": self.end_line, "end_col": self.end_col}


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a scene."""

    code: str
    message: str
    span: Span | None
    hint: str | None = None
    severity: Severity = "error"
    related: tuple[tuple[Span, str], ...] = field(default=())

    @property
    def is_error(self) -> bool:
        """True for errors, False for warnings."""
        return self.severity == "error"

    def to_dict(self) -> dict:
        """Return the diagnostic as plain data (the `--format json` shape)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "span": self.span.to_dict() if self.span else None,
            "related": [{"span": s.to_dict(), "note": n} for s, n in self.related],
        }


# Core codes. Domains keep theirs in scidsl/domains/<domain>/codes.py; see all_codes().
CODES: dict[str, str] = {
    "E0001": "the text is not valid scene syntax",
    "E0002": "the file could not be read or decoded",
    "E0003": "a string literal is not closed",
    "E0004": "a JSON scene is malformed",
    "E0101": "unknown statement kind",
    "E0102": "a name is declared twice",
    "E0103": "a reference names nothing declared",
    "E0104": "a statement of this kind needs a name",
    "E0105": "a member reference names no member of the object",
    "E0106": "a given fact names no known measure or relation",
    "E0201": "unknown property for this kind",
    "E0202": "a property's value has the wrong type",
    "E0203": "a required property is missing",
    "E0204": "a property is given twice",
    "E0205": "a value is out of its allowed range",
    "E0206": "a math label is not valid mathtext",
    "E0207": "an expression uses an unknown function or is malformed",
    "E0301": "unknown unit",
    "E0302": "a quantity has the wrong dimension for its property",
    "E0901": "the source is larger than the limit",
    "E0902": "brackets or expressions nest deeper than the limit",
    "E0903": "too many statements",
    "E0904": "a number is too long, not finite or out of range",
    "E0905": "an expression is too large",
    "E0906": "a label is too long or nests too deeply",
    "E0907": "the figure size, dpi or pixel count is over the limit",
    "E0908": "a domain limit is exceeded (atoms, parts, points, ticks)",
    "E0909": "compiling the scene exceeded its time or memory budget",
    "E0910": "a string or the source is not valid Unicode text (a lone surrogate)",
    "E0911": "a name is not an identifier (letters, digits, _ and ')",
    "E0912": "a name is longer than the limit",
    "E0913": "a name mixes Latin and Greek letters or uses a Greek letter that looks like a Latin one",
    "E0914": "a number written as text uses characters other than ASCII digits, sign, point and exponent",
    "E0915": "the scene's math labels together are longer than the limit",
    "E0916": "the figure would draw more vertices than the limit",
    "E0940": "the scene has more words, numbers and signs than the limit",
    "E0941": "the scene's labels together are longer than the limit",
    "E0970": "only a given of the form `expr = number` may declare a range (vary)",
    "E0971": "a range to vary is empty or reversed",
    "E0972": "vary names a statement or property that holds no number",
    "E0999": "internal error while compiling the scene (a bug in scidsl)",
    "E5001": "a label is drawn outside the canvas",
    "E5002": "two labels overlap in the drawn figure",
    "E5003": "a label overlaps a line it does not annotate",
    "E5005": "no free place was found for a label",
    "E5010": "a character of a text is in no available font (it would be drawn as a box)",
    "E5011": "a text runs outside the shape or cell that holds it",
    "E5012": "two distinct lines are drawn almost on top of each other",
    "E5013": "a label is nearer another object than the one it names",
    "E5014": "a mark (angle, right angle, tick, arrow head) stands on no drawn line",
    "E5015": "a curve misses or overshoots the points it was stated to pass through",
    "E5016": "a label states the same value twice",
    "E5017": "a line runs through the body of a symbol",
    "E5018": "a terminal of a symbol meets no wire",
}


def all_codes() -> dict[str, str]:
    """Every registered code: the core's and each domain's."""
    from scidsl.registry import domain_codes

    codes = dict(CODES)
    codes.update(domain_codes())
    return codes


_MAX_MESSAGE = 1000  # characters: a message repeats at most this much of the scene


def error(code: str, message: str, span: Span | None, hint: str | None = None,
          related: tuple[tuple[Span, str], ...] = ()) -> Diagnostic:
    """Make an error diagnostic."""
    return Diagnostic(code, _clip(message, _MAX_MESSAGE), span, _clip(hint, _MAX_MESSAGE) if hint else hint,
                      "error", related)


def warning(code: str, message: str, span: Span | None, hint: str | None = None,
            related: tuple[tuple[Span, str], ...] = ()) -> Diagnostic:
    """Make a warning diagnostic."""
    return Diagnostic(code, _clip(message, _MAX_MESSAGE), span, _clip(hint, _MAX_MESSAGE) if hint else hint,
                      "warning", related)


_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def has_control(text: str) -> bool:
    """True when the text holds a control character (C0, DEL, C1) or a bidi control."""
    return any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in _BIDI for c in text)


def escape_text(text: str) -> str:
    """Text safe to echo on a terminal: control and bidi characters written as escapes."""
    if text.isprintable() and not _BIDI.intersection(text):
        return text
    return "".join(_escape_char(c) for c in text)


def _escape_char(c: str) -> str:
    if c in _BIDI or (not c.isprintable() and c != " "):
        code = ord(c)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    return c


def _clip(text: str, limit: int = 500) -> str:
    return text if len(text) <= limit else text[:limit] + f"…({len(text)} characters)"


def _location(span: Span | None, default_file: str) -> str:
    if span is None:
        return escape_text(_clip(default_file, 200))
    return f"{escape_text(_clip(span.file, 200))}:{span.line}:{span.col}"


_WINDOW = 100  # characters of a long source line shown around the caret


def _caret_lines(span: Span, lines: list[str]) -> list[str]:
    if not 1 <= span.line <= len(lines):
        return []
    text = lines[span.line - 1].rstrip("\n")
    width = (span.end_col - span.col) if span.end_line == span.line else len(text) - span.col + 1
    col = max(span.col - 1, 0)
    start, end = 0, len(text)
    if len(text) > _WINDOW or len(escape_text(text)) > _WINDOW:
        # a window of the line around the caret, measured as shown: an escaped character takes up to ten
        start, room = col, _WINDOW // 3
        while start > 0 and (shown_width := len(_escape_char(text[start - 1]))) <= room:
            start, room = start - 1, room - shown_width
        end, room = start, _WINDOW
        while end < len(text) and (shown_width := len(_escape_char(text[end]))) <= room:
            end, room = end + 1, room - shown_width
        end = max(end, min(col + 1, len(text)))
    head = ("…" if start > 0 else "") + escape_text(text[start:col])
    marked = escape_text(text[col:min(col + max(width, 1), end)])
    shown = head + marked + escape_text(text[col + len(text[col:min(col + max(width, 1), end)]):end])
    gutter = f"{span.line:>4} | "
    return [gutter + shown + ("…" if end < len(text) else ""),
            " " * len(gutter) + " " * len(head) + "^" * max(1, len(marked))]


def format_human(diags: list[Diagnostic], source: str | None, default_file: str = "<scene>",
                 limit: int | None = None) -> str:
    """Render diagnostics as `file:line:col: code: message`, the source line, a caret and hints (the first
    `limit` of them, then a count of the rest)."""
    lines = source.split("\n") if source is not None else []
    out: list[str] = []
    for d in diags[:limit]:
        out.append(f"{_location(d.span, default_file)}: {d.severity} {d.code}: {escape_text(_clip(d.message))}")
        if d.span is not None:
            out.extend(_caret_lines(d.span, lines))
        for rspan, note in d.related:
            out.append(f"  {_location(rspan, default_file)}: note: {escape_text(_clip(note))}")
        if d.hint:
            out.append(f"  hint: {escape_text(_clip(d.hint))}")
    if limit is not None and len(diags) > limit:
        out.append(f"... and {len(diags) - limit} more (--format json lists them all)")
    return "\n".join(out)


def format_json(diags: list[Diagnostic]) -> str:
    """Render diagnostics as a JSON array for machines (bidi controls escaped like control characters)."""
    return json_text([d.to_dict() for d in diags])


def json_text(data: object, indent: int | None = 2) -> str:
    """JSON with non-ASCII text kept readable, but no raw bidi or line-separator characters."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    for c in _BIDI | {"\u2028", "\u2029", "\x7f", "\x85"}:
        text = text.replace(c, f"\\u{ord(c):04x}")
    return text


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """Suggest the closest known word, or None."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in choices}
        close = [lowered[word.lower()]] if word.lower() in lowered else []
    return f"did you mean '{close[0]}'?" if close else None


class ScidslError(Exception):
    """Raised by the public API when a scene has errors; carries the diagnostics and the source."""

    def __init__(self, diagnostics: list[Diagnostic], source: str | None = None) -> None:
        self.diagnostics = diagnostics
        self.source = source
        super().__init__(format_human(diagnostics, source))
