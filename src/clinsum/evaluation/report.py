"""`clinsum eval`: summarize the same test notes with several models, score them, write a comparison report.

Generation and scoring are separate steps joined by ``predictions.jsonl``: a run saves every model's
summaries before scoring, so ``--predictions`` rescores them (say, with another checker setting)
without loading a model. Every number comes with a paired percentile-bootstrap 95% interval, and each
model other than the first also gets its difference from the first, with an interval of its own.
"""

from __future__ import annotations

import base64
import gc
import html
import importlib.metadata
import logging
import platform
import re
import time
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from tqdm.auto import tqdm

from clinsum import __version__
from clinsum.config import config_to_dict, option
from clinsum.data.dataset import ColumnOptions, DataError, Example, load_examples, read_rows, select_factual
from clinsum.evaluation.facts import FACT_TYPES
from clinsum.evaluation.metrics import (
    ROUGE_TYPES, bootstrap_ci, bootstrap_indices, is_degenerate, paired_difference_ci, repetition_rate, rouge_f1,
    word_count,
)
from clinsum.evaluation.guided import load_summarizer
from clinsum.inference.generate import GenerationOptions, InferenceModelOptions
from clinsum.io import atomic_path, write_json, write_jsonl, write_text
from clinsum.models import DEFAULT_MODEL
from clinsum.text.normalize import split_note

log = logging.getLogger(__name__)

PREDICTIONS_FILE, JSON_FILE, MD_FILE, HTML_FILE, PLOTS_DIR = (
    "predictions.jsonl", "report.json", "report.md", "report.html", "plots")
PREDICTION_FIELDS = ("id", "model", "note", "reference", "prediction")
CHECK_CHUNK = 16  # summaries per checker call: large enough to batch embeddings, small enough for progress


@dataclass(frozen=True)
class Metric:
    """How one aggregate is computed from the per-example scores and how it is shown."""

    key: str  # name in report.json
    example_key: str  # per-example score it averages
    label: str
    kind: str  # "score" (0-1, 3 decimals), "rate" (shown as %), "count", "words"


METRICS = (
    Metric("rouge1", "rouge1", "ROUGE-1 F1", "score"),
    Metric("rouge2", "rouge2", "ROUGE-2 F1", "score"),
    Metric("rougeL", "rougeL", "ROUGE-L F1", "score"),
    Metric("hallucination_rate", "hallucinated", "Hallucination rate", "rate"),
    Metric("unsupported_per_summary", "unsupported", "Unsupported facts / summary", "count"),
    Metric("support_ratio", "support_ratio", "Support ratio", "score"),
    Metric("length", "length", "Length (words)", "words"),
    Metric("repetition", "repetition", "Repeated 3-grams", "rate"),
    Metric("degenerate_rate", "degenerate", "Degenerate loops", "rate"),
)
DELTA_METRICS = ("rougeL", "hallucination_rate")
GENERATION_SETTINGS = {f.name for f in fields(GenerationOptions)} | {
    "prompt_style", "device", "dtype", "trust_remote_code", "use_context", "note_column", "summary_column", "context_column"}
METRIC_BY_KEY = {m.key: m for m in METRICS}


@dataclass
class EvalConfig(ColumnOptions, InferenceModelOptions, GenerationOptions):
    """Every option of `clinsum eval`; the generation settings are shared by all models."""

    models: list[str] = option([], "models to compare as NAME=PATH (a base model spec such as 'default', or an "
                                   "adapter folder); the first one is the baseline for differences")
    data: str | None = option(None, "test pairs with notes and reference summaries: .csv, .jsonl or a saved "
                                    "HF dataset folder")
    use_context: bool = option(True, "give the context column to the models with the note (as in training)")
    output_dir: str = option("report", "where predictions.jsonl, report.json/.md/.html and plots/ go")
    max_examples: int | None = option(None, "evaluate only the first N examples")
    predictions: str | None = option(None, "rescore this predictions.jsonl from an earlier run instead of generating")
    score: bool = option(True, "score the summaries (--no-score: only write predictions.jsonl, to score later with "
                               "--predictions, e.g. generate on a GPU machine and score elsewhere)")
    use_embeddings: bool = option(True, "let the faithfulness checker match paraphrases with sentence embeddings "
                                        "(--no-use-embeddings: lexical only, faster)")
    bootstrap_samples: int = option(1000, "bootstrap resamples for the 95%% confidence intervals")
    worst_examples: int = option(3, "examples shown per model in the report (most unsupported facts first)")
    side_by_side: int = option(4, "notes shown with every model's summary next to each other (those where the "
                                  "models' unsupported-fact counts differ most)")
    greedy: bool = option(True, "greedy decoding, so that scores are reproducible (--no-greedy: sample)")
    seed: int = option(0, "seed for sampling and for the bootstrap resamples")


