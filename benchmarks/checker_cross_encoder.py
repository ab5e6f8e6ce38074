"""Lever for the faithfulness checker: a learned cross-encoder verifier, measured against the human labels.

Issue 9 lists a learned verifier among the levers: a small cross-encoder trained on (dialogue, summary,
supported?) pairs that the project makes itself from MTS-Dialog *training* dialogues, as FactCC and MiniCheck
did. This script builds them, fine-tunes all-MiniLM-L6-v2 (the checker's embedding model, shipped on PyPI)
with a two-way classification head on them, and ranks the 192 human-labelled dev-half summaries by its
P(unsupported), alone and rank-averaged with the checker's ``unfaithful_score`` (no weight fitted on the labels).

Training pairs, per training dialogue (10% of the dialogues held out for the validation loss):
- supported: the reference; the reference with some of its sentences left out (leaving out is faithful);
- unsupported: one verified hard-negative edit of the reference (``clinsum negatives``' eight strategies), the
  reference with one sentence from another dialogue's reference of the same section spliced in (invented
  context), and now and then the other reference whole;
- with ``--unit sentence``: two sentences of the reference supported; the changed sentence of the edit and one
  sentence of another same-section reference unsupported.

Measured (README, "Faithfulness checker"): it ranks the dev half worse than ``unfaithful_score``, alone and
rank-averaged with it, so the checker does not use it.

    python benchmarks/checker_cross_encoder.py                    # whole summaries; ~25 min on 2 CPU cores
    python benchmarks/checker_cross_encoder.py --unit sentence    # each sentence; the summary keeps its worst
    python benchmarks/checker_cross_encoder.py --epochs 1 --limit 60   # a quick smoke run
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import torch
from scipy.stats import rankdata
from tqdm import tqdm

from clinsum.data.dataset import Example, load_examples
from clinsum.preference.config import NegativesConfig
from clinsum.preference.edits import make_triplets
from clinsum.evaluation.faithfulness import FaithfulnessChecker, default_model_path
from clinsum.evaluation.human_labels import LABELS, load_study
from clinsum.evaluation.metrics import grouped_auroc_ci
from clinsum.paths import HUMAN_LABELS_DEV, MTS_TRAIN
from clinsum.text.normalize import split_note


def sentences(text: str) -> list[str]:
    return [s.text for s in split_note(text)]


def training_pairs(examples: list[Example], seed: int, unit: str) -> list[tuple[str, str, int]]:
    """(dialogue, summary or sentence, 1 if unsupported) from MTS-Dialog training examples (their context is
    the section header); see the module docstring."""
    rng = random.Random(seed)
    by_header = defaultdict(list)
    for i, e in enumerate(examples):
        by_header[e.context].append(i)
    triplets, _ = make_triplets(examples, NegativesConfig(per_example=1, seed=seed, include_labelled=False))
    edited = {t.id.rsplit(":", 1)[0]: t.rejected for t in triplets}
    pairs = []
    for i, e in enumerate(examples):
        dialogue, reference = e.note, e.summary
        ref_sentences = sentences(reference)
        others = [j for j in by_header[e.context] if j != i] or [j for j in range(len(examples)) if j != i]
        other = examples[rng.choice(others)].summary
        if unit == "sentence":
            pairs += [(dialogue, s, 0) for s in rng.sample(ref_sentences, min(2, len(ref_sentences)))]
            changed = [s for s in sentences(edited.get(e.id, "")) if s not in ref_sentences]
            pairs += [(dialogue, s, 1) for s in changed[:1]]
            pairs += [(dialogue, rng.choice(sentences(other) or [other]), 1)]
            continue
        pairs.append((dialogue, reference, 0))
        if len(ref_sentences) >= 2:
            kept = sorted(rng.sample(range(len(ref_sentences)), rng.randint(1, len(ref_sentences) - 1)))
            pairs.append((dialogue, " ".join(ref_sentences[k] for k in kept), 0))
        if e.id in edited:
            pairs.append((dialogue, edited[e.id], 1))
        if rng.random() < 0.3:
            pairs.append((dialogue, other, 1))
        else:
            spliced = list(ref_sentences)
            spliced.insert(rng.randint(0, len(spliced)), rng.choice(sentences(other) or [other]))
            pairs.append((dialogue, " ".join(spliced), 1))
    return pairs


def batches(pairs, size: int, rng: random.Random, shuffle: bool):
    """Batches of pairs of similar length (less padding), in random order when training."""
    order = sorted(range(len(pairs)), key=lambda k: len(pairs[k][0]) + len(pairs[k][1]))
    chunks = [order[k:k + size] for k in range(0, len(order), size)]
    if shuffle:
        rng.shuffle(chunks)
    return chunks


class CrossEncoder:
    """all-MiniLM-L6-v2 with a classification head: P(unsupported | dialogue, summary)."""

    def __init__(self, path: str, max_length: int):
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=2)
        self.max_length = max_length

    def encode(self, dialogues, summaries):
        return self.tokenizer(list(dialogues), list(summaries), truncation="longest_first", padding=True,
                              max_length=self.max_length, return_tensors="pt")

    @torch.no_grad()
    def predict(self, pairs, batch_size: int = 32) -> np.ndarray:
        self.model.eval()
        out = np.zeros(len(pairs))
        for chunk in batches(pairs, batch_size, random.Random(0), shuffle=False):
            enc = self.encode([pairs[k][0] for k in chunk], [pairs[k][1] for k in chunk])
            out[chunk] = torch.softmax(self.model(**enc).logits, -1)[:, 1].numpy()
        return out


def train(encoder: CrossEncoder, train_pairs, val_pairs, epochs: int, lr: float, batch_size: int, seed: int):
    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = encoder.model
    steps = epochs * math.ceil(len(train_pairs) / batch_size)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps))
    bar = tqdm(total=steps, desc="cross-encoder")
    for epoch in range(epochs):
        model.train()
        for chunk in batches(train_pairs, batch_size, rng, shuffle=True):
            enc = encoder.encode([train_pairs[k][0] for k in chunk], [train_pairs[k][1] for k in chunk])
            labels = torch.tensor([train_pairs[k][2] for k in chunk])
            loss = torch.nn.functional.cross_entropy(model(**enc).logits, labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            bar.update()
            bar.set_postfix(loss=f"{loss.item():.3f}")
        p = encoder.predict(val_pairs)
        y = np.array([t[2] for t in val_pairs])
        val_loss = -np.mean(y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9))
        acc = np.mean((p >= 0.5) == y)
        tqdm.write(f"epoch {epoch + 1}: validation loss {val_loss:.3f}, accuracy {acc:.3f} ({len(val_pairs)} pairs)")
    bar.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--max-length", type=int, default=384)
    parser.add_argument("--limit", type=int, default=None, help="training dialogues to use (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--unit", choices=("summary", "sentence"), default="summary",
                        help="what the cross-encoder judges against the dialogue: the whole summary, or each "
                             "sentence (the summary scores its least supported sentence)")
    parser.add_argument("--save", type=Path, default=None, help="folder to save the fine-tuned model in")
    args = parser.parse_args()

    examples = load_examples(MTS_TRAIN)
    random.Random(args.seed).shuffle(examples)
    examples = examples[: args.limit] if args.limit else examples
    held = max(1, len(examples) // 10)
    started = time.perf_counter()
    train_pairs, val_pairs = (training_pairs(examples[held:], args.seed, args.unit),
                              training_pairs(examples[:held], args.seed + 1, args.unit))
    print(f"{len(train_pairs)} training pairs ({sum(t[2] for t in train_pairs)} unsupported), {len(val_pairs)} "
          f"validation pairs, built in {time.perf_counter() - started:.0f} s")

    encoder = CrossEncoder(default_model_path(), args.max_length)
    started = time.perf_counter()
    train(encoder, train_pairs, val_pairs, args.epochs, args.lr, args.batch_size, args.seed)
    train_s = time.perf_counter() - started
    if args.save:
        encoder.model.save_pretrained(args.save)
        encoder.tokenizer.save_pretrained(args.save)

    study = load_study(HUMAN_LABELS_DEV)
    pairs = [(r["Dialogue"], r["Automatic Summary"]) for r in study]
    started = time.perf_counter()
    if args.unit == "summary":
        p = encoder.predict(pairs)
    else:
        units = [(k, s) for k, (d, summary) in enumerate(pairs) for s in sentences(summary) or [summary]]
        per_sentence = encoder.predict([(pairs[k][0], s) for k, s in units])
        p = np.zeros(len(pairs))
        np.maximum.at(p, [k for k, _ in units], per_sentence)
    speed = len(pairs) / (time.perf_counter() - started)
    checks = FaithfulnessChecker().check_many(pairs)
    shipped = np.array([c.unfaithful_score for c in checks])
    scores = {"unfaithful_score (shipped)": shipped, "cross-encoder P(unsupported)": p,
              "rank average of the two": rankdata(shipped) + rankdata(p)}
    groups = [r["ID"] for r in study]
    print(f"\n{'score':32}" + "".join(f"{label:>28}" for label in LABELS))
    result = {}
    for name, s in scores.items():
        cells = []
        for label in LABELS:
            ci = grouped_auroc_ci(s, [r[label] for r in study], groups, seed=0)
            cells.append(f"{ci.mean:.3f} [{ci.low:.3f}, {ci.high:.3f}]")
            result[f"{name}: {label}"] = round(ci.mean, 4)
        print(f"{name:32}" + "".join(f"{c:>28}" for c in cells))
    print(f"\ntraining {train_s / 60:.1f} min; cross-encoder {speed:.1f} pairs/s on the dev pairs")
    print(json.dumps({**result, "pairs_per_second": round(speed, 1), "train_minutes": round(train_s / 60, 1)}))


if __name__ == "__main__":
    main()
