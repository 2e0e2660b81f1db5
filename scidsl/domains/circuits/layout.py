"""Automatic schematic layout: series–parallel and bridge blocks on a rectangular loop."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

from . import decompose as dc
from .geometry import MIRROR_Y, ROT90, ROT180, ROT270, Affine, Point, Seg, _r, translate
from .issues import Issue
from .parts import KINDS
from .quantities import format_quantity, subscript_name
from .symbols import PART_LENGTH, extent
from .taps import TAP_TERMINAL, fold_taps, unfolded_parts
from .topology import Circuit

WIRE_MIN = 0.5  # shortest wire between two parts in series
BUS_PAD = 0.4  # wire between a parallel bus and its branch
GAP = 0.35  # clearance between neighbouring blocks
LABEL_GAP = 0.12  # between a symbol and its label
CORNER = 0.6  # shortest wire from a loop corner to a part
MIN_SIDE = 2.4
LEAD = 0.8  # lead to a terminal circle in a two-terminal network
LABEL_SIZE = 11.0
ARROW_GAP = 0.2  # from a symbol to the current arrow beside it
ARROW_HALF = 0.3

Measure = Callable[[str, float], tuple[float, float]]
GRID = 100  # every length is a whole number of 0.01 cm, so sums never drift apart


def snap(v: float) -> float:
    """Nearest grid value (offsets)."""
    return round(v * GRID) / GRID


def snap_up(v: float) -> float:
    """Grid value at or above v (sizes, so that reserved room never shrinks)."""
    return math.ceil(v * GRID - 1e-9) / GRID


@dataclass
class PlacedPart:
    """A part on the page: drawn from start (its first terminal) to end, outward side `normal`."""

    name: str
    key: str
    kind: str
    start: Point
    end: Point
    normal: Point
    terminals: dict[str, Point]


@dataclass
class LabelBox:
    """A part label with the room reserved for it (centre, width, height in cm)."""

    owner: str
    text: str
    center: Point
    width: float
    height: float
    anchor: Point
    direction: Point


@dataclass
class PlacedMarker:
    """A ground or terminal marker: stub from `attach` (on a wire) to `tip` (the symbol)."""

    name: str
    kind: str
    attach: Point
    tip: Point


@dataclass
class Schematic:
    """Everything the renderer draws for one circuit."""

    parts: list[PlacedPart] = field(default_factory=list)
    wires: list[Seg] = field(default_factory=list)
    dots: list[Point] = field(default_factory=list)
    markers: list[PlacedMarker] = field(default_factory=list)
    labels: list[LabelBox] = field(default_factory=list)
    arrows: list[tuple[str, Point, Point]] = field(default_factory=list)


@dataclass
class _Sub:
    """A laid-out block in its own frame: in-terminal (0, 0), out-terminal (width, 0)."""

    width: float
    up: float
    down: float
    parts: list[PlacedPart] = field(default_factory=list)
    wires: list[Seg] = field(default_factory=list)
    labels: list[LabelBox] = field(default_factory=list)
    arrows: list[tuple[str, Point, Point]] = field(default_factory=list)
    bus_in: bool = False  # the block begins with a bus (a parallel block or a bridge)
    bus_out: bool = False  # the block ends with a bus

    def add(self, other: "_Sub", m: Affine) -> None:
        """Copy another block's content through map m."""
        for p in other.parts:
            self.parts.append(PlacedPart(p.name, p.key, p.kind, m(p.start), m(p.end),
                                         m.vec(p.normal),
                                         {t: m(q) for t, q in p.terminals.items()}))
        self.wires += [(m(a), m(b)) for a, b in other.wires]
        self.arrows += [(o, m(a), m(b)) for o, a, b in other.arrows]
        self.labels += [LabelBox(lb.owner, lb.text, m(lb.center), lb.width, lb.height,
                                 m(lb.anchor), m.vec(lb.direction)) for lb in other.labels]

    def wire(self, a: Point, b: Point) -> None:
        """Add a wire unless it has no length."""
        a, b = (_r(a[0]), _r(a[1])), (_r(b[0]), _r(b[1]))
        if a != b:
            self.wires.append((a, b))


