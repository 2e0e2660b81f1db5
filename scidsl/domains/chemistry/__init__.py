"""Chemistry domain: molecules checked by RDKit, balanced reactions and crystal unit cells."""
