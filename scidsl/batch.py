"""Batch compilation: many scenes → images and JSONL records, on warm budgeted workers, resumable.

One engine, two front ends: `RecordLog` owns an output folder (a lock, one record per id, resume,
lines that survive any string) for both `scidsl batch` and `scidsl generate --input`.
"""
from __future__ import annotations

import json
import os
import pathlib
import sys
import tempfile
from typing import Any, Callable, Iterable, Iterator, Optional

from scidsl import limits
from scidsl.outfile import UnsafeOutput, current_umask, check_target
from scidsl.worker import Job, Outcome, WorkerPool, compile_to_record, failure_record

RECORDS = "records.jsonl"
LOCK = ".batch.lock"
RETRIES = 1  # a scene whose worker crashed is compiled once more on resume


class FolderBusy(Exception):
    """Another batch holds the output folder."""


def record_line(record: dict) -> bytes:
    """One JSONL line for any record: UTF-8 text, or ASCII escapes when a string is not encodable."""
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: \\udXXX escapes are valid JSON and read back
        return (json.dumps(record) + "\n").encode("ascii")


def _lock(fd: int) -> bool:
    """Take an exclusive, non-blocking lock on an open file; False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


class RecordLog:
    """An output folder's record file: locked while open, at most one record per id, append-only
    between runs; `start(ids)` drops the old records of the ids about to run again."""

    def __init__(self, out: pathlib.Path, name: str = RECORDS) -> None:
        self.out, self.path = out, out / name
        self.records: dict[str, dict] = {}
        self._clean = True  # the file holds exactly the records, one whole line each
        self._fd = -1
        self._fh: Any = None

    def __enter__(self) -> "RecordLog":
        self.out.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.out / LOCK, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        if not _lock(self._fd):
            os.close(self._fd)
            raise FolderBusy(f"{self.out} is in use by another batch")
        try:
            check_target(str(self.path))  # never read or append through a link to a file outside `out`
            self.records, self._clean = self._read()
        except BaseException:
            os.close(self._fd)
            raise
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._fh is not None:
            self._fh.close()
        os.close(self._fd)  # closing releases the lock

    def _read(self) -> tuple[dict[str, dict], bool]:
        """The last record of every id, and whether the file is exactly those lines, each whole."""
        records: dict[str, dict] = {}
        if not self.path.exists():
            return records, True
        data = self.path.read_bytes()
        lines = data.splitlines()
        for line in lines:
            try:
                record = json.loads(line)
                records[str(record["id"])] = record
            except (ValueError, KeyError, TypeError, RecursionError):
                continue  # a line cut by a crash of an earlier run
        return records, len(records) == len(lines) and (not data or data.endswith(b"\n"))

    def start(self, ids: Iterable[str]) -> None:
        """Forget the records of `ids` (they run again), then open the file for appending."""
        again = {i for i in ids if i in self.records}
        if again or not self._clean:
            keep = b"".join(record_line(r) for i, r in self.records.items() if i not in again)
            replace_file(self.path, keep)
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        self._fh = os.fdopen(os.open(self.path, flags, 0o666), "ab")

    def write(self, record: dict) -> None:
        """Append one record and flush it, so a crash loses at most the line being written."""
        self._fh.write(record_line(record))
        self._fh.flush()


def replace_file(path: pathlib.Path, data: bytes) -> None:
    """Write a file through a temporary file in its folder and an atomic rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~current_umask())  # as an ordinary new file, not mkstemp's owner-only mode
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_output(out: pathlib.Path, rel: str, data: bytes) -> None:
    """Write `out/rel` atomically, refusing any symbolic link on the way inside `out`."""
    target = out.joinpath(*rel.split("/"))
    for part in [*reversed(target.relative_to(out).parents[:-1]), target.relative_to(out)]:
        if (out / part).is_symlink():
            raise ValueError(f"refusing to write through the symbolic link {out / part}")
    target.parent.mkdir(parents=True, exist_ok=True)
    replace_file(target, data)


def scene_files(paths: Iterable[str]) -> dict[str, pathlib.Path]:
    """Every .sdl and .json scene under the given files and folders, by id: its path relative to the
    folder the arguments share, with `/` separators (unique per file)."""
    found: dict[str, pathlib.Path] = {}
    bases: list[str] = []
    for p in map(pathlib.Path, paths):
        if p.is_dir():
            bases.append(os.path.abspath(p))
            for f in p.rglob("*"):
                if f.suffix in (".sdl", ".json") and f.is_file():
                    found.setdefault(os.path.abspath(f), f)
        elif p.is_file():
            bases.append(os.path.dirname(os.path.abspath(p)))
            found.setdefault(os.path.abspath(p), p)
    if not found:
        return {}
    base = os.path.commonpath(bases)
    ids = {os.path.relpath(a, base).replace(os.sep, "/"): f for a, f in found.items()}
    return dict(sorted(ids.items()))


