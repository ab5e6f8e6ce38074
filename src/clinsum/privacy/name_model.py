"""How much a word looks like a person's name: a logistic regression over hashed character n-grams,
trained by scripts/train_phi_name_model.py on name words of many origins against clinical, drug and
common English words. It lets a cue ("son dmitri", "PATIENT: It's Oluwaseun") admit a name that no
dictionary holds. Weights load once, on first use (numpy only, about 64 kB)."""

from __future__ import annotations

import zlib
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).parent / "data" / "name_model.npy"
DIMENSIONS = 1 << 15
NGRAMS = (2, 3, 4, 5)
# A word scoring at least this is taken as a name where a cue allows one (measured on the development
# data: handwritten set 1, the generator and presidio-research; see docs/phi.md).
THRESHOLD = 0.8
# A word of the census name lists needs only this much: many surnames there are English words ("States").
KNOWN_THRESHOLD = 0.6
# With no cue but its place inside a sentence, a word must score this much (and be in no dictionary).
UNCUED_THRESHOLD = 0.95


def features(word: str) -> list[int]:
    """Hashed indexes of the character n-grams of ``^word$`` (lowercase)."""
    padded = f"^{word.lower()}$"
    return [zlib.crc32(padded[i: i + n].encode()) % DIMENSIONS
            for n in NGRAMS for i in range(len(padded) - n + 1)]


@cache
def _weights() -> np.ndarray:
    return np.load(MODEL_PATH).astype(np.float32)


@lru_cache(maxsize=65536)
def name_score(word: str) -> float:
    """Probability-like score in [0, 1] that ``word`` is a name word."""
    w = _weights()
    return float(1 / (1 + np.exp(-(w[features(word)].sum() + w[-1]))))


def looks_like_name(word: str) -> bool:
    return name_score(word) >= THRESHOLD
