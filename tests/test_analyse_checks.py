"""Consistency checks on claims written for the tests: each check once passing and once failing."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from lossledger.analyse.consistency import check_all, check_arithmetic, check_floors, check_monotonic, check_series
from lossledger.analyse.projections import track_projections
from lossledger.analyse.series import Series

GS = "General Staff of the Armed Forces of Ukraine"


def claim(id: str, value: float | None = None, *, doc: str = "d1", side: str = "russia",
          category: str = "killed_or_wounded", claimant: str | None = "Ukraine's General Staff",
          as_of: str | None = "2025-06-12", qualifier: str = "exact", **extra: Any) -> dict:
    """A spec claim record with sensible defaults."""
    c = {"id": id, "doc": doc, "side": side, "population": "military", "category": category, "metric": "count",
         "value": value, "low": value, "high": value, "qualifier": qualifier, "claimant": claimant, "via": [],
         "as_of": as_of, "period_start": None, "period_end": None, "modality": "reported", "stance": "asserted",
         "evidence": {"text": f"sentence of {id}", "start": 0, "end": 10}}
    if qualifier == "at_least":
        c["high"] = None
    c.update(extra)
    return c


def daily(start: date, values: list[float], **kw: Any) -> Series:
    """A daily series from `start`."""
    pts = {start + timedelta(days=i): v for i, v in enumerate(values)}
    return Series(kw.pop("name", "gs"), kw.pop("side", "russia"), kw.pop("category", "killed_or_wounded"),
                  kw.pop("kind", "official claim"), "test", pts, claimant=kw.pop("claimant", GS), **kw)


GS_SERIES = daily(date(2025, 6, 10), [998_000, 999_200, 1_000_340, 1_001_560])


def verdicts(findings: list) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.check, f.verdict, f.claims) for f in findings]


def test_claim_vs_series_of_its_own_family() -> None:
    ok = claim("ok", 1_000_340)
    rounded = claim("rounded", 1_000_000, qualifier="approx")
    off = claim("off", 1_200_000)
    other_family = claim("cia", 700_000, claimant="US intelligence")  # a different family: not compared
    undated = claim("undated", 1_000_340, as_of=None)
    found = check_series([ok, rounded, off, other_family, undated], [GS_SERIES])
    assert verdicts(found) == [("series", "consistent", ("ok",)), ("series", "consistent", ("rounded",)),
                               ("series", "inconsistent", ("off",)), ("series", "unverifiable", ("undated",))]
    assert found[0].numbers["ratio"] == 1.0 and found[0].numbers["series_low"] == 1_000_340
    assert "1.200" in found[2].explanation or "1.199" in found[2].explanation  # the ratio is stated


def test_claim_vs_series_period_sum_and_rate() -> None:
    s = daily(date(2024, 1, 1), [100 + 10 * i for i in range(40)])  # +10 a day
    week = claim("week", 70, period_start="2024-01-02", period_end="2024-01-08", as_of="2024-01-08")
    rate = claim("rate", 10, metric="per_day", period_start="2024-01-02", period_end="2024-01-31", as_of="2024-01-31")
    wrong = claim("wrong", 300, period_start="2024-01-02", period_end="2024-01-08", as_of="2024-01-08")
    found = check_series([week, rate, wrong], [s])
    assert verdicts(found) == [("series", "consistent", ("week",)), ("series", "consistent", ("rate",)),
                               ("series", "inconsistent", ("wrong",))]


def test_inferred_date_is_not_evidence() -> None:
    c = claim("inferred", 1_000_340, as_of_inferred=True)
    [f] = check_series([c], [GS_SERIES])
    assert f.verdict == "unverifiable" and "inferred" in f.explanation


def test_claim_below_a_confirmed_floor_is_suspect_above_is_fine() -> None:
    floor = daily(date(2025, 6, 1), [100_000] * 20, name="named-dead", category="killed", kind="confirmed floor",
                  claimant="Mediazona")
    low = claim("low", 48_000, category="killed", claimant="Kremlin")
    high = claim("high", 1_000_000, category="killed_or_wounded", claimant="Kremlin")  # killed floor bounds KIA+WIA
    at_most = claim("at_most", 250_000, category="killed", claimant="UK Ministry of Defence", qualifier="at_most")
    too_early = claim("early", 5, category="killed", claimant="Kremlin", as_of="2022-03-01")  # before the floor
    found = check_floors([low, high, at_most, too_early], [floor])
    assert verdicts(found) == [("floor", "inconsistent", ("low",)), ("floor", "consistent", ("high",)),
                               ("floor", "consistent", ("at_most",))]
    assert found[0].numbers["floor"] == 100_000 and "BELOW" in found[0].explanation


def test_rate_times_days_vs_period_sum() -> None:
    base = {"period_start": "2023-01-01", "period_end": "2023-12-31", "as_of": "2023-12-31"}
    rate = claim("rate", 693, metric="per_day", **base)
    good_sum = claim("sum", 253_290, **base)
    bad_sum = claim("bad", 400_000, doc="d2", **base)
    rate2 = claim("rate2", 693, doc="d2", metric="per_day", **base)
    found = check_arithmetic([rate, good_sum, rate2, bad_sum])
    assert verdicts(found) == [("rate_vs_sum", "consistent", ("rate", "sum")),
                               ("rate_vs_sum", "inconsistent", ("rate2", "bad"))]
    assert found[0].numbers["days"] == 365


def test_a_2022_rate_counts_the_days_of_war_only() -> None:
    base = {"period_start": "2022-01-01", "period_end": "2022-12-31", "as_of": "2022-12-31"}
    found = check_arithmetic([claim("r", 340, metric="per_day", **base), claim("s", 106_720, **base)])
    assert verdicts(found) == [("rate_vs_sum", "consistent", ("r", "s"))]
    assert found[0].numbers["days"] == 311  # 24 Feb – 31 Dec 2022


def test_yearly_sums_vs_cumulative_total() -> None:
    years = [claim(f"y{y}", v, period_start=str(y), period_end=str(y), as_of=f"{y}-12-31")
             for y, v in ((2022, 106_720), (2023, 253_290), (2024, 430_790))]
    total_ok = claim("total", 1_000_340, as_of="2025-06-12")
    assert verdicts(check_arithmetic([*years, total_ok])) == [
        ("parts_vs_total", "consistent", ("total", "y2022", "y2023", "y2024"))]
    whole_war = claim("end2024", 900_000, as_of="2024-12-31")  # the years cover the war to that date: must equal
    [f] = check_arithmetic([*years, whole_war])
    assert f.verdict == "inconsistent" and f.numbers["covers_whole_war"] and f.numbers["parts_sum"] == 790_800
    too_small = claim("small", 500_000, as_of="2025-06-12")
    assert check_arithmetic([*years, too_small])[0].verdict == "inconsistent"


def test_killed_at_most_casualties_and_parts_vs_whole() -> None:
    kw = {"side": "ukraine", "claimant": "UN monitoring mission", "as_of": "2024-02"}
    killed, wounded = claim("k", 10_582, category="killed", **kw), claim("w", 19_875, category="wounded", **kw)
    whole = claim("kw", 30_457, **kw)
    found = check_arithmetic([killed, wounded, whole])
    assert [(f.check, f.verdict) for f in found] == [
        ("killed_le_killed_or_wounded", "consistent"), ("wounded_le_killed_or_wounded", "consistent"),
        ("parts_vs_whole", "consistent")]
    bad_whole = claim("kw2", 25_000, doc="d2", **kw)
    k2 = claim("k2", 30_000, doc="d2", category="killed", **kw)
    w2 = claim("w2", 5_000, doc="d2", category="wounded", **kw)
    found = check_arithmetic([k2, w2, bad_whole])
    assert [(f.check, f.verdict) for f in found] == [
        ("killed_le_killed_or_wounded", "inconsistent"), ("wounded_le_killed_or_wounded", "consistent"),
        ("parts_vs_whole", "inconsistent")]
    # Different claimants in one article are not held to each other's arithmetic.
    other = claim("k3", 40_000, doc="d3", category="killed", **{**kw, "claimant": "Kremlin"})
    assert check_arithmetic([other, claim("kw3", 30_457, doc="d3", **kw)]) == []


def test_monotonicity_names_the_offending_pair() -> None:
    rising = [claim("a", 600_000, as_of="2024-10-01", doc="x"), claim("b", 700_000, as_of="2024-12-01", doc="y"),
              claim("c", 1_000_340, as_of="2025-06-12", doc="z")]
    [f] = check_monotonic(rising)
    assert f.verdict == "consistent" and f.numbers["figures"] == 3
    falling = [*rising, claim("d", 650_000, as_of="2025-07-01", doc="w", claimant="Генштаб ЗСУ")]  # same claimant
    found = check_monotonic(falling)
    assert verdicts(found) == [("monotonic", "inconsistent", ("c", "d"))]
    # A figure "in 2025" is not ordered against one of June 2025.
    assert check_monotonic([claim("y", 500_000, as_of="2025"), claim("m", 1_000_000, as_of="2025-06")])[0].verdict \
        == "consistent"


def test_projection_compared_with_later_claims() -> None:
    proj = claim("p", 2_000_000, claimant="CSIS", as_of="2025-12", modality="projection", side="both")
    later = [claim("l1", 1_900_000, claimant="CSIS", as_of="2026-01-15", side="both"),
             claim("l2", 2_050_000, claimant="NATO", as_of="2026-02-01", side="both")]
    [f] = track_projections([proj, *later], today=date(2026, 6, 1))
    assert f.verdict == "consistent" and f.claims == ("p", "l1", "l2") and f.numbers["outcome"] == 1_975_000
    short = [claim("l3", 1_200_000, claimant="CSIS", as_of="2026-01-15", side="both")]
    [f] = track_projections([proj, *short], today=date(2026, 6, 1))
    assert f.verdict == "inconsistent" and "fell short" in f.explanation
    [f] = track_projections([proj, *later], today=date(2025, 11, 1))
    assert f.verdict == "unverifiable" and "not yet due" in f.explanation
    [f] = track_projections([proj], today=date(2026, 6, 1))
    assert f.verdict == "unverifiable" and "no later figure" in f.explanation


def test_check_all_filters_by_claimant_alias() -> None:
    cs = [claim("gs", 1_000_340), claim("cia", 30, claimant="US intelligence", category="killed", doc="q")]
    found = check_all(cs, [GS_SERIES], today=date(2026, 1, 1), claimant="General Staff of Ukraine's Armed Forces")
    assert found and all("gs" in f.claims for f in found)
