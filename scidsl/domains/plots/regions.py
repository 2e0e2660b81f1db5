"""Shaded regions under a curve or between two curves, with their computed areas."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from scidsl.domains.plots import kinds as k
from scidsl.domains.plots import numeric
from scidsl.domains.plots.layout import LayoutError, Panel, RegionL

P = tuple[float, float]


def shade_region(panel: Panel, n: k.Shade, fns: dict[str, Any]) -> RegionL:
    """The polygon and area of a `shade` statement."""
    assert panel.axes is not None
    names = _curves(n)
    specs = []
    for name in names:
        if name not in fns:
            raise LayoutError(
                "E6006",
                f"'{name}' is not a function of this plot",
                n,
                "under" if n.under else "between",
                f"functions here: {', '.join(sorted(fns)) or 'none'}",
            )
        specs.append(fns[name])
    f = specs[0].f()
    g = specs[1].f() if len(specs) == 2 else (lambda x: np.zeros_like(np.asarray(x, dtype=float)))
    a, b = _interval(panel, n, specs, f, g)
    xs = np.linspace(a, b, 400)
    _, ymin, _, ymax = panel.axes.window
    top = np.clip(numeric.values(f, xs), ymin, ymax)
    bottom = np.clip(numeric.values(g, xs), ymin, ymax)
    if not (np.isfinite(top).all() and np.isfinite(bottom).all()):
        raise LayoutError(
            "E6005",
            "a bounding curve is undefined somewhere on the shaded interval",
            n,
            "x",
            "shade an interval where the curves are defined",
        )
    polygon = [(float(x), float(y)) for x, y in zip(xs, top)] + [
        (float(x), float(y)) for x, y in zip(xs[::-1], bottom[::-1])
    ]
    area = numeric.area(lambda x: np.abs(numeric.values(f, x) - numeric.values(g, x)), a, b)
    if not math.isfinite(area):
        raise LayoutError("E6091", "the area of the shaded region is too large to compute", n, "x",
                          "shade a smaller interval or a curve with smaller values")
    text = n.label
    if n.show_area:
        from scidsl.domains.plots.ticks import format_number

        text = f"{text + ' = ' if text else 'A = '}{format_number(numeric.snap(round(area, 6)))}"
    return RegionL(
        n.name or f"shade{len(panel.regions) + 1}",
        polygon,
        n.color,
        n.alpha,
        n.hatch,
        text,
        numeric.snap(round(area, 9)),
        tuple(names),
        (a, b),
    )


def _curves(n: k.Shade) -> list[str]:
    if n.under is not None and n.between is None:
        return [n.under]
    if n.between is not None and n.under is None and len(n.between) == 2:
        return list(n.between)
    raise LayoutError(
        "E6014",
        "a shade needs `under: f` or `between: [f, g]` (two functions)",
        n,
        None,
        "shade S on P { under: f, x: [0, 2] } or shade S on P { between: [f, g] }",
    )


def _interval(panel: Panel, n: k.Shade, specs: list[Any], f: Any, g: Any) -> P:
    if n.x is not None:
        if not n.x[1] > n.x[0]:
            raise LayoutError(
                "E6003", "the shaded interval is empty", n, "x", "write [from, to] with from < to"
            )
        return n.x
    assert panel.axes is not None
    xmin, _, xmax, _ = panel.axes.window
    xs = numeric.roots(lambda x: f(x) - g(x), xmin, xmax)
    if len(xs) < 2:
        raise LayoutError(
            "E6014",
            "give the shaded interval x: [from, to]; the curves do not enclose a region",
            n,
            None,
            "add x: [a, b]",
        )
    return xs[0], xs[-1]
