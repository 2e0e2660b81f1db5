"""Hypothesis strategies for valid scidsl scenes, with the facts each must state, and for scenes broken in a
known way, with the diagnostic each must get.

    from hypothesis import given, settings
    from scidsl.testing import strategies as sds

    @settings(deadline=None)          # one compile takes 0.05–1 s
    @given(sds.triangles())
    def test_triangles(case):
        case.check(case.compile())

Every strategy draws a `SceneCase` (`.text`, `.json`, `.facts`) or, for the mutations, a `BrokenScene`
(`.text`, `.code`). Sizes are bounded (at most 6 resistors, 9 graph nodes, 3 sets, 2 genes, 4 × 4 table
cells, 6 flowchart steps, 3 stacked boxes, 2 pulleys), and examples shrink towards the smallest scene: fewer
parts, smaller numbers, the first corpus entries.
"""
from __future__ import annotations

import math
from typing import Optional

try:
    from hypothesis import assume
    from hypothesis import strategies as st
except ImportError as missing:  # pragma: no cover - depends on the environment
    raise ModuleNotFoundError("scidsl.testing.strategies needs hypothesis: pip install 'scidsl[testing]' "
                              "(scidsl.testing.SceneCase and the pytest plugin work without it)",
                              name="hypothesis") from missing

from scidsl.testing import corpus
from scidsl.testing.body_strategies import (bodies, cyclic_placements, inclines, overhanging_bodies, pulley_systems,
                                            relation_chains, steep_inclines)
from scidsl.testing import math_scenes as ms
from scidsl.testing import science_scenes as ss
from scidsl.testing.scenes import BrokenScene, SceneCase

__all__ = [
    "triangles", "circuits", "netlists", "molecules", "reactions", "plots", "venns", "punnett_squares",
    "tables", "graphs", "trees", "flowcharts", "solids", "titrations", "cells", "inclines", "pulley_systems",
    "relation_chains", "bodies", "scenes",
    "contradictory_triangles", "impossible_triangles", "nonpositive_resistances", "undeclared_parts",
    "overvalent_molecules", "unbalanced_reactions", "foreign_plot_names", "wrong_venn_totals",
    "mismatched_crosses", "wrong_row_totals", "undecided_decisions", "dangling_edges", "cyclic_trees",
    "overread_burettes", "misplaced_organelles", "steep_inclines", "cyclic_placements",
    "overhanging_bodies", "open_netlists", "impossible_cones", "contradicted_diagonals", "broken_scenes",
]

CONSTRUCTIONS = (None, "midpoint", "median", "circumcircle", "altitude")
MIN_ANGLE = 20.0  # thinner triangles are valid but make crowded figures
MAX_CIRCUMSCRIBED = 110.0  # a circumcircle of a flatter triangle hugs its short sides, too near their labels


# --- geometry ----------------------------------------------------------------------------------------

@st.composite
def _triangle_shape(draw: st.DrawFn, given: str) -> tuple[ms.Triangle, tuple[float, float, float]]:
    """Angles and sides of a triangle whose given values (for this set of givens) are whole numbers."""
    if given in ("ASA", "AAS"):
        a = draw(st.integers(25, 110))
        b = draw(st.integers(25, 155 - a))
        angles = (float(a), float(b), float(180 - a - b))
        known = draw(st.integers(3, 12))
        sides = ms.triangle_sides(angles, 1.0)
        scale = known / (sides[2] if given == "ASA" else sides[0])
        return angles, (sides[0] * scale, sides[1] * scale, sides[2] * scale)
    if given == "right":
        a = draw(st.integers(25, 65))
        angles = (float(a), float(90 - a), 90.0)
        ca = draw(st.integers(3, 12))
        return angles, ms.triangle_sides(angles, ca / math.sin(math.radians(90 - a)))
    if given == "SAS":
        a = draw(st.integers(30, 120))
        ca, ab = draw(st.integers(3, 12)), draw(st.integers(3, 12))
        bc = math.sqrt(ca * ca + ab * ab - 2 * ca * ab * math.cos(math.radians(a)))
        sides = (bc, float(ca), float(ab))
    else:
        sides = (float(draw(st.integers(3, 12))), float(draw(st.integers(3, 12))), float(draw(st.integers(3, 12))))
        assume(max(sides) < sum(sides) - max(sides))
    angles = ms.triangle_angles(*sides)
    assume(min(angles) >= MIN_ANGLE)
    return angles, sides


