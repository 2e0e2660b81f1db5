"""Every bundled example compiles, passes the after-render verification and round-trips."""
from __future__ import annotations

import pytest

import scidsl
from scidsl.build import build_scene
from scidsl.fmt import format_scene
from scidsl.quiz import make_quiz
from scidsl.registry import COLLISIONS
from scidsl.syntax import parse_scene_syntax
from tests.conftest import EXAMPLES, example_files


def _parse(text: str):  # type: ignore[no-untyped-def]
    statements, diags = parse_scene_syntax(text, "x.sdl")
    assert not diags, diags
    scene, diags = build_scene(statements, "x.sdl")
    assert not diags, diags
    return scene


@pytest.mark.parametrize("path", example_files(), ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_example_compiles_and_verifies(path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = scidsl.compile(path.read_bytes(), str(path))
    assert result.ok, "\n".join(f"{d.code} {d.message}" for d in result.diagnostics)
    assert [d for d in result.diagnostics if d.severity == "warning"] == [] or path.parent.name == "warnings"
    assert result.facts, "an example must state facts"
    out = tmp_path / "figure.png"
    result.save(str(out))
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for item in make_quiz(result.facts):  # the quiz asks only what the figure shows, with distinct options
        assert not item["fact"]["hidden"] and len(set(item["options"])) == len(item["options"]) >= 3


@pytest.mark.parametrize("path", example_files(), ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_example_round_trips(path) -> None:  # type: ignore[no-untyped-def]
    scene = _parse(path.read_text("utf-8"))
    text = format_scene(scene)
    again = _parse(text)
    assert again == scene
    assert format_scene(again) == text  # fmt is idempotent
    via_json = scidsl.compile(scene.to_json(), "x.json", verify=False)
    assert via_json.scene == scene


def test_no_two_domains_define_the_same_kind() -> None:
    from scidsl.registry import kinds

    kinds()
    assert COLLISIONS == []
