"""Renderer of capacitor plates: fillings in the order written from the + plate, signs ∝ free charge, E lines ∝ E."""
from __future__ import annotations

from typing import Any

from scidsl.answers import given_text
from scidsl.primitives import Line, Stroke, Text
from scidsl.renderers.phys_fields import caption, head, label, line

Frame = tuple[float, float, float, float]
TINTS = ("#d6e6f5", "#f6e0cf", "#dcefd6", "#ebdff5", "#f5efc9", "#e0e0e0")
HATCHES = ("//", "\\\\", "xx", "..", "--", "++")
_SIGNS = 9  # signs on a plate of uniform charge
_SIGN_GAP = 0.4  # cm: the densest row of signs keeps them this far apart
_NAME_PAD = 0.25  # cm between a filling's name and the field lines beside it


def plates(item: Any, box: Frame, owner: str, out: Any) -> None:
    """Two plates with their signs, fillings, field lines from + to − and the separation d."""
    from scidsl.domains.physics import fields

    node = item.node
    g = fields.plate_gap(node)
    x0, x1 = box[0] + 0.8, box[0] + 0.8 + fields.PLATE_W
    below = 1.1 if node.dielectrics and node.fill == "side_by_side" else 0.0  # room for names under the plates
    yb = (box[1] + box[3]) / 2 - g / 2 + below / 2
    yt = yb + g
    frame = (x0, yb, x1, yt)
    parts = fields.layers(fields.fill_shares(node), [float(e) for e in node.dielectrics]) if node.dielectrics else []
    cells = cells_of(node, parts, frame)
    xs = [x0 + fields.PLATE_W * (i + 0.5) / node.lines for i in range(node.lines)]
    signs = sign_xs(node, cells, frame)
    _fillings(out, node, cells, frame, xs, owner, signs)
    _plates_and_signs(out, node, frame, owner, signs)
    _field_lines(out, node, cells, frame, xs, owner)
    xd = x0 - 0.35
    line(out, ((xd, yb), (xd, yt)), owner, 0.8, "both", role="dimension")
    label(out, given_text(node, "$d$", node.separation), (xd, (yb + yt) / 2), owner, (180.0,), 0.1)
    if node.area is not None:  # the plate area over the top row of signs
        label(out, given_text(node, "$A$", node.area), ((x0 + x1) / 2, yt + 0.65), owner, (90.0,), 0.1)
    caption(out, node, box, owner)
    if node.name:
        out.anchors.update({f"{node.name}.top": ((x0 + x1) / 2, yt), f"{node.name}.bottom": ((x0 + x1) / 2, yb),
                            f"{node.name}.left": (x0, (yt + yb) / 2), f"{node.name}.right": (x1, (yt + yb) / 2)})


def cells_of(node: Any, parts: list, frame: Frame) -> list[tuple[Frame, float]]:
    """Each filling's cell and εr: stacked layers in the order written from the + plate, columns from the left."""
    x0, yb, x1, yt = frame
    out: list[tuple[Frame, float]] = []
    if node.fill == "side_by_side":
        pos = x0
        for share, er in parts:
            out.append(((pos, yb, pos + share * (x1 - x0), yt), er))
            pos += share * (x1 - x0)
        return out
    down = node.positive == "top"
    pos = yt if down else yb
    for share, er in parts:
        h = share * (yt - yb)
        out.append(((x0, pos - h, x1, pos) if down else (x0, pos, x1, pos + h), er))
        pos += -h if down else h
    return out


def _is_rest(node: Any, cells: list, i: int) -> bool:
    """The air that fills what the dielectrics leave (drawn blank)."""
    return i == len(cells) - 1 and len(cells) > len(node.dielectrics)


def _fillings(out: Any, node: Any, cells: list, frame: Frame, xs: list, owner: str, signs: list) -> None:
    """The dielectric fillings, tinted and hatched, each named by its εr beside the field lines, never on them."""
    from scidsl.labels import text_box
    from scidsl.renderers.physics import spread

    x0, yb, x1, yt = frame
    filled = [(c, er) for i, (c, er) in enumerate(cells) if not _is_rest(node, cells, i)]
    ys = spread([(c[1] + c[3]) / 2 for c, _ in filled], 0.5)
    below: list[tuple[float, str]] = []
    for i, ((cx0, cy0, cx1, cy1), er) in enumerate(filled):
        out.items.append(Line(((cx0, cy0), (cx1, cy0), (cx1, cy1), (cx0, cy1)), True,
                              Stroke(width=0.5, color="#777777", fill=TINTS[i % 6], hatch=HATCHES[i % 6], zorder=1),
                              owner=owner, role="dielectric"))
        text = f"$\\varepsilon_r$ = {er:g}"
        if node.fill == "stacked":
            mid = (cy0 + cy1) / 2
            line(out, ((x1, mid), (x1 + 0.3, ys[i])), owner, 0.6, role="leader")
            out.items.append(Text((x1 + 0.38, ys[i]), text, 10, "left", "center", owner=owner, may_touch=(owner,),
                                  role="dielectric_name"))
            continue
        w = text_box(text, 10, (0.0, 0.0)).bounds[2] * 2
        spot = _between_lines(xs, cx0, cx1, w)
        if spot is None:
            below.append((_between_signs(signs, cx0, cx1, (x0, x1)), text))
        else:
            out.items.append(Text((spot, (cy0 + cy1) / 2), text, 10, owner=owner, background="white",
                                  may_touch=(owner,), within=(cx0, cy0, cx1, cy1), role="dielectric_name"))
    lxs = spread([x for x, _ in below], 1.5)
    for (x, text), lx in zip(below, lxs):  # under the row of signs: a leader up between two signs, none dropped
        line(out, ((x, yb - 0.16), (x, yb - 0.68), (lx, yb - 0.95)), owner, 0.6, role="leader")
        out.items.append(Text((lx, yb - 1.0), text, 10, "center", "top", owner=owner, may_touch=(owner,),
                              role="dielectric_name"))


