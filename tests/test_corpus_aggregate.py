"""The report's streaming aggregations, on documents written for the tests (no model): periods, timeline, money
per currency, largest amounts, unresolved dates, bounded memory; and the page they render (HTML checks; the
browser tests are in test_report_browser.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from factx.corpus.aggregate import CorpusStats, frame_period, sentence_around, year_of
from factx.corpus.report import month_window, render
from factx.engine import Result
from factx.readers import Document
from factx.records import Event, Mention


@pytest.mark.parametrize("value, expected", [
    ("2025-03-15", ("month", "2025-03")),
    ("2025-03", ("month", "2025-03")),
    ("2025-03-15T10:00", ("month", "2025-03")),
    ("2025-01/2025-03", ("month", "2025-01")),
    ("2025-12-30/2026-01-02", ("month", "2025-12")),
    ("2025-W11", ("month", "2025-03")),  # the Monday of ISO week 11 is 10 March
    ("2025-W01", ("month", "2024-12")),  # ... of week 1, 30 December 2024
    ("2025", ("year", "2025")),
    ("1990/1999", ("year", "1990")),
    (None, None),
    ("", None),
    ("XXXX-08-26", None),  # a year-less date (issue 14): undated
    ("XXXX-07/XXXX-09", None),
])
def test_frame_period(value, expected):
    assert frame_period(value) == expected


@pytest.mark.parametrize("value, year", [("2025-03-15", "2025"), ("1990/1999", "1990"), (None, None), ("x", None),
                                         ("XXXX-08-26", None)])
def test_year_of(value, year):
    assert year_of(value) == year


def test_sentence_around():
    text = "Pertama. PT X meneken kontrak Rp 5 miliar di Jakarta! Ketiga\nKeempat."
    start = text.index("Rp 5")
    assert sentence_around(text, start, start + 10) == "PT X meneken kontrak Rp 5 miliar di Jakarta!"
    assert sentence_around(text, text.index("Ketiga"), text.index("Ketiga") + 6) == "Ketiga"


def money(text, amount, currency, doc="d", start=0, unit=None):
    return Mention(doc, "MONEY", text, start, start + len(text), f"{amount} {currency}", 0, Decimal(amount), None,
                   currency, unit)


def org(text, value=None, doc="d"):
    return Mention(doc, "ORG", text, 0, len(text), value or text, 0)


def date(text, value, doc="d"):
    return Mention(doc, "DATE", text, 0, len(text), value, 0)


def frame(kind, when, orgs=(), amounts=(), doc="d"):
    return Event(doc, kind, "meneken", "klausa", 0, 6, when, list(orgs), [], ["Jakarta"],
                 [{"text": t, "amount": a, "currency": c} for t, a, c in amounts], 0)


def result(doc, mentions=(), events=(), ref=None, source=None, text=""):
    return Result(Document(doc, text), list(mentions), list(events), ref, source)


def test_timeline_months_years_only_and_undated():
    stats = CorpusStats()
    stats.add(result("a", events=[frame("AGREEMENT", "2025-03-15"), frame("AGREEMENT", "2025-03"),
                                  frame("MEETING", "2025-04-01/2025-04-03"), frame("MEETING", "2024"),
                                  frame("VISIT", None)]))
    assert dict(stats.months) == {("2025-03", "AGREEMENT"): 2, ("2025-04", "MEETING"): 1}
    assert dict(stats.years_only) == {("2024", "MEETING"): 1}
    assert dict(stats.undated) == {"VISIT": 1}
    assert list(stats.timeline()) == [("2025-03", "AGREEMENT", 2), ("2025-04", "MEETING", 1),
                                      ("2024 (year only)", "MEETING", 1), ("undated", "VISIT", 1)]
    assert stats.frames == 5


def test_money_per_currency_organisation_and_year_never_summed_across_currencies():
    stats = CorpusStats()
    stats.add(result("a", [org("Bank Mandiri"), org("PT Pertamina (Persero)")], [
        frame("AGREEMENT", "2025-03-15", ["PT Pertamina (Persero)", "Bank Mandiri"],
              [("Rp 1,5 triliun", 1500000000000, "IDR"), ("$2 juta", 2000000, "USD")]),
        frame("INVESTMENT", None, ["Pertamina"], [("Rp 10 miliar", 10000000000, "IDR")]),
        frame("OTHER", "2024", ["Pertamina"], [("sejumlah dana", None, None)]),
    ], ref=dt.date(2023, 5, 1)))
    stats.organisations()
    rows = {(r.name, r.currency, r.year): (r.total, r.frames) for r in stats.money_rows()}
    assert rows == {
        ("PT Pertamina (Persero)", "IDR", "2025"): (1500000000000, 1),
        ("PT Pertamina (Persero)", "USD", "2025"): (2000000, 1),
        ("PT Pertamina (Persero)", "IDR", "2023"): (10000000000, 1),  # no frame date: the document's year
        ("Bank Mandiri", "IDR", "2025"): (1500000000000, 1),
        ("Bank Mandiri", "USD", "2025"): (2000000, 1),
    }
    # by year, each amount once, though the frame names two organisations
    assert {k: tuple(v) for k, v in stats.money_years.items()} == {
        ("IDR", "2025"): (1500000000000, 1), ("USD", "2025"): (2000000, 1), ("IDR", "2023"): (10000000000, 1)}


def test_money_of_a_bare_acronym_goes_to_the_name_defined_elsewhere():
    stats = CorpusStats()
    stats.add(result("a", [org("Otoritas Jasa Keuangan"), org("OJK", "Otoritas Jasa Keuangan")]))
    stats.add(result("b", [org("OJK")], [frame("INVESTMENT", "2025-01", ["OJK"], [("Rp 5 miliar", 5000000000, "IDR")])]))
    stats.organisations()
    assert [(r.name, r.total) for r in stats.money_rows()] == [("Otoritas Jasa Keuangan", 5000000000)]
    # and the frames table names the organisation by its row
    page = render(stats)
    assert "<td>Otoritas Jasa Keuangan</td>" in page[page.index('id="frames"'):]


def test_largest_amounts_per_currency_bounded_with_their_sentence():
    stats = CorpusStats(top=2)
    text = "Proyek itu bernilai Rp 9 triliun. Harga Rp 5.000 per liter."
    stats.add(result("a", [money("Rp 9 triliun", 9000000000000, "IDR", "a", text.index("Rp 9")),
                           money("Rp 5.000", 5000, "IDR", "a", text.index("Rp 5.000"), unit="liter")], text=text))
    for n in range(1, 6):
        stats.add(result(f"d{n}", [money(f"Rp {n} miliar", n * 1000000000, "IDR", f"d{n}"),
                                   money(f"${n}", n, "USD", f"d{n}")], text="x" * 20))
    largest = stats.largest_amounts("IDR")
    assert [(a.amount, a.doc) for a in largest] == [(9000000000000, "a"), (5000000000, "d5")]
    assert largest[0].sentence == "Proyek itu bernilai Rp 9 triliun."
    assert [a.amount for a in stats.largest_amounts("USD")] == [5, 4]
    assert stats.currencies == {"IDR": 7, "USD": 5}  # the price per liter is counted, not ranked


def test_unresolved_dates_are_counted_with_their_texts():
    stats = CorpusStats()
    stats.add(result("a", [date("kemarin", None), date("Kemarin", None), date("kemarin", None),
                           date("15 Maret 2025", "2025-03-15"), date("1998", "1998"), date("pukul 21.00", "T21:00")]))
    assert stats.unresolved == 3
    assert stats.unresolved_texts == {"kemarin": 2, "Kemarin": 1}
    assert stats.date_values == ["1998", "2025-03-15"]


def test_dates_without_a_year_are_unresolved():
    stats = CorpusStats()
    stats.add(result("a", [date("Jumat (26/8)", "XXXX-08-26"), date("tanggal 20", "XXXX-XX-20"),
                           date("2 Agustus 2005", "2005-08-02")]))
    assert stats.unresolved == 2
    assert stats.unresolved_texts == {"Jumat (26/8)": 1, "tanggal 20": 1}
    assert stats.date_values == ["2005-08-02", "2005-08-02"]


def test_corpus_line_counts():
    stats = CorpusStats()
    stats.add(result("a", [org("Bank Mandiri"), date("kemarin", None)], ref=dt.date(2025, 1, 2), source="field"))
    stats.add(result("b", [org("Bank Mandiri")], ref=dt.date(2024, 6, 1), source="dateline"))
    stats.add(result("c"))
    assert stats.documents == 3
    assert stats.ref_dates == [dt.date(2024, 6, 1), dt.date(2025, 1, 2)]
    assert stats.ref_sources == {"field": 1, "dateline": 1, "none": 1}
    assert stats.mention_types == {"ORG": 2, "DATE": 1}


def test_memory_is_bounded_by_organisations_and_months_not_documents():
    stats = CorpusStats(top=3, frame_rows=10)

    def sizes():
        return (len(stats.orgs.stats), len(stats.months), len(stats.money), len(stats.money_years),
                sum(len(h) for h in stats.largest.values()), len(stats.frame_sample), len(stats.unresolved_texts))

    seen = []
    for round_ in range(3):
        for n in range(400):
            month = f"2025-{n % 12 + 1:02d}"
            stats.add(result(f"{round_}-{n}", [org("Bank Mandiri"), money("Rp 1 miliar", 10**9 + n, "IDR"),
                                               date("kemarin", None)],
                             [frame("AGREEMENT", month, ["Bank Mandiri"], [("Rp 1 miliar", 10**9, "IDR")])],
                             ref=dt.date(2025, 1, 1)))
        seen.append(sizes())
    assert seen[0] == seen[1] == seen[2] == (1, 12, 1, 1, 3, 10, 1)
    assert stats.frames == 1200


def test_month_window():
    assert month_window(["2024-11", "2025-02"], {}) == ["2024-11", "2024-12", "2025-01", "2025-02"]
    counts = {"1990-01": 1, "2020-01": 5, "2024-12": 7}
    window = month_window(list(counts), counts, limit=60)
    assert len(window) == 60 and window[-1] == "2024-12" and "2020-01" in window and "1990-01" not in window
    assert month_window([], {}) == []


def test_the_page_is_self_contained():
    stats = CorpusStats()
    stats.add(result("a", [org("Bank Mandiri"), money("Rp 1 miliar", 10**9, "IDR"), date("kemarin", None)],
                     [frame("AGREEMENT", "2025-03", ["Bank Mandiri"], [("Rp 1 miliar", 10**9, "IDR")]),
                      frame("MEETING", None, ["<script>alert(1)</script>"])], ref=dt.date(2025, 1, 1)))
    page = render(stats, top=5)
    assert page.startswith("<!DOCTYPE html>")
    frames = page[page.index('id="frames"'):]
    assert "<td>Bank Mandiri</td>" in frames
    for external in ("src=", "<link", "@import", "url(", "https://", "http-equiv='refresh'"):
        assert external not in page
    assert page.count("http://") == page.count('xmlns="http://www.w3.org/2000/svg"')  # SVG's namespace, not a request
    assert "default-src 'none'" in page  # the page's own policy forbids any request
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'id="unresolved-count"' in page.replace("'", '"')
