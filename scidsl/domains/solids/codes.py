"""Diagnostic codes of solid geometry."""

CODES: dict[str, str] = {
    "E8501": "a solid's name does not spell the number of vertices its kind has",
    "E8502": "a point is named twice in one solid, or two solids declare the same point",
    "E8503": "a solid's dimensions do not fit its kind (e.g. `side` on a rectangular base, `corners` with `side`, "
             "a length that is zero or beyond 10^6)",
    "E8504": "a base polygon is not convex or has no area",
    "E8505": "a point, segment, angle or fact names a point that no solid or point3d declares",
    "E8506": "a point3d construction is not one of center(...), midpoint(..), foot(P, plane) or on XY",
    "E8507": "a fact is not a length of two points or an angle of three points (solid figures take only these)",
    "E8508": "the stated dimensions and facts admit no solid (e.g. a lateral edge shorter than half the base "
             "diagonal)",
    "E8509": "stated dimensions and facts contradict each other",
    "E8511": "an angle has a zero arm, or a segment has coinciding ends",
    "E8512": "a drawn vertex is not the projection of its solved point (a bug in the drawing)",
    "E8513": "an edge is drawn solid although a face hides it, or dashed although it is visible (a bug)",
    "E8514": "too many solids or points for one figure",
    "E8515": "the view is degenerate (seen exactly from above or from the side): faces would be seen edge-on",
    "E9762": "a solid stated `on` another that has no flat top face (an apex, a pole), is not declared before it, "
             "or is also placed with `at`",
    "E9763": "a solid's base does not fit on the top face of the solid it stands on",
    "E8530": "segments marked with the same number of ticks are not equal in the solved solid",
    "W8501": "a dimension is not fixed by the statements; a default proportion is drawn",
}
