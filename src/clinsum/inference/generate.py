"""Generate summaries with a base model or a clinsum adapter (Stage A or B): one note, a file, or a prompt.

Batch generation sorts notes by length and left-pads each batch, so a batch of 8 costs little more
than its longest note instead of eight sequential generations. The repetition controls look at the
summary being written only: a summary must not repeat itself, but it may (and should) reuse the note's words.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import torch
from tqdm.auto import tqdm

from clinsum.config import device_option, dtype_option, option
from clinsum.data.batching import pad_batch
from clinsum.data.dataset import ColumnMapping, DataError, read_rows
from clinsum.data.prompts import PROMPT_STYLES, PromptFormat
from clinsum.models import load_for_inference, resolve_device, trained_prompt_style

log = logging.getLogger(__name__)


@dataclass
class GenerationOptions:
    """Decoding settings; the same object drives `generate`, the demo and evaluation."""

    max_new_tokens: int = option(150, "most tokens to generate per summary")
    temperature: float = option(0.7, "sampling temperature")
    top_p: float = option(0.9, "nucleus sampling: smallest token set with this probability mass")
    top_k: int = option(50, "sample among the k most likely tokens")
    greedy: bool = option(False, "greedy decoding (deterministic; ignores temperature/top-p/top-k)")
    batch_size: int = option(8, "notes generated together (left-padded)")
    max_input_length: int = option(2048, "prompt tokens at most; longer notes are truncated")
    seed: int = option(0, "sampling seed")
    # 3: chosen on MTS-Dialog validation dialogues (loops 32.5% -> 0%, ROUGE-L up); see results/mts-dialog
    no_repeat_ngram_size: int = option(3, "never repeat an n-gram of this many tokens within a summary (0: off; "
                                          "the note's own phrases stay free to copy)")
    repetition_penalty: float = option(1.0, "penalize tokens already in the summary (1.0: off; >1 discourages "
                                            "repeats; the note's tokens are not penalized)")
    candidates: int = option(1, "checker-guided decoding: beam-search this many candidate summaries per note and "
                                "keep the one the faithfulness checker scores least unfaithful (unfaithful_score, by which "
                                "eval counts hallucinations; ties: the likelier one); 1: off")

    def __post_init__(self):
        if self.candidates < 1:
            raise ValueError(f"--candidates must be at least 1 (1: plain decoding), not {self.candidates}")

    def logits_processors(self, prompt_length: int):
        """The repetition controls, each restricted to the tokens generated after ``prompt_length``."""
        from transformers import LogitsProcessorList, NoRepeatNGramLogitsProcessor, RepetitionPenaltyLogitsProcessor

        if self.no_repeat_ngram_size < 0:
            raise ValueError(f"--no-repeat-ngram-size must be 0 (off) or a positive n-gram size, not {self.no_repeat_ngram_size}")
        if self.repetition_penalty <= 0:
            raise ValueError(f"--repetition-penalty must be positive (1.0: off), not {self.repetition_penalty}")
        processors = []
        if self.no_repeat_ngram_size:
            processors.append(SummaryOnly(NoRepeatNGramLogitsProcessor(self.no_repeat_ngram_size), prompt_length))
        if self.repetition_penalty != 1.0:
            processors.append(SummaryOnly(RepetitionPenaltyLogitsProcessor(float(self.repetition_penalty)), prompt_length))
        return LogitsProcessorList(processors)


class SummaryOnly:
    """A logits processor that sees only the generated tokens: transformers' own repetition controls look at
    the whole sequence, prompt included, which for a decoder-only model would forbid copying the note."""

    def __init__(self, processor, prompt_length: int):
        self.processor, self.prompt_length = processor, prompt_length

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        return self.processor(input_ids[:, self.prompt_length:], scores)


@dataclass
class InferenceModelOptions:
    """How a model is loaded to summarize: shared by `generate`, `eval` and `serve`."""

    prompt_style: str = option("auto", "auto (a trained model's own; for a base model, chat if the tokenizer has a "
                                       "template), chat or plain", choices=PROMPT_STYLES)
    device: str = device_option()
    dtype: str = dtype_option()
    trust_remote_code: bool = option(False, "allow model repos to run their own Python code")


@dataclass
class GenerateConfig(InferenceModelOptions, GenerationOptions):
    """Every option of `clinsum generate`."""

    model_path: str = option("default", "adapter folder from `clinsum sft`/`clinsum dpo`, or a base model spec")
    clinical_note: str | None = option(None, "summarize this one note")
    input_file: str | None = option(None, "notes to summarize: .txt (blank-line separated), .csv or .jsonl")
    output_file: str | None = option(None, "where batch summaries go, .csv or .jsonl (default: <input>.summaries.csv)")
    note_column: str | None = option(None, "note column of a .csv/.jsonl input (default: clinical_note, note, dialogue or text)")


@dataclass(frozen=True)
class Candidate:
    """One candidate summary and its log-likelihood per token under the model (beam search's score)."""

    text: str
    logprob: float


class Summarizer:
    """A loaded model, its tokenizer and prompt format, ready to summarize notes."""

    def __init__(self, model, tokenizer, prompt_format: PromptFormat, device: torch.device):
        self.model, self.tokenizer, self.prompt_format, self.device = model, tokenizer, prompt_format, device

    @classmethod
    def from_pretrained(cls, model_path: str = "default", device: str = "auto", prompt_style: str = "auto",
                        trust_remote_code: bool = False, dtype: str = "auto") -> "Summarizer":
        torch_device = resolve_device(device)
        model, tokenizer = load_for_inference(model_path, torch_device, trust_remote_code, dtype)
        style = trained_prompt_style(model_path) if prompt_style == "auto" else prompt_style
        return cls(model, tokenizer, PromptFormat(tokenizer, style or "auto"), torch_device)

    def summarize(self, notes: list[str], options: GenerationOptions | None = None,
                  contexts: list[str | None] | None = None, progress: bool = True) -> list[str]:
        """Summaries of ``notes`` in input order, generated ``options.batch_size`` at a time."""
        options = options or GenerationOptions()
        return [texts[0] for texts, _ in self._generate(notes, options, contexts, progress, beams=1)]

    def candidates(self, notes: list[str], options: GenerationOptions, contexts: list[str | None] | None = None,
                   progress: bool = True) -> list[list[Candidate]]:
        """``options.candidates`` beam-search summaries of each note, likeliest first.

        Beam search rather than sampling: the candidates are the model's likeliest summaries (choosing
        among them costs little fluency) and the same notes give the same candidates, as greedy does.
        """
        return [[Candidate(text, score) for text, score in zip(texts, scores)]
                for texts, scores in self._generate(notes, options, contexts, progress, beams=options.candidates)]

    @torch.no_grad()
    def _generate(self, notes: list[str], options: GenerationOptions, contexts: list[str | None] | None,
                  progress: bool, beams: int) -> list[tuple[list[str], list[float]]]:
        """(texts, scores) per note: one greedy or sampled text (score 0), or ``beams`` beam-search texts."""
        contexts = contexts or [None] * len(notes)
        prompts = [self.prompt_format.encode_prompt(n, c, options.max_input_length)[0] for n, c in zip(notes, contexts)]
        order = sorted(range(len(prompts)), key=lambda i: len(prompts[i]), reverse=True)
        results: list[tuple[list[str], list[float]]] = [([], [])] * len(prompts)
        torch.manual_seed(options.seed)
        pad_id = self.tokenizer.pad_token_id
        if beams > 1:
            decoding = {"do_sample": False, "num_beams": beams, "num_return_sequences": beams,
                        "return_dict_in_generate": True, "output_scores": True}
        elif options.greedy:
            decoding = {"do_sample": False}
        else:
            decoding = {"do_sample": True, "temperature": options.temperature, "top_p": options.top_p,
                        "top_k": options.top_k}
        batches = [order[i : i + options.batch_size] for i in range(0, len(order), options.batch_size)]
        for indices in tqdm(batches, desc="generating", unit="batch", disable=not progress or len(batches) < 2):
            rows = [prompts[i] for i in indices]
            input_ids = pad_batch(rows, pad_id, left=True).to(self.device)
            attention_mask = pad_batch([[1] * len(r) for r in rows], 0, left=True).to(self.device)
            output = self.model.generate(
                input_ids=input_ids, attention_mask=attention_mask, max_new_tokens=options.max_new_tokens,
                pad_token_id=pad_id, eos_token_id=self.tokenizer.eos_token_id,
                logits_processor=options.logits_processors(input_ids.shape[1]), **decoding,
            )
            # beam search: the sum of token log-probs over the length (transformers' length_penalty 1.0)
            sequences, scores = (output.sequences, output.sequences_scores.tolist()) if beams > 1 else (output, None)
            texts = [self.prompt_format.clean_generation(self.tokenizer.decode(generated, skip_special_tokens=True))
                     for generated in sequences[:, input_ids.shape[1]:]]
            for j, i in enumerate(indices):
                results[i] = (texts[j * beams: (j + 1) * beams], scores[j * beams: (j + 1) * beams] if scores else [0.0])
        return results


def read_notes(path: str | Path, note_column: str | None = None) -> tuple[list[str], list[str], list[str | None]]:
    """(ids, notes, contexts) from .txt (notes separated by blank lines; without blank lines, one per line), .csv or .jsonl."""
    path = Path(path)
    if path.suffix.lower() == ".txt":
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise DataError(path, f"unreadable ({e})", fix="pass a UTF-8 text file") from None
        blocks = [b.strip() for b in text.split("\n\n")] if "\n\n" in text.strip() else text.splitlines()
        notes = [b.strip() for b in blocks if b.strip()]
        if not notes:
            raise DataError(path, "no notes found", fix="write one note per paragraph")
        return [str(i) for i in range(len(notes))], notes, [None] * len(notes)
    rows, first_row = read_rows(path)
    if not rows:
        raise DataError(path, "no data rows")
    mapping = ColumnMapping()
    if note_column:
        mapping.note = [note_column]
    columns = mapping.resolve(list(rows[0].keys()), path, required=("note",))
    ids, notes, contexts = [], [], []
    for i, row in enumerate(rows):
        note = str(row.get(columns["note"]) or "").strip()
        if not note:
            raise DataError(path, "empty note", row=first_row + i, column=columns["note"], fix="fill it in or remove the row")
        ids.append(str(row[columns["id"]]) if columns["id"] else str(i))
        notes.append(note)
        context = str(row.get(columns["context"]) or "").strip() if columns["context"] else ""
        contexts.append(context or None)
    return ids, notes, contexts


def interactive(summarizer: Summarizer, options: GenerationOptions, stdin: TextIO, stdout: TextIO) -> None:
    """Read notes separated by blank lines (or EOF) and print each summary: works typed or piped."""
    tty = stdin.isatty()
    if tty:
        print("Paste a clinical note and end it with an empty line; Ctrl-D quits.", file=stdout)
    lines: list[str] = []
    while True:
        if tty and not lines:
            print("note> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if line.strip() and line:
            lines.append(line.rstrip("\n"))
            continue
        if lines:
            summary = summarizer.summarize(["\n".join(lines)], options, progress=False)[0]
            print(f"summary: {summary}\n", file=stdout, flush=True)
            lines = []
        if not line:  # EOF
            break
