"""Levers for the faithfulness checker, each measured against the human labels (dev half), side by side.

Issue 9 asks which signals bring the checker's ranking closer to people. Each row ranks the 192 dev-half
summaries by one variant of the score and prints its AUROC for both labels (see
``checker_human_agreement.py``); nothing here is fitted on the labels except the logistic rows and the
chosen length weight, which are cross-validated by dialogue (8 folds). The rows:
- the checker's ``unfaithful_score`` as shipped, and with the flagged typed facts weighted 0-10 (shipped: 4);
- plus a length term (0.1 per content word): a longer summary has more chances to be wrong; and with its
  weight chosen on the labels of 7 of 8 dialogue folds for the eighth (pooled over the folds);
- novel words counted with Snowball stems instead of 5-letter prefixes;
- novel words that all-MiniLM-L6-v2 finds close to a dialogue word (cosine >= t) not counted;
- a logistic regression on the summed signals (cross-validated);
- with ``--context``: negation and uncertainty from medspacy's ConText (its default rules) in place of the
  checker's own scope rules, alone and with the checker's comma-list rule; also the flags on the faithful
  paraphrases of the tests and the unfaithful twins. medspacy pins spaCy 3.7 and numpy 1.x, so it is not a
  clinsum dependency; install it beside the venv:
  ``pip install --no-deps --target /tmp/mslib medspacy==1.3.1 medspacy_quickumls PyRuSH PyFastNER pysbd
  quicksectx loguru Unidecode`` and run with ``PYTHONPATH=/tmp/mslib``;
- with ``--likelihood``: the default model's log-probability of each summary token given the dialogue, and
  against an empty note (pointwise mutual information), alone and rank-averaged with the score. 1.5
  pairs/s measured on 2 idle CPU cores (two 135M forwards per pair), against the checker's 30+.

    python benchmarks/checker_levers.py
    python benchmarks/checker_levers.py --likelihood     # + the summarizer-likelihood rows (~3 min more)
    PYTHONPATH=/tmp/mslib python benchmarks/checker_levers.py --context   # + medspacy ConText rows
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from contextlib import contextmanager, nullcontext
from functools import cache
from unittest import mock

import numpy as np
from scipy.stats import rankdata
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

from clinsum.data.dataset import load_examples
from clinsum.evaluation.faithfulness import _STOPWORDS, _WORD, FaithfulnessChecker, default_model_path
from clinsum.evaluation.human_labels import load_study
from clinsum.paths import HUMAN_LABELS_DEV, MTS_TRAIN, missing
from clinsum.testing import PARAPHRASES, UNFAITHFUL_TWINS
from clinsum.text import reader
from clinsum.text.normalize import normalize, split_note

FLAGS = ("absent", "contradicted", "negation_reversed")


def summed(checks, name: str) -> np.ndarray:
    return np.array([sum(s.signals[name] for s in c.sentences) for c in checks], dtype=float)


def novel_counts(rows, words, report_words) -> np.ndarray:
    """Per summary, over its sentences: content words (by ``words``) found nowhere in the dialogue."""
    counts = []
    for r in rows:
        note = words(normalize(r["Dialogue"]).text)
        counts.append(sum(len(words(normalize(s.text).text) - note - report_words)
                          for s in split_note(r["Automatic Summary"])))
    return np.array(counts, dtype=float)


def snowball_novel(rows) -> np.ndarray:
    from nltk.stem.snowball import SnowballStemmer

    stem = cache(SnowballStemmer("english").stem)

    def words(text):
        return {stem(w) for w in _WORD.findall(text) if w not in _STOPWORDS}

    used, absent = Counter(), Counter()  # report words with the same rule as scripts/train_verifier.py
    for e in load_examples(MTS_TRAIN):
        summary = words(normalize(e.summary).text)
        used.update(summary)
        absent.update(summary - words(normalize(e.note).text))
    report = frozenset(w for w, n in absent.items() if n >= 10 and n / used[w] >= 0.75 and not w.isdigit())
    return novel_counts(rows, words, report)


def embedding_novel(rows, report_words, thresholds) -> dict[float, np.ndarray]:
    from sentence_transformers import SentenceTransformer

    def words(text):
        return {w for w in _WORD.findall(text) if w not in _STOPWORDS}

    per_row, vocabulary = [], set()
    for r in rows:
        note = words(normalize(r["Dialogue"]).text)
        stems = {w[:5] for w in note}
        novel = [w for s in split_note(r["Automatic Summary"]) for w in words(normalize(s.text).text)
                 if w[:5] not in stems and w[:5] not in report_words]
        per_row.append((novel, sorted(note)))
        vocabulary |= set(novel) | note
    vocabulary = sorted(vocabulary)
    model = SentenceTransformer(default_model_path(), device="cpu")
    vectors = model.encode(vocabulary, batch_size=256, normalize_embeddings=True, convert_to_numpy=True)
    index = {w: i for i, w in enumerate(vocabulary)}
    closest = [[float((vectors[index[w]] @ vectors[[index[n] for n in note]].T).max()) for w in novel]
               for novel, note in per_row]
    return {t: np.array([sum(s < t for s in row) for row in closest], dtype=float) for t in thresholds}


def cross_validated(features: np.ndarray, labels: np.ndarray, groups: list[str]) -> np.ndarray:
    predictions = np.zeros(len(labels))
    for train, test in GroupKFold(8).split(features, labels, groups):
        model = LogisticRegression(max_iter=1000).fit(features[train], labels[train])
        predictions[test] = model.decision_function(features[test])
    return predictions


def cross_validated_weight(base: np.ndarray, extra: np.ndarray, labels: np.ndarray, groups: list[str],
                           grid=(0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5)) -> np.ndarray:
    """``base + w * extra``, with w chosen (best AUROC, the smallest on ties) on the other 7 of 8 dialogue
    folds for each fold's summaries."""
    out = np.zeros(len(labels))
    for train, test in GroupKFold(8).split(base, labels, groups):
        w = max(grid, key=lambda w: (roc_auc_score(labels[train], base[train] + w * extra[train]), -w))
        out[test] = base[test] + w * extra[test]
    return out


