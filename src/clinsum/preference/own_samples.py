"""Pairs from the Stage A model's own summaries: its unfaithful ones as rejected summaries (on-policy).

They compose generation (inference) with the checker (evaluation): the edits of :mod:`.edits` show the
model one-fact contrasts, these the errors it actually makes, loops included.
"""

from __future__ import annotations

import random
from dataclasses import replace

from clinsum.data.dataset import Example
from clinsum.data.triplets import Triplet
from clinsum.evaluation.faithfulness import FaithfulnessChecker, SummaryCheck
from clinsum.evaluation.metrics import is_degenerate, rouge_f1
from clinsum.evaluation.ranking import check_candidates, rank_candidates
from clinsum.inference.generate import GenerationOptions, Summarizer
from clinsum.preference.config import MODEL_OUTPUT, NegativesConfig, NegativesReport
from clinsum.preference.edits import within_length_ratio


def model_triplets(examples: list[Example], config: NegativesConfig, report: NegativesReport) -> list[Triplet]:
    """The model's own unfaithful summaries as rejected ones (on-policy negatives)."""
    examples = random.Random(config.seed).sample(examples, len(examples))[: config.model_max_examples]
    summarizer = Summarizer.from_pretrained(config.model_path, config.device, config.prompt_style, dtype=config.dtype)
    options = GenerationOptions(max_new_tokens=config.model_max_new_tokens, greedy=config.model_samples == 1,
                                temperature=config.model_temperature, seed=config.seed,
                                batch_size=config.model_batch_size)
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
                     config: NegativesConfig, report: NegativesReport) -> list[Triplet]:
    """One (faithful sample, unfaithful sample) pair per note, as FactTune (Tian et al., 2023) ranks samples.

    The reference is not the chosen side: it states chart facts the note does not (the checker calls about
    half of MTS-Dialog's references hallucinated), so preferring it would also teach inventing them. Among the
    samples the checker accepts, the one closest to the reference keeps the summaries informative; the rejected
    one is held to the chosen one's length, so that the pair does not simply teach brevity.
    """
    unique = [list(dict.fromkeys(s.strip() for s in texts if s.strip())) for texts in samples]
    triplets = []
    for ex, texts, checks in zip(examples, unique, check_candidates(checker, [ex.note for ex in examples], unique)):
        loops = [is_degenerate(text) for text in texts]
        faithful = [text for text, check, loop in zip(texts, checks, loops) if not (loop or check.hallucinated)]
        if len(faithful) == len(texts):
            report.record(MODEL_OUTPUT, "supported")
            continue
        if not faithful:
            report.record(MODEL_OUTPUT, "no_faithful_sample")
            continue
        closeness = rouge_f1(faithful, [ex.summary] * len(faithful))["rougeL"]
        chosen = faithful[max(range(len(faithful)), key=closeness.__getitem__)]
        comparable = [k for k, (text, check, loop) in enumerate(zip(texts, checks, loops))
                      if (loop or check.hallucinated) and within_length_ratio(chosen, text, config.max_length_ratio)]
        if not comparable:
            report.record(MODEL_OUTPUT, "length_mismatch")
            continue
        worst = comparable[rank_candidates([checks[k] for k in comparable], degenerate=[loops[k] for k in comparable],
                                           least_faithful_first=True)[0]]
        report.record(MODEL_OUTPUT, "kept")
        triplets.append(Triplet(f"{ex.id}:{MODEL_OUTPUT}", ex.note, chosen, texts[worst], MODEL_OUTPUT,
                                _modification(checks[worst], loops[worst]), MODEL_OUTPUT, ex.context))
    return triplets


def _modification(check: SummaryCheck, loops: bool) -> dict:
    """Why the rejected summary was rejected: the checker's unsupported facts, its score, and whether it loops."""
    return {"unsupported": [f"{f.type}: {f.span}" for f in check.unsupported_facts],
            "unfaithful_score": check.unfaithful_score, "degenerate": loops}
