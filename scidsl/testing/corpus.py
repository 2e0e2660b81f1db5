"""Small bundled corpora for generated scenes: molecules with their formulas, balanced reactions.

Both lists run from small to large, so that a failing example shrinks towards the simplest entry.
"""
from __future__ import annotations

# (name, SMILES, molecular formula in Hill order, number of rings)
MOLECULES: tuple[tuple[str, str, str, int], ...] = (
    ("methane", "C", "CH4", 0),
    ("ethyne", "C#C", "C2H2", 0),
    ("methylamine", "CN", "CH5N", 0),
    ("ethanol", "CCO", "C2H6O", 0),
    ("dimethyl_ether", "COC", "C2H6O", 0),
    ("acetaldehyde", "CC=O", "C2H4O", 0),
    ("propene", "C=CC", "C3H6", 0),
    ("cyclopropane", "C1CC1", "C3H6", 1),
    ("chloroform", "ClC(Cl)Cl", "CHCl3", 0),
    ("acetone", "CC(C)=O", "C3H6O", 0),
    ("acetic_acid", "CC(=O)O", "C2H4O2", 0),
    ("urea", "NC(N)=O", "CH4N2O", 0),
    ("isobutane", "CC(C)C", "C4H10", 0),
    ("nitromethane", "C[N+](=O)[O-]", "CH3NO2", 0),
    ("glycine", "NCC(=O)O", "C2H5NO2", 0),
    ("furan", "c1ccoc1", "C4H4O", 1),
    ("glycerol", "OCC(O)CO", "C3H8O3", 0),
    ("lactic_acid", "CC(O)C(=O)O", "C3H6O3", 0),
    ("alanine", "CC(N)C(=O)O", "C3H7NO2", 0),
    ("ethyl_acetate", "CCOC(C)=O", "C4H8O2", 0),
    ("benzene", "c1ccccc1", "C6H6", 1),
    ("pyridine", "c1ccncc1", "C5H5N", 1),
    ("cyclohexane", "C1CCCCC1", "C6H12", 1),
    ("phenol", "Oc1ccccc1", "C6H6O", 1),
    ("toluene", "Cc1ccccc1", "C7H8", 1),
    ("benzoic_acid", "OC(=O)c1ccccc1", "C7H6O2", 1),
    ("naphthalene", "c1ccc2ccccc2c1", "C10H8", 2),
    ("aspirin", "CC(=O)Oc1ccccc1C(=O)O", "C9H8O4", 1),
    ("caffeine", "Cn1cnc2c1c(=O)n(C)c(=O)n2C", "C8H10N4O2", 2),
    ("ibuprofen", "CC(C)Cc1ccc(cc1)C(C)C(=O)O", "C13H18O2", 1),
)

Side = tuple[tuple[int, str], ...]

# balanced reactions as (reactants, products), each a tuple of (coefficient, formula)
REACTIONS: tuple[tuple[Side, Side], ...] = (
    (((2, "H2"), (1, "O2")), ((2, "H2O"),)),
    (((1, "CaCO3"),), ((1, "CaO"), (1, "CO2"))),
    (((1, "N2"), (3, "H2")), ((2, "NH3"),)),
    (((2, "Na"), (1, "Cl2")), ((2, "NaCl"),)),
    (((1, "Zn"), (2, "HCl")), ((1, "ZnCl2"), (1, "H2"))),
    (((1, "AgNO3"), (1, "NaCl")), ((1, "AgCl"), (1, "NaNO3"))),
    (((2, "KClO3"),), ((2, "KCl"), (3, "O2"))),
    (((4, "Fe"), (3, "O2")), ((2, "Fe2O3"),)),
    (((2, "Al"), (6, "HCl")), ((2, "AlCl3"), (3, "H2"))),
    (((1, "Fe2O3"), (3, "CO")), ((2, "Fe"), (3, "CO2"))),
    (((1, "H2SO4"), (2, "NaOH")), ((1, "Na2SO4"), (2, "H2O"))),
    (((1, "C6H12O6"), (6, "O2")), ((6, "CO2"), (6, "H2O"))),
)


def alkane_combustion(n: int) -> tuple[Side, Side]:
    """CnH(2n+2) burning in oxygen, with the smallest whole coefficients."""
    k = 1 if n % 2 else 2  # (3n + 1) / 2 oxygen molecules is whole only for odd n
    fuel = f"C{n if n > 1 else ''}H{2 * n + 2}"
    return (((k, fuel), (k * (3 * n + 1) // 2, "O2")), ((k * n, "CO2"), (k * (n + 1), "H2O")))


def scaled(reaction: tuple[Side, Side], factor: int) -> tuple[Side, Side]:
    """Every coefficient multiplied by `factor` (still balanced)."""
    return tuple(tuple((c * factor, f) for c, f in side) for side in reaction)  # type: ignore[return-value]


def equation_text(reaction: tuple[Side, Side]) -> str:
    """`2 H2 + O2 -> 2 H2O`."""
    def side(terms: Side) -> str:
        return " + ".join(f if c == 1 else f"{c} {f}" for c, f in terms)

    return f"{side(reaction[0])} -> {side(reaction[1])}"
