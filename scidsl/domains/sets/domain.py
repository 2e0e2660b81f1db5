"""The sets domain's compiler steps: check, layout, render, facts and after-render verification."""
from __future__ import annotations

from typing import Any

from scidsl.diagnostics import error
from scidsl.domains.sets import kinds as k
from scidsl.style import LABEL_SIZE

GAP_CM = 1.5


def owner_of(node: Any) -> str:
    """The owner name of a diagram's primitives."""
    return node.name or f"{node.kind}@{id(node)}"


def check(ctx: Any) -> None:
    """Read every diagram's regions: unknown sets, counts that do not add up, regions computed from sizes."""
    from scidsl.domains.sets.analysis import analyse

    for node in ctx.nodes:
        if isinstance(node, k.Venn):
            analyse(node, ctx.report)


def layout(ctx: Any) -> list:
    """Each diagram placed, side by side."""
    from scidsl.domains.sets.analysis import analyse
    from scidsl.domains.sets.layout import FitError, place

    size = float(ctx.settings.font_size or LABEL_SIZE)
    out = []
    x = 0.0
    for node in ctx.nodes:
        solved = analyse(node, lambda d: None)
        if solved is None:
            continue
        try:
            venn = place(node, solved, owner_of(node), size)
        except FitError as exc:
            ctx.report(error("E7508", str(exc), node.span_of("regions"),
                             "shorten the region labels, or list fewer elements per region"))
            continue
        shift = x - venn.rect[0]
        _shift(venn, shift)
        x = venn.rect[2] + GAP_CM
        out.append(venn)
    return out


def _shift(venn: Any, dx: float) -> None:
    venn.centers = [(cx + dx, cy) for cx, cy in venn.centers]
    venn.rect = (venn.rect[0] + dx, venn.rect[1], venn.rect[2] + dx, venn.rect[3])
    venn.texts = {m: (t, (p[0] + dx, p[1])) for m, (t, p) in venn.texts.items()}
    venn.labels = [(t, (a[0] + dx, a[1]), ha, va) for t, a, ha, va in venn.labels]


def render(ctx: Any, layout: list) -> Any:
    """Primitives of every diagram (see renderers/sets.py)."""
    from scidsl.renderers.sets import render_venns

    return render_venns(layout)


def facts(ctx: Any, layout: list | None) -> list:
    """Region counts, set sizes, intersections, union, outside and total."""
    from scidsl.domains.sets.facts import venn_facts

    return [f for venn in layout or [] for f in venn_facts(venn)]


def verify(ctx: Any, layout: list | None, page: Any) -> None:
    """Measure the page: every count lies inside its region of the drawn circles."""
    from scidsl.domains.sets.verify import verify_venn

    for venn in layout or []:
        for diag in verify_venn(venn, page):
            ctx.report(diag)
