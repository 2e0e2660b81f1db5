"""Diagnostic codes of the plane-geometry domain."""

CODES: dict[str, str] = {
    "E1001": "a geometry statement or fact names a point that is not declared",
    "E1002": "a name does not spell the points it should (e.g. a segment needs two points)",
    "E1003": "a fact function is used with the wrong arguments",
    "E1004": "the given facts contradict each other",
    "E1005": "the facts force a figure to be flat or collapsed",
    "E1006": "a construction has no answer (parallel lines, a tangent from inside a circle)",
    "E1007": "solving the figure took longer than its time budget",
    "E1008": "a quantity has the wrong kind of unit (a length where an angle belongs)",
    "E1009": "an object is defined in circles or twice",
    "E1010": "a statement is missing what it needs (a circle without centre or points)",
    "E1011": "a polygon has the wrong number of vertices for its kind",
    "E1012": "a name refers to the wrong kind of object (a circle where a segment belongs)",
    "E1030": "other_than is given with which, or on a construction with a single answer",
    "E1031": "the point an intersection skips (other_than) is not where its lines or circles meet",
    "E1020": "a declared fact does not hold in the drawn figure",
    "E1090": "a segment, line, ray or polygon side joins a point to itself (its two points coincide)",
}

# Codes no valid scene file can trigger; tests/test_geometry_domain.py tests each directly.
TESTED_ELSEWHERE: set[str] = {"E1007", "E1020"}
