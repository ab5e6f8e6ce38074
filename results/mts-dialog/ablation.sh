#!/bin/bash
# The Stage A / Stage B ablation of results/mts-dialog/README.md, sized for one GPU and run there in fp32
# (--dtype float32), so that a setting chosen here carries over to the CPU recipe. Every row trains on all 1,201
# MTS-Dialog training dialogues, then summarizes the 100 validation dialogues (to choose) and the 200 of test
# set 1 (to report), greedy, no_repeat_ngram_size 3 (the default), at most 128 and 256 new tokens. Generation only
# (--no-score): score anywhere with `bash results/mts-dialog/ablation-score.sh`.
#
#   bash results/mts-dialog/ablation.sh sft [ROW...]            Stage A rows (default: all of SFT_ROWS)
#   bash results/mts-dialog/ablation.sh dpo SFT_ROW [ROW...]    Stage B rows from one Stage A row
#   (from the repository root; MTS=folder of the MTS-Dialog CSVs, default ../shared/datasets/mts-dialog;
#    TRIPLETS=the triplets of `clinsum negatives --input $MTS/MTS-Dialog-TrainingSet.csv --per-example 1 --seed 0`)
set -euo pipefail
mts=${MTS:-../shared/datasets/mts-dialog}; out=${ABLATION_DIR:-runs/mts-ablation}
triplets=${TRIPLETS:-runs/mts-negatives/triplets.jsonl}
all=q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj
declare -A SFT_ROWS=(
  [qv-r16-e1]="--num-epochs 1"
  [qv-r16-e2]="--num-epochs 2"
  [all-r16-e2]="--num-epochs 2 --lora-target-modules $all"
  [all-r64-e2]="--num-epochs 2 --lora-target-modules $all --lora-r 64 --lora-alpha 128"
  [all-r16-e3]="--num-epochs 3 --lora-target-modules $all"
)
declare -A DPO_ROWS=(
  [dpo-400]="--max-train-examples 400"
  [dpo-all]=""
  [dpo-all-rpo1]="--rpo-alpha 1.0"
  [dpo-all-b05]="--beta 0.5"
  [dpo-400-rpo1]="--max-train-examples 400 --rpo-alpha 1.0"
)
gpu=(--seed 0 --dtype float32 --max-forward-tokens 0 --save-every-steps 0)

generate() {  # generate TOKENS NAME=PATH... : every model on validation and test
  tokens=$1; shift
  for split in val test; do
    data=$mts/MTS-Dialog-ValidationSet.csv; [ $split = test ] && data=$mts/MTS-Dialog-TestSet-1-MEDIQA-Chat-2023.csv
    for model in "$@"; do
      dir=$out/gen/$split-$tokens/${model%%=*}
      [ -f $dir/predictions.jsonl ] || clinsum eval --no-score --models "$model" --data $data --output-dir $dir \
        --max-new-tokens $tokens --batch-size 100 --dtype float32 --seed 0
    done
  done
}

stage=$1; shift
if [ $stage = sft ]; then
  rows=("$@"); [ ${#rows[@]} -gt 0 ] || rows=(qv-r16-e1 qv-r16-e2 all-r16-e2 all-r64-e2 all-r16-e3)
  models=(base=default); generate 128 base=default
  for row in "${rows[@]}"; do
    [ -f $out/$row/final_model/adapter_config.json ] || clinsum sft "${gpu[@]}" ${SFT_ROWS[$row]} --output-dir $out/$row \
      --train-data $mts/MTS-Dialog-TrainingSet.csv --val-data $mts/MTS-Dialog-ValidationSet.csv
    models+=("$row=$out/$row/final_model"); generate 128 "${models[-1]}"
  done
  generate 256 "${models[@]}"
elif [ $stage = dpo ]; then
  sft=$1; shift; rows=("$@"); [ ${#rows[@]} -gt 0 ] || rows=(dpo-400 dpo-all dpo-all-rpo1 dpo-all-b05)
  models=()
  for row in "${rows[@]}"; do
    [ -f $out/$sft-$row/final_model/adapter_config.json ] || clinsum dpo "${gpu[@]}" --learning-rate 5e-5 \
      --batch-size 4 --num-epochs 1 ${DPO_ROWS[$row]} --sft-model-path $out/$sft/final_model --train-data $triplets \
      --output-dir $out/$sft-$row
    models+=("$sft-$row=$out/$sft-$row/final_model"); generate 128 "${models[-1]}"
  done
  generate 256 "${models[@]}"
else
  echo "usage: $0 sft [ROW...] | dpo SFT_ROW [ROW...]" >&2; exit 2
fi
