"""Load note/summary pairs from CSV, JSONL or Hugging Face datasets, validate them, and split them.

Every problem with the input is reported as a :class:`DataError` that names the file, the row, the
column and what to do, instead of a stack trace from deep inside a parser.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from clinsum.config import option
from clinsum.io import write_csv

FACTUAL_LABELS = ("factual", "factual_with_evidence")

# Inline evidence markers written by the seed's annotator and by `clinsum evidence`,
# e.g. "... [Evidence: S2,1; Conf: 0.45]".
EVIDENCE_MARKER = re.compile(r"\s*\[Evidence:[^\]]*\]")


class DataError(ValueError):
    """Bad input data, with enough context for the user to fix it."""

    def __init__(self, path, message: str, row: int | None = None, column: str | None = None, fix: str = ""):
        where = str(path)
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column {column!r}"
        text = f"{where}: {message}"
        if fix:
            text += f". Fix: {fix}"
        super().__init__(text)
        self.path, self.row, self.column = path, row, column


@dataclass
class Example:
    """One clinical note with its reference summary.

    ``context`` carries extra information given to the model with the note (MTS-Dialog's section
    header, e.g. ``GENHX``); ``label`` is the row's factuality label when the input has one.
    """

    id: str
    note: str
    summary: str
    label: str | None = None
    context: str | None = None


@dataclass
class ColumnMapping:
    """Which input column holds which field: the first candidate present in the file wins.

    The defaults accept the seed's files (``clinical_note``, ``model_summary``/``summary``, ``label``,
    ``id``) and MTS-Dialog (``dialogue`` as the note, ``section_text`` as the summary, ``section_header``
    as context). Pass a single name to force a column.
    """

    note: list[str] = field(default_factory=lambda: ["clinical_note", "note", "dialogue", "text"])
    summary: list[str] = field(
        default_factory=lambda: ["model_summary", "summary", "section_text", "reference_summary"]
    )
    id: list[str] = field(default_factory=lambda: ["id", "ID"])
    label: list[str] = field(default_factory=lambda: ["label"])
    context: list[str] = field(default_factory=lambda: ["section_header"])

    def resolve(self, columns: list[str], path, required: tuple[str, ...] = ("note", "summary")) -> dict[str, str | None]:
        """Map each field to a column present in ``columns``; the ``required`` fields must be found."""
        resolved: dict[str, str | None] = {}
        for name in ("note", "summary", "id", "label", "context"):
            candidates = getattr(self, name)
            candidates = [candidates] if isinstance(candidates, str) else candidates
            resolved[name] = next((c for c in candidates if c in columns), None)
            if resolved[name] is None and name in required:
                raise DataError(
                    path,
                    f"no {name} column found (looked for {', '.join(candidates)}; the file has "
                    f"{', '.join(columns) or 'no columns'})",
                    fix=f"rename the column or pass --{name}-column NAME",
                )
        return resolved


def read_text(path: Path) -> str:
    """A UTF-8 text file's contents, or a :class:`DataError` saying why it cannot be read."""
    if not path.exists():
        raise DataError(path, "file not found", fix="check the path")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        line = path.read_bytes()[: e.start].count(b"\n") + 1
        raise DataError(
            path, f"undecodable bytes at line {line} (byte {e.start}): not UTF-8", fix="re-save the file as UTF-8"
        ) from None
    except OSError as e:
        raise DataError(path, f"unreadable file ({e.strerror})", fix="check the path and its permissions") from None


