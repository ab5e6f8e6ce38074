"""The built-in synthetic data: deterministic, varied, and its summaries state only what the note says."""

from __future__ import annotations

import csv
import re
from collections import Counter

import pytest

from clinsum.data.dataset import EXAMPLE_COLUMNS, load_examples
from clinsum.data.synthetic import COMPLAINTS, DRUG_NAMES, generate_examples, write_synthetic_splits

WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()


def mentions_number(note: str, number: str) -> bool:
    if re.search(rf"(?<![\d.]){re.escape(number)}(?!\.?\d)", note):
        return True
    return number.isdigit() and int(number) < len(WORDS) and re.search(rf"\b{WORDS[int(number)]}\b", note, re.I)


def sex_of(text: str) -> str | None:
    """The patient's sex as the text states it next to the age, or by how the doctor addresses them."""
    m = re.search(r"\d+(?:-year-old| y/o) (man|woman|male|female|M|F)\b|\b(sir|ma'am)\b", text)
    if not m:
        return None
    return "male" if (m.group(1) or m.group(2)) in ("man", "male", "M", "sir") else "female"


def unsupported(summary: str, note: str) -> list[str]:
    """Facts in ``summary`` that ``note`` does not state: numbers, drugs, sides and sex."""
    problems = [n for n in re.findall(r"\d+(?:\.\d+)?", summary) if not mentions_number(note, n)]
    problems += [d for d in DRUG_NAMES if d.lower() in summary.lower() and d.lower() not in note.lower()]
    problems += [s for s in ("left", "right") if re.search(rf"\b{s}\b", summary, re.I)
                 and not re.search(rf"\b{s}\b", note, re.I)]
    if sex_of(summary) != sex_of(note):
        problems.append(f"sex {sex_of(summary)} vs {sex_of(note)}")
    return problems


def style_of(note: str) -> str:
    return "dialogue" if note.startswith("Doctor:") else "terse" if " y/o " in note else "narrative"


@pytest.fixture(scope="module")
def examples():
    return generate_examples(200, seed=0)


def test_same_seed_same_data_other_seed_other_data():
    assert generate_examples(40, seed=7) == generate_examples(40, seed=7)
    other = generate_examples(40, seed=8)
    assert sum(a.note == b.note for a, b in zip(generate_examples(40, seed=7), other)) == 0


def test_count_ids_and_labels(examples):
    assert generate_examples(0) == []
    assert len(examples) == 200
    assert [e.id for e in examples[:2]] == ["syn-0001", "syn-0002"]
    assert len({e.id for e in examples}) == 200
    assert {e.label for e in examples} == {"factual"}
    assert {e.context for e in examples} == {None}
    with pytest.raises(ValueError):
        generate_examples(5, hallucinated_fraction=1.5)


def test_every_summary_states_only_facts_of_its_note(examples):
    for e in examples:
        assert unsupported(e.summary, e.note) == [], (e.id, e.note, e.summary)
        # Non-vacuous: every summary names a drug with a dose, and age and sex.
        assert any(d.lower() in e.summary.lower() for d in DRUG_NAMES), e.summary
        assert re.search(r"\d+(?:\.\d+)?(?: ?(?:mg|mcg|g|puffs)\b|%)", e.summary), e.summary
        assert sex_of(e.summary) is not None and sex_of(e.note) is not None, e.id


def test_lengths_fit_a_small_model(examples):
    note_words = [len(e.note.split()) for e in examples]
    summary_words = [len(e.summary.split()) for e in examples]
    assert 50 <= min(note_words) and max(note_words) <= 150
    assert 60 <= sum(note_words) / len(note_words) <= 140
    assert 20 <= min(summary_words) and max(summary_words) <= 50
    sentences = [len(re.split(r"(?<=[a-z\d%])\. (?=[A-Z])", e.summary)) for e in examples]
    assert 1 <= min(sentences) and max(sentences) <= 3


def test_variety(examples):
    phrases = {c.phrase.format(side=s) for c in COMPLAINTS for s in (c.sides or (None,))}
    presenting = {p for e in examples for p in phrases if p in e.summary.split(". ")[0].lower()}
    assert len({re.sub(r"^(left|right) |(left|right) ", "", p) for p in presenting}) >= 8

    styles = Counter(style_of(e.note) for e in examples)
    assert set(styles) == {"narrative", "terse", "dialogue"} and min(styles.values()) >= 30
    assert any(re.search(r"\bfor (two|three|four|five|six|seven|eight|nine|ten) (days|weeks)", e.note)
               for e in examples), "durations in the notes are never spelled out"
    assert any(re.search(r"\bx\d+(d|wk|mo)\b", e.note) for e in examples)

    openings = Counter(re.sub(r"\d+", "N", e.summary.split()[0]) for e in examples)
    assert len(openings) >= 3 and openings.most_common(1)[0][1] < 0.6 * len(examples)
    assert len({d for e in examples for d in DRUG_NAMES if d.lower() in e.summary.lower()}) >= 20
    assert len(DRUG_NAMES) >= 25
    assert len({e.summary for e in examples}) == len(examples)


def test_hallucinated_rows_carry_one_unsupported_fact():
    rows = generate_examples(100, seed=1, hallucinated_fraction=0.3)
    factual = {e.id: e for e in rows if e.label == "factual"}
    wrong = [e for e in rows if e.label == "hallucinated"]
    assert len(factual) == 100 and len(wrong) == 30
    assert list(factual.values()) == generate_examples(100, seed=1), "factual rows must not depend on the fraction"
    for h in wrong:
        source = factual[h.id.removesuffix("-h")]
        assert h.id.endswith("-h") and h.note == source.note and h.summary != source.summary
        assert unsupported(source.summary, source.note) == []
        assert len(unsupported(h.summary, h.note)) >= 1, (h.note, source.summary, h.summary)
    assert rows == generate_examples(100, seed=1, hallucinated_fraction=0.3)


def test_written_splits_load_back_and_are_disjoint(tmp_path):
    paths = write_synthetic_splits(tmp_path, n_train=20, n_val=5, n_test=5, seed=2, hallucinated_fraction=0.2)
    assert set(paths) == {"train", "val", "test"}
    with open(paths["train"], newline="", encoding="utf-8") as f:
        assert next(csv.reader(f)) == EXAMPLE_COLUMNS  # the layout every command reads as is
    loaded = {split: load_examples(path) for split, path in paths.items()}
    assert [sum(e.label == "factual" for e in rows) for rows in loaded.values()] == [20, 5, 5]
    assert [e for split in ("train", "val", "test") for e in loaded[split]] == \
        generate_examples(30, seed=2, hallucinated_fraction=0.2)
    notes = {split: {e.note for e in rows} for split, rows in loaded.items()}
    assert not (notes["train"] & notes["val"] or notes["train"] & notes["test"] or notes["val"] & notes["test"])
