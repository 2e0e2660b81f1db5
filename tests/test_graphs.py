"""Graphs domain: networks, flowcharts and pedigrees compile, lay out deterministically and verify."""
from __future__ import annotations

import math
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

import scidsl
from scidsl.primitives import Line, Text
from tests.conftest import compile_ok as _compile
from tests.conftest import layout_and_page

CODES_TESTED_HERE = ("E8090",)


AIRBASES = """graph G {
  nodes: [E, B, V, L, T]
  edges: [[E, B, 410 mi], [B, V, 396 mi], [V, L, 159 mi], [L, E, 106 mi], [L, B, 439 mi],
          [E, V, 207 mi], [E, T, 370 mi], [L, T, 396 mi], [B, T, 84 mi], [V, T, 396 mi]]
}
path tour on G { through: [T, B, V, L, E, T], hamiltonian: true, total: 1115 }
"""


def test_weighted_graph_facts_list_every_edge_and_the_tour_total() -> None:
    result = _compile(AIRBASES)
    edges = {f.args[1:]: f.value for f in result.facts if f.predicate == "edge"}
    assert edges[("B", "T")] == 84 and edges[("L", "E")] == 106 and len(edges) == 10
    tour = next(f for f in result.facts if f.predicate == "path")
    assert tour.value == 84 + 396 + 159 + 106 + 370


def test_wrong_total_and_missing_edge_are_reported() -> None:
    result = scidsl.compile(AIRBASES.replace("total: 1115", "total: 1000"))
    assert [d.code for d in result.errors] == ["E8009"]
    bad = scidsl.compile("graph G { nodes: [A, B, C], edges: [[A, B], [B, C]] }\npath on G { through: [A, C] }")
    assert [d.code for d in bad.errors] == ["E8004"]


def test_shortest_path_claim_is_checked_with_weights() -> None:
    scene = "graph G { nodes: [A, B, C], edges: [[A, B, 1], [B, C, 1], [A, C, 5]] }\n"
    assert scidsl.compile(scene + "path on G { through: [A, B, C], shortest: true }").ok
    assert not scidsl.compile(scene + "path on G { through: [A, C], shortest: true }").ok


def test_edges_end_on_node_circles_and_weights_sit_by_their_edge() -> None:
    from scidsl.domains.graphs.verify import verify_graph

    layout, page = layout_and_page(AIRBASES, "graphs")
    assert verify_graph(layout.panels[0], page) == []
    moved = [replace(it, points=(it.points[0], (it.points[-1][0] + 0.4, it.points[-1][1])))
             if isinstance(it, Line) and it.role == "edge" and it.owner == "G.E-B" else it for it in page.items]
    assert [d.code for d in verify_graph(layout.panels[0], replace(page, items=moved))] == ["E8090"]
    far = [replace(it, offset=(it.offset[0], it.offset[1] + 1.5)) if isinstance(it, Text) and it.role == "weight"
           and it.text == "84 mi" else it for it in page.items]
    assert "E8090" in [d.code for d in verify_graph(layout.panels[0], replace(page, items=far))]


def test_flow_diagram_boxes_take_their_arrows_on_the_outline() -> None:
    from scidsl.domains.graphs.verify import verify_graph

    text = ('graph F { nodes: [sun, plants, heat], directed: true, shape: box, edges: [[sun, plants, "20,810"], '
            '[plants, heat, "13,187"]] }\nvertex sun on F at (0, 4) { text: "Sunlight | 1,700,000" }\n'
            'vertex plants on F at (0, 1) { text: "Producers" }\nvertex heat on F at (5, 1) { text: "Heat" }')
    result = _compile(text)
    assert {f.args[1:]: f.value for f in result.facts if f.predicate == "edge"}[("sun", "plants")] == "20,810"
    assert ("F", "sun") in {f.args for f in result.facts if f.predicate == "vertex_text"}
    layout, page = layout_and_page(text, "graphs")
    assert verify_graph(layout.panels[0], page) == []
    _, h = layout.panels[0].boxes["sun"]
    assert h > 0.9  # two lines


def test_tree_is_drawn_top_down_with_parents_over_children() -> None:
    layout, _ = layout_and_page("tree T { nodes: [R, A, B, C, D], edges: [[R, A], [R, B], [A, C], [A, D]] }", "graphs")
    pos = layout.panels[0].pos
    assert pos["R"][1] > pos["A"][1] > pos["C"][1]
    assert math.isclose(pos["A"][0], (pos["C"][0] + pos["D"][0]) / 2)
    assert pos["C"][0] < pos["D"][0]


