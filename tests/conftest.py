"""Shared fixtures: paths of examples and case files, a compile helper."""
from __future__ import annotations

import os
import pathlib

import pytest
from hypothesis import HealthCheck, settings

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CASES = pathlib.Path(__file__).resolve().parent / "cases"

settings.register_profile("ci", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", max_examples=25, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("deep", max_examples=300, deadline=None,  # a long hunt before a release
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("SCIDSL_HYPOTHESIS", "ci"))


def example_files() -> list[pathlib.Path]:
    """Every bundled example scene."""
    return sorted(EXAMPLES.rglob("*.sdl"))


def case_files() -> list[pathlib.Path]:
    """Every golden diagnostic case."""
    return sorted(CASES.rglob("*.sdl"))


@pytest.fixture
def compile_text():  # type: ignore[no-untyped-def]
    """Compile scene text and return the Result."""
    import scidsl

    def run(text: str, **kw):  # type: ignore[no-untyped-def]
        return scidsl.compile(text, "case.sdl", **kw)

    return run


def compile_ok(text: str, file: str = "t.sdl"):  # type: ignore[no-untyped-def]
    """Compile scene text that must compile (`result.ok`); the diagnostics are the failure message."""
    import scidsl

    result = scidsl.compile(text, file)
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    return result


def domain_context(result, domain: str):  # type: ignore[no-untyped-def]
    """The context the compiler gives one domain of a compiled scene (for its layout and verify steps)."""
    from scidsl.compose import _context
    from scidsl.resolve import resolve

    names, _ = resolve(result.scene)
    return _context(result.scene, names, domain)


def layout_and_page(text: str, domain: str):  # type: ignore[no-untyped-def]
    """One domain's layout of a scene (the compiler's own steps) and the scene's drawn page."""
    from scidsl import registry

    result = compile_ok(text)
    return registry.implementation(domain).layout(domain_context(result, domain)), result.drawing


def moved_anchor_codes(result, domain: str, anchor: str, dy: float) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    """A domain's after-render diagnostics on its untouched page, then with one anchor moved up by `dy`."""
    from scidsl import registry

    ctx = domain_context(result, domain)
    impl = registry.implementation(domain)
    lay = impl.layout(ctx)
    page = result.drawing
    impl.verify(ctx, lay, page)
    before = [d.code for d in ctx.diagnostics]
    x, y = page.anchors[anchor]
    page.anchors[anchor] = (x, y + dy)
    impl.verify(ctx, lay, page)
    return before, [d.code for d in ctx.diagnostics]
