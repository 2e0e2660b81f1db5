"""Datasets: figures compiled by the batch engine, written as JSONL and as Parquet with image, scene, facts, quiz.

The Parquet file carries the `datasets` library's feature metadata, so `load_dataset("parquet", ...)`
gives `image` as an Image feature; facts and quiz items are JSON text in both files' Parquet form.
"""
from __future__ import annotations

import json
import pathlib
from typing import Any, Iterable

from scidsl.batch import RECORDS, run_batch

DATASET_JSONL = "dataset.jsonl"
DATASET_PARQUET = "dataset.parquet"
_FEATURES = {
    "id": {"dtype": "string", "_type": "Value"},
    "file": {"dtype": "string", "_type": "Value"},
    "image": {"_type": "Image"},
    "scene": {"dtype": "string", "_type": "Value"},
    "facts": {"dtype": "string", "_type": "Value"},
    "quiz": {"dtype": "string", "_type": "Value"},
}


def facts_from_dicts(items: Iterable[dict]) -> list:
    """Facts back from their plain form (records, facts files)."""
    from scidsl.pipeline import Fact

    return [Fact(d["predicate"], tuple(_tuple(a) for a in d.get("args", ())), d.get("value"), d.get("text", ""),
                 bool(d.get("hidden", False))) for d in items]


def _tuple(v: Any) -> Any:
    return tuple(_tuple(x) for x in v) if isinstance(v, list) else v


def latest_records(out_dir: pathlib.Path) -> list[dict]:
    """The last record of each compiled figure, in id order (a resumed batch appends)."""
    by_id: dict[str, dict] = {}
    path = out_dir / RECORDS
    for line in path.read_text("utf-8").splitlines() if path.exists() else []:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and "id" in record:
            by_id[record["id"]] = record
    return [by_id[k] for k in sorted(by_id)]


def dataset_rows(out_dir: pathlib.Path, seed: int = 0) -> list[dict]:
    """One row per compiled figure: id, file, image path, canonical scene, facts and quiz."""
    from scidsl.quiz import make_quiz

    rows = []
    for r in latest_records(out_dir):
        if not r.get("ok") or not r.get("image"):
            continue
        facts = facts_from_dicts(r.get("facts", []))
        rows.append({"id": r["id"], "file": r.get("file", ""), "image": r["image"], "scene": r.get("scene") or "",
                     "facts": [f.to_dict() for f in facts], "quiz": make_quiz(facts, seed)})
    return rows


def write_jsonl(rows: list[dict], path: pathlib.Path) -> None:
    """The rows, one JSON object a line (image as a path relative to the dataset folder)."""
    from scidsl.variants import write_text

    write_text(str(path), "".join(json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in rows))


def write_parquet(rows: list[dict], out_dir: pathlib.Path) -> pathlib.Path:
    """The rows as Parquet, images embedded as bytes; loadable with `datasets` and pyarrow."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    image_type = pa.struct([("bytes", pa.binary()), ("path", pa.string())])
    table = pa.table({
        "id": pa.array([r["id"] for r in rows], pa.string()),
        "file": pa.array([r["file"] for r in rows], pa.string()),
        "image": pa.array([{"bytes": (out_dir / r["image"]).read_bytes(), "path": r["image"]} for r in rows],
                          image_type),
        "scene": pa.array([r["scene"] for r in rows], pa.string()),
        "facts": pa.array([json.dumps(r["facts"], ensure_ascii=False, default=str) for r in rows], pa.string()),
        "quiz": pa.array([json.dumps(r["quiz"], ensure_ascii=False, default=str) for r in rows], pa.string()),
    })
    meta = {b"huggingface": json.dumps({"info": {"features": _FEATURES}}).encode()}
    table = table.replace_schema_metadata(meta)
    from scidsl.outfile import write_atomic

    path = out_dir / DATASET_PARQUET
    write_atomic(str(path), lambda fh: pq.write_table(table, fh))  # a temporary name of its own, no link followed
    return path


def export_dataset(paths: list[str], out_dir: str, jobs: int = 2, seed: int = 0) -> dict:
    """Compile every scene (resumable, budgeted workers) and write the dataset files; return counts."""
    counts = run_batch(paths, out_dir, "png", jobs, progress=True)
    out = pathlib.Path(out_dir)
    rows = dataset_rows(out, seed)
    write_jsonl(rows, out / DATASET_JSONL)
    write_parquet(rows, out)
    counts["rows"] = len(rows)
    counts["items"] = sum(len(r["quiz"]) for r in rows)
    return counts
