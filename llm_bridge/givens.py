"""Givens shown, unknowns hidden: compare a problem's values and names with the figure's facts.

Before a generated figure is accepted, the model gets one repair note naming each value or name the
problem gives that no visible fact shows, and each computed result the figure draws although the
problem asks the reader to find it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

MAX_LISTED = 4
_NUMBER = re.compile(r"(?<![\w.^/])(\d+(?:\.\d+)?)(?!\s*(?:st|nd|rd|th)\b)(?!\d|\.\d|\s*\^)")
_NAME = re.compile(r"\b([A-Z][a-z]?\d{1,2})\b")
_ASKS = re.compile(
    r"\b(find|calculate|determine|compute|predict|what|which|how|show that|work out)\b|\?", re.I
)
# Facts that are results the compiler derives (what `answer` governs); a Venn region when computed.
RESULTS = frozenset(
    {
        "offspring",
        "genotype_ratio",
        "phenotype_ratio",
        "image",
        "magnification",
        "equivalent_resistance",
        "equivalent_capacitance",
        "source_current",
        "current",
        "marked_point",
        "lone_pairs",
    }
)


def _numbers(text: str) -> list[float]:
    out = []
    for m in _NUMBER.finditer(text.replace("−", "-")):
        try:
            out.append(float(m.group(1)))
        except ValueError:
            continue
    return out


def _fact_dicts(facts: Iterable[Any]) -> list[dict]:
    """Facts as dicts; a fact given only as text counts as visible."""
    return [dict(f) if isinstance(f, Mapping) else {"text": str(f), "hidden": False} for f in facts]


def _visible_text(facts: list[dict]) -> str:
    parts = []
    for f in facts:
        if not f.get("hidden"):
            parts.append(str(f.get("text", "")))
            parts.append(
                json.dumps([f.get("args"), f.get("value")], ensure_ascii=False, default=str)
            )
    return "\n".join(parts)


def _is_result(fact: dict) -> bool:
    pred = fact.get("predicate")
    return pred in RESULTS or (pred == "region" and "(computed)" in str(fact.get("text", "")))


def _page_values(facts: list[dict], predicate: str) -> list[float]:
    """The values of the compiler's completeness fact (`visible_givens` or `unshown_givens`)."""
    for f in facts:
        if f.get("predicate") == predicate and isinstance(f.get("value"), list):
            return [float(e["value"]) for e in f["value"] if isinstance(e, dict) and "value" in e]
    return []


def _close(value: float, others: list[float]) -> bool:
    return any(abs(value - s) <= 1e-9 * max(1.0, abs(value)) for s in others)


def missing_givens(problem: str, facts: Iterable[Any]) -> list[str]:
    """Values and names the problem gives that no visible fact shows, or that the page does not write."""
    dicts = _fact_dicts(facts)
    shown_text = _visible_text(dicts)
    on_page, unshown = _page_values(dicts, "visible_givens"), _page_values(dicts, "unshown_givens")
    # a value the scene states but the drawn page does not write is not shown, whatever facts mention it
    shown = [s for s in _numbers(shown_text) if _close(s, on_page) or not _close(s, unshown)]
    missing = []
    for m in _NUMBER.finditer(problem.replace("−", "-")):
        value = float(m.group(1))
        if not _close(value, shown):
            missing.append(_with_unit(problem, m))
    names = {n for n in _NAME.findall(problem) if not re.search(rf"\b{re.escape(n)}\b", shown_text)}
    return list(dict.fromkeys(missing)) + sorted(names)


def _with_unit(problem: str, m: re.Match) -> str:
    tail = re.match(r"\s*([°%]|[A-Za-zµμΩ]{1,4}\b(?:/[A-Za-z]+)?)?", problem[m.end() :])
    unit = tail.group(1) if tail and tail.group(1) else ""
    return f"{m.group(1)} {unit}".strip() if unit not in ("°", "%") else m.group(1) + unit


def drawn_answers(problem: str, facts: Iterable[Any]) -> list[str]:
    """Computed results the figure draws whose value the problem does not give, if it asks."""
    if not _ASKS.search(problem):
        return []
    given = _numbers(problem)
    out = []
    for f in _fact_dicts(facts):
        if f.get("hidden") or not _is_result(f):
            continue
        values = _numbers(json.dumps(f.get("value"), default=str))
        if values and all(any(abs(v - g) < 1e-9 for g in given) for v in values):
            continue
        out.append(str(f.get("text") or f.get("predicate")))
    return out


def givens_note(problem: str, facts: Iterable[Any]) -> str | None:
    """The repair note for a compiled figure, or None when it shows the givens, hides answers."""
    facts = list(facts)
    missing, drawn = (
        missing_givens(problem, facts)[:MAX_LISTED],
        drawn_answers(problem, facts)[:MAX_LISTED],
    )
    if not missing and not drawn:
        return None
    lines = ["Before the figure is accepted, compare it with the problem."]
    if missing:
        lines.append(
            "The problem gives these, but the figure does not show them: "
            + ", ".join(missing)
            + ". State each as a property or a `given` fact and make it visible on the page (a label, "
            "a `givens` box, or the kind's `show` switch); if it is not something a figure shows, "
            "keep the scene as it is."
        )
    if drawn:
        lines.append(
            "The figure draws results the problem asks the reader to find: "
            + "; ".join(drawn)
            + '. Hide them with `answer: hidden` (or `answer: "?"`) on the statement that '
            "computes them."
        )
    lines.append(
        "Call the scene tool with the corrected scene, or reply DONE if the figure is right."
    )
    return "\n".join(lines)
