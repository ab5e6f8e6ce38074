#!/bin/bash
# Verified output (docs/verified-output.md) on MTS-Dialog with the DPO model of
# `clinsum pipeline --config configs/mts-dialog.yaml`: settings chosen on validation, then test set 1 once.
#
#   bash results/mts-dialog/verified.sh val    # compare settings on the first $VAL_N validation dialogues
#   bash results/mts-dialog/verified.sh test   # DPO greedy, DPO+likeliest (control), DPO+verified on all 200
#                                              # test-1 notes with the budget in configs/mts-dialog.yaml
# From the repository root; RUN is the pipeline's output folder (default runs/mts-dialog).
set -euo pipefail
run=${RUN:-runs/mts-dialog}; n=${VAL_N:-50}
case ${1:-} in
  val)
    python benchmarks/bench_guided.py --model-path $run/dpo/final_model --data $run/prepare/val.csv --notes "$n" \
      --settings "${SETTINGS:-beams:4:3,samples:4:3,beams:2:3}" --max-new-tokens 128 --batch-size 8 --seed 0 ;;
  test)
    budget=$(python -c "import yaml; e = yaml.safe_load(open('configs/mts-dialog.yaml'))['eval']; \
print(f\"--candidates {e['candidates']} --candidate-mode {e['candidate_mode']} --repair-tries {e['repair_tries']}\")")
    /usr/bin/time -f "eval: %e s" clinsum eval --models dpo=$run/dpo/final_model --verified dpo \
      --data $run/prepare/test.csv --max-new-tokens 128 --batch-size 8 --seed 0 $budget \
      --output-dir $run/eval-verified
    python scripts/publish_report.py $run/eval-verified results/mts-dialog/verified ;;
  *) echo "usage: bash results/mts-dialog/verified.sh val|test" >&2; exit 2 ;;
esac
