"""Compile scenes in separate processes with a time and memory budget.

Batch runs and servers use this so that one hostile or pathological scene (a segfault in a native
library, a runaway computation) is attributed to its file and never takes the others down.
`run_isolated` forks one child for one call; `WorkerPool` keeps warm workers, forked from a server that
imported the compiler once, and replaces any worker that fails or overruns its budget.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import time
from dataclasses import dataclass, field
from multiprocessing import connection as mp_connection
from typing import Any, Callable, Iterable, Iterator, Optional

from scidsl import limits

WORKER_JOBS = 200  # scenes a warm worker compiles before it is replaced (bounds slow leaks)
Job = tuple[Any, Callable[..., Any], tuple]  # (key, function, arguments)
Outcome = tuple[Any, str, Any]  # (key, "ok" | "timeout" | "memory" | "crashed" | "error", value or detail)


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
                 memory: int = limits.WORKER_BYTES, cancel: Optional[Any] = None) -> tuple[str, Any]:
    """Run fn(*args) in a child process: ("ok", value), or ("timeout" | "memory" | "crashed" | "error" |
    "cancelled", detail); the child is killed as soon as `cancel` (a threading.Event) is set."""
    ctx = mp.get_context("fork" if os.name == "posix" else "spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, fn, args), daemon=True)
    proc.start()
    child.close()
    try:
        status, value = _wait(parent, proc, seconds, memory, cancel)
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


def _wait(parent: Any, proc: Any, seconds: float, memory: int, cancel: Optional[Any] = None) -> tuple[str, Any]:
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
        if cancel is not None and cancel.is_set():
            return "cancelled", None
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
    return value if status == "ok" else failure_record(status, value, filename, seconds, memory)


def failure_record(status: str, detail: Any, filename: str, seconds: float = limits.WORKER_SECONDS,
                   memory: int = limits.WORKER_BYTES) -> dict:
    """The record of a scene whose worker failed: one E0909 diagnostic; `worker` says how it failed."""
    why = {"timeout": f"compiling took longer than the {seconds:g} s budget",
           "memory": f"compiling needed more than the {memory / 2**30:g} GiB budget",
           "crashed": f"the compiler process crashed ({detail})",
           "error": f"the compiler process failed ({detail})"}[status]
    diag = {"code": "E0909", "severity": "error", "message": why, "hint": "simplify the scene",
            "span": {"file": filename, "line": 1, "col": 1, "end_line": 1, "end_col": 2}, "related": []}
    return {"ok": False, "diagnostics": [diag], "facts": [], "image": None, "scene": None, "timings": {},
            "worker": status}

# --- warm workers -------------------------------------------------------------------------------

WARM_MODULES = ("scidsl.pipeline", "scidsl.fmt", "matplotlib.backends.backend_agg", "sympy",
                "scipy.optimize", "networkx", "shapely", "rdkit.Chem")
WARM_SCENE = b'scene "warm"\ndot P at (0, 0) { label: "$P_1$" }\npolyline l { points: [(0, 0), (2, 1)] }\n'


def warm_up() -> None:
    """Import the compiler, every domain and the heavy libraries, and compile one small scene."""
    import importlib

    from scidsl import registry

    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
    try:  # the fork server must start even if warming fails: workers then warm up on their own
        for dom in registry.DOMAINS:
            registry.implementation(dom.name)
        compile_to_record(WARM_SCENE, "warm.sdl")
    except Exception:  # noqa: BLE001
        return
    finally:
        import gc

        # the loaded compiler is never garbage: the collector skips it from now on (each full collection
        # would walk its few hundred thousand objects again), and forked workers share its pages
        gc.freeze()


def _serve(conn: Any) -> None:
    """A worker's loop: run (fn, args) jobs one at a time and answer each, until told to stop."""
    import faulthandler
    import signal

    faulthandler.disable()  # a crash is reported by the parent, attributed to its scene
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        fn, args = job
        try:
            answer: tuple[str, Any] = ("ok", fn(*args))
        except MemoryError:
            answer = ("memory", None)
        except BaseException as exc:  # report, never hang the parent
            answer = ("error", f"{type(exc).__name__}: {exc}"[:500])
        try:
            conn.send(answer)
        except OSError:  # the parent is gone
            return
        except Exception as exc:  # an answer that cannot be pickled is this job's failure
            conn.send(("error", f"the result could not be sent back: {type(exc).__name__}"))


