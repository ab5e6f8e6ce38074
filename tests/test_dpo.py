"""Stage B (DPO): the loss against the paper and TRL, then end to end on a tiny Stage A model."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from types import SimpleNamespace

import numpy as np
import pytest
import torch
from safetensors.torch import load_file

from clinsum.cli import main as cli_main
from clinsum.data.dataset import DataError, load_examples
from clinsum.data.prompts import PromptFormat
from clinsum.inference.generate import GenerationOptions, Summarizer
from clinsum.io import write_jsonl
from clinsum.models import load_tokenizer
from clinsum.training import dpo as dpo_module
from clinsum.training.dpo import (
    DPOConfig, Triplet, dpo_loss, encode_triplets, evaluate_pairs, load_policy, load_triplets, metrics, pair_loss,
    prepare_dpo_data, sequence_logps, split_by_note, train_dpo,
)
from clinsum.training.sft import SFTConfig, train_sft
from conftest import assert_same_adapter, interrupt_on_call


pytestmark = pytest.mark.usefixtures("one_thread")


# ----------------------------------------------------------------------------------------------- loss


def _random_logps(n: int = 6, seed: int = 0):
    g = torch.Generator().manual_seed(seed)
    policy = -torch.rand(2 * n, generator=g, dtype=torch.float64) * 30
    ref = policy + torch.randn(2 * n, generator=g, dtype=torch.float64) * 2
    lengths = torch.randint(3, 40, (2 * n,), generator=g)
    return policy, ref, lengths


@pytest.mark.parametrize("label_smoothing", [0.0, 0.2])
def test_sigmoid_loss_rewards_and_margins_match_the_paper(label_smoothing):
    policy, ref, _ = _random_logps()
    pc, pr = policy.float().chunk(2)
    rc, rr = ref.float().chunk(2)
    losses, chosen_rewards, rejected_rewards = dpo_loss(pc, pr, rc, rr, beta=0.3, label_smoothing=label_smoothing)

    # Rafailov et al. (2023), eq. 7, in float64 numpy; cDPO mixes in the flipped-label term.
    p, r = policy.numpy(), ref.numpy()
    chosen, rejected = 0.3 * (p[:6] - r[:6]), 0.3 * (p[6:] - r[6:])
    margin = chosen - rejected
    expected = (1 - label_smoothing) * np.logaddexp(0, -margin) + label_smoothing * np.logaddexp(0, margin)
    np.testing.assert_allclose(losses.numpy(), expected, atol=1e-5)
    np.testing.assert_allclose(chosen_rewards.numpy(), chosen, atol=1e-5)
    np.testing.assert_allclose(rejected_rewards.numpy(), rejected, atol=1e-5)
    np.testing.assert_allclose((chosen_rewards - rejected_rewards).numpy(), margin, atol=1e-5)
    assert 0 < (margin > 0).mean() < 1  # the batch has both orderings, so accuracy is not trivially 0 or 1


def test_ipo_loss_matches_its_formula():
    policy, ref, lengths = _random_logps(seed=1)
    losses, _, _ = dpo_loss(*policy.float().chunk(2), *ref.float().chunk(2), beta=0.5, loss_type="ipo",
                            chosen_lengths=lengths[:6], rejected_lengths=lengths[6:])
    p, r, n = policy.numpy(), ref.numpy(), lengths.numpy()
    per_token = (p[:6] - r[:6]) / n[:6] - (p[6:] - r[6:]) / n[6:]
    np.testing.assert_allclose(losses.numpy(), (per_token - 1 / (2 * 0.5)) ** 2, atol=1e-5)
    with pytest.raises(ValueError, match="lengths"):
        dpo_loss(*policy.chunk(2), *ref.chunk(2), loss_type="ipo")


def _trl_loss(per_token_logps, completion_mask, ref, beta, loss_types, weights):
    """TRL 1.16's own loss code (DPOTrainer._compute_loss) on given per-token log-probs.

    TRL 1.16 has no standalone loss function; the loss lives in `_compute_loss`, which reads only a few
    trainer attributes and the model's fused-head outputs. So the trainer is built without __init__
    (no model, data or accelerate set-up) and the "model" returns the given log-probs.
    """
    from accelerate import Accelerator
    from trl import DPOTrainer

    n = len(ref) // 2
    zeros = torch.zeros_like(per_token_logps)
    model = SimpleNamespace(training=True)
    trainer = DPOTrainer.__new__(DPOTrainer)
    trainer.model, trainer.accelerator = model, Accelerator(cpu=True)
    trainer.beta, trainer.label_smoothing, trainer.loss_types, trainer.loss_weights = beta, 0.0, loss_types, weights
    trainer.ld_alpha, trainer.f_divergence_type, trainer.precompute_ref_logps = None, "reverse_kl", True
    trainer.use_weighting = trainer.aux_loss_enabled = False
    trainer._metrics, trainer._total_train_tokens, trainer._tp_size = {"train": defaultdict(list)}, 0, 1
    inputs = {
        "input_ids": torch.ones_like(completion_mask), "attention_mask": torch.ones_like(completion_mask),
        "completion_mask": completion_mask, "ref_chosen_logps": ref[:n], "ref_rejected_logps": ref[n:],
    }
    fused = SimpleNamespace(log_probs=per_token_logps, entropy=zeros, mean_logits=zeros, is_top1=zeros.bool())
    loss = trainer._compute_loss(lambda **kwargs: fused, inputs, return_outputs=False)
    return loss.item(), {k: v[0] for k, v in trainer._metrics["train"].items()}


@pytest.mark.parametrize("loss_type,rpo_alpha", [("sigmoid", 0.0), ("ipo", 0.0), ("sigmoid", 0.5)])
def test_loss_and_metrics_match_trl(loss_type, rpo_alpha):
    trl = pytest.importorskip("trl")
    if trl.__version__ != "1.16.0":
        pytest.skip(f"compares with TRL 1.16's internal _compute_loss; installed: {trl.__version__}")
    g = torch.Generator().manual_seed(2)
    n, width = 4, 16
    completion = torch.zeros(2 * n, width, dtype=torch.long)
    for row in range(2 * n):
        start = int(torch.randint(2, 8, (), generator=g))
        completion[row, start : int(torch.randint(start + 1, width + 1, (), generator=g))] = 1
    per_token = -torch.rand(2 * n, width - 1, generator=g, dtype=torch.float64) * 4 * completion[:, 1:]
    ref = per_token.sum(1) + torch.randn(2 * n, generator=g, dtype=torch.float64)

    # RPO is TRL's ["sigmoid", "sft"] loss mix with weights [1, alpha].
    types, weights = ([loss_type, "sft"], [1.0, rpo_alpha]) if rpo_alpha else ([loss_type], [1.0])
    trl_loss, trl_metrics = _trl_loss(per_token, completion, ref, 0.2, types, weights)

    config = DPOConfig(beta=0.2, loss_type=loss_type, rpo_alpha=rpo_alpha)
    loss, sums = pair_loss(per_token.sum(1), completion.sum(1), ref, config)
    ours = metrics(sums)
    assert loss.item() == pytest.approx(trl_loss, abs=1e-5)
    for our_key, trl_key in [("chosen_reward", "rewards/chosen"), ("rejected_reward", "rewards/rejected"),
                             ("margin", "rewards/margins"), ("reward_accuracy", "rewards/accuracies")]:
        assert ours[our_key] == pytest.approx(trl_metrics[trl_key], abs=1e-5), our_key
    assert 0 < ours["reward_accuracy"] < 1


def test_rpo_term_of_a_split_step_averages_over_the_whole_steps_tokens():
    """A step cut into forwards (or processes) weighted by their pairs must give the whole step's loss."""
    g = torch.Generator().manual_seed(0)
    n = 6
    tokens = torch.randint(3, 40, (2 * n,), generator=g)
    logps = -torch.rand(2 * n, generator=g, dtype=torch.float64) * tokens
    ref = logps + torch.randn(2 * n, generator=g, dtype=torch.float64)
    config = DPOConfig(rpo_alpha=1.0)
    whole, _ = pair_loss(logps, tokens, ref, config)
    per_pair = tokens[:n].sum().item() / n
    split = 0.0
    for pairs in ([0, 1], [2, 3, 4, 5]):  # unequal chunks with unequal token counts
        rows = pairs + [n + i for i in pairs]
        part, _ = pair_loss(logps[rows], tokens[rows], ref[rows], config, per_pair)
        split += part.item() * len(pairs) / n
    assert split == pytest.approx(whole.item(), rel=1e-12)


