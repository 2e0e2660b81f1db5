"""Faults injected into a compiled page (what a renderer bug would draw), and a redraw that verifies them."""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterator, Optional

from scidsl.measure import statement_spans
from scidsl.primitives import Arc, Dot, Drawing, Line, Text
from scidsl.render import draw
from scidsl.text import measure_text
from scidsl.verify import verify_canvas
from scidsl.verify_shapes import MARK_ROLES, _arms
from scidsl.verify_text import QUIET_ROLES, _same_object

P = tuple[float, float]
BOX_GLYPH = "固"  # in neither STIX nor DejaVu


@dataclass
class Fault:
    """One injected fault and the code that must catch it."""

    name: str
    code: str
    items: list
    texts: list
    bodies: list


def redraw(result: Any, items: Optional[list] = None, texts: Optional[list] = None,
           bodies: Optional[list] = None) -> list:
    """Draw a (tampered) page of a compiled result again and verify it after rendering."""
    page = Drawing(items=list(result.drawing.items if items is None else items), labels=list(result.drawing.labels),
                   anchors=dict(result.drawing.anchors),
                   bodies=list(result.drawing.bodies if bodies is None else bodies))
    shown = list(result.texts if texts is None else texts)
    canvas = draw(page, shown, result.canvas.dpi)
    return verify_canvas(canvas, page, statement_spans(result.scene))


def _fault(result: Any, name: str, code: str, items: Optional[list] = None, texts: Optional[list] = None,
           bodies: Optional[list] = None) -> Fault:
    return Fault(name, code, list(result.drawing.items if items is None else items),
                 list(result.texts if texts is None else texts),
                 list(result.drawing.bodies if bodies is None else bodies))


def _unit(a: P, b: P) -> P:
    d = math.dist(a, b) or 1.0
    return ((b[0] - a[0]) / d, (b[1] - a[1]) / d)


def _owned_geometry(result: Any, owner: str) -> list:
    return [it for it in result.drawing.items if it.owner == owner and not isinstance(it, Text)]


def _target_spot(item: Any) -> Optional[tuple[P, P]]:
    """A point on a drawn object and the direction a label beside it would sit in."""
    if isinstance(item, Dot):
        return item.center, (0.0, 1.0)
    if isinstance(item, Line) and len(item.points) >= 2 and item.stroke.visible:
        pts = list(item.points) + ([item.points[0]] if item.closed else [])
        a, b = max(zip(pts, pts[1:]), key=lambda s: math.dist(*s))
        u = _unit(a, b)
        return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), (-u[1], u[0])
    return None


def label_moves(result: Any, limit: int = 3) -> Iterator[Fault]:
    """A placed label moved right beside another object of its own type, far from its owner."""
    count = 0
    for k, t in enumerate(result.texts):
        if t.anchor is None or t.owner is None or count >= limit:
            continue
        own = _owned_geometry(result, t.owner)
        if any(it.role in ("mark", "angle") for it in own):
            continue
        pointlike = all(isinstance(it, Dot) for it in own)
        for item in result.drawing.items:
            if item.owner in (None, t.owner, *t.may_touch) or isinstance(item, Dot) != pointlike:
                continue
            if item.role in MARK_ROLES + QUIET_ROLES or _same_object(item.owner, t.owner):
                continue
            spot = _target_spot(item)
            if spot is None or _distance_to(own, spot[0], t.anchor) < 2.0:
                continue
            (x, y), n = spot
            if (x - t.anchor[0]) * n[0] + (y - t.anchor[1]) * n[1] < 0:
                n = (-n[0], -n[1])  # the far side, away from the owner
            w, h, _ = measure_text(t.text, t.size)
            reach = abs(n[0]) * w / 2 + abs(n[1]) * h / 2 + 0.05 + getattr(item, "radius", 0.0)
            moved = replace(t, pos=(x + n[0] * reach, y + n[1] * reach))
            texts = [moved if i == k else other for i, other in enumerate(result.texts)]
            yield _fault(result, f"label {t.text!r} moved beside {item.owner}", "E5013", texts=texts)
            count += 1
            break


