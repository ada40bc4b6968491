# geopulse — every target does its own set-up; `make run` and `make test` are all a new user needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXTRAS ?= dev

.PHONY: install native run test lint typecheck unit eval bench reliability model clean

install: $(STAMP)

# The tagger and the per-message parse/serialise code compiled to C by mypyc (service/native.py),
# rebuilt when one of their sources changes.
# Without a C compiler the step says so and everything runs on the Python source.
NATIVE := service/tagging/native.digest
native: $(NATIVE)
$(NATIVE): $(STAMP) service/native.py service/contracts.py service/pipeline.py $(wildcard service/tagging/*.py)
	$(BIN)/python -m service native build

# spaCy is only for the optional NER backend and for the benchmark's peer measurement.
SPACY_STAMP := $(VENV)/.installed-spacy
$(SPACY_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e ".[dev,spacy]"
	touch $(SPACY_STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[$(EXTRAS)]"
	touch $(STAMP)

run: native
	$(BIN)/python -m service run

lint: install
	$(BIN)/ruff check service tests
	$(BIN)/ruff format --check service tests

typecheck: install
	$(BIN)/mypy

unit: native
	$(BIN)/pytest -q

test: lint typecheck unit

eval: native
	$(BIN)/python -m service eval $(EVAL_ARGS)

bench: $(SPACY_STAMP) native
	$(BIN)/python -m service bench $(BENCH_ARGS)

# Fit the sentence and article models again from the labelled sets tests/data/training.json
# names (after a set is added or changed; a test fails until then).
model: install
	$(BIN)/python -m service train $(TRAIN_ARGS)

reliability: native
	$(BIN)/python -m service reliability $(RELIABILITY_ARGS)

clean:
	-$(BIN)/python -m service native clean
	rm -rf $(VENV) build .mypy_cache .ruff_cache .pytest_cache
