"""Typed facts in clinical sentences, and an index of the facts a note states.

A summary sentence is checked fact by fact: each drug, dose, frequency, number, condition,
procedure, side of the body and time expression it states must be found in the note with the same
value. This module extracts those facts (conditions, findings and procedures with the polarity
:mod:`clinsum.text.reader` reads: negation scope, and in a dialogue transcript what a patient affirms
or denies by answering "Yes"/"No" to a question) and indexes a note's facts for lookup.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from clinsum.text import lexicon
from clinsum.text.normalize import (
    DATE_OR_TIME,
    DRUG_UNITS,
    DURATION_DAYS,
    Normalized,
    Quantity,
    SentenceSpan,
    normalize,
    quantity_spans,
)
from clinsum.text.reader import AFFIRMED, PolarTerm, read_note, read_terms

FACT_TYPES = ("medication", "dose", "number", "condition", "procedure", "negation", "laterality", "time", "other")


@dataclass
class Fact:
    """One checkable statement in a sentence.

    ``key`` identifies what the fact is about (drug generic name, concept, body part, unit) and
    ``value`` what it says about it (a :class:`Quantity`, a frequency, a side, a date tuple).
    ``start``/``end``/``text`` point into the original sentence.
    """

    type: str
    start: int
    end: int
    text: str
    key: str
    value: Any = None
    polarity: str = AFFIRMED
    drug: str | None = None


# ---------------------------------------------------------------------------------------------
# Time

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
_MONTH_NAMES = "|".join(sorted(list(_MONTHS) + list(_MONTH_ABBR), key=len, reverse=True))
_DATE_WORDS = re.compile(
    rf"\b(?P<month>{_MONTH_NAMES})\.?(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?:of\s+)?(?P<year>(?:19|20)\d{{2}}))?\b"
    rf"|\b(?P<m>\d{{1,2}})[/-](?P<d>\d{{1,2}})[/-](?P<y>\d{{2,4}})\b"
    rf"|\b(?P<month_number>\d{{1,2}})/(?P<month_year>(?:19|20)\d{{2}})\b"
    rf"|\b(?P<lone_year>(?:19|20)\d{{2}})\b"
)
_RELATIVE_TIME = re.compile(
    r"\b(?:yesterday|tomorrow|tonight|last night|(?:this|last|next) (?:morning|afternoon|evening|week|month|year|"
    r"weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:on )?(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday))\b"
)
# Relative times that may all describe the same recent event ("yesterday" vs "last night").
_RECENT = {"yesterday", "tonight", "last night", "this morning", "this afternoon", "this evening"}


def _relative_time_bucket(phrase: str) -> str:
    phrase = phrase.removeprefix("on ")
    return "the last day" if phrase in _RECENT else phrase


# Course and onset words; within a group they exclude each other ("acute" vs "chronic").
COURSE_GROUPS: dict[str, dict[str, str]] = {
    "course": {"acute": "acute", "subacute": "subacute", "chronic": "chronic", "chronically": "chronic",
                 "long standing": "chronic", "longstanding": "chronic"},
    "onset": {"sudden": "sudden", "suddenly": "sudden", "abrupt": "sudden", "abruptly": "sudden",
              "gradual": "gradual", "gradually": "gradual", "slowly": "gradual"},
    "pattern": {"intermittent": "intermittent", "intermittently": "intermittent", "on and off": "intermittent",
                "off and on": "intermittent", "comes and goes": "intermittent", "constant": "constant",
                "constantly": "constant", "continuous": "constant", "all the time": "constant"},
}
_COURSE_WORD = re.compile(r"\b(?:" + "|".join(sorted((w for g in COURSE_GROUPS.values() for w in g), key=len,
                                                       reverse=True)) + r")\b")
_GROUP_OF = {word: group for group, words in COURSE_GROUPS.items() for word in words}
_CLOCK_TIME = re.compile(r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<half>am|pm)\b")

_DECADE_SUFFIX = re.compile(r"'?s\b")
_AGE_CONTEXT = re.compile(r"^[\s-]*(?:old|of age)\b")
# "may" is a month only with a day or year next to it.
_AMBIGUOUS_MONTHS = {"may", "mar", "jan", "jun", "dec", "sept", "sep", "oct", "nov", "feb", "apr", "aug", "jul"}


def _year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    return year + (2000 if year < 40 else 1900) if year < 100 else year


def _dates(text: str) -> list[tuple[int, int, tuple]]:
    """(start, end, (month, day, year)) for dates in normalised text; unknown parts are None."""
    found = []
    for m in _DATE_WORDS.finditer(text):
        if m.group("month"):
            month_word = m.group("month")
            if month_word in _AMBIGUOUS_MONTHS and not (m.group("day") or m.group("year")):
                continue
            month = _MONTH_ABBR.get(month_word[:4] if month_word == "sept" else month_word[:3])
            day = int(m.group("day")) if m.group("day") else None
            found.append((m.start(), m.end(), (month, day, _year(m.group("year")))))
        elif m.group("m"):
            found.append((m.start(), m.end(), (int(m.group("m")), int(m.group("d")), _year(m.group("y")))))
        elif m.group("month_number"):
            found.append((m.start(), m.end(), (int(m.group("month_number")), None, int(m.group("month_year")))))
        else:
            found.append((m.start(), m.end(), (None, None, int(m.group("lone_year")))))
    return found


def dates_compatible(a: tuple, b: tuple) -> bool:
    """Dates agree on every part both of them state."""
    return all(x is None or y is None or x == y for x, y in zip(a, b)) and any(
        x is not None and y is not None for x, y in zip(a, b))


# ---------------------------------------------------------------------------------------------
# Laterality

_SIDES = {"left": "left", "right": "right", "bilateral": "bilateral", "bilaterally": "bilateral",
          "both": "bilateral", "unilateral": "unilateral", "left sided": "left", "right sided": "right"}
_SIDE_WORD = re.compile(r"\b(?:left|right|bilateral(?:ly)?|unilateral|both)(?:[\s-]sided)?\b")
_SIDE_NOUN_AFTER = re.compile(r"^[\s-]*(?:side|sided|one|ones)\b")


def _side_attachments(text: str, parts: list[lexicon.Mention]) -> list[tuple[int, int, str, str]]:
    """(start, end, side, body part) for each side word attached to a body part in normalised text.

    A side attaches to the first body part within a few words after it ("left lower extremity",
    "right side of the chest") or, failing that, the body part just before it ("knee on the left").
    """
    found = []
    for m in _SIDE_WORD.finditer(text):
        side = _SIDES[re.sub(r"[\s-]+", " ", m.group())]
        after = next((p for p in parts if 0 <= p.start - m.end() <= 30 and "." not in text[m.end(): p.start]
                      and "," not in text[m.end(): p.start]), None)
        before = next((p for p in reversed(parts) if 0 <= m.start() - p.end <= 12
                       and not re.search(r"[.,;]", text[p.end: m.start()])), None)
        # "upper extremities on the right side": the named part, not the generic "side".
        part = before if before and (after is None or after.canonical == "side") else after
        if part is None:  # "arms, the right more than the left": the nearest named part in the sentence
            part = min((p for p in parts if min(abs(p.start - m.end()), abs(m.start() - p.end)) <= 60),
                       key=lambda p: (p.canonical == "side", min(abs(p.start - m.end()), abs(m.start() - p.end))),
                       default=None)
        if part is None:
            if side == "bilateral" and m.group() == "both":
                continue
            if not _SIDE_NOUN_AFTER.match(text[m.end():]):
                continue  # "right" as in "all right" or "that's right"
            found.append((m.start(), m.end(), side, "side"))
            continue
        if m.group() == "both" and part.text.lower() == part.canonical:
            continue  # "both" only marks a side before a plural ("both knees")
        start, end = min(m.start(), part.start), max(m.end(), part.end)
        found.append((start, end, side, part.canonical))
    return found


# ---------------------------------------------------------------------------------------------
# Extraction

_CLASS_LIKE_DRUG = re.compile(r"agents?\b|antagonists?\b|\bsupplements?\b|(?:ics|ants|ives|ines|ids|ors|ers)$")


def is_drug_class_mention(mention: lexicon.Mention) -> bool:
    """ "antibiotics", "narcotics": a class word, supported by any drug the note names."""
    return mention.canonical not in lexicon.common_drugs() and (
        bool(_CLASS_LIKE_DRUG.search(mention.canonical)) or mention.text.lower().endswith("s")
        and mention.canonical.endswith("s"))


def extract_facts(text: str, question: bool | None = None, norm: Normalized | None = None,
                  terms: list[PolarTerm] | None = None) -> list[Fact]:
    """Typed facts in one sentence; offsets and ``text`` refer to ``text`` as given.

    In a question (``question`` true, or the sentence ends with "?") findings in its interrogative
    clause get polarity ``asked``: the question neither affirms nor denies them; the answer may.
    ``norm`` is ``normalize(text)`` and ``terms`` its terms as a :class:`NoteReading` read them (answers
    resolved), when the caller already has them.
    """
    norm = norm or normalize(text)
    low = norm.text
    if question is None:
        question = text.rstrip().endswith("?")
    if terms is None:
        terms = read_terms(low, question)
    facts: list[Fact] = []

    def add(kind: str, start: int, end: int, key: str, **extra) -> None:
        s, e = norm.to_source(start, end)
        facts.append(Fact(kind, s, e, text[s:e], key, **extra))

    drugs = lexicon.find_drugs(low)
    for d in drugs:
        add("medication", d.start, d.end, d.canonical, value=is_drug_class_mention(d))

    frequencies = lexicon.find_frequencies(low)
    for f in frequencies:
        drug = _nearest(drugs, f.start)
        if drug:  # "smokes a pack daily" is not a dosing frequency
            add("dose", f.start, f.end, drug, value=f.canonical, drug=drug)

    # Quantities: doses attach to the nearest drug before them (else after), durations are times.
    # Numbers inside dates and frequencies ("3 times daily") are part of those facts.
    taken = ([(s, e) for s, e, _ in _dates(low)] + [m.span() for m in DATE_OR_TIME.finditer(low)]
             + [(f.start, f.end) for f in frequencies])
    for q, qs, qe in quantity_spans(norm):
        if any(s <= qs < e for s, e in taken):
            continue
        if q.unit in DRUG_UNITS:
            drug = _nearest(drugs, qs)
            add("dose", qs, qe, drug or "", value=q, drug=drug)
        elif q.unit in DURATION_DAYS or q.unit in ("hours", "minutes"):
            if q.unit == "years" and (_AGE_CONTEXT.match(low[qe:]) or low[qs:qe].endswith("old")):
                add("number", qs, qe, "age", value=q)
            else:
                add("time", qs, qe, "duration", value=q)
        elif q.unit is None and q.value % 10 == 0 and (decade := _DECADE_SUFFIX.match(low, qe)):
            add("number", qs, decade.end(), "decade", value=q)  # "in her 80s"
        elif q.unit is not None or q.value >= 3 or not float(q.value).is_integer():
            add("number", qs, qe, q.unit or "", value=q)

    for t, polarity in ((p.term, p.polarity) for p in terms):
        add("procedure" if t.kind == "procedure" else "condition", t.start, t.end, t.concept, value=t.kind,
            polarity=polarity)

    for start, end, side, part in _side_attachments(low, lexicon.find_body_parts(low)):
        add("laterality", start, end, part, value=side)

    for start, end, date in _dates(low):
        add("time", start, end, "date", value=date)
    for m in _RELATIVE_TIME.finditer(low):
        add("time", m.start(), m.end(), "relative", value=_relative_time_bucket(m.group()))
    term_spans = [(p.term.start, p.term.end) for p in terms]
    for m in _COURSE_WORD.finditer(low):
        if any(s <= m.start() < e for s, e in term_spans):
            continue  # "acute bronchitis", "chronic kidney disease": part of a diagnosis
        group = _GROUP_OF[m.group()]
        add("time", m.start(), m.end(), group, value=COURSE_GROUPS[group][m.group()])
    for m in _CLOCK_TIME.finditer(low):
        add("time", m.start(), m.end(), "clock", value=(int(m.group("hour")), int(m.group("minute") or 0), m.group("half")))
    return facts


def _nearest(drugs: list[lexicon.Mention], position: int) -> str | None:
    before = [d for d in drugs if d.end <= position and position - d.end <= 60]
    if before:
        return before[-1].canonical
    after = [d for d in drugs if d.start >= position and d.start - position <= 25]
    return after[0].canonical if after else None


# ---------------------------------------------------------------------------------------------
# Note index

@dataclass
class NoteIndex:
    """A note's sentences and facts, with lookups by fact key.

    In a dialogue, findings a question asks about take the polarity of the next speaker's yes/no
    answer ("Any fever or chills?" "No." -> fever and chills denied); the question and answer
    sentences are then both evidence for it.
    """

    sentences: list[SentenceSpan]
    facts: list[list[Fact]]
    normalized: list[str]
    evidence_links: dict[int, set[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, note: str) -> NoteIndex:
        reading = read_note(note)
        facts = [extract_facts(s.text, question, norm, terms) for s, question, norm, terms
                 in zip(reading.sentences, reading.questions, reading.normalized, reading.terms)]
        return cls(reading.sentences, facts, [n.text for n in reading.normalized], reading.answers)

    @cached_property
    def by_key(self) -> dict[tuple[str, str], list[tuple[int, Fact]]]:
        """(fact type, key) -> [(sentence index, fact)]; conditions also under their broader concepts."""
        table: dict[tuple[str, str], list[tuple[int, Fact]]] = defaultdict(list)
        for i, facts in enumerate(self.facts):
            for f in facts:
                table[(f.type, f.key)].append((i, f))
                if f.type in ("condition", "procedure"):
                    for broader in lexicon.broader_concepts(f.key):
                        table[(f.type, broader)].append((i, f))
                        table[("condition" if f.type == "procedure" else "procedure", broader)].append((i, f))
        return table

    @cached_property
    def quantities(self) -> list[tuple[int, Fact]]:
        """Every fact carrying a quantity (doses, numbers, durations), with its sentence."""
        return [(i, f) for i, facts in enumerate(self.facts) for f in facts if isinstance(f.value, Quantity)]

    @cached_property
    def body_parts(self) -> set[str]:
        """Body parts the note mentions, with or without a side."""
        return {m.canonical for text in self.normalized for m in lexicon.find_body_parts(text)}

    @cached_property
    def drugs(self) -> set[str]:
        return {f.key for facts in self.facts for f in facts if f.type == "medication"}

    @cached_property
    def full_text(self) -> str:
        return " ".join(self.normalized)

    def linked(self, sentence: int) -> set[int]:
        """The sentence plus the question or answer it pairs with."""
        return {sentence} | self.evidence_links.get(sentence, set())
