"""What a Punnett square's reader must decode: a key from allele letters to traits, and the phenotype ratio."""

from __future__ import annotations

from typing import Any

from scidsl.answers import hides
from scidsl.domains.tables import genetics as gen
from scidsl.domains.tables import phenotypes as phen

KEY_ROW = ""  # a legend row with no swatch


def allele_key(node: Any, cross: gen.Cross) -> list[tuple[str, str]]:
    """(allele, trait) for every allele of the cross that `traits` or `phenotypes` names, dominant first."""
    names = {key: name for key, name in (node.phenotypes or []) if len(gen.tokens(key)) == 1}
    out: list[tuple[str, str]] = []
    for i, gene in enumerate(cross.genes):
        alleles = _alleles(cross, i, gene)
        for symbol in sorted(alleles, key=lambda s: (cross.dominance.rank(s), s)):
            trait = _trait(node, i, symbol, cross, names)
            if trait:
                out.append((symbol, trait))
    return out


def _alleles(cross: gen.Cross, i: int, gene: str) -> set[str]:
    """The alleles of gene i in either parent (a Y chromosome carries none of an X-linked gene)."""
    return {s for g in (cross.first, cross.second) for s in g.pairs[i] if not (gene == gen.SEX and s == "Y")}


def _trait(node: Any, i: int, symbol: str, cross: gen.Cross, names: dict[str, str]) -> str | None:
    for key, name in names.items():
        if gen.joined(gen.tokens(key)) == gen.joined(gen.tokens(symbol)):
            return name
    traits = node.traits or []
    if i >= len(traits) or len(traits[i]) != 2:
        return None
    top = min(cross.dominance.rank(s) for s in _alleles(cross, i, cross.genes[i]))
    return traits[i][0] if cross.dominance.rank(symbol) == top else traits[i][1]


def ratio_row(node: Any, cross: gen.Cross, children: list[str]) -> str:
    """`phenotype ratio 9 : 3 : 3 : 1`, in the order of the legend."""
    return "phenotype ratio " + gen.ratio_text([n for _, n in phen.phenotype_ratio(children, cross.dominance)])


def annotation_rows(node: Any, cross: gen.Cross, children: list[str]) -> list[tuple[str, str]]:
    """Legend rows without a swatch for the `show` switches: the key, then the ratio unless it is an answer."""
    rows = []
    if "key" in node.show:
        key = allele_key(node, cross)
        for gene in dict.fromkeys(gen.gene_of((s, s)) for s, _ in key):
            same = [f"${s}$: {t}" for s, t in key if gen.gene_of((s, s)) == gene]
            rows.append((KEY_ROW, ", ".join(same)))
    if "ratio" in node.show and not hides(node):
        rows.append((KEY_ROW, ratio_row(node, cross, children)))
    return rows


def key_facts(node: Any, owner: str) -> list:
    """The allele key as a fact (a given the figure shows when the key is drawn)."""
    from scidsl.pipeline import Fact

    cross = gen.parse_cross(node.cross_text(), node.dominance)
    key = allele_key(node, cross)
    if not key:
        return []
    text = "; ".join(f"{s}: {t}" for s, t in key)
    return [Fact("allele_key", (owner,), dict(key), f"key {text}", hidden="key" not in node.show)]
