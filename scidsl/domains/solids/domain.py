"""Solid geometry: check the statements, solve the dimensions, project, draw, state facts and verify the page."""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import sympy as sp

from scidsl.diagnostics import Diagnostic, error
from scidsl.domains.solids import kinds as k
from scidsl.domains.solids.joins import check_fits, joined_volume
from scidsl.domains.solids.layout import Layout, exact, make_layout
from scidsl.domains.solids.problem import build, point_text
from scidsl.domains.solids.solve import as_expr, solve
from scidsl.pipeline import Fact

PAGE_TOLERANCE = 1e-3  # cm


def check(ctx: Any) -> None:
    """Names spell the right vertices, dimensions fit their kinds, facts name declared points."""
    pb = build(ctx.nodes, ctx.givens)
    ctx.solids_problem = pb  # layout continues from it when the checks pass
    for d in pb.diags:
        ctx.report(d)


def layout(ctx: Any) -> Layout | None:
    """Solve the free dimensions, then project and split the strokes into visible and hidden parts."""
    pb = getattr(ctx, "solids_problem", None) or build(ctx.nodes, ctx.givens)
    if any(d.is_error for d in pb.diags):
        for d in pb.diags:
            ctx.report(d)
        return None
    pb.diags = []  # reported by check
    sol = solve(pb)
    for d in pb.diags:
        ctx.report(d)
    if sol is None or not pb.solids:
        if not pb.solids and sol is not None:
            ctx.report(error("E8505", "no solid is declared", ctx.nodes[0].span if ctx.nodes else None,
                             "declare one first, e.g. cube ABCDEFGH { side: 4 cm }"))
        return None
    for d in check_fits(pb, sol):
        ctx.report(d)
    if ctx.has_errors:
        return None
    lay = make_layout(pb, sol)
    for d in _unequal_ticks(lay):
        ctx.report(d)
    return None if ctx.has_errors else lay


def _unequal_ticks(lay: Layout) -> list[Diagnostic]:
    """E8530 when segments marked with the same number of ticks differ in length."""
    out = []
    unit = lay.pb.unit or "units"
    groups: dict[int, list[Any]] = {}
    for m in lay.pb.segments:
        if m.ticks:
            groups.setdefault(m.ticks, []).append(m)
    for n, ms in groups.items():
        lengths = [float(np.linalg.norm(lay.points3[m.points[0]] - lay.points3[m.points[1]])) for m in ms]
        for m, length in zip(ms[1:], lengths[1:]):
            if abs(length - lengths[0]) > 1e-6 * max(1.0, lengths[0]):
                out.append(error("E8530", f"{''.join(m.points)} is marked equal to {''.join(ms[0].points)} "
                                 f"({n} tick{'s' if n > 1 else ''}) but is {length:.4g} {unit} long, not {lengths[0]:.4g} {unit}",
                                 m.span, "mark only segments of equal length alike, or state the facts that make "
                                 "them equal"))
    return out


def render(ctx: Any, lay: Layout | None) -> Any:
    """The page drawing of the solids."""
    from scidsl.primitives import Drawing
    from scidsl.renderers.solids import render_solids

    return render_solids(lay, point_text) if lay is not None else Drawing()


# --- facts ---------------------------------------------------------------------------------------


