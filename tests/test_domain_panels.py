"""Panels holding other domains' figures: set in the panels' order, each with its caption under it."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scidsl.domain_panels import PANEL_CAPTION, extent
from scidsl.primitives import Drawing, Text
from tests.conftest import compile_ok

CODES_TESTED_HERE = ()
FIGURES = {
    "c": "gas_cylinder c { pressure: 100 kPa, volume: 2 L, temperature: 300 K, heat: in }",
    "P": "plot P { xlabel: \"$V$ (L)\", ylabel: \"$p$ (kPa)\", xlim: [0, 5], ylim: [0, 150] }\n"
         "datapoint a on P at (2, 100)\ndatapoint b on P at (4, 100)\nprocess on P from a to b { path: isobaric }",
    "T": "table T { columns: [\"$V$ (L)\", \"$T$ (K)\"], cells: [[2, 300], [4, 600]] }",
}


def _owned(page: Drawing, prefix: str) -> Drawing:
    return Drawing(items=[it for it in page.items if str(getattr(it, "owner", "")).split(".")[0] in prefix
                          and not isinstance(it, Text)])


@settings(max_examples=6, deadline=None)
@given(st.permutations(list(FIGURES)))
def test_figures_follow_their_panels_with_captions_on_one_line(order: list[str]) -> None:
    panels = "\n".join(f'panel p{i} "({chr(97 + i)})" {{ items: [{name}] }}' for i, name in enumerate(order))
    page = compile_ok("\n".join(FIGURES[n] for n in FIGURES) + "\n" + panels).drawing
    boxes = [_owned(page, "abP" if n == "P" else n).bounds() for n in order]
    assert all(b is not None for b in boxes)
    for left, right in zip(boxes, boxes[1:]):  # left to right in the panels' order, not overlapping
        assert left[2] < right[0]
    captions = sorted((it for it in page.items if isinstance(it, Text) and it.role == PANEL_CAPTION),
                      key=lambda t: t.pos[0])
    assert [c.text for c in captions] == [f"({chr(97 + i)})" for i in range(len(order))]
    assert len({round(c.pos[1], 9) for c in captions}) == 1
    for caption, box in zip(captions, boxes):  # each under its own figure
        assert box[0] <= caption.pos[0] <= box[2] and caption.pos[1] < box[1]


def test_without_panels_figures_keep_the_scene_order() -> None:
    page = compile_ok(FIGURES["c"] + "\n" + FIGURES["P"]).drawing
    cyl, plot = _owned(page, "c").bounds(), _owned(page, "abP").bounds()
    assert cyl[2] < plot[0]
    page = compile_ok(FIGURES["P"] + "\n" + FIGURES["c"]).drawing
    cyl, plot = _owned(page, "c").bounds(), _owned(page, "abP").bounds()
    assert plot[2] < cyl[0]


def test_the_extent_counts_labels_on_any_side() -> None:
    from scidsl.primitives import LabelSpec, Line

    d = Drawing(items=[Line(((0.0, 0.0), (1.0, 0.0)))], labels=[LabelSpec("$p = 100$ kPa", (1.0, 0.0))])
    x0, y0, x1, y1 = extent(d)
    assert x1 > 2.0 and y0 < -0.3 and y1 > 0.3


@settings(max_examples=6, deadline=None)
@given(st.sampled_from(["P", "c", "T"]), st.sampled_from(["left of", "right of", "above", "below"]))
def test_legends_and_notes_are_placed_by_other_domains_figures(name: str, side: str) -> None:
    """Any domain's figure is a body to the drawing layer: a key beside it, a callout pointing at it."""
    page = compile_ok(FIGURES[name] + f'\nlegend K {side} {name} {{ entries: [["red", "heated"]] }}\n'
                      f'note N "this one" to {name} {{ side: up }}').drawing
    figure = _owned(page, "abP" if name == "P" else name).bounds()
    key = Drawing(items=[it for it in page.items if str(getattr(it, "owner", "")).startswith("K")
                         and not isinstance(it, Text)]).bounds()
    gap = {"left of": figure[0] - key[2], "right of": key[0] - figure[2],
           "above": key[1] - figure[3], "below": figure[1] - key[3]}[side]
    assert gap > 0
    leader = next(it for it in page.items if getattr(it, "owner", "") == "N" and not isinstance(it, Text))
    x, y = leader.points[0]
    assert figure[0] <= x <= figure[2] and figure[1] <= y <= figure[3]


def test_an_unplaced_drawing_item_keeps_clear_of_other_figures() -> None:
    page = compile_ok(FIGURES["c"] + "\nbox b { length: 2, height: 1 }").drawing
    cyl = _owned(page, "c").bounds()
    box = _owned(page, "b").bounds()
    assert box[0] > cyl[2] or box[2] < cyl[0] or box[1] > cyl[3] or box[3] < cyl[1]


OTHER_FIGURES = {
    "P": FIGURES["P"],
    "c": "cell E { voltage: 6 V }\nresistor R1 { resistance: 3 ohm }\ncircuit c { loop: [E, R1] }",
}


@settings(max_examples=8, deadline=None)
@given(arrange=st.sampled_from(["row", "column"]), other=st.sampled_from(list(OTHER_FIGURES)),
       drawing_first=st.booleans(), length=st.floats(1.0, 4.0), height=st.floats(0.5, 2.0))
def test_a_drawing_panel_and_another_domains_panel_keep_their_order_apart(arrange: str, other: str,
                                                                        drawing_first: bool, length: float,
                                                                        height: float) -> None:
    own = f'panel d "(a)" {{ items: [fl, blk], arrange: {arrange} }}'
    held = f'panel q "(b)" {{ items: [{other}], arrange: {arrange} }}'
    page = compile_ok(f"floor fl\nbox blk on fl {{ length: {length:.3f}, height: {height:.3f} }}\n"
                      f"{OTHER_FIGURES[other]}\n" + "\n".join([own, held] if drawing_first else [held, own])).drawing
    shapes = [it for it in page.items if not isinstance(it, Text)]
    drawing = Drawing(items=[it for it in shapes if getattr(it, "owner", None) in ("fl", "blk")]).bounds()
    figure = Drawing(items=[it for it in shapes if getattr(it, "owner", None) not in ("fl", "blk", "d", "q")]).bounds()
    first, second = (drawing, figure) if drawing_first else (figure, drawing)
    if arrange == "row":  # in the stated order, apart
        assert first[2] < second[0]
    else:
        assert first[1] > second[3]
    for owner, box in (("d", drawing), ("q", figure)):  # each caption under its own panel
        (caption,) = [it for it in page.items if isinstance(it, Text) and it.owner == owner]
        assert box[0] <= caption.pos[0] <= box[2] and caption.pos[1] < box[1]
        if arrange == "column" and box is first:
            assert caption.pos[1] > second[3]
