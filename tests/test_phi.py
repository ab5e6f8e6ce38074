"""PHI redaction: each identifier type, the clinical allow-list, both modes, bad input, the pipeline option."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from clinsum.cli import main
from clinsum.privacy.phi import PhiRedactor, Surrogates, shift_date


@pytest.fixture(scope="module")
def surrogate() -> PhiRedactor:
    return PhiRedactor("surrogate", seed=3)


# (text, identifier inside it, expected tag)
IDENTIFIERS = [
    ("Patient: John Smith\nHPI: cough.", "John Smith", "NAME"),
    ("Patient name: maria garcia", "maria garcia", "NAME"),
    ("SMITH, JOHN\nA 45-year-old man.", "SMITH, JOHN", "NAME"),
    ("Discussed with Dr. Okonkwo today.", "Okonkwo", "NAME"),
    ("DR. LEE TO FOLLOW.", "LEE", "NAME"),
    ("Mrs. García reports knee pain.", "García", "NAME"),
    ("Her daughter Ana Lopez was present.", "Ana Lopez", "NAME"),
    ("Electronically signed by: Kim Nguyen, MD", "Kim Nguyen", "NAME"),
    ("Referred by Dr Emir van der Klijn.", "Emir van der Klijn", "NAME"),
    ("Oskar Mądrzak is here for follow-up.", "Oskar Mądrzak", "NAME"),
    ("DOB: 03/14/1950", "03/14/1950", "DATE"),
    ("Seen on March 14th, 2023 for cough.", "March 14th, 2023", "DATE"),
    ("Admitted 14-Mar-23 for observation.", "14-Mar-23", "DATE"),
    ("Surgery on the 14th.", "14th", "DATE"),
    ("Last visit 2023-03-14.", "2023-03-14", "DATE"),
    ("Symptoms began in March 2021.", "March 2021", "DATE"),
    ("seen on 3/14 in clinic", "3/14", "DATE"),
    ("A 94-year-old woman with falls.", "94", "AGE"),
    ("Her mother is 101 years old.", "101", "AGE"),
    ("Call back number (415) 555-0123.", "(415) 555-0123", "PHONE"),
    ("Fax: 415.555.0100", "415.555.0100", "PHONE"),
    ("Email: jane.doe@clinic-mail.org.", "jane.doe@clinic-mail.org", "EMAIL"),
    ("SSN: 123-45-6789", "123-45-6789", "SSN"),
    ("SS# 212 23 4666", "212 23 4666", "SSN"),
    ("MRN: 00123456", "00123456", "ID"),
    ("Med Rec #: 76-262-888", "76-262-888", "ID"),
    ("Account #: 4455667788", "4455667788", "ID"),
    ("Member ID: XJH123456789", "XJH123456789", "ID"),
    ("Pacemaker serial number PJN123456", "PJN123456", "ID"),
    ("Results at https://portal.example-health.org/p/123 for details.", "https://portal.example-health.org/p/123", "URL"),
    ("Logged in from 192.168.1.20.", "192.168.1.20", "IP"),
    ("Address: 123 Main Street, Apt 4B", "123 Main Street, Apt 4B", "ADDRESS"),
    ("Resides in Springfield, IL 62704.", "Springfield", "LOCATION"),
    ("Resides in Springfield, IL 62704.", "62704", "ZIP"),
]


@pytest.mark.parametrize("text,identifier,tag", IDENTIFIERS, ids=[f"{t}:{i}" for _, i, t in IDENTIFIERS])
def test_each_identifier_type_is_tagged(tagger, text, identifier, tag):
    out, counts = tagger.redact(text)
    assert identifier not in out, out
    assert f"[{tag}]" in out, out
    assert counts[tag] >= 1


ALLOWED = [
    "History of Parkinson's disease and Crohn's disease.",
    "Remote Hodgkin lymphoma, in remission.",
    "Prior Bell's palsy, resolved.",
    "She may need a recheck. May take 1/2 tablet at bedtime.",
    "BP 120/80, HR 72. Pain 7/10. Strength 5/5.",
    "Metformin 500 mg twice daily.",
    "Nystagmus on Dix-Hallpike testing. Murphy's sign negative.",
    "Will return in 2 weeks for recheck.",
    "Plan: 1000 mg acetaminophen every 8 hours. Case 2 reviewed.",
    # staging, eponyms, guideline bodies, disease abbreviations that look like titles or labels
    "Grade II glioma, stage III CKD, stage IVA NSCLC.",
    "Cirrhosis, Child-Pugh class B.",
    "Hx Addison's disease. Hashimoto's thyroiditis.",
    "Per AHA guidelines, start atorvastatin 40 mg.",
    "MS (relapsing-remitting) on ocrelizumab. Stable MS.",
    "Echo shows moderate MR, LVEF 55%.",
    "Follow up in the Cardiology Clinic in 2 weeks.",
    # ranges and ratios next to date words, a decade, a single abbreviation after a weak cue
    "Cough since 2-3 weeks. Next 1-2 days: rest. On 1/2 tablet of metoprolol.",
    "She moved here in the 90s. HR in the 90s overnight.",
    "58M with RLQ pain. Home with VNA.",
    # a dialogue's fillers and answers after a speaker's tag or "I'm"/"it's" (MTS-Dialog style)
    "Doctor: How are you?\nPatient: Oh yes, fine. I'm able to walk, and it's true I feel better.\nDoctor: Hey, tell me more.",
    "Patient: Good afternoon, doctor. Absolutely, that's no problem.",
    "Doctor: Any medications?\nPatient: Nah, no daily meds. Uh yeah, maybe aspirin.\nPatient: Overall, my pain is better.",
    "10:42 Doctor: pain is better\n10:43 Patient: yes. Ups and downs since the fall.",
    "HR is 95. Temp: he was 98.6 F. She is 95% adherent. SpO2 96, RR 18. BP 120/95.",
    # lowercase words after a role, eponyms before a capitalised or new clinical noun (MTS-Dialog notes)
    "Mother said the next day he had a fever. Mom is able to wake him. Baby was born premature. Seen by nursing staff.",
    "Father with Von Hippel-Lindau Disease, uncle with Addison's Disease. Morton neuroma of both feet.",
    # ordinal words that are no day, countries (Safe Harbor keeps them), capitalised words after "near"
    "Admitted to the fourth floor. After the third dose she improved. Works the third shift. Moved here from Vietnam.",
    "Pain near Right knee. Was living in Korea, then back in Haiti. 2019-2020: anemia.",
    # languages and countries after a lowercase word, a two-word eponym, lowercase clinical words and lists
    "She speaks German at home and some French. Immigrated to the United States of America in 1957.",
    "His mother died of Lou Gehrig's disease. Positive Murphy sign. History of Bell palsy. Seen last year.",
    "There was frank hematuria. Reports nausea, vomiting and diarrhea. Hope, faith and family help him cope.",
    "Her husband states she fell. The patient was from Brazil. Child-Pugh class B. Mother - no concerns.",
    "He works in Construction and studies in Spanish at night. She is Cuban; her father lives in Germany.",
    "Mother (deceased) had breast cancer. Sister (healthy) lives nearby.",
    # a possessive eponym, plural eponymous conditions, a place of several words
    "History of Huntington's in the family. Prior Morton's neuromas. Uhthoff's phenomena.",
    # numbered lines that are no address: a medication list, a unit of the hospital
    "Meds:\n1 Tylenol 500\nMetformin 1000\nAspirin 81\nSeen at 9 am on 3 West 2. Pain is 7 out of 10.",
    # laboratory abbreviations after a comma, "home" that is no address label
    "WBC 12.4, 1+ edema, Na 135, K 4.1, Hgb 9.1, Cl 101. Works from home 3 days a week. Home O2 2 L.",
    # devices named after people, a drug with its kind in parentheses
    "Placed in a Bremer halo vest; Codman Hakim shunt at 90. Lasix (diuretic) given.",
    # fields whose value is a word and a comma
    "Diagnosis: Crohn, ileal\nAllergies: Penicillin, rash\nPlan: Lasix, daily\nSocial: Married, retired",
    # a school or a church with no name of its own
    "Graduated High School in 1970. Church is important to her. Taking college classes.",
    # numbered plan items, departments after "to:"
    "Plan:\n1. Lasix 40 mg daily\n2. Metoprolol 25 bid\n3. Return to clinic 2 weeks\nReferred to: Cardiology.",
    # abbreviations after a role or title in sloppy notes
    "son pt ok. wife rx filled. dr appt tmrw. husband ambulating well today. dr note faxed.",
    # a year of birth of someone under 90, a year that is no birth, a heart rate in words
    "Born in 1950 in a small town. In 1928 the hospital opened. Heart rate is ninety five.",
    # specialties asked for, not practices
    "Consult Cardiology. Page Neurology re: seizure. Discussed with Interventional Cardiology. Peds Cardiology.",
    # drugs and devices the lexicon lacks after "to", "from" or "in"
    "Allergic to Sulfa. Rash from Sulfa. Switched to Lortab. Stable in CPAP overnight. Worse in AM.",
    # readings and fractions after a day word
    "Pain today 7/10. Strength today 5/5. Today 1/2 tab. Yesterday 3/4 of meal eaten.",
    # ordinals joined by "and" that are no street corner
    "Seen at 3rd and 4th visits. On 2nd and 3rd doses held.",
    # field labels before two capitalised words that are no name
    "Diagnosis: Acute Pancreatitis\nPlan: Continue Lasix\nCode Status: Full Code\nDisposition: Home Health",
    # a turn that is an interjection, a condition the lexicon lacks after "called", a unit named after a person
    "Doctor: It is called Onychomycosis, a nail fungus.\nPatient: Cool.\nDoctor: Fever of 101 Fahrenheit?\nPatient: Yessir.",
    "Continue metoprolol SR 150 mg on CR 2 of 3. Specimen sent to pathology. Route 2 of 3 doses given.",
    # capitalised clinical words, a verb that is also a name, an eponymous grading (the name tagger's guards)
    "Doctor: Hang tight while I grab the nurse.\nTonsillar exudate absent. Favorable Shimada histology. Addison's unlikely.",
    # a herb named for a saint (a saint's day is a date: test_phi_recall), countries and states after care (Safe Harbor
    # keeps them), a department
    "Took St. John's wort. Treated for malaria in Brazil. Records from Kentucky. Seen at Urgent Care.",
    # a temperature before a heart rate, a kind of care home after "in"
    "Vitals: T 98.6 F, 92, 18, 120/80. Temp 101°F, 96, irregular. Lives in SNF.",
    # services, languages, states and common words after a job
    "Retired from the Army in 1990. Drove from Ohio. A teacher of English. Employee of the Month. Retired from Teaching.",
    # fractions after a test's name
    "CT 3/4 views. Echo 1/2 normal. Labs 2/3 abnormal. Biopsy 3/12 cores positive. Cultures 2/4 bottles. Pain 3/10.",
    # lowercase words after a note's cues and dialogue cues that are no names
    "spoke w/ pharmacy re: refill. d/w family at length. seen by ortho. spoke with wife.\nPatient: It's fine. This is mom.",
    # turns of the family's speaker tag that are no name, a word before a comma and a relative
    "Guest_family: Yes.\nGuest_clinician: Sure.\nPatient: Like, my mom had them. Diabetes, his father had it.",
    # visual acuity, Virginia and children's medicines
    "VA 20/20 OD. Visual acuity (VA) 20/40. Lives in VA now. Gave Children's Motrin. Home of the Braves.",
    # numbers over 89 in parentheses that are no age
    "Given 1 tab (90) daily. BP (92) low. Score (95).",
    # an all-capitals town word that is an English word after a place word
    "IN NORMAL SINUS RHYTHM. WENT TO MOBILE UNIT.",
    # numbers before lowercase words that are no street
    "ST changes in 3 leads with st elevation. Took 2 times a day st. Walked 2 blocks down road. Called 2 times by the dr.",
    # eponyms that are surnames before what they name; kinship words as names of address; log lines of no person
    "Diabetic foot ulcer, Wagner grade 2. Two 19 Fr Blake drains placed. Vertex by Leopold's maneuvers.",
    "Daddy lives in town. Papa is stubborn. Mommy said it's Daddy's turn.",
    "08:00  Vitals: stable\n14:00 Assessment -- stable\n0900 PT (Eval): ambulated 40 ft",
    # times and doses in columns; a sentence opened by a common word and a comma
    "1200  Vitals   stable\n100  Tylenol   given\n0800  Lasix  40 mg\nContinue therapy. Overall, you are doing well.",
    # a dose after an ID's label, minutes after "IM"
    "Given IM ninety minutes ago. ID 40 mg daily.",
    # an answer to a question for a name that holds none
    "Doctor: What is your name?\nPatient: Sorry, I did not hear you.\nDoctor: And your full name?\nPatient: It is on the card.",
    # a verb, a modal or a place after someone's relative
    "My wife will drive me home. His son may call. Did your mother tell you anything? I live with my sister in town.",
    # an isotope, a respiratory rate and a release form are no roads
    "Given I-131 at 100 mCi. RR 18, HR 90. Continue metoprolol SR 150 mg on CR 2 of 3.",
    # clinical abbreviations in capitals: in pairs like a surname and a given name, as a team, after a role
    "Risks: bleeding, transfusion reaction (TRALI, TACO). Plan: GETA, RSI not indicated. Dx: HFrEF, NYHA class II.",
    "Resus by NICU team. Wife at bedside, HOH. Employee: HBsAb immune. Referred to WIC and the ILD clinic.",
    # a tumour's stage and a coma score that have a Canadian postal code's shape; weekdays with hours
    "Staged T3N1M0 on PET. GCS 13 (E3V4M6).",
    "The line is staffed Mon-Fri 8-4:30 and Tue 9 am to noon.",
    # pets; lifts, chairs, stains and protocols named after people; a pain score's range
    "SOB after feeding the dogs (Rusty and Duke). Her dog, Chuy, is protective.",
    "Hoyer lift for transfers, Broda chair. Rockwood CFS 6. Barthel 14/20. Pain 1-2/10.",
    # a phone call's greeting to the pharmacy in general
    "Thank you for calling the pharmacy, how can I help?",
    "Doctor: He says that you have reached maximum medical improvement.",
    # a drug spelled out, a state after a direction, a word after "zip" with no number read out
    "pharmacist: thats metformin m e t f o r m i n right. she grew up in the west virginia hills. zip code area.",
    # a job's cue before words of any text ("works at home", "blood work with cholesterol added")
    "he works at home mostly. she works at the hospital on nights. the typical blood work with cholesterol added. "
    "he is unable to sustain full-time work at any exertional level.",
    # a distance and a direction on the body
    "Lesion 2 cm N of Umbilicus; pain 3 cm medial of McBurney point.",
    # a title word in speech before a common word; a weekday before "the first thing"
    "the doctor said it was fine and i told the doctor office. Monday the first thing she did was call.",
    # an age column's ages under 90
    "| Time  | Age | Sex |\n|-------|-----|-----|\n| 08:20 | 74  | F   |",
]


@pytest.mark.parametrize("text", ALLOWED)
def test_clinical_words_that_look_like_phi_are_kept(tagger, text):
    assert tagger.redact(text) == (text, {})


def test_synthetic_notes_are_left_alone(tagger):
    from clinsum.data.synthetic import generate_examples

    for example in generate_examples(30, seed=11):
        assert tagger.redact(example.note)[0] == example.note
        assert tagger.redact(example.summary)[0] == example.summary


def test_every_other_mention_of_a_found_name_goes_too(tagger):
    out, _ = tagger.redact("Mr. Quist was seen. Quist denies fever.")
    assert "Quist" not in out and out.count("[NAME]") == 2


def test_surrogates_are_consistent_within_a_note(surrogate):
    text = "Patient: John Smith. Mr. Smith called; Smith lives alone. Email john.smith@mail.com."
    out, counts = surrogate.redact(text)
    assert "Smith" not in out and "John" not in out and "[" not in out
    surname = re.search(r"Mr\. (\w+)", out).group(1)
    assert out.count(surname) >= 3  # the same fake surname in all three places
    assert counts["NAME"] >= 3


def test_surrogate_dates_keep_their_intervals(surrogate):
    state = surrogate.surrogates("note-1")
    out, _ = surrogate.redact("Admitted 03/01/2023, discharged 03/11/2023.", state)
    first, second = [date(int(y), int(m), int(d)) for m, d, y in re.findall(r"(\d\d)/(\d\d)/(\d{4})", out)]
    assert (second - first).days == 10
    assert first != date(2023, 3, 1)
    # the summary of the same note shares the shift and the names
    summary, _ = surrogate.redact("Discharged 03/11/2023.", state)
    assert second.strftime("%m/%d/%Y") in summary


def test_surrogates_are_deterministic_by_seed():
    text = "Dr. Adams saw Mrs. Ortiz on 2023-03-14."
    assert PhiRedactor("surrogate", seed=5).redact(text)[0] == PhiRedactor("surrogate", seed=5).redact(text)[0]


@pytest.mark.parametrize("original,days,expected", [
    ("03/14/2023", 10, "03/24/2023"), ("3/14/23", -14, "2/28/23"), ("2023-03-14", 1, "2023-03-15"),
    ("March 14th, 2023", 20, "April 3rd, 2023"), ("14-Mar-23", 365, "13-Mar-24"), ("MARCH 14", 1, "MARCH 15"),
    ("Mar. 14", 31, "Apr. 14"), ("March 2023", 31, "April 2023"), ("14th", 2, "16th"), ("14.03.2023", 1, "15.03.2023"),
])
def test_shift_date_keeps_the_format(original, days, expected):
    assert shift_date(original, days) == expected


def test_unknown_mode_is_an_error():
    with pytest.raises(ValueError, match="surrogate"):
        PhiRedactor("mask")


def test_a_spacy_pipeline_that_is_not_installed_is_a_clear_error():
    with pytest.raises(ValueError, match="not installed"):
        PhiRedactor("tag", spacy_model="no_such_spacy_pipeline")


def test_surrogate_state_shift_is_never_zero():
    assert all(Surrogates(seed=s).date_shift_days != 0 for s in range(50))


# ---------------------------------------------------------------------------------------------
# The command


def test_redact_command_csv_and_report(tmp_path, capsys):
    source = tmp_path / "notes.csv"
    source.write_text('id,clinical_note,summary,other\n1,"Patient: John Smith, MRN 1234567. Cough.",'
                      '"Mr. Smith has a cough.",John Smith\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["redact", "--input", str(source), "--output", str(out)]) == 0
    row = json.loads(out.read_text())
    assert "Smith" not in row["clinical_note"] and "1234567" not in row["clinical_note"]
    assert "Smith" not in row["summary"] and row["other"] == "John Smith"  # only the chosen columns
    report_text = (tmp_path / "out.jsonl.phi_report.json").read_text()
    report = json.loads(report_text)
    assert report["identifiers"]["NAME"] == 2 and report["identifiers"]["ID"] == 1
    assert "Smith" not in report_text and "1234567" not in report_text
    assert "| NAME | 2 |" in capsys.readouterr().out


def test_redact_command_text_file(tmp_path):
    source = tmp_path / "note.txt"
    source.write_text("Seen by Dr. Adams on 03/14/2023.", encoding="utf-8")
    assert main(["redact", "--input", str(source), "--output", str(tmp_path / "out.txt"), "--mode", "surrogate"]) == 0
    text = (tmp_path / "out.txt").read_text()
    assert "Adams" not in text and "03/14/2023" not in text and "Dr. " in text


@pytest.mark.parametrize("content,extra,message", [
    ("id,clinical_note\n", [], "no data rows"),
    ("id,clinical_note\n1,hello\n", ["--columns", "note"], "no column 'note'"),
    ("id,comment\n1,hello\n", [], "no note or summary column"),
    (b"id,clinical_note\n1,caf\xe9\n", [], "not UTF-8"),
])
def test_redact_command_bad_input(tmp_path, capsys, content, extra, message):
    source = tmp_path / "notes.csv"
    source.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert main(["redact", "--input", str(source), "--output", str(tmp_path / "out.csv"), *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and "notes.csv" in err and "Fix:" in err
    assert not (tmp_path / "out.csv").exists()


def test_redact_command_empty_text_file_and_format_mismatch(tmp_path, capsys):
    empty = tmp_path / "note.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert main(["redact", "--input", str(empty), "--output", str(tmp_path / "out.txt")]) == 2
    assert "empty file" in capsys.readouterr().err
    assert main(["redact", "--input", str(empty), "--output", str(tmp_path / "out.csv")]) == 2
    assert "does not match" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# The pipeline's prepare stage


def test_pipeline_prepare_redacts_every_split(tmp_path):
    from clinsum.data.dataset import load_examples
    from clinsum.pipeline import DataSection, prepare_data

    source = tmp_path / "pairs.csv"
    rows = ['id,clinical_note,summary'] + [
        f'{i},"Patient: John Smith, seen 03/0{i % 9 + 1}/2023 by Dr. Adams. Cough for {i} days.",'
        f'"Mr. Smith has a cough for {i} days."' for i in range(12)]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    section = DataSection(train_data=str(source), test_data=str(source), redact_phi=True)
    outputs = prepare_data(section, tmp_path / "prepare", seed=0)
    for split in ("train", "val", "test"):
        for example in load_examples(outputs[split]):
            assert "Smith" not in example.note + example.summary and "Adams" not in example.note
            assert "[NAME]" in example.summary and "cough" in example.summary.lower()
    report = json.loads(open(outputs["phi_report"]).read())
    assert report["test"]["identifiers"]["NAME"] == 12 * 3  # "John Smith", "Adams" and "Smith" in each row
    assert "Smith" not in json.dumps(report)


def test_a_lowercase_word_text_mostly_writes_lowercase_is_no_name_after_a_role(tagger):
    """The default model's tokenizer knows "fell", "tell" and "sick" as lowercase words first; "frank" and "patel"
    it knows capitalised first (vocab.lowercase_words, vocab.capitalised_words)."""
    out, _ = tagger.redact("lives w/ husband raj, fell at home. Her son frank said to tell dr patel she is sick.")
    assert "fell at home" in out and "to tell" in out and "is sick" in out, out
    assert "frank" not in out and "patel" not in out, out
