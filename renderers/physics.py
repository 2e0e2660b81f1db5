"""Renderer of the physics domain: energy-level diagrams and standing waves."""
from __future__ import annotations

from typing import Any

from scidsl.primitives import Drawing, LabelSpec, Line, Stroke, Text

_LEVEL_W = 5.0
_TUBE_H = 1.6
_WAVE_W = 8.0


def render_physics(items: list) -> Drawing:
    """Draw every diagram."""
    from scidsl.domains.physics.domain import Levels

    out = Drawing()
    for item in items:
        (_levels if isinstance(item, Levels) else _wave)(item, out)
    return out


def _owner(node: Any) -> str:
    return node.name or f"{node.kind}@{id(node)}"


def _levels(item: Any, out: Drawing) -> None:
    from scidsl.domains.physics.domain import HC_EV_NM

    node, owner, x0 = item.node, _owner(item.node), item.x0
    lo, hi = min(item.energies.values()), max(item.energies.values())
    span = (hi - lo) or 1.0

    def y(e: float) -> float:
        return (e - lo) / span * node.height

    names = node.names or [f"$n = {n}$" for n in node.levels]
    levels = list(item.energies.items())
    text_y = spread([y(e) for _, e in levels], 0.42)
    for (n, e), name, ty in zip(levels, names, text_y):
        out.items.append(Line(((x0, y(e)), (x0 + _LEVEL_W, y(e))), False, Stroke(width=1.4), owner=owner,
                              role=f"level {n}"))
        for side, text in ((-1, name), (1, f"{e:.3g} eV".replace("-", "−"))):
            end = x0 if side < 0 else x0 + _LEVEL_W
            out.items.append(Line(((end, y(e)), (end + side * 0.3, ty)), False, Stroke(width=0.6), owner=owner,
                                  role="leader"))
            out.items.append(Text((end + side * 0.4, ty), text, 10, "right" if side < 0 else "left", "center",
                                  owner=owner, role="level_name" if side < 0 else "level_energy"))
        out.anchors[f"{node.name}.n{n}"] = (x0 + _LEVEL_W / 2, y(e))
    count = len(item.transitions)
    for i, (a, b) in enumerate(item.transitions):
        x = x0 + _LEVEL_W * (i + 1) / (count + 1)
        out.items.append(Line(((x, y(item.energies[a])), (x, y(item.energies[b]))), False, Stroke(width=1.1),
                              "end", owner=owner, role=f"transition {a} {b}"))
        de = abs(item.energies[a] - item.energies[b])
        text = {"energy": f"{de:.3g} eV", "wavelength": f"{HC_EV_NM / de:.0f} nm" if de else "",
                "levels": f"{a}→{b}", "none": ""}[node.show]
        if text:
            mid = (x, (y(item.energies[a]) + y(item.energies[b])) / 2)
            out.labels.append(LabelSpec(text, mid, owner, size=9, prefer=(0.0, 180.0), distance=0.08))
    if node.label:
        out.items.append(Text((x0 + _LEVEL_W / 2, -0.9), node.label, 11, "center", "top", owner=owner, role="caption"))


def spread(ys: list[float], gap: float) -> list[float]:
    """Label heights near `ys` (in any order) at least `gap` apart, moved as little as possible."""
    order = sorted(range(len(ys)), key=lambda i: ys[i])
    out = [ys[i] for i in order]
    for _ in range(len(out)):
        for j in range(1, len(out)):
            if out[j] - out[j - 1] < gap:
                push = (gap - (out[j] - out[j - 1])) / 2
                out[j - 1] -= push
                out[j] += push
    result = [0.0] * len(ys)
    for rank, i in enumerate(order):
        result[i] = out[rank]
    return result


def _wave(item: Any, out: Drawing) -> None:
    from scidsl.domains.physics import waves

    node, owner, x0 = item.node, _owner(item.node), item.x0
    h = _TUBE_H / 2
    amp = 0.8 * h if node.medium == "tube" else 0.9
    if node.medium == "tube":
        out.items.append(Line(((x0, h), (x0 + _WAVE_W, h)), False, Stroke(width=1.4), owner=owner, role="tube"))
        out.items.append(Line(((x0, -h), (x0 + _WAVE_W, -h)), False, Stroke(width=1.4), owner=owner, role="tube"))
        for x, end in ((x0, item.ends[0]), (x0 + _WAVE_W, item.ends[1])):
            if end == "closed":
                out.items.append(Line(((x, -h), (x, h)), False, Stroke(width=2.4), owner=owner, role="closed_end"))
    else:
        for x in (x0, x0 + _WAVE_W):
            out.items.append(Line(((x, -1.3), (x, 1.3)), False, Stroke(width=2.4), owner=owner, role="fixed_end"))
    xs = [j / 200 for j in range(201)]
    for sign in (1, -1):
        pts = tuple((x0 + t * _WAVE_W, sign * amp * waves.displacement(item.ends, node.harmonic, t)) for t in xs)
        out.items.append(Line(pts, False, Stroke(width=1.1, dash=None if sign > 0 else "dashed"), owner=owner,
                              role="envelope"))
    below = -h - 0.35 if node.medium == "tube" else -1.55  # top of the node letters
    if node.mark:
        for t in item.nodes:
            out.items.append(Text((x0 + t * _WAVE_W, below), "N", 9, "center", "top", owner=owner, role="node"))
        for t in item.antinodes:
            out.items.append(Text((x0 + t * _WAVE_W, h + 0.3 if node.medium == "tube" else 1.5), "A", 9,
                                  "center", "bottom", owner=owner, role="antinode"))
    out.anchors[f"{node.name}.left"], out.anchors[f"{node.name}.right"] = (x0, 0.0), (x0 + _WAVE_W, 0.0)
    y = below - 0.8
    if node.length is not None:
        out.items.append(Line(((x0, y), (x0 + _WAVE_W, y)), False, Stroke(width=0.8), "both", owner=owner,
                              role="dimension"))
        out.items.append(Text((x0 + _WAVE_W / 2, y - 0.12), node.length.pretty(), 10, "center", "top", owner=owner,
                              role="length"))
        y -= 0.8
    if node.label:
        out.items.append(Text((x0 + _WAVE_W / 2, y - 0.1), node.label, 11, "center", "top", owner=owner,
                              role="caption"))
