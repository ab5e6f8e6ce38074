"""The summarization service behind `clinsum serve`: model, checker, batching, and the server's life.

``SummarizationService`` holds what the HTTP layer (:mod:`clinsum.serving.app`) calls: it loads the
model in the background (``/health`` says when it is ready), generates through the dynamic batcher and
checks every summary with the faithfulness checker, returning the checker's own result fields.
Every note passes through ``prepare_texts`` first: the one place to pre-process what the model sees
(with ``--redact-phi``, PHI is replaced there, before generation, checking and ``--log-text``).
"""

from __future__ import annotations

import asyncio
import dataclasses
import hmac
import ipaddress
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clinsum.config import option
from clinsum.evaluation.faithfulness import FaithfulnessChecker, SummaryCheck
from clinsum.evaluation.verify import Check, VerifyBudget, VerifyOptions, Write, verify_steps
from clinsum.inference.engine import DecodingEngine
from clinsum.inference.generate import GenerationOptions, InferenceModelOptions, Summarizer
from clinsum.models import adapter_base_model, is_adapter_dir
from clinsum.privacy.phi import MODES as PHI_MODES
from clinsum.serving.batching import ContinuousBatcher

log = logging.getLogger("clinsum.serving")


@dataclass
class ServeConfig(VerifyOptions, InferenceModelOptions, GenerationOptions):
    """Every option of `clinsum serve`; the generation and verification options are the defaults of each request."""

    greedy: bool = option(True, "greedy decoding by default, so a note gets the same summary every time "
                                "(a request may send greedy: false)")
    batch_size: int = option(8, "most requests in progress at once (they share every decoding step)")
    model_path: str = option("default", "adapter folder from `clinsum sft`/`clinsum dpo`, or a base model spec")
    host: str = option("127.0.0.1", "address to listen on; anything but loopback exposes patient data to the "
                                    "network (use --api-key-file and TLS in front)")
    port: int = option(8000, "TCP port")
    api_key_file: str | None = option(None, "file holding the API key that every /v1 request must send as "
                                            "'Authorization: Bearer <key>'")
    max_wait_ms: float = option(20.0, "how long a request that finds the server idle waits for others to start with it")
    max_note_bytes: int = option(65536, "largest note (and summary) accepted, in UTF-8 bytes; larger gets 413")
    max_new_tokens_limit: int = option(512, "largest max_new_tokens a request may ask for")
    use_embeddings: bool = option(True, "let the faithfulness checker match paraphrases with sentence embeddings "
                                        "(--no-use-embeddings: lexical only, faster)")
    log_text: bool = option(False, "also log note and summary text (off: ids, lengths and timings only)")
    drain_timeout: float = option(60.0, "seconds SIGTERM waits for requests in flight before closing them")
    redact_phi: bool = option(False, "replace PHI in each note (and a checked summary) before the model, the checker, "
                                     "the response and --log-text see it")
    phi_mode: str = option("tag", "PHI replacement with --redact-phi: tag ([NAME], ...) or surrogate (fake values)",
                           choices=PHI_MODES)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str, has_api_key: bool) -> str | None:
    """What to tell someone who serves patient data beyond this machine, or None on loopback."""
    if is_loopback(host):
        return None
    if not has_api_key:
        return (f"--host {host}: the API is reachable from other machines and anyone who can reach it can send "
                "notes. Require a key with --api-key-file FILE, and put TLS in front of it.")
    return (f"--host {host}: the API is reachable from other machines (--api-key-file is set); traffic is not "
            "encrypted: put a TLS proxy in front of it.")


def read_api_key(path: str | None) -> str | None:
    if path is None:
        return None
    try:
        key = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as e:
        raise ValueError(f"--api-key-file {path}: cannot read it ({e})") from None
    if not key or len(key.split()) != 1:
        raise ValueError(f"--api-key-file {path}: expected one key on one line (no spaces)")
    return key


def key_matches(authorization: str | None, api_key: str) -> bool:
    """Whether an ``Authorization`` header carries ``Bearer <api_key>``, compared in constant time."""
    scheme, _, token = (authorization or "").partition(" ")
    same = hmac.compare_digest(token.strip().encode(), api_key.encode())
    return scheme.lower() == "bearer" and same


def sentence_offsets(note: str, sentences: list[str]) -> list[tuple[int, int] | None]:
    """(start, end) of each checker sentence in the note, found in order (None if not found verbatim)."""
    offsets, position = [], 0
    for text in sentences:
        start = note.find(text, position)
        if start < 0:
            offsets.append(None)
            continue
        offsets.append((start, start + len(text)))
        position = start + len(text)
    return offsets


