"""Train the PHI institution and place tagger (:mod:`clinsum.privacy.place_tagger`): does a run of capitalised words
name an institution or a place, given the words around it? Writes src/clinsum/privacy/data/place_tagger.npy.

    python scripts/train_phi_place_tagger.py            # rewrite the weights (deterministic)
    python scripts/train_phi_place_tagger.py --check    # held-out precision and recall by threshold, write nothing

Text: the hand-annotated development sets (benchmarks/data: set 1, dev-3, dev-4; never the report sets handwritten-2
to -4, nor dev-5, which chooses the threshold), and the dialogues and notes of the first 900 MTS-Dialog training rows
(whose capitalised words are clinical words, headings and people: negatives). A candidate
(:func:`place_tagger.candidates`) that is exactly an annotated institution or place (less a leading "the" and a
possessive "'s") is a positive of its kind; one that overlaps another annotated institution, place or address is left
out; every other candidate, people's names among them, is a negative of both kinds. ``--check`` holds out every fifth annotated document.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from scipy import sparse
from tqdm import tqdm

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from phi_quality import HANDWRITTEN, load_handwritten  # noqa: E402
from train_phi_name_model import train  # noqa: E402

from clinsum.paths import MTS_TRAIN  # noqa: E402
from clinsum.privacy import place_tagger  # noqa: E402
from clinsum.privacy.name_tagger import TOKEN, bare  # noqa: E402

TRAIN_SOURCES = ("handwritten", "dev-3", "dev-4", "dev-5")
_PLACE_KINDS = (*place_tagger.KINDS, "ADDRESS")
MTS_ROWS = 900


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


def design(rows: list[list[int]]) -> sparse.csr_matrix:
    indptr = np.cumsum([0] + [len(r) for r in rows])
    cols = np.fromiter((c for r in rows for c in r), dtype=np.int64, count=int(indptr[-1]))
    return sparse.csr_matrix((np.ones(len(cols), np.float32), cols, indptr), shape=(len(rows), place_tagger.DIMENSIONS))


def fit(x: sparse.csr_matrix, y: np.ndarray) -> np.ndarray:
    """One weight row per kind, the bias last."""
    return np.stack([train(x, (y == k + 1).astype(float)) for k in range(len(place_tagger.KINDS))])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report held-out figures, write nothing")
    args = parser.parse_args(argv)
    if not MTS_TRAIN.exists():
        print(f"{MTS_TRAIN} is absent: the tagger's negatives are MTS-Dialog text", file=sys.stderr)
        return 1
    from clinsum.data.dataset import load_examples

    rows = [row for source in TRAIN_SOURCES for row in load_handwritten(HANDWRITTEN[source])]
    annotated = len(rows)
    rows += [{"note": text, "spans": []} for ex in load_examples(MTS_TRAIN)[:MTS_ROWS] for text in (ex.note, ex.summary)]
    features, labels, groups = examples(rows)
    x, y, groups = design(features), np.array(labels), np.array(groups)
    print(f"{len(y):,} candidates from {annotated} annotated documents and {len(rows) - annotated} MTS-Dialog texts; "
          + ", ".join(f"{int((y == k + 1).sum())} {kind}" for k, kind in enumerate(place_tagger.KINDS)))
    held = (groups < annotated) & (groups % 5 == 0)
    w = fit(x[~held], y[~held])
    p = 1 / (1 + np.exp(-(x[held] @ w[:, :-1].T + w[:, -1])))
    best, truth = p.max(axis=1), y[held] > 0
    for threshold in (0.5, 0.7, 0.8, 0.9, 0.95):
        taken = best >= threshold
        precision = truth[taken].mean() if taken.any() else float("nan")
        print(f"threshold {threshold}: held-out precision {precision:.1%}, recall {taken[truth].mean():.1%} "
              f"of {truth.sum()} candidates")
    if not args.check:
        w = fit(x, y)
        np.save(place_tagger.MODEL_PATH, w.astype(np.float16))
        print(f"wrote {place_tagger.MODEL_PATH} ({place_tagger.MODEL_PATH.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
