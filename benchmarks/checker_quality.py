"""Faithfulness checker quality: recall on injected hallucinations, false alarms on faithful summaries, speed.

(1) Each factual summary (synthetic set, MTS-Dialog validation references) gets one verified edit per
strategy from ``clinsum.preference.edits`` (medication swap, dose change, number change, negation flip,
laterality swap, condition swap, temporal change, fabrication). An edit counts as detected when the
checker raises a new flag in the edited sentence. False positives are the flags on the untouched
summaries. (2) On the MTS-Dialog validation references (written from the dialogue, so mostly
faithful) the flag rate and the most common flagged types, reasons and spans, to judge false alarms.

    python benchmarks/checker_quality.py                        # embeddings on, 200 synthetic + MTS-Dialog
    python benchmarks/checker_quality.py --no-embeddings --output checker_quality.json
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import time
from collections import Counter, defaultdict
from pathlib import Path

from clinsum.data.dataset import Example, load_examples
from clinsum.preference.config import STRATEGIES, NegativesConfig
from clinsum.preference.edits import STRATEGY_FUNCTIONS, NoteFacts, check_edit
from clinsum.data.synthetic import generate_examples
from clinsum.evaluation.faithfulness import FaithfulnessChecker, SummaryCheck, summarize_checks
from clinsum.io import write_json
from clinsum.paths import MTS_VALIDATION
from clinsum.text.normalize import split_note

ATTEMPTS = 4


def inject(examples: list[Example], seed: int) -> list[dict]:
    """One verified edit per (summary, strategy): the edit's claim is checked absent from the note."""
    config = NegativesConfig()
    injected = []
    for ex in examples:
        facts = NoteFacts(ex.note)
        for strategy in STRATEGIES:
            rng = random.Random(f"{seed}:{ex.id}:{strategy}")
            for edit in itertools.islice(STRATEGY_FUNCTIONS[strategy](ex.summary, rng), ATTEMPTS):
                if check_edit(ex.summary, edit, facts, config) is None:
                    rejected = edit.apply(ex.summary)
                    position = edit.start + max(len(edit.replacement) - 1, 0)
                    sentence = next((k for k, s in enumerate(split_note(rejected)) if s.start <= position < s.end + 1),
                                    None)
                    injected.append({"example": ex, "strategy": strategy, "rejected": rejected, "sentence": sentence,
                                     "modification": edit.modification(ex.summary)})
                    break
    return injected


def _flags(check: SummaryCheck) -> set[tuple[str, str, str]]:
    return {(u.type, u.reason, u.span.lower()) for u in check.unsupported_facts}


def injection_recall(checker: FaithfulnessChecker, examples: list[Example], seed: int) -> dict:
    """Recall per strategy and false alarms on the untouched summaries of one source."""
    injected = inject(examples, seed)
    started = time.perf_counter()
    originals = checker.check_many([(e.note, e.summary) for e in examples])
    edited = checker.check_many([(i["example"].note, i["rejected"]) for i in injected])
    seconds = time.perf_counter() - started
    original_flags = {e.id: _flags(c) for e, c in zip(examples, originals)}
    per_strategy: dict[str, list[int]] = defaultdict(list)
    misses: dict[str, list[dict]] = defaultdict(list)
    for item, check in zip(injected, edited):
        before = original_flags[item["example"].id]
        new = [u for u in check.unsupported_facts
               if u.sentence_index == item["sentence"] and (u.type, u.reason, u.span.lower()) not in before]
        per_strategy[item["strategy"]].append(int(bool(new)))
        if not new and len(misses[item["strategy"]]) < 5:
            misses[item["strategy"]].append({"id": item["example"].id, **item["modification"]})
    recall = {s: {"injected": len(v), "detected": sum(v), "recall": sum(v) / len(v)} for s, v in per_strategy.items()}
    return {
        "summaries": len(examples),
        "recall": recall,
        "false_positives_per_summary": sum(c.unsupported_count for c in originals) / len(originals),
        "flagged_share_of_untouched": sum(c.unsupported_count > 0 for c in originals) / len(originals),
        "pairs_per_second": (len(examples) + len(injected)) / seconds,
        "missed_examples": dict(misses),
    }


