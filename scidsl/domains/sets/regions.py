"""Regions of a Venn diagram: keys like 'A & B' read, counts collected, missing counts solved for."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Optional

OUTSIDE = 0
_SPLIT = re.compile(r"\s*(?:&|∩|,|\band\b)\s*")
_NOT = ("'", "′", "ᶜ", "^c")
_OUTSIDE_WORDS = {"outside", "none", "neither", "nothing", "u only", "universe"}


class RegionError(ValueError):
    """A key or entry that cannot be read; `code` is the diagnostic code."""

    def __init__(self, code: str, message: str, hint: Optional[str] = None) -> None:
        super().__init__(message)
        self.code = code
        self.hint = hint


@dataclass
class Region:
    """One exact region (a bit mask of the sets it lies in; 0 is outside every set)."""

    mask: int
    count: Optional[Fraction] = None
    label: Optional[str] = None
    elements: Optional[list[str]] = None
    source: str = ""  # given, computed or empty


@dataclass
class Equation:
    """A given size: the regions it adds up and its value."""

    key: str
    masks: list[int]
    value: Fraction
    what: str = "size"  # size or total


@dataclass
class Solved:
    """Every region of a diagram with what was given, and the equations that checked them."""

    n: int
    regions: dict[int, Region] = field(default_factory=dict)
    equations: list[Equation] = field(default_factory=list)


def plain(label: str) -> str:
    """A set name without math dollars, for matching keys (the name of a name-and-label entry)."""
    return label.split("\x00")[0].replace("$", "").strip()


def _match(token: str, sets: list[str]) -> Optional[int]:
    """The index of the set a token names; an entry may be a name and its label joined by NUL (either matches)."""
    for lower in (False, True):
        for i, entry in enumerate(sets):
            names = [plain(n) for n in entry.split("\x00")]
            if any((n.lower() if lower else n) == (token.lower() if lower else token) for n in names):
                return i
    return None





def read_key(key: Any, sets: list[str]) -> tuple[set[int], set[int]]:
    """(sets inside, sets outside) a key names: 'A & B', 'A ∩ B'', ['A', 'B'], 'A only'."""
    if isinstance(key, list):
        tokens = [str(t) for t in key]
    elif isinstance(key, str):
        text = re.sub(r"\bonly\b", "", plain(key)).strip()
        if text.lower() in _OUTSIDE_WORDS:
            return set(), set(range(len(sets)))
        tokens = [t for t in _SPLIT.split(text) if t]
        if any(_match(_bare(t), sets) is None for t in tokens):  # 'A B' written with spaces
            tokens = [t for part in tokens for t in (part.split() if _match(_bare(part), sets) is None else [part])]
        tokens = [t for part in tokens for t in _letters(part, sets)]
    else:
        raise RegionError("E7503", f"{key!r} does not name a region", "name it by its sets, e.g. \"A & B\"")
    inside, outside = set(), set()
    for token in tokens:
        negated = token.endswith(_NOT) or token.lower().startswith("not ")
        i = _match(_bare(token), sets)
        if i is None:
            raise RegionError("E7502", f"{_bare(token)!r} is not one of the sets {', '.join(plain(s) for s in sets)}",
                              _did_you_mean(_bare(token), sets))
        (outside if negated else inside).add(i)
    if not tokens or inside & outside:
        raise RegionError("E7502", f"{key!r} names no region", "name it by its sets, e.g. \"A & B\"")
    return inside, outside


def _letters(token: str, sets: list[str]) -> list[str]:
    """'AB' is A and B when every set is named by one letter."""
    if _match(_bare(token), sets) is not None or not all(len(plain(s)) == 1 for s in sets):
        return [token]
    if token.isalpha() and all(_match(ch, sets) is not None for ch in token):
        return list(token)
    return [token]


def _bare(token: str) -> str:
    t = token.strip()
    if t.lower().startswith("not "):
        t = t[4:]
    for suffix in _NOT:
        t = t.removesuffix(suffix)
    return t.strip()


def _did_you_mean(word: str, sets: list[str]) -> str:
    from scidsl.diagnostics import did_you_mean

    return did_you_mean(word, [plain(s) for s in sets]) or f"the sets are: {', '.join(plain(s) for s in sets)}"


def exact_mask(key: Any, sets: list[str]) -> int:
    """The one region a `regions` key names: inside the named sets and outside every other."""
    inside, _ = read_key(key, sets)
    return sum(1 << i for i in inside)


def matching(key: Any, sets: list[str]) -> list[int]:
    """Every exact region a `sizes` key covers ('A' covers A only, A & B only, ...)."""
    inside, outside = read_key(key, sets)
    return [m for m in range(1, 1 << len(sets)) if all(m >> i & 1 for i in inside)
            and not any(m >> i & 1 for i in outside)] if inside else [OUTSIDE]


def name_of(mask: int, sets: list[str]) -> str:
    """'A ∩ B only', or 'outside' for mask 0."""
    if mask == OUTSIDE:
        return "outside"
    return " ∩ ".join(plain(s) for i, s in enumerate(sets) if mask >> i & 1) + " only"


def to_fraction(value: Any) -> Optional[Fraction]:
    """An exact count, or None for something that is not a number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def solve(solved: Solved) -> list[Equation]:
    """Fill unknown regions from equations with one unknown; return the equations that fail."""
    changed = True
    while changed:
        changed = False
        for eq in solved.equations:
            unknown = [m for m in eq.masks if solved.regions[m].count is None]
            if len(unknown) == 1:
                known = sum((solved.regions[m].count for m in eq.masks if m != unknown[0]), Fraction(0))  # type: ignore[misc]
                region = solved.regions[unknown[0]]
                region.count, region.source = eq.value - known, f"computed from {eq.key}"
                changed = True
    failed = []
    for eq in solved.equations:
        counts = [solved.regions[m].count for m in eq.masks]
        if all(c is not None for c in counts) and sum(counts, Fraction(0)) != eq.value:  # type: ignore[arg-type]
            failed.append(eq)
    return failed


def count_text(value: Fraction) -> str:
    """A count as shown: a whole number, or a decimal."""
    if value.denominator == 1:
        return str(value.numerator).replace("-", "−")
    return f"{float(value):.6g}".replace("-", "−")
