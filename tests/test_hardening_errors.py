"""Issue 17, item 2: an error inside one document is a warning naming it, the rest goes on (exit 1, also with
--jobs 2); the normalisers do not raise on absurd input, and what they give is valid ISO 8601 / TIMEX."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from typer.testing import CliRunner

import factx
from factx.cli import app
from factx.engine import FactxWarning
from factx import dates, money
from factx.money import parse as money_parse
from factx.dates.validity import is_valid

from .conftest import check_mention, read_jsonl

GOOD = "Pada 15 Desember 2025, PT Pertamina meneken kontrak senilai Rp 1,5 triliun di Jakarta."


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_document_that_raises_is_skipped_with_its_file_and_line(boom_nlp, tmp_path, jobs):
    corpus = tmp_path / "corpus.jsonl"
    lines = [{"id": "a", "text": GOOD}, {"id": "b", "text": "BOOM " + GOOD}, {"id": "c", "text": GOOD}]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    text = tmp_path / "boom.txt"
    text.write_text("BOOM", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(corpus), str(text), "-f", "jsonl", "--jobs", jobs])
    assert result.exit_code == 1
    assert f"warning: {corpus}:2 (document {corpus}:b): RuntimeError: boom in a component; document skipped" in (
        result.stderr)
    assert f"warning: {text}: RuntimeError: boom in a component; document skipped" in result.stderr
    assert "Traceback" not in result.stderr
    records = read_jsonl(result.stdout)
    assert {r["doc"] for r in records} == {f"{corpus}:a", f"{corpus}:c"}
    for record in records:
        check_mention(record, GOOD)
    assert "factx: 4 documents" in result.stderr and "2 skipped inputs" in result.stderr


def test_the_library_warns_and_goes_on(boom_nlp):
    with pytest.warns(FactxWarning, match=r"^1: RuntimeError: boom in a component; document skipped"):
        found = list(factx.extract([GOOD, "BOOM", GOOD], boom_nlp))
    assert [m.doc for m in found if m.type == "MONEY"] == ["0", "2"]
    results = list(factx.results([GOOD, "BOOM"], boom_nlp))
    assert results[1].error == "RuntimeError: boom in a component" and results[1].mentions == []
    assert results[0].error is None and results[0].mentions


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_absurd_values_give_records_not_a_crash(cli_nlp, tmp_path, jobs):
    path = tmp_path / "absurd.txt"
    text = "Utangnya Rp 10000000000000000 triliun. Minggu ini harga naik. Kontrak Rp 1" + "0" * 400 + "."
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "-f", "jsonl", "--ref-date", "0109-06-15", "--jobs", jobs])
    assert result.exit_code == 0, result.output
    records = read_jsonl(result.stdout)
    for record in records:
        check_mention(record, text)
    by_text = {r["text"]: r for r in records}
    assert by_text["Rp 10000000000000000 triliun"]["value"] == "1" + "0" * 28 + " IDR"
    assert by_text["Minggu ini"]["value"] == "0109-W24"


@pytest.mark.parametrize("text,expected", [
    ("Rp 10000000000000000 triliun", "1" + "0" * 28 + " IDR"),
    ("Rp 99999999999999999999999999999999 triliun", "1" + "0" * 44 + " IDR"),  # 28 significant digits kept
    ("US$ 1,5 triliun", "1500000000000 USD"),
])
def test_money_never_raises(text, expected):
    found = money.find_money(text)
    assert [m.money.value for m in found] == ([expected] if expected else [])
    assert all(text[m.start : m.end] == m.text for m in found)


def test_an_amount_no_float_holds_is_no_amount():
    assert not money_parse._finite(money.Money(Decimal("1E+400"), "IDR"))
    assert money_parse._finite(money.Money(Decimal("1E+300"), "IDR", Decimal("2E+300")))


@pytest.mark.parametrize("text,ref,expected", [
    ("minggu ini", dt.date(109, 6, 15), "0109-W24"),
    ("minggu lalu", dt.date(1, 1, 3), None),  # before the calendar's first week
    ("pekan depan", dt.date(9999, 12, 31), None),  # after its last
    ("100 tahun lalu", dt.date(50, 1, 1), None),
    ("9999999 hari lagi", dt.date(2025, 1, 1), None),
    ("tahun depan", dt.date(9999, 6, 1), None),
    ("Juli 2006 - Juni 2006", dt.date(2025, 1, 1), None),  # a range that ends before it starts
    ("larut malam tadi", dt.date(2025, 1, 1), None),
])
def test_dates_never_raise_and_give_valid_values(text, ref, expected):
    found, _, _ = dates.normalize(text, ref)
    values = [f.value for f in found]
    assert all(is_valid(f.label, f.value) for f in found)
    assert expected in values or (expected is None and all(v is None or is_valid("DATE", v) for v in values))
    if expected is None:
        assert not any(v and ("T24" in v or v.startswith(("0000", "-"))) for v in values)


@pytest.mark.parametrize("value,ok", [
    # unknown years (TIMEX3, from the year-less dates of issue 14): month and day checked, order not
    ("XXXX-08-26", True), ("XXXX-10", True), ("XXXX-XX-20", True), ("XXXX-12-24/XXXX-01-03", True),
    ("XXXX-09-25T21:00", True), ("XXXX-09/XXXX", True), ("XXXX-02-29", True),
    ("XXXX-02-30", False), ("XXXX-13", False), ("XXXX-XX", False), ("XXXX-08T10:00", False), ("XXXX-W24", False),
    ("2025", True), ("2025-03", True), ("2025-12-15", True), ("2025-W51", True), ("2020-W53", True),
    ("2025-12-15T10:00", True), ("T10:00", True), ("T02:00/T04:00", True), ("2008-01/2008-05", True),
    ("1967/2007-11-21", True), ("2002/2002-08", True),
    ("T24:00", False), ("2025-12-15T24:00", False), ("109-W24", False), ("2021-W53", False), ("2025-13", False),
    ("2025-02-30", False), ("2025/2024", False), ("2006-07/2006-06", False), ("T10:00/T09:00", False),
    ("2025-W51T10:00", False), ("0000", False), ("2025/T10:00", False), ("a/b/c", False), ("", False),
])
def test_date_value_check(value, ok):
    assert is_valid("DATE", value) is ok


@pytest.mark.parametrize("value,ok", [("P10Y", True), ("P3M10D", True), ("P0.5Y", True), ("PT3H", True),
                                      ("PT16.09H", True), ("P", False), ("PT", False), ("P3H", False), ("10Y", False)])
def test_duration_value_check(value, ok):
    assert is_valid("DURATION", value) is ok


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_piece_of_a_long_document_that_raises_skips_that_part_only(boom_nlp, tmp_path, monkeypatch, jobs):
    import factx.pieces

    monkeypatch.setattr(factx.pieces, "PIECE_CHARS", 1000)
    paragraph = GOOD + "\n\n"
    text = paragraph * 12 + "BOOM. " + paragraph * 12
    path = tmp_path / "panjang.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "-f", "jsonl", "--jobs", jobs])
    assert result.exit_code == 1
    assert f"warning: {path}: characters " in result.stderr
    assert ": RuntimeError: boom in a component; that part skipped" in result.stderr
    records = read_jsonl(result.stdout)
    for record in records:
        check_mention(record, text)
    money_starts = [r["start"] for r in records if r["type"] == "MONEY"]
    boom = text.index("BOOM")
    assert any(s < boom for s in money_starts) and any(s > boom for s in money_starts)
    assert len(money_starts) < 24  # the piece around BOOM gave none
