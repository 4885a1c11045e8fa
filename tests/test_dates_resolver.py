"""Table-driven tests for resolution (factx.dates.resolver): the year, month and day in context, the reference date
inferred from the text or given, and values past the calendar's end. REF is Wednesday 12 March 2025.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factx.dates import normalize

REF = dt.date(2025, 3, 12)


def found(text: str, ref: dt.date | None = REF) -> list[tuple[str, str, str | None]]:
    hits, _, _ = normalize(text, ref)
    return [(text[h.start : h.end], h.label, h.value) for h in hits]


@pytest.mark.parametrize(
    "text,values",
    [
        # bare month: the explicit year before it in the sentence, then in the document, then the reference date
        ("Pada September 2024 otoritas membalas, lalu verifikasi pada November.", ["2024-09", "2024-11"]),
        ("Proyek dimulai Oktober 2023. Pada Mei proyek selesai.", ["2023-10", "2023-05"]),
        ("Pada Mei proyek selesai.", ["2025-05"]),
        ("Pada 2019 harga naik. Pada tahun ini, sejak Maret harga turun.", ["2019", "2025", "2025-03"]),
        ("Inflasi Juli dan Agustus 2007 rendah.", ["2025-07", "2007-08"]),
        ("Pada 2006 inflasi Juli dan Agustus rendah.", ["2006", "2006-07", "2006-08"]),
        ("Laba kuartal III 2008 naik, tetapi kuartal IV turun.", ["2008-07/2008-09", "2008-10/2008-12"]),
        ("Pada 2001 ia bertugas hingga akhir tahun.", ["2001", "2001"]),
        # a day alone takes its month the same way
        ("Pada Maret 2024 rapat digelar tanggal 20.", ["2024-03", "2024-03-20"]),
        ("Sidang pada Juni 2023. Putusan dibacakan tanggal 1 hingga 5.", ["2023-06", "2023-06-01/2023-06-05"]),
        ("Iuran dibayar paling lambat tanggal 10.", ["2025-03-10"]),
    ],
)
def test_year_from_context(text, values):
    assert [v for _, _, v in found(text)] == values


@pytest.mark.parametrize(
    "text",
    ["Gempa terjadi kemarin.", "Pada Mei proyek selesai.", "Rapat digelar Senin.", "Target tahun ini naik.",
     "Pasar ramai akhir pekan ini.", "Rapat dimulai Jumat (7/3)."],
)
def test_unresolvable_without_reference_date(text):
    hits, ref, source = normalize(text)
    assert (ref, source) == (None, None)
    assert [h.value for h in hits] == [None]


def test_reference_date_from_latest_full_date():
    text = "Pada 1 Maret 2024 kontrak diteken. Pada 15 Juni 2024 gedung selesai. Target tahun ini tercapai."
    hits, ref, source = normalize(text)
    assert (ref, source) == (dt.date(2024, 6, 15), "latest-date")
    assert hits[-1].value == "2024"


@pytest.mark.parametrize(
    "text,ref",
    [
        ("JAKARTA, Rabu (4/2/2015) - Harga beras naik sejak kemarin. Pada 1 Maret 2016 turun.", dt.date(2015, 2, 4)),
        ("Jakarta, 15 Desember 2025 - Rapat kemarin berakhir. Jadwal 20 Desember 2025 tetap.", dt.date(2025, 12, 15)),
        ("Senin, 15 Desember 2025 | 10:30 WIB\nRapat kemarin berakhir. Jadwal 20 Desember 2025 tetap.",
         dt.date(2025, 12, 15)),
    ],
)
def test_reference_date_from_dateline(text, ref):
    hits, got, source = normalize(text)
    assert (got, source) == (ref, "dateline")
    (yesterday,) = [h for h in hits if text[h.start : h.end] == "kemarin"]
    assert yesterday.value == (ref - dt.timedelta(days=1)).isoformat()


def test_given_reference_date_is_kept():
    hits, ref, source = normalize("Pada 1 Maret 2024 kontrak diteken, tahun ini diperpanjang.", REF)
    assert (ref, source) == (REF, None)
    assert [h.value for h in hits] == ["2024-03-01", "2025"]


def test_clock_time_takes_the_day_of_its_sentence():
    text = "Pada Senin (10/3) banjir melanda. Warga mengungsi pada Rabu (12/3), dan air surut pukul 16.00 WIB."
    assert [v for _, _, v in found(text)] == ["2025-03-10", "2025-03-12", "2025-03-12T16:00"]


@pytest.mark.parametrize(
    "text,ref",
    [
        ("Itu terjadi 1.000.000 hari lalu.", REF),
        ("Itu terjadi 99999 minggu lalu.", dt.date(1, 1, 2)),
        ("Proyek selesai 9999999999 hari lagi.", REF),
        ("Sidang digelar lusa.", dt.date(9999, 12, 31)),
    ],
)
def test_out_of_calendar_gives_no_value(text, ref):
    assert [v for _, _, v in found(text, ref)] == [None]
