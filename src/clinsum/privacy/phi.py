"""Find protected health information (PHI) in clinical text and replace it with tags or surrogates.

Detection is Microsoft Presidio's analyzer: its pattern recognizers find e-mails, phone numbers,
URLs, IP addresses, SSNs and numeric dates without any model. Presidio finds names with a spaCy NER
pipeline, and none can be downloaded offline, so the English engine here is spaCy's blank tokenizer
and names come from clinical recognizers written for notes (titles, credentials, roles, signature
lines, a first-name dictionary, then every other mention of a found name). The clinical recognizers
also cover what Presidio's patterns miss in notes: written-out dates, record/account/plan numbers
after their label, ages over 89, street addresses, cities and ZIP codes. An allow-list built on the
project's clinical lexicon keeps eponyms (Parkinson, Crohn), drugs and doses from being removed.

Replacement is Presidio's anonymizer: ``tag`` writes a typed placeholder (``[NAME]``), ``surrogate``
a consistent fake value per note (one name -> one fake name; dates shifted by one offset per note,
so intervals between them are kept).
"""

from __future__ import annotations

import hashlib
import logging
import random
import re

import regex
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

PHI_TYPES = {
    "NAME": "names of patients, relatives and clinicians",
    "DATE": "dates more specific than a year",
    "AGE": "ages over 89",
    "PHONE": "phone, fax and pager numbers",
    "EMAIL": "e-mail addresses",
    "SSN": "social security numbers",
    "ID": "medical record, account, health-plan, licence, device and other record numbers",
    "URL": "web addresses",
    "IP": "IP addresses",
    "ADDRESS": "street addresses",
    "LOCATION": "cities and towns",
    "ZIP": "ZIP codes",
}
MODES = ("tag", "surrogate")
# Presidio logs its device and recognizer set-up at INFO, and tldextract warns that it cannot download
# the public-suffix list offline (it falls back to its bundled copy): noise for someone redacting files.
for _noisy in ("presidio-analyzer", "presidio-anonymizer", "tldextract", "filelock"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)

# Presidio's entity names -> ours.
_PRESIDIO_TYPES = {"PERSON": "NAME", "LOCATION": "LOCATION", "EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "URL": "URL", "IP_ADDRESS": "IP",
                   "US_SSN": "SSN", "DATE_TIME": "DATE", "MEDICAL_LICENSE": "ID", "US_MBI": "ID",
                   "US_HEALTH_INSURANCE_MEMBER_ID": "ID"}
# Below this score a Presidio match is too weak to act on (e.g. a bare "10/10" read as mm/yy).
MIN_SCORE = 0.4

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_ORD = r"(?:st|nd|rd|th)"
_STATES = ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND "
           "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP FM MH PW AA AE AP").split()
_STATE_NAMES = ("Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|"
                "Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|"
                "Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|"
                "New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|"
                "South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|"
                "Wisconsin|Wyoming")
_STATE = "(?:" + "|".join(_STATES) + "|" + _STATE_NAMES.replace(" ", r"\s+") + ")"
# A capitalised word in any Latin script, e.g. "O'Neil", "McCrory", "Nguyen-Tran", "Mądrzak"; in capitals; an initial.
_CAP = r"\p{Lu}(?:\p{Ll}|['’](?=\p{L})|\p{Lu}(?=\p{Ll}))+(?:-\p{Lu}\p{Ll}+)?(?!\p{L})"
_UPPER = r"\p{Lu}(?:\p{Lu}|['’-](?=\p{Lu}))+(?!\p{L})"
_INITIAL = r"\p{Lu}\.(?!\p{L})"
_LOWER_WORD = r"\p{Ll}[\p{Ll}'’-]+"
# Name particles: "da Silva", "van der Berg".
_PARTICLE = r"(?:da|de|del|della|der|di|do|dos|das|du|la|le|van|von|ten|ter|bin|al|el|y)"


@dataclass(frozen=True)
class PhiSpan:
    """One identifier found in a text: character span, type (a key of :data:`PHI_TYPES`) and score."""

    start: int
    end: int
    type: str
    score: float = 1.0


# ---------------------------------------------------------------------------------------------
# Word lists: names, common words, clinical words that look like names

@cache
def _first_names() -> frozenset[str]:
    """Lowercase first names: Faker's English lists (7,000+ names)."""
    from faker.providers.person.en import Provider as English
    from faker.providers.person.en_US import Provider as American

    return frozenset(n.lower() for n in (*English.first_names, *American.first_names))


@cache
def _last_names() -> frozenset[str]:
    from faker.providers.person.en import Provider as English
    from faker.providers.person.en_US import Provider as American

    return frozenset(n.lower() for n in (*English.last_names, *American.last_names))


# Clinical eponyms and other capitalised clinical words that are never a person here.
# Eponyms that are also common surnames (Bell, Murphy, Graves) are allowed only where the lexicon or
# a following clinical noun ("Bell's palsy", "Murphy's sign") shows they name the condition.
ALLOWED_WORDS = frozenset("""
parkinson parkinson's parkinsons crohn crohn's crohns hodgkin hodgkin's alzheimer alzheimer's addison's
cushing's hashimoto hashimoto's huntington's raynaud raynaud's sjogren sjogren's tourette tourette's
guillain barre babinski mcburney kernig brudzinski homans trendelenburg lachman mcmurray phalen tinel romberg
dix hallpike epley foley apgar whipple nissen roux billroth kaposi kaposi's wernicke korsakoff meniere
meniere's peyronie tietze osgood schlatter perthes kawasaki lyme heimlich valsalva doppler holter cheyne
kussmaul virchow finkelstein spurling zenker zenker's marfan klinefelter dupuytren dupuytren's hirschsprung
buerger chagas coombs gleason gehrig gehrig's sturge tay sachs willebrand epstein barr pylori
""".split())
_CLINICAL_NOUNS = r"(?:disease|syndrome|palsy|sign|test|maneuver|manoeuvre|lymphoma|sarcoma|reflex|phenomenon|" \
                  r"triad|criteria|score|scale|classification|procedure|operation|repair|catheter|tube|" \
                  r"position|fracture|cyst|node|ulcer|esophagus|disorder|chorea|dementia|virus|angina)"


