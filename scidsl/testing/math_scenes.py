"""Scene builders for the mathematical domains: triangles, function plots, Venn diagrams, Punnett squares,
graphs and trees. Each takes plain parameters and returns the scene with the facts it must state."""
from __future__ import annotations

import itertools
import math
from typing import Optional

from scidsl.testing.scenes import ExpectedFact as F
from scidsl.testing.scenes import SceneCase

Triangle = tuple[float, float, float]  # angles at A, B, C in degrees


def triangle_sides(angles: Triangle, ab: float) -> tuple[float, float, float]:
    """Sides BC, CA, AB of the triangle with these angles and side AB (law of sines)."""
    k = ab / math.sin(math.radians(angles[2]))
    return k * math.sin(math.radians(angles[0])), k * math.sin(math.radians(angles[1])), ab


def triangle_angles(a: float, b: float, c: float) -> Triangle:
    """Angles at A, B, C of the triangle with sides BC = a, CA = b, AB = c (law of cosines)."""
    def at(opposite: float, s1: float, s2: float) -> float:
        return math.degrees(math.acos((s1 * s1 + s2 * s2 - opposite * opposite) / (2 * s1 * s2)))

    return at(a, b, c), at(b, c, a), at(c, a, b)


_SIDES = {"BC": ("B", "C"), "CA": ("C", "A"), "AB": ("A", "B")}
_ANGLES = {"A": ("C", "A", "B"), "B": ("A", "B", "C")}


def triangle_scene(angles: Triangle, sides: tuple[float, float, float], given_sides: tuple[str, ...],
                   given_angles: tuple[str, ...], right: bool = False,
                   construction: Optional[str] = None) -> SceneCase:
    """`triangle ABC` with the given sides (of BC, CA, AB) and angles (at A, B); states every side and angle."""
    length = dict(zip(("BC", "CA", "AB"), sides))
    lines = ["triangle ABC { right: C }" if right else "triangle ABC"]
    lines += [f"given length({s}) = {length[s]:g} cm" for s in given_sides]
    lines += [f"given angle({v}) = {angles['AB'.index(v)]:g} deg" for v in given_angles]
    facts = [F("triangle", ("A", "B", "C")),
             F("exact", ("angle(BAC)",), angles[0]), F("exact", ("angle(CBA)",), angles[1]),
             F("exact", ("angle(ACB)",), angles[2]),
             F("exact", ("length(BC)",), sides[0]), F("exact", ("length(CA)",), sides[1]),
             F("exact", ("length(AB)",), sides[2])]
    facts += [F("side_label", _SIDES[s], f"{length[s]:g} cm") for s in given_sides]
    facts += [_angle_fact(v, angles["AB".index(v)]) for v in given_angles]
    if right:
        facts.append(F("right_angle", ("C",), 90))
    if construction:
        line, more = _construction(construction, angles, sides)
        lines.append(line)
        facts += more
    about = f"triangle from {'+'.join(given_sides + given_angles)}" + (f" with {construction}" if construction else "")
    return SceneCase("geometry", "\n".join(lines) + "\n", tuple(facts), about)


def _angle_fact(vertex: str, degrees: float) -> F:
    """A given angle is marked with its value; a right one with the square."""
    if degrees == 90:
        return F("right_angle", (vertex,), 90)
    return F("angle_mark", _ANGLES[vertex], f"{degrees:g}°")


def _construction(kind: str, angles: Triangle, sides: tuple[float, float, float]) -> tuple[str, list[F]]:
    if kind == "median":
        return "median CM of ABC from C", [F("equal_mark", ("A", "M"), 1), F("equal_mark", ("M", "B"), 1)]
    if kind == "altitude":
        return "altitude CD of ABC from C", [F("right_angle", ("D",), 90)]
    if kind == "midpoint":
        return "midpoint M of AB", [F("point", ("M",))]
    radius = sides[2] / (2 * math.sin(math.radians(angles[2])))
    return "circumcircle k of ABC { center: O }", [F("circle", ("k",), radius, 1e-4), F("point", ("O",))]


