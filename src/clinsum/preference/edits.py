"""One-fact edits: (prompt, chosen, rejected) triplets whose rejected summary is a *hard negative*.

A hard negative reads like the real summary but makes exactly one claim the note does not support,
so DPO learns *which fact* must not be invented instead of how to spot garbled text. Strategies only
propose small edits of the real summary, each with the claim it introduces; one shared verifier keeps
an edit when it changes the text, stays close to the original in length and wording, and its claim is
absent from the note. The note is compared in normalised form (number words vs digits, brand vs
generic drug names, synonyms and broader concepts, negation), so swapping in a drug the note names
elsewhere, or a number the note states for the same unit, is not mistaken for a hallucination.
"""

from __future__ import annotations

import difflib
import itertools
import random
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Callable, Iterator

from clinsum.data.dataset import DataError, Example, select_factual, strip_evidence_markers
from clinsum.data.triplets import Triplet
from clinsum.preference.config import (
    AFFIRMED_TO_DENIED, DENIED_TO_AFFIRMED, GENERATED, HALLUCINATED_LABEL, LABELLED, NegativesConfig, NegativesReport,
)
from clinsum.text import lexicon
from clinsum.text.normalize import DRUG_UNITS, UNITS, Quantity, extract_quantities, normalize_text
from clinsum.text.reader import NEGATED, UNCERTAIN, NegationPolicy, cue_pattern, read_note


# ---------------------------------------------------------------------------------------------
# Edits and the claims they introduce

@dataclass(frozen=True)
class Edit:
    """Replace ``summary[start:end]`` by ``replacement``. ``claim`` is the one fact the edit introduces,
    checked against the note: ("drug", generic), ("quantity", Quantity), ("frequency", canonical),
    ("concept", concept), ("asserted", concept), ("negated", concept), ("side", side, body part or None)
    or ("phrase", text)."""

    start: int
    end: int
    replacement: str
    claim: tuple

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end:]

    def modification(self, text: str) -> dict:
        change = {"original": text[self.start: self.end], "replacement": self.replacement, "start": self.start}
        direction = self.negation_direction
        return {**change, "direction": direction} if direction else change

    @property
    def negation_direction(self) -> str | None:
        """For a negation flip: which side denies (an "asserted" claim undoes a denial of the chosen summary)."""
        return {"asserted": DENIED_TO_AFFIRMED, "negated": AFFIRMED_TO_DENIED}.get(self.claim[0])


# The note reader's lenient use: a cue reaches 12 words, and a few more words are cues (a symptom that
# "resolved"; dialogue replies "nope", "nah").
LENIENT = NegationPolicy(max_scope_words=12, extra_cues=("absent", "resolved", "nope", "nah"))


def _word_pattern(phrase: str) -> re.Pattern:
    return re.compile(r"(?<![\w.])" + re.escape(phrase) + r"(?![\w])", re.IGNORECASE)


class NoteFacts:
    """What a note states, in comparable form, built once per note.

    Negation is the note reader's (:mod:`clinsum.text.reader`, with the :data:`LENIENT` policy): a mention
    is *surely* negated when the reader denies it, and *possibly* negated when the reader denies it, finds it
    uncertain, or a cue occurs anywhere in its sentence. A claim that something is present is supported
    unless every mention is surely negated; a claim that it is absent is supported by any possibly negated
    mention. Both err on the side of calling an edit supported, so a kept negative really is unsupported.
    """

    def __init__(self, note: str):
        self.text = normalize_text(note)
        self.drugs = {part for m in lexicon.find_drugs(note) for part in (m.canonical, *m.canonical.split("/"))}
        self.quantities = extract_quantities(note)
        self.frequencies = {m.canonical for m in lexicon.find_frequencies(note)}
        reading = read_note(note, LENIENT)
        self.sentences = [n.text for n in reading.normalized]  # "w/o fever" -> "without fever"
        self.mentions: list[tuple[str, bool, bool]] = []  # (concept, surely negated, possibly negated)
        for text, terms in zip(self.sentences, reading.terms):
            cue = bool(cue_pattern(LENIENT).search(text))
            for t in terms:
                surely = t.polarity == NEGATED
                self.mentions.append((t.term.concept, surely, surely or cue or t.polarity == UNCERTAIN))

    def _matching(self, concept: str):
        return [m for m in self.mentions if m[0] == concept or concept in lexicon.broader_concepts(m[0])]

    def supports(self, claim: tuple) -> bool:
        """Whether the note states the claim (or something that makes it true)."""
        kind, *args = claim
        if kind == "drug":
            return args[0] in self.drugs
        if kind == "quantity":
            return any(args[0].same_amount(q) for q in self.quantities)
        if kind == "frequency":
            return args[0] in self.frequencies
        if kind == "concept":
            return bool(self._matching(args[0]))
        if kind == "asserted":
            return any(not surely for _, surely, _ in self._matching(args[0]))
        if kind == "negated":
            return any(possibly for _, _, possibly in self._matching(args[0]))
        if kind == "side":
            side, part = args
            return any(_word_pattern(side).search(s) and (part is None or any(
                p.canonical == part for p in lexicon.find_body_parts(s))) for s in self.sentences)
        if kind == "phrase":
            return bool(_word_pattern(normalize_text(args[0])).search(self.text))
        raise ValueError(f"unknown claim kind {kind!r}")


