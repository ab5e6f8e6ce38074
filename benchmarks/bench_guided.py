"""Checker-guided decoding and verified output against greedy: hallucination rate, ROUGE and cost, one model,
one process (greedy is generated once and shared by every setting).

    python benchmarks/bench_guided.py --model-path runs/mts-dialog/dpo/final_model          # MTS-Dialog validation
    python benchmarks/bench_guided.py --model-path M --settings beams:4:3,samples:4:3 --notes 100
    python benchmarks/bench_guided.py --model-path runs/demo/sft/final_model --data runs/demo/prepare/val.csv

Per setting MODE:K:TRIES (candidate mode, candidates, repair tries; see docs/verified-output.md) three columns
on the same notes: the likeliest candidate (the same-compute control: for beams, the top beam), the checker's pick
among the K candidates (checker-guided decoding), and verified output (the pick with its unsupported sentences
rewritten or dropped). The checker that picks also scores, so the guided and verified hallucination rates are
what that checker can still see; ROUGE and novel words are independent of it. Cost is seconds per summary
measured side by side in this process: the control's is its candidates' generation alone, the pick's adds the
checks, verified adds the rewrites.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace

from clinsum.data.dataset import load_examples, select_factual
from clinsum.evaluation.faithfulness import FaithfulnessChecker
from clinsum.evaluation.render import format_delta, format_estimate
from clinsum.evaluation.report import score_predictions
from clinsum.evaluation.verify import Verifier, VerifyBudget
from clinsum.inference.generate import GenerationOptions, Summarizer
from clinsum.io import write_json
from clinsum.paths import MTS_VALIDATION

ROWS = (("rouge1", "ROUGE-1 F1", "score"), ("rougeL", "ROUGE-L F1", "score"),
        ("hallucination_rate", "hallucination rate", "rate"), ("unsupported_per_summary", "unsupported / summary", "count"),
        ("novel_words", "novel content words / summary", "count"), ("length", "length (words)", "words"),
        ("lost_half_rate", "lost half their sentences", "rate"), ("emptied_rate", "every sentence dropped", "rate"),
        ("degenerate_rate", "loops", "rate"))


def parse_settings(text: str) -> list[VerifyBudget]:
    """``beams:4:3,samples:4:3`` -> budgets (mode, candidates, repair tries)."""
    budgets = []
    for item in text.split(","):
        mode, k, tries = item.split(":")
        budgets.append(VerifyBudget(candidates=int(k), candidate_mode=mode, repair_tries=int(tries)))
    return budgets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model-path", required=True)
    parser.add_argument("--data", default=str(MTS_VALIDATION), help="notes with reference summaries (default: MTS-Dialog validation)")
    parser.add_argument("--notes", type=int, default=40, help="the first N factual rows")
    parser.add_argument("--settings", default="beams:4:3", help="MODE:CANDIDATES:REPAIR_TRIES,... (default beams:4:3)")
    parser.add_argument("--max-new-tokens", type=int, default=128)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--no-repeat-ngram-size", type=int, default=3)
    parser.add_argument("--repetition-penalty", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dtype", default="auto", choices=["auto", "float32", "bfloat16"],
                        help="auto: fp32 on a CPU, bf16 on a GPU that has it")
    parser.add_argument("--output", help="also write every column's metrics and seconds per summary here (JSON)")
    args = parser.parse_args()

    examples = select_factual(load_examples(args.data)).kept[: args.notes]
    notes, contexts = [e.note for e in examples], [e.context for e in examples]
    options = GenerationOptions(max_new_tokens=args.max_new_tokens, batch_size=args.batch_size, seed=args.seed,
                                no_repeat_ngram_size=args.no_repeat_ngram_size, repetition_penalty=args.repetition_penalty)
    summarizer = Summarizer.from_pretrained(args.model_path, dtype=args.dtype)
    checker = FaithfulnessChecker()
    checker.check_many([(notes[0], "warm-up.")])  # loads the embedding model before any timing
    summarizer.summarize(notes[:1], replace(options, greedy=True, max_new_tokens=2), contexts[:1], progress=False)

    start = time.perf_counter()
    columns = {"greedy": (summarizer.summarize(notes, replace(options, greedy=True), contexts), None)}
    seconds = {"greedy": time.perf_counter() - start}
    moved = {}
    for budget in parse_settings(args.settings):
        name = f"{budget.candidate_mode}:{budget.candidates}:{budget.repair_tries}"
        verifier = Verifier(summarizer, checker, budget)
        results = verifier.verify(notes, options, contexts)
        t = verifier.timings
        columns[f"likeliest {name}"] = ([v.likeliest for v in results], None)
        columns[f"pick {name}"] = ([v.pick for v in results], None)
        columns[f"verified {name}"] = ([v.summary for v in results], [v.to_dict() for v in results])
        seconds |= {f"likeliest {name}": t["candidates"], f"pick {name}": t["candidates"] + t["pick"],
                    f"verified {name}": sum(t.values())}
        moved[name] = sum(v.pick_rank > 0 for v in results)

    records = [{"id": e.id, "model": name, "note": e.note, "reference": e.summary, "prediction": summary,
                **({"verification": verification[i]} if verification else {})}
               for name, (summaries, verification) in columns.items()
               for i, (e, summary) in enumerate(zip(examples, summaries))]
    report = score_predictions(records, list(columns), checker, seed=0, progress=False)
    names = list(columns)
    n = len(examples)
    print(f"\n{args.model_path} on {n} notes of {args.data}; max_new_tokens {args.max_new_tokens}, batch "
          f"{args.batch_size}, no_repeat_ngram_size {args.no_repeat_ngram_size}, seed {args.seed}, "
          f"{summarizer.model.dtype} on {summarizer.device}")
    print("| | " + " | ".join(names) + " |\n|---|" + "---|" * len(names))
    for key, label, kind in ROWS:
        print(f"| {label} | " + " | ".join(format_estimate(report["metrics"][c][key], kind) for c in names) + " |")
    for key, label, kind in ROWS[1:3]:
        print(f"| Δ {label} vs greedy | — | " + " | ".join(format_delta(report["deltas"][c][key], kind)
                                                          for c in names[1:]) + " |")
    print("| seconds / summary (× greedy) | " + " | ".join(
        f"{seconds[c] / n:.2f} ({seconds[c] / seconds['greedy']:.2f}×)" for c in names) + " |")
    for name, count in moved.items():
        print(f"{name}: the checker picked another candidate than the likeliest on {count}/{n} notes")
    if args.output:
        write_json(args.output, {"model_path": args.model_path, "data": args.data, "notes": n, "metrics": report["metrics"],
                                 "seconds_per_summary": {c: seconds[c] / n for c in names}})


if __name__ == "__main__":
    main()