def parse_models(items: list[str], need_paths: bool = True) -> list[tuple[str, str]]:
    """``["base=default", "sft=out/final_model"]`` -> ordered (name, path) pairs.

    When rescoring saved predictions no model is loaded, so a bare NAME is enough (``need_paths=False``).
    """
    pairs: list[tuple[str, str]] = []
    for item in items:
        name, sep, path = (part.strip() for part in item.partition("="))
        if not name or (sep and not path) or (need_paths and not sep):
            raise ValueError(
                f"--models item {item!r}: expected NAME=PATH, e.g. base=default,sft=runs/sft/final_model"
                + ("" if need_paths else " (or a bare NAME when rescoring --predictions)"))
        if name in dict(pairs):
            raise ValueError(f"--models: the name {name!r} is used twice; give each model its own name")
        pairs.append((name, path))
    return pairs


def load_eval_examples(config: EvalConfig) -> list[Example]:
    """Test pairs whose references can serve as ground truth.

    Rows labelled hallucinated are left out and inline ``[Evidence: ...]`` markers stripped, as for training.
    """
    if not config.data:
        raise ValueError("--data is required (test pairs with notes and reference summaries), "
                         "unless --predictions rescores an earlier run")
    selection = select_factual(load_examples(config.data, config.column_mapping()))
    log.info("%s: %s", config.data, selection.describe())
    if not selection.kept:
        raise ValueError(f"{config.data}: no factual reference summaries to evaluate against "
                         f"(labels seen: {selection.dropped_by_label})")
    return selection.kept[: config.max_examples] if config.max_examples else selection.kept


def release_memory(device) -> None:
    """Return a dropped model's memory now, so that two models never share the accelerator."""
    import torch

    gc.collect()
    if device.type == "cuda":
        torch.cuda.empty_cache()


def check_model_paths(models: list[tuple[str, str]]) -> None:
    """Fail before the first (slow) generation when a model path is plainly a missing local file.

    A spec that could be a hub id (``org/name``) passes unless ``org`` is a local folder: then it
    is a mistyped path such as ``runs/sft/final_modl``.
    """
    for name, path in models:
        if path == DEFAULT_MODEL or Path(path).expanduser().exists():
            continue
        parts = path.split("/")
        if path.startswith((".", "/", "~")) or path.endswith(".gguf") or len(parts) > 2 or Path(parts[0]).is_dir():
            raise FileNotFoundError(f"--models {name}={path}: no such file or folder. Fix: pass an adapter "
                                    "folder (e.g. runs/sft/final_model), a .gguf file, a Hugging Face id or 'default'")


def generate_predictions(models: list[tuple[str, str]], examples: list[Example], config: EvalConfig,
                         path: str | Path, checker=None) -> tuple[list[dict], dict[str, float]]:
    """Every model's summaries of ``examples`` (one record per example and model) and seconds per model.

    ``path`` is rewritten after each model, so a failure while loading a later model keeps the earlier work.
    ``checker`` picks among candidates when ``config.candidates`` is above 1 (checker-guided decoding).
    """
    notes = [ex.note for ex in examples]
    contexts = [ex.context if config.use_context else None for ex in examples]
    records: list[dict] = []
    seconds: dict[str, float] = {}
    for name, model_path in models:
        log.info("Generating with %s (%s) on %d notes...", name, model_path, len(notes))
        start = time.perf_counter()
        summarizer = load_summarizer(model_path, config, config.device, config.prompt_style,
                                     config.trust_remote_code, checker, config.dtype)
        summaries = summarizer.summarize(notes, config, contexts)
        device = summarizer.device
        del summarizer
        release_memory(device)
        seconds[name] = round(time.perf_counter() - start, 3)
        records += [
            {"id": ex.id, "model": name, "note": ex.note, "reference": ex.summary, "prediction": summary,
             "context": ex.context}
            for ex, summary in zip(examples, summaries)
        ]
        write_jsonl(path, records)
    return records, seconds


def load_predictions(path: str | Path) -> list[dict]:
    """Records saved by an earlier run, checked for the fields scoring needs."""
    path = Path(path)
    rows, first_row = read_rows(path)
    if not rows:
        raise DataError(path, "no predictions", fix="pass the predictions.jsonl written by `clinsum eval`")
    for i, row in enumerate(rows):
        missing = [f for f in PREDICTION_FIELDS if row.get(f) is None]
        if missing:
            raise DataError(path, f"missing field(s) {', '.join(missing)}", row=first_row + i,
                            fix="pass the predictions.jsonl written by `clinsum eval`")
    return [{**row, "id": str(row["id"]), "prediction": str(row["prediction"])} for row in rows]


