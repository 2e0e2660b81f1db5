"""Diagnostic codes of the graphs domain (graphs and trees, flowcharts, pedigrees)."""

CODES: dict[str, str] = {
    # graphs and trees
    "E8001": "an edge names a node that is not in its graph's node list",
    "E8002": "an edge is listed twice",
    "E8003": "a node is listed twice in a graph",
    "E8004": "a path steps between two nodes that no edge joins",
    "E8005": "a tree has a cycle",
    "E8006": "a tree (or a layered layout) is not connected",
    "E8007": "layout: given needs a position for every node, and positions must differ",
    "E8008": "a vertex or path names no graph, or a node that is not in its graph",
    "E8009": "a path that claims to be shortest or Hamiltonian is not, or its stated total is wrong",
    "E8010": "an edge joins a node to itself where that cannot be drawn or is not allowed (a tree)",
    # probability trees
    "E8060": "the probabilities on the branches from one node do not add up to 1",
    "E8061": "a branch probability is missing, not a number or expression, or outside 0 … 1",
    "E8062": "the branches of a probability tree do not form one tree from one start node",
    "E8063": "a stated outcome probability is not the product along its path, or names no leaf",
    # flowcharts
    "E8020": "a decision needs exactly two exits, `yes` and `no`; other steps have no yes/no exits",
    "E8021": "a step other than an end has no arrow out (`next`), or an end has one",
    "E8022": "a step cannot be reached from a start",
    "E8023": "a flowchart has no start or no end step, or too many steps",
    "E8024": "an arrow points at something that is not a step, or at a start",
    # pedigrees
    "E8040": "the two partners of a mating have the same sex",
    "E8041": "a child is listed in two families, or a mating lists a partner twice",
    "E8042": "generations do not agree: a child is not one generation below its parents, or partners differ",
    "E8043": "a pedigree names something that is not a person",
    "E8044": "someone is their own ancestor",
    # the drawn page
    "E8091": "a path claims to be shortest in a graph with a cycle of negative total weight",
    "E8090": "a drawn edge, arrow or weight does not sit where the layout put it (a bug in the drawing)",
    "W8001": "a drawn edge passes through a node it does not join (layout: given)",
}
