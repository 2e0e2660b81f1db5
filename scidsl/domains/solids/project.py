"""Parallel projections (oblique and axonometric) and hidden-line removal against convex faces (numpy)."""
from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Iterator

import numpy as np


@dataclass(frozen=True)
class Projection:
    """Screen = M @ p; `d` points away from the viewer (M @ d = 0)."""

    m: np.ndarray  # 2×3
    d: np.ndarray  # 3

    def __call__(self, p: np.ndarray) -> np.ndarray:
        """Project points (…×3) to the page (…×2)."""
        return np.asarray(p, float) @ self.m.T

    def each(self, points: np.ndarray) -> np.ndarray:
        """Project n×3 points to n×2, each rounded exactly as when projected on its own.

        BLAS rounds one point and a block of points differently in the last bit; a stack of 1×3 rows keeps
        a point's page position independent of the other points projected with it.
        """
        pts = np.asarray(points, float).reshape(-1, 1, 3)
        return (pts @ self.m.T)[:, 0, :]


def oblique(angle_deg: float, depth: float) -> Projection:
    """Cabinet/cavalier oblique: x right, z up, y (depth) receding up-right at `angle`, shortened by `depth`."""
    a = math.radians(angle_deg)
    m = np.array([[1.0, depth * math.cos(a), 0.0], [0.0, depth * math.sin(a), 1.0]])
    return Projection(m, np.array([-depth * math.cos(a), 1.0, -depth * math.sin(a)]))


def axonometric(azimuth_deg: float, elevation_deg: float) -> Projection:
    """Orthographic view from the front turned by `azimuth` to the right and raised by `elevation`."""
    f, e = math.radians(azimuth_deg), math.radians(elevation_deg)
    viewer = np.array([math.sin(f) * math.cos(e), -math.cos(f) * math.cos(e), math.sin(e)])
    right = np.array([math.cos(f), math.sin(f), 0.0])
    up = np.array([-math.sin(e) * math.sin(f), math.sin(e) * math.cos(f), math.cos(e)])
    return Projection(np.vstack([right, up]), -viewer)


@dataclass
class Face:
    """A convex planar face: its 3D corners, outward normal and owner."""

    corners: np.ndarray  # m×3
    normal: np.ndarray
    owner: str

    @classmethod
    def make(cls, corners: np.ndarray, inside: np.ndarray, owner: str) -> Face:
        """A face whose normal points away from a point inside the solid."""
        c = corners.mean(axis=0)
        xs = np.asarray(corners, float).tolist()
        nx = ny = nz = 0.0
        for i, (a0, a1, a2) in enumerate(xs):  # Newell's normal: robust for any polygon (in floats: the
            b0, b1, b2 = xs[(i + 1) % len(xs)]  # same products and sums as np.cross, without its overhead)
            nx, ny, nz = nx + (a1 * b2 - a2 * b1), ny + (a2 * b0 - a0 * b2), nz + (a0 * b1 - a1 * b0)
        n = np.array([nx, ny, nz])
        norm = np.linalg.norm(n)
        n = n / norm if norm > 0 else n
        if np.dot(n, c - inside) < 0:
            n = -n
        return cls(np.asarray(corners, float), n, owner)

    @classmethod
    def make_many(cls, corners: np.ndarray, inside: np.ndarray, owner: str) -> list[Face]:
        """Faces of F×m×3 corners, each exactly as `make` builds it, computed for all at once."""
        cs = np.asarray(corners, float)
        nxt = np.roll(cs, -1, axis=1)
        a0, a1, a2 = cs[:, :, 0], cs[:, :, 1], cs[:, :, 2]
        b0, b1, b2 = nxt[:, :, 0], nxt[:, :, 1], nxt[:, :, 2]
        tx, ty, tz = a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0
        n = np.zeros((len(cs), 3))
        for i in range(cs.shape[1]):  # summed corner by corner, in the order `make` adds them
            n = n + np.stack([tx[:, i], ty[:, i], tz[:, i]], axis=1)
        norm = np.sqrt((n[:, None, :] @ n[:, :, None])[:, 0, 0])  # one dot per face, as np.linalg.norm
        n = np.where(norm[:, None] > 0, n / np.where(norm > 0, norm, 1.0)[:, None], n)
        away = (n[:, None, :] @ (cs.mean(axis=1) - inside)[:, :, None])[:, 0, 0]
        n = np.where(away[:, None] < 0, -n, n)
        return [cls(c, normal, owner) for c, normal in zip(cs, n)]


