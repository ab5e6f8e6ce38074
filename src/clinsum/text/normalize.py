"""Normalise clinical text so that the same fact written two ways compares equal.

"Seventy six", "76" and "seventy-six" become ``76``; "b.i.d." and "bid" become "twice daily";
"y/o" becomes "year old". Every rewrite keeps a map back to the original characters so that a fact
found in normalised text can be shown to the user as it was written.

Sentence splitting understands dialogue transcripts ("Doctor: ... Patient: ..."): each turn is split
into sentences and the speaker prefix is kept out of the sentence text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from text_to_num import text2num

# ---------------------------------------------------------------------------------------------
# Abbreviations (matched case-insensitively on word boundaries; longest first)

ABBREVIATIONS: dict[str, str] = {
    "y/o": "year old", "y.o.": "year old", "yo": "year old", "yr old": "year old", "yrs old": "years old",
    "pt": "patient", "pts": "patients", "pt.": "patient",
    "w/o": "without", "w/": "with", "c/o": "complains of", "s/p": "status post", "h/o": "history of",
    "hx": "history", "pmh": "past medical history", "dx": "diagnosis", "tx": "treatment", "sx": "symptoms",
    "rx": "prescription", "f/u": "follow up", "r/o": "rule out", "b/l": "bilateral", "bilat": "bilateral",
    "b.i.d.": "twice daily", "b.i.d": "twice daily", "bid": "twice daily",
    "t.i.d.": "three times daily", "t.i.d": "three times daily", "tid": "three times daily",
    "q.i.d.": "four times daily", "q.i.d": "four times daily", "qid": "four times daily",
    "q.d.": "daily", "q.d": "daily", "qd": "daily", "q.a.m.": "every morning", "qam": "every morning",
    "q.h.s.": "at bedtime", "qhs": "at bedtime", "q.o.d.": "every other day", "qod": "every other day",
    "p.r.n.": "as needed", "p.r.n": "as needed", "prn": "as needed",
    "p.o.": "by mouth", "po": "by mouth", "iv": "intravenous", "im": "intramuscular", "subq": "subcutaneous",
    "sq": "subcutaneous", "q4h": "every 4 hours", "q6h": "every 6 hours", "q8h": "every 8 hours",
    "q12h": "every 12 hours",
    "htn": "hypertension", "dm": "diabetes mellitus", "dm2": "diabetes mellitus", "t2dm": "diabetes mellitus",
    "copd": "chronic obstructive pulmonary disease", "cad": "coronary artery disease",
    "gerd": "gastroesophageal reflux disease", "chf": "congestive heart failure", "afib": "atrial fibrillation",
    "a-fib": "atrial fibrillation", "mi": "myocardial infarction", "cva": "stroke",
    "tia": "transient ischemic attack", "uti": "urinary tract infection", "uri": "upper respiratory infection",
    "sob": "shortness of breath", "doe": "dyspnea on exertion", "n/v": "nausea and vomiting",
    "ckd": "chronic kidney disease", "esrd": "end stage renal disease", "osa": "obstructive sleep apnea",
    "bph": "benign prostatic hyperplasia", "dvt": "deep vein thrombosis", "hld": "hyperlipidemia",
    "oa": "osteoarthritis", "djd": "degenerative joint disease", "abd": "abdominal", "ekg": "electrocardiogram",
    "ecg": "electrocardiogram", "cxr": "chest x-ray", "loc": "loss of consciousness",
    "nkda": "no known drug allergies", "nka": "no known allergies", "lle": "left lower extremity",
    "rle": "right lower extremity", "lue": "left upper extremity", "rue": "right upper extremity",
    "luq": "left upper quadrant", "ruq": "right upper quadrant", "llq": "left lower quadrant",
    "rlq": "right lower quadrant", "yrs": "years", "yr": "year", "wks": "weeks", "wk": "week", "mos": "months",
    "hrs": "hours", "mins": "minutes", "lbs": "pounds", "lb": "pound", "bp": "blood pressure",
    "a.m.": "am", "p.m.": "pm", "&": "and", "approx.": "approximately", "approx": "approximately", "x-ray": "x-ray",
    # Decades of age, so that "in his eighties" and "in his 80s" compare equal.
    "twenties": "20s", "thirties": "30s", "forties": "40s", "fifties": "50s", "sixties": "60s",
    "seventies": "70s", "eighties": "80s", "nineties": "90s",
}

_WORD_CHAR = "a-z0-9"


@cache
def _abbreviation_pattern() -> re.Pattern:
    parts = []
    for abbr in sorted(ABBREVIATIONS, key=len, reverse=True):
        body = re.escape(abbr)
        tail = f"(?![{_WORD_CHAR}])" if abbr[-1].isalnum() else ""
        parts.append(body + tail)
    # Digits may precede an abbreviation ("26yo", "500mg bid") but letters may not.
    return re.compile(rf"(?<![a-z])(?:{'|'.join(parts)})")


# ---------------------------------------------------------------------------------------------
# Number words

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ("hundred", "thousand", "million")
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30,
}
# "first" and "second" alone are usually not numbers ("first time", "a second"); in compounds they are.
_STANDALONE_ORDINALS = [w for w in _ORDINALS if w not in ("first", "second")]
_CARDINAL = "|".join(_UNITS + _TENS + list(_SCALES))
_NUMBER_PHRASE = re.compile(
    rf"\b(?:(?:{_CARDINAL})(?:(?:\s+|-)(?:and\s+)?(?:{_CARDINAL}|{'|'.join(_ORDINALS)}))*"
    rf"(?:\s+point(?:\s+(?:{'|'.join(_UNITS[:10])}))+)?(?:\s+and\s+a\s+half)?"
    rf"|(?:{'|'.join(_STANDALONE_ORDINALS)}))\b"
)
_SUFFIX = {1: "st", 2: "nd", 3: "rd"}


def _ordinal_suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else _SUFFIX.get(n % 10, "th")


def _cardinal_value(words: list[str]) -> int | None:
    """Integer value of cardinal words, or None when they do not form one number."""
    try:
        return text2num(" ".join(words), "en")
    except ValueError:
        pass
    # Spoken years and readings: "nineteen ninety eight" -> 1998, "one twenty two" -> 122.
    if len(words) >= 2 and (words[0] in _UNITS[10:] + _TENS or words[0] in _UNITS[1:10] and words[1] in _UNITS[10:] + _TENS):
        try:
            high, low = text2num(words[0], "en"), text2num(" ".join(words[1:]), "en")
        except ValueError:
            return None
        if 0 < low < 100:
            return high * 100 + low
    return None


def _format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _number_phrase_pieces(phrase: str) -> list[tuple[int, int, str]]:
    """Split one matched phrase into (start, end, digits) replacements.

    Phrases text2num cannot read as one number ("four five", "one and two") are split greedily into
    the longest readable runs; words between runs stay as they are.
    """
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[a-z]+", phrase)]
    half = phrase.endswith("and a half")
    if half:
        words = words[:-3]
    if "point" in (w for _, _, w in words):
        cut = next(i for i, (_, _, w) in enumerate(words) if w == "point")
        whole = _cardinal_value([w for _, _, w in words[:cut]])
        if whole is not None:
            decimals = "".join(str(_UNITS.index(w)) for _, _, w in words[cut + 1:])
            return [(words[0][0], words[-1][1], f"{whole}.{decimals}")]
        words = words[:cut]
    pieces, i = [], 0
    while i < len(words):
        for j in range(len(words), i, -1):
            chunk = [w for _, _, w in words[i:j]]
            if chunk[0] == "and" or chunk[-1] == "and":
                continue
            ordinal = _ORDINALS.get(chunk[-1])
            if ordinal is not None:
                base = _cardinal_value(chunk[:-1]) if len(chunk) > 1 else 0
                if base is None or (len(chunk) > 1 and base % 10):
                    continue
                value = base + ordinal
                pieces.append((words[i][0], words[j - 1][1], f"{value}{_ordinal_suffix(value)}"))
                i = j
                break
            value = _cardinal_value(chunk)
            if value is not None:
                pieces.append((words[i][0], words[j - 1][1], str(value)))
                i = j
                break
        else:
            i += 1
    if half and pieces and pieces[-1][1] == words[-1][1] and pieces[-1][2].isdigit():
        start, _, digits = pieces[-1]
        pieces[-1] = (start, len(phrase), _format_number(int(digits) + 0.5))
    return pieces


# ---------------------------------------------------------------------------------------------
# Normalised text with a map back to the source

@dataclass
class Normalized:
    """Normalised text plus, for each of its characters, the source span it came from."""

    text: str
    source: str
    starts: list[int]
    ends: list[int]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the span of the original text it came from."""
        if start >= end:
            point = self.starts[start] if start < len(self.starts) else len(self.source)
            return point, point
        return self.starts[start], self.ends[end - 1]

    def source_text(self, start: int, end: int) -> str:
        s, e = self.to_source(start, end)
        return self.source[s:e]


