"""Data-parallel training with 2 CPU processes (gloo), launched by `torchrun` in a subprocess.

Checked: each process trains on its own shard of every global batch; 2 processes at batch 2 give the
losses and adapter of 1 process at batch 4 (same data order); only the first process writes files and
logs; a 2-process run stopped by SIGTERM resumes with 2 processes at the right step; DPO's reference
pass is shared out and its cache written once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
import yaml
from safetensors.torch import load_file

from clinsum.data.batching import length_grouped_batches
from clinsum.training.dpo import DPOConfig, train_dpo
from clinsum.training.sft import SFTConfig, train_sft
from conftest import assert_same_adapter

ENTRY = Path(__file__).with_name("distributed_entry.py")
CONFIGS = Path(__file__).resolve().parents[1] / "configs"
# The sums run in another order, so the figures agree to rounding. Measured here (README "Scale"): per-step
# loss |difference| up to 5.2e-6 (losses ~7), adapter tensors |difference| / |tensor| up to 3.1e-5 after
# 16 Adam steps at lr 5e-2. The bounds are 10x that.
LOSS_TOLERANCE, WEIGHT_TOLERANCE = 5e-5, 3e-4


pytestmark = pytest.mark.usefixtures("one_thread")


def relative_difference(expected_dir: Path, actual_dir: Path) -> float:
    """Largest |a - b| / |a| over the adapter's tensors (Frobenius norms)."""
    expected, actual = (load_file(p / "adapter_model.safetensors") for p in (expected_dir, actual_dir))
    assert expected.keys() == actual.keys()
    return max(((expected[k] - actual[k]).norm() / expected[k].norm()).item() for k in expected)


def torchrun(tmp: Path, name: str, args: list[str], processes: int = 2, **env) -> tuple[int, dict[int, dict], dict[int, str]]:
    """Run `clinsum <args>` under torchrun -> (exit code, record per rank, stderr per rank)."""
    records, logs = tmp / f"{name}.records", tmp / f"{name}.logs"
    records.mkdir()
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc-per-node={processes}",
               f"--log-dir={logs}", "--redirects=3", str(ENTRY), str(records), *args]
    environment = {**os.environ, "OMP_NUM_THREADS": "1", "HF_HUB_OFFLINE": "1", **env}
    done = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=600)
    stderr = {int(p.parent.name): p.read_text() for p in logs.rglob("stderr.log")}
    by_rank = {int(p.stem[4:]): json.loads(p.read_text()) for p in records.glob("rank*.json")}
    assert len(by_rank) == processes, (done.stdout[-2000:], done.stderr[-3000:], stderr)
    return done.returncode, by_rank, stderr


def write_yaml(path: Path, values: dict) -> Path:
    path.write_text(yaml.safe_dump(values))
    return path


@pytest.fixture(scope="module")
def sft_values(tiny_model, synthetic_splits):
    """A 1-epoch tiny SFT run without dropout (so that processes draw no random numbers), 16 steps of 4 rows."""
    return dict(
        train_data=str(synthetic_splits["train"]), val_data=str(synthetic_splits["val"]), model=str(tiny_model),
        num_epochs=1, learning_rate=5e-2, lora_r=8, lora_alpha=16, lora_dropout=0.0, max_length=256,
        lora_target_modules=["q_proj", "v_proj"],  # the adapter the tolerances below were measured with
        warmup_steps=2, save_every_steps=0, seed=7, device="cpu",
    )


def one_process_run(values: dict, tmp: Path) -> Path:
    """SFT with ``values`` in this process at batch 4 -> its output folder."""
    train_sft(SFTConfig(**values, batch_size=4, output_dir=str(tmp / "run")))
    return tmp / "run"


def two_process_run(values: dict, tmp: Path, **env) -> tuple[Path, dict[int, dict], dict[int, str], Path]:
    """SFT with ``values`` in 2 processes at batch 2 -> (output folder, records, stderr per rank, its config)."""
    config = write_yaml(tmp / "sft.yaml", {**values, "batch_size": 2, "output_dir": str(tmp / "run")})
    code, records, stderr = torchrun(tmp, "sft", ["sft", "--config", str(config)], **env)
    assert code == 0, stderr
    return tmp / "run", records, stderr, config


