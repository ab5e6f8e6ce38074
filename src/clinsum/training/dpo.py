"""Stage B recipe: DPO on hard-negative triplets, starting from (and anchored to) the Stage A adapter.

The policy is the Stage A LoRA adapter, trained further (or, after a full fine-tuning, the whole Stage A
model); the reference is that same model, frozen.
Because the policy at step 0 *is* the reference, the reference log-probabilities are computed once,
before the first step, and cached on disk: each training step then runs only the policy, with chosen
and rejected summaries in one forward of 2B rows. The loss covers summary tokens only, prompted
exactly as in Stage A, and the result is again one adapter on the same base model.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file
from tqdm.auto import tqdm

from clinsum.config import config_to_dict, option
from clinsum.data.batching import length_grouped_batches, padding_share
from clinsum.data.dataset import split_examples
from clinsum.data.prompts import PROMPT_STYLES, EncodedExample, PromptFormat
from clinsum.data.triplets import Triplet, load_triplets
from clinsum.io import atomic_path, write_json
from clinsum.models import (
    CLINSUM_MODEL_INFO, adapter_base_model, cache_root, is_adapter_dir, load_base_model, load_tokenizer,
    trained_prompt_style,
)
from clinsum.training.checkpoint import Checkpoints, capture_rng, load_optimizer, resume_or_start
from clinsum.training.common import (
    Launch, TrainingOptions, TrainState, apply_gradients, collate_rows, epoch_steps, local_forwards, plan_optimization,
    prepare_for_training, print_table, sigterm_as_interrupt, start_launch, trainable_parameter_count, training_stats,
)
from clinsum.training.losses import SummaryLM, summary_logprobs

log = logging.getLogger(__name__)

FINAL_MODEL, STATS_FILE, CONFIG_FILE = "final_model", "training_stats.json", "dpo_config.json"
LOSS_TYPES = ("sigmoid", "ipo")


@dataclass
class DPOInputs:
    """The starting adapter and the triplet files (listed first in --help)."""

    sft_model_path: str | None = option(
        None, "Stage A adapter (final_model/ of `clinsum sft`): the starting policy and the frozen reference")
    train_data: str | None = option(
        None, "triplets, .jsonl or .csv: prompt (the note), chosen, rejected (+ optional id, context, strategy)")
    val_data: str | None = option(None, "validation triplets (default: a seeded split of the training notes)")
    val_fraction: float = option(0.1, "share of the training notes held out when --val-data is not given (0: none)")


@dataclass
class DPOConfig(TrainingOptions, DPOInputs):
    """Every option of `clinsum dpo`; the loop options have the same names and meaning as in `clinsum sft`."""

    output_dir: str = option("runs/dpo", "where checkpoints, final_model/ and training_stats.json go")
    learning_rate: float = option(5e-6, "peak AdamW learning rate")
    batch_size: int = option(4, "triplets per micro-batch (chosen and rejected run in one forward of twice as many rows)")
    prompt_style: str | None = option(
        None, "auto, chat or plain (default: the Stage A model's own)", choices=PROMPT_STYLES)
    beta: float = option(0.1, "DPO beta: larger keeps the policy closer to the Stage A reference")
    loss_type: str = option("sigmoid", "sigmoid (standard DPO) or ipo (IPO on per-token log-ratios)", choices=LOSS_TYPES)
    label_smoothing: float = option(0.0, "cDPO: assumed share of wrongly ordered triplets, in [0, 0.5) (sigmoid loss only)")
    rpo_alpha: float = option(1.0, "RPO: add alpha x the token-averaged NLL of the chosen summary, against the "
                                   "likelihood drift that shortens summaries (0: plain DPO)")
    disable_dropout: bool = option(True, "no dropout in the policy (as TRL does), so at step 0 it equals the cached reference exactly")
    reference_cache_dir: str | None = option(
        None, "where reference log-probs are cached (default: $CLINSUM_CACHE/dpo_reference)")

    def __post_init__(self):
        if self.loss_type not in LOSS_TYPES:
            raise ValueError(f"--loss-type {self.loss_type!r}: choose one of {', '.join(LOSS_TYPES)}")
        if self.beta <= 0:
            raise ValueError(f"--beta must be > 0, got {self.beta}")
        if not 0 <= self.label_smoothing < 0.5:
            raise ValueError(f"--label-smoothing must be in [0, 0.5), got {self.label_smoothing}")
        if self.label_smoothing and self.loss_type != "sigmoid":
            raise ValueError("--label-smoothing (cDPO) applies to --loss-type sigmoid only")
        if self.rpo_alpha < 0:
            raise ValueError(f"--rpo-alpha must be >= 0, got {self.rpo_alpha}")


# ----------------------------------------------------------------------------------------------- data


def split_by_note(triplets: list[Triplet], fraction: float, seed: int) -> tuple[list[Triplet], list[Triplet]]:
    """Seeded split that holds out whole notes, so no note's triplets are on both sides."""
    if fraction <= 0:
        return triplets, []
    notes = sorted({t.prompt for t in triplets})
    if len(notes) < 2:
        raise ValueError("all training triplets share one note: pass --val-data, or --val-fraction 0 to skip validation")
    _, held = split_examples(notes, fraction, seed)
    held = set(held)
    return [t for t in triplets if t.prompt not in held], [t for t in triplets if t.prompt in held]


