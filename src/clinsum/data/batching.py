"""Length-grouped batches padded to their longest row, so compute is not spent on padding."""

from __future__ import annotations

import random

import torch

from clinsum.data.prompts import IGNORE_INDEX


def length_grouped_batches(
    lengths: list[int], batch_size: int, seed: int, shuffle: bool = True, group_factor: int = 50
) -> list[list[int]]:
    """Indices in batches of similar length, in a seeded random order.

    Rows are shuffled, cut into groups of ``batch_size * group_factor``, sorted by length inside each
    group and batched; the batch order is then shuffled, so each epoch still sees a random mix.
    """
    order = list(range(len(lengths)))
    rng = random.Random(seed)
    if shuffle:
        rng.shuffle(order)
    group = batch_size * group_factor
    batches = []
    for start in range(0, len(order), group):
        chunk = sorted(order[start : start + group], key=lambda i: lengths[i], reverse=True)
        batches += [chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size)]
    if shuffle:
        rng.shuffle(batches)
    return batches


def forward_chunks(indices: list[int], lengths: list[int], max_tokens: int) -> list[list[int]]:
    """Split one batch into consecutive chunks whose padded size (rows x longest row) is at most ``max_tokens``.

    Activation memory grows with the tokens of one forward pass, not with the batch: the gradients of the
    chunks, weighted by their share of the batch, add up to the batch's. A chunk holds at least one row;
    ``max_tokens`` 0 keeps the batch whole.
    """
    if max_tokens <= 0:
        return [indices]
    chunks: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for i in indices:
        if current and max(longest, lengths[i]) * (len(current) + 1) > max_tokens:
            chunks.append(current)
            current, longest = [], 0
        current.append(i)
        longest = max(longest, lengths[i])
    return chunks + [current] if current else chunks


def padding_share(lengths: list[int], batches: list[list[int]]) -> float:
    """Share of computed token positions that are padding when each batch is padded to its longest row."""
    computed = sum(len(b) * max(lengths[i] for i in b) for b in batches)
    return 1 - sum(lengths[i] for b in batches for i in b) / computed if computed else 0.0


def pad_batch(rows: list[list[int]], pad_value: int, left: bool = False) -> torch.Tensor:
    width = max(len(r) for r in rows)
    padded = [([pad_value] * (width - len(r)) + r) if left else (r + [pad_value] * (width - len(r))) for r in rows]
    return torch.tensor(padded, dtype=torch.long)


def collate(input_ids: list[list[int]], labels: list[list[int]], pad_id: int) -> dict[str, torch.Tensor]:
    """Right-padded training batch; padding carries no loss and no attention."""
    ids = pad_batch(input_ids, pad_id)
    mask = pad_batch([[1] * len(r) for r in input_ids], 0)
    return {"input_ids": ids, "attention_mask": mask, "labels": pad_batch(labels, IGNORE_INDEX)}
