"""WARC reading and the pre-filter, on WARC files these tests write with warcio from generated news pages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import newsgen  # noqa: E402  (bench/newsgen.py: the generated pages)

from lossledger import extract_article  # noqa: E402
from lossledger.errors import ReadError  # noqa: E402
from lossledger.extract.prefilter import may_hold_claims  # noqa: E402
from lossledger.model import Article  # noqa: E402
from lossledger.read import read  # noqa: E402
from lossledger.read.warc import RawPage, page_article, warc_pages  # noqa: E402
from lossledger.scale.stages import Options, process  # noqa: E402


@pytest.fixture(scope="module")
def pages() -> list[newsgen.Page]:
    return newsgen.pages(60, seed=3, war_share=0.3)


@pytest.mark.parametrize("name", ["news.warc.gz", "news.warc"])
def test_reads_each_html_response_and_skips_the_other_records(tmp_path: Path, pages: list, name: str) -> None:
    path = tmp_path / name
    newsgen.write_warc(path, pages)  # with request, metadata, PDF and 404 records mixed in
    found = list(read(path))
    assert all(isinstance(a, Article) for a in found), [str(e) for e in found if isinstance(e, ReadError)]
    assert [a.url for a in found] == [p.url for p in pages]
    first = found[0]
    assert first.source == f"{path}@{first.source.rsplit('@', 1)[1]}" and first.doc
    paragraph = pages[0].html.split("<p>", 2)[2].split("</p>")[0]  # the first paragraph after the byline
    assert paragraph in first.text
    assert first.published == pages[0].url.split("/")[4] + "-" + "-".join(pages[0].url.split("/")[5:7])
    langs = {a.lang for a in found}
    assert langs <= {"en", "sv", "de", None} and "en" in langs


def test_a_damaged_record_is_one_line_naming_file_and_offset_and_the_rest_goes_on(tmp_path: Path,
                                                                                    pages: list) -> None:
    good = tmp_path / "good.warc.gz"
    newsgen.write_warc(good, pages[:6], extra=False)
    offsets = [int(p.source.rsplit("@", 1)[1]) for p in warc_pages(str(good))]
    data = bytearray(good.read_bytes())
    data[offsets[2] + 20:offsets[2] + 60] = b"\0" * 40  # inside the third record's gzip member
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data))
    found = list(read(bad))
    errors = [str(e) for e in found if isinstance(e, ReadError)]
    assert len(errors) == 1 and "\n" not in errors[0]
    assert errors[0].startswith(f"{bad}: record at offset {offsets[2]}: damaged record")
    assert [a.url for a in found if isinstance(a, Article)] == [p.url for i, p in enumerate(pages[:6]) if i != 2]


@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
def test_a_file_cut_inside_its_last_record_says_so_and_keeps_the_others(tmp_path: Path, pages: list,
                                                                        name: str) -> None:
    whole = tmp_path / f"whole-{name}"
    newsgen.write_warc(whole, pages[:5], extra=False)
    last = int([p.source for p in warc_pages(str(whole))][-1].rsplit("@", 1)[1])
    cut = tmp_path / name
    cut.write_bytes(whole.read_bytes()[:last + (whole.stat().st_size - last) // 2])  # half of the last record
    found = list(read(cut))
    errors = [str(e) for e in found if isinstance(e, ReadError)]
    assert len(errors) == 1 and errors[0].startswith(f"{cut}: record at offset {last}: truncated record (")
    assert [a.url for a in found if isinstance(a, Article)] == [p.url for p in pages[:4]]


def test_missing_and_empty_files_fail_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.warc").write_bytes(b"")
    assert [str(e) for e in read([tmp_path / "none.warc.gz", tmp_path / "empty.warc"])] == [
        f"{tmp_path / 'none.warc.gz'}: no such file or directory", f"{tmp_path / 'empty.warc'}: empty file"]


def test_a_folder_walk_reads_warc_files(tmp_path: Path, pages: list) -> None:
    newsgen.write_warc(tmp_path / "a.warc.gz", pages[:3])
    (tmp_path / "notes.gz").write_bytes(b"not an archive")
    assert len([a for a in read(tmp_path) if isinstance(a, Article)]) == 3


def test_prefilter_drops_no_page_the_extractor_finds_a_claim_in() -> None:
    """Every generated page dropped (before or after parsing) gives no claim when fully extracted."""
    sample = newsgen.pages(400, seed=11, war_share=0.1)
    dropped = before_parsing = 0
    for i, p in enumerate(sample):
        raw = RawPage(doc=str(i), data=p.html.encode(), url=p.url, source=f"gen@{i}")
        outcome = process(raw, Options())
        if outcome.status == "dropped":
            dropped += 1
            before_parsing += outcome.article is None
            assert extract_article(page_article(raw)) == [], p.url
        else:
            assert outcome.status == "extracted", outcome.error
        if p.war:
            assert outcome.status == "extracted", p.url
    assert dropped >= 0.4 * len(sample)  # selectivity on this text: see bench/scale.py for the measured share
    assert before_parsing >= 0.25 * len(sample)


@pytest.mark.parametrize(("text", "lang", "kept"), [
    ("Ukraine's General Staff said Russia had lost 400 tanks.", "en", True),
    ("The council met on Tuesday to discuss 12 new schools and roads.", "en", False),  # no loss word
    ("Russia's losses are heavy, the General Staff said.", "en", False),  # no number
    ("Enligt generalstaben har Ryssland förlorat 400 stridsvagnar.", "sv", True),
    ("Kommunen bygger 40 nya bostäder i Uppsala.", "sv", False),
])
def test_prefilter_on_text(text: str, lang: str, kept: bool) -> None:
    article = Article(doc="x", text=text, lang=lang)
    assert may_hold_claims(article) is kept
    if not kept:
        assert extract_article(article) == []
