"""Data series: line charts, scatter plots, smooth curves through data and least-squares lines."""

from __future__ import annotations

from typing import Any

from scidsl.domains.plots import kinds as k
from scidsl.domains.plots import numeric
from scidsl.domains.plots.layout import CurveL, LayoutError, Panel, PointL, fit_symbols, format_point, line_text
from scidsl.domains.plots.ticks import format_number

P = tuple[float, float]


def smooth(pts: list[P], per_segment: int = 16) -> list[P]:
    """A smooth curve through the points that never overshoots them (monotone between neighbours)."""
    from scidsl.curves import monotone_through

    return monotone_through(pts, per_segment)


def add_series(panel: Panel, n: k.Series) -> None:
    """The series' line and dots, value labels and fitted line."""
    owner = n.name or f"series{len(panel.curves)}"
    pts = [(float(a), float(b)) for a, b in n.points]
    dash = None if n.dash == "solid" else n.dash
    if n.style in ("line", "linepoints", "smooth") and len(pts) >= 2:
        line = smooth(pts) if n.style == "smooth" else pts
        panel.curves.append(
            CurveL(
                owner, [line], n.color, 1.4, dash, n.label if n.fit == "none" else None, None, role="series",
                through=pts if n.style == "smooth" else [],
            )
        )
    if n.style in ("scatter", "linepoints"):
        for i, p in enumerate(pts):
            text = format_number(p[1]) if n.values else None
            _point(panel, PointL(f"{owner}.{i + 1}", p, text, "data", (owner,), color=n.color), n)
    for i, p in enumerate(pts):
        panel.facts.append(("data_point", (owner, i + 1), p, f"{owner}: point {format_point(p)}"))
    if n.fit == "linear" and len(pts) >= 2:
        _fit_line(panel, n, owner, pts)


def _point(panel: Panel, point: PointL, node: Any) -> None:
    from scidsl.domains.plots.plotting import add_point

    add_point(panel, point, node)


def _fit_line(panel: Panel, n: k.Series, owner: str, pts: list[P]) -> None:
    assert panel.axes is not None
    try:
        slope, intercept = numeric.linear_fit(pts)
    except ValueError as exc:
        raise LayoutError(
            "E6014", f"{owner}: {exc} for a linear fit", n, "fit", "give points at different x"
        ) from None
    xmin, _, xmax, _ = panel.axes.window
    lo, hi = min(p[0] for p in pts), max(p[0] for p in pts)
    pad = 0.05 * (hi - lo)
    f = lambda x: slope * x + intercept
    pieces, _ = numeric.sample(f, max(xmin, lo - pad), min(xmax, hi + pad), panel.axes.window, 3)
    symbols = fit_symbols(panel.axes.xlabel, panel.axes.ylabel)
    if symbols is None:
        text = f"slope {format_number(slope)}, intercept {format_number(intercept)}"
    else:
        text = f"${line_text(slope, intercept, *symbols).replace('−', '-')}$"
    panel.curves.append(
        CurveL(f"{owner}.fit", pieces, n.color, 1.2, "dashed", n.label or text, text, role="fit")
    )
    panel.facts.append(("fit_line", (owner,), (slope, intercept), f"least-squares line of {owner}: {text}"))
