"""Stage A end to end on a tiny random Llama: loss, masking, output layout, reload, resume, generation."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import torch

from clinsum.cli import main as cli_main
from clinsum.data.prompts import IGNORE_INDEX, PromptFormat
from clinsum.evaluation.verify import GenerateConfig, run_generate
from clinsum.inference.generate import GenerationOptions, Summarizer
from clinsum.models import load_tokenizer
from clinsum.training import sft as sft_module
from clinsum.training.sft import SFTConfig, train_sft
from conftest import assert_same_adapter, interrupt_on_call


def sft_config(tiny_model, synthetic_splits, output_dir, **overrides) -> SFTConfig:
    values = dict(
        train_data=str(synthetic_splits["train"]), val_data=str(synthetic_splits["val"]), model=str(tiny_model),
        output_dir=str(output_dir), batch_size=8, num_epochs=2, learning_rate=5e-2, lora_r=8, lora_alpha=16,
        lora_target_modules=["q_proj", "v_proj", "o_proj", "gate_proj", "down_proj"], max_length=256, warmup_steps=2,
        save_every_steps=3, seed=7,
    )
    return SFTConfig(**{**values, **overrides})


@pytest.mark.parametrize("style", ["chat", "plain"])
def test_prompt_tokens_carry_no_loss_and_notes_truncate_from_the_note_side(tiny_model, style):
    fmt = PromptFormat(load_tokenizer(str(tiny_model)), style)
    note, summary = "Patient reports left knee pain for 3 days. " * 3, "Left knee pain for 3 days."
    full = fmt.encode_pair(note, summary, None, max_length=512)
    prompt_ids, _ = fmt.encode_prompt(note)
    n_prompt = len(prompt_ids)
    assert full.input_ids[:n_prompt] == prompt_ids
    assert full.labels[:n_prompt] == [IGNORE_INDEX] * n_prompt
    assert full.labels[n_prompt:] == full.input_ids[n_prompt:]
    assert full.labels[-1] == fmt.eos_id
    decoded = fmt.tokenizer.decode(full.input_ids[n_prompt:-1])
    assert decoded.strip() == summary
    if style == "plain":
        assert fmt.tokenizer.decode(prompt_ids).startswith("Clinical Note: Patient")
        assert fmt.tokenizer.decode(prompt_ids).endswith("\n\nSummary:")

    short = fmt.encode_pair(note, summary, None, max_length=len(full.input_ids) - 10)
    assert short.note_truncated and not short.summary_truncated
    assert len(short.input_ids) == len(full.input_ids) - 10
    assert short.input_ids[-len(fmt.summary_ids(summary)):] == fmt.summary_ids(summary)


def test_sft_trains_saves_and_reloads(tiny_model, synthetic_splits, tmp_path):
    out = tmp_path / "run"
    final = train_sft(sft_config(tiny_model, synthetic_splits, out))

    stats = json.loads((out / "training_stats.json").read_text())
    first, last = stats["epochs"][0], stats["epochs"][-1]
    assert last["train_loss"] < first["train_loss"] - 0.3, stats["epochs"]
    assert last["val_loss"] < first["val_loss"]
    for key in ("train_loss", "val_loss", "learning_rate", "tokens_per_second", "seconds"):
        assert key in first
    assert stats["totals"]["steps"] == 2 * 8  # 64 rows / batch 8, two epochs
    assert {p.name for p in out.iterdir()} >= {"final_model", "checkpoint_epoch_1", "checkpoint_epoch_2", "training_stats.json"}
    assert {"adapter_model.safetensors", "adapter_config.json", "sft_config.json", "tokenizer.json"} <= {p.name for p in final.iterdir()}
    assert json.loads((final / "sft_config.json").read_text())["learning_rate"] == 5e-2

    # Plain PEFT loads the adapter and gives the same logits as clinsum's (merged) loader; the adapter matters.
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    ids = torch.tensor([[1, 20, 30, 40, 50, 60]])
    plain = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(str(tiny_model)), str(final)).eval()
    ours = Summarizer.from_pretrained(str(final), device="cpu").model
    base = AutoModelForCausalLM.from_pretrained(str(tiny_model)).eval()
    with torch.no_grad():
        torch.testing.assert_close(plain(ids).logits, ours(ids).logits, rtol=1e-4, atol=1e-4)
        assert (plain(ids).logits - base(ids).logits).abs().max() > 1e-3


def test_resume_after_interrupt_continues_at_the_right_step(tiny_model, synthetic_splits, tmp_path, monkeypatch):
    reference = train_sft(sft_config(tiny_model, synthetic_splits, tmp_path / "straight", num_epochs=1))

    real_step = sft_module.sft_step
    monkeypatch.setattr(sft_module, "sft_step", interrupt_on_call(real_step, 5))
    config = sft_config(tiny_model, synthetic_splits, tmp_path / "interrupted", num_epochs=1)
    with pytest.raises(KeyboardInterrupt):
        train_sft(config)
    saved = json.loads((tmp_path / "interrupted" / "checkpoint_step_4" / "trainer_state.json").read_text())
    assert saved["global_step"] == 4 and saved["step_in_epoch"] == 4

    with pytest.raises(ValueError, match="--resume"):
        train_sft(config)
    monkeypatch.setattr(sft_module, "sft_step", real_step)
    config.resume = True
    resumed = train_sft(config)

    stats = json.loads((tmp_path / "interrupted" / "training_stats.json").read_text())
    assert stats["totals"]["steps"] == 8
    assert_same_adapter(reference, resumed)


def test_generation_uses_the_prompt_style_stored_with_the_model(tiny_model, synthetic_splits, tmp_path):
    """`--prompt-style auto` (generate, eval, serve, negatives) loads a trained model in the style it was trained
    with; an explicit style still wins, and a base model keeps the tokenizer's choice."""
    final = train_sft(sft_config(tiny_model, synthetic_splits, tmp_path / "plain", prompt_style="plain", max_steps=1))
    info = final / "clinsum_model.json"
    assert json.loads(info.read_text())["prompt_style"] == "plain"
    assert Summarizer.from_pretrained(str(final), device="cpu").prompt_format.style == "plain"
    assert Summarizer.from_pretrained(str(final), device="cpu", prompt_style="chat").prompt_format.style == "chat"
    assert Summarizer.from_pretrained(str(tiny_model), device="cpu").prompt_format.style == "chat"  # has a template

    # A model written before clinsum_model.json held the style: its sft_config.json says which it was.
    info.write_text(json.dumps({"base_model": str(tiny_model), "stage": "sft"}))
    assert Summarizer.from_pretrained(str(final), device="cpu").prompt_format.style == "plain"


