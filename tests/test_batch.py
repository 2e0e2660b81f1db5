"""Budgeted workers and the batch command."""
from __future__ import annotations

import json
import os
import signal
import threading
import time

import pytest

from scidsl.batch import FolderBusy, RecordLog, record_line, run_batch
from scidsl.cli import main
from scidsl.outfile import current_umask
from scidsl.worker import WorkerPool, compile_isolated, compile_to_record, run_isolated

CODES_TESTED_HERE = ("E0909",)


def _sleep() -> None:
    time.sleep(30)


def _allocate() -> int:
    block = bytearray(600 * 2**20)
    return len(block)


def _abort() -> None:
    os.abort()


def _compile_or_die(source: bytes, filename: str, fmt: str = "png", dpi: object = None) -> dict:
    """The batch task, except that a scene whose name says `victim` gets its worker SIGKILLed."""
    if "victim" in filename:
        os.kill(os.getpid(), signal.SIGKILL)
    return compile_to_record(source, filename, fmt, dpi)


def _pid(_: int) -> int:
    return os.getpid()


def _kill_second(n: int) -> int:
    if n == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


def _records(path) -> list[dict]:  # type: ignore[no-untyped-def]
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


GOOD = 'dot P at (0, 0) { label: "P" }\npolyline l { points: [(0, 0), (2, 1)] }\n'


def test_worker_budget_outcomes() -> None:
    assert run_isolated(len, ("abc",), 10) == ("ok", 3)
    assert run_isolated(_sleep, (), 0.5)[0] == "timeout"
    assert run_isolated(_allocate, (), 10, memory=200 * 2**20)[0] == "memory"
    assert run_isolated(_abort, (), 10)[0] == "crashed"
    cancel = threading.Event()
    cancel.set()
    assert run_isolated(_sleep, (), 60, cancel=cancel) == ("cancelled", None)


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
    records = {r["id"]: r for r in _records(out / "records.jsonl")}
    assert records["good.sdl"]["ok"] and records["good.sdl"]["image"] == "good.sdl.png"
    assert (out / "good.sdl.png").read_bytes()[:4] == b"\x89PNG"
    assert records["bad.sdl"]["diagnostics"][0]["code"] == "E0101"
    assert not (out / "bad.sdl.png").exists()
    assert "dot P at (0, 0)" in records["good.sdl"]["scene"]
    again = run_batch([str(scenes)], str(out), jobs=2, progress=False)
    assert again == {"total": 2, "skipped": 2, "ok": 0, "failed": 0}
    assert main(["batch", str(scenes), "--out", str(tmp_path / "cli")]) == 1


def test_warm_workers_are_reused_and_recycled() -> None:
    pool = WorkerPool(jobs=1, recycle=3)
    pids = [value for _, status, value in pool.run((i, _pid, (i,)) for i in range(7))]
    assert len(pids) == 7 and os.getpid() not in pids
    assert [len(set(pids[i:i + 3])) for i in (0, 3)] == [1, 1]  # three jobs a worker, then a fresh one
    assert len(set(pids)) == 3


def test_a_killed_worker_loses_and_duplicates_nothing() -> None:
    results = list(WorkerPool(jobs=2).run((n, _kill_second, (n,)) for n in range(6)))
    assert sorted(key for key, _, _ in results) == list(range(6))
    outcomes = {key: (status, value) for key, status, value in results}
    assert outcomes.pop(2) == ("crashed", f"the worker exited with code {-signal.SIGKILL}")
    assert outcomes == {n: ("ok", n * n) for n in (0, 1, 3, 4, 5)}


def test_a_worker_past_its_budget_is_replaced() -> None:
    results = dict((k, s) for k, s, _ in WorkerPool(jobs=1, seconds=0.5).run(
        [(0, _sleep, ()), (1, len, ("ab",))]))
    assert results == {0: "timeout", 1: "ok"}


