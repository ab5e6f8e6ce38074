"""The triplet file: one (note, chosen summary, rejected summary) row per DPO preference pair.

Defined here, below both sides: ``clinsum negatives`` (:mod:`clinsum.preference`) writes it and
``clinsum dpo`` (:mod:`clinsum.training.dpo`) reads it. JSONL and CSV carry the same columns; a user
may also write the file by hand, so the reader checks every row and names file, row and column.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from clinsum.data.dataset import DataError, read_rows
from clinsum.io import write_csv, write_jsonl

FIELDS = ("id", "prompt", "context", "chosen", "rejected", "strategy", "modification", "source")
REQUIRED = ("prompt", "chosen", "rejected")


@dataclass
class Triplet:
    """One DPO row. ``prompt`` is the note text; the training code formats the model prompt."""

    id: str
    prompt: str
    chosen: str
    rejected: str
    strategy: str | None = None
    modification: dict = field(default_factory=dict)
    source: str | None = None  # "generated", "labelled" or "model_output"
    context: str | None = None

    def record(self, flat: bool = False) -> dict:
        """Output row; ``flat`` (CSV) writes the modification as a JSON string."""
        row = {name: getattr(self, name) for name in FIELDS}
        if flat:
            row["modification"] = json.dumps(self.modification, ensure_ascii=False)
        return row


def triplet_paths(output: str | Path) -> dict[str, Path]:
    """The JSONL, CSV and report files for ``--output`` (its suffix picks the main format)."""
    output = Path(output)
    return {"jsonl": output.with_suffix(".jsonl"), "csv": output.with_suffix(".csv"),
            "report": output.with_suffix(".report.json")}


def write_triplets(triplets: list[Triplet], output: str | Path) -> dict[str, Path]:
    """Triplets as JSONL and CSV (both written atomically); returns every path of ``output``."""
    paths = triplet_paths(output)
    write_jsonl(paths["jsonl"], [t.record() for t in triplets])
    write_csv(paths["csv"], [t.record(flat=True) for t in triplets], fieldnames=list(FIELDS))
    return paths


def load_triplets(path: str | Path) -> list[Triplet]:
    """Read and validate triplets; every problem is a DataError naming file, row, column and fix."""
    path = Path(path)
    rows, first_row = read_rows(path)
    if not rows:
        raise DataError(path, "no data rows", fix="write one triplet per line (JSONL) or per row (CSV)")
    triplets = []
    for i, row in enumerate(rows):
        rowno = first_row + i
        if None in row:  # csv.DictReader files surplus fields under None
            raise DataError(path, "more fields than the header has", row=rowno, fix="quote fields that contain commas")
        values = {}
        for column in REQUIRED:
            if column not in row:
                raise DataError(
                    path, f"no {column!r} column (found: {', '.join(map(str, row)) or 'none'})",
                    row=rowno - 1 if path.suffix.lower() == ".csv" else rowno, column=column,
                    fix="triplet files need prompt (the note), chosen and rejected, as `clinsum negatives` writes them",
                )
            values[column] = _text(row[column])
            if not values[column]:
                raise DataError(path, f"empty {column}", row=rowno, column=column, fix="fill it in or remove the row")
        if values["chosen"] == values["rejected"]:
            raise DataError(path, "chosen and rejected are the same summary, so there is nothing to prefer", row=rowno,
                            column="rejected", fix="give a rejected summary that differs, or remove the row")
        triplets.append(Triplet(_text(row.get("id")) or str(i), values["prompt"], values["chosen"], values["rejected"],
                                strategy=_text(row.get("strategy")) or None, context=_text(row.get("context")) or None))
    return triplets


def _text(value) -> str:
    return "" if value is None else str(value).strip()
