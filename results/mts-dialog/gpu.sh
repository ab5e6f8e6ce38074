#!/bin/bash
# How results/mts-dialog was made: configs/mts-dialog.yaml on one GPU (an H200), in fp32 like the CPU recipe,
# with GPU batch sizes (one forward per batch, 100 notes per sampling batch, 50 per evaluation batch) and no
# mid-run checkpoints. Then the verification budget chosen on validation, and test set 1 once with it.
# About 5 minutes on an H200 (training 136 s, evaluation and the validation comparison about 70 s each); from the repository root, ../shared beside it.
set -euo pipefail
run=runs/mts-dialog; config=$run-gpu.yaml
mkdir -p $run && python - "$config" <<'PY'
import sys, yaml
config = yaml.safe_load(open("configs/mts-dialog.yaml"))
config["dtype"] = "float32"
for stage in ("sft", "dpo"):
    config[stage].update(max_forward_tokens=0, save_every_steps=0)
config["negatives"]["model_batch_size"] = 100
config["eval"]["batch_size"] = 50
yaml.safe_dump(config, open(sys.argv[1], "w"), sort_keys=False)
PY
clinsum pipeline --config $config          # Stage A, Stage B, and the report: base, sft, dpo, dpo+likeliest, dpo+verified
BATCH=50 bash results/mts-dialog/verified.sh val     # the budget's choice (bf16 on a GPU: bench_guided's --dtype auto)
python scripts/publish_report.py $run/eval results/mts-dialog