@cache
def _common_words() -> frozenset[str]:
    """English function words, note vocabulary and speaker labels that start sentences or headings."""
    from spacy.lang.en.stop_words import STOP_WORDS

    note_words = """patient pt doctor dr nurse physician provider history exam assessment plan impression
    medications allergies allergy vitals hpi pmh note notes chief complaint follow up start started stop continue
    today yesterday tomorrow morning afternoon evening night good hello hi thanks thank okay ok yes no yeah sure
    right left bilateral normal denies reports presents discussed called seen signed dictated referred mild
    moderate severe acute chronic new old male female man woman sir ma'am mother father son daughter wife husband
    she he they we i you who what when where why how any all none please return call visit clinic hospital
    department room bed unit floor labs lab results imaging x-ray ct mri ecg ekg cbc bmp nkda prn bid tid qid
    daily weekly monthly am pm monday tuesday wednesday thursday friday saturday sunday md rn np pa do phd
    street avenue road drive lane court place way boulevard main mrn acct account member
    id dob dos ssn phone fax email tel cell mobile pager address zip city state ms mr mrs""".split()
    return frozenset(STOP_WORDS) | frozenset(note_words) | frozenset(_MONTHS)


def _is_name_word(word: str) -> bool:
    """Could this capitalised word be part of a person's name (not a common or clinical word)?"""
    low = word.lower().rstrip(".")
    return bool(low) and low not in _common_words() and low not in ALLOWED_WORDS


def _clinical_spans(text: str) -> list[tuple[int, int]]:
    """Spans of drugs, conditions, procedures, body parts and frequencies (the allow-list's lexicon)."""
    from clinsum.text import lexicon

    low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # same length as text
    spans = [(m.start, m.end) for m in lexicon.find_drugs(low)]
    spans += [(t.start, t.end) for t in lexicon.find_terms(low)]
    spans += [(m.start, m.end) for m in lexicon.find_body_parts(low)]
    spans += [(m.start, m.end) for m in lexicon.find_frequencies(low)]
    spans += [m.span() for m in re.finditer(rf"\b[A-Z][a-z]+(?:'s)?(?=[\s-]+{_CLINICAL_NOUNS}\b)", text)]
    return spans


# ---------------------------------------------------------------------------------------------
# Clinical recognizers: regexes whose group "phi" is the identifier, the rest its context.

def _rx(pattern: str, flags: int = 0) -> regex.Pattern:
    return regex.compile(pattern, flags | regex.VERBOSE | regex.VERSION0)


_DATE_PATTERNS = [
    # 03/14/2023, 3-14-23, 2023.03.14, 14.03.2023
    _rx(r"(?<![\d/.-])(?P<phi>\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})(?![\d/-]|\.\d)"),
    # March 14th, 2023 / Mar. 14 / March 14 2023
    _rx(rf"\b(?P<phi>{_MONTH}\.?\s+\d{{1,2}}{_ORD}?(?:,?\s+(?:\d{{4}}|'\d{{2}}))?)(?![\d:])", re.IGNORECASE),
    # 14 March 2023 / 14th of March / 14-Mar-23 / 14Mar2023
    _rx(rf"\b(?P<phi>\d{{1,2}}{_ORD}?(?:\s+of)?[\s-]*{_MONTH}\.?(?:[\s,-]+(?:\d{{4}}|\d{{2}}))?)\b", re.IGNORECASE),
    # March 2023, Mar-23 (month and year: more specific than a year)
    _rx(rf"\b(?P<phi>{_MONTH}\.?[\s,-]+(?:\d{{4}}|'\d{{2}}))\b", re.IGNORECASE),
    # "on the 14th", "the 3rd of"; 3/14 after a date word ("seen on 3/14"; not "1/2 tablet")
    _rx(rf"\b(?:on|since|from|until|till|by|before|after|of)\s+the\s+(?P<phi>\d{{1,2}}{_ORD})\b", re.IGNORECASE),
    _rx(rf"\bthe\s+(?P<phi>\d{{1,2}}{_ORD})\s+of\b", re.IGNORECASE),
    _rx(r"\b(?:on|since|dated?|DOS|DOB|seen|admitted|discharged|admission|discharge|visit|until|through|thru|"
        r"starting|started|surgery|born|follow[\s-]?up|f/u|appointment|appt|return|RTC|next|last)\s*:?\s+(?P<phi>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))(?![\d/])",
        re.IGNORECASE),
]
_WORD_AGE = r"(?:ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one\s+)?hundred(?:\s+and\s+\w+)?)"
_AGE_OVER_89 = r"(?:9\d|1[01]\d|120)"
_AGE_PATTERNS = [
    _rx(rf"\b(?P<phi>{_AGE_OVER_89}|{_WORD_AGE})(?:\s*|-)(?:years?|yrs?|y)[\s-]*(?:old|of\s+age|/?o\b|\.o\.)",
        re.IGNORECASE),
    _rx(rf"\b(?P<phi>{_AGE_OVER_89})\s*(?:yo|y/o|y\.o\.|yF|yM)\b", re.IGNORECASE),
    _rx(rf"\b(?P<phi>{_AGE_OVER_89})\s?(?:[MF])\b"),
    _rx(rf"\b(?:age[ds]?|aged|age:)\s*:?\s*(?P<phi>{_AGE_OVER_89})\b", re.IGNORECASE),
    _rx(rf"\b(?:I'm|I\ am|(?:she|he)\ is|(?:she|he)'s)\s+(?P<phi>{_AGE_OVER_89}|{_WORD_AGE})(?:\s+(?:years?\s+old|now))?"
        rf"(?=\s*[.,!]|\s+(?:years?|and)\b)", re.IGNORECASE),
]
# Labels that name an identifier by themselves ("MRN 1234567"), and words that do so only with a number
# word after them ("visit number 8812", not "Plan: 1000 mg").
_ID_LABEL = r"""(?:(?:MRN|M\.R\.N\.|MR|med(?:ical)?\.?\s+rec(?:ord)?s?\.?|chart|acct|account|member|subscriber|policy
    |health\s*plan(?:\s+beneficiary)?|beneficiary|medicare|medicaid|(?:driver'?s\s+)?licen[cs]e|lic|DEA|NPI|serial
    |CSN|FIN|HAR|accession|passport|VIN)\.?\s*(?:\#|(?:number|no|num|id|serial)\b\.?)?\s*(?:\#|(?:number|no|id)\b\.?)?
    |(?:record|plan|insurance|device|implant|pacemaker|encounter|visit|unit|case|specimen|patient|pt|vehicle|plate
    |certificate)\.?\s*(?:\#|(?:number|no|num|id|serial)\b\.?)
    |MRN|ID|SN)"""
