"""Diagnostic codes of wave optics and the photoelectric effect."""

CODES: dict[str, str] = {
    "E9740": "a stated refraction angle disagrees with Snell's law (or the ray is totally reflected)",
    "E9741": "a prism's stated deviation disagrees with the refraction at its two faces",
    "E9742": "double slits that give no fringes: slit separation not above the wavelength (or so far above that the "
             "fringes merge), an order beyond 90°, or slits wider than their separation",
    "E9743": "a stated fringe spacing disagrees with λL/d, or the small-angle formula does not hold there",
    "E9744": "an interferometer's stated fringe count disagrees with 2·shift/λ, or cannot be computed",
    "E9745": "light below the threshold frequency stated to produce a photocurrent",
    "E9746": "a stated stopping voltage disagrees with (hf − φ)/e",
    "E9747": "photoelectric light needs its frequency or its wavelength, and both must agree (c = fλ)",
    "E9748": "a drawn ray breaks the law it was computed by (Snell's law, the deviation) on the page",
}
