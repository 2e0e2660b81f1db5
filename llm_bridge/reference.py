"""The language reference for prompts, generated from the grammar, the kind models and the unit table."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace, field


@dataclass(frozen=True)
class FieldDoc:
    """One property of a kind as the reference shows it."""

    name: str
    type: str
    required: bool = False
    description: str = ""


@dataclass(frozen=True)
class KindDoc:
    """One statement kind: its domain, purpose, properties and an example statement."""

    kind: str
    domain: str
    summary: str
    fields: tuple[FieldDoc, ...] = ()
    relations: tuple[str, ...] = ()
    text_field: str | None = None
    name_required: bool = True
    example: str = ""
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class FactDoc:
    """One function a `given` fact may use."""

    name: str
    domain: str
    meaning: str = ""
    example: str = ""


@dataclass(frozen=True)
class SyntaxDoc:
    """What the grammar allows, read from the grammar file."""

    relwords: tuple[str, ...]
    comparisons: tuple[str, ...]


@dataclass(frozen=True)
class ReferenceDoc:
    """Everything the reference lists."""

    syntax: SyntaxDoc
    kinds: tuple[KindDoc, ...]
    facts: tuple[FactDoc, ...] = ()
    units: dict[str, tuple[str, ...]] = field(default_factory=dict)
    prefixes: tuple[str, ...] = ()
    domain_summaries: dict[str, str] = field(default_factory=dict)


def syntax_from_grammar(grammar: str) -> SyntaxDoc:
    """Relation words and comparison operators as the grammar defines them."""
    rel = re.search(r"^REL[.\d]*:\s*/\((?P<words>[a-z|]+)\)", grammar, re.MULTILINE)
    cmp_ = re.search(r"^CMP:\s*(?P<ops>.+)$", grammar, re.MULTILINE)
    relwords = tuple(rel.group("words").split("|")) if rel else ()
    comparisons = tuple(re.findall(r'"([^"]+)"', cmp_.group("ops"))) if cmp_ else ()
    order = tuple(sorted(comparisons, key=lambda op: (len(op), "=<>".find(op[0]))))  # = < > <= >=
    return SyntaxDoc(relwords=relwords, comparisons=order)


def render_reference(doc: ReferenceDoc) -> str:
    """The reference as compact Markdown, sized for a prompt."""
    parts = [
        _render_syntax(doc.syntax),
        _render_kinds(doc),
        _render_facts(doc.facts),
        _render_units(doc),
    ]
    return "\n\n".join(p for p in parts if p).strip() + "\n"


def _render_syntax(syntax: SyntaxDoc) -> str:
    """The statement shapes and value forms."""
    rel = " ".join(syntax.relwords)
    ops = " ".join(syntax.comparisons)
    return "\n".join(
        [
            "# scidsl language reference",
            "",
            "## Statements",
            "One statement a line (or separated by `;`):",
            '`kind [name] ["text"] (relword value)* [{ key: value, ... }]`',
            f"relwords: {rel}. `altitude CD of ABC from C` means `altitude CD {{ of: ABC, from: C }}`.",
            f"Facts: `given <expr> [{ops} <expr>] [{{ props }}]`, e.g. `given length(A, B) = 10 cm`.",
            'Values: numbers; quantities with units (`30 deg`, `4 ohm`, `9.8 m/s^2`); strings "..." '
            '(math between $...$: `"$\\alpha$"`); true/false; names and members (`ABC.A`, `R1.left`); '
            "lists `[a, b]`; points `(x, y)`; calls `series(R1, R2)`; arithmetic `+ - * / ^` with "
            "sin cos tan asin acos atan sqrt ln log exp abs sinh cosh tanh asinh acosh atanh, pi, e.",
            "Newlines inside { } and [ ] separate items like commas. Comments start with #.",
            "State what the problem gives (values, relations); the compiler computes positions.",
        ]
    )


def _render_kinds(doc: ReferenceDoc) -> str:
    """Every kind, grouped by domain, each with its properties and an example."""
    lines = ["## Kinds", "Properties are `name: type`; `*` marks required ones."]
    for domain in _ordered_domains(k.domain for k in doc.kinds):
        kinds = [k for k in doc.kinds if k.domain == domain]
        summary = doc.domain_summaries.get(domain, "")
        common = common_fields(kinds)
        placing = placing_fields(kinds, common)
        lines.append("")
        lines.append(f"### {domain}" + (f" — {summary}" if summary else ""))
        if common:
            lines.append(
                "Common props (marked `+common`): " + ", ".join(_render_field(f) for f in common)
            )
        if placing:
            lines.append(
                "Relation props, also written in the head as `box b on c`, `dot P left of q` (marked "
                "`+relations`): " + ", ".join(_render_field(f) for f in placing)
            )
            kinds = [_without(kind, placing) for kind in kinds]
        first_with: dict[tuple[FieldDoc, ...], str] = {}
        for kind in kinds:
            same_as = (
                first_with.setdefault(kind.fields, kind.kind)
                if len(kind.fields) >= 2
                else kind.kind
            )
            lines.append(_render_kind(kind, common, same_as if same_as != kind.kind else None))
    return "\n".join(lines)


def common_fields(kinds: Sequence[KindDoc], min_kinds: int = 3) -> tuple[FieldDoc, ...]:
    """Properties shared, identically, by several kinds of a domain: listed once instead of each time."""
    counts: dict[FieldDoc, int] = {}
    for kind in kinds:
        for f in kind.fields:
            counts[f] = counts.get(f, 0) + 1
    shared = [f for f, n in counts.items() if n >= min_kinds and n * 2 >= len(kinds)]
    # A group is only worth naming when the kinds carry all of it together.
    return tuple(shared) if len(shared) >= 2 else ()


def placing_fields(kinds: Sequence[KindDoc], common: Sequence[FieldDoc], min_kinds: int = 4) -> tuple[FieldDoc, ...]:
    """Relation properties several kinds share identically (rests on, hangs from, beside): listed once."""
    counts: dict[FieldDoc, int] = {}
    for kind in kinds:
        for f in kind.fields:
            if f not in common and f.name in kind.relations + ("along", "gap", "angle"):
                counts[f] = counts.get(f, 0) + 1
    shared = tuple(f for f, n in counts.items() if n >= min_kinds)
    return shared if len(shared) >= 3 else ()


def _without(kind: KindDoc, placing: Sequence[FieldDoc]) -> KindDoc:
    """The kind with its shared relation props folded into one `+relations` field."""
    if not any(f in kind.fields for f in placing):
        return kind
    rest = tuple(f for f in kind.fields if f not in placing)
    return replace(kind, fields=rest + (FieldDoc("+relations", "", False, ""),))


def _render_kind(kind: KindDoc, common: Sequence[FieldDoc] = (), same_as: str | None = None) -> str:
    """One kind in two to four lines; `same_as` names an earlier kind with the very same props."""
    head = f"- `{kind.kind}`" + (f": {kind.summary}" if kind.summary else "")
    has_common = bool(common) and all(f in kind.fields for f in common)
    own = [f for f in kind.fields if not (has_common and f in common)]
    switches = [f for f in own if is_switch(f)]
    own = [f for f in own if f not in switches]
    props = ", ".join(_render_field(f) for f in own) + (
        ", +common" if has_common and own else "+common" * has_common
    )
    extra = []
    if kind.relations:
        extra.append("head relwords: " + ", ".join(r.replace("_", " ") for r in kind.relations))
    if kind.members:
        extra.append("members: " + " ".join(kind.members))
    if kind.text_field:
        extra.append(f'"text" sets {kind.text_field}')
    if not kind.name_required:
        extra.append("name optional")
    out = [head]
    if same_as:
        out.append(f"  props: as `{same_as}`")
    elif props:
        out.append(f"  props: {props}")
    if extra:
        out.append("  " + "; ".join(extra))
    out += [_render_switch(f) for f in switches if not same_as]
    if kind.example:
        out.append(f"  e.g. `{kind.example}`")
    return "\n".join(out)


def is_switch(f: FieldDoc) -> bool:
    """A kind's annotation switch: `show` naming what the figure marks (a list or one of several words)."""
    return f.name == "show" and "|" in f.type and f.type != "true|false"


