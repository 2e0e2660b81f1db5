"""Circuits through scidsl.compile: examples, facts, symbol styles, after-render verification."""
from __future__ import annotations

from pathlib import Path

import pytest

import scidsl
from scidsl.domains.circuits.domain import CircuitLayout, verify
from scidsl.domains.circuits.topology import CircuitSpec, LoopSpec, PartSpec, Series, lower
from scidsl.primitives import Line

CODES_TESTED_HERE = ("E2014",)  # a faithful layout never triggers it; tested by tampering

ROOT = Path(__file__).resolve().parent.parent / "examples"
EXAMPLES = sorted((ROOT / "circuits").glob("*.sdl")) + [
    ROOT / "reference" / n for n in ("651.sdl", "1969.sdl", "phys-circ-up2-capacitor-network.sdl")]


def facts_of(path: Path) -> dict[str, list]:
    result = scidsl.compile(path.read_text("utf-8"), path.name)
    assert result.ok, [d.message for d in result.diagnostics]
    out: dict[str, list] = {}
    for f in result.facts:
        out.setdefault(f.predicate, []).append(f)
    return out


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_compiles_clean(path: Path) -> None:
    result = scidsl.compile(path.read_text("utf-8"), path.name)
    assert result.ok
    assert [d.code for d in result.diagnostics] == []
    assert result.canvas is not None


def test_capacitor_network_facts_answer_the_quiz() -> None:
    facts = facts_of(ROOT / "reference" / "phys-circ-up2-capacitor-network.sdl")
    assert facts["branches"][0].value == 3
    alone = [f.args[1] for f in facts["branch"] if f.value == 1]
    assert alone == [("C3",)]  # "which capacitor is alone in its branch?"
    assert [f.args[0] for f in facts["parallel"]] == [("C4", "C5")]
    assert [f.args[0] for f in facts["series"]] == [("C1", "C2")]
    assert facts["equivalent_capacitance"][0].text.endswith("11.43 μF")


def test_reference_651_counts_and_states() -> None:
    facts = facts_of(ROOT / "reference" / "651.sdl")
    counts = {f.args[0]: f.value for f in facts["count"]}
    assert counts == {"battery": 1, "resistor": 1, "rheostat": 1, "lamp": 2, "switch": 1}
    assert [f.value for f in facts["state"]] == ["open"]
    assert any(set(f.args[0]) == {"L2", "S"} for f in facts["series"])


def test_wheatstone_bridge_equivalent_and_meter() -> None:
    facts = facts_of(ROOT / "circuits" / "wheatstone_bridge.sdl")
    assert facts["equivalent_resistance"][0].value == "45/2"
    assert facts["meter"][0].args[0] == "G"


def test_meters_facts() -> None:
    facts = facts_of(ROOT / "circuits" / "lamp_meters.sdl")
    by_part = {f.args[0]: f for f in facts["meter"]}
    assert by_part["V"].args[1] == ("L",)
    assert "E" in by_part["A"].args[1]


def _resistor_lines(style: str) -> list[Line]:
    src = f'scene {{ symbols: {style} }}\nbattery E\nresistor R\ncircuit c {{ loop: [E, R] }}\n'
    result = scidsl.compile(src)
    assert result.ok
    return [i for i in result.drawing.items if isinstance(i, Line) and i.owner == "R"]


def test_symbol_styles_differ() -> None:
    iec, ansi = _resistor_lines("iec"), _resistor_lines("ansi")
    assert any(line.closed for line in iec) and not any(line.closed for line in ansi)
    assert max(len(line.points) for line in ansi) >= 8  # the zigzag


def test_polarity_marks_are_drawn_when_asked() -> None:
    src = "battery E { polarity: true }\nresistor R\ncircuit c { loop: [E, R] }\n"
    texts = [t.text for t in scidsl.compile(src).drawing.items if getattr(t, "owner", "") == "E"
             and hasattr(t, "text")]
    assert sorted(texts) == ["+", "−"]


def test_open_and_closed_switches_look_different() -> None:
    def lever(state: str) -> tuple:
        src = f"cell E\nswitch S {{ state: {state} }}\nlamp L\ncircuit c {{ loop: [E, S, L] }}\n"
        items = scidsl.compile(src).drawing.items
        return max((i.points for i in items if isinstance(i, Line) and i.owner == "S"),
                   key=lambda pts: abs(pts[-1][1] - pts[0][1]) + abs(pts[-1][0] - pts[0][0]))
    assert lever("open") != lever("closed")


class _Ctx:
    def __init__(self) -> None:
        self.diagnostics: list = []

    def report(self, d: object) -> None:
        self.diagnostics.append(d)