def test_full_fine_tuning_trains_every_weight_saves_a_whole_model_and_resumes(tiny_model, synthetic_splits, tmp_path,
                                                                             monkeypatch):
    from safetensors.torch import load_file
    from transformers import AutoModelForCausalLM

    full = dict(finetune="full", num_epochs=1, learning_rate=1e-3)
    straight = train_sft(sft_config(tiny_model, synthetic_splits, tmp_path / "straight", **full))
    assert {"model.safetensors", "config.json", "sft_config.json", "clinsum_model.json", "tokenizer.json"} <= {
        p.name for p in straight.iterdir()}
    assert not (straight / "adapter_config.json").exists()
    stats = json.loads((tmp_path / "straight" / "training_stats.json").read_text())
    assert stats["totals"]["steps"] == 8
    steps = [step["loss"] for step in stats["steps"]]
    assert sum(steps[-3:]) < sum(steps[:3]) - 0.3, steps  # it learns
    base = AutoModelForCausalLM.from_pretrained(str(tiny_model)).eval()
    ours = Summarizer.from_pretrained(str(straight), device="cpu").model
    trained = load_file(straight / "model.safetensors")
    changed = [name for name, p in base.named_parameters() if name in trained and not torch.equal(p, trained[name])]
    assert len(changed) == len(trained), "every saved weight trained"  # embeddings, norms and all linear layers
    ids = torch.tensor([[1, 20, 30, 40, 50, 60]])
    with torch.no_grad():
        assert (ours(ids).logits - base(ids).logits).abs().max() > 1e-3

    real_step = sft_module.sft_step
    monkeypatch.setattr(sft_module, "sft_step", interrupt_on_call(real_step, 5))
    config = sft_config(tiny_model, synthetic_splits, tmp_path / "interrupted", **full)
    with pytest.raises(KeyboardInterrupt):
        train_sft(config)
    monkeypatch.setattr(sft_module, "sft_step", real_step)
    config.resume = True
    resumed = load_file(train_sft(config) / "model.safetensors")
    assert resumed.keys() == trained.keys()
    for name in trained:
        torch.testing.assert_close(resumed[name], trained[name], rtol=1e-5, atol=1e-6)

    with pytest.raises(ValueError, match="--finetune"):
        train_sft(sft_config(tiny_model, synthetic_splits, tmp_path / "bad", finetune="partial"))


