"""Continuous batching for `clinsum serve`: every request in progress shares each decoding step.

A request is a generator of needs (:func:`clinsum.evaluation.verify.verify_steps` and the service's own
steps): candidate summaries (:class:`Write`), sentence rewrites (:class:`Continue`) and checker verdicts
(:class:`Check`). One worker thread owns the model and answers them: generation needs become rows of a
:class:`DecodingEngine`, which adds and removes rows at every decoding step, so a request whose summary or
repair ends goes on at once and a new request starts at the next step, instead of each waiting for the
slowest of a fixed batch; checker needs that are waiting together are answered in one ``check_many`` call.
At most ``max_batch_size`` requests are in progress; the rest wait in the queue.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Generator
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from clinsum.evaluation.ranking import check_candidates
from clinsum.evaluation.verify import Check, Continue, Write, rewrite_options
from clinsum.inference.engine import DecodingEngine, GenerationRequest
from clinsum.inference.generate import GenerationOptions, candidate_options

log = logging.getLogger(__name__)


class BatcherStopped(RuntimeError):
    """The server is shutting down and takes no new work."""


@dataclass(eq=False)
class Job:
    """One request: its ``steps`` generator, the decoding settings of its summary, and what it shared."""

    steps: Generator
    options: GenerationOptions
    future: Future = field(default_factory=Future)
    batch_size: int = 1  # the most requests in progress at once during its life, itself included
    need: Any = None


class ContinuousBatcher:
    """Queue of requests run together by one worker thread, sharing every decoding step.

    ``new_engine()`` makes the :class:`DecodingEngine` (again after a failed step); ``checker`` (anything with
    ``check_many(pairs)``) answers checker needs. A request whose steps fail fails alone; if a decoding step
    fails, the requests decoding in it fail and the engine starts afresh. ``stop()`` finishes every request
    already queued before the worker exits (a SIGTERM drains, it does not drop).
    """

    def __init__(self, new_engine: Callable[[], DecodingEngine], checker,
                 max_batch_size: int = 8, max_wait_ms: float = 20.0):
        if max_batch_size < 1:
            raise ValueError(f"--batch-size must be at least 1, got {max_batch_size}")
        if max_wait_ms < 0:
            raise ValueError(f"--max-wait-ms must be 0 or more, got {max_wait_ms}")
        self.new_engine, self.checker = new_engine, checker
        self.max_batch_size, self.max_wait = max_batch_size, max_wait_ms / 1000
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._accepting = False
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._active: list[Job] = []
        self._decoding: dict[int, Job] = {}  # id(a request in the engine) -> its job
        self._checks: list[Job] = []

    def start(self) -> None:
        with self._lock:
            self._accepting = True
            self._thread = threading.Thread(target=self._work, name="clinsum-batcher", daemon=True)
            self._thread.start()

    def submit(self, steps: Generator, options: GenerationOptions) -> Job:
        job = Job(steps, options)
        with self._lock:  # no job slips in after stop() queued its sentinel
            if not self._accepting:
                raise BatcherStopped("the server is not taking requests (starting up or shutting down)")
            self._queue.put(job)
        return job

    def stop(self, timeout: float | None = None) -> None:
        """Take no new jobs, finish the queued ones, then end the worker."""
        with self._lock:
            if not self._accepting:
                return
            self._accepting = False
            self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout)

    # -- the worker ------------------------------------------------------------------------------
    def _work(self) -> None:
        engine, stopping = self.new_engine(), False
        while not stopping or self._active:
            if not stopping:
                jobs, stopping = self._take()
                for job in jobs:
                    self._active.append(job)
                    self._advance(job, None, engine)
            for job in self._active:
                job.batch_size = max(job.batch_size, len(self._active))
            self._answer_checks(engine)
            if not engine.busy:
                continue
            try:
                finished = engine.step()
            except Exception as error:  # noqa: BLE001 - reported to each request decoding in it
                log.warning("a decoding step failed (%s); its %d requests fail", type(error).__name__, len(self._decoding))
                for job in self._decoding.values():
                    self._fail(job, error)
                self._decoding.clear()
                engine = self.new_engine()
                continue
            for request in finished:
                job = self._decoding.pop(id(request))
                answer = sorted(request.result, key=lambda c: -c.logprob)
                self._advance(job, answer if isinstance(job.need, Write) else [c.text for c in answer], engine)

    def _take(self) -> tuple[list[Job], bool]:
        """New jobs up to the free places: wait for one when idle (then ``max_wait`` for more); True on stop."""
        room = self.max_batch_size - len(self._active)
        jobs: list[Job] = []
        deadline = 0.0  # busy: take what is queued, without waiting
        while len(jobs) < room:
            try:
                if not self._active and not jobs:  # idle: wait for a job, then a while for others
                    job = self._queue.get()
                    deadline = time.perf_counter() + self.max_wait
                else:
                    job = self._queue.get(timeout=max(0.0, deadline - time.perf_counter()))
            except queue.Empty:
                break
            if job is None:  # the stop sentinel comes after every job queued before stop()
                return jobs, True
            jobs.append(job)
        return jobs, False

    def _advance(self, job: Job, answer: Any, engine: DecodingEngine) -> None:
        """Send ``answer`` to the job and hand its next need to whoever answers it (or finish the job)."""
        try:
            need = job.steps.send(answer)
            while isinstance(need, Write) and need.mode == "beams" and need.k > 1:  # beam search: model.generate
                need = job.steps.send(engine.summarizer.candidates([need.note], job.options, need.k, need.mode,
                                                                   [need.context], progress=False)[0])
        except StopIteration as done:
            self._active.remove(job)
            job.future.set_result(done.value)
            return
        except Exception as error:  # noqa: BLE001 - reported to this request alone
            self._fail(job, error)
            return
        job.need = need
        if isinstance(need, Check):
            self._checks.append(job)
            return
        if isinstance(need, Write):
            request = GenerationRequest(need.note, candidate_options(job.options, need.k, need.mode), need.context,
                                        samples=need.k)
        else:
            assert isinstance(need, Continue), need
            request = GenerationRequest(need.note, rewrite_options(job.options), need.context, need.prefix,
                                        need.samples, stop_after_sentence=True)
        self._decoding[id(request)] = job
        engine.add(request)

    def _answer_checks(self, engine: DecodingEngine) -> None:
        """Answer every waiting checker need, those of all requests in one call (alone if that call fails)."""
        while self._checks:
            jobs, self._checks = self._checks, []
            try:
                answers = check_candidates(self.checker, [job.need.note for job in jobs],
                                           [job.need.summaries for job in jobs])
            except Exception as error:  # noqa: BLE001 - one bad request must not fail the others: retried alone
                if len(jobs) == 1:
                    self._fail(jobs[0], error)
                    continue
                answers = [None] * len(jobs)
            for job, answer in zip(jobs, answers):
                if answer is None:
                    try:
                        [answer] = check_candidates(self.checker, [job.need.note], [job.need.summaries])
                    except Exception as error:  # noqa: BLE001 - reported to this request alone
                        self._fail(job, error)
                        continue
                self._advance(job, answer, engine)

    def _fail(self, job: Job, error: Exception) -> None:
        if job in self._active:
            self._active.remove(job)
        job.future.set_exception(error)
