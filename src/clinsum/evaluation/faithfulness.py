"""Check that a summary states only what its note says, fact by fact, with evidence.

Each summary sentence is split into typed facts (:mod:`clinsum.evaluation.facts`) that are matched
exactly against the note: the same drug (brand or generic), the same dose and frequency, the same
numbers and durations after normalisation, the same side of the same body part, the same polarity
of the same finding. A fact that fails is reported with why: absent from the note, contradicted by
it, or with its negation reversed. Sentence embeddings (all-MiniLM-L6-v2, shipped offline) pick the
note sentences that support each summary sentence and flag, conservatively, sentences that carry no
typed fact and resemble nothing in the note.

``clinsum check`` runs this over one note/summary pair or a file of them.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from clinsum.config import option
from clinsum.data.dataset import ColumnMapping, ColumnOptions, DataError, load_examples, strip_evidence_markers
from clinsum.evaluation.facts import COURSE_GROUPS, Fact, NoteIndex, dates_compatible, extract_facts
from clinsum.evaluation.verifier import Verifier, default_verifier
from clinsum.paths import default_model_path
from clinsum.text import lexicon
from clinsum.text.normalize import DURATION_DAYS, Quantity, normalize, split_note
from clinsum.text.reader import AFFIRMED, ASKED, NEGATED, UNCERTAIN

REASONS = ("absent_from_note", "contradicted_by_note", "negation_reversed")

# A sentence without typed facts is flagged only when nothing in the note resembles it.
OTHER_MAX_SIMILARITY = 0.25
OTHER_MAX_COVERAGE = 0.2
OTHER_MIN_CONTENT_WORDS = 4
MAX_EVIDENCE = 3
# The best-scoring note sentence is evidence from this score on; further ones need 0.2 and 75% of the best.
MIN_EVIDENCE_SCORE = 0.1


@dataclass
class UnsupportedFact:
    """A fact of the summary the note does not support, and why."""

    type: str
    span: str
    sentence_index: int
    reason: str
    detail: str

    def to_dict(self) -> dict:
        return {"type": self.type, "span": self.span, "sentence_index": self.sentence_index,
                "reason": self.reason, "detail": self.detail}


@dataclass
class SentenceCheck:
    """One summary sentence: its supporting note sentences (S-ids, best first) and unsupported facts."""

    index: int
    text: str
    evidence: list[str]
    evidence_scores: list[float]
    confidence: float
    facts_checked: int
    unsupported: list[UnsupportedFact] = field(default_factory=list)
    # The verifier's inputs (see clinsum.evaluation.verifier.SIGNALS) and its probability that the
    # sentence is unsupported (None when the checker runs without the verifier).
    signals: dict[str, float] = field(default_factory=dict)
    unfaithful_score: float | None = None

    @property
    def supported(self) -> bool:
        return not self.unsupported

    def to_dict(self) -> dict:
        return {"index": self.index, "text": self.text, "evidence": self.evidence,
                "evidence_scores": self.evidence_scores, "confidence": self.confidence,
                "facts_checked": self.facts_checked, "supported": self.supported,
                "unsupported_facts": [u.to_dict() for u in self.unsupported],
                "unfaithful_score": _rounded(self.unfaithful_score),
                "signals": {k: round(v, 4) for k, v in self.signals.items()}}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass
class SummaryCheck:
    """The check of one summary against its note."""

    sentences: list[SentenceCheck]
    note_sentences: list[str]
    # Higher = more likely unfaithful (the learned verifier; None without it), and the score from which a
    # summary counts as hallucinated.
    unfaithful_score: float | None = None
    threshold: float | None = None

    @property
    def hallucinated(self) -> bool:
        """The verifier's decision where it ran, else "at least one unsupported fact"."""
        if self.unfaithful_score is None or self.threshold is None:
            return self.unsupported_count > 0
        return self.unfaithful_score >= self.threshold

    @property
    def unsupported_facts(self) -> list[UnsupportedFact]:
        return [u for s in self.sentences for u in s.unsupported]

    @property
    def unsupported_count(self) -> int:
        return len(self.unsupported_facts)

    @property
    def support_ratio(self) -> float:
        """Share of summary sentences with no unsupported fact (1.0 for an empty summary)."""
        if not self.sentences:
            return 1.0
        return sum(s.supported for s in self.sentences) / len(self.sentences)

    @property
    def unsupported_by_type(self) -> dict[str, int]:
        return dict(Counter(u.type for u in self.unsupported_facts))

    def to_dict(self) -> dict:
        return {"unsupported_count": self.unsupported_count, "support_ratio": round(self.support_ratio, 4),
                "unfaithful_score": _rounded(self.unfaithful_score), "hallucinated": self.hallucinated,
                "unsupported_by_type": self.unsupported_by_type,
                "unsupported_facts": [u.to_dict() for u in self.unsupported_facts],
                "sentences": [s.to_dict() for s in self.sentences],
                "note_sentences": {f"S{i + 1}": text for i, text in enumerate(self.note_sentences)}}


