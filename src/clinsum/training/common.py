"""Pieces every training recipe (SFT, DPO) shares: LoRA setup, optimizer and schedule, interrupts."""

from __future__ import annotations

import contextlib
import logging
import math
import signal
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from typing import Any

import torch

from clinsum.config import device_option, dtype_option, option
from clinsum.data.batching import collate, forward_chunks, length_grouped_batches
from clinsum.data.prompts import PROMPT_STYLES, EncodedExample
from clinsum.models import resolve_device

log = logging.getLogger(__name__)

ALL_LINEAR = "all-linear"


@dataclass
class TrainingOptions:
    """Loop options every recipe shares, with the same names on every command and in YAML.

    The defaults are Stage A's; a recipe re-declares a field to give it another default.
    """

    output_dir: str = option("runs/sft", "where checkpoints, final_model/ and training_stats.json go")
    num_epochs: int = option(2, "passes over the training data")
    learning_rate: float = option(2e-4, "peak AdamW learning rate")
    batch_size: int = option(8, "rows per micro-batch")
    gradient_accumulation_steps: int = option(1, "micro-batches per optimizer step")
    max_length: int = option(512, "max tokens per row; long notes are truncated from the note side")
    warmup_steps: int = option(100, "linear warm-up steps (capped to 10%% of the total)")
    max_grad_norm: float = option(1.0, "gradient clipping norm")
    weight_decay: float = option(0.0, "AdamW weight decay")
    max_steps: int | None = option(None, "stop after this many optimizer steps (smoke tests, benchmarks)")
    max_train_examples: int | None = option(None, "use only the first N training rows")
    save_every_steps: int = option(50, "also checkpoint every N optimizer steps (0: only per epoch)")
    max_forward_tokens: int = option(
        1024, "split each batch into forward passes of at most this many padded tokens: same gradients, activation "
        "memory bounded by this instead of by the batch (0: the whole batch in one forward)")
    gradient_checkpointing: bool = option(False, "recompute activations in backward to save memory")
    load_in_8bit: bool = option(False, "load the base model in 8 bit (CUDA + bitsandbytes only)")
    load_in_4bit: bool = option(False, "load the base model in 4 bit NF4 (CUDA + bitsandbytes only)")
    prompt_style: str = option("auto", "auto (chat template if the tokenizer has one), chat or plain", choices=PROMPT_STYLES)
    use_context: bool = option(True, "give the context column (e.g. section header) to the model with the note")
    seed: int = option(42, "seed for data order, splits and LoRA initialisation")
    device: str = device_option()
    dtype: str = dtype_option()
    resume: bool = option(False, "continue from the last checkpoint in --output-dir")
    trust_remote_code: bool = option(False, "allow model repos to run their own Python code (off: safer)")


@dataclass
class TrainState:
    """Where a recipe's loop stands: saved in every checkpoint (``trainer_state.json``, the same keys) and
    restored on resume, so that a resumed run continues at the same step with the same statistics."""

    epoch: int = 0  # epochs finished
    step_in_epoch: int = 0  # optimizer steps done in the current epoch
    global_step: int = 0
    epoch_sums: dict[str, float] = field(default_factory=dict)  # the current epoch's running sums (the recipe's own)
    history: list[dict] = field(default_factory=list)  # one record per finished epoch
    steps: list[dict] = field(default_factory=list)  # one record per optimizer step
    processes: int = 1  # a run resumes with as many processes as it started with (the data order depends on it)

    @classmethod
    def from_json(cls, record: dict) -> "TrainState":
        """From a checkpoint's trainer state (which also holds the optimizer's and scheduler's)."""
        return cls(**{f.name: record[f.name] for f in fields(cls) if f.name in record})

    def to_json(self) -> dict:
        return asdict(self)

    def count_step(self, **record) -> None:
        """One optimizer step done; ``record`` (its loss, learning rate, ...) joins the per-step log."""
        self.step_in_epoch += 1
        self.global_step += 1
        self.steps.append({"step": self.global_step, **record})

    def finish_epoch(self, scores: dict, learning_rate: float, zero_sums: dict[str, float]) -> dict:
        """Close the epoch: its record (steps, the recipe's ``scores``, learning rate, throughput from the sums'
        ``tokens`` and ``seconds``) joins the history, and the sums restart from ``zero_sums``."""
        sums = self.epoch_sums
        record = {"epoch": self.epoch + 1, "steps": self.step_in_epoch, **scores, "learning_rate": learning_rate,
                  "tokens_per_second": sums["tokens"] / max(sums["seconds"], 1e-9), "seconds": sums["seconds"]}
        self.history.append(record)
        self.epoch, self.step_in_epoch, self.epoch_sums = self.epoch + 1, 0, zero_sums
        return record

    def totals(self) -> dict[str, float]:
        """Steps, seconds and tokens per second over the finished epochs (training_stats.json's totals)."""
        seconds = sum(h["seconds"] for h in self.history)
        tokens = sum(h["tokens_per_second"] * h["seconds"] for h in self.history)
        return {"steps": self.global_step, "seconds": seconds, "tokens_per_second": tokens / max(seconds, 1e-9)}


