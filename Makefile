# claimgraph: `make demo` and `make test` work from a fresh clone.
PY      ?= $(shell command -v python3.11 || command -v python3)
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-stamp

.PHONY: install demo test bench lock clean system-deps train train-deps

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

demo: install
	$(BIN)/claimgraph demo

test: install
	$(BIN)/python -m pytest -q

# Training extras: the CPU torch wheel first (any other torch pulls GBs of CUDA), then the pinned rest.
train-deps: install
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q --no-deps -r requirements-train.lock

# Distil the static embedding, fit the sentence classifier and the participant ranker on the corpus's
# train split (seeded; a few minutes). The results are written into the package and committed.
train: train-deps
	$(BIN)/python -m claimgraph.learn.distill
	$(BIN)/python -m claimgraph.learn.train
	$(BIN)/python -m claimgraph.learn.train_ranker

bench: install
	$(BIN)/python bench/run.py --write

# Debian packages the browser and PostgreSQL tests use (they skip with a reason without them).
system-deps:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver postgresql >/dev/null

# Re-pin requirements.lock from the current venv (after changing pyproject dependencies); the
# training extras stay in requirements-train.lock.
lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^claimgraph' | grep -v '^torch==' \
	  | grep -v -x -F -f requirements-train.lock > requirements.lock

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