@dataclass
class EncodedPairs:
    """Chosen rows, then rejected rows: pair i is rows i and n + i, so one index list selects both for one forward."""

    rows: list[EncodedExample]

    def __len__(self) -> int:
        return len(self.rows) // 2

    def rows_of(self, pairs: list[int]) -> list[int]:
        return list(pairs) + [len(self) + i for i in pairs]

    def pair_lengths(self) -> list[int]:
        n = len(self)
        return [max(len(self.rows[i].input_ids), len(self.rows[n + i].input_ids)) for i in range(n)]


def encode_triplets(triplets: list[Triplet], fmt: PromptFormat, max_length: int, use_context: bool) -> tuple[EncodedPairs, dict]:
    """Stage A's encoding of both summaries; the note gets the same budget in both, so their prompts are identical."""
    chosen, rejected = [], []
    for t in triplets:
        context = t.context if use_context else None
        n_chosen, n_rejected = len(fmt.summary_ids(t.chosen)), len(fmt.summary_ids(t.rejected))
        longest = max(n_chosen, n_rejected)
        chosen.append(fmt.encode_pair(t.prompt, t.chosen, context, max_length - (longest - n_chosen)))
        rejected.append(fmt.encode_pair(t.prompt, t.rejected, context, max_length - (longest - n_rejected)))
    counts = {
        "triplets": len(triplets),
        "notes": len({t.prompt for t in triplets}),
        "notes_truncated": sum(e.note_truncated for e in chosen),
        "summaries_truncated": sum(e.summary_truncated for e in chosen + rejected),
    }
    return EncodedPairs(chosen + rejected), counts


@dataclass
class DPOData:
    train: EncodedPairs
    val: EncodedPairs
    report: dict


def prepare_dpo_data(config: DPOConfig, fmt: PromptFormat) -> DPOData:
    triplets = load_triplets(config.train_data)
    report = {"train_file": str(config.train_data)}
    if config.val_data:
        train, val = triplets, load_triplets(config.val_data)
        shared = {t.prompt for t in train} & {t.prompt for t in val}
        if shared:
            log.warning("%d notes appear in both --train-data and --val-data", len(shared))
    else:
        train, val = split_by_note(triplets, config.val_fraction, config.seed)
        report["val_split"] = f"seeded {config.val_fraction:.0%} of the training notes"
    if config.max_train_examples:
        train = train[: config.max_train_examples]
    train_enc, report["train"] = encode_triplets(train, fmt, config.max_length, config.use_context)
    val_enc, report["val"] = encode_triplets(val, fmt, config.max_length, config.use_context)
    for split in ("train", "val"):
        if report[split]["notes_truncated"]:
            log.info("%s: %d of %d notes truncated to fit --max-length %d", split,
                     report[split]["notes_truncated"], report[split]["triplets"], config.max_length)
    return DPOData(train_enc, val_enc, report)