def check_result(check: SummaryCheck, note: str) -> dict:
    """The checker's result as the API returns it: all of its fields, evidence ids resolved to note text.

    Built from ``SummaryCheck.to_dict()`` so fields the checker adds reach clients unchanged.
    """
    result = {"note": note, **check.to_dict()}  # the note as checked: offsets refer to it
    note_sentences = result.pop("note_sentences")
    result["note_sentences"] = [
        {"id": sid, "text": text, **({"start": span[0], "end": span[1]} if span else {})}
        for (sid, text), span in zip(note_sentences.items(), sentence_offsets(note, list(note_sentences.values())))
    ]
    for sentence in result["sentences"]:
        ids, scores = sentence.pop("evidence"), sentence.pop("evidence_scores")
        sentence["evidence"] = [{"id": i, "text": note_sentences.get(i, ""), "score": s} for i, s in zip(ids, scores)]
        sentence["unsupported"] = sentence.pop("unsupported_facts")
    return result


class NotReady(RuntimeError):
    """The model is still loading, failed to load, or the server is shutting down."""


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


class SummarizationService:
    """Model + checker + batcher. ``start()`` loads in the background; ``stop()`` drains.

    A ready ``summarizer`` and ``checker`` may be passed in (tests, embedding in another app), and the
    ``engine`` that decodes with the summarizer (tests script one).
    """

    def __init__(self, config: ServeConfig, api_key: str | None = None, summarizer: Summarizer | None = None,
                 checker: FaithfulnessChecker | None = None,
                 engine: Callable[[Summarizer], DecodingEngine] = DecodingEngine):
        self.config, self.api_key = config, api_key
        self.summarizer, self.checker = summarizer, checker
        self.redactor = None  # loaded with the model when --redact-phi is on
        self.batcher = ContinuousBatcher(lambda: engine(self.summarizer), self, config.batch_size, config.max_wait_ms)
        self.defaults = GenerationOptions(**{f.name: getattr(config, f.name) for f in dataclasses.fields(GenerationOptions)})
        self.budget = VerifyBudget(**{f.name: getattr(config, f.name) for f in dataclasses.fields(VerifyBudget)})
        self.load_error: str | None = None
        self.on_load_failure: Callable[[], None] | None = None
        self._ready = threading.Event()
        self._checker_lock = threading.Lock()  # the checker's sentence-vector cache is not thread-safe

    # -- life cycle ------------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def start(self) -> None:
        threading.Thread(target=self._load, name="clinsum-load", daemon=True).start()

    def wait_ready(self, timeout: float | None = None) -> bool:
        return self._ready.wait(timeout)

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            if self.summarizer is None:
                c = self.config
                self.summarizer = Summarizer.from_pretrained(c.model_path, c.device, c.prompt_style, c.trust_remote_code, c.dtype)
            if self.checker is None:
                self.checker = FaithfulnessChecker(use_embeddings=self.config.use_embeddings)
            if self.config.redact_phi and self.redactor is None:
                from clinsum.privacy.phi import PhiRedactor

                redactor = PhiRedactor(self.config.phi_mode)
                redactor.detector.warm_up()  # loads the word lists and indexes now, not on the first request
                self.redactor = redactor
        except Exception as e:  # noqa: BLE001 - reported, and the server exits
            self.load_error = f"{type(e).__name__}: {e}"
            log.error("could not load %s: %s", self.config.model_path, self.load_error)
            if self.on_load_failure:
                self.on_load_failure()
            return
        self.batcher.start()
        self._ready.set()
        log.info("model %s loaded in %.1f s; ready", self.config.model_path, time.perf_counter() - started)

    def stop(self) -> None:
        """Finish every queued request, then stop the worker (called after the HTTP server drained)."""
        self.batcher.stop(timeout=self.config.drain_timeout)

    # -- requests --------------------------------------------------------------------------------
    def prepare_texts(self, note: str, *others: str) -> list[str]:
        """Every note (and a summary sent with it) passes here before the model or the checker sees it:
        stripped, and with ``--redact-phi`` its PHI replaced (one surrogate state for the note and summary)."""
        texts = [text.strip() for text in (note, *others)]
        if self.redactor is None:
            return texts
        state = self.redactor.surrogates(texts[0])
        return [self.redactor.redact(text, state)[0] for text in texts]

    def generation_options(self, max_new_tokens: int | None, greedy: bool | None) -> GenerationOptions:
        if max_new_tokens is not None and not 1 <= max_new_tokens <= self.config.max_new_tokens_limit:
            raise ValueError(f"max_new_tokens: must be between 1 and {self.config.max_new_tokens_limit} "
                             f"(--max-new-tokens-limit), got {max_new_tokens}")
        return dataclasses.replace(
            self.defaults,
            max_new_tokens=self.defaults.max_new_tokens if max_new_tokens is None else max_new_tokens,
            greedy=self.defaults.greedy if greedy is None else greedy,
        )

    async def summarize(self, note: str, context: str | None = None, max_new_tokens: int | None = None,
                        greedy: bool | None = None, verify: bool | None = None) -> dict:
        """Summary of one note with the checker's result and, when verified, what happened to each sentence;
        waits for the batch it joins."""
        options = self.generation_options(max_new_tokens, greedy)
        verify = self.config.verify if verify is None else verify
        if not self.ready:
            raise NotReady(self._not_ready_reason())
        (note,) = await asyncio.to_thread(self.prepare_texts, note)
        started = time.perf_counter()
        try:
            job = self.batcher.submit(self._summary_steps(note, context or None, options, verify, started), options)
        except RuntimeError as e:
            raise NotReady(str(e)) from None
        summary, check, verification, timings = await asyncio.wrap_future(job.future)
        return {"summary": summary, **check_result(check, note), "verification": verification,
                "model": self.config.model_path, "batch_size": job.batch_size,
                "timings_ms": {**timings, "total": _ms(time.perf_counter() - started)}}

    def _summary_steps(self, note: str, context: str | None, options: GenerationOptions, verify: bool, submitted: float):
        """One request's work for the batcher: the summary (verified unless turned off), then its check."""
        started = time.perf_counter()  # the batcher starts the steps when the request leaves the queue
        if verify:
            verified = yield from verify_steps(note, context, self.budget)
            summary, record = verified.summary, verified.to_dict()
        else:
            candidates = yield Write(note, context, 1, "beams" if options.greedy else "samples")
            summary, record = candidates[0].text, None
        generated = time.perf_counter()
        [check] = yield Check(note, (summary,), "response")
        return summary, check, record, {"queue": _ms(started - submitted), "generate": _ms(generated - started),
                                        "check": _ms(time.perf_counter() - generated)}

    async def check(self, note: str, summary: str) -> dict:
        """The checker's result for a summary written elsewhere."""
        if not self.ready:
            raise NotReady(self._not_ready_reason())
        note, summary = await asyncio.to_thread(self.prepare_texts, note, summary)
        started = time.perf_counter()
        check = await asyncio.to_thread(self.check_many, [(note, summary)])
        return {"summary": summary, **check_result(check[0], note),
                "timings_ms": {"check": _ms(time.perf_counter() - started)}}

    def _not_ready_reason(self) -> str:
        if self.load_error:
            return f"the model failed to load ({self.load_error})"
        return "the model is still loading; retry when GET /health says ready"

    def check_many(self, pairs: list[tuple[str, str]]) -> list[SummaryCheck]:
        """The checker, one call at a time: requests share it, and so does verification."""
        with self._checker_lock:
            return self.checker.check_many(pairs)

    def model_info(self) -> dict:
        path = self.config.model_path
        adapter = is_adapter_dir(path)
        return {
            "model": path,
            "base_model": adapter_base_model(path) if adapter else path,
            "adapter": path if adapter else None,
            "prompt_style": self.summarizer.prompt_format.style if self.summarizer else self.config.prompt_style,
            "device": str(self.summarizer.device) if self.summarizer else self.config.device,
            "generation": dataclasses.asdict(self.defaults) | {"max_new_tokens_limit": self.config.max_new_tokens_limit},
            "verification": {"verify": self.config.verify, **dataclasses.asdict(self.budget)},
            "batching": {"max_batch_size": self.config.batch_size, "max_wait_ms": self.config.max_wait_ms},
            "checker": {"use_embeddings": self.config.use_embeddings},
            "limits": {"max_note_bytes": self.config.max_note_bytes},
            "redact_phi": self.config.phi_mode if self.config.redact_phi else None,
            "ready": self.ready,
        }


