"""Wrong options of quiz items: near values, sibling values, swapped labels and wrong relations.

Every option is plain text as the figure writes it (mathtext `$H_{2}O$` becomes `H2O`), so no option
gives itself away by its form, and no wrong option says the same as the answer in another order.
"""
from __future__ import annotations

import random
import re
from typing import Any, Optional

# Words whose opposite makes a wrong relation or property.
OPPOSITES = (("parallel", "series"), ("parallel", "perpendicular"), ("real", "virtual"), ("upright", "inverted"),
             ("magnified", "diminished"), ("minimum", "maximum"), ("left", "right"), ("up", "down"),
             ("clockwise", "counterclockwise"), ("in", "out"), ("open", "closed"), ("single", "double"),
             ("reactant", "product"), ("dominant", "recessive"), ("above", "below"))
_MATH_GROUP = re.compile(r"[_^]\{([^{}]*)\}")
_MATH_CMD = re.compile(r"\\(?:mathrm|mathit|mathbf|text|rm)\{([^{}]*)\}")
_NUM = re.compile(r"(?<![\w.])[−-]?\d+(?:\.\d+)?")
_SUBSCRIPT = re.compile(r"(?<=[A-Za-z)\]])\d+")


def plain(text: str) -> str:
    """Text as a reader sees it: mathtext markers, braces of sub- and superscripts and spacing commands gone."""
    out = str(text).replace("$", "")
    for _ in range(3):
        out = _MATH_CMD.sub(r"\1", out)
        out = _MATH_GROUP.sub(lambda m: m.group(1) if m.group(0)[0] == "_" else "^" + m.group(1), out)
    out = re.sub(r"\\[,;! ]", " ", out).replace("\\cdot", "·").replace("\\times", "×")
    return re.sub(r"_(?=\w)", "", out)


