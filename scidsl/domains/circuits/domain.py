"""The circuits domain: statements → circuit → checks, schematic layout, facts, verification."""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from scidsl import syntax
from scidsl.diagnostics import Diagnostic, Span, error, warning
from scidsl.domains.circuits import kinds as k
from scidsl.domains.circuits.issues import Issue
from scidsl.domains.circuits.parts import PROPERTY_UNITS
from scidsl.domains.circuits.quantities import Quantity
from scidsl.domains.circuits.topology import (Circuit, CircuitSpec, Item, LoopSpec, NetworkSpec,
                                              NodeMark, Parallel, PartSpec, Placement, Series)

_MARKERS = (k.Ground, k.Terminal, k.Junction)
# the layout reserves room for every label at its measured size: a schematic scaled down to fit the
# page must take its text along, or labels would outgrow their room
TEXT_SCALES_WITH_DRAWING = True


@dataclass
class CircuitLayout:
    """What layout hands to render, facts and verify."""

    circuit: Circuit
    schematic: Any  # layout.Schematic
    style: str = "iec"
    marks: set[str] = field(default_factory=set)
    font_size: float = 11.0


def _origin_span(origin: object) -> Span | None:
    if isinstance(origin, tuple):
        node, key = origin
        return node.span_of(key)
    return getattr(origin, "span", None)


def to_diagnostic(issue: Issue) -> Diagnostic:
    """A core diagnostic for a circuit issue."""
    make = error if issue.is_error else warning
    return make(issue.code, issue.message, _origin_span(issue.origin), issue.hint)


def _quantity(q: Any, key: str) -> Quantity:
    number = Fraction(repr(float(q.value))) if not float(q.value).is_integer() \
        else Fraction(int(q.value))
    unit = q.unit or PROPERTY_UNITS.get(key, "")
    return Quantity(number, unit)


def _part_spec(node: Any) -> PartSpec:
    values = {key: _quantity(getattr(node, key), key) for key in PROPERTY_UNITS
              if getattr(node, key, None) is not None}
    hints = {}
    if getattr(node, "side", None):
        hints["side"] = node.side
    if getattr(node, "root", False):
        hints["root"] = True
    if getattr(node, "current_arrow", None):
        hints["current"] = node.current_arrow
    return PartSpec(node.name, node.kind, values, node.label, getattr(node, "state", None),
                    hints, node)


class _Structure:
    """Turns loop and network expressions into nested Series/Parallel items."""

    def __init__(self, node: Any, key: str, issues: list[Issue]) -> None:
        self.origin = (node, key)
        self.issues = issues

    def item(self, tree: Any) -> Item | None:
        if isinstance(tree, syntax.Ref):
            if len(tree.parts) == 1:
                return tree.parts[0]
            return self._bad(f"'{tree.dotted}' is a terminal; list parts by name")
        if isinstance(tree, syntax.Call):
            return self._call(tree)
        return self._bad(f"'{syntax.format_value(tree)}' is not a part or a group")

    def _call(self, tree: Any) -> Item | None:
        if tree.fn == "node":
            if len(tree.args) == 1 and isinstance(tree.args[0], syntax.Ref):
                return NodeMark(tree.args[0].dotted)
            return self._bad("node() takes one node name, e.g. node(a)")
        if tree.fn not in ("series", "parallel"):
            return self._bad(f"'{tree.fn}(...)' is not series(...), parallel(...) or node(...)")
        if not tree.args:
            return self._bad(f"{tree.fn}() needs at least one part")
        items = [self.item(a) for a in tree.args]
        if any(i is None for i in items):
            return None
        return Series(tuple(items)) if tree.fn == "series" else Parallel(tuple(items))  # type: ignore

    def _bad(self, message: str) -> None:
        self.issues.append(Issue("E2016", message, None, self.origin,
                                 "write parts, series(...), parallel(...) and node(n)"))
        return None


