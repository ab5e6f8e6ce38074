"""``clinsum redact``: remove PHI from the note/summary columns of a CSV/JSONL file or from a text file.

Each run writes a report next to the output with the count of identifiers replaced by type, and no
identifier text. In surrogate mode the columns of one row share their fake values and date shift,
so a summary still agrees with its note.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from clinsum.config import option
from clinsum.data.dataset import ColumnMapping, DataError, Example, read_rows, read_text
from clinsum.io import write_json, write_records, write_text
from clinsum.privacy.phi import MODES, PHI_TYPES, PhiRedactor

log = logging.getLogger(__name__)

TABLE_SUFFIXES = (".csv", ".jsonl", ".json")


def _text_cell(path: Path, row: dict, row_number: int, column: str) -> str:
    """The text of ``column`` in ``row``; anything else stops the run, since a row that cannot be
    redacted must never be copied out as it is."""
    if column not in row:
        raise DataError(path, f"no {column!r} in this row (it has {', '.join(map(str, row)) or 'nothing'})",
                        row=row_number, column=column, fix="give every row the same columns, or pass --columns")
    value = row[column]
    if not isinstance(value, str):
        kind = "null" if value is None else type(value).__name__
        raise DataError(path, f"the value is {kind}, not text", row=row_number, column=column,
                        fix='give the text as a string (an empty string "" for none)')
    return value


@dataclass
class RedactConfig:
    """Options of ``clinsum redact``."""

    input: str | None = option(None, "notes to redact: .csv, .jsonl/.json (one row per note) or .txt (one note)")
    output: str | None = option(None, "redacted file to write, same format as the input")
    columns: list[str] = option([], "columns to redact (default: the note and summary columns found)")
    mode: str = option("tag", "tag: [NAME], [DATE], ...; surrogate: consistent fake values, dates shifted per row",
                       choices=MODES)
    seed: int = option(0, "seed of the surrogate values and date shifts")
    report: str | None = option(None, "report JSON with counts by identifier type (default: OUTPUT.phi_report.json)")
    keep: list[str] = option([], "identifier types to leave in the text, e.g. INSTITUTION (hospital and clinic "
                                 "names); every type is redacted by default")
    spacy_model: str | None = option(None, "an installed spaCy pipeline (e.g. en_core_web_sm) whose PERSON and "
                                           "place entities are added to the rule-based recognizers")
    workers: int = option(1, "processes that find identifiers (forked once the word lists are loaded; Linux and "
                             "macOS); 0: one per CPU core")


def redact_examples(examples: list[Example], redactor: PhiRedactor) -> tuple[list[Example], Counter]:
    """Each example's note and summary redacted (sharing one surrogate state, the same for every row of
    one note), and the counts by type."""
    states = [redactor.surrogates(example.note) for example in examples]
    texts = [text for example in examples for text in (example.note, example.summary)]
    redacted = redactor.redact_many(texts, [state for state in states for _ in range(2)], progress=len(texts) >= 100)
    counts: Counter = sum((found for _, found in redacted), Counter())
    out = [replace(example, note=redacted[2 * i][0], summary=redacted[2 * i + 1][0]) for i, example in enumerate(examples)]
    return out, counts


def worker_count(workers: int) -> int:
    """``workers``, or with 0 the CPU cores this process may use."""
    if workers < 0:
        raise ValueError(f"--workers must be 0 (one per CPU core) or more, got {workers}")
    if workers:
        return workers
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _columns_to_redact(config: RedactConfig, path: Path, header: list[str]) -> list[str]:
    if config.columns:
        missing = [c for c in config.columns if c not in header]
        if missing:
            raise DataError(path, f"no column {missing[0]!r} (the file has {', '.join(header) or 'no columns'})",
                            column=missing[0], fix="pass --columns with names from the file's header")
        return list(config.columns)
    mapping = ColumnMapping().resolve(header, path, required=())
    found = [c for c in (mapping["note"], mapping["summary"]) if c]
    if not found:
        raise DataError(path, f"no note or summary column found (the file has {', '.join(header) or 'no columns'})",
                        fix="name the columns to redact with --columns")
    return found


def phi_report_table(counts: Counter) -> str:
    """Markdown table of identifiers replaced, by type (no identifier text)."""
    lines = ["| identifier | replaced |", "|---|---:|"]
    lines += [f"| {t} | {counts.get(t, 0)} |" for t in PHI_TYPES if counts.get(t)]
    lines.append(f"| total | {sum(counts.values())} |")
    return "\n".join(lines)


def run_redact(config: RedactConfig) -> dict:
    """Redact ``config.input`` into ``config.output``; returns the report (also written as JSON)."""
    if not config.input:
        raise ValueError("pass --input FILE (.csv, .jsonl or .txt) with the notes to redact")
    if not config.output:
        raise ValueError("pass --output FILE for the redacted notes (same format as the input)")
    source, target = Path(config.input), Path(config.output)
    suffix = source.suffix.lower()
    if suffix == ".txt" and target.suffix.lower() != ".txt" or suffix in TABLE_SUFFIXES and \
            target.suffix.lower() not in TABLE_SUFFIXES:
        raise DataError(target, f"output format {target.suffix or '(none)'} does not match the input's {suffix}",
                        fix=f"name the output *{'.txt' if suffix == '.txt' else '.csv or .jsonl'}")
    if suffix == ".txt":
        rows, columns = [{"text": read_text(source)}], ["text"]
        if not rows[0]["text"].strip():
            raise DataError(source, "empty file", fix="give a file with the note's text")
    else:
        rows, first_row = read_rows(source)
        if not rows:
            raise DataError(source, "no data rows", fix="add rows below the header")
        columns = _columns_to_redact(config, source, list(rows[0].keys()))
        for i, row in enumerate(rows):  # every row is checked before any work: none is copied out unread
            for column in columns:
                _text_cell(source, row, first_row + i, column)
    started = time.perf_counter()
    redactor = PhiRedactor(config.mode, config.seed, spacy_model=config.spacy_model, keep=tuple(config.keep),
                           workers=worker_count(config.workers))
    cells = [(i, column) for i, row in enumerate(rows) for column in columns if row[column]]
    states = [redactor.surrogates(i) for i in range(len(rows))]  # one per row: its columns share fake values
    try:
        redacted = redactor.redact_many([rows[i][column] for i, column in cells], [states[i] for i, _ in cells],
                                        progress=True)
    finally:
        redactor.close()
    counts: Counter = Counter()
    for (i, column), (text, found) in zip(cells, redacted):
        rows[i][column] = text
        counts += found
    texts, changed = len(cells), sum(bool(found) for _, found in redacted)
    if suffix == ".txt":
        write_text(target, rows[0]["text"])
    else:
        write_records(target, rows, list(dict.fromkeys(key for row in rows for key in row)))
    seconds = time.perf_counter() - started
    report = {"input": str(source), "output": str(target), "mode": config.mode, "rows": len(rows),
              "columns": columns, "texts": texts, "texts_with_phi": changed,
              "identifiers": {t: counts.get(t, 0) for t in PHI_TYPES}, "total": sum(counts.values()),
              "seconds": round(seconds, 2)}
    report_path = Path(config.report) if config.report else target.with_name(target.name + ".phi_report.json")
    write_json(report_path, report)
    print(f"\nPHI redacted ({config.mode}): {len(rows)} rows, {texts} texts, {changed} with identifiers\n"
          + phi_report_table(counts))
    log.info("wrote %s and %s", target, report_path)
    return report

