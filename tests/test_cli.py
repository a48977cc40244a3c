"""CLI tests: the real `python -m lossledger` in a subprocess, on files written for each test."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import lossledger
from lossledger.cli import cli, format_number
from lossledger.model import Claim, Evidence

ENGLISH = "The mayor said on Wednesday that a drone struck a warehouse near the railway station overnight."
TANKS = ("Ukraine's General Staff said on Thursday that Russia has lost 10,933 tanks since the start of the "
         "invasion.")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI; no command may ever print a traceback."""
    proc = subprocess.run([sys.executable, "-m", "lossledger", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def jsonl(stdout: str) -> list[dict]:
    rows = [json.loads(line) for line in stdout.splitlines()]
    assert all(isinstance(r, dict) for r in rows)
    return rows


def err_lines(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return proc.stderr.splitlines()


@pytest.fixture
def good(tmp_path: Path) -> Path:
    p = tmp_path / "good.txt"
    p.write_text(ENGLISH + "\n", encoding="utf-8")
    return p


# --- extract ----------------------------------------------------------------------------------

def test_help_lists_commands() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    for command in ("extract", "evaluate", "langs"):
        assert command in proc.stdout


def test_extract_good_file_exits_0_with_valid_jsonl(good: Path) -> None:
    proc = run("extract", str(good))
    assert (proc.returncode, proc.stderr) == (0, "")
    jsonl(proc.stdout)


def test_each_failed_input_is_one_stderr_line_and_exit_1(tmp_path: Path, good: Path) -> None:
    (tmp_path / "blank.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    missing = tmp_path / "absent.txt"
    proc = run("extract", str(tmp_path / "blank.txt"), str(good), str(tmp_path / "blob.txt"), str(missing))
    assert proc.returncode == 1
    assert err_lines(proc) == [
        f"lossledger: {tmp_path / 'blank.txt'}: empty file",
        f"lossledger: {tmp_path / 'blob.txt'}: binary file, not text",
        f"lossledger: {missing}: no such file or directory",
    ]
    jsonl(proc.stdout)


def test_malformed_jsonl_line_is_reported_and_others_go_on(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a", "text": ENGLISH}),
        "{broken",
        json.dumps({"id": "c", "html": f"<html><body><p>{ENGLISH}</p></body></html>"}),
        json.dumps({"id": "d", "text": ENGLISH, "published": "not a date"}),
    ]), encoding="utf-8")
    proc = run("extract", str(p))
    assert proc.returncode == 1
    assert len(err_lines(proc)) == 1
    assert err_lines(proc)[0].startswith(f"lossledger: {p}:2: not JSON")


def test_directory_of_mixed_files(tmp_path: Path) -> None:
    d = tmp_path / "inbox"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (d / "sub" / "b.html").write_text(f"<html><body><article><p>{ENGLISH}</p></article></body></html>")
    (d / "sub" / "c.jsonl").write_text(json.dumps({"id": "c1", "text": ENGLISH}) + "\n")
    (d / "sub" / "readme.md").write_text("not an article")
    (d / "z.txt").write_bytes("Мэр сообщил о двух пострадавших.".encode("cp1251"))
    (d / "zz.txt").write_bytes(b"")
    proc = run("extract", str(d))
    assert proc.returncode == 1
    assert err_lines(proc) == [f"lossledger: {d / 'zz.txt'}: empty file"]
    jsonl(proc.stdout)


def test_all_good_directory_exits_0(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ENGLISH)
    (tmp_path / "two.htm").write_text(f"<html><body><p>{ENGLISH}</p></body></html>")
    proc = run("extract", str(tmp_path))
    assert (proc.returncode, proc.stderr) == (0, "")


def test_max_size_option(tmp_path: Path, good: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text((ENGLISH + "\n") * 100, encoding="utf-8")
    proc = run("extract", "--max-size", "0.001", str(big), str(good))
    assert proc.returncode == 1
    (line,) = err_lines(proc)
    assert line.startswith(f"lossledger: {big}: file too large (") and line.endswith(" MB > 0.001 MB)")


@pytest.mark.parametrize("value", ["0", "-1", "lots"])
def test_bad_max_size_is_a_usage_error(good: Path, value: str) -> None:
    proc = run("extract", "--max-size", value, str(good))
    assert proc.returncode == 2 and "--max-size" in proc.stderr


def test_hostile_html(tmp_path: Path) -> None:
    p = tmp_path / "hostile.html"
    p.write_text('<html><head><script>alert("x")</script></head><body>'
                 f'<p title="{"Q" * 11_000_000}">{ENGLISH}</p><script>while(1){{}}</script>',
                 encoding="utf-8")
    proc = run("extract", "--format", "table", str(p))
    assert (proc.returncode, proc.stderr) == (0, "")


@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "2024-02-30", "2024-05-14T10:00"])
def test_bad_published_is_a_usage_error(good: Path, value: str) -> None:
    proc = run("extract", "--published", value, str(good))
    assert proc.returncode == 2
    assert "Invalid value for '--published'" in proc.stderr


def test_published_lang_and_table_options(good: Path) -> None:
    proc = run("extract", "--published", "2024-05-15", "--lang", "auto", "--format", "table", str(good))
    assert (proc.returncode, proc.stderr) == (0, "")
    for column in ("doc", "number", "category", "side", "claimant", "as_of", "evidence"):
        assert column in proc.stdout


def test_unknown_lang_is_a_usage_error(good: Path) -> None:
    proc = run("extract", "--lang", "qq", str(good))
    assert proc.returncode == 2 and "no such language pack" in proc.stderr


def test_no_inputs_is_a_usage_error() -> None:
    proc = run("extract")
    assert proc.returncode == 2


def test_extracts_a_tanks_claim(tmp_path: Path) -> None:
    p = tmp_path / "tanks.txt"
    p.write_text(TANKS + "\n", encoding="utf-8")
    proc = run("extract", str(p))
    assert proc.returncode == 0
    rows = jsonl(proc.stdout)
    assert any(r["category"] == "tanks" and r["value"] == 10933 and r["doc"] == "tanks" for r in rows)


# --- the extractor seam: output and per-document failures, whatever the real extractor finds ---

def _claim(doc: str, **kw) -> Claim:
    base = dict(doc=doc, side="russia", population="military", category="tanks", metric="count", value=10933,
                low=10933, high=10933, qualifier="exact", claimant="Ukraine's General Staff",
                as_of="2024-05-16", evidence=Evidence(text=TANKS, start=0, end=len(TANKS)))
    base.update(kw)
    return Claim(**base)


def test_claims_are_written_and_extractor_failures_reported(tmp_path: Path, monkeypatch) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(ENGLISH)

    def fake(article):
        if article.doc == "b":
            raise ValueError("boom\nsecond line")
        return [_claim(article.doc, as_of=article.published)]

    def fake_markup(article):
        markup = Evidence(text="It lost [bold]10,933[/] tanks.", start=0, end=30)
        return [_claim(article.doc, evidence=markup)]

    monkeypatch.setattr(lossledger, "extract_article", fake)
    result = CliRunner().invoke(cli, ["extract", "--published", "2024-05-16", str(tmp_path)])
    assert result.exit_code == 1
    rows = jsonl(result.stdout)
    assert [(r["doc"], r["value"], r["as_of"]) for r in rows] == [("a", 10933, "2024-05-16"),
                                                                ("c", 10933, "2024-05-16")]
    assert result.stderr.splitlines() == [
        f"lossledger: {tmp_path / 'b.txt'}: extraction failed: ValueError: boom second line"]

    result = CliRunner().invoke(cli, ["extract", "--format", "table", str(tmp_path / "a.txt")])
    assert result.exit_code == 0
    assert "10,933" in result.stdout and "Ukraine's" in result.stdout and "…" in result.stdout

    monkeypatch.setattr(lossledger, "extract_article", fake_markup)
    wide = CliRunner(env={"COLUMNS": "200"})
    result = wide.invoke(cli, ["extract", "--format", "table", str(tmp_path / "a.txt")])
    assert result.exit_code == 0 and "It lost [bold]10,933[/] tanks." in result.stdout


@pytest.mark.parametrize(("kw", "shown"), [
    ({}, "10,933"),
    ({"qualifier": "at_least", "value": 700000, "low": 700000, "high": None}, "≥700,000"),
    ({"qualifier": "at_most", "value": 325000, "low": None, "high": 325000}, "≤325,000"),
    ({"qualifier": "approx", "value": 1.2e6, "low": 1.2e6, "high": 1.2e6}, "~1,200,000"),
    ({"qualifier": "range", "value": None, "low": 500000, "high": 600000}, "500,000–600,000"),
    ({"qualifier": "vague", "value": None, "low": 10000, "high": 99999}, "~10,000–99,999"),
    ({"metric": "per_day", "value": 693.5, "low": 693.5, "high": 693.5}, "693.5/day"),
])
def test_format_number(kw: dict, shown: str) -> None:
    assert format_number(_claim("x", **kw)) == shown


# --- evaluate and langs -----------------------------------------------------------------------

def test_evaluate_bad_gold_is_a_usage_error(tmp_path: Path, good: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "good", "category": "tanks"}\n[1, 2]\n')
    proc = run("evaluate", str(gold), str(good))
    assert proc.returncode == 2 and f"{gold}:2: not a JSON object" in proc.stderr
    proc = run("evaluate", str(tmp_path / "none.jsonl"), str(good))
    assert proc.returncode == 2 and "no such file or directory" in proc.stderr


def test_evaluate_reports_and_flags_failed_inputs(tmp_path: Path, good: Path) -> None:
    evaluate = pytest.importorskip("lossledger.evaluate")
    if not hasattr(evaluate, "format_report"):
        pytest.skip("lossledger.evaluate.format_report not written yet")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "good", "no_claims": True}) + "\n")
    proc = run("evaluate", str(gold), str(good), "--show-errors", "--prefix", "go,x-")
    assert proc.returncode == 0 and proc.stdout.strip()
    proc = run("evaluate", str(gold), str(good), str(tmp_path / "gone.txt"))
    assert proc.returncode == 1
    assert err_lines(proc) == [f"lossledger: {tmp_path / 'gone.txt'}: no such file or directory"]


