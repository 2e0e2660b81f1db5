"""Fact audit: the facts a compiled figure states are recomputed here by a second, independent method.

Plot roots and extrema are substituted back into the function; Venn and table totals are recounted;
molecule counts come from RDKit directly; geometry facts are measured on the drawn page.
"""
from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import scidsl
from scidsl.expr import evaluate_constant
from scidsl.syntax import parse_value_text


def _facts(result: scidsl.pipeline.Result, predicate: str) -> list:
    return [f for f in result.facts if f.predicate == predicate]


def _number(text: str) -> float:
    """A compiler-written exact value ("180*acos(11/14)/pi") evaluated by the scene's own expression grammar."""
    value, diags = parse_value_text(text)
    assert not diags, text
    return evaluate_constant(value)


# --- plots: every stated root makes f zero, every stated extremum makes f' zero -----------------

@settings(max_examples=25, deadline=None)
@given(roots=st.lists(st.integers(-4, 4), min_size=2, max_size=3, unique=True),
       a=st.sampled_from([-2, -1, 1, 3]))
def test_plot_roots_and_extrema_substituted_back(roots: list[int], a: int) -> None:
    def f(x: float) -> float:
        return a * math.prod(x - r for r in roots)

    body = "*".join(f"(x - ({r}))" for r in roots)
    text = f'plot P {{ xlim: [-6, 6], ylim: [-300, 300] }}\nfunction f on P {{ y: {a}*{body}, mark: [roots, minimum, maximum] }}'
    result = scidsl.compile(text, verify=False)
    assert result.ok, [d.message for d in result.diagnostics]
    points = _facts(result, "marked_point")
    stated_roots = sorted(p.value[0] for p in points if p.args[1] == "root")
    assert stated_roots == pytest.approx(sorted(roots), abs=1e-6)
    for p in points:
        x, y = p.value
        assert y == pytest.approx(f(x), abs=1e-6)
        if p.args[1] in ("minimum", "maximum"):
            h = 1e-4
            slope = (f(x + h) - f(x - h)) / (2 * h)
            assert abs(slope) < 1e-3 * max(1.0, abs(y))
            sign = 1 if p.args[1] == "minimum" else -1
            assert sign * (f(x + 0.05) - y) > 0 and sign * (f(x - 0.05) - y) > 0


@settings(max_examples=30, deadline=None)
@given(roots=st.lists(st.integers(-4, 4), min_size=1, max_size=2, unique=True), pole=st.integers(-5, 5),
       c=st.sampled_from([0, -2, 1, 3]), k=st.sampled_from([0, 1, 2]), tangent=st.booleans())
def test_marked_points_of_functions_with_poles_are_true(roots: list[int], pole: int, c: int, k: int,
                                                        tangent: bool) -> None:
    def f(x: float) -> float:
        poly = math.prod(x - r for r in roots)
        wave = math.tan(x / 2) if tangent else math.sin(k * x)
        return poly + c / (x - pole - 0.5) + wave

    body = "*".join(f"(x - ({r}))" for r in roots)
    wave = "tan(x/2)" if tangent else f"sin({k}*x)"
    text = (f"plot P {{ xlim: [-6, 6], ylim: [-30, 30] }}\nfunction f on P {{ y: {body} + {c}/(x - ({pole + 0.5})) "
            f"+ {wave}, mark: [roots, minimum, maximum], answer: hidden }}")
    result = scidsl.compile(text, verify=False)
    assume("E5005" not in {d.code for d in result.diagnostics})  # crowded labels: no figure, no facts
    assert result.ok, [d.message for d in result.diagnostics]
    for p in _facts(result, "marked_point"):
        x, y = p.value
        h = 1e-7
        assert math.isfinite(y) and y == pytest.approx(f(x), abs=1e-6 * (1 + abs(y))), p.text
        # continuous at the point: a pole is neither a root nor an extremum
        assert all(abs(f(x + d) - y) <= 1e-3 * (1 + abs(y)) for d in (-h, h)), p.text
        if p.args[1] == "root":
            assert abs(y) <= 1e-6, p.text
        elif p.args[1] in ("minimum", "maximum"):
            sign = 1 if p.args[1] == "minimum" else -1
            assert all(sign * (f(x + d) - y) >= -1e-9 * (1 + abs(y)) for d in (-1e-3, 1e-3)), p.text


# --- sets: regions, sizes, unions and the total recounted from the region counts ------------------

