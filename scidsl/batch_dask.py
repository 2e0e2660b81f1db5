"""The batch on a Dask distributed cluster: the same jobs and budgets, the records stay with the caller.

Each Dask worker thread keeps one warm budgeted compiler process (`WorkerPool`), so a scene past its
time or memory budget, or one that crashes, costs that process and not the Dask worker. Results come
back to the caller, which alone writes images and records: a task Dask happens to run twice is still
recorded once.
"""
from __future__ import annotations

import os
import threading
from typing import Any, Callable, Iterable, Iterator

from scidsl import limits
from scidsl.worker import Job, Outcome, WorkerPool

_LOCAL = threading.local()
DAEMONIC = ("the Dask worker is a daemonic process, which may not start the budgeted compiler: start "
            "workers with DASK_DISTRIBUTED__WORKER__DAEMON=False")


def run_job(fn: Callable[..., Any], args: tuple, seconds: float, memory: int) -> tuple[str, Any]:
    """On a Dask worker: run one job in this thread's warm budgeted process."""
    import multiprocessing

    if multiprocessing.current_process().daemon:
        return "error", DAEMONIC
    pool = getattr(_LOCAL, "pool", None)
    if pool is None or (pool.seconds, pool.memory) != (seconds, memory):
        # one BLAS thread in the compiler processes, as on the command line (an explicit setting is
        # kept): set before the pool starts them, on any worker, however the cluster was started
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        pool = _LOCAL.pool = WorkerPool(1, seconds, memory)
    return pool.call(fn, args)


def _client(address: str, workers: int) -> tuple[Any, Any]:
    """A client for `address`, or for a new LocalCluster of `workers` processes when it is "local"."""
    import logging

    import dask
    from distributed import Client, LocalCluster

    if address != "local":
        return Client(address), None
    # Workers start budgeted compiler processes of their own, which daemonic processes may not.
    with dask.config.set({"distributed.worker.daemon": False}):
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run_on_dask(jobs: Iterable[Job], address: str, workers: int, seconds: float = limits.WORKER_SECONDS,
                memory: int = limits.WORKER_BYTES) -> Iterator[Outcome]:
    """Run every (key, fn, args) on the cluster; yield (key, status, value) as each finishes."""
    from distributed import as_completed

    client, cluster = _client(address, workers)
    try:
        window = max(4, 2 * sum(client.nthreads().values()))
        todo, keys = iter(jobs), {}
        done = as_completed()
        for _ in range(window):
            if not _submit(client, todo, done, keys, seconds, memory):
                break
        for future in done:
            key = keys.pop(future.key)
            yield (key, *_outcome(future))
            _submit(client, todo, done, keys, seconds, memory)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _submit(client: Any, todo: Iterator, done: Any, keys: dict, seconds: float, memory: int) -> bool:
    """Send the next job to the cluster; False when there is none."""
    try:
        key, fn, args = next(todo)
    except StopIteration:
        return False
    future = client.submit(run_job, fn, args, seconds, memory, pure=False)
    keys[future.key] = key
    done.add(future)
    return True


def _outcome(future: Any) -> tuple[str, Any]:
    """The job's (status, value); a task the cluster could not run counts as a crashed worker."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - KilledWorker, a lost connection: this job's failure
        return "crashed", f"the Dask task failed: {type(exc).__name__}: {exc}"[:500]
