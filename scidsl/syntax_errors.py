"""Syntax errors in the scene language's own words."""
from __future__ import annotations

from scidsl.diagnostics import Diagnostic, Span, error

_TOKEN_WORDS = {
    "NAME": "a name", "NUMBER": "a number", "STRING": "a string", "UNIT": "a unit",
    "REL": "a relation word (of, on, at, from, to, through, with, between, above, below, against, inside, hangs from, left of, right of)", "CMP": "'=', '<' or '>'",
    "LBRACE": "'{'", "RBRACE": "'}'", "LSQB": "'['", "RSQB": "']'", "LPAR": "'('", "RPAR": "')'",
    "COMMA": "','", "COLON": "':'", "SEMICOLON": "';'", "_NL": "a new line", "$END": "the end of the file",
    "PLUS": "'+'", "MINUS": "'-'", "STAR": "'*'", "SLASH": "'/'", "POW": "'^'", "DOT": "'.'",
    "GIVEN": "'given'", "TRUE": "'true'", "FALSE": "'false'",
}


def _word(tok_type: str) -> str:
    return _TOKEN_WORDS.get(tok_type, repr(tok_type.lower()))


def _expected(exc, limit: int | None = 6) -> str:  # type: ignore[no-untyped-def]
    names = sorted({_word(t) for t in (getattr(exc, "expected", None) or getattr(exc, "allowed", None) or [])
                    if not t.startswith("__")})
    if not names:
        return ""
    if limit is not None and len(names) > limit:
        names = names[:limit] + ["..."]
    return "expected " + ", ".join(names)


def _open_bracket(text: str, upto: int) -> str | None:
    """The innermost bracket still open before offset `upto` (strings and comments skipped)."""
    stack: list[str] = []
    i = 0
    while i < upto:
        ch = text[i]
        if ch == "#":
            while i < upto and text[i] != "\n":
                i += 1
            continue
        if ch == '"':
            i += 1
            while i < upto and text[i] not in '"\n':
                i += 2 if text[i] == "\\" else 1
        elif ch in "([{":
            stack.append(ch)
        elif ch in ")]}" and stack:
            stack.pop()
        i += 1
    return stack[-1] if stack else None


def describe(exc, text: str, file: str) -> Diagnostic:  # type: ignore[no-untyped-def]
    """Turn a lark UnexpectedInput into one diagnostic with a helpful hint."""
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

    line = getattr(exc, "line", 1) or 1
    col = getattr(exc, "column", 1) or 1
    if line < 1:  # lark reports -1 at end of input
        line = text.count("\n") + 1
        col = len(text) - (text.rfind("\n") + 1) + 1
    span = Span(file, line, col, line, col + 1)
    offset = getattr(exc, "pos_in_stream", None)
    if offset is None or offset < 0:
        offset = len(text)
    opened = _open_bracket(text, offset)
    still_open = f"; the '{opened}' opened earlier is still open" if opened else ""
    at_end = offset >= len(text.rstrip())
    if isinstance(exc, UnexpectedCharacters):
        ch = text[offset] if offset < len(text) else ""
        if ch == '"':
            return error("E0003", "this string is not closed on its line", span,
                         'close it with a double quote; write \\" for a quote inside the string')
        hint = _char_hint(ch)
        return error("E0001", f"unexpected character {ch!r}{still_open}", span, hint)
    if isinstance(exc, UnexpectedToken) and exc.token.type != "$END":
        tok = exc.token
        tspan = Span(file, tok.line, tok.column, tok.end_line or tok.line,
                     tok.end_column or tok.column + len(str(tok)))
        exp = _expected(exc)
        msg = f"unexpected {str(tok)!r}" if tok.type != "_NL" else "unexpected new line"
        hint = _token_hint(tok, exp, opened, _expected(exc, None))
        return error("E0001", msg + (still_open if at_end else ""), tspan, hint)
    if isinstance(exc, (UnexpectedEOF, UnexpectedToken)):
        return error("E0001", f"the scene ends too early{still_open}", span,
                     f"{_expected(exc) or 'complete the statement'}")
    return error("E0001", "invalid scene syntax", span, None)


def _char_hint(ch: str) -> str | None:
    hints = {
        "=": "'=' only appears in facts: given length(AB) = 5 cm; properties use ':'",
        "'": "strings use double quotes: \"text\"",
        "$": "math labels go inside a string: \"$\\alpha$\"",
        "\\": "backslashes only appear inside strings",
        "@": None, "&": "write lists as [a, b]",
    }
    return hints.get(ch, "statements look like: kind name { key: value }")


_CLOSERS = {"{": "'}'", "[": "']'", "(": "')'"}


def _token_hint(tok, expected: str, opened: str | None = None, full: str = "") -> str:  # type: ignore[no-untyped-def]
    if opened and _CLOSERS[opened] in full and "','" in full and tok.type not in ("CMP", "COLON"):
        sep = "',' or a new line" if opened in "{[" else "','"
        return f"separate items with {sep}; close with {_CLOSERS[opened]}"
    if tok.type == "CMP":
        return "'=' only appears in facts: given angle(A) = 30 deg; properties use 'key: value'"
    if tok.type == "NAME" and "':'" in expected:
        return f"properties are written 'key: value'; put ':' after the key ({expected})"
    if tok.type in ("NAME", "NUMBER", "STRING") and "a new line" in expected:
        return "one statement per line (or separate statements with ';')"
    return expected or "statements look like: kind name { key: value }"
