"""Peak GPU memory and speed of the 8B QLoRA recipe (configs/gpu-8b-qlora.yaml) on one CUDA GPU.

The model is randomly initialised in Llama-3.1-8B's shape (32 layers, hidden 4096, MLP 14336, 8 KV heads, a
128,256-token vocabulary; the tokenizer given only supplies ids):
memory and speed do not depend on the weights' values, so nothing is downloaded. It is saved once in bf16,
then `clinsum sft` and `clinsum dpo` run a few optimizer steps each with the recipe's own sections (4-bit NF4,
gradient checkpointing, LoRA on every linear layer), and this prints the peak memory PyTorch allocated.

    python benchmarks/bench_gpu_qlora.py --tokenizer FOLDER --train-data MTS-Dialog-TrainingSet.csv \\
        --triplets triplets.jsonl --steps 8
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import torch
import yaml

from clinsum.config import config_from_dict
from clinsum.models import load_tokenizer
from clinsum.training.dpo import DPOConfig, train_dpo
from clinsum.training.sft import SFTConfig, train_sft

LLAMA_3_8B = dict(vocab_size=128256, hidden_size=4096, intermediate_size=14336, num_hidden_layers=32, num_attention_heads=32,
                  num_key_value_heads=8, max_position_embeddings=8192, rope_theta=500000.0, tie_word_embeddings=False)


def random_model(folder: Path, tokenizer_path: str) -> Path:
    """Save a randomly initialised Llama-3.1-8B-shaped model (bf16) with the given tokenizer."""
    from transformers import LlamaConfig, LlamaForCausalLM

    if (folder / "config.json").exists():
        return folder
    tokenizer = load_tokenizer(tokenizer_path)
    config = LlamaConfig(bos_token_id=tokenizer.bos_token_id,
                         eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id, **LLAMA_3_8B)
    torch.set_default_dtype(torch.bfloat16)
    with torch.device("cuda"):
        model = LlamaForCausalLM(config)
    torch.set_default_dtype(torch.float32)
    model.save_pretrained(folder, safe_serialization=True)
    tokenizer.save_pretrained(folder)
    del model
    torch.cuda.empty_cache()
    return folder


def measure(stage: str, run) -> dict:
    torch.cuda.empty_cache()
    torch.cuda.reset_peak_memory_stats()
    started = time.perf_counter()
    output = run()
    seconds = time.perf_counter() - started
    stats = json.loads((Path(output).parent / "training_stats.json").read_text())
    return {"stage": stage, "peak_allocated_gib": torch.cuda.max_memory_allocated() / 2**30,
            "peak_reserved_gib": torch.cuda.max_memory_reserved() / 2**30, "steps": stats["totals"]["steps"],
            "train_tokens_per_s": stats["totals"]["tokens_per_second"], "wall_s": seconds, "output": str(output)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", default="configs/gpu-8b-qlora.yaml")
    parser.add_argument("--tokenizer", required=True, help="tokenizer folder (or model spec) for the random model")
    parser.add_argument("--train-data", required=True, help="note/summary pairs for SFT")
    parser.add_argument("--triplets", help="DPO triplets (skip DPO without)")
    parser.add_argument("--steps", type=int, default=8, help="optimizer steps per stage")
    parser.add_argument("--work-dir", default="runs/bench-gpu-qlora")
    args = parser.parse_args()
    if not torch.cuda.is_available():
        raise SystemExit("this benchmark needs a CUDA GPU")
    recipe = yaml.safe_load(Path(args.config).read_text())
    work = Path(args.work_dir)
    started = time.perf_counter()
    model = random_model(work / "llama-8b-random", args.tokenizer)
    print(f"random 8B model saved in {time.perf_counter() - started:.0f} s: {model}")
    # enough rows for the steps plus a validation split; no mid-run checkpoints
    rows = args.steps * recipe["sft"]["batch_size"] * recipe["sft"].get("gradient_accumulation_steps", 1)
    sft = config_from_dict(SFTConfig, {**recipe["sft"], "model": str(model), "train_data": args.train_data,
                                       "output_dir": str(work / "sft"), "max_steps": args.steps,
                                       "max_train_examples": rows, "save_every_steps": 0, "seed": 0}, "sft")
    results = [measure("sft", lambda: train_sft(sft))]
    if args.triplets:
        dpo = config_from_dict(DPOConfig, {**recipe["dpo"], "sft_model_path": results[0]["output"],
                                           "train_data": args.triplets, "output_dir": str(work / "dpo"),
                                           "max_steps": args.steps, "max_train_examples": args.steps * 16,
                                           "save_every_steps": 0, "seed": 0}, "dpo")
        results.append(measure("dpo", lambda: train_dpo(dpo)))
    print(f"\n{torch.cuda.get_device_name()}, {args.config}, Llama-3.1-8B shape (random weights)")
    print(f"{'stage':6s} {'steps':>5s} {'peak alloc GiB':>15s} {'peak reserved GiB':>18s} {'train tok/s':>12s} {'wall s':>7s}")
    for r in results:
        print(f"{r['stage']:6s} {r['steps']:5d} {r['peak_allocated_gib']:15.2f} {r['peak_reserved_gib']:18.2f} "
              f"{r['train_tokens_per_s']:12.0f} {r['wall_s']:7.0f}")
    print(json.dumps({r["stage"]: {k: v for k, v in r.items() if k != "output"} for r in results}))


if __name__ == "__main__":
    main()