def _lowercase(text: str) -> str:
    lowered = text.lower().replace("\u2019", "'")
    if len(lowered) == len(text):
        return lowered
    # A few characters ("İ") lowercase to two; keep them as they are so offsets stay aligned.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# Transcripts spell abbreviations out letter by letter: "M R I", "P T", "G V H D". Spelled out, "P T"
# is physical therapy, not "patient".
_SPELLED_OUT = re.compile(r"\b(?:[a-z] ){1,4}[a-z]\b")
_SPELLED_OUT_MEANINGS = {"pt": "physical therapy", "er": "emergency room", "ed": "emergency department"}


def normalize(text: str) -> Normalized:
    """Lowercase, expand abbreviations and write number words as digits, keeping offsets."""
    lowered = _lowercase(text)
    replacements: list[tuple[int, int, str]] = []
    for m in _SPELLED_OUT.finditer(lowered):
        letters = m.group().replace(" ", "")
        if set(letters) - {"a", "i"}:  # not "a" / "i" as words
            meaning = _SPELLED_OUT_MEANINGS.get(letters) or ABBREVIATIONS.get(letters, letters)
            replacements.append((m.start(), m.end(), meaning))
    taken = [(s, e) for s, e, _ in replacements]
    for m in _abbreviation_pattern().finditer(lowered):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            replacements.append((m.start(), m.end(), ABBREVIATIONS[m.group()]))
    taken = [(s, e) for s, e, _ in replacements]
    for m in _NUMBER_PHRASE.finditer(lowered):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        replacements.extend((m.start() + s, m.start() + e, digits)
                            for s, e, digits in _number_phrase_pieces(m.group()))
    replacements.sort()
    pieces, starts, ends, pos = [], [], [], 0
    for start, end, new in replacements:
        pieces.append(lowered[pos:start])
        starts.extend(range(pos, start))
        ends.extend(range(pos + 1, start + 1))
        pieces.append(new)
        starts.extend([start] * len(new))
        ends.extend([end] * len(new))
        pos = end
    pieces.append(lowered[pos:])
    starts.extend(range(pos, len(lowered)))
    ends.extend(range(pos + 1, len(lowered) + 1))
    return Normalized("".join(pieces), text, starts, ends)


