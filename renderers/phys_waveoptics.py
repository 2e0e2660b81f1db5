"""Renderer of wave optics: refraction at a boundary, rays through a prism, double slits with their fringes."""
from __future__ import annotations

import math
from typing import Any

from scidsl.answers import given_text
from scidsl.primitives import Arc, Dot, Drawing, LabelSpec, Line, Stroke, Text

P = tuple[float, float]
RAY = Stroke(width=1.3, color="#c0392b")
NORMAL = Stroke(width=0.8, dash="dashed")
GLASS = Stroke(width=1.2, fill="#e3f0fa", visible=False, zorder=0)
_RAY_CM = 3.2  # length of the refraction figure's rays
_ARC_CM = 0.9
_DELTA_PAST = 2.1  # cm beyond the exit point where the arc of δ crosses the emergent ray


def render_waveoptics(items: list) -> Drawing:
    """Draw every figure."""
    from scidsl.domains.physics import waveoptics_kinds as k
    from scidsl.renderers.phys_photo import draw_interferometer, draw_photoelectric

    draw = {k.Refraction: draw_refraction, k.OpticalPrism: draw_prism, k.DoubleSlit: draw_double_slit,
            k.Interferometer: draw_interferometer, k.Photoelectric: draw_photoelectric}
    out = Drawing()
    for item in items:
        draw[type(item.node)](item, out)
    return out


def owner_of(node: Any) -> str:
    """The owner name of a figure's primitives."""
    return node.name or f"{node.kind}@{id(node)}"


def _at(p: P, angle_deg: float, r: float) -> P:
    a = math.radians(angle_deg)
    return (p[0] + r * math.cos(a), p[1] + r * math.sin(a))


def ray(out: Drawing, a: P, b: P, owner: str, role: str, stroke: Stroke = RAY) -> None:
    """A ray from a to b with an arrow head half way."""
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    out.items.append(Line((a, mid), False, stroke, "end", owner=owner, role=role))
    out.items.append(Line((mid, b), False, stroke, owner=owner, role=role))


def angle_mark(out: Drawing, center: P, a0: float, a1: float, text: str, owner: str, r: float = _ARC_CM) -> None:
    """An angle arc from direction a0 to a1 (degrees, counter-clockwise) with its label outside the arc."""
    if (a1 - a0) % 360 < 2.5:
        return
    out.items.append(Arc(center, r, a0, a1, Stroke(width=0.8), owner, role="angle"))
    mid = a0 + ((a1 - a0) % 360) / 2
    out.labels.append(LabelSpec(text, _at(center, mid, r), owner, size=10, prefer=(mid, mid + 25, mid - 25),
                                distance=0.06))


def caption(out: Drawing, node: Any, x: float, y: float) -> None:
    """The figure's caption centred under it."""
    if node.label:
        out.items.append(Text((x, y), node.label, 11, "center", "top", owner=owner_of(node), role="caption"))


# ---- refraction -------------------------------------------------------------------------------------------

def draw_refraction(item: Any, out: Drawing) -> None:
    """Boundary, dashed normal, incident, reflected and refracted rays with their angles."""
    node, owner, v = item.node, owner_of(item.node), item.values
    o = (item.x0 + 4.0, 0.0)
    t1 = math.degrees(v["theta1"])
    if node.n1 != node.n2:  # the optically denser medium is the tinted one
        far = 3.4 if node.n1 > node.n2 else -3.4
        out.items.append(Line(((o[0] - 4, far), (o[0] + 4, far), (o[0] + 4, 0), (o[0] - 4, 0)), True, GLASS,
                              owner=owner, role="medium"))
    out.items.append(Line(((o[0] - 4, 0), (o[0] + 4, 0)), False, Stroke(width=1.4), owner=owner, role="boundary"))
    out.items.append(Line(((o[0], -3.3), (o[0], 3.3)), False, NORMAL, owner=owner, role="normal"))
    start, back = _at(o, 90 + t1, _RAY_CM), _at(o, 90 - t1, _RAY_CM)
    ray(out, start, o, owner, "incident")
    tir = v["theta2"] is None
    ray(out, o, back, owner, "reflected", RAY if tir else Stroke(width=0.9, color="#c0392b"))
    angle_mark(out, o, 90, 90 + t1, given_text(node, r"$\theta_1$", node.incidence), owner)
    angle_mark(out, o, 90 - t1, 90, r"$\theta_1\prime$", owner, _ARC_CM + 0.25)
    anchors = {"point": o, "incident": start, "reflected": back, "refracted": back}
    if not tir:
        t2 = math.degrees(v["theta2"])
        end = _at(o, 270 + t2, _RAY_CM)
        ray(out, o, end, owner, "refracted")
        angle_mark(out, o, 270, 270 + t2, r"$\theta_2$", owner)
        anchors["refracted"] = end
    names = node.media or ["", ""]
    for name, n, sym, anchor in ((names[0], node.n1, "n_1", (o[0] - 2.6, 0.45)),
                                 (names[1], node.n2, "n_2", (o[0] - 2.6, -0.55))):
        text = f"{name}, ${sym}$ = {n:g}" if name else f"${sym}$ = {n:g}"
        out.labels.append(LabelSpec(text, anchor, owner, size=10, prefer=(90.0 if anchor[1] > 0 else 270.0, 180.0),
                                    distance=0.05))
    if tir:  # named where it happens: beside the normal, just past the boundary no light crosses
        out.labels.append(LabelSpec("total internal reflection", o, owner, size=10, role="note",
                                    prefer=(-30.0, -150.0, -60.0, -120.0), distance=0.3))
    caption(out, node, o[0], -3.7)
    out.anchors.update({f"{node.name}.{k}": p for k, p in anchors.items()})


