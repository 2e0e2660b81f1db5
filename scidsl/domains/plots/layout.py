"""Lay out plots: windows, ticks, sampled curves, computed special points, regions and charts.

Everything is kept in data coordinates with the axes' data → page map; the renderer draws it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Optional


from scidsl.domains.plots import kinds as k
from scidsl.domains.plots import numeric
from scidsl.domains.plots.ticks import format_number

P = tuple[float, float]
PANEL_GAP_CM = 3.0


class LayoutError(Exception):
    """A problem found while laying out, reported as a diagnostic on a statement."""

    def __init__(
        self, code: str, message: str, node: Any, key: Optional[str] = None, hint: Optional[str] = None
    ):
        super().__init__(message)
        self.code, self.message, self.node, self.key, self.hint = code, message, node, key, hint


@dataclass
class Axes:
    """A plot's window and its map to the page."""

    name: str
    window: tuple[float, float, float, float]
    width: float
    height: float
    frame: str = "arrows"
    grid: bool = False
    minor: bool = False  # grid lines between the ticks too
    xticks: list[tuple[float, str]] = field(default_factory=list)
    yticks: list[tuple[float, str]] = field(default_factory=list)
    xlabel: str = ""
    ylabel: str = ""
    offset: P = (0.0, 0.0)
    title: Optional[str] = None
    xlog: bool = False
    ylog: bool = False

    def fraction(self, p: P) -> P:
        """Where a data point sits in the window, 0..1 on each axis (log axes map decades evenly)."""
        xmin, ymin, xmax, ymax = self.window
        return _frac(p[0], xmin, xmax, self.xlog), _frac(p[1], ymin, ymax, self.ylog)

    def page(self, p: P) -> P:
        """Data → page centimetres."""
        fx, fy = self.fraction(p)
        return (self.offset[0] + fx * self.width, self.offset[1] + fy * self.height)

    def page_many(self, pts: Any) -> Any:
        """Data → page centimetres of many points, an (n, 2) array: the very numbers `page` gives.

        On linear axes numpy does page's arithmetic, operation by operation, on whole columns;
        log axes go point by point (numpy's log10 may differ from math's in the last bit).
        """
        import numpy as np

        if self.xlog or self.ylog:
            return np.array([self.page(p) for p in pts], dtype=float).reshape(-1, 2)
        xy = np.asarray(pts, dtype=float).reshape(-1, 2)
        xmin, ymin, xmax, ymax = self.window
        fx = (xy[:, 0] - xmin) / (xmax - xmin)
        fy = (xy[:, 1] - ymin) / (ymax - ymin)
        return np.column_stack((self.offset[0] + fx * self.width, self.offset[1] + fy * self.height))

    def inside(self, p: P, tol: float = 1e-9) -> bool:
        """True when a data point lies in the window."""
        xmin, ymin, xmax, ymax = self.window
        tx, ty = tol * (xmax - xmin), tol * (ymax - ymin)
        return xmin - tx <= p[0] <= xmax + tx and ymin - ty <= p[1] <= ymax + ty

    @property
    def axis_x(self) -> float:
        """The x where the vertical axis stands (0 when visible)."""
        xmin, _, xmax, _ = self.window
        return 0.0 if self.frame == "arrows" and xmin <= 0 <= xmax else xmin

    @property
    def axis_y(self) -> float:
        """The y where the horizontal axis lies (0 when visible)."""
        _, ymin, _, ymax = self.window
        return 0.0 if self.frame == "arrows" and ymin <= 0 <= ymax else ymin


