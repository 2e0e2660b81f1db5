"""Parse scene text into syntax nodes that keep their source spans.

The grammar (grammar/scene.lark) only shapes the tree; this module turns it into frozen
dataclasses, one per grammar alias, with every limit checked before the tree is walked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Union

from scidsl import limits
from scidsl.diagnostics import Diagnostic, Span, error
from scidsl.names import IDENT, NAME_CODES, name_problem

RELWORDS = ("of", "on", "at", "from", "to", "through", "with", "between", "above", "below", "against", "inside")
# two-word relations: the key is written with an underscore in a block or JSON (`hangs_from: top`)
RELPHRASES = ("hangs from", "left of", "right of")


# ---- syntax nodes -------------------------------------------------------------------------

@dataclass(frozen=True)
class Num:
    """A number literal, kept as written."""

    text: str
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Qty:
    """A number with a unit: `30 deg`, `9.8 m/s^2`."""

    number: str
    unit: str
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Str:
    """A string literal, escapes decoded."""

    value: str
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Bool:
    """`true` or `false`."""

    value: bool
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Ref:
    """A name or a member reference: `A`, `ABC.A`, `ramp.top`."""

    parts: tuple[str, ...]
    span: Span | None = field(default=None, compare=False)

    @property
    def dotted(self) -> str:
        """The reference as written: `ABC.A`."""
        return ".".join(self.parts)


@dataclass(frozen=True)
class ListV:
    """A list `[a, b, c]`."""

    items: tuple["Value", ...]
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Point:
    """A coordinate tuple `(x, y)` or `(x, y, z)`."""

    items: tuple["Value", ...]
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Call:
    """A function call `f(a, b)`."""

    fn: str
    args: tuple["Value", ...]
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True)
class BinOp:
    """A binary operation; op is one of + - * / ^."""

    op: str
    left: "Value"
    right: "Value"
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Neg:
    """Unary minus."""

    operand: "Value"
    span: Span | None = field(default=None, compare=False)


Value = Union[Num, Qty, Str, Bool, Ref, ListV, Point, Call, BinOp, Neg]


@dataclass(frozen=True)
class Prop:
    """`key: value` inside a block, or `relword value` in a statement head."""

    key: str
    value: Value
    span: Span | None = field(default=None, compare=False)
    relation: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class Decl:
    """`kind [name] ["text"] (relword value)* [{ props }]`."""

    kind: str
    name: str | None
    text: str | None
    props: tuple[Prop, ...]
    span: Span | None = field(default=None, compare=False)
    kind_span: Span | None = field(default=None, compare=False)
    name_span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Given:
    """`given lhs [cmp rhs] [{ props }]`."""

    lhs: Value
    op: str | None
    rhs: Value | None
    props: tuple[Prop, ...]
    span: Span | None = field(default=None, compare=False)


Statement = Union[Decl, Given]


class ExprText(str):
    """The canonical text of an unquoted expression value: never to be shown as if it were quoted text.

    `node` is the value it was printed from, when there is one: the typed model takes it as the
    expression's tree instead of parsing the text again.
    """

    node: "Value | None" = None

    @classmethod
    def of(cls, value: "Value") -> "ExprText":
        """The canonical text of a parsed value, keeping the value."""
        out = cls(format_value(value))
        out.node = value
        return out


class RefText(str):
    """A name or member reference as written (`ramp.top`), keeping the parsed Ref as `node`: a field
    that takes an expression uses it instead of parsing the text again."""

    node: "Ref | None" = None

    @classmethod
    def of(cls, ref: "Ref") -> "RefText":
        """The dotted text of a parsed reference, keeping the reference."""
        out = cls(ref.dotted)
        out.node = ref
        return out


# ---- parser -------------------------------------------------------------------------------

PARSER_OPTIONS = dict(parser="lalr", propagate_positions=True, start=["start", "value"],
                      maybe_placeholders=False)


@lru_cache(maxsize=1)
def _parser():  # type: ignore[no-untyped-def]
    """The LALR parser, loaded from the user cache when it was built for this grammar and lark."""
    import io
    import pkgutil

    import lark

    from scidsl import cache

    grammar = (pkgutil.get_data("scidsl.grammar", "scene.lark") or b"").decode("utf-8")
    key = cache.digest([grammar, lark.__version__, sorted(PARSER_OPTIONS.items())])
    name = f"parser-{cache.digest([__file__])[:12]}.lark"  # one entry per installation, replaced on change
    data = cache.read(name, key)
    if data is not None:
        try:
            return lark.Lark.load(io.BytesIO(data))
        except Exception:  # noqa: BLE001 - a damaged entry is rebuilt
            pass
    parser = lark.Lark.open_from_package("scidsl.grammar", "scene.lark", **PARSER_OPTIONS)
    out = io.BytesIO()
    parser.save(out)
    cache.write(name, key, out.getvalue())
    return parser


class SyntaxFailure(Exception):
    """Internal: carries diagnostics out of the tree walk."""

    def __init__(self, diags: list[Diagnostic]) -> None:
        super().__init__(diags[0].message if diags else "syntax error")
        self.diags = diags


def _span_of(file: str, meta_or_tok) -> Span:  # type: ignore[no-untyped-def]
    line = getattr(meta_or_tok, "line", 1) or 1
    col = getattr(meta_or_tok, "column", 1) or 1
    end_line = getattr(meta_or_tok, "end_line", line) or line
    end_col = getattr(meta_or_tok, "end_column", col + 1) or col + 1
    return Span(file, line, col, end_line, end_col)


_ESCAPE = re.compile(r'\\(["\\])')


def decode_string(raw: str) -> str:
    """Decode a string literal body: only \\" and \\\\ are escapes; other backslashes stay (mathtext)."""
    return _ESCAPE.sub(lambda m: m.group(1), raw)