_ID_VALUE = r"(?=[A-Z0-9-]*\d)[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){3,24}"
_UNIT_AFTER = r"(?!\s*(?:mg|mcg|g|ml|l|units?|iu|%|mmhg|kg|lbs?|cm|mm|tabs?|tablets?|caps?|puffs?|times|days?|weeks?)\b)"
_ID_PATTERNS = [
    _rx(rf"\b{_ID_LABEL}\s*(?:\#|:|-|=|is|was)?\s*(?:\#|:)?\s*(?P<phi>{_ID_VALUE})\b{_UNIT_AFTER}", re.IGNORECASE),
    _rx(r"\b(?P<phi>(?:MRN|ACCT|MBR|SN|HP)-?\d{4,12})\b", re.IGNORECASE),
]
_PHONE_PATTERNS = [
    _rx(r"(?<![\w/.-])(?P<phi>(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?:\s*(?:x|ext\.?)\s*\d{1,5})?)"
        r"(?![\w/])", re.IGNORECASE),
    _rx(r"\b(?:phone|tel|telephone|cell|mobile|fax|pager|beeper|ph|contact(?:\s+number)?|call(?:\s+back)?(?:\s+at)?)"
        r"\s*(?:\#|:|no\.?|number)?\s*:?\s*(?P<phi>\+?\d[\d\s().-]{5,16}\d)(?![\w/])", re.IGNORECASE),
]
_SSN_PATTERNS = [
    _rx(r"\b(?:SSN|SS\#|social\s+security(?:\s+(?:number|no|\#))?)\s*(?:\#|:|is)?\s*:?\s*"
        r"(?P<phi>\d{3}[\s-]?\d{2}[\s-]?\d{4})\b", re.IGNORECASE),
    _rx(r"(?<![\d-])(?P<phi>\d{3}-\d{2}-\d{4})(?![\d-])"),
]
_STREET_WORDS = r"""(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Terrace|Ter
    |Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail|Trl|Square|Squares|Sq|Loop|Alley|Row|Crescent|Turnpike|Tpke|Throughway
    |Expressway|Freeway|Junction|Junctions|Jct|Crossing|Crossroad|Crossroads|Shoals?|Lands?|Canyon|Port|Ports|Villages?
    |Forks?|Brooks?|Key|Keys|Branch|Fields?|Mountains?|Mount|Mt|Hills?|Heights|Hts|Valley|Vly|Park|Plaza|Plz|Point|Pt
    |Ridge|Ridges|Run|Spring|Springs|Station|Summit|Trace|Track|Walk|View|Views|Vista|Ville|Creek|Cove|Common|Commons
    |Corner|Corners|Estates?|Falls|Ferry|Flats?|Ford|Fords|Forest|Fort|Gardens?|Gateway|Glen|Glens|Green|Greens
    |Grove|Groves|Harbor|Harbors|Haven|Hollow|Inlet|Island|Islands|Isle|Knolls?|Lake|Lakes|Landing|Light|Lights
    |Lock|Locks|Lodge|Manor|Manors|Meadows?|Mill|Mills|Mission|Motorway|Neck|Oval|Orchard|Overpass|Parks|Pass|Path
    |Pike|Pine|Pines|Plain|Plains|Prairie|Radial|Ramp|Ranch|Rapids?|Rest|Rue|Shore|Shores|Skyway|Spur|Stream|Stravenue
    |Underpass|Union|Unions|Via|Viaduct|Well|Wells|Bypass|Burg|Burgs|Bluffs?|Bottom|Bend|Beach|Bayou|Arcade|Cape
    |Causeway|Center|Centers|Cliffs?|Club|Curve|Dale|Dam|Divide|Drives|Extensions?|Garden|Hill|Mall|Wall|Ways
    |Loaf|Route|Rte|Camp|Crest|Lanes|Roads|Streets|Squares)"""
