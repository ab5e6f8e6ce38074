"""One reader of notes: what each sentence affirms, denies or asks about the conditions, findings and
procedures it names.

A term is denied when a negation cue's scope covers it ("denies fever, chills or cough"), a cue follows
it ("fever was denied") or the word denies itself ("afebrile"); in a dialogue, what a question asks
takes the polarity of the other speaker's yes/no answer ("Any fever?" "No."). The faithfulness checker
reads notes and summaries with the default :class:`NegationPolicy`; the hard-negative generator reads
notes with a lenient one (a cue reaches further, a few more words are cues) and its own use of the
polarities, so that it errs on the side of calling an edit supported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from clinsum.text import lexicon
from clinsum.text.normalize import Normalized, SentenceSpan, normalize, split_note

AFFIRMED, NEGATED, ASKED = "affirmed", "negated", "asked"
# A list item after a comma whose negation is unclear ("no chest pain, right ankle swelling"): it agrees
# with either polarity in the note.
UNCERTAIN = "uncertain"


@dataclass(frozen=True)
class NegationPolicy:
    """How far a negation cue reaches, and which words besides the shared cues deny what follows."""

    max_scope_words: int = 6  # words a negation reaches without a list ("no significant history of" is 4)
    extra_cues: tuple[str, ...] = ()


CHECKER = NegationPolicy()

# ---------------------------------------------------------------------------------------------
# Negation scope

_NEGATION_CUE = re.compile(
    r"\b(?:no evidence of|no history of|no signs? of|negative for|free of|absence of|ruled out|rules out|"
    r"denies|denied|deny|denying|without|never|neither|nor|none|negative|neg|no|not|nothing)\b|n't\b"
    r"|\bnon(?=[\s-])"  # "non-smoker"
)


@cache
def cue_pattern(policy: NegationPolicy = CHECKER) -> re.Pattern:
    """Negation cues in normalised (lowercase) text: the shared ones, then the policy's extra ones."""
    if not policy.extra_cues:
        return _NEGATION_CUE
    extra = "|".join(map(re.escape, sorted(policy.extra_cues, key=len, reverse=True)))
    return re.compile(rf"{_NEGATION_CUE.pattern}|\b(?:{extra})\b")


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
    max_words: int = CHECKER.max_scope_words

    def covers(self, text: str, term: lexicon.Term) -> bool:
        """Whether the scope denies ``term``: within a few words of the cue, or further on along a
        list ("denies fever, chills, night sweats or cough"), but not at the end of a long clause
        ("could not figure out what was going on so I had an MRI")."""
        if not (self.start <= term.start and term.end <= self.end):
            return False
        between = text[self.start + len(self.cue): term.start]
        return "," in between or len(between.split()) <= self.max_words


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


def negated_spans(text: str, policy: NegationPolicy = CHECKER) -> list[NegationScope]:
    """Spans of ``text`` (normalised) that a negation cue denies.

    The scope runs from the cue over a list ("denies fever, chills or cough") up to a scope
    breaker ("but", "reports", a full stop, ...); see :func:`_list_scope` for commas.
    """
    spans = []
    answer = _ANSWER_NO.match(text)
    for cue in cue_pattern(policy).finditer(text):
        pseudo = _PSEUDO_NON if cue.group() == "non" else _PSEUDO_NEGATION
        if pseudo.match(text, cue.end()) or answer and cue.start() < answer.end():
            continue
        verb = _REPORTING_VERB.match(text, cue.end())
        stop = _SCOPE_BREAK.search(text, verb.end() if verb else cue.end())
        end, uncertain_from = _list_scope(text, cue, stop.start() if stop else len(text))
        spans.append(NegationScope(cue.start(), end, cue.group(), uncertain_from, policy.max_scope_words))
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
# Questions and answers

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


def question_start(low: str, question: bool) -> int:
    """Where the interrogative clause of a (normalised) sentence starts; its length when it asks nothing."""
    return max((m.start() for m in _QUESTION_OPENER.finditer(low)), default=0) if question else len(low)


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


