"""Probability trees: branches with probabilities, checked to sum to 1 at every node, laid out left to
right with the outcomes and their probabilities (the products along each path) at the leaves."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from scidsl.diagnostics import error

P = tuple[float, float]
COLUMN_CM = 3.0  # between the stages
ROW_CM = 1.5  # between neighbouring leaves, at least
LABEL_AT = 0.6  # a branch's probability sits this far along it, where the fork has opened
LABEL_SIZE = 10.0  # points, the branch probabilities
LABEL_CLEAR = 0.35  # cm between a probability and the neighbouring branch


@dataclass
class ProbTreeLayout:
    """A placed probability tree; probabilities are exact sympy numbers or expressions."""

    node: Any
    root: str
    children: dict[str, list[str]]
    prob: dict[tuple[str, str], Any]
    pos: dict[str, P] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    written: dict[tuple[str, str], str] = field(default_factory=dict)  # a probability as the scene writes it

    @property
    def name(self) -> str:
        """The tree's name."""
        return self.node.name or "tree"

    def leaves(self) -> list[str]:
        """The leaves, top to bottom."""
        out, stack = [], [self.root]
        while stack:
            n = stack.pop()
            kids = self.children.get(n, [])
            if not kids:
                out.append(n)
            stack.extend(reversed(kids))
        return out

    def path(self, leaf: str) -> list[str]:
        """The nodes from the root to a leaf."""
        parent = {c: p for p, cs in self.children.items() for c in cs}
        out = [leaf]
        while out[-1] in parent:
            out.append(parent[out[-1]])
        return out[::-1]

    @property
    def decimal(self) -> bool:
        """True when the scene writes probabilities as decimals (leaves are then decimals too)."""
        return any(w and "frac" not in w for w in self.written.values())

    def leaf_probability(self, leaf: str) -> Any:
        """The product of the probabilities along the path to a leaf."""
        import sympy as sp

        nodes = self.path(leaf)
        return sp.Mul(*[self.prob[(a, b)] for a, b in zip(nodes, nodes[1:])])


def probability_of(text: Any) -> Any:
    """A branch probability as an exact sympy value: 3/5, 0.25, p, 1 - p (built from our own parse tree)."""
    import sympy as sp

    from scidsl.expr import ExprError, names_in, to_sympy
    from scidsl.syntax import parse_value_text

    if hasattr(text, "value"):
        text = str(text.value) if not text.unit else f"{text.value} {text.unit}"
    tree, diags = parse_value_text(str(text))
    if diags or tree is None:
        raise ValueError(f"'{text}' is not a probability")
    names = names_in(tree)
    if any(not n.isidentifier() or len(n) > 12 for n in names):
        raise ValueError(f"'{text}' is not a probability")
    try:
        value = to_sympy(tree, {n: sp.Symbol(n, positive=True) for n in names})
    except (ExprError, TypeError, ValueError):
        raise ValueError(f"'{text}' is not a probability") from None
    if any(not q.exp.is_number or abs(q.exp) > 20 for q in value.atoms(sp.Pow) if not q.base.is_number):
        raise ValueError(f"'{text}' is too involved a probability (powers up to 20)")
    return sp.nsimplify(value, rational=True) if value.is_number else value


def _structure(node: Any) -> tuple[Optional[str], dict[str, list[str]], str]:
    """(root, children, problem) of the branches; problem is '' for a tree."""
    children: dict[str, list[str]] = {}
    parent: dict[str, str] = {}
    for a, b, _ in node.triples:
        if b in parent or b == a:
            return None, {}, f"{b} has two branches into it"
        parent[b] = a
        children.setdefault(a, []).append(b)
    roots = [n for n in children if n not in parent]
    if len(roots) != 1:
        return None, {}, "the branches do not start from one node" if roots else "the branches form a loop"
    seen, stack = set(), [roots[0]]
    while stack:
        n = stack.pop()
        seen.add(n)
        stack.extend(children.get(n, []))
    if seen != set(parent) | {roots[0]}:
        return None, {}, "the branches form a loop"
    return roots[0], children, ""


def check_probability_tree(ctx: Any, node: Any) -> Optional[ProbTreeLayout]:
    """One tree: a single root, probabilities in [0, 1], each node's branches summing to 1, stated leaves."""
    import sympy as sp

    root, children, problem = _structure(node)
    if root is None:
        ctx.report(error("E8062", f"probability_tree {node.name}: {problem}", node.span_of("branches"),
                         "list each branch once as [from, to, probability], all from one start node"))
        return None
    prob: dict[tuple[str, str], Any] = {}
    for a, b, w in node.triples:
        try:
            if w is None:
                raise ValueError("it has no probability")
            prob[(a, b)] = probability_of(w)
        except ValueError as exc:
            ctx.report(error("E8061", f"probability_tree {node.name}: branch {a} → {b}: {exc}",
                             node.span_of("branches"), "write a number (0.3), a fraction (3/5) or p, 1 - p"))
            return None
        v = prob[(a, b)]
        if v.is_number and not 0 <= float(v) <= 1:
            ctx.report(error("E8061", f"probability_tree {node.name}: branch {a} → {b} has probability "
                             f"{_text(v)}, outside 0 … 1", node.span_of("branches"), "a probability is between 0 and 1"))
            return None
    for a, kids in children.items():
        total = sp.nsimplify(sp.expand(sp.Add(*[prob[(a, b)] for b in kids])))
        if total != 1:
            ctx.report(error("E8060", f"probability_tree {node.name}: the branches from {a} "
                             f"({', '.join(kids)}) add up to {_text(total)}, not 1", node.span_of("branches"),
                             "the probabilities of all outcomes of one stage add up to 1"))
            return None
    lay = ProbTreeLayout(node, root, children, prob)
    lay.written = {(a, b): _written(w) for a, b, w in node.triples}
    _check_outcomes(ctx, node, lay)
    return lay


