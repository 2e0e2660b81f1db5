"""Multiple-choice quizzes from a figure's visible facts, with hard distractors; no language model.

Each item asks one fact a reader can see in the figure. Its wrong options are near values, the values
of sibling facts (another region's count, the other root), swapped labels and wrong relations. Hidden
facts (`answer: hidden`, measures the figure does not write) are never asked.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
from typing import Any, Iterable, Optional

N_OPTIONS = 4
LETTERS = "ABCDEFGH"
# Facts that say nothing a reader could get wrong, or that only repeat what the figure draws for layout.
SKIP = frozenset({"drawn", "point", "ticks", "axis", "exact_form", "__warning__", "visible_givens", "unshown_givens"})
# Words whose opposite makes a wrong relation or property.
OPPOSITES = (("parallel", "series"), ("parallel", "perpendicular"), ("real", "virtual"), ("upright", "inverted"),
             ("magnified", "diminished"), ("minimum", "maximum"), ("left", "right"), ("up", "down"),
             ("clockwise", "counterclockwise"), ("in", "out"), ("open", "closed"), ("single", "double"),
             ("reactant", "product"), ("dominant", "recessive"), ("above", "below"))


def format_value(value: Any) -> str:
    """The text of a fact's value as an option shows it."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.4g}".replace("-", "−")
    if isinstance(value, int):
        return str(value).replace("-", "−")
    if isinstance(value, (list, tuple)):
        if len(value) in (2, 3) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            return "(" + ", ".join(format_value(v) for v in value) + ")"
        return ", ".join(format_value(v) for v in value)
    if isinstance(value, dict):
        return " : ".join(f"{format_value(v)} {k}" for k, v in value.items())
    return str(value).replace("$", "")


def make_quiz(facts: Iterable[Any], seed: int = 0) -> list[dict]:
    """Quiz items (question, options, answer, the fact tested) from the visible facts."""
    facts = list(facts)
    unshown = _unshown_values(facts)
    visible = [f for f in facts if not getattr(f, "hidden", False) and f.predicate not in SKIP
               and not _only_unshown(f.value, unshown)]
    siblings: dict[str, list[Any]] = {}
    for f in visible:
        if f.value is not None:
            siblings.setdefault(_family(f), []).append(f.value)
    items, seen = [], set()
    for f in visible:
        item = _item(f, siblings.get(_family(f), []), seed)
        if item is not None and item["question"] not in seen:
            seen.add(item["question"])
            items.append({"id": len(items) + 1, **item})
    return items


def _unshown_values(facts: list[Any]) -> list[float]:
    """Values the scene states but the page does not write (the `unshown_givens` fact)."""
    for f in facts:
        if f.predicate == "unshown_givens" and isinstance(f.value, list):
            return [float(e["value"]) for e in f.value if isinstance(e, dict) and "value" in e]
    return []


def _numbers_in(value: Any, depth: int = 0) -> list[float]:
    if isinstance(value, bool) or depth > 3:
        return []
    if isinstance(value, (int, float)):
        return [float(value)]
    if isinstance(value, str):
        from scidsl.completeness import page_numbers

        return page_numbers([value])
    if isinstance(value, (list, tuple)):
        return [n for v in value for n in _numbers_in(v, depth + 1)]
    if isinstance(value, dict):
        return [n for v in value.values() for n in _numbers_in(v, depth + 1)]
    return []


def _only_unshown(value: Any, unshown: list[float]) -> bool:
    """True when every number of a fact's value is a given the page does not write: no reader can see it."""
    numbers = _numbers_in(value)
    return bool(numbers and unshown) and all(any(abs(n - u) <= 1e-9 * max(1.0, abs(n)) for u in unshown)
                                             for n in numbers)


def _family(fact: Any) -> str:
    """Facts whose values may stand in for each other: same predicate, same measure (`angle(...)`)."""
    first = str(fact.args[0]) if fact.args else ""
    return fact.predicate + (":" + first.split("(")[0] if "(" in first else "")


def _rng(fact: Any, seed: int) -> random.Random:
    key = json.dumps([fact.predicate, [str(a) for a in fact.args], str(fact.value), seed], ensure_ascii=False)
    return random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:12], 16))


def _item(fact: Any, siblings: list[Any], seed: int) -> Optional[dict]:
    rng = _rng(fact, seed)
    if fact.value is None:
        question, answer, wrong = _relation_item(fact)
    else:
        answer = format_value(fact.value)
        question = _question(fact, answer)
        wrong = _distractors(fact.value, answer, siblings, rng)
    wrong = [w for w in dict.fromkeys(wrong) if w and w != answer][: N_OPTIONS - 1]
    if question is None or len(wrong) < 2:
        return None
    options = [answer, *wrong]
    rng.shuffle(options)
    return {"question": question, "options": options, "answer": LETTERS[options.index(answer)],
            "answer_text": answer, "fact": fact.to_dict()}


