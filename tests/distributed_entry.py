"""What the multi-process tests launch: ``torchrun ... tests/distributed_entry.py RECORD_DIR <clinsum arguments>``.

Runs the real `clinsum` command in this process, after wrapping a few of its functions to record, per
process, what it did: the files it wrote (checkpoints, adapters, statistics, the reference cache), the
rows of every training forward, how many rows its reference pass computed, and the pipeline stages it ran. The record is written to
RECORD_DIR/rank<N>.json at exit. With STOP_AT_STEP=k the first process sends SIGTERM to the launcher at
the start of optimizer step k, as a scheduler stopping the job would, and waits for it to arrive.
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
from clinsum.training import dpo, sft

record_dir, argv = Path(sys.argv[1]), sys.argv[2:]
rank = int(os.environ["RANK"])
record = {"writes": [], "forwards": [], "reference_rows": 0, "steps": 0, "stages": []}


def wrap(module, name, before):
    real = getattr(module, name)

    def wrapper(*args, **kwargs):
        before(*args, **kwargs)
        return real(*args, **kwargs)

    setattr(module, name, wrapper)


for module in (sft, dpo):
    for name in ("save_checkpoint", "save_adapter", "write_json"):
        wrap(module, name, lambda *a, _name=name, **k: record["writes"].append(_name))
wrap(dpo, "save_file", lambda *a, **k: record["writes"].append("reference_cache"))


def count_forward(rows, indices, *args, **kwargs):
    if torch.is_grad_enabled():
        record["forwards"].append(list(indices))
    elif record["steps"] == 0:  # before the first step: DPO's reference pass
        record["reference_rows"] += len(indices)


def count_step(*args, **kwargs):
    record["steps"] += 1
    if rank == 0 and record["steps"] == int(os.environ.get("STOP_AT_STEP", 0)):
        os.kill(os.getppid(), signal.SIGTERM)
        time.sleep(120)  # the launcher passes SIGTERM on; clinsum turns it into a checkpoint and exit


for module in (sft, dpo):
    wrap(module, "collate_rows", count_forward)
for name, runner in list(pipeline.RUNNERS.items()):
    pipeline.RUNNERS[name] = lambda *a, _name=name, _run=runner, **k: (record["stages"].append(_name), _run(*a, **k))[1]
wrap(sft, "sft_step", count_step)
wrap(dpo, "dpo_step", count_step)
atexit.register(lambda: (record_dir / f"rank{rank}.json").write_text(json.dumps(record)))
sys.exit(main(argv))
