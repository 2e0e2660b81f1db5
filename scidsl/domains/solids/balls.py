"""Hemispheres: faceted for hiding what lies behind them, drawn by their rim and their outline."""
from __future__ import annotations

import math
from typing import Any

import numpy as np

from scidsl.domains.solids import project as pj

LONGITUDES = 48
LATITUDES = 8
STEPS = 240


def _side(s: Any) -> float:
    return 1.0 if s.node.dome == "up" else -1.0


def hemisphere_faces(s: Any, c: np.ndarray, r: float) -> list[pj.Face]:
    """The flat disc and the dome in quadrilateral facets (triangles at the pole)."""
    z = _side(s)
    inside = c + np.array([0.0, 0.0, z * r / 3])
    t = np.linspace(0.0, 2 * math.pi, LONGITUDES + 1)[:-1]
    rim = np.stack([c[0] + r * np.cos(t), c[1] + r * np.sin(t), np.full_like(t, c[2])], axis=1)
    faces = [pj.Face.make(rim, inside, s.key)]
    lats = np.linspace(0.0, math.pi / 2, LATITUDES + 1)
    rings = [np.stack([c[0] + r * math.cos(a) * np.cos(t), c[1] + r * math.cos(a) * np.sin(t),
                       np.full_like(t, c[2] + z * r * math.sin(a))], axis=1) for a in lats]
    for lo, hi in zip(rings, rings[1:]):
        faces.extend(_band(lo, hi, inside, s.key))
    return faces


def _band(lo: np.ndarray, hi: np.ndarray, inside: np.ndarray, owner: str) -> list[pj.Face]:
    """The facets between two rings, in longitude order: quadrilaterals, or triangles where the upper ring is a pole."""
    lo_next, hi_next = np.roll(lo, -1, axis=0), np.roll(hi, -1, axis=0)
    quad = np.linalg.norm(hi - hi_next, axis=1) > 1e-12
    quads = iter(pj.Face.make_many(np.stack([lo, lo_next, hi_next, hi], axis=1)[quad], inside, owner))
    tris = iter(pj.Face.make_many(np.stack([lo, lo_next, hi], axis=1)[~quad], inside, owner))
    return [next(quads) if q else next(tris) for q in quad]


def hemisphere_strokes(lay: Any, s: Any, c: np.ndarray, r: float, tol: float) -> None:
    """The rim (hidden parts dashed) and the dome's outline: the half of the sphere's silhouette on the dome side."""
    from scidsl.domains.solids.layout import Stroke

    color = s.node.color
    t = np.linspace(0.0, 2 * math.pi, STEPS + 1)
    rim = np.stack([c[0] + r * np.cos(t), c[1] + r * np.sin(t), np.full_like(t, c[2])], axis=1)
    _path(lay, rim, s.key, lay.occ, tol, color)
    d = lay.proj.d / np.linalg.norm(lay.proj.d)
    e1 = np.cross(d, [0.0, 0.0, 1.0])
    e1 = e1 / np.linalg.norm(e1) if np.linalg.norm(e1) > 1e-9 else np.array([1.0, 0.0, 0.0])
    e2 = np.cross(d, e1)
    outline = c + r * (np.cos(t)[:, None] * e1 + np.sin(t)[:, None] * e2)
    dome = (outline[:, 2] - c[2]) * _side(s) >= -1e-9 * r
    others = lay.occ.without(s.key)  # the dome cannot hide its own outline
    hidden = pj.hidden_mask(outline, others, lay.proj, tol)
    for piece, keep in pj.split_visible(outline, ~dome):
        if keep:
            continue
        sub = hidden[_indices(outline, piece)]
        lay.strokes.append(Stroke(s.key, "curve", [(lay.p2_many(part), h)
                                                  for part, h in pj.split_visible(piece, sub)], color))


def _indices(path: np.ndarray, piece: np.ndarray) -> np.ndarray:
    start = int(np.argmin(np.linalg.norm(path - piece[0], axis=1)))
    return np.arange(start, start + len(piece)) % len(path)


def _path(lay: Any, path: np.ndarray, owner: str, occ: list, tol: float, color: str) -> None:
    from scidsl.domains.solids.layout import Stroke

    hid = pj.hidden_mask(path, occ, lay.proj, tol)
    lay.strokes.append(Stroke(owner, "curve", [(lay.p2_many(piece), h)
                                              for piece, h in pj.split_visible(path, hid)], color))