_STREET = rf"(?:{_STREET_WORDS}|{_STREET_WORDS.upper()})\b"  # "Oak Street", "ELM ST"
_APARTMENT = r"(?:,?[ \t]+(?i:Apt|Apartment|Unit|Suite|Ste|Room|Rm|Floor|Fl|\#)\.?[ \t]*\#?[A-Za-z0-9-]+)?"
_ADDRESS_PATTERNS = [
    # "4500 N. Oak Ave, Apt 3B", "77 ELM ST" (lowercase ones only after a label: "1 month and denies neck")
    _rx(rf"\b(?P<phi>\d{{1,6}}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:(?:{_CAP}|{_UPPER}|\d{{1,3}}(?:st|nd|rd|th))[ \t]+){{1,3}}"
        rf"{_STREET}\.?{_APARTMENT})"),
    # after a label: whatever the street is called
    _rx(rf"\b(?i:address|addr|lives\s+at|resides\s+at|residing\s+at|home)\s*:?\s*(?P<phi>\d{{1,6}}[ \t]+[^,\n]{{2,60}}?{_APARTMENT})"
        rf"(?=,|\n|$|\.\s)"),
    _rx(r"\b(?P<phi>P\.?\s?O\.?\s+Box\s+\d+)", regex.IGNORECASE),
]
_CITY = rf"{_CAP}(?:\s+{_CAP}){{0,2}}|{_UPPER}(?:\s+{_UPPER}){{0,2}}"
_LOCATION_PATTERNS = [
    _rx(rf"(?P<phi>{_CITY}),\s*{_STATE}\b"),
    _rx(rf"\b(?i:lives|living|resides|residing|moved|relocated|born|grew\s+up|visiting|travel(?:l?ed)?)"
        rf"(?:\s+(?i:alone|here|back|with\s+\w+))?\s+(?i:in|to|from|near)\s+(?P<phi>{_CITY})"),
    _rx(rf"\b(?:city|town|hometown)\s*:\s*(?P<phi>{_CITY})\b", re.IGNORECASE),
]
_ZIP_PATTERNS = [
    _rx(rf"\b{_STATE}\.?,?\s+(?P<phi>\d{{5}}(?:-\d{{4}})?)\b"),
    _rx(r"\b(?:zip|zip\s*code|postal\s+code|zipcode)\s*(?:\#|:|is)?\s*:?\s*(?P<phi>\d{5}(?:-\d{4})?)\b", re.IGNORECASE),
    _rx(r"(?<![\d-])(?P<phi>\d{5}-\d{4})(?![\d-])"),
]

# Names. Titles and credentials make what follows (or precedes) a name whatever it is; roles make a
# capitalised word a name; the label "patient" does so only for dictionary names.
_TITLE = r"(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Mister|Madam|Nurse|Sister)"
_CREDENTIAL = r"(?:MD|M\.D\.|DO|D\.O\.|RN|NP|PA-C|PA|PhD|FNP|FNP-C|APRN|MBBS|DNP|LPN|CNM|DPM|DDS|MSW|LCSW|PharmD)"
_NAME_WORD = rf"(?:{_CAP}|{_UPPER}|{_INITIAL})"
_GAP = r"[ \t]+"  # name words are on one line
_NEXT = rf"{_GAP}(?:{_PARTICLE}{_GAP})*"  # the gap before a further name word
_ROLE = r"""(?:son|daughter|wife|husband|mother|father|mom|dad|sister|brother|spouse|partner|fianc[eé]e?|friend
    |caregiver|guardian|neighbou?r|aunt|uncle|niece|nephew|grandson|granddaughter|grandmother|grandfather|cousin
    |roommate|boyfriend|girlfriend|attending|resident|fellow|intern|pcp|surgeon|cardiologist|oncologist|therapist
    |pharmacist|case\s+manager|social\s+worker|interpreter|(?:primary\s+care\s+)?physician|provider
    |referring\s+(?:physician|provider|doctor)|emergency\s+contact|next\s+of\s+kin|contact|proxy|poa)"""
_NAME_PATTERNS = {
    # "Dr. Adams", "Mrs. Maria Garcia", "DR. LEE", "dr smith"
    "title": _rx(rf"\b(?i:{_TITLE})\.?[ \t]+(?P<phi>(?:{_NAME_WORD}|{_LOWER_WORD})(?:{_NEXT}{_NAME_WORD}){{0,2}})"),
    # "Kim Nguyen, MD", "J. Smith RN"
    "credential": _rx(rf"(?P<phi>{_NAME_WORD}(?:{_NEXT}{_NAME_WORD}){{0,3}}),?{_GAP}{_CREDENTIAL}\b"),
    # "Patient name: john smith", "Signed by: Kim Nguyen", "cc: Lee", "Patient: Hi, I'm Maria"
    "label": _rx(r"\b(?i:(?:patient|pt|client|resident)'?s?\s+name|name|patient|pt|signed(?:\s+by)?|electronically\s+signed\s+by"
                 r"|dictated\s+by|transcribed\s+by|authenticated\s+by|cosigned\s+by|attested\s+by|cc|seen\s+by"
                 r"|referred\s+by|discussed\s+with|spoke\s+(?:with|to)|accompanied\s+by|per|with|by|from"
                 r"|I'm|I\s+am|my\s+name\s+is|this\s+is|call\s+me)"
                 rf"[ \t]*[:,]?[ \t]+(?P<phi>(?:{_NAME_WORD}|{_LOWER_WORD})(?:{_NEXT}(?:{_NAME_WORD}|{_LOWER_WORD})){{0,2}})"),
    # "his daughter Ana Lopez", "PCP: Ortiz", "wife, Mary,"
    "role": _rx(rf"\b(?i:{_ROLE})[ \t]*[:,]?[ \t]+(?:is[ \t]+)?(?P<phi>{_NAME_WORD}(?:{_NEXT}{_NAME_WORD}){{0,2}})"),
    # "Emir van der Klijn is here": two or more name words as a sentence's subject
    "subject": _rx(rf"(?:^|(?<=[.!?:;]\s+)|(?<=\n))(?P<phi>{_NAME_WORD}(?:{_NEXT}{_NAME_WORD}){{1,3}})[ \t]+"
                   r"(?:is|was|has|had|presents|presented|reports|reported|denies|denied|states|stated|returns|returned"
                   r"|comes|came|arrives|arrived|complains|notes|feels|says|lives|works|called|agrees|agreed)\b"),
    # "Smith, John" in headers
    "last_first": _rx(rf"(?P<phi>{_CAP},{_GAP}{_CAP}(?:{_GAP}{_INITIAL})?|{_UPPER},{_GAP}{_UPPER}(?:{_GAP}\p{{Lu}}\.?)?)"),
    # "John Smith", "JOHN A. SMITH"
    "first_last": _rx(rf"(?P<phi>(?:{_CAP}|{_UPPER})(?:{_GAP}{_INITIAL})?(?:{_NEXT}(?:{_CAP}|{_UPPER})){{1,2}})"),
}
# Strong cues: the name words may be any capitalised (or, for labels, lowercase) non-common word.
_STRONG_LABEL = re.compile(r"name|signed|dictated|transcribed|authenticated|attested|cc\b|seen by|referred by"
                           r"|discussed|spoke|accompanied", re.IGNORECASE)


