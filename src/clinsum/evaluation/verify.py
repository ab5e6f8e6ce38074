"""Verified summaries: no sentence reaches a reader unless the faithfulness checker finds it in the note.

Three steps per note, batched across notes:

1. **Candidates.** The model writes ``candidates`` summaries (beam search or sampling); the checker scores
   each with ``unfaithfulness`` (the score by which ``eval`` calls a summary hallucinated) and the least
   unfaithful is kept, the likelier one on a tie (:func:`clinsum.evaluation.ranking.rank_candidates`). The likeliest candidate alone is
   the same-compute control that ``eval`` reports next to it.
2. **Sentence by sentence.** A sentence of the pick fails when it carries an unsupported fact (a typed fact the
   note contradicts or lacks, or a sentence nothing in the note resembles), or when its unsupported units
   (novel content words, facts accepted without evidence) would bring the summary kept so far to the
   checker's threshold: the kept summary never counts as hallucinated by the checker that picked it.
3. **Repair or drop.** A failing sentence is rewritten: the model continues the summary kept so far (the
   prefix of its answer), ``repair_tries`` samples cut at the end of their first sentence, and the first one
   that passes the same test in context replaces it; if none does, the sentence is dropped.

Every note's result records each sentence as kept, repaired or dropped, with why and the original text, so
that nothing is removed silently. The checker that picks and repairs is the one ``eval`` counts with, so its
own rate falls by construction; ROUGE, novel words and the control are the independent signals.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from clinsum.config import option
from clinsum.evaluation.faithfulness import FaithfulnessChecker, SentenceCheck, unfaithfulness
from clinsum.evaluation.ranking import check_candidates, rank_candidates
from clinsum.inference.generate import (
    CANDIDATE_MODES, Candidate, GenerationOptions, InferenceModelOptions, Summarizer, interactive, read_notes,
)
from clinsum.io import write_records
from clinsum.text.normalize import split_note

KEPT, REPAIRED, DROPPED = "kept", "repaired", "dropped"
REPAIR_MAX_NEW_TOKENS = 96  # one sentence; generation stops earlier at the sentence's end


@dataclass
class VerifyBudget:
    """How much a verified summary may cost: candidates per note and rewrites per failing sentence."""

    candidates: int = option(1, "verified output: candidate summaries per note; the faithfulness checker keeps the "
                                "least unfaithful (ties: the likelier). 1 (chosen on MTS-Dialog validation): the "
                                "plain summary, its unsupported sentences repaired or dropped")
    candidate_mode: str = option("beams", "beams: the likeliest candidates by beam search (deterministic); samples: "
                                          "sampled at --temperature/--top-p/--top-k", choices=CANDIDATE_MODES)
    repair_tries: int = option(3, "verified output: sampled rewrites tried for each unsupported sentence before it is "
                                  "dropped (0: drop at once)")

    def __post_init__(self):
        if self.candidates < 1:
            raise ValueError(f"--candidates must be at least 1, not {self.candidates}")
        if self.repair_tries < 0:
            raise ValueError(f"--repair-tries must be 0 or more, not {self.repair_tries}")
        if self.candidate_mode not in CANDIDATE_MODES:
            raise ValueError(f"--candidate-mode must be one of {', '.join(CANDIDATE_MODES)}, not {self.candidate_mode!r}")


@dataclass
class VerifyOptions(VerifyBudget):
    """The budget plus the switch: on where a person reads the summary (generate, serve)."""

    verify: bool = option(True, "verified output: every sentence checked against the note, unsupported ones "
                                "rewritten or dropped, each recorded (--no-verify: plain decoding)")


@dataclass
class GenerateConfig(VerifyOptions, InferenceModelOptions, GenerationOptions):
    """Every option of `clinsum generate`."""

    model_path: str = option("default", "adapter folder from `clinsum sft`/`clinsum dpo`, or a base model spec")
    clinical_note: str | None = option(None, "summarize this one note")
    input_file: str | None = option(None, "notes to summarize: .txt (blank-line separated), .csv or .jsonl")
    output_file: str | None = option(None, "where batch summaries go, .csv or .jsonl (default: <input>.summaries.csv)")
    note_column: str | None = option(None, "note column of a .csv/.jsonl input (default: clinical_note, note, dialogue or text)")


@dataclass(frozen=True)
class SentenceRecord:
    """What happened to one sentence of the checker's pick."""

    status: str  # kept | repaired | dropped
    text: str  # as shown ("" when dropped)
    original: str  # the pick's sentence
    reason: str = ""  # why it was repaired or dropped
    unsupported_facts: tuple[dict, ...] = ()  # the original's, as the checker reported them
    tries: int = 0  # rewrites generated for it

    def to_dict(self) -> dict:
        record = {"status": self.status, "text": self.text}
        if self.status != KEPT:
            record |= {"original": self.original, "reason": self.reason,
                       "unsupported_facts": list(self.unsupported_facts), "tries": self.tries}
        return record