@pytest.fixture(scope="module")
def one_process_sft(sft_values, tmp_path_factory):
    return one_process_run(sft_values, tmp_path_factory.mktemp("one"))


@pytest.fixture(scope="module")
def two_process_sft(sft_values, tmp_path_factory):
    return two_process_run(sft_values, tmp_path_factory.mktemp("two"))


def test_two_processes_at_batch_2_match_one_process_at_batch_4(one_process_sft, two_process_sft, sft_values):
    out, records, _, _ = two_process_sft
    one = json.loads((one_process_sft / "training_stats.json").read_text())
    two = json.loads((out / "training_stats.json").read_text())
    assert (two["processes"], two["global_batch"], one["global_batch"]) == (2, 4, 4)
    assert len(two["steps"]) == len(one["steps"]) == 16
    losses = torch.tensor([[a["loss"], b["loss"]] for a, b in zip(one["steps"], two["steps"])])
    assert (losses[:, 0] - losses[:, 1]).abs().max() < LOSS_TOLERANCE, losses
    assert losses[-1, 0] < losses[0, 0] - 0.3  # it trained
    assert abs(one["epochs"][0]["val_loss"] - two["epochs"][0]["val_loss"]) < LOSS_TOLERANCE
    assert relative_difference(one_process_sft / "final_model", out / "final_model") < WEIGHT_TOLERANCE

    # Each process trained on its own half of every global batch, and together on every row once.
    lengths = _encoded_lengths(sft_values)
    for batch, rank0, rank1 in zip(length_grouped_batches(lengths, 4, seed=7), records[0]["forwards"], records[1]["forwards"]):
        assert rank0 == batch[:2] and rank1 == batch[2:]
    rows = [i for rank in (0, 1) for forward in records[rank]["forwards"] for i in forward]
    assert sorted(rows) == list(range(64))


def _encoded_lengths(values: dict) -> list[int]:
    from clinsum.data.prompts import PromptFormat
    from clinsum.models import load_tokenizer
    from clinsum.training.sft import prepare_sft_data

    config = SFTConfig(**values)
    data = prepare_sft_data(config, PromptFormat(load_tokenizer(values["model"]), config.prompt_style))
    return [len(r.input_ids) for r in data.train]


def test_only_the_first_process_writes_files_and_logs(two_process_sft):
    out, records, stderr, _ = two_process_sft
    assert records[1]["writes"] == []
    assert {"save_checkpoint", "save_model", "write_json"} <= set(records[0]["writes"])
    assert "epoch 1: train loss" in stderr[0] and "SFT epoch 1/1" in stderr[0]  # log line and progress bar
    assert "epoch 1: train loss" not in stderr[1] and "SFT epoch" not in stderr[1]


def test_sigterm_stops_two_processes_and_they_resume_at_the_right_step(two_process_sft, sft_values, tmp_path):
    uninterrupted, _, _, config = two_process_sft
    out = tmp_path / "run"
    args = ["sft", "--config", str(config), "--output-dir", str(out), "--save-every-steps", "3"]
    code, records, stderr = torchrun(tmp_path, "stopped", args, STOP_AT_STEP="8")
    assert code != 0
    assert "Interrupted: checkpoint saved at step 7" in stderr[0]
    state = json.loads((out / "checkpoint_step_7" / "trainer_state.json").read_text())
    assert (state["global_step"], state["step_in_epoch"], state["processes"]) == (7, 7, 2)
    assert records[1]["writes"] == []

    with pytest.raises(ValueError, match="written by a 2-process run"):
        train_sft(SFTConfig(**{**sft_values, "batch_size": 2, "output_dir": str(out), "resume": True}))
    code, records, stderr = torchrun(tmp_path, "resumed", args + ["--resume"])
    assert code == 0, stderr
    assert "(step 7)" in stderr[0] and records[0]["steps"] == records[1]["steps"] == 16 - 7
    stats = json.loads((out / "training_stats.json").read_text())
    assert [s["step"] for s in stats["steps"]] == list(range(1, 17))
    assert_same_adapter(uninterrupted / "final_model", out / "final_model")


