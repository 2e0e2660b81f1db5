"""Diagnostic codes of the drawing layer."""

CODES: dict[str, str] = {
    "E4001": "a position names no point or anchor",
    "E4002": "a position is not a pair of numbers",
    "E4003": "a curve needs either `through` points or `y` with an `x` interval",
    "E4004": "a curve's expression cannot be evaluated",
    "E4005": "a group names an item that is not a drawing item or is in two groups",
    "E4006": "a coordinate is outside the allowed range",
    "E4007": "an angle mark's stated value differs from the angle its arms make",
    "E4010": "dimensions that state lengths are not drawn to one scale",
    "E4011": "an item would draw too many repeated marks (hatch strokes, field symbols, flow arrow heads)",
    "E4012": "a ray diagram names something that is not a lens with a focal length",
    "E4013": "a spherical mirror is taller than its diameter of curvature",
    "E4014": "a rope cannot run as stated (a pulley without a position on each side, or a point inside a pulley)",
    "E4015": "a block is not on an incline declared before it",
    "E4016": "an incline's angle is not between 0 and 90 degrees",
    "E4017": "a stated angle or length does not hold on the drawn page (a bug in the drawing layer)",
    "E4018": "field lines name something that is not a charge declared before them, or every charge is zero",
    "E4019": "a field's lines pass behind something that is not a closed shape declared before it",
    "E4009": "the two ends of a spring bent about a centre are not on one circle about it",
    "E4008": "two positions that must differ coincide (a spring, surface, dimension, note or field of no size)",
    "E4090": "a group contains itself through the groups it holds",
}
