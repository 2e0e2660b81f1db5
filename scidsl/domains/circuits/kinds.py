"""Circuit kinds: parts (resistor, cell, switch, meters, ...), markers and the `circuit` statement.

Topology is stated either netlist style (`resistor R1 between [a, b]`, node names are free) or as
nested structure (`circuit c { loop: [V1, S1, series(R1, parallel(R2, R3))] }`); both may be mixed.
Terminals are listed in the direction the current passes through the part: a cell from − to +,
a diode from anode to cathode, a meter from + to −.
"""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal, Optional

from pydantic import Field

from scidsl.answers import HIDDEN, Answer, answer_field
from scidsl.model import Expr, ExprKind, Label, Node, Quantity, Ref

Side = Literal["left", "top", "right", "bottom"]
Structure = Annotated[Expr, ExprKind("a part name, or series(...), parallel(...) of parts and "
                                     "groups, or node(n) naming the junction at that place; "
                                     "e.g. 'R1' or 'series(R1, parallel(R2, R3))'")]

# terminal names and aliases usable after a dot (R1.a, R1.left, V1.plus)
_TWO = {"a", "b", "left", "right", "minus", "plus", "n", "p", "anode", "cathode", "in", "out"}
_THREE = {"a", "b", "wiper", "w", "left", "right"}
_SWITCH3 = {"common", "c", "a", "b"}


class _Part(Node):
    label: Optional[Label] = Field(default=None, description="label symbol, e.g. \"R\" or "
                                   "\"$R_x$\"; default: the name with digits as subscripts")
    between: Optional[list[Ref]] = Field(default=None, max_length=3,
                                         description="the nodes its terminals sit on, in order")
    side: Optional[Side] = Field(default=None, description="hint: the side of the main loop to "
                                 "draw it on (left, top, right, bottom)")
    root: bool = Field(default=False, description="hint: draw this part on the left of the loop")
    current_arrow: Optional[Label] = Field(default=None, description="draw a current arrow "
                                           "beside it, from its first terminal to its second, "
                                           "with this label, e.g. \"$I_1$\"")
    relations: ClassVar[tuple[str, ...]] = ("between",)
    text_field: ClassVar[Optional[str]] = "label"
    domain: ClassVar[str] = "circuits"
    terminal_names: ClassVar[set[str]] = _TWO

    def members(self) -> Optional[set[str]]:
        """Terminal names usable as R1.a, R1.left, V1.plus."""
        return set(self.terminal_names)

    def implicit_names(self) -> list[tuple[str, str]]:
        """Node names used in `between` are declared by using them."""
        return [(n, "node") for n in self.between or [] if "." not in n]


class _Polar(_Part):
    polarity: bool = Field(default=False, description="draw + and − beside the symbol")


class Resistor(_Part):
    """A resistor (box in IEC style, zigzag in ANSI style)."""

    kind: Literal["resistor"] = "resistor"
    resistance: Optional[Quantity] = Field(default=None, description="e.g. 4 ohm, 2.2 kohm")
    example: ClassVar[str] = "resistor R1 { resistance: 4 ohm }"


class Capacitor(_Part):
    """A capacitor."""

    kind: Literal["capacitor"] = "capacitor"
    capacitance: Optional[Quantity] = Field(default=None, description="e.g. 3 uF")
    example: ClassVar[str] = "capacitor C1 { capacitance: 3 uF }"


class Inductor(_Part):
    """An inductor (coil)."""

    kind: Literal["inductor"] = "inductor"
    inductance: Optional[Quantity] = Field(default=None, description="e.g. 5.0 H, 20 mH")
    example: ClassVar[str] = "inductor L1 { inductance: 5.0 H }"


class Lamp(_Part):
    """A lamp (bulb)."""

    kind: Literal["lamp"] = "lamp"
    resistance: Optional[Quantity] = Field(default=None, description="e.g. 6 ohm")
    power: Optional[Quantity] = Field(default=None, description="rated power, e.g. 3 W")
    example: ClassVar[str] = 'lamp L1 "#1"'