def test_dpo_shares_the_reference_pass_and_matches_one_process(one_process_sft, fsdp_env, tmp_path):
    from clinsum.data.dataset import load_examples
    from clinsum.preference.config import NegativesConfig
    from clinsum.preference.edits import make_triplets
    from clinsum.io import write_jsonl

    sft_model = one_process_sft / "final_model"
    sft_config = json.loads((sft_model / "sft_config.json").read_text())
    triplets, _ = make_triplets(load_examples(sft_config["train_data"]), NegativesConfig(per_example=1, seed=0))
    triplets_file = tmp_path / "triplets.jsonl"
    write_jsonl(triplets_file, [t.record() for t in triplets[:24]])
    values = dict(sft_model_path=str(sft_model), train_data=str(triplets_file), val_fraction=0.375, num_epochs=1,
                  learning_rate=1e-3, max_length=256, warmup_steps=0, save_every_steps=0, seed=3, device="cpu",
                  reference_cache_dir=str(tmp_path / "cache"))
    config = write_yaml(tmp_path / "dpo.yaml", {**values, "batch_size": 2, "output_dir": str(tmp_path / "two")})
    code, records, stderr = torchrun(tmp_path, "dpo", ["dpo", "--config", str(config)])
    assert code == 0, stderr
    two = json.loads((tmp_path / "two" / "training_stats.json").read_text())
    assert two["reference"]["train"]["cache"] == "miss" and two["global_batch"] == 4
    assert records[0]["writes"].count("reference_cache") == 2 and "reference_cache" not in records[1]["writes"]
    rows = [records[rank]["reference_rows"] for rank in (0, 1)]
    assert min(rows) > 0 and sum(rows) == 2 * (two["data"]["train"]["triplets"] + two["data"]["val"]["triplets"])

    # One process at twice the batch reads the cache the two wrote, and trains the same way.
    train_dpo(DPOConfig(**values, batch_size=4, output_dir=str(tmp_path / "one")))
    one = json.loads((tmp_path / "one" / "training_stats.json").read_text())
    assert one["reference"]["train"]["cache"] == "hit" and len(one["steps"]) == len(two["steps"]) > 1
    for a, b in zip(one["steps"], two["steps"]):
        assert abs(a["loss"] - b["loss"]) < LOSS_TOLERANCE and abs(a["margin"] - b["margin"]) < LOSS_TOLERANCE
    assert relative_difference(tmp_path / "one" / "final_model", tmp_path / "two" / "final_model") < WEIGHT_TOLERANCE

    # And so do two processes with FSDP sharding the policy (validation pairs included: every process runs as
    # many forwards as the busiest).
    config = write_yaml(tmp_path / "fsdp.yaml", {**values, "batch_size": 2, "output_dir": str(tmp_path / "fsdp")})
    code, records, stderr = torchrun(tmp_path, "fsdp", ["dpo", "--config", str(config)], **fsdp_env)
    assert code == 0, stderr
    assert records[0]["sharded"] and records[1]["sharded"]
    fsdp = json.loads((tmp_path / "fsdp" / "training_stats.json").read_text())
    for a, b in zip(one["steps"], fsdp["steps"], strict=True):
        assert abs(a["loss"] - b["loss"]) < LOSS_TOLERANCE and abs(a["margin"] - b["margin"]) < LOSS_TOLERANCE
    assert abs(one["epochs"][0]["val"]["loss"] - fsdp["epochs"][0]["val"]["loss"]) < LOSS_TOLERANCE
    assert relative_difference(tmp_path / "one" / "final_model", tmp_path / "fsdp" / "final_model") < WEIGHT_TOLERANCE


