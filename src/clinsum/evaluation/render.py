"""The evaluation report as files: Markdown, a self-contained HTML page, PNG plots and the terminal table.

Everything here reads the ``report`` dict that :func:`clinsum.evaluation.report.run_eval` builds and
computes nothing new, so a saved ``report.json`` can be re-rendered without the models or the checker.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import fields
from pathlib import Path

import numpy as np

from clinsum.evaluation.metrics import DELTA_METRICS, METRIC_BY_KEY, METRICS
from clinsum.evaluation.verify import VerifyBudget
from clinsum.inference.generate import GenerationOptions
from clinsum.io import atomic_path, write_json, write_text

JSON_FILE, MD_FILE, HTML_FILE, PLOTS_DIR = "report.json", "report.md", "report.html", "plots"
GENERATION_SETTINGS = {f.name for f in fields(GenerationOptions) + fields(VerifyBudget)} | {"verified",
    "prompt_style", "device", "dtype", "trust_remote_code", "use_context", "note_column", "summary_column", "context_column"}


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


def shown_metrics(report: dict) -> list:
    """The metrics of the comparison table: those about verification only when some row was verified."""
    return [m for m in METRICS if not m.verification or report.get("verified_rows")]


def summary_rows(report: dict) -> list[list[str]]:
    """The comparison table (header first): one row per metric, one column per model, then the differences."""
    models, baseline = report["models"], report["baseline"]
    header = ["Metric"] + models
    rows = [header] + [[m.label] + [format_estimate(report["metrics"][name][m.key], m.kind) for name in models]
                       for m in shown_metrics(report)]
    for key in DELTA_METRICS:
        metric = METRIC_BY_KEY[key]
        rows.append([f"Δ {metric.label} vs {baseline}", "—"]
                    + [format_delta(report["deltas"][name][key], metric.kind) for name in models[1:]])
    for key in DELTA_METRICS if report.get("deltas_vs_previous") else ():
        metric = METRIC_BY_KEY[key]
        rows.append([f"Δ {metric.label} vs previous column", "—", "—"]
                    + [format_delta(report["deltas_vs_previous"][name][key], metric.kind) for name in models[2:]])
    return rows


def cost_rows(report: dict) -> list[list[str]]:
    """Generation time per summary of each row and its ratio to the same model's plain row (header first);
    empty when nothing was generated (rescoring). Model loading is left out."""
    seconds, n = report["timings"].get("generation_s", {}), report["n_examples"]
    if not seconds:
        return []
    rows = [["Row", "Seconds / summary", "× plain decoding"]]
    for name in report["models"]:
        if name in seconds:
            plain = seconds.get(name.split("+")[0])
            ratio = f"{seconds[name] / plain:.2f}×" if plain else "—"
            rows.append([name, f"{seconds[name] / n:.2f}", ratio])
    return rows


def changed_examples(report: dict, name: str, k: int) -> list[dict]:
    """The ``k`` verified summaries with the most sentences dropped or repaired (ties: test-set order)."""
    records = report.get("verification", {}).get(name, [])
    changed = [r for r in records if r["repaired"] or r["dropped"]]
    return sorted(changed, key=lambda r: -(r["dropped"] + r["repaired"]))[:k]


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


def _md_cost_and_verification(report: dict, k: int) -> list[str]:
    out = []
    if cost_rows(report):
        out += ["## Cost", "", "Generation time on the same notes in one process (model loading left out); a "
                "verified row includes its candidates, checks and rewrites.", "", _md_table(cost_rows(report)), ""]
    for name in report.get("verified_rows", []):
        out += [f"## What verification changed: {md_escape(name)}", "",
                "The summaries with the most sentences repaired or dropped; the original sentence and the reason.", ""]
        for record in changed_examples(report, name, k):
            out += [f"**Example {md_escape(record['id'])}**: {md_escape(record['status'])}", ""]
            out += [f"- {s['status']}: «{md_escape(s['original'])}»"
                    + (f" → «{md_escape(s['text'])}»" if s["status"] == "repaired" else "")
                    + f" ({md_escape(s['reason'])})" for s in record["sentences"] if s["status"] != "kept"]
            out.append("")
    return out


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
        *_md_cost_and_verification(report, k),
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


def _html_cost_and_verification(report: dict, k: int) -> list[str]:
    esc = html.escape
    parts = []
    if cost_rows(report):
        parts += ["<h2>Cost</h2><p class=\"muted\">Generation time on the same notes in one process (model loading "
                  "left out); a verified row includes its candidates, checks and rewrites.</p>",
                  _html_table(cost_rows(report))]
    for name in report.get("verified_rows", []):
        parts.append(f"<h2>What verification changed: {esc(name)}</h2><p class=\"muted\">The summaries with the "
                     "most sentences repaired or dropped; the original sentence and the reason.</p>")
        for record in changed_examples(report, name, k):
            items = "".join(
                f"<li><b>{esc(s['status'])}</b>: <del>{esc(s['original'])}</del>"
                + (f" → <ins>{esc(s['text'])}</ins>" if s["status"] == "repaired" else "")
                + f' <span class="muted">({esc(s["reason"])})</span></li>'
                for s in record["sentences"] if s["status"] != "kept")
            parts.append(f'<div class="example"><div class="meta">Example <b>{esc(record["id"])}</b> · '
                         f'{esc(record["status"])}</div><ul class="facts">{items}</ul></div>')
    return parts


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
        "<h2>Comparison</h2>", _html_table(summary_rows(report), delta_from=len(shown_metrics(report)) + 1),
        "<h2>Unsupported facts per summary, by type</h2>", _html_table(type_rows(report)),
        f'<p class="muted">{esc(_zero_types_note(report))}</p>',
        *_html_cost_and_verification(report, k),
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
