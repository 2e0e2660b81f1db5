"""The command line: exit codes, outputs, formats, and nothing written on errors."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from scidsl.cli import main
from tests.conftest import EXAMPLES

GOOD = "dot P at (0, 0) { label: \"P\" }\npolyline l { points: [(0, 0), (3, 1)] }\n"
BAD = "dot P at (0, 0)\ndot P at (1, 0) { colr: red }\n"


@pytest.fixture
def scene_file(tmp_path):  # type: ignore[no-untyped-def]
    def write(text: str, name: str = "scene.sdl"):  # type: ignore[no-untyped-def]
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.mark.parametrize("suffix,magic", [("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")])
def test_compile_writes_each_format(scene_file, tmp_path, suffix: str, magic: bytes) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"figure.{suffix}"
    assert main(["compile", str(scene_file(GOOD)), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(magic)


def test_svg_is_deterministic(scene_file, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = scene_file(GOOD)
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    assert main(["compile", str(path), "-o", str(a)]) == 0
    assert main(["compile", str(path), "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()


def test_check_on_broken_scene_prints_location_code_hint_and_writes_nothing(scene_file, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = scene_file(BAD)
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:2:5: error E0102: 'P' is declared twice" in err
    assert f"{path}:2:19: error E0201: a dot has no property 'colr'" in err
    assert "hint: did you mean 'color'?" in err
    assert "^" in err
    assert main(["compile", str(path), "-o", str(tmp_path / "x.png")]) == 1
    assert not (tmp_path / "x.png").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["scene.sdl"]


def test_check_json_format(scene_file, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", str(scene_file(BAD)), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert [d["code"] for d in data["diagnostics"]] == ["E0102", "E0201"]
    assert data["diagnostics"][1]["span"]["line"] == 2
    assert data["diagnostics"][1]["hint"] == "did you mean 'color'?"


def test_fmt_prints_canonical_text_and_is_idempotent(scene_file, capsys) -> None:  # type: ignore[no-untyped-def]
    path = scene_file("dot   P at(0,0){label:\"P\",hollow:false}\n# comment\npolyline l {points:[(0,0),(3,1)]}\n")
    assert main(["fmt", str(path)]) == 0
    first = capsys.readouterr().out
    assert first == 'dot P at (0, 0) { label: "P" }\npolyline l { points: [(0, 0), (3, 1)] }\n'
    again = scene_file(first, "again.sdl")
    assert main(["fmt", "--check", str(again)]) == 0
    assert main(["fmt", "--check", str(path)]) == 1


def test_schema_is_valid_json_schema(capsys) -> None:  # type: ignore[no-untyped-def]
    from jsonschema import Draft202012Validator

    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    scene = {"items": [{"kind": "dot", "name": "P", "at": "(0, 0)"}]}
    Draft202012Validator(schema).validate(scene)
    # numeric bounds of the model are JSON Schema bounds a validator enforces
    point = {"kind": "point", "name": "P", "on": "AB", "ratio": 0.5}
    Draft202012Validator(schema).validate({"items": [point]})
    assert not Draft202012Validator(schema).is_valid({"items": [{**point, "ratio": 2}]})


def test_json_scene_compiles_like_text(scene_file, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import scidsl

    text_result = scidsl.compile(GOOD, "g.sdl")
    path = scene_file(json.dumps(text_result.scene.to_json()), "scene.json")
    json_result = scidsl.compile(path.read_bytes(), str(path))
    assert json_result.ok and json_result.scene == text_result.scene
    assert [f.to_dict() for f in json_result.facts] == [f.to_dict() for f in text_result.facts]
    assert json_result.to_bytes("svg") == text_result.to_bytes("svg")


def test_usage_errors_exit_2(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert main(["compile", str(tmp_path / "missing.sdl")]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2


def test_refuses_to_write_through_a_symlink(scene_file, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "elsewhere.png"
    link = tmp_path / "link.png"
    link.symlink_to(target)
    assert main(["compile", str(scene_file(GOOD)), "-o", str(link)]) == 2
    assert not target.exists()


def test_module_entry_point_and_cold_start() -> None:
    example = next(EXAMPLES.rglob("*.sdl"))
    code = ("import sys, scidsl.cli; rc = scidsl.cli.main(['check', sys.argv[1]]); "
            "heavy = [m for m in ('sympy', 'rdkit', 'networkx', 'scipy') if m in sys.modules]; "
            "print(heavy); raise SystemExit(rc)")
    out = subprocess.run([sys.executable, "-c", code, str(EXAMPLES / "draw" / "block_on_ramp.sdl")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"  # a drawing-layer scene loads no heavy domain library
    run = subprocess.run([sys.executable, "-m", "scidsl", "check", str(example)], capture_output=True, timeout=120)
    assert run.returncode == 0


def test_text_diagnostics_are_cut_after_a_hundred(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    scene = tmp_path / "many.sdl"
    scene.write_text("".join(f"dot P{i} at ({i % 50}, {i // 50}) {{ colr: red }}\n" for i in range(150)))
    assert main(["check", str(scene), "--budget", "0"]) == 1
    err = capsys.readouterr().err
    assert err.count("E0201") == 100 and "... and 50 more (--format json lists them all)" in err
    assert main(["check", str(scene), "--budget", "0", "--format", "json"]) == 1
    assert capsys.readouterr().out.count('"E0201"') == 150


@pytest.mark.parametrize("text, code", [(GOOD, 0), (BAD, 1)], ids=["good", "bad"])
def test_the_compile_command_ends_with_everything_written(scene_file, tmp_path, text: str, code: int) -> None:  # type: ignore[no-untyped-def]
    # A compile command leaves its process without the interpreter's teardown: its answer on a pipe,
    # its image and its facts must all be complete by then.
    path, out, facts = scene_file(text), tmp_path / "out.png", tmp_path / "facts.json"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # a pipe holds the answer in a buffer
    run = subprocess.run([sys.executable, "-m", "scidsl", "compile", str(path), "-o", str(out), "--facts", str(facts),
                          "--format", "json"], capture_output=True, timeout=120, env=env)
    assert run.returncode == code, run.stderr
    errors = [d for d in json.loads(run.stdout) if d["severity"] == "error"]  # the whole JSON answer arrived
    if code == 0:
        assert not errors and out.read_bytes().startswith(b"\x89PNG") and json.loads(facts.read_text())
    else:
        assert errors and not out.exists() and not facts.exists()


def test_a_profiled_compile_command_still_reports(scene_file, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The quick exit is skipped under a profiler or a coverage tracer: they report when the process ends.
    run = subprocess.run([sys.executable, "-m", "cProfile", "-m", "scidsl", "compile", str(scene_file(GOOD)), "-o",
                          str(tmp_path / "out.png")], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "function calls" in run.stdout