# ----------------------------------------------------------------------------------------------- data


@pytest.fixture(scope="module")
def triplets_file(synthetic_splits, tmp_path_factory):
    """Hard negatives of 12 synthetic notes, up to two each, in the format `clinsum negatives` writes."""
    from clinsum.preference.config import NegativesConfig
    from clinsum.preference.edits import make_triplets

    triplets, _ = make_triplets(load_examples(synthetic_splits["train"])[:12], NegativesConfig(per_example=2, seed=0))
    path = tmp_path_factory.mktemp("triplets") / "triplets.jsonl"
    write_jsonl(path, [t.record() for t in triplets])
    return path


@pytest.fixture(scope="module")
def steps_per_epoch(triplets_file) -> int:
    train, _ = split_by_note(load_triplets(triplets_file), 0.25, seed=3)
    return math.ceil(len(train) / 4)


def test_split_holds_out_whole_notes(triplets_file):
    triplets = load_triplets(triplets_file)
    notes = {t.prompt for t in triplets}
    assert len(notes) == 12 and len(triplets) > len(notes) and all(t.strategy for t in triplets)
    train, val = split_by_note(triplets, 0.25, seed=3)
    assert len({t.prompt for t in val}) == 3 and len(train) + len(val) == len(triplets)
    assert not {t.prompt for t in train} & {t.prompt for t in val}
    assert split_by_note(triplets, 0.25, seed=3) == (train, val)


