"""Train the PHI institution and place tagger (:mod:`clinsum.privacy.place_tagger`): does a run of capitalised words
name an institution or a place, given the words around it? Writes src/clinsum/privacy/data/place_tagger.npy.

    python scripts/train_phi_place_tagger.py            # rewrite the weights (deterministic)
    python scripts/train_phi_place_tagger.py --check    # held-out precision and recall by threshold, write nothing

Text: the hand-annotated development sets (benchmarks/data: set 1, dev-3 to dev-6; never the report sets
handwritten-2 to -6; ``--sources`` picks others, e.g. without dev-5 to choose the threshold on it), each also in COPIES
copies whose institutions, places and people are swapped for made-up ones of the same casing (so that the tagger
learns contexts, not the few hundred names it was given), and the dialogues and notes of the first 900 MTS-Dialog
training rows (whose capitalised words are clinical words, headings and people: negatives). Every text is read as
written and in lowercase, as speech recognition writes it. A candidate
(:func:`place_tagger.candidates`) that is exactly an annotated institution or place (less a leading "the" and a
possessive "'s") is a positive of its kind; one that overlaps another annotated institution, place or address is left
out; every other candidate, people's names among them, is a negative of both kinds. ``--check`` holds out every fifth
annotated document (with its copies).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np
from scipy import sparse
from tqdm import tqdm

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from phi_quality import HANDWRITTEN, load_handwritten  # noqa: E402
from train_phi_name_model import hashed_design, print_held_out, save_weights, train  # noqa: E402

from clinsum.paths import MTS_TRAIN  # noqa: E402
from clinsum.privacy import place_tagger  # noqa: E402
from clinsum.privacy.name_tagger import TOKEN, bare  # noqa: E402
from clinsum.privacy.vocab import cities, word_list  # noqa: E402

TRAIN_SOURCES = ("handwritten", "dev-3", "dev-4", "dev-5", "dev-6")
_PLACE_KINDS = (*place_tagger.KINDS, "ADDRESS")
MTS_ROWS = 900
COPIES = 3
_STEMS = """Pine Oak Cedar Maple Willow Birch Aspen River Lake Valley Summit Harbor Bay Meadow Prairie Canyon Mesa Ridge
Hill Creek Spring Brook Stone Iron Copper Silver Golden Eagle Hawk Falcon Bear Elk Fox Sun Moon Star North South East
West Highland Lakeside Riverside Bayview Fairview Grandview Crest Glen Grove Park Haven Vista Sage Juniper Laurel
Magnolia Heritage Liberty Unity Hope Trinity Good Shepherd Cornerstone Pioneer Frontier Keystone Gateway""".split()
_HEADS = """Hospital|Medical Center|Regional Medical Center|Clinic|Family Medicine|Family Practice|Health|Health Center
|Community Health|Pharmacy|Drugs|Apothecary|Nursing Home|Rehab|Rehabilitation|Care Center|Manor|Baptist Church
|Methodist Church|Lutheran Church|Chapel|Elementary|High School|Middle School|Academy|College|University|Foods
|Logistics|Construction|Roofing|Tool and Die|Feed Supply|Farms|Mill|Dairy|Trucking|Auto Body|Diner|Grill|Market
|Hardware|Insurance|Credit Union|Bank|Services|Orthopaedics|Cardiology|Dialysis|Imaging|Urgent Care|Home Health
|Hospice|Senior Living|Assisted Living|Shelter|Mission|Temple|Mosque|Day Care|Industries|Manufacturing|& Sons
|Group|Partners|Associates|Recovery Center|Behavioral Health|Women's Pavilion|Surgical Center|Physicians""".replace(
    "\n", "").split("|")
_TOWN_ENDS = ("ville", "ton", "burg", "field", "ford", "wood", "dale", "port", "mouth", "bury", "by", "stead", "ham")
_TOWN_WORDS = ("Springs", "Falls", "Ridge", "Creek", "Hollow", "Heights", "Junction", "Crossing", "Landing", "Point",
               "Bluff", "Mills", "Center", "City", "Village", "Park", "Harbor", "Beach", "Lake", "Valley", "Flats")


