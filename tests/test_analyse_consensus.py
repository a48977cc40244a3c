"""Claimant families, the consensus band and claimant bias on small hand-made data."""

from __future__ import annotations

from datetime import date

import pytest

from lossledger.analyse.consensus import band, bias
from lossledger.analyse.families import family_of
from lossledger.analyse.report import reconcile_report, render_text
from tests.test_analyse_checks import claim, daily


@pytest.mark.parametrize(("claimant", "family"), [
    ("Ukraine's General Staff", "ukrainian-government"),
    ("Генштаб ЗСУ", "ukrainian-government"),
    ("Zelensky", "ukrainian-government"),
    ("Russia's Defense Ministry", "russian-government"),
    ("a senior NATO official", "western-governments"),
    ("US intelligence", "western-governments"),
    ("CSIS", "think-tanks"),
    ("Mediazona and BBC Russian", "open-source-counts"),
    ("Oryx", "open-source-counts"),
    (None, "media-estimates"),
    ("Kyiv Independent analyst", "ukrainian-government"),  # a keyword, not a registry name
    ("Some Local Blogger", "other:some local blogger"),  # unknown: its own family
])
def test_family_of(claimant: str | None, family: str) -> None:
    assert family_of(claimant) == family


# Three families about Russian killed_or_wounded; the Ukrainian government speaks twice (two outlets relaying),
# and counts once. A hedged and a disputed figure are shown but kept out.
CLAIMS = [
    claim("gs1", 1_000_000, claimant="Ukraine's General Staff", as_of="2025-06-01", doc="a"),
    claim("gs2", 1_000_000, claimant="General Staff", as_of="2025-06-01", doc="b"),
    claim("zel", 1_100_000, claimant="Zelensky", as_of="2025-07-01", doc="c"),
    claim("nato1", 800_000, claimant="a senior NATO official", as_of="2025-05-01", doc="d"),
    claim("nato2", 900_000, claimant="a senior NATO official", as_of="2025-07-01", doc="e"),
    claim("csis", 600_000, claimant="CSIS", as_of="2025-06-01", doc="f"),
    claim("hedged", 2_000_000, claimant="CSIS", as_of="2025-06-01", doc="g", modality="hedged"),
    claim("denied", 300_000, claimant="Kremlin", as_of="2025-06-01", doc="h", stance="disputed"),
]


def test_band_one_figure_per_family_interpolated_in_time() -> None:
    b = band(CLAIMS, "russia", "killed_or_wounded", date(2025, 6, 1))
    figs = {f.family: f for f in b.figures}
    assert set(figs) == {"ukrainian-government", "western-governments", "think-tanks"}
    assert figs["ukrainian-government"].value == 1_000_000 and figs["ukrainian-government"].how == "stated"
    assert set(figs["ukrainian-government"].based_on) == {"gs1", "gs2"}
    nato = figs["western-governments"]  # 800k on 05-01 and 900k on 07-01: interpolated at 06-01
    assert nato.how == "interpolated" and nato.value == pytest.approx(800_000 + 100_000 * 31 / 61)
    assert (b.low, b.high) == (600_000, 1_000_000) and b.median == pytest.approx(nato.value)
    assert sorted(b.excluded) == [("denied", "disputed"), ("hedged", "hedged")]


def test_band_carries_a_recent_figure_and_drops_a_stale_one() -> None:
    b = band(CLAIMS, "russia", "losses", date(2025, 8, 1))  # losses go with killed_or_wounded
    figs = {f.family: f for f in b.figures}
    assert figs["think-tanks"].how == "carried" and figs["think-tanks"].age_days == 61
    assert {f.family for f in band(CLAIMS, "russia", "killed_or_wounded", date(2027, 1, 1)).figures} == set()
    assert band(CLAIMS, "russia", "killed_or_wounded", date(2025, 1, 1)).figures == []


def test_band_takes_a_family_series_and_lists_floors() -> None:
    gs = daily(date(2025, 6, 1), [1_050_000])
    floor = daily(date(2025, 5, 1), [100_000], name="mz", category="killed", kind="confirmed floor",
                  claimant="Mediazona")
    b = band(CLAIMS, "russia", "killed_or_wounded", date(2025, 6, 1), [gs, floor])
    ua = next(f for f in b.figures if f.family == "ukrainian-government")
    assert ua.value == 1_000_000 and "series:gs" in ua.based_on  # median of 1.0M, 1.0M, 1.05M
    assert b.floors == [("mz killed (2025-05-01)", 100_000)]
    assert all(f.family != "open-source-counts" for f in b.figures)  # a floor is not an estimate


def test_bias_against_the_other_families() -> None:
    found = {b.claimant: b for b in bias(CLAIMS, "russia", "killed_or_wounded")}
    csis = found["Center for Strategic and International Studies"]
    # On 06-01 the others are 1,000,000 (Ukraine) and ~850,820 (NATO): median ~925,410.
    assert csis.n == 1 and csis.ratio == pytest.approx(600_000 / ((1_000_000 + 850_819.67) / 2), rel=1e-4)
    gs = found["General Staff of the Armed Forces of Ukraine"]
    assert gs.n == 2 and gs.ratio > 1 and gs.low == gs.high
    assert "Kremlin" not in found  # its only figure is disputed


def test_reconcile_report_renders_plain_text() -> None:
    report = reconcile_report(CLAIMS, [], "russia", "killed_or_wounded", date(2025, 6, 1))
    text = render_text(report)
    assert "band 600,000 – 850,820 – 1,000,000" in text
    assert "Ukrainian government" in text and "hedged" in text and "disputed" in text
    d = report.to_dict()
    assert d["tables"][0]["rows"][0]["family"] in {"Think tanks", "Ukrainian government",
                                                   "Western governments and intelligence"}