def encode_string(value: str) -> str:
    """The canonical literal for a string value; a backslash is doubled only where it must be."""
    out = []
    for i, ch in enumerate(value):
        nxt = value[i + 1] if i + 1 < len(value) else ""
        if ch == "\\" and nxt in ("", "\\", '"'):
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def normalise_newlines(text: str) -> str:
    """Turn \\r\\n and bare \\r into \\n so that line numbers are right."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_source(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Decode UTF-8 bytes; a decoding error is reported at line:col, not a byte offset."""
    if len(data) > limits.MAX_SOURCE_BYTES:
        return None, [_too_big(file, len(data))]
    try:
        return normalise_newlines(data.decode("utf-8-sig")), []
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-8", errors="replace").replace("\r\n", "\n")
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        span = Span(file, line, col, line, col + 1)
        return None, [error("E0002", f"the file is not valid UTF-8 (byte {exc.object[exc.start]:#04x})",
                            span, "save the scene as UTF-8 text")]


def _too_big(file: str, size: int) -> Diagnostic:
    return error("E0901", f"the source is {size} bytes; the limit is {limits.MAX_SOURCE_BYTES}",
                 Span(file, 1, 1, 1, 2), "split the figure into several scenes")


_TOKEN = re.compile(r'#[^\n]*|"(?:[^"\\\n]|\\.)*"|[A-Za-z0-9_.]+|[^\s#]')


def _token_count_error(text: str, file: str) -> Diagnostic | None:
    """Count words, numbers, strings and signs before parsing (the parser takes ~30 µs a token); report
    the token past the limit."""
    count = 0
    for m in _TOKEN.finditer(text):
        count += m.group(0)[0] != "#"
        if count > limits.MAX_TOKENS:
            before = text[:m.start()]
            line, col = before.count("\n") + 1, m.start() - before.rfind("\n")
            return error("E0940", f"the scene has more than {limits.MAX_TOKENS} words, numbers and signs",
                         Span(file, line, col, line, col + len(m.group(0))),
                         "split the figure into several scenes, or give a curve by an expression")
    return None


def _bracket_depth_error(text: str, file: str) -> Diagnostic | None:
    """Scan brackets outside strings and comments; report the first place deeper than the limit."""
    depth, line, col, i, n = 0, 1, 1, 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            while i < n and text[i] != "\n":
                i += 1
            continue
        if ch == '"':
            i += 1
            col += 1
            while i < n and text[i] not in '"\n':
                step = 2 if text[i] == "\\" and i + 1 < n and text[i + 1] != "\n" else 1
                i += step
                col += step
        elif ch in "([{":
            depth += 1
            if depth > limits.MAX_NESTING:
                return error("E0902", f"brackets nest deeper than {limits.MAX_NESTING} levels",
                             Span(file, line, col, line, col + 1), "flatten the expression or list")
        elif ch in ")]}":
            depth = max(0, depth - 1)
        if ch == "\n":
            line, col = line + 1, 1
        else:
            col += 1
        i += 1
    return None


