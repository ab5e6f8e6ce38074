"""Machine-readable records: fields read by their names (clinsum.privacy.records), X12 segments by their elements'
positions (clinsum.privacy.x12), names in HL7's component form outside a segment, printer labels, code systems."""

from __future__ import annotations

import pytest

from clinsum.privacy.hl7 import caret_names
from clinsum.privacy.phi import PhiRedactor
from clinsum.privacy.records import record_fields
from clinsum.privacy.vocab import field_type
from clinsum.privacy.x12 import x12_elements


@pytest.fixture(scope="module")
def tagger():
    return PhiRedactor("tag")


def _found(spans: dict, text: str) -> dict:
    return {kind: [text[s:e] for s, e in found] for kind, found in spans.items() if found}


@pytest.mark.parametrize("key,kind", [
    ("family", "NAME"), ("postalCode", "ZIP"), ("ctx/composer_id", "USER"), ("ctx/health_care_facility|name", "INSTITUTION"),
    ("gp_name", "PERSON"), ("ni_number", "SSN"), ("Ap. Paterno", "NAME"), ("efternamn", "NAME"), ("Pt ID", "ID"),
    ("name", None), ("trace_id", None), ("display", None), ("Owner Alias", "USER"),
])
def test_a_field_name_gives_its_values_type(key, kind):
    assert field_type(key) == kind


def test_json_fhir_and_key_value_fields():
    text = ('{"resourceType":"Patient","id":"pt-0048817","identifier":[{"system":"urn:oid:2.16.840.1.113883.4.59",'
            '"value":"5584-219-306-KT"}],"name":[{"family":"Tremblay-Roy","given":["Hope","Marie"]}],'
            '"address":[{"line":["88 Harbord St, Unit 1204"],"city":"Toronto","postalCode":"M5S 1G5"}],'
            '"generalPractitioner":[{"reference":"Practitioner/cpso-77120","display":"Dr Anil Rampersad"}],'
            '"managingOrganization":{"display":"Lakeshore Regional Health Centre"},'
            '"code":{"coding":[{"system":"http://loinc.org","code":"4548-4"}]}}\n'
            'GET /api/visits?user=m.nguyen82&trace_id=9f2c11 200\n'
            '{"patient":"stable","user":"NULL"}')
    found = _found(record_fields(text), text)
    # a name's field takes any word ("Hope"); a person's field only a name ("patient": "stable" is none); the
    # identifier of a code system's code and a trace are no one's
    assert found["NAME"] == ["Tremblay-Roy", "Hope", "Marie", "Anil Rampersad"]
    assert found["ID"] == ["m.nguyen82", "cpso-77120", "pt-0048817", "5584-219-306-KT"]
    assert found["ADDRESS"] == ["88 Harbord St, Unit 1204"] and found["LOCATION"] == ["Toronto"]
    assert found["ZIP"] == ["M5S 1G5"] and found["INSTITUTION"] == ["Lakeshore Regional Health Centre"]
    assert found["NONE"] == ["urn:oid:2.16.840.1.113883.4.59", "http://loinc.org", "4548-4", "9f2c11"]


def test_xml_yaml_and_table_columns():
    text = ('<identifier><system value="urn:oid:2.16.32.1.1.1"/><value value="30.552.118"/></identifier>\n'
            '<address><line value="Bv. San Juan 1450"/><city value="Córdoba"/></address>\n'
            'ctx/composer_name: Katarzyna Wróblewska-Nowak\nehr_id: 7d44b88e-1f0a\ncp: "41008"\nGuest_family: Yes.\n'
            '      pnr      |    efternamn     | fornamn | postnr | ort\n'
            '---------------+------------------+---------+--------+---------\n'
            ' 19470612-4418 | Lindqvist        | Astrid  | 753 21 | Uppsala\n')
    found = _found(record_fields(text), text)
    assert sorted(found["ID"]) == ["30.552.118", "7d44b88e-1f0a"]
    assert found["NAME"] == ["Katarzyna Wróblewska-Nowak", "Lindqvist", "Astrid"]  # (not "Yes.")
    assert found["SSN"] == ["19470612-4418"] and found["ZIP"] == ["41008", "753 21"]
    assert found["ADDRESS"] == ["Bv. San Juan 1450"] and found["LOCATION"] == ["Córdoba", "Uppsala"]


