"""Identifiers in HL7 version 2 messages pasted into a note or a file (``PID|1||E7734120^^^SJM^MR||NAKAMURA^KENJI^T||
19330228|M|||1187 W HURON ST^^PONTIAC^MI^48341``): a field's position says what it holds, so the patient's, next of
kin's, guarantor's and insured's names, addresses, phones, dates and numbers, the clinicians who attended or ordered,
and the facilities and insurers are read by position, as the HL7 v2.5 standard defines each segment, whatever their
case or shape. Other recognizers still read the text (a note in an NTE or OBX segment)."""

from __future__ import annotations

from functools import lru_cache

import regex

from clinsum.privacy.vocab import EMPTY_VALUES, english_words, first_names, last_names, lowercase_words

# Data types, by the components that hold an identifier: (component number from 1, type); "NAME" over several
# adjacent components is one span ("NAKAMURA^KENJI^T").
_XPN = (((1, 2, 3), "NAME"),)  # family ^ given ^ middle ^ suffix ^ prefix ^ degree
_XCN = (((1,), "ID"), ((2, 3, 4), "NAME"))  # id ^ family ^ given ^ middle ^ ...
# street ^ other designation ^ city ^ state ^ postcode ^ country ^ type ^ other geography ^ county
_XAD = (((1,), "ADDRESS"), ((2,), "ADDRESS"), ((3,), "LOCATION"), ((5,), "ZIP"), ((9,), "LOCATION"))
_CX = (((1,), "ID"), ((4,), "INSTITUTION"))  # id ^ check digit ^ scheme ^ assigning authority ^ type code
_HD = (((1,), "INSTITUTION"),)  # namespace ^ universal id ^ its type
_XON = (((1,), "INSTITUTION"),)  # organisation name ^ ...
_PL = (((4,), "INSTITUTION"),)  # point of care ^ room ^ bed ^ facility
_ID, _DATE, _SSN, _PLACE, _SITE = ((((1,), kind),) for kind in ("ID", "DATE", "SSN", "LOCATION", "INSTITUTION"))  # one value
HL7_TYPES = ("NAME", "ID", "ADDRESS", "LOCATION", "ZIP", "DATE", "SSN", "PHONE", "EMAIL", "INSTITUTION")
_PHONE = "PHONE"  # XTN: any component with digits is a number, one with "@" an e-mail address

# Segment -> field number -> data type. MSH counts its field separator as field 1. The insurer's company ID (IN1-3) is
# often its name, as senders fill it.
_FIELDS = {
    "MSH": {4: _HD, 6: _HD, 7: _DATE},
    "EVN": {2: _DATE, 5: _XCN, 6: _DATE},
    "PID": {2: _CX, 3: _CX, 4: _CX, 5: _XPN, 6: _XPN, 7: _DATE, 9: _XPN, 11: _XAD, 13: _PHONE, 14: _PHONE,
            18: _CX, 19: _SSN, 20: _ID, 21: _CX, 23: _PLACE, 29: _DATE},
    "PD1": {3: _XON, 4: _XCN},
    "NK1": {2: _XPN, 4: _XAD, 5: _PHONE, 6: _PHONE, 8: _DATE, 13: _XON, 16: _DATE, 30: _XPN, 31: _PHONE,
            32: _XAD, 33: _CX, 37: _SSN},
    "PV1": {3: _PL, 6: _PL, 7: _XCN, 8: _XCN, 9: _XCN, 17: _XCN, 19: _CX, 39: _SITE, 44: _DATE,
            45: _DATE, 52: _XCN},
    "GT1": {2: _CX, 3: _XPN, 5: _XAD, 6: _PHONE, 7: _PHONE, 8: _DATE, 12: _SSN, 16: _XPN, 17: _XAD,
            18: _PHONE, 19: _CX, 21: _XON},
    "IN1": {3: _CX + _XON, 4: _XON, 5: _XAD, 7: _PHONE, 8: _ID, 9: _XON, 11: _XON, 12: _DATE, 13: _DATE,
            16: _XPN, 18: _DATE, 19: _XAD, 36: _ID, 49: _CX},
    "ORC": {2: _CX, 3: _CX, 9: _DATE, 10: _XCN, 11: _XCN, 12: _XCN, 21: _XON, 22: _XAD, 23: _PHONE},
    "OBR": {2: _CX, 3: _CX, 6: _DATE, 7: _DATE, 8: _DATE, 14: _DATE, 16: _XCN, 22: _DATE,
            28: _XCN},
    "OBX": {14: _DATE, 16: _XCN},
    "TXA": {4: _DATE, 5: _XCN, 9: _XCN, 12: _CX},
    "MRG": {1: _CX, 2: _CX, 3: _CX, 5: _CX, 7: _XPN},
}
# Fields that hold no identifier, whatever other recognizers take their values for: the applications, the message's type,
# control ID and version ("MSG000418273", "2.5.1"), the codes of tests, diagnoses and allergens.
_NO_IDENTIFIER = {"MSH": (3, 5, 9, 10, 11, 12), "OBX": (3,), "OBR": (4,), "DG1": (3,), "AL1": (3,)}
# (a word in capitals may come first: a note's "OLD PID|1||...", "NEW PID|1||...")
_SEGMENT = regex.compile(rf"(?m)^[ \t]*(?:[A-Z]{{2,8}}[ \t]+|[>*-]+[ \t]*)?(?P<name>{'|'.join(_FIELDS)})\|"
                         rf"(?=[^\n]*[|^])[^\n]*")
