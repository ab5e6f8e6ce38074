"""Stage A recipe: LoRA (or full) supervised fine-tuning on (note, summary) pairs ("knowledge injection").

One readable file: data preparation, then the training loop in plain sight (gradient accumulation,
clipping, warm-up, per-epoch validation and checkpoints, resume), then the final model. The loss is
next-token cross-entropy on the summary tokens and EOS only.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

import torch
from tqdm.auto import tqdm

from clinsum.config import config_to_dict, option
from clinsum.data.batching import length_grouped_batches, padding_share
from clinsum.data.dataset import DataOptions, Example, load_examples, select_factual, split_examples
from clinsum.data.prompts import EncodedExample, PromptFormat
from clinsum.io import write_json
from clinsum.models import CLINSUM_MODEL_INFO, load_base_model, load_tokenizer
from clinsum.training.checkpoint import Checkpoints, capture_rng, load_optimizer, resume_or_start
from clinsum.training.common import (
    ALL_LINEAR, Launch, TrainingOptions, TrainState, add_lora, apply_gradients, collate_rows, epoch_steps,
    local_forwards, plan_optimization, prepare_for_training, print_table, sigterm_as_interrupt, start_launch,
    trainable_parameter_count, training_stats,
)
from clinsum.training.losses import SummaryLM, sft_loss

log = logging.getLogger(__name__)

FINAL_MODEL, STATS_FILE, CONFIG_FILE = "final_model", "training_stats.json", "sft_config.json"
FINETUNE_MODES = ("lora", "full")


@dataclass
class SFTConfig(TrainingOptions, DataOptions):
    """Every option of `clinsum sft` (the loop options come from TrainingOptions); YAML files use the same names."""

    model: str = option("default", "base model: 'default' (SmolLM2-135M-Instruct), a HF id, a local folder or a .gguf file")
    # Defaults chosen on MTS-Dialog validation (results/mts-dialog/README.md, "Ablation"): the seed's r=16 on q/v
    # (configs/presets/sft-seed-lora.yaml) gave ROUGE-L 0.225 after 2 epochs, r=64 on every linear layer 0.270.
    finetune: str = option("lora", "'lora': train a LoRA adapter (the lora_* options); 'full': train every weight "
                                   "(the output is a whole model folder, and Adam keeps two fp32 copies of it)",
                           choices=FINETUNE_MODES)
    lora_r: int = option(64, "LoRA rank")
    lora_alpha: int = option(128, "LoRA alpha (scale = alpha / r)")
    lora_dropout: float = option(0.05, "dropout on the LoRA input")
    lora_target_modules: list[str] = option(
        [ALL_LINEAR], "modules that get LoRA adapters ('all-linear': every linear layer but the output head)")

    def __post_init__(self):
        if self.finetune not in FINETUNE_MODES:
            raise ValueError(f"--finetune must be one of {', '.join(FINETUNE_MODES)}, got {self.finetune!r}")
        if self.finetune == "full" and (self.load_in_8bit or self.load_in_4bit):
            raise ValueError("--finetune full trains the weights themselves, which cannot be 8/4-bit: "
                             "drop --load-in-8bit/--load-in-4bit, or use --finetune lora (QLoRA)")


@dataclass
class SFTData:
    train: list[EncodedExample]
    val: list[EncodedExample]
    report: dict


def load_training_examples(config: DataOptions) -> tuple[list[Example], list[Example], dict]:
    """Factual training and validation rows (validation split off when no file is given)."""
    if not config.train_data:
        raise ValueError("--train-data is required (a .csv/.jsonl file or a saved HF dataset folder)")
    columns = config.column_mapping()
    selection = select_factual(load_examples(config.train_data, columns), config.keep_evidence)
    log.info("%s: %s", config.train_data, selection.describe())
    if len(selection.kept) == 0:
        raise ValueError(f"{config.train_data}: no factual rows to train on (labels seen: {selection.dropped_by_label})")
    report = {"train_file": str(config.train_data), "dropped_by_label": selection.dropped_by_label}
    if config.val_data:
        val_selection = select_factual(load_examples(config.val_data, columns), config.keep_evidence)
        train, val = selection.kept, val_selection.kept
        report["val_dropped_by_label"] = val_selection.dropped_by_label
    else:
        train, val = split_examples(selection.kept, config.val_fraction, getattr(config, "seed", 42))
        report["val_split"] = f"seeded {config.val_fraction:.0%} of the training file"
    return train, val, report


def encode_examples(examples: list[Example], fmt: PromptFormat, max_length: int, use_context: bool) -> tuple[list[EncodedExample], dict]:
    encoded = [fmt.encode_pair(ex.note, ex.summary, ex.context if use_context else None, max_length) for ex in examples]
    counts = {
        "rows": len(encoded),
        "notes_truncated": sum(e.note_truncated for e in encoded),
        "summaries_truncated": sum(e.summary_truncated for e in encoded),
    }
    return encoded, counts


def prepare_sft_data(config: SFTConfig, fmt: PromptFormat) -> SFTData:
    train, val, report = load_training_examples(config)
    if config.max_train_examples:
        train = train[: config.max_train_examples]
    train_enc, report["train"] = encode_examples(train, fmt, config.max_length, config.use_context)
    val_enc, report["val"] = encode_examples(val, fmt, config.max_length, config.use_context)
    for split in ("train", "val"):
        if report[split]["notes_truncated"]:
            log.info("%s: %d of %d notes truncated to fit --max-length %d", split,
                     report[split]["notes_truncated"], report[split]["rows"], config.max_length)
    return SFTData(train_enc, val_enc, report)


@torch.no_grad()
def validation_loss(model, rows: list[EncodedExample], batch_size: int, pad_id: int, launch: Launch) -> float | None:
    """Token-weighted mean summary cross-entropy over ``rows`` (each process takes every N-th batch)."""
    if not rows:
        return None
    model.eval()
    lengths = [len(r.input_ids) for r in rows]
    sums = torch.zeros(2, dtype=torch.float64)  # summed loss, summary tokens
    batches = length_grouped_batches(lengths, batch_size, seed=0, shuffle=False)
    for indices, counts in launch.even_out(batches[launch.rank :: launch.processes], filler=batches[0]):
        loss, n = sft_loss(model, collate_rows(rows, indices, pad_id, launch.device))
        if counts:
            sums += torch.tensor([loss.item() * n, n], dtype=torch.float64)
    model.train()
    total, tokens = launch.sum(sums).tolist()
    return total / tokens


def sft_step(model, rows: list[EncodedExample], step: list[list[int]], pad_id: int, launch: Launch,
             max_forward_tokens: int) -> tuple[float, int, int]:
    """Forward and backward of this process's share of one optimizer step -> (its summed token loss, the
    step's summary tokens over all processes, its tokens).

    The loss is token-weighted over the whole global step, however its batches are split into processes
    and forward passes: the engine averages gradients over processes, hence the factor ``processes``.
    """
    lengths = [len(r.input_ids) for r in rows]
    n_summary = sum(rows[i].summary_tokens for indices in step for i in indices)
    forwards = local_forwards(launch, step, lengths, max_forward_tokens)
    loss_sum, tokens = 0.0, 0
    for k, (chunk, counts) in enumerate(forwards):
        with launch.gradient_sync(model, last=k == len(forwards) - 1):
            batch = collate_rows(rows, chunk, pad_id, launch.device)
            loss, n = sft_loss(model, batch)
            launch.accelerator.backward(loss * (n * launch.processes / n_summary if counts else 0.0))
        if counts:
            loss_sum, tokens = loss_sum + loss.item() * n, tokens + int(batch["attention_mask"].sum())
    return loss_sum, n_summary, tokens


def train_sft(config: SFTConfig) -> Path:
    """Run Stage A and return the path of the final model folder (an adapter, or a whole model with
    ``--finetune full``).

    Alone, or as one of N processes started by ``accelerate launch`` / ``torchrun``: each process then takes
    its share of every global batch (``batch_size x N`` rows); only the first writes files and logs.
    """
    torch.manual_seed(config.seed)
    launch = start_launch(config.device)
    output_dir = Path(config.output_dir)
    model, base_path = load_base_model(config.model, launch.device, config.load_in_8bit, config.load_in_4bit,
                                       config.trust_remote_code, config.dtype)
    tokenizer = load_tokenizer(base_path, config.trust_remote_code)
    fmt = PromptFormat(tokenizer, config.prompt_style)
    data = prepare_sft_data(config, fmt)
    if config.finetune == "full":
        model = prepare_for_training(model, config.gradient_checkpointing)
    else:
        model = add_lora(model, config.lora_r, config.lora_alpha, config.lora_dropout, config.lora_target_modules,
                         config.gradient_checkpointing)
    if launch.rank:  # same initial adapter everywhere; dropout draws differ per process
        torch.manual_seed(config.seed + launch.rank)
    trainable, total = trainable_parameter_count(model)
    log.info("Model %s (%s prompts): %.2fM of %.1fM parameters train", config.model, fmt.style, trainable / 1e6, total / 1e6)

    lengths = [len(r.input_ids) for r in data.train]
    optimizer, scheduler, total_steps = plan_optimization(model, config, len(lengths), launch.processes)

    state, resumed_from = resume_or_start(output_dir, config.resume, model, scheduler, TrainState(epoch_sums=_zero_sums()),
                                          launch)
    trainer, optimizer = launch.accelerator.prepare(SummaryLM(model), optimizer)
    if resumed_from:
        load_optimizer(resumed_from, model, optimizer)

    pad_id = tokenizer.pad_token_id
    model_info = json.dumps({"base_model": config.model, "stage": "sft", "prompt_style": fmt.style})
    extra = {CONFIG_FILE: json.dumps(config_to_dict(config), indent=2), CLINSUM_MODEL_INFO: model_info}
    rng_at_step_end = capture_rng(launch)
    checkpoints = Checkpoints(output_dir, launch, model, tokenizer, optimizer, scheduler, extra)

    trainer.train()
    with sigterm_as_interrupt():
        try:
            for epoch in range(state.epoch, config.num_epochs):
                steps = epoch_steps(lengths, config, launch, epoch)
                if state.global_step >= total_steps:
                    break
                progress = tqdm(total=len(steps), initial=state.step_in_epoch, disable=not launch.is_main,
                                desc=f"SFT epoch {epoch + 1}/{config.num_epochs}")
                for step in steps[state.step_in_epoch:]:
                    started = time.perf_counter()
                    loss_sum, n_summary, tokens = sft_step(trainer, data.train, step, pad_id, launch, config.max_forward_tokens)
                    apply_gradients(trainer, optimizer, scheduler, launch, config.max_grad_norm)
                    rng_at_step_end = capture_rng(launch)
                    loss_sum, tokens = launch.sum(torch.tensor([loss_sum, tokens], dtype=torch.float64)).tolist()
                    sums = state.epoch_sums
                    sums["loss"] += loss_sum
                    sums["summary_tokens"] += n_summary
                    sums["tokens"] += int(tokens)
                    sums["seconds"] += time.perf_counter() - started
                    state.count_step(loss=loss_sum / n_summary, learning_rate=scheduler.get_last_lr()[0])
                    progress.update(1)
                    progress.set_postfix(loss=f"{loss_sum / n_summary:.3f}", tok_s=f"{sums['tokens'] / sums['seconds']:.0f}")
                    if config.save_every_steps and state.global_step % config.save_every_steps == 0:
                        checkpoints.save_step(state, rng_at_step_end)
                    if state.global_step >= total_steps:
                        break
                progress.close()
                _finish_epoch(state, scheduler, validation_loss(trainer, data.val, config.batch_size, pad_id, launch))
                checkpoints.save(f"checkpoint_epoch_{epoch + 1}", state, rng_at_step_end)
        except KeyboardInterrupt:
            checkpoints.save_interrupted(state, rng_at_step_end)
            raise

    final_dir = output_dir / FINAL_MODEL
    checkpoints.save_final(final_dir)
    if launch.is_main:
        stats = _training_stats(config, state, data, lengths, fmt.style, launch.processes)
        write_json(output_dir / STATS_FILE, stats)
        _print_summary(stats, final_dir)
    launch.accelerator.wait_for_everyone()  # no process moves on before the files exist
    return final_dir


def _zero_sums() -> dict[str, float]:
    return {"loss": 0.0, "summary_tokens": 0, "tokens": 0, "seconds": 0.0}


def _finish_epoch(state: TrainState, scheduler, val_loss: float | None) -> None:
    train_loss = state.epoch_sums["loss"] / max(1, state.epoch_sums["summary_tokens"])
    record = state.finish_epoch({"train_loss": train_loss, "val_loss": val_loss}, scheduler.get_last_lr()[0], _zero_sums())
    log.info("epoch %d: train loss %.4f, val loss %s", record["epoch"], train_loss,
             f"{val_loss:.4f}" if val_loss is not None else "n/a")


def _training_stats(config: SFTConfig, state: TrainState, data: SFTData, lengths: list[int], style: str,
                    processes: int) -> dict:
    last = state.history[-1] if state.history else {}
    batches = length_grouped_batches(lengths, config.batch_size, seed=config.seed)
    return training_stats("sft", config_to_dict(config), state, processes, style, data.report, {
        "final_train_loss": last.get("train_loss"),
        "final_val_loss": last.get("val_loss"),
        "padding_share": padding_share(lengths, batches),
    })


def _print_summary(stats: dict, final_dir: Path) -> None:
    rows = [("epoch", "train loss", "val loss", "lr", "tokens/s", "seconds")]
    for h in stats["epochs"]:
        val = f"{h['val_loss']:.4f}" if h["val_loss"] is not None else "-"
        rows.append((str(h["epoch"]), f"{h['train_loss']:.4f}", val, f"{h['learning_rate']:.2e}",
                     f"{h['tokens_per_second']:.0f}", f"{h['seconds']:.1f}"))
    print_table(rows)
    print(f"padding share of computed tokens: {stats['totals']['padding_share']:.1%}")
    print(f"final model: {final_dir}")
