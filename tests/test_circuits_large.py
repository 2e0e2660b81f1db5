"""Large schematics: text shrinks with the drawing to a readable size; mutated scenes never crash."""
from __future__ import annotations

import pytest

import scidsl
from scidsl.compose import _MIN_TEXT_PT
from scidsl.style import MAX_NATURAL_CM


def ladder(n: int) -> str:
    """A resistor ladder of n resistors behind a source: R1, then R2 ‖ (R3 + (R4 ‖ (...)))."""
    lines = ["dc_source V { voltage: 10 V }"]
    lines += [f"resistor R{i} {{ resistance: {i} kohm }}" for i in range(1, n + 1)]
    body = f"R{n}"
    for i in range(n - 1, 1, -1):
        body = f"parallel(R{i}, {body})" if i % 2 == 0 else f"series(R{i}, {body})"
    lines.append(f"circuit c {{ loop: [V, R1, {body}] }}")
    return "\n".join(lines) + "\n"


def test_twenty_part_ladder_compiles_and_verifies() -> None:
    result = scidsl.compile(ladder(20), "ladder.sdl")
    assert result.ok and result.diagnostics == [], [d.message for d in result.diagnostics]
    labels = [t for t in result.texts if t.owner and t.owner.startswith("R")]
    assert len(labels) == 20
    # the schematic is larger than a page, so its text was scaled with it, but stays readable
    assert all(_MIN_TEXT_PT - 1e-9 <= t.size < 11.0 for t in labels)


def test_small_circuits_keep_full_size_text() -> None:
    result = scidsl.compile(ladder(4), "ladder.sdl")
    assert result.ok
    assert {t.size for t in result.texts} == {11.0}


def test_text_never_shrinks_below_the_readable_size() -> None:
    # 30 parts in series along one loop: far wider than a page at readable text
    lines = ["battery E { voltage: 9 V }"] + [f"resistor R{i} {{ resistance: {i} ohm }}" for i in range(1, 31)]
    lines.append("circuit c { loop: [E, " + ", ".join(f"R{i}" for i in range(1, 31)) + "] }")
    result = scidsl.compile("\n".join(lines) + "\n", "long.sdl")
    assert result.ok and result.diagnostics == [], [d.message for d in result.diagnostics]
    sizes = {round(t.size, 6) for t in result.texts if t.role == "label"}
    assert sizes == {_MIN_TEXT_PT}
    b = result.drawing.bounds()
    assert max(b[2] - b[0], b[3] - b[1]) > MAX_NATURAL_CM  # the canvas grew instead


@pytest.mark.parametrize("source", [
    # a sourceless network with only one of its two terminals is drawn as a loop with one marker
    "capacitor C1 { capacitance: 5 uF }\ncapacitor C2 { capacitance: 3.5 uF }\n"
    "capacitor C3 { capacitance: 8 uF }\nterminal B at b\n"
    "circuit c between [a, b] { network: parallel(series(C1, C2), C3) }\n",
])
def test_mutated_scenes_found_by_fuzzing_compile(source: str) -> None:
    result = scidsl.compile(source, "mutated.sdl")
    assert all(d.code != "E0999" for d in result.diagnostics), [d.message for d in result.diagnostics]
    assert result.ok, [d.message for d in result.diagnostics]


def test_ladder_rails_are_straight() -> None:
    from scidsl.primitives import Line

    result = scidsl.compile(ladder(8), "ladder.sdl")
    assert result.ok
    wires = [i for i in result.drawing.items if isinstance(i, Line) and i.owner is None]
    bottom = min(y for w in wires for _, y in w.points)
    on_rail = {round(x, 6) for w in wires for x, y in w.points if abs(y - bottom) < 1e-9}
    # every shunt resistor's column runs down to the one bottom rail: no steps between levels
    for name in ("R2", "R4", "R6", "R8"):
        assert round(result.drawing.anchors[name][0], 6) in on_rail, name
