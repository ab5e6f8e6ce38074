"""Decoding repetition controls: they act on the summary being written, never on the note it copies from."""

from __future__ import annotations

import pytest
import torch

from clinsum.inference.generate import GenerationOptions, Summarizer

VOCAB = 10


def _processed(options: GenerationOptions, prompt: list[int], generated: list[int]) -> torch.Tensor:
    input_ids = torch.tensor([prompt + generated])
    scores = torch.ones(1, VOCAB)
    for processor in options.logits_processors(len(prompt)):
        scores = processor(input_ids, scores)
    return scores[0]


def test_no_repeat_ngram_bans_a_repeat_within_the_summary_but_not_a_phrase_of_the_note():
    options = GenerationOptions(no_repeat_ngram_size=2)
    # The note contains "3 4"; the summary so far ends in 3: copying "3 4" from the note stays allowed.
    assert torch.isfinite(_processed(options, [1, 3, 4, 5], [3])).all()
    # The summary already wrote "3 4" and ends in 3 again: 4 would repeat its own bigram.
    scores = _processed(options, [1, 3, 4, 5], [3, 4, 7, 3])
    assert scores[4] == float("-inf")
    assert torch.isfinite(scores[[i for i in range(VOCAB) if i != 4]]).all()


def test_repetition_penalty_lowers_only_tokens_already_in_the_summary():
    scores = _processed(GenerationOptions(repetition_penalty=2.0), [6, 8], [2, 5])
    assert scores[2] == scores[5] == 0.5  # positive logits are divided by the penalty
    assert scores[6] == scores[8] == 1.0  # the note's tokens are left alone
    assert len(GenerationOptions(no_repeat_ngram_size=0).logits_processors(3)) == 0  # both off: nothing added


@pytest.mark.parametrize("field,value", [("no_repeat_ngram_size", -1), ("repetition_penalty", 0.0)])
def test_bad_repetition_settings_name_the_option(field, value):
    with pytest.raises(ValueError, match=field.replace("_", "-")):
        GenerationOptions(**{field: value}).logits_processors(4)


def _generated_ids(summarizer: Summarizer, notes: list[str], options: GenerationOptions) -> list[tuple[list[int], list[int]]]:
    """(prompt ids, generated ids) of each note, recorded from the real ``model.generate`` call."""
    calls = []
    generate = summarizer.model.generate

    def recording_generate(**kwargs):
        output = generate(**kwargs)
        calls.append((kwargs["input_ids"], output))
        return output

    summarizer.model.generate = recording_generate
    summarizer.summarize(notes, options, progress=False)
    summarizer.model.generate = generate
    pad, eos = summarizer.tokenizer.pad_token_id, summarizer.tokenizer.eos_token_id
    rows = []
    for input_ids, output in calls:
        for prompt, generated in zip(input_ids.tolist(), output[:, input_ids.shape[1]:].tolist()):
            rows.append(([t for t in prompt if t != pad], [t for t in generated if t not in (pad, eos)]))
    return rows


def test_summarize_applies_the_controls_to_the_summary_only_end_to_end(tiny_model, synthetic_splits):
    """With n-gram size 1 no generated token may come twice, yet the summary still copies tokens of the note."""
    from clinsum.data.dataset import load_examples

    summarizer = Summarizer.from_pretrained(str(tiny_model), device="cpu")
    notes = [e.note for e in load_examples(synthetic_splits["test"])[:4]]
    free = _generated_ids(summarizer, notes, GenerationOptions(greedy=True, max_new_tokens=40, no_repeat_ngram_size=0))
    controlled = _generated_ids(summarizer, notes, GenerationOptions(greedy=True, max_new_tokens=40, no_repeat_ngram_size=1))
    assert any(len(set(generated)) < len(generated) for _, generated in free)  # the test can fail
    assert all(len(set(generated)) == len(generated) > 0 for _, generated in controlled)
    assert any(set(generated) & set(prompt) for prompt, generated in controlled)


def test_dtype_auto_is_fp32_on_cpu_and_an_explicit_dtype_is_kept(tiny_model):
    from clinsum.models import resolve_dtype

    cpu = torch.device("cpu")
    assert resolve_dtype("auto", cpu) == torch.float32
    assert resolve_dtype("bfloat16", cpu) == torch.bfloat16
    with pytest.raises(ValueError, match="--dtype 'fp8'"):
        resolve_dtype("fp8", cpu)
    summarizer = Summarizer.from_pretrained(str(tiny_model), device="cpu", dtype="bfloat16")
    assert next(summarizer.model.parameters()).dtype == torch.bfloat16