def build_server(service: SummarizationService):
    """A uvicorn server for ``service`` on its configured host and port (SIGTERM drains, then stops)."""
    try:
        import uvicorn

        from clinsum.serving.app import create_app
    except ImportError as e:
        raise RuntimeError(f"clinsum serve needs FastAPI and uvicorn ({e}): pip install 'clinsum[serve]'") from None
    c = service.config
    server = uvicorn.Server(uvicorn.Config(
        create_app(service), host=c.host, port=c.port, log_config=None, access_log=False,
        timeout_graceful_shutdown=c.drain_timeout,
    ))
    service.on_load_failure = lambda: setattr(server, "should_exit", True)
    return server


def run_serve(config: ServeConfig) -> None:
    """CLI entry: serve until Ctrl-C or SIGTERM (which finishes the requests in flight)."""
    api_key = read_api_key(config.api_key_file)
    warning = exposure_warning(config.host, api_key is not None)
    if warning:
        log.warning("WARNING: %s", warning)
    service = SummarizationService(config, api_key)
    server = build_server(service)
    log.info("clinsum serve: http://%s:%d/ (API docs at /docs); loading %s", config.host, config.port, config.model_path)
    server.run()
    if service.load_error:
        raise RuntimeError(f"could not load the model {config.model_path!r}: {service.load_error}")
