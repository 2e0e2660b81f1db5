"""Facts about a checked molecule: formula, molar mass, counts, rings, functional groups."""
from __future__ import annotations

from functools import cache
from typing import Any

# Ordered so that more specific groups come first; each SMARTS is matched on the molecule.
FUNCTIONAL_GROUPS: tuple[tuple[str, str], ...] = (
    ("carboxylate", "[CX3](=O)[O-]"),
    ("carboxylic acid", "[CX3](=O)[OX2H1]"),
    ("ester", "[#6][CX3](=O)[OX2H0][#6]"),
    ("amide", "[NX3][CX3](=[OX1])"),
    ("aldehyde", "[CX3H1](=O)[#6,#1]"),
    ("ketone", "[#6][CX3](=O)[#6]"),
    ("alcohol", "[OX2H][CX4]"),
    ("phenol", "[OX2H]c"),
    ("ether", "[OD2]([#6;!$(C=O)])[#6;!$(C=O)]"),
    ("primary amine", "[NX3;H2;!$(NC=O)][#6]"),
    ("secondary amine", "[NX3;H1;!$(NC=O)]([#6])[#6]"),
    ("tertiary amine", "[NX3;H0;!$(NC=O);!$(N=*)]([#6])([#6])[#6]"),
    ("ammonium", "[NX4+]"),
    ("nitrile", "[CX2]#[NX1]"),
    ("nitro", "[$([NX3](=O)=O),$([NX3+](=O)[O-])]"),
    ("alkene", "[CX3]=[CX3]"),
    ("alkyne", "[CX2]#[CX2]"),
    ("arene", "c1ccccc1"),
    ("alkyl halide", "[CX4][F,Cl,Br,I]"),
    ("aryl halide", "c[F,Cl,Br,I]"),
    ("thiol", "[SX2H]"),
)


@cache
def _pattern(smarts: str) -> Any:
    from rdkit import Chem

    return Chem.MolFromSmarts(smarts)


def functional_groups(mol: Any) -> dict[str, int]:
    """Return ``{group name: number of matches}`` for the groups present."""
    out: dict[str, int] = {}
    for name, smarts in FUNCTIONAL_GROUPS:
        n = len(mol.GetSubstructMatches(_pattern(smarts)))
        if n:
            out[name] = n
    return out


def molecular_formula(mol: Any) -> str:
    """Return the Hill formula with charge, e.g. ``C2H6O`` or ``C3H7NO2``."""
    from rdkit.Chem.rdMolDescriptors import CalcMolFormula

    return CalcMolFormula(mol)


def element_counts(mol: Any) -> dict[str, int]:
    """Return element counts including implicit hydrogens."""
    counts: dict[str, int] = {}
    for a in mol.GetAtoms():
        counts[a.GetSymbol()] = counts.get(a.GetSymbol(), 0) + 1
        h = a.GetTotalNumHs()
        if h:
            counts["H"] = counts.get("H", 0) + h
    return counts


def molar_mass(mol: Any) -> float:
    """Return the average molar mass in g/mol."""
    from rdkit.Chem.Descriptors import MolWt

    return float(MolWt(mol))


def molecule_facts(mol: Any) -> dict[str, Any]:
    """Return the facts of a molecule as plain data (for quizzes and verification)."""
    from rdkit import Chem, rdBase

    ri = mol.GetRingInfo()
    with rdBase.BlockLogs():
        stereo = Chem.FindMolChiralCenters(mol, includeUnassigned=True,
                                           useLegacyImplementation=False)
    counts = element_counts(mol)
    return {
        "formula": molecular_formula(mol),
        "molar_mass": round(molar_mass(mol), 3),
        "elements": counts,
        "atoms": sum(counts.values()),
        "heavy_atoms": mol.GetNumHeavyAtoms(),
        "bonds": _bond_counts(mol),
        "rings": ri.NumRings(),
        "ring_sizes": sorted(len(r) for r in ri.AtomRings()),
        "aromatic_rings": sum(1 for r in ri.AtomRings()
                              if all(mol.GetAtomWithIdx(i).GetIsAromatic() for i in r)),
        "functional_groups": functional_groups(mol),
        "net_charge": Chem.GetFormalCharge(mol),
        "charged_atoms": [(a.GetSymbol(), a.GetIdx(), a.GetFormalCharge())
                          for a in mol.GetAtoms() if a.GetFormalCharge()],
        "stereocentres": [(i, label) for i, label in stereo],
    }


def _bond_counts(mol: Any) -> dict[str, int]:
    """Bond counts by order, hydrogens included (aromatic bonds counted as aromatic)."""
    out = {"single": 0, "double": 0, "triple": 0, "aromatic": 0}
    names = {1.0: "single", 2.0: "double", 3.0: "triple", 1.5: "aromatic"}
    for b in mol.GetBonds():
        out[names.get(b.GetBondTypeAsDouble(), "single")] += 1
    out["single"] += sum(a.GetTotalNumHs() for a in mol.GetAtoms())
    return out


def formula_of_smiles(mol: Any) -> tuple[dict[str, int], int]:
    """Return (element counts, net charge) of a molecule for balancing equations."""
    from rdkit import Chem

    return element_counts(mol), int(Chem.GetFormalCharge(mol))