# ---------------------------------------------------------------------------------------------
# Matching one fact against the note

@dataclass
class Verdict:
    """Outcome for one fact: the note sentences that support it, or the reason it is unsupported."""

    evidence: set[int]
    reason: str | None = None
    detail: str = ""
    type: str | None = None  # overrides the fact's type (a reversed finding is a "negation" fact)


def unfaithfulness(check: SummaryCheck) -> float:
    """One summary's place in a ranking by unfaithfulness: its ``unfaithful_score``, by which ``eval`` counts
    it as hallucinated, or its unsupported-fact count where no verifier ran. Guided decoding and on-policy
    pairs rank by it, so their choices agree with the hallucination rate."""
    return check.unsupported_count if check.unfaithful_score is None else check.unfaithful_score


def _supported(sentences) -> Verdict:
    return Verdict(set(sentences))


def _values(facts: list[Fact]) -> str:
    shown = sorted({f.text.strip() for f in facts})[:3]
    return ", ".join(repr(s) for s in shown)


def _match_medication(fact: Fact, note: NoteIndex) -> Verdict:
    found = note.by_key.get(("medication", fact.key))
    if found:
        return _supported(i for i, _ in found)
    if fact.value:  # a class word such as "antibiotics": any drug in the note may be meant
        any_drug = [i for i, facts in enumerate(note.facts) for f in facts if f.type == "medication"]
        if any_drug:
            return _supported(any_drug)
    cls = lexicon.drug_class(fact.key)
    same_class = [d for d in note.drugs if cls and lexicon.drug_class(d) == cls]
    if same_class:
        return Verdict(set(), "contradicted_by_note", f"note names {', '.join(sorted(same_class))} ({cls}), not {fact.key}")
    return Verdict(set(), "absent_from_note", f"{fact.key} is not mentioned in the note")


def _quantity_support(value: Quantity, note: NoteIndex, allowed_types: tuple[str, ...]) -> list[int]:
    return [i for i, f in note.quantities if f.type in allowed_types and value.same_amount(f.value)]


def _match_dose(fact: Fact, note: NoteIndex) -> Verdict:
    if isinstance(fact.value, Quantity):
        support = _quantity_support(fact.value, note, ("dose", "number"))
        if support:
            return _supported(support)
        same_drug = [f for _, f in note.quantities if f.type == "dose" and fact.drug and f.drug == fact.drug]
        if same_drug:
            return Verdict(set(), "contradicted_by_note", f"note gives {fact.drug} as {_values(same_drug)}")
        return Verdict(set(), "absent_from_note", f"dose {fact.text.strip()!r} is not in the note")
    doses = [(i, f) for i, facts in enumerate(note.facts) for f in facts
             if f.type == "dose" and isinstance(f.value, str)]
    support = [i for i, f in doses if f.value == fact.value]
    if support:
        return _supported(support)
    same_drug = [f for _, f in doses if fact.drug and f.drug == fact.drug]
    if same_drug:
        return Verdict(set(), "contradicted_by_note", f"note gives {fact.drug} {_values(same_drug)}")
    return Verdict(set(), "absent_from_note", f"frequency {fact.value!r} is not in the note")


def _match_number(fact: Fact, note: NoteIndex) -> Verdict:
    if fact.key == "decade":  # "in his 80s": any age from 80 to 89
        support = [i for i, f in note.quantities if f.type in ("number", "time")
                   and fact.value.value <= f.value.value < fact.value.value + 10]
        if support:
            return _supported(support)
    support = _quantity_support(fact.value, note, ("number", "time", "dose"))
    if support:
        return _supported(support)
    same_unit = [f for _, f in note.quantities if fact.value.unit and f.value.unit == fact.value.unit]
    if same_unit:
        return Verdict(set(), "contradicted_by_note", f"note says {_values(same_unit)}")
    return Verdict(set(), "absent_from_note", f"{fact.text.strip()!r} is not in the note")


