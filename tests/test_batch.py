"""Budgeted workers and the batch command."""
from __future__ import annotations

import json
import os
import time

from scidsl.batch import run_batch
from scidsl.cli import main
from scidsl.worker import compile_isolated, run_isolated

CODES_TESTED_HERE = ("E0909",)


def _sleep() -> None:
    time.sleep(30)


def _allocate() -> int:
    block = bytearray(600 * 2**20)
    return len(block)


def _abort() -> None:
    os.abort()


def test_worker_budget_outcomes() -> None:
    assert run_isolated(len, ("abc",), 10) == ("ok", 3)
    assert run_isolated(_sleep, (), 0.5)[0] == "timeout"
    assert run_isolated(_allocate, (), 10, memory=200 * 2**20)[0] == "memory"
    assert run_isolated(_abort, (), 10)[0] == "crashed"


def test_compile_isolated_reports_a_timeout_as_a_diagnostic() -> None:
    record = compile_isolated(b"dot P at (0, 0)\n", "slow.sdl", seconds=0.0001)
    assert record["ok"] is False
    assert [d["code"] for d in record["diagnostics"]] == ["E0909"]
    assert record["diagnostics"][0]["span"]["file"] == "slow.sdl"


def test_batch_writes_images_and_records_and_resumes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "good.sdl").write_text('dot P at (0, 0) { label: "P" }\npolyline l { points: [(0, 0), (2, 1)] }\n')
    (scenes / "bad.sdl").write_text("dott P at (0, 0)\n")
    out = tmp_path / "out"
    counts = run_batch([str(scenes)], str(out), jobs=2, progress=False)
    assert counts == {"total": 2, "skipped": 0, "ok": 1, "failed": 1}
    records = {r["id"]: r for r in map(json.loads, (out / "records.jsonl").read_text().splitlines())}
    assert records["good"]["ok"] and records["good"]["image"] == "good.png"
    assert (out / "good.png").read_bytes()[:4] == b"\x89PNG"
    assert records["bad"]["diagnostics"][0]["code"] == "E0101"
    assert not (out / "bad.png").exists()
    assert "dot P at (0, 0)" in records["good"]["scene"]
    again = run_batch([str(scenes)], str(out), jobs=2, progress=False)
    assert again == {"total": 2, "skipped": 2, "ok": 0, "failed": 0}
    assert main(["batch", str(scenes), "--out", str(tmp_path / "cli")]) == 1
