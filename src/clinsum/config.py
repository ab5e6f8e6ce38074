"""Typed configs: one dataclass per command, loadable from YAML and overridable on the command line.

A config field becomes a ``--kebab-case`` option; its ``metadata["help"]`` is the option's help text.
Precedence: dataclass default < YAML file (``--config``) < explicit command-line option.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")

# Precisions a model can be loaded in (--dtype of every command that loads one); auto picks per device.
DTYPES = ("auto", "float32", "bfloat16")


def option(default: Any = None, help: str = "", **kwargs) -> Any:
    """A config field with help text; mutable defaults are wrapped in a factory."""
    if isinstance(default, (list, dict)):
        value = default
        return dataclasses.field(default_factory=lambda: type(value)(value), metadata={"help": help, **kwargs})
    return dataclasses.field(default=default, metadata={"help": help, **kwargs})


def device_option() -> Any:
    """``--device`` of every command that runs a model."""
    return option("auto", "auto, cpu, cuda or cuda:N")


def dtype_option() -> Any:
    """``--dtype`` of every command that loads a model."""
    return option("auto", "auto (fp32 on CPU, bf16 on GPUs that have it), float32 or bfloat16", choices=DTYPES)


def base_type(tp: Any) -> Any:
    """``int | None`` -> ``int``; ``list[str]`` -> ``list``."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return base_type(args[0])
    return origin or tp


def _parse_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def add_config_arguments(parser: argparse.ArgumentParser, cls: type) -> None:
    """Add one option per field of config dataclass ``cls`` (defaults are applied later)."""
    hints = typing.get_type_hints(cls)
    parser.add_argument("--config", type=Path, help="YAML file with any of the options below (command line wins)")
    for f in dataclasses.fields(cls):
        if f.metadata.get("cli") is False:
            continue
        flag = "--" + f.name.replace("_", "-")
        tp = base_type(hints[f.name])
        default = f.default if f.default is not dataclasses.MISSING else f.default_factory()
        help_text = f.metadata.get("help", "")
        if default not in (None, "", []) and tp is not bool:
            shown = ",".join(default) if isinstance(default, list) else default
            help_text += f" (default: {shown})"
        kwargs: dict[str, Any] = {"dest": f.name, "default": argparse.SUPPRESS, "help": help_text}
        if tp is bool:
            kwargs["action"] = argparse.BooleanOptionalAction
        elif tp is list:
            kwargs["type"] = _parse_list
            kwargs["metavar"] = "A,B"
        else:
            kwargs["type"] = tp if tp in (int, float) else str
            if "choices" in f.metadata:
                kwargs["choices"] = f.metadata["choices"]
        parser.add_argument(flag, *f.metadata.get("aliases", ()), **kwargs)


def config_from_dict(cls: type[T], values: dict, source: str = "config") -> T:
    """Build ``cls`` from a dict, rejecting unknown keys with the list of known ones."""
    known = {f.name for f in dataclasses.fields(cls)}
    values = {k.replace("-", "_"): v for k, v in values.items()}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"{source}: unknown option(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    hints = typing.get_type_hints(cls)
    for name, value in values.items():
        if base_type(hints[name]) is list and isinstance(value, str):
            values[name] = _parse_list(value)
    return cls(**values)


def load_yaml(path: str | Path) -> dict:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise ValueError(f"{path}: config file not found") from None
    except yaml.YAMLError as e:
        raise ValueError(f"{path}: invalid YAML ({e})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of option names to values")
    return data


def config_from_args(cls: type[T], args: argparse.Namespace) -> T:
    """Defaults, then the YAML file named by ``--config``, then options given on the command line."""
    values: dict[str, Any] = {}
    config_path = getattr(args, "config", None)
    if config_path is not None:
        values.update(load_yaml(config_path))
    known = {f.name for f in dataclasses.fields(cls)}
    values.update({k: v for k, v in vars(args).items() if k in known})
    return config_from_dict(cls, values, source=str(config_path or "command line"))


def config_to_dict(config: Any) -> dict:
    return json.loads(json.dumps(dataclasses.asdict(config), default=str))