@dataclass
class Verified:
    """One note's verified summary, how each sentence fared, and the candidates it came from."""

    summary: str
    sentences: list[SentenceRecord]
    likeliest: str  # the likeliest candidate: the same-compute control without the checker
    pick: str  # the checker's pick before any sentence was repaired or dropped
    pick_rank: int  # its place by likelihood (0: the likeliest)
    unfaithful: tuple[float, ...]  # each candidate's unfaithfulness, likeliest first

    def count(self, status: str) -> int:
        return sum(s.status == status for s in self.sentences)

    @property
    def all_dropped(self) -> bool:
        return bool(self.sentences) and self.count(DROPPED) == len(self.sentences)

    @property
    def status(self) -> str:
        """One line for a reader: what verification did to this summary."""
        if not self.sentences:
            return "the model wrote no sentence"
        if self.all_dropped:
            return f"all {len(self.sentences)} sentences dropped: the note supports none of them"
        return ", ".join(f"{self.count(s)} {s}" for s in (KEPT, REPAIRED, DROPPED))

    def to_dict(self) -> dict:
        return {"status": self.status, "kept": self.count(KEPT), "repaired": self.count(REPAIRED),
                "dropped": self.count(DROPPED), "all_dropped": self.all_dropped, "pick_rank": self.pick_rank,
                "candidates_unfaithfulness": [round(u, 4) for u in self.unfaithful],
                "sentences": [s.to_dict() for s in self.sentences]}


def _facts(sentence: SentenceCheck) -> tuple[dict, ...]:
    return tuple(u.to_dict() for u in sentence.unsupported)


@dataclass
class _Draft:
    """One note's summary being verified: the pick's sentences still to decide and what was decided."""

    note: str
    context: str | None
    pending: list[SentenceCheck]
    threshold: float | None
    kept: list[str] = field(default_factory=list)
    spent: float = 0.0  # unsupported units of the sentences kept so far
    records: list[SentenceRecord] = field(default_factory=list)
    failing: SentenceCheck | None = None
    failure: str = ""

    def why_not(self, sentence: SentenceCheck, spent: float) -> str | None:
        """Why ``sentence`` may not follow sentences with ``spent`` unsupported units, or None if it may."""
        if sentence.unsupported:
            return "; ".join(f"{u.type} '{u.span}': {u.reason.replace('_', ' ')}"
                             + (f" ({u.detail})" if u.detail else "") for u in sentence.unsupported)
        units = sentence.unfaithful_score or 0.0
        if self.threshold is not None and units > 0 and spent + units >= self.threshold:
            signals = sentence.signals
            return (f"{units:g} unsupported units ({signals.get('novel_words', 0):g} content words not in the note, "
                    f"{signals.get('unverified', 0):g} facts without evidence): with the {spent:g} already kept, "
                    f"the summary would reach the checker's threshold of {self.threshold:g}")
        return None

    def advance(self) -> None:
        """Keep sentences while they pass; stop at the first that fails (``failing``) or at the end."""
        self.failing = None
        while self.pending:
            sentence = self.pending.pop(0)
            reason = self.why_not(sentence, self.spent)
            if reason is not None:
                self.failing, self.failure = sentence, reason
                return
            self.kept.append(sentence.text)
            self.spent += sentence.unfaithful_score or 0.0
            self.records.append(SentenceRecord(KEPT, sentence.text, sentence.text))

    @property
    def prefix(self) -> str:
        return " ".join(self.kept)

    def accepts(self, text: str, in_context: list[SentenceCheck]) -> bool:
        """Whether the rewrite ``text`` (checked after the prefix: ``in_context``) may replace the failing sentence:
        it passes, and it is new (not the failing sentence, nor one kept before or still to come)."""
        seen = {t.lower() for t in self.kept} | {s.text.lower() for s in self.pending} | {self.failing.text.lower()}
        if not in_context or text.lower() in seen:
            return False
        spent = self.spent
        for sentence in in_context:
            if self.why_not(sentence, spent) is not None:
                return False
            spent += sentence.unfaithful_score or 0.0
        return True

    def resolve(self, rewrite: str | None, in_context: list[SentenceCheck], tries: int) -> None:
        """Replace the failing sentence with ``rewrite`` (already accepted) or drop it; then move on."""
        failing = self.failing
        if rewrite is None:
            self.records.append(SentenceRecord(DROPPED, "", failing.text, self.failure, _facts(failing), tries))
        else:
            self.kept.append(rewrite)
            self.spent += sum(s.unfaithful_score or 0.0 for s in in_context)
            self.records.append(SentenceRecord(REPAIRED, rewrite, failing.text, self.failure, _facts(failing), tries))
        self.advance()


