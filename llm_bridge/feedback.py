"""Turn compile outcomes into the messages a model reads: repair requests and success reports."""

from __future__ import annotations

from collections.abc import Sequence

from scidsl.diagnostics import escape_text

from .outcome import CompileOutcome, DiagnosticDict

MAX_SHOWN = 8  # more than this many errors at once distracts a model from the first ones
MAX_LINE_CHARS = 160


def repair_message(outcome: CompileOutcome, tool_name: str = "compile_scene") -> str:
    """Diagnostics as a repair request: location, code, message, the source line, a caret, the hint."""
    errors, warnings = outcome.errors, outcome.warnings
    counts = _count(errors, "error") + (f", {_count(warnings, 'warning')}" if warnings else "")
    lines = [f"The scene did not compile: {counts}.", ""]
    source_lines = outcome.source.split("\n") if outcome.source else []
    shown = [*errors, *warnings][:MAX_SHOWN]
    for diag in shown:
        lines.extend(format_diagnostic(diag, source_lines))
        lines.append("")
    hidden = len(errors) + len(warnings) - len(shown)
    if hidden > 0:
        lines.append(f"({hidden} more not shown; fix these first.)")
        lines.append("")
    lines.append(
        f"Fix every error above, then call {tool_name} again with the complete corrected scene "
        "(the whole scene, not a diff). Keep every statement that was not flagged, and state only "
        "what the problem gives."
    )
    return "\n".join(lines)


def success_message(outcome: CompileOutcome) -> str:
    """Short report of a compiled figure: the facts it shows and any warnings."""
    lines = ["The scene compiled and the figure was rendered."]
    if outcome.facts:
        lines.append("Facts shown in the figure:")
        lines.extend(f"- {escape_text(str(fact))}" for fact in outcome.facts)
    for diag in outcome.warnings[:MAX_SHOWN]:
        lines.extend(format_diagnostic(diag, outcome.source.split("\n")))
    return "\n".join(lines)


def format_diagnostic(diag: DiagnosticDict, source_lines: Sequence[str] = ()) -> list[str]:
    """One diagnostic as text lines, with the source line and a caret under the span when known."""
    where = _location(diag)
    message = escape_text(str(diag.get("message", "")))
    out = [f"{diag.get('severity', 'error')} {diag.get('code', '')}{where}: {message}"]
    out.extend(_source_excerpt(diag, source_lines))
    for rel in diag.get("related", ()):
        out.append(f"  note{_location(rel)}: {escape_text(str(rel.get('note', rel.get('message', ''))))}")
    if diag.get("hint"):
        out.append(f"  hint: {escape_text(str(diag['hint']))}")
    return out


def _location(diag: DiagnosticDict) -> str:
    """' at line L, col C' or ' at path P', or '' when the diagnostic has no place."""
    if isinstance(diag.get("line"), int):
        col = f", col {diag['col']}" if isinstance(diag.get("col"), int) else ""
        return f" at line {diag['line']}{col}"
    if diag.get("path"):
        return f" at {diag['path']}"
    return ""


def _source_excerpt(diag: DiagnosticDict, source_lines: Sequence[str]) -> list[str]:
    """The flagged source line with a caret run under the span."""
    line_no, col = diag.get("line"), diag.get("col")
    if not isinstance(line_no, int) or not 1 <= line_no <= len(source_lines):
        return []
    text = source_lines[line_no - 1].rstrip()[:MAX_LINE_CHARS]
    gutter = f"{line_no:>4} | "
    out = [gutter + escape_text(text)]  # control and bidi characters as escapes; the caret follows them
    if isinstance(col, int) and 1 <= col <= len(text) + 1:
        end = diag.get("end_col") if diag.get("end_line", line_no) == line_no else None
        width = max(1, (end - col) if isinstance(end, int) and end > col else 1)
        width = min(width, len(text) - col + 2)
        raw = text[col - 1 : col - 1 + width]
        lead, marked = escape_text(text[: col - 1]), escape_text(raw) + " " * (width - len(raw))
        out.append(" " * (len(gutter) - 2) + "| " + " " * len(lead) + "^" * max(1, len(marked)))
    return out


def _count(items: Sequence[object], word: str) -> str:
    """'1 error', '3 errors'."""
    return f"{len(items)} {word}{'' if len(items) == 1 else 's'}"
