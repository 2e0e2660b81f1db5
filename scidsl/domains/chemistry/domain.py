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
    """Depict molecules, set equations and project unit cells."""
    from .layout import lay_out

    return lay_out(_analysis(ctx))


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
