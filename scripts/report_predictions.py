"""Rebuild the predictions.jsonl of a published report (see publish_report.py), so it can be rescored.

    python scripts/report_predictions.py results/mts-dialog/report.json runs/mts-dialog/prepare/test.csv out.jsonl
    clinsum eval --predictions out.jsonl --output-dir runs/rescored      # e.g. with a newer checker

A published report keeps every model's summaries but not the dataset's text; the notes and references
come back from the test file the report was made on (matched by id), so nothing is re-generated.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from clinsum.data.dataset import load_examples
from clinsum.io import write_jsonl


def rebuild(report_path: Path, test_path: Path) -> list[dict]:
    report = json.loads(report_path.read_text())
    examples = {ex.id: ex for ex in load_examples(test_path)}
    missing = [row["id"] for row in report["inputs"] if row["id"] not in examples]
    if missing:
        raise SystemExit(f"{test_path}: {len(missing)} ids of {report_path} are missing (first: {missing[0]}); "
                         "pass the test file the report was made on")
    rows = []
    for model in report["models"]:
        for scored in report["examples"][model]:
            ex = examples[scored["id"]]
            rows.append({"id": ex.id, "model": model, "note": ex.note, "reference": ex.summary,
                         "prediction": scored["prediction"], "context": ex.context})
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="a report.json, published or not")
    parser.add_argument("test_data", type=Path, help="the test file it was made on (e.g. the pipeline's prepare/test.csv)")
    parser.add_argument("output", type=Path, help="predictions.jsonl to write")
    args = parser.parse_args()
    rows = rebuild(args.report, args.test_data)
    write_jsonl(args.output, rows)
    print(f"{len(rows)} predictions -> {args.output}")
