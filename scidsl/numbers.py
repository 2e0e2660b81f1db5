"""One number rule for every front door: finite, 0 or between 1e-300 and 1e300 in size, integers of at most
the digit limit, and numbers written as text only in ASCII decimal notation (as the grammar lexes them)."""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from pydantic_core import PydanticCustomError

from scidsl import limits

NUMBER_TEXT = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def check_finite(v: float) -> None:
    """Raise a `number_range` error for numbers outside the bounds."""
    if isinstance(v, int) and v.bit_length() > 1000:
        raise PydanticCustomError("number_range", "the number has {n} digits; the limit is {limit}",
                                  {"n": f"over {int(v.bit_length() * 0.30103)}", "limit": limits.MAX_INT_DIGITS})
    if not math.isfinite(v) or abs(v) > 1e300:
        raise PydanticCustomError("number_range", "the number {got} is not finite", {"got": v})
    if v and abs(v) < 1e-300:
        raise PydanticCustomError("number_range", "the number {got} is too close to zero", {"got": v})


def check_number_text(key: str, text: str) -> float:
    """A number given as a string (JSON form), read like the grammar's NUMBER; raise `number_text` otherwise."""
    if not NUMBER_TEXT.fullmatch(text):
        raise PydanticCustomError("number_text", "{key}: '{v}' is not a number written with ASCII digits",
                                  {"key": key, "v": text[:40]})
    value = float(text)
    check_finite(value)
    return value


def plain_number_field(annotation: Any) -> bool:
    """int, float, Optional of them or a list/tuple of them (not Number, which parses expressions)."""
    from typing import Union, get_args, get_origin

    if annotation in (int, float):
        return True
    if get_origin(annotation) in (Union, list, tuple):
        return any(a in (int, float) for a in get_args(annotation))
    return False


def check_number_texts(cls: type, data: Any) -> None:
    """Plain int/float properties given as strings must read exactly as the text form lexes numbers."""
    if not isinstance(data, dict):
        return
    for key, label in _number_keys(cls):
        value = data.get(label, data.get(key))
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(item, str):
                check_number_text(label, item)


@lru_cache(maxsize=None)
def _number_keys(cls: type) -> tuple[tuple[str, str], ...]:
    """(field, scene name) of each plain number field of a model class (worked out once per class)."""
    return tuple((key, info.alias or key) for key, info in cls.model_fields.items()
                 if plain_number_field(info.annotation))
