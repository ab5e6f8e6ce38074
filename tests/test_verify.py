"""Verified output: candidates picked by the checker, unsupported sentences repaired or dropped, each recorded."""

from __future__ import annotations

import json
import re

import pytest
import torch

from conftest import (
    VERIFY_FIXED, VERIFY_KEPT, VERIFY_LIKELIEST, VERIFY_PICK, StubSummarizer, scripted_summarizer,
)
from conftest import VERIFY_NOTE as NOTE

from clinsum.cli import main as cli_main
from clinsum.data.batching import pad_batch
from clinsum.data.dataset import load_examples
from clinsum.evaluation.faithfulness import FaithfulnessChecker, SentenceCheck, SummaryCheck, UnsupportedFact
from clinsum.evaluation.report import EvalConfig, load_predictions, run_eval
from clinsum.evaluation.verify import (
    DROPPED, KEPT, REPAIRED, GenerateConfig, Verifier, VerifyBudget, run_generate, shown,
)
from clinsum.inference.generate import Candidate, GenerationOptions, Summarizer
from clinsum.text.normalize import split_note


class UnitsChecker:
    """Each sentence carries one unsupported unit per word 'x' and an unsupported fact if it says 'WRONG';
    threshold 4, as the real verifier's."""

    def check_many(self, pairs):
        results = []
        for _, summary in pairs:
            sentences = []
            for k, s in enumerate(split_note(summary)):
                flags = [UnsupportedFact("other", "WRONG", k, "absent_from_note", "")] if "WRONG" in s.text else []
                units = float(len(re.findall(r"\bx\b", s.text)) + 4 * len(flags))
                sentences.append(SentenceCheck(k, s.text, [], [], 0.0, 0, flags, {"novel_words": units}, units))
            results.append(SummaryCheck(sentences, [], sum(c.unfaithful_score for c in sentences), 4.0))
        return results


@pytest.fixture(scope="module")
def lexical_checker():
    return FaithfulnessChecker(use_embeddings=False)


def test_an_invented_dose_is_repaired_and_an_invented_drug_dropped(lexical_checker):
    pick, fixed, kept = VERIFY_PICK, VERIFY_FIXED, VERIFY_KEPT
    stub = scripted_summarizer()
    [result] = Verifier(stub, lexical_checker, VerifyBudget(candidates=2, repair_tries=3)).verify(
        [NOTE], GenerationOptions(greedy=True), progress=False)
    assert result.pick == pick and result.pick_rank == 1 and result.likeliest == VERIFY_LIKELIEST
    assert [s.status for s in result.sentences] == [REPAIRED, KEPT, DROPPED]
    repaired, _, dropped = result.sentences
    assert (repaired.text, repaired.original, repaired.tries) == (fixed, "Takes lisinopril 40 mg daily.", 2)
    assert "dose '40 mg'" in repaired.reason and repaired.unsupported_facts[0]["type"] == "dose"
    assert (dropped.text, dropped.original, dropped.tries) == ("", "Started on metformin 500 mg.", 3)
    assert "metformin" in dropped.reason
    assert result.summary == kept
    assert stub.prefixes == ["", kept]  # each rewrite continues the summary kept so far
    assert not lexical_checker.check(NOTE, result.summary).hallucinated
    record = result.to_dict()
    assert (record["kept"], record["repaired"], record["dropped"], record["all_dropped"]) == (1, 1, 1, False)
    assert record["sentences"][0] == {"status": "repaired", "text": fixed, "original": "Takes lisinopril 40 mg daily.",
                                      "reason": repaired.reason, "unsupported_facts": list(repaired.unsupported_facts),
                                      "tries": 2}
    assert record["sentences"][1] == {"status": "kept", "text": "Left knee pain for 3 days after a fall."}


def test_without_tries_a_failing_sentence_is_dropped_and_an_emptied_summary_says_so(lexical_checker):
    stub = StubSummarizer([[Candidate("Takes warfarin 5 mg. Started on metformin 500 mg.", 0.0)]])
    [result] = Verifier(stub, lexical_checker, VerifyBudget(candidates=1, repair_tries=0)).verify(
        [NOTE], GenerationOptions(), progress=False)
    assert [s.status for s in result.sentences] == [DROPPED, DROPPED] and stub.prefixes == []
    assert result.summary == "" and result.all_dropped
    assert "all 2 sentences dropped" in result.status and shown(result).startswith("[no summary: all 2 sentences")


