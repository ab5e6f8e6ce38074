"""Checkpoints that resume a run exactly, stored without pickle.

A checkpoint folder holds the PEFT adapter (or, fully fine-tuned, the whole model) in safetensors, the
optimizer's tensors (safetensors), the RNG state, and ``trainer_state.json`` (step counters, scheduler,
statistics so far). It is written into a temporary folder and renamed, so an interrupted save never leaves
a half checkpoint behind.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

from clinsum.training.common import TrainState

TRAINER_STATE = "trainer_state.json"
OPTIMIZER_FILE = "optimizer.safetensors"
RNG_FILE = "rng_state.safetensors"
ADAPTER_WEIGHTS, MODEL_WEIGHTS = "adapter_model.safetensors", "model.safetensors"

log = logging.getLogger(__name__)


def capture_rng(launch=None) -> dict[str, torch.Tensor]:
    """RNG state to store with a checkpoint: taken at a step boundary, restored on resume.

    With several processes (``launch``), every process's state is gathered, so that the first process
    alone can write the checkpoint without waiting for the others (e.g. when it is stopped by SIGTERM):
    keys ``torch``/``cuda`` are the first process's, ``torch.1``/``cuda.1`` the second's, and so on.
    """
    rng = {"torch": torch.get_rng_state()}
    if torch.cuda.is_available():
        rng["cuda"] = torch.cuda.get_rng_state()
    if launch is None or launch.processes == 1:
        return rng
    gathered = {}
    for key, state in rng.items():
        states = launch.accelerator.gather(state[None].to(launch.device)).cpu()
        gathered |= {_rng_key(key, rank): states[rank].contiguous() for rank in range(launch.processes)}
    return gathered


def _rng_key(key: str, rank: int) -> str:
    return key if rank == 0 else f"{key}.{rank}"


@contextmanager
def _atomic_dir(path: Path):
    """Yield a temporary folder that replaces ``path`` only when the block completes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    try:
        yield tmp
        if path.exists():
            shutil.rmtree(path)
        os.replace(tmp, path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def full_state(model, optimizer=None) -> tuple[dict, dict | None]:
    """(trainable weights, optimizer state), whole tensors keyed by parameter name, for the first process to write.

    Under a sharding engine (FSDP) each process holds a slice of every tensor: this gathers them, so every
    process must call it, and the others receive empty dicts. Otherwise it reads the first process's copies
    and no other process takes part (so the first can save alone, e.g. when stopped).
    """
    from torch.distributed.checkpoint.state_dict import StateDictOptions, get_model_state_dict, get_optimizer_state_dict

    options = StateDictOptions(full_state_dict=True, cpu_offload=True, ignore_frozen_params=True)
    weights = get_model_state_dict(model, options=options)
    if optimizer is None:
        return weights, None
    return weights, get_optimizer_state_dict(model, _inner(optimizer), options=options)


def _inner(optimizer):
    """The torch optimizer behind Accelerate's wrapper."""
    return getattr(optimizer, "optimizer", optimizer)


def _write_model(folder: Path, model, weights: dict, tokenizer, extra_files: dict[str, str] | None) -> None:
    # A PEFT model writes its adapter's tensors; a fully fine-tuned one the whole model (config + safetensors).
    model.save_pretrained(folder, state_dict=weights, safe_serialization=True)
    tokenizer.save_pretrained(folder)
    for name, text in (extra_files or {}).items():
        (folder / name).write_text(text)


def save_model(path: Path, model, weights: dict, tokenizer, extra_files: dict[str, str] | None = None) -> None:
    """The shipped model: PEFT adapter (or, fully fine-tuned, the whole model) in safetensors, tokenizer and
    clinsum's records, nothing else."""
    with _atomic_dir(path) as tmp:
        _write_model(tmp, model, weights, tokenizer, extra_files)


def save_checkpoint(
    path: Path, model, tokenizer, weights: dict, optimizer_state: dict, scheduler, state: TrainState,
    rng: dict[str, torch.Tensor], extra_files: dict[str, str] | None = None,
) -> None:
    """The trained weights plus everything needed to continue training exactly where it stopped (``full_state``'s
    dicts)."""
    with _atomic_dir(path) as tmp:
        _write_model(tmp, model, weights, tokenizer, extra_files)
        tensors = {f"{name}:{key}": value.contiguous()
                   for name, param_state in optimizer_state["state"].items() for key, value in param_state.items()}
        save_file(tensors, tmp / OPTIMIZER_FILE)
        save_file(rng, tmp / RNG_FILE)
        record = {**state.to_json(), "param_groups": optimizer_state["param_groups"], "scheduler": scheduler.state_dict()}
        (tmp / TRAINER_STATE).write_text(json.dumps(record, indent=2, default=str))


class Checkpoints:
    """A recipe's checkpoints: per epoch, every N steps (only the newest kept), on interrupt, and the final model.

    Every process calls these; under a sharding engine they all take part in gathering the weights, and
    only the first writes. Stopped under sharding, the processes cannot meet to gather (each stops at its
    own point), so the run resumes from its last step or epoch checkpoint.
    """

    def __init__(self, output_dir: Path, launch, model, tokenizer, optimizer, scheduler, extra_files: dict[str, str]):
        self.output_dir, self.launch, self.model, self.tokenizer = Path(output_dir), launch, model, tokenizer
        self.optimizer, self.scheduler, self.extra_files = optimizer, scheduler, extra_files

    def _gathered(self, optimizer=None) -> tuple[dict, dict | None] | None:
        if self.launch.sharded or self.launch.is_main:
            return full_state(self.model, optimizer)
        return None

    def save(self, name: str, state: TrainState, rng: dict[str, torch.Tensor]) -> None:
        gathered = self._gathered(self.optimizer)
        if self.launch.is_main:
            save_checkpoint(self.output_dir / name, self.model, self.tokenizer, *gathered, self.scheduler, state, rng,
                            self.extra_files)

    def save_step(self, state: TrainState, rng: dict[str, torch.Tensor]) -> None:
        """``checkpoint_step_{step}``, replacing older step checkpoints (epoch ones stay)."""
        old = list(self.output_dir.glob("checkpoint_step_*")) if self.launch.is_main else []
        self.save(f"checkpoint_step_{state.global_step}", state, rng)
        for path in old:
            if path.name != f"checkpoint_step_{state.global_step}":
                shutil.rmtree(path, ignore_errors=True)

    def save_interrupted(self, state: TrainState, rng: dict[str, torch.Tensor]) -> None:
        if self.launch.sharded:
            log.info("Interrupted under a sharding engine: rerun with --resume to continue from the last checkpoint")
            return
        self.save_step(state, rng)
        log.info("Interrupted: checkpoint saved at step %d; rerun with --resume to continue", state.global_step)

    def save_final(self, path: Path) -> None:
        gathered = self._gathered()
        if self.launch.is_main:
            save_model(path, self.model, gathered[0], self.tokenizer, self.extra_files)


def latest_checkpoint(output_dir: Path) -> Path | None:
    """The complete checkpoint with the highest global step, or None."""
    best, best_step = None, -1
    for candidate in Path(output_dir).glob("checkpoint_*"):
        state_file = candidate / TRAINER_STATE
        if state_file.is_file():
            step = json.loads(state_file.read_text())["global_step"]
            if step > best_step:
                best, best_step = candidate, step
    return best


def load_checkpoint(path: Path, model, scheduler, rank: int = 0) -> TrainState:
    """Restore adapter weights, scheduler and (process ``rank``'s) RNG in place; return the trainer state.

    The optimizer state follows with ``load_optimizer`` once the engine has prepared the optimizer (a
    sharding engine replaces its parameters).
    """
    path = Path(path)
    record = json.loads((path / TRAINER_STATE).read_text())
    load_trained_weights(path, model)
    scheduler.load_state_dict(record["scheduler"])
    rng = load_file(path / RNG_FILE)
    torch.set_rng_state(rng[_rng_key("torch", rank)])
    if _rng_key("cuda", rank) in rng and torch.cuda.is_available():
        torch.cuda.set_rng_state(rng[_rng_key("cuda", rank)])
    return TrainState.from_json(record)


def load_trained_weights(path: Path, model) -> None:
    """Put a checkpoint's trained weights into ``model``: a LoRA adapter, or a whole fully fine-tuned model."""
    if (path / ADAPTER_WEIGHTS).is_file():
        from peft import set_peft_model_state_dict

        set_peft_model_state_dict(model, load_file(path / ADAPTER_WEIGHTS))
        return
    missing, unexpected = model.load_state_dict(load_file(path / MODEL_WEIGHTS), strict=False)
    # Tied weights (the output head that shares the embedding) are written once and come back through their twin.
    tied = {name for name, _ in model.named_parameters(remove_duplicate=False)} - {name for name, _ in model.named_parameters()}
    if unexpected or set(missing) - tied:
        raise ValueError(f"{path}: the checkpoint does not match the model (missing {sorted(set(missing) - tied)[:3]}, "
                         f"unexpected {unexpected[:3]}); resume with the same --model and --finetune")


def load_optimizer(path: Path, model, optimizer) -> None:
    """Restore the optimizer state saved in checkpoint ``path`` (keyed by parameter name), sharded where the
    engine shards it."""
    import torch.distributed as dist

    state = json.loads((Path(path) / TRAINER_STATE).read_text())
    per_param: dict[str, dict[str, torch.Tensor]] = {}
    for key, value in load_file(Path(path) / OPTIMIZER_FILE).items():
        name, field = key.rsplit(":", 1)
        per_param.setdefault(name, {})[field] = value
    groups = state["param_groups"]
    if dist.is_available() and dist.is_initialized():
        from torch.distributed.checkpoint.state_dict import StateDictOptions, set_optimizer_state_dict

        set_optimizer_state_dict(model, _inner(optimizer), {"state": per_param, "param_groups": groups},
                                 options=StateDictOptions(full_state_dict=True))
        return
    index = {name: i for i, name in enumerate(name for group in groups for name in group["params"])}
    optimizer.load_state_dict({"state": {index[name]: s for name, s in per_param.items()},
                               "param_groups": [{**g, "params": [index[n] for n in g["params"]]} for g in groups]})


def resume_or_start(output_dir: Path, resume: bool, model, scheduler, fresh_state: TrainState,
                    launch=None) -> tuple[TrainState, Path | None]:
    """The trainer state to start from and the checkpoint it comes from: the last checkpoint with ``resume``
    (its optimizer state still to load with ``load_optimizer``), else ``fresh_state`` and None.

    Without ``resume`` a folder that already holds checkpoints is refused rather than silently mixed. A run
    resumes with as many processes as it was started with: the data order depends on the global batch.
    """
    processes, rank = (launch.processes, launch.rank) if launch else (1, 0)
    fresh_state = replace(fresh_state, processes=processes)
    checkpoint = latest_checkpoint(output_dir)
    if resume and checkpoint:
        saved = json.loads((checkpoint / TRAINER_STATE).read_text()).get("processes", 1)
        if saved != processes:
            raise ValueError(f"{checkpoint} was written by a {saved}-process run and this run has {processes}: "
                             f"resume with {saved} processes (the data order depends on the global batch)")
        state = load_checkpoint(checkpoint, model, scheduler, rank)
        log.info("Resumed from %s (step %d)", checkpoint, state.global_step)
        return state, checkpoint
    if checkpoint and not resume:
        raise ValueError(f"{output_dir} already holds checkpoints: pass --resume to continue, or choose another --output-dir")
    return fresh_state, None
