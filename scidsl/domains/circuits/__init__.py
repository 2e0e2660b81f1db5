"""Electric circuits: topology checks (networkx), exact equivalents (sympy), schematic layout."""