# ---------------------------------------------------------------------------------------------
# Strategies: each proposes candidate edits of the summary, most plausible first; the verifier
# decides. They never look at the note, so what counts as "unsupported" is decided in one place.

_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_FUNCTION_WORDS = frozenset({"of", "and", "the", "in", "to", "with"})
_TOKENS = re.compile(r"\w+|[^\w\s]")


def _shuffled(items, rng: random.Random) -> list:
    items = list(items)
    rng.shuffle(items)
    return items


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:\n"


def _cased(text: str, pos: int, original: str, replacement: str) -> str:
    """Capitalise the replacement where the original started a sentence with a capital."""
    if replacement and original[:1].isupper() and _sentence_initial(text, pos):
        return replacement[0].upper() + replacement[1:]
    return replacement


def _plain(term: str) -> bool:
    """Terms that read naturally in lowercase (no acronyms like "ct", "hiv", "acl")."""
    words = re.findall(r"[\w']+", term)
    return all(w.isalpha() and (len(w) >= 4 or w in _FUNCTION_WORDS) for w in words)


def _format_like(value: float, like: str) -> str:
    """Shortest form of ``value``, keeping trailing zeros the original wrote ("7.0" -> "8.0")."""
    shortest = f"{value:.4f}".rstrip("0").rstrip(".")
    places = len(shortest.split(".")[1]) if "." in shortest else 0
    if "." in like and like.endswith("0"):
        places = max(places, len(like.split(".")[1]))
    return f"{value:.{places}f}"


def _quantity_edit(q: Quantity, new_text: str) -> Edit | None:
    found = extract_quantities(new_text)
    return Edit(q.start, q.end, new_text, ("quantity", found[0])) if found else None


def _agreeing(rest: str, number: str) -> str:
    """Make the unit word after a new number agree with it ("1 week" -> "2 weeks"), for unit words
    the shared unit table lists in both forms (so "mg" never becomes "mgs")."""
    m = re.match(r"(\s+)([A-Za-z]+)\b", rest)
    if not m:
        return rest
    word = m.group(2)
    singular, plural = (word[:-1], word) if word.lower().endswith("s") else (word, word + "s")
    if UNITS.get(singular.lower()) is None or UNITS.get(singular.lower()) != UNITS.get(plural.lower()):
        return rest
    return m.group(1) + (singular if float(number) == 1 else plural) + rest[m.end():]


def _renumbered(q: Quantity, value: float) -> str:
    number = _DIGITS.search(q.text)
    new = _format_like(value, number.group())
    return q.text[: number.start()] + new + _agreeing(q.text[number.end():], new)


def _is_enumerator(summary: str, q: Quantity) -> bool:
    """List numbers ("1.  Gastroenteritis. 2.  Autism.") are not facts."""
    return bool(re.match(r"[.)]\s", summary[q.end: q.end + 2])) and _sentence_initial(summary, q.start)


def _is_clock_time(summary: str, q: Quantity) -> bool:
    return bool(re.match(r"\s*[ap]\.?m\b", summary[q.end: q.end + 6], re.IGNORECASE))


