"""Ecology: pyramids of numbers, biomass and energy; food webs and chains by trophic level."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from scidsl.diagnostics import error
from scidsl.domains.biology import kinds as k

LEVEL_NAMES = ("producers", "primary consumers", "secondary consumers", "tertiary consumers",
               "quaternary consumers", "fifth-level consumers")


def shown(name: str) -> str:
    """An organism's name as drawn: underscores become spaces."""
    return name.replace("_", " ")


# ---- pyramids ---------------------------------------------------------------------------------------


@dataclass
class PyramidPlan:
    """A pyramid as drawn: bar widths in cm, bottom first."""

    node: k.EcologicalPyramid
    widths: list[float]


def check_pyramid(ctx: Any, node: k.EcologicalPyramid) -> None:
    """As many values as levels, all positive; energy only decreases up the pyramid."""
    if len(node.levels) != len(node.values):
        ctx.report(error("E9030", f"ecological_pyramid {node.name}: {len(node.levels)} levels but "
                         f"{len(node.values)} values", node.span_of("values"), "give one value per level"))
        return
    bad = [v for v in node.values if not v > 0]
    if bad:
        ctx.report(error("E9031", f"ecological_pyramid {node.name}: the value {bad[0]:g} is not positive",
                         node.span_of("values"), "numbers, biomass and energy of a level are above zero"))
        return
    if node.type == "energy":
        for i in range(1, len(node.values)):
            if node.values[i] >= node.values[i - 1]:
                ctx.report(error("E9032", f"ecological_pyramid {node.name}: {node.levels[i]} get {node.values[i]:g}, "
                                 f"not less than the {node.values[i - 1]:g} of {node.levels[i - 1]}; energy is lost "
                                 "at every step, so a pyramid of energy is never inverted", node.span_of("values"),
                                 "each level holds about a tenth of the energy of the level below"))
                return


def pyramid_plan(node: k.EcologicalPyramid, full_cm: float = 10.0) -> PyramidPlan:
    """Widths proportional to the values, or to 1 + log10(value / smallest) on a log scale."""
    top = max(node.values)
    if node.scale == "log":
        low = min(node.values)
        steps = [1 + math.log10(v / low) for v in node.values]
        widths = [full_cm * s / max(steps) for s in steps]
    else:
        widths = [full_cm * v / top for v in node.values]
    return PyramidPlan(node, widths)


def pyramid_facts(plan: PyramidPlan) -> list:
    """Each level's value, the transfer between levels and whether the pyramid is inverted."""
    from scidsl.pipeline import Fact

    node = plan.node
    name = node.name or "pyramid"
    unit = f" {node.unit}" if node.unit else ""
    out = [Fact("pyramid_type", (name,), node.type, f"{name} is a pyramid of {node.type}")]
    for i, (level, v) in enumerate(zip(node.levels, node.values)):
        out.append(Fact("level", (name, i + 1, level), v, f"level {i + 1}, {level}: {v:g}{unit}"))
    for i in range(1, len(node.values)):
        pct = 100 * node.values[i] / node.values[i - 1]
        out.append(Fact("transfer", (name, node.levels[i - 1], node.levels[i]), pct,
                        f"{node.levels[i]} hold {pct:.3g}% of the {node.type} of {node.levels[i - 1]}"))
    if node.values[-1] > node.values[0]:
        out.append(Fact("inverted", (name,), True, f"the pyramid of {node.type} is inverted"))
    return out


def verify_pyramid(plan: PyramidPlan, page: Any) -> list:
    """E9036 when the drawn bars are not in the proportion of the planned widths."""
    own = plan.node.name or "pyramid"
    drawn = {}
    for it in page.items:
        if getattr(it, "role", "") == "bar" and str(it.owner).startswith(f"{own}.level"):
            xs = [p[0] for p in it.points]
            drawn[int(str(it.owner)[len(own) + 6:])] = max(xs) - min(xs)
    big = max(range(len(plan.widths)), key=lambda i: plan.widths[i])
    if big + 1 not in drawn or drawn[big + 1] <= 0:
        return []
    for i, w in enumerate(plan.widths):
        got = drawn.get(i + 1)
        if got is not None and w > 0.05 and abs(got / drawn[big + 1] - w / plan.widths[big]) > 1e-3:
            return [error("E9036", f"ecological_pyramid {own}: the bar of {plan.node.levels[i]} is drawn "
                          f"{got / drawn[big + 1]:.3f} of the widest, not {w / plan.widths[big]:.3f}", None,
                          "please report this scene to the scidsl maintainers")]
    return []