class Fuse(_Part):
    """A fuse."""

    kind: Literal["fuse"] = "fuse"
    current: Optional[Quantity] = Field(default=None, description="rating, e.g. 3 A")
    example: ClassVar[str] = "fuse F1 { current: 3 A }"


class Diode(_Part):
    """A diode; terminals anode then cathode."""

    kind: Literal["diode"] = "diode"
    example: ClassVar[str] = "diode D1 between [a, b]"


class Led(_Part):
    """A light-emitting diode; terminals anode then cathode."""

    kind: Literal["led"] = "led"
    example: ClassVar[str] = "led D1 between [a, b]"


class Rheostat(_Part):
    """A variable resistor with a sliding contact; used between end a and the wiper by default."""

    kind: Literal["rheostat"] = "rheostat"
    resistance: Optional[Quantity] = Field(default=None, description="e.g. 20 ohm")
    terminal_names: ClassVar[set[str]] = _THREE
    example: ClassVar[str] = 'rheostat R "R"'


class Potentiometer(Rheostat):
    """A potentiometer; two nodes in `between` mean end a and the wiper."""

    kind: Literal["potentiometer"] = "potentiometer"  # type: ignore[assignment]
    example: ClassVar[str] = "potentiometer P1 { resistance: 10 kohm }"


class Cell(_Polar):
    """A single cell: long plate +, short plate −; terminals − then +."""

    kind: Literal["cell"] = "cell"
    voltage: Optional[Quantity] = Field(default=None, description="emf, e.g. 1.5 V")
    example: ClassVar[str] = 'cell E "ξ"'


class Battery(_Polar):
    """A battery of cells: terminals − then +."""

    kind: Literal["battery"] = "battery"
    voltage: Optional[Quantity] = Field(default=None, description="emf, e.g. 12 V")
    example: ClassVar[str] = "battery V1 { voltage: 12 V }"


class DcSource(_Polar):
    """A DC voltage source (circle with + and −): terminals − then +."""

    kind: Literal["dc_source"] = "dc_source"
    voltage: Optional[Quantity] = Field(default=None, description="e.g. 10 V")
    example: ClassVar[str] = "dc_source V1 { voltage: 10 V }"


class AcSource(_Part):
    """An AC voltage source."""

    kind: Literal["ac_source"] = "ac_source"
    voltage: Optional[Quantity] = Field(default=None, description="amplitude or rms, e.g. 230 V")
    frequency: Optional[Quantity] = Field(default=None, description="e.g. 50 Hz")
    example: ClassVar[str] = "ac_source V1 { voltage: 230 V, frequency: 50 Hz }"


class CurrentSource(_Part):
    """An ideal current source; the arrow points from its first terminal to its second."""

    kind: Literal["current_source"] = "current_source"
    current: Optional[Quantity] = Field(default=None, description="e.g. 2 A")
    example: ClassVar[str] = "current_source I1 { current: 2 A }"


class Switch(_Part):
    """A single-throw switch, open or closed."""

    kind: Literal["switch"] = "switch"
    state: Literal["open", "closed"] = Field(default="open", description="open or closed")
    example: ClassVar[str] = "switch S1 { state: open }"


class TwoWaySwitch(_Part):
    """A two-way switch: terminals common, a, b; `state` says which side is connected."""

    kind: Literal["two_way_switch"] = "two_way_switch"
    state: Literal["a", "b"] = Field(default="a", description="the throw that is connected")
    terminal_names: ClassVar[set[str]] = _SWITCH3
    example: ClassVar[str] = "two_way_switch S1 between [c, a] { state: a }"


class Ammeter(_Polar):
    """An ammeter (goes in series); terminals + then −."""

    kind: Literal["ammeter"] = "ammeter"
    example: ClassVar[str] = "ammeter A1"