def training_stats(stage: str, config: dict, state: TrainState, processes: int, style: str, data: dict,
                   totals: dict, **extra) -> dict:
    """What ``training_stats.json`` holds: the resolved config, the data report (then ``extra``, e.g. DPO's
    reference cache), the epoch records, the totals (the state's, then the recipe's ``totals``) and the step log."""
    return {
        "stage": stage,
        "config": config,
        "processes": processes,
        "global_batch": config["batch_size"] * processes * config["gradient_accumulation_steps"],
        "prompt_style": style,
        "data": data,
        **extra,
        "epochs": state.history,
        "totals": {**state.totals(), **totals},
        "steps": state.steps,
    }


@dataclass
class Launch:
    """Where this process trains and how it meets the others: alone, or as one of N processes started by
    ``accelerate launch`` or ``torchrun``. Accelerate reads the launcher's environment and drives the
    engine (DDP; FSDP or DeepSpeed from an ``accelerate`` config file); the recipes only ask it for their
    share of each batch, for sums over processes, and to exchange gradients at the end of a step.
    """

    accelerator: Any
    device: torch.device

    @property
    def rank(self) -> int:
        return self.accelerator.process_index

    @property
    def processes(self) -> int:
        return self.accelerator.num_processes

    @property
    def is_main(self) -> bool:
        return self.accelerator.is_main_process

    @property
    def sharded(self) -> bool:
        """Weights sharded across the processes (FSDP): every forward gathers them from all processes."""
        return self.accelerator.distributed_type.value == "FSDP"

    def even_out(self, work: list, filler) -> list[tuple[Any, bool]]:
        """This process's forwards as (input, counts) pairs. Under a sharding engine every process must run as
        many forwards as the others (a forward gathers the weights from all of them), so the list is padded
        to the longest process's count with (``filler``, False): forwards whose results do not count."""
        pairs = [(item, True) for item in work]
        if not self.sharded:
            return pairs
        import torch.distributed as dist

        most = torch.tensor([len(work)], device=self.device)
        dist.all_reduce(most, op=dist.ReduceOp.MAX)
        return pairs + [(filler, False)] * (int(most.item()) - len(work))

    def share(self, batch: list[int]) -> list[int]:
        """This process's rows of a global batch: contiguous near-equal slices (rows are length-sorted
        inside a batch, so a slice pads little). May be empty for a short last batch."""
        size = math.ceil(len(batch) / self.processes)
        return batch[self.rank * size : (self.rank + 1) * size]

    def sum(self, values: torch.Tensor) -> torch.Tensor:
        """Element-wise sum over all processes (the tensor itself with one)."""
        if self.processes == 1:
            return values
        return self.accelerator.reduce(values.to(self.device), "sum").to(values.device)

    def gradient_sync(self, model, last: bool):
        """Context for one forward and backward of a step: gradients are exchanged on the step's last only."""
        return contextlib.nullcontext() if last else self.accelerator.no_sync(model)


