"""Electric field lines of point charges, traced through the Coulomb field with a midpoint step."""
from __future__ import annotations

import math

P = tuple[float, float]

MAX_STEPS = 1500
WORK_BUDGET = 1_000_000
CLOSE = 0.4  # how far beyond the box (in margins) a line may loop to close on a negative charge  # charge-field evaluations per figure, so the tracing time stays bounded


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
    """Field lines seeded by flux, each in the field's direction.

    Every charge gets density·|q| lines spaced evenly around it. Lines leave the positive charges along the
    field; lines into the negative charges are traced back against it, and those that lead back to a positive
    charge are dropped (that line is drawn already). So a dipole's lines close from +q to -q, and the lines
    that leave the picture near +q come back into it near -q.
    """
    xs = [c[0][0] for c in charges]
    ys = [c[0][1] for c in charges]
    box = (min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin)
    steps = max(50, min(MAX_STEPS, WORK_BUDGET // (2 * max(1, line_count(charges, density)) * len(charges))))
    # a line that closes on a negative charge just outside the box is drawn whole, the others are cut at the box
    wide = (box[0] - CLOSE * margin, box[1] - CLOSE * margin, box[2] + CLOSE * margin, box[3] + CLOSE * margin)
    h = max(0.04, math.hypot(wide[2] - wide[0], wide[3] - wide[1]) / steps)
    positive = [i for i, (_, q) in enumerate(charges) if q > 0]
    negative = [i for i, (_, q) in enumerate(charges) if q < 0]
    out = []
    for i, start in _seeds(charges, radii, density, positive):
        line = trace_line(start, charges, radii, wide, 1.0, h, steps)
        line = line if _ends_on(line[-1], charges, radii, negative) else _inside(line, box)
        if len(line) >= 2:
            out.append(line)
    for i, start in _seeds(charges, radii, density, negative):
        line = trace_line(start, charges, radii, wide, -1.0, h, steps)
        if _ends_on(line[-1], charges, radii, positive):
            continue  # drawn already, from the positive charge
        line = _inside(line, box)
        if len(line) >= 2:
            out.append(line[::-1])
    return out


def _inside(line: list[P], box: tuple[float, float, float, float]) -> list[P]:
    """The line up to where it first leaves the box."""
    for j, p in enumerate(line):
        if not (box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]):
            return line[:j]
    return line


def _seeds(charges: list[tuple[P, float]], radii: list[float], density: int, which: list[int]) -> list[tuple[int, P]]:
    """Starting points spaced evenly on the rims of the given charges, density·|q| per charge."""
    out = []
    for i in which:
        (cx, cy), q = charges[i]
        n = max(1, round(density * abs(q)))
        for j in range(n):
            t = 2 * math.pi * (j + 0.5) / n
            out.append((i, (cx + radii[i] * math.cos(t), cy + radii[i] * math.sin(t))))
    return out


def _ends_on(p: P, charges: list[tuple[P, float]], radii: list[float], which: list[int]) -> bool:
    """True when p lies on the rim of one of the given charges."""
    return any(math.dist(p, charges[i][0]) <= radii[i] * 1.001 for i in which)


def line_count(charges: list[tuple[P, float]], density: int) -> int:
    """How many lines field_lines may trace at most (every charge seeds density·|q| lines)."""
    return sum(max(1, round(density * abs(q))) for _, q in charges if q != 0)
