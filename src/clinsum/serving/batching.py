"""Dynamic batching: requests that arrive together are generated together.

One worker thread owns the model. It takes the oldest waiting job, then keeps collecting jobs for at
most ``max_wait_ms`` (or until ``max_batch_size`` are waiting), and runs them as one batch: on a CPU,
decoding 8 notes together costs little more than decoding one, so concurrent clients share the cost.
Jobs whose generation settings differ cannot share a ``generate`` call; they run as separate groups.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)


class BatcherStopped(RuntimeError):
    """The server is shutting down and takes no new work."""


@dataclass
class Job:
    """One request's work: ``payload`` for the batch function, ``key`` the settings it can be batched under."""

    payload: Any
    key: Hashable
    future: Future = field(default_factory=Future)
    enqueued: float = field(default_factory=time.perf_counter)


class DynamicBatcher:
    """Queue of jobs drained in batches by one worker thread.

    ``run_batch(jobs)`` returns one result per job, in order. If a batch of several jobs fails, each
    job is retried alone, so one bad request fails only itself. ``stop()`` finishes every job already
    queued before the worker exits (a SIGTERM drains, it does not drop).
    """

    def __init__(self, run_batch: Callable[[list[Job]], list[Any]], max_batch_size: int = 8, max_wait_ms: float = 20.0):
        if max_batch_size < 1:
            raise ValueError(f"--batch-size must be at least 1, got {max_batch_size}")
        if max_wait_ms < 0:
            raise ValueError(f"--max-wait-ms must be 0 or more, got {max_wait_ms}")
        self.run_batch, self.max_batch_size, self.max_wait = run_batch, max_batch_size, max_wait_ms / 1000
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._accepting = False
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        with self._lock:
            self._accepting = True
            self._thread = threading.Thread(target=self._work, name="clinsum-batcher", daemon=True)
            self._thread.start()

    def submit(self, payload: Any, key: Hashable = None) -> Future:
        job = Job(payload, key)
        with self._lock:  # no job slips in after stop() queued its sentinel
            if not self._accepting:
                raise BatcherStopped("the server is not taking requests (starting up or shutting down)")
            self._queue.put(job)
        return job.future

    def stop(self, timeout: float | None = None) -> None:
        """Take no new jobs, finish the queued ones, then end the worker."""
        with self._lock:
            if not self._accepting:
                return
            self._accepting = False
            self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout)

    def _collect(self, first: Job) -> tuple[list[Job], bool]:
        """``first`` plus the jobs arriving within the wait window; True when the stop sentinel was seen."""
        jobs, deadline = [first], time.perf_counter() + self.max_wait
        while len(jobs) < self.max_batch_size:
            try:
                job = self._queue.get(timeout=max(0.0, deadline - time.perf_counter()))
            except queue.Empty:
                break
            if job is None:
                return jobs, True
            jobs.append(job)
        return jobs, False

    def _work(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:  # the stop sentinel comes after every job queued before stop()
                return
            jobs, stopping = self._collect(first)
            groups: dict[Hashable, list[Job]] = {}
            for job in jobs:
                groups.setdefault(job.key, []).append(job)
            for group in groups.values():
                self._run(group)
            if stopping:
                return

    def _run(self, jobs: list[Job]) -> None:
        try:
            results = self.run_batch(jobs)
        except Exception as error:  # noqa: BLE001 - reported to each waiting request
            if len(jobs) > 1:
                log.warning("a batch of %d failed (%s); retrying its requests one by one", len(jobs), type(error).__name__)
                for job in jobs:
                    self._run([job])
                return
            jobs[0].future.set_exception(error)
            return
        for job, result in zip(jobs, results):
            job.future.set_result(result)
