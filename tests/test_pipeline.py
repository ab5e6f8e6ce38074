"""The pipeline runs stages in order, skips up-to-date ones, and reruns what a config change invalidates."""

from __future__ import annotations

import json

import pytest

from clinsum.config import config_from_dict, load_yaml
from clinsum.pipeline import STAGES, PipelineConfig, run_pipeline
from clinsum.paths import MTS_DIALOG, MTS_TEST, MTS_TRAIN, MTS_VALIDATION
from conftest import interrupt_on_call


def tiny_pipeline(tiny_model, output_dir, stages, sections: dict | None = None, **sft) -> PipelineConfig:
    return PipelineConfig(
        output_dir=str(output_dir), model=str(tiny_model), stages=stages, show_examples=0,
        data={"synthetic": True, "n_train": 24, "n_val": 4, "n_test": 4, "hallucinated_fraction": 0.25},
        sft={"batch_size": 8, "num_epochs": 1, "learning_rate": 1e-2, "max_length": 256, **sft}, **(sections or {}),
    )


def stage_status(output_dir, stage):
    return json.loads((output_dir / stage / ".stage.json").read_text())


def test_stages_skip_when_up_to_date_and_rerun_on_change(tiny_model, tmp_path):
    out = tmp_path / "run"
    first = run_pipeline(tiny_pipeline(tiny_model, out, ["prepare", "sft"]))
    assert stage_status(out, "sft")["status"] == "done"
    adapter = out / "sft" / "final_model" / "adapter_model.safetensors"
    stamp = adapter.stat().st_mtime_ns

    again = run_pipeline(tiny_pipeline(tiny_model, out, ["prepare", "sft"]))
    assert again == first and adapter.stat().st_mtime_ns == stamp  # skipped

    run_pipeline(tiny_pipeline(tiny_model, out, ["prepare", "sft"], learning_rate=2e-2))
    assert adapter.stat().st_mtime_ns != stamp  # the changed stage reran
    stats = json.loads((out / "sft" / "training_stats.json").read_text())
    assert stats["config"]["learning_rate"] == 2e-2
    assert stats["data"]["dropped_by_label"]["hallucinated"] >= 1  # labelled rows counted, not trained on


def test_interrupted_stage_resumes_from_its_checkpoint(tiny_model, tmp_path, monkeypatch):
    from clinsum.training import sft as sft_module

    out = tmp_path / "run"
    real_step = sft_module.sft_step
    monkeypatch.setattr(sft_module, "sft_step", interrupt_on_call(real_step, 3))
    config = tiny_pipeline(tiny_model, out, ["prepare", "sft"], batch_size=4, save_every_steps=1)
    with pytest.raises(KeyboardInterrupt):
        run_pipeline(config)
    assert stage_status(out, "sft")["status"] == "started"
    assert (out / "sft" / "checkpoint_step_2").is_dir()
    monkeypatch.setattr(sft_module, "sft_step", real_step)
    run_pipeline(config)
    assert stage_status(out, "sft")["status"] == "done"
    assert json.loads((out / "sft" / "training_stats.json").read_text())["totals"]["steps"] == 6  # 24 factual rows at batch 4


def test_unknown_stage_and_section_option_are_clear_errors(tiny_model, tmp_path):
    with pytest.raises(ValueError, match="unknown tokenize"):
        tiny_pipeline(tiny_model, tmp_path, ["prepare", "tokenize"])
    with pytest.raises(ValueError, match="data: unknown option.*n_trian"):
        PipelineConfig(output_dir=str(tmp_path), data={"synthetic": True, "n_trian": 3})
    with pytest.raises(ValueError, match="dpo: --beta must be > 0"):  # a command's own check of a value, too
        tiny_pipeline(tiny_model, tmp_path, ["prepare"], {"dpo": {"beta": 0}})
    with pytest.raises(ValueError, match="negatives: expected a mapping"):
        tiny_pipeline(tiny_model, tmp_path, ["prepare"], {"negatives": ["per_example"]})