# ---- food webs --------------------------------------------------------------------------------------


@dataclass
class WebPlan:
    """A food web as drawn: trophic level of every organism (producers 1) and the feeding links."""

    node: k.FoodWeb
    level: dict[str, int]
    links: list[tuple[str, str]]  # (food, eater): the arrows
    rows: dict[int, list[str]] = field(default_factory=dict)


def links_of(node: k.FoodWeb) -> list[tuple[str, str]]:
    """(food, eater) pairs from `eats` or from `chain`."""
    if node.chain:
        return list(zip(node.chain, node.chain[1:]))
    return [(e[1], e[0]) for e in node.eats or [] if len(e) == 2]


def check_web(ctx: Any, node: k.FoodWeb) -> None:
    """Pairs, no feeding loop, stated producers that eat nothing."""
    if (node.eats is None) == (node.chain is None) or (node.chain is not None and len(node.chain) < 2):
        ctx.report(error("E9034", f"food_web {node.name}: give either eats (pairs) or a chain of two or more",
                         node.span, "eats: [[rabbit, grass], [fox, rabbit]] or chain: [grass, rabbit, fox]"))
        return
    bad = [e for e in node.eats or [] if len(e) != 2 or e[0] == e[1]]
    if bad:
        ctx.report(error("E9034", f"food_web {node.name}: {bad[0]} is not an [eater, food] pair",
                         node.span_of("eats"), "write [fox, rabbit]: the fox eats the rabbit"))
        return
    loop = _loop(links_of(node))
    if loop:
        ctx.report(error("E9033", f"food_web {node.name}: the feeding links go round in a loop "
                         f"({' → '.join(loop)}), so no trophic level can be given", node.span_of("eats"),
                         "energy flows from producers up; remove the link that closes the loop"))
        return
    _check_producers(ctx, node)


def _loop(links: list[tuple[str, str]]) -> list[str]:
    import networkx as nx

    g = nx.DiGraph(links)
    try:
        cycle = nx.find_cycle(g)
    except nx.NetworkXNoCycle:
        return []
    return [a for a, _ in cycle] + [cycle[0][0]]


def _check_producers(ctx: Any, node: k.FoodWeb) -> None:
    if node.producers is None:
        return
    links = links_of(node)
    eaters = {b for _, b in links}
    organisms = {x for link in links for x in link}
    for p in node.producers:
        if p in eaters:
            food = [a for a, b in links if b == p]
            ctx.report(error("E9035", f"food_web {node.name}: {p} is given as a producer but eats {', '.join(food)}",
                             node.span_of("producers"), "producers make their own food and eat nothing"))
    missing = sorted(organisms - eaters - set(node.producers))
    if missing:
        verb = "eats nothing in the web but is" if len(missing) == 1 else "eat nothing in the web but are"
        ctx.report(error("E9035", f"food_web {node.name}: {', '.join(missing)} {verb} not among the producers",
                         node.span_of("producers"), f"add {missing[0]} to producers, or "
                         "give what it eats"))


def web_plan(node: k.FoodWeb) -> WebPlan:
    """Trophic levels: producers 1, a consumer one above its highest food."""
    links = links_of(node)
    organisms: list[str] = []
    for a, b in links:
        for x in (a, b):
            if x not in organisms:
                organisms.append(x)
    level: dict[str, int] = {}
    for _ in range(len(organisms) + 1):
        for x in organisms:
            foods = [a for a, b in links if b == x]
            level[x] = 1 + max((level.get(f, 1) for f in foods), default=0)
    plan = WebPlan(node, level, links)
    for x in organisms:
        plan.rows.setdefault(level[x], []).append(x)
    return plan


def web_facts(plan: WebPlan) -> list:
    """Trophic level of each organism, every feeding link, producers and top consumers."""
    from scidsl.pipeline import Fact

    name = plan.node.name or "web"
    out = []
    for x, lv in plan.level.items():
        role = LEVEL_NAMES[lv - 1] if lv <= len(LEVEL_NAMES) else f"level {lv}"
        out.append(Fact("trophic_level", (name, x), lv, f"{shown(x)}: trophic level {lv} ({role})"))
    for food, eater in plan.links:
        out.append(Fact("eats", (name, eater, food), True, f"{shown(eater)} eats {shown(food)}"))
    foods = {a for a, _ in plan.links}
    tops = [x for x in plan.level if x not in foods]
    out.append(Fact("top_consumers", (name,), tops, f"nothing in {name} eats {', '.join(map(shown, tops))}"))
    return out
