"""Stage 4, analyse: reference series, consistency checks, consensus band and claimant bias over claim records.

The library works on plain claim dicts (the record of `spec/claims.md` plus an `id`) and `Series` objects, so
it runs the same on a JSON Lines file of claims today and on the ledger later (see `store.AnalysisStore`).
"""

from lossledger.analyse.findings import Finding
from lossledger.analyse.series import Lookup, Problem, Series, SeriesError

__all__ = ["Finding", "Lookup", "Problem", "Series", "SeriesError"]
