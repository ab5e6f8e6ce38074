"""Generate summaries with a base model or a clinsum adapter (Stage A or B): one note, a file, or a prompt.

Batch generation sorts notes by length and decodes each batch together; each note's prompt is read alone,
without padding, and kept for the next calls, so a summary's samples and repairs never read the note again.
The repetition controls look at the summary being written only: a summary must not repeat itself, but it may
(and should) reuse the note's words.
"""

from __future__ import annotations

import dataclasses
import inspect
import logging
import re
from collections import OrderedDict
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


CANDIDATE_MODES = ("beams", "samples")
# Prompts kept read (their key/value cache) for later calls: a served batch's notes, then their repair rounds.
READ_PROMPTS_KEPT = 16


def candidate_options(options: GenerationOptions, k: int, mode: str) -> GenerationOptions:
    """The decoding settings that write ``k`` candidates in ``mode`` (one beam is greedy; samples sample)."""
    if k < 1:
        raise ValueError(f"--candidates must be at least 1, not {k}")
    if mode not in CANDIDATE_MODES:
        raise ValueError(f"--candidate-mode must be one of {', '.join(CANDIDATE_MODES)}, not {mode!r}")
    if k == 1 and mode == "beams":
        return dataclasses.replace(options, greedy=True)
    if mode == "samples":
        return dataclasses.replace(options, greedy=False)
    return options


def check_samples(samples: int, options: GenerationOptions) -> None:
    if samples > 1 and options.greedy:
        raise ValueError("several samples per note need sampling: greedy decoding gives one")


@dataclass(frozen=True)
class Candidate:
    """One candidate summary and its log-likelihood per token under the model (beam search's score)."""

    text: str
    logprob: float


