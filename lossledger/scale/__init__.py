"""Scale-out: archive ingest (WARC) through parse → pre-filter → extract → batched write, on one engine of
`local`, `pool` or `ray` (see `engines.py`); `docs/scaling.md` has the measurements and the plan."""

from __future__ import annotations

from lossledger.scale.engines import ENGINES, run
from lossledger.scale.inputs import documents
from lossledger.scale.stages import Options, Outcome, process, process_batch
from lossledger.scale.write import ScaleStats, Writer, add_batch

__all__ = ["ENGINES", "Options", "Outcome", "ScaleStats", "Writer", "add_batch", "documents", "process",
           "process_batch", "run"]
