"""A learned unfaithfulness score on top of the checker's own signals.

The typed-fact checker says *what* is unsupported; counting its flags ranks summaries poorly against
human judgements, because many errors people find are not typed facts (invented context, chart facts the
dialogue never states) and some flags are harmless. A summary's ``unfaithful_score`` is therefore the
probability, from a logistic model, that it states something its note does not support, computed from
cheap signals the check already has for each sentence (flags by reason, facts accepted without evidence,
content words found nowhere in the note, word overlap), summed (counts) or
taken at the weakest sentence (shares) over the summary. The signals are lexical (the embedding-guarded
"other" flag is left out), so the score is the same with or without embeddings and costs nothing extra. Each sentence gets the same model's score as if
it were a summary of its own, which points to where the problem is.

Words the note-writing style adds without stating a fact ("noncontributory", "presents", "female") are
not counted as novel: ``report_words`` are the stems most often absent from the dialogue in MTS-Dialog
*training* references. The model is trained by ``scripts/train_verifier.py`` on summaries made from
MTS-Dialog training dialogues (the reference as faithful; the reference with one verified hard-negative
edit, with one sentence swapped for a sentence of another dialogue's note, or with one swapped for
invented context, as unfaithful) and stored in ``verifier.json`` beside this module: a few dozen numbers
and words, no downloaded weights.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

WEIGHTS_FILE = Path(__file__).with_name("verifier.json")

# Per-sentence signals, in the model's order. Counts are of the sentence's typed facts.
SIGNALS = (
    "facts",               # typed facts checked
    "absent",              # unsupported typed facts: absent from the note
    "contradicted",        # unsupported: contradicted by the note
    "negation_reversed",   # unsupported: the note says the opposite
    "unverified",          # accepted without evidence (a denied finding the note never mentions, a vague course word)
    "words",               # content words
    "novel_words",         # content words found nowhere in the note (report words left out)
    "note_coverage",       # share of content words found somewhere in the note
    "best_overlap",        # share of content words in the single best note sentence
)


def features(sentences: list[dict[str, float]]) -> np.ndarray:
    """The model's inputs for a summary, from its sentences' signals: counts summed (log scale), shares
    at the weakest sentence (1 for an empty summary)."""
    return np.array([math.log1p(sum(s[name] for s in sentences)) if name in COUNT_SIGNALS
                     else min((s[name] for s in sentences), default=1.0) for name in SIGNALS], dtype=float)


COUNT_SIGNALS = frozenset({"facts", "absent", "contradicted", "negation_reversed", "unverified", "words",
                           "novel_words"})


@dataclass(frozen=True)
class Verifier:
    """Logistic model: P(sentence unsupported) = sigmoid(w . standardized(features) + b)."""

    weights: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray
    threshold: float  # summaries scoring at least this are "hallucinated" in ``clinsum eval``
    report_words: frozenset[str]  # stems of note-writing words not counted as novel
    info: dict

    def score(self, sentences: list[dict[str, float]]) -> float:
        """Probability that a summary with these sentence signals is unfaithful."""
        z = float(((features(sentences) - self.mean) / self.scale) @ self.weights + self.bias)
        return 1.0 / (1.0 + math.exp(-z))

    def to_dict(self) -> dict:
        return {"signals": list(SIGNALS), "weights": self.weights.round(6).tolist(), "bias": round(self.bias, 6),
                "mean": self.mean.round(6).tolist(), "scale": self.scale.round(6).tolist(),
                "threshold": self.threshold, "report_words": sorted(self.report_words), "info": self.info}

    @classmethod
    def from_dict(cls, data: dict) -> Verifier:
        if tuple(data["signals"]) != SIGNALS:
            raise ValueError(f"verifier weights are for signals {data['signals']}, this checker computes {SIGNALS}: "
                             "retrain with scripts/train_verifier.py")
        return cls(np.array(data["weights"]), float(data["bias"]), np.array(data["mean"]), np.array(data["scale"]),
                   float(data["threshold"]), frozenset(data["report_words"]), data.get("info", {}))


@cache
def default_verifier() -> Verifier:
    """The committed model (``verifier.json``)."""
    return Verifier.from_dict(json.loads(WEIGHTS_FILE.read_text(encoding="utf-8")))


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    """(weights, bias, mean, scale) of an L2-regularised logistic regression, by Newton's method on
    standardized inputs."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.c_[(x - mean) / scale, np.ones(len(x))]
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0  # no penalty on the bias
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1]), mean, scale
