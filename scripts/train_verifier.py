"""Train the checker's verifier (src/clinsum/evaluation/verifier.json) on MTS-Dialog *training* dialogues.

Summaries are made from the training set only: each reference section is faithful to its dialogue;
unfaithful variants of it are the reference with one verified hard-negative edit (one random strategy
of ``clinsum.data.negatives``), with one sentence swapped for a sentence of another dialogue's note with
the same section header, and with one sentence swapped for invented context (a setting, a family or
social history, a result nobody said). Swapping rather than adding keeps variants as long as references,
so length alone does not tell them apart. The checker's signals (``clinsum.evaluation.verifier.SIGNALS``)
feed an L2 logistic regression.

``report_words`` (not counted as novel) are the word stems that MTS-Dialog training references use at
least 10 times and that are absent from the dialogue at least 75% of those times. The decision threshold
for "hallucinated" is the score that best separates references from their variants on the same training
pairs (balanced accuracy), so nothing here is fitted on human labels or a test set. About a minute on 2
CPU cores:

    python scripts/train_verifier.py                      # writes src/clinsum/evaluation/verifier.json
    python scripts/train_verifier.py --dialogues 300 --output runs/verifier.json
"""

from __future__ import annotations

import argparse
import itertools
import random
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from tqdm import tqdm

from clinsum.data.dataset import Example, load_examples
from clinsum.data.negatives import STRATEGIES, STRATEGY_FUNCTIONS, NegativesConfig, NoteFacts, check_edit
from clinsum.evaluation.faithfulness import FaithfulnessChecker, content_words
from clinsum.evaluation.metrics import auroc
from clinsum.evaluation.verifier import SIGNALS, WEIGHTS_FILE, Verifier, features, fit_logistic
from clinsum.text.normalize import normalize
from clinsum.io import write_json
from clinsum.text.normalize import split_note

MTS_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "mts-dialog" / "MTS-Dialog-TrainingSet.csv"

# Context a summarizer invents: a setting, a history, a plan or a result that the dialogue may never state.
INVENTED = (
    "Family history is noncontributory.", "No significant family history.", "No previous surgeries.",
    "She lives at home with her husband.", "He lives alone and is independent in his activities of daily living.",
    "The patient is going home to stay with her daughter.", "He works as a construction worker.",
    "She is a retired teacher.", "He is married with two children.", "Denies tobacco, alcohol or illicit drug use.",
    "She smokes half a pack of cigarettes a day.", "He drinks socially on weekends.",
    "No known drug allergies.", "She is allergic to penicillin.", "The patient was seen in the emergency room last week.",
    "Symptoms started after a recent trip abroad.", "He reports good compliance with his medications.",
    "Blood pressure today is 128/76.", "Her mother has a history of breast cancer.",
    "His father died of a heart attack at the age of 60.", "MRI of the lumbar spine was unremarkable.",
    "Chest x-ray was negative.", "Labs were within normal limits.", "She was started on amoxicillin last week.",
    "The patient will follow up in two weeks.", "He was referred to physical therapy.",
    "No questions were asked.", "The patient is accompanied by her son.", "Review of systems is otherwise negative.",
    "She denies fever, chills, and night sweats.", "He had an appendectomy as a child.",
    "She is up to date on her vaccinations.", "He has been gaining weight over the past year.",
    "The pain radiates down the left leg.", "Symptoms are worse in the morning.",
)


def verified_edit(example: Example, rng: random.Random, config: NegativesConfig) -> str | None:
    """The summary with one verified edit of a random strategy (fabrication adds a sentence, so it is left
    to the swapped sentences)."""
    facts = NoteFacts(example.note)
    for strategy in rng.sample([s for s in STRATEGIES if s != "fabrication"], len(STRATEGIES) - 1):
        for edit in itertools.islice(STRATEGY_FUNCTIONS[strategy](example.summary, rng), 4):
            if check_edit(example.summary, edit, facts, config) is None:
                return edit.apply(example.summary)
    return None


def swapped(summary: str, sentence: str, rng: random.Random) -> str:
    """The summary with one random sentence replaced by ``sentence`` (added to a one-sentence summary)."""
    spans = split_note(summary)
    if len(spans) < 2:
        text = summary.rstrip()
        return text + (" " if text[-1:] in ".!?" else ". ") + sentence
    span = rng.choice(spans)
    return summary[: span.start] + sentence + summary[span.end:]


def report_words(examples: list[Example], min_count: int = 10, min_absent: float = 0.75) -> frozenset[str]:
    """Stems that references use often and their dialogues mostly do not: the note-writing style."""
    used, absent = Counter(), Counter()
    for e in examples:
        summary = content_words(normalize(e.summary).text)
        used.update(summary)
        absent.update(summary - content_words(normalize(e.note).text))
    return frozenset(w for w, n in absent.items()
                     if n >= min_count and n / used[w] >= min_absent and not w.isdigit())