def test_deepspeed_is_refused_at_start_with_the_alternatives(monkeypatch):
    """DeepSpeed's engine owns the optimizer and pickles its checkpoints: clinsum stops before loading anything and
    names FSDP and data-parallel instead. (DeepSpeed does not run here, so the engine is faked.)"""
    import accelerate
    from accelerate.utils import DistributedType

    from clinsum.training.common import start_launch

    class DeepSpeedAccelerator:
        def __init__(self, **kwargs):
            self.distributed_type = DistributedType.DEEPSPEED

    monkeypatch.setattr(accelerate, "Accelerator", DeepSpeedAccelerator)
    with pytest.raises(RuntimeError, match="asks for DeepSpeed.*fsdp.yaml.*--load-in-4bit"):
        start_launch("cpu")


def fsdp_launch_env() -> dict[str, str]:
    """The FSDP_* variables that `accelerate launch --config_file configs/accelerate/fsdp.yaml` gives each process."""
    from accelerate.commands.launch import _validate_launch_command, launch_command_parser
    from accelerate.utils.launch import prepare_multi_gpu_env

    path = CONFIGS / "accelerate" / "fsdp.yaml"
    args, _, _ = _validate_launch_command(launch_command_parser().parse_args(["--config_file", str(path), "x.py"]))
    return {k: v for k, v in prepare_multi_gpu_env(args).items() if k.startswith("FSDP_")}


@pytest.fixture(scope="module")
def uneven_values(sft_values):
    """63 rows, one per forward: the last global batch of 3 gives one process 2 forwards and the other 1."""
    return {**sft_values, "max_train_examples": 63, "max_forward_tokens": 256}


@pytest.fixture(scope="module")
def one_process_uneven_sft(uneven_values, tmp_path_factory):
    return one_process_run(uneven_values, tmp_path_factory.mktemp("one-uneven"))


@pytest.fixture(scope="module")
def fsdp_env() -> dict[str, str]:
    """What `accelerate launch --config_file configs/accelerate/fsdp.yaml` gives each process, and the switch of
    tests/distributed_entry.py that turns Accelerate's FSDP on for CPU processes."""
    return {**fsdp_launch_env(), "FORCE_FSDP": "1"}


@pytest.fixture(scope="module")
def fsdp_sft(uneven_values, fsdp_env, tmp_path_factory):
    """2 processes at batch 2 with Accelerate's FSDP 2 engine sharding the model."""
    return two_process_run(uneven_values, tmp_path_factory.mktemp("fsdp"), **fsdp_env)


def test_fsdp_shards_the_weights_and_matches_one_process(one_process_uneven_sft, fsdp_sft):
    """Every process runs as many forwards as the busiest (each forward gathers the weights from all), so the
    uneven last batch neither hangs nor changes the result."""
    one_process_sft = one_process_uneven_sft
    out, records, _, _ = fsdp_sft
    assert records[0]["sharded"] and records[1]["sharded"]  # every weight a DTensor slice while training
    one = json.loads((one_process_sft / "training_stats.json").read_text())
    two = json.loads((out / "training_stats.json").read_text())
    assert len(two["steps"]) == len(one["steps"]) == 16
    for a, b in zip(one["steps"], two["steps"]):
        assert abs(a["loss"] - b["loss"]) < LOSS_TOLERANCE
    assert abs(one["epochs"][0]["val_loss"] - two["epochs"][0]["val_loss"]) < LOSS_TOLERANCE
    # The adapter was gathered: whole tensors, as one process writes them.
    expected, actual = (load_file(p / "final_model" / "adapter_model.safetensors") for p in (one_process_sft, out))
    assert {k: v.shape for k, v in expected.items()} == {k: v.shape for k, v in actual.items()}
    assert relative_difference(one_process_sft / "final_model", out / "final_model") < WEIGHT_TOLERANCE
    assert records[1]["writes"] == [] and {"save_checkpoint", "save_model"} <= set(records[0]["writes"])