class Voltmeter(_Polar):
    """A voltmeter (goes in parallel); terminals + then −."""

    kind: Literal["voltmeter"] = "voltmeter"
    example: ClassVar[str] = "voltmeter V1 between [R1.a, R1.b]"


class Galvanometer(_Part):
    """A galvanometer."""

    kind: Literal["galvanometer"] = "galvanometer"
    example: ClassVar[str] = "galvanometer G between [c, d]"


class Wire(_Part):
    """An explicit wire between two nodes (zero resistance)."""

    kind: Literal["wire"] = "wire"
    example: ClassVar[str] = "wire w1 between [a, b]"


class _Marker(Node):
    at: Ref = Field(description="the node (or terminal like R1.a) it marks")
    label: Optional[Label] = Field(default=None, description="text beside it")
    relations: ClassVar[tuple[str, ...]] = ("at",)
    text_field: ClassVar[Optional[str]] = "label"
    domain: ClassVar[str] = "circuits"

    def implicit_names(self) -> list[tuple[str, str]]:
        """A node name used in `at` is declared by using it."""
        return [] if "." in self.at else [(self.at, "node")]


class Ground(_Marker):
    """A ground (earth) symbol on a node."""

    kind: Literal["ground"] = "ground"
    example: ClassVar[str] = "ground G at n0"


class Terminal(_Marker):
    """A labelled terminal (open circle) on a node; two terminals mark a network's ends."""

    kind: Literal["terminal"] = "terminal"
    example: ClassVar[str] = 'terminal A "A" at a'


class Junction(_Marker):
    """A named junction: a dot with a letter at a node, as textbooks mark bridge corners."""

    kind: Literal["junction"] = "junction"
    example: ClassVar[str] = 'junction A "A" at a'


class Circuit(Node):
    """A circuit: a closed `loop` of parts and groups, or a two-terminal `network`."""

    kind: Literal["circuit"] = "circuit"
    loop: Optional[list[Structure]] = Field(default=None, max_length=2000, description="parts in "
                                       "order around the loop; series(...), parallel(...) and "
                                       "node(n) may appear")
    network: Optional[Structure] = Field(default=None, description="a two-terminal network, e.g. "
                                    "parallel(series(C1, C2), C3), drawn between `between`")
    between: Optional[list[Ref]] = Field(default=None, min_length=2, max_length=2,
                                         description="the two end nodes of `network`")
    polarity: bool = Field(default=False, description="draw + and − beside every cell and meter")
    values: bool = Field(default=True, description="show values in labels (R₁ = 4 Ω)")
    answer: Answer = answer_field(HIDDEN)  # a schematic draws no computed value unless asked
    relations: ClassVar[tuple[str, ...]] = ("between",)
    domain: ClassVar[str] = "circuits"
    example: ClassVar[str] = "circuit c { loop: [V1, S1, series(R1, parallel(R2, R3))] }"

    def implicit_names(self) -> list[tuple[str, str]]:
        """Nodes named by node(n) inside the loop or network, and the network's end nodes."""
        from scidsl import syntax

        found = [n for n in self.between or [] if "." not in n]
        stack = [e.tree for e in (self.loop or [])] + ([self.network.tree] if self.network else [])
        while stack:
            t = stack.pop()
            if isinstance(t, syntax.Call):
                if t.fn == "node" and len(t.args) == 1 and isinstance(t.args[0], syntax.Ref):
                    found.append(t.args[0].dotted)
                stack.extend(t.args)
        return [(n, "node") for n in found]


KINDS = [Resistor, Capacitor, Inductor, Lamp, Fuse, Diode, Led, Rheostat, Potentiometer, Cell,
         Battery, DcSource, AcSource, CurrentSource, Switch, TwoWaySwitch, Ammeter, Voltmeter,
         Galvanometer, Wire, Ground, Terminal, Junction, Circuit]