def make_pairs(examples: list[Example], pool: list[Example], seed: int) -> list[dict]:
    """Summaries to check, each with the sentence indices that are unsupported (empty for a reference)."""
    by_header = defaultdict(list)
    for e in pool:
        by_header[e.context].append(e)
    config = NegativesConfig()
    pairs = []
    for e in tqdm(examples, desc="negatives", unit="dialogue"):
        rng = random.Random(f"{seed}:{e.id}")
        pairs.append({"note": e.note, "summary": e.summary, "kind": "reference"})
        edit = verified_edit(e, rng, config)
        if edit:
            pairs.append({"note": e.note, "summary": edit, "kind": "edit"})
        others = [o for o in by_header[e.context] if o.note != e.note] or [o for o in pool if o.note != e.note]
        foreign = rng.choice(split_note(rng.choice(others).summary)).text
        pairs.append({"note": e.note, "summary": swapped(e.summary, foreign, rng), "kind": "other_dialogue"})
        pairs.append({"note": e.note, "summary": swapped(e.summary, rng.choice(INVENTED), rng), "kind": "invented"})
    return pairs


def summary_features(pairs: list[dict], checker: FaithfulnessChecker) -> np.ndarray:
    rows = []
    for i in tqdm(range(0, len(pairs), 32), desc="checking", unit="batch"):
        batch = pairs[i: i + 32]
        rows += [features([s.signals for s in c.sentences])
                 for c in checker.check_many([(p["note"], p["summary"]) for p in batch])]
    return np.array(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, default=MTS_TRAIN, help="MTS-Dialog training CSV")
    parser.add_argument("--dialogues", type=int, default=600, help="training dialogues to use (random subset)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty of the logistic regression")
    parser.add_argument("--output", type=Path, default=WEIGHTS_FILE)
    parser.add_argument("--save-features", type=Path, help="also save the feature matrix (.npz) to refit quickly")
    args = parser.parse_args()
    if not args.train.exists():
        raise SystemExit(f"{args.train} not found: the MTS-Dialog training set lives in ../shared/datasets")

    started = time.perf_counter()
    pool = [e for e in load_examples(args.train) if e.summary.strip() and e.note.strip()]
    examples = random.Random(args.seed).sample(pool, min(args.dialogues, len(pool)))
    pairs = make_pairs(examples, pool, args.seed)
    words = report_words(pool)
    # The signals are lexical: the embedding model would not change them.
    x = summary_features(pairs, FaithfulnessChecker(use_embeddings=False, verifier=None, report_words=words))
    y = np.array([p["kind"] != "reference" for p in pairs], dtype=float)
    if args.save_features:
        np.savez(args.save_features, x=x, y=y, kinds=[p["kind"] for p in pairs])
    weights, bias, mean, scale = fit_logistic(x, y, args.l2)
    scores = 1.0 / (1.0 + np.exp(-(((x - mean) / scale) @ weights + bias)))

    # Threshold: best balanced accuracy between references and their variants, on these training pairs.
    candidates = np.unique(np.round(scores, 3))
    balanced = [((scores[y == 1] >= t).mean() + (scores[y == 0] < t).mean()) / 2 for t in candidates]
    threshold = float(candidates[int(np.argmax(balanced))])
    info = {"trained_on": f"{len(examples)} MTS-Dialog training dialogues (seed {args.seed})",
            "summaries_by_kind": dict(Counter(p["kind"] for p in pairs)), "l2": args.l2,
            "train_auroc": round(auroc(scores, y), 4), "train_balanced_accuracy": round(max(balanced), 4),
            "threshold_rule": "best balanced accuracy, references vs their variants (training pairs)",
            "command": "python scripts/train_verifier.py"
                       + (f" --dialogues {args.dialogues}" if args.dialogues != 600 else "")}
    write_json(args.output, Verifier(weights, bias, mean, scale, threshold, words, info).to_dict())
    print(f"{'signal':20}{'weight':>9}")
    for name, w in zip(SIGNALS, weights):
        print(f"{name:20}{w:9.3f}")
    print(f"bias {bias:.3f}; threshold {threshold:.3f} (balanced accuracy {max(balanced):.3f}); "
          f"AUROC (train) {info['train_auroc']:.3f}; {len(words)} report words")
    print(f"{len(pairs)} summaries; {time.perf_counter() - started:.0f} s; wrote {args.output}")


if __name__ == "__main__":
    main()
