"""The words that name cues must not turn into names, and the name model that gates them (the names cues
admit are in test_phi_recall.py)."""

from __future__ import annotations

import re

import pytest

from clinsum.privacy import name_model, name_tagger, place_tagger
from clinsum.privacy.phi import PhiRedactor


# Cue positions that hold no name: roles and labels as speaker tags, census surnames that are words,
# contractions, drug and disease words, parts of a state's name.
KEPT = [
    # a transcript's numbered speakers, a heading in capitals, a drug table's name column, services after "by",
    # fractions and scores that look like a month and day, a count before a time
    "[00:00:04] SPEAKER_00: hi can you hear me\n[00:00:07] SPEAKER_01: yes i can",
    "NURSE LINE CALL - transcribed",
    "Member services: call. Reviewed by: QA team. Read by radiology.",
    "Name        Dose      Time\nheparin     5000 u    1400",
    "Seen by ED. Read by CT. 9 wks by LMP, peds tabs by wt.",
    "3/12 cores positive; 2/14 lymph nodes; MoCA 12/30; PHQ 5/27; strength 5/5 1430; 1/20 dilution; 24/7 care.",
    "Caller: He has been dizzy since Sunday.\nDaughter: She stopped eating.",
    "Son states she has MS and moderate MR.",
    "If pain worsens, call our nurse line for advice.",
    "Pt's wife reports Addison's disease, on hydrocortisone.",
    "Patient: I'm worried about the Hashimoto's.",
    "Interpreter: She says the levetiracetam makes her tired.",
    "You're doing well, continue apixaban and metoprolol.",
    "Grade II glioma; Child-Pugh class B; per AHA guidelines.",
    "Started Tylenol, Lasix and Coumadin.",
    "Doctor: Overall, how are you feeling?",
    "72M with stage IVA NSCLC, PD-L1 80%, on pembrolizumab.",
    "Transferred to ICU for pressors, then admitted to Medicine.",
    "Presented to the ED; seen at Urgent Care before; discharged to SNF.",
    "CT at Outside Hospital was negative. Labs from Monday were normal.",
    # an eponym after a title names a thing when a thing's word follows; a surgical service is no practice
    "placed by Dr. Foley catheter 16 Fr", "Mr. Whipple procedure was done",
    "s/p Mohs Surgery last year; Day Surgery tomorrow. Bariatric Surgery referral. Referred to Orthopaedic Surgery.",
    # counts and fractions of the same shape as a day and a month; a letter's reference or chat handles that are none
    "Pain 3/10 today, 1/2 tab bd, GCS 14/15, 6/12 vision, 14/12 old",
    "BP/HR stable overnight\nTMP/SMX DS 1 tab BID",
    "[07:15] @all: huddle at 0800, @nightfloat2 covering",
    # a role's bracket or quotes holding no name; a word first name read as a word where a turn opens
    'the baby (Twin A) is feeding; pt\'s son (PCP) aware; the "Family" meeting', "Nurse: Will do. Ok Will call back",
    "metformin m e t f o r m i n", "the patient who is 95% adherent",
    # an ambulance's call sign is no identifier; "oh" alone is no house number read out
    "Unit: Medic 14   Crew: 2", "oh yeah Lane's awesome.", "Pain on Left Side. Take on Day 3. Lives on Medicare.",
    # durations as clinicians of the UK write them; a court's county; the Fire Department, the Cath Lab as services
    "review 3/12. TCA 2/52. 5/7 abx.\n3/12   post-op review", "IN AND FOR THE COUNTY OF",
    "PT STATES NO BROKEN BONES THE FIRE DEPARTMENT LIFTED HER", "fluid restrict 1 L. SIADH workup",
    "Name: Metformin   Dose: 500 mg", "the corner of the bed and the wall", "Referred to District Nursing for dressings.",
    "CULTURE: E. COLI >100K. S. AUREUS (MRSA). K. PNEUMONIAE. P. AERUGINOSA", "K. Pneumoniae and P. Aeruginosa grew", "to the Cath Lab at 0900; HOME HEALTH SKILLED NURSING VISIT",
    # a role as a speaker's tag before a turn, a role before its name, an insurer after "says"
    "Therapist: Excellent. Keep practising.\nInterpreter: She says Medicaid covers it.",
    # a dash that separates, a credential alone, a unit or service before a credential, service names
    "Pharmacy — Progress Note\n14A — WATCHER\nthanks\n-- CMA\nHospice RN visit. CHARGE RN aware.\n"
    "Endo following. Discussed w/ GI.",
    # field labels and scores named after people
    "Mode: EMS\nPayer: Medicare A/B\nFall risk: Morse 65. Braden 14. Hinchey Ib diverticulitis. Forrest IIa ulcer.",
    # section headers and services named like sites or businesses
    "Hospital Course: uneventful. Hospital Day 3. Best Practice Advisory fired. Referred to Social Services.\n"
    "Served in the United States Marine Corps. ORIF with plate and screws.",
    # kinds of places in text without capitals, and words after a sign-off that are no name
    "the patient was seen at the urgent care clinic and then went to the hospital and to my local clinic and was "
    "admitted to the cardiology clinic and the nursing home and then to her home health agency and rehab\nthanks\n"
    "see you soon",
    # a patient's verb and an article after a cue in text without capitals
    "this afternoon the patient felt palpitations and this is a tibial tubercule avulsion and this is a flaring of "
    "the old injury and the doctor will call back with the results of the scan tomorrow morning",
    # weekdays before a time or abbreviated, "may" as a verb, kinds of clinics, abbreviations after "says", relatives
    # in Spanish, a royal style
    "Tues 10:40 Student seen. Gym w/ coach Tue/Thu. Pt rm 6 may need top-up. Smoked for 90 years.\n"
    "Cardiology - Valve Clinic. DEVICE CLINIC - remote check. He says BP at home is fine. Here with abuela.\n"
    "The Princess Royal arrived.",
    # abbreviations in capitals after a comma, common words in capitals, grades of doctors, Spanish greetings, peoples
    "Dx: CAP, RLL. ADMIT DATE - HOLIDAY, SKELETON STAFF. NARCAN X2 BY EMS. Discussed with ANP.\nMOTHER: Hola doctora.\n"
    "Interpreter in person (Rohingya), from Rakhine. REFUGEE HEALTH ASSESSMENT. ANTENATAL CLINIC today. Typhoid Vi given.",
    # classifications and anatomy named after people; a grade range before a capitalised word
    "NYHA class III-IV, Stage C (ACC/AHA). Siewert II, cT3 N1 M0. Hoehn and Yahr stage two. Takotsubo cardiomyopathy.\n"
    "Calot's triangle cleared; stone in Hartmann's pouch. Mallampati III airway. Per ACR 2021 guidance.",
    # a two-word eponymous operation, a guideline body glued to a record label's letters, a brand before a dose
    "FLOT x4 then Ivor Lewis oesophagectomy. AUC-guided dosing per ASHP/IDSA 2020. Continue Allegra 180 mg daily.",
    # towns whose names are words, a state's word
    "He was stung by a Yellow Jacket at home. Born in North Carolina.",
    # a header's labels in capitals and a phone system in a call log are no speakers
    "PLAN: home tomorrow\nHOPE: none\n[00:00:00] IVR: Thank you for calling.",
    # a first name that is also a word, as the word; a role's abbreviation, anaesthesia, a count after a role
    "Nurse: Will do.\nSeen by cardiology. Will f/u in 2 wk. The resident will call.",
    "Anes: GA   Anes: MAC\nAssistant: PGY-4 resident\n  II-1  (father) - HCM dx 2015",
    "watch night sweats; all saints; TET negative",
    "OOB  10:00  chair\nBSC  11:00  voided",
    "Patient: i have been in bed for two days and went to eat in normal amounts",
    "she is 95 percent sure; he is 92 kg; I am 90 over 60; she is ninety pounds; im 90 minutes away",
    "the dr said it was fine and mrs said no; mild mr and tr noted",
    "Insulin at 0800 1200 1600 and 2200; dose 0.5 mg; scores 05 10 15 20 25",
    "3/12 cores positive; 2/14 nodes; 4/30 days; went to the 9th floor; ranked from 3rd to 5th.",
    # spoken measurements are no numbers of a record
    "bp one twenty over eighty, heart rate ninety two, temp ninety eight point six, gave two of four doses",
    # labels and words of forms in other languages; numbers before a word that are no postal code and town; no street
    "Nombre: Fecha: Dirección: Klinik für Neurologie, Versichertennummer, Aadhaar, Iqama",
    "99284   ED visit, high complexity\n0610  Bath done, skin intact\n2 units, 40000 Units heparin",
    "per et al. Lancet 2019; given via PICC 2 days; lab 7.35; CI 95% 1.2-3.4; BP 120/80",
    "COWS 14. CIWA 9. BP 148/96; was out 1035; 3 out of 5 days; set 3 reps",
    "dose 250-1000 mg; range 200-1200 mL; 300-1500 units a day",
]