def start_launch(device: str) -> Launch:
    """This process's Launch; ``device`` (auto, cpu, cuda) applies when it is alone, else each process
    takes the launcher's device for its rank. Processes other than the first log warnings only."""
    from accelerate import Accelerator, DistributedDataParallelKwargs

    resolved = resolve_device(device)
    # Processes run different numbers of forward passes per step (their shares pad differently); DDP must
    # not broadcast buffers at each forward then (they never change here), only all-reduce gradients.
    ddp = DistributedDataParallelKwargs(broadcast_buffers=False)
    accelerator = Accelerator(cpu=resolved.type == "cpu", device_placement=False, kwargs_handlers=[ddp])
    if accelerator.distributed_type.value == "DEEPSPEED":
        raise RuntimeError(
            "the Accelerate config asks for DeepSpeed, whose engine owns the optimizer and writes its own (pickled) "
            "checkpoints, which clinsum does not load. For weights sharded across GPUs use FSDP "
            "(accelerate launch --config_file configs/accelerate/fsdp.yaml); for data-parallel, "
            "accelerate launch --multi_gpu or torchrun, with --load-in-4bit for a model that does not fit one GPU "
            "(configs/gpu-8b-qlora.yaml)")
    if accelerator.num_processes == 1:
        return Launch(accelerator, resolved)
    if not accelerator.is_main_process:
        logging.getLogger("clinsum").setLevel(logging.WARNING)
    log.info("Distributed: %d processes (%s), global batch = batch x %d x accumulation",
             accelerator.num_processes, accelerator.distributed_type, accelerator.num_processes)
    return Launch(accelerator, accelerator.device)


def prepare_for_training(model, gradient_checkpointing: bool):
    """k-bit preparation or gradient checkpointing, done before any adapter is attached."""
    from peft import prepare_model_for_kbit_training

    if getattr(model, "is_loaded_in_8bit", False) or getattr(model, "is_loaded_in_4bit", False):
        return prepare_model_for_kbit_training(model, use_gradient_checkpointing=gradient_checkpointing)
    if gradient_checkpointing:
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
        model.enable_input_require_grads()
    return model


def add_lora(model, r: int, alpha: int, dropout: float, target_modules: list[str], gradient_checkpointing: bool):
    """Wrap ``model`` with a fresh LoRA adapter; only the adapter's weights train.

    ``["all-linear"]`` is PEFT's every-linear-layer-but-the-output-head, whatever the layers are called.
    """
    from peft import LoraConfig, get_peft_model

    model = prepare_for_training(model, gradient_checkpointing)
    targets = ALL_LINEAR if target_modules == [ALL_LINEAR] else target_modules
    if targets != ALL_LINEAR:
        missing = [m for m in targets if not any(name.endswith(m) for name, _ in model.named_modules())]
        if missing:
            raise ValueError(
                f"--lora-target-modules: {', '.join(missing)} not found in this model; "
                f"its linear layers include {', '.join(sorted(_linear_layer_names(model))[:12])}"
            )
    config = LoraConfig(r=r, lora_alpha=alpha, lora_dropout=dropout, target_modules=targets, task_type="CAUSAL_LM")
    return get_peft_model(model, config)


def _linear_layer_names(model) -> set[str]:
    return {name.rsplit(".", 1)[-1] for name, m in model.named_modules() if isinstance(m, torch.nn.Linear)}


def capped_warmup(warmup_steps: int, total_steps: int) -> int:
    """Warm-up is capped to 10% of the run, so short runs still spend most steps at full learning rate."""
    cap = max(1, total_steps // 10) if total_steps >= 10 else 0
    if warmup_steps > cap:
        log.info("Note: --warmup-steps %d capped to %d (10%% of %d total steps)", warmup_steps, cap, total_steps)
        return cap
    return warmup_steps


def build_optimizer(model, learning_rate: float, weight_decay: float, warmup_steps: int, total_steps: int):
    """AdamW on the trainable parameters with linear warm-up then linear decay to zero."""
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=learning_rate, weight_decay=weight_decay)

    def schedule(step: int) -> float:
        if step < warmup_steps:
            return (step + 1) / (warmup_steps + 1)
        return max(0.0, (total_steps - step) / max(1, total_steps - warmup_steps))

    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)