def likelihood_signals(rows) -> dict[str, np.ndarray]:
    import torch

    from clinsum.data.batching import collate
    from clinsum.data.prompts import PromptFormat
    from clinsum.models import load_for_inference
    from clinsum.training.losses import summary_logits

    model, tokenizer = load_for_inference("default", torch.device("cpu"))
    fmt = PromptFormat(tokenizer, "auto")

    @torch.no_grad()
    def token_logps(note: str, summary: str) -> np.ndarray:
        row = fmt.encode_pair(note, summary, None, 1024)
        logits, targets, _ = summary_logits(model, collate([row.input_ids], [row.labels], tokenizer.pad_token_id))
        return torch.log_softmax(logits, -1).gather(1, targets[:, None])[:-1, 0].numpy()  # without EOS

    started, given, alone = time.perf_counter(), [], []
    for r in rows:
        c, u = token_logps(r["Dialogue"], r["Automatic Summary"]), token_logps("", r["Automatic Summary"])
        n = min(len(c), len(u))  # the same summary tokens at the end of both
        given.append(c[-n:])
        alone.append(u[-n:])
    print(f"likelihood: {len(rows) / (time.perf_counter() - started):.2f} pairs/s")
    out = {"-mean log p(token | dialogue)": np.array([-c.mean() for c in given]),
           "-mean PMI(token; dialogue)": np.array([-(c - u).mean() for c, u in zip(given, alone)])}
    for tau in (-4, -6):
        out[f"tokens with log p < {tau}"] = np.array([(c < tau).sum() for c in given], dtype=float)
    return out


@contextmanager
def context_polarity(keep_list_rule: bool):
    """Replace the checker's negation scope rules with medspacy ConText (default rules) while inside.

    Each term of a normalised text becomes a ConText target: negated -> denied, uncertain or hypothetical ->
    either polarity, else affirmed. Words that deny themselves ("afebrile") stay denied. With
    ``keep_list_rule``, an item the checker's comma-list rule leaves undecided ("no chest pain, right ankle
    swelling") stays undecided whatever ConText says.
    """
    import medspacy.context  # noqa: F401  (registers the spaCy factory)
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    context = nlp.add_pipe("medspacy_context")
    docs = {}

    def polarity(text, term, scopes):
        if term.negated:
            return reader.NEGATED
        if keep_list_rule and any(s.covers(text, term) and s.uncertain_from is not None
                                  and term.start >= s.uncertain_from for s in scopes):
            return reader.UNCERTAIN
        if text not in docs:
            docs[text] = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
        doc = docs[text]
        span = doc.char_span(term.start, term.end, label="TERM", alignment_mode="expand")
        if span is None:
            return reader.AFFIRMED
        doc.ents = [span]
        target = context(doc).ents[0]
        if target._.is_negated:
            return reader.NEGATED
        return reader.UNCERTAIN if target._.is_uncertain or target._.is_hypothetical else reader.AFFIRMED

    with mock.patch.object(reader, "_polarity", polarity):
        yield


