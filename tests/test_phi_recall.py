"""Identifiers in dialogue, sloppy text and lists (issue 23), and clinical words that must stay."""

from __future__ import annotations

import pytest

from clinsum.cli import main
from clinsum.privacy.phi import PhiRedactor


@pytest.fixture(scope="module")
def tagger() -> PhiRedactor:
    return PhiRedactor("tag")


# (text, identifier inside it, expected tag)
FOUND = [
    ("Patient: my name is Teodora Vasquez-Lindqvist.", "Teodora Vasquez-Lindqvist", "NAME"),
    ("Doctor: Nice to meet you, Ha-eun. How are you?", "Ha-eun", "NAME"),
    ("Wife Rosa T. reports no new relapses.", "Rosa T.", "NAME"),
    ("Family meeting with daughters Lupe and Carmen.", "Carmen", "NAME"),
    ("rm 12 - delacroix, 88M, CHF exacerbation", "delacroix", "NAME"),
    ("Plan: recheck in 1 week. --tkowalczyk", "tkowalczyk", "NAME"),
    ("Nicole: Remember me?\nDoctor: Of course.", "Nicole", "NAME"),
    ("Pastor called: Rev. Obadiah Fenwick.", "Obadiah Fenwick", "NAME"),
    ("pt's son michael drove her in", "michael", "NAME"),
    ("Chest tight since Tuesday the 9th.", "Tuesday the 9th", "DATE"),
    ("Fell on Christmas Eve at home.", "Christmas Eve", "DATE"),
    ("DOB eleventh of August, nineteen sixty.", "eleventh of August, nineteen sixty", "DATE"),
    ("Son states she turned 91 in May.", "91", "AGE"),
    ("Ninety-four year old female after a fall.", "Ninety-four", "AGE"),
    ("Acct#: 7730021456", "7730021456", "ID"),
    ("HICN 123456789A", "123456789A", "ID"),
    ("Member ID: W227 8810 93", "W227 8810 93", "ID"),
    ("Old record 48 17 209 reviewed.", "48 17 209", "ID"),
    ("Covering: J. Whitcombe pager 4412", "4412", "PHONE"),
    ("We drove up from Fresno this morning.", "Fresno", "LOCATION"),
    ("Treated at St. Columba's Hospital for the stroke.", "St. Columba's Hospital", "INSTITUTION"),
    ("Referral sent to Eastgate Family Clinic.", "Eastgate Family Clinic", "INSTITUTION"),
]


@pytest.mark.parametrize("text,identifier,tag", FOUND, ids=[f"{t}:{i}" for _, i, t in FOUND])
def test_identifier_is_replaced_whole(tagger, text, identifier, tag):
    out, counts = tagger.redact(text)
    assert not any(part in out for part in identifier.replace(",", " ").split() if len(part) > 2), out
    assert f"[{tag}]" in out and counts[tag] >= 1, out


def test_institutions_can_be_kept(tmp_path):
    source = tmp_path / "note.txt"
    source.write_text("Dr. Okafor saw her at Riverside General Hospital.", encoding="utf-8")
    out = tmp_path / "out.txt"
    assert main(["redact", "--input", str(source), "--output", str(out), "--keep", "INSTITUTION"]) == 0
    assert out.read_text() == "Dr. [NAME] saw her at Riverside General Hospital."
    assert main(["redact", "--input", str(source), "--output", str(out)]) == 0
    assert out.read_text() == "Dr. [NAME] saw her at [INSTITUTION]."


def test_an_unknown_type_to_keep_is_an_error():
    with pytest.raises(ValueError, match="unknown identifier type 'HOSPITAL'"):
        PhiRedactor("tag", keep=("HOSPITAL",))
