"""One command from data to an evaluated model: prepare -> SFT -> negatives -> DPO -> eval.

A YAML file describes the whole run (see configs/). Each stage writes its outputs into its own folder
under ``output_dir`` with a ``.stage.json`` record of the config it ran with; a stage whose record
matches is skipped, a stage that was stopped mid-training resumes from its last checkpoint, and a
stage whose config changed reruns (and so does everything after it).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
import resource
import shutil
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from clinsum.config import config_from_dict, device_option, dtype_option, option
from clinsum.data.dataset import ColumnOptions, write_examples
from clinsum.io import write_json, write_text

log = logging.getLogger(__name__)

STAGES = ("prepare", "sft", "negatives", "dpo", "eval")
TRAINING_STAGES = ("sft", "dpo")  # the stages every process of a multi-process launch runs together
STAGE_RECORD = ".stage.json"


# YAML section -> the config class its options build, and the run-wide settings it takes unless it sets them
SECTIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "data": ("clinsum.pipeline", "DataSection", ()),
    "sft": ("clinsum.training.sft", "SFTConfig", ("model", "seed", "device", "dtype")),
    "negatives": ("clinsum.preference.config", "NegativesConfig", ("seed", "device", "dtype")),
    "dpo": ("clinsum.training.dpo", "DPOConfig", ("seed", "device", "dtype")),
    "eval": ("clinsum.evaluation.report", "EvalConfig", ("seed", "device", "dtype")),
}


@dataclass(frozen=True)
class Section:
    """One section of a run's YAML, checked when the run is configured, not when its stage starts.

    ``written`` holds the options as the YAML gives them: a stage's key digests them, so the finished stages of
    a run stay finished. ``config`` is the command's config built from them over the run-wide settings, still
    without the paths between stages, which the stage fills in.
    """

    written: dict
    config: Any


@dataclass
class PipelineConfig:
    """A whole run. Sections ``data``, ``sft``, ``negatives``, ``dpo`` and ``eval`` hold the options of
    the matching command (same names as its command-line options); paths between stages are filled in.
    Every section is checked when the config is built, so a misspelt option fails before the first stage."""

    output_dir: str = option("runs/demo", "folder for every stage's outputs")
    model: str = option("default", "base model for SFT and the 'base' column of the report")
    stages: list[str] = option(list(STAGES), "stages to run, in order")
    seed: int = option(0, "seed for every stage")
    device: str = device_option()
    dtype: str = dtype_option()
    show_examples: int = option(3, "held-out notes printed with each model's summary at the end")
    # A mapping of options in YAML, a Section once the config is built.
    data: Section = option({}, "data section: where the notes come from (YAML only)", cli=False)
    sft: Section = option({}, "SFT section: options of `clinsum sft` (YAML only)", cli=False)
    negatives: Section = option({}, "negatives section: options of `clinsum negatives` (YAML only)", cli=False)
    dpo: Section = option({}, "DPO section: options of `clinsum dpo` (YAML only)", cli=False)
    eval: Section = option({}, "eval section: options of `clinsum eval` (YAML only)", cli=False)

    def __post_init__(self):
        unknown = [s for s in self.stages if s not in STAGES]
        if unknown:
            raise ValueError(f"stages: unknown {', '.join(unknown)}; choose from {', '.join(STAGES)}")
        run = {"model": self.model, "seed": self.seed, "device": self.device, "dtype": self.dtype}
        for name, (module, class_name, inherited) in SECTIONS.items():
            written = getattr(self, name)
            if isinstance(written, Section):
                continue
            if not isinstance(written, dict):
                raise ValueError(f"{name}: expected a mapping of option names to values, got {written!r}")
            cls = getattr(importlib.import_module(module), class_name)
            values = {**{key: run[key] for key in inherited}, **written}
            try:
                config = config_from_dict(cls, values, name)
            except ValueError as e:  # the command's own check of a value: say which section it is in
                raise ValueError(str(e) if str(e).startswith(f"{name}: ") else f"{name}: {e}") from None
            setattr(self, name, Section(dict(written), config))


@dataclass
class DataSection(ColumnOptions):
    """Where the run's data comes from: built-in synthetic notes, or files (e.g. MTS-Dialog)."""

    synthetic: bool = option(False, "generate the built-in synthetic dataset")
    n_train: int = option(240, "synthetic training rows")
    n_val: int = option(24, "synthetic validation rows")
    n_test: int = option(24, "synthetic test rows")
    hallucinated_fraction: float = option(0.0, "synthetic: share of notes that also get a labelled hallucinated summary")
    train_data: str | None = option(None, "training file")
    val_data: str | None = option(None, "validation file")
    test_data: str | None = option(None, "test file (evaluation)")
    max_train_examples: int | None = option(None, "use the first N training rows")
    max_val_examples: int | None = option(None, "use the first N validation rows")
    max_test_examples: int | None = option(None, "use the first N test rows")
    redact_phi: bool = option(False, "replace PHI in every split's notes and summaries before any stage sees them")
    phi_mode: str = option("tag", "PHI replacement: tag ([NAME], [DATE], ...) or surrogate (consistent fake values)")