def _question(fact: Any, answer: str) -> str:
    text = str(fact.text).replace("$", "")
    found = list(re.finditer(rf"(?<![\w.]){re.escape(answer)}(?![\w.])", text)) if answer else []
    if found:
        m = found[0]
        return f"From the figure: {text[:m.start()]}____{text[m.end():]}. What goes in the blank?"
    about = ", ".join(str(a) for a in fact.args)
    return f"From the figure, what is the {fact.predicate.replace('_', ' ')} of {about}?"


def _relation_item(fact: Any) -> tuple[Optional[str], str, list[str]]:
    """A fact without a value (`R1 and R2 are in parallel`): which statement does the figure show?"""
    text = str(fact.text).replace("$", "")
    # "in"/"out" and "up"/"down" are too common in sentences to make a wrong relation of
    pairs = [p for p in OPPOSITES if p not in (("in", "out"), ("up", "down"))]
    wrong = [_swap_word(text, a, b) for a, b in pairs] + [_swap_names(text, fact.args)]
    wrong = [w for w in wrong if w and w != text]
    return "Which statement does the figure show?", text, wrong


def _swap_word(text: str, a: str, b: str) -> Optional[str]:
    for x, y in ((a, b), (b, a)):
        if re.search(rf"\b{x}\b", text):
            return re.sub(rf"\b{x}\b", y, text, count=1)
    return None


def _swap_names(text: str, args: tuple) -> Optional[str]:
    """The two names swapped, only where the order matters (`a → b`, `from a to b`)."""
    if not re.search(r"→|->|\bfrom\b.*\bto\b", text):
        return None
    names = [str(a) for a in args if isinstance(a, str) and a and a in text]
    if len(names) < 2 or names[0] == names[1]:
        return None
    a, b = names[0], names[1]
    return text.replace(a, "\0").replace(b, a).replace("\0", b)


def _distractors(value: Any, answer: str, siblings: list[Any], rng: random.Random) -> list[str]:
    """Sibling values first (hardest: another region, the other root), then near or swapped values."""
    shape = _shape(answer)
    others = [format_value(s) for s in siblings if format_value(s) != answer and _shape(format_value(s)) == shape]
    rng.shuffle(others)
    near = _near(value, rng)
    return others[:2] + near + others[2:]


def _shape(text: str) -> str:
    """A value's form without its digits (`# Ω`), so that a distractor keeps the answer's unit."""
    shape = re.sub(r"[−-]?\d+(?:\.\d+)?(?:e[−-]?\d+)?", "#", text)
    return shape if "#" in shape else "text"


def _near(value: Any, rng: random.Random) -> list[str]:
    if isinstance(value, bool):
        return [format_value(not value)]
    if isinstance(value, (int, float)):
        return [format_value(v) for v in _near_numbers(value, rng)]
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, (int, float)) for v in value):
        swapped = list(reversed(value))
        shifted = [v + 1 for v in value]
        negated = [-value[0], *value[1:]]
        return [format_value(x) for x in (swapped, negated, shifted)]
    if isinstance(value, dict) and len(value) >= 2:
        keys, vals = list(value), list(value.values())
        return [format_value(dict(zip(keys, vals[i:] + vals[:i]))) for i in range(1, len(vals))] + \
               [format_value({k: v * 2 if k == keys[0] else v for k, v in value.items()})]
    if isinstance(value, (list, tuple)) and value:
        return [format_value(list(value)[:-1]), format_value(list(reversed(value)))]
    if isinstance(value, str):
        return [w for w in (_swap_word(value, a, b) for a, b in OPPOSITES) if w] + _near_text(value)
    return []


def _near_numbers(v: float, rng: random.Random) -> list[float]:
    if isinstance(v, int) or float(v).is_integer():
        n = int(v)
        below = [n - 1] if n > 0 or n < 0 else []  # a count is never negative
        return below + [n + 1, n + 2, 2 * n if abs(n) > 1 else n + 3, n + 3]
    step = abs(v) * rng.choice((0.1, 0.2, 0.25)) or 0.5
    return [v + step, v - step, -v if v else 1.0, v * 2]


def _near_text(text: str) -> list[str]:
    """Numbers inside a text (`4 Ω`, `30°`) nudged: the same unit, a wrong value."""
    m = re.search(r"\d+(?:\.\d+)?", text)
    if m is None:
        return []
    number = float(m.group())
    out = []
    for other in (number + 1, number * 2, max(number - 1, 0.5)):
        shown = str(int(other)) if other.is_integer() else f"{other:.3g}"
        out.append(text[:m.start()] + shown + text[m.end():])
    return out