def normalize_text(text: str) -> str:
    """Lowercase, number words as digits, abbreviations expanded: "Pt is seventy six y/o" ->
    "patient is 76 year old"."""
    return normalize(text).text


# ---------------------------------------------------------------------------------------------
# Quantities

# Surface unit (after normalisation) -> canonical unit. Longest match wins.
UNITS: dict[str, str] = {
    "mg/kg": "mg/kg", "mg/dl": "mg/dl", "mmol/l": "mmol/l", "meq": "meq", "mg": "mg", "milligram": "mg",
    "milligrams": "mg", "mcg": "mcg", "microgram": "mcg", "micrograms": "mcg", "µg": "mcg", "ug": "mcg",
    "g": "g", "gm": "g", "gram": "g", "grams": "g", "kg": "kg", "kilogram": "kg", "kilograms": "kg",
    "kilo": "kg", "kilos": "kg", "ml": "ml", "cc": "ml", "milliliter": "ml", "milliliters": "ml",
    "liter": "l", "liters": "l", "l": "l", "unit": "units", "units": "units", "iu": "units", "u": "units",
    "puff": "puffs", "puffs": "puffs", "tablet": "tablets", "tablets": "tablets", "tab": "tablets",
    "tabs": "tablets", "pill": "tablets", "pills": "tablets", "capsule": "capsules", "capsules": "capsules",
    "cap": "capsules", "caps": "capsules", "drop": "drops", "drops": "drops", "spray": "sprays",
    "sprays": "sprays", "patch": "patches", "mmhg": "mmHg", "mm hg": "mmHg", "bpm": "bpm",
    "beats per minute": "bpm", "breaths per minute": "breaths/min", "%": "%", "percent": "%",
    "degrees fahrenheit": "°F", "degrees f": "°F", "°f": "°F", "fahrenheit": "°F", "degrees celsius": "°C",
    "degrees c": "°C", "°c": "°C", "celsius": "°C", "degrees": "degrees", "degree": "degrees",
    "pound": "lb", "pounds": "lb", "oz": "oz", "ounce": "oz", "ounces": "oz", "cm": "cm", "centimeter": "cm",
    "centimeters": "cm", "mm": "mm", "millimeter": "mm", "millimeters": "mm", "inch": "in", "inches": "in",
    "foot": "ft", "feet": "ft", "ft": "ft", "year old": "years", "years old": "years", "year-old": "years",
    "years-old": "years", "year": "years",
    "years": "years", "month": "months", "months": "months", "week": "days", "weeks": "days", "day": "days",
    "days": "days", "hour": "hours", "hours": "hours", "hr": "hours", "minute": "minutes", "minutes": "minutes",
    "min": "minutes", "d": "days", "mo": "months", "mos": "months", "wk": "days", "wks": "days", "h": "hours",
    "hrs": "hours", "yr": "years", "yrs": "years", "times": "times", "time": "times", "/10": "/10", "out of 10": "/10",
    "pack": "packs", "packs": "packs", "pack year": "pack-years", "pack years": "pack-years",
    "cigarette": "cigarettes", "cigarettes": "cigarettes", "drink": "drinks", "drinks": "drinks",
    "beer": "drinks", "beers": "drinks",
}
# Multipliers into the canonical unit (weeks are counted in days).
_UNIT_SCALE = {"week": 7, "weeks": 7, "wk": 7, "wks": 7}
DURATION_DAYS = {"days": 1.0, "months": 30.4375, "years": 365.25}
DRUG_UNITS = frozenset({"mg", "mcg", "g", "ml", "units", "puffs", "tablets", "capsules", "drops", "sprays",
                        "patches", "mg/kg", "meq"})


