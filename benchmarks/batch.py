"""Batch: `scidsl batch --jobs 1` against one `scidsl compile` process per scene and one process for all.

    python benchmarks/batch.py [--repeat 1] [--every 1] [folder-or-scene ...]

The three ways compile the same scenes to PNG, one after the other in each repeat, and each is timed
from outside (wall seconds, start-up included). `--every K` keeps every K-th scene (sorted by path),
for a quicker run. Printed: the medians and the ratios against `scidsl batch --jobs 1`.
"""
from __future__ import annotations

import argparse
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
ONE_PROCESS = '''import pathlib, sys
import scidsl
out = pathlib.Path(sys.argv[1])
for i, path in enumerate(sys.argv[2:]):
    result = scidsl.compile(pathlib.Path(path).read_bytes(), path)
    if result.ok:
        (out / f"{i}.png").write_bytes(result.to_bytes("png"))
'''


def scenes(paths: list[str], every: int) -> list[pathlib.Path]:
    """The .sdl and .json scenes under the paths, sorted, every K-th kept."""
    found = sorted(f for p in map(pathlib.Path, paths)
                   for f in (p.rglob("*") if p.is_dir() else [p]) if f.suffix in (".sdl", ".json") and f.is_file())
    return found[::max(1, every)]


def _timed(cmds: list[list[str]]) -> float:
    """Wall seconds to run the commands one after the other."""
    start = time.perf_counter()
    for cmd in cmds:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def run_once(files: list[pathlib.Path], tmp: pathlib.Path) -> dict[str, float]:
    """Wall seconds of the three ways, on fresh output folders."""
    py = sys.executable
    for name in ("batch", "each", "one"):
        shutil.rmtree(tmp / name, ignore_errors=True)
        (tmp / name).mkdir()
    stage = tmp / "scenes"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    for i, f in enumerate(files):  # one flat folder, so that batch sees exactly these scenes
        shutil.copyfile(f, stage / f"{i:04d}_{f.name}")
    return {
        "batch --jobs 1": _timed([[py, "-m", "scidsl", "batch", str(stage), "--out", str(tmp / "batch"),
                                   "--jobs", "1"]]),
        "a process per scene": _timed([[py, "-m", "scidsl", "compile", str(f), "-o", str(tmp / "each" / f"{i}.png")]
                                       for i, f in enumerate(files)]),
        "one process for all": _timed([[py, "-c", ONE_PROCESS, str(tmp / "one"), *map(str, files)]]),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the three timings and their ratios to the batch."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples")])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--every", type=int, default=1, metavar="K")
    args = parser.parse_args(argv)
    files = scenes(args.paths, args.every)
    with tempfile.TemporaryDirectory() as tmp:
        runs = [run_once(files, pathlib.Path(tmp)) for _ in range(args.repeat)]
    medians = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    base = medians["batch --jobs 1"]
    print(f"{len(files)} scenes, {args.repeat} repeat(s); wall seconds (median), and each against the batch")
    for name, seconds in medians.items():
        print(f"{name:22} {seconds:8.1f} s  {seconds / len(files) * 1000:7.0f} ms/scene  {seconds / base:6.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
