"""The user documentation holds together: links resolve, named files exist, code imports, no issue numbers."""

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "results" / "mts-dialog" / "README.md"]
IDS = [str(p.relative_to(ROOT)) for p in PAGES]

FENCE = re.compile(r"^```.*?^```[ \t]*$", re.M | re.S)
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^()\s]+)(?:\s+\"[^\"]*\")?\)")
# A repository file named in the text or a command: benchmarks/bench_sft.py, configs/demo.yaml, ...
REPO_FILE = re.compile(r"(?<![\w./-])((?:benchmarks|configs|docs|results|scripts|src|tests)/[\w./-]*\w\.(?:py|ya?ml|sh|md|json|png|csv))\b")
ISSUE = re.compile(r"\bissues?[ -]?#?\d+|(?<![\w&])#\d+\b", re.I)


def prose(text: str) -> str:
    """The Markdown outside fenced code blocks and inline code."""
    return re.sub(r"`[^`\n]*`", "", FENCE.sub("", text))


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: formatting and punctuation dropped, lower case, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = re.sub(r"[^\w\- ]", "", text.replace("`", "").lower())
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    out = set()
    for line in FENCE.sub("", path.read_text()).splitlines():
        m = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if not m:
            continue
        base = slug(m.group(1))
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.add(base if n == 0 else f"{base}-{n}")
    return out


def test_slug_matches_github():
    assert slug("Stage A: SFT") == "stage-a-sft"
    assert slug("`clinsum sft`") == "clinsum-sft"
    assert slug("`unfaithful_score`") == "unfaithful_score"
    assert slug("FSDP, DeepSpeed ZeRO-3, and one 24 GB GPU") == "fsdp-deepspeed-zero-3-and-one-24-gb-gpu"
    assert slug("Stage B from the model's own samples: the choice") == "stage-b-from-the-models-own-samples-the-choice"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_internal_links_resolve(page):
    broken = []
    for target in LINK.findall(prose(page.read_text())):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto:
            continue
        path_part, _, anchor = target.partition("#")
        dest = (page.parent / path_part).resolve() if path_part else page
        if not dest.exists():
            broken.append(f"{target}: no file {dest.relative_to(ROOT) if dest.is_relative_to(ROOT) else dest}")
        elif anchor and (dest.suffix != ".md" or anchor not in anchors(dest)):
            broken.append(f"{target}: no heading with anchor #{anchor} in {dest.relative_to(ROOT)}")
    assert not broken, f"{page.relative_to(ROOT)}: broken links:\n" + "\n".join(broken)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_named_repository_files_exist(page):
    missing = sorted({name for name in REPO_FILE.findall(page.read_text()) if not (ROOT / name).exists()})
    assert not missing, f"{page.relative_to(ROOT)} names files that do not exist: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_no_issue_numbers(page):
    found = ISSUE.findall(prose(page.read_text()))
    assert not found, f"{page.relative_to(ROOT)} mentions {found}: user docs say what a thing does, not which issue asked"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_python_examples_import(page):
    """Every ``from clinsum... import ...`` in a python code block names something that exists."""
    blocks = re.findall(r"^```python\n(.*?)^```", page.read_text(), re.M | re.S)
    for block in blocks:
        for module, names in re.findall(r"^from (clinsum[\w.]*) import (.+)$", block, re.M):
            mod = importlib.import_module(module)
            for name in (n.strip() for n in names.split(",")):
                assert hasattr(mod, name), f"{page.relative_to(ROOT)}: {module} has no {name}"
