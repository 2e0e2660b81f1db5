"""Lay out chemistry statements: depict molecules, set equations in a row, project unit cells."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from scidsl.answers import display, hides

from .analysis import (
    MAX_LEWIS_ATOMS,
    Analysis,
    CrystalEntry,
    MoleculeEntry,
    ReactionEntry,
    lewis_size,
)
from .crystal import HEX_AXONOMETRIC, PROJECTIONS, CellDrawing, default_radii, project_cell, readable_cell
from .depiction import DEFAULT_BOND, DepictOptions, MoleculeGeometry, depict
from .equation import Term
from .layout_figures import figure_block

Box = tuple[float, float, float, float]
ROW_WIDTH_CM = 18.0
MAX_MOLECULE_CM = 20.0
MIN_FONT = 7.0
GAP_CM = 1.2
TERM_GAP = 0.3
BLANK_CM = 0.55
HARPOON_GAP = 0.07  # half the distance between the two harpoons of an equilibrium arrow
HARPOON_BARB = (0.16, 0.11)  # a harpoon's barb: length back along the arrow, height away from it


def condition_offset(arrow: str) -> float:
    """How far above and below the arrow line the conditions start: clear of the harpoon barbs."""
    if arrow == "equilibrium":
        return HARPOON_GAP + HARPOON_BARB[1] + 0.12
    return 0.2
FONT = 12.0


_SUB = str.maketrans("₀₁₂₃₄₅₆₇₈₉₊₋", "0123456789+-")
_SUP = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+−")


def rich_text(text: str) -> str:
    """Turn Unicode sub/superscript digits (H₂SO₄, Fe³⁺) into mathtext, which every font can draw."""
    import re

    if "$" in text:
        return text
    text = re.sub(r"[₀-₉₊₋]+", lambda m: "$_{" + m.group().translate(_SUB) + "}$", text)
    text = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻]+", lambda m: "$^{" + m.group().translate(_SUP) + "}$", text)
    return text.replace("$$", "")


def measure(text: str, size: float) -> tuple[float, float, float]:
    """Width, height and descent of a text in cm (the core's measurement)."""
    from scidsl.text import measure_text

    return measure_text(rich_text(text), size)


@dataclass
class MoleculeBlock:
    """A depicted molecule."""

    entry: MoleculeEntry
    geo: MoleculeGeometry
    box: Box
    offset: tuple[float, float] = (0.0, 0.0)


@dataclass
class Part:
    """One item of an equation row: a coefficient, a formula, a plus sign or a structure."""

    kind: str  # text | molecule
    x: float  # left edge
    width: float
    text: str = ""
    geo: MoleculeGeometry | None = None
    caption: str = ""


@dataclass
class ReactionBlock:
    """An equation set in one row: terms, plus signs and the arrow."""

    entry: ReactionEntry
    parts: list[Part]
    arrow: tuple[float, float]  # x from, x to (y = 0)
    box: Box
    offset: tuple[float, float] = (0.0, 0.0)


@dataclass
class CrystalBlock:
    """A projected unit cell with its legend position."""

    entry: CrystalEntry
    cell: CellDrawing
    box: Box
    legend_x: float
    offset: tuple[float, float] = (0.0, 0.0)


@dataclass
class ChemLayout:
    """Every block, positioned on the page."""

    blocks: list[Any] = field(default_factory=list)


def lay_out(analysis: Analysis, scale: float = 1.0) -> ChemLayout:
    """Build every block (bond lengths and cell edges times ``scale``) and flow them into rows."""
    blocks: list[Any] = []
    for entry in analysis.entries:
        if isinstance(entry, MoleculeEntry) and entry.loaded and entry.loaded.ok:
            blocks.append(_molecule_block(entry, scale))
        elif isinstance(entry, ReactionEntry) and entry.equation is not None:
            blocks.append(_reaction_block(entry, scale))
        elif isinstance(entry, CrystalEntry) and entry.species:
            blocks.append(_crystal_block(entry, scale))
        elif getattr(entry, "ok", False):
            blocks.append(figure_block(entry, scale))
    _flow(blocks)
    return ChemLayout(blocks)


def _molecule_block(entry: MoleculeEntry, scale: float) -> MoleculeBlock:
    node = entry.node
    mode = entry.mode
    if mode == "lewis" and hides(node):  # the lone pairs are the answer: every bond and H, no dots
        mode = "full"
    if mode == "lewis" and lewis_size(entry.loaded.mol) > MAX_LEWIS_ATOMS:  # type: ignore[union-attr]
        mode = "full"
    options = DepictOptions(mode=mode, bond_length=DEFAULT_BOND[mode] * scale,
                            explicit_carbons=node.carbons)
    geo = depict(entry.loaded.mol, options, entry.loaded.bond_stereo or None)  # type: ignore[union-attr]
    b = geo.bbox()
    extent = max(b[2] - b[0], b[3] - b[1])
    if extent > MAX_MOLECULE_CM:
        # draw it smaller ourselves: the page scaler would shrink bonds but not the labels
        f = MAX_MOLECULE_CM / extent
        options = replace(options, bond_length=geo.bond_length * f,
                          font_size=max(MIN_FONT, options.font_size * f))
        geo = depict(entry.loaded.mol, options, entry.loaded.bond_stereo or None)  # type: ignore[union-attr]
    box = _with_caption(geo.bbox(), caption_of(node))
    return MoleculeBlock(entry, geo, box)


def caption_of(node: Any) -> str | None:
    """The caption; a Lewis structure whose lone pairs are asked adds 'lone pairs: ?'."""
    ask = display(node, "") if node.show == "lewis" and hides(node) else None
    if not ask:
        return node.label
    return f"{node.label}, lone pairs: {ask}" if node.label else f"lone pairs: {ask}"


def _with_caption(box: Box, caption: str | None) -> Box:
    if not caption:
        return box
    w, h, _ = measure(caption, 11)
    cx = (box[0] + box[2]) / 2
    return (min(box[0], cx - w / 2), box[1] - 0.35 - h, max(box[2], cx + w / 2), box[3])


def _term_text(term: Term, states: bool) -> str:
    f = term.formula
    text = f.mathtext()
    if not states and f.state:
        text = text[: -len(f.state) - 2]
    return text


def _coef_text(term: Term) -> str:
    c = term.coefficient
    if c == 1:
        return ""
    return str(c.numerator) if c.denominator == 1 else f"$\\frac{{{c.numerator}}}{{{c.denominator}}}$"


def _reaction_block(entry: ReactionEntry, scale: float) -> ReactionBlock:
    node, eq = entry.node, entry.equation
    assert eq is not None
    parts: list[Part] = []
    x = 0.0
    structures = len(entry.species) == len(eq.terms) and all(s.ok for s in entry.species)
    arrow = (0.0, 0.0)
    hidden_coef, hidden_products = hidden_parts(node)
    for side, terms in ((0, eq.reactants), (1, eq.products)):
        base = 0 if side == 0 else len(eq.reactants)
        if side == 1:
            x, arrow = _arrow_span(node, x)
            if hidden_products:  # the products are the answer: a placeholder, or nothing, after the arrow
                placeholder = display(node, "")
                x = _text_part(parts, placeholder, x) if placeholder else x
                break
        for i, term in enumerate(terms):
            k = base + i
            if i:
                x = _text_part(parts, "+", x)
            coef = (display(node, "") or "") if hidden_coef else _coef_text(term)
            if node.skeleton and node.blanks:
                parts.append(Part("blank", x, BLANK_CM))  # a coefficient for the reader to write
                x += BLANK_CM + 0.12
            elif coef:
                x = _text_part(parts, coef, x, gap=0.12)
            if structures:
                x = _structure_part(parts, entry, k, node.show, x, _term_text(term, node.states),
                                    scale)
            else:
                x = _text_part(parts, _term_text(term, node.states), x)
    box = _reaction_box(parts, arrow, node, eq.arrow)
    return ReactionBlock(entry, parts, arrow, box)


def hidden_parts(node: Any) -> tuple[bool, bool]:
    """Whether the coefficients, and whether the products, are the reaction's hidden answer."""
    return hides(node) and node.unknown == "coefficients", hides(node) and node.unknown == "products"


def _text_part(parts: list[Part], text: str, x: float, gap: float = TERM_GAP) -> float:
    w, _, _ = measure(text, FONT)
    parts.append(Part("text", x, w, text))
    return x + w + gap


def _structure_part(parts: list[Part], entry: ReactionEntry, k: int, show: str, x: float,
                    caption: str, scale: float) -> float:
    mol = entry.species[k].mol
    if show == "skeletal" and _lone_hydride(mol):
        show = "full"  # H–O–H drawn as a structure like its neighbours, not as the bare formula
    geo = depict(mol, DepictOptions(mode=show, bond_length=DEFAULT_BOND[show] * scale))
    b = geo.bbox()
    geo = geo.translated(x - b[0], -(b[1] + b[3]) / 2)
    parts.append(Part("molecule", x, b[2] - b[0], geo=geo, caption=caption))
    return x + (b[2] - b[0]) + TERM_GAP


def _lone_hydride(mol: Any) -> bool:
    """True for one heavy atom with hydrogens (H2O, NH3, CH4): its skeletal form is only a formula."""
    heavy = [a for a in mol.GetAtoms() if a.GetAtomicNum() > 1]
    return len(heavy) == 1 and heavy[0].GetTotalNumHs() > 0


def _arrow_span(node: Any, x: float) -> tuple[float, tuple[float, float]]:
    width = 1.6
    for text in (node.above, node.below):
        if text:
            width = max(width, measure(text, 10)[0] + 0.5)
    start = x + 0.05
    return start + width + TERM_GAP + 0.05, (start, start + width)


def _reaction_box(parts: list[Part], arrow: tuple[float, float], node: Any, arrow_kind: str) -> Box:
    xs = [arrow[0], arrow[1]] + [p.x for p in parts] + [p.x + p.width for p in parts]
    ys = [-0.35, 0.35]
    for p in parts:
        if p.geo is not None:
            b = p.geo.bbox()
            ys += [b[1] - 0.6, b[3]]
    gap = condition_offset(arrow_kind)
    if node.above:
        ys.append(gap + measure(node.above, 10)[1])
    if node.below:
        ys.append(-gap - measure(node.below, 10)[1])
    box = (min(xs), min(ys), max(xs), max(ys))
    return _with_caption(box, node.label)


def _crystal_block(entry: CrystalEntry, scale: float) -> CrystalBlock:
    node = entry.node
    radii = tuple(node.radii) if node.radii else default_radii(entry.species)
    proj = PROJECTIONS[node.projection]
    if entry.lattice == "hcp" and node.projection != "isometric":  # oblique distorts a hexagon
        proj = HEX_AXONOMETRIC
    edge = (2.4 if entry.lattice == "hcp" else 4.0) * scale
    sites = entry.site_set.sites if entry.site_set is not None else None
    if entry.site_set is not None:
        radii = _site_radii(entry)
    if node.radii or entry.site_set is not None and None not in entry.site_set.radii:
        cell = project_cell(entry.lattice, proj, edge, radii, sites)  # to scale: never shrunk
    else:
        cell = readable_cell(entry.lattice, proj, edge, radii, sites)
    xs = [p for e in cell.edges for p in (e.start[0], e.end[0])]
    ys = [p for e in cell.edges for p in (e.start[1], e.end[1])]
    for a in cell.atoms:
        xs += [a.center[0] - a.radius, a.center[0] + a.radius]
        ys += [a.center[1] - a.radius, a.center[1] + a.radius]
    legend_x = max(xs) + 0.6
    right = legend_x
    if node.legend:
        right = legend_x + 0.5 + max(measure(t, 11)[0] for t in legend_rows(entry))
    box = _with_caption((min(xs), min(ys), right, max(ys)), node.label)
    return CrystalBlock(entry, cell, box, legend_x)


SITE_RADIUS_MAX = 0.14  # the largest stated ion is drawn at most this fraction of the edge


def _site_radii(entry: CrystalEntry) -> tuple[float, ...]:
    """Stated radii (fractions of the edge), defaults for the others: anions large, cations small."""
    given = entry.site_set.radii
    defaults = default_radii(entry.species) if len(entry.species) > 1 else (0.11,)
    if None not in given:  # to scale: one common factor keeps the ratios and the cell visible
        k = min(1.0, SITE_RADIUS_MAX / max(given))  # type: ignore[type-var]
        return tuple(r * k for r in given)  # type: ignore[operator]
    return tuple(r if r is not None else defaults[min(i, len(defaults) - 1)] for i, r in enumerate(given))


def legend_rows(entry: CrystalEntry) -> list[str]:
    """The key's texts: each species with its stated radius (`O²⁻, r = 140 pm`), then the edge `a = 390 pm`."""
    from scidsl.answers import given_text

    node = entry.node
    stated = list(getattr(entry.site_set, "stated", []) or [])
    rows = []
    for i, name in enumerate(entry.species):
        q = stated[i] if i < len(stated) else None
        hidden = q is None or getattr(q, "unit", "") == "" or node.givens == "hidden"
        rows.append(_species_text(name) + ("" if hidden else ", " + given_text(node, "$r$", q)))
    if node.edge is not None and node.edge.unit and node.givens != "hidden":
        rows.append(given_text(node, "$a$", node.edge))
    return rows


def _species_text(name: str) -> str:
    from .formula import parse_formula

    return parse_formula(name).mathtext()


def _flow(blocks: list[Any]) -> None:
    """Place blocks left to right, wrapping into rows; rows go downward."""
    x, row_top, row_height = 0.0, 0.0, 0.0
    for b in blocks:
        w, h = b.box[2] - b.box[0], b.box[3] - b.box[1]
        if x > 0 and (x + w > ROW_WIDTH_CM or isinstance(b, ReactionBlock)):
            row_top -= row_height + GAP_CM
            x, row_height = 0.0, 0.0
        b.offset = (x - b.box[0], row_top - b.box[3])
        x += w + GAP_CM
        row_height = max(row_height, h)
        if isinstance(b, ReactionBlock):
            x = ROW_WIDTH_CM + 1.0  # the next block starts a new row


species_text = _species_text
