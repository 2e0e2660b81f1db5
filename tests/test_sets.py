"""Venn diagrams: keys read, regions computed from sizes, sums checked, counts measured inside their regions."""
from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scidsl
from scidsl.domains.sets.regions import RegionError, matching, read_key
from tests.conftest import layout_and_page

CODES_TESTED_HERE = ("E7510",)
NAMES = ["A", "B", "C"]


def _compile(text: str):  # type: ignore[no-untyped-def]
    result = scidsl.compile(text, "v.sdl")
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    return result


def _facts(result, predicate: str) -> dict:  # type: ignore[no-untyped-def]
    return {f.args[1] if len(f.args) > 1 else None: f.value for f in result.facts if f.predicate == predicate}


def test_keys_name_regions_in_several_spellings() -> None:
    sets = ["A", "B", "Rh+"]
    assert read_key("A & Rh+", sets) == ({0, 2}, set())
    assert read_key("A ∩ B'", sets) == ({0}, {1})
    assert read_key("A only", sets) == ({0}, set())
    assert read_key(["B", "Rh+"], sets) == ({1, 2}, set())
    assert read_key("a and not b", sets) == ({0}, {1})
    assert read_key("outside", sets) == (set(), {0, 1, 2})
    assert matching("A", sets) == [1, 3, 5, 7]
    with pytest.raises(RegionError):
        read_key("A & D", sets)


def test_spaces_in_set_names_and_between_names() -> None:
    sets = ["Plays chess", "Plays go"]
    assert read_key("Plays chess & Plays go", sets) == ({0, 1}, set())
    assert read_key("A B", ["A", "B"]) == ({0, 1}, set())
    assert read_key("ABC", ["A", "B", "C"]) == ({0, 1, 2}, set())


def test_blood_types_reference() -> None:
    from tests.conftest import EXAMPLES

    result = _compile((EXAMPLES / "reference" / "math-sp-cm-venn3-blood.sdl").read_text("utf-8"))
    sizes = _facts(result, "size")
    assert sizes == {"A": 46, "B": 14, "Rh+": 84}
    assert _facts(result, "intersection")["A ∩ B"] == 4
    assert _facts(result, "total") == {None: 100}


def test_regions_are_computed_from_sizes() -> None:
    result = _compile('venn v { sets: ["F", "T"], regions: [["F & T", 6]], sizes: [["F", 22], ["T", 15]], total: 40 }')
    regions = _facts(result, "region")
    assert regions == {"F only": 16, "T only": 9, "F ∩ T only": 6, "outside": 9}


def test_fractional_probabilities_are_allowed() -> None:
    result = _compile('venn v { sets: ["A", "B"], regions: [["A", 0.3], ["B", 0.25], ["A & B", 0.15]], total: 1 }')
    assert _facts(result, "region")["outside"] == pytest.approx(0.3)


def _venn_text(n: int, counts: dict[int, int], outside: int, extra: str = "") -> str:
    entries = []
    for mask, value in counts.items():
        key = " & ".join(NAMES[i] for i in range(n) if mask >> i & 1)
        entries.append(f'["{key}", {value}]')
    sets = ", ".join(f'"{s}"' for s in NAMES[:n])
    return f"venn v {{ sets: [{sets}], regions: [{', '.join(entries)}], outside: {outside}{extra} }}"


VENNS = st.integers(2, 3).flatmap(lambda n: st.tuples(
    st.just(n), st.fixed_dictionaries({m: st.integers(0, 999) for m in range(1, 1 << n)}), st.integers(0, 999)))


@settings(max_examples=10, deadline=None)
@given(VENNS)
def test_random_counts_compile_and_verify(venn) -> None:  # type: ignore[no-untyped-def]
    n, counts, outside = venn
    total = sum(counts.values()) + outside
    result = _compile(_venn_text(n, counts, outside, f", total: {total}"))
    sizes = _facts(result, "size")
    for i in range(n):
        assert sizes[NAMES[i]] == sum(v for m, v in counts.items() if m >> i & 1)
    assert _facts(result, "total") == {None: total}


@settings(max_examples=15, deadline=None)
@given(VENNS, st.data())
def test_a_wrong_set_size_names_the_set(venn, data) -> None:  # type: ignore[no-untyped-def]
    n, counts, outside = venn
    i = data.draw(st.integers(0, n - 1))
    size = sum(v for m, v in counts.items() if m >> i & 1) + data.draw(st.integers(1, 50))
    result = scidsl.compile(_venn_text(n, counts, outside, f', sizes: [["{NAMES[i]}", {size}]]'), "v.sdl")
    assert [d.code for d in result.errors] == ["E7505"]
    assert f"regions of {NAMES[i]} add up" in result.errors[0].message


@settings(max_examples=15, deadline=None)
@given(VENNS, st.integers(1, 100))
def test_a_wrong_total_is_always_reported(venn, off: int) -> None:  # type: ignore[no-untyped-def]
    n, counts, outside = venn
    total = sum(counts.values()) + outside + off
    result = scidsl.compile(_venn_text(n, counts, outside, f", total: {total}"), "v.sdl")
    assert [d.code for d in result.errors] == ["E7506"]


