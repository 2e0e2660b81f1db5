"""Electric field lines of point charges, traced through the Coulomb field with a midpoint step."""
from __future__ import annotations

import math

P = tuple[float, float]

MAX_STEPS = 1500
WORK_BUDGET = 1_000_000  # charge-field evaluations per figure, so the tracing time stays bounded


def field_at(p: P, charges: list[tuple[P, float]]) -> P:
    """The field of the charges at p (arbitrary units: q / r² along r)."""
    ex = ey = 0.0
    for (cx, cy), q in charges:
        dx, dy = p[0] - cx, p[1] - cy
        r2 = dx * dx + dy * dy
        if r2 < 1e-12:
            continue
        k = q / (r2 * math.sqrt(r2))
        ex += k * dx
        ey += k * dy
    return ex, ey


def _step(p: P, charges: list[tuple[P, float]], h: float, sign: float) -> P | None:
    ex, ey = field_at(p, charges)
    n = math.hypot(ex, ey)
    if n < 1e-12:
        return None
    mid = (p[0] + sign * h / 2 * ex / n, p[1] + sign * h / 2 * ey / n)
    ex, ey = field_at(mid, charges)
    n = math.hypot(ex, ey)
    if n < 1e-12:
        return None
    return (p[0] + sign * h * ex / n, p[1] + sign * h * ey / n)


def trace_line(start: P, charges: list[tuple[P, float]], radii: list[float], box: tuple[float, float, float, float],
               sign: float, h: float = 0.04, steps: int = MAX_STEPS) -> list[P]:
    """Follow the field (sign +1) or against it (-1) from start until a charge, the box edge or the step limit."""
    pts = [start]
    p = start
    for _ in range(steps):
        q = _step(p, charges, h, sign)
        if q is None:
            break
        p = q
        if not (box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]):
            break
        hit = next((i for i, ((cx, cy), _) in enumerate(charges) if math.hypot(p[0] - cx, p[1] - cy) < radii[i]), None)
        if hit is not None:
            (cx, cy), r = charges[hit][0], radii[hit]
            d = math.hypot(p[0] - cx, p[1] - cy) or 1.0
            pts.append((cx + (p[0] - cx) * r / d, cy + (p[1] - cy) * r / d))
            return pts
        pts.append(p)
    return pts


def field_lines(charges: list[tuple[P, float]], radii: list[float], density: int, margin: float) -> list[list[P]]:
    """Lines leaving the positive charges (or entering the negative ones when no charge is positive), in order
    of the field's direction."""
    xs = [c[0][0] for c in charges]
    ys = [c[0][1] for c in charges]
    box = (min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin)
    sources = [i for i, (_, q) in enumerate(charges) if q > 0]
    sign = 1.0
    if not sources:
        sources, sign = [i for i, (_, q) in enumerate(charges) if q < 0], -1.0
    lines = line_count(charges, density)
    steps = max(50, min(MAX_STEPS, WORK_BUDGET // (2 * lines * len(charges))))
    h = max(0.04, math.hypot(box[2] - box[0], box[3] - box[1]) / steps)
    out = []
    for i in sources:
        (cx, cy), q = charges[i]
        n = max(1, round(density * abs(q)))
        for j in range(n):
            t = 2 * math.pi * (j + 0.5) / n
            start = (cx + radii[i] * math.cos(t), cy + radii[i] * math.sin(t))
            line = trace_line(start, charges, radii, box, sign, h, steps)
            if len(line) >= 2:
                out.append(line if sign > 0 else line[::-1])
    return out


def line_count(charges: list[tuple[P, float]], density: int) -> int:
    """How many lines field_lines will trace."""
    pos = [q for _, q in charges if q > 0] or [q for _, q in charges if q < 0]
    return sum(max(1, round(density * abs(q))) for q in pos)
