"""The faithfulness checker, `clinsum check` and `clinsum evidence`.

Lexical mode (no embedding model) unless marked slow, so the default run stays fast.
"""

from __future__ import annotations

import csv
import json

import pytest

from clinsum.cli import main
from clinsum.data.dataset import DataError, strip_evidence_markers
from clinsum.evaluation.evidence import EvidenceConfig, annotate, format_marker, parse_marker, run_evidence
from clinsum.evaluation.faithfulness import CheckConfig, FaithfulnessChecker, run_check


@pytest.fixture(scope="module")
def checker() -> FaithfulnessChecker:
    return FaithfulnessChecker(use_embeddings=False)


def flags(check) -> set[tuple[str, str]]:
    return {(u.type, u.reason) for u in check.unsupported_facts}


NOTE = (
    "76 y/o male with HTN presents with left knee pain for 3 days after a fall. Denies fever, chills or cough. "
    "Had a colonoscopy in 2015. Meds: lisinopril 10 mg daily. BP 140/90, HR 88. "
    "Plan: start naproxen 500 mg BID, knee x-ray."
)


@pytest.mark.parametrize("faithful, unfaithful, expected", [
    ("He takes lisinopril.", "He takes losartan.", ("medication", "absent_from_note")),
    ("He takes lisinopril.", "He takes enalapril.", ("medication", "contradicted_by_note")),
    ("Lisinopril 10 mg daily.", "Lisinopril 20 mg daily.", ("dose", "contradicted_by_note")),
    ("Naproxen 500 mg twice daily.", "Naproxen 500 mg three times daily.", ("dose", "contradicted_by_note")),
    ("Heart rate 88.", "Heart rate 98.", ("number", "absent_from_note")),
    ("A 76-year-old man.", "A 67-year-old man.", ("number", "contradicted_by_note")),
    ("History of hypertension.", "History of diabetes.", ("condition", "absent_from_note")),
    ("Colonoscopy in 2015.", "Appendectomy in 2015.", ("procedure", "absent_from_note")),
    ("He denies fever.", "He reports fever.", ("negation", "negation_reversed")),
    ("Left knee pain.", "Right knee pain.", ("laterality", "contradicted_by_note")),
    ("Knee pain for 3 days.", "Knee pain for 3 weeks.", ("time", "contradicted_by_note")),
    ("Knee x-ray ordered.", "He plans to sail around the world with his grandchildren next summer.",
     ("other", "absent_from_note")),
])
def test_each_fact_type_is_flagged_only_when_wrong(checker, faithful, unfaithful, expected):
    assert checker.check(NOTE, faithful).unsupported_count == 0
    bad = checker.check(NOTE, unfaithful)
    assert expected in flags(bad)
    assert bad.unsupported_by_type[expected[0]] >= 1 and bad.support_ratio == 0.0


def test_number_words_match_digits(checker):
    note = "Patient is seventy six years old and has had a cough for two weeks."
    assert checker.check(note, "76-year-old with a cough for 14 days.").unsupported_count == 0
    assert ("time", "contradicted_by_note") in flags(checker.check(note, "76-year-old with a cough for 10 days."))


def test_units_and_abbreviations_match_spelled_out_forms(checker):
    note = "Pt is 54 y/o w/ hypothyroidism, c/o fatigue. Meds: metformin 500mg BID, levothyroxine 88 mcg q.d."
    summary = ("The patient is 54 years old with hypothyroidism and complains of fatigue. "
               "She takes metformin 500 mg twice daily and levothyroxine 88 micrograms daily.")
    assert checker.check(note, summary).unsupported_count == 0
    assert ("dose", "contradicted_by_note") in flags(checker.check(note, "Levothyroxine 88 mg daily."))


