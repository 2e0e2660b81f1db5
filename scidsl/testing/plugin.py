"""pytest plugin: a project's scene library under snapshot tests.

Installed with scidsl (entry point `pytest11`), it does nothing until a project names its scene folders:

    [tool.pytest.ini_options]
    scidsl_scenes = ["scenes"]

Then every `*.sdl` file there is compiled with verification. A file with `# E: E2001` markers must give
exactly the marked diagnostics (as in scidsl's own case files); any other file must compile without a
diagnostic, and its facts must equal its snapshot `name.facts.json` (a failure shows the diff). With
`scidsl_images = true` (or `--scidsl-images`) its PNG must also stay within a perceptual tolerance of
`name.snapshot.png`. `pytest --scidsl-update` writes the snapshots.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional

import pytest

if TYPE_CHECKING:
    from scidsl.pipeline import Result

IMAGE_DPI = 50  # snapshots are small; the comparison looks at a 64 × 64 grid anyway


def pytest_addoption(parser: pytest.Parser) -> None:
    """The scidsl options and ini settings."""
    group = parser.getgroup("scidsl", "scidsl scene snapshots")
    group.addoption("--scidsl-update", action="store_true", default=False,
                    help="write the facts (and image) snapshots of the collected scenes instead of comparing")
    group.addoption("--scidsl-images", action="store_true", default=False,
                    help="also compare each scene's PNG with its image snapshot")
    parser.addini("scidsl_scenes", type="paths", default=[],
                  help="folders whose *.sdl scenes are compiled and compared with name.facts.json snapshots")
    parser.addini("scidsl_images", type="bool", default=False,
                  help="compare each scene's PNG with name.snapshot.png (default: false)")
    parser.addini("scidsl_image_tolerance", default="0.02",
                  help="largest mean grey difference of the downscaled images (0..1, default 0.02)")


def pytest_configure(config: pytest.Config) -> None:
    """When pytest runs without path arguments from the project's root, collect the scene folders as well as
    the test paths (run in a subfolder, it collects only that subfolder, as pytest does)."""
    folders = _scene_folders(config)
    if folders:
        image_tolerance(config)  # a bad setting stops the run before any scene is compiled
    for missing in (f for f in folders if not f.is_dir()):
        config.issue_config_time_warning(pytest.PytestConfigWarning(
            f"scidsl_scenes names {missing}, which is not a folder: no scenes are collected from it"), stacklevel=2)
    source = getattr(config, "args_source", None)
    if not folders or source is None or source == pytest.Config.ArgsSource.ARGS:
        return
    if source == pytest.Config.ArgsSource.INVOCATION_DIR and config.invocation_params.dir != config.rootpath:
        return
    current = [Path(a).resolve() for a in config.args]
    for folder in folders:
        if folder.is_dir() and not any(_inside(folder, c) for c in current):
            config.args.append(str(folder))


def image_tolerance(config: pytest.Config) -> float:
    """The `scidsl_image_tolerance` setting; a usage error unless it is a number from 0 to 1."""
    text = str(config.getini("scidsl_image_tolerance")).strip()
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise pytest.UsageError(f"scidsl_image_tolerance must be a number from 0 to 1, not {text!r}")
    return value


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> Optional[pytest.Collector]:
    """A `.sdl` file inside a configured scene folder becomes a SceneFile."""
    if file_path.suffix != ".sdl":
        return None
    folders = _scene_folders(parent.config)
    if not any(_inside(file_path.resolve(), f) for f in folders):
        return None
    return SceneFile.from_parent(parent, path=file_path)


def _scene_folders(config: pytest.Config) -> list[Path]:
    return [Path(p).resolve() for p in config.getini("scidsl_scenes")]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


class SceneFailure(Exception):
    """A scene that does not give what its file or snapshots say; the message is the whole report."""


class SceneFile(pytest.File):
    """One scene file: a `diagnostics` check when it has markers, a `facts` check when it should compile,
    an `image` check when image snapshots are on."""

    _result: Optional["Result"] = None

    def collect(self) -> Iterator["SceneItem"]:
        """The checks of this file."""
        from scidsl.testing.markers import expected_codes

        expected = expected_codes(self.path.read_text("utf-8", errors="replace"))
        if expected:
            yield SceneItem.from_parent(self, name="diagnostics", check="diagnostics")
        if not any(code.startswith("E") for _, code in expected):
            yield SceneItem.from_parent(self, name="facts", check="facts")
            if self.config.getoption("scidsl_images") or self.config.getini("scidsl_images"):
                yield SceneItem.from_parent(self, name="image", check="image")

    def result(self) -> "Result":
        """The compiled scene (compiled once for all checks of the file)."""
        if self._result is None:
            import scidsl

            self._result = scidsl.compile(self.path.read_bytes(), str(self.path))
        return self._result


class SceneItem(pytest.Item):
    """One check of a scene file."""

    def __init__(self, *, check: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.check = check

    def runtest(self) -> None:
        """Compile the scene and run this check."""
        scene: SceneFile = self.parent  # type: ignore[assignment]
        result = scene.result()
        update = bool(self.config.getoption("scidsl_update"))
        if self.check == "diagnostics":
            _check_markers(self.path, result)
        elif self.check == "facts":
            _check_facts(self.path, result, update)
        else:
            tolerance = image_tolerance(self.config)
            _check_image(self.path, result, update, tolerance)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        """A scene failure is reported by its message alone."""
        if isinstance(excinfo.value, SceneFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, Optional[int], str]:
        """Where the check is, for pytest's report."""
        return self.path, None, f"scidsl {self.check}: {self.path.name}"