def polynomial_text(coefficients: list[int]) -> str:
    """`2*x^3 - 4*x^2 - 2*x + 4` from coefficients, highest power first."""
    degree = len(coefficients) - 1
    terms = []
    for i, c in enumerate(coefficients):
        p = degree - i
        if c == 0:
            continue
        power = "" if p == 0 else "x" if p == 1 else f"x^{p}"
        size = abs(c)
        body = str(size) if not power else power if size == 1 else f"{size}*{power}"
        terms.append(("-" if c < 0 else "+", body))
    text = " ".join(f"{s} {b}" for s, b in terms).lstrip("+ ")
    return "-" + text[2:] if text.startswith("- ") else text


def expand_roots(scale: int, roots: list[int]) -> list[int]:
    """Coefficients (highest power first) of scale·(x − r1)(x − r2)…."""
    coefficients = [scale]
    for r in roots:
        coefficients = [a - r * b for a, b in zip(coefficients + [0], [0] + coefficients)]
    return coefficients


def polynomial_plot(scale: int, roots: list[int]) -> SceneCase:
    """`plot f` of a polynomial with these distinct whole roots, its roots marked."""
    roots = sorted(roots)
    expression = polynomial_text(expand_roots(scale, roots))
    lo, hi = roots[0] - 1, roots[-1] + 1
    text = f"plot f {{ y: {expression}, x: [{lo}, {hi}], mark: [roots] }}\n"
    facts = [F("curve", ("f",), expression)]
    facts += [F("marked_point", (f"f.root{i + 1}", "root", "f"), [float(r), 0.0]) for i, r in enumerate(roots)]
    return SceneCase("plots", text, tuple(facts), f"polynomial with roots {roots}")


def exponential_plot(c: int) -> SceneCase:
    """`plot f` of exp(x) − c, whose root is ln c."""
    root = math.log(c)
    text = f"plot f {{ y: exp(x) - {c}, x: [-1, {math.ceil(root + 1)}], mark: [roots] }}\n"
    facts = (F("curve", ("f",), f"exp(x) - {c}"), F("marked_point", ("f.root1", "root", "f"), [root, 0.0]))
    return SceneCase("plots", text, facts, f"exp(x) - {c}")


def _scaled(amplitude: int, body: str) -> str:
    return body if amplitude == 1 else f"-{body}" if amplitude == -1 else f"{amplitude}*{body}"


def quadratic_plot(scale: int, c: int) -> SceneCase:
    """`plot f` of scale·(x² − c), whose roots ±√c are irrational unless c is a square."""
    root, reach = math.sqrt(c), math.ceil(math.sqrt(c)) + 1
    expression = polynomial_text([scale, 0, -scale * c])
    text = f"plot f {{ y: {expression}, x: [{-reach}, {reach}], mark: [roots] }}\n"
    facts = (F("curve", ("f",), expression), F("marked_point", ("f.root1", "root", "f"), [-root, 0.0]),
             F("marked_point", ("f.root2", "root", "f"), [root, 0.0]))
    return SceneCase("plots", text, facts, f"{expression}, roots ±√{c}")


def trig_plot(func: str, amplitude: int, k: int, count: int) -> SceneCase:
    """`plot f` of amplitude·sin(kx) or amplitude·cos(kx) over an interval holding `count` roots (or count + 1
    for sin, whose first root is 0), each end at a crest or trough, far from any root."""
    arg = "x" if k == 1 else f"{k}*x"
    expression = _scaled(amplitude, f"{func}({arg})")
    step = math.pi / k
    if func == "sin":
        lo, hi = -step / 2, (count + 0.5) * step
        roots = [n * step for n in range(count + 1)]
    else:
        lo, hi = 0.0, count * step
        roots = [(n + 0.5) * step for n in range(count)]
    text = f"plot f {{ y: {expression}, x: [{round(lo, 2):g}, {round(hi, 2):g}], mark: [roots] }}\n"
    facts = [F("curve", ("f",), expression)]
    facts += [F("marked_point", (f"f.root{i + 1}", "root", "f"), [r, 0.0]) for i, r in enumerate(roots)]
    return SceneCase("plots", text, tuple(facts), f"{expression} with {len(roots)} roots")


SET_NAMES = ("A", "B", "C")


def region_name(mask: int, n: int) -> str:
    """The region key of a Venn diagram for the sets in `mask` (bit i: set i), e.g. `A & B`."""
    return " & ".join(SET_NAMES[i] for i in range(n) if mask >> i & 1)