def _digest(obj) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()[:16]


class Stage:
    """A stage folder and its record: done (skip), started (resume) or stale (rerun from scratch)."""

    def __init__(self, root: Path, name: str, settings: dict):
        self.dir, self.name, self.key = root / name, name, _digest(settings)
        self.record = self.dir / STAGE_RECORD

    def _read(self) -> dict:
        return json.loads(self.record.read_text()) if self.record.is_file() else {}

    @property
    def done(self) -> bool:
        record = self._read()
        return record.get("key") == self.key and record.get("status") == "done"

    @property
    def resumable(self) -> bool:
        """An interrupted run with the same settings: its checkpoints can continue."""
        record = self._read()
        return record.get("key") == self.key and record.get("status") == "started"

    def start(self, resumable: bool) -> None:
        """Prepare the folder (emptied unless ``resumable``) and record the stage as started."""
        if not resumable and self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        write_json(self.record, {"key": self.key, "status": "started"})

    def finish(self, seconds: float, outputs: dict, peak_rss_bytes: int) -> None:
        write_json(self.record, {"key": self.key, "status": "done", "seconds": seconds,
                                 "peak_rss_mb": peak_rss_bytes / 2**20, "outputs": outputs})


class PeakMemory:
    """Peak resident memory of this process while a block runs, sampled from /proc every 0.2 s."""

    def __init__(self, interval: float = 0.2):
        self.interval, self.peak_bytes = interval, 0
        self._stop = threading.Event()

    @staticmethod
    def current_bytes() -> int:
        try:
            with open("/proc/self/statm") as f:
                return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:  # not Linux: the lifetime peak is the best available figure
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak_bytes = max(self.peak_bytes, self.current_bytes())

    def __enter__(self) -> "PeakMemory":
        self.peak_bytes = self.current_bytes()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_bytes = max(self.peak_bytes, self.current_bytes())


def prepare_data(section: DataSection, out_dir: Path, seed: int) -> dict[str, str]:
    """Validated train/val/test files in one column layout, so later stages need no mapping."""
    from clinsum.data.dataset import load_examples, split_examples

    if section.synthetic:
        from clinsum.data.synthetic import write_synthetic_splits

        paths = write_synthetic_splits(out_dir, section.n_train, section.n_val, section.n_test, seed,
                                       section.hallucinated_fraction)
        if not section.redact_phi:
            return {split: str(path) for split, path in paths.items()}
        splits = {split: load_examples(path) for split, path in paths.items()}
    else:
        if not section.train_data or not section.test_data:
            raise ValueError("data: give train_data and test_data (or synthetic: true)")
        mapping = section.column_mapping()
        train = load_examples(section.train_data, mapping)[: section.max_train_examples]
        if section.val_data:
            val = load_examples(section.val_data, mapping)[: section.max_val_examples]
        else:
            train, val = split_examples(train, 0.1, seed)
        test = load_examples(section.test_data, mapping)[: section.max_test_examples]
        splits = {"train": train, "val": val, "test": test}
    outputs = {}
    if section.redact_phi:
        splits, outputs["phi_report"] = _redact_splits(splits, section.phi_mode, seed, out_dir)
    for split, rows in splits.items():
        outputs[split] = str(write_examples(out_dir / f"{split}.csv", rows))
    return outputs


