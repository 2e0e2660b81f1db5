"""Finishing a schematic: T-junction splits, junction dots, ground and terminal markers."""
from __future__ import annotations

from collections import Counter, defaultdict

from .geometry import EPS, Box, Point, Seg, box_around, on_segment  # noqa: F401
from .quantities import subscript_name
from .layout import LABEL_SIZE, LabelBox, Measure, PlacedMarker, Schematic, _Sub
from .symbols import extent
from .topology import Circuit

STUB = 0.6  # wire from a node to a terminal circle
GROUND_STEM = 0.35
TERMINAL_R = 0.08


def part_box(part) -> Box:  # noqa: ANN001 - PlacedPart, imported lazily to avoid a cycle
    """Box covering a placed part's symbol (leads included)."""
    up, down = extent(part.kind)
    (sx, sy), (ex, ey), (nx, ny) = part.start, part.end, part.normal
    pts = [(sx + nx * up, sy + ny * up), (sx - nx * down, sy - ny * down),
           (ex + nx * up, ey + ny * up), (ex - nx * down, ey - ny * down)]
    return box_around(pts)


def label_box(lb: LabelBox) -> Box:
    """Box of a label."""
    (cx, cy), w, h = lb.center, lb.width, lb.height
    return Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def split_wires(wires: list[Seg], points: list[Point]) -> list[Seg]:
    """Split wires wherever another wire's end or a terminal touches their middle."""
    from bisect import bisect_left, bisect_right

    by_x: dict[float, list[float]] = defaultdict(list)
    by_y: dict[float, list[float]] = defaultdict(list)
    for p in set(points) | {q for w in wires for q in w}:
        by_x[p[0]].append(p[1])
        by_y[p[1]].append(p[0])
    for line in list(by_x.values()) + list(by_y.values()):
        line.sort()
    out = []
    for a, b in wires:
        vertical = a[0] == b[0]
        line = by_x[a[0]] if vertical else by_y[a[1]]
        lo, hi = sorted((a[1], b[1]) if vertical else (a[0], b[0]))
        inner = line[bisect_right(line, lo + EPS):bisect_left(line, hi - EPS)]
        if (a[1] if vertical else a[0]) > (b[1] if vertical else b[0]):
            inner = inner[::-1]
        pts = [(a[0], v) if vertical else (v, a[1]) for v in inner]
        chain = [a] + pts + [b]
        out += [(chain[i], chain[i + 1]) for i in range(len(chain) - 1)]
    return out


def junction_dots(sch: Schematic) -> list[Point]:
    """Points where three or more wires or connected terminals meet."""
    count: Counter[Point] = Counter()
    for a, b in sch.wires:
        count[a] += 1
        count[b] += 1
    for p in sch.parts:
        for q in p.terminals.values():
            count[q] += 1
    return sorted(p for p, n in count.items() if n >= 3)


def point_nodes(circuit: Circuit, sch: Schematic) -> dict[Point, str]:
    """Circuit node of every wire end and terminal point, found by following the wires."""
    parent: dict[Point, Point] = {}

    def find(p: Point) -> Point:
        parent.setdefault(p, p)
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    for a, b in sch.wires:
        parent[find(a)] = find(b)
    node_of_root: dict[Point, str] = {}
    for part in sch.parts:
        for term, q in part.terminals.items():
            node_of_root[find(q)] = circuit.terminals[(part.name, term)]
    return {p: node_of_root.get(find(p), "") for p in list(parent)}


def _obstacles(sch: Schematic) -> list[Box]:
    boxes = [part_box(p) for p in sch.parts] + [label_box(lb) for lb in sch.labels]
    boxes += [box_around([m.tip], 0.3) for m in sch.markers]
    boxes += [box_around([a, b], 0.1) for _, a, b in sch.arrows]
    return boxes


def _marker_fits(sch: Schematic, stub: Seg, footprint: list[Box]) -> bool:
    obstacles = _obstacles(sch)
    if any(b.overlaps(f, 0.05) for b in obstacles for f in footprint):
        return False
    for w in sch.wires:
        if any(f.hits_segment(w) for f in footprint):
            return False
        if w[0] != stub[0] and w[1] != stub[0] and _touches(stub, w):
            return False
    return True


def _touches(s: Seg, w: Seg) -> bool:
    from .geometry import segments_cross

    return segments_cross(s, w) or on_segment(s[1], w) or s[1] in w


