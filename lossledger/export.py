"""Row writers shared by the CLI and the API: CSV, JSON Lines and Parquet, streaming from any dict iterator."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import IO, Any

FORMATS = ("csv", "jsonl", "parquet")
_BATCH = 5000  # rows per Parquet row group and per Arrow conversion


def write(rows: Iterable[dict[str, Any]], fmt: str, out: str | os.PathLike[str] | IO[Any],
          columns: list[str] | None = None) -> int:
    """Write `rows` to `out` (a path, or an open file: text for csv/jsonl, binary for parquet); return the count.

    Columns are `columns`, else the keys of the first row. Lists and dicts become JSON text in CSV and
    Parquet; JSON Lines keeps them as they are. An empty `rows` still writes a header (CSV) or schema (Parquet)
    when `columns` is given.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (have: {', '.join(FORMATS)})")
    it = iter(rows)
    first = next(it, None)
    if columns is None:
        columns = list(first) if first is not None else []
    data = chain([first], it) if first is not None else iter(())
    if isinstance(out, str | os.PathLike):
        with open(out, "wb" if fmt == "parquet" else "w", **({} if fmt == "parquet" else
                                                            {"encoding": "utf-8", "newline": ""})) as fh:
            return _WRITERS[fmt](data, fh, columns)
    return _WRITERS[fmt](data, out, columns)


def _flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def _csv(rows: Iterator[dict], fh: IO[str], columns: list[str]) -> int:
    writer = csv.writer(fh)
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow(["" if row.get(c) is None else _flat(row.get(c)) for c in columns])
        n += 1
    return n


def _jsonl(rows: Iterator[dict], fh: IO[str], columns: list[str]) -> int:
    n = 0
    for row in rows:
        fh.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def _parquet(rows: Iterator[dict], fh: IO[bytes], columns: list[str]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    n = 0
    try:
        while batch := list(islice(rows, _BATCH)):
            flat = [{c: _flat(r.get(c)) for c in columns} for r in batch]
            if writer is None:  # the first batch sets the types; a column all null there is taken as text
                inferred = pa.Table.from_pylist(flat).schema
                schema = pa.schema([pa.field(f.name, pa.string() if pa.types.is_null(f.type) else f.type)
                                    for f in inferred])
                writer = pq.ParquetWriter(fh, schema)
            writer.write_table(pa.Table.from_pylist(flat, schema=writer.schema))
            n += len(batch)
        if writer is None:
            schema = pa.schema([(c, pa.string()) for c in columns])
            pq.write_table(pa.Table.from_pylist([], schema=schema), fh)
    finally:
        if writer is not None:
            writer.close()
    return n


_WRITERS = {"csv": _csv, "jsonl": _jsonl, "parquet": _parquet}


def to_csv_text(rows: Iterable[dict[str, Any]], columns: list[str] | None = None) -> str:
    """Return `rows` as CSV text (for small results, e.g. an API response)."""
    buf = io.StringIO()
    write(rows, "csv", buf, columns)
    return buf.getvalue()