@dataclass
class Occluder:
    """A face prepared for hiding tests: its outline on the page (counter-clockwise) and its plane."""

    face: Face
    nd: float  # normal · d: how the face turns to the viewing direction
    corners2: np.ndarray  # m×2
    edges2: np.ndarray  # m×2, unit vectors along the outline
    lo: np.ndarray
    hi: np.ndarray


@dataclass
class _Stack:
    """Occluders with the same number of outline corners, their arrays stacked face by face."""

    cx: np.ndarray  # F×m, outline corners on the page (x and y apart, each contiguous)
    cy: np.ndarray
    ex: np.ndarray  # F×m, unit vectors along the outline
    ey: np.ndarray
    lo: np.ndarray  # F×2
    hi: np.ndarray  # F×2
    origin: np.ndarray  # F×3, a corner of each face
    normal: np.ndarray  # F×3
    nd: np.ndarray  # F
    owner: np.ndarray  # F, the solid of each face

    @classmethod
    def of(cls, items: list[Occluder]) -> _Stack:
        """The stacked arrays of occluders with equally many corners."""
        corners, edges = np.array([o.corners2 for o in items]), np.array([o.edges2 for o in items])
        return cls(corners[:, :, 0].copy(), corners[:, :, 1].copy(), edges[:, :, 0].copy(), edges[:, :, 1].copy(),
                   np.array([o.lo for o in items]), np.array([o.hi for o in items]),
                   np.array([o.face.corners[0] for o in items]), np.array([o.face.normal for o in items]),
                   np.array([o.nd for o in items]), np.array([o.face.owner for o in items], dtype=object))

    def pick(self, keep: np.ndarray) -> _Stack:
        """The occluders where `keep` is True."""
        return _Stack(*(getattr(self, f.name)[keep] for f in fields(self)))


class OccluderSet:
    """The occluders of a figure, kept one by one and stacked by corner count for tests of many points."""

    def __init__(self, items: list[Occluder], stacks: list[_Stack] | None = None) -> None:
        self.items = items
        if stacks is None:
            by_count: dict[int, list[Occluder]] = {}
            for o in items:
                by_count.setdefault(len(o.corners2), []).append(o)
            stacks = [_Stack.of(os) for os in by_count.values()]
        self.stacks = stacks

    def __iter__(self) -> Iterator[Occluder]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def without(self, owner: str) -> OccluderSet:
        """The occluders of every other solid."""
        return OccluderSet([o for o in self.items if o.face.owner != owner],
                           [st.pick(st.owner != owner) for st in self.stacks])


def occluders(faces: list[Face], proj: Projection, tol: float) -> OccluderSet:
    """The faces that can hide anything (not seen edge-on), prepared once per figure."""
    by_count: dict[int, list[int]] = {}
    for i, face in enumerate(faces):
        by_count.setdefault(len(face.corners), []).append(i)
    prepared: dict[int, Occluder] = {}
    for idx in by_count.values():
        prepared.update(zip(idx, _prepare([faces[i] for i in idx], proj, tol)))
    return OccluderSet([prepared[i] for i in sorted(prepared) if prepared[i] is not None])


