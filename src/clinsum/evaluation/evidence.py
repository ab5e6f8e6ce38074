"""Annotate summaries with pointers to the note sentences that support them.

Each summary sentence gets the seed's inline marker, e.g. ``Knee pain. [Evidence: S2,1; Conf: 0.45]``:
the note sentences S2 and S1 (1-based, best first; the first id keeps its ``S``) support it with
confidence 0.45. :func:`clinsum.data.dataset.strip_evidence_markers` removes the markers again.

``clinsum evidence`` annotates a CSV/JSONL file of note/summary pairs.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass

from clinsum.config import option
from clinsum.data.dataset import DataError, load_examples
from clinsum.evaluation.faithfulness import FaithfulnessChecker, SummaryCheck, SummaryFileColumns
from clinsum.io import write_records

log = logging.getLogger(__name__)

_MARKER = re.compile(r"\[Evidence:\s*(?P<ids>[^;\]]*);\s*Conf:\s*(?P<conf>[0-9.]+)\]")


def format_marker(evidence: list[str], confidence: float) -> str:
    """``[Evidence: S2,1; Conf: 0.45]`` for ids ``["S2", "S1"]``; ``none`` when nothing supports it."""
    if evidence:
        ids = ",".join([evidence[0]] + [e.removeprefix("S") for e in evidence[1:]])
    else:
        ids = "none"
    return f"[Evidence: {ids}; Conf: {confidence:.2f}]"


def parse_marker(marker: str) -> tuple[list[str], float]:
    """The ids (each with its ``S``) and confidence of one inline marker."""
    m = _MARKER.search(marker)
    if m is None:
        raise ValueError(f"not an evidence marker: {marker!r}")
    raw = [part.strip() for part in m.group("ids").split(",") if part.strip()]
    ids = [] if raw == ["none"] else ["S" + part.removeprefix("S") for part in raw]
    return ids, float(m.group("conf"))


def annotate(check: SummaryCheck) -> str:
    """The summary with a marker after each sentence."""
    return " ".join(f"{s.text} {format_marker(s.evidence, s.confidence)}" for s in check.sentences)


def evidence_map(check: SummaryCheck) -> dict[str, list[dict]]:
    """Summary sentence index -> supporting note sentences with their scores."""
    return {str(s.index): [{"id": sid, "score": score} for sid, score in zip(s.evidence, s.evidence_scores)]
            for s in check.sentences}


@dataclass
class EvidenceConfig(SummaryFileColumns):
    """Options of ``clinsum evidence``."""

    input_file: str | None = option(None, help="CSV/JSONL/JSON file of note/summary pairs to annotate")
    output: str | None = option(None, help="annotated .csv or .jsonl file to write")
    use_embeddings: bool = option(True, help="use the all-MiniLM-L6-v2 embeddings (off: word overlap only)")
    batch_size: int = option(256, help="pairs annotated per embedding batch")
    model_path: str | None = option(None, help="sentence-transformers folder (default: the packaged all-MiniLM-L6-v2)")


def run_evidence(config: EvidenceConfig) -> list[dict]:
    """Annotate every pair of ``input_file`` and write ``output`` with the evidence columns added."""
    if not config.input_file:
        raise ValueError("pass --input-file with note/summary pairs to annotate")
    if not config.output:
        raise ValueError("pass --output FILE.csv or FILE.jsonl for the annotated pairs")
    if not config.output.lower().endswith((".csv", ".jsonl", ".json")):
        raise DataError(config.output, "unsupported output format", fix="use a .csv or .jsonl file name")
    examples = load_examples(config.input_file,
                             config.column_mapping())
    checker = FaithfulnessChecker(config.use_embeddings, config.model_path)
    as_csv = config.output.lower().endswith(".csv")
    rows = []
    for i in range(0, len(examples), config.batch_size):
        batch = examples[i: i + config.batch_size]
        for example, check in zip(batch, checker.check_many([(e.note, e.summary) for e in batch])):
            mapping = evidence_map(check)
            rows.append({
                "id": example.id, "note": example.note, "summary": example.summary, "label": example.label,
                "evidence_summary": annotate(check),
                "evidence_map": json.dumps(mapping) if as_csv else mapping,
                "support_ratio": round(check.support_ratio, 4),
            })
    write_records(config.output, rows)
    mean_support = sum(r["support_ratio"] for r in rows) / len(rows)
    log.info("annotated %d summaries -> %s (mean support ratio %.3f)", len(rows), config.output, mean_support)
    return rows
