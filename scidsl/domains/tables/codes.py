"""Diagnostic codes of the tables domain."""

CODES: dict[str, str] = {
    "E7001": "a table has no cells",
    "E7002": "a row of cells is longer or shorter than the others (a ragged table)",
    "E7003": "the row or column headers and the rows or columns of cells differ in number",
    "E7004": "a table has more rows, columns or cells than the limit",
    "E7005": "a given row total does not equal the sum of its row",
    "E7006": "a given column total does not equal the sum of its column",
    "E7007": "the given grand total does not equal the sum of all cells",
    "E7008": "totals are asked for, but a row or column holds text or quantities of different units",
    "E7009": "given totals and the rows or columns differ in number",
    "E7010": "a highlighted cell is outside the table or names no header",
    "E7011": "the math text of a cell or a trait cannot be drawn",
    "E7012": "the table is too wide or too tall to draw readably",
    "E7013": "a total row or column is displayed with a value other than its sum",
    "E7014": "a cell's text is drawn outside its cell",
    "E7020": "a cross is not written as two genotypes joined by x, like 'Aa x Aa'",
    "E7021": "a genotype is not made of allele pairs (two letters of one gene, like Aa or BB)",
    "E7022": "the two parents of a cross do not have the same genes",
    "E7023": "a cross has more genes than the limit (3)",
    "E7024": "traits are not one [dominant, recessive] pair per gene",
    "E7025": "an offspring cell shows a genotype other than the union of its row and column gametes",
}
