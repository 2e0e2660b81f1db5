"""The graphs domain's kinds: graphs and trees, highlighted paths, flowchart steps and pedigrees.

The compiler lays everything out; a scene states structure only (which nodes, which edges, which step
follows which, who is whose child). Positions are optional and only used by `layout: given`.
"""
from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, Optional, Union

from pydantic import AfterValidator, Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from scidsl.model import Color, Label, Node, Number, Quantity, Ref, _to_quantity

Weight = Union[Quantity, str, None]
MAX_NODES = 500
MAX_EDGES = 5000


def _to_edge(v: Any) -> list:
    """`[A, B]`, `[A, B, 5]`, `[A, B, 410 mi]` or `[A, B, "x"]` → [A, B, weight or label or None]."""
    if isinstance(v, tuple):
        v = list(v)
    if not isinstance(v, list) or len(v) not in (2, 3):
        raise PydanticCustomError("edge_shape", "an edge is [A, B] or [A, B, weight], got {got}",
                                  {"got": repr(v)[:60]})
    a, b = v[0], v[1]
    for end in (a, b):
        if not isinstance(end, str) or not end:
            raise PydanticCustomError("edge_shape", "an edge's first two items are node names, got {got}",
                                      {"got": repr(end)[:40]})
    if len(v) == 3 and v[2] is not None:
        return [a, b, _weight(v[2])]
    return [a, b]


def _weight(w: Any) -> Weight:
    if isinstance(w, Quantity):
        return w
    if isinstance(w, bool):
        raise PydanticCustomError("edge_shape", "an edge weight is a number or a text, got {got}", {"got": w})
    if isinstance(w, (int, float)):
        return _to_quantity(w)
    if isinstance(w, str):
        try:  # a text that reads as a number is that number, in the text form and in JSON alike
            return _to_quantity(w)
        except PydanticCustomError:
            from scidsl.syntax import ExprText
            from scidsl.text import mathtext_error

            if isinstance(w, ExprText) and (len(w) > 24 or "^" in w or "*" * 2 in w):  # 3/5 or 1 - p stay as written
                raise PydanticCustomError("edge_shape", "the expression {got} is not a weight: write a number, a "
                                          "quantity or a text in quotes", {"got": w[:60]}) from None

            if len(w) > 80 or any(ord(c) < 32 for c in w) or mathtext_error(w):
                raise PydanticCustomError("edge_shape", "an edge label is a short line of text", {}) from None
            return w
    raise PydanticCustomError("edge_shape", "an edge weight is a number or a text, got {got}",
                              {"got": repr(w)[:40]})


def _edge_out(v: list) -> list:
    return [v[0], v[1]] + [str(w) for w in v[2:]]


