"""Renderer of the physics domain: energy-level diagrams and standing waves."""
from __future__ import annotations

from typing import Any

from scidsl.primitives import Drawing, LabelSpec, Line, Stroke, Text

_LEVEL_W = 5.0
_TUBE_H = 1.6
_WAVE_W = 8.0
_DIM_MIN = 0.2  # a dimension line shorter than this (cm) is left out: no room for it or its label
_DIM_HEADS = 0.8  # ... and one shorter than this has no heads: two heads would meet with no shaft


def render_physics(items: list) -> Drawing:
    """Draw every diagram."""
    from scidsl.domains.physics.domain import Gas, Levels, Shot, Wave
    from scidsl.domains.physics.fields import FieldGroup
    from scidsl.domains.physics.optics_bench import Bench
    from scidsl.domains.physics.vibrations import Snapshot, Vibrator
    from scidsl.renderers.phys_fields import render_fields
    from scidsl.renderers.phys_optics import render_bench
    from scidsl.renderers.phys_waves import snapshot, vibrator

    draw = {Levels: _levels, Wave: _wave, Shot: _shot, Gas: _gas, Vibrator: vibrator, Snapshot: snapshot,
            FieldGroup: render_fields, Bench: render_bench}
    out = Drawing()
    for item in items:
        draw[type(item)](item, out)
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


def _dim_heads(length: float) -> str | None:
    return "both" if length >= _DIM_HEADS else None


def _shot(item: Any, out: Drawing) -> None:
    """Ground, launch height, the parabola, the launch velocity with its angle, range and greatest height."""
    import math

    from scidsl.primitives import Arc, Dot

    node, fl, owner, x0 = item.node, item.flight, _owner(item.node), item.x0
    span = max(fl.range, 1e-9)
    scale = min(9.0 / span, 6.0 / max(fl.top[1], 1e-9))  # page cm per metre, one scale both ways

    def page(p: tuple[float, float]) -> tuple[float, float]:
        return (x0 + p[0] * scale, p[1] * scale)

    land = page((fl.range, 0.0))
    out.items.append(Line(((x0 - 0.6, 0.0), (land[0] + 0.8, 0.0)), False, Stroke(width=1.2), owner=owner,
                          role="ground"))
    if fl.h0 > 0:
        out.items.append(Line(((x0 - 0.6, page((0, fl.h0))[1]), page((0, fl.h0)), page((0, 0))), False,
                              Stroke(width=1.0), owner=owner, role="cliff"))
        tall = page((0, fl.h0))[1]
        out.items.append(Line(((x0 - 0.4, 0.0), (x0 - 0.4, tall)), False, Stroke(width=0.8),
                              _dim_heads(tall), owner=owner, role="dimension"))
        out.labels.append(LabelSpec(f"$h$ = {node.height.pretty()}", (x0 - 0.4, page((0, fl.h0))[1] / 2), owner,
                                    size=10, prefer=(180.0, 150.0, 210.0, 120.0, 240.0)))
    pts = tuple(page(fl.at(fl.time * j / 120)) for j in range(121))
    out.items.append(Line(pts, False, Stroke(width=1.2, dash="dashed"), owner=owner, role="path"))
    start = page((0.0, fl.h0))
    out.items.append(Dot(start, 0.08, "black", owner))
    u = (math.cos(fl.angle), math.sin(fl.angle))
    tip = (start[0] + 1.6 * u[0], start[1] + 1.6 * u[1])
    out.items.append(Line((start, tip), False, Stroke(width=1.4), "end", owner=owner, role="velocity"))
    if "speed" in node.show:
        out.labels.append(LabelSpec(f"$v_0$ = {node.speed.pretty()}", tip, owner, size=10,
                                    prefer=(math.degrees(fl.angle) + 30, 90.0)))
    if "angle" in node.show and abs(fl.angle) > 1e-6:
        deg = math.degrees(fl.angle)
        out.items.append(Line((start, (start[0] + 1.3, start[1])), False, Stroke(width=0.7, dash="dotted"),
                              owner=owner, role="horizontal"))
        a0, a1 = (0.0, deg) if deg > 0 else (deg, 0.0)
        out.items.append(Arc(start, 0.8, a0, a1, Stroke(width=0.9), owner, role="angle"))
        out.labels.append(LabelSpec(node.angle.pretty(), (start[0] + 0.8 * math.cos(math.radians(deg / 2)),
                                                          start[1] + 0.8 * math.sin(math.radians(deg / 2))),
                                    owner, size=9, prefer=(deg / 2,), distance=0.08))
    top = page(fl.top)
    if "height" in node.show and top[1] >= _DIM_MIN:
        out.items.append(Line((top, (top[0], 0.0)), False, Stroke(width=0.8), _dim_heads(top[1]), owner=owner,
                              role="dimension"))
        out.labels.append(LabelSpec("$H$", (top[0], top[1] / 2), owner, size=10,
                                    prefer=(0.0, 180.0)))
    if "range" in node.show and land[0] - x0 >= _DIM_MIN:
        y = -0.7
        out.items.append(Line(((x0, y), (land[0], y)), False, Stroke(width=0.8), _dim_heads(land[0] - x0),
                              owner=owner, role="dimension"))
        out.items.append(Text(((x0 + land[0]) / 2, y - 0.1), "$R$", 10, "center", "top",
                              owner=owner, role="range"))
    out.anchors.update({f"{node.name}.launch": start, f"{node.name}.top": page(fl.top),
                        f"{node.name}.landing": land})
    if node.label:
        out.items.append(Text(((x0 + land[0]) / 2, -1.6), node.label, 11, "center", "top", owner=owner,
                              role="caption"))


