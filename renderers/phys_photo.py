"""Renderer of apparatus: a Michelson interferometer and a photocell circuit."""
from __future__ import annotations

import math
from typing import Any

from scidsl.answers import given_text
from scidsl.primitives import Arc, Circle, Drawing, LabelSpec, Line, Stroke, Text
from scidsl.renderers.phys_waveoptics import RAY, caption, owner_of

P = tuple[float, float]
_ARM_CM = 5.0  # the longer arm on the page
_MIN_ARM_CM = 1.6  # a much shorter arm is drawn this long (still the shorter one)
WIRE = Stroke(width=1.2)
_PHOTON_TILT = 40.0  # degrees from the vertical: photons fall parallel from the upper right onto the cathode


def _beam(out: Drawing, a: P, b: P, owner: str, both: bool) -> None:
    """A beam from a to b; with `both`, it returns along itself: a head each way."""
    def at(t: float) -> P:
        return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)

    if not both:
        out.items.append(Line((a, at(0.5)), False, RAY, "end", owner=owner, role="beam"))
        out.items.append(Line((at(0.5), b), False, RAY, owner=owner, role="beam"))
        return
    out.items.append(Line((a, at(0.3)), False, RAY, "end", owner=owner, role="beam"))
    out.items.append(Line((at(0.3), at(0.7)), False, RAY, owner=owner, role="beam"))
    out.items.append(Line((b, at(0.7)), False, RAY, "end", owner=owner, role="beam"))


def _mirror(out: Drawing, a: P, b: P, back: P, owner: str, dash: str | None = None) -> None:
    """A plane mirror a-b hatched on its `back` side (a unit vector)."""
    out.items.append(Line((a, b), False, Stroke(width=2.2, dash=dash), owner=owner, role="mirror"))
    if dash:
        return
    n = max(int(math.dist(a, b) / 0.2), 2)
    for j in range(n + 1):
        p = (a[0] + (b[0] - a[0]) * j / n, a[1] + (b[1] - a[1]) * j / n)
        q = (p[0] + 0.18 * back[0] + 0.1 * (b[0] - a[0]) / math.dist(a, b),
             p[1] + 0.18 * back[1] + 0.1 * (b[1] - a[1]) / math.dist(a, b))
        out.items.append(Line((p, q), False, Stroke(width=0.6), owner=owner, role="hatch"))


def _arms(item: Any) -> tuple[float, float]:
    l1, l2 = item.values["l1"], item.values["l2"]
    longest = max(l1, l2)
    return max(_ARM_CM * l1 / longest, _MIN_ARM_CM), max(_ARM_CM * l2 / longest, _MIN_ARM_CM)


def draw_interferometer(item: Any, out: Drawing) -> None:
    """Source, beam splitter at 45°, mirrors M1 (right) and M2 (up) at the arm lengths, detector below."""
    node, owner = item.node, owner_of(item.node)
    b = (item.x0 + 4.4, 0.0)
    a1, a2 = _arms(item)
    m1, m2, det, src = (b[0] + a1, 0.0), (b[0], a2), (b[0], -3.0), (b[0] - 3.6, 0.0)
    out.items.append(Line(((src[0] - 0.9, -0.35), (src[0], -0.35), (src[0], 0.35), (src[0] - 0.9, 0.35)), True,
                          Stroke(width=1.2, fill="#fff3c4"), owner=owner, role="source"))
    _beam(out, src, b, owner, False)
    _beam(out, b, m1, owner, True)
    _beam(out, b, m2, owner, True)
    _beam(out, b, det, owner, False)
    out.items.append(Line(((b[0] - 0.6, -0.6), (b[0] + 0.6, 0.6)), False, Stroke(width=3.0, color="#7f8c8d"),
                          owner=owner, role="splitter"))
    _mirror(out, (m1[0], -0.8), (m1[0], 0.8), (1.0, 0.0), owner)
    _mirror(out, (m2[0] - 0.8, m2[1]), (m2[0] + 0.8, m2[1]), (0.0, 1.0), owner)
    out.items.append(Line(((det[0] - 0.7, det[1]), (det[0] + 0.7, det[1])), False, Stroke(width=2.6), owner=owner,
                          role="detector"))
    if node.shift is not None:
        _mirror(out, (m1[0] + 0.5, -0.8), (m1[0] + 0.5, 0.8), (1.0, 0.0), owner, "dashed")
        out.labels.append(LabelSpec(rf"$\Delta d$ = {node.shift.pretty()}", (m1[0] + 0.5, -0.8), owner, size=9,
                                    prefer=(270.0, 300.0)))
    if node.wavelength is not None:
        out.labels.append(LabelSpec(rf"$\lambda$ = {node.wavelength.pretty()}", ((src[0] + b[0]) / 2, 0.0), owner,
                                    size=9, prefer=(270.0, 90.0), distance=0.12))
    _dim(out, (b[0], -0.9), (m1[0], -0.9), f"$L_1$ = {node.arms[0].pretty()}", owner, 270.0)
    _dim(out, (b[0] - 0.9, 0.0), (b[0] - 0.9, m2[1]), f"$L_2$ = {node.arms[1].pretty()}", owner, 180.0)
    for text, p, prefer in (("S", (src[0] - 0.45, 0.35), (90.0,)), ("$M_1$", (m1[0], 0.8), (90.0, 45.0)),
                            ("$M_2$", (m2[0] + 0.8, m2[1]), (0.0, 45.0)), ("BS", (b[0] - 0.6, -0.6), (225.0, 180.0)),
                            ("detector", (det[0], det[1]), (270.0,))):
        out.labels.append(LabelSpec(text, p, owner, size=10, prefer=prefer, distance=0.1))
    caption(out, node, b[0], -3.7)
    out.anchors.update({f"{node.name}.source": src, f"{node.name}.splitter": b, f"{node.name}.M1": m1,
                        f"{node.name}.M2": m2, f"{node.name}.detector": det})


