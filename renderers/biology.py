"""Renderer of biology figures: cell diagrams with labelled organelles and DNA replication forks.

Cells: organelles sit at fixed places inside the cell outline; labels stand in a column on each side
with leader lines ordered so that none cross. Forks: a canonical picture (fork moving right, leading
strand below) mirrored to the stated orientation; labels stand in rows above and below, placed one by
one where neither their text nor their leader meets an earlier one.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scidsl.renderers.leaders import uncross

from scidsl.domains.biology.domain import CellPlan, ForkPlan, Layout
from scidsl.domains.biology.organelles import ENZYMES, ORGANELLES
from scidsl.primitives import Circle, Dot, Drawing, Line, Stroke, Text

P = tuple[float, float]
LABEL_PT = 10.0
OUTLINE = Stroke(width=1.2)
THIN = Stroke(width=0.7)
LEADER = Stroke(width=0.6, color="#333333")
GAP = 1.5


def _fill(color: str, width: float = 1.0, z: float = 2.0) -> Stroke:
    return Stroke(width=width, fill=color, zorder=z)


@dataclass
class Callout:
    """A label with a leader line to `anchor`."""

    anchor: P
    text: str


def _ellipse(c: P, rx: float, ry: float, rot: float = 0.0, n: int = 48) -> list[P]:
    cr, sr = math.cos(math.radians(rot)), math.sin(math.radians(rot))
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((c[0] + x * cr - y * sr, c[1] + x * sr + y * cr))
    return pts


def _arc(c: P, r: float, a0: float, a1: float, n: int = 24) -> list[P]:
    return [(c[0] + r * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
             c[1] + r * math.sin(math.radians(a0 + (a1 - a0) * i / n))) for i in range(n + 1)]


def _wave(x0: float, x1: float, y: float, amp: float, period: float) -> list[P]:
    n = max(int((x1 - x0) / 0.05), 2)
    return [(x0 + (x1 - x0) * i / n, y + amp * math.sin(2 * math.pi * (x1 - x0) * i / n / period)) for i in range(n + 1)]


# ---- cells ------------------------------------------------------------------------------------------


@dataclass
class CellFrame:
    """Where things go in one cell type: the outline's half sizes and a place per organelle."""

    rx: float
    ry: float
    nucleus: P
    nucleus_r: float
    places: dict[str, P]


ANIMAL = CellFrame(3.6, 2.6, (-0.7, 0.15), 1.05, {
    "smooth_er": (-1.6, -1.55), "golgi": (1.3, 0.5), "mitochondrion": (1.7, -1.3),
    "mitochondrion2": (0.2, -1.9), "ribosomes": (0.5, -0.75), "lysosome": (2.6, 0.1), "peroxisome": (2.3, 1.3),
    "centrosome": (0.6, 1.6), "centrioles": (0.6, 1.6), "vacuole": (2.55, -0.75), "vesicle": (2.05, 0.9),
    "cytoskeleton": (-2.95, -0.5), "cytoplasm": (1.15, -2.05), "chloroplast": (2.0, 1.9),
    "plastid": (-2.6, 1.25), "central_vacuole": (2.0, -0.2)})
PLANT = CellFrame(3.6, 2.6, (-2.15, 1.2), 0.8, {
    "smooth_er": (-2.7, -0.75), "golgi": (-1.3, -0.4), "mitochondrion": (-1.5, -1.65),
    "mitochondrion2": (1.9, 2.25), "ribosomes": (-2.6, -1.65), "lysosome": (-3.2, -1.35),
    "peroxisome": (-0.9, 1.65), "centrosome": (-1.0, 2.25), "centrioles": (-1.0, 2.25), "vacuole": (3.15, -2.15),
    "vesicle": (-1.2, 0.2), "cytoskeleton": (3.15, 2.1), "cytoplasm": (3.3, 0.9), "chloroplast": (0.3, 2.25),
    "chloroplast2": (1.9, -2.25), "chloroplast3": (-0.4, -2.2), "plastid": (-0.95, 0.75),
    "central_vacuole": (1.25, 0.0)})
WALL = 0.22


