"""Whether a run of capitalised words names an institution or a place, given its words and the words around it, where
no rule's cue or list finds it ("Wants to deliver at Southdale this time", "ICD at Barts", "Midlands Orthopaedics &
Spine" under a signature, "TRANSPORTED TO HENRY FORD"): two logistic regressions (institution, place) over hashed
features of a candidate span (its words, head word, shape, the word lists that hold its words) and of the words
beside it, as in :mod:`clinsum.privacy.name_tagger`. A candidate is any run of one to five capitalised words (with
"of", "the", "&" inside) on one line; in text written without capitals, one to four words after a place word ("works
nights at the uh amazon place out in fontana"). Trained by scripts/train_phi_place_tagger.py on the hand-annotated
development sets and on MTS-Dialog text (whose capitalised words are clinical, not places). Weights load once (numpy
only)."""

from __future__ import annotations

import zlib
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from clinsum.privacy.name_tagger import TOKEN, bare, context_word, score_bin, word_lists
from clinsum.privacy.names import is_lowercase_text
from clinsum.privacy.patterns import STATES, STATE_NAMES

MODEL_PATH = Path(__file__).parent / "data" / "place_tagger.npy"
DIMENSIONS = 1 << 18
KINDS = ("INSTITUTION", "LOCATION")
# A candidate whose probability reaches this is taken. Chosen on dev-5 and dev-6 with models trained without them:
# 0.7 / 0.6 / 0.5 gave 83.4 / 84.0 / 84.2% of dev-5's identifiers and 82.1 / 82.4 / 82.6% of dev-6's at the same
# precision (96.0-96.1%, 93.9-94.1%); 0.6 leaves two clinical words that 0.5 takes ("Nystagmus on Dix-Hallpike").
THRESHOLD = 0.6
MAX_WORDS = 5
_CONNECTORS = frozenset(("of", "the", "and", "&", "de", "del", "la", "for", ".", "-"))
_ABBREVIATIONS = frozenset(("St", "Mt", "Ft", "ST", "MT", "FT", "Ste"))
_STATES = frozenset(STATES) | {form for name in STATE_NAMES.split("|") for form in (name, name.upper(), name.lower())}
_LINE_END = frozenset(("\n", "</s>"))
# In text without capitals: the words a candidate follows, those it may skip first, and those it never holds.
_PLACE_WORDS = frozenset(("at", "in", "from", "to", "near", "past", "with", "for", "of", "on", "by"))
_SKIPPED = frozenset(("the", "uh", "um", "er", "a", "like"))
_FUNCTION_WORDS = frozenset("""a an the and or but so if then than that this these those there here what when where
which who how why i im i'm me my we our you your he him his she her it its they them their at in from to near past with
for of on by into over out up down off is was were are be been am do does did have has had will would can could should
not no yes yeah okay ok uh um er like just now right well oh""".split())
_START = frozenset(("<s>", "\n", ".", "!", "?", ":", ";", "-", "•", "*", ">", "|"))


def _capitalised(token: str) -> bool:
    return token[0].isupper() and token[0].isalpha()


def candidates(tokens: list[str], lowercase: bool = False) -> list[tuple[int, int]]:
    """Token ranges ``[i, j)`` of one to :data:`MAX_WORDS` capitalised words on one line, joined only by connectors
    ("Shady Oaks", "St . Luke's", "Midlands Orthopaedics & Spine"), starting and ending with a capitalised word; with
    ``lowercase``, of one to four words after a place word that are no function words ("in | west kettering")."""
    if lowercase:
        return _lowercase_candidates(tokens)
    spans = []
    i = 0
    while i < len(tokens):
        if not _capitalised(tokens[i]):
            i += 1
            continue
        run = [i]  # the indexes of the run's capitalised words
        j = i + 1
        while j < len(tokens):
            if _capitalised(tokens[j]):
                run.append(j)
            elif not (tokens[j] in _CONNECTORS and j + 1 < len(tokens)
                      and (tokens[j] != "." or tokens[j - 1] in _ABBREVIATIONS)):
                break
            j += 1
        for a, start in enumerate(run):
            for end in run[a: a + MAX_WORDS]:
                spans.append((start, end + 1))
        i = j
    return spans


def _lowercase_candidates(tokens: list[str]) -> list[tuple[int, int]]:
    spans = []
    for k, token in enumerate(tokens):
        if token.lower() not in _PLACE_WORDS:
            continue
        i = k + 1
        while i < len(tokens) and tokens[i] in _SKIPPED:
            i += 1
        j = i
        while j < len(tokens) and j - i < 4 and tokens[j].isalpha() and tokens[j] not in _FUNCTION_WORDS:
            j += 1
            spans.append((i, j))
    return spans


