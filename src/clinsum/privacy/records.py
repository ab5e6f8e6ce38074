"""Identifiers in machine-readable records pasted into a note or exported from a system: the values of named fields in
JSON, XML, YAML and key=value text (``"family":"Tremblay-Roy"``, ``<city value="Córdoba"/>``, ``cp: "41008"``,
``?user=m.nguyen82&``) and the identifiers of FHIR resources (``"reference":"Patient/pt-0048817"``, an identifier's
``"value"``, a practitioner's ``"display"``). A field's name says what its value is, so the value is read by its name
whatever its words are ("Hope" under ``"given"`` is a name); other recognizers still read the text."""

from __future__ import annotations

from functools import lru_cache

import regex

from clinsum.privacy.names import table_columns
from clinsum.privacy.vocab import EMPTY_VALUES, field_type

RECORD_TYPES = ("NAME", "ID", "SSN", "ADDRESS", "LOCATION", "ZIP", "PHONE", "INSTITUTION")

# Where a value stands after its field's name: a JSON member (a string or an array of strings), an XML element or its
# value attribute, a YAML or flat path's line (its value quoted, its name a path, or its name written with "_" and its
# value a code: "ehr_id: 7d44b88e-..."; not "Guest_family: Yes."), key=value.
_JSON_MEMBER = regex.compile(r'"(?P<key>[^"\n]{1,60})"[ \t]*:[ \t]*(?:"(?P<value>[^"\n]*)"|\[(?P<list>[ \t]*"[^"\n]*"'
                             r'(?:[ \t]*,[ \t]*"[^"\n]*")*)[ \t]*\])')
_JSON_STRING = regex.compile(r'"(?P<value>[^"\n]*)"')
_XML_VALUE = regex.compile(r'<(?:\w+:)?(?P<key>\w+)[ \t]+value="(?P<value>[^"\n]*)"[ \t]*/?>'
                           r'|<(?:\w+:)?(?P<key>\w+)(?:[ \t][^<>\n]*)?>(?P<value>[^<>\n]+)</(?:\w+:)?(?P=key)>')
_YAML_LINE = regex.compile(r"""(?m)^[ \t]*[-+]?[ \t]*(?P<key>[\w./|-]{1,60})[ \t]*:[ \t]+(?:(?P<q>["'])(?P<value>[^"'\n]*)(?P=q)
    |(?P<value>[^\n]*?))[ \t]*$""", regex.VERBOSE)
_CODE = regex.compile(r"(?=\S*\d)\S+")
_KEY_VALUE = regex.compile(r'(?<![\w.-])(?P<key>[A-Za-z][\w.]{0,40})=(?:"(?P<value>[^"\n]*)"|(?P<value>[^\s&;,|"]+))')

# FHIR: a reference to a person's resource, a person's resource's own id, an identifier's or a contact point's value, and
# a person's or an organisation's display after its reference.
_REFERENCE = regex.compile(r'(?:"reference"[ \t]*:[ \t]*"|<reference[ \t]+value=")(?:[^"\n]*/)?(?:Patient|Practitioner'
                           r'|RelatedPerson|Person|PractitionerRole)/(?P<value>[^"/\n]+)"')
_RESOURCE_ID = regex.compile(r'"resourceType"[ \t]*:[ \t]*"(?:Patient|Practitioner|RelatedPerson|Person)"[ \t]*,[ \t]*'
                             r'"id"[ \t]*:[ \t]*"(?P<value>[^"\n]+)"|<(?:Patient|Practitioner|RelatedPerson|Person)\b[^>]*>'
                             r'\s*<id[ \t]+value="(?P<value>[^"\n]+)"')
_HOLDER = regex.compile(r'"(?P<key>identifier|telecom)"[ \t]*:[ \t]*|<(?P<key>identifier|telecom)>')
_DISPLAY = regex.compile(r'"(?P<key>\w+)"[ \t]*:[ \t]*\[?[ \t]*\{[ \t]*(?:"(?:reference|type)"[ \t]*:[ \t]*"[^"\n]*"[ \t]*,'
                         r'[ \t]*)*"display"[ \t]*:[ \t]*"(?P<value>[^"\n]+)"')

# Fields whose values name no one, whatever other recognizers take them for: codes, code systems, versions, a message's
# or a trace's identifiers, a browser's name, a logger's.
_NO_IDENTIFIER_KEYS = frozenset("""code system ndc loinc snomed icd icd10 cpt version api_version apiversion msgid
    messageid message_id traceid trace_id requestid request_id correlationid correlation_id spanid span_id ua useragent
    user_agent user-agent svc service logger thread level template""".split())