class _CellPainter:
    """Draws one cell's organelles and collects their labels."""

    def __init__(self, plan: CellPlan) -> None:
        self.plan = plan
        self.frame = ANIMAL if plan.node.type == "animal" else PLANT
        self.own = plan.node.name or f"cell@{id(plan.node)}"
        self.d = Drawing()
        self.calls: list[Callout] = []
        self.obstacles: list[tuple[P, float, float]] = []  # large shapes leaders should not cross

    def add(self, pts: list[P], stroke: Stroke = OUTLINE, closed: bool = False) -> None:
        self.d.items.append(Line(tuple(pts), closed, stroke, owner=self.own))

    def label(self, key: str, at: P) -> None:
        if self.plan.node.labels:
            self.calls.append(Callout(at, ORGANELLES[key].label))

    def draw(self) -> Drawing:
        f, keys = self.frame, set(self.plan.organelles)
        self._outline(keys)
        order = ["central_vacuole", "nucleus", "rough_er", "smooth_er", "golgi", "mitochondrion", "chloroplast",
                 "plastid", "ribosomes", "lysosome", "peroxisome", "vacuole", "vesicle", "centrosome",
                 "centrioles", "cytoskeleton", "cytoplasm"]
        for key in order:
            if key in keys:
                getattr(self, "_" + key)(f.places.get(key, (0.0, 0.0)))
        self.d.anchors.update({self.own: (0.0, 0.0), f"{self.own}.center": (0.0, 0.0),
                               f"{self.own}.membrane": (f.rx, 0.0), f"{self.own}.nucleus": f.nucleus})
        return self.d

    def _outline(self, keys: set[str]) -> None:
        f = self.frame
        if self.plan.node.type == "animal":
            pts = [(x * (1 + 0.06 * y / f.ry), y) for x, y in _ellipse((0, 0), f.rx, f.ry, n=96)]  # egg shape
            self.add(pts, Stroke(width=1.6, fill="#fbf6ee", zorder=0.5), closed=True)
            membrane_at = pts[int(96 * 0.88)]
        else:
            pts = _rounded_rect(f.rx, f.ry, 0.35)
            if "cell_wall" in keys:
                self.add(_rounded_rect(f.rx + WALL, f.ry + WALL, 0.45), Stroke(width=1.4, fill="#e3efd9", zorder=0.4),
                         closed=True)
                self.label("cell_wall", (-1.9, f.ry + WALL))
            self.add(pts, Stroke(width=1.2, fill="#fbf8ef", zorder=0.5), closed=True)
            membrane_at = (-f.rx, -1.2)
            if "plasmodesmata" in keys:
                for y in (-0.6, 0.0, 0.6):
                    self.add([(f.rx, y), (f.rx + WALL, y)], Stroke(width=2.2, color="#fbf8ef", zorder=0.6))
                    self.add([(f.rx, y - 0.06), (f.rx + WALL, y - 0.06)], THIN)
                    self.add([(f.rx, y + 0.06), (f.rx + WALL, y + 0.06)], THIN)
                self.label("plasmodesmata", (f.rx + WALL, 0.0))
        if "plasma_membrane" in keys:
            self.label("plasma_membrane", membrane_at)

    def _nucleus(self, _: P) -> None:
        (cx, cy), r, keys = self.frame.nucleus, self.frame.nucleus_r, set(self.plan.organelles)
        self.d.items.append(Circle((cx, cy), r, _fill("#e7dcf0", 1.2, 1.0), owner=self.own))
        self.d.items.append(Circle((cx, cy), r - 0.09, Stroke(width=0.8, zorder=1.1), owner=self.own))
        for ang in (35, 125, 215, 305):  # pores: gaps through both membranes
            p, q = _polar((cx, cy), ang, r + 0.03), _polar((cx, cy), ang, r - 0.12)
            self.add([p, q], Stroke(width=3.0, color="#e7dcf0", zorder=1.2))
        self.label("nucleus", (cx - 0.35 * r, cy + 0.55 * r))
        if "nucleolus" in keys:
            c = (cx + 0.3 * r, cy + 0.2 * r)
            self.d.items.append(Circle(c, 0.3 * r, _fill("#8c6bb1", 0.8, 1.3), owner=self.own))
            self.label("nucleolus", c)
        if "chromatin" in keys:
            for i in range(3):
                y = cy - 0.25 * r - 0.16 * i
                self.add(_wave(cx - 0.55 * r, cx + 0.35 * r, y, 0.05, 0.3), Stroke(width=0.7, color="#5b3f86", zorder=1.3))
            self.label("chromatin", (cx - 0.1 * r, cy - 0.41 * r))
        if "nuclear_envelope" in keys:
            self.label("nuclear_envelope", _polar((cx, cy), 260, r))
        if "nuclear_pore" in keys:
            self.label("nuclear_pore", _polar((cx, cy), 215, r - 0.04))

    def _rough_er(self, _: P) -> None:
        c, r = self.frame.nucleus, self.frame.nucleus_r
        a0, a1 = (95, 175) if self.plan.node.type == "animal" else (200, 262)
        for i, rr in enumerate((r + 0.25, r + 0.45, r + 0.65)):
            arc = _arc(c, rr, a0 + 4 * i, a1 - 4 * i)
            self.add(arc, Stroke(width=2.4, color="#4f7cac", zorder=1.4))
            self.add(arc, Stroke(width=1.2, color="#dce8f5", zorder=1.45))
            for p in arc[::3]:
                self.d.items.append(Dot(_polar(c, math.degrees(math.atan2(p[1] - c[1], p[0] - c[0])), rr + 0.09),
                                        0.03, "#222222", owner=self.own))
        self.label("rough_er", _polar(c, (a0 + a1) / 2, r + 0.65))

    def _smooth_er(self, at: P) -> None:
        x, y = at
        for i, dy in enumerate((-0.2, 0.0, 0.2)):
            pts = _wave(x - 0.5 + 0.08 * i, x + 0.5 - 0.08 * i, y + dy, 0.06, 0.5)
            self.add(pts, Stroke(width=2.6, color="#4f7cac", zorder=1.4))
            self.add(pts, Stroke(width=1.3, color="#dce8f5", zorder=1.45))
        self.label("smooth_er", (x + 0.42, y + 0.2))

    def _golgi(self, at: P) -> None:
        x, y = at
        for i in range(4):
            arc = _arc((x + 1.2, y), 1.0 + 0.15 * i, 160, 200, 12)
            self.add(arc, Stroke(width=3.2 - 0.3 * i, color="#b5651d", zorder=1.4))
            self.add(arc, Stroke(width=1.6 - 0.2 * i, color="#f6dcc0", zorder=1.45))
        self.label("golgi", (x + 0.2 - 0.45, y + 0.0))

    def _mito(self, c: P, rot: float) -> None:
        self.add(_ellipse(c, 0.52, 0.24, rot), _fill("#f7d6b5", 1.0, 1.5), closed=True)
        cr, sr = math.cos(math.radians(rot)), math.sin(math.radians(rot))
        zig = [(-0.4 + 0.1 * i, 0.12 if i % 2 else -0.12) for i in range(9)]
        self.add([(c[0] + u * cr - v * sr, c[1] + u * sr + v * cr) for u, v in zig], Stroke(width=0.7, zorder=1.55))

    def _mitochondrion(self, at: P) -> None:
        self._mito(at, 20)
        self._mito(self.frame.places["mitochondrion2"], -10)
        self.label("mitochondrion", (at[0] + 0.3, at[1] + 0.2))

    def _chloroplast(self, at: P) -> None:
        for key, rot in (("chloroplast", 0), ("chloroplast2", 10), ("chloroplast3", -8)):
            c = self.frame.places.get(key)
            if c is None:
                continue
            self.add(_ellipse(c, 0.48, 0.22, rot), _fill("#cfe8b8", 1.0, 1.5), closed=True)
            for dx in (-0.22, 0.0, 0.22):  # grana: stacks of thylakoids
                for dy in (-0.06, 0.0, 0.06):
                    self.add([(c[0] + dx - 0.06, c[1] + dy), (c[0] + dx + 0.06, c[1] + dy)],
                             Stroke(width=1.2, color="#2e7d32", zorder=1.55))
        self.label("chloroplast", (at[0] + 0.35, at[1] + 0.1))

    def _plastid(self, at: P) -> None:
        self.add(_ellipse(at, 0.3, 0.18), _fill("#f3efc7", 1.0, 1.5), closed=True)
        for dx in (-0.1, 0.08):
            self.d.items.append(Circle((at[0] + dx, at[1]), 0.05, _fill("white", 0.6, 1.6), owner=self.own))
        self.label("plastid", (at[0] + 0.25, at[1] + 0.05))

    def _ribosomes(self, at: P) -> None:
        for i in range(9):
            ang = i * 137.5
            self.d.items.append(Dot(_polar(at, ang, 0.08 + 0.035 * i), 0.035, "#222222", owner=self.own))
        self.label("ribosomes", at)

    def _lysosome(self, at: P) -> None:
        self.d.items.append(Circle(at, 0.27, _fill("#f2c6c6", 1.0, 1.5), owner=self.own))
        for ang in (0, 120, 240):
            self.d.items.append(Dot(_polar(at, ang, 0.12), 0.03, "#7a2e2e", owner=self.own))
        self.label("lysosome", _polar(at, 0, 0.27))

    def _peroxisome(self, at: P) -> None:
        self.d.items.append(Circle(at, 0.22, _fill("#d9ead3", 1.0, 1.5), owner=self.own))
        self.d.items.append(Circle(at, 0.08, _fill("#6a8f5c", 0.6, 1.6), owner=self.own))
        self.label("peroxisome", _polar(at, 30, 0.22))

    def _vacuole(self, at: P) -> None:
        self.d.items.append(Circle(at, 0.26, _fill("#dbeaf7", 1.0, 1.5), owner=self.own))
        self.label("vacuole", _polar(at, -20, 0.26))

    def _central_vacuole(self, at: P) -> None:
        rx, ry = (1.85, 1.9) if self.plan.node.type == "plant" else (0.9, 0.7)
        self.add(_ellipse(at, rx, ry, n=72), _fill("#dbeaf7", 1.2, 0.9), closed=True)
        self.obstacles.append((at, rx, ry))
        self.label("central_vacuole", (at[0] + 0.3 * rx, at[1] - 0.35 * ry))

    def _vesicle(self, at: P) -> None:
        for dx, dy in ((0.0, 0.0), (0.18, -0.2), (-0.12, -0.28)):
            self.d.items.append(Circle((at[0] + dx, at[1] + dy), 0.08, _fill("#f6dcc0", 0.8, 1.5), owner=self.own))
        self.label("vesicle", (at[0] + 0.08, at[1]))

    def _centrosome(self, at: P, key: str = "centrosome") -> None:
        x, y = at
        self.add([(x - 0.22, y - 0.07), (x + 0.05, y - 0.07), (x + 0.05, y + 0.07), (x - 0.22, y + 0.07)],
                 _fill("#d0d0d0", 0.9, 1.5), closed=True)
        self.add([(x + 0.12, y - 0.12), (x + 0.26, y - 0.12), (x + 0.26, y + 0.15), (x + 0.12, y + 0.15)],
                 _fill("#d0d0d0", 0.9, 1.5), closed=True)
        self.label(key, (x + 0.26, y))

    def _centrioles(self, at: P) -> None:
        if "centrosome" not in self.plan.organelles:
            self._centrosome(at, "centrioles")
        else:
            self.label("centrioles", (at[0] - 0.22, at[1]))

    def _cytoskeleton(self, at: P) -> None:
        x, y = at
        for (u0, v0), (u1, v1) in (((-0.25, 0.3), (0.3, -0.35)), ((-0.05, 0.4), (0.35, -0.05)),
                                   ((-0.3, 0.0), (0.05, -0.45))):
            self.add([(x + u0, y + v0), (x + u1, y + v1)], Stroke(width=0.6, color="#777777", zorder=1.3))
        self.label("cytoskeleton", (x + 0.12, y - 0.05))

    def _cytoplasm(self, at: P) -> None:
        self.label("cytoplasm", at)


