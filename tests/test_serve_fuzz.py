"""Schemathesis against the running app's OpenAPI schema (uvicorn on 127.0.0.1, a real SQLite ledger): valid and
invalid parameters and bodies for every API operation; no 5xx, invalid input refused with 4xx, responses match
the schema. Examples per operation: LOSSLEDGER_FUZZ_EXAMPLES (default 150, about a minute here)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
)
from serve_support import Live, filled_copy, live_server

EXAMPLES = int(os.environ.get("LOSSLEDGER_FUZZ_EXAMPLES", "150"))
CHECKS = [not_a_server_error, content_type_conformance, response_schema_conformance, negative_data_rejection]


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Live, str]]:
    from lossledger.serve.auth import new_token
    from lossledger.store.ledger import Ledger

    url = filled_copy(str(tmp_path_factory.mktemp("fuzz") / "ledger.db"))
    with Ledger(url) as ledger:
        token = new_token(ledger.engine, "ann", "fuzz")
    with live_server(db=url, series_dir=str(Path(tmp_path_factory.mktemp("series")))) as server:
        yield server, token


@pytest.fixture(scope="module")
def api_schema(fuzz_server: tuple[Live, str]) -> schemathesis.BaseSchema:
    server, _token = fuzz_server
    # Ingest by URL would resolve random host names: SSRF and ingest are tested in test_serve_security.py.
    return schemathesis.openapi.from_url(f"{server.url}/openapi.json").exclude(path="/api/ingest")


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_api_against_its_schema(api_schema: schemathesis.BaseSchema, fuzz_server: tuple[Live, str], mode: str
                                ) -> None:
    """Every operation, EXAMPLES generated cases each (valid ones, then invalid ones): checks all pass."""
    _server, token = fuzz_server
    failures: list[str] = []
    calls = {"n": 0}
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy(generation_mode=schemathesis.GenerationMode(mode)))
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def run(case: schemathesis.Case) -> None:
            calls["n"] += 1
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)

        try:
            run()
        except Unsatisfiable:  # negative mode, an operation with no parameter to make invalid
            continue
        except Exception as exc:  # go on with the other operations; report every failing one at the end
            failures.append(f"{operation.label}: {type(exc).__name__}: {str(exc)[:1500]}")
    print(f"{mode}: {calls['n']} requests")
    assert not failures, "\n\n".join(failures)
    assert calls["n"] >= EXAMPLES
