"""The engines (local, process pool, Ray) on generated WARC files into real SQLite and PostgreSQL ledgers.

The Ray tests start a real local Ray (2 CPUs, loopback, no dashboard) once for the module; they, and a
SIGKILL of a running ingest, are marked slow.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_ingest import consistent

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import newsgen  # noqa: E402

from lossledger.cli import cli  # noqa: E402
from lossledger.scale import Options, documents, process_batch, run  # noqa: E402
from lossledger.store import Ledger, content_hash  # noqa: E402


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A WARC of 240 generated pages (a quarter on war losses), one of them twice (same URL and text)."""
    pages = newsgen.pages(240, seed=5, war_share=0.25)
    path = tmp_path_factory.mktemp("warc") / "news.warc.gz"
    newsgen.write_warc(path, [*pages, pages[7]])
    return path


@pytest.fixture(scope="module")
def expected(archive: Path) -> dict[str, int]:
    """What the stages give, computed document by document in this process without any engine."""
    outcomes = process_batch([d for d in documents([str(archive)])], Options())  # type: ignore[misc]
    kept = {content_hash(o.article): o for o in outcomes if o.status == "extracted"}  # type: ignore[arg-type]
    return {"documents": len(kept), "mentions": sum(len(o.claims) for o in kept.values()),
            "dropped": sum(o.status == "dropped" for o in outcomes)}


def ingest(url: str, archive: Path, engine: str, **kw) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with Ledger(url) as led:
        stats = run(documents([str(archive)]), led, engine=engine, workers=2, batch_size=16, write_size=40, **kw)
    assert stats.failed == 0, stats.errors
    return {"new": stats.new, "unchanged": stats.unchanged, "dropped": stats.dropped, "mentions": stats.mentions}


@pytest.mark.parametrize("engine", ["local", "pool"])
def test_engine_writes_each_document_once_and_a_rerun_adds_nothing(db_url: str, archive: Path, engine: str,
                                                                    expected: dict) -> None:
    first = ingest(db_url, archive, engine)
    assert first["new"] == expected["documents"] and first["unchanged"] == 1  # the page given twice
    assert first["mentions"] == expected["mentions"] > 50
    assert first["dropped"] == expected["dropped"] > 100
    counts = consistent(db_url)
    assert counts["documents"] == expected["documents"] and counts["mentions"] == expected["mentions"]
    again = ingest(db_url, archive, engine)
    assert again == {"new": 0, "unchanged": expected["documents"] + 1, "dropped": expected["dropped"],
                     "mentions": 0}
    assert consistent(db_url) == counts


def test_cli_engine_option(tmp_path: Path, archive: Path, expected: dict) -> None:
    db = str(tmp_path / "l.db")
    out = CliRunner().invoke(cli, ["ingest", "--engine", "pool", "--workers", "2", "--db", db, str(archive)])
    assert out.exit_code == 0, out.output
    assert out.stdout.startswith(f"{expected['documents']} new, 1 unchanged, 0 failed documents; "
                                 f"{expected['mentions']} claim mentions added")
    assert out.stdout.rstrip().endswith(f"; {expected['dropped']} dropped by the pre-filter")
    bad = CliRunner().invoke(cli, ["ingest", "--address", "127.0.0.1:6379", "--db", db, str(archive)])
    assert bad.exit_code == 2 and "--address needs --engine ray" in bad.output


# --- slow: a real local Ray, and a killed run ----------------------------------------------------------

@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", log_to_driver=False,
             configure_logging=False)
    try:
        yield
    finally:
        ray.shutdown()


@pytest.mark.slow
def test_ray_engine_matches_the_local_one(local_ray: None, db_url: str, archive: Path, expected: dict) -> None:
    first = ingest(db_url, archive, "ray")
    assert (first["new"], first["mentions"], first["dropped"]) == (
        expected["documents"], expected["mentions"], expected["dropped"])
    assert ingest(db_url, archive, "ray")["new"] == 0
    assert consistent(db_url)["mentions"] == expected["mentions"]


@pytest.mark.slow
def test_a_ray_worker_killed_mid_task_is_retried_and_nothing_is_written_twice(
        local_ray: None, db_url: str, archive: Path, expected: dict, tmp_path: Path) -> None:
    marker = tmp_path / "crashed"

    def crash_once(batch, options):  # type: ignore[no-untyped-def]
        # the third batch's first attempt does its work, then its worker process dies before returning it
        result = process_batch(batch, options)
        if any(d.source.endswith(f"@{third}") for d in batch) and not marker.exists():
            marker.write_text(str(os.getpid()))
            os._exit(1)
        return result

    third = [d.source.rsplit("@", 1)[1] for d in documents([str(archive)])][2 * 16]
    first = ingest(db_url, archive, "ray", task=crash_once)
    assert marker.exists(), "no worker was killed"
    assert (first["new"], first["mentions"]) == (expected["documents"], expected["mentions"])
    counts = consistent(db_url)
    assert counts["documents"] == expected["documents"] and counts["mentions"] == expected["mentions"]


@pytest.mark.slow
def test_a_run_killed_mid_way_and_rerun_adds_every_document_once(tmp_path: Path, db_url: str) -> None:
    path = tmp_path / "big.warc.gz"
    newsgen.write_warc(path, newsgen.pages(1600, seed=9, war_share=0.3))
    cmd = [sys.executable, "-m", "lossledger", "ingest", "--engine", "pool", "--workers", "2", "--db", db_url,
           str(path)]
    before = _forkserver_processes()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while _documents(db_url) < 200 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # one write transaction holds 200 documents
    assert proc.poll() is None, "the run ended before it could be killed: make it longer"
    workers = _forkserver_processes() - before
    assert workers, "no pool processes found"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)  # the pool's processes see their driver gone and end
    assert not [pid for pid in workers if _alive(pid)], "worker processes outlived their killed driver"
    partial = consistent(db_url)["documents"]
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    new, unchanged = (int(x.split()[0]) for x in rerun.stdout.split(",")[:2])
    assert unchanged == partial and new > 0
    full = tmp_path / "full.db"
    whole = subprocess.run([*cmd[:-3], "--db", str(full), str(path)], capture_output=True, text=True, timeout=600)
    assert whole.returncode == 0, whole.stderr
    assert consistent(db_url) == consistent(f"sqlite:///{full}")


def _forkserver_processes() -> set[int]:
    """The pids of multiprocessing's fork servers and the processes they started (the pool's)."""
    out = subprocess.run(["ps", "-eo", "pid=,args="], capture_output=True, text=True).stdout
    return {int(line.split()[0]) for line in out.splitlines() if "multiprocessing.forkserver" in line}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as fh:  # a zombie has ended, only its entry is left
        return fh.read().split(")")[-1].split()[0] != "Z"


def _documents(url: str) -> int:
    try:
        with Ledger(url, create=False) as led:
            return led.stats()["documents"]
    except Exception:  # not created yet
        return 0
