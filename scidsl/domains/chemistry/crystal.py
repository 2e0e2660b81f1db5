"""Crystal unit cells: lattice sites, counts per cell, coordination numbers and 3-D projection."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import product
from math import cos, radians, sin, sqrt

import numpy as np

LATTICES: dict[str, str] = {
    "sc": "simple cubic", "bcc": "body-centred cubic", "fcc": "face-centred cubic",
    "hcp": "hexagonal close-packed", "nacl": "rock salt (NaCl)", "cscl": "caesium chloride (CsCl)",
}
ALIASES: dict[str, str] = {
    "simple_cubic": "sc", "simple-cubic": "sc", "cubic": "sc", "primitive": "sc",
    "body_centered": "bcc", "body-centered": "bcc", "body_centred": "bcc", "body-centred": "bcc",
    "face_centered": "fcc", "face-centered": "fcc", "face_centred": "fcc", "face-centred": "fcc",
    "rock_salt": "nacl", "rocksalt": "nacl", "halite": "nacl", "hexagonal": "hcp",
}
SPECIES_COUNT: dict[str, int] = {"sc": 1, "bcc": 1, "fcc": 1, "hcp": 1, "nacl": 2, "cscl": 2}
DEFAULT_SPECIES: dict[str, tuple[str, ...]] = {
    "sc": ("Po",), "bcc": ("Fe",), "fcc": ("Cu",), "hcp": ("Mg",), "nacl": ("Cl-", "Na+"),
    "cscl": ("Cl-", "Cs+"),
}
HCP_C_OVER_A = sqrt(8.0 / 3.0)
Vec3 = tuple[float, float, float]

_FCC = ((0, 0, 0), (0.5, 0.5, 0), (0.5, 0, 0.5), (0, 0.5, 0.5))


@dataclass(frozen=True)
class Site:
    """One atom drawn in the cell: species index, cartesian position (cell edge = 1), share."""

    species: int
    pos: Vec3
    share: Fraction  # fraction of the atom inside the cell
    kind: str  # corner | edge | face | body


def normalise_lattice(name: str) -> str | None:
    """Return the canonical lattice key for ``name`` or None when unknown."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    return key if key in LATTICES else None


def _basis(lattice: str) -> list[tuple[int, Vec3]]:
    if lattice == "sc":
        return [(0, (0, 0, 0))]
    if lattice == "bcc":
        return [(0, (0, 0, 0)), (0, (0.5, 0.5, 0.5))]
    if lattice == "fcc":
        return [(0, p) for p in _FCC]
    if lattice == "nacl":
        return [(0, p) for p in _FCC] + [(1, ((x + 0.5) % 1, y, z)) for x, y, z in _FCC]
    if lattice == "cscl":
        return [(0, (0, 0, 0)), (1, (0.5, 0.5, 0.5))]
    raise ValueError(lattice)


def _cubic_share(p: Vec3) -> tuple[Fraction, str]:
    on = sum(1 for c in p if c in (0.0, 1.0))
    return Fraction(1, 2 ** on), ("body", "face", "edge", "corner")[on]


def cubic_sites(lattice: str) -> list[Site]:
    """Return every site inside or on the boundary of one cubic cell."""
    sites = []
    for sp, (x, y, z) in _basis(lattice):
        for dx, dy, dz in product((0, 1), repeat=3):
            p = (x + dx, y + dy, z + dz)
            if all(0 <= c <= 1 for c in p):
                share, kind = _cubic_share(p)
                sites.append(Site(sp, (float(p[0]), float(p[1]), float(p[2])), share, kind))
    return sorted(set(sites), key=lambda s: s.pos)


def hcp_sites() -> list[Site]:
    """Return the 17 sites of the hexagonal prism (12 corners, 2 face centres, 3 inside)."""
    c = HCP_C_OVER_A
    hexagon = [(cos(radians(60 * k)), sin(radians(60 * k))) for k in range(6)]
    sites = [Site(0, (x, y, z), Fraction(1, 6), "corner") for z in (0.0, c) for x, y in hexagon]
    sites += [Site(0, (0.0, 0.0, z), Fraction(1, 2), "face") for z in (0.0, c)]
    for k in (0, 2, 4):  # centroids of alternate triangles of the hexagon
        a, b = hexagon[k], hexagon[(k + 1) % 6]
        sites.append(Site(0, ((a[0] + b[0]) / 3, (a[1] + b[1]) / 3, c / 2), Fraction(1), "body"))
    return sites


def cell_sites(lattice: str) -> list[Site]:
    """Return the sites drawn for ``lattice`` (cubic cells have edge 1, hcp has a = 1)."""
    return hcp_sites() if lattice == "hcp" else cubic_sites(lattice)


def atoms_per_cell(lattice: str) -> list[Fraction]:
    """Return, per species, the number of atoms belonging to one cell."""
    totals = [Fraction(0)] * SPECIES_COUNT[lattice]
    for s in cell_sites(lattice):
        totals[s.species] += s.share
    return totals


