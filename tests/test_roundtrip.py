"""Property tests: canonical text and JSON round trips, and hostile input never crashes."""
from __future__ import annotations

import os
import string

from hypothesis import given, strategies as st

import scidsl
from scidsl import syntax
from scidsl.build import build_scene
from scidsl.fmt import format_scene
from scidsl.model import Scene
from scidsl.syntax import encode_string, decode_string, format_value, parse_scene_syntax, parse_value_text

NAMES = st.from_regex(r"[A-Z][a-z0-9]{0,3}", fullmatch=True).filter(lambda s: s not in syntax.KEYWORDS)
NUMBERS = st.one_of(st.integers(0, 10**6).map(str),
                    st.floats(0, 1e6, allow_nan=False, allow_infinity=False).map(lambda f: repr(round(f, 4))))
UNITS = st.sampled_from(["cm", "deg", "ohm", "uF", "m/s^2", "kg", "V", "mol", "°", "Ω"])
TEXT = st.text(alphabet=string.ascii_letters + string.digits + ' "\\$_^{}()+-=,.:;#αβ', max_size=30)


def _values() -> st.SearchStrategy:
    leaves = st.one_of(
        NUMBERS.map(lambda t: syntax.Num(t)),
        st.builds(lambda n, u: syntax.Qty(n, u), NUMBERS, UNITS),
        NAMES.map(lambda n: syntax.Ref((n,))),
        st.builds(lambda a, b: syntax.Ref((a, b)), NAMES, NAMES),
    )

    def extend(children: st.SearchStrategy) -> st.SearchStrategy:
        return st.one_of(
            st.builds(syntax.BinOp, st.sampled_from("+-*/^"), children, children),
            st.builds(syntax.Neg, children),
            st.builds(lambda f, args: syntax.Call(f, tuple(args)), st.sampled_from(["sin", "sqrt", "angle", "f"]),
                      st.lists(children, min_size=1, max_size=3)),
            st.builds(lambda a, b: syntax.Point((a, b)), children, children),
        )

    return st.recursive(leaves, extend, max_leaves=12)


@given(_values())
def test_value_text_round_trip(value) -> None:  # type: ignore[no-untyped-def]
    text = format_value(value)
    parsed, diags = parse_value_text(text)
    assert not diags, (text, diags)
    assert parsed == value
    assert format_value(parsed) == text


@given(TEXT)
def test_string_literal_round_trip(s: str) -> None:
    assert decode_string(encode_string(s)[1:-1]) == s


def _point() -> st.SearchStrategy:
    coord = st.integers(-50, 50).map(lambda i: i / 4)
    return st.tuples(coord, coord).map(lambda p: f"({p[0]!r}, {p[1]!r})".replace(".0,", ",").replace(".0)", ")"))


LABELS = st.text(alphabet=string.ascii_letters + ' "\\_,.:;#', min_size=1, max_size=20)


def _statements(names: list[str]) -> st.SearchStrategy:
    dot = st.builds(lambda n, p, lab, h: f"dot {n} at {p} {{ label: {encode_string(lab)}, hollow: {str(h).lower()} }}",
                    st.sampled_from(names), _point(), LABELS, st.booleans())
    poly = st.builds(lambda pts, a, d: f"polyline {{ points: [{', '.join(pts)}], arrow: {a}, dash: {d} }}",
                     st.lists(_point(), min_size=2, max_size=5), st.sampled_from(["none", "end", "both"]),
                     st.sampled_from(["solid", "dashed", "dotted"]))
    text = st.builds(lambda lab, p, size: f"text {encode_string(lab)} at {p} {{ size: {size} }}", LABELS, _point(),
                     st.integers(6, 20))
    arc = st.builds(lambda p, r, a, b: f"circle_arc {{ center: {p}, radius: {r}, start: {a} deg, end: {b} deg }}",
                    _point(), st.integers(1, 5), st.integers(0, 180), st.integers(181, 359))
    fact = st.builds(lambda v, q: f"given angle({format_value(v)}) = {q} deg", _values(), st.integers(1, 179))
    scene = st.builds(lambda t, w: f"scene {encode_string(t)} {{ width: {w} cm }}", LABELS, st.integers(4, 20))
    return st.one_of(dot, poly, text, arc, fact, scene)


