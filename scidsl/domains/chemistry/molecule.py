"""Load molecules into RDKit from SMILES or from explicit atoms and bonds, with located errors."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .elements import is_element
from .issues import ChemIssue
from .smiles import MAX_ATOMS, SmilesAtom, scan_smiles

BOND_ORDERS: dict[str, float] = {"single": 1, "double": 2, "triple": 3, "aromatic": 1.5, "unknown": 1}
_VALENCE_MSG = re.compile(r"valence for atom # ?(\d+) (\w+)(?:, (\d+))?, is greater than permitted")


@dataclass(frozen=True)
class AtomSpec:
    """An atom written out explicitly (``atom`` statements)."""

    symbol: str
    charge: int = 0
    isotope: int = 0
    radicals: int = 0
    hydrogens: int | None = None  # None: RDKit fills implicit hydrogens
    offset: int | None = None  # where the atom was written, for diagnostics
    name: str = ""


@dataclass(frozen=True)
class BondSpec:
    """A bond between two atoms given by their indices in the atom list."""

    begin: int
    end: int
    order: str = "single"
    stereo: str | None = None  # "wedge" | "hash": drawn from ``begin`` (the stereocentre)
    offset: int | None = None


@dataclass
class LoadedMolecule:
    """An RDKit molecule with the atom spans it came from (``mol`` is None when loading failed)."""

    mol: Any
    atom_offsets: list[tuple[int, int] | None] = field(default_factory=list)
    issues: list[ChemIssue] = field(default_factory=list)
    bond_stereo: dict[int, str] = field(default_factory=dict)  # bond index -> wedge/hash as given

    @property
    def ok(self) -> bool:
        """True when the molecule loaded and passed every check."""
        return self.mol is not None and not any(i.severity == "error" for i in self.issues)


def _quiet() -> Any:
    from rdkit import rdBase

    return rdBase.BlockLogs()


def load_smiles(text: str) -> LoadedMolecule:
    """Validate ``text``, parse it with RDKit (logs captured) and run the valence/aromaticity checks."""
    atoms, issues = scan_smiles(text)
    spans = [(a.offset, a.length) for a in atoms]
    if issues:
        return LoadedMolecule(None, spans, issues)
    from rdkit import Chem, rdBase

    params = Chem.SmilesParserParams()
    params.removeHs = False
    params.sanitize = False
    with _quiet(), rdBase.CaptureErrorLog() as cap:
        mol = Chem.MolFromSmiles(text, params)
    if mol is None:
        msg = _first_line(cap.messages) or "RDKit could not read this SMILES"
        return LoadedMolecule(None, spans, [ChemIssue("E3001", f"invalid SMILES: {msg}", 0,
                                                      len(text))])
    if mol.GetNumAtoms() != len(atoms):  # should not happen; keep spans honest if it does
        spans = [None] * mol.GetNumAtoms()
    return _finish(mol, spans, {})


def _first_line(messages: str) -> str:
    lines = [ln.split("]", 1)[-1].strip() for ln in messages.splitlines() if ln.strip()]
    lines = [ln for ln in lines if ln and not ln.startswith("*")]
    return lines[0] if lines else ""


def _finish(mol: Any, spans: list[tuple[int, int] | None], stereo: dict[int, str]) -> LoadedMolecule:
    from rdkit import Chem

    issues = check_chemistry(mol, spans)
    if issues:
        return LoadedMolecule(mol, spans, issues, stereo)
    with _quiet():
        Chem.SanitizeMol(mol)
        Chem.AssignStereochemistry(mol, cleanIt=True, force=True)
    return LoadedMolecule(mol, spans, [], stereo)


def atom_name(mol: Any, idx: int) -> str:
    """Return a readable atom reference such as ``C1`` (element and RDKit index)."""
    return f"{mol.GetAtomWithIdx(idx).GetSymbol()}{idx}"


def check_chemistry(mol: Any, spans: list[tuple[int, int] | None]) -> list[ChemIssue]:
    """Return valence and kekulisation problems RDKit finds, each naming its atom."""
    from rdkit import Chem

    with _quiet():
        problems = Chem.DetectChemistryProblems(mol)
    issues = []
    for p in problems:
        kind = p.GetType()
        if kind == "AtomValenceException":
            issues.append(_valence_issue(mol, p.GetAtomIdx(), p.Message(), spans))
        elif kind in ("KekulizeException", "AtomKekulizeException"):
            idxs = list(p.GetAtomIndices()) if kind == "KekulizeException" else [p.GetAtomIdx()]
            issues.append(_kekule_issue(mol, idxs, spans))
        else:
            issues.append(ChemIssue("E3001", f"RDKit rejects the molecule: {p.Message()}", None))
    return issues


def _span(spans: list[tuple[int, int] | None], idx: int) -> tuple[int | None, int]:
    if 0 <= idx < len(spans) and spans[idx] is not None:
        return spans[idx]  # type: ignore[return-value]
    return None, 1


def _valence_issue(mol: Any, idx: int, message: str, spans: list) -> ChemIssue:
    from rdkit import Chem

    atom = mol.GetAtomWithIdx(idx)
    sym = atom.GetSymbol()
    m = _VALENCE_MSG.search(message)
    val = int(m.group(3)) if m and m.group(3) else _explicit_valence(atom)
    allowed = [v for v in Chem.GetPeriodicTable().GetValenceList(atom.GetAtomicNum()) if v >= 0]
    charge = atom.GetFormalCharge()
    allowed_txt = f"; {sym}{'' if not charge else f' with charge {charge:+d}'} allows " \
        f"{max(allowed) if allowed else 0}" if allowed else ""
    off, length = _span(spans, idx)
    hint = "remove a bond or hydrogen, or give the atom a formal charge" if sym != "C" else \
        "carbon forms at most four bonds; remove a bond or a hydrogen"
    return ChemIssue("E3004", f"atom {sym}{idx} has valence {val}{allowed_txt}",
                     off, length, idx, hint)


def _explicit_valence(atom: Any) -> int:
    return int(sum(b.GetBondTypeAsDouble() for b in atom.GetBonds()) + atom.GetNumExplicitHs())


def _kekule_issue(mol: Any, idxs: list[int], spans: list) -> ChemIssue:
    names = ", ".join(atom_name(mol, i) for i in idxs[:8])
    off, length = _span(spans, idxs[0]) if idxs else (None, 1)
    hint = "write pyrrole-type nitrogens as [nH]; check aromatic (lower-case) atoms form a " \
        "proper ring"
    return ChemIssue("E3005", f"cannot assign alternating bonds to aromatic atoms {names}",
                     off, length, idxs[0] if idxs else None, hint)


def build_molecule(atoms: list[AtomSpec], bonds: list[BondSpec]) -> LoadedMolecule:
    """Build an RDKit molecule from explicit atoms and bonds, then run the same checks as SMILES."""
    issues = _check_specs(atoms, bonds)
    spans = [(a.offset, 1) if a.offset is not None else None for a in atoms]
    if issues:
        return LoadedMolecule(None, spans, issues)
    from rdkit import Chem

    rw = Chem.RWMol()
    for a in atoms:
        rw.AddAtom(_rd_atom(a))
    stereo: dict[int, str] = {}
    for b in bonds:
        n = rw.AddBond(b.begin, b.end, _rd_bond_type(b.order)) - 1
        if b.order == "aromatic":
            rw.GetBondWithIdx(n).SetIsAromatic(True)
            rw.GetAtomWithIdx(b.begin).SetIsAromatic(True)
            rw.GetAtomWithIdx(b.end).SetIsAromatic(True)
        if b.stereo:
            stereo[n] = b.stereo
    mol = rw.GetMol()
    with _quiet():
        mol.UpdatePropertyCache(strict=False)
    loaded = _finish(mol, spans, stereo)
    if loaded.ok:
        # sanitising turns missing bonds into radicals; explicit atoms keep the count written
        for a, spec in zip(loaded.mol.GetAtoms(), atoms):
            a.SetNumRadicalElectrons(spec.radicals)
    return loaded


def _rd_atom(a: AtomSpec) -> Any:
    from rdkit import Chem

    atom = Chem.Atom(a.symbol)
    atom.SetFormalCharge(a.charge)
    if a.isotope:
        atom.SetIsotope(a.isotope)
    if a.radicals:
        atom.SetNumRadicalElectrons(a.radicals)
        atom.SetNoImplicit(True)
    if a.hydrogens is not None:
        atom.SetNumExplicitHs(a.hydrogens)
        atom.SetNoImplicit(True)
    return atom


def _rd_bond_type(order: str) -> Any:
    from rdkit import Chem

    return {"single": Chem.BondType.SINGLE, "double": Chem.BondType.DOUBLE,
            "triple": Chem.BondType.TRIPLE, "aromatic": Chem.BondType.AROMATIC,
            "unknown": Chem.BondType.SINGLE}[order]  # a skeleton: at least one bond; valence checked as such


def _check_specs(atoms: list[AtomSpec], bonds: list[BondSpec]) -> list[ChemIssue]:
    issues: list[ChemIssue] = []
    if len(atoms) > MAX_ATOMS:
        return [ChemIssue("E3003", f"molecule has more than {MAX_ATOMS} atoms", None)]
    if not atoms:
        return [ChemIssue("E3002", "molecule has no atoms", None)]
    for i, a in enumerate(atoms):
        if not is_element(a.symbol):
            issues.append(ChemIssue("E3006", f"unknown element '{a.symbol}' (atom {i})",
                                    a.offset, len(a.symbol), i))
        if not -8 <= a.charge <= 8 or not 0 <= a.radicals <= 4 or not 0 <= a.isotope <= 300 \
                or (a.hydrogens is not None and not 0 <= a.hydrogens <= 8):
            issues.append(ChemIssue("E3030", f"atom {a.symbol}{i} has an impossible charge, "
                                    "isotope, radical or hydrogen count", a.offset, 1, i))
    seen: set[tuple[int, int]] = set()
    for b in bonds:
        issues.extend(_check_bond(b, len(atoms), seen))
    return issues


def _check_bond(b: BondSpec, n: int, seen: set[tuple[int, int]]) -> list[ChemIssue]:
    if not (0 <= b.begin < n and 0 <= b.end < n):
        return [ChemIssue("E3030", f"bond refers to an atom that does not exist "
                          f"({b.begin}-{b.end})", b.offset)]
    if b.begin == b.end:
        return [ChemIssue("E3030", f"bond joins atom {b.begin} to itself", b.offset)]
    key = (min(b.begin, b.end), max(b.begin, b.end))
    if key in seen:
        return [ChemIssue("E3030", f"atoms {key[0]} and {key[1]} are bonded twice", b.offset)]
    seen.add(key)
    if b.order not in BOND_ORDERS or b.stereo not in (None, "wedge", "hash"):
        return [ChemIssue("E3030", f"unknown bond order or stereo '{b.order}'", b.offset)]
    return []


def smiles_atoms(text: str) -> list[SmilesAtom]:
    """Return the atoms of a SMILES string as scanned (for tests and facts)."""
    return scan_smiles(text)[0]
