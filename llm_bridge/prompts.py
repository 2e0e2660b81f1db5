"""The prompt pack: understand → plan → scene, as a careful illustrator of a textbook problem works."""

from __future__ import annotations

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
number). Do not add objects the problem does not mention. Decide which labels the figure needs.

3. Scene. Call {tool} once with the complete scene. If the compiler answers with diagnostics, fix \
exactly what they point at and call {tool} again with the whole corrected scene.

Write steps 1 and 2 briefly as plain text before the tool call.

{reference}"""

REFERENCE_FALLBACK = """\
# scidsl in brief
One statement shape: `kind [name] ["text"] (relword value)* [{ key: value, ... }]`.
relwords: of on at from to through with between. Facts: `given <expr> [= < > <= >= <expr>] [{ props }]`.
Values: numbers, quantities with units (`30 deg`, `4 ohm`, `9.8 m/s^2`), "strings", true/false, names,
member refs (`R1.left`), lists `[a, b]`, points `(x, y)`, calls `series(R1, R2)`, arithmetic.
Comments start with #. Statements end at a newline or `;`."""

TEXT_USER_TEMPLATE = """\
Problem:
{problem}

Draw the figure for this problem. Understand, plan, then call {tool} with the scene."""


def system_prompt(reference: str | None = None, tool: str = "compile_scene") -> str:
    """The system message: the illustrator's method followed by the language reference."""
    return SYSTEM_TEMPLATE.format(tool=tool, reference=(reference or REFERENCE_FALLBACK).strip())


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
BAD_ARGUMENTS = (
    "The {name} call could not be read: {why}. Call {tool} again; its arguments must be one JSON "
    "object with a `scene` field holding the complete scene."
)
UNKNOWN_TOOL = "There is no tool named {name!r}. Call {tool} with the complete scene."
EXTRA_CALL = "Ignored: send one scene per turn."
CHECK_PASSED = "The scene checks without errors. Call {tool} with it to render the figure."
