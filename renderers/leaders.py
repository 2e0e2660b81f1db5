"""Leader lines from a labelled spot to a column of labels: ordering them so that none cross."""
from __future__ import annotations

from scidsl.primitives import Drawing, Line

P = tuple[float, float]


def crosses(p1: P, p2: P, q1: P, q2: P) -> bool:
    """Whether segments p1-p2 and q1-q2 cross at a point inside both."""
    def orient(a: P, b: P, c: P) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    return orient(p1, p2, q1) * orient(p1, p2, q2) < 0 and orient(q1, q2, p1) * orient(q1, q2, p2) < 0


def uncross(anchors: list[P], slots: list[P]) -> list[int]:
    """A slot index per anchor such that no two leaders cross (swapping a crossing pair shortens them, so this ends)."""
    order = list(range(len(anchors)))
    for _ in range(len(anchors) ** 2 + 1):
        swapped = False
        for i in range(len(anchors)):
            for j in range(i + 1, len(anchors)):
                if crosses(anchors[i], slots[order[i]], anchors[j], slots[order[j]]):
                    order[i], order[j] = order[j], order[i]
                    swapped = True
        if not swapped:
            break
    return order


def crossing_leaders(drawing: Drawing) -> list[tuple[Line, Line]]:
    """Pairs of leader lines (role "leader", polylines) that cross on a drawing."""
    leaders = [it for it in drawing.items if isinstance(it, Line) and it.role == "leader"]

    def meet(p: Line, q: Line) -> bool:
        return any(crosses(a, b, c, e) for a, b in zip(p.points, p.points[1:]) for c, e in zip(q.points, q.points[1:]))

    return [(p, q) for i, p in enumerate(leaders) for q in leaders[i + 1:] if meet(p, q)]