@settings(max_examples=25, deadline=None)
@given(regions=st.lists(st.integers(0, 30), min_size=8, max_size=8))
def test_venn_counts_recounted(regions: list[int]) -> None:
    names = ["X", "Y", "Z"]
    # region i holds the elements in exactly the sets whose bits are set in i (0 = outside)
    def size(members: set[int]) -> int:
        return sum(regions[i] for i in range(8) if all(i >> k & 1 for k in members))

    pairs = [({0}, "X"), ({1}, "Y"), ({2}, "Z"), ({0, 1}, "X & Y"), ({0, 2}, "X & Z"), ({1, 2}, "Y & Z"),
             ({0, 1, 2}, "X & Y & Z")]
    sizes = ", ".join(f'["{n}", {size(m)}]' for m, n in pairs)
    total = sum(regions)
    text = f'venn v {{ sets: ["X", "Y", "Z"], sizes: [{sizes}], total: {total} }}'
    result = scidsl.compile(text, verify=False)
    assert result.ok, [d.message for d in result.diagnostics]
    by_name = {f.args[1]: f.value for f in _facts(result, "region")}
    assert by_name["outside"] == regions[0]
    assert by_name["X only"] == regions[1] and by_name["Y only"] == regions[2] and by_name["Z only"] == regions[4]
    assert sum(by_name.values()) == total
    assert [f.value for f in _facts(result, "total")] == [total]
    for f in _facts(result, "union"):
        assert f.value == total - regions[0]
    for f in _facts(result, "size"):
        assert f.value == size({names.index(f.args[1])})


# --- tables: row, column and grand totals recomputed from the cells ------------------------------

@settings(max_examples=20, deadline=None)
@given(cells=st.integers(1, 3).flatmap(lambda c: st.lists(st.lists(st.integers(0, 99), min_size=c, max_size=c),
                                                         min_size=1, max_size=3)))
def test_table_totals_recomputed(cells: list[list[int]]) -> None:
    cols = [f"c{j}" for j in range(len(cells[0]))]
    rows = [f"r{i}" for i in range(len(cells))]
    text = (f'table t {{ columns: [{", ".join(repr(c).replace(chr(39), chr(34)) for c in cols)}], '
            f'rows: [{", ".join(chr(34) + r + chr(34) for r in rows)}], cells: {cells}, totals: true }}')
    result = scidsl.compile(text, verify=False)
    assert result.ok, [d.message for d in result.diagnostics]
    rows_t = {f.args[1]: int(f.value) for f in _facts(result, "row_total")}
    cols_t = {f.args[1]: int(f.value) for f in _facts(result, "column_total")}
    assert rows_t == {r: sum(row) for r, row in zip(rows, cells)}
    assert cols_t == {c: sum(row[j] for row in cells) for j, c in enumerate(cols)}
    assert [int(f.value) for f in _facts(result, "grand_total")] == [sum(map(sum, cells))]


# --- chemistry: counts against RDKit, computed here from the same SMILES --------------------------

_POOL = ["CCO", "CC(=O)O", "c1ccccc1", "N[C@@H](C)C(=O)O", "OC1CCCCC1C=O", "C#N", "CC(C)(C)O", "[NH4+]",
         "CC(=O)[O-]", "O=C=O", "C1CC1", "c1ccncc1", "OCC(O)CO", "C=CC=C", "CS(=O)(=O)O"]


@st.composite
def smiles(draw: st.DrawFn) -> str:
    """A SMILES from a small pool, or a random chain of C, N and O with an optional ring."""
    if draw(st.booleans()):
        return draw(st.sampled_from(_POOL))
    atoms = draw(st.lists(st.sampled_from(["C", "C", "C", "N", "O"]), min_size=1, max_size=8))
    text = "".join(atoms)
    if len(atoms) >= 5 and draw(st.booleans()):
        text = atoms[0] + "1" + "".join(atoms[1:]) + "1"
    return text


@settings(max_examples=30, deadline=None)
@given(text=smiles())
def test_molecule_counts_agree_with_rdkit(text: str) -> None:
    from rdkit import Chem
    from rdkit.Chem import Descriptors, rdMolDescriptors

    mol = Chem.MolFromSmiles(text)
    assume(mol is not None)
    result = scidsl.compile(f'molecule m {{ smiles: "{text}" }}', verify=False)
    assume(result.ok)
    full = Chem.AddHs(mol)
    one = {f.predicate: f.value for f in result.facts if len(f.args) == 1}
    assert one["atom_count"] == full.GetNumAtoms()
    assert one["ring_count"] == rdMolDescriptors.CalcNumRings(mol)
    assert one["net_charge"] == Chem.GetFormalCharge(mol)
    assert one["formula"].replace("+", "").replace("-", "") == \
        rdMolDescriptors.CalcMolFormula(mol).replace("+", "").replace("-", "")
    assert one["molar_mass"] == pytest.approx(Descriptors.MolWt(mol), abs=1e-3)
    elements: dict[str, int] = {}
    for atom in full.GetAtoms():
        elements[atom.GetSymbol()] = elements.get(atom.GetSymbol(), 0) + 1
    assert {f.args[1]: f.value for f in _facts(result, "element_count")} == elements
    assert sum(f.value for f in _facts(result, "bond_count")) == full.GetNumBonds()


