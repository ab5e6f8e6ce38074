"""Per-summary metrics (ROUGE, length, repetition) and percentile-bootstrap confidence intervals.

The bootstrap draws one matrix of resampled example indices and applies it to every model, so the
models are compared on the same resamples (paired): a difference between two models then gets its own
confidence interval, which is much narrower than comparing two independent intervals by eye.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
# A summary whose 3-grams are at least half repeats is stuck in a loop ("the patient the patient ...").
DEGENERATE_REPETITION = 0.5
_WORD = re.compile(r"\w+(?:[-'./]\w+)*")


def rouge_f1(predictions: list[str], references: list[str]) -> dict[str, list[float]]:
    """ROUGE-1/2/L F1 of each prediction against its reference (Porter stemming, as in most papers)."""
    from rouge_score import rouge_scorer

    if len(predictions) != len(references):
        raise ValueError(f"{len(predictions)} predictions but {len(references)} references")
    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    scores: dict[str, list[float]] = {t: [] for t in ROUGE_TYPES}
    for prediction, reference in zip(predictions, references):
        result = scorer.score(reference, prediction)
        for t in ROUGE_TYPES:
            scores[t].append(float(result[t].fmeasure))
    return scores


def words(text: str) -> list[str]:
    """Lower-cased word tokens; numbers such as 2.5 or 10/10 stay whole."""
    return _WORD.findall(text.lower())


def word_count(text: str) -> int:
    return len(words(text))


def repetition_rate(text: str, n: int = 3) -> float:
    """Share of the summary's n-grams that repeat an earlier one (0: none; close to 1: a loop)."""
    tokens = words(text)
    grams = [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    if not grams:
        return 0.0
    return 1.0 - len(Counter(grams)) / len(grams)


def is_degenerate(text: str, n: int = 3) -> bool:
    """True for a summary that loops (most of its n-grams are repeats)."""
    return repetition_rate(text, n) >= DEGENERATE_REPETITION


@dataclass(frozen=True)
class Estimate:
    """A mean with its percentile-bootstrap confidence interval."""

    mean: float
    low: float
    high: float

    def to_dict(self) -> dict[str, float]:
        return {"mean": self.mean, "low": self.low, "high": self.high}


def bootstrap_indices(n: int, samples: int = 1000, seed: int = 0) -> np.ndarray:
    """``samples`` x ``n`` example indices drawn with replacement; share them across models to pair them."""
    if n < 1:
        raise ValueError("bootstrap needs at least one example")
    if samples < 1:
        raise ValueError("bootstrap needs at least one resample")
    return np.random.default_rng(seed).integers(0, n, size=(samples, n))


def bootstrap_ci(values, indices: np.ndarray, confidence: float = 0.95) -> Estimate:
    """Mean of ``values`` and the percentile interval of the means of the resamples in ``indices``."""
    values = np.asarray(values, dtype=float)
    if indices.shape[1] != len(values):
        raise ValueError(f"bootstrap indices are for {indices.shape[1]} examples, got {len(values)} values")
    means = values[indices].mean(axis=1)
    tail = (1.0 - confidence) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return Estimate(float(values.mean()), float(low), float(high))


def paired_difference_ci(values, baseline, indices: np.ndarray, confidence: float = 0.95) -> Estimate:
    """Mean of ``values - baseline`` (same examples, same order) with its paired bootstrap interval."""
    values, baseline = np.asarray(values, dtype=float), np.asarray(baseline, dtype=float)
    if values.shape != baseline.shape:
        raise ValueError(f"paired comparison needs equal lengths, got {len(values)} and {len(baseline)}")
    return bootstrap_ci(values - baseline, indices, confidence)


def auroc(scores, labels) -> float:
    """Area under the ROC curve: the chance that a random positive scores above a random negative
    (ties count half). NaN when one class is missing."""
    scores, labels = np.asarray(scores, dtype=float), np.asarray(labels, dtype=bool)
    n_pos, n_neg = int(labels.sum()), int((~labels).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    # Average ranks over ties (Mann-Whitney U).
    starts = np.r_[0, np.flatnonzero(np.diff(sorted_scores)) + 1]
    ends = np.r_[starts[1:], len(scores)]
    for s, e in zip(starts, ends):
        ranks[order[s:e]] = (s + e + 1) / 2
    return float((ranks[labels].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def grouped_auroc_ci(scores, labels, groups, samples: int = 1000, seed: int = 0,
                     confidence: float = 0.95) -> Estimate:
    """AUROC with a percentile-bootstrap interval that resamples whole groups (e.g. the summaries of one
    dialogue together), since summaries of the same dialogue are not independent."""
    scores, labels, groups = np.asarray(scores, dtype=float), np.asarray(labels, dtype=bool), np.asarray(groups)
    names = np.unique(groups)
    members = [np.flatnonzero(groups == g) for g in names]
    values = []
    for draw in bootstrap_indices(len(names), samples, seed):
        rows = np.concatenate([members[g] for g in draw])
        value = auroc(scores[rows], labels[rows])
        if not np.isnan(value):
            values.append(value)
    tail = (1.0 - confidence) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return Estimate(auroc(scores, labels), float(low), float(high))


# ---------------------------------------------------------------- the report's aggregates

@dataclass(frozen=True)
class Metric:
    """How one aggregate is computed from the per-example scores and how it is shown."""

    key: str  # name in report.json
    example_key: str  # per-example score it averages
    label: str
    kind: str  # "score" (0-1, 3 decimals), "rate" (shown as %), "count", "words"
    verification: bool = False  # about what verification did: shown only when a report has verified rows


METRICS = (
    Metric("rouge1", "rouge1", "ROUGE-1 F1", "score"),
    Metric("rouge2", "rouge2", "ROUGE-2 F1", "score"),
    Metric("rougeL", "rougeL", "ROUGE-L F1", "score"),
    Metric("hallucination_rate", "hallucinated", "Hallucination rate", "rate"),
    Metric("unsupported_per_summary", "unsupported", "Unsupported facts / summary", "count"),
    Metric("support_ratio", "support_ratio", "Support ratio", "score"),
    Metric("length", "length", "Length (words)", "words"),
    Metric("repetition", "repetition", "Repeated 3-grams", "rate"),
    Metric("degenerate_rate", "degenerate", "Degenerate loops", "rate"),
    Metric("novel_words", "novel_words", "Novel content words / summary", "count"),
    Metric("repaired_per_summary", "repaired", "Sentences repaired / summary", "count", verification=True),
    Metric("dropped_per_summary", "dropped", "Sentences dropped / summary", "count", verification=True),
    Metric("lost_half_rate", "lost_half", "Lost half their sentences or more", "rate", verification=True),
    Metric("emptied_rate", "emptied", "Every sentence dropped", "rate", verification=True),
)
DELTA_METRICS = ("rougeL", "hallucination_rate")
METRIC_BY_KEY = {m.key: m for m in METRICS}