def _by_model(records: list[dict], models: list[str] | None, source: str) -> tuple[list[str], dict[str, list[dict]]]:
    """Group records by model, each list in the same example order (bootstrap pairing needs it)."""
    grouped: dict[str, dict[str, dict]] = {}
    for r in records:
        per_model = grouped.setdefault(r["model"], {})
        if r["id"] in per_model:
            raise ValueError(f"{source}: model {r['model']!r} has two predictions for example id {r['id']!r}")
        per_model[r["id"]] = r
    models = models or list(grouped)
    for name in models:
        if name not in grouped:
            raise ValueError(f"{source}: no predictions for model {name!r} (it has: {', '.join(grouped)}). "
                             "Fix: pass one of those names in --models, or regenerate without --predictions")
    ids = list(grouped[models[0]])
    for name in models[1:]:
        if set(grouped[name]) != set(ids):
            raise ValueError(f"{source}: models {models[0]!r} and {name!r} were run on different examples; "
                             "they can only be compared on the same notes")
    return models, {name: [grouped[name][i] for i in ids] for name in models}


def locate_facts(text: str, facts: list[dict]) -> None:
    """Set each fact's ``start``/``end`` in ``text`` (None when its span is not found).

    The checker names a fact by its text and sentence; the span is searched as whole words in that
    sentence first, then anywhere, skipping text an earlier fact already took ("pain" is not found
    inside "painful", and a repeated dose is marked where it is wrong).
    """
    sentences = split_note(text)
    taken: list[tuple[int, int]] = []
    for fact in facts:
        fact["start"] = fact["end"] = None
        span, k = str(fact.get("span") or "").strip(), fact.get("sentence_index")
        if not span:
            continue
        regions = [(0, len(text))]
        if isinstance(k, int) and 0 <= k < len(sentences):
            regions.insert(0, (sentences[k].start, sentences[k].end))
        patterns = (re.compile(rf"(?<!\w){re.escape(span)}(?!\w)", re.I), re.compile(re.escape(span), re.I))
        matches = (m for pattern in patterns for lo, hi in regions for m in pattern.finditer(text, lo, hi))
        match = next((m for m in matches if not any(m.start() < e and m.end() > s for s, e in taken)), None)
        if match:
            fact["start"], fact["end"] = match.span()
            taken.append(match.span())


def _example_scores(records: list[dict], checks, rouge: dict[str, list[float]]) -> list[dict]:
    rows = []
    for i, (record, check) in enumerate(zip(records, checks)):
        facts = [{"type": f.type, "span": f.span, "reason": f.reason, "sentence_index": f.sentence_index,
                  "detail": f.detail} for f in check.unsupported_facts]
        prediction = record["prediction"]
        locate_facts(prediction, facts)
        rows.append({
            "id": record["id"],
            **{t: rouge[t][i] for t in ROUGE_TYPES},
            "unsupported": int(check.unsupported_count),
            "hallucinated": int(check.hallucinated),
            "unfaithful_score": check.unfaithful_score,
            "support_ratio": float(check.support_ratio),
            "unsupported_by_type": {k: int(v) for k, v in check.unsupported_by_type.items() if v},
            "length": word_count(prediction),
            "repetition": repetition_rate(prediction),
            "degenerate": int(is_degenerate(prediction)),
            "prediction": prediction,
            "unsupported_facts": facts,
        })
    return rows