def _candidates(sch: Schematic, node: str, nodes: dict[Point, str], kind: str,
                centre: Point) -> list[tuple[Point, Point]]:
    """(attach point, direction) pairs along the node's wires, outward first."""
    out = []
    for a, b in sch.wires:
        if nodes.get(a) != node:
            continue
        horizontal = abs(a[1] - b[1]) < EPS
        normals = [(0.0, -1.0)] if kind == "ground" else (
            [(0.0, 1.0), (0.0, -1.0)] if horizontal else [(1.0, 0.0), (-1.0, 0.0)])
        if kind == "ground" and not horizontal:
            continue
        for t in (0.5, 0.3, 0.7):
            p = (round(a[0] + t * (b[0] - a[0]), 6), round(a[1] + t * (b[1] - a[1]), 6))
            for n in normals:
                away = (p[0] - centre[0]) * n[0] + (p[1] - centre[1]) * n[1]
                out.append((-away, p, n))
    out.sort(key=lambda c: c[0])
    return [(p, n) for _, p, n in out]


def _marker_label(name: str, text: str, tip: Point, n: Point, measure: Measure) -> LabelBox:
    w, h = measure(text, LABEL_SIZE)
    reach = TERMINAL_R + 0.12 + (w / 2 if n[0] else h / 2)
    centre = (round(tip[0] + n[0] * reach, 6), round(tip[1] + n[1] * reach, 6))
    return LabelBox(name, text, centre, w, h, tip, n)


def _place_marker(circuit: Circuit, sch: Schematic, name: str, nodes: dict[Point, str],
                  measure: Measure) -> None:
    spec = circuit.parts[name]
    node = circuit.terminals[(name, "a")]
    pts = [q for w in sch.wires for q in w] or [(0.0, 0.0)]
    box = box_around(pts)
    centre = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
    text = spec.label if spec.label is not None else ("" if spec.kind == "ground"
                                                      else subscript_name(name))
    best = None
    for p, n in _candidates(sch, node, nodes, spec.kind, centre):
        length = GROUND_STEM if spec.kind == "ground" else STUB
        tip = (round(p[0] + n[0] * length, 6), round(p[1] + n[1] * length, 6))
        label = _marker_label(name, text, tip, n, measure) if text else None
        foot = [box_around([tip], 0.3)] + ([label_box(label)] if label else [])
        best = best or (p, tip, label)
        if _marker_fits(sch, (p, tip), foot):
            best = (p, tip, label)
            break
    if best is None:
        return
    p, tip, label = best
    sch.markers.append(PlacedMarker(name, spec.kind, p, tip))
    sch.wires = split_wires(sch.wires, [p]) + [(p, tip)]
    if label:
        sch.labels.append(label)


def finish_schematic(circuit: Circuit, sub: _Sub, ports: list[tuple[str, str]],
                     measure: Measure) -> Schematic:
    """Split wires at junctions, add markers, compute junction dots."""
    sch = Schematic(parts=sub.parts, labels=sub.labels, arrows=sub.arrows)
    terminals = [q for p in sub.parts for q in p.terminals.values()]
    sch.wires = split_wires(sub.wires, terminals)
    placed = _place_ports(circuit, sch, sub, ports, measure)
    nodes = point_nodes(circuit, sch)
    for name, spec in circuit.parts.items():
        if spec.kind in ("ground", "terminal") and name not in placed \
                and (name, "a") in circuit.terminals:
            _place_marker(circuit, sch, name, nodes, measure)
            nodes = point_nodes(circuit, sch)
    sch.dots = junction_dots(sch)
    for name, spec in circuit.parts.items():
        if spec.kind == "junction" and (name, "a") in circuit.terminals:
            _place_junction(circuit, sch, name, point_nodes(circuit, sch))
    return sch


def _place_junction(circuit: Circuit, sch: Schematic, name: str, nodes: dict[Point, str]) -> None:
    """A named junction sits on the node's junction dot, else in the middle of one of its wires."""
    node = circuit.terminals[(name, "a")]
    dots = [d for d in sch.dots if nodes.get(d) == node]
    if dots:
        point = dots[0]
    else:
        seg = next(((a, b) for a, b in sch.wires if nodes.get(a) == node), None)
        if seg is None:
            return
        (x0, y0), (x1, y1) = seg
        point = (round((x0 + x1) / 2, 6), round((y0 + y1) / 2, 6))
        sch.wires = split_wires(sch.wires, [point])
    sch.markers.append(PlacedMarker(name, "junction", point, point))


def _place_ports(circuit: Circuit, sch: Schematic, sub: _Sub, ports: list[tuple[str, str]],
                 measure: Measure) -> set[str]:
    """The two ends of a two-terminal network get the first two terminal markers."""
    if not ports:
        return set()
    s = ports[0]
    t = next(p for p in ports if p[1] != s[1])
    done = set()
    for (name, _), point, n in ((s, (0.0, 0.0), (-1.0, 0.0)),
                                (t, (round(sub.width, 6), 0.0), (1.0, 0.0))):
        spec = circuit.parts[name]
        text = spec.label if spec.label is not None else subscript_name(name)
        sch.markers.append(PlacedMarker(name, "terminal", point, point))
        if text:
            sch.labels.append(_marker_label(name, text, point, n, measure))
        done.add(name)
    return done
