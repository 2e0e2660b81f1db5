"""A stand-in compiler for bridge tests that must not depend on the real one."""

from __future__ import annotations

from typing import Any

PNG_1x1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def fake_compile(scene: str | dict[str, Any]) -> dict[str, Any]:
    """Flags every occurrence of the word `bogus` as an unknown kind; otherwise 'renders'."""
    text = scene if isinstance(scene, str) else str(scene)
    diagnostics = []
    for line_no, line in enumerate(text.split("\n"), start=1):
        col = line.find("bogus")
        if col >= 0:
            diagnostics.append(
                {
                    "code": "E0101",
                    "message": "unknown kind 'bogus'",
                    "severity": "error",
                    "line": line_no,
                    "col": col + 1,
                    "end_line": line_no,
                    "end_col": col + 6,
                    "hint": "did you mean 'box'?",
                }
            )
    if diagnostics:
        return {"ok": False, "diagnostics": diagnostics}
    facts = [f"statement: {line.strip()}" for line in text.split("\n") if line.strip()]
    return {"ok": True, "diagnostics": [], "facts": facts, "png": PNG_1x1}
