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
}
CODES.update({
    "E9734": "a string vibrator's stated frequency differs from n/(2L)·√(T/μ)",
    "E9735": "a travelling wave's stated speed differs from fλ, or a length or frequency not above zero",
})
