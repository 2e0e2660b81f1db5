"""`scidsl batch --dask local`: the same records and images as a local batch, resumable."""
from __future__ import annotations

import json

from scidsl.batch import run_batch
from scidsl.batch_dask import _LOCAL, run_job
from scidsl.cli import main
from tests.test_batch import _compile_or_die, _sleep

SCENES = {
    "dot.sdl": 'dot P at (0, 0) { label: "$P$" }\npolyline l { points: [(0, 0), (2, 1)] }\n',
    "sub/box.json": json.dumps({"items": [{"kind": "box", "name": "b", "at": "(0, 0)", "text": "A"}]}),
    "bad.sdl": "dott P at (0, 0)\n",
}


def _records(path) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    records = {}
    for line in path.read_text("utf-8").splitlines():
        record = json.loads(line)
        record.pop("timings")
        records[record["id"]] = record
    return records


def test_dask_local_gives_the_records_and_images_of_a_local_batch(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    scenes = tmp_path / "scenes"
    for name, text in SCENES.items():
        (scenes / name).parent.mkdir(parents=True, exist_ok=True)
        (scenes / name).write_text(text)
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert main(["batch", str(scenes), "--out", str(local), "--jobs", "1"]) == 1
    assert main(["batch", str(scenes), "--out", str(dask), "--jobs", "1", "--dask", "local"]) == 1
    assert "2 compiled, 1 failed, 0 already done" in capsys.readouterr().err
    assert _records(dask / "records.jsonl") == _records(local / "records.jsonl")
    assert sorted(_records(dask / "records.jsonl")) == ["bad.sdl", "dot.sdl", "sub/box.json"]
    for image in ("dot.sdl.png", "sub/box.json.png"):
        assert (dask / image).read_bytes() == (local / image).read_bytes()
    # A resume on the cluster: only the new scenes run; a killed compiler process costs only its scene.
    (scenes / "new.sdl").write_text(SCENES["dot.sdl"])
    (scenes / "victim.sdl").write_text(SCENES["dot.sdl"])
    counts = run_batch([str(scenes)], str(dask), jobs=1, progress=False, task=_compile_or_die, dask="local")
    assert counts == {"total": 5, "skipped": 3, "ok": 1, "failed": 1}
    records = _records(dask / "records.jsonl")
    assert sorted(records) == ["bad.sdl", "dot.sdl", "new.sdl", "sub/box.json", "victim.sdl"]
    assert records["victim.sdl"]["worker"] == "crashed" and (dask / "new.sdl.png").is_file()


def test_a_dask_task_keeps_the_per_scene_budget() -> None:
    try:
        assert run_job(len, ("abc",), 10, 2**30) == ("ok", 3)
        assert run_job(_sleep, (), 0.5, 2**30)[0] == "timeout"
        assert run_job(len, ("ab",), 0.5, 2**30) == ("ok", 2)  # a fresh process replaced the stopped one
    finally:
        _LOCAL.pool.close()


def _blas_setting() -> str | None:
    """In the compiler process: the BLAS thread setting it was started with."""
    import os

    return os.environ.get("OPENBLAS_NUM_THREADS")


def test_dask_compiler_processes_use_one_blas_thread() -> None:
    import os
    import pathlib
    import subprocess
    import sys

    # Dask's nanny sets one BLAS thread itself; a worker started without a nanny does not: the task
    # sets it for the compiler processes it starts
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    probe = ("from scidsl.batch_dask import _LOCAL, run_job\nfrom tests.test_batch_dask import _blas_setting\n"
             "print(run_job(_blas_setting, (), 30, 2**30))\n_LOCAL.pool.close()\n")
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120,
                         cwd=pathlib.Path(__file__).resolve().parent.parent)
    assert out.stdout.strip() == "('ok', '1')", out.stderr
