"""The bridge's view of the scidsl core: compile to outcomes, the JSON Schema, the reference, the tools."""

from __future__ import annotations

import typing
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from .outcome import CompileOutcome
from .reference import (
    FactDoc,
    FieldDoc,
    KindDoc,
    ReferenceDoc,
    render_reference,
    syntax_from_grammar,
)
from .tools import build_tools

_SKIP_FIELDS = {"kind", "name", "span", "spans"}


def compile_outcome(scene: str | dict[str, Any], *, render: bool = True) -> CompileOutcome:
    """Compile a scene (text or JSON object) with `scidsl.compile` and describe the result."""
    from scidsl import compile as compile_scene

    source = scene if isinstance(scene, str) else drop_unset(scene)
    result = compile_scene(source, "<scene>" if isinstance(scene, str) else "<scene>.json")
    data = result.to_dict()
    png = result._repr_png_() if render and result.ok else None  # IPython's PNG protocol on Result
    return CompileOutcome(
        ok=result.ok,
        diagnostics=tuple(_flat(d) for d in data["diagnostics"]),
        # the page's bare numbers are for the givens check, not a fact to tell the model
        facts=tuple(fact_text(f) for f in data["facts"]
                    if not f.get("hidden") and f.get("predicate") != "page_numbers"),
        fact_data=tuple(data["facts"]),
        source=scene if isinstance(scene, str) else "",
        png=png,
        save=result.save if result.ok else None,
    )


def check_outcome(scene: str | dict[str, Any]) -> CompileOutcome:
    """Check a scene and report diagnostics, without producing an image."""
    return compile_outcome(scene, render=False)


def drop_unset(scene: dict[str, Any]) -> dict[str, Any]:
    """Strict tool calls send every key, null meaning 'not set': drop those keys from each item."""
    items = scene.get("items")
    if not isinstance(items, list):
        return scene
    return {**scene, "items": [_without_nulls(item) for item in items]}


def _without_nulls(value: Any, depth: int = 0) -> Any:
    """An object with its null-valued keys removed, nested objects too (to a bounded depth)."""
    if not isinstance(value, dict) or depth > 32:
        return value
    return {k: _without_nulls(v, depth + 1) for k, v in value.items() if v is not None}


def fact_text(fact: dict[str, Any]) -> str:
    """A fact as one line: its own text, or predicate(args) = value."""
    if fact.get("text"):
        return str(fact["text"])
    args = ", ".join(str(a) for a in fact.get("args", ()))
    value = fact.get("value")
    return f"{fact.get('predicate')}({args})" + (f" = {value}" if value is not None else "")


def _flat(diag: dict[str, Any]) -> dict[str, Any]:
    """A core diagnostic dict with its span flattened into line/col fields."""
    from .outcome import to_outcome

    return to_outcome({"diagnostics": [diag]}).diagnostics[0]


# ---- schema and tools ---------------------------------------------------------------------------


def scene_json_schema() -> dict[str, Any]:
    """JSON Schema of the JSON scene form `{"items": [statement, ...]}` (the core's, from the model)."""
    from scidsl.schema import scene_json_schema as core_schema

    return core_schema()


def tool_definitions() -> list[dict[str, Any]]:
    """The three function tools, from the live model."""
    from scidsl.registry import kinds

    return build_tools(scene_json_schema(), list(kinds()))


# ---- reference ----------------------------------------------------------------------------------


@lru_cache(maxsize=32)
def language_reference(domains: tuple[str, ...] = ()) -> str:
    """The generated language reference (Markdown): every domain, or only the core and `domains`
    with a one-line index of the others (a prompt for a physics problem need not carry chemistry)."""
    doc = reference_doc()
    if not domains:
        return render_reference(doc)
    known = list(doc.domain_summaries)
    unknown = [d for d in domains if d not in known]
    if unknown:
        raise ValueError(f"no domain {', '.join(unknown)}; the domains are {', '.join(known)}")
    keep = {"core", *domains}
    shown = replace(doc, kinds=tuple(k for k in doc.kinds if k.domain in keep),
                    facts=tuple(f for f in doc.facts if f.domain in keep))
    index = ["## Other domains", "Their kinds are described by `scidsl docs --domain NAME` (or the "
             "language_reference tool with that domain):"]
    for name in known:
        if name not in keep:
            kinds = [k.kind for k in doc.kinds if k.domain == name]
            index.append(f"- {name}: {', '.join(kinds)}")
    return render_reference(shown) + "\n" + "\n".join(index) + "\n"


def domain_names() -> list[str]:
    """The domains a reference can be sliced by."""
    return list(reference_doc().domain_summaries)


