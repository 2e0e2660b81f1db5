"""Diagnostic codes of the plots domain."""

CODES: dict[str, str] = {
    "E6001": "`on` names no plot, or the scene has several plots and the statement names none",
    "E6002": "an expression uses names other than its variable (x, or t) or functions a graph cannot compute",
    "E6003": "an interval or window is empty or reversed",
    "E6004": "a tick step gives more ticks than the limit per axis",
    "E6005": "a curve has no finite value inside the window",
    "E6006": "a mark, shade or process names something that is not a curve or point of that kind",
    "E6007": "tick labels and ticks, or chart labels and values, differ in number",
    "E6008": "chart values are invalid (negative or all zero in a pie chart)",
    "E6009": "histogram bins are invalid (edges not increasing, counts not one per bin, no data)",
    "E6010": "the end states of a process do not lie on its path (isobar, isochore, isotherm, adiabat)",
    "E6011": "a data position names no datapoint or is not (x, y)",
    "E6012": "a marked point is drawn away from its data coordinates",
    "E6013": "a marked point is drawn off the curve it belongs to",
    "E6014": "a mark or shade is missing what it needs (at or x; under or between)",
    "E6091": "the area of a shaded region is too large to compute (it overflows)",
    "W6001": "a requested special point does not exist in the interval",
    "W6002": "a point lies outside the plot window and is not drawn",
}