def _periodic_points(lattice: str) -> tuple[np.ndarray, np.ndarray]:
    """Return (positions, species) of a 5×5×5 block of the lattice around the origin."""
    if lattice == "hcp":
        a1, a2 = np.array([1.0, 0, 0]), np.array([0.5, sqrt(3) / 2, 0])
        a3 = np.array([0, 0, HCP_C_OVER_A])
        basis = [(0, np.zeros(3)), (0, (a1 + a2) / 3 + a3 / 2)]
        cell = np.array([a1, a2, a3])
    else:
        basis = [(sp, np.array(p, dtype=float)) for sp, p in _basis(lattice)]
        cell = np.eye(3)
    pts, sps = [], []
    for i, j, k in product(range(-2, 3), repeat=3):
        shift = i * cell[0] + j * cell[1] + k * cell[2]
        for sp, b in basis:
            pts.append(shift + (b @ cell if lattice != "hcp" else b))
            sps.append(sp)
    return np.array(pts), np.array(sps)


def coordination_number(lattice: str, species: int = 0) -> int:
    """Return the number of nearest neighbours of an atom of ``species`` (any species)."""
    pts, sps = _periodic_points(lattice)
    origin_idx = int(np.argmin(np.where(sps == species, np.linalg.norm(pts, axis=1), np.inf)))
    d = np.linalg.norm(pts - pts[origin_idx], axis=1)
    d[origin_idx] = np.inf
    nearest = d.min()
    return int(np.sum(np.abs(d - nearest) < 1e-6))


def cell_edges(lattice: str) -> list[tuple[Vec3, Vec3]]:
    """Return the edges of the drawn cell (cube or hexagonal prism)."""
    if lattice == "hcp":
        c = HCP_C_OVER_A
        hexagon = [(cos(radians(60 * k)), sin(radians(60 * k))) for k in range(6)]
        edges = []
        for k in range(6):
            (x0, y0), (x1, y1) = hexagon[k], hexagon[(k + 1) % 6]
            edges += [((x0, y0, 0.0), (x1, y1, 0.0)), ((x0, y0, c), (x1, y1, c)),
                      ((x0, y0, 0.0), (x0, y0, c))]
        return edges
    corners = list(product((0.0, 1.0), repeat=3))
    return [(a, b) for a in corners for b in corners
            if a < b and sum(x != y for x, y in zip(a, b)) == 1]


def cell_faces(lattice: str) -> list[tuple[list[Vec3], Vec3]]:
    """Return the faces of the cell as (vertices, outward normal)."""
    if lattice == "hcp":
        c = HCP_C_OVER_A
        hexagon = [(cos(radians(60 * k)), sin(radians(60 * k))) for k in range(6)]
        faces = [([(x, y, 0.0) for x, y in hexagon], (0.0, 0.0, -1.0)),
                 ([(x, y, c) for x, y in hexagon], (0.0, 0.0, 1.0))]
        for k in range(6):
            (x0, y0), (x1, y1) = hexagon[k], hexagon[(k + 1) % 6]
            mid = radians(60 * k + 30)
            faces.append(([(x0, y0, 0.0), (x1, y1, 0.0), (x1, y1, c), (x0, y0, c)],
                          (cos(mid), sin(mid), 0.0)))
        return faces
    faces = []
    for axis in range(3):
        for v in (0.0, 1.0):
            verts = [p for p in product((0.0, 1.0), repeat=3) if p[axis] == v]
            normal = tuple(float(v * 2 - 1) if k == axis else 0.0 for k in range(3))
            faces.append((verts, normal))  # type: ignore[arg-type]
    return faces


@dataclass(frozen=True)
class Projection:
    """An orthographic/oblique projection: page x, page y, and depth (larger = farther)."""

    kind: str = "oblique"
    angle: float = 30.0  # receding axis angle for oblique
    depth_scale: float = 0.5
    elevation: float = 20.0  # for the "perspective-like" axonometric view
    azimuth: float = -60.0

    def project(self, p: Vec3) -> tuple[float, float, float]:
        """Return (x, y, depth) of ``p`` (x right, y into the page, z up)."""
        x, y, z = p
        if self.kind == "oblique":
            a = radians(self.angle)
            k = self.depth_scale
            return x + k * y * cos(a), z + k * y * sin(a), y
        az, el = radians(self.azimuth), radians(self.elevation)
        # axonometric: rotate about z by azimuth, then tilt by elevation
        xr = x * cos(az) - y * sin(az)
        yr = x * sin(az) + y * cos(az)
        return xr, z * cos(el) + yr * sin(el), yr * cos(el) - z * sin(el)

    def view_direction(self) -> Vec3:
        """Return the direction from the viewer into the scene (in model space)."""
        if self.kind == "oblique":
            a = radians(self.angle)
            k = self.depth_scale
            v = np.array([-k * cos(a), 1.0, -k * sin(a)])
        else:
            az, el = radians(self.azimuth), radians(self.elevation)
            # model-space vector whose depth grows and page coordinates stay fixed
            v = np.array([sin(az) * cos(el), cos(az) * cos(el), -sin(el)])
        v = v / np.linalg.norm(v)
        return float(v[0]), float(v[1]), float(v[2])