def _redact_splits(splits: dict, mode: str, seed: int, out_dir: Path) -> tuple[dict, str]:
    """Every split with PHI replaced, and the path of a report of the counts by type (no identifier text)."""
    from clinsum.privacy.phi import PhiRedactor
    from clinsum.privacy.redact import phi_report_table, redact_examples

    redactor = PhiRedactor(mode, seed)
    report, redacted = {"mode": mode}, {}
    for split, examples in splits.items():
        redacted[split], counts = redact_examples(examples, redactor)
        report[split] = {"notes": len(examples), "identifiers": dict(counts), "total": sum(counts.values())}
        log.info("[prepare] PHI in %s (%s):\n%s", split, mode, phi_report_table(counts))
    write_json(out_dir / "phi_report.json", report)
    return redacted, str(out_dir / "phi_report.json")


def run_pipeline(config: PipelineConfig) -> dict:
    """Run (or resume) every stage in ``config.stages`` and return the stages' outputs."""
    root = Path(config.output_dir)
    common = _run_settings(config)
    outputs: dict[str, dict] = {}
    upstream = _digest({"model": config.model})
    processes = _processes(config.device)
    for name in STAGES:
        if name not in config.stages:
            continue
        section = config.data if name == "prepare" else getattr(config, name)
        settings = {"section": section.written, "common": common, "upstream": upstream}
        stage = Stage(root, name, settings)
        upstream = stage.key  # a change upstream invalidates every later stage
        if stage.done:
            outputs[name] = json.loads(stage.record.read_text())["outputs"]
            log.info("[%s] up to date, skipped (%s)", name, stage.dir)
            continue
        resume = stage.resumable
        processes.wait_for_everyone()  # every process has read the record before the first one rewrites it
        if processes.is_main_process:
            stage.start(resume)
            log.info("[%s] %s", name, "resuming" if resume else "running")
        processes.wait_for_everyone()
        started = time.perf_counter()
        with PeakMemory() as memory:
            if name in TRAINING_STAGES or processes.is_main_process:
                outputs[name] = RUNNERS[name](config, stage.dir, outputs, resume)
        if processes.is_main_process:
            stage.finish(time.perf_counter() - started, outputs[name], memory.peak_bytes)
        processes.wait_for_everyone()
        outputs[name] = json.loads(stage.record.read_text())["outputs"]
    if not processes.is_main_process:
        return outputs
    _print_examples(config, outputs)
    stages = stage_summary(root, [s for s in STAGES if s in config.stages])
    _print_stage_table(stages)
    if "eval" in outputs:
        _add_stages_to_report(outputs["eval"], stages)
    return outputs


def _processes(device: str):
    """Accelerate's view of the processes of this launch (one without a launcher). Under `torchrun` or
    `accelerate launch` the training stages run in every process; the others run in the first while the
    rest wait, and read its outputs."""
    from accelerate import PartialState

    from clinsum.models import resolve_device

    return PartialState(cpu=resolve_device(device).type == "cpu")


def _run_prepare(config: PipelineConfig, out: Path, outputs: dict, resume: bool) -> dict:
    return prepare_data(config.data.config, out, config.seed)


def _run_settings(config: PipelineConfig) -> dict:
    """The run-wide options every model-running stage takes (a section may override them)."""
    return {"seed": config.seed, "device": config.device, "dtype": config.dtype}


def _run_sft(config: PipelineConfig, out: Path, outputs: dict, resume: bool) -> dict:
    from clinsum.training.sft import train_sft

    data = outputs["prepare"]
    sft = replace(config.sft.config, train_data=data["train"], val_data=data["val"], output_dir=str(out), resume=resume)
    return {"model_path": str(train_sft(sft))}


def _run_negatives(config: PipelineConfig, out: Path, outputs: dict, resume: bool) -> dict:
    from clinsum.preference.command import run_negatives

    negatives = replace(config.negatives.config, input=outputs["prepare"]["train"], output=str(out / "triplets.jsonl"))
    if negatives.model_path == "sft":  # the Stage A adapter of this run
        negatives = replace(negatives, model_path=outputs["sft"]["model_path"])
    run_negatives(negatives)
    return {"triplets": str(out / "triplets.jsonl"), "report": str(out / "triplets.report.json")}