def _match_time(fact: Fact, note: NoteIndex) -> Verdict:
    times = [(i, f) for i, facts in enumerate(note.facts) for f in facts if f.type == "time" and f.key == fact.key]
    if fact.key == "duration":
        support = _quantity_support(fact.value, note, ("time", "number"))
        if support:
            return _supported(support)
        same_unit = [f for _, f in times if f.value.unit == fact.value.unit]
        if same_unit:
            return Verdict(set(), "contradicted_by_note", f"note says {_values(same_unit)}")
        return Verdict(set(), "absent_from_note", f"{fact.text.strip()!r} is not in the note")
    if fact.key == "date":
        support = [i for i, f in times if dates_compatible(fact.value, f.value)]
        year = fact.value[2]
        if year is not None and fact.value[:2] == (None, None):
            support += [i for i, f in note.quantities if f.value.value == year]
        if support:
            return _supported(support)
        if times:
            return Verdict(set(), "contradicted_by_note", f"note dates are {_values([f for _, f in times])}")
        return Verdict(set(), "absent_from_note", f"date {fact.text.strip()!r} is not in the note")
    support = [i for i, f in times if f.value == fact.value]
    if support:
        return _supported(support)
    if times:
        return Verdict(set(), "contradicted_by_note", f"note says {_values([f for _, f in times])}")
    if fact.key in COURSE_GROUPS:
        # Flag a course word only when the note points to another one ("for eight years" vs "acute").
        support = _course_support(fact.value, note)
        if support is not None:
            return _supported(support)
        others = [v for v in set(COURSE_GROUPS[fact.key].values()) - {fact.value} if _course_support(v, note)]
        if others:
            return Verdict(set(), "contradicted_by_note", f"note suggests {', '.join(sorted(others))}")
        return Verdict(set())
    return Verdict(set(), "absent_from_note", f"{fact.text.strip()!r} is not in the note")


# How a transcript says "chronic", "acute", "intermittent"... without the word.
_COURSE_PARAPHRASES = {word: re.compile(rf"\b(?:{pattern})") for word, pattern in {
    "chronic": r"years?|long time|for a while|forever|since (?:i was|childhood)|months",
    "acute": r"sudden|yesterday|last night|this morning|just started|few days|couple of days|hours? ago|days? ago",
    "subacute": r"few weeks|couple of weeks",
    "sudden": r"sudden|out of nowhere|abrupt|just happened|immediately|right away|all at once",
    "gradual": r"gradual|slowly|over time|getting worse|worsening|progressive|little by little|over the",
    "intermittent": r"on and off|off and on|comes? and goes?|sometimes|once in a while|occasional|at times|"
                    r"not all the time|not constant|now and then|periodic|episodes",
    "constant": r"constant|all the time|always|continuous|persistent|non ?stop|every day|whole time",
}.items()}
_COURSE_DAYS = {"chronic": (90, None), "acute": (None, 14), "subacute": (14, 90)}


def _course_support(value: str, note: NoteIndex) -> list[int] | None:
    """Note sentences that say a course word in other words, e.g. "for eight years" for "chronic"."""
    low, high = _COURSE_DAYS.get(value, (None, None))
    by_duration = [i for i, f in note.quantities if f.type == "time" and f.value.unit in DURATION_DAYS
                   and (low is not None or high is not None)
                   and (low is None or f.value.value * DURATION_DAYS[f.value.unit] >= low)
                   and (high is None or f.value.value * DURATION_DAYS[f.value.unit] <= high)]
    by_words = [i for i, text in enumerate(note.normalized) if _COURSE_PARAPHRASES[value].search(text)]
    return (by_duration + by_words) or None


# Routinely listed as denied in a social history or as "no known drug allergies", whether or not asked.
HABITS = frozenset({"tobacco use", "alcohol use", "substance abuse", "allergies"})
# Sentences either side of a pain mention where its site may be named ("Where's your pain?" "Above my belly button.")
SITE_WINDOW = 2
_OPPOSITE_POLARITY = {AFFIRMED: NEGATED, NEGATED: AFFIRMED}


