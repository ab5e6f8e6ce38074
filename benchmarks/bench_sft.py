"""SFT throughput, side by side in one process: clinsum vs a plain PyTorch step (the bound) vs TRL.

All three train the same model with the same LoRA config and batch size on the same rows:
- clinsum: `train_sft` itself (its loop, its summary-only loss), tokens/s from its training_stats.json;
- bound: a plain PyTorch forward (HF loss over full-vocabulary logits) + backward + AdamW step on the
  very batches clinsum used;
- peer: TRL's SFTTrainer (prompt/completion data, completion-only loss) for a few steps.
Tokens/s counts non-padding tokens. Also prints the padding share of length-grouped batches at batch 8
on MTS-Dialog training data (target < 15%).

    python benchmarks/bench_sft.py                      # default model, MTS-Dialog (or synthetic) data
    python benchmarks/bench_sft.py --trl-steps 0        # skip TRL (it is ~30x slower on CPU)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import torch

from clinsum.data.batching import collate, length_grouped_batches, padding_share
from clinsum.data.dataset import Example, load_examples, write_examples
from clinsum.data.prompts import PromptFormat
from clinsum.models import load_base_model, load_tokenizer, resolve_base_model
from clinsum.paths import MTS_TRAIN
from clinsum.training.common import add_lora
from clinsum.training.sft import SFTConfig, encode_examples, train_sft
from common import training_rows


# The same adapter for all three, the seed's (configs/presets/sft-seed-lora.yaml), as when the README's figures were measured.
SEED_LORA = {"lora_r": 16, "lora_alpha": 32, "lora_target_modules": ["q_proj", "v_proj"]}


def bench_plain(args, fmt, encoded, batches) -> float:
    """Tokens/s of a plain PyTorch step: full-vocabulary HF loss, backward, AdamW."""
    torch.manual_seed(args.seed)
    model, _ = load_base_model(args.model, torch.device("cpu"))
    model = add_lora(model, SEED_LORA["lora_r"], SEED_LORA["lora_alpha"], 0.05, SEED_LORA["lora_target_modules"], False)
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=2e-4)
    model.train()
    tokens, seconds = 0, 0.0
    for indices in batches:
        batch = collate([encoded[i].input_ids for i in indices], [encoded[i].labels for i in indices], fmt.tokenizer.pad_token_id)
        start = time.perf_counter()
        loss = model(**batch).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        seconds += time.perf_counter() - start
        tokens += int(batch["attention_mask"].sum())
    return tokens / seconds


def bench_trl(args, rows: list[Example], fmt) -> float | None:
    """Tokens/s of TRL's SFTTrainer on the same rows (prompt/completion, completion-only loss)."""
    try:
        from datasets import Dataset
        from peft import LoraConfig
        from trl import SFTConfig as TRLConfig, SFTTrainer
    except ImportError:
        print("TRL not installed: skipping the peer (pip install -e .[dev])", file=sys.stderr)
        return None
    rows = rows[: args.trl_steps * args.batch_size]
    prompts = [fmt.tokenizer.decode(fmt.encode_prompt(e.note, e.context, args.max_length - 64)[0]) for e in rows]
    dataset = Dataset.from_list([{"prompt": p, "completion": " " + e.summary + fmt.tokenizer.eos_token}
                                 for p, e in zip(prompts, rows)])
    model, path = load_base_model(args.model, torch.device("cpu"))
    with tempfile.TemporaryDirectory() as out:
        config = TRLConfig(
            output_dir=out, per_device_train_batch_size=args.batch_size, max_steps=args.trl_steps, max_length=args.max_length,
            learning_rate=2e-4, logging_steps=1, save_strategy="no", report_to=[], use_cpu=True, bf16=False,
            completion_only_loss=True, dataloader_num_workers=0, seed=args.seed,
        )
        trainer = SFTTrainer(
            model=model, args=config, train_dataset=dataset, processing_class=load_tokenizer(path),
            peft_config=LoraConfig(r=SEED_LORA["lora_r"], lora_alpha=SEED_LORA["lora_alpha"], lora_dropout=0.05,
                                   target_modules=SEED_LORA["lora_target_modules"], task_type="CAUSAL_LM"),
        )
        tokens = sum(len(ids) for ids in trainer.train_dataset["input_ids"])
        start = time.perf_counter()
        trainer.train()
        return tokens / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="default")
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--max-length", type=int, default=256)
    parser.add_argument("--steps", type=int, default=8, help="optimizer steps for clinsum and the bound")
    parser.add_argument("--trl-steps", type=int, default=2, help="steps for TRL (0 skips it)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--output", type=Path, help="also write the results as JSON")
    args = parser.parse_args()
    torch.set_num_threads(torch.get_num_threads())

    n_rows = args.steps * args.batch_size
    rows, source = training_rows(max(n_rows, args.trl_steps * args.batch_size), args.seed)
    tokenizer = load_tokenizer(resolve_base_model(args.model))
    fmt = PromptFormat(tokenizer)

    with tempfile.TemporaryDirectory() as tmp:
        train = write_examples(Path(tmp) / "train.csv", rows[:n_rows])
        val = write_examples(Path(tmp) / "val.csv", rows[:2])
        config = SFTConfig(train_data=str(train), val_data=str(val), model=args.model, output_dir=f"{tmp}/run",
                           num_epochs=1, batch_size=args.batch_size, max_length=args.max_length, seed=args.seed,
                           save_every_steps=0, **SEED_LORA)
        encoded, _ = encode_examples(rows[:n_rows], fmt, args.max_length, True)
        batches = length_grouped_batches([len(e.input_ids) for e in encoded], args.batch_size, seed=args.seed)
        bound = bench_plain(args, fmt, encoded, batches)
        train_sft(config)
        clinsum = json.loads((Path(tmp) / "run" / "training_stats.json").read_text())["totals"]["tokens_per_second"]
    trl = bench_trl(args, rows, fmt) if args.trl_steps else None

    mts_share = None
    if MTS_TRAIN.exists():
        mts, _ = encode_examples(load_examples(MTS_TRAIN), fmt, 512, True)
        lengths = [len(e.input_ids) for e in mts]
        mts_share = padding_share(lengths, length_grouped_batches(lengths, 8, seed=0))
        random_share = padding_share(lengths, [list(range(i, min(i + 8, len(lengths)))) for i in range(0, len(lengths), 8)])

    print(f"\nSFT throughput: {args.model}, {source}, batch {args.batch_size}, max_length {args.max_length}, "
          f"{torch.get_num_threads()} threads")
    print(f"{'':28}{'tokens/s':>10}{'vs bound':>10}{'clinsum vs it':>15}")
    print(f"{'plain PyTorch (bound)':28}{bound:10.1f}{1.0:10.2f}{clinsum / bound:15.2f}")
    print(f"{'clinsum train_sft':28}{clinsum:10.1f}{clinsum / bound:10.2f}{1.0:15.2f}")
    if trl:
        print(f"{'TRL SFTTrainer':28}{trl:10.1f}{trl / bound:10.2f}{clinsum / trl:15.2f}")
    if mts_share is not None:
        print(f"padding share, MTS-Dialog train, batch 8, max_length 512: length-grouped {mts_share:.1%} "
              f"vs in file order {random_share:.1%}")
    if args.output:
        args.output.write_text(json.dumps({"bound": bound, "clinsum": clinsum, "trl": trl, "padding_share_mts": mts_share,
                                           "settings": vars(args) | {"output": str(args.output)}}, indent=2))


if __name__ == "__main__":
    main()
