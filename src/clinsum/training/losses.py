"""Losses on summary tokens only, shared by Stage A (SFT) and Stage B (DPO).

A causal LM's forward computes vocabulary logits at every position, prompt and padding included: with a
49k vocabulary that is the largest single cost of a CPU step. Here the decoder runs once and the output
head is applied only at the positions whose next token is a summary token.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from clinsum.data.prompts import IGNORE_INDEX


def _causal_lm(model):
    """The transformers CausalLM inside a PEFT wrapper (LoRA layers stay active in it)."""
    return model.get_base_model() if hasattr(model, "get_base_model") else model


class SummaryLM(torch.nn.Module):
    """A causal LM whose forward returns the logits at summary positions only.

    Distributed engines (DDP, FSDP, DeepSpeed) synchronise and gather weights around a module's forward,
    so the summary-only head has to be a forward: training wraps the model in this before handing it to
    Accelerate.
    """

    def __init__(self, model):
        super().__init__()
        self.model = model
        self._no_split_modules = getattr(_causal_lm(model), "_no_split_modules", None)  # FSDP's default wrap unit

    def forward(self, input_ids, attention_mask, labels) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        lm = _causal_lm(self.model)
        hidden = lm.get_decoder()(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        targets = labels[:, 1:]
        mask = targets != IGNORE_INDEX
        logits = lm.get_output_embeddings()(hidden[:, :-1][mask]).float()
        softcap = getattr(lm.config, "final_logit_softcapping", None)  # Gemma 2/3
        if softcap:
            logits = torch.tanh(logits / softcap) * softcap
        return logits, targets[mask], mask


def summary_logits(model, batch: dict[str, torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Logits at summary positions -> (logits [N, V] fp32, targets [N], mask [B, T-1] of those positions).

    ``model`` is a causal LM (PEFT or not), or a SummaryLM as wrapped by a distributed engine.
    """
    head = model if isinstance(getattr(model, "module", model), SummaryLM) else SummaryLM(model)
    return head(**batch)


def sft_loss(model, batch: dict[str, torch.Tensor]) -> tuple[torch.Tensor, int]:
    """Mean next-token cross-entropy over the batch's summary tokens, and their count."""
    logits, targets, _ = summary_logits(model, batch)
    return F.cross_entropy(logits, targets), int(targets.numel())


def summary_logprobs(model, batch: dict[str, torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-row sum of log p(summary token) and per-row summary token count."""
    logits, targets, mask = summary_logits(model, batch)
    token_logps = torch.log_softmax(logits, dim=-1).gather(-1, targets[:, None]).squeeze(-1)
    rows = torch.arange(mask.shape[0], device=mask.device)[:, None].expand_as(mask)[mask]
    sums = torch.zeros(mask.shape[0], dtype=token_logps.dtype, device=token_logps.device)
    return sums.index_add(0, rows, token_logps), mask.sum(dim=1)
