"""Mutated example scenes of the tables, sets, lab and biology domains give diagnostics, never an internal error."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import scidsl

ROOT = Path(__file__).resolve().parent.parent / "examples"
SCENES = sorted(p for d in ("tables", "sets", "lab", "biology") for p in (ROOT / d).glob("*.sdl"))
ODD = ["0", "-1", "1e9", "1e-9", "[]", "[A, A]", '""', '"$x$"', "true", "(0, 0)", "A.B", "sqrt(-1)", "1/0",
       "-5 mL", "{}", '"A & & B"', '"Aa x"']


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """An example scene with a line deleted or duplicated, or one word replaced by an odd token."""
    lines = draw(st.sampled_from(SCENES)).read_text().split("\n")
    i = draw(st.integers(0, len(lines) - 1))
    op = draw(st.sampled_from(["delete", "duplicate", "replace"]))
    if op == "delete":
        del lines[i]
    elif op == "duplicate":
        lines.insert(i, lines[draw(st.integers(0, len(lines) - 1))])
    else:
        words = lines[i].split(" ")
        words[draw(st.integers(0, len(words) - 1))] = draw(st.sampled_from(ODD))
        lines[i] = " ".join(words)
    return "\n".join(lines)


def test_there_are_scenes_to_mutate() -> None:
    assert len(SCENES) >= 15


@settings(max_examples=40, deadline=None)
@given(text=mutated())
def test_mutated_scenes_never_fail_inside_the_compiler(text: str) -> None:
    result = scidsl.compile(text, "m.sdl", verify=False)
    assert [d.message for d in result.diagnostics if d.code == "E0999"] == []
    assert not result.ok or result.drawing is not None