def _digit_quantities(summary: str) -> list[Quantity]:
    """Numbers written in digits that state a fact: not list numbers, clock times or the "8" of
    "every 8 hours" (a frequency, which dose_change edits as a whole)."""
    frequencies = [(f.start, f.end) for f in lexicon.find_frequencies(summary)]
    return [q for q in extract_quantities(summary) if _DIGITS.search(q.text)
            and not _is_enumerator(summary, q) and not _is_clock_time(summary, q)
            and not any(s < q.end and q.start < e for s, e in frequencies)]


def _medication_swap(summary: str, rng: random.Random) -> Iterator[Edit]:
    """A drug of the same class first (the likeliest confusion), then any other common drug."""
    for m in _shuffled(lexicon.find_drugs(summary), rng):
        # A combination ("hydrocodone/acetaminophen") takes the class of its first classed component.
        cls = next(filter(None, map(lexicon.drug_class, [m.canonical, *m.canonical.split("/")])), None)
        same = [d for d in (lexicon.drugs_in_class(cls) if cls else []) if d != m.canonical]
        other = [d for d in lexicon.common_drugs() if d != m.canonical and d not in same]
        for drug in _shuffled(same, rng) + _shuffled(other, rng):
            yield Edit(m.start, m.end, _cased(summary, m.start, m.text, drug), ("drug", drug))


_DOSE_FACTORS = (10, 2, 0.5, 0.1)


def _dose_change(summary: str, rng: random.Random) -> Iterator[Edit]:
    """50 mg -> 500 mg; a dosing frequency next to a drug or dose -> another frequency."""
    doses = [q for q in _digit_quantities(summary) if q.unit in DRUG_UNITS]
    anchors = [m.end for m in lexicon.find_drugs(summary)] + [q.end for q in doses]
    frequencies = [f for f in lexicon.find_frequencies(summary)
                   if any(0 <= f.start - end <= 40 and "." not in summary[end: f.start] for end in anchors)]
    targets = [_scaled_doses(q, rng) for q in doses] + [_other_frequencies(f, rng) for f in frequencies]
    for edits in _shuffled(targets, rng):
        yield from edits


def _scaled_doses(q: Quantity, rng: random.Random) -> Iterator[Edit]:
    number = float(_DIGITS.search(q.text).group().replace(",", ""))
    for factor in _shuffled(_DOSE_FACTORS, rng):
        edit = _quantity_edit(q, _renumbered(q, number * factor))
        if edit:
            yield edit


def _other_frequencies(mention: lexicon.Mention, rng: random.Random) -> Iterator[Edit]:
    for freq in _shuffled(sorted(set(lexicon.frequencies().values()) - {mention.canonical}), rng):
        yield Edit(mention.start, mention.end, freq, ("frequency", freq))


def _nearby(number: str, rng: random.Random) -> list[float]:
    """Distinct positive numbers one or two steps (10-25%, at least one unit of the last digit; a few
    years for a year) away."""
    value = float(number.replace(",", ""))
    decimals = len(number.split(".")[1]) if "." in number else 0
    if re.fullmatch(r"(?:19|20)\d\d", number):
        step = rng.randint(1, 3)
    else:
        step = max(10 ** -decimals, round(abs(value) * rng.uniform(0.1, 0.25), decimals))
    return _shuffled(sorted({round(value + k * step, decimals) for k in (-2, -1, 1, 2)} - {value}
                            - {v for v in [value - step, value - 2 * step] if v <= 0}), rng)


def _number_change(summary: str, rng: random.Random) -> Iterator[Edit]:
    """Ages, vitals, lab values, durations: a nearby but different number, in the same format."""
    named = [(m.start, m.end) for m in [*lexicon.find_drugs(summary), *lexicon.find_terms(summary)]]
    numbers = [q for q in _digit_quantities(summary) if q.unit not in DRUG_UNITS
               and not any(s < q.end and q.start < e for s, e in named)]  # "type 2 diabetes"
    for q in _shuffled(numbers, rng):
        for value in _nearby(_DIGITS.search(q.text).group(), rng):
            edit = _quantity_edit(q, _renumbered(q, value))
            if edit:
                yield edit


