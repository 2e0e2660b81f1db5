"""Build the typed scene model from syntax statements (text form) or from JSON (JSON form)."""
from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from scidsl import limits, syntax
from scidsl.diagnostics import Diagnostic, Span, did_you_mean, error
from scidsl.model import Given, Node, Quantity, Scene
from scidsl.names import shorten
from scidsl.registry import kind_class, kinds

# pydantic error type → (code, hint)
_ERROR_CODES: dict[str, str] = {
    "missing": "E0203",
    "unknown_unit": "E0301",
    "dimension": "E0302",
    "number_range": "E0904",
    "label_length": "E0906",
    "label_control": "E0202",
    "color": "E0202",
    "expr_syntax": "E0207",
    "expr_type": "E0202",
    "expr_eval": "E0207",
    "greater_than": "E0205",
    "greater_than_equal": "E0205",
    "less_than": "E0205",
    "less_than_equal": "E0205",
    "too_long": "E0908",
    "value_range": "E0205",
    "name_syntax": "E0911",
    "name_length": "E0912",
    "name_confusable": "E0913",
    "number_text": "E0914",
    "figure_size": "E0907",
}


class _Lowering(Exception):
    def __init__(self, diag: Diagnostic) -> None:
        super().__init__(diag.message)
        self.diag = diag


def lower(value: syntax.Value) -> Any:
    """Turn a syntax value into the plain data the typed model validates (same as its JSON form)."""
    if isinstance(value, syntax.Num):
        return int(value.text) if value.text.isdigit() else float(value.text)
    if isinstance(value, syntax.Qty):
        from scidsl.units import parse_unit

        if parse_unit(value.unit) is None:
            raise _Lowering(_unknown_unit(value))
        return Quantity(float(value.number), value.unit)
    if isinstance(value, syntax.Str):
        return value.value
    if isinstance(value, syntax.Bool):
        return value.value
    if isinstance(value, syntax.Ref):
        return syntax.RefText.of(value)
    if isinstance(value, syntax.ListV):
        return [lower(v) for v in value.items]
    if isinstance(value, syntax.Point):
        items = tuple(lower(v) for v in value.items)
        if any(isinstance(c, (int, float)) and abs(c) > limits.MAX_ABS_COORD for c in items):
            raise _Lowering(error("E0904", f"a coordinate is outside ±{limits.MAX_ABS_COORD:g}", value.span,
                                  "coordinates are in the figure's own units; keep them small"))
        return items
    from scidsl.expr import count_nodes

    if count_nodes(value) > limits.MAX_EXPR_NODES:
        raise _Lowering(error("E0905", f"the expression has more than {limits.MAX_EXPR_NODES} parts",
                              value.span, "split it into simpler parts"))
    _check_units_in(value)
    return syntax.ExprText.of(value)


def _check_units_in(value: Any) -> None:
    from scidsl.expr import _children
    from scidsl.units import parse_unit

    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, syntax.Qty) and parse_unit(node.unit) is None:
            raise _Lowering(_unknown_unit(node))
        stack.extend(_children(node))


def _unknown_unit(q: syntax.Qty) -> Diagnostic:
    from scidsl.units import known_units

    hint = did_you_mean(q.unit, known_units())
    if hint is None and len(q.unit) <= 2 and q.unit.isalpha():
        hint = f"write {q.number}*{q.unit} for a product; a name after a number is read as its unit"
    return error("E0301", f"unknown unit '{q.unit}'", q.span, hint)


def build_scene(statements: list[syntax.Statement], file: str) -> tuple[Scene, list[Diagnostic]]:
    """Validate every statement against its kind; collect all diagnostics."""
    nodes: list[Node] = []
    diags: list[Diagnostic] = []
    failed: list[str] = []
    for st in statements:
        node, errs = build_statement(st)
        diags.extend(errs)
        if node is not None:
            nodes.append(node)
        elif isinstance(st, syntax.Decl) and st.name:
            failed.append(st.name)
    return Scene(items=tuple(nodes), file=file, unbuilt=tuple(failed)), diags


