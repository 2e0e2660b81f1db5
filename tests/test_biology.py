"""Biology: cell diagrams with uncrossed labels, replication forks drawn with the right polarity, facts."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import scidsl
from scidsl.domains.biology.organelles import ORGANELLES, canonical
from scidsl.primitives import Line, Text
from tests.conftest import compile_ok as _compile
from tests.conftest import domain_context

CODES_TESTED_HERE = ("E9020",)

ANIMAL_OK = sorted(k for k, o in ORGANELLES.items() if o.animal == "ok")
PLANT_OK = sorted(k for k, o in ORGANELLES.items() if o.plant == "ok")


def _crossing(result) -> list:  # type: ignore[no-untyped-def]
    from scidsl.renderers.leaders import crossing_leaders

    return crossing_leaders(result.drawing)


@settings(max_examples=12, deadline=None)
@given(kind=st.sampled_from(["animal", "plant"]), data=st.data())
def test_random_organelle_sets_are_all_labelled_without_crossings(kind: str, data: st.DataObject) -> None:
    pool = ANIMAL_OK if kind == "animal" else PLANT_OK
    chosen = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=len(pool), unique=True))
    result = _compile(f"cell_diagram C {{ type: {kind}, organelles: [{', '.join(chosen)}] }}")
    texts = {t.text for t in result.drawing.items if isinstance(t, Text)}
    assert {ORGANELLES[k].label for k in chosen} <= texts
    assert _crossing(result) == []
    shown = {f.args[1] for f in result.facts if f.predicate == "organelle"}
    assert set(chosen) <= shown


def test_aliases_and_plural_names_are_understood() -> None:
    assert canonical("Mitochondria") == "mitochondrion"
    assert canonical("golgi apparatus") == "golgi"
    assert canonical("cell-membrane") == "plasma_membrane"
    result = _compile("cell_diagram A { organelles: [nucleus, mitochondria, ER] }")
    assert {f.args[1] for f in result.facts if f.predicate == "organelle"} == {"nucleus", "mitochondrion", "rough_er"}


def test_plant_cell_has_its_wall_outside_the_membrane() -> None:
    result = _compile("cell_diagram P { type: plant }")
    outlines = [it for it in result.drawing.items if isinstance(it, Line) and it.closed and it.stroke.fill
                and it.stroke.zorder < 0.6]
    widths = sorted(max(p[0] for p in it.points) - min(p[0] for p in it.points) for it in outlines)
    assert len(widths) == 2 and widths[1] > widths[0]  # cell wall, then the membrane inside it


def _new_strand_arrows(result) -> list[tuple[float, float, float]]:  # type: ignore[no-untyped-def]
    """(y, x where a new strand starts, x where its arrow head is) for every drawn new-DNA arrow."""
    from scidsl.renderers.biology import NEW_DNA

    return [(it.points[0][1], it.points[0][0], it.points[-1][0]) for it in result.drawing.items
            if isinstance(it, Line) and it.arrow == "end" and it.stroke.color == NEW_DNA]


@settings(max_examples=16, deadline=None)
@given(direction=st.sampled_from(["left", "right"]), top=st.sampled_from(["left", "right"]),
       fragments=st.integers(2, 6))
def test_forks_grow_leading_toward_and_lagging_away_from_the_fork(direction: str, top: str, fragments: int) -> None:
    result = _compile(f"replication_fork F {{ direction: {direction}, top_5prime: {top}, fragments: {fragments}, enzymes: [] }}")
    facts = {f.predicate: f.value for f in result.facts}
    leading = "top" if top == direction else "bottom"  # the template whose 5' end points where the fork goes
    assert facts["leading_strand"] == leading
    fork_x = result.drawing.anchors["F.fork"][0]
    center_y = result.drawing.anchors["F.fork"][1]
    arrows = _new_strand_arrows(result)
    lead = [a for a in arrows if (a[0] > center_y) == (leading == "top")]
    lag = [a for a in arrows if (a[0] > center_y) != (leading == "top")]
    assert len(lead) == 1 and len(lag) == fragments
    for _, start, head in lead:
        assert abs(head - fork_x) < abs(start - fork_x)  # grows toward the fork
    for _, start, head in lag:
        assert abs(head - fork_x) > abs(start - fork_x)  # each fragment grows away from it
    assert _crossing(result) == []


def test_stated_polarity_that_agrees_compiles_and_the_opposite_fails() -> None:
    good = ("replication_fork F { direction: left, top_5prime: right, bottom_5prime: left, leading: bottom, "
            "lagging: top, leading_5prime: right, lagging_5prime: left }")
    _compile(good)
    bad = scidsl.compile(good.replace("leading: bottom", "leading: top"), "t.sdl")
    assert [d.code for d in bad.diagnostics] == ["E9004"]


def test_reference_fork_shows_every_enzyme() -> None:
    from tests.conftest import EXAMPLES

    result = _compile((EXAMPLES / "reference" / "bio-mol-replication-fork.sdl").read_text("utf-8"))
    texts = {t.text for t in result.drawing.items if isinstance(t, Text)}
    for word in ("helicase", "primase", "DNA ligase", "DNA polymerase I", "DNA polymerase III", "topoisomerase",
                 "single-strand binding proteins", "Okazaki fragment", "leading strand", "lagging strand"):
        assert word in texts
    assert sum(t.text in ("5′", "3′") for t in result.drawing.items if isinstance(t, Text)) >= 6


def test_crossing_leaders_on_the_page_are_reported() -> None:
    from scidsl.renderers.biology import LEADER

    from scidsl import registry

    result = _compile("cell_diagram A { type: animal }")
    ctx = domain_context(result, "biology")
    impl = registry.implementation("biology")
    lay = impl.layout(ctx)
    page = result.drawing
    impl.verify(ctx, lay, page)
    assert not ctx.diagnostics
    leader = next(it for it in page.items if isinstance(it, Line) and it.role == "leader")
    (x0, y0), (x1, y1) = leader.points[0], leader.points[-1]
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    page.items.append(Line(((mx, my - 1.0), (mx, my + 1.0)), False, LEADER, owner="A", role="leader"))
    impl.verify(ctx, lay, page)
    assert [d.code for d in ctx.diagnostics] == ["E9020"]


def test_a_long_caption_passes_under_the_labels() -> None:
    result = _compile('cell_diagram A "Figure 4.8: a typical animal cell with its organelles labelled, after OpenStax"')
    caption = next(t for t in result.drawing.items if isinstance(t, Text) and t.text.startswith("Figure"))
    others = [t for t in result.drawing.items if isinstance(t, Text) and t is not caption]
    assert caption.at[1] < min(t.at[1] for t in others)


def test_plant_cell_leaders_keep_off_the_central_vacuole() -> None:
    from shapely.geometry import LineString, Point, Polygon

    for organelles in (", ".join(PLANT_OK), "mitochondrion, plastid, peroxisome, central_vacuole, nucleus"):
        result = _compile(f"cell_diagram C {{ type: plant, organelles: [{organelles}] }}")
        blue = [it for it in result.drawing.items if isinstance(it, Line) and it.closed
                and it.stroke.fill == "#dbeaf7"]
        vacuole = Polygon(max(blue, key=lambda it: Polygon(it.points).area).points)
        leaders = [it for it in result.drawing.items if isinstance(it, Line) and it.role == "leader"]
        outside = [it for it in leaders if not vacuole.contains(Point(it.points[0]))]
        assert len(outside) == len(leaders) - 1
        assert [it.points for it in outside if LineString(it.points).intersects(vacuole)] == []
