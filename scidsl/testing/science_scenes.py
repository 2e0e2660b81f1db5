"""Scene builders for the physical sciences: series–parallel circuits (nested and as netlists), molecules,
balanced reactions and drawing-layer bodies (a block on an incline, ropes over pulleys to hanging masses)."""
from __future__ import annotations

import math
from fractions import Fraction
from typing import Union

from scidsl.testing import corpus
from scidsl.testing.scenes import ExpectedFact as F
from scidsl.testing.scenes import SceneCase

# a series–parallel network: a resistance in ohms, or ("s" | "p", [networks])
Network = Union[int, tuple[str, list["Network"]]]


def equivalent(network: Network) -> Fraction:
    """The exact equivalent resistance of a series–parallel network."""
    if isinstance(network, int):
        return Fraction(network)
    op, parts = network
    values = [equivalent(p) for p in parts]
    return sum(values, Fraction(0)) if op == "s" else 1 / sum((1 / v for v in values), Fraction(0))


def resistances(network: Network) -> list[int]:
    """The resistances in the order the builders name them R1, R2, …."""
    if isinstance(network, int):
        return [network]
    return [r for part in network[1] for r in resistances(part)]


def circuit_scene(network: Network, voltage: int, netlist: bool) -> SceneCase:
    """A battery driving the network, written as a nested `circuit` loop or as a netlist of `between` nodes."""
    values = resistances(network)
    if netlist:
        lines = [f"battery E between [n0, n1] {{ voltage: {voltage} V }}"]
        _netlist(network, "n1", "n0", lines, [1], [1])
    else:
        lines = [f"battery E {{ voltage: {voltage} V }}"]
        lines += [f"resistor R{i + 1} {{ resistance: {r} ohm }}" for i, r in enumerate(values)]
        lines.append(f"circuit c {{ loop: [E, {_nested(network, [0])}] }}")
    facts = [F("count", ("resistor",), len(values)), F("value", ("E", "voltage"), f"{voltage} V"),
             F("equivalent_resistance", ("E",), float(equivalent(network)))]
    facts += [F("value", (f"R{i + 1}", "resistance"), f"{r} Ω") for i, r in enumerate(values)]
    form = "netlist" if netlist else "nested loop"
    return SceneCase("circuits", "\n".join(lines) + "\n", tuple(facts), f"{len(values)} resistors, {form}")


def _nested(network: Network, counter: list[int]) -> str:
    if isinstance(network, int):
        counter[0] += 1
        return f"R{counter[0]}"
    inner = ", ".join(_nested(p, counter) for p in network[1])
    return f"{'series' if network[0] == 's' else 'parallel'}({inner})"


def _netlist(network: Network, a: str, b: str, lines: list[str], part: list[int], node: list[int]) -> None:
    """Resistor statements for the network between nodes a and b; fresh nodes are n2, n3, …."""
    if isinstance(network, int):
        lines.append(f"resistor R{part[0]} between [{a}, {b}] {{ resistance: {network} ohm }}")
        part[0] += 1
        return
    op, parts = network
    if op == "p":
        for p in parts:
            _netlist(p, a, b, lines, part, node)
        return
    for i, p in enumerate(parts):
        node[0] += 1
        end = b if i == len(parts) - 1 else f"n{node[0]}"
        _netlist(p, a, end, lines, part, node)
        a = end


def molecule_scene(index: int, show: str = "skeletal") -> SceneCase:
    """A molecule of the bundled corpus with its formula and ring count."""
    name, smiles, formula, rings = corpus.MOLECULES[index]
    text = f'molecule {name} {{ smiles: "{smiles}", show: {show} }}\n'
    facts = (F("formula", (name,), formula), F("ring_count", (name,), rings), F("net_charge", (name,), 0))
    return SceneCase("chemistry", text, facts, f"{name} ({smiles})")


def reaction_scene(reaction: tuple[corpus.Side, corpus.Side]) -> SceneCase:
    """A reaction given with balanced coefficients."""
    equation = corpus.equation_text(reaction)
    facts = [F("equation", ("r",), equation), F("balanced", ("r",), True)]
    facts += [F("coefficient", ("r", f), str(c)) for side in reaction for c, f in side]
    return SceneCase("chemistry", f'reaction r {{ equation: "{equation}" }}\n', tuple(facts), equation)


