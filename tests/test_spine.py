"""Readers, writers and the engine without the CLI: table-driven."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal

import pytest

import factx
from factx import records as rec
from factx.engine import parse_types, split_text
from factx.readers import Problem, Reader, decode, parse_date
from factx.writers import Format, make_writer, safe_cell


@pytest.mark.parametrize(
    "data,text,encoding",
    [
        ("Harga naik".encode("utf-8"), "Harga naik", "utf-8"),
        (b"\xef\xbb\xbfHarga naik", "Harga naik", "utf-8"),
        ("Kafé “Jaya”".encode("cp1252"), "Kafé “Jaya”", "cp1252"),
        (b"caf\xe9 \x81", "café \x81", "latin-1"),  # 0x81 is undefined in cp1252
        (b"", "", "utf-8"),
    ],
)
def test_decode(data, text, encoding):
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2024-05-02", dt.date(2024, 5, 2)),
        ("2024-05-02T08:30:00+07:00", dt.date(2024, 5, 2)),
        ("02/05/2024", None),
        ("", None),
        (None, None),
        (20240502, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value,column,expected",
    [
        ("=SUM(A1)", "text", "'=SUM(A1)"),
        ("+62 812", "text", "'+62 812"),
        ("-", "doc", "'-"),
        ("@cmd", "value", "'@cmd"),
        ("\tx", "text", "'\tx"),
        ("\rx", "text", "'\rx"),
        ("Rp 5.000", "text", "Rp 5.000"),
        (-5, "amount", -5),
        (12, "start", 12),
        (None, "value", ""),
        (["PT A", "PT B"], "orgs", "PT A; PT B"),
        (["-x"], "orgs", "'-x"),
    ],
)
def test_safe_cell(value, column, expected):
    assert safe_cell(value, column) == expected


@pytest.mark.parametrize(
    "spec,expected",
    [
        ("date,money", {"DATE", "MONEY"}),
        ("ORG, per ,loc", {"ORG", "PER", "LOC"}),
        (["event", "duration"], {"EVENT", "DURATION"}),
        (None, None),
    ],
)
def test_parse_types(spec, expected):
    assert parse_types(spec) == (None if expected is None else frozenset(expected))


def test_parse_types_rejects_unknown_names():
    with pytest.raises(ValueError, match="cuaca"):
        parse_types("date,cuaca")


@pytest.mark.parametrize("limit", [7, 20, 64, 1000])
def test_split_text_gives_the_text_back(limit):
    text = ("Paragraf pertama. Kalimat kedua!\n\nParagraf kedua tanpa titik\n" * 9) + "x" * 150
    pieces = split_text(text, limit)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= limit for _, piece in pieces)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)


def test_reader_reports_problems_and_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text("satu", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": 7, "text": "dua", "date": "2020-01-02"}\nbukan json\n', encoding="utf-8")
    problems: list[Problem] = []
    docs = list(Reader(on_problem=problems.append).read([str(tmp_path), str(tmp_path / "hilang")]))
    assert [(d.id, d.text, d.ref_date) for d in docs] == [
        (str(tmp_path / "a.txt"), "satu", None),
        (f"{tmp_path / 'b.jsonl'}:7", "dua", dt.date(2020, 1, 2)),
    ]
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'b.jsonl'}:2: malformed JSON (Expecting value), line skipped",
        f"{tmp_path / 'hilang'}: no such file or folder",
    ]
    assert problems[1].missing


def test_money_record_numbers():
    mention = rec.Mention("d", "MONEY", "$10,8 juta", 0, 10, "10800000 USD", 0, Decimal("10800000.0"), None, "USD")
    out = mention.to_dict()
    assert out["amount"] == 10800000 and isinstance(out["amount"], int)
    assert rec.number(Decimal("1.25")) == 1.25


@pytest.mark.parametrize("fmt", [f for f in Format if f is not Format.sqlite])  # sqlite: tests/test_sqlite.py
def test_writers_handle_no_documents(fmt):
    stream = io.StringIO()
    writer = make_writer(fmt, stream)
    writer.open()
    writer.close()
    expected = {Format.csv: "doc,type,text,start,end", Format.json: "[]", Format.jsonl: "", Format.table: ""}[fmt]
    assert stream.getvalue().strip().startswith(expected)


def test_extract_accepts_strings_docs_and_documents(nlp):
    text = "Harga naik menjadi Rp 5.000 pada Maret 2024."
    inputs = [text, nlp.make_doc(text), factx.Document("x", text, dt.date(2024, 6, 1), "field")]
    found = list(factx.results(inputs, nlp))
    assert [r.document.id for r in found] == ["0", "1", "x"]
    assert [m.to_dict() | {"doc": ""} for m in found[0].mentions] == [m.to_dict() | {"doc": ""} for m in found[1].mentions]
    assert [m.type for m in found[2].mentions] == [m.type for m in found[0].mentions]
    assert found[2].ref_date == dt.date(2024, 6, 1) and found[2].ref_date_source == "field"
    records = list(factx.extract([text], nlp, types="money"))
    assert records and all(r.type == "MONEY" for r in records)
    assert json.dumps([r.to_dict() for r in records])
