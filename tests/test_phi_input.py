"""`clinsum redact` never copies a row out unredacted with exit 0, in every input format; long notes are
read in windows with the same result as in one pass."""

from __future__ import annotations

import json
import os

import pytest

from clinsum.cli import main
from clinsum.privacy import phi
from clinsum.privacy.detect import WINDOW_CHARS, WINDOW_OVERLAP, PhiDetector, windows
from clinsum.privacy.phi import PhiRedactor

NOTE = "Patient: John Smith, MRN 1234567. Cough."


def _write(path, rows: list[dict]) -> None:
    if path.suffix == ".csv":
        import csv

        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    elif path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    elif path.suffix == ".json":
        path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    else:  # a saved Hugging Face dataset folder
        datasets = pytest.importorskip("datasets")
        datasets.Dataset.from_list(rows).save_to_disk(str(path))


def _read(path) -> list[dict]:
    if path.suffix == ".csv":
        import csv

        return list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


FORMATS = ["notes.csv", "notes.jsonl", "notes.json", "notes_hf"]


@pytest.mark.parametrize("name", FORMATS)
def test_every_row_of_every_format_comes_out_redacted(tmp_path, name):
    source = tmp_path / name
    _write(source, [{"id": str(i), "note": NOTE, "summary": "Mr. Smith has a cough."} for i in range(3)])
    out = tmp_path / "out.jsonl"
    assert main(["redact", "--input", str(source), "--output", str(out)]) == 0
    rows = _read(out)
    assert len(rows) == 3
    assert all("Smith" not in r["note"] + r["summary"] and "1234567" not in r["note"] for r in rows)


# A row whose note cannot be read: under another key, a number, null, a list.
BAD_ROWS = [({"id": "2", "text": NOTE, "summary": "s"}, "no 'note'"),
            ({"id": "2", "note": 1234567, "summary": "s"}, "int, not text"),
            ({"id": "2", "note": None, "summary": "s"}, "null, not text"),
            ({"id": "2", "note": ["John Smith"], "summary": "s"}, "list, not text")]


