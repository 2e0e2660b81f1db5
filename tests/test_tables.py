"""Tables: totals computed and checked, Punnett squares derived from the cross, both measured on the page."""
from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

import scidsl
from scidsl.domains.tables import genetics as gen
from tests.conftest import compile_ok as _compile
from tests.conftest import layout_and_page

CODES_TESTED_HERE = ("E7013", "E7014", "E7025")



def _grid_and_page(text: str):  # type: ignore[no-untyped-def]
    """The tables layout of a scene and its drawn page (the compiler's own steps)."""
    grids, page = layout_and_page(text, "tables")
    return grids[0], page


def _facts(result, predicate: str) -> dict:  # type: ignore[no-untyped-def]
    return {f.args[1:]: f.value for f in result.facts if f.predicate == predicate}


def test_totals_are_computed() -> None:
    result = _compile('table t { rows: ["a", "b"], columns: ["x", "y"], cells: [[55, 295], [231, 219]], totals: true }')
    assert _facts(result, "row_total") == {("a",): "350", ("b",): "450"}
    assert _facts(result, "column_total") == {("x",): "286", ("y",): "514"}
    assert _facts(result, "grand_total") == {(): "800"}


def test_decimal_totals_have_no_floating_point_noise() -> None:
    result = _compile("table t { cells: [[0.1, 0.2], [-0.5, 1.25]], totals: true }")
    assert sorted(_facts(result, "row_total").values()) == ["0.3", "0.75"]
    assert _facts(result, "grand_total") == {(): "1.05"}
    assert _facts(result, "cell")[("row 2", "column 1")] == "−0.5"


def test_quantities_total_in_their_unit_and_round_trip_json() -> None:
    text = 'table t { columns: ["m"], cells: [[2 kg], [3.5 kg]], totals: columns }'
    result = _compile(text)
    assert _facts(result, "column_total") == {("m",): "5.5 kg"}
    again = scidsl.compile(result.scene.to_json(), "t.json")
    assert again.ok and again.scene == result.scene


def test_mixed_units_cannot_be_totalled() -> None:
    result = scidsl.compile("table t { cells: [[2 kg, 3 g]], totals: rows }", "t.sdl")
    assert [d.code for d in result.errors] == ["E7008"]


def test_header_total_row_is_checked_not_added() -> None:
    result = _compile('table t { rows: ["a", "Total"], columns: ["x", "y", "Total"], cells: [[1, 2, 3], [1, 2, 3]] }')
    assert _facts(result, "grand_total") == {(): "3"}
    assert len(_facts(result, "row_total")) == 1


def test_highlight_by_header_names() -> None:
    grid, _ = _grid_and_page('table t { rows: ["a", "b"], columns: ["x", "y"], cells: [[1, 2], [3, 4]], '
                             'highlight: [["b", "x"], [1, 2]] }')
    filled = {(r, c) for r, row in enumerate(grid.cells) for c, cell in enumerate(row) if cell.role == "data" and cell.fill}
    assert filled == {(2, 1), (1, 2)}


def _table_text(cells: list[list[int]], extra: str = "") -> str:
    rows = ", ".join("[" + ", ".join(str(v) for v in row) + "]" for row in cells)
    return f"table t {{ cells: [{rows}], totals: true{extra} }}"


TABLES = st.integers(1, 4).flatmap(lambda n_cols: st.lists(
    st.lists(st.integers(-500, 5000), min_size=n_cols, max_size=n_cols), min_size=1, max_size=5))


@settings(max_examples=12, deadline=None)
@given(TABLES)
def test_random_tables_compile_verify_and_total(cells: list[list[int]]) -> None:
    result = _compile(_table_text(cells))
    totals = sorted(_facts(result, "row_total").values())
    assert totals == sorted(str(sum(row)).replace("-", "−") for row in cells)
    assert _facts(result, "grand_total") == {(): str(sum(map(sum, cells))).replace("-", "−")}


@settings(max_examples=15, deadline=None)
@given(TABLES, st.data())
def test_a_wrong_row_total_is_always_reported(cells: list[list[int]], data) -> None:  # type: ignore[no-untyped-def]
    totals = [sum(row) for row in cells]
    i = data.draw(st.integers(0, len(cells) - 1))
    totals[i] += data.draw(st.integers(1, 100) | st.integers(-100, -1))
    result = scidsl.compile(_table_text(cells, f", row_totals: [{', '.join(map(str, totals))}]"), "t.sdl")
    assert [d.code for d in result.errors] == ["E7005"]
    assert f"row {i + 1}" in result.errors[0].message


@settings(max_examples=15, deadline=None)
@given(TABLES, st.data())
def test_a_wrong_column_total_is_always_reported(cells: list[list[int]], data) -> None:  # type: ignore[no-untyped-def]
    totals = [sum(col) for col in zip(*cells)]
    j = data.draw(st.integers(0, len(totals) - 1))
    totals[j] -= data.draw(st.integers(1, 1000))
    result = scidsl.compile(_table_text(cells, f", column_totals: [{', '.join(map(str, totals))}]"), "t.sdl")
    assert [d.code for d in result.errors] == ["E7006"]
    assert f"column {j + 1}" in result.errors[0].message