def _gas(item: Any, out: Drawing) -> None:
    """A cylinder with a piston, the gas and its state, heat arrows under it."""
    from scidsl.primitives import Dot

    node, owner, x0 = item.node, _owner(item.node), item.x0
    w, h = 3.4, 4.0
    gas_h = 2.6
    out.items.append(Line(((x0, h), (x0, 0.0), (x0 + w, 0.0), (x0 + w, h)), False, Stroke(width=2.0), owner=owner,
                          role="cylinder"))
    out.items.append(Line(((x0 + 0.05, gas_h), (x0 + w - 0.05, gas_h), (x0 + w - 0.05, gas_h + 0.45),
                           (x0 + 0.05, gas_h + 0.45)), True, Stroke(width=1.2, fill="#dddddd", hatch="//"),
                          owner=owner, role="piston"))
    if node.piston == "free":
        out.items.append(Line(((x0 + w / 2, gas_h + 0.45), (x0 + w / 2, h + 0.6)), False, Stroke(width=2.0),
                              owner=owner, role="rod"))
    else:
        for x in (x0 - 0.25, x0 + w + 0.05):
            out.items.append(Line(((x, gas_h + 0.45), (x + 0.2, gas_h + 0.45), (x + 0.2, gas_h + 0.65),
                                   (x, gas_h + 0.65)), True, Stroke(width=1.0, fill="black"), owner=owner,
                                  role="stop"))
    for i in range(14):  # the gas's molecules, spread evenly and reproducibly
        px = x0 + 0.35 + (w - 0.7) * ((0.5 + i * 0.7548776662) % 1)  # a low-discrepancy (R2) sequence
        py = 0.3 + (gas_h - 0.6) * ((0.5 + i * 0.5698402910) % 1)
        out.items.append(Dot((px, py), 0.05, "#555555", owner))
    words = {"p": ("p", node.pressure), "V": ("V", node.volume), "T": ("T", node.temperature)}
    lines = [f"${sym}$ = {q.pretty()}" for sym, q in words.values() if q is not None]
    if node.moles is not None:
        lines.append(f"$n$ = {node.moles:g} mol")
    for i, text in enumerate(lines):
        out.items.append(Text((x0 + w + 0.5, h - 0.3 - 0.5 * i), text, 10, "left", "center", owner=owner,
                              role="state"))
    if node.heat != "none":
        for j in range(3):
            x = x0 + w * (j + 1) / 4
            ends = ((x, -1.3), (x, -0.15)) if node.heat == "in" else ((x, -0.15), (x, -1.3))
            out.items.append(Line(ends, False, Stroke(width=1.2, color="#c0392b"), "end", owner=owner, role="heat"))
        out.items.append(Text((x0 + w + 0.2, -0.8), "$Q$", 11, "left", "center", color="#c0392b", owner=owner,
                              role="heat_label"))
    if node.label:
        out.items.append(Text((x0 + w / 2, -1.7), node.label, 11, "center", "top", owner=owner, role="caption"))
