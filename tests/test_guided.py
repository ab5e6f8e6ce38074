"""Checker-guided decoding: k beam-search candidates, the checker keeps the least unfaithful one."""

from __future__ import annotations

import json

import pytest
import torch

from clinsum.cli import main as cli_main
from clinsum.data.dataset import load_examples
from clinsum.evaluation.guided import GuidedSummarizer, load_summarizer
from clinsum.evaluation.report import EvalConfig, run_eval
from clinsum.inference.generate import Candidate, GenerationOptions, Summarizer
from test_eval import FakeChecker


class StubSummarizer:
    """Fixed candidates per note, as ``Summarizer.candidates`` returns them (likeliest first)."""

    device = torch.device("cpu")

    def __init__(self, candidates: list[list[Candidate]]):
        self.fixed = candidates

    def candidates(self, notes, options, contexts=None, progress=True):
        return self.fixed[: len(notes)]


def test_fewest_unsupported_facts_win_and_likelihood_breaks_ties():
    # FakeChecker: every number the note lacks is one unsupported fact.
    notes = ["Takes 10 mg.", "Takes 10 mg.", "Takes 10 mg."]
    stub = StubSummarizer([
        [Candidate("takes 20 mg", -0.1), Candidate("takes 10 mg", -0.9), Candidate("takes 30 40 mg", -0.2)],
        [Candidate("takes 20 mg", -0.1), Candidate("takes 30 mg", -0.5)],  # a tie: the likelier one
        [Candidate("takes 10 mg", -0.7), Candidate("takes it", -0.3)],  # a tie at 0: the likelier one
    ])
    choices = GuidedSummarizer(stub, FakeChecker()).choose(notes, GenerationOptions(candidates=3))
    assert [(c.summary, c.rank, c.unfaithful) for c in choices] == [
        ("takes 10 mg", 1, (1, 0, 2)), ("takes 20 mg", 0, (1, 1)), ("takes it", 1, (0, 0))]
    assert GuidedSummarizer(stub, FakeChecker()).summarize(notes, GenerationOptions()) == [c.summary for c in choices]


@pytest.fixture(scope="module")
def notes(synthetic_splits):
    return [e.note for e in load_examples(synthetic_splits["test"])[:3]]


def test_beam_candidates_are_ranked_by_likelihood_and_reproducible(tiny_model, notes):
    summarizer = Summarizer.from_pretrained(str(tiny_model), device="cpu")
    options = GenerationOptions(candidates=3, max_new_tokens=8, batch_size=3)
    first = summarizer.candidates(notes, options, progress=False)
    assert [len(c) for c in first] == [3, 3, 3]
    for cands in first:
        scores = [c.logprob for c in cands]
        assert scores == sorted(scores, reverse=True) and all(s < 0 for s in scores)
        assert len({c.text for c in cands}) > 1  # beams, not three copies of one summary
    assert summarizer.candidates(notes, options, progress=False) == first
    with pytest.raises(ValueError, match="--candidates must be at least 1"):
        summarizer.candidates(notes, GenerationOptions(candidates=0))


def test_pick_follows_the_unfaithful_score_when_the_checker_has_one():
    """The pick minimises the score eval counts hallucinations by, not the number of flags."""
    from dataclasses import replace

    from test_eval import FakeCheck

    class ScoredChecker:  # two flags but a low score, against no flag and a high score (invented context)
        def check_many(self, pairs):
            return [replace(FakeCheck(["dose", "number"] if "two flags" in s else [], 1.0),
                            unfaithful_score=1.0 if "two flags" in s else 5.0) for _, s in pairs]

    stub = StubSummarizer([[Candidate("no flag, invented context", -0.1), Candidate("two flags", -0.5)]])
    [choice] = GuidedSummarizer(stub, ScoredChecker()).choose(["note"], GenerationOptions(candidates=2))
    assert (choice.summary, choice.rank, choice.unfaithful) == ("two flags", 1, (5.0, 1.0))


