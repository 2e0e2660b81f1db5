"""Batch compilation: many scenes → images and JSONL records, isolated, resumable, with progress."""
from __future__ import annotations

import json
import os
import pathlib
import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Iterable, Iterator, Optional

from scidsl import limits
from scidsl.worker import compile_isolated

RECORDS = "records.jsonl"


def scene_files(paths: Iterable[str]) -> list[pathlib.Path]:
    """Every .sdl and .json scene under the given files and folders, sorted."""
    out: list[pathlib.Path] = []
    for p in map(pathlib.Path, paths):
        if p.is_dir():
            out.extend(f for f in p.rglob("*") if f.suffix in (".sdl", ".json") and f.is_file())
        elif p.is_file():
            out.append(p)
    return sorted(set(out))


def _item_id(path: pathlib.Path, roots: list[pathlib.Path]) -> str:
    for root in roots:
        if root.is_dir() and root in path.parents:
            return str(path.relative_to(root).with_suffix("")).replace(os.sep, "__")
    return path.stem


def _done(out_dir: pathlib.Path) -> set[str]:
    done = set()
    records = out_dir / RECORDS
    if records.exists():
        for line in records.read_text("utf-8").splitlines():
            try:
                done.add(json.loads(line)["id"])
            except (ValueError, KeyError, TypeError):
                continue
    return done


def run_batch(paths: list[str], out_dir: str, fmt: str = "png", jobs: int = 2,
              seconds: float = limits.WORKER_SECONDS, progress: bool = True) -> dict:
    """Compile every scene; skip those already recorded; return counts."""
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    roots = [pathlib.Path(p) for p in paths]
    files = scene_files(paths)
    done = _done(out)
    todo = [(f, _item_id(f, roots)) for f in files if _item_id(f, roots) not in done]
    counts = {"total": len(files), "skipped": len(files) - len(todo), "ok": 0, "failed": 0}
    with open(out / RECORDS, "a", encoding="utf-8") as log, ThreadPoolExecutor(max(1, jobs)) as pool:
        futures = {pool.submit(compile_isolated, f.read_bytes(), str(f), fmt, None, seconds): (f, i) for f, i in todo}
        for record in _progress(as_completed(futures), len(futures), progress):
            path, item = futures[record]
            data = record.result()
            image = data.pop("image")
            if image is not None:
                (out / f"{item}.{fmt}").write_bytes(image)
            data.update(id=item, file=str(path), image=f"{item}.{fmt}" if image is not None else None)
            log.write(json.dumps(data, ensure_ascii=False) + "\n")
            log.flush()
            counts["ok" if data["ok"] else "failed"] += 1
    return counts


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


def main_batch(paths: list[str], out_dir: str, fmt: str, jobs: int, seconds: Optional[float]) -> int:
    """Run a batch and print a one-line summary; exit 1 when any scene failed."""
    counts = run_batch(paths, out_dir, fmt, jobs, seconds or limits.WORKER_SECONDS)
    print(f"{counts['ok']} compiled, {counts['failed']} failed, {counts['skipped']} already done "
          f"(records in {os.path.join(out_dir, RECORDS)})", file=sys.stderr)
    return 1 if counts["failed"] else 0
