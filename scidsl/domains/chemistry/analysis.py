"""Check every chemistry statement and keep what layout needs (molecules, equations, lattices)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scidsl.diagnostics import Diagnostic, Span, did_you_mean, error, warning

from . import kinds as k
from .crystal import DEFAULT_SPECIES, LATTICES, SPECIES_COUNT, normalise_lattice
from .elements import is_element
from .equation import Equation, check_balance, parse_equation
from .issues import ChemError, ChemIssue
from .molecule import AtomSpec, BondSpec, LoadedMolecule, build_molecule, load_smiles
from .smiles import MAX_ATOMS
from .spans import string_span

MAX_LEWIS_ATOMS = 30


@dataclass
class MoleculeEntry:
    """A checked molecule statement."""

    node: k.Molecule
    loaded: LoadedMolecule | None = None
    atom_nodes: list[k.Atom] = field(default_factory=list)
    bond_nodes: list[k.Bond] = field(default_factory=list)

    @property
    def skeleton(self) -> bool:
        """True when a bond's order is left unknown: drawn and stated as connections only."""
        return any(b.order == "unknown" for b in self.bond_nodes)

    @property
    def mode(self) -> str:
        """How the molecule is drawn."""
        return "connectivity" if self.skeleton else self.node.show


@dataclass
class ReactionEntry:
    """A checked reaction statement, with one loaded molecule per species when SMILES are given."""

    node: k.Reaction
    equation: Equation | None = None
    species: list[LoadedMolecule] = field(default_factory=list)
    unknown: str | None = None  # the species deduced for '?'
    balanced: list[int] | None = None  # the smallest balancing coefficients of a skeleton


@dataclass
class CrystalEntry:
    """A checked crystal statement."""

    node: k.Crystal
    lattice: str = ""
    species: tuple[str, ...] = ()
    site_set: Any = None  # sites.SiteSet when the ions are placed by crystal_site statements


@dataclass
class Analysis:
    """Everything the checks found, in statement order."""

    entries: list[Any] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def analyse(nodes: list[Any]) -> Analysis:
    """Check all chemistry statements of a scene."""
    out = Analysis()
    molecules = {n.name: MoleculeEntry(n) for n in nodes if isinstance(n, k.Molecule)}
    _attach_atoms(nodes, molecules, out)
    for n in nodes:
        if isinstance(n, k.Molecule):
            _check_molecule(molecules[n.name], out)
            out.entries.append(molecules[n.name])
        elif isinstance(n, k.Reaction):
            out.entries.append(_check_reaction(n, out))
        elif isinstance(n, k.Crystal):
            out.entries.append(_check_crystal(n, out, _sites_of(n, nodes)))
        else:
            _check_figure(n, out, nodes)
    return out


def _check_figure(n: Any, out: Analysis, nodes: list[Any]) -> None:
    """Crystal sites, energy profiles and galvanic cells, each checked by its own module."""
    from . import kinds_figures as kf

    if isinstance(n, kf.CrystalSite):
        from .cells import check_site_owner

        out.diagnostics.extend(check_site_owner(n, nodes))
        return
    if isinstance(n, kf.EnergyProfile):
        from .energy import check_profile

        entry, diags = check_profile(n)
    elif isinstance(n, kf.Galvanic):
        from .galvanic import check_galvanic

        entry, diags = check_galvanic(n)
    else:
        return
    out.entries.append(entry)
    out.diagnostics.extend(diags)


def _issue_diag(issue: ChemIssue, span: Span | None) -> Diagnostic:
    make = warning if issue.severity == "warning" else error
    return make(issue.code, issue.message, span, issue.hint)


# --- molecules ---------------------------------------------------------------------------------

def _attach_atoms(nodes: list[Any], molecules: dict[str, MoleculeEntry], out: Analysis) -> None:
    atom_of: dict[str, str] = {}
    for n in nodes:
        if isinstance(n, k.Atom):
            if n.of not in molecules:
                out.diagnostics.append(error("E3033", f"atom {n.name} is 'of {n.of}', which is not a "
                                             "molecule", n.span_of("of"),
                                             did_you_mean(n.of, list(molecules))))
                continue
            molecules[n.of].atom_nodes.append(n)
            atom_of[n.name or ""] = n.of
    for n in nodes:
        if isinstance(n, k.Bond):
            _attach_bond(n, atom_of, molecules, out)


