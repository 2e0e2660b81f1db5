"""Annotation switches of plots: process names and state coordinates on p–V cycles, grid lines."""

from __future__ import annotations

from pathlib import Path

import pytest

import scidsl
from scidsl.domains.plots.thermo import process_name

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "plots"


def _texts(result: scidsl.pipeline.Result) -> list[str]:
    """Every text on the page: fixed texts and placed labels."""
    fixed = [i.text for i in result.drawing.items if type(i).__name__ == "Text"]
    return fixed + [t.text for t in result.texts]


def test_process_names_come_from_the_states():
    result = scidsl.compile((EXAMPLES / "pv_cycle_annotated.sdl").read_text())
    assert result.ok, result.diagnostics
    names = {f.args[1:]: f.value for f in result.facts if f.predicate == "process_name"}
    assert names == {("A", "B"): "isobaric", ("B", "C"): "isochoric", ("C", "A"): "isothermal"}
    drawn = _texts(result)
    for name in names.values():
        assert drawn.count(name) == 1


def test_states_show_their_coordinates_and_temperature():
    result = scidsl.compile((EXAMPLES / "pv_cycle_annotated.sdl").read_text())
    states = {f.args[0]: f.value for f in result.facts if f.predicate == "state"}
    assert states["B"] == [400.0, 20.0, 480.0]  # p, V, T as the label writes them
    assert "B: 400 kPa, 20 L, 480 K" in _texts(result)
    assert "C: 200 kPa, 20 L, 240 K" in _texts(result)


@pytest.mark.parametrize(
    ("a", "b", "path", "name"),
    [((1, 5), (3, 5), "line", "isobaric"), ((2, 5), (2, 1), "line", "isochoric"),
     ((1, 5), (2, 2.5), "isothermal", "isothermal"), ((1, 5), (3, 1), "line", None)],
)
def test_process_name(a, b, path, name):
    assert process_name(a, b, path) == name


def test_without_the_switch_no_names_are_drawn():
    src = (EXAMPLES / "pv_cycle_annotated.sdl").read_text().replace("show: [process_names, states, grid]", "")
    result = scidsl.compile(src)
    assert result.ok, result.diagnostics
    assert not {"isobaric", "isochoric", "isothermal"} & set(_texts(result))
    assert "B" in _texts(result)


def _grid_lines(result: scidsl.pipeline.Result) -> list:
    return [i for i in result.drawing.items if getattr(i, "role", None) == "grid"]


def test_grid_lines_stand_at_the_ticks_and_minor_lines_between():
    src = 'plot P { xlim: [0, 3], ylim: [0, 12], frame: box, show: [{}] }\nfunction f on P { y: x }'
    major = scidsl.compile(src.replace("{}", "grid"))
    minor = scidsl.compile(src.replace("{}", "minor_grid"))
    assert major.ok and minor.ok
    ticks = {f.args[1]: f.value for f in major.facts if f.predicate == "ticks"}
    assert len(_grid_lines(major)) == len(ticks["x"]) + len(ticks["y"])
    steps = len(ticks["x"]) - 1 + len(ticks["y"]) - 1
    assert len(_grid_lines(minor)) == len(_grid_lines(major)) + 4 * steps
    assert [f.value for f in minor.facts if f.predicate == "grid"] == ["minor"]
