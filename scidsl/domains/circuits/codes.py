"""Diagnostic codes of the circuits domain."""

CODES: dict[str, str] = {
    "E2001": "two parts of one circuit share a name (only when circuits are built directly)",
    "E2002": "a circuit names a part that is not declared or is not a circuit part",
    "E2003": "a part is placed twice (in two loops, or in a loop and with `between`)",
    "E2004": "`between` lists the wrong number of nodes for the part",
    "E2005": "a terminal reference names a terminal the part does not have",
    "E2006": "a value has the wrong unit for its property (farads on a resistor)",
    "E2007": "a part or one of its terminals is not connected",
    "E2008": "a wire ends nowhere",
    "E2009": "a voltage source is shorted by a wire or a closed switch",
    "E2010": "an ideal current source is left open",
    "E2011": "parts form a sub-circuit not joined to the rest",
    "E2012": "the circuit has more parts than the limit",
    "E2013": "the circuit's topology cannot be laid out as a schematic",
    "E2014": "the drawn schematic does not match the circuit (after-render check)",
    "E2015": "a resistance, capacitance or inductance is not positive",
    "E2016": "a loop or network is not a list of parts, series(), parallel() and node()",
    "E2090": "ideal voltage sources in parallel state different voltages",
    "W2001": "an ammeter is in parallel with a part",
    "W2002": "a voltmeter is in series with a part",
    "W2003": "a part is shorted by a wire",
}