def _context() -> Any:
    """A fork server that imported the compiler once (POSIX), else plain spawn."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["scidsl.warm"])
    return ctx


@dataclass
class _Slot:
    """One worker process and the job it runs."""

    proc: Any
    conn: Any
    job: Optional[tuple[Any, float]] = None  # (key, start time)
    served: int = 0


@dataclass
class WorkerPool:
    """Long-lived budgeted workers: a worker past its time or memory budget, or one that dies, is
    replaced; its job is answered ("timeout" | "memory" | "crashed", detail) and no other job is lost."""

    jobs: int = 1
    seconds: float = limits.WORKER_SECONDS
    memory: int = limits.WORKER_BYTES
    recycle: int = WORKER_JOBS
    _slots: list[_Slot] = field(default_factory=list)

    def run(self, jobs: Iterable[Job]) -> Iterator[Outcome]:
        """Run every (key, fn, args); yield (key, status, value) as each finishes, in any order."""
        try:
            yield from self._results(jobs)
        finally:
            self.close()

    def call(self, fn: Callable[..., Any], args: tuple) -> tuple[str, Any]:
        """Run one job on a kept worker: (status, value); the pool stays open for the next call."""
        for _, status, value in self._results([(None, fn, args)]):
            return status, value
        return "error", "no answer"

    def _results(self, jobs: Iterable[Job]) -> Iterator[Outcome]:
        """The scheduling loop of `run`, leaving the workers running."""
        ctx, todo = _context(), iter(jobs)
        while True:
            more = self._feed(ctx, todo)
            busy = [s for s in self._slots if s.job is not None]
            if not busy and not more:
                return
            ready = mp_connection.wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], 0.1)
            for slot in busy:
                outcome = self._outcome(slot, ready)
                if outcome is not None:
                    key = slot.job[0]
                    slot.job = None
                    yield (key, *outcome)

    def _feed(self, ctx: Any, todo: Iterator) -> bool:
        """Give a job to every idle worker; False once there are no jobs left."""
        while len(self._slots) < max(1, self.jobs):
            self._slots.append(_Slot(None, None))
        for i, slot in enumerate(self._slots):
            if slot.job is not None:
                continue
            try:
                key, fn, args = next(todo)
            except StopIteration:
                return False
            self._slots[i] = slot = self._ready(ctx, slot)
            try:
                slot.conn.send((fn, args))
            except OSError:  # the idle worker died: a fresh one takes the job
                slot.served = self.recycle
                self._slots[i] = slot = self._ready(ctx, slot)
                slot.conn.send((fn, args))
            slot.job, slot.served = (key, time.monotonic()), slot.served + 1
        return True

    def _ready(self, ctx: Any, slot: _Slot) -> _Slot:
        """The slot's worker if it is alive and not due for recycling, else a fresh one."""
        if slot.proc is not None and slot.proc.is_alive() and slot.served < self.recycle:
            return slot
        _stop(slot)
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child,), daemon=True)
        proc.start()
        child.close()
        return _Slot(proc, parent)

    def _outcome(self, slot: _Slot, ready: list) -> Optional[tuple[str, Any]]:
        """The busy worker's answer or failure, or None while it is still within budget."""
        if slot.conn in ready or slot.proc.sentinel in ready:
            try:
                if slot.conn.poll(0):
                    return slot.conn.recv()
            except (EOFError, OSError):
                pass
            slot.proc.join(1)
            code = slot.proc.exitcode
            _stop(slot)
            return "crashed", f"the worker exited with code {code}"
        if time.monotonic() - slot.job[1] > self.seconds:
            _stop(slot)
            return "timeout", None
        if _resident_bytes(slot.proc.pid) > self.memory:
            _stop(slot)
            return "memory", None
        return None

    def close(self) -> None:
        """Stop every worker."""
        for slot in self._slots:
            _stop(slot)
        self._slots.clear()


def _stop(slot: _Slot) -> None:
    """Stop a slot's worker: ask an idle one to leave, kill a busy one."""
    proc, conn = slot.proc, slot.conn
    slot.proc = slot.conn = None
    slot.served = 0
    if proc is None:
        return
    if slot.job is None and proc.is_alive():
        try:
            conn.send(None)
        except OSError:
            pass
        proc.join(1)
    if proc.is_alive():
        proc.kill()
    proc.join(5)
    conn.close()
