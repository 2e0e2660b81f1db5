"""Ecology figures → primitives: ecological pyramids (bars to scale) and food webs (rows by trophic level)."""
from __future__ import annotations

from typing import Any

from scidsl.domains.biology.ecology import LEVEL_NAMES, PyramidPlan, WebPlan, shown
from scidsl.primitives import Drawing, Line, Stroke, Text
from scidsl.text import measure_text

P = tuple[float, float]
BAR_H = 0.9
LEVEL_FILLS = ("#8fc97a", "#f3d37a", "#f2a65a", "#e07b6a", "#b48ecf", "#8fb3de", "#cfcfcf", "#e6c9a8")
ROW_GAP = 2.0
BOX_PAD = 0.25


def _box(x0: float, y0: float, x1: float, y1: float) -> tuple[P, ...]:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def draw_pyramid(plan: PyramidPlan, size: float) -> Drawing:
    """Centred bars bottom up; level names on the left, values on the right, caption below."""
    node = plan.node
    own = node.name or "pyramid"
    d = Drawing()
    half = max(plan.widths) / 2
    unit = f" {node.unit}" if node.unit else ""
    for i, (w, level, v) in enumerate(zip(plan.widths, node.levels, node.values)):
        y0 = i * BAR_H
        w = max(w, 0.04)  # a level far below the others stays visible as a hairline bar
        stroke = Stroke(width=0.8, fill=LEVEL_FILLS[i % len(LEVEL_FILLS)], zorder=2)
        d.items.append(Line(_box(-w / 2, y0, w / 2, y0 + BAR_H), True, stroke, owner=f"{own}.level{i + 1}",
                            role="bar"))
        d.anchors[f"{own}.level{i + 1}"] = (0.0, y0 + BAR_H / 2)
        d.items.append(Text((-half - 0.3, y0 + BAR_H / 2), level, size, "right", owner=f"{own}.name{i + 1}"))
        d.items.append(Text((half + 0.3, y0 + BAR_H / 2), f"{v:,g}".replace(",", " ") + unit, size, "left",
                            owner=f"{own}.value{i + 1}"))
    title = {"numbers": "Pyramid of numbers", "biomass": "Pyramid of biomass", "energy": "Pyramid of energy"}
    caption = node.label or title[node.type] + (" (log scale)" if node.scale == "log" else "")
    d.items.append(Text((0.0, -0.5), caption, size + 1, va="top", owner=f"{own}.caption"))
    return d


def _order_rows(plan: WebPlan) -> dict[int, list[str]]:
    """Each row ordered by the mean position of its organisms' food (two sweeps)."""
    rows = {lv: list(xs) for lv, xs in plan.rows.items()}
    for _ in range(2):
        pos = {x: i - (len(xs) - 1) / 2 for xs in rows.values() for i, x in enumerate(xs)}
        for lv in sorted(rows)[1:]:
            def bary(x: str) -> float:
                near = [pos[a] for a, b in plan.links if b == x] + [pos[b] for a, b in plan.links if a == x]
                return sum(near) / len(near) if near else pos[x]
            rows[lv].sort(key=bary)
            pos.update({x: i - (len(rows[lv]) - 1) / 2 for i, x in enumerate(rows[lv])})
    return rows


