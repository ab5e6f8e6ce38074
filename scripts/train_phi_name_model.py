"""Train the PHI name model: a logistic regression over hashed character n-grams of one word, person name
word vs. clinical or common English word. Writes src/clinsum/privacy/data/name_model.npy, which
:mod:`clinsum.privacy.name_model` reads with numpy alone.

    python scripts/train_phi_name_model.py                 # rewrite the weights (deterministic)
    python scripts/train_phi_name_model.py --check         # print held-out accuracy, write nothing

Positives: the given names and surnames of Faker's person providers in every locale that
benchmarks/phi_quality.py does NOT plant names from (so the generator's figures do not test training
words): Latin-script ones as they are, Cyrillic and Greek ones transliterated, Japanese and Chinese ones as Faker
romanises them; and the US Census lists the redactor ships. Negatives: the clinical lexicons (text/data/*.json),
the drug names and brands of the ``drug_named_entity_recognition`` package, the privacy word lists,
spaCy's English stop words, Faker's English lorem words, the words of clean synthetic notes (a word in
both sets counts as a negative: the clinical allow-list wins), and the whole words of the checker's
MiniLM WordPiece vocabulary that are not name words (common English).
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import random
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np
from scipy import sparse

from clinsum.privacy.name_model import DIMENSIONS, MODEL_PATH, features
from clinsum.privacy import vocab
from clinsum.privacy.vocab import word_list

ROOT = Path(__file__).resolve().parents[1]
# The locales benchmarks/phi_quality.py plants names from: kept out of training.
GENERATOR_LOCALES = {"en_US", "en_GB", "en_IE", "es_MX", "de_DE", "fr_FR", "it_IT", "pt_BR", "nl_NL", "pl_PL",
                     "vi_VN", "en_NG"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W\d_]|[^\W\d_]")


def _latin(word: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in word)


def _words(texts) -> set[str]:
    return {w.lower() for text in texts for w in _WORD.findall(text) if len(w) > 1}


# Cyrillic and Greek letters in Latin script, as English text writes names of Russia, Ukraine, Bulgaria, North
# Macedonia and Greece ("Karataev", "Kovalenko", "Papadopoulos"); accents are dropped first.
_TRANSLIT = str.maketrans({
    **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye")), "ё": "e", "ж": "zh", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye",
    "ґ": "g", "ѓ": "gj", "ќ": "kj", "џ": "dzh", "ѕ": "dz", "ј": "j", "љ": "lj", "њ": "nj",
    **dict(zip("αβγδεζηικλμνξοπρσςτυφω", "avgdezikklmnxoprsstyfo")), "θ": "th", "χ": "ch", "ψ": "ps",
})
# Faker's romanised names of scripts with no letter-for-letter table (Japanese, Chinese).
_ROMANIZED = ("first_romanized_names", "last_romanized_names", "first_names_romanized", "last_names_romanized",
              "romanized_first_names", "romanized_last_names")


def _latin_form(name: str) -> str:
    """A Cyrillic or Greek name in Latin letters; other names unchanged (Latin diacritics are a name's sign:
    "Žilková")."""
    if _latin(name):
        return name
    bare = "".join(c for c in unicodedata.normalize("NFD", name.lower()) if not unicodedata.combining(c))
    return bare.replace("ου", "ou").translate(_TRANSLIT)


def faker_names(kind: str) -> set[str]:
    """The ``kind`` ("first" or "last") name words of Faker's non-generator locales, in Latin script (Cyrillic and
    Greek ones transliterated, Japanese and Chinese ones as Faker romanises them)."""
    import faker.providers.person as person

    names = []
    for module in pkgutil.iter_modules(person.__path__):
        if module.name in GENERATOR_LOCALES:
            continue
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr in (*_NAME_ATTRIBUTES[kind], *(a for a in _ROMANIZED if a.startswith(kind) or f"_{kind}_" in a)):
            value = getattr(provider, attr, ())
            names += [_latin_form(str(v)) for v in value] if isinstance(value, (tuple, list, dict)) else []
    return {w for w in _words(names) if _latin(w)}


_NAME_ATTRIBUTES = {"first": ("first_names", "first_names_male", "first_names_female"), "last": ("last_names",)}


def name_words() -> set[str]:
    """Name words of Faker's non-generator locales and of the census lists."""
    return faker_names("first") | faker_names("last") | word_list("census_first_names") | word_list("census_surnames")