# ---- prism ------------------------------------------------------------------------------------------------

def draw_prism(item: Any, out: Drawing) -> None:
    """The prism, the ray face by face, normals at entry and exit, angles i, e, A and the deviation δ."""
    node, owner, v, path = item.node, owner_of(item.node), item.values, item.path
    dx = item.x0 + 6.0
    sh = lambda p: (p[0] + dx, p[1])  # noqa: E731
    apex, bl, br = (sh(c) for c in path.corners)
    out.items.append(Line((apex, bl, br), True, Stroke(width=1.4, fill="#e3f0fa"), owner=owner, role="prism"))
    pts = [sh(p) for p in path.points]
    d_in = path.incoming
    start = (pts[0][0] - 3.0 * d_in[0], pts[0][1] - 3.0 * d_in[1])
    ray(out, start, pts[0], owner, "incident")
    for a, b in zip(pts, pts[1:]):
        out.items.append(Line((a, b), False, RAY, owner=owner, role="inside"))
    a_deg = math.degrees(v["apex"])
    _normal(out, pts[0], 180 - a_deg / 2, owner)
    angle_mark(out, pts[0], 180 - a_deg / 2, 180 - a_deg / 2 + math.degrees(v["i"]),
               given_text(node, "$i$", node.incidence), owner)
    angle_mark(out, apex, 270 - a_deg / 2, 270 + a_deg / 2, given_text(node, "$A$", node.apex), owner, 0.7)
    anchors = {"apex": apex, "left": bl, "right": br, "entry": pts[0], "exit": pts[-1]}
    if path.outgoing is not None:
        end = (pts[-1][0] + 3.0 * path.outgoing[0], pts[-1][1] + 3.0 * path.outgoing[1])
        ray(out, pts[-1], end, owner, "emergent")
        if path.faces[-1] == 1 and len(pts) == 2:
            _normal(out, pts[-1], a_deg / 2, owner)
            e = math.degrees(v["e"])
            angle_mark(out, pts[-1], min(a_deg / 2 - e, a_deg / 2), max(a_deg / 2 - e, a_deg / 2), "$e$", owner)
            _deviation(out, start, d_in, pts[-1], path.outgoing, owner)
    for k, idx in enumerate(path.reflected):  # the normal where the ray is totally reflected, named beside it
        outward = (180 - a_deg / 2, a_deg / 2, 270.0)[path.faces[idx]]
        _normal(out, pts[idx], outward, owner)
        if k == 0:
            out.labels.append(LabelSpec("total internal reflection", pts[idx], owner, size=9, role="note",
                                        prefer=(outward - 45, outward + 45, outward - 90, outward + 90),
                                        distance=0.2))
    low = min(y for it in out.items if isinstance(it, Line) and it.owner == owner for _, y in it.points) - 0.45
    caption(out, node, dx, low)
    out.anchors.update({f"{node.name}.{k}": p for k, p in anchors.items()})


def _normal(out: Drawing, p: P, outward_deg: float, owner: str) -> None:
    out.items.append(Line((_at(p, outward_deg, 1.5), _at(p, outward_deg + 180, 1.1)), False, NORMAL, owner=owner,
                          role="normal"))


def _deviation(out: Drawing, start: P, d_in: P, exit_p: P, d_out: P, owner: str) -> None:
    """Dashed extensions of the incident and emergent rays to where they meet, and the angle δ between them."""
    den = d_in[0] * d_out[1] - d_in[1] * d_out[0]
    if abs(den) < 0.03:  # nearly parallel: no room for an arc
        return
    s = ((exit_p[0] - start[0]) * d_out[1] - (exit_p[1] - start[1]) * d_out[0]) / den
    meet = (start[0] + s * d_in[0], start[1] + s * d_in[1])
    a_in, a_out = math.degrees(math.atan2(d_in[1], d_in[0])), math.degrees(math.atan2(d_out[1], d_out[0]))
    # inside the prism the two arms run close to its face: δ is marked past the exit, beyond e's arc and name
    r = math.dist(meet, exit_p) + _DELTA_PAST
    thin = Stroke(width=0.7, dash="dotted", color="#c0392b")
    out.items.append(Line((start, _at(meet, a_in, r + 0.6)), False, thin, owner=owner, role="extension"))
    out.items.append(Line((meet, exit_p), False, thin, owner=owner, role="extension"))
    lo, hi = (a_out, a_in) if (a_in - a_out) % 360 < 180 else (a_in, a_out)
    angle_mark(out, meet, lo, hi, r"$\delta$", owner, r)


