"""Conics and implicit curves on a plot: sampled, clipped to the window, with their features and facts."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np

from scidsl.domains.plots import conics as cn
from scidsl.domains.plots import kinds as k
from scidsl.domains.plots.layout import CurveL, LayoutError, Panel, PointL, format_point
from scidsl.domains.plots.ticks import format_number

P = tuple[float, float]
_DASH = {"solid": None, "dashed": "dashed", "dotted": "dotted", "dashdot": "dashdot"}
IMPLICIT_GRID = 401
CONICS = (k.Ellipse, k.Hyperbola, k.Parabola)


def conic_extent(node: Any) -> tuple[list[float], list[float]]:
    """x and y values a default window should hold; none when the conic cannot be solved (reported later)."""
    try:
        c = cn.solve(node)
    except LayoutError:
        return [], []
    if c.kind == "parabola":
        reach = 4 * abs(c.a)
        pts = [c.center, c.foci()[0], c.along(reach if c.a > 0 else -reach), c.along(-abs(c.a) if c.a > 0 else abs(c.a))]
        h, kk = c.center
        pts += [(h + reach, kk), (h - reach, kk)] if c.axis == "y" else [(h, kk + reach), (h, kk - reach)]
    else:
        span = c.a + c.c if c.kind == "hyperbola" else c.a
        across = c.b * (span / c.a if c.kind == "hyperbola" else 1.0)
        h, kk = c.center
        pts = c.foci() + c.vertices()
        pts += [(h + span, kk + across), (h - span, kk - across)] if c.axis == "x" else \
            [(h + across, kk + span), (h - across, kk - span)]
    return [p[0] for p in pts], [p[1] for p in pts]


def _clip(points: list[P], window: tuple[float, float, float, float]) -> list[list[P]]:
    from shapely.geometry import LineString, box

    xmin, ymin, xmax, ymax = window
    cut = LineString(points).intersection(box(xmin, ymin, xmax, ymax))
    out = []
    for part in getattr(cut, "geoms", [cut]):
        if part.geom_type == "LineString" and len(part.coords) >= 2:
            out.append([(float(x), float(y)) for x, y in part.coords])
    return out


def _branches(c: cn.Conic, window: tuple[float, float, float, float]) -> list[list[P]]:
    """Sampled points of the conic, in its own (u along the focal axis, v across) frame, mapped back."""
    xmin, ymin, xmax, ymax = window
    reach = max(math.dist(c.center, q) for q in ((xmin, ymin), (xmin, ymax), (xmax, ymin), (xmax, ymax))) + 1.0
    if c.kind == "ellipse":
        t = np.linspace(0, 2 * math.pi, 721)
        frames = [(c.a * np.cos(t), c.b * np.sin(t))]
    elif c.kind == "hyperbola":
        top = max(math.asinh(reach / c.b), math.acosh(max(reach / c.a, 1.0))) + 0.1
        t = np.linspace(-top, top, 1201)
        frames = [(s * c.a * np.cosh(t), c.b * np.sinh(t)) for s in (1.0, -1.0)]
    else:
        top = max(reach, 2 * math.sqrt(abs(c.a) * reach)) + 1.0
        v = np.linspace(-top, top, 1201)
        frames = [(v ** 2 / (4 * c.a), v)]
    h, kk = c.center
    out = []
    for u, v in frames:
        xs, ys = (h + u, kk + v) if c.axis == "x" else (h + v, kk + u)
        out.append(list(zip(xs.tolist(), ys.tolist())))
    return out


def add_conic(panel: Panel, node: Any) -> None:
    """Draw a conic with its chosen features; facts for its equation and every feature."""
    from scidsl.domains.plots.plotting import add_point

    assert panel.axes is not None
    c = cn.solve(node)
    window = panel.axes.window
    pieces = [p for branch in _branches(c, window) for p in _clip(branch, window)]
    if not pieces:
        raise LayoutError("E6005", f"{node.kind} {node.name} has no point inside the window", node, None,
                          "widen xlim / ylim")
    eq = cn.equation(c)
    panel.curves.append(CurveL(node.name, pieces, node.color, node.width, _DASH[node.dash], node.label or eq,
                               eq.strip("$"), arrow=_arrow(node), arrow_mid=node.arrow == "middle"))
    show = cn.normalise_show(node.show, c)
    for role, p, text in cn.feature_points(c):
        if role == "center" and p == (0.0, 0.0) and panel.axes.frame == "arrows":
            text = None  # the axes already name the origin O
        if role in show:
            owner = f"{node.name}.{role if role == 'center' else (text or '').strip('$').replace('_', '')}"
            on = (node.name,) if role == "vertices" else ()
            add_point(panel, PointL(owner, p, text, "point", on), node)
    _lines(panel, node, c, show)
    panel.facts.extend(conic_facts(node.name, c))


def _arrow(node: Any) -> Any:
    return None if node.arrow in ("none", "middle") else node.arrow


def _coef(m: float) -> str:
    """A slope as a textbook writes it: 2, \\frac{2}{3}, or 1.41."""
    f = Fraction(m).limit_denominator(12)
    if abs(float(f) - m) > 1e-9:
        return format_number(m).strip("$")
    if f.denominator == 1:
        return "" if f.numerator == 1 else str(f.numerator)
    return f"\\frac{{{f.numerator}}}{{{f.denominator}}}"


def line_tex(m: float, q: float) -> str:
    """y = m x + q in mathtext without dollars: y = \frac{4}{3}x - 1."""
    rest = "" if abs(q) < 1e-9 else f" {'+' if q > 0 else '-'} {_coef(abs(q)) or '1'}"
    return f"y = {'-' if m < 0 else ''}{_coef(abs(m))}x{rest}"


def _lines(panel: Panel, node: Any, c: cn.Conic, show: set[str]) -> None:
    from scidsl.domains.plots.plotting import panel_warn

    xmin, ymin, xmax, ymax = panel.axes.window  # type: ignore[union-attr]
    before = len(panel.curves)
    if "asymptotes" in show:
        for i, (m, q) in enumerate(c.asymptotes()):
            pts = _clip([(xmin, m * xmin + q), (xmax, m * xmax + q)], (xmin, ymin, xmax, ymax))
            text = f"${line_tex(m, q)}$"
            panel.curves.append(CurveL(f"{node.name}.asymptote{i + 1}", pts, "0.35", 0.9, "dashed", text, None,
                                       role="asymptote"))
    if "directrix" in show:
        for i, d in enumerate(c.directrices()):
            ends = [(d, ymin), (d, ymax)] if c.axis == "x" else [(xmin, d), (xmax, d)]
            pts = _clip(ends, (xmin, ymin, xmax, ymax))
            text = f"${c.axis} = {'-' if d < 0 else ''}{_coef(abs(d)) or '1'}$" if d else f"${c.axis} = 0$"
            panel.curves.append(CurveL(f"{node.name}.directrix{i + 1}", pts, "0.35", 0.9, "dashed", text, None,
                                       role="asymptote"))
    for line in [cv for cv in panel.curves[before:] if not cv.pieces]:
        panel.curves.remove(line)
        panel_warn(panel, LayoutError("W6002", f"{line.owner} lies outside the plot window and is not drawn",
                                      node, "show", "widen xlim / ylim"))


def conic_facts(name: str, c: cn.Conic) -> list[tuple]:
    """The equation, centre or vertex, foci, eccentricity, directrices and asymptotes as facts."""
    eq = c_plain(cn.equation(c))
    out: list[tuple] = [(c.kind, (name,), eq, f"{name}: {eq}")]
    if c.kind != "parabola":
        out.append(("center", (name,), c.center, f"centre of {name} at {format_point(c.center)}"))
    for i, p in enumerate(c.vertices()):
        out.append(("vertex", (name, i + 1), p, f"vertex of {name} at {format_point(p)}"))
    for i, p in enumerate(c.foci()):
        out.append(("focus", (name, i + 1), p, f"focus of {name} at {format_point(p)}"))
    e = c.eccentricity
    out.append(("eccentricity", (name,), e, f"eccentricity of {name} = {format_number(e)}"))
    for d in c.directrices():
        out.append(("directrix", (name,), d, f"directrix of {name}: {c.axis} = {format_number(d)}"))
    for m, q in c.asymptotes():
        out.append(("asymptote", (name,), (m, q), f"asymptote of {name}: {c_plain(line_tex(m, q))}"))
    return out


def c_plain(text: str) -> str:
    """Mathtext of an equation as plain text: \\frac{a}{b} → (a)/(b)."""
    import re

    text = text.strip("$")
    text = re.sub(r"\\frac\{([^{}]*(?:\([^()]*\))?[^{}]*)\}\{([^{}]*)\}", r"\1/\2", text)
    return text


def add_implicit(panel: Panel, node: k.Implicit) -> None:
    """F(x, y) = c traced by marching squares over the window."""
    from contourpy import contour_generator

    from scidsl.domains.plots.layout import fn_of

    assert panel.axes is not None
    xmin, ymin, xmax, ymax = panel.axes.window
    xs, ys = np.linspace(xmin, xmax, IMPLICIT_GRID), np.linspace(ymin, ymax, IMPLICIT_GRID)
    gx, gy = np.meshgrid(xs, ys)
    f = fn_of(node.f, ("x", "y"))  # type: ignore[arg-type]
    with np.errstate(all="ignore"):
        z = np.broadcast_to(np.asarray(f(gx, gy), dtype=float), gx.shape) - float(node.equals)
    z = np.ma.masked_invalid(z)
    lines = contour_generator(gx, gy, z).lines(0.0)
    pieces = [[(float(x), float(y)) for x, y in line] for line in lines if len(line) >= 2]
    if not pieces:
        raise LayoutError("E6034", f"implicit {node.name or 'curve'}: {node.f.text} = {format_number(node.equals)} "
                          "has no point in the window", node, "f", "check F and the level, or widen xlim / ylim")
    owner = node.name or f"implicit{len(panel.curves)}"
    text = f"{node.f.text} = {format_number(node.equals)}"
    panel.curves.append(CurveL(owner, pieces, node.color, node.width, _DASH[node.dash], node.label, text,
                               arrow=_arrow(node), arrow_mid=node.arrow == "middle"))
    panel.facts.append(("implicit_curve", (node.name,), text, f"{owner}: {text}"))