def _frac(v: float, lo: float, hi: float, log: bool) -> float:
    if log:
        return (math.log10(max(v, 1e-300)) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
    return (v - lo) / (hi - lo)


@dataclass
class CurveL:
    """A drawn curve in pieces (data coordinates)."""

    owner: str
    pieces: list[list[P]]
    color: str = "black"
    width: float = 1.5
    dash: Optional[str] = None
    label: Optional[str] = None
    expr: Optional[str] = None
    arrow_mid: bool = False
    arrow: Optional[str] = None
    role: str = "curve"
    through: list[P] = field(default_factory=list)  # stated points of a smooth curve


@dataclass
class PointL:
    """A marked point: computed (root, extremum, intersection) or given."""

    owner: str
    at: P
    text: Optional[str]
    kind: str = "point"
    of: tuple[str, ...] = ()
    drop: bool = False
    hollow: bool = False
    color: str = "black"


@dataclass
class RegionL:
    """A shaded region (polygon in data coordinates)."""

    owner: str
    polygon: list[P]
    color: str
    alpha: float
    hatch: Optional[str]
    text: Optional[str]
    area: float
    of: tuple[str, ...]
    interval: P


@dataclass
class TextL:
    """Text at a data position."""

    owner: str
    at: P
    text: str
    color: str = "black"
    size: float = 11
    touch: bool = True  # may sit on the panel's lines (a free note); False: the after-render check holds it off


@dataclass
class ArcL:
    """An angle mark at a data vertex (angles in degrees on the page)."""

    owner: str
    vertex: P
    start: P
    end: P
    radius: float
    text: Optional[str]


@dataclass
class BarL:
    """A filled rectangle of a bar chart or histogram, in data coordinates."""

    owner: str
    x0: float
    x1: float
    height: float
    color: str
    text: Optional[str]
    category: str


@dataclass
class SliceL:
    """A pie slice (degrees, counter-clockwise from 12 o'clock going clockwise in the figure)."""

    owner: str
    theta1: float
    theta2: float
    color: str
    text: str
    value: float
    percent: float


@dataclass
class Panel:
    """One plot or chart with everything on it."""

    node: Any
    axes: Optional[Axes]
    curves: list[CurveL] = field(default_factory=list)
    points: list[PointL] = field(default_factory=list)
    regions: list[RegionL] = field(default_factory=list)
    texts: list[TextL] = field(default_factory=list)
    arcs: list[ArcL] = field(default_factory=list)
    bars: list[BarL] = field(default_factory=list)
    slices: list[SliceL] = field(default_factory=list)
    radius: float = 0.0
    center: P = (0.0, 0.0)
    facts: list[tuple] = field(default_factory=list)


@dataclass
class Layout:
    """Every panel, placed left to right."""

    panels: list[Panel] = field(default_factory=list)
    warnings: list[LayoutError] = field(default_factory=list)


def fn_of(expr: k.Expr, var: str = "x") -> numeric.Fn:
    """A vectorised function from a scene expression."""
    from scidsl.expr import numpy_function

    return numpy_function(expr.tree, var)


def format_point(p: P) -> str:
    """(x, y) with short numbers."""
    return f"({format_number(p[0])}, {format_number(p[1])})"


def line_text(m: float, b: float, y: str = "y", x: str = "x") -> str:
    """y = m x + b as a textbook writes it: y = x, y = −2x + 3, y = 0.5 (with the axes' own symbols)."""
    if abs(m) < 1e-12:
        return f"{y} = {format_number(b)}"
    slope = {1.0: "", -1.0: "−"}.get(round(m, 12), format_number(m).strip("$"))
    rest = "" if abs(b) < 1e-12 else f" {'+' if b > 0 else '−'} {format_number(abs(b)).strip('$')}"
    return f"{y} = {slope}{x}{rest}"


_SYMBOL = re.compile(r"\$(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\$")


def axis_symbol(label: str) -> Optional[str]:
    """The quantity symbol of an axis label: F in "load $F$ (N)", T_1 in "$T_1$ (K)"; None without one."""
    found = _SYMBOL.search(label or "")
    return found.group(1) if found else None


def fit_symbols(xlabel: str, ylabel: str) -> Optional[tuple[str, str]]:
    """(y, x) symbols for an equation in the axes' quantities, or None when they would contradict the axes."""
    xs, ys = axis_symbol(xlabel), axis_symbol(ylabel)
    y, x = ys or "y", xs or "x"
    if y == x or (ys is None and y == xs) or (xs is None and x == ys):
        return None  # e.g. the y axis is called x and the x axis has no symbol: "x = 2x" would mislead
    return y, x