# ---- double slit ------------------------------------------------------------------------------------------

def draw_double_slit(item: Any, out: Drawing) -> None:
    """Light, a barrier with two slits, rays to the first fringe, the screen with fringes to scale, the pattern."""
    node, owner, v, x0 = item.node, owner_of(item.node), item.values, item.x0
    xb, xs, g = x0 + 3.4, x0 + 9.0, 1.0  # room left of the barrier for the value of d
    for x in (x0 + 0.2, x0 + 0.6, x0 + 1.0):
        out.items.append(Line(((x, -1.5), (x, 1.5)), False, Stroke(width=0.8, color="#c0392b"), owner=owner,
                              role="wavefront"))
    out.items.append(Line(((x0 + 0.1, -2.2), (x0 + 1.5, -2.2)), False, RAY, "end", owner=owner, role="light"))
    out.labels.append(LabelSpec(rf"$\lambda$ = {node.wavelength.pretty()}", (x0 + 0.8, -2.2), owner, size=10,
                                prefer=(270.0, 90.0)))
    gap = 0.08
    for lo, hi in ((-3.0, -g / 2 - gap), (-g / 2 + gap, g / 2 - gap), (g / 2 + gap, 3.0)):
        out.items.append(Line(((xb, lo), (xb, hi)), False, Stroke(width=3.0), owner=owner, role="barrier"))
    out.items.append(Line(((xs, -3.3), (xs, 3.3)), False, Stroke(width=2.5), owner=owner, role="screen"))
    scale = 2.6 / max(abs(y) for y in v["fringes"].values())
    for m, y in v["fringes"].items():
        out.items.append(Dot((xs, y * scale), 0.07, "black", owner, role=f"fringe {m}"))
        out.items.append(Text((xs + 1.95, y * scale), f"{m}".replace("-", "−"), 9, "left", "center", owner=owner,
                              role="order"))
    out.items.append(Text((xs + 1.95, 3.35), "$m$", 10, "left", "bottom", owner=owner, role="order"))
    _pattern(out, item, xs, scale, owner)
    y1 = v["fringes"][1] * scale
    slit1, slit2 = (xb, g / 2), (xb, -g / 2)
    out.items.append(Line(((xb, 0.0), (xs, 0.0)), False, Stroke(width=0.6, dash="dashdot"), owner=owner, role="axis"))
    for s in (slit1, slit2):
        out.items.append(Line((s, (xs, y1)), False, Stroke(width=0.8, color="#c0392b"), owner=owner, role="path"))
    _dimension(out, (xb - 0.3, -g / 2), (xb - 0.3, g / 2), f"$d$ = {node.separation.pretty()}", owner, 180.0)
    if node.width is not None:  # each slit's width, named left of the upper slit, above the arrow of d
        out.items.append(Text((xb - 0.15, g / 2 + 0.2), f"$a$ = {node.width.pretty()}", 10, "right", "bottom",
                              owner=owner, role="slit_width", anchor=(xb, g / 2)))
    _dimension(out, (xb, -3.7), (xs, -3.7), f"$L$ = {node.distance.pretty()}", owner, 270.0)
    caption(out, node, (x0 + xs) / 2 + 1, -4.5)
    out.anchors.update({f"{node.name}.slit1": slit1, f"{node.name}.slit2": slit2,
                        f"{node.name}.center": (xs, 0.0), f"{node.name}.m1": (xs, y1)})


def _pattern(out: Drawing, item: Any, xs: float, scale: float, owner: str) -> None:
    """The intensity on the screen, drawn beside it: bright where the fringes are."""
    from scidsl.domains.physics.snell import intensity

    node = item.node
    d, screen, lam = node.separation.si, node.distance.si, node.wavelength.si
    width = node.width.si if node.width is not None else None
    pts = []
    for j in range(601):
        y = -3.2 + 6.4 * j / 600
        pts.append((xs + 0.2 + 1.5 * intensity(y / scale, d, screen, lam, width), y))
    out.items.append(Line(tuple(pts), False, Stroke(width=0.9), owner=owner, role="intensity"))


def _dimension(out: Drawing, a: P, b: P, text: str, owner: str, side: float) -> None:
    out.items.append(Line((a, b), False, Stroke(width=0.7), "both", owner=owner, role="dimension"))
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    out.labels.append(LabelSpec(text, mid, owner, size=10, prefer=(side,), distance=0.08))
