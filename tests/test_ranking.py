"""One ranking of candidate summaries by the checker, shared by guided decoding and Stage B's own-sample pairs."""

from __future__ import annotations

from dataclasses import replace

from clinsum.evaluation.ranking import check_candidates, rank_candidates
from test_eval import FakeCheck, FakeChecker


def scored(*scores: float) -> list[FakeCheck]:
    return [replace(FakeCheck([], 1.0), unfaithful_score=s) for s in scores]


def test_most_faithful_first_and_likelihood_breaks_ties():
    assert rank_candidates(scored(3.0, 1.0, 1.0, 2.0)) == [1, 2, 3, 0]
    assert rank_candidates(scored(3.0, 1.0, 1.0, 2.0), logprobs=[0.0, -2.0, -1.0, 0.0]) == [2, 1, 3, 0]


def test_least_faithful_first_puts_loops_first_and_keeps_ties_in_order():
    checks = scored(1.0, 4.0, 4.0, 0.5)
    assert rank_candidates(checks, least_faithful_first=True) == [1, 2, 0, 3]
    assert rank_candidates(checks, degenerate=[False, False, False, True], least_faithful_first=True)[0] == 3


def test_one_check_call_for_every_note_and_candidate():
    checker = FakeChecker()
    checks = check_candidates(checker, ["dose 10 mg", "age 40"], [["10 mg", "20 mg"], ["40", "41", "40"]])
    assert checker.calls == 1
    assert [[c.unsupported_count for c in note] for note in checks] == [[0, 1], [0, 1, 0]]