class PlacePool:
    """Made-up institutions, places and people, drawn by a seeded generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.surnames = sorted(w.title() for w in word_list("census_surnames") if w.isalpha())
        self.first = sorted(w.title() for w in word_list("census_first_names") if w.isalpha())
        self.cities = sorted(c.title() for c in cities() if c.replace(" ", "").isalpha())

    def _stem(self) -> str:
        pick = self.rng.random()
        return self.rng.choice(_STEMS) if pick < 0.4 else self.rng.choice(self.surnames) if pick < 0.8 \
            else self.town()

    def institution(self) -> str:
        pick = self.rng.random()
        if pick < 0.5:
            return " ".join([self._stem()] * (1 + (self.rng.random() < 0.3)) + [self.rng.choice(_HEADS)])
        if pick < 0.62:
            return f"St. {self.rng.choice(self.first)}'s" + self.rng.choice(("", " Hospital", " Medical Center"))
        if pick < 0.85:
            return self._stem()  # "Barts", "Beacon", "Southdale"
        return "".join(self.rng.choice("ABCDEFGHIJKLMNOPRSTUVW") for _ in range(self.rng.randint(2, 4)))

    def town(self) -> str:
        pick = self.rng.random()
        root = self.rng.choice(self.surnames)
        if pick < 0.35:
            return root.rstrip("aeiouy") + self.rng.choice(_TOWN_ENDS)
        if pick < 0.65:
            return f"{self.rng.choice((root, self.rng.choice(_STEMS)))} {self.rng.choice(_TOWN_WORDS)}"
        if pick < 0.75:
            return f"{self.rng.choice(('North', 'West', 'East', 'South', 'New', 'Port', 'Fort', 'Mount'))} {root}"
        return self.rng.choice(self.cities)

    def person(self, words: int) -> str:
        return self.rng.choice(self.surnames) if words == 1 and self.rng.random() < 0.5 else \
            " ".join([self.rng.choice(self.first)] + [self.rng.choice(self.surnames)] * (words > 1))


def _cased(new: str, old: str) -> str:
    return new.upper() if old.isupper() else new.lower() if old.islower() else new


def swapped(row: dict, pool: PlacePool) -> dict:
    """``row`` with its institutions, places and names replaced by made-up ones of the same casing."""
    note, spans, last = "", [], 0
    for start, end, kind in sorted(row["spans"]):
        old = row["note"][start:end]
        new = {"INSTITUTION": pool.institution, "LOCATION": pool.town}.get(kind, lambda: None)()
        if kind == "NAME" and old.replace(" ", "").replace("-", "").isalpha():
            new = pool.person(len(old.split()))
        if start < last:  # overlapping annotations: keep the text as it is
            continue
        new = old if new is None else _cased(new, old)
        note += row["note"][last:start]
        spans.append((len(note), len(note) + len(new), kind))
        note += new
        last = end
    return {"note": note + row["note"][last:], "spans": spans}


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """An annotated span without a leading "the " and a possessive ending."""
    if text[start: start + 4].lower() == "the ":
        start += 4
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


def examples(rows: list[dict]) -> tuple[list[list[int]], list[int], list[int]]:
    """Hashed features, labels (0: neither; k + 1: ``place_tagger.KINDS[k]``) and row indexes of every candidate, of
    each text as written and in lowercase (as speech recognition writes it)."""
    x, y, groups = [], [], []
    for r, row in enumerate(tqdm(rows, desc="texts", unit="text")):
        for lowercase in (False, True):
            text = row["note"].lower() if lowercase else row["note"]
            if len(text) == len(row["note"]):  # the spans still fit
                _add(text, row["spans"], lowercase, r, x, y, groups)
    return x, y, groups


def _add(text: str, spans: list, lowercase: bool, r: int, x: list, y: list, groups: list) -> None:
    matches = list(TOKEN.finditer(text))
    tokens = [m.group() for m in matches]
    kinds = {_trimmed(text, s, e): kind for s, e, kind in spans}
    for i, j in place_tagger.candidates(tokens, lowercase):
        start, end = matches[i].start(), matches[j - 1].start() + len(bare(tokens[j - 1]))
        kind = kinds.get((start, end))
        if kind in place_tagger.KINDS:
            label = place_tagger.KINDS.index(kind) + 1
        elif any(s < end and start < e for s, e, other in spans if other in _PLACE_KINDS):
            continue  # part of a place, or a place and more
        else:
            label = 0
        x.append(place_tagger.hashed(place_tagger.features(tokens, i, j, lowercase)))
        y.append(label)
        groups.append(r)


def fit(x: sparse.csr_matrix, y: np.ndarray) -> np.ndarray:
    """One weight row per kind, the bias last."""
    return np.stack([train(x, (y == k + 1).astype(float)) for k in range(len(place_tagger.KINDS))])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report held-out figures, write nothing")
    parser.add_argument("--sources", nargs="+", default=list(TRAIN_SOURCES), choices=sorted(HANDWRITTEN),
                        help="annotated sets to train on")
    args = parser.parse_args(argv)
    if not MTS_TRAIN.exists():
        print(f"{MTS_TRAIN} is absent: the tagger's negatives are MTS-Dialog text", file=sys.stderr)
        return 1
    from clinsum.data.dataset import load_examples

    pool = PlacePool(random.Random(0))
    rows = [copy for source in args.sources for row in load_handwritten(HANDWRITTEN[source])
            for copy in [row] + [swapped(row, pool) for _ in range(COPIES)]]
    annotated = len(rows)
    rows += [{"note": text, "spans": []}
             for ex in load_examples(MTS_TRAIN)[:MTS_ROWS] for text in (ex.note, ex.summary)]
    features, labels, groups = examples(rows)
    x, y, groups = hashed_design(features, place_tagger.DIMENSIONS), np.array(labels), np.array(groups)
    print(f"{len(y):,} candidates from {annotated} annotated documents and {len(rows) - annotated} MTS-Dialog texts; "
          + ", ".join(f"{int((y == k + 1).sum())} {kind}" for k, kind in enumerate(place_tagger.KINDS)))
    held = (groups < annotated) & (groups // (COPIES + 1) % 5 == 0)  # a document and its copies together
    w = fit(x[~held], y[~held])
    p = 1 / (1 + np.exp(-(x[held] @ w[:, :-1].T + w[:, -1])))
    print_held_out(p.max(axis=1), y[held] > 0)
    if not args.check:
        save_weights(place_tagger.MODEL_PATH, fit(x, y))
    return 0


if __name__ == "__main__":
    sys.exit(main())
