"""scidsl.testing: every strategy draws scenes that compile, verify and state their facts; every mutation
gets its code; the builders behind them compute what they claim."""
from __future__ import annotations

import math
import subprocess
import sys
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scidsl
from scidsl.build import build_from_json
from scidsl.testing import ANY, BrokenScene, ExpectedFact, SceneCase, corpus, number_of
from scidsl.testing import math_scenes as ms
from scidsl.testing import science_scenes as ss
from scidsl.testing import strategies as sds
from scidsl.testing.markers import expected_codes
from scidsl.testing.snapshots import dump_facts, facts_diff, image_distance

VALID = ["triangles", "circuits", "netlists", "molecules", "reactions", "plots", "venns", "punnett_squares",
         "tables", "graphs", "trees", "flowcharts", "solids", "titrations", "cells", "inclines", "pulley_systems",
         "relation_chains"]
BROKEN = {"contradictory_triangles": "E1004", "impossible_triangles": "E1004", "nonpositive_resistances": "E2015",
          "undeclared_parts": "E2002", "overvalent_molecules": "E3004", "unbalanced_reactions": "E3020",
          "foreign_plot_names": "E6002", "wrong_venn_totals": "E7506", "mismatched_crosses": "E7022",
          "wrong_row_totals": "E7005", "undecided_decisions": "E8020", "overread_burettes": "E9501",
          "misplaced_organelles": "E9002",
          "dangling_edges": "E8001", "cyclic_trees": "E8005", "steep_inclines": "E4016",
          "cyclic_placements": "E4023", "overhanging_bodies": "E4021", "open_netlists": "E2007",
          "impossible_cones": "E8508", "contradicted_diagonals": "E8509"}
