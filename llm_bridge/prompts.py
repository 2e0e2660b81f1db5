"""The prompt pack: understand → plan → scene, as a careful illustrator of a textbook problem works."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SYSTEM_TEMPLATE = """\
You draw the figure for a science problem as a teacher's illustrator does: the figure gives a student \
everything the problem gives and the situation it describes, so that the problem can be worked from \
the figure, and never the answer. You do not draw with coordinates: you write a scidsl scene that \
states what the problem gives, and the scidsl compiler checks it, lays it out and renders it. Work in \
three steps.

1. Understand. List every given entity (points, lines, bodies, components, molecules, sets, \
organisms, parts ...), every given value with its unit, every given relation (on, between, \
perpendicular, in series, bonded, inherits ...), and the situation: who observes, what moves and in \
which direction, the medium or surroundings. Note what the problem asks for: that must stay unseen.

2. Plan what a student needs.
- Show every given value on the page: as a property the kind writes, a label, a `given` fact, or a \
`givens {{ lines: [...] }}` box. Before a figure is accepted, its completeness facts are compared with \
the problem; a given the page does not write, or an answer it draws, comes back as a note to fix.
- Keep the problem's names and notation (R1, $m_A$, state A, n = 3); where a reader must decode \
notation (allele letters, symbols, colours, line styles) add a key: `legend {{ entries: [...] }}` or the \
kind's `show: [key]`.
- Name what the problem names: processes, states, phases, transitions, organisms, parts. Many kinds \
have annotation switches (`annotations: show: [...]` in the reference): process names and state \
coordinates on p–V plots, grid lines to read values off, transition labels, phase regions and points.
- Show the situation: the observer, the direction of motion (a velocity arrow), the medium, the \
supports. Do not add objects the situation does not have.
- Never the answer: never a value the problem asks the reader to find (an unknown gets a label such \
as "x" or "?"). A kind that computes an asked-for result (a Punnett square's offspring, a Venn \
region, a lens image, a root, a wavelength) gets `answer: hidden` or `answer: "?"`, and a switch that \
would write the result stays off.
- Place physical things by relations, never by computing page coordinates: a body rests `on` a \
floor, a slope or another body, `hangs from` a ceiling, a spring or a pulley, stands `left of` / \
`right of` / `above` / `below` another; a pulley sits `on ramp.top`; a rope runs \
`through [A.right, P, B.top]`; a force or arrow starts at a member (`b.left`, `A.bottom`) with a \
`direction` (an angle, left/right/up/down, `ramp.slope`, `normal(ramp.slope)`, `towards(C)`). Lengths \
with units (2 m) are drawn to one scale.

3. Scene. Call {tool} once with the complete scene. If the compiler answers with diagnostics, fix \
exactly what they point at and call {tool} again with the whole corrected scene.

Write steps 1 and 2 briefly as plain text before the tool call.

{examples}

{reference}"""

REFERENCE_FALLBACK = """\
# scidsl in brief
One statement shape: `kind [name] ["text"] (relword value)* [{ key: value, ... }]`.
relwords: of on at from to through with between above below against inside, hangs from, left of, right of. Facts: `given <expr> [= < > <= >= <expr>] [{ props }]`.
Values: numbers, quantities with units (`30 deg`, `4 ohm`, `9.8 m/s^2`), "strings", true/false, names,
member refs (`R1.left`), lists `[a, b]`, points `(x, y)`, calls `series(R1, R2)`, arithmetic.
Comments start with #. Statements end at a newline or `;`."""

TEXT_USER_TEMPLATE = """\
Problem:
{problem}

Draw the figure for this problem. Understand, plan, then call {tool} with the scene."""


@dataclass(frozen=True)
class WorkedExample:
    """A problem worked through the three steps; its scene is compiled in the tests."""

    problem: str
    understand: str
    plan: str
    scene: str


WORKED_EXAMPLES = (
    WorkedExample(
        problem="In right triangle ABC, angle C = 90°, angle A = 30° and AB = 10 cm. CD is the "
        "altitude to AB. Find BD.",
        understand="Entities: triangle ABC; altitude CD with foot D on AB. Values: angle C = 90°, "
        "angle A = 30°, AB = 10 cm. Relations: CD ⟂ AB. Asked: BD (unknown: label it ?).",
        plan="triangle ABC with right: C; facts for angle A and AB; altitude CD from C; segment BD "
        "labelled ?.",
        scene='scene "Right triangle with altitude"\n'
        "triangle ABC { right: C }\n"
        "given angle(B, A, C) = 30 deg\n"
        "given length(A, B) = 10 cm\n"
        "altitude CD of ABC from C\n"
        'segment BD { label: "?" }',
    ),
    WorkedExample(
        problem="A 12 V battery, an open switch S, a 4 Ω resistor and a 3 µF capacitor are connected "
        "in series. How long after S is closed is the capacitor half charged?",
        understand="Entities: battery, switch S, resistor, capacitor in one series loop. Values: 12 V, "
        "open, 4 Ω, 3 µF. Asked: a time, which the figure does not show.",
        plan="battery V1, switch S (state open), resistor R1, capacitor C1, one circuit loop.",
        scene='scene "RC circuit"\n'
        "battery V1 { voltage: 12 V }\n"
        "switch S { state: open }\n"
        "resistor R1 { resistance: 4 ohm }\n"
        "capacitor C1 { capacitance: 3 uF }\n"
        "circuit c1 { loop: [V1, S, R1, C1] }",
    ),
    WorkedExample(
        problem="A 2 kg block on a 30° incline is tied by a string over a pulley at the top of the incline "
        "to a hanging 3 kg mass. Find the acceleration.",
        understand="Entities: incline (30°), block A (2 kg) on it, pulley at its top, hanging mass B (3 kg), "
        "string from A over the pulley to B. Asked: acceleration (not drawn).",
        plan="floor; incline on it; box A on the slope; pulley on the incline's top corner; box B hangs "
        "from the pulley; rope through A's uphill face, the pulley and B's top; weights as forces.",
        scene='scene "Block on an incline tied over a pulley to a hanging mass"\n'
        "floor f\n"
        'incline ramp on f { angle: 30 deg, base: 6 }\n'
        'box A on ramp { along: 0.45, length: 1.2, height: 0.8, text: "2 kg" }\n'
        "pulley P on ramp.top\n"
        'box B hangs from P { gap: 1.5, length: 0.9, height: 0.9, text: "3 kg" }\n'
        "rope r through [A.right, P, B.top]\n"
        'force W from B.bottom { direction: down, length: 1, label: "$m_B g$" }',
    ),
    WorkedExample(
        problem="An ideal gas at state A (10 L, 400 kPa, 240 K) expands at constant pressure to B (20 L), "
        "cools at constant volume to C (200 kPa) and returns isothermally to A. Find the net work.",
        understand="Entities: states A, B, C; processes A→B, B→C, C→A. Values: 10 L, 400 kPa, 240 K, 20 L, "
        "200 kPa. Asked: the work (an area, not written).",
        plan="p–V plot; datapoints with their temperatures; three processes, the last isothermal; "
        "show process names and each state's p, V, T; a grid to read values off.",
        scene='scene "Cycle A-B-C of an ideal gas"\n'
        'plot P { xlabel: "$V$ (L)", ylabel: "$p$ (kPa)", xlim: [0, 30], ylim: [0, 500], '
        "show: [process_names, states, grid] }\n"
        "datapoint A on P at (10, 400) { temperature: 240 K }\n"
        "datapoint B on P at (20, 400)\n"
        "datapoint C on P at (20, 200)\n"
        "process on P from A to B\n"
        "process on P from B to C\n"
        "process on P from C to A { path: isothermal }",
    ),
    WorkedExample(
        problem="In peas, round seeds (R) are dominant over wrinkled seeds (r). Two heterozygous plants are "
        "crossed. What fraction of the offspring has wrinkled seeds?",
        understand="Entities: two parent plants Rr, their offspring. Notation: R round, r wrinkled. Asked: "
        "the fraction wrinkled (the offspring cells and ratio are the answer).",
        plan="punnett_square of Rr x Rr with the traits; a key for the letters; answer: hidden.",
        scene='scene "Cross of two heterozygous pea plants"\n'
        'punnett_square peas { cross: "Rr x Rr", traits: [["round", "wrinkled"]], show: [key], '
        "answer: hidden }",
    ),
    WorkedExample(
        problem="A 2 kg cart A moving right at 3 m/s on a frictionless track collides with a 1 kg cart B at "
        "rest. Find their speed if they stick together.",
        understand="Entities: carts A and B on a track. Values: 2 kg, 3 m/s (to the right), 1 kg, at rest; "
        "no friction. Asked: the common speed (not drawn).",
        plan="floor; box A on it, box B to its right; a velocity arrow at A pointing right; a givens box "
        "with the masses, B at rest and no friction.",
        scene='scene "Cart A moving towards cart B at rest"\n'
        "floor f\n"
        'box A on f { length: 1.6, height: 0.8, text: "A" }\n'
        'box B on f right of A { gap: 3, length: 1.2, height: 0.8, text: "B" }\n'
        'arrow v from A.right { direction: right, length: 1.4, label: "$v_A = 3$ m/s" }\n'
        'givens g right of B { lines: ["$m_A = 2$ kg", "$m_B = 1$ kg", "$v_B = 0$", "no friction"] }',
    ),
)


def render_examples(
    examples: tuple[WorkedExample, ...] = WORKED_EXAMPLES, tool: str = "compile_scene"
) -> str:
    """The worked examples as prompt text."""
    where = "the `scene` argument of the call" if tool == "compile_scene" else "the scene, as text"
    blocks = ["Examples of the method:"]
    for ex in examples:
        blocks.append(
            f"Problem: {ex.problem}\n1. {ex.understand}\n2. {ex.plan}\n3. {where}:\n```sdl\n{ex.scene}\n```"
        )
    return "\n\n".join(blocks)


def system_prompt(reference: str | None = None, tool: str = "compile_scene") -> str:
    """The system message: the illustrator's method, worked examples, then the language reference."""
    return SYSTEM_TEMPLATE.format(
        tool=tool,
        examples=render_examples(tool=tool),
        reference=(reference or REFERENCE_FALLBACK).strip(),
    )


def user_prompt(problem: str, tool: str = "compile_scene") -> str:
    """The first user message, carrying the problem text."""
    return TEXT_USER_TEMPLATE.format(problem=problem.strip(), tool=tool)


def initial_messages(
    problem: str, reference: str | None = None, tool: str = "compile_scene"
) -> list[dict[str, Any]]:
    """System and user messages that open a generation."""
    return [
        {"role": "system", "content": system_prompt(reference, tool)},
        {"role": "user", "content": user_prompt(problem, tool)},
    ]


NO_TOOL_CALL = (
    "No scene arrived. Call {tool} with the complete scene as its `scene` argument "
    "(do not put the scene only in your message text)."
)
REVIEW = (
    "Review the figure against the problem: is every given entity, value and relation shown, with "
    "the problem's names and a key for notation to decode, the situation (direction of motion, "
    "observer, medium) drawn, and nothing that the problem asks the reader to find? If it is right, "
    "reply DONE without calling a tool. If not, call {tool} with the whole corrected scene."
)
REVIEW_IMAGE = (
    "Here is the figure as a reader sees it. Critique it as a teacher would, against the problem: is "
    "anything missing (a given value, a name, the direction of motion, a key for notation), wrong (a "
    "relation, a direction, a value), unreadable (overlapping or tiny text), or does it give the answer "
    "away? If it is right, reply DONE without calling a tool. If not, call {tool} once with the whole "
    "revised scene."
)


def image_review_message(png: bytes, tool: str) -> dict[str, Any]:
    """A user message carrying the rendered figure as an image part, asking for one critique-and-revise turn."""
    import base64

    url = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return {"role": "user", "content": [{"type": "text", "text": REVIEW_IMAGE.format(tool=tool)},
                                        {"type": "image_url", "image_url": {"url": url}}]}


CUT_OFF = (
    "Your reply was cut off at the output limit: keep the plan short and send the scene sooner."
)
BAD_ARGUMENTS = (
    "The {name} call could not be read: {why}. Call {tool} again; its arguments must be one JSON "
    "object with a `scene` field holding the complete scene."
)
UNKNOWN_TOOL = "There is no tool named {name!r}. Call {tool} with the complete scene."
EXTRA_CALL = "Ignored: send one scene per turn."
