"""Dependency direction: a folder of src/clinsum imports only folders below it, so stages compose top-down."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "clinsum"
BASE = {"text", "io", "config", "models"}
# What each folder may import besides itself and BASE; top-level modules (cli, pipeline, ...) may import anything.
ALLOWED = {
    "text": set(), "io": set(), "config": set(), "models": set(),
    "data": set(),
    "training": {"data"},
    "inference": {"data"},
    "privacy": {"data"},
    "evaluation": {"data", "inference"},
    "serving": {"data", "inference", "evaluation", "privacy"},
    "preference": {"data", "inference", "evaluation"},  # Stage B pairs: generate and check, as eval does
}


def layer(module: str) -> str | None:
    """``clinsum.data.triplets`` -> ``data``; None for top-level modules such as clinsum.pipeline."""
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "clinsum":
        return None
    if parts[1] in ALLOWED and (len(parts) > 2 or parts[1] in BASE):
        return parts[1]
    return None


def imported(path: Path) -> set[str]:
    """Every clinsum module a file imports, at the top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("clinsum"):
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name.startswith("clinsum")}
    return names


FILES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(PACKAGE)) for p in FILES])
def test_no_folder_imports_a_stage_above_it(path):
    own = layer("clinsum." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    if own is None:
        return
    for name in imported(path):
        other = layer(name)
        if name == "clinsum":
            continue
        assert other is not None and (other == own or other in BASE or other in ALLOWED[own]), (
            f"{path.relative_to(PACKAGE)} imports {name}: {own}/ may import only "
            f"{', '.join(sorted({own} | BASE | ALLOWED[own]))}; compose stages above them (pipeline, cli)")


def test_the_rule_catches_an_upward_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from clinsum.evaluation.faithfulness import FaithfulnessChecker\n")
    assert layer(next(iter(imported(bad)))) == "evaluation" not in ALLOWED["data"]
