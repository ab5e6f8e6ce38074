"""README.md is a newcomer's page, and docs/cli.md documents every command-line option of every command."""

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from clinsum.cli import COMMANDS, build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()
CLI_PAGE = (ROOT / "docs" / "cli.md").read_text()


def test_readme_opens_with_the_two_commands():
    head = README[:600]
    assert "make demo" in head and "make test" in head


def test_readme_is_short():
    lines = README.count("\n")
    assert lines < 250, f"README.md has {lines} lines: move detail into a page under docs/"


def test_readme_config_example_is_the_demo_config():
    """The README's config example is configs/demo.yaml: the same keys and values (comments may differ)."""
    shown = README.split("This is `configs/demo.yaml`")[1].split("```yaml\n")[1].split("```")[0]
    config = yaml.safe_load((ROOT / "configs" / "demo.yaml").read_text())
    assert yaml.safe_load(shown) == config, "README's YAML example differs from configs/demo.yaml: copy the file again"


def test_cli_page_is_generated():
    """docs/cli.md is exactly what scripts/cli_reference.py writes (run as a script: tests do not import scripts)."""
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "cli_reference.py"), "--check"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr


def help_flags(command: str) -> set[str]:
    """The long options that ``clinsum COMMAND --help`` lists, without --help, --config and the --no- forms."""
    parser = build_parser(command)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[command]
    sub.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=100_000)  # no line wrapped inside a flag
    flags = set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", sub.format_help()))
    negated = {f"--no-{a.option_strings[0][2:]}" for a in sub._actions
               if isinstance(a, argparse.BooleanOptionalAction)}
    return flags - negated - {"--help", "--config"}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_cli_page_lists_what_help_lists(command):
    heading = f"## `clinsum {command}`\n"
    assert heading in CLI_PAGE, f"docs/cli.md has no section for clinsum {command}: run scripts/cli_reference.py"
    section = CLI_PAGE.split(heading)[1].split("\n## ")[0]
    documented = set(re.findall(r"^\| `(--[a-z0-9-]+)` \|", section, flags=re.M))
    expected = help_flags(command)
    assert documented == expected, (
        f"docs/cli.md's clinsum {command} section lacks {sorted(expected - documented)} and has "
        f"{sorted(documented - expected)} that --help does not: run python scripts/cli_reference.py")
