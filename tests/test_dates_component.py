"""The factx_dates component inside a spaCy pipeline: spans on doc.ents, values, the reference date, money first."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import spacy

import factx.dates.component  # noqa: F401  (registers the factory)
import factx.money.component  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "chongqing-singapura.txt"
EXPECTED = ROOT.parent / "shared" / "samples" / "chongqing-singapura.expected.json"


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("factx_money")
    nlp.add_pipe("factx_dates")
    return nlp


def run(nlp, text: str, ref: dt.date | None = None, source: str | None = None):
    doc = nlp.make_doc(text)
    doc._.ref_date, doc._.ref_date_source = ref, source
    return nlp(doc)


def ents(doc, labels=("DATE", "DURATION")):
    return [(e.text, e.label_, e._.value) for e in doc.ents if e.label_ in labels]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Pada 15 Desember 2025, rapat digelar di Chongqing.", [("15 Desember 2025", "DATE", "2025-12-15")]),
        ("Jakarta, Rabu (4/2/2015) - Harga beras naik.", [("Rabu (4/2/2015)", "DATE", "2015-02-04")]),
        ("Jakarta, Jumat (26/8) - Hujan turun.", [("Jumat (26/8)", "DATE", "2022-08-26")]),
        ("Proyek berjalan sepuluh tahun.", [("sepuluh tahun", "DURATION", "P10Y")]),
        ("Ia menunggu 3 jam di bandara.", [("3 jam", "DURATION", "PT3H")]),
        ("Festival 20-29 September 2005 ramai.", [("20-29 September 2005", "DATE", "2005-09-20/2005-09-29")]),
        ("Sidang Senin (3/3/2025) pukul 10.00 WIB.",
         [("Senin (3/3/2025) pukul 10.00 WIB", "DATE", "2025-03-03T10:00")]),
    ],
)
def test_spans_and_values(nlp, text, expected):
    assert ents(run(nlp, text, dt.date(2022, 9, 1), "option")) == expected


@pytest.mark.parametrize(
    "text,money",
    [
        ("Nilai kontrak mencapai $26 miliar pada 2015.", "$26 miliar"),
        ("Proyek senilai $10,8 juta itu diteken.", "$10,8 juta"),
        ("Harga naik menjadi Rp 2.015 per liter.", "Rp 2.015"),
        ("Dana Rp 2015 miliar dicairkan.", "Rp 2015 miliar"),
    ],
)
def test_money_is_never_a_date(nlp, text, money):
    doc = run(nlp, text, dt.date(2025, 1, 1), "option")
    assert money in [e.text for e in doc.ents if e.label_ == "MONEY"]
    for ent in doc.ents:
        if ent.label_ in ("DATE", "DURATION"):
            assert "$" not in ent.text and "Rp" not in ent.text and not set(ent.text.split()) & {"miliar", "juta"}


@pytest.mark.parametrize("text", ["Bunga naik 15%.", "Sebanyak 2015 orang mengungsi.", "Hubungi 0812-2015-3344."])
def test_no_date(nlp, text):
    assert ents(run(nlp, text, dt.date(2025, 1, 1), "option")) == []


def test_reference_date_inferred_and_recorded(nlp):
    doc = run(nlp, "Pada 1 Maret 2024 kontrak diteken. Target tahun ini naik.")
    assert (doc._.ref_date, doc._.ref_date_source) == (dt.date(2024, 3, 1), "latest-date")
    assert ents(doc)[-1] == ("tahun ini", "DATE", "2024")


def test_reference_date_from_dateline(nlp):
    doc = run(nlp, "Jakarta, Rabu (4/2/2015) - Polisi menangkap pelaku kemarin.")
    assert (doc._.ref_date, doc._.ref_date_source) == (dt.date(2015, 2, 4), "dateline")
    assert ents(doc)[-1] == ("kemarin", "DATE", "2015-02-03")


def test_given_reference_date_wins(nlp):
    doc = run(nlp, "Pada 1 Maret 2024 kontrak diteken. Target tahun ini naik.", dt.date(2030, 6, 1), "field")
    assert (doc._.ref_date, doc._.ref_date_source) == (dt.date(2030, 6, 1), "field")
    assert ents(doc)[-1] == ("tahun ini", "DATE", "2030")


def test_no_reference_date_leaves_relative_values_empty(nlp):
    doc = run(nlp, "Gempa terjadi kemarin.")
    assert (doc._.ref_date, doc._.ref_date_source) == (None, None)
    assert ents(doc) == [("kemarin", "DATE", None)]


def test_qualifier_on_span(nlp):
    doc = run(nlp, "Pabrik selesai sekitar akhir 2024.", dt.date(2025, 1, 1), "option")
    (ent,) = [e for e in doc.ents if e.label_ == "DATE"]
    assert (ent.text, ent._.value, ent._.qualifier) == ("akhir 2024", "2024", "sekitar akhir")


@pytest.mark.skipif(not EXPECTED.is_file(), reason="shared sample expectations not available")
def test_sample_dates_and_durations_exactly():
    import factx

    nlp = factx.load()
    doc = nlp(SAMPLE.read_text(encoding="utf-8"))
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert (doc._.ref_date, doc._.ref_date_source) == (dt.date(2025, 12, 15), "latest-date")
    assert ents(doc, ("DATE",)) == [(d["text"], "DATE", d["value"]) for d in expected["dates"]]
    assert ents(doc, ("DURATION",)) == [(d["text"], "DURATION", d["value"]) for d in expected["durations"]]


@pytest.mark.parametrize(
    "text,ref,expected",
    [
        ("Perajin berunjuk rasa, Jumat (26/8), di Jakarta.", None, [("Jumat (26/8)", "XXXX-08-26", None, False)]),
        ("Perajin berunjuk rasa, Jumat (26/8), di Jakarta.", dt.date(2005, 9, 1),
         [("Jumat (26/8)", "2005-08-26", "reference", False)]),
        ("Rekor itu pecah Jumat (26/8). Rekor lama bertahan sejak 2004.", None,
         [("Jumat (26/8)", "2005-08-26", "inferred", False), ("2004", "2004", "text", False)]),
        ("Mereka menolak UU Nomor 12 Tahun 2005. Sedangkan tanggal 2 Agustus pesawat itu tergelincir.", None,
         [("Tahun 2005", "2005", "text", True), ("tanggal 2 Agustus", "XXXX-08-02", None, False)]),
    ],
)
def test_year_source_and_date_in_name_on_spans(nlp, text, ref, expected):
    doc = run(nlp, text, ref, "option" if ref else None)
    got = [(e.text, e._.value, e._.year_source, e._.date_in_name) for e in doc.ents if e.label_ == "DATE"]
    assert got == expected


def test_year_after_a_name_on_doc_ents(nlp):
    text = "Perajin tampil di ajang Inacraft 2005, Jumat (26/8)."
    plain = run(nlp, text)
    assert [(e.text, e._.date_in_name) for e in plain.ents if e.label_ == "DATE"][0] == ("2005", False)
    doc = nlp.make_doc(text)
    start = text.index("Inacraft")
    doc.ents = [doc.char_span(start, start + len("Inacraft"), label="EVENT")]
    doc = nlp(doc)
    dates = [(e.text, e._.value, e._.year_source, e._.date_in_name) for e in doc.ents if e.label_ == "DATE"]
    # the event's year gives no year in context and pins no weekday (names are not the document's years)
    assert dates == [("2005", "2005", "text", True), ("Jumat (26/8)", "XXXX-08-26", None, False)]
    assert [e.text for e in doc.ents if e.label_ == "EVENT"] == ["Inacraft"]