def _prepare(faces: list[Face], proj: Projection, tol: float) -> list[Occluder | None]:
    """Occluders of faces with the same number of corners (None for a face that hides nothing), all at once.

    Each number is rounded as when the face is prepared on its own: numpy's stacked products make the same
    BLAS call per face.
    """
    corners = np.array([f.corners for f in faces])  # F×m×3
    normals = np.array([f.normal for f in faces])
    nd = (normals[:, None, :] @ proj.d)[:, 0]
    poly = corners @ proj.m.T  # F×m×2
    nxt = np.roll(poly, -1, axis=1)
    area = np.sum(poly[:, :, 0] * nxt[:, :, 1] - nxt[:, :, 0] * poly[:, :, 1], axis=1)
    poly = np.where((area < 0)[:, None, None], poly[:, ::-1], poly)  # counter-clockwise
    edges = np.roll(poly, -1, axis=1) - poly
    lengths = np.hypot(edges[:, :, 0], edges[:, :, 1])
    lo, hi = poly.min(axis=1) - tol, poly.max(axis=1) + tol
    whole = np.all(lengths > 0, axis=1)  # no corner repeated on the page
    units = edges / np.where(whole[:, None], lengths, 1.0)[:, :, None]
    covers = ~((np.abs(nd) < 1e-9) | (np.abs(area) < tol * tol))  # not edge-on, some area on the page
    out: list[Occluder | None] = []
    for i, face in enumerate(faces):
        if not covers[i]:
            out.append(None)
        elif whole[i]:
            out.append(Occluder(face, float(nd[i]), poly[i], units[i], lo[i], hi[i]))
        else:
            keep = lengths[i] > 0
            out.append(Occluder(face, float(nd[i]), poly[i][keep], edges[i][keep] / lengths[i][keep, None], lo[i],
                                hi[i]))
    return out


def hidden_mask(points: np.ndarray, occ: OccluderSet | list[Occluder], proj: Projection, tol: float) -> np.ndarray:
    """For each 3D point, True when a face lies strictly between it and the viewer.

    Points on a face's outline count as covered by it: a face never hides the points it contains itself
    (the depth test is strict), and a point on the common edge of two nearer faces is hidden by both.
    """
    occ = occ if isinstance(occ, OccluderSet) else OccluderSet(list(occ))
    pts = np.atleast_2d(np.asarray(points, float))
    scr = proj(pts)
    hidden = np.zeros(len(pts), bool)
    if not len(pts):
        return hidden
    box_lo, box_hi = scr.min(axis=0), scr.max(axis=0)
    for st in occ.stacks:
        # only faces whose box meets the box of all the points can cover any of them
        faces = np.nonzero(np.all((st.lo < box_hi) & (st.hi > box_lo), axis=1))[0]
        p, f = np.nonzero(_in_boxes(scr, st.lo[faces], st.hi[faces]))
        f = faces[f]
        if not len(p):
            continue
        rel_x, rel_y = scr[p, 0, None] - st.cx[f], scr[p, 1, None] - st.cy[f]  # pairs×m
        cross = st.ex[f] * rel_y - st.ey[f] * rel_x
        inside = np.all(cross > -tol, axis=1)
        p, f = p[inside], f[inside]
        # the viewing ray p + t·d meets the face's plane at t; t < 0 means the face is nearer the viewer
        t = _row_dots(st.origin[f] - pts[p], st.normal[f]) / st.nd[f]
        hidden[p[t < -tol]] = True
    return hidden


