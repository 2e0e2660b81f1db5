"""`compile`: chain the stages, stop after the first stage that reports errors.

parse → build → resolve → check (per domain) → layout → render (primitives) → place labels →
draw (Matplotlib) → verify after render. Each stage is a module of its own.
"""
from __future__ import annotations

import json
import time
import traceback
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

from scidsl.diagnostics import Diagnostic, ScidslError, Span, error, escape_text
from scidsl.model import Given, Node, Scene, SceneSettings
from scidsl.primitives import Drawing, Text


@dataclass(frozen=True)
class Fact:
    """One atomic fact the figure shows, for quizzes and verification."""

    predicate: str
    args: tuple[Any, ...]
    value: Any = None
    text: str = ""
    hidden: bool = False  # computed and checked, but not drawn (`answer: hidden`, `given ... { show: false }`)

    @property
    def visible(self) -> bool:
        """True when a reader can see this fact in the figure."""
        return not self.hidden

    def to_dict(self) -> dict:
        """Plain data."""
        return {"predicate": str(self.predicate), "args": [_plain(a) for a in self.args], "value": _plain(self.value),
                "text": str(self.text), "hidden": bool(self.hidden)}


def _plain(value: Any) -> Any:
    """`value` in built-in types only (a reference's text is a str subclass that keeps its parse tree;
    a result sent from a compiler process must unpickle without importing the compiler)."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


@dataclass
class DomainContext:
    """What a domain's check, layout, render, facts and verify steps receive."""

    scene: Scene
    nodes: list[Node]
    givens: list[Given]
    names: Any  # resolve.Names
    settings: SceneSettings
    diagnostics: list[Diagnostic] = field(default_factory=list)
    anchors: dict[str, tuple[float, float]] = field(default_factory=dict)
    figures: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)  # other domains' boxes

    def report(self, diag: Diagnostic) -> None:
        """Record a diagnostic."""
        self.diagnostics.append(diag)

    @property
    def has_errors(self) -> bool:
        """True once any error was reported."""
        return any(d.is_error for d in self.diagnostics)


@dataclass
class CompileOptions:
    """Options of one compilation."""

    verify: bool = True
    dpi: Optional[float] = None


