"""Continuous batching at the token level: requests join and leave a running batch at every decoding step.

``model.generate`` decodes a fixed batch until its longest row ends, so a server that batches requests makes
each wait for the slowest and the next requests wait for the whole batch. On this CPU a decoding step costs
about the same for 4 rows as for 24 (``benchmarks/bench_decode_rows.py``), so the gain is in keeping the batch
full: here a new request's rows join at the next step and a finished row leaves at once (as serving engines
such as vLLM do, on an ordinary key/value cache).

Rows of different lengths share one cache. The cache has one slot per step taken so far; each row's tokens
fill the slots at its right end (a row that joins is left-padded) and carry their own position ids, and the
attention mask hides every slot a row does not own. Slots that no row owns any more are cut from the left.
Each request samples with its own seeded generator, so its text does not depend on what it was batched with.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import torch

from clinsum.inference.generate import Candidate, FirstSentence, GenerationOptions, Summarizer, check_samples


@dataclass(eq=False)
class GenerationRequest:
    """``samples`` continuations of one prompt: the note's (read once, kept) plus ``prefix``, the start of the
    answer. ``result`` is filled when every row has ended: the texts, each with its log-likelihood per token
    (0.0 unless several samples are drawn, as :meth:`Summarizer.candidates` does)."""

    note: str
    options: GenerationOptions
    context: str | None = None
    prefix: str | None = None
    samples: int = 1
    stop_after_sentence: bool = False
    result: list[Candidate] | None = None

    def __post_init__(self):
        check_samples(self.samples, self.options)


@dataclass(eq=False)
class _Row:
    request: GenerationRequest
    sample: int  # which of the request's samples
    next_token: int  # read at the next step
    position: int  # its position id
    processors: object  # the request's repetition controls
    generator: torch.Generator | None  # the request's own, shared by its rows
    generated: list[int] = field(default_factory=list)
    logprob: float = 0.0


# Free slots kept left of the rows: a row that joins with a longer prompt than the rows' slots moves every row
# right (a copy of the whole cache), so they move further than needed and are cut back only past twice this.
SLACK = 128


@functools.cache
def _slots_layer():
    """A cache layer for one decoding step that writes into the engine's buffers in place, at slot ``width`` (a
    ``DynamicLayer`` concatenates a new tensor at every step, which on a CPU costs more than the model itself once
    a batch holds a few rows). Built on first use: importing transformers takes seconds."""
    from transformers.cache_utils import DynamicLayer

    class Slots(DynamicLayer):
        def __init__(self, keys: torch.Tensor, values: torch.Tensor, rows: int, width: int):
            super().__init__()
            self.buffers, self.rows, self.width = (keys, values), rows, width
            self.keys, self.values = keys[:rows, :, :width], values[:rows, :, :width]
            self.is_initialized, self.device = True, keys.device

        def update(self, key_states: torch.Tensor, value_states: torch.Tensor, *args, **kwargs):
            keys, values = self.buffers
            keys[: self.rows, :, self.width : self.width + 1] = key_states
            values[: self.rows, :, self.width : self.width + 1] = value_states
            self.width += 1
            self.keys, self.values = keys[: self.rows, :, : self.width], values[: self.rows, :, : self.width]
            return self.keys, self.values

    return Slots


class DecodingEngine:
    """Token-level batches over a :class:`Summarizer`'s model: ``add`` requests at any time, call ``step`` until
    it returns them finished. One thread owns an engine."""

    def __init__(self, summarizer: Summarizer):
        self.summarizer = summarizer
        self.rows: list[_Row] = []
        # per layer (keys, values), rows × heads × slots × dim, allocated with room to grow: the first
        # len(rows) rows and ``width`` slots are in use
        self.buffers: list[tuple[torch.Tensor, torch.Tensor]] = []
        self.width = 0
        self.mask = torch.zeros(0, 0, dtype=torch.long)  # rows × width: 1 where the slot is the row's
        self._waiting: list[GenerationRequest] = []
        self._done: dict[int, list[_Row]] = {}  # id(request) -> its rows that have ended

    def add(self, request: GenerationRequest) -> None:
        """Queue ``request``; its rows join the batch at the next :meth:`step`."""
        self._waiting.append(request)

    @property
    def busy(self) -> bool:
        return bool(self.rows or self._waiting)

    @torch.no_grad()
    def step(self) -> list[GenerationRequest]:
        """Admit the queued requests, decode one token for every row, and return the requests that ended."""
        finished = [r for r in map(self._admit, self._waiting) if r is not None]
        self._waiting = []
        if not self.rows:
            return finished
        from transformers import DynamicCache

        model, device = self.summarizer.model, self.summarizer.device
        self._reserve(len(self.rows), self.width + 1)
        cache = DynamicCache()
        cache.layers = [_slots_layer()(k, v, len(self.rows), self.width) for k, v in self.buffers]
        mask = torch.cat([self.mask, torch.ones(len(self.rows), 1, dtype=torch.long)], 1)
        out = model(input_ids=torch.tensor([[r.next_token] for r in self.rows], device=device),
                    position_ids=torch.tensor([[r.position] for r in self.rows], device=device),
                    attention_mask=mask.to(device), use_cache=True, **{self.summarizer.cache_argument: cache})
        self.mask, self.width = mask, self.width + 1
        logits = out.logits[:, -1].float()
        ended = [self._choose(row, logits[i : i + 1]) for i, row in enumerate(self.rows)]
        if any(ended):
            finished += self._remove([i for i, end in enumerate(ended) if end])
        return finished

    def _reserve(self, rows: int, width: int) -> None:
        """Make the buffers hold at least ``rows`` rows and ``width`` slots (doubling, so growth is rare)."""
        have_rows, have_width = (self.buffers[0][0].shape[0], self.buffers[0][0].shape[2]) if self.buffers else (0, 0)
        if rows <= have_rows and width <= have_width:
            return
        new_rows, new_width = max(rows, 2 * have_rows, 8), max(width, 2 * have_width, 256)
        used = len(self.rows)
        grown = []
        for keys, values in self.buffers:
            pair = []
            for old in (keys, values):  # zeros: a masked slot must hold a finite number
                new = old.new_zeros(new_rows, old.shape[1], new_width, old.shape[3])
                new[:used, :, : self.width] = old[:used, :, : self.width]
                pair.append(new)
            grown.append(tuple(pair))
        self.buffers = grown

    def _admit(self, request: GenerationRequest) -> GenerationRequest | None:
        """Read the request's prompt (all but its last token) into the shared cache, one row per sample."""
        s = self.summarizer
        prompt, extra = s.prompt_tokens(request.note, request.context, request.prefix, request.options.max_input_length)
        tokens = prompt + extra
        if request.options.max_new_tokens < 1:
            request.result = [Candidate("", 0.0)] * request.samples
            return request
        layers = s.row_cache(prompt, extra)
        if not self.buffers:  # shaped like the model's own cache
            self.buffers = [(k.new_zeros(0, *k.shape[1:2], 0, k.shape[3]), v.new_zeros(0, *v.shape[1:2], 0, v.shape[3]))
                            for k, v in layers]
        length, used, n = layers[0][0].shape[2], len(self.rows), request.samples
        if length > self.width:  # the batch so far moves right to make room, and SLACK more for the next ones
            shift = length - self.width + SLACK
            self._reserve(used + n, self.width + shift + 1)
            for buffer in (t for kv in self.buffers for t in kv):
                buffer[:used, :, shift : shift + self.width] = buffer[:used, :, : self.width].clone()
            self.mask = torch.nn.functional.pad(self.mask, (shift, 0))
            self.width += shift
        self._reserve(used + n, self.width + 1)
        for (keys, values), (row_keys, row_values) in zip(self.buffers, layers):
            keys[used : used + n, :, self.width - length : self.width] = row_keys
            values[used : used + n, :, self.width - length : self.width] = row_values
        row_mask = torch.tensor([[0] * (self.width - length) + [1] * length] * n, dtype=torch.long)
        self.mask = torch.cat([self.mask, row_mask])
        options, generator = request.options, None
        if not options.greedy:
            generator = torch.Generator(device=s.device).manual_seed(options.seed)
        processors = options.logits_processors(0)
        self.rows += [_Row(request, i, tokens[-1], len(tokens) - 1, processors, generator) for i in range(n)]
        return None

    def _choose(self, row: _Row, logits: torch.Tensor) -> bool:
        """Pick the row's next token; True when the row has ended."""
        request, options = row.request, row.request.options
        generated = torch.tensor([row.generated], dtype=torch.long, device=logits.device)
        scores = row.processors(generated, logits)
        token = int(scores.argmax(-1)) if options.greedy else _sample(scores[0], options, row.generator)
        if request.samples > 1:  # the log-likelihood under the model's own (unwarped) distribution
            row.logprob += float(logits.log_softmax(-1)[0, token])
        row.generated.append(token)
        row.next_token, row.position = token, row.position + 1
        tokenizer = self.summarizer.tokenizer
        return (token == tokenizer.eos_token_id or len(row.generated) >= options.max_new_tokens
                or (request.stop_after_sentence and FirstSentence.ends(tokenizer.decode(row.generated, skip_special_tokens=True))))

    def _remove(self, indices: list[int]) -> list[GenerationRequest]:
        """Take the ended rows out of the batch; return the requests whose rows have all ended."""
        finished = []
        for i in indices:
            row = self.rows[i]
            done = self._done.setdefault(id(row.request), [])
            done.append(row)
            if len(done) == row.request.samples:
                finished.append(self._result(row.request, self._done.pop(id(row.request))))
        ended = set(indices)
        keep = [i for i in range(len(self.rows)) if i not in ended]
        self.rows = [self.rows[i] for i in keep]
        if not self.rows:
            self.mask, self.width = torch.zeros(0, 0, dtype=torch.long), 0
            return finished
        index = torch.tensor(keep)
        self.mask = self.mask[index]
        cut = int(self.mask.any(0).long().argmax()) - SLACK  # slots left of every remaining row, but SLACK
        cut = cut if cut >= SLACK else 0  # (rows that join need not move the others)
        self.mask, width = self.mask[:, cut:], self.width - cut
        for buffer in (t for kv in self.buffers for t in kv):
            buffer[: len(keep), :, :width] = buffer[index.to(buffer.device), :, cut : self.width]
        self.width = width
        return finished

    def _result(self, request: GenerationRequest, rows: list[_Row]) -> GenerationRequest:
        rows = sorted(rows, key=lambda r: r.sample)
        request.result = [Candidate(self.summarizer.decode(r.generated, prefixed=request.prefix is not None),
                                    r.logprob / max(1, len(r.generated)) if request.samples > 1 else 0.0)
                          for r in rows]
        return request


def sampling_distribution(scores: torch.Tensor, options: GenerationOptions) -> tuple[torch.Tensor, torch.Tensor]:
    """(token ids, probabilities) that transformers' temperature, top-k and top-p warpers leave to draw from,
    computed on the k likeliest tokens only (sorting the whole vocabulary for top-p cost more than the rest of a
    row's step)."""
    scores = scores / options.temperature
    top = scores.topk(min(options.top_k, scores.shape[-1])) if options.top_k > 0 else scores.sort(descending=True)
    probs = top.values.softmax(-1)
    if options.top_p < 1.0:  # the likeliest tokens until their mass reaches top_p (at least one)
        probs = probs * ((probs.cumsum(-1) - probs) < options.top_p)
    return top.indices, probs / probs.sum()


def _sample(scores: torch.Tensor, options: GenerationOptions, generator: torch.Generator) -> int:
    tokens, probs = sampling_distribution(scores, options)
    return int(tokens[torch.multinomial(probs, 1, generator=generator)])