def venn_scene(n: int, counts: dict[int, int], outside: int, computed: bool) -> SceneCase:
    """`venn v` over n sets with these exact-region counts; `computed` states sizes and lets the compiler
    derive the regions instead."""
    sets = ", ".join(f'"{s}"' for s in SET_NAMES[:n])
    total = sum(counts.values()) + outside
    size = {m: sum(v for k, v in counts.items() if k & m == m) for m in range(1, 1 << n)}
    if computed:
        body = ", ".join(f'["{region_name(m, n)}", {size[m]}]' for m in range(1, 1 << n))
        props = f"sizes: [{body}], total: {total}"
    else:
        body = ", ".join(f'["{region_name(m, n)}", {counts[m]}]' for m in range(1, 1 << n))
        props = f"regions: [{body}], outside: {outside}, total: {total}"
    facts = [F("region", ("v", region_name(m, n).replace(" & ", " ∩ ") + " only"), counts[m]) for m in counts]
    facts += [F("size", ("v", SET_NAMES[i]), size[1 << i]) for i in range(n)]
    facts += [F("region", ("v", "outside"), outside), F("total", ("v",), total)]
    return SceneCase("sets", f"venn v {{ sets: [{sets}], {props} }}\n", tuple(facts),
                     f"{n} sets, {'sizes' if computed else 'regions'} given")


