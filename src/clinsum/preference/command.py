"""``clinsum negatives``: read note/summary pairs, write triplets (JSONL and CSV) and a per-strategy report."""

from __future__ import annotations

import logging

from clinsum.data.dataset import load_examples, select_factual
from clinsum.data.triplets import write_triplets
from clinsum.io import write_json
from clinsum.preference.config import NegativesConfig, NegativesReport
from clinsum.preference.edits import make_triplets
from clinsum.preference.own_samples import model_triplets

log = logging.getLogger(__name__)


def run_negatives(config: NegativesConfig) -> NegativesReport:
    """Edits of every factual pair, labelled triplets, and with ``--model-path`` the model's own errors."""
    if not config.input:
        raise ValueError("--input is required (a .csv/.jsonl file or saved HF dataset folder of note/summary pairs)")
    examples = load_examples(config.input, config.column_mapping())
    triplets, report = make_triplets(examples, config)
    if config.model_path:
        triplets += model_triplets(select_factual(examples).kept, config, report)
    paths = write_triplets(triplets, config.output)
    write_json(paths["report"], report.to_dict())
    print(report.table())
    log.info("wrote %d triplets to %s and %s; report in %s", len(triplets), paths["jsonl"], paths["csv"],
             paths["report"])
    return report