def test_chosen_and_rejected_share_one_prompt_when_the_note_is_truncated(tiny_model):
    fmt = PromptFormat(load_tokenizer(str(tiny_model)), "chat")
    note = "Patient reports left knee pain for 3 days after a fall. " * 20
    triplet = Triplet("1", note, "Knee pain.", "Knee pain for 3 days after a fall, with swelling and bruising.")
    pairs, counts = encode_triplets([triplet], fmt, max_length=160, use_context=True)
    chosen, rejected = pairs.rows
    assert counts["notes_truncated"] == 1 and counts["summaries_truncated"] == 0
    prompt = len(chosen.input_ids) - len(fmt.summary_ids(triplet.chosen))
    assert prompt == len(rejected.input_ids) - len(fmt.summary_ids(triplet.rejected))
    assert chosen.input_ids[:prompt] == rejected.input_ids[:prompt]
    assert len(rejected.input_ids) == 160


@pytest.mark.parametrize("content,suffix,message", [
    ('{"prompt": "n", "chosen": "a"}\n', ".jsonl", "row 1, column 'rejected': no 'rejected' column"),
    ("prompt,chosen\nn,a\n", ".csv", "row 1, column 'rejected': no 'rejected' column"),
    ('{"prompt": "n", "chosen": "a", "rejected": "b"}\n{"prompt": "n", "chosen": " ", "rejected": "b"}\n',
     ".jsonl", "row 2, column 'chosen': empty chosen"),
    ("prompt,chosen,rejected\nn,a,b\nn,Same.,Same.\n", ".csv", "row 3, column 'rejected': chosen and rejected are the same"),
    ('{"prompt": "n", "chosen": "a", "rejected": "b"}\nnot json\n', ".jsonl", "row 2: invalid JSON"),
    (b"prompt,chosen,rejected\nn,\xff,b\n", ".csv", "undecodable bytes at line 2"),
    ("prompt,chosen,rejected\n", ".csv", "no data rows"),
    ("p\tc\tr\n", ".tsv", "unsupported file type"),
])
def test_bad_triplet_files_name_file_row_column_and_fix(tmp_path, content, suffix, message):
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(DataError) as error:
        load_triplets(path)
    assert str(error.value).startswith(str(path)) and message in str(error.value) and "Fix:" in str(error.value)
    with pytest.raises(DataError, match="file not found"):
        load_triplets(tmp_path / "missing.jsonl")


# ----------------------------------------------------------------------------------------------- end to end


@pytest.fixture(scope="module")
def stage_a(tiny_model, synthetic_splits, tmp_path_factory):
    config = SFTConfig(
        train_data=str(synthetic_splits["train"]), val_data=str(synthetic_splits["val"]), model=str(tiny_model),
        output_dir=str(tmp_path_factory.mktemp("stage-a")), batch_size=8, num_epochs=1, max_steps=4,
        learning_rate=1e-2, lora_r=8, lora_alpha=16, lora_target_modules=["q_proj", "v_proj", "o_proj"],
        max_length=256, warmup_steps=0, seed=7,
    )
    return train_sft(config)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("reference-cache")