def steps_per_epoch(n_batches: int, accumulation: int) -> int:
    return math.ceil(n_batches / accumulation)


def plan_optimization(model, options: TrainingOptions, n_rows: int, processes: int = 1):
    """Optimizer, schedule and total optimizer steps for ``n_rows`` training rows -> (optimizer, scheduler, steps).

    A global batch holds ``batch_size x processes`` rows, so the step count does not depend on how many
    processes share the work.
    """
    n_batches = math.ceil(n_rows / (options.batch_size * processes))
    total_steps = steps_per_epoch(n_batches, options.gradient_accumulation_steps) * options.num_epochs
    if options.max_steps:
        total_steps = min(total_steps, options.max_steps)
    warmup = capped_warmup(options.warmup_steps, total_steps)
    optimizer, scheduler = build_optimizer(model, options.learning_rate, options.weight_decay, warmup, total_steps)
    return optimizer, scheduler, total_steps


def optimizer_steps(batches: list[list[int]], accumulation: int) -> list[list[list[int]]]:
    """Group micro-batches into optimizer steps of ``accumulation`` micro-batches each."""
    return [batches[i : i + accumulation] for i in range(0, len(batches), accumulation)]


def epoch_steps(lengths: list[int], options: TrainingOptions, launch: Launch, epoch: int) -> list[list[list[int]]]:
    """Epoch ``epoch``'s optimizer steps: length-grouped global batches (``batch_size x processes`` rows),
    shuffled by the seed and the epoch, ``gradient_accumulation_steps`` batches a step."""
    batches = length_grouped_batches(lengths, options.batch_size * launch.processes, seed=options.seed + epoch)
    return optimizer_steps(batches, options.gradient_accumulation_steps)


def apply_gradients(trainer, optimizer, scheduler, launch: Launch, max_grad_norm: float) -> None:
    """The end of an optimizer step: clip the accumulated gradients, step the optimizer and the schedule, clear."""
    launch.accelerator.clip_grad_norm_(trainer.parameters(), max_grad_norm)
    optimizer.step()
    scheduler.step()
    optimizer.zero_grad(set_to_none=True)


def local_forwards(launch: Launch, step: list[list[int]], lengths: list[int], max_tokens: int) -> list[tuple[list[int], bool]]:
    """This process's forward passes of one optimizer step -> [(row indices, counts)].

    Its share of every global batch, cut to ``max_tokens`` per forward. A process whose share is empty
    (a short last batch) still runs one forward, on a row that does not count (weight 0): every process
    must take part in the step's gradient exchange; under a sharding engine every process runs as many
    forwards as the busiest.
    """
    chunks = [chunk for batch in step for chunk in forward_chunks(launch.share(batch), lengths, max_tokens)]
    return launch.even_out(chunks, filler=step[0][:1]) or [(step[0][:1], False)]


def collate_rows(rows: list[EncodedExample], indices: list[int], pad_id: int, device) -> dict[str, torch.Tensor]:
    """The padded batch of ``rows[indices]`` on ``device``."""
    batch = collate([rows[i].input_ids for i in indices], [rows[i].labels for i in indices], pad_id)
    return {k: v.to(device) for k, v in batch.items()}


@contextmanager
def sigterm_as_interrupt():
    """Treat SIGTERM (a scheduler stopping the job) like Ctrl-C, so the run saves a checkpoint first."""

    def handler(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def trainable_parameter_count(model) -> tuple[int, int]:
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return trainable, sum(p.numel() for p in model.parameters())


def print_table(rows: list[tuple[str, ...]]) -> None:
    """Right-aligned columns; the first row is the header."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    print("\n".join("  ".join(c.rjust(w) for c, w in zip(r, widths)) for r in rows))