def test_a_tables_columns_in_other_languages(tagger):
    text = ("| no_dossier | nom    | prenom  | nam            | alder | tel          |\n"
            "+------------+--------+---------+----------------+-------+--------------+\n"
            "| D-558120   | Gagnon | Réjean  | GAGR 4203 1518 | 93    | 514-555-0177 |\n"
            "Remarks: tokens 02, 04, 06 cancelled. Lab cut-off 10:30, no more")
    out = tagger.redact(text)[0]
    # a number in groups under its column, an age over 89 under "alder" (Swedish); the remark after the table stays
    assert "| [NAME] | [NAME]  | [ID] | [AGE]    | [PHONE] |" in out and out.endswith("06 cancelled. Lab cut-off 10:30, no more")


def test_a_tables_ordinary_words_stay(tagger):
    text = ("| Patient | MRN | Action | Owner | By |\n|---|---|---|---|---|\n"
            "| Hollis, Darnell | MLC-0048817 | Repeat PET-CT | Radiology | AV |\n"
            "| Little, Faith | MLC-0039956 | SBRT 54 Gy/3 fx | fbianchi | SMcC |\n\n"
            "+-------+----------------+--------+\n| ID    | Relative       | Mother |\n+-------+----------------+--------+\n"
            "| II-1  | Lerato Dlamini | I-2    |\n\n"
            "Name\tRole\tExt\tPractice\nDr Wanjiru Kamau\tConsultant\t214\tprivate\n")
    out = tagger.redact(text)[0]
    # a team under "Owner", a pedigree's place under "ID", "private" under "Practice" are no identifiers; a login is
    assert "| Radiology |" in out and "| II-1  |" in out and "\tprivate" in out
    assert "fbianchi" not in out and "SMcC" not in out and "Dlamini" not in out


def test_x12_claim_segments():
    text = ("ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*CLEARHOUSE     *240605*1432*^*00501*000004471*0*P*:~\n"
            "NM1*85*2*DESERT SAGE FAMILY CLINIC*****XX*1871234560~\nN3*4410 E BROADWAY BLVD STE 210~\n"
            "N4*TUCSON*AZ*857111234~\nNM1*IL*1*BEGAY*RAYMOND*T***MI*W448120377~\nPER*IC*MARISOL ORTEGA*TE*5205550147~\n"
            "DMG*D8*19570412*M~\nNM1*PR*2*ACME HEALTH*****PI*SX107~\nHI*ABK:E119*ABF:I10~")
    found = _found(x12_elements(text), text)
    assert found["NAME"] == ["BEGAY*RAYMOND*T", "MARISOL ORTEGA"]
    assert found["INSTITUTION"] == ["DESERT SAGE FAMILY CLINIC", "ACME HEALTH"]
    assert found["ID"] == ["1871234560", "W448120377"]  # (not the payer's code after "PI")
    assert found["ADDRESS"] == ["4410 E BROADWAY BLVD STE 210"] and found["LOCATION"] == ["TUCSON"]
    assert found["ZIP"] == ["857111234"] and found["DATE"] == ["240605", "19570412"] and found["PHONE"] == ["5205550147"]
    assert "000004471" in found["NONE"] and "ABK:E119" in found["NONE"]
    assert not any(x12_elements("Plan: ST*depression screen, NM1 pending").values())  # no envelope, no NM1 segment


@pytest.mark.parametrize("text,names", [
    ("A24072219305    00817734   KIM^MIN-JUN          19640130   M", ["KIM^MIN-JUN"]),
    ("2P|1||MRN0098812||NGATA^KIRI||19471120|F", ["NGATA^KIRI"]),
    ("ORC|NW|ICE-2408-771903|||||||||G8841027^PATEL^Sanjay", ["PATEL^Sanjay"]),
    ("MSH|^~\\&|ADT^A01^ADT_A01|NK1|1|X|SPO^Spouse|TON^Tongan|FBC^FULL^WINPATH", []),
])
def test_names_in_the_component_form(text, names):
    assert [text[s:e] for s, e in caret_names(text)] == names


def test_a_label_and_a_log_are_read_as_their_fields(tagger):
    label = "^XA^CI28^PW400\n^FO20,15^A0N,30,30^FDDUPONT-MOREAU Hélène^FS\n^XZ"
    assert "DUPONT-MOREAU" not in tagger.redact(label)[0]  # the printer's commands blanked, the name is read
    log = ('{"logger":"c.h.his.metrics","event":"consult.completed","system":"http://snomed.info/sct",'
           '"file":"vigilancia_mdro.py","home":"https://portal.riverbendpeds.example/forms/aap"}')
    out = tagger.redact(log)[0]
    # a dotted word, a code system's address and a file's name are no web addresses; a portal's address is one
    assert "c.h.his.metrics" in out and "consult.completed" in out and "http://snomed.info/sct" in out
    assert "vigilancia_mdro.py" in out and "riverbendpeds" not in out
