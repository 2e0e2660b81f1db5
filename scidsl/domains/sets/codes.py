"""Diagnostic codes of the sets domain."""

CODES: dict[str, str] = {
    "E7501": "a Venn diagram needs 2 or 3 sets with different names",
    "E7502": "a region, size or shade names a set the diagram does not have",
    "E7503": "a region is given twice, or an entry is not [region, count] / [region, count, label] / [region, [elements]]",
    "E7504": "a count or size is negative or not a number",
    "E7505": "the regions of a set (or intersection) do not add up to its given size",
    "E7506": "the regions and the outside count do not add up to the universe total",
    "E7507": "a region computed from the given sizes would be negative",
    "E7508": "the counts or elements do not fit inside their regions",
    "E7509": "a region label or element cannot be drawn (bad math text)",
    "E7510": "a count is drawn outside its region",
    "W7501": "a region is neither given nor computable from the sizes; it is left empty",
}