_GIVENS = {"ASA": (("AB",), ("A", "B")), "AAS": (("BC",), ("A", "B")), "SAS": (("CA", "AB"), ("A",)),
           "SSS": (("BC", "CA", "AB"), ()), "right": (("CA",), ("A",))}


@st.composite
def triangles(draw: st.DrawFn, constructions: bool = True) -> SceneCase:
    """A triangle fixed by ASA, AAS, SAS, SSS or a right angle, optionally with one construction."""
    given = draw(st.sampled_from(list(_GIVENS)))
    angles, sides = draw(_triangle_shape(given))
    construction = draw(st.sampled_from(CONSTRUCTIONS)) if constructions else None
    if construction == "altitude" and max(angles[:2]) >= 90:
        construction = "median"  # the foot would fall outside AB
    if construction == "circumcircle" and max(angles) > MAX_CIRCUMSCRIBED:
        construction = "midpoint"  # the arc over the short sides runs into their labels
    return ms.triangle_scene(angles, sides, *_GIVENS[given], right=given == "right", construction=construction)


# --- circuits ----------------------------------------------------------------------------------------

NETWORKS = st.recursive(st.integers(1, 12),
                        lambda parts: st.tuples(st.sampled_from("sp"), st.lists(parts, min_size=2, max_size=3)),
                        max_leaves=6)


def circuits(netlist: Optional[bool] = None) -> st.SearchStrategy[SceneCase]:
    """A battery driving a series–parallel network of resistors; states the exact equivalent resistance."""
    forms = st.just(netlist) if netlist is not None else st.booleans()
    return st.builds(ss.circuit_scene, NETWORKS, st.integers(1, 24), forms)


def netlists() -> st.SearchStrategy[SceneCase]:
    """`circuits` written as netlists: every part names its two nodes."""
    return circuits(netlist=True)


# --- chemistry ---------------------------------------------------------------------------------------

def molecules() -> st.SearchStrategy[SceneCase]:
    """A molecule of the bundled SMILES corpus, with its formula and ring count."""
    return st.builds(ss.molecule_scene, st.integers(0, len(corpus.MOLECULES) - 1),
                     st.sampled_from(["skeletal", "condensed", "full"]))


_REACTIONS = st.tuples(
    st.one_of(st.sampled_from(corpus.REACTIONS), st.integers(1, 8).map(corpus.alkane_combustion)),
    st.integers(1, 3)).map(lambda rf: corpus.scaled(*rf))


def reactions() -> st.SearchStrategy[SceneCase]:
    """A balanced reaction (textbook equations, alkane combustions), coefficients possibly multiplied."""
    return _REACTIONS.map(ss.reaction_scene)


# --- plots -------------------------------------------------------------------------------------------

_POLYNOMIALS = st.tuples(st.sampled_from([1, -1, 2, -2, 3]),
                         st.lists(st.integers(-4, 4), min_size=1, max_size=3, unique=True))


_AMPLITUDES = st.sampled_from([1, -1, 2, -2, 3])


def plots() -> st.SearchStrategy[SceneCase]:
    """A graph of a polynomial with whole roots, a(x² − c), exp(x) − c, a·sin(kx) or a·cos(kx), with its roots
    marked and stated."""
    return st.one_of(_POLYNOMIALS.map(lambda p: ms.polynomial_plot(*p)),
                     st.builds(ms.quadratic_plot, _AMPLITUDES, st.integers(1, 12)),
                     st.integers(2, 9).map(ms.exponential_plot),
                     st.builds(ms.trig_plot, st.sampled_from(["sin", "cos"]), _AMPLITUDES, st.integers(1, 3),
                               st.integers(1, 4)))


# --- sets and tables ---------------------------------------------------------------------------------

_VENN_COUNTS = st.integers(2, 3).flatmap(lambda n: st.tuples(
    st.just(n), st.fixed_dictionaries({m: st.integers(0, 60) for m in range(1, 1 << n)}), st.integers(0, 40)))


