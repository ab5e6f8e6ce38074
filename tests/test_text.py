"""Text normalisation and lexicon lookups that the checker and the negative generator rely on."""

from __future__ import annotations

import pytest

from clinsum.text import lexicon
from clinsum.text.normalize import extract_quantities, normalize, normalize_text, split_note, split_sentences


@pytest.mark.parametrize("text, expected", [
    ("Seventy six", "76"),
    ("seventy-six", "76"),
    ("one hundred and five", "105"),
    ("ninety eight point six", "98.6"),
    ("one and a half years", "1.5 years"),
    ("April fifteenth two thousand five", "april 15th 2005"),
    ("nineteen ninety eight", "1998"),
])
def test_number_words_become_digits(text, expected):
    assert normalize_text(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Pt is a 76 y/o male", "patient is a 76 year old male"),
    ("w/ HTN, c/o SOB", "with hypertension, complains of shortness of breath"),
    ("Lipitor 20 mg b.i.d. and Tylenol q.d. PRN", "lipitor 20 mg twice daily and tylenol daily as needed"),
    ("metformin 500mg BID", "metformin 500mg twice daily"),
    ("referred to P T and got an M R I", "referred to physical therapy and got an mri"),
])
def test_abbreviations_are_expanded(text, expected):
    assert normalize_text(text) == expected


def test_normalized_spans_map_back_to_the_source():
    norm = normalize("Pt has seventy six")
    start = norm.text.index("76")
    assert norm.source_text(start, start + 2) == "seventy six"


def test_quantities_have_canonical_units_and_durations_in_days():
    found = {(q.value, q.unit) for q in extract_quantities("two weeks of 500 mg, 88 mcg, 2 puffs, BP 140/90 mmHg")}
    assert {(14.0, "days"), (500.0, "mg"), (88.0, "mcg"), (2.0, "puffs"), (140.0, "mmHg"), (90.0, "mmHg")} <= found
    two_weeks, fourteen_days = extract_quantities("two weeks")[0], extract_quantities("14 days")[0]
    assert two_weeks.same_amount(fourteen_days) and two_weeks.text == "two weeks"
    assert not extract_quantities("3 weeks")[0].same_amount(fourteen_days)
    assert [(q.value, q.unit) for q in extract_quantities("a day or two ago, x4wk")] == [(1.0, "days"), (2.0, None),
                                                                                        (28.0, "days")]


def test_dialogue_turns_are_split_without_speaker_prefixes():
    text = "Doctor: Any fever? Any chills?\nPatient: No. I feel fine.\nDoctor: Dr. Smith saw you."
    sentences = split_note(text)
    assert [s.text for s in sentences] == ["Any fever?", "Any chills?", "No.", "I feel fine.", "Dr. Smith saw you."]
    assert [s.speaker for s in sentences] == ["doctor", "doctor", "patient", "patient", "doctor"]
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert [t for _, _, t in split_sentences("1.  Hypertension. 2.  Asthma.")] == ["Hypertension.", "Asthma."]


def test_brand_names_resolve_to_generics():
    found = {m.text: m.canonical for m in lexicon.find_drugs("Tylenol, Lipitor, toprol xl, Synthroid and Augmentin")}
    assert found == {"Tylenol": "acetaminophen", "Lipitor": "atorvastatin", "toprol xl": "metoprolol",
                     "Synthroid": "levothyroxine", "Augmentin": "amoxicillin/clavulanate"}
    assert lexicon.find_drugs("at 10 am he sits on the water") == []


def test_drug_classes_and_swap_targets():
    assert lexicon.drug_class("lisinopril") == "ace inhibitors"
    assert "metoprolol" in lexicon.drugs_in_class("beta blocker")
    assert len(lexicon.common_drugs()) >= 200
    assert all(lexicon.drug_class(d) for d in lexicon.common_drugs())


def test_terms_map_synonyms_to_concepts():
    terms = {t.text: (t.concept, t.kind, t.negated) for t in lexicon.find_terms("SOB, low back pain, afebrile, HTN, EGD")}
    assert terms == {"SOB": ("dyspnea", "finding", False), "low back pain": ("back pain", "finding", False),
                     "afebrile": ("fever", "finding", True), "HTN": ("hypertension", "condition", False),
                     "EGD": ("endoscopy", "procedure", False)}
    assert len(lexicon.conditions()) >= 100 and {"hypertension", "diabetes mellitus"} <= set(lexicon.conditions())
    assert lexicon.broader_concepts("knee pain") == ["pain"]
    assert lexicon.concept_of("headaches") == "headache"


def test_sides_frequencies_and_body_parts():
    assert lexicon.laterality_swap()["left"] == "right" and lexicon.laterality_swap()["right"] == "left"
    assert [m.canonical for m in lexicon.find_frequencies("b.i.d., BID, twice a day, q.d., every 8 hours, PRN")] == [
        "twice daily", "twice daily", "twice daily", "daily", "three times daily", "as needed"]
    assert [m.canonical for m in lexicon.find_body_parts("both knees and the left foot, both feet")] == [
        "knee", "foot", "foot"]


def test_one_note_reader_with_a_lenient_policy():
    """The checker and the edit generator read negation with one reader; the generator's policy reaches
    further and knows a few more cues, it does not parse differently."""
    from clinsum.preference.edits import LENIENT
    from clinsum.text.reader import AFFIRMED, CHECKER, NEGATED, cue_pattern, read_note, read_terms

    far = "no recent episodes at all of any kind of chest pain"  # 8 words from the cue
    assert [t.polarity for t in read_terms(far, False, CHECKER)] == [AFFIRMED]
    assert [t.polarity for t in read_terms(far, False, LENIENT)] == [NEGATED]
    assert cue_pattern(LENIENT).search("nope") and not cue_pattern(CHECKER).search("nope")
    reading = read_note("Doctor: Any fever or chills? Patient: Um, no. Doctor: Any cough? Patient: Yes.")
    assert [[(t.term.concept, t.polarity) for t in terms] for terms in reading.terms if terms] == [
        [("fever", NEGATED), ("chills", NEGATED)], [("cough", AFFIRMED)]]
    assert reading.answers == {0: {1}, 1: {0}, 2: {3}, 3: {2}}
