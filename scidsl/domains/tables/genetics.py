"""Mendelian crosses: genotypes parsed from text, gametes, offspring and their ratios.

A genotype is a row of allele symbols taken two at a time, one pair per gene: `AaBb`, `I^A i`
(multiple alleles), `X^A X^a` and `X^a Y` (an X-linked gene; the pair is the sex chromosomes).
Dominance comes from the case of an allele's letter (its superscript when it has one): capitals
dominate lower case, and two different capitals are codominant (`I^A I^B`), unless a dominance
order is given (`C > c^{ch} > c^h > c`).
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

MAX_GENES = 3
SEX = "XY"  # the gene name of the sex chromosomes
_CROSS = re.compile(r"^\s*(\S+)\s*(?:x|X|×|\*)\s*(\S+)\s*$")
_SPLIT = re.compile(r"\s*×\s*|\s+[x*]\s+")
_TOKEN = re.compile(r"\s*([A-Za-z])(?:\^(?:\{([A-Za-z0-9+\-]{1,6})\}|([A-Za-z0-9+\-])))?")


class GeneticsError(ValueError):
    """A cross that cannot be read; `code` is the diagnostic code."""

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.hint = hint


def tokens(text: str) -> list[str]:
    """'X^A X^a' → ['X^A', 'X^a']; superscripts of one character lose their braces."""
    out, pos = [], 0
    while pos < len(text.rstrip()):
        m = _TOKEN.match(text, pos)
        if m is None:
            raise GeneticsError("E7021", f"'{text}' is not a genotype of allele pairs",
                                "write two alleles per gene: Aa, AaBb, I^A i, X^A X^a, X^a Y")
        sup = m.group(2) or m.group(3)
        out.append(m.group(1) + (f"^{sup}" if sup and len(sup) == 1 else f"^{{{sup}}}" if sup else ""))
        pos = m.end()
    return out


def joined(symbols: list[str] | tuple[str, ...]) -> str:
    """Allele symbols as one text: 'Aa' for plain letters, 'I^A i' otherwise."""
    return ("" if all(len(s) == 1 for s in symbols) else " ").join(symbols)


def base(symbol: str) -> str:
    """The letter that decides dominance: the superscript when there is one."""
    return symbol.split("^", 1)[1].strip("{}") if "^" in symbol else symbol


@dataclass(frozen=True)
class Dominance:
    """Rank of every allele within its gene (0 = most dominant); equal ranks are codominant."""

    order: dict[str, int] = field(default_factory=dict)

    def rank(self, symbol: str) -> int:
        """The allele's rank within its gene."""
        if symbol in self.order:
            return self.order[symbol]
        return 0 if base(symbol)[:1].isupper() else 1

    def sort(self, pair: tuple[str, str]) -> tuple[str, str]:
        """The pair with the more dominant allele first (X before Y)."""
        sexed = is_sex_pair(pair)
        return tuple(sorted(pair, key=lambda s: (sexed and s == "Y", self.rank(s), s)))  # type: ignore[return-value]


def parse_dominance(text: str | None) -> Dominance:
    """'I^A = I^B > i' → ranks; None gives the rule of capitals."""
    if not text:
        return Dominance()
    order: dict[str, int] = {}
    for level, part in enumerate(text.split(">")):
        for sym in part.split("="):
            found = tokens(sym) if sym.strip() else []
            if len(found) != 1 or found[0] in order:
                raise GeneticsError("E7033", f"the dominance order '{text}' is not alleles joined by > and =",
                                    "write each allele once, most dominant first: 'I^A = I^B > i'")
            order[found[0]] = level
    return Dominance(order)


@dataclass(frozen=True)
class Genotype:
    """Allele pairs, one per gene, dominant allele first: (('A', 'a'), ('X^a', 'Y'))."""

    pairs: tuple[tuple[str, str], ...]

    @property
    def genes(self) -> tuple[str, ...]:
        """Each pair's gene: its letter in upper case, or X for the sex chromosomes."""
        return tuple(gene_of(p) for p in self.pairs)

    @property
    def sex(self) -> str | None:
        """female or male when the genotype has sex chromosomes."""
        sexed = [p for p in self.pairs if gene_of(p) == SEX]
        return None if not sexed else "male" if "Y" in sexed[0] else "female"

    def __str__(self) -> str:
        return joined([s for p in self.pairs for s in p])


def _chromosome(symbol: str) -> bool:
    return symbol in ("X", "Y") or symbol.startswith("X^")


def is_sex_pair(pair: tuple[str, ...]) -> bool:
    """True for X X, X Y and their X-linked alleles (X^A X^a, X^a Y)."""
    return all(_chromosome(s) for s in pair) and any(s[0] == "X" for s in pair)


def gene_of(pair: tuple[str, ...]) -> str:
    """The gene of an allele pair (XY for sex chromosomes)."""
    return SEX if is_sex_pair(pair) else pair[0][0].upper()


