"""Train the PHI name tagger (:mod:`clinsum.privacy.name_tagger`): is a capitalised word a person's name, given
the words around it? Writes src/clinsum/privacy/data/name_tagger.npy.

    python scripts/train_phi_name_tagger.py            # rewrite the weights (deterministic)
    python scripts/train_phi_name_tagger.py --check    # held-out precision and recall by threshold, write nothing

Text: the dialogues and notes of the first 900 MTS-Dialog training rows (rows 900 on and the validation set stay
out, for checking false redactions with benchmarks/phi_dialogue_detections.py). Each text is used four times (COPIES),
each time with people put in place of some pronouns and relatives ("She denies" -> "Csanád denies", "told him" -> "told
Okafor", "my wife" -> "Dagny", "How are you?" -> "How are you, Ingrid?"). The names are the first names and surnames
of the name model's training locales (never the locales benchmarks/phi_quality.py plants) and the census lists,
5% of surnames double-barrelled.
Positives: the put-in names; negatives: every other candidate word (:func:`name_tagger.is_candidate`), less the
names the cue rules find in the original text (MTS-Dialog's few real ones: "Doctor White"). Some lowercase words
that are no English words, or English words that are also names, are capitalised, as headings, sentence starts and
sloppy notes write them ("Tonsillar exudate", "Started Eliquis", "Royal blue"), half of them after a full stop put in
before them: negatives in the places where clinical text puts them.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np
from tqdm import tqdm

sys.path.insert(0, str(Path(__file__).parent))
from train_phi_name_model import faker_names, hashed_design, print_held_out, save_weights, train  # noqa: E402

from clinsum.paths import MTS_TRAIN  # noqa: E402
from clinsum.privacy import name_tagger  # noqa: E402
from clinsum.privacy.names import find_names, other_mentions  # noqa: E402
from clinsum.privacy.vocab import english_words, first_names, last_names, word_list  # noqa: E402

TRAIN_ROWS = 900
COPIES = 4
_SUBJECTS = {"he", "she"}
_RELATIVES = {"wife", "husband", "son", "daughter", "mother", "father", "mom", "dad", "sister", "brother", "friend",
              "neighbor", "neighbour", "boyfriend", "girlfriend", "partner", "grandson", "granddaughter", "aunt",
              "uncle", "cousin"}
_AFTER_OBJECT = {".", ",", ";", "!", "?", "to", "about", "for", "with", "in", "at", "on", "and", "that", "if", "when",
                 "because", "yesterday", "today", "last", "this", "again", "up", "out", "back", "home", "over", "know",
                 "\n"}
_TITLES = ("Mr", "Mrs", "Ms", "Dr")


class NamePool:
    """First names and surnames to put in text, drawn by a seeded generator."""

    def __init__(self, rng: random.Random):
        def usable(words):
            return sorted(w for w in words if w.isalpha() and len(w) > 1)

        self.first = usable(faker_names("first") | word_list("census_first_names"))
        self.last = usable(faker_names("last") | word_list("census_surnames"))
        self.rng = rng

    def person(self) -> list[str]:
        """A name as tokens: a first name, a surname, both, or a title and a surname."""
        first, last = self.rng.choice(self.first).title(), self.rng.choice(self.last).title()
        if self.rng.random() < 0.05:  # a double-barrelled surname: "Vasquez-Oyelowo"
            last += "-" + self.rng.choice(self.last).title()
        kind = self.rng.random()
        if kind < 0.4:
            return [first]
        if kind < 0.7:
            return [last]
        if kind < 0.9:
            return [first, last]
        return [self.rng.choice(_TITLES), ".", last]


def inject(tokens: list[str], ignore: set[int], pool: NamePool) -> tuple[list[str], list[int | None]]:
    """``tokens`` with some pronouns and relatives replaced by names; labels: 1 for a put-in name word, None for a
    word to leave out of training (a real name the cue rules find), 0 otherwise."""
    rng = pool.rng
    out: list[str] = []
    labels: list[int | None] = []

    def put(name: list[str], possessive: bool = False) -> None:
        for k, word in enumerate(name):
            last = k == len(name) - 1
            out.append(word + ("'s" if possessive and last else ""))
            labels.append(1 if word not in _TITLES and word != "." else 0)

    i = 0
    while i < len(tokens):
        token, low = tokens[i], tokens[i].lower()
        nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else "\n"
        if low in _SUBJECTS and rng.random() < 0.4 or low == "him" and rng.random() < 0.4 \
                or low == "her" and nxt in _AFTER_OBJECT and rng.random() < 0.4:
            put(pool.person())
        elif low in ("my", "his", "her", "your") and nxt in _RELATIVES and rng.random() < 0.3:
            put(pool.person())
            i += 1
        elif low == "her" and rng.random() < 0.15:  # "her mother" -> "Dagny's mother"
            put(pool.person(), possessive=True)
        elif low == "the" and nxt == "patient" and rng.random() < 0.3:
            put(pool.person())
            i += 1
        elif token == "?" and nxt == "\n" and rng.random() < 0.15:  # "How are you, Ingrid?"
            out.append(",")
            labels.append(0)
            put(pool.person()[-1:])
            out.append("?")
            labels.append(0)
        elif token.isalpha() and token.islower() and len(token) > 3 and rng.random() < (
                0.5 if token not in english_words() else 0.3 if token in first_names() or token in last_names() else 0):
            # "Tonsillar exudate", "Started Eliquis", "Royal blue": a word that is no name here, capitalised, half the
            # time at a sentence's start ("room air. Tonsillar exudate")
            if rng.random() < 0.5:
                out.append(".")
                labels.append(0)
            out.append(token.title())
            labels.append(0)
        else:
            out.append(token)
            labels.append(None if i in ignore else 0)
        i += 1
    return out, labels


def tokenize(text: str) -> tuple[list[str], set[int]]:
    """The tokens of ``text`` and the indexes of those inside a name the cue rules find."""
    matches = list(name_tagger.TOKEN.finditer(text))
    found = find_names(text)
    found += other_mentions(text, found)
    ignore = {i for i, m in enumerate(matches) if any(s < m.end() and m.start() < e for s, e in found)}
    return [m.group() for m in matches], ignore


def examples(texts: list[str], rng: random.Random) -> tuple[list[list[str]], list[int], list[int]]:
    """Feature lists, labels and text indexes of every candidate word of every injected copy of ``texts``."""
    pool = NamePool(rng)
    rows, labels, groups = [], [], []
    for t, text in enumerate(tqdm(texts, desc="texts", unit="text")):
        tokens, ignore = tokenize(text)
        for _ in range(COPIES):
            copy, copy_labels = inject(tokens, ignore, pool)
            for i, label in enumerate(copy_labels):
                if label is not None and name_tagger.is_candidate(copy, i):
                    rows.append(name_tagger.hashed(name_tagger.features(copy, i)))
                    labels.append(label)
                    groups.append(t)
    return rows, labels, groups


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report held-out figures, write nothing")
    args = parser.parse_args(argv)
    if not MTS_TRAIN.exists():
        print(f"{MTS_TRAIN} is absent: the tagger is trained on MTS-Dialog", file=sys.stderr)
        return 1
    from clinsum.data.dataset import load_examples

    rows = load_examples(MTS_TRAIN)[:TRAIN_ROWS]
    texts = [text for row in rows for text in (row.note, row.summary)]
    features, labels, groups = examples(texts, random.Random(0))
    x, y, groups = hashed_design(features, name_tagger.DIMENSIONS), np.array(labels, dtype=float), np.array(groups)
    print(f"{len(y):,} candidate words, {int(y.sum()):,} of them put-in names")
    held = groups % 10 == 0  # every tenth text
    w = train(x[~held], y[~held])
    p = 1 / (1 + np.exp(-(x[held] @ w[:-1] + w[-1])))
    print_held_out(p, y[held] == 1, "put-in names")
    if not args.check:
        save_weights(name_tagger.MODEL_PATH, train(x, y))
    return 0


if __name__ == "__main__":
    sys.exit(main())
