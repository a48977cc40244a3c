"""Quality gate: the extractor's F1 on the dev corpus, per document group, must stay above pinned floors.

The floors live in tests/eval_floors.json. Run `pytest -s tests/test_eval_gate.py` to see the figures.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import lossledger
from lossledger.errors import ReadError
from lossledger.evaluate import load_jsonl, score, score_groups
from lossledger.model import Article

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
FLOORS = Path(__file__).with_name("eval_floors.json")
FIGURES = ("detection_f1", "full_f1")
# F1 is a ratio of small integers: only float rounding separates "equal" from "below".
SLACK = 1e-9


def _local_read(paths: Iterable[str]) -> Iterator[Article | ReadError]:
    """Read .txt files and .jsonl article lines: a stand-in used only while lossledger.read is missing."""
    for name in paths:
        path = Path(name)
        if path.suffix == ".txt":
            yield Article(doc=path.stem, text=path.read_text(encoding="utf-8"), source=name)
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                yield Article(doc=str(row["id"]), text=row["text"], published=row.get("published"),
                              url=row.get("url"), title=row.get("title"), lang=row.get("lang"),
                              source=f"{name}:{number}")


def _reader():
    try:
        from lossledger.read import read
    except ImportError:
        return _local_read
    return read


def _figures(result: dict) -> dict[str, float]:
    return {"detection_f1": result["detection"]["f1"], "full_f1": result["full"]["f1"]}


def test_floors_file_is_well_formed() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert floors["_note"]
    for name, pinned in {"default": floors["default"], **floors["groups"]}.items():
        assert set(pinned) == set(FIGURES), name
        assert all(0.0 <= pinned[f] <= 1.0 for f in FIGURES), name
    assert {"all", "seed", "en", "sv"} <= set(floors["groups"])


@pytest.mark.skipif(not DEV.is_dir(), reason=f"dev corpus {DEV} is absent (no ../shared beside the repo)")
def test_extractor_meets_the_floors_on_the_dev_corpus() -> None:
    sources = [str(p) for p in sorted(DEV.glob("0[0-9][0-9]_*.txt"))] + [str(DEV / "excerpts.jsonl")]
    articles, failures = [], []
    for item in _reader()(sources):
        (failures if isinstance(item, ReadError) else articles).append(item)
    assert not failures, f"could not read: {failures}"

    gold = load_jsonl(DEV / "gold.jsonl")
    unread = {str(row["doc"]) for row in gold} - {a.doc for a in articles}
    assert not unread, f"documents in gold.jsonl that were not read: {sorted(unread)}"

    predictions = []
    for article in articles:
        try:
            predictions.extend(claim.to_dict() for claim in lossledger.extract_article(article))
        except Exception as exc:  # name the article, then let the traceback show the rest
            raise AssertionError(f"extract_article failed on {article.doc}") from exc

    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    results = {"all": score(gold, predictions), **score_groups(gold, predictions)}
    below = []
    print(f"\n{'group':<6} {'docs':>4} {'gold':>4} {'pred':>4}  detection F1  full F1  (floors)")
    for group, result in results.items():
        pinned = floors["groups"].get(group, floors["default"])
        got = _figures(result)
        sizes = f"{result['documents']:>4} {result['gold_claims']:>4} {result['predicted_claims']:>4}"
        print(f"{group:<6} {sizes}  {got['detection_f1']:>12.3f}  {got['full_f1']:>7.3f}  "
              f"({pinned['detection_f1']:.3f} / {pinned['full_f1']:.3f})")
        below += [f"{group} {f} {got[f]:.3f} < {pinned[f]:.3f}"
                  for f in FIGURES if got[f] < pinned[f] - SLACK]
    assert not below, "below the floors pinned in tests/eval_floors.json: " + "; ".join(below)
