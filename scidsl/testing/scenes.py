"""Scenes made for tests: their text, their JSON form and what compiling them must give.

Plain data with no test library behind it: `scidsl.testing.strategies` draws these with hypothesis,
and a user's own tests can build them by hand.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scidsl.pipeline import Fact, Result


class _Anything:
    """The value of an expected fact whose value is not checked."""

    def __repr__(self) -> str:
        return "ANY"


ANY: Any = _Anything()


@dataclass(frozen=True)
class ExpectedFact:
    """A fact a compiled scene must state; numbers (also in exact forms like `44/5`) match within `tolerance`."""

    predicate: str
    args: tuple[Any, ...]
    value: Any = ANY
    tolerance: float = 1e-6

    def matches(self, fact: "Fact") -> bool:
        """True when `fact` has this predicate and arguments and a value equal to this one."""
        return (fact.predicate == self.predicate and _same(tuple(fact.args), self.args, self.tolerance)
                and (self.value is ANY or _same(fact.value, self.value, self.tolerance)))

    def __str__(self) -> str:
        value = "" if self.value is ANY else f" = {self.value!r}"
        return f"{self.predicate}{self.args!r}{value}"


@dataclass(frozen=True)
class SceneCase:
    """A valid scene: its text, its JSON form and the facts its figure must state."""

    domain: str
    text: str
    facts: tuple[ExpectedFact, ...] = ()
    about: str = ""

    @cached_property
    def json(self) -> dict:
        """The same scene as a JSON object (`{"items": [...]}`), built from the text."""
        return scene_json(self.text)

    def compile(self, *, verify: bool = True, as_json: bool = False) -> "Result":
        """Compile the text (or the JSON form)."""
        import scidsl

        if as_json:
            return scidsl.compile(self.json, "generated.json", verify=verify)
        return scidsl.compile(self.text, "generated.sdl", verify=verify)

    def missing_facts(self, result: "Result") -> list[ExpectedFact]:
        """The expected facts that `result` does not state."""
        return [want for want in self.facts if not any(want.matches(f) for f in result.facts)]

    def check(self, result: "Result") -> None:
        """Raise AssertionError unless `result` compiled cleanly and states every expected fact."""
        if not result.ok:
            raise AssertionError(_report("the scene does not compile", self.text, result))
        missing = self.missing_facts(result)
        if missing:
            lines = [f"  missing: {m}" for m in missing]
            lines += [f"  stated:  {f.predicate}{tuple(f.args)!r} = {f.value!r}" for f in result.facts
                      if any(f.predicate == m.predicate for m in missing)]
            raise AssertionError("the figure does not state the expected facts\n" + "\n".join(lines)
                                 + "\n--- scene ---\n" + self.text)


@dataclass(frozen=True)
class BrokenScene:
    """A valid scene broken in a known way, with the diagnostic code compiling it must give."""

    domain: str
    text: str
    code: str
    why: str = ""
    line: int | None = None
    valid: SceneCase | None = field(default=None, compare=False)

    @cached_property
    def json(self) -> dict:
        """The broken scene as a JSON object (mutations keep the syntax, so it always builds)."""
        return scene_json(self.text)

    def compile(self, *, verify: bool = True, as_json: bool = False) -> "Result":
        """Compile the text (or the JSON form)."""
        import scidsl

        if as_json:
            return scidsl.compile(self.json, "broken.json", verify=verify)
        return scidsl.compile(self.text, "broken.sdl", verify=verify)

    def check(self, result: "Result") -> None:
        """Raise AssertionError unless `result` failed with this code (on this line, when one is known and
        the scene was compiled from its text: items of a JSON object have no lines of their own)."""
        codes = {(d.span.line if d.span else 0, d.code) for d in result.errors}
        by_line = self.line is not None and result.source is not None
        found = any(c == self.code and (not by_line or at == self.line) for at, c in codes)
        if result.ok or not found:
            where = f" on line {self.line}" if self.line else ""
            raise AssertionError(_report(f"expected {self.code}{where} ({self.why})", self.text, result))


def scene_json(text: str) -> dict:
    """The JSON object of scene text; raises ValueError when the text does not build."""
    from scidsl.build import build_scene
    from scidsl.syntax import parse_scene_syntax

    statements, diags = parse_scene_syntax(text, "generated.sdl")
    if not diags:
        scene, diags = build_scene(statements, "generated.sdl")
    if diags:
        raise ValueError("; ".join(f"{d.code} {d.message}" for d in diags))
    return scene.to_json()


def number_of(value: Any) -> float | None:
    """A fact value as a float: numbers, and exact forms like `44/5` or `180*acos(1/5)/pi` (parsed, never run);
    None for anything else, quantities with units included."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if not isinstance(value, str) or len(value) > 5000:  # exact forms stay far below; longer text is not a number
        return None
    from scidsl import expr
    from scidsl.syntax import parse_value_text

    tree, diags = parse_value_text(value)
    if diags or tree is None or _has_unit(tree):
        return None
    try:
        return expr.evaluate(tree, {})
    except (ValueError, ArithmeticError, TypeError):
        return None


def _has_unit(node: Any) -> bool:
    from scidsl import syntax

    if isinstance(node, syntax.Qty):
        return True
    children = [getattr(node, a) for a in ("left", "right", "operand") if hasattr(node, a)]
    children += list(getattr(node, "args", ())) + list(getattr(node, "items", ()))
    return any(_has_unit(c) for c in children)


def _same(actual: Any, expected: Any, tolerance: float) -> bool:
    if isinstance(expected, (list, tuple)):
        return (isinstance(actual, (list, tuple)) and len(actual) == len(expected)
                and all(_same(a, e, tolerance) for a, e in zip(actual, expected)))
    if isinstance(expected, dict):
        return (isinstance(actual, dict) and actual.keys() == expected.keys()
                and all(_same(actual[k], v, tolerance) for k, v in expected.items()))
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        got = number_of(actual)
        return got is not None and math.isclose(got, expected, rel_tol=tolerance, abs_tol=tolerance)
    return bool(actual == expected)


def _report(headline: str, text: str, result: "Result") -> str:
    diags = "\n".join(f"  {d.code} line {d.span.line if d.span else 0}: {d.message}" for d in result.diagnostics)
    return f"{headline}\n{diags or '  (no diagnostics)'}\n--- scene ---\n{text}"
