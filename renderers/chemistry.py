"""Renderer of the chemistry domain: molecules, equations and unit cells → primitives."""
from __future__ import annotations

from math import atan2, degrees, hypot

from scidsl.domains.chemistry.crystal import CellDrawing
from scidsl.domains.chemistry.depiction import DOT_R, MoleculeGeometry
from scidsl.domains.chemistry.layout import (
    HARPOON_BARB,
    HARPOON_GAP,
    ChemLayout,
    CrystalBlock,
    MoleculeBlock,
    ReactionBlock,
    condition_offset,
    rich_text,
    species_text,
)
from scidsl.primitives import Circle, Dot, Drawing, LabelSpec, Line, Stroke, Text

P = tuple[float, float]
BOND = Stroke(width=1.2)
HIGHLIGHT = "#ffd54f"
SPECIES_COLORS = ("#8ec3e6", "#f4a261", "#a8d5a2")
ARROW_SIZE = 12.0


def render_layout(layout: ChemLayout) -> Drawing:
    """Draw every block at its offset."""
    out = Drawing()
    for block in layout.blocks:
        if isinstance(block, MoleculeBlock):
            part = _molecule_block(block)
        elif isinstance(block, ReactionBlock):
            part = _reaction(block)
        elif isinstance(block, CrystalBlock):
            part = _crystal(block)
        else:
            part = _figure(block)
        out.extend(part.transformed(1.0, *block.offset))
    _keep_natural_size(out)
    return out


def _figure(block: object) -> Drawing:
    from scidsl.domains.chemistry.layout_figures import EnergyBlock

    if isinstance(block, EnergyBlock):
        from scidsl.renderers.chem_energy import render_energy

        return render_energy(block)
    from scidsl.renderers.chem_galvanic import render_galvanic

    return render_galvanic(block)  # type: ignore[arg-type]


def _keep_natural_size(out: Drawing) -> None:
    """Pad a small drawing with an invisible frame so the page is not scaled.

    Atom labels are several texts placed against each other and bonds end at their edges; scaling
    the geometry but not the text would pull them apart.
    """
    from scidsl.style import MIN_NATURAL_CM

    b = out.bounds()
    if b is None:
        return
    need = MIN_NATURAL_CM + 0.2
    w, h = b[2] - b[0], b[3] - b[1]
    if max(w, h) >= need:
        return
    cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    half_w = max(w, need) / 2
    frame = ((cx - half_w, cy), (cx + half_w, cy))
    out.items.append(Line(frame, False, Stroke(visible=False), owner=None, role="frame"))


def _mv(p: P, d: P) -> P:
    return (p[0] + d[0], p[1] + d[1])


def draw_molecule(geo: MoleculeGeometry, owner: str, out: Drawing,
                  highlight: tuple[set[int], set[tuple[int, int]]] = (set(), set())) -> None:
    """Append bonds, atom labels, lone pairs and radicals of one molecule."""
    atoms, bonds = highlight
    for a in geo.atoms:
        src = a.source_index
        if src is not None and src in atoms:
            out.items.append(Circle(a.pos, 0.26, Stroke(fill=HIGHLIGHT, visible=False, zorder=0.5),
                                    owner, "highlight"))
    for b in geo.bonds:
        key = _src_pair(geo, b.begin, b.end)
        if key in bonds:
            out.items.append(_bond_halo(geo.atoms[b.begin].pos, geo.atoms[b.end].pos, owner))
        _draw_bond(b, owner, out)
    for a in geo.atoms:
        for piece in a.pieces:
            # anchored at the bottom of the layout box: the same box the core measures
            out.items.append(Text((piece.pos[0], piece.box[1]), piece.text, piece.size, piece.ha,  # type: ignore[arg-type]
                                  "bottom", owner=owner, role=f"atom-{piece.role}"))
        for p, q in a.lone_pairs:
            out.items += [Dot(p, DOT_R, "black", owner, "lone-pair"), Dot(q, DOT_R, "black", owner,
                                                                          "lone-pair")]
        for p in a.radical_dots:
            out.items.append(Dot(p, DOT_R, "black", owner, "radical"))


def _src_pair(geo: MoleculeGeometry, i: int, j: int) -> tuple[int, int] | None:
    a, b = geo.atoms[i].source_index, geo.atoms[j].source_index
    if a is None or b is None:
        return None
    return (min(a, b), max(a, b))


