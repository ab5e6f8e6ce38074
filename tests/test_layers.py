"""Dependency direction: every module of src/clinsum imports only modules below it, so stages compose top-down.

A folder (data/, training/, ...) and a top-level module (pipeline.py, cli.py, ...) are each one place in the
order; a module not placed here fails the test, so a new one must say where it sits.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "clinsum"
BASE = {"text", "io", "config", "models", "paths"}  # every place may import these
STAGES = {"data", "training", "inference", "privacy", "evaluation", "preference", "serving"}
# What each place may import besides itself and BASE.
ALLOWED = {
    "text": set(), "io": set(), "config": set(), "models": set(), "paths": set(),
    "testing": set(),  # tests' and benchmarks' fixtures: nothing in the package imports them
    "data": set(),
    "training": {"data"},
    "inference": {"data"},
    "privacy": {"data"},
    "evaluation": {"data", "inference"},
    "preference": {"data", "inference", "evaluation"},  # Stage B data: edits, and pairs from the model's own samples
    "serving": {"data", "inference", "evaluation", "privacy"},
    # composers: a whole run, and the command line over every command
    "pipeline": STAGES,
    "cli": STAGES | {"pipeline"},
}


def layer(module: str) -> str | None:
    """``clinsum.data.triplets`` -> ``data``; ``clinsum.pipeline`` -> ``pipeline``; None outside the order."""
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "clinsum":
        return None
    return parts[1] if parts[1] in ALLOWED else None


def imported(path: Path) -> set[str]:
    """Every clinsum module a file imports, at the top or inside a function (``from clinsum import x`` counts x)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module == "clinsum":
            names |= {f"clinsum.{a.name}" for a in node.names if a.name != "__version__"}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("clinsum."):
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name.startswith("clinsum.")}
    return names


FILES = sorted(p for p in PACKAGE.rglob("*.py") if p != PACKAGE / "__init__.py")


def module_of(path: Path) -> str:
    return "clinsum." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(PACKAGE)) for p in FILES])
def test_no_module_imports_one_above_it(path):
    own = layer(module_of(path))
    assert own is not None, f"{path.relative_to(PACKAGE)} has no place in tests/test_layers.py's ALLOWED: give it one"
    for name in imported(path):
        other = layer(name)
        assert other is not None and (other == own or other in BASE or other in ALLOWED[own]), (
            f"{path.relative_to(PACKAGE)} imports {name}: {own} may import only "
            f"{', '.join(sorted({own} | BASE | ALLOWED[own]))}; compose stages above them (pipeline, cli)")


def test_the_order_has_no_cycle():
    """Read as "may import", ALLOWED is an order: nothing may import, even through others, what may import it."""
    def walk(place: str, path: tuple[str, ...]) -> None:
        assert place not in path, f"cycle: {' -> '.join(path + (place,))}"
        for lower in ALLOWED[place]:
            walk(lower, path + (place,))

    for place in ALLOWED:
        walk(place, ())


def test_the_rule_catches_an_upward_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from clinsum.evaluation.faithfulness import FaithfulnessChecker\n")
    assert layer(next(iter(imported(bad)))) == "evaluation" not in ALLOWED["data"]
    composer = tmp_path / "composer.py"
    composer.write_text("from clinsum import pipeline\n")
    assert imported(composer) == {"clinsum.pipeline"} and "pipeline" not in ALLOWED["serving"]