def test_a_supported_summary_is_returned_unchanged(lexical_checker):
    text = "Left knee pain for 3 days after a fall.\nTakes lisinopril 10 mg daily."
    stub = StubSummarizer([[Candidate(text, 0.0)]])
    [result] = Verifier(stub, lexical_checker).verify([NOTE], GenerationOptions(), progress=False)
    assert result.summary == text and [s.status for s in result.sentences] == [KEPT, KEPT]
    assert result.status == "2 kept, 0 repaired, 0 dropped"


def test_invented_content_is_cut_once_the_summary_would_reach_the_threshold():
    """No flagged fact, but unsupported units add up: the sentence that would bring the summary to the
    threshold is rewritten (a rewrite that still reaches it is refused), and the rest keeps the budget."""
    stub = StubSummarizer([[Candidate("A x x. B x x. C.", 0.0)]],
                          {"A x x.": [" E x x x.", " C.", " D x."]})  # "C." comes next: not a rewrite
    [result] = Verifier(stub, UnitsChecker(), VerifyBudget(repair_tries=3)).verify(["n"], GenerationOptions(),
                                                                               progress=False)
    assert [(s.status, s.text) for s in result.sentences] == [(KEPT, "A x x."), (REPAIRED, "D x."), (KEPT, "C.")]
    assert "2 unsupported units" in result.sentences[1].reason and "threshold of 4" in result.sentences[1].reason
    assert result.summary == "A x x. D x. C."
    [flagged] = Verifier(StubSummarizer([[Candidate("WRONG here. B.", 0.0)]], {"": [" Still WRONG."]}), UnitsChecker(),
                         VerifyBudget(repair_tries=1)).verify(["n"], GenerationOptions(), progress=False)
    assert [s.status for s in flagged.sentences] == [DROPPED, KEPT] and "other 'WRONG'" in flagged.sentences[0].reason


@pytest.fixture(scope="module")
def notes(synthetic_splits):
    return [e.note for e in load_examples(synthetic_splits["test"])[:3]]


@pytest.fixture(scope="module")
def summarizer(tiny_model):
    return Summarizer.from_pretrained(str(tiny_model), device="cpu")


@pytest.mark.parametrize("mode", ["beams", "samples"])
def test_candidates_are_ranked_by_likelihood_and_reproducible(summarizer, notes, mode):
    options = GenerationOptions(max_new_tokens=8, batch_size=3)
    first = summarizer.candidates(notes, options, 3, mode, progress=False)
    assert [len(c) for c in first] == [3, 3, 3]
    for cands in first:
        scores = [c.logprob for c in cands]
        assert scores == sorted(scores, reverse=True) and all(s < 0 for s in scores)
    assert summarizer.candidates(notes, options, 3, mode, progress=False) == first
    if mode == "samples":  # the likeliest sample's score is its mean token log-probability under the model
        assert len({c.text for cands in first for c in cands}) > 3
    with pytest.raises(ValueError, match="--candidates must be at least 1"):
        summarizer.candidates(notes, options, 0)


