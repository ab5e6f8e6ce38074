"""The checker's unfaithfulness score: how much of a summary its note does not back, in one number.

The typed-fact checker says *what* is unsupported; counting its flags ranks summaries poorly against
human judgements (AUROC 0.70 on the MTS-Dialog study's dev half), because many errors people find are
not typed facts (invented context, chart facts the dialogue never states, facts about someone else) and
because a flag says nothing about how much else in the summary is unbacked. ``unfaithful_score`` adds up
the *unsupported units* of each sentence: its content words found nowhere in the note and its typed facts
accepted without evidence (a denied finding the note never mentions), 1 each, and its typed facts
flagged as unsupported, which weigh the decision threshold, so that one flag alone still makes a summary
"hallucinated" (the sentence-level ``other`` flag is left out: it depends on the embeddings, and such a
sentence counts through its novel words). Each sentence carries its own share, which points to where the
problem is.

Words the note-writing style adds without stating a fact ("noncontributory", "presents", "female")
are not counted: ``report_words`` are the word stems that MTS-Dialog *training* references use often and
their dialogues mostly do not. They, the weights and the decision threshold are stored in
``verifier.json`` beside this module and rebuilt by ``scripts/train_verifier.py`` from training data
only; the signals are lexical, so the score is the same with or without embeddings and costs nothing
beyond the check itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WEIGHTS_FILE = Path(__file__).with_name("verifier.json")

# Per-sentence signals the checker computes (see SentenceCheck.signals).
SIGNALS = (
    "facts",               # typed facts checked
    "absent",              # unsupported typed facts: absent from the note
    "contradicted",        # unsupported typed facts: contradicted by the note
    "negation_reversed",   # unsupported typed facts: the note says the opposite
    "unverified",          # accepted without evidence (a denied finding the note never mentions, a vague course word)
    "words",               # content words (5-letter stems)
    "novel_words",         # content words found nowhere in the note (report words left out)
    "note_coverage",       # share of content words found somewhere in the note
    "best_overlap",        # share of content words in the single best note sentence
)
COUNT_SIGNALS = frozenset({"facts", "absent", "contradicted", "negation_reversed", "unverified", "words",
                           "novel_words"})


@dataclass(frozen=True)
class Verifier:
    """A weighted sum of the signals over a summary's sentences; "hallucinated" from ``threshold`` on."""

    weights: dict[str, float]
    threshold: float
    report_words: frozenset[str]  # stems of note-writing words not counted as novel
    info: dict

    def score(self, sentences: list[dict[str, float]]) -> float:
        """Unsupported units of a summary (or one sentence) with these signals."""
        return float(sum(w * s[name] for s in sentences for name, w in self.weights.items()))

    def to_dict(self) -> dict:
        return {"weights": self.weights, "threshold": self.threshold, "report_words": sorted(self.report_words),
                "info": self.info}

    @classmethod
    def from_dict(cls, data: dict) -> Verifier:
        unknown = set(data["weights"]) - set(SIGNALS)
        if unknown:
            raise ValueError(f"verifier weights name unknown signals {sorted(unknown)}: "
                             "rebuild them with scripts/train_verifier.py")
        return cls(dict(data["weights"]), float(data["threshold"]), frozenset(data["report_words"]),
                   data.get("info", {}))


@cache
def default_verifier() -> Verifier:
    """The committed verifier (``verifier.json``)."""
    return Verifier.from_dict(json.loads(WEIGHTS_FILE.read_text(encoding="utf-8")))