def test_guided_summary_is_the_candidate_the_real_checker_scores_lowest(tiny_model, notes):
    from clinsum.evaluation.faithfulness import FaithfulnessChecker
    from clinsum.evaluation.faithfulness import unfaithfulness

    checker = FaithfulnessChecker(use_embeddings=False)
    options = GenerationOptions(candidates=4, max_new_tokens=12, batch_size=3)
    guided = load_summarizer(str(tiny_model), options, device="cpu", checker=checker)
    assert isinstance(guided, GuidedSummarizer)
    choices = guided.choose(notes, options, progress=False)
    candidates = guided.summarizer.candidates(notes, options, progress=False)
    for note, cands, choice in zip(notes, candidates, choices):
        scores = [unfaithfulness(checker.check_many([(note, c.text)])[0]) for c in cands]
        assert all(s is not None for s in scores)
        best = min(range(len(cands)), key=lambda k: (scores[k], -cands[k].logprob))
        assert (choice.summary, choice.rank, list(choice.unfaithful)) == (cands[best].text, best, scores)
    plain = load_summarizer(str(tiny_model), GenerationOptions(), device="cpu")
    assert isinstance(plain, Summarizer)


def test_generate_and_eval_take_candidates(tiny_model, synthetic_splits, tmp_path, capsys):
    output = tmp_path / "summaries.jsonl"
    assert cli_main(["generate", "--model-path", str(tiny_model), "--input-file", str(synthetic_splits["test"]),
                     "--output-file", str(output), "--candidates", "2", "--max-new-tokens", "6",
                     "--device", "cpu"]) == 0
    rows = [json.loads(line) for line in output.read_text().splitlines()]
    summarizer = Summarizer.from_pretrained(str(tiny_model), device="cpu")
    beams = summarizer.candidates([r["note"] for r in rows], GenerationOptions(candidates=2, max_new_tokens=6),
                                  progress=False)
    assert all(r["summary"] in {c.text for c in cands} for r, cands in zip(rows, beams))

    checker = FakeChecker()
    config = EvalConfig(models=[f"tiny={tiny_model}"], data=str(synthetic_splits["test"]), max_examples=3,
                        max_new_tokens=6, candidates=2, device="cpu", output_dir=str(tmp_path / "eval"),
                        bootstrap_samples=50)
    report = run_eval(config, checker=checker)
    assert report["settings"]["candidates"] == 2
    assert checker.calls >= 2  # once to pick among the candidates, once (or more) to score

    assert cli_main(["generate", "--model-path", str(tiny_model), "--clinical-note", "x", "--candidates", "0"]) == 2
    assert "--candidates must be at least 1" in capsys.readouterr().err


def test_serve_picks_among_candidates_too(tiny_model, notes):
    import asyncio

    from clinsum.serving.service import ServeConfig, SummarizationService

    from clinsum.evaluation.faithfulness import FaithfulnessChecker

    class CountingChecker(FaithfulnessChecker):
        calls = 0

        def check_many(self, pairs):
            CountingChecker.calls += 1
            return super().check_many(pairs)

    summarizer, checker = Summarizer.from_pretrained(str(tiny_model), device="cpu"), CountingChecker(use_embeddings=False)
    service = SummarizationService(ServeConfig(model_path=str(tiny_model), candidates=3, max_new_tokens=6),
                                   summarizer=summarizer, checker=checker)
    service.start()
    assert service.wait_ready(30)
    try:
        result = asyncio.run(service.summarize(notes[0]))
    finally:
        service.stop()
    beams = summarizer.candidates([notes[0]], GenerationOptions(candidates=3, max_new_tokens=6), progress=False)[0]
    expected = GuidedSummarizer(summarizer, FaithfulnessChecker(use_embeddings=False)).choose(
        [notes[0]], GenerationOptions(candidates=3, max_new_tokens=6), progress=False)[0]
    assert result["summary"] == expected.summary in {c.text for c in beams}
    assert checker.calls == 2  # once to pick, once for the response's check