@dataclass(frozen=True)
class Quantity:
    """A number with its canonical unit; ``start``/``end``/``text`` refer to the original text."""

    value: float
    unit: str | None
    start: int
    end: int
    text: str

    def same_amount(self, other: Quantity) -> bool:
        """Equal values in compatible units: "2 weeks" equals "14 days"; a unitless number matches any."""
        if self.unit is None or other.unit is None or self.unit == other.unit:
            return abs(self.value - other.value) <= 1e-6 * max(1.0, abs(self.value))
        if self.unit in DURATION_DAYS and other.unit in DURATION_DAYS:
            a, b = self.value * DURATION_DAYS[self.unit], other.value * DURATION_DAYS[other.unit]
            return abs(a - b) <= 0.03 * max(a, b)
        return False


_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+"
# Dates and clock times are temporal expressions, not quantities.
DATE_OR_TIME = re.compile(
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}-\d{1,2}-\d{2,4}\b|\b\d{1,2}/(?:19|20)\d{2}\b|\b\d{1,2}:\d{2}\b")
# "a day or two", "an hour ago", "a couple of weeks": durations written without a digit.
_IMPLIED_COUNT = re.compile(
    r"(?<!once )(?<!twice )(?<!times )(?<!per )(?<!every )\b(?P<count>an?|a couple of|a couple)\s+"
    r"(?P<unit>hour|day|week|month|year|hours|days|weeks|months|years)\b")


@cache
def _quantity_pattern() -> re.Pattern:
    units = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
    return re.compile(
        rf"(?<![a-wyz0-9_.])(?P<a>{_NUMBER})(?!\d|\.\d|st\b|nd\b|rd\b|th\b)(?:\s*(?:-|to|or|/)\s*(?P<b>{_NUMBER}))?"
        rf"(?:\s*-?\s*(?P<unit>{units})(?![a-z]))?"
    )