def _polar(c: P, ang: float, r: float) -> P:
    return (c[0] + r * math.cos(math.radians(ang)), c[1] + r * math.sin(math.radians(ang)))


def _rounded_rect(hx: float, hy: float, r: float) -> list[P]:
    pts: list[P] = []
    for cx, cy, a0 in ((hx - r, hy - r, 0), (-hx + r, hy - r, 90), (-hx + r, -hy + r, 180), (hx - r, -hy + r, 270)):
        pts.extend(_arc((cx, cy), r, a0, a0 + 90, 6))
    return pts


def _cell(plan: CellPlan, size: float) -> Drawing:
    painter = _CellPainter(plan)
    d = painter.draw()
    f = painter.frame
    half_w = f.rx + (WALL if plan.node.type == "plant" else 0.0)
    _columns(d, painter.calls, half_w + 0.9, f.ry, size, painter.own, painter.obstacles)
    if plan.node.label:
        _caption(d, plan.node.label, 0.0, size, painter.own, half_w + 0.9)
    return d


def _caption(d: Drawing, text: str, x: float, size: float, own: str, clear: float) -> None:
    """A caption under the figure; below the lowest label too when it is wider than the room between columns."""
    from scidsl.text import measure_text

    low = min(p[1] for it in d.items if isinstance(it, Line) and it.role != "leader" for p in it.points)
    if measure_text(text, size + 1)[0] / 2 > clear - 0.2:
        low = min([low] + [t.at[1] - 0.25 for t in d.items if isinstance(t, Text)])
    d.items.append(Text((x, low - 0.45), text, size + 1, va="top", owner=own))


