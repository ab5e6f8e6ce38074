"""Batched vs one-at-a-time generation, same model, same notes, greedy, in one process.

    python benchmarks/bench_generate.py                 # default model, 16 MTS-Dialog test notes
    python benchmarks/bench_generate.py --model-path runs/demo/sft/final_model --notes-from synthetic

Prefill costs the same in both modes and only decoding gains from batching, so the speed-up is larger on
short notes (synthetic) than on long dialogue transcripts (MTS-Dialog).
"""

from __future__ import annotations

import argparse
import random
import time

from clinsum.data.dataset import load_examples
from clinsum.inference.generate import GenerationOptions, Summarizer
from clinsum.paths import MTS_TEST



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model-path", default="default")
    parser.add_argument("--notes", type=int, default=16)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--max-new-tokens", type=int, default=64)
    parser.add_argument("--notes-from", choices=["mts-dialog", "synthetic"], default="mts-dialog",
                        help="MTS-Dialog test dialogues (when ../shared has them) or built-in synthetic notes")
    args = parser.parse_args()

    if args.notes_from == "mts-dialog" and MTS_TEST.exists():
        examples, source = load_examples(MTS_TEST), "MTS-Dialog test"
    else:
        from clinsum.data.synthetic import generate_examples

        examples, source = generate_examples(200, seed=1), "synthetic"
    random.Random(0).shuffle(examples)
    notes = [e.note for e in examples[: args.notes]]
    summarizer = Summarizer.from_pretrained(args.model_path)
    summarizer.summarize(notes[:1], GenerationOptions(greedy=True, max_new_tokens=4), progress=False)  # warm-up

    timings = {}
    for batch_size in (1, args.batch_size):
        options = GenerationOptions(greedy=True, max_new_tokens=args.max_new_tokens, batch_size=batch_size)
        start = time.perf_counter()
        summaries = summarizer.summarize(notes, options, progress=False)
        timings[batch_size] = (time.perf_counter() - start, summaries)

    (t1, s1), (tb, sb) = timings[1], timings[args.batch_size]
    same = sum(a == b for a, b in zip(s1, sb))
    print(f"\nGeneration: {args.model_path}, {len(notes)} {source} notes, greedy, max_new_tokens {args.max_new_tokens}")
    print(f"{'':22}{'seconds':>9}{'summaries/s':>13}{'speed-up':>10}")
    print(f"{'one at a time':22}{t1:9.1f}{len(notes) / t1:13.2f}{1.0:10.2f}")
    print(f"{f'batch {args.batch_size}':22}{tb:9.1f}{len(notes) / tb:13.2f}{t1 / tb:10.2f}")
    print(f"identical summaries in both modes: {same}/{len(notes)}")


if __name__ == "__main__":
    main()
