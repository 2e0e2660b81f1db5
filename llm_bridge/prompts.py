"""The prompt pack: understand → plan → scene, as a careful illustrator of a textbook problem works."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SYSTEM_TEMPLATE = """\
You draw the figure for a science problem, the way a careful textbook illustrator does. You do not \
draw with coordinates: you write a scidsl scene that states what the problem gives, and the scidsl \
compiler checks it, lays it out and renders it. Work in three steps.

1. Understand. List every given entity (points, lines, bodies, components, molecules, sets, \
organisms ...), every given value with its unit, and every given relation (on, between, \
perpendicular, parallel, connected in series, bonded, inherits ...). Note what the figure must show \
and how the problem names things; keep those names.

2. Plan. Pick the scidsl kinds for these entities from the reference below. Map each given value and \
relation to a property or a `given` fact. State only what is given: never the solution, never a \
value the problem asks the reader to find (an unknown gets a label such as "x" or "?", not a \
number). Every given value must be drawn. A kind that computes a result the problem asks for (a \
Punnett square's offspring, a Venn region, a lens image, a root) gets `answer: hidden` or \
`answer: "?"`. Before a figure is accepted its facts are compared with the problem: a given it misses \
or an answer it draws comes back as a note to fix. Do not add objects the problem does not mention. \
Decide which labels the figure needs. Place physical things by relations, never by computing page coordinates: a body rests `on` a floor, a slope or another body, `hangs from` a ceiling, a spring or a pulley, stands `left of` / `right of` / `above` / `below` another, sits `on` a point or a rim; a pulley sits `on ramp.top`; a rope runs `through [A.right, P, B.top]`; a force starts at a member (`b.left`, `A.bottom`, `A`) with a `direction` (an angle, left/right/up/down, `ramp.slope`, `normal(ramp.slope)`, `towards(C)`). Lengths with units (2 m) are drawn to one scale.

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
    "the problem's names, and nothing that the problem asks the reader to find? If it is right, "
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
