"""`scidsl export` (JSONL and Parquet) and `scidsl validate` against the loopback chat server."""
from __future__ import annotations

import json
import pathlib

import pytest
from tests.conftest import EXAMPLES
from tests.llm_server import ScriptedServer, text_reply, unused_port

from scidsl.cli import main

VENN = ('venn V { sets: ["A", "B"], regions: [["A", 12], ["A & B", 5]], sizes: [["B", 13]], outside: 3, '
        'answer: "?" }\n')
CROSS = 'punnett_square P { cross: "Aa x Aa", traits: [["purple", "white"]] }\n'


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> pathlib.Path:  # type: ignore[no-untyped-def]
    src = tmp_path_factory.mktemp("scenes")
    (src / "venn.sdl").write_text(VENN, encoding="utf-8")
    (src / "cross.sdl").write_text(CROSS, encoding="utf-8")
    out = tmp_path_factory.mktemp("dataset")
    assert main(["export", str(src), "--out", str(out), "--jobs", "1"]) == 0
    return out


def _rows(folder: pathlib.Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "dataset.jsonl").read_text("utf-8").splitlines()]


def test_jsonl_has_image_scene_facts_and_quiz(dataset: pathlib.Path) -> None:
    rows = {r["id"]: r for r in _rows(dataset)}
    assert set(rows) == {"venn.sdl", "cross.sdl"}  # ids are paths relative to the folder
    for row in rows.values():
        assert (dataset / row["image"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert row["scene"].strip() and row["facts"] and row["quiz"]
    hidden = {(f["predicate"], tuple(f["args"])) for f in rows["venn.sdl"]["facts"] if f["hidden"]}
    assert ("region", ("V", "B only")) in hidden
    assert all((i["fact"]["predicate"], tuple(i["fact"]["args"])) not in hidden for i in rows["venn.sdl"]["quiz"])


def test_parquet_loads_with_pyarrow(dataset: pathlib.Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(dataset / "dataset.parquet")
    assert table.num_rows == 2
    assert set(table.column_names) == {"id", "file", "image", "scene", "facts", "quiz"}
    first = table.to_pylist()[0]
    assert first["image"]["bytes"][:4] == b"\x89PNG"
    assert json.loads(first["quiz"])[0]["options"]
    features = json.loads(table.schema.metadata[b"huggingface"])["info"]["features"]
    assert features["image"] == {"_type": "Image"}


def test_parquet_loads_with_datasets(dataset: pathlib.Path) -> None:
    datasets = pytest.importorskip("datasets")
    ds = datasets.load_dataset("parquet", data_files=str(dataset / "dataset.parquet"), split="train")
    assert len(ds) == 2 and ds[0]["image"].size[0] > 0


def test_export_and_validate_run_on_an_examples_folder(tmp_path: pathlib.Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["export", str(EXAMPLES / "sets"), "--out", str(tmp_path), "--jobs", "1"]) == 0
    rows = _rows(tmp_path)
    assert len(rows) == len(list((EXAMPLES / "sets").glob("*.sdl")))
    capsys.readouterr()
    with ScriptedServer(_answers(rows)) as server:
        assert main(["validate", str(tmp_path), "--model", "vision", "--base-url", server.base_url]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["items"] == sum(len(r["quiz"]) for r in rows) > 0
    assert report["item_accuracy"] == 1.0 and report["figure_accuracy"] == 1.0


def _answers(rows: list[dict], wrong_in: str | None = None) -> list:
    """Scripted replies: the right letter for every item, except one wrong answer in figure `wrong_in`."""
    steps, spoiled = [], False
    for row in rows:
        for item in row["quiz"]:
            letter = item["answer"]
            if row["id"] == wrong_in and not spoiled:
                letter, spoiled = ("B" if letter == "A" else "A"), True
            steps.append(text_reply(f"Answer: {letter}"))
    return steps


def test_validate_reports_accuracy_against_the_loopback_server(dataset: pathlib.Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(dataset)
    n_items = sum(len(r["quiz"]) for r in rows)
    with ScriptedServer(_answers(rows, wrong_in="venn.sdl")) as server:
        code = main(["validate", str(dataset), "--model", "vision", "--base-url", server.base_url])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["items"] == n_items and report["correct"] == n_items - 1
    assert report["item_accuracy"] == round((n_items - 1) / n_items, 4)
    assert report["figures"] == 2 and report["figures_all_right"] == 1 and report["figure_accuracy"] == 0.5
    assert sum(row["items"] for row in report["by_fact"].values()) == n_items
    assert sum(row["items"] - row["correct"] for row in report["by_fact"].values()) == 1
    sent = server.requests[0]["messages"][1]["content"]
    assert sent[0]["type"] == "image_url" and sent[0]["image_url"]["url"].startswith("data:image/png;base64,")
    assert "Answer with one letter" in sent[1]["text"]
    traces = [json.loads(x) for x in (dataset / "validation.jsonl").read_text("utf-8").splitlines()]
    assert len(traces) == n_items and sum(not t["correct"] for t in traces) == 1


def test_validate_counts_an_unreachable_endpoint_as_errors(dataset: pathlib.Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["validate", str(dataset), "--model", "vision", "--base-url", f"http://127.0.0.1:{unused_port()}/v1",
                 "--timeout", "5"])
    assert code == 1
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == report["items"] > 0 and report["correct"] == 0


def test_validate_needs_an_exported_folder(tmp_path: pathlib.Path) -> None:
    assert main(["validate", str(tmp_path), "--model", "m", "--base-url", "http://127.0.0.1:1/v1"]) == 2


def test_reply_letters_are_read_from_common_answer_shapes() -> None:
    from scidsl.llm_bridge.validate import reply_letter

    assert reply_letter("B", 4) == "B" and reply_letter("c.", 4) == "C" and reply_letter("Answer: (D)", 4) == "D"
    assert reply_letter("It is a guess: B", 4) == "B"
    assert reply_letter("E", 4) is None and reply_letter("", 4) is None


def test_validate_reads_images_only_inside_the_dataset(tmp_path: pathlib.Path, capsys) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG not for the model")
    folder = tmp_path / "ds"
    folder.mkdir()
    row = {"id": "x", "image": "../secret.png", "quiz": [{"question": "q", "options": ["a", "b", "c"], "answer": "A"}]}
    (folder / "dataset.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    with ScriptedServer([]) as server:
        assert main(["validate", str(folder), "--model", "m", "--base-url", server.base_url]) == 0
    assert server.requests == []
    assert json.loads(capsys.readouterr().out)["items"] == 0