def blocked(anchor: P, sign: int, obstacles: list[tuple[P, float, float]]) -> bool:
    """True when a leader from `anchor` toward the side `sign` would run across one of the obstacles."""
    x, y = anchor
    for (cx, cy), rx, ry in obstacles:
        inside = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1.0
        if not inside and abs(y - cy) < ry and (cx - x) * sign > 0:
            return True
    return False


def _sides(calls: list[Callout], obstacles: list[tuple[P, float, float]]) -> tuple[list[Callout], list[Callout]]:
    """Left and right labels: a label goes to the side its leader reaches without crossing an obstacle,
    else to its nearer side unless that side would hold five more than the other."""
    left = [c for c in calls if blocked(c.anchor, 1, obstacles) and not blocked(c.anchor, -1, obstacles)]
    right = [c for c in calls if blocked(c.anchor, -1, obstacles) and not blocked(c.anchor, 1, obstacles)]
    free = sorted((c for c in calls if c not in left and c not in right), key=lambda c: c.anchor[0])
    n = len(calls)
    split = sum(1 for c in free if c.anchor[0] < 0)
    lo = max(0, (n - 5 + 1) // 2 - len(left))
    hi = max(lo, (n + 5) // 2 - len(left))
    split = min(max(split, lo), hi, len(free))
    return left + free[:split], right + free[split:]


def _columns(d: Drawing, calls: list[Callout], col: float, half_h: float, size: float, own: str,
             obstacles: list[tuple[P, float, float]] = ()) -> None:  # type: ignore[assignment]
    """Labels in a column on each side, in the order of their anchors' heights, leaders uncrossed."""
    from scidsl.text import measure_text

    if not calls:
        return
    for sign, group in zip((-1, 1), _sides(calls, list(obstacles))):
        group = sorted(group, key=lambda c: c.anchor[1])
        pitch = max(measure_text(c.text, size)[1] for c in group) + 0.2 if group else 0.0
        ys = _spread([c.anchor[1] for c in group], pitch, -half_h - 0.6, half_h + 0.6)
        slots = [(sign * (col - 0.1), y) for y in ys]  # where the leaders end, so uncrossing sees them
        order = uncross([c.anchor for c in group], slots)
        for c, i in zip(group, order):
            end = slots[i]
            d.items.append(Line((c.anchor, end), False, LEADER, owner=own, role="leader"))
            d.items.append(Dot(c.anchor, 0.03, "#333333", owner=own))
            d.items.append(Text((sign * col, slots[i][1]), c.text, size, ha="left" if sign > 0 else "right",
                                owner=own, may_touch=(own,)))


def _spread(wanted: list[float], pitch: float, lo: float, hi: float) -> list[float]:
    """Heights near the wanted ones, in order, `pitch` apart, inside [lo, hi] when they fit."""
    n = len(wanted)
    if n == 0:
        return []
    span = max(hi - lo, pitch * (n - 1))
    mid = (lo + hi) / 2
    lo, hi = mid - span / 2, mid + span / 2
    ys = [min(max(y, lo + i * pitch), hi - (n - 1 - i) * pitch) for i, y in enumerate(wanted)]
    for i in range(1, n):
        ys[i] = max(ys[i], ys[i - 1] + pitch)
    for i in range(n - 2, -1, -1):
        ys[i] = min(ys[i], ys[i + 1] - pitch)
    return ys


# ---- replication forks -------------------------------------------------------------------------------

X_FORK, X_END, Y_T, Y_NEW, AMP = 9.0, 13.0, 1.6, 1.15, 0.42
X_SPLIT = X_FORK - 1.8  # where the template strands start to bend toward the fork
DNA = "#1a1a1a"
NEW_DNA = "#1f5fa8"
RNA = "#d62728"


class _ForkPainter:
    """Draws the canonical fork through a mirror transform and collects its labels."""

    def __init__(self, plan: ForkPlan) -> None:
        self.plan = plan
        self.own = plan.node.name or f"fork@{id(plan.node)}"
        self.d = Drawing()
        self.calls: list[Callout] = []
        self.labels = plan.node.labels

    def t(self, p: P) -> P:
        x, y = p
        return (X_END - x if self.plan.mirror_x else x, -y if self.plan.mirror_y else y)

    def line(self, pts: list[P], stroke: Stroke, arrow: str | None = None) -> None:
        self.d.items.append(Line(tuple(self.t(p) for p in pts), False, stroke, arrow, owner=self.own))  # type: ignore[arg-type]

    def shape(self, pts: list[P], color: str) -> None:
        self.d.items.append(Line(tuple(self.t(p) for p in pts), True, _fill(color, 1.0, 1.0), owner=self.own))

    def call(self, at: P, text: str) -> None:
        if self.labels:
            self.calls.append(Callout(self.t(at), text))

    def end(self, at: P, text: str, right: bool) -> None:
        x, y = self.t(at)
        right = right != self.plan.mirror_x
        self.d.items.append(Text((x, y), text, 9, ha="left" if right else "right", owner=self.own,
                                 may_touch=(self.own,)))

    def draw(self) -> Drawing:
        enz = set(self.plan.enzymes)
        top = self._templates()
        frags = self._lagging()
        self._leading()
        self._enzymes(enz, top, frags)
        self.line([(X_FORK + 1.0, 1.25), (X_END - 0.6, 1.25)], Stroke(width=1.4), "end")
        self.call(((X_FORK + X_END + 0.4) / 2, 1.25), "fork movement")
        self.d.anchors.update({self.own: self.t((X_FORK, 0.0)), f"{self.own}.fork": self.t((X_FORK, 0.0))})
        return self.d

    def _templates(self) -> list[P]:
        curve = _bezier(*_FORK_CURVE)
        helix = [(X_FORK + i * 0.05, AMP * math.cos(math.pi * i * 0.05)) for i in range(int((X_END - X_FORK) / 0.05) + 1)]
        top = [(0.0, Y_T)] + curve + helix[1:]
        bottom = [(x, -y) for x, y in top]
        for x, y in helix[2:-1:4]:
            if abs(y) > 0.1:
                self.line([(x, y), (x, -y)], Stroke(width=0.6, color="#999999", zorder=1.2))
        self.line(top, Stroke(width=2.0, color=DNA, zorder=2.2))
        self.line(bottom, Stroke(width=2.0, color=DNA, zorder=2.2))
        self.end((0.0 - 0.12, Y_T), "5′", False)
        self.end((0.0 - 0.12, -Y_T), "3′", False)
        self.end((X_END + 0.12, top[-1][1]), "3′", True)
        self.end((X_END + 0.12, bottom[-1][1]), "5′", True)
        self.call((X_END - 0.75, -AMP * math.cos(math.pi * (X_END - 0.75 - X_FORK))), "parental DNA")
        return top

    def _rungs(self, x0: float, x1: float, y_t: float, y_n: float) -> None:
        x = x0 + 0.12
        while x < x1 - 0.05:
            self.line([(x, y_t), (x, y_n)], Stroke(width=0.6, color="#999999", zorder=1.2))
            x += 0.25

    def _leading(self) -> None:
        y = -Y_NEW
        self._rungs(0.3, X_SPLIT - 0.4, -Y_T, y)
        start = 0.75 if self.plan.node.primers else 0.3
        self.line([(start, y), (X_SPLIT - 0.4, y)], Stroke(width=2.0, color=NEW_DNA, zorder=2.3), "end")
        if self.plan.node.primers:
            self.line([(0.3, y), (0.75, y)], Stroke(width=3.2, color=RNA, zorder=2.4))
        self.end((0.3 - 0.12, y), "5′", False)
        self.call((X_SPLIT / 2, y), "leading strand")

    def _lagging(self) -> list[tuple[float, float]]:
        n, gap_new, nick = self.plan.node.fragments, 0.45, 0.08
        lo, hi = 0.3, X_SPLIT - 0.7
        length = (hi - lo - gap_new - nick * (n - 2)) / n
        frags: list[tuple[float, float]] = []
        x = lo
        for i in range(n):
            frags.append((x, x + length))
            x += length + (gap_new if i == n - 2 else nick)
        for i, (x0, x1) in enumerate(frags):
            self._rungs(x0, x1, Y_T, Y_NEW)
            primer = self.plan.node.primers and i >= n - 3
            self.line([(x1 - (0.45 if primer else 0.0), Y_NEW), (x0, Y_NEW)],
                      Stroke(width=2.0, color=NEW_DNA, zorder=2.3), "end")
            if primer:
                self.line([(x1 - 0.45, Y_NEW), (x1, Y_NEW)], Stroke(width=3.2, color=RNA, zorder=2.4))
        self.end((lo - 0.12, Y_NEW), "3′", False)
        self.call(((frags[0][0] + frags[0][1]) / 2, Y_NEW), "lagging strand")
        ok = frags[-2] if n >= 2 else frags[-1]
        self.call((ok[0] + 0.35 * (ok[1] - ok[0]), Y_NEW), "Okazaki fragment")
        if self.plan.node.primers:
            self.call((frags[-1][1] - 0.22, Y_NEW), "RNA primer")
        return frags

    def _enzymes(self, enz: set[str], top: list[P], frags: list[tuple[float, float]]) -> None:
        n = len(frags)
        blobs: list[tuple[str, P, float, float, str, P]] = []
        if "helicase" in enz:
            blobs.append(("helicase", (X_FORK, 0.0), 0.5, 0.5, "#f7e39c", (X_FORK - 0.2, -0.46)))
        if "topoisomerase" in enz:
            blobs.append(("topoisomerase", (X_FORK + 2.0, 0.0), 0.36, 0.62, "#c9e4c5", (X_FORK + 2.1, -0.6)))
        if "polymerase_iii" in enz:
            blobs.append(("polymerase_iii", (X_SPLIT - 0.3, -Y_NEW), 0.42, 0.32, "#bcd7ee", (X_SPLIT - 0.3, -Y_NEW - 0.32)))
            x = frags[-1][0]
            blobs.append(("polymerase_iii", (x + 0.05, Y_NEW), 0.4, 0.3, "#bcd7ee", (x + 0.05, Y_NEW + 0.3)))
        if "polymerase_i" in enz and n >= 3:
            x = frags[-3][1] - 0.2
            blobs.append(("polymerase_i", (x, Y_NEW), 0.32, 0.26, "#d7c7ea", (x, Y_NEW + 0.26)))
        if "ligase" in enz and n >= 4:
            x = frags[-4][1] + 0.04
            blobs.append(("ligase", (x, Y_NEW), 0.24, 0.22, "#f4c7a9", (x, Y_NEW + 0.22)))
        if "primase" in enz:
            x = frags[-1][1] + 0.6
            if self.plan.node.primers:
                self.line([(x - 0.2, Y_NEW), (x + 0.2, Y_NEW)], Stroke(width=3.2, color=RNA, zorder=2.4))
            blobs.append(("primase", (x, Y_NEW + 0.05), 0.3, 0.24, "#f3d1e6", (x, Y_NEW + 0.29)))
        for key, c, rx, ry, color, label_at in blobs:
            self.shape(_ellipse(c, rx, ry), color)
            self.call(label_at, ENZYMES[key])
        if "ssb" in enz:
            for tt in (0.3, 0.5, 0.7):
                px, py = _bezier_point(*_FORK_CURVE, tt)
                self.shape(_ellipse((px, py + 0.13), 0.13, 0.13, n=16), "#e0e0e0")
            px, py = _bezier_point(*_FORK_CURVE, 0.7)
            self.call((px + 0.1, py + 0.24), ENZYMES["ssb"])


_FORK_CURVE = ((X_SPLIT, Y_T), (X_SPLIT + 1.0, Y_T), (X_FORK - 0.5, AMP), (X_FORK, AMP))


def _bezier_point(p0: P, p1: P, p2: P, p3: P, t: float) -> P:
    u = 1 - t
    return (u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
            u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1])


def _bezier(p0: P, p1: P, p2: P, p3: P, n: int = 24) -> list[P]:
    return [_bezier_point(p0, p1, p2, p3, i / n) for i in range(n + 1)]


def _fork(plan: ForkPlan, size: float) -> Drawing:
    painter = _ForkPainter(plan)
    d = painter.draw()
    b = d.bounds() or (0.0, -2.0, X_END, 2.0)
    above = [c for c in painter.calls if c.anchor[1] > 0.0]
    below = [c for c in painter.calls if c.anchor[1] <= 0.0]
    _rows(d, above, b[3] + 0.7, 1, size, painter.own)
    _rows(d, below, b[1] - 0.7, -1, size, painter.own)
    if plan.node.label:
        low = min(t.at[1] for t in d.items if isinstance(t, Text)) if any(isinstance(t, Text) for t in d.items) else b[1]
        d.items.append(Text(((b[0] + b[2]) / 2, min(low, b[1]) - 0.5), plan.node.label, size + 1, va="top",
                            owner=painter.own))
    return d


def _rows(d: Drawing, calls: list[Callout], base: float, up: int, size: float, own: str) -> None:
    """Labels in one row above (up = 1) or below the figure, or in two alternating rows when one is too
    long; a far-row leader drops straight down between the near-row labels before turning to its anchor."""
    from scidsl.text import measure_text

    if not calls:
        return
    calls = sorted(calls, key=lambda c: c.anchor[0])
    sizes = [measure_text(c.text, size)[:2] for c in calls]
    span = max(c.anchor[0] for c in calls) - min(c.anchor[0] for c in calls) + 4.0
    two = len(calls) > 2 and sum(w for w, _ in sizes) + 0.3 * len(calls) > span
    rows = [(i % 2 if two else 0) for i in range(len(calls))]
    h = max(hh for _, hh in sizes)
    xs = _relax([c.anchor[0] for c in calls], [w for w, _ in sizes], rows)
    near_edge = base - up * (h / 2 + 0.08)
    for c, x, row, (w, _) in zip(calls, xs, rows, sizes):
        y = base + up * row * (h + 0.3)
        edge = y - up * (h / 2 + 0.08)
        pts = (c.anchor, (x, near_edge - up * 0.15), (x, edge)) if row else (c.anchor, (x, edge))
        d.items.append(Line(pts, False, LEADER, owner=own, role="leader"))
        d.items.append(Dot(c.anchor, 0.03, "#333333", owner=own))
        d.items.append(Text((x, y), c.text, size, owner=own, may_touch=(own,)))


def _relax(wanted: list[float], widths: list[float], rows: list[int]) -> list[float]:
    """Label centres near the wanted ones, in order: labels of a row clear of each other, and a far-row
    leader clear of the near-row labels beside it."""
    xs = list(wanted)
    n = len(xs)
    pairs: list[tuple[int, int, float]] = []
    for i in range(n - 1):
        for j in range(i + 1, min(n, i + 3)):
            if rows[i] == rows[j]:
                pairs.append((i, j, (widths[i] + widths[j]) / 2 + 0.3))
            elif j == i + 1:
                near = i if rows[i] == 0 else j
                pairs.append((i, j, widths[near] / 2 + 0.25))
    for _ in range(400):
        moved = False
        for i, j, gap in pairs:
            short = gap - (xs[j] - xs[i])
            if short > 1e-6:
                xs[i] -= short / 2
                xs[j] += short / 2
                moved = True
        if not moved:
            break
    return xs


# ---- page -------------------------------------------------------------------------------------------


def render_layout(lay: Layout, settings: Any) -> Drawing:
    """Every figure drawn and labelled, side by side."""
    from scidsl.text import measure_text

    size = float(settings.font_size) if getattr(settings, "font_size", None) else LABEL_PT
    page = Drawing()
    x = 0.0
    from scidsl.renderers.biology_extra import PAINTERS

    painters: dict[type, Callable[[Any, float], Drawing]] = {CellPlan: _cell, ForkPlan: _fork, **PAINTERS}
    for fig in lay.figures:
        d = painters[type(fig)](fig, size)
        b = d.bounds()
        if b is None:
            continue
        texts = [t for t in d.items if isinstance(t, Text)]
        left = min([b[0]] + [t.at[0] - _left_extent(t, measure_text(t.text, t.size)[0]) for t in texts])
        right = max([b[2]] + [t.at[0] + _right_extent(t, measure_text(t.text, t.size)[0]) for t in texts])
        page.extend(d.transformed(1.0, x - left, 0.0))
        x += right - left + GAP
    return page


def _left_extent(t: Text, w: float) -> float:
    return {"left": 0.0, "center": w / 2, "right": w}[t.ha]


def _right_extent(t: Text, w: float) -> float:
    return {"left": w, "center": w / 2, "right": 0.0}[t.ha]