@pytest.mark.parametrize("text", KEPT)
def test_cue_positions_without_a_name_are_kept(tagger, text):
    assert tagger.redact(text) == (text, {})


def test_a_word_of_a_state_name_is_no_name_but_the_same_first_name_is(tagger):
    out, _ = tagger.redact("Mr. West moved from Wheeling, West Virginia. His daughter, Virginia, helps.")
    assert out == "Mr. [NAME] moved from [LOCATION], West Virginia. His daughter, [NAME], helps."


def test_the_name_model_scores_names_above_and_clinical_words_below_its_threshold():
    for name in ("Thandiwe", "Radoslav", "Vasilescu", "Giedraitis"):
        assert name_model.name_score(name) >= name_model.THRESHOLD, name
    for word in ("levetiracetam", "hydrochlorothiazide", "glomerulonephritis", "pembrolizumab", "Procedure"):
        assert name_model.name_score(word) < name_model.THRESHOLD, word


def test_the_name_model_is_small_and_read_once():
    assert name_model.MODEL_PATH.stat().st_size < 100_000
    name_model.name_score("Thandiwe")
    assert name_model._weights.cache_info().currsize == 1


def _tagged(text: str) -> list[str]:
    return [text[s:e] for s, e in name_tagger.find_uncued_names(text)]