@st.composite
def _graphs(draw):  # type: ignore[no-untyped-def]
    n = draw(st.integers(2, 9))
    names = [f"N{i}" for i in range(n)]
    pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=min(len(pairs), 14), unique=True))
    weights = draw(st.lists(st.integers(1, 999), min_size=len(chosen), max_size=len(chosen)))
    directed = draw(st.booleans())
    layout = draw(st.sampled_from(["auto", "circular", "spring", "kamada_kawai"]))
    shape = draw(st.sampled_from(["circle", "box"]))
    edges = ", ".join(f"[{a}, {b}, {w}]" for (a, b), w in zip(chosen, weights))
    return (f"graph G {{ nodes: [{', '.join(names)}], edges: [{edges}], directed: {str(directed).lower()}, "
            f"layout: {layout}, shape: {shape} }}")


@settings(max_examples=15, deadline=None)
@given(_graphs())
def test_random_graphs_compile_verify_and_lay_out_the_same_way_twice(text: str) -> None:
    first = scidsl.compile(text)
    assert first.ok, [(d.code, d.message) for d in first.diagnostics]
    second = scidsl.compile(text)
    assert first.drawing.anchors == second.drawing.anchors
    assert {f.args for f in first.facts if f.predicate == "edge"} == \
        {("G", a, b) for a, b, *_ in first.scene.items[0].edges}


LAYOVER = """step begin "Start" { shape: start, next: read }
step read "Input layover duration" { shape: input, next: long }
step long "Layover > 24 hours?" { shape: decision, yes: hotel, no: short }
step hotel "Suggest accommodations" { shape: output, next: stop }
step short "Layover < 1 hour?" { shape: decision, yes: alert, no: nothing }
step alert "Alert: possible missed connection" { shape: output, next: stop }
step nothing "No action" { next: stop }
step stop "End" { shape: end }
"""


def _segments_cross_boxes(flow) -> list[str]:  # type: ignore[no-untyped-def]
    from scidsl.renderers.flowcharts import outline
    from shapely.geometry import LineString, Polygon

    bad = []
    for ln in flow.links:
        line = LineString(ln.route)
        for name, box in flow.boxes.items():
            if name in (ln.source, ln.target):
                continue
            if line.intersects(Polygon(outline(box))):
                bad.append(f"{ln.source}->{ln.target} crosses {name}")
    return bad


def test_layover_chart_keeps_decisions_in_one_column_with_actions_beside() -> None:
    layout, _ = layout_and_page(LAYOVER, "graphs")
    flow = layout.panels[0]
    col = {n: b.col for n, b in flow.boxes.items()}
    assert col["long"] == col["short"] == col["stop"] == 0
    assert col["hotel"] > 0 and col["alert"] > 0
    assert flow.boxes["hotel"].row == flow.boxes["long"].row  # the yes exit runs straight across
    assert _segments_cross_boxes(flow) == []
    facts = scidsl.compile(LAYOVER).facts
    assert next(f.value for f in facts if f.predicate == "decisions") == 2
    assert ("long", "hotel") in {f.args for f in facts if f.predicate == "flow" and f.value == "yes"}


def test_arrow_that_misses_its_box_is_reported() -> None:
    from scidsl.domains.graphs.verify import verify_flowchart

    layout, page = layout_and_page(LAYOVER, "graphs")
    assert verify_flowchart(layout.panels[0], page) == []
    moved = [replace(it, points=it.points[:-1] + ((it.points[-1][0], it.points[-1][1] + 0.5),))
             if isinstance(it, Line) and it.role == "arrow" and it.owner == "read>long" else it for it in page.items]
    assert [d.code for d in verify_flowchart(layout.panels[0], replace(page, items=moved))] == ["E8090"]


@st.composite
def _flowcharts(draw):  # type: ignore[no-untyped-def]
    n = draw(st.integers(1, 7))
    lines = ['step s0 "Start" { shape: start, next: s1 }']
    for i in range(1, n + 1):
        later = [f"s{j}" for j in range(i + 2, n + 2)]
        earlier = [f"s{j}" for j in range(1, i)]
        if draw(st.booleans()) and later + earlier:
            yes = draw(st.sampled_from(later + earlier))
            lines.append(f'step s{i} "Test {i}?" {{ shape: decision, yes: {yes}, no: s{i + 1} }}')
        else:
            lines.append(f'step s{i} "Work {i}" {{ next: s{i + 1} }}')
    lines.append(f'step s{n + 1} "End" {{ shape: end }}')
    return "\n".join(lines)


