"""Diagnostic codes of the biology domain."""

CODES: dict[str, str] = {
    "E9001": "an organelle name is not known",
    "E9002": "an organelle is not found in that type of cell (chloroplasts in an animal cell)",
    "E9003": "the two template strands of a replication fork are not antiparallel",
    "E9004": "the leading strand is placed on the template it cannot be made on continuously",
    "E9005": "the Okazaki fragments are placed on the leading side",
    "E9006": "a new strand is stated to grow 3'→5' (DNA is made only 5'→3')",
    "E9007": "an enzyme name is not known at a replication fork",
    "E9030": "an ecological pyramid has more or fewer values than levels",
    "E9031": "a level of an ecological pyramid has a value that is not positive",
    "E9032": "a pyramid of energy grows from one level to the next (energy pyramids are never inverted)",
    "E9033": "the feeding links of a food web go round in a loop",
    "E9034": "a food web has neither pairs nor a chain, or a pair is not [eater, food]",
    "E9035": "a stated producer eats something, or an organism that eats nothing is not a stated producer",
    "E9020": "labels of the drawn figure cross or leave their place (a bug in the biology renderer)",
    "W9001": "an organelle textbooks leave out of this type of cell (lysosomes, centrosomes in plant cells)",
    "W9002": "an organelle or enzyme is listed twice",
    "W9003": "a part inside the nucleus is listed without the nucleus (the nucleus is drawn too)",
    "W9004": "too few Okazaki fragments to show every listed enzyme at a junction",
}