def facts(ctx: Any, lay: Layout | None) -> list[Fact]:
    """Stated and asked lengths and angles, solved dimensions and volumes, exact where possible."""
    if lay is None:
        return []
    out: list[Fact] = []
    unit = lay.pb.unit
    for s in lay.pb.solids:
        title = s.key if s.key.startswith(s.kind) else f"{s.kind} {s.key}"  # `cone 1` or `pyramid VABCD`
        for param, sym in s.params.items():
            if sym not in lay.sol.defaulted:
                out.append(_value_fact("dimension", (s.key, param), exact(lay.sol, sym), f"{title}: {param}", unit))
        vol = _volume(s)
        if vol is not None and not (vol.free_symbols & lay.sol.defaulted):
            out.append(_value_fact("volume", (s.key,), exact(lay.sol, vol), f"volume of {title}",
                                   f"{unit}^3" if unit else ""))
    out += _join_facts(lay, unit)
    seen: set[frozenset[str]] = set()
    for s in lay.pb.solids:
        for edge in s.edges():
            if _determined(lay, edge):
                out.append(_length_fact(lay, edge, unit, "edge"))
                seen.add(frozenset(edge))
    for m in lay.pb.lengths + lay.pb.segments:
        if frozenset(m.points) not in seen and _determined(lay, m.points):
            seen.add(frozenset(m.points))
            out.append(_length_fact(lay, m.points, unit))
    angles: set[tuple[str, ...]] = set()
    for m in lay.pb.angles:
        if m.points not in angles and _angle_determined(lay, m.points):
            angles.add(m.points)
            out.append(_angle_fact(lay, m.points))
    for fn, pts, name, _ in lay.pb.asked:
        if _determined(lay, pts):
            f = _length_fact(lay, pts, unit) if fn == "length" else _angle_fact(lay, pts)
        elif fn == "angle" and _angle_determined(lay, pts):
            f = _angle_fact(lay, pts)
        else:
            continue
        out.append(Fact("unknown", (name, fn, "".join(pts)), f.value, f"{name}: {f.text}"))
    return [_mark_unwritten(f, lay) for f in out]


def _mark_unwritten(fact: Fact, lay: Layout) -> Fact:
    """Hidden unless the figure writes the value: a length or angle label with a number in it."""
    from dataclasses import replace

    texts = {frozenset(m.points): m.text for m in lay.pb.lengths}
    texts.update({f"{ll.owner}": ll.text for ll in lay.lengths})
    key = f"{fact.args[0]}.{fact.args[1]}" if fact.predicate == "dimension" else frozenset(fact.args)
    label = texts.get(key) if fact.predicate in ("edge", "length", "dimension") else None
    written = label is not None and any(c.isdigit() for c in label)
    if fact.predicate == "angle":
        marks = {m.points: m.text for m in lay.pb.angles}
        text = marks.get(tuple(fact.args), marks.get(tuple(reversed(fact.args))))
        written = text == "" or (text is not None and any(c.isdigit() for c in text)) or (
            text is None and tuple(fact.args) in marks and abs(float(fact.value) - 90.0) < 1e-6)
    return fact if written else replace(fact, hidden=True)


def _angle_determined(lay: Layout, pts: tuple[str, ...]) -> bool:
    """An angle is fixed by the statements when it does not change with the freely chosen dimensions."""
    from scidsl.domains.solids.shapes import cos_angle

    if _determined(lay, pts):
        return True
    fixed = {s: v for s, v in lay.sol.values.items() if s not in lay.sol.defaulted}
    c = sp.simplify(cos_angle(*(lay.pb.points[p] for p in pts)).subs(fixed))
    return not c.free_symbols


def _determined(lay: Layout, pts: tuple[str, ...]) -> bool:
    syms = set().union(*(as_expr(c).free_symbols for p in pts for c in lay.pb.points[p]))
    return not (syms & lay.sol.defaulted)


def _value_fact(pred: str, args: tuple, value: Any, what: str, unit: str) -> Fact:
    num = float(sp.N(value))
    shown = _exact_text(value, num)
    sep = " " if shown.startswith("≈") else " = "
    return Fact(pred, args, num, f"{what}{sep}{shown} {unit}".rstrip())


def _exact_text(value: Any, num: float) -> str:
    text = sp.sstr(value)
    if value.is_Float:
        return f"≈ {num:.4g}"
    if value.is_Rational and not value.is_Integer and set(sp.factorint(value.q)) <= {2, 5}:
        return f"{num:.12g}"  # a finite decimal: 3/2 is written 1.5
    if value.is_Integer or value.is_Rational and len(text) < 12:
        return text
    return f"{text} ≈ {num:.4g}" if len(text) <= 40 else f"≈ {num:.6g}"