def score_predictions(records: list[dict], models: list[str] | None = None, checker=None,
                      bootstrap_samples: int = 1000, seed: int = 0, use_embeddings: bool = True,
                      source: str = "predictions", progress: bool = True) -> dict:
    """Per-example scores, per-model means with 95% CIs, and paired differences from the first model.

    ``checker`` is anything with ``check_many([(note, summary), ...])`` (default: the real
    :class:`~clinsum.evaluation.faithfulness.FaithfulnessChecker`). Deterministic for a given seed.
    """
    models, grouped = _by_model(records, models, source)
    if checker is None:
        from clinsum.evaluation.faithfulness import FaithfulnessChecker

        checker = FaithfulnessChecker(use_embeddings=use_embeddings)
    first = grouped[models[0]]
    examples, seconds = {}, {}
    for name in models:
        start = time.perf_counter()
        rows = grouped[name]
        pairs = [(r["note"], r["prediction"]) for r in rows]
        checks = []
        with tqdm(total=len(pairs), desc=f"scoring {name}", unit="summary", disable=not progress) as bar:
            for i in range(0, len(pairs), CHECK_CHUNK):
                checks += checker.check_many(pairs[i : i + CHECK_CHUNK])
                bar.update(len(pairs[i : i + CHECK_CHUNK]))
        rouge = rouge_f1([r["prediction"] for r in rows], [r["reference"] for r in rows])
        examples[name] = _example_scores(rows, checks, rouge)
        seconds[name] = round(time.perf_counter() - start, 3)
    indices = bootstrap_indices(len(first), bootstrap_samples, seed)
    seen = {t for rows in examples.values() for row in rows for t in row["unsupported_by_type"]}
    types = list(FACT_TYPES) + sorted(seen - set(FACT_TYPES))

    def column(name: str, key: str) -> list[float]:
        return [row[key] for row in examples[name]]

    metrics = {name: {m.key: bootstrap_ci(column(name, m.example_key), indices).to_dict() for m in METRICS}
               for name in models}
    by_type = {name: {t: bootstrap_ci([row["unsupported_by_type"].get(t, 0) for row in examples[name]],
                                      indices).to_dict() for t in types} for name in models}
    deltas = {name: {key: paired_difference_ci(column(name, METRIC_BY_KEY[key].example_key),
                                               column(models[0], METRIC_BY_KEY[key].example_key), indices).to_dict()
                     for key in DELTA_METRICS} for name in models[1:]}
    # base -> sft -> dpo: each stage against the one before it, not only against the first
    step_deltas = {name: {key: paired_difference_ci(column(name, METRIC_BY_KEY[key].example_key),
                                                    column(previous, METRIC_BY_KEY[key].example_key), indices).to_dict()
                          for key in DELTA_METRICS} for previous, name in zip(models[1:], models[2:])}
    return {
        "models": models,
        "baseline": models[0],
        "n_examples": len(first),
        "bootstrap": {"samples": bootstrap_samples, "seed": seed, "confidence": 0.95, "method": "paired percentile"},
        "metrics": metrics,
        "unsupported_by_type": by_type,
        "deltas": deltas,
        "deltas_vs_previous": step_deltas,
        "inputs": [{"id": r["id"], "note": r["note"], "reference": r["reference"], "context": r.get("context")}
                   for r in first],
        "examples": examples,
        "scoring_s": seconds,
    }


def _versions() -> dict[str, str]:
    versions = {"python": platform.python_version(), "platform": platform.platform(), "clinsum": __version__}
    for package in ("torch", "transformers", "peft", "rouge-score", "numpy", "matplotlib", "sentence-transformers"):
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return versions


def run_eval(config: EvalConfig, checker=None) -> dict:
    """CLI entry: generate (or load) predictions, score them, write the report, print a summary table."""
    start = time.perf_counter()
    output_dir = Path(config.output_dir)
    if config.predictions:
        pairs = parse_models(config.models, need_paths=False)
        records = load_predictions(config.predictions)
        if config.max_examples:
            keep = list(dict.fromkeys(r["id"] for r in records))[: config.max_examples]
            records = [r for r in records if r["id"] in set(keep)]
        generation_s: dict[str, float] = {}
        source = str(config.predictions)
        if config.data:
            log.info("--data %s is not read: the notes and references come from %s", config.data, source)
    else:
        if not config.models:
            raise ValueError("--models is required: NAME=PATH,... e.g. base=default,sft=runs/sft/final_model")
        pairs = parse_models(config.models)
        check_model_paths(pairs)
        examples = load_eval_examples(config)
        if checker is None and config.candidates > 1:  # one checker picks the summaries and scores them
            from clinsum.evaluation.faithfulness import FaithfulnessChecker

            checker = FaithfulnessChecker(use_embeddings=config.use_embeddings)
        records, generation_s = generate_predictions(pairs, examples, config, output_dir / PREDICTIONS_FILE, checker)
        source = str(output_dir / PREDICTIONS_FILE)
        if not config.score:
            print(f"predictions: {source} ({len(records)} summaries; "
                  + ", ".join(f"{name} {s:.0f} s" for name, s in generation_s.items()) + ")")
            return {"predictions_file": source, "generation_seconds": generation_s}
    scores = score_predictions(records, [name for name, _ in pairs] or None, checker, config.bootstrap_samples,
                               config.seed, config.use_embeddings, source)
    report = {
        "clinsum_version": __version__,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "settings": {
            **config_to_dict(config),
            "models": [{"name": name, "path": path or None} for name, path in pairs]
            or [{"name": name, "path": None} for name in scores["models"]],
            "predictions_file": source,
            "generated": not config.predictions,
        },
        "versions": _versions(),
        **scores,
        "timings": {"generation_s": generation_s, "scoring_s": scores.pop("scoring_s"),
                    "total_s": round(time.perf_counter() - start, 3)},
    }
    write_report(report, output_dir)
    print(summary_table(report))
    print(f"\nReport: {output_dir / HTML_FILE} (also {MD_FILE}, {JSON_FILE}, {PLOTS_DIR}/)")
    return report


# ---------------------------------------------------------------- formatting


_DIGITS = {"score": 3, "count": 2, "words": 1}