def _match_finding(fact: Fact, note: NoteIndex, flag_unmentioned_negatives: bool = False) -> Verdict:
    """Same concept with the same polarity in the note.

    A denied symptom the note never mentions is not flagged unless ``flag_unmentioned_negatives``:
    reviews of systems routinely list negatives that a transcript covers with one blanket question.
    The same holds for habits ("denies tobacco, alcohol or drug use"), routinely listed in a social
    history. A denied diagnosis or procedure the note never mentions is flagged.
    """
    found = note.by_key.get(("condition", fact.key), []) + note.by_key.get(("procedure", fact.key), [])
    site_words = lexicon.pain_site_words(fact.key)
    if not found and site_words:
        # "knee pain" is supported by "my knee hurts": pain with the site in the same exchange.
        site = re.compile(rf"\b(?:{'|'.join(site_words)})")
        found = [(i, f) for i, f in note.by_key.get(("condition", "pain"), [])
                 if any(site.search(text) for text in note.normalized[max(0, i - SITE_WINDOW): i + SITE_WINDOW + 1])]
    if not found:
        if (fact.polarity in (NEGATED, UNCERTAIN) and (fact.value == "finding" or fact.key in HABITS)
                and not flag_unmentioned_negatives):
            return Verdict(set())
        return Verdict(set(), "absent_from_note", f"{fact.key} is not mentioned in the note")
    if fact.polarity == UNCERTAIN:
        return _supported(i for i, _ in found)
    agreeing = [i for i, f in found if f.polarity in (fact.polarity, ASKED, UNCERTAIN)]
    if agreeing:
        return _supported(agreeing)
    said = "denied" if _OPPOSITE_POLARITY[fact.polarity] == NEGATED else "affirmed"
    return Verdict({i for i, _ in found}, "negation_reversed", f"note has {fact.key} {said}", type="negation")


def _match_laterality(fact: Fact, note: NoteIndex) -> Verdict:
    same_part = note.by_key.get(("laterality", fact.key), [])
    sides = {f.value for _, f in same_part}
    if fact.value in sides or (fact.value in ("left", "right") and "bilateral" in sides):
        return _supported(i for i, f in same_part if f.value in (fact.value, "bilateral"))
    opposite = lexicon.laterality_swap()[fact.value]
    if opposite in sides:
        return Verdict(set(), "contradicted_by_note", f"note has the {opposite} {fact.key}")
    anywhere = [(i, f) for i, facts in enumerate(note.facts) for f in facts if f.type == "laterality"]
    support = [i for i, f in anywhere if f.value == fact.value]
    if support and not same_part:
        return _supported(support)
    if any(f.value == opposite for _, f in anywhere):
        return Verdict(set(), "contradicted_by_note", f"note has {opposite}, not {fact.value}")
    if fact.key in note.body_parts:
        return Verdict(set())  # the note names the body part without a side: vague, not contradicted
    return Verdict(set(), "absent_from_note", f"{fact.value} {fact.key} is not in the note")


_MATCHERS = {
    "medication": _match_medication, "dose": _match_dose, "number": _match_number, "time": _match_time,
    "laterality": _match_laterality,
}


def match_fact(fact: Fact, note: NoteIndex, flag_unmentioned_negatives: bool = False) -> Verdict:
    """Whether ``note`` supports ``fact``; on failure the reason and a short detail."""
    if fact.polarity == ASKED:  # a question in the summary asserts nothing
        return Verdict(set())
    if fact.type in ("condition", "procedure"):
        return _match_finding(fact, note, flag_unmentioned_negatives)
    return _MATCHERS[fact.type](fact, note)


# ---------------------------------------------------------------------------------------------
# Lexical and semantic similarity

_STOPWORDS = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been being has have had do does did "
    "this that these those it its he she his her him they them their patient patients mr mrs ms dr also about "
    "which who whom what when where why how not no any some all very there here into over under than then so "
    "such can could would should will may might must i you we me my your our us yes okay ok um uh well just "
    "she's he's it's that's there's i'm you're doctor".split()
)
_WORD = re.compile(r"[a-z0-9]+")


def content_words(normalized: str) -> set[str]:
    """Content words cut to a 5-letter stem: a crude but fast match across inflections."""
    return {w[:5] for w in _WORD.findall(normalized) if w not in _STOPWORDS}