def _rerun(record: dict) -> bool:
    """A recorded scene runs again when its worker crashed and it was not retried yet."""
    return record.get("worker") == "crashed" and int(record.get("attempt", 1)) <= RETRIES


def _read_source(path: pathlib.Path) -> bytes:
    """The scene's bytes, at most one byte past the size limit (the compiler reports E0901)."""
    with open(path, "rb") as fh:
        return fh.read(limits.MAX_SOURCE_BYTES + 1)


def _jobs(todo: dict[str, pathlib.Path], task: Callable, fmt: str, failed: dict) -> Iterator[Job]:
    """(id, task, args) for each scene, read lazily; unreadable files go to `failed`."""
    for item, path in todo.items():
        try:
            yield item, task, (_read_source(path), str(path), fmt, None)
        except OSError as exc:
            failed[item] = {"ok": False, "diagnostics": [], "facts": [], "image": None, "scene": None,
                            "timings": {}, "error": f"cannot read {path}: {exc.strerror or exc}"}


def run_batch(paths: list[str], out_dir: str, fmt: str = "png", jobs: int = 2,
              seconds: float = limits.WORKER_SECONDS, progress: bool = True,
              task: Callable[..., dict] = compile_to_record, dask: Optional[str] = None) -> dict:
    """Compile every scene not recorded yet (and retry a crashed one once); return counts."""
    out = pathlib.Path(out_dir)
    files = scene_files(paths)
    counts = {"total": len(files), "skipped": 0, "ok": 0, "failed": 0}
    with RecordLog(out) as log:
        todo = {i: f for i, f in files.items() if i not in log.records or _rerun(log.records[i])}
        attempts = {i: int(log.records[i].get("attempt", 1)) + 1 for i in todo if i in log.records}
        counts["skipped"] = len(files) - len(todo)
        log.start(todo)
        unreadable: dict[str, dict] = {}
        results = _execute(_jobs(todo, task, fmt, unreadable), jobs, seconds, dask)
        for item, status, value in _progress(results, len(todo), progress):
            record = value if status == "ok" else failure_record(status, value, str(todo[item]), seconds)
            _save(out, log, item, todo[item], record, fmt, attempts.get(item, 1), counts)
        for item, record in unreadable.items():
            _save(out, log, item, todo[item], record, fmt, 1, counts)
    return counts


def _execute(jobs: Iterable[Job], n: int, seconds: float, dask: Optional[str]) -> Iterator[Outcome]:
    """Run the jobs on warm local workers (or a Dask cluster); yield (id, status, value)."""
    if dask:
        from scidsl.batch_dask import run_on_dask

        return run_on_dask(jobs, dask, n, seconds)
    return WorkerPool(max(1, n), seconds).run(jobs)


def _save(out: pathlib.Path, log: RecordLog, item: str, path: pathlib.Path, record: dict, fmt: str,
          attempt: int, counts: dict) -> None:
    """Write a scene's image, then its record (a record never names a missing image)."""
    image = record.pop("image", None)
    record.update(id=item, file=str(path), image=None, attempt=attempt)
    if image is not None:
        try:
            write_output(out, f"{item}.{fmt}", image)
            record["image"] = f"{item}.{fmt}"
        except (OSError, ValueError) as exc:
            record.update(ok=False, error=f"cannot write the image: {exc}")
    log.write(record)
    counts["ok" if record["ok"] else "failed"] += 1


def _progress(it: Iterable, total: int, enabled: bool) -> Iterator:
    if not enabled or not sys.stderr.isatty():
        yield from it
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("compiling", total=total)
        for x in it:
            yield x
            bar.advance(task)


def main_batch(paths: list[str], out_dir: str, fmt: str, jobs: int, seconds: Optional[float],
               dask: Optional[str] = None) -> int:
    """Run a batch and print a one-line summary; exit 1 when any scene failed, 2 when the folder is busy."""
    try:
        counts = run_batch(paths, out_dir, fmt, jobs, seconds or limits.WORKER_SECONDS, dask=dask)
    except (FolderBusy, UnsafeOutput) as exc:
        print(f"scidsl batch: {exc}", file=sys.stderr)
        return 2
    except ImportError as exc:  # --dask without the distributed package
        print(f"scidsl batch: --dask needs the package dask[distributed] ({exc})", file=sys.stderr)
        return 2
    except OSError as exc:  # an output folder that cannot be written, a cluster that cannot be reached
        print(f"scidsl batch: {exc}", file=sys.stderr)
        return 2
    print(f"{counts['ok']} compiled, {counts['failed']} failed, {counts['skipped']} already done "
          f"(records in {os.path.join(out_dir, RECORDS)})", file=sys.stderr)
    return 1 if counts["failed"] else 0