def parse_tree(text: str, file: str, start: str = "start"):  # type: ignore[no-untyped-def]
    """Parse text with the scene grammar; raise SyntaxFailure with diagnostics."""
    from lark.exceptions import UnexpectedInput

    if len(text.encode("utf-8", errors="replace")) > limits.MAX_SOURCE_BYTES:
        raise SyntaxFailure([_too_big(file, len(text))])
    deep = _bracket_depth_error(text, file) or _token_count_error(text, file)
    if deep:
        raise SyntaxFailure([deep])
    try:
        tree = _parser().parse(text, start=start)
    except UnexpectedInput as exc:
        from scidsl.syntax_errors import describe

        raise SyntaxFailure([describe(exc, text, file)]) from None
    _check_tree_size(tree, file)
    return tree


def _check_tree_size(tree, file: str) -> None:  # type: ignore[no-untyped-def]
    from lark import Tree

    stack = [(tree, 1)]
    count = 0
    while stack:
        node, depth = stack.pop()
        count += 1
        if depth > limits.MAX_EXPR_DEPTH:
            raise SyntaxFailure([error("E0902", f"the expression nests deeper than {limits.MAX_EXPR_DEPTH} levels",
                                       _span_of(file, node.meta), "split it into simpler parts")])
        if count > limits.MAX_EXPR_NODES * 50:
            raise SyntaxFailure([error("E0905", "the scene has too many syntax nodes",
                                       Span(file, 1, 1, 1, 2), "split the figure into several scenes")])
        stack.extend((c, depth + 1) for c in node.children if isinstance(c, Tree))


_MAX_SYNTAX_ERRORS = 10


def parse_scene_syntax(text: str, file: str = "<scene>") -> tuple[list[Statement], list[Diagnostic]]:
    """Parse scene text into statements; on failure return the diagnostics instead.

    After a syntax error the failing statement's lines are blanked (line numbers kept) and the
    rest is parsed again, so one run reports up to ten independent syntax errors.
    """
    text = normalise_newlines(text)
    diags: list[Diagnostic] = []
    while True:
        try:
            tree = parse_tree(text, file)
            statements = _Builder(file).transform(tree)
            break
        except SyntaxFailure as exc:
            failure = exc.diags
        except Exception as exc:  # lark wraps callback errors in VisitError
            orig = getattr(exc, "orig_exc", None)
            if not isinstance(orig, SyntaxFailure):
                raise
            failure = orig.diags
        diags.extend(failure)
        blanked = _blank_statement(text, failure[0])
        if blanked is None or len(diags) >= _MAX_SYNTAX_ERRORS:
            return [], diags
        text = blanked
    if diags:
        return [], diags
    if len(statements) > limits.MAX_STATEMENTS:
        return [], [error("E0903", f"the scene has {len(statements)} statements; the limit is "
                          f"{limits.MAX_STATEMENTS}", statements[limits.MAX_STATEMENTS].span,
                          "split the figure into several scenes")]
    return statements, []


def _blank_statement(text: str, diag: Diagnostic) -> str | None:
    """Blank the lines of the statement holding a syntax error; None when recovery is pointless."""
    if diag.code not in ("E0001", "E0003") or diag.span is None:
        return None
    lines = text.split("\n")
    depth_at = _line_depths(lines)
    err = min(diag.span.line, len(lines)) - 1
    start = err
    while start > 0 and depth_at[start] > 0:
        start -= 1
    end = err
    while end + 1 < len(lines) and depth_at[end + 1] > 0:
        end += 1
    if end + 1 >= len(lines) and depth_at[-1] > 0:
        return None  # an unclosed bracket runs to the end: nothing after it to check
    if all(not lines[i].strip() for i in range(start, end + 1)):
        return None
    return "\n".join("" if start <= i <= end else ln for i, ln in enumerate(lines))


def _line_depths(lines: list[str]) -> list[int]:
    """Bracket depth at the start of each line (strings and comments skipped)."""
    depths, depth = [], 0
    for line in lines:
        depths.append(depth)
        i = 0
        while i < len(line):
            ch = line[i]
            if ch == "#":
                break
            if ch == '"':
                i += 1
                while i < len(line) and line[i] != '"':
                    i += 2 if line[i] == "\\" else 1
            elif ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth = max(0, depth - 1)
            i += 1
    depths.append(depth)
    return depths