# Negation cue -> its opposite. A few words may sit between cue and term ("no history of diabetes");
# "any" is dropped when flipping ("denies any pain" -> "reports pain").
_NEGATIVE_FLIPS = {"denies": "reports", "denied": "reported", "denying": "reporting", "no": "",
                   "without": "with", "negative for": "positive for"}
_AFFIRMATIVE_FLIPS = {"reports": "denies", "reported": "denied", "complains of": "denies",
                      "complained of": "denied", "with": "without", "positive for": "negative for",
                      "has": "has no", "had": "had no"}
_MAX_GAP = 3
_GAP_WORDS = frozenset({"any", "a", "an", "history", "of", "evidence", "signs", "sign", "further", "new", "recent",
                        "more", "significant", "prior", "known"})
_LIST_SEPARATOR = re.compile(r"\s*(?:(,)\s*(?:(and|or|nor)\s+)?|\s+(and|or|nor)\s+)", re.IGNORECASE)
# Words that start a new clause after a comma or "and" rather than another list item.
_CLAUSE_WORDS = frozenset({"but", "however", "although", "though", "which", "who", "that", "he", "she", "they",
                           "it", "is", "was", "has", "had", "will", "with", "without", "and", "or", "the"})


@cache
def _flip_pattern() -> re.Pattern:
    cues = sorted({*_NEGATIVE_FLIPS, *_AFFIRMATIVE_FLIPS}, key=len, reverse=True)
    # The greedy ".*" makes the cue the one nearest the term ("with no fever" flips "no").
    return re.compile(rf"(?s).*(?<![\w'])(?P<cue>{'|'.join(map(re.escape, cues))})\s+"
                      rf"(?P<gap>(?:[\w'-]+\s+){{0,{_MAX_GAP}}})$", re.IGNORECASE)


def _list_continues(summary: str, end: int, term_starts: set[int]) -> int | None:
    """Start of the next item when the term at ``end`` is followed by more of a list."""
    m = _LIST_SEPARATOR.match(summary, end)
    if not m:
        return None
    word = re.match(r"[a-z']+", summary[m.end():], re.IGNORECASE)
    if not word or word.group().lower() in _CLAUSE_WORDS:
        return None
    if (m.group(3) or "").lower() == "and" and m.end() not in term_starts:
        return None  # "denies pain and was discharged"
    return m.end()


def _flip_cue(summary: str, term, term_starts: set[int]) -> Edit | None:
    """Flip the cue right before one term; None when there is no flippable cue next to it."""
    m = _flip_pattern().match(summary, 0, term.start)
    if not m or any(w.lower() not in _GAP_WORDS for w in m.group("gap").split()):
        return None
    if any(m.end("cue") < s < term.start for s in term_starts):
        return None  # the term is not the first item after the cue
    if cue_pattern(LENIENT).search(f"{summary[max(0, m.start('cue') - 12): m.start('cue')]} {m.group('gap')}".lower()):
        return None  # a second negation ("has not had fever") would make the flip ambiguous
    cue = m.group("cue").lower()
    negative = cue in _NEGATIVE_FLIPS
    gap = " ".join(w for w in m.group("gap").split() if w.lower() != "any")
    if gap and not negative and cue != "with":
        return None  # "has a history of X" -> "has no a history of X" would not read
    head = " ".join(p for p in (_NEGATIVE_FLIPS[cue] if negative else _AFFIRMATIVE_FLIPS[cue], gap, term.text) if p)
    nxt = _list_continues(summary, term.end, term_starts)
    end, replacement = (nxt, f"{head} and {cue} ") if nxt else (term.end, head)
    return Edit(m.start("cue"), end, _cased(summary, m.start("cue"), m.group("cue"), replacement),
                ("asserted" if negative else "negated", term.concept))


def _unnegated(summary: str, term) -> Edit | None:
    """"afebrile" -> "febrile": a word that denies a finding by itself, without its negating prefix."""
    for prefix in ("non-", "non", "a"):
        rest = term.text[len(prefix):]
        if term.text.lower().startswith(prefix) and lexicon.concept_of(rest) == term.concept:
            return Edit(term.start, term.end, _cased(summary, term.start, term.text, rest),
                        ("asserted", term.concept))
    return None


