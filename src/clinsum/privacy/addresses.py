"""Postal addresses laid out on several lines (letters, forms, signatures, envelopes), in any country's order:
a street line, unit line or box line anchors a block, which then takes in the lines around it that read as
a city, a region, a country and a postal code. One pass over the lines (linear in the text's length)."""

from __future__ import annotations

import regex

from clinsum.privacy.patterns import CAP, STREET_ADDRESS, STREET_WORDS, UPPER, rx
from clinsum.privacy.vocab import clinical_spans, countries, english_words, is_name_word

# What a line holds once list and quote marks and a leading comma are cut: "> ", "- ", "* ", ", NI".
_LINE = regex.compile(r"(?m)^[ \t>*•,-]*(?P<body>[^\n]*?)[ \t,]*$")
_UNIT_AFTER = r"(?![ \t]*(?i:mg|mcg|g|ml|units?|mmhg|kg|lbs?|cm|mm|tabs?|tablets?|caps?|puffs?|%)\b)"
# Lines that only an address holds.
_UNIT = r"(?i:apt|apartment|suite|ste)\.?[ \t]*\#?[ \t]*[A-Za-z]?\d{1,5}[A-Za-z]?"
_BOX = (r"(?i:psc|cmr|unit)[ \t]+\d{1,5},?[ \t]+(?i:box)[ \t]+\d{1,5}|(?:APO|FPO|DPO)[ \t]+A[AEP][ \t]+\d{5}"
        r"|(?i:p\.?[ \t]?o\.?[ \t]+box)[ \t]+\d{1,6}")
# a house number, a street's words and a number: "28245 Puruntie 82", "233 Erzsébet tér 19.", "3247 Rua Igreja 25"
# (the numbers of a street of Europe after its name), and a unit
_NUMBERED_STREET = (rf"\d{{1,6}}[ \t]+(?:\p{{L}}[\p{{L}}'’.-]*[ \t]+){{0,3}}\p{{L}}[\p{{L}}'’.-]*[ \t]+\d{{1,5}}[A-Za-z]?\.?"
                    rf"{_UNIT_AFTER}(?:[ \t]+{_UNIT})?")
_UNIT_OR_BOX = regex.compile(rf"{_UNIT}|{_BOX}")
_NUMBERED_STREET_LINE = regex.compile(_NUMBERED_STREET)
# A house number and a street with its suffix, whatever follows: "1987 74 Diakou Street", "4500 N. Oak Ave".
_STREET_LINE = STREET_ADDRESS
# Lines an address block may also hold: a city or region ("LAPPEENRANTA", "Porto Alegre", "St Georges, QC 54256"),
# a country and postal code ("Estonia 62488"), a postal code alone.
_POSTAL = r"(?:\d{3,5}(?:[ -]\d{2,4})?|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})"
_PLACE_WORD = rf"(?:{CAP}|{UPPER}|\p{{Lu}}\.|(?:de|del|la|le|da|do|am|an|der|sur|upon|on)(?=[ \t]))"
_PLACE = (rf"(?:{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}}(?:[ \t]*\([^)\n]{{1,20}}\))?"
          rf"(?:,?[ \t]+{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,2}})?(?:,?[ \t]+{_POSTAL})?|{_POSTAL})")
_PLACE_LINE = regex.compile(_PLACE)
# An address that ends a line after a cue: "my new address is 0605 Pentelis 210 apt. 999", "lives at 10252 Megali
# Ammos 184, PAFOS", "Please return to Unit 4719 Box 7394"
_CUED_ANCHOR = rx(rf"(?<=(?:\b(?i:address|at|to|with|is|in|on)|[:?])[ \t]+)"
                  rf"(?:{_BOX}|{_NUMBERED_STREET}|\d{{1,6}}[ \t][^\n]{{2,40}}?\b(?:{STREET_WORDS})\b\.?)"
                  rf"(?:[ \t]+{_UNIT})*(?:,?[ \t]+{_PLACE})*$")


def find_address_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of address blocks: two lines or more, the first an anchor (a unit, a box, a street), the
    rest anchors or places, with at most one blank line between two of them; or one line that ends with an
    address after a cue word. Only lines with a digit can anchor a block, so only those, and the lines around an
    anchor, are read closely."""
    lines = [m.span("body") for m in _LINE.finditer(text)]
    kinds: dict[int, str | None] = {}

    def kind(k: int) -> str | None:
        if k not in kinds:
            kinds[k] = _kind(text[slice(*lines[k])])
        return kinds[k]

    def step(k: int, direction: int) -> int | None:  # the next line of the block (over one blank line), or None
        j = k + direction
        if 0 <= j < len(lines) and kind(j) == "blank":
            j += direction
        return j if 0 <= j < len(lines) and kind(j) in ("anchor", "place") else None

    found, i = [], 0
    while i < len(lines):
        s, e = lines[i]
        if not _DIGIT.search(text, s, e) or kind(i) not in ("anchor", "cued"):
            i += 1
            continue
        first = last = i
        while (j := step(first, -1)) is not None and kind(j) == "anchor":  # a name or firm above is no place
            first = j
        while (j := step(last, 1)) is not None:
            last = j
        block = [lines[k] for k in range(first, last + 1) if kind(k) != "blank"]
        if kind(i) == "cued":  # the address starts after its cue
            block[0] = (_CUED_ANCHOR.search(text, s, e).start(), e)
        if len(block) > 1 or kind(i) == "cued":
            found += block
        i = last + 1
    return found


_DIGIT = regex.compile(r"\d")
# A document's heading below an address, no place: "DISCHARGE SUMMARY", "OPERATIVE REPORT"
_HEADING_END = regex.compile(r"\b(?i:summary|report|note|notes|letter|record|consultation|referral)$")


def _kind(line: str) -> str | None:
    """"anchor", "cued" (an address after a cue ends the line), "place", "blank" or None (a line that ends a block;
    so does one naming a drug or a condition: "1 Tylenol 500")."""
    if not line:
        return "blank"
    if _UNIT_OR_BOX.fullmatch(line) or _NUMBERED_STREET_LINE.fullmatch(line) and _named(line) \
            or line[0].isdigit() and _STREET_LINE.match(line):
        kind = "anchor"
    elif _PLACE_LINE.fullmatch(line) and not _HEADING_END.search(line) and (
            line.lower() in countries() or line[0].isdigit()
            or any(is_name_word(w) for w in regex.findall(r"\p{L}[\p{L}'’.-]*", line))):
        kind = "place"
    elif (m := _CUED_ANCHOR.search(line)) and (_named(m.group()) or _UNIT_OR_BOX.match(m.group())
                                               or _STREET_LINE.match(m.group())):
        kind = "cued"
    else:
        return None
    return None if clinical_spans(line) else kind


def _named(value: str) -> bool:
    """A word that is no English word names the street ("Koskikatu 25"; not "on 3 West 2")."""
    return any(w.lower() not in english_words() for w in regex.findall(r"\p{L}{3,}", value))