def _attach_bond(n: k.Bond, atom_of: dict[str, str], molecules: dict[str, MoleculeEntry],
                 out: Analysis) -> None:
    owners = [atom_of.get(a) for a in n.between]
    missing = [a for a, o in zip(n.between, owners) if o is None]
    if missing:
        out.diagnostics.append(error("E3033", f"bond names {', '.join(missing)}, which is not an "
                                     "atom of a molecule", n.span_of("between"),
                                     did_you_mean(missing[0], list(atom_of))))
    elif owners[0] != owners[1]:
        out.diagnostics.append(error("E3033", f"bond joins atoms of two molecules ({owners[0]} and "
                                     f"{owners[1]})", n.span_of("between")))
    else:
        molecules[owners[0]].bond_nodes.append(n)  # type: ignore[index]


def _check_molecule(entry: MoleculeEntry, out: Analysis) -> None:
    node = entry.node
    if node.smiles is not None and entry.atom_nodes:
        out.diagnostics.append(error("E3032", f"molecule {node.name} has a SMILES string and atom "
                                     "statements", node.span_of("smiles"), "use one or the other"))
        return
    if node.smiles is None and not entry.atom_nodes:
        out.diagnostics.append(error("E3032", f"molecule {node.name} has no SMILES and no atoms",
                                     node.span, 'give smiles: "..." or atom statements '
                                     f"(atom A1 of {node.name} {{ element: C }})"))
        return
    if node.smiles is not None:
        entry.loaded = load_smiles(node.smiles)
        for issue in entry.loaded.issues:
            span = string_span(node, "smiles", node.smiles, issue.offset, issue.length)
            out.diagnostics.append(_issue_diag(issue, span))
    else:
        entry.loaded = _explicit(entry, out)
    if entry.skeleton and "show" in node.model_fields_set and node.show != "connectivity":
        out.diagnostics.append(error("E3077", f"molecule {node.name} leaves bond orders unknown, so it "
                                     f"cannot be drawn as {node.show}", node.span_of("show"),
                                     "use show: connectivity, or give every bond its order"))
        return
    if entry.loaded is not None and entry.loaded.ok:
        _check_indices(entry, out)


def _explicit(entry: MoleculeEntry, out: Analysis) -> LoadedMolecule | None:
    index = {a.name: i for i, a in enumerate(entry.atom_nodes)}
    no_h = 0 if entry.skeleton else None  # a skeleton invents no hydrogens
    atoms = [AtomSpec(a.element, a.charge, a.isotope, a.radicals,
                      a.hydrogens if a.hydrogens is not None else no_h, i, a.name or "")
             for i, a in enumerate(entry.atom_nodes)]
    bonds = [BondSpec(index[b.between[0]], index[b.between[1]], b.order, b.stereo, j)
             for j, b in enumerate(entry.bond_nodes)]
    loaded = build_molecule(atoms, bonds)
    for issue in loaded.issues:
        out.diagnostics.append(_issue_diag(issue, _explicit_span(entry, issue)))
    return loaded


def _explicit_span(entry: MoleculeEntry, issue: ChemIssue) -> Span | None:
    if issue.code == "E3030" and issue.offset is not None:
        return entry.bond_nodes[issue.offset].span
    if issue.atom is not None and issue.atom < len(entry.atom_nodes):
        a = entry.atom_nodes[issue.atom]
        return a.span_of("element") if issue.code == "E3006" else a.span
    return entry.node.span


