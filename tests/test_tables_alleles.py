"""Punnett squares of multiple alleles, codominance and X-linked genes, against brute-force enumeration."""
from __future__ import annotations

import itertools
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.domains.tables import genetics as gen
from tests.conftest import compile_ok as _compile

ABO = ["I^A", "I^B", "i"]
X_ALLELES = ["X^B", "X^b"]


def _pairs(text: str) -> list[tuple[str, str]]:
    symbols = gen.tokens(text)
    return list(zip(symbols[::2], symbols[1::2]))


def _canonical(genotype: str) -> tuple:
    """A genotype as a sorted tuple of sorted pairs: independent of any display order."""
    return tuple(sorted(tuple(sorted(p)) for p in _pairs(genotype)))


def _enumerate(first: str, second: str) -> Counter:
    """Every zygote: each parent gives one allele of each gene, all choices equally likely."""
    out: Counter = Counter()
    a, b = _pairs(first), _pairs(second)
    b_by_gene = {gen.gene_of(p): p for p in b}
    for picks in itertools.product(*[(0, 1)] * (2 * len(a))):
        zygote = [(pa[picks[2 * i]], b_by_gene[gen.gene_of(pa)][picks[2 * i + 1]]) for i, pa in enumerate(a)]
        out[tuple(sorted(tuple(sorted(z)) for z in zygote))] += 1
    return out


def _blood_group(zygote: tuple) -> str:
    """ABO phenotype by the textbook rule, written out independently of the compiler."""
    alleles = {s for pair in zygote for s in pair if s in ABO}
    shown = "".join(g for g, a in (("A", "I^A"), ("B", "I^B")) if a in alleles)
    return shown or "O"


def _offspring(result) -> Counter:  # type: ignore[no-untyped-def]
    return Counter(_canonical(f.value) for f in result.facts if f.predicate == "offspring")


ABO_GENOTYPE = st.tuples(st.sampled_from(ABO), st.sampled_from(ABO)).map(" ".join)
GENE_B = st.sampled_from(["BB", "Bb", "bb"])


@settings(max_examples=15, deadline=None)
@given(ABO_GENOTYPE, ABO_GENOTYPE, GENE_B, GENE_B, st.booleans())
def test_multiple_allele_crosses_match_enumeration(first: str, second: str, b1: str, b2: str, two: bool) -> None:
    left, right = (f"{first} {b1}", f"{second} {b2}") if two else (first, second)
    names = '[["I^A", "A"], ["I^B", "B"], ["i", "O"]]'
    result = _compile(f'punnett_square p {{ cross: "{left} x {right}", phenotypes: {names} }}')
    want = _enumerate(left, right)
    assert _offspring(result) == want
    if not two:
        ratio = next(f for f in result.facts if f.predicate == "phenotype_ratio").value
        groups = Counter()
        for zygote, n in want.items():
            groups[_blood_group(zygote)] += n
        assert ratio == dict(groups)


X_FEMALE = st.tuples(st.sampled_from(X_ALLELES), st.sampled_from(X_ALLELES)).map(" ".join)
X_MALE = st.sampled_from(X_ALLELES).map(lambda a: f"{a} Y")


@settings(max_examples=15, deadline=None)
@given(X_FEMALE, X_MALE, st.booleans(), st.sampled_from(["", "Aa ", "aa "]))
def test_sex_linked_crosses_match_enumeration(mother: str, father: str, father_first: bool, auto: str) -> None:
    left, right = (auto + father, auto + mother) if father_first else (auto + mother, auto + father)
    result = _compile(f'punnett_square p {{ cross: "{left} x {right}", traits: {_traits(auto)} }}')
    want = _enumerate(left, right)
    assert _offspring(result) == want
    ratio = next(f for f in result.facts if f.predicate == "phenotype_ratio").value
    sexes: Counter = Counter()
    for zygote, n in want.items():
        x_pair = next(p for p in zygote if "Y" in p or all(s.startswith("X") for s in p))
        sick = all(s in ("X^b", "Y") for s in x_pair)
        sexes[("male" if "Y" in x_pair else "female", sick)] += n
    shown: Counter = Counter()
    for name, n in ratio.items():
        shown[(name.split()[-1], "barred" not in name)] += n
    assert shown == sexes


def _traits(auto: str) -> str:
    return '[["tall", "short"], ["barred", "plain"]]' if auto else '[["barred", "plain"]]'


def test_abo_gives_four_groups_and_colour_blindness_splits_by_sex() -> None:
    abo = _compile('punnett_square p { cross: "I^A i x I^B i", phenotypes: [["I^A", "A"], ["I^B", "B"], ["i", "O"]] }')
    assert next(f for f in abo.facts if f.predicate == "phenotype_ratio").value == {"AB": 1, "A": 1, "B": 1, "O": 1}
    x = _compile('punnett_square p { cross: "X^A X^a x X^A Y", traits: [["normal", "colour-blind"]] }')
    assert next(f for f in x.facts if f.predicate == "phenotype_ratio").value == {
        "normal female": 2, "normal male": 1, "colour-blind male": 1}


def test_dominance_order_and_codominant_pair_names() -> None:
    assert gen.parse_cross("c C x c c", "C > c").first.pairs == (("C", "c"),)
    roan = _compile('punnett_square p { cross: "C^R C^W x C^R C^W", '
                    'phenotypes: [["C^R", "red"], ["C^W", "white"], ["C^R C^W", "roan"]] }')
    assert next(f for f in roan.facts if f.predicate == "phenotype_ratio").value == {"roan": 2, "red": 1, "white": 1}
    assert gen.tokens("I^{A}i") == ["I^A", "i"] and gen.tokens("c^{ch}") == ["c^{ch}"]
