"""Shared fixtures: a tiny randomly initialised Llama with a tokenizer trained here, and synthetic data."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

from clinsum.testing import build_tiny_model

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(scope="module")
def one_thread():
    """For modules that train the tiny model (``pytestmark = pytest.mark.usefixtures("one_thread")``): it gains
    nothing from threads, and on a shared CPU extra threads only spin and contend."""
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)


@pytest.fixture(scope="session")
def synthetic_splits(tmp_path_factory) -> dict[str, Path]:
    from clinsum.data.synthetic import write_synthetic_splits

    return write_synthetic_splits(tmp_path_factory.mktemp("synthetic"), n_train=64, n_val=8, n_test=8, seed=0)


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, synthetic_splits) -> Path:
    from clinsum.data.dataset import load_examples

    examples = load_examples(synthetic_splits["train"])
    texts = [e.note for e in examples] + [e.summary for e in examples]
    return build_tiny_model(tmp_path_factory.mktemp("tiny-llama"), texts)


def interrupt_on_call(function, call: int):
    """``function`` wrapped so that its ``call``-th call in training raises KeyboardInterrupt (a simulated Ctrl-C).

    Calls made while the model is in eval mode (validation) are passed through and not counted.
    """
    calls = {"n": 0}

    def wrapper(model, *args, **kwargs):
        if model.training:
            calls["n"] += 1
            if calls["n"] == call:
                raise KeyboardInterrupt
        return function(model, *args, **kwargs)

    return wrapper


def assert_same_adapter(expected_dir, actual_dir) -> None:
    import torch
    from safetensors.torch import load_file

    expected = load_file(expected_dir / "adapter_model.safetensors")
    actual = load_file(actual_dir / "adapter_model.safetensors")
    assert expected.keys() == actual.keys()
    for name in expected:
        torch.testing.assert_close(actual[name], expected[name], rtol=1e-5, atol=1e-6)


# ---------------------------------------------------------------------------------------------
# clinsum serve: real HTTP on loopback

@pytest.fixture(scope="session")
def serve_parts(tiny_model):
    """The tiny model's Summarizer and a lexical checker, loaded once and shared by the server tests."""
    from clinsum.evaluation.faithfulness import FaithfulnessChecker
    from clinsum.inference.generate import Summarizer

    return Summarizer.from_pretrained(str(tiny_model), device="cpu"), FaithfulnessChecker(use_embeddings=False)


@contextlib.contextmanager
def running_server(service, timeout: float = 60.0, exit_on_load_failure: bool = True):
    """``build_server(service)`` (uvicorn) in a thread on the configured host/port; yields (base URL, server)."""
    import threading
    import time

    from clinsum.serving.service import build_server

    server = build_server(service)
    if not exit_on_load_failure:
        service.on_load_failure = None
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    host, port = server.servers[0].sockets[0].getsockname()[:2]
    try:
        yield f"http://{host}:{port}", server
    finally:
        server.should_exit = True
        thread.join(timeout)


def http(base_url: str, method: str, path: str, body=None, headers: dict | None = None, timeout: float = 60.0):
    """One HTTP request -> (status, parsed JSON body or text, headers). ``body``: a dict (sent as JSON) or bytes."""
    import http.client
    import json
    from urllib.parse import urlsplit

    url = urlsplit(base_url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    payload = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
    sent_headers = {"Content-Type": "application/json", **(headers or {})}
    try:
        connection.request(method, path, body=payload, headers=sent_headers)
        response = connection.getresponse()
        data = response.read()
        try:
            parsed = json.loads(data)
        except ValueError:
            parsed = data.decode("utf-8", "replace")
        return response.status, parsed, dict(response.getheaders())
    finally:
        connection.close()


# ---------------------------------------------------------------------------------------------
# Verified output: a summarizer whose candidates and rewrites are fixed, so that a test knows which sentence
# is repaired and which dropped (the real checker decides)

class StubSummarizer:
    """Fixed candidates per note and fixed continuations per prefix; records the prefixes it was asked to continue."""

    def __init__(self, candidates, continuations: dict[str, list[str]] | None = None):
        import types

        import torch

        self.device, self.prompt_format = torch.device("cpu"), types.SimpleNamespace(style="chat")
        self.fixed, self.continuations, self.prefixes = candidates, continuations or {}, []

    def candidates(self, notes, options, k, mode="beams", contexts=None, progress=True):
        return self.fixed[: len(notes)]

    def summarize(self, notes, options=None, contexts=None, progress=True):
        return [cands[0].text for cands in self.fixed[: len(notes)]]

    def continue_summaries(self, notes, prefixes, options, samples=1, contexts=None, stop_after_sentence=False):
        assert not options.greedy and stop_after_sentence  # rewrites are sampled, one sentence each
        self.prefixes += prefixes
        return [self.continuations.get(p, [" Nothing."] * samples)[:samples] for p in prefixes]


class ScriptedEngine:
    """A decoding engine that answers from a :class:`StubSummarizer`'s script instead of a model."""

    def __init__(self, summarizer: StubSummarizer):
        self.summarizer, self.waiting = summarizer, []

    @property
    def busy(self) -> bool:
        return bool(self.waiting)

    def add(self, request) -> None:
        from clinsum.inference.generate import Candidate

        stub = self.summarizer
        if request.prefix is None:
            request.result = stub.candidates([request.note], request.options, request.samples)[0]
        else:
            texts = stub.continue_summaries([request.note], [request.prefix], request.options, request.samples,
                                            stop_after_sentence=request.stop_after_sentence)[0]
            request.result = [Candidate(t, 0.0) for t in texts]
        self.waiting.append(request)

    def step(self):
        finished, self.waiting = self.waiting, []
        return finished


VERIFY_NOTE = ("Patient takes lisinopril 10 mg daily for hypertension. She reports left knee pain for 3 days after a "
               "fall. She denies fever.")
# The likeliest candidate invents four facts; the other one has a wrong dose (repaired by the second rewrite)
# and an invented drug (no rewrite is supported: dropped).
VERIFY_LIKELIEST = "Takes warfarin 5 mg and aspirin 81 mg daily for diabetes. Denies fever."
VERIFY_PICK = "Takes lisinopril 40 mg daily. Left knee pain for 3 days after a fall. Started on metformin 500 mg."
VERIFY_FIXED = "Takes lisinopril 10 mg daily for hypertension."
VERIFY_KEPT = f"{VERIFY_FIXED} Left knee pain for 3 days after a fall."


def scripted_summarizer() -> StubSummarizer:
    """One repaired, one kept and one dropped sentence for VERIFY_NOTE (with 3 rewrite tries)."""
    from clinsum.inference.generate import Candidate

    return StubSummarizer(
        [[Candidate(VERIFY_LIKELIEST, -0.1), Candidate(VERIFY_PICK, -0.4)]],
        {"": [" Takes lisinopril 40 mg twice daily.", f" {VERIFY_FIXED} And more text"],
         VERIFY_KEPT: [" Started on aspirin 81 mg.", " Takes insulin 10 units.", ""]})


@pytest.fixture(scope="session")
def tagger():
    """One PHI redactor in tag mode for every PHI test module (building one takes seconds)."""
    from clinsum.privacy.phi import PhiRedactor

    return PhiRedactor("tag")
