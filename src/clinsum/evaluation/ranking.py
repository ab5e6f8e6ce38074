"""Candidate summaries of one note, checked and ranked by the faithfulness checker.

One ranking serves both users of several candidates per note: checker-guided decoding keeps the most
faithful candidate (:mod:`clinsum.evaluation.verify`), and Stage B's pairs from the model's own samples
reject the least faithful sample (:mod:`clinsum.preference.own_samples`). The order is the checker's
``unfaithfulness`` (the score ``eval`` uses to call a summary hallucinated); a looping candidate, where the
caller says which loop, comes after every other; ties go to the likelier candidate, then the earlier one.
"""

from __future__ import annotations

from collections.abc import Sequence

from clinsum.evaluation.faithfulness import SummaryCheck, unfaithfulness


def check_candidates(checker, notes: Sequence[str], candidates: Sequence[Sequence[str]]) -> list[list[SummaryCheck]]:
    """Each note's candidates checked against it, in one ``check_many`` call (the checker batches across notes)."""
    checks = iter(checker.check_many([(note, text) for note, texts in zip(notes, candidates) for text in texts]))
    return [[next(checks) for _ in texts] for texts in candidates]


def rank_candidates(checks: Sequence[SummaryCheck], logprobs: Sequence[float] | None = None,
                    degenerate: Sequence[bool] | None = None, least_faithful_first: bool = False) -> list[int]:
    """Candidate indices by (loops, ``unfaithfulness``, lower likelihood): most faithful first, or with
    ``least_faithful_first`` the reverse; candidates with equal keys keep their given order either way."""
    def key(k: int) -> tuple[bool, float, float]:
        return (bool(degenerate and degenerate[k]), unfaithfulness(checks[k]), -logprobs[k] if logprobs else 0.0)

    return sorted(range(len(checks)), key=key, reverse=least_faithful_first)
