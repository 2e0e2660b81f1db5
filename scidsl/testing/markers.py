"""`# E: E2001` markers in scene files: the diagnostics a scene must give, line by line."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scidsl.pipeline import Result

_MARK = re.compile(r"#\s*(E|W|E0|W0):\s*((?:[EW]\d{4}\s*)+)$")


def expected_codes(text: str) -> set[tuple[int, str]]:
    """(line, code) pairs a scene file asks for; `# E0:` means a diagnostic without a span (line 0)."""
    out = set()
    for number, line in enumerate(text.split("\n"), start=1):
        m = _MARK.search(line)
        if m:
            at = 0 if m.group(1).endswith("0") else number
            out.update((at, code) for code in m.group(2).split())
    return out


def actual_codes(result: "Result") -> set[tuple[int, str]]:
    """(line, code) pairs of every diagnostic of a compiled scene (line 0 without a span)."""
    return {(d.span.line if d.span else 0, d.code) for d in result.diagnostics}


def describe_mismatch(expected: set[tuple[int, str]], actual: set[tuple[int, str]]) -> str:
    """The expected diagnostics that did not come and the ones that came unexpected, one per line."""
    lines = [f"  missing    line {n}: {c}" for n, c in sorted(expected - actual)]
    lines += [f"  unexpected line {n}: {c}" for n, c in sorted(actual - expected)]
    return "\n".join(lines)
