"""The plain walks give what networkx gives, order included; a tree compiles without importing networkx."""
from __future__ import annotations

import pathlib
import subprocess
import sys

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.domains.graphs import walks

ROOT = pathlib.Path(__file__).resolve().parent.parent
NAMES = list("ABCDEFGH")


@st.composite
def graphs(draw: st.DrawFn) -> tuple[list[str], list[walks.Edge], bool]:
    """Listed nodes in any order, edges among them (self-loops, repeats, cycles, several parts), a direction."""
    nodes = draw(st.permutations(NAMES[:draw(st.integers(1, len(NAMES)))]))
    edges = draw(st.lists(st.tuples(st.sampled_from(nodes), st.sampled_from(nodes)), max_size=12))
    return list(nodes), edges, draw(st.booleans())


def _nx(nodes: list[str], edges: list[walks.Edge], directed: bool) -> nx.Graph:
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(nodes)
    G.add_edges_from(edges)
    return G


def _order(adj: walks.Adjacency) -> list[tuple[str, list[str]]]:
    return [(n, list(near)) for n, near in adj.items()]


def _nx_cycle(G: nx.Graph) -> list[walks.Edge] | None:
    try:
        return [tuple(e) for e in nx.find_cycle(G)]  # type: ignore[misc]
    except nx.NetworkXNoCycle:
        return None


@settings(max_examples=400, deadline=None)
@given(graphs())
def test_walks_match_networkx(graph: tuple[list[str], list[walks.Edge], bool]) -> None:
    nodes, edges, directed = graph
    G, adj = _nx(nodes, edges, directed), walks.joined(nodes, edges, directed)
    und, U = walks.undirected(adj), G.to_undirected()
    assert _order(adj) == [(n, list(G.adj[n])) for n in G]
    assert _order(und) == [(n, list(U.adj[n])) for n in U]
    assert walks.components(und) == list(nx.connected_components(U))
    assert walks.find_cycle(adj, directed) == _nx_cycle(G)
    assert walks.find_cycle(und, False) == _nx_cycle(U)
    for root in nodes:
        expected_depths = nx.single_source_shortest_path_length(U, root)
        assert list(walks.depths(und, root).items()) == list(expected_depths.items())
    if directed:
        expected = list(nx.topological_sort(G)) if nx.is_directed_acyclic_graph(G) else None
        assert walks.topological_order(adj) == expected


@settings(max_examples=200, deadline=None)
@given(graphs())
def test_a_graph_of_edges_alone_matches_networkx(graph: tuple[list[str], list[walks.Edge], bool]) -> None:
    _, edges, directed = graph  # nodes in the order the edges name them, as a pedigree's lines are built
    G = nx.DiGraph(edges) if directed else nx.Graph(edges)
    adj = walks.joined([], edges, directed)
    assert _order(adj) == [(n, list(G.adj[n])) for n in G]
    assert walks.find_cycle(adj, directed) == _nx_cycle(G)


def test_a_tree_compiles_without_networkx() -> None:
    probe = ("import sys, scidsl; r = scidsl.compile(open(sys.argv[1], 'rb').read(), sys.argv[1]); "
             "r.to_bytes('png'); print(r.ok, 'networkx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe, "examples/graphs/binary_tree.sdl"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == "True False", out
