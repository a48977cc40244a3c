"""Importers for the public loss series (General Staff, Oryx, Mediazona/BBC) and for any dated CSV."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import httpx

from lossledger.analyse.series import KINDS, Kind, Problem, Series, SeriesError, audit
from lossledger.analyse.sources import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, is_url, load_text
from lossledger.analyse.tables import Getter, Row, collect, columns, first_of, parse_rows, sum_present

GENERAL_STAFF = "General Staff of the Armed Forces of Ukraine"
SNAPSHOT = "lossledger/data/general_staff.csv"

# Column names of the three forms of the General Staff data: the shipped snapshot and the shared CSVs use the
# spec's names; the upstream JSON uses its own. "vehicles" was reported as military auto + fuel tank until
# 2022-04-30 (the upstream README says the joint category is their sum).
_GS_GETTERS: dict[str, Getter] = {
    "killed_or_wounded": first_of("personnel"),
    "captured": first_of("pow", "POW"),
    "tanks": first_of("tanks", "tank"),
    "armored_vehicles": first_of("armored_vehicles", "APC"),
    "artillery": first_of("artillery", "field artillery"),
    "mlrs": first_of("mlrs", "MRL"),
    "air_defense": first_of("air_defense", "anti-aircraft warfare"),
    "aircraft": first_of("aircraft"),
    "helicopters": first_of("helicopters", "helicopter"),
    "drones": first_of("drones", "drone"),
    "cruise_missiles": first_of("cruise_missiles", "cruise missiles"),
    "ships": first_of("ships", "naval ship"),
    "submarines": first_of("submarines"),
    "vehicles": first_of("vehicles", "vehicles and fuel tanks", ("military auto", "fuel tank"),
                         ("military_auto", "fuel_tanks")),
    "special_equipment": first_of("special_equipment", "special equipment"),
}
_GS_FILES = ("personnel.csv", "equipment.csv", "russia_losses_personnel.json", "russia_losses_equipment.json")
_WAR_DAY_0 = date(2022, 2, 23)  # the General Staff's day number is (date − 2022-02-23)

# Oryx columns (the harmonised wide files) summed into spec categories. Oryx is a floor, so each category takes
# only what is surely in the General Staff category of the same name (no engineering vehicles, no mortars).
_ORYX_GETTERS: dict[str, Getter] = {
    "tanks": sum_present("tanks"),
    "armored_vehicles": sum_present("armoured_fighting_vehicles", "infantry_fighting_vehicles",
                                    "armoured_personnel_carriers", "mrap"),
    "artillery": sum_present("towed_artillery", "self_propelled_artillery"),
    "mlrs": sum_present("mlrs"),
    "air_defense": sum_present("surface_to_air_missile_systems", "self_propelled_anti_aircraft_guns",
                               "anti_aircraft_guns"),
    "aircraft": sum_present("aircraft"),
    "helicopters": sum_present("helicopters"),
    "drones": sum_present("uav_all_pre_2022_11", "recon_uav", "ucav"),
    "ships": sum_present("naval_ships"),
    "vehicles": sum_present("trucks_vehicles_jeeps"),
}
# Oryx section headings (long format) → the wide column names above; compared lower-case, letters only.
_ORYX_HEADINGS = {
    "tanks": "tanks", "armouredfightingvehicles": "armoured_fighting_vehicles",
    "infantryfightingvehicles": "infantry_fighting_vehicles",
    "armouredpersonnelcarriers": "armoured_personnel_carriers", "mineresistantambushprotected": "mrap",
    "towedartillery": "towed_artillery", "selfpropelledartillery": "self_propelled_artillery",
    "multiplerocketlaunchers": "mlrs", "rocketandmissileartillery": "mlrs",
    "surfacetoairmissilesystems": "surface_to_air_missile_systems",
    "selfpropelledantiaircraftguns": "self_propelled_anti_aircraft_guns", "antiaircraftguns": "anti_aircraft_guns",
    "aircraft": "aircraft", "helicopters": "helicopters", "unmannedaerialvehicles": "uav_all_pre_2022_11",
    "reconnaissanceunmannedaerialvehicles": "recon_uav", "unmannedcombataerialvehicles": "ucav",
    "navalships": "naval_ships", "navalshipsandsubmarines": "naval_ships",
}
ORYX_GAP_DAYS = 7  # Oryx dates are scrape dates; the dataset README lists gaps longer than 7 days
MEDIAZONA_GAP_DAYS = 3  # the dataset README lists scraping gaps of more than 3 days
MEDIAZONA_LAG_DAYS = 30  # the date-of-death series is back-filled; its last weeks are always incomplete


def import_general_staff(sources: Sequence[str] = (), *, max_bytes: int = DEFAULT_MAX_BYTES,
                         timeout: float = DEFAULT_TIMEOUT, transport: httpx.BaseTransport | None = None,
                         ) -> list[Series]:
    """Return the General Staff series of Russian losses (personnel as killed_or_wounded, POW, 13 equipment).

    Args:
        sources: files, directories (holding personnel.csv / equipment.csv or the upstream JSON files) or
            http(s) URLs, in the format of the public dataset; merged by category. None: the shipped snapshot.
    """
    if not sources:
        text = resources.files("lossledger").joinpath("data", "general_staff.csv").read_text(encoding="utf-8")
        return _general_staff([(SNAPSHOT + " (" + _snapshot_origin(text) + ")", text)])
    texts = [(src, load_text(src, max_bytes=max_bytes, timeout=timeout, transport=transport))
             for src in _expand(sources, _GS_FILES)]
    return _general_staff(texts)


def _snapshot_origin(text: str) -> str:
    commit = re.search(r"commit ([0-9a-f]{40})", text)
    return f"PetroIvaniuk/2022-Ukraine-Russia-War-Dataset@{commit.group(1)[:12] if commit else '?'}, MIT"


def _expand(sources: Sequence[str], names: Sequence[str]) -> list[str]:
    out = []
    for src in sources:
        if not is_url(src) and Path(src).is_dir():
            found = [os.path.join(src, n) for n in names if Path(src, n).is_file()]
            if not found:
                raise SeriesError(f"{src}: directory holds none of {', '.join(names)}")
            out += found
        else:
            out.append(src)
    return out


def _gs_day(when: date, cells: dict[str, Any]) -> str | None:
    day = cells.get("day")
    if day in (None, ""):
        return None
    expected = (when - _WAR_DAY_0).days
    try:
        ok = int(day) == expected
    except (TypeError, ValueError):
        return f"day {day!r} is not a number"
    return None if ok else f"day number {day} does not match the date {when} (day {expected})"


def _general_staff(texts: list[tuple[str, str]]) -> list[Series]:
    merged: dict[str, Series] = {}
    for src, text in texts:
        rows = parse_rows(text, src)
        found, row_problems = collect(rows, "date", _GS_GETTERS, _gs_day)
        if "date" not in columns(rows) or not any(got.points for got in found.values()):
            raise SeriesError(f"{src}: not General Staff data (no date and loss columns with values)")
        for cat, got in found.items():
            if not got.points:
                continue
            s = merged.get(cat)
            if s is None:
                merged[cat] = Series("general-staff", "russia", cat, "official claim", src, got.points,
                                     row_problems + got.problems, claimant=GENERAL_STAFF)
                continue
            for when, value in got.points.items():
                if when in s.points and s.points[when] != value:
                    s.problems.append(Problem("duplicate", f"{when}: {s.points[when]:g} (kept) vs {value:g} in {src}",
                                              when.isoformat()))
                s.points.setdefault(when, value)
            s.problems += [p for p in row_problems + got.problems if p not in s.problems]
            s.source += " + " + src
    out = []
    for s in merged.values():
        out.append(_finish(s, max_step=1))
    return sorted(out, key=lambda s: s.category)


def _finish(s: Series, max_step: int | None) -> Series:
    """Sort the points and append the gaps and corrections found in them."""
    s.points = dict(sorted(s.points.items()))
    s.problems += audit(s.points, cumulative=s.cumulative, max_step=max_step)
    return s


def import_oryx(source: str, *, side: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                timeout: float = DEFAULT_TIMEOUT, transport: httpx.BaseTransport | None = None) -> list[Series]:
    """Return Oryx's visually confirmed equipment losses as confirmed-floor series, one per side and category.

    Args:
        source: `russia_totals_wide.csv` / `ukraine_totals_wide.csv` (side from `side` or the file name), or the
            long `totals_by_type_history.csv` (both sides), as a path or http(s) URL.
        side: the side of a wide file, when its name does not say.
    """
    text = load_text(source, max_bytes=max_bytes, timeout=timeout, transport=transport)
    rows = parse_rows(text, source)
    present = columns(rows)
    if {"country", "equipment_type", "type_total"} <= present:
        by_side = _oryx_long(rows)
    else:
        side = side or next((s for s in ("russia", "ukraine") if s in source.lower()), None)
        if side is None:
            raise SeriesError(f"{source}: which side's losses? give --side (russia or ukraine)")
        by_side = {side: rows}
    if "date" not in present:
        raise SeriesError(f"{source}: not Oryx data (no date column)")
    out = []
    for who, side_rows in sorted(by_side.items()):
        found, row_problems = collect(side_rows, "date", _ORYX_GETTERS)
        for cat, got in found.items():
            if got.points:
                s = Series("oryx", who, cat, "confirmed floor", source, got.points, row_problems + got.problems,
                           claimant="Oryx", note="visually confirmed losses only (photo/video); a lower bound; "
                           "dates are scrape dates; Oryx moves items between categories, so totals can fall")
                out.append(_finish(s, ORYX_GAP_DAYS))
    if not out:
        raise SeriesError(f"{source}: no Oryx category with values")
    return out


def _oryx_long(rows: list[Row]) -> dict[str, list[Row]]:
    """Pivot the long history (one row per date, country, heading) into wide rows per side."""
    wide: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}
    for line, cells in rows:
        heading = re.sub(r"[^a-z]", "", str(cells.get("equipment_type", "")).split(" - ")[0].lower())
        col = "trucks_vehicles_jeeps" if heading.startswith("trucksvehicles") else _ORYX_HEADINGS.get(heading)
        side = str(cells.get("country", "")).strip().lower()
        key = (side, str(cells.get("date", "")))
        entry = wide.setdefault(key, (line, {"date": cells.get("date")}))
        if col:
            entry[1][col] = cells.get("type_total")
    by_side: dict[str, list[Row]] = {}
    for (side, _), row in sorted(wide.items(), key=lambda kv: kv[1][0]):
        by_side.setdefault(side or "unknown", []).append(row)
    return by_side


def import_mediazona(source: str, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT,
                     transport: httpx.BaseTransport | None = None) -> list[Series]:
    """Return Mediazona/BBC's count of named Russian military deaths as a confirmed-floor series of `killed`.

    `headline_totals_by_scrape_date.csv` gives the published headline count by date (series `mediazona`);
    `deaths_by_date_of_death.csv` gives named deaths by date of death (series `mediazona-by-death-date`),
    whose last weeks are incomplete (reported as a `lag` problem).
    """
    text = load_text(source, max_bytes=max_bytes, timeout=timeout, transport=transport)
    rows = parse_rows(text, source)
    present = columns(rows)
    floor_note = "named, individually confirmed deaths only; the compilers estimate about half of actual deaths"
    if "confirmed_deaths_total" in present:
        found, row_problems = collect(rows, "scrape_date", {"killed": first_of("confirmed_deaths_total")})
        s = Series("mediazona", "russia", "killed", "confirmed floor", source, found["killed"].points,
                   row_problems + found["killed"].problems, claimant="Mediazona",
                   note=floor_note + "; published about every two weeks, so the value is the last count "
                   "published by that date and runs weeks behind the deaths it counts")
        return [_finish(s, MEDIAZONA_GAP_DAYS)]
    total = next((c for c in ("cumulative_deaths", "total") if c in present), None)
    if total is None or "date" not in present:
        raise SeriesError(f"{source}: not Mediazona data (no confirmed_deaths_total or date/cumulative_deaths)")
    found, row_problems = collect(rows, "date", {"killed": first_of(total)})
    s = Series("mediazona-by-death-date", "russia", "killed", "confirmed floor", source, found["killed"].points,
               row_problems + found["killed"].problems, claimant="Mediazona",
               note=floor_note + "; by date of death, back-filled as names are found: recent weeks are incomplete")
    s = _finish(s, 1)
    if s.last is not None:
        since = date.fromordinal(s.last.toordinal() - MEDIAZONA_LAG_DAYS)
        flat = sum(1 for v in s.points.values() if v == s.points[s.last]) - 1
        s.problems.append(Problem("lag", f"reporting lag: values after {since} are incomplete (back-filled as "
                                  f"names are found); the last {flat} day(s) add no death", since.isoformat()))
    return [s]


def import_csv(source: str, *, name: str, side: str, category: str, date_col: str = "date",
               value_col: str = "value", kind: Kind = "estimate", claimant: str | None = None,
               cumulative: bool = True, max_step: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               timeout: float = DEFAULT_TIMEOUT, transport: httpx.BaseTransport | None = None) -> list[Series]:
    """Return one series read from any CSV (or JSON array) with a date column and a value column.

    Args:
        max_step: the longest expected distance between dates in days (default 1.5 × the median distance).
    """
    if kind not in KINDS:
        raise SeriesError(f"kind must be one of {', '.join(KINDS)}")
    text = load_text(source, max_bytes=max_bytes, timeout=timeout, transport=transport)
    rows = parse_rows(text, source)
    present = columns(rows)
    missing = [c for c in (date_col, value_col) if c not in present]
    if missing:
        raise SeriesError(f"{source}: no column {', '.join(map(repr, missing))} (have: {', '.join(sorted(present))})")
    found, row_problems = collect(rows, date_col, {category: first_of(value_col)})
    got = found[category]
    if not got.points:
        raise SeriesError(f"{source}: no row with a date and a value")
    s = Series(name, side, category, kind, source, got.points, row_problems + got.problems, claimant=claimant,
               cumulative=cumulative)
    return [_finish(s, max_step)]