def build_statement(st: syntax.Statement) -> tuple[Node | None, list[Diagnostic]]:
    """One statement → one typed node, or diagnostics."""
    if isinstance(st, syntax.Given):
        return _build_given(st)
    cls = kind_class(st.kind)
    if cls is None or st.kind == "given":
        return None, [error("E0101", f"unknown kind '{st.kind}'", st.kind_span,
                            did_you_mean(st.kind, list(kinds())) or _kinds_hint())]
    diags: list[Diagnostic] = []
    data: dict[str, Any] = {"kind": st.kind}
    spans: dict[str, Span] = {}
    if st.name is not None:
        data["name"] = st.name
        spans["name"] = st.name_span  # type: ignore[assignment]
    elif cls.name_required:
        diags.append(error("E0104", f"{_article(st.kind)} {st.kind} needs a name", st.kind_span,
                           f"write: {cls.example or st.kind + ' X'}"))
    if st.text is not None:
        if cls.text_field:
            data[cls.text_field] = st.text
        else:
            diags.append(error("E0201", f"a {st.kind} takes no text after its name", st.span,
                               "put text in a property such as label: \"...\""))
    keys = _field_keys(cls)
    failed = set()
    for prop in st.props:
        errs = _add_prop(prop, data, spans, keys, st.kind)
        if errs:
            failed.add(prop.key)
        diags.extend(errs)
    node, errs = _validate(cls, data, spans, st.span)
    return node, diags + [e for e in errs if not any(f"needs '{k}'" in e.message for k in failed)]


def _field_keys(cls: type[Node]) -> dict[str, str]:
    """Scene key (alias or name) → pydantic field name."""
    out = {}
    for name, info in cls.model_fields.items():
        if name in ("kind", "span", "spans"):
            continue
        out[info.alias or name] = name
    return out


def _add_prop(prop: syntax.Prop, data: dict, spans: dict, keys: dict[str, str], kind: str) -> list[Diagnostic]:
    key = prop.key
    if key not in keys or key == "name":
        word = "relation" if prop.relation else "property"
        return [error("E0201", f"a {kind} has no {word} '{key}'", prop.span,
                      did_you_mean(key, [k for k in keys if k != "name"]) or
                      f"its properties are: {', '.join(k for k in keys if k != 'name') or 'none'}")]
    if key in data:
        return [error("E0204", f"'{key}' is given twice", prop.span, "keep one of them")]
    try:
        data[key] = lower(prop.value)
    except _Lowering as exc:
        return [exc.diag]
    spans[key] = prop.span
    return []


def _validate(cls: type[Node], data: dict, spans: dict, span: Span | None) -> tuple[Node | None, list[Diagnostic]]:
    try:
        node = cls.model_validate(data | {"span": span, "spans": spans})
    except ValidationError as exc:
        return None, [_from_pydantic(e, cls, spans, span) for e in exc.errors()]
    return node, []


def _from_pydantic(err: dict, cls: type[Node], spans: dict, span: Span | None) -> Diagnostic:
    loc = err.get("loc", ())
    key = str(loc[0]) if loc else ""
    where = spans.get(key, span)
    code = _ERROR_CODES.get(err.get("type", ""), "E0202")
    msg = err.get("msg", "invalid value")
    if err.get("type") == "missing":
        example = cls.example
        kind = cls.model_fields["kind"].default
        return error(code, f"{_article(kind)} {kind} needs '{key}'", span,
                     f"for example: {example}" if example else f"add {key}: ...")
    if err.get("type") == "literal_error":
        expected = (err.get("ctx") or {}).get("expected", "")
        return error("E0202", f"'{key}' must be one of {expected}", where, None)
    path = ".".join(str(p) for p in loc)
    return error(code, f"{path}: {msg}" if path else msg, where, _type_hint(cls, key))


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _type_hint(cls: type[Node], key: str) -> str | None:
    for name, info in cls.model_fields.items():
        if (info.alias or name) == key and info.description:
            return f"{key}: {info.description}"
    return None


def _kinds_hint() -> str:
    names = sorted(k for k in kinds() if k != "given")
    return "known kinds: " + ", ".join(names[:40]) + (" ..." if len(names) > 40 else "")


def _build_given(st: syntax.Given) -> tuple[Node | None, list[Diagnostic]]:
    data: dict[str, Any] = {"kind": "given"}
    spans: dict[str, Span] = {"lhs": st.lhs.span}  # type: ignore[dict-item]
    try:
        _check_units_in(st.lhs)
        data["lhs"] = st.lhs
        if st.op is not None:
            _check_units_in(st.rhs)
            data["op"], data["rhs"] = st.op, st.rhs
            spans["rhs"] = st.rhs.span  # type: ignore[assignment, union-attr]
    except _Lowering as exc:
        return None, [exc.diag]
    diags: list[Diagnostic] = []
    keys = _field_keys(Given)
    for prop in st.props:
        if prop.key in ("lhs", "op", "rhs"):
            diags.append(error("E0201", f"'{prop.key}' is written as the fact itself", prop.span, None))
            continue
        diags.extend(_add_prop(prop, data, spans, keys, "given"))
    node, errs = _validate(Given, data, spans, st.span)
    return node, diags + errs