def _shape(words: list[str]) -> str:
    return "".join("U" if w.isupper() and len(w) > 1 else "C" if _capitalised(w) else "l" if w.isalpha() and w
                   not in _CONNECTORS else w for w in words)[:8]


def features(tokens: list[str], i: int, j: int, lowercase: bool = False) -> list[str]:
    """The feature strings of the candidate ``tokens[i:j]`` (``lowercase``: of text written without capitals)."""
    words = [bare(t) for t in tokens[i:j] if t not in _CONNECTORS] or [bare(t) for t in tokens[i:j]]
    lows = [w.lower() for w in words]
    p1, p2 = (tokens[i - k] if i >= k else "<s>" for k in (1, 2))
    n1, n2 = (tokens[j + k] if j + k < len(tokens) else "</s>" for k in (0, 1))
    c1, c2, d1, d2 = context_word(p1), context_word(p2), context_word(n1), context_word(n2)
    lists = [word_lists(w) for w in words]
    head = lows[-1]
    names = [
        "bias", f"n{len(words)}", f"shape:{_shape(tokens[i:j])}", f"f:{lows[0]}", f"h:{head}", f"end:{head[-3:]}",
        f"Lf:{lists[0]}", f"Lh:{lists[-1]}", f"S{p1 in _START}", f"E{n1 in _LINE_END}",
        f"p1:{c1}", f"p2:{c2}|{c1}", f"n1:{d1}", f"n2:{d1}|{d2}", f"pn:{c1}|{d1}", f"p1:{c1}|n{len(words)}",
        f"p1:{c1}|h:{head}", f"state{n1 in _STATES or n1 == ',' and n2 in _STATES}",
        f"poss{tokens[j - 1] != words[-1]}", f"bf{score_bin(words[0])}", f"bh{score_bin(words[-1])}",
        f"bh{score_bin(words[-1])}Lh:{lists[-1]}",
    ]
    names += [f"w:{low}" for low in lows] + [f"L:{flags}" for flags in lists]
    if lowercase:  # the same words mean less without capitals: each feature also as its lowercase variant
        names += [f"lc|{name}" for name in names]
    return names


def hashed(names: list[str]) -> list[int]:
    return [zlib.crc32(name.encode()) % DIMENSIONS for name in names]


@cache
def _weights() -> np.ndarray:
    """One row of weights per kind of :data:`KINDS`, the bias last."""
    return np.load(MODEL_PATH).astype(np.float32)


@lru_cache(maxsize=65536)
def _row(context: tuple[str, ...], lowercase: bool) -> tuple[int, ...]:
    """Hashed features of the candidate ``context[2:-2]`` between two words on each side (cached: headings, sign-outs
    and templates repeat the same runs)."""
    return tuple(hashed(features(list(context), 2, len(context) - 2, lowercase)))


def probabilities(tokens: list[str], spans: list[tuple[int, int]], lowercase: bool = False) -> np.ndarray:
    """``[len(spans), len(KINDS)]`` probabilities."""
    w = _weights()
    if not spans:
        return np.zeros((0, len(KINDS)), np.float32)
    padded = ["<s>", "<s>", *tokens, "</s>", "</s>"]
    rows = [_row(tuple(padded[i: j + 4]), lowercase) for i, j in spans]
    starts = np.cumsum([0] + [len(row) for row in rows[:-1]])
    scores = np.add.reduceat(w[:, [k for row in rows for k in row]], starts, axis=1).T + w[:, -1]
    return 1 / (1 + np.exp(-scores))


@lru_cache(maxsize=2)
def find_places(text: str, threshold: float = THRESHOLD) -> dict[str, list[tuple[int, int]]]:
    """Character spans the tagger takes for institutions and places, by kind: the most probable first, none
    overlapping another (cached: one recognizer per kind asks for the same text)."""
    matches = list(TOKEN.finditer(text))
    tokens = [m.group() for m in matches]
    lowercase = is_lowercase_text(text)
    spans = candidates(tokens, lowercase)
    p = probabilities(tokens, spans, lowercase)
    found: dict[str, list[tuple[int, int]]] = {kind: [] for kind in KINDS}
    taken: list[tuple[int, int]] = []
    for k in np.argsort(-p.max(axis=1), kind="stable"):
        if p[k].max() < threshold:
            break
        i, j = spans[k]
        start, end = matches[i].start(), matches[j - 1].start() + len(bare(tokens[j - 1]))
        if not any(s < end and start < e for s, e in taken):
            taken.append((start, end))
            found[KINDS[int(p[k].argmax())]].append((start, end))
    return found
