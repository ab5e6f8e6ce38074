"""Checkpoints that resume a run exactly, stored without pickle.

A checkpoint folder holds the PEFT adapter (safetensors), the optimizer's tensors (safetensors), the RNG
state, and ``trainer_state.json`` (step counters, scheduler, statistics so far). It is written into a
temporary folder and renamed, so an interrupted save never leaves a half checkpoint behind.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

TRAINER_STATE = "trainer_state.json"
OPTIMIZER_FILE = "optimizer.safetensors"
RNG_FILE = "rng_state.safetensors"

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


def _write_adapter(folder: Path, model, tokenizer, extra_files: dict[str, str] | None) -> None:
    model.save_pretrained(folder, safe_serialization=True)
    tokenizer.save_pretrained(folder)
    for name, text in (extra_files or {}).items():
        (folder / name).write_text(text)


def save_adapter(path: Path, model, tokenizer, extra_files: dict[str, str] | None = None) -> None:
    """The shipped model: PEFT adapter (safetensors), tokenizer and clinsum's records, nothing else."""
    with _atomic_dir(path) as tmp:
        _write_adapter(tmp, model, tokenizer, extra_files)


def save_checkpoint(
    path: Path, model, tokenizer, optimizer, scheduler, state: dict,
    rng: dict[str, torch.Tensor] | None = None, extra_files: dict[str, str] | None = None,
) -> None:
    """Adapter plus everything needed to continue training exactly where it stopped."""
    with _atomic_dir(path) as tmp:
        _write_adapter(tmp, model, tokenizer, extra_files)
        opt = optimizer.state_dict()
        tensors = {
            f"{idx}.{key}": value.contiguous()
            for idx, param_state in opt["state"].items()
            for key, value in param_state.items()
        }
        save_file(tensors, tmp / OPTIMIZER_FILE)
        save_file(rng or capture_rng(), tmp / RNG_FILE)
        state = {**state, "param_groups": opt["param_groups"], "scheduler": scheduler.state_dict()}
        (tmp / TRAINER_STATE).write_text(json.dumps(state, indent=2, default=str))


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


def load_checkpoint(path: Path, model, optimizer, scheduler, rank: int = 0) -> dict:
    """Restore adapter weights, optimizer, scheduler and (process ``rank``'s) RNG in place; return the trainer state."""
    from peft import set_peft_model_state_dict

    path = Path(path)
    state = json.loads((path / TRAINER_STATE).read_text())
    set_peft_model_state_dict(model, load_file(path / "adapter_model.safetensors"))
    tensors = load_file(path / OPTIMIZER_FILE)
    opt_state: dict[int, dict[str, torch.Tensor]] = {}
    for name, value in tensors.items():
        idx, key = name.split(".", 1)
        opt_state.setdefault(int(idx), {})[key] = value
    optimizer.load_state_dict({"state": opt_state, "param_groups": state["param_groups"]})
    scheduler.load_state_dict(state["scheduler"])
    rng = load_file(path / RNG_FILE)
    torch.set_rng_state(rng[_rng_key("torch", rank)])
    if _rng_key("cuda", rank) in rng and torch.cuda.is_available():
        torch.cuda.set_rng_state(rng[_rng_key("cuda", rank)])
    return state


def replace_step_checkpoint(output_dir: Path, step: int, save) -> None:
    """Save ``checkpoint_step_{step}`` with ``save(name)`` and drop older step checkpoints (epoch ones stay)."""
    old = list(Path(output_dir).glob("checkpoint_step_*"))
    save(f"checkpoint_step_{step}")
    for path in old:
        if path.name != f"checkpoint_step_{step}":
            shutil.rmtree(path, ignore_errors=True)


def resume_or_start(output_dir: Path, resume: bool, model, optimizer, scheduler, fresh_state: dict, launch=None) -> dict:
    """The trainer state to start from: the last checkpoint with ``resume``, else ``fresh_state``.

    Without ``resume`` a folder that already holds checkpoints is refused rather than silently mixed. A run
    resumes with as many processes as it was started with: the data order depends on the global batch.
    """
    processes, rank = (launch.processes, launch.rank) if launch else (1, 0)
    fresh_state = {**fresh_state, "processes": processes}
    checkpoint = latest_checkpoint(output_dir)
    if resume and checkpoint:
        saved = json.loads((checkpoint / TRAINER_STATE).read_text()).get("processes", 1)
        if saved != processes:
            raise ValueError(f"{checkpoint} was written by a {saved}-process run and this run has {processes}: "
                             f"resume with {saved} processes (the data order depends on the global batch)")
        state = load_checkpoint(checkpoint, model, optimizer, scheduler, rank)
        log.info("Resumed from %s (step %d)", checkpoint, state["global_step"])
        return state
    if checkpoint and not resume:
        raise ValueError(f"{output_dir} already holds checkpoints: pass --resume to continue, or choose another --output-dir")
    return fresh_state