def _circuit_items(node: k.Circuit, spec: CircuitSpec, issues: list[Issue]) -> None:
    if node.loop is not None:
        conv = _Structure(node, "loop", issues)
        items = [conv.item(e.tree) for e in node.loop]
        if all(i is not None for i in items):
            spec.loops.append(LoopSpec(node.name, Series(tuple(items)), (node, "loop")))  # type: ignore
    if node.network is not None:
        conv = _Structure(node, "network", issues)
        body = conv.item(node.network.tree)
        if node.between is None:
            issues.append(Issue("E2016", "a network needs its two end nodes: between [a, b]",
                                None, (node, "network")))
        elif body is not None:
            spec.networks.append(NetworkSpec(node.name, (node.between[0], node.between[1]), body,
                                             (node, "network")))
    if node.loop is None and node.network is None:
        issues.append(Issue("E2016", f"circuit {node.name} has neither loop nor network", None,
                            node, "circuit c { loop: [V1, R1] }"))


def scene_spec(nodes: list[Any]) -> tuple[CircuitSpec, list[Issue]]:
    """Collect parts, netlist placements, loops and networks from the domain's statements."""
    spec = CircuitSpec()
    issues: list[Issue] = []
    for node in nodes:
        if isinstance(node, k.Circuit):
            _circuit_items(node, spec, issues)
        elif isinstance(node, _MARKERS):
            spec.parts.append(PartSpec(node.name, node.kind, {}, node.label, None, {}, node))
            spec.placements.append(Placement(node.name, (node.at,), (node, "at")))
        elif isinstance(node, k._Part):
            spec.parts.append(_part_spec(node))
            if node.between is not None:
                spec.placements.append(Placement(node.name, tuple(node.between),
                                                 (node, "between")))
    return spec, issues


def _not_a_part(nodes: list[Any], circuit: Circuit, scene_names: Any) -> list[Issue]:
    """Loop items naming something declared but not a circuit part get a precise message."""
    out = []
    for issue in circuit.issues:
        if issue.code == "E2002" and issue.part and scene_names.kind_of(issue.part):
            kind = scene_names.kind_of(issue.part)
            out.append(Issue("E2002", f"'{issue.part}' is a {kind}, not a circuit part", issue.part,
                             issue.origin))
        else:
            out.append(issue)
    return out


def _lowered(ctx: Any) -> tuple[Circuit, list[Issue]]:
    from scidsl.domains.circuits.topology import lower

    spec, issues = scene_spec(ctx.nodes)
    circuit = lower(spec)
    circuit.issues = _not_a_part(ctx.nodes, circuit, ctx.names)
    return circuit, issues


def check(ctx: Any) -> None:
    """Lower both forms of topology and run every circuit check."""
    from scidsl.domains.circuits.checks import check_circuit

    circuit, issues = _lowered(ctx)
    found = issues + circuit.issues
    # topology checks only make sense once every statement could be placed
    if not any(i.is_error for i in found):
        found = issues + check_circuit(circuit)
    for issue in found:
        ctx.report(to_diagnostic(issue))


def _marks(ctx: Any, circuit: Circuit) -> set[str]:
    everywhere = any(isinstance(n, k.Circuit) and n.polarity for n in ctx.nodes)
    return {n.name for n in ctx.nodes if isinstance(n, k._Part)
            and (everywhere or getattr(n, "polarity", False))}


def _values_shown(ctx: Any) -> bool:
    return all(n.values for n in ctx.nodes if isinstance(n, k.Circuit))


def layout(ctx: Any) -> CircuitLayout | None:
    """Lay out the schematic (E2013 when the topology has no supported drawing)."""
    from scidsl.domains.circuits.layout import layout_circuit
    from scidsl.text import measure_text

    circuit, _ = _lowered(ctx)
    if not circuit.parts:
        return None
    size = float(ctx.settings.font_size or 11.0)
    marks = _marks(ctx, circuit)
    sch = layout_circuit(circuit, lambda t, _s: measure_text(t, size)[:2], marks,
                         _values_shown(ctx))
    if isinstance(sch, Issue):
        first = next((n for n in ctx.nodes if isinstance(n, k.Circuit)), ctx.nodes[0])
        origin = sch.origin if sch.origin is not None else first
        ctx.report(to_diagnostic(Issue(sch.code, sch.message, sch.part, origin, sch.hint)))
        return None
    return CircuitLayout(circuit, sch, ctx.settings.symbols, marks, size)


