"""After-render checks: the page shows every atom and bond that RDKit checked."""
from __future__ import annotations

from math import hypot
from typing import Any

from scidsl.diagnostics import Diagnostic, error

from .layout import ChemLayout, MoleculeBlock

MAX_BOND_RATIO = 2.5


def verify_page(layout: ChemLayout, page: Any) -> list[Diagnostic]:
    """Return a diagnostic for each molecule whose drawing lost atoms or distorted its bonds."""
    out = []
    for block in layout.blocks:
        if isinstance(block, MoleculeBlock):
            out += _verify_molecule(block, page)
    return out


def _verify_molecule(block: MoleculeBlock, page: Any) -> list[Diagnostic]:
    node, mol = block.entry.node, block.entry.loaded.mol  # type: ignore[union-attr]
    name = node.name or "molecule"
    drawn = [a for key, a in page.anchors.items() if key.startswith(name + ".")]
    if len(drawn) != mol.GetNumAtoms():
        return [error("E0999", f"{name}: {len(drawn)} atoms drawn, RDKit has {mol.GetNumAtoms()}",
                      node.span)]
    lengths = []
    for b in mol.GetBonds():
        p = page.anchors.get(_key(name, b.GetBeginAtom()))
        q = page.anchors.get(_key(name, b.GetEndAtom()))
        if p is None or q is None:
            return [error("E0999", f"{name}: bond {b.GetIdx()} has no drawn atoms", node.span)]
        lengths.append(hypot(q[0] - p[0], q[1] - p[1]))
    if lengths and max(lengths) > MAX_BOND_RATIO * max(min(lengths), 1e-9):
        return [error("E0999", f"{name}: drawn bond lengths vary from {min(lengths):.2f} to "
                      f"{max(lengths):.2f} cm", node.span)]
    return []


def _key(name: str, atom: Any) -> str:
    return f"{name}.{atom.GetSymbol()}{atom.GetIdx()}"