def parse_value_text(text: str, file: str = "<value>") -> tuple[Value | None, list[Diagnostic]]:
    """Parse one value (as in a JSON scene's string fields)."""
    text = normalise_newlines(text)
    try:
        tree = parse_tree(text, file, start="value")
        return _Builder(file).transform(tree), []
    except SyntaxFailure as exc:
        return None, exc.diags
    except Exception as exc:
        orig = getattr(exc, "orig_exc", None)
        if isinstance(orig, SyntaxFailure):
            return None, orig.diags
        raise


def _check_number(text: str, span: Span) -> None:
    digits = re.match(r"[0-9]*", text).group(0)  # type: ignore[union-attr]
    if len(digits) > limits.MAX_INT_DIGITS:
        raise SyntaxFailure([error("E0904", f"the number has {len(digits)} digits; the limit is "
                                   f"{limits.MAX_INT_DIGITS}", span, "use scientific notation: 1.5e30")])
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")) or abs(value) > 1e300:
        raise SyntaxFailure([error("E0904", f"the number {text} is not finite", span,
                                   "use a number between -1e300 and 1e300")])
    if value and abs(value) < 1e-300:  # sub-normal numbers lose their digits in every later step
        raise SyntaxFailure([error("E0904", f"the number {text} is too close to zero", span,
                                   "write 0, or a number no smaller than 1e-300")])


def _check_name(tok, file: str) -> str:  # type: ignore[no-untyped-def]
    """A NAME token as text, after the identifier rules the grammar cannot state (length, scripts)."""
    text = str(tok)
    problem = name_problem(text)
    if problem:
        kind, message = problem
        raise SyntaxFailure([error(NAME_CODES[kind], message, _span_of(file, tok),
                                   "use letters of one alphabet and a short name")])
    return text


def _make_builder_class():  # type: ignore[no-untyped-def]
    from lark import Token, Transformer_NonRecursive, v_args

    @v_args(meta=True)
    class Builder(Transformer_NonRecursive):
        def __init__(self, file: str) -> None:
            super().__init__()
            self.file = file

        def _sp(self, meta) -> Span:  # type: ignore[no-untyped-def]
            return _span_of(self.file, meta)

        def start(self, meta, children):  # type: ignore[no-untyped-def]
            return list(children)

        def decl(self, meta, children):  # type: ignore[no-untyped-def]
            kind_tok = children[0]
            _check_name(kind_tok, self.file)
            name = text = None
            name_span = None
            props: list[Prop] = []
            for c in children[1:]:
                if isinstance(c, Token) and c.type == "NAME":
                    name, name_span = _check_name(c, self.file), _span_of(self.file, c)
                elif isinstance(c, Token) and c.type == "STRING":
                    text = decode_string(str(c)[1:-1])
                elif isinstance(c, Prop):
                    props.append(c)
                elif isinstance(c, tuple):
                    props.extend(c)
            return Decl(str(kind_tok), name, text, tuple(props), self._sp(meta),
                        _span_of(self.file, kind_tok), name_span)

        def given(self, meta, children):  # type: ignore[no-untyped-def]
            lhs = children[0]
            op = rhs = None
            props: tuple[Prop, ...] = ()
            rest = children[1:]
            if rest and isinstance(rest[0], Token) and rest[0].type == "CMP":
                op, rhs, rest = str(rest[0]), rest[1], rest[2:]
            if rest:
                props = rest[0]
            return Given(lhs, op, rhs, props, self._sp(meta))

        def relation(self, meta, children):  # type: ignore[no-untyped-def]
            return Prop("_".join(str(children[0]).split()), children[1], self._sp(meta), relation=True)

        def block(self, meta, children):  # type: ignore[no-untyped-def]
            return tuple(children)

        def prop(self, meta, children):  # type: ignore[no-untyped-def]
            return Prop(_check_name(children[0], self.file), children[1], self._sp(meta))

        def string(self, meta, children):  # type: ignore[no-untyped-def]
            return Str(decode_string(str(children[0])[1:-1]), self._sp(meta))

        def list(self, meta, children):  # type: ignore[no-untyped-def]
            return ListV(tuple(children), self._sp(meta))

        def number(self, meta, children):  # type: ignore[no-untyped-def]
            span = self._sp(meta)
            _check_number(str(children[0]), span)
            return Num(str(children[0]), span)

        def quantity(self, meta, children):  # type: ignore[no-untyped-def]
            span = self._sp(meta)
            _check_number(str(children[0]), span)
            return Qty(str(children[0]), str(children[1]), span)

        def true(self, meta, children):  # type: ignore[no-untyped-def]
            return Bool(True, self._sp(meta))

        def false(self, meta, children):  # type: ignore[no-untyped-def]
            return Bool(False, self._sp(meta))

        def ref(self, meta, children):  # type: ignore[no-untyped-def]
            return Ref(tuple(_check_name(c, self.file) for c in children), self._sp(meta))

        def call(self, meta, children):  # type: ignore[no-untyped-def]
            return Call(_check_name(children[0], self.file), tuple(children[1:]), self._sp(meta))

        def point(self, meta, children):  # type: ignore[no-untyped-def]
            return Point(tuple(children), self._sp(meta))

        def _bin(self, op: str, meta, children):  # type: ignore[no-untyped-def]
            left, right = children[0], children[-1]
            return BinOp(op, left, right, self._sp(meta))

        def add(self, meta, children):  # type: ignore[no-untyped-def]
            return self._bin("+", meta, children)

        def sub(self, meta, children):  # type: ignore[no-untyped-def]
            return self._bin("-", meta, children)

        def mul(self, meta, children):  # type: ignore[no-untyped-def]
            return self._bin("*", meta, children)

        def div(self, meta, children):  # type: ignore[no-untyped-def]
            return self._bin("/", meta, children)

        def pow(self, meta, children):  # type: ignore[no-untyped-def]
            return self._bin("^", meta, children)

        def neg(self, meta, children):  # type: ignore[no-untyped-def]
            return Neg(children[0], self._sp(meta))

    return Builder