def test_batch_survives_a_killed_worker_and_retries_it_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    for name in ("a", "b", "victim", "c", "d"):
        (scenes / f"{name}.sdl").write_text(GOOD)
    out = tmp_path / "out"
    counts = run_batch([str(scenes)], str(out), jobs=2, progress=False, task=_compile_or_die)
    assert counts == {"total": 5, "skipped": 0, "ok": 4, "failed": 1}
    records = _records(out / "records.jsonl")
    assert sorted(r["id"] for r in records) == ["a.sdl", "b.sdl", "c.sdl", "d.sdl", "victim.sdl"]
    victim = next(r for r in records if r["id"] == "victim.sdl")
    assert (victim["worker"], victim["attempt"], victim["diagnostics"][0]["code"]) == ("crashed", 1, "E0909")
    assert sorted(p.name for p in out.glob("*.png")) == ["a.sdl.png", "b.sdl.png", "c.sdl.png", "d.sdl.png"]
    # A resume compiles the crashed scene once more, and only it; its record replaces the old one.
    again = run_batch([str(scenes)], str(out), jobs=2, progress=False, task=_compile_or_die)
    assert again == {"total": 5, "skipped": 4, "ok": 0, "failed": 1}
    records = _records(out / "records.jsonl")
    assert sorted(r["id"] for r in records) == ["a.sdl", "b.sdl", "c.sdl", "d.sdl", "victim.sdl"]
    assert next(r for r in records if r["id"] == "victim.sdl")["attempt"] == 2
    third = run_batch([str(scenes)], str(out), jobs=2, progress=False, task=_compile_or_die)
    assert third == {"total": 5, "skipped": 5, "ok": 0, "failed": 0}


def test_files_that_differ_only_in_suffix_or_folder_get_their_own_ids(tmp_path) -> None:  # type: ignore[no-untyped-def]
    scenes = tmp_path / "scenes"
    (scenes / "sub").mkdir(parents=True)
    (scenes / "dup.sdl").write_text(GOOD)
    (scenes / "dup.json").write_text(json.dumps({"items": [{"kind": "dot", "name": "P", "at": "(0, 0)"}]}))
    (scenes / "sub" / "x.sdl").write_text(GOOD)
    (scenes / "sub__x.sdl").write_text(GOOD)
    out = tmp_path / "out"
    assert run_batch([str(scenes)], str(out), jobs=1, progress=False)["ok"] == 4
    ids = sorted(r["id"] for r in _records(out / "records.jsonl"))
    assert ids == ["dup.json", "dup.sdl", "sub/x.sdl", "sub__x.sdl"]
    assert all((out / f"{i}.png").is_file() for i in ids)
    # Two folders given: ids are relative to the folder they share, so equal names stay apart.
    other = tmp_path / "other"
    other.mkdir()
    (other / "dup.sdl").write_text(GOOD)
    both = tmp_path / "both"
    run_batch([str(scenes), str(other / "dup.sdl")], str(both), jobs=1, progress=False)
    assert "other/dup.sdl" in {r["id"] for r in _records(both / "records.jsonl")}
    assert "scenes/dup.sdl" in {r["id"] for r in _records(both / "records.jsonl")}


def test_a_second_batch_on_the_same_folder_is_refused(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "a.sdl").write_text(GOOD)
    out = tmp_path / "out"
    with RecordLog(out):  # a batch holding the folder
        with pytest.raises(FolderBusy):
            run_batch([str(scenes)], str(out), jobs=1, progress=False)
        assert main(["batch", str(scenes), "--out", str(out)]) == 2
    assert f"{out} is in use by another batch" in capsys.readouterr().err
    assert not (out / "records.jsonl").exists()
    assert main(["batch", str(scenes), "--out", str(out)]) == 0  # released with the first batch


def test_records_survive_lone_surrogates(tmp_path) -> None:  # type: ignore[no-untyped-def]
    record = {"id": "x", "message": "\ud800 and \u00e9"}
    assert json.loads(record_line(record)) == record
    assert record_line({"id": "é"}) == '{"id": "é"}\n'.encode()
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "s.json").write_text('{"items": [{"kind": "text", "name": "t", "text": "\\ud800", "at": "(0, 0)"}]}')
    (scenes / os.fsdecode(b"name\xff.sdl")).write_text(GOOD)  # a name that is not UTF-8
    out = tmp_path / "out"
    counts = run_batch([str(scenes)], str(out), jobs=1, progress=False)
    assert counts["total"] == 2 and counts["ok"] + counts["failed"] == 2
    assert sorted(r["id"] for r in _records(out / "records.jsonl")) == [os.fsdecode(b"name\xff.sdl"), "s.json"]
    assert (out / os.fsdecode(b"name\xff.sdl.png")).is_file()
    assert run_batch([str(scenes)], str(out), jobs=1, progress=False)["skipped"] == 2


