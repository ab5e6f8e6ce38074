"""Find protected health information (PHI) in clinical text: Presidio's analyzer with the clinical
recognizers beside its own pattern recognizers.

Presidio's pattern recognizers find e-mails, phone numbers, URLs, IP addresses, SSNs and numeric dates
without any model. Presidio finds names with a spaCy NER pipeline, and none can be downloaded offline,
so the English engine here is spaCy's blank tokenizer and names come from the clinical name recognizer
(:mod:`clinsum.privacy.names`). The clinical recognizers (:mod:`clinsum.privacy.patterns`) also cover
what Presidio's patterns miss in notes: written-out dates, record/account/plan numbers after their
label, ages over 89, street addresses, cities and ZIP codes. An allow-list built on the project's
clinical lexicon keeps eponyms (Parkinson, Crohn), drugs and doses from being removed.
"""

from __future__ import annotations

import logging
import multiprocessing
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from itertools import accumulate, takewhile

import regex
from tqdm import tqdm

from clinsum.privacy.addresses import find_address_blocks
from clinsum.privacy.hl7 import HL7_TYPES, caret_names, hl7_fields
from clinsum.privacy.name_model import looks_like_name
from clinsum.privacy.name_tagger import find_uncued_names
from clinsum.privacy.names import (
    find_names, find_references_and_handles, in_form_label, initials_of_names, is_form_label, is_initials,
    is_lowercase_text, is_word_first_name, keyed_initials, lowercase_lines, name_fields, names_by_layout,
    names_in_other_scripts, names_split_at_line_ends, nicknames_beside_names, on_lowercase_line, opens_other_language,
    other_mentions, patient_cells, relatives_listed, spelled_names, table_ages, table_dates, table_phones, table_places,
    table_record_numbers, table_sites, translated_labels, with_companions,
)
from clinsum.privacy.patterns import (
    ADDRESS_PATTERNS, AGE_OVER_89, AGE_PATTERNS, BIRTH_YEAR, BUSINESS_PATTERN, CAP, CONGREGATION, DATE_PATTERNS,
    EMPLOYER_PATTERN, FACILITY, ID_PATTERNS, INSTITUTION_PATTERNS, LOCATION_PATTERNS, LOWERCASE_EMPLOYER_PATTERN,
    LOWERCASE_SITE, MONTH, NATIONAL_PHONE, NUMBER_WORD, NUMBERED_STREET, ORD, PHONE_PATTERNS, SAINTS_HERB_OR_DAY,
    SPOKEN_EMAIL_PATTERNS, SPOKEN_ID_PATTERNS, SPOKEN_PHONE_PATTERNS, SPOKEN_URL_PATTERNS, SSN_PATTERNS, STATE, STATE_NAMES,
    STREET_ADDRESS, STREET_WORDS, TRADE_WORD, UPPER, WEEKDAY, WORD_AGE, WRITTEN_EMAIL_PATTERNS, WRITTEN_URL_PATTERNS,
    ZIP_PATTERNS, CuedPattern, capitals,
)
from clinsum.privacy.place_tagger import find_places
from clinsum.privacy.records import RECORD_TYPES, record_fields
from clinsum.privacy.x12 import X12_TYPES, x12_elements
from clinsum.privacy.vocab import (
    EMPTY_VALUES, TITLE_BEFORE, allowed_words, care_brands, cities, clinical_spans, common_words, countries,
    department_words, english_words, first_names, is_eponym_surname, is_listed_name, is_name_word, languages, last_names,
    lowercase_forms, lowercase_words, provinces, towns,
)

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
    "INSTITUTION": "hospitals, clinics, care homes and other care sites",
}
# Presidio logs its device and recognizer set-up at INFO, and tldextract warns that it cannot download
# the public-suffix list offline (it falls back to its bundled copy): noise for someone redacting files.
for _noisy in ("presidio-analyzer", "presidio-anonymizer", "tldextract", "filelock"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)

# Presidio's entity names -> ours.
# The tagger's names (:mod:`clinsum.privacy.name_tagger`): the weakest evidence of a name, kept apart until overlaps
# with the other recognizers are settled.
UNCUED_NAME = "UNCUED_NAME"
_PRESIDIO_TYPES = {UNCUED_NAME: "NAME",
                   "PERSON": "NAME", "LOCATION": "LOCATION", "EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "URL": "URL", "IP_ADDRESS": "IP",
                   "US_SSN": "SSN", "DATE_TIME": "DATE", "MEDICAL_LICENSE": "ID", "US_MBI": "ID",
                   "US_HEALTH_INSURANCE_MEMBER_ID": "ID", "CREDIT_CARD": "ID", "IBAN_CODE": "ID"}
# Below this score a Presidio match is too weak to act on (e.g. a bare "10/10" read as mm/yy).
MIN_SCORE = 0.4


@dataclass(frozen=True)
class PhiSpan:
    """One identifier found in a text: character span, type (a key of :data:`PHI_TYPES`) and score."""

    start: int
    end: int
    type: str
    score: float = 1.0


class _ClinicalRecognizers:
    """Presidio recognizers (built lazily: presidio and spaCy take seconds to import)."""

    @staticmethod
    def build() -> list:
        from presidio_analyzer import EntityRecognizer, RecognizerResult

        class SpanRecognizer(EntityRecognizer):
            """``find(text)`` gives the spans of identifiers of ``entity``."""

            def __init__(self, entity: str, find, score: float, source: str):
                super().__init__(supported_entities=[entity], name=f"Clinical{entity.title()}{source}Recognizer")
                self.find, self.score = find, score

            def load(self) -> None:
                pass

            def analyze(self, text, entities, nlp_artifacts=None):
                return [RecognizerResult(self.supported_entities[0], s, e, self.score) for s, e in self.find(text)]

        def regex_recognizer(entity: str, patterns: list[regex.Pattern | CuedPattern], score: float = 0.85):
            """Each regex's group ``phi`` is an identifier of ``entity``."""
            return SpanRecognizer(entity, lambda text: [m.span("phi") for p in patterns for m in p.finditer(text)],
                                  score, "Regex")

        return [
            SpanRecognizer("NAME", find_names, NAME_SCORE, "Cue"),
            SpanRecognizer(UNCUED_NAME, find_tagged_names, NAME_SCORE, "Context"),
            SpanRecognizer("NAME", find_references_and_handles, NAME_SCORE, "Reference"),
            SpanRecognizer("NAME", name_fields, NAME_SCORE, "Field"),
            SpanRecognizer("NAME", relatives_listed, NAME_SCORE, "Relatives"),
            SpanRecognizer("ADDRESS", find_address_blocks, 0.85, "Layout"),
            SpanRecognizer("ADDRESS", find_streets_of_homes, 0.85, "Home"),
            SpanRecognizer("LOCATION", find_cities, 0.6, "Gazetteer"),
            SpanRecognizer("LOCATION", find_unlisted_places, 0.6, "Unlisted"),
            SpanRecognizer("LOCATION", find_towns_beside_postcodes, 0.6, "Postcode"),
            SpanRecognizer("ZIP", find_postcodes_beside_towns, 0.85, "Postcode"),
            SpanRecognizer("LOCATION", find_lowercase_cities, 0.6, "LowercaseGazetteer"),
            SpanRecognizer("INSTITUTION", lambda text: find_tagged_places(text, "INSTITUTION"), 0.6, "Tagger"),
            SpanRecognizer("LOCATION", lambda text: find_tagged_places(text, "LOCATION"), 0.6, "Tagger"),
            SpanRecognizer("INSTITUTION", find_care_brands, 0.6, "Gazetteer"),
            SpanRecognizer("INSTITUTION", find_practices, 0.6, "Specialty"),
            SpanRecognizer("INSTITUTION", find_sites_after_departments, 0.6, "AfterDepartment"),
            SpanRecognizer("INSTITUTION", find_site_acronyms, 0.6, "Acronym"),
            SpanRecognizer("INSTITUTION", find_kind_first_sites, 0.6, "KindFirst"),
            SpanRecognizer("INSTITUTION", find_fax_senders, 0.6, "FaxBanner"),
            SpanRecognizer("INSTITUTION", find_letterheads, 0.6, "Letterhead"),
            SpanRecognizer("INSTITUTION", find_lowercase_saints_sites, 0.6, "Saint"),
            SpanRecognizer("INSTITUTION", find_employers, 0.6, "Employer"),
            SpanRecognizer("INSTITUTION", find_lowercase_employers, 0.6, "LowercaseEmployer"),
            SpanRecognizer("INSTITUTION", find_businesses, 0.6, "Business"),
            SpanRecognizer("INSTITUTION", find_congregations, 0.6, "Congregation"),
            SpanRecognizer("INSTITUTION", lambda text: answered_places(text)["INSTITUTION"], 0.6, "Answer"),
            SpanRecognizer("LOCATION", lambda text: answered_places(text)["LOCATION"], 0.6, "Answer"),
            SpanRecognizer("INSTITUTION", find_lowercase_sites, 0.6, "LowercaseSite"),
            regex_recognizer("INSTITUTION", INSTITUTION_PATTERNS, 0.6),
            regex_recognizer("DATE", DATE_PATTERNS),
            regex_recognizer("AGE", AGE_PATTERNS),
            SpanRecognizer("DATE", find_old_birth_years, 0.85, "BirthYear"),
            regex_recognizer("ID", ID_PATTERNS + SPOKEN_ID_PATTERNS, 0.9),
            SpanRecognizer("ID", table_record_numbers, 0.9, "Table"),
            SpanRecognizer("AGE", table_ages, 0.85, "Table"),
            SpanRecognizer("DATE", table_dates, 0.85, "Table"),
            SpanRecognizer("PHONE", table_phones, 0.85, "Table"),
            SpanRecognizer("INSTITUTION", table_sites, 0.6, "Table"),
            SpanRecognizer("LOCATION", table_places, 0.6, "Table"),
            regex_recognizer("PHONE", PHONE_PATTERNS + SPOKEN_PHONE_PATTERNS),
            SpanRecognizer("PHONE", find_national_phones, 0.85, "Layout"),
            regex_recognizer("SSN", SSN_PATTERNS, 0.9),
            regex_recognizer("EMAIL", WRITTEN_EMAIL_PATTERNS + SPOKEN_EMAIL_PATTERNS, 0.9),
            regex_recognizer("URL", WRITTEN_URL_PATTERNS + SPOKEN_URL_PATTERNS, 0.9),
            regex_recognizer("ADDRESS", ADDRESS_PATTERNS),
            regex_recognizer("LOCATION", LOCATION_PATTERNS, 0.6),
            regex_recognizer("ZIP", ZIP_PATTERNS),
            *(SpanRecognizer(kind, lambda text, kind=kind: hl7_fields(text)[kind], 0.9, "Hl7") for kind in HL7_TYPES),
            SpanRecognizer("NAME", caret_names, NAME_SCORE, "Caret"),
            *(SpanRecognizer(kind, lambda text, kind=kind: x12_elements(text)[kind], 0.9, "X12") for kind in X12_TYPES),
            *(SpanRecognizer(kind, lambda text, kind=kind: record_fields(text)[kind], 0.85, "Record")
              for kind in RECORD_TYPES),
        ]


_WORD = regex.compile(r"\S+")
_STATE = regex.compile(STATE)


def _above_town(place: str) -> bool:
    """A US state, a province or state of another country, or a country: units Safe Harbor keeps."""
    return bool(_STATE.fullmatch(place) or _STATE_NAME.fullmatch(place)) or place.lower() in countries() \
        or place.lower() in provinces()  # ("Ohio", "OH", "OHIO")


_AFTER_COMMA_STATE = regex.compile(rf",\s*{STATE}$")
_CAPITAL_RUN = regex.compile(rf"{CAP}(?:[ \t]+{CAP}){{0,3}}|{UPPER}(?:[ \t]+{UPPER}){{0,3}}")
# A one-word city needs a place word before it ("from Fresno"); a name of two or more words does not.
# (and "of" after a part of a place: "the city of Wichita", "the North End of Boise"; not "a pack a day of Newport")
# (and other languages' words for those: "prévue à Rabat", "nato a Frosinone", "w Wieliczce", "naar Brugge")
_PLACE_CUE = regex.compile(r"(?i:\b(?:in|from|to|near|around|outside|visiting|toward|towards|via"
                           r"|(?:city|town|village|county|borough|district|area|suburbs?|outskirts|end|side|part|centre"
                           r"|center|north|south|east|west)[ \t]+of"
                           r"|à|en|em|dans|vers|desde|hacia|nach|aus|naar|uit|(?-i:w|we|z|ze)|och|fra|från|ve|ke|dari|di|sa"
                           r"|(?:nato|nata|nati|vive|vivono|abita|residente)[ \t]+a)[ \t]+)$")


@cache
def _care_brand_names() -> tuple[str, ...]:
    """The listed names as written and in capitals, longest first (so that the pattern's alternation takes the
    longest name at a place)."""
    return tuple(sorted(set(care_brands()) | {n.upper() for n in care_brands()}, key=lambda n: (-len(n), n)))


@cache
def _lowercase_brands() -> dict[str, tuple[str, ...]]:
    """The listed names of five letters or more that are no English word, in lowercase ("walmart", "catholic
    charities"), by their first word, longest first."""
    by_first: dict[str, list[str]] = {}
    for name in sorted({n.lower() for n in care_brands() if len(n) >= 5 and n.lower() not in english_words()}, key=len,
                       reverse=True):
        by_first.setdefault(name.split()[0], []).append(name)
    return {first: tuple(names) for first, names in by_first.items()}


@cache
def _care_brand_pattern() -> regex.Pattern:
    names = "|".join(regex.escape(n) for n in _care_brand_names())
    return regex.compile(rf"(?<![\w&'’-])(?:{names})(?:{_STORE_NUMBER.pattern})?(?![\w&'’-])")


_STORE_NUMBER = regex.compile(r"[ \t]+(?:\#|No\.?|(?i:store))[ \t]*\d{1,6}")  # a branch's: "CVS #4471", "Boots store 112"


@cache
def _care_brand_set() -> frozenset[str]:
    return frozenset(_care_brand_names())


def find_care_brands(text: str) -> list[tuple[int, int]]:
    """Spans of pharmacies, laboratories, health systems, care homes and employers named without a cue
    (``Walgreens``, ``CVS #4471``, ``Quest Diagnostics``, ``Kaiser``, with the place it serves: ``Blue Cross Blue
    Shield of Texas``), from the list in ``data/care_brands.txt``, and
    in lowercase (:func:`_lowercase_brands`, looked up word by word: a second alternation of every name would double
    the time); not "CVS" as a body system's heading or a prenatal test ("CVS: small PDA", "CVS at 11-13 wks", "CVS
    discussed")."""
    spans = [(m.start(), _brand_place_end(text, m.end())) for m in _care_brand_pattern().finditer(text)
             if not (m.group() == "CVS" and _NOT_THE_PHARMACY.match(text, m.end()))]
    brands = _lowercase_brands()
    for m in _LOWERCASE_WORD.finditer(text):
        for name in brands.get(m.group(), ()):
            if text.startswith(name, m.start()) and not _WORD_GOES_ON.match(text, m.start() + len(name)):
                spans.append((m.start(), m.start() + len(name)))
                break
    return spans


def _brand_place_end(text: str, end: int) -> int:
    """The end of a brand's name with the state or town it serves: "Blue Cross Blue Shield of Texas" (a listed place
    after "of"), else ``end``."""
    if (m := _OF_PLACE.match(text, end)) and (_STATE.fullmatch(m.group("place")) or _listed_town(m.group("place"))
                                              or m.group("place").lower() in provinces()):
        return m.end()
    return end


_OF_PLACE = regex.compile(rf"[ \t]+of[ \t]+(?P<place>{CAP}(?:[ ]{CAP}){{0,2}})(?![\p{{L}}\d'’-])")


# What follows "CVS" when it is no pharmacy: a heading's colon, a gestational week, a test's words.
_NOT_THE_PHARMACY = regex.compile(r"[ \t]*(?::|(?:at[ \t]+)?\d{1,2}(?:[-–]\d{1,2})?[ \t]*(?:wk|week)|(?i:discussed|offered|declined"
                                   r"|result|sampling|risk))")
_LOWERCASE_WORD = regex.compile(r"(?<![\w&'’-])\p{Ll}[\p{Ll}'’.-]*(?<![.'’-])")
_WORD_GOES_ON = regex.compile(r"[\w&'’-]")


# Words of a site's name that name no place or person: "the north clinic", "at the old hospital".
_PLAIN_SITE_WORDS = frozenset(
    "north south east west central main new old downtown uptown upper lower big little same other".split())


