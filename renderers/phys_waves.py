"""Drawing of waves on strings: Melde's string vibrator and a travelling-wave snapshot."""
from __future__ import annotations

import math
from typing import Any

from scidsl.primitives import Arc, Circle, Dot, Drawing, LabelSpec, Line, Stroke, Text

P = tuple[float, float]
_SPAN = 9.4  # drawn length of the vibrating string, cm
_BENCH = -1.2
_THIN = Stroke(width=0.8)


def _owner(node: Any) -> str:
    return node.name or f"{node.kind}@{id(node)}"


def vibrator(item: Any, out: Drawing) -> None:
    """Source, string with the envelope of harmonic n, pulley at the bench's end, the hanging mass, L marked."""
    node, owner, x0 = item.node, _owner(item.node), item.x0
    xs, xp, r = x0 + 1.6, x0 + 1.6 + _SPAN, 0.35
    _source(node.source, x0, owner, out)
    out.items.append(Line(((x0 - 0.3, _BENCH), (xp + 0.15, _BENCH)), False, Stroke(width=1.6), owner=owner,
                          role="bench"))
    for sign, dash in ((1, None), (-1, "dashed")):
        pts = tuple((xs + t / 200 * _SPAN, sign * 0.6 * math.sin(node.harmonic * math.pi * t / 200))
                    for t in range(201))
        out.items.append(Line(pts, False, Stroke(width=1.1, dash=dash), owner=owner, role="envelope"))
    c = (xp, -r)
    out.items.append(Line((c, (xp, _BENCH)), False, Stroke(width=1.4), owner=owner, role="mount"))
    out.items.append(Circle(c, r, Stroke(fill="white", zorder=1), owner=owner, role="pulley"))
    out.items.append(Dot(c, 0.06, owner=owner))
    out.items.append(Arc(c, r, 0.0, 90.0, Stroke(width=1.1), owner, role="string"))
    top, w = -2.8, 0.8
    out.items.append(Line(((xp + r, -r), (xp + r, top)), False, Stroke(width=1.1), owner=owner, role="string"))
    box = ((xp + r - w / 2, top - w), (xp + r + w / 2, top - w), (xp + r + w / 2, top), (xp + r - w / 2, top))
    out.items.append(Line(box, True, Stroke(fill="#dddddd", zorder=1), owner=owner, role="mass"))
    out.items.append(Text((xp + r, top - w / 2), "$m$", 11, owner=owner, may_touch=(owner,)))
    if node.mass is not None:
        out.labels.append(LabelSpec(node.mass.pretty(), (xp + r + w / 2, top - w / 2), owner, prefer=(0.0,)))
    y = 1.05
    out.items.append(Line(((xs, y), (xp, y)), False, _THIN, "both", owner=owner, role="dimension"))
    out.items.append(Text(((xs + xp) / 2, y + 0.1), f"$L$ = {node.length.pretty()}", 10, "center", "bottom",
                          owner=owner, role="length"))
    if node.frequency is not None:
        out.labels.append(LabelSpec(f"$f$ = {node.frequency.pretty()}", (x0 + 0.55, 0.3), owner,
                                    prefer=(90.0, 135.0, 180.0), size=10, role="frequency"))
    out.items.append(Text((x0 + 0.8, _BENCH - 0.15), node.source.replace("_", " "), 9, "center", "top", owner=owner,
                          role="source"))
    if node.label:
        out.items.append(Text(((xs + xp) / 2, _BENCH - 0.9), node.label, 11, "center", "top", owner=owner,
                              role="caption"))
    out.anchors.update({f"{node.name}.left": (xs, 0.0), f"{node.name}.pulley": c,
                        f"{node.name}.mass": (xp + r, top - w / 2)})


