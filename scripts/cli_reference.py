"""Print the Markdown option tables of every clinsum command, from the config dataclasses themselves.

    python scripts/cli_reference.py > /tmp/options.md   # paste into README.md's "Command reference"

tests/test_readme.py checks that README.md documents every option this prints.
"""

from __future__ import annotations

import dataclasses
import importlib
import typing

from clinsum.cli import COMMANDS
from clinsum.config import base_type


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


def main() -> None:
    for name, (_, _, _, help_text) in COMMANDS.items():
        print(f"### `clinsum {name}`\n\n{help_text}.\n\n| option | default | meaning |\n|---|---|---|")
        for flag, default, help_text in command_options(name):
            print(f"| `{flag}` | {f'`{default}`' if default else ''} | {help_text} |")
        print()


if __name__ == "__main__":
    main()
