"""Engines: the same stages run in this process (`local`), a process pool (`pool`) or Ray tasks (`ray`).

Every engine runs one loop on the driver: read documents, group them in batches, hand each batch to
`stages.process_batch` (where depends on the engine), and write the outcomes through `write.Writer`.
Only the mapping of batches to workers differs, so the single-process path and a Ray cluster share all
code. At most a few batches per worker are in flight, so memory stays flat on an archive of any size.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager

from lossledger.errors import ReadError
from lossledger.scale.stages import Document, Options, Outcome, process_batch
from lossledger.scale.write import OnResult, ScaleStats, Writer
from lossledger.store.ledger import Ledger

ENGINES = ("local", "pool", "ray")
Task = Callable[[list[Document], Options], list[Outcome]]
Mapper = Callable[[Iterator[list[Document]], Options], Iterator[list[Outcome]]]
IN_FLIGHT = 4  # batches queued per worker: enough to keep it busy while the driver writes


def run(items: Iterable[Document | ReadError], ledger: Ledger, *, engine: str = "local", workers: int = 0,
        address: str | None = None, options: Options | None = None, batch_size: int = 64,
        write_size: int = 200, on_result: OnResult | None = None, stop: Callable[[], bool] | None = None,
        task: Task = process_batch) -> ScaleStats:
    """Run documents through parse, pre-filter and extraction on `engine`, and write them to `ledger`.

    Args:
        items: documents (and read errors, counted as failed) from the driver's readers.
        engine: `local`, `pool` or `ray`.
        workers: processes (`pool`) or CPUs of a local Ray (`ray` without `address`); 0 means all cores.
        address: a Ray cluster to join (`ray://host:10001`, `host:6379`, or `auto`); None starts a local one.
        batch_size: documents per task; write_size: documents per ledger transaction.
        stop: polled between batches; when it returns True, work in flight is dropped (a rerun redoes it).
        task: the function a worker runs on a batch (a seam for tests; the default is the real stages).

    Returns:
        The counts of the run.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (have: {', '.join(ENGINES)})")
    options = options or Options()
    stop = stop or (lambda: False)
    writer = Writer(ledger, write_size, on_result)
    workers = workers or os.cpu_count() or 1

    def batches() -> Iterator[list[Document]]:
        batch: list[Document] = []
        for item in items:
            if stop():
                return
            if isinstance(item, ReadError):
                writer.failed(str(item))
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    with _mapper(engine, workers, address, task) as mapper:
        for outcomes in mapper(batches(), options):
            for outcome in outcomes:
                writer.add(outcome)
            if stop():
                break
    writer.flush()
    return writer.stats


@contextmanager
def _mapper(engine: str, workers: int, address: str | None, task: Task) -> Iterator[Mapper]:
    if engine == "local":
        yield lambda batches, options: (task(batch, options) for batch in batches)
    elif engine == "pool":
        # forkserver, not fork: a forked worker would inherit the driver's database connections and pipes, so
        # after a SIGKILL of the driver it would live on and keep the killed transaction open (and its locks)
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["lossledger.scale.stages"])
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start,
                                 initargs=(os.getpid(),)) as pool:
            yield lambda batches, options: _pool_map(pool, workers * IN_FLIGHT, task, batches, options)
            pool.shutdown(wait=True, cancel_futures=True)
    else:
        from lossledger.scale.ray_engine import ray_mapper

        with ray_mapper(workers, address, task) as mapper:
            yield mapper


def _pool_map(pool: ProcessPoolExecutor, depth: int, task: Task, batches: Iterator[list[Document]],
              options: Options) -> Iterator[list[Outcome]]:
    """Yield the outcomes of each batch as its process finishes it; a batch whose process died fails whole."""
    pending: dict[Future, list[Document]] = {}

    def done() -> Iterator[list[Outcome]]:
        finished, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in finished:
            batch = pending.pop(future)
            try:
                yield future.result()
            except Exception as exc:  # the worker process died (BrokenProcessPool) or could not unpickle
                yield [Outcome("failed", d.source or d.doc, error=f"{d.source or d.doc}: worker failed: "
                               f"{type(exc).__name__}: {exc}") for d in batch]

    for batch in batches:
        pending[pool.submit(task, batch, options)] = batch
        while len(pending) >= depth:
            yield from done()
    while pending:
        yield from done()


def _worker_start(driver: int) -> None:
    """Set a pool process up: Ctrl-C is the driver's to handle, and the process ends when the driver is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_end_with, args=(driver,), daemon=True).start()


def _end_with(driver: int) -> None:
    # A pool process waits on a queue whose write end it holds itself, so it never sees a killed driver go.
    while True:
        time.sleep(0.5)
        if not _alive(driver):
            os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        with open(f"/proc/{pid}/stat", "rb") as fh:  # a killed driver not yet reaped is a zombie
            return fh.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except ProcessLookupError:
        return False
    except OSError:  # no /proc (not Linux): the signal test alone
        return True
