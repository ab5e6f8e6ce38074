"""Faithful paraphrases the checker must not flag, and their unfaithful twins it must (the pairs are in
clinsum.testing, which benchmarks/checker_levers.py uses too).

Lexical mode (no embedding model), which flags at least as much as the default: a sentence without
typed facts is flagged there whenever its words are not in the note, with embeddings only when it also
resembles nothing.
"""

from __future__ import annotations

import pytest

from clinsum.evaluation.faithfulness import FaithfulnessChecker
from clinsum.testing import PARAPHRASES, UNFAITHFUL_TWINS


@pytest.fixture(scope="module")
def checker() -> FaithfulnessChecker:
    return FaithfulnessChecker(use_embeddings=False)


def test_there_are_at_least_thirty_paraphrases():
    assert len(PARAPHRASES) >= 30


@pytest.mark.parametrize("note, summary", PARAPHRASES)
def test_faithful_paraphrase_gets_no_flag(checker, note, summary):
    check = checker.check(note, summary)
    assert check.unsupported_count == 0, [u.to_dict() for u in check.unsupported_facts]


@pytest.mark.parametrize("note, summary", UNFAITHFUL_TWINS)
def test_unfaithful_twins_are_flagged(checker, note, summary):
    assert checker.check(note, summary).unsupported_count > 0
