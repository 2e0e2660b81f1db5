"""Generating figures for many problems: read JSONL, run the loop per problem, write figures and records."""

from __future__ import annotations

import copy
import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scidsl.batch import RecordLog, replace_file

from .agent import Agent, AgentResult

TEXT_KEYS = ("problem_text", "problem", "text", "question")
MAX_ID_CHARS = 100
RESULTS = "results.jsonl"


@dataclass(frozen=True)
class Problem:
    """One problem to draw, or the reason its input line is unusable."""

    id: str
    text: str
    error: str | None = None


@dataclass(frozen=True)
class BatchSummary:
    """Counts of one batch run."""

    total: int
    ok: int
    failed: int
    skipped: int


def read_problems(path: str | Path) -> Iterator[Problem]:
    """Problems from JSONL: `id`, `problem_text` (or `problem`, `text`), optional `figure_description`."""
    seen: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if line.strip():
                problem = _problem_from_line(line, line_no)
                yield _unique(problem, seen)


def _unique(problem: Problem, seen: set[str]) -> Problem:
    """Give a repeated id a suffix (`p_2`), so two problems never write the same files."""
    pid, n = problem.id, 1
    while pid in seen:
        n += 1
        pid = f"{problem.id}_{n}"
    seen.add(pid)
    return problem if pid == problem.id else Problem(pid, problem.text, problem.error)


def _problem_from_line(line: str, line_no: int) -> Problem:
    """Parse one JSONL line into a `Problem`."""
    fallback = f"line{line_no}"
    try:
        data = json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return Problem(fallback, "", f"line {line_no} is not valid JSON")
    if not isinstance(data, dict):
        return Problem(fallback, "", f"line {line_no} is not a JSON object")
    pid = safe_id(str(data.get("id") or fallback))
    text = next(
        (data[k] for k in TEXT_KEYS if isinstance(data.get(k), str) and data[k].strip()), None
    )
    if text is None:
        return Problem(
            pid, "", f"line {line_no} has no problem text (keys: {', '.join(TEXT_KEYS)})"
        )
    description = data.get("figure_description")
    if isinstance(description, str) and description.strip():
        # Benchmarks describe the expected figure; it tells the model what to draw.
        text = f"{text}\n\nFigure description: {description.strip()}"
    return Problem(pid, text)


def safe_id(raw: str) -> str:
    """A file-name-safe form of a problem id."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", raw).strip("._")[:MAX_ID_CHARS]
    return cleaned or "problem"


def finished_ids(results_path: Path) -> set[str]:
    """Ids already drawn successfully in an earlier run (for --resume)."""
    with RecordLog(results_path.parent, results_path.name) as log:
        return {i for i, r in log.records.items() if r.get("ok")}


def run_batch(
    problems: list[Problem],
    out_dir: Path,
    agent: Agent,
    *,
    fmt: str = "png",
    resume: bool = False,
    jobs: int = 1,
    progress: Callable[[str], None] = lambda _msg: None,
) -> BatchSummary:
    """Draw every problem into `out_dir`, keeping one record a problem in results.jsonl."""
    with RecordLog(out_dir, RESULTS) as log:
        done = {i for i, r in log.records.items() if r.get("ok")} if resume else set()
        pending = [(i, p) for i, p in enumerate(problems, start=1) if p.id not in done]
        log.start(p.id for _, p in pending)
        render_lock, write_lock = threading.Lock(), threading.Lock()
        worker = _serialised(agent, render_lock) if jobs > 1 else agent
        counts = {"ok": 0, "failed": 0}

        def work(item: tuple[int, Problem]) -> None:
            index, problem = item
            record = _draw_one(problem, out_dir, worker, fmt, render_lock)
            with write_lock:
                log.write(record)
                counts["ok" if record["ok"] else "failed"] += 1
                progress(f"[{index}/{len(problems)}] {problem.id}: {record['report']}")

        if jobs > 1:
            # Model calls overlap; compiling and saving take turns (Matplotlib is not thread-safe).
            with ThreadPoolExecutor(max_workers=jobs) as pool:
                list(pool.map(work, pending))
        else:
            for item in pending:
                work(item)
    return BatchSummary(len(problems), counts["ok"], counts["failed"], len(problems) - len(pending))


def _serialised(agent: Agent, lock: threading.Lock) -> Agent:
    """A copy of `agent` whose compile function runs under `lock`."""
    compile_fn = agent.compile_fn

    def locked(scene: Any) -> Any:
        with lock:
            return compile_fn(scene)

    twin = copy.copy(agent)
    twin.compile_fn = locked
    return twin


def _draw_one(
    problem: Problem, out_dir: Path, agent: Agent, fmt: str, render_lock: threading.Lock
) -> dict[str, Any]:
    """Run the loop for one problem and save what it produced."""
    record: dict[str, Any] = {"id": problem.id, "ok": False, "figure": None, "scene": None}
    if problem.error:
        return {
            **record,
            "stop_reason": "bad_input",
            "turns": 0,
            "error": problem.error,
            "report": problem.error,
        }
    result = agent.run(problem.text, problem_id=problem.id)
    record.update(
        stop_reason=result.stop_reason,
        turns=len(result.attempts),
        error=result.error,
        report=result.report(),
        usage=result.usage,
    )
    if result.scene is not None:
        scene_path = out_dir / f"{problem.id}{scene_suffix(result)}"
        record["scene"] = str(save_scene(result, scene_path))
    if result.ok:
        try:
            with render_lock:
                record["figure"] = str(save_figure(result, out_dir / f"{problem.id}.{fmt}"))
            record["ok"] = True
        except Exception as exc:  # noqa: BLE001 - a failed save is this problem's record, not the batch's end
            record.update(
                error=f"could not save the figure: {exc}", report="figure compiled but not saved"
            )
    return record


def save_figure(result: AgentResult, path: Path) -> Path:
    """Write the compiled figure to `path` (format from the suffix)."""
    outcome = result.outcome
    if outcome is None or not outcome.ok:
        raise ValueError("there is no compiled figure to save")
    if outcome.save is not None:
        outcome.save(str(path))
    elif outcome.png is not None and path.suffix.lower() == ".png":
        write_atomic(path, outcome.png)
    else:
        raise ValueError(f"this figure cannot be saved as {path.suffix or 'a file without suffix'}")
    return path


def scene_suffix(result: AgentResult) -> str:
    """.sdl for a scene in text form, .json for the JSON form."""
    return ".sdl" if isinstance(result.scene, str) else ".json"


def save_scene(result: AgentResult, path: Path) -> Path:
    """Write the last scene the model sent to `path`."""
    scene = result.scene
    if isinstance(scene, str):
        data = scene.rstrip("\n") + "\n"
    else:
        data = json.dumps(scene, indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, data.encode("utf-8"))
    return path


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file and rename; never write through a symlink."""
    if path.is_symlink():
        raise ValueError(f"refusing to write through the symbolic link {path}")
    replace_file(path, data)
