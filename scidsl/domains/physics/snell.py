"""The numbers of wave optics: Snell's law, rays through a prism, double-slit fringes, the photoelectric effect."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

P = tuple[float, float]

H_EV_S = 4.135667696e-15  # Planck's constant in eV·s
C_LIGHT = 299792458.0  # m/s


def snell(n1: float, n2: float, theta1: float) -> Optional[float]:
    """The refraction angle (rad) for incidence theta1 (rad) from n1 into n2; None under total internal reflection."""
    s = n1 * math.sin(theta1) / n2
    return None if abs(s) > 1 else math.asin(s)


def critical(n1: float, n2: float) -> Optional[float]:
    """The critical angle going from n1 into n2 (rad), None when n1 <= n2."""
    return math.asin(n2 / n1) if n1 > n2 else None


def prism_angles(apex: float, n: float, i: float) -> dict[str, Optional[float]]:
    """The two-face computation (rad): r1, r2, emergence e and deviation i + e − A (None under TIR at face two)."""
    r1 = math.asin(math.sin(i) / n)
    r2 = apex - r1
    s = n * math.sin(r2)
    e = math.asin(s) if abs(s) <= 1 else None
    return {"r1": r1, "r2": r2, "e": e, "deviation": None if e is None else i + e - apex}


def min_deviation(apex: float, n: float) -> Optional[float]:
    """δ_min = 2 asin(n sin(A/2)) − A, None when no ray passes symmetrically."""
    s = n * math.sin(apex / 2)
    return 2 * math.asin(s) - apex if s <= 1 else None


def _unit(deg_or_rad: float) -> P:
    return (math.cos(deg_or_rad), math.sin(deg_or_rad))


def refract(d: P, normal: P, eta: float) -> Optional[P]:
    """Direction after crossing a face (normal against d, eta = n_from / n_to); None: totally reflected."""
    c1 = -(d[0] * normal[0] + d[1] * normal[1])
    k = 1 - eta * eta * (1 - c1 * c1)
    if k < 0:
        return None
    c2 = math.sqrt(k)
    return (eta * d[0] + (eta * c1 - c2) * normal[0], eta * d[1] + (eta * c1 - c2) * normal[1])


def reflect(d: P, normal: P) -> P:
    """Direction after a mirror reflection on a face with this normal."""
    dot = d[0] * normal[0] + d[1] * normal[1]
    return (d[0] - 2 * dot * normal[0], d[1] - 2 * dot * normal[1])


def _hit(p: P, d: P, a: P, b: P) -> Optional[tuple[float, float]]:
    """(distance along d, fraction along a→b) where the ray p + s·d meets segment a-b, or None."""
    ex, ey = b[0] - a[0], b[1] - a[1]
    den = d[0] * ey - d[1] * ex
    if abs(den) < 1e-12:
        return None
    wx, wy = a[0] - p[0], a[1] - p[1]
    s = (wx * ey - wy * ex) / den
    t = (wx * d[1] - wy * d[0]) / den
    return (s, t) if s > 1e-9 and -1e-9 <= t <= 1 + 1e-9 else None


@dataclass
class PrismPath:
    """A prism (page cm) and the ray through it: corners, the path's points, and what happened where."""

    corners: tuple[P, P, P]  # apex, bottom-left, bottom-right
    points: list[P] = field(default_factory=list)  # entry, internal hits ..., exit (on faces)
    incoming: P = (1.0, 0.0)
    outgoing: Optional[P] = None  # None: the ray stays inside (drawn up to its last hit)
    faces: list[int] = field(default_factory=list)  # face index of every point: 0 left, 1 right, 2 base
    reflected: list[int] = field(default_factory=list)  # indexes of points where the ray is totally reflected


SIDE_CM = 5.5
_CORNER_CM = 0.25  # a ray meeting a face this near a corner is moved along the entry face


def prism_corners(apex: float) -> tuple[P, P, P]:
    """Apex, bottom-left and bottom-right corners of an isosceles prism with sides SIDE_CM."""
    h, w = SIDE_CM * math.cos(apex / 2), SIDE_CM * math.sin(apex / 2)
    return ((0.0, h), (-w, 0.0), (w, 0.0))