def test_a_line_cut_by_a_crash_is_dropped_not_glued_to_the_next(tmp_path) -> None:  # type: ignore[no-untyped-def]
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "a.sdl").write_text(GOOD)
    (scenes / "b.sdl").write_text(GOOD)
    out = tmp_path / "out"
    out.mkdir()
    (out / "records.jsonl").write_text(json.dumps({"id": "a.sdl", "ok": True}) + '\n{"id": "b.sd')
    assert run_batch([str(scenes)], str(out), jobs=1, progress=False)["skipped"] == 1
    assert [r["id"] for r in _records(out / "records.jsonl")] == ["a.sdl", "b.sdl"]


def test_images_are_not_written_through_a_symlink_in_the_output(tmp_path) -> None:  # type: ignore[no-untyped-def]
    scenes = tmp_path / "scenes"
    (scenes / "sub").mkdir(parents=True)
    (scenes / "sub" / "a.sdl").write_text(GOOD)
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(outside)
    assert run_batch([str(scenes)], str(out), jobs=1, progress=False)["failed"] == 1
    assert list(outside.iterdir()) == []
    assert "symbolic link" in _records(out / "records.jsonl")[0]["error"]


def test_records_are_not_read_or_appended_through_a_symlink(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "a.sdl").write_text(GOOD)
    victim = tmp_path / "victim.jsonl"
    victim.write_text('{"id": "zzz"}\n')
    out = tmp_path / "out"
    out.mkdir()
    (out / "records.jsonl").symlink_to(victim)
    assert main(["batch", str(scenes), "--out", str(out), "--jobs", "1"]) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert victim.read_text() == '{"id": "zzz"}\n' and not (out / "a.sdl.png").exists()


def test_images_get_the_mode_of_ordinary_new_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "a.sdl").write_text(GOOD)
    run_batch([str(scenes)], str(tmp_path / "out"), jobs=1, progress=False)
    mode = (tmp_path / "out" / "a.sdl.png").stat().st_mode & 0o777
    assert mode == 0o666 & ~current_umask()


def _own_rss() -> int:
    from scidsl.worker import _resident_bytes

    return _resident_bytes(os.getpid())


def _hold(megabytes: int) -> int:
    block = bytearray(megabytes * 2**20)
    for i in range(0, len(block), 4096):  # touch every page so that it is resident
        block[i] = 1
    time.sleep(30)
    return len(block)


def test_a_worker_past_its_memory_budget_is_replaced() -> None:
    pool = WorkerPool(jobs=1)
    try:
        status, base = pool.call(_own_rss, ())
        assert status == "ok" and base > 0
        pool.memory = base + 200 * 2**20
        assert pool.call(_hold, (600,))[0] == "memory"
        assert pool.call(len, ("abc",)) == ("ok", 3)
    finally:
        pool.close()


def test_problem_batches_share_the_folder_lock_and_one_record_per_id(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from scidsl.llm_bridge.batch import Problem
    from scidsl.llm_bridge.batch import run_batch as run_problems

    out = tmp_path / "out"
    with RecordLog(out):
        with pytest.raises(FolderBusy):
            run_problems([Problem("p", "A box.")], out, agent=None)  # type: ignore[arg-type]
    bad = [Problem("p", "", "line 1 is not valid JSON \ud800")]
    for _ in range(2):  # run again without --resume: the new record replaces the old one
        assert run_problems(bad, out, agent=None).failed == 1  # type: ignore[arg-type]
    records = _records(out / "results.jsonl")
    assert [(r["id"], r["error"]) for r in records] == [("p", "line 1 is not valid JSON \ud800")]