@pytest.mark.parametrize("note, summary", [
    ("Takes Tylenol as needed and Lipitor 20 mg.", "Takes acetaminophen as needed and atorvastatin 20 mg."),
    ("Takes acetaminophen as needed and atorvastatin 20 mg.", "Takes Tylenol as needed and Lipitor 20 mg."),
])
def test_brand_and_generic_names_are_the_same_drug(checker, note, summary):
    assert checker.check(note, summary).unsupported_count == 0
    assert ("medication", "absent_from_note") in flags(checker.check(note, "Takes Advil."))


def test_negation_scope_covers_a_whole_list(checker):
    note = "Denies fever, chills or cough. Reports nausea but no vomiting."
    assert ("negation", "negation_reversed") in flags(checker.check(note, "Reports cough."))
    assert ("negation", "negation_reversed") in flags(checker.check(note, "Vomiting."))
    for faithful in ("Denies chills.", "Afebrile.", "No cough or fever.", "Reports nausea.", "No vomiting."):
        assert checker.check(note, faithful).unsupported_count == 0, faithful
    assert checker.check("No fever.", "Denies fever.").unsupported_count == 0
    assert ("negation", "negation_reversed") in flags(checker.check("He has a fever.", "Afebrile."))


def test_yes_no_answers_in_a_dialogue_affirm_or_deny_what_was_asked(checker):
    note = ("Doctor: Have you had fever or chills?\nPatient: No.\n"
            "Doctor: Any cough?\nPatient: Yes, a dry one.\n"
            "Doctor: Which knee hurts?\nPatient: The left knee.")
    good = checker.check(note, "Denies fever and chills. Reports cough. Left knee pain.")
    assert good.unsupported_count == 0
    assert set(good.sentences[0].evidence) == {"S1", "S2"}  # the question and its answer
    assert ("negation", "negation_reversed") in flags(checker.check(note, "Reports fever."))
    assert ("negation", "negation_reversed") in flags(checker.check(note, "Denies cough."))
    assert ("laterality", "contradicted_by_note") in flags(checker.check(note, "Right knee pain."))


def test_unmentioned_negatives_are_flagged_only_on_request(checker):
    note = "Cough for 3 days."
    assert checker.check(note, "Cough for 3 days. No headache.").unsupported_count == 0
    strict = FaithfulnessChecker(use_embeddings=False, flag_unmentioned_negatives=True)
    assert ("condition", "absent_from_note") in flags(strict.check(note, "Cough for 3 days. No headache."))


def test_result_is_json_serialisable_with_per_sentence_evidence(checker):
    result = checker.check(NOTE, "Left knee pain for 3 days. He takes losartan.").to_dict()
    assert json.loads(json.dumps(result)) == result
    assert result["unsupported_count"] == 1 and result["support_ratio"] == 0.5
    first, second = result["sentences"]
    assert first["supported"] and first["evidence"][0] == "S1" and 0 < first["confidence"] <= 1
    assert second["unsupported_facts"] == [{"type": "medication", "span": "losartan", "sentence_index": 1,
                                            "reason": "absent_from_note",
                                            "detail": "losartan is not mentioned in the note"}]


def test_check_many_matches_check(checker):
    pairs = [(NOTE, "He denies fever."), (NOTE, "He reports fever."), ("Cough.", "Cough.")]
    assert [c.to_dict() for c in checker.check_many(pairs)] == [checker.check(n, s).to_dict() for n, s in pairs]


# ---------------------------------------------------------------------------------------------
# Evidence markers

def test_marker_format_matches_the_seed():
    assert format_marker(["S2", "S1"], 0.45) == "[Evidence: S2,1; Conf: 0.45]"
    assert format_marker([], 0.0) == "[Evidence: none; Conf: 0.00]"
    assert parse_marker("Knee pain. [Evidence: S2,1; Conf: 0.45]") == (["S2", "S1"], 0.45)
    assert parse_marker(format_marker(["S3", "S10", "S1"], 0.9)) == (["S3", "S10", "S1"], 0.9)


