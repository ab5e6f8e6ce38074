"""`clinsum eval`: metrics, bootstrap intervals, scoring, report files and error messages.

Most tests use a fake faithfulness checker (numbers absent from the note are unsupported) so they run
in milliseconds; one test runs the real checker in lexical mode.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

import numpy as np
import pytest

from clinsum.evaluation.metrics import (
    auroc, bootstrap_ci, bootstrap_indices, grouped_auroc_ci, is_degenerate, paired_difference_ci, repetition_rate,
    rouge_f1, word_count,
)
from clinsum.evaluation.render import clipped, mark_unsupported, side_by_side_ids
from clinsum.evaluation.report import (
    EvalConfig, load_predictions, locate_facts, parse_models, run_eval, score_predictions,
)


@dataclass
class FakeFact:
    type: str
    span: str
    reason: str = "not in the note"
    sentence_index: int = 0
    detail: str = ""


@dataclass
class FakeCheck:
    unsupported_facts: list
    support_ratio: float
    unsupported_by_type: dict = field(default_factory=dict)
    unfaithful_score: float | None = None

    @property
    def unsupported_count(self) -> int:
        return len(self.unsupported_facts)

    @property
    def hallucinated(self) -> bool:
        return self.unsupported_count > 0


class FakeChecker:
    """Numbers in the summary that the note lacks are unsupported 'number' facts; counts its calls."""

    def __init__(self):
        self.calls = 0

    def check(self, note: str, summary: str) -> FakeCheck:
        numbers = re.findall(r"\d+(?:\.\d+)?", summary)
        facts = [FakeFact("number", n) for n in numbers if n not in note]
        ratio = 1.0 - len(facts) / len(numbers) if numbers else 1.0
        return FakeCheck(facts, ratio, {"number": len(facts)} if facts else {})

    def check_many(self, pairs):
        self.calls += 1
        return [self.check(n, s) for n, s in pairs]


def _record(i, model, prediction, note=None, reference="patient takes lisinopril 10 mg daily"):
    note = note or f"Note {i}: patient takes lisinopril 10 mg daily for hypertension."
    return {"id": str(i), "model": model, "note": note, "reference": reference, "prediction": prediction,
            "context": None}


# ---------------------------------------------------------------- metrics


def test_rouge_identical_is_one_and_disjoint_is_zero():
    scores = rouge_f1(["Patient started on lisinopril 10 mg.", "cough and fever"],
                      ["Patient started on lisinopril 10 mg.", "fractured left wrist"])
    for t in ("rouge1", "rouge2", "rougeL"):
        assert scores[t][0] == pytest.approx(1.0)
        assert scores[t][1] == 0.0
    # stemming: "fevers"/"fever" match
    assert rouge_f1(["fevers"], ["fever"])["rouge1"][0] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="2 predictions but 1 references"):
        rouge_f1(["a", "b"], ["a"])


def test_repetition_flags_a_loop_but_not_a_clean_summary():
    loop = "the patient has a cough the patient has a cough the patient has a cough the patient has a cough"
    clean = "A 54-year-old man with a dry cough for 3 days; lungs clear; started on benzonatate 100 mg TID."
    assert repetition_rate(clean) == 0.0
    assert repetition_rate(loop) > 0.6
    assert is_degenerate(loop) and not is_degenerate(clean)
    assert repetition_rate("") == 0.0 and repetition_rate("too short") == 0.0
    assert word_count(clean) == 18  # "54-year-old" is one word


def test_bootstrap_ci_contains_mean_narrows_with_more_examples_and_is_seeded():
    rng = np.random.default_rng(1)
    small, large = rng.normal(0.5, 0.2, 20), rng.normal(0.5, 0.2, 2000)
    ci_small = bootstrap_ci(small, bootstrap_indices(len(small), 500, seed=3))
    ci_large = bootstrap_ci(large, bootstrap_indices(len(large), 500, seed=3))
    for ci, values in ((ci_small, small), (ci_large, large)):
        assert ci.low < ci.mean < ci.high
        assert ci.mean == pytest.approx(values.mean())
    assert ci_large.high - ci_large.low < (ci_small.high - ci_small.low) / 4
    again = bootstrap_ci(small, bootstrap_indices(len(small), 500, seed=3))
    other = bootstrap_ci(small, bootstrap_indices(len(small), 500, seed=4))
    assert again == ci_small and other != ci_small
    with pytest.raises(ValueError, match="for 20 examples, got 3"):
        bootstrap_ci([1, 2, 3], bootstrap_indices(20, 10))


def test_paired_difference_ci_detects_a_consistent_gain_that_unpaired_intervals_hide():
    rng = np.random.default_rng(0)
    baseline = rng.uniform(0.1, 0.9, 40)  # large spread between examples
    better = baseline + 0.03 + rng.normal(0, 0.005, 40)  # small, consistent gain on every example
    indices = bootstrap_indices(40, 1000, seed=0)
    a, b = bootstrap_ci(baseline, indices), bootstrap_ci(better, indices)
    assert b.low < a.high  # the per-model intervals overlap...
    delta = paired_difference_ci(better, baseline, indices)
    assert 0 < delta.low < 0.03 < delta.high < 0.04  # ...the paired difference does not include 0
    assert delta.mean == pytest.approx(b.mean - a.mean)
    same = paired_difference_ci(baseline, baseline, indices)
    assert same.low == same.mean == same.high == 0.0


# ---------------------------------------------------------------- scoring


def test_parse_models_keeps_order_and_rejects_bad_items():
    assert parse_models(["base=default", "sft = runs/sft/final_model"]) == [
        ("base", "default"), ("sft", "runs/sft/final_model")]
    for bad in (["runs/sft/final_model"], ["=default"], ["sft="]):
        with pytest.raises(ValueError, match="expected NAME=PATH"):
            parse_models(bad)
    with pytest.raises(ValueError, match="'base' is used twice"):
        parse_models(["base=default", "base=other"])
    assert parse_models(["sft"], need_paths=False) == [("sft", "")]


def test_score_predictions_counts_hallucinations_types_and_paired_deltas():
    # base: 2 of 4 summaries state a number the note lacks; sft: none.
    records = [_record(i, "base", p) for i, p in enumerate(
        ["lisinopril 20 mg daily", "lisinopril 10 mg daily", "on 5 drugs and 7 visits", "lisinopril daily"])]
    records += [_record(i, "sft", "patient takes lisinopril 10 mg daily") for i in range(4)]
    checker = FakeChecker()
    scores = score_predictions(records, checker=checker, bootstrap_samples=200, seed=0, progress=False)
    assert scores["models"] == ["base", "sft"] and scores["n_examples"] == 4
    base, sft = scores["metrics"]["base"], scores["metrics"]["sft"]
    assert base["hallucination_rate"]["mean"] == 0.5 and sft["hallucination_rate"]["mean"] == 0.0
    assert base["unsupported_per_summary"]["mean"] == 0.75  # 1 + 0 + 2 + 0
    assert scores["unsupported_by_type"]["base"]["number"]["mean"] == 0.75
    assert scores["unsupported_by_type"]["base"]["medication"]["mean"] == 0.0
    assert sft["rougeL"]["mean"] == pytest.approx(1.0)
    delta = scores["deltas"]["sft"]["hallucination_rate"]
    assert delta["mean"] == -0.5 and delta["low"] <= -0.25 and delta["high"] <= 0
    assert scores["deltas"]["sft"]["rougeL"]["mean"] == pytest.approx(sft["rougeL"]["mean"] - base["rougeL"]["mean"])
    first = scores["examples"]["base"][0]
    assert first["unsupported_facts"][0]["span"] == "20" and first["hallucinated"] == 1
    assert checker.calls == 2  # one batched call per model for 4 summaries
    # model order follows the request, and the first is the baseline
    flipped = score_predictions(records, ["sft", "base"], FakeChecker(), 200, 0, progress=False)
    assert flipped["baseline"] == "sft" and flipped["deltas"]["base"]["hallucination_rate"]["mean"] == 0.5
    assert scores["deltas_vs_previous"] == {}  # two models: the baseline delta says it all
    records += [_record(i, "dpo", p) for i, p in enumerate(["lisinopril 10 mg daily"] * 3 + ["lisinopril 40 mg daily"])]
    three = score_predictions(records, checker=FakeChecker(), bootstrap_samples=200, seed=0, progress=False)
    assert list(three["deltas_vs_previous"]) == ["dpo"]
    assert three["deltas_vs_previous"]["dpo"]["hallucination_rate"]["mean"] == 0.25  # vs sft, not vs base
    assert three["deltas"]["dpo"]["hallucination_rate"]["mean"] == -0.25


def test_score_predictions_rejects_unpaired_or_missing_models():
    records = [_record(i, "base", "x") for i in range(3)] + [_record(i, "sft", "x") for i in range(2)]
    with pytest.raises(ValueError, match="different examples"):
        score_predictions(records, checker=FakeChecker(), progress=False)
    with pytest.raises(ValueError, match="no predictions for model 'dpo' \\(it has: base, sft\\)"):
        score_predictions(records, ["base", "dpo"], FakeChecker(), progress=False)


def test_unsupported_spans_are_located_in_their_sentence_and_escaped():
    text = "Painful <b>rash</b>. Takes 81 mg & 81 mg again; no pain."
    facts = [{"type": "dose", "span": "81 mg", "reason": "contradicted_by_note", "sentence_index": 1},
             {"type": "dose", "span": "81 MG", "reason": "second", "sentence_index": 1},
             {"type": "negation", "span": "pain", "reason": "negation_reversed", "sentence_index": 1},
             {"type": "number", "span": "missing", "reason": "not in text", "sentence_index": 0}]
    locate_facts(text, facts)
    assert [text[f["start"]:f["end"]] if f["start"] is not None else None for f in facts] == [
        "81 mg", "81 mg", "pain", None]
    assert facts[0]["start"] != facts[1]["start"]  # the second mention is a second fact
    assert facts[2]["start"] == text.index("no pain") + 3  # a whole word, not "Pain" in "Painful"
    out = mark_unsupported(text, facts, html.escape, lambda s, f: f"[{s}]")
    assert out == "Painful &lt;b&gt;rash&lt;/b&gt;. Takes [81 mg] &amp; [81 mg] again; no [pain]."


# ---------------------------------------------------------------- end to end


@pytest.fixture(scope="module")
def eval_run(tmp_path_factory, tiny_model, synthetic_splits):
    """One generation run with two 'models' (the tiny base twice) on 6 synthetic test notes."""
    out = tmp_path_factory.mktemp("eval")
    config = EvalConfig(models=[f"base={tiny_model}", f"again={tiny_model}"], data=str(synthetic_splits["test"]),
                        output_dir=str(out), max_examples=6, max_new_tokens=8, batch_size=6, device="cpu",
                        bootstrap_samples=300, worst_examples=2)
    return config, run_eval(config, checker=FakeChecker())


def test_run_eval_writes_all_report_files(eval_run, capsys):
    config, report = eval_run
    out = config.output_dir
    from pathlib import Path

    out = Path(out)
    for name in ("predictions.jsonl", "report.json", "report.md", "report.html"):
        assert (out / name).is_file(), name
    plots = sorted(p.name for p in (out / "plots").glob("*.png"))
    assert plots == ["hallucination_rate.png", "length.png", "rougeL.png", "support_ratio.png", "unsupported.png"]
    assert all((out / "plots" / p).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in plots)
    predictions = load_predictions(out / "predictions.jsonl")
    assert len(predictions) == 12 and {p["model"] for p in predictions} == {"base", "again"}
    assert set(predictions[0]) >= {"id", "model", "note", "reference", "prediction", "context"}
    saved = json.loads((out / "report.json").read_text())
    assert saved["models"] == ["base", "again"] and saved["n_examples"] == 6
    assert len(saved["examples"]["base"]) == 6 and saved["settings"]["greedy"] is True
    assert saved["timings"]["generation_s"]["base"] > 0 and "torch" in saved["versions"]
    # the same model twice, greedy: identical summaries, a zero difference
    assert [e["prediction"] for e in saved["examples"]["base"]] == [e["prediction"] for e in saved["examples"]["again"]]
    assert saved["deltas"]["again"]["rougeL"] == {"mean": 0.0, "low": 0.0, "high": 0.0}


def test_html_report_is_self_contained(eval_run):
    config, _ = eval_run
    from pathlib import Path

    page = (Path(config.output_dir) / "report.html").read_text()
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "<script" not in page
    images = re.findall(r'<img [^>]*src="([^"]*)"', page)
    assert len(images) == 5 and all(src.startswith("data:image/png;base64,") for src in images)


def test_markdown_numbers_match_json(eval_run):
    config, report = eval_run
    from pathlib import Path

    md = (Path(config.output_dir) / "report.md").read_text()
    saved = json.loads((Path(config.output_dir) / "report.json").read_text())

    def cells(label):
        row = next(line for line in md.splitlines() if line.startswith(f"| {label} |"))
        return [c.strip() for c in row.strip("|").split("|")][1:]

    shown = (("ROUGE-L F1", "rougeL", 1, 3), ("Hallucination rate", "hallucination_rate", 100, 1),
             ("Length (words)", "length", 1, 1))
    for label, key, scale, digits in shown:
        for model, cell in zip(saved["models"], cells(label)):
            numbers = [float(x) for x in re.findall(r"-?\d+\.\d+", cell)]
            expected = [round(saved["metrics"][model][key][k] * scale, digits) for k in ("mean", "low", "high")]
            assert numbers == pytest.approx(expected, abs=10 ** -digits / 2 + 1e-9), (label, model, cell)
    delta_cell = cells("Δ ROUGE-L F1 vs base")[1]
    assert [float(x) for x in re.findall(r"[-+]\d+\.\d+", delta_cell)] == [0.0, 0.0, 0.0]
    assert "## Worst examples" in md and "### again" in md


def test_rescoring_saved_predictions_gives_identical_scores(eval_run, tmp_path, monkeypatch):
    config, report = eval_run
    import clinsum.inference.generate as generate

    monkeypatch.setattr(generate.Summarizer, "from_pretrained", lambda *a, **k: pytest.fail("model loaded"))
    rescore = EvalConfig(predictions=f"{config.output_dir}/predictions.jsonl", output_dir=str(tmp_path),
                         bootstrap_samples=config.bootstrap_samples, seed=config.seed, worst_examples=2)
    again = run_eval(rescore, checker=FakeChecker())
    for key in ("models", "n_examples", "metrics", "unsupported_by_type", "deltas", "examples", "inputs"):
        assert again[key] == report[key], key
    assert again["settings"]["generated"] is False and again["timings"]["generation_s"] == {}
    only_one = run_eval(EvalConfig(predictions=rescore.predictions, models=["again"], output_dir=str(tmp_path / "one"),
                                   bootstrap_samples=50), checker=FakeChecker())
    assert only_one["models"] == ["again"] and only_one["deltas"] == {}


def test_published_report_gives_back_its_predictions_without_holding_the_text(eval_run, tmp_path):
    """publish_report.py drops the notes; report_predictions.py restores them from the test file, so a
    published report can be rescored with a newer checker."""
    from pathlib import Path

    from publish_report import publish
    from report_predictions import rebuild

    config, _ = eval_run
    publish(Path(config.output_dir), tmp_path / "published")
    published = tmp_path / "published" / "report.json"
    assert "note" not in json.loads(published.read_text())["inputs"][0]
    original = load_predictions(Path(config.output_dir) / "predictions.jsonl")
    assert rebuild(published, Path(config.data)) == original
    with pytest.raises(SystemExit, match="ids of"):
        rebuild(published, Path(config.data).with_name("train.csv"))


def test_html_marks_unsupported_spans_with_escaped_tooltips(tmp_path):
    records = [_record(0, "base", "Gave <i>aspirin</i> 325 mg & rest", note="Gave aspirin 81 mg & rest"),
               _record(1, "base", "Rest")]
    config = EvalConfig(predictions=str(_write_jsonl(tmp_path / "p.jsonl", records)), output_dir=str(tmp_path),
                        bootstrap_samples=20)
    run_eval(config, checker=FakeChecker())
    page = (tmp_path / "report.html").read_text()
    assert '<mark title="number: not in the note">325<sup>number</sup></mark>' in page
    assert "Gave &lt;i&gt;aspirin&lt;/i&gt; <mark" in page and "&amp; rest" in page
    assert "<i>aspirin" not in page
    md = (tmp_path / "report.md").read_text()
    assert r"Gave \<i\>aspirin\</i\> **«325»**<sup>number</sup> mg & rest" in md


def test_side_by_side_shows_the_notes_where_models_differ_most(tmp_path):
    records = [_record(i, "base", "lisinopril 10 mg daily") for i in range(4)]
    records += [_record(0, "sft", "lisinopril 10 mg daily"), _record(1, "sft", "lisinopril 20 mg daily"),
                _record(2, "sft", "on 5 drugs and 7 visits"), _record(3, "sft", "lisinopril 10 mg daily " * 60)]
    config = EvalConfig(predictions=str(_write_jsonl(tmp_path / "p.jsonl", records)), output_dir=str(tmp_path),
                        bootstrap_samples=20, side_by_side=2)
    report = run_eval(config, checker=FakeChecker())
    assert side_by_side_ids(report, 2) == ["2", "1"]  # 2 unsupported vs 0, then 1 vs 0
    md = (tmp_path / "report.md").read_text()
    section = md[md.index("## Side by side"):md.index("## Settings")]
    assert section.index("### Example 2") < section.index("### Example 1") and "### Example 0" not in section
    assert "- **sft** (2 unsupported, ROUGE-L" in section and "on **«5»**<sup>number</sup> drugs" in section
    assert "Side by side" in (tmp_path / "report.html").read_text()
    text, facts = clipped({"prediction": "word " * 200, "unsupported_facts": [{"start": 5, "end": 9}, {"start": 900, "end": 904}]})
    assert len(text) <= 302 and text.endswith(" …") and facts == [{"start": 5, "end": 9}]


# ---------------------------------------------------------------- errors


def test_cli_reports_bad_inputs_clearly(tmp_path, capsys, monkeypatch, synthetic_splits):
    from clinsum.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["eval", "--models", "base", "--data", str(synthetic_splits["test"]),
                 "--output-dir", str(tmp_path)]) == 2
    assert "--models item 'base': expected NAME=PATH" in capsys.readouterr().err
    assert main(["eval", "--models", "base=default", "--data", str(tmp_path / "nope.csv"),
                 "--output-dir", str(tmp_path)]) == 2
    assert "nope.csv: file not found" in capsys.readouterr().err
    assert main(["eval", "--data", str(synthetic_splits["test"]), "--output-dir", str(tmp_path)]) == 2
    assert "--models is required" in capsys.readouterr().err
    (tmp_path / "runs").mkdir()  # a local folder: runs/... is a path, not a hub id
    assert main(["eval", "--models", "base=default,sft=runs/sft/final_modl", "--data", str(synthetic_splits["test"]),
                 "--output-dir", str(tmp_path)]) == 2
    assert "--models sft=runs/sft/final_modl: no such file or folder" in capsys.readouterr().err
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text("".join(json.dumps(_record(i, "base", "x")) + "\n" for i in range(2)))
    assert main(["eval", "--predictions", str(predictions), "--models", "base,sft", "--output-dir", str(tmp_path)]) == 2
    assert "no predictions for model 'sft' (it has: base)" in capsys.readouterr().err
    predictions.write_text(json.dumps({"id": 1, "model": "base", "note": "n"}) + "\n")
    assert main(["eval", "--predictions", str(predictions), "--output-dir", str(tmp_path)]) == 2
    assert "row 1: missing field(s) reference, prediction" in capsys.readouterr().err


def test_references_exclude_hallucinated_rows_and_evidence_markers(tmp_path):
    from clinsum.evaluation.report import load_eval_examples

    data = tmp_path / "test.csv"
    data.write_text("id,clinical_note,model_summary,label\n"
                    "1,Cough for 3 days.,Cough for 3 days. [Evidence: S1; Conf: 0.9],factual\n"
                    "2,Cough for 3 days.,Cough for 9 days.,hallucinated\n"
                    "3,Rash on the left arm.,Left arm rash.,factual\n")
    examples = load_eval_examples(EvalConfig(data=str(data)))
    assert [(e.id, e.summary) for e in examples] == [("1", "Cough for 3 days."), ("3", "Left arm rash.")]
    assert [e.id for e in load_eval_examples(EvalConfig(data=str(data), max_examples=1))] == ["1"]


def test_each_model_is_freed_before_the_next_loads(tmp_path, monkeypatch, synthetic_splits):
    import weakref

    import torch

    import clinsum.evaluation.report as report_module

    loaded = []

    class FakeSummarizer:
        device = torch.device("cpu")

        def __init__(self, path):
            self.path = path

        @classmethod
        def from_pretrained(cls, path, *args):
            assert all(ref() is None for ref in loaded), "the previous model is still alive"
            model = cls(path)
            loaded.append(weakref.ref(model))
            return model

        def summarize(self, notes, options, contexts, progress=True):
            return [f"{self.path} summary {i}" for i in range(len(notes))]

    monkeypatch.setattr(report_module, "Summarizer", FakeSummarizer)
    config = EvalConfig(models=["a=default", "b=default", "c=default"], data=str(synthetic_splits["test"]),
                        output_dir=str(tmp_path), max_examples=2)
    records, seconds, _ = report_module.generate_predictions(report_module.parse_models(config.models),
                                                          report_module.load_eval_examples(config), config,
                                                          tmp_path / "p.jsonl")
    assert len(loaded) == 3 and list(seconds) == ["a", "b", "c"]
    assert [r["model"] for r in load_predictions(tmp_path / "p.jsonl")] == ["a", "a", "b", "b", "c", "c"]


# ---------------------------------------------------------------- real checker


def test_real_checker_lexical_mode_scores_a_hallucinated_dose(tmp_path):
    faithfulness = pytest.importorskip("clinsum.evaluation.faithfulness",
                                       reason="the faithfulness checker is not written yet")
    checker = faithfulness.FaithfulnessChecker(use_embeddings=False)
    note = "Patient with hypertension. Continue lisinopril 10 mg daily. Follow up in 2 weeks."
    records = [_record(0, "base", "Hypertension; lisinopril 40 mg daily.", note=note),
               _record(0, "sft", "Hypertension; continue lisinopril 10 mg daily.", note=note)]
    report = run_eval(EvalConfig(predictions=str(_write_jsonl(tmp_path / "p.jsonl", records)),
                                 output_dir=str(tmp_path / "out"), bootstrap_samples=50), checker=checker)
    base, sft = report["examples"]["base"][0], report["examples"]["sft"][0]
    assert base["unsupported"] >= 1 and base["hallucinated"] == 1
    assert sft["unsupported"] == 0 and sft["support_ratio"] == pytest.approx(1.0)
    assert any("40" in f["span"] for f in base["unsupported_facts"])
    assert "<mark" in (tmp_path / "out" / "report.html").read_text()


def _write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_auroc_counts_ties_half_and_orders_pairs():
    assert auroc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]) == 1.0
    assert auroc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]) == 0.0
    assert auroc([1, 1, 1, 1], [0, 1, 0, 1]) == 0.5
    # positives 2 and 3 against negatives 1 and 2: 1 + 0.5 + 1 + 1 of 4 pairs
    assert auroc([1, 2, 2, 3], [0, 0, 1, 1]) == pytest.approx(0.875)
    assert np.isnan(auroc([1, 2], [1, 1]))


def test_grouped_auroc_interval_contains_the_estimate():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 2, 200)
    scores = labels + rng.normal(0, 1, 200)
    ci = grouped_auroc_ci(scores, labels, np.arange(200) // 4, samples=200)
    assert ci.low < ci.mean < ci.high and 0.6 < ci.mean < 0.9


def test_human_label_file_errors_name_the_file_row_and_fix(tmp_path):
    from clinsum.data.dataset import DataError
    from clinsum.evaluation.human_labels import load_study

    good = "row,ID,Dialogue,Automatic Summary,FactualPrecision,HallucinationRate\n0,0,d,s,0.5,0\n1,0,d,s,1,0.2\n"
    (tmp_path / "ok.csv").write_text(good, encoding="utf-8")
    rows = load_study(tmp_path / "ok.csv")
    assert [(r["unfaithful"], r["hallucinated"]) for r in rows] == [(True, False), (False, True)]
    (tmp_path / "cols.csv").write_text("row,ID,Dialogue\n0,0,d\n", encoding="utf-8")
    with pytest.raises(DataError, match="missing columns: Automatic Summary"):
        load_study(tmp_path / "cols.csv")
    (tmp_path / "nan.csv").write_text(good.replace("0.5", "high"), encoding="utf-8")
    with pytest.raises(DataError, match="row 2.*must be numbers"):
        load_study(tmp_path / "nan.csv")


def test_no_score_writes_predictions_only_and_they_rescore(tmp_path, tiny_model, synthetic_splits, monkeypatch):
    import clinsum.evaluation.report as report_module

    config = EvalConfig(models=[f"base={tiny_model}"], data=str(synthetic_splits["test"]), output_dir=str(tmp_path / "gen"),
                        max_examples=3, max_new_tokens=4, batch_size=3, device="cpu", score=False)
    monkeypatch.setattr(report_module, "score_predictions", lambda *a, **k: pytest.fail("scored"))
    result = run_eval(config)
    assert sorted(p.name for p in (tmp_path / "gen").iterdir()) == ["predictions.jsonl"]
    assert result["predictions_file"] == str(tmp_path / "gen" / "predictions.jsonl")
    assert len(load_predictions(result["predictions_file"])) == 3
    monkeypatch.undo()
    rescored = run_eval(EvalConfig(predictions=result["predictions_file"], output_dir=str(tmp_path / "scored"),
                                   bootstrap_samples=20), checker=FakeChecker())
    assert rescored["n_examples"] == 3