def test_langs_lists_pack_codes() -> None:
    from lossledger.lang import languages

    proc = run("langs")
    codes = [line.split("\t")[0] for line in proc.stdout.splitlines()]
    assert set(codes) <= set(languages())
    assert len(codes) + len(err_lines(proc)) == len(languages())
    assert proc.returncode == (1 if proc.stderr else 0)


# --- start-up cost and size limits ------------------------------------------------------------

def test_help_and_txt_extraction_do_not_import_heavy_libraries(good: Path) -> None:
    code = (
        "import sys\nfrom lossledger.cli import cli\n"
        "try:\n    cli(['extract', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
        "heavy = ('trafilatura', 'htmldate', 'charset_normalizer', 'rich')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(good)], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip().splitlines()[-1] == "[]", proc.stderr


@pytest.mark.slow
def test_real_100_mb_file_is_refused_and_the_next_file_read(tmp_path: Path, good: Path, monkeypatch) -> None:
    big = tmp_path / "huge.txt"
    chunk = (ENGLISH + "\n").encode() * 10_000
    with big.open("wb") as fh:
        while fh.tell() < 100 * 1024 * 1024:
            fh.write(chunk[: 100 * 1024 * 1024 - fh.tell()])
    assert big.stat().st_size == 100 * 1024 * 1024
    proc = run("extract", str(big), str(good))
    assert proc.returncode == 1
    assert err_lines(proc) == [f"lossledger: {big}: file too large (100 MB > 20 MB)"]
    jsonl(proc.stdout)
    # the good file after it is still read and extracted (seen through the extractor seam)
    seen: list[str] = []
    monkeypatch.setattr(lossledger, "extract_article", lambda article: seen.append(article.doc) or [])
    result = CliRunner().invoke(cli, ["extract", str(big), str(good)])
    assert result.exit_code == 1 and seen == ["good"]