def venns() -> st.SearchStrategy[SceneCase]:
    """A Venn diagram of 2 or 3 sets with consistent counts: every region given, or the sizes of every set and
    intersection (the compiler derives the regions)."""
    return st.builds(lambda v, computed: ms.venn_scene(*v, computed), _VENN_COUNTS, st.booleans())


@st.composite
def _cross(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    genes = draw(st.lists(st.sampled_from("ABRYP"), min_size=1, max_size=2, unique=True))
    pairs = [[g + g, g + g.lower(), g.lower() * 2] for g in genes]
    return ([draw(st.sampled_from(p)) for p in pairs], [draw(st.sampled_from(p)) for p in pairs])


def punnett_squares() -> st.SearchStrategy[SceneCase]:
    """A Punnett square of a one- or two-gene cross, with the genotype and phenotype counts it must show."""
    return _cross().map(lambda c: ms.punnett_scene(*c))


# --- graphs ------------------------------------------------------------------------------------------

@st.composite
def _graph(draw: st.DrawFn) -> tuple[int, list[tuple[int, int, int]], bool]:
    n = draw(st.integers(2, 7))
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=min(len(pairs), 10), unique=True))
    return n, [(i, j, draw(st.integers(1, 30))) for i, j in chosen], draw(st.booleans())


def graphs() -> st.SearchStrategy[SceneCase]:
    """A weighted graph (directed or not) on up to 7 nodes."""
    return _graph().map(lambda g: ms.graph_scene(*g))


@st.composite
def _parents(draw: st.DrawFn) -> list[int]:
    n = draw(st.integers(2, 9))
    return [draw(st.integers(0, i)) for i in range(n - 1)]


def trees() -> st.SearchStrategy[SceneCase]:
    """A tree on up to 9 nodes (each node hangs from an earlier one; shrinks towards a star)."""
    return _parents().map(ms.tree_scene)


@st.composite
def _decisions(draw: st.DrawFn) -> list[Optional[int]]:
    n = draw(st.integers(1, 6))
    steps: list[Optional[int]] = []
    for i in range(1, n + 1):
        others = [j for j in range(1, n + 2) if j not in (i, i + 1)]  # `yes` must differ from `no`
        steps.append(draw(st.none() | st.sampled_from(others)) if others else None)
    return steps


def flowcharts() -> st.SearchStrategy[SceneCase]:
    """A flowchart of up to 6 steps between start and end, some of them decisions jumping forwards or back."""
    return _decisions().map(ms.flowchart_scene)


# --- solids and tables -------------------------------------------------------------------------------

