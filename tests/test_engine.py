"""Token-level continuous batching (clinsum.inference.engine) on the tiny model: requests joining and leaving a
running batch get what ``model.generate`` gives each alone."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clinsum.data.dataset import load_examples
from clinsum.inference.engine import SLACK, DecodingEngine, GenerationRequest, sampling_distribution
from clinsum.inference.generate import GenerationOptions, Summarizer

GREEDY = GenerationOptions(greedy=True, max_new_tokens=16)
SAMPLED = GenerationOptions(greedy=False, max_new_tokens=12, seed=3)


@pytest.fixture(scope="module")
def summarizer(tiny_model):
    return Summarizer.from_pretrained(str(tiny_model), device="cpu")


@pytest.fixture(scope="module")
def notes(synthetic_splits):
    return [e.note for e in load_examples(synthetic_splits["test"])[:5]]


def run(engine: DecodingEngine, requests: list[GenerationRequest], join_every: int = 0) -> int:
    """Decode ``requests`` to the end, one joining every ``join_every`` steps (0: all at once); the steps taken."""
    steps, queued = 0, list(requests)
    while queued or engine.busy:
        while queued and (not join_every or steps % join_every == 0):
            engine.add(queued.pop(0))
            if join_every:
                break
        engine.step()
        steps += 1
        assert engine.mask.shape == (len(engine.rows), engine.width)
    return steps


def test_requests_joining_a_running_batch_get_their_greedy_summary_alone(summarizer, notes):
    alone = summarizer.summarize(notes, replace(GREEDY, batch_size=1), progress=False)
    engine = DecodingEngine(summarizer)
    requests = [GenerationRequest(note, GREEDY) for note in notes]
    steps = run(engine, requests, join_every=3)
    assert [r.result[0].text for r in requests] == alone
    assert all(r.result[0].logprob == 0.0 for r in requests)
    assert steps < len(notes) * GREEDY.max_new_tokens  # they shared steps
    assert not engine.busy and engine.mask.shape == (0, 0)


def test_slots_of_a_row_that_left_are_cut(summarizer, notes):
    long_note, short_note = max(notes, key=len) * 6, "Cough for 2 days."
    engine = DecodingEngine(summarizer)
    engine.add(GenerationRequest(long_note, replace(GREEDY, max_new_tokens=2)))
    engine.add(GenerationRequest(short_note, replace(GREEDY, max_new_tokens=12)))
    short_prompt = len(summarizer.prompt_tokens(short_note, None, None, GREEDY.max_input_length)[0])
    widths = []
    while engine.busy:
        engine.step()
        widths.append(engine.mask.shape[1])
    assert widths[0] > short_prompt + 3 * SLACK  # the long note's slots
    assert widths[-2] <= short_prompt + 12 + SLACK  # cut once it ended: the short row's own slots and the slack


def test_a_continuation_from_a_prefix_matches_continue_summaries(summarizer, notes):
    prefix = "The patient"
    expected = summarizer.continue_summaries(notes[:2], [prefix, prefix], GREEDY)
    requests = [GenerationRequest(note, GREEDY, prefix=prefix) for note in notes[:2]]
    run(DecodingEngine(summarizer), requests + [GenerationRequest(notes[2], GREEDY)])
    assert [[c.text for c in r.result] for r in requests] == expected


def test_samples_do_not_depend_on_the_batch_and_follow_the_seed(summarizer, notes):
    def samples(batch_notes, options=SAMPLED):
        requests = [GenerationRequest(note, options, samples=3) for note in batch_notes]
        run(DecodingEngine(summarizer), requests, join_every=2)
        return [[c.text for c in r.result] for r in requests], requests

    alone, [request] = samples(notes[:1])
    together, _ = samples(notes[:4])
    assert together[0] == alone[0]
    assert len(set(alone[0])) > 1  # three different samples
    assert all(c.logprob < 0 for c in request.result)  # log-likelihood per token, to rank candidates
    other_seed, _ = samples(notes[:1], replace(SAMPLED, seed=4))
    assert other_seed[0] != alone[0]


def test_a_rewrite_stops_after_its_first_sentence_as_continue_summaries_does(summarizer, notes):
    options = replace(GREEDY, max_new_tokens=40)
    expected = summarizer.continue_summaries(notes, ["Patient"] * len(notes), options, stop_after_sentence=True)
    requests = [GenerationRequest(note, options, prefix="Patient", stop_after_sentence=True) for note in notes]
    run(DecodingEngine(summarizer), requests, join_every=2)
    assert [[c.text for c in r.result] for r in requests] == expected


def test_several_greedy_samples_are_refused():
    with pytest.raises(ValueError, match="several samples"):
        GenerationRequest("note", GREEDY, samples=2)


@pytest.mark.parametrize("top_k,top_p", [(50, 0.9), (0, 0.5), (5, 1.0)])
def test_sampling_draws_from_what_transformers_warpers_leave(top_k, top_p):
    import torch
    from transformers import LogitsProcessorList, TemperatureLogitsWarper, TopKLogitsWarper, TopPLogitsWarper

    scores = torch.randn(300, generator=torch.Generator().manual_seed(top_k))
    warpers = [TemperatureLogitsWarper(0.7)] + ([TopKLogitsWarper(top_k)] if top_k else []) + [TopPLogitsWarper(top_p)]
    expected = LogitsProcessorList(warpers)(torch.zeros(1, 1, dtype=torch.long), scores[None].clone())[0].softmax(-1)
    tokens, probs = sampling_distribution(scores, GenerationOptions(temperature=0.7, top_k=top_k, top_p=top_p))
    ours = torch.zeros(300).index_put_((tokens,), probs)
    assert torch.allclose(ours, expected, atol=1e-6)
    assert 1 < int((ours > 0).sum()) < 300