def _negation_flip(summary: str, rng: random.Random) -> Iterator[Edit]:
    """Flip the polarity of one finding or condition: "denies chest pain" <-> "reports chest pain".

    In a list only the first item flips and the rest keep their polarity: "denies fever and chills"
    -> "reports fever and denies chills".
    """
    terms = [t for t in lexicon.find_terms(summary) if t.kind in ("finding", "condition")]
    starts = {t.start for t in terms}
    edits = [_unnegated(summary, t) if t.negated else _flip_cue(summary, t, starts) for t in terms]
    yield from _shuffled([e for e in edits if e], rng)


@cache
def _side_pattern() -> re.Pattern:
    sides = sorted(lexicon.laterality_swap(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sides)) + r")(?![\w-])", re.IGNORECASE)


def _laterality_swap(summary: str, rng: random.Random) -> Iterator[Edit]:
    """left <-> right (bilateral <-> unilateral) when it names a side of the body, not "right away"."""
    parts = lexicon.find_body_parts(summary)
    edits = []
    for m in _side_pattern().finditer(summary):
        part = next((p for p in parts if 0 <= p.start - m.end() <= 25
                     and not re.search(r"[.,;:]", summary[m.end(): p.start])), None)
        if part is None and not re.search(r"\bthe\s+$", summary[: m.start()], re.IGNORECASE):
            continue
        new = _cased(summary, m.start(), m.group(), lexicon.laterality_swap()[m.group().lower()])
        edits.append(Edit(m.start(), m.end(), new, ("side", new.lower(), part.canonical if part else None)))
    yield from _shuffled(edits, rng)


_NEAR = 10


def _condition_swap(summary: str, rng: random.Random) -> Iterator[Edit]:
    """A condition the summary names -> an unrelated one (not a broader or narrower form of it).

    Only names that are nouns are replaced: the concept itself or a multi-word synonym ("heart
    disease"), not one-word forms such as "diabetic" or "smokes" that a disease name cannot stand in for.
    """
    conditions = lexicon.conditions()
    targets = [t for t in lexicon.find_terms(summary) if t.kind == "condition" and not t.negated
               and (" " in t.text.strip() or lexicon.phrase_key(t.text) in conditions
                    or lexicon.phrase_key(t.text).removesuffix("s") in conditions)]
    for t in _shuffled(targets, rng):
        related = {t.concept, *lexicon.broader_concepts(t.concept)}
        options = [c for c in conditions
                   if c not in related and t.concept not in lexicon.broader_concepts(c) and _plain(c)]
        # The lexicon lists conditions by organ system, so near neighbours are the likeliest confusions.
        position = conditions.index(t.concept) if t.concept in conditions else 0
        options.sort(key=lambda c: abs(conditions.index(c) - position))
        for condition in _shuffled(options[:_NEAR], rng) + _shuffled(options[_NEAR:], rng):
            yield Edit(t.start, t.end, _cased(summary, t.start, t.text, condition), ("concept", condition))


# Temporal words the lexicon does not carry: duration units and interchangeable time expressions.
_TIME_UNITS = ("minute", "hour", "day", "week", "month", "year")
_TIME_UNIT_WORD = re.compile(r"\b(minute|hour|day|week|month|year)(s?)\b", re.IGNORECASE)
_TIME_GROUPS = (
    ("yesterday", "last night", "this morning", "last week", "last month", "last year"),
    ("acute", "subacute", "chronic"),
    ("sudden", "gradual"),
    ("intermittent", "constant"),
    ("a.m.", "p.m."),
)


def _temporal_change(summary: str, rng: random.Random) -> Iterator[Edit]:
    """3 days -> 3 weeks, yesterday -> last week, acute -> chronic, 11 a.m. -> 11 p.m."""
    targets = []
    for q in _digit_quantities(summary):
        unit = _TIME_UNIT_WORD.search(q.text)
        age = "old" in q.text.lower() or re.match(r"[\s-]*old\b", summary[q.end:], re.IGNORECASE)
        if unit and q.unit in ("minutes", "hours", "days", "months", "years") and not age:
            targets.append(_other_durations(q, unit, rng))
    for group in _TIME_GROUPS:
        for phrase in group:
            targets += [_other_phrases(summary, m, group, rng) for m in _word_pattern(phrase).finditer(summary)]
    for edits in _shuffled(targets, rng):
        yield from edits


