"""The pytest plugin in a sample user project: scene snapshots, markers, updates, image snapshots."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

TRIANGLE = """scene "Right triangle"
triangle ABC { right: C }
given length(AC) = 3 cm
given length(BC) = 4 cm
"""
BROKEN = """battery E { voltage: 6 V }
resistor R1 { resistance: -4 ohm }  # E: E2015
circuit c { loop: [E, R1] }
"""
PROPERTY_TEST = '''
from hypothesis import given, settings
from scidsl.testing import number_of, strategies as sds


@settings(max_examples=4, deadline=None, database=None)
@given(sds.triangles(constructions=False))
def test_every_triangle_states_angles_that_sum_to_180(case):
    result = case.compile()
    case.check(result)
    angles = [number_of(f.value) for f in result.facts if f.predicate == "exact" and f.args[0].startswith("angle(")]
    assert len(angles) == 3 and abs(sum(angles) - 180) < 1e-6


@settings(max_examples=4, deadline=None, database=None)
@given(sds.unbalanced_reactions())
def test_my_pipeline_refuses_unbalanced_reactions(broken):
    broken.check(broken.compile())
'''


@pytest.fixture(scope="module", autouse=True)
def _imported_once() -> None:
    """The inner runs are in this process and drop the modules they import afterwards; compiled extensions
    (numpy, RDKit) cannot be loaded twice, so everything the sample project needs is imported here first."""
    import scidsl
    import scidsl.testing.strategies  # noqa: F401
    from scidsl.testing.snapshots import image_distance

    png = scidsl.compile(TRIANGLE).to_bytes("png", dpi=50)
    image_distance(png, png)
    scidsl.compile(BROKEN)
    scidsl.compile('reaction r { equation: "2 H2 + O2 -> 2 H2O" }')


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """pytest in the sample project; the plugin comes from scidsl's entry point, or is named when this
    environment was installed before the entry point existed."""
    import importlib.metadata

    installed = any(e.value == "scidsl.testing.plugin" for e in importlib.metadata.entry_points(group="pytest11"))
    return pytester.runpytest("-p", "no:cacheprovider", *(() if installed else ("-p", "scidsl.testing.plugin")),
                              *args)


def _entry_point_installed() -> bool:
    import importlib.metadata
    import os

    return (not os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
            and any(e.value == "scidsl.testing.plugin" for e in importlib.metadata.entry_points(group="pytest11")))


@pytest.mark.skipif(not _entry_point_installed(), reason="this environment was installed without the entry point")
def test_the_sample_project_in_its_own_interpreter_finds_the_plugin_by_its_entry_point(tmp_path: Path) -> None:
    """No conftest, no -p: a separate pytest process finds the plugin the way a user's installation does."""
    import os
    import subprocess
    import sys

    (tmp_path / "pyproject.toml").write_text('[tool.pytest.ini_options]\nscidsl_scenes = ["scenes"]\n', "utf-8")
    (tmp_path / "scenes").mkdir()
    scene = tmp_path / "scenes" / "triangle.sdl"
    scene.write_text(TRIANGLE, "utf-8")
    (tmp_path / "test_generated.py").write_text(PROPERTY_TEST, "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}

    def pytest_in_project(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=600)

    first = pytest_in_project("--scidsl-update")
    assert first.returncode == 0 and "3 passed" in first.stdout, first.stdout + first.stderr
    assert (tmp_path / "scenes" / "triangle.facts.json").exists()
    scene.write_text(TRIANGLE.replace("length(AC) = 3 cm", "length(AC) = 5 cm"), "utf-8")
    changed = pytest_in_project("scenes")
    assert changed.returncode == 1 and "triangle.sdl differ from triangle.facts.json" in changed.stdout
    assert '-  {"predicate": "side_label", "args": ["A", "C"], "value": "3 cm"' in changed.stdout
    assert '+  {"predicate": "side_label", "args": ["A", "C"], "value": "5 cm"' in changed.stdout
    assert pytest_in_project("scenes", "--scidsl-update").returncode == 0
    assert pytest_in_project("scenes").returncode == 0


def test_the_plugin_is_declared_as_a_pytest_entry_point() -> None:
    text = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text("utf-8")
    assert '[project.entry-points.pytest11]\nscidsl = "scidsl.testing.plugin"' in text
    assert '    "scidsl.testing",\n' in text


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A user project: scene folder configured, one good scene, one case file, a property test."""
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\nscidsl_scenes = ["scenes"]\ntestpaths = ["tests"]\n')
    scenes = pytester.mkdir("scenes")
    (scenes / "triangle.sdl").write_text(TRIANGLE, "utf-8")
    (scenes / "negative.sdl").write_text(BROKEN, "utf-8")
    pytester.mkdir("tests")
    (pytester.path / "tests" / "test_generated.py").write_text(PROPERTY_TEST, "utf-8")
    return pytester


def test_a_scene_without_snapshot_fails_until_update_writes_it(project: pytest.Pytester) -> None:
    first = run(project)
    first.assert_outcomes(passed=3, failed=1)
    first.stdout.fnmatch_lines(["*triangle.sdl has no facts snapshot triangle.facts.json*--scidsl-update*"])
    run(project, "--scidsl-update").assert_outcomes(passed=4)
    snapshot = project.path / "scenes" / "triangle.facts.json"
    assert '{"predicate": "side_label", "args": ["A", "C"], "value": "3 cm"' in snapshot.read_text("utf-8")
    run(project).assert_outcomes(passed=4)


def test_a_changed_given_fails_with_a_facts_diff_until_updated(project: pytest.Pytester) -> None:
    run(project, "--scidsl-update").assert_outcomes(passed=4)
    scene = project.path / "scenes" / "triangle.sdl"
    scene.write_text(TRIANGLE.replace("length(AC) = 3 cm", "length(AC) = 5 cm"), "utf-8")
    changed = run(project)
    changed.assert_outcomes(passed=3, failed=1)
    changed.stdout.fnmatch_lines([
        "*the facts of triangle.sdl differ from triangle.facts.json (- snapshot, + now):*",
        '-*"side_label"*"3 cm"*',
        '+*"side_label"*"5 cm"*',
    ])
    run(project, "--scidsl-update").assert_outcomes(passed=4)
    run(project).assert_outcomes(passed=4)


def test_markers_must_match_the_diagnostics(project: pytest.Pytester) -> None:
    (project.path / "scenes" / "negative.sdl").write_text(BROKEN.replace("# E: E2015", "# E: E2006"), "utf-8")
    result = run(project, "scenes/negative.sdl")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*missing    line 2: E2006*", "*unexpected line 2: E2015*"])


def test_a_scene_with_an_unmarked_diagnostic_fails(project: pytest.Pytester) -> None:
    (project.path / "scenes" / "triangle.sdl").write_text(TRIANGLE + "given length(AB) = 9 cm\n", "utf-8")
    result = run(project, "scenes/triangle.sdl")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*triangle.sdl does not compile cleanly*", "*E1004*"])


def test_explicit_paths_collect_only_what_they_name(project: pytest.Pytester) -> None:
    run(project, "tests").assert_outcomes(passed=2)


def test_a_run_in_a_subfolder_collects_only_that_subfolder(project: pytest.Pytester,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (project.path / "pytest.ini").write_text("[pytest]\nscidsl_scenes = scenes\n", "utf-8")  # no testpaths
    monkeypatch.chdir(project.path / "tests")
    run(project).assert_outcomes(passed=2)
    monkeypatch.chdir(project.path)
    run(project, "--scidsl-update").assert_outcomes(passed=4)


def test_image_snapshots_are_off_by_default_and_compare_perceptually(project: pytest.Pytester) -> None:
    run(project, "--scidsl-update", "scenes").assert_outcomes(passed=2)
    assert not (project.path / "scenes" / "triangle.snapshot.png").exists()
    images = ("--scidsl-images", "scenes")
    run(project, *images, "--scidsl-update").assert_outcomes(passed=3)
    run(project, *images).assert_outcomes(passed=3)
    # another figure in place of the snapshot: the image check fails and leaves the new rendering beside it
    import scidsl

    other = scidsl.compile('triangle ABC\ngiven length(AB) = 9 cm\ngiven angle(A) = 30 deg\ngiven angle(B) = 30 deg\n')
    (project.path / "scenes" / "triangle.snapshot.png").write_bytes(other.to_bytes("png", dpi=50))
    result = run(project, *images)
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*the image of triangle.sdl differs from triangle.snapshot.png by*"])
    assert (project.path / "scenes" / "triangle.actual.png").exists()
    run(project, *images, "--scidsl-update").assert_outcomes(passed=3)
    assert not (project.path / "scenes" / "triangle.actual.png").exists()
    run(project, *images).assert_outcomes(passed=3)


def test_a_bad_image_tolerance_is_a_usage_error(project: pytest.Pytester) -> None:
    (project.path / "pytest.ini").write_text("[pytest]\nscidsl_scenes = scenes\nscidsl_image_tolerance = 2%\n", "utf-8")
    result = run(project)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*scidsl_image_tolerance must be a number from 0 to 1, not '2%'*"])


def test_a_missing_scene_folder_is_warned_of(project: pytest.Pytester) -> None:
    (project.path / "pytest.ini").write_text("[pytest]\nscidsl_scenes = scenes figures\n", "utf-8")
    result = run(project, "scenes", "--scidsl-update")
    result.assert_outcomes(passed=2, warnings=1)
    result.stdout.fnmatch_lines(["*scidsl_scenes names */figures, which is not a folder*"])


def test_the_plugin_is_inert_without_scene_folders(pytester: pytest.Pytester) -> None:
    (pytester.path / "lonely.sdl").write_text(TRIANGLE, "utf-8")
    result = run(pytester)
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
