"""Faithfulness checker against people: AUROC on the MTS-Dialog correlation study's human labels (dev half).

Each automatic summary of the dev file is checked against its dialogue with the default settings that
``clinsum eval`` uses, and ranked by the checker's ``unfaithful_score`` (the learned verifier, trained on
MTS-Dialog training dialogues only; see ``scripts/train_verifier.py``). Two labels from the human
judgements: *hallucinated* (``HallucinationRate > 0``) and *unfaithful* (``FactualPrecision < 1``).
Printed for both: AUROC with a 95% bootstrap interval (resampling whole dialogues, since the four
summaries of one dialogue are not independent) and recall/precision of a yes/no decision, for
- ``unfaithful_score`` (decision: ``hallucinated``, the score at or above the verifier's threshold),
- ``unsupported_count`` (the typed flags alone; decision: "flagged", at least one unsupported fact),
- each verifier signal alone, summed (counts) or at its weakest sentence (shares) over the summary,
- a bag-of-words baseline (1 - ROUGE-1 precision of the summary against the dialogue; it "flags" as many
  summaries as the typed flags do),
then the checker's pairs/s, and last a one-line JSON with ``auroc_hallucinated`` and ``auroc_unfaithful``.

    python benchmarks/checker_human_agreement.py
    python benchmarks/checker_human_agreement.py --show 10     # also print misses and false alarms
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from clinsum.evaluation.faithfulness import FaithfulnessChecker, SummaryCheck
from clinsum.evaluation.human_labels import LABELS, load_study
from clinsum.evaluation.metrics import grouped_auroc_ci
from clinsum.evaluation.verifier import COUNT_SIGNALS, SIGNALS
from clinsum.paths import HUMAN_LABELS_DEV, missing



def rouge1_precision(summaries: list[str], dialogues: list[str]) -> np.ndarray:
    """Share of the summary's words (stemmed) found in the dialogue."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    return np.array([scorer.score(d, s)["rouge1"].precision for s, d in zip(summaries, dialogues)])


def agreement(scores: np.ndarray, flagged: np.ndarray, labels: np.ndarray, groups: list[str], seed: int) -> dict:
    ci = grouped_auroc_ci(scores, labels, groups, seed=seed)
    hits = int((flagged & labels).sum())
    return {"auroc": ci.mean, "low": ci.low, "high": ci.high, "positives": int(labels.sum()),
            "flagged": int(flagged.sum()), "flagged_positive": hits,
            "recall": hits / max(int(labels.sum()), 1), "precision": hits / max(int(flagged.sum()), 1)}


def signal_scores(checks: list[SummaryCheck]) -> dict[str, np.ndarray]:
    """Each verifier signal as a summary score, higher = less supported: counts summed over the
    sentences, shares at the weakest sentence."""
    out = {}
    for name in SIGNALS:
        if name in COUNT_SIGNALS:
            out[name] = np.array([sum(s.signals[name] for s in c.sentences) for c in checks], dtype=float)
        else:
            out[name] = np.array([-min((s.signals[name] for s in c.sentences), default=1.0) for c in checks])
    return out


def _print_table(results: dict[str, dict[str, dict]]) -> None:
    print(f"\n{'score':28}{'label':14}{'pos':>5}{'AUROC':>7}{'95% CI':>15}{'flagged: recall':>18}{'precision':>12}")
    for name, by_label in results.items():
        for label, r in by_label.items():
            print(f"{name:28}{label:14}{r['positives']:5d}{r['auroc']:7.3f}   [{r['low']:.3f}, {r['high']:.3f}]"
                  f"{r['flagged_positive']:>10d}/{r['positives']:<7d}{r['flagged_positive']:>6d}/{r['flagged']:<5d}")


def _print_cases(rows: list[dict], checks: list[SummaryCheck], show: int) -> None:
    """Misses (people found a problem, no flag) and false alarms (a flag on a summary people judged correct)."""
    misses = [(r, c) for r, c in zip(rows, checks) if r["unfaithful"] and c.unsupported_count == 0]
    alarms = [(r, c) for r, c in zip(rows, checks) if not r["unfaithful"] and c.unsupported_count > 0]
    for title, cases in (("MISSES (unfaithful to people, no flag)", misses),
                         ("FALSE ALARMS (correct to people, flagged)", alarms)):
        print(f"\n=== {title}: {len(cases)} ===")
        for r, c in cases[:show]:
            print(f"\n--- row {r['row']} (dialogue {r['ID']}; precision {float(r['FactualPrecision']):.2f}, "
                  f"hallucination {float(r['HallucinationRate']):.2f})")
            print("summary:", r["Automatic Summary"].strip())
            for u in c.unsupported_facts:
                print(f"  FLAG {u.type}: {u.span!r} ({u.reason}: {u.detail})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, default=HUMAN_LABELS_DEV, help="human-label CSV (dev half)")
    parser.add_argument("--no-embeddings", action="store_true", help="lexical checker only")
    parser.add_argument("--bootstrap-seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, help="print this many misses and false alarms")
    args = parser.parse_args()
    if not args.labels.exists():
        raise SystemExit(missing(args.labels))

    rows = load_study(args.labels)
    groups = [r["ID"] for r in rows]
    pairs = [(r["Dialogue"], r["Automatic Summary"]) for r in rows]
    checker = FaithfulnessChecker(use_embeddings=not args.no_embeddings)
    checker.check("Patient denies fever.", "No fever.")  # the first call loads the model
    started = time.perf_counter()
    checks = checker.check_many(pairs)
    pairs_per_second = len(pairs) / (time.perf_counter() - started)

    counts = np.array([c.unsupported_count for c in checks], dtype=float)
    flagged = counts > 0
    baseline = 1.0 - rouge1_precision([s for _, s in pairs], [d for d, _ in pairs])
    baseline_flagged = np.zeros(len(rows), dtype=bool)
    baseline_flagged[np.argsort(-baseline, kind="stable")[: int(flagged.sum())]] = True
    scored = {"unfaithful_score": (np.array([c.unfaithful_score for c in checks]),
                                   np.array([c.hallucinated for c in checks])),
              "unsupported_count": (counts, flagged)}
    scored |= {f"  signal: {name}": (values, flagged) for name, values in signal_scores(checks).items()}
    scored["1 - ROUGE-1 precision"] = (baseline, baseline_flagged)

    results: dict[str, dict[str, dict]] = {name: {} for name in scored}
    for label in LABELS:
        y = np.array([r[label] for r in rows])
        for name, (values, decision) in scored.items():
            results[name][label] = agreement(values, decision, y, groups, args.bootstrap_seed)
    print(f"{len(rows)} summaries of {len(set(groups))} dialogues; labels: "
          + "; ".join(f"{k} = {v}" for k, v in LABELS.items()))
    _print_table(results)
    print("(signal rows: recall/precision are those of the typed flags; "
          f"unfaithful_score decides at the threshold {checker.verifier.threshold:.3f})")
    print(f"\nchecker: {pairs_per_second:.1f} pairs/s (embeddings {'off' if args.no_embeddings else 'on'}, "
          f"cold cache); AUROC intervals: 1000 bootstrap resamples of dialogues")
    if args.show:
        _print_cases(rows, checks, args.show)
    main_scores = results["unfaithful_score"]
    print(json.dumps({"auroc_hallucinated": round(main_scores["hallucinated"]["auroc"], 4),
                      "auroc_unfaithful": round(main_scores["unfaithful"]["auroc"], 4),
                      "pairs_per_second": round(pairs_per_second, 1)}))


if __name__ == "__main__":
    main()