def _check_outcomes(ctx: Any, node: Any, lay: ProbTreeLayout) -> None:
    import sympy as sp

    leaves = set(lay.leaves())
    for entry in node.outcomes or []:
        leaf, stated = (str(entry[0]), entry[1]) if len(entry) == 2 else ("", None)
        if leaf not in leaves:
            ctx.report(error("E8063", f"probability_tree {node.name}: {entry} is not [leaf, probability] of a leaf",
                             node.span_of("outcomes"), f"leaves: {', '.join(lay.leaves())}"))
            continue
        want = lay.leaf_probability(leaf)
        try:
            given = probability_of(f"{stated!r}" if isinstance(stated, float) else stated)
        except ValueError:
            given = None
        if given is None or sp.expand(given - want) != 0:
            ctx.report(error("E8063", f"probability_tree {node.name}: P({leaf}) is stated as {stated}, but the "
                             f"branches give {_text(want)}", node.span_of("outcomes"),
                             f"the product of the probabilities along the path {' → '.join(lay.path(leaf))}"))


def _written(w: Any) -> str:
    """A fraction as written (2/4 stays 2/4) in mathtext; other forms come from the exact value."""
    import re

    if hasattr(w, "value") and not w.unit:
        return f"{w.value:g}"
    m = re.fullmatch(r"\s*(\d{1,6})\s*/\s*(\d{1,6})\s*", str(w)) if isinstance(w, str) else None
    return f"\\frac{{{m.group(1)}}}{{{m.group(2)}}}" if m else ""


def _text(v: Any) -> str:
    return str(v).replace("**", "^")


def tex(v: Any, decimal: bool = False) -> str:
    """A probability in mathtext without dollars: \\frac{3}{10}, 0.18, p(1 - p)."""
    import sympy as sp

    if decimal and v.is_number:
        return f"{float(v):.6g}"
    if v.is_Rational and v.q != 1:
        return f"\\frac{{{v.p}}}{{{v.q}}}"
    if v.is_number:
        return _text(v)
    return sp.latex(v).replace("\\left(", "(").replace("\\right)", ")")


def layout_probability_tree(lay: ProbTreeLayout) -> ProbTreeLayout:
    """Stages left to right; leaves evenly down the page, each inner node level with the middle of its children."""
    depth = {lay.root: 0}
    for n in _preorder(lay):
        for c in lay.children.get(n, []):
            depth[c] = depth[n] + 1
    leaves = lay.leaves()
    row = row_height(lay)
    y = {leaf: -i * row for i, leaf in enumerate(leaves)}
    for n in reversed(_preorder(lay)):
        kids = lay.children.get(n, [])
        if kids:
            y[n] = (y[kids[0]] + y[kids[-1]]) / 2
    lay.pos = {n: (depth[n] * COLUMN_CM, y[n]) for n in depth}
    texts = dict((n, t) for n, t in lay.node.texts or [])
    parent = {c: p for p, cs in lay.children.items() for c in cs}
    for n in depth:
        p = parent.get(n)
        default = n[len(p):] if p and n.startswith(p) and len(n) > len(p) else n
        lay.shown[n] = texts.get(n, "" if n == lay.root else default)
    return lay


def display_math(tex_text: str) -> str:
    """A probability as drawn: math with full-size fractions."""
    return "$" + tex_text.replace("\\frac", "\\dfrac") + "$"


def branch_label(lay: ProbTreeLayout, a: str, b: str) -> str:
    """The probability written beside the branch a → b, as drawn."""
    return display_math(lay.written.get((a, b)) or tex(lay.prob[(a, b)]))


def row_height(lay: ProbTreeLayout) -> float:
    """Leaves far enough apart that the tallest probability fits between a middle branch and its
    neighbour where it is written (LABEL_AT along the branch, where they are LABEL_AT rows apart)."""
    from scidsl.text import measure_text

    tallest = max((measure_text(branch_label(lay, a, b), LABEL_SIZE)[1] for a, b in lay.prob), default=0.0)
    return max(ROW_CM, (tallest + LABEL_CLEAR) / LABEL_AT)


def _preorder(lay: ProbTreeLayout) -> list[str]:
    out, stack = [], [lay.root]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(lay.children.get(n, [])))
    return out


def facts_of(lay: ProbTreeLayout) -> list:
    """Every branch probability, every leaf's probability, and their sum."""
    from scidsl.pipeline import Fact

    out = []
    for (a, b), v in lay.prob.items():
        out.append(Fact("branch", (lay.name, a, b), _text(v), f"branch {a} → {b}: probability {_text(v)}"))
    for leaf in lay.leaves():
        v = lay.leaf_probability(leaf)
        path = " × ".join(_text(lay.prob[(a, b)]) for a, b in zip(lay.path(leaf), lay.path(leaf)[1:]))
        out.append(Fact("outcome", (lay.name, leaf), _text(v), f"P({leaf}) = {path} = {_text(v)}"))
    return out
