"""After-render checks: the page shows every atom and bond that RDKit checked."""
from __future__ import annotations

from math import hypot
from typing import Any

from scidsl.diagnostics import Diagnostic, error

from .layout import ChemLayout, MoleculeBlock

MAX_BOND_RATIO = 2.5


def verify_page(layout: ChemLayout, page: Any) -> list[Diagnostic]:
    """Return a diagnostic for each molecule whose drawing lost atoms or distorted its bonds."""
    from .layout_figures import EnergyBlock

    out = []
    for block in layout.blocks:
        if isinstance(block, MoleculeBlock):
            out += _verify_molecule(block, page)
        elif isinstance(block, EnergyBlock):
            out += _verify_profile(block, page)
    return out


ON_CURVE_CM = 0.03  # about one pixel at 100 dpi


def _verify_profile(block: Any, page: Any) -> list[Diagnostic]:
    """Every stated level is on the drawn curve, at a height proportional to its energy."""
    from .energy import level_keys

    node = block.entry.node
    name = node.name or "energy_profile"
    keys = level_keys(len(node.levels))
    points = [page.anchors.get(f"{name}.{key}") for key in keys]
    curve = next((it for it in page.items if getattr(it, "owner", None) == name
                  and getattr(it, "role", "") == "curve"), None)
    if curve is None or None in points:
        return [error("E3078", f"{name}: the curve or a level is missing from the page", node.span)]
    levels = list(node.levels)
    lo, hi = min(levels), max(levels)
    y_lo, y_hi = min(p[1] for p in points), max(p[1] for p in points)
    for e, (x, y), key in zip(levels, points, keys):
        off = min(hypot(px - x, py - y) for px, py in curve.points)
        scaled = (y - y_lo) / (y_hi - y_lo) if y_hi > y_lo else 0.0
        if off > ON_CURVE_CM or abs(scaled - ((e - lo) / (hi - lo) if hi > lo else 0.0)) > 1e-3:
            return [error("E3078", f"{name}: the level {key} ({e:g} {node.unit}) is not drawn where it "
                          "belongs on the curve", node.span_of("levels"),
                          "please report this scene to the scidsl maintainers")]
    return []


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
