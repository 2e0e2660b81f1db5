"""Groups of the drawing layer: items placed by relations in the group's own frame, then turned together.

A group's items are placed as if the group were not there (`box b on a`, `arrow F from b.top
{ direction: up }`), and only when the last of them is placed is the group's rotate/scale/shift
applied to all of them at once, so relations among them keep holding. Items outside the group that
name one of its items are placed after the whole group. A relation stated inside a group is measured
on the page in the group's turned frame.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Optional

from scidsl.domains.draw import kinds as k
from scidsl.model import Node

P = tuple[float, float]


@dataclass
class GroupPlan:
    """For every grouped item the groups that hold it (innermost first); for every outermost group its items."""

    chain: dict[str, list[k.Group]] = field(default_factory=dict)
    leaves: dict[str, set[str]] = field(default_factory=dict)
    attempted: set[str] = field(default_factory=set)
    relations: dict[str, list] = field(default_factory=dict)

    def outer(self, name: Optional[str]) -> Optional[str]:
        """The outermost group holding an item, if any."""
        groups = self.chain.get(name or "")
        return groups[-1].name if groups else None

    def turn(self, name: str) -> float:
        """Total rotation (degrees) the groups holding an item apply to it."""
        return sum(math.degrees(g.rotate.si) for g in self.chain.get(name, []) if g.rotate is not None)


def plan_groups(nodes: list[Node]) -> GroupPlan:
    """Which groups hold which drawing items (a group inside a group passes its items up)."""
    groups = {n.name: n for n in nodes if isinstance(n, k.Group) and n.name}
    parent: dict[str, k.Group] = {}
    for g in groups.values():
        for item in g.items:
            parent.setdefault(item, g)
    plan = GroupPlan()
    for n in nodes:
        if not n.name or isinstance(n, k.Group) or n.name not in parent:
            continue
        chain, seen, at = [], set(), n.name
        while at in parent and at not in seen:  # a cycle of groups is E4090, reported by the checks
            seen.add(at)
            chain.append(parent[at])
            at = parent[at].name or ""
        plan.chain[n.name] = chain
        plan.leaves.setdefault(chain[-1].name or "", set()).add(n.name)
    return plan


def extra_dependencies(nodes: list[Node], plan: GroupPlan, refs: Callable[[Node], set[str]]) -> dict[int, set[str]]:
    """Names each item must wait for: an item outside a group that names one of its items waits for all of them."""
    out: dict[int, set[str]] = {}
    for n in nodes:
        mine = plan.outer(n.name)
        for r in refs(n):
            outer = plan.outer(r)
            if outer is not None and outer != mine:
                out.setdefault(id(n), set()).update(plan.leaves[outer])
    return out


def finish(name: Optional[str], plan: GroupPlan, relations: list) -> Optional[str]:
    """Note that an item was placed (with the relations it stated); the outermost group now complete, if any."""
    outer = plan.outer(name)
    if outer is None or name is None:
        return None
    plan.attempted.add(name)
    plan.relations.setdefault(outer, []).extend((name, rel) for rel in relations)
    return outer if plan.leaves[outer] <= plan.attempted else None


def transform(shape: Any, node: k.Group, origin: P, shift: P) -> None:
    """Rotate a placed shape about `origin`, scale it, then shift it, as the group states."""
    angle = node.rotate.si if node.rotate is not None else 0.0
    c, s = math.cos(angle), math.sin(angle)

    def tf(p: P) -> P:
        x, y = (p[0] - origin[0]) * node.scale, (p[1] - origin[1]) * node.scale
        return (origin[0] + c * x - s * y + shift[0], origin[1] + s * x + c * y + shift[1])

    shape.points = [tf(p) for p in shape.points]
    shape.paths = [[tf(p) for p in path] for path in shape.paths]
    if shape.center is not None:
        shape.center = tf(shape.center)
        shape.radius *= node.scale
    shape.rotation += math.degrees(angle)


def turn_group(ctx: Any, outer: str, plan: GroupPlan, placed: dict[str, Any], anchors: dict[str, P]) -> None:
    """Apply the transforms of a complete group to its items (innermost group first) and measure its relations
    in its own frame."""
    from scidsl.diagnostics import error
    from scidsl.domains.draw.domain import _finite, _PosError, anchors_of, position

    names = [n for n in sorted(plan.leaves[outer]) if n in placed]
    for depth in range(max((len(plan.chain[n]) for n in names), default=0)):
        for g in {id(plan.chain[n][depth]): plan.chain[n][depth] for n in names if len(plan.chain[n]) > depth}.values():
            try:
                origin = position(g.origin, anchors) if g.origin is not None else (0.0, 0.0)
                shift = position(g.shift, anchors) if g.shift is not None else (0.0, 0.0)
                for n in (n for n in names if len(plan.chain[n]) > depth and plan.chain[n][depth] is g):
                    transform(placed[n], g, origin, shift)
                    placed[n].points = [_finite(p) for p in placed[n].points]
            except _PosError as exc:
                ctx.report(error(exc.code, exc.message, g.span, exc.hint))
                return
        for n in names:
            anchors.update(anchors_of(n, placed[n]))
    for name, rel in plan.relations.get(outer, []):
        if rel.measure is not None and plan.turn(name):
            rel.measure = measured_in_frame(rel.measure, plan.turn(name))


def measured_in_frame(measure: Callable[[Any], Optional[str]], turn_deg: float) -> Callable[[Any], Optional[str]]:
    """A page measurement taken in a group's frame: the page turned back by the group's rotation first."""
    def measure_turned(page: Any) -> Optional[str]:
        return measure(turned_page(page, -turn_deg))
    return measure_turned


@dataclass
class _View:
    items: list
    anchors: dict[str, P]


def turned_page(page: Any, turn_deg: float) -> _View:
    """The page's lines, circles and anchors turned by an angle about the page origin (what measures read)."""
    from scidsl.primitives import Circle, Line

    a = math.radians(turn_deg)
    c, s = math.cos(a), math.sin(a)

    def tp(p: P) -> P:
        return (c * p[0] - s * p[1], s * p[0] + c * p[1])

    items = []
    for it in page.items:
        if isinstance(it, Line):
            it = replace(it, points=tuple(tp(p) for p in it.points), through=tuple(tp(p) for p in it.through))
        elif isinstance(it, Circle):
            it = replace(it, center=tp(it.center))
        items.append(it)
    return _View(items, {key: tp(p) for key, p in page.anchors.items()})