def format_value(value: float, kind: str) -> str:
    if kind == "rate":
        return f"{value * 100:.1f}%"
    return f"{value:.{_DIGITS[kind]}f}"


def format_estimate(estimate: dict, kind: str) -> str:
    """``0.412 [0.380, 0.445]``; rates in percent."""
    low, high = (format_value(estimate[k], kind).rstrip("%") for k in ("low", "high"))
    return f"{format_value(estimate['mean'], kind)} [{low}, {high}]"


def format_delta(estimate: dict, kind: str) -> str:
    """``+0.021 [-0.010, +0.050]``, rates in percentage points; a star when the interval excludes 0."""
    scale, digits, unit = (100, 1, " pp") if kind == "rate" else (1, 3, "")
    mean, low, high = (estimate[k] * scale for k in ("mean", "low", "high"))
    star = " *" if low > 0 or high < 0 else ""
    return f"{mean:+.{digits}f}{unit} [{low:+.{digits}f}, {high:+.{digits}f}]{star}"


def summary_rows(report: dict) -> list[list[str]]:
    """The comparison table (header first): one row per metric, one column per model, then the differences."""
    models, baseline = report["models"], report["baseline"]
    header = ["Metric"] + models
    rows = [header] + [[m.label] + [format_estimate(report["metrics"][name][m.key], m.kind) for name in models]
                       for m in METRICS]
    for key in DELTA_METRICS:
        metric = METRIC_BY_KEY[key]
        rows.append([f"Δ {metric.label} vs {baseline}", "—"]
                    + [format_delta(report["deltas"][name][key], metric.kind) for name in models[1:]])
    for key in DELTA_METRICS if report.get("deltas_vs_previous") else ():
        metric = METRIC_BY_KEY[key]
        rows.append([f"Δ {metric.label} vs previous column", "—", "—"]
                    + [format_delta(report["deltas_vs_previous"][name][key], metric.kind) for name in models[2:]])
    return rows


def split_types(report: dict) -> tuple[list[str], list[str]]:
    """(types some model has unsupported facts of, types none has), each in the checker's order."""
    by_type = report["unsupported_by_type"]
    types = list(by_type[report["models"][0]])
    seen = [t for t in types if any(by_type[name][t]["mean"] > 0 for name in report["models"])]
    return seen, [t for t in types if t not in seen]


def type_rows(report: dict) -> list[list[str]]:
    """Unsupported facts per summary for each type that occurs (header first); all-zero rows are left out."""
    models = report["models"]
    return [["Type"] + models] + [[t] + [format_estimate(report["unsupported_by_type"][name][t], "count")
                                        for name in models] for t in split_types(report)[0]]


def _zero_types_note(report: dict) -> str:
    zero = split_types(report)[1]
    return f"No model has unsupported facts of type: {', '.join(zero)}." if zero else ""


def summary_table(report: dict) -> str:
    """Plain-text table for the terminal."""
    rows = summary_rows(report)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return (f"{report['n_examples']} examples; means with 95% bootstrap CIs "
            "(* : the difference's CI excludes 0)\n" + "\n".join(lines))


def worst_examples(report: dict, name: str, k: int) -> list[dict]:
    """The ``k`` examples with the most unsupported facts, ties broken by the lowest ROUGE-L."""
    rows = report["examples"][name]
    return sorted(rows, key=lambda r: (-r["unsupported"], r["rougeL"]))[:k]


def rows_by_id(report: dict) -> dict[str, dict[str, dict]]:
    """Per model, its scored examples keyed by example id."""
    return {name: {r["id"]: r for r in report["examples"][name]} for name in report["models"]}


def side_by_side_ids(report: dict, k: int) -> list[str]:
    """The ``k`` notes on which the models' unsupported-fact counts differ most (ties: test-set order)."""
    models = report["models"]
    rows = rows_by_id(report)
    ids = [r["id"] for r in report["examples"][models[0]]]
    spread = {i: max(rows[m][i]["unsupported"] for m in models) - min(rows[m][i]["unsupported"] for m in models)
              for i in ids}
    return sorted(ids, key=lambda i: -spread[i])[:k] if len(models) > 1 else []


def clipped(row: dict, limit: int = 300) -> tuple[str, list[dict]]:
    """A summary cut to about ``limit`` characters for display, with the facts located inside the cut."""
    text = row["prediction"]
    if len(text) <= limit:
        return text, row["unsupported_facts"]
    cut = text.rfind(" ", 0, limit) if " " in text[:limit] else limit
    facts = [f for f in row["unsupported_facts"] if f.get("end") is not None and f["end"] <= cut]
    return text[:cut] + " …", facts