def _check_indices(entry: MoleculeEntry, out: Analysis) -> None:
    node, mol = entry.node, entry.loaded.mol  # type: ignore[union-attr]
    n = mol.GetNumAtoms()
    bad = [i for i in node.highlight or [] if not 0 <= i < n]
    for text in node.atom_labels or []:
        idx = parse_atom_label(text)
        if idx is None:
            out.diagnostics.append(error("E3042", f"atom label '{text[:40]}' is not \"index: text\"",
                                         node.span_of("atom_labels"), 'write e.g. "1: α"'))
        elif not 0 <= idx[0] < n:
            bad.append(idx[0])
        elif _label_problem(idx[1]):
            code, message = _label_problem(idx[1])  # type: ignore[misc]
            out.diagnostics.append(error(code, message, node.span_of("atom_labels")))
    for pair in node.highlight_bonds or []:
        ij = parse_pair(pair)
        if not (ij is not None and max(ij) < n and mol.GetBondBetweenAtoms(*ij) is not None):
            out.diagnostics.append(error("E3042", f"'{pair}' is not a bond of {node.name}",
                                         node.span_of("highlight_bonds"),
                                         f"write bonds as \"i-j\" with atom indices 0..{n - 1}"))
    if bad:
        out.diagnostics.append(error("E3042", f"atom index {bad[0]} does not exist in {node.name} "
                                     f"({n} atoms, 0..{n - 1})", node.span_of(
                                         "highlight" if node.highlight and bad[0] in node.highlight
                                         else "atom_labels"),
                                     "indices count atoms in SMILES order from 0"))
    if node.show == "lewis" and lewis_size(mol) > MAX_LEWIS_ATOMS:
        out.diagnostics.append(warning("W3001", f"{node.name} has {lewis_size(mol)} atoms with its "
                                       "hydrogens; lone pairs are drawn "
                                       f"for molecules up to {MAX_LEWIS_ATOMS} atoms",
                                       node.span_of("show"), "use show: full or skeletal"))


def _label_problem(text: str) -> tuple[str, str] | None:
    from scidsl.text import mathtext_error

    return mathtext_error(text)


def lewis_size(mol: Any) -> int:
    """Atoms of a molecule counting every hydrogen (what a Lewis structure draws)."""
    return int(mol.GetNumAtoms() + sum(a.GetTotalNumHs() for a in mol.GetAtoms()))


def parse_atom_label(text: str) -> tuple[int, str] | None:
    """Split ``"3: α"`` into (3, "α"); None when malformed."""
    head, sep, rest = text.partition(":")
    if not sep or not (head.strip().isascii() and head.strip().isdigit()) or len(head.strip()) > 4:
        return None
    return int(head.strip()), rest.strip()


def parse_pair(text: str) -> tuple[int, int] | None:
    """Split ``"1-2"`` into (1, 2); None when malformed."""
    a, sep, b = text.partition("-")
    if not sep or not (a + b).isascii() or not a.strip().isdigit() or not b.strip().isdigit() or len(text) > 12:
        return None
    return int(a), int(b)


# --- reactions ---------------------------------------------------------------------------------

def _check_reaction(node: k.Reaction, out: Analysis) -> ReactionEntry:
    entry = ReactionEntry(node)
    try:
        entry.equation = parse_equation(node.equation)
    except ChemError as err:
        for issue in err.issues:
            out.diagnostics.append(_issue_diag(issue, string_span(
                node, "equation", node.equation, issue.offset, issue.length)))
        return entry
    if node.smiles is not None:
        _check_species_smiles(entry, out)
    issues = check_balance(entry.equation, node.skeleton)
    for issue in issues:
        out.diagnostics.append(_issue_diag(issue, node.span_of("equation")))
    if not issues:
        _solve_reaction(entry)
    return entry


def _solve_reaction(entry: ReactionEntry) -> None:
    """The species standing for '?', and the coefficients that balance a skeleton."""
    from .equation import deduce_unknown, smallest_coefficients, unknown_text

    eq = entry.equation
    assert eq is not None
    found = deduce_unknown(eq) if not entry.node.skeleton else None
    if found is not None:
        entry.unknown = unknown_text(*found)
    if entry.node.skeleton and not any(t.formula.unknown for t in eq.terms):
        species = [(dict(t.formula.counts), t.formula.charge) for t in eq.terms]
        entry.balanced = smallest_coefficients(species[:len(eq.reactants)], species[len(eq.reactants):])