def _length_fact(lay: Layout, pts: tuple[str, ...], unit: str, pred: str = "length") -> Fact:
    from scidsl.domains.solids.shapes import dist

    a, b = (lay.pb.points[p] for p in pts)
    v = exact(lay.sol, dist(a, b))
    return _value_fact(pred, pts, v, "".join(pts), unit)


def _angle_fact(lay: Layout, pts: tuple[str, ...]) -> Fact:
    from scidsl.domains.solids.shapes import cos_angle

    c = exact(lay.sol, cos_angle(*(lay.pb.points[p] for p in pts)))
    deg = math.degrees(math.acos(max(-1.0, min(1.0, float(sp.N(c))))))
    nice = sp.nsimplify(deg) if abs(deg - round(deg)) < 1e-9 else None
    text = f"∠{''.join(pts)} = {int(nice)}°" if nice is not None else f"∠{''.join(pts)} = acos({sp.sstr(c)}) ≈ {deg:.4f}°"
    return Fact("angle", pts, deg, text)


def _join_facts(lay: Layout, unit: str) -> list[Fact]:
    """Which solid stands on which, and the volume of each composite."""
    out = [Fact("stands_on", (u.key, w.key), None, f"{u.key} stands on the top face of {w.key}")
           for u, w, _ in lay.pb.joins]
    for keys, vol in joined_volume(lay.pb, _volume):
        if not (vol.free_symbols & lay.sol.defaulted):
            out.append(_value_fact("volume", tuple(keys), exact(lay.sol, vol),
                                   f"volume of the composite solid ({' + '.join(keys)})", f"{unit}^3" if unit else ""))
    return out


def _volume(s: Any) -> Any:
    from scidsl.domains.solids.shapes import top_radius

    p = s.params
    if isinstance(s.node, k.BALLS):
        return sp.Rational(4 if isinstance(s.node, k.Sphere) else 2, 3) * sp.pi * p["radius"] ** 3
    if s.round:
        r1, r2, h = p["radius"], top_radius(s), p["height"]
        return sp.pi * h * (r1 ** 2 + r1 * r2 + r2 ** 2) / 3 if not isinstance(s.node, k.Cylinder) \
            else sp.pi * r1 ** 2 * h
    base = s.base_poly or []
    area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(base, base[1:] + base[:1])) / 2
    if isinstance(s.node, k.Tetrahedron):
        h = s.points[s.vertices[-1]][2]  # the apex stands on the base at z = 0
    else:
        h = p["side"] if isinstance(s.node, k.Cube) else p["height"]
    return area * h / 3 if isinstance(s.node, (k.Pyramid, k.Tetrahedron)) else area * h


# --- verification on the page ---------------------------------------------------------------------


def verify(ctx: Any, lay: Layout | None, page: Any) -> None:
    """The drawn vertices are the projections of the solved points; hidden edges (and only they) are dashed."""
    if lay is None:
        return
    for d in verify_page(lay, page):
        ctx.report(d)


def verify_page(lay: Layout, page: Any) -> list[Diagnostic]:
    """Diagnostics for a page that does not show the solved solids faithfully."""
    names = [n for n in lay.pb.points if n in page.anchors]
    if len(names) < len(lay.pb.points):
        return [error("E8512", "some points of the solids are missing from the drawing", None)]
    if not names:
        return []
    # the solved points, projected afresh from the exact solution
    want = np.array([lay.proj(np.array([lay.num(c) for c in lay.pb.points[n]])) for n in names])
    got = np.array([page.anchors[n] for n in names])
    scale, shift = _similarity(want, got, lay.scale)
    out = []
    resid = np.linalg.norm(want * scale + shift - got, axis=1)
    worst = int(np.argmax(resid))
    if resid[worst] > PAGE_TOLERANCE * max(1.0, scale):
        out.append(error("E8512", f"point {names[worst]} is not drawn at the projection of its solved position "
                         f"(off by {resid[worst]:.2g} cm)", None,
                         "this is a bug in the solids renderer; please report the scene"))
    return out + _verify_hidden(lay, page, scale, shift)


