"""Write docs/cli.md, the option tables of every clinsum command, from the config dataclasses themselves.

    python scripts/cli_reference.py            # rewrite docs/cli.md after changing a command's options
    python scripts/cli_reference.py --check    # exit 1 if docs/cli.md is not what this would write

tests/test_readme.py runs ``--check`` and compares docs/cli.md with each command's ``--help``.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import sys
import typing
from pathlib import Path

from clinsum.cli import COMMANDS
from clinsum.config import base_type
from clinsum.io import write_text

PAGE = Path(__file__).resolve().parents[1] / "docs" / "cli.md"

HEADER = """# Command reference

Every option of every `clinsum` command, generated from the config dataclasses by
`python scripts/cli_reference.py` (a test checks this page against each command's `--help`). Every option can
also come from a YAML file: `--config cfg.yaml`, same names with underscores; the command line wins over the
file. Boolean options also have a `--no-` form (`--greedy` / `--no-greedy`).

"""


def command_options(name: str) -> list[tuple[str, str, str]]:
    """(flag, default, help) for each command-line option of command ``name``."""
    module, config_name, _, _ = COMMANDS[name]
    cls = getattr(importlib.import_module(module), config_name)
    hints = typing.get_type_hints(cls)
    rows = []
    for f in dataclasses.fields(cls):
        if f.metadata.get("cli") is False:
            continue
        default = f.default if f.default is not dataclasses.MISSING else f.default_factory()
        if base_type(hints[f.name]) is list:
            default = ",".join(map(str, default))
        flag = "--" + f.name.replace("_", "-")
        rows.append((flag, "" if default is None else str(default), f.metadata.get("help", "").replace("%%", "%")))
    return rows


def render() -> str:
    """The whole of docs/cli.md."""
    parts = [HEADER]
    for name, (_, _, _, help_text) in COMMANDS.items():
        parts.append(f"## `clinsum {name}`\n\n{help_text}.\n\n| option | default | meaning |\n|---|---|---|\n")
        for flag, default, meaning in command_options(name):
            parts.append(f"| `{flag}` | {f'`{default}`' if default else ''} | {meaning} |\n")
        parts.append("\n")
    return "".join(parts).rstrip("\n") + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare docs/cli.md with what would be written")
    args = parser.parse_args()
    page = render()
    if args.check:
        if not PAGE.exists() or PAGE.read_text() != page:
            print(f"{PAGE} is out of date: run python scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    write_text(PAGE, page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
