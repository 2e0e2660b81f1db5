"""Choosing an intersection by exclusion: `other_than` gives the crossing that is not the named point."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import compile_ok as _compile


@settings(max_examples=10, deadline=None)
@given(st.integers(30, 45).map(lambda n: n / 10), st.integers(20, 30).map(lambda n: n / 10), st.sampled_from([1, 2]))
def test_other_than_picks_the_second_crossing(d: float, r2: float, which: int) -> None:
    result = _compile(f"point O1 at (0, 0)\npoint O2 at ({d}, 0)\ncircle c1 {{ center: O1, radius: 3 }}\n"
                      f"circle c2 {{ center: O2, radius: {r2} }}\nintersection A of [c1, c2] {{ which: {which} }}\n"
                      "intersection B of [c1, c2] { other_than: A }")
    a, b, o1, o2 = (result.drawing.anchors[n] for n in ("A", "B", "O1", "O2"))
    assert math.dist(a, b) > 1e-3
    # B is a crossing too: in the same ratio to both centres as A
    assert math.isclose(math.dist(b, o1) / math.dist(b, o2), math.dist(a, o1) / math.dist(a, o2), rel_tol=1e-6)


def test_an_intersection_chosen_by_exclusion_is_stated_as_a_fact() -> None:
    result = _compile("point O1 at (0, 0)\npoint O2 at (4, 0)\ncircle c1 { center: O1, radius: 3 }\n"
                      "circle c2 { center: O2, radius: 2.5 }\nintersection A of [c1, c2] { which: 1 }\n"
                      "intersection B of [c1, c2] { other_than: A }")
    facts = {f.args: (f.value, f.text) for f in result.facts if f.predicate == "intersection"}
    assert facts[("A", "c1", "c2")] == (None, "A is where c1 and c2 meet")
    assert facts[("B", "c1", "c2")] == (["A"], "B is where c1 and c2 meet, other than A")