@lru_cache(maxsize=1)
def _builder_class():  # type: ignore[no-untyped-def]
    return _make_builder_class()


def _Builder(file: str):  # type: ignore[no-untyped-def]  # noqa: N802
    return _builder_class()(file)


# ---- canonical printing of values -----------------------------------------------------------

_PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 4}
_IDENT = IDENT
KEYWORDS = frozenset(RELWORDS) | {"given", "true", "false"}


def is_plain_name(text: str) -> bool:
    """True when text can be written as a bare name (or dotted reference)."""
    return all(_IDENT.match(p) and p not in KEYWORDS for p in text.split("."))


def format_value(v: Value) -> str:
    """Print a value in canonical form (minimal parentheses); iterative enough for capped depth."""
    return _fmt(v, 0)


def _fmt(v: Value, parent_prec: int) -> str:  # noqa: C901 - one case per node type
    if isinstance(v, Num):
        return v.text
    if isinstance(v, Qty):
        text = f"{v.number} {v.unit}"
        return f"({text})" if parent_prec >= 2 else text
    if isinstance(v, Str):
        return encode_string(v.value)
    if isinstance(v, Bool):
        return "true" if v.value else "false"
    if isinstance(v, Ref):
        return v.dotted
    if isinstance(v, ListV):
        return "[" + ", ".join(_fmt(i, 0) for i in v.items) + "]"
    if isinstance(v, Point):
        return "(" + ", ".join(_fmt(i, 0) for i in v.items) + ")"
    if isinstance(v, Call):
        return f"{v.fn}(" + ", ".join(_fmt(a, 0) for a in v.args) + ")"
    if isinstance(v, Neg):
        inner = _fmt(v.operand, 3)
        text = "-" + inner
        return f"({text})" if parent_prec > 3 else text
    if isinstance(v, BinOp):
        prec = _PREC[v.op]
        if v.op == "^":  # right-associative; the base must be an atom
            left = _fmt(v.left, 5)
            right = _fmt(v.right, 3)
        else:
            left = _fmt(v.left, prec)
            right = _fmt(v.right, prec + 1)
        text = f"{left} {v.op} {right}" if v.op in "+-" else f"{left}{v.op}{right}" if v.op == "^" \
            else f"{left}*{right}" if v.op == "*" else f"{left}/{right}"
        return f"({text})" if prec < parent_prec else text
    raise TypeError(f"not a value: {v!r}")