def dpo_config(stage_a, triplets_file, cache_dir, output_dir, **overrides) -> DPOConfig:
    values = dict(
        sft_model_path=str(stage_a), train_data=str(triplets_file), output_dir=str(output_dir),
        reference_cache_dir=str(cache_dir), val_fraction=0.25, num_epochs=2, batch_size=4, learning_rate=1e-2,
        max_length=256, warmup_steps=0, save_every_steps=2, seed=3,
    )
    return DPOConfig(**{**values, **overrides})


@pytest.fixture(scope="module")
def first_run(stage_a, triplets_file, cache_dir, tmp_path_factory):
    config = dpo_config(stage_a, triplets_file, cache_dir, tmp_path_factory.mktemp("dpo") / "run")
    return config, train_dpo(config)


def test_dpo_learns_to_prefer_the_faithful_summary(first_run, stage_a, steps_per_epoch):
    config, final = first_run
    out = final.parent
    stats = json.loads((out / "training_stats.json").read_text())
    assert stats["reference"]["train"]["cache"] == "miss" and stats["reference"]["val"]["cache"] == "miss"
    assert stats["totals"]["steps"] == 2 * steps_per_epoch
    first, last = stats["epochs"][0]["train"], stats["epochs"][1]["train"]
    assert last["margin"] > first["margin"] + 0.05 and last["reward_accuracy"] > first["reward_accuracy"], stats["epochs"]
    for key in ("loss", "chosen_reward", "rejected_reward", "margin", "reward_accuracy", "chosen_logp_per_token"):
        assert key in stats["epochs"][1]["val"]

    # On the training triplets, in eval mode: Stage A (= the reference) vs the DPO adapter.
    sft_policy, _ = load_policy(stage_a, torch.device("cpu"), config)
    tokenizer = load_tokenizer(str(stage_a))
    data = prepare_dpo_data(config, PromptFormat(tokenizer, "chat"))
    reference, _ = sequence_logps(sft_policy, data.train.rows, 8, tokenizer.pad_token_id, "cpu")
    before = evaluate_pairs(sft_policy, data.train, reference, config, tokenizer.pad_token_id, "cpu")
    dpo_policy, _ = load_policy(final, torch.device("cpu"), config)
    after = evaluate_pairs(dpo_policy, data.train, reference, config, tokenizer.pad_token_id, "cpu")
    assert abs(before["margin"]) < 1e-4 and before["reward_accuracy"] < 0.5
    assert after["margin"] > before["margin"] + 0.2 and after["reward_accuracy"] >= 0.8, (before, after)

    # One adapter on the same base, loadable like a Stage A one.
    assert {"adapter_model.safetensors", "adapter_config.json", "dpo_config.json", "clinsum_model.json",
            "tokenizer.json"} <= {p.name for p in final.iterdir()}
    assert {p.name for p in out.iterdir()} >= {"final_model", "checkpoint_epoch_1", "checkpoint_epoch_2", "training_stats.json"}
    info = json.loads((final / "clinsum_model.json").read_text())
    assert info["stage"] == "dpo" and info["base_model"] == json.loads((stage_a / "clinsum_model.json").read_text())["base_model"]
    resolved = json.loads((final / "dpo_config.json").read_text())
    assert resolved["prompt_style"] == "chat" and resolved["beta"] == 0.1 and resolved["loss_type"] == "sigmoid"
    assert load_file(final / "adapter_model.safetensors").keys() == load_file(stage_a / "adapter_model.safetensors").keys()

    summarizer = Summarizer.from_pretrained(str(final), device="cpu")
    summary = summarizer.summarize([load_triplets(config.train_data)[0].prompt], GenerationOptions(greedy=True, max_new_tokens=8))
    assert isinstance(summary[0], str) and summary[0]
    ids = torch.tensor([[1, 20, 30, 40, 50, 60]])
    with torch.no_grad():
        sft_logits = Summarizer.from_pretrained(str(stage_a), device="cpu").model(ids).logits
        assert (summarizer.model(ids).logits - sft_logits).abs().max() > 1e-4


