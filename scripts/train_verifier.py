"""Build the checker's verifier (src/clinsum/evaluation/verifier.json) from MTS-Dialog *training* data.

- ``report_words`` (from the training set): word stems that training references use at least 10 times
  and that are absent from the dialogue at least 75% of those times: the note-writing style
  ("noncontributory", "presents", "female"), not counted as novel content;
- ``threshold`` T (from the human-label *dev* half, never the held-out half or a test set): the score
  from which ``clinsum eval`` counts a summary as hallucinated. A flagged typed fact weighs T, so one is
  enough, as before; a novel content word or a fact accepted without evidence weighs 1, so it takes T of
  them. T is the integer with the best F1 for the "unfaithful" label (``FactualPrecision < 1``).
  Training references are no guide here: written from the chart as well as the dialogue, they score far
  higher than automatic summaries (the script prints how many reach the threshold).
Why fixed weights: on the dev half a logistic regression fitted on edited training references (commit
cf093ce) ranked summaries worse (AUROC 0.66 / 0.63) than unit weights, and one fitted on the dev labels
did no better under cross-validation by dialogue. About 20 s on 2 CPU cores:

    python scripts/train_verifier.py
    python scripts/train_verifier.py --output runs/verifier.json
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import numpy as np

from clinsum.data.dataset import Example, load_examples
from clinsum.evaluation.faithfulness import FaithfulnessChecker, content_words
from clinsum.evaluation.verifier import WEIGHTS_FILE, Verifier
from clinsum.io import write_json
from clinsum.paths import HUMAN_LABELS_DEV, MTS_TRAIN, missing
from clinsum.evaluation.human_labels import load_study
from clinsum.text.normalize import normalize

FLAGS = ("absent", "contradicted", "negation_reversed")  # flagged typed facts: each weighs the threshold
UNITS = ("unverified", "novel_words")  # each weighs 1


def weights(threshold: float) -> dict[str, float]:
    return {**{name: float(threshold) for name in FLAGS}, **{name: 1.0 for name in UNITS}}


def report_words(examples: list[Example], min_count: int = 10, min_absent: float = 0.75) -> frozenset[str]:
    """Stems that references use often and their dialogues mostly do not: the note-writing style."""
    used, absent = Counter(), Counter()
    for e in examples:
        summary = content_words(normalize(e.summary).text)
        used.update(summary)
        absent.update(summary - content_words(normalize(e.note).text))
    return frozenset(w for w, n in absent.items() if n >= min_count and n / used[w] >= min_absent and not w.isdigit())


def signal_sums(checker: FaithfulnessChecker, pairs: list[tuple[str, str]]) -> dict[str, np.ndarray]:
    """Each weighted signal summed over each summary's sentences."""
    checks = checker.check_many(pairs)
    return {name: np.array([sum(s.signals[name] for s in c.sentences) for c in checks], dtype=float)
            for name in FLAGS + UNITS}


def scores(sums: dict[str, np.ndarray], threshold: float) -> np.ndarray:
    return sum(w * sums[name] for name, w in weights(threshold).items())


def best_f1_threshold(sums: dict[str, np.ndarray], labels: np.ndarray, highest: int = 20) -> tuple[float, float]:
    """(threshold, F1) of the integer threshold with the best F1; the lowest one on ties."""
    best = (0.0, -1.0)
    for t in range(1, highest + 1):
        flagged = scores(sums, t) >= t
        f1 = 2 * (flagged & labels).sum() / (flagged.sum() + labels.sum())
        if f1 > best[1]:
            best = (float(t), float(f1))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, default=MTS_TRAIN, help="MTS-Dialog training CSV")
    parser.add_argument("--labels", type=Path, default=HUMAN_LABELS_DEV, help="human-label CSV (dev half) for the threshold")
    parser.add_argument("--output", type=Path, default=WEIGHTS_FILE)
    args = parser.parse_args()
    for path in (args.train, args.labels):
        if not path.exists():
            raise SystemExit(missing(path))

    started = time.perf_counter()
    examples = [e for e in load_examples(args.train) if e.summary.strip() and e.note.strip()]
    words = report_words(examples)
    # The signals are lexical: embeddings would not change them.
    checker = FaithfulnessChecker(use_embeddings=False, verifier=None, report_words=words)
    study = load_study(args.labels)
    dev = signal_sums(checker, [(r["Dialogue"], r["Automatic Summary"]) for r in study])
    threshold, f1 = best_f1_threshold(dev, np.array([r["unfaithful"] for r in study]))
    references = scores(signal_sums(checker, [(e.note, e.summary) for e in examples]), threshold)
    info = {"report_words_from": f"{len(examples)} MTS-Dialog training references",
            "threshold_rule": f"best F1 for 'unfaithful' on the human-label dev half ({f1:.3f})",
            "training_references_at_or_above_threshold": round(float((references >= threshold).mean()), 3),
            "command": "python scripts/train_verifier.py"}
    write_json(args.output, Verifier(weights(threshold), threshold, words, info).to_dict())
    print(f"{len(words)} report words; threshold {threshold:.0f} ({info['threshold_rule']}); "
          f"training references at or above it: {(references >= threshold).mean():.1%} "
          f"(median score {np.median(references):.0f})")
    print(f"{time.perf_counter() - started:.0f} s; wrote {args.output}")


if __name__ == "__main__":
    main()
