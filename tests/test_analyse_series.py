"""Reference series: importers from files and from a real HTTP server on 127.0.0.1; problems reported, not fixed."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from lossledger.analyse.importers import import_csv, import_general_staff, import_mediazona, import_oryx
from lossledger.analyse.series import Series, SeriesError
from lossledger.analyse.sources import load_text

# Four days of General Staff data in the public dataset's CSV form, with every kind of trouble:
# 03-03 missing (gap), tanks fall on 03-05 (correction), a bad cell on 03-06, a row with no date.
PERSONNEL = """date,day,personnel,personnel_qualifier,pow
2022-03-01,6,5710,about,200
2022-03-02,7,5840,about,200
2022-03-04,9,9166,about,200
2022-03-05,10,10000,about,216
2022-03-06,11,eleven thousand,about,232
yesterday,12,11000,about,259
"""
EQUIPMENT = """date,day,tanks,armored_vehicles,military_auto,fuel_tanks
2022-03-01,6,198,846,305,60
2022-03-02,7,211,862,355,60
2022-03-04,9,251,939,404,60
2022-03-05,10,249,945,409,60
2022-03-06,11,285,985,447,60
"""
# The upstream JSON form of the same dataset (keys as in russia_losses_equipment.json).
EQUIPMENT_JSON = [
    {"date": "2022-05-01", "day": 67, "tank": 1000, "APC": 2500, "vehicles and fuel tanks": 1796},
    {"date": "2022-05-02", "day": 68, "tank": 1002, "APC": 2520, "vehicles and fuel tanks": 1800},
    {"date": "2022-05-03", "day": 70, "tank": 1010, "APC": 2540, "vehicles and fuel tanks": 1810},
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving a directory of dataset files; yields its base URL."""
    root = tmp_path_factory.mktemp("www")
    (root / "personnel.csv").write_text(PERSONNEL, encoding="utf-8")
    (root / "equipment.csv").write_text(EQUIPMENT, encoding="utf-8")
    (root / "russia_losses_equipment.json").write_text(json.dumps(EQUIPMENT_JSON), encoding="utf-8")
    (root / "big.csv").write_text("date,value\n" + "2024-01-01,1\n" * 20000, encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    thread.join(5)


def _by_cat(series: list[Series]) -> dict[str, Series]:
    return {s.category: s for s in series}


def test_general_staff_over_http_reports_gap_correction_and_malformed_rows(server: str) -> None:
    got = _by_cat(import_general_staff([f"{server}/personnel.csv", f"{server}/equipment.csv"]))
    kow, tanks = got["killed_or_wounded"], got["tanks"]
    assert kow.kind == "official claim" and kow.side == "russia"
    assert kow.points[date(2022, 3, 5)] == 10000
    assert date(2022, 3, 6) not in kow.points  # the bad cell is skipped, not guessed
    kinds = [(p.kind, p.date) for p in kow.problems]
    assert ("malformed", "2022-03-06") in kinds  # "eleven thousand"
    assert any(k == "malformed" and "no date" in p.message for p, (k, _) in zip(kow.problems, kinds, strict=True))
    assert ("gap", "2022-03-04") in kinds  # 03-03 missing
    corrections = [p for p in tanks.problems if p.kind == "correction"]
    assert [p.date for p in corrections] == ["2022-03-05"] and "251" in corrections[0].message
    assert tanks.points[date(2022, 3, 5)] == 249  # the fall is kept as published
    assert got["vehicles"].points[date(2022, 3, 1)] == 365  # military auto + fuel tanks


def test_general_staff_upstream_json_and_day_number_check(server: str) -> None:
    got = _by_cat(import_general_staff([f"{server}/russia_losses_equipment.json"]))
    assert got["armored_vehicles"].points[date(2022, 5, 2)] == 2520
    assert got["vehicles"].points[date(2022, 5, 3)] == 1810
    bad_day = [p for p in got["tanks"].problems if "day number" in p.message]
    assert [p.date for p in bad_day] == ["2022-05-03"]  # day 70 on a date that is day 69


def test_general_staff_from_a_directory_equals_over_http(server: str, tmp_path: Path) -> None:
    (tmp_path / "personnel.csv").write_text(PERSONNEL, encoding="utf-8")
    (tmp_path / "equipment.csv").write_text(EQUIPMENT, encoding="utf-8")
    local = _by_cat(import_general_staff([str(tmp_path)]))
    remote = _by_cat(import_general_staff([f"{server}/personnel.csv", f"{server}/equipment.csv"]))
    assert local.keys() == remote.keys()
    assert all(local[c].points == remote[c].points for c in local)


def test_shipped_snapshot_offline_matches_the_published_2025_06_12_figures() -> None:
    got = _by_cat(import_general_staff())
    assert set(got) >= {"killed_or_wounded", "tanks", "armored_vehicles", "artillery", "mlrs", "air_defense",
                        "aircraft", "helicopters", "drones", "cruise_missiles", "ships", "submarines", "vehicles",
                        "special_equipment"}
    day = date(2025, 6, 12)
    assert got["killed_or_wounded"].value_at(day).value == 1_000_340
    assert got["tanks"].points[day] == 10_933 and got["drones"].points[day] == 40_435
    assert "MIT" in got["tanks"].source and "37655f8bbdd6" in got["tanks"].source
    # The README's corrections are found, e.g. special equipment 3,700 → 3,617 on 2024-11-30.
    assert any(p.kind == "correction" and p.date == "2024-11-30" for p in got["special_equipment"].problems)
    assert not [p for p in got["killed_or_wounded"].problems]  # personnel never falls, no gaps


def test_lookups_exact_interpolated_and_latest_before() -> None:
    s = Series("t", "russia", "tanks", "estimate", "test", {date(2024, 1, 1): 100, date(2024, 1, 11): 200})
    exact = s.value_at(date(2024, 1, 1))
    assert exact.value == 100 and exact.exact and not exact.interpolated
    mid = s.value_at(date(2024, 1, 6))
    assert mid.value == 150 and mid.interpolated and mid.before == (date(2024, 1, 1), 100)
    assert s.value_at(date(2024, 1, 6), interpolate=False) is None
    assert s.value_at(date(2023, 12, 31)) is None and s.value_at(date(2024, 2, 1)) is None
    assert s.latest_before(date(2024, 1, 10)) == (date(2024, 1, 1), 100)
    assert s.latest_before(date(2024, 1, 11), inclusive=False) == (date(2024, 1, 1), 100)
    assert s.latest_before(date(2023, 1, 1)) is None
    assert Series.from_dict(s.to_dict()) == s


def test_generic_csv_columns_duplicates_and_kind(tmp_path: Path) -> None:
    path = tmp_path / "est.csv"
    path.write_text("# a comment line\nwhen,deaths\n2024-01-31,10\n2024-02-29,20\n2024-02-29,25\n"
                    "2024-03-31,-3\n2024-05-31,40\n2024-06-30,45,extra\n", encoding="utf-8")
    [s] = import_csv(str(path), name="est", side="ukraine", category="killed", date_col="when", value_col="deaths",
                     kind="estimate")
    assert s.points == {date(2024, 1, 31): 10, date(2024, 2, 29): 20, date(2024, 5, 31): 40, date(2024, 6, 30): 45}
    kinds = sorted({p.kind for p in s.problems})
    assert kinds == ["duplicate", "gap", "malformed"]  # 25 vs 20; April missing; -3 and the extra cell
    assert [p.line for p in s.problems if p.kind == "malformed"] == [8, 6]  # line numbers of the file
    with pytest.raises(SeriesError, match="no column 'value'"):
        import_csv(str(path), name="est", side="ukraine", category="killed", date_col="when")


def test_oryx_wide_and_mediazona_lag(tmp_path: Path) -> None:
    wide = tmp_path / "russia_totals_wide.csv"
    wide.write_text("date,tanks,infantry_fighting_vehicles,mrap,uav_all_pre_2022_11,recon_uav,ucav\n"
                    "2022-11-10,1400,1500,10,100,,\n2022-11-20,1390,1510,12,,80,30\n", encoding="utf-8")
    got = _by_cat(import_oryx(str(wide)))
    assert got["tanks"].kind == "confirmed floor" and got["tanks"].side == "russia"
    assert got["armored_vehicles"].points[date(2022, 11, 20)] == 1522
    assert got["drones"].points[date(2022, 11, 20)] == 110  # recon + combat UAVs after the split
    assert [p.kind for p in got["tanks"].problems] == ["gap", "correction"]  # 10 days > 7; 1400 → 1390
    mz = tmp_path / "deaths_by_date_of_death.csv"
    mz.write_text("date,deaths,cumulative_deaths\n2026-01-01,5,100\n2026-01-02,3,103\n2026-01-03,0,103\n",
                  encoding="utf-8")
    [s] = import_mediazona(str(mz))
    assert s.name == "mediazona-by-death-date" and s.kind == "confirmed floor" and s.category == "killed"
    assert [p.kind for p in s.problems] == ["lag"] and "incomplete" in s.problems[0].message


def test_http_errors_and_size_cap(server: str) -> None:
    with pytest.raises(SeriesError, match="HTTP 404"):
        import_general_staff([f"{server}/missing.csv"])
    with pytest.raises(SeriesError, match="larger than"):
        load_text(f"{server}/big.csv", max_bytes=1000)
    with pytest.raises(SeriesError, match="larger than"):
        load_text(str(Path(__file__)), max_bytes=10)
    with pytest.raises(SeriesError, match="not General Staff data"):
        import_general_staff([f"{server}/big.csv"])