def _faces(c: tuple[P, P, P]) -> list[tuple[P, P, P]]:
    """(start, end, outward normal) of the left face, the right face and the base."""
    out = []
    cx, cy = sum(p[0] for p in c) / 3, sum(p[1] for p in c) / 3
    for a, b in ((c[1], c[0]), (c[0], c[2]), (c[2], c[1])):
        ln = math.dist(a, b)
        nrm = (-(b[1] - a[1]) / ln, (b[0] - a[0]) / ln)
        if nrm[0] * (cx - a[0]) + nrm[1] * (cy - a[1]) > 0:
            nrm = (-nrm[0], -nrm[1])
        out.append((a, b, nrm))
    return out


def trace_prism(apex: float, n: float, i: float) -> PrismPath:
    """The ray through the prism, found face by face with the vector form of Snell's law."""
    corners = prism_corners(apex)
    faces = _faces(corners)
    d_in = _unit(-apex / 2 + i)
    best, score = None, (False, False)
    for t in (0.5, 0.42, 0.34, 0.26, 0.58, 0.66, 0.18):
        path = _follow(faces, corners, t, d_in, n)
        # a ray into a corner has no face to leave by: one clear of the corners, reaching the second face, is best
        now = (_clear_of_corners(path), path.faces[1:2] == [1])
        if best is None or now > score:
            best, score = path, now
        if all(now):
            break
    return best  # type: ignore[return-value]


def _clear_of_corners(path: PrismPath) -> bool:
    """No point of the path within _CORNER_CM of a corner of the prism."""
    return all(math.dist(p, c) > _CORNER_CM for p in path.points for c in path.corners)


def _follow(faces: list, corners: tuple[P, P, P], t: float, d_in: P, n: float) -> PrismPath:
    a, b, nrm = faces[0]
    p = (b[0] + (a[0] - b[0]) * t, b[1] + (a[1] - b[1]) * t)  # fraction t from the apex
    path = PrismPath(corners, [p], d_in, None, [0])
    d = refract(d_in, nrm, 1 / n)
    current = 0
    for _ in range(4):
        hits = [(h[0], k) for k, (fa, fb, _) in enumerate(faces) if k != current
                for h in [_hit(p, d, fa, fb)] if h is not None]  # type: ignore[arg-type]
        if not hits:
            break
        s, current = min(hits)
        p = (p[0] + s * d[0], p[1] + s * d[1])  # type: ignore[index]
        path.points.append(p)
        path.faces.append(current)
        out_n = faces[current][2]
        inward = (-out_n[0], -out_n[1])
        leaving = refract(d, inward, n)  # type: ignore[arg-type]
        if leaving is not None:
            path.outgoing = leaving
            return path
        path.reflected.append(len(path.points) - 1)
        d = reflect(d, out_n)  # type: ignore[arg-type]
    return path


def fringe_positions(d: float, screen: float, lam: float, orders: int) -> dict[int, float]:
    """Bright fringes y_m = L tan θ_m with d sin θ_m = mλ (SI), for m = −orders … orders."""
    out = {}
    for m in range(-orders, orders + 1):
        s = m * lam / d
        if abs(s) < 1:
            out[m] = screen * math.tan(math.asin(s))
    return out


def intensity(y: float, d: float, screen: float, lam: float, width: Optional[float]) -> float:
    """Relative intensity at height y on the screen (two-slit cos² times the single-slit envelope)."""
    theta = math.atan2(y, screen)
    phase = math.pi * d * math.sin(theta) / lam
    value = math.cos(phase) ** 2
    if width:
        beta = math.pi * width * math.sin(theta) / lam
        value *= (math.sin(beta) / beta) ** 2 if abs(beta) > 1e-9 else 1.0
    return value


def photon_ev(frequency: float) -> float:
    """Photon energy hf in eV."""
    return H_EV_S * frequency
