"""Options and report of ``clinsum negatives``, shared by the edits and the model's own samples."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from clinsum.config import device_option, dtype_option, option
from clinsum.data.dataset import ColumnOptions
from clinsum.data.prompts import PROMPT_STYLES

STRATEGIES = ("medication_swap", "dose_change", "number_change", "negation_flip", "laterality_swap",
              "condition_swap", "temporal_change", "fabrication")
GENERATED, LABELLED, MODEL_OUTPUT = "generated", "labelled", "model_output"  # a triplet's source
HALLUCINATED_LABEL = "hallucinated"
DROP_REASONS = ("no_target_span", "unchanged", "length_mismatch", "too_different", "present_in_note", "duplicate",
                "unbalanced", "no_factual_pair", "supported", "reference_flagged", "no_faithful_sample")
# Negation flips by the side that carries the denial: chosen "denies X" / rejected "reports X", or the reverse.
DENIED_TO_AFFIRMED, AFFIRMED_TO_DENIED = "denied_to_affirmed", "affirmed_to_denied"


@dataclass
class NegativesConfig(ColumnOptions):
    """Options of ``clinsum negatives``: the edit strategies, and optionally the model's own errors."""

    input: str | None = option(None, "note/summary pairs (.csv, .jsonl or a saved HF dataset folder); factual "
                                     "rows are edited, hallucinated rows sharing a note become labelled triplets")
    output: str = option("triplets.jsonl", "triplets file, .jsonl or .csv; the other format and "
                                           "<stem>.report.json are written alongside")
    strategies: list[str] = option(list(STRATEGIES), "edit strategies to use")
    per_example: int = option(3, "max generated triplets per factual pair, each from a different strategy (0: no "
                                 "edits, e.g. only the model's own errors with --model-path)")
    attempts: int = option(4, "candidate edits one strategy may try on one pair before giving up")
    seed: int = option(42, "seed for strategy order and swap targets")
    min_similarity: float = option(0.75, "min token-level similarity (difflib ratio) of rejected to chosen")
    max_length_ratio: float = option(1.5, "max ratio of the longer to the shorter summary, in tokens")
    include_labelled: bool = option(True, "also turn hallucinated rows that share a note with a factual row "
                                          "into triplets")
    balance_negation: bool = option(True, "keep as many affirmed->denied as denied->affirmed negation flips (a "
                                          "flip that would tip the balance by more than one is dropped as "
                                          "'unbalanced' and the pair tries its next strategy), so DPO does not "
                                          "learn denial as a style")
    model_path: str | None = option(None, "also summarize training notes with this model (the Stage A adapter in "
                                          "the pipeline) and turn its own unfaithful summaries into rejected ones")
    model_max_examples: int | None = option(None, "summarize at most this many training notes with --model-path "
                                                  "(generation is the slow part on a CPU)")
    model_max_new_tokens: int = option(128, "most tokens per --model-path summary")
    model_samples: int = option(1, "summaries per note from --model-path. 1: greedy, rejected when the checker flags "
                                   "more facts in it than in the reference (or it loops), the reference chosen. "
                                   "k > 1: k samples, and both sides are the model's own: chosen the sample the "
                                   "checker does not call hallucinated that is closest to the reference (ROUGE-L), "
                                   "rejected the least faithful hallucinated one within --max-length-ratio of it")
    model_temperature: float = option(0.7, "sampling temperature when --model-samples is above 1")
    model_batch_size: int = option(8, "training notes summarized together with --model-path (raise it on a GPU)")
    device: str = device_option()
    dtype: str = dtype_option()
    prompt_style: str = option("auto", "auto, chat or plain: how --model-path was prompted in training",
                               choices=PROMPT_STYLES)

    def __post_init__(self):
        if isinstance(self.strategies, str):
            self.strategies = [s.strip() for s in self.strategies.split(",") if s.strip()]
        unknown = [s for s in self.strategies if s not in STRATEGIES]
        if unknown or not self.strategies:
            raise ValueError(f"--strategies: unknown strategy {', '.join(map(repr, unknown)) or '(none given)'}; "
                             f"valid: {', '.join(STRATEGIES)}")
        if self.per_example < 0 or self.attempts < 1:
            raise ValueError("--per-example must be at least 0 (0: no edits) and --attempts at least 1")
        if not 0.0 <= self.min_similarity <= 1.0:
            raise ValueError(f"--min-similarity must be between 0 and 1, got {self.min_similarity}")
        if self.max_length_ratio < 1.0:
            raise ValueError(f"--max-length-ratio must be at least 1, got {self.max_length_ratio}")
        if Path(self.output).suffix.lower() not in (".jsonl", ".csv"):
            raise ValueError(f"--output {self.output}: use a .jsonl or .csv file name")
        if self.model_samples < 1:
            raise ValueError(f"--model-samples must be at least 1 (1: greedy), not {self.model_samples}")
        if self.model_temperature <= 0:
            raise ValueError(f"--model-temperature must be positive, not {self.model_temperature}")


@dataclass
class NegativesReport:
    """Per strategy: candidate edits attempted, kept, and why the others were dropped."""

    counts: dict[str, Counter] = field(default_factory=dict)
    pairs: int = 0
    negation_directions: Counter = field(default_factory=Counter)  # kept negation flips by direction

    def record(self, strategy: str, outcome: str) -> None:
        counter = self.counts.setdefault(strategy, Counter())
        counter["attempted"] += 1
        counter[outcome] += 1

    def rows(self) -> dict[str, dict]:
        return {
            strategy: {"attempted": c["attempted"], "kept": c["kept"],
                       "dropped": {r: c[r] for r in DROP_REASONS if c[r]}}
            for strategy, c in self.counts.items()
        }

    def to_dict(self) -> dict:
        return {"source_pairs": self.pairs, "triplets": sum(c["kept"] for c in self.counts.values()),
                "strategies": self.rows(),
                "negation_directions": {d: self.negation_directions[d] for d in (DENIED_TO_AFFIRMED, AFFIRMED_TO_DENIED)}}

    def table(self) -> str:
        reasons = [r for r in DROP_REASONS if any(c[r] for c in self.counts.values())]
        header = ["strategy", "attempted", "kept", *reasons]
        lines = [[name, *(str(c[k]) for k in header[1:])] for name, c in self.counts.items()]
        total = Counter()
        for c in self.counts.values():
            total.update(c)
        lines.append(["total", *(str(total[k]) for k in header[1:])])
        widths = [max(len(row[i]) for row in [header, *lines]) for i in range(len(header))]

        def fmt(row: list[str]) -> str:
            return "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))

        directions = (f"negation_flip directions: {self.negation_directions[AFFIRMED_TO_DENIED]} affirmed -> denied "
                      f"(chosen affirms), {self.negation_directions[DENIED_TO_AFFIRMED]} denied -> affirmed "
                      "(chosen denies)")
        return "\n".join([f"{self.pairs} factual pairs", fmt(header), *map(fmt, lines), directions])