@dataclass
class Result:
    """What `compile` returns: the scene, diagnostics, facts and the drawn figure."""

    file: str
    source: Optional[str]
    scene: Optional[Scene] = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    drawing: Optional[Drawing] = None
    texts: list[Text] = field(default_factory=list)
    canvas: Any = None
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time one stage of the compilation."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not any(d.is_error for d in self.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        """Only the errors."""
        return [d for d in self.diagnostics if d.is_error]

    @property
    def figure(self) -> Any:
        """The Matplotlib Figure (None when the scene has errors)."""
        return self.canvas.figure if self.canvas is not None else None

    def save(self, path: str, fmt: Optional[str] = None, dpi: Optional[float] = None) -> str:
        """Write the figure; raises ScidslError when the scene has errors (nothing is written)."""
        from scidsl.render import save

        if not self.ok or self.canvas is None:
            raise ScidslError(self.errors or [error("E0999", "nothing to save", None)], self.source)
        return save(self.canvas, path, fmt, dpi)

    def to_bytes(self, fmt: str = "png", dpi: Optional[float] = None) -> bytes:
        """The figure encoded as PNG, SVG or PDF bytes; raises ScidslError when the scene has errors."""
        import io

        from scidsl.render import write

        if not self.ok or self.canvas is None:
            raise ScidslError(self.errors or [error("E0999", "nothing to save", None)], self.source)
        buf = io.BytesIO()
        write(self.canvas, buf, fmt, dpi)
        return buf.getvalue()

    def to_dict(self) -> dict:
        """Diagnostics and facts as plain data."""
        return {"ok": self.ok, "diagnostics": [d.to_dict() for d in self.diagnostics],
                "facts": [f.to_dict() for f in self.facts]}

    def _repr_png_(self) -> bytes | None:
        return self.to_bytes("png") if self.ok and self.canvas is not None else None


def _sort(diags: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diags, key=lambda d: (d.span is None, d.span.line if d.span else 0, d.span.col if d.span else 0))


def compile_scene(source: str | bytes | dict | list, filename: str = "<scene>",
                  options: Optional[CompileOptions] = None) -> Result:
    """Compile a scene given as text, bytes or a JSON object; never raises for bad input."""
    options = options or CompileOptions()
    text = source if isinstance(source, str) else None
    result = Result(filename, text)
    try:
        with warnings.catch_warnings():
            # numerical libraries warn on stderr about overflow and the like; results are checked instead
            warnings.simplefilter("ignore")
            _run(source, filename, options, result)
    except MemoryError:
        result.diagnostics.append(error("E0909", "compiling the scene ran out of its memory budget", None,
                                        "simplify the scene"))
    except Exception as exc:  # a bug in scidsl must still be a diagnostic, never a traceback
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        result.diagnostics.append(error("E0999", f"internal error: {detail[:300]}", None,
                                        "please report this scene to the scidsl maintainers"))
    result.diagnostics = _sort(result.diagnostics)
    if not result.ok:
        result.canvas = None
    return result


def _run(source: Any, filename: str, options: CompileOptions, result: Result) -> None:
    with result.stage("parse+build"):
        scene, diags = _front_end(source, filename, result)
    result.diagnostics.extend(diags)
    if scene is None:
        return
    built_ok = result.ok
    if built_ok:
        result.scene = scene
    from scidsl.check import check_labels
    from scidsl.resolve import resolve
    from scidsl.variants import check_vary

    # resolve what did build, so that one run reports as many problems as it can
    with result.stage("resolve"):
        names, diags = resolve(scene)
        result.diagnostics.extend(d for d in diags if not _about_unbuilt(d, scene))
        result.diagnostics.extend(check_labels(scene))
        result.diagnostics.extend(check_vary(scene))
    if not result.ok:
        return
    from scidsl.compose import run_domains

    run_domains(scene, names, options, result)


def _about_unbuilt(d: Diagnostic, scene: Scene) -> bool:
    return d.code == "E0103" and any(f"'{n}' is not declared" == d.message for n in scene.unbuilt)


def _front_end(source: Any, filename: str, result: Result) -> tuple[Optional[Scene], list[Diagnostic]]:
    from scidsl.build import build_from_json, build_scene
    from scidsl.syntax import decode_source, parse_scene_syntax

    if isinstance(source, (dict, list)):
        return build_from_json(source, filename)
    if isinstance(source, str) and not _is_unicode(source):
        return None, [error("E0910", "the source holds a lone surrogate, which is not Unicode text",
                            Span(filename, 1, 1, 1, 2), "pass the scene as UTF-8 bytes or proper text")]
    if isinstance(source, bytes):
        text, diags = decode_source(source, filename)
        if text is None:
            return None, diags
        source = text
        result.source = text
    if filename.endswith(".json") or source.lstrip().startswith(("{\"", "{\n", "[")):
        return _json_text(source, filename)
    statements, diags = parse_scene_syntax(source, filename)
    if diags:
        return None, diags
    return build_scene(statements, filename)


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_text(text: str, filename: str) -> tuple[Optional[Scene], list[Diagnostic]]:
    from scidsl import limits
    from scidsl.build import build_from_json

    if len(text) > limits.MAX_SOURCE_BYTES:
        return None, [error("E0901", "the JSON scene is larger than the limit", Span(filename, 1, 1, 1, 2), None)]
    from scidsl.jsonspans import duplicate_keys, item_spans, object_pairs

    try:
        data = json.loads(text, parse_constant=_no_constant, object_pairs_hook=object_pairs)
    except (json.JSONDecodeError, ValueError, RecursionError) as exc:
        line, col = getattr(exc, "lineno", 1), getattr(exc, "colno", 1)
        return None, [error("E0004", f"invalid JSON: {getattr(exc, 'msg', str(exc))}",
                            Span(filename, line, col, line, col + 1), None)]
    spans = item_spans(text, filename)
    twice = [error("E0204", f"{'' if i is None else f'items[{i}]: '}'{escape_text(key[:60])}' is given twice",
                   spans[i] if i is not None and i < len(spans) else Span(filename, 1, 1, 1, 2), "keep one of them")
             for i, key in duplicate_keys(data)]
    return (None, twice) if twice else build_from_json(data, filename, spans)


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number")


def compile(source: str | bytes | dict | list, filename: str = "<scene>", *, verify: bool = True,
            dpi: Optional[float] = None) -> Result:  # noqa: A001 - the public name the API promises
    """Compile a scene; see `Result`."""
    return compile_scene(source, filename, CompileOptions(verify=verify, dpi=dpi))