# --- geometry: lengths and angles measured on the drawn page ---------------------------------------

@settings(max_examples=15, deadline=None)
@given(sides=st.lists(st.integers(2, 12), min_size=3, max_size=3))
def test_triangle_facts_measured_on_the_page(sides: list[int]) -> None:
    ab, bc, ca = sides
    assume(ab + bc > ca + 0.5 and bc + ca > ab + 0.5 and ca + ab > bc + 0.5)
    text = f"triangle ABC\ngiven length(AB) = {ab} cm\ngiven length(BC) = {bc} cm\ngiven length(AC) = {ca} cm"
    result = scidsl.compile(text)
    assert result.ok, [d.message for d in result.diagnostics]
    pts = result.drawing.anchors

    def measured_angle(at: str, p: str, q: str) -> float:
        (x, y), (x1, y1), (x2, y2) = pts[at], pts[p], pts[q]
        a1, a2 = math.atan2(y1 - y, x1 - x), math.atan2(y2 - y, x2 - x)
        return math.degrees(abs((a1 - a2 + math.pi) % (2 * math.pi) - math.pi))

    scale = math.dist(pts["A"], pts["B"]) / ab
    exact = {f.args[0]: _number(f.value) for f in _facts(result, "exact")}
    for key, value in exact.items():
        name = key[key.index("(") + 1:-1]
        if key.startswith("length"):
            assert value == pytest.approx(math.dist(pts[name[0]], pts[name[1]]) / scale, rel=1e-6)
        else:
            assert value == pytest.approx(measured_angle(name[1], name[0], name[2]), abs=1e-6)
    law = math.degrees(math.acos((ab ** 2 + ca ** 2 - bc ** 2) / (2 * ab * ca)))
    assert measured_angle("A", "B", "C") == pytest.approx(law, abs=1e-6)


@settings(max_examples=15, deadline=None)
@given(ab=st.integers(3, 10), ac=st.integers(3, 10), angle=st.integers(5, 28).map(lambda k: 5 * k))
def test_constructions_measured_on_the_page_against_the_given_values(ab: int, ac: int, angle: int) -> None:
    text = (f"triangle ABC\ngiven length(AB) = {ab} cm\ngiven angle(A) = {angle} deg\ngiven length(AC) = {ac} cm\n"
            "altitude CD of ABC from C\nmidpoint M of AB\ncircumcircle k of ABC")
    result = scidsl.compile(text, verify=False)
    assume("E5005" not in {d.code for d in result.diagnostics})
    assert result.ok, [d.message for d in result.diagnostics]
    pts = result.drawing.anchors
    scale = math.dist(pts["A"], pts["B"]) / ab
    # the law of cosines and of sines from the given values alone
    bc = math.sqrt(ab ** 2 + ac ** 2 - 2 * ab * ac * math.cos(math.radians(angle)))
    assert math.dist(pts["B"], pts["C"]) / scale == pytest.approx(bc, rel=1e-6)
    (radius,) = [f.value for f in _facts(result, "circle") if f.args == ("k",)]
    assert float(radius) == pytest.approx(bc / (2 * math.sin(math.radians(angle))), rel=1e-5)
    exact = {f.args[0]: _number(f.value) for f in _facts(result, "exact")}
    assert exact["length(BC)"] == pytest.approx(bc, rel=1e-9)
    # D is the foot of the altitude: CD is perpendicular to AB, D on line AB; M halves AB
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = pts["A"], pts["B"], pts["C"], pts["D"]
    assert (cx - dx) * (bx - ax) + (cy - dy) * (by - ay) == pytest.approx(0, abs=1e-6 * scale * ab * ac)
    assert (dx - ax) * (by - ay) - (dy - ay) * (bx - ax) == pytest.approx(0, abs=1e-6 * scale ** 2 * ab ** 2)
    assert math.dist(pts["A"], pts["M"]) == pytest.approx(math.dist(pts["M"], pts["B"]), rel=1e-9)
    assert [f.value for f in _facts(result, "right_angle") if f.args == ("D",)] == [90]