def offspring_ratio(first: list[str], second: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Genotype and phenotype counts over the whole square of a cross (genes given as allele pairs)."""
    def gametes(parent: list[str]) -> list[str]:
        return ["".join(p) for p in itertools.product(*parent)]

    genotypes: dict[str, int] = {}
    phenotypes: dict[str, int] = {}
    for g1 in gametes(first):
        for g2 in gametes(second):
            pairs = ["".join(sorted(a + b, key=lambda ch: (ch.islower(), ch))) for a, b in zip(g1, g2)]
            genotype = "".join(pairs)
            phenotype = " ".join(p[0] + "_" if p[0].isupper() else p for p in pairs)
            genotypes[genotype] = genotypes.get(genotype, 0) + 1
            phenotypes[phenotype] = phenotypes.get(phenotype, 0) + 1
    return genotypes, phenotypes


def punnett_scene(first: list[str], second: list[str]) -> SceneCase:
    """`punnett_square p` for the cross of two parents, each a list of allele pairs like ["Aa", "bb"]."""
    cross = f"{''.join(first)} x {''.join(second)}"
    genotypes, phenotypes = offspring_ratio(first, second)
    facts = (F("cross", ("p",), cross), F("genotype_ratio", ("p",), genotypes),
             F("phenotype_ratio", ("p",), phenotypes))
    return SceneCase("tables", f'punnett_square p {{ cross: "{cross}" }}\n', facts, f"cross {cross}")


def graph_scene(n: int, edges: list[tuple[int, int, int]], directed: bool) -> SceneCase:
    """`graph G` on nodes N0… with weighted edges (i, j, weight)."""
    nodes = [f"N{i}" for i in range(n)]
    listed = ", ".join(f"[N{i}, N{j}, {w}]" for i, j, w in edges)
    text = f"graph G {{ nodes: [{', '.join(nodes)}], edges: [{listed}], directed: {str(directed).lower()} }}\n"
    kind = "directed graph" if directed else "graph"
    facts = [F("graph", ("G",), {"nodes": nodes, "directed": directed, "kind": kind})]
    facts += [F("edge", ("G", f"N{i}", f"N{j}"), float(w)) for i, j, w in edges]
    return SceneCase("graphs", text, tuple(facts), f"graph with {n} nodes and {len(edges)} edges")


def tree_scene(parents: list[int]) -> SceneCase:
    """`tree T` whose node i + 1 hangs from node parents[i] (each parent an earlier node)."""
    nodes = [f"T{i}" for i in range(len(parents) + 1)]
    edges = [(p, i + 1) for i, p in enumerate(parents)]
    listed = ", ".join(f"[T{a}, T{b}]" for a, b in edges)
    text = f"tree T {{ nodes: [{', '.join(nodes)}], edges: [{listed}] }}\n"
    facts = [F("graph", ("T",), {"nodes": nodes, "directed": False, "kind": "tree"})]
    facts += [F("edge", ("T", f"T{a}", f"T{b}")) for a, b in edges]
    return SceneCase("graphs", text, tuple(facts), f"tree with {len(nodes)} nodes")


def cuboid_scene(length: int, width: int, height: int) -> SceneCase:
    """A cuboid with its space diagonal AG drawn."""
    text = f"cuboid ABCDEFGH {{ length: {length} cm, width: {width} cm, height: {height} cm }}\nsegment3d AG\n"
    facts = (F("volume", ("ABCDEFGH",), float(length * width * height)),
             F("length", ("A", "G"), math.sqrt(length ** 2 + width ** 2 + height ** 2)),
             F("edge", ("A", "B"), float(length)), F("edge", ("B", "C"), float(width)),
             F("edge", ("C", "G"), float(height)))
    return SceneCase("solids", text, facts, f"cuboid {length} × {width} × {height}")


def cone_scene(radius: int, slant: int) -> SceneCase:
    """A cone given by radius and slant height; the compiler solves its height."""
    height = math.sqrt(slant * slant - radius * radius)
    text = f"cone k {{ radius: {radius} cm, slant_height: {slant} cm, apex: V, center: O, rim: A }}\n"
    facts = (F("dimension", ("k", "height"), height),
             F("volume", ("k",), math.pi * radius * radius * height / 3))
    return SceneCase("solids", text, facts, f"cone r = {radius}, slant height {slant}")


def _shown(value: int) -> str:
    return str(value).replace("-", "−")  # tables write a real minus sign


def table_scene(cells: list[list[int]]) -> SceneCase:
    """A data table whose row, column and grand totals the compiler computes."""
    columns = [f"c{j + 1}" for j in range(len(cells[0]))]
    rows = [f"r{i + 1}" for i in range(len(cells))]
    body = ", ".join("[" + ", ".join(map(str, row)) + "]" for row in cells)
    quoted = ", ".join(f'"{c}"' for c in columns), ", ".join(f'"{r}"' for r in rows)
    text = f"table t {{ columns: [{quoted[0]}], rows: [{quoted[1]}], cells: [{body}], totals: true }}\n"
    facts = [F("row_total", ("t", r), _shown(sum(row))) for r, row in zip(rows, cells)]
    facts += [F("column_total", ("t", c), _shown(sum(col))) for c, col in zip(columns, zip(*cells))]
    facts.append(F("grand_total", ("t",), _shown(sum(map(sum, cells)))))
    return SceneCase("tables", text, tuple(facts), f"{len(rows)} × {len(columns)} table")


def flowchart_scene(steps: list[Optional[int]]) -> SceneCase:
    """A flowchart from start to end through len(steps) steps; a step with a number is a decision whose
    `yes` exit goes to that step (forwards or back), its `no` exit to the next one."""
    n = len(steps)
    lines = ['step s0 "Start" { shape: start, next: s1 }']
    facts = [F("step", ("s0",), {"shape": "start", "text": "Start"}), F("flow", ("s0", "s1"), None),
             F("step", (f"s{n + 1}",), {"shape": "end", "text": "End"}),
             F("decisions", (), sum(t is not None for t in steps))]
    for i, target in enumerate(steps, start=1):
        if target is None:
            lines.append(f'step s{i} "Work {i}" {{ next: s{i + 1} }}')
            facts += [F("step", (f"s{i}",), {"shape": "process", "text": f"Work {i}"}),
                      F("flow", (f"s{i}", f"s{i + 1}"), None)]
        else:
            lines.append(f'step s{i} "Test {i}?" {{ shape: decision, yes: s{target}, no: s{i + 1} }}')
            facts += [F("step", (f"s{i}",), {"shape": "decision", "text": f"Test {i}?"}),
                      F("flow", (f"s{i}", f"s{target}"), "yes"), F("flow", (f"s{i}", f"s{i + 1}"), "no")]
    lines.append(f'step s{n + 1} "End" {{ shape: end }}')
    return SceneCase("graphs", "\n".join(lines) + "\n", tuple(facts), f"flowchart of {n} steps")