FEW = settings(max_examples=4, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", VALID)
def test_every_strategy_draws_scenes_that_compile_verify_and_state_their_facts(name: str) -> None:
    @FEW
    @given(getattr(sds, name)())
    def run(case: SceneCase) -> None:
        result = case.compile()
        case.check(result)
        assert result.diagnostics == [], [(d.code, d.message) for d in result.diagnostics]
        assert case.facts and all(isinstance(f, ExpectedFact) for f in case.facts)
        scene, diags = build_from_json(case.json, "case.json")  # the JSON form is the same scene
        assert diags == [] and scene == result.scene

    run()


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_every_mutation_gets_its_code(name: str) -> None:
    @FEW
    @given(getattr(sds, name)())
    def run(broken) -> None:  # type: ignore[no-untyped-def]
        assert broken.code == BROKEN[name]
        broken.check(broken.compile())
        broken.check(broken.compile(as_json=True, verify=False))

    run()


@settings(max_examples=6, deadline=None, database=None)
@given(sds.scenes(), sds.broken_scenes())
def test_any_scene_and_any_broken_scene(case: SceneCase, broken) -> None:  # type: ignore[no-untyped-def]
    case.check(case.compile())
    broken.check(broken.compile(verify=False))


@FEW
@given(sds.triangles())
def test_the_stated_angles_of_a_triangle_sum_to_180(case: SceneCase) -> None:
    result = case.compile()
    angles = [number_of(f.value) for f in result.facts if f.predicate == "exact" and f.args[0].startswith("angle(")]
    assert len(angles) == 3 and sum(angles) == pytest.approx(180)


@FEW
@given(sds.relation_chains())
def test_relation_chains_place_every_item_by_a_relation(case: SceneCase) -> None:
    result = case.compile()
    case.check(result)
    placed = {f.args[1] for f in result.facts if f.predicate == "relation" and f.args[0] != "over"}
    drawn = {f.args[1] for f in result.facts if f.predicate == "drawn" and f.args[0] not in ("floor", "ceiling")}
    assert " at " not in case.text and drawn and drawn - {"r"} <= placed


def test_a_fact_that_is_not_stated_is_reported_with_what_is() -> None:
    case = ss.reaction_scene((((2, "H2"), (1, "O2")), ((2, "H2O"),)))
    wrong = SceneCase(case.domain, case.text, (ExpectedFact("coefficient", ("r", "O2"), "3"),))
    with pytest.raises(AssertionError, match=r"missing: coefficient\('r', 'O2'\) = '3'"):
        wrong.check(wrong.compile())


def test_broken_scene_check_fails_when_the_scene_compiles() -> None:
    broken = BrokenScene("chemistry", 'reaction r { equation: "2 H2 + O2 -> 2 H2O" }\n', "E3020")
    with pytest.raises(AssertionError, match="expected E3020"):
        broken.check(broken.compile())


def test_expected_facts_compare_numbers_exactly_written_or_not() -> None:
    fact = scidsl.Fact("equivalent_resistance", ("E",), "44/5")
    assert ExpectedFact("equivalent_resistance", ("E",), 8.8).matches(fact)
    assert not ExpectedFact("equivalent_resistance", ("E",), 8.81).matches(fact)
    assert ExpectedFact("equivalent_resistance", ("E",)).matches(fact) and ExpectedFact("x", ()).value is ANY
    assert ExpectedFact("p", ("f",), [1.0, 0.0]).matches(scidsl.Fact("p", ("f",), [1.0000000001, -0.0]))


def test_number_of_parses_exact_forms_and_runs_nothing() -> None:
    assert number_of("180*acos(1/5)/pi") == pytest.approx(78.46304096718453)
    assert number_of("7 cm") is None and number_of(True) is None
    assert number_of("__import__('os').getcwd()") is None


def test_builders_compute_what_they_claim() -> None:
    assert ms.polynomial_text(ms.expand_roots(2, [-1, 1, 2])) == "2*x^3 - 4*x^2 - 2*x + 4"
    assert ms.polynomial_text(ms.expand_roots(-1, [0])) == "-x"
    assert ss.equivalent(("s", [4, ("p", [12, ("s", [6, 2])])])) == Fraction(44, 5)
    genotypes, phenotypes = ms.offspring_ratio(["Aa"], ["Aa"])
    assert genotypes == {"AA": 1, "Aa": 2, "aa": 1} and phenotypes == {"A_": 3, "aa": 1}
    assert corpus.equation_text(corpus.alkane_combustion(2)) == "2 C2H6 + 7 O2 -> 4 CO2 + 6 H2O"
    assert ms.triangle_angles(3, 4, 5)[2] == pytest.approx(90)
    roots = [f.value[0] for f in ms.trig_plot("cos", -2, 2, 2).facts if f.predicate == "marked_point"]
    assert roots == pytest.approx([0.25 * math.pi, 0.75 * math.pi])
    assert ms.quadratic_plot(-1, 5).text == "plot f { y: -x^2 + 5, x: [-4, 4], mark: [roots] }\n"


@pytest.mark.parametrize("index", range(len(corpus.MOLECULES)), ids=[m[0] for m in corpus.MOLECULES])
def test_every_corpus_molecule_states_its_formula(index: int) -> None:
    case = ss.molecule_scene(index)
    case.check(case.compile(verify=False))


def test_fact_snapshots_keep_one_fact_a_line_and_diff_by_fact() -> None:
    facts = [{"predicate": "a", "args": [1], "value": 0.1 + 0.2, "text": "a"},
             {"predicate": "b", "args": [], "value": -0.0}]
    text = dump_facts(facts)
    assert text.count("\n") == 4 and '"value": 0.3' in text and '"value": 0.0' in text
    assert facts_diff(text, text, "s.sdl") == ""
    changed = dump_facts([facts[0], {**facts[1], "value": 2}])
    assert [ln[0] for ln in facts_diff(text, changed, "s.sdl").splitlines()[3:] if ln[0] in "+-"] == ["-", "+"]


def test_image_distance_is_small_for_the_same_figure_and_large_for_another() -> None:
    right = "triangle ABC { right: C }\ngiven length(AC) = 3\ngiven length(BC) = 4\n"
    a = scidsl.compile(right).to_bytes("png", dpi=40)
    b = scidsl.compile('venn v { sets: ["A", "B"], regions: [["A", 1]] }').to_bytes("png", dpi=40)
    assert image_distance(a, a) == 0.0
    assert image_distance(a, b) > 0.02


def test_markers_are_read_as_in_the_case_files() -> None:
    assert expected_codes("a\nb  # E: E2001 E2002\n# E0: E5002\nc # W: W7501") == {
        (2, "E2001"), (2, "E2002"), (0, "E5002"), (4, "W7501")}


def test_the_core_never_imports_hypothesis() -> None:
    code = ("import sys, scidsl, scidsl.testing, scidsl.testing.plugin; "
            "scidsl.compile('triangle ABC\\n'); print('hypothesis' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_strategies_without_hypothesis_say_what_to_install() -> None:
    code = ("import sys, importlib.abc\n"
            "class NoHypothesis(importlib.abc.MetaPathFinder):\n"
            "    def find_spec(self, name, path, target=None):\n"
            "        if name.partition('.')[0] == 'hypothesis':\n"
            "            raise ModuleNotFoundError(name, name=name)\n"
            "sys.meta_path.insert(0, NoHypothesis())\n"
            "import scidsl.testing, scidsl.testing.plugin\n"
            "scidsl.testing.SceneCase('x', 'triangle ABC\\n').compile()\n"
            "try:\n"
            "    import scidsl.testing.strategies\n"
            "except ModuleNotFoundError as e:\n"
            "    print(e.name, e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("hypothesis ") and "pip install 'scidsl[testing]'" in out.stdout


def test_drawn_sizes_are_bounded() -> None:
    @settings(max_examples=30, deadline=None, database=None)
    @given(st.data())
    def run(data: st.DataObject) -> None:
        assert len(ss.resistances(data.draw(sds.NETWORKS))) <= 6
        assert 2 <= len(data.draw(sds.trees()).facts[0].value["nodes"]) <= 9
        assert len(data.draw(sds.graphs()).facts[0].value["nodes"]) <= 7
        chain = data.draw(sds.relation_chains()).text
        assert chain.count("\nbox ") <= 3 and chain.count("\npulley ") <= 2

    run()
