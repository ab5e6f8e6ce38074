"""Peak memory and speed of one SFT and one DPO training step, today's settings against the new ones.

Each configuration runs in its own subprocess, so its peak RSS (``ru_maxrss``: model, optimizer and the
step's activations) is its own. Rows are MTS-Dialog training dialogues (synthetic notes where ../shared is
absent), joined until every row fills ``--max-length``, so a batch is ``batch x max_length`` tokens.
Speed is measured on the last of ``--steps`` optimizer steps (the first pays one-time allocations), as
tokens per wall-clock second and per CPU second of the process: on a shared machine the second is the
one to compare (with ``--threads 1`` no thread waits on another).

Settings:
- ``one forward``: the whole batch in one forward pass (clinsum before ``--max-forward-tokens``);
- ``chunked``: the batch split into forwards of at most ``--max-forward-tokens`` (the default) tokens;
- ``checkpointing``: one forward with ``--gradient-checkpointing`` (activations recomputed in backward).

    python benchmarks/bench_memory.py                                  # SFT and DPO at 64 ... 1024 tokens
    python benchmarks/bench_memory.py --lengths 64,128,512 --stages sft
A row whose predicted peak (extrapolated from the setting's last shorter length) exceeds the free memory
less ``--margin-gib`` is skipped and says so: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from clinsum.paths import MTS_TRAIN

SETTINGS = {  # name -> (max_forward_tokens or None for the default, gradient checkpointing)
    "one forward": (0, False),
    "chunked": (None, False),
    "checkpointing": (0, True),
}


def long_rows(n: int, tokens: int, fmt) -> list:
    """``n`` examples whose notes, joined from consecutive dialogues, exceed ``tokens`` tokens."""
    from clinsum.data.dataset import Example, load_examples
    from clinsum.data.synthetic import generate_examples

    source = load_examples(MTS_TRAIN) if MTS_TRAIN.exists() else generate_examples(400, seed=0)
    rows, k = [], 0
    for i in range(n):
        parts = []
        while len(fmt.tokenizer("\n".join(parts))["input_ids"]) < tokens:
            parts.append(source[k % len(source)].note)
            k += 1
        summary = source[k % len(source)].summary
        rows.append(Example(id=str(i), note="\n".join(parts), summary=summary))
    return rows


def run_one(args) -> dict:
    """One configuration in this process: load, run ``--steps`` optimizer steps, report peak RSS and tokens/s."""
    import torch

    from clinsum.data.triplets import Triplet
    from clinsum.data.prompts import PromptFormat
    from clinsum.models import load_base_model, load_tokenizer
    from clinsum.training.common import add_lora, start_launch
    from clinsum.training.dpo import DPOConfig, dpo_step, encode_triplets
    from clinsum.training.sft import SFTConfig, encode_examples, sft_step

    max_forward_tokens, checkpointing = SETTINGS[args.one]
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    launch = start_launch("cpu")
    device = launch.device
    model, path = load_base_model(args.model, device)
    loaded_gib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    fmt = PromptFormat(load_tokenizer(path))
    model = add_lora(model, 16, 32, 0.05 if args.stage == "sft" else 0.0, ["q_proj", "v_proj"], checkpointing)
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-6)
    model.train()
    if args.stage == "sft":
        config = SFTConfig(max_length=args.max_length, batch_size=args.batch_size)
        rows, _ = encode_examples(long_rows(args.batch_size, args.max_length, fmt), fmt, args.max_length, False)
    else:
        config = DPOConfig(max_length=args.max_length, batch_size=args.dpo_batch_size)
        examples = long_rows(args.dpo_batch_size, args.max_length, fmt)
        triplets = [Triplet(e.id, e.note, e.summary, e.summary + " The patient also underwent appendectomy.")
                    for e in examples]
        pairs, _ = encode_triplets(triplets, fmt, args.max_length, False)
        reference = torch.zeros(len(pairs.rows))  # clinsum looks these up in its cache: no cost in the step
    if max_forward_tokens is not None:
        config.max_forward_tokens = max_forward_tokens
    pad_id = fmt.tokenizer.pad_token_id
    seconds, cpu_seconds, tokens, loss = 0.0, 0.0, 0, None
    for _ in range(args.steps):
        started, cpu_started = time.perf_counter(), time.process_time()
        if args.stage == "sft":
            loss_sum, n_summary, tokens = sft_step(model, rows, [list(range(len(rows)))], pad_id, launch,
                                                   config.max_forward_tokens)
            loss = loss_sum / n_summary
        else:
            sums = dpo_step(model, pairs, [list(range(len(pairs)))], lambda r, b: reference[r], config, pad_id, launch)
            loss, tokens = sums["loss"] / sums["pairs"], sums["tokens"]
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    return {"peak_rss_gib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, "loaded_rss_gib": loaded_gib,
            "tokens": tokens,
            "tokens_per_second": tokens / seconds, "tokens_per_cpu_second": tokens / cpu_seconds, "loss": loss, "max_forward_tokens": config.max_forward_tokens}


def forward_tokens(row: dict, length: int, rows: int, per_row: int) -> int:
    """Padded tokens of the largest forward pass at ``length`` (``per_row`` 2 for DPO's chosen + rejected)."""
    if not row["max_forward_tokens"]:
        return rows * length
    return min(rows * length, max(row["max_forward_tokens"], per_row * length))


def predict_peak(measured: dict | None, length: int, rows: int, per_row: int) -> float:
    """Peak RSS (GiB) expected at ``length`` from a shorter measured one: the memory the step added to the
    loaded model, scaled by the tokens of the largest forward, plus 25% (attention grows faster than
    linearly); 0 without a measurement."""
    if measured is None:
        return 0.0
    scale = forward_tokens(measured, length, rows, per_row) / forward_tokens(measured, measured["max_length"], rows, per_row)
    return measured["loaded_rss_gib"] + 1.25 * scale * (measured["peak_rss_gib"] - measured["loaded_rss_gib"])


def available_gib() -> float:
    with open("/proc/meminfo") as f:
        info = dict(line.split(":", 1) for line in f)
    return int(info["MemAvailable"].split()[0]) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="default")
    parser.add_argument("--stages", default="sft,dpo")
    parser.add_argument("--lengths", default="64,256,512,1024",
                        help="max lengths, ascending: the short ones predict the long ones' memory (rows that would not fit are skipped)")
    parser.add_argument("--settings", default=",".join(SETTINGS))
    parser.add_argument("--batch-size", type=int, default=8, help="SFT rows per step")
    parser.add_argument("--dpo-batch-size", type=int, default=4, help="DPO triplets per step (x2 rows: chosen and rejected)")
    parser.add_argument("--steps", type=int, default=2)
    parser.add_argument("--threads", type=int, default=0, help="torch threads per run (0: torch's default)")
    parser.add_argument("--margin-gib", type=float, default=2.0, help="free memory left to the other users of the machine")
    parser.add_argument("--output", type=Path, help="also write the results as JSON")
    parser.add_argument("--one", choices=list(SETTINGS), help=argparse.SUPPRESS)
    parser.add_argument("--stage", choices=["sft", "dpo"], help=argparse.SUPPRESS)
    parser.add_argument("--max-length", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print("RESULT " + json.dumps(run_one(args)))
        return

    results, previous = [], {}
    for stage in args.stages.split(","):
        for length in map(int, args.lengths.split(",")):
            for setting in args.settings.split(","):
                row = {"stage": stage, "setting": setting, "max_length": length}
                free = available_gib()
                rows, per_row = (args.batch_size, 1) if stage == "sft" else (2 * args.dpo_batch_size, 2)
                predicted = predict_peak(previous.get((stage, setting)), length, rows, per_row)
                if predicted > free - args.margin_gib:
                    row["skipped"] = f"predicted {predicted:.1f} GiB > {free:.1f} GiB free - {args.margin_gib:.0f} GiB margin"
                else:
                    command = [sys.executable, __file__, "--one", setting, "--stage", stage, "--max-length", str(length),
                               "--model", args.model, "--batch-size", str(args.batch_size),
                               "--dpo-batch-size", str(args.dpo_batch_size), "--steps", str(args.steps),
                               "--threads", str(args.threads)]
                    done = subprocess.run(command, capture_output=True, text=True)
                    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
                    if not lines:
                        sys.exit(f"{stage} {setting} {length} failed:\n{done.stderr[-3000:]}")
                    row |= json.loads(lines[-1][len("RESULT "):])
                    previous[(stage, setting)] = row
                print(json.dumps(row), flush=True)
                results.append(row)

    print(f"\nOne training step, batch {args.batch_size} rows (SFT) / {args.dpo_batch_size} triplets = "
          f"{2 * args.dpo_batch_size} rows (DPO), {args.model}, CPU fp32")
    print("| stage | max length | setting | peak RSS (GiB) | tokens/s | tokens per CPU-s | vs one forward (CPU-s) | loss |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    for row in results:
        if "skipped" in row:
            print(f"| {row['stage']} | {row['max_length']} | {row['setting']} | skipped: {row['skipped']} | | | | |")
            continue
        base = next((r for r in results if r["stage"] == row["stage"] and r["max_length"] == row["max_length"]
                     and r["setting"] == "one forward" and "skipped" not in r), None)
        ratio = f"{row['tokens_per_cpu_second'] / base['tokens_per_cpu_second']:.2f}" if base else "-"
        print(f"| {row['stage']} | {row['max_length']} | {row['setting']} | {row['peak_rss_gib']:.2f} | "
              f"{row['tokens_per_second']:.1f} | {row['tokens_per_cpu_second']:.1f} | {ratio} | {row['loss']:.4f} |")
    if args.output:
        args.output.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
