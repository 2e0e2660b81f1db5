"""Chemical equations: parse ``2 H2 + O2 -> 2 H2O`` and prove element and charge conservation."""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from math import gcd, lcm

from .formula import Formula, charge_text, hill_formula, parse_formula
from .issues import ChemError, ChemIssue

MAX_SPECIES = 40
MAX_COEFFICIENT = 10**6

# Longest first so that "<=>" is not read as "=>".
ARROWS: tuple[tuple[str, str], ...] = (
    ("<=>", "equilibrium"), ("⇌", "equilibrium"), ("⇄", "equilibrium"),
    ("<->", "resonance"), ("↔", "resonance"), ("⟷", "resonance"),
    ("-->", "forward"), ("->", "forward"), ("→", "forward"), ("⟶", "forward"),
    ("=>", "forward"), ("=", "forward"),
)
_COEF = re.compile(r"(\d+(?:/\d+)?|\d*\.\d+)\s*")
_PLUS = re.compile(r"\s\+\s")


@dataclass(frozen=True)
class Term:
    """One species in an equation with its coefficient and where it sits in the source."""

    coefficient: Fraction
    formula: Formula
    offset: int
    length: int
    explicit_coefficient: bool = False


@dataclass(frozen=True)
class Equation:
    """A parsed equation: reactant and product terms and the kind of arrow."""

    reactants: tuple[Term, ...]
    products: tuple[Term, ...]
    arrow: str
    arrow_offset: int = 0

    @property
    def terms(self) -> tuple[Term, ...]:
        """All terms, reactants first."""
        return self.reactants + self.products


def _find_arrow(text: str) -> tuple[int, str, str]:
    for token, kind in ARROWS:
        at = text.find(token)
        if at >= 0 and (token != "=" or "==" not in text):
            return at, token, kind
    raise ChemError([ChemIssue("E3022", "equation has no reaction arrow", 0, max(1, len(text)),
                               hint="write reactants -> products (or <=> for an equilibrium)")])


def _parse_term(text: str, offset: int) -> Term:
    stripped = text.strip()
    start = offset + len(text) - len(text.lstrip())
    if not stripped:
        raise ChemError([ChemIssue("E3022", "empty species between '+' signs", offset,
                                   max(1, len(text)))])
    coef, explicit = Fraction(1), False
    m = _COEF.match(stripped)
    if m and m.end() < len(stripped) and not stripped[m.end()] in "+-^":
        coef, explicit = _coefficient(m.group(1), start), True
        body_at = m.end()
    else:
        body_at = 0
    try:
        formula = parse_formula(stripped[body_at:])
    except ChemError as err:
        raise ChemError([i.shifted(start + body_at) for i in err.issues]) from None
    return Term(coef, formula, start, len(stripped), explicit)


def _coefficient(text: str, at: int) -> Fraction:
    value = Fraction(text)
    if value <= 0 or value > MAX_COEFFICIENT:
        raise ChemError([ChemIssue("E3022", f"coefficient {text} is out of range", at, len(text))])
    return value