def draw_web(plan: WebPlan, size: float) -> Drawing:
    """Organisms in boxes, producers at the bottom (or left to right for a chain), arrows food → feeder."""
    own = plan.node.name or "web"
    d = Drawing()
    chain = bool(plan.node.chain)
    rows = {1: list(plan.node.chain or [])} if chain else _order_rows(plan)
    boxes: dict[str, tuple[float, float, float, float]] = {}
    widths = {x: measure_text(shown(x), size)[0] + 2 * BOX_PAD for xs in rows.values() for x in xs}
    h = measure_text("Ag", size)[1] + 2 * 0.15
    gap = 1.4 if chain else 0.6
    for lv, xs in rows.items():
        total = sum(widths[x] for x in xs) + gap * (len(xs) - 1)
        x = -total / 2
        y = 0.0 if chain else (lv - 1) * ROW_GAP
        for name in xs:
            boxes[name] = (x, y - h / 2, x + widths[name], y + h / 2)
            x += widths[name] + gap
    for name, (x0, y0, x1, y1) in boxes.items():
        d.items.append(Line(_box(x0, y0, x1, y1), True, Stroke(width=0.9, fill="#f4f8ee", zorder=2),
                            owner=f"{own}.{name}", role="organism"))
        d.items.append(Text(((x0 + x1) / 2, (y0 + y1) / 2), shown(name), size, owner=f"{own}.{name}",
                            may_touch=(f"{own}.{name}",)))
        d.anchors[f"{own}.{name}"] = ((x0 + x1) / 2, (y0 + y1) / 2)
    for food, eater in plan.links:
        start, end = _arrow_ends(boxes, plan, food, eater, chain)
        path = [start] + ([] if chain else _detour(start, end, rows, boxes, plan, food, eater)) + [end]
        d.items.append(Line(tuple(path), stroke=Stroke(width=1.0), owner=f"{own}.{food}-{eater}", role="feeds",
                            arrow="end"))
    if not chain:
        _row_names(d, rows, boxes, size, own)
    if plan.node.label:
        low = min(b[1] for b in boxes.values())
        d.items.append(Text((0.0, low - 0.6), plan.node.label, size + 1, va="top", owner=f"{own}.caption"))
    return d


def _arrow_ends(boxes: dict, plan: WebPlan, food: str, eater: str, chain: bool) -> tuple[P, P]:
    fx0, fy0, fx1, fy1 = boxes[food]
    ex0, ey0, ex1, ey1 = boxes[eater]
    if chain:
        return (fx1 + 0.05, (fy0 + fy1) / 2), (ex0 - 0.05, (ey0 + ey1) / 2)
    ups = sorted((b for a, b in plan.links if a == food), key=lambda b: boxes[b][0])
    downs = sorted((a for a, b in plan.links if b == eater), key=lambda a: boxes[a][0])

    def spot(x0: float, x1: float, i: int, n: int) -> float:
        return x0 + (x1 - x0) * (i + 1) / (n + 1)

    start = (spot(fx0, fx1, ups.index(eater), len(ups)), fy1 + 0.03)
    end = (spot(ex0, ex1, downs.index(food), len(downs)), ey0 - 0.03)
    return start, end


def _detour(start: P, end: P, rows: dict[int, list[str]], boxes: dict, plan: WebPlan, food: str,
            eater: str) -> list[P]:
    """Bends through the gaps of the rows an arrow skips, so that it passes no organism's box."""
    out: list[P] = []
    a = start
    for lv in range(plan.level[food] + 1, plan.level[eater]):
        y = (lv - 1) * ROW_GAP
        t = (y - a[1]) / (end[1] - a[1])
        x = a[0] + t * (end[0] - a[0])
        row = sorted(boxes[n] for n in rows.get(lv, []))
        if not any(b[0] - 0.15 <= x <= b[2] + 0.15 for b in row):
            continue
        edges = [row[0][0] - 0.4] + [(p[2] + q[0]) / 2 for p, q in zip(row, row[1:])] + [row[-1][2] + 0.4]
        a = (min(edges, key=lambda g: abs(g - x)), y)
        out.append(a)
    return out


def _row_names(d: Drawing, rows: dict[int, list[str]], boxes: dict, size: float, own: str) -> None:
    left = min(b[0] for b in boxes.values()) - 0.5
    for lv in rows:
        name = LEVEL_NAMES[lv - 1] if lv <= len(LEVEL_NAMES) else f"level {lv}"
        d.items.append(Text((left, (lv - 1) * ROW_GAP), name, size - 1, "right", color="0.35",
                            owner=f"{own}.row{lv}"))


PAINTERS: dict[type, Any] = {PyramidPlan: draw_pyramid, WebPlan: draw_web}