def _source(kind: str, x0: float, owner: str, out: Drawing) -> None:
    """A vibrator box with its arm, or a tuning fork on a stand, driving the string at (x0 + 1.6, 0)."""
    if kind == "vibrator":
        box = ((x0, _BENCH), (x0 + 1.1, _BENCH), (x0 + 1.1, 0.3), (x0, 0.3))
        out.items.append(Line(box, True, Stroke(fill="#eeeeee", zorder=1), owner=owner, role="vibrator"))
        out.items.append(Line(((x0 + 1.1, 0.0), (x0 + 1.6, 0.0)), False, Stroke(width=2.2), owner=owner, role="arm"))
        return
    cx, cy, rr = x0 + 0.8, -0.225, 0.225
    u = [(cx + rr * math.cos(math.radians(a)), cy + rr * math.sin(math.radians(a))) for a in range(90, 271, 10)]
    fork = ((x0 + 1.6, 0.0),) + tuple(u) + ((x0 + 1.6, -0.45),)
    out.items.append(Line(fork, False, Stroke(width=2.0), owner=owner, role="fork"))
    out.items.append(Line(((cx - rr, cy), (x0 + 0.3, cy), (x0 + 0.3, _BENCH)), False, Stroke(width=2.0), owner=owner,
                          role="stand"))


def snapshot(item: Any, out: Drawing) -> None:
    """Axes, y = A sin(kx) over the shown wavelengths, λ and A as dimensions, the direction of travel."""
    node, owner, x0 = item.node, _owner(item.node), item.x0
    width, amp = 9.0, 1.0
    lam = width / node.cycles

    def at(x: float) -> P:
        return (x0 + x, amp * math.sin(2 * math.pi * x / lam))

    out.items.append(Line(((x0 - 0.3, 0.0), (x0 + width + 0.6, 0.0)), False, _THIN, "end", owner=owner, role="axis"))
    out.items.append(Line(((x0, -amp - 0.5), (x0, amp + 1.6)), False, _THIN, "end", owner=owner, role="axis"))
    out.labels.append(LabelSpec("$x$", (x0 + width + 0.6, 0.0), owner, prefer=(315.0, 0.0), role="axis_label"))
    out.labels.append(LabelSpec("$y$", (x0, amp + 1.6), owner, prefer=(0.0, 180.0), role="axis_label"))
    pts = tuple(at(width * j / 400) for j in range(401))
    out.items.append(Line(pts, False, Stroke(width=1.4), owner=owner, role="wave"))
    a, b = (lam / 4, 5 * lam / 4) if node.cycles >= 1.25 else (0.0, lam)
    y = amp + 0.45
    for x in (a, b):
        out.items.append(Line((at(x), (x0 + x, y + 0.15)), False, Stroke(width=0.6, dash="dashed"), owner=owner,
                              role="extension"))
    out.items.append(Line(((x0 + a, y), (x0 + b, y)), False, _THIN, "both", owner=owner, role="dimension"))
    out.labels.append(LabelSpec(f"$\\lambda$ = {node.wavelength.pretty()}", (x0 + (a + b) / 2, y), owner,
                                prefer=(90.0,), distance=0.08))
    xt = 3 * lam / 4
    out.items.append(Line(((x0 + xt, 0.0), (x0 + xt, -amp)), False, _THIN, "both", owner=owner, role="dimension"))
    out.labels.append(LabelSpec(f"$A$ = {node.amplitude.pretty()}", (x0 + xt, -amp / 2), owner,
                                prefer=(180.0, 0.0), distance=0.12))
    ya = amp + 1.2
    ends = ((x0 + width - 1.8, ya), (x0 + width - 0.3, ya))
    if node.direction == "left":
        ends = (ends[1], ends[0])
    out.items.append(Line(ends, False, Stroke(width=1.2), "end", owner=owner, role="travel"))
    text = f"$v$ = {item.speed:.3g} m/s" if item.speed is not None else "$v$"
    out.labels.append(LabelSpec(text, ((ends[0][0] + ends[1][0]) / 2, ya), owner, prefer=(90.0,), distance=0.08))
    if getattr(node, "frequency", None) is not None:  # the frequency under the arrow of travel
        out.labels.append(LabelSpec(f"$f$ = {node.frequency.pretty()}", ((ends[0][0] + ends[1][0]) / 2, ya), owner,
                                    prefer=(270.0,), distance=0.25))
    if node.label:
        out.items.append(Text((x0 + width / 2, -amp - 0.8), node.label, 11, "center", "top", owner=owner,
                              role="caption"))
    crest = at(lam / 4)
    out.anchors.update({f"{node.name}.crest": crest, f"{node.name}.trough": at(xt), f"{node.name}.origin": (x0, 0.0)})
