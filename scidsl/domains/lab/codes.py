"""Diagnostic codes of the laboratory apparatus domain."""

CODES: dict[str, str] = {
    "E9501": "a burette reading is negative or beyond the burette's capacity",
    "E9502": "a volume or capacity is not given in a unit of volume (mL, L)",
    "E9503": "a vessel's contents exceed its capacity (or a pipette delivers more than its vessel holds)",
    "E9504": "an apparatus names something of the wrong kind (a burette on a beaker, a pipette into a stand)",
    "E9505": "a concentration is not given in a unit of concentration (M, mol/L)",
    "E9506": "a place is taken twice (two burettes on one stand, two vessels under one burette)",
    "E9507": "a burette's initial reading is larger than its reading",
    "E9508": "a capacity is zero, negative or beyond the sizes of laboratory glassware",
    "E9509": "the drawn liquid level does not match the burette reading (a bug in the lab renderer)",
    "E9520": "a thermometer reading lies outside its scale",
    "E9521": "a temperature, scale or heat capacity is not in its unit (degC or K, J/K, g)",
    "E9522": "a thermometer scale is empty, reversed or wider than glass thermometers are made",
    "E9523": "a bomb calorimeter without a sample, or a coffee-cup calorimeter given a bomb's constant",
    "E9524": "the drawn thermometer column does not match its reading (a bug in the lab renderer)",
    "W9520": "a thermometer reading is finer than a tenth of its smallest division",
    "W9501": "a burette reading has more precision than a burette can be read to (0.01 mL)",
}
