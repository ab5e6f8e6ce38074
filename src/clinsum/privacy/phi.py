"""Find protected health information (PHI) in clinical text and replace it with tags or surrogates.

Detection is :class:`~clinsum.privacy.detect.PhiDetector` (Presidio's analyzer with the clinical
recognizers); replacement is Presidio's anonymizer: ``tag`` writes a typed placeholder (``[NAME]``),
``surrogate`` a consistent fake value per note (:class:`~clinsum.privacy.surrogates.Surrogates`).
"""

from __future__ import annotations

from collections import Counter

from clinsum.privacy.detect import PHI_TYPES, PhiDetector, PhiSpan
from clinsum.privacy.surrogates import Surrogates, hash_seed, shift_date

__all__ = ["MODES", "PHI_TYPES", "PhiDetector", "PhiRedactor", "PhiSpan", "Surrogates", "shift_date"]

MODES = ("tag", "surrogate")


class PhiRedactor:
    """Detect and replace identifiers. One instance serves many texts (building it takes a few seconds); with
    ``workers`` > 1, :meth:`redact_many` finds identifiers in that many processes (:meth:`close` stops them)."""

    def __init__(self, mode: str = "tag", seed: int = 0, clinical: bool = True, spacy_model: str | None = None,
                 keep: tuple[str, ...] = (), workers: int = 1):
        if mode not in MODES:
            raise ValueError(f"unknown PHI redaction mode {mode!r}; choose from {', '.join(MODES)}")
        from presidio_anonymizer import AnonymizerEngine

        self.mode, self.seed = mode, seed
        self.detector = PhiDetector(clinical, spacy_model, keep, workers)
        self.anonymizer = AnonymizerEngine()

    def surrogates(self, key: str | int) -> Surrogates:
        """The surrogate state for one record (seeded by the run's seed and the record's key)."""
        return Surrogates(seed=hash_seed(self.seed, key))

    def redact(self, text: str, surrogates: Surrogates | None = None) -> tuple[str, Counter]:
        """``text`` with its identifiers replaced, and the count of replacements by type.

        In surrogate mode, pass the same :class:`Surrogates` for texts that belong together (a note
        and its summary) so that they get the same fake names and date shift.
        """
        return self.replace(text, self.detector.find(text), surrogates)

    def redact_many(self, texts: list[str], surrogates: list[Surrogates | None] | None = None,
                    progress: bool = False) -> list[tuple[str, Counter]]:
        """:meth:`redact` of each text (``surrogates``: one state per text, or None for each its own)."""
        found = self.detector.find_many(texts, progress)
        states = surrogates or [None] * len(texts)
        return [self.replace(text, spans, state) for text, spans, state in zip(texts, found, states)]

    def replace(self, text: str, spans: list[PhiSpan], surrogates: Surrogates | None = None) -> tuple[str, Counter]:
        """``text`` with ``spans`` replaced by their tags or surrogates, and the count of replacements by type."""
        if not spans:
            return text, Counter()
        from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

        if self.mode == "tag":
            operators = {t: OperatorConfig("replace", {"new_value": f"[{t}]"}) for t in PHI_TYPES}
        else:
            surrogates = surrogates or self.surrogates(text)
            operators = {t: OperatorConfig("custom", {"lambda": (lambda value, t=t: surrogates.value(t, value))})
                         for t in PHI_TYPES}
        pieces, counts = [], Counter()
        for start, end, group in reversed(_pieces(text, spans)):  # the anonymizer works from the end: so do we
            results = [RecognizerResult(s.type, s.start - start, s.end - start, s.score) for s in group]
            result = self.anonymizer.anonymize(text[start:end], results, operators, merge_entities_with_spaces=False)
            pieces.append(result.text)
            counts.update(item.entity_type for item in result.items)
        return "".join(reversed(pieces)), counts

    def close(self) -> None:
        """Stop the worker processes, if any."""
        self.detector.close()


# The anonymizer rebuilds the whole text for every replacement; a long note is replaced piece by piece.
PIECE_CHARS = 10_000


def _pieces(text: str, spans: list[PhiSpan]) -> list[tuple[int, int, list[PhiSpan]]]:
    """``(start, end, spans in it)`` of pieces of about :data:`PIECE_CHARS` that tile ``text``, cut where no
    span crosses."""
    pieces, start, group, reach = [], 0, [], 0
    for span in sorted(spans, key=lambda s: s.start):
        if group and span.start >= reach and span.start - start >= PIECE_CHARS:  # nothing crosses span.start
            pieces.append((start, span.start, group))
            start, group = span.start, []
        group.append(span)
        reach = max(reach, span.end)
    pieces.append((start, len(text), group))
    return pieces