def reference_doc() -> ReferenceDoc:
    """Collect the reference from the grammar, the kind registry and the unit table."""
    from scidsl.registry import DOMAINS, kinds

    grammar = resources.files("scidsl.grammar").joinpath("scene.lark").read_text(encoding="utf-8")
    kind_docs = tuple(
        _kind_doc(kind, cls, dom.name if dom else "core") for kind, (cls, dom) in kinds().items()
    )
    summaries = {d.name: d.summary for d in DOMAINS}
    units, prefixes = _units()
    return ReferenceDoc(
        syntax_from_grammar(grammar), kind_docs, _fact_docs(), units, prefixes, summaries
    )


def _kind_doc(kind: str, cls: Any, domain: str) -> KindDoc:
    """One kind's documentation from its model class."""
    fields = tuple(
        FieldDoc(
            info.alias or name,
            _interval_or(type_text(info.annotation, info.metadata), info.description or ""),
            info.is_required(),
            info.description or "",
        )
        for name, info in cls.model_fields.items()
        if name not in _SKIP_FIELDS
    )
    summary = (cls.__doc__ or "").strip().split("\n")[0].rstrip(".")
    return KindDoc(
        kind,
        domain,
        summary,
        fields,
        tuple(getattr(cls, "relations", ())),
        getattr(cls, "text_field", None),
        bool(getattr(cls, "name_required", True)),
        getattr(cls, "example", ""),
        _members(cls),
    )


def _members(cls: Any) -> tuple[str, ...]:
    """The members a kind offers whatever its name (`b.top`, `ramp.slope`), for the reference."""
    try:
        found = cls.members(cls.model_construct(name="X"))
    except Exception:  # members that depend on the statement (a triangle's vertices) are told in its summary
        return ()
    return tuple(sorted(found)) if found else ()


def _fact_docs() -> tuple[FactDoc, ...]:
    """Fact functions with their domain, meaning and example (each domain's `FACT_DOCS`)."""
    from scidsl.registry import domain_of_function, fact_docs, fact_functions

    table = fact_docs()
    docs = []
    for fn in fact_functions():
        dom = domain_of_function(fn)
        meaning, example = table.get(fn, ("", ""))
        docs.append(FactDoc(fn, dom.name if dom else "core", meaning, example))
    return tuple(docs)


def _units() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Units grouped by dimension, and the prefixes that apply to SI units."""
    from scidsl.units import known_units, parse_unit

    grouped: dict[str, list[str]] = {}
    for unit in known_units():
        info = parse_unit(unit)
        if info is not None:
            grouped.setdefault(info.dimension_name, []).append(unit)
    prefixes = tuple(
        p for p in ("G", "M", "k", "c", "m", "u", "µ", "n", "p") if parse_unit(p + "V") is not None
    )
    return {dim: tuple(units) for dim, units in grouped.items()}, prefixes


def _interval_or(type_word: str, description: str) -> str:
    """A number pair described as an interval reads `range [from, to]`, not as a point."""
    if type_word == "point (x, y)" and ("[from, to]" in description or "interval" in description):
        return "range [from, to]"
    return type_word


def type_text(annotation: Any, metadata: list[Any] | tuple[Any, ...] = ()) -> str:
    """A short, model-readable name for a field type (`length`, `name`, `text`, `a|b`, `list of name`)."""
    for meta in metadata:
        word = _marker_word(meta)
        if word:
            return word
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_text(args[0], args[1:])
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        kept = [a for a in args if a is not type(None)]
        return " or ".join(dict.fromkeys(type_text(a) for a in kept))
    if origin is typing.Literal:
        return "|".join(str(a) for a in args)
    if origin in (list, tuple, set, frozenset):
        return _sequence_text(origin, args)
    if origin is dict:
        return "map"
    return _plain_type_text(annotation)


def _marker_word(meta: Any) -> str:
    """The word for one of the model's annotation markers, or ''."""
    cls_name = type(meta).__name__ if not isinstance(meta, type) else meta.__name__
    if cls_name == "Dimension":
        return str(getattr(meta, "name", "quantity")).replace("_", " ")
    return {"RefMarker": "name", "LabelMarker": "text", "_NumberMarker": "number"}.get(cls_name, "")


def _sequence_text(origin: Any, args: tuple[Any, ...]) -> str:
    """`list of X`, or `point (x, y)` for a pair of numbers."""
    if origin is tuple and args and args[-1] is not Ellipsis:
        words = [type_text(a) for a in args]
        if len(args) in (2, 3) and all(w == "number" for w in words):
            return "point (x, y)" if len(args) == 2 else "point (x, y, z)"
        return f"pair [{', '.join(words)}]" if len(args) == 2 else f"[{', '.join(words)}]"
    inner = type_text(args[0]) if args else "value"
    return f"list of {inner}"


def _plain_type_text(annotation: Any) -> str:
    """Names for plain classes."""
    names = {bool: "true|false", str: "string", int: "integer", float: "number"}
    if annotation in names:
        return names[annotation]
    name = getattr(annotation, "__name__", str(annotation))
    return {"Expr": "expression", "Quantity": "quantity"}.get(name, name)