def quantity_spans(norm: Normalized) -> list[tuple[Quantity, int, int]]:
    """Quantities in normalised text, each with its span in the normalised text.

    The quantity's own ``start``/``end``/``text`` refer to the original text.
    """
    masked = DATE_OR_TIME.sub(lambda m: " " * len(m.group()), norm.text)
    found = []
    for m in _IMPLIED_COUNT.finditer(masked):
        unit = m.group("unit")
        value = (1 if m.group("count") in ("a", "an") else 2) * _UNIT_SCALE.get(unit, 1)
        s, e = norm.to_source(m.start(), m.end())
        found.append((Quantity(float(value), UNITS[unit], s, e, norm.source[s:e]), m.start(), m.end()))
    for m in _quantity_pattern().finditer(masked):
        surface_unit = m.group("unit")
        unit = UNITS.get(surface_unit) if surface_unit else None
        scale = _UNIT_SCALE.get(surface_unit, 1)
        if m.group("b") and m.group(0)[m.end("a") - m.start():].lstrip().startswith("/"):
            # "140/90" is a pair of readings; "8/10" is a pain score.
            if m.group("b") == "10" and unit is None:
                groups, unit = ("a",), "/10"
            else:
                groups = ("a", "b")
        else:
            groups = ("a", "b") if m.group("b") else ("a",)
        if unit == "degrees":
            unit = "°F" if float(m.group("a").replace(",", "")) > 50 else "°C"
        for group in groups:
            value = float(m.group(group).replace(",", "")) * scale
            end = m.end() if surface_unit else m.end(group)
            s, e = norm.to_source(m.start(group), end)
            found.append((Quantity(value, unit, s, e, norm.source[s:e]), m.start(group), end))
    return found


def quantities_in(norm: Normalized) -> list[Quantity]:
    """Quantities in normalised text, with spans and text from the original."""
    return [q for q, _, _ in quantity_spans(norm)]


def extract_quantities(text: str) -> list[Quantity]:
    """Numbers with canonical units in ``text`` (number words included): "two weeks" -> 14 days."""
    return quantities_in(normalize(text))


# ---------------------------------------------------------------------------------------------
# Sentences and dialogue turns

_SPEAKER = re.compile(
    r"(?:^|(?<=[\s.?!]))(?P<speaker>doctor|patient|guest_\w+|nurse|physician|clinician|mother|father|parent|"
    r"dr|pt)\s*:",
    re.IGNORECASE,
)
_NO_BREAK_AFTER = re.compile(r"(?:\b(?:dr|mr|mrs|ms|st|vs|approx|e\.g|i\.e|fig|ref)\.)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.?!]+[\"')\]]*(?=\s)|\n\s*")


class SentenceSpan(NamedTuple):
    """One sentence: offsets into the text, its text, and in a dialogue its speaker and turn number."""

    start: int
    end: int
    text: str
    speaker: str | None
    turn: int


def dialogue_turns(text: str) -> list[tuple[str | None, int, int]]:
    """(speaker, start, end) of each turn's content; one speakerless turn for ordinary notes."""
    marks = list(_SPEAKER.finditer(text))
    if len(marks) < 2:
        return [(None, 0, len(text))]
    turns = [(None, 0, marks[0].start())] if text[: marks[0].start()].strip() else []
    for mark, following in zip(marks, marks[1:] + [None]):
        end = following.start() if following else len(text)
        turns.append((mark.group("speaker").lower(), mark.end(), end))
    return turns


def _split_segment(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        cut = m.end() if not m.group().isspace() else m.start()
        next_char = text[m.end(): m.end() + 1]
        if "\n" not in m.group() and (_NO_BREAK_AFTER.search(text[max(pos, m.start() - 8): m.end()])
                                       or next_char.islower()):
            continue
        spans.append((pos, cut))
        pos = m.end()
    spans.append((pos, end))
    return spans


def split_note(text: str) -> list[SentenceSpan]:
    """Sentences of a note or dialogue transcript, with speakers and turn numbers for dialogues."""
    sentences = []
    for turn, (speaker, start, end) in enumerate(dialogue_turns(text)):
        for s, e in _split_segment(text, start, end):
            chunk = text[s:e]
            stripped = chunk.strip()
            if not any(c.isalpha() for c in stripped):
                continue  # empty, punctuation, or a list number such as "1."
            s += len(chunk) - len(chunk.lstrip())
            sentences.append(SentenceSpan(s, s + len(stripped), stripped, speaker, turn))
    return sentences


def split_sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each sentence; dialogue speaker prefixes are left out of the text."""
    return [(s.start, s.end, s.text) for s in split_note(text)]