def test_a_typo_in_the_last_section_fails_before_any_stage_runs(tmp_path, monkeypatch, capsys):
    """A misspelt eval option stops `clinsum pipeline` at once, not after SFT, negatives and DPO have run."""
    from clinsum import cli, pipeline

    def must_not_run(*args):
        raise AssertionError("a stage ran")

    monkeypatch.setattr(pipeline, "RUNNERS", dict.fromkeys(STAGES, must_not_run))
    config = tmp_path / "run.yaml"
    config.write_text(f"output_dir: {tmp_path / 'run'}\ndata: {{synthetic: true}}\nsft: {{num_epochs: 1}}\n"
                      "eval:\n  max_new_tokens: 8\n  max_new_tokns: 96\n")
    assert cli.main(["pipeline", "--config", str(config)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("clinsum pipeline: error: eval: unknown option(s) max_new_tokns; known:")
    assert len(error.splitlines()) == 1
    assert not (tmp_path / "run").exists()


@pytest.mark.parametrize("name", ["demo.yaml", "mts-dialog.yaml"])
def test_shipped_configs_parse(name):
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "configs" / name
    if not path.exists():
        pytest.skip(f"{name} not written yet")
    config = config_from_dict(PipelineConfig, load_yaml(path), name)
    assert config.stages


@pytest.mark.skipif(not MTS_DIALOG.exists(), reason=f"{MTS_DIALOG} not present")
def test_prepare_stage_reads_mts_dialog(tiny_model, tmp_path):
    config = PipelineConfig(output_dir=str(tmp_path), stages=["prepare"], data={
        "train_data": str(MTS_TRAIN),
        "val_data": str(MTS_VALIDATION),
        "test_data": str(MTS_TEST),
        "max_test_examples": 10,
    })
    paths = run_pipeline(config)["prepare"]
    from clinsum.data.dataset import load_examples

    test = load_examples(paths["test"])
    assert len(test) == 10 and test[0].context and test[0].note.startswith("Doctor:")
    assert len(load_examples(paths["train"])) == 1201


def test_all_stages_end_to_end_on_the_tiny_model(tiny_model, tmp_path, capsys):
    out = tmp_path / "run"
    config = tiny_pipeline(tiny_model, out, list(STAGES), {
        "negatives": {"per_example": 1},
        "dpo": {"batch_size": 4, "num_epochs": 1, "learning_rate": 1e-3, "max_length": 256},
        "eval": {"max_new_tokens": 6, "use_embeddings": False, "bootstrap_samples": 50, "verified": ["dpo"],
                 "candidates": 2, "repair_tries": 1},
    }, learning_rate=3e-2)
    config.show_examples = 2
    outputs = run_pipeline(config)

    assert all(stage_status(out, s)["status"] == "done" for s in STAGES)
    triplets = [json.loads(line) for line in open(outputs["negatives"]["triplets"])]
    assert {t["source"] for t in triplets} == {"generated", "labelled"}
    report = json.loads(open(outputs["eval"]["report_json"]).read())
    assert report["models"] == ["base", "sft", "dpo", "dpo+likeliest", "dpo+verified"]
    assert report["settings"]["candidates"] == 2 and report["verified_rows"] == ["dpo+verified"]
    assert [s["stage"] for s in report["pipeline_stages"]] == list(STAGES)
    assert all(s["peak_rss_mb"] > 50 for s in report["pipeline_stages"])
    assert "## Pipeline stages" in open(outputs["eval"]["report_md"]).read()
    printed = capsys.readouterr().out
    assert printed.count("--- dpo:") == 2 and printed.count("--- dpo+verified:") == 2 and "Pipeline stages" in printed


@pytest.mark.slow  # the checker loads its sentence-embedding model
def test_negatives_from_this_runs_sft_model(tiny_model, tmp_path):
    """negatives.model_path: sft summarizes training notes with the Stage A adapter of the same run."""
    out = tmp_path / "run"
    config = tiny_pipeline(tiny_model, out, ["prepare", "sft", "negatives"], {"negatives": {
        "per_example": 1, "model_path": "sft", "model_max_examples": 3, "model_max_new_tokens": 16}})
    outputs = run_pipeline(config)
    report = json.loads(open(outputs["negatives"]["report"]).read())
    assert report["strategies"]["model_output"]["attempted"] == 3