def _diagnostics_text(path: Path, result: "Result") -> str:
    from scidsl.diagnostics import format_human

    return format_human(result.diagnostics, result.source, str(path))


def _check_markers(path: Path, result: "Result") -> None:
    from scidsl.testing.markers import actual_codes, describe_mismatch, expected_codes

    expected = expected_codes(path.read_text("utf-8", errors="replace"))
    actual = actual_codes(result)
    if actual != expected:
        raise SceneFailure(f"{path.name}: the diagnostics differ from the # E: markers\n"
                           f"{describe_mismatch(expected, actual)}\n{_diagnostics_text(path, result)}")


def _check_facts(path: Path, result: "Result", update: bool) -> None:
    from scidsl.testing.markers import expected_codes
    from scidsl.testing.snapshots import facts_diff, facts_snapshot

    if not result.ok or (result.diagnostics and not expected_codes(path.read_text("utf-8", errors="replace"))):
        raise SceneFailure(f"{path.name} does not compile cleanly:\n{_diagnostics_text(path, result)}")
    snapshot = path.with_name(path.stem + ".facts.json")
    current = facts_snapshot(result)
    if update:
        if not snapshot.exists() or snapshot.read_text("utf-8") != current:
            snapshot.write_text(current, "utf-8")
        return
    if not snapshot.exists():
        raise SceneFailure(f"{path.name} has no facts snapshot {snapshot.name}; "
                           "run pytest --scidsl-update to write it")
    diff = facts_diff(snapshot.read_text("utf-8"), current, path.name)
    if diff:
        raise SceneFailure(f"the facts of {path.name} differ from {snapshot.name} (- snapshot, + now):\n{diff}\n"
                           "if the change is intended, run pytest --scidsl-update")


def _check_image(path: Path, result: "Result", update: bool, tolerance: float) -> None:
    from scidsl.testing.snapshots import image_distance

    if not result.ok:
        raise SceneFailure(f"{path.name} does not compile:\n{_diagnostics_text(path, result)}")
    snapshot = path.with_name(path.stem + ".snapshot.png")
    actual = path.with_name(path.stem + ".actual.png")
    png = result.to_bytes("png", dpi=IMAGE_DPI)
    distance = image_distance(snapshot.read_bytes(), png) if snapshot.exists() else None
    if update:
        if distance is None or distance > tolerance:  # a rendering within tolerance keeps its snapshot
            snapshot.write_bytes(png)
        actual.unlink(missing_ok=True)
        return
    if distance is None:
        raise SceneFailure(f"{path.name} has no image snapshot {snapshot.name}; "
                           "run pytest --scidsl-update to write it")
    if distance > tolerance:
        actual.write_bytes(png)
        raise SceneFailure(f"the image of {path.name} differs from {snapshot.name} by {distance:.4f} "
                           f"(tolerance {tolerance:g}); the new rendering is {actual.name}")
    actual.unlink(missing_ok=True)
