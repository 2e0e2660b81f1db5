"""The public corpus of hostile scenes (tests/hostile/): each one, run through the command line, gives the
expected located diagnostic (or compiles), never an internal error, a traceback or a raw control character."""
from __future__ import annotations

import json
import pathlib

import pytest

from scidsl.cli import main

HOSTILE = pathlib.Path(__file__).resolve().parent / "hostile"
EXPECTED: dict[str, str] = json.loads((HOSTILE / "expected.json").read_text("utf-8"))


def test_every_corpus_file_has_an_expectation() -> None:
    files = {p.name for p in HOSTILE.iterdir() if p.suffix in (".sdl", ".json") and p.name != "expected.json"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_scene(name: str, capsys: pytest.CaptureFixture) -> None:
    path = str(HOSTILE / name)
    code = main(["check", path, "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    codes = [d["code"] for d in report["diagnostics"]]
    assert "E0999" not in codes and "E0909" not in codes
    if EXPECTED[name] == "ok":
        assert code == 0 and report["ok"]
        return
    assert EXPECTED[name] in codes
    assert all(d["span"] and d["span"]["line"] >= 1 for d in report["diagnostics"])
    assert code == (0 if EXPECTED[name].startswith("W") else 1)
    main(["check", path])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "\x1b" not in err and "\u202e" not in err and len(err) < 20_000
