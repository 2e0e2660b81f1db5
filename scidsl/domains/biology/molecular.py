"""Translation at a ribosome (the genetic code, codon–anticodon pairing) and red blood cells in solutions."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from scidsl.diagnostics import error, warning
from scidsl.domains.biology import kinds as k

BASES = "UCAG"
_ONE = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG"
THREE = {"A": "Ala", "R": "Arg", "N": "Asn", "D": "Asp", "C": "Cys", "Q": "Gln", "E": "Glu", "G": "Gly",
         "H": "His", "I": "Ile", "L": "Leu", "K": "Lys", "M": "Met", "F": "Phe", "P": "Pro", "S": "Ser",
         "T": "Thr", "W": "Trp", "Y": "Tyr", "V": "Val", "*": "stop"}
CODE = {a + b + c: THREE[_ONE[16 * i + 4 * j + m]] for i, a in enumerate(BASES) for j, b in enumerate(BASES)
        for m, c in enumerate(BASES)}
PAIR = {"A": "U", "U": "A", "G": "C", "C": "G"}
MAX_BASES = 36


def codons(mrna: str) -> list[str]:
    """The mRNA read in triplets from its 5' end."""
    seq = "".join(mrna.split()).upper()
    return [seq[i:i + 3] for i in range(0, len(seq), 3)]


def pairs(codon: str, anticodon: str) -> bool:
    """An anticodon written 3'→5' under a codon 5'→3': Watson–Crick pairs, G·U wobble at the third base."""
    if len(anticodon) != 3:
        return False
    for i, (c, a) in enumerate(zip(codon, anticodon)):
        if PAIR[c] != a and not (i == 2 and {c, a} == {"G", "U"}):
            return False
    return True


@dataclass
class TranslationPlan:
    """A translation figure: the codons, the P-site codon number, the anticodons and amino acids shown."""

    node: k.Translation
    codons: list[str]
    anticodons: list[str]
    amino: list[str]

    @property
    def sites(self) -> dict[str, int]:
        """Codon index (from 0) in each site of the ribosome that lies on the mRNA."""
        p = self.node.at - 1
        return {s: i for s, i in (("E", p - 1), ("P", p), ("A", p + 1)) if 0 <= i < len(self.codons)}


def check_translation(ctx: Any, node: k.Translation) -> None:
    """Bases of RNA in whole codons; the P site on the mRNA before any stop; stated anticodons pair, amino acids agree."""
    seq = "".join(node.mrna.split()).upper()
    span = node.span_of("mrna")
    if not seq or set(seq) - set(BASES) or len(seq) % 3 or len(seq) > MAX_BASES:
        why = ("mRNA has U where DNA has T" if "T" in seq else f"at most {MAX_BASES} bases" if len(seq) > MAX_BASES
               else "whole codons of A, C, G and U")
        ctx.report(error("E9040", f"translation {node.name}: '{node.mrna}' is not an mRNA of whole codons ({why})",
                         span, "write the mRNA 5'→3' in A, C, G, U, a multiple of three bases"))
        return
    cs = codons(seq)
    if cs[0] != "AUG":
        ctx.report(warning("W9040", f"translation {node.name}: the mRNA starts with {cs[0]}, not the start codon AUG",
                           span, "begin the reading frame at AUG"))
    stop = next((i for i, c in enumerate(cs) if CODE[c] == "stop"), None)
    if node.at > len(cs) or (stop is not None and node.at - 1 >= stop):
        ctx.report(error("E9043", f"translation {node.name}: codon {node.at} cannot be in the P site: "
                         + ("the mRNA has " + str(len(cs)) + " codons" if node.at > len(cs) else
                            f"codon {stop + 1} ({cs[stop]}) is a stop codon and ends translation"),
                         node.span_of("at"), "put a sense codon before the stop in the P site"))
    _check_anticodons(ctx, node, cs)
    _check_amino_acids(ctx, node, cs)


def _check_anticodons(ctx: Any, node: k.Translation, cs: list[str]) -> None:
    for i, (codon, anti) in enumerate(zip(cs, node.anticodons or [])):
        anti = anti.strip().upper()
        if CODE[codon] == "stop" and anti:
            ctx.report(error("E9041", f"translation {node.name}: no tRNA reads the stop codon {codon} (codon {i + 1})",
                             node.span_of("anticodons"), "a release factor binds a stop codon; give \"\" for it"))
        elif anti and not pairs(codon, anti):
            want = "".join(PAIR[b] for b in codon)
            ctx.report(error("E9041", f"translation {node.name}: the anticodon 3'-{anti}-5' does not pair with "
                             f"codon {i + 1}, 5'-{codon}-3'", node.span_of("anticodons"),
                             f"the anticodon of {codon} is 3'-{want}-5'"))


