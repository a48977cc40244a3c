# Developer verbs. CI runs .ci/run instead: the same steps, on a fresh venv, slow tests included.
PYTHON ?= $(if $(wildcard .venv/bin/python),.venv/bin/python,python3)

.PHONY: test lint bench gate

test:  # the quick suite: every test not marked slow
	$(PYTHON) -m pytest -q -m "not slow"

lint:
	$(PYTHON) -m ruff check lossledger tests bench

bench:  # the 5 MB extraction benchmark (bench/extract.py --help for options)
	$(PYTHON) bench/extract.py

gate:  # the dev-corpus quality gate, printing F1 per language group
	$(PYTHON) -m pytest -q -s tests/test_eval_gate.py
