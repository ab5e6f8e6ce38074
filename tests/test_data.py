"""Data loading and validation: column mapping, factual selection, splits, and each bad-input case."""

from __future__ import annotations

import json

import pytest

from clinsum.data.batching import collate, length_grouped_batches, padding_share
from clinsum.data.dataset import (
    ColumnMapping, DataError, load_examples, select_factual, split_examples, strip_evidence_markers,
)
from clinsum.paths import MTS_DIALOG, MTS_TRAIN, MTS_VALIDATION


def write(path, text: str | bytes):
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


SEED_CSV = (
    "id,clinical_note,model_summary,label\n"
    "1,Pt denies chest pain. Takes aspirin 81 mg daily.,\"No chest pain; aspirin 81 mg daily. [Evidence: S1,2; Conf: 0.91]\",factual_with_evidence\n"
    "2,Left knee pain for 3 days.,Right knee pain for 3 days.,hallucinated\n"
    "3,Left knee pain for 3 days.,Left knee pain for 3 days.,factual\n"
)


def test_seed_format_loads_and_keeps_only_factual_rows(tmp_path):
    examples = load_examples(write(tmp_path / "seed.csv", SEED_CSV))
    assert [e.id for e in examples] == ["1", "2", "3"]
    assert examples[1].label == "hallucinated"
    selection = select_factual(examples)
    assert [e.id for e in selection.kept] == ["1", "3"]
    assert selection.dropped_by_label == {"hallucinated": 1}
    assert "1 hallucinated" in selection.describe()
    assert selection.kept[0].summary == "No chest pain; aspirin 81 mg daily."
    kept_markers = select_factual(examples, keep_evidence=True).kept[0].summary
    assert kept_markers.endswith("[Evidence: S1,2; Conf: 0.91]")


def test_strip_evidence_markers_keeps_text():
    text = "Knee pain. [Evidence: S2,1; Conf: 0.45] On aspirin. [Evidence: S3; Conf: 0.8]"
    assert strip_evidence_markers(text) == "Knee pain. On aspirin."


def test_jsonl_and_summary_alias(tmp_path):
    rows = [{"id": "a", "clinical_note": "Note A.", "summary": "Sum A."}, {"id": "b", "clinical_note": "Note B.", "summary": "Sum B."}]
    path = write(tmp_path / "d.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    examples = load_examples(path)
    assert [(e.id, e.summary, e.label) for e in examples] == [("a", "Sum A.", None), ("b", "Sum B.", None)]


def test_forced_column_mapping(tmp_path):
    path = write(tmp_path / "d.csv", "key,body,abstract\nx,The note.,The summary.\n")
    examples = load_examples(path, ColumnMapping(note=["body"], summary=["abstract"], id=["key"]))
    assert (examples[0].id, examples[0].note, examples[0].summary) == ("x", "The note.", "The summary.")


@pytest.mark.parametrize(
    "content, message",
    [
        ("id,text_body,summary\n1,a,b\n", "no note column"),
        ("id,clinical_note,model_summary\n1,,b\n", "row 2, column 'clinical_note': empty note"),
        ("id,clinical_note,model_summary\n1,a,b\n2,c,  \n", "row 3, column 'model_summary': empty summary"),
        ("id,clinical_note,model_summary\n7,a,b\n7,c,d\n", "row 3, column 'id': duplicate id '7' (first seen in row 2)"),
        (b"id,clinical_note,model_summary\n1,caf\xe9,b\n", "undecodable bytes at line 2"),
        ("id,clinical_note,model_summary\n", "no data rows"),
        ("id,clinical_note,model_summary\n1,a,b, c\n", "row 2: 4 fields but the header has 3"),
    ],
)
def test_bad_input_errors_name_file_row_column_and_fix(tmp_path, content, message):
    path = write(tmp_path / "bad.csv", content)
    with pytest.raises(DataError) as err:
        load_examples(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)
    assert "Fix:" in str(err.value) or "no data rows" in message


def test_missing_and_unsupported_files(tmp_path):
    with pytest.raises(DataError, match="file not found"):
        load_examples(tmp_path / "nope.csv")
    with pytest.raises(DataError, match="unsupported file type '.xlsx'"):
        load_examples(write(tmp_path / "a.xlsx", "x"))
    with pytest.raises(DataError, match=r"row 2: invalid JSON"):
        load_examples(write(tmp_path / "a.jsonl", '{"clinical_note": "a", "summary": "b"}\n{oops\n'))


def test_saved_hf_dataset_folder(tmp_path):
    datasets = pytest.importorskip("datasets")
    datasets.Dataset.from_list([{"clinical_note": "N.", "summary": "S.", "id": "q"}]).save_to_disk(str(tmp_path / "hf"))
    assert load_examples(tmp_path / "hf")[0].id == "q"


def test_split_is_seeded_disjoint_and_ten_percent():
    from clinsum.data.dataset import Example

    examples = [Example(str(i), f"n{i}", f"s{i}") for i in range(50)]
    train, val = split_examples(examples, 0.1, seed=3)
    assert len(val) == 5 and len(train) == 45
    assert not {e.id for e in train} & {e.id for e in val}
    assert [e.id for e in split_examples(examples, 0.1, seed=3)[1]] == [e.id for e in val]
    assert [e.id for e in split_examples(examples, 0.1, seed=4)[1]] != [e.id for e in val]


def test_length_grouped_batches_cover_all_rows_and_cut_padding():
    import random

    rng = random.Random(0)
    lengths = [rng.randint(20, 400) for _ in range(400)]
    batches = length_grouped_batches(lengths, 8, seed=1)
    assert sorted(i for b in batches for i in b) == list(range(400))
    random_batches = [list(range(i, min(i + 8, 400))) for i in range(0, 400, 8)]
    assert padding_share(lengths, batches) < 0.05 < padding_share(lengths, random_batches)
    assert batches != length_grouped_batches(lengths, 8, seed=2)


def test_collate_pads_dynamically_without_loss_on_padding():
    batch = collate([[5, 6, 7], [8]], [[-100, 6, 7], [8]], pad_id=0)
    assert batch["input_ids"].tolist() == [[5, 6, 7], [8, 0, 0]]
    assert batch["attention_mask"].tolist() == [[1, 1, 1], [1, 0, 0]]
    assert batch["labels"].tolist() == [[-100, 6, 7], [8, -100, -100]]


@pytest.mark.skipif(not MTS_DIALOG.exists(), reason=f"{MTS_DIALOG} not present")
def test_mts_dialog_loads_through_default_mapping():
    examples = load_examples(MTS_TRAIN)
    assert len(examples) == 1201
    first = examples[0]
    assert first.id == "0" and first.context == "GENHX"
    assert first.note.startswith("Doctor:") and "76-year-old" in first.summary
    assert len(load_examples(MTS_VALIDATION)) == 100