def novel_content_words(note: str, summary: str) -> int:
    """Content words of ``summary`` found nowhere in ``note``: a plain lexical signal of invented content. Unlike
    the verifier's ``novel_words`` signal it leaves no note-writing word out, so it is not what verification
    minimises."""
    return len(content_words(normalize(summary).text) - content_words(normalize(note).text))


def coverage(summary_words: set[str], note_words: set[str]) -> float:
    """Share of the summary sentence's content words found in the note sentence."""
    return len(summary_words & note_words) / len(summary_words) if summary_words else 0.0


# ---------------------------------------------------------------------------------------------
# The checker

class FaithfulnessChecker:
    """Checks summaries against notes; holds the embedding model and a cache of sentence vectors.

    Facts are matched lexically against every note sentence. Embeddings are spent only where they
    change the answer: a summary sentence whose facts already point to note sentences that share
    most of its words keeps that lexical evidence; otherwise it is compared with its best lexical
    candidates, and a sentence with no typed fact and little word overlap with the whole note.
    This keeps a CPU-only check fast (embedding every sentence of a transcript costs ~20x more).

    With ``use_embeddings=False`` evidence is chosen by word overlap alone (no model).
    ``flag_unmentioned_negatives`` also flags denied findings the note never mentions.
    """

    def __init__(self, use_embeddings: bool = True, model_path: str | None = None, batch_size: int = 128,
                 device: str | None = None, flag_unmentioned_negatives: bool = False, quantize_on_cpu: bool = False,
                 verifier: Verifier | None | str = "default", report_words: frozenset[str] | None = None):
        self.batch_size = batch_size
        self.verifier = default_verifier() if verifier == "default" else verifier
        # Note-writing words not counted as novel (scripts/train_verifier.py chooses them).
        self.report_words = report_words if report_words is not None else (
            self.verifier.report_words if self.verifier else frozenset())
        self.flag_unmentioned_negatives = flag_unmentioned_negatives
        self.model = None
        self._vectors: dict[str, object] = {}
        lexicon.warm_up()
        if use_embeddings:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            import torch
            from sentence_transformers import SentenceTransformer

            device = device or ("cuda" if torch.cuda.is_available() else "cpu")
            self.model = SentenceTransformer(model_path or default_model_path(), device=device)
            self.model.max_seq_length = 64  # sentences, not documents: shorter is faster
            if device == "cpu" and quantize_on_cpu:
                self.model = _int8_linear_layers(self.model)

    def check(self, note: str, summary: str) -> SummaryCheck:
        return self.check_many([(note, summary)])[0]

    def check_many(self, pairs: list[tuple[str, str]]) -> list[SummaryCheck]:
        """Check many pairs, embedding the sentences that need it in one batch."""
        prepared = [_Pair(note, summary, self.flag_unmentioned_negatives, self.report_words) for note, summary in pairs]
        if self.model is not None:
            self._embed({t for p in prepared for t in p.texts_to_embed()})
        return [p.result(self._vectors if self.model is not None else None, self.verifier) for p in prepared]

    def clear_cache(self) -> None:
        """Forget embedded sentences (to time a cold start, or free memory)."""
        self._vectors.clear()

    def _embed(self, texts: set[str]) -> None:
        missing = sorted(t for t in texts if t not in self._vectors)
        if not missing:
            return
        if len(self._vectors) > 50_000:  # bound the cache; notes checked again soon are the common case
            self._vectors.clear()
        vectors = self.model.encode(missing, batch_size=self.batch_size, convert_to_numpy=True,
                                    normalize_embeddings=True, show_progress_bar=False)
        self._vectors.update(zip(missing, vectors))


def _int8_linear_layers(model):
    """Dynamic int8 quantization of the encoder's linear layers: ~2.2x faster on a 2-core CPU with the same
    unsupported facts, but a different evidence ranking on about a quarter of pairs (it can lose a
    paraphrase), so it is opt-in (benchmarks/bench_checker_speed.py)."""
    import warnings

    import torch

    with warnings.catch_warnings():  # torch points eager-mode quantization users to torchao; it still works
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


# Word overlap with the best note sentence above which embeddings would not change the evidence.
CONFIDENT_COVERAGE = 0.5
LEXICAL_MATCH = 0.6
EMBEDDING_CANDIDATES = 3


