"""Turn (note, summary) pairs into token ids and loss masks, the same way for training and generation.

Base models get ``Clinical Note: {note}\\n\\nSummary: {summary}``; instruct models get their tokenizer's
chat template. The prompt is rendered once around a marker and split into a prefix and a suffix, so the
note can be truncated token-exactly (from the note side) without touching the instruction or summary.
"""

from __future__ import annotations

from dataclasses import dataclass

IGNORE_INDEX = -100
PROMPT_STYLES = ("auto", "chat", "plain")
INSTRUCTION = "Summarize the clinical note below in a few sentences. State only facts that the note supports."
_NOTE_MARKER = "\ue000CLINSUM_NOTE\ue000"


@dataclass
class EncodedExample:
    input_ids: list[int]
    labels: list[int]  # IGNORE_INDEX on the prompt; the summary and EOS carry the loss
    note_truncated: bool = False
    summary_truncated: bool = False

    @property
    def summary_tokens(self) -> int:
        """Tokens that carry the loss (the summary and EOS)."""
        return sum(t != IGNORE_INDEX for t in self.labels)


class PromptFormat:
    """Prompt rendering and tokenization for one tokenizer."""

    def __init__(self, tokenizer, style: str = "auto"):
        if style not in PROMPT_STYLES:
            raise ValueError(f"prompt style {style!r}: choose one of {', '.join(PROMPT_STYLES)}")
        if style == "auto":
            style = "chat" if getattr(tokenizer, "chat_template", None) else "plain"
        if style == "chat" and not getattr(tokenizer, "chat_template", None):
            raise ValueError("prompt style 'chat' needs a tokenizer with a chat template; use 'plain'")
        self.tokenizer, self.style = tokenizer, style
        self.eos_id = tokenizer.eos_token_id
        probe = tokenizer("a").input_ids
        self._bos = [tokenizer.bos_token_id] if tokenizer.bos_token_id is not None and probe[:1] == [tokenizer.bos_token_id] else []
        self._affixes: dict[str | None, tuple[list[int], list[int]]] = {}

    def _render(self, context: str | None) -> str:
        heading = f" (section: {context})" if context else ""
        if self.style == "plain":
            return f"Clinical Note{heading}: {_NOTE_MARKER}\n\nSummary:"
        messages = [{"role": "user", "content": f"{INSTRUCTION}{heading}\n\nClinical Note: {_NOTE_MARKER}"}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def _prompt_affixes(self, context: str | None) -> tuple[list[int], list[int]]:
        if context not in self._affixes:
            prefix, suffix = self._render(context).split(_NOTE_MARKER)
            prefix_ids = self._ids(prefix)
            if self._bos and prefix_ids[:1] != self._bos:
                prefix_ids = self._bos + prefix_ids
            self._affixes[context] = (prefix_ids, self._ids(suffix))
        return self._affixes[context]

    def _ids(self, text: str) -> list[int]:
        return self.tokenizer(text, add_special_tokens=False).input_ids

    def summary_ids(self, summary: str) -> list[int]:
        """Summary tokens followed by EOS (plain prompts end in 'Summary:', so the summary starts with a space)."""
        text = " " + summary.strip() if self.style == "plain" else summary.strip()
        return self._ids(text) + [self.eos_id]

    def encode_prompt(self, note: str, context: str | None = None, max_length: int | None = None) -> tuple[list[int], bool]:
        """Prompt ids for generation, the note truncated so the prompt fits in ``max_length``."""
        prefix, suffix = self._prompt_affixes(context)
        note_ids = self._ids(note)
        truncated = False
        if max_length is not None:
            budget = max(0, max_length - len(prefix) - len(suffix))
            truncated = len(note_ids) > budget
            note_ids = note_ids[:budget]
        return prefix + note_ids + suffix, truncated

    def encode_pair(self, note: str, summary: str, context: str | None, max_length: int, min_note_tokens: int = 32) -> EncodedExample:
        """Prompt + summary + EOS with the loss on the summary and EOS only.

        Notes that do not fit are truncated from the note side so the summary survives; only a summary
        that would leave fewer than ``min_note_tokens`` of note is cut itself.
        """
        prefix, suffix = self._prompt_affixes(context)
        summary_ids = self.summary_ids(summary)
        fixed = len(prefix) + len(suffix)
        summary_truncated = fixed + min_note_tokens + len(summary_ids) > max_length
        if summary_truncated:
            summary_ids = summary_ids[: max(1, max_length - fixed - min_note_tokens)]
        prompt, note_truncated = self.encode_prompt(note, context, max_length - len(summary_ids))
        return EncodedExample(
            input_ids=prompt + summary_ids,
            labels=[IGNORE_INDEX] * len(prompt) + summary_ids,
            note_truncated=note_truncated,
            summary_truncated=summary_truncated,
        )

    def clean_generation(self, text: str) -> str:
        """Cut what a base model writes past the summary (it may start another 'Clinical Note:')."""
        if self.style == "plain":
            text = text.split("\nClinical Note")[0]
        return text.strip()
