"""Hard-negative triplets: each strategy makes the right kind of edit, the verifier drops edits the
note supports, and the outputs, report and errors are what the DPO stage and the user rely on."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter

import pytest

from clinsum.cli import main
from clinsum.data.dataset import DataError, Example
from clinsum.data.synthetic import generate_examples
from clinsum.data.triplets import Triplet, triplet_paths
from clinsum.io import write_csv
from clinsum.preference.command import run_negatives
from clinsum.preference.config import MODEL_OUTPUT, STRATEGIES, NegativesConfig, NegativesReport
from clinsum.preference.edits import NoteFacts, make_triplets
from clinsum.preference.own_samples import between_samples
from clinsum.text import lexicon
from clinsum.text.normalize import extract_quantities

NOTE = (
    "Patient is a 58-year-old man seen for left knee pain for 3 days after a fall at home. He denies fever. "
    "History of hypertension, treated with lisinopril 10 mg daily. Exam: swelling of the left knee. "
    "Plan: ibuprofen 400 mg three times daily and follow up in 2 weeks."
)
SUMMARY = (
    "58-year-old man seen for left knee pain for 3 days. He denies fever. History of hypertension, on "
    "lisinopril 10 mg daily. Started ibuprofen 400 mg three times daily."
)
# A summary no strategy but fabrication can edit, and too short to take an added sentence.
BARE = Example("bare", "Doctor: Any family history? Patient: Nothing relevant.", "Noncontributory.", "factual")


def config(**kwargs) -> NegativesConfig:
    return NegativesConfig(**{"per_example": 1, "attempts": 20, **kwargs})


def one_triplet(strategy: str):
    triplets, _ = make_triplets([Example("fx", NOTE, SUMMARY, "factual")], config(strategies=[strategy]))
    assert len(triplets) == 1, strategy
    return triplets[0]


def applied(chosen: str, mod: dict) -> str:
    assert chosen[mod["start"]: mod["start"] + len(mod["original"])] == mod["original"]
    return chosen[: mod["start"]] + mod["replacement"] + chosen[mod["start"] + len(mod["original"]):]


def check_medication_swap(mod):
    original = lexicon.canonical_drug(mod["original"])
    new = lexicon.canonical_drug(mod["replacement"])
    assert original in ("lisinopril", "ibuprofen") and new not in (None, original)
    assert new not in {m.canonical for m in lexicon.find_drugs(NOTE)}


def check_dose_change(mod):
    if re.fullmatch(r"\d+ mg", mod["original"]):
        assert re.fullmatch(r"\d+(\.\d+)? mg", mod["replacement"])
    else:
        assert [f.canonical for f in lexicon.find_frequencies(mod["original"])] in (["daily"], ["three times daily"])
        assert lexicon.find_frequencies(mod["replacement"])[0].canonical not in ("daily", "three times daily")


def check_number_change(mod):
    assert mod["original"] in ("58-year-old", "3 days")
    assert re.sub(r"\d+", "N", mod["original"]).rstrip("s") == re.sub(r"\d+", "N", mod["replacement"]).rstrip("s")
    assert mod["replacement"] != mod["original"]


def check_negation_flip(mod):
    assert (mod["original"], mod["replacement"]) == ("denies fever", "reports fever")


def check_laterality_swap(mod):
    assert (mod["original"], mod["replacement"]) == ("left", "right")


def check_condition_swap(mod):
    assert mod["original"] == "hypertension"
    assert mod["replacement"] in lexicon.conditions() and mod["replacement"] != "hypertension"
    assert not any(t.concept == mod["replacement"] for t in lexicon.find_terms(NOTE))


def check_temporal_change(mod):
    assert mod["original"] == "3 days"
    assert re.fullmatch(r"3 (minute|hour|week|month|year)s", mod["replacement"])


def check_fabrication(mod):
    assert mod["original"] == "" and mod["start"] == len(SUMMARY)
    assert re.fullmatch(r" He (also reports|is also taking|also underwent) [a-z' /-]+\.", mod["replacement"])


CHECKS = {
    "medication_swap": check_medication_swap, "dose_change": check_dose_change, "number_change": check_number_change,
    "negation_flip": check_negation_flip, "laterality_swap": check_laterality_swap,
    "condition_swap": check_condition_swap, "temporal_change": check_temporal_change, "fabrication": check_fabrication,
}


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_each_strategy_makes_its_kind_of_edit(strategy):
    t = one_triplet(strategy)
    assert (t.strategy, t.source, t.prompt) == (strategy, "generated", NOTE)
    assert t.rejected != t.chosen == SUMMARY
    assert applied(t.chosen, t.modification) == t.rejected
    CHECKS[strategy](t.modification)


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_no_edit_where_a_strategy_cannot_apply(strategy):
    triplets, report = make_triplets([BARE], config(strategies=[strategy], attempts=3))
    assert triplets == []
    counts = report.rows()[strategy]
    expected = {"length_mismatch": 3} if strategy == "fabrication" else {"no_target_span": 1}
    assert counts["dropped"] == expected and counts["kept"] == 0


def test_no_laterality_swap_without_a_side_of_the_body():
    summary = "Pain started right after lunch; he was told to come back right away."
    ex = Example("x", "He has had belly pain since lunch.", summary, "factual")
    triplets, report = make_triplets([ex], config(strategies=["laterality_swap"]))
    assert triplets == [] and report.rows()["laterality_swap"]["dropped"] == {"no_target_span": 1}


def test_negated_list_flips_only_its_first_item():
    ex = Example("x", "She denies fever and chills. Cough for 2 days.", "She denies fever and chills.", "factual")
    (t,), _ = make_triplets([ex], config(strategies=["negation_flip"]))
    assert t.rejected == "She reports fever and denies chills."


# Denials outnumber affirmations, as in MTS-Dialog references: unbalanced, DPO would learn "deny" as a style.
DENIALS = [Example(f"d{i}", f"No {c}. Sleeping well.", f"She denies {c}.", "factual")
           for i, c in enumerate(["fever", "cough", "nausea", "headache", "dizziness", "fatigue"])]
AFFIRMATIONS = [Example(f"a{i}", f"She has {c}. Sleeping well.", f"She reports {c}.", "factual")
                for i, c in enumerate(["vomiting", "wheezing"])]


@pytest.mark.parametrize("balance", [True, False])
def test_negation_flips_are_balanced_in_both_directions(balance):
    examples = DENIALS[:3] + AFFIRMATIONS + DENIALS[3:]
    triplets, report = make_triplets(examples, config(strategies=["negation_flip"], balance_negation=balance))
    directions = Counter(t.modification["direction"] for t in triplets)
    assert directions == report.negation_directions
    assert report.to_dict()["negation_directions"] == {"denied_to_affirmed": directions["denied_to_affirmed"],
                                                       "affirmed_to_denied": directions["affirmed_to_denied"]}
    for t in triplets:
        assert t.modification["direction"] == ("denied_to_affirmed" if "denies" in t.chosen else "affirmed_to_denied")
    if balance:
        assert directions == {"denied_to_affirmed": 3, "affirmed_to_denied": 2}
        assert report.rows()["negation_flip"]["dropped"] == {"unbalanced": 3}
    else:
        assert directions == {"denied_to_affirmed": 6, "affirmed_to_denied": 2}
    assert "2 affirmed -> denied (chosen affirms), " in report.table()


def test_a_pair_whose_flip_would_tip_the_balance_tries_its_next_strategy():
    triplets, report = make_triplets(DENIALS, config(strategies=["negation_flip", "fabrication"],
                                                     max_length_ratio=3.0, min_similarity=0.3))
    assert report.negation_directions == {"denied_to_affirmed": 1}
    assert report.rows()["negation_flip"]["dropped"]["unbalanced"] >= 1
    assert len(triplets) == len(DENIALS)  # no pair lost its triplet


def test_balance_prefers_the_direction_kept_less_often():
    both = Example("both", "She has a cough. Seen today.", "She denies fever and reports cough.", "factual")
    (first,), _ = make_triplets([both], config(strategies=["negation_flip"]))
    triplets, report = make_triplets([DENIALS[0], both], config(strategies=["negation_flip"]))
    assert [t.modification["direction"] for t in triplets] == ["denied_to_affirmed", "affirmed_to_denied"]
    assert triplets[1].rejected == "She denies fever and denies cough."
    assert report.rows()["negation_flip"]["dropped"] == {}


def test_swap_to_a_drug_the_note_names_is_present_in_note():
    others = [d for d in lexicon.drugs_in_class(lexicon.drug_class("lisinopril")) if d != "lisinopril"]
    # The note names every other ACE inhibitor, enalapril only by its brand name.
    note = "Tried " + ", ".join("Vasotec" if d == "enalapril" else d for d in others) + ". Now on lisinopril 10 mg."
    ex = Example("x", note, "Now on lisinopril 10 mg.", "factual")
    triplets, report = make_triplets([ex], config(strategies=["medication_swap"], attempts=len(others)))
    assert triplets == []
    assert report.rows()["medication_swap"]["dropped"] == {"present_in_note": len(others)}


def test_number_the_note_states_for_the_same_unit_is_present_in_note():
    note = "Knee pain for one week. Seen two weeks ago, and three weeks ago before that."
    ex = Example("x", note, "Knee pain for 1 week, worse on the stairs and when kneeling.", "factual")
    triplets, report = make_triplets([ex], config(strategies=["number_change"]))
    assert triplets == [] and report.rows()["number_change"]["dropped"] == {"present_in_note": 2}  # 2 and 3


def test_note_facts_compare_normalised_claims():
    facts = NoteFacts("Doctor: Any chest pain? Patient: No. Doctor: How old are you? Patient: Seventy six. "
                      "I take Lipitor and have had a cough for two weeks. No fever but mild headache.")
    (age,), (fortnight,), (three_weeks,) = (extract_quantities(t) for t in ("76 years", "14 days", "3 weeks"))
    assert facts.supports(("drug", "atorvastatin")) and not facts.supports(("drug", "simvastatin"))
    assert facts.supports(("quantity", fortnight)) and not facts.supports(("quantity", three_weeks))
    assert facts.supports(("quantity", age))
    assert facts.supports(("negated", "chest pain")) and not facts.supports(("asserted", "chest pain"))
    assert facts.supports(("asserted", "headache")) and not facts.supports(("asserted", "fever"))
    assert facts.supports(("asserted", "pain"))  # a broader concept of "headache"


def test_every_rejected_differs_by_exactly_its_modification():
    examples = generate_examples(25, seed=3, hallucinated_fraction=0.4)
    triplets, report = make_triplets(examples, NegativesConfig())
    assert {t.strategy for t in triplets} >= set(STRATEGIES) - {"laterality_swap"} | {"labelled"}
    for t in triplets:
        assert t.rejected != t.chosen
        assert applied(t.chosen, t.modification) == t.rejected
    for name, row in report.rows().items():
        assert row["attempted"] == row["kept"] + sum(row["dropped"].values()), name
        assert row["kept"] == sum(t.strategy == name for t in triplets)
    per_pair = {}
    for t in triplets:
        if t.source == "generated":
            per_pair.setdefault(t.chosen, []).append(t.strategy)
    assert all(len(s) == len(set(s)) <= 3 for s in per_pair.values())


def test_deterministic_by_seed():
    examples = generate_examples(12, seed=5)

    def records(seed):
        return [t.record() for t in make_triplets(examples, NegativesConfig(seed=seed))[0]]

    assert records(1) == records(1)
    assert records(1) != records(2)


def test_labelled_hallucinated_rows_become_labelled_triplets():
    examples = generate_examples(10, seed=2, hallucinated_fraction=0.5)
    orphan = Example("orphan", "A note no factual row has.", "A wrong summary.", "hallucinated")
    triplets, report = make_triplets(examples + [orphan], NegativesConfig(strategies=["fabrication"]))
    labelled = [t for t in triplets if t.source == "labelled"]
    factual = {ex.note: ex.summary for ex in examples if ex.label == "factual"}
    hallucinated = [ex for ex in examples if ex.label == "hallucinated"]
    assert len(labelled) == len(hallucinated) == 5
    for t, ex in zip(labelled, hallucinated):
        assert (t.id, t.strategy, t.prompt, t.chosen, t.rejected) == (f"{ex.id}:labelled", "labelled", ex.note,
                                                                     factual[ex.note], ex.summary)
        assert applied(t.chosen, t.modification) == t.rejected and t.modification["original"]
    assert report.rows()["labelled"] == {"attempted": 6, "kept": 5, "dropped": {"no_factual_pair": 1}}


def test_context_is_carried():
    ex = Example("x", NOTE, SUMMARY, "factual", context="GENHX")
    triplets, _ = make_triplets([ex], config())
    assert triplets and triplets[0].context == "GENHX" and triplets[0].record()["context"] == "GENHX"


@pytest.mark.parametrize("main_format", ["jsonl", "csv"])
def test_run_writes_jsonl_csv_and_report(tmp_path, capsys, main_format):
    examples = generate_examples(8, seed=1, hallucinated_fraction=0.25)
    source = tmp_path / "train.csv"
    write_csv(source, [{"id": e.id, "clinical_note": e.note, "summary": e.summary, "label": e.label}
                       for e in examples])
    output = tmp_path / f"out/triplets.{main_format}"
    report = run_negatives(NegativesConfig(input=str(source), output=str(output)))
    paths = triplet_paths(output)
    jsonl = [json.loads(line) for line in paths["jsonl"].read_text().splitlines()]
    with open(paths["csv"], newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    saved = json.loads(paths["report"].read_text())
    assert len(jsonl) == len(rows) == saved["triplets"] == report.to_dict()["triplets"] > 8
    assert list(rows[0]) == list(jsonl[0]) == ["id", "prompt", "context", "chosen", "rejected", "strategy",
                                                "modification", "source"]
    assert [json.loads(r["modification"]) for r in rows] == [r["modification"] for r in jsonl]
    assert {r["source"] for r in rows} == {"generated", "labelled"}
    assert saved["strategies"] == report.rows()
    table = capsys.readouterr().out
    assert "attempted" in table and "medication_swap" in table and "total" in table


def test_cli_runs_negatives(tmp_path):
    source = tmp_path / "pairs.jsonl"
    source.write_text(json.dumps({"note": NOTE, "summary": SUMMARY}) + "\n")
    assert main(["negatives", "--input", str(source), "--output", str(tmp_path / "t.csv"),
                 "--strategies", "laterality_swap,negation_flip"]) == 0
    rows = list(csv.DictReader(open(tmp_path / "t.csv", encoding="utf-8")))
    assert sorted(r["strategy"] for r in rows) == ["laterality_swap", "negation_flip"]


def test_unknown_strategy_lists_the_valid_ones(capsys, tmp_path):
    with pytest.raises(ValueError, match=r"unknown strategy 'shuffle'; valid: medication_swap, dose_change"):
        NegativesConfig(strategies=["medication_swap", "shuffle"])
    assert main(["negatives", "--input", "x.csv", "--strategies", "shuffle"]) == 2
    assert "valid: medication_swap" in capsys.readouterr().err


@pytest.mark.parametrize("kwargs, message", [
    ({"output": "triplets.txt"}, "use a .jsonl or .csv"),
    ({"per_example": -1}, "at least 0"),
    ({"attempts": 0}, "--attempts at least 1"),
    ({"min_similarity": 1.5}, "between 0 and 1"),
    ({"max_length_ratio": 0.5}, "at least 1"),
])
def test_bad_options(kwargs, message):
    with pytest.raises(ValueError, match=message):
        NegativesConfig(**kwargs)


def test_no_factual_rows_names_file_column_and_fix(tmp_path):
    source = tmp_path / "only_bad.csv"
    write_csv(source, [{"note": NOTE, "summary": "Wrong.", "label": "hallucinated"}])
    with pytest.raises(DataError, match=r"only_bad\.csv, column 'label': no factual rows .*1 hallucinated.*Fix: "):
        run_negatives(NegativesConfig(input=str(source)))


def test_bad_input_files(tmp_path):
    with pytest.raises(DataError, match="missing.csv: file not found"):
        run_negatives(NegativesConfig(input=str(tmp_path / "missing.csv")))
    source = tmp_path / "rows.csv"
    write_csv(source, [{"note": NOTE, "summary": ""}])
    with pytest.raises(DataError, match=r"rows\.csv, row 2, column 'summary': empty summary"):
        run_negatives(NegativesConfig(input=str(source)))
    with pytest.raises(ValueError, match="--input is required"):
        run_negatives(NegativesConfig())


@pytest.mark.slow  # loads the sentence-embedding model of the checker
def test_model_outputs_become_rejected_summaries(tiny_model, tmp_path):
    """--model-path: the model's own greedy summaries, flagged by the checker or looping, are rejected."""
    from clinsum.evaluation.faithfulness import FaithfulnessChecker
    from clinsum.evaluation.metrics import is_degenerate
    from clinsum.inference.generate import GenerationOptions, Summarizer

    examples = generate_examples(6, seed=3)
    source, output = tmp_path / "pairs.csv", tmp_path / "triplets.jsonl"
    write_csv(source, [{"id": e.id, "clinical_note": e.note, "summary": e.summary} for e in examples])
    report = run_negatives(NegativesConfig(input=str(source), output=str(output), strategies=["dose_change"],
                                                model_path=str(tiny_model), model_max_examples=4,
                                                model_max_new_tokens=24))
    triplets = [Triplet(**json.loads(line)) for line in output.read_text().splitlines()]
    made = [t for t in triplets if t.source == "model_output"]
    counts = report.counts["model_output"]
    assert counts["attempted"] == 4 and counts["kept"] == len(made) > 0
    by_id = {e.id: e for e in examples}
    sources = [by_id[t.id.rsplit(":", 1)[0]] for t in made]
    outputs = Summarizer.from_pretrained(str(tiny_model)).summarize(
        [e.note for e in sources], GenerationOptions(max_new_tokens=24, greedy=True), [e.context for e in sources])
    checks = FaithfulnessChecker().check_many([(e.note, out) for e, out in zip(sources, outputs)])
    for t, ex, out, check in zip(made, sources, outputs, checks):
        assert (t.prompt, t.chosen, t.rejected) == (ex.note, ex.summary, out)
        assert t.modification["degenerate"] == is_degenerate(out)
        assert is_degenerate(out) or check.unsupported_count > 0