# ---- JSON form --------------------------------------------------------------------------------

def build_from_json(data: Any, file: str, item_spans: list[Span] | None = None) -> tuple[Scene, list[Diagnostic]]:
    """Validate a JSON scene (`{"items": [...]}` or a list of statements); `item_spans` locate each item."""
    items = data.get("items") if isinstance(data, dict) else data
    if not isinstance(items, list):
        return Scene(file=file), [error("E0004", "a JSON scene is an object with a list 'items'",
                                        Span(file, 1, 1, 1, 2), '{"items": [{"kind": "point", "name": "A"}]}')]
    if len(items) > limits.MAX_STATEMENTS:
        return Scene(file=file), [error("E0903", f"the scene has {len(items)} statements; the limit is "
                                        f"{limits.MAX_STATEMENTS}", Span(file, 1, 1, 1, 2), None)]
    nodes, diags = [], []
    for i, item in enumerate(items):
        span = item_spans[i] if item_spans and i < len(item_spans) else Span(file, 1, 1, 1, 2)
        bad = json_value_problems(item, f"items[{i}]", span)
        if bad:
            diags.extend(bad)
            continue
        node, errs = _json_item(item, i, span)
        diags.extend(errs)
        if node is not None:
            nodes.append(node)
    return Scene(items=tuple(nodes), file=file), diags


def json_value_problems(value: Any, path: str, span: Span) -> list[Diagnostic]:
    """Strings, numbers and keys of a JSON value held to the text form's rules (walked without recursion)."""
    stack = [(value, path)]
    while stack:
        v, where = stack.pop()
        problem = _json_scalar_problem(v)
        if problem:
            code, message = problem
            return [error(code, f"{where}: {message}", span, None)]
        if isinstance(v, dict):
            for key, item in v.items():
                if not isinstance(key, str) or _has_surrogate(key):
                    return [error("E0910", f"{where}: a key is not valid Unicode text", span, None)]
                stack.append((item, f"{where}.{shorten(key, 40)}"))
        elif isinstance(v, (list, tuple)):
            stack.extend((item, f"{where}[{n}]") for n, item in enumerate(v))
    return []


def _json_scalar_problem(v: Any) -> tuple[str, str] | None:
    if isinstance(v, str) and _has_surrogate(v):
        at = next(n for n, c in enumerate(v) if "\ud800" <= c <= "\udfff")
        return "E0910", f"the string holds a lone surrogate (U+{ord(v[at]):04X}) at character {at + 1}"
    if isinstance(v, bool):
        return None
    if isinstance(v, int) and v.bit_length() > int(limits.MAX_INT_DIGITS * 3.33):
        return "E0904", f"the number has more than {limits.MAX_INT_DIGITS} digits"
    if isinstance(v, float) and (v != v or abs(v) > 1e300):
        return "E0904", "the number is not finite"
    return None


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _json_item(item: Any, i: int, span: Span) -> tuple[Node | None, list[Diagnostic]]:
    if not isinstance(item, dict) or not isinstance(item.get("kind"), str):
        return None, [error("E0004", f"items[{i}] must be an object with a 'kind'", span, None)]
    cls = kind_class(item["kind"])
    if cls is None:
        return None, [error("E0101", f"items[{i}]: unknown kind '{shorten(item['kind'], 40)}'", span,
                            did_you_mean(item["kind"][:100], list(kinds())) or _kinds_hint())]
    if cls.name_required and not item.get("name"):
        return None, [error("E0104", f"items[{i}]: a {item['kind']} needs a name", span, cls.example or None)]
    keys = _field_keys(cls)
    unknown = [k for k in item if k not in keys and k != "kind"]
    if unknown:
        return None, [error("E0201", f"items[{i}]: a {item['kind']} has no property '{shorten(unknown[0], 40)}'",
                            span, did_you_mean(unknown[0][:100], list(keys)))]
    node, errs = _validate(cls, dict(item), {}, span)
    return node, [_prefixed(e, i) for e in errs]


def _prefixed(d: Diagnostic, i: int) -> Diagnostic:
    return Diagnostic(d.code, f"items[{i}]: {d.message}", d.span, d.hint, d.severity, d.related)