def _bond_halo(p: P, q: P, owner: str) -> Line:
    dx, dy = q[0] - p[0], q[1] - p[1]
    L = hypot(dx, dy) or 1.0
    nx, ny = -dy / L * 0.14, dx / L * 0.14
    pts = ((p[0] + nx, p[1] + ny), (q[0] + nx, q[1] + ny), (q[0] - nx, q[1] - ny),
           (p[0] - nx, p[1] - ny))
    return Line(pts, True, Stroke(fill=HIGHLIGHT, visible=False, zorder=0.5), owner=owner,
                role="highlight")


def _draw_bond(b, owner: str, out: Drawing) -> None:  # type: ignore[no-untyped-def]
    if b.polygon:
        out.items.append(Line(tuple(b.polygon), True, Stroke(width=0.6, fill="black"), owner=owner,
                              role="wedge"))
    width = 0.9 if b.style == "hash" else BOND.width
    for p, q in b.lines:
        out.items.append(Line((p, q), False, Stroke(width=width), owner=owner, role="bond"))


def _molecule_block(block: MoleculeBlock) -> Drawing:
    out = Drawing()
    node = block.entry.node
    owner = node.name or "molecule"
    atoms = set(node.highlight or [])
    from scidsl.domains.chemistry.analysis import parse_atom_label, parse_pair

    pairs = {(min(ij), max(ij)) for ij in map(parse_pair, node.highlight_bonds or []) if ij}
    draw_molecule(block.geo, owner, out, (atoms, pairs))
    _atom_notes(block, owner, out, parse_atom_label)
    for a in block.geo.atoms:
        if a.source_index is not None:
            out.anchors[f"{owner}.{a.symbol}{a.source_index}"] = a.pos
    out.anchors[owner] = _centre(block.box)
    from scidsl.domains.chemistry.layout import caption_of

    _caption(block.box, caption_of(node), owner, out)
    return out


def _atom_notes(block: MoleculeBlock, owner: str, out: Drawing, parse) -> None:  # type: ignore[no-untyped-def]
    node, geo = block.entry.node, block.geo
    notes: dict[int, str] = {}
    if node.numbers:
        notes = {a.source_index: str(a.source_index) for a in geo.atoms if a.source_index is not None}
    for text in node.atom_labels or []:
        idx = parse(text)
        if idx:
            notes[idx[0]] = idx[1]
    by_src = {a.source_index: a for a in geo.atoms}
    for idx, text in notes.items():
        a = by_src.get(idx)
        if a is None or not text:
            continue
        out.labels.append(LabelSpec(text, a.pos, owner, size=8 if node.numbers else 10,
                                    prefer=_away(geo, a.index), distance=0.22 if a.shown else 0.08,
                                    color="#1f4e9c" if node.numbers else "black", role="atom-note"))


def _away(geo: MoleculeGeometry, idx: int) -> tuple[float, ...]:
    """Directions around an atom ordered by clearance from its bonds."""
    pos = geo.atoms[idx].pos
    angles = []
    for b in geo.bonds:
        if idx in (b.begin, b.end):
            other = geo.atoms[b.end if b.begin == idx else b.begin].pos
            angles.append(degrees(atan2(other[1] - pos[1], other[0] - pos[0])))
    cands = [k * 30.0 for k in range(12)]
    if not angles:
        return (45.0, 135.0, 315.0, 225.0)
    gap = lambda c: min(min(abs(c - t) % 360, 360 - abs(c - t) % 360) for t in angles)
    return tuple(sorted(cands, key=lambda c: -gap(c))[:4])


def _centre(box: tuple[float, float, float, float]) -> P:
    return ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def _caption(box: tuple[float, float, float, float], text: str | None, owner: str,
             out: Drawing) -> None:
    if text:
        out.items.append(Text((_centre(box)[0], box[1]), rich_text(text), 11, "center", "bottom", owner=owner,
                              role="caption"))


# --- reactions ---------------------------------------------------------------------------------

