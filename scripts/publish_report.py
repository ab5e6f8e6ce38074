"""Copy an evaluation report into a folder meant for the repository, without the dataset's text.

    python scripts/publish_report.py runs/mts-dialog/eval results/mts-dialog

Copies report.md and plots/, and report.json with the test notes and references removed from ``inputs``
(ids and contexts stay). report.html and predictions.jsonl are not copied: they hold the full notes.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from clinsum.io import write_json


def publish(report_dir: Path, target: Path) -> None:
    report = json.loads((report_dir / "report.json").read_text())
    report["inputs"] = [{"id": row["id"], "context": row.get("context")} for row in report["inputs"]]
    target.mkdir(parents=True, exist_ok=True)
    write_json(target / "report.json", report)
    shutil.copy2(report_dir / "report.md", target / "report.md")
    shutil.rmtree(target / "plots", ignore_errors=True)
    shutil.copytree(report_dir / "plots", target / "plots")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report_dir", type=Path, help="folder written by `clinsum eval` (or the pipeline's eval/)")
    parser.add_argument("target", type=Path, help="where the copy goes")
    args = parser.parse_args()
    publish(args.report_dir, args.target)
