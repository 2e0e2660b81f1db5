"""Run each domain used by a scene, put their drawings on one page, place labels, draw, verify."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from scidsl import registry
from scidsl.diagnostics import Diagnostic, error
from scidsl.model import Given, Node, Scene
from scidsl.primitives import Drawing, Text
from scidsl.style import LABEL_SIZE, MAX_NATURAL_CM, MIN_NATURAL_CM

_STRIP = 0.3  # a panel lower than this share of its neighbour's height is a strip
_GAP_CM = 1.5
_MIN_TEXT_PT = 8.0  # text that shrinks with its drawing stays at least this size


def domains_in(scene: Scene) -> list[str]:
    """Names of the domains a scene uses, in registry order (the drawing layer last)."""
    from scidsl.resolve import given_domain, statement_domains

    stated = statement_domains(scene)
    used = set()
    for node in scene.items:
        dom = given_domain(node, stated) if isinstance(node, Given) else getattr(registry.domain_of_kind(node.kind), "name", None)
        if dom:
            used.add(dom)
    order = [d.name for d in registry.DOMAINS if d.name != "draw"] + ["draw"]
    return [d for d in order if d in used]


def _context(scene: Scene, names: Any, domain: str) -> Any:
    from scidsl.pipeline import DomainContext
    from scidsl.resolve import given_domain, statement_domains

    stated = statement_domains(scene)
    nodes: list[Node] = [n for n in scene.items if not isinstance(n, Given)
                         and getattr(registry.domain_of_kind(n.kind), "name", None) == domain]
    givens = [n for n in scene.items if isinstance(n, Given) and given_domain(n, stated) == domain]
    return DomainContext(scene, nodes, givens, names, scene.settings)


def run_domains(scene: Scene, names: Any, options: Any, result: Any) -> None:
    """Check, lay out and render every domain; then draw the page and verify it."""
    doms = domains_in(scene)
    contexts = {d: _context(scene, names, d) for d in doms}
    # 1. checks of every domain, so that one run reports as much as it can
    with result.stage("check"):
        for d, ctx in contexts.items():
            registry.implementation(d).check(ctx)
    _collect(contexts, result)
    if not result.ok:
        return
    # 2. layout and render each domain; domain figures sit side by side in the order the scene states them,
    #    or in the order of the panels that name them
    from scidsl.domain_panels import align_captions, domain_panels, figure_boxes, first_appearance, set_in_panel

    panels = domain_panels(scene)
    result.diagnostics.extend(panels.diagnostics)
    if not result.ok:
        return
    order = first_appearance(scene, [d for d in doms if d != "draw"])
    order = panels.order + [d for d in order if d not in panels.order]
    arrange = next(iter(panels.panel_of.values())).arrange if panels.panel_of else "row"
    page, layouts = Drawing(), {}
    for d in order:
        ctx = contexts[d]
        impl = registry.implementation(d)
        with result.stage("layout"):
            layouts[d] = impl.layout(ctx)
        if ctx.has_errors:
            break
        with result.stage("render"):
            figure = impl.render(ctx, layouts[d])
            if d in panels.panel_of:
                set_in_panel(page, figure, panels.panel_of[d], arrange)
            else:
                _append_panel(page, figure)
        if _over_vertex_budget(page, result):
            return
    if arrange == "row":
        align_captions(page)
    _collect(contexts, result)
    if not result.ok:
        return
    if "draw" in contexts:
        ctx = contexts["draw"]
        ctx.anchors = dict(page.anchors)
        ctx.figures = figure_boxes(page, scene)
        impl = registry.implementation("draw")
        with result.stage("layout"):
            layouts["draw"] = impl.layout(ctx)
        if not ctx.has_errors:
            with result.stage("render"):
                page.extend(impl.render(ctx, layouts["draw"]))
            if _over_vertex_budget(page, result):
                return
        _collect(contexts, result)
        if not result.ok:
            return
    page = _fit(page, scene, _text_scales(doms))
    _finish(page, scene, options, result, contexts, layouts)


def _over_vertex_budget(page: Drawing, result: Any) -> bool:
    """True (after reporting) when the page draws more vertices than label placement can afford."""
    from scidsl import limits
    from scidsl.primitives import Line

    sizes = [len(it.points) if isinstance(it, Line) else 1 for it in page.items]
    total, longest = sum(sizes), max(sizes, default=0)
    if total <= limits.MAX_DRAWN_VERTICES and longest <= limits.MAX_LINE_VERTICES:
        return False
    what = (f"a line of {longest} vertices; the limit is {limits.MAX_LINE_VERTICES}"
            if longest > limits.MAX_LINE_VERTICES else
            f"{total} vertices; the limit is {limits.MAX_DRAWN_VERTICES}")
    result.diagnostics.append(error("E0916", f"the figure draws {what}", None, "draw fewer or simpler curves"))
    return True


def _collect(contexts: dict, result: Any) -> None:
    for ctx in contexts.values():
        result.diagnostics.extend(ctx.diagnostics)
        ctx.diagnostics = []


def _append_panel(page: Drawing, panel: Drawing) -> None:
    from scidsl.domain_panels import extent

    pb, b = extent(page), extent(panel)  # labels are placed later: keep room for them
    if pb is None or b is None:
        page.extend(panel)
        return
    page_h, panel_h = pb[3] - pb[1], b[3] - b[1]
    if min(page_h, panel_h) < _STRIP * max(page_h, panel_h):
        # a low strip (an equation, a caption-like panel) goes under the tall one, centred
        dx = (pb[0] + pb[2]) / 2 - (b[0] + b[2]) / 2
        dy = pb[1] - _GAP_CM - b[3] if panel_h < page_h else pb[3] + _GAP_CM - b[1]
    else:
        dx = pb[2] + _GAP_CM - b[0]
        dy = (pb[1] + pb[3]) / 2 - (b[1] + b[3]) / 2
    page.extend(panel.transformed(1.0, dx, dy))


def _text_scales(doms: list[str]) -> bool:
    """True when a domain on the page reserves room for its labels, so text must shrink with it."""
    return any(getattr(registry.implementation(d), "TEXT_SCALES_WITH_DRAWING", False) for d in doms)


def _fit(page: Drawing, scene: Scene, scale_text: bool = False) -> Drawing:
    """Scale the drawing to the requested width, or into a readable size range.

    With `scale_text`, a drawing scaled down takes its text along (labels keep the room reserved for
    them), but never below a readable size: a large figure then stays larger than 22 cm.
    """
    b = page.bounds()
    if b is None:
        return page
    extent = max(b[2] - b[0], b[3] - b[1], 1e-9)
    width = scene.settings.width
    if width is not None:
        target = width.si * 100 if width.unit else width.value
        scale = target / max(b[2] - b[0], 1e-9)
    elif extent > MAX_NATURAL_CM:
        scale = MAX_NATURAL_CM / extent
    elif extent < MIN_NATURAL_CM:
        scale = MIN_NATURAL_CM / extent
    else:
        return page
    if not (scale_text and scale < 1.0):
        return page.transformed(scale, 0.0, 0.0)
    readable = min(1.0, _MIN_TEXT_PT / _body_size(page))
    if width is None:
        scale = max(scale, readable)
    return _text_scaled(page.transformed(scale, 0.0, 0.0), max(scale, readable))


def _body_size(page: Drawing) -> float:
    """The most common label size of a drawing (the size of its running text)."""
    sizes = Counter(lab.size for lab in page.labels)
    return sizes.most_common(1)[0][0] if sizes else LABEL_SIZE


def _text_scaled(page: Drawing, factor: float) -> Drawing:
    """The drawing with every text, label and label distance scaled by `factor`."""
    page.items = [replace(it, size=it.size * factor, offset=(it.offset[0] * factor, it.offset[1] * factor))
                  if isinstance(it, Text) else it for it in page.items]
    page.labels = [replace(lab, size=lab.size * factor, distance=lab.distance * factor) for lab in page.labels]
    return page


def _title(page: Drawing, texts: list, scene: Scene) -> list:
    """The title as a fixed text above everything else, when the scene asks for it."""
    from scidsl.primitives import Text
    from scidsl.render import canvas_bounds

    s = scene.settings
    if not (s.title and s.show_title) or page.bounds() is None:
        return []
    xmin, _, xmax, ymax = canvas_bounds(page, texts)
    return [Text(((xmin + xmax) / 2, ymax + 0.1), s.title, (s.font_size or LABEL_SIZE) + 2, "center", "bottom",
                 owner="title", role="title")]


def _finish(page: Drawing, scene: Scene, options: Any, result: Any, contexts: dict, layouts: dict) -> None:
    from scidsl.labels import place_labels
    from scidsl.render import CanvasTooLarge, draw
    from scidsl.style import DEFAULT_DPI
    from scidsl.verify import verify_canvas

    with result.stage("labels"):
        texts, failed = place_labels(page)
        texts += _title(page, texts, scene)
    result.drawing, result.texts = page, texts
    dpi = options.dpi or scene.settings.dpi or DEFAULT_DPI
    try:
        with result.stage("draw"):
            canvas = draw(page, texts, dpi)
    except CanvasTooLarge as exc:
        result.diagnostics.append(error("E0907", str(exc), scene.settings.span,
                                        "lower the width or dpi in the scene statement"))
        return
    result.canvas = canvas
    for spec in failed:
        result.diagnostics.append(error("E5005", f"no free place was found for label {spec.text!r}", None,
                                        "shorten the label or give the figure more room"))
    with result.stage("facts+verify"):
        for d, ctx in contexts.items():
            impl = registry.implementation(d)
            result.facts.extend(impl.facts(ctx, layouts.get(d)))
            if options.verify and hasattr(impl, "verify"):
                impl.verify(ctx, layouts.get(d), page)
        _collect(contexts, result)
        from scidsl.completeness import completeness_facts, page_texts

        result.facts.extend(completeness_facts(scene, page_texts(page, texts)))
        if options.verify:
            from scidsl.measure import statement_spans

            result.diagnostics.extend(verify_canvas(canvas, page, statement_spans(scene)))


__all__ = ["run_domains", "domains_in", "Diagnostic"]
