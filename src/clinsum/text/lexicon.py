"""Curated clinical vocabularies and fast phrase lookup over them.

The faithfulness checker needs to recognise the facts a summary states (drugs, conditions,
procedures, findings, sides of the body, frequencies) and the hard-negative generator needs
plausible swap targets for the same categories. Both use this module so that an edit the generator
makes is a fact the checker can see.

Drugs come from the offline dictionary of ``drug-named-entity-recognition`` (brand names resolve to
the generic); drug classes, conditions, procedures and findings are curated in ``text/data/*.json``
(read once, on first use) because the dictionary carries only chemical (not therapeutic) classification.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Generic, TypeVar

V = TypeVar("V")



@dataclass(frozen=True)
class Mention:
    """A drug found in text: character span, the text as written, and its lowercase generic name."""

    start: int
    end: int
    text: str
    canonical: str


@dataclass(frozen=True)
class Term:
    """A condition, finding or procedure found in text.

    ``concept`` is the canonical name shared by all synonyms ("sob" and "shortness of breath" are
    both ``dyspnea``); ``negated`` is true for words that deny the concept by themselves
    ("afebrile" denies ``fever``).
    """

    start: int
    end: int
    text: str
    concept: str
    kind: str  # "condition", "finding" or "procedure"
    negated: bool = False


# ---------------------------------------------------------------------------------------------
# Phrase lookup: token n-grams against a dictionary, longest match first.

# (not a piece of a word with other letters: "mi" of "Hēmi" is no myocardial infarction)
_TOKEN = re.compile(r"(?<![^\W_])[a-z0-9]+(?:'[a-z]+)?(?![^\W_])", re.IGNORECASE)
# What may separate two tokens of one phrase: spaces, hyphens, slashes, or the dots of "b.i.d.".
_JOINABLE_GAP = re.compile(r"[ \t\-/]*|\.")


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[tuple[int, int, str], ...]:
    """Lowercase word tokens with their spans; hyphens and punctuation separate tokens.

    Cached: every phrase index (drugs, terms, body parts, frequencies) tokenizes the same sentence.
    """
    return tuple((m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text))


def phrase_key(phrase: str) -> str:
    """The lookup key of a phrase: its tokens joined by single spaces ("X-ray" -> "x ray")."""
    return " ".join(tok for _, _, tok in tokenize(phrase))


@lru_cache(maxsize=65536)
def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class PhraseIndex(Generic[V]):
    """Find dictionary phrases in text by token n-gram lookup (longest match, left to right).

    A dict lookup per n-gram is far faster than one huge regex alternation, which matters for the
    100k drug variants and for checking hundreds of notes per second.
    """

    def __init__(self, phrases: dict[str, V], plurals: bool = True):
        self.entries: dict[str, V] = {}
        for phrase, value in phrases.items():
            key = phrase_key(phrase)
            if key:
                self.entries.setdefault(key, value)
        self.plurals = plurals
        self.first_tokens = {key.split(" ", 1)[0] for key in self.entries}
        self.max_tokens = max((key.count(" ") + 1 for key in self.entries), default=1)
        # the keys' proper prefixes: a phrase is read on only while what it has read so far starts some key
        self.prefixes = {key[:i] for key in self.entries for i, c in enumerate(key) if c == " "}

    def lookup(self, key: str) -> V | None:
        value = self.entries.get(key)
        if value is None and self.plurals:
            head, _, last = key.rpartition(" ")
            singular = _singular(last)
            if singular != last:
                value = self.entries.get(f"{head} {singular}" if head else singular)
        return value

    def find(self, text: str) -> list[tuple[int, int, V]]:
        tokens = tokenize(text)
        first_tokens, plurals = self.first_tokens, self.plurals
        # where a phrase can start, found in one comprehension: most tokens start none
        starts = [i for i, (_, _, token) in enumerate(tokens)
                  if token in first_tokens or plurals and token[-1] == "s" and _singular(token) in first_tokens]
        found, after = [], 0
        for i in starts:
            if i < after:
                continue  # inside the phrase found last
            words = [tokens[i][2]]
            candidates = [(tokens[i][1], " ".join(words))]
            for j in range(i + 1, min(i + self.max_tokens, len(tokens))):
                if candidates[-1][1] not in self.prefixes or not _JOINABLE_GAP.fullmatch(text[tokens[j - 1][1]: tokens[j][0]]):
                    break
                words.append(tokens[j][2])
                candidates.append((tokens[j][1], " ".join(words)))
            for n in range(len(candidates), 0, -1):
                end, key = candidates[n - 1]
                value = self.lookup(key)
                if value is not None:
                    found.append((tokens[i][0], end, value))
                    after = i + n
                    break
        return found


# ---------------------------------------------------------------------------------------------
# Vocabularies: JSON files under text/data/, read once. In each, order matters where a list is
# searched or sampled (conditions are listed by organ system, so neighbours are likely confusions).


@cache
def vocabulary(name: str) -> Any:
    """``text/data/<name>.json``, lists as tuples (the vocabularies are shared, so not to be mutated)."""
    def frozen(value):
        if isinstance(value, dict):
            return {k: frozen(v) for k, v in value.items()}
        return tuple(frozen(v) for v in value) if isinstance(value, list) else value

    return frozen(json.loads(resources.files("clinsum.text").joinpath(f"data/{name}.json").read_text("utf-8")))


# ---------------------------------------------------------------------------------------------
# Drugs (drugs.json): "classes", therapeutic classes with common members (generic names as the dictionary
# spells them); "extra_names", brand names and abbreviations the dictionary lacks or resolves to a non-drug
# concept; "canonical_aliases", dictionary canonicals that name the same drug as another canonical;
# "not_drugs", dictionary entries that are lab tests, anatomy or everyday words in clinical text.


def drug_classes() -> dict[str, tuple[str, ...]]:
    return vocabulary("drugs")["classes"]


# Salt and formulation words dropped when the rest is itself a known generic ("metoprolol succinate").
_FORMULATION_SUFFIX = re.compile(
    r"\s+(?:\(rdna origin\)|hydrochloride|hcl|sodium|potassium|calcium|acetate|tartrate|succinate|besylate|"
    r"maleate|sulfate|mesylate|citrate|phosphate|bromide|fumarate|viscous|patch|anhydrous|monohydrate|"
    r"extended release|er|xl|sr|cr)$"
)


def _clean_canonical(name: str, known: set[str]) -> str:
    aliases = vocabulary("drugs")["canonical_aliases"]
    name = aliases.get(name, name)
    while True:
        stripped = _FORMULATION_SUFFIX.sub("", name)
        if stripped == name or stripped not in known:
            return aliases.get(name, name)
        name = stripped


@cache
def _drug_index() -> PhraseIndex[str]:
    """Variant -> generic index built once from the offline dictionary (a few seconds)."""
    from drug_named_entity_recognition import drugs_finder
    from drug_named_entity_recognition.util import stopwords

    variants = drugs_finder.drug_variant_to_canonical
    extra, not_drugs = vocabulary("drugs")["extra_names"], frozenset(vocabulary("drugs")["not_drugs"])
    known = set(drugs_finder.drug_canonical_to_data) | set(extra.values())
    names: dict[str, str] = {}
    for variant, canonicals in variants.items():
        words = phrase_key(variant).split()
        canonical = variant if variant in canonicals else (canonicals[0] if canonicals else "")
        canonical = re.sub(r"\s*\(.*?\)|,$", "", canonical)
        if (len(variant) < 3 or not canonical or re.search(r"\d|,", canonical) or not words or " ".join(words) in not_drugs or words[0] in stopwords
                or words[-1] in stopwords or any(w.isdigit() for w in words)
                or not re.fullmatch(r"[a-z][a-z0-9 \-']*", variant)):
            continue
        names[variant] = _clean_canonical(canonical, known)
    names.update(extra)
    for members in drug_classes().values():
        names.update({m: m for m in members})
    return PhraseIndex(names)


def find_drugs(text: str) -> list[Mention]:
    """Drug mentions in ``text`` with their generic names ("Lipitor" -> "atorvastatin")."""
    return [Mention(s, e, text[s:e], canonical) for s, e, canonical in _drug_index().find(text)]


def canonical_drug(name: str) -> str | None:
    """The generic name of one drug name, or None when it is not a known drug."""
    found = _drug_index().find(name)
    return found[0][2] if len(found) == 1 and found[0][1] - found[0][0] == len(name.strip()) else None


@cache
def _class_of() -> dict[str, str]:
    return {drug: cls for cls, members in drug_classes().items() for drug in members}


def drug_class(canonical: str) -> str | None:
    """Therapeutic class of a generic name ("lisinopril" -> "ace inhibitors"), None when unknown."""
    return _class_of().get(canonical.lower())


def drugs_in_class(cls: str) -> list[str]:
    """Generic names in a class; accepts singular or plural ("beta blocker", "statins")."""
    key = cls.lower().strip()
    classes = drug_classes()
    members = classes.get(key) or classes.get(key + "s") or ()
    return list(members)


def common_drugs() -> list[str]:
    """Generic names of a few hundred common drugs: swap targets for hard negatives."""
    return sorted(_class_of())


# ---------------------------------------------------------------------------------------------
# Conditions, findings and procedures (conditions.json, findings.json, procedures.json): concept -> synonyms
# (abbreviations and lay terms included, since summaries use clinical words for what the patient said in
# plain ones). concepts.json: "inherently_negated", words that deny a finding on their own; "removed_organ",
# the organ an -ectomy removes; "broader", the concept a narrower one is a kind of.


def conditions() -> tuple[str, ...]:
    return tuple(vocabulary("conditions"))


def findings() -> tuple[str, ...]:
    return tuple(vocabulary("findings"))


def procedures() -> tuple[str, ...]:
    return tuple(vocabulary("procedures"))


@cache
def _term_index() -> PhraseIndex[tuple[str, str, bool]]:
    """Surface form -> (concept, kind, negated). Procedures and conditions win ties over findings."""
    phrases: dict[str, tuple[str, str, bool]] = {}
    removed_organ = vocabulary("concepts")["removed_organ"]
    for word, concept in vocabulary("concepts")["inherently_negated"].items():
        phrases[word] = (concept, "finding", True)
    for kind, table in (("procedure", vocabulary("procedures")), ("condition", vocabulary("conditions")),
                        ("finding", vocabulary("findings"))):
        for concept, synonyms in table.items():
            for surface in (concept, *synonyms):
                phrases.setdefault(surface, (concept, kind, False))
            if concept in removed_organ:  # "they took out my appendix" names an appendectomy
                organ = removed_organ[concept]
                for determiner in ("", "the ", "my ", "your ", "his ", "her "):
                    for phrase in (*(f"{verb} {determiner}{organ}" for verb in ("remove", "removed", "took out",
                                                                                 "removal of")),
                                   *(f"{determiner}{organ} {verb}" for verb in ("removed", "taken out", "out"))):
                        phrases.setdefault(phrase, (concept, kind, False))
            if concept.endswith(" pain"):  # "pain in your knee" names "knee pain" too
                site = concept[: -len(" pain")]
                for determiner in ("", "the ", "my ", "your ", "his ", "her ", "their ", "both "):
                    phrases.setdefault(f"pain in {determiner}{site}", (concept, kind, False))
    return PhraseIndex(phrases)


def find_terms(text: str) -> list[Term]:
    """Conditions, findings and procedures mentioned in ``text``, mapped to their concepts."""
    return [Term(s, e, text[s:e], concept, kind, negated)
            for s, e, (concept, kind, negated) in _term_index().find(text)]


def concept_of(term: str) -> str | None:
    """The concept a surface form names ("htn" -> "hypertension"), None when not in the lexicon."""
    entry = _term_index().lookup(phrase_key(term))
    return entry[0] if entry else None


# ---------------------------------------------------------------------------------------------
# Laterality, body parts, frequencies (body.json: "laterality_swap", "body_parts" a side can attach to,
# plurals matched too; "aliases", irregular plurals and the clinical names of limbs that notes and transcripts
# call arm and leg; "pain_site_words". frequencies.json: surface form -> canonical frequency, keys matched as
# phrases, so "b.i.d." and "bid" both work).


def laterality_swap() -> dict[str, str]:
    """Each side word and its opposite ("left" -> "right", "bilateral" -> "unilateral")."""
    return vocabulary("body")["laterality_swap"]


def frequencies() -> dict[str, str]:
    """Surface form -> canonical dosing frequency ("b.i.d." -> "twice daily")."""
    return vocabulary("frequencies")


@cache
def _frequency_index() -> PhraseIndex[str]:
    return PhraseIndex(frequencies(), plurals=False)


def find_frequencies(text: str) -> list[Mention]:
    """Dosing frequencies in ``text`` with their canonical form ("b.i.d." -> "twice daily")."""
    return [Mention(s, e, text[s:e], canonical) for s, e, canonical in _frequency_index().find(text)]


@cache
def _body_part_index() -> PhraseIndex[str]:
    parts = {part: phrase_key(part) for part in vocabulary("body")["body_parts"]}
    parts.update(vocabulary("body")["aliases"])
    return PhraseIndex(parts)


def find_body_parts(text: str) -> list[Mention]:
    """Body parts a side can attach to, canonical in the singular ("knees" -> "knee")."""
    return [Mention(s, e, text[s:e], canonical) for s, e, canonical in _body_part_index().find(text)]


def pain_site_words(concept: str) -> tuple[str, ...]:
    """Regex fragments naming the site of a "<site> pain" concept; empty for other concepts."""
    if not concept.endswith(" pain"):
        return ()
    site = concept[: -len(" pain")]
    # "back" needs a determiner: in "come back" it names no site.
    return vocabulary("body")["pain_site_words"].get(site, (site,))


def warm_up() -> None:
    """Build every phrase index now (the drug dictionary takes a few seconds) instead of on first use."""
    _drug_index(), _term_index(), _frequency_index(), _body_part_index()


def broader_concepts(concept: str) -> list[str]:
    """Concepts that ``concept`` is a kind of, nearest first ("left knee pain" -> "pain"): a note that names
    the narrower one also supports a summary naming the broader one."""
    broader, chain, seen = vocabulary("concepts")["broader"], [], {concept}
    while True:
        parent = broader.get(concept) or ("pain" if concept.endswith(" pain") else None)
        if parent is None or parent in seen:
            return chain
        chain.append(parent)
        seen.add(parent)
        concept = parent