def reason_text(fact: dict) -> str:
    """``contradicted_by_note`` -> ``contradicted by note (note gives lisinopril as '10 mg')``."""
    reason = str(fact["reason"]).replace("_", " ")
    return f"{reason} ({fact['detail']})" if fact.get("detail") else reason


def mark_unsupported(text: str, facts: list[dict], plain, marked) -> str:
    """Render ``text``: ``plain(segment)`` for supported text, ``marked(segment, fact)`` for each located fact."""
    out, pos = [], 0
    for fact in sorted((f for f in facts if f.get("start") is not None), key=lambda f: f["start"]):
        out += [plain(text[pos : fact["start"]]), marked(text[fact["start"] : fact["end"]], fact)]
        pos = fact["end"]
    return "".join(out + [plain(text[pos:])])


# ---------------------------------------------------------------- markdown

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_~[]<>|#"})


def md_escape(text: str) -> str:
    """One line of literal text: whitespace runs become one space, Markdown syntax characters are escaped."""
    return re.sub(r"\s+", " ", text).translate(_MD_SPECIAL)


def _md_mark(segment: str, fact: dict) -> str:
    return f"**«{md_escape(segment)}»**<sup>{md_escape(fact['type'])}</sup>"


def _md_table(rows: list[list[str]]) -> str:
    def line(cells):
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(rows[0]), "|" + "|".join("---" for _ in rows[0]) + "|"] + [line(r) for r in rows[1:]])


def _settings_rows(report: dict) -> list[list[str]]:
    settings = report["settings"]
    models = ", ".join(f"{m['name']}={m['path']}" if m["path"] else m["name"] for m in settings["models"])
    rows = [["Setting", "Value"], ["models", models], ["examples", str(report["n_examples"])]]
    hidden = {"models"} | (set() if settings["generated"] else GENERATION_SETTINGS)  # unused when rescoring
    rows += [[key, str(value)] for key, value in settings.items() if key not in hidden and value is not None]
    rows += [[f"version: {k}", v] for k, v in report["versions"].items()]
    timings = report["timings"]
    rows += [[f"generation time: {k}", f"{v:.1f} s"] for k, v in timings["generation_s"].items()]
    rows += [[f"scoring time: {k}", f"{v:.1f} s"] for k, v in timings["scoring_s"].items()]
    rows.append(["total time", f"{timings['total_s']:.1f} s"])
    return rows


def render_markdown(report: dict) -> str:
    models, k = report["models"], report["settings"]["worst_examples"]
    out = [
        "# clinsum evaluation report", "",
        f"{report['n_examples']} examples, {len(models)} models, created {report['created']}. Means with "
        f"95% paired percentile-bootstrap intervals ({report['bootstrap']['samples']} resamples); Δ rows are "
        f"differences from **{md_escape(report['baseline'])}** (or from the column to the left) on the same "
        "resamples (* : the interval excludes 0).",
        "", "## Comparison", "", _md_table(summary_rows(report)), "",
        "## Unsupported facts per summary, by type", "", _md_table(type_rows(report)), "", _zero_types_note(report), "",
        "## Worst examples", "",
        "Unsupported spans are marked **«like this»** with their type; most unsupported facts first.", "",
    ]
    inputs = {row["id"]: row for row in report["inputs"]}
    for name in models:
        out += [f"### {md_escape(name)}", ""]
        for row in worst_examples(report, name, k):
            out += [f"**Example {md_escape(row['id'])}**: {row['unsupported']} unsupported, "
                    f"ROUGE-L {row['rougeL']:.3f}, support ratio {row['support_ratio']:.3f}", ""]
            summary = mark_unsupported(row["prediction"], row["unsupported_facts"], md_escape, _md_mark)
            out += [f"> {summary or '(empty summary)'}", "",
                    f"**Reference:** {md_escape(inputs[row['id']]['reference'])}", ""]
            out += [f"- **{md_escape(f['type'])}** «{md_escape(f['span'])}»: {md_escape(reason_text(f))}"
                    for f in row["unsupported_facts"]]
            out.append("")
    side_by_side = side_by_side_ids(report, report["settings"].get("side_by_side", 0))
    if side_by_side:
        out += ["## Side by side", "", "The notes on which the models' unsupported-fact counts differ most; "
                "unsupported spans marked **«like this»**.", ""]
    rows = rows_by_id(report)
    for example_id in side_by_side:
        out += [f"### Example {md_escape(example_id)}", "",
                f"**Reference:** {md_escape(inputs[example_id]['reference'])}", ""]
        for name in models:
            row = rows[name][example_id]
            summary = mark_unsupported(*clipped(row), md_escape, _md_mark)
            out += [f"- **{md_escape(name)}** ({row['unsupported']} unsupported, ROUGE-L {row['rougeL']:.3f}): "
                    f"{summary or '(empty summary)'}"]
        out.append("")
    out += ["## Settings", "", _md_table(_settings_rows(report)), ""]
    return "\n".join(out)