class EdgeRefMarker:
    """Field metadata: one edge `[A, B]` or `[A, B, weight]`; the node names print bare."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_plain_validator_function(
            _to_edge, serialization=core_schema.plain_serializer_function_ser_schema(_edge_out))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {"type": "array", "minItems": 2, "maxItems": 3,
                "description": "an edge: [from, to] or [from, to, weight], e.g. ['A', 'B', '410 mi']"}


Edge = Annotated[list, EdgeRefMarker]
GraphLayoutName = Literal["auto", "circular", "spring", "kamada_kawai", "layered", "tree", "given"]


class Graph(Node):
    """A graph or network: nodes and edges, optionally directed and weighted; the compiler lays it out."""

    kind: Literal["graph"] = "graph"
    nodes: list[Ref] = Field(min_length=1, max_length=MAX_NODES, description="every node, e.g. [A, B, C]")
    edges: list[Edge] = Field(default_factory=list, max_length=MAX_EDGES,
                              description="[from, to] or [from, to, weight]: [[A, B, 5], [B, C, 410 mi]]")
    directed: bool = Field(default=False, description="edges are arrows")
    layout: GraphLayoutName = Field(
        default="auto", description="circular: listed order clockwise from the top; given: vertex positions; "
        "default: tree for a tree, else the clearest")
    root: Optional[Ref] = Field(default=None, description="top node of a tree or layered layout")
    seed: int = Field(default=1, ge=0, le=2**31 - 1, description="seed of spring layouts")
    unit: Optional[Label] = Field(default=None, description="text after number weights, e.g. 'km'")
    weights: bool = Field(default=True, description="write the weights")
    size: Optional[Number] = Field(default=None, gt=0, le=100, description="width in cm")
    shape: Literal["circle", "box"] = Field(default="circle", description="box: nodes are boxes around their "
                                            "text (compartments of a flow diagram)")
    caption: Optional[Label] = Field(default=None, description="text under the figure")

    text_field: ClassVar[Optional[str]] = "caption"
    domain: ClassVar[str] = "graphs"
    example: ClassVar[str] = "graph G { nodes: [A, B, C, D], edges: [[A, B, 4], [B, C, 3], [C, D, 5], [D, A, 2]] }"

    def implicit_names(self) -> list[tuple[str, str]]:
        """Every listed node is a vertex name."""
        return [(n, "vertex") for n in self.nodes if n != self.name]

    @property
    def triples(self) -> list[tuple[str, str, Weight]]:
        """Every edge as (from, to, weight or label or None)."""
        return [(e[0], e[1], e[2] if len(e) > 2 else None) for e in self.edges]

    def members(self) -> Optional[set[str]]:
        """`G.A` names node A of graph G."""
        return set(self.nodes)


class Tree(Graph):
    """A tree (connected, no cycle): drawn top-down from its root (default: the first node)."""

    kind: Literal["tree"] = "tree"  # type: ignore[assignment]
    example: ClassVar[str] = "tree T { nodes: [R, A, B, C], edges: [[R, A], [R, B], [A, C]] }"


class Vertex(Node):
    """Extra settings of one node of a graph: a position for `layout: given`, a label beside it, a fill."""

    kind: Literal["vertex"] = "vertex"
    on: Optional[Ref] = Field(default=None, description="the graph; may be left out when the scene has one")
    at: Optional[tuple[Number, Number]] = Field(default=None, description="position in cm (layout: given)")
    text: Optional[Label] = Field(default=None, description="shown inside instead of the name, e.g. '8'; in boxes ' | ' starts a new line")
    label: Optional[Label] = Field(default=None, description="text beside the node, e.g. 'Travis AFB'")
    fill: Optional[Color] = None

    relations: ClassVar[tuple[str, ...]] = ("on", "at")
    domain: ClassVar[str] = "graphs"
    example: ClassVar[str] = 'vertex T on G at (0, 3) { label: "Travis" }'


class Path(Node):
    """A walk through a graph drawn bold over its edges (a shortest path, a Hamiltonian circuit)."""

    kind: Literal["path"] = "path"
    on: Optional[Ref] = Field(default=None, description="the graph; may be left out when the scene has one")
    through: list[Ref] = Field(min_length=2, max_length=MAX_NODES + 1,
                               description="the nodes in order; repeat the first at the end for a circuit")
    color: Color = "#d62728"
    shortest: bool = Field(default=False, description="checked: no shorter path joins its ends")
    hamiltonian: bool = Field(default=False, description="checked: visits every node once")
    total: Optional[Number] = Field(default=None, description="stated total weight, checked")

    relations: ClassVar[tuple[str, ...]] = ("on", "through")
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "graphs"
    example: ClassVar[str] = "path tour on G { through: [A, B, C, D, A], hamiltonian: true }"


def _short_expr(v: Any) -> str:
    """A short unquoted expression kept as written (3/10, p*(1 - p)), never a power tower."""
    if isinstance(v, str) and len(v) <= 24 and "^" not in v and "**" not in v:
        return str(v)
    raise PydanticCustomError("short_expr", "write a probability as a number or a short expression like 3/10", {})


ShortExpr = Annotated[str, AfterValidator(_short_expr)]


class ProbabilityTree(Node):
    """A probability tree drawn left to right; each node's branch probabilities must add up to 1."""

    kind: Literal["probability_tree"] = "probability_tree"
    branches: list[Edge] = Field(min_length=1, max_length=MAX_NODES, description="[from, to, probability]: "
                                 "[[S, H, 1/2], [S, T, 1/2], [H, HH, p]]; a child named after its parent shows the rest")
    texts: Optional[list[list[Label]]] = Field(default=None, max_length=MAX_NODES,
                                               description="[node, text] shown at a node: [[H, \"heads\"]]")
    outcomes: Optional[list[list[Union[float, Label, ShortExpr]]]] = Field(default=None, max_length=MAX_NODES,
                                                  description="[leaf, probability] stated and checked: [[HH, 1/4]]")
    leaves: bool = Field(default=True, description="write each outcome and its probability at the right")
    caption: Optional[Label] = Field(default=None, description="text under the tree")

    text_field: ClassVar[Optional[str]] = "caption"
    domain: ClassVar[str] = "graphs"
    example: ClassVar[str] = "probability_tree T { branches: [[S, R, 3/5], [S, B, 2/5]] }"

    @property
    def triples(self) -> list[tuple[str, str, Weight]]:
        """Every branch as (from, to, probability or None)."""
        return [(e[0], e[1], e[2] if len(e) > 2 else None) for e in self.branches]

    def members(self) -> Optional[set[str]]:
        """`T.RR` names a node of the tree."""
        return {n for e in self.branches for n in e[:2]}