_DIGITS = regex.compile(r"\d{3}")
# What a component must hold to be an identifier of its type: a number needs digits, a date six of them (a year and a
# month at least), a name or place a letter; an institution is none of the words a sender writes for a department or a
# blank ("LAB", "ED", "UNK").
_HOLDS = {"NAME": regex.compile(r"\p{L}"), "LOCATION": regex.compile(r"\p{L}"), "ADDRESS": regex.compile(r"[\p{L}\d]"),
          "ID": regex.compile(r"\d"), "SSN": regex.compile(r"\d{4}"), "ZIP": regex.compile(r"\d"),
          "DATE": regex.compile(r"\d{6}"), "INSTITUTION": regex.compile(r"\p{L}{2}")}
_NO_INSTITUTION = frozenset("""lab ed er icu ehr lis ris pacs adt hosp hospital clinic pharmacy radiology
    ssa nhs nhi natid pas epi cms ssn mr mrn""".split())  # (an assigning authority that is a nation's or a system's)


@lru_cache(maxsize=2)
def hl7_fields(text: str) -> dict[str, list[tuple[int, int]]]:
    """Spans of identifiers, by type, in the HL7 v2 segments of ``text``, and (``"NONE"``) of fields that hold none
    (cached: one recognizer per type asks for the same text). A segment is a line that starts with a known segment's
    name and a ``|``; repetitions (``~``) and components (``^``) are split as the standard's default encoding
    characters."""
    found: dict[str, list[tuple[int, int]]] = {kind: [] for kind in (*HL7_TYPES, "NONE")}
    if "|" not in text:
        return found
    for segment in _SEGMENT.finditer(text):
        fields = _split(segment.group(), segment.start(), "|")
        shift = 1 if segment.group("name") == "MSH" else 0  # MSH-1 is the "|" between "MSH" and MSH-2
        found["NONE"] += [(start, start + len(field)) for number in _NO_IDENTIFIER.get(segment.group("name"), ())
                          if number - shift < len(fields) for start, field in [fields[number - shift]] if field]
        for number, layout in _FIELDS[segment.group("name")].items():
            if number - shift >= len(fields):
                continue
            field_start, field = fields[number - shift]
            for start, repetition in _split(field, field_start, "~"):
                for kind, span in _identifiers(repetition, start, layout):
                    found[kind].append(span)
    return found


def _split(text: str, offset: int, separator: str) -> list[tuple[int, str]]:
    """``(start, piece)`` of each piece of ``text`` between separators, ``offset`` added to each start."""
    pieces, start = [], 0
    for piece in text.split(separator):
        pieces.append((offset + start, piece))
        start += len(piece) + 1
    return pieces


def _identifiers(value: str, offset: int, layout) -> list[tuple[str, tuple[int, int]]]:
    """The ``(type, span)`` of each identifier of one field value laid out as ``layout`` (a data type above)."""
    components = _split(value, offset, "^")
    if layout == _PHONE:
        return [("EMAIL" if "@" in piece else "PHONE", (start, start + len(piece)))
                for start, piece in components if "@" in piece or _DIGITS.search(piece)]
    spans = []
    for numbers, kind in layout:
        held = [(start, piece) for start, piece in (components[n - 1] for n in numbers if n <= len(components))
                if _HOLDS[kind].search(piece) and piece.strip().lower() not in EMPTY_VALUES
                and not (kind == "INSTITUTION" and piece.strip().lower() in _NO_INSTITUTION)]
        if held:
            spans.append((kind, (held[0][0], held[-1][0] + len(held[-1][1]))))
    return spans


# A person's name in the components' form outside the segments read above: a worklist's, a DICOM dump's or an analyser
# frame's "KIM^MIN-JUN", "NGATA^KIRI^T", after a number ("G8841027^PATEL^Sanjay"; not a code and its text: "ADT^A01",
# "SPO^Spouse", "EPI^MR").
_CARET_NAME = regex.compile(r"(?=\p{Lu})(?<=^|[^\w^]|\d\^)(?P<family>\p{Lu}[\p{L}'’-]+)\^(?P<given>\p{Lu}[\p{L}'’-]+)"
                            r"(?:\^\p{L}[\p{L}'’.-]*)?"
                            r"(?![\w^])")


def caret_names(text: str) -> list[tuple[int, int]]:
    """Spans of names written family^given: one of them a listed surname or first name, or both in capitals and no English
    word; neither a word written in lowercase capitalised, nor the text after its code ("TON^Tongan", "DAU^Daughter")."""
    if "^" not in text:
        return []
    found = []
    for m in _CARET_NAME.finditer(text):
        family, given = m.group("family"), m.group("given")
        if (family.lower() in last_names() or given.lower() in first_names()
                or family.isupper() and given.isupper() and len(family) > 2 and len(given) > 2
                and family.lower() not in english_words() and given.lower() not in english_words()) \
                and not any(part[1:].islower() and part.lower() in lowercase_words() for part in (family, given)) \
                and not (family.isupper() and len(family) <= 3 and given[1:].islower() and given[0] == family[0]):
            found.append(m.span())
    return found