@settings(max_examples=10, deadline=None)
@given(st.integers(2, 3), st.data())
def test_sizes_of_every_intersection_determine_every_region(n: int, data) -> None:  # type: ignore[no-untyped-def]
    counts = {m: data.draw(st.integers(0, 60)) for m in range(1, 1 << n)}
    sizes = []
    for size in range(1, n + 1):
        for combo in itertools.combinations(range(n), size):
            key = " & ".join(NAMES[i] for i in combo)
            sizes.append(f'["{key}", {sum(v for m, v in counts.items() if all(m >> i & 1 for i in combo))}]')
    sets = ", ".join(f'"{s}"' for s in NAMES[:n])
    result = _compile(f"venn v {{ sets: [{sets}], sizes: [{', '.join(sizes)}] }}")
    regions = _facts(result, "region")
    for m, v in counts.items():
        name = " ∩ ".join(NAMES[i] for i in range(n) if m >> i & 1) + " only"
        assert regions[name] == v


def _venn_and_page(text: str):  # type: ignore[no-untyped-def]
    venns, page = layout_and_page(text, "sets")
    return venns[0], page


def test_verify_finds_a_count_outside_its_region() -> None:
    from scidsl.domains.sets.verify import verify_venn
    from scidsl.primitives import Drawing, Text

    venn, page = _venn_and_page('venn v { sets: ["A", "B"], regions: [["A", 5], ["B", 7], ["A & B", 2]] }')
    assert verify_venn(venn, page) == []
    lens = next(it for it in page.items if isinstance(it, Text) and it.role == "venn_count 3")
    only_a = next(it for it in page.items if isinstance(it, Text) and it.role == "venn_count 1")
    items = [replace(it, pos=only_a.pos) if it is lens else it for it in page.items]
    diags = verify_venn(venn, Drawing(items, page.labels, page.anchors))
    assert [d.code for d in diags] == ["E7510"]
    assert "A ∩ B only" in diags[0].message


WORDS = st.sampled_from(["A", "B", "C", "Rh+", "Plays chess", "Cats", "x", "Even numbers"])


@settings(max_examples=40, deadline=None)
@given(st.lists(WORDS, min_size=2, max_size=3, unique=True), st.data())
def test_every_spelling_of_a_key_names_its_region(sets: list[str], data) -> None:  # type: ignore[no-untyped-def]
    from scidsl.domains.sets.regions import exact_mask

    mask = data.draw(st.integers(1, (1 << len(sets)) - 1))
    inside = [s for i, s in enumerate(sets) if mask >> i & 1]
    spelling = data.draw(st.sampled_from([" & ", " ∩ ", " and ", ", ", "list"]))
    key = inside if spelling == "list" else spelling.join(inside) + data.draw(st.sampled_from(["", " only"]))
    assert exact_mask(key, sets) == mask


def _spot_measuring_every_box(shape, w, h, prefer):  # type: ignore[no-untyped-def]
    """The spot rule applied to the exact clearance of every candidate box (what best_spot must equal)."""
    import math

    from shapely.ops import polylabel

    from scidsl.domains.sets.layout import _clearances

    x0, y0, x1, y1 = shape.bounds
    step = max(min(x1 - x0, y1 - y0) / 24, 0.03)
    cands = [polylabel(p, 0.01).coords[0] for p in getattr(shape, "geoms", [shape]) if p.area > 1e-6]
    cands += [(x0 + i * step, y0 + j * step) for i in range(int((x1 - x0) / step) + 1)
              for j in range(int((y1 - y0) / step) + 1)]
    best, best_score = None, -1.0
    for c, d in zip(cands, _clearances(shape, cands, w, h)):
        if d is None:
            continue
        s = d if prefer is None else min(d, 0.25) - 0.01 * math.dist(c, prefer)
        if s > best_score + 1e-9:
            best, best_score = c, s
    return best


@settings(max_examples=40, deadline=None)
@given(n=st.sampled_from([2, 3]), r=st.floats(1.5, 5.0), mask=st.integers(0, 7), w=st.floats(0.1, 3.0),
       h=st.floats(0.1, 1.5), corner=st.booleans())
def test_spot_search_measuring_few_boxes_picks_the_exhaustive_spot(n, r, mask, w, h, corner) -> None:  # type: ignore[no-untyped-def]
    from scidsl.domains.sets.layout import best_spot, centers_for, region_shape

    centers = centers_for(n, r)
    mask = mask % (1 << n)
    rect = (-2 * r, -2 * r, 2 * r, 2 * r)
    shape = region_shape(mask, centers, r, rect)
    prefer = (rect[2], rect[1]) if corner else None
    assert best_spot(shape, w, h, prefer) == _spot_measuring_every_box(shape, w, h, prefer)