def _run_dpo(config: PipelineConfig, out: Path, outputs: dict, resume: bool) -> dict:
    from clinsum.training.dpo import train_dpo

    dpo = replace(config.dpo.config, sft_model_path=outputs["sft"]["model_path"],
                  train_data=outputs["negatives"]["triplets"], output_dir=str(out), resume=resume)
    return {"model_path": str(train_dpo(dpo))}


def _run_eval(config: PipelineConfig, out: Path, outputs: dict, resume: bool) -> dict:
    from clinsum.evaluation.report import run_eval

    models = [f"base={config.model}"] + [f"{stage}={outputs[stage]['model_path']}" for stage in ("sft", "dpo") if stage in outputs]
    run_eval(replace(config.eval.config, models=models, data=outputs["prepare"]["test"], output_dir=str(out)))
    return {"predictions": str(out / "predictions.jsonl"), "report_md": str(out / "report.md"),
            "report_html": str(out / "report.html"), "report_json": str(out / "report.json")}


RUNNERS = {"prepare": _run_prepare, "sft": _run_sft, "negatives": _run_negatives, "dpo": _run_dpo, "eval": _run_eval}


def _print_examples(config: PipelineConfig, outputs: dict) -> None:
    """Held-out notes with each model's summary, side by side, from the evaluation's saved generations."""
    predictions = outputs.get("eval", {}).get("predictions")
    if not predictions or not config.show_examples:
        return
    rows = [json.loads(line) for line in Path(predictions).read_text().splitlines()]
    by_id: dict[str, dict] = {}
    for row in rows:
        by_id.setdefault(row["id"], {"note": row["note"], "reference": row["reference"]})[row["model"]] = row["prediction"]
    models = list(dict.fromkeys(row["model"] for row in rows))
    for example_id, entry in list(by_id.items())[: config.show_examples]:
        print(f"\n=== note {example_id} " + "=" * 60)
        print(entry["note"][:600] + (" ..." if len(entry["note"]) > 600 else ""))
        print(f"--- reference: {entry['reference']}")
        for model in models:
            print(f"--- {model}: {entry.get(model, '')}")


def stage_summary(root: Path, names: list[str]) -> list[dict]:
    """Wall time, peak memory and training throughput of each finished stage, from the stage records."""
    rows = []
    for name in names:
        record_path = root / name / STAGE_RECORD
        if not record_path.is_file():
            continue
        record = json.loads(record_path.read_text())
        stats_path = root / name / "training_stats.json"
        tokens_per_second = None
        if stats_path.is_file():
            tokens_per_second = json.loads(stats_path.read_text())["totals"].get("tokens_per_second")
        rows.append({"stage": name, "seconds": record.get("seconds"), "peak_rss_mb": record.get("peak_rss_mb"),
                     "tokens_per_second": tokens_per_second})
    return rows


def _stage_table(stages: list[dict]) -> list[str]:
    lines = ["| stage | wall time (s) | peak RSS (MiB) | training tokens/s |", "|---|---:|---:|---:|"]
    for row in stages:
        tps = f"{row['tokens_per_second']:.0f}" if row["tokens_per_second"] else "-"
        lines.append(f"| {row['stage']} | {row['seconds']:.0f} | {row['peak_rss_mb']:.0f} | {tps} |")
    return lines


def _print_stage_table(stages: list[dict]) -> None:
    print("\nPipeline stages\n" + "\n".join(_stage_table(stages)))


def _add_stages_to_report(eval_outputs: dict, stages: list[dict]) -> None:
    """Put the stages' cost next to the results: report.json gains 'pipeline_stages', report.md a table."""
    report_json, report_md = Path(eval_outputs["report_json"]), Path(eval_outputs["report_md"])
    report = json.loads(report_json.read_text())
    report["pipeline_stages"] = stages
    write_json(report_json, report)
    text = report_md.read_text().split("\n## Pipeline stages")[0].rstrip()
    note = ("Peak RSS is the pipeline process's resident memory while the stage ran (sampled every 0.2 s); "
            "tokens/s counts non-padding training tokens.")
    write_text(report_md, text + "\n\n## Pipeline stages\n\n" + "\n".join(_stage_table(stages)) + f"\n\n{note}\n")
