"""`clinsum negatives`: hard-negative edits, plus the Stage A model's own errors as rejected summaries.

On-policy negatives compose three stages: generate (inference) -> check (evaluation) -> triplets (data).
They are composed here, above the stages, and not in ``data/negatives.py``, so that ``data/`` stays below
every stage that imports it; the command is the composition point, as the pipeline is for whole runs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from clinsum.config import option
from clinsum.data.dataset import Example, load_examples, select_factual
from clinsum.data.negatives import NegativesConfig, NegativesReport, Triplet, make_triplets, write_triplets
from clinsum.evaluation.faithfulness import FaithfulnessChecker
from clinsum.evaluation.metrics import is_degenerate
from clinsum.inference.generate import GenerationOptions, Summarizer

MODEL_OUTPUT = "model_output"


@dataclass
class ModelNegativesConfig(NegativesConfig):
    """Options of ``clinsum negatives``: the edit strategies, and optionally the model's own errors."""

    model_path: str | None = option(None, "also summarize training notes with this model (greedy; the Stage A "
                                          "adapter in the pipeline) and keep each summary the faithfulness "
                                          "checker flags, or that loops, as a rejected summary")
    model_max_examples: int | None = option(None, "summarize at most this many training notes with --model-path "
                                                  "(generation is the slow part on a CPU)")
    model_max_new_tokens: int = option(128, "most tokens per --model-path summary")


def model_triplets(examples: list[Example], config: ModelNegativesConfig, report: NegativesReport) -> list[Triplet]:
    """The model's own unfaithful summaries as rejected ones, the reference as chosen (on-policy negatives).

    Edits teach one-fact contrasts; these show the model the errors it actually makes, loops included.
    A summary is rejected when it loops, or when the checker flags more facts in it than in the reference.
    """
    examples = random.Random(config.seed).sample(examples, len(examples))[: config.model_max_examples]
    summarizer = Summarizer.from_pretrained(config.model_path)
    outputs = summarizer.summarize([ex.note for ex in examples],
                                   GenerationOptions(max_new_tokens=config.model_max_new_tokens, greedy=True),
                                   [ex.context for ex in examples])
    del summarizer
    checker = FaithfulnessChecker()
    checks = checker.check_many([(ex.note, out) for ex, out in zip(examples, outputs)])
    reference_checks = checker.check_many([(ex.note, ex.summary) for ex in examples])
    triplets = []
    for ex, output, check, reference in zip(examples, outputs, checks, reference_checks):
        loops = is_degenerate(output)
        if output.strip() == ex.summary.strip():
            reason = "unchanged"
        elif not loops and check.unsupported_count == 0:
            reason = "supported"
        elif not loops and reference.unsupported_count >= check.unsupported_count:
            reason = "reference_flagged"
        else:
            reason = "kept"
        report.record(MODEL_OUTPUT, reason)
        if reason == "kept":
            unsupported = [f"{f.type}: {f.span}" for f in check.unsupported_facts]
            triplets.append(Triplet(f"{ex.id}:{MODEL_OUTPUT}", ex.note, ex.summary, output, MODEL_OUTPUT,
                                    {"unsupported": unsupported, "degenerate": loops}, MODEL_OUTPUT, ex.context))
    return triplets


def run_negatives(config: ModelNegativesConfig) -> NegativesReport:
    """``clinsum negatives``: read pairs, write triplets as JSONL and CSV plus a per-strategy report."""
    if not config.input:
        raise ValueError("--input is required (a .csv/.jsonl file or saved HF dataset folder of note/summary pairs)")
    examples = load_examples(config.input, config.column_mapping())
    triplets, report = make_triplets(examples, config)
    if config.model_path:
        triplets += model_triplets(select_factual(examples).kept, config, report)
    write_triplets(triplets, report, config.output)
    return report
