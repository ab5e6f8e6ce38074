"""What the multi-process tests launch: ``torchrun ... tests/distributed_entry.py RECORD_DIR <clinsum arguments>``.

Runs the real `clinsum` command in this process, after wrapping a few of its functions to record, per
process, what it did: the files it wrote (checkpoints, adapters, statistics, the reference cache), the
rows of every training forward, how many rows its reference pass computed, and the pipeline stages it ran. The record is written to
RECORD_DIR/rank<N>.json at exit. With STOP_AT_STEP=k the first process sends SIGTERM to the launcher at
the start of optimizer step k, as a scheduler stopping the job would, and waits for it to arrive.

With FORCE_FSDP=1 Accelerate's own FSDP engine shards the model over the CPU processes: Accelerate enables
FSDP only on GPUs (on CPU it runs an FSDP config as DDP), so its state is switched to FSDP, with the plugin
that the FSDP_* variables describe (what `accelerate launch --config_file configs/accelerate/fsdp.yaml`
hands each process), before the recipe prepares the model. Its real FSDP 2 code then runs over gloo.
"""

from __future__ import annotations

import atexit
import json
import os
import signal
import sys
import time
from pathlib import Path

import torch

from clinsum.cli import main
from clinsum import pipeline
from clinsum.training import checkpoint, dpo, sft

record_dir, argv = Path(sys.argv[1]), sys.argv[2:]
rank = int(os.environ["RANK"])
record = {"writes": [], "forwards": [], "reference_rows": 0, "steps": 0, "stages": [], "sharded": False}


def wrap(module, name, before):
    real = getattr(module, name)

    def wrapper(*args, **kwargs):
        before(*args, **kwargs)
        return real(*args, **kwargs)

    setattr(module, name, wrapper)


for module, names in ((checkpoint, ("save_checkpoint", "save_model")), (sft, ("write_json",)), (dpo, ("write_json",))):
    for name in names:
        wrap(module, name, lambda *a, _name=name, **k: record["writes"].append(_name))
wrap(dpo, "save_file", lambda *a, **k: record["writes"].append("reference_cache"))


def count_forward(rows, indices, *args, **kwargs):
    if torch.is_grad_enabled():
        record["forwards"].append(list(indices))
    elif record["steps"] == 0:  # before the first step: DPO's reference pass
        record["reference_rows"] += len(indices)


def count_step(model, *args, **kwargs):
    from torch.distributed.tensor import DTensor

    record["steps"] += 1
    record["sharded"] = all(isinstance(p, DTensor) for p in model.parameters())
    if rank == 0 and record["steps"] == int(os.environ.get("STOP_AT_STEP", 0)):
        os.kill(os.getppid(), signal.SIGTERM)
        time.sleep(120)  # the launcher passes SIGTERM on; clinsum turns it into a checkpoint and exit


for module in (sft, dpo):
    wrap(module, "collate_rows", count_forward)
for name, runner in list(pipeline.RUNNERS.items()):
    pipeline.RUNNERS[name] = lambda *a, _name=name, _run=runner, **k: (record["stages"].append(_name), _run(*a, **k))[1]
wrap(sft, "sft_step", count_step)
wrap(dpo, "dpo_step", count_step)
if os.environ.get("FORCE_FSDP") == "1":
    from accelerate.state import PartialState
    from accelerate.utils import DistributedType, FullyShardedDataParallelPlugin

    def start_fsdp_launch(device, _start=sft.start_launch):
        launch = _start(device)
        # Both shared states: Accelerate copies the process state's fields into its own on every use.
        PartialState().distributed_type = launch.accelerator.state.distributed_type = DistributedType.FSDP
        launch.accelerator.state.fsdp_plugin = FullyShardedDataParallelPlugin()
        return launch

    sft.start_launch = dpo.start_launch = start_fsdp_launch
atexit.register(lambda: (record_dir / f"rank{rank}.json").write_text(json.dumps(record)))
sys.exit(main(argv))
