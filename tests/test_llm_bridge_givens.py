"""Givens shown, unknowns hidden: the note `generate` sends before accepting a figure."""

from __future__ import annotations

from tests.llm_server import ScriptedServer, scene_call, text_reply

import scidsl
from scidsl.llm_bridge.agent import Agent, AgentConfig
from scidsl.llm_bridge.compiler import compile_outcome, tool_definitions
from scidsl.llm_bridge.endpoint import make_client
from scidsl.llm_bridge.givens import drawn_answers, givens_note, missing_givens
from scidsl.llm_bridge.retry import RetryPolicy

FAST = RetryPolicy(timeout_s=5.0, max_retries=1, base_delay_s=0.001, max_delay_s=0.01)
PROBLEM = (
    "A 12 V battery is connected to a 4 Ω resistor R1 in series with a 6 Ω resistor R2. "
    "Find the current."
)
NO_VOLTAGE = (
    "battery V1\nresistor R1 { resistance: 4 ohm }\nresistor R2 { resistance: 6 ohm }\n"
    "circuit c { loop: [V1, R1, R2] }"
)
COMPLETE = NO_VOLTAGE.replace("battery V1", "battery V1 { voltage: 12 V }")
CROSS = "Two heterozygous plants Aa are crossed. What fraction of the offspring is aa?"


def _facts(text: str) -> list[dict]:
    result = scidsl.compile(text)
    assert result.ok
    return [f.to_dict() for f in result.facts]


def test_a_given_value_missing_from_the_figure_is_named() -> None:
    assert missing_givens(PROBLEM, _facts(NO_VOLTAGE)) == ["12 V"]
    assert missing_givens(PROBLEM, _facts(COMPLETE)) == []


def test_a_name_missing_from_the_figure_is_named() -> None:
    text = "resistor R1 { resistance: 4 ohm }\nresistor R3 { resistance: 6 ohm }\ncircuit c { loop: [R1, R3] }"
    assert "R2" in missing_givens("R1 = 4 Ω and R2 = 6 Ω are in series.", _facts(text))


def test_a_drawn_answer_is_named_and_a_hidden_one_is_not() -> None:
    shown = _facts('punnett_square P { cross: "Aa x Aa" }')
    hidden = _facts('punnett_square P { cross: "Aa x Aa", answer: hidden }')
    assert any("aa" in d for d in drawn_answers(CROSS, shown))
    assert drawn_answers(CROSS, hidden) == []
    note = givens_note(CROSS, shown)
    assert note is not None and "answer: hidden" in note
    assert givens_note(CROSS, hidden) is None


def test_a_problem_that_asks_nothing_gets_no_note_about_answers() -> None:
    assert (
        drawn_answers(
            "Two heterozygous plants Aa are crossed.",
            _facts('punnett_square P { cross: "Aa x Aa" }'),
        )
        == []
    )


def test_the_agent_sends_the_note_before_accepting_and_takes_the_repair() -> None:
    with ScriptedServer([scene_call(NO_VOLTAGE), scene_call(COMPLETE)]) as server:
        client = make_client(server.base_url, api_key_env="SCIDSL_TEST_NO_SUCH_KEY", policy=FAST)
        config = AgentConfig(model="scripted", retry=FAST, endpoint="loopback")
        result = Agent(client, compile_outcome, tool_definitions(), config, reference="R").run(
            PROBLEM
        )
    assert result.ok and result.scene == COMPLETE
    note = server.requests[1]["messages"][-1]["content"]
    assert "does not show them: 12 V" in note
    assert len(server.requests) == 2


def test_the_agent_accepts_the_figure_when_the_model_keeps_it() -> None:
    with ScriptedServer([scene_call(NO_VOLTAGE), text_reply("DONE")]) as server:
        client = make_client(server.base_url, api_key_env="SCIDSL_TEST_NO_SUCH_KEY", policy=FAST)
        config = AgentConfig(model="scripted", retry=FAST, endpoint="loopback")
        result = Agent(client, compile_outcome, tool_definitions(), config, reference="R").run(
            PROBLEM
        )
    assert result.ok and result.scene == NO_VOLTAGE


def test_hidden_facts_are_not_listed_as_shown_to_the_model() -> None:
    outcome = compile_outcome('punnett_square P { cross: "Aa x Aa", answer: hidden }', render=False)
    assert not any("→" in f for f in outcome.facts)
    assert any(f["hidden"] for f in outcome.fact_data)


def test_values_are_read_with_or_without_a_space_and_not_from_formulas_or_powers() -> None:
    from scidsl.llm_bridge.givens import _numbers

    text = "A 12V battery, 4Ω and 6 Ω, 30°, x^2, H2O, the 2nd plate, 10^3 m, 2.5 kg, CH4. AB is 7."
    assert _numbers(text) == [12.0, 4.0, 6.0, 30.0, 2.5, 7.0]


def test_the_agent_names_a_drawn_answer_before_accepting_and_takes_the_hidden_one() -> None:
    shown, hidden = 'punnett_square P { cross: "Aa x Aa" }', 'punnett_square P { cross: "Aa x Aa", answer: hidden }'
    with ScriptedServer([scene_call(shown), scene_call(hidden)]) as server:
        client = make_client(server.base_url, api_key_env="SCIDSL_TEST_NO_SUCH_KEY", policy=FAST)
        config = AgentConfig(model="scripted", retry=FAST, endpoint="loopback")
        result = Agent(client, compile_outcome, tool_definitions(), config, reference="R").run(CROSS)
    assert result.ok and result.scene == hidden
    note = server.requests[1]["messages"][-1]["content"]
    assert "draws results the problem asks the reader to find" in note and "aa" in note
    assert len(server.requests) == 2
