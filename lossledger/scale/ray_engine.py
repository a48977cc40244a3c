"""The Ray engine: batches of documents as Ray tasks (retried when a worker dies), results back to the driver.

Without an address a local Ray is started on loopback with `workers` CPUs and no dashboard, and shut down
after the run; with one, the run joins that cluster and leaves it running. Ray is an optional dependency
(`pip install 'lossledger[scale]'`), imported only here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from lossledger.errors import LossledgerError
from lossledger.scale.stages import Document, Options, Outcome

MAX_RETRIES = 3  # a task whose worker process died is run again this often; its results are written once
IN_FLIGHT = 4  # tasks queued per CPU


@contextmanager
def ray_mapper(workers: int, address: str | None, task: Any) -> Iterator[Any]:
    """Yield a function mapping batches to Ray tasks running `task`, on a local Ray or the cluster at `address`.

    Raises:
        LossledgerError: Ray is not installed.
    """
    try:
        import ray
    except ImportError:
        raise LossledgerError("the ray engine needs Ray: pip install 'lossledger[scale]'") from None
    started = False
    if not ray.is_initialized():
        if address:
            ray.init(address=address, log_to_driver=False, configure_logging=False)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, _node_ip_address="127.0.0.1",
                     log_to_driver=False, configure_logging=False)
        started = True
    try:
        remote = ray.remote(max_retries=MAX_RETRIES, retry_exceptions=False)(task)
        depth = max(2, int(ray.cluster_resources().get("CPU", workers)) * IN_FLIGHT)

        def mapper(batches: Iterator[list[Document]], options: Options) -> Iterator[list[Outcome]]:
            shared = ray.put(options)
            pending: dict[Any, list[Document]] = {}

            def done() -> Iterator[list[Outcome]]:
                finished, _ = ray.wait(list(pending), num_returns=1)
                for ref in finished:
                    batch = pending.pop(ref)
                    try:
                        yield ray.get(ref)
                    except Exception as exc:  # retries used up: the batch fails, a rerun tries it again
                        yield [Outcome("failed", d.source or d.doc, error=f"{d.source or d.doc}: task failed: "
                                       f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}") for d in batch]

            for batch in batches:
                pending[remote.remote(batch, shared)] = batch
                while len(pending) >= depth:
                    yield from done()
            while pending:
                yield from done()

        yield mapper
    finally:
        if started:
            ray.shutdown()
