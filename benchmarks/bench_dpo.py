"""DPO step time in one process: cached reference log-probs vs a reference forward every step vs TRL.

Same model, same Stage A adapter (a short `train_sft` of --model), same hard-negative triplets
(`clinsum.preference.edits` on MTS-Dialog or synthetic notes), same batch size and max length:
- clinsum, cached: `dpo_step` (one policy forward of chosen + rejected, backward) + AdamW, with the
  reference log-probs looked up in the cache `train_dpo` builds once before training;
- clinsum, live reference: the same step plus a forward of the frozen Stage A model every step (its
  LoRA merged, the cheapest form of that reference): what training without the cache costs;
- peer: TRL 1.16 DPOTrainer from the same adapter, with precompute_ref_log_probs=True.
The two clinsum variants alternate step by step, so load from other processes hits both alike. The
first step of every variant is a warm-up and is not timed. Tokens/s counts the non-padding tokens of
the chosen and rejected rows the policy trains on.

    python benchmarks/bench_dpo.py                   # default model (SmolLM2-135M-Instruct)
    python benchmarks/bench_dpo.py --model tiny      # the 2-layer test model: a quick check
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from pathlib import Path

import torch

from clinsum.data.batching import length_grouped_batches
from clinsum.data.dataset import write_examples
from clinsum.preference.config import NegativesConfig
from clinsum.preference.edits import make_triplets
from clinsum.data.prompts import IGNORE_INDEX, PromptFormat
from clinsum.io import write_jsonl
from clinsum.models import adapter_base_model, load_base_model, load_for_inference, load_tokenizer
from clinsum.testing import build_tiny_model
from clinsum.training.common import build_optimizer, start_launch
from clinsum.training.dpo import (
    DPOConfig, EncodedPairs, dpo_step, load_policy, model_fingerprint, prepare_dpo_data, reference_logps,
)
from clinsum.training.losses import summary_logprobs
from clinsum.training.sft import SFTConfig, train_sft
from common import training_rows

CPU = torch.device("cpu")


def write_triplets(notes, n: int, path: Path) -> int:
    """Up to ``n`` hard negatives, one per note, as `clinsum negatives` writes them."""
    triplets, _ = make_triplets(notes, NegativesConfig(per_example=1, seed=0))
    write_jsonl(path, [t.record() for t in triplets[:n]])
    return min(n, len(triplets))


def timed_step(model, optimizer, pairs: EncodedPairs, indices: list[int], reference, config, pad_id) -> tuple[float, int]:
    """One optimizer step as `train_dpo` runs it -> (seconds, tokens)."""
    start = time.perf_counter()
    sums = dpo_step(model, pairs, [indices], reference, config, pad_id, start_launch("cpu"))
    torch.nn.utils.clip_grad_norm_(model.parameters(), config.max_grad_norm)
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
    return time.perf_counter() - start, sums["tokens"]


def bench_clinsum(args, config: DPOConfig) -> tuple[dict, list[dict]]:
    """Cached vs live reference, alternating step by step on the same batches -> (results, the pairs as text)."""
    cached_policy, base_model = load_policy(config.sft_model_path, CPU, config)
    tokenizer = load_tokenizer(config.sft_model_path)
    data = prepare_dpo_data(config, PromptFormat(tokenizer, "auto"))
    pad_id = tokenizer.pad_token_id
    start = time.perf_counter()
    cache, _ = reference_logps(cached_policy, data.train, model_fingerprint(cached_policy, base_model, CPU), "bench",
                               Path(config.reference_cache_dir), config.batch_size, pad_id, CPU)
    precompute = time.perf_counter() - start

    live_policy, _ = load_policy(config.sft_model_path, CPU, config)
    frozen, _ = load_for_inference(config.sft_model_path, CPU)  # Stage A, LoRA merged, eval mode

    @torch.no_grad()
    def live_reference(rows, batch):
        return summary_logprobs(frozen, batch)[0]

    variants = {
        "cached": (cached_policy, lambda rows, batch: cache[rows]),
        "live": (live_policy, live_reference),
    }
    optimizers = {name: build_optimizer(model, config.learning_rate, 0.0, 0, args.steps + 1)[0]
                  for name, (model, _) in variants.items()}
    batches = length_grouped_batches(data.train.pair_lengths(), config.batch_size, seed=args.seed)
    results = {name: {"seconds": 0.0, "tokens": 0, "steps": 0} for name in variants}
    for i in range(args.steps + 1):
        indices = batches[i % len(batches)]
        for name, (model, reference) in variants.items():
            model.train()
            seconds, tokens = timed_step(model, optimizers[name], data.train, indices, reference, config, pad_id)
            print(f"step {i}{' (warm-up)' if i == 0 else ''}, {name} reference: {seconds:.1f} s, {tokens} tokens", flush=True)
            if i:
                results[name] = {k: results[name][k] + v for k, v in (("seconds", seconds), ("tokens", tokens), ("steps", 1))}
    results["precompute_seconds"], results["pairs"] = precompute, len(data.train)
    return results, _trl_rows(data.train, tokenizer)


def _trl_rows(pairs: EncodedPairs, tokenizer) -> list[dict]:
    """The very prompts (notes truncated as clinsum did) and summaries as text, for TRL to tokenize again."""
    rows = []
    n = len(pairs)
    for i in range(n):
        chosen, rejected = pairs.rows[i], pairs.rows[n + i]
        prompt = [t for t, label in zip(chosen.input_ids, chosen.labels) if label == IGNORE_INDEX]
        rows.append({
            "prompt": tokenizer.decode(prompt),
            "chosen": tokenizer.decode(chosen.input_ids[len(prompt):], skip_special_tokens=True),
            "rejected": tokenizer.decode(rejected.input_ids[len(prompt):], skip_special_tokens=True),
        })
    return rows


def bench_trl(args, config: DPOConfig, rows: list[dict]) -> dict | None:
    """TRL's DPOTrainer from the same adapter, reference log-probs precomputed, step times from a callback."""
    try:
        from datasets import Dataset
        from peft import PeftModel
        from transformers import TrainerCallback
        from trl import DPOConfig as TRLConfig, DPOTrainer
    except ImportError:
        print("TRL not installed: skipping the peer (pip install -e .[dev])", file=sys.stderr)
        return None

    class StepTimer(TrainerCallback):
        def __init__(self):
            self.times, self.tokens, self.trainer = [], [], None

        def on_step_begin(self, args, state, control, **kwargs):
            self.start, self.tokens_before = time.perf_counter(), self.trainer._total_train_tokens

        def on_step_end(self, args, state, control, **kwargs):
            self.times.append(time.perf_counter() - self.start)
            self.tokens.append(self.trainer._total_train_tokens - self.tokens_before)

    base, _ = load_base_model(adapter_base_model(config.sft_model_path), CPU)
    model = PeftModel.from_pretrained(base, config.sft_model_path, is_trainable=True)
    timer = StepTimer()
    with tempfile.TemporaryDirectory() as out:
        trl_config = TRLConfig(
            output_dir=out, per_device_train_batch_size=config.batch_size, max_steps=args.steps + 1,
            learning_rate=config.learning_rate, beta=config.beta, precompute_ref_log_probs=True, max_length=None,
            gradient_checkpointing=False, disable_dropout=False, bf16=False, use_cpu=True, logging_steps=1,
            save_strategy="no", report_to=[], dataloader_num_workers=0, seed=args.seed,
        )
        start = time.perf_counter()
        trainer = DPOTrainer(model=model, args=trl_config, train_dataset=Dataset.from_list(rows),
                             processing_class=load_tokenizer(config.sft_model_path), callbacks=[timer])
        precompute = time.perf_counter() - start
        timer.trainer = trainer
        trainer.train()
    return {"seconds": sum(timer.times[1:]), "tokens": sum(timer.tokens[1:]), "steps": len(timer.times) - 1,
            "precompute_seconds": precompute}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="default", help="model spec, or 'tiny' for the 2-layer test model")
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--max-length", type=int, default=256)
    parser.add_argument("--steps", type=int, default=4, help="timed optimizer steps per variant (after one warm-up step)")
    parser.add_argument("--trl-steps", type=int, default=None, help="timed steps for TRL (default: --steps; 0 skips it)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--output", type=Path, help="also write the results as JSON")
    args = parser.parse_args()

    n_pairs = (args.steps + 1) * args.batch_size
    notes, source = training_rows(3 * n_pairs, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        model = args.model
        if model == "tiny":
            model = str(build_tiny_model(tmp / "tiny", [e.note for e in notes] + [e.summary for e in notes]))
        n_triplets = write_triplets(notes, n_pairs, tmp / "triplets.jsonl")
        sft = train_sft(SFTConfig(
            train_data=str(write_examples(tmp / "notes.csv", notes)), val_data=str(write_examples(tmp / "val.csv", notes[:2])),
            model=model, output_dir=str(tmp / "sft"), num_epochs=1, max_steps=1, batch_size=args.batch_size,
            max_length=args.max_length, warmup_steps=0, save_every_steps=0, seed=args.seed,
            lora_r=16, lora_alpha=32, lora_target_modules=["q_proj", "v_proj"],  # the seed's, as in the README's figures
        ))
        config = DPOConfig(sft_model_path=str(sft), train_data=str(tmp / "triplets.jsonl"), val_fraction=0.0,
                           batch_size=args.batch_size, max_length=args.max_length, seed=args.seed,
                           reference_cache_dir=str(tmp / "reference-cache"), rpo_alpha=0.0)  # plain DPO, as TRL's
        ours, trl_rows = bench_clinsum(args, config)
        gc.collect()
        trl_steps = args.steps if args.trl_steps is None else args.trl_steps
        trl = bench_trl(argparse.Namespace(**{**vars(args), "steps": trl_steps}), config, trl_rows) if trl_steps else None

    rows = [("clinsum, cached reference", ours["cached"]), ("clinsum, reference forward each step", ours["live"])]
    if trl:
        rows.append(("TRL 1.16 DPOTrainer (precomputed ref)", trl))
    cached_step = ours["cached"]["seconds"] / ours["cached"]["steps"]
    print(f"\nDPO step time: {args.model}, {n_triplets} triplets from {source} notes, batch {args.batch_size} "
          f"(x2 rows), max_length {args.max_length}, {torch.get_num_threads()} threads, {args.steps} timed steps")
    table = [("", "s/step", "steps/s", "tokens/s", "cached s/step ÷ this")]
    for name, r in rows:
        step = r["seconds"] / r["steps"]
        table.append((name, f"{step:.2f}", f"{1 / step:.3f}", f"{r['tokens'] / r['seconds']:.0f}", f"{cached_step / step:.2f}"))
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    print("\n".join("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in table))
    print(f"one-off reference pass over {ours['pairs']} triplets: clinsum {ours['precompute_seconds']:.1f} s"
          + (f", TRL init incl. its precompute {trl['precompute_seconds']:.1f} s" if trl else ""))
    if args.output:
        settings = {**vars(args), "output": str(args.output)}
        args.output.write_text(json.dumps({"clinsum": ours, "trl": trl, "settings": settings}, indent=2))


if __name__ == "__main__":
    main()