def test_generation_single_batch_and_interactive(tiny_model, synthetic_splits, tmp_path):
    summarizer = Summarizer.from_pretrained(str(tiny_model), device="cpu")
    notes = [row["clinical_note"] for row in csv.DictReader(open(synthetic_splits["test"]))][:5]
    options = GenerationOptions(greedy=True, max_new_tokens=8, batch_size=4)
    batched = summarizer.summarize(notes, options)
    one_by_one = [summarizer.summarize([n], options)[0] for n in notes]
    assert len(batched) == 5 and all(isinstance(s, str) and s for s in batched)
    assert batched == one_by_one  # left padding does not change greedy output

    sampled = GenerationOptions(max_new_tokens=8, temperature=1.0, seed=1)
    assert summarizer.summarize(notes[:2], sampled) == summarizer.summarize(notes[:2], sampled)

    output = tmp_path / "summaries.jsonl"
    assert cli_main(["generate", "--model-path", str(tiny_model), "--input-file", str(synthetic_splits["test"]),
                     "--output-file", str(output), "--greedy", "--max-new-tokens", "4", "--no-verify"]) == 0
    rows = [json.loads(line) for line in output.read_text().splitlines()]
    assert len(rows) == 8 and set(rows[0]) == {"id", "note", "summary"}

    stdout = io.StringIO()
    config = GenerateConfig(model_path=str(tiny_model), greedy=True, max_new_tokens=4, verify=False)
    run_generate(config, stdin=io.StringIO(f"{notes[0]}\n\n{notes[1]}\n"), stdout=stdout)
    assert stdout.getvalue().count("summary:") == 2


def test_clear_errors_for_bad_options(tiny_model, synthetic_splits, tmp_path, capsys):
    assert cli_main(["sft", "--train-data", str(synthetic_splits["train"]), "--model", str(tiny_model),
                     "--output-dir", str(tmp_path / "x"), "--load-in-4bit", "--device", "cpu"]) == 2
    assert "need a CUDA GPU" in capsys.readouterr().err
    assert cli_main(["sft", "--train-data", str(synthetic_splits["train"]), "--model", str(tiny_model),
                     "--output-dir", str(tmp_path / "y"), "--lora-target-modules", "c_attn"]) == 2
    assert "c_attn not found in this model" in capsys.readouterr().err
    assert cli_main(["sft", "--train-data", str(tmp_path / "missing.csv"), "--model", str(tiny_model)]) == 2
    assert "missing.csv: file not found" in capsys.readouterr().err


def test_yaml_config_with_command_line_override(tmp_path):
    from clinsum.cli import build_parser
    from clinsum.config import config_from_args

    cfg = tmp_path / "c.yaml"
    cfg.write_text("learning_rate: 0.001\nnum_epochs: 3\nlora_target_modules: q_proj,k_proj\n")
    args = build_parser("sft").parse_args(["sft", "--config", str(cfg), "--num-epochs", "5"])
    config = config_from_args(SFTConfig, args)
    assert (config.learning_rate, config.num_epochs, config.lora_target_modules) == (0.001, 5, ["q_proj", "k_proj"])
    assert config.batch_size == 8 and config.lora_r == 64 and config.max_length == 512
    cfg.write_text("learning_rat: 0.1\n")
    with pytest.raises(ValueError, match="unknown option"):
        config_from_args(SFTConfig, build_parser("sft").parse_args(["sft", "--config", str(cfg)]))


def test_all_linear_adapts_every_linear_layer_but_the_output_head(tiny_model):
    from clinsum.models import load_base_model
    from clinsum.training.common import add_lora

    explicit = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
    adapted = {}
    for targets in (["all-linear"], explicit):
        model, _ = load_base_model(str(tiny_model), torch.device("cpu"))
        model = add_lora(model, 4, 8, 0.0, targets, gradient_checkpointing=False)
        adapted[targets[0]] = sorted(n for n, p in model.named_parameters() if p.requires_grad)
    assert adapted["all-linear"] == adapted["q_proj"] and len(adapted["q_proj"]) > 0
    assert not any("lm_head" in n for n in adapted["all-linear"])
    config = SFTConfig()
    assert (config.lora_r, config.lora_alpha, config.lora_target_modules) == (64, 128, ["all-linear"])
    import yaml
    from clinsum.config import config_from_dict

    preset = Path(__file__).parent.parent / "configs" / "presets" / "sft-seed-lora.yaml"
    seed = config_from_dict(SFTConfig, yaml.safe_load(preset.read_text()), "sft")
    assert (seed.lora_r, seed.lora_alpha, seed.lora_target_modules) == (16, 32, ["q_proj", "v_proj"])
