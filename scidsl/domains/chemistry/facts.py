"""Facts the figure shows, for quizzes and verification."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from scidsl.answers import hides, mark_hidden

from .crystal import atoms_per_cell, cell_sites, coordination_number, empirical_formula
from .layout import ChemLayout, CrystalBlock, MoleculeBlock, ReactionBlock, hidden_parts


def _fact(predicate: str, args: tuple, value: Any, text: str, hidden: bool = False) -> Any:
    from scidsl.pipeline import Fact

    return Fact(predicate, args, value, text, hidden)


def layout_facts(layout: ChemLayout) -> list:
    """Return the facts of every block."""
    out: list = []
    for block in layout.blocks:
        if isinstance(block, MoleculeBlock):
            name = block.entry.node.name or "molecule"
            mode = getattr(block.entry, "mode", block.entry.node.show)
            out += shown_facts(name, block.entry.loaded.mol, "full" if mode == "lewis" else mode)  # type: ignore[union-attr]
            out += _lone_pair_facts(block, name)
        elif isinstance(block, ReactionBlock):
            out += _reaction_facts(block)
        elif isinstance(block, CrystalBlock):
            out += _crystal_facts(block)
        else:
            out += _figure_facts(block)
    return out


def _figure_facts(block: Any) -> list:
    from .energy import EnergyEntry, energy_facts
    from .galvanic import galvanic_facts

    if isinstance(block.entry, EnergyEntry):
        return energy_facts(block.entry.node)
    return galvanic_facts(block.entry)


def shown_facts(name: str, mol: Any, mode: str) -> list:
    """Facts of a molecule as drawn: a connectivity skeleton states no bond orders or charges."""
    if mode == "connectivity":
        return connectivity_facts(name, mol)
    out = molecule_facts_of(name, mol)
    return out + lone_pair_facts(name, mol) if mode == "lewis" else out


def connectivity_facts(name: str, mol: Any) -> list:
    """Formula, atom counts, who is bonded to whom and the valence electrons to place."""
    from rdkit import Chem

    from .elements import valence_electrons
    from .properties import molecule_facts

    f = molecule_facts(mol)
    m = Chem.AddHs(mol)
    electrons = sum(valence_electrons(a.GetSymbol()) for a in m.GetAtoms()) - f["net_charge"]
    out = [_fact("formula", (name,), f["formula"], f"{name} has the formula {f['formula']}"),
           _fact("atom_count", (name,), m.GetNumAtoms(), f"{name} has {m.GetNumAtoms()} atoms"),
           _fact("valence_electrons", (name,), electrons, f"{name} has {electrons} valence electrons"),
           _fact("bond_orders", (name,), None, f"the skeleton of {name} does not state bond orders")]
    for a in m.GetAtoms():
        if a.GetDegree() > 1:
            partners = [f"{n.GetSymbol()}{n.GetIdx()}" for n in a.GetNeighbors()]
            label = f"{a.GetSymbol()}{a.GetIdx()}"
            out.append(_fact("connected_to", (name, label), partners,
                             f"{label} of {name} is connected to {', '.join(partners)}"))
    return out


def lone_pair_facts(name: str, mol: Any) -> list:
    """Lone pairs on each atom that has any, as a Lewis structure draws them."""
    from rdkit import Chem

    from .lewis import lone_pair_count

    m = Chem.AddHs(mol)
    out = []
    for a in m.GetAtoms():
        n = lone_pair_count(m, a.GetIdx())
        if n:
            label = f"{a.GetSymbol()}{a.GetIdx()}"
            out.append(_fact("lone_pairs", (name, label), n, f"{label} of {name} has {n} lone pair(s)"))
    return out


def molecule_facts_of(name: str, mol: Any) -> list:
    """Facts of one molecule."""
    from .properties import molecule_facts

    f = molecule_facts(mol)
    out = [
        _fact("formula", (name,), f["formula"], f"{name} has the formula {f['formula']}"),
        _fact("molar_mass", (name,), f["molar_mass"], f"{name} has molar mass {f['molar_mass']} g/mol", True),
        _fact("atom_count", (name,), f["atoms"], f"{name} has {f['atoms']} atoms"),
        _fact("ring_count", (name,), f["rings"], f"{name} has {f['rings']} ring(s)"),
        _fact("net_charge", (name,), f["net_charge"], f"{name} has net charge {f['net_charge']}"),
    ]
    out += [_fact("element_count", (name, el), n, f"{name} has {n} {el} atom(s)")
            for el, n in sorted(f["elements"].items())]
    out += [_fact("bond_count", (name, kind), n, f"{name} has {n} {kind} bond(s)")
            for kind, n in f["bonds"].items() if n]
    out += [_fact("ring_size", (name, i), size, f"{name} has a {size}-membered ring")
            for i, size in enumerate(f["ring_sizes"])]
    out += [_fact("functional_group", (name, g), n, f"{name} has {n} {g} group(s)")
            for g, n in f["functional_groups"].items()]
    out += [_fact("charged_atom", (name, f"{sym}{i}"), q, f"atom {sym}{i} of {name} has charge {q:+d}")
            for sym, i, q in f["charged_atoms"]]
    out += [_fact("stereocentre", (name, i), label, f"atom {i} of {name} is a stereocentre ({label})")
            for i, label in f["stereocentres"]]
    out += _hydrogens_on_heteroatoms(name, mol)
    out += _neighbours(name, mol)
    return out


def _lone_pair_facts(block: MoleculeBlock, name: str) -> list:
    """The lone pairs of each atom of a Lewis structure (hidden when `answer` asks for them)."""
    from .lewis import lone_pair_count

    node, mol = block.entry.node, block.entry.loaded.mol  # type: ignore[union-attr]
    if getattr(block.entry, "mode", node.show) != "lewis":
        return []
    out = []
    for a in mol.GetAtoms():
        n = lone_pair_count(mol, a.GetIdx())
        if n:
            label = f"{a.GetSymbol()}{a.GetIdx()}"
            out.append(_fact("lone_pairs", (name, label), n, f"{label} of {name} has {n} lone pair(s)"))
    return mark_hidden(out, node)


def _neighbours(name: str, mol: Any) -> list:
    """Which atoms each heavy atom is bonded to (with the bond order), e.g. C4: O5 (double)."""
    out = []
    orders = {1.0: "single", 1.5: "aromatic", 2.0: "double", 3.0: "triple"}
    for a in mol.GetAtoms():
        if a.GetSymbol() == "H":
            continue
        partners = [f"{n.GetSymbol()}{n.GetIdx()} "
                    f"({orders.get(mol.GetBondBetweenAtoms(a.GetIdx(), n.GetIdx()).GetBondTypeAsDouble(), 'single')})"
                    for n in a.GetNeighbors() if n.GetSymbol() != "H"]
        label = f"{a.GetSymbol()}{a.GetIdx()}"
        out.append(_fact("bonded_to", (name, label), partners,
                         f"{label} of {name} is bonded to {', '.join(partners) or 'no heavy atom'}"))
    return out


def _hydrogens_on_heteroatoms(name: str, mol: Any) -> list:
    out = []
    for a in mol.GetAtoms():
        if a.GetSymbol() not in ("C", "H"):
            n = a.GetTotalNumHs(includeNeighbors=True)
            out.append(_fact("hydrogens_on", (name, f"{a.GetSymbol()}{a.GetIdx()}"), n,
                             f"{a.GetSymbol()}{a.GetIdx()} of {name} carries {n} hydrogen(s)"))
    return out


def _reaction_facts(block: ReactionBlock) -> list:
    from .equation import element_totals, format_equation

    node, eq = block.entry.node, block.entry.equation
    assert eq is not None
    name = node.name or "reaction"
    coef_hidden, products_hidden = hidden_parts(node)
    out = [_fact("equation", (name,), format_equation(eq), f"{name}: {format_equation(eq)}", hides(node)),
           _fact("arrow", (name,), eq.arrow, f"{name} uses a {eq.arrow} arrow"),
           replace(_balanced_fact(block.entry, name), hidden=hides(node)),
           _fact("reactant_atoms", (name,), element_totals(eq.reactants),
                 f"the reactants of {name} contain {element_totals(eq.reactants)}", coef_hidden)]
    for side, terms in (("reactant", eq.reactants), ("product", eq.products)):
        hidden = coef_hidden or (side == "product" and products_hidden)
        for t in terms:
            c = str(t.coefficient)
            out.append(_fact("coefficient", (name, t.formula.text), c,
                             f"{t.formula.text} is a {side} of {name} with coefficient {c}", hidden))
            if t.formula.state:
                out.append(_fact("state", (name, t.formula.text), t.formula.state,
                                 f"{t.formula.text} is in state ({t.formula.state})",
                                 side == "product" and products_hidden))
    for where, text in (("above", node.above), ("below", node.below)):
        if text:
            out.append(_fact("condition", (name, where), text, f"{text} is written {where} the arrow"))
    if block.entry.unknown:
        u = block.entry.unknown
        out.append(_fact("unknown_species", (name,), u, f"the species '?' in {name} is {u}"))
    for i, loaded in enumerate(block.entry.species):
        if loaded.ok:
            term = eq.terms[i]
            species = shown_facts(f"{name}.{term.formula.text}", loaded.mol, node.show)
            out += mark_hidden(species, node) if products_hidden and i >= len(eq.reactants) else species
    return out


def _site_cell_facts(entry: Any) -> list:
    from .cells import formula_of
    from .sites import breakdown, coordination, per_cell

    name, sites = entry.node.name or "crystal", entry.site_set
    out = [_fact("lattice", (name,), "cubic", f"{name} is a cubic unit cell")]
    for i, (sp, n) in enumerate(zip(sites.species, per_cell(sites))):
        out.append(_fact("ions_per_cell", (name, sp), str(n),
                         f"one cell of {name} holds {breakdown(sites, i)} = {n} {sp}"))
        cn = coordination(sites, i)
        out.append(_fact("coordination_number", (name, sp), cn, f"each {sp} in {name} has {cn} nearest "
                         "neighbours of the other ions" if len(sites.species) > 1 else f"each {sp} has {cn} "
                         "nearest neighbours"))
    formula = formula_of(sites)
    out.append(_fact("formula", (name,), formula, f"the formula of {name} is {formula}"))
    return out


def _balanced_fact(entry: Any, name: str) -> Any:
    """Balanced (True), an unbalanced skeleton with its answer (False), or a species to find (None)."""
    from .equation import imbalances

    eq = entry.equation
    if any(t.formula.unknown for t in eq.terms):
        return _fact("balanced", (name,), None, f"{name} has a species to find ('?')")
    if entry.balanced is None or not imbalances(eq):
        return _fact("balanced", (name,), True, f"{name} is balanced in every element and in charge")
    terms, n = [t.formula.text for t in eq.terms], len(eq.reactants)

    def side(lo: int, hi: int) -> str:
        return " + ".join((f"{c} " if c != 1 else "") + t for c, t in zip(entry.balanced[lo:hi], terms[lo:hi]))
    return _fact("balanced", (name,), False,
                 f"{name} is an unbalanced skeleton; balanced it reads {side(0, n)} -> {side(n, len(terms))}")


def _crystal_facts(block: CrystalBlock) -> list:
    entry = block.entry
    if entry.site_set is not None:
        return _site_cell_facts(entry)
    name, lat, species = entry.node.name or "crystal", entry.lattice, entry.species
    per_cell = atoms_per_cell(lat)
    out = [_fact("lattice", (name,), lat, f"{name} is a {lat} unit cell")]
    for i, sp in enumerate(species):
        n = per_cell[i]
        out.append(_fact("atoms_per_cell", (name, sp), str(n), f"one cell of {name} holds {n} {sp}"))
        cn = coordination_number(lat, i)
        out.append(_fact("coordination_number", (name, sp), cn,
                         f"each {sp} in {name} has {cn} nearest neighbours"))
    sites = cell_sites(lat)
    for kind in ("corner", "edge", "face", "body"):
        here = sorted({species[s.species] for s in sites if s.kind == kind})
        count = sum(1 for s in sites if s.kind == kind)
        out.append(_fact("sites", (name, kind), here, f"{count} {kind} site(s) of {name} hold "
                         f"{', '.join(here) if here else 'nothing'}"))
    if len(species) == 2 or lat != "hcp":
        formula = empirical_formula(lat, species)
        out.append(_fact("formula", (name,), formula, f"the formula of {name} is {formula}"))
    return out