def test_monohybrid_ratios() -> None:
    result = _compile('punnett_square p { cross: "Aa x Aa", traits: [["purple", "white"]] }')
    facts = {f.predicate: f.value for f in result.facts}
    assert facts["genotype_ratio"] == {"AA": 1, "Aa": 2, "aa": 1}
    assert facts["phenotype_ratio"] == {"purple": 3, "white": 1}


def test_dihybrid_gives_nine_three_three_one() -> None:
    result = _compile('punnett_square p { cross: "RrYy x RrYy" }')
    ratio = next(f for f in result.facts if f.predicate == "phenotype_ratio")
    assert list(ratio.value.values()) == [9, 3, 3, 1]
    assert "9 R_ Y_" in ratio.text


GENOTYPES = st.lists(st.sampled_from(["AA", "Aa", "aa"]), min_size=1, max_size=2).map(
    lambda pairs: "".join(p if i == 0 else p.replace("A", "B").replace("a", "b") for i, p in enumerate(pairs)))


@settings(max_examples=12, deadline=None)
@given(GENOTYPES, st.data())
def test_random_crosses_follow_mendel(first: str, data) -> None:  # type: ignore[no-untyped-def]
    second = "".join(data.draw(st.sampled_from([g[i].upper() * 2, g[i].upper() + g[i].lower(), g[i].lower() * 2]))
                     for g in [first] for i in range(0, len(first), 2))
    result = _compile(f'punnett_square p {{ cross: "{first} x {second}" }}')
    offspring = [f for f in result.facts if f.predicate == "offspring"]
    assert len(offspring) == 4 ** (len(first) // 2)
    for f in offspring:
        row, col = f.args[1], f.args[2]
        assert sorted(f.value) == sorted(row + col)
    ratio = next(f for f in result.facts if f.predicate == "phenotype_ratio").value
    # each gene independently: P(dominant) = 1 - P(both gametes recessive)
    p = 1.0
    for i in range(0, len(first), 2):
        p *= 1 - (first[i:i + 2].count(first[i].lower()) / 2) * (second[i:i + 2].count(first[i].lower()) / 2)
    top = ratio.get(" ".join(f"{g.upper()}_" for g in first[::2]), 0)
    assert top == round(p * 4 ** (len(first) // 2))


def test_gametes_and_offspring_helpers() -> None:
    assert gen.gametes(gen.parse_genotype("AaBb")) == ["AB", "Ab", "aB", "ab"]
    assert gen.offspring("ab", "AB") == "AaBb"
    assert str(gen.parse_cross("aA x AA").first) == "Aa"


def _tamper(page, role: str, owner: str, **changes):  # type: ignore[no-untyped-def]
    from scidsl.primitives import Drawing, Text

    items = [replace(it, **changes) if isinstance(it, Text) and it.role == role and it.owner == owner else it
             for it in page.items]
    return Drawing(items, page.labels, page.anchors)


def test_verify_reads_totals_from_the_page() -> None:
    from scidsl.domains.tables.verify import verify_grid

    grid, page = _grid_and_page("table t { cells: [[1, 2], [3, 4]], totals: true }")
    assert verify_grid(grid, page) == []
    codes = [d.code for d in verify_grid(grid, _tamper(page, "cell 1 2", "t", text="4"))]
    assert codes == ["E7013"]


def test_verify_finds_text_outside_its_cell() -> None:
    from scidsl.domains.tables.verify import verify_grid

    grid, page = _grid_and_page("table t { cells: [[1, 2], [3, 4]] }")
    text = next(it for it in page.items if getattr(it, "role", "") == "cell 0 0")
    moved = _tamper(page, "cell 0 0", "t", pos=(text.pos[0] + 3.0, text.pos[1]))
    assert [d.code for d in verify_grid(grid, moved)] == ["E7014"]


def test_verify_checks_offspring_against_gametes() -> None:
    from scidsl.domains.tables.verify import verify_grid

    grid, page = _grid_and_page('punnett_square p { cross: "Aa x Aa" }')
    assert verify_grid(grid, page) == []
    assert [d.code for d in verify_grid(grid, _tamper(page, "cell 1 1", "p", text="$aa$"))] == ["E7025"]


def test_trihybrid_fits_the_page_with_its_legend_beside_it() -> None:
    grid, _ = _grid_and_page('punnett_square p { cross: "AaBbCc x AaBbCc" }')
    assert grid.legend_right and len(grid.legend) == 8
    result = _compile('punnett_square p { cross: "AaBbCc x AaBbCc" }')
    ratio = next(f for f in result.facts if f.predicate == "phenotype_ratio")
    assert sorted(ratio.value.values()) == [1, 3, 3, 3, 9, 9, 9, 27]