def _other_durations(q: Quantity, unit: re.Match, rng: random.Random) -> Iterator[Edit]:
    """The neighbouring units first: "3 days" -> "3 weeks" or "3 hours" before "3 years"."""
    index = _TIME_UNITS.index(unit.group(1).lower())
    others = sorted(_shuffled([u for u in _TIME_UNITS if u != unit.group(1).lower()], rng),
                    key=lambda u: abs(_TIME_UNITS.index(u) - index))
    for other in others:
        edit = _quantity_edit(q, q.text[: unit.start()] + other + unit.group(2) + q.text[unit.end():])
        if edit:
            yield edit


def _other_phrases(summary: str, m: re.Match, group: tuple[str, ...], rng: random.Random) -> Iterator[Edit]:
    for other in _shuffled([p for p in group if p != m.group().lower()], rng):
        yield Edit(m.start(), m.end(), _cased(summary, m.start(), m.group(), other), ("phrase", other))


def _subject(summary: str) -> str:
    if re.search(r"\b(?:she|her)\b", summary, re.IGNORECASE):
        return "She"
    if re.search(r"\b(?:he|his|him)\b", summary, re.IGNORECASE):
        return "He"
    return "The patient"


def _fabrication(summary: str, rng: random.Random) -> Iterator[Edit]:
    """One added sentence with a finding, medication or procedure, taking turns between the three."""
    subject = _subject(summary)
    sep = " " if summary.rstrip()[-1:] in ".!?" else ". "
    pools = [
        ([f for f in lexicon.findings() if _plain(f)], "{} also reports {}.", "concept"),
        ([d for d in lexicon.common_drugs() if _plain(d)], "{} is also taking {}.", "drug"),
        ([p for p in lexicon.procedures() if _plain(p)], "{} also underwent {}.", "concept"),
    ]
    shuffled = [(_shuffled(terms, rng), template, kind) for terms, template, kind in pools]
    for i in itertools.count():
        rounds = [(terms[i], template, kind) for terms, template, kind in shuffled if i < len(terms)]
        if not rounds:
            return
        for term, template, kind in _shuffled(rounds, rng):
            yield Edit(len(summary), len(summary), sep + template.format(subject, term), (kind, term))


STRATEGY_FUNCTIONS: dict[str, Callable[[str, random.Random], Iterator[Edit]]] = {
    "medication_swap": _medication_swap,
    "dose_change": _dose_change,
    "number_change": _number_change,
    "negation_flip": _negation_flip,
    "laterality_swap": _laterality_swap,
    "condition_swap": _condition_swap,
    "temporal_change": _temporal_change,
    "fabrication": _fabrication,
}


# ---------------------------------------------------------------------------------------------
# Verification and assembly

def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text.lower())


def within_length_ratio(a: str, b: str, ratio: float) -> bool:
    """The longer text has at most ``ratio`` times the tokens of the shorter one."""
    n, m = len(_tokens(a)), len(_tokens(b))
    return max(n, m) <= ratio * max(1, min(n, m))


def check_edit(chosen: str, edit: Edit, facts: NoteFacts, config: NegativesConfig) -> str | None:
    """Why the edit is not a usable hard negative (a DROP_REASONS entry), or None when it is."""
    rejected = edit.apply(chosen)
    if rejected == chosen:
        return "unchanged"
    if not within_length_ratio(chosen, rejected, config.max_length_ratio):
        return "length_mismatch"
    a, b = _tokens(chosen), _tokens(rejected)
    if difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() < config.min_similarity:
        return "too_different"
    if facts.supports(edit.claim):
        return "present_in_note"
    return None


def _balanced_first(edits: Iterator[Edit], directions: Counter) -> list[Edit]:
    """Negation flips of the direction kept less often so far first (a stable sort keeps the seeded order)."""
    return sorted(edits, key=lambda edit: directions[edit.negation_direction])


def _tips_balance(edit: Edit, directions: Counter) -> bool:
    """Keeping this flip would put its direction more than one ahead of the other."""
    other = AFFIRMED_TO_DENIED if edit.negation_direction == DENIED_TO_AFFIRMED else DENIED_TO_AFFIRMED
    return directions[edit.negation_direction] > directions[other]