@dataclass
class _SentenceState:
    """A summary sentence after the lexical pass."""

    text: str
    n_facts: int
    unsupported: list[UnsupportedFact]
    fact_evidence: set[int]
    lexical: list[float]
    note_coverage: float
    n_words: int
    searchable: list[int]  # note sentences with enough content words to be evidence on their own
    unverified: int  # facts accepted without evidence (a denied finding the note never mentions, ...)
    novel_words: int  # content words found nowhere in the note, see clinsum.evaluation.verifier

    @property
    def may_be_other(self) -> bool:
        """No typed fact and little in common with the note: a candidate "other" flag."""
        return (self.n_facts == 0 and self.n_words >= OTHER_MIN_CONTENT_WORDS
                and self.note_coverage <= OTHER_MAX_COVERAGE)

    @property
    def needs_embedding(self) -> bool:
        """False when words alone find the evidence: most of them in one note sentence (fewer will do
        when the sentence's facts were found there too)."""
        best = max(self.lexical, default=0.0)
        confident = best >= CONFIDENT_COVERAGE and (bool(self.fact_evidence) or best >= LEXICAL_MATCH)
        return self.may_be_other or not confident

    def candidates(self) -> list[int]:
        """Note sentences worth embedding: the few best by word overlap, or all of them when words
        alone find nothing (a paraphrase, or a possible "other" flag)."""
        if self.may_be_other or max(self.lexical, default=0.0) < CONFIDENT_COVERAGE / 2:
            return self.searchable
        ranked = sorted(range(len(self.lexical)), key=lambda j: (j not in self.fact_evidence, -self.lexical[j]))
        return ranked[:EMBEDDING_CANDIDATES]


class _Pair:
    """One note/summary pair: the note indexed, each summary sentence's facts matched lexically."""

    def __init__(self, note: str, summary: str, flag_unmentioned_negatives: bool, report_words: frozenset[str]):
        self.note = NoteIndex.build(note)
        note_words = [content_words(n) for n in self.note.normalized]
        all_note_words = set().union(*note_words) if note_words else set()
        searchable = [j for j, words in enumerate(note_words) if len(words) >= 2]  # not "Okay." or "No."
        self.states = []
        for k, sentence in enumerate(split_note(strip_evidence_markers(summary))):
            norm = normalize(sentence.text)
            facts = extract_facts(sentence.text, norm=norm)
            words = content_words(norm.text)
            unsupported, fact_evidence, unverified = [], set(), 0
            novel = words - all_note_words - report_words
            for fact in facts:
                verdict = match_fact(fact, self.note, flag_unmentioned_negatives)
                if verdict.reason is None:
                    unverified += not verdict.evidence and fact.polarity != ASKED
                    for i in verdict.evidence:
                        fact_evidence |= self.note.linked(i)
                else:
                    unsupported.append(UnsupportedFact(verdict.type or fact.type, fact.text.strip(), k,
                                                       verdict.reason, verdict.detail))
            self.states.append(_SentenceState(
                sentence.text, len(facts), unsupported, fact_evidence, [coverage(words, nw) for nw in note_words],
                coverage(words, all_note_words), len(words), searchable, unverified, len(novel)))

    def texts_to_embed(self) -> set[str]:
        texts = set()
        for state in self.states:
            if state.needs_embedding:
                texts.add(state.text)
                texts.update(self.note.sentences[j].text for j in state.candidates())
        return texts

    def result(self, vectors: dict | None, verifier: Verifier | None = None) -> SummaryCheck:
        checks = []
        for k, state in enumerate(self.states):
            scores = list(state.lexical)
            best_similarity = None
            if vectors is not None and state.needs_embedding:
                summary_vector = vectors[state.text]
                similarities = {j: float(summary_vector @ vectors[self.note.sentences[j].text])
                                for j in state.candidates()}
                for j, similarity in similarities.items():
                    scores[j] = 0.5 * max(similarity, 0.0) + 0.5 * state.lexical[j]
                best_similarity = max(similarities.values(), default=0.0)
            unsupported = list(state.unsupported)
            if state.may_be_other and (vectors is None or (best_similarity or 0.0) < OTHER_MAX_SIMILARITY):
                unsupported.append(UnsupportedFact("other", state.text, k, "absent_from_note",
                                                   "nothing in the note resembles this sentence"))
            check = _with_evidence(k, state, scores, unsupported)
            check.signals = _signals(state)
            if verifier is not None:
                check.unfaithful_score = verifier.score([check.signals])
            checks.append(check)
        if verifier is None:
            return SummaryCheck(checks, [s.text for s in self.note.sentences])
        return SummaryCheck(checks, [s.text for s in self.note.sentences],
                            verifier.score([c.signals for c in checks]), verifier.threshold)


