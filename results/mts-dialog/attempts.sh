#!/bin/bash
# The DPO attempts behind results/mts-dialog/README.md, run after
#   clinsum pipeline --config configs/mts-dialog.yaml
# as that config was at commit 59065fd (`git show 59065fd:configs/mts-dialog.yaml`: one epoch, q/v r=16), on that run's Stage A adapter, triplets and test notes. Each attempt's DPO model is evaluated with the
# pipeline's greedy settings, and its predictions are rescored together with the pipeline's base/sft/dpo
# predictions, so every row of the comparison is on the same 100 test notes.
#
#   bash results/mts-dialog/attempts.sh [lr5e-6|model-negatives ...]    (from the repository root)
set -euo pipefail
run=runs/mts-dialog; out=runs/mts-attempts; mkdir -p $out
dpo_common=(--seed 0 --sft-model-path $run/sft/final_model --num-epochs 1 --batch-size 4 --max-length 512
            --max-train-examples 400 --beta 0.1 --save-every-steps 20)

evaluate() {  # NAME ADAPTER
  clinsum eval --models "$1=$2" --data $run/prepare/test.csv --output-dir $out/eval-$1 \
    --max-new-tokens 128 --batch-size 8 --seed 0 --bootstrap-samples 10
  cat $run/eval/predictions.jsonl $out/eval-$1/predictions.jsonl > $out/eval-$1/merged.jsonl
  clinsum eval --predictions $out/eval-$1/merged.jsonl --models "sft,dpo,$1" --output-dir $out/eval-$1/vs-sft --seed 0
}

attempts=("$@"); [ ${#attempts[@]} -gt 0 ] || attempts=(lr5e-6 model-negatives)
for attempt in "${attempts[@]}"; do
  case $attempt in
    lr5e-6)  # the first configuration: the DPO default learning rate
      clinsum dpo "${dpo_common[@]}" --train-data $run/negatives/triplets.jsonl --learning-rate 5e-6 \
        --output-dir $out/dpo-lr5e-6
      evaluate lr5e-6 $out/dpo-lr5e-6/final_model ;;
    model-negatives)  # the Stage A model's own flagged or looping summaries on 400 training notes, all of
      # them, topped up to 400 triplets with the pipeline's edit triplets (seeded sample)
      clinsum negatives --input $run/prepare/train.csv --output $out/model-negatives/triplets.jsonl \
        --per-example 1 --seed 0 --model-path $run/sft/final_model --model-max-examples 400
      python - "$out/model-negatives/triplets.jsonl" "$run/negatives/triplets.jsonl" "$out/model-negatives/mix.jsonl" <<'PY'
import json, random, sys
own = [json.loads(l) for l in open(sys.argv[1]) if json.loads(l)["source"] == "model_output"]
edits = [json.loads(l) for l in open(sys.argv[2])]
mix = own + random.Random(0).sample(edits, 400 - len(own))
with open(sys.argv[3], "w") as f:
    f.writelines(json.dumps(t) + "\n" for t in mix)
print(f"{len(own)} model_output + {400 - len(own)} edit triplets -> {sys.argv[3]}")
PY
      clinsum dpo "${dpo_common[@]}" --train-data $out/model-negatives/mix.jsonl --learning-rate 5e-5 \
        --output-dir $out/dpo-model-negatives
      evaluate model-negatives $out/dpo-model-negatives/final_model ;;
    *) echo "unknown attempt $attempt" >&2; exit 2 ;;
  esac
done