def _in_boxes(scr: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """n×F: whether each page point lies strictly inside each box (x and y compared apart: numpy is slow
    to reduce an axis of two)."""
    x, y = scr[:, 0, None], scr[:, 1, None]
    return (x > lo[:, 0]) & (x < hi[:, 0]) & (y > lo[:, 1]) & (y < hi[:, 1])


def _row_dots(rows: np.ndarray, vecs: np.ndarray) -> np.ndarray:
    """rows[i] · vecs[i], rounded as a matrix-vector product of rows against one face's normal rounds.

    Each row meets a 3×2 matrix (the vector and a zero column) laid out column by column, so numpy makes
    the same BLAS matrix-vector call, and the same fused multiply-adds, as a face tested on its own.
    """
    mats = np.stack([vecs, np.zeros_like(vecs)], axis=1).swapaxes(1, 2)  # k×3×2, column-major per row
    return (rows[:, None, :] @ mats)[:, 0, 0]


def split_visible(path: np.ndarray, hidden: np.ndarray) -> list[tuple[np.ndarray, bool]]:
    """Runs of a sampled 3D path with the same visibility; neighbouring runs share their end point."""
    hidden = np.asarray(hidden)
    changes = (np.nonzero(hidden[1:] != hidden[:-1])[0] + 1).tolist()
    runs: list[tuple[np.ndarray, bool]] = []
    for start, stop in zip([0] + changes, changes + [len(path)]):
        piece = path[start:stop + 1]  # up to the next run's first point; the last run ends with the path
        if len(piece) >= 2:
            runs.append((piece, bool(hidden[start])))
    return runs


def sample_segment(a: np.ndarray, b: np.ndarray, n: int = 160) -> np.ndarray:
    """n+1 points from a to b."""
    t = np.linspace(0.0, 1.0, n + 1)[:, None]
    return a[None, :] * (1 - t) + b[None, :] * t


def refine_segment(a: np.ndarray, b: np.ndarray, occ: OccluderSet | list[Occluder], proj: Projection, tol: float,
                   n: int = 160) -> list[tuple[np.ndarray, bool]]:
    """Visible and hidden parts of a straight segment, each change located by three finer samplings."""
    path = sample_segment(a, b, n)
    hid = hidden_mask(path, occ, proj, tol)
    if hid.all() or not hid.any():
        return [(np.vstack([a, b]), bool(hid[0]))]
    brackets = [(i / n, (i + 1) / n) for i in range(n) if hid[i] != hid[i + 1]]
    for _ in range(3):  # each round narrows every change 64-fold; the points of all changes are tested at once
        grids = [np.linspace(lo, hi, 65) for lo, hi in brackets]
        h = hidden_mask(a[None, :] + (b - a)[None, :] * np.concatenate(grids)[:, None], occ, proj, tol)
        brackets = [_narrow(grid, hg) for grid, hg in zip(grids, np.split(h, len(grids)))]
    ts = [0.0] + [(lo + hi) / 2 for lo, hi in brackets] + [1.0]
    # a change within a hair of an end or of another change is a corner touching a face's outline
    ts = [t for i, t in enumerate(ts) if i in (0, len(ts) - 1) or (t - ts[i - 1] > 1e-4 and ts[-1] - t > 1e-4)]
    mids = np.array([(t0 + t1) / 2 for t0, t1 in zip(ts, ts[1:])])
    hm = hidden_mask(a[None, :] + (b - a)[None, :] * mids[:, None], occ, proj, tol)
    out = [(np.vstack([a + (b - a) * t0, a + (b - a) * t1]), bool(h)) for (t0, t1), h in zip(zip(ts, ts[1:]), hm)
           if t1 - t0 >= 1e-9]
    return _merge(out)


def _narrow(grid: np.ndarray, hidden: np.ndarray) -> tuple[float, float]:
    """The two grid points on either side of the first change of visibility (the last two without one)."""
    j = int(np.argmax(hidden != hidden[0])) if (hidden != hidden[0]).any() else len(grid) - 2
    return grid[max(j - 1, 0)], grid[j]


def _merge(runs: list[tuple[np.ndarray, bool]]) -> list[tuple[np.ndarray, bool]]:
    """Neighbouring runs of the same visibility joined into one."""
    out: list[tuple[np.ndarray, bool]] = []
    for pts, hid in runs:
        if out and out[-1][1] == hid:
            out[-1] = (np.vstack([out[-1][0], pts[1:]]), hid)
        else:
            out.append((pts, hid))
    return out