def _between_lines(xs: list, lo: float, hi: float, width: float) -> float | None:
    """The centre of the widest stretch of (lo, hi) free of field lines, when a name `width` wide fits in it."""
    inside = [x for x in xs if lo < x < hi]
    edges = [lo] + inside + [hi]
    best = max(zip(edges, edges[1:]), key=lambda e: e[1] - e[0])
    pad = [_NAME_PAD if e in inside else 0.05 for e in best]
    return (best[0] + best[1]) / 2 if best[1] - best[0] - sum(pad) >= width else None


def sign_xs(node: Any, cells: list, frame: Frame) -> list[float]:
    """Where the signs stand on a plate: evenly, or denser over a column as its free charge (∝ εr) is larger."""
    x0, _, x1, _ = frame
    if node.fill != "side_by_side" or not cells:
        return [x0 + (x1 - x0) * (i + 0.5) / _SIGNS for i in range(_SIGNS)]
    low, high = min(er for _, er in cells), max(er for _, er in cells)
    base = max((x1 - x0) / _SIGNS, _SIGN_GAP * high / low)  # spacing over the least charged column
    out: list[float] = []
    for (cx0, _, cx1, _), er in cells:
        room = round((cx1 - cx0) / _SIGN_GAP)  # a sliver of a column (a 1 % air gap) has none
        n = min(max(1, round((cx1 - cx0) / (base * low / er))), room)
        out += [cx0 + (cx1 - cx0) * (k + 0.5) / n for k in range(n)]
    return out


def _between_signs(signs: list, lo: float, hi: float, plate: tuple[float, float]) -> float:
    """Where a leader passes the row of signs under a column (lo, hi): the gap between two signs nearest its middle."""
    edges = [plate[0]] + sorted(signs) + [plate[1]]
    gaps = [(a + b) / 2 for a, b in zip(edges, edges[1:]) if lo < (a + b) / 2 < hi]
    if gaps:
        return min(gaps, key=lambda g: abs(g - (lo + hi) / 2))
    ends = (lo + 0.12, hi - 0.12)  # a narrow column with one sign: beside it, as far from every sign as it can
    return max(ends, key=lambda x: min([abs(x - s) for s in signs] or [1.0]))


def _plates_and_signs(out: Any, node: Any, frame: Frame, owner: str, xs: list) -> None:
    x0, yb, x1, yt = frame
    for y, up in ((yt, True), (yb, False)):
        th = 0.14 if up else -0.14
        out.items.append(Line(((x0, y), (x1, y), (x1, y + th), (x0, y + th)), True,
                              Stroke(width=1.0, fill="#555555"), owner=owner, role="plate"))
        plus = up == (node.positive == "top")
        for x in xs:
            out.items.append(Text((x, y + (0.42 if up else -0.42)), "+" if plus else "−", 11, owner=owner,
                                  may_touch=(owner,), role="charge_sign"))


def layer_lines(node: Any, cells: list) -> list[list[int]]:
    """Which of the field lines cross each stacked layer: all where εr is least, fewer as E = σ/ε0εr is weaker."""
    n = node.lines
    if not cells or node.fill != "stacked" or n == 0:
        return [list(range(n))] * max(1, len(cells))
    low = min(er for _, er in cells)
    out: list[list[int]] = [[] for _ in cells]
    parent = list(range(n))
    for i in sorted(range(len(cells)), key=lambda i: cells[i][1]):  # each layer's lines go on through weaker E
        k = min(len(parent), max(1, round(n * low / cells[i][1])))
        parent = out[i] = sorted({parent[int((j + 0.5) * len(parent) / k)] for j in range(k)})
    return out


def _field_lines(out: Any, node: Any, cells: list, frame: Frame, xs: list, owner: str) -> None:
    """Field lines from + to −: through every layer as dense as its E, one arrow head on each piece."""
    _, yb, _, yt = frame
    down = node.positive == "top"
    spans = [(c[1], c[3]) for c, _ in cells] if node.fill == "stacked" and cells else [(yb, yt)]
    for (lo, hi), which in zip(spans, layer_lines(node, cells)):
        for i in which:
            x = xs[i]
            line(out, ((x, hi), (x, lo)), owner, 0.9, role="field_line")
            if hi - lo >= 0.5:
                head(out, (x, (hi + lo) / 2 + (-0.12 if down else 0.12)), (0.0, -1.0 if down else 1.0), owner,
                     width=0.9)
