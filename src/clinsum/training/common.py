"""Pieces every training recipe (SFT, DPO) shares: LoRA setup, optimizer and schedule, interrupts."""

from __future__ import annotations

import logging
import math
import signal
from contextlib import contextmanager

import torch

log = logging.getLogger(__name__)


def add_lora(model, r: int, alpha: int, dropout: float, target_modules: list[str], gradient_checkpointing: bool):
    """Wrap ``model`` with a fresh LoRA adapter; only the adapter's weights train."""
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training

    if getattr(model, "is_loaded_in_8bit", False) or getattr(model, "is_loaded_in_4bit", False):
        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=gradient_checkpointing)
    elif gradient_checkpointing:
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
        model.enable_input_require_grads()
    missing = [m for m in target_modules if not any(name.endswith(m) for name, _ in model.named_modules())]
    if missing:
        raise ValueError(
            f"--lora-target-modules: {', '.join(missing)} not found in this model; "
            f"its linear layers include {', '.join(sorted(_linear_layer_names(model))[:12])}"
        )
    config = LoraConfig(r=r, lora_alpha=alpha, lora_dropout=dropout, target_modules=target_modules, task_type="CAUSAL_LM")
    return get_peft_model(model, config)


def _linear_layer_names(model) -> set[str]:
    return {name.rsplit(".", 1)[-1] for name, m in model.named_modules() if isinstance(m, torch.nn.Linear)}


def capped_warmup(warmup_steps: int, total_steps: int) -> int:
    """Warm-up is capped to 10% of the run, so short runs still spend most steps at full learning rate."""
    cap = max(1, total_steps // 10) if total_steps >= 10 else 0
    if warmup_steps > cap:
        log.info("Note: --warmup-steps %d capped to %d (10%% of %d total steps)", warmup_steps, cap, total_steps)
        return cap
    return warmup_steps


def build_optimizer(model, learning_rate: float, weight_decay: float, warmup_steps: int, total_steps: int):
    """AdamW on the trainable parameters with linear warm-up then linear decay to zero."""
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=learning_rate, weight_decay=weight_decay)

    def schedule(step: int) -> float:
        if step < warmup_steps:
            return (step + 1) / (warmup_steps + 1)
        return max(0.0, (total_steps - step) / max(1, total_steps - warmup_steps))

    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)


def steps_per_epoch(n_batches: int, accumulation: int) -> int:
    return math.ceil(n_batches / accumulation)


@contextmanager
def sigterm_as_interrupt():
    """Treat SIGTERM (a scheduler stopping the job) like Ctrl-C, so the run saves a checkpoint first."""

    def handler(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def trainable_parameter_count(model) -> tuple[int, int]:
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return trainable, sum(p.numel() for p in model.parameters())
