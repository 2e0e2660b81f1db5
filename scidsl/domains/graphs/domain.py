"""The graphs domain's compiler steps: check, layout, render, facts and page verification.

Three families share the domain: graphs and trees (networks.py), flowcharts (flowcharts.py) and
pedigrees (pedigrees.py). Each becomes one panel; panels sit side by side.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scidsl.domains.graphs import kinds as k

_PANEL_GAP_CM = 1.5


@dataclass
class Layout:
    """Every panel of the scene, in statement order."""

    panels: list[Any] = field(default_factory=list)


def check(ctx: Any) -> None:
    """Structural checks of every graph, path, flowchart and pedigree."""
    from scidsl.domains.graphs import flowcharts, networks, pedigrees

    graphs = networks.graphs_of(ctx)
    for node in ctx.nodes:
        if isinstance(node, k.Graph):
            networks.check_graph(ctx, node)
        elif isinstance(node, k.Vertex):
            networks.check_vertex(ctx, node, graphs)
        elif isinstance(node, k.Path):
            networks.check_path(ctx, node, graphs)
        elif isinstance(node, k.ProbabilityTree):
            from scidsl.domains.graphs.probtrees import check_probability_tree

            check_probability_tree(ctx, node)
    steps = [n for n in ctx.nodes if isinstance(n, k.Step)]
    if steps:
        flowcharts.check_steps(ctx, steps)
    if any(isinstance(n, (k.Person, k.Mating)) for n in ctx.nodes):
        pedigrees.check_pedigree(ctx)


def layout(ctx: Any) -> Layout:
    """Place every graph, the flowchart and the pedigree."""
    from scidsl.domains.graphs import flowcharts, networks, pedigrees

    out = Layout()
    graphs = networks.graphs_of(ctx)
    vertices = [n for n in ctx.nodes if isinstance(n, k.Vertex)]
    paths = [n for n in ctx.nodes if isinstance(n, k.Path)]
    for g in graphs:
        mine_v = [v for v in vertices if (v.on or graphs[0].name) == g.name]
        mine_p = [p for p in paths if (p.on or graphs[0].name) == g.name]
        lay = networks.layout_graph(ctx, g, mine_v, mine_p)
        if lay is not None:
            out.panels.append(lay)
    for node in [n for n in ctx.nodes if isinstance(n, k.ProbabilityTree)]:
        from scidsl.domains.graphs.probtrees import check_probability_tree, layout_probability_tree

        tree = check_probability_tree(_Quiet(), node)
        if tree is not None:
            out.panels.append(layout_probability_tree(tree))
    steps = [n for n in ctx.nodes if isinstance(n, k.Step)]
    if steps:
        out.panels.append(flowcharts.layout_steps(steps))
    if any(isinstance(n, k.Person) for n in ctx.nodes):
        out.panels.append(pedigrees.layout_pedigree(ctx))
    return out


def render(ctx: Any, layout: Layout) -> Any:
    """Primitives of every panel, side by side."""
    from scidsl.primitives import Drawing

    page = Drawing()
    for panel in layout.panels:
        drawing = _render_panel(panel)
        _beside(page, drawing)
    return page


class _Quiet:
    """A context that drops reports: layout re-reads a tree the check step already judged."""

    def report(self, diag: Any) -> None:
        """Ignore the diagnostic."""


def _render_panel(panel: Any) -> Any:
    drawing = _draw_panel(panel)
    caption = getattr(getattr(panel, "node", None), "caption", None)
    if caption:
        from scidsl.primitives import Text

        b = drawing.bounds()
        if b is not None:
            low = min([b[1]] + [_text_bottom(t) for t in drawing.items if isinstance(t, Text)])
            drawing.items.append(Text(((b[0] + b[2]) / 2, low - 0.6), caption, 11, "center", "top",
                                      owner=f"{getattr(panel.node, 'name', '')}.caption", role="caption"))
    return drawing


def _text_bottom(t: Any) -> float:
    from scidsl.text import measure_text

    h = measure_text(t.text, t.size)[1]
    return t.pos[1] - {"center": h / 2, "top": h, "bottom": 0.0, "baseline": 0.2 * h}[t.va]


def _draw_panel(panel: Any) -> Any:
    from scidsl.domains.graphs.flowcharts import FlowLayout
    from scidsl.domains.graphs.pedigrees import PedigreeLayout
    from scidsl.domains.graphs.probtrees import ProbTreeLayout

    if isinstance(panel, ProbTreeLayout):
        from scidsl.renderers.probtrees import render_probability_tree

        return render_probability_tree(panel)
    if isinstance(panel, FlowLayout):
        from scidsl.renderers.flowcharts import render_flowchart

        return render_flowchart(panel)
    if isinstance(panel, PedigreeLayout):
        from scidsl.renderers.pedigrees import render_pedigree

        return render_pedigree(panel)
    from scidsl.renderers.graphs import render_graph

    return render_graph(panel)


def _beside(page: Any, drawing: Any) -> None:
    """Append a panel to the right of what is there; layouts move with it (verify reads page anchors)."""
    pb, b = page.bounds(), drawing.bounds()
    if pb is None or b is None:
        page.extend(drawing)
        return
    dx = pb[2] + _PANEL_GAP_CM - b[0]
    page.extend(drawing.transformed(1.0, dx, 0.0))


def facts(ctx: Any, layout: Layout | None) -> list:
    """Nodes, edges with weights, paths with totals, flowchart steps and links, pedigree individuals."""
    from scidsl.domains.graphs import flowcharts, networks, pedigrees

    out: list = []
    for panel in layout.panels if layout else []:
        if isinstance(panel, networks.GraphLayout):
            out.extend(graph_facts(panel))
        elif isinstance(panel, flowcharts.FlowLayout):
            out.extend(flowcharts.facts_of(panel))
        elif isinstance(panel, pedigrees.PedigreeLayout):
            out.extend(pedigrees.facts_of(panel))
        else:
            from scidsl.domains.graphs.probtrees import facts_of

            out.extend(facts_of(panel))
        caption = getattr(getattr(panel, "node", None), "caption", None)
        if caption:
            from scidsl.pipeline import Fact

            out.append(Fact("caption", (panel.node.name,), caption, f"{panel.node.name} is captioned {caption!r}"))
    return out


def graph_facts(lay: Any) -> list:
    """The facts one graph shows."""
    from scidsl.domains.graphs.networks import _path_total
    from scidsl.pipeline import Fact
    from scidsl.renderers.graphs import weight_text

    g = lay.node
    what = "tree" if isinstance(g, k.Tree) else ("directed graph" if g.directed else "graph")
    out = [Fact("graph", (lay.name,), {"nodes": list(g.nodes), "directed": g.directed, "kind": what},
                f"{what} {lay.name} with {len(g.nodes)} nodes ({', '.join(g.nodes)}) and {len(g.edges)} edges")]
    arrow = "→" if g.directed else "–"
    for a, b, w in g.triples:
        text = weight_text(w, g.unit)
        value = w.value if hasattr(w, "value") else text
        out.append(Fact("edge", (lay.name, a, b), value, f"edge {a}{arrow}{b}" + (f" labelled {text}" if text else "")))
    for n, v in lay.vertices.items():
        if v.label:
            out.append(Fact("vertex_label", (lay.name, n), v.label, f"node {n} is {v.label}"))
        if v.text:
            out.append(Fact("vertex_text", (lay.name, n), v.text.replace(" | ", " "),
                            f"node {n} reads {v.text.replace(' | ', ' ')}"))
    for p in lay.paths:
        total = _path_total(p, g)
        closed = p.through[0] == p.through[-1]
        out.append(Fact("path", (lay.name, *p.through), total,
                        f"{'circuit' if closed else 'path'} {'–'.join(p.through)} drawn bold"
                        + (f", total {total:g}" if total is not None else "")))
    return out


def verify(ctx: Any, layout: Layout | None, page: Any) -> None:
    """Measure the page: edges and arrows end on their nodes and boxes, weights sit by their own edge,
    family lines end on the symbols."""
    from scidsl.domains.graphs import flowcharts, networks, pedigrees
    from scidsl.domains.graphs.verify import verify_flowchart, verify_graph, verify_pedigree

    for panel in layout.panels if layout else []:
        if isinstance(panel, networks.GraphLayout):
            diags = verify_graph(panel, page)
        elif isinstance(panel, flowcharts.FlowLayout):
            diags = verify_flowchart(panel, page)
        elif isinstance(panel, pedigrees.PedigreeLayout):
            diags = verify_pedigree(panel, page)
        else:
            diags = []
        for d in diags:
            ctx.report(d)
