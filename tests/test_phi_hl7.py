"""HL7 v2 segments: identifiers read by their field's position (clinsum.privacy.hl7)."""

from __future__ import annotations

import pytest

from clinsum.privacy.hl7 import hl7_fields
from clinsum.privacy.phi import PhiRedactor

MESSAGE = (
    "MSH|^~\\&|EPIC|STJOSEPHMERCY|RHAPSODY|LAB|202405120932||ADT^A04|1|P|2.5.1\n"
    "PID|1||E7734120^^^SJM^MR||NAKAMURA^KENJI^T||19330228|M|||1187 W HURON ST APT 4^^PONTIAC^MI^48341||(248)555-0176~"
    "^NET^Internet^kenji.n@example.org\n"
    "PV1|1|E|ED^12^A|||||^OKONKWO^CHIDI^^^DR\n"
    "NK1|1|NAKAMURA^AIKO|SPO||(248)555-0193\n"
    "IN1|1|BCBSM|BLUE CROSS BLUE SHIELD OF MICHIGAN\n"
    "OBX|1|NM|2157-6^CK^LN||212|U/L|39-308|N\n"
)


def test_fields_are_read_by_their_position():
    found = {kind: [MESSAGE[s:e] for s, e in spans] for kind, spans in hl7_fields(MESSAGE).items() if spans}
    assert found == {
        "NAME": ["NAKAMURA^KENJI^T", "OKONKWO^CHIDI", "NAKAMURA^AIKO"],
        "ID": ["E7734120"],
        "ADDRESS": ["1187 W HURON ST APT 4"],
        "LOCATION": ["PONTIAC"],
        "ZIP": ["48341"],
        "DATE": ["202405120932", "19330228"],
        "PHONE": ["(248)555-0176", "(248)555-0193"],
        "EMAIL": ["kenji.n@example.org"],
        # the receiving "LAB" is a department, the insurer's plan code in IN1-2 no identifier; its name in IN1-3 is
        "INSTITUTION": ["STJOSEPHMERCY", "SJM", "BLUE CROSS BLUE SHIELD OF MICHIGAN"],
        # fields that hold none: the applications, the message's type, control ID and version, a result's code
        "NONE": ["EPIC", "RHAPSODY", "ADT^A04", "1", "P", "2.5.1", "2157-6^CK^LN"],
    }


@pytest.mark.parametrize("text", [
    "pain 3|10 at rest, PID|1 in the notes",  # not a segment: a segment's name opens its line
    "PID|1||^^^^MR||UNKNOWN^^||\"\"|M",  # blanks and codes
    "OBX|1|NM|2157-6^CK^LN||212|U/L|39-308|N",  # a result's code, value and range
])
def test_no_identifier_where_no_field_holds_one(text):
    assert not any(spans for kind, spans in hl7_fields(text).items() if kind != "NONE")


def test_a_pasted_message_is_redacted_and_its_clinical_codes_stay():
    redacted = PhiRedactor("tag").redact("Pasted from the interface engine:\n" + MESSAGE)[0]
    # (the phone and the e-mail address after it come out as one span: an e-mail address may hold "~" and "^")
    assert "PID|1||[ID]^^^[INSTITUTION]^MR||[NAME]||[DATE]|M|||[ADDRESS]^^[LOCATION]^MI^[ZIP]||[EMAIL]\n" in redacted
    assert "NK1|1|[NAME]|SPO||[PHONE]" in redacted and "OBX|1|NM|2157-6^CK^LN||212|U/L|39-308|N" in redacted
