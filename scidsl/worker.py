"""Compile a scene in a separate process with a time and memory budget.

Batch runs and servers use this so that one hostile or pathological scene (a segfault in a native
library, a runaway computation) is attributed to its file and never takes the others down.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import time
from typing import Any, Callable, Optional

from scidsl import limits


def _child(conn: Any, fn: Callable[..., Any], args: tuple) -> None:
    import faulthandler

    faulthandler.disable()  # a crash is reported by the parent, attributed to its file
    try:
        conn.send(("ok", fn(*args)))
    except MemoryError:
        conn.send(("memory", None))
    except BaseException as exc:  # report, never hang the parent
        conn.send(("error", f"{type(exc).__name__}: {exc}"[:500]))
    finally:
        conn.close()


def run_isolated(fn: Callable[..., Any], args: tuple, seconds: float = limits.WORKER_SECONDS,
                 memory: int = limits.WORKER_BYTES) -> tuple[str, Any]:
    """Run fn(*args) in a child process: ("ok", value), or ("timeout" | "memory" | "crashed" | "error", detail)."""
    ctx = mp.get_context("fork" if os.name == "posix" else "spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, fn, args), daemon=True)
    proc.start()
    child.close()
    try:
        status, value = _wait(parent, proc, seconds, memory)
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    # An answer received is final: a child forked from a thread may exit non-zero afterwards while
    # interpreter shutdown joins threads that only existed in the parent.
    if status == "crashed":
        return "crashed", f"the worker exited with code {proc.exitcode}"
    return status, value


def _resident_bytes(pid: int) -> int:
    """Resident memory of a process (Linux /proc); 0 where it cannot be read."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _wait(parent: Any, proc: Any, seconds: float, memory: int) -> tuple[str, Any]:
    """Wait for the child's answer, watching its time and resident memory (RSS, not address space:
    numerical libraries reserve far more address space than they use)."""
    deadline = time.monotonic() + seconds
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return "timeout", None
        if parent.poll(min(0.1, left)):
            try:
                return parent.recv()
            except EOFError:
                return "crashed", None
        if _resident_bytes(proc.pid) > memory:
            return "memory", None
        if not proc.is_alive() and not parent.poll(0):
            return "crashed", None


def compile_to_record(source: bytes, filename: str, fmt: str = "png", dpi: Optional[float] = None) -> dict:
    """Compile and encode in this process; return plain data (no trees, no figures)."""
    import scidsl
    from scidsl.fmt import format_scene

    result = scidsl.compile(source, filename, dpi=dpi)
    record = result.to_dict()
    record["image"] = result.to_bytes(fmt) if result.ok else None
    record["scene"] = format_scene(result.scene) if result.scene is not None else None
    record["timings"] = result.timings
    return record


def compile_isolated(source: bytes, filename: str, fmt: str = "png", dpi: Optional[float] = None,
                     seconds: float = limits.WORKER_SECONDS, memory: int = limits.WORKER_BYTES) -> dict:
    """`compile_to_record` in a budgeted child; a failure of the worker becomes an E0909 diagnostic."""
    status, value = run_isolated(compile_to_record, (source, filename, fmt, dpi), seconds, memory)
    if status == "ok":
        return value
    why = {"timeout": f"compiling took longer than the {seconds:g} s budget",
           "memory": f"compiling needed more than the {memory / 2**30:g} GiB budget",
           "crashed": f"the compiler process crashed ({value})",
           "error": f"the compiler process failed ({value})"}[status]
    diag = {"code": "E0909", "severity": "error", "message": why, "hint": "simplify the scene",
            "span": {"file": filename, "line": 1, "col": 1, "end_line": 1, "end_col": 2}, "related": []}
    return {"ok": False, "diagnostics": [diag], "facts": [], "image": None, "scene": None, "timings": {}}