def parse_genotype(text: str, dominance: Dominance | None = None) -> Genotype:
    """'AaBb' or 'X^A X^a' → Genotype, each pair with its dominant allele first."""
    dominance = dominance or Dominance()
    symbols = tokens(text)
    if not symbols or len(symbols) % 2:
        raise GeneticsError("E7021", f"'{text}' is not a genotype of allele pairs",
                            "write two alleles per gene: Aa, AaBb, I^A i, X^A X^a, X^a Y")
    pairs = []
    for a, b in zip(symbols[::2], symbols[1::2]):
        if not is_sex_pair((a, b)) and a[0].upper() != b[0].upper():
            raise GeneticsError("E7021", f"'{joined([a, b])}' in '{text}' is not an allele pair: both "
                                "letters must name the same gene", "write one gene's two alleles together, "
                                "e.g. AaBb, not ABab")
        pairs.append(dominance.sort((a, b)))
    genes = [gene_of(p) for p in pairs]
    if len(set(genes)) != len(genes):
        raise GeneticsError("E7021", f"a gene appears twice in '{text}'", "write each gene's allele pair once")
    if len(pairs) > MAX_GENES:
        raise GeneticsError("E7023", f"'{text}' has {len(pairs)} genes; the limit is {MAX_GENES}",
                            "draw a cross of at most three genes")
    return Genotype(tuple(pairs))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Cross:
    """A cross of two parents; the first gives the columns, the second the rows."""

    first: Genotype
    second: Genotype
    dominance: Dominance = field(default_factory=Dominance)

    @property
    def genes(self) -> tuple[str, ...]:
        """The genes in the first parent's order."""
        return self.first.genes


def split_cross(text: str) -> tuple[str, str]:
    """'X^A X^a x X^a Y' → the two parents' texts."""
    parts = _SPLIT.split(text.strip())
    if len(parts) == 2 and all(parts):
        return parts[0], parts[1]
    m = _CROSS.match(text)
    if m is None or "^" in text:
        raise GeneticsError("E7020", f"'{text}' is not a cross of two genotypes",
                            "write it like 'Aa x Aa' or 'X^A X^a x X^a Y'")
    return m.group(1), m.group(2)


def parse_cross(text: str, dominance_text: str | None = None) -> Cross:
    """'Aa x Aa' → Cross; both parents must have the same genes, and of sex-linked ones opposite sexes."""
    dominance = parse_dominance(dominance_text)
    left, right = split_cross(text)
    first, second = parse_genotype(left, dominance), parse_genotype(right, dominance)
    if set(first.genes) != set(second.genes):
        raise GeneticsError("E7022", f"the parents {first} and {second} do not have the same genes "
                            f"({', '.join(first.genes)} and {', '.join(second.genes)})",
                            "give both parents one allele pair of every gene")
    if first.sex is not None and first.sex == second.sex:
        raise GeneticsError("E7031", f"both parents {first} and {second} are {first.sex}",
                            "cross a female (X X) with a male (X Y)")
    _check_known(first, second, dominance)
    order = {g: i for i, g in enumerate(first.genes)}
    second = Genotype(tuple(sorted(second.pairs, key=lambda p: order[gene_of(p)])))
    return Cross(first, second, dominance)


def _check_known(first: Genotype, second: Genotype, dominance: Dominance) -> None:
    if not dominance.order:
        return
    for s in [s for g in (first, second) for p in g.pairs for s in p]:
        if s not in dominance.order and s not in ("Y", "X") and any(_same_gene(s, o) for o in dominance.order):
            raise GeneticsError("E7030", f"the allele {s} is not in the dominance order",
                                f"add {s} to dominance: {' > '.join(dominance.order)}")


def _same_gene(a: str, b: str) -> bool:
    return a[0].upper() == b[0].upper()


def gametes(g: Genotype) -> list[str]:
    """Every gamete, one allele of each gene, in textbook order (AB, Ab, aB, ab); duplicates kept."""
    return [joined(combo) for combo in itertools.product(*g.pairs)]


def offspring(row_gamete: str, col_gamete: str, dominance: Dominance | None = None) -> str:
    """The genotype of the zygote of two gametes, dominant allele first within each gene."""
    dominance = dominance or Dominance()
    pairs = [dominance.sort((a, b)) for a, b in zip(tokens(col_gamete), tokens(row_gamete))]
    return joined([s for p in pairs for s in p])


def genotype_pairs(genotype: str, dominance: Dominance | None = None) -> tuple[tuple[str, str], ...]:
    """An offspring's text back into its pairs."""
    symbols = tokens(genotype)
    return tuple((dominance or Dominance()).sort((a, b)) for a, b in zip(symbols[::2], symbols[1::2]))


def ratio_text(counts: list[int]) -> str:
    """'9 : 3 : 3 : 1' reduced by the common divisor."""
    from math import gcd

    d = 0
    for c in counts:
        d = gcd(d, c)
    return " : ".join(str(c // max(d, 1)) for c in counts)


def genotype_ratio(cells: list[str], dominance: Dominance | None = None) -> list[tuple[str, int]]:
    """(genotype, count), most dominant first."""
    dominance = dominance or Dominance()
    counts = Counter(cells)

    def key(g: str) -> tuple:
        return tuple(r for p in genotype_pairs(g, dominance) for r in sorted(dominance.rank(s) for s in p)), g

    return sorted(counts.items(), key=lambda kv: key(kv[0]))