ISOMETRIC = Projection("axonometric", elevation=35.264, azimuth=-45.0)
# a slightly turned view in which no two lattice sites of a cubic cell coincide
AXONOMETRIC = Projection("axonometric", elevation=22.0, azimuth=-28.0)
# hexagonal prisms: turned so that no two vertical edges coincide, seen from higher up
HEX_AXONOMETRIC = Projection("axonometric", elevation=22.0, azimuth=-8.0)
PROJECTIONS: dict[str, Projection] = {"oblique": Projection(), "isometric": ISOMETRIC,
                                      "axonometric": AXONOMETRIC}


def hidden_edges(lattice: str, proj: Projection) -> list[bool]:
    """Return, per cell edge, True when both faces meeting at it face away from the viewer."""
    view = np.array(proj.view_direction())
    faces = cell_faces(lattice)
    facing = [float(np.dot(n, view)) < -1e-9 for _, n in faces]
    out = []
    for a, b in cell_edges(lattice):
        owners = [i for i, (verts, _) in enumerate(faces)
                  if _contains(verts, a) and _contains(verts, b)]
        out.append(not any(facing[i] for i in owners))
    return out


def _contains(verts: list[Vec3], p: Vec3) -> bool:
    return any(all(abs(u - v) < 1e-9 for u, v in zip(q, p)) for q in verts)


@dataclass(frozen=True)
class DrawnAtom:
    """An atom of the projected cell (page cm), its depth and species."""

    center: tuple[float, float]
    radius: float
    depth: float
    species: int
    kind: str


@dataclass(frozen=True)
class DrawnEdge:
    """A projected cell edge (page cm); ``depth`` is that of its farther end."""

    start: tuple[float, float]
    end: tuple[float, float]
    hidden: bool
    depth: float


@dataclass(frozen=True)
class CellDrawing:
    """A unit cell projected onto the page: edges and depth-sorted atoms (farthest first)."""

    edges: list[DrawnEdge]
    atoms: list[DrawnAtom]


def default_radii(species: tuple[str, ...]) -> tuple[float, ...]:
    """Return radii relative to the cell edge: anions larger than cations, one metal medium."""
    if len(species) == 1:
        return (0.11,)
    return tuple(0.12 if s.endswith(("-", "−")) else 0.075 for s in species)


def project_cell(lattice: str, proj: Projection = Projection(), edge_cm: float = 4.0,
                 radii: tuple[float, ...] = (0.11,), sites: list[Site] | None = None) -> CellDrawing:
    """Project the cell's edges and atoms onto the page, atoms sorted back to front."""
    scale = edge_cm
    hidden = hidden_edges(lattice, proj)
    edges = []
    for (a, b), hid in zip(cell_edges(lattice), hidden):
        pa, pb = proj.project(a), proj.project(b)
        edges.append(DrawnEdge((pa[0] * scale, pa[1] * scale), (pb[0] * scale, pb[1] * scale),
                               hid, max(pa[2], pb[2]) * scale))
    atoms = []
    for s in sites if sites is not None else cell_sites(lattice):
        x, y, d = proj.project(s.pos)
        r = radii[s.species] if s.species < len(radii) else radii[-1]
        atoms.append(DrawnAtom((x * scale, y * scale), r * scale, d * scale, s.species, s.kind))
    atoms.sort(key=lambda a: -a.depth)
    return CellDrawing(edges, atoms)


MIN_SEPARATION = 1.3  # projected centre distance over the sum of radii, for default radii
MIN_SHRINK = 0.6


def separation(cell: CellDrawing) -> float:
    """The smallest projected centre distance of two atoms over the sum of their radii (< 1: overlap)."""
    atoms = cell.atoms
    best = float("inf")
    for i, a in enumerate(atoms):
        for b in atoms[i + 1:]:
            d = ((a.center[0] - b.center[0]) ** 2 + (a.center[1] - b.center[1]) ** 2) ** 0.5
            best = min(best, d / max(a.radius + b.radius, 1e-12))
    return best


def readable_cell(lattice: str, proj: Projection, edge_cm: float, radii: tuple[float, ...],
                  sites: list[Site] | None = None) -> CellDrawing:
    """The projected cell with its default radii shrunk (at most to 60 %) until no atom hides another."""
    cell = project_cell(lattice, proj, edge_cm, radii, sites)
    gap = separation(cell)
    if gap >= MIN_SEPARATION:
        return cell
    k = max(MIN_SHRINK, gap / MIN_SEPARATION)
    return project_cell(lattice, proj, edge_cm, tuple(r * k for r in radii), sites)


def empirical_formula(lattice: str, species: tuple[str, ...]) -> str:
    """Return the formula from the atoms per cell (``RbI`` for a CsCl cell of Rb+ and I-)."""
    from math import gcd

    counts = atoms_per_cell(lattice)
    ints = [int(c) for c in counts]
    g = 0
    for n in ints:
        g = gcd(g, n)
    names = [s.rstrip("+-−0123456789^") for s in species]
    order = sorted(range(len(names)), key=lambda i: (species[i].endswith(("-", "−")), i))
    return "".join(names[i] + (str(ints[i] // g) if ints[i] // g != 1 else "") for i in order)