@pytest.mark.parametrize("kwargs, message", [({"model_samples": 0}, "at least 1"), ({"model_temperature": 0.0}, "positive")])
def test_bad_model_options(kwargs, message):
    with pytest.raises(ValueError, match=message):
        NegativesConfig(**kwargs)


def test_per_example_zero_makes_no_edits():
    triplets, report = make_triplets([Example("fx", NOTE, SUMMARY, "factual")], config(per_example=0))
    assert triplets == [] and not any(c["attempted"] for c in report.counts.values())


def test_sampled_pairs_prefer_the_faithful_sample_closest_to_the_reference():
    """--model-samples k: chosen = an accepted sample (the closest to the reference), rejected = the least
    faithful hallucinated sample of comparable length; notes without both kinds make no pair."""
    from clinsum.evaluation.faithfulness import FaithfulnessChecker

    checker = FaithfulnessChecker(use_embeddings=False)
    close = "58-year-old man with left knee pain for 3 days. On lisinopril 10 mg daily. Started ibuprofen 400 mg."
    far = "Knee pain after a fall."
    wrong = "58-year-old man with right knee pain for 3 weeks. On metoprolol 50 mg daily. Started ibuprofen 800 mg."
    mild = "58-year-old man with left knee pain for 3 days. On lisinopril 10 mg daily. Started naproxen 400 mg."
    rambling = wrong + " He also has diabetes, asthma and a broken wrist, and takes insulin and albuterol daily. " * 3
    checks = checker.check_many([(NOTE, s) for s in (close, far, wrong, mild, rambling)])
    assert [c.hallucinated for c in checks] == [False, False, True, True, True]
    assert checks[2].unfaithful_score > checks[3].unfaithful_score
    example = Example("fx", NOTE, SUMMARY, "factual")
    cfg = NegativesConfig(model_samples=5)
    report = NegativesReport()
    [triplet] = between_samples([example], [(far, rambling, mild, close, wrong, close)], checker, cfg, report)
    assert (triplet.prompt, triplet.chosen, triplet.rejected) == (NOTE, close, wrong)  # rambling: too long
    assert triplet.source == MODEL_OUTPUT and triplet.modification["unfaithful_score"] == checks[2].unfaithful_score
    assert not triplet.modification["degenerate"] and triplet.modification["unsupported"]

    assert between_samples([example], [(close, far)], checker, cfg, report) == []
    assert between_samples([example], [(wrong, mild)], checker, cfg, report) == []
    assert between_samples([example], [(far, rambling)], checker, cfg, report) == []
    counts = report.counts[MODEL_OUTPUT]
    assert (counts["kept"], counts["supported"], counts["no_faithful_sample"], counts["length_mismatch"]) == (1, 1, 1, 1)


@pytest.mark.slow  # loads the sentence-embedding model of the checker
def test_model_samples_run_end_to_end(tiny_model, tmp_path):
    """--model-samples 3 with the tiny model: every note is accounted for, and kept pairs are two of its samples."""
    examples = generate_examples(4, seed=5)
    source, output = tmp_path / "pairs.csv", tmp_path / "triplets.jsonl"
    write_csv(source, [{"id": e.id, "clinical_note": e.note, "summary": e.summary} for e in examples])
    report = run_negatives(NegativesConfig(input=str(source), output=str(output), per_example=0,
                                                model_path=str(tiny_model), model_samples=3, model_temperature=1.5,
                                                model_max_new_tokens=12))
    triplets = [Triplet(**json.loads(line)) for line in output.read_text().splitlines()]
    assert report.counts[MODEL_OUTPUT]["attempted"] == 4
    assert len(triplets) == report.counts[MODEL_OUTPUT]["kept"]
    assert all(t.source == MODEL_OUTPUT and t.chosen != t.rejected for t in triplets)
