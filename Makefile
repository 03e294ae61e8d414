# Two commands on a fresh machine: `make run` serves the UI, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: setup run test index browser lint clean

setup: $(STAMP) index

# torch first, pinned to the CPU build on disk: an unpinned torch would pull a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@$(MAKE) --no-print-directory browser
	touch $(STAMP)

# Debian's Chromium drives the browser tests; installed when we may (root with apt), else say how.
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else echo "note: the browser tests need Chromium at /usr/bin/chromium: sudo apt-get install chromium chromium-driver"; fi

index: $(STAMP)
	$(BIN)/assistant index build

run: setup
	$(BIN)/assistant serve --host 127.0.0.1 --port 7860

test: setup
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check assistant tests

clean:
	rm -rf $(VENV) index/gen-* index/.building-* index/CURRENT