# Columns whose name is a field's in a record but in a table often something else ("Given" on a drug chart, "By", "Line"),
# and the types that names.py reads tables' columns for, with its own checks (a person's, a site's: "Mother" over
# "affected", "Pharmacy" over "Home Delivery")
_AMBIGUOUS_COLUMNS = frozenset("given family by line run user cell contact nom".split())
_READ_AS_TABLES = frozenset(("PERSON", "INSTITUTION"))
_REPORTED = {"PERSON": "NAME", "USER": "ID"}
_TITLE = regex.compile(r"(?i:dr|dra|prof|mr|mrs|ms|miss|sr|sra|mme|m)\.?[ \t]+")
_SHAPES = {
    "NAME": regex.compile(r"(?:\p{L}[\p{L}'’.-]*)(?:[ ,]+\p{L}[\p{L}'’.-]*){0,4}"),
    "PERSON": regex.compile(r"\p{Lu}[\p{L}'’.-]*(?:[ ]+\p{L}[\p{L}'’.-]*){1,4}"),
    # a login or initials, not a team ("Radiology", "ICU"): "fbianchi", "admin.ops", "SMcC"
    "USER": regex.compile(r"(?=[\w.@-]*[\d._@]|\p{Ll}|\p{Lu}+\p{Ll}+\p{Lu})[\w.@-]{2,40}"),
    "ID": regex.compile(r"(?=[\w .@:/-]{2,40}$)(?=[\w .@:/-]*\d)[\w.@:/-]+(?:[ ](?=[\w.@:/-]*\d)[\w.@:/-]+){0,3}"),
    "SSN": regex.compile(r"(?=[\w .-]*\d)[\w][\w .-]{3,24}"),
    "ADDRESS": regex.compile(r"(?=.*\p{L}).{3,80}"),
    "LOCATION": regex.compile(r"\p{L}[\p{L}'’. -]{1,40}"),
    "ZIP": regex.compile(r"(?=[\p{L}\d -]*\d)[\p{L}\d][\p{L}\d -]{1,9}"),
    "PHONE": regex.compile(r"(?=(?:\D*\d){7})[\d+(][\d ()./-]{6,24}"),
    "INSTITUTION": regex.compile(r"[\p{Lu}\d][\p{L}\d'’&.,() -]{2,80}"),  # (not "private")
}


def _value_span(kind: str, value: str, start: int) -> tuple[int, int] | None:
    """The span of ``value`` (at ``start``) where it has the shape of its type, a title before a name left out."""
    stripped = value.strip()
    if not stripped or stripped.lower() in EMPTY_VALUES:
        return None
    start += len(value) - len(value.lstrip())
    if kind in ("NAME", "PERSON") and (title := _TITLE.match(stripped)):
        start, stripped = start + title.end(), stripped[title.end():]
    return (start, start + len(stripped)) if _SHAPES[kind].fullmatch(stripped) else None


@lru_cache(maxsize=2)
def record_fields(text: str) -> dict[str, list[tuple[int, int]]]:
    """Spans of identifiers, by type, in the records of ``text``, and (``"NONE"``) of fields that hold none (cached: one
    recognizer per type asks for the same text). A person's field gives a name of two words or more, so ``"patient":
    "stable"`` is none."""
    found: dict[str, list[tuple[int, int]]] = {kind: [] for kind in (*RECORD_TYPES, "NONE")}

    def add(key: str, value: str, start: int) -> None:
        if key.lower() in _NO_IDENTIFIER_KEYS and value.strip():
            found["NONE"].append((start, start + len(value)))
        elif (kind := field_type(key)) and (span := _value_span(kind, value, start)):
            found[_REPORTED.get(kind, kind)].append(span)

    for m in _JSON_MEMBER.finditer(text):
        if m.group("list") is None:
            add(m.group("key"), m.group("value"), m.start("value"))
        else:
            for item in _JSON_STRING.finditer(m.group("list")):
                add(m.group("key"), item.group("value"), m.start("list") + item.start("value"))
    for m in _XML_VALUE.finditer(text):
        add(m.group("key"), m.group("value"), m.start("value"))
    for m in _YAML_LINE.finditer(text):
        key = m.group("key")
        if m.group("q") or "/" in key or "|" in key or "_" in key and _CODE.fullmatch(m.group("value")):
            add(m.group("key"), m.group("value"), m.start("value"))
    for m in _KEY_VALUE.finditer(text):
        add(m.group("key"), m.group("value"), m.start("value"))
    for start, end, head in table_columns(text)[1]:
        if head.lower() not in _AMBIGUOUS_COLUMNS and field_type(head) not in _READ_AS_TABLES:
            add(head, text[start:end], start)
    for pattern in (_REFERENCE, _RESOURCE_ID):
        found["ID"] += [m.span("value") for m in pattern.finditer(text)]
    for m in _HOLDER.finditer(text):
        for value in _values_inside(text, m.end(), m.group("key"), m.group().startswith("<")):
            s, e = value
            piece = text[s:e]
            if m.group("key") == "identifier" and any(c.isdigit() for c in piece):
                found["ID"].append(value)
            elif m.group("key") == "telecom" and "@" not in piece and _SHAPES["PHONE"].fullmatch(piece.removeprefix("tel:")):
                found["PHONE"].append(value)
    for m in _DISPLAY.finditer(text):
        kind = field_type(m.group("key")) or ("PERSON" if m.group("key") in _PERSON_REFERENCES else None)
        if kind in ("NAME", "PERSON", "INSTITUTION") and (span := _value_span(kind, m.group("value"), m.start("value"))):
            found[_REPORTED.get(kind, kind)].append(span)
    return found


# FHIR elements whose display is a person's name when it is one: a practitioner or a patient they refer to
_PERSON_REFERENCES = frozenset("generalPractitioner requester performer recorder asserter participant subject individual"
                               " enterer informationSource".split())
_VALUE = regex.compile(r'"value"[ \t]*:[ \t]*"(?P<value>[^"\n]+)"|<value[ \t]+value="(?P<value>[^"\n]+)"')


def _values_inside(text: str, at: int, key: str, xml: bool) -> list[tuple[int, int]]:
    """The spans of the ``value`` members of the object or array (or the XML element ``key``) that starts at ``at``."""
    if xml:
        end = text.find(f"</{key}>", at)
    else:
        depth, end = 0, at
        for end in range(at, min(len(text), at + 2000)):
            depth += text[end] in "[{"
            depth -= text[end] in "]}"
            if depth <= 0 and end > at:
                break
    return [m.span("value") for m in _VALUE.finditer(text, at, max(at, end))]
