"""Tests of lossledger.evaluate: each rule of the spec's "Scoring", and agreement with the reference."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from pathlib import Path

import pytest

from lossledger.errors import ReadError
from lossledger.evaluate import (
    claim_key,
    claimant_matches,
    date_matches,
    doc_group,
    format_report,
    load_jsonl,
    normalise_name,
    score,
    score_groups,
)

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "score_claims.py"


def claim(doc: str = "en-001", **fields: object) -> dict:
    """Return a plausible claim record: a General Staff count of Russian casualties, changed by `fields`."""
    row: dict = {
        "doc": doc, "side": "russia", "population": "military", "category": "killed_or_wounded",
        "metric": "count", "value": 1_000_340, "low": 1_000_340, "high": 1_000_340, "qualifier": "exact",
        "claimant": "Ukraine's General Staff",
        "claimant_aliases": ["General Staff of the Armed Forces of Ukraine", "Генеральний штаб ЗСУ"],
        "via": [], "as_of": "2025-06-10", "period_start": None, "period_end": None,
        "modality": "reported", "stance": "asserted",
    }
    row.update(fields)
    return row


def predicted(doc: str = "en-001", **fields: object) -> dict:
    """Return `claim()` as an extractor would give it: without the gold-only fields."""
    row = claim(doc, **fields)
    row.pop("claimant_aliases", None)
    return row


# --- detection --------------------------------------------------------------------------------------------


def test_perfect_prediction_scores_one() -> None:
    gold = [claim(), claim(category="tanks", value=10_933, low=10_933, high=10_933)]
    result = score(gold, [predicted(), predicted(category="tanks", value=10_933, low=10_933, high=10_933)])
    assert result["detection"] == {"tp": 2, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert result["full"] == {"tp": 2, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert (result["documents"], result["gold_claims"], result["predicted_claims"]) == (1, 2, 2)


def test_nothing_predicted_scores_zero_without_dividing_by_zero() -> None:
    result = score([claim()], [])
    assert result["detection"]["f1"] == 0.0 and result["detection"]["fn"] == 1
    assert result["attributes"]["claimant"] == {"correct": 0, "of": 0, "accuracy": None}


def test_optional_gold_is_neither_missed_nor_false() -> None:
    gold = [claim(), claim(value=1_000_000, low=1_000_000, high=1_000_000, qualifier="approx", optional=True)]
    absent = score(gold, [predicted()])
    assert absent["detection"]["fn"] == 0 and absent["gold_claims"] == 1
    present = score(gold, [predicted(), predicted(value=1_000_000, qualifier="approx")])
    assert present["detection"]["fp"] == 0 and present["predicted_claims"] == 1
    assert present["detection"]["f1"] == 1.0


def test_no_claims_document_turns_every_prediction_false() -> None:
    gold = [claim(), {"doc": "fr-009", "no_claims": True}]
    result = score(gold, [predicted(), predicted("fr-009")])
    assert result["documents"] == 2
    assert result["detection"]["fp"] == 1
    assert result["errors"]["false_positives"][0][0] == "fr-009"


def test_documents_outside_the_gold_are_not_scored() -> None:
    result = score([claim()], [predicted(), predicted("en-999")])
    assert result["detection"]["fp"] == 0 and result["documents"] == 1


def test_docs_limits_scoring_to_the_named_documents() -> None:
    gold = [claim("en-001"), claim("sv-001")]
    result = score(gold, [predicted("en-001")], docs={"en-001", "xx-404"})
    assert result["documents"] == 1 and result["detection"]["f1"] == 1.0


def test_duplicate_predictions_count_once() -> None:
    result = score([claim()], [predicted(), predicted(), predicted(claimant="Zelensky")])
    assert result["predicted_claims"] == 1
    assert result["detection"]["tp"] == 1 and result["detection"]["fp"] == 0
    assert result["full"]["tp"] == 1  # the best-fitting duplicate is the one scored


def test_best_fitting_gold_is_chosen_when_golds_share_a_key() -> None:
    gold = [claim(claimant="CSIS", claimant_aliases=[]), claim()]
    result = score(gold, [predicted(claimant="General Staff")])
    assert result["gold_claims"] == 1  # one key, however many gold lines hold it
    assert result["full"]["tp"] == 1 and result["errors"]["attributes"] == []


def test_ranges_and_values_are_different_numbers() -> None:
    gold = [claim(side="ukraine", value=None, low=500_000, high=600_000, qualifier="range")]
    value = predicted(side="ukraine", value=500_000, low=500_000, high=500_000)
    assert score(gold, [value])["detection"]["tp"] == 0
    same = predicted(side="ukraine", value=None, low=500_000, high=600_000, qualifier="range")
    assert score(gold, [same])["detection"]["tp"] == 1


def test_vague_is_compared_by_its_bounds_and_bounds_fall_back_to_low_or_high() -> None:
    vague = claim(value=None, low=10_000, high=99_999, qualifier="vague")
    assert claim_key(vague) == claim_key(claim(value=None, low=10_000, high=99_999, qualifier="range"))
    at_least = claim(value=None, low=700_000, high=None, qualifier="at_least")
    assert claim_key(at_least) == claim_key(claim(value=700_000, qualifier="at_least"))


def test_rates_compare_at_one_decimal_and_counts_as_whole_numbers() -> None:
    def rate(v: float) -> dict:
        return claim(metric="per_day", value=v, low=v, high=v)

    assert claim_key(rate(693.04)) == claim_key(rate(693.0))
    assert claim_key(rate(693.06)) == claim_key(rate(693.1))
    assert claim_key(rate(693.1)) != claim_key(rate(693.2))
    assert claim_key(claim(value=1_000_340.4)) == claim_key(claim(value=1_000_340))
    assert claim_key(claim(value="1000340")) == claim_key(claim())


def test_losses_and_killed_or_wounded_share_a_key_but_category_is_still_judged() -> None:
    result = score([claim()], [predicted(category="losses")])
    assert result["detection"]["tp"] == 1
    assert result["attributes"]["category"] == {"correct": 0, "of": 1, "accuracy": 0.0}
    assert claim_key(claim(category="killed")) != claim_key(claim())


def test_side_spellings_are_normalised() -> None:
    assert claim_key(claim(side="Russian")) == claim_key(claim(side="russia"))
    assert claim_key(claim(side="Gaza")) == claim_key(claim(side="palestine"))


# --- attributes -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("guess", "ok"), [
    ("Ukraine's General Staff", True),
    ("the General Staff", True),  # contained in an alias, article and possessive dropped
    ("Генеральний штаб ЗСУ", True),
    ("General Staff of the Armed Forces of Ukraine, Kyiv", True),  # contains an alias
    ("Staff", True),
    ("UA", False),  # too short to count as contained
    ("General Staffs", False),  # whole words only
    ("CSIS", False),
    (None, False),
    ("", False),
])
def test_claimant_matches_aliases_after_normalising(guess: str | None, ok: bool) -> None:
    assert claimant_matches(guess, claim()) is ok


def test_claimant_normalising_drops_accents_case_and_punctuation() -> None:
    assert normalise_name("  Zelenskýj’s  OFFICE!") == "zelenskyj office"
    assert normalise_name("The") == "the"
    assert claimant_matches("Volodymyr Zelenskyj", claim(claimant="Zelenskýj", claimant_aliases=[]))


def test_unattributed_gold_wants_no_claimant() -> None:
    gold = claim(claimant=None, claimant_aliases=[])
    assert claimant_matches(None, gold) and claimant_matches("", gold)
    assert not claimant_matches("Reuters", gold)


@pytest.mark.parametrize(("guess", "gold", "ok"), [
    ("2024-05-03", "2024", True),
    ("2023-12-31", "2024", False),
    ("2024-05-30", "2024-05", True),
    ("2024", "2024-05", False),  # less precise than the gold
    ("2024-05-13", "2024-05-10", True),  # within three days
    ("2024-05-07", "2024-05-10", True),
    ("2024-05-14", "2024-05-10", False),
    ("2024-05", "2024-05-10", False),
    ("2025-01-01", "2024-12-30", True),
    (None, "2024-05-10", False),
    ("not a date", "2024", False),
    ("2024-02-30", "2024-02", False),
    ("2024-05-10", None, None),  # unknown gold date: not scored
])
def test_dates_match_at_the_gold_precision(guess: str | None, gold: str | None, ok: bool | None) -> None:
    assert date_matches(guess, gold) is ok


def test_as_of_outside_and_missing_period_end_are_not_scored() -> None:
    gold = [claim(as_of="2022-03-01", as_of_outside=True)]
    result = score(gold, [predicted(as_of="2025-06-10", period_end="2025-06-10")])
    assert result["attributes"]["as_of"]["of"] == 0 and result["attributes"]["period_end"]["of"] == 0
    assert result["full"]["tp"] == 1


def test_period_end_scored_where_the_gold_has_one() -> None:
    gold = [claim(metric="per_day", value=693, low=693, high=693, period_start="2023-01-01",
                  period_end="2023-12-31")]
    result = score(gold, [predicted(metric="per_day", value=693, period_end="2023-12")])
    assert result["attributes"]["period_end"] == {"correct": 0, "of": 1, "accuracy": 0.0}


def test_full_f1_needs_claimant_and_as_of() -> None:
    gold = [claim(), claim(category="tanks", value=1, low=1, high=1)]
    preds = [predicted(as_of="2025-07-01"), predicted(category="tanks", value=1, claimant="Kremlin")]
    result = score(gold, preds)
    assert result["detection"]["f1"] == 1.0
    assert result["full"]["tp"] == 0 and result["full"]["f1"] == 0.0
    wrong = {row[-3] for row in result["errors"]["attributes"]}
    assert wrong == {"as_of", "claimant"}


def test_missing_attributes_take_their_implied_values() -> None:
    row = predicted()
    for name in ("qualifier", "population", "modality", "stance"):
        del row[name]
    result = score([claim(population="unspecified")], [row])
    for name in ("qualifier", "population", "modality", "stance"):
        assert result["attributes"][name]["accuracy"] == 1.0, name


# --- report, groups and files -----------------------------------------------------------------------------


def test_doc_group() -> None:
    assert [doc_group(d) for d in ("en-012", "uk-003", "000_093370bf4223c158", "pt-br-1")] == [
        "en", "uk", "seed", "pt"]


def test_format_report_shows_the_figures_errors_and_groups() -> None:
    gold = [claim("en-001"), claim("000_x"), claim("sv-002")]
    preds = [predicted("en-001"), predicted("sv-002", claimant="CSIS"), predicted("sv-002", category="tanks")]
    result = score(gold, preds)
    text = format_report(result, show_errors=True, by_lang=True, gold_rows=gold, pred_rows=preds)
    assert "detection  P 0.667  R 0.667  F1 0.667  (tp 2 fp 1 fn 1)" in text
    assert "full       P 0.333  R 0.333  F1 0.333" in text
    assert "  claimant    0.500  (1/2)" in text
    assert any(line.startswith("FP   sv-002 | russia | tanks") for line in text.splitlines())
    assert any(line.startswith("MISS 000_x") for line in text.splitlines())
    assert any(line.startswith("ATTR sv-002") and "claimant" in line for line in text.splitlines())
    assert "group seed" in text and "group sv     documents   1  gold    1  detection F1 0.667" in text
    assert "FP" not in format_report(result)
    with pytest.raises(ValueError):
        format_report(result, by_lang=True)


def test_load_jsonl_reads_objects_and_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('\ufeff{"doc": "a"}\n\n  {"doc": "b"}  \n', encoding="utf-8")
    assert load_jsonl(path) == [{"doc": "a"}, {"doc": "b"}]


@pytest.mark.parametrize(("content", "problem"), [
    (b'{"doc": "a"}\n{"doc": \n', ":2: not JSON"),
    (b'{"doc": "a"}\n\n[1, 2]\n', ":3: not a JSON object"),
    (b'{"doc": "\xff"}\n', ":1: not UTF-8"),
])
def test_load_jsonl_names_the_bad_line(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=rf"^{path}{problem}"):
        load_jsonl(path)


def test_load_jsonl_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="nope.jsonl: "):
        load_jsonl(tmp_path / "nope.jsonl")


# --- agreement with the reference scorer ------------------------------------------------------------------

CLAIMANTS = [  # (gold claimant, its aliases, what an extractor might say instead)
    ("Ukraine's General Staff", ["General Staff of the Armed Forces of Ukraine", "Генеральний штаб ЗСУ"],
     ["General Staff", "the General Staff of Ukraine's Armed Forces", "Генеральний штаб", "Ukraine", "GS"]),
    ("CSIS", ["Center for Strategic and International Studies", "tankesmedjan CSIS"],
     ["the CSIS think tank", "Center for Strategic & International Studies", "CIS", "tankesmedjan"]),
    ("Volodymyr Zelensky", ["Zelensky", "Volodymyr Zelenskyy", "Zelenskyj"],
     ["President Zelensky", "Zelenskýj", "Zelen", "Zelenskyy's office"]),
    ("a senior NATO official", ["NATO official"], ["NATO", "A senior NATO official", "officials"]),
    ("UK Ministry of Defence", ["UK MoD", "British Ministry of Defence"], ["UK", "MoD", "the Ministry"]),
    ("Kremlin spokesman Dmitry Peskov", ["Dmitry Peskov"], ["The Kremlin", "Peskov's office", "Peskov"]),
    (None, [], [None, "", "Reuters"]),
]
SIDES = {"russia": ["Russian", "RU"], "ukraine": ["ukrainian", "Ukraine"], "both": ["combined"],
         "palestine": ["Gaza"], "israel": ["Israeli"]}
CATEGORIES = ["killed", "wounded", "killed_or_wounded", "losses", "captured", "missing", "tanks", "drones",
              "artillery", "ships", "submarines", "aircraft"]


def _date(rng: random.Random) -> str | None:
    day = f"20{rng.randint(22, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return rng.choice([None, day[:4], day[:7], day, day, day])


def _jitter_date(rng: random.Random, date: str | None) -> str | None:
    if date is None or rng.random() < 0.1:
        return rng.choice([None, "2024", "2024-02-30", "sometime"])
    if len(date) == 10 and rng.random() < 0.6:
        shifted = int(date[8:]) + rng.randint(-5, 5)
        return f"{date[:8]}{min(max(shifted, 1), 28):02d}"
    return rng.choice([date, date[:4], date[:7], date + "-15" if len(date) == 7 else date])


def _gold_claim(rng: random.Random, doc: str) -> dict:
    qualifier = rng.choice(["exact", "exact", "approx", "at_least", "at_most", "range", "vague"])
    metric = rng.choice(["count"] * 6 + ["per_day", "per_month"])
    if metric == "count":
        n: float = rng.choice([1, 2, 18, 693, 46_000, 1_000_340])
    else:
        n = round(rng.uniform(1, 1500), 2)
    low, high = n, n * 2
    value = None if qualifier in ("range", "vague") else n
    if qualifier == "at_least":
        low, high = n, None
    elif qualifier == "at_most":
        low, high = None, n
    elif qualifier in ("exact", "approx"):
        high = n
    name, aliases, _ = rng.choice(CLAIMANTS)
    return {
        "doc": doc, "side": rng.choice(list(SIDES)), "category": rng.choice(CATEGORIES), "metric": metric,
        "population": rng.choice(["military", "civilian", "unspecified", None]), "value": value, "low": low,
        "high": high, "qualifier": qualifier, "claimant": name, "claimant_aliases": aliases, "via": [],
        "as_of": _date(rng), "period_start": None, "period_end": rng.choice([None, None, _date(rng)]),
        "modality": rng.choice(["reported", "reported", "projection", "hedged"]),
        "stance": rng.choice(["asserted"] * 5 + ["disputed"]),
        **({"optional": True} if rng.random() < 0.15 else {}),
        **({"as_of_outside": True} if rng.random() < 0.1 else {}),
    }


def _prediction(rng: random.Random, gold: dict) -> dict:
    row = {k: v for k, v in gold.items() if k not in ("claimant_aliases", "optional", "as_of_outside")}
    variants = next(v for name, _, v in CLAIMANTS if name == gold["claimant"])
    if rng.random() < 0.4:
        row["claimant"] = rng.choice(variants)
    if rng.random() < 0.3:
        row["side"] = rng.choice(SIDES[gold["side"]])
    if rng.random() < 0.4:
        row["as_of"] = _jitter_date(rng, gold["as_of"])
    if rng.random() < 0.3:
        row["period_end"] = _jitter_date(rng, gold["period_end"])
    if gold["category"] in ("losses", "killed_or_wounded") and rng.random() < 0.5:
        row["category"] = rng.choice(["losses", "killed_or_wounded"])
    for name, choices in (("qualifier", ["exact", "approx", None]), ("modality", ["reported", None]),
                          ("stance", ["asserted", None]), ("population", ["military", "unspecified", None])):
        if rng.random() < 0.15 and not (name == "qualifier" and gold["qualifier"] in ("range", "vague")):
            row[name] = rng.choice(choices)
    if row["metric"] != "count" and row["value"] is not None and rng.random() < 0.3:
        row["value"] = round(row["value"] + rng.choice([0.04, -0.04, 0.3]), 2)
    if rng.random() < 0.1:
        row["value"] = None  # a bound then falls back to low or high
    return row


def random_rows(seed: int, n_docs: int = 60) -> tuple[list[dict], list[dict]]:
    """Return (gold, predictions) for `n_docs` documents, varied so that every scoring rule is in play."""
    rng = random.Random(seed)
    docs = [f"{rng.choice(['en', 'sv', 'uk', 'de'])}-{i:03d}" for i in range(n_docs)] + ["000_a", "001_b"]
    gold: list[dict] = []
    preds: list[dict] = []
    for doc in docs:
        if rng.random() < 0.08:
            gold.append({"doc": doc, "no_claims": True})
            preds.extend(_gold_claim(rng, doc) for _ in range(rng.randint(0, 2)))
            continue
        claims = [_gold_claim(rng, doc) for _ in range(rng.randint(1, 8))]
        if rng.random() < 0.3:  # two gold lines sharing a key
            claims.append({**claims[0], "claimant": "CSIS", "claimant_aliases": ["CSIS"], "optional": False})
        gold.extend(claims)
        for g in claims:
            for _ in range(rng.choice([0, 1, 1, 1, 2])):  # missed, found, or found twice
                preds.append(_prediction(rng, g))
        preds.extend(_prediction(rng, _gold_claim(rng, doc)) for _ in range(rng.randint(0, 2)))
    preds.append(_prediction(rng, _gold_claim(rng, "xx-999")))  # a document the gold does not hold
    preds.append({"doc": docs[0], "no_claims": True})
    rng.shuffle(preds)
    return gold, preds


def _same(ours: object, theirs: object, where: str = "result") -> None:
    """Assert two JSON-like values are equal, floats to within rounding."""
    if isinstance(ours, float) or isinstance(theirs, float):
        assert isinstance(ours, int | float) and isinstance(theirs, int | float), where
        assert math.isclose(ours, theirs, rel_tol=1e-12, abs_tol=1e-12), f"{where}: {ours} != {theirs}"
    elif isinstance(ours, dict):
        assert isinstance(theirs, dict) and ours.keys() == theirs.keys(), f"{where}: keys differ"
        for k in ours:
            _same(ours[k], theirs[k], f"{where}.{k}")
    elif isinstance(ours, list):
        assert isinstance(theirs, list) and len(ours) == len(theirs), f"{where}: lengths differ"
        for i, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            _same(a, b, f"{where}[{i}]")
    else:
        assert ours == theirs, f"{where}: {ours!r} != {theirs!r}"


def _reference(*args: str) -> str:
    done = subprocess.run([sys.executable, str(REFERENCE), *args], capture_output=True, text=True, check=True)
    return done.stdout


needs_reference = pytest.mark.skipif(
    not REFERENCE.is_file(), reason=f"reference scorer {REFERENCE} is absent (it lives in ../shared)")


@needs_reference
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_score_agrees_with_the_reference_scorer(tmp_path: Path, seed: int) -> None:
    gold, preds = random_rows(seed)
    assert len(gold) > 200 and len(preds) > 200
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold), encoding="utf-8")
    pred_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in preds), encoding="utf-8")
    gold, preds = load_jsonl(gold_path), load_jsonl(pred_path)

    ours = score(gold, preds)
    assert 0 < ours["detection"]["f1"] < 1 and 0 < ours["full"]["f1"] < ours["detection"]["f1"]
    _same(json.loads(json.dumps(ours)), json.loads(_reference(str(gold_path), str(pred_path), "--json")))

    some = sorted({r["doc"] for r in gold})[::3]
    theirs = json.loads(_reference(str(gold_path), str(pred_path), "--json", "--docs", ",".join(some)))
    _same(json.loads(json.dumps(score(gold, preds, set(some)))), theirs, "docs")

    lines = [line.split() for line in _reference(str(gold_path), str(pred_path), "--groups").splitlines()
             if line.startswith("group ")]
    groups = score_groups(gold, preds)
    assert lines, "the reference printed no groups"
    for line in lines:
        r = groups[line[1]]
        assert [int(line[3]), int(line[5])] == [r["documents"], r["gold_claims"]]
        assert [line[8], line[11]] == [f"{r['detection']['f1']:.3f}", f"{r['full']['f1']:.3f}"]
