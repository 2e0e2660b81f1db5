"""Checks of a cross against what its statement claims: phenotype names and the expected ratio."""
from __future__ import annotations

import re
from math import gcd
from typing import Any

from scidsl.domains.tables.genetics import Cross, GeneticsError, gametes, offspring, tokens
from scidsl.domains.tables.phenotypes import phenotype_ratio

Problem = tuple[str, str, str, str]  # code, message, property, hint
_RATIO = re.compile(r"^\s*\d{1,6}(\s*:\s*\d{1,6}){0,63}\s*$")


def cells(cross: Cross) -> list[str]:
    """Every offspring of the square, row by row (rows: the second parent's gametes)."""
    top, side = gametes(cross.first), gametes(cross.second)
    return [offspring(r, c, cross.dominance) for r in side for c in top]


def alleles_of(cross: Cross) -> set[str]:
    """Every allele symbol either parent carries."""
    return {s for g in (cross.first, cross.second) for p in g.pairs for s in p}


def check_phenotypes(node: Any, cross: Cross) -> list[Problem]:
    """Each `phenotypes` entry is [allele or genotype, name] over alleles of the cross."""
    out: list[Problem] = []
    have = alleles_of(cross)
    for entry in node.phenotypes or []:
        try:
            symbols = tokens(entry[0]) if len(entry) == 2 else []
        except GeneticsError:
            symbols = []
        if not 1 <= len(symbols) <= 2:
            out.append(("E7034", f"{entry} is not an [allele or genotype, name] pair", "phenotypes",
                        "write pairs like [\"I^A\", \"A\"] or [\"C^R C^W\", \"roan\"]"))
            continue
        genes = {s[0].upper() for s in have}
        missing = [s for s in symbols if s[0].upper() not in genes]
        if missing:
            out.append(("E7030", f"the phenotype {entry[1]!r} names {', '.join(missing)}, an allele of no gene "
                        "of the cross",
                        "phenotypes", f"the alleles of this cross: {', '.join(sorted(have))}"))
    return out


def reduced(counts: list[int]) -> list[int]:
    """Counts divided by their common divisor."""
    d = 0
    for c in counts:
        d = gcd(d, c)
    return [c // max(d, 1) for c in counts]


def check_ratio(node: Any, cross: Cross) -> list[Problem]:
    """A stated phenotype ratio must be the computed one (in any order)."""
    if node.ratio is None:
        return []
    computed = reduced([n for _, n in phenotype_ratio(cells(cross), cross.dominance)])
    shown = " : ".join(map(str, computed))
    if not _RATIO.match(node.ratio):
        return [("E7035", f"the ratio {node.ratio!r} is not whole numbers joined by ':'", "ratio",
                 f"this cross gives {shown}")]
    stated = reduced([int(p) for p in node.ratio.split(":")])
    if sorted(stated) != sorted(computed) or 0 in stated:
        return [("E7035", f"the stated ratio {node.ratio} is not the phenotype ratio of {cross.first} x "
                 f"{cross.second}, which is {shown}", "ratio", f"write ratio: \"{shown}\"")]
    return []