def first_sentence(continuation: str) -> str:
    """The first sentence of a continuation (the text up to its first sentence end)."""
    sentences = split_note(continuation.strip())
    return sentences[0].text if sentences else ""


@dataclass(frozen=True)
class Write:
    """Verification needs ``k`` candidate summaries of a note (answer: a list of :class:`Candidate`)."""

    note: str
    context: str | None
    k: int
    mode: str


@dataclass(frozen=True)
class Continue:
    """Verification needs ``samples`` sampled continuations of a note's summary from ``prefix``, each cut after
    its first sentence (answer: their texts)."""

    note: str
    context: str | None
    prefix: str
    samples: int


@dataclass(frozen=True)
class Check:
    """Verification needs the checker's verdict on these summaries of a note (answer: a list of ``SummaryCheck``,
    as :func:`clinsum.evaluation.ranking.check_candidates` gives); ``phase`` names the step it serves in
    :attr:`Verifier.timings`."""

    note: str
    summaries: tuple[str, ...]
    phase: str


def rewrite_options(options: GenerationOptions) -> GenerationOptions:
    """How a failing sentence's rewrites are decoded: sampled, one sentence long at most."""
    return replace(options, greedy=False, max_new_tokens=min(options.max_new_tokens, REPAIR_MAX_NEW_TOKENS))


def verify_steps(note: str, context: str | None, budget: VerifyBudget):
    """One note's verification as a generator: it yields what it needs (:class:`Write`, :class:`Continue`,
    :class:`Check`), is sent the answer, and returns the :class:`Verified` summary. A scheduler drives many at
    once: :meth:`Verifier.verify` in rounds, ``clinsum serve`` at every decoding step."""
    cands = yield Write(note, context, budget.candidates, budget.candidate_mode)
    cand_checks = yield Check(note, tuple(c.text for c in cands), "pick")
    unfaithful = tuple(unfaithfulness(c) for c in cand_checks)
    rank = rank_candidates(cand_checks, [c.logprob for c in cands])[0]
    draft = _Draft(note, context, list(cand_checks[rank].sentences), cand_checks[rank].threshold)
    draft.advance()
    while draft.failing is not None:  # rewrite or drop each failing sentence, in order
        if not budget.repair_tries:
            draft.resolve(None, [], 0)
            continue
        continuations = yield Continue(note, context, draft.prefix, budget.repair_tries)
        rewrites = [first_sentence(c) for c in continuations]
        checks = yield Check(note, tuple(f"{draft.prefix} {text}".strip() for text in rewrites), "repair")
        prefix_sentences = len(split_note(draft.prefix))
        chosen, chosen_checks = None, []
        for text, check in zip(rewrites, checks):
            in_context = check.sentences[prefix_sentences:]
            if text and draft.accepts(text, in_context):
                chosen, chosen_checks = text, in_context
                break
        draft.resolve(chosen, chosen_checks, len(rewrites))
    pick = cands[rank].text
    unchanged = all(r.status == KEPT for r in draft.records)
    return Verified(pick if unchanged else " ".join(draft.kept), draft.records, cands[0].text, pick, rank, unfaithful)


