"""The tables domain's compiler steps: check, layout, render, facts and after-render verification."""
from __future__ import annotations

from typing import Any

from scidsl.diagnostics import error
from scidsl.domains.tables import kinds as k
from scidsl.domains.tables.grid import MAX_EXTENT_CM, Grid
from scidsl.style import LABEL_SIZE


def check(ctx: Any) -> None:
    """Static checks of every table and cross."""
    from scidsl.domains.tables.checks import check_table

    for node in ctx.nodes:
        if isinstance(node, k.Table):
            check_table(ctx, node)
        elif isinstance(node, k.PunnettSquare):
            _check_cross(ctx, node)


def _check_cross(ctx: Any, node: k.PunnettSquare) -> None:
    from scidsl.domains.tables.genetics import GeneticsError, parse_cross

    if (node.cross is None) == (node.parents is None):
        ctx.report(error("E7020", f"punnett_square {node.name} needs its cross: either cross or parents",
                         node.span, "write cross: \"Aa x Aa\" (or parents: [\"Aa\", \"Aa\"]), not both"))
        return
    try:
        cross = parse_cross(node.cross_text(), node.dominance)
    except GeneticsError as exc:
        key = "dominance" if exc.code == "E7033" else "cross" if node.cross is not None else "parents"
        ctx.report(error(exc.code, f"punnett_square {node.name}: {exc}", node.span_of(key), exc.hint))
        return
    _check_trait_math(ctx, node)
    from scidsl.domains.tables.crosses import check_phenotypes, check_ratio

    for code, message, key, hint in check_phenotypes(node, cross) + check_ratio(node, cross):
        ctx.report(error(code, f"punnett_square {node.name}: {message}", node.span_of(key), hint))
    if node.traits is not None and (len(node.traits) != len(cross.genes) or any(len(t) != 2 for t in node.traits)):
        ctx.report(error("E7024", f"punnett_square {node.name} crosses {len(cross.genes)} gene(s) "
                         f"({', '.join(cross.genes)}) but its traits are {node.traits}", node.span_of("traits"),
                         "give one [dominant, recessive] pair per gene, e.g. [[\"tall\", \"short\"]]"))


def _check_trait_math(ctx: Any, node: k.PunnettSquare) -> None:
    from scidsl.text import mathtext_error

    for text in [t for pair in node.traits or [] for t in pair]:
        problem = mathtext_error(text)
        if problem:
            ctx.report(error("E7011", f"punnett_square {node.name}: trait {text!r}: {problem[1]}",
                             node.span_of("traits"), "math goes between $...$, e.g. \"$x^2$\""))


def layout(ctx: Any) -> list[Grid]:
    """One grid per table or cross, stacked; a grid too large to read is an error."""
    from scidsl.domains.tables.layout import extent, punnett_grid, stack, table_grid

    size = float(ctx.settings.font_size or LABEL_SIZE)
    grids = [table_grid(n, size) if isinstance(n, k.Table) else punnett_grid(n, size) for n in ctx.nodes]
    stack(grids)
    for grid in grids:
        width, height = extent(grid)
        if max(width, height) > MAX_EXTENT_CM:
            ctx.report(error("E7012", f"{grid.node.kind} {grid.node.name} would be {width:.1f} cm wide and "
                             f"{height:.1f} cm tall; the limit is {MAX_EXTENT_CM:g} cm", grid.node.span,
                             "shorten the headers and texts, use fewer columns, or lower scene font_size"))
    return grids


def render(ctx: Any, layout: list[Grid]) -> Any:
    """Primitives of every grid (see renderers/tables.py)."""
    from scidsl.renderers.tables import render_grids

    return render_grids(layout)


def facts(ctx: Any, layout: list[Grid] | None) -> list:
    """Every cell and total as shown, and the ratios of each cross."""
    from scidsl.domains.tables.facts import grid_facts

    return [f for grid in layout or [] for f in grid_facts(grid)]


def verify(ctx: Any, layout: list[Grid] | None, page: Any) -> None:
    """Measure the page: texts inside their cells, totals equal to the shown sums, offspring of their gametes."""
    from scidsl.domains.tables.verify import verify_grid

    for grid in layout or []:
        for diag in verify_grid(grid, page):
            ctx.report(diag)
