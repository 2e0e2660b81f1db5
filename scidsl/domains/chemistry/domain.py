"""The chemistry domain's steps: check, layout, render, facts and after-render verification."""
from __future__ import annotations

from typing import Any

from .analysis import Analysis, analyse


def _analysis(ctx: Any) -> Analysis:
    return analyse(ctx.nodes)


def check(ctx: Any) -> None:
    """Check molecules (RDKit), equations (exact balance) and unit cells; report diagnostics."""
    for diag in _analysis(ctx).diagnostics:
        ctx.report(diag)


def layout(ctx: Any) -> Any:
    """Depict molecules, set equations and project unit cells (at the scene's width if given)."""
    from .layout import lay_out

    analysis = _analysis(ctx)
    target = _target_width(ctx)
    result = lay_out(analysis)
    if target is None:
        return result
    # Draw at the asked width ourselves: a page scaled afterwards would move labels off bonds.
    scale = 1.0
    for _ in range(3):
        width = _drawn_width(result)
        if width <= 0 or abs(width - target) < 0.02 * target:
            break
        scale = min(8.0, max(0.3, scale * target / width))
        result = lay_out(analysis, scale)
    return result


def _target_width(ctx: Any) -> float | None:
    """The scene's width in cm when chemistry is the only domain on the page."""
    from scidsl import registry

    width = ctx.settings.width
    if width is None:
        return None
    domains = {getattr(registry.domain_of_kind(n.kind), "name", None) for n in ctx.scene.items}
    if domains - {None, "chemistry"}:
        return None
    return float(width.si * 100 if width.unit else width.value)


def _drawn_width(result: Any) -> float:
    from scidsl.renderers.chemistry import render_layout

    b = render_layout(result).bounds()
    return 0.0 if b is None else b[2] - b[0]


def render(ctx: Any, layout: Any) -> Any:
    """Primitives for the laid-out blocks (see renderers/chemistry.py)."""
    from scidsl.renderers.chemistry import render_layout

    return render_layout(layout)


def facts(ctx: Any, layout: Any) -> list:
    """Atomic facts: formulas, masses, counts, groups, coefficients, cell contents."""
    from .facts import layout_facts

    return layout_facts(layout) if layout is not None else []


def verify(ctx: Any, layout: Any, page: Any) -> None:
    """Check the drawn page against the checked chemistry (atom counts, bond lengths)."""
    from .verify import verify_page

    if layout is not None:
        for diag in verify_page(layout, page):
            ctx.report(diag)
