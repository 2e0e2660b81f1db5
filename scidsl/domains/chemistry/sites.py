"""Cubic cells whose ions are placed by position: named sites or fractional coordinates.

A site given once stands for all its lattice images inside the cell (an ion at (1/2, 0, 0) is on the
three edges parallel to x); each image counts by how many cells share it: a corner 1/8, an edge
centre 1/4, a face centre 1/2, inside 1.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from itertools import product
from typing import Any

import numpy as np

from scidsl.diagnostics import Diagnostic, error

from .crystal import Site

NAMED: dict[str, list[tuple[float, float, float]]] = {
    "corners": [(0.0, 0.0, 0.0)],
    "edges": [(0.5, 0.0, 0.0), (0.0, 0.5, 0.0), (0.0, 0.0, 0.5)],
    "faces": [(0.5, 0.5, 0.0), (0.5, 0.0, 0.5), (0.0, 0.5, 0.5)],
    "body": [(0.5, 0.5, 0.5)],
    "tetrahedral": [p for p in product((0.25, 0.75), repeat=3)],
}
KIND_OF_SHARE = {Fraction(1, 8): "corner", Fraction(1, 4): "edge", Fraction(1, 2): "face", Fraction(1): "body"}
EPS = 1e-9
MAX_SITES = 400  # drawn ions per cell: depth sorting and overlap tests are quadratic


@dataclass
class SiteSet:
    """The ions of a cell given by position: species names, drawn sites, radii (fraction of the edge)."""

    species: list[str] = field(default_factory=list)
    sites: list[Site] = field(default_factory=list)
    radii: list[float | None] = field(default_factory=list)
    stated: list[Any] = field(default_factory=list)  # each statement's radius as written (a quantity) or None


def images(p: tuple[float, float, float]) -> list[tuple[float, float, float]]:
    """Every lattice image of a fractional position that lies in the closed unit cube."""
    base = [c % 1.0 if abs(c % 1.0 - 1.0) > EPS else 0.0 for c in p]
    options = [(c, 1.0) if abs(c) < EPS else (c,) for c in base]
    return [tuple(q) for q in product(*options)]  # type: ignore[misc]


def share(p: tuple[float, float, float]) -> Fraction:
    """The part of an ion at ``p`` that belongs to the cell: 1/2 per coordinate on a face."""
    on = sum(1 for c in p if abs(c) < EPS or abs(c - 1.0) < EPS)
    return Fraction(1, 2 ** on)


def _key(p: tuple[float, float, float]) -> tuple[int, int, int]:
    return tuple(round(c * 1e6) for c in p)  # type: ignore[return-value]


def collect_sites(crystal: Any, site_nodes: list[Any], edge_m: float | None) -> tuple[SiteSet, list[Diagnostic]]:
    """Expand each ``crystal_site`` statement into drawn sites; report overlaps and bad positions."""
    out: list[Diagnostic] = []
    result = SiteSet()
    taken: dict[tuple[int, int, int], Any] = {}
    clashed: set[int] = set()  # statements already reported: one error each, not one per image
    for node in site_nodes:
        positions = _positions(node, out)
        if positions is None:
            continue
        idx = len(result.species)
        result.species.append(node.species)
        result.radii.append(_radius(node, edge_m, out))
        result.stated.append(getattr(node, "radius", None))
        for p in positions:
            if len(result.sites) > MAX_SITES:
                out.append(error("E3070", f"cell {crystal.name} has more than {MAX_SITES} ions", node.span,
                                 "a unit cell of a textbook figure holds a few dozen ions"))
                return result, out
            for q in images(p):
                if _key(q) in taken:
                    if taken[_key(q)] is not node and id(node) not in clashed:
                        clashed.add(id(node))
                        out.append(error("E3069", f"{node.species} and {taken[_key(q)].species} both sit at "
                                         f"({', '.join(f'{c:g}' for c in q)})", node.span,
                                         related=((taken[_key(q)].span, "already there"),)))
                    continue
                taken[_key(q)] = node
                s = share(q)
                result.sites.append(Site(idx, q, s, KIND_OF_SHARE[s]))
    return result, out


def _positions(node: Any, out: list[Diagnostic]) -> list[tuple[float, float, float]] | None:
    if not node.at and not node.positions:
        out.append(error("E3074", f"crystal_site {node.species} has no position", node.span,
                         "give at: [corners, edges, faces, body, tetrahedral] or positions: [(x, y, z)]"))
        return None
    pts = [p for name in node.at or [] for p in NAMED[name]]
    for p in node.positions or []:
        if not all(-EPS <= c <= 1 + EPS for c in p):
            out.append(error("E3068", f"position ({', '.join(f'{c:g}' for c in p)}) is outside the cell",
                             node.span_of("positions"), "fractional coordinates run from 0 to 1"))
            return None
        pts.append(tuple(float(c) for c in p))  # type: ignore[arg-type]
    return pts


def _radius(node: Any, edge_m: float | None, out: list[Diagnostic]) -> float | None:
    if node.radius is None:
        return None
    from scidsl.units import DIMENSIONS, parse_unit

    info = parse_unit(node.radius.unit) if node.radius.unit else None
    if info is None or info.dim != DIMENSIONS["length"] or edge_m is None:
        why = "is not a length" if edge_m is not None else "needs the cell's edge (crystal { edge: ... })"
        out.append(error("E3073", f"the radius {node.radius} of {node.species} {why}", node.span_of("radius"),
                         "e.g. crystal c { lattice: cubic, edge: 390 pm } and radius: 60.5 pm"))
        return None
    frac = node.radius.si / edge_m
    if not 0.01 <= frac <= 0.5:
        out.append(error("E3073", f"a radius of {node.radius} is {frac:.2f} of the edge; it must be "
                         "between 0.01 and 0.5", node.span_of("radius")))
        return None
    return frac


def per_cell(sites: SiteSet) -> list[Fraction]:
    """Ions of each species belonging to one cell."""
    totals = [Fraction(0)] * len(sites.species)
    for s in sites.sites:
        totals[s.species] += s.share
    return totals


def breakdown(sites: SiteSet, species: int) -> str:
    """How the count of one species adds up, e.g. "8 × 1/8 (corner) + 6 × 1/2 (face)"."""
    parts = []
    for kind, frac in (("corner", "1/8"), ("edge", "1/4"), ("face", "1/2"), ("body", "1")):
        n = sum(1 for s in sites.sites if s.species == species and s.kind == kind)
        if n:
            parts.append(f"{n} × {frac} ({kind if kind != 'body' else 'inside'})")
    return " + ".join(parts)


def coordination(sites: SiteSet, species: int) -> int:
    """Nearest neighbours of an ion of ``species``: of other species when there are several."""
    basis = {(s.species, _key(tuple(c % 1.0 for c in s.pos))): s for s in sites.sites}  # type: ignore[arg-type]
    pts, sps = [], []
    for (sp, key), _ in basis.items():
        frac = np.array(key) / 1e6
        for shift in product(range(-1, 2), repeat=3):
            pts.append(frac + np.array(shift))
            sps.append(sp)
    P, S = np.array(pts), np.array(sps)
    origin = next(np.array(k) / 1e6 for sp, k in basis if sp == species)
    d = np.linalg.norm(P - origin, axis=1)
    mask = (S != species) if len(sites.species) > 1 else (d > 1e-6)
    d = np.where(mask & (d > 1e-6), d, np.inf)
    return int(np.sum(np.abs(d - d.min()) < 1e-6))
