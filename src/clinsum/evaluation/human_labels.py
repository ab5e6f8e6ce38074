"""The MTS-Dialog correlation study's human judgements, to measure the faithfulness checker against people.

Each row is an automatic summary of an MTS-Dialog dialogue with annotators' fact-level scores. Two yes/no
labels follow from them: *hallucinated* (``HallucinationRate > 0``: a fact not in the dialogue) and
*unfaithful* (``FactualPrecision < 1``: any incorrect or invented fact).
"""

from __future__ import annotations

import csv
from pathlib import Path

from clinsum.data.dataset import DataError

LABELS = {"hallucinated": "HallucinationRate > 0", "unfaithful": "FactualPrecision < 1"}
COLUMNS = ("row", "ID", "Dialogue", "Automatic Summary", "FactualPrecision", "HallucinationRate")


def load_study(path: str | Path) -> list[dict]:
    """Rows of a human-label file with the two labels added as booleans."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    missing = [c for c in COLUMNS if rows and c not in rows[0]]
    if not rows or missing:
        raise DataError(path, f"not a human-label file (missing columns: {', '.join(missing) or 'all rows'})",
                        fix=f"pass a CSV with the columns {', '.join(COLUMNS)}")
    for i, r in enumerate(rows, start=2):
        try:
            r["hallucinated"] = float(r["HallucinationRate"]) > 0
            r["unfaithful"] = float(r["FactualPrecision"]) < 1
        except ValueError:
            raise DataError(path, "HallucinationRate and FactualPrecision must be numbers", row=i,
                            fix="fix or drop that row") from None
    return rows