def _check_amino_acids(ctx: Any, node: k.Translation, cs: list[str]) -> None:
    for i, (codon, aa) in enumerate(zip(cs, node.amino_acids or [])):
        if aa.strip().capitalize() != CODE[codon] and not (CODE[codon] == "stop" and aa.strip() in ("", "-")):
            ctx.report(error("E9042", f"translation {node.name}: codon {i + 1}, {codon}, codes for {CODE[codon]}, "
                             f"not {aa}", node.span_of("amino_acids"), "the standard genetic code decides"))


def translation_plan(node: k.Translation) -> TranslationPlan:
    """Codons with their default anticodons and amino acids."""
    cs = codons(node.mrna)
    given = [a.strip().upper() for a in node.anticodons or []]
    anti = [given[i] if i < len(given) and given[i] else "".join(PAIR[b] for b in c) for i, c in enumerate(cs)]
    return TranslationPlan(node, cs, anti, [CODE[c] for c in cs])


def translation_facts(plan: TranslationPlan) -> list:
    """Codons, sites, anticodons, the chain made so far and the release at a stop codon."""
    from scidsl.pipeline import Fact

    name = plan.node.name or "translation"
    out = [Fact("codon", (name, i + 1), c, f"codon {i + 1}: 5'-{c}-3' codes for {plan.amino[i]}")
           for i, c in enumerate(plan.codons)]
    for site, i in plan.sites.items():
        what = "a release factor" if plan.amino[i] == "stop" else f"tRNA 3'-{plan.anticodons[i]}-5' ({plan.amino[i]})"
        if site == "E":
            what = f"the empty tRNA 3'-{plan.anticodons[i]}-5' leaving"
        out.append(Fact("site", (name, site), plan.codons[i], f"{site} site: codon {plan.codons[i]}, {what}"))
    chain = [a for a in plan.amino[:plan.node.at] if a != "stop"]
    out.append(Fact("polypeptide", (name,), chain, f"the chain so far: {'-'.join(chain)}"))
    stop = next((c for c in plan.codons if plan.amino[plan.codons.index(c)] == "stop"), None)
    if stop:
        whole = plan.amino[:plan.amino.index("stop")]
        out.append(Fact("protein", (name,), whole, f"the finished chain: {'-'.join(whole)} (released at {stop})"))
    return out


# ---- red blood cells --------------------------------------------------------------------------------


@dataclass
class BloodPlan:
    """A red blood cell as drawn: the tonicity of its solution."""

    node: k.BloodCell
    tonicity: str


def tonicity_of(node: k.BloodCell) -> Optional[str]:
    """From the concentrations when both are given, else as stated."""
    if node.inside is not None and node.outside is not None:
        if abs(node.outside - node.inside) <= 1e-9 * max(node.inside, 1e-12):
            return "isotonic"
        return "hypotonic" if node.outside < node.inside else "hypertonic"
    return node.solution


def check_blood(ctx: Any, node: k.BloodCell) -> None:
    """The solution is known, and agrees with the concentrations when both are given."""
    found = tonicity_of(node)
    if found is None:
        ctx.report(error("E9045", f"blood_cell {node.name}: give the solution or both concentrations",
                         node.span, "solution: hypotonic, or inside: 0.9, outside: 0.3"))
    elif node.solution is not None and found != node.solution:
        ctx.report(error("E9046", f"blood_cell {node.name}: a solution of {node.outside:g} outside a cell of "
                         f"{node.inside:g} is {found}, not {node.solution}", node.span_of("solution"),
                         f"solution: {found}"))


def blood_plan(node: k.BloodCell) -> BloodPlan:
    """The plan of a checked cell."""
    return BloodPlan(node, tonicity_of(node) or "isotonic")


SHAPES = {"hypotonic": ("swollen", "into the cell"), "isotonic": ("a normal biconcave disc", "equally in and out"),
          "hypertonic": ("shrunken and crenated", "out of the cell")}


def blood_facts(plan: BloodPlan) -> list:
    """Tonicity, net water movement and shape."""
    from scidsl.pipeline import Fact

    name = plan.node.name or "cell"
    shape, water = SHAPES[plan.tonicity]
    return [Fact("tonicity", (name,), plan.tonicity, f"{name} is in a {plan.tonicity} solution"),
            Fact("water", (name,), water, f"water moves {water} by osmosis"),
            Fact("shape", (name,), shape, f"the red blood cell is {shape}")]
