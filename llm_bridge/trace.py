"""JSONL traces of model attempts: one line per attempt, flushed as it happens."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import IO, Any


class TraceWriter:
    """Appends one JSON object a line to a file; `None` path keeps records in memory only."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.records: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._file: IO[str] | None = None
        if path is not None:
            from scidsl.outfile import check_target

            Path(path).parent.mkdir(parents=True, exist_ok=True)
            check_target(str(path))  # never append through a symbolic link or to a FIFO
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
            self._file = os.fdopen(os.open(path, flags, 0o666), "a", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> None:
        """Record one event and flush it, so a crash loses nothing already written."""
        line = json.dumps(record, ensure_ascii=False, default=str)
        with self._lock:
            self.records.append(record)
            if self._file is not None:
                self._file.write(line + "\n")
                self._file.flush()

    def close(self) -> None:
        """Close the file (records stay readable in memory)."""
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None

    def __enter__(self) -> TraceWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_trace(path: str | Path) -> list[dict[str, Any]]:
    """Load a JSONL trace back into a list of records."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