def _generated(ex: Example, config: NegativesConfig, report: NegativesReport) -> list[Triplet]:
    order = random.Random(f"{config.seed}:{ex.id}").sample(config.strategies, len(config.strategies))
    facts: NoteFacts | None = None
    triplets, seen = [], {ex.summary}
    for name in order:
        if len(triplets) >= config.per_example:
            break
        rng = random.Random(f"{config.seed}:{ex.id}:{name}")
        edits = STRATEGY_FUNCTIONS[name](ex.summary, rng)
        balance = config.balance_negation and name == "negation_flip"
        if balance:
            edits = _balanced_first(edits, report.negation_directions)
        tried = False
        for edit in itertools.islice(edits, config.attempts):
            tried = True
            facts = facts or NoteFacts(ex.note)
            reason = check_edit(ex.summary, edit, facts, config)
            rejected = edit.apply(ex.summary)
            if reason is None and rejected in seen:
                reason = "duplicate"
            if reason is None and balance and _tips_balance(edit, report.negation_directions):
                reason = "unbalanced"  # the edits left are of the same direction: this strategy is done
            report.record(name, reason or "kept")
            if reason == "unbalanced":
                break
            if reason is None:
                seen.add(rejected)
                if edit.negation_direction:
                    report.negation_directions[edit.negation_direction] += 1
                triplets.append(Triplet(f"{ex.id}:{name}", ex.note, ex.summary, rejected, name,
                                        edit.modification(ex.summary), GENERATED, ex.context))
                break
        if not tried:
            report.record(name, "no_target_span")
    return triplets


def _mid_word(text: str, i: int) -> bool:
    return 0 < i < len(text) and text[i - 1].isalnum() and text[i].isalnum()


def diff_modification(chosen: str, rejected: str) -> dict:
    """The one span where two texts differ, widened to whole words, as a modification dict."""
    n = min(len(chosen), len(rejected))
    p = next((i for i in range(n) if chosen[i] != rejected[i]), n)
    s = next((i for i in range(n - p) if chosen[-1 - i] != rejected[-1 - i]), n - p)
    while p > 0 and (_mid_word(chosen, p) or _mid_word(rejected, p)):
        p -= 1
    while s > 0 and (_mid_word(chosen, len(chosen) - s) or _mid_word(rejected, len(rejected) - s)):
        s -= 1
    return {"original": chosen[p: len(chosen) - s], "replacement": rejected[p: len(rejected) - s], "start": p}


def _labelled(examples: list[Example], factual: list[Example], report: NegativesReport) -> list[Triplet]:
    """Hallucinated rows paired with the factual summary of the same note (and context)."""
    by_note: dict[tuple, Example] = {}
    for ex in factual:
        by_note.setdefault((ex.note.strip(), ex.context), ex)
    triplets = []
    for ex in examples:
        if ex.label != HALLUCINATED_LABEL:
            continue
        pair = by_note.get((ex.note.strip(), ex.context))
        rejected = strip_evidence_markers(ex.summary)
        if pair is None or rejected == pair.summary:
            report.record(LABELLED, "no_factual_pair" if pair is None else "unchanged")
            continue
        report.record(LABELLED, "kept")
        triplets.append(Triplet(f"{ex.id}:{LABELLED}", pair.note, pair.summary, rejected, LABELLED,
                                diff_modification(pair.summary, rejected), LABELLED, pair.context))
    return triplets


def make_triplets(examples: list[Example], config: NegativesConfig) -> tuple[list[Triplet], NegativesReport]:
    """Generated hard negatives for every factual pair, plus labelled ones; deterministic by seed.

    The model's own errors (``negatives --model-path``) are added by :mod:`clinsum.preference.own_samples`.
    """
    selection = select_factual(examples)
    if not selection.kept:
        labels = ", ".join(f"{n} {label}" for label, n in sorted(selection.dropped_by_label.items())) or "none"
        raise DataError(config.input or "examples", f"no factual rows to build triplets from (labels: {labels})",
                        column=config.label_column or "label",
                        fix="label correct summaries 'factual', or leave the label column out")
    report = NegativesReport(counts={name: Counter() for name in config.strategies}, pairs=len(selection.kept))
    triplets = [t for ex in selection.kept for t in _generated(ex, config, report)]
    if config.include_labelled:
        triplets += _labelled(examples, selection.kept, report)
    return triplets, report