class Summarizer:
    """A loaded model, its tokenizer and prompt format, ready to summarize notes."""

    def __init__(self, model, tokenizer, prompt_format: PromptFormat, device: torch.device):
        self.model, self.tokenizer, self.prompt_format, self.device = model, tokenizer, prompt_format, device
        self._read: OrderedDict[tuple[int, ...], list[tuple[torch.Tensor, torch.Tensor]]] = OrderedDict()

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
        return [c[0].text for c in self._generate(notes, options, contexts, progress)]

    def candidates(self, notes: list[str], options: GenerationOptions, k: int, mode: str = "beams",
                   contexts: list[str | None] | None = None, progress: bool = True) -> list[list[Candidate]]:
        """``k`` candidate summaries of each note, likeliest first (log-likelihood per token).

        ``beams``: the k likeliest by beam search (the same notes give the same candidates, as greedy does);
        ``samples``: k samples at ``options.temperature``/``top_p``/``top_k`` (more varied, seeded).
        """
        options = candidate_options(options, k, mode)
        found = self._generate(notes, options, contexts, progress, beams=k if mode == "beams" else 1,
                               samples=k if mode == "samples" else 1)
        return [sorted(c, key=lambda c: -c.logprob) for c in found]

    def continue_summaries(self, notes: list[str], prefixes: list[str], options: GenerationOptions, samples: int = 1,
                           contexts: list[str | None] | None = None, stop_after_sentence: bool = False) -> list[list[str]]:
        """``samples`` continuations of each note's summary from ``prefixes`` (the start of the model's answer).

        Each continuation is the text generated after its prefix, as it would follow the prefix (it usually
        starts with a space). ``stop_after_sentence`` stops a sequence once it has written one sentence.
        """
        if len(prefixes) != len(notes):
            raise ValueError(f"{len(notes)} notes but {len(prefixes)} prefixes")
        found = self._generate(notes, options, contexts, False, samples=samples, prefixes=prefixes,
                               stop_after_sentence=stop_after_sentence)
        return [[c.text for c in candidates] for candidates in found]

    @torch.no_grad()
    def _generate(self, notes: list[str], options: GenerationOptions, contexts: list[str | None] | None,
                  progress: bool, beams: int = 1, samples: int = 1, prefixes: list[str] | None = None,
                  stop_after_sentence: bool = False) -> list[list[Candidate]]:
        """Per note: one greedy or sampled text, ``beams`` beam-search texts or ``samples`` sampled texts,
        each with its log-likelihood per token (beam search's own score; 0.0 for one greedy text)."""
        check_samples(samples, options)
        contexts = contexts or [None] * len(notes)
        read, extras = zip(*(self.prompt_tokens(n, c, p, options.max_input_length)
                             for n, c, p in zip(notes, contexts, prefixes or [None] * len(notes))))
        prompts = [p + x for p, x in zip(read, extras)]
        order = sorted(range(len(prompts)), key=lambda i: len(prompts[i]), reverse=True)
        per_note = max(beams, samples)
        results: list[list[Candidate]] = [[] for _ in prompts]
        torch.manual_seed(options.seed)
        pad_id = self.tokenizer.pad_token_id
        if beams > 1:
            decoding = {"do_sample": False, "num_beams": beams, "num_return_sequences": beams,
                        "return_dict_in_generate": True, "output_scores": True}
        elif options.greedy:
            decoding = {"do_sample": False}
        else:
            decoding = {"do_sample": True, "temperature": options.temperature, "top_p": options.top_p,
                        "top_k": options.top_k, "num_return_sequences": samples}
            if samples > 1:
                decoding |= {"return_dict_in_generate": True, "output_logits": True}
        batches = [order[i : i + options.batch_size] for i in range(0, len(order), options.batch_size)]
        for indices in tqdm(batches, desc="generating", unit="batch", disable=not progress or len(batches) < 2):
            rows = [prompts[i] for i in indices]
            input_ids = pad_batch(rows, pad_id, left=True).to(self.device)
            attention_mask = pad_batch([[1] * len(r) for r in rows], 0, left=True).to(self.device)
            stopping = [FirstSentence(self.tokenizer, input_ids.shape[1])] if stop_after_sentence else None
            shared = {}
            if beams == 1 and min(len(r) for r in rows) > 1:
                shared = {self.cache_argument: self._batch_cache([read[i] for i in indices], [extras[i] for i in indices],
                                                               input_ids.shape[1] - 1, samples),
                          "num_return_sequences": 1}
                input_ids, attention_mask = input_ids.repeat_interleave(samples, 0), attention_mask.repeat_interleave(samples, 0)
            output = self.model.generate(
                input_ids=input_ids, attention_mask=attention_mask, max_new_tokens=options.max_new_tokens,
                pad_token_id=pad_id, eos_token_id=self.tokenizer.eos_token_id,
                logits_processor=options.logits_processors(input_ids.shape[1]), stopping_criteria=stopping,
                **(decoding | shared),
            )
            sequences = output if isinstance(output, torch.Tensor) else output.sequences
            generated = sequences[:, input_ids.shape[1]:]
            if beams > 1:  # the sum of token log-probs over the length (transformers' length_penalty 1.0)
                scores = output.sequences_scores.tolist()
            elif samples > 1:
                scores = self._mean_logprobs(generated, output.logits)
            else:
                scores = [0.0] * len(generated)
            texts = [self.decode(g, prefixed=prefixes is not None) for g in generated]
            for j, i in enumerate(indices):
                results[i] = [Candidate(t, s) for t, s in zip(texts[j * per_note: (j + 1) * per_note],
                                                               scores[j * per_note: (j + 1) * per_note])]
        return results

    def _batch_cache(self, prompts: list[list[int]], extras: list[list[int]], length: int,
                     samples: int) -> "DynamicCache":
        """The key/value cache of a left-padded batch (each row's tokens but its last, ``length`` positions),
        ready for ``generate``, which then reads only the last token of each row.

        Each note's prompt is read alone (no padding: on a CPU a batch's padding costs as much as text) and kept
        for later calls (:data:`READ_PROMPTS_KEPT`), so a summary's repair rounds read only the summary so far; the
        cache is copied per sample instead of ``num_return_sequences`` copying the prompt before reading it.
        """
        from transformers import DynamicCache

        rows = [self.row_cache(prompt, extra) for prompt, extra in zip(prompts, extras)]
        padded = []
        for per_row in zip(*rows):  # one layer: (keys, values) of every row, left-padded to ``length``
            keys, values = ([torch.nn.functional.pad(t[i], (0, 0, length - t[i].shape[2], 0)) for t in per_row]
                            for i in (0, 1))
            padded.append((torch.cat(keys).repeat_interleave(samples, 0), torch.cat(values).repeat_interleave(samples, 0)))
        return DynamicCache(ddp_cache_data=padded)

    def decode(self, generated, prefixed: bool) -> str:
        """The text of generated tokens; a whole answer (not the rest of a ``prefix``) is cut where it ends."""
        text = self.tokenizer.decode(generated, skip_special_tokens=True)
        return text if prefixed else self.prompt_format.clean_generation(text)

    def prompt_tokens(self, note: str, context: str | None, prefix: str | None,
                      max_input_length: int) -> tuple[list[int], list[int]]:
        """The note's prompt ids (read once and kept) and the ids of ``prefix``, the start of the answer."""
        prompt = self.prompt_format.encode_prompt(note, context, max_input_length)[0]
        return prompt, self.tokenizer.encode(prefix, add_special_tokens=False) if prefix else []

    @torch.no_grad()
    def row_cache(self, prompt: list[int], extra: list[int]) -> list[tuple[torch.Tensor, torch.Tensor]]:
        """Per layer, the (keys, values) of ``prompt + extra`` but its last token, which decoding reads first."""
        from transformers import DynamicCache

        layers = self._read_prompt(prompt)
        if not extra:
            return [(k[:, :, :-1], v[:, :, :-1]) for k, v in layers]
        if len(extra) > 1:  # the prefix after the prompt, at the positions that follow it
            positions = torch.arange(len(prompt), len(prompt) + len(extra) - 1, device=self.device)[None]
            out = self.model(input_ids=torch.tensor([extra[:-1]], device=self.device), position_ids=positions,
                             use_cache=True, logits_to_keep=1,
                             **{self.cache_argument: DynamicCache(ddp_cache_data=layers)})
            layers = [(layer.keys, layer.values) for layer in getattr(out, self.cache_argument).layers]
        return layers

    @property
    def cache_argument(self) -> str:
        """The key/value cache's name in the model's inputs and outputs: ``cache`` (transformers 5),
        ``past_key_values`` (4)."""
        model = self.model.get_base_model() if hasattr(self.model, "get_base_model") else self.model  # under an adapter
        return "cache" if "cache" in inspect.signature(model.forward).parameters else "past_key_values"

    @torch.no_grad()
    def _read_prompt(self, prompt: list[int]) -> list[tuple[torch.Tensor, torch.Tensor]]:
        """Per layer, the (keys, values) of ``prompt`` read alone; the last :data:`READ_PROMPTS_KEPT` are kept."""
        key = tuple(prompt)
        if key in self._read:
            self._read.move_to_end(key)
            return self._read[key]
        out = self.model(input_ids=torch.tensor([prompt], device=self.device), use_cache=True, logits_to_keep=1)
        self._read[key] = [(layer.keys, layer.values) for layer in getattr(out, self.cache_argument).layers]
        if len(self._read) > READ_PROMPTS_KEPT:
            self._read.popitem(last=False)
        return self._read[key]

    def _mean_logprobs(self, generated: torch.Tensor, logits: tuple[torch.Tensor, ...]) -> list[float]:
        """Log-likelihood per token of sampled sequences under the model's own (unwarped) distribution."""
        steps = torch.stack(logits, dim=1).float().log_softmax(-1)  # (sequences, steps, vocabulary)
        chosen = steps.gather(-1, generated[:, : steps.shape[1], None]).squeeze(-1)
        eos = self.tokenizer.eos_token_id
        # a sequence's tokens run up to and including its first end-of-sequence token
        ended = (generated[:, : steps.shape[1]] == eos).long().cumsum(1)
        mask = (ended == 0) | ((ended == 1) & (generated[:, : steps.shape[1]] == eos))
        counts = mask.sum(1).clamp(min=1)
        return ((chosen * mask).sum(1) / counts).tolist()


class FirstSentence:
    """Stops each sequence once its generated text holds a whole sentence and the start of the next one
    (a sentence end followed by a space or a line break)."""

    _END = re.compile(r"\w.*?[.!?][\"')\]]*\s|\w[^\n]*\n", re.S)

    def __init__(self, tokenizer, prompt_length: int):
        self.tokenizer, self.prompt_length = tokenizer, prompt_length

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor, **kwargs) -> torch.BoolTensor:
        texts = self.tokenizer.batch_decode(input_ids[:, self.prompt_length:], skip_special_tokens=True)
        return torch.tensor([self.ends(t) for t in texts], device=input_ids.device)

    @classmethod
    def ends(cls, text: str) -> bool:
        """Whether generated ``text`` holds a whole sentence and the start of the next."""
        return bool(cls._END.search(text))


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