def reference_flags(checker: FaithfulnessChecker, examples: list[Example], top: int) -> dict:
    """What the checker says about reference summaries, with the most common flags to judge them by."""
    checker.clear_cache()  # time a cold start, as on new data
    started = time.perf_counter()
    checks = checker.check_many([(e.note, e.summary) for e in examples])
    seconds = time.perf_counter() - started
    spans, examples_by_span = Counter(), {}
    for ex, check in zip(examples, checks):
        for u in check.unsupported_facts:
            key = (u.type, u.reason, u.span.lower()[:60])
            spans[key] += 1
            examples_by_span.setdefault(key, {"id": ex.id, "detail": u.detail})
    totals = summarize_checks(checks)
    return {
        **totals,
        "flags_per_summary": totals["unsupported_per_summary"],
        "flagged_share": sum(c.unsupported_count > 0 for c in checks) / len(checks),
        "pairs_per_second": len(examples) / seconds,
        "top_flags": [{"type": t, "reason": r, "span": s, "count": n, **examples_by_span[(t, r, s)]}
                      for (t, r, s), n in spans.most_common(top)],
    }


def _print_recall(source: str, result: dict) -> None:
    print(f"\n{source}: {result['summaries']} factual summaries, one verified edit per strategy")
    print(f"{'strategy':18}{'injected':>10}{'detected':>10}{'recall':>9}")
    for strategy in STRATEGIES:
        r = result["recall"].get(strategy)
        if r:
            print(f"{strategy:18}{r['injected']:10d}{r['detected']:10d}{r['recall']:9.1%}")
    print(f"false positives per untouched summary: {result['false_positives_per_summary']:.3f} "
          f"(summaries with any flag: {result['flagged_share_of_untouched']:.1%}); "
          f"{result['pairs_per_second']:.1f} pairs/s")


def _print_references(result: dict) -> None:
    print(f"\nMTS-Dialog validation references: {result['pairs']} pairs, "
          f"{result['pairs_per_second']:.1f} pairs/s (cold embedding cache)")
    print(f"with >=1 flag: {result['flagged_share']:.1%}   hallucinated (unfaithful_score at or above its "
          f"threshold): {result['hallucination_rate']:.1%}   flags per summary: {result['flags_per_summary']:.2f}   "
          f"mean support ratio: {result['mean_support_ratio']:.3f}")
    print("flags by type: " + json.dumps(result["unsupported_by_type"]))
    print("flags by reason: " + json.dumps(result["unsupported_by_reason"]))
    print("most common flags (count, type, reason, span -> detail):")
    for f in result["top_flags"]:
        print(f"  {f['count']:3d}  {f['type']:10} {f['reason']:21} {f['span']!r} -> {f['detail']} (ID {f['id']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", type=int, default=200, help="synthetic summaries to inject edits into")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--mts", type=Path, default=MTS_VALIDATION, help="MTS-Dialog validation CSV")
    parser.add_argument("--no-embeddings", action="store_true", help="lexical checker only")
    parser.add_argument("--top", type=int, default=20, help="most common flags to list")
    parser.add_argument("--output", type=Path, help="write all figures as JSON")
    args = parser.parse_args()

    started = time.perf_counter()
    checker = FaithfulnessChecker(use_embeddings=not args.no_embeddings)
    checker.check("Patient denies fever.", "No fever.")  # the first call warms up the model
    results = {"embeddings": not args.no_embeddings, "setup_s": round(time.perf_counter() - started, 1)}
    results["synthetic"] = injection_recall(checker, generate_examples(args.synthetic, seed=args.seed), args.seed)
    _print_recall("synthetic", results["synthetic"])
    if args.mts.exists():
        mts = load_examples(args.mts)
        results["mts_injected"] = injection_recall(checker, mts, args.seed)
        _print_recall("MTS-Dialog validation", results["mts_injected"])
        results["mts_references"] = reference_flags(checker, mts, args.top)
        _print_references(results["mts_references"])
    else:
        print(f"\n{args.mts} not found: MTS-Dialog parts skipped")
    if args.output:
        write_json(args.output, results)
        print(f"\nwrote {args.output}")


if __name__ == "__main__":
    main()