# ---------------------------------------------------------------- plots

PLOT_SPECS = (  # (file name, per-example score, title, integer-valued)
    ("rougeL", "rougeL", "ROUGE-L F1 per summary", False),
    ("support_ratio", "support_ratio", "Support ratio per summary", False),
    ("unsupported", "unsupported", "Unsupported facts per summary", True),
    ("length", "length", "Summary length (words)", True),
)


def _save_figure(fig, path: Path) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format="png", dpi=100, bbox_inches="tight")


def write_plots(report: dict, folder: Path) -> dict[str, Path]:
    """Distribution plots per model and a hallucination-rate bar chart, as PNG files in ``folder``.

    Figures are built with the object API on an Agg canvas, so no global backend is switched.
    """
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    models = report["models"]
    colors = [f"C{i % 10}" for i in range(len(models))]
    rng = np.random.default_rng(0)
    paths: dict[str, Path] = {}
    for name, key, title, integer in PLOT_SPECS:
        fig = Figure(figsize=(5, 3.2))
        ax = fig.add_subplot()
        data = [[row[key] for row in report["examples"][m]] for m in models]
        ax.boxplot(data, tick_labels=models, widths=0.5, showmeans=True, showfliers=False,
                   medianprops={"color": "black"},
                   meanprops={"marker": "D", "markerfacecolor": "white", "markeredgecolor": "black"})
        for i, values in enumerate(data):
            ax.scatter(i + 1 + rng.uniform(-0.15, 0.15, len(values)), values, s=12, alpha=0.6, color=colors[i])
        ax.set_title(title)
        ax.grid(axis="y", alpha=0.3)
        if integer:
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        paths[name] = folder / f"{name}.png"
        _save_figure(fig, paths[name])
    fig = Figure(figsize=(5, 3.2))
    ax = fig.add_subplot()
    estimates = [report["metrics"][m]["hallucination_rate"] for m in models]
    means = np.array([e["mean"] for e in estimates]) * 100
    errors = np.array([[e["mean"] - e["low"], e["high"] - e["mean"]] for e in estimates]).T * 100
    ax.bar(models, means, yerr=errors, capsize=6, color=colors, alpha=0.85)
    ax.set_ylabel("% of summaries")
    ax.set_title("Hallucination rate: unfaithful_score at or above its threshold (95% CI)")
    ax.set_ylim(0, min(105.0, float((means + errors[1]).max()) * 1.2 + 5))
    ax.grid(axis="y", alpha=0.3)
    paths["hallucination_rate"] = folder / "hallucination_rate.png"
    _save_figure(fig, paths["hallucination_rate"])
    return paths


