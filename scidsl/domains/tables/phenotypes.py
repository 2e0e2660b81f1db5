"""Phenotypes of offspring: the alleles each gene expresses, the sex, their names and ratios."""
from __future__ import annotations

from collections import Counter
from typing import Optional

from scidsl.domains.tables.genetics import Dominance, genotype_pairs, is_sex_pair, joined, tokens

Phenotype = tuple[tuple[tuple[str, ...], ...], Optional[str]]  # per gene the expressed alleles; the sex
SEX_ORDER = {None: 0, "female": 0, "male": 1}


def phenotype(genotype: str, dominance: Dominance | None = None) -> Phenotype:
    """Per gene the alleles expressed (the most dominant present; several when codominant), and the sex."""
    dominance = dominance or Dominance()
    genes, sex = [], None
    for pair in genotype_pairs(genotype, dominance):
        alleles = list(pair)
        if is_sex_pair(pair):
            sex = "male" if "Y" in pair else "female"
            alleles = [s for s in pair if s not in ("X", "Y")]
        if not alleles:
            genes.append(())
            continue
        top = min(dominance.rank(s) for s in alleles)
        genes.append(tuple(sorted({s for s in alleles if dominance.rank(s) == top})))
    return tuple(genes), sex


def dominant(expressed: tuple[str, ...], dominance: Dominance) -> bool:
    """True when a gene shows its dominant form."""
    return bool(expressed) and dominance.rank(expressed[0]) == 0


def phenotype_ratio(cells: list[str], dominance: Dominance | None = None) -> list[tuple[Phenotype, int]]:
    """(phenotype, count): dominant forms first, females before males."""
    dominance = dominance or Dominance()
    counts = Counter(phenotype(c, dominance) for c in cells)

    def key(ph: Phenotype) -> tuple:
        ranks = tuple((dominance.rank(e[0]) if e else 0, -len(e), e) for e in ph[0])
        return SEX_ORDER[ph[1]], ranks

    return sorted(counts.items(), key=lambda kv: key(kv[0]))


def phenotype_name(ph: Phenotype, genes: tuple[str, ...], traits: list[list[str]] | None,
                   names: dict[str, str] | None = None, dominance: Dominance | None = None) -> str:
    """'purple, round', 'AB', 'colour-blind male', or the textbook notation 'A_ bb'."""
    dominance = dominance or Dominance()
    parts = [_gene_name(e, i, genes[i], traits, names or {}, dominance) for i, e in enumerate(ph[0]) if e]
    text = (", " if traits or names else " ").join(parts)
    if ph[1]:
        return f"{text} {ph[1]}" if text else ph[1]
    return text


def _gene_name(expressed: tuple[str, ...], i: int, gene: str, traits: list[list[str]] | None,
               names: dict[str, str], dominance: Dominance) -> str:
    whole = joined(expressed)
    if whole in names:
        return names[whole]
    if all(e in names for e in expressed):
        parts = [names[e] for e in expressed]
        return ("" if all(len(p) == 1 for p in parts) else " and ").join(parts)
    if traits and i < len(traits):
        return traits[i][0 if dominant(expressed, dominance) else 1]
    if all(len(e) == 1 for e in expressed) and len(gene) == 1:
        return f"{gene}_" if dominant(expressed, dominance) else gene.lower() * 2
    return f"${whole}$"


def names_of(entries: list[list[str]] | None) -> dict[str, str]:
    """The `phenotypes` list [[allele or genotype, name], ...] as a lookup by normalised allele text."""
    return {joined(tokens(key)): name for key, name in entries or []}
