"""Renderer of reaction energy profiles: axes, the curve through the levels, Ea and ΔH arrows."""
from __future__ import annotations

from typing import Any

from scidsl.domains.chemistry.energy import (
    EA,
    EA_CAT,
    PLATEAU,
    ProfileGeometry,
    key_texts,
    level_keys,
    level_roles,
)
from scidsl.domains.chemistry.layout_figures import EnergyBlock
from scidsl.primitives import Drawing, LabelSpec, Line, Stroke, Text

AXIS = Stroke(width=1.1)
CURVE = Stroke(width=1.7)
CAT = Stroke(width=1.5, dash="dashed", color="#1f4e9c")
GUIDE = Stroke(width=0.7, dash="dotted", color="#555555")
MARK = Stroke(width=0.9)
KEY_GAP = 1.4  # ΔH arrow to the key: room for the ΔH label
SAMPLE = 0.8  # length of a line sample in the key
RUN_ALONG = 0.1  # a curve this close to a level over three samples runs along it


def render_energy(block: EnergyBlock) -> Drawing:
    """The profile in its own frame."""
    out = Drawing()
    node, geo = block.entry.node, block.geo
    own = node.name or "energy_profile"
    _axes(out, geo.width, geo.height, f"{own}.axes")
    out.items.append(Line(tuple(geo.curve), False, CURVE, owner=own, role="curve"))
    if geo.cat_curve:
        out.items.append(Line(tuple(geo.cat_curve), False, CAT, owner=f"{own}.catalysed", role="curve"))
    dh_x = geo.xs[-1] + PLATEAU * 0.8 + 0.6
    _guides(out, geo, dh_x, own)
    _delta_h(out, node, geo, dh_x, own)
    _ea_arrows(out, node, geo, own)
    _names(out, node, geo, own)
    _anchors(out, geo, own)
    _key(out, node, key_texts(node), dh_x + KEY_GAP, geo.height, own)
    if node.label:
        out.items.append(Text((geo.width / 2, -1.15), node.label, 11, "center", "top", owner=own,
                              role="caption"))
    return out


def _axes(out: Drawing, width: float, height: float, own: str) -> None:
    out.items.append(Line(((0.0, 0.0), (0.0, height + 0.6)), False, AXIS, "end", own, "axis"))
    out.items.append(Line(((0.0, 0.0), (width + 0.9, 0.0)), False, AXIS, "end", own, "axis"))
    out.items.append(Text((-0.45, height / 2), "Potential energy", 11, "center", "center", 90, owner=own,
                          role="axis-title"))
    out.items.append(Text((width / 2, -0.25), "Reaction progress", 11, "center", "top", owner=own,
                          role="axis-title"))


def _guides(out: Drawing, geo: ProfileGeometry, dh_x: float, own: str) -> None:
    """Dotted level lines: the reactants' across to the ΔH arrow, the products' out to it."""
    y_r, y_p = geo.ys[0], geo.ys[-1]
    x0 = _last_run_along(geo.curve + geo.cat_curve, y_r, geo.xs[0])
    out.items.append(Line(((x0, y_r), (dh_x + 0.15, y_r)), False, GUIDE, owner=f"{own}.guide"))
    out.items.append(Line(((geo.xs[-1] + PLATEAU * 0.8, y_p), (dh_x + 0.15, y_p)), False, GUIDE,
                          owner=f"{own}.guide"))


def _last_run_along(points: list[tuple[float, float]], y: float, x0: float) -> float:
    """Where a curve last runs along the level y (not merely crossing it): a guide starts there.

    A profile whose first barrier is small next to its range stays at the reactants' height for a
    while; a dotted guide drawn over that stretch would sit on the curve and read as one line.
    """
    near = [abs(py - y) < RUN_ALONG for _, py in points]
    start = x0
    for k in range(1, len(points) - 1):
        if near[k - 1] and near[k] and near[k + 1]:
            start = max(start, points[k + 1][0])
    return start