StepShape = Literal["start", "end", "process", "decision", "input", "output"]


class Step(Node):
    """One box of a flowchart; `next` (or `yes` and `no` for a decision) names the step that follows."""

    kind: Literal["step"] = "step"
    text: Label = Field(description="the text in the box")
    shape: StepShape = Field(default="process", description="input/output: parallelograms")
    next: Optional[Ref] = Field(default=None, description="the following step (not for end or decision)")
    yes: Optional[Ref] = Field(default=None, description="a decision's step for yes")
    no: Optional[Ref] = Field(default=None, description="a decision's step for no")
    yes_label: Label = Field(default="yes", description="e.g. 'true'")
    no_label: Label = Field(default="no", description="e.g. 'false'")

    text_field: ClassVar[Optional[str]] = "text"
    domain: ClassVar[str] = "graphs"
    example: ClassVar[str] = 'step check "x > 0?" { shape: decision, yes: double, no: stop }'


Sex = Literal["male", "female", "unknown"]


class Person(Node):
    """One individual of a pedigree: square (male), circle (female) or diamond; filled when affected."""

    kind: Literal["person"] = "person"
    sex: Sex = "unknown"
    affected: bool = Field(default=False, description="filled symbol")
    carrier: bool = Field(default=False, description="half-filled symbol")
    deceased: bool = Field(default=False, description="slashed symbol")
    proband: bool = Field(default=False, description="arrow at the symbol")
    label: Optional[Label] = Field(default=None, description="text under the symbol, e.g. '1' or 'Aa'")
    generation: Optional[int] = Field(default=None, ge=1, le=30, description="1 = I; default: from the matings")

    text_field: ClassVar[Optional[str]] = "label"
    domain: ClassVar[str] = "graphs"
    example: ClassVar[str] = 'person I1 "1" { sex: male, affected: true }'


class Mating(Node):
    """A couple of a pedigree (horizontal line between them) and their children, in birth order."""

    kind: Literal["mating"] = "mating"
    between: list[Ref] = Field(min_length=2, max_length=2, description="the two partners")
    children: list[Ref] = Field(default_factory=list, max_length=40, description="oldest first")
    consanguineous: bool = Field(default=False, description="double line")

    relations: ClassVar[tuple[str, ...]] = ("between",)
    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "graphs"
    example: ClassVar[str] = "mating between [I1, I2] { children: [II1, II2] }"


class Pedigree(Node):
    """Settings of the scene's pedigree chart: numbering and a legend line."""

    kind: Literal["pedigree"] = "pedigree"
    numbers: bool = Field(default=True, description="number people 1, 2, ... in each generation")
    trait: Optional[Label] = Field(default=None, description="trait name for the legend")

    name_required: ClassVar[bool] = False
    domain: ClassVar[str] = "graphs"
    example: ClassVar[str] = 'pedigree { trait: "alkaptonuria", numbers: false }'


KINDS = [Graph, Tree, Vertex, Path, ProbabilityTree, Step, Person, Mating, Pedigree]
