"""Name resolution: declarations, duplicates, references and member references."""
from __future__ import annotations

from dataclasses import dataclass, field

from scidsl.diagnostics import Diagnostic, did_you_mean, error
from scidsl.model import Given, Node, Scene
from scidsl.registry import domain_of_function, fact_functions


@dataclass
class Names:
    """Every declared name: explicit statements and names statements declare implicitly."""

    nodes: dict[str, Node] = field(default_factory=dict)
    implicit: dict[str, tuple[str, Node]] = field(default_factory=dict)  # name → (kind, declaring node)

    def kind_of(self, name: str) -> str | None:
        """The kind of a declared name."""
        if name in self.nodes:
            node = self.nodes[name]
            return node.declares or node.kind
        if name in self.implicit:
            return self.implicit[name][0]
        return None

    def all(self) -> list[str]:
        """All names, for did-you-mean hints."""
        return list(self.nodes) + [n for n in self.implicit if n not in self.nodes]


def resolve(scene: Scene) -> tuple[Names, list[Diagnostic]]:
    """Collect declarations, then check every reference; report all problems found."""
    names = Names()
    diags: list[Diagnostic] = []
    # 1. explicit declarations: a name may be declared once
    for node in scene.items:
        if node.name is None:
            continue
        if node.name in names.nodes:
            first = names.nodes[node.name]
            related = ((first.span, f"'{node.name}' is first declared here"),) if first.span else ()
            diags.append(error("E0102", f"'{node.name}' is declared twice", node.span_of("name"),
                               "give each object its own name", related))
        else:
            names.nodes[node.name] = node
    # 2. implicit declarations (`triangle ABC` declares A, B, C) must agree with explicit ones
    for node in scene.items:
        for name, kind in node.implicit_names():
            known = names.kind_of(name)
            if known is not None and known != kind:
                diags.append(error("E0102", f"'{name}' is a {known} but {node.kind} {node.name} uses it as a {kind}",
                                   node.span_of("name"), "rename one of them"))
            elif name not in names.nodes:
                names.implicit.setdefault(name, (kind, node))
    # 3. references
    for node in scene.items:
        for key, ref in node.refs():
            d = check_ref(ref, names, node, key)
            if d:
                diags.append(d)
        if isinstance(node, Given):
            diags.extend(_check_given(node))
    return names, diags


def check_ref(ref: str, names: Names, node: Node, key: str) -> Diagnostic | None:
    """Check one reference `X` or `X.member`."""
    head, _, member = ref.partition(".")
    span = node.span_of(key)
    if names.kind_of(head) is None:
        return error("E0103", f"'{head}' is not declared", span, did_you_mean(head, names.all())
                     or "declare it first, e.g. point A")
    if not member:
        return None
    target = names.nodes.get(head)
    members = target.members() if target is not None else None
    if members is None:
        return error("E0105", f"'{head}' has no members, so '{ref}' means nothing", span, f"write just {head}")
    if member.split(".")[0] not in members:
        return error("E0105", f"'{head}' has no member '{member}'", span,
                     did_you_mean(member, sorted(members)) or f"its members are: {', '.join(sorted(members))}")
    return None


def _check_given(node: Given) -> list[Diagnostic]:
    from scidsl.expr import calls_in

    calls = calls_in(node.lhs.tree)
    if node.rhs is not None:
        calls += calls_in(node.rhs.tree)
    known = [c for c in calls if domain_of_function(c.fn) is not None]
    if known:
        return []
    fns = fact_functions()
    name = calls[0].fn if calls else None
    hint = (did_you_mean(name, fns) if name else None) or "facts use: " + ", ".join(fns)
    what = f"'{name}'" if name else "this fact"
    return [error("E0106", f"{what} is not a known measure or relation", node.span_of("lhs"), hint)]


def given_domain(node: Given, used: frozenset[str] = frozenset()) -> str | None:
    """The domain that owns a given fact (from its first known function).

    When several domains share the function (`length` in plane and solid geometry), the fact goes to the
    first of them whose statements the scene uses (`used`), else to the first registered.
    """
    from scidsl.expr import calls_in
    from scidsl.registry import domains_of_function

    for c in calls_in(node.lhs.tree) + (calls_in(node.rhs.tree) if node.rhs is not None else []):
        doms = domains_of_function(c.fn)
        if doms:
            return next((d.name for d in doms if d.name in used), doms[0].name)
    return None


def statement_domains(scene: Scene) -> frozenset[str]:
    """The domains owning the scene's statements (facts excluded)."""
    from scidsl.registry import domain_of_kind

    return frozenset(getattr(domain_of_kind(n.kind), "name", None) for n in scene.items
                     if not isinstance(n, Given)) - {None}
