#!/bin/bash
# Choosing the decoding repetition controls on the MTS-Dialog *validation* set (never on test set 1), with the
# Stage A adapter of `clinsum pipeline --config configs/mts-dialog-stage-a.yaml --stages prepare,sft`.
# Each setting summarizes the first $VAL_N validation dialogues (greedy, at most 128 new tokens, as in the
# pipeline); the predictions are then scored together, so every row is paired on the same dialogues.
#
#   VAL_N=50 bash results/mts-dialog/decoding.sh [none ngram3 ngram4 rp1.2 ...]   (from the repository root)
set -euo pipefail
run=runs/mts-dialog-stage-a; out=runs/mts-decoding; n=${VAL_N:-100}; mkdir -p $out
settings=("$@"); [ ${#settings[@]} -gt 0 ] || settings=(none ngram3 ngram4 rp1.2)
names=()
for setting in "${settings[@]}"; do
  case $setting in
    none)   flags=(--no-repeat-ngram-size 0) ;;
    ngram*) flags=(--no-repeat-ngram-size "${setting#ngram}") ;;
    rp*)    flags=(--no-repeat-ngram-size 0 --repetition-penalty "${setting#rp}") ;;
    *) echo "unknown setting $setting" >&2; exit 2 ;;
  esac
  if [ ! -f $out/$setting/predictions.jsonl ]; then
    /usr/bin/time -f "$setting: %e s" clinsum eval --models "$setting=$run/sft/final_model" --data $run/prepare/val.csv \
      --max-examples "$n" --output-dir $out/$setting --max-new-tokens 128 --batch-size 8 --seed 0 \
      --no-use-embeddings --bootstrap-samples 10 "${flags[@]}"
  fi
  names+=("$setting")
done
for name in "${names[@]}"; do cat $out/$name/predictions.jsonl; done > $out/merged.jsonl
clinsum eval --predictions $out/merged.jsonl --models "$(IFS=,; echo "${names[*]}")" --output-dir $out/val --seed 0
