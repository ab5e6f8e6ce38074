"""`clinsum serve` under load: 1 client vs N concurrent clients, same model, same notes, over loopback HTTP.

    python benchmarks/bench_serve.py                                   # default model, 16 synthetic notes
    python benchmarks/bench_serve.py --model-path runs/demo/sft/final_model --notes-from mts-dialog

Starts `clinsum serve` in a subprocess on a free loopback port, sends every note once from one client
(one request at a time), then the same notes from N clients at once to a new server (so that neither phase finds
the other's notes already read: the server keeps recent prompts' key/value caches), and prints summaries/s and
p50/p95 latency for both, and their ratio. ``--rounds R`` alternates the two phases R times and sums them, so
that a shared machine's slow minutes fall on both. Greedy decoding, so both phases must return the same summaries (verified
output's sampled rewrites may differ with the batch). Each request is the whole service: generation (dynamically
batched), verification unless --no-verify, and the faithfulness check.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from clinsum.paths import MTS_TEST


def request(port: int, method: str, path: str, body: dict | None = None, timeout: float = 900.0) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=json.dumps(body).encode() if body else None,
                           headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def load_notes(source: str, n: int) -> tuple[list[str], str]:
    if source == "mts-dialog" and MTS_TEST.exists():
        from clinsum.data.dataset import load_examples

        examples, name = load_examples(MTS_TEST), "MTS-Dialog test"
    else:
        from clinsum.data.synthetic import generate_examples

        examples, name = generate_examples(200, seed=1), "synthetic"
    random.Random(0).shuffle(examples)
    return [e.note for e in examples[:n]], name


def run_clients(port: int, notes: list[str], clients: int) -> tuple[float, list[float], list[dict]]:
    """Send every note once from ``clients`` threads; (wall seconds, latencies, responses in note order)."""
    todo: queue.Queue[int] = queue.Queue()
    for i in range(len(notes)):
        todo.put(i)
    latencies: list[float] = [0.0] * len(notes)
    responses: list[dict] = [{}] * len(notes)
    errors: list[str] = []

    def client():
        while True:
            try:
                i = todo.get_nowait()
            except queue.Empty:
                return
            started = time.perf_counter()
            status, body = request(port, "POST", "/v1/summarize", {"note": notes[i]})
            latencies[i] = time.perf_counter() - started
            if status != 200:
                errors.append(f"note {i}: HTTP {status} {body}")
            responses[i] = body

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise RuntimeError("; ".join(errors[:3]))
    return time.perf_counter() - started, latencies, responses


def serve_and_run(command: list[str], notes: list[str], clients: int) -> tuple[float, list[float], list[dict]]:
    """Start a fresh server on a free loopback port, warm it up, and run :func:`run_clients` against it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log_path = Path(tempfile.mkdtemp(prefix="bench-serve-")) / "server.log"
    with open(log_path, "w") as log_file:
        server = subprocess.Popen(command + ["--port", str(port)], stdout=log_file, stderr=subprocess.STDOUT)
        try:
            while True:
                if server.poll() is not None:
                    raise RuntimeError(f"the server exited: {log_path.read_text()[-2000:]}")
                try:
                    if request(port, "GET", "/health", timeout=5)[0] == 200:
                        break
                except OSError:
                    pass
                time.sleep(0.5)
            request(port, "POST", "/v1/summarize", {"note": "Patient: I have a cough.", "max_new_tokens": 4})  # warm-up
            return run_clients(port, notes, clients)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(120)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model-path", default="default")
    parser.add_argument("--notes", type=int, default=16)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--max-new-tokens", type=int, default=64)
    parser.add_argument("--max-wait-ms", type=float, default=50.0)
    parser.add_argument("--notes-from", choices=["synthetic", "mts-dialog"], default="synthetic")
    parser.add_argument("--no-use-embeddings", action="store_true", help="lexical checker only")
    parser.add_argument("--no-verify", action="store_true", help="plain greedy summaries (the server verifies by default)")
    parser.add_argument("--rounds", type=int, default=1, help="alternate the two phases this many times")
    parser.add_argument("--serve-args", default="", help="more `clinsum serve` options, e.g. '--candidates 2 --repair-tries 1'")
    args = parser.parse_args()

    notes, source = load_notes(args.notes_from, args.notes)
    command = [sys.executable, "-m", "clinsum.cli", "serve", "--model-path", args.model_path,
               "--max-new-tokens", str(args.max_new_tokens), "--batch-size", str(args.clients),
               "--max-wait-ms", str(args.max_wait_ms)]
    if args.no_use_embeddings:
        command.append("--no-use-embeddings")
    if args.no_verify:
        command.append("--no-verify")
    command += args.serve_args.split()
    results = {1: (0.0, [], []), args.clients: (0.0, [], [])}
    for _ in range(args.rounds):
        for clients in results:
            seconds, latencies, responses = serve_and_run(command, notes, clients)
            total, all_latencies, all_responses = results[clients]
            results[clients] = (total + seconds, all_latencies + latencies, all_responses + responses)

    (t1, lat1, r1), (tn, latn, rn) = results[1], results[args.clients]
    same = sum(a["summary"] == b["summary"] for a, b in zip(r1[: len(notes)], rn))
    batch = statistics.mean(r["batch_size"] for r in rn)
    checker = "lexical" if args.no_use_embeddings else "with embeddings"
    verified = "plain" if args.no_verify else f"verified ({args.serve_args or 'default budget'})"
    print(f"\nclinsum serve: {args.model_path}, {len(notes)} {source} notes x {args.rounds} rounds, greedy, {verified}, max_new_tokens "
          f"{args.max_new_tokens}, checker {checker}, max wait {args.max_wait_ms:g} ms, {os.cpu_count()} CPUs")
    print(f"{'':14}{'seconds':>9}{'summaries/s':>13}{'p50 s':>8}{'p95 s':>8}{'mean batch':>12}"
          f"{'generate s':>12}{'check s':>9}")
    for name, t, lat, rs in (("1 client", t1, lat1, r1), (f"{args.clients} clients", tn, latn, rn)):
        mean_ms = {k: statistics.mean(r["timings_ms"][k] for r in rs) / 1000 for k in ("generate", "check")}
        print(f"{name:14}{t:9.1f}{len(rs) / t:13.3f}{percentile(lat, 50):8.2f}{percentile(lat, 95):8.2f}"
              f"{statistics.mean(r['batch_size'] for r in rs):12.1f}{mean_ms['generate']:12.2f}{mean_ms['check']:9.2f}")
    print(f"throughput ratio ({args.clients} clients / 1 client): {t1 / tn:.2f}x (target >= 3x); "
          f"mean batch {batch:.1f}; identical summaries: {same}/{len(notes)}")


if __name__ == "__main__":
    main()