def _render_switch(f: FieldDoc) -> str:
    """`annotations: show: [a, b]` (or `show: a|b` for one choice), with what they draw."""
    many = f.type.startswith("list of ")
    words = f.type.removeprefix("list of ").split("|")
    value = f"[{', '.join(words)}]" if many else "|".join(words)
    return f"  annotations: show: {value}" + (f" — {f.description}" if f.description else "")


def _render_field(f: FieldDoc) -> str:
    """`name*: type (description)`."""
    if f.name.startswith("+"):
        return f.name
    text = f"{f.name}{'*' if f.required else ''}: {f.type}"
    return text + (f" ({f.description})" if f.description else "")


def _render_facts(facts: Sequence[FactDoc]) -> str:
    """The fact functions for `given`."""
    if not facts:
        return ""
    lines = ["## Fact functions (for `given`)"]
    for fact in facts:
        example = fact.example or f"given {fact.name}(...)"
        meaning = f": {fact.meaning}" if fact.meaning else ""
        lines.append(f"- `{fact.name}` ({fact.domain}){meaning} — e.g. `{example}`")
    return "\n".join(lines)


def _render_units(doc: ReferenceDoc) -> str:
    """Units by dimension, and the prefixes."""
    if not doc.units:
        return ""
    lines = [
        "## Units",
        "A quantity's unit must fit its property (a resistance takes ohm, kohm, ...).",
    ]
    for dim, units in sorted(doc.units.items()):
        lines.append(
            f"- {dim.replace('_', ' ')}: {', '.join(units)} (e.g. `{_unit_example(units)}`)"
        )
    if doc.prefixes:
        lines.append(
            f"Prefixes {' '.join(doc.prefixes)} combine with SI units (`mm`, `kN`, `uF`, `mA`)."
        )
    return "\n".join(lines)


def _unit_example(units: Sequence[str]) -> str:
    """A quantity in the plainest unit of a dimension: `2 ohm`, `2 m`."""
    plain = [u for u in units if u.isascii()] or list(units)
    return f"2 {min(plain, key=lambda u: (len(u), u))}"


def _ordered_domains(domains: Iterable[str]) -> list[str]:
    """Domains in first-seen order ('core' first)."""
    seen: list[str] = []
    for d in domains:
        if d not in seen:
            seen.append(d)
    return sorted(seen, key=lambda d: (d != "core", seen.index(d)))