def test_resume_after_interrupt_matches_an_uninterrupted_run(first_run, stage_a, triplets_file, cache_dir,
                                                             steps_per_epoch, tmp_path, monkeypatch):
    _, uninterrupted = first_run
    real_step = dpo_module.dpo_step
    finished = steps_per_epoch + 1  # interrupted during the second step of the second epoch
    monkeypatch.setattr(dpo_module, "dpo_step", interrupt_on_call(real_step, finished + 1))
    config = dpo_config(stage_a, triplets_file, cache_dir, tmp_path / "run")
    with pytest.raises(KeyboardInterrupt):
        train_dpo(config)
    saved = json.loads((tmp_path / "run" / f"checkpoint_step_{finished}" / "trainer_state.json").read_text())
    assert (saved["global_step"], saved["epoch"], saved["step_in_epoch"]) == (finished, 1, 1)

    with pytest.raises(ValueError, match="--resume"):
        train_dpo(config)
    monkeypatch.setattr(dpo_module, "dpo_step", real_step)
    config.resume = True
    resumed = train_dpo(config)

    stats = json.loads((tmp_path / "run" / "training_stats.json").read_text())
    assert stats["totals"]["steps"] == 2 * steps_per_epoch and [e["steps"] for e in stats["epochs"]] == [steps_per_epoch] * 2
    assert stats["reference"]["train"]["cache"] == "hit"
    assert_same_adapter(uninterrupted, resumed)


def test_cli_reuses_the_reference_cache(first_run, stage_a, triplets_file, cache_dir, tmp_path, capsys):
    out = tmp_path / "cli"
    assert cli_main(["dpo", "--sft-model-path", str(stage_a), "--train-data", str(triplets_file), "--output-dir", str(out),
                     "--reference-cache-dir", str(cache_dir), "--val-fraction", "0.25", "--seed", "3",
                     "--max-length", "256", "--max-steps", "1", "--loss-type", "ipo", "--rpo-alpha", "0.5"]) == 0
    stats = json.loads((out / "training_stats.json").read_text())
    assert stats["reference"]["train"]["cache"] == "hit" and stats["reference"]["val"]["cache"] == "hit"
    assert stats["totals"]["steps"] == 1 and stats["config"]["loss_type"] == "ipo"
    assert "margin" in capsys.readouterr().out  # the summary table

    assert cli_main(["dpo", "--sft-model-path", str(tmp_path), "--train-data", str(triplets_file)]) == 2
    assert "not a model written by `clinsum sft`" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("prompt,chosen,rejected\nA note.,Same.,Same.\n")
    assert cli_main(["dpo", "--sft-model-path", str(stage_a), "--train-data", str(bad), "--output-dir", str(tmp_path / "b")]) == 2
    assert f"{bad}, row 2, column 'rejected': chosen and rejected are the same" in capsys.readouterr().err
    assert cli_main(["dpo", "--sft-model-path", str(stage_a), "--train-data", str(triplets_file), "--output-dir",
                     str(tmp_path / "x"), "--loss-type", "ipo", "--label-smoothing", "0.1"]) == 2
    assert "sigmoid only" in capsys.readouterr().err


def test_dpo_continues_a_fully_fine_tuned_stage_a(tiny_model, synthetic_splits, triplets_file, cache_dir, tmp_path):
    stage_a_full = train_sft(SFTConfig(
        train_data=str(synthetic_splits["train"]), model=str(tiny_model), output_dir=str(tmp_path / "stage-a"),
        finetune="full", batch_size=8, num_epochs=1, max_steps=2, learning_rate=1e-3, max_length=256, warmup_steps=0,
        seed=7))
    config = dpo_config(stage_a_full, triplets_file, cache_dir, tmp_path / "dpo", num_epochs=1, learning_rate=1e-3)
    final = train_dpo(config)
    assert (final / "model.safetensors").is_file() and not (final / "adapter_config.json").exists()
    stats = json.loads((tmp_path / "dpo" / "training_stats.json").read_text())
    assert stats["reference"]["train"]["cache"] == "miss"  # a different reference from the adapter runs'
    assert stats["epochs"][0]["train"]["margin"] > 0, stats["epochs"]
    before, after = load_file(stage_a_full / "model.safetensors"), load_file(final / "model.safetensors")
    assert before.keys() == after.keys() and any(not torch.equal(before[k], after[k]) for k in before)
    ids = torch.tensor([[1, 20, 30, 40, 50, 60]])
    with torch.no_grad():
        assert Summarizer.from_pretrained(str(final), device="cpu").model(ids).logits.isfinite().all()
    with pytest.raises(ValueError, match="fully fine-tuned"):
        train_dpo(dpo_config(stage_a_full, triplets_file, cache_dir, tmp_path / "q", load_in_4bit=True))
