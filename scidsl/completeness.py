"""Completeness facts: which values a scene states are written on the drawn page, and which are not.

A figure that teaches shows every given value. After drawing, the values stated as quantities
(`12 V`, `30 deg`, `2 kg`) and in `given` facts are looked for among the numbers of every text on the
page. The `visible_givens` fact lists those found, `unshown_givens` (hidden: it is not on the page)
those missing, `page_numbers` every number the page writes; `scidsl quiz` and the generation loop's
givens check read them.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

from scidsl.model import Node, Quantity

_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_POWER = re.compile(r"(?:(\d+(?:\.\d+)?) × )?10\$\^\{(-?\d+)\}\$")  # 6 × 10$^{14}$ is 6e14
_TOL = 1e-9
MAX_LISTED = 200


def page_numbers(texts: Iterable[str]) -> list[float]:
    """Every number written in the texts (a real minus sign read as one; thousands separators joined)."""
    out = []
    for text in texts:
        plain = str(text).replace("−", "-").replace("\u2009", "").replace("{,}", "")
        plain = _POWER.sub(lambda m: f"{m.group(1) or 1}e{m.group(2)}", plain)
        out.extend(float(m.group(0)) for m in _NUMBER.finditer(plain))
    return out


def stated_values(nodes: Iterable[Node]) -> Iterator[tuple[str, float, str]]:
    """(text as written, number, statement name) for each quantity a statement states."""
    from scidsl.model import Given

    for node in nodes:
        owner = getattr(node, "name", None) or node.kind
        if isinstance(node, Given):
            for side in (node.lhs, node.rhs):
                if side is not None:
                    yield from ((t, v, owner) for t, v in _tree_values(side.tree))
            continue
        for field in type(node).model_fields:
            yield from ((t, v, owner) for t, v in _quantities(getattr(node, field, None)))


def _quantities(value: Any, depth: int = 0) -> Iterator[tuple[str, float]]:
    if isinstance(value, Quantity):
        if value.unit:
            yield value.pretty(), float(value.value)
    elif isinstance(value, (list, tuple)) and depth < 4:
        for v in value[:MAX_LISTED]:
            yield from _quantities(v, depth + 1)


def _tree_values(tree: Any) -> Iterator[tuple[str, float]]:
    from scidsl import syntax

    stack, seen = [tree], 0
    while stack and seen < 1000:  # iterative: a deep expression never recurses
        node, seen = stack.pop(), seen + 1
        if isinstance(node, syntax.Qty):
            from scidsl.units import pretty_unit

            yield f"{node.number} {pretty_unit(node.unit)}".replace(" °", "°"), _float(node.number)
        elif isinstance(node, syntax.Num):
            yield node.text, _float(node.text)
        elif isinstance(node, (syntax.BinOp,)):
            stack += [node.right, node.left]
        elif isinstance(node, syntax.Call):
            stack += list(node.args)[::-1]
        elif hasattr(node, "items") and isinstance(node.items, tuple):
            stack += list(node.items)[::-1]


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return float("nan")


def _on_page(value: float, numbers: list[float]) -> bool:
    return any(abs(value - n) <= _TOL * max(1.0, abs(value)) or _rounded(value, n) for n in numbers)


def _rounded(value: float, shown: float) -> bool:
    """The page writes the value rounded to its shown digits (0.6113 as 0.611), within 1 %."""
    digits = len(repr(shown).split(".")[1]) if "." in repr(shown) else 0
    return shown != 0 and abs(round(value, digits) - shown) < 0.5 * 10 ** -digits and abs(value - shown) < 0.01 * abs(value)


def completeness_facts(scene: Any, texts: Iterable[str]) -> list:
    """`visible_givens` and `unshown_givens` for a drawn scene."""
    from scidsl.pipeline import Fact

    numbers = page_numbers(texts)
    shown, missing = [], []
    for text, value, owner in stated_values(scene.items):
        if value != value:  # not a number
            continue
        entry = {"text": text, "value": value, "statement": owner}
        (shown if _on_page(value, numbers) else missing).append(entry)
    listed = ", ".join(e["text"] for e in shown) or "none"
    written = sorted({float(f"{n:.6g}") for n in numbers})[:MAX_LISTED]
    return [
        Fact("page_numbers", (), written, "numbers written on the page: " + (", ".join(f"{n:g}" for n in written)
                                                                            or "none")),
        Fact("visible_givens", (), shown, f"given values on the page: {listed}"),
        Fact("unshown_givens", (), missing, "given values not on the page: "
             + (", ".join(e["text"] for e in missing) or "none"), hidden=True),
    ]


def page_texts(page: Any, placed: Iterable[Any]) -> list[str]:
    """Every text of the drawn page: fixed texts and placed labels."""
    from scidsl.primitives import Text

    return [i.text for i in page.items if isinstance(i, Text)] + [t.text for t in placed]
