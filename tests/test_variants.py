"""Variants: ranges on givens and properties, resampled, re-checked, distinct; one example per folder."""
from __future__ import annotations

import glob
import json
import os

import pytest

import scidsl
from scidsl.cli import main
from scidsl.fmt import format_scene
from scidsl.variants import make_variants, slots

ROOT = os.path.join(os.path.dirname(__file__), "..", "examples")
FOLDERS = sorted(os.path.basename(d.rstrip("/")) for d in glob.glob(os.path.join(ROOT, "*/")))
VENN = ('venn V { sets: ["A", "B"], sizes: [["A", 10], ["A & B", 6]], regions: [["B", 2]] }\n'
        "vary of V.sizes { at: [1, 2], range: [2, 12] }\n")


def _scene(text: str) -> scidsl.Result:
    result = scidsl.compile(text)
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]
    return result


def _with_ranges(folder: str) -> list[str]:
    paths = []
    for path in sorted(glob.glob(os.path.join(ROOT, folder, "*.sdl"))):
        with open(path, encoding="utf-8") as fh:
            if "vary" in fh.read():
                paths.append(path)
    assert paths, f"no example in {folder} declares a range"
    return paths


def _visible(result: scidsl.Result) -> set:
    return {(f.predicate, str(f.args), str(f.value)) for f in result.facts
            if not f.hidden and f.predicate != "page_numbers"}


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_folder_has_an_example_with_distinct_verified_variants(folder: str) -> None:
    # a variant is a new problem: some fact the figure shows changes, not only the drawing
    for path in _with_ranges(folder):
        with open(path, encoding="utf-8") as fh:
            result = scidsl.compile(fh.read(), path)
        assert result.ok and result.scene is not None and slots(result.scene)
        found = make_variants(result.scene, 2, seed=3, filename=path)
        assert len(found) == 2
        assert found[0].values != found[1].values and found[0].text != found[1].text
        assert all(v.result.ok for v in found)
        if _visible(found[0].result) != _visible(found[1].result):
            return
    raise AssertionError(f"no example in {folder} has variants that differ in a fact the figure shows")


def test_a_variant_that_breaks_a_relation_is_rejected() -> None:
    found = make_variants(_scene(VENN).scene, 5, seed=0)
    assert len(found) == 5
    assert all(v.values["V.sizes[1][2]"] >= 6 for v in found)  # below 6, the region A only turns negative


def test_the_same_seed_gives_the_same_variants() -> None:
    scene = _scene(VENN).scene
    assert [v.values for v in make_variants(scene, 3, seed=7)] == [v.values for v in make_variants(scene, 3, seed=7)]


def test_a_given_range_changes_the_drawn_value() -> None:
    text = ("triangle ABC\ngiven angle(C) = 90 deg\ngiven length(AC) = 3 cm { vary: [2, 6] }\n"
            "given length(BC) = 4 cm\n")
    for v in make_variants(_scene(text).scene, 3, seed=1):
        drawn = [t.text for t in v.result.texts]
        assert f"{v.values['given length(AC)']:g} cm" in drawn


def test_ranges_round_trip_through_fmt() -> None:
    scene = _scene(VENN).scene
    assert "vary of V.sizes { range: [2, 12], at: [1, 2] }" in format_scene(scene)
    again = _scene(format_scene(scene)).scene
    assert again == scene


def test_cli_writes_variants_with_facts_and_quizzes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    scene = tmp_path / "v.sdl"
    scene.write_text(VENN, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["variants", str(scene), "-n", "3", "--seed", "2", "--out", str(out)]) == 0
    rows = [json.loads(line) for line in (out / "v.variants.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3 and len({json.dumps(r["values"]) for r in rows}) == 3
    for k in (1, 2, 3):
        assert (out / f"v-{k}.png").stat().st_size > 0
        assert json.loads((out / f"v-{k}.quiz.json").read_text(encoding="utf-8"))
        assert json.loads((out / f"v-{k}.facts.json").read_text(encoding="utf-8"))


def test_cli_says_when_too_few_variants_pass(tmp_path) -> None:  # type: ignore[no-untyped-def]
    scene = tmp_path / "v.sdl"
    scene.write_text(VENN, encoding="utf-8")
    assert main(["variants", str(scene), "-n", "20", "--out", str(tmp_path / "o")]) == 1


def test_cli_needs_a_range(tmp_path) -> None:  # type: ignore[no-untyped-def]
    scene = tmp_path / "v.sdl"
    scene.write_text('venn V { sets: ["A", "B"], regions: [["A", 1]] }\n', encoding="utf-8")
    assert main(["variants", str(scene), "--out", str(tmp_path / "o")]) == 2


def test_variants_never_write_through_a_symbolic_link(tmp_path) -> None:  # type: ignore[no-untyped-def]
    scene = tmp_path / "v.sdl"
    scene.write_text(VENN, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep", encoding="utf-8")
    (out / "v-1.sdl").symlink_to(target)
    assert main(["variants", str(scene), "-n", "1", "--out", str(out)]) == 2
    assert target.read_text(encoding="utf-8") == "keep"