# ---------------------------------------------------------------------------------------------
# Reading a sentence, and a note


@dataclass
class PolarTerm:
    """A term of a sentence and what the sentence (or, for a question, its answer) says about it."""

    term: lexicon.Term
    polarity: str


def read_terms(low: str, question: bool, policy: NegationPolicy = CHECKER) -> list[PolarTerm]:
    """The terms of one normalised sentence with their polarity: ``asked`` in a question's interrogative
    clause (the question neither affirms nor denies them; its answer may), else by negation scope."""
    asked_from = question_start(low, question)
    scopes = negated_spans(low, policy)
    return [PolarTerm(t, ASKED if t.start >= asked_from else _polarity(low, t, scopes))
            for t in lexicon.find_terms(low)]


@dataclass
class NoteReading:
    """A note's sentences (as split, and normalised) and the polarity of every term they name.

    In a dialogue, terms a question asks about take the polarity of the next speaker's yes/no answer
    ("Any fever or chills?" "No." -> fever and chills denied); ``answers`` links such a question and its
    answer, both evidence for what was resolved.
    """

    sentences: list[SentenceSpan]
    normalized: list[Normalized]
    questions: list[bool]
    terms: list[list[PolarTerm]]
    answers: dict[int, set[int]] = field(default_factory=dict)


def read_note(note: str, policy: NegationPolicy = CHECKER) -> NoteReading:
    sentences = split_note(note)
    norms = [normalize(s.text) for s in sentences]
    low = [n.text for n in norms]
    questions = [_asks(sentences, low, i) for i in range(len(sentences))]
    reading = NoteReading(sentences, norms, questions,
                          [read_terms(text, question, policy) for text, question in zip(low, questions)])
    _resolve_answers(reading, policy)
    return reading


def answer_to(sentences: list[SentenceSpan], i: int) -> int | None:
    """The first sentence of the next speaker's turn, if the next turn is another speaker's."""
    nxt = next((j for j in range(i + 1, len(sentences)) if sentences[j].turn != sentences[i].turn), None)
    if nxt is None or sentences[nxt].speaker in (None, sentences[i].speaker):
        return None
    return nxt


def _asks(sentences: list[SentenceSpan], low: list[str], i: int) -> bool:
    """A question, or a question cut off mid-way that the next speaker answers with yes or no
    ("Tremors or loss of sensation like paralysis or-" "No.")."""
    if is_question(sentences[i].text):
        return True
    answer = answer_to(sentences, i)
    cut_off = re.search(r"(?:-|\.\.\.|…|\bor)\s*$", sentences[i].text)
    return bool(cut_off) and answer is not None and answer_polarity(low[answer], False) is not None


def _resolve_answers(reading: NoteReading, policy: NegationPolicy) -> None:
    """Give asked terms the polarity of the answer in the next turn."""
    for i, terms in enumerate(reading.terms):
        asked = [t for t in terms if t.polarity == ASKED]
        answer = answer_to(reading.sentences, i) if asked else None
        if answer is None:
            continue
        # What the answer says about a concept itself wins ("Headaches?" "No headache.").
        answered = {t.term.concept: t.polarity for t in reading.terms[answer]}
        names_asked = bool(answered.keys() & {t.term.concept for t in asked})
        polarity = answer_polarity(reading.normalized[answer].text, names_asked)
        if polarity == AFFIRMED and negated_spans(reading.normalized[i].text, policy):
            polarity = None  # "No fever?" "Yes." is ambiguous
        resolved = [t for t in asked if answered.get(t.term.concept, polarity) not in (None, ASKED)]
        for t in resolved:
            t.polarity = answered.get(t.term.concept, polarity)
        if not resolved:
            continue
        reading.answers.setdefault(i, set()).add(answer)
        reading.answers.setdefault(answer, set()).add(i)