def paraphrase_flags(paraphrases, twins) -> tuple[int, int]:
    """(faithful paraphrases flagged, unfaithful twins caught) by the lexical checker, as the tests check them."""
    checker = FaithfulnessChecker(use_embeddings=False)
    flagged = sum(checker.check(n, s).unsupported_count > 0 for n, s in paraphrases)
    return flagged, sum(checker.check(n, s).unsupported_count > 0 for n, s in twins)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--likelihood", action="store_true", help="also the summarizer-likelihood rows (slow)")
    parser.add_argument("--context", action="store_true", help="also medspacy ConText in place of the scope rules")
    args = parser.parse_args()
    if not HUMAN_LABELS_DEV.exists():
        raise SystemExit(missing(HUMAN_LABELS_DEV))
    rows = load_study(HUMAN_LABELS_DEV)
    groups = [r["ID"] for r in rows]
    labels = {name: np.array([r[name] for r in rows]) for name in ("hallucinated", "unfaithful")}
    checker = FaithfulnessChecker(use_embeddings=False)  # the signals are lexical (verifier.py)
    checks = checker.check_many([(r["Dialogue"], r["Automatic Summary"]) for r in rows])
    flags = sum(summed(checks, name) for name in FLAGS)
    novel, unverified, words = (summed(checks, n) for n in ("novel_words", "unverified", "words"))
    shipped = np.array([c.unfaithful_score for c in checks])

    scores = {"unfaithful_score (shipped)": shipped}
    scores |= {f"flags weighted {k}": novel + unverified + k * flags for k in (0, 1, 2, 6, 10)}
    scores["+ 0.1 x content words"] = shipped + 0.1 * words
    for label, y in labels.items():
        scores[f"+ w x content words, w by 8-fold CV on {label}"] = cross_validated_weight(shipped, words, y, groups)
    scores["novel words by Snowball stems"] = snowball_novel(rows) + unverified + 4 * flags
    for t, counts in embedding_novel(rows, checker.report_words, (0.6, 0.7, 0.8)).items():
        scores[f"novel words, MiniLM cosine < {t}"] = counts + unverified + 4 * flags
    features = np.log1p(np.c_[flags, unverified, novel, words, summed(checks, "facts")])
    if args.context:
        variants = {"own scope rules (shipped)": nullcontext(),
                    "medspacy ConText": context_polarity(keep_list_rule=False),
                    "medspacy ConText + own comma-list rule": context_polarity(keep_list_rule=True)}
        for name, patch in variants.items():
            with patch:
                started = time.perf_counter()
                checks_v = FaithfulnessChecker(use_embeddings=False).check_many(
                    [(r["Dialogue"], r["Automatic Summary"]) for r in rows])
                seconds = time.perf_counter() - started
                flagged, caught = paraphrase_flags(PARAPHRASES, UNFAITHFUL_TWINS)
            scores[f"{name}: unfaithful_score"] = np.array([c.unfaithful_score for c in checks_v])
            scores[f"{name}: unsupported_count"] = np.array([c.unsupported_count for c in checks_v], dtype=float)
            print(f"{name}: {len(rows) / seconds:.0f} pairs/s (lexical); faithful paraphrases flagged "
                  f"{flagged}/{len(PARAPHRASES)}, unfaithful twins caught {caught}/{len(UNFAITHFUL_TWINS)}")
    if args.likelihood:
        for name, values in likelihood_signals(rows).items():
            scores[name] = values
            scores[f"rank mean(score, {name})"] = rankdata(shipped) + rankdata(values)

    print(f"{len(rows)} summaries of {len(set(groups))} dialogues (dev half); AUROC")
    print(f"{'score':52}{'hallucinated':>14}{'unfaithful':>12}")
    for name, values in scores.items():
        print(f"{name:52}{roc_auc_score(labels['hallucinated'], values):14.3f}"
              f"{roc_auc_score(labels['unfaithful'], values):12.3f}")
    cv = {label: roc_auc_score(y, cross_validated(features, y, groups)) for label, y in labels.items()}
    print(f"{'logistic on log signals (8-fold CV by dialogue)':52}{cv['hallucinated']:14.3f}{cv['unfaithful']:12.3f}")


if __name__ == "__main__":
    main()