def test_the_name_tagger_takes_uncued_names_from_their_context_and_leaves_clinical_words():
    assert _tagged("Overnight: Ferreira paged re: low UOP.") == ["Ferreira"]
    assert _tagged("Plan discussed. Farkas agrees with the plan and Adebayo will call back.") == ["Farkas", "Adebayo"]
    assert _tagged("Mrs. Oyelaran's daughter is the HCP.") == ["Oyelaran"]  # the possessive's "'s" stays
    assert _tagged("Exam: Tonsillar exudate. Started Eliquis. Favorable Shimada histology. Hang tight.") == []


def test_the_name_tagger_scores_only_words_that_could_be_names():
    # an English word at a sentence's start is no candidate, the same word inside a sentence is; so is no word with a
    # common part ("Child-Pugh") or a lowercase word
    text = "Church is important. She met Church. Child-Pugh B. ferreira"
    tokens = [m.group() for m in name_tagger.TOKEN.finditer(text)]
    candidates = [i for i in range(len(tokens)) if name_tagger.is_candidate(tokens, i)]
    assert candidates == [tokens.index("Church", 1)]


def _places(text: str) -> dict[str, list[str]]:
    return {kind: [text[s:e] for s, e in spans] for kind, spans in place_tagger.find_places(text).items()}


def test_the_place_tagger_takes_institutions_and_places_from_their_context_and_leaves_clinical_words():
    assert _places("She works at Brightwater Feed Supply and lives out near Copper Ridge with her sister.") == {
        "INSTITUTION": ["Brightwater Feed Supply"], "LOCATION": ["Copper Ridge"]}
    assert _places("Transferred from Kessling Valley Medical Center.")["INSTITUTION"] == ["Kessling Valley Medical Center"]
    assert _places("Seen in the Emergency Department by Physical Therapy. Plan: Tylenol, follow up with Cardiology. "
                   "History of Hashimoto's thyroiditis, per AHA guidelines. Child-Pugh class B.") == {
        "INSTITUTION": [], "LOCATION": []}


def test_the_place_tagger_reads_text_without_capitals_after_a_place_word():
    # without capitals it finds mostly the places its training text named ("fontana"); never "at night", "in bed"
    text = ("so um he works nights at the uh quarry road feed store and his mom drives him in from fontana most days "
            "and he says the pain is at night mostly in bed and he sleeps at home with the dog ") * 2
    found = _places(text)
    assert {span for spans in found.values() for span in spans} == {"fontana"}, found
    assert place_tagger.candidates(["works", "at", "the", "uh", "quarry", "road", "and"], lowercase=True) == [
        (4, 5), (4, 6)]


