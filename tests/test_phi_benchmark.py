"""benchmarks/phi_quality.py's own measure: a fact counts as kept wherever a redaction before it moved it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def phi_quality():
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "phi_quality.py"
    spec = importlib.util.spec_from_file_location("phi_quality", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_fact_moved_by_a_longer_tag_is_the_same_fact(phi_quality):
    before = phi_quality._facts("Seen by [NAME]. Takes metformin 500 mg twice daily, right knee pain, age 58 y/o.")
    after = phi_quality._facts("Seen by [INSTITUTION]. Takes metformin 500 mg twice daily, right knee pain, age 58 y/o.")
    assert before and before == after


def test_a_changed_dose_is_a_lost_fact(phi_quality):
    before = phi_quality._facts("Takes metformin 500 mg twice daily.")
    assert before != phi_quality._facts("Takes metformin [ID] mg twice daily.")


def test_every_hand_annotated_set_follows_the_annotation_guide(phi_quality):
    assert [e for path in phi_quality.HANDWRITTEN.values() for e in phi_quality.mark_errors(path)] == []


def test_marks_against_the_guide_are_reported_with_their_line(phi_quality, tmp_path):
    path = tmp_path / "set.txt"
    path.write_text("# preamble [[TYPE:text]]\n### a-01 | note\nSeen [[DATE:Tuesday]] by Dr [[NAME:Lee]],\n"
                    "[[AGE:85]] [[AGE:94]] [[FOO:bar]] [[NAME:Dr Ann Wu]] [[DATE:Tuesday the 9th]] [[DATE:2019]]\n")
    problems = [e.split(": ", 2)[2] for e in phi_quality.mark_errors(path)]
    assert problems == ["a weekday alone", "an age under 90", "an unknown type", "a title inside", "a year alone"]
    assert phi_quality.mark_errors(path)[0].startswith(f"{path}:3:")
