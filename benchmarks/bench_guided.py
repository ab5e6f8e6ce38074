"""Checker-guided decoding against greedy: hallucination rate, ROUGE and cost, one model, one process.

    python benchmarks/bench_guided.py --model-path runs/mts-dialog/sft/final_model          # MTS-Dialog validation
    python benchmarks/bench_guided.py --model-path runs/demo/sft/final_model --data runs/demo/prepare/val.csv

Four columns on the same notes: greedy; the top beam of K-beam search (what the beams alone do); the
checker's pick among the K beams (``--candidates K``); and verified output (the pick with its unsupported
sentences rewritten or dropped, ``--repair-tries``; see docs/verified-output.md). The checker that picks also
scores, so the guided hallucination rate is what that checker can still see; ROUGE is independent of it. Cost is
seconds per summary, generation and picking included, measured side by side in this process.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from clinsum.data.dataset import load_examples, select_factual
from clinsum.evaluation.faithfulness import FaithfulnessChecker
from clinsum.evaluation.verify import Verifier, VerifyBudget
from clinsum.evaluation.render import format_delta, format_estimate
from clinsum.evaluation.report import score_predictions
from clinsum.inference.generate import GenerationOptions, Summarizer

MTS_VAL = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "mts-dialog" / "MTS-Dialog-ValidationSet.csv"
ROWS = (("rouge1", "ROUGE-1 F1", "score"), ("rougeL", "ROUGE-L F1", "score"),
        ("hallucination_rate", "hallucination rate", "rate"), ("unsupported_per_summary", "unsupported / summary", "count"),
        ("length", "length (words)", "words"), ("degenerate_rate", "loops", "rate"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model-path", required=True)
    parser.add_argument("--data", default=str(MTS_VAL), help="notes with reference summaries (default: MTS-Dialog validation)")
    parser.add_argument("--notes", type=int, default=40, help="the first N factual rows")
    parser.add_argument("--candidates", type=int, default=4)
    parser.add_argument("--repair-tries", type=int, default=3, help="verified output's rewrites per unsupported sentence")
    parser.add_argument("--max-new-tokens", type=int, default=128)
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--no-repeat-ngram-size", type=int, default=0)
    parser.add_argument("--repetition-penalty", type=float, default=1.0)
    args = parser.parse_args()

    examples = select_factual(load_examples(args.data)).kept[: args.notes]
    notes, contexts = [e.note for e in examples], [e.context for e in examples]
    common = dict(max_new_tokens=args.max_new_tokens, batch_size=args.batch_size,
                  no_repeat_ngram_size=args.no_repeat_ngram_size, repetition_penalty=args.repetition_penalty)
    summarizer = Summarizer.from_pretrained(args.model_path)
    checker = FaithfulnessChecker()
    checker.check_many([(notes[0], "warm-up.")])  # loads the embedding model before any timing
    verifier = Verifier(summarizer, checker, VerifyBudget(candidates=args.candidates, repair_tries=args.repair_tries))

    start = time.perf_counter()
    greedy = summarizer.summarize(notes, GenerationOptions(greedy=True, **common), contexts)
    greedy_s = time.perf_counter() - start
    start = time.perf_counter()
    choices = verifier.verify(notes, GenerationOptions(**common), contexts)
    guided_s = time.perf_counter() - start
    pick_s = verifier.timings["candidates"] + verifier.timings["pick"]

    columns = {"greedy": greedy, f"top beam of {args.candidates}": [c.likeliest for c in choices],
               f"guided ({args.candidates})": [c.pick for c in choices], "verified": [c.summary for c in choices]}
    records = [{"id": e.id, "model": name, "note": e.note, "reference": e.summary, "prediction": summary}
               for name, summaries in columns.items() for e, summary in zip(examples, summaries)]
    report = score_predictions(records, list(columns), checker, seed=0, progress=False)
    names = list(columns)
    print(f"\n{args.model_path} on {len(examples)} notes of {args.data}; max_new_tokens {args.max_new_tokens}, "
          f"no_repeat_ngram_size {args.no_repeat_ngram_size}, repetition_penalty {args.repetition_penalty}")
    print("| | " + " | ".join(names) + " |\n|---|" + "---|" * len(names))
    for key, label, kind in ROWS:
        print(f"| {label} | " + " | ".join(format_estimate(report["metrics"][n][key], kind) for n in names) + " |")
    for key, label, kind in ROWS[1:3]:
        print(f"| Δ {label} vs greedy | — | " + " | ".join(format_delta(report["deltas"][n][key], kind)
                                                          for n in names[1:]) + " |")
    n = len(examples)
    print(f"| seconds / summary | {greedy_s / n:.2f} | (in guided) | {pick_s / n:.2f} ({pick_s / greedy_s:.1f}x greedy) "
          f"| {guided_s / n:.2f} ({guided_s / greedy_s:.1f}x greedy) |")
    moved = sum(c.pick_rank > 0 for c in choices)
    clean = sum(min(c.unfaithful) < checker.verifier.threshold for c in choices)
    print(f"\nguided kept a lower beam on {moved}/{n} notes; at least one candidate was not hallucinated on {clean}/{n}")


if __name__ == "__main__":
    main()
