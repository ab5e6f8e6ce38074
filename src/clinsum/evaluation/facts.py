"""Typed facts in clinical sentences, and an index of the facts a note states.

A summary sentence is checked fact by fact: each drug, dose, frequency, number, condition,
procedure, side of the body and time expression it states must be found in the note with the same
value. This module extracts those facts (with the polarity of findings under negation scope) and
indexes a note's facts for lookup, including what a patient affirms or denies by answering
"Yes"/"No" to a question in a dialogue transcript.
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
    split_note,
)

FACT_TYPES = ("medication", "dose", "number", "condition", "procedure", "negation", "laterality", "time", "other")

AFFIRMED, NEGATED, ASKED = "affirmed", "negated", "asked"
# A list item after a comma whose negation is unclear ("no chest pain, right ankle swelling"): it agrees
# with either polarity in the note.
UNCERTAIN = "uncertain"


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
# Negation scope

_NEGATION_CUE = re.compile(
    r"\b(?:no evidence of|no history of|no signs? of|negative for|free of|absence of|ruled out|rules out|"
    r"denies|denied|deny|denying|without|never|neither|nor|none|negative|neg|no|not|nothing)\b|n't\b"
    r"|\bnon(?=[\s-])"  # "non-smoker"
)
# "No, I'm using a cream for my eczema": an answer, not a negation of what follows.
_ANSWER_NO = re.compile(r"^\W*(?:no|nope|nah)\s*[,.!]")
# "no change in", "not helping" do not deny what follows.
_PSEUDO_NEGATION = re.compile(
    r"\s*(?:any\s+)?(?:change|improvement|relief|better|worse|increase|decrease|longer able|only|improved|"
    r"relieved|sure|certain|know|remember|recall|resolved|helping|helped|working|worked|able|until|help|"
    r"gotten better|get better|"
    r"go away|gone away|went away|really|much|bad|that bad|too bad|as bad)\b"
)
# "non-small cell", "non-steroidal": names, not negations.
_PSEUDO_NON = re.compile(r"[\s-]*(?:small cell|hodgkin|insulin|steroidal|specific|invasive)\b")
_SCOPE_BREAK = re.compile(
    r"[.;:?!]|\b(?:but|however|although|though|except|exception|aside from|other than|apart from|just|reports?|"
    r"complains?(?: of)?|endorses?|admits?|positive for|presents? with|notes?|states?|says?|feels?|while|whereas|"
    r"which|who|because|since|until|and (?:is|was|has|had|have|does|did)|, (?:has|had|have|is|was|but))\b"
)
_POST_NEGATION = re.compile(
    r"^\W{0,3}(?:(?:was|were|is|are|has been|have been)\s+)?(?:denied|negative|absent)\b"
    r"|^\W{0,3}(?:there (?:is|was|are|were)\s+)?none\b"
)
# "does not report any X": the reporting verb right after a cue does not end its scope.
_REPORTING_VERB = re.compile(r"\s*(?:report|reports|complain|complains|endorse|endorses|admit|admits|note|notes|"
                             r"state|states|feel|feels)\b")
# Of a test, "negative" means a normal result, not that it was not done ("Negative EKG").
_RESULT_CUES = ("negative", "negative for", "neg")


@dataclass(frozen=True)
class NegationScope:
    """The span a negation cue denies, and the cue itself (some cues deny less than others).

    From ``uncertain_from`` on, the scope's items follow a comma in a list that no "or"/"and" closes,
    after a cue such as "no": "no chest pain, right ankle swelling" may or may not deny the swelling.
    """

    start: int
    end: int
    cue: str
    uncertain_from: int | None = None

    def covers(self, text: str, term: lexicon.Term) -> bool:
        """Whether the scope denies ``term``: within a few words of the cue, or further on along a
        list ("denies fever, chills, night sweats or cough"), but not at the end of a long clause
        ("could not figure out what was going on so I had an MRI")."""
        if not (self.start <= term.start and term.end <= self.end):
            return False
        between = text[self.start + len(self.cue): term.start]
        return "," in between or len(between.split()) <= MAX_SCOPE_WORDS


# Words a negation reaches without a list ("no significant history of" is 4).
MAX_SCOPE_WORDS = 6


# Cues that head a list in clinical style, commas and all: "denies fever, chills, night sweats".
_LIST_CUES = frozenset({"denies", "denied", "deny", "denying", "negative for", "no evidence of", "no history of",
                        "no signs of", "no sign of", "free of", "absence of", "neither"})
_CONJUNCTION = re.compile(r"\b(?:or|nor|and)\b")


def _list_scope(text: str, cue: re.Match, end: int) -> tuple[int, int | None]:
    """(end, uncertain_from) of a cue's scope over a list.

    A list closed by a conjunction is denied whole, up to the comma after its last item: "no fever,
    chills or night sweats, right ankle swelling" denies three findings, not the swelling. A list with
    no conjunction is denied whole after "denies" ("denies fever, chills, cough"); after "no" only
    its first item is, the rest is uncertain ("no chest pain, right ankle swelling").
    """
    comma = text.find(",", cue.end(), end)
    if comma < 0:
        return end, None
    conjunction = _CONJUNCTION.search(text, comma, end)
    if conjunction:
        after = text.find(",", conjunction.end(), end)
        return (after if after >= 0 else end), None
    return end, (None if cue.group() in _LIST_CUES else comma)


def negated_spans(text: str) -> list[NegationScope]:
    """Spans of ``text`` (normalised) that a negation cue denies.

    The scope runs from the cue over a list ("denies fever, chills or cough") up to a scope
    breaker ("but", "reports", a full stop, ...); see :func:`_list_scope` for commas.
    """
    spans = []
    answer = _ANSWER_NO.match(text)
    for cue in _NEGATION_CUE.finditer(text):
        pseudo = _PSEUDO_NON if cue.group() == "non" else _PSEUDO_NEGATION
        if pseudo.match(text, cue.end()) or answer and cue.start() < answer.end():
            continue
        verb = _REPORTING_VERB.match(text, cue.end())
        stop = _SCOPE_BREAK.search(text, verb.end() if verb else cue.end())
        end, uncertain_from = _list_scope(text, cue, stop.start() if stop else len(text))
        spans.append(NegationScope(cue.start(), end, cue.group(), uncertain_from))
    return spans


def _polarity(text: str, term: lexicon.Term, scopes: list[NegationScope]) -> str:
    """Denied when a cue's scope covers the term, a cue follows it ("fever was denied"), or the word
    denies itself ("afebrile"; inside a scope too: "no productive or nonproductive cough")."""
    covering = [s for s in scopes if s.covers(text, term)]
    if term.kind == "procedure":
        covering = [s for s in covering if s.cue not in _RESULT_CUES]
    if term.negated or _POST_NEGATION.match(text[term.end: term.end + 30]):
        return NEGATED
    if any(s.uncertain_from is None or term.start < s.uncertain_from for s in covering):
        return NEGATED
    return UNCERTAIN if covering else AFFIRMED


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


# Where the interrogative part of a question starts: "Before I treat your eczema, | are you allergic...?"
# ("any" starts no new clause mid-sentence: "Any fever, cough, or any cold symptoms?" is one list.)
_QUESTION_OPENER = re.compile(
    r"(?:^|[,;:]\s*)(?:(?:and|so|or|but|also|now|okay|well)\s+)*(?:do|does|did|are|is|was|were|have|has|had|"
    r"how about|what about|can|could|how|when|where|what|which|who)\b"
)


def is_question(text: str) -> bool:
    """A question, with or without its question mark ("Or drink or have ever used any drugs.")."""
    stripped = text.strip()
    return stripped.endswith("?") or bool(re.match(
        r"(?:(?:and|or|so|also)\s+)?(?:do|does|did|are|is|have|has|any|can|could|were|was|how about|what about)\b",
        stripped, re.IGNORECASE))


def extract_facts(text: str, question: bool | None = None, norm: Normalized | None = None) -> list[Fact]:
    """Typed facts in one sentence; offsets and ``text`` refer to ``text`` as given.

    In a question (``question`` true, or the sentence ends with "?") findings in its interrogative
    clause get polarity ``asked``: the question neither affirms nor denies them; the answer may.
    ``norm`` is ``normalize(text)`` when the caller already has it.
    """
    norm = norm or normalize(text)
    low = norm.text
    if question is None:
        question = text.rstrip().endswith("?")
    asked_from = max((m.start() for m in _QUESTION_OPENER.finditer(low)), default=0) if question else len(low)
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

    scopes = negated_spans(low)
    terms = lexicon.find_terms(low)
    for t in terms:
        polarity = ASKED if t.start >= asked_from else _polarity(low, t, scopes)
        add("procedure" if t.kind == "procedure" else "condition", t.start, t.end, t.concept, value=t.kind,
            polarity=polarity)

    for start, end, side, part in _side_attachments(low, lexicon.find_body_parts(low)):
        add("laterality", start, end, part, value=side)

    for start, end, date in _dates(low):
        add("time", start, end, "date", value=date)
    for m in _RELATIVE_TIME.finditer(low):
        add("time", m.start(), m.end(), "relative", value=_relative_time_bucket(m.group()))
    term_spans = [(t.start, t.end) for t in terms]
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

# Clear answers apply to everything asked; weak ones ("I have a drink now and then") only when the
# answer names none of the things asked about.
_NO_ANSWER = re.compile(r"^(?:um,? |uh,? |oh,? |well,? )?(?:no|nope|nah|negative|never|none|nothing|not really|not at all)\b")
_YES_ANSWER = re.compile(
    r"^(?:um,? |uh,? |oh,? |well,? )?(?:yes|yeah|yep|yup|yea|ya|sure|correct|definitely|absolutely|uh huh|mm hmm)\b")
_WEAK_NO_ANSWER = re.compile(
    r"^(?:not that i know|i don't|i do not|i haven't|i have not|i didn't|i did not|i'm not|i am not|"
    r"(?:he|she) (?:doesn't|does not|hasn't|has not|didn't|did not))\b")
_WEAK_YES_ANSWER = re.compile(
    r"^(?:i do|i have|i did|sometimes|a little|a bit|kind of|kinda|occasionally|(?:he|she) (?:does|has|did))\b")


def answer_polarity(reply: str, names_asked: bool) -> str | None:
    """Polarity a reply gives to what was asked, None when it is not a yes/no answer."""
    if _NO_ANSWER.match(reply) or not names_asked and _WEAK_NO_ANSWER.match(reply):
        return NEGATED
    if _YES_ANSWER.match(reply) or not names_asked and _WEAK_YES_ANSWER.match(reply):
        return AFFIRMED
    return None


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
        sentences = split_note(note)
        norms = [normalize(s.text) for s in sentences]
        normalized = [n.text for n in norms]
        facts = [extract_facts(s.text, cls._asks(sentences, normalized, i), norms[i]) for i, s in enumerate(sentences)]
        index = cls(sentences, facts, normalized)
        index._resolve_answers()
        return index

    @staticmethod
    def _answer_to(sentences: list[SentenceSpan], i: int) -> int | None:
        """The first sentence of the next speaker's turn, if the next turn is another speaker's."""
        nxt = next((j for j in range(i + 1, len(sentences)) if sentences[j].turn != sentences[i].turn), None)
        if nxt is None or sentences[nxt].speaker in (None, sentences[i].speaker):
            return None
        return nxt

    @classmethod
    def _asks(cls, sentences: list[SentenceSpan], normalized: list[str], i: int) -> bool:
        """A question, or a question cut off mid-way that the next speaker answers with yes or no
        ("Tremors or loss of sensation like paralysis or-" "No.")."""
        if is_question(sentences[i].text):
            return True
        answer = cls._answer_to(sentences, i)
        cut_off = re.search(r"(?:-|\.\.\.|…|\bor)\s*$", sentences[i].text)
        return bool(cut_off) and answer is not None and answer_polarity(normalized[answer], False) is not None

    def _resolve_answers(self) -> None:
        """Give asked findings the polarity of the answer in the next turn."""
        for i, sentence in enumerate(self.sentences):
            asked = [f for f in self.facts[i] if f.polarity == ASKED]
            answer = self._answer_to(self.sentences, i) if asked else None
            if answer is None:
                continue
            # What the answer says about a concept itself wins ("Headaches?" "No headache.").
            answered = {f.key: f.polarity for f in self.facts[answer] if f.type in ("condition", "procedure")}
            polarity = answer_polarity(self.normalized[answer], bool(answered.keys() & {f.key for f in asked}))
            if polarity == AFFIRMED and negated_spans(self.normalized[i]):
                polarity = None  # "No fever?" "Yes." is ambiguous
            resolved = [f for f in asked if answered.get(f.key, polarity) not in (None, ASKED)]
            for f in resolved:
                f.polarity = answered.get(f.key, polarity)
            if not resolved:
                continue
            self.evidence_links.setdefault(i, set()).add(answer)
            self.evidence_links.setdefault(answer, set()).add(i)

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
