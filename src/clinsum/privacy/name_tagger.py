"""Whether a capitalised word is a person's name given the words around it, where no cue announces one ("Ask
Okonkwo about the echo", "Csanád came in with his mother"): a logistic regression over hashed features of the
word (its name-model score, the word lists that hold it, its shape and ending) and of its neighbours (their
words, or for unlisted capitalised ones their shape and name-model score). Trained by
scripts/train_phi_name_tagger.py on MTS-Dialog dialogues and notes in which pronouns and relatives ("she",
"him", "my wife") were replaced by names of many origins. Weights load once, on first use (numpy only)."""

from __future__ import annotations

import zlib
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import regex

from clinsum.privacy.name_model import name_score
from clinsum.privacy.patterns import CAP
from clinsum.privacy.vocab import (
    allowed_words, capitalised_words, cities, countries, department_words, english_words, first_names, is_listed_name,
    is_name_word, last_names, lowercase_forms, lowercase_words, service_words,
)

MODEL_PATH = Path(__file__).parent / "data" / "name_tagger.npy"
DIMENSIONS = 1 << 18
# A candidate scoring at least this is a name (chosen on the development data; see docs/phi.md).
THRESHOLD = 0.9
TOKEN = regex.compile(r"\n|\p{L}[\p{L}'’-]*\p{L}|\p{L}|\d+|[^\s\p{L}\d]")
_CAP = regex.compile(CAP)
_SENTENCE_END = frozenset(("<s>", "\n", ".", "!", "?", ":", ";", '"', "“", "-", "•", "*", ">"))


def bare(token: str) -> str:
    """The word without a possessive ending ("Dagny's" -> "Dagny")."""
    return token.removesuffix("'s").removesuffix("’s")


def is_candidate(tokens: list[str], i: int) -> bool:
    """``tokens[i]`` is a capitalised word that could be a name, and no English word unless text mostly capitalises it
    or a name list holds it and text does not mostly write it in lowercase ("Dmitri"; not "Hang tight"), and then,
    at a sentence's start, where any word is capitalised, one that text never writes in lowercase ("Ferreira paged";
    not "Church is important to her"): the only words the tagger scores (so that it stays cheap on long notes)."""
    token = tokens[i]
    word = bare(token)
    if not token[0].isupper() or not _CAP.fullmatch(word) or not is_name_word(word) \
            or token.lower() in allowed_words() or word.lower() in service_words():  # "Addison's", "Endo"
        return False
    parts = [part for part in word.split("-") if part]
    if len(parts) > 1 and not all(is_name_word(part) and part.lower() not in lowercase_words() for part in parts):
        return False  # "Child-Pugh"
    low = word.lower()
    if low not in english_words() or low not in lowercase_forms():  # the WordPiece vocabulary holds names too: "hamid"
        return True
    listed = is_listed_name(low) or low in capitalised_words()
    starts = i == 0 or tokens[i - 1] in _SENTENCE_END
    return listed and low not in lowercase_words() and not (starts and low in lowercase_forms())


def score_bin(word: str) -> int:
    """The name-model score in tenths; a hyphenated word's is its least name-like part's ("Vasquez-Oyelowo")."""
    return min(int(min(name_score(part) for part in word.split("-") if part) * 10), 9)


@lru_cache(maxsize=65536)
def word_lists(word: str) -> str:
    low = word.lower()
    return "".join(flag for flag, words in (("f", first_names()), ("l", last_names()), ("e", english_words()),
                                            ("w", lowercase_words()), ("c", capitalised_words()), ("p", cities()),
                                            ("n", countries()), ("d", department_words())) if low in words)


@lru_cache(maxsize=65536)
def context_word(token: str) -> str:
    """A neighbour as a feature: common and clinical words as themselves, other capitalised words by shape and
    name-model score (so that the tagger learns contexts, not the names it was trained on)."""
    low = token.lower()
    if not token[0].isalpha() or low in english_words() or not is_name_word(bare(token)):
        return low
    return f"<{'U' if token.isupper() else 'C' if token[0].isupper() else 'l'}{score_bin(bare(token))}>"


def features(tokens: list[str], i: int) -> list[str]:
    """The feature strings of the candidate ``tokens[i]``."""
    word = bare(tokens[i])
    score, lists = score_bin(word), word_lists(word)
    p1, p2 = (tokens[i - k] if i >= k else "<s>" for k in (1, 2))
    n1, n2 = (tokens[i + k] if i + k < len(tokens) else "</s>" for k in (1, 2))
    starts = p1 in _SENTENCE_END
    c1, c2, d1, d2 = context_word(p1), context_word(p2), context_word(n1), context_word(n2)
    return [
        "bias", f"b{score}", f"L{lists}", f"b{score}L{lists}", f"S{starts}b{score}", f"S{starts}L{lists}",
        f"poss{tokens[i] != word}", f"hyphen{'-' in word}", f"len{min(len(word), 12) // 3}", f"end:{word[-3:].lower()}",
        f"p1:{c1}", f"p2:{c2}|{c1}", f"n1:{d1}", f"n2:{d1}|{d2}", f"pn:{c1}|{d1}",
        f"p1:{c1}b{score}", f"n1:{d1}b{score}",
    ]


def hashed(names: list[str]) -> list[int]:
    return [zlib.crc32(name.encode()) % DIMENSIONS for name in names]


@cache
def _weights() -> np.ndarray:
    return np.load(MODEL_PATH).astype(np.float32)


def probability(tokens: list[str], i: int) -> float:
    w = _weights()
    return float(1 / (1 + np.exp(-(w[hashed(features(tokens, i))].sum() + w[-1]))))


def find_uncued_names(text: str, threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """Spans of capitalised words that the tagger takes for names (a possessive's "'s" left out)."""
    matches = list(TOKEN.finditer(text))
    tokens = [m.group() for m in matches]
    spans = []
    for i, m in enumerate(matches):
        if is_candidate(tokens, i) and probability(tokens, i) >= threshold:
            spans.append((m.start(), m.start() + len(bare(tokens[i]))))
    return spans
