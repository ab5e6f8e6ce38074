"""Faithfulness checker throughput, side by side in one run: fp32 vs int8 embeddings vs lexical only.

Pairs/s on MTS-Dialog validation (reference sections against their dialogues; skipped when ../shared is
absent) and on synthetic notes, each from a cold embedding cache, plus how often the int8 model gives the
same unsupported facts and the same evidence as fp32.

    python benchmarks/bench_checker_speed.py
"""

from __future__ import annotations

import time

from clinsum.data.dataset import load_examples
from clinsum.data.synthetic import generate_examples
from clinsum.evaluation.faithfulness import FaithfulnessChecker, _int8_linear_layers
from clinsum.paths import MTS_VALIDATION



def timed(checker: FaithfulnessChecker, pairs: list[tuple[str, str]]):
    checker.check_many(pairs[:2])  # warm-up
    checker.clear_cache()
    start = time.perf_counter()
    checks = checker.check_many(pairs)
    return len(pairs) / (time.perf_counter() - start), checks


def evidence(check) -> list:
    return [s["evidence"] for s in check.to_dict()["sentences"]]


def main() -> None:
    sets = {"synthetic (200)": [(e.note, e.summary) for e in generate_examples(200, seed=5)]}
    if MTS_VALIDATION.exists():
        sets["MTS-Dialog validation (100)"] = [(e.note, e.summary) for e in load_examples(MTS_VALIDATION)]
    checker = FaithfulnessChecker(use_embeddings=True, quantize_on_cpu=False)
    fp32, int8 = checker.model, _int8_linear_layers(checker.model)
    lexical = FaithfulnessChecker(use_embeddings=False)

    print(f"\n{'pairs':30}{'fp32':>10}{'int8':>10}{'lexical':>10}{'int8/fp32':>11}{'same facts':>12}{'same evidence':>15}")
    for name, pairs in sets.items():
        checker.model = fp32
        fp32_rate, fp32_checks = timed(checker, pairs)
        checker.model = int8
        int8_rate, int8_checks = timed(checker, pairs)
        lexical_rate, _ = timed(lexical, pairs)
        same_facts = sum(a.to_dict()["unsupported_facts"] == b.to_dict()["unsupported_facts"] for a, b in zip(fp32_checks, int8_checks))
        same_evidence = sum(evidence(a) == evidence(b) for a, b in zip(fp32_checks, int8_checks))
        print(f"{name:30}{fp32_rate:10.1f}{int8_rate:10.1f}{lexical_rate:10.1f}{int8_rate / fp32_rate:11.2f}"
              f"{same_facts / len(pairs):12.0%}{same_evidence / len(pairs):15.0%}")
    print("(pairs/s from a cold embedding cache)")


if __name__ == "__main__":
    main()
