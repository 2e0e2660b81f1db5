"""Outputs go only where asked: never through a symlink, over the input, or onto a FIFO or device; the CLI
compile has a budget."""
from __future__ import annotations

import os
import pathlib

import pytest

from scidsl.cli import main

SCENE = "point A at (0, 0)\npoint B at (4, 0)\nsegment AB\n"


@pytest.fixture
def scene(tmp_path: pathlib.Path) -> pathlib.Path:
    path = tmp_path / "s.sdl"
    path.write_text(SCENE)
    return path


def test_compile_writes_image_and_facts(scene: pathlib.Path, tmp_path: pathlib.Path) -> None:
    out, facts = tmp_path / "o.svg", tmp_path / "f.json"
    assert main(["compile", str(scene), "-o", str(out), "--facts", str(facts)]) == 0
    assert out.read_bytes().startswith(b"<?xml") and facts.read_text().startswith("[")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".scidsl-")]


@pytest.mark.parametrize("which", ["-o", "--facts"])
def test_never_through_a_symlink(scene: pathlib.Path, tmp_path: pathlib.Path, which: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    link = tmp_path / ("link.png" if which == "-o" else "link.json")
    link.symlink_to(victim)
    args = ["compile", str(scene), "-o", str(link)] if which == "-o" else \
        ["compile", str(scene), "-o", str(tmp_path / "o.png"), "--facts", str(link)]
    assert main(args) == 2
    assert victim.read_text() == "keep" and link.is_symlink()


def test_never_over_the_input(tmp_path: pathlib.Path) -> None:
    source = tmp_path / "scene.png"
    source.write_text(SCENE)
    assert main(["compile", str(source)]) == 2
    assert source.read_text() == SCENE
    assert main(["compile", str(source), "-o", str(tmp_path / "scene.png")]) == 2
    assert source.read_text() == SCENE


def test_never_onto_a_fifo(scene: pathlib.Path, tmp_path: pathlib.Path) -> None:
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    assert main(["compile", str(scene), "-o", str(fifo)]) == 2
    assert fifo.is_fifo()


def test_facts_never_replace_the_image(scene: pathlib.Path, tmp_path: pathlib.Path) -> None:
    out = tmp_path / "o.png"
    assert main(["compile", str(scene), "-o", str(out), "--facts", str(out)]) == 2
    assert not out.exists()


def test_compile_budget_gives_a_diagnostic(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture) -> None:
    label = "$" + "x^2+" * 120 + "x$"
    slow = tmp_path / "slow.sdl"
    slow.write_text("\n".join(f'text "{label}" at ({i % 4 * 30}, {i // 4 * 2})' for i in range(20)))
    assert main(["check", str(slow), "--budget", "0.05"]) == 1
    err = capsys.readouterr().err
    assert "E0909" in err and "slow.sdl:1:1" in err


def test_check_without_budget_runs_in_process(scene: pathlib.Path) -> None:
    assert main(["check", str(scene), "--budget", "0"]) == 0


def test_escape_in_file_names(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["check", str(tmp_path / "missing\x1b[2J.sdl")]) == 2
    assert "\x1b" not in capsys.readouterr().err


def test_traces_never_append_through_a_symlink(tmp_path: pathlib.Path) -> None:
    from scidsl.llm_bridge.trace import TraceWriter
    from scidsl.outfile import UnsafeOutput

    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (tmp_path / "trace.jsonl").symlink_to(victim)
    with pytest.raises(UnsafeOutput):
        TraceWriter(tmp_path / "trace.jsonl")
    assert victim.read_text() == "keep"

