"""Seconds per decoding step against the number of rows decoded together, on this machine's CPU.

    python benchmarks/bench_decode_rows.py                 # default model, a 450-token prompt, 1..24 rows

What batching can gain: a step of the default model costs far less than rows x a one-row step, but not the
same. Each row count is timed twice over 10 steps and the faster kept (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import time

import torch
from transformers import DynamicCache

from clinsum.inference.generate import Summarizer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model-path", default="default")
    parser.add_argument("--prompt-tokens", type=int, default=450)
    parser.add_argument("--rows", default="1,2,3,4,6,8,12,16,24")
    args = parser.parse_args()
    summarizer = Summarizer.from_pretrained(args.model_path)
    model, cache_name, length = summarizer.model, summarizer.cache_argument, args.prompt_tokens
    torch.manual_seed(0)
    with torch.no_grad():
        out = model(input_ids=torch.randint(100, 20000, (1, length)), use_cache=True)
        layers = [(layer.keys, layer.values) for layer in getattr(out, cache_name).layers]
        one = None
        for rows in (int(r) for r in args.rows.split(",")):
            best = float("inf")
            for _ in range(2):
                cache = DynamicCache(ddp_cache_data=[(k.repeat(rows, 1, 1, 1), v.repeat(rows, 1, 1, 1)) for k, v in layers])
                token = torch.randint(100, 20000, (rows, 1))
                started = time.perf_counter()
                for step in range(10):
                    model(input_ids=token, use_cache=True, logits_to_keep=1, position_ids=torch.full((rows, 1), length + step),
                          **{cache_name: cache})
                best = min(best, (time.perf_counter() - started) / 10)
            one = one or best
            print(f"{rows:3d} rows: {best * 1000:6.0f} ms/step, {best / one:4.2f}x one row's step, "
                  f"{rows * one / best:4.1f}x the rows per second")


if __name__ == "__main__":
    main()
