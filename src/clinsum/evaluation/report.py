"""`clinsum eval`: summarize the same test notes with several models, score them, write a comparison report.

Generation and scoring are separate steps joined by ``predictions.jsonl``: a run saves every model's
summaries before scoring, so ``--predictions`` rescores them (say, with another checker setting)
without loading a model. Every number comes with a paired percentile-bootstrap 95% interval, and each
model other than the first also gets its difference from the first, with an interval of its own.
Rendering (Markdown, HTML, plots) is in :mod:`clinsum.evaluation.render`.
"""

from __future__ import annotations

import gc
import importlib.metadata
import logging
import platform
import re
import time
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from tqdm.auto import tqdm

from clinsum import __version__
from clinsum.config import config_to_dict, option
from clinsum.data.dataset import ColumnOptions, DataError, Example, load_examples, read_rows, select_factual
from clinsum.evaluation.facts import FACT_TYPES
from clinsum.evaluation.faithfulness import FaithfulnessChecker, novel_content_words
from clinsum.evaluation.metrics import (
    DELTA_METRICS, METRIC_BY_KEY, METRICS, ROUGE_TYPES, bootstrap_ci, bootstrap_indices, is_degenerate,
    paired_difference_ci, repetition_rate, rouge_f1, word_count,
)
from clinsum.evaluation.render import HTML_FILE, JSON_FILE, MD_FILE, PLOTS_DIR, summary_table, write_report
from clinsum.evaluation.verify import VerifyBudget, Verifier
from clinsum.inference.generate import GenerationOptions, InferenceModelOptions, Summarizer
from clinsum.io import write_jsonl
from clinsum.models import DEFAULT_MODEL
from clinsum.text.normalize import split_note

log = logging.getLogger(__name__)

PREDICTIONS_FILE = "predictions.jsonl"
PREDICTION_FIELDS = ("id", "model", "note", "reference", "prediction")
VERIFIED_SUFFIX, CONTROL_SUFFIX = "+verified", "+likeliest"  # the rows of a model named in --verified
CHECK_CHUNK = 16  # summaries per checker call: large enough to batch embeddings, small enough for progress



@dataclass
class EvalConfig(ColumnOptions, InferenceModelOptions, VerifyBudget, GenerationOptions):
    """Every option of `clinsum eval`; the generation settings are shared by all models."""

    models: list[str] = option([], "models to compare as NAME=PATH (a base model spec such as 'default', or an "
                                   "adapter folder); the first one is the baseline for differences")
    verified: list[str] = option([], "models (by NAME) also reported with verified output (NAME+verified) and with "
                                     "the same-compute control without the checker, the likeliest of the same "
                                     "candidates (NAME+likeliest)")
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
                         path: str | Path, checker=None) -> tuple[list[dict], dict[str, float], dict[str, float]]:
    """Every model's summaries of ``examples`` (one record per example and row), seconds of generation per row
    (model loading left out, so rows compare) and seconds of loading per model.

    A model named in ``config.verified`` gives three rows from one load: NAME (plain decoding), NAME+likeliest
    (the likeliest of the K candidates: the control with the same generation and no checker; its time is the
    candidates' alone) and NAME+verified (:class:`~clinsum.evaluation.verify.Verifier` with ``checker``).
    ``path`` is rewritten after each model, so a failure while loading a later model keeps the earlier work.
    """
    unknown = [name for name in config.verified if name not in dict(models)]
    if unknown:
        raise ValueError(f"--verified names {', '.join(unknown)}, which --models does not (it has: "
                         f"{', '.join(name for name, _ in models)})")
    notes = [ex.note for ex in examples]
    contexts = [ex.context if config.use_context else None for ex in examples]
    records: list[dict] = []
    seconds: dict[str, float] = {}
    loading: dict[str, float] = {}

    def add(name: str, summaries: list[str], verification: list[dict] | None = None) -> None:
        records.extend(
            {"id": ex.id, "model": name, "note": ex.note, "reference": ex.summary, "prediction": summary,
             "context": ex.context, **({"verification": verification[i]} if verification else {})}
            for i, (ex, summary) in enumerate(zip(examples, summaries)))

    for name, model_path in models:
        log.info("Generating with %s (%s) on %d notes...", name, model_path, len(notes))
        start = time.perf_counter()
        summarizer = Summarizer.from_pretrained(model_path, config.device, config.prompt_style,
                                                config.trust_remote_code, config.dtype)
        # one short generation first, so that no row's time includes the first call's set-up
        summarizer.summarize(notes[:1], replace(config, max_new_tokens=2, greedy=True), contexts[:1], progress=False)
        loaded = time.perf_counter()
        loading[name] = round(loaded - start, 3)
        add(name, summarizer.summarize(notes, config, contexts))
        seconds[name] = round(time.perf_counter() - loaded, 3)
        if name in config.verified:
            log.info("Verified output with %s: %d %s per note, %d repair tries", name, config.candidates,
                     config.candidate_mode, config.repair_tries)
            verifier = Verifier(summarizer, checker, config)
            results = verifier.verify(notes, config, contexts)
            add(f"{name}{CONTROL_SUFFIX}", [v.likeliest for v in results])
            add(f"{name}{VERIFIED_SUFFIX}", [v.summary for v in results], [v.to_dict() for v in results])
            seconds[f"{name}{CONTROL_SUFFIX}"] = round(verifier.timings["candidates"], 3)
            seconds[f"{name}{VERIFIED_SUFFIX}"] = round(sum(verifier.timings.values()), 3)
        device = summarizer.device
        del summarizer
        release_memory(device)
        write_jsonl(path, records)
    return records, seconds, loading


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


