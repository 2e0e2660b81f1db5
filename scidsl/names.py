"""Identifier rules shared by the text and JSON forms: shape, length, one script, no look-alikes."""
from __future__ import annotations

import re
from typing import Annotated, Optional

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from scidsl import limits

IDENT = re.compile(r"^[A-Za-z_\u0370-\u03ff][A-Za-z0-9_'\u0370-\u03ff]*$")
# Greek letters drawn exactly like a Latin one: a point Α next to a point A would look like one point.
LOOKALIKES = {"Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
              "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ϲ": "c", "ϳ": "j", "ϒ": "Y"}


def shorten(text: str, limit: int | None = None) -> str:
    """The text cut to a length fit to echo in a message, saying how long it was."""
    limit = limit or limits.MAX_ECHO_CHARS
    if len(text) <= limit:
        return text
    return f"{text[:limit // 2]}…({len(text)} characters)"


def name_problem(name: str) -> tuple[str, str] | None:
    """(error type, message) when one part of a name breaks the identifier rules, else None."""
    if len(name) > limits.MAX_NAME_CHARS:
        return "name_length", f"the name '{shorten(name, 40)}' is longer than {limits.MAX_NAME_CHARS} characters"
    if not IDENT.match(name):
        return "name_syntax", f"'{shorten(name, 40)}' is not a name (letters, digits, _ and ')"
    return script_problem(name)


def script_problem(name: str) -> tuple[str, str] | None:
    """(error type, message) when a name mixes Latin and Greek or uses a Greek look-alike of a Latin letter."""
    for ch in name:
        if ch in LOOKALIKES:
            return "name_confusable", (f"'{name}' uses the Greek letter '{ch}' (U+{ord(ch):04X}), which looks "
                                       f"like the Latin '{LOOKALIKES[ch]}'")
    latin = any("A" <= c <= "Z" or "a" <= c <= "z" for c in name)
    if latin and any("\u0370" <= c <= "\u03ff" for c in name):
        return "name_confusable", f"'{name}' mixes Latin and Greek letters"
    return None


NAME_CODES = {"name_length": "E0912", "name_syntax": "E0911", "name_confusable": "E0913"}


def check_name_text(v: str, dotted: bool = True) -> str:
    """Apply the identifier rules of the text form to a name given as a string (JSON form)."""
    for part in v.split(".") if dotted else [v]:
        problem = name_problem(part)
        if problem:
            raise PydanticCustomError(problem[0], "{why}", {"why": problem[1]})
    return v


def _check_decl_name(v: Optional[str]) -> Optional[str]:
    return None if v is None else check_name_text(v, dotted=False)


DeclName = Annotated[Optional[str], AfterValidator(_check_decl_name)]
