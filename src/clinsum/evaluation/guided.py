"""Checker-guided decoding: several candidate summaries per note, the faithfulness checker picks one.

The generator proposes ``candidates`` beam-search summaries (inference); the checker scores each with
the score ``eval`` uses to call a summary hallucinated (``unfaithful_score``; the count of unsupported
facts for a checker without a verifier); the least unfaithful is kept, and among equals the one the model
finds likeliest. It lives in ``evaluation/`` because it composes generation with the checker,
as ``eval`` does; ``generate`` and ``eval`` use it when ``--candidates`` is above 1.

The pick minimises what the checker flags, so the checker's hallucination rate of guided summaries
measures what the checker can still see, not an independent judgement; ROUGE is independent of it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from clinsum.evaluation.faithfulness import FaithfulnessChecker, unfaithfulness
from clinsum.evaluation.ranking import check_candidates, rank_candidates
from clinsum.inference.generate import GenerateConfig, GenerationOptions, Summarizer, interactive, read_notes
from clinsum.io import write_records


@dataclass(frozen=True)
class Choice:
    """The kept summary of one note and how it was chosen."""

    summary: str
    rank: int  # the kept candidate's place by likelihood (0: the likeliest beam)
    unfaithful: tuple[float, ...]  # each candidate's `unfaithfulness`, likeliest first
    candidates: tuple[str, ...]  # every candidate, likeliest first


class GuidedSummarizer:
    """A :class:`Summarizer` whose summaries are chosen among candidates by the faithfulness checker."""

    def __init__(self, summarizer: Summarizer, checker):
        self.summarizer, self.checker = summarizer, checker

    @property
    def device(self):
        return self.summarizer.device

    def choose(self, notes: list[str], options: GenerationOptions, contexts: list[str | None] | None = None,
               progress: bool = True) -> list[Choice]:
        candidates = self.summarizer.candidates(notes, options, contexts, progress)
        checks = check_candidates(self.checker, notes, [[c.text for c in cands] for cands in candidates])
        choices = []
        for cands, cand_checks in zip(candidates, checks):
            rank = rank_candidates(cand_checks, [c.logprob for c in cands])[0]
            choices.append(Choice(cands[rank].text, rank, tuple(map(unfaithfulness, cand_checks)),
                                  tuple(c.text for c in cands)))
        return choices

    def summarize(self, notes: list[str], options: GenerationOptions, contexts: list[str | None] | None = None,
                  progress: bool = True) -> list[str]:
        """Same call as :meth:`Summarizer.summarize`, so ``generate`` and ``eval`` take either."""
        return [choice.summary for choice in self.choose(notes, options, contexts, progress)]


def load_summarizer(model_path: str, options: GenerationOptions, device: str = "auto", prompt_style: str = "auto",
                    trust_remote_code: bool = False, checker=None, dtype: str = "auto") -> Summarizer | GuidedSummarizer:
    """The model as a plain summarizer, or a checker-guided one when ``options.candidates`` is above 1."""
    summarizer = Summarizer.from_pretrained(model_path, device, prompt_style, trust_remote_code, dtype)
    if options.candidates == 1:
        return summarizer
    return GuidedSummarizer(summarizer, checker or FaithfulnessChecker())


def run_generate(config: GenerateConfig, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> list[str] | None:
    """``clinsum generate``: one note, a file of notes, or an interactive prompt."""
    if config.clinical_note is not None and config.input_file:
        raise ValueError("give either --clinical-note or --input-file, not both")
    if config.clinical_note is not None and not config.clinical_note.strip():
        raise ValueError("--clinical-note is empty")
    summarizer = load_summarizer(config.model_path, config, config.device, config.prompt_style,
                                 config.trust_remote_code, dtype=config.dtype)
    if config.clinical_note is not None:
        summary = summarizer.summarize([config.clinical_note], config, progress=False)[0]
        print(summary, file=stdout)
        return [summary]
    if config.input_file:
        ids, notes, contexts = read_notes(config.input_file, config.note_column)
        summaries = summarizer.summarize(notes, config, contexts)
        output = Path(config.output_file or Path(config.input_file).with_suffix(".summaries.csv"))
        write_records(output, [{"id": i, "note": n, "summary": s} for i, n, s in zip(ids, notes, summaries)])
        print(f"{len(summaries)} summaries written to {output}", file=stdout)
        return summaries
    interactive(summarizer, config, stdin, stdout)
    return None
