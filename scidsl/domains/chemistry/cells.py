"""Checks of cubic cells built from `crystal_site` statements: owner, sites, formula, neutrality."""
from __future__ import annotations

from fractions import Fraction
from math import gcd
from typing import Any

from scidsl.diagnostics import Diagnostic, did_you_mean, error

from .crystal import normalise_lattice
from .issues import ChemError
from .sites import SiteSet, collect_sites, per_cell


def _is_site_cell(crystal: Any) -> bool:
    return normalise_lattice(crystal.lattice) == "sc"


def check_site_owner(site: Any, nodes: list[Any]) -> list[Diagnostic]:
    """A crystal_site belongs to a cubic crystal that lists no species of its own."""
    crystals = {n.name: n for n in nodes if getattr(n, "kind", "") == "crystal"}
    target = crystals.get(site.of)
    if target is None:
        return [error("E3067", f"crystal_site {site.species} is 'of {site.of}', which is not a crystal",
                      site.span_of("of"), did_you_mean(site.of, list(crystals)))]
    if not _is_site_cell(target) or target.species:
        return [error("E3067", f"crystal {site.of} is a {target.lattice} cell with its own sites",
                      site.span_of("of"), f"write crystal {site.of} {{ lattice: cubic }} and place every "
                      "ion with crystal_site", related=((target.span, "the crystal"),))]
    return []


def _edge_m(node: Any, out: list[Diagnostic]) -> float | None:
    if node.edge is None:
        return None
    from scidsl.units import DIMENSIONS, parse_unit

    info = parse_unit(node.edge.unit) if node.edge.unit else None
    if info is None or info.dim != DIMENSIONS["length"] or node.edge.si <= 0:
        out.append(error("E3073", f"the edge {node.edge} is not a length", node.span_of("edge"),
                         "e.g. edge: 390 pm"))
        return None
    return float(node.edge.si)


def check_site_cell(node: Any, sites: list[Any], out: list[Diagnostic]) -> Any:
    """Expand the sites, then check the stated formula and the charge balance."""
    from .analysis import CrystalEntry

    entry = CrystalEntry(node)
    if not _is_site_cell(node) or node.species:
        return entry  # reported on each site by check_site_owner
    before = len(out)
    site_set, diags = collect_sites(node, sites, _edge_m(node, out))
    out.extend(diags)
    if len(out) > before:
        return entry
    _check_formula(node, site_set, out)
    entry.lattice, entry.species, entry.site_set = "sc", tuple(site_set.species), site_set
    return entry


def cell_counts(site_set: SiteSet) -> tuple[dict[str, Fraction], Fraction]:
    """Element counts and net charge of the ions belonging to one cell."""
    from .formula import parse_formula

    counts: dict[str, Fraction] = {}
    charge = Fraction(0)
    for name, n in zip(site_set.species, per_cell(site_set)):
        f = parse_formula(name)
        for el, c in f.counts.items():
            counts[el] = counts.get(el, Fraction(0)) + n * c
        charge += n * f.charge
    return counts, charge


def reduced(counts: dict[str, Fraction]) -> dict[str, int]:
    """Smallest whole-number ratio of element counts."""
    den = 1
    for v in counts.values():
        den = den * v.denominator // gcd(den, v.denominator)
    ints = {k: int(v * den) for k, v in counts.items()}
    g = 0
    for v in ints.values():
        g = gcd(g, v)
    return {k: v // max(g, 1) for k, v in ints.items()}


def formula_of(site_set: SiteSet) -> str:
    """The formula the cell contents give, cations first (CaTiO3, ReO3, CaF2)."""
    return formula_from_counts(site_set, cell_counts(site_set)[0])


def formula_from_counts(site_set: SiteSet, counts: dict[str, Fraction]) -> str:
    """Element counts written as a formula in the order of the species, cations first."""
    from .formula import parse_formula

    ratio = reduced(counts)
    order = sorted(range(len(site_set.species)), key=lambda i: parse_formula(site_set.species[i]).charge < 0)
    text = ""
    for i in order:
        for el in parse_formula(site_set.species[i]).counts:
            if el in ratio:
                n = ratio.pop(el)
                text += el + (str(n) if n != 1 else "")
    return text


def check_lattice_formula(node: Any, lattice: str, species: tuple[str, ...], out: list[Diagnostic]) -> None:
    """The stated formula of a built-in lattice against its atoms per cell."""
    from .crystal import atoms_per_cell

    site_set = SiteSet(list(species), [], [])
    counts = _element_counts(site_set, atoms_per_cell(lattice))
    _compare_formula(node, counts, f"{formula_from_counts(site_set, counts)}", out,
                     ", ".join(f"{n} {s}" for s, n in zip(species, atoms_per_cell(lattice))))


def _element_counts(site_set: SiteSet, per: list[Fraction]) -> dict[str, Fraction]:
    from .formula import parse_formula

    counts: dict[str, Fraction] = {}
    for name, n in zip(site_set.species, per):
        for el, c in parse_formula(name).counts.items():
            counts[el] = counts.get(el, Fraction(0)) + n * c
    return counts


def _compare_formula(node: Any, counts: dict[str, Fraction], gives: str, out: list[Diagnostic],
                     holds: str) -> None:
    from .formula import parse_formula

    try:
        stated = parse_formula(node.formula)
    except ChemError as err:
        out.append(error(err.issues[0].code, f"formula '{node.formula}': {err.issues[0].message}",
                         node.span_of("formula")))
        return
    if reduced({k: Fraction(v) for k, v in stated.counts.items()}) != reduced(counts):
        out.append(error("E3071", f"one cell of {node.name} holds {holds}, which gives {gives}, not "
                         f"{node.formula}", node.span_of("formula")))


def _check_formula(node: Any, site_set: SiteSet, out: list[Diagnostic]) -> None:
    try:
        counts, charge = cell_counts(site_set)
    except ChemError as err:
        out.append(error(err.issues[0].code, f"species: {err.issues[0].message}", node.span))
        return
    if charge != 0:
        out.append(error("E3072", f"the ions of one cell of {node.name} carry a net charge of {charge}",
                         node.span, "check the charges and the positions of the ions"))
    if node.formula is not None:
        _compare_formula(node, counts, formula_of(site_set), out, _count_text(site_set))


def _count_text(site_set: SiteSet) -> str:
    return ", ".join(f"{n} {s}" for s, n in zip(site_set.species, per_cell(site_set)))
