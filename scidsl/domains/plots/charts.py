"""Bar charts, histograms and pie charts: their axes, bars and slices computed from the values."""

from __future__ import annotations

import numpy as np

from scidsl.domains.plots import kinds as k
from scidsl.domains.plots.axes import axis_ticks
from scidsl.domains.plots.layout import Axes, BarL, LayoutError, Panel, SliceL
from scidsl.domains.plots.ticks import format_number

PALETTE = (
    "tab:blue",
    "tab:orange",
    "tab:green",
    "tab:red",
    "tab:purple",
    "tab:brown",
    "tab:pink",
    "tab:gray",
    "tab:olive",
    "tab:cyan",
)


def _value_axes(
    node: k.Node, name: str, xr: tuple[float, float], top: float, size: tuple[float, float]
) -> Axes:
    hi = top * 1.12 if top > 0 else 1.0
    ax = Axes(name, (xr[0], 0.0, xr[1], hi), size[0], size[1], "chart", title=node.title)
    ax.yticks = axis_ticks(node, "y", 0.0, hi, size[1])
    return ax


def build_barchart(n: k.BarChart) -> Panel:
    """Bars at 0.5, 1.5, ... with the categories under them."""
    if len(n.categories) != len(n.values):
        raise LayoutError(
            "E6007",
            f"{len(n.categories)} categories for {len(n.values)} values",
            n,
            "values",
            "give one value per category",
        )
    if any(v < 0 for v in n.values):
        raise LayoutError("E6008", "bar values must not be negative", n, "values")
    count = len(n.values)
    ax = _value_axes(n, n.name or "bars", (0.0, float(count)), max(n.values), tuple(n.size))
    ax.xticks = [(i + 0.5, c) for i, c in enumerate(n.categories)]
    ax.xlabel, ax.ylabel = n.xlabel or "", n.ylabel or ""
    panel = Panel(n, ax)
    for i, (c, v) in enumerate(zip(n.categories, n.values)):
        text = format_number(v) if n.show_values else None
        panel.bars.append(BarL(f"{n.name}.{i + 1}", i + 0.2, i + 0.8, v, n.color, text, c))
        panel.facts.append(("bar", (n.name, c), v, f"{c}: {format_number(v)}"))
    _axis_facts(panel, ax)
    return panel


def build_histogram(n: k.Histogram) -> Panel:
    """Adjacent bars over the bin edges; counts given or computed from the data."""
    edges = list(n.edges)
    if any(b <= a for a, b in zip(edges, edges[1:])):
        raise LayoutError("E6009", "histogram edges must increase", n, "edges")
    counts = _counts(n, edges)
    ax = _value_axes(n, n.name or "histogram", (edges[0], edges[-1]), max(counts), tuple(n.size))
    ax.frame = "histogram"
    ax.xticks = _edge_ticks(n, edges, ax)
    ax.xlabel, ax.ylabel = n.xlabel or "", n.ylabel
    panel = Panel(n, ax)
    for i, c in enumerate(counts):
        text = format_number(c) if n.show_values and c > 0 else None
        cat = f"[{format_number(edges[i])}, {format_number(edges[i + 1])})"
        panel.bars.append(BarL(f"{n.name}.{i + 1}", edges[i], edges[i + 1], c, n.color, text, cat))
        panel.facts.append(("bin", (n.name, edges[i], edges[i + 1]), c, f"{cat}: {format_number(c)}"))
    _axis_facts(panel, ax)
    return panel


def _counts(n: k.Histogram, edges: list[float]) -> list[float]:
    if (n.counts is None) == (n.data is None):
        raise LayoutError(
            "E6009",
            "a histogram needs either counts (one per bin) or data",
            n,
            None,
            "histogram h { edges: [0, 10, 20], counts: [3, 5] }",
        )
    if n.counts is not None:
        if len(n.counts) != len(edges) - 1:
            raise LayoutError(
                "E6009",
                f"{len(n.counts)} counts for {len(edges) - 1} bins",
                n,
                "counts",
                "give one count per bin (one fewer than the edges)",
            )
        if any(c < 0 for c in n.counts):
            raise LayoutError("E6008", "counts must not be negative", n, "counts")
        return list(n.counts)
    assert n.data is not None
    hist, _ = np.histogram(np.asarray(n.data, dtype=float), bins=np.asarray(edges, dtype=float))
    return [float(c) for c in hist]


def _edge_ticks(n: k.Histogram, edges: list[float], ax: Axes) -> list[tuple[float, str]]:
    from scidsl.text import measure_text

    labels = [format_number(e) for e in edges]
    widest = max(measure_text(t, 10.0)[0] for t in labels)
    narrowest = min(b - a for a, b in zip(edges, edges[1:])) / (edges[-1] - edges[0]) * ax.width
    every = max(1, int(np.ceil((widest + 0.25) / max(narrowest, 1e-9))))
    return [(e, t if i % every == 0 else "") for i, (e, t) in enumerate(zip(edges, labels))]


def _axis_facts(panel: Panel, ax: Axes) -> None:
    panel.facts.append(("axis", (ax.name, "x"), (ax.window[0], ax.window[2]), ax.xlabel))
    panel.facts.append(("axis", (ax.name, "y"), (ax.window[1], ax.window[3]), ax.ylabel))


def build_pie(n: k.PieChart) -> Panel:
    """Slices clockwise from 12 o'clock, each labelled with its name and percentage."""
    if len(n.labels) != len(n.values):
        raise LayoutError(
            "E6007",
            f"{len(n.labels)} labels for {len(n.values)} values",
            n,
            "values",
            "give one value per label",
        )
    total = sum(n.values)
    if any(v < 0 for v in n.values) or total <= 0:
        raise LayoutError("E6008", "pie values must be non-negative and not all zero", n, "values")
    radius = min(n.size) / 2 * 0.75
    panel = Panel(n, None, radius=radius, center=(radius, radius))
    start = 90.0
    for i, (lab, v) in enumerate(zip(n.labels, n.values)):
        pct = 100.0 * v / total
        sweep = 360.0 * v / total
        text = f"{lab} ({format_number(round(pct, 1))}%)" if n.percent else lab
        panel.slices.append(
            SliceL(f"{n.name}.{i + 1}", start - sweep, start, PALETTE[i % len(PALETTE)], text, v, pct)
        )
        panel.facts.append(
            (
                "slice",
                (n.name, lab),
                round(pct, 4),
                f"{lab}: {format_number(v)} ({format_number(round(pct, 1))}%)",
            )
        )
        start -= sweep
    return panel