# ---------------------------------------------------------------- html

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
main{max-width:1100px;margin:0 auto;padding:24px 32px;background:#fff}
h1{margin-top:0}h2{border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:32px}
table{border-collapse:collapse;margin:8px 0 16px;font-size:14px}
th,td{border:1px solid #d0d7de;padding:4px 10px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{font-variant-numeric:tabular-nums;white-space:nowrap}
tr.delta td{background:#fbfbf4}.sig{font-weight:600}
.plots{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:12px}
.plots img{width:100%;border:1px solid #d0d7de;border-radius:6px}
.example{border:1px solid #d0d7de;border-radius:6px;padding:8px 14px;margin:10px 0}
.example .meta{color:#57606a;font-size:13px}.summary{font-size:15px;line-height:1.6}
mark{background:#ffd7d5;border-bottom:2px solid #cf222e;padding:0 2px;border-radius:2px;cursor:help}
mark sup{color:#cf222e;font-size:10px;margin-left:2px}
.reference{color:#57606a;font-size:14px}details{font-size:13px;color:#57606a}
details pre{white-space:pre-wrap;font-family:inherit}ul.facts{font-size:13px;margin:4px 0}
.muted{color:#57606a;font-size:13px}
"""


def _html_table(rows: list[list[str]], delta_from: int | None = None) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in rows[0])
    body = []
    for i, row in enumerate(rows[1:], start=1):
        is_delta = delta_from is not None and i >= delta_from
        cells = "".join(
            f'<td class="num{" sig" if is_delta and c.endswith("*") else ""}">{html.escape(c)}</td>' if j
            else f"<td>{html.escape(c)}</td>" for j, c in enumerate(row))
        body.append(f'<tr class="delta">{cells}</tr>' if is_delta else f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _html_mark(segment: str, fact: dict) -> str:
    tip = f"{fact['type']}: {reason_text(fact)}"
    return (f'<mark title="{html.escape(tip, quote=True)}">{html.escape(segment)}'
            f"<sup>{html.escape(fact['type'])}</sup></mark>")


def render_html(report: dict, plots: dict[str, Path]) -> str:
    """A single self-contained page: inline CSS, plots as base64 data URIs, every text HTML-escaped."""
    esc = html.escape
    models, k = report["models"], report["settings"]["worst_examples"]
    images = "".join(
        f'<img alt="{esc(name)}" src="data:image/png;base64,{base64.b64encode(path.read_bytes()).decode("ascii")}">'
        for name, path in plots.items())
    inputs = {row["id"]: row for row in report["inputs"]}
    parts = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">",
        f"<title>clinsum evaluation: {esc(', '.join(models))}</title><style>{_CSS}</style></head><body><main>",
        "<h1>clinsum evaluation report</h1>",
        f"<p>{report['n_examples']} examples, models {esc(', '.join(models))}; created {esc(report['created'])}. "
        f"Means with 95% paired percentile-bootstrap intervals ({report['bootstrap']['samples']} resamples). "
        f"Δ rows: difference from <b>{esc(report['baseline'])}</b> (or from the column to the left) on the "
        "same resamples; "
        "<span class=\"sig\">*</span> marks an interval that excludes 0.</p>",
        "<h2>Comparison</h2>", _html_table(summary_rows(report), delta_from=len(METRICS) + 1),
        "<h2>Unsupported facts per summary, by type</h2>", _html_table(type_rows(report)),
        f'<p class="muted">{esc(_zero_types_note(report))}</p>',
        f"<h2>Distributions</h2><div class=\"plots\">{images}</div>",
        "<h2>Worst examples</h2><p class=\"muted\">Most unsupported facts first. Unsupported spans are "
        "highlighted; hover one for its type and the checker's reason.</p>",
    ]
    for name in models:
        parts.append(f"<h3>{esc(name)}</h3>")
        for row in worst_examples(report, name, k):
            source = inputs[row["id"]]
            summary = mark_unsupported(row["prediction"], row["unsupported_facts"], esc, _html_mark)
            facts = "".join(f"<li><b>{esc(f['type'])}</b> «{esc(f['span'])}»: {esc(reason_text(f))}</li>"
                            for f in row["unsupported_facts"])
            parts += [
                '<div class="example">',
                f'<div class="meta">Example <b>{esc(row["id"])}</b> · {row["unsupported"]} unsupported · '
                f'ROUGE-L {row["rougeL"]:.3f} · support ratio {row["support_ratio"]:.3f} · '
                f'{row["length"]} words</div>',
                f'<p class="summary">{summary or "<i>(empty summary)</i>"}</p>',
                f'<ul class="facts">{facts}</ul>' if facts else "",
                f'<p class="reference"><b>Reference:</b> {esc(source["reference"])}</p>',
                f"<details><summary>Note</summary><pre>{esc(source['note'])}</pre></details>",
                "</div>",
            ]
    side_by_side = side_by_side_ids(report, report["settings"].get("side_by_side", 0))
    if side_by_side:
        parts.append("<h2>Side by side</h2><p class=\"muted\">The notes on which the models' unsupported-fact "
                     "counts differ most.</p>")
    rows = rows_by_id(report)
    for example_id in side_by_side:
        source = inputs[example_id]
        cells = "".join(
            f'<p class="summary"><b>{esc(name)}</b> ({rows[name][example_id]["unsupported"]} unsupported): '
            f'{mark_unsupported(*clipped(rows[name][example_id]), esc, _html_mark) or "<i>(empty summary)</i>"}</p>'
            for name in models)
        parts += ['<div class="example">', f'<div class="meta">Example <b>{esc(example_id)}</b></div>', cells,
                  f'<p class="reference"><b>Reference:</b> {esc(source["reference"])}</p>',
                  f"<details><summary>Note</summary><pre>{esc(source['note'])}</pre></details>", "</div>"]
    parts += ["<h2>Settings</h2>", _html_table(_settings_rows(report)), "</main></body></html>"]
    return "\n".join(parts)


def write_report(report: dict, output_dir: str | Path) -> dict[str, Path]:
    """Write plots/, report.json, report.md and report.html into ``output_dir`` (each atomically)."""
    output_dir = Path(output_dir)
    plots = write_plots(report, output_dir / PLOTS_DIR)
    files = {"json": output_dir / JSON_FILE, "markdown": output_dir / MD_FILE, "html": output_dir / HTML_FILE}
    report["files"] = {**{k: p.name for k, p in files.items()},
                       "plots": {k: str(p.relative_to(output_dir)) for k, p in plots.items()}}
    write_json(files["json"], report)
    write_text(files["markdown"], render_markdown(report))
    write_text(files["html"], render_html(report, plots))
    return {**files, **{f"plot_{k}": p for k, p in plots.items()}}
