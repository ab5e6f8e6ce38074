"""Generate summaries with a base model or a clinsum adapter (Stage A or B): one note, a file, or a prompt.

Batch generation sorts notes by length and left-pads each batch, so a batch of 8 costs little more
than its longest note instead of eight sequential generations. The repetition controls look at the
summary being written only: a summary must not repeat itself, but it may (and should) reuse the note's words.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import torch
from tqdm.auto import tqdm

from clinsum.config import option
from clinsum.data.batching import pad_batch
from clinsum.data.dataset import ColumnMapping, DataError, read_rows
from clinsum.data.prompts import PROMPT_STYLES, PromptFormat
from clinsum.io import write_records
from clinsum.models import load_for_inference, resolve_device

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
class GenerateConfig(GenerationOptions):
    """Every option of `clinsum generate`."""

    model_path: str = option("default", "adapter folder from `clinsum sft`/`clinsum dpo`, or a base model spec")
    clinical_note: str | None = option(None, "summarize this one note")
    input_file: str | None = option(None, "notes to summarize: .txt (blank-line separated), .csv or .jsonl")
    output_file: str | None = option(None, "where batch summaries go, .csv or .jsonl (default: <input>.summaries.csv)")
    note_column: str | None = option(None, "note column of a .csv/.jsonl input (default: clinical_note, note, dialogue or text)")
    prompt_style: str = option("auto", "auto, chat or plain (must match training)", choices=PROMPT_STYLES)
    device: str = option("auto", "auto, cpu, cuda or cuda:N")
    trust_remote_code: bool = option(False, "allow model repos to run their own Python code")


class Summarizer:
    """A loaded model, its tokenizer and prompt format, ready to summarize notes."""

    def __init__(self, model, tokenizer, prompt_format: PromptFormat, device: torch.device):
        self.model, self.tokenizer, self.prompt_format, self.device = model, tokenizer, prompt_format, device

    @classmethod
    def from_pretrained(cls, model_path: str = "default", device: str = "auto", prompt_style: str = "auto",
                        trust_remote_code: bool = False) -> "Summarizer":
        torch_device = resolve_device(device)
        model, tokenizer = load_for_inference(model_path, torch_device, trust_remote_code)
        return cls(model, tokenizer, PromptFormat(tokenizer, prompt_style), torch_device)

    @torch.no_grad()
    def summarize(self, notes: list[str], options: GenerationOptions | None = None,
                  contexts: list[str | None] | None = None, progress: bool = True) -> list[str]:
        """Summaries of ``notes`` in input order, generated ``options.batch_size`` at a time."""
        options = options or GenerationOptions()
        contexts = contexts or [None] * len(notes)
        prompts = [self.prompt_format.encode_prompt(n, c, options.max_input_length)[0] for n, c in zip(notes, contexts)]
        order = sorted(range(len(prompts)), key=lambda i: len(prompts[i]), reverse=True)
        summaries: list[str] = [""] * len(prompts)
        torch.manual_seed(options.seed)
        pad_id = self.tokenizer.pad_token_id
        sampling = {} if options.greedy else {
            "temperature": options.temperature, "top_p": options.top_p, "top_k": options.top_k,
        }
        batches = [order[i : i + options.batch_size] for i in range(0, len(order), options.batch_size)]
        for indices in tqdm(batches, desc="generating", unit="batch", disable=not progress or len(batches) < 2):
            rows = [prompts[i] for i in indices]
            input_ids = pad_batch(rows, pad_id, left=True).to(self.device)
            attention_mask = pad_batch([[1] * len(r) for r in rows], 0, left=True).to(self.device)
            output = self.model.generate(
                input_ids=input_ids, attention_mask=attention_mask, max_new_tokens=options.max_new_tokens,
                do_sample=not options.greedy, pad_token_id=pad_id, eos_token_id=self.tokenizer.eos_token_id,
                logits_processor=options.logits_processors(input_ids.shape[1]), **sampling,
            )
            for i, generated in zip(indices, output[:, input_ids.shape[1]:]):
                text = self.tokenizer.decode(generated, skip_special_tokens=True)
                summaries[i] = self.prompt_format.clean_generation(text)
        return summaries


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


def _interactive(summarizer: Summarizer, options: GenerationOptions, stdin: TextIO, stdout: TextIO) -> None:
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


def run_generate(config: GenerateConfig, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> list[str] | None:
    """CLI entry: one note, a file of notes, or an interactive prompt."""
    if config.clinical_note is not None and config.input_file:
        raise ValueError("give either --clinical-note or --input-file, not both")
    summarizer = Summarizer.from_pretrained(config.model_path, config.device, config.prompt_style, config.trust_remote_code)
    if config.clinical_note is not None:
        if not config.clinical_note.strip():
            raise ValueError("--clinical-note is empty")
        summary = summarizer.summarize([config.clinical_note], config, progress=False)[0]
        print(summary, file=stdout)
        return [summary]
    if config.input_file:
        ids, notes, contexts = read_notes(config.input_file, config.note_column)
        summaries = summarizer.summarize(notes, config, contexts)
        output = Path(config.output_file or Path(config.input_file).with_suffix(".summaries.csv"))
        write_records(output, [{"id": i, "note": n, "summary": s} for i, n, s in zip(ids, notes, summaries)])
        print(f"{len(summaries)} summaries written to {output}", file=stdout)
        return summaries
    _interactive(summarizer, config, stdin, stdout)
    return None