def _distance_to(items: list, p: P, anchor: P) -> float:
    """Distance (cm) from a point to the nearest drawn part of an object, or to its anchor."""
    from shapely.geometry import Point

    from scidsl.measure import centre_line

    lines = [g for g in (centre_line(it) for it in items) if g is not None]
    return min([math.dist(p, anchor)] + [g.distance(Point(p)) for g in lines])


def label_swaps(result: Any, limit: int = 2) -> Iterator[Fault]:
    """Two labels of distant objects of one type trade places."""
    placed = [(k, t) for k, t in enumerate(result.texts) if t.anchor is not None and t.owner is not None
              and not any(it.role in ("mark", "angle") for it in _owned_geometry(result, t.owner))]
    count = 0
    for i, (ka, a) in enumerate(placed):
        for kb, b in placed[i + 1:]:
            if count >= limit or math.dist(a.anchor, b.anchor) < 2.5 or a.owner == b.owner:
                continue
            if _pointlike(result, a.owner) != _pointlike(result, b.owner):
                continue
            texts = list(result.texts)
            texts[ka], texts[kb] = replace(a, pos=b.pos), replace(b, pos=a.pos)
            yield _fault(result, f"labels {a.text!r} and {b.text!r} swapped", "E5013", texts=texts)
            count += 1


def _pointlike(result: Any, owner: str) -> bool:
    return all(isinstance(it, Dot) for it in _owned_geometry(result, owner))


def glyph_swaps(result: Any) -> Iterator[Fault]:
    """The first letter of a text replaced by a glyph no font has."""
    for k, t in enumerate(result.texts):
        plain = next((c for c in t.text if c.isalnum()), None)
        if plain is not None and "$" not in t.text:
            texts = list(result.texts)
            texts[k] = replace(t, text=t.text.replace(plain, BOX_GLYPH, 1))
            yield _fault(result, f"glyph of {t.text!r} replaced", "E5010", texts=texts)
            return
    if result.texts:
        texts = list(result.texts)
        texts[0] = replace(texts[0], text=texts[0].text + BOX_GLYPH)
        yield _fault(result, "glyph appended", "E5010", texts=texts)


def _marks(result: Any) -> list[tuple[int, Any, tuple[P, list[P]]]]:
    out = []
    for k, it in enumerate(result.drawing.items):
        if getattr(it, "role", "") in MARK_ROLES:
            arms = _arms(it)
            if arms is not None:
                out.append((k, it, arms))
    return out