def _name_words(text: str, start: int, end: int, strong: bool, lowercase_ok: bool) -> tuple[int, int] | None:
    """Trim a candidate name to its name words; None when nothing name-like is left.

    ``strong``: the cue alone makes a name, so any non-common capitalised word counts; otherwise
    the words must be dictionary first or last names, or at least two capitalised non-common words.
    """
    kept: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []  # particles ("da", "van") wait for the next name word
    in_dictionary = True
    for m in regex.finditer(r"[^\s,]+", text[start:end]):
        s, w = m.start(), m.group()
        bare = w.rstrip(".").removesuffix("'s").removesuffix("’s")
        if regex.fullmatch(_PARTICLE, bare) and kept:
            pending.append((s, s + len(bare)))
            continue
        if regex.fullmatch(r"\p{Lu}", bare):  # an initial
            kept += pending + [(s, s + len(w))]
            pending = []
            continue
        if not bare or not (bare[0].isupper() or lowercase_ok) or not _is_name_word(bare):
            break
        in_dictionary &= bare.lower() in _first_names() or bare.lower() in _last_names()
        kept += pending + [(s, s + len(bare))]
        pending = []
    while kept and regex.fullmatch(r"\p{Lu}\.?", text[start + kept[-1][0]: start + kept[-1][1]]):
        kept.pop()  # a trailing initial belongs to the next sentence more often than to the name
    words = len(kept)
    if not kept or not strong and not in_dictionary and words < 2:
        return None
    return start + kept[0][0], start + kept[-1][1]


def find_names(text: str) -> list[tuple[int, int]]:
    """Spans of person names: cued by titles, credentials, labels and roles, or dictionary first names;
    then every other occurrence of a found name word."""
    found: list[tuple[int, int]] = []
    for kind, pattern in _NAME_PATTERNS.items():
        for m in pattern.finditer(text):
            s, e = m.span("phi")
            if kind == "title":
                span = _name_words(text, s, e, strong=True, lowercase_ok=True)
            elif kind == "credential":
                span = _name_words(text, s, e, strong=True, lowercase_ok=False)
                if span:  # keep only the words right before the credential
                    span = (span[0], e) if span[1] == e else None
            elif kind == "label":
                cue = text[m.start(): s]
                strong = bool(_STRONG_LABEL.search(cue))
                span = _name_words(text, s, e, strong=strong, lowercase_ok=strong and "name" in cue.lower())
            elif kind == "subject":
                span = _name_words(text, s, e, strong=False, lowercase_ok=False)
            elif kind == "role":
                span = _name_words(text, s, e, strong=True, lowercase_ok=False)
            elif kind == "last_first":
                last, first = re.split(r",\s+", text[s:e], maxsplit=1)
                first = first.split()[0]
                alone = (text[text.rfind("\n", 0, s) + 1: s].strip() == ""
                         and text[e: (text.find("\n", e) + 1 or len(text) + 1) - 1].strip() == "")
                ok = _is_name_word(last) and _is_name_word(first) and (
                    first.lower() in _first_names() or alone or last.isupper() and first.isupper() and len(first) > 2)
                span = (s, e) if ok else None
            else:  # first_last: the first word must be a dictionary first name
                first = text[s:e].split()[0]
                span = None
                if first.lower() in _first_names() and _is_name_word(first):
                    span = _name_words(text, s, e, strong=True, lowercase_ok=False)
                    if span and " " not in text[span[0]:span[1]].strip():
                        span = None  # a first name alone ("Will", "Grace") is too often a word
            if span:
                found.append(span)
    return found + _other_mentions(text, found)