def _split_side(text: str, offset: int) -> list[Term]:
    if not text.strip():
        raise ChemError([ChemIssue("E3022", "one side of the equation is empty", offset, 1,
                                   hint="write species on both sides of the arrow")])
    terms, issues, pos = [], [], 0
    for m in list(_PLUS.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        try:
            terms.append(_parse_term(text[pos:end], offset + pos))
        except ChemError as err:
            issues.extend(err.issues)
        pos = m.end() if m else pos
    if issues:
        raise ChemError(issues)
    return terms


def parse_equation(text: str) -> Equation:
    """Parse a chemical equation; raise ``ChemError`` with located issues on malformed input."""
    at, token, kind = _find_arrow(text)
    left, right = text[:at], text[at + len(token):]
    issues: list[ChemIssue] = []
    sides: list[list[Term]] = []
    for part, off in ((left, 0), (right, at + len(token))):
        try:
            sides.append(_split_side(part, off))
        except ChemError as err:
            issues.extend(err.issues)
    if issues:
        raise ChemError(issues)
    if len(sides[0]) + len(sides[1]) > MAX_SPECIES:
        raise ChemError([ChemIssue("E3022", f"more than {MAX_SPECIES} species", 0, len(text))])
    return Equation(tuple(sides[0]), tuple(sides[1]), kind, at)


def composition_rows(species: list[tuple[dict[str, int], int]]) -> tuple[list[str], list[list[int]]]:
    """Return the row keys (elements, then 'charge') and the matrix: one column per species."""
    keys = sorted({e for counts, _ in species for e in counts})
    rows = [[counts.get(k, 0) for counts, _ in species] for k in keys]
    if any(charge for _, charge in species):
        keys.append("charge")
        rows.append([charge for _, charge in species])
    return keys, rows


def imbalances(eq: Equation) -> dict[str, Fraction]:
    """Return ``{element or 'charge': products - reactants}`` for every quantity not conserved."""
    out: dict[str, Fraction] = {}
    keys = sorted({e for t in eq.terms for e in t.formula.counts}) + ["charge"]
    for k in keys:
        diff = _side_amount(eq.products, k) - _side_amount(eq.reactants, k)
        if diff:
            out[k] = diff
    return out


def _side_amount(terms: tuple[Term, ...], key: str) -> Fraction:
    """Total of one element (or of charge) over the terms of one side."""
    return sum((t.coefficient * (t.formula.charge if key == "charge" else t.formula.counts.get(key, 0))
                for t in terms), Fraction(0))


def smallest_coefficients(reactants: list[tuple[dict[str, int], int]],
                          products: list[tuple[dict[str, int], int]]) -> list[int] | None:
    """Return the smallest positive integer coefficients that balance the species, if unique.

    Exact: the null space of the composition matrix (products negated) is computed by sympy over
    the rationals. ``None`` when no positive balancing exists or it is not unique up to scale.
    """
    from sympy import Matrix

    signed = list(reactants) + [(c, q) for c, q in products]
    _, rows = composition_rows(signed)
    n_r = len(reactants)
    mat = Matrix([[v if j < n_r else -v for j, v in enumerate(row)] for row in rows])
    basis = mat.nullspace()
    if len(basis) != 1:
        return None
    vec = [Fraction(int(x.p), int(x.q)) for x in basis[0]]
    if all(v < 0 for v in vec):
        vec = [-v for v in vec]
    if any(v <= 0 for v in vec):
        return None
    scale = lcm(*(v.denominator for v in vec))
    ints = [int(v * scale) for v in vec]
    g = gcd(*ints)
    return [i // g for i in ints]


def deduce_unknown(eq: Equation) -> tuple[dict[str, int], int] | None:
    """The composition and charge of the one ``?`` species that balances the equation, if any."""
    unknown = [t for t in eq.terms if t.formula.unknown]
    if len(unknown) != 1:
        return None
    term = unknown[0]
    sign = 1 if term in eq.products else -1
    diff = imbalances(eq)  # products − reactants without the unknown (it has no atoms)
    counts: dict[str, int] = {}
    for key, v in diff.items():
        if key == "charge":
            continue
        n = -sign * v / term.coefficient
        if n <= 0 or n.denominator != 1:
            return None
        counts[key] = int(n)
    charge = -sign * diff.get("charge", Fraction(0)) / term.coefficient
    if charge.denominator != 1 or not counts and charge != -1:  # no atoms left: only an electron
        return None
    return counts, int(charge)


def check_balance(eq: Equation, skeleton: bool = False) -> list[ChemIssue]:
    """Return issues for every element or charge the equation does not conserve.

    A skeleton (to be balanced by the reader) is only required to be balanceable; an equation with
    one unknown species ``?`` is required to leave a whole species for it.
    """
    if any(t.formula.unknown for t in eq.terms):
        return _check_unknown(eq, skeleton)
    if skeleton:
        species = [(dict(t.formula.counts), t.formula.charge) for t in eq.terms]
        if smallest_coefficients(species[:len(eq.reactants)], species[len(eq.reactants):]) is None:
            return [ChemIssue("E3076", "no set of positive coefficients balances this skeleton", 0, 1,
                              hint="check the formulas of the species")]
        return []
    diff = imbalances(eq)
    if not diff:
        return []
    species = [(dict(t.formula.counts), t.formula.charge) for t in eq.terms]
    best = smallest_coefficients(species[:len(eq.reactants)], species[len(eq.reactants):])
    hint = _balance_hint(eq, best)
    issues = []
    elements = {k: v for k, v in diff.items() if k != "charge"}
    if elements:
        parts = ", ".join(f"{k} {_fmt_side(v)}" for k, v in elements.items())
        issues.append(ChemIssue("E3020", f"equation is not balanced: {parts}", 0, 1, hint=hint))
    if "charge" in diff:
        issues.append(ChemIssue("E3021", "charge is not conserved: reactants "
                                f"{_charge(eq.reactants)}, products {_charge(eq.products)}",
                                0, 1, hint=None if elements else hint))
    return issues


def _check_unknown(eq: Equation, skeleton: bool) -> list[ChemIssue]:
    n = sum(1 for t in eq.terms if t.formula.unknown)
    if skeleton or n > 1:
        return []  # nothing to deduce: the reader finds the species (and the coefficients)
    if deduce_unknown(eq) is None:
        parts = ", ".join(f"{k} {_fmt_side(v)}" for k, v in imbalances(eq).items()) or "nothing is left"
        return [ChemIssue("E3075", f"no species can stand for '?': {parts}", 0, 1,
                          hint="check the coefficients and formulas, or write skeleton: true")]
    return []


def unknown_text(counts: dict[str, int], charge: int) -> str:
    """A deduced species as a formula, e.g. FeSO4, Fe^2+ or e-."""
    if not counts:
        return "e-"
    body = hill_formula(counts) if "C" in counts else "".join(
        k + (str(v) if v != 1 else "") for k, v in sorted(counts.items(), key=_electropositive))
    return body + (f"^{charge_text(charge)}" if charge else "")


def _electropositive(item: tuple[str, int]) -> tuple[int, str]:
    """Metals and hydrogen first, then the non-metals in the usual order (C N P S ... O F)."""
    order = "H B Si C Sb As P N Te Se S At I Br Cl O F".split()
    return (order.index(item[0]) + 1 if item[0] in order else 0, item[0])


def _fmt_side(v: Fraction) -> str:
    return f"{abs(v)} more on the {'product' if v > 0 else 'reactant'} side"


def _charge(terms: tuple[Term, ...]) -> str:
    total = sum((t.coefficient * t.formula.charge for t in terms), Fraction(0))
    return ("+" if total > 0 else "") + str(total) if total else "0"


def _balance_hint(eq: Equation, best: list[int] | None) -> str:
    if best is None:
        return "no unique set of coefficients balances these species; check the formulas"
    names = [t.formula.text for t in eq.terms]
    n_r = len(eq.reactants)

    def side(lo: int, hi: int) -> str:
        return " + ".join((f"{best[i]} " if best[i] != 1 else "") + names[i] for i in range(lo, hi))
    return f"balanced: {side(0, n_r)} -> {side(n_r, len(names))}"


def format_equation(eq: Equation) -> str:
    """Return the equation as plain text with its coefficients."""
    def side(terms: tuple[Term, ...]) -> str:
        return " + ".join((f"{t.coefficient} " if t.coefficient != 1 else "") + t.formula.text
                          for t in terms)
    arrow = {"forward": "->", "equilibrium": "<=>", "resonance": "<->"}[eq.arrow]
    return f"{side(eq.reactants)} {arrow} {side(eq.products)}"


def element_totals(terms: tuple[Term, ...]) -> str:
    """Return the Hill formula of everything on one side (for facts)."""
    total: dict[str, int] = {}
    for t in terms:
        for k, v in t.formula.counts.items():
            total[k] = total.get(k, 0) + int(t.coefficient * v)
    return hill_formula(total)