def _signals(state: _SentenceState) -> dict[str, float]:
    """The verifier's inputs for one sentence (clinsum.evaluation.verifier.SIGNALS): lexical only."""
    reasons = Counter(u.reason for u in state.unsupported)  # typed facts; not the embedding-guarded "other"
    return {"facts": state.n_facts, "absent": reasons["absent_from_note"],
            "contradicted": reasons["contradicted_by_note"], "negation_reversed": reasons["negation_reversed"],
            "unverified": state.unverified, "words": state.n_words,
            "novel_words": state.novel_words, "note_coverage": state.note_coverage,
            "best_overlap": max(state.lexical, default=0.0)}


def _with_evidence(k: int, state: _SentenceState, scores: list[float], unsupported: list[UnsupportedFact]) -> SentenceCheck:
    """Evidence: note sentences supporting the facts first, then the most similar ones."""
    fact_evidence = state.fact_evidence
    ranked = sorted(range(len(scores)), key=lambda j: (j not in fact_evidence, -scores[j], j))
    top = max(scores, default=0.0)
    chosen = [j for j in ranked if j in fact_evidence][:MAX_EVIDENCE]
    for j in sorted(range(len(scores)), key=lambda j: (-scores[j], j)):
        best_so_far = not chosen and scores[j] >= MIN_EVIDENCE_SCORE
        if len(chosen) >= MAX_EVIDENCE or not (best_so_far or scores[j] >= max(0.2, 0.75 * top)):
            break
        if j not in chosen:
            chosen.append(j)
    chosen.sort(key=lambda j: (-scores[j], j))
    bonus = 0.2 if fact_evidence else 0.0
    supported_share = 1.0 - len(unsupported) / max(state.n_facts, len(unsupported), 1)
    confidence = round(min(1.0, top + bonus) * supported_share, 2)
    return SentenceCheck(k, state.text, [f"S{j + 1}" for j in chosen], [round(scores[j], 3) for j in chosen],
                         confidence, state.n_facts, unsupported)


@cache
def _shared_checker(use_embeddings: bool) -> FaithfulnessChecker:
    return FaithfulnessChecker(use_embeddings=use_embeddings)


def check_summary(note: str, summary: str, use_embeddings: bool = True) -> SummaryCheck:
    """Check one summary against its note (the embedding model is loaded once per process)."""
    return _shared_checker(use_embeddings).check(note, summary)


# ---------------------------------------------------------------------------------------------
# `clinsum check`

class SummaryFileColumns(ColumnOptions):
    """Column options for files of summaries to check: a ``prediction`` column counts as the summary."""

    def column_mapping(self) -> ColumnMapping:
        mapping = super().column_mapping()
        if not self.summary_column:
            mapping.summary = ["model_summary", "prediction", "summary", "section_text", "reference_summary"]
        return mapping


@dataclass
class CheckConfig(SummaryFileColumns):
    """Options of ``clinsum check``."""

    note: str | None = option(None, help="note text (or @path to a text file) to check one summary against")
    summary: str | None = option(None, help="summary text (or @path) to check against --note")
    input_file: str | None = option(None, help="CSV/JSONL/JSON file of note/summary pairs to check")
    output: str | None = option(None, help="write one JSON object per pair to this .jsonl file")
    use_embeddings: bool = option(True, help="use the all-MiniLM-L6-v2 embeddings for evidence (off: word overlap only)")
    batch_size: int = option(256, help="pairs checked per embedding batch")
    model_path: str | None = option(None, help="sentence-transformers folder (default: the packaged all-MiniLM-L6-v2)")
    flag_unmentioned_negatives: bool = option(
        False, help="also flag findings the summary denies but the note never mentions")
    quantize_embeddings: bool = option(False, help="int8 embedding model on CPU: ~2x faster, same flags, less exact evidence ranking")



def _text_argument(value: str, name: str) -> str:
    """``--note`` text, or the content of ``@file``; empty text is an error with a fix."""
    if value.startswith("@"):
        path = Path(value[1:])
        try:
            value = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise DataError(path, f"cannot read the --{name} file ({e})", fix="check the path; the file must be UTF-8") from None
    if not value.strip():
        raise DataError(f"--{name}", f"empty {name}", fix=f"pass the {name} text or @path to a text file")
    return value


