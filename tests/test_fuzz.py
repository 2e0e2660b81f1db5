"""Grammar-aware fuzzing: scenes built from the grammar's shapes and the registry's kinds, and mutations of
the examples, never give an internal error, a budget overrun or a raw control character on the terminal."""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from scidsl.budget import compile_budgeted
from scidsl.build import _field_keys
from scidsl.diagnostics import format_human
from scidsl.registry import kind_class, kinds
from scidsl.units import known_units
from tests.conftest import example_files

KINDS = sorted(k for k in kinds() if k != "given")
UNITS = sorted(known_units())[:80]
FUNCTIONS = ["sin", "cos", "sqrt", "ln", "exp", "abs", "midpoint", "angle", "length", "parallel"]
HOSTILE_TEXT = ["\x1b]52;c;aGVsbG8=\x07", "\x1b[2J", "\u202e", "$\\frac{1}{", "$x^{2}$", "\u0391", "A_1", "$$",
                "\\", "\ufeff", "\u2028", "$" + "{" * 30 + "x" + "}" * 30 + "$", "x" * 600]
NUMBERS = ["0", "1", "-1", "4.9e-324", "1e308", "1e-300", "9" * 99, "9" * 101, "0.5", "3", "100000", "2.5e3"]
FUZZ = settings(max_examples=15, deadline=None)  # three tests, about a minute together


def _name_strategy() -> st.SearchStrategy[str]:
    plain = st.from_regex(r"[A-Za-z][A-Za-z0-9_']{0,6}", fullmatch=True)
    greek = st.from_regex(r"[\u0391-\u03c9][0-9]?", fullmatch=True)
    long = st.integers(60, 300).map(lambda n: "N" * n)
    return st.one_of(plain, plain, greek, long, st.sampled_from(["A", "B", "C", "P", "R1", "f", "g", "x"]))


NAMES = _name_strategy()
STRINGS = st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=20)).map(
    lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("\r", " ") + '"')
NUMBER = st.one_of(st.sampled_from(NUMBERS), st.integers(-10**6, 10**6).map(str),
                   st.floats(allow_nan=False, allow_infinity=False).map(lambda f: repr(abs(f))))
ATOM = st.one_of(NUMBER, st.tuples(NUMBER, st.sampled_from(UNITS)).map(" ".join), NAMES,
                 st.tuples(NAMES, NAMES).map(".".join), st.just("true"))


def _extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    binop = st.tuples(inner, st.sampled_from(["+", "-", "*", "/", "^"]), inner).map(lambda t: f"({t[0]}{t[1]}{t[2]})")
    call = st.tuples(st.sampled_from(FUNCTIONS), st.lists(inner, min_size=1, max_size=3)).map(
        lambda t: f"{t[0]}({', '.join(t[1])})")
    point = st.lists(inner, min_size=2, max_size=3).map(lambda xs: "(" + ", ".join(xs) + ")")
    listv = st.lists(inner, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]")
    return st.one_of(binop, call, point, listv, st.tuples(st.just("-"), inner).map("".join))


VALUE = st.one_of(STRINGS, st.recursive(ATOM, _extend, max_leaves=12))


@st.composite
def statements(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(KINDS))
    keys = [k for k in _field_keys(kind_class(kind)) if k != "name"] or ["label"]
    props = draw(st.lists(st.tuples(st.sampled_from(keys + ["bogus"]), VALUE), max_size=4, unique_by=lambda p: p[0]))
    block = " { " + ", ".join(f"{k}: {v}" for k, v in props) + " }" if props else ""
    return f"{kind} {draw(NAMES)}{block}"


@st.composite
def scenes(draw: st.DrawFn) -> str:
    facts = st.tuples(st.sampled_from(["angle", "length", "parallel"]), st.lists(NAMES, min_size=1, max_size=3),
                      NUMBER).map(lambda t: f"given {t[0]}({', '.join(t[1])}) = {t[2]}")
    lines = draw(st.lists(st.one_of(statements(), statements(), facts), min_size=1, max_size=6))
    return "\n".join(lines) + "\n"


_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|\b[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?\b|\b[A-Za-z_][A-Za-z0-9_]*\b')


@st.composite
def mutated_examples(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(example_files())).read_text("utf-8")
    spots = list(_TOKEN.finditer(text))
    for _ in range(draw(st.integers(1, 4))):
        m = spots[draw(st.integers(0, len(spots) - 1))]
        token = m.group(0)
        new = draw(STRINGS if token.startswith('"') else NUMBER if token[0].isdigit() else NAMES)
        text = text[:m.start()] + new + text[m.end():]
        spots = list(_TOKEN.finditer(text))
    return text


def _assert_sound(text: str) -> None:
    result = compile_budgeted(text.encode("utf-8"), "fuzz.sdl", seconds=30)
    codes = [d.code for d in result.diagnostics]
    assert "E0999" not in codes and "E0909" not in codes, (codes, result.diagnostics)
    shown = format_human(result.diagnostics, result.source, "fuzz.sdl")
    assert "\x1b" not in shown and "\u202e" not in shown and "Traceback" not in shown
    # a diagnostic shows its location and message, a window of 100 shown characters of its line, the carets
    # under it and a hint: a bounded amount, whatever the scene holds
    assert len(shown) < 600 * max(1, len(result.diagnostics)) + 2000


@FUZZ
@given(scenes())
# control characters escaped four and ten characters wide once stretched the shown line and its carets
@example('angle_arc ' + "N" * 60 + ' { on: "' + "\x1f" * 6 + '\U00011329\U0001dab0", label: "\x1b]52;c;aGVsbG8=\x07" }\n'
         'angle_arc A { on: "' + "\x1f" * 7 + '\U00011329\U0001dab0", at: "\x1b]52;c;aGVsbG8=\x07", '
         'label: "\x1b]52;c;aGVsbG8=\x07" }\n')
def test_generated_scenes_are_sound(text: str) -> None:
    _assert_sound(text)


@FUZZ
@given(mutated_examples())
def test_mutated_examples_are_sound(text: str) -> None:
    _assert_sound(text)


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**120, 10**120), st.floats(allow_nan=False),
              st.sampled_from(HOSTILE_TEXT + NUMBERS + ["\ud800", "1_0", "\u0661", "A\\B", "N" * 100]),
              st.text(max_size=12)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=10)


@st.composite
def mutated_json_scenes(draw: st.DrawFn) -> dict:
    import scidsl

    path = draw(st.sampled_from(example_files()))
    scene = scidsl.compile(path.read_text("utf-8"), path.name).scene
    data = scene.to_json() if scene is not None else {"items": []}
    for _ in range(draw(st.integers(1, 3))):
        if not data["items"]:
            break
        item = data["items"][draw(st.integers(0, len(data["items"]) - 1))]
        key = draw(st.sampled_from(sorted(item) + ["name", "bogus"]))
        item[key] = draw(JSON_VALUES)
    return data


@FUZZ
@given(mutated_json_scenes())
def test_mutated_json_scenes_are_sound(data: dict) -> None:
    import json

    text = json.dumps(data)  # \u escapes: lone surrogates reach the JSON decoder, not the UTF-8 one
    result = compile_budgeted(text.encode("ascii"), "fuzz.json", seconds=30)
    codes = [d.code for d in result.diagnostics]
    assert "E0999" not in codes and "E0909" not in codes, (codes, result.diagnostics)