def test_fsdp_run_stopped_by_sigterm_resumes_from_its_last_checkpoint(fsdp_sft, fsdp_env, tmp_path):
    """Stopped processes cannot meet to gather the shards, so the run resumes from its last step checkpoint:
    weights and optimizer state gathered there and sharded again on resume, to the same final adapter."""
    uninterrupted, _, _, config = fsdp_sft
    out = tmp_path / "run"
    args = ["sft", "--config", str(config), "--output-dir", str(out), "--save-every-steps", "3"]
    code, records, stderr = torchrun(tmp_path, "stopped", args, STOP_AT_STEP="8", **fsdp_env)
    assert code != 0 and "Interrupted under a sharding engine" in stderr[0]
    assert [p.name for p in out.glob("checkpoint_*")] == ["checkpoint_step_6"]
    code, records, stderr = torchrun(tmp_path, "resumed", args + ["--resume"], **fsdp_env)
    assert code == 0, stderr
    assert "(step 6)" in stderr[0] and records[0]["steps"] == records[1]["steps"] == 16 - 6
    assert_same_adapter(uninterrupted / "final_model", out / "final_model")


def test_pipeline_trains_in_every_process_and_runs_the_other_stages_once(tiny_model, tmp_path):
    config = write_yaml(tmp_path / "pipeline.yaml", {
        "output_dir": str(tmp_path / "run"), "model": str(tiny_model), "device": "cpu", "show_examples": 0,
        "stages": ["prepare", "sft", "negatives", "dpo"],
        "data": {"synthetic": True, "n_train": 24, "n_val": 4, "n_test": 4},
        "sft": {"batch_size": 4, "num_epochs": 1, "learning_rate": 1e-2, "max_length": 256},
        "negatives": {"per_example": 1},
        "dpo": {"batch_size": 2, "num_epochs": 1, "max_length": 256, "reference_cache_dir": str(tmp_path / "cache")},
    })
    code, records, stderr = torchrun(tmp_path, "pipeline", ["pipeline", "--config", str(config)])
    assert code == 0, stderr
    assert records[0]["stages"] == ["prepare", "sft", "negatives", "dpo"] and records[1]["stages"] == ["sft", "dpo"]
    assert records[1]["writes"] == [] and records[1]["steps"] == records[0]["steps"] > 0
    for stage in ("sft", "dpo"):
        assert json.loads((tmp_path / "run" / stage / ".stage.json").read_text())["status"] == "done"
        stats = json.loads((tmp_path / "run" / stage / "training_stats.json").read_text())
        assert stats["processes"] == 2 and stats["global_batch"] == 2 * stats["config"]["batch_size"]




@pytest.mark.parametrize("name, engine", [("multi-gpu", "MULTI_GPU"), ("fsdp", "FSDP"), ("deepspeed-zero3", "DEEPSPEED")])
def test_accelerate_configs_load(name, engine, monkeypatch):
    from accelerate.commands.config.config_args import load_config_from_file
    from accelerate.commands.launch import _validate_launch_command, launch_command_parser

    path = CONFIGS / "accelerate" / f"{name}.yaml"
    assert load_config_from_file(str(path)).distributed_type.value == engine
    _validate_launch_command(launch_command_parser().parse_args(["--config_file", str(path), "x.py"]))
    if engine == "FSDP":  # what `accelerate launch` hands the processes builds Accelerate's FSDP plugin
        from accelerate.utils import FullyShardedDataParallelPlugin

        for key, value in fsdp_launch_env().items():
            monkeypatch.setenv(key, value)
        plugin = FullyShardedDataParallelPlugin()
        assert plugin.fsdp_version == 2 and plugin.reshard_after_forward and plugin.state_dict_type.name == "FULL_STATE_DICT"


def test_gpu_recipe_parses():
    from clinsum.config import config_from_dict, load_yaml
    from clinsum.pipeline import PipelineConfig

    recipe = config_from_dict(PipelineConfig, load_yaml(CONFIGS / "gpu-8b-qlora.yaml"))
    sft, dpo = recipe.sft.config, recipe.dpo.config
    assert sft.load_in_4bit and dpo.load_in_4bit and sft.gradient_checkpointing