def other_words() -> set[str]:
    """Clinical, drug and common English words."""
    from faker.providers.lorem.en_US import Provider as Lorem
    from spacy.lang.en.stop_words import STOP_WORDS

    from drug_named_entity_recognition import drugs_finder

    from clinsum.data.synthetic import generate_examples

    texts: list[str] = []

    def strings(value):
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                strings(k)
                strings(v)
        elif isinstance(value, list):
            for v in value:
                strings(v)

    for path in sorted((ROOT / "src/clinsum/text/data").glob("*.json")):
        strings(json.loads(path.read_text(encoding="utf-8")))
    texts += list(drugs_finder.drug_variant_to_canonical)  # the dictionary text/lexicon.py reads drugs from
    texts += [example.note for example in generate_examples(2000, seed=0)]
    texts += list(Lorem.word_list) + list(STOP_WORDS)
    lists = ("allowed_words", "note_words", "department_words")
    return _words(texts) | set().union(*(word_list(name) for name in lists))


def english_words() -> set[str]:
    """Whole alphabetic ASCII words of three letters or more in the MiniLM WordPiece vocabulary."""
    return {w for w in vocab.english_words() if len(w) > 2 and w.isascii()}


def design(words: list[str]) -> sparse.csr_matrix:
    rows, cols = [], []
    for i, word in enumerate(words):
        idx = features(word)
        rows += [i] * len(idx)
        cols += list(idx)
    return sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(words), DIMENSIONS))


def hashed_design(rows: list[list[int]], dimensions: int) -> sparse.csr_matrix:
    """Rows of hashed feature indexes (the taggers' examples) as a binary sparse matrix."""
    indptr = np.cumsum([0] + [len(r) for r in rows])
    cols = np.fromiter((c for r in rows for c in r), dtype=np.int64, count=int(indptr[-1]))
    return sparse.csr_matrix((np.ones(len(cols), np.float32), cols, indptr), shape=(len(rows), dimensions))


def print_held_out(scores: np.ndarray, truth: np.ndarray, what: str = "candidates") -> None:
    """Precision and recall of held-out examples by threshold (``truth``: which are positives)."""
    for threshold in (0.5, 0.7, 0.8, 0.9, 0.95):
        taken = scores >= threshold
        precision = truth[taken].mean() if taken.any() else float("nan")
        print(f"threshold {threshold}: held-out precision {precision:.1%}, recall {taken[truth].mean():.1%} "
              f"of {truth.sum()} {what}")


def save_weights(path: Path, w: np.ndarray) -> None:
    """Weights as float16, the format the privacy modules load."""
    np.save(path, w.astype(np.float16))
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")


def train(x: sparse.csr_matrix, y: np.ndarray, steps: int = 400, l2: float = 1e-5) -> np.ndarray:
    """Class-balanced logistic regression by full-batch Adam; returns weights with the bias last."""
    w = np.zeros(x.shape[1] + 1)
    sample = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean())) / len(y)
    m, v = np.zeros_like(w), np.zeros_like(w)
    for t in range(1, steps + 1):
        p = 1 / (1 + np.exp(-(x @ w[:-1] + w[-1])))
        g = (p - y) * sample
        grad = np.append(x.T @ g + l2 * w[:-1], g.sum())
        m, v = 0.9 * m + 0.1 * grad, 0.999 * v + 0.001 * grad ** 2
        w -= 0.05 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report held-out accuracy, write nothing")
    args = parser.parse_args(argv)
    negatives = other_words()
    positives = name_words() - negatives
    negatives |= english_words() - positives
    words = sorted(positives) + sorted(negatives)
    y = np.array([1.0] * len(positives) + [0.0] * len(negatives))
    order = list(range(len(words)))
    random.Random(0).shuffle(order)
    held = set(order[: len(order) // 10])
    train_idx = [i for i in order if i not in held]
    x = design(words)
    w = train(x[train_idx], y[train_idx])
    test_idx = sorted(held)
    p = 1 / (1 + np.exp(-(x[test_idx] @ w[:-1] + w[-1])))
    for threshold in (0.5, 0.7, 0.8, 0.9):
        pos, neg = y[test_idx] == 1, y[test_idx] == 0
        print(f"threshold {threshold}: held-out names scored above {(p[pos] >= threshold).mean():.1%}, "
              f"other words below {(p[neg] < threshold).mean():.1%}")
    print(f"{len(positives)} name words, {len(negatives)} other words")
    if not args.check:
        save_weights(MODEL_PATH, train(x, y))
    return 0


if __name__ == "__main__":
    sys.exit(main())
