#!/bin/bash
# Verified output (docs/verified-output.md) on MTS-Dialog with the DPO model of
# `clinsum pipeline --config configs/mts-dialog.yaml`: the budget chosen on validation, its cost on this CPU,
# then test set 1 once.
#
#   bash results/mts-dialog/verified.sh val    # settings side by side on the $VAL_N validation dialogues
#   bash results/mts-dialog/verified.sh cost   # the chosen budget against greedy and 4 beams, seconds per summary
#                                              # side by side on 16 validation dialogues (run it on the CPU)
#   bash results/mts-dialog/verified.sh test   # DPO greedy, DPO+likeliest (control), DPO+verified on all 200
#                                              # test-1 notes with the budget in configs/mts-dialog.yaml
# From the repository root; RUN is the pipeline's output folder (default runs/mts-dialog), BATCH the batch size.
set -euo pipefail
run=${RUN:-runs/mts-dialog}; batch=${BATCH:-8}
guided=(python benchmarks/bench_guided.py --model-path $run/dpo/final_model --data $run/prepare/val.csv
        --max-new-tokens 128 --batch-size $batch --seed 0)
case ${1:-} in
  val)
    "${guided[@]}" --notes "${VAL_N:-100}" --settings "${SETTINGS:-beams:1:3,beams:2:3,beams:3:3,beams:2:1}" \
      --output $run/verified-val.json ;;
  cost)
    "${guided[@]}" --notes 16 --settings beams:1:3,beams:4:3 --output $run/verified-cost.json ;;
  test)
    budget=$(python -c "import yaml; e = yaml.safe_load(open('configs/mts-dialog.yaml'))['eval']; \
print(f\"--candidates {e['candidates']} --candidate-mode {e['candidate_mode']} --repair-tries {e['repair_tries']}\")")
    clinsum eval --models dpo=$run/dpo/final_model --verified dpo --data $run/prepare/test.csv --max-new-tokens 128 \
      --batch-size $batch --seed 0 ${DTYPE:+--dtype $DTYPE} $budget --output-dir $run/eval-verified ;;
  *) echo "usage: bash results/mts-dialog/verified.sh val|cost|test" >&2; exit 2 ;;
esac
