"""How a kind shows the results it derives: one property, `answer`, spelled the same on every kind.

`answer: shown` (default) draws a computed result with its value; `answer: hidden` leaves it out of the
figure; any other short text (`answer: "?"`, `answer: "x"`) is drawn in place of the value. The result
is computed and checked in every mode and stays in the facts, marked hidden when its value is not drawn.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, Literal, Optional

from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

SHOWN = "shown"
HIDDEN = "hidden"
MAX_ANSWER_CHARS = 12
DESCRIPTION = 'computed results: shown (default), hidden, or a short text drawn instead ("?")'


def _check_answer(v: str) -> str:
    if v in (SHOWN, HIDDEN):
        return v
    # plain text only: a placeholder is never mathtext, so it cannot fail when the figure is saved
    if not v.strip() or len(v) > MAX_ANSWER_CHARS or any(ord(c) < 32 or c in "$\\" for c in v):
        raise PydanticCustomError("answer", "answer is shown, hidden or a short plain text such as \"?\" or "
                                  "\"x\" (at most {n} characters, no $ or \\), got {got}",
                                  {"n": MAX_ANSWER_CHARS, "got": repr(v)[:40]})
    return v


class AnswerMarker:
    """Field metadata: `shown`, `hidden` or a short text drawn in place of a computed value."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_after_validator_function(_check_answer, core_schema.str_schema())

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {"type": "string", "description": DESCRIPTION}


Answer = Annotated[str, AnswerMarker]


def answer_field(default: str = SHOWN) -> Any:
    """The `answer` field every kind with computed results declares."""
    if default == SHOWN:
        return Field(default=SHOWN, description=DESCRIPTION)
    described = DESCRIPTION.replace("shown (default), hidden", f"shown, {default} (default)")
    return Field(default=default, description=described)


def mode_of(node: Any) -> str:
    """The answer mode of a statement (`shown` for kinds without the property)."""
    return getattr(node, "answer", SHOWN) or SHOWN


def hides(node: Any) -> bool:
    """True when the statement's computed values are not drawn (hidden, "?" or a letter)."""
    return mode_of(node) != SHOWN


def drawn(node: Any) -> bool:
    """True when the statement's computed results are drawn at all (shown, "?" or a letter)."""
    return mode_of(node) != HIDDEN


def display(node: Any, text: str) -> Optional[str]:
    """The text to draw for a computed value: the value, the placeholder, or None when hidden."""
    mode = mode_of(node)
    if mode == SHOWN:
        return text
    return None if mode == HIDDEN else mode


def mark_hidden(facts: list, node: Any) -> list:
    """The facts, marked hidden when the statement does not draw its computed values."""
    if not hides(node):
        return facts
    return [replace(f, hidden=True) for f in facts]


Givens = Literal["shown", "hidden"]
GIVENS_DESCRIPTION = "given values: shown (default) written at their marks, or hidden"


def givens_field() -> Any:
    """The `givens` property: `shown` writes each stated value at its mark, `hidden` only its symbol."""
    return Field(default=SHOWN, description=GIVENS_DESCRIPTION)


def given_text(node: Any, symbol: str, value: Any) -> str:
    """`symbol = value` as a textbook writes a given, or the symbol alone when the scene hides givens."""
    if value is None or getattr(node, "givens", SHOWN) == HIDDEN:
        return symbol
    import re

    text = re.sub(r"\^(-?\d+)", lambda m: m.group(1).translate(_SUPERSCRIPT), value.pretty())
    return f"{symbol} = {text.replace('-', '−')}"


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
