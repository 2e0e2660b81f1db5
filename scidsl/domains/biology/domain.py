"""Biology: organelle and strand-polarity checks, layout of cells and replication forks, facts, verification."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scidsl.diagnostics import did_you_mean, error, warning
from scidsl.domains.biology import kinds as k
from scidsl.domains.biology.organelles import (
    ENZYMES,
    NUCLEAR_PARTS,
    ORGANELLES,
    canonical,
    canonical_enzyme,
)
from scidsl.pipeline import Fact

# Labels sit in columns and rows the renderer reserves for them: a figure scaled down takes its text along.
TEXT_SCALES_WITH_DRAWING = True


@dataclass
class ForkPlan:
    """A replication fork as drawn: the canonical picture (fork moving right, leading strand below) and
    the mirrors that turn it into the stated one."""

    node: k.ReplicationFork
    mirror_x: bool
    mirror_y: bool
    enzymes: list[str]

    @property
    def leading_side(self) -> str:
        """The template side (top or bottom) the leading strand is made on."""
        return "top" if self.mirror_y else "bottom"


@dataclass
class CellPlan:
    """A cell diagram as drawn: its type and organelle keys in catalogue order."""

    node: k.CellDiagram
    organelles: list[str]


@dataclass
class Layout:
    """Every figure of the scene, in order."""

    figures: list[Any] = field(default_factory=list)


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _other(side: str) -> str:
    return {"left": "right", "right": "left", "top": "bottom", "bottom": "top"}[side]


def check(ctx: Any) -> None:
    """Organelles known and found in the cell type; fork strands antiparallel and made 5'→3'."""
    from scidsl.domains.biology.extra import HANDLERS

    for node in ctx.nodes:
        if isinstance(node, k.CellDiagram):
            _check_cell(ctx, node)
        elif isinstance(node, k.ReplicationFork):
            _check_fork(ctx, node)
        elif type(node) in HANDLERS:
            HANDLERS[type(node)][0](ctx, node)


def cell_organelles(node: k.CellDiagram) -> list[str]:
    """The organelle keys a cell diagram draws (known names, no repeats, the nucleus with its parts)."""
    listed = node.organelles if node.organelles is not None else (
        k.ANIMAL_DEFAULT if node.type == "animal" else k.PLANT_DEFAULT)
    keys: list[str] = []
    for name in listed:
        key = canonical(name)
        if key is not None and key not in keys and ORGANELLES[key].__dict__[node.type].startswith(("ok", "doubt")):
            keys.append(key)
    if any(p in keys for p in NUCLEAR_PARTS) and "nucleus" not in keys:
        keys.insert(0, "nucleus")
    return [key for key in ORGANELLES if key in keys]


def _check_cell(ctx: Any, node: k.CellDiagram) -> None:
    span = node.span_of("organelles")
    seen: set[str] = set()
    for name in node.organelles or []:
        key = canonical(name)
        if key is None:
            ctx.report(error("E9001", f"cell_diagram {node.name}: '{name}' is not an organelle scidsl knows", span,
                             did_you_mean(name, sorted(ORGANELLES)) or "known: " + ", ".join(sorted(ORGANELLES))))
            continue
        if key in seen:
            ctx.report(warning("W9002", f"cell_diagram {node.name}: {name} is listed twice", span,
                               "each organelle is drawn and labelled once"))
        seen.add(key)
        status = getattr(ORGANELLES[key], node.type)
        if status.startswith("no:"):
            ctx.report(error("E9002", f"{_article(node.type)} {node.type} cell has no {ORGANELLES[key].label}: {status[3:].strip()}",
                             span, f"remove {name} from the {node.type} cell, or make it type: "
                             f"{'plant' if node.type == 'animal' else 'animal'}"))
        elif status.startswith("doubt:"):
            ctx.report(warning("W9001", f"{ORGANELLES[key].label} in a {node.type} cell: {status[6:].strip()}",
                               span, f"leave {name} out of the {node.type} cell"))
    if node.organelles is not None and "nucleus" not in {canonical(n) for n in node.organelles}:
        inner = [n for n in node.organelles if canonical(n) in NUCLEAR_PARTS]
        if inner:
            ctx.report(warning("W9003", f"cell_diagram {node.name}: {inner[0]} lies in the nucleus, which is not "
                               "listed; the nucleus is drawn too", span, "add nucleus to the organelles"))


def fork_plan(node: k.ReplicationFork) -> ForkPlan:
    """Mirrors of the canonical fork (moving right, top template 5' on the left) that give this one."""
    mirror_x = node.direction == "left"
    canonical_top_5 = "right" if mirror_x else "left"
    enzymes: list[str] = []
    for name in node.enzymes:
        key = canonical_enzyme(name)
        if key is not None and key not in enzymes:
            enzymes.append(key)
    return ForkPlan(node, mirror_x, node.top_5prime != canonical_top_5, enzymes)


def _check_fork(ctx: Any, node: k.ReplicationFork) -> None:
    plan = fork_plan(node)
    lead = plan.leading_side
    why = (f"the fork moves {node.direction} and the top template's 5' end is on the {node.top_5prime}, so the "
           f"{lead} template is read 3'→5' toward the fork")
    if node.bottom_5prime is not None and node.bottom_5prime == node.top_5prime:
        ctx.report(error("E9003", f"both template strands have their 5' end on the {node.top_5prime}: the two "
                         "strands of DNA are antiparallel", node.span_of("bottom_5prime"),
                         f"bottom_5prime: {_other(node.top_5prime)}"))
    if node.leading is not None and node.leading != lead:
        ctx.report(error("E9004", f"the leading strand cannot be made continuously on the {node.leading} "
                         f"template: {why}", node.span_of("leading"), f"leading: {lead}"))
    if node.lagging is not None and node.lagging == lead:
        ctx.report(error("E9005", f"Okazaki fragments are made on the lagging side, not on the {lead} "
                         f"(leading) side: {why}", node.span_of("lagging"), f"lagging: {_other(lead)}"))
    away = _other(node.direction)
    if node.leading_5prime is not None and node.leading_5prime != away:
        ctx.report(error("E9006", f"a leading strand with its 5' end on the {node.leading_5prime} runs parallel to its "
                         f"template (whose 5' end is on the {node.direction} too): new DNA pairs antiparallel and grows "
                         f"5'→3', toward a fork moving {node.direction}", node.span_of("leading_5prime"),
                         f"leading_5prime: {away}"))
    if node.lagging_5prime is not None and node.lagging_5prime != node.direction:
        ctx.report(error("E9006", f"Okazaki fragments with their 5' end on the {node.lagging_5prime} run parallel to "
                         f"their template (whose 5' end is on the {away} too): each fragment pairs antiparallel and "
                         "grows 5'→3', away from the fork", node.span_of("lagging_5prime"),
                         f"lagging_5prime: {node.direction}"))
    _check_enzymes(ctx, node)


def _check_enzymes(ctx: Any, node: k.ReplicationFork) -> None:
    span = node.span_of("enzymes")
    seen: set[str] = set()
    for name in node.enzymes:
        key = canonical_enzyme(name)
        if key is None:
            ctx.report(error("E9007", f"'{name}' is not an enzyme of the replication fork", span,
                             did_you_mean(name, sorted(ENZYMES)) or "known: " + ", ".join(ENZYMES)))
        elif key in seen:
            ctx.report(warning("W9002", f"the enzyme {name} is listed twice", span, "each enzyme is drawn once"))
        else:
            seen.add(key)
    need = {"polymerase_i": 3, "ligase": 4}
    short = [n for n in need if n in seen and node.fragments < need[n]]
    if short:
        ctx.report(warning("W9004", f"{node.fragments} Okazaki fragments leave no junction for "
                           f"{' and '.join(ENZYMES[s] for s in short)}, which is not drawn",
                           node.span_of("fragments"), f"fragments: {max(need[s] for s in short)}"))


def layout(ctx: Any) -> Layout:
    """Each cell with its organelles, each fork with its orientation."""
    from scidsl.domains.biology.extra import HANDLERS

    out = Layout()
    for node in ctx.nodes:
        if isinstance(node, k.CellDiagram):
            out.figures.append(CellPlan(node, cell_organelles(node)))
        elif isinstance(node, k.ReplicationFork):
            out.figures.append(fork_plan(node))
        elif type(node) in HANDLERS:
            out.figures.append(HANDLERS[type(node)][1](node))
    return out


def render(ctx: Any, lay: Layout) -> Any:
    """Draw every figure with its labels."""
    from scidsl.renderers.biology import render_layout

    return render_layout(lay, ctx.settings)


def facts(ctx: Any, lay: Layout) -> list[Fact]:
    """Cell type and organelles; fork direction, template polarity, leading/lagging sides and enzymes."""
    out: list[Fact] = []
    for fig in lay.figures:
        if isinstance(fig, CellPlan):
            name = fig.node.name or "cell"
            out.append(Fact("cell_type", (name,), fig.node.type, f"{name} is a {fig.node.type} cell"))
            out.extend(Fact("organelle", (name, key), ORGANELLES[key].label,
                            f"{name} shows the {ORGANELLES[key].label}") for key in fig.organelles)
        elif isinstance(fig, ForkPlan):
            out.extend(_fork_facts(fig))
        else:
            from scidsl.domains.biology.extra import HANDLERS

            out.extend(HANDLERS[type(fig.node)][2](fig))
    return out


def _fork_facts(plan: ForkPlan) -> list[Fact]:
    node = plan.node
    name = node.name or "fork"
    lead = plan.leading_side
    out = [Fact("fork_direction", (name,), node.direction, f"the replication fork moves {node.direction}"),
           Fact("template_5prime", (name, "top"), node.top_5prime, f"top template: 5' end on the {node.top_5prime}"),
           Fact("template_5prime", (name, "bottom"), _other(node.top_5prime),
                f"bottom template: 5' end on the {_other(node.top_5prime)}"),
           Fact("leading_strand", (name,), lead, f"the leading strand is made continuously on the {lead} template"),
           Fact("lagging_strand", (name,), _other(lead),
                f"the lagging strand is made as {node.fragments} Okazaki fragments on the {_other(lead)} template"),
           Fact("okazaki_fragments", (name,), node.fragments, f"{node.fragments} Okazaki fragments"),
           Fact("synthesis_direction", (name,), "5'→3'", "new DNA grows 5'→3'")]
    out.extend(Fact("enzyme", (name, key), ENZYMES[key], f"{ENZYMES[key]} at the fork") for key in plan.enzymes)
    return out


def verify(ctx: Any, lay: Layout, page: Any) -> None:
    """No two leader lines cross on the drawn page; pyramid bars keep the proportions of their values."""
    from scidsl.domains.biology.ecology import PyramidPlan, verify_pyramid
    from scidsl.renderers.leaders import crossing_leaders

    for fig in lay.figures:
        if isinstance(fig, PyramidPlan):
            for d in verify_pyramid(fig, page):
                ctx.report(d)

    pairs = crossing_leaders(page)
    if pairs:
        a, b = pairs[0]
        ctx.report(error("E9020", f"the leader lines of {a.owner} and {b.owner} cross", None,
                         "please report this scene to the scidsl maintainers"))