def test_each_prompt_is_read_once_across_samples_and_repair_rounds(summarizer, notes, monkeypatch):
    """A note's prompt is read once, alone, then kept: its samples and the continuations of its summary read only
    what follows it. The cache built that way gives the logits of a plain reading of the padded batch."""
    summarizer._read.clear()
    reads = []
    forward = summarizer.model.forward
    monkeypatch.setattr(summarizer.model, "forward", lambda *a, **kw: reads.append(kw["input_ids"].shape) or forward(*a, **kw))
    prompts = [summarizer.prompt_format.encode_prompt(n, None, 2048)[0] for n in notes]
    options = GenerationOptions(max_new_tokens=4, batch_size=3)
    found = summarizer.candidates(notes, options, 3, "samples", progress=False)
    assert [len(c) for c in found] == [3, 3, 3]
    prompt_reads = [shape for shape in reads if shape[1] > 1]
    assert sorted(prompt_reads) == sorted((1, len(p)) for p in prompts)  # one reading per note, unpadded
    reads.clear()
    prefix = summarizer.tokenizer.encode(" The patient was seen", add_special_tokens=False)
    summarizer.continue_summaries(notes, [" The patient was seen", "", ""], options, 2)
    assert (1, len(prefix) - 1) in reads  # the prefix is read after the kept prompt (its last token by generate)
    assert all(shape[1] < min(map(len, prompts)) for shape in reads)  # a prompt is never read again
    monkeypatch.undo()

    extras = [[], summarizer.tokenizer.encode(" The patient", add_special_tokens=False), [7]]
    rows = [p + x for p, x in zip(prompts, extras)]
    ids = pad_batch(rows, summarizer.tokenizer.pad_token_id, left=True)
    mask = pad_batch([[1] * len(r) for r in rows], 0, left=True)
    assert len({len(r) for r in rows}) > 1  # left padding is exercised
    cache = summarizer._batch_cache(prompts, extras, ids.shape[1] - 1, 2)
    ids, mask = ids.repeat_interleave(2, 0), mask.repeat_interleave(2, 0)
    positions = (mask.cumsum(-1) - 1).clamp(min=0)
    with torch.no_grad():
        last = summarizer.model(input_ids=ids[:, -1:], attention_mask=mask, position_ids=positions[:, -1:],
                                **{summarizer.cache_argument: cache}).logits[:, -1]
        full = summarizer.model(input_ids=ids, attention_mask=mask, position_ids=positions).logits[:, -1]
    torch.testing.assert_close(last, full, atol=1e-4, rtol=1e-4)


def test_continuing_a_prefix_generates_after_the_prefix_as_the_model_answer(summarizer, notes):
    options = GenerationOptions(greedy=True, max_new_tokens=8, no_repeat_ngram_size=0)
    prefix = "The patient has a rash"
    [[continuation]] = summarizer.continue_summaries(notes[:1], [prefix], options)
    ids = summarizer.prompt_format.encode_prompt(notes[0], None, options.max_input_length)[0]
    ids = torch.tensor([ids + summarizer.tokenizer.encode(prefix, add_special_tokens=False)])
    expected = summarizer.model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), max_new_tokens=8,
                                         do_sample=False, pad_token_id=summarizer.tokenizer.pad_token_id)
    assert continuation == summarizer.tokenizer.decode(expected[0, ids.shape[1]:], skip_special_tokens=True)
    [[unprefixed]] = summarizer.continue_summaries(notes[:1], [""], options)
    assert unprefixed.strip() == summarizer.summarize(notes[:1], options, progress=False)[0] != continuation.strip()
    sampled = summarizer.continue_summaries(notes[:2], [prefix, ""], GenerationOptions(max_new_tokens=6), samples=3)
    assert [len(s) for s in sampled] == [3, 3]


def test_verified_tiny_model_summaries_are_never_hallucinated_by_the_checker(summarizer, notes, lexical_checker):
    budget = VerifyBudget(candidates=3, repair_tries=2)
    results = Verifier(summarizer, lexical_checker, budget).verify(notes, GenerationOptions(max_new_tokens=24),
                                                                   progress=False)
    for note, result in zip(notes, results):
        statuses = [s.status for s in result.sentences]
        assert len(statuses) == len(lexical_checker.check(note, result.pick).sentences)
        assert result.summary == (result.pick if set(statuses) <= {KEPT}
                                  else " ".join(s.text for s in result.sentences if s.status != DROPPED))
        assert not lexical_checker.check(note, result.summary).hallucinated


def test_generate_verifies_by_default_and_no_verify_is_plain(tiny_model, synthetic_splits, tmp_path, capsys):
    output = tmp_path / "summaries.jsonl"
    assert cli_main(["generate", "--model-path", str(tiny_model), "--input-file", str(synthetic_splits["test"]),
                     "--output-file", str(output), "--max-new-tokens", "12", "--candidates", "2",
                     "--repair-tries", "1", "--device", "cpu"]) == 0
    rows = [json.loads(line) for line in output.read_text().splitlines()]
    assert set(rows[0]) == {"id", "note", "summary", "status", "verification"}
    for row in rows:
        sentences = row["verification"]["sentences"]
        assert all(s["status"] in (KEPT, REPAIRED, DROPPED) for s in sentences)
        assert all("original" in s and s["reason"] for s in sentences if s["status"] != KEPT)
    plain = tmp_path / "plain.csv"
    assert cli_main(["generate", "--model-path", str(tiny_model), "--input-file", str(synthetic_splits["test"]),
                     "--output-file", str(plain), "--greedy", "--max-new-tokens", "12", "--no-verify"]) == 0
    assert plain.read_text().splitlines()[0] == "id,note,summary"
    assert cli_main(["generate", "--model-path", str(tiny_model), "--clinical-note", "x", "--candidates", "0"]) == 2
    assert "--candidates must be at least 1" in capsys.readouterr().err

    import io

    stdout = io.StringIO()
    run_generate(GenerateConfig(model_path=str(tiny_model), clinical_note=NOTE, max_new_tokens=12, device="cpu",
                                candidates=2, repair_tries=1), stdout=stdout)
    assert "(verified: " in stdout.getvalue()