def _other_mentions(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every other occurrence of a word of a name already found ("Mr. Smith ... Smith reports")."""
    words = {w for s, e in names for w in re.findall(r"[^\W\d_][\w'’-]*[^\W\d_]", text[s:e])
             if len(w) >= 3 and _is_name_word(w)}
    if not words:
        return []
    pattern = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?![\w-])",
                         re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)
            if m.group()[0].isupper() or text[max(0, m.start() - 40): m.start()].lower().rstrip().endswith("name:")]


# ---------------------------------------------------------------------------------------------
# The detector: Presidio's analyzer with the clinical recognizers registered beside its own.

class _ClinicalRecognizers:
    """Presidio recognizers (built lazily: presidio and spaCy take seconds to import)."""

    @staticmethod
    def build() -> list:
        from presidio_analyzer import EntityRecognizer, RecognizerResult

        class RegexRecognizer(EntityRecognizer):
            """Each regex's group ``phi`` is an identifier of ``entity``."""

            def __init__(self, entity: str, patterns: list[re.Pattern], score: float = 0.85):
                super().__init__(supported_entities=[entity], name=f"Clinical{entity.title()}Recognizer")
                self.patterns, self.score = patterns, score

            def load(self) -> None:
                pass

            def analyze(self, text, entities, nlp_artifacts=None):
                entity = self.supported_entities[0]
                return [RecognizerResult(entity, *m.span("phi"), self.score)
                        for p in self.patterns for m in p.finditer(text)]

        class NameRecognizer(EntityRecognizer):
            def __init__(self):
                super().__init__(supported_entities=["NAME"], name="ClinicalNameRecognizer")

            def load(self) -> None:
                pass

            def analyze(self, text, entities, nlp_artifacts=None):
                return [RecognizerResult("NAME", s, e, 0.85) for s, e in find_names(text)]

        return [
            NameRecognizer(),
            RegexRecognizer("DATE", _DATE_PATTERNS),
            RegexRecognizer("AGE", _AGE_PATTERNS),
            RegexRecognizer("ID", _ID_PATTERNS, 0.9),
            RegexRecognizer("PHONE", _PHONE_PATTERNS),
            RegexRecognizer("SSN", _SSN_PATTERNS, 0.9),
            RegexRecognizer("ADDRESS", _ADDRESS_PATTERNS),
            RegexRecognizer("LOCATION", _LOCATION_PATTERNS, 0.6),
            RegexRecognizer("ZIP", _ZIP_PATTERNS),
        ]


def _presidio_recognizers() -> list:
    """The Presidio pattern recognizers that apply to US clinical notes."""
    from presidio_analyzer.predefined_recognizers import (DateRecognizer, EmailRecognizer, IpRecognizer,
                                                          MedicalLicenseRecognizer, PhoneRecognizer,
                                                          UrlRecognizer, UsMbiRecognizer, UsSsnRecognizer)

    return [EmailRecognizer(), PhoneRecognizer(supported_regions=("US", "GB", "CA")), UrlRecognizer(), IpRecognizer(),
            UsSsnRecognizer(), DateRecognizer(), MedicalLicenseRecognizer(), UsMbiRecognizer()]


def _blank_english():
    """spaCy's English tokenizer with lowercase words as lemmas, which Presidio's context words are matched
    against (no trained pipeline is needed, so nothing is downloaded)."""
    import spacy
    from spacy.language import Language

    if "clinsum_lower_lemma" not in Language.factories:
        @Language.component("clinsum_lower_lemma")
        def lower_lemma(doc):
            for token in doc:
                token.lemma_ = token.lower_
            return doc
    nlp = spacy.blank("en")
    nlp.add_pipe("clinsum_lower_lemma")
    return nlp


def _load_spacy(name: str):
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        raise ValueError(f"spaCy pipeline {name!r} is not installed; install it with pip, or leave --spacy-model "
                         "unset to use the rule-based name recognizers") from None


class PhiDetector:
    """Presidio's analyzer with its pattern recognizers, the clinical ones and the clinical allow-list.

    ``clinical=False`` leaves Presidio's recognizers alone (for comparison); ``spacy_model`` names an
    installed spaCy pipeline (e.g. ``en_core_web_sm``) whose PERSON and place entities are added.
    """

    def __init__(self, clinical: bool = True, spacy_model: str | None = None):
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import SpacyNlpEngine

        engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": spacy_model or "blank"}])
        engine.nlp = {"en": _load_spacy(spacy_model) if spacy_model else _blank_english()}
        recognizers = _presidio_recognizers() + (_ClinicalRecognizers.build() if clinical else [])
        if spacy_model:
            from presidio_analyzer.predefined_recognizers import SpacyRecognizer

            recognizers.append(SpacyRecognizer(supported_entities=["PERSON", "LOCATION"]))
        registry = RecognizerRegistry(supported_languages=["en"])
        for recognizer in recognizers:
            registry.add_recognizer(recognizer)
        self.analyzer = AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["en"])

    def find(self, text: str) -> list[PhiSpan]:
        """Identifiers in ``text``, overlapping spans merged (the longer one's type wins)."""
        if not text.strip():
            return []
        results = self.analyzer.analyze(text, language="en", score_threshold=MIN_SCORE)
        spans = [PhiSpan(r.start, r.end, _PRESIDIO_TYPES.get(r.entity_type, r.entity_type), r.score) for r in results]
        return _merge(_allowed_removed(text, spans))


