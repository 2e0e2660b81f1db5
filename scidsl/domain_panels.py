"""Panels that hold another domain's figure: `panel a "(a)" { items: [cylinder] }; panel b "(b)" { items: [P] }`
sets the gas cylinder and the p–V plot side by side in the panels' order, each with its caption under it.

The drawing layer arranges panels of its own items; a panel that names statements of another domain takes
that domain's whole figure (a domain draws its statements as one figure), so it may name only one domain,
and each domain goes into one panel.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from scidsl import registry
from scidsl.diagnostics import Diagnostic, error
from scidsl.primitives import Drawing, Text

GAP_CM = 1.5  # between neighbouring panels
CAPTION_GAP_CM = 0.35  # panel to the top of its caption
CAPTION_PT = 12
PANEL_CAPTION = "panel-caption"


@dataclass
class DomainPanels:
    """Which domain figure goes into which panel, in the order the panels are declared."""

    order: list[str] = field(default_factory=list)  # domains with a panel, in panel order
    panel_of: dict[str, Any] = field(default_factory=dict)  # domain -> its panel statement
    diagnostics: list[Diagnostic] = field(default_factory=list)


def domain_panels(scene: Any) -> DomainPanels:
    """Read the panels that name statements of domains other than the drawing layer."""
    domain_of = {}
    for node in scene.items:
        dom = registry.domain_of_kind(node.kind)
        if getattr(node, "name", None) and dom is not None:
            domain_of[node.name] = dom.name
    out = DomainPanels()
    for panel in [n for n in scene.items if n.kind == "panel"]:
        named = {domain_of.get(str(item)) for item in panel.items} - {None}
        foreign = sorted(named - {"draw"})
        if not foreign:
            continue
        if len(named) > 1:
            out.diagnostics.append(error(
                "E4030", f"panel {panel.name or ''} names items of {', '.join(sorted(named))}: a panel holds the "
                "figure of one domain, or drawing items".replace("panel  ", "panel "), panel.span_of("items"),
                "make one panel for each domain's figure"))
            continue
        dom = foreign[0]
        if dom in out.panel_of:
            first = out.panel_of[dom]
            out.diagnostics.append(error(
                "E4030", f"the {dom} statements are drawn as one figure; they cannot go into two panels",
                panel.span_of("items"), "list that figure's statements in one panel",
                related=((first.span_of("items"), "its first panel"),)))
            continue
        out.panel_of[dom] = panel
        out.order.append(dom)
    return out


def first_appearance(scene: Any, doms: list[str]) -> list[str]:
    """The domains in the order their first statements appear in the scene."""
    seen: list[str] = []
    for node in scene.items:
        dom = registry.domain_of_kind(node.kind)
        if dom is not None and dom.name in doms and dom.name not in seen:
            seen.append(dom.name)
    return seen + [d for d in doms if d not in seen]


def set_in_panel(page: Drawing, figure: Drawing, panel: Any, arrange: str) -> None:
    """Put a domain's figure after the panels already on the page (in a row, or under them in a column),
    with the panel's caption under it."""
    b = extent(figure)
    if b is None:
        return
    pb = extent(page)
    if pb is None:
        dx, dy = -b[0], -b[1]
    elif arrange == "column":
        dx, dy = (pb[0] + pb[2]) / 2 - (b[0] + b[2]) / 2, pb[1] - GAP_CM - 1.0 - b[3]
    else:  # the panels of a row share their base line
        dx, dy = pb[2] + GAP_CM - b[0], _base(page) - b[1]
    moved = figure.transformed(1.0, dx, dy)
    if panel.caption:
        x = (b[0] + b[2]) / 2 + dx
        moved.items.append(Text((x, b[1] + dy - CAPTION_GAP_CM), panel.caption, CAPTION_PT, "center", "top",
                                owner=panel.name or "panel", role=PANEL_CAPTION))
    page.extend(moved)


def align_captions(page: Drawing) -> None:
    """Captions of panels in a row on one line: the lowest one's."""
    captions = [it for it in page.items if isinstance(it, Text) and it.role == PANEL_CAPTION]
    if len(captions) < 2:
        return
    y = min(c.pos[1] for c in captions)
    page.items = [replace(it, pos=(it.pos[0], y)) if isinstance(it, Text) and it.role == PANEL_CAPTION else it
                  for it in page.items]


def _base(page: Drawing) -> float:
    """The base line of the panels on the page: the bottom of their geometry, captions left out."""
    geometry = Drawing(items=[it for it in page.items if not isinstance(it, Text)])
    b = geometry.bounds()
    return b[1] if b is not None else 0.0


def extent(drawing: Drawing) -> tuple[float, float, float, float] | None:
    """The box a drawing may cover once its labels are placed: its geometry, its fixed texts, and around
    each label's anchor the label's size plus its distance (labels are placed later, on any side)."""
    from scidsl.text import measure_text

    b = drawing.bounds()
    if b is None:
        return None
    x0, y0, x1, y1 = b
    for it in drawing.items:
        if isinstance(it, Text):
            w, h, _ = measure_text(it.text, it.size)
            x0, y0, x1, y1 = min(x0, it.pos[0] - w), min(y0, it.pos[1] - h), max(x1, it.pos[0] + w), max(y1, it.pos[1] + h)
    for lab in drawing.labels:
        w, h, _ = measure_text(lab.text, lab.size)
        (ax, ay), r = lab.anchor, lab.distance
        x0, y0 = min(x0, ax - w - r), min(y0, ay - h - r)
        x1, y1 = max(x1, ax + w + r), max(y1, ay + h + r)
    return x0, y0, x1, y1


def figure_boxes(page: Drawing, scene: Any) -> dict[str, tuple[float, float, float, float]]:
    """The box each named statement of another domain covers on the page (its own primitives and those of
    its parts, `P` and `P.axes`), so drawing items can be placed beside it: `legend right of P`."""
    by_owner: dict[str, list] = {}  # one pass over the page: items by the statement that owns them
    for it in page.items:
        by_owner.setdefault(str(getattr(it, "owner", None)).partition(".")[0], []).append(it)
    boxes: dict[str, tuple[float, float, float, float]] = {}
    whole: dict[str, list] = {}  # the boxes of each domain's statements
    for node in scene.items:
        dom = registry.domain_of_kind(node.kind)
        name = getattr(node, "name", None)
        if not name or dom is None or dom.name == "draw" or name not in by_owner:
            continue
        b = Drawing(items=by_owner[name]).bounds()
        if b is not None:
            boxes[name] = b
            whole.setdefault(dom.name, []).append(b)
    for node in scene.items:  # a statement drawn through its parts (a circuit by its elements and wires)
        dom = registry.domain_of_kind(node.kind)
        name = getattr(node, "name", None)
        if name and dom is not None and dom.name != "draw" and name not in boxes and dom.name in whole:
            parts = whole[dom.name] + [b for b in [Drawing(items=by_owner.get("None", [])).bounds()] if b]
            boxes[name] = (min(b[0] for b in parts), min(b[1] for b in parts), max(b[2] for b in parts),
                           max(b[3] for b in parts))
    return boxes