def _similarity(want: np.ndarray, got: np.ndarray, guess: float) -> tuple[float, np.ndarray]:
    """Scale and shift taking projected scene points to the page (least squares)."""
    if len(want) < 2 or np.ptp(want, axis=0).max() < 1e-12:
        return guess, (got - want * guess).mean(axis=0)
    wc, gc = want - want.mean(axis=0), got - got.mean(axis=0)
    scale = float((wc * gc).sum() / (wc * wc).sum())
    return scale, got.mean(axis=0) - scale * want.mean(axis=0)


def _verify_hidden(lay: Layout, page: Any, scale: float, shift: np.ndarray) -> list[Diagnostic]:
    """Each edge of a convex solid that no other solid overlaps: dashed exactly when both its faces face away."""
    from scidsl.primitives import Line

    out: list[Diagnostic] = []
    if all(s.round for s in lay.pb.solids):
        return out  # only the edges of polyhedra are checked
    boxes = _boxes(lay)
    lines = [it for it in page.items if isinstance(it, Line) and it.role.startswith("edge")]
    for s in lay.pb.solids:
        if s.round or any(o != s.key and _overlap(boxes[s.key], b) for o, b in boxes.items()):
            continue
        faces = [f for f in lay.faces if f.owner == s.key]
        edges = []
        for a, b in s.edges():
            turns = [float(np.dot(f.normal, lay.proj.d)) for f in faces if _has_edge(f, lay, a, b)]
            edges.append((a, b, all(t > 1e-9 for t in turns), any(abs(t) <= 1e-9 for t in turns),
                          np.array(page.anchors[a]), np.array(page.anchors[b])))
        for a, b, hidden, edge_on, pa, pb_ in edges:
            if edge_on:
                continue  # a face seen edge-on: the edge lies on the outline, drawn as what lies in front shows
            for ln in lines:
                if ln.owner == s.key and _on_segment(ln.points, pa, pb_) and (ln.stroke.dash == "dashed") != hidden \
                        and not any(_on_segment(ln.points, qa, qb) and (ln.stroke.dash == "dashed") == h
                                    for _, _, h, _, qa, qb in edges):  # a back edge seen right behind a front one
                    out.append(error("E8513", f"edge {a}{b} of {s.key} is drawn {'solid' if hidden else 'dashed'} "
                                     f"but is {'hidden' if hidden else 'visible'}", None,
                                     "this is a bug in the solids renderer; please report the scene"))
                    break
    return out


def _has_edge(face: Any, lay: Layout, a: str, b: str) -> bool:
    pa, pb_ = lay.points3[a], lay.points3[b]
    near = [min(np.linalg.norm(face.corners - p, axis=1)) < 1e-9 * max(1.0, float(np.abs(p).max())) for p in (pa, pb_)]
    return all(near)


def _on_segment(points: tuple, a: np.ndarray, b: np.ndarray) -> bool:
    ab = b - a
    L = float(np.linalg.norm(ab))
    if L < 1e-9:
        return False
    for p in points:
        ap = np.array(p) - a
        if abs(ab[0] * ap[1] - ab[1] * ap[0]) / L > 1e-3 or not (-1e-3 <= np.dot(ap, ab) / L <= L + 1e-3):
            return False
    return True


def _boxes(lay: Layout) -> dict[str, tuple[float, float, float, float]]:
    """The page box of each solid's faces."""
    corners: dict[str, list[np.ndarray]] = {}
    for f in lay.faces:
        corners.setdefault(f.owner, []).append(f.corners)
    out: dict[str, tuple[float, float, float, float]] = {}
    for owner, cs in corners.items():
        pts = np.array(lay.p2_many(np.concatenate(cs)))
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        out[owner] = (lo[0], lo[1], hi[0], hi[1])
    return out


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