def verification_scores(verification: dict | None) -> dict:
    """Per-summary counts of what verification did (all 0 for a plain summary): sentences repaired and dropped,
    whether it lost half its sentences or more, and whether every sentence was dropped."""
    if not verification:
        return {"repaired": 0, "dropped": 0, "lost_half": 0, "emptied": 0}
    total = len(verification["sentences"])
    dropped = verification["dropped"]
    return {"repaired": verification["repaired"], "dropped": dropped,
            "lost_half": int(total > 0 and 2 * dropped >= total), "emptied": int(verification["all_dropped"])}


def report_rows(models: list[str], verified: list[str]) -> list[str]:
    """The report's rows: each model, and after a model named in ``verified`` its control and verified rows."""
    return [row for name in models
            for row in ([name, f"{name}{CONTROL_SUFFIX}", f"{name}{VERIFIED_SUFFIX}"] if name in verified else [name])]


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
            "novel_words": novel_content_words(record["note"], prediction),
            **verification_scores(record.get("verification")),
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
        "verified_rows": [name for name in models if any(r.get("verification") for r in grouped[name])],
        "verification": {name: [{"id": r["id"], **r["verification"]} for r in grouped[name]]
                         for name in models if any(r.get("verification") for r in grouped[name])},
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
        loading_s: dict[str, float] = {}
        source = str(config.predictions)
        if config.data:
            log.info("--data %s is not read: the notes and references come from %s", config.data, source)
    else:
        if not config.models:
            raise ValueError("--models is required: NAME=PATH,... e.g. base=default,sft=runs/sft/final_model")
        pairs = parse_models(config.models)
        check_model_paths(pairs)
        examples = load_eval_examples(config)
        if checker is None and config.verified:  # one checker verifies the summaries and scores them
            checker = FaithfulnessChecker(use_embeddings=config.use_embeddings)
        records, generation_s, loading_s = generate_predictions(pairs, examples, config,
                                                                output_dir / PREDICTIONS_FILE, checker)
        source = str(output_dir / PREDICTIONS_FILE)
        if not config.score:
            print(f"predictions: {source} ({len(records)} summaries; "
                  + ", ".join(f"{name} {s:.0f} s" for name, s in generation_s.items()) + ")")
            return {"predictions_file": source, "generation_seconds": generation_s}
    rows = report_rows([name for name, _ in pairs], config.verified)
    scores = score_predictions(records, rows or None, checker, config.bootstrap_samples,
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
        "timings": {"generation_s": generation_s, "loading_s": loading_s, "scoring_s": scores.pop("scoring_s"),
                    "total_s": round(time.perf_counter() - start, 3)},
    }
    write_report(report, output_dir)
    print(summary_table(report))
    print(f"\nReport: {output_dir / HTML_FILE} (also {MD_FILE}, {JSON_FILE}, {PLOTS_DIR}/)")
    return report