@pytest.mark.parametrize("name", ["notes.jsonl", "notes.json"])
@pytest.mark.parametrize("bad,message", BAD_ROWS, ids=["other-key", "number", "null", "list"])
def test_a_row_that_cannot_be_read_stops_the_run_naming_it(tmp_path, capsys, name, bad, message):
    source = tmp_path / name
    _write(source, [{"id": "1", "note": NOTE, "summary": "s"}, bad])
    out = tmp_path / "out.jsonl"
    assert main(["redact", "--input", str(source), "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert name in err and "row 2" in err and message in err and "Fix:" in err
    assert not out.exists()


def test_a_null_note_in_a_saved_dataset_stops_the_run(tmp_path, capsys):
    source = tmp_path / "notes_hf"
    _write(source, [{"id": "1", "note": NOTE, "summary": "s"}, {"id": "2", "note": None, "summary": "s"}])
    assert main(["redact", "--input", str(source), "--output", str(tmp_path / "out.jsonl")]) == 2
    assert "row 2" in capsys.readouterr().err and not (tmp_path / "out.jsonl").exists()


def test_a_csv_row_with_an_extra_field_stops_the_run(tmp_path, capsys):
    source = tmp_path / "notes.csv"
    source.write_text('id,note,summary\n1,"Cough.",ok\n2,Patient: John Smith, MRN 1234567,ok\n', encoding="utf-8")
    assert main(["redact", "--input", str(source), "--output", str(tmp_path / "out.csv")]) == 2
    err = capsys.readouterr().err
    assert "row 3" in err and "4 fields but the header has 3" in err
    assert not (tmp_path / "out.csv").exists()


def test_jsonl_with_a_line_separator_inside_a_string_is_read(tmp_path):
    source = tmp_path / "notes.jsonl"
    note = "Patient: John Smith.\u2028Seen for cough.\u2029Plan: rest."
    _write(source, [{"id": "1", "note": note, "summary": "Cough."}])
    assert "\u2028" in source.read_text(encoding="utf-8")  # written raw, as json.dumps(ensure_ascii=False) does
    out = tmp_path / "out.jsonl"
    assert main(["redact", "--input", str(source), "--output", str(out)]) == 0
    row = _read(out)[0]
    assert "Smith" not in row["note"] and "\u2028Seen for cough.\u2029Plan: rest." in row["note"]


# ---------------------------------------------------------------------------------------------
# Long notes


@pytest.fixture(scope="module")
def detector() -> PhiDetector:
    return PhiDetector()


def test_windows_tile_the_text_and_edges_fall_on_whitespace():
    text = ("word " * 5000).strip()
    parts = windows(text, size=3000, overlap=200)
    assert parts[0][1] == 0 and parts[-1][2] == len(text)
    assert all(a[2] == b[1] for a, b in zip(parts, parts[1:]))  # own parts tile the text
    assert all(text[s - 1] == " " for s, *_ in parts[1:]) and all(text[e] == " " for *_, e in parts[:-1])


LONG_NOTE_LINES = ["Patient: Oskar Mądrzak, MRN 00123456. DOB: 03/14/1950. Phone (415) 555-0123.",
                   "Her daughter Ana Lopez was present. Mr. Mądrzak denies fever.",
                   "History of Parkinson's disease. BP 120/80. Metformin 500 mg twice daily.",
                   "Address: 123 Main Street, Apt 4B. Resides in Springfield, IL 62704. Email: ana.lopez@mail.org.",
                   "Mądrzak was seen by Dr. Okonkwo on March 14th, 2023; a 94-year-old neighbour drove him."]


def test_a_long_note_gives_the_same_spans_in_windows_as_in_one_pass(detector):
    text = "\n".join(LONG_NOTE_LINES[i % len(LONG_NOTE_LINES)] for i in range(120))  # about 9,000 characters
    one_pass = detector.find(text)
    detector.window_chars, detector.window_overlap = 700, 150  # borders fall inside identifiers
    try:
        in_windows = detector.find(text)
    finally:
        detector.window_chars, detector.window_overlap = WINDOW_CHARS, WINDOW_OVERLAP
    assert len(windows(text, 700, 150)) > 10
    assert in_windows == one_pass
    assert sum(s.type == "NAME" for s in one_pass) > 100


def test_worker_processes_find_what_one_process_finds(detector):
    """Windows of a long note and short notes, read by two forked processes: the same spans, in the same order."""
    texts = ["\n".join(LONG_NOTE_LINES[i % len(LONG_NOTE_LINES)] for i in range(60)), "", "  \n",
             *LONG_NOTE_LINES, "Dr. Okonkwo saw her. Mądrzak is well."]
    parallel = PhiDetector(workers=2)
    for d in (parallel, detector):
        d.window_chars, d.window_overlap = 700, 150
    try:
        found = parallel.find_many(texts)
        assert len(parallel._pool._processes) == 2
        assert found == [detector.find(text) for text in texts]
    finally:
        parallel.close()
        detector.window_chars, detector.window_overlap = WINDOW_CHARS, WINDOW_OVERLAP
    assert parallel._pool is None and sum(map(len, found)) > 100 and found[1] == found[2] == []


def _worker_that_dies(window):
    os._exit(3)


def test_a_worker_that_dies_stops_the_run_with_a_clear_error(tmp_path, capsys, monkeypatch):
    from clinsum.privacy import detect

    source, out = tmp_path / "notes.csv", tmp_path / "out.csv"
    _write(source, [{"note": line, "summary": "Seen."} for line in LONG_NOTE_LINES])
    monkeypatch.setattr(detect, "_read_window_in_worker", _worker_that_dies)  # what the forked workers will run
    assert main(["redact", "--input", str(source), "--output", str(out), "--workers", "2"]) == 2
    assert "worker process stopped" in capsys.readouterr().err and not out.exists()


def test_redact_with_workers_writes_what_one_process_writes(tmp_path):
    """Surrogate mode: a row's note and summary share their fake values whichever process read them."""
    source = tmp_path / "notes.csv"
    _write(source, [{"note": line, "summary": f"Mr. Mądrzak, row {i}."} for i, line in enumerate(LONG_NOTE_LINES * 4)])
    outputs = []
    for workers in ("1", "2"):
        outputs.append(tmp_path / f"out{workers}.csv")
        assert main(["redact", "--input", str(source), "--output", str(outputs[-1]), "--mode", "surrogate",
                     "--workers", workers]) == 0
    one, two = (_read(path) for path in outputs)
    assert one == two and not any("Mądrzak" in row["note"] + row["summary"] for row in two)


@pytest.mark.parametrize("mode", ["tag", "surrogate"])
def test_a_long_note_is_replaced_piece_by_piece_as_in_one_call(mode, monkeypatch):
    """The anonymizer rebuilds the text for every replacement, so a long note is replaced in pieces cut between
    identifiers; the text (and every surrogate) must be what one call over the whole note gives."""
    text = "\n".join(LONG_NOTE_LINES[i % len(LONG_NOTE_LINES)] for i in range(40))
    redactor = PhiRedactor(mode, seed=5)
    monkeypatch.setattr(phi, "PIECE_CHARS", len(text) + 1)
    whole, whole_counts = redactor.redact(text)
    monkeypatch.setattr(phi, "PIECE_CHARS", 200)
    spans = redactor.detector.find(text)
    pieces = phi._pieces(text, spans)
    assert len(pieces) > 10 and pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))  # they tile the text
    assert not any(s.start < cut < s.end for _, cut, _ in pieces for s in spans)  # no identifier is cut
    assert redactor.redact(text) == (whole, whole_counts)