@settings(max_examples=15, deadline=None)
@given(_flowcharts())
def test_random_flowcharts_compile_and_no_arrow_crosses_a_box(text: str) -> None:
    result = scidsl.compile(text)
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    layout, _ = layout_and_page(text, "graphs")
    assert _segments_cross_boxes(layout.panels[0]) == []
    assert scidsl.compile(text).drawing.anchors == result.drawing.anchors


@settings(max_examples=15, deadline=None)
@given(_flowcharts())
def test_flowchart_routing_skips_only_routes_that_cannot_win(text: str) -> None:
    from scidsl.domains.graphs import flowcharts

    pruned, _ = layout_and_page(text, "graphs")
    flowcharts._PRUNE = False
    try:
        every, _ = layout_and_page(text, "graphs")
    finally:
        flowcharts._PRUNE = True
    assert [ln.route for ln in pruned.panels[0].links] == [ln.route for ln in every.panels[0].links]


ALKAPTONURIA = """pedigree { trait: "alkaptonuria", numbers: false }
person father "1" { sex: male, affected: true }
person mother "2" { sex: female }
person child1 { sex: unknown, affected: true }
person daughter { sex: female }
person son "A?" { sex: male }
person husband { sex: male }
mating between [father, mother] { children: [child1, daughter, son] }
mating between [husband, daughter] { children: [woman, grandchild] }
person woman { sex: female, affected: true }
person grandchild "A?" { sex: unknown }
person man3 "3" { sex: male }
mating between [man3, woman] { children: [baby] }
person baby { sex: unknown, affected: true }
"""


def test_pedigree_generations_come_from_the_families() -> None:
    result = _compile(ALKAPTONURIA)
    people = {f.args[0]: f.value for f in result.facts if f.predicate == "person"}
    assert people["father"]["generation"] == 1 and people["husband"]["generation"] == 2
    assert people["man3"]["generation"] == people["woman"]["generation"] == 3
    assert people["baby"]["generation"] == 4 and people["baby"]["status"] == "affected"
    layout, _ = layout_and_page(ALKAPTONURIA, "graphs")
    pos = layout.panels[0].pos
    assert abs(pos["husband"][0] - pos["daughter"][0]) < 1.5  # the partner who married in stands beside
    assert pos["child1"][0] < pos["daughter"][0] < pos["son"][0]  # birth order


def test_family_line_that_misses_its_symbol_is_reported() -> None:
    from scidsl.domains.graphs.verify import verify_pedigree

    layout, page = layout_and_page(ALKAPTONURIA, "graphs")
    assert verify_pedigree(layout.panels[0], page) == []
    moved = [replace(it, points=(it.points[0], (it.points[-1][0], it.points[-1][1] - 0.3)))
             if isinstance(it, Line) and it.role == "drop" else it for it in page.items]
    assert "E8090" in [d.code for d in verify_pedigree(layout.panels[0], replace(page, items=moved))]


@st.composite
def _families(draw):  # type: ignore[no-untyped-def]
    lines = ['person p0 { sex: male }', 'person q0 { sex: female }']
    couples = [("p0", "q0")]
    count = 0
    for depth in range(draw(st.integers(1, 3))):
        new = []
        for father, mother in couples:
            kids = [f"k{count + i}" for i in range(draw(st.integers(1, 3)))]
            count += len(kids)
            for kid in kids:
                sex = draw(st.sampled_from(["male", "female"]))
                lines.append(f"person {kid} {{ sex: {sex}, affected: {str(draw(st.booleans())).lower()} }}")
            lines.append(f"mating between [{father}, {mother}] {{ children: [{', '.join(kids)}] }}")
            marry = kids[0] if draw(st.booleans()) else None
            if marry:
                sex = next(ln for ln in lines if ln.startswith(f"person {marry} ")).split("sex: ")[1].split(",")[0]
                spouse = f"s{marry}"
                lines.append(f"person {spouse} {{ sex: {'female' if sex == 'male' else 'male'} }}")
                new.append((marry, spouse) if sex == "male" else (spouse, marry))
        couples = new or couples[:0]
        if not couples:
            break
    return "\n".join(lines)


@settings(max_examples=10, deadline=None)
@given(_families())
def test_random_pedigrees_compile_with_each_child_below_its_parents(text: str) -> None:
    result = _compile(text)
    people = {f.args[0]: f.value for f in result.facts if f.predicate == "person"}
    for f in result.facts:
        if f.predicate == "mating":
            for kid in f.value:
                assert people[kid]["generation"] == people[f.args[0]]["generation"] + 1
