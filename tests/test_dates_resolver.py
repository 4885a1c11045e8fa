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
    ["Gempa terjadi kemarin.", "Rapat digelar Senin.", "Target tahun ini naik.", "Pasar ramai akhir pekan ini.",
     "Ia bertugas hingga akhir tahun."],
)
def test_unresolvable_without_reference_date(text):
    hits, ref, source = normalize(text)
    assert (ref, source) == (None, None)
    assert [(h.value, h.year_source) for h in hits] == [(None, None)]


def values_and_sources(text: str, ref: dt.date | None = None) -> list[tuple[str, str | None, str | None]]:
    hits, _, _ = normalize(text, ref)
    return [(text[h.start : h.end], h.value, h.year_source) for h in hits]


# No reference date and no year before it: the value keeps what the text gives, with an unknown year (TIMEX3).
@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ribuan perajin berunjuk rasa, Jumat (26/8), di depan Istana.", [("Jumat (26/8)", "XXXX-08-26", None)]),
        ("Rapat dimulai Jumat (7/3).", [("Jumat (7/3)", "XXXX-03-07", None)]),
        ("Sedangkan tanggal 2 Agustus pesawat itu tergelincir.", [("tanggal 2 Agustus", "XXXX-08-02", None)]),
        ("Tarif baru berlaku per 1 Oktober.", [("1 Oktober", "XXXX-10-01", None)]),
        ("Pada Mei proyek selesai.", [("Mei", "XXXX-05", None)]),
        ("Panen raya jatuh pada bulan Oktober.", [("bulan Oktober", "XXXX-10", None)]),
        ("Iuran dibayar paling lambat tanggal 10.", [("tanggal 10", "XXXX-XX-10", None)]),
        ("Pameran digelar tanggal 3 hingga 7.", [("tanggal 3 hingga 7", "XXXX-XX-03/XXXX-XX-07", None)]),
        ("Libur dari 24 sampai 3 Januari.", [("24 sampai 3 Januari", "XXXX-12-24/XXXX-01-03", None)]),
        ("Warga berjaga Minggu (25/9) malam pukul 21.00 WIB.",
         [("Minggu (25/9) malam pukul 21.00 WIB", "XXXX-09-25T21:00", None)]),
        ("Gereja penuh saat Natal.", [("Natal", "XXXX-12-25", None)]),
        ("Laba kuartal III naik.", [("kuartal III", "XXXX-07/XXXX-09", None)]),
        ("Sidang pada Juni. Putusan dibacakan tanggal 20.", [("Juni", "XXXX-06", None), ("tanggal 20", "XXXX-06-20", None)]),
        ("Kelahiran 29 Februari tercatat.", [("29 Februari", "XXXX-02-29", None)]),
        ("Penjualan naik sejak September hingga akhir tahun.", [("September hingga akhir tahun", "XXXX-09/XXXX", None)]),
    ],
)
def test_year_unknown(text, expected):
    assert values_and_sources(text) == expected


# Where the year comes from: written, an explicit year before it, the weekday among the years the document
# mentions, the reference date.
@pytest.mark.parametrize(
    "text,ref,expected",
    [
        ("Pabrik diresmikan 15 Agustus 2005.", None, [("15 Agustus 2005", "2005-08-15", "text")]),
        ("Pada 2005 harga naik. Sedangkan tanggal 2 Agustus harga turun.", None,
         [("2005", "2005", "text"), ("tanggal 2 Agustus", "2005-08-02", "context")]),
        ("Pada Agustus 2005 rapat digelar tanggal 20 pukul 10.00.", None,
         [("Agustus 2005", "2005-08", "text"), ("tanggal 20 pukul 10.00", "2005-08-20T10:00", "context")]),
        # the weekday pins the year: 26 August was a Friday in 2005 (and in 2011, not next to 2004 or 2005)
        ("Rekor itu dipecahkan Jumat (26/8). Rekor lama bertahan sejak 2004.", None,
         [("Jumat (26/8)", "2005-08-26", "inferred"), ("2004", "2004", "text")]),
        ("Demo digelar Senin, 5 Mei. Pada 2013 dan 2014 demo serupa terjadi.", None,
         [("Senin, 5 Mei", "2014-05-05", "inferred"), ("2013", "2013", "text"), ("2014", "2014", "text")]),
        # no year next to those mentioned fits the weekday, or more than one does: unknown
        ("Demo digelar Sabtu (26/8). Pada 2008 demo serupa terjadi.", None,
         [("Sabtu (26/8)", "XXXX-08-26", None), ("2008", "2008", "text")]),
        ("Sidang digelar Kamis (2/6). Kasus 2004 dan 2010 dibahas.", None,
         [("Kamis (2/6)", "XXXX-06-02", None), ("2004", "2004", "text"), ("2010", "2010", "text")]),
        # a context year the weekday contradicts gives way to the one year it fits
        ("Pada 2003 harga naik. Rekor dipecahkan Jumat (26/8) di Brussels pada 2005.", None,
         [("2003", "2003", "text"), ("Jumat (26/8)", "2005-08-26", "inferred"), ("2005", "2005", "text")]),
        # with a reference date: as before, and marked
        ("Sedangkan tanggal 2 Agustus pesawat itu tergelincir.", REF,
         [("tanggal 2 Agustus", "2025-08-02", "reference")]),
        ("Gempa terjadi kemarin, Selasa (11/3).", REF,
         [("kemarin", "2025-03-11", "reference"), ("Selasa (11/3)", "2025-03-11", "reference")]),
        ("Iuran dibayar paling lambat tanggal 10.", REF, [("tanggal 10", "2025-03-10", "reference")]),
        ("Pada 2019 harga naik, lalu turun pada Mei.", REF, [("2019", "2019", "text"), ("Mei", "2019-05", "context")]),
        ("Harga naik 10 persen selama tiga tahun.", REF, [("tiga tahun", "P3Y", None)]),
    ],
)
def test_year_source(text, ref, expected):
    assert values_and_sources(text, ref) == expected


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
