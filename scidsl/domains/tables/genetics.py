"""Mendelian crosses: genotypes parsed from text, gametes, offspring and their ratios."""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

MAX_GENES = 3
_CROSS = re.compile(r"^\s*(\S+)\s*(?:x|X|×|\*)\s*(\S+)\s*$")


class GeneticsError(ValueError):
    """A cross that cannot be read; `code` is the diagnostic code."""

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.hint = hint


@dataclass(frozen=True)
class Genotype:
    """Allele pairs, one per gene, dominant allele first: (('A', 'a'), ('B', 'B'))."""

    pairs: tuple[tuple[str, str], ...]

    @property
    def genes(self) -> tuple[str, ...]:
        """The genes' letters in upper case, in order."""
        return tuple(p[0].upper() for p in self.pairs)

    def __str__(self) -> str:
        return "".join(a + b for a, b in self.pairs)


@dataclass(frozen=True)
class Cross:
    """A cross of two parents; the first gives the columns, the second the rows."""

    first: Genotype
    second: Genotype

    @property
    def genes(self) -> tuple[str, ...]:
        """The genes in the first parent's order."""
        return self.first.genes


def parse_genotype(text: str) -> Genotype:
    """'AaBb' → Genotype; allele pairs of one letter each, capital = dominant."""
    if not text.isascii() or not text.isalpha() or len(text) % 2:
        raise GeneticsError("E7021", f"'{text}' is not a genotype of allele pairs",
                            "write two letters per gene, capital for the dominant allele: Aa, AaBb, aabb")
    pairs = []
    for i in range(0, len(text), 2):
        a, b = text[i], text[i + 1]
        if a.upper() != b.upper():
            raise GeneticsError("E7021", f"'{a}{b}' in '{text}' is not an allele pair: both letters must name "
                                "the same gene", "write one gene's two alleles together, e.g. AaBb, not ABab")
        pairs.append(tuple(sorted((a, b))))  # capital letters sort first: dominant allele first
    genes = [p[0].upper() for p in pairs]
    if len(set(genes)) != len(genes):
        raise GeneticsError("E7021", f"a gene appears twice in '{text}'", "write each gene's allele pair once")
    if len(pairs) > MAX_GENES:
        raise GeneticsError("E7023", f"'{text}' has {len(pairs)} genes; the limit is {MAX_GENES}",
                            "draw a cross of at most three genes")
    return Genotype(tuple(pairs))  # type: ignore[arg-type]


def parse_cross(text: str) -> Cross:
    """'Aa x Aa' → Cross; both parents must have the same genes."""
    m = _CROSS.match(text)
    if m is None:
        raise GeneticsError("E7020", f"'{text}' is not a cross of two genotypes", "write it like 'Aa x Aa'")
    first, second = parse_genotype(m.group(1)), parse_genotype(m.group(2))
    if set(first.genes) != set(second.genes):
        raise GeneticsError("E7022", f"the parents {first} and {second} do not have the same genes "
                            f"({', '.join(first.genes)} and {', '.join(second.genes)})",
                            "give both parents one allele pair of every gene")
    order = {g: i for i, g in enumerate(first.genes)}
    second = Genotype(tuple(sorted(second.pairs, key=lambda p: order[p[0].upper()])))
    return Cross(first, second)


def gametes(g: Genotype) -> list[str]:
    """Every gamete, one allele of each gene, in textbook order (AB, Ab, aB, ab); duplicates kept."""
    return ["".join(combo) for combo in itertools.product(*g.pairs)]


def offspring(row_gamete: str, col_gamete: str) -> str:
    """The genotype of the zygote of two gametes, dominant allele first within each gene."""
    return "".join("".join(sorted((a, b))) for a, b in zip(col_gamete, row_gamete))


def phenotype(genotype: str) -> tuple[bool, ...]:
    """Per gene: True when the dominant allele is present."""
    return tuple(genotype[i].isupper() for i in range(0, len(genotype), 2))


def genotype_ratio(cells: list[str]) -> list[tuple[str, int]]:
    """(genotype, count), most dominant first."""
    counts = Counter(cells)
    return sorted(counts.items(), key=lambda kv: (_dominance_key(kv[0]), kv[0]))


def phenotype_ratio(cells: list[str]) -> list[tuple[tuple[bool, ...], int]]:
    """(phenotype, count), dominant phenotypes first."""
    counts = Counter(phenotype(c) for c in cells)
    return sorted(counts.items(), key=lambda kv: tuple(not d for d in kv[0]))


def _dominance_key(genotype: str) -> tuple[int, ...]:
    return tuple(-sum(ch.isupper() for ch in genotype[i:i + 2]) for i in range(0, len(genotype), 2))


def phenotype_name(ph: tuple[bool, ...], genes: tuple[str, ...], traits: list[list[str]] | None) -> str:
    """'purple, round' from traits, or the textbook notation 'A_ bb'."""
    if traits:
        return ", ".join(traits[i][0 if dom else 1] for i, dom in enumerate(ph))
    return " ".join(f"{g}_" if dom else g.lower() * 2 for g, dom in zip(genes, ph))


def ratio_text(counts: list[int]) -> str:
    """'9 : 3 : 3 : 1' reduced by the common divisor."""
    from math import gcd

    d = 0
    for c in counts:
        d = gcd(d, c)
    return " : ".join(str(c // max(d, 1)) for c in counts)
