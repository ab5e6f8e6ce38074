"""README.md documents every command-line option of every command."""

from pathlib import Path

import pytest

from clinsum.cli import COMMANDS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


@pytest.mark.parametrize("command", list(COMMANDS))
def test_readme_lists_every_option(command):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from cli_reference import command_options

    assert f"### `clinsum {command}`" in README
    section = README.split(f"### `clinsum {command}`")[1].split("\n### ")[0]
    missing = [flag for flag, _, _ in command_options(command) if f"`{flag}`" not in section]
    assert not missing, f"README's clinsum {command} section lacks {missing}: rerun scripts/cli_reference.py"


def test_readme_opens_with_the_two_commands():
    head = README[:600]
    assert "make demo" in head and "make test" in head