_TRIPLES = ((3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (6, 8, 10))


def solids() -> st.SearchStrategy[SceneCase]:
    """A cuboid with its space diagonal, or a cone given by radius and slant height (height solved)."""
    side = st.integers(2, 10)
    cones = st.tuples(st.sampled_from(_TRIPLES), st.booleans()).map(
        lambda tb: ms.cone_scene(tb[0][0] if tb[1] else tb[0][1], tb[0][2]))
    return st.one_of(st.builds(ms.cuboid_scene, side, side, side), cones)


def tables() -> st.SearchStrategy[SceneCase]:
    """A data table of up to 4 × 4 whole numbers with computed totals."""
    return st.integers(1, 4).flatmap(lambda cols: st.lists(
        st.lists(st.integers(-50, 500), min_size=cols, max_size=cols), min_size=1, max_size=4)).map(ms.table_scene)


# --- lab and biology ---------------------------------------------------------------------------------

def titrations() -> st.SearchStrategy[SceneCase]:
    """A burette on a stand over a flask, with initial and final readings; states the volume delivered."""
    initial = st.integers(0, 500)
    return st.builds(lambda i, d, c: ss.titration_scene(i, d, c), initial, st.integers(100, 4400),
                     st.sampled_from(["0.1000", "0.0500", "0.2000", "0.2503"]))


def _cell(kind: str) -> st.SearchStrategy[SceneCase]:
    organelles = st.lists(st.sampled_from(ss.ORGANELLES[kind]), max_size=6, unique=True)
    return organelles.map(lambda o: ss.cell_scene(kind, o))


def cells() -> st.SearchStrategy[SceneCase]:
    """An animal or plant cell diagram showing its nucleus and some of the organelles of its type."""
    return st.one_of(_cell("animal"), _cell("plant"))


def scenes() -> st.SearchStrategy[SceneCase]:
    """A valid scene of any domain."""
    return st.one_of(triangles(), circuits(), molecules(), reactions(), plots(), venns(), punnett_squares(),
                     tables(), graphs(), trees(), flowcharts(), solids(), titrations(), cells(), bodies())


# --- mutations: a valid scene broken in a known way ------------------------------------------------

def _broken(case: SceneCase, text: str, code: str, why: str, line: Optional[int] = None) -> BrokenScene:
    return BrokenScene(case.domain, text, code, why, line, case)


def _replace_line(text: str, number: int, new: str) -> str:
    lines = text.split("\n")
    lines[number - 1] = new
    return "\n".join(lines)


@st.composite
def contradictory_triangles(draw: st.DrawFn) -> BrokenScene:
    """A triangle given by ASA with a third angle that makes the angle sum differ from 180° (E1004)."""
    angles, sides = draw(_triangle_shape("ASA"))
    case = ms.triangle_scene(angles, sides, *_GIVENS["ASA"])
    third = next(f.value for f in case.facts if f.args == ("angle(ACB)",))
    off = draw(st.integers(1, 30).filter(lambda d: 0 < third + d < 180) | st.integers(-30, -1).filter(
        lambda d: 0 < third + d < 180))
    text = case.text + f"given angle(C) = {third + off:g} deg\n"
    return _broken(case, text, "E1004", f"the angles add up to {180 + off:g}°")


@st.composite
def impossible_triangles(draw: st.DrawFn) -> BrokenScene:
    """Three sides of which one is longer than the other two together (E1004)."""
    a, b = draw(st.integers(2, 8)), draw(st.integers(2, 8))
    c = a + b + draw(st.integers(1, 5))
    sides = (float(a), float(b), float(max(a, b)))  # the valid scene before AB was stretched
    case = ms.triangle_scene(ms.triangle_angles(*sides), sides, ("BC", "CA", "AB"), ())
    text = case.text.replace(f"length(AB) = {max(a, b)} cm", f"length(AB) = {c} cm")
    return _broken(case, text, "E1004", f"{a} + {b} < {c}")


@st.composite
def nonpositive_resistances(draw: st.DrawFn) -> BrokenScene:
    """A circuit with one resistance made zero or negative (E2015, on that resistor's line)."""
    case = draw(circuits())
    lines = case.text.split("\n")
    index = draw(st.sampled_from([i for i, ln in enumerate(lines) if ln.startswith("resistor ")]))
    value = draw(st.integers(-12, 0))
    head, _, tail = lines[index].partition("resistance: ")
    text = _replace_line(case.text, index + 1, f"{head}resistance: {value} ohm{tail.partition(' ohm')[2]}")
    return _broken(case, text, "E2015", f"a resistance of {value} ohm", index + 1)


@st.composite
def undeclared_parts(draw: st.DrawFn) -> BrokenScene:
    """A nested circuit whose loop names a part that is not declared (E2002, on the circuit's line)."""
    case = draw(circuits(netlist=False))
    lines = case.text.rstrip("\n").split("\n")
    text = _replace_line(case.text, len(lines), lines[-1].replace("loop: [E, ", "loop: [E, X9, "))
    return _broken(case, text, "E2002", "the loop names X9", len(lines))


@st.composite
def overvalent_molecules(draw: st.DrawFn) -> BrokenScene:
    """A corpus molecule with five more bonds on its first carbon (E3004)."""
    index = draw(st.sampled_from([i for i, m in enumerate(corpus.MOLECULES)
                                  if m[1].startswith("C") and not m[1].startswith("Cl")]))
    case = ss.molecule_scene(index)
    smiles = corpus.MOLECULES[index][1]
    text = case.text.replace(f'"{smiles}"', f'"C(C)(C)(C)(C)(C){smiles[1:]}"')
    return _broken(case, text, "E3004", "a carbon with too many bonds", 1)


@st.composite
def unbalanced_reactions(draw: st.DrawFn) -> BrokenScene:
    """A balanced reaction with one coefficient changed (E3020)."""
    reaction = draw(_REACTIONS)
    terms = [t for side in reaction for t in side]
    k = draw(st.integers(0, len(terms) - 1))
    old = terms[k][0]
    new = draw(st.integers(1, 12).filter(lambda v: v != old))
    terms[k] = (new, terms[k][1])
    changed = (tuple(terms[:len(reaction[0])]), tuple(terms[len(reaction[0]):]))
    case = ss.reaction_scene(reaction)
    text = f'reaction r {{ equation: "{corpus.equation_text(changed)}" }}\n'
    return _broken(case, text, "E3020", f"{terms[k][1]} with coefficient {new} instead of {old}", 1)


@st.composite
def foreign_plot_names(draw: st.DrawFn) -> BrokenScene:
    """A plotted function that uses a name other than x (E6002)."""
    case = ms.polynomial_plot(*draw(_POLYNOMIALS))
    name = draw(st.sampled_from(["z", "a", "t", "y"]))
    text = case.text.replace(", x: [", f" + {name}, x: [", 1)
    return _broken(case, text, "E6002", f"the function uses {name}", 1)


@st.composite
def wrong_venn_totals(draw: st.DrawFn) -> BrokenScene:
    """A Venn diagram whose total differs from the sum of its regions and outside count (E7506)."""
    n, counts, outside = draw(_VENN_COUNTS)
    case = ms.venn_scene(n, counts, outside, False)
    total = sum(counts.values()) + outside
    wrong = total + draw(st.integers(1, 20) | st.integers(-20, -1).filter(lambda d: total + d >= 0))
    text = case.text.replace(f"total: {total} }}", f"total: {wrong} }}")
    return _broken(case, text, "E7506", f"a total of {wrong} for {total} counted", 1)


@st.composite
def mismatched_crosses(draw: st.DrawFn) -> BrokenScene:
    """A cross whose second parent has another gene than the first (E7022)."""
    first, second = draw(_cross())
    letter = next(g for g in "QRSTUVW" if g not in "".join(first).upper())
    second = [letter + letter.lower()] + second[1:]
    case = ms.punnett_scene(first, first)
    text = f'punnett_square p {{ cross: "{"".join(first)} x {"".join(second)}" }}\n'
    return _broken(case, text, "E7022", "the parents have different genes", 1)


@st.composite
def wrong_row_totals(draw: st.DrawFn) -> BrokenScene:
    """A data table whose stated row totals are off in one row (E7005)."""
    case = draw(tables())
    sums = [int(f.value.replace("−", "-")) for f in case.facts if f.predicate == "row_total"]
    i = draw(st.integers(0, len(sums) - 1))
    sums[i] += draw(st.integers(1, 50) | st.integers(-50, -1))
    text = case.text.replace("totals: true", f"row_totals: [{', '.join(map(str, sums))}]")
    return _broken(case, text, "E7005", f"row {i + 1}'s total is off", 1)


@st.composite
def undecided_decisions(draw: st.DrawFn) -> BrokenScene:
    """A flowchart decision whose two exits lead to the same step (E8020, on its line)."""
    steps = draw(_decisions())
    case = ms.flowchart_scene(steps)
    i = draw(st.integers(1, len(steps)))
    line = f'step s{i} "Test {i}?" {{ shape: decision, yes: s{i + 1}, no: s{i + 1} }}'
    return _broken(case, _replace_line(case.text, i + 1, line), "E8020", f"both exits of s{i} lead to s{i + 1}", i + 1)


@st.composite
def overread_burettes(draw: st.DrawFn) -> BrokenScene:
    """A titration whose burette reads past its 50 mL capacity (E9501, on the burette's line)."""
    case = draw(titrations())
    reading = next(f.value for f in case.facts if f.predicate == "reading")
    wrong = f"{draw(st.integers(5001, 9999)) / 100:.2f} mL"
    return _broken(case, case.text.replace(f"reading: {reading}", f"reading: {wrong}"), "E9501",
                   f"a reading of {wrong}", 2)


@st.composite
def misplaced_organelles(draw: st.DrawFn) -> BrokenScene:
    """An animal cell showing an organelle only plant cells have (E9002)."""
    case = draw(_cell("animal"))
    extra = draw(st.sampled_from(["chloroplast", "cell_wall", "central_vacuole"]))
    text = case.text.replace("organelles: [nucleus", f"organelles: [nucleus, {extra}")
    return _broken(case, text, "E9002", f"an animal cell with a {extra}", 1)


@st.composite
def dangling_edges(draw: st.DrawFn) -> BrokenScene:
    """A graph with an edge to a node that is not in its node list (E8001)."""
    n, edges, directed = draw(_graph())
    case = ms.graph_scene(n, edges, directed)
    other = draw(st.integers(0, n - 1))
    text = case.text.replace("], directed:", f", [N{other}, X9, 1]], directed:")
    return _broken(case, text, "E8001", "an edge to X9", 1)


@st.composite
def cyclic_trees(draw: st.DrawFn) -> BrokenScene:
    """A tree with one more edge, which closes a cycle (E8005)."""
    parents = draw(_parents().filter(lambda p: len(p) >= 2))
    case = ms.tree_scene(parents)
    edges = {(p, i + 1) for i, p in enumerate(parents)}
    pairs = [(a, b) for a in range(len(parents) + 1) for b in range(a + 1, len(parents) + 1)
             if (a, b) not in edges]
    a, b = draw(st.sampled_from(pairs))
    text = case.text.replace("]] }", f"], [T{a}, T{b}]] }}")
    return _broken(case, text, "E8005", f"the edge T{a}–T{b} closes a cycle", 1)


@st.composite
def open_netlists(draw: st.DrawFn) -> BrokenScene:
    """A netlist with one resistor's second node moved to a node nothing else touches (E2007, on its line)."""
    case = draw(netlists())
    lines = case.text.split("\n")
    index = draw(st.sampled_from([i for i, ln in enumerate(lines) if ln.startswith("resistor ")]))
    head, _, tail = lines[index].partition(", ")
    text = _replace_line(case.text, index + 1, f"{head}, n99]{tail.partition(']')[2]}")
    return _broken(case, text, "E2007", f"{head.split()[1]} ends at an unconnected node", index + 1)


@st.composite
def impossible_cones(draw: st.DrawFn) -> BrokenScene:
    """A cone whose slant height is not longer than its radius (E8508)."""
    radius = draw(st.integers(2, 12))
    case = ms.cone_scene(radius, radius + draw(st.integers(1, 5)))
    slant = radius - draw(st.integers(0, radius - 1))
    text = f"cone k {{ radius: {radius} cm, slant_height: {slant} cm, apex: V, center: O, rim: A }}\n"
    return _broken(case, text, "E8508", f"a slant height of {slant} cm for a radius of {radius} cm", 1)


@st.composite
def contradicted_diagonals(draw: st.DrawFn) -> BrokenScene:
    """A cuboid with a given space diagonal that its edges do not make (E8509, on the given's line)."""
    case = draw(solids().filter(lambda c: c.text.startswith("cuboid")))
    diagonal = next(f.value for f in case.facts if f.predicate == "length")
    wrong = draw(st.integers(1, 40).filter(lambda d: abs(d - diagonal) > 0.5))
    return _broken(case, case.text + f"given length(AG) = {wrong} cm\n", "E8509",
                   f"a diagonal of {wrong} cm for edges that make {diagonal:.3g} cm", 3)


def broken_scenes() -> st.SearchStrategy[BrokenScene]:
    """A broken scene of any domain, with the code it must get."""
    return st.one_of(contradictory_triangles(), impossible_triangles(), nonpositive_resistances(),
                     undeclared_parts(), overvalent_molecules(), unbalanced_reactions(), foreign_plot_names(),
                     wrong_venn_totals(), mismatched_crosses(), wrong_row_totals(), undecided_decisions(),
                     overread_burettes(), misplaced_organelles(), dangling_edges(), cyclic_trees(), steep_inclines(),
                     cyclic_placements(), overhanging_bodies(), open_netlists(), impossible_cones(),
                     contradicted_diagonals())