def test_eval_reports_plain_control_and_verified_rows(tiny_model, synthetic_splits, tmp_path, lexical_checker):
    config = EvalConfig(models=[f"tiny={tiny_model}"], verified=["tiny"], data=str(synthetic_splits["test"]),
                        max_examples=3, max_new_tokens=12, candidates=2, repair_tries=1, device="cpu",
                        output_dir=str(tmp_path / "eval"), bootstrap_samples=50, use_embeddings=False)
    report = run_eval(config, checker=lexical_checker)
    assert report["models"] == ["tiny", "tiny+likeliest", "tiny+verified"]
    assert set(report["timings"]["generation_s"]) == set(report["models"])
    assert report["verified_rows"] == ["tiny+verified"]
    for key in ("novel_words", "lost_half_rate", "emptied_rate", "dropped_per_summary"):
        assert key in report["metrics"]["tiny+verified"]
    rows = {r["model"]: r for r in load_predictions(tmp_path / "eval" / "predictions.jsonl") if r["id"] == report["inputs"][0]["id"]}
    summarizer = Summarizer.from_pretrained(str(tiny_model), device="cpu")
    [beams] = summarizer.candidates([rows["tiny"]["note"]], config, 2, "beams", [rows["tiny"]["context"]], progress=False)
    assert rows["tiny+likeliest"]["prediction"] == beams[0].text  # the control: the top beam, no checker
    assert "verification" in rows["tiny+verified"] and "verification" not in rows["tiny"]
    markdown = (tmp_path / "eval" / "report.md").read_text()
    assert "## Cost" in markdown and "× plain decoding" in markdown and "Novel content words" in markdown
    rescored = run_eval(EvalConfig(predictions=str(tmp_path / "eval" / "predictions.jsonl"),
                                   output_dir=str(tmp_path / "again"), bootstrap_samples=50, use_embeddings=False),
                        checker=lexical_checker)
    assert rescored["metrics"]["tiny+verified"]["dropped_per_summary"] == report["metrics"]["tiny+verified"]["dropped_per_summary"]
    with pytest.raises(ValueError, match="--verified names dpo"):
        run_eval(EvalConfig(models=[f"tiny={tiny_model}"], verified=["dpo"], data=str(synthetic_splits["test"]),
                            output_dir=str(tmp_path / "x")), checker=lexical_checker)


def test_the_pipeline_eval_section_and_the_command_line_carry_the_budget(tmp_path):
    import yaml

    from clinsum.cli import build_parser
    from clinsum.config import config_from_args, config_from_dict
    from clinsum.serving.service import ServeConfig

    from pathlib import Path

    section = yaml.safe_load((Path(__file__).resolve().parents[1] / "configs" / "mts-dialog.yaml").read_text())["eval"]
    config = config_from_dict(EvalConfig, {**section, "models": ["dpo=x"], "data": "d.csv"}, "eval")
    assert config.verified == ["dpo"]
    assert (config.candidates, config.candidate_mode, config.repair_tries) == (
        section["candidates"], section["candidate_mode"], section["repair_tries"])
    path = tmp_path / "serve.yaml"
    path.write_text("candidates: 6\ncandidate_mode: samples\nrepair_tries: 2\n")
    args = build_parser("serve").parse_args(["serve", "--config", str(path), "--no-verify"])
    serve = config_from_args(ServeConfig, args)
    assert (serve.verify, serve.candidates, serve.candidate_mode, serve.repair_tries) == (False, 6, "samples", 2)
    assert config_from_args(ServeConfig, build_parser("serve").parse_args(["serve"])).verify is True
    with pytest.raises(SystemExit):
        build_parser("serve").parse_args(["serve", "--candidate-mode", "nuclear"])