# A hospital named by its acronym where a patient is sent or told to go, or before its emergency department or pharmacy:
# "go straight to UNTH emergency", "EMS transport to TMC ED", "Advised to attend GRI if rigors", "Birth plan: KNH", "KKH
# pharmacy will courier", "Refer eye clinic KPH"; or before the record number it keeps: "CAMC MRN 01-338-4471".
_SITE_ACRONYM = regex.compile(
    r"\b(?:(?i:attend(?:ed)?(?:[ \t]+(?-i:ED|A&E))?|go(?:[ \t]+straight)?[ \t]+to|transfer(?:red)?[ \t]+to"
    r"|transport(?:ed)?[ \t]+to|admitted[ \t]+to|taken[ \t]+to|birth[ \t]+plan[ \t]*:|deliver(?:y|ed)?[ \t]+at|booked[ \t]+at"
    r"|clinic(?:[ \t]+at)?)[ \t]+"
    r"(?P<phi>\p{Lu}{3,6})(?![\p{L}\d&/-])"
    r"|(?P<phi>\p{Lu}{3,6})[ \t]+(?:ED|A&E|MRN|(?i:emergency|pharmacy|casualty|maternity|outpatients))\b)")


# A hospital named by its initials: "CWM Hospital", "TTM Hospital" (as Fiji and Samoa name theirs)
_ACRONYM_HOSPITAL = regex.compile(r"(?<![\p{L}\d&/-])(?P<phi>(?P<initials>\p{Lu}{3,5})[ \t]+(?:Hospital|Infirmary|Hospice))\b")