def _scene(text: str) -> Scene:
    statements, diags = parse_scene_syntax(text, "gen.sdl")
    assert not diags, (text, diags)
    scene, diags = build_scene(statements, "gen.sdl")
    assert not diags, (text, diags)
    return scene


@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=8, unique=True).flatmap(
    lambda ids: st.lists(_statements([f"P{i}" for i in ids]), min_size=1, max_size=8)))
def test_scene_round_trips_through_fmt_and_json(lines: list[str]) -> None:
    scene = _scene("\n".join(lines))
    text = format_scene(scene)
    again = _scene(text)
    assert again == scene
    assert format_scene(again) == text
    from scidsl.build import build_from_json

    via_json, diags = build_from_json(scene.to_json(), "gen.json")
    assert not diags and via_json == scene


@given(st.text(max_size=300))
def test_random_text_never_crashes(text: str) -> None:
    result = scidsl.compile(text, "random.sdl", verify=False)
    assert all(d.code != "E0999" for d in result.diagnostics), result.diagnostics
    for d in result.diagnostics:
        assert d.message and d.code


@given(st.binary(max_size=300))
def test_random_bytes_never_crash_or_write(tmp_path_factory, data: bytes) -> None:  # type: ignore[no-untyped-def]
    result = scidsl.compile(data, "random.sdl", verify=False)
    assert all(d.code != "E0999" for d in result.diagnostics), result.diagnostics
    if not result.ok:
        out = tmp_path_factory.mktemp("out") / "x.png"
        try:
            result.save(str(out))
        except scidsl.ScidslError:
            pass
        assert not os.path.exists(out)


GRAMMAR_WORDS = st.sampled_from(["dot", "P", "at", "(", ")", "1", ",", "{", "}", ":", "label", '"x"', "given",
                                 "angle", "=", "30", "deg", "\n", "[", "]", "-", "^", "*", "of", "polyline",
                                 "points", "curve", "y", "x", "true", ";", "#", "'", "\\", "."])


@given(st.lists(GRAMMAR_WORDS, max_size=40).map(" ".join))
def test_near_miss_scenes_give_diagnostics_not_crashes(text: str) -> None:
    result = scidsl.compile(text, "near.sdl", verify=False)
    assert all(d.code != "E0999" for d in result.diagnostics), (text, result.diagnostics)
    for d in result.diagnostics:
        if d.span is not None:
            assert 1 <= d.span.line <= text.count("\n") + 1


def _exprs(value):  # type: ignore[no-untyped-def]
    """Every Expr inside a field value."""
    from scidsl.model import Expr

    if isinstance(value, Expr):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _exprs(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _exprs(item)


def test_expressions_keep_the_tree_their_text_parses_to() -> None:
    """The typed model takes each expression's tree from the scene's own parse instead of parsing its
    text again: over every example, that tree is the one the text parses to."""
    import pathlib

    from scidsl.model import Expr

    root = pathlib.Path(__file__).resolve().parent.parent / "examples"
    checked = 0
    for path in sorted(root.rglob("*.sdl")):
        statements, diags = parse_scene_syntax(path.read_text(encoding="utf-8"), str(path))
        scene, _ = build_scene(statements, str(path))
        for node in scene.items:
            for key in type(node).model_fields:
                for expr in _exprs(getattr(node, key)):
                    assert isinstance(expr, Expr)
                    assert expr.tree == parse_value_text(expr.text)[0], (path.name, expr.text)
                    checked += 1
    assert checked > 900
