"""Diagnostic codes of the physics domain."""

CODES: dict[str, str] = {
    "E9701": "energy levels need either `energies` (one per level) or `formula` in n",
    "E9702": "a transition names a level the diagram does not have, or joins a level to itself",
    "E9703": "an emission goes up, or an absorption goes down, in energy",
    "E9704": "a level's energy cannot be computed (not finite, or not a number)",
    "E9705": "a harmonic the tube or string cannot have (a tube closed at one end has odd harmonics only)",
    "E9706": "a standing wave's stated nodes or antinodes do not match its harmonic and ends",
    "E9707": "a projectile that cannot fly as stated (never leaves the ground, angle or speed out of range)",
    "E9708": "a gas state that breaks pV = nRT, or a pressure, volume or temperature not above zero",
    "E9720": "capacitor fillings that do not fit the gap: shares over 1, a share not above 0, or not one per filling",
    "E9721": "a dielectric constant below 1",
    "E9722": "field apparatus placed beside something that is not field apparatus declared before it",
    "E9723": "a sliding rod outside its rails",
    "E9724": "rails, plates or a coil with a size of zero or less",
    "E9725": "two pieces of field apparatus placed on top of each other",
    "E9726": "a wire's field circle asked for without the current's direction",
    "E9710": "an optical element not on an optical bench, or a bench without elements",
    "E9711": "a zero focal length, or a focal length whose sign contradicts the element's type",
    "E9712": "two optical elements at the same position on a bench",
    "E9713": "the object is not in front of every element (light comes from smaller x)",
    "E9714": "the final image is at infinity but a finite image is drawn (object at a focal point)",
    "E9715": "`image: infinity` is stated but the final image is finite",
    "E9716": "an element behind a mirror (light never reaches it), or more than one mirror on a bench",
    "E9717": "an image too far away, too large or too small to draw on one scale with the bench",
    "E9718": "a bench needs either an object (`object_at`) or a parallel `beam` within 45 deg of the axis",
    "E9719": "the drawn rays do not meet at the drawn image (checked on the page)",
}
CODES.update({
    "E9734": "a string vibrator's stated frequency differs from n/(2L)·√(T/μ)",
    "E9735": "a travelling wave's stated speed differs from fλ, or a length or frequency not above zero",
})
