"""Inverse validation: a vision model answers each figure's quiz from the image alone.

Reads `dataset.jsonl` written by `scidsl export`, asks every item with the figure as an image part
of an OpenAI-compatible chat request, and reports the share of items answered right and the share of
figures with every item right; each question, reply and verdict is kept as a trace.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .retry import EndpointError, RetryPolicy, call_with_retry

TRACES = "validation.jsonl"
SYSTEM = (
    "You are shown a scientific figure. Answer the multiple-choice question from what the figure "
    "shows, and reply with the letter of one option only."
)


@dataclass
class Report:
    """Accuracy per item and per figure, with one trace per item asked."""

    items: int = 0
    correct: int = 0
    figures: int = 0
    figures_all_right: int = 0
    errors: int = 0
    traces: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The summary (without traces), with the accuracy per kind of fact asked."""
        return {
            "items": self.items,
            "correct": self.correct,
            "item_accuracy": _share(self.correct, self.items),
            "figures": self.figures,
            "figures_all_right": self.figures_all_right,
            "figure_accuracy": _share(self.figures_all_right, self.figures),
            "errors": self.errors,
            "by_fact": self.by_fact(),
        }

    def by_fact(self) -> dict[str, dict]:
        """Items and accuracy per fact predicate (region, offspring, value ...)."""
        out: dict[str, dict] = {}
        for t in self.traces:
            pred = str((t.get("fact") or {}).get("predicate", "?"))
            row = out.setdefault(pred, {"items": 0, "correct": 0})
            row["items"] += 1
            row["correct"] += bool(t["correct"])
        for row in out.values():
            row["accuracy"] = _share(row["correct"], row["items"])
        return dict(sorted(out.items()))


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def question_text(item: dict) -> str:
    """The question with its lettered options."""
    letters = "ABCDEFGH"
    options = "\n".join(f"{letters[i]}. {o}" for i, o in enumerate(item["options"]))
    return f"{item['question']}\n{options}\nAnswer with one letter."


def reply_letter(reply: str, n_options: int) -> str | None:
    """The option letter a reply names: a lone letter, 'Answer: B', '(C)'."""
    allowed = "ABCDEFGH"[:n_options]
    text = (reply or "").strip()
    if len(text.rstrip(".)")) == 1 and text[0].upper() in allowed:  # a lone "b" or "C."
        return text[0].upper()
    m = re.search(rf"\b([{allowed}])\b", text)  # capitals only: the article "a" is not option A
    return m.group(1) if m else None


def messages_for(image: bytes, item: dict) -> list[dict]:
    """The chat messages: the rule, then the figure as an image part and the question as text."""
    url = "data:image/png;base64," + base64.b64encode(image).decode("ascii")
    return [
        {"role": "system", "content": SYSTEM},
        {
            "role": "user",
            "content": [
                {"type": "image_url", "image_url": {"url": url}},
                {"type": "text", "text": question_text(item)},
            ],
        },
    ]


def _ask(client: Any, model: str, messages: list[dict], policy: RetryPolicy) -> str:
    reply = call_with_retry(
        lambda: client.chat.completions.create(model=model, messages=messages, temperature=0),
        policy,
        where="the vision model",
    )
    return reply.choices[0].message.content or ""


def validate_dataset(
    folder: str, client: Any, model: str, policy: RetryPolicy | None = None
) -> Report:
    """Ask every quiz item of every figure in `folder`; write the traces next to the dataset."""
    policy = policy or RetryPolicy(max_retries=1)
    root, report = Path(folder), Report()
    for line in (root / "dataset.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        if not row.get("quiz"):
            continue
        image = _image(root, str(row.get("image", "")))
        if image is None:
            continue
        right = [_item(report, client, model, policy, row, item, image) for item in row["quiz"]]
        report.figures += 1
        report.figures_all_right += all(right)
    from scidsl.outfile import write_atomic

    text = "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in report.traces)
    write_atomic(str(root / TRACES), text.encode("utf-8"))
    return report


def _image(root: Path, name: str) -> bytes | None:
    """The figure's bytes, only from inside the dataset folder (a record cannot point elsewhere)."""
    path = (root / name).resolve()
    if not name or root.resolve() not in path.parents or not path.is_file():
        return None
    return path.read_bytes()


def _item(
    report: Report,
    client: Any,
    model: str,
    policy: RetryPolicy,
    row: dict,
    item: dict,
    image: bytes,
) -> bool:
    try:
        reply, error = _ask(client, model, messages_for(image, item), policy), None
    except EndpointError as exc:
        reply, error = "", str(exc)
        report.errors += 1
    letter = reply_letter(reply, len(item["options"]))
    ok = letter == item["answer"]
    report.items += 1
    report.correct += ok
    report.traces.append(
        {
            "id": row["id"],
            "item": item.get("id"),
            "question": item["question"],
            "options": item["options"],
            "answer": item["answer"],
            "reply": reply,
            "chosen": letter,
            "correct": ok,
            "error": error,
            "fact": item.get("fact"),
        }
    )
    return ok


def run_validate(args: Any) -> int:
    """`scidsl validate`: print the accuracy as JSON; traces go to validation.jsonl."""
    import sys

    from .endpoint import EndpointConfigError, make_client

    if not args.model:
        print("scidsl validate: name the model with --model (or $SCIDSL_MODEL)", file=sys.stderr)
        return 2
    if not (Path(args.folder) / "dataset.jsonl").is_file():
        print(
            f"scidsl validate: {args.folder} has no dataset.jsonl (write one with scidsl export)",
            file=sys.stderr,
        )
        return 2
    policy = RetryPolicy(timeout_s=args.timeout, max_retries=1)
    try:
        client = make_client(args.base_url, args.api_key_env, policy)
    except EndpointConfigError as exc:
        print(f"scidsl validate: {exc}", file=sys.stderr)
        return 2
    report = validate_dataset(args.folder, client, args.model, policy)
    print(json.dumps(report.to_dict() | {"traces": str(Path(args.folder) / TRACES)}, indent=2))
    return 1 if report.errors else 0
