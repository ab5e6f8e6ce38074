#!/bin/bash
# Score the predictions of results/mts-dialog/ablation.sh together, one report per split and length, every row
# paired on the same dialogues (the checker of `clinsum eval`, with embeddings).
#
#   bash results/mts-dialog/ablation-score.sh ROW...      (e.g. base qv-r16-e1 all-r16-e2)
set -euo pipefail
out=${ABLATION_DIR:-runs/mts-ablation}
for gen in $out/gen/*; do
  name=$(basename $gen); merged=$out/scored/$name/merged.jsonl; mkdir -p $out/scored/$name
  rows=(); for row in "$@"; do [ -f $gen/$row/predictions.jsonl ] && rows+=("$row"); done
  [ ${#rows[@]} -gt 0 ] || continue
  for row in "${rows[@]}"; do cat $gen/$row/predictions.jsonl; done > $merged
  clinsum eval --predictions $merged --models "$(IFS=,; echo "${rows[*]}")" --output-dir $out/scored/$name --seed 0
done
