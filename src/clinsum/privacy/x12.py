"""Identifiers in X12 EDI transactions (claims 837, remittances 835, eligibility 270/271) pasted into a note or exported
from a clearinghouse (``NM1*IL*1*BEGAY*RAYMOND*T***MI*W448120377~``, ``N4*CHINLE*AZ*86503~``): a segment's element
positions say what each holds, as the X12 005010 implementation guides define them, so names, addresses, dates and
numbers are read by position whatever their case or shape."""

from __future__ import annotations

from functools import lru_cache

import regex

X12_TYPES = ("NAME", "INSTITUTION", "ID", "SSN", "ADDRESS", "LOCATION", "ZIP", "DATE", "PHONE", "EMAIL")

# Segment -> element number (from 1) -> type; NM1, N1 and PER are read by their qualifiers below.
_ELEMENTS = {
    "ISA": {9: "DATE"},
    "GS": {4: "DATE"},
    "BHT": {4: "DATE"},
    "N3": {1: "ADDRESS", 2: "ADDRESS"},
    "N4": {1: "LOCATION", 3: "ZIP"},
    "DMG": {2: "DATE"},
    "DTP": {3: "DATE"},
    "DTM": {2: "DATE"},
    "REF": {2: "ID"},
    "CLM": {1: "ID"},
    "CLP": {1: "ID"},
}
# An entity's identification code qualifier -> the type of the code after it: a member's, a patient's, a provider's
# national number, a social security number (not a payer's or a submitter's code: "PI", "46").
_CODE_QUALIFIERS = {"MI": "ID", "II": "ID", "XX": "ID", "MR": "ID", "HN": "ID", "N": "ID", "C": "ID", "34": "SSN",
                    "SY": "SSN"}
_CONTACT_QUALIFIERS = {"TE": "PHONE", "FX": "PHONE", "CP": "PHONE", "EX": "PHONE", "EM": "EMAIL"}
# Segments whose other elements hold no identifier: the envelopes' control numbers and versions ("005010X222A1"), the
# codes of diagnoses and services, the hierarchy's numbers.
_NO_IDENTIFIER = frozenset("ISA GS ST SE GE IEA HL HI SV1 SV2 SV3".split())
_SEGMENT = regex.compile(r"(?:^|(?<=[~\n]))[ \t]*(?P<name>[A-Z][A-Z\d]{1,2})\*(?P<elements>[^~\n]*)")
_HOLDS = {kind: regex.compile(pattern) for kind, pattern in {
    "NAME": r"\p{L}", "INSTITUTION": r"\p{L}{2}", "LOCATION": r"\p{L}", "ADDRESS": r"[\p{L}\d]", "ID": r"\d",
    "SSN": r"\d{4}", "ZIP": r"\d{3}", "DATE": r"\d{6}", "PHONE": r"\d{7}", "EMAIL": "@"}.items()}


@lru_cache(maxsize=2)
def x12_elements(text: str) -> dict[str, list[tuple[int, int]]]:
    """Spans of identifiers, by type, in the X12 segments of ``text``, and (``"NONE"``) of elements that hold none
    (cached: one recognizer per type asks for the same text). A segment starts a line or follows a ``~``; only text
    with an ``ISA`` or ``ST`` envelope or an ``NM1`` segment is read."""
    found: dict[str, list[tuple[int, int]]] = {kind: [] for kind in (*X12_TYPES, "NONE")}
    if "*" not in text or not regex.search(r"(?:^|[~\n])[ \t]*(?:ISA|ST|NM1)\*", text):
        return found
    for segment in _SEGMENT.finditer(text):
        name, at = segment.group("name"), segment.start("elements")
        elements, starts = segment.group("elements").split("*"), []
        for element in elements:
            starts.append(at)
            at += len(element) + 1
        layout = _layout(name, elements)
        if name in _NO_IDENTIFIER:
            found["NONE"] += [(start, start + len(element)) for number, (start, element) in enumerate(zip(starts, elements), 1)
                              if element and number not in layout]
        for number, kind in layout.items():
            if number <= len(elements) and _HOLDS[kind].search(value := elements[number - 1]):
                found[kind].append((starts[number - 1], starts[number - 1] + len(value)))
    found["NAME"] = _joined(found["NAME"], text)
    return found


def _layout(name: str, elements: list[str]) -> dict[int, str]:
    """Element number -> type for one segment (``elements`` after its name)."""
    def element(n: int) -> str:
        return elements[n - 1] if n <= len(elements) else ""

    if name == "NM1":  # entity code * person (1) or organisation (2) * last or organisation name * first * middle
        layout = {3: "NAME", 4: "NAME", 5: "NAME"} if element(2) == "1" else {3: "INSTITUTION"}
        return layout | ({9: kind} if (kind := _CODE_QUALIFIERS.get(element(8))) else {})
    if name == "N1":  # entity code * name * qualifier * code
        return {2: "INSTITUTION"} | ({4: kind} if (kind := _CODE_QUALIFIERS.get(element(3))) else {})
    if name == "PER":  # function * contact's name * (qualifier * number) three times
        return {2: "NAME"} | {n + 1: kind for n in (3, 5, 7) if (kind := _CONTACT_QUALIFIERS.get(element(n)))}
    return _ELEMENTS.get(name, {})


_ONLY_SEPARATORS = regex.compile(r"\*+")


def _joined(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """A person's last, first and middle names, one span each, joined where only ``*`` stands between them."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and _ONLY_SEPARATORS.fullmatch(text, out[-1][1], start):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out