def render(ctx: Any, lay: CircuitLayout | None) -> Any:
    """Primitives of the schematic."""
    from scidsl.primitives import Drawing
    from scidsl.renderers.circuits import render_circuit

    if lay is None:
        return Drawing()
    out = render_circuit(lay)
    _draw_results(ctx, lay, out)
    return out


_RESULTS = ("equivalent_resistance", "equivalent_capacitance", "source_current", "current")
_RESULT_NAMES = {"equivalent_resistance": "$R_{eq}$", "equivalent_capacitance": "$C_{eq}$", "source_current": "$I$"}
MAX_RESULT_LINES = 8  # a larger network lists its currents in the facts only


def _answer_node(ctx: Any) -> Any:
    return next((n for n in ctx.nodes if n.kind == "circuit"), None)


def _current_name(part: str) -> str:
    """$I_{R1}$ for the current through R1."""
    return f"$I_{{{part}}}$" if part.replace("_", "").isalnum() else f"I({part})"


def _draw_results(ctx: Any, lay: CircuitLayout, out: Any) -> None:
    """The computed results under the schematic, as the circuit's `answer` says (none by default)."""
    from scidsl.answers import display, drawn
    from scidsl.domains.circuits.facts import circuit_facts
    from scidsl.primitives import Text

    node, bounds = _answer_node(ctx), out.bounds()
    if node is None or not drawn(node) or bounds is None:
        return
    y = bounds[1] - 0.5
    for f in [f for f in circuit_facts(lay.circuit) if f["fact"] in _RESULTS][:MAX_RESULT_LINES]:
        if f["fact"] in _RESULTS:
            name = _RESULT_NAMES.get(str(f["fact"])) or _current_name(str(f["args"][0]))  # type: ignore[index]
            text = f"{name} = {display(node, str(f['shown']))}"
            out.items.append(Text(((bounds[0] + bounds[2]) / 2, y), text, 11.0, "center", "top",
                                  owner=node.name or "circuit", role=f"result {f['fact']}"))
            y -= 0.6


def facts(ctx: Any, lay: CircuitLayout | None) -> list[Any]:
    """Counts, values, series/parallel groups, equivalents and meter positions."""
    from scidsl.answers import hides
    from scidsl.domains.circuits.facts import circuit_facts
    from scidsl.pipeline import Fact

    if lay is None:
        return []
    out = []
    for f in circuit_facts(lay.circuit):
        args = tuple(f["args"])  # type: ignore[arg-type]
        value = f.get("value")
        if value is not None and not isinstance(value, (int, float, str)):
            value = str(value)
        node = _answer_node(ctx)  # without a circuit statement nothing computed is drawn
        hidden = f["fact"] in _RESULTS and (node is None or hides(node))
        out.append(Fact(str(f["fact"]), args, value, str(f["text"]), hidden=hidden))
    return out


def verify(ctx: Any, lay: CircuitLayout | None, page: Any) -> None:
    """After render: the drawing matches the circuit, nothing crosses, all parts and labels show."""
    from scidsl.domains.circuits.verify import verify_schematic

    if lay is None:
        return
    problems = verify_schematic(lay.circuit, lay.schematic)
    owners = {getattr(it, "owner", None) for it in page.items}
    placed = {part for part, _ in lay.circuit.terminals}
    problems += [f"part {name} is missing from the page" for name in sorted(placed)
                 if lay.circuit.parts[name].kind != "wire" and name not in owners]
    labels = [lb.text for lb in page.labels]
    problems += [f"label {lb.text!r} is missing" for lb in lay.schematic.labels
                 if lb.text not in labels]
    for p in problems[:5]:
        ctx.report(error("E2014", f"schematic check failed: {p}", None,
                         "please report this scene; the layout should never do this"))