def test_annotated_summary_round_trips_through_strip_evidence_markers(checker):
    summary = "Left knee pain for 3 days. He denies fever and takes lisinopril 10 mg daily."
    annotated = annotate(checker.check(NOTE, summary))
    assert annotated.count("[Evidence: S") == 2
    assert strip_evidence_markers(annotated) == summary
    ids, confidence = parse_marker(annotated.split("]")[0] + "]")
    assert ids[0] == "S1" and 0 < confidence <= 1


def _write_pairs(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


PAIRS = [
    {"id": "a", "clinical_note": NOTE, "model_summary": "Left knee pain for 3 days; denies fever."},
    {"id": "b", "clinical_note": NOTE, "model_summary": "Right knee pain. Takes losartan."},
]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_run_evidence_writes_annotated_pairs(tmp_path, suffix):
    source = _write_pairs(tmp_path / "pairs.csv", PAIRS)
    out = tmp_path / f"annotated{suffix}"
    rows = run_evidence(EvidenceConfig(input_file=str(source), output=str(out), use_embeddings=False))
    assert [r["support_ratio"] for r in rows] == [1.0, 0.0]
    if suffix == ".csv":
        written = list(csv.DictReader(out.open(encoding="utf-8")))
        evidence_map = json.loads(written[0]["evidence_map"])
    else:
        written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        evidence_map = written[0]["evidence_map"]
    assert strip_evidence_markers(written[0]["evidence_summary"]) == PAIRS[0]["model_summary"]
    assert evidence_map["0"][0]["id"] == "S1"


# ---------------------------------------------------------------------------------------------
# `clinsum check`

def test_run_check_file_writes_one_object_per_pair(tmp_path, capsys):
    out = tmp_path / "checked.jsonl"
    totals = run_check(CheckConfig(input_file=str(_write_pairs(tmp_path / "p.csv", PAIRS)), output=str(out),
                                   use_embeddings=False))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["unsupported_count"] == 0 and rows[1]["unsupported_count"] == 2
    assert {f["type"] for f in rows[1]["unsupported_facts"]} == {"laterality", "medication"}
    assert rows[1]["sentences"][0]["evidence"]
    assert totals["hallucination_rate"] == 0.5 and totals["unsupported_by_type"] == {"laterality": 1, "medication": 1}
    assert "hallucination rate: 0.500" in capsys.readouterr().out


def test_cli_check_prints_a_per_sentence_report(capsys):
    code = main(["check", "--note", NOTE, "--summary", "Right knee pain. Denies fever.", "--no-use-embeddings"])
    out = capsys.readouterr().out
    assert code == 0
    assert "!! [1] Right knee pain." in out and "UNSUPPORTED laterality: 'Right knee'" in out
    assert "ok [2] Denies fever." in out


@pytest.mark.parametrize("rows, message", [
    ([{"id": "1", "clinical_note": " ", "model_summary": "x"}], "row 2, column 'clinical_note': empty note"),
    ([{"id": "1", "clinical_note": "x", "model_summary": ""}], "row 2, column 'model_summary': empty summary"),
    ([{"id": "1", "text_of_note": "x", "model_summary": "y"}], "no note column found"),
])
def test_bad_input_files_name_the_row_column_and_fix(tmp_path, rows, message):
    with pytest.raises(DataError, match=message) as error:
        run_check(CheckConfig(input_file=str(_write_pairs(tmp_path / "bad.csv", rows)), use_embeddings=False))
    assert "Fix:" in str(error.value)


def test_bad_arguments_are_errors_not_tracebacks(tmp_path, capsys):
    with pytest.raises(DataError, match="empty summary"):
        run_check(CheckConfig(note="Cough.", summary="  ", use_embeddings=False))
    with pytest.raises(ValueError, match="pass --note and --summary"):
        run_check(CheckConfig(note="Cough.", use_embeddings=False))
    with pytest.raises(DataError, match="file not found"):
        run_check(CheckConfig(input_file=str(tmp_path / "missing.csv"), use_embeddings=False))
    (tmp_path / "bytes.csv").write_bytes(b"id,note,summary\n1,\xff\xfe,x\n")
    assert main(["check", "--input-file", str(tmp_path / "bytes.csv"), "--no-use-embeddings"]) == 2
    assert "not UTF-8" in capsys.readouterr().err
    assert main(["evidence", "--input-file", str(tmp_path / "missing.csv"), "--output", "x.csv",
                 "--no-use-embeddings"]) == 2


# ---------------------------------------------------------------------------------------------
# With the embedding model

@pytest.fixture(scope="module")
def embedding_checker() -> FaithfulnessChecker:
    return FaithfulnessChecker(use_embeddings=True)


@pytest.mark.slow
def test_embeddings_pick_paraphrased_evidence_and_flag_unrelated_sentences(embedding_checker):
    note = ("Doctor: What brings you in?\nPatient: I get winded climbing the stairs to my apartment.\n"
            "Doctor: Do you smoke?\nPatient: Never have.\nDoctor: I'd like you to see a lung specialist.")
    result = embedding_checker.check(note, "She becomes breathless on exertion. Referral to pulmonology. "
                                           "Her favourite holiday destination is the Italian coast.")
    first, referral, unrelated = result.sentences
    assert first.evidence[0] == "S2" and first.supported
    assert referral.evidence[0] == "S5" and referral.supported
    assert [u.type for u in unrelated.unsupported] == ["other"]


@pytest.mark.slow
def test_embedding_checker_agrees_with_lexical_facts(embedding_checker, checker):
    pairs = [(NOTE, "He reports fever and takes losartan."), (NOTE, "Left knee pain for 3 days.")]
    with_model = embedding_checker.check_many(pairs)
    assert [flags(c) for c in with_model] == [flags(c) for c in checker.check_many(pairs)]
    assert all(0 <= s.confidence <= 1 for c in with_model for s in c.sentences)


# ---------------------------------------------------------------------------------------------
# The unfaithfulness score (clinsum.evaluation.verifier)

def test_unfaithful_score_counts_unsupported_units_per_sentence(checker):
    note = "Doctor: How old are you?\nPatient: I'm seventy six. My left knee hurts since a fall three days ago."
    faithful = checker.check(note, "A 76-year-old with left knee pain for 3 days after a fall.")
    invented = checker.check(note, "A 76-year-old with left knee pain for 3 days after a fall. "
                                   "She lives with her daughter and works as a librarian in Boston.")
    flagged = checker.check(note, "A 76-year-old with right knee pain for 3 days after a fall.")
    assert faithful.unfaithful_score < faithful.threshold and not faithful.hallucinated
    assert invented.unfaithful_score >= invented.threshold and invented.hallucinated
    assert invented.sentences[1].signals["novel_words"] == 3  # daughter, librarian, Boston
    assert invented.sentences[1].unfaithful_score > invented.sentences[0].unfaithful_score
    assert invented.unfaithful_score == pytest.approx(sum(s.unfaithful_score for s in invented.sentences))
    assert flagged.hallucinated and flagged.unsupported_count == 1  # one typed flag is enough


def test_check_output_rows_carry_the_score_and_decision(tmp_path):
    out = tmp_path / "checked.jsonl"
    run_check(CheckConfig(input_file=str(_write_pairs(tmp_path / "p.csv", PAIRS)), output=str(out),
                          use_embeddings=False))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(isinstance(r["unfaithful_score"], float) for r in rows)
    assert rows[0]["hallucinated"] is False and rows[1]["hallucinated"] is True
    assert rows[1]["unfaithful_score"] > rows[0]["unfaithful_score"]
    assert set(rows[0]["sentences"][0]["signals"]) >= {"novel_words", "absent", "unverified"}


def test_the_verifier_file_names_only_known_signals(tmp_path):
    from clinsum.evaluation.verifier import Verifier, default_verifier

    data = default_verifier().to_dict()
    assert Verifier.from_dict(data) == default_verifier()
    with pytest.raises(ValueError, match="rebuild them with scripts/train_verifier.py"):
        Verifier.from_dict({**data, "weights": {"no_such_signal": 1.0}})