@pytest.mark.slow
def test_a_note_longer_than_spacys_limit_is_redacted(detector):
    text = ("Seen by Dr. Okonkwo. Cough for 3 days, no fever. " * 21_000)  # 1,050,000 characters
    assert len(text) > 1_000_000
    spans = detector.find(text)
    assert len(spans) == 21_000 and all(text[s.start: s.end] == "Okonkwo" for s in spans)


def test_cued_patterns_match_as_over_the_whole_text():
    """A pattern read only on the lines of its cue finds what it finds over the whole text."""
    from clinsum.privacy import patterns
    from clinsum.privacy.names import _NAME_PATTERNS

    text = ("Omaha NE 68138\nMarion County Immunization Registry\nDOB 3 14 1952 and 4 4 7 1 0 2 9\n- Goran (rm 5): ok\n"
            "Leif, can I speak to you?\nAcme Roofing LLC\nOL14 5DP\nno cue on this line, Marion County? 3 4 2021\n") * 3
    cued = [(p.pattern, p.cue) for name in dir(patterns) if name.endswith("_PATTERNS")
            for p in getattr(patterns, name) if isinstance(p, patterns.CuedPattern)]
    cued += [(p.pattern, p.cue) for p in _NAME_PATTERNS.values() if isinstance(p, patterns.CuedPattern)]
    assert len(cued) >= 7
    for pattern, cue in cued:
        whole = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in patterns.finditer_on_cued_lines(pattern, cue, text)] == whole, pattern.pattern[:60]
    assert any(pattern.search(text) for pattern, _ in cued)


@pytest.mark.parametrize("text", ["  Pt: John  Smith,\n\nMRN# 12345 (dob 3/4/50).  ", "a\tb\n", "", " x", "don't  \r\n"])
def test_the_word_tokenizer_keeps_the_text_and_its_offsets(text):
    from clinsum.privacy.detect import _blank_english

    doc = _blank_english()(text)
    assert doc.text == text
    assert all(text[t.idx: t.idx + len(t.text)] == t.text for t in doc)
