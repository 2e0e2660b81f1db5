"""Atom labels of structural formulas: symbol, hydrogens on the free side, charge, isotope."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from math import atan2, cos, degrees, radians, sin

PT_CM = 2.54 / 72.0
CAP_HEIGHT = 0.66  # of the font size, STIX capitals
Box = tuple[float, float, float, float]  # xmin, ymin, xmax, ymax in cm


@dataclass(frozen=True)
class LabelPiece:
    """One fixed text item of an atom label (positions in cm, text may be mathtext)."""

    text: str
    pos: tuple[float, float]
    size: float
    ha: str
    box: Box
    role: str  # symbol | hydrogens | charge | isotope


@lru_cache(maxsize=4096)
def text_extent(text: str, size: float) -> tuple[float, float, float]:
    """Return (width, height, descent) in cm of the box Matplotlib lays ``text`` out in.

    The box is the one after-render verification measures (font line height, not the glyphs), so
    bonds clipped against it never touch the drawn label.
    """
    from scidsl.style import textbook_rc

    with textbook_rc():
        fig, renderer = _scratch()
        artist = fig.text(0, 0, text, fontsize=size, ha="left", va="baseline")
        try:
            ext = artist.get_window_extent(renderer)
        finally:
            artist.remove()
    px_per_cm = fig.dpi / 2.54
    return (float(ext.width) / px_per_cm, float(ext.height) / px_per_cm,
            float(-ext.y0) / px_per_cm)


@lru_cache(maxsize=1)
def _scratch() -> tuple:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(1, 1), dpi=720)
    return fig, FigureCanvasAgg(fig).get_renderer()


def hydrogen_text(n: int) -> str:
    """Return ``H``, ``H$_{2}$``, ... for ``n`` hydrogens."""
    return "" if n <= 0 else "H" if n == 1 else f"H$_{{{n}}}$"


def charge_text(charge: int) -> str:
    """Return the superscript text of a formal charge: ``+``, ``2−``."""
    if charge == 0:
        return ""
    return (str(abs(charge)) if abs(charge) > 1 else "") + ("+" if charge > 0 else "−")


def _angle_gap(a: float, b: float) -> float:
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


def side_order(bond_angles: list[float]) -> list[str]:
    """All four hydrogen sides, the preferred one first, then by clearance from the bonds."""
    first = free_side(bond_angles)
    axis = {"right": 0.0, "left": 180.0, "down": 270.0, "up": 90.0}

    def gap(side: str) -> float:
        return min((_angle_gap(axis[side], b) for b in bond_angles), default=180.0)

    # horizontal text reads best: a free left/right side beats a roomier up/down
    rest = sorted((s for s in axis if s != first),
                  key=lambda s: (not (s in ("left", "right") and gap(s) > 60.0), -gap(s)))
    return [first] + rest


def free_side(bond_angles: list[float]) -> str:
    """Choose where hydrogens go: right unless bonds come from the right (then left), else below/above."""
    sides = (("right", 0.0), ("left", 180.0), ("down", 270.0), ("up", 90.0))
    if not bond_angles:
        return "right"
    best, best_gap = "right", -1.0
    for name, ang in sides:
        gap = min(_angle_gap(ang, b) for b in bond_angles)
        if gap > 60.0 and name in ("right", "left"):  # keep text horizontal when there is room
            return name
        if gap > best_gap + 1e-6:
            best, best_gap = name, gap
    return best


def _box_at(x: float, base: float, text: str, size: float, ha: str) -> Box:
    w, h, d = text_extent(text, size)
    x0 = x - w / 2 if ha == "center" else x if ha == "left" else x - w
    return (x0, base - d, x0 + w, base - d + h)


def build_label(center: tuple[float, float], symbol: str, hydrogens: int, side: str, charge: int,
                isotope: int, size: float, bond_angles: tuple[float, ...] = (),
                blocked: Callable[[Box], bool] | None = None) -> list[LabelPiece]:
    """Return the pieces of one atom label, the element symbol centred on the atom."""
    x, y = center
    cap = CAP_HEIGHT * size * PT_CM
    base = y - cap / 2
    pieces = [LabelPiece(symbol, (x, base), size, "center",
                         _box_at(x, base, symbol, size, "center"), "symbol")]
    sym_box = pieces[0].box
    htext = hydrogen_text(hydrogens)
    if htext:
        pieces.append(_hydrogen_piece(htext, side, sym_box, base, cap, x, size))
    small = 0.7 * size
    if isotope:
        itext = str(isotope)
        left = min(p.box[0] for p in pieces) - 0.01
        pieces.append(LabelPiece(itext, (left, base + cap * 0.75), small, "right",
                                 _box_at(left, base + cap * 0.75, itext, small, "right"), "isotope"))
    if charge:
        options = charge_options(charge, center, pieces, small, bond_angles, side)
        pieces.append(next((o for o in options if blocked is None or not blocked(o.box)),
                           options[0]))
    return pieces


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def charge_options(charge: int, center: tuple[float, float], pieces: list[LabelPiece],
                   size: float, bond_angles: tuple[float, ...], side: str) -> list[LabelPiece]:
    """Places for the charge, best first: after the hydrogens, then corners clear of bonds."""
    text = charge_text(charge)
    w, h, d = text_extent(text, size)
    out = []
    if side == "right" and len(pieces) > 1 and pieces[1].role == "hydrogens":
        hb = pieces[1].box
        x0, base = hb[2] + 0.005, pieces[0].pos[1] + 0.55 * (pieces[0].box[3] - pieces[0].box[1])
        out.append(LabelPiece(text, (x0, base), size, "left", _box_at(x0, base, text, size, "left"),
                              "charge"))
    taken = list(bond_angles) + ({"right": [0.0], "left": [180.0], "up": [90.0],
                                  "down": [270.0]}[side] if len(pieces) > 1 else [])
    cands = [40.0, 140.0, 320.0, 220.0, 90.0, 270.0, 0.0, 180.0]
    gap = {c: min((_angle_gap(c, t) for t in taken), default=180.0) for c in cands}
    cands.sort(key=lambda c: (gap[c] < 32.0, -gap[c] if gap[c] < 32.0 else 0.0))
    for ang in cands:
        out.append(_charge_at(text, center, ang, pieces, size, w, h, d))
    return out


def _charge_at(text: str, center: tuple[float, float], ang: float, pieces: list[LabelPiece],
               size: float, w: float, h: float, d: float) -> LabelPiece:
    r = 0.08
    while True:
        cx, cy = polar(center, ang, r)
        box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
        if not any(_overlaps(box, p.box) for p in pieces) or r > 1.5:
            break
        r += 0.02
    return LabelPiece(text, (cx, cy - h / 2 + d), size, "center", box, "charge")


def _hydrogen_piece(htext: str, side: str, sym_box: Box, base: float, cap: float, x: float,
                    size: float) -> LabelPiece:
    if side == "right":
        pos, ha = (sym_box[2], base), "left"
    elif side == "left":
        pos, ha = (sym_box[0], base), "right"
    elif side == "up":  # a whole line box above/below, so the two texts never overlap
        pos, ha = (x, base + (sym_box[3] - sym_box[1]) + 0.01), "center"
    else:
        pos, ha = (x, base - (sym_box[3] - sym_box[1]) - 0.01), "center"
    return LabelPiece(htext, pos, size, ha, _box_at(pos[0], pos[1], htext, size, ha), "hydrogens")


def pad_box(box: Box, pad: float) -> Box:
    """Return ``box`` grown by ``pad`` on every side."""
    return (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)


def segment_box_interval(p: tuple[float, float], q: tuple[float, float],
                         box: Box) -> tuple[float, float] | None:
    """Return the parameter interval of segment p→q inside ``box`` (Liang–Barsky), or None."""
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for d, lo, hi, v in ((dx, box[0], box[2], p[0]), (dy, box[1], box[3], p[1])):
        if abs(d) < 1e-12:
            if v < lo or v > hi:
                return None
            continue
        a, b = (lo - v) / d, (hi - v) / d
        t0, t1 = max(t0, min(a, b)), min(t1, max(a, b))
        if t0 > t1:
            return None
    return t0, t1


def direction_deg(p: tuple[float, float], q: tuple[float, float]) -> float:
    """Return the direction of p→q in degrees."""
    return degrees(atan2(q[1] - p[1], q[0] - p[0]))


def polar(center: tuple[float, float], angle: float, r: float) -> tuple[float, float]:
    """Return the point at distance ``r`` from ``center`` in direction ``angle`` degrees."""
    return center[0] + r * cos(radians(angle)), center[1] + r * sin(radians(angle))
