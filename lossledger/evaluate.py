"""Evaluation: score predicted loss claims against gold claims by the rules of spec/claims.md "Scoring"."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import unicodedata
from pathlib import Path
from typing import Any, NamedTuple

from lossledger.errors import ReadError

ATTRIBUTES = ("claimant", "as_of", "category", "qualifier", "population", "modality", "stance", "period_end")

# Side spellings the scorer treats as the spec's side names.
_SIDE_NAMES = {
    "russian": "russia", "russian federation": "russia", "ru": "russia",
    "ukrainian": "ukraine", "ua": "ukraine",
    "gaza": "palestine", "palestinian": "palestine", "palestinians": "palestine",
    "israeli": "israel", "sudanese": "sudan", "syrian": "syria",
    "combined": "both",
}
# "lost 600,000 troops" and "600,000 killed or wounded" are one figure: the two categories share a key.
_CATEGORY_GROUP = {"losses": "killed_or_wounded"}
_BOUNDED = ("range", "vague")  # qualifiers whose numbers are (low, high) rather than a value
# What a prediction that leaves an attribute out is taken to say.
_IMPLIED = {"qualifier": "exact", "population": "unspecified", "modality": "reported", "stance": "asserted"}
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DAY_TOLERANCE = 3
_ARTICLES = ("the", "a", "an")
SEED_GROUP = "seed"


class Key(NamedTuple):
    """What identifies a claim for detection: two records with equal keys are the same claim."""

    doc: str
    side: str
    group: str
    metric: str
    numbers: tuple

    def row(self) -> list[str]:
        """Return the key as a list of strings, the form used in error listings."""
        return [str(part) for part in self]


def _number(raw: Any, rate: bool) -> float | int | None:
    """Return a number as compared: rates to one decimal, counts to a whole number."""
    if raw is None or raw == "":
        return None
    try:
        x = float(raw)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(x):
        return None
    return round(x, 1) if rate else int(round(x))


def claim_key(claim: dict) -> Key:
    """Return the detection key of a claim record: doc, side, category group, metric and numbers."""
    metric = str(claim.get("metric") or "count").strip().lower()
    rate = metric.startswith("per_")
    if str(claim.get("qualifier") or "exact") in _BOUNDED:
        numbers: tuple = ("range", _number(claim.get("low"), rate), _number(claim.get("high"), rate))
    else:
        # a bound written without `value` still names its number in `low` or `high`
        candidates = [claim.get(f) for f in ("value", "low", "high") if claim.get(f) is not None]
        numbers = ("value", _number(candidates[0] if candidates else None, rate))
    side = str(claim.get("side") or "").strip().lower()
    category = str(claim.get("category") or "").strip().lower()
    return Key(str(claim.get("doc")), _SIDE_NAMES.get(side, side), _CATEGORY_GROUP.get(category, category),
               metric, numbers)


def normalise_name(name: Any) -> str:
    """Return a claimant name reduced for comparison: no accents, case, possessive, punctuation or article."""
    text = unicodedata.normalize("NFKD", str(name or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    words = [w for w in re.split(r"[\W_]+", text) if w]
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def _holds(outer: list[str], inner: list[str]) -> bool:
    """Return whether the word sequence `inner` occurs, whole words, inside `outer`."""
    n = len(inner)
    return any(outer[i:i + n] == inner for i in range(len(outer) - n + 1))


def claimant_matches(predicted: Any, gold: dict) -> bool:
    """Return whether a predicted claimant names the gold claimant (its name or one of its aliases).

    Names match when, normalised, they are equal or one holds the other as whole words (a predicted
    name must have at least three characters to count as held in an alias). A gold claim with no
    claimant at all is matched only by a prediction with none.
    """
    names = [*(gold.get("claimant_aliases") or []), *([gold["claimant"]] if gold.get("claimant") else [])]
    if not names:
        return not predicted
    mine = normalise_name(predicted)
    if not mine:
        return False
    my_words = mine.split()
    for name in names:
        theirs = normalise_name(name)
        if not theirs:
            continue
        their_words = theirs.split()
        if mine == theirs or _holds(my_words, their_words):
            return True
        if len(mine) >= 3 and _holds(their_words, my_words):
            return True
    return False


def parse_date(text: Any) -> tuple[dt.date, int] | None:
    """Return (date, precision) for `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; precision 1 year, 2 month, 3 day."""
    if not text:
        return None
    m = _DATE.match(str(text).strip())
    if not m:
        return None
    parts = [int(p) for p in m.groups() if p is not None]
    try:
        return dt.date(parts[0], *(parts[1:] + [1, 1])[:2]), len(parts)
    except ValueError:
        return None


def date_matches(predicted: Any, gold: Any) -> bool | None:
    """Return whether a predicted date agrees with the gold date, or None when the gold has none.

    The prediction must be at least as precise as the gold; year and month golds need the same
    year (and month); a day gold accepts any day within three days of it.
    """
    truth = parse_date(gold)
    if truth is None:
        return None
    guess = parse_date(predicted)
    if guess is None or guess[1] < truth[1]:
        return False
    (g, precision), p = truth, guess[0]
    if precision == 1:
        return p.year == g.year
    if precision == 2:
        return (p.year, p.month) == (g.year, g.month)
    return abs((p - g).days) <= _DAY_TOLERANCE


def judge(name: str, predicted: dict, gold: dict) -> bool | None:
    """Return whether attribute `name` of a predicted claim is right, or None when it is not scored."""
    if name == "claimant":
        return claimant_matches(predicted.get("claimant"), gold)
    if name == "as_of":
        return None if gold.get("as_of_outside") else date_matches(predicted.get("as_of"), gold.get("as_of"))
    if name == "period_end":
        end = gold.get("period_end")
        return date_matches(predicted.get("period_end"), end) if end else None
    if gold.get(name) is None:
        return None
    return str(predicted.get(name) or _IMPLIED.get(name, "")).lower() == str(gold[name]).lower()


def _prf(hits: int, predicted: int, expected: int) -> tuple[float, float, float]:
    """Return precision, recall and F1 (0.0 where undefined)."""
    precision = hits / predicted if predicted else 0.0
    recall = hits / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _full(verdicts: dict[str, bool | None]) -> bool:
    """A match counts for full F1 unless its claimant or its as_of is wrong."""
    return verdicts["claimant"] is not False and verdicts["as_of"] is not False


def score(gold_rows: list[dict], pred_rows: list[dict], docs: set[str] | None = None) -> dict:
    """Return the scores of predicted claims against gold claims, as spec/claims.md "Scoring" defines them.

    Args:
        gold_rows: gold records; `optional`, `no_claims`, `claimant_aliases`, `as_of_outside` are honoured.
        pred_rows: predicted records; those for documents outside the scored set are ignored.
        docs: score only these document ids (of those the gold holds); None (or empty) scores all.

    Returns:
        A dict with `documents`, `gold_claims`, `predicted_claims`, `detection` (tp, fp, fn, precision,
        recall, f1), `full` (tp, precision, recall, f1), `attributes` ({name: correct, of, accuracy})
        and `errors` (false_positives, missed, attributes: lists of string rows).
    """
    scored_docs = {str(row.get("doc")) for row in gold_rows}
    if docs:
        scored_docs &= set(docs)
    required: dict[Key, list[dict]] = {}
    optional: set[Key] = set()
    for row in gold_rows:
        if str(row.get("doc")) in scored_docs and not row.get("no_claims"):
            k = claim_key(row)
            if row.get("optional"):
                optional.add(k)
            else:
                required.setdefault(k, []).append(row)
    predicted: dict[Key, list[dict]] = {}
    for row in pred_rows:
        if str(row.get("doc")) in scored_docs and not row.get("no_claims"):
            predicted.setdefault(claim_key(row), []).append(row)

    matched = [k for k in predicted if k in required]
    false_positives = [k for k in predicted if k not in required and k not in optional]
    missed = [k for k in required if k not in predicted]

    correct = dict.fromkeys(ATTRIBUTES, 0)
    judged = dict.fromkeys(ATTRIBUTES, 0)
    attribute_errors: list[list[str]] = []
    full_hits = 0
    for k in matched:
        pairs = ((g, p, {a: judge(a, p, g) for a in ATTRIBUTES}) for g in required[k] for p in predicted[k])
        gold, pred, verdicts = max(pairs, key=lambda t: (_full(t[2]), sum(v is True for v in t[2].values())))
        full_hits += _full(verdicts)
        for name, ok in verdicts.items():
            if ok is None:
                continue
            judged[name] += 1
            correct[name] += ok
            if not ok:
                attribute_errors.append([*k.row(), name, repr(pred.get(name)), repr(gold.get(name))])

    n_pred = len(matched) + len(false_positives)
    precision, recall, f1 = _prf(len(matched), n_pred, len(required))
    full_p, full_r, full_f1 = _prf(full_hits, n_pred, len(required))
    return {
        "documents": len(scored_docs),
        "gold_claims": len(required),
        "predicted_claims": n_pred,
        "detection": {"tp": len(matched), "fp": len(false_positives), "fn": len(missed),
                      "precision": precision, "recall": recall, "f1": f1},
        "full": {"tp": full_hits, "precision": full_p, "recall": full_r, "f1": full_f1},
        "attributes": {name: {"correct": correct[name], "of": judged[name],
                              "accuracy": correct[name] / judged[name] if judged[name] else None}
                       for name in ATTRIBUTES},
        "errors": {"false_positives": [k.row() for k in false_positives],
                   "missed": [k.row() for k in missed],
                   "attributes": attribute_errors},
    }


def doc_group(doc: str) -> str:
    """Return a document's group: the id before its first '-' (a language), else "seed"."""
    return doc.split("-", 1)[0] if "-" in doc else SEED_GROUP


def score_groups(gold_rows: list[dict], pred_rows: list[dict]) -> dict[str, dict]:
    """Return `score()` for each group of gold documents (see `doc_group`), keyed by group, sorted."""
    members: dict[str, set[str]] = {}
    for row in gold_rows:
        doc = str(row.get("doc"))
        members.setdefault(doc_group(doc), set()).add(doc)
    return {group: score(gold_rows, pred_rows, members[group]) for group in sorted(members)}


def format_report(result: dict, show_errors: bool = False, by_lang: bool = False,
                  gold_rows: list[dict] | None = None, pred_rows: list[dict] | None = None) -> str:
    """Return the figures of a `score()` result as text, one figure per line.

    Args:
        result: what `score()` returned.
        show_errors: also list false positives (FP), misses (MISS) and wrong attributes (ATTR).
        by_lang: also give detection and full F1 per document group; needs `gold_rows` and `pred_rows`.

    Raises:
        ValueError: `by_lang` without the rows to group.
    """
    lines = []
    if by_lang:
        if gold_rows is None or pred_rows is None:
            raise ValueError("by_lang needs gold_rows and pred_rows")
        for group, r in score_groups(gold_rows, pred_rows).items():
            lines.append(f"group {group:<6} documents {r['documents']:>3}  gold {r['gold_claims']:>4}  "
                         f"detection F1 {r['detection']['f1']:.3f}  full F1 {r['full']['f1']:.3f}")
    d, full = result["detection"], result["full"]
    lines.append(f"documents {result['documents']}  gold claims {result['gold_claims']}  "
                 f"predicted {result['predicted_claims']}")
    lines.append(f"detection  P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  "
                 f"(tp {d['tp']} fp {d['fp']} fn {d['fn']})")
    for name, a in result["attributes"].items():
        accuracy = "n/a" if a["accuracy"] is None else f"{a['accuracy']:.3f}"
        lines.append(f"  {name:<11} {accuracy}  ({a['correct']}/{a['of']})")
    if show_errors:
        for label, rows in (("FP  ", "false_positives"), ("MISS", "missed"), ("ATTR", "attributes")):
            lines.extend(f"{label} " + " | ".join(row) for row in result["errors"][rows])
    lines.append(f"full       P {full['precision']:.3f}  R {full['recall']:.3f}  F1 {full['f1']:.3f}")
    return "\n".join(lines)


def load_jsonl(path: str | Path) -> list[dict]:
    """Return the JSON objects of a JSON Lines file, skipping blank lines.

    Raises:
        ReadError: "PATH:LINE: problem" for a line that is not UTF-8, not JSON or not an object,
            and "PATH: problem" when the file cannot be opened.
    """
    try:
        lines = Path(path).read_bytes().splitlines()
    except OSError as exc:
        raise ReadError(f"{path}: {exc.strerror or exc}") from exc
    rows = []
    for number, raw in enumerate(lines, 1):
        where = f"{path}:{number}"
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
        except UnicodeDecodeError as exc:
            raise ReadError(f"{where}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ReadError(f"{where}: not JSON: {exc.msg} at column {exc.colno}") from exc
        if not isinstance(obj, dict):
            raise ReadError(f"{where}: not a JSON object but {type(obj).__name__}")
        rows.append(obj)
    return rows