class Verifier:
    """A :class:`Summarizer` whose summaries are verified sentence by sentence (see the module docstring).

    ``checker`` is anything with ``check_many([(note, summary), ...])``. :meth:`verify` runs every note's
    :func:`verify_steps` in rounds: each round answers all notes' needs of one kind in one batched call.
    ``timings`` holds the seconds of the last call: ``candidates`` (generation alone: the control's cost),
    ``pick`` (checking the candidates) and ``repair`` (rewriting and checking sentences).
    """

    def __init__(self, summarizer: Summarizer, checker, budget: VerifyBudget | None = None):
        self.summarizer, self.checker, self.budget = summarizer, checker, budget or VerifyBudget()
        self.timings: dict[str, float] = {}

    @property
    def device(self):
        return self.summarizer.device

    def summarize(self, notes: list[str], options: GenerationOptions, contexts: list[str | None] | None = None,
                  progress: bool = True) -> list[str]:
        """The summaries as shown to a reader (an emptied one says so); same call as :meth:`Summarizer.summarize`,
        so ``interactive`` takes either. :meth:`verify` gives the summaries with their records."""
        return [shown(v) for v in self.verify(notes, options, contexts, progress)]

    def verify(self, notes: list[str], options: GenerationOptions, contexts: list[str | None] | None = None,
               progress: bool = True) -> list[Verified]:
        contexts = contexts or [None] * len(notes)
        steps = [verify_steps(note, context, self.budget) for note, context in zip(notes, contexts)]
        needs: dict[int, object] = {i: next(step) for i, step in enumerate(steps)}
        results: list[Verified | None] = [None] * len(notes)
        self.timings = {"candidates": 0.0, "pick": 0.0, "repair": 0.0}
        rewriting = rewrite_options(options)
        while needs:
            kind = type(next(iter(needs.values())))  # all notes wait for the same kind: they move in rounds
            waiting = [i for i, need in needs.items() if isinstance(need, kind)]
            started = time.perf_counter()
            if kind is Write:
                first = needs[waiting[0]]
                answers = self.summarizer.candidates([needs[i].note for i in waiting], options, first.k, first.mode,
                                                     [needs[i].context for i in waiting], progress)
                phase = "candidates"
            elif kind is Continue:
                answers = self.summarizer.continue_summaries(
                    [needs[i].note for i in waiting], [needs[i].prefix for i in waiting], rewriting,
                    self.budget.repair_tries, [needs[i].context for i in waiting], stop_after_sentence=True)
                phase = "repair"
            else:
                answers = check_candidates(self.checker, [needs[i].note for i in waiting],
                                           [needs[i].summaries for i in waiting])
                phase = needs[waiting[0]].phase
            self.timings[phase] += time.perf_counter() - started
            for i, answer in zip(waiting, answers):
                try:
                    needs[i] = steps[i].send(answer)
                except StopIteration as done:
                    results[i] = done.value
                    del needs[i]
        return results


def load_summarizer(config: GenerateConfig, checker=None) -> Summarizer | Verifier:
    """The model as a plain summarizer (``--no-verify``), or a verifying one."""
    summarizer = Summarizer.from_pretrained(config.model_path, config.device, config.prompt_style,
                                            config.trust_remote_code, config.dtype)
    if not config.verify:
        return summarizer
    return Verifier(summarizer, checker or FaithfulnessChecker(), config)


def shown(verified: Verified) -> str:
    """A verified summary as printed for a reader: an emptied summary says so instead of printing nothing."""
    if verified.all_dropped or not verified.sentences:
        return f"[no summary: {verified.status}]"
    return verified.summary


def run_generate(config: GenerateConfig, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> list[str] | None:
    """``clinsum generate``: one note, a file of notes, or an interactive prompt."""
    if config.clinical_note is not None and config.input_file:
        raise ValueError("give either --clinical-note or --input-file, not both")
    if config.clinical_note is not None and not config.clinical_note.strip():
        raise ValueError("--clinical-note is empty")
    summarizer = load_summarizer(config)
    if config.clinical_note is not None:
        if isinstance(summarizer, Verifier):
            [verified] = summarizer.verify([config.clinical_note], config, progress=False)
            print(shown(verified), file=stdout)
            print(f"(verified: {verified.status})", file=stdout)
            return [verified.summary]
        summary = summarizer.summarize([config.clinical_note], config, progress=False)[0]
        print(summary, file=stdout)
        return [summary]
    if config.input_file:
        ids, notes, contexts = read_notes(config.input_file, config.note_column)
        output = Path(config.output_file or Path(config.input_file).with_suffix(".summaries.csv"))
        if isinstance(summarizer, Verifier):
            results = summarizer.verify(notes, config, contexts)
            csv = output.suffix.lower() == ".csv"
            rows = [{"id": i, "note": n, "summary": v.summary, "status": v.status,
                     "verification": json.dumps(v.to_dict()) if csv else v.to_dict()}
                    for i, n, v in zip(ids, notes, results)]
            summaries = [v.summary for v in results]
            emptied = sum(v.all_dropped for v in results)
        else:
            summaries = summarizer.summarize(notes, config, contexts)
            rows = [{"id": i, "note": n, "summary": s} for i, n, s in zip(ids, notes, summaries)]
            emptied = 0
        write_records(output, rows)
        print(f"{len(summaries)} summaries written to {output}"
              + (f"; {emptied} with every sentence dropped (empty summary, see the status column)" if emptied else ""),
              file=stdout)
        return summaries
    interactive(summarizer, config, stdin, stdout)
    return None