def find_site_acronyms(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`_SITE_ACRONYM` and :data:`_ACRONYM_HOSPITAL`: capitals that no word list holds, no unit,
    department, test or clinical abbreviation ("transfer to HDU", "attend SDEC", "go to ENT", "refer to ECHO")."""
    return [m.span("phi") for m in _SITE_ACRONYM.finditer(text) if is_initials(m.group("phi"))] + [
        m.span("phi") for m in _ACRONYM_HOSPITAL.finditer(text) if is_initials(m.group("initials"))]


# A care site whose kind comes first, as Malaysia, India, Sri Lanka and South Africa name them: "Hospital Pulau Pinang",
# "District Hospital Sitapur", "District General Hospital Gampaha", "Hospice Helderberg", "Klinik Kesihatan Bandar
# Botanik", India's "PHC Hosakote" (not "Hospital Course", "Clinic Letter")
_SITE_KIND = r"(?:Hospital|Hospice|Infirmary|Klinik(?:[ \t]+Kesihatan)?|Rumah[ \t]+Sakit|Puskesmas|Posyandu|PHC|CHC|UPHC)"
_SITE_NUMBER = r"(?:[ \t]+(?:[IVX]{1,4}|\d{1,2})(?=[ \t]*(?:[,;:.)\n–—-]|$)|[ \t]{2}))?"  # "Puskesmas Wonosari I", "POSYANDU MAWAR 3"
_KIND_FIRST_SITE = regex.compile(
    rf"\b(?P<phi>(?:(?:District|General|Regional|Base|Civil|Government|Govt\.?|Teaching|Provincial|Divisional"
    rf"|University|Children['’]s|Women['’]s|Central|National|Mission|Military|Referral|Specialist)[ \t]+)"
    rf"{{0,2}}{_SITE_KIND}[ \t]+"
    rf"(?P<name>{CAP}(?:[ \t]{CAP}){{0,2}}){_SITE_NUMBER}"  # (one space apart: no word past a column's gap)
    rf"|{capitals(_SITE_KIND)}[ \t]+(?P<name>{UPPER}(?:[ \t]{UPPER}){{0,3}}){_SITE_NUMBER})"
    rf"(?![\p{{L}}\d'’-])")  # ("HOSPITAL DAERAH BUKIT MERAH INDAH")


# A British prison's or young offenders' institution's name after its letters: "HMP Low Moss", "HMP & YOI Doncaster",
# "HMYOI Polmont" (any words: "Low" is one)
_PRISON = regex.compile(rf"\b(?P<phi>(?:HMP(?:[ \t]*(?:&|/)[ \t]*YOI)?|HMYOI|HMIPS)[ \t]+{CAP}(?:[ \t]{CAP}){{0,2}})"
                        rf"(?![\p{{L}}\d'’-])")


# A university named after its town, state or country: "University of Nairobi", "Universidad de Chile", "Université de
# Montréal" (and a polytechnic or a university college so named)
_UNIVERSITY_OF = regex.compile(rf"\b(?P<phi>(?:University(?:[ \t]+College)?|Polytechnic|Universidad|Universidade|Université"
                               rf"|Università|Universität|Universiteit)[ \t]+(?:of|de|di|del|von|van)[ \t]+"
                               rf"(?P<place>{CAP}(?:[ \t-]{CAP}){{0,2}}))"
                               rf"(?![\p{{L}}\d'’-])")

# A British hospital named "Royal" and its town or county, as people say it: "a nurse at Royal Derby", "CXR requested at
# Royal Glamorgan", "THE ROYAL BERKSHIRE" (a listed town: not "Royal Mail", "Royal Navy")
_ROYAL_TOWN = regex.compile(rf"\b(?P<phi>(?:Royal|ROYAL)[ \t]+(?P<place>{CAP}|{UPPER}))(?![\p{{L}}\d'’-])")


# A hospital named by its town or its part of town and "General" (or an Australian town and "Base"), as people say it:
# "the Western General", "Sentara Norfolk General", "Kingston General", "Dubbo Base" (before a stop, a comma or a word
# that goes on the sentence; not "Surgeon General", "General Motors", "general anaesthetic")
_TOWN_GENERAL = tuple(regex.compile(rf"\b(?P<phi>(?:(?P<brand>{CAP})[ ])?(?P<place>{CAP})[ ]{kind})"
                                    rf"(?=[ \t]*(?:[.,;:)|\n]|$)"
                                    rf"|[ \t]+(?:in|on|at|for|and|but|hospital|ED|ER|ICU|emergency)\b)")
                      for kind in ("General", "Base"))  # (one pattern a word: a literal the engine looks for first)
_NOT_A_TOWN_GENERAL = frozenset("""attorney surgeon major brigadier lieutenant secretary inspector consul postmaster
    dollar solicitor auditor registrar governor director adjutant accountant paymaster comptroller""".split())
_COMPASS_ADJECTIVES = frozenset("western eastern northern southern central".split())  # (and :data:`_COMPASS`)


def find_kind_first_sites(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`_KIND_FIRST_SITE` whose name after the kind has no department or clinical word nor one text writes
    in lowercase but a town, and more words that are a listed town's or no English word than not, or a listed town
    ("Hospital Daerah Bukit Merah Indah", "Hospital Kuala Lumpur"; not "Hospital Course", "HOSPICE REFERRAL"), of prisons
    (:data:`_PRISON`), of universities named after a listed town, a state or a country (:data:`_UNIVERSITY_OF`; not
    "University of Health Sciences"), of hospitals named "Royal" and a listed town (:data:`_ROYAL_TOWN`) and of
    hospitals named by a listed town or a compass word and "General" or "Base" (:data:`_TOWN_GENERAL`)."""
    spans = []
    for m in _KIND_FIRST_SITE.finditer(text):
        words = m.group("name").split()
        if all(is_name_word(w) and w.lower() not in department_words() and (w.lower() not in lowercase_words()
                                                                             or w.lower() in towns()) for w in words) \
                and (2 * sum(w.lower() in towns() or w.lower() not in english_words() for w in words) > len(words)
                     or m.group("name").lower() in towns()) \
                and not clinical_spans(m.group("name")):
            spans.append(m.span("phi"))
    # (a system's name before the town, no word of a sentence: "Saw Kingston")
    for m in (m for pattern in _TOWN_GENERAL for m in pattern.finditer(text)):
        if m.group("place").lower() not in _NOT_A_TOWN_GENERAL \
                and (_listed_town(m.group("place")) or m.group("place").lower() in _COMPASS | _COMPASS_ADJECTIVES):
            brand = m.group("brand")
            spans.append((m.start("place") if not brand or brand.lower() in english_words() else m.start(), m.end()))
    return spans + [m.span("phi") for m in _PRISON.finditer(text)] + [
        m.span("phi") for m in _UNIVERSITY_OF.finditer(text)
        if _listed_town(m.group("place")) or _above_town(m.group("place"))] + [
        m.span("phi") for m in _ROYAL_TOWN.finditer(text) if _listed_town(m.group("place").title())]


# A letterhead: a line that opens with a site's name, then a dash or a bar and what the page is ("ROYAL DERBY - WARD 306",
# "Te Whatu Ora Waikato - Diabetes Service"; words of letters, not "I-PASS SIGNOUT - ...")
_LETTERHEAD = regex.compile(r"(?m)^[ \t]*(?P<phi>(?:\p{Lu}[\p{L}'’&.]*)(?:[ \t](?:\p{Lu}[\p{L}'’&.]*|&|of|the|and)){0,5})"
                            r"[ \t]+[-–—|][ \t]+(?P<page>[^\n]{3,60})$")
_PAGE_WORDS = frozenset("""report record form history note notes summary letter memo referral assessment register sheet log
    card chart plan request consent booking list schedule roster rota review discharge admission handover minutes audit
    certificate prescription invoice statement checklist flowsheet observations results case ward unit clinic service
    department team page encounter visit consultation index antenatal postnatal""".split())


def find_letterheads(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`_LETTERHEAD`'s sites whose page says what kind of page it is (:data:`_PAGE_WORDS`): one word at least
    a listed town's or of no English text, none a title's, a page's or a country's, and no clinical phrase."""
    found = []
    for m in _LETTERHEAD.finditer(text):
        words = [w for w in m.group("phi").split() if w not in ("&", "of", "the", "and")]
        low = [w.lower().strip(".") for w in words]
        if not any(w in _PAGE_WORDS for w in regex.findall(r"\p{L}+", m.group("page").lower())):
            continue
        if any(w in _PAGE_WORDS or _TITLE_WORD.fullmatch(w) for w in low) or clinical_spans(m.group("phi")):
            continue
        if not any(w in countries() for w in low) and any(
                w in towns() or w not in english_words() and w not in department_words() and w not in lowercase_words()
                and len(w) > 2 for w in low):
            found.append(m.span("phi"))
    return found


# The sender a fax's banner names after "FROM:", up to a column's gap or its numbers' label: "FROM: TRI-COUNTY REFERENCE
# LAB  FAX (614) 555-0187", "FROM:MEDLAB SOUTH   FAX:1 868", "Frorn: Strathearn Opticians   Fax 01764" (a scan's "rn")
_FAX_SENDER = regex.compile(r"(?m)\b(?i:from|frorn)[ \t]*:[ \t]*(?P<phi>\p{Lu}[^\n]*?)"
                             r"(?=[ \t]{2,}|\t|[ \t]+(?i:fax|tel|ph)\b)")


def find_fax_senders(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`_FAX_SENDER` on a line that names a fax, every word capitalised or a joining word, not a department
    alone ("FROM: Cardiology   FAX")."""
    found = []
    for m in _FAX_SENDER.finditer(text):
        end = text.find("\n", m.end())
        line = text[text.rfind("\n", 0, m.start()) + 1: end if end >= 0 else len(text)]
        words = m.group("phi").split()
        if "fax" in line.lower() and all(w[0].isupper() or w in ("of", "the", "and", "&", "-") for w in words) \
                and not all(w.lower() in department_words() or w.lower() in lowercase_words() for w in words):
            found.append(m.span("phi"))
    return found


# A site named for its saint in lowercase speech or texting: "the coumadin clinic at st. luke's", "shes at st finbarrs"
_LOWERCASE_SAINT_SITE = regex.compile(r"\b(?:at|to|from)[ \t]+(?P<phi>(?:st\.?|saint)[ \t]+(?P<saint>\p{Ll}{3,})"
                                      r"(?:['’]?s)?)(?![\w'’-])(?![ \t]+(?i:day|wort|eve)\b)")


def find_lowercase_saints_sites(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`_LOWERCASE_SAINT_SITE` whose saint is a listed first name ("luke", "finbarr"; a town so named, "to
    st louis", is an identifier too)."""
    return [m.span("phi") for m in _LOWERCASE_SAINT_SITE.finditer(text)
            if m.group("saint").removesuffix("s") in first_names() or m.group("saint") in first_names()]


# Words of a phrase, not of a site's name: "at all the pressure high", "chosen to lead the temple", "sentenced to life in
# prison"
_PHRASE_WORDS = frozenset("""the a an all my his her our your their this that these those some any no every each it its in on
    at for to with from by""".split())
_VERBS_BEFORE_A_KIND = frozenset("do get go have take make".split())  # "hard to do fasting labs": no site


def find_lowercase_sites(text: str) -> list[tuple[int, int]]:
    """Care sites, practices and schools named in lowercase after a place word (:data:`LOWERCASE_SITE`, each place word
    read: "from the meeting at first methodist"): in text written without capitals every facility, on a line of speech
    so written (:func:`names.on_lowercase_line`) those with no word of :data:`_PHRASE_WORDS` (detect drops kinds of
    places later), neither opening with a verb ("hard to do fasting labs"); anywhere, and after a practice's word, those
    whose name is no common word nor a possessive, and holds
    a word that text does not write in lowercase and that names a town or a person or that the name model takes for a
    name ("riverside family medicine", "oak harbor high"; not "the cancer clinic", "the north clinic", "my baby's
    health", "humeral head quite high", "anticoag clinic")."""
    lowercase = is_lowercase_text(text)
    return [m.span("phi") for m in LOWERCASE_SITE.finditer(text, overlapped=True)
            if m.group("head") and (lowercase or on_lowercase_line(text, m.start())
                                    and _PHRASE_WORDS.isdisjoint(m.group("name").split()))
            and m.group("name").split()[0] not in _VERBS_BEFORE_A_KIND or _site_name(m.group("name"))]


def _site_name(name: str) -> bool:
    words = name.split()
    return all(w not in common_words() and not w.endswith(("'s", "’s")) for w in words) and any(
        is_name_word(w) and w not in lowercase_words() and w not in _PLAIN_SITE_WORDS and (
            w in towns() or w in last_names() or w in first_names() or w not in english_words() and looks_like_name(w))
        for w in words)


def find_tagged_names(text: str) -> list[tuple[int, int]]:
    """Names the tagger finds, with the names listed with them and grown by the name words beside them, as cued names
    are ("Okafor and Lindqvist", "Hamid" of "Hamid Rezaei"); not a word opening a sentence of another language, nor a
    form's label in another language (:func:`is_form_label`)."""
    return with_companions(text, [(s, e) for s, e in find_uncued_names(text) if not opens_other_language(text, s, e)
                                  and not is_form_label(text, s, e)])


def find_employers(text: str) -> list[tuple[int, int]]:
    """Spans of employers, schools and places of volunteering after a job or a study (:data:`EMPLOYER_PATTERN`), but
    not words that text mostly writes in lowercase, of a department, of a state or a country ("retired from the Army",
    "employee of the Month", "retired from the State of Pennsylvania"); several capitalised words that text writes in
    lowercase do make a name inside a sentence ("work at Bass Pro")."""
    return [m.span("phi") for m in EMPLOYER_PATTERN.finditer(text)
            if _proper_name(words := m.group("phi").split()) or len(words) == 1 and words[0].lower() in _WORD_BRANDS]


# Employers named by a common word, which the care-brand list leaves to a job's cue ("I work at Target", "works at
# Delta", "retired from Shell")
_WORD_BRANDS = frozenset("""target delta amazon apple shell chase subway sonic giant staples express gap banner providence
    safeway sprint verizon boeing ford dell intel oracle visa nike tesla uber lyft fedex ups""".split())


def find_lowercase_employers(text: str) -> list[tuple[int, int]]:
    """Spans of employers after a job's cue in speech without capitals (:data:`LOWERCASE_EMPLOYER_PATTERN`) that hold a
    word that neither an English dictionary nor text written in lowercase holds, and no clinical word ("kwik fill",
    "valdez and sons farm labor"; not "works at home", "work at any exertional level", "drives for metformin")."""
    spans = []
    for m in LOWERCASE_EMPLOYER_PATTERN.finditer(text):
        words = m.group("phi").split()
        if any(w not in english_words() and w not in lowercase_words() and is_name_word(w) for w in words) \
                and not clinical_spans(m.group("phi")):
            spans.append(m.span("phi"))
    return spans


# Words that make a denomination a religion, not a congregation ("Seventh-day Adventist", "Greek Orthodox").
_CREED_WORDS = frozenset("""roman greek russian southern seventh-day free united american african reformed independent
    primitive missionary eastern coptic ethiopian armenian serbian syrian ukrainian polish national""".split())


def find_congregations(text: str) -> list[tuple[int, int]]:
    """Spans of congregations (:data:`CONGREGATION`): before a denomination no creed's words ("Seventh-day Adventist");
    after a house of worship name words, not all English ("Temple Tenderness")."""
    found = []
    for m in CONGREGATION.finditer(text):
        words = m.group("name").split()
        head_first = m.start("name") > m.start("phi")  # "Temple Beth Shalom"
        if not any(w.lower() in _CREED_WORDS for w in words) and not head_first or head_first and all(
                map(is_name_word, words)) and not all(w.lower() in english_words() for w in words):
            found.append(m.span("phi"))
    return found


def find_businesses(text: str) -> list[tuple[int, int]]:
    """Spans of businesses named by their trade (:data:`BUSINESS_PATTERN`), not of common words only."""
    spans = []
    for trade in TRADE_WORD.finditer(text):
        start = max(0, trade.start() - 80)
        if (m := BUSINESS_PATTERN.search(text[start: trade.end()])) and _proper_name(m.group("phi").split()[:-1]):
            spans.append((start + m.start("phi"), trade.end()))
    return spans


# An age over 89 right after a person's name, the way a note introduces someone: "Mrs. Ingeborg Rasmussen,
# ninety-seven,", "husband Lajos (96)", "Tita Baby (pt's sister, 91)", a table's next column ("HUGHES, Rose  94  NHS").
# (after a bracket too: "Mr Evans (Hosp No G4471093) is 96", 'Mr. Ezekiel Hart ("Zeke"), 90,'; glued to the sex after
# one space: "sousa 93f"; a table's next cell, or before a nickname: "BROWN, ROSE 96    --", 'Angus Wilkie 97 ("Gus")';
# after a nickname in quotes and brackets, 'Lola Connie") (96)'; before another language's years, "Aldo (96 aa)")
# A second age over 89 after one, said as a correction or a choice (not a reading: "sats 92, 94%")
_AGE_AFTER_AGE = regex.compile(rf"[ \t]*(?:[.!?;,][ \t]*(?:(?i:or|no|not)[ \t]+)?|[ \t]+(?i:or|no|not)[ \t]+)"
                               rf"(?P<age>{AGE_OVER_89}|{WORD_AGE})\b(?![.,]\d|[ \t]*(?:%|°|/|mg|kg|lbs?|mmhg|bpm|percent))",
                               regex.IGNORECASE)
_AGE_AFTER_NAME = regex.compile(rf"(?:[\"”]\))?(?:[ \t]*\([^()\n]{{1,40}}\)(?=[ \t]*,))?"
                                rf"(?:[ \t]*,[ \t]*|[ \t]*\((?:[^(),\n]{{1,25}},[ \t]*)?|[ \t]{{2,}}"
                                rf"|(?:[ \t]*\([^()\n]{{1,40}}\))?[ \t]+(?:is|was|turned|turns)[ \t]+"
                                rf"|[ \t]*\|[ \t]*|[ \t]+(?=\d+[ \t]?[MFmf]\b|\d{{2,3}}(?:[ \t]{{2,}}|\t|[ \t]+\([\"“]?(?-i:\p{{Lu}}))))"
                                rf"(?P<age>{AGE_OVER_89}|{WORD_AGE})"
                                rf"(?=[ \t]*(?:[,;)|\n]|\.(?:\s|$)|y/?o\b|yo\b|y\b|years?\b|[MF]\b"
                                rf"|aa\b|anni\b|a[ñn]os\b|ans\b|år\b|jahre\b)"
                                rf"|[ \t]{{2,}}|[ \t]+\(|[ \t]+(?:yesterday|today|now|this|last|next|on|in|and|but|still)\b)",
                                regex.IGNORECASE)


def ages_after_ages(text: str, ages: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of a second age over 89 said right after one (:data:`_AGE_AFTER_AGE`): "ninety-one. ninety-two next month",
    "he's ninety, or ninety-one", "Ninety-four! Ninety-five on ..."."""
    return [m.span("age") for _, e in ages if (m := _AGE_AFTER_AGE.match(text, e))]


# Days listed before a date that opens with its day, which the month dates too: "12 and 13 June 2024", "2nd & 9th May",
# "4, 11 and 18 March"
_DAY = rf"(?:3[01]|[12]\d|0?[1-9]){ORD}?"
_DAYS_BEFORE_DATE = regex.compile(rf"(?<![\d.,/:-])(?P<days>{_DAY}(?:[ \t]*,[ \t]*{_DAY})*[ \t]*(?:,?[ \t]*and|&))[ \t]*$")


# A word that may be a record's number: a digit and a letter or a mark among five characters or more ("53/211",
# "F.2231", "II/141", "D-0447"), or six digits or more (the words read by the standard library's engine, faster for
# this one pass over the whole text).
_RECORD_TOKEN = re.compile(r"(?<![\w/.-])[\w/.-]*\w")
_RECORD_LIKE = regex.compile(r"(?=.*\d)(?=.*[^\d]).{5,}|\d{6,}")


def ids_mentioned_again(text: str, ids: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The other mentions of record numbers found once, wherever the text repeats them as a word of their own ("53/211 |
    Lim Ah Kow | ..." and "Remarks: 53/211 rubber tapper"): one pass over the text's words."""
    values = {value for s, e in ids if _RECORD_LIKE.fullmatch(value := text[s:e])}
    if not values:
        return []
    found = set(ids)
    return [m.span() for m in _RECORD_TOKEN.finditer(text) if m.group() in values and m.span() not in found]


def days_before_dates(text: str, dates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of :data:`_DAYS_BEFORE_DATE` before a date whose first word is its day, up to the date's first character
    (so that they and the date merge into one: "14 and 15 November 2023")."""
    return [(m.start("days"), s + 1) for s, _ in dates if _DAY_FIRST.match(text, s)
            and (m := _DAYS_BEFORE_DATE.search(text, max(0, s - 30), s))]


_DAY_FIRST = regex.compile(rf"\d{{1,2}}{ORD}?[ \t]+\p{{L}}")


def ages_after_names(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of ages over 89 right after a name (:data:`_AGE_AFTER_NAME`)."""
    return [m.span("age") for _, e in names if (m := _AGE_AFTER_NAME.match(text, e))]


# The street a shop or a site is on, named alone: "the Walgreens on Glenwood", "Fred Meyer pharmacy on SE 82nd", "the
# Kroger on Dublin-Granville", "the Quest on Broad and Main", "Grace Lutheran on Ninth" (not "Walgreens on Monday", "CVS
# on the corner").
_STREET_AFTER_SITE = regex.compile(rf"(?:[ \t]+(?i:pharmacy|store|location|branch|office|clinic))?[ \t]+on[ \t]+"
                                   rf"(?P<street>(?:\d{{1,5}}[ \t]+)?"  # (a number: "Salvation Army on 204 W Walnut")
                                   rf"(?:(?:N|S|E|W|NE|NW|SE|SW)[ \t]+)?(?:{NUMBERED_STREET}|{CAP})(?:[ \t]+{CAP})?"
                                   rf"(?:[ \t]+(?:and|&)[ \t]+(?:{NUMBERED_STREET}|{CAP}))?"
                                   # ... or in lowercase: "the walgreens on glenwood", "walmart on n main", "heb on pecan st"
                                   rf"|(?P<direction>(?:[nsew]|north|south|east|west)[ \t]+)?(?P<lower>\p{{Ll}}[\p{{Ll}}'’-]+)"
                                   rf"(?P<kind>[ \t]+(?:st|street|rd|road|ave|avenue|blvd|boulevard|dr|drive|ln|lane|hwy|highway|pkwy))?\b)"
                                   rf"(?=[ \t]*(?:[.,;:)(\n]|$)|[ \t]+\p{{Ll}})")
# Streets named by English words that a site's "on" names as streets: "Hometown Drug on Main", "the Quest on Broad"
_COMMON_STREETS = frozenset("""main broad market front high church elm oak pine maple cedar walnut chestnut spruce park lake
    hill center centre mill water bridge spring union grand state""".split())
_NUMBERED_STREET = regex.compile(NUMBERED_STREET)
_NOT_A_STREET = regex.compile(rf"(?i:{WEEKDAY}s?|{MONTH}|today|tomorrow|call|file|hold|duty|site|time|arrival|discharge)\b")


def streets_after_sites(text: str, sites: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of a street named right after a site with "on" (:data:`_STREET_AFTER_SITE`), not a day or a word text writes
    in lowercase ("on Admission") but a common street's (:data:`_COMMON_STREETS`); in lowercase, with a direction or a
    street's kind, or no English word ("on glenwood"; not "on time", "on call")."""
    found = []
    for _, e in sites:
        if not (m := _STREET_AFTER_SITE.match(text, e)) or _NOT_A_STREET.match(m.group("street")):
            continue
        if m.group("lower"):  # a street in lowercase: a direction or a street's kind with it, or no English word
            low = m.group("lower")
            if m.group("direction") or m.group("kind") or low not in english_words() and low not in lowercase_words() \
                    and is_name_word(low):
                found.append(m.span("street"))
        elif _NUMBERED_STREET.fullmatch(word := m.group("street").split()[-1]) or word.lower() in _COMMON_STREETS \
                or is_name_word(word) and word.lower() not in lowercase_words():
            found.append(m.span("street"))
    return found


# A street a home is on, named alone: "living at daughter's house on Ridgeview" (not "Mom's on Xarelto": a home's word)
_HOME_STREET = regex.compile(rf"\b(?i:house|home|place|apartment|flat|trailer)[ \t]+on[ \t]+"
                             rf"(?P<phi>{CAP}(?:[ \t]+{CAP})?)(?=[ \t]*(?:[.,;(\n]|$)|[ \t]+\p{{Ll}})")


# A farm, a sheep or cattle station, an estate or a croft named as a home, before a comma and its district: "shepherd,
# Glenpark Station, Middlemarch", "of Nether Balgonie Farm, by Markinch", "tea plucker, Dunsinane Estate, Pundaluoya"
_RURAL_HOME = regex.compile(rf"(?<![\p{{L}}\d'’-])(?P<phi>(?:{CAP}[ \t]+){{1,3}}"
                            rf"(?:Farm|Station|Estate|Ranch|Croft|Plantation|Homestead))(?=[ \t]*,)")


def find_streets_of_homes(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`_HOME_STREET` whose words are no English or clinical ones nor words text writes in lowercase (not
    "her house on Saturday", "his place on Hospice", "Dad's on Lasix"), and of :data:`_RURAL_HOME` with a word no English
    or department list holds ("Glenpark Station"; not "Police Station", "Nursing Station")."""
    return [m.span("phi") for m in _HOME_STREET.finditer(text) if all(
        w.lower() not in english_words() and w.lower() not in lowercase_words() and is_name_word(w)
        for w in m.group("phi").split()) and not clinical_spans(m.group("phi"))] + [
        m.span("phi") for m in _RURAL_HOME.finditer(text) if any(
            w.lower() not in english_words() and w.lower() not in department_words() and is_name_word(w)
            for w in m.group("phi").split()[:-1])]


# The town a site is in, after it and a comma or a dash, where a line, a sentence, an address or a table's cell ends:
# "Wilson Memorial General, Marathon.", "Llanfair Road Surgery, Builth Wells\n", "Farmworker Health - Immokalee site",
# "St Ita's University Hospital, Galway | +353", "MULTISPECIALITY HOSPITAL, ADYAR\n", "(Whānau Birth Midwives, Porirua)",
# "Mustashfa El-Nour El-Takhassusi, Heliopolis, Cairo", "Eastern Community Mental Health Clinic, St. Philip\n",
# "Igbogbo Primary Health Centre, Ikorodu, OPD card", "Queen Elizabeth II Health Sciences Centre, Halifax NS".
_TOWN_AFTER_SITE = regex.compile(rf"[ \t]*(?:,|[ \t][-–—])[ \t]*(?P<town>(?P<saint>(?:St|Saint|Mt)\.?[ \t]+)?{CAP}(?:[ ]{CAP})?"
                                 rf"|{UPPER}(?:[ ]{UPPER})?)"  # (its words one space apart: not "Jubail     Date:")
                                 rf"(?=[ \t]*(?:[.;:|·()\[\]\n]|$|,[ \t]*(?:{STATE}\b|[A-Z]{{1,2}}\d|\d{{4,5}}\b"
                                 rf"|(?:{CAP}|{UPPER})[ \t]*(?:[.;|·()\n—–]|$)|{UPPER}[ \t]+\p{{Ll}}|{CAP}[ \t]+{CAP}"
                                 rf"|[ \t]*\p{{Ll}}))|[ \t]{{2}}"
                                 rf"|[ \t]+(?i:site|campus|branch)\b|[ \t]+[-–—][ \t]|[ \t]+[A-Z]{{2}}[ \t]*(?:$|\n))")
# ... or a listed town in brackets after it (:func:`towns_after_sites`)
_TOWN_IN_BRACKETS = regex.compile(rf"[ \t]*\([ \t]*(?P<town>(?:{CAP}|{UPPER})(?:[ ](?:{CAP}|{UPPER}))?)[ \t]*\)")
# ... or a listed town right after it: "Fresenius Kidney Care Tahlequah MWF"
_LISTED_TOWN_AFTER_SITE = regex.compile(rf"[ \t]+(?P<town>{CAP}(?:[ \t]+{CAP})?)\b")
# A title opens a person's name, not a town's: "Sample Clinic, Mister Sample".
_TITLE_WORD = regex.compile(r"(?i:mr|mrs|ms|miss|mister|dr|doctor|prof|professor|sir|madam|nurse|officer|ofc|sgt"
                            r"|deputy|det|captain|capt|lieutenant|sergeant|corporal|colonel|commander|constable"
                            r"|inspector)\b")


def towns_after_sites(text: str, sites: list[tuple[int, int]], places: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Spans of a town right after a site (:data:`_TOWN_AFTER_SITE`): name words, no department's or state's, a listed
    city or some word text does not write in lowercase ("Mercy Hospital, Cardiology.", "Walgreens, Delivery." are
    none); in capitals, or after a place rather than a site ("Capel Bethesda, Tonyrefail."), a listed town only (its
    words may be other words too: "MENTAL HEALTH INSTITUTE, CHEROKEE, IOWA", "Moi Hospital, Bungoma.")."""
    found = []
    for e, after_place in [(e, False) for _, e in sites] + [(e, True) for _, e in places]:
        if not (m := _TOWN_AFTER_SITE.match(text, e)) and (listed := _LISTED_TOWN_AFTER_SITE.match(text, e)) \
                and not after_place and listed.group("town").lower() in towns() \
                and listed.group("town").lower() not in lowercase_words():
            m = listed
        if not m:
            if not after_place and (bracket := _TOWN_IN_BRACKETS.match(text, e)) and _listed_town(bracket.group("town")):
                found.append(bracket.span("town"))  # "North Dakota State Hospital (Jamestown)"
            continue
        town = m.group("town")
        listed_only = after_place or town.isupper()
        words = town[len(m.groupdict().get("saint") or ""):].split()  # ("St. Philip": the saint's name judged)
        listed = town.lower() in towns()
        if not _above_town(town) and not _TITLE_WORD.match(town) and all(
                (is_name_word(w) or listed and _place_word(w)) and w.lower() not in department_words() for w in words) and (
                listed and not (listed_only and town.lower() in lowercase_forms())
                or not listed_only and any(w.lower() not in lowercase_words() for w in words)):
            found.append(m.span("town"))
    return found


def _place_word(word: str) -> bool:
    """A word of a listed town that is no eponym, no word text writes in lowercase and no language ("Cherokee", "Agogo",
    "Bungoma"; not "Foley", "Welsh")."""
    low = word.lower()
    return low not in allowed_words() and low not in lowercase_words() and low not in languages()


# The places a street's address names after it, each after a comma, up to a postal code or the line's end: "Rua das
# Flores, 123, apto 42, Pinheiros, São Paulo – SP", "Av. Juárez 1208, Col. Centro, 37000 León", "80 Feet Road,
# Koramangala 4th Block, Bengaluru"
_PLACE_AFTER_STREET = regex.compile(rf"[ \t]*,[ \t]*(?P<place>(?:(?i:col|colonia|bairro|barrio|sector|district)\.?[ \t]+)?{CAP}"
                                    rf"(?:[ \t]+{CAP}){{0,2}}(?:[ \t]+\d{{1,2}}(?:st|nd|rd|th)[ \t]+{CAP})?)"
                                    rf"(?=[ \t]*(?:,|[-–—/]|$|\n|\.|[ \t]\d))", regex.MULTILINE)


# A listed town of one to three words in any case right after a street, before a comma, a stop, a postal code or the line's
# end: "1183 rae st, regina s4t 2b9", "twelve bellfield street dundee", "88 QUARRY HILL RD\nBARRE VT"
_WORDS_AFTER_STREET = regex.compile(r"[ \t]*[,\n]?[ \t]*(?P<place>\p{L}[\p{L}'’-]*(?:[ \t]+\p{L}[\p{L}'’-]*){0,2})")
_TOWN_END = regex.compile(r"[ \t]*(?:[,.;:)\n]|$|\p{Lu}{2}\b|\w*\d|(?i:post[ \t]?code|zip|um|uh)\b)")
_NON_SPACE = regex.compile(r"\S+")
_STREET_WORD_ALONE = regex.compile(rf"(?i:{STREET_WORDS})", regex.VERBOSE)  # ("90 Whitchurch Road street": no town Street)
_COMPASS = frozenset("north south east west northeast northwest southeast southwest upper lower".split())


def _listed_town_after(text: str, end: int) -> tuple[int, int] | None:
    """The span of a listed town (:func:`towns`) of one to three words right after ``end``, a word alone not one text
    writes in lowercase, a compass word nor a street's word."""
    if not (m := _WORDS_AFTER_STREET.match(text, end)):
        return None
    words = list(_NON_SPACE.finditer(text, *m.span("place")))
    for n in range(len(words), 0, -1):
        start, stop = words[0].start(), words[n - 1].end()
        place = " ".join(w.group() for w in words[:n]).lower()
        if place in towns() and (n > 1 or place not in lowercase_words() and place not in _COMPASS
                                 and not _STREET_WORD_ALONE.fullmatch(place)) \
                and not _above_town(text[start:stop]) and _TOWN_END.match(text, stop):  # (as written: "PA" is a state)
            return start, stop
    return None


def towns_after_streets(text: str, streets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the places after a street's address (:data:`_PLACE_AFTER_STREET`), up to three: name words that are no
    state, province or country and that text does not write in lowercase; or one listed town in any case
    (:func:`_listed_town_after`)."""
    found = []
    for _, end in streets:
        for n in range(3):
            if not (m := _PLACE_AFTER_STREET.match(text, end)):
                if n == 0 and (town := _listed_town_after(text, end)):
                    found.append(town)
                break
            place = m.group("place")
            if _above_town(place) or not any(
                    is_name_word(w) and w.lower() not in lowercase_words() for w in place.split()):
                break
            found.append(m.span("place"))
            end = m.end()
    return found


# A ZIP code alone after a town that follows a street on the same line: "3215 S 180th St, Apt 14, SeaTac, 98188", or
# another country's postcode of four or six digits one space after it: "22 Riddoch St, Penola 5277", "Salt Lake, Kolkata
# 700091" (not a time in a table's next column: "Morris County       0545").
_ZIP_AFTER_TOWN = regex.compile(r"(?:[ \t]*,?[ \t]*(?P<zip>\d{5}(?:-\d{4})?)|,?[ ](?P<zip>\d{4}|\d{6}))(?![\d/.,-]\d|\d)"
                                # a British or a Canadian postcode in any case, as dictation writes it: "dundee dd1 5hz",
                                # "regina s4t 2b9"
                                r"|,?[ \t]+(?P<zip>(?i:[a-z]{1,2}\d[a-z\d]?[ ]\d[a-z]{2}|[a-z]\d[a-z][ ]?\d[a-z]\d))(?![\w-])")


# ... or right after the street, where the sentence ends: "1140 Orchard Lane, 98926."
_ZIP_AFTER_STREET = regex.compile(r"[ \t]*,[ \t]*(?P<zip>\d{5}(?:-\d{4})?)(?=[ \t]*(?:[.;)\n]|$))")


def zips_after_towns(text: str, towns: list[tuple[int, int]], streets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of a ZIP code right after a town (:data:`_ZIP_AFTER_TOWN`) that a street's address comes before on its line,
    or right after a street (:data:`_ZIP_AFTER_STREET`)."""
    street_ends = sorted(e for _, e in streets)
    found = [m.span("zip") for e in street_ends if (m := _ZIP_AFTER_STREET.match(text, e))]
    for start, end in towns:
        if (m := _ZIP_AFTER_TOWN.match(text, end)) and any(
                e <= start and start - e < 200 and "\n" not in text[e:start]
                for e in street_ends[:bisect_right(street_ends, start)][-3:]):
            found.append(m.span("zip"))
    return found


# The parts of an address line before its postal code, read back from the code, each after a comma, a dash or a column's
# gap: "Flat 6, Harnham Court, 19 Netherhampton Road, Salisbury SP2 8HE", "Knockane, Bantry, Co. Cork P75 XK20",
# "3215 S 180th St, Apt 14, SeaTac, WA 98188". A state, province or country is passed over, a street or unit is an
# address, a county ("Co. Cork") and other name words a place; the first part that is none (a person's name with a
# role, a site: "SONAS LODGE NURSING HOME") ends the reading.
_PART_BEFORE = regex.compile(r"(?m)(?:^|(?<=[,:|·•\t]|[ \t][-–—][ \t]|[ \t]{2}))[ \t]*(?P<part>[^,:|·•\t\n]+?)[ \t]*[,]?[ \t]*$")
_STREET_WORD = rf"(?:{CAP}|{UPPER}|[NSEW]\.?|\d{{1,3}}(?:st|nd|rd|th)|(?i:de|la|y|du|des|van|der|del|da))"
_STREET_PART = regex.compile(rf"""(?:\d[\w/-]*,?[ \t]+{_STREET_WORD}(?:[ \t]+{_STREET_WORD}){{0,5}}\.?
    |{_STREET_WORD}(?:[ \t]+{_STREET_WORD}){{0,4}}[ \t]+{STREET_WORDS}\.?
    |(?i:flat|apt|apartment|unit|suite|level|block)\.?[ \t]*[\w-]{{1,5}}|\d{{1,2}}(?i:st|nd|rd|th)[ \t]+(?i:fl|floor)\.?)""",
                             regex.VERBOSE)
_COUNTY_PART = regex.compile(rf"(?i:co\.?|county)[ \t]+(?P<place>{CAP}(?:[ \t]+{CAP})?)")
_PLACE_PART = regex.compile(rf"(?:{CAP}|{UPPER})(?:[ \t]+(?:{CAP}|{UPPER}|\d{{1,3}})){{0,2}}")
_FACILITY_WORD = regex.compile(rf"\b{FACILITY}\b|\b(?i:nursing[ \t]+home|medical[ \t]+practice|surgery|hospital|clinic)\b", regex.VERBOSE)
_FACILITY_ANY_CASE = regex.compile(rf"\b{FACILITY}\b", regex.VERBOSE | regex.IGNORECASE)  # a site's kind, in capitals too
_MILITARY_POST = regex.compile(r"\b(?:APO|FPO|DPO)[ \t]+A[AEP][ \t]*$")  # a forces' post office: "DPO AP 70942" is one part
_STATE_BEFORE_CODE = regex.compile(rf"[ \t,]+(?:{STATE}|[A-Z]{{2,3}})[ \t]*$")
_ADDRESS_LABEL_LINE = regex.compile(r"\b(?i:address|addr|home[ \t]+address|residence|res)[ \t]*:[^\n]*?(?=[ \t.]*(?:\n|$)|[ \t]{3}|\t)")


def address_parts(text: str, codes: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` of the streets (ADDRESS) and places (LOCATION) of an address line before a postal code
    (:data:`_PART_BEFORE`) or before the end of a line after an address's label ("Address: Apt 22, Ashgrove Court,
    Tallaght"), up to four parts; a part naming a drug or a condition ends the reading too."""
    found = []
    ends = [s for s, _ in codes] + [m.end() for m in _ADDRESS_LABEL_LINE.finditer(text)]
    for code_start in ends:  # (an address line is read back 300 characters at most: linear time on a text of one line)
        line_start = text.rfind("\n", max(0, code_start - 300), code_start) + 1 or max(0, code_start - 300)
        end, before_state = code_start, False
        if (m := _STATE_BEFORE_CODE.search(text, line_start, end)) \
                and not _MILITARY_POST.search(text, line_start, end):  # "SeaTac, WA 98188", "Box Hill VIC 3128"
            end, before_state = m.start(), _STATE.fullmatch(m.group().strip(" \t,")) is not None
        for n in range(4):
            if not (m := _PART_BEFORE.search(text, line_start, end)) or not m.group("part"):
                break
            part, (s, e) = m.group("part"), m.span("part")
            end = m.start()
            if _above_town(part):
                continue
            if clinical_spans(part) or _FACILITY_WORD.search(part):
                break
            if county := _COUNTY_PART.fullmatch(part):
                found.append((s + county.start("place"), s + county.end("place"), "LOCATION"))
            elif _STREET_PART.fullmatch(part):
                found.append((s, e, "ADDRESS"))
            elif (street := STREET_ADDRESS.search(part)) and street.end() == len(part):  # "lives with ... at 2218 S.
                found.append((s + street.start(), e, "ADDRESS"))                          # Christiana Ave"
                break
            elif _PLACE_PART.fullmatch(part) and (n == 0 and before_state or any(  # (before a state: "Barre, VT")
                    is_name_word(w) and w.lower() not in lowercase_words() and w.lower() not in department_words()
                    for w in part.split())):
                found.append((s, e, "LOCATION"))
            else:
                break
    return found


# An address after its label, read forward part by part as much of the world writes it, street first and places after:
# "Address: 3-14-7 Yamate-cho, Naka-ku, Yokohama-shi", "Addr: 28, Dosan-daero 45-gil, Gangnam-gu, Seoul", "Address: Flat
# 12, Building 2315, Road 3834, Block 338, Adliya", "Home: Jl. Kenanga No. 17, RT 003/RW 005, Kel. Sukawarna" ("home" and
# "lives" only as a line's field: not "at home: RR 28, SpO2 86%")
_LABELLED_ADDRESS = regex.compile(
    r"(?m)(?:(?:^|(?<=[ \t(]))(?i:(?:home|employer|permanent|local|residential|postal|mailing|correspondence|present)[ \t]+"
    r"address|address|addr|residence)|^[ \t]*(?i:lives|home))[ \t]*:[ \t]*(?P<line>[^\n]+?)(?=[ \t.]*(?:\n|$)|[ \t]{3}|\t)")
_ADDRESS_PART = regex.compile(r"[^,]+")
_ADDRESS_PARTICLES = frozenset("de da do di del la le el al bin van".split())
_UNIT_WORD = regex.compile(rf"(?i:{STREET_WORDS}|flat|unit|apt|block|blk|building|bldg|floor|house|sec|no)\.?",
                           regex.VERBOSE)


def _address_words(part: str) -> bool:
    """Every word of ``part`` a number or code, a capitalised word, a particle or a lowercase word of no English ("9
    andar E"; not "2 steps to enter")."""
    return all(any(c.isdigit() for c in w) or w[0].isupper() or w.lower() in _ADDRESS_PARTICLES
               or w.lower() not in english_words() and w.lower() not in lowercase_words() for w in part.split())


def labelled_address_parts(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` of the parts of an address after its label (:data:`_LABELLED_ADDRESS`) whose first or
    second part holds a number (a house's name may come first: "TY'N Y COED, 3 HEOL Y FELIN"): the street's parts
    (ADDRESS: up to the first number, then a number or a street's or a unit's word) and then the places (LOCATION), a
    state or a country passed over, up to the first part that is no address's (a clinical word, common words)."""
    found = []
    for m in _LABELLED_ADDRESS.finditer(text):
        parts = [(p.start() + len(p.group()) - len(p.group().lstrip()), p.end() - len(p.group()) + len(p.group().rstrip()))
                 for p in _ADDRESS_PART.finditer(text, *m.span("line"))][:8]
        numbered = [i for i, (s, e) in enumerate(parts[:2]) if any(c.isdigit() for c in text[s:e])]
        if not numbered:
            continue
        street = True
        for i, (s, e) in enumerate(parts):
            part = text[s:e]
            if not part or not _address_words(part) or clinical_spans(part):
                break
            if _above_town(part.strip(" .")) or any(_above_town(w) for w in part.split() if w.isupper() and len(w) == 2):
                continue  # "Selangor", "IL 62701"
            street = i <= numbered[0] or street and (any(c.isdigit() for c in part)
                                                     or any(_UNIT_WORD.fullmatch(w) for w in part.split()))
            found.append((s, e, "ADDRESS" if street else "LOCATION"))
    return found


def find_tagged_places(text: str, kind: str) -> list[tuple[int, int]]:
    """Spans of ``kind`` (INSTITUTION or LOCATION) the place tagger finds, of proper names (:func:`_proper_name`: not
    "the Army"), no institution that is a heading in capitals (:func:`_heading`), and not a saint's herb or day ("St.
    John's wort")."""
    return [(s, e) for s, e in find_places(text)[kind] if _proper_name(text[s:e].split())
            and not (kind == "INSTITUTION" and _heading(text, s, e)) and not _SAINTS_THING.match(text, e)]


# What a document's heading names it, in English and other languages: "OSI CLINIC INTAKE SUMMARY", "CONTACT TRACING",
# "OPD REGISTER EXTRACT"
_DOCUMENT_WORDS = frozenset("""summary report register extract form log record records note notes letter sheet card
    checklist list plan review assessment tracing screening intake referral request notification chart flowsheet roster
    rota minutes update handover campaign survey audit inspection investigation certificate consent questionnaire
    immunisation immunization vaccination informe raport estudio seguimiento registro hoja ficha notificación
    notificacion rujukan formulaire rapport bericht verslag""".split())
_SITE_ENDS = frozenset("site campus co company corp ltd inc llc plc".split())  # "MERCY MAIN SITE", "BIG RUN COAL CO"


def _heading(text: str, start: int, end: int) -> bool:
    """A run of capitals that a document's word ends (:data:`_DOCUMENT_WORDS`), or that opens a line with two words or
    more, all words text writes in lowercase or another language's words of forms, and no facility's or trade's word
    ("ESTUDIO EPIDEMIOLÓGICO DE CASO"; not "MERCY HOSPITAL", "GREEN DELTA INSURANCE")."""
    value = text[start:end]
    if not value.isupper():
        return False
    words = regex.findall(r"\p{L}[\p{L}'’-]*", value.lower())
    opens_line = not text[text.rfind("\n", 0, start) + 1:start].strip()
    title = value.title()  # (the facility's and trade's words are written capitalised)
    return bool(words) and (words[-1] in _DOCUMENT_WORDS or len(words) > 1 and opens_line
                            and not _FACILITY_WORD.search(title) and not TRADE_WORD.search(title)
                            and words[-1] not in _SITE_ENDS
                            and all(w in lowercase_words() or not is_name_word(w) for w in words))


def _proper_name(words: list[str]) -> bool:
    """Some word is no department's, state's or country's, and one is not written in lowercase by text, or there are
    two capitalised words."""
    words = [w for w in words if w.lower() not in ("of", "the", "and", "&")]
    if all(w.lower() in department_words() or w.lower() in countries() or _STATE.fullmatch(w) for w in words):
        return False
    return len(words) > 1 or any(w.lower() not in lowercase_words() for w in words)


# A question about where someone works, shops or gets care, and the next turn that answers it with a name: "Doctor: Which
# pharmacy?\nPatient: Champagne's Drugs on Rees Street.", "Where do you work?\nPatient: Mendoza Produce, the warehouse",
# "Who did your labs?\nPatient: The Quest on Broad and Main"; a question about where someone lives, with a town:
# "Where are you living now?\nPatient: Cedar Falls."
_SITE_QUESTION = r"""(?:pharmacy|drug\s*store|hospital|clinic|gym|school|college|university|church|temple|mosque|synagogue
    |labs?|lab\s*work|blood\s*work|nursing\s+home|facility|store|company|employer|daycare|day\s+care|agency|shelter|practice
    |work|works|working|worked|job|filled|fill|dialysis|rehab|physical\s+therapy|therapist|place)"""
_PLACE_QUESTION = r"(?:live|living|from|born|grow\s+up|grew\s+up|moved?|staying|stay|town|city)"
_QUESTION_END = regex.compile(r"\?[ \t]*\n")
_SITE_ASKED = regex.compile(rf"\b(?i:{_SITE_QUESTION})\b", regex.VERBOSE)
_HOME_ASKED = regex.compile(rf"\b(?i:where)\b.*?\b(?i:{_PLACE_QUESTION})\b")
_ANSWER = regex.compile(
    rf"""[ \t]*[^\n:]{{1,25}}:[ \t]*(?:(?i:the|at|um|uh|oh|it's|its|it\ is|that's|yes|yeah|yep|sure|well|we\ use|I\ use
    |I\ go\ to|we\ go\ to|I\ work\ (?:at|for)|I'm\ at|I\ was\ at)[ \t,]+)*
    (?P<phi>(?:(?:St|Mt)\.?[ \t]+)?(?:{CAP}|{UPPER})(?:[ \t]+(?:(?:of|the|and|&)[ \t]+)?(?:{CAP}|{UPPER})){{0,3}})""", regex.VERBOSE)


_ANSWER_OPENERS = frozenset("""no nope probably maybe just usually mostly still only actually honestly same every most
    some""".split())


@lru_cache(maxsize=2)
def answered_places(text: str) -> dict[str, list[tuple[int, int]]]:
    """Spans of institutions and of towns (by kind) that open the turn answering a question about a site or a home
    (:data:`_SITE_QUESTION`, :data:`_PLACE_QUESTION`, :data:`_ANSWER`), after a word that opens an answer ("Probably
    Walgreens"): not a person's title, a department, a state, a country, or one English word ("Dr. Patel",
    "Cardiology", "Ohio", "Construction", "Part-time") (cached: one recognizer per kind asks for the same text)."""
    found = {"INSTITUTION": [], "LOCATION": []}
    for question in _QUESTION_END.finditer(text):
        start = max(text.rfind("\n", 0, question.start()), text.rfind("?", 0, question.start()), question.start() - 300)
        asked = text[start + 1: question.start()]
        kind = "INSTITUTION" if _SITE_ASKED.search(asked) else "LOCATION" if _HOME_ASKED.search(asked) else None
        if not kind or not (m := _ANSWER.match(text, question.end())):
            continue
        words = m.group("phi").split()
        while words and words[0].lower() in _ANSWER_OPENERS:
            words.pop(0)
        if words and not _TITLE_WORD.match(words[0]) and _proper_name(words) and any(map(is_name_word, words)) \
                and (len(words) > 1 or not all(w in english_words() for w in words[0].lower().split("-"))) \
                and not _above_town(" ".join(words)):
            found[kind].append((m.end("phi") - len(" ".join(words)), m.end("phi")))
    return found


# A practice named by its specialty after a name of its own: "Hollis Cardiology", "Summit Orthopedics"; a general
# practice of the UK: "Tywi Surgery", "Llanfair Road Surgery" (not "Plastic Surgery", "Day Surgery").
_PRACTICE = regex.compile(rf"(?P<phi>{CAP}(?:[ \t]+{CAP}){{0,2}}[ \t]+(?:Cardiology|Nephrology|Orthopa?edics|Dermatology"
                          r"|Oncology|Neurology|Urology|Gastroenterology|Pulmonology|Endocrinology|Rheumatology"
                          r"|Ophthalmology|Podiatry|Dentistry|Dental|Audiology|Fitness|Physical\s+Therapy|Surgery)(?:[ \t]+Associates)?)\b")


# A site named after one of its departments, a comma or a dash between them: "Endoscopy Unit, Tenwek - Report", "Genetic
# Clinic, SGPGI, Lucknow", "Diabetes Service - Te Whatu Ora Waikato", "Cardiovascular Genetics Clinic, UPMC
# Presbyterian": the department's kind and what follows it, then its words up to a comma, a dash, a bracket, a column's
# gap or the line's end (the department's words are read back from its kind: a pattern tried at every capital was slower)
_DEPARTMENT_KIND = regex.compile(r"\b(?:Clinic|Unit|Department|Dept\.?|Service|Division|Outpatients)[ \t]*(?:,|[ \t][-–—])[ \t]*")
_SITE_AFTER_DEPARTMENT = regex.compile(rf"(?:{CAP}|{UPPER}|Children['’]s|Women['’]s)(?:[ \t](?:{CAP}|{UPPER}|of|the|&)){{0,4}}"
                                       rf"(?=[ \t]*(?:[,()]|[ \t][-–—]|$|[ \t]{{2}}|\t))", regex.MULTILINE)


_CAPITALISED = regex.compile(r"\p{Lu}[\p{L}'’-]*")


def find_sites_after_departments(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`_SITE_AFTER_DEPARTMENT` after a department's kind (:data:`_DEPARTMENT_KIND`) and its capitalised
    department words, whose words are no department's, no title's, no town's or country's, no common word but a name's,
    and not a person's name ("Pain Clinic, Tuesday", "Renal Unit, Bed 4", "Oncology Clinic, Dr Ruiz", "Endocrine
    Service, Kingston" are none)."""
    found = []
    for kind in _DEPARTMENT_KIND.finditer(text):
        before = text[text.rfind("\n", 0, kind.start()) + 1: kind.start()].split()
        department = list(takewhile(lambda w: w in ("&", "and") or w[:1].isupper() and w.lower() in department_words(),
                                    reversed(before)))
        rest = before[:len(before) - len(department)]
        if not any(w not in ("&", "and") for w in department) or rest and _CAPITALISED.fullmatch(rest[-1]) \
                or not (m := _SITE_AFTER_DEPARTMENT.match(text, kind.end())):
            continue  # (a site's own name before the department's words: "Murrumbidgee Heart Clinic, Wagga Wagga")
        words = [w for w in m.group().split() if w not in ("of", "the", "&")]
        low = [w.lower().removesuffix("'s").removesuffix("’s") for w in words]
        if not any(w in department_words() or _TITLE_WORD.fullmatch(w) or w in countries() for w in low) \
                and not _listed_town(m.group()) and not _above_town(m.group()) \
                and all(w not in lowercase_words() or is_listed_name(w) for w in low) \
                and not (low[0] in first_names() and len(words) > 1 and is_listed_name(words[1])) \
                and not clinical_spans(m.group()):
            found.append(m.span())
    return found


def find_practices(text: str) -> list[tuple[int, int]]:
    """Spans of practices named by a specialty after a proper name; not after a word text writes in lowercase
    ("Consult Cardiology", "Page Neurology", "Recommend Dermatology") or kinds only ("Pediatric Cardiology")."""
    found = []
    for m in _PRACTICE.finditer(text):
        words = m.group("phi").split()
        while words and (words[0].lower() in lowercase_words() or not is_name_word(words[0])):
            words.pop(0)
        if len(words) > 1 and not all(w.lower() in department_words() for w in words[:-1]):
            found.append((m.end("phi") - len(" ".join(words)), m.end("phi")))
    return found


def find_old_birth_years(text: str) -> list[tuple[int, int]]:
    """Years of birth of people over 89 this year ("born in 1928"): Safe Harbor removes every date element,
    the year included, that tells such an age."""
    oldest = date.today().year - 90
    return [m.span("phi") for m in BIRTH_YEAR.finditer(text) if int(m.group("phi")) <= oldest]


def find_national_phones(text: str) -> list[tuple[int, int]]:
    """Phone numbers written with a trunk prefix (:data:`~clinsum.privacy.patterns.NATIONAL_PHONE`) and nine to eleven
    digits (:func:`_phone_digits`), or as Nigeria's and India's mobiles are ("08035552210", "94440 55218"); where a match
    is too long for one, from its next trunk prefix, so a time before a number does not hide it ("informed 0430 07700
    900733")."""
    found = []
    for m in NATIONAL_PHONE.finditer(text):
        if _phone_digits(m):
            found.append(m.span())
            continue
        for inner in _TRUNK_INSIDE.finditer(m.group()):  # a number that starts inside what is too long for one
            if (n := NATIONAL_PHONE.match(text, m.start() + inner.start())) and _phone_digits(n):
                found.append(n.span())
                break
    return found


_TRUNK_INSIDE = regex.compile(r"(?<=[ \t-])\(?0")


def _phone_digits(m: regex.Match) -> bool:
    """Nine to eleven digits, or twelve in an Indonesian mobile's groups ("0813-2555-6047"); not a scale's points in
    ascending order ("scores 05 10 15 20 25")."""
    digits = sum(c.isdigit() for c in m.group())
    groups = [int(g) for g in regex.findall(r"\d+", m.group())]
    if len(groups) >= 4 and all(a < b for a, b in zip(groups, groups[1:])):
        return False
    return 9 <= digits <= 11 or digits == 12 and _INDONESIAN_MOBILE.fullmatch(m.group()) is not None


_INDONESIAN_MOBILE = regex.compile(r"08[1-9]\d[ -]\d{4}[ -]\d{4}")


# A postal code before its town, as most of Europe and Latin America write them, at a line's start or after a comma, a
# middle dot, a dash or a bar: "28013 Madrid", "50674 Köln", "1017 AB Amsterdam", "00-950 WARSZAWA", "4050-174 PORTO", "3000
# Leuven", "118 60 Stockholm" (one space between them, not a table's columns: "0610  Bath done"; four digits alone only
# after a comma or a dash, not a time at a line's start)
_POSTCODE_TOWN = regex.compile(rf"(?:(?:^|(?<=[,·–—|][ \t]*))"
                               rf"(?P<zip>\d{{5}}|\d{{4}}[ \t]?[A-Z]{{2}}|\d{{2}}-\d{{3}}|\d{{4}}-\d{{3}}|\d{{3}}[ ]\d{{2}})"
                               rf"|(?<=[,·–—|][ \t]*)(?P<zip>\d{{4}}))[ ](?P<town>(?:{CAP}|{UPPER})(?:(?:[ ]|-)(?:{CAP}|{UPPER})){{0,3}})",
                               regex.MULTILINE)


@lru_cache(maxsize=4)
def _postcode_towns(text: str) -> tuple[tuple[tuple[int, int], tuple[int, int]], ...]:
    """(postal code, town) spans: the longest run of the town's words that is a listed town, or (after five digits or a
    Dutch or Polish code) words that text does not mostly write in lowercase and that are no states or countries
    ("50674 Köln", "10123 Torino"; not "40000 Units")."""
    found = []
    for m in _POSTCODE_TOWN.finditer(text):
        words = list(_WORD.finditer(m.group("town")))
        for n in range(len(words), 0, -1):
            town = m.group("town")[:words[n - 1].end()]
            low = town.lower()
            if _above_town(town):
                continue
            if low in towns() or len(m.group("zip")) != 4 and all(
                    is_name_word(w) and w.lower() not in lowercase_words() for w in town.split()):
                found.append((m.span("zip"), (m.start("town"), m.start("town") + len(town))))
                break
    return tuple(found)


# A town before a postal code of six digits, as India, Romania, Singapore, China and Russia write them, or of Japan's
# three and four digits, or of five after a listed town, after a comma, a bar or at a line's start and closing the line
# or a field: "MG Road, Nashik 422001", "Cluj-Napoca 400083", "Feroke P.O. 673631", "3-14-2 Nishiki, Nagoya 460-0003",
# "Building 41 | Amman 11821"
_TOWN_POSTCODE = regex.compile(rf"(?:^|(?<=[,|][ \t]*))(?P<town>(?:{CAP}|{UPPER})(?:(?:[ ]|-)(?:{CAP}|{UPPER})){{0,2}})"
                               rf"(?:[ \t]+(?:P\.?[ ]?O\.?|-))?[ \t]+(?P<zip>[1-9]\d{{5}}|\d{{3}}-\d{{4}}|\d{{5}})(?=[ \t]*(?:$|[,.;)|]))",
                               regex.MULTILINE)


@lru_cache(maxsize=4)
def _town_postcodes(text: str) -> tuple[tuple[tuple[int, int], tuple[int, int] | None], ...]:
    """(postal code, town or None) spans of :data:`_TOWN_POSTCODE` whose town is a listed one, a state or country (its
    code alone), or words that are neither English nor written in lowercase nor a label's capitals ("Nashik"; not
    "Platelets 250000", "IMC 412977")."""
    found = []
    for m in _TOWN_POSTCODE.finditer(text):
        town = m.group("town")
        if "-" in m.group("zip") or len(m.group("zip")) == 5:  # Japan's "Nagoya 460-0003", Jordan's "Amman 11821" after a
            # listed town only (not "Dawn 555-0148", "Platelets 25000")
            if town.lower() in towns():
                found.append((m.span("zip"), m.span("town")))
        elif _above_town(town):
            found.append((m.span("zip"), None))
        elif town.lower() in towns() or not (town.isupper() and len(town) <= 4) and all(
                is_name_word(w) and w.lower() not in lowercase_words() and w.lower() not in english_words()
                for w in regex.split(r"[ -]", town)):
            found.append((m.span("zip"), m.span("town")))
    return tuple(found)


def find_postcodes_beside_towns(text: str) -> list[tuple[int, int]]:
    """The postal codes of :func:`_postcode_towns` and of :func:`_town_postcodes`."""
    return [postcode for postcode, _ in _postcode_towns(text) + _town_postcodes(text)]


def find_towns_beside_postcodes(text: str) -> list[tuple[int, int]]:
    """The towns of :func:`_postcode_towns` and of :func:`_town_postcodes`."""
    return [town for _, town in _postcode_towns(text) + _town_postcodes(text) if town]


# A town after a place word that no word list knows: "I'm in Flateyri, at the conference", "based in NAANTALI" (not
# after "to" or "from": "allergic to Sulfa", "rash from Sulfa"; no acronym: "in CPAP").
_PLACE_WORD = rf"(?:{CAP}|(?=\p{{Lu}}{{6}}){UPPER})"
# Labels a town follows ("Village: Lotofaga", "Home port: Haulbowline", "municipio de Túquerres", "Kec. Wonosari")
_TOWN_LABEL = (r"(?i:lives(?:[ \t]+alone)?|resides|residence[ \t]*:|locality[ \t]*:?|suburb[ \t]*:|village[ \t]*:"
               r"|district[ \t]*:|(?:home[ \t]+)?port[ \t]*:|parish[ \t]*:|municipio[ \t]+de|kec\.|kecamatan|desa)")
_UNLISTED_PLACE = regex.compile(rf"(?<=\b(?i:in|near|visiting)[ \t]+)(?P<phi>{_PLACE_WORD}(?:[ \t]{_PLACE_WORD})?)"
                                rf"(?=[ \t]*(?:[,.;:?!)]|$|\n|[ \t]+(?i:for|to|on|at|and|with|last|this|next)\b))"
                                # (or after "lives" or a residence's label, or before the kind of place it is: "Residence:
                                # Kawangware, behind ...", "PHN handover, Ballyfermot area", "by Lugbe junction")
                                rf"|(?<=\b{_TOWN_LABEL}[ \t]+)(?P<phi>{_PLACE_WORD}(?:[ \t]{_PLACE_WORD})?)"
                                rf"(?=[ \t]*(?:[,.;:?!)]|$|\n|[ \t]{{2}}))"
                                rf"|(?P<phi>{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD})?)(?=[ \t]+(?i:area|village|settlement|junction"
                                rf"|township|suburb|district)\b)"
                                # (or after the kind of place and "of": "townland of Drumcrow", "parish of Aghavea")
                                rf"|(?<=\b(?i:townland|parish|village|hamlet|district|borough|township|municipality)[ \t]+of"
                                rf"[ \t]+)(?P<phi>{_PLACE_WORD}(?:[ \t]{_PLACE_WORD})?)(?![\p{{L}}\d'’-])", regex.MULTILINE)
# A listed town after a location's, an area's or a community's label ("location Abertillery", "Home community: Pond
# Inlet"; not a wound's "Location: Sacral")
_LABELLED_TOWN = regex.compile(rf"(?<=\b(?:(?i:location|area|community)[ \t]*:?|{_TOWN_LABEL})[ \t]+)"
                               rf"(?P<phi>{_PLACE_WORD}(?:[ \t]{_PLACE_WORD})?)"
                               rf"(?=[ \t]*(?:[,.;:?!)]|$|\n|[ \t]{{2}})|[ \t]+\()", regex.MULTILINE)


# The town closing a letter's inside address, on the line before its salutation, after a line that ends with a comma (the
# addressee's or the practice's): "Dr S. J. McCausland,\nThe Health Centre,\nFivemiletown.\nDear Dr McCausland,"
_INSIDE_ADDRESS_TOWN = regex.compile(r"(?m),[ \t]*\n[ \t]*(?P<phi>\p{Lu}[\p{L}'’-]+(?:[ \t-]\p{Lu}[\p{L}'’-]+){0,2})"
                                     r"[ \t]*[.,]?[ \t]*\n(?:[ \t]*\n)?[ \t]*(?i:dear)\b")
# A town before its country: "Local do evento: Lisboa, Portugal", "Kadıköy, Türkiye" (the country a listed one)
_TOWN_BEFORE_COUNTRY = regex.compile(rf"(?<![\p{{L}}\d'’.-])(?P<phi>{CAP}(?:[ \t-]{CAP}){{0,2}}),[ \t]*"
                                     rf"(?P<country>{CAP}(?:[ \t]{CAP}){{0,2}})(?![\p{{L}}\d'’-])")
_BODY_AREA = regex.compile(r"[ \t]+(?i:area)\b")
_ADJECTIVE_ENDING = regex.compile(r"(?i:al|ar|ary|ic|ous|ine|ior|oid)$")


def find_unlisted_places(text: str) -> list[tuple[int, int]]:
    """Spans of places after a place word, after "lives" or before the kind of place they are, whose every word is in
    no English, name or department list and that text does not write in lowercase (a town the gazetteer lacks: "in
    Flateyri", "Ballyfermot area"; not "Pelvic area", "Waiting area"), a town before its country
    (:data:`_TOWN_BEFORE_COUNTRY`), the town of a letter's inside address (:data:`_INSIDE_ADDRESS_TOWN`) and listed
    towns after a location's label (:data:`_LABELLED_TOWN`); the allow-list then drops clinical ones."""
    found = []
    for m in _UNLISTED_PLACE.finditer(text):
        words = m.group("phi").split()
        if _BODY_AREA.match(text, m.end()) and _ADJECTIVE_ENDING.search(words[-1]):
            continue  # a part of the body: "Sacral area red", "Perineal area"
        if _unlisted_words(words) and all(len(w) > 3 for w in words):
            found.append(m.span("phi"))
    found += [m.span("phi") for m in _TOWN_BEFORE_COUNTRY.finditer(text) if m.group("country").lower() in countries()
              and m.group("phi").lower() not in countries()
              and (_listed_town(m.group("phi")) or _unlisted_words(regex.split(r"[ \t-]+", m.group("phi"))))]
    found += [m.span("phi") for m in _INSIDE_ADDRESS_TOWN.finditer(text) if _listed_town(m.group("phi"))
              or _unlisted_words(regex.split(r"[ \t-]+", m.group("phi")), names_too=False)]
    return found + [m.span("phi") for m in _LABELLED_TOWN.finditer(text) if m.group("phi").lower() in towns()]


def _unlisted_words(words: list[str], names_too: bool = True) -> bool:
    """Every word a name's word that no English or department list holds and that text does not write in lowercase
    (with ``names_too``, no listed first name or surname either): the words of a place no gazetteer lists."""
    return all(is_name_word(w) and (low := w.lower()) not in english_words() and low not in lowercase_words()
               and low not in department_words() and not (names_too and is_listed_name(low))
               for w in words)


def _listed_town(name: str) -> bool:
    """A listed city, or a listed town of several words one of which text does not write in lowercase ("Siler City";
    not "Yellow Jacket") or of one word that is no English word or one text never writes in lowercase, and no person's
    name or country ("Mattawa", "Inverness"; not "North", "Morse", "Russia": towns in Ohio and South Carolina too)."""
    low = name.lower()
    if low in cities():
        return True
    if low not in towns() or low in countries():
        return False
    words = low.split()
    return any(w not in lowercase_words() for w in words) if len(words) > 1 else \
        (low not in english_words() or low not in lowercase_forms()) and not is_listed_name(low)


def _known_city(text: str, start: int, end: int) -> bool:
    """A capitalised city of the gazetteer's list of cities that is no English word nor a person's name, found with no
    cue ("Dr Kowalczyk, Geelong", "went back Ipoh"), but not a scale's or a category's name before its score ("Epworth
    14/24", "Bethesda IV")."""
    name = text[start:end]
    low = name.lower()
    return not name.isupper() and low in cities() and low not in english_words() and not is_listed_name(low) \
        and not _SCORE_AFTER.match(text, end)


_SCORE_AFTER = regex.compile(r"[ \t]*(?:\d|[IVX]{1,4}\b|(?i:category|class|score|scale|criteria|grade)\b)")


def find_cities(text: str) -> list[tuple[int, int]]:
    """Spans of city names from the gazetteer: capitalised or in capitals, two words or more, a known city
    (:func:`_known_city`), or after a place word (in capitals, one that text never writes in lowercase: "FROM DULUTH";
    not "IN NORMAL SINUS RHYTHM")."""
    found = []
    for m in _CAPITAL_RUN.finditer(text):
        words = list(_WORD.finditer(m.group()))
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):  # the longest city name starting at word i
                s, e = m.start() + words[i].start(), m.start() + words[j - 1].end()
                name = text[s:e]
                if _listed_town(name) and (j - i > 1 or _known_city(text, s, e) or (
                        _PLACE_CUE.search(text, max(0, s - 20), s) or _closes_address(text, s, e))
                        and not (name.isupper() and name.lower() in lowercase_forms())) \
                        and (is_name_word(last := name.split()[-1]) or j - i > 1 and _TOWN_KIND_END.fullmatch(last)):
                    found.append((s, e))
                    i = j - 1
                    break
            i += 1
    return found


_TOWN_KIND_END = regex.compile(r"City|CITY|Town|TOWN")  # a listed town's last word that is no name's: "King City"


def _closes_address(text: str, start: int, end: int) -> bool:
    """Whether a listed town of one word closes a line or a cell after a comma, as a letterhead's or an address's last part
    does ("Genetic Clinic, SGPGI, Lucknow     Reg 2024-GEN-06612"; no person's name, "Dr K. Shah, Florence", nor a state:
    "FRANKLIN COUNTY, OHIO")."""
    low = text[start:end].lower()
    return bool(_BEFORE_COMMA.search(text, max(0, start - 3), start) and _CELL_END.match(text, end)) \
        and not is_listed_name(low) and low not in lowercase_words() and not _above_town(text[start:end])


_BEFORE_COMMA = regex.compile(r",[ \t]*$")
_CELL_END = regex.compile(r"[ \t]*(?:$|\n|[ \t]{2}|\t|\||\)|[ \t][—–][ \t])|\.?[ \t]*(?:$|\n)")


# A town in lowercase after a place word, in text written without capitals: "we're in racine now", "out past chinle"
_LOWERCASE_PLACE = regex.compile(r"\b(?:in|from|near|past|outside|to|at)[ \t]+(?P<phi>\p{Ll}[\p{Ll}'’.-]+(?:[ \t]+\p{Ll}[\p{Ll}'’.-]+)?)")


def find_lowercase_cities(text: str) -> list[tuple[int, int]]:
    """Spans of the gazetteer's cities in lowercase after a place word, in text written without capitals or on a line
    of speech so written (:func:`names.lowercase_lines`, twenty characters or more; not "in bed", "to eat": the city is
    no English word); anywhere, a listed city that is no English word, name or clinical word, after a place word but
    "to" and "at" ("house in hamtramck", "staying out in millbrook"; not "from regina", "Santyl to slough")."""
    if is_lowercase_text(text):
        return _lowercase_cities(text, 0, len(text))
    found = [span for start, end in lowercase_lines(text) if end - start >= 20
             for span in _lowercase_cities(text, start, end)]
    for m in _LOWERCASE_PLACE.finditer(text, overlapped=True):
        word = m.group("phi").split()[0].rstrip(".'’-")
        if not m.group().startswith(("to", "at")) and word in cities() and word not in english_words() \
                and word not in lowercase_words() and not is_listed_name(word) \
                and not clinical_spans(word):
            found.append((m.start("phi"), m.start("phi") + len(word)))
    return found


def _lowercase_cities(text: str, start: int, end: int) -> list[tuple[int, int]]:
    found = []
    for m in _LOWERCASE_PLACE.finditer(text, start, end, overlapped=True):
        words = m.group("phi").split()
        for n in (2, 1):  # "west haven", then "racine"
            name = " ".join(words[:n])
            if len(words) >= n and name in towns() and not (n == 1 and name in english_words() and (
                    name in lowercase_forms() or is_listed_name(name))):
                found.append((m.start("phi"), m.start("phi") + len(name)))
                break
    return found


def _linear_context_enhancer():
    """Presidio's context enhancer (context words near a match raise its score) in linear time: it finds
    the token of a match by bisection (Presidio's own scans every token of the text for every match,
    which made a 1 MB note take minutes) and copies only the results of recognizers that have context
    words (Presidio deep-copies them all)."""
    from presidio_analyzer import RecognizerResult
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    class LinearContextEnhancer(LemmaContextAwareEnhancer):
        _tokens, _ends = None, []

        def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
            with_context = {r.id for r in recognizers if r.context}
            key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
            mine = [r for r in raw_results if (r.recognition_metadata or {}).get(key) in with_context]
            rest = [r for r in raw_results if (r.recognition_metadata or {}).get(key) not in with_context]
            return super().enhance_using_context(text, mine, nlp_artifacts, recognizers, context) + rest

        def _find_index_of_match_token(self, word, start, tokens, tokens_indices):
            if tokens is not self._tokens:  # token end offsets, once per text (spaCy's arrays: no Token objects)
                from spacy.attrs import IDX, LENGTH

                self._tokens, self._ends = tokens, tokens.to_array([IDX, LENGTH]).sum(1).tolist()
            index = bisect_right(self._ends, start)  # the first token that ends after the match starts
            if index == len(self._ends):
                raise ValueError(f"Did not find word '{word}' in the list of tokens although it is expected to be found")
            return index

    return LinearContextEnhancer()


def _analyzer_engine(**kwargs):
    """Presidio's analyzer with its per-recognizer context step in one pass over the results: Presidio filters every
    result of a text twice for each recognizer (quadratic: 5% of a 1 MB note's time) to hand each its own results, which
    no recognizer here changes (none overrides ``enhance_using_context``); the same results in the same order."""
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult

    class GroupedAnalyzerEngine(AnalyzerEngine):
        def _enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
            key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
            by_recognizer: dict[str, list] = {}
            for result in raw_results:
                by_recognizer.setdefault(result.recognition_metadata[key], []).append(result)
            results = []
            for recognizer in recognizers:
                own = by_recognizer.get(recognizer.id, [])
                if type(recognizer).enhance_using_context is not EntityRecognizer.enhance_using_context:
                    others = [r for r in raw_results if r.recognition_metadata[key] != recognizer.id]
                    own = recognizer.enhance_using_context(text=text, raw_recognizer_results=own,
                                                           other_raw_recognizer_results=others,
                                                           nlp_artifacts=nlp_artifacts, context=context)
                results.extend(own)
            return self.context_aware_enhancer.enhance_using_context(text=text, raw_results=results,
                                                                     nlp_artifacts=nlp_artifacts,
                                                                     recognizers=recognizers, context=context)

    return GroupedAnalyzerEngine(**kwargs)


# Where Presidio's URL, e-mail and phone recognizers can match: a whitespace-free run holding a dot before two
# letters, after two letters or digits (a domain of one letter is a credential's or a protein change's: "R.Ph", "p.Ser1982fs";
# a web address with its scheme is found by WRITTEN_URL_PATTERNS); one holding an @; seven or more digits with separators
# (20 characters around it keep phonenumbers' view of the neighbouring characters).
_URL_CANDIDATE = re.compile(r"(?<!\S)\S*?[A-Za-z0-9-]{2}\.[A-Za-z]{2}\S*")
_EMAIL_CANDIDATE = re.compile(r"(?<!\S)[^\s@]*@\S*")
_PHONE_CANDIDATE = re.compile(r"\d(?:[\s().\-/+]{0,3}\d){6,}")
_ACROSS_COLUMNS = re.compile(r"[ ]{2}|[\t\n]")


def _on_candidates(recognizer_class, candidate: re.Pattern, context: int, **kwargs):
    """A Presidio recognizer run only on the parts of a text where it can match (``candidate`` plus
    ``context`` characters each side): the same results, without running its patterns over every
    character of a long note (Presidio's URL regex has 500 alternatives; phonenumbers tries every digit). None spans a
    table's columns or lines: phonenumbers reads a flowsheet's row as a number ("1600   90   80   98    0")."""

    class CandidateRecognizer(recognizer_class):
        def analyze(self, text, entities, nlp_artifacts=None, **options):
            parts: list[list[int]] = []
            for m in candidate.finditer(text):
                start, end = max(0, m.start() - context), min(len(text), m.end() + context)
                if parts and start <= parts[-1][1]:
                    parts[-1][1] = max(parts[-1][1], end)
                else:
                    parts.append([start, end])
            results = []
            for start, end in parts:
                for r in super().analyze(text[start:end], entities, None, **options):
                    r.start, r.end = r.start + start, r.end + start
                    if not _ACROSS_COLUMNS.search(text, r.start, r.end):
                        results.append(r)
            return results

    return CandidateRecognizer(**kwargs)


def _presidio_recognizers() -> list:
    """The Presidio pattern recognizers that apply to US clinical notes."""
    from presidio_analyzer.predefined_recognizers import (CreditCardRecognizer, DateRecognizer, EmailRecognizer,
                                                          IbanRecognizer, IpRecognizer, MedicalLicenseRecognizer,
                                                          PhoneRecognizer, UrlRecognizer, UsMbiRecognizer,
                                                          UsSsnRecognizer)

    return [CreditCardRecognizer(), IbanRecognizer(), _on_candidates(EmailRecognizer, _EMAIL_CANDIDATE, 0), _on_candidates(PhoneRecognizer, _PHONE_CANDIDATE, 20, supported_regions=("US",)),
            _on_candidates(UrlRecognizer, _URL_CANDIDATE, 0), IpRecognizer(),
            UsSsnRecognizer(), DateRecognizer(), MedicalLicenseRecognizer(), UsMbiRecognizer()]


# A word, a punctuation mark, or a run of whitespace that is more than the one space after a token.
_TOKEN_PIECE = regex.compile(r"(\w+|[^\w\s])( ?)|(\s+)")


class _WordTokenizer:
    """Words and single punctuation marks, as a spaCy ``Doc`` whose text is the input's: all that Presidio's context
    words are matched against, in a fifth of the time of spaCy's English rules (prefixes, suffixes, infixes and
    exceptions), which took a tenth of a long note's time."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        words, spaces = [], []
        for m in _TOKEN_PIECE.finditer(text):
            if m.group(3) is None:
                words.append(m.group(1))
                spaces.append(bool(m.group(2)))
            else:
                words.append(m.group(3))
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)


def _blank_english():
    """A blank English pipeline with a word tokenizer and lowercase words as lemmas, which Presidio's context words
    are matched against (no trained pipeline is needed, so nothing is downloaded)."""
    import spacy
    from spacy.attrs import LEMMA, LOWER
    from spacy.language import Language

    if "clinsum_lower_lemma" not in Language.factories:
        @Language.component("clinsum_lower_lemma")
        def lower_lemma(doc):
            doc.from_array([LEMMA], doc.to_array([LOWER]))  # in spaCy's arrays: no Token object per word
            return doc
    nlp = spacy.blank("en")
    nlp.tokenizer = _WordTokenizer(nlp.vocab)
    nlp.add_pipe("clinsum_lower_lemma")
    return nlp


def _array_nlp_engine(models: list[dict]):
    """Presidio's spaCy engine, its artifacts built in linear time: offsets and lemmas read from spaCy's arrays
    (Presidio's own makes a Python object per word, twice), and the context keywords a set, each distinct word
    judged once (Presidio's list is searched from its start for every word near every match)."""
    from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
    from spacy.attrs import IDX, LEMMA

    class ArrayNlpEngine(SpacyNlpEngine):
        def _doc_to_nlp_artifact(self, doc, language):
            strings = doc.vocab.strings
            lemmas = [strings[h] for h in doc.to_array(LEMMA).tolist()]
            entities, scores = self._get_updated_entities(self._get_entities(doc),
                                                          self._get_scores_for_entities(doc))
            artifacts = NlpArtifacts(entities=entities, tokens=doc, tokens_indices=doc.to_array(IDX).tolist(),
                                     lemmas=lemmas, nlp_engine=None, language=language, scores=scores)  # None: no list of keywords
            artifacts.nlp_engine = self
            artifacts.keywords = {part for word in set(lemmas)
                                  for part in NlpArtifacts.set_keywords(self, [word], language)}
            return artifacts

    return ArrayNlpEngine(models=models)


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
    installed spaCy pipeline (e.g. ``en_core_web_sm``) whose PERSON and place entities are added;
    ``keep`` names identifier types to leave in the text (e.g. ``INSTITUTION``).
    """

    def __init__(self, clinical: bool = True, spacy_model: str | None = None, keep: tuple[str, ...] = (),
                 workers: int = 1):
        unknown = [t for t in keep if t not in PHI_TYPES]
        if unknown:
            raise ValueError(f"unknown identifier type {unknown[0]!r}; choose from {', '.join(PHI_TYPES)}")
        self.keep = frozenset(keep)
        from presidio_analyzer import RecognizerRegistry

        engine = _array_nlp_engine([{"lang_code": "en", "model_name": spacy_model or "blank"}])
        engine.nlp = {"en": _load_spacy(spacy_model) if spacy_model else _blank_english()}
        recognizers = _presidio_recognizers() + (_ClinicalRecognizers.build() if clinical else [])
        if spacy_model:
            from presidio_analyzer.predefined_recognizers import SpacyRecognizer

            recognizers.append(SpacyRecognizer(supported_entities=["PERSON", "LOCATION"]))
        registry = RecognizerRegistry(supported_languages=["en"])
        for recognizer in recognizers:
            registry.add_recognizer(recognizer)
        self.analyzer = _analyzer_engine(registry=registry, nlp_engine=engine, supported_languages=["en"],
                                         context_aware_enhancer=_linear_context_enhancer())
        self.window_chars, self.window_overlap = WINDOW_CHARS, WINDOW_OVERLAP
        if workers < 1:
            raise ValueError(f"workers must be 1 or more, got {workers}")
        if workers > 1 and "fork" not in multiprocessing.get_all_start_methods():
            raise ValueError("workers > 1 needs processes started by fork (Linux, macOS); use workers=1 here")
        self.workers, self._pool = workers, None

    def find(self, text: str) -> list[PhiSpan]:
        """Identifiers in ``text``, overlapping spans merged (the longer one's type wins)."""
        return self.find_many([text])[0]

    def find_many(self, texts: list[str], progress: bool = False) -> list[list[PhiSpan]]:
        """:meth:`find` of each text; with ``workers`` > 1 their windows are read by that many processes.

        A long text is read in windows of :data:`WINDOW_CHARS` with :data:`WINDOW_OVERLAP` characters
        of context on each side; a window keeps the spans that start in its own part, so every span is
        found with the same context as in one pass, time grows linearly, spaCy's length limit
        (1,000,000 characters) is never reached, and windows can be read in parallel. Other mentions of
        a found name are then looked for in the whole text.
        """
        parts = [windows(text, self.window_chars, self.window_overlap) if text.strip() else [] for text in texts]
        jobs = [text[start:end] for text, text_parts in zip(texts, parts) for start, _, _, end in text_parts]
        bar = tqdm(total=sum(map(len, jobs)), desc="find PHI", unit="char", unit_scale=True,
                   disable=not progress or len(jobs) < 2)
        read = iter(self._read_windows(jobs, bar))
        found = [self._whole_text(text, text_parts, [next(read) for _ in text_parts]) if text_parts else []
                 for text, text_parts in zip(texts, parts)]
        bar.close()
        return found

    def _read_windows(self, jobs: list[str], bar):
        """``(spans, clinical spans or None)`` of each window, in order, read here or by the worker processes."""
        if self.workers == 1 or len(jobs) < 2:
            for window in jobs:
                result = self._read_window(window)
                bar.update(len(window))  # before the yield: the last window's result ends the caller's reading
                yield result
            return
        from concurrent.futures.process import BrokenProcessPool

        chunk = max(1, len(jobs) // (8 * self.workers))
        try:
            for window, result in zip(jobs, self._worker_pool().map(_read_window_in_worker, jobs, chunksize=chunk)):
                bar.update(len(window))
                yield result
        except BrokenProcessPool:
            self.close()
            raise RuntimeError(f"a PHI worker process stopped before its texts were read (out of memory?); nothing "
                               f"was written: rerun with fewer workers than {self.workers}") from None

    def _worker_pool(self):
        """Processes forked from this one once its lists and models are loaded (none is read twice)."""
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self.warm_up()
            self._pool = ProcessPoolExecutor(self.workers, multiprocessing.get_context("fork"),
                                             initializer=_adopt_detector, initargs=(self,))
        return self._pool

    def warm_up(self) -> None:
        """Load the word lists, indexes and models that the first text would otherwise wait for."""
        self._read_window("Seen by Dr. Adams at Mercy Hospital in Springfield on May 3, 2021.")

    def close(self) -> None:
        """Stop the worker processes (a later parallel call starts new ones)."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def _read_window(self, window: str) -> tuple[list[PhiSpan], tuple | None]:
        """The spans of one window that the allow-list keeps, and the clinical spans it judged them by (None
        where it had no name or place to judge)."""
        found = self._analyze(with_ocr_repairs(without_fillers(without_label_commands(window))))
        clinical = clinical_spans(window) if any(s.type in ("NAME", "LOCATION") for s in found) else None
        return _allowed_removed(window, found, clinical or ()), clinical

    def _whole_text(self, text: str, parts: list[tuple[int, int, int, int]],
                    read: list[tuple[list[PhiSpan], tuple | None]]) -> list[PhiSpan]:
        """The spans of ``text`` from its windows' spans, with what needs the whole text: ages, streets and towns
        after what was found, and the other mentions of the record numbers and names found."""
        spans, clinical = [], {}
        for i, ((start, own_start, own_end, _), (found, window_clinical)) in enumerate(zip(parts, read)):
            if window_clinical is not None:
                clinical[i] = window_clinical
            spans += _shifted(found, start, own_start, own_end)
        names = [(s.start, s.end) for s in spans if s.type == "NAME"]
        spans += [PhiSpan(s, e, "ID", 0.9) for s, e in ids_mentioned_again(text, [(s.start, s.end) for s in spans
                                                                               if s.type == "ID"])]
        spans += [PhiSpan(s, e, "AGE", 0.85) for s, e in ages_after_names(text, names)]
        ages = [(s.start, s.end) for s in spans if s.type == "AGE"]
        spans += [PhiSpan(s, e, "AGE", 0.85) for s, e in ages_after_ages(text, ages)]
        dates = [(s.start, s.end) for s in spans if s.type == "DATE"]
        spans += [PhiSpan(s, e, "DATE", 0.85) for s, e in days_before_dates(text, dates)]
        sites = [(s.start, s.end) for s in spans if s.type == "INSTITUTION"]
        spans += [PhiSpan(s, e, "ADDRESS", 0.85) for s, e in streets_after_sites(text, sites)]
        places = [(s.start, s.end) for s in spans if s.type == "LOCATION"]
        spans += [PhiSpan(s, e, "LOCATION", 0.6) for s, e in towns_after_sites(text, sites, places)]
        streets = [(s.start, s.end) for s in spans if s.type == "ADDRESS"]
        spans += [PhiSpan(s, e, "LOCATION", 0.6) for s, e in towns_after_streets(text, streets)]
        towns = [(s.start, s.end) for s in spans if s.type == "LOCATION"]
        spans += [PhiSpan(s, e, "ZIP", 0.85) for s, e in zips_after_towns(text, towns, streets)]
        codes = [(s.start, s.end) for s in spans if s.type == "ZIP"]
        spans += [PhiSpan(s, e, kind, 0.6) for s, e, kind in address_parts(text, codes)]
        spans += [PhiSpan(s, e, kind, 0.6) for s, e, kind in labelled_address_parts(text)]
        spans += [PhiSpan(s, e, "NAME", NAME_SCORE) for s, e in keyed_initials(text)]  # (the key overrules the allow-list)
        spans += [PhiSpan(s, e, "NAME", NAME_SCORE) for s, e in names_in_other_scripts(text, names)]
        spans += [PhiSpan(s, e, "NAME", NAME_SCORE) for s, e in names_split_at_line_ends(text, names)]
        # (a word a spelling names, a nickname beside a name: names found, their other mentions too)
        spelled = spelled_names(text, names) + nicknames_beside_names(text, names)
        # (each grown by the name words beside it: "chinedu okafor" of "okafor", found as "mr. okafor" before)
        mentions = with_companions(text, spelled + other_mentions(text, names + spelled))
        mentions = sorted(mentions + initials_of_names(text, names))
        mention_starts = [s for s, _ in mentions]
        for i, (start, own_start, own_end, end) in enumerate(parts):  # the allow-list judges each mention too
            own = mentions[bisect_left(mention_starts, own_start): bisect_left(mention_starts, own_end)]
            mine = [PhiSpan(s - start, e - start, "NAME", NAME_SCORE) for s, e in own]
            if mine:
                window = text[start:end]
                if i not in clinical:
                    clinical[i] = clinical_spans(window)
                # (a record's fields were read in the window's own pass: its names are found, not mentions)
                spans += _shifted(_allowed_removed(window, mine, clinical[i], records=False), start, own_start, own_end)
        merged = _merge(spans)
        return [s for s in _merge(merged + _bridges(text, merged)) if s.type not in self.keep]

    def _analyze(self, text: str) -> list[PhiSpan]:
        if not text.strip():
            return []
        results = self.analyzer.analyze(text, language="en", score_threshold=MIN_SCORE)
        # a name that only the tagger finds gives way to any other reading of its words ("pill bottles from Osco")
        others = _overlap_finder(tuple((r.start, r.end) for r in results if r.entity_type != UNCUED_NAME))
        return [PhiSpan(r.start, r.end, _PRESIDIO_TYPES.get(r.entity_type, r.entity_type), r.score) for r in results
                if r.entity_type != UNCUED_NAME or not others(r.start, r.end)]


# The detector a worker process reads windows with: its parent's, inherited when the process was forked.
_worker_detector: PhiDetector | None = None


def _adopt_detector(detector: PhiDetector) -> None:
    global _worker_detector
    _worker_detector = detector


def _read_window_in_worker(window: str) -> tuple[list[PhiSpan], tuple | None]:
    return _worker_detector._read_window(window)


# Spoken hesitations and a word said twice ("patient name is uh moishe stein", "husband wade wade yellowhorse"; not a
# number read out: "four four seven") stand between a cue and what it cues, so the recognizers read the text with them
# blanked out (spaces of the same length keep every offset); not a unit after a number ("52mm,", "47 mm": a CSV cell's
# comma stays).
_FILLER = regex.compile(r"(?<![\p{L}'’-])(?:(?<![\d.][ \t]?)(?P<filler>uh+|u+m+|uhm|erm|er|hmm+|mm+|mhm|ah)(?![\p{L}'’-])[ \t]*,?"
                        rf"|(?!{NUMBER_WORD}\b)(?P<word>\p{{Ll}}{{2,}})(?P<again>[ \t]*,?[ \t]+(?P=word))(?![\p{{L}}'’-]))")


def without_fillers(text: str) -> str:
    """``text`` with its spoken fillers and the second of a word said twice replaced by spaces."""
    return _FILLER.sub(lambda m: " " * len(m.group()) if m.group("filler") else m.group("word") + " " * len(m.group("again")),
                       text)


# What a scanner's character recognition reads wrong, read back as its neighbours say (one character for one: every offset
# stays): a letter O or l inside a date or a number's groups ("O3/14/2024", "09-0l-2024", "21/1O/2021"), a 1 inside or at
# the end of a lowercase word ("Hami1ton", "Genera1 Hospital"; not "HbA1c"), a 0 before capitals ("TRI-C0UNTY"); not a
# Roman month of capital I's ("2.III.1962").
_OCR_NUMBER = regex.compile(r"(?<![\p{L}\d])(?=(?:[^\d\s]*\d){3})[\dOIl]{1,4}(?:[/.-][\dOIl]{1,4}){1,2}(?![\p{L}\d])")
_ROMAN_ONES = regex.compile(r"[/.-]I{1,3}[/.-]")
_OCR_DIGIT_AS_LETTER = regex.compile(r"(?<=\p{L}\p{Ll})1(?=\p{Ll})|(?<=\p{Ll}{4})1(?![\p{L}\d])|(?<=\p{Lu})0(?=\p{Lu}{2})")
_LOOK_ALIKE_DIGITS = str.maketrans("OIl", "011")


def with_ocr_repairs(text: str) -> str:
    """``text`` with the look-alike characters of scanned text read back (:data:`_OCR_NUMBER`,
    :data:`_OCR_DIGIT_AS_LETTER`), so that a date, a name or a site that recognition broke is found where it stands."""
    text = _OCR_NUMBER.sub(lambda m: m.group() if _ROMAN_ONES.search(m.group()) else m.group().translate(_LOOK_ALIKE_DIGITS),
                           text)
    return _OCR_DIGIT_AS_LETTER.sub(lambda m: "l" if m.group() == "1" else "O", text)


# A label printer's commands (ZPL: "^FO20,15^A0N,30,30^FDDUPONT-MOREAU Hélène^FS") around the text it prints: read with
# the commands blanked out, a field's data stands alone; only in text that starts a label ("^XA").
_LABEL_COMMAND = regex.compile(r"\^F[DS]|\^(?!F[DS])[A-Z][A-Z\d@][^^\n]*")


def without_label_commands(text: str) -> str:
    """``text`` with the commands of the printer labels in it replaced by spaces (:data:`_LABEL_COMMAND`)."""
    return _LABEL_COMMAND.sub(lambda m: " " * len(m.group()), text) if "^XA" in text else text


def _shifted(spans: list[PhiSpan], offset: int, own_start: int, own_end: int) -> list[PhiSpan]:
    """Spans of a window moved to the whole text's offsets, those that start in the window's own part."""
    return [PhiSpan(s.start + offset, s.end + offset, s.type, s.score) for s in spans
            if own_start <= s.start + offset < own_end]


# Windows of a long text: the analyzer's time grows faster than the length of what it reads (Presidio's
# context enhancer), so a long text is read in pieces of this many characters plus context on each side. Measured on
# the 1 MB note of benchmarks/phi_quality.py (best of three): 9.9 s with windows of 10,000 characters, 9.2 s with
# 20,000, 8.7 s with 40,000, 8.9 s with 80,000; the spans are the same.
WINDOW_CHARS = 40_000
WINDOW_OVERLAP = 500
NAME_SCORE = 0.85


def windows(text: str, size: int = WINDOW_CHARS, overlap: int = WINDOW_OVERLAP) -> list[tuple[int, int, int, int]]:
    """``(start, own_start, own_end, end)`` of each window: it reads ``text[start:end]`` and keeps what
    starts in ``[own_start, own_end)``; the own parts tile the text. Window edges fall on whitespace
    where there is some nearby, so no word is cut."""
    if len(text) <= size + 2 * overlap:
        return [(0, 0, len(text), len(text))]
    out = []
    for own_start in range(0, len(text), size):
        own_end = min(len(text), own_start + size)
        start, end = max(0, own_start - overlap), min(len(text), own_end + overlap)
        if start:
            space = max(text.rfind(" ", max(0, start - 100), start), text.rfind("\n", max(0, start - 100), start))
            start = space + 1 if space >= 0 else start
        if end < len(text):
            space = max(text.find(" ", end, end + 100), text.find("\n", end, end + 100))
            end = space if space >= 0 else end
        out.append((start, own_start, own_end, end))
    return out


def _allowed_removed(text: str, spans: list[PhiSpan], clinical: tuple[tuple[int, int], ...],
                     records: bool = True) -> list[PhiSpan]:
    """Drop names and places that overlap ``clinical`` spans or are common or clinical words (but a patient's cell of a
    table, :func:`patient_cells`), dates that are doses, ratios or readings, and (``records``) what lies in a record's
    field that holds no identifier."""
    kept, overlaps_clinical = [], _overlap_finder(clinical)
    inside_no_identifier = _container_finder(tuple(sorted(
        hl7_fields(text)["NONE"] + x12_elements(text)["NONE"] + record_fields(text)["NONE"])) if records else ())
    cells = set(patient_cells(text)) if any(s.type == "NAME" and "," in text[s.start:s.end] for s in spans) else set()
    if any(s.type == "NAME" for s in spans):  # a form's field for a name, a chat's speaker ("will: 5."), a record's
        cells |= names_by_layout(text)
        if records:
            cells |= set(record_fields(text)["NAME"]) | set(x12_elements(text)["NAME"])
    inside_label = _container_finder(tuple(sorted(translated_labels(text))))
    for span in spans:
        value = text[span.start: span.end]
        if inside_no_identifier(span.start, span.end) or value.lower() in EMPTY_VALUES:
            continue  # a record's field that holds no identifier (a message's control ID, a drug's code), an empty one
        if span.type in ("NAME", "LOCATION", "INSTITUTION") and inside_label(span.start, span.end):
            continue  # a label's other language: "Lebitso / Name:", "DOB / Seinen-gappi:"
        if span.type == "NAME" and in_form_label(text, span.start, span.end):
            continue  # a form's label: "Jina la mtoto:", "Wilaya: Temeke     Simu: 0754 318 902" (not "Plunket nurse:")
        if (span.start, span.end) in cells:  # a patient's column: "PARKINSON, DELIA" is a person
            kept.append(span)
            continue
        if span.type == "NAME" and (
                overlaps_clinical(span.start, span.end) and not _clinical_inside(span, value, overlaps_clinical)
                or all(not is_name_word(w) and not is_word_first_name(w) for w in re.findall(r"[\w'’-]+", value))) \
                and not (not _EPONYM_NOUN.match(text, span.end) and (
                    is_eponym_surname(value) and _after_title(text, span.start) or _given_and_eponym(value)
                    and not overlaps_clinical(span.start, span.start + len(value.split()[0])))):
            continue  # (but a surname after a title, or after a given name: "Dr. Parkinson (hospitalist)", "Gareth
            # McKeown BDS"; not "Dr. Foley catheter", "Parkinson disease")
        if span.type == "LOCATION" and (_STATE.fullmatch(value) or value.lower() in provinces()) or span.type == "NAME" and (
                _AFTER_COMMA_STATE.search(value) and value.split(",")[0].strip().lower() in cities()
                or " " in value and _STATE.fullmatch(value)
                or _in_state_name(text, span)):
            continue  # "Springfield, West Virginia" is a city and a state; "West" there is no name
        # "Golden Pond Inn", "Alaska Airlines": a business or a site, not a person ("Sarah Mills", "Anna Church" are)
        if span.type == "NAME" and len(words := value.split()) > 1 \
                and (TRADE_WORD.fullmatch(words[-1]) or _FACILITY_WORD.fullmatch(words[-1])) \
                and words[-1].lower() not in last_names() and not (len(words) == 2 and words[0].lower() in first_names()):
            span = PhiSpan(span.start, span.end, "INSTITUTION", span.score)
        if span.type == "NAME" and value.lower() in _FIELD_WORDS and _VALUE_AFTER.match(text, span.end) \
                and not _after_title(text, span.start):
            continue  # "RE: Ward 9 outliers", "Ward: C14", "Lang: Czech", "Lang 21": a ward, a field (but "Dr Ward 2 days")
        if span.type == "NAME" and _PET_BEFORE.search(text, max(0, span.start - 40), span.start):
            continue  # "feeding the dogs (Rusty and Duke)", "Dog Chuy very protective": pets are no persons
        if span.type == "NAME" and _SAINT_BEFORE.search(text, max(0, span.start - 8), span.start):
            continue  # "St. John's wort", "St. Patrick's Day"; a saint's hospital is found as a site ("St. Mary's")
        if span.type == "NAME" and (" " not in value or "," in value) and (
                _EPONYM_NOUN.match(text, span.end) or value[:1].isupper() and _EPONYM_RESULT.match(text, span.end)) \
                and not _after_title(text, span.start):
            continue  # "Wagner grade 2", "1st MTPJ, Wagner grade 2", "Blake drains", "Tinel +ve": an eponym (but "Dr.
            # Blake's incision")
        if span.type == "DATE" and _not_a_date(text, span):
            continue
        if span.type == "URL" and _not_an_address(text, span):
            continue
        if span.type == "INSTITUTION" and _STORE_NUMBER.sub("", value) not in _care_brand_set():  # "Mass General" is one
            # as it is
            if (m := _FIRST_VERB.match(value)) and m.group(1).lower() in lowercase_words() \
                    and _opens_sentence(text, span.start) \
                    or (m := _LAST_PREPOSITION.search(value)):  # "Graduated High School", "FOLLOW UP AT MERCY CLINIC"
                span = PhiSpan(span.start + m.end(), span.end, span.type, span.score)
                value = text[span.start: span.end]
            # "HX CHF ST JOSEPH MEDICAL CENTER": the site starts after the last clinical word in it (not its kind's:
            # "MAPLECREST MANOR NURSING & REHABILITATION")
            if value.isupper() and (inside := [(s, e) for s, e in clinical_spans(value) if not any(
                    k.start() <= s and e <= k.end() for k in _FACILITY_ANY_CASE.finditer(value))]):
                cut = max(e for _, e in inside)
                cut += len(value[cut:]) - len(value[cut:].lstrip())
                span = PhiSpan(span.start + cut, span.end, span.type, span.score)
                value = text[span.start: span.end]
            words = re.findall(r"[\w'’&-]+", value)
            if all(w.lower() in department_words() or not is_name_word(w) for w in words) \
                    and not _PROPER_SITE.match(value) and not (
                        len(words) > 1 and words[0].lower() in languages() and words[0][:1].isupper()
                        and all(w.lower() in department_words() for w in words[1:])
                        and words[-1].lower() in _SITE_CLOSERS | {"center", "centre"}):
                continue  # "the Cardiology Clinic", "Urgent Care", "High School": a kind of place, not a place (but
                # :data:`_PROPER_SITE`, and a people's name before the kind: "Swedish Medical Center", "Hebrew
                # Rehabilitation Center")
            if value.isupper() and len(words := regex.findall(r"\p{L}+", value)) > 1 \
                    and words[-1].lower() not in _SITE_CLOSERS \
                    and all(w.lower() in lowercase_words() and (not is_listed_name(w) or w.lower() in _KIND_SURNAMES)
                            for w in words):
                continue  # a heading in capitals of words text writes in lowercase: "NON-EMERGENCY AMBULANCE
                # REQUEST", "ADULT CARDIAC ARREST WARD", "REFERENCE LABORATORY" (not "COLONIAL HOSPITAL", "CEDAR CREST
                # ... NURSING")
            if value.lower() in countries() or _STATE.fullmatch(value):
                continue  # "treated for malaria in Brazil", "from Kentucky": Safe Harbor keeps states and countries
        if span.type == "LOCATION" and not (_DIVISION.search(value) and not _FUNCTION_WORDS.fullmatch(value)) and (
                overlaps_clinical(span.start, span.end) or value.lower() in countries() or all(
                not is_name_word(w) or w.lower() in department_words() for w in re.findall(r"[\w'’-]+", value))):
            continue  # "near Right knee", "outside of Work hours", "in SNF", "back in Haiti" (Safe Harbor keeps countries)
        if span.type == "NAME" and ((low := value.lower()) in countries() or len(low) > 3 and low in provinces()) \
                and not is_listed_name(low):
            continue  # "Samtse, Bhutan", "Petaling Jaya, Selangor" (not "Jordan", "Kenya", "Victoria": names too; nor
            # initials that abbreviate a province: "call MB (ICU fellow)")
        kept.append(span)
    return kept


# Sites named by words that a department's list holds too: "Royal University Hospital", "Temple University Hospital"
_PROPER_SITE = regex.compile(r"(?i:royal(?:[ \t]+\S+)+[ \t]+(?:hospital|infirmary)|\S+[ \t]+university[ \t]+hospital)$")
# A site's kind that is a surname too, no name in a heading in capitals ("SCHOOL HEALTH SERVICE")
_KIND_SURNAMES = frozenset("service services".split())
# A site's kind closing a span in capitals: a site's name, not a heading ("COLONIAL HOSPITAL")
_SITE_CLOSERS = frozenset("hospital infirmary nursing clinic surgery practice".split())
# Words that are surnames too but, before a number or a colon, a ward or a form's field (a language, a test's language
# subscore)
_FIELD_WORDS = frozenset("ward bay pod wing lang".split())
_VALUE_AFTER = regex.compile(r"[ \t]*(?::|\p{Lu}?\d)")
_DIVISION = regex.compile(r"[ \t](?:County|Township|Borough|Parish|COUNTY|TOWNSHIP)$")  # "Cherokee County" is a place
_FUNCTION_WORDS = regex.compile(r"(?i:(?:and|for|the|of|in|a|an|to)[ \t]+)+\S+")  # ("IN AND FOR THE COUNTY" is none)
_SAINT_BEFORE = regex.compile(r"\b(?:St|Saint)\.?[ \t]+$")
_PET_BEFORE = regex.compile(r"\b(?i:dogs?|cats?|pupp(?:y|ies)|kittens?|pets?|horses?)(?:[ \t]+(?i:named|called))?[ \t]*[(:,]?[ \t]*"
                            r"(?:\p{Lu}\p{Ll}+(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+))?$")
# What follows an eponym: a surname before it names a score, sign, device or procedure, not a person.
_EPONYM_NOUN = regex.compile(r"""(?:['’]s)?[ \t]+(?i:grade|score|scale|class|classification|criteria|stage|staging|sign
    |test|maneuvers?|manoeuvres?|incision|drains?|catheter|tube|balance|fracture|syndrome|disease|reflex|procedure|repair
    |operation|forceps|retractor|clamp|needle|blade|stent|shunt|valve|splint|collar|hugger|nipple|protocol|lift|chair
    |frame|stain|index|ADLs?|CFS|level|device|competen(?:t|ce|cy)|guidelines?|\w*arthroplasty|prosthesis|ESR|method
    |technique|approach|position|positive|negative|pos|neg|regimen|forms?|questionnaires?|type|biplane|curve|law
    |mechanism|equation|formula|effect|phenomenon|reaction|triad)\b""", regex.VERBOSE)
# a test's result after an eponym: "Tinel -ve", "Murphy's +ve" (not a bare "+": "wife Mele + 3 kids")
_EPONYM_RESULT = regex.compile(r"(?:['’]s)?[ \t]*[+-]ve(?=[ \t,;.]|$)", regex.MULTILINE)


def _given_and_eponym(value: str) -> bool:
    """A given name and a census surname that names a procedure or a sign too: "Aoife McKeown", "James Parkinson"."""
    words = value.split()
    return len(words) == 2 and words[0].lower() in first_names() and is_name_word(words[0]) \
        and words[1].lower() in last_names()


def _after_title(text: str, start: int) -> bool:
    """A title (:data:`clinsum.privacy.vocab.TITLE_BEFORE`) ends right before ``start``."""
    return bool(TITLE_BEFORE.search(text, max(0, start - 12), start))
_SAINTS_THING = regex.compile(rf"['’]s[ \t]+{SAINTS_HERB_OR_DAY}")
# A verb that opens a sentence before a site's name ("Attends Grace Baptist Church"; not "Mercy Hospital", nor a name's
# first word inside a sentence: "working at Red Desert Propane", "work at Bass Pro").
# (nor a plural that names a place, or ends a word that does: "Lakes Region Hospice", "Pines Nursing Home", "Falls
# Clinic", "Foothills Medical Centre")
_FIRST_VERB = re.compile(r"(?!(?i:[a-z]*(?:lakes|pines|oaks|meadows|falls|springs|rivers|hills|palms|shores|woods"
                         r"|heights|gardens|acres|fields|glades|willows|elms|maples|cedars|ridges|brooks|downs|sands"
                         r"|waters|groves|woodlands"
                         r"|highlands|orchards|terraces|parks|plains|valleys|links|commons|cliffs|cross|roads))\s)"
                         r"([A-Za-z]{2,}ed|[A-Za-z]{2,}[^\Ws]s)\s+(?=\S)")  # "Graduated", "Attends"; not "Red", "Bass"
# A preposition inside a site's capitalised words ends the words before the site: "FOLLOW UP AT MERCY CLINIC"; so does
# "THE" after some ("NO BROKEN BONES THE FIRE DEPARTMENT"; not "THE LIMES NURSING HOME").
# (not the article of a site's own name: "UNIVERSITY HOSPITAL OF THE WEST INDIES")
_LAST_PREPOSITION = re.compile(r"^.*(?:\b(?:AT|At|IN|In|TO|To|FROM|From)|(?<=\S[ \t])(?<!OF[ \t])(?<!FOR[ \t])THE)\s+(?=\S)")


def _opens_sentence(text: str, at: int) -> bool:
    """Only spaces stand between ``at`` and a line's start or a sentence's end (read back from ``at``, not from the
    text's start: a window holds many sites)."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] in ".!?:;\n"


def _clinical_inside(span: PhiSpan, value: str, overlaps_clinical) -> bool:
    """A name of three words or more whose first and last words are name words and no clinical words, only a word inside
    it: "María Camila de la Hoz Pérez" (Camila is a contraceptive's brand; not "PARK, NARCAN X")."""
    words = list(_WORD.finditer(value))
    return len(words) > 2 and all(len(w.group().strip(",.")) > 1 and is_name_word(w.group().strip(",."))
                                  and not overlaps_clinical(span.start + w.start(), span.start + w.end()) for w in (words[0], words[-1]))


def _overlap_finder(intervals: tuple[tuple[int, int], ...]):
    """``overlaps(start, end)``: whether any of ``intervals`` overlaps ``[start, end)``, in log time."""
    from bisect import bisect_left
    from itertools import accumulate

    ordered = sorted(intervals)
    starts, reach = [s for s, _ in ordered], list(accumulate((e for _, e in ordered), max))  # reach: furthest end so far

    def overlaps(start: int, end: int) -> bool:
        before = bisect_left(starts, end)  # intervals that start before ``end``
        return before > 0 and reach[before - 1] > start

    return overlaps


_STATE_NAME = regex.compile(rf"(?i:{STATE_NAMES})")


def _container_finder(intervals: tuple[tuple[int, int], ...]):
    """``inside(start, end)``: does one of the sorted ``intervals`` hold the whole span?"""
    starts = [s for s, _ in intervals]
    reach = list(accumulate((e for _, e in intervals), max))  # the furthest end of the intervals up to each

    def inside(start: int, end: int) -> bool:
        i = bisect_right(starts, start)
        return i > 0 and reach[i - 1] >= end

    return inside


def _in_state_name(text: str, span: PhiSpan) -> bool:
    """The span is part of a longer state name ("West" of "West Virginia"; not "Virginia" alone)."""
    start = max(0, span.start - 16)
    return any(start + m.start() <= span.start and span.end <= start + m.end() and m.end() - m.start() > span.end - span.start
               for m in _STATE_NAME.finditer(text[start: span.end + 16]))


_DOSE_AFTER = re.compile(r"\s*(?:tab|tablet|cap|capsule|pill|dose|strength|of\s+(?:a|the)|mg|ml|teaspoon|tsp|"
                         r"cup|inch|cm|mm|pain|murmur|reflex|power|vision|muscle)", re.IGNORECASE)
_READING_BEFORE = re.compile(r"(?:BP|blood\s+pressure|pressure|strength|pain|vision|acuity|score|ratio|murmur|MoCA|MMSE|SLUMS"
                             r"|PHQ-?\d{0,2}|GAD-?\d{0,2}|CAGE|AUDIT(?:-C)?|EPDS|Apgars?|Morse|Braden|NIHSS|GCS|scored?"
                             r"|VA|Snellen|GDS|AMTS?|HADS|K10|Barthel|4AT|ACE(?:-III|-R)?|pages?|pg\.?|\bp\."
                             r"|Bi-?PAP|NIPPV|NIV|IPAP/EPAP|PS/PEEP)\s*"  # (a ventilator's two pressures: "BiPAP 12/6")
                             r"(?:of|is|was|:)?\s*$", re.IGNORECASE)


def _not_a_date(text: str, span: PhiSpan) -> bool:
    """``1/2 tablet``, ``5/5 strength``, ``BP 120/80``, ``20/20 vision``, ``VA 6/18``, ``GDS 4/15``, a fax's ``P. 01/02``:
    numbers, not dates;
    ``6 may``: a verb."""
    value = text[span.start: span.end]
    if re.fullmatch(r"\d{1,2}\s+may", value):
        return True  # "pt rm 6 may need a top-up": the verb, written in lowercase
    if not re.fullmatch(r"\d{1,3}/\d{1,3}", value):
        return False
    before = _RANGE_BEFORE.search(text, max(0, span.start - 12), span.start)
    if any(m and m.group(1) == value.split("/")[1] for m in (before, _RANGE_AFTER.match(text, span.end))):
        return True  # a range of scores out of one total: "pain 1/10-3/10", "power 3/5-4/5"
    start = before.start() if before else span.start  # (a reading before the range: "pain 2/10-7/10")
    return bool(_DOSE_AFTER.match(text, span.end) or _READING_BEFORE.search(text[max(0, start - 30): start]))


# A range's other end beside a day and a month ("1/16-1/18"), its second number kept
_RANGE_AFTER = regex.compile(r"[ \t]*(?:-|–|to|thru|through|until|till)[ \t]*\d{1,2}/(\d{1,2})(?![\d/])")
_RANGE_BEFORE = regex.compile(r"(?<![\d/])\d{1,2}/(\d{1,2})[ \t]*(?:-|–|to|thru|through|until|till)[ \t]*$")


# When two recognizers read the same text differently, the more specific reading wins ("visit
# 2023-03-14" is a date, not a visit number; "Account #: 4455667788" an account, not a phone).
_SPECIFICITY = ("EMAIL", "URL", "IP", "SSN", "DATE", "AGE", "ID", "PHONE", "ADDRESS", "ZIP", "NAME", "INSTITUTION",
                "LOCATION")


# A code system's address, which names no one ("http://loinc.org", "http://hl7.org/fhir/sid/cvx"), and a file's name
_CODE_SYSTEM_URL = regex.compile(r"(?:https?://)?(?:[\w-]+\.)*(?:loinc\.org|snomed\.info|hl7\.org|unitsofmeasure\.org"
                                 r"|nlm\.nih\.gov|who\.int|fhir\.org|ihe\.net|nema\.org)(?:/\S*)?")
_FILE_NAME = regex.compile(r"[\w.-]+\.(?:py|js|ts|json|xml|csv|tsv|txt|log|pdf|docx?|xlsx?|yaml|yml|ini|cfg|sql|java|sh)")


def _not_an_address(text: str, span: PhiSpan) -> bool:
    """Is this web address a code system's, a file's name, or a part of a longer dotted word ("consult.completed",
    "c.h.his.metrics", "vigilancia_mdro.py")?"""
    value = text[span.start:span.end].strip("\"'")
    after, before = text[span.end:span.end + 1], text[span.start - 1:span.start]  # ("" at either end of the text)
    return bool(_CODE_SYSTEM_URL.fullmatch(value) or _FILE_NAME.fullmatch(value)
                or after.isalnum() or after == "_" or before.isalnum() or before in ("_", ".")
                or _DOTTED_NUMBER_LABEL.fullmatch(value) and _DOTTED_NUMBER_VALUE.match(text, span.end))


# a label of a number, the word and "nr" or "no" joined by a stop: "pat.nr 2027713", "reg.nr. N-88-VV"
_DOTTED_NUMBER_LABEL = regex.compile(r"\p{L}{1,12}\.(?i:nr|no)")
_DOTTED_NUMBER_VALUE = regex.compile(r"\.?[ \t]*:?[ \t]*[\p{L}\d-]*\d")


# What joins the parts of one name that were found apart: a site's town after a dash ("Good Samaritan Society - Fargo",
# "Nemours Audiology – Wilmington"), a nickname in quotes between a given name and a surname ('Tomás "el
# Ruso" Petrov')
_SITE_DASH = regex.compile(r"[ \t]+[-–—][ \t]+")
_NICKNAME_OPEN, _NICKNAME_CLOSE = regex.compile(r"[ \t]+[\"“]"), regex.compile(r"[\"”][ \t]+")


def _bridges(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """Spans over the punctuation between the parts of one identifier (:data:`_SITE_DASH`, :data:`_NICKNAME_OPEN`), so
    that the parts become one span of the whole's type; ``spans`` are merged and in order."""
    bridges = []
    for left, right in zip(spans, spans[1:]):
        if left.type == "INSTITUTION" and right.type == "LOCATION" \
                and _SITE_DASH.fullmatch(text, left.end, right.start) and "\n" not in text[left.start:right.end]:
            bridges.append(PhiSpan(left.start, right.end, "INSTITUTION", left.score))
    for first, nickname, last in zip(spans, spans[1:], spans[2:]):
        if first.type == nickname.type == last.type == "NAME" \
                and _NICKNAME_OPEN.fullmatch(text, first.end, nickname.start) \
                and _NICKNAME_CLOSE.fullmatch(text, nickname.end, last.start):
            bridges.append(PhiSpan(first.start, last.end, "NAME", first.score))
    return bridges


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