def _dim(out: Drawing, a: P, b: P, text: str, owner: str, side: float) -> None:
    out.items.append(Line((a, b), False, Stroke(width=0.7), "both", owner=owner, role="dimension"))
    out.labels.append(LabelSpec(text, ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), owner, size=10, prefer=(side,),
                                distance=0.08))


# ---- photoelectric ----------------------------------------------------------------------------------------

def _tube(c: P, half_w: float, r: float) -> tuple[P, ...]:
    """A stadium outline: two half circles of radius r joined by straight sides."""
    pts: list[P] = []
    for j in range(25):
        a = math.radians(-90 + 180 * j / 24)
        pts.append((c[0] + half_w - r + r * math.cos(a), c[1] + r * math.sin(a)))
    for j in range(25):
        a = math.radians(90 + 180 * j / 24)
        pts.append((c[0] - half_w + r + r * math.cos(a), c[1] + r * math.sin(a)))
    return tuple(pts)


def _photon(out: Drawing, start: P, end: P, owner: str) -> None:
    """A wavy photon arrow from start to end (straight for its last 0.3 cm, under the head)."""
    length = math.dist(start, end)
    d = ((end[0] - start[0]) / length, (end[1] - start[1]) / length)
    amp, wavy = 0.06, length - 0.3
    pts = []
    for j in range(81):
        s = wavy * j / 80
        w = amp * math.sin(2 * math.pi * s / 0.45)  # one wavelength for every photon, so parallel ones stay apart
        pts.append((start[0] + s * d[0] - w * d[1], start[1] + s * d[1] + w * d[0]))
    pts.append(end)
    out.items.append(Line(tuple(pts), False, Stroke(width=1.0, color="#8e44ad"), "end", owner=owner, role="photon"))