def _under(item: Any, a: P, b: P) -> bool:
    """True when a stroke's centre line passes through the middle of the segment ab."""
    from scidsl.measure import centre_line
    from shapely.geometry import Point

    line = centre_line(item)
    mid = Point((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    return line is not None and line.distance(mid) < 1e-3


def arm_removals(result: Any, limit: int = 3) -> Iterator[Fault]:
    """The segment under an angle mark's arm removed from the page."""
    for k, mark, (v, ends) in _marks(result)[:limit]:
        under = {id(it) for it in result.drawing.items if getattr(it, "role", "") not in MARK_ROLES
                 and _under(it, v, ends[0])}
        if under:
            items = [it for it in result.drawing.items if id(it) not in under]
            yield _fault(result, f"arm under the mark of {mark.owner} removed", "E5014", items=items)


def mark_rotations(result: Any, limit: int = 3, degrees: float = 5.0) -> Iterator[Fault]:
    """An angle mark drawn 5° off the lines it marks."""
    for k, mark, (v, _) in _marks(result)[:limit]:
        if isinstance(mark, Arc):
            turned = replace(mark, theta1=mark.theta1 + degrees, theta2=mark.theta2 + degrees)
        else:
            c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
            turned = replace(mark, points=tuple((v[0] + c * (x - v[0]) - s * (y - v[1]),
                                                 v[1] + s * (x - v[0]) + c * (y - v[1])) for x, y in mark.points))
        items = list(result.drawing.items)
        items[k] = turned
        yield _fault(result, f"mark of {mark.owner} turned by {degrees:g}°", "E5014", items=items)


def arm_turns(result: Any, limit: int = 3, degrees: float = 5.0) -> Iterator[Fault]:
    """A marked angle drawn 5° off, its mark kept: the far points of one arm turned about the vertex,
    in every line that holds them (a triangle stays closed)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    for k, mark, (v, ends) in _marks(result)[:limit]:
        u = _unit(v, ends[0])
        lines = [it for it in result.drawing.items if isinstance(it, Line) and it.role not in MARK_ROLES]
        far = {p for it in lines if _under(it, v, ends[0]) for p in it.points if _on_ray(p, v, u)}
        if not far:
            continue
        items = [replace(it, points=tuple(_turn(p, v, c, s) if p in far else p for p in it.points))
                 if any(it is x for x in lines) else it for it in result.drawing.items]
        yield _fault(result, f"arm of the angle {mark.owner} drawn {degrees:g}° off", "E5014", items=items)


def _on_ray(p: P, v: P, u: P) -> bool:
    """True for a point beyond the vertex on the arm's ray."""
    d = (p[0] - v[0], p[1] - v[1])
    return d[0] * u[0] + d[1] * u[1] > 1e-6 and abs(d[0] * u[1] - d[1] * u[0]) < 1e-6


def _turn(p: P, v: P, c: float, s: float) -> P:
    return (v[0] + c * (p[0] - v[0]) - s * (p[1] - v[1]), v[1] + s * (p[0] - v[0]) + c * (p[1] - v[1]))


def wires_through_cells(result: Any, limit: int = 3) -> Iterator[Fault]:
    """A wire drawn straight through a symbol's body, from one terminal to the other."""
    for body in result.drawing.bodies[:limit]:
        if len(body.terminals) != 2:
            continue
        wire = Line(tuple(body.terminals))
        yield _fault(result, f"wire through {body.owner}", "E5017", items=list(result.drawing.items) + [wire])


def unwired_terminals(result: Any, limit: int = 2) -> Iterator[Fault]:
    """The wires at one terminal of a symbol removed."""
    count = 0
    for body in result.drawing.bodies:
        for t in body.terminals:
            if count >= limit:
                return
            at = [it for it in result.drawing.items if isinstance(it, (Line, Dot)) and it.owner != body.owner
                  and _touches(it, t)]
            if at:
                items = [it for it in result.drawing.items if not any(it is x for x in at)]
                yield _fault(result, f"wire at a terminal of {body.owner} removed", "E5018", items=items)
                count += 1


def _touches(item: Any, p: P) -> bool:
    from scidsl.measure import centre_line
    from shapely.geometry import Point

    line = centre_line(item)
    return line is not None and line.distance(Point(p)) < 1e-6


def points_off_curves(result: Any, limit: int = 3) -> Iterator[Fault]:
    """A root or extremum drawn a little off the curve it lies on."""
    count = 0
    for k, it in enumerate(result.drawing.items):
        curve = next((c for c in result.drawing.items if isinstance(c, Line) and c.owner == it.on), None) \
            if isinstance(it, Dot) and it.on is not None else None
        if curve is not None and count < limit:
            a, b = min(zip(curve.points, curve.points[1:]),
                       key=lambda s: math.dist(s[0], it.center) + math.dist(s[1], it.center))
            u = _unit(a, b)
            items = list(result.drawing.items)
            items[k] = replace(it, center=(it.center[0] - u[1] * 0.06, it.center[1] + u[0] * 0.06))
            yield _fault(result, f"point {it.owner} drawn off {it.on}", "E5015", items=items)
            count += 1


FAULTS: tuple[Callable[[Any], Iterator[Fault]], ...] = (label_moves, label_swaps, glyph_swaps, arm_removals,
                                                        mark_rotations, arm_turns, wires_through_cells,
                                                        unwired_terminals, points_off_curves)
