"""`clinsum negatives`: hard-negative edits, plus the Stage A model's own errors as rejected summaries.

On-policy negatives compose three stages: generate (inference) -> check (evaluation) -> triplets (data).
They are composed here, above the stages, and not in ``data/negatives.py``, so that ``data/`` stays below
every stage that imports it; the command is the composition point, as the pipeline is for whole runs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from clinsum.config import option
from clinsum.data.dataset import Example, load_examples, select_factual
from clinsum.data.negatives import (
    NegativesConfig, NegativesReport, Triplet, make_triplets, within_length_ratio, write_triplets,
)
from clinsum.evaluation.faithfulness import FaithfulnessChecker, SummaryCheck, unfaithfulness
from clinsum.evaluation.metrics import is_degenerate, rouge_f1
from clinsum.inference.generate import GenerationOptions, Summarizer

MODEL_OUTPUT = "model_output"


@dataclass
class ModelNegativesConfig(NegativesConfig):
    """Options of ``clinsum negatives``: the edit strategies, and optionally the model's own errors."""

    model_path: str | None = option(None, "also summarize training notes with this model (the Stage A adapter in "
                                          "the pipeline) and turn its own unfaithful summaries into rejected ones")
    model_max_examples: int | None = option(None, "summarize at most this many training notes with --model-path "
                                                  "(generation is the slow part on a CPU)")
    model_max_new_tokens: int = option(128, "most tokens per --model-path summary")
    model_samples: int = option(1, "summaries per note from --model-path. 1: greedy, rejected when the checker flags "
                                   "more facts in it than in the reference (or it loops), the reference chosen. "
                                   "k > 1: k samples, and both sides are the model's own: chosen the sample the "
                                   "checker does not call hallucinated that is closest to the reference (ROUGE-L), "
                                   "rejected the least faithful hallucinated one within --max-length-ratio of it")
    model_temperature: float = option(0.7, "sampling temperature when --model-samples is above 1")

    def __post_init__(self):
        super().__post_init__()
        if self.model_samples < 1:
            raise ValueError(f"--model-samples must be at least 1 (1: greedy), not {self.model_samples}")
        if self.model_temperature <= 0:
            raise ValueError(f"--model-temperature must be positive, not {self.model_temperature}")


def model_triplets(examples: list[Example], config: ModelNegativesConfig, report: NegativesReport) -> list[Triplet]:
    """The model's own unfaithful summaries as rejected ones (on-policy negatives).

    Edits teach one-fact contrasts; these show the model the errors it actually makes, loops included.
    """
    examples = random.Random(config.seed).sample(examples, len(examples))[: config.model_max_examples]
    summarizer = Summarizer.from_pretrained(config.model_path)
    options = GenerationOptions(max_new_tokens=config.model_max_new_tokens, greedy=config.model_samples == 1,
                                temperature=config.model_temperature, seed=config.seed)
    notes, contexts = [ex.note for ex in examples], [ex.context for ex in examples]
    samples = [summarizer.summarize(notes, replace(options, seed=config.seed + k), contexts)
               for k in range(config.model_samples)]
    del summarizer
    checker = FaithfulnessChecker()
    if config.model_samples == 1:
        return _against_reference(examples, samples[0], checker, report)
    return between_samples(examples, list(zip(*samples)), checker, config, report)


def _against_reference(examples: list[Example], outputs: list[str], checker: FaithfulnessChecker,
                       report: NegativesReport) -> list[Triplet]:
    """Greedy summaries that loop, or in which the checker flags more facts than in the reference, against it."""
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
            triplets.append(Triplet(f"{ex.id}:{MODEL_OUTPUT}", ex.note, ex.summary, output, MODEL_OUTPUT,
                                    _modification(check, loops), MODEL_OUTPUT, ex.context))
    return triplets


def between_samples(examples: list[Example], samples: list[tuple[str, ...]], checker: FaithfulnessChecker,
                     config: ModelNegativesConfig, report: NegativesReport) -> list[Triplet]:
    """One (faithful sample, unfaithful sample) pair per note, as FactTune (Tian et al., 2023) ranks samples.

    The reference is not the chosen side: it states chart facts the note does not (the checker calls about
    half of MTS-Dialog's references hallucinated), so preferring it would also teach inventing them. Among the
    samples the checker accepts, the one closest to the reference keeps the summaries informative; the rejected
    one is held to the chosen one's length, so that the pair does not simply teach brevity.
    """
    unique = [list(dict.fromkeys(s.strip() for s in texts if s.strip())) for texts in samples]
    checks = iter(checker.check_many([(ex.note, s) for ex, texts in zip(examples, unique) for s in texts]))
    triplets = []
    for ex, texts in zip(examples, unique):
        scored = [(text, next(checks), is_degenerate(text)) for text in texts]
        faithful = [text for text, check, loops in scored if not (loops or check.hallucinated)]
        unfaithful = [(text, check, loops) for text, check, loops in scored if loops or check.hallucinated]
        if not unfaithful:
            report.record(MODEL_OUTPUT, "supported")
            continue
        if not faithful:
            report.record(MODEL_OUTPUT, "no_faithful_sample")
            continue
        closeness = rouge_f1(faithful, [ex.summary] * len(faithful))["rougeL"]
        chosen = faithful[max(range(len(faithful)), key=closeness.__getitem__)]
        comparable = [u for u in unfaithful if within_length_ratio(chosen, u[0], config.max_length_ratio)]
        if not comparable:
            report.record(MODEL_OUTPUT, "length_mismatch")
            continue
        rejected, check, loops = max(comparable, key=lambda u: (u[2], unfaithfulness(u[1])))
        report.record(MODEL_OUTPUT, "kept")
        triplets.append(Triplet(f"{ex.id}:{MODEL_OUTPUT}", ex.note, chosen, rejected, MODEL_OUTPUT,
                                _modification(check, loops), MODEL_OUTPUT, ex.context))
    return triplets


def _modification(check: SummaryCheck, loops: bool) -> dict:
    """Why the rejected summary was rejected: the checker's unsupported facts, its score, and whether it loops."""
    return {"unsupported": [f"{f.type}: {f.span}" for f in check.unsupported_facts],
            "unfaithful_score": check.unfaithful_score, "degenerate": loops}


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
