"""Diagnostic codes of the chemistry domain."""

CODES: dict[str, str] = {
    "E3001": "a SMILES string is malformed",
    "E3002": "a SMILES string or molecule has no atoms",
    "E3003": "a molecule has more atoms than the limit",
    "E3004": "an atom has more bonds than its valence allows",
    "E3005": "aromatic atoms cannot be given alternating single and double bonds",
    "E3006": "an element symbol in a SMILES string or atom is unknown",
    "E3007": "a SMILES ring bond is opened but never closed",
    "E3008": "SMILES branch parentheses do not match",
    "E3010": "a chemical formula is malformed",
    "E3011": "a chemical formula names an unknown element",
    "E3020": "a reaction does not conserve every element",
    "E3021": "a reaction does not conserve charge",
    "E3022": "a chemical equation is malformed",
    "E3023": "a species' SMILES does not match its formula, or the SMILES list has the wrong length",
    "E3030": "an explicit bond or atom is impossible: unknown atom, self-bond, bond listed twice, "
             "impossible charge or counts",
    "E3032": "a molecule has both a SMILES string and atom statements, or neither",
    "E3033": "an atom or bond belongs to something that is not a molecule of atoms",
    "E3040": "unknown crystal lattice",
    "E3041": "a crystal lists the wrong number of species for its lattice",
    "E3042": "an atom index in numbers, labels or highlights does not exist",
    "E3090": "an ion's charge is impossible (beyond the limit, or more electrons lost than its atoms have)",
    "W3001": "lone pairs are only drawn for small molecules",
}
