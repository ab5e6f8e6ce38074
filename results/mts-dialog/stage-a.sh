#!/bin/bash
# The Stage A capacity and decoding rows of results/mts-dialog/README.md, from the repository root:
#   1. Stage A with LoRA on every linear layer (configs/mts-dialog-stage-a.yaml);
#   2. the repetition controls compared on the first $VAL_N MTS-Dialog *validation* dialogues (decoding.sh);
#   3. that adapter on the same 100 test-1 notes as the committed report, with the decoding chosen in 2,
#      scored together with the committed report's base/SFT/DPO summaries (rebuilt from report.json), so
#      every row is paired on the same notes and counted by the same checker.
#
#   bash results/mts-dialog/stage-a.sh
set -euo pipefail
run=runs/mts-dialog-stage-a; out=runs/mts-stage-a-test; mkdir -p $out
clinsum pipeline --config configs/mts-dialog-stage-a.yaml
VAL_N=${VAL_N:-40} bash results/mts-dialog/decoding.sh none ngram3 rp1.2
for name in all-linear all-linear-ngram3 base-ngram3; do
  flags=(--no-repeat-ngram-size 0); [ $name = all-linear ] || flags=(--no-repeat-ngram-size 3)
  model=$run/sft/final_model; [ $name != base-ngram3 ] || model=default
  [ -f $out/$name/predictions.jsonl ] || clinsum eval --models "$name=$model" --data $run/prepare/test.csv \
    --output-dir $out/$name --max-new-tokens 128 --batch-size 8 --seed 0 --no-use-embeddings --bootstrap-samples 10 "${flags[@]}"
done
python scripts/report_predictions.py results/mts-dialog/report.json $run/prepare/test.csv $out/committed.jsonl
cat $out/committed.jsonl $out/{all-linear,all-linear-ngram3,base-ngram3}/predictions.jsonl > $out/merged.jsonl
clinsum eval --predictions $out/merged.jsonl --models sft,all-linear,all-linear-ngram3,base,base-ngram3,dpo --output-dir $out/all --seed 0