def test_e2014_after_render_check_catches_a_missing_wire() -> None:
    from scidsl.domains.circuits.layout import layout_circuit
    from scidsl.renderers.circuits import render_circuit

    parts = [PartSpec("E", "cell"), PartSpec("R", "resistor"), PartSpec("L", "lamp")]
    circuit = lower(CircuitSpec(parts, [], [LoopSpec("c", Series(("E", "R", "L")))]))
    lay = CircuitLayout(circuit, layout_circuit(circuit))
    page = render_circuit(lay)
    ctx = _Ctx()
    verify(ctx, lay, page)
    assert ctx.diagnostics == []
    lay.schematic.wires.pop()
    verify(ctx, lay, page)
    assert [d.code for d in ctx.diagnostics] == ["E2014"]


def test_current_arrows_are_drawn_in_terminal_order() -> None:
    src = "battery E between [p, q]\nresistor R between [q, p] { current_arrow: \"$I$\" }\n"
    result = scidsl.compile(src)
    assert result.ok, [d.message for d in result.diagnostics]
    (arrow,) = [i for i in result.drawing.items if isinstance(i, Line) and i.arrow == "end"]
    a, b = result.drawing.anchors["R.a"], result.drawing.anchors["R.b"]
    direction = (arrow.points[1][0] - arrow.points[0][0], arrow.points[1][1] - arrow.points[0][1])
    assert direction[0] * (b[0] - a[0]) + direction[1] * (b[1] - a[1]) > 0
    assert any(f.predicate == "current_arrow" for f in result.facts)


def _scene(tree: object, counter: list[int], lines: list[str]) -> str:
    """Scene text for a random series–parallel tree; declares each part on the way."""
    if isinstance(tree, str):
        counter[0] += 1
        name = f"{tree[0].upper()}{counter[0]}"
        value = {"resistor": " { resistance: %d ohm }", "capacitor": " { capacitance: %d uF }",
                 "lamp": "", "switch": " { state: open }"}[tree]
        lines.append(f"{tree} {name}" + (value % counter[0] if "%d" in value else value))
        return name
    op, children = tree  # type: ignore[misc]
    inner = ", ".join(_scene(c, counter, lines) for c in children)
    return f"{'series' if op == 's' else 'parallel'}({inner})"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_trees = st.recursive(st.sampled_from(["resistor", "capacitor", "lamp", "switch"]),
                      lambda ch: st.tuples(st.sampled_from("sp"), st.lists(ch, min_size=2,
                                                                           max_size=3)),
                      max_leaves=6)


@settings(max_examples=15, deadline=None)
@given(_trees, st.sampled_from(["iec", "ansi"]))
def test_random_circuits_pass_the_core_render_checks(tree: object, style: str) -> None:
    lines: list[str] = [f"scene {{ symbols: {style} }}", "battery E { voltage: 9 V }"]
    body = _scene(tree, [0], lines)
    lines.append(f"circuit c {{ loop: [E, {body}] }}")
    result = scidsl.compile("\n".join(lines) + "\n")
    assert result.ok and result.diagnostics == [], [d.message for d in result.diagnostics]


def test_named_junctions_get_a_dot_and_a_label() -> None:
    result = scidsl.compile((ROOT / "circuits" / "wheatstone_bridge.sdl").read_text("utf-8"))
    assert result.ok
    placed = {t.text: t.pos for t in result.texts}
    for name in "ABCD":
        assert f"${name}$" in placed
        dot = result.drawing.anchors[name]
        assert any(getattr(i, "center", None) == dot for i in result.drawing.items)


def test_a_lone_parallel_block_joins_the_loop_at_its_corners() -> None:
    from scidsl.primitives import Dot

    result = scidsl.compile((ROOT / "circuits" / "mixed_network.sdl").read_text("utf-8"))
    assert result.ok
    wires = [i for i in result.drawing.items if isinstance(i, Line) and i.owner is None]
    ys = [y for w in wires for _, y in w.points]
    dots = [i.center for i in result.drawing.items if isinstance(i, Dot)]
    # the top and bottom wires run straight on into the outer branch: its buses meet them in dots
    assert {round(y, 6) for _, y in dots} == {round(max(ys), 6), round(min(ys), 6)}


@pytest.mark.parametrize("kind", ["cell", "battery", "dc_source"])
def test_polarity_marks_clear_the_symbol(kind: str) -> None:
    from scidsl.labels import stroke_geometry, text_box
    from scidsl.primitives import Text

    result = scidsl.compile(f"{kind} E {{ polarity: true }}\nresistor R\ncircuit c {{ loop: [E, R] }}\n")
    assert result.ok
    items = [i for i in result.drawing.items if i.owner == "E"]
    marks = [i for i in items if isinstance(i, Text) and i.text in "+−" and i.size == 10]
    strokes = [stroke_geometry(i) for i in items if isinstance(i, Line)]
    assert len(marks) == 2
    for m in marks:
        assert not any(g is not None and g.intersects(text_box(m.text, m.size, m.at)) for g in strokes)