def draw_photoelectric(item: Any, out: Drawing) -> None:
    """An evacuated tube with cathode and anode, light on the cathode, battery, ammeter and voltmeter."""
    node, owner, v = item.node, owner_of(item.node), item.values
    c = (item.x0 + 3.6, 2.2)
    cath, anode_x = (c[0] - 1.7, c[1]), c[0] + 1.5
    out.items.append(Line(_tube(c, 2.7, 1.3), True, Stroke(width=1.3, fill="#f4f8fb"), owner=owner, role="tube"))
    out.items.append(Arc((c[0] - 0.6, c[1]), 1.1, 145, 215, Stroke(width=3.0), owner, role="cathode"))
    out.items.append(Line(((anode_x, c[1] - 0.35), (anode_x, c[1] + 0.35)), False, Stroke(width=3.0), owner=owner,
                          role="anode"))
    yb, left, right = -0.6, c[0] - 3.3, c[0] + 3.3
    out.items.append(Line((cath, (left, c[1]), (left, yb)), False, WIRE, owner=owner, role="wire"))
    out.items.append(Line(((anode_x, c[1]), (right, c[1]), (right, yb)), False, WIRE, owner=owner, role="wire"))
    bx, ax = c[0] - 1.2, c[0] + 1.4
    out.items.append(Line(((left, yb), (bx - 0.1, yb)), False, WIRE, owner=owner, role="wire"))
    out.items.append(Line(((bx + 0.1, yb), (ax - 0.35, yb)), False, WIRE, owner=owner, role="wire"))
    out.items.append(Line(((ax + 0.35, yb), (right, yb)), False, WIRE, owner=owner, role="wire"))
    _battery(out, bx, yb, node.polarity == "forward", owner)
    _meter(out, (ax, yb), "A", owner)
    out.items.append(Line(((bx - 0.8, yb), (bx - 0.8, yb - 1.2), (bx - 0.35, yb - 1.2)), False, WIRE, owner=owner,
                          role="wire"))
    out.items.append(Line(((bx + 0.35, yb - 1.2), (bx + 0.8, yb - 1.2), (bx + 0.8, yb)), False, WIRE, owner=owner,
                          role="wire"))
    _meter(out, (bx, yb - 1.2), "V", owner)
    _light(out, node, cath, owner)
    if v["flows"]:
        for y in (c[1] + 0.25, c[1] - 0.25):
            out.items.append(Line(((c[0] - 0.6, y), (anode_x - 0.3, y)), False, Stroke(width=0.9, color="#2471a3"),
                                  "end", owner=owner, role="electron"))
        out.items.append(Text((c[0] + 0.2, c[1]), "e⁻", 9, "center", "center", color="#2471a3", owner=owner,
                              role="electron"))
    out.labels.append(LabelSpec("cathode", (cath[0] + 0.1, c[1] - 0.63), owner, size=9, prefer=(270.0, 300.0)))
    if node.givens != "hidden":  # the work function under the tube, below its cathode
        out.labels.append(LabelSpec(given_text(node, r"$\varphi$", node.work_function), (cath[0] + 0.1, c[1] - 1.3),
                                    owner, size=9, prefer=(270.0, 300.0, 240.0), distance=0.1))
    out.labels.append(LabelSpec("anode", (anode_x, c[1] - 0.35), owner, size=9, prefer=(270.0, 240.0)))
    if node.voltage is not None:
        out.labels.append(LabelSpec(given_text(node, "$U$", node.voltage), (bx + 0.35, yb - 1.2), owner, size=9,
                                    prefer=(0.0, 330.0, 30.0)))
    caption(out, node, c[0], yb - 1.9)
    out.anchors.update({f"{node.name}.cathode": cath, f"{node.name}.anode": (anode_x, c[1]),
                        f"{node.name}.battery": (bx, yb), f"{node.name}.ammeter": (ax, yb),
                        f"{node.name}.voltmeter": (bx, yb - 1.2)})


def _battery(out: Drawing, x: float, y: float, plus_right: bool, owner: str) -> None:
    """A cell: the long thin plate is +; it faces the anode when the polarity is forward."""
    long_x, short_x = (x + 0.1, x - 0.1) if plus_right else (x - 0.1, x + 0.1)
    out.items.append(Line(((long_x, y - 0.45), (long_x, y + 0.45)), False, Stroke(width=1.2), owner=owner,
                          role="cell"))
    out.items.append(Line(((short_x, y - 0.25), (short_x, y + 0.25)), False, Stroke(width=3.0), owner=owner,
                          role="cell"))
    out.items.append(Text((long_x + (0.22 if plus_right else -0.22), y + 0.5), "+", 10, "center", "bottom",
                          owner=owner, role="sign"))
    out.items.append(Text((short_x + (-0.22 if plus_right else 0.22), y + 0.5), "−", 10, "center", "bottom",
                          owner=owner, role="sign"))


def _meter(out: Drawing, p: P, letter: str, owner: str) -> None:
    out.items.append(Circle(p, 0.35, Stroke(width=1.2, fill="white"), owner, role="meter"))
    out.items.append(Text(p, letter, 10, "center", "center", owner=owner, role="meter"))


def _light(out: Drawing, node: Any, cath: P, owner: str) -> None:
    """Three photons falling on the cathode's face, labelled with the light's frequency or wavelength."""
    rise = 2.4  # height the photons fall from, above the cathode's centre
    d = (-math.sin(math.radians(_PHOTON_TILT)), -math.cos(math.radians(_PHOTON_TILT)))  # one direction: no tangle
    starts = []
    for dx, dy in ((0.25, 0.5), (0.25, 0.0), (0.25, -0.5)):  # equally apart across the parallel photons
        end = (cath[0] + dx, cath[1] + dy)
        t = (rise - dy) / -d[1]
        starts.append((end[0] - t * d[0], end[1] - t * d[1]))
        _photon(out, starts[-1], end, owner)
    text = (given_text(node, r"$\lambda$", node.wavelength) if node.wavelength is not None
            else "$f$" if node.givens == "hidden" else f"$f$ = {_scientific(node.frequency)}")
    out.labels.append(LabelSpec(text, starts[1], owner, size=10, prefer=(90.0, 60.0, 120.0)))


def _scientific(q: Any) -> str:
    """A quantity as written, or as a × 10ⁿ when its number is long (5e14 Hz → 5 × 10¹⁴ Hz)."""
    if 1e-3 <= abs(q.value) < 1e5:
        return q.pretty()
    exp = math.floor(math.log10(abs(q.value)))
    mant = f"{q.value / 10 ** exp:.3g}"
    head = "" if mant == "1" else f"{mant} × "
    return f"{head}10$^{{{exp}}}$ {q.pretty().split(' ', 1)[1]}"