def _allowed_removed(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """Drop names that are clinical words and dates that are doses, ratios or readings."""
    clinical = _clinical_spans(text) if any(s.type == "NAME" for s in spans) else []
    kept = []
    for span in spans:
        value = text[span.start: span.end]
        if span.type == "NAME" and (any(s < span.end and span.start < e for s, e in clinical)
                                    or all(not _is_name_word(w) for w in re.findall(r"[\w'’-]+", value))):
            continue
        if span.type == "LOCATION" and regex.fullmatch(_STATE, value) or span.type == "NAME" and (
                regex.search(rf",\s*{_STATE}$", value) or " " in value and regex.fullmatch(_STATE, value)):
            continue  # "Springfield, West Virginia" is a city and a state
        if span.type == "DATE" and _not_a_date(text, span):
            continue
        kept.append(span)
    return kept


_DOSE_AFTER = re.compile(r"\s*(?:tab|tablet|cap|capsule|pill|dose|strength|of\s+(?:a|the)|mg|ml|teaspoon|tsp|"
                         r"cup|inch|cm|mm|pain|murmur|reflex|power|vision|muscle)", re.IGNORECASE)
_READING_BEFORE = re.compile(r"(?:BP|blood\s+pressure|pressure|strength|pain|vision|acuity|score|ratio|murmur)\s*"
                             r"(?:of|is|was|:)?\s*$", re.IGNORECASE)


def _not_a_date(text: str, span: PhiSpan) -> bool:
    """``1/2 tablet``, ``5/5 strength``, ``BP 120/80``, ``20/20 vision``: numbers, not dates."""
    value = text[span.start: span.end]
    if not re.fullmatch(r"\d{1,3}/\d{1,3}", value):
        return False
    return bool(_DOSE_AFTER.match(text, span.end) or _READING_BEFORE.search(text[max(0, span.start - 30): span.start]))


# When two recognizers read the same text differently, the more specific reading wins ("visit
# 2023-03-14" is a date, not a visit number; "Account #: 4455667788" an account, not a phone).
_SPECIFICITY = ("EMAIL", "URL", "IP", "SSN", "DATE", "AGE", "ID", "PHONE", "ADDRESS", "ZIP", "NAME", "LOCATION")


def _merge(spans: list[PhiSpan]) -> list[PhiSpan]:
    """Overlapping spans become one; its type is the longest (then most specific) member's."""
    merged: list[list[PhiSpan]] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < max(s.end for s in merged[-1]):
            merged[-1].append(span)
        else:
            merged.append([span])
    out = []
    for group in merged:
        best = max(group, key=lambda s: (s.end - s.start, -_SPECIFICITY.index(s.type)))
        out.append(PhiSpan(group[0].start, max(s.end for s in group), best.type, best.score))
    return out


# ---------------------------------------------------------------------------------------------
# Replacement

@dataclass
class Surrogates:
    """Fake values for one note (or one note/summary pair): the same original always gets the same
    surrogate, and every date moves by the same number of days."""

    seed: int
    date_shift_days: int = 0
    mapping: dict[tuple[str, str], str] = field(default_factory=dict)

    def __post_init__(self):
        self.rng = random.Random(self.seed)
        if not self.date_shift_days:
            self.date_shift_days = self.rng.choice((-1, 1)) * self.rng.randint(30, 730)

    def value(self, phi_type: str, original: str) -> str:
        key = (phi_type, _normal(original) if phi_type != "NAME" else original.lower())
        if key not in self.mapping:
            self.mapping[key] = self._make(phi_type, original)
        return self.mapping[key]

    def _make(self, phi_type: str, original: str) -> str:
        if phi_type == "NAME":
            return self._name(original)
        if phi_type == "DATE":
            return shift_date(original, self.date_shift_days) or "[DATE]"
        if phi_type == "AGE":
            return "90+"
        if phi_type in ("PHONE", "SSN", "ID", "ZIP", "IP"):
            return self._same_shape(original)
        if phi_type == "EMAIL":
            return f"{self._pick(_last_names())}{self.rng.randint(1, 99)}@example.org"
        if phi_type == "URL":
            return f"https://example.org/{self.rng.randint(1000, 9999)}"
        if phi_type == "ADDRESS":
            return f"{self.rng.randint(10, 9999)} {self._pick(_last_names()).title()} Street"
        if phi_type == "LOCATION":
            return f"{self._pick(_last_names()).title()}ville"
        return f"[{phi_type}]"

    def _pick(self, words: frozenset[str]) -> str:
        return self.rng.choice(sorted(words))

    def _name(self, original: str) -> str:
        """Word by word, so "John Smith" and "Mr. Smith" keep one surname."""
        out = []
        words = original.split()
        for i, word in enumerate(words):
            bare = word.rstrip(".,")
            if len(bare) == 1:  # an initial
                out.append(word)
                continue
            key = ("NAME_WORD", bare.lower())
            if key not in self.mapping:
                first = bare.lower() in _first_names() and i < len(words) - 1
                self.mapping[key] = self._pick(_first_names() if first else _last_names())
            fake = self.mapping[key]
            fake = fake.upper() if bare.isupper() and len(bare) > 1 else fake.title() if bare[0].isupper() else fake
            out.append(fake + word[len(bare):])
        return " ".join(out)

    def _same_shape(self, original: str) -> str:
        """Random digits and letters in the original's layout ("(415) 555-0123" -> "(720) 318-4472")."""
        return "".join(str(self.rng.randint(0, 9)) if c.isdigit() else
                       self.rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") if c.isalpha() and c.isupper() else
                       self.rng.choice("abcdefghjkmnprstuvwxyz") if c.isalpha() else c for c in original)


def _normal(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
_REFERENCE_YEAR = 2001  # dates without a year are shifted within a non-leap reference year


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    return _MONTH_ABBR.get(word[:4] if word[:4] == "sept" else word[:3])


def _render_month(number: int, like: str) -> str:
    name = _MONTHS[number - 1]
    bare = like.rstrip(".")
    name = name if len(bare) > 4 or bare.lower() == "may" else name[:len(bare)] if bare.lower() == "sept" else name[:3]
    if len(bare) > 4 and bare.lower()[:3] == name[:3] and len(bare) < len(name):
        name = name[:len(bare)]
    name = name.upper() if bare.isupper() and len(bare) > 1 else name.title() if bare[:1].isupper() else name
    return name + ("." if like.endswith(".") and len(name) <= 4 and name.lower() != "may" else "")


def _ordinal(day: int) -> str:
    return "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _full_year(text: str) -> int:
    year = int(text.lstrip("'"))
    if len(text.lstrip("'")) == 2:
        year += 1900 if year > 30 else 2000
    return year


def _year_like(year: int, like: str) -> str:
    return (("'" if like.startswith("'") else "") + f"{year % 100:02d}") if len(like.lstrip("'")) == 2 else str(year)


# Written-out dates with a day, and how to write them back.
_WRITTEN_DATES = (
    (re.compile(rf"(?P<month>{_MONTH}\.?)(?P<gap>\s+)(?P<day>\d{{1,2}})(?P<ord>{_ORD})?"
                rf"(?:(?P<sep>,?\s+)(?P<year>\d{{4}}|'\d{{2}}))?", re.IGNORECASE), "{month}{gap}{day}"),
    (re.compile(rf"(?P<day>\d{{1,2}})(?P<ord>{_ORD})?(?P<gap>(?:\s+of)?[\s-]*)(?P<month>{_MONTH}\.?)"
                rf"(?:(?P<sep>[\s,-]+)(?P<year>\d{{4}}|\d{{2}}))?", re.IGNORECASE), "{day}{gap}{month}"),
)


def shift_date(text: str, days: int) -> str | None:
    """``text`` (a date in one of the formats found) moved by ``days``, written in the same format;
    None when it cannot be read as a date."""
    def moved(year: int, month: int, day: int) -> date | None:
        try:
            return date(year, month, day) + timedelta(days=days)
        except ValueError:
            return None

    m = re.fullmatch(r"(\d{1,4})([/.-])(\d{1,2})(?:\2(\d{2,4}))?", text)
    if m:  # numeric: m/d/y, d/m/y (first part > 12), y-m-d, or m/d
        a, sep, b, c = m.group(1), m.group(2), m.group(3), m.group(4)
        if len(a) == 4:
            order, y, mo, d = "ymd", int(a), int(b), int(c or 0)
        elif c is None:
            order, y, mo, d = "md", _REFERENCE_YEAR, int(a), int(b)
        elif int(a) > 12:
            order, y, mo, d = "dmy", _full_year(c), int(b), int(a)
        else:
            order, y, mo, d = "mdy", _full_year(c), int(a), int(b)
        new = moved(y, mo, d)
        if new is None:
            return None
        padded = (a.startswith("0") or b.startswith("0") or len(a) == len(b) == 2) and len(a) <= 2
        if order == "ymd":
            padded = b.startswith("0") or c.startswith("0") or len(b) == len(c) == 2
        pad = (lambda n: f"{n:02d}") if padded else str
        if order == "ymd":
            return f"{new.year}{sep}{pad(new.month)}{sep}{pad(new.day)}"
        if order == "md":
            return f"{pad(new.month)}{sep}{pad(new.day)}"
        first, second = (new.day, new.month) if order == "dmy" else (new.month, new.day)
        return f"{pad(first)}{sep}{pad(second)}{sep}{_year_like(new.year, c)}"
    for pattern, layout in _WRITTEN_DATES:  # March 14th, 2023 / 14 March 2023, 14-Mar-23
        m = pattern.fullmatch(text)
        if m:
            year = _full_year(m["year"]) if m["year"] else _REFERENCE_YEAR
            new = moved(year, _month_number(m["month"]), int(m["day"]))
            if new is None:
                return None
            day = f"{new.day}{_ordinal(new.day) if m['ord'] else ''}"
            out = layout.format(month=_render_month(new.month, m["month"]), gap=m["gap"], day=day)
            return out + (f"{m['sep']}{_year_like(new.year, m['year'])}" if m["year"] else "")
    m = re.fullmatch(rf"(?P<month>{_MONTH}\.?)(?P<sep>[\s,-]+)(?P<year>\d{{4}}|'\d{{2}})", text, re.IGNORECASE)
    if m:  # March 2023: the month of the shifted 15th
        new = moved(_full_year(m["year"]), _month_number(m["month"]), 15)
        return f"{_render_month(new.month, m['month'])}{m['sep']}{_year_like(new.year, m['year'])}"
    m = re.fullmatch(rf"(\d{{1,2}})({_ORD})", text, re.IGNORECASE)
    if m:  # "the 14th": the day of the month of the shifted date
        new = moved(_REFERENCE_YEAR, 1, int(m.group(1)))
        return f"{new.day}{_ordinal(new.day)}" if new else None
    return None


class PhiRedactor:
    """Detect and replace identifiers. One instance serves many texts (building it takes a few seconds)."""

    def __init__(self, mode: str = "tag", seed: int = 0, clinical: bool = True, spacy_model: str | None = None):
        if mode not in MODES:
            raise ValueError(f"unknown PHI redaction mode {mode!r}; choose from {', '.join(MODES)}")
        from presidio_anonymizer import AnonymizerEngine

        self.mode, self.seed = mode, seed
        self.detector = PhiDetector(clinical, spacy_model)
        self.anonymizer = AnonymizerEngine()

    def surrogates(self, key: str | int) -> Surrogates:
        """The surrogate state for one record (seeded by the run's seed and the record's key)."""
        return Surrogates(seed=hash_seed(self.seed, key))

    def redact(self, text: str, surrogates: Surrogates | None = None) -> tuple[str, Counter]:
        """``text`` with its identifiers replaced, and the count of replacements by type.

        In surrogate mode, pass the same :class:`Surrogates` for texts that belong together (a note
        and its summary) so that they get the same fake names and date shift.
        """
        spans = self.detector.find(text)
        if not spans:
            return text, Counter()
        from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

        results = [RecognizerResult(s.type, s.start, s.end, s.score) for s in spans]
        if self.mode == "tag":
            operators = {t: OperatorConfig("replace", {"new_value": f"[{t}]"}) for t in PHI_TYPES}
        else:
            surrogates = surrogates or self.surrogates(text)
            operators = {t: OperatorConfig("custom", {"lambda": (lambda value, t=t: surrogates.value(t, value))})
                         for t in PHI_TYPES}
        result = self.anonymizer.anonymize(text, results, operators, merge_entities_with_spaces=False)
        return result.text, Counter(item.entity_type for item in result.items)


def hash_seed(seed: int, key: str | int) -> int:
    """A stable per-record seed (Python's own ``hash`` of a string changes from run to run)."""
    return int.from_bytes(hashlib.sha256(f"{seed}:{key}".encode()).digest()[:8], "big")