def _delta_h(out: Drawing, node: Any, geo: ProfileGeometry, x: float, own: str) -> None:
    y_r, y_p = geo.ys[0], geo.ys[-1]
    if abs(y_p - y_r) < 0.15:
        return
    out.items.append(Line(((x, y_r), (x, y_p)), False, MARK, "end", f"{own}.dh", "arrow"))
    out.labels.append(LabelSpec(r"$\Delta H$", (x, (y_r + y_p) / 2), f"{own}.dh", 10, (0.0,), 0.12,
                                role="delta-h"))


def _ea_arrows(out: Drawing, node: Any, geo: ProfileGeometry, own: str) -> None:
    levels = list(node.levels)
    peak = max(range(1, len(levels) - 1, 2), key=lambda i: levels[i])
    px, py = geo.xs[peak], geo.ys[peak]
    cat_px = None
    if geo.cat_curve:
        cat = list(node.catalysed)
        cpk = max(range(1, len(cat) - 1, 2), key=lambda i: cat[i])
        cat_px = geo.cat_xs[cpk]
    # two arrows under one peak stand side by side, each joined to its peak by a short guide
    close = cat_px is not None and abs(cat_px - px) < 0.6
    if cat_px is not None:
        _ea(out, cat_px + 0.18 if close else cat_px, geo.ys[0], geo.cat_ys[cpk], cat_px, EA_CAT,
            f"{own}.catalysed", (0.0, 180.0))  # the catalysed barrier belongs to its path
    _ea(out, px - 0.18 if close else px, geo.ys[0], py, px, EA, f"{own}.ea", (180.0, 0.0) if close else (0.0, 180.0))


def _ea(out: Drawing, x: float, y0: float, y1: float, peak_x: float | None, text: str, own: str,
        prefer: tuple[float, ...] = (180.0, 0.0)) -> None:
    if y1 - y0 < 0.15:
        return
    if peak_x is not None and abs(peak_x - x) > 1e-9:
        out.items.append(Line(((x, y1), (peak_x, y1)), False, GUIDE, owner=own))
    out.items.append(Line(((x, y0), (x, y1)), False, MARK, "both", own, "arrow"))
    # the barrier is measured from the reactants' level: its dotted guide is part of what the label names
    out.labels.append(LabelSpec(text, (x, (y0 + y1) / 2), own, 10, prefer, 0.12, role="ea",
                                may_touch=(own.rsplit(".", 1)[0] + ".guide",)))


def _names(out: Drawing, node: Any, geo: ProfileGeometry, own: str) -> None:
    roles = level_roles(len(geo.xs))
    names = list(node.names) if node.names else ["reactants"] + [""] * (len(roles) - 2) + ["products"]
    for x, y, role, text in zip(geo.xs, geo.ys, roles, names):
        x += {"reactants": -0.45, "products": 0.45}.get(role, 0.0)  # over the plateau, clear of the rise
        if text:
            out.labels.append(LabelSpec(text, (x, y), own, 10, (90.0,) if role != "products" else
                                        (90.0, 270.0), 0.15, role=f"level-{role}"))


def _anchors(out: Drawing, geo: ProfileGeometry, own: str) -> None:
    for x, y, key in zip(geo.xs, geo.ys, level_keys(len(geo.xs))):
        out.anchors[f"{own}.{key}"] = (x, y)
    peak = max(range(len(geo.ys)), key=lambda i: geo.ys[i])
    out.anchors[f"{own}.peak"] = (geo.xs[peak], geo.ys[peak])
    out.anchors[own] = (geo.width / 2, geo.height / 2)


def _key(out: Drawing, node: Any, rows: list[tuple[str | None, str]], x: float, top: float, own: str) -> None:
    y = top
    for sample, text in rows:
        tx = x
        if sample is not None:
            stroke = CURVE if sample == "solid" else CAT
            out.items.append(Line(((x, y), (x + SAMPLE, y)), False, stroke, owner=f"{own}.key", role="key"))
            tx = x + SAMPLE + 0.2
        out.items.append(Text((tx, y), text, 10, "left", "center", owner=own, role="key"))
        y -= 0.5