# ----------------------------------------------------------------------------------------------- loss


def dpo_loss(
    policy_chosen_logps: torch.Tensor, policy_rejected_logps: torch.Tensor,
    ref_chosen_logps: torch.Tensor, ref_rejected_logps: torch.Tensor,
    beta: float = 0.1, loss_type: str = "sigmoid", label_smoothing: float = 0.0,
    chosen_lengths: torch.Tensor | None = None, rejected_lengths: torch.Tensor | None = None,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Per-pair DPO losses and the implicit rewards beta * (log pi - log pi_ref) of chosen and rejected.

    sigmoid: -log sigmoid(beta * margin) (Rafailov et al. 2023), with cDPO label smoothing eps:
    -(1 - eps) log sigmoid(beta * margin) - eps log sigmoid(-beta * margin).
    ipo: (margin / length - 1 / (2 beta))^2 on per-token log-ratios, the normalisation TRL uses (IPO's
    squared loss would otherwise scale with summary length); needs the summary token counts.
    """
    chosen_logratios = policy_chosen_logps - ref_chosen_logps
    rejected_logratios = policy_rejected_logps - ref_rejected_logps
    if loss_type == "sigmoid":
        logits = beta * (chosen_logratios - rejected_logratios)
        losses = -(1 - label_smoothing) * F.logsigmoid(logits) - label_smoothing * F.logsigmoid(-logits)
    elif loss_type == "ipo":
        if chosen_lengths is None or rejected_lengths is None:
            raise ValueError("the ipo loss needs chosen_lengths and rejected_lengths (summary token counts)")
        per_token = chosen_logratios / chosen_lengths.clamp(min=1) - rejected_logratios / rejected_lengths.clamp(min=1)
        losses = (per_token - 1 / (2 * beta)) ** 2
    else:
        raise ValueError(f"loss type {loss_type!r}: choose one of {', '.join(LOSS_TYPES)}")
    return losses, beta * chosen_logratios.detach(), beta * rejected_logratios.detach()


def pair_loss(policy_logps: torch.Tensor, n_tokens: torch.Tensor, reference_logps: torch.Tensor,
              config: DPOConfig, tokens_per_pair: float | None = None) -> tuple[torch.Tensor, dict[str, float]]:
    """Loss of a chosen-then-rejected batch (mean over pairs, plus RPO's NLL term), and its statistics as sums.

    RPO's NLL is per chosen token. ``tokens_per_pair`` (default: this batch's) is the whole optimizer step's
    chosen tokens per pair, so that a step split into forwards or processes averages over the step's tokens.
    """
    chosen, rejected = policy_logps.chunk(2)
    ref_chosen, ref_rejected = reference_logps.chunk(2)
    chosen_tokens, rejected_tokens = n_tokens.chunk(2)
    losses, chosen_rewards, rejected_rewards = dpo_loss(
        chosen, rejected, ref_chosen, ref_rejected, config.beta, config.loss_type, config.label_smoothing,
        chosen_tokens, rejected_tokens,
    )
    loss = losses.mean()
    if config.rpo_alpha:
        per_pair = tokens_per_pair if tokens_per_pair is not None else chosen_tokens.sum() / len(chosen)
        loss = loss + config.rpo_alpha * (-chosen.sum() / (per_pair * len(chosen)))
    pairs = len(losses)
    return loss, {
        "pairs": pairs,
        "loss": loss.item() * pairs,
        "chosen_reward": chosen_rewards.sum().item(),
        "rejected_reward": rejected_rewards.sum().item(),
        "correct": (chosen_rewards > rejected_rewards).sum().item(),
        "chosen_logp": chosen.detach().sum().item(),
        "chosen_tokens": int(chosen_tokens.sum()),
    }


def _zero_sums() -> dict[str, float]:
    keys = ("pairs", "loss", "chosen_reward", "rejected_reward", "correct", "chosen_logp", "chosen_tokens", "tokens", "seconds")
    return dict.fromkeys(keys, 0)


def _add(sums: dict, stats: dict) -> None:
    for key, value in stats.items():
        sums[key] += value


def metrics(sums: dict) -> dict[str, float]:
    """Means over pairs: loss, rewards, margin, reward accuracy, and the chosen summaries' log-likelihood per token."""
    n = max(1, sums["pairs"])
    return {
        "loss": sums["loss"] / n,
        "chosen_reward": sums["chosen_reward"] / n,
        "rejected_reward": sums["rejected_reward"] / n,
        "margin": (sums["chosen_reward"] - sums["rejected_reward"]) / n,
        "reward_accuracy": sums["correct"] / n,
        "chosen_logp_per_token": sums["chosen_logp"] / max(1, sums["chosen_tokens"]),
    }


# ----------------------------------------------------------------------------------------------- reference


def load_policy(sft_model_path: str | Path, device: torch.device, options: DPOConfig):
    """The Stage A model, trainable -> (model, base model spec): its adapter on the base model, or the whole
    fully fine-tuned model.

    DPO continues that adapter rather than stacking a new one, so its output loads exactly like Stage A's.
    """
    from peft import PeftModel

    base_model = adapter_base_model(sft_model_path)
    if not is_adapter_dir(sft_model_path):  # fully fine-tuned: every weight trains on
        policy, _ = load_base_model(str(sft_model_path), device, trust_remote_code=options.trust_remote_code,
                                    dtype=options.dtype)
        policy = prepare_for_training(policy, options.gradient_checkpointing)
    else:
        base, _ = load_base_model(base_model, device, options.load_in_8bit, options.load_in_4bit,
                                  options.trust_remote_code, options.dtype)
        base = prepare_for_training(base, options.gradient_checkpointing)
        policy = PeftModel.from_pretrained(base, str(sft_model_path), is_trainable=True)
    if options.disable_dropout:
        for module in policy.modules():
            if isinstance(module, torch.nn.Dropout):
                module.p = 0.0
    return policy, base_model


@torch.no_grad()
def sequence_logps(model, rows: list[EncodedExample], batch_size: int, pad_id: int, device,
                   desc: str = "log-probs", launch: Launch | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """Summary log-probability and summary token count of every row, in eval mode -> (logps [N], tokens [N]).

    With several processes (``launch``) each computes every N-th batch and all receive every row's values
    (a sum in which each row has one non-zero term, so the values are exact).
    """
    model.eval()
    logps, tokens = torch.zeros(len(rows)), torch.zeros(len(rows), dtype=torch.long)
    lengths = [len(r.input_ids) for r in rows]
    batches = list(length_grouped_batches(lengths, batch_size, seed=0, shuffle=False))
    mine = ([(b, True) for b in batches] if launch is None
            else launch.even_out(batches[launch.rank :: launch.processes], filler=batches[0]))
    for indices, counts in tqdm(mine, desc=desc, leave=False, disable=launch is not None and not launch.is_main):
        batch_logps, batch_tokens = summary_logprobs(model, collate_rows(rows, indices, pad_id, device))
        if counts:
            logps[indices], tokens[indices] = batch_logps.float().cpu(), batch_tokens.cpu()
    model.train()
    if launch is not None:
        logps, tokens = launch.sum(logps), launch.sum(tokens)
    return logps, tokens


def model_fingerprint(model, base_model: str, device: torch.device) -> bytes:
    """Hash of the reference's weights (base + Stage A adapter, as loaded), its base spec and device type."""
    h = hashlib.sha256(f"{base_model}|{device.type}".encode())
    for name, param in model.named_parameters():
        h.update(f"{name}|{param.dtype}|{tuple(param.shape)}".encode())
        h.update(param.detach().reshape(-1).cpu().contiguous().view(torch.uint8).numpy())
    return h.digest()


def reference_logps(model, pairs: EncodedPairs, fingerprint: bytes, settings: str, cache_dir: Path,
                    batch_size: int, pad_id: int, device, launch: Launch | None = None) -> tuple[torch.Tensor, dict]:
    """Reference log-probs of every chosen and rejected row, from the cache or one pass of ``model``.

    Must run before the first optimizer step, while the policy still is the Stage A model. The key
    covers the weights, the encoded token ids and labels, and the encoding settings. With several
    processes the pass is shared out (see ``sequence_logps``), the first process writes the cache, and
    every process reads an existing cache itself.
    """
    if not pairs.rows:
        return torch.zeros(0), {"cache": "none", "file": None, "seconds": 0.0}
    h = hashlib.sha256(fingerprint + settings.encode())
    for row in pairs.rows:
        h.update(np.asarray([len(row.input_ids)] + row.input_ids + row.labels, dtype=np.int64).tobytes())
    path = cache_dir / f"{h.hexdigest()[:32]}.safetensors"
    if path.is_file():
        try:
            logps = load_file(path)["logps"]
        except (SafetensorError, KeyError, OSError):
            logps = None
        if logps is not None and len(logps) == len(pairs.rows):
            log.info("Reference log-probs: cache hit (%s)", path)
            return logps, {"cache": "hit", "file": str(path), "seconds": 0.0}
    log.info("Reference log-probs: cache miss, one reference pass over %d summaries -> %s", len(pairs.rows), path)
    started = time.perf_counter()
    logps, _ = sequence_logps(model, pairs.rows, 2 * batch_size, pad_id, device, "reference log-probs", launch)
    if launch is None or launch.is_main:
        with atomic_path(path) as tmp:
            save_file({"logps": logps.contiguous()}, tmp)
    return logps, {"cache": "miss", "file": str(path), "seconds": time.perf_counter() - started}


# ----------------------------------------------------------------------------------------------- training


def dpo_step(model, pairs: EncodedPairs, step: list[list[int]], reference: Callable[[list[int], dict], torch.Tensor],
             config: DPOConfig, pad_id: int, launch: Launch) -> dict[str, float]:
    """Forward and backward of this process's share of one optimizer step; returns its statistic sums.

    ``reference(rows, batch)`` gives the reference log-probs of a forward's rows: in training, a look-up
    in the precomputed cache. Gradients average over all pairs of the global step, however its batches
    are split into processes and forward passes (``max_forward_tokens``).
    """
    n_pairs = sum(len(indices) for indices in step)
    tokens_per_pair = sum(pairs.rows[i].summary_tokens for indices in step for i in indices) / n_pairs  # chosen rows
    forward_lengths = [2 * length for length in pairs.pair_lengths()]  # chosen and rejected run in one forward
    forwards = local_forwards(launch, step, forward_lengths, config.max_forward_tokens)
    sums = _zero_sums()
    for k, (chunk, counts) in enumerate(forwards):
        with launch.gradient_sync(model, last=k == len(forwards) - 1):
            rows = pairs.rows_of(chunk)
            batch = collate_rows(pairs.rows, rows, pad_id, launch.device)
            logps, n_tokens = summary_logprobs(model, batch)
            loss, stats = pair_loss(logps, n_tokens, reference(rows, batch).to(logps), config, tokens_per_pair)
            launch.accelerator.backward(loss * (len(chunk) * launch.processes / n_pairs if counts else 0.0))
        if counts:
            _add(sums, stats)
            sums["tokens"] += int(batch["attention_mask"].sum())
    return sums


def evaluate_pairs(model, pairs: EncodedPairs, reference: torch.Tensor, config: DPOConfig, pad_id: int, device,
                   launch: Launch | None = None) -> dict | None:
    """DPO metrics of the policy (eval mode) over all of ``pairs``."""
    if len(pairs) == 0:
        return None
    logps, tokens = sequence_logps(model, pairs.rows, 2 * config.batch_size, pad_id, device, "validation pairs", launch)
    return metrics(pair_loss(logps, tokens, reference, config)[1])


def _check_config(config: DPOConfig) -> Path:
    if not config.sft_model_path:
        raise ValueError("--sft-model-path is required: the final_model/ folder written by `clinsum sft`")
    path = Path(config.sft_model_path)
    fully_fine_tuned = not is_adapter_dir(path)
    if fully_fine_tuned and not (path / CLINSUM_MODEL_INFO).is_file():
        raise ValueError(f"--sft-model-path {path}: not a model written by `clinsum sft` (no adapter_config.json "
                         f"or {CLINSUM_MODEL_INFO}); pass its final_model/ folder")
    if fully_fine_tuned and (config.load_in_8bit or config.load_in_4bit):
        raise ValueError(f"--sft-model-path {path} is fully fine-tuned: its weights train on and cannot be 8/4-bit; "
                         "drop --load-in-8bit/--load-in-4bit")
    if not config.train_data:
        raise ValueError("--train-data is required: a .jsonl/.csv file of triplets (prompt, chosen, rejected)")
    return path


def train_dpo(config: DPOConfig) -> Path:
    """Run Stage B and return the path of the final model folder (alone or as one of N processes, as
    `train_sft`; the reference pass is shared out too)."""
    sft_path = _check_config(config)
    torch.manual_seed(config.seed)
    launch = start_launch(config.device)
    device = launch.device
    output_dir = Path(config.output_dir)
    tokenizer = load_tokenizer(str(sft_path), config.trust_remote_code)
    fmt = PromptFormat(tokenizer, config.prompt_style or trained_prompt_style(sft_path) or "auto")
    data = prepare_dpo_data(config, fmt)  # before the model: bad input fails fast
    if len(data.train) == 0:
        raise ValueError(f"{config.train_data}: no training triplets left after the validation split")
    model, base_model = load_policy(sft_path, device, config)
    if launch.rank:  # dropout draws (when enabled) differ per process
        torch.manual_seed(config.seed + launch.rank)
    trainable, total = trainable_parameter_count(model)
    log.info("Policy: %s on %s (%s prompts), %.2fM of %.1fM parameters train", sft_path, base_model, fmt.style,
             trainable / 1e6, total / 1e6)
    resolved = config_to_dict(dataclasses.replace(config, prompt_style=fmt.style))

    pad_id = tokenizer.pad_token_id
    fingerprint = model_fingerprint(model, base_model, device)
    settings = json.dumps({key: resolved[key] for key in ("max_length", "prompt_style", "use_context")})
    cache_dir = Path(config.reference_cache_dir) if config.reference_cache_dir else cache_root() / "dpo_reference"
    reference, reference_report = {}, {}
    for split in ("train", "val"):
        reference[split], reference_report[split] = reference_logps(
            model, getattr(data, split), fingerprint, settings, cache_dir, config.batch_size, pad_id, device, launch)

    lengths = data.train.pair_lengths()
    optimizer, scheduler, total_steps = plan_optimization(model, config, len(lengths), launch.processes)
    state, resumed_from = resume_or_start(output_dir, config.resume, model, scheduler, TrainState(epoch_sums=_zero_sums()),
                                          launch)
    trainer, optimizer = launch.accelerator.prepare(SummaryLM(model), optimizer)
    if resumed_from:
        load_optimizer(resumed_from, model, optimizer)

    model_info = json.dumps({"base_model": base_model, "stage": "dpo", "sft_model": str(sft_path), "prompt_style": fmt.style})
    extra = {CONFIG_FILE: json.dumps(resolved, indent=2), CLINSUM_MODEL_INFO: model_info}
    rng_at_step_end = capture_rng(launch)
    checkpoints = Checkpoints(output_dir, launch, model, tokenizer, optimizer, scheduler, extra)

    def cached_reference(rows: list[int], batch: dict) -> torch.Tensor:
        return reference["train"][rows]

    trainer.train()
    with sigterm_as_interrupt():
        try:
            for epoch in range(state.epoch, config.num_epochs):
                steps = epoch_steps(lengths, config, launch, epoch)
                if state.global_step >= total_steps:
                    break
                progress = tqdm(total=len(steps), initial=state.step_in_epoch, disable=not launch.is_main,
                                desc=f"DPO epoch {epoch + 1}/{config.num_epochs}")
                for step in steps[state.step_in_epoch:]:
                    started = time.perf_counter()
                    step_sums = dpo_step(trainer, data.train, step, cached_reference, config, pad_id, launch)
                    apply_gradients(trainer, optimizer, scheduler, launch, config.max_grad_norm)
                    rng_at_step_end = capture_rng(launch)
                    totals = launch.sum(torch.tensor(list(step_sums.values()), dtype=torch.float64)).tolist()
                    step_sums = dict(zip(step_sums, totals), seconds=time.perf_counter() - started)
                    _add(state.epoch_sums, step_sums)
                    m = metrics(step_sums)
                    state.count_step(loss=m["loss"], margin=m["margin"], learning_rate=scheduler.get_last_lr()[0])
                    progress.update(1)
                    progress.set_postfix(loss=f"{m['loss']:.3f}", r_chosen=f"{m['chosen_reward']:.3f}",
                                         r_rejected=f"{m['rejected_reward']:.3f}", margin=f"{m['margin']:.3f}",
                                         acc=f"{m['reward_accuracy']:.2f}", logp=f"{m['chosen_logp_per_token']:.3f}")
                    if config.save_every_steps and state.global_step % config.save_every_steps == 0:
                        checkpoints.save_step(state, rng_at_step_end)
                    if state.global_step >= total_steps:
                        break
                progress.close()
                val = evaluate_pairs(trainer, data.val, reference["val"], config, pad_id, device, launch)
                _finish_epoch(state, scheduler, val)
                checkpoints.save(f"checkpoint_epoch_{epoch + 1}", state, rng_at_step_end)
        except KeyboardInterrupt:
            checkpoints.save_interrupted(state, rng_at_step_end)
            raise

    final_dir = output_dir / FINAL_MODEL
    checkpoints.save_final(final_dir)
    if launch.is_main:
        stats = _training_stats(resolved, state, data, lengths, config.batch_size, fmt.style, reference_report,
                                launch.processes)
        write_json(output_dir / STATS_FILE, stats)
        _print_summary(stats, final_dir)
    launch.accelerator.wait_for_everyone()  # no process moves on before the files exist
    return final_dir


def _finish_epoch(state: TrainState, scheduler, val: dict | None) -> None:
    train = metrics(state.epoch_sums)
    record = state.finish_epoch({"train": train, "val": val}, scheduler.get_last_lr()[0], _zero_sums())
    val_text = f"; val margin {val['margin']:.4f}, accuracy {val['reward_accuracy']:.2f}" if val else ""
    log.info("epoch %d: loss %.4f, margin %.4f, reward accuracy %.2f%s", record["epoch"], train["loss"], train["margin"],
             train["reward_accuracy"], val_text)


def _training_stats(resolved: dict, state: TrainState, data: DPOData, lengths: list[int], batch_size: int, style: str,
                    reference: dict, processes: int) -> dict:
    last = state.history[-1] if state.history else {}
    batches = length_grouped_batches(lengths, batch_size, seed=resolved["seed"])
    return training_stats("dpo", resolved, state, processes, style, data.report, {
        "final_train": last.get("train"),
        "final_val": last.get("val"),
        "padding_share": padding_share([len(r.input_ids) for r in data.train.rows], [data.train.rows_of(b) for b in batches]),
    }, reference=reference)


def _print_summary(stats: dict, final_dir: Path) -> None:
    rows = [("epoch", "loss", "r chosen", "r rejected", "margin", "acc", "logp/tok", "val margin", "val acc",
             "tokens/s", "seconds")]
    for h in stats["epochs"]:
        t, v = h["train"], h["val"]
        rows.append((
            str(h["epoch"]), f"{t['loss']:.4f}", f"{t['chosen_reward']:.4f}", f"{t['rejected_reward']:.4f}",
            f"{t['margin']:.4f}", f"{t['reward_accuracy']:.2f}", f"{t['chosen_logp_per_token']:.3f}",
            f"{v['margin']:.4f}" if v else "-", f"{v['reward_accuracy']:.2f}" if v else "-",
            f"{h['tokens_per_second']:.0f}", f"{h['seconds']:.1f}",
        ))
    print_table(rows)
    print(f"reference log-probs: train {stats['reference']['train']['cache']}, val {stats['reference']['val']['cache']}")
    print(f"final model: {final_dir}")