def format_report(check: SummaryCheck) -> str:
    """Readable per-sentence report for the terminal."""
    lines = []
    for s in check.sentences:
        mark = "ok " if s.supported else "!! "
        evidence = ",".join(s.evidence) or "-"
        lines.append(f"{mark}[{s.index + 1}] {s.text}")
        score = "" if s.unfaithful_score is None else f"  unfaithful score: {s.unfaithful_score:g}"
        lines.append(f"      evidence: {evidence}  confidence: {s.confidence:.2f}{score}")
        for u in s.unsupported:
            lines.append(f"      UNSUPPORTED {u.type}: {u.span!r} ({u.reason}: {u.detail})")
    lines.append(f"unsupported facts: {check.unsupported_count}; support ratio: {check.support_ratio:.2f}")
    if check.unfaithful_score is not None:
        lines.append(f"unfaithful score: {check.unfaithful_score:g} (hallucinated from {check.threshold:g} on): "
                     + ("hallucinated" if check.hallucinated else "not hallucinated"))
    return "\n".join(lines)


def summarize_checks(checks: list[SummaryCheck]) -> dict:
    """Totals over many checks: hallucination rate (the verifier's decision where it ran, else "at least
    one unsupported fact"), mean unfaithful score, mean support ratio, unsupported facts by type."""
    n = len(checks)
    by_type: Counter = Counter()
    by_reason: Counter = Counter()
    for c in checks:
        by_type.update(c.unsupported_by_type)
        by_reason.update(u.reason for u in c.unsupported_facts)
    return {
        "pairs": n,
        "hallucination_rate": sum(c.hallucinated for c in checks) / n if n else 0.0,
        "mean_unfaithful_score": (sum(c.unfaithful_score for c in checks) / n
                                  if n and all(c.unfaithful_score is not None for c in checks) else None),
        "mean_support_ratio": sum(c.support_ratio for c in checks) / n if n else 0.0,
        "unsupported_per_summary": sum(c.unsupported_count for c in checks) / n if n else 0.0,
        "unsupported_by_type": dict(by_type.most_common()),
        "unsupported_by_reason": dict(by_reason.most_common()),
    }


def _checker(config: CheckConfig) -> FaithfulnessChecker:
    return FaithfulnessChecker(config.use_embeddings, config.model_path,
                               flag_unmentioned_negatives=config.flag_unmentioned_negatives,
                               quantize_on_cpu=config.quantize_embeddings)


def run_check(config: CheckConfig) -> dict:
    """Check one pair (``--note``/``--summary``) or a file of pairs (``--input-file``)."""
    if config.input_file and (config.note or config.summary):
        raise ValueError("pass either --note/--summary or --input-file, not both")
    if not config.input_file:
        if not (config.note and config.summary):
            raise ValueError("pass --note and --summary (text or @file), or --input-file with many pairs")
        note, summary = _text_argument(config.note, "note"), _text_argument(config.summary, "summary")
        result = _checker(config).check(note, summary)
        print(format_report(result))
        if config.output:
            from clinsum.io import write_jsonl

            write_jsonl(config.output, [{"id": "0", **result.to_dict()}])
        return result.to_dict()

    examples = load_examples(config.input_file, config.column_mapping())
    checker = _checker(config)
    started = time.perf_counter()
    checks = []
    for i in range(0, len(examples), config.batch_size):
        batch = examples[i: i + config.batch_size]
        checks.extend(checker.check_many([(e.note, e.summary) for e in batch]))
    elapsed = time.perf_counter() - started
    totals = summarize_checks(checks)
    totals["pairs_per_second"] = len(checks) / elapsed if elapsed > 0 else float("inf")
    if config.output:
        from clinsum.io import write_jsonl

        write_jsonl(config.output, ({"id": e.id, **c.to_dict()} for e, c in zip(examples, checks)))
    print(f"pairs: {totals['pairs']}  hallucination rate: {totals['hallucination_rate']:.3f}  "
          f"mean support ratio: {totals['mean_support_ratio']:.3f}  pairs/s: {totals['pairs_per_second']:.1f}")
    print("unsupported facts by type: " + (json.dumps(totals["unsupported_by_type"]) or "{}"))
    return totals