def read_rows(path: Path) -> tuple[list[dict], int]:
    """Raw rows and the number of the first data row (for error messages), read strictly: no cell is lost
    or misread, since a row may hold text that must be redacted.

    CSV rows with more fields than the header are an error (``csv.DictReader`` would file the extra fields
    under ``None``); JSONL is split on ``\\n`` only, so a U+2028 or U+2029 inside a string
    (``json.dumps(..., ensure_ascii=False)`` writes them raw) stays in it; every JSON row is an object.
    """
    if not path.exists():
        raise DataError(path, "file not found", fix="check the path")
    if path.is_dir():
        return _read_hf_dataset(path), 1
    suffix = path.suffix.lower()
    text = read_text(path)
    if suffix == ".csv":
        return _csv_rows(path, text), 2
    if suffix == ".json" and text.lstrip().startswith("["):
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as e:
            raise DataError(path, f"invalid JSON ({e.msg} at line {e.lineno})") from None
        for i, row in enumerate(rows, start=1):
            if not isinstance(row, dict):
                raise DataError(path, f"expected a JSON object, got {type(row).__name__}", row=i,
                                fix="give a list of objects, one per note")
        return rows, 1
    if suffix in (".jsonl", ".json"):
        return _jsonl_rows(path, text), 1
    raise DataError(path, f"unsupported file type {suffix!r}", fix="use .csv, .jsonl, .json or a saved HF dataset folder")


def _csv_rows(path: Path, text: str) -> list[dict]:
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[dict] = []
    try:
        header = next(reader, [])
        for fields in reader:
            if not fields:
                continue
            if len(fields) > len(header):
                raise DataError(path, f"{len(fields)} fields but the header has {len(header)}", row=len(rows) + 2,
                                fix="quote fields that contain commas, or name every column in the header")
            rows.append(dict(zip(header, fields + [""] * (len(header) - len(fields)))))
    except csv.Error as e:
        raise DataError(path, f"malformed CSV ({e})", row=len(rows) + 2,
                        fix="check quoting of fields with commas or newlines") from None
    return rows


def _jsonl_rows(path: Path, text: str) -> list[dict]:
    rows = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise DataError(path, f"invalid JSON ({e.msg})", row=lineno, fix="one JSON object per line") from None
        if not isinstance(row, dict):
            raise DataError(path, "expected a JSON object", row=lineno, fix="one JSON object per line")
        rows.append(row)
    return rows


def _read_hf_dataset(path: Path) -> list[dict]:
    """A folder written by ``datasets.Dataset.save_to_disk`` (no hub access)."""
    try:
        import datasets
    except ImportError:
        raise DataError(path, "is a folder; reading saved Hugging Face datasets needs `pip install datasets`") from None
    try:
        ds = datasets.load_from_disk(str(path))
    except Exception as e:  # datasets raises several unrelated types here
        raise DataError(path, f"not a saved Hugging Face dataset ({e})", fix="pass a .csv/.jsonl file") from None
    if isinstance(ds, datasets.DatasetDict):
        split = "train" if "train" in ds else next(iter(ds))
        ds = ds[split]
    return [dict(r) for r in ds]


def _cell(row: dict, column: str | None) -> str | None:
    if column is None:
        return None
    value = row.get(column)
    if value is None:
        return None
    return str(value).strip()


def load_examples(path: str | Path, columns: ColumnMapping | None = None) -> list[Example]:
    """Load and validate every row of a CSV, JSONL/JSON file or saved HF dataset folder.

    Raises :class:`DataError` on the first problem: a missing column, an empty note or summary,
    undecodable bytes, an unreadable file or a duplicate id.
    """
    path = Path(path)
    rows, first_row = read_rows(path)
    if not rows:
        raise DataError(path, "no data rows", fix="add rows below the header")
    mapping = (columns or ColumnMapping()).resolve(list(rows[0].keys()), path)
    examples, seen_ids = [], {}
    for i, row in enumerate(rows):
        rowno = first_row + i
        note, summary = _cell(row, mapping["note"]), _cell(row, mapping["summary"])
        if not note:
            raise DataError(path, "empty note", row=rowno, column=mapping["note"], fix="fill it in or remove the row")
        if not summary:
            raise DataError(path, "empty summary", row=rowno, column=mapping["summary"], fix="fill it in or remove the row")
        example_id = _cell(row, mapping["id"]) or str(i)
        if example_id in seen_ids:
            raise DataError(
                path,
                f"duplicate id {example_id!r} (first seen in row {seen_ids[example_id]})",
                row=rowno,
                column=mapping["id"],
                fix="make ids unique, or drop the id column to number rows automatically",
            )
        seen_ids[example_id] = rowno
        label = _cell(row, mapping["label"])
        examples.append(
            Example(id=example_id, note=note, summary=summary, label=label.lower() if label else None,
                    context=_cell(row, mapping["context"]) or None)
        )
    return examples