def _reaction(block: ReactionBlock) -> Drawing:
    out = Drawing()
    node = block.entry.node
    owner = node.name or "reaction"
    eq = block.entry.equation
    floor = min((p.geo.bbox()[1] for p in block.parts if p.geo is not None), default=0.0)
    for part in block.parts:
        if part.kind == "text":
            out.items.append(Text((part.x, 0.0), part.text, 12, "left", "center", owner=owner,
                                  role="equation"))
        elif part.kind == "blank":
            out.items.append(Line(((part.x, -0.2), (part.x + part.width, -0.2)), False, Stroke(width=0.9),
                                  owner=owner, role="blank"))
        elif part.geo is not None:
            draw_molecule(part.geo, owner, out)
            b = part.geo.bbox()
            if len(part.geo.atoms) == 1:
                continue  # a lone atom or ion (Na⁺) already reads as its formula
            out.items.append(Text(((b[0] + b[2]) / 2, floor - 0.2), part.caption, 10, "center", "top",
                                  owner=owner, role="species-formula"))
    _arrow(block.arrow, eq.arrow if eq else "forward", owner, out)
    x0, x1 = block.arrow
    mid = (x0 + x1) / 2
    gap = condition_offset(eq.arrow if eq else "forward")
    if node.above:
        out.items.append(Text((mid, gap), rich_text(node.above), 10, "center", "bottom", owner=owner,
                              role="condition"))
    if node.below:
        out.items.append(Text((mid, -gap), rich_text(node.below), 10, "center", "top", owner=owner,
                              role="condition"))
    out.anchors[owner] = (mid, 0.0)
    _caption(block.box, node.label, owner, out)
    return out


def _arrow(span: tuple[float, float], kind: str, owner: str, out: Drawing) -> None:
    x0, x1 = span
    s = Stroke(width=1.1)
    if kind == "forward":
        out.items.append(Line(((x0, 0.0), (x1, 0.0)), False, s, "end", owner, "arrow"))
    elif kind == "resonance":
        out.items.append(Line(((x0, 0.0), (x1, 0.0)), False, s, "both", owner, "arrow"))
    else:  # equilibrium: two half-headed arrows
        d, (barb, rise) = HARPOON_GAP, HARPOON_BARB
        out.items.append(Line(((x0, d), (x1, d), (x1 - barb, d + rise)), False, s, None, owner,
                              "arrow"))
        out.items.append(Line(((x1, -d), (x0, -d), (x0 + barb, -d - rise)), False, s, None, owner,
                              "arrow"))


# --- crystals ----------------------------------------------------------------------------------

def _crystal(block: CrystalBlock) -> Drawing:
    out = Drawing()
    node = block.entry.node
    owner = node.name or "crystal"
    _cell(block.cell, owner, out)
    if node.legend:
        _legend(block, owner, out)
    out.anchors[owner] = _centre(block.box)
    _caption(block.box, node.label, owner, out)
    return out


def _cell(cell: CellDrawing, owner: str, out: Drawing) -> None:
    """Edges and atoms in depth order: hidden edges dashed at the back, nearer atoms on top."""
    # An edge lies over the atoms farther than its far end and under all others, so atoms cover
    # the edges they sit on and a front edge crosses the atoms behind it.
    things = [(e.depth, 0, "edge", e) for e in cell.edges] + \
        [(a.depth, 1, "atom", a) for a in cell.atoms]
    things.sort(key=lambda t: (-t[0], t[1]))
    for rank, (_, _, kind, item) in enumerate(things):
        z = 1.0 + rank * 0.01
        if kind == "edge":
            stroke = Stroke(width=0.8 if item.hidden else 1.1, dash="dashed" if item.hidden else None,
                            zorder=0.9 if item.hidden else z)
            out.items.append(Line((item.start, item.end), False, stroke, owner=owner,
                                  role="hidden-edge" if item.hidden else "edge"))
        else:
            color = SPECIES_COLORS[item.species % len(SPECIES_COLORS)]
            out.items.append(Circle(item.center, item.radius, Stroke(width=0.7, fill=color, zorder=z),
                                    owner, f"site-{item.kind}"))


def _legend(block: CrystalBlock, owner: str, out: Drawing) -> None:
    from scidsl.domains.chemistry.layout import legend_rows

    top = max(e.start[1] for e in block.cell.edges)
    n = len(block.entry.species)
    for i, text in enumerate(legend_rows(block.entry)):
        y = top - 0.3 - i * 0.7
        if i < n:  # a species with its colour; the edge after them, without one
            color = SPECIES_COLORS[i % len(SPECIES_COLORS)]
            out.items.append(Circle((block.legend_x + 0.15, y), 0.15, Stroke(width=0.7, fill=color),
                                    owner, "legend-key"))
        out.items.append(Text((block.legend_x + (0.42 if i < n else 0.0), y), text, 11, "left", "center",
                              owner=owner, role="legend"))