def _check_species_smiles(entry: ReactionEntry, out: Analysis) -> None:
    from .properties import formula_of_smiles

    node, eq = entry.node, entry.equation
    assert node.smiles is not None and eq is not None
    if len(node.smiles) != len(eq.terms):
        out.diagnostics.append(error("E3023", f"{len(node.smiles)} SMILES for {len(eq.terms)} "
                                     "species", node.span_of("smiles"),
                                     "give one SMILES per species, in the order of the equation"))
        return
    for smi, term in zip(node.smiles, eq.terms):
        loaded = load_smiles(smi)
        entry.species.append(loaded)
        for issue in loaded.issues:
            out.diagnostics.append(_issue_diag(
                ChemIssue(issue.code, f"SMILES '{smi[:40]}': {issue.message}", hint=issue.hint),
                node.span_of("smiles")))
        if loaded.ok:
            counts, charge = formula_of_smiles(loaded.mol)
            if counts != term.formula.counts or charge != term.formula.charge:
                out.diagnostics.append(error(
                    "E3023", f"SMILES '{smi[:40]}' is {_hill(counts, charge)}, but the equation says "
                    f"{term.formula.text}", node.span_of("smiles"),
                    "the structure and the formula must have the same atoms and charge"))


def _hill(counts: dict[str, int], charge: int) -> str:
    from .formula import charge_text, hill_formula

    return hill_formula(counts) + (("^" + charge_text(charge)) if charge else "")


# --- crystals ----------------------------------------------------------------------------------

def _sites_of(crystal: k.Crystal, nodes: list[Any]) -> list[Any]:
    return [n for n in nodes if getattr(n, "kind", "") == "crystal_site" and n.of == crystal.name]


def _check_crystal(node: k.Crystal, out: Analysis, sites: list[Any]) -> CrystalEntry:
    entry = CrystalEntry(node)
    if sites:
        from .cells import check_site_cell

        return check_site_cell(node, sites, out.diagnostics)
    lattice = normalise_lattice(node.lattice)
    if lattice is None:
        out.diagnostics.append(error("E3040", f"unknown lattice '{node.lattice}'",
                                     node.span_of("lattice"),
                                     did_you_mean(node.lattice.lower(), list(LATTICES)) or
                                     f"lattices: {', '.join(LATTICES)}"))
        return entry
    entry.lattice = lattice
    before = len(out.diagnostics)
    species = tuple(node.species) if node.species else DEFAULT_SPECIES[lattice]
    want = SPECIES_COUNT[lattice]
    if len(species) != want:
        out.diagnostics.append(error("E3041", f"a {lattice} cell has {want} kind"
                                     f"{'s' if want > 1 else ''} of atom, but {len(species)} "
                                     "species are listed", node.span_of("species"),
                                     "nacl and cscl take [corner ion, other ion]; the metals one name"))
        return entry
    for s in species:
        _check_species_name(node, s, out)
    if node.radii is not None and (len(node.radii) != want or
                                   not all(0.02 <= r <= 0.5 for r in node.radii)):
        out.diagnostics.append(error("E3041", f"radii must list {want} value{'s' if want > 1 else ''} "
                                     "between 0.02 and 0.5 (fractions of the edge)",
                                     node.span_of("radii")))
    entry.species = species
    if node.formula is not None and len(out.diagnostics) == before:
        from .cells import check_lattice_formula

        check_lattice_formula(node, lattice, species, out.diagnostics)
    return entry


def _check_species_name(node: k.Crystal, name: str, out: Analysis) -> None:
    from .formula import parse_formula

    try:
        parse_formula(name)
    except ChemError as err:
        issue = err.issues[0]
        out.diagnostics.append(error(issue.code, f"species '{name}': {issue.message}",
                                     node.span_of("species"), issue.hint))


def atoms_limit_ok(n: int) -> bool:
    """True when a molecule of ``n`` atoms may be laid out."""
    return n <= MAX_ATOMS


__all__ = ["Analysis", "CrystalEntry", "MoleculeEntry", "ReactionEntry", "analyse", "is_element"]