def measure_text(text: str, size: float) -> tuple[float, float]:
    """Width and height of a one-line label in cm (Matplotlib's font metrics)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    w, h, _ = TextToPath().get_text_width_height_descent(text, FontProperties(size=size),
                                                         ismath=False)
    cm = 2.54 / 72
    return w * cm, max(h, size) * cm


def label_text(circuit: Circuit, part: str, values: bool = True) -> str:
    """Textbook label of a part: "R₁ = 4 Ω" (or the author's label)."""
    spec = circuit.parts[part]
    head = spec.label if spec.label is not None else subscript_name(part)
    key = KINDS[spec.kind].value_key
    q = spec.values.get(key) if key else None
    from scidsl.verify_text import states_value

    if not values or q is None or not head or "=" in head or states_value(head, format_quantity(q)):
        return head  # an author's label that states a value already ("$V_1 = 24$ V", "24 V") is not given it twice
    freq = spec.values.get("frequency") if spec.kind == "ac_source" else None  # "U = 230 V, 50 Hz"
    return f"{head} = {format_quantity(q)}" + (f", {format_quantity(freq)}" if freq is not None else "")


class _Builder:
    """Lays out blocks; knows the circuit, label texts, text metrics and symbol options."""

    def __init__(self, circuit: Circuit, measure: Measure, marks: set[str], values: bool) -> None:
        self.circuit = circuit
        self.measure = measure
        self.marks = marks
        self.values = values
        self.edges = {k: d for _, _, k, d in circuit.graph.edges(keys=True, data=True)}

    def block(self, block: dc.Block, vertical: bool) -> _Sub:
        """Lay out any block with its flow along +x (globally vertical if `vertical`)."""
        if isinstance(block, dc.Leaf):
            return self.leaf(block, vertical)
        if isinstance(block, dc.SeriesBlock):
            return self.series([self.block(b, vertical) for b in block.items])
        if isinstance(block, dc.TapBlock):
            return self.tap_block(block, vertical)
        if isinstance(block, dc.ParallelBlock):
            return self.parallel(self.branches(block, vertical))
        return self.bridge(block, vertical)

    def branches(self, block: dc.ParallelBlock, vertical: bool) -> list[_Sub]:
        """The laid-out branches of a parallel block, the one drawn on the axis first."""
        # a meter across a part goes outside it, as textbooks draw it
        ordered = sorted(block.branches, key=self._is_lone_meter)
        return [self.block(b, vertical) for b in ordered]

    def _is_lone_meter(self, block: dc.Block) -> bool:
        return isinstance(block, dc.Leaf) and self.edges[block.key]["kind"] == "voltmeter"

    def leaf(self, leaf: dc.Leaf, vertical: bool) -> _Sub:
        data = self.edges[leaf.key]
        kind = data["kind"]
        if kind == "wire":
            sub = _Sub(WIRE_MIN, 0, 0)
            sub.wire((0, 0), (WIRE_MIN, 0))
            return sub
        text, w, h, along, cross = self._label(leaf.part, vertical)
        current = str(self.circuit.parts[leaf.part].hints.get("current") or "")
        cw, ch = self.size(current)
        c_along, c_cross = (ch, cw) if vertical else (cw, ch)
        length = snap_up(max(PART_LENGTH, along + 0.3, c_along + 0.3))
        up, down = extent(kind, leaf.part in self.marks)
        start, end = ((0.0, 0.0), (length, 0.0)) if leaf.forward else ((length, 0.0), (0.0, 0.0))
        ta, tb = data["ends"]
        sub = _Sub(length, up + (LABEL_GAP + cross if text else 0), down)
        sub.parts.append(PlacedPart(leaf.part, leaf.key, kind, start, end, (0.0, 1.0),
                                    {ta: start, tb: end}))
        if text:
            sub.labels.append(LabelBox(leaf.part, text, (length / 2, up + LABEL_GAP + cross / 2),
                                       w, h, (length / 2, up), (0.0, 1.0)))
        if current:
            self._current_arrow(sub, leaf, current, (cw, ch, c_cross), down)
        return sub

    def _current_arrow(self, sub: _Sub, leaf: dc.Leaf, text: str,
                       size: tuple[float, float, float], down: float) -> None:
        """An arrow beside the part on its inner side, in its terminal order, with its label."""
        mid, y = sub.width / 2, -(down + ARROW_GAP)
        sign = 1 if leaf.forward else -1
        sub.arrows.append((leaf.part, (mid - sign * ARROW_HALF, y), (mid + sign * ARROW_HALF, y)))
        w, h, cross = size
        sub.labels.append(LabelBox(leaf.part, text, (mid, y - LABEL_GAP - cross / 2), w, h,
                                   (mid, y), (0.0, -1.0)))
        sub.down = down + ARROW_GAP + LABEL_GAP + cross

    def _label(self, part: str, vertical: bool) -> tuple[str, float, float, float, float]:
        """Label text, its width and height, and its extents along and across the flow."""
        text = label_text(self.circuit, part, self.values)
        w, h = self.size(text)
        along, cross = (h, w) if vertical else (w, h)
        return text, w, h, along, cross

    def size(self, text: str) -> tuple[float, float]:
        """Label size on the grid (0, 0 for no text)."""
        if not text:
            return 0.0, 0.0
        w, h = self.measure(text, LABEL_SIZE)
        return snap_up(w), snap_up(h)

    def tap_block(self, b: dc.TapBlock, vertical: bool) -> _Sub:
        """A three-terminal part on the axis; its tap network runs above it to the out end."""
        if not b.at_end:
            sub = self.tap_block(dc.reverse(b), vertical)  # type: ignore[arg-type]
            mirrored = _Sub(sub.width, sub.up, sub.down)
            mirrored.add(sub, Affine(-1, 0, 0, 1, sub.width, 0))
            return mirrored
        kind = self.edges[b.keys[0]]["kind"]
        text, w, h, along, cross = self._label(b.part, vertical)
        length = snap_up(max(PART_LENGTH + 0.4, along + 0.3))
        up, down = extent(kind)
        tap = self.block(b.tap, vertical)
        height = up + WIRE_MIN + tap.down
        mid = snap(length / 2)
        x0 = mid + WIRE_MIN
        width = max(x0 + tap.width + WIRE_MIN, length + WIRE_MIN)
        sub = _Sub(width, height + tap.up, down + (LABEL_GAP + cross if text else 0))
        terminals = {b.first: (0.0, 0.0), b.second: (length, 0.0), TAP_TERMINAL[kind]: (mid, up)}
        sub.parts.append(PlacedPart(b.part, b.keys[0], kind, (0.0, 0.0), (length, 0.0),
                                    (0.0, 1.0), terminals))
        sub.wire((mid, up), (mid, height))
        sub.wire((mid, height), (x0, height))
        sub.add(tap, translate(x0, height))
        sub.wire((x0 + tap.width, height), (width, height))
        sub.wire((width, height), (width, 0))
        sub.wire((length, 0), (width, 0))
        if text:  # the tap takes the outer side, so the label goes inside
            sub.labels.append(LabelBox(b.part, text, (mid, -(down + LABEL_GAP + cross / 2)),
                                       w, h, (mid, -down), (0.0, -1.0)))
        return sub

    def series(self, subs: list[_Sub]) -> _Sub:
        out = _Sub(0, max(s.up for s in subs), max(s.down for s in subs))
        x = 0.0
        for i, s in enumerate(subs):
            if i:
                out.wire((x, 0), (x + WIRE_MIN, 0))
                x += WIRE_MIN
            out.add(s, translate(x, 0))
            x += s.width
        out.width = x
        out.bus_in, out.bus_out = subs[0].bus_in, subs[-1].bus_out
        return out

    def parallel(self, subs: list[_Sub], span: tuple[float, float, float] | None = None) -> _Sub:
        """Branches stacked outward from the axis between two buses.

        `span` = (width, lo, hi) makes the buses `width` apart and centres the first branch
        between lo and hi (a block filling a whole side of a loop, its buses at the corners).
        """
        width = max(s.width for s in subs) + 2 * BUS_PAD if span is None else span[0]
        out = _Sub(width, 0, subs[0].down, bus_in=True, bus_out=True)
        y = 0.0
        for i, s in enumerate(subs):
            if i:
                y_next = y + subs[i - 1].up + GAP + s.down
                out.wire((0, y), (0, y_next))
                out.wire((width, y), (width, y_next))
                y = y_next
            lo, hi = (span[1], span[2]) if span is not None and i == 0 else (0.0, width)
            x0 = snap(lo + (hi - lo - s.width) / 2)
            if 0 < i == len(subs) - 1 and s.bus_in != s.bus_out:
                # the outermost branch of a ladder: its own bus continues this one in line
                x0 = 0.0 if s.bus_in else snap(width - s.width)
            out.wire((0, y), (x0, y))
            out.wire((x0 + s.width, y), (width, y))
            out.add(s, translate(x0, y))
        out.up = y + subs[-1].up
        return out

    def bridge(self, b: dc.BridgeBlock, vertical: bool) -> _Sub:
        e1, e2 = self.block(b.e1, vertical), self.block(b.e2, vertical)
        e3, e4 = self.block(b.e3, vertical), self.block(b.e4, vertical)
        e5 = self.block(b.e5, not vertical)
        left = max(e1.width, e3.width) + 2 * BUS_PAD
        right = max(e2.width, e4.width) + 2 * BUS_PAD
        xc = left + e5.up + GAP
        width = xc + e5.down + GAP + right
        h = max(e5.width + 2 * WIRE_MIN, max(e1.down, e2.down) + max(e3.up, e4.up) + GAP)
        out = _Sub(width, h + max(e1.up, e2.up), max(e3.down, e4.down), bus_in=True, bus_out=True)
        out.wire((0, 0), (0, h))
        out.wire((width, 0), (width, h))
        for y, first, second, mirror in ((h, e1, e2, False), (0.0, e3, e4, True)):
            self._bridge_row(out, y, first, second, (left, xc, width - right), mirror)
        y5 = snap((h - e5.width) / 2)
        out.wire((xc, 0), (xc, y5))
        out.wire((xc, y5 + e5.width), (xc, h))
        out.add(e5, ROT90.then(translate(xc, y5)))
        return out

    def _bridge_row(self, out: _Sub, y: float, first: _Sub, second: _Sub,
                    xs: tuple[float, float, float], mirror: bool) -> None:
        left, xc, right_start = xs
        width = out.width
        m = MIRROR_Y if mirror else Affine()
        x1 = snap((left - first.width) / 2)
        x2 = snap(right_start + (width - right_start - second.width) / 2)
        out.wire((0, y), (x1, y))
        out.add(first, m.then(translate(x1, y)))
        out.wire((x1 + first.width, y), (xc, y))
        out.wire((xc, y), (x2, y))
        out.add(second, m.then(translate(x2, y)))
        out.wire((x2 + second.width, y), (width, y))


SIDES = ("left", "top", "right", "bottom")


def _side_hint(circuit: Circuit, block: dc.Block) -> str | None:
    for leaf in dc.leaves(block):
        side = circuit.parts[leaf.part].hints.get("side")
        if side in SIDES:
            return side
    return None


_ORDER = {"left": 0, "top": 1, "right": 2, "bottom": 3}


def assign_sides(circuit: Circuit, items: list[dc.Block]) -> dict[str, list[dc.Block]]:
    """Root item on the left; the rest over top, right and bottom, keeping the loop order.

    Hints are honoured when they keep the parts in loop order (left → top → right → bottom →
    below the root on the left); a hint that would reorder the loop is ignored.
    """
    rest = items[1:]
    top, right, bottom = _split_free(rest)
    sides = [1] * len(top) + [2] * len(right) + [3] * len(bottom)
    current = 0
    for i, item in enumerate(rest):
        hint = _side_hint(circuit, item)
        want = sides[i] if hint is None else _ORDER[hint]
        if hint == "left" and current > 0:
            want = 4  # wraps round: below the root
        sides[i] = current = max(want, current)
    out: dict[str, list[dc.Block]] = {s: [] for s in SIDES}
    below = [item for item, side in zip(rest, sides) if side == 4]
    out["left"] = below + [items[0]]
    for item, side in zip(rest, sides):
        if side < 4:
            out[SIDES[side]].append(item)
    return out


def _split_free(free: list[dc.Block]) -> tuple[list, list, list]:
    k = len(free)
    if k == 0:
        return [], [], []
    if k == 1:
        return [], free, []
    if not isinstance(free[-1], dc.Leaf) and k <= 4:
        return free[:-1], free[-1:], []  # a network reads best as columns on the right
    n_bottom = (k - 1) // 3 if k >= 4 else 0
    n_top = k - 1 - n_bottom
    return free[:n_top], free[n_top:n_top + 1], free[n_top + 1:]


# Each side's map from the side's own frame (flow along +x, outward +y) to the loop rectangle.
def _side_map(side: str, width: float, height: float) -> Affine:
    return {"left": ROT90, "top": translate(0, height), "right": ROT270.then(
        translate(width, height)), "bottom": ROT180.then(translate(width, 0))}[side]


# the two sides that meet a side at its start and at its end (in its flow direction)
_NEIGHBOURS = {"left": ("bottom", "top"), "top": ("left", "right"), "right": ("top", "bottom"),
               "bottom": ("right", "left")}


def layout_loop(builder: _Builder, sides: dict[str, list[dc.Block]]) -> _Sub:
    """Place each side's series on a rectangle; corners are plain wire bends.

    Along each side the parts keep clear of the room the two neighbouring sides take inside the
    rectangle (their symbols, inner labels and current arrows), so corners never collide.
    """
    subs = {s: builder.series([builder.block(b, s in ("left", "right")) for b in blocks])
            if blocks else None for s, blocks in sides.items()}
    inner = {s: (sub.down if sub else 0.0) for s, sub in subs.items()}
    margin = {s: (max(CORNER, inner[a] + GAP), max(CORNER, inner[b] + GAP))
              for s, (a, b) in _NEIGHBOURS.items()}
    length = {s: (sub.width + sum(margin[s]) if sub else 0.0) for s, sub in subs.items()}
    width = snap_up(max(length["top"], length["bottom"], inner["left"] + inner["right"] + GAP,
                        MIN_SIDE))
    height = snap_up(max(length["left"], length["right"], inner["top"] + inner["bottom"] + GAP,
                         MIN_SIDE))
    out = _Sub(width, 0, 0)
    for side, sub in subs.items():
        m = _side_map(side, width, height)
        run = height if side in ("left", "right") else width
        if sub is None:
            out.wire(m((0, 0)), m((run, 0)))
            continue
        lo, hi = margin[side][0], run - margin[side][1]
        blocks = sides[side]
        if len(blocks) == 1 and isinstance(blocks[0], dc.ParallelBlock):
            # a lone parallel block fills its side: its outer branches join the loop at the
            # corners, so the loop's wires run straight on into them as textbooks draw it
            branches = builder.branches(blocks[0], side in ("left", "right"))
            sub = builder.parallel(branches, (run, lo, hi))
            lo, hi = 0.0, run
        x0 = snap(lo + (hi - lo - sub.width) / 2)
        out.wire(m((0, 0)), m((x0, 0)))
        out.add(sub, translate(x0, 0).then(m))
        out.wire(m((x0 + sub.width, 0)), m((run, 0)))
    return out


def _edges_for(circuit: Circuit, skip: str | None) -> list[tuple[str, str, dc.Block]]:
    out = []
    for _, _, key, data in circuit.graph.edges(keys=True, data=True):
        if key == skip:
            continue
        ta, tb = data["ends"]
        out.append((circuit.terminals[(data["part"], ta)], circuit.terminals[(data["part"], tb)],
                    dc.Leaf(key, data["part"], True)))
    return out


def _root_key(circuit: Circuit) -> str | None:
    keys = [(k, d) for _, _, k, d in circuit.graph.edges(keys=True, data=True)]
    for k, d in keys:
        if circuit.parts[d["part"]].hints.get("root") in ("true", True):
            return k
    for k, d in keys:
        if KINDS[d["kind"]].family in ("vsource", "isource"):
            return k
    whole = [k for k, d in keys if k == d["part"]]  # a half of a three-terminal part cannot lead
    return whole[0] if whole else None


def _terminal_nodes(circuit: Circuit) -> list[tuple[str, str]]:
    out = []
    for name, spec in circuit.parts.items():
        node = circuit.terminals.get((name, "a"))
        if spec.kind == "terminal" and node is not None:
            out.append((name, node))
    return out


def _unfolded(circuit: Circuit, block: dc.Block) -> Issue | None:
    for name in sorted(unfolded_parts(block)):
        spec = circuit.parts[name]
        return Issue("E2013", f"cannot lay out {spec.kind} '{name}': its tap network does not "
                     "run between its tap and one end", name, spec.origin,
                     "connect the wiper (or common) side network to one end of the part")
    return None


def layout_circuit(circuit: Circuit, measure: Measure = measure_text,
                   marks: bool | set[str] = False, values: bool = True) -> Schematic | Issue:
    """Compute a schematic for a checked circuit, or an Issue if its topology is not drawable.

    `marks` asks for + and − beside polar parts: True for all, or a set of part names.
    """
    if isinstance(marks, bool):
        marks = set(circuit.parts) if marks else set()
    builder = _Builder(circuit, measure, marks, values)
    ports = _terminal_nodes(circuit)
    has_source = any(KINDS[d["kind"]].family in ("vsource", "isource")
                     for *_, d in circuit.graph.edges(keys=True, data=True))
    # a sourceless network with two distinct terminal nodes is drawn between them; anything else
    # (a source, or fewer than two terminals) is drawn as a loop and its terminals become markers
    two_port = not has_source and len({n for _, n in ports}) >= 2
    sub = _layout_two_port(circuit, builder, ports) if two_port else _layout_with_root(circuit, builder)
    if isinstance(sub, Issue):
        return sub
    from .markers import finish_schematic

    return finish_schematic(circuit, sub, ports if two_port else [], measure)


def _not_drawable(what: str) -> Issue:
    return Issue("E2013", f"cannot lay out this circuit: {what}", None, None,
                 "state it as nested series/parallel parts, a ladder or a bridge")


def _layout_with_root(circuit: Circuit, builder: _Builder) -> _Sub | Issue:
    root = _root_key(circuit)
    if root is None:
        return _not_drawable("it has no two-terminal parts")
    data = circuit.graph.edges[_edge_of(circuit, root)]
    a = circuit.terminals[(data["part"], data["ends"][0])]
    b = circuit.terminals[(data["part"], data["ends"][1])]
    rest = dc.decompose(_edges_for(circuit, root), b, a)
    if rest is None:
        return _not_drawable("its network is neither series–parallel nor a bridge")
    rest = fold_taps(rest, builder.edges)
    bad = _unfolded(circuit, rest)
    if bad:
        return bad
    items = [dc.Leaf(root, data["part"], True)]
    items += list(rest.items) if isinstance(rest, dc.SeriesBlock) else [rest]
    return layout_loop(builder, assign_sides(circuit, items))


def _edge_of(circuit: Circuit, key: str) -> tuple[str, str, str]:
    for u, v, k in circuit.graph.edges(keys=True):
        if k == key:
            return (u, v, k)
    raise KeyError(key)


def _layout_two_port(circuit: Circuit, builder: _Builder,
                     ports: list[tuple[str, str]]) -> _Sub | Issue:
    s = ports[0][1]
    t = next(n for _, n in ports if n != s)
    block = dc.decompose(_edges_for(circuit, None), s, t)
    if block is None:
        return _not_drawable("the network between its terminals is neither series–parallel "
                             "nor a bridge")
    block = fold_taps(block, builder.edges)
    bad = _unfolded(circuit, block)
    if bad:
        return bad
    sub = builder.block(block, False)
    out = _Sub(sub.width + 2 * LEAD, sub.up, sub.down)
    out.wire((0, 0), (LEAD, 0))
    out.add(sub, translate(LEAD, 0))
    out.wire((LEAD + sub.width, 0), (out.width, 0))
    return out