def format_value(value: Any, digits: int = 4) -> str:
    """The text of a fact's value as an option shows it."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.{digits}g}".replace("-", "−")
    if isinstance(value, int):
        return str(value).replace("-", "−")
    if isinstance(value, (list, tuple)):
        if len(value) in (2, 3) and all(_is_number(v) for v in value):
            return "(" + ", ".join(format_value(v, digits) for v in value) + ")"
        return ", ".join(format_value(v, digits) for v in value)
    if isinstance(value, dict):
        return " : ".join(f"{format_value(v, digits)} {k}" for k, v in value.items())
    return re.sub(r"(?<![\w)])-(?=\d)", "−", plain(str(value)))


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def same_answer(a: str, b: str) -> bool:
    """True when two options say the same: equal, or the same list in another order (`P, p` and `p, P`)."""
    if a == b:
        return True
    if a.startswith("(") or ", " not in a:
        return False
    return sorted(a.split(", ")) == sorted(b.split(", "))


def distractors(value: Any, answer: str, siblings: list[Any], rng: random.Random, digits: int = 4) -> list[str]:
    """Sibling values first (hardest: another region, the other root), then near or swapped values."""
    shape = _shape(answer)
    others = [format_value(s, digits) for s in siblings]
    others = [o for o in others if o != answer and _shape(o) == shape]
    rng.shuffle(others)
    near = _near(value, answer, rng, digits)
    out: list[str] = []
    for w in others[:2] + near + others[2:]:
        if w and not any(same_answer(w, x) for x in [answer, *out]):
            out.append(w)
    return out


def _shape(text: str) -> str:
    """A value's form without its digits (`# Ω`), so that a distractor keeps the answer's unit."""
    shape = re.sub(r"[−-]?\d+(?:\.\d+)?(?:e[−+-]?\d+)?", "#", text)
    return shape if "#" in shape else "text"


def _near(value: Any, answer: str, rng: random.Random, digits: int) -> list[str]:
    if isinstance(value, bool):
        return [format_value(not value)]
    if _is_number(value):
        return [format_value(v, digits) for v in near_numbers(value, rng)]
    if isinstance(value, (list, tuple)) and value and all(_is_number(v) for v in value):
        swapped = list(reversed(value))
        shifted = [v + 1 for v in value]
        negated = [-value[0], *value[1:]] if value[0] else [value[0] + 2, *value[1:]]
        return [format_value(x, digits) for x in (swapped, negated, shifted)]
    if isinstance(value, dict) and len(value) >= 2:
        keys, vals = list(value), list(value.values())
        return [format_value(dict(zip(keys, vals[i:] + vals[:i]))) for i in range(1, len(vals))] + \
               [format_value({k: v * 2 if k == keys[0] else v for k, v in value.items()})]
    if isinstance(value, (list, tuple)) and value:
        items = [format_value(v) for v in value]
        return [", ".join(items[:i] + items[i + 1:]) for i in range(len(items))] if len(items) > 1 else []
    if isinstance(value, str):
        if re.fullmatch(r"[−-]?\d+", answer):
            return [format_value(v) for v in near_numbers(int(answer.replace("−", "-")), rng)]
        swapped = [w for w in (_swap_word(answer, a, b) for a, b in OPPOSITES) if w]
        return swapped + _near_text(answer)
    return []


def near_numbers(v: float, rng: random.Random) -> list[float]:
    """Numbers close to v: for a whole number its neighbours, for a measure a few per cent off, twice, half."""
    if isinstance(v, int) or float(v).is_integer():
        n = int(v)
        # a count is never negative, and a measure of one (1.0 cm) is never zero
        below = [n - 1] if n > 1 or n < 0 or (n == 1 and isinstance(v, int)) else []
        return below + [n + 1, n + 2, 2 * n if abs(n) > 1 else n + 3, n + 3]
    step = abs(v) * rng.choice((0.1, 0.2, 0.25))
    flipped = [-v] if v < 0 else []  # a sign slip is a hard distractor only where the sign is read
    return flipped + [v + step, v - step, v * 2, v / 2]


def _near_fraction(text: str) -> list[str]:
    """Other proper fractions near a/b: the complement, one more or less on top, one more below."""
    m = re.fullmatch(r"(\d+)/(\d+)", text)
    if m is None:
        return []
    a, b = int(m.group(1)), int(m.group(2))
    pairs = [(b - a, b), (a + 1, b), (a - 1, b), (a, b + 1)]
    return [f"{x}/{y}" for x, y in pairs if 0 < x < y and (x, y) != (a, b)]


def _near_text(text: str) -> list[str]:
    """Numbers inside a text (`4 Ω`, `2 O2`) nudged; a formula's subscripts (`H2O`) only to other subscripts."""
    if re.fullmatch(r"\d+/\d+", text):
        return _near_fraction(text)
    if re.search(r"\d[′']", text):  # a strand's 5′ and 3′ ends are names, not numbers to nudge
        return []
    m = _NUM.search(text)
    if m is not None:
        number = float(m.group().replace("−", "-"))
        out = []
        for other in (number + 1, number * 2 if number else number + 2, number - 1):
            if other <= 0 < number or (other == 1 and text[m.start() - 1:m.start()] == "^"):
                continue
            places = len(m.group().split(".")[1]) if "." in m.group() else None  # `50.00 mL` → `49.00 mL`
            shown = f"{other:.{places}f}" if places is not None else \
                str(int(other)) if float(other).is_integer() else f"{other:.3g}"
            end = m.end()
            if other == 1 and re.match(r" [A-Z(]", text[end:end + 2]):
                shown, end = "", end + 1  # a coefficient of one is not written
            out.append(text[:m.start()] + shown.replace("-", "−") + text[end:])
        return out
    m = _SUBSCRIPT.search(text)
    if m is None:
        return []
    n = int(m.group())
    # a subscript is never 0 or 1 in writing: 2 → 3, 4; 3 → 2, 4
    others = [k for k in (n + 1, n - 1, n + 2) if k >= 2][:2]
    return [text[:m.start()] + str(k) + text[m.end():] for k in others] + [text[:m.start()] + text[m.end():]]


def swap_word(text: str, a: str, b: str) -> Optional[str]:
    """The text with the first `a` changed into `b` (or `b` into `a`), or None when neither occurs."""
    return _swap_word(text, a, b)


def _swap_word(text: str, a: str, b: str) -> Optional[str]:
    for x, y in ((a, b), (b, a)):
        if re.search(rf"\b{x}\b", text):
            return re.sub(rf"\b{x}\b", y, text, count=1)
    return None