def incline_scene(angle: int, base: int, at: float, pulley: bool) -> SceneCase:
    """A block resting on an incline; with `pulley`, a rope from the block over a pulley at the top to a
    hanging mass, the rope running parallel to the slope."""
    lines = [f"incline ramp at (0, 0) {{ angle: {angle} deg, base: {base} }}",
             f'block A on ramp {{ at: {at:g}, text: "$m_1$" }}']
    facts = [F("angle", ("ramp",), f"{angle}°"), F("on", ("A", "ramp")), F("drawn", ("block", "A"), "$m_1$")]
    if pulley:
        # the block's uphill face is 0.4 cm above the slope; a pulley of radius 0.25 whose centre is 0.15 cm
        # above the slope line takes the rope off it parallel to the slope
        t, n = f"(cos({angle} deg), sin({angle} deg))", f"(-sin({angle} deg), cos({angle} deg))"
        height = base * math.tan(math.radians(angle))
        drop = round(min(3.0, max(1.0, 0.55 * height)), 1)
        lines += [f"disk P at ramp.top + 0.5*{t} + 0.15*{n} {{ radius: 0.25, axle: true }}",
                  f'box B at P.right + (0, -{drop:g}) {{ size: (0.8, 0.8), text: "$m_2$" }}',
                  "rope r through [A.uphill, P, B.top]"]
        facts += [F("drawn", ("disk", "P")), F("drawn", ("box", "B"), "$m_2$"), F("drawn", ("rope", "r"))]
    about = f"block on a {angle}° incline" + (" tied over a pulley to a hanging mass" if pulley else "")
    return SceneCase("draw", "\n".join(lines) + "\n", tuple(facts), about)


def pulleys_scene(count: int, spacing: float, drops: tuple[float, float], movable: bool = False) -> SceneCase:
    """`count` pulleys in a row under a ceiling, one rope over them from a hanging mass at each end; with
    `movable` (two pulleys), the rope runs down under a movable pulley carrying a third mass between them."""
    if movable:
        count, spacing = 2, 1.6  # the movable pulley's sides lie right under the fixed pulleys' inner sides
    xs = [i * spacing for i in range(count)]
    lines = [f"surface ceiling from ({-1.5:g}, 6) to ({xs[-1] + 1.5:g}, 6) {{ side: left }}"]
    for i, x in enumerate(xs):
        lines.append(f"polyline h{i + 1} {{ points: [({x:g}, 6), ({x:g}, 5)] }}")
        lines.append(f"disk P{i + 1} at ({x:g}, 5) {{ radius: 0.4, axle: true }}")
    lines += [f'box m1 at P1.left + (0, -{drops[0]:g}) {{ size: (0.8, 0.8), text: "$m_1$" }}',
              f'box m2 at P{count}.right + (0, -{drops[1]:g}) {{ size: (0.8, 0.8), text: "$m_2$" }}']
    facts = [F("drawn", ("disk", f"P{i + 1}")) for i in range(count)]
    stops = ["m1.top", "P1"]
    if movable:
        lines += ["disk Q at (0.8, 2.8) { radius: 0.4, axle: true }",
                  "polyline hq { points: [Q.center, Q.center + (0, -1.0)] }",
                  'box M at Q.center + (0, -1.4) { size: (0.8, 0.8), text: "$M$" }']
        stops += ["P1.right + (0, -1.1)", "Q", "Q.right + (0, 1.1)", "P2"]
        facts += [F("drawn", ("disk", "Q")), F("drawn", ("box", "M"), "$M$")]
    else:
        for i in range(1, count):
            stops += [f"P{i}.top + ({spacing / 2:g}, 0)", f"P{i + 1}"]
    lines.append(f"rope r through [{', '.join(stops + ['m2.top'])}]")
    facts += [F("drawn", ("box", "m1"), "$m_1$"), F("drawn", ("box", "m2"), "$m_2$"), F("drawn", ("rope", "r"))]
    about = f"rope over {count} pulley(s)" + (" and under a movable one" if movable else "")
    return SceneCase("draw", "\n".join(lines) + "\n", tuple(facts), about)


def titration_scene(initial: int, delivered: int, molarity: str) -> SceneCase:
    """A burette on a stand over a flask; readings in hundredths of a millilitre."""
    start, end = initial / 100, (initial + delivered) / 100
    lines = ["retort_stand S",
             f'burette B on S {{ capacity: 50 mL, initial: {start:.2f} mL, reading: {end:.2f} mL, '
             f'contents: "{molarity} M NaOH", concentration: {molarity} M }}',
             'flask F on S { capacity: 250 mL, volume: 25.00 mL, contents: "HCl(aq)" }']
    facts = (F("reading", ("B",), f"{end:.2f} mL"), F("delivered", ("B",), f"{delivered / 100:.2f} mL"),
             F("amount_delivered", ("B", "F")), F("volume", ("F",), "25.00 mL"))
    return SceneCase("lab", "\n".join(lines) + "\n", facts, f"titration delivering {delivered / 100:.2f} mL")


ORGANELLES = {
    "animal": ("nucleolus", "rough_er", "smooth_er", "golgi", "mitochondrion", "ribosomes", "lysosome",
               "centrosome", "plasma_membrane"),
    "plant": ("nucleolus", "cell_wall", "chloroplast", "central_vacuole", "golgi", "mitochondrion", "rough_er",
              "plasma_membrane"),
}


def cell_scene(kind: str, organelles: list[str]) -> SceneCase:
    """A cell diagram of an animal or plant cell showing its nucleus and these organelles."""
    shown = ["nucleus"] + organelles
    text = f'cell_diagram C "{kind} cell" {{ type: {kind}, organelles: [{", ".join(shown)}] }}\n'
    facts = [F("cell_type", ("C",), kind)] + [F("organelle", ("C", o)) for o in shown]
    return SceneCase("biology", text, tuple(facts), f"{kind} cell with {len(shown)} organelles")
