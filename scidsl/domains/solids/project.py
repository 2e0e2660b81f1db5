"""Parallel projections (oblique and axonometric) and hidden-line removal against convex faces (numpy)."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Projection:
    """Screen = M @ p; `d` points away from the viewer (M @ d = 0)."""

    m: np.ndarray  # 2×3
    d: np.ndarray  # 3

    def __call__(self, p: np.ndarray) -> np.ndarray:
        """Project points (…×3) to the page (…×2)."""
        return np.asarray(p, float) @ self.m.T


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


@dataclass
class Occluder:
    """A face prepared for hiding tests: its outline on the page (counter-clockwise) and its plane."""

    face: Face
    nd: float  # normal · d: how the face turns to the viewing direction
    corners2: np.ndarray  # m×2
    edges2: np.ndarray  # m×2, unit vectors along the outline
    lo: np.ndarray
    hi: np.ndarray


def occluders(faces: list[Face], proj: Projection, tol: float) -> list[Occluder]:
    """The faces that can hide anything (not seen edge-on), prepared once per figure."""
    out = []
    for face in faces:
        nd = float(np.dot(face.normal, proj.d))
        if abs(nd) < 1e-9:
            continue  # seen edge-on: covers nothing
        poly = proj(face.corners)
        nxt = np.roll(poly, -1, axis=0)
        area = float(np.sum(poly[:, 0] * nxt[:, 1] - nxt[:, 0] * poly[:, 1]))
        if abs(area) < tol * tol:
            continue
        if area < 0:
            poly = poly[::-1]
            nxt = np.roll(poly, -1, axis=0)
        edges = nxt - poly
        lengths = np.hypot(edges[:, 0], edges[:, 1])
        keep = lengths > 0
        out.append(Occluder(face, nd, poly[keep], edges[keep] / lengths[keep, None], poly.min(axis=0) - tol,
                            poly.max(axis=0) + tol))
    return out


def hidden_mask(points: np.ndarray, occ: list[Occluder], proj: Projection, tol: float) -> np.ndarray:
    """For each 3D point, True when a face lies strictly between it and the viewer.

    Points on a face's outline count as covered by it: a face never hides the points it contains itself
    (the depth test is strict), and a point on the common edge of two nearer faces is hidden by both.
    """
    pts = np.atleast_2d(np.asarray(points, float))
    scr = proj(pts)
    hidden = np.zeros(len(pts), bool)
    for o in occ:
        cand = ~hidden & np.all((scr > o.lo) & (scr < o.hi), axis=1)
        if not cand.any():
            continue
        idx = np.nonzero(cand)[0]
        rel = scr[idx, None, :] - o.corners2[None, :, :]  # n×m×2
        cross = o.edges2[None, :, 0] * rel[:, :, 1] - o.edges2[None, :, 1] * rel[:, :, 0]
        inside = np.all(cross > -tol, axis=1)
        if not inside.any():
            continue
        idx = idx[inside]
        # the viewing ray p + t·d meets the face's plane at t; t < 0 means the face is nearer the viewer
        t = (o.face.corners[0] - pts[idx]) @ o.face.normal / o.nd
        hidden[idx[t < -tol]] = True
    return hidden


def split_visible(path: np.ndarray, hidden: np.ndarray) -> list[tuple[np.ndarray, bool]]:
    """Runs of a sampled 3D path with the same visibility; neighbouring runs share their end point."""
    runs: list[tuple[np.ndarray, bool]] = []
    start = 0
    for i in range(1, len(path) + 1):
        if i == len(path) or hidden[i] != hidden[start]:
            end = min(i, len(path) - 1)
            piece = path[start:end + 1] if i < len(path) else path[start:]
            if len(piece) >= 2:
                runs.append((piece, bool(hidden[start])))
            start = i
    return runs


def sample_segment(a: np.ndarray, b: np.ndarray, n: int = 160) -> np.ndarray:
    """n+1 points from a to b."""
    t = np.linspace(0.0, 1.0, n + 1)[:, None]
    return a[None, :] * (1 - t) + b[None, :] * t


def refine_segment(a: np.ndarray, b: np.ndarray, occ: list[Occluder], proj: Projection, tol: float,
                   n: int = 160) -> list[tuple[np.ndarray, bool]]:
    """Visible and hidden parts of a straight segment, each change located by two finer samplings."""
    path = sample_segment(a, b, n)
    hid = hidden_mask(path, occ, proj, tol)
    if hid.all() or not hid.any():
        return [(np.vstack([a, b]), bool(hid[0]))]
    ts = [0.0]
    for i in range(n):
        if hid[i] != hid[i + 1]:
            lo, hi = i / n, (i + 1) / n
            for _ in range(3):
                grid = np.linspace(lo, hi, 65)
                h = hidden_mask(a[None, :] + (b - a)[None, :] * grid[:, None], occ, proj, tol)
                j = int(np.argmax(h != h[0])) if (h != h[0]).any() else 63
                lo, hi = grid[max(j - 1, 0)], grid[j]
            ts.append((lo + hi) / 2)
    ts.append(1.0)
    # a change within a hair of an end or of another change is a corner touching a face's outline
    ts = [t for i, t in enumerate(ts) if i in (0, len(ts) - 1) or (t - ts[i - 1] > 1e-4 and ts[-1] - t > 1e-4)]
    mids = np.array([(t0 + t1) / 2 for t0, t1 in zip(ts, ts[1:])])
    hm = hidden_mask(a[None, :] + (b - a)[None, :] * mids[:, None], occ, proj, tol)
    out = [(np.vstack([a + (b - a) * t0, a + (b - a) * t1]), bool(h)) for (t0, t1), h in zip(zip(ts, ts[1:]), hm)
           if t1 - t0 >= 1e-9]
    return _merge(out)


def _merge(runs: list[tuple[np.ndarray, bool]]) -> list[tuple[np.ndarray, bool]]:
    out: list[tuple[np.ndarray, bool]] = []
    for pts, hid in runs:
        if out and out[-1][1] == hid:
            out[-1] = (np.vstack([out[-1][0], pts[1:]]), hid)
        else:
            out.append((pts, hid))
    return out