def test_the_place_tagger_spans_runs_of_capitalised_words_with_connectors_inside():
    tokens = [m.group() for m in place_tagger.TOKEN.finditer("at St. Luke's of the Valley on Monday")]
    spans = [" ".join(tokens[i:j]) for i, j in place_tagger.candidates(tokens)]
    assert "St . Luke's of the Valley" in spans and "Luke's" in spans and "Monday" in spans
    assert not any(span.endswith(("of", "the", ".")) for span in spans)


def test_a_day_redacted_with_its_article_is_still_shifted_in_surrogate_mode():
    out, _ = PhiRedactor("surrogate", seed=3).redact("Surgery on the 14th.")
    assert re.fullmatch(r"Surgery on the \d{1,2}(?:st|nd|rd|th)\.", out) and out != "Surgery on the 14th.", out


def test_an_age_over_89_is_read_right_after_a_name_and_not_a_count():
    from clinsum.privacy.detect import ages_after_names

    text = "Seen with Dr. Okafor, 92 patients today; Mr. Lee, 93, CHF; Ms. Dunn, 45; Rosa (pt's sister, ninety-one)."
    names = [(m.start(), m.end()) for m in re.finditer(r"Okafor|Lee|Dunn|Rosa", text)]
    assert [text[s:e] for s, e in ages_after_names(text, names)] == ["93", "ninety-one"]


def test_a_street_after_a_site_is_a_capitalised_word_no_day_and_no_word_text_writes_in_lowercase():
    from clinsum.privacy.detect import streets_after_sites

    text = ("Walks to Mount Zion AME on Sundays. Seen at Mercy Hospital on Admission to ICU; went to Walgreens on Monday; "
            "the Kroger on Dublin-Granville, Fred Meyer on SE 82nd.")
    sites = [(m.start(), m.end()) for m in re.finditer(r"Mount Zion AME|Mercy Hospital|Walgreens|Kroger|Fred Meyer", text)]
    assert [text[s:e] for s, e in streets_after_sites(text, sites)] == ["Dublin-Granville", "SE 82nd"]


def test_a_town_after_a_site_is_no_department_province_or_word_text_writes_in_lowercase():
    from clinsum.privacy.detect import towns_after_sites

    text = ("Wilson Memorial General, Wexcombe. Llanfair Road Surgery, Builth Wells\nNozamo Health Centre, Western Cape\n"
            "Mercy Hospital, Cardiology. Walgreens, Delivery.\nFarmworker Health - Immokalee site")
    sites = [(m.start(), m.end()) for m in re.finditer(
        r"Wilson Memorial General|Llanfair Road Surgery|Nozamo Health Centre|Mercy Hospital|Walgreens|Farmworker Health", text)]
    assert [text[s:e] for s, e in towns_after_sites(text, sites)] == ["Wexcombe", "Builth Wells", "Immokalee"]


def test_the_one_pass_context_step_gives_presidios_results_in_its_order(tagger):
    from presidio_analyzer import AnalyzerEngine

    mine = tagger.detector.analyzer
    presidio = AnalyzerEngine(registry=mine.registry, nlp_engine=mine.nlp_engine, supported_languages=["en"],
                              context_aware_enhancer=mine.context_aware_enhancer)
    text = ("Pt: OKAFOR, Chidi   MRN 00481736   DOB 03/14/1931 (94)\nSeen by Dr. Lena Park at Riverside General, "
            "call 555-201-7734 or e-mail c.okafor@example.org; lives in Dayton, Ohio 45402.")
    found = [(r.entity_type, r.start, r.end, r.score) for r in mine.analyze(text, language="en")]
    assert found and found == [(r.entity_type, r.start, r.end, r.score) for r in presidio.analyze(text, language="en")]


def test_the_words_of_other_languages_are_no_names_or_towns():
    """data/foreign_words.txt makes its words never a name's: a listed name or town there would be lost ("Plano")."""
    from clinsum.privacy.vocab import _entries, cities, first_names, last_names, word_list

    listed = first_names() | last_names() | cities() | frozenset(_entries("towns"))
    assert sorted(w for w in word_list("foreign_words") if w in listed) == []
