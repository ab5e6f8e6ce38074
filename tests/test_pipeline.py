"""The pipeline runs stages in order, skips up-to-date ones, and reruns what a config change invalidates."""

from __future__ import annotations

import json

import pytest

from clinsum.config import config_from_dict, load_yaml
from clinsum.pipeline import STAGES, PipelineConfig, run_pipeline
from conftest import SHARED_MTS, interrupt_on_call


def tiny_pipeline(tiny_model, output_dir, stages, **sft) -> PipelineConfig:
    return PipelineConfig(
        output_dir=str(output_dir), model=str(tiny_model), stages=stages, show_examples=0,
        data={"synthetic": True, "n_train": 24, "n_val": 4, "n_test": 4, "hallucinated_fraction": 0.25},
        sft={"batch_size": 8, "num_epochs": 1, "learning_rate": 1e-2, "max_length": 256, **sft},
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
        run_pipeline(tiny_pipeline(tiny_model, tmp_path, ["prepare", "tokenize"]))
    bad = tiny_pipeline(tiny_model, tmp_path / "b", ["prepare"])
    bad.data["n_trian"] = 3
    with pytest.raises(ValueError, match="data: unknown option.*n_trian"):
        run_pipeline(bad)


@pytest.mark.parametrize("name", ["demo.yaml", "mts-dialog.yaml"])
def test_shipped_configs_parse(name):
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "configs" / name
    if not path.exists():
        pytest.skip(f"{name} not written yet")
    config = config_from_dict(PipelineConfig, load_yaml(path), name)
    assert config.stages


@pytest.mark.skipif(not SHARED_MTS.exists(), reason="../shared/datasets/mts-dialog not present")
def test_prepare_stage_reads_mts_dialog(tiny_model, tmp_path):
    config = PipelineConfig(output_dir=str(tmp_path), stages=["prepare"], data={
        "train_data": str(SHARED_MTS / "MTS-Dialog-TrainingSet.csv"),
        "val_data": str(SHARED_MTS / "MTS-Dialog-ValidationSet.csv"),
        "test_data": str(SHARED_MTS / "MTS-Dialog-TestSet-1-MEDIQA-Chat-2023.csv"),
        "max_test_examples": 10,
    })
    paths = run_pipeline(config)["prepare"]
    from clinsum.data.dataset import load_examples

    test = load_examples(paths["test"])
    assert len(test) == 10 and test[0].context and test[0].note.startswith("Doctor:")
    assert len(load_examples(paths["train"])) == 1201


def test_all_stages_end_to_end_on_the_tiny_model(tiny_model, tmp_path, capsys):
    out = tmp_path / "run"
    config = tiny_pipeline(tiny_model, out, list(STAGES), learning_rate=3e-2)
    config.show_examples = 2
    config.negatives = {"per_example": 1}
    config.dpo = {"batch_size": 4, "num_epochs": 1, "learning_rate": 1e-3, "max_length": 256}
    config.eval = {"max_new_tokens": 6, "use_embeddings": False, "bootstrap_samples": 50, "verified": ["dpo"],
                   "candidates": 2, "repair_tries": 1}
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
    config = tiny_pipeline(tiny_model, out, ["prepare", "sft", "negatives"])
    config.negatives = {"per_example": 1, "model_path": "sft", "model_max_examples": 3, "model_max_new_tokens": 16}
    outputs = run_pipeline(config)
    report = json.loads(open(outputs["negatives"]["report"]).read())
    assert report["strategies"]["model_output"]["attempted"] == 3