# The column layout clinsum writes examples in (prepared splits, synthetic data, benchmarks' inputs); the
# default ColumnMapping reads it back.
EXAMPLE_COLUMNS = ["id", "clinical_note", "summary", "label", "section_header"]


def write_examples(path: str | Path, examples: list[Example]) -> Path:
    """``examples`` as a CSV in clinsum's layout (written atomically): every stage and command reads it as is."""
    rows = [dict(zip(EXAMPLE_COLUMNS, (e.id, e.note, e.summary, e.label or "", e.context or ""))) for e in examples]
    write_csv(path, rows, EXAMPLE_COLUMNS)
    return Path(path)


def strip_evidence_markers(summary: str) -> str:
    """Remove inline ``[Evidence: ...]`` markers, keeping the summary text."""
    return EVIDENCE_MARKER.sub("", summary).strip()


@dataclass
class FactualSelection:
    """The rows that may train Stage A, and a count of the ones that may not, by label."""

    kept: list[Example]
    dropped_by_label: dict[str, int]

    def describe(self) -> str:
        if not self.dropped_by_label:
            return f"{len(self.kept)} factual rows kept"
        dropped = ", ".join(f"{n} {label}" for label, n in sorted(self.dropped_by_label.items()))
        return f"{len(self.kept)} factual rows kept; not used for training: {dropped}"


def select_factual(examples: list[Example], keep_evidence: bool = False) -> FactualSelection:
    """Keep rows labelled factual (or unlabelled); strip evidence markers unless asked to keep them."""
    kept, dropped = [], Counter()
    for ex in examples:
        if ex.label is None or ex.label in FACTUAL_LABELS:
            summary = ex.summary if keep_evidence else strip_evidence_markers(ex.summary)
            kept.append(Example(ex.id, ex.note, summary, ex.label, ex.context))
        else:
            dropped[ex.label] += 1
    return FactualSelection(kept, dict(dropped))


def split_examples(examples: list[Example], fraction: float = 0.1, seed: int = 42) -> tuple[list[Example], list[Example]]:
    """Seeded random split into (rest, held-out ``fraction``); at least one row is held out."""
    if len(examples) < 2:
        raise ValueError("need at least 2 examples to split off a validation set")
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    n_held = max(1, round(len(examples) * fraction))
    held = set(order[:n_held])
    rest = [ex for i, ex in enumerate(examples) if i not in held]
    return rest, [ex for i, ex in enumerate(examples) if i in held]


@dataclass
class ColumnOptions:
    """Column overrides for every command that reads note/summary files (default: ColumnMapping's names)."""

    note_column: str | None = option(None, "column with the note (default: clinical_note, note, dialogue or text)")
    summary_column: str | None = option(None, "column with the summary (default: model_summary, summary, section_text or reference_summary)")
    context_column: str | None = option(None, "column with extra context given with the note (default: section_header)")
    id_column: str | None = option(None, "column with row ids (default: id or ID; rows are numbered without one)")
    label_column: str | None = option(None, "column with factual/hallucinated labels (default: label)")

    def column_mapping(self) -> ColumnMapping:
        mapping = ColumnMapping()
        for name in ("note", "summary", "context", "id", "label"):
            column = getattr(self, f"{name}_column")
            if column:
                setattr(mapping, name, [column])
        return mapping


@dataclass
class DataOptions(ColumnOptions):
    """Training and validation files, shared by the training commands."""

    train_data: str | None = option(None, "training pairs: .csv, .jsonl or a saved HF dataset folder")
    val_data: str | None = option(None, "validation pairs (default: a seeded split of the training data)")
    val_fraction: float = option(0.1, "share of the training data held out when --val-data is not given")
    keep_evidence: bool = option(False, "keep inline [Evidence: ...] markers in training summaries")